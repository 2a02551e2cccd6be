/**
 * The level model's beat profile (level-model.ts levelProfile, h-tempo59): per signal the off-beat over on-beat
 * strength, the weaker over the stronger of the even and odd beats, the strongest class mod 4's share, from analytic
 * impulse trains; a signal the input lacks is missing (null, then NaN in the pair features), and the engine's
 * candidates carry the profile of their own beats.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoLevelCandidate } from '../../src/engines/tempo/index.js';
import {
  LEVEL_FEATURES,
  LEVEL_PROFILE,
  levelPairFeatures,
  levelProfile,
  levelRow,
  levelSwing,
  levelTwoFeel,
} from '../../src/engines/tempo/level-model.js';
import { HAT, KICK, SNARE, groove } from '../helpers/grooves.js';

/** Impulses of height h(k) at frame 10·k (k = 0 … n − 1), 10 frames apart, in a series of 10·n + 10 frames. */
function impulses(n: number, h: (k: number) => number, offset = 0): Float64Array {
  const x = new Float64Array(10 * n + 10);
  for (let k = 0; k < n; k++) x[10 * k + offset] = h(k);
  return x;
}
const beats = Array.from({ length: 16 }, (_, k) => 20 * k);

test('levelProfile: offOn, alt and top4 of impulse trains at a level of 20 frames', () => {
  // low: 1 on every beat, 0.5 half-way (frame 10 of each beat): offOn 0.5, alt 1, top4 ¼
  // snare: 1 on beats 1 and 3 of each four (index mod 4 = 1, 3), nothing else: offOn 0, alt 0, top4 ½
  // chords: 1 on the first beat of each four only: offOn 0, alt 0, top4 1
  const low = impulses(32, (k) => (k % 2 ? 0.5 : 1));
  const snare = impulses(32, (k) => (k % 2 === 0 && (k / 2) % 2 === 1 ? 1 : 0));
  const chords = impulses(32, (k) => (k % 8 === 0 ? 1 : 0));
  const p = levelProfile({ low, snare, chords }, beats, 1);
  assert.equal(p.length, LEVEL_PROFILE.length);
  const at = (name: string) => p[LEVEL_PROFILE.indexOf(name)];
  const near = (name: string, v: number) => assert.ok(Math.abs(at(name)! - v) < 1e-5, `${name} ${at(name)} ≠ ${v}`);
  near('low offOn', 0.5);
  near('low alt', 1);
  near('low top4', 0.25);
  near('snare offOn', 0);
  near('snare alt', 0);
  near('snare top4', 0.5);
  near('chords offOn', 0);
  near('chords alt', 0);
  near('chords top4', 1);
  // mid and high not given: missing
  for (const s of ['mid offOn', 'mid alt', 'mid top4', 'high offOn', 'high alt', 'high top4'])
    assert.equal(at(s), null);
  // fewer than 8 beats: missing
  assert.ok(levelProfile({ low }, beats.slice(0, 7), 1).every((v) => v === null));
});

test("the pair features: the profile's logs, slow then fast, NaN where missing", () => {
  const terms = levelRow({ ...Object.fromEntries(LEVEL_FEATURES.map((f) => [f, 1])) } as never);
  const slow = { ...terms, bpm: 60, ternary: false, profile: LEVEL_PROFILE.map((_, j) => (j === 0 ? 0.5 : null)) };
  const fast = { ...terms, bpm: 120, ternary: false };
  const x = levelPairFeatures(slow, fast);
  assert.equal(x.length, LEVEL_FEATURES.length);
  assert.equal(LEVEL_FEATURES[83], 'log low offOn slow');
  assert.equal(LEVEL_FEATURES[84], 'log low offOn fast');
  assert.ok(Math.abs(x[83]! - Math.log(0.5 + 1e-3)) < 1e-12);
  assert.ok(Number.isNaN(x[84]!));
  assert.ok(x.slice(85).every(Number.isNaN));
});

test("the engine's candidates carry their beats' profile: a rock groove's kick alternates at 120, not at 60", () => {
  const eighths = Array.from({ length: 8 }, (_, k) => k / 2);
  let seen: readonly Readonly<TempoLevelCandidate>[] = [];
  estimateTempoWithDecision(
    groove(120, [
      [[0, 2], KICK],
      [[1, 3], SNARE],
      [eighths, HAT],
    ]),
    { onCandidates: (all) => (seen = all) },
  );
  const at = (bpm: number) => seen.find((c) => Math.abs(c.bpm / bpm - 1) < 0.03);
  const q = at(120);
  assert.ok(q?.profile, `candidates ${seen.map((c) => c.bpm.toFixed(1))}`);
  const h = at(60);
  assert.ok(h?.profile, `candidates ${seen.map((c) => c.bpm.toFixed(1))}`);
  const alt = (c: Readonly<TempoLevelCandidate>) => c.profile![LEVEL_PROFILE.indexOf('low alt')]!;
  const offOn = (c: Readonly<TempoLevelCandidate>) => c.profile![LEVEL_PROFILE.indexOf('low offOn')]!;
  // the kick on 1 and 3: every other beat at 120 (alt small), every beat at 60 (alt near 1, nothing half-way)
  assert.ok(alt(q) < 0.3, `120: low alt ${alt(q)}`);
  assert.ok(alt(h) > 0.8, `60: low alt ${alt(h)}`);
  assert.ok(offOn(h) < 0.3, `60: low offOn ${offOn(h)}`);
  // no band energy, no chroma: the snare and chord signals are missing
  for (const s of ['snare alt', 'chords alt']) assert.equal(q.profile[LEVEL_PROFILE.indexOf(s)], null);
});

test('levelTwoFeel: the low/high alternation from beat to beat and the onsets per beat (h-tempo65)', () => {
  // a boom-chick at a level of 20 frames: low 1 on even beats and 0.2 on odd ones, high the other way round; the
  // contrast c = low / mean − high / mean is ±4/3 in turn: its lag-1 autocorrelation over 16 beats is −15/16
  const low = impulses(32, (k) => (k % 2 ? 0 : (k / 2) % 2 ? 0.2 : 1));
  const high = impulses(32, (k) => (k % 2 ? 0 : (k / 2) % 2 ? 1 : 0.2));
  const [alt, density] = levelTwoFeel({ low, high }, beats, 1, 4, 120);
  assert.ok(Math.abs(alt! - 15 / 16) < 1e-12, `alt ${alt}`);
  assert.ok(Math.abs(density! - Math.log(2 + 1e-3)) < 1e-12, `onsets per beat ${density}`);
  // its half level (every other beat): every beat a boom, nothing alternates
  const half = beats.filter((_, i) => i % 2 === 0);
  assert.equal(levelTwoFeel({ low, high }, half, 1, 4, 60)[0], 0);
  // a snare once in four beats (a half-time backbeat at the level), the kick on the others: 0.354
  const backbeat = levelTwoFeel(
    {
      low: impulses(32, (k) => (k % 2 || (k / 2) % 4 === 1 ? 0 : 1)),
      high: impulses(32, (k) => (k % 2 === 0 && (k / 2) % 4 === 1 ? 1 : 0)),
    },
    beats,
    1,
    null,
    120,
  );
  assert.ok(Math.abs(backbeat[0]! - 34 / 96) < 1e-12, `one in four: ${backbeat[0]}`);
  assert.equal(backbeat[1], null);
  // a signal missing, or fewer than 8 beats: missing
  assert.equal(levelTwoFeel({ low }, beats, 1, 4, 120)[0], null);
  assert.equal(levelTwoFeel({ low, high }, beats.slice(0, 7), 1, 4, 120)[0], null);
});

test("the engine's candidates carry their two-feel numbers: a bare boom-chick alternates at 200, not at 100", () => {
  let seen: readonly Readonly<TempoLevelCandidate>[] = [];
  estimateTempoWithDecision(
    groove(200, [
      [[0, 2], KICK],
      [[1, 3], SNARE],
    ]),
    { onCandidates: (all) => (seen = all) },
  );
  const at = (bpm: number) => seen.find((c) => Math.abs(c.bpm / bpm - 1) < 0.03);
  const fast = at(200)?.twoFeel?.[0];
  const slow = at(100)?.twoFeel?.[0];
  assert.ok(fast !== undefined && fast !== null && fast > 0.7, `200: ${fast}; ${seen.map((c) => c.bpm.toFixed(1))}`);
  assert.ok(slow !== undefined && (slow === null || slow < 0.3), `100: ${slow}`);
});

test('levelSwing: the high band at ⅔ of the beat over ½, on the beats’ strength (h-tempo71)', () => {
  // beats every 24 frames (16 of them); hats 1 on the beats and 0.6 at ⅔ (frame 16): swing 0.6; at ½ (12): −0.6
  const level = Array.from({ length: 16 }, (_, k) => 24 * k);
  const hats = (at: number) => {
    const x = new Float64Array(24 * 17);
    for (let k = 0; k < 17; k++) {
      x[24 * k] = 1;
      x[24 * k + at] = 0.6;
    }
    return x;
  };
  const near = (v: number | null, want: number) => assert.ok(v !== null && Math.abs(v - want) < 1e-12, `${v}`);
  near(levelSwing(hats(16), level, 3), 0.6);
  near(levelSwing(hats(12), level, 3), -0.6);
  // the swung eighths seen from the half level (48 frames): at its ⅓ and ⅚, nothing at ½ (its beat: 1) or ⅔ —
  // the half level reads −1: its off-beat is the fast level's beat
  const half = level.filter((_, i) => i % 2 === 0);
  near(levelSwing(hats(16), half, 3), -1);
  // the window: ±⌊24 / 12⌋ = 2 frames, not halfWidth 5 (a hit at 14, between ½ and ⅔, counts for both: 0)
  near(levelSwing(hats(14), level, 5), 0);
  near(levelSwing(hats(19), level, 5), 0);
  // no high band, silent beats or fewer than 8 beats: missing
  assert.equal(levelSwing(undefined, level, 3), null);
  assert.equal(levelSwing(new Float64Array(400), level, 3), null);
  assert.equal(levelSwing(hats(16), level.slice(0, 7), 3), null);
});
