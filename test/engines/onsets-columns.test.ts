/**
 * fluxColumns: each onset-flux group's scale (the value fluxScaleTopFraction of its frames exceed, or its largest)
 * and the group divided by it, found once per detection for the envelope, the group peaks and the wash test. The
 * scaled columns must be the doubles the native column kernel gives for the same divisor (the detection's results
 * stay the same to the bit).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluxColumns, onsetDefaults } from '../../src/engines/onsets/index.js';
import { native } from '../../src/native.js';

test('fluxColumns: the lower quantile of each group as its scale, the group divided by it, bit for bit', () => {
  const params = onsetDefaults();
  const frames = 1000;
  const groups = 3;
  const values = new Float32Array(frames * groups);
  for (let t = 0; t < frames; t++) {
    values[t * groups] = ((t * 37) % 101) / 7; // spread values, many distinct
    values[t * groups + 1] = t === 500 ? 2.5 : 0; // one hit: the quantile is 0, so the scale is its largest
    values[t * groups + 2] = 0; // silent: no scale, no column
  }
  const c = fluxColumns({ values, groups }, params);
  // the scale by its definition: rank floor(q·(n − 1)) of the sorted group, q = 1 − fluxScaleTopFraction
  const q = 1 - params.fluxScaleTopFraction;
  const g0 = Array.from({ length: frames }, (_, t) => values[t * groups]!).sort((a, b) => a - b);
  assert.equal(c.scales[0], g0[Math.floor(q * (frames - 1))]);
  assert.ok(c.scales[0]! > 0);
  assert.equal(c.scales[1], Math.fround(2.5));
  assert.equal(c.scales[2], 0);
  assert.equal(c.scaled[2], undefined);
  for (const g of [0, 1]) {
    const col = c.scaled[g]!;
    const expected = native().postColumn(values, groups, g, c.scales[g]!);
    assert.equal(col.length, frames);
    for (let t = 0; t < frames; t++) {
      assert.equal(col[t], values[t * groups + g]! / c.scales[g]!);
      assert.equal(col[t], expected[t]);
    }
  }
  assert.equal(c.scaled[1]![500], 1);
});

test('fluxColumns: an infinite scale (beyond the native divisor range) still divides the group by it', () => {
  const params = onsetDefaults();
  const frames = 200;
  const values = new Float64Array(frames);
  for (let t = 0; t < frames; t++) values[t] = t % 2 ? Infinity : 0; // half the frames infinite: the quantile is too
  const c = fluxColumns({ values, groups: 1 }, params);
  assert.equal(c.scales[0], Infinity);
  const col = c.scaled[0]!;
  assert.equal(col.length, frames);
  for (let t = 0; t < frames; t++) assert.ok(t % 2 ? Number.isNaN(col[t]) : col[t] === 0);
});
