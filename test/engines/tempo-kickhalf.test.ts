/**
 * The backbeat read with the kick half-way (issue 12 points 1 and 2, h-tempo52) on generated envelopes with a known
 * tempo. A fast boom-chick at 200 BPM (kick on 1 and 3, a loud snare on 2 and 4, hats on the ands) is tracked at
 * 100 on its snare, the kick half-way between those beats: the 100 level is the backbeat of the kick-and-snare
 * alternation at 200, which is handed the score taken. A 2/4 groove at 100 (kick on every beat, a soft chop on the
 * "and") keeps its slow pulse: its kick is on its beats.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backbeatKickHalf, estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, type Hit } from '../helpers/grooves.js';

// the kick soft on the full band, the snare loud (its body reaching the low band): the full band's beats at 100
// BPM are the snare's
const KICK: Hit = [0.5, 1, 1, 0.3, 0.05, 0.1];
const SNARE: Hit = [2.5, 0.6, 0.3, 0.6, 0.5, 0.15];
const HAT: Hit = [0.15, 0, 0, 0.02, 0.3, 0.6];
const CHOP: Hit = [0.25, 0.02, 0.05, 0.2, 0.5, 0.3];
const ands = [0.5, 1.5, 2.5, 3.5];

const near = (bpm: number | null, truth: number) => bpm !== null && Math.abs(bpm / truth - 1) < 0.02;
const off = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.backbeatKickHalfFrom, 100, f);

test('a fast boom-chick tapped at the fast level reads 200 BPM; without the term (the base) 100', () => {
  for (const bpm of [190, 200, 210]) {
    const boomChick = () =>
      groove(bpm, [
        [[0, 2], KICK],
        [[1, 3], SNARE],
        [ands, HAT],
      ]);
    assert.ok(near(estimateTempoWithDecision(boomChick()).tempo.bpm, bpm), `${bpm}`);
    const before = off(() => estimateTempoWithDecision(boomChick()).tempo.bpm);
    assert.ok(near(before, bpm / 2), `${bpm} without the term: ${before}`);
  }
});

test('a 2/4 groove (kick on every slow beat, a chop on the "and") keeps its slow pulse', () => {
  for (const bpm of [95, 100, 105]) {
    const twoFour = groove(bpm, [
      [[0, 1, 2, 3], KICK],
      [ands, CHOP],
    ]);
    const { tempo } = estimateTempoWithDecision(twoFour);
    assert.ok(near(tempo.bpm, bpm), `${bpm}: ${tempo.bpm}`);
  }
});

test('backbeatKickHalf: the floor with the kick half-way under a loud backbeat, 1 with the kick on the beats', () => {
  const beats = Array.from({ length: 10 }, (_, i) => 20 + 40 * i);
  const env = (on: number, half: number) => {
    const x = new Float64Array(440);
    for (const b of beats) ((x[b] = on), (x[b + 20] = half));
    return x;
  };
  const floor = TEMPO_PARAMETERS.backbeatFloor.value;
  // full band half-way 0.3 of the beats (≤ ¾ of 0.45), the kick half-way 2.5 × on the beats (≥ 1.5): the floor
  assert.equal(backbeatKickHalf(env(1, 0.3), env(0.2, 0.5), beats, 1), floor);
  // the kick on the beats (a 2/4 groove's slow level): untouched
  assert.equal(backbeatKickHalf(env(1, 0.3), env(1, 0.1), beats, 1), 1);
  // the full band half-way as strong as 0.45 of the beats (a rim or surdo tracked on its off-beat): untouched
  assert.equal(backbeatKickHalf(env(1, 0.45), env(0.2, 0.5), beats, 1), 1);
  // ρ_low 1.25 (half-way up the ramp 1 → 1.5): half of the way to the floor
  assert.ok(Math.abs(backbeatKickHalf(env(1, 0.3), env(0.4, 0.5), beats, 1) - (1 + floor) / 2) < 1e-9);
  // off (backbeatKickHalfFrom 100): 1
  assert.equal(
    off(() => backbeatKickHalf(env(1, 0.3), env(0.2, 0.5), beats, 1)),
    1,
  );
});
