/**
 * The two-beat check (issue 12 point 2, h-tempo9) on generated envelopes with a known tempo. A groove at 120 BPM
 * whose kick repeats every two beats (1, the "a" of 1, 3, the "a" of 3: baile funk's), snare on 2 and 4, even eighth
 * hats: the envelope is more periodic at two beats than at one and the levels' other terms do not tell them apart,
 * so without the check the level is 60 BPM. The onset flux's top group (hats, the snare's sizzle, the kick's beater)
 * is as strong half-way between the 60 BPM beats as on them, and the eighths of 120 fill its quarters: the check
 * weighs 60 down and 120 wins. A slow groove with eighth hats (its quarters empty) and a half-time groove with
 * sixteenth hats (its snare on the beat, the half-way hats weaker) keep their tempo.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, twoBeatEvidence } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, type Hit } from '../helpers/grooves.js';

const KICK: Hit = [1, 1, 1, 0.3, 0.05, 0.1];
const SNARE: Hit = [0.35, 0.1, 0.2, 0.4, 0.6, 0.15];
const HAT: Hit = [0.15, 0, 0, 0.02, 0.3, 0.6];

const eighths = Array.from({ length: 8 }, (_, k) => k / 2);
const sixteenths = Array.from({ length: 16 }, (_, k) => k / 4);

const twoBeat = () =>
  groove(120, [
    [[0, 0.75, 2, 2.75], KICK],
    [[1, 3], SNARE],
    [eighths, HAT],
  ]);
const near = (bpm: number | null, truth: number) => bpm !== null && Math.abs(bpm / truth - 1) < 0.02;

test('a kick repeating every two beats: 120 BPM with the two-beat check, 60 without it', () => {
  const { tempo, decision } = estimateTempoWithDecision(twoBeat());
  assert.ok(near(tempo.bpm, 120), `${tempo.bpm}`);
  // the 60 BPM level lost on the check, and the decision says so
  const sixty = decision!.alternatives.find((a) => Math.abs(a.value / 60 - 1) < 0.04);
  assert.match(sixty!.why_not, /two-beat check/);
  const off = withParameterValue(TEMPO_PARAMETERS.twoBeatFloor, 1, () => estimateTempoWithDecision(twoBeat()));
  assert.ok(near(off.tempo.bpm, 60), `without the check: ${off.tempo.bpm}`);
});

test('a slow groove with eighth hats and a half-time groove with sixteenth hats keep their tempo', () => {
  const ballad = estimateTempoWithDecision(
    groove(70, [
      [[0, 2.5], KICK],
      [[1, 3], SNARE],
      [eighths, HAT],
    ]),
  );
  assert.ok(near(ballad.tempo.bpm, 70), `ballad ${ballad.tempo.bpm}`);
  const halfTime = estimateTempoWithDecision(
    groove(85, [
      [[0, 2.75], KICK],
      [[2], SNARE],
      [sixteenths, HAT],
    ]),
  );
  assert.ok(near(halfTime.tempo.bpm, 85), `half-time ${halfTime.tempo.bpm}`);
});

test('twoBeatEvidence: full on a two-beat pattern, none with the quarters empty or the half-way a mere hat', () => {
  // frames: beats every 40, the envelope's value at a beat, half-way and the quarters
  const beats = Array.from({ length: 10 }, (_, i) => 20 + 40 * i);
  const env = (on: number, half: number, quarter: number) => {
    const x = new Float64Array(440);
    for (const b of beats) {
      x[b] = on;
      x[b + 20] = half;
      x[b + 10] = quarter;
      x[b + 30] = quarter;
    }
    return x;
  };
  const full = twoBeatEvidence(env(1, 1, 0.875), beats, 1);
  assert.deepEqual([full.half, full.sub, full.evidence], [1, 0.875, 1]);
  assert.equal(twoBeatEvidence(env(1, 1, 0), beats, 1).evidence, 0);
  // half-way at 0.4 of the beats: below twoBeatHalfLow (0.5)
  assert.equal(twoBeatEvidence(env(1, 0.4, 0.9), beats, 1).evidence, 0);
  // sixteenths at the quarters 0.45 of the beats (a ballad's): below twoBeatSubLow (0.55)
  assert.equal(twoBeatEvidence(env(1, 1, 0.45), beats, 1).evidence, 0);
  // half-way 0.725 of the beats (half-way up the ramp 0.5 → 0.95), quarters 0.675 (half-way up 0.55 → 0.8)
  assert.ok(Math.abs(twoBeatEvidence(env(1, 0.725, 0.675), beats, 1).evidence - 0.25) < 1e-9);
});
