/**
 * Native post-processing kernels (native/src/post.cc: the loops of the onsets, tempo and key engines). Each kernel
 * against analytic inputs with closed-form answers and against a direct (slow, obvious) reference computed here:
 * the same values, in the same summation order where the engines summed, so equal to the last bit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { native } from '../../src/native.js';
import { mulberry32 } from '../../src/engines/random.js';
import { selectInPlace } from '../../src/engines/order.js';

const addon = native();

const random = (n: number, seed: number, scale = 1): Float64Array => {
  const r = mulberry32(seed);
  return Float64Array.from({ length: n }, () => r() * scale);
};

/** The median of xs by sorting: the middle value, the mean of the two middle ones for an even count. */
function sortedMedian(xs: ArrayLike<number>): number {
  const a = Array.from(xs).sort((x, y) => x - y);
  const k = a.length >> 1;
  return a.length % 2 ? a[k]! : (a[k - 1]! + a[k]!) / 2;
}

test('postQuantile: the value at rank floor(q·(n − 1)) of a shuffled ramp; NaN for none', () => {
  const r = mulberry32(7);
  const ramp = Array.from({ length: 101 }, (_, i) => i);
  for (let i = ramp.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [ramp[i], ramp[j]] = [ramp[j]!, ramp[i]!];
  }
  const x = Float64Array.from(ramp);
  assert.equal(addon.postQuantile(x, 0), 0);
  assert.equal(addon.postQuantile(x, 1), 100);
  assert.equal(addon.postQuantile(x, 0.5), 50);
  assert.equal(addon.postQuantile(x, 0.995), 99); // floor(99.5)
  assert.equal(addon.postQuantile(Float32Array.from(ramp), 0.25), 25);
  assert.ok(Number.isNaN(addon.postQuantile(new Float64Array(0), 0.5)));
  assert.throws(() => addon.postQuantile(x, 1.5), RangeError);
  assert.throws(() => addon.postQuantile([1, 2] as unknown as Float64Array, 0.5), TypeError);
});

test('postQuantile on 8192 values or more (a sample bounds the rank): equal to the sorted rank, to the bit', () => {
  const r = mulberry32(23);
  const kinds: ((i: number, n: number) => number)[] = [
    () => Math.round(r() ** 3 * 400) / 8, // ties, a heavy tail
    () => (r() < 0.3 ? 0 : r() < 0.02 ? Infinity : r() * 1e-3 - 5e-4), // zeros, +∞, negatives
    (i) => i, // ascending
    (i, n) => n - i, // descending
    (i, n) => (i % Math.floor(n / 1024) === 0 ? 1 : r()), // the sample sees one value: its bounds miss
    (i) => (i % 2 ? -0 : 0), // ±0: the copy's selection (either zero)
  ];
  for (const [kind, value] of kinds.entries())
    for (const n of [8191, 8192, 20000, 65537]) {
      const x = Float64Array.from({ length: n }, (_, i) => value(i, n));
      for (const series of [x, Float32Array.from(x)]) {
        const sorted = Float64Array.from(series).sort();
        for (const q of [0, 0.001, 0.2, 0.5, 0.99, 0.999, 1]) {
          const want = sorted[Math.floor(q * (n - 1))]!;
          const got = addon.postQuantile(series, q);
          if (kind === 5) assert.ok(got === 0, `±0: ${got}`);
          else assert.ok(Object.is(got, want), `kind ${kind} n ${n} q ${q}: ${got} vs ${want}`);
        }
      }
    }
});

test('postAutocorrelation: a cosine of period P gives r[lag] ≈ cos(2π·lag/P)·(n − lag)/n, as direct sums', () => {
  const n = 4000;
  const P = 16;
  const x = Float64Array.from({ length: n }, (_, i) => 3 + Math.cos((2 * Math.PI * i) / P));
  const maxLag = 37; // not a multiple of 4: the kernel's four-lag blocks and its tail
  const r = addon.postAutocorrelation(x, maxLag);
  assert.equal(r.length, maxLag + 1);
  for (let lag = 0; lag <= maxLag; lag++)
    assert.ok(Math.abs(r[lag]! - (Math.cos((2 * Math.PI * lag) / P) * (n - lag)) / n) < 2e-3, `lag ${lag}`);
  // direct reference: mean removed, one sum per lag in ascending i, divided by r[0]
  const y = new Float64Array(64).map((_, i) => [5, -1, 2, 0.5, 7, 3, -2][i % 7]! + i * 0.01);
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  const d = y.map((v) => v - mean);
  const raw = Array.from({ length: 70 }, (_, lag) => {
    let s = 0;
    for (let i = 0; i + lag < d.length; i++) s += d[i]! * d[i + lag]!;
    return s;
  });
  const got = addon.postAutocorrelation(y, 69);
  for (let lag = 0; lag < 70; lag++) assert.equal(got[lag], raw[lag]! / raw[0]!, `lag ${lag}`);
});

test('postAutocorrelationLags: each range of lags equals the direct sums and postAutocorrelation, to the bit', () => {
  const r = mulberry32(1818);
  // quantized values (exact ties between lags), a length not a multiple of 4 or 32, a constant (r[0] = 0)
  const q = Float64Array.from({ length: 1203 }, () => Math.round(r() * 6) / 4);
  const flat = new Float64Array(300).fill(0.25);
  for (const x of [q, Float32Array.from(q, (v) => v * r()), flat]) {
    const maxLag = 565;
    const full = addon.postAutocorrelation(x, maxLag);
    let mean = 0;
    for (const v of x) mean += v;
    mean /= x.length;
    const d = Float64Array.from(x, (v) => v - mean);
    const direct = (lag: number) => {
      let s = 0;
      for (let i = 0; i + lag < d.length; i++) s += d[i]! * d[i + lag]!;
      return s;
    };
    const r0 = direct(0);
    // one lag, a 32-lag block from its start and off it, a block past the data's end, the last lag, lag 0
    for (const [lo, hi] of [
      [0, 0],
      [7, 7],
      [32, 63],
      [45, 110],
      [500, 565],
      [1190, 1240],
      [565, 565],
    ] as const) {
      const got = addon.postAutocorrelationLags(x, lo, hi);
      assert.equal(got.length, hi - lo + 1);
      for (let lag = lo; lag <= hi; lag++) {
        const want = r0 > 0 ? direct(lag) / r0 : direct(lag);
        assert.equal(got[lag - lo], lag < x.length ? want : 0, `lag ${lag} of [${lo}, ${hi}]`);
        if (lag <= maxLag) assert.equal(got[lag - lo], full[lag], `lag ${lag}: as postAutocorrelation`);
      }
    }
  }
  assert.throws(() => addon.postAutocorrelationLags(q, 5, 4), RangeError);
});

/** Ellis's beat DP written directly (no tabulation beyond the penalty, same tie rule). */
function referenceBeats(odf: Float64Array, period: number, penalty: Float64Array, lo: number): number[] {
  const n = odf.length;
  const hi = penalty.length - 1;
  const mean = odf.reduce((a, v) => a + v, 0) / n;
  const sd = Math.sqrt(odf.reduce((a, v) => a + (v - mean) * (v - mean), 0) / n) || 1;
  const score: number[] = [];
  const back: number[] = [];
  for (let t = 0; t < n; t++) {
    let best = 0;
    let arg = -1;
    for (let tau = Math.max(0, t - hi); tau <= t - lo; tau++) {
      const v = score[tau]! - penalty[t - tau]!;
      if (arg < 0 || v > best) [best, arg] = [v, tau];
    }
    score.push(odf[t]! / sd + (arg >= 0 ? Math.max(0, best) : 0));
    back.push(arg >= 0 && best > 0 ? arg : -1);
  }
  let end = n - 1;
  for (let t = Math.max(0, n - Math.ceil(period)); t < n; t++) if (score[t]! > score[end]!) end = t;
  const beats: number[] = [];
  for (let t = end; t >= 0; t = back[t]!) beats.push(t);
  return beats.reverse();
}

test('postTrackBeats: an impulse train every 20 frames is tracked on its impulses; equal to the direct DP', () => {
  const period = 20;
  const odf = new Float64Array(1000);
  for (let t = 7; t < odf.length; t += period) odf[t] = 1;
  const lo = period / 2;
  const penalty = new Float64Array(2 * period + 1);
  for (let d = lo; d <= 2 * period; d++) penalty[d] = 100 * Math.log(d / period) ** 2;
  const beats = Array.from(addon.postTrackBeats(odf, period, penalty, lo));
  assert.deepEqual(
    beats,
    Array.from({ length: 50 }, (_, k) => 7 + k * period),
  );
  // a noisy envelope with a drifting pulse: the same path as the direct DP
  const noisy = random(3000, 11, 0.3);
  for (let t = 5; t < noisy.length; t += 23 + (t % 3)) noisy[t]! += 1;
  const p2 = new Float64Array(48);
  for (let d = 12; d < 48; d++) p2[d] = 30 * Math.log(d / 23.5) ** 2;
  assert.deepEqual(Array.from(addon.postTrackBeats(noisy, 23.5, p2, 12)), referenceBeats(noisy, 23.5, p2, 12));
  assert.deepEqual(Array.from(addon.postTrackBeats(new Float64Array(0), 20, penalty, lo)), []);
});

test('postHarmonicNovelty: a change from C to G gives 1 at the change, 1 − 1/√2 half a window before, 0 inside', () => {
  const frames = 100;
  const chroma = new Float32Array(frames * 12);
  for (let t = 0; t < frames; t++) chroma[t * 12 + (t < 50 ? 0 : 7)] = 1;
  const w = 10;
  const nov = addon.postHarmonicNovelty(chroma, frames, w);
  assert.equal(nov.length, frames);
  assert.ok(Math.abs(nov[50]! - 1) < 1e-12);
  assert.ok(Math.abs(nov[45]! - (1 - Math.SQRT1_2)) < 1e-12);
  assert.equal(nov[30], 0);
  assert.equal(nov[70], 0);
  assert.equal(nov[5], 0); // fewer than w frames before: not measured
  assert.equal(nov[95], 0);
});

/** Peak picking written directly: local maximum, local median by sorting, minimum gap. */
function referencePeaks(odf: Float64Array, delta: number, avg: number, maxW: number, minGap: number): number[] {
  const n = odf.length;
  const peaks: number[] = [];
  for (let t = 0; t < n; t++) {
    const v = odf[t]!;
    if (v <= 0) continue;
    const win = Array.from(odf.subarray(Math.max(0, t - maxW), Math.min(n, t + maxW + 1)));
    const first = Math.max(0, t - maxW) + win.indexOf(Math.max(...win));
    if (first !== t) continue;
    if (v < sortedMedian(odf.subarray(Math.max(0, t - avg), Math.min(n, t + avg + 1))) + delta) continue;
    const last = peaks[peaks.length - 1];
    if (last !== undefined && t - last < minGap) {
      if (v > odf[last]!) peaks[peaks.length - 1] = t;
      continue;
    }
    peaks.push(t);
  }
  return peaks;
}

test('postPickPeaks: bumps delta above the local median, the larger of two within the gap, as the direct rule', () => {
  const odf = new Float64Array(400).fill(1);
  odf[100] = 5; // a clear peak
  odf[200] = 1.3; // above its neighbours but less than delta above the median
  odf[300] = 4; // two peaks 3 frames apart: the larger stays
  odf[303] = 4.5;
  odf[350] = 3;
  odf[351] = 3; // equal neighbours: the first
  assert.deepEqual(Array.from(addon.postPickPeaks(odf, 0.5, 10, 1, 5)), [100, 303, 350]);
  const noisy = random(5000, 3);
  for (const [delta, avg, maxW, minGap] of [
    [0.1, 7, 2, 3],
    [0.3, 20, 1, 1],
    [0, 4, 3, 8],
  ] as const)
    assert.deepEqual(
      Array.from(addon.postPickPeaks(noisy, delta, avg, maxW, minGap)),
      referencePeaks(noisy, delta, avg, maxW, minGap),
    );
  // values on a grid of eighths or tenths: peaks exactly delta above the median (v = median + delta, kept) and one
  // step below it, odd windows inside and even ones clipped at the ends, on the median's count test and beside it
  const r = mulberry32(29);
  let boundary = 0;
  for (const [step, scale] of [
    [0.125, 8],
    [0.1, 10],
  ] as const)
    for (const [avg, maxW, minGap] of [
      [1, 1, 1],
      [4, 2, 1],
      [9, 1, 2],
    ] as const) {
      const grid = Float64Array.from({ length: 600 }, () => Math.floor(r() * scale) * step);
      for (const k of [1, 2, 3]) {
        const delta = k * step;
        const want = referencePeaks(grid, delta, avg, maxW, minGap);
        assert.deepEqual(Array.from(addon.postPickPeaks(grid, delta, avg, maxW, minGap)), want);
        const single = Float32Array.from(grid); // tenths round: their own reference
        assert.deepEqual(
          Array.from(addon.postPickPeaks(single, delta, avg, maxW, minGap)),
          referencePeaks(Float64Array.from(single), delta, avg, maxW, minGap),
        );
        for (const t of want) {
          const win = grid.subarray(Math.max(0, t - avg), Math.min(grid.length, t + avg + 1));
          if (grid[t] === sortedMedian(win) + delta) boundary++;
        }
      }
    }
  assert.ok(boundary >= 20, `${boundary} peaks exactly delta above their median`);
});

/** The steepest rise written directly: each tick's span sum against the largest earlier one, by ratio. */
function referenceRise(fine: Float64Array, from: number, to: number, span: number, floor: number, lookback: number) {
  const back = Math.max(span, lookback);
  const sum = (k: number) => {
    let s = 0;
    for (let j = k; j < Math.min(fine.length, k + span); j++) s += fine[j]!;
    return s;
  };
  let best = -Infinity;
  let at = Math.max(0, Math.min(fine.length - 1, from));
  for (let i = Math.max(back, from); i < Math.min(fine.length - span, to); i++) {
    let before = 0;
    for (let k = i - back; k <= i - span; k++) before = Math.max(before, sum(k));
    const ratio = Math.log((sum(i) + floor * span) / (before + floor * span));
    if (ratio > best) [best, at] = [ratio, i];
  }
  return at;
}

test('postSteepestRise: a step in energy is found at its first tick; as the direct search on random envelopes', () => {
  const fine = new Float64Array(2000).fill(1e-6);
  fine.fill(1, 500);
  assert.equal(addon.postSteepestRise(fine, 300, 900, 16, 1e-12, 16), 500);
  assert.equal(addon.postSteepestRise(Float32Array.from(fine), 300, 900, 16, 1e-12, 40), 500);
  const noisy = random(3000, 5);
  for (let i = 1200; i < 1300; i++) noisy[i]! += 4 * ((i - 1200) / 100);
  for (const [from, to, span, floor, lookback] of [
    [1000, 1500, 10, 1e-3, 10],
    [1100, 1400, 7, 0.1, 30],
    [0, 200, 5, 1e-12, 5],
  ] as const)
    assert.equal(
      addon.postSteepestRise(noisy, from, to, span, floor, lookback),
      referenceRise(noisy, from, to, span, floor, lookback),
    );
});

/** Fine rises written directly, in dB as the engine states them. */
function referenceFineRises(
  fine: Float64Array,
  span: number,
  lookback: number,
  riseDb: number,
  levelRatio: number,
  ctx: number,
  gap: number,
): number[] {
  const n = fine.length;
  const back = Math.max(span, lookback);
  const len = n - span + 1;
  const sum = (k: number) => {
    let s = 0;
    for (let j = k; j < k + span; j++) s += fine[j]!;
    return s;
  };
  const rise = new Float64Array(len);
  for (let i = back; i < len; i++) {
    let before = 0;
    for (let k = i - back; k <= i - span; k++) before = Math.max(before, sum(k));
    let top = 0;
    for (let j = Math.max(0, i - ctx); j <= Math.min(n - 1, i + ctx); j++) top = Math.max(top, fine[j]!);
    const floor = top * levelRatio * span;
    const s = sum(i);
    if (!(s < floor)) rise[i] = 10 * Math.log10((s + 1e-12) / (before + floor * 0.01 + 1e-12));
  }
  const out: number[] = [];
  for (let j = back; j < len; j++) {
    if (rise[j]! < riseDb) continue;
    let ok = true;
    for (let k = Math.max(0, j - gap); k <= Math.min(len - 1, j + gap); k++)
      if (rise[k]! > rise[j]! || (rise[k] === rise[j] && k < j)) ok = false;
    if (ok) out.push(j);
  }
  return out;
}

test('postFineRises: two 20 dB steps are found at their first ticks; as the direct dB rule on random envelopes', () => {
  const fine = new Float64Array(6000).fill(0.01);
  fine.fill(1, 1000, 2000);
  fine.fill(1, 3000);
  const span = 8;
  assert.deepEqual(
    Array.from(addon.postFineRises(fine, span, 20, 10 ** (9 / 10), 10 ** (-30 / 10), 200, 40)),
    [1000, 3000],
  );
  const noisy = random(4000, 9, 0.2);
  for (let t = 150; t < noisy.length; t += 377)
    for (let i = t; i < t + 30; i++) noisy[i]! += 3 * Math.exp(-(i - t) / 9);
  for (const [lookback, riseDb, levelDb, ctx, gap] of [
    [20, 6, -30, 100, 20],
    [8, 3, -20, 50, 5],
    [20, 0, -30, 100, 20], // a rise ratio of 1: the deque path (no skipped ticks)
    [20, 12, -40, 300, 40], // few ticks above the ratio: most skipped by the bound
  ] as const)
    assert.deepEqual(
      Array.from(addon.postFineRises(noisy, 8, lookback, 10 ** (riseDb / 10), 10 ** (levelDb / 10), ctx, gap)),
      referenceFineRises(noisy, 8, lookback, riseDb, 10 ** (levelDb / 10), ctx, gap),
    );
  assert.deepEqual(Array.from(addon.postFineRises(new Float64Array(10), 8, 20, 2, 0.001, 10, 5)), []);
});

test('postColumn, postPowerMean: columns of a frame-major matrix and their power mean', () => {
  const groups = 3;
  const values = Float32Array.from([1, 2, 4, 3, 0, 6, 5, 8, 2]);
  assert.deepEqual(Array.from(addon.postColumn(values, groups, 1, 1)), [2, 0, 8]);
  assert.deepEqual(Array.from(addon.postColumn(values, groups, 2, 2)), [2, 3, 1]);
  const inv = Float64Array.from([1, 0.5, 0.25]);
  // order 1: the mean of the scaled values; order 2: the root mean square
  const mean = addon.postPowerMean(values, groups, inv, 1);
  for (const [t, v] of [1, 1.5, (5 + 4 + 0.5) / 3].entries()) assert.ok(Math.abs(mean[t]! - v) < 1e-15);
  const rms = addon.postPowerMean(values, groups, inv, 2);
  assert.ok(Math.abs(rms[0]! - 1) < 1e-15);
  assert.ok(Math.abs(rms[1]! - Math.sqrt((9 + 0 + 2.25) / 3)) < 1e-12);
  assert.throws(() => addon.postColumn(values, groups, 3, 1), RangeError);
  // NaN, ±Infinity and a zero divisor are refused at the boundary, not turned into NaN columns or silent no-ops
  for (const bad of [NaN, Infinity, 0]) assert.throws(() => addon.postColumn(values, groups, 1, bad), RangeError);
  assert.throws(() => addon.postPowerMean(values, groups, inv, NaN), RangeError);
  assert.throws(() => addon.postPickPeaks(Float64Array.from(values), NaN, 1, 1, 1), RangeError);
  assert.throws(
    () => addon.postWithLowBand(Float64Array.from(values), Float64Array.from(values), -Infinity),
    RangeError,
  );
  assert.throws(() => addon.postQuantile(Float64Array.from(values), NaN), RangeError);
});

test('large results share recycled 2 MB chunks: each keeps its values while alive, collected ones reused', () => {
  // 20 000 frames × 4 groups: each column 160 kB (the arena's sizes), a dozen to a chunk
  const groups = 4;
  const frames = 20000;
  const values = Float32Array.from({ length: groups * frames }, (_, i) => (i % 997) + 0.25 * (i % 3));
  const check = (col: Float64Array, g: number, divisor: number) => {
    assert.equal(col.length, frames);
    for (let t = 0; t < frames; t += 97) assert.equal(col[t], values[t * groups + g]! / divisor);
    assert.equal(col[frames - 1], values[(frames - 1) * groups + g]! / divisor);
  };
  const make = (k: number) => ({ k, col: addon.postColumn(values, groups, k % groups, k + 1) });
  // 40 alive at once (more than three chunks), checked after all were made
  const first = Array.from({ length: 40 }, (_, k) => make(k));
  for (const { k, col } of first) check(col, k % groups, k + 1);
  // half dropped and collected (their chunks back to the arena), 40 more made: the survivors are untouched
  const kept = first.filter(({ k }) => k % 2 === 0);
  first.length = 0;
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const second = Array.from({ length: 40 }, (_, k) => make(100 + k));
  for (const { k, col } of [...kept, ...second]) check(col, k % groups, k + 1);
});

test('postFoldProfiles: 10-cent bins folded by a weight table, block by block', () => {
  // weights: bin i goes whole to pitch class floor(i / 10) (A440 tuning, no spread)
  const weights = new Float64Array(120 * 12);
  for (let i = 0; i < 120; i++) weights[i * 12 + Math.floor(i / 10)] = 1;
  const profiles = new Float32Array(3 * 120);
  profiles[0] = 2; // block 0: C
  profiles[75] = 1; // block 0: G (bin 75)
  profiles[120 + 45] = 3; // block 1: E
  // block 2 silent
  const out = addon.postFoldProfiles(profiles, 3, weights);
  const expected = new Array<number>(36).fill(0);
  expected[0] = 2;
  expected[7] = 1;
  expected[12 + 4] = 3;
  assert.deepEqual(Array.from(out), expected);
  assert.throws(() => addon.postFoldProfiles(profiles, 4, weights), RangeError);
});

test('postWithLowBand: each envelope over its standard deviation (1 for a constant), the low band weighted', () => {
  const odf = Float32Array.from([0, 2, 0, 2, 0, 2]); // mean 1, σ 1
  const low = Float64Array.from([3, 3, 3, 3]); // σ 0 → 1; missing frames count 0
  assert.deepEqual(Array.from(addon.postWithLowBand(odf, low, 0.5)), [1.5, 3.5, 1.5, 3.5, 0, 2]);
  const a = random(500, 21);
  const b = random(500, 22, 3);
  const sd = (x: Float64Array) => {
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    return Math.sqrt(x.reduce((s, v) => s + (v - m) * (v - m), 0) / x.length);
  };
  const got = addon.postWithLowBand(a, b, 0.7);
  for (let i = 0; i < a.length; i++) assert.equal(got[i], a[i]! / sd(a) + (0.7 * b[i]!) / sd(b));
});

test('postHarmonicNovelty: equal to the cosine of window sums of a running-sum table on random chroma', () => {
  // an odd and an even count of frames with a novelty (the kernel takes two frames at a time, then the last one)
  for (const [frames, w] of [
    [300, 17],
    [301, 17],
    [40, 1],
    [41, 20],
  ] as const)
    harmonicNoveltyCase(frames, w);
});

function harmonicNoveltyCase(frames: number, w: number) {
  const chroma = random(frames * 12, 31);
  const cum = new Float64Array((frames + 1) * 12);
  for (let t = 0; t < frames; t++)
    for (let k = 0; k < 12; k++) cum[(t + 1) * 12 + k] = cum[t * 12 + k]! + chroma[t * 12 + k]!;
  const got = addon.postHarmonicNovelty(chroma, frames, w);
  for (let t = 0; t < frames; t++) {
    let [dot, a2, b2] = [0, 0, 0];
    if (t >= w && t + w <= frames)
      for (let k = 0; k < 12; k++) {
        const a = cum[t * 12 + k]! - cum[(t - w) * 12 + k]!;
        const b = cum[(t + w) * 12 + k]! - cum[t * 12 + k]!;
        [dot, a2, b2] = [dot + a * b, a2 + a * a, b2 + b * b];
      }
    assert.equal(got[t], a2 > 0 && b2 > 0 ? 1 - dot / Math.sqrt(a2 * b2) : 0, `frame ${t} of ${frames}, w ${w}`);
  }
}

/** tempo's fluxOnFrames as it was written in TypeScript before the kernel: the reference, to the bit. */
function onFramesReference(values: ArrayLike<number>, groups: number, frames: number, ratio: number): Float64Array[] {
  const n = Math.floor(values.length / groups);
  const out = Array.from({ length: groups }, () => new Float64Array(frames));
  for (let j = 0; j < n; j++) {
    const i = Math.round(j * ratio);
    if (i >= frames) break;
    for (let g = 0; g < groups; g++) out[g]![i] = Math.max(out[g]![i]!, values[j * groups + g]!);
  }
  for (const x of out) {
    let m = 0;
    for (const v of x) m += v;
    m /= Math.max(1, frames);
    if (m > 0) for (let i = 0; i < frames; i++) x[i]! /= m;
  }
  return out;
}

test('postOnFrames: the largest value per coarse frame (halves round up), over the mean; equal to the TS loop', () => {
  // ratio ½: frames j = 0 → 0, 1 → round(0.5) = 1, 2 → 1, 3 → round(1.5) = 2, 4 → 2; maxima 1, 5, 7; mean 13/3
  const [only] = addon.postOnFrames(Float32Array.from([1, 5, 2, 7, 3]), 1, 3, 0.5);
  assert.deepEqual(Array.from(only!), [1 / (13 / 3), 5 / (13 / 3), 7 / (13 / 3)]);
  // a silent column stays 0 (no division); frames past the last matrix frame stay 0
  const [a, b] = addon.postOnFrames(Float64Array.from([2, 0, 4, 0]), 2, 4, 1);
  assert.deepEqual(Array.from(a!), [2 / 1.5, 4 / 1.5, 0, 0]);
  assert.deepEqual(Array.from(b!), [0, 0, 0, 0]);
  // the analyze grid (flux hop 256 / 44.1 kHz on hop 512 / 48 kHz), float and double input, and a shorter grid
  for (const [groups, frames, ratio] of [
    [5, 1800, 256 / 44100 / (512 / 48000)],
    [3, 700, 0.25],
    [4, 4000, 1 / 3],
  ] as const) {
    const x = random(groups * 3000, 11 + groups, 3).map((v) => (v < 0.6 ? 0 : v));
    for (const values of [x, Float32Array.from(x)]) {
      const got = addon.postOnFrames(values, groups, frames, ratio);
      const want = onFramesReference(values, groups, frames, ratio);
      assert.equal(got.length, groups);
      for (let g = 0; g < groups; g++) assert.deepEqual(got[g], want[g], `group ${g}`);
    }
  }
  // columns from 64 kB up are the result vectors' own memory (no copy into V8): the same values, each column a whole
  // buffer of its own, alive after the other columns are dropped
  const big = random(5 * 60000, 29, 3).map((v) => (v < 0.6 ? 0 : v));
  for (const values of [big, Float32Array.from(big)]) {
    const got = addon.postOnFrames(values, 5, 40000, 0.5);
    const want = onFramesReference(values, 5, 40000, 0.5);
    for (let g = 0; g < 5; g++) {
      assert.equal(got[g]!.byteOffset, 0);
      assert.equal(got[g]!.buffer.byteLength, 40000 * 8);
      assert.deepEqual(got[g], want[g], `large, group ${g}`);
    }
  }
  assert.throws(() => addon.postOnFrames(Float32Array.from([1]), 0, 3, 0.5), RangeError);
  assert.throws(() => addon.postOnFrames(Float32Array.from([1]), 1, 3, NaN), RangeError);
});

/**
 * The AVX2 autocorrelation (32 lags per block, one lane per lag) and beat search (per-lane first maximum) against
 * the scalar loops, to the bit: run in a child process under SHUB_NATIVE_ISA=baseline and without a cap, on inputs
 * with ties (quantized values), a lag count that is not a multiple of 32, windows shorter than 8 and 4, and a NaN
 * (the beat search's scalar fallback). On a CPU without AVX2 both children run the scalar loops.
 */
test('postAutocorrelation, postTrackBeats: the vector kernels equal the scalar loops to the bit', async () => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { fileURLToPath } = await import('node:url');
  const nativeUrl = new URL('../../src/native.js', import.meta.url).href;
  const script = `
    import { native } from ${JSON.stringify(nativeUrl)};
    import { createHash } from 'node:crypto';
    const a = native();
    let s = 12345;
    const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    const h = createHash('sha256');
    const put = (r) => h.update(Buffer.from(r.buffer, r.byteOffset, r.byteLength));
    for (const [n, lags] of [[5000, 565], [997, 100], [40, 39], [33, 64], [3, 10]]) {
      const x = Float64Array.from({ length: n }, (_, i) => Math.round(rnd() * 4) + (i % 17 === 0 ? 3 : 0));
      put(a.postAutocorrelation(x, lags));
      put(a.postAutocorrelation(Float32Array.from(x, (v) => v * rnd()), lags));
      put(a.postAutocorrelationLags(x, 3, lags)); // blocks of 32 lags from lag 3, then four-lag blocks
      put(a.postAutocorrelationLags(x, 96, 96 + 70));
    }
    for (const [n, period] of [[4000, 40.5], [4000, 105.5], [300, 3], [300, 2], [500, 6.5]]) {
      const lo = Math.max(1, Math.round(period / 2));
      const hi = Math.round(2 * period);
      const pen = new Float64Array(hi + 1);
      for (let d = lo; d <= hi; d++) pen[d] = 100 * Math.log(d / period) ** 2;
      const q = Float64Array.from({ length: n }, () => Math.floor(rnd() * 3)); // many equal scores
      const r = Float64Array.from({ length: n }, (_, t) => rnd() + (t % Math.round(period) === 0 ? 1 : 0));
      const flat = new Float64Array(n); // every candidate equal: the first one wins
      const nan = r.slice();
      nan[n >> 1] = NaN;
      for (const odf of [q, r, flat, nan]) put(a.postTrackBeats(odf, period, pen, lo));
      put(a.postTrackBeats(Float32Array.from(r), period, pen, lo));
    }
    process.stdout.write(JSON.stringify({ isa: a.nativeIsa(), hash: h.digest('hex') }));
  `;
  const run = async (isa: string) => {
    const env = { ...process.env, SHUB_NATIVE_ISA: isa };
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env,
      cwd: dir,
    });
    return JSON.parse(stdout) as { isa: string; hash: string };
  };
  const base = await run('baseline');
  const best = await run('');
  assert.equal(base.isa, 'baseline');
  assert.equal(best.hash, base.hash, `${best.isa} differs from baseline`);
  // the scalar loops themselves against the direct references on the same kind of input (ties, short windows)
  const q = Float64Array.from(random(600, 5, 3), Math.floor);
  for (const period of [3, 6.5, 40.5]) {
    const lo = Math.max(1, Math.round(period / 2));
    const pen = new Float64Array(Math.round(2 * period) + 1);
    for (let d = lo; d < pen.length; d++) pen[d] = 100 * Math.log(d / period) ** 2;
    assert.deepEqual(Array.from(addon.postTrackBeats(q, period, pen, lo)), referenceBeats(q, period, pen, lo));
  }
  let mean = 0;
  for (const v of q) mean += v;
  mean /= q.length;
  const d = q.map((v) => v - mean);
  const r = addon.postAutocorrelation(q, 100);
  for (let lag = 0; lag <= 100; lag++) {
    let s = 0;
    for (let i = 0; i + lag < d.length; i++) s += d[i]! * d[i + lag]!;
    let s0 = 0;
    for (let i = 0; i < d.length; i++) s0 += d[i]! * d[i]!;
    assert.equal(r[lag], s / s0, `lag ${lag}`);
  }
});

test('postWashRises: a hit over a steady wash stands out by (peak − median) / MAD; as the direct rule', () => {
  // a wash of 0.5 ± 0.1 (alternating: median 0.5 for an odd window, MAD 0.1) and a hit of 2 at frame 40
  const wash = Float64Array.from({ length: 60 }, (_, i) => (i === 40 ? 2 : i % 2 ? 0.6 : 0.4));
  const quiet = new Float64Array(60);
  const [rise] = addon.postWashRises([wash, quiet], Int32Array.of(40), 20, 2, 1e-4, 0.5);
  // window [20, 38): 18 values, 9 of 0.4 and 9 of 0.6: median (0.4 + 0.6) / 2, every deviation 0.1
  assert.equal(rise, (2 - (0.4 + 0.6) / 2) / Math.abs(0.6 - (0.4 + 0.6) / 2));
  // a column below dominant × the largest peak is left out; fewer than 3 frames in the window: Infinity
  assert.equal(addon.postWashRises([wash, quiet], Int32Array.of(40), 20, 2, 1e-4, 1.01)[0], 0);
  assert.deepEqual(Array.from(addon.postWashRises([wash], Int32Array.of(0, 4, 5), 20, 2, 1e-4, 0.5)).slice(0, 2), [
    Infinity,
    Infinity,
  ]);
  assert.throws(() => addon.postWashRises([wash], Int32Array.of(-1), 20, 2, 1e-4, 0.5), RangeError);
  assert.throws(() => addon.postWashRises([wash], [3] as unknown as Int32Array, 20, 2, 1e-4, 0.5), TypeError);
  // the direct rule (the engine's loop before it went native), on quantized random columns (many ties, even and odd
  // windows, peaks at both ends)
  const direct = (cols: Float64Array[], peaks: number[], back: number, gap: number, floor: number, dominant: number) =>
    peaks.map((p) => {
      const lo = Math.max(0, p - back);
      const hi = p - gap;
      if (hi - lo < 3) return Infinity;
      let top = 0;
      for (const col of cols) top = Math.max(top, col[p - 1] ?? 0, col[p]!, col[p + 1] ?? 0);
      let best = 0;
      for (const col of cols) {
        const peak = Math.max(col[p - 1] ?? 0, col[p]!, col[p + 1] ?? 0);
        if (peak < dominant * top) continue;
        const m = sortedMedian(col.subarray(lo, hi));
        const mad = sortedMedian(Array.from(col.subarray(lo, hi), (v) => Math.abs(v - m)));
        best = Math.max(best, (peak - m) / Math.max(floor, mad));
      }
      return best;
    });
  for (const seed of [1, 2, 3]) {
    const cols = [0, 1, 2, 3].map((g) => random(500, seed * 10 + g, 4).map(Math.round));
    const peaks = Array.from({ length: 120 }, (_, k) => (k * 37 + seed) % 500).concat([0, 1, 2, 499]);
    for (const [back, gap, dominant] of [
      [30, 3, 0.5],
      [31, 0, 0],
      [8, 5, 0.9],
    ] as const) {
      const got = addon.postWashRises(cols, Int32Array.from(peaks), back, gap, 0.05, dominant);
      assert.deepEqual(Array.from(got), direct(cols, peaks, back, gap, 0.05, dominant), `seed ${seed} back ${back}`);
    }
  }
});

test('postChordEmissions, postViterbi: C then G triads are labelled C, G; as the direct scores and path', () => {
  // two templates per chord would do; one per chord here: the 24 triads' tones at 1, unit length
  const K = 24;
  const tones = Int32Array.from({ length: K * 3 }, (_, i) => {
    const k = Math.floor(i / 3);
    const root = k % 12;
    return [root, (root + (k < 12 ? 4 : 3)) % 12, (root + 7) % 12][i % 3]!;
  });
  const templates = new Float64Array(K * 12);
  for (let k = 0; k < K; k++) for (let j = 0; j < 3; j++) templates[k * 12 + tones[k * 3 + j]!] = 1 / Math.sqrt(3);
  const counts = new Int32Array(K).fill(1);
  const path = (
    x: Float64Array,
    sounding: Uint8Array,
    bass: Float64Array,
    hasBass: Uint8Array,
    ts: Float64Array,
    cnt: Int32Array,
    bw: number,
    inv: number,
    pen: number,
  ) =>
    Array.from(
      addon.postViterbi(
        addon.postChordEmissions(x, sounding, bass, hasBass, ts, cnt, tones, bw, inv),
        sounding.length,
        cnt.length,
        pen,
      ),
    );
  const n = 6;
  const chroma = new Float64Array(n * 12);
  for (let b = 0; b < n; b++) for (const pc of b < 3 ? [0, 4, 7] : [7, 11, 2]) chroma[b * 12 + pc] = 1;
  const on = new Uint8Array(n).fill(1);
  assert.deepEqual(
    path(chroma, on, new Float64Array(n * 12), new Uint8Array(n), templates, counts, 0, 0, 0.1),
    [0, 0, 0, 7, 7, 7],
  );
  // a switch penalty above the gain of changing keeps the first chord
  assert.deepEqual(
    path(chroma, on, new Float64Array(n * 12), new Uint8Array(n), templates, counts, 0, 0, 9),
    [0, 0, 0, 0, 0, 0],
  );
  assert.throws(
    () => addon.postChordEmissions(chroma, on, chroma, on, templates, counts, tones.subarray(3), 0, 0),
    RangeError,
  );
  assert.throws(() => addon.postViterbi(new Float64Array(10), 3, 4, 0.1), RangeError);
  // the direct rule (the key engine's chordEmissions, addBassEmissions and viterbi before they went native), on
  // random blocks with silent blocks, blocks without bass, 1–3 templates per chord and quantized values (ties)
  const direct = (
    x: Float64Array,
    sounding: Uint8Array,
    bass: Float64Array,
    hasBass: Uint8Array,
    ts: number[][][],
    bassWeight: number,
    inversionBass: number,
    switchPenalty: number,
  ) => {
    const N = sounding.length;
    const em = new Float64Array(N * K);
    for (let b = 0; b < N; b++) {
      if (!sounding[b]) continue;
      let norm = 0;
      for (let i = 0; i < 12; i++) norm += x[b * 12 + i]! ** 2;
      for (let k = 0; k < K; k++) {
        let e = 0;
        if (norm > 0)
          for (const t of ts[k]!) {
            let dot = 0;
            for (let i = 0; i < 12; i++) dot += x[b * 12 + i]! * t[i]!;
            e = Math.max(e, dot / Math.sqrt(norm));
          }
        em[b * K + k] = e;
      }
      if (!(bassWeight > 0) || !hasBass[b]) continue;
      let bt = 0;
      for (let i = 0; i < 12; i++) bt += bass[b * 12 + i]!;
      if (!(bt > 0)) continue;
      for (let k = 0; k < K; k++) {
        const [r, th, f] = [tones[k * 3]!, tones[k * 3 + 1]!, tones[k * 3 + 2]!];
        const share = bass[b * 12 + r]! + inversionBass * (bass[b * 12 + th]! + bass[b * 12 + f]!);
        em[b * K + k] = em[b * K + k]! + (bassWeight * share) / bt;
      }
    }
    let score = em.slice(0, K);
    let next = new Float64Array(K);
    const back = new Int16Array(N * K);
    for (let b = 1; b < N; b++) {
      let best = 0;
      for (let k = 1; k < K; k++) if (score[k]! > score[best]!) best = k;
      const move = score[best]! - switchPenalty;
      for (let k = 0; k < K; k++) {
        const stay = score[k]!;
        back[(b - 1) * K + k] = stay >= move ? k : best;
        next[k] = Math.max(stay, move) + em[b * K + k]!;
      }
      [score, next] = [next, score];
    }
    let k = 0;
    for (let j = 1; j < K; j++) if (score[j]! > score[k]!) k = j;
    const out = new Array<number>(N);
    out[N - 1] = k;
    for (let b = N - 1; b > 0; b--) out[b - 1] = back[(b - 1) * K + out[b]!]!;
    return { em, path: out };
  };
  for (const seed of [11, 12, 13]) {
    const r = mulberry32(seed);
    const N = 400;
    const x = random(N * 12, seed, 3).map(Math.round);
    const bass = random(N * 12, seed + 100, 2).map(Math.round);
    const sounding = Uint8Array.from({ length: N }, () => (r() < 0.9 ? 1 : 0));
    const hasBass = Uint8Array.from({ length: N }, () => (r() < 0.7 ? 1 : 0));
    const ts = Array.from({ length: K }, (_, k) =>
      Array.from({ length: 1 + (k % 3) }, () => {
        const t = Array.from({ length: 12 }, () => Math.round(r() * 4));
        const norm = Math.hypot(...t) || 1;
        return t.map((v) => v / norm);
      }),
    );
    const flat = new Float64Array(K * 3 * 12);
    ts.forEach((tk, k) => tk.forEach((t, j) => flat.set(t, (k * 3 + j) * 12)));
    const cnt = Int32Array.from(ts, (t) => t.length);
    for (const [bw, inv, pen] of [
      [0.5, 0.3, 0.4],
      [0, 0.3, 0.2],
      [1, 0, 0],
    ] as const) {
      const want = direct(x, sounding, bass, hasBass, ts, bw, inv, pen);
      const em = addon.postChordEmissions(x, sounding, bass, hasBass, flat, cnt, tones, bw, inv);
      assert.deepEqual(em, want.em, `emissions: seed ${seed} ${bw}`);
      assert.deepEqual(path(x, sounding, bass, hasBass, flat, cnt, bw, inv, pen), want.path, `seed ${seed} ${bw}`);
    }
  }
});

test('postBarRepeat: as the direct rows and mean cosines (the tempo engine loop before it went native)', () => {
  const fractions = Float64Array.of(0, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4);
  const direct = (bands: Float64Array[], beats: number[], halfWidth: number, lags: number[]) => {
    const v: number[][] = [];
    for (let i = 0; i + 1 < beats.length; i++) {
      const row: number[] = [];
      for (const x of bands)
        for (const f of fractions) {
          const c = Math.round(beats[i]! + f * (beats[i + 1]! - beats[i]!));
          let m = 0;
          for (let j = Math.max(0, c - halfWidth); j <= Math.min(x.length - 1, c + halfWidth); j++)
            m = Math.max(m, x[j]!);
          row.push(m);
        }
      v.push(row);
    }
    const cos = (a: number[], b: number[]) => {
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let i = 0; i < a.length; i++) ((ab += a[i]! * b[i]!), (aa += a[i]! ** 2), (bb += b[i]! ** 2));
      return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 1;
    };
    return lags.map((k) => {
      let sum = 0;
      let n = 0;
      for (let i = 0; i + k < v.length; i++) ((sum += cos(v[i]!, v[i + k]!)), n++);
      return n ? sum / n : 1;
    });
  };
  for (const seed of [21, 22, 23]) {
    const r = mulberry32(seed);
    const bands = [0, 1, 2, 3, 4].map((g) => random(3000, seed * 10 + g, 3).map((x) => (x < 1.5 ? 0 : x)));
    // beats at uneven periods, some past the bands' end and a zero band (rows of zeros: cosine 1)
    const beats: number[] = [];
    for (let t = 3; t < 3100; t += 20 + Math.floor(r() * 17)) beats.push(t);
    bands.push(new Float64Array(3000));
    for (const halfWidth of [0, 1, 3]) {
      const lags = [4, 8, 5, 6, 7];
      const got = addon.postBarRepeat(bands, Float64Array.from(beats), halfWidth, fractions, Int32Array.from(lags));
      assert.deepEqual(Array.from(got), direct(bands, beats, halfWidth, lags), `seed ${seed} halfWidth ${halfWidth}`);
    }
  }
  // −0 in the bands (Math.max from +0 keeps +0), lags 1 to 13 (four row pairs at a time and the rest), and a NaN
  // (Math.max's NaN in the rows around it: their cosines are 1, aa > 0 being false)
  {
    const r = mulberry32(24);
    const bands = [0, 1, 2].map((g) => random(2000, 240 + g, 3).map((x) => (x < 1.5 ? -0 : x)));
    bands.push(new Float64Array(2000).fill(-0));
    const beats: number[] = [];
    for (let t = 2; t < 2050; t += 15 + Math.floor(r() * 11)) beats.push(t);
    const lags = Array.from({ length: 13 }, (_, i) => i + 1);
    const run = () =>
      Array.from(addon.postBarRepeat(bands, Float64Array.from(beats), 1, fractions, Int32Array.from(lags)));
    const clean = run();
    assert.deepEqual(clean, direct(bands, beats, 1, lags));
    bands[1]![700] = NaN;
    const withNaN = run();
    assert.deepEqual(withNaN, direct(bands, beats, 1, lags));
    assert.notDeepEqual(withNaN, clean);
  }
  // fewer beats than a lag: no pairs, 1
  assert.deepEqual(
    Array.from(addon.postBarRepeat([new Float64Array(10)], Float64Array.of(1, 5), 1, fractions, Int32Array.of(4))),
    [1],
  );
  assert.throws(
    () => addon.postBarRepeat([new Float64Array(4)], Float64Array.of(1, 2), 1, fractions, Int32Array.of(0)),
    RangeError,
  );
});

test('postAttackStart, postBacktrackStart: as the direct level crossing and backtrack (the loops before)', () => {
  const backtrackDirect = (
    fine: ArrayLike<number>,
    start: number,
    rise: number,
    attack: number,
    ticks: number,
    ratio: number,
  ) => {
    let peak = 0;
    for (let i = rise; i < Math.min(fine.length, rise + attack); i++) peak = Math.max(peak, fine[i]!);
    const stop = 3 * ratio * peak;
    const smooth = (i: number) => (fine[i - 1] ?? 0) + fine[i]! + (fine[i + 1] ?? 0);
    let j = Math.floor(start);
    const lo = Math.max(1, j - ticks);
    while (j - 1 >= lo && j < fine.length && smooth(j - 1) < smooth(j) && smooth(j - 1) >= stop) j--;
    if (j >= Math.floor(start)) return start;
    const base = 2 * fine[j - 1]!;
    for (let k = j; k < Math.floor(start); k++) if (fine[k]! > base) return k;
    return start;
  };
  const direct = (
    fine: ArrayLike<number>,
    rise: number,
    span: number,
    attack: number,
    ratio: number,
    lookback: number,
    ticks: number,
    btRatio: number,
  ) => {
    const lo = Math.max(0, rise - 2 * span);
    let background = 0;
    for (let i = Math.max(0, lo - lookback); i < lo; i++) background = Math.max(background, fine[i]!);
    let peak = 0;
    for (let i = rise; i < Math.min(fine.length, rise + attack); i++) peak = Math.max(peak, fine[i]!);
    const level = background + ratio * (peak - background);
    let start = rise;
    if (peak > background)
      for (let i = lo; i < Math.min(fine.length, rise + attack); i++) {
        if (fine[i]! >= level) {
          const prev = i > 0 ? fine[i - 1]! : 0;
          const a = Math.sqrt(Math.max(0, prev));
          const b = Math.sqrt(fine[i]!);
          start = i - 1 + (b > a ? Math.min(1, Math.max(0, (Math.sqrt(level) - a) / (b - a))) : 1);
          break;
        }
      }
    return ticks > 0 ? backtrackDirect(fine, start, rise, attack, ticks, btRatio) : start;
  };
  // a step from 0.01 to 1 at tick 100 with a 4-tick ramp: the start within the ramp's first tick
  const step = Float64Array.from({ length: 200 }, (_, i) =>
    i < 100 ? 0.01 : i < 104 ? 0.01 + ((i - 99) / 5) * 0.99 : 1,
  );
  const s = addon.postAttackStart(step, 101, 4, 40, 0.1, 40, 0, 0);
  assert.ok(s >= 99 && s < 101, `${s}`);
  assert.equal(s, direct(step, 101, 4, 40, 0.1, 40, 0, 0));
  // random envelopes (float and double; slow swells, decays and quiet gaps) at many rises, with and without backtrack
  for (const seed of [31, 32, 33]) {
    const r = mulberry32(seed);
    const n = 4000;
    const env = new Float64Array(n);
    let level = 0.001;
    for (let i = 0; i < n; i++) {
      level = r() < 0.01 ? r() : r() < 0.05 ? level * 1.3 : level * 0.97;
      env[i] = level * (0.8 + 0.4 * r());
    }
    for (const fine of [env, Float32Array.from(env)]) {
      for (let rise = 0; rise < n; rise += 7)
        for (const [span, attack, ratio, lookback, ticks, btRatio] of [
          [4, 40, 10 ** (-23 / 10), 40, 0, 0],
          [8, 20, 0.2, 4, 30, 10 ** (-30 / 10)],
          [2, 80, 0.05, 0, 60, 0.01],
        ] as const) {
          const got = addon.postAttackStart(fine, rise, span, attack, ratio, lookback, ticks, btRatio);
          assert.equal(
            got,
            direct(fine, rise, span, attack, ratio, lookback, ticks, btRatio),
            `seed ${seed} rise ${rise}`,
          );
          const start = rise + 0.25;
          assert.equal(
            addon.postBacktrackStart(fine, start, rise, attack, 50, 0.001),
            backtrackDirect(fine, start, rise, attack, 50, 0.001),
          );
        }
    }
  }
  assert.throws(() => addon.postAttackStart(step, 200, 4, 40, 0.1, 40, 0, 0), RangeError);
});

test('postPlaceRises: as the direct per-peak loop (window maximum, steepest rise, attack start) it replaced', () => {
  const r = mulberry32(1819);
  // quantized energies (ties), silent stretches, hits; peaks at the ends, in the middle, twice the same frame
  const n = 3000;
  const fine = Float64Array.from({ length: n }, (_, i) =>
    i % 400 < 60 ? 0 : Math.round(r() * 8) / 8 + (i % 97 < 3 ? 20 * Math.round(r() * 4) : 0),
  );
  const hop = 0.01;
  const tick = 0.0005;
  const peaks = [0, 1, 13, 60, 60, 77, 99, 100, 140, 149, ...Array.from({ length: 50 }, (_, i) => 3 * i)];
  const direct = (f: Float64Array | Float32Array, o: Record<string, number>) =>
    peaks.map((p) => {
      const center = p * hop;
      const from = Math.max(0, Math.floor((center - o.before!) / tick));
      const to = Math.min(f.length, Math.ceil((center + o.after!) / tick));
      let peak = 0;
      for (let i = from; i < Math.min(f.length, to + o.span!); i++) peak = Math.max(peak, f[i]!);
      const floor = Math.max(1e-12, peak * o.floorRatio!);
      const rise = addon.postSteepestRise(f, from, to, o.span!, floor, o.lookback!);
      const start = addon.postAttackStart(f, rise, o.span!, o.attack!, o.ratio!, o.lookback!, o.bt!, o.btRatio!);
      return Math.max(0, start * tick);
    });
  for (const f of [fine, Float32Array.from(fine)])
    for (const o of [
      {
        before: 0.03,
        after: 0.012,
        span: 4,
        floorRatio: 0.01,
        lookback: 40,
        attack: 40,
        ratio: 0.05,
        bt: 0,
        btRatio: 0,
      },
      {
        before: 0.05,
        after: 0.02,
        span: 8,
        floorRatio: 1e-4,
        lookback: 8,
        attack: 20,
        ratio: 0.2,
        bt: 30,
        btRatio: 0.05,
      },
      { before: 0.0, after: 0.004, span: 1, floorRatio: 0, lookback: 0, attack: 1, ratio: 1, bt: 3, btRatio: 0.5 },
      { before: 0.02, after: 0.01, span: 6, floorRatio: 0.3, lookback: 12, attack: 10, ratio: 0.5, bt: 0, btRatio: 0 },
    ]) {
      const got = addon.postPlaceRises(
        f,
        Int32Array.from(peaks),
        hop,
        tick,
        o.before,
        o.after,
        o.span,
        o.floorRatio,
        o.lookback,
        o.attack,
        o.ratio,
        o.bt,
        o.btRatio,
      );
      assert.deepEqual(Array.from(got), direct(f, o), JSON.stringify(o));
    }
  // a step at tick 1000: the rise is found there, its start at the step
  const step = Float64Array.from({ length: 2000 }, (_, i) => (i < 1000 ? 1e-6 : 1));
  const [t] = addon.postPlaceRises(step, Int32Array.from([50]), hop, tick, 0.03, 0.012, 4, 0.01, 40, 40, 0.05, 0, 0);
  assert.ok(Math.abs(t! - 1000 * tick) <= tick, `step placed at ${t}`);
  assert.throws(
    () =>
      addon.postPlaceRises(new Float64Array(0), Int32Array.from([3]), hop, tick, 0.03, 0.01, 4, 0.01, 4, 4, 0.1, 0, 0),
    RangeError,
  );
  assert.throws(
    () => addon.postPlaceRises(fine, Int32Array.from([-1]), hop, tick, 0.03, 0.01, 4, 0.01, 4, 4, 0.1, 0, 0),
    RangeError,
  );
});

test('postTonalEnvelope: as the TypeScript loop it replaced (log1p rises above the mean rise), to 1e-12', () => {
  // the direct rule: tempo's tonalEnvelope before it went native
  const direct = (chroma: ArrayLike<number>, frames: number): Float64Array | null => {
    const n = Math.min(frames, Math.floor(chroma.length / 12));
    let m = 0;
    for (let i = 0; i < n * 12; i++) m += chroma[i]!;
    m /= n * 12;
    if (!(m > 0)) return null;
    const h = new Float64Array(frames);
    const d = new Float64Array(12);
    let prev = new Float64Array(12);
    let cur = new Float64Array(12);
    for (let k = 0; k < 12; k++) prev[k] = Math.log1p(chroma[k]! / m);
    for (let t = 1; t < n; t++) {
      let mean = 0;
      for (let k = 0; k < 12; k++) {
        cur[k] = Math.log1p(chroma[t * 12 + k]! / m);
        d[k] = cur[k]! - prev[k]!;
        mean += d[k]! / 12;
      }
      [prev, cur] = [cur, prev];
      let s = 0;
      for (let k = 0; k < 12; k++) s += Math.max(0, d[k]! - Math.max(0, mean));
      h[t] = s;
    }
    return h;
  };
  const r = mulberry32(42);
  for (const frames of [2, 3, 50, 400]) {
    for (const chromaFrames of [frames, frames + 7, Math.max(2, frames - 1)]) {
      // sparse, quantized chroma (ties, silent frames, one loud class), float and double
      const values = Array.from({ length: chromaFrames * 12 }, () =>
        r() < 0.4 ? 0 : Math.round(r() ** 3 * 64) / 4 + (r() < 0.02 ? 1000 : 0),
      );
      for (const chroma of [Float64Array.from(values), Float32Array.from(values)]) {
        const want = direct(chroma, frames)!;
        const got = addon.postTonalEnvelope(chroma, frames)!;
        assert.equal(got.length, frames);
        for (let t = 0; t < frames; t++)
          // the C library's log1p against V8's: equal or an ulp or so apart per value
          assert.ok(
            Math.abs(got[t]! - want[t]!) <= 1e-12 * Math.max(1, Math.abs(want[t]!)),
            `frames ${frames}/${chromaFrames} t ${t}: ${got[t]} vs ${want[t]}`,
          );
      }
    }
  }
  // a broadband rise counts only above the mean rise: C alone doubling against all twelve doubling
  const flat = new Float64Array(24).fill(1);
  const cOnly = Float64Array.from({ length: 24 }, (_, i) => (i === 12 ? 3 : 1));
  const all = Float64Array.from({ length: 24 }, (_, i) => (i >= 12 ? 3 : 1));
  assert.deepEqual(Array.from(addon.postTonalEnvelope(flat, 2)!), [0, 0]);
  assert.ok(addon.postTonalEnvelope(cOnly, 2)![1]! > 0.5);
  assert.equal(addon.postTonalEnvelope(all, 2)![1], 0);
  assert.equal(addon.postTonalEnvelope(new Float64Array(24), 2), null);
  assert.throws(() => addon.postTonalEnvelope([1, 2] as unknown as Float64Array, 1), TypeError);
});

test('postBeatProfile: as the TypeScript loop it replaced (windowed maxima at beat fractions), to the bit', () => {
  // the direct rule: tempo's beatProfile before it went native
  const direct = (odf: ArrayLike<number>, beats: number[], fractions: readonly number[], halfWidth: number) => {
    const n = odf.length;
    const out: number[] = [];
    for (const f of fractions) {
      let sum = 0;
      let count = 0;
      for (let i = 0; i + 1 < beats.length; i++) {
        const c = Math.round(beats[i]! + f * (beats[i + 1]! - beats[i]!));
        let m = 0;
        for (let j = Math.max(0, c - halfWidth); j <= Math.min(n - 1, c + halfWidth); j++) m = Math.max(m, odf[j]!);
        sum += m;
        count++;
      }
      out.push(count ? sum / count : 0);
    }
    return out;
  };
  const r = mulberry32(77);
  const fractionSets = [
    [0, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4],
    [0, 0.5],
    [0, 1 / 4, 1 / 3, 1 / 2, 3 / 4, 5 / 6],
  ];
  for (const n of [0, 1, 5, 300, 2000]) {
    const values = Array.from({ length: n }, () => (r() < 0.3 ? 0 : Math.round(r() * 40) / 8));
    for (const odf of [Float64Array.from(values), Float32Array.from(values)]) {
      for (const halfWidth of [0, 1, 3]) {
        // beats at a drifting period, the first at 0, some beyond the envelope's end; odd periods put
        // fractions on .5 (Math.round's ties)
        const beats: number[] = [];
        for (let b = 0, p = 3 + Math.floor(r() * 40); b < n + 30; b += p + (r() < 0.2 ? 1 : 0)) beats.push(b);
        for (const fractions of fractionSets) {
          const want = direct(odf, beats, fractions, halfWidth);
          const got = addon.postBeatProfile(odf, Float64Array.from(beats), Float64Array.from(fractions), halfWidth);
          assert.equal(got.length, fractions.length);
          fractions.forEach((_, k) =>
            assert.ok(Object.is(got[k], want[k]), `n ${n} hw ${halfWidth} f ${fractions[k]}: ${got[k]} vs ${want[k]}`),
          );
        }
        const none = addon.postBeatProfile(odf, Float64Array.of(5), Float64Array.of(0, 0.5), halfWidth);
        assert.deepEqual(Array.from(none), [0, 0]);
      }
    }
  }
  // an impulse every 10 frames, beats on them: 1 on the beat, 0 half-way
  const pulse = Float64Array.from({ length: 101 }, (_, i) => (i % 10 === 0 ? 1 : 0));
  const onBeats = Float64Array.from({ length: 11 }, (_, i) => 10 * i);
  assert.deepEqual(Array.from(addon.postBeatProfile(pulse, onBeats, Float64Array.of(0, 0.5), 1)), [1, 0]);
  assert.throws(
    () => addon.postBeatProfile(pulse, [0, 10] as unknown as Float64Array, Float64Array.of(0), 1),
    TypeError,
  );
});

/**
 * The direct rule of postBandRises: the onsets engine's bandRises before it went native (band b at [b·n, (b + 1)·n)).
 */
const bandRisesRule = (values: ArrayLike<number>, bands: number): Float64Array => {
  const n = Math.floor(values.length / bands);
  const rise = new Float64Array(n * bands);
  for (let f = 0; f < n; f++) {
    const pre = Math.max(0, f - 3) * bands;
    const row = f * bands;
    if (f + 3 < n) {
      for (let b = 0; b < bands; b++) {
        const a = Math.max(0, values[row + bands + b]!, values[row + 2 * bands + b]!, values[row + 3 * bands + b]!);
        rise[b * n + f] = Math.max(0, a - values[pre + b]!);
      }
      continue;
    }
    for (let b = 0; b < bands; b++) {
      let a = 0;
      for (let k = f + 1; k < n; k++) a = Math.max(a, values[k * bands + b]!);
      rise[b * n + f] = Math.max(0, a - values[pre + b]!);
    }
  }
  return rise;
};

test('postBandRises: as the TypeScript loop it replaced (onsets bandRises), to the bit, ±0, ±∞ and NaN too', () => {
  const r = mulberry32(21);
  for (const bands of [1, 3, 16]) {
    for (const frames of [0, 1, 2, 3, 4, 5, 9, 300]) {
      // quantized energies with ties, negatives, −0, ±∞ and a NaN or two; a ragged tail (not a whole frame)
      const values = Array.from({ length: frames * bands + (bands > 1 ? 1 : 0) }, () => {
        const u = r();
        return u < 0.05
          ? -0
          : u < 0.07
            ? NaN
            : u < 0.08
              ? r() < 0.5
                ? Infinity
                : -Infinity
              : u < 0.2
                ? -Math.round(r() * 8) / 4
                : Math.round(r() ** 2 * 64) / 8 + r();
      });
      for (const series of [Float64Array.from(values), Float32Array.from(values)]) {
        const want = bandRisesRule(series, bands);
        const got = addon.postBandRises(series, bands);
        assert.equal(got.length, want.length);
        // byte-identical: Object.is tells −0 from +0 and NaN from a number
        for (let i = 0; i < want.length; i++)
          assert.ok(Object.is(got[i], want[i]), `bands ${bands} frames ${frames} i ${i}: ${got[i]} vs ${want[i]}`);
      }
    }
  }
  // closed form: one band stepping up at frame 4: frames 1–6 see it ahead with frame f − 3 low; frame 7 sees none
  assert.deepEqual(
    Array.from(addon.postBandRises(Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]), 1)),
    [0, 1, 1, 1, 1, 1, 1, 0],
  );
  assert.throws(() => addon.postBandRises([1, 2] as unknown as Float64Array, 1), TypeError);
  assert.throws(() => addon.postBandRises(new Float64Array(4), 0), RangeError);
});

test('postBandRises from 4 MB of output up (a mapping of its own in 2 MB pages): as the rule, to the bit', () => {
  const r = mulberry32(28);
  for (const frames of [32768, 40001]) {
    const values = Float32Array.from({ length: frames * 16 }, () => (r() < 0.1 ? 0 : r() ** 2 * 100));
    const want = bandRisesRule(values, 16);
    for (let round = 0; round < 3; round++) {
      const got = addon.postBandRises(values, 16);
      assert.equal(got.length, want.length);
      assert.equal(got.byteLength, want.length * 8);
      for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) assert.fail(`frames ${frames} i ${i}`);
      // the view is a whole buffer of its own, writable like any other
      assert.equal(got.byteOffset, 0);
      got[got.length - 1] = -1;
      assert.equal(got[got.length - 1], -1);
    }
  }
});

/** order.ts selectInPlace's rule behind the onsets engine's selectRank: with a NaN in x[lo, hi] that range sorted. */
function selectRankRule(x: Float64Array, lo: number, hi: number, k: number): number {
  for (let i = lo; i <= hi; i++)
    if (Number.isNaN(x[i]!)) {
      x.subarray(lo, hi + 1).sort();
      return x[k]!;
    }
  return selectInPlace(x, lo, hi, k);
}

test("selectRankRule (postEchoRanks' selection): each rank equals the sorted array's (ties, ±0, ∞, NaN)", () => {
  const rnd = mulberry32(2020);
  for (let trial = 0; trial < 200; trial++) {
    const m = 1 + Math.floor(rnd() * 300);
    const x = new Float64Array(m).map(() => Math.round(rnd() * 20) / 8);
    if (trial % 7 === 0) x[Math.floor(rnd() * m)] = Infinity;
    if (trial % 11 === 0) x[Math.floor(rnd() * m)] = NaN;
    const sorted = x.slice().sort();
    for (const k of [0, Math.floor(0.2 * (m - 1)), Math.floor(0.5 * (m - 1)), m - 1]) {
      const y = x.slice();
      assert.ok(Object.is(selectRankRule(y, 0, m - 1, k), sorted[k]), `trial ${trial} rank ${k} of ${m}`);
      // the partition: nothing before rank k is larger, nothing after it smaller (NaN-free)
      if (trial % 11 !== 0) for (let i = 0; i < m; i++) assert.ok(i < k ? y[i]! <= y[k]! : y[i]! >= y[k]!);
    }
  }
});

test('postEchoRanks: as the TypeScript loop it replaced (onsets echoLines), to the bit (±0 alike), ±∞, NaN', () => {
  // the direct rule: echoLines' source choice, ratio loop and ranks before they went native (gains, then medians)
  const echoRanksRule = (
    rise: Float64Array,
    bands: number,
    scales: Float64Array,
    onsetFrames: readonly number[],
    lo: number,
    hi: number,
    srcFraction: number,
    maxGain: number,
    q: number,
    maxSources: number,
    minSources: number,
  ): Float64Array => {
    const n = Math.floor(rise.length / bands);
    const sources: number[][] = [];
    for (let b = 0; b < bands; b++) {
      const all = onsetFrames.filter(
        (f) => f >= 0 && f < n && rise[b * n + f]! >= srcFraction * scales[b]! && scales[b]! > 0,
      );
      const step = Math.max(1, all.length / maxSources);
      const picked: number[] = [];
      for (let k = 0; k < all.length; k += step) picked.push(all[Math.floor(k)]!);
      sources.push(picked);
    }
    const lags = Math.max(0, hi - lo + 1);
    const gain = new Float64Array(lags * bands).fill(NaN);
    const median = new Float64Array(lags * bands).fill(NaN);
    const ratios = new Float64Array(maxSources + 1);
    for (let b = 0; b < bands; b++) {
      const src = sources[b]!;
      if (src.length < minSources) continue;
      const col = rise.subarray(b * n, (b + 1) * n);
      for (let d = lo; d <= hi; d++) {
        let m = 0;
        for (const f of src) {
          const at = f + d;
          if (at + 1 >= n) break;
          const own = col[f]!;
          const back = f - d;
          if (back >= 1 && own <= maxGain * Math.max(col[back - 1]!, col[back]!, col[back + 1]!)) continue;
          ratios[m++] = Math.max(col[at - 1]!, col[at]!, col[at + 1]!) / own;
        }
        if (m < minSources) continue;
        const mid = Math.floor(0.5 * (m - 1));
        const at = Math.min(m - 1, Math.floor(q * (m - 1)));
        median[(d - lo) * bands + b] = selectRankRule(ratios, 0, m - 1, mid);
        gain[(d - lo) * bands + b] =
          at <= mid ? selectRankRule(ratios, 0, mid, at) : selectRankRule(ratios, mid, m - 1, at);
      }
    }
    const out = new Float64Array(2 * lags * bands);
    out.set(gain);
    out.set(median, lags * bands);
    return out;
  };
  const r = mulberry32(22);
  let compared = 0;
  let set = 0;
  for (let trial = 0; trial < 120; trial++) {
    const bands = [1, 3, 16][trial % 3]!;
    const n = [0, 5, 40, 300, 2000][Math.floor(r() * 5)]!;
    // quantized rises with ties, zeros (some −0), rare ±∞ and NaN in a few trials; a ragged tail (not a whole frame)
    const special = trial % 4 === 0;
    const rise = Float64Array.from({ length: n * bands + (trial % 5 === 0 ? 1 : 0) }, () => {
      const u = r();
      if (special && u < 0.02) return -0;
      if (special && u < 0.025) return NaN;
      if (special && u < 0.03) return r() < 0.5 ? Infinity : -Infinity;
      return u < 0.3 ? 0 : Math.round(r() ** 3 * 64) / 8;
    });
    const scales = Float64Array.from({ length: bands }, (_, b) => (b === 1 ? 0 : 0.5 + r() * 4));
    // onset frames: ascending mostly, out of range and repeated ones too; one trial in six shuffled
    let frames = Array.from({ length: Math.floor(r() * Math.min(700, n + 20)) }, () => Math.floor(r() * (n + 10)) - 5);
    frames.sort((a, b) => a - b);
    if (trial % 6 === 5) frames = frames.map((_, i) => frames[(i * 7) % frames.length]!);
    const lo = 2 + Math.floor(r() * 4);
    const hi = trial % 10 === 9 ? lo - 1 : lo + Math.floor(r() * 60);
    const q = [0.2, 0.05, 0.5, 1][trial % 4]!;
    const maxSources = trial % 2 ? 256 : 16 + Math.floor(r() * 30);
    const minSources = trial % 3 ? 8 : 2;
    const args = [rise, bands, scales, frames, lo, hi, 0.1 + r() * 0.3, [0.5, 2][trial % 2]!, q] as const;
    const want = echoRanksRule(...args, maxSources, minSources);
    const [, , , fr, ...rest] = args;
    const got = addon.postEchoRanks(rise, bands, scales, Int32Array.from(fr), ...rest, maxSources, minSources);
    assert.equal(got.length, want.length, `trial ${trial}`);
    for (let i = 0; i < want.length; i++) {
      // the same value to the bit, or both NaN; of −0 and +0 (equal in every later comparison) either may be chosen
      assert.ok(
        got[i] === want[i] || (Number.isNaN(got[i]) && Number.isNaN(want[i])),
        `trial ${trial} i ${i} of ${want.length}: ${got[i]} vs ${want[i]}`,
      );
      if (!Number.isNaN(want[i])) set++;
    }
    compared += want.length;
  }
  // the random trials reach the ranks (not only NaN cells)
  assert.ok(set > 10000 && set < compared, `${set} of ${compared} set`);
  // closed form: one band, a source of rise 1 every 50 frames and its repeat 0.25 twelve frames later; a delay of 12
  // gives ratios 0.25 (each repeat's peak over ± 1 frame), a delay of 20 none (0)
  const col = new Float64Array(1000);
  for (let f = 10; f + 13 < 1000; f += 50) {
    col[f] = 1;
    col[f + 12] = 0.25;
  }
  const frames = Int32Array.from({ length: 19 }, (_, i) => 10 + 50 * i);
  const got = addon.postEchoRanks(col, 1, Float64Array.of(1), frames, 11, 20, 0.5, 0.5, 0.2, 256, 8);
  assert.deepEqual(Array.from(got.subarray(0, 10)), [0.25, 0.25, 0.25, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(Array.from(got.subarray(10)), [0.25, 0.25, 0.25, 0, 0, 0, 0, 0, 0, 0]);
  assert.throws(
    () => addon.postEchoRanks(col, 1, Float64Array.of(1), [10] as unknown as Int32Array, 2, 3, 0.5, 0.5, 0.2, 256, 8),
    TypeError,
  );
  assert.throws(() => addon.postEchoRanks(col, 2, Float64Array.of(1), frames, 2, 3, 0.5, 0.5, 0.2, 256, 8), RangeError);
});

/**
 * The direct rule of postSnareHits: the tempo engine's snareHits loops before they went native (the regions' power,
 * their rises, the activity with its purity through Math.log10, and the activity's local maxima).
 */
function snareHitsRule(
  values: ArrayLike<number>,
  bands: number,
  region: ArrayLike<number>,
  lag: number,
  hold: number,
  pureLow: number,
  pureFull: number,
  sustainLow: number,
  sustainFull: number,
  stickWeight: number,
): { frames: number[]; activity: number[] } {
  const ramp = (x: number, lo: number, full: number) => Math.max(0, Math.min(1, (x - lo) / Math.max(1e-9, full - lo)));
  const n = Math.floor(values.length / bands);
  const power = [0, 1, 2, 3].map(() => new Float64Array(n));
  for (let t = 0; t < n; t++)
    for (let b = 0; b < bands; b++) if (region[b]! >= 0) power[region[b]!]![t]! += values[t * bands + b]!;
  const rise = power.map((x) => {
    const d = new Float64Array(n);
    for (let t = lag; t < n; t++) d[t] = Math.max(0, x[t]! - x[t - lag]!);
    return d;
  });
  const meanOf = (x: Float64Array) => x.reduce((a, v) => a + v, 0) / n || 1;
  const [sub, body, noise, air] = rise as [Float64Array, Float64Array, Float64Array, Float64Array];
  const mb = meanOf(body);
  const mn = meanOf(noise);
  const act = new Float64Array(n);
  for (let t = lag; t + hold < n; t++) {
    const b = body[t]!;
    const z = noise[t]!;
    if (!(b > 0 && z > 0)) continue;
    const peak = Math.max(power[2]![t]!, power[2]![t + 1]!, power[2]![t + 2]!);
    const sustain = peak > 0 ? ramp(power[2]![t + hold]! / peak, sustainLow, sustainFull) : 0;
    const pure = ramp(10 * Math.log10(b / Math.max(1e-30, sub[t]!)), pureLow, pureFull);
    const shape = Math.sqrt((b / mb) * (z / mn)) * pure * (z / (z + air[t]!));
    act[t] = shape * (sustain + stickWeight * (1 - sustain));
  }
  const frames: number[] = [];
  for (let t = 0; t < n; t++) {
    const v = act[t]!;
    if (!(v > 0)) continue;
    let top = true;
    for (let u = Math.max(0, t - hold); u <= Math.min(n - 1, t + hold) && top; u++)
      if (act[u]! > v || (act[u]! === v && u < t)) top = false;
    if (top) frames.push(t);
  }
  return { frames, activity: frames.map((t) => act[t]!) };
}

test('postSnareHits: as the TypeScript loops it replaced (tempo snareHits), to the bit; closed forms', () => {
  type Args = [number, number, number, number, number, number];
  const ramp = (x: number, lo: number, full: number) => Math.max(0, Math.min(1, (x - lo) / Math.max(1e-9, full - lo)));
  const run = (values: Float64Array | Float32Array, bands: number, region: Int32Array, a: Args, calls?: number[][]) => {
    const [lag, hold, lo, full, sl, sf] = a;
    return addon.postSnareHits(values, bands, region, lag, hold, lo, full, sl, sf, 0.3, (ratios) => {
      calls?.push(Array.from(ratios));
      for (let i = 0; i < ratios.length; i++) ratios[i] = ramp(10 * Math.log10(ratios[i]!), lo, full);
    });
  };
  // closed form: 4 bands (sub, body, noise, air), 12 frames, body and noise step from 0 to 1 at frame 5 and stay
  // (the wires ring): rises 1 at frame 5 only, means 1/12, purity 1 (no sub: no logarithm asked for), sustain 1
  const step = (sub: number) => Float64Array.from({ length: 48 }, (_, i) => (i < 20 ? 0 : [sub, 1, 1, 0][i % 4]!));
  const region = Int32Array.from([0, 1, 2, 3]);
  const calls: number[][] = [];
  const one = run(step(0), 4, region, [1, 2, 5, 20, 0.1, 0.5], calls);
  assert.deepEqual(Array.from(one.frames), [5]);
  assert.deepEqual(Array.from(one.activity), [12]); // √(12 · 12) · 1 · 1 · (1 + 0.3 · 0)
  assert.equal(calls.length, 0);
  // a sub rising by 0.1 with the body: 10 dB, a third of the way from 5 to 20 dB: the logarithm is asked for once
  const third = run(step(0.1), 4, region, [1, 2, 5, 20, 0.1, 0.5], calls);
  assert.deepEqual(calls, [[10]]);
  assert.deepEqual(Array.from(third.frames), [5]);
  assert.ok(Math.abs(third.activity[0]! - 4) < 1e-12, `${third.activity[0]}`);
  // … settled without the logarithm when 10 dB lies outside the edges: purity 0 (no hit) for 12–20 dB, 1 for 2–8 dB
  assert.equal(run(step(0.1), 4, region, [1, 2, 12, 20, 0.1, 0.5], calls).frames.length, 0);
  assert.deepEqual(Array.from(run(step(0.1), 4, region, [1, 2, 2, 8, 0.1, 0.5], calls).activity), [12]);
  assert.equal(calls.length, 1);

  // random band energies: quantized (ties, plateaus, equal activities), smooth, with zeros, a few NaN and ∞; float
  // and double; region layouts with and without bands left out; purity edges settled and not, equal and reversed
  const r = mulberry32(27);
  let compared = 0;
  let hits = 0;
  for (let trial = 0; trial < 400; trial++) {
    const bands = [4, 5, 7, 16][trial % 4]!;
    const frames = [0, 1, 3, 8, 9, 12, 40, 300][Math.floor(r() * 8)]!;
    const region = Int32Array.from({ length: bands }, (_, b) => (b < 4 ? b : Math.floor(r() * 5) - 1));
    const kind = trial % 6;
    const values = Float64Array.from({ length: frames * bands + (trial % 3 === 0 ? 1 : 0) }, () => {
      const u = r();
      if (kind === 0) return Math.round(u * 4) / 4; // coarse: ties, plateaus, equal activities
      if (kind === 1) return u < 0.3 ? 0 : u ** 3 * 10;
      if (kind === 2) return r() < 0.5 ? 0 : 1; // on / off
      if (kind === 3) return u * 1e-3 + (r() < 0.1 ? r() * 10 : 0); // hits over a floor
      if (kind === 4) return u < 0.01 ? NaN : u < 0.02 ? Infinity : u; // a NaN or ∞ (never in a feature report)
      return u;
    });
    const lo = [5, -20, 0, 10, 40][Math.floor(r() * 5)]!;
    const full = [10, 40, lo, lo - 3, lo + 1e-10, lo + 0.5][Math.floor(r() * 6)]!;
    const a: Args = [1 + Math.floor(r() * 3), 1 + Math.floor(r() * 8), lo, full, r() * 0.4, 0.2 + r() * 0.6];
    for (const series of [values, Float32Array.from(values)]) {
      const want = snareHitsRule(series, bands, region, a[0], a[1], a[2], a[3], a[4], a[5], 0.3);
      const got = run(series, bands, region, a);
      assert.deepEqual(Array.from(got.frames), want.frames, `trial ${trial} ${a.join(' ')}`);
      // byte-identical: Object.is tells NaN and −0 apart
      for (let i = 0; i < want.activity.length; i++)
        assert.ok(Object.is(got.activity[i], want.activity[i]), `trial ${trial} hit ${i}`);
      compared++;
      hits += want.frames.length;
    }
  }
  assert.equal(compared, 800);
  assert.ok(hits > 2000, `${hits} hits compared`);
  assert.throws(() => run(new Float64Array(8), 4, Int32Array.from([0, 1, 2]), [1, 2, 5, 10, 0.1, 0.5]), RangeError);
  assert.throws(() => run(new Float64Array(8), 4, Int32Array.from([0, 1, 2, 4]), [1, 2, 5, 10, 0.1, 0.5]), RangeError);
});
