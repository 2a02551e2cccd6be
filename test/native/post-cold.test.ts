/**
 * The post chain's cold loops in native code (native/src/post_cold.cc): closed-form answers, and equality to the last
 * bit (Object.is, so −0 and NaN count) with the JavaScript loops they replaced, kept here as the reference.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { native } from '../../src/native.js';
import { mulberry32 } from '../../src/engines/random.js';

const addon = native();

/** Element-wise Object.is (NaN equals NaN, −0 differs from +0); the first mismatch named. */
function assertSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what = 'values'): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++)
    assert.ok(Object.is(actual[i], expected[i]), `${what}[${i}]: ${actual[i]} against ${expected[i]}`);
}

/** Values with ties, zeros, −0, tiny and huge magnitudes (sums that depend on their order). */
function awkward(n: number, seed: number): Float64Array {
  const r = mulberry32(seed);
  return Float64Array.from({ length: n }, () => {
    const u = r();
    if (u < 0.05) return 0;
    if (u < 0.08) return -0;
    if (u < 0.12) return 1e16 * r();
    if (u < 0.2) return Math.round(r() * 8) / 8;
    return (r() - 0.3) * 10 ** Math.floor(r() * 12 - 6);
  });
}

// the onsets engine's splitFlux loop before it went native
function splitFluxRule(values: ArrayLike<number>, g: number): [Float32Array, Float64Array] {
  const n = Math.floor(values.length / (g + 1));
  const bands = new Float32Array(n * g);
  const novelty = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    for (let k = 0; k < g; k++) bands[t * g + k] = values[t * (g + 1) + k]!;
    novelty[t] = values[t * (g + 1) + g]!;
  }
  return [bands, novelty];
}

test('postSplitFlux: the first groups columns as float, the last as double; a partial last frame dropped', () => {
  // 2 frames of 3 + 1 columns and 2 values of a third frame
  const [bands, novelty] = addon.postSplitFlux(Float64Array.from([1, 2, 3, 0.1, 4, 5, 6, 0.2, 7, 8]), 3);
  assert.ok(bands instanceof Float32Array && novelty instanceof Float64Array);
  assert.deepEqual(Array.from(bands), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(Array.from(novelty), [0.1, 0.2]); // double in, double out: not rounded to float
  const [rounded] = addon.postSplitFlux(Float64Array.from([0.1, 0]), 1);
  assert.equal(rounded![0], Math.fround(0.1));
  assert.notEqual(Math.fround(0.1), 0.1);
  for (const [g, frames, seed] of [
    [8, 5001, 1],
    [1, 17, 2],
    [3, 0, 3],
  ] as const) {
    const x = awkward(frames * (g + 1) + (seed % 3), seed);
    x[5 % Math.max(1, x.length)] = NaN;
    for (const input of [x, Float32Array.from(x)]) {
      const [b, v] = addon.postSplitFlux(input, g);
      const [rb, rv] = splitFluxRule(input, g);
      assertSameBits(b, rb, `bands g=${g}`);
      assertSameBits(v, rv, `novelty g=${g}`);
    }
  }
});

test('postSum: in order from +0 (1e16 + 1 + 1 stays 1e16; the other order does not)', () => {
  assert.equal(addon.postSum(Float64Array.from([1e16, 1, 1])), 1e16);
  assert.equal(addon.postSum(Float64Array.from([1, 1, 1e16])), 1e16 + 2);
  assert.ok(Object.is(addon.postSum(new Float64Array(0)), 0));
  assert.ok(Object.is(addon.postSum(Float64Array.from([-0, -0])), 0)); // +0 + −0 is +0
  assert.ok(Number.isNaN(addon.postSum(Float64Array.from([1, NaN, 2]))));
  assert.equal(addon.postSum(Float32Array.from([0.5, 0.25, 0.125])), 0.875);
  for (let seed = 10; seed < 20; seed++) {
    const x = awkward(1 + seed * 997, seed);
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += x[i]!;
    assert.ok(Object.is(addon.postSum(x), sum), `seed ${seed}`);
    const f = Float32Array.from(x);
    let fsum = 0;
    for (let i = 0; i < f.length; i++) fsum += f[i]!;
    assert.ok(Object.is(addon.postSum(f), fsum), `float seed ${seed}`);
  }
});

test('postDrumEnvelope: low + w · high per frame; NaN past the end of high', () => {
  assertSameBits(addon.postDrumEnvelope(Float64Array.from([1, 2, 3]), Float64Array.from([4, 0, -8]), 0.5), [3, 2, -1]);
  assertSameBits(addon.postDrumEnvelope(Float64Array.from([1, 2]), Float64Array.from([4]), 2), [9, NaN]);
  const r = mulberry32(5);
  for (let seed = 30; seed < 36; seed++) {
    const low = awkward(4000, seed);
    const high = awkward(4000, seed + 100);
    const w = r() * 3;
    const expected = new Float64Array(low.length);
    for (let i = 0; i < low.length; i++) expected[i] = low[i]! + w * high[i]!;
    assertSameBits(addon.postDrumEnvelope(low, high, w), expected, `seed ${seed}`);
  }
});

// the tempo engine's kickSnareEnvelope before it went native
function kickSnareRule(low: Float64Array, mid: Float64Array): Float64Array {
  const mean = (x: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum = sum + x[i]!;
    return sum / Math.max(1, x.length);
  };
  const ml = mean(low) || 1;
  const mm = mean(mid) || 1;
  const out = new Float64Array(low.length);
  for (let i = 0; i < out.length; i++) out[i] = low[i]! / ml + mid[i]! / mm;
  return out;
}

test('postKickSnareEnvelope: each series over its mean, summed; a mean of 0 or NaN taken as 1', () => {
  // means 2 and 4: 1 + 1 each frame
  assertSameBits(addon.postKickSnareEnvelope(Float64Array.from([2, 2]), Float64Array.from([4, 4])), [2, 2]);
  // low's mean 0 (taken as 1), mid's 3
  assertSameBits(addon.postKickSnareEnvelope(Float64Array.from([1, -1]), Float64Array.from([3, 3])), [2, 0]);
  // a NaN mean: that series divided by 1
  assertSameBits(addon.postKickSnareEnvelope(Float64Array.from([NaN, 4]), Float64Array.from([2, 6])), [NaN, 5.5]);
  // mid shorter: its mean over its own length, NaN past its end
  assertSameBits(addon.postKickSnareEnvelope(Float64Array.from([1, 3]), Float64Array.from([5])), [1.5, NaN]);
  assertSameBits(addon.postKickSnareEnvelope(new Float64Array(0), new Float64Array(0)), []);
  for (let seed = 40; seed < 46; seed++) {
    const low = awkward(3000 + seed, seed);
    const mid = awkward(3000 + seed, seed + 50);
    assertSameBits(addon.postKickSnareEnvelope(low, mid), kickSnareRule(low, mid), `seed ${seed}`);
  }
});

// pickDownbeats' per-beat chroma sums before they went native (the unit-length step after them stays in JavaScript)
function beatChromaRule(beatFrames: number[], chroma: ArrayLike<number>, frames: number): Float64Array {
  const n = beatFrames.length;
  const out = new Float64Array(n * 12);
  for (let i = 0; i < n; i++) {
    const f = beatFrames[i]!;
    const v = out.subarray(i * 12, i * 12 + 12);
    const end = i + 1 < n ? beatFrames[i + 1]! : Math.min(frames, f + 1);
    for (let t = f; t < end; t++) for (let k = 0; k < 12; k++) v[k] = v[k]! + (chroma[t * 12 + k] ?? 0);
  }
  return out;
}

test('postBeatChromaSums: each beat sums its frames up to the next beat, read as chroma[t * 12 + k] ?? 0', () => {
  // 4 frames, frame t holding t + 1 in every class; beats 0, 2, 3 of frames = 4: sums 1+2, 3, 4
  const chroma = Float64Array.from({ length: 48 }, (_, i) => Math.floor(i / 12) + 1);
  const sums = addon.postBeatChromaSums(chroma, Float64Array.from([0, 2, 3]), 4);
  assertSameBits(sums, [...Array(12).fill(3), ...Array(12).fill(3), ...Array(12).fill(4)]);
  // a beat at −2 (to 1.5): frames 0 and 1, 1 + 2; the last at frames: nothing (end = frames); one at 1.5 reads
  // t · 12 + k = 18 + k, 30 + k, 42 + k (t = 1.5, 2.5, 3.5: integers, as in JavaScript): 2 + 3 + 4 for k < 6, 3 + 4
  // above (42 + k from k = 6 on is past the 48 values)
  assertSameBits(addon.postBeatChromaSums(chroma, Float64Array.from([-2, 1.5, 4]), 4), [
    ...Array(12).fill(3),
    ...Array(6).fill(9),
    ...Array(6).fill(7),
    ...Array(12).fill(0),
  ]);
  // a beat at 0.1: t · 12 + k is never an integer (1.2000000000000002 + k, 13.200000000000001 + k, …): nothing
  assertSameBits(addon.postBeatChromaSums(chroma, Float64Array.from([0.1, 4]), 4), Array(24).fill(0));
  // chroma of 30 values (2.5 frames): frame 2 has classes 0–5 only
  const short = chroma.subarray(0, 30);
  const partial = addon.postBeatChromaSums(short, Float64Array.from([2, 5]), 6);
  assertSameBits(partial.subarray(0, 12), [3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0]);
  const r = mulberry32(77);
  for (let seed = 60; seed < 90; seed++) {
    const frames = 50 + Math.floor(r() * 400);
    const values = awkward(frames * 12 - (seed % 13), seed);
    if (seed % 4 === 0) values[Math.floor(r() * values.length)] = NaN;
    const beats: number[] = [];
    for (let f = Math.floor(r() * 8) - 4; f < frames + 6; f += 1 + Math.floor(r() * 30)) beats.push(f);
    if (seed % 5 === 0) beats.splice(1, 0, beats[0]! + 0.5); // a fractional beat frame (t · 12 an integer)
    if (seed % 7 === 0) beats.splice(2, 0, beats[1]! + 0.1); // one whose t · 12 + k is not an integer
    if (seed % 3 === 0) beats.push(beats[beats.length - 1]!); // two equal last beats
    for (const x of [values, Float32Array.from(values)]) {
      const got = addon.postBeatChromaSums(x, Float64Array.from(beats), frames);
      assertSameBits(got, beatChromaRule(beats, x, frames), `seed ${seed}`);
    }
  }
});

// the tempo engine's at, combSalience and envelopeEvidence's contrast loop before they went native
function atRule(r: Float64Array, lag: number): number {
  const i = Math.floor(lag);
  if (i + 1 >= r.length) return 0;
  const f = lag - i;
  return r[i]! * (1 - f) + r[i + 1]! * f;
}
function combSalienceRule(
  r: Float64Array,
  frameRate: number,
  comb: number[],
  minBpm: number,
  maxBpm: number,
  step: number,
) {
  let count = 0;
  for (let b = minBpm; b <= maxBpm + 1e-9; b += step) count++;
  const bpm = new Float64Array(count);
  const score = new Float64Array(count);
  let i = 0;
  for (let b = minBpm; b <= maxBpm + 1e-9; b += step, i++) {
    const lag = (60 * frameRate) / b;
    let s = 0;
    for (let k = 0; k < comb.length; k++) s += comb[k]! * atRule(r, (k + 1) * lag);
    bpm[i] = b;
    score[i] = Math.max(0, s);
  }
  return { bpm, score };
}
function contrastRule(r: Float64Array, frameRate: number, comb: number[], bpms: Float64Array): number {
  const prefix = new Float64Array(r.length + 1);
  for (let i = 0; i < r.length; i++) prefix[i + 1] = prefix[i]! + r[i]!;
  const meanOver = (a: number, b: number) => {
    const lo = Math.max(0, Math.floor(a));
    const hi = Math.min(r.length - 1, Math.ceil(b));
    return hi >= lo ? (prefix[hi + 1]! - prefix[lo]!) / (hi - lo + 1) : 0;
  };
  const wSum = comb.reduce((a, w) => a + w, 0);
  let contrast = 0;
  for (const bpm of bpms) {
    const lag = (60 * frameRate) / bpm;
    let c = 0;
    for (let k = 0; k < comb.length; k++)
      c += comb[k]! * (atRule(r, (k + 1) * lag) - meanOver((k + 0.5) * lag, (k + 1.5) * lag));
    contrast = Math.max(contrast, c / wSum);
  }
  return contrast;
}

test('postCombSalience, postCombContrast: the comb on the BPM grid and its contrast, as tempo had them', () => {
  // r(lag) = lag / 100 on 0..100: at((k+1)·L) is linear, so one tempo (60 BPM at 10 frames/s: L = 10) in closed form
  const ramp = Float64Array.from({ length: 101 }, (_, i) => i / 100);
  const [bpm, score] = addon.postCombSalience(ramp, 10, Float64Array.from([1, 0.5]), 60, 60, 1);
  assertSameBits(bpm, [60]);
  assertSameBits(score, [0.1 + 0.5 * 0.2]);
  // a negative comb sum is 0 (Math.max(0, ·)); a lag past the end reads 0
  assertSameBits(addon.postCombSalience(ramp, 10, Float64Array.from([-1]), 60, 60, 1)[1], [0]);
  assertSameBits(addon.postCombSalience(ramp, 10, Float64Array.from([1]), 5, 5, 1)[1], [0]); // L = 120 > 100
  // on the ramp each lag's value equals the mean of its symmetric neighbourhood when that is whole: contrast 0
  // (to rounding: the prefix sums' differences are not exact)
  assert.ok(Math.abs(addon.postCombContrast(ramp, 10, Float64Array.from([1]), Float64Array.from([60]))) < 1e-15);
  // a peak at lag 10 over a flat 0.2: (1 − 0.2 · 10 / 11) for the window 5..15
  const peak = Float64Array.from({ length: 40 }, (_, i) => (i === 10 ? 1 : 0.2));
  const expected = 1 - (0.2 * 10 + 1) / 11;
  assert.ok(
    Math.abs(addon.postCombContrast(peak, 10, Float64Array.from([1]), Float64Array.from([60])) - expected) < 1e-15,
  );
  const r = mulberry32(91);
  for (let seed = 100; seed < 112; seed++) {
    const n = 50 + Math.floor(r() * 900);
    const ac = awkward(n, seed).map((x) => (Math.abs(x) > 1e3 ? x / 1e16 : x));
    if (seed % 4 === 0) ac[Math.floor(r() * n)] = NaN;
    const frameRate = 40 + r() * 150;
    const comb = Array.from({ length: 1 + Math.floor(r() * 5) }, () => r() * 1.2 - 0.1);
    const minBpm = 30 + r() * 40;
    const maxBpm = minBpm + r() * 200;
    const step = [0.05, 0.1, 0.37, 1][seed % 4]!;
    const [b, s] = addon.postCombSalience(ac, frameRate, Float64Array.from(comb), minBpm, maxBpm, step);
    const ref = combSalienceRule(ac, frameRate, comb, minBpm, maxBpm, step);
    assertSameBits(b, ref.bpm, `bpm seed ${seed}`);
    assertSameBits(s, ref.score, `score seed ${seed}`);
    const got = addon.postCombContrast(ac, frameRate, Float64Array.from(comb), b);
    assert.ok(Object.is(got, contrastRule(ac, frameRate, comb, ref.bpm)), `contrast seed ${seed}: ${got}`);
  }
});

// the key engine's loopPeriod before it went native
function loopPeriodRule(label: Int16Array, first: number, minLag: number, minSimilarity: number): number {
  const end = label.length;
  const agreement = (lag: number) => {
    let same = 0;
    let count = 0;
    for (let b = first; b + lag < end; b++) {
      if (label[b]! < 0 || label[b + lag]! < 0) continue;
      count++;
      if (label[b] === label[b + lag]) same++;
    }
    return count ? same / count : 0;
  };
  const seen = new Uint8Array(24);
  let kinds = 0;
  let counted = first;
  for (let lag = Math.max(1, Math.ceil(minLag)); lag <= (end - first) / 2; lag++) {
    for (; counted < first + lag; counted++) {
      const l = label[counted]!;
      if (l >= 0 && !seen[l]) ((seen[l] = 1), kinds++);
    }
    if (kinds < 2 || agreement(lag) < minSimilarity) continue;
    let period = lag;
    for (let l = lag + 1; l <= lag + 3 && l <= (end - first) / 2; l++) if (agreement(l) > agreement(period)) period = l;
    return period;
  }
  return 0;
}

test('postLoopPeriod: the shortest repeating lag of two chords or more, the best of the next three; 0 for none', () => {
  // a loop of chords 0 0 5 5 9 9 14 14 (8 blocks), 6 times: period 8 (lag 4 agrees on no block)
  const loop = [0, 0, 5, 5, 9, 9, 14, 14];
  const song = Int16Array.from({ length: 48 }, (_, b) => loop[b % 8]!);
  assert.equal(addon.postLoopPeriod(song, 0, 1, 0.9), 8);
  // a single repeated chord is no loop (kinds < 2) however well it agrees
  assert.equal(addon.postLoopPeriod(new Int16Array(40).fill(3), 0, 1, 0.5), 0);
  // unlabelled blocks (−1) count in neither the pairs nor the kinds: lag 2 of 1 −1 2 −1 1 −1 2 … agrees on none,
  // lag 4 on every labelled pair
  const gaps = Int16Array.from({ length: 40 }, (_, b) => (b % 2 ? -1 : b % 4 ? 2 : 1));
  assert.equal(addon.postLoopPeriod(gaps, 0, 1, 1), 4);
  // minLag rounds up (4.2 → 5: the next multiple, 8), and lags past (n − first) / 2 are not tried
  assert.equal(addon.postLoopPeriod(gaps, 0, 4.2, 1), 8);
  assert.equal(addon.postLoopPeriod(gaps, 30, 1, 1), 4);
  assert.equal(addon.postLoopPeriod(gaps, 34, 1, 1), 0); // 6 blocks left: lag ≤ 3, none agrees
  // a NaN minLag tries no lag (Math.max(1, NaN) is NaN); a NaN minSimilarity fails no lag: lag 3 (the first whose
  // blocks hold two chords), none of 3…6 agreeing on a block (the first on the tie)
  assert.equal(addon.postLoopPeriod(song, 0, NaN, 0.9), 0);
  assert.equal(addon.postLoopPeriod(song, 0, 1, NaN), 3);
  // random labels against the JavaScript loop (random songs, loops with edits, thresholds low and high)
  const r = mulberry32(431);
  for (let seed = 0; seed < 40; seed++) {
    const n = 20 + Math.floor(r() * 600);
    const period = 2 + Math.floor(r() * 40);
    const cycle = Array.from({ length: period }, () => (r() < 0.15 ? -1 : Math.floor(r() * 24)));
    const noise = [0, 0.05, 0.3, 1][seed % 4]!;
    const label = Int16Array.from({ length: n }, (_, b) =>
      r() < noise ? (r() < 0.2 ? -1 : Math.floor(r() * 24)) : cycle[b % period]!,
    );
    const first = seed % 3 ? Math.floor(r() * 10) : 0;
    const minLag = r() * 20;
    const minSimilarity = [0, 0.3, 0.6, 0.85, 1][seed % 5]!;
    assert.equal(
      addon.postLoopPeriod(label, first, minLag, minSimilarity),
      loopPeriodRule(label, first, minLag, minSimilarity),
      `seed ${seed} (n ${n}, period ${period}, noise ${noise}, first ${first})`,
    );
  }
  assert.throws(() => addon.postLoopPeriod(Float64Array.from([1, 2]) as unknown as Int16Array, 0, 1, 1), TypeError);
});

// the onsets engine's chokeOnsets loop before it went native (h-onset32), on start frames
function chokeStartsRule(
  e: ArrayLike<number>,
  B: number,
  b0: number,
  [span, hold, ring]: number[],
  [drop, ringHigh, ringLow, bandDrop, fraction, level, within1Db]: number[],
): number[] {
  const n = Math.floor(e.length / B);
  const sum = new Float64Array(n);
  let loudest = 0;
  for (let f = 0; f < n; f++) {
    let v = 0;
    for (let b = b0; b < B; b++) v += e[f * B + b]!;
    sum[f] = v;
    if (v > loudest) loudest = v;
  }
  const floor = loudest * level!;
  const out: number[] = [];
  let last = -Infinity;
  for (let f = ring!; f + span! + hold! < n; f++) {
    const h = sum[f]!;
    if (!(h > 0) || h < floor || !(sum[f + span!]! <= h * drop!)) continue;
    let ok = true;
    for (let k = f + span! + 1; ok && k <= f + span! + hold!; k++) ok = sum[k]! <= h * drop!;
    for (let k = f - ring!; ok && k < f; k++) ok = sum[k]! <= h * ringHigh! && sum[k]! >= h * ringLow!;
    if (!ok) continue;
    let falling = 0;
    for (let b = b0; b < B; b++) {
      let after = 0;
      for (let k = f + span!; k <= f + span! + hold!; k++) after = Math.max(after, e[k * B + b]!);
      if (after <= e[f * B + b]! * bandDrop!) falling++;
    }
    if (falling < fraction! * (B - b0)) continue;
    let start = f;
    while (start + 1 < f + span! && sum[start + 1]! >= h * within1Db!) start++;
    if (start - last < 4) continue;
    last = start;
    out.push(start);
  }
  return out;
}

test('postChokeStarts: a ring cut in every band at its last frame; the same starts as the JavaScript loop', () => {
  const B = 6;
  const db = (x: number) => 10 ** (x / 10);
  type Tests = [number, number, number, number, number, number, number];
  const tests: Tests = [db(-8), db(3), db(-3), db(-6), 0.75, db(-35), db(-1)];
  // bands 2…5 ring at 1 from frame 10 and fall to 0.01 after frame 30; bands 0 and 1 silent (below b0 = 2)
  const ringCut = new Float32Array(60 * B);
  for (let f = 10; f < 60; f++) for (let b = 2; b < B; b++) ringCut[f * B + b] = f > 30 ? 0.01 : 1;
  assert.deepEqual(Array.from(addon.postChokeStarts(ringCut, B, 2, 2, 4, 5, ...tests)), [30]);
  // a frame 44 dB over the ring later in the file: the ring is under chokeLevel of the loudest frame, no start (the
  // level test applied once the loudest frame is known)
  const loud = ringCut.slice();
  loud[50 * B + 3] = 1e5;
  assert.deepEqual(Array.from(addon.postChokeStarts(loud, B, 2, 2, 4, 5, ...tests)), []);
  // random rings, cuts, dips, bursts and NaNs, windows across powers of two, against the JavaScript loop
  const r = mulberry32(733);
  let found = 0;
  for (let seed = 0; seed < 60; seed++) {
    const bands = 3 + Math.floor(r() * 14);
    const n = 50 + Math.floor(r() * 900);
    const e = new Float32Array(n * bands);
    let level = 1e-3;
    for (let f = 0; f < n; f++) {
      const u = r();
      if (u < 0.04) level = 10 ** (-1 - r() * 5);
      else if (u < 0.08) level *= 10 ** (-0.3 - r() * 2);
      for (let b = 0; b < bands; b++)
        e[f * bands + b] = r() < 0.002 && seed % 5 === 0 ? NaN : level * (1 + 0.3 * r()) * (b % 3 ? 1 : 2);
    }
    const b0 = Math.floor(r() * bands);
    const frames = [1 + Math.floor(r() * 4), Math.floor(r() * 6), Math.floor(r() * 9)];
    const t = [db(-2 - r() * 8), db(1 + r() * 6), db(-1 - r() * 6), db(-r() * 8), r(), db(-20 - r() * 40), db(-1)];
    const args = [...frames, ...t] as [number, number, number, ...Tests];
    const want = chokeStartsRule(e, bands, b0, frames, t);
    found += want.length;
    assertSameBits(addon.postChokeStarts(e, bands, b0, ...args), want, `seed ${seed}`);
    assertSameBits(addon.postChokeStarts(Float64Array.from(e), bands, b0, ...args), want, `seed ${seed} (double)`);
  }
  assert.ok(found >= 30, `starts found on the random material: ${found}`);
  assert.throws(() => addon.postChokeStarts(ringCut, B, B + 1, 2, 4, 5, ...tests), RangeError);
});
