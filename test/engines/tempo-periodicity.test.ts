/**
 * The tempo engine's beat gate (issue 12 points 2 and 6, h-tempo6): a beat is the envelope's best comb periodicity
 * measured against the envelope's own sampling spread (envelopeEvidence: Bartlett's σ over its short lags), not an
 * absolute autocorrelation level. Generated envelopes at 10 ms frames, 24 s:
 * - syllable-like bumps at random times (a smooth envelope, as speech): no beat;
 * - a rough envelope (a pad's tremor: independent values per frame) with a weak pulse every 0.5 s on top: its
 *   absolute periodicity is below the former absolute gate (0.25), yet far above its own spread (a rough envelope
 *   has as many independent samples as frames; syllables do not): a beat at 120 BPM (or a metrical relative).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envelopeEvidence, estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS } from '../../src/engines/analysis/params.js';

const FRAMES = 2400;

/** Raised-cosine bumps 60–160 ms long at Poisson times, about 4 a second, amplitudes 0.3–1 (seeded). */
function syllables(seed: number): Float32Array {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const env = new Float32Array(FRAMES);
  for (let t = 0; t < FRAMES;) {
    t += Math.max(1, Math.round(-Math.log(1 - rnd()) * 25));
    const len = 6 + Math.floor(rnd() * 10);
    const a = 0.3 + 0.7 * rnd();
    for (let j = 0; j < len && t + j < FRAMES; j++) env[t + j]! += a * 0.5 * (1 - Math.cos((2 * Math.PI * j) / len));
  }
  return env;
}

test('syllable-like bumps at random times (a smooth, aperiodic envelope): no beat', () => {
  for (const seed of [3, 17, 29]) {
    const odf = syllables(seed);
    const e = envelopeEvidence(odf, 100);
    assert.ok(e.zRef < TEMPO_PARAMETERS.minPeriodicitySigma.value, `seed ${seed}: ${e.zRef.toFixed(2)} σ`);
    const { tempo } = estimateTempoWithDecision({ odf, hopSeconds: 0.01 });
    assert.equal(tempo.bpm, null, `seed ${seed}`);
    assert.match(tempo.reason!, /not periodic/);
  }
});

test('a weak pulse in a rough tremor: below the old absolute gate, well above its own spread: 120 BPM', () => {
  for (const seed of [3, 17, 29]) {
    let s = seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const odf = Float32Array.from({ length: FRAMES }, () => rnd() * 2);
    assert.ok(envelopeEvidence(odf, 100).zRef < TEMPO_PARAMETERS.minPeriodicitySigma.value, 'the tremor alone');
    for (let t = 20; t < FRAMES; t += 50) odf[t] = odf[t]! + 1.5;
    const e = envelopeEvidence(odf, 100);
    assert.ok(e.comb < 0.25, `seed ${seed}: comb ${e.comb.toFixed(3)} (the former gate would have said no beat)`);
    assert.ok(e.zRef > 1.5 * TEMPO_PARAMETERS.minPeriodicitySigma.value, `seed ${seed}: ${e.zRef.toFixed(2)} σ`);
    const { tempo } = estimateTempoWithDecision({ odf, hopSeconds: 0.01 });
    assert.ok(
      tempo.bpm !== null && [60, 120, 240].some((b) => Math.abs(tempo.bpm! / b - 1) < 0.02),
      `seed ${seed}: ${tempo.bpm ?? tempo.reason}`,
    );
  }
});
