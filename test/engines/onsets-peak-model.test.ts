/**
 * The learned onset peak acceptor (issue 12 point 4, h-olearn56, h-onset59, h-onset61;
 * src/engines/onsets/peak-model.ts, the engine's presets/onset-peak-gbm56.json, gbm59 with the rules' flags beside
 * it): each preset's feature list is the code's, its check rows (the trainer's own P(onset), bench/onset-learn.ts)
 * are reproduced to 1e-9, gbm56 reads the longer rows unchanged, the candidate callback leaves the rules' output
 * unchanged, and with onsetModel on (the default) a synthesized loop's reading changes (the rules' own reading with
 * the switch off).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { onsetFluxOptions, stftLayout, ONSET_PARAMETERS } from '../../src/engines/analysis/params.js';
import { detectOnsets, onsetDefaults, onsetInput } from '../../src/engines/onsets/index.js';
import {
  peakFeatureNames,
  peakModel,
  peakProbability,
  RULE_FLAGS,
  type PeakModel,
} from '../../src/engines/onsets/peak-model.js';
import { readPreset } from '../../src/presets.js';
import { infiniteThresholds } from '../../src/engines/trees.js';
import { mulberry32 } from '../../src/engines/random.js';
import { matchEvents } from '../../bench/metrics.js';

const RATE = 44100;

/**
 * Four seconds of strokes every 250 ms (noise bursts through a one-pole low-pass, 30 ms decay, alternating loud and
 * 18 dB softer), each loud one repeated by an echo 9 dB under it 60 ms later (no onset: a delay line's repeat), over
 * a quiet noise floor. The truth: the strokes.
 */
function echoes(): { x: Float32Array; truth: number[] } {
  const rnd = mulberry32(5656);
  const n = 4 * RATE;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 1e-4 * (rnd() * 2 - 1);
  const truth: number[] = [];
  const hit = (at: number, gain: number) => {
    const s0 = Math.round(at * RATE);
    let y = 0;
    for (let i = 0; i < 0.2 * RATE && s0 + i < n; i++) {
      y = 0.6 * y + 0.4 * (rnd() * 2 - 1);
      x[s0 + i]! += gain * y * Math.exp(-i / RATE / 0.03);
    }
  };
  for (let k = 0; k < 15; k++) {
    const at = 0.2 + k * 0.25;
    truth.push(at);
    if (k % 2 === 0) {
      hit(at, 0.9);
      hit(at + 0.06, 0.9 * 10 ** (-9 / 20));
    } else hit(at, 0.9 * 10 ** (-18 / 20));
  }
  return { x: Float32Array.from(x), truth };
}

function input(x: Float32Array) {
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(RATE, {}),
  );
  fx.addFloat(x);
  return onsetInput(fx.finish(), RATE, stftLayout(RATE).windowSamples);
}

test("peak model preset (the engine's, gbm56): the code's first 22 features, the trainer's check rows to 1e-9", () => {
  const m = peakModel();
  assert.equal(m.name, 'onset-peak-gbm56');
  assert.equal(ONSET_PARAMETERS.onsetModel.value, 1, 'the model is on by default (h-onset61)');
  // the rows' front: the evidence and the 4 flux groups, before the rules' flags (which gbm56 does not read)
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, 22));
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
  assert.equal(m.threshold, ONSET_PARAMETERS.onsetModelThreshold.value);
});

test("peak model gbm59 (beside it): the row up to the rules' flags, its check rows to 1e-9", () => {
  const m = readPreset<PeakModel>('onset-peak-gbm59');
  infiniteThresholds(m.trees);
  // the row's front up to the rules' flags (h-onset63's roll and attack evidence follows them)
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, 22 + RULE_FLAGS.length));
  assert.deepEqual(m.features.slice(-RULE_FLAGS.length), RULE_FLAGS);
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
});

test("peak model gbm56 (22 features, before the rules' flags) reads its own check rows and the longer rows", () => {
  const m = readPreset<PeakModel>('onset-peak-gbm56');
  infiniteThresholds(m.trees);
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, 22));
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9);
    // the rules' flags appended: the same P (its trees read the first 22 only)
    const longer = Float64Array.from([...x, ...RULE_FLAGS.map(() => 1)]);
    assert.ok(Math.abs(peakProbability(m, longer) - c.p) <= 1e-9);
  }
});

test("the candidate callback leaves the rules' onsets unchanged; main's onsets are candidates with main = 1", () => {
  const { x } = echoes();
  const inp = input(x);
  const rules = { ...onsetDefaults(), onsetModel: 0 };
  const plain = detectOnsets(inp, rules).times;
  let cands: { t: number; main: number; x?: Float64Array }[] = [];
  const dumped = detectOnsets(inp, rules, { onCandidates: (c) => (cands = [...c]) }).times;
  assert.deepEqual(dumped, plain);
  const main = cands.filter((c) => c.main === 1).map((c) => Math.round(c.t * 10000) / 10000);
  assert.deepEqual(main, plain);
  assert.equal(plain.length, 23, 'every stroke and the 8 echoes');
  // every row is the whole one (the rules' flags included), of which gbm56 reads the first 22
  for (const c of cands) assert.equal(c.x!.length, peakFeatureNames(4).length);
});

test('echoes 60 ms after the loud strokes: the peak model accepts fewer of them than the rules', () => {
  const { x, truth } = echoes();
  const inp = input(x);
  // the rules' own reading (onsetModel 0): every stroke and the 8 echoes (measured at ab7e8ef)
  const off = matchEvents(detectOnsets(inp, { ...onsetDefaults(), onsetModel: 0 }).times, truth, 0.05);
  assert.deepEqual([off.tp, off.fp, off.fn], [15, 8, 0]);
  // the model (onsetModel 1, the default): every stroke, at most 6 echoes (gbm56: 6; gbm59 read 7)
  const on = matchEvents(detectOnsets(inp, onsetDefaults()).times, truth, 0.05);
  assert.equal(on.tp, 15);
  assert.equal(on.fn, 0);
  assert.ok(on.fp <= 6, `${on.fp} echoes taken for onsets`);
});
