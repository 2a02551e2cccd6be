/**
 * The blind half-time (issue 12 points 1 and 2, h-tempo89) on generated signals whose truth is set by construction
 * (rule A, fixtures/tempotruth.ts beatLevelFactor: the tapped beat is the level at which the backbeat falls on every
 * second beat). A half-time groove written at 140 BPM (kick on 1, clap on 3, hats in eighths) and a ballad at 70 read
 * at its eighths (140: cross-stick on 2 and 4 of the slow bar, hats on every eighth) both put the backbeat on every
 * fourth beat of the 140 BPM level: rule A's beat is 70 and the level is halved, when the snare detector reads no
 * backbeat (a clap or a cross-stick it does not take). A backbeat at 140 (the snare on every second beat) is left;
 * so is a level whose snare hits the detector reads, one slower than blindHalfTimeMinBpm, and everything at the
 * default (2: off).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blindHalfTime } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

const FRAME = 0.01;
/** 140 BPM, 48 beats (12 bars) from 1 s, on 10 ms frames. */
const beatSeconds = Array.from({ length: 48 }, (_, i) => 1 + (60 / 140) * i);
const beatFrames = beatSeconds.map((t) => t / FRAME);
const frames = Math.ceil(beatFrames.at(-1)! + 100);

/** A snare-group rise: a pulse of `height(i)` at beat i (hats on the beats and half-way at 0.3). */
function rise(height: (i: number) => number): Float64Array {
  const x = new Float64Array(frames);
  beatFrames.forEach((f, i) => {
    x[Math.round(f)] = height(i);
    x[Math.round(f + 60 / 140 / FRAME / 2)] = 0.3;
  });
  return x;
}

/** Half-time at 140: the clap on 3 (every fourth beat, from beat 2), hats 0.3 elsewhere. */
const halfTime = rise((i) => (i % 4 === 2 ? 2 : 0.3));
/** The ballad at 70 read at 140: the cross-stick on 2 and 4 of the slow bar = every fourth fast beat, from beat 2. */
const ballad = rise((i) => (i % 4 === 2 ? 1.2 : i % 4 === 0 ? 0.45 : 0.3));
/** A backbeat at 140: the snare on every second beat. */
const backbeat = rise((i) => (i % 2 === 1 ? 2 : 0.3));

const on = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.blindHalfTimeAccent, 0.4, f);

test('a half-time groove written at 140 whose clap the snare detector misses: halved (rule A: 70)', () => {
  const r = on(() => blindHalfTime([], halfTime, beatFrames, 140, 1))!;
  assert.equal(r.halve, true);
  assert.equal(r.rate, 0);
  // accent (2 − 0.3) / (2 + 0.3), the opposite class at the neighbours' level
  assert.ok(Math.abs(r.accent - 1.7 / 2.3) < 1e-9, `accent ${r.accent}`);
  assert.ok(Math.abs(r.pair) < 1e-9, `pair ${r.pair}`);
});

test('a ballad at 70 read at its eighths (140), the cross-stick not taken: halved (rule A: 70)', () => {
  const r = on(() => blindHalfTime([], ballad, beatFrames, 140, 1))!;
  assert.equal(r.halve, true);
  assert.ok(Math.abs(r.accent - 0.9 / 1.5) < 1e-9, `accent ${r.accent}`);
  // the kick's click on 1 (0.45) is 0.15 over the hats against the cross-stick's 0.9: one sixth of the way
  assert.ok(Math.abs(r.pair - 0.15 / 0.9) < 1e-9, `pair ${r.pair}`);
});

test('a backbeat at 140 (the snare on every second beat): left (rule A: 140)', () => {
  const r = on(() => blindHalfTime([], backbeat, beatFrames, 140, 1))!;
  assert.equal(r.halve, false);
  assert.ok(Math.abs(r.pair - 1) < 1e-9, `pair ${r.pair}`);
});

test('read only blind, fast enough, with enough beats, and not at the default', () => {
  // the snare detector reads the clap once a bar: 12 hits on 48 beats, 0.25 per beat (the level model reads it)
  const hits = beatSeconds.filter((_, i) => i % 4 === 2);
  assert.equal(on(() => blindHalfTime(hits, halfTime, beatFrames, 140, 1))!.halve, false);
  // 5 hits (0.104 per beat, a few the detector takes): still blind
  assert.equal(on(() => blindHalfTime(hits.slice(0, 5), halfTime, beatFrames, 140, 1))!.halve, true);
  // a level slower than blindHalfTimeMinBpm (125)
  assert.equal(on(() => blindHalfTime([], halfTime, beatFrames, 120, 1))!.halve, false);
  // fewer than 12 beats, or no snare group: not read
  assert.equal(
    on(() => blindHalfTime([], halfTime, beatFrames.slice(0, 11), 140, 1)),
    null,
  );
  assert.equal(
    on(() => blindHalfTime([], null, beatFrames, 140, 1)),
    null,
  );
  // the default (2): never
  assert.equal(TEMPO_PARAMETERS.blindHalfTimeAccent.value, 2);
  assert.equal(blindHalfTime([], halfTime, beatFrames, 140, 1)!.halve, false);
});
