/**
 * The "no beat" gate on the kick-and-snare envelope (issue 12 point 2, h-tempo35): a reverberant song's pads and
 * tails fill the full band between the kicks, so neither the full-band nor the beat envelope is periodic enough
 * (minPeriodicitySigma), while the onset flux's low and mid groups (kick and snare) still are. Such a file passes the
 * gate on that envelope (kickSnareGateSigma) and its levels are read there; with the flux as aperiodic as the full
 * band, the file stays beatless.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, periodicityEvidence, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE } from '../helpers/grooves.js';

/** A seeded generator of uniform numbers in [0, 1) (a linear congruential generator). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Four on the floor at `bpm` (snare on 2 and 4, eighth hats) whose full-band and low-band envelopes are replaced by
 * aperiodic bursts (the reverberant mix), the flux's groups kept; with `aperiodicFlux` the flux's low and mid groups
 * are aperiodic bursts too.
 */
function reverberant(bpm: number, dry: number, aperiodicFlux = false): TempoInput {
  const g = groove(bpm, [
    [[0, 1, 2, 3], KICK],
    [[1, 3], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);
  const r = lcg(7);
  // the hits kept at `dry` of their level under the bursts
  const odf = Float32Array.from(g.odf, (v) => dry * v);
  const odfLow = Float32Array.from(g.odfLow, (v) => dry * v);
  // bursts at random times (mean gap 0.2 s), each decaying over ten frames
  for (let i = 0; i < odf.length; i += 1 + Math.floor(r() * 8)) {
    const a = 0.2 + r();
    for (let k = 0; k < 10 && i + k < odf.length; k++) {
      odf[i + k]! += a * 0.7 ** k;
      odfLow[i + k]! += 0.5 * a * 0.7 ** k;
    }
  }
  const flux = g.flux.values;
  if (aperiodicFlux) {
    flux.fill(0);
    for (let j = 0; j < flux.length / 5; j += 1 + Math.floor(r() * 16)) {
      flux[j * 5]! += 0.2 + r();
      flux[j * 5 + 1]! += 0.2 + r();
    }
  }
  return { ...g, odf, odfLow };
}

/** The hits under the bursts. */
const DRY = 0.2;

test('a reverberant four-on-the-floor passes the gate on its kick and snare and is read at its tempo', () => {
  for (const bpm of [100, 126]) {
    const input = reverberant(bpm, DRY);
    const e = periodicityEvidence(input);
    assert.ok(e.zRefMax! < TEMPO_PARAMETERS.minPeriodicitySigma.value, `${bpm}: full / beat ${e.zRefMax}`);
    assert.ok(
      e.zRefKickSnare! >= TEMPO_PARAMETERS.kickSnareGateSigma.value,
      `${bpm}: kick and snare ${e.zRefKickSnare}`,
    );
    const got = estimateTempoWithDecision(input);
    assert.ok(got.tempo.bpm !== null && Math.abs(got.tempo.bpm / bpm - 1) < 0.04, `${bpm}: ${got.tempo.bpm}`);
    assert.equal(got.decision!.inputs.periodicityEnvelope, 'kick and snare');
    // the gate off (kickSnareGateSigma 100, the code before): no beat
    const off = withParameterValue(TEMPO_PARAMETERS.kickSnareGateSigma, 100, () => estimateTempoWithDecision(input));
    assert.equal(off.tempo.bpm, null);
  }
});

test('with the kick and snare as aperiodic as the full band the file stays beatless', () => {
  const input = reverberant(126, DRY, true);
  assert.ok(periodicityEvidence(input).zRefKickSnare! < TEMPO_PARAMETERS.kickSnareGateSigma.value);
  assert.equal(estimateTempoWithDecision(input).tempo.bpm, null);
});
