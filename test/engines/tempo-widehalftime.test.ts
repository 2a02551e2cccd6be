/**
 * The wide half-time (issue 12 points 1 and 2, h-tempo96) on stroke times whose truth is set by construction (rule A,
 * fixtures/tempotruth.ts beatLevelFactor: the tapped beat is the level at which the backbeat falls on every second
 * beat). The wide snare reading's strokes at a 140 BPM level: a half-time groove written at 140 with its clap on 3
 * (every fourth beat, from beat 2) and a ballad at 70 read at its eighths (its cross-stick on 2 and 4 of the slow bar:
 * every fourth beat again) are halved, keeping the stroke's beats (2 and 4 of the half); a backbeat at 140 (every
 * second beat), a cumbia's off-beat side stick at 90 read at 180 (every second beat of the fast level) and a clap in
 * two bars only are left; so is a level whose shell snare the detector reads, one slower than wideHalfTimeMinBpm, and
 * everything at the default (2: off).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wideHalfTime } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

/** A level's beats (s): 48 beats (12 bars) from 1 s. */
const beatsAt = (bpm: number) => Array.from({ length: 48 }, (_, i) => 1 + (60 / bpm) * i);
const fast = beatsAt(140);
/** Strokes 10 ms after the beats whose index passes `which`. */
const strokes = (beats: number[], which: (i: number) => boolean) =>
  beats.filter((_, i) => which(i)).map((t) => t + 0.01);

const on = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.wideHalfTimeAccent, 0.6, f);

test('a half-time groove written at 140, its clap on 3: halved, the clap kept on a beat (rule A: 70)', () => {
  const r = on(() =>
    wideHalfTime(
      strokes(fast, (i) => i % 4 === 2),
      [],
      fast,
      140,
    ),
  )!;
  assert.equal(r.halve, true);
  // 12 claps (beats 2, 6, …, 46) between the first and the last beat, all in class 2: one in every bar
  assert.equal(r.accent, 1);
  assert.equal(r.bars, 12 / 12);
  assert.equal(r.rate, 0);
  // the kept beats are those of the clap's parity (beats 0, 2, 4, …: the clap on 2 and 4 of the half)
  assert.equal(r.parity, 0);
});

test('a ballad at 70 read at its eighths (140), the cross-stick with a few hat clicks half-way: halved', () => {
  const cross = strokes(fast, (i) => i % 4 === 2);
  const clicks = fast.filter((_, i) => i % 8 === 5).map((t) => t + 60 / 140 / 2);
  const r = on(() =>
    wideHalfTime(
      [...cross, ...clicks].sort((a, b) => a - b),
      [0, 1],
      fast,
      140,
    ),
  )!;
  // 12 strokes in class 2 over 12 + 6 hits: accent 12 / 18
  assert.ok(Math.abs(r.accent - 12 / 18) < 1e-9, `accent ${r.accent}`);
  assert.equal(r.halve, true);
});

test("a backbeat at 140 and a cumbia's off-beat side stick read at 180 (every second beat): left", () => {
  for (const bpm of [140, 180]) {
    const beats = beatsAt(bpm);
    const r = on(() =>
      wideHalfTime(
        strokes(beats, (i) => i % 2 === 1),
        [],
        beats,
        bpm,
      ),
    )!;
    assert.equal(r.halve, false, `${bpm}`);
    // classes 1 and 3: 12 and 11 strokes (the one on the last beat is outside): (12 − 11) / 23
    assert.ok(Math.abs(r.accent - 1 / 23) < 1e-9, `${bpm}: accent ${r.accent}`);
  }
});

test('read only with the stroke in most bars, the shell snare not heard, fast enough, and not at the default', () => {
  const clap = strokes(fast, (i) => i % 4 === 2);
  // the clap in two bars of twelve: 2 / 12 of the bars, below wideHalfTimeBars (0.35)
  assert.equal(on(() => wideHalfTime(clap.slice(0, 2), [], fast, 140))!.halve, false);
  // the snare detector's own hits at 30 of 48 beats (0.625 per beat, a shell snare heard): above wideHalfTimeMaxRate
  assert.equal(on(() => wideHalfTime(clap, fast.slice(0, 30), fast, 140))!.halve, false);
  // a level slower than wideHalfTimeMinBpm (120)
  assert.equal(on(() => wideHalfTime(clap, [], fast, 110))!.halve, false);
  // fewer than 12 beats, or no wide reading: not read
  assert.equal(
    on(() => wideHalfTime(clap, [], fast.slice(0, 11), 140)),
    null,
  );
  assert.equal(
    on(() => wideHalfTime(null, [], fast, 140)),
    null,
  );
  // the default (2): never
  assert.equal(TEMPO_PARAMETERS.wideHalfTimeAccent.value, 2);
  assert.equal(wideHalfTime(clap, [], fast, 140)!.halve, false);
});
