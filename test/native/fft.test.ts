/**
 * The real FFT (native/src/fft.cc) against a DFT computed here in double precision, under every instruction set
 * the CPU has (SHUB_NATIVE_ISA, one child process each): its radix-4 stages run as 8-lane vector kernels (the first
 * two interleaving stages and the strided ones) with a scalar loop for what is left, at sizes where each of them
 * runs (16 points: one stage; 65536: eight).
 *
 * Tolerance: a float FFT of n points has an error of a few ε·log2(n) relative to the spectrum's RMS at its worst bin
 * (ε = 2^-24 ≈ 6e-8; float twiddles add their own rounding; measured ≤ 1.2e-6 here); 5e-6 of √(Σ|X|²/bins) is about
 * 80 float roundings, while a wrong twiddle, a swapped lane or a missed tail gives errors of order 1 of it. The
 * inverse must give x back to 5e-6 of x's peak.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { native } from '../../src/native.js';

/** Deterministic noise plus a sine off the bin grid, amplitude < 1. */
function input(n: number, seed: number): Float32Array {
  const x = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = 0.5 * (s / 4294967296 - 0.5) + 0.3 * Math.sin((2 * Math.PI * 3.3 * i) / n + seed);
  }
  return x;
}

/** The worst errors of realFft(x) against the DFT (relative to the spectrum's RMS) and of its inverse. */
export function fftErrors(n: number, seed: number): { spectrum: number; inverse: number } {
  const x = input(n, seed);
  const { re, im, back } = native().realFft(x);
  assert.equal(re.length, n / 2 + 1);
  // the DFT by a recurrence on the twiddle per bin would accumulate error: exact angles from k·t mod n
  const cos = new Float64Array(n),
    sin = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    cos[t] = Math.cos((2 * Math.PI * t) / n);
    sin[t] = Math.sin((2 * Math.PI * t) / n);
  }
  let power = 0,
    worst = 0;
  const bins = n / 2 + 1;
  const step = n > 4096 ? 37 : 1; // the large sizes: every 37th bin (the DFT is O(n) per bin)
  const refRe: number[] = [],
    refIm: number[] = [],
    ks: number[] = [];
  const wanted: number[] = [];
  for (let k = 0; k < bins; k += step) wanted.push(k);
  if (wanted[wanted.length - 1] !== bins - 1) wanted.push(bins - 1);
  for (const k of wanted) {
    let a = 0,
      b = 0;
    for (let t = 0, i = 0; t < n; t++, i = (i + k) % n) {
      a += x[t]! * cos[i]!;
      b -= x[t]! * sin[i]!;
    }
    refRe.push(a);
    refIm.push(b);
    ks.push(k);
    power += a * a + b * b;
  }
  const rms = Math.sqrt(power / ks.length);
  ks.forEach((k, j) => {
    worst = Math.max(worst, Math.hypot(re[k]! - refRe[j]!, im[k]! - refIm[j]!) / rms);
  });
  assert.equal(im[0], 0);
  assert.equal(im[n / 2], 0);
  let peak = 0,
    inv = 0;
  for (let t = 0; t < n; t++) {
    peak = Math.max(peak, Math.abs(x[t]!));
    inv = Math.max(inv, Math.abs(back[t]! - x[t]!));
  }
  return { spectrum: worst, inverse: inv / peak };
}

const SIZES = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 65536];

test('realFft matches a double-precision DFT and inverts, at the default instruction set', () => {
  for (const n of SIZES)
    for (const seed of [1, 2]) {
      const e = fftErrors(n, seed);
      assert.ok(e.spectrum < 5e-6, `n = ${n}, seed ${seed}: spectrum error ${e.spectrum} of the RMS`);
      assert.ok(e.inverse < 5e-6, `n = ${n}, seed ${seed}: inverse error ${e.inverse} of the peak`);
    }
});

test('realFft gives the same spectra (bit for bit) under every instruction set the CPU has', async () => {
  // the vector kernels keep each output's expression, so only the build's FMA contraction (AVX2/AVX-512 vs the
  // baseline) may differ: the AVX2 and AVX-512 variants must agree exactly, and each must match the DFT
  const flags =
    process.arch === 'x64' ? (/^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '') : '';
  const has = (f: string) => flags.split(/\s+/).includes(f);
  const isas = ['baseline'];
  if (has('avx2') && has('fma')) isas.push('avx2');
  if (['avx512f', 'avx512vl', 'avx512bw', 'avx512dq', 'fma'].every(has)) isas.push('avx512');
  const nativeUrl = new URL('../../src/native.js', import.meta.url).href;
  const child = `
    import { native } from ${JSON.stringify(nativeUrl)};
    const out = { isa: native().nativeIsa(), spectra: [] };
    for (const n of [16, 64, 512, 1024, 2048, 8192]) {
      const x = new Float32Array(n);
      for (let i = 0; i < n; i++) x[i] = Math.sin(i * 0.37) * 0.5 + ((i * 7919) % 101) / 404;
      const r = native().realFft(x);
      out.spectra.push(Array.from(r.re), Array.from(r.im));
    }
    process.stdout.write(JSON.stringify(out));`;
  const run = promisify(execFile);
  const results: Record<string, number[][]> = {};
  for (const isa of isas) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child], {
      env: { ...process.env, SHUB_NATIVE_ISA: isa },
      maxBuffer: 64 << 20,
    });
    const out = JSON.parse(stdout) as { isa: string; spectra: number[][] };
    assert.equal(out.isa, isa);
    results[isa] = out.spectra;
  }
  if (results.avx2 && results.avx512) assert.deepEqual(results.avx512, results.avx2);
  for (const isa of isas) {
    const s = results[isa]!;
    // bin 1 of the 16-point transform against its DFT, as a spot check that every variant computes a transform
    let a = 0,
      b = 0;
    for (let i = 0; i < 16; i++) {
      const v = Math.fround(Math.sin(i * 0.37) * 0.5 + ((i * 7919) % 101) / 404);
      a += v * Math.cos((2 * Math.PI * i) / 16);
      b -= v * Math.sin((2 * Math.PI * i) / 16);
    }
    assert.ok(
      Math.abs(s[0]![1]! - a) < 1e-5 && Math.abs(s[1]![1]! - b) < 1e-5,
      `${isa}: bin 1 ${s[0]![1]}, ${s[1]![1]}`,
    );
  }
});
