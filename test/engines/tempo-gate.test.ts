/**
 * The tempo engine's chord gate (issue 12 point 2): chord changes vote on the metrical level only when the file has
 * tuned notes (the pitch-class profile's tuning concentration ≥ harmonyMinTuning). A drum stem's chroma moves with
 * its pattern, but its spectral peaks sit anywhere within the semitone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { tuningAwareChroma } from '../../src/engines/key/index.js';
import { TEMPO_PARAMETERS } from '../../src/engines/analysis/params.js';
import { chordsEveryFourBeats } from '../helpers/grooves.js';

/** 120 BPM, 48 beats; chords (C, then F major) change every 4 beats (test/helpers/grooves.ts). */
const input = (pitchClass: Float64Array | undefined): TempoInput => chordsEveryFourBeats(pitchClass);

test('tuned notes (every peak on the semitone grid): the chord changes count', () => {
  const tuned = new Float64Array(120);
  for (const pc of [0, 4, 5, 7, 9]) tuned[pc * 10] = 1;
  assert.equal(tuningAwareChroma(tuned).concentration, 1);
  const { tempo, decision } = estimateTempoWithDecision(input(tuned));
  assert.equal(decision!.inputs.chordChanges, true);
  assert.equal(decision!.inputs.tuningConcentration, 1);
  assert.ok(Math.abs(tempo.bpm! - 120) < 1, `bpm ${tempo.bpm}`);
});

test('no tuning grid (peaks spread evenly within the semitone, as on a drum stem): the chroma does not vote', () => {
  const spread = new Float64Array(120).fill(1);
  assert.ok(tuningAwareChroma(spread).concentration < 1e-9);
  const { decision } = estimateTempoWithDecision(input(spread));
  assert.equal(decision!.inputs.chordChanges, false);
  assert.equal(decision!.inputs.tuningConcentration, 0);
  // the gate sits between the tuning set's songs (0.32–0.81) and drum files (≤ 0.17)
  assert.ok(TEMPO_PARAMETERS.harmonyMinTuning.value > 0.17 && TEMPO_PARAMETERS.harmonyMinTuning.value < 0.32);
});

test('without a pitch-class profile the chroma alone decides (as before the gate)', () => {
  const { decision } = estimateTempoWithDecision({ ...input(new Float64Array(120)), pitchClass: undefined });
  assert.equal(decision!.inputs.chordChanges, true);
  assert.equal(decision!.inputs.tuningConcentration, undefined);
});
