/**
 * The learned drum-class model of a whole-kit stem (issue 13, h-dxgbm54; stem-model.ts, presets/drum-class-gbm56.json,
 * trained by h-dxgbm56 with bench/drums-learn.ts). The preset's features are the code's; rows stored in the preset with
 * the family and probability the trainer's code gave them (bench/drums-learn.ts preset, on the JSON model) give the
 * same here; and an analytic stem (a kick falling from 200 to 50 Hz with a beater click, one-mode
 * toms, a snare of a 190 Hz sine and noise, closed hats of differentiated noise; 16ths at 100 bpm, four bars of a
 * groove and a tom run) where the rules misread and the model reads right. Truth is where each stroke was placed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';
import { MODEL_FAMILIES, MODEL_FEATURES, predictTrees, stemModel } from '../../src/engines/drums/stem-model.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { noiseSource } from '../../fixtures/signals.js';
import { placeStrokes, tallyStem } from '../../fixtures/stemtally.js';

test("drum-class model: the preset's features are the code's, in order (113: gbm53's 98, 15 of tom and kick)", () => {
  const m = stemModel();
  assert.equal(m.name, 'gbm56');
  assert.deepEqual(m.features, MODEL_FEATURES);
  assert.equal(MODEL_FEATURES.length, 113);
  assert.deepEqual(MODEL_FEATURES.slice(98, 102), ['glide', 'decayLowOverBody', 'decayLowOverWires', 'lowOverBodyDb']);
  assert.deepEqual(MODEL_FEATURES.slice(110), ['logBodyHz-stemLow', 'logBodyHz-stemHigh', 'bodyPitchShare']);
  assert.deepEqual(m.families, [...MODEL_FAMILIES]);
  assert.equal(m.trees.length, 200);
});

test('drum-class model: the stored rows give the family and probability the trainer gave them', () => {
  const m = stemModel();
  assert.equal(m.checks.length, 24);
  for (const c of m.checks) {
    const prob = predictTrees(
      m,
      Float64Array.from(c.x, (v) => v ?? NaN),
    );
    const best = prob.indexOf(Math.max(...prob));
    assert.equal(MODEL_FAMILIES[best], c.family, c.from);
    assert.ok(Math.abs(prob[best]! - c.probability) < 1e-9, `${c.from}: ${prob[best]} vs ${c.probability}`);
  }
});

const rate = 44100;
type Piece = 'kick' | 'snare' | 'hat' | 'tom1' | 'tom2' | 'tom3';

/** One stroke, 0.6 s; a tom is one sine at `tomHz`, no click. */
function stroke(piece: Piece, r: () => number, tomHz: number): Float64Array {
  const n = Math.round(0.6 * rate);
  const x = new Float64Array(n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const w = r();
    const hp = w - last;
    last = w;
    if (piece === 'kick') {
      const phase = 2 * Math.PI * (50 * t + 150 * 0.02 * (1 - Math.exp(-t / 0.02)));
      x[i] = Math.sin(phase) * Math.exp(-t / 0.3) + 0.05 * hp * Math.exp(-t / 0.001);
    } else if (piece === 'snare')
      x[i] = 0.5 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t / 0.05) + 0.4 * w * Math.exp(-t / 0.08);
    else if (piece === 'hat') x[i] = 0.3 * hp * Math.exp(-t / 0.02);
    else x[i] = 0.8 * Math.sin(2 * Math.PI * tomHz * t) * Math.exp(-t / 0.25);
  }
  return x;
}

const BAR = 'kick hat snare hat kick hat snare hat kick tom1 tom2 tom3 kick tom1 tom2 tom3'.split(' ') as Piece[];

/** Four bars of BAR at 100 bpm, toms at `toms` Hz: per piece struck, how many hits read as each class; the reasons. */
function tally(toms: [number, number, number]): { got: Record<string, number>; reasons: string[] } {
  const u = noiseSource(54);
  const r = () => 2 * u() - 1;
  const step = Math.round((15 / 100) * rate);
  const hz = (piece: Piece) => toms[['tom1', 'tom2', 'tom3'].indexOf(piece)] ?? 0;
  const { x, truth } = placeStrokes(
    BAR,
    BAR.length * 4,
    step,
    rate,
    (piece) => stroke(piece, r, hz(piece)),
    (k) => 0.5 * (0.85 + 0.05 * (k % 3)),
  );
  const { got, hits } = tallyStem(x, truth, rate);
  return { got, reasons: hits.map((h) => h.reason) };
}
const rulesOnly = <T>(f: () => T) => withParameterValue(STEM_MODEL_PARAMETERS.useModel, 0, f);

test('drum-class model: one-mode toms at 130–200 Hz and their kick, all right; the rules read 3 kicks as hats', () => {
  const { got, reasons } = tally([200, 160, 130]);
  const base = rulesOnly(() => tally([200, 160, 130]));
  const why = `${JSON.stringify(got)} rules ${JSON.stringify(base.got)}`;
  assert.deepEqual(
    got,
    { 'kick->kick': 16, 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8, 'tom3->tom': 8 },
    why,
  );
  assert.equal(base.got['kick->hihat'], 3, why);
  assert.equal(base.got['kick->kick'], 13, why);
  // each decision names the model, its family and probability, and the rules' class where it differs
  assert.ok(
    reasons.every((s) => /; (but )?model gbm56: (kick|snare|tom|hihat|cymbal) [01]\.\d\d/.test(s)),
    why,
  );
  assert.equal(reasons.filter((s) => s.includes("over the rules' hihat")).length, 3, why);
  assert.ok(
    base.reasons.every((s) => !s.includes('model')),
    why,
  );
});

test('drum-class model: toms at 85–140 Hz beside their kick: the rules read all 24 as kicks, the model 12', () => {
  const { got } = tally([140, 110, 85]);
  const base = rulesOnly(() => tally([140, 110, 85])).got;
  const why = `${JSON.stringify(got)} rules ${JSON.stringify(base)}`;
  assert.equal(base['tom1->kick']! + base['tom2->kick']! + base['tom3->kick']!, 24, why);
  assert.equal(base['kick->tom'], 2, why);
  // the model: every kick a kick, the 140 Hz toms toms, half of those at 110 Hz (gbm53: none); those at 85 Hz still
  // kicks (its limit here)
  assert.equal(got['kick->kick'], 16, why);
  assert.equal(got['tom1->tom'], 8, why);
  assert.equal(got['tom2->tom'], 4, why);
  assert.equal(got['tom2->kick'], 4, why);
  assert.equal(got['tom3->kick'], 8, why);
});
