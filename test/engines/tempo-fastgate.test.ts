/**
 * The "no beat" gate on a fast groove struck on every beat (issue 12 point 2, h-tempo41): a blast beat or d-beat drum
 * stem (the kick on every beat, the snare on every off eighth) under a cymbal wash has a full band periodic enough for
 * the first test (minPeriodicitySigma) but not a beat by itself (beatGateStrongSigma), no tuned notes, and a pattern
 * that repeats every beat (so no bar-multiple repeat: beatGateMinPattern). Its kick and snare (the onset flux's low
 * and mid groups) are strongly periodic: at beatGateKickSnareSigma or above that is a beat (tempo28's 208.9 and
 * tempo29's 202.5 drum stems read no tempo before). Speech stays beatless: its kick-and-snare envelope is not
 * periodic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, periodicityEvidence, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, type Hit } from '../helpers/grooves.js';

/** A blast beat's eighth: kick and snare together, the beat's louder than the off eighth's (same band shape). */
const ON: Hit = [1, 1, 1, 0.6, 0.5, 0.1];
const OFF: Hit = [0.6, 0.6, 0.6, 0.36, 0.3, 0.06];

/** A seeded generator of uniform numbers in [0, 1) (a linear congruential generator). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** No tuning grid: the pitch-class profile's peaks spread evenly within the semitone (a drum stem's). */
const UNTUNED = new Float64Array(120).fill(1);

/**
 * A kick on every beat and a snare on every off eighth at `bpm`, the full-band envelope (and the low band, less)
 * filled by aperiodic cymbal swells (`wash` their level against the hits; the flux's kick and snare groups kept).
 */
function washed(bpm: number, wash: number, seed = 11): TempoInput {
  const g = groove(bpm, [
    [[0, 1, 2, 3], ON],
    [[0.5, 1.5, 2.5, 3.5], OFF],
  ]);
  const r = lcg(seed);
  const odf = Float32Array.from(g.odf);
  const odfLow = Float32Array.from(g.odfLow);
  for (let i = 0; i < odf.length; i += 1 + Math.floor(r() * 8)) {
    const a = wash * (0.2 + r());
    for (let k = 0; k < 10 && i + k < odf.length; k++) {
      odf[i + k]! += a * 0.7 ** k;
      odfLow[i + k]! += 0.3 * a * 0.7 ** k;
    }
  }
  return { ...g, odf, odfLow, pitchClass: UNTUNED };
}

/** The wash at which the full band sits between minPeriodicitySigma and beatGateStrongSigma (5.0–5.3 σ here). */
const WASH = 3;

test('a washed blast beat without tuned notes passes the gate on its kick and snare and is read at its tempo', () => {
  for (const bpm of [200, 208]) {
    const input = washed(bpm, WASH);
    const e = periodicityEvidence(input);
    assert.ok(
      e.zRefMax! >= TEMPO_PARAMETERS.minPeriodicitySigma.value &&
        e.zRefMax! < TEMPO_PARAMETERS.beatGateStrongSigma.value,
      `${bpm}: full / beat ${e.zRefMax}`,
    );
    assert.ok(e.zRefKickSnare! >= TEMPO_PARAMETERS.beatGateKickSnareSigma.value, `${bpm}: kick and snare`);
    const got = estimateTempoWithDecision(input);
    assert.ok(got.tempo.bpm !== null && Math.abs(got.tempo.bpm / bpm - 1) < 0.04, `${bpm}: ${got.tempo.bpm}`);
    assert.equal(got.decision!.inputs.periodicityEnvelope, 'kick and snare');
    // the test off (beatGateKickSnareSigma 100, main's code before h-tempo41): no beat, the pattern repeating on every
    // beat (no bar-multiple repeat) and no tuned notes
    const off = withParameterValue(TEMPO_PARAMETERS.beatGateKickSnareSigma, 100, () =>
      estimateTempoWithDecision(input),
    );
    assert.equal(off.tempo.bpm, null);
    assert.match(off.tempo.reason!, /neither tuned notes .* nor a repeating pattern/);
  }
});

test('with the kick and snare as aperiodic as the wash the file stays beatless', () => {
  const input = washed(200, WASH);
  const r = lcg(5);
  const flux = Float32Array.from(input.flux!.values as ArrayLike<number>).fill(0);
  for (let j = 0; j < flux.length / 5; j += 1 + Math.floor(r() * 16)) {
    flux[j * 5]! += 0.2 + r();
    flux[j * 5 + 1]! += 0.2 + r();
  }
  const aperiodic = { ...input, flux: { ...input.flux!, values: flux } };
  assert.ok(periodicityEvidence(aperiodic).zRefKickSnare! < TEMPO_PARAMETERS.beatGateKickSnareSigma.value);
  assert.equal(estimateTempoWithDecision(aperiodic).tempo.bpm, null);
});
