/**
 * Corrective and matching EQ for `master`: from a difference of third-octave tonal balances
 * (what we want minus what we have, dB per band) to a small set of RBJ peaking filters whose
 * cascade reproduces the difference band by band. Pure: the biquad responses come from the native
 * designs (the same code that filters), the fit is a damped Gauss–Newton least squares.
 */
import { native, type EqBand } from '../../native.js';
import type { TonalBand } from '../spectral/index.js';

export interface BandDiff {
  /** Band edges, Hz. */
  bandHz: [number, number];
  /** Wanted change, dB. */
  db: number;
}

export interface FitOptions {
  sampleRate: number;
  /** Filter centers, Hz (each a peaking filter). */
  centersHz: number[];
  /** Peaking filter Q (4.32 ≈ one third-octave, 1.41 ≈ one octave). */
  q: number;
  /** Largest boost or cut per filter, dB. */
  maxDb: number;
}

export interface FitResult {
  bands: EqBand[];
  /** The cascade's achieved change per input band (mean power over the band), dB. */
  achievedDb: number[];
  /** Mean |wanted − achieved| over the bands, dB. */
  residualDb: number;
}

/** Band powers (dB) of a cascade: the mean of |H|² over 5 log-spaced points per band. */
function bandResponses(bands: EqBand[], edges: [number, number][], fs: number): number[] {
  const pts: number[] = [];
  for (const [lo, hi] of edges)
    for (let i = 0; i < 5; i++) pts.push(Math.min(lo * (hi / lo) ** ((i + 0.5) / 5), fs * 0.499));
  const db = bands.length ? native().biquadResponseDb(bands, fs, pts) : new Float64Array(pts.length);
  return edges.map((_, k) => {
    let p = 0;
    for (let i = 0; i < 5; i++) p += 10 ** (db[k * 5 + i]! / 10);
    return 10 * Math.log10(p / 5);
  });
}

/** Solves (AᵀA + λI) x = Aᵀb by Gaussian elimination with partial pivoting (small systems). */
function ridge(A: number[][], b: number[], lambda: number): number[] {
  const n = A[0]?.length ?? 0;
  const M = Array.from({ length: n }, (_, i) => {
    const row = Array.from({ length: n + 1 }, () => 0);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < A.length; k++) s += A[k]![i]! * A[k]![j]!;
      row[j] = s + (i === j ? lambda : 0);
    }
    let rhs = 0;
    for (let k = 0; k < A.length; k++) rhs += A[k]![i]! * b[k]!;
    row[n] = rhs;
    return row;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]!;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      if (f !== 0) for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

/** Peaking filters at `centersHz` whose cascade best matches `want` (bounded to ±maxDb each). */
export function fitEq(want: BandDiff[], o: FitOptions): FitResult {
  const fs = o.sampleRate;
  const edges = want.map((w) => w.bandHz);
  const target = want.map((w) => w.db);
  const centers = o.centersHz.filter((f) => f < fs * 0.45);
  const probe = 1; // dB: the Jacobian of each filter at a small gain (responses are nearly linear in gain there)
  const J: number[][] = edges.map(() => Array.from({ length: centers.length }, () => 0));
  centers.forEach((hz, j) => {
    const r = bandResponses([{ type: 'peak', freqHz: hz, q: o.q, gainDb: probe }], edges, fs);
    r.forEach((v, k) => (J[k]![j] = v / probe));
  });
  let gains = centers.map(() => 0);
  const make = (g: number[]): EqBand[] =>
    centers.map((hz, j) => ({ type: 'peak' as const, freqHz: hz, q: o.q, gainDb: g[j]! }));
  let achieved = target.map(() => 0);
  for (let iter = 0; iter < 4; iter++) {
    const resid = target.map((t, k) => t - achieved[k]!);
    const step = ridge(J, resid, 0.02);
    gains = gains.map((g, j) => Math.max(-o.maxDb, Math.min(o.maxDb, g + step[j]!)));
    achieved = bandResponses(make(gains), edges, fs);
  }
  const kept = make(gains.map((g) => Math.round(g * 100) / 100)).filter((b) => Math.abs(b.gainDb!) >= 0.05);
  achieved = bandResponses(kept, edges, fs);
  const residualDb = target.length ? target.reduce((s, t, k) => s + Math.abs(t - achieved[k]!), 0) / target.length : 0;
  return { bands: kept, achievedDb: achieved, residualDb };
}

/**
 * shub's reference tonal curve for corrective EQ: relative third-octave band power (dB) of a
 * balanced full-range master, as a piecewise-linear function of log frequency. Flat through the
 * low end, falling about 2.5 dB per octave through the mids and faster above 8 kHz — the broad
 * shape long-term average spectra of commercial pop/rock masters share. Only its shape matters
 * (levels are compared after removing the mean), and the corrective EQ only follows it in broad,
 * bounded strokes.
 */
export const TARGET_CURVE: readonly (readonly [number, number])[] = [
  [31.5, -1.5],
  [63, 0],
  [125, 0],
  [250, -1.5],
  [500, -3.5],
  [1000, -6],
  [2000, -8.5],
  [4000, -11],
  [8000, -14.5],
  [16000, -21],
  [20000, -26],
];

export function targetCurveDb(hz: number): number {
  const pts = TARGET_CURVE;
  if (hz <= pts[0]![0]) return pts[0]![1];
  for (let i = 1; i < pts.length; i++) {
    const [f1, d1] = pts[i]!;
    const [f0, d0] = pts[i - 1]!;
    if (hz <= f1) return d0 + ((d1 - d0) * Math.log2(hz / f0)) / Math.log2(f1 / f0);
  }
  return pts[pts.length - 1]![1];
}

export const centerOf = (b: TonalBand | BandDiff): number => Math.sqrt(b.bandHz[0] * b.bandHz[1]);

/** Bands of `have` within [loHz, hiHz] that hold real signal (within `rangeDb` of the loudest band). */
export function activeBands(have: TonalBand[], loHz: number, hiHz: number, rangeDb = 50): TonalBand[] {
  const max = Math.max(...have.map((b) => b.levelDb ?? -Infinity));
  return have.filter(
    (b) => b.levelDb !== null && b.levelDb > max - rangeDb && centerOf(b) >= loHz && centerOf(b) <= hiHz,
  );
}

/** Mean of `f(band)` over the bands. */
export const meanOf = <T>(xs: T[], f: (x: T) => number): number =>
  xs.length ? xs.reduce((s, x) => s + f(x), 0) / xs.length : 0;

/** Moving average over ±`half` bands (edges use what exists). */
export function smooth(values: number[], half: number): number[] {
  return values.map((_, i) => {
    const from = Math.max(0, i - half);
    const to = Math.min(values.length - 1, i + half);
    let s = 0;
    for (let k = from; k <= to; k++) s += values[k]!;
    return s / (to - from + 1);
  });
}
