/**
 * The band half-time (issue 12 points 1 and 2, h-tempo97) on a snare-group onset rise whose truth is set by
 * construction (rule A, fixtures/tempotruth.ts beatLevelFactor: the tapped beat is the level at which the backbeat
 * falls on every second beat). A 140 BPM level's beats (frames): a half-time groove written at 140 whose soft clap is
 * on 3 (every fourth beat, from beat 2: a peak of 4 over the others' 1, no snare stroke detected) is halved, keeping
 * the clap's beats; a backbeat at 140 (every second beat) and a cumbia's off-beat side stick read at 180 (every
 * second beat of the fast level) are left; so is a level whose snare the detector reads, one slower than
 * bandHalfTimeMinBpm, one with fewer than 12 beats, and everything when off (2); the default (0.33) halves. The
 * per-bar reading (h-tempo99): a cross-stick on 3 in every bar whose strokes the detector half-hears (0.21 per beat,
 * over bandHalfTimeMaxRate) with the kick on the opposite beat is halved by its median bar's accent; a footwork-like
 * groove (the opposite beat below the neighbours), an accent in one bar in three and a stroke heard on every accent
 * are left.
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

/** 10 snare hits over the 48 beats (0.21 per beat: over bandHalfTimeMaxRate 0.2, under bandHalfTimeBarMaxRate 0.24). */
const halfHeard = Array.from({ length: 10 }, (_, i) => 0.3 + 0.8 * i);
const perBar = <T>(f: () => T) =>
  on(() =>
    withParameterValue(TEMPO_PARAMETERS.bandHalfTimeBarAccent, 0.33, () =>
      withParameterValue(TEMPO_PARAMETERS.bandHalfTimeBarMaxRate, 0.24, () =>
        withParameterValue(TEMPO_PARAMETERS.bandHalfTimeBarMinPair, 0, f),
      ),
    ),
  );

test('the per-bar reading: a cross-stick on 3 in every bar, half-heard, the kick on 1: halved, the stick kept', () => {
  const crossStick = rise((i) => [1.5, 1, 5, 1][i % 4]!);
  const r = perBar(() => bandHalfTime(halfHeard, crossStick, beats, 140, 1))!;
  // per bar the shares 1.5, 1, 5, 1 of 8.5: accent (5 − 1) / 8.5 in every bar, the opposite beat 0.5 / 8.5 over
  assert.ok(Math.abs(r.barAccent - 4 / 8.5) < 1e-9, `bar accent ${r.barAccent}`);
  assert.ok(Math.abs(r.pair - 0.125) < 1e-9, `pair ${r.pair}`);
  assert.ok(Math.abs(r.rate - 10 / 48) < 1e-9);
  assert.equal(r.parity, 0);
  assert.equal(r.halve, true);
  // the mean reading alone (bandHalfTimeMaxRate 0.2) does not halve it: the per-bar reading off
  const off = on(() =>
    withParameterValue(TEMPO_PARAMETERS.bandHalfTimeBarAccent, 2, () =>
      bandHalfTime(halfHeard, crossStick, beats, 140, 1),
    ),
  )!;
  assert.equal(off.halve, false);
});

test('the per-bar reading: footwork-like, an accent in one bar in three, a heard stroke, a side stick: left', () => {
  // the opposite beat below the neighbours (a syncopated kick on them): pair −1 / 3.5, under bandHalfTimeBarMinPair
  const footwork = rise((i) => [0.5, 1.5, 5, 1.5][i % 4]!);
  const f = perBar(() => bandHalfTime(halfHeard, footwork, beats, 160, 1))!;
  assert.ok(f.pair < 0 && f.barAccent >= 0.33, `pair ${f.pair}, bar accent ${f.barAccent}`);
  assert.equal(f.halve, false);
  // the accent in bars 0, 3, 6, 9 only: the median bar has none
  const someBars = rise((i) => (i % 4 === 2 && Math.floor(i / 4) % 3 === 0 ? 5 : 1));
  const b = perBar(() => bandHalfTime(halfHeard, someBars, beats, 140, 1))!;
  assert.equal(b.barAccent, 0);
  assert.equal(b.halve, false);
  // a stroke heard on every accent (12 hits, 0.25 per beat: the level model's to read)
  const heard = Array.from({ length: 12 }, (_, i) => 0.2 + 0.8 * i);
  assert.equal(
    perBar(() =>
      bandHalfTime(
        heard,
        rise((i) => [1.5, 1, 5, 1][i % 4]!),
        beats,
        140,
        1,
      ),
    )!.halve,
    false,
  );
  // the cumbia's off-beat side stick at 180, half-heard: pair 1
  const sideStick = rise((i) => (i % 2 === 1 ? 3 : 1));
  assert.equal(perBar(() => bandHalfTime(halfHeard, sideStick, beats, 180, 1))!.halve, false);
});

test('the default (0.33, h-tempo97): the soft clap on 3 halved', () => {
  assert.equal(TEMPO_PARAMETERS.bandHalfTimeAccent.value, 0.33);
  assert.equal(bandHalfTime([], clapOn3, beats, 140, 1)!.halve, true);
});

test("the per-bar reading's default (0.33, 0.24, 0, h-tempo99): the half-heard cross-stick halved", () => {
  assert.equal(TEMPO_PARAMETERS.bandHalfTimeBarAccent.value, 0.33);
  assert.equal(TEMPO_PARAMETERS.bandHalfTimeBarMaxRate.value, 0.24);
  assert.equal(TEMPO_PARAMETERS.bandHalfTimeBarMinPair.value, 0);
  assert.equal(
    bandHalfTime(
      halfHeard,
      rise((i) => [1.5, 1, 5, 1][i % 4]!),
      beats,
      140,
      1,
    )!.halve,
    true,
  );
});
