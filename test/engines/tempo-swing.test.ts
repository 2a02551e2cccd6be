/**
 * The metrical level of swung and four-on-the-floor grooves (issue 12 point 2, h-tempo11) on generated envelopes with
 * a known tempo (same layout as tempo-twobeat.test.ts: full band, low band and the onset flux's four groups):
 * - a shuffle at 150 BPM (kick 1 and 3, snare 2 and 4, hats on the beats and on the "and"s swung to the triplet):
 *   at 75 BPM the hats' "and"s fall at ⅓ and ⅚ of the beat, not at its quarters; the two-beat check reads them there
 *   and 150 wins; with the check off the level is 75;
 * - four on the floor at 124 BPM with a loud snare on 2 and 4 (the envelope more periodic at two beats than at one):
 *   at 62 BPM the kick is on every beat and half-way; the kick's route of the two-beat check weighs 62 down; without
 *   that route the level is 62.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coincidence, estimateTempoWithDecision, twoBeatEvidence } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, type Hit } from '../helpers/grooves.js';

const KICK: Hit = [1, 1, 1, 0.3, 0.05, 0.05];

const near = (bpm: number | null, truth: number) => bpm !== null && Math.abs(bpm / truth - 1) < 0.02;
const quarters = [0, 1, 2, 3];
const swungAnds = quarters.map((b) => b + 2 / 3);

const shuffle = () =>
  groove(150, [
    [
      [0, 2],
      [1, 1, 1, 0.3, 0.05, 0.1],
    ],
    [
      [1, 3],
      [0.35, 0.1, 0.2, 0.4, 0.6, 0.15],
    ],
    [quarters, [0.15, 0, 0, 0.02, 0.3, 0.6]],
    [swungAnds, [0.15, 0, 0, 0.02, 0.3, 0.6]],
  ]);

test('a shuffle at 150 BPM: its hats swung to the triplet are the eighths of the two-beat check, 75 without it', () => {
  const { tempo, decision } = estimateTempoWithDecision(shuffle());
  assert.ok(near(tempo.bpm, 150), `${tempo.bpm}`);
  const slow = decision!.alternatives.find((a) => Math.abs(a.value / 75 - 1) < 0.04);
  assert.match(slow!.why_not, /two-beat check .*triplet-swung quarters/);
  const off = withParameterValue(TEMPO_PARAMETERS.twoBeatFloor, 1, () => estimateTempoWithDecision(shuffle()));
  assert.ok(near(off.tempo.bpm, 75), `check off: ${off.tempo.bpm}`);
});

test('twoBeatEvidence reads the eighths of the double at the quarters or at the triplet positions', () => {
  const beats = Array.from({ length: 10 }, (_, i) => 24 + 48 * i);
  const env = (at: number[]) => {
    const x = new Float64Array(520);
    for (const b of beats) {
      x[b] = 1;
      x[b + 24] = 1;
      for (const f of at) x[b + Math.round(48 * f)] = 0.9;
    }
    return x;
  };
  const straight = twoBeatEvidence(env([1 / 4, 3 / 4]), beats, 1);
  const swung = twoBeatEvidence(env([1 / 3, 5 / 6]), beats, 1);
  assert.deepEqual([straight.sub.toFixed(12), straight.swung, straight.evidence], ['0.900000000000', false, 1]);
  assert.deepEqual([swung.sub.toFixed(12), swung.swung, swung.evidence], ['0.900000000000', true, 1]);
  // nothing at either: no evidence
  assert.equal(twoBeatEvidence(env([]), beats, 1).evidence, 0);
});

const fourOnTheFloor = () =>
  groove(124, [
    [quarters, KICK],
    [
      [1, 3],
      [1.5, 0.1, 0.2, 0.5, 0.6, 0.6],
    ],
    [
      [0.5, 1.5, 2.5, 3.5],
      [0.2, 0, 0, 0.02, 0.3, 0.3],
    ],
  ]);

test('four on the floor with a loud snare: 124 BPM with the kick route of the two-beat check, 62 without it', () => {
  const { tempo, decision } = estimateTempoWithDecision(fourOnTheFloor());
  assert.ok(near(tempo.bpm, 124), `${tempo.bpm}`);
  const slow = decision!.alternatives.find((a) => Math.abs(a.value / 62 - 1) < 0.04);
  // the kick on both: its flux 1 on the beats, 1.2 half-way (the snare adds 0.2), smeared over the frames: ≈ 0.8
  assert.match(slow!.why_not, /two-beat check [\d.]+ \(top band half-way \/ beats 0\.07\d*, kick on both 0\.(79|8)/);
  const off = withParameterValue(TEMPO_PARAMETERS.twoBeatKickLow, 1, () => estimateTempoWithDecision(fourOnTheFloor()));
  assert.ok(near(off.tempo.bpm, 62), `without the kick route: ${off.tempo.bpm}`);
});

test('coincidence: Σ min / Σ max of the envelope on the beats and half-way', () => {
  const beats = [10, 30, 50, 70, 90];
  const x = new Float64Array(100);
  for (const b of beats) x[b] = 1;
  // nothing half-way
  assert.equal(coincidence(x, beats, 1), 0);
  for (const b of beats) x[b + 10] = 0.5;
  // four pairs (1, 0.5): 2 / 4
  assert.equal(coincidence(x, beats, 1), 0.5);
  x[20] = 1;
  assert.equal(coincidence(x, beats, 1), 2.5 / 4);
});
