/**
 * The membrane cue (h-dx72, stem.ts membraneCue, STEM_MEMBRANE_PARAMETERS): a drum head rings at the circular
 * membrane's modes (1, 1.594, 2.136, 2.296 × its fundamental) and long for its pitch; a kick's sine falls in pitch
 * (its spectrum smeared over the fall, nothing peaked at 1.594) or rings at its harmonics, and dies fast behind a
 * beater's broadband click. Analytic strokes, each alone in its stem, read by the first pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StemAnalyzer, membraneCue } from '../../src/engines/drums/stem.js';
import type { StemFeatures } from '../../src/engines/drums/classify.js';
import { noiseSource } from '../../fixtures/signals.js';
import { STEM_KICKLESS_PARAMETERS, STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';

const rate = 44100;
const MODES = [1, 1.594, 2.136, 2.296];

/** Four strokes 0.5 s apart of `make(t, noise)`, through the first pass (the cue asked for; `engine`: as the engine
 * reads a stem, the cue only for a model that reads it): each hit's features. */
function read(make: (t: number, w: number) => number, engine = false): StemFeatures[] {
  const u = noiseSource(72);
  const x = new Float32Array(Math.round(2.3 * rate));
  for (let k = 0; k < 4; k++) {
    const at = Math.round((0.1 + 0.5 * k) * rate);
    const n = Math.round(0.45 * rate);
    // the last 50 ms faded out (a stroke cut short is a hit of its own)
    for (let i = 0; i < n; i++) x[at + i] = 0.5 * Math.min(1, (n - i) / (0.05 * rate)) * make(i / rate, 2 * u() - 1);
  }
  const a = engine ? new StemAnalyzer(rate) : new StemAnalyzer(rate, true);
  a.push(x);
  a.finish();
  return a.found.map((h) => h.features);
}
const membrane = (f0: number, tau: number) => (t: number) =>
  MODES.reduce((s, m, k) => s + (Math.sin(2 * Math.PI * m * f0 * t) * Math.exp(-t / (tau / (1 + k)))) / (1 + k), 0);
// a kick: a sine falling from 200 to 50 Hz (20 ms), dying in 60 ms, a 1 ms beater click of noise
const sweepKick = (t: number, w: number) =>
  Math.sin(2 * Math.PI * (50 * t + 150 * 0.02 * (1 - Math.exp(-t / 0.02)))) * Math.exp(-t / 0.06) +
  0.6 * w * Math.exp(-t / 0.001);
// a harmonic body: 120 Hz and its second harmonic, no glide, dying in 60 ms
const harmonicKick = (t: number) =>
  (Math.sin(2 * Math.PI * 120 * t) + 0.5 * Math.sin(2 * Math.PI * 240 * t)) * Math.exp(-t / 0.06);
const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const of = (f: StemFeatures[], k: keyof StemFeatures) => med(f.map((x) => x[k] as number));

test('membrane cue: a drum head peaks at its second mode; a falling sine and a harmonic body do not', () => {
  const tom = read(membrane(150, 0.3));
  const kick = read(sweepKick);
  const harm = read(harmonicKick);
  const why = JSON.stringify([tom[0], kick[0], harm[0]]);
  for (const f of [tom, kick, harm]) assert.equal(f.length, 4, why);
  assert.ok(Math.abs(of(tom, 'bodyHz') - 150) < 3, why);
  // the second mode stands over the gaps beside it by 10 dB or more; the kick's fall leaves at most 3 dB there
  assert.ok(of(tom, 'modePeakDb') > 10, why);
  assert.ok(of(kick, 'modePeakDb') < 3, why);
  assert.ok(of(tom, 'modePeakDb') - of(harm, 'modePeakDb') > 10, why);
  // the third and fourth modes over the second harmonic: the head 10 dB or more, the harmonic body 10 dB or more under
  assert.ok(of(tom, 'upperModeDb') > 10, why);
  assert.ok(of(harm, 'upperModeDb') < -10, why);
  // the head rings 50 or more of its periods to fall 20 dB, the kicks under 20; the kick's click 10 dB over the head's
  assert.ok(of(tom, 'decayPeriods') > 50, why);
  assert.ok(of(kick, 'decayPeriods') < 20 && of(harm, 'decayPeriods') < 20, why);
  assert.ok(of(kick, 'clickDb') - of(tom, 'clickDb') > 10, why);
});

test('membrane cue: on a spectrum of known bins, each ratio reads the power at it (NaN without a fundamental)', () => {
  const n = 4096;
  const after = new Float64Array(n / 2);
  const before = new Float64Array(n / 2);
  const bin = (hz: number) => Math.round((hz * n) / rate);
  after[bin(100)] = 1;
  after[bin(159.4)] = 0.1;
  after[bin(130)] = 0.001;
  after[bin(185)] = 0.003;
  after[bin(213.6)] = 0.02;
  after[bin(200)] = 0.04;
  before[bin(213.6)] = 0.005; // what rang before, twice it taken out: 0.01 left
  const c = membraneCue(after, before, 100, rate);
  assert.ok(Math.abs(c.modeDb - -10) < 1e-4, JSON.stringify(c));
  assert.ok(Math.abs(c.modePeakDb - 10 * Math.log10(0.1 / 0.002)) < 0.01, JSON.stringify(c));
  // 2.136 and 2.296 × 100 Hz: 0.01 and 0 against 0.04 at 200 Hz
  assert.ok(Math.abs(c.upperModeDb - 10 * Math.log10(0.005 / 0.04)) < 0.01, JSON.stringify(c));
  assert.ok(Number.isNaN(membraneCue(after, before, NaN, rate).modeDb));
});

// h-dx73: the engine's first pass measures the cue only for a model that reads it (gbm72's 167 features), so a model
// that does not (gbm66, the rules) pays nothing for it; every other feature is the same either way
test('membrane cue: measured when the model reads it (72) or the kickless rule is on (h-dx78), not at 66 off', () => {
  const head = membrane(150, 0.3);
  const at = (model: number, useModel = 1, kickless = 0) =>
    withParameterValue(STEM_KICKLESS_PARAMETERS.kicklessFallSt, kickless, () =>
      withParameterValue(STEM_MODEL_PARAMETERS.useModel, useModel, () =>
        withParameterValue(STEM_MODEL_PARAMETERS.model, model, () => read(head, true)),
      ),
    );
  // the kickless rule at its declared value (on by default) asks for the cue; with the model off it does not
  const kickless = STEM_KICKLESS_PARAMETERS.kicklessFallSt.value;
  const [m66, m72, off, rule, ruleOff] = [at(66), at(72), at(72, 0), at(66, 1, kickless), at(66, 0, kickless)];
  const cue = ['modeDb', 'modePeakDb', 'upperModeDb', 'decayPeriods', 'clickDb'] as const;
  const why = JSON.stringify([m66[0], m72[0]]);
  assert.ok(kickless > 0);
  for (const f of [m66, m72, off, rule, ruleOff]) assert.equal(f.length, 4, why);
  for (const k of cue) {
    assert.ok(
      [m66, off, ruleOff].every((g) => g.every((f) => f[k] === undefined)),
      `${k} ${why}`,
    );
    assert.ok(
      [m72, rule].every((g) => g.every((f) => Number.isFinite(f[k]))),
      `${k} ${why}`,
    );
  }
  const rest = (f: StemFeatures) => JSON.stringify({ ...f, ...Object.fromEntries(cue.map((k) => [k, undefined])) });
  assert.deepEqual(m66.map(rest), m72.map(rest));
  assert.deepEqual(rule, m72);
  assert.deepEqual(
    m72.map((f) => f.modePeakDb),
    read(head).map((f) => f.modePeakDb),
  );
});
