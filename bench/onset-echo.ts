/**
 * Echo test, measured only (h-onset15; not part of `npm run eval`, no detector change): over the features
 * bench/onset-dev.ts cached (run it first with the set's flag), the onsets detectOnsets keeps, each labelled false
 * (no truth onset within 50 ms) or true, and how many of each an echo test would drop. Two tests:
 * - `shape`: the onset's frequency-group vector (each scaled flux group's largest value over the 5 frames from the
 *   onset) against each louder onset 40–260 ms before: cosine ≥ C and level ratio ≤ R dB; the delay (bins of B flux
 *   frames) must recur in the file (≥ max(N, F·onsets) such pairs) with a consistent ratio (median absolute
 *   deviation ≤ M dB), and the onset's ratio may not exceed that delay's median ratio by more than X dB;
 * - `lag`: the fine energy's rise (mean over 10 ms after minus mean over 20 ms before) at t_q + D over the rise at
 *   each onset t_q, per lag D (0.5 ms ticks, 40–260 ms): an echo lag has a median ratio in [gMin, gMax] and a
 *   consistent one (upper over lower quartile ≤ S); an onset D ± 3 ms after a rising onset q is an echo when its
 *   rise is at most E times g(D) times q's rise.
 *   node dist/bench/onset-echo.js <shape|lag> '[C,R,N,F,M,X,B]' | '[gMin,gMax,E,S]' eleventh [fifth …]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectOnsets, fluxColumns, onsetDefaults, onsetInput, splitFlux } from '../src/engines/onsets/index.js';
import { stftLayout } from '../src/engines/analysis/params.js';
import type { FeatureReport } from '../src/native.js';

const RATE = 44100;
const CACHE = process.env.ONSET_FEATURES ?? '/tmp/onset4-features';
const [test, values, ...sets] = process.argv.slice(2) as [string, string, ...string[]];
const v = JSON.parse(values) as number[];

function load(file: string): FeatureReport | undefined {
  const c = path.join(CACHE, `${path.basename(file)}.__.json`);
  if (!existsSync(c)) return undefined;
  const j = JSON.parse(readFileSync(c, 'utf8'));
  return {
    ...j,
    odf: Float32Array.from(j.odf),
    fineEnergy: Float32Array.from(j.fineEnergy),
    onsetFlux: Float32Array.from(j.onsetFlux),
    onsetNoveltyCoherence: Float32Array.from(j.onsetNoveltyCoherence ?? []),
  } as FeatureReport;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const set of sets) {
  const items = JSON.parse(readFileSync(path.join(CACHE, `items-${set}.json`), 'utf8')) as {
    file: string;
    truth: number[];
  }[];
  const n = { fp: 0, tp: 0, fpDropped: 0, tpDropped: 0 };
  for (const it of items) {
    const r = load(it.file);
    if (!r) continue;
    const input = onsetInput(r, RATE, stftLayout(RATE).windowSamples);
    const times = detectOnsets(input, onsetDefaults()).times;
    const echo = new Array<boolean>(times.length).fill(false);
    if (test === 'shape') {
      const [C, R, N, F, M, X, B] = v as [number, number, number, number, number, number, number];
      const bands = splitFlux(input.flux!).bands;
      const cols = fluxColumns(bands, onsetDefaults());
      const hop = bands.hopSeconds;
      const vec = times.map((t) => {
        const f = Math.round(t / hop);
        return cols.scaled.map((col) => {
          let m = 0;
          for (let i = f; col && i <= f + 4 && i < col.length; i++) m = Math.max(m, col[i]!);
          return m;
        });
      });
      const norm = (a: number[]) => Math.hypot(...a);
      const pairs: { i: number; bin: number; ratio: number }[] = [];
      times.forEach((t, i) => {
        for (let q = i - 1; q >= 0 && t - times[q]! <= 0.26; q--) {
          const d = t - times[q]!;
          const [a, b] = [vec[i]!, vec[q]!];
          if (d < 0.04 || !(norm(b) > norm(a))) continue;
          const cos = a.reduce((s, x, g) => s + x * b[g]!, 0) / (norm(a) * norm(b) + 1e-12);
          const ratio = 20 * Math.log10(norm(a) / norm(b));
          if (cos >= C && ratio <= R) pairs.push({ i, bin: Math.round(d / hop / B), ratio });
        }
      });
      const byBin = new Map<number, number[]>();
      for (const p of pairs) byBin.set(p.bin, [...(byBin.get(p.bin) ?? []), p.ratio]);
      const echoBins = new Map<number, number>();
      for (const [bin, rs] of byBin) {
        const m = median(rs);
        if (rs.length >= Math.max(N, F * times.length) && median(rs.map((x) => Math.abs(x - m))) <= M)
          echoBins.set(bin, m);
      }
      for (const p of pairs) if (echoBins.has(p.bin) && p.ratio <= echoBins.get(p.bin)! + X) echo[p.i] = true;
    } else {
      const [gMin, gMax, E, S] = v as [number, number, number, number];
      const fine = input.fineEnergy;
      const tick = input.tickSeconds;
      const cum = new Float64Array(fine.length + 1);
      for (let i = 0; i < fine.length; i++) cum[i + 1] = cum[i]! + fine[i]!;
      const mean = (a: number, b: number) => {
        [a, b] = [Math.max(0, a), Math.min(fine.length, b)];
        return b > a ? (cum[b]! - cum[a]!) / (b - a) : 0;
      };
      const rise = (k: number) => mean(k, k + 20) - mean(k - 40, k);
      const ks = times.map((t) => Math.round(t / tick));
      const rq = ks.map(rise);
      const [lo, hi, tol] = [0.04, 0.26, 0.003].map((s) => Math.round(s / tick)) as [number, number, number];
      const rising = ks.map((_, i) => i).filter((i) => rq[i]! > 0);
      const g = new Float64Array(hi + 1);
      for (let D = lo; D <= hi; D++) {
        const xs = rising.map((i) => rise(ks[i]! + D) / rq[i]!).sort((a, b) => a - b);
        const [q1, q3] = [xs[Math.floor(xs.length / 4)]!, xs[Math.floor((3 * xs.length) / 4)]!];
        g[D] = xs.length >= 8 && q1 > 0 && q3 / q1 <= S ? xs[Math.floor(xs.length / 2)]! : 0;
      }
      times.forEach((_, i) => {
        for (let q = i - 1; i > 0 && rq[i]! > 0 && q >= 0 && ks[i]! - ks[q]! <= hi + tol; q--) {
          const d = ks[i]! - ks[q]!;
          if (d < lo - tol || !(rq[q]! > 0)) continue;
          let gm = 0;
          for (let D = Math.max(lo, d - tol); D <= Math.min(hi, d + tol); D++) gm = Math.max(gm, g[D]!);
          if (gm >= gMin && gm <= gMax && rq[i]! <= E * gm * rq[q]!) echo[i] = true;
        }
      });
    }
    times.forEach((t, i) => {
      const fp = !it.truth.some((u) => Math.abs(u - t) <= 0.05);
      n[fp ? 'fp' : 'tp']++;
      if (echo[i]) n[fp ? 'fpDropped' : 'tpDropped']++;
    });
  }
  console.log(
    `${set} ${test} ${values}: false onsets dropped ${n.fpDropped} of ${n.fp}, true ${n.tpDropped} of ${n.tp}`,
  );
}
