/**
 * Boosted shallow trees as bench/learn.ts trainBoosted trains them, read the one way every engine's model reads them
 * (the drum classes, src/engines/drums/stem-model.ts; the key combiner, src/engines/key/model.ts; the onset peak
 * acceptor, src/engines/onsets/peak-model.ts): K classes, one tree per class per round (round-major: tree i adds to
 * class i mod K); each tree's splits in level order, then its leaves; a row goes left when its feature is NaN or
 * below the threshold.
 */

/** One tree: its splits [feature, threshold] in level order, then its 2^depth leaves' values. */
export interface Tree {
  split: [number, number][];
  leaf: number[];
}

export const softmax = (z: number[]): number[] => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** One tree's leaf value for a feature row. */
export function treeLeaf(t: Tree, depth: number, x: ArrayLike<number>): number {
  let nd = 0;
  for (let d = 0; d < depth; d++) {
    const [j, th] = t.split[(1 << d) - 1 + nd]!;
    const v = x[j]!;
    nd = 2 * nd + (Number.isNaN(v) || v < th ? 0 : 1);
  }
  return t.leaf[nd]!;
}

/** The K classes' summed leaves (their logits) of one feature row. */
export function classScores(m: { depth: number; trees: Tree[] }, K: number, x: ArrayLike<number>): number[] {
  const z = new Array<number>(K).fill(0);
  m.trees.forEach((t, i) => (z[i % K]! += treeLeaf(t, m.depth, x)));
  return z;
}

/**
 * Trees read from JSON: a threshold stored as null is −∞ (JSON has no infinities; the trainer writes a split that
 * sends only NaN left as −∞, which `JSON.stringify` writes as null — and `v < null` would compare with 0).
 */
export function infiniteThresholds(trees: Tree[]): Tree[] {
  for (const t of trees) t.split = t.split.map(([j, th]) => [j, th === null ? -Infinity : th]);
  return trees;
}
