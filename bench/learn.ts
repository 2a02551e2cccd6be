/**
 * The learners the bench's experiments share (issue 13 h-dxlearn53's, written once for the drum-class, onset and key
 * experiments): multinomial logistic regression and softmax gradient-boosted shallow trees over rows of numbers (NaN
 * allowed: the mean for the regression, a bin of its own for the trees). The trees' evaluation is the engine's
 * (src/engines/trees.ts), so a model trained here runs there unchanged.
 */
import { mulberry32 } from '../src/engines/random.js';
import { softmax } from '../src/engines/trees.js';

/** Multinomial logistic regression on z-scored features (NaN as the mean), L2, seeded mini-batch Adam. */
export interface Logistic {
  mean: number[];
  sd: number[];
  /** Per family: weights then bias. */
  w: number[][];
}
export const LR = { epochs: 4, batch: 64, rate: 0.01, l2: 1e-3, seed: 53 };
/**
 * Trained on rows X (every row the same length) with labels Y in 0 … K − 1; `weight` (length n), when given, scales
 * each row's gradient (h-comp99: the clearly-best sections' rows weighted up).
 */
export function trainLogistic(X: Float64Array[], Y: number[], K: number, o = LR, weight?: readonly number[]): Logistic {
  if (!X.length) throw new Error('trainLogistic: no training rows');
  const F = X[0]!.length;
  const mean = Array.from({ length: F }, (_, j) => {
    const v = X.map((x) => x[j]!).filter((x) => !Number.isNaN(x));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
  });
  const sd = Array.from({ length: F }, (_, j) => {
    const v = X.map((x) => x[j]!).filter((x) => !Number.isNaN(x));
    const s = Math.sqrt(v.reduce((a, b) => a + (b - mean[j]!) ** 2, 0) / Math.max(1, v.length));
    return s > 1e-9 ? s : 1;
  });
  const Z = X.map((x) => Array.from(x, (v, j) => (Number.isNaN(v) ? 0 : (v - mean[j]!) / sd[j]!)));
  const w = Array.from({ length: K }, () => new Array<number>(F + 1).fill(0));
  const m = w.map((r) => r.map(() => 0));
  const v2 = w.map((r) => r.map(() => 0));
  const order = Z.map((_, i) => i);
  const rand = mulberry32(o.seed);
  let step = 0;
  for (let e = 0; e < o.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let b = 0; b < order.length; b += o.batch) {
      const g = w.map((r) => r.map(() => 0));
      const idx = order.slice(b, b + o.batch);
      for (const i of idx) {
        const z = Z[i]!;
        const p = softmax(w.map((r) => r.reduce((a, wj, j) => a + wj * (j < F ? z[j]! : 1), 0)));
        for (let k = 0; k < K; k++) {
          const d = (p[k]! - (Y[i] === k ? 1 : 0)) * (weight ? weight[i]! : 1);
          for (let j = 0; j < F; j++) g[k]![j]! += d * z[j]!;
          g[k]![F]! += d;
        }
      }
      step++;
      for (let k = 0; k < K; k++)
        for (let j = 0; j <= F; j++) {
          const gj = g[k]![j]! / idx.length + (j < F ? o.l2 * w[k]![j]! : 0);
          m[k]![j] = 0.9 * m[k]![j]! + 0.1 * gj;
          v2[k]![j] = 0.999 * v2[k]![j]! + 0.001 * gj * gj;
          const mh = m[k]![j]! / (1 - 0.9 ** step);
          const vh = v2[k]![j]! / (1 - 0.999 ** step);
          w[k]![j]! -= (o.rate * mh) / (Math.sqrt(vh) + 1e-8);
        }
    }
  }
  return { mean, sd, w };
}
export function predictLogistic(m: Logistic, x: Float64Array): number[] {
  const F = m.mean.length;
  return softmax(
    m.w.map((r) =>
      r.reduce((a, wj, j) => a + wj * (j < F ? (Number.isNaN(x[j]!) ? 0 : (x[j]! - m.mean[j]!) / m.sd[j]!) : 1), 0),
    ),
  );
}

/** Gradient-boosted trees (softmax, one tree per class per round), histogram splits on quantile bins (NaN apart). */
export interface Boosted {
  /** Per tree (round-major, then family): nodes as [feature, threshold] in level order, then the leaves' values. */
  trees: { split: [number, number][]; leaf: number[] }[];
}
export const GB = {
  rounds: 40,
  depth: 3,
  shrink: 0.2,
  lambda: 1,
  bins: 32,
  rows: 0.35,
  cols: 0.35,
  minHess: 2,
  seed: 53,
};
/**
 * Trained on rows X with labels Y in 0 … K − 1; `gain` (length F), when given, sums each feature's split gains;
 * `weight` (length n), when given, scales each row's gradient and hessian (h-key59: analytic rows down-weighted;
 * without it every row counts 1 and the trees are those of before, bit for bit).
 */
export function trainBoosted(
  X: Float64Array[],
  Y: number[],
  K: number,
  gain?: number[],
  o = GB,
  weight?: readonly number[],
): Boosted {
  if (!X.length) throw new Error('trainBoosted: no training rows');
  const F = X[0]!.length;
  const n = X.length;
  // thresholds per feature: the training values' quantiles; bin = 1 + #thresholds ≤ v, NaN bin 0
  const thr = Array.from({ length: F }, (_, j) => {
    const v = X.map((x) => x[j]!)
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);
    const t: number[] = [];
    for (let b = 1; b < o.bins - 1; b++) {
      const q = v[Math.floor((b / (o.bins - 1)) * (v.length - 1))];
      if (q !== undefined && (t.length === 0 || q > t[t.length - 1]!)) t.push(q);
    }
    return t;
  });
  const bin = X.map((x) =>
    Uint8Array.from(thr, (t, j) => {
      const v = x[j]!;
      if (Number.isNaN(v)) return 0;
      let b = 0;
      while (b < t.length && t[b]! <= v) b++;
      return b + 1;
    }),
  );
  const score = Array.from({ length: n }, () => new Float64Array(K));
  const trees: Boosted['trees'] = [];
  const rand = mulberry32(o.seed);
  const leaves = 1 << o.depth;
  for (let r = 0; r < o.rounds; r++) {
    const p = score.map((z) => softmax([...z]));
    for (let k = 0; k < K; k++) {
      const rows = Array.from({ length: n }, (_, i) => i).filter(() => rand() < o.rows);
      const cols = Array.from({ length: F }, (_, j) => j).filter(() => rand() < o.cols);
      const g = new Float64Array(n);
      const h = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        g[i] = p[i]![k]! - (Y[i] === k ? 1 : 0);
        h[i] = Math.max(1e-6, p[i]![k]! * (1 - p[i]![k]!));
        if (weight) {
          g[i]! *= weight[i]!;
          h[i]! *= weight[i]!;
        }
      }
      const node = new Int32Array(n); // node index within the level
      const split: [number, number][] = [];
      for (let d = 0; d < o.depth; d++) {
        const width = 1 << d;
        const G = new Float64Array(width * F * o.bins);
        const H = new Float64Array(width * F * o.bins);
        for (const i of rows) {
          const base = node[i]! * F * o.bins;
          const bi = bin[i]!;
          for (const j of cols) {
            const at = base + j * o.bins + bi[j]!;
            G[at]! += g[i]!;
            H[at]! += h[i]!;
          }
        }
        const chosen: [number, number][] = [];
        for (let nd = 0; nd < width; nd++) {
          let best = 0;
          let bf = -1;
          let bs = 0;
          for (const j of cols) {
            const at = nd * F * o.bins + j * o.bins;
            let gt = 0;
            let ht = 0;
            for (let b = 0; b < o.bins; b++) {
              gt += G[at + b]!;
              ht += H[at + b]!;
            }
            let gl = 0;
            let hl = 0;
            for (let b = 0; b < Math.min(o.bins - 1, thr[j]!.length + 1); b++) {
              gl += G[at + b]!;
              hl += H[at + b]!;
              const gr = gt - gl;
              const hr = ht - hl;
              if (hl < o.minHess || hr < o.minHess) continue;
              const v = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - (gt * gt) / (ht + o.lambda);
              if (v > best) [best, bf, bs] = [v, j, b];
            }
          }
          // no useful split: everything goes right (threshold −∞ sends only NaN left; feature 0 is never NaN)
          chosen.push(bf < 0 ? [0, -Infinity] : [bf, bs === 0 ? -Infinity : thr[bf]![bs - 1]!]);
          if (gain && bf >= 0) gain[bf]! += best;
        }
        split.push(...chosen);
        for (let i = 0; i < n; i++) {
          const [j, t] = chosen[node[i]!]!;
          const v = X[i]![j]!;
          node[i] = 2 * node[i]! + (Number.isNaN(v) || v < t ? 0 : 1);
        }
      }
      const GL = new Float64Array(leaves);
      const HL = new Float64Array(leaves);
      for (const i of rows) {
        GL[node[i]!]! += g[i]!;
        HL[node[i]!]! += h[i]!;
      }
      const leaf = Array.from(GL, (gv, l) => (-o.shrink * gv) / (HL[l]! + o.lambda));
      for (let i = 0; i < n; i++) score[i]![k]! += leaf[node[i]!]!;
      trees.push({ split, leaf });
    }
  }
  return { trees };
}

/**
 * Two-class L2-regularized logistic regression by Newton's method (IRLS) on standardized features, deterministic
 * (h-tlearn53's, moved here from bench/tempo-learn.ts by h-tempo59: the tempo level model's trainer). A NaN feature
 * is left out of its mean and scale and standardized to 0. z = b + Σ w_j (x_j − mean_j) / scale_j.
 */
export function trainNewtonLogistic(
  pairs: { x: number[]; y: number; offset?: number }[],
  lambda: number,
): { mean: number[]; scale: number[]; w: number[]; b: number } {
  const d = pairs[0]!.x.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  // a missing feature (NaN: a term the input could not give, h-tlevel56) is left out of the mean and the scale and
  // standardized to 0: it adds nothing to the sum, as levelProbabilityOfRow reads it in the engine
  const count = new Array<number>(d).fill(0);
  for (const p of pairs) p.x.forEach((v, j) => Number.isNaN(v) || ((mean[j]! += v), count[j]!++));
  for (let j = 0; j < d; j++) mean[j] = count[j] ? mean[j]! / count[j]! : 0;
  for (const p of pairs) p.x.forEach((v, j) => Number.isNaN(v) || (scale[j]! += (v - mean[j]!) ** 2 / count[j]!));
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  const X = pairs.map((p) => [1, ...p.x.map((v, j) => (Number.isNaN(v) ? 0 : (v - mean[j]!) / scale[j]!))]);
  const D = d + 1;
  let w = new Array<number>(D).fill(0);
  for (let it = 0; it < 30; it++) {
    const g = w.map((v, j) => (j ? lambda * v : 0));
    const H = Array.from({ length: D }, (_, i) => Array.from({ length: D }, (_, j) => (i === j && i ? lambda : 0)));
    X.forEach((x, n) => {
      // a fixed offset (h-tempo68: a tempo prior's log-odds) added to the sum, not learned
      const z = x.reduce((s, v, j) => s + v * w[j]!, pairs[n]!.offset ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      const e = p - pairs[n]!.y;
      const s = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < D; i++) {
        g[i]! += e * x[i]!;
        for (let j = 0; j < D; j++) H[i]![j]! += s * x[i]! * x[j]!;
      }
    });
    const step = solve(H, g);
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { mean, scale, w: w.slice(1), b: w[0]! };
}

/** A · x = b by Gauss–Jordan elimination with partial pivoting (0 where a pivot is 0). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c || M[c]![c] === 0) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => (row[i] ? row[n]! / row[i]! : 0));
}
