/**
 * The drum-class model's reading of its preset (issue 13, h-dxgbm56): a threshold the trainer wrote as JSON null is
 * −∞ (bench/learn.ts trainBoosted's split that sends only NaN left; JSON has no infinities), and a preset trained on
 * fewer features than the code computes reads the front of each row (gbm53's 98 before the tom features).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  MODEL_FAMILIES,
  MODEL_FEATURES,
  predictTrees,
  readTrees,
  STEM_MODEL_FILE,
  type StemModelPreset,
} from '../../src/engines/drums/stem-model.js';

/** One depth-1 tree per family; the kick's splits on feature 0 at `th` (leaf 0 left, +4 right). */
const tiny = (th: string) =>
  `{"features":["share0"],"depth":1,"trees":[{"split":[[0,${th}]],"leaf":[0,4]},` +
  MODEL_FAMILIES.slice(1)
    .map(() => '{"split":[[0,0]],"leaf":[0,0]}')
    .join(',') +
  ']}';

test('drum-class model: a null threshold is −∞ — a value below 0 goes right, NaN alone goes left', () => {
  const m = JSON.parse(tiny('null')) as StemModelPreset;
  readTrees(m, m.features);
  assert.equal(m.trees[0]!.split[0]![1], -Infinity);
  const kick = (v: number) => predictTrees(m, Float64Array.from([v]))[0]!;
  const right = Math.exp(4) / (Math.exp(4) + 4);
  assert.ok(Math.abs(kick(-5) - right) < 1e-12, `${kick(-5)}`);
  assert.ok(Math.abs(kick(0.3) - right) < 1e-12);
  assert.ok(Math.abs(kick(NaN) - 0.2) < 1e-12);
  // read as it was before (JSON.parse alone: v < null is v < 0), −5 went left
  const raw = JSON.parse(tiny('null')) as StemModelPreset;
  assert.ok(Math.abs(predictTrees(raw, Float64Array.from([-5]))[0]! - 0.2) < 1e-12);
});

test("drum-class model: a preset's features must be the code's first ones", () => {
  const m = JSON.parse(tiny('0')) as StemModelPreset;
  assert.doesNotThrow(() => readTrees(m, MODEL_FEATURES.slice(0, 98)));
  assert.throws(() => readTrees(m, ['share1']), /features differ/);
  assert.throws(() => readTrees(m, [...MODEL_FEATURES, 'more']), /features differ/);
});

test('drum-class model: gbm53 (98 features) still gives its stored rows, read as the front of a longer row', () => {
  const file = path.join(path.dirname(STEM_MODEL_FILE), 'drum-class-gbm53.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as StemModelPreset;
  readTrees(m, m.features, file);
  assert.equal(m.features.length, 98);
  assert.ok(MODEL_FEATURES.length > 98);
  assert.equal(m.checks.length, 23);
  for (const c of m.checks) {
    const x = new Float64Array(MODEL_FEATURES.length).fill(7);
    x.set(Float64Array.from(c.x, (v) => v ?? NaN));
    const prob = predictTrees(m, x);
    const best = prob.indexOf(Math.max(...prob));
    assert.equal(MODEL_FAMILIES[best], c.family, c.from);
    assert.ok(Math.abs(prob[best]! - c.probability) < 1e-12, `${c.from}: ${prob[best]} vs ${c.probability}`);
  }
});
