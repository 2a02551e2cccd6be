/**
 * The windowed phase (issue 12 point 2, h-tempo84) on generated envelopes: the level phase's reading (kick and snare
 * on the beats and a quarter, a half and three quarters of the way, the kick agreeing) made per window of
 * windowPhaseBeats beats, so a tracker that slips half a beat off the kick for a stretch is moved back there and
 * nowhere else, no beat doubled or dropped at a window edge; at 10 nothing moves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowPhase } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

/** The kicks (and snares): 96 beats of 24 frames from frame 20. */
const kicks = Array.from({ length: 96 }, (_, i) => 20 + 24 * i);

/** A kick-and-snare (or kick) envelope: 1 on each kick, `between` half-way (an off-beat hat or bass). */
function env(between = 0) {
  const e = new Float64Array(20 + 24 * 97);
  for (const k of kicks) {
    e[k] = 1;
    e[k + 12] = between;
  }
  return e;
}

/**
 * The tracker's beats: on the kicks for 8 bars (beats 0–31), half a beat late for 8 bars (32–63: it slipped with a
 * beat and a half between two beats), on the kicks again after a second beat and a half (kick 64 skipped).
 */
const slipped = [...kicks.slice(0, 32), ...kicks.slice(32, 64).map((k) => k + 12), ...kicks.slice(65)];

const at = <T>(margin: number, size: number, f: () => T) =>
  withParameterValue(TEMPO_PARAMETERS.windowPhaseMargin, margin, () =>
    withParameterValue(TEMPO_PARAMETERS.windowPhaseBeats, size, f),
  );

test('a tracker half a beat off the kick for 8 bars: the beats return to the kicks there, none doubled', () => {
  const { beats, moved } = at(0.1, 16, () => windowPhase(env(0.2), env(0.2), slipped, 1));
  // windows of 16 beats: 0–15 and 16–31 on the kicks, 32–47 and 48–63 half-way, then 64–79 and 80–94 on them
  assert.deepEqual(moved, [0, 0, 0.5, 0.5, 0, 0]);
  // every kick has a beat: the slip's gap of a beat and a half filled, the window edge's double left out
  assert.deepEqual(beats, kicks);
  for (let i = 1; i < beats.length; i++) assert.ok(beats[i]! - beats[i - 1]! >= 18, `beat ${i}`);
});

test('windows of 8 beats read the same stretch: the same beats', () => {
  const { beats, moved } = at(0.1, 8, () => windowPhase(env(0.2), env(0.2), slipped, 1));
  assert.deepEqual(moved, [0, 0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0]);
  assert.deepEqual(beats, kicks);
});

test('a slip not on a window edge: the windows wholly off move, the mixed ones stay, no beat doubled', () => {
  // half a beat late for beats 40–71 (a window of 16 holds 8 on and 8 off at either end)
  const late = [...kicks.slice(0, 40), ...kicks.slice(40, 72).map((k) => k + 12), ...kicks.slice(73)];
  const { beats, moved } = at(0.1, 16, () => windowPhase(env(0.2), env(0.2), late, 1));
  assert.deepEqual(moved, [0, 0, 0, 0.5, 0, 0]);
  const onKick = beats.filter((b) => kicks.includes(b)).length;
  assert.ok(onKick >= 95 - 16, `${onKick} beats on the kicks`);
  for (let i = 1; i < beats.length; i++) assert.ok(beats[i]! - beats[i - 1]! >= 18, `beat ${i}`);
});

test('the kick not half-way (a skank in the mid group): nothing moves', () => {
  // kick and snare: 1 on the kicks, 2 half-way (the skank); the kick alone: 1 on them, 0 half-way
  const skank = env(2);
  const { beats, moved } = at(0.1, 16, () => windowPhase(skank, env(0), kicks, 1));
  assert.deepEqual(moved, [0, 0, 0, 0, 0, 0]);
  assert.deepEqual(beats, kicks);
});

test('a file shorter than two windows is left to the level phase', () => {
  const short = slipped.slice(30, 60);
  const { beats, moved } = at(0.1, 16, () => windowPhase(env(0.2), env(0.2), short, 1));
  assert.deepEqual(moved, []);
  assert.deepEqual(beats, short);
});

test('at 10 the windowed phase never moves the beats', () => {
  const { beats, moved } = at(10, 16, () => windowPhase(env(0.2), env(0.2), slipped, 1));
  assert.deepEqual(moved, []);
  assert.deepEqual(beats, slipped);
});

test('the window edge (windowPhaseEdge): at half a beat, a beat doubled at both edges of a moved window', () => {
  // half a beat late for beats 40–71: the window 48–63 moves, the mixed ones either side stay
  const late = [...kicks.slice(0, 40), ...kicks.slice(40, 72).map((k) => k + 12), ...kicks.slice(73)];
  const read = (edge: number) =>
    withParameterValue(TEMPO_PARAMETERS.windowPhaseEdge, edge, () =>
      at(0.1, 16, () => windowPhase(env(0.2), env(0.2), late, 1)),
    ).beats;
  const gaps = (b: number[]) => b.slice(1).map((x, i) => x - b[i]!);
  // at 0.5 (the range's bottom) the beats half a beat apart at both edges of the moved window are both kept
  assert.equal(gaps(read(0.5)).filter((g) => g === 12).length, 2);
  // from 0.55 to 0.95 the same beats as at ¾, none closer than ¾ beat
  const three = read(0.75);
  assert.ok(gaps(three).every((g) => g >= 18));
  for (const edge of [0.55, 0.95]) assert.deepEqual(read(edge), three, `edge ${edge}`);
});

test('the default: on (windowPhaseMargin 0.5, h-tempo88), windows of 8 beats, the edge at ¾ beat; at 10 off', () => {
  assert.equal(TEMPO_PARAMETERS.windowPhaseMargin.value, 0.5);
  assert.equal(TEMPO_PARAMETERS.windowPhaseBeats.value, 8);
  assert.equal(TEMPO_PARAMETERS.windowPhaseEdge.value, 0.75);
  // at 10 nothing moves
  const off = withParameterValue(TEMPO_PARAMETERS.windowPhaseMargin, 10, () =>
    windowPhase(env(0.2), env(0.2), slipped, 1),
  );
  assert.deepEqual(off, { beats: slipped, moved: [] });
});
