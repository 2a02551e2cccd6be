/**
 * The half-time check (h-tempo27) and the half-time snare (h-tempo26) read a level whose snare falls once every four
 * of its beats, always on the same one. The snare detector also finds weaker snare-like hits (flams, ghost notes,
 * rolls, a phonk's cowbell line); counted alike with the snare on 3, they spread the hits over the four classes and
 * off the beats, and the evidence falls below snareBackbeatMin. h-tempo45 counts each hit by its strength to the
 * power halfTimeStrengthPower (issue 12 point 2). The hits below are placed by hand (the snareHits contract: times
 * and strengths); the factors are computed from them by the check's own arithmetic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { halfTimeCheck, snareEveryFour } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

/** The count as before h-tempo45 (every hit alike). */
const before = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.halfTimeStrengthPower, 0, f);

/**
 * 12 bars of a half-time groove written at `bpm`: the snare on 3 (beat index 2) at strength 1; every third bar
 * (0, 3, 6, 9) also a weak hit (`ghost`) on beat 2 (index 1) and one on the "and" of 4 (index 3.5).
 */
function halfTime(bpm: number, ghost: number) {
  const p = 60 / bpm;
  const times: number[] = [];
  const strength: number[] = [];
  const at = (beat: number, s: number) => (times.push(0.1 + beat * p), strength.push(s));
  for (let bar = 0; bar < 12; bar++) {
    if (bar % 3 === 0) at(bar * 4 + 1, ghost);
    at(bar * 4 + 2, 1);
    if (bar % 3 === 0) at(bar * 4 + 3.5, ghost);
  }
  const beats = (k: number) => Array.from({ length: 48 * k }, (_, i) => 0.1 + (i * p) / k);
  return { hits: { times, strength }, beats };
}

test('half-time check: weak snare-like hits no longer hide the snare on 3 of a fast quarter (144 BPM)', () => {
  const { hits, beats } = halfTime(144, 0.3);
  const min = TEMPO_PARAMETERS.snareBackbeatMin.value;
  const floor = TEMPO_PARAMETERS.halfTimeCheckFloor.value;
  const power = TEMPO_PARAMETERS.halfTimeStrengthPower.value;
  assert.equal(power, 2);
  // every hit alike: 12 snares of 16 on the beats in one class, 16 of 20 on the beats: evidence 0.75 · 0.8 = 0.6
  const old = before(() => halfTimeCheck(hits, beats(1), 144));
  assert.ok(Math.abs(old.evidence - 0.6) < 1e-9, `before: ${old.evidence}`);
  const oldWeight = (0.6 - min) / (1 - min);
  assert.ok(Math.abs(old.factor - (1 - (1 - floor) * oldWeight)) < 1e-9, `before: ${old.factor}`);
  // by strength squared: the ghosts weigh 0.09 each: 12 / 12.72
  const now = halfTimeCheck(hits, beats(1), 144);
  assert.ok(Math.abs(now.evidence - 12 / 12.72) < 1e-9, `now: ${now.evidence}`);
  const weight = (12 / 12.72 - min) / (1 - min);
  assert.ok(Math.abs(now.factor - (1 - (1 - floor) * weight)) < 1e-9, `now: ${now.factor}`);
  assert.ok(now.factor < 0.35 && old.factor > 0.6, `${now.factor} vs ${old.factor}`);
});

test('half-time check by strength: a backbeat and the slow level untouched; equal strengths = the count', () => {
  // the tapped level (72: the snare every two beats) has no snare every four beats: nothing, by count or strength
  const { hits, beats } = halfTime(144, 0.3);
  assert.equal(halfTimeCheck(hits, beats(0.5), 72).factor, 1);
  // a rock backbeat at 144 (the snare on 2 and 4, strong): no four-beat intervals, nothing
  const p = 60 / 144;
  const times = Array.from({ length: 24 }, (_, i) => 0.1 + (2 * i + 1) * p);
  const rock = { times, strength: times.map(() => 1) };
  assert.equal(halfTimeCheck(rock, beats(1), 144).factor, 1);
  // ghosts as strong as the snare: the strength count is the hit count
  const even = halfTime(144, 1);
  const a = snareEveryFour(even.hits, even.beats(1), 144);
  const b = before(() => snareEveryFour(even.hits, even.beats(1), 144));
  assert.ok(Math.abs(a.evidence - 0.6) < 1e-9 && Math.abs(b.evidence - 0.6) < 1e-9, `${a.evidence} ${b.evidence}`);
});
