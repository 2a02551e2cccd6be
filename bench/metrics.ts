/**
 * Standard MIR evaluation metrics used by bench/eval.ts: tempo Acc1/Acc2 (Gouyon et al. 2006),
 * the MIREX key score, and onset/beat F-measure with one-to-one matching inside a tolerance.
 */

/** Acc1: within ±tol of the truth. */
export function tempoAcc1(est: number | null, truth: number, tol = 0.04): boolean {
  return est !== null && Math.abs(est - truth) <= tol * truth;
}

/** Acc2: Acc1 at the truth or at ×2, ×½, ×3, ×⅓ of it (octave errors allowed). */
export function tempoAcc2(est: number | null, truth: number, tol = 0.04): boolean {
  return est !== null && [1, 2, 0.5, 3, 1 / 3].some((f) => Math.abs(est - truth * f) <= tol * truth * f);
}

export interface KeyLabel {
  tonic: number;
  mode: 'major' | 'minor';
}

/**
 * MIREX weighted key score: 1 correct, 0.5 perfect fifth (same mode, either direction), 0.3
 * relative major/minor, 0.2 parallel major/minor, else 0.
 */
export function keyScore(est: KeyLabel | null, truth: KeyLabel): number {
  if (!est) return 0;
  const d = (est.tonic - truth.tonic + 12) % 12;
  if (est.mode === truth.mode) {
    if (d === 0) return 1;
    if (d === 7 || d === 5) return 0.5;
    return 0;
  }
  if (d === 0) return 0.2;
  // relative: C major (truth) ↔ A minor (est: +9); A minor (truth) ↔ C major (est: +3)
  if (truth.mode === 'major' && d === 9) return 0.3;
  if (truth.mode === 'minor' && d === 3) return 0.3;
  return 0;
}

export interface MatchResult {
  tp: number;
  fp: number;
  fn: number;
  /** est − truth of each matched pair, seconds. */
  offsets: number[];
}

/** The pairs [est index, truth index] of matchEvents (sorted times, ±tol, closest pairs first), in that order. */
export function matchPairs(est: number[], truth: number[], tol: number): [number, number][] {
  const pairs: [number, number, number][] = [];
  let j0 = 0;
  for (let i = 0; i < est.length; i++) {
    while (j0 < truth.length && truth[j0]! < est[i]! - tol) j0++;
    for (let j = j0; j < truth.length && truth[j]! <= est[i]! + tol; j++)
      pairs.push([Math.abs(est[i]! - truth[j]!), i, j]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const usedE = new Set<number>();
  const usedT = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (usedE.has(i) || usedT.has(j)) continue;
    usedE.add(i);
    usedT.add(j);
    out.push([i, j]);
  }
  return out;
}

/** Greedy one-to-one matching of sorted event times within ±tol (closest pairs first). */
export function matchEvents(est: number[], truth: number[], tol: number): MatchResult {
  const offsets = matchPairs(est, truth, tol).map(([i, j]) => est[i]! - truth[j]!);
  return { tp: offsets.length, fp: est.length - offsets.length, fn: truth.length - offsets.length, offsets };
}

export function fMeasure(m: { tp: number; fp: number; fn: number }): number {
  const denom = 2 * m.tp + m.fp + m.fn;
  return denom === 0 ? 1 : (2 * m.tp) / denom;
}
