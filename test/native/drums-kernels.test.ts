/**
 * The drums kernels made faster for the bench (native/src/drumdetect.cc), against the loops they replaced, written
 * here in plain double-precision JS:
 *
 * - drumsFractional (a kit sample placed through a windowed-sinc fractional delay) runs tap by tap over blocks of
 *   outputs where every tap falls inside the sample (vectorized): each output's terms are still added in tap
 *   order and no fused multiply-add is allowed, so it must equal the per-output loop to the bit, at the edges
 *   (taps hanging off either end, a sample shorter than the taps) and inside.
 * - drumsBestLag (the bleed fits' least-squares lag search) runs four lags at once in vector lanes, each lane adding
 *   its lag's products in the scalar order (four partial sums): the same [lag, gain, explained energy] to the bit
 *   as the loop below, for ranges whose length is and is not a multiple of four, n with and without a tail.
 * - drumsDecode into caller's arrays (the session reader reuses its blocks) gives the same samples as into new
 *   ones, returns the arrays it was given, and refuses arrays of the wrong length; mono floats (copied straight
 *   when none needs sanitizing) come out as written, clamped beyond ±1e6 and refused with NaN like every format;
 *   with `borrow`, such a block is a view of the bytes read (the same memory, `into` left alone), and an unaligned,
 *   clamped, NaN, stereo or integer block is decoded as without it.
 * - firstFloatOutside (the reader's float verdict skips the samples within range with it) finds the first sample
 *   outside ±limit, NaN and ±Inf included, from any start, in Float32 and Float64 arrays (blocks of 64 and tails),
 *   as a plain scan does; the limit is compared in double precision (a float just above it counts).
 * - drumsFitShift and drumsWholeLag (the replacement's per-hit fit: the whole-lag cross-correlation and the sums of
 *   the golden-section search over fractional shifts, which replace.ts ran in JS) give the numbers of those JS
 *   loops to the bit, with the kit sample's window inside it and hanging off either end.
 * - drumsAddTaps (the bleed judge applying a fitted FIR to its residual) adds tap after tap, zero taps skipped: per
 *   element the same products in the same order as the JS loop it replaced, so the same bits (vectorized or not).
 * - drumsFitFir (the bleed judge's least-squares FIR fit: the Gram matrix's first row and the cross products, W taps
 *   per vector with each lane summing its tap's products in index order, then the diagonals slid, Cholesky and the
 *   two solves) gives the taps and energies of the JS fitFir it replaced to the bit, with and without a prior, for
 *   tap counts that are and are not multiples of the vector widths (2, 4, 8), n short and long.
 * - drumsBestLag runs two groups of lanes per pass over x where the range holds them (then one group, then single
 *   lags): the ranges below cover all three.
 * - drumsUnmix (the bleed model inverted sample by sample on rings) runs through pointers in stretches where no
 *   ring index wraps: per sample and mic the same float products and differences, in path order, as the masked
 *   per-sample loop written here with Math.fround, for lags of 1 sample to past a wrap, over calls that wrap.
 * - drumsFractional adds the same bits for a sample and for the sample cut after its last non-zero value (the
 *   replacer drops kit samples' trailing zeros): its sums start at +0, so a ±0 term changes nothing.
 * - drumsToFloat32 (the replacer's output from its double accumulator) rounds each value as a Float32Array store
 *   does: ties to even, subnormals, overflow to ±Infinity, −0 and NaN.
 * - drumsTickPeaks into a reused array (the hit detector's envelope, no fresh array per block) gives the peaks of a
 *   plain per-tick scan, ticks carried across blocks of any length, and the count it wrote.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { native } from '../../src/native.js';

function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

test('drumsFractional equals the per-output tap sum to the bit (edges and inside)', () => {
  const rnd = noise(7);
  let cases = 0;
  for (const nt of [2, 8, 32])
    for (const nx of [1, 5, 40, 1000])
      for (const j0 of [-1100, -40, -17, -3, 0, 2, 30, 900, 1200])
        for (const count of [0, 1, 7, 300, 1500]) {
          const x = Float32Array.from({ length: nx }, rnd);
          const h = Float64Array.from({ length: nt }, rnd);
          const out = Float64Array.from({ length: count + 3 }, rnd);
          const want = Float64Array.from(out);
          const gain = rnd() * 4;
          const half = nt / 2;
          for (let m = 0; m < count; m++) {
            const top = j0 + m + half - 1;
            let v = 0;
            for (let t = Math.max(0, top - (nx - 1)); t <= Math.min(nt - 1, top); t++) v += h[t]! * x[top - t]!;
            want[m + 2]! += gain * v;
          }
          native().drumsFractional(out, 2, x, j0, count, h, gain);
          for (let i = 0; i < out.length; i++)
            assert.ok(Object.is(out[i], want[i]), `nt ${nt} nx ${nx} j0 ${j0} count ${count}: output ${i}`);
          cases++;
        }
  assert.equal(cases, 540);
});

/** The lag search as the kernel did it before: per lag, four partial sums, the energy sliding with the lag. */
function bestLag(x: Float64Array, y: Float64Array, n: number, base: number, lo: number, hi: number): number[] {
  let bestD = lo;
  let bestGain = 0;
  let bestScore = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) yy += y[base - lo + i]! * y[base - lo + i]!;
  for (let d = lo; d <= hi; d++) {
    const q = base - d;
    if (d > lo) yy += y[q]! * y[q]! - y[q + n]! * y[q + n]!;
    const s = [0, 0, 0, 0];
    let i = 0;
    for (; i + 4 <= n; i += 4) for (let k = 0; k < 4; k++) s[k]! += x[i + k]! * y[q + i + k]!;
    for (; i < n; i++) s[0]! += x[i]! * y[q + i]!;
    const xy = s[0]! + s[1]! + (s[2]! + s[3]!);
    if (yy > 1e-300 && (xy * xy) / yy > bestScore) {
      bestScore = (xy * xy) / yy;
      bestGain = xy / yy;
      bestD = d;
    }
  }
  return [bestD, bestGain, bestScore];
}

test('drumsBestLag equals the four-partial-sum lag search to the bit', () => {
  const rnd = noise(11);
  for (const n of [1, 3, 4, 7, 290])
    for (const [lo, hi] of [
      [0, 0],
      [0, 2],
      [1, 240],
      [5, 8],
      [37, 64],
    ] as const) {
      const base = 240;
      const x = Float64Array.from({ length: n }, rnd);
      // y: x delayed by 17 samples at gain 0.3, plus noise (a clear best lag where the range holds it)
      const y = Float64Array.from({ length: base + n + 1 }, rnd);
      for (let i = 0; i < n; i++) y[base - 17 + i]! += x[i]! / 0.3;
      const got = [...native().drumsBestLag(x, y, n, base, lo, hi)];
      assert.deepEqual(got, bestLag(x, y, n, base, lo, hi), `n ${n} lags ${lo}..${hi}`);
      if (n === 290 && lo <= 17 && hi >= 17) assert.equal(got[0], 17);
    }
});

test('drumsUnmix equals the masked per-sample float loop to the bit (lags of 1 to 70, calls across the wrap)', () => {
  const rnd = noise(5);
  const size = 128;
  const mics = 3;
  // [into, from, gain, lag]: a 1-sample path, two into mic 0 (their order matters in float), one longer than a call
  const paths = Float64Array.from([0, 1, 0.31, 1, 0, 2, -0.7, 5, 1, 0, 0.05, 70, 2, 1, 0.5, 3, 1, 2, -0.125, 1]);
  const raw = Array.from({ length: mics }, () => new Float32Array(size));
  const src = Array.from({ length: mics }, () => new Float32Array(size));
  const want = Array.from({ length: mics }, () => new Float32Array(size));
  let n = 0;
  for (const count of [1, 40, 127, 128, 3, 200, 64, 77]) {
    for (let k = n; k < n + count; k++) for (let m = 0; m < mics; m++) raw[m]![k & (size - 1)] = rnd();
    // the reference: the loop drumsUnmix ran before (float products and differences, paths in the given order)
    for (let k = n; k < n + count; k++)
      for (let m = 0; m < mics; m++) {
        let v = raw[m]![k & (size - 1)]!;
        for (let p = 0; p < paths.length; p += 4)
          if (paths[p] === m)
            v = Math.fround(
              v - Math.fround(Math.fround(paths[p + 2]!) * want[paths[p + 1]!]![(k - paths[p + 3]!) & (size - 1)]!),
            );
        want[m]![k & (size - 1)] = v;
      }
    native().drumsUnmix(raw, src, n, count, paths);
    for (let m = 0; m < mics; m++) assert.deepEqual([...src[m]!], [...want[m]!], `mic ${m} after ${n + count}`);
    n += count;
  }
});

test('drumsDecode into reused arrays: the same samples, the same arrays back, wrong lengths refused', () => {
  const frames = 1000;
  const pcm = Buffer.alloc(frames * 2 * 3);
  const rnd = noise(3);
  for (let i = 0; i < frames * 2; i++) pcm.writeIntLE(Math.round(rnd() * 2 ** 23), 3 * i, 3);
  const fresh = native().drumsDecode(pcm, 's24', frames, 2);
  const into = [new Float32Array(frames).fill(9), new Float32Array(frames).fill(9)];
  const got = native().drumsDecode(pcm, 's24', frames, 2, into);
  assert.equal(got[0], into[0]);
  assert.equal(got[1], into[1]);
  assert.deepEqual([...got[0]!], [...fresh[0]!]);
  assert.deepEqual([...got[1]!], [...fresh[1]!]);
  // left, right: the first frame's samples as written
  assert.equal(got[0]![0], pcm.readIntLE(0, 3) / 2 ** 23);
  assert.equal(got[1]![0], pcm.readIntLE(3, 3) / 2 ** 23);
  assert.throws(
    () => native().drumsDecode(pcm, 's24', frames, 2, [new Float32Array(frames - 1), new Float32Array(frames)]),
    /exactly/,
  );
  assert.throws(() => native().drumsDecode(pcm, 's24', frames, 2, [new Float32Array(frames)]), /one Float32Array/);
});

test('drumsDecode of mono floats: copied as they are, huge samples clamped, NaN refused', () => {
  const x = new Float32Array([0.5, -0.25, 1e-30, -3, 2e6, -7e6, 123.5]);
  const pcm = Buffer.from(x.buffer);
  // the first four as they are; beyond ±1e6 clamped (src/native pcm.h kMaxSampleMagnitude), the rest as they are
  assert.deepEqual([...native().drumsDecode(pcm, 'f32', 4, 1)[0]!], [...x.subarray(0, 4)]);
  assert.deepEqual([...native().drumsDecode(pcm, 'f32', 7, 1)[0]!], [0.5, -0.25, x[2], -3, 1e6, -1e6, 123.5]);
  const bad = Float32Array.from(x);
  bad[3] = NaN;
  assert.throws(() => native().drumsDecode(Buffer.from(bad.buffer), 'f32', 7, 1, [new Float32Array(7)]), /NaN\/Inf/);
});

test('drumsDecode borrow: plain mono floats come back as a view of the bytes read, the rest as before', () => {
  const x = new Float32Array([0.5, -0.25, 1e-30, -3, -0, 123.5, 999999.9, -1e6]);
  const pcm = Buffer.from(x.buffer);
  const into = [new Float32Array(x.length).fill(9)];
  const [v] = native().drumsDecode(pcm, 'f32', x.length, 1, into, true);
  // a view: the same memory at the same offset (no copy), the samples as written (−0 kept), `into` not written
  assert.equal(v!.buffer, pcm.buffer);
  assert.equal(v!.byteOffset, pcm.byteOffset);
  assert.deepEqual([...v!], [...x]);
  assert.ok(Object.is(v![4], -0));
  assert.ok(into[0]!.every((s) => s === 9));
  pcm.writeFloatLE(0.75, 0); // it is the reader's memory
  assert.equal(v![0], 0.75);
  pcm.writeFloatLE(0.5, 0);
  // not borrowed: unaligned bytes, a sample to clamp, NaN, stereo, integer PCM; each decoded as without `borrow`
  const odd = Buffer.alloc(pcm.length + 1);
  pcm.copy(odd, 1);
  const unaligned = odd.subarray(1);
  const [u] = native().drumsDecode(unaligned, 'f32', x.length, 1, undefined, true);
  assert.notEqual(u!.buffer, odd.buffer);
  assert.deepEqual([...u!], [...x]);
  const hot = Float32Array.from(x);
  hot[2] = 2e6;
  const [h] = native().drumsDecode(Buffer.from(hot.buffer), 'f32', x.length, 1, into, true);
  assert.equal(h, into[0]);
  assert.deepEqual([...h!], [...native().drumsDecode(Buffer.from(hot.buffer), 'f32', x.length, 1)[0]!]);
  assert.equal(h![2], 1e6);
  const bad = Float32Array.from(x);
  bad[5] = NaN;
  assert.throws(() => native().drumsDecode(Buffer.from(bad.buffer), 'f32', x.length, 1, undefined, true), /NaN\/Inf/);
  const [l, r] = native().drumsDecode(pcm, 'f32', x.length / 2, 2, undefined, true);
  assert.ok(l!.buffer !== pcm.buffer && r!.buffer !== pcm.buffer);
  assert.deepEqual([...l!, ...r!], [0.5, 1e-30, -0, 999999.9, -0.25, -3, 123.5, -1e6].map(Math.fround));
  const s16 = Buffer.from(new Int16Array([16384, -32768]).buffer);
  const [q] = native().drumsDecode(s16, 's16', 2, 1, undefined, true);
  assert.ok(q!.buffer !== s16.buffer);
  assert.deepEqual([...q!], [0.5, -1]);
});

test('drumsFractional: trailing zeros of a sample add nothing (the replacer places samples without them)', () => {
  // every sum in the kernel starts at +0 and a ±0 term leaves a sum that is not −0 as it is: the sample cut after
  // its last non-zero value adds the same bits, whatever the taps, the gain and what `out` held
  const rnd = noise(21);
  for (const nt of [2, 8, 32])
    for (const tail of [1, 7, 33, 500])
      for (const j0 of [-60, -5, 0, 3, 90]) {
        const x = new Float32Array(120 + tail);
        for (let i = 0; i < 120; i++) x[i] = rnd();
        x[60] = 0;
        for (let i = 120; i < x.length; i += 3) x[i] = -0;
        const h = Float64Array.from({ length: nt }, rnd);
        const gain = rnd() * 4;
        const count = x.length + nt + 20;
        const whole = Float64Array.from({ length: count }, (_, i) => (i % 5 ? rnd() : 0));
        const cut = Float64Array.from(whole);
        native().drumsFractional(whole, 0, x, j0, count, h, gain);
        native().drumsFractional(cut, 0, x.subarray(0, 120), j0, count, h, gain);
        for (let i = 0; i < count; i++)
          assert.ok(Object.is(cut[i], whole[i]), `nt ${nt} tail ${tail} j0 ${j0}: output ${i}`);
      }
});

test('drumsToFloat32 rounds as a Float32Array store does (ties, subnormals, overflow, −0), at an offset', () => {
  const rnd = noise(29);
  const f = Math.fround;
  const odd = [
    0,
    -0,
    1 + 2 ** -24, // a tie: to even (1)
    1 + 3 * 2 ** -24, // a tie: to even (1 + 2^-22)
    -(1 + 2 ** -24 + 2 ** -40), // just past a tie: away from 1
    f(1e-40) * 1.4, // a subnormal float
    2 ** -150, // half the smallest subnormal: to 0
    3.5e38, // past the largest float: Infinity
    -3.5e38,
    f(3.4e38),
    NaN,
  ];
  const acc = Float64Array.from([...odd, ...Array.from({ length: 1000 }, () => rnd() * 10 ** (rnd() * 20))]);
  const out = new Float32Array(acc.length + 7).fill(5);
  native().drumsToFloat32(out, 3, acc, acc.length);
  const want = new Float32Array(acc.length + 7).fill(5);
  want.set(acc, 3);
  for (let i = 0; i < out.length; i++) assert.ok(Object.is(out[i], want[i]), `value ${i}: ${out[i]} vs ${want[i]}`);
  assert.equal(out[5], 1);
  assert.equal(out[10], Infinity);
  assert.throws(() => native().drumsToFloat32(out, 8, acc, acc.length), /at \+ n/);
});

test('firstFloatOutside finds what a plain scan finds (NaN, ±Inf, the limit itself, both widths)', () => {
  const rnd = noise(13);
  const limit = 10 ** (24 / 20);
  const odd = [NaN, Infinity, -Infinity, 20, -20, limit, -limit, Math.fround(limit), Math.fround(limit) * 1.0000001];
  const scan = (v: ArrayLike<number>, from: number) => {
    for (let i = from; i < v.length; i++) if (!(v[i]! <= limit && v[i]! >= -limit)) return i;
    return v.length;
  };
  let cases = 0;
  for (const n of [0, 1, 63, 64, 65, 200, 1000])
    for (const Type of [Float32Array, Float64Array])
      for (const outliers of [0, 1, 5]) {
        const v = new Type(n);
        for (let i = 0; i < n; i++) v[i] = rnd() * 30;
        for (let k = 0; k < outliers && n > 0; k++) v[Math.floor((rnd() + 0.5) * n)] = odd[(k * 7 + n) % odd.length]!;
        for (const from of [0, 1, n >> 1, n])
          if (from <= n) {
            assert.equal(native().firstFloatOutside(v, from, limit), scan(v, from), `n ${n} from ${from}`);
            cases++;
          }
      }
  assert.ok(cases > 150);
  assert.equal(native().firstFloatOutside(Float32Array.of(1, 2, Math.fround(limit)), 0, limit), 2);
  assert.equal(native().firstFloatOutside(Float64Array.of(1, 2, limit), 0, limit), 3);
});

test('drumsFitShift and drumsWholeLag equal the JS loops of the placement fit to the bit', () => {
  const rnd = noise(11);
  const sums = new Float64Array(3);
  let cases = 0;
  for (const nx of [3, 60, 2000])
    for (const from of [-200, -30, 0, 17, 1900])
      for (const [span, maxLag] of [
        [168, 48],
        [9, 0],
        [33, 5],
      ] as const) {
        const x = Float32Array.from({ length: nx }, rnd);
        const y = Float64Array.from({ length: span + 2 * maxLag + 3 }, rnd);
        // the whole lag: |Σ y[maxLag + 1 + d + i] · xs[i]| largest, the first of equals
        const xs = Float64Array.from({ length: span }, (_, i) => (from + i >= 0 && from + i < nx ? x[from + i]! : 0));
        let best = 0;
        let bestC = 0;
        for (let d = -maxLag; d <= maxLag; d++) {
          let c = 0;
          for (let i = 0; i < span; i++) c += y[maxLag + 1 + d + i]! * xs[i]!;
          if (Math.abs(c) > Math.abs(bestC)) ((best = d), (bestC = c));
        }
        // (best + 0: the JS loop's d starts at −maxLag, −0 when maxLag is 0; the window starts are the same)
        assert.equal(native().drumsWholeLag(y, x, from, span, maxLag), best + 0, `nx ${nx} from ${from} span ${span}`);
        for (const nt of [2, 32]) {
          const h = Float64Array.from({ length: nt }, rnd);
          // z[m] = Σ_t h[t] · x[from + m + half − 1 − t] (added into 0 with gain 1), then the three sums in order
          let yz = 0;
          let zz = 0;
          let yy = 0;
          for (let m = 0; m < span; m++) {
            const top = from + m + nt / 2 - 1;
            let v = 0;
            for (let t = Math.max(0, top - (nx - 1)); t <= Math.min(nt - 1, top); t++) v += h[t]! * x[top - t]!;
            const z = 0 + 1 * v;
            const w = y[maxLag + 1 + m]!;
            yz += w * z;
            zz += z * z;
            yy += w * w;
          }
          native().drumsFitShift(y, maxLag + 1, x, from, span, h, sums);
          for (const [k, want] of [yz, zz, yy].entries())
            assert.ok(Object.is(sums[k], want), `nx ${nx} from ${from} span ${span} taps ${nt}: sum ${k}`);
          cases++;
        }
      }
  assert.equal(cases, 90);
  assert.throws(() =>
    native().drumsFitShift(new Float64Array(10), 5, new Float32Array(4), 0, 6, new Float64Array(2), sums),
  );
  assert.throws(() => native().drumsWholeLag(new Float64Array(10), new Float32Array(4), 0, 8, 1));
});

test('drumsTickPeaks into a reused array: the per-tick maxima of |x| across blocks, and their count', () => {
  const rnd = noise(5);
  const tick = 24;
  const x = Float32Array.from({ length: 5000 }, () => rnd() * (rnd() > 0.9 ? 8 : 1));
  // the plain scan: the largest |x| of every complete tick
  const want: number[] = [];
  for (let t = 0; t + tick <= x.length; t += tick) {
    let p = 0;
    for (let i = t; i < t + tick; i++) p = Math.max(p, Math.abs(x[i]!));
    want.push(p);
  }
  for (const block of [1, 23, 24, 25, 1000, 4096]) {
    const state = new Float64Array(2);
    const fresh = new Float64Array(2);
    const out = new Float32Array(Math.ceil(block / tick) + 1);
    const got: number[] = [];
    for (let at = 0; at < x.length; at += block) {
      const b = x.subarray(at, at + block);
      const count = native().drumsTickPeaks(b, tick, state, out);
      const alone = native().drumsTickPeaks(b, tick, fresh);
      assert.equal(count, alone.length);
      for (let k = 0; k < count; k++) assert.ok(Object.is(out[k], alone[k]), `block ${block} at ${at}: peak ${k}`);
      got.push(...out.subarray(0, count));
    }
    assert.deepEqual(got, want, `block ${block}`);
  }
  assert.throws(() => native().drumsTickPeaks(x, tick, new Float64Array(2), new Float32Array(10)), /out must/);
});

test('drumsAddTaps equals the tap-by-tap JS loop of the bleed judge to the bit', () => {
  const rnd = noise(23);
  let cases = 0;
  for (const n of [1, 7, 64, 1001])
    for (const nt of [1, 3, 13])
      for (const sign of [1, -1]) {
        const maxLag = 20;
        const ye = Float64Array.from({ length: n + maxLag }, () => rnd() - 0.5);
        const taps = Float64Array.from({ length: nt }, (_, k) => (k === 1 ? 0 : rnd() - 0.5));
        const first = Math.max(1, maxLag - nt - 2);
        const start = Float64Array.from({ length: n }, () => rnd() - 0.5);
        const want = Float64Array.from(start);
        taps.forEach((g, k) => {
          if (g === 0) return;
          const o = maxLag - first - k;
          const v = sign * g;
          for (let i = 0; i < n; i++) want[i]! += v * ye[o + i]!;
        });
        const got = Float64Array.from(start);
        native().drumsAddTaps(got, ye, taps, maxLag - first, n, sign);
        for (let i = 0; i < n; i++) assert.ok(Object.is(got[i], want[i]), `n ${n} taps ${nt} sign ${sign}: [${i}]`);
        cases++;
      }
  assert.equal(cases, 24);
  // a window that would read before ye's start is refused, not read
  assert.throws(
    () => native().drumsAddTaps(new Float64Array(4), new Float64Array(8), new Float64Array(3), 1, 4, 1),
    /outside/,
  );
});

/** The bleed judge's FIR fit as detect.ts ran it in JS before drumsFitFir (the reference, verbatim but for names). */
function fitFirJs(
  x: Float64Array,
  y: Float64Array,
  n: number,
  base: number,
  first: number,
  K: number,
  ridge: number,
  prior?: Float64Array,
): number[] {
  const G = new Float64Array(K * K);
  const c = new Float64Array(K);
  const a0 = base - first;
  for (let k = 0; k < K; k++) {
    let g = 0;
    let xy = 0;
    const ak = a0 - k;
    for (let i = 0; i < n; i++) {
      g += y[a0 + i]! * y[ak + i]!;
      xy += x[i]! * y[ak + i]!;
    }
    G[k] = g;
    c[k] = xy;
  }
  for (let j = 1; j < K; j++)
    for (let k = j; k < K; k++) {
      const aj = a0 - j;
      const ak = a0 - k;
      G[j * K + k] = G[(j - 1) * K + k - 1]! + y[aj]! * y[ak]! - y[aj + n]! * y[ak + n]!;
    }
  let trace = 0;
  for (let k = 0; k < K; k++) trace += G[k * K + k]!;
  const lambda = (ridge * trace) / K + 1e-30;
  const L = new Float64Array(K * K);
  for (let j = 0; j < K; j++)
    for (let k = 0; k <= j; k++) {
      let v = G[k * K + j]! + (j === k ? lambda : 0);
      for (let m = 0; m < k; m++) v -= L[j * K + m]! * L[k * K + m]!;
      L[j * K + k] = j === k ? Math.sqrt(Math.max(v, 1e-300)) : v / L[k * K + k]!;
    }
  const z = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    let v = c[j]! + lambda * (prior?.[j] ?? 0);
    for (let m = 0; m < j; m++) v -= L[j * K + m]! * z[m]!;
    z[j] = v / L[j * K + j]!;
  }
  const h = new Float64Array(K);
  for (let j = K - 1; j >= 0; j--) {
    let v = z[j]!;
    for (let m = j + 1; m < K; m++) v -= L[m * K + j]! * h[m]!;
    h[j] = v / L[j * K + j]!;
  }
  let explained = 0;
  let carried = 0;
  for (let j = 0; j < K; j++) {
    explained += c[j]! * h[j]!;
    let gh = 0;
    for (let k = 0; k < K; k++) gh += G[j <= k ? j * K + k : k * K + j]! * h[k]!;
    carried += h[j]! * gh;
  }
  return [...h, explained, carried];
}

test('drumsFitFir equals the JS FIR fit of the bleed judge to the bit (taps and energies)', () => {
  const rnd = noise(31);
  let cases = 0;
  for (const n of [1, 7, 288, 1001])
    for (const K of [1, 2, 3, 5, 8, 13, 16, 17, 21])
      for (const withPrior of [false, true])
        for (const ridge of [0, 0.05]) {
          const maxLag = 24;
          // y: the source with its history (maxLag before x[0]); x: y through a short filter plus noise
          const y = Float64Array.from({ length: n + maxLag }, () => rnd());
          const x = Float64Array.from(
            { length: n },
            (_, i) => 0.6 * y[maxLag - 3 + i]! - 0.2 * y[maxLag - 4 + i]! + 0.1 * rnd(),
          );
          const first = Math.max(1, maxLag - K + 1 - (n % 3));
          const prior = withPrior ? Float64Array.from({ length: K }, (_, k) => (k === 2 ? 0.6 : 0)) : undefined;
          const want = fitFirJs(x, y, n, maxLag, first, K, ridge, prior);
          const out = new Float64Array(K + 2).fill(NaN);
          native().drumsFitFir(x, y, n, maxLag, first, ridge, prior ?? null, out);
          for (let k = 0; k < K + 2; k++)
            assert.ok(
              Object.is(out[k], want[k]),
              `n ${n} K ${K} prior ${withPrior} ridge ${ridge}: [${k}] ${out[k]} vs ${want[k]}`,
            );
          cases++;
        }
  assert.equal(cases, 144);
  // a signal the fit explains exactly: three taps, no ridge, found back (to rounding)
  const y = Float64Array.from({ length: 520 }, () => rnd());
  const x = Float64Array.from(
    { length: 500 },
    (_, i) => 0.5 * y[20 - 2 + i]! + 0.25 * y[20 - 3 + i]! - 0.125 * y[20 - 4 + i]!,
  );
  const out = new Float64Array(5);
  native().drumsFitFir(x, y, 500, 20, 2, 0, null, out);
  [0.5, 0.25, -0.125].forEach((v, k) => assert.ok(Math.abs(out[k]! - v) < 1e-9, `tap ${k}: ${out[k]}`));
  // windows that would read outside y are refused, not read
  assert.throws(() => native().drumsFitFir(x, y, 500, 1, 0, 0, null, new Float64Array(5)), /outside/);
  assert.throws(() => native().drumsFitFir(x, y, 500, 30, 2, 0, null, new Float64Array(5)), /outside/);
});
