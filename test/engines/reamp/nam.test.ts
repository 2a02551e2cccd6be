/**
 * The Neural Amp Modeler runner (src/engines/reamp/nam.ts, native/src/nam/*; issue 14 point 1) against
 * independent runners:
 * - `@opendaw/nam-wasm` (a WebAssembly build of the reference core, fast tanh): the example models of
 *   fixtures/nam and random-weight models of every trainer preset (WaveNet standard, lite, feather, nano: two
 *   layer arrays; the LSTM sizes), 10 s of plucked-string DI at 48 kHz, ≤ −100 dB relative RMS, aligned;
 * - the float64 runner of test/helpers/nam-reference.ts with exact tanh (`tanh: exact`, ≤ −90 dB), and with every
 *   activation, gating, the 0.7 nested head form and ConvNet;
 * - the trainer's `metadata.loudness` of the WaveNet example, from the trainer's standard input rebuilt here;
 * - a 48 kHz model on 44.1 and 96 kHz DIs (resampled in and out): a 1 kHz sine through the identity model;
 * - the loader's refusals and errors, and a missing model named by rig file:line.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { after } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { loadNam, namStage, nativeNamModel, parseNam, type NamModel } from '../../../src/engines/reamp/nam.js';
import {
  convNetDoc,
  diffDb,
  identityDoc,
  LSTM_SIZES,
  lstmDoc,
  pluckedDi,
  rng,
  WAVENET_PRESETS,
  waveNetDoc,
  type NamDoc,
} from '../../../fixtures/nam-models.js';
import { writeWav } from '../../../fixtures/signals.js';
import { ROOT, shub, tempDir } from '../../helpers/cli.js';
import { referenceRun } from '../../helpers/nam-reference.js';
import { namWasmPackage, namWasmRun } from '../../helpers/nam-wasm.js';

const { dir, cleanup } = tempDir('shub-nam-');
after(cleanup);

const FS = 48000;
const FIXTURES = path.join(ROOT, 'fixtures', 'nam');
/** 10 s of guitar-like DI (Karplus–Strong plucks, peaks near −6 dBFS). */
const DI = pluckedDi(10, FS);
/**
 * Its first 4 s: one pass over the DI's 8 notes (a pluck every 0.5 s), every pluck and decay the
 * random-weight models are checked on (the example models get all 10 s).
 */
const CYCLE = DI.subarray(0, 4 * FS);

/** Runs a model through the native runner in uneven blocks (streaming), then flushes; as long as x. */
async function runShub(model: NamModel, x: Float32Array, tanh: 'fast' | 'exact', sampleRate = FS) {
  const r = nativeNamModel(model, { tanh, sampleRate });
  const parts: Float32Array[] = [];
  const sizes = [4096, 1000, 8192, 37, 3000];
  for (let at = 0, k = 0; at < x.length; k++) {
    const n = Math.min(sizes[k % sizes.length]!, x.length - at);
    parts.push(await r.process(x.subarray(at, at + n)));
    at += n;
  }
  parts.push(await r.flush());
  const y = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    y.set(p, at);
    at += p.length;
  }
  return y;
}
const model = (doc: NamDoc, name = 'model.nam') => parseNam(path.join(dir, name), doc);

const rmsDb = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! ** 2;
  return 10 * Math.log10(s / x.length);
};
/** a and b compared with b one sample late: what a latency of one sample would score. */
const shiftedDb = (a: ArrayLike<number>, b: Float32Array) =>
  diffDb(Array.from(a).slice(1), Array.from(b.subarray(0, b.length - 1)));

/** shub (fast tanh) against nam-wasm on the same document: ≤ −100 dB, and a one-sample shift is far off. */
async function againstWasm(doc: NamDoc, what: string, x = DI) {
  const y = await runShub(model(doc), x, 'fast');
  assert.equal(y.length, x.length, `${what}: as long as the DI`);
  const w = await namWasmRun(JSON.stringify(doc), FS, x);
  assert.ok(rmsDb(w) > -60, `${what}: nam-wasm output at ${rmsDb(w).toFixed(1)} dB is not silence`);
  const d = diffDb(w, y);
  assert.ok(d <= -100, `${what}: shub vs nam-wasm ${d.toFixed(1)} dB (limit −100)`);
  const late = shiftedDb(w, y);
  assert.ok(late >= d + 20, `${what}: one sample of latency would score ${late.toFixed(1)} dB`);
  return d;
}

test('nam-wasm, the independent runner, is installed (dev dependency @opendaw/nam-wasm)', async () => {
  assert.ok(await namWasmPackage(), 'npm install (the dev dependency @opendaw/nam-wasm runs the reference core)');
});

test('the example models match nam-wasm (fast tanh) within −100 dB on 10 s of DI, aligned', async (t) => {
  for (const name of ['wavenet.nam', 'lstm.nam', 'wavenet_a1_standard.nam']) {
    const doc = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as NamDoc;
    t.diagnostic(`${name}: ${(await againstWasm(doc, name)).toFixed(1)} dB`);
  }
});

test('random-weight WaveNets of every trainer preset (2 layer arrays) match nam-wasm within −100 dB', async (t) => {
  for (const [i, preset] of WAVENET_PRESETS.entries())
    t.diagnostic(`${preset}: ${(await againstWasm(waveNetDoc(preset, 100 + i), preset, CYCLE)).toFixed(1)} dB`);
  // a gated one (the trainer's gated option), on less material
  const gated = await againstWasm(waveNetDoc('nano', 120, { gated: true }), 'nano, gated', DI.subarray(0, 2 * FS));
  t.diagnostic(`nano, gated: ${gated.toFixed(1)} dB`);
});

test('random-weight LSTMs of every trainer size match nam-wasm within −100 dB', async (t) => {
  for (const [i, [preset, s]] of Object.entries(LSTM_SIZES).entries()) {
    const what = `LSTM ${s.numLayers}×${s.hiddenSize} (${preset})`;
    const d = await againstWasm(lstmDoc(s.numLayers, s.hiddenSize, 200 + i), what, CYCLE);
    t.diagnostic(`${what}: ${d.toFixed(1)} dB`);
  }
});

test('tanh: exact matches a float64 reference run with exact tanh within −90 dB', async (t) => {
  const second = DI.subarray(0, FS);
  const cases: [string, NamDoc, Float32Array][] = [
    ['wavenet.nam', JSON.parse(readFileSync(path.join(FIXTURES, 'wavenet.nam'), 'utf8')) as NamDoc, second],
    ['lstm.nam', JSON.parse(readFileSync(path.join(FIXTURES, 'lstm.nam'), 'utf8')) as NamDoc, second],
    ['standard', waveNetDoc('standard', 300), DI.subarray(0, FS / 4)],
    ['nano, gated', waveNetDoc('nano', 301, { gated: true }), second],
    ['LSTM 2×8', lstmDoc(2, 8, 302), second],
  ];
  for (const [what, doc, x] of cases) {
    const ref = referenceRun(doc, x, 'exact');
    const y = await runShub(model(doc), x, 'exact');
    const d = diffDb(ref, y);
    assert.ok(d <= -90, `${what}: exact tanh vs the float64 reference ${d.toFixed(1)} dB (limit −90)`);
    // and the fast approximation is a different function, so the comparison can tell them apart
    const fast = diffDb(ref, await runShub(model(doc), x, 'fast'));
    assert.ok(fast > -85, `${what}: fast tanh against the exact reference scores ${fast.toFixed(1)} dB`);
    t.diagnostic(`${what}: exact ${d.toFixed(1)} dB (fast tanh would score ${fast.toFixed(1)} dB)`);
  }
});

// ---- loudness ----------------------------------------------------------------------------------

/**
 * Inverse DFT of a one-sided spectrum on N points (any N: recursive mixed radix), real part: x[t] =
 * Σ_k re(X[k]·e^{2πikt/N}) over the full Hermitian spectrum made from bins 1…N/2−1 (the caller's DC is added apart).
 */
function realFromSpectrum(re: Float64Array, im: Float64Array, n: number): Float64Array {
  const fr = new Float64Array(n);
  const fi = new Float64Array(n);
  for (let k = 1; k < n / 2; k++) {
    fr[k] = re[k]!;
    fi[k] = im[k]!;
    fr[n - k] = re[k]!;
    fi[n - k] = -im[k]!;
  }
  const idft = (ar: Float64Array, ai: Float64Array): [Float64Array, Float64Array] => {
    const m = ar.length;
    if (m === 1) return [ar, ai];
    let p = 2;
    while (m % p !== 0) p++;
    const q = m / p;
    const subs = Array.from({ length: p }, (_, r) => {
      const sr = new Float64Array(q);
      const si = new Float64Array(q);
      for (let j = 0; j < q; j++) {
        sr[j] = ar[j * p + r]!;
        si[j] = ai[j * p + r]!;
      }
      return idft(sr, si);
    });
    const or = new Float64Array(m);
    const oi = new Float64Array(m);
    for (let k = 0; k < m; k++)
      for (let r = 0; r < p; r++) {
        const a = (2 * Math.PI * r * k) / m;
        const [sr, si] = subs[r]!;
        const c = Math.cos(a);
        const s = Math.sin(a);
        or[k]! += sr[k % q]! * c - si[k % q]! * s;
        oi[k]! += sr[k % q]! * s + si[k % q]! * c;
      }
    return [or, oi];
  };
  return idft(fr, fi)[0];
}

/**
 * The trainer's standard loudness input, rebuilt: neural-amp-modeler measures `metadata.loudness` as the RMS in dB of
 * the model's output for nam/models/_resources/loudness_input.wav, 1 s at 48 kHz of Gaussian pink noise (power
 * ∝ 1/f from 1 Hz to 24 kHz), −14.97 dBFS RMS with a mean of −0.0397, the model prewarmed on silence (pad_start).
 * The file is not copied here; this is a 1 s periodic multisine on the 1 Hz grid with 1/f power inside each octave,
 * the octave powers measured from that file (dB of mean square; bins [2^j, 2^(j+1)), the last to 23,999 Hz),
 * seeded random phases, plus the file's mean.
 */
const LOUDNESS_OCTAVE_DB = [
  -43.66, -28.78, -25.54, -25.59, -27.21, -25.84, -26.7, -26.52, -26.49, -26.13, -26.46, -26.41, -26.75, -27.06, -29.28,
];
const LOUDNESS_MEAN = -0.03972;
function loudnessInput(seed: number): Float32Array {
  const n = FS;
  const re = new Float64Array(n / 2);
  const im = new Float64Array(n / 2);
  const r = rng(seed);
  LOUDNESS_OCTAVE_DB.forEach((db, j) => {
    const lo = 2 ** j;
    const hi = j === LOUDNESS_OCTAVE_DB.length - 1 ? n / 2 : 2 ** (j + 1);
    let sum = 0;
    for (let k = lo; k < hi; k++) sum += 1 / k;
    // a bin k of amplitude A adds 2A²/N² to the mean square (with its mirror)
    const scale = (10 ** (db / 10) * n * n) / (2 * sum);
    for (let k = lo; k < hi; k++) {
      const a = Math.sqrt(scale / k);
      const phi = 2 * Math.PI * r();
      re[k] = a * Math.cos(phi);
      im[k] = a * Math.sin(phi);
    }
  });
  const x = realFromSpectrum(re, im, n);
  return Float32Array.from(x, (v) => v / n + LOUDNESS_MEAN);
}

test('metadata.loudness of the WaveNet example within 0.05 dB from the trainer’s standard input', async (t) => {
  const m = await loadNam(path.join(FIXTURES, 'wavenet.nam'));
  const expected = m.metadata.loudness!;
  assert.ok(Math.abs(expected + 20.0207) < 1e-3, 'the file says −20.021 dB');
  for (const seed of [1, 2, 3]) {
    const x = loudnessInput(seed);
    assert.ok(Math.abs(rmsDb(x) + 14.968) < 0.01, `input at ${rmsDb(x).toFixed(3)} dBFS RMS`);
    // the trainer runs PyTorch's exact tanh
    const got = rmsDb(await runShub(m, x, 'exact'));
    assert.ok(Math.abs(got - expected) <= 0.05, `seed ${seed}: ${got.toFixed(3)} dB vs ${expected.toFixed(3)} dB`);
    t.diagnostic(`phases seed ${seed}: ${got.toFixed(3)} dB (metadata ${expected.toFixed(3)} dB)`);
  }
});

// ---- sample rates ------------------------------------------------------------------------------

test('a 48 kHz model on 44.1 and 96 kHz DIs: output at the DI rate, aligned, no aliasing above −90 dB', async (t) => {
  const identity = model(identityDoc(48000), 'identity.nam');
  for (const rate of [44100, 96000]) {
    const n = 2 * rate;
    const x = Float32Array.from({ length: n }, (_, t) => 0.5 * Math.sin((2 * Math.PI * 1000 * t) / rate));
    const stage = namStage(identity, { tanh: 'fast', sampleRate: rate });
    assert.deepEqual(stage.decisions[0]!.value, { fromHz: rate, toHz: 48000 }, 'the resampling is a decision');
    const y = await runShub(identity, x, 'fast', rate);
    assert.equal(y.length, n, `${rate} Hz: as many frames out as in`);
    // least-squares 1 kHz sine over a steady stretch of whole cycles (0.5 s … 1.5 s); the rest is error
    const a = Math.round(0.5 * rate);
    const b = Math.round(1.5 * rate);
    let cc = 0;
    let ss = 0;
    let cs = 0;
    let yc = 0;
    let ys = 0;
    for (let t = a; t < b; t++) {
      const w = (2 * Math.PI * 1000 * t) / rate;
      const c = Math.cos(w);
      const s = Math.sin(w);
      cc += c * c;
      ss += s * s;
      cs += c * s;
      yc += y[t]! * c;
      ys += y[t]! * s;
    }
    const det = cc * ss - cs * cs;
    const kc = (yc * ss - ys * cs) / det;
    const ks = (ys * cc - yc * cs) / det;
    let err = 0;
    let sig = 0;
    for (let t = a; t < b; t++) {
      const w = (2 * Math.PI * 1000 * t) / rate;
      const fit = kc * Math.cos(w) + ks * Math.sin(w);
      err += (y[t]! - fit) ** 2;
      sig += fit * fit;
    }
    const rest = 10 * Math.log10(err / sig);
    assert.ok(rest <= -90, `${rate} Hz: everything but the 1 kHz sine at ${rest.toFixed(1)} dB (limit −90)`);
    const gainDb = 20 * Math.log10(Math.hypot(kc, ks) / 0.5);
    assert.ok(Math.abs(gainDb) < 0.01, `${rate} Hz: unity gain (${gainDb.toFixed(4)} dB)`);
    const delay = (Math.atan2(-kc, ks) / (2 * Math.PI * 1000)) * rate; // y ≈ sin(w(t − delay))
    assert.ok(Math.abs(delay) < 0.01, `${rate} Hz: aligned (${delay.toFixed(4)} samples late)`);
    t.diagnostic(
      `${rate} Hz: rest ${rest.toFixed(1)} dB, gain ${gainDb.toFixed(4)} dB, delay ${delay.toFixed(4)} samples`,
    );
  }
});

// ---- the loader --------------------------------------------------------------------------------

/** A small two-array WaveNet (nano sizes, shorter) for the loader's forms, activations and gating. */
function smallWaveNet(seed: number, options: Parameters<typeof waveNetDoc>[2] = {}): NamDoc {
  return waveNetDoc('nano', seed, options);
}

test('every activation the format names, ungated (0.5 form) and gated (0.7 form), matches the reference', async () => {
  const x = DI.subarray(0, FS / 4);
  const acts: (string | Record<string, unknown>)[] = [
    'Tanh',
    'Hardtanh',
    'Fasttanh',
    'ReLU',
    'LeakyReLU',
    { type: 'LeakyReLU', negative_slope: 0.2 },
    { type: 'PReLU', negative_slope: 0.1 },
    'Sigmoid',
    'SiLU',
    'Hardswish',
    { type: 'LeakyHardtanh', min_val: -0.5, max_val: 0.7, min_slope: 0.05, max_slope: 0.02 },
    'LeakyHardTanh',
    'Softsign',
  ];
  let seed = 400;
  for (const activation of acts)
    // not gated in the 0.5 form, gated in the 0.7 one (the next test shows the forms agree on the same weights)
    for (const [gated, form] of [
      [false, 'legacy'],
      [true, 'nested'],
    ] as const) {
      const doc = smallWaveNet(seed++, { activation, gated, form });
      const what = `${JSON.stringify(activation)}, ${gated ? 'gated' : 'not gated'}, ${form}`;
      const d = diffDb(referenceRun(doc, x, 'exact'), await runShub(model(doc), x, 'exact'));
      assert.ok(d <= -90, `${what}: ${d.toFixed(1)} dB`);
    }
});

test('the 0.7 nested form: per-layer lists, a named gate activation, a head with a kernel', async () => {
  const x = DI.subarray(0, FS / 2);
  // the same weights in both forms give the same output
  const legacy = smallWaveNet(500, { gated: true });
  const nested = smallWaveNet(500, { gated: true, form: 'nested' });
  assert.equal(nested.version, '0.7.0');
  assert.ok(diffDb(await runShub(model(legacy), x, 'fast'), await runShub(model(nested), x, 'fast')) <= -140);
  // mixed per-layer activations, gating and kernel sizes, a gate that is not a sigmoid, a head of kernel 2
  const doc = smallWaveNet(501, { form: 'nested' });
  const layers = (doc.config.layers as Record<string, unknown>[]).map((l) => ({ ...l }));
  const a0 = layers[0]!;
  const n0 = (a0.dilations as number[]).length;
  a0.kernel_sizes = Array.from({ length: n0 }, (_, i) => 2 + (i % 3));
  a0.activation = Array.from({ length: n0 }, (_, i) => ['Tanh', 'ReLU', 'SiLU'][i % 3]);
  a0.gating_mode = Array.from({ length: n0 }, (_, i) => (i % 2 ? 'gated' : 'none'));
  a0.secondary_activation = Array.from({ length: n0 }, (_, i) =>
    i % 2 ? (i % 4 === 1 ? 'Sigmoid' : 'Hardtanh') : null,
  );
  a0.head = { out_channels: 2, kernel_size: 2, bias: true };
  // weights for the new shapes (the second array is the preset's: 4 → 2 channels, head 1)
  const r = rng(502);
  const u = (n: number) => Array.from({ length: n }, () => (2 * r() - 1) * 0.4);
  const weights: number[] = [];
  for (const a of layers) {
    const C = a.channels as number;
    const n = (a.dilations as number[]).length;
    const ks = (a.kernel_sizes as number[] | undefined) ?? Array.from({ length: n }, () => 3);
    const gm = a.gating_mode as string[];
    weights.push(...u(C * (a.input_size as number)));
    for (let i = 0; i < n; i++) {
      const cz = gm[i] === 'gated' ? 2 * C : C;
      weights.push(...u(cz * C * ks[i]!), ...u(cz), ...u(cz), ...u(C * C), ...u(C));
    }
    const h = a.head as { out_channels: number; kernel_size: number; bias: boolean };
    weights.push(...u(h.out_channels * C * h.kernel_size), ...(h.bias ? u(h.out_channels) : []));
  }
  weights.push(0.05);
  const mixed: NamDoc = { ...doc, config: { ...doc.config, layers }, weights };
  const m = model(mixed, 'mixed.nam');
  const d = diffDb(referenceRun(mixed, x, 'exact'), await runShub(m, x, 'exact'));
  assert.ok(d <= -90, `mixed nested WaveNet: ${d.toFixed(1)} dB`);
});

test('ConvNet (with and without batch norm) matches the reference; Linear is its convolution', async () => {
  const x = DI.subarray(0, FS / 2);
  for (const bn of [false, true]) {
    const doc = convNetDoc(8, [1, 2, 4, 8, 16, 32], bn, 600 + Number(bn));
    const d = diffDb(referenceRun(doc, x, 'exact'), await runShub(model(doc), x, 'exact'));
    assert.ok(d <= -90, `ConvNet${bn ? ' with batch norm' : ''}: ${d.toFixed(1)} dB`);
  }
  const r = rng(610);
  const h = Array.from({ length: 40 }, () => 2 * r() - 1);
  const lin: NamDoc = {
    version: '0.5.2',
    architecture: 'Linear',
    config: { receptive_field: h.length, bias: true },
    weights: [...h, 0.125],
    sample_rate: FS,
  };
  // the format's Linear: y[t] = bias + Σ_k w[k]·x[t − k]
  const direct = Float64Array.from(x, (_, t) => {
    let s = 0.125;
    for (let k = 0; k < h.length && k <= t; k++) s += h[k]! * x[t - k]!;
    return s;
  });
  const d = diffDb(direct, await runShub(model(lin), x, 'fast'));
  assert.ok(d <= -120, `Linear: ${d.toFixed(1)} dB`);
});

/** parseNam's error for a document, or fails. */
function refusal(doc: unknown): string {
  try {
    parseNam('amp.nam', doc);
  } catch (e) {
    assert.ok(e instanceof InputError, `an InputError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('the document was accepted');
}

test('the loader refuses what it does not run, by name, and counts the weights', () => {
  const nano = smallWaveNet(700);
  const nested = smallWaveNet(701, { form: 'nested' });
  const layer0 = (d: NamDoc) => (d.config.layers as Record<string, unknown>[])[0]!;
  const withLayer0 = (d: NamDoc, patch: Record<string, unknown>): NamDoc => ({
    ...d,
    config: { ...d.config, layers: [{ ...layer0(d), ...patch }, (d.config.layers as unknown[])[1]] },
  });
  const cases: [unknown, RegExp][] = [
    [{ ...nano, architecture: 'SlimmableContainer' }, /architecture "SlimmableContainer" is not supported/],
    [{ ...nano, architecture: 'CatLSTM' }, /architecture "CatLSTM" is not supported \(shub runs WaveNet, LSTM/],
    [{ ...nano, weights: nano.weights.slice(1) }, /expects \d+ weights for this WaveNet config, the file has \d+/],
    [{ ...nano, weights: [...nano.weights, 0] }, /expects (\d+) weights .* the file has/],
    [{ ...lstmDoc(1, 4, 1), weights: [1, 2, 3] }, /expects 109 weights for this LSTM config, the file has 3/],
    [{ ...nano, version: '0.8.0' }, /\.nam version "0\.8\.0" is not supported \(0\.5\.x to 0\.7\.x are\)/],
    [{ ...nano, version: '0.4.1' }, /version "0\.4\.1" is not supported/],
    [{ ...nano, weights: undefined }, /"weights" must be a list of numbers/],
    [{ ...nano, architecture: undefined }, /no "architecture"/],
    [withLayer0(nested, { slimmable: { ratios: [0.5, 1] } }), /slimmable, which shub's NAM runner does not support/],
    [withLayer0(nested, { gating_mode: 'blended' }), /"blended"/],
    [withLayer0(nested, { groups_input: 2 }), /grouped convolutions/],
    [withLayer0(nested, { head1x1: { active: true, out_channels: 4 } }), /head1x1/],
    [withLayer0(nested, { conv_pre_film: { active: true } }), /FiLM conditioning/],
    [withLayer0(nested, { bottleneck: 2 }), /bottleneck ≠ channels/],
    [{ ...nested, config: { ...nested.config, head: { type: 'x' } } }, /a post-stack head \(config\.head\)/],
    [withLayer0(nano, { activation: 'Swish' }), /unknown activation "Swish"/],
    [withLayer0(nano, { dilations: [] }), /dilations must be a non-empty list/],
    [{ ...lstmDoc(1, 4, 1), config: { num_layers: 1, input_size: 2, hidden_size: 4 } }, /input_size ≠ 1/],
  ];
  for (const [doc, re] of cases) {
    const msg = refusal(doc);
    assert.match(msg, /^amp\.nam: /, 'names the file');
    assert.match(msg, re);
  }
  // the error counts the weights the config needs: the trainer's standard preset needs 13,802
  assert.match(refusal({ ...waveNetDoc('standard', 1), weights: [0] }), /expects 13802 weights/);
  // what it runs: every architecture, 0.5 to 0.7, absent sample_rate means 48 kHz
  const a1 = JSON.parse(readFileSync(path.join(FIXTURES, 'wavenet_a1_standard.nam'), 'utf8')) as NamDoc;
  assert.equal(parseNam('a1.nam', a1).sampleRate, 48000);
  assert.equal(parseNam('a1.nam', a1).weights.length, 13802);
  for (const doc of [nano, nested, lstmDoc(2, 8, 1), convNetDoc(4, [1, 2], true, 1), identityDoc(44100, 3)])
    assert.equal(parseNam('ok.nam', { ...doc, version: '0.6.1' }).architecture, doc.architecture);
});

test('rig errors: a missing model by rig file:line (exit 2); a wrong weight count or architecture (exit 3)', () => {
  writeWav(path.join(dir, 'di.wav'), [Float64Array.from(DI.subarray(0, FS / 2))], FS, 'f32');
  const nano = smallWaveNet(800);
  writeFileSync(path.join(dir, 'short.nam'), JSON.stringify({ ...nano, weights: nano.weights.slice(3) }));
  writeFileSync(path.join(dir, 'slim.nam'), JSON.stringify({ ...nano, architecture: 'SlimmableContainer' }));
  const rig = (file: string) =>
    ['chain:', '  - { type: gate, thresholdDb: -65 }', `  - { type: amp, model: nam, file: ${file} }`].join('\n');
  writeFileSync(path.join(dir, 'missing.yaml'), rig('models/none.nam'));
  writeFileSync(path.join(dir, 'short.yaml'), rig('short.nam'));
  writeFileSync(path.join(dir, 'slim.yaml'), rig('slim.nam'));
  const missing = shub(['reamp', 'di.wav', '--rig', 'missing.yaml', '-o', 'a.wav'], dir);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /^error: missing\.yaml:3 chain\[1\]\.file: no such file 'models\/none\.nam'/);
  const short = shub(['reamp', 'di.wav', '--rig', 'short.yaml', '-o', 'b.wav'], dir);
  assert.equal(short.code, 3, short.stderr);
  assert.match(short.stderr, /short\.nam'?: expects \d+ weights for this WaveNet config, the file has \d+/);
  const slim = shub(['reamp', 'di.wav', '--rig', 'slim.yaml', '-o', 'c.wav'], dir);
  assert.equal(slim.code, 3, slim.stderr);
  assert.match(slim.stderr, /slim\.nam'?: architecture "SlimmableContainer" is not supported/);
  assert.equal(slim.stderr.trim().split('\n').length, 1, 'one line');
});
