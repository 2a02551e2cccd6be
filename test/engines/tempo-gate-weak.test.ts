/**
 * The "no beat" gate's weak band (issue 12 points 1 and 2, h-tgate63): a compressed half-time song (tempo40's drill
 * under mcompand and wow) can fall a little under minPeriodicitySigma while it has tuned notes and a drum pattern
 * repeating every bar. From beatGateWeakSigma up to minPeriodicitySigma such a file is a beat when both of the second
 * test's cues are measured (tuned notes and a repeating pattern); a file lacking either stays beatless.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, periodicityEvidence, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { noiseSource } from '../../fixtures/signals.js';
import { groove, HAT, KICK, SNARE } from '../helpers/grooves.js';

/** An open hat (the flux's high and top groups) once a bar: the bar's pattern. */
const OPEN_HAT = [0.3, 0, 0, 0, 1, 2] as const;

/**
 * A half-time groove at `bpm` (kick on 1, snare on 3, eighth hats, an open hat on 4) compressed: a slow noise floor
 * (a one-pole low-pass of uniform noise, 6 times a kick) under the full-band and low-band envelopes, uniform noise in
 * the flux's low and mid groups (so the kick and snare alone do not pass either), a tuned pitch-class profile.
 */
function compressed(bpm: number, seed: number): TempoInput {
  const g = groove(bpm, [
    [[0], KICK],
    [[2], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
    [[3], OPEN_HAT],
  ]);
  const r = noiseSource(seed);
  let y = 0;
  let z = 0;
  const odf = Float32Array.from(g.odf, (v) => v + 6 * (y = 0.9 * y + 0.1 * r()));
  const odfLow = Float32Array.from(g.odfLow, (v) => v + 6 * (z = 0.9 * z + 0.1 * r()));
  const flux = Float32Array.from(g.flux.values);
  for (let j = 0; j < flux.length / 5; j++) {
    flux[j * 5]! += 2 * r();
    flux[j * 5 + 1]! += 2 * r();
  }
  // D minor's notes on the semitone grid (tuned notes)
  const pitchClass = new Float64Array(120);
  for (const pc of [2, 5, 9, 0]) pitchClass[pc * 10] = 1;
  return { ...g, odf, odfLow, flux: { ...g.flux, values: flux }, pitchClass };
}

/** Grooves whose periodicity falls in the band (seeds found by a scan of 1–6 at each tempo). */
const CASES: [number, number][] = [
  [140, 2],
  [146, 4],
  [150, 5],
];

test('a compressed half-time groove with tuned notes and a bar pattern under 4.2 σ is read at its tempo', () => {
  const weak = TEMPO_PARAMETERS.beatGateWeakSigma.value;
  const min = TEMPO_PARAMETERS.minPeriodicitySigma.value;
  for (const [bpm, seed] of CASES) {
    const input = compressed(bpm, seed);
    const e = periodicityEvidence(input);
    assert.ok(e.zRefMax! >= weak && e.zRefMax! < min, `${bpm}: full / beat ${e.zRefMax}`);
    assert.ok(e.zRefKickSnare! < TEMPO_PARAMETERS.kickSnareGateSigma.value, `${bpm}: kick-snare ${e.zRefKickSnare}`);
    const got = estimateTempoWithDecision(input);
    const bpmRead = got.tempo.bpm;
    // the written tempo or its half (the half-time feel), within 4 %
    assert.ok(
      bpmRead !== null && [bpm, bpm / 2].some((t) => Math.abs(bpmRead / t - 1) < 0.04),
      `${bpm}: ${bpmRead} (${got.tempo.bpm === null ? got.tempo.reason : ''})`,
    );
    assert.match(String(got.decision!.inputs.beatGate), /≥ 3 σ\) with tuned-note concentration 1 ≥ 0\.25 and pattern/);
    // the band off (beatGateWeakSigma at minPeriodicitySigma, main before h-tgate63): no beat
    const off = withParameterValue(TEMPO_PARAMETERS.beatGateWeakSigma, min, () => estimateTempoWithDecision(input));
    assert.equal(off.tempo.bpm, null);
    assert.match(off.tempo.reason!, /not periodic/);
  }
});

test('in the band, a groove without tuned notes or without a pitch-class profile stays beatless', () => {
  for (const [bpm, seed] of CASES) {
    const input = compressed(bpm, seed);
    // peaks spread evenly within the semitone (a drum stem, speech): no tuned notes
    const spread = { ...input, pitchClass: new Float64Array(120).fill(1) };
    assert.equal(estimateTempoWithDecision(spread).tempo.bpm, null, `${bpm}: spread profile`);
    // evidence the input lacks counts as absent in this band (above minPeriodicitySigma it counts as present)
    assert.equal(estimateTempoWithDecision({ ...input, pitchClass: undefined }).tempo.bpm, null, `${bpm}: no profile`);
    assert.equal(estimateTempoWithDecision({ ...input, flux: undefined }).tempo.bpm, null, `${bpm}: no flux`);
  }
});
