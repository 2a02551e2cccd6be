/**
 * The engines' one selection (src/engines/order.ts) against sorting: every rank of random arrays
 * with many ties, medians of odd and even counts, the quantile rank rules, scratch reuse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kthSmallest, lowerBound, median, quantile } from '../../src/engines/order.js';
import { mulberry32 } from '../../src/engines/random.js';

const sorted = (xs: ArrayLike<number>) => Float64Array.from(xs).sort();

test('kthSmallest equals the sorted array at every rank; the input is not touched', () => {
  const random = mulberry32(7);
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + Math.floor(random() * 60);
    // few distinct values in half the trials: ties are where a partition goes wrong
    const xs = Array.from({ length: n }, () => (trial % 2 ? Math.floor(random() * 5) : random() * 100 - 50));
    const before = [...xs];
    const s = sorted(xs);
    const scratch = new Float64Array(64);
    for (let k = 0; k < n; k++) {
      assert.equal(kthSmallest(xs, k, scratch), s[k], `trial ${trial}, n ${n}, k ${k}`);
      for (let i = 0; i < k; i++) assert.ok(scratch[i]! <= s[k]!, 'scratch[0, k) ≤ result');
    }
    assert.deepEqual(xs, before);
  }
  assert.throws(() => kthSmallest([1, 2], 2), RangeError);
  assert.throws(() => kthSmallest([], 0), RangeError);
});

test('median: middle value, mean of the two middle ones for even counts; quantile rank rules', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7, 7, 1, 9]), 7);
  assert.equal(median([]), undefined);
  const random = mulberry32(11);
  for (let trial = 0; trial < 100; trial++) {
    const n = 1 + Math.floor(random() * 41);
    const xs = Float32Array.from({ length: n }, () => Math.floor(random() * 9));
    const s = sorted(xs);
    const expected = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1]! + s[n / 2]!) / 2;
    assert.equal(median(xs), expected, `n ${n}`);
    const q = random();
    assert.equal(quantile(xs, q), s[Math.floor(q * (n - 1))]);
    assert.equal(quantile(xs, q, 'nearest'), s[Math.round(q * (n - 1))]);
  }
  assert.equal(quantile([3, 1, 2], 1), 3);
  assert.equal(quantile([3, 1, 2], 0), 1);
  assert.equal(quantile([], 0.5), undefined);
});

test('lowerBound: the first index not below x, as a linear scan finds it (ties, ends, empty)', () => {
  const rnd = mulberry32(11);
  for (let trial = 0; trial < 200; trial++) {
    const xs = sorted(Array.from({ length: Math.floor(rnd() * 12) }, () => Math.floor(rnd() * 6)));
    for (const x of [-1, 0, 0.5, 1, 2, 3, 5, 5.5, 6]) {
      const scan = xs.findIndex((v) => v >= x);
      assert.equal(lowerBound(xs, x), scan < 0 ? xs.length : scan, `${x} in [${xs.join(', ')}]`);
    }
  }
  assert.equal(lowerBound([1, 2, 2, 2, 3], 2), 1);
  assert.equal(lowerBound([], 1), 0);
});
