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

/**
 * One tree's leaf value for a feature row. The split is read by index, not destructured: a destructuring walks the
 * array's iterator, and in code not yet optimized each step allocates (≈ 50 MB a run of the onset model over the
 * bench file's candidates, a young-generation scavenge per MB: bench/RESULTS.md, h-speed66).
 */
export function treeLeaf(t: Tree, depth: number, x: ArrayLike<number>): number {
  let nd = 0;
  for (let d = 0; d < depth; d++) {
    const split = t.split[(1 << d) - 1 + nd]!;
    const v = x[split[0]]!;
    nd = 2 * nd + (Number.isNaN(v) || v < split[1] ? 0 : 1);
  }
  return t.leaf[nd]!;
}

/** The K classes' summed leaves (their logits) of one feature row, tree by tree in order. */
export function classScores(m: { depth: number; trees: Tree[] }, K: number, x: ArrayLike<number>): number[] {
  const z = new Array<number>(K).fill(0);
  for (let i = 0; i < m.trees.length; i++) z[i % K]! += treeLeaf(m.trees[i]!, m.depth, x);
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
