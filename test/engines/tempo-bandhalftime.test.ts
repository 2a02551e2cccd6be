/**
 * The band half-time (issue 12 points 1 and 2, h-tempo97) on a snare-group onset rise whose truth is set by
 * construction (rule A, fixtures/tempotruth.ts beatLevelFactor: the tapped beat is the level at which the backbeat
 * falls on every second beat). A 140 BPM level's beats (frames): a half-time groove written at 140 whose soft clap is
 * on 3 (every fourth beat, from beat 2: a peak of 4 over the others' 1, no snare stroke detected) is halved, keeping
 * the clap's beats; a backbeat at 140 (every second beat) and a cumbia's off-beat side stick read at 180 (every
 * second beat of the fast level) are left; so is a level whose snare the detector reads, one slower than
 * bandHalfTimeMinBpm, one with fewer than 12 beats, and everything when off (2); the default (0.33) halves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandHalfTime } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

/** 48 beats (12 bars) every 20 frames from frame 10, and a rise of `peak(i)` on beat i (1 elsewhere on a beat). */
const beats = Array.from({ length: 48 }, (_, i) => 10 + 20 * i);
const rise = (peak: (i: number) => number) => {
  const env = new Float64Array(1000).fill(0.1);
  beats.forEach((f, i) => (env[f] = peak(i)));
  return env;
};
const clapOn3 = rise((i) => (i % 4 === 2 ? 4 : 1));
const on = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.bandHalfTimeAccent, 0.33, f);

test('a half-time groove written at 140, its soft clap on 3 (no stroke detected): halved, the clap kept', () => {
  const r = on(() => bandHalfTime([], clapOn3, beats, 140, 1))!;
  // per bar the shares 1/7, 1/7, 4/7, 1/7: accent 4/7 − 1/7, the opposite class at the neighbours' level
  assert.ok(Math.abs(r.accent - 3 / 7) < 1e-9, `accent ${r.accent}`);
  assert.equal(r.pair, 0);
  assert.equal(r.rate, 0);
  // the kept beats are those of the clap's parity (beats 0, 2, 4, …: the clap on 2 and 4 of the half)
  assert.equal(r.parity, 0);
  assert.equal(r.halve, true);
});

test("a backbeat at 140 and a cumbia's off-beat side stick read at 180 (every second beat): left", () => {
  const backbeat = rise((i) => (i % 2 === 1 ? 3 : 1));
  for (const bpm of [140, 180]) {
    const r = on(() => bandHalfTime([], backbeat, beats, bpm, 1))!;
    // the opposite class as loud as the accent: pair 1
    assert.equal(r.pair, 1);
    assert.equal(r.halve, false);
  }
});

test('a snare the detector reads, a level under 120, fewer than 12 beats, no group, off: left', () => {
  const snare = beats.filter((_, i) => i % 4 === 2).map((f) => f * 0.01);
  assert.equal(on(() => bandHalfTime([...snare, ...snare, ...snare, ...snare], clapOn3, beats, 140, 1))!.halve, false);
  assert.equal(on(() => bandHalfTime([], clapOn3, beats, 110, 1))!.halve, false);
  assert.equal(
    on(() => bandHalfTime([], clapOn3, beats.slice(0, 11), 140, 1)),
    null,
  );
  assert.equal(
    on(() => bandHalfTime([], null, beats, 140, 1)),
    null,
  );
  assert.equal(
    withParameterValue(TEMPO_PARAMETERS.bandHalfTimeAccent, 2, () => bandHalfTime([], clapOn3, beats, 140, 1))!.halve,
    false,
  );
});

test('the default (0.33, h-tempo97): the soft clap on 3 halved', () => {
  assert.equal(TEMPO_PARAMETERS.bandHalfTimeAccent.value, 0.33);
  assert.equal(bandHalfTime([], clapOn3, beats, 140, 1)!.halve, true);
});
