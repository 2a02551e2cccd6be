/**
 * The boosted trees' walk (src/engines/trees.ts): a row's leaf by its splits in level order, NaN to the left, and the
 * classes' sums round-major — read without iterating the splits (a destructuring allocates in cold code).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classScores, treeLeaf, type Tree } from '../../src/engines/trees.js';

/** A depth-2 tree: feature 0 at 0.5, then feature 1 at 10 (left) or at 20 (right); leaves 1, 2, 3, 4. */
const tree = (): Tree => ({
  split: [
    [0, 0.5],
    [1, 10],
    [1, 20],
  ],
  leaf: [1, 2, 3, 4],
});

test('treeLeaf: each level goes right at or above its threshold, left below it or on NaN', () => {
  const t = tree();
  assert.equal(treeLeaf(t, 2, [0, 5]), 1);
  assert.equal(treeLeaf(t, 2, [0.49, 10]), 2);
  assert.equal(treeLeaf(t, 2, [0.5, 19.9]), 3);
  assert.equal(treeLeaf(t, 2, [7, 20]), 4);
  assert.equal(treeLeaf(t, 2, [NaN, 11]), 2);
  assert.equal(treeLeaf(t, 2, [1, NaN]), 3);
  assert.equal(treeLeaf(t, 1, [1, 0]), 2, 'depth 1 reads the first level only: leaf index 1');
});

test('treeLeaf reads a split by index, not through its iterator', () => {
  const t = tree();
  for (const s of t.split)
    Object.defineProperty(s, Symbol.iterator, {
      value: () => {
        throw new Error('iterated');
      },
    });
  assert.equal(treeLeaf(t, 2, [0.6, 25]), 4);
});

test('classScores: tree i adds to class i mod K, in order', () => {
  const leafOnly = (v: number): Tree => ({ split: [[0, 0]], leaf: [v, v] });
  const m = { depth: 1, trees: [1, 2, 4, 8, 16, 32, 64].map(leafOnly) };
  assert.deepEqual(classScores(m, 3, [0]), [1 + 8 + 64, 2 + 16, 4 + 32]);
  assert.deepEqual(classScores({ depth: 1, trees: [leafOnly(0.1), leafOnly(0.2)] }, 1, [0]), [0.1 + 0.2]);
});
