/**
 * Neural Amp Modeler (.nam) models for `shub reamp` (issue 14 point 1): the loader and the rig stage.
 *
 * Stable exports (the rig/chain code calls these; keep their names and shapes):
 * - `loadNam(file): Promise<NamModel>` reads and checks a .nam file (JSON, at most 64 MiB): `version` 0.5.x–0.7.x,
 *   `architecture` WaveNet | LSTM | ConvNet | Linear (anything else, e.g. SlimmableContainer, is refused by name),
 *   `config`, and a `weights` count equal to what the config needs. Every fault is an InputError naming the file.
 *   `model.sampleRate` is the file's `sample_rate` (48000 when absent); `model.metadata` carries `loudness` (dB,
 *   the model's output RMS for the trainer's standard 1 s input), `inputLevelDbu` and `outputLevelDbu` (dBu of a
 *   0 dBFS-peak sine at the gear's input / output) when the file has them: input calibration and loudness
 *   normalisation are the rig's job.
 * - `namStage(model, { tanh: 'fast' | 'exact', sampleRate }): RigStage` runs the model in the native addon (mono in,
 *   mono out, off the main thread), prewarmed on silence so output frame n answers input frame n. `sampleRate` is
 *   the DI's rate; when the model's differs, the stage resamples in and out (shub::Resampler) and records a
 *   Decision (engine 'reamp.nam', decision 'resample'). `tanh: 'fast'` is the reference plugin's rational
 *   approximation (the model sounds as in the plugin), `'exact'` the true function.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../errors.js';
import { native } from '../../native.js';
import type { Decision } from '../../store/types.js';
import type { RigStage } from './stage.js';

/** Largest .nam file read (bytes). */
export const NAM_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The format's default when a file has no `sample_rate`. */
export const NAM_DEFAULT_SAMPLE_RATE = 48000;
export const NAM_ARCHITECTURES = ['WaveNet', 'LSTM', 'ConvNet', 'Linear'] as const;
export type NamArchitecture = (typeof NAM_ARCHITECTURES)[number];
/** Activation names of the format (NeuralAmpModelerCore activations.cpp). */
export const NAM_ACTIVATIONS = [
  'Tanh',
  'Hardtanh',
  'Fasttanh',
  'ReLU',
  'LeakyReLU',
  'PReLU',
  'Sigmoid',
  'SiLU',
  'Hardswish',
  'LeakyHardtanh',
  'LeakyHardTanh',
  'Softsign',
] as const;

export interface NamActivation {
  name: string;
  negativeSlope?: number;
  minVal?: number;
  maxVal?: number;
  minSlope?: number;
  maxSlope?: number;
}

export interface NamWaveNetLayer {
  kernelSize: number;
  dilation: number;
  activation: NamActivation;
  gated: boolean;
  /** The gate's activation (Sigmoid unless the file names another). */
  secondary?: NamActivation;
}

export interface NamLayerArray {
  inputSize: number;
  conditionSize: number;
  channels: number;
  headSize: number;
  headKernelSize: number;
  headDilation: number;
  headBias: boolean;
  layers: NamWaveNetLayer[];
}

/** The network, normalised: what the native NamModel takes besides weights and rates. */
export type NamNetwork =
  | { architecture: 'WaveNet'; arrays: NamLayerArray[] }
  | { architecture: 'LSTM'; numLayers: number; inputSize: number; hiddenSize: number }
  | { architecture: 'ConvNet'; channels: number; dilations: number[]; batchnorm: boolean; activation: NamActivation }
  | { architecture: 'Linear'; receptiveField: number; bias: boolean };

export interface NamMetadata {
  /** dB: output RMS for the trainer's standard 1 s input (files of version ≥ 0.5.1 made by the trainer). */
  loudness?: number;
  /** dBu of a 0 dBFS-peak 1 kHz sine at the gear's input. */
  inputLevelDbu?: number;
  /** dBu of a 0 dBFS-peak 1 kHz sine at the gear's output. */
  outputLevelDbu?: number;
  name?: string;
  gearType?: string;
  gearMake?: string;
  gearModel?: string;
}

export interface NamModel {
  file: string;
  version: string;
  architecture: NamArchitecture;
  /** Hz. */
  sampleRate: number;
  network: NamNetwork;
  weights: Float32Array;
  metadata: NamMetadata;
}

export interface NamStageOptions {
  tanh: 'fast' | 'exact';
  /** The DI's sample rate, Hz. */
  sampleRate: number;
}

// ---- loading ----------------------------------------------------------------------------------

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  constructor(readonly file: string) {}
  fail(problem: string): never {
    throw new InputError(this.file, problem);
  }
  obj(v: Json, where: string): Obj {
    if (!isObj(v)) this.fail(`${where} must be an object`);
    return v;
  }
  int(v: Json, where: string, min = 1, max = 1 << 20): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      this.fail(`${where} must be an integer in ${min}…${max}, got ${JSON.stringify(v) ?? 'nothing'}`);
    return v;
  }
  num(v: Json, where: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(`${where} must be a number`);
    return v;
  }
  bool(v: Json, where: string): boolean {
    if (typeof v !== 'boolean') this.fail(`${where} must be true or false`);
    return v;
  }
  ints(v: Json, where: string): number[] {
    if (!Array.isArray(v) || v.length === 0) this.fail(`${where} must be a non-empty list of integers`);
    return v.map((x, i) => this.int(x, `${where}[${i}]`));
  }
  /** Refuses a feature this runner does not implement, by its name. */
  refuse(feature: string): never {
    this.fail(`uses ${feature}, which shub's NAM runner does not support`);
  }
}

function activation(c: Checker, v: Json, where: string): NamActivation {
  const known = (name: Json): string => {
    if (typeof name !== 'string' || !(NAM_ACTIVATIONS as readonly string[]).includes(name))
      c.fail(`${where}: unknown activation ${JSON.stringify(name)} (known: ${NAM_ACTIVATIONS.join(', ')})`);
    return name;
  };
  if (typeof v === 'string') return { name: known(v) };
  const o = c.obj(v, where);
  const a: NamActivation = { name: known(o.type) };
  const opt = (key: string): number | undefined =>
    o[key] === undefined ? undefined : c.num(o[key], `${where}.${key}`);
  if (a.name === 'LeakyReLU' || a.name === 'PReLU') {
    if (o.negative_slopes !== undefined) c.refuse(`${where}: per-channel PReLU slopes`);
    a.negativeSlope = opt('negative_slope');
  }
  if (a.name === 'LeakyHardtanh' || a.name === 'LeakyHardTanh') {
    a.minVal = opt('min_val');
    a.maxVal = opt('max_val');
    a.minSlope = opt('min_slope');
    a.maxSlope = opt('max_slope');
  }
  return a;
}

/** A per-layer value given once for all layers or as a list with one entry per layer. */
function perLayer<T>(c: Checker, v: Json, n: number, where: string, one: (x: Json, w: string) => T): T[] {
  if (Array.isArray(v)) {
    if (v.length !== n) c.fail(`${where} lists ${v.length} entries for ${n} layers`);
    return v.map((x, i) => one(x, `${where}[${i}]`));
  }
  const x = one(v, where);
  return Array.from({ length: n }, () => x);
}

const inactive = (v: Json): boolean => v === undefined || v === null || (isObj(v) && v.active === false);

function layerArray(c: Checker, v: Json, where: string): NamLayerArray {
  const o = c.obj(v, where);
  const channels = c.int(o.channels, `${where}.channels`);
  const dilations = c.ints(o.dilations, `${where}.dilations`);
  const n = dilations.length;
  if (o.bottleneck !== undefined && o.bottleneck !== channels) c.refuse(`${where}.bottleneck ≠ channels`);
  for (const key of ['groups_input', 'groups_input_mixin'])
    if (o[key] !== undefined && o[key] !== 1) c.refuse(`${where}.${key} ≠ 1 (grouped convolutions)`);
  if (o.layer1x1 !== undefined) {
    const l = c.obj(o.layer1x1, `${where}.layer1x1`);
    if (l.active === false) c.refuse(`${where}.layer1x1 inactive`);
    if (l.groups !== undefined && l.groups !== 1) c.refuse(`${where}.layer1x1 groups ≠ 1`);
  }
  if (!inactive(o.head1x1)) c.refuse(`${where}.head1x1`);
  for (const key of Object.keys(o))
    if (key.endsWith('_film') && !inactive(o[key])) c.refuse(`${where}.${key} (FiLM conditioning)`);
  if (o.slimmable !== undefined && o.slimmable !== null) c.refuse(`${where}.slimmable`);

  let kernelSizes: number[];
  if (o.kernel_sizes !== undefined) {
    kernelSizes = c.ints(o.kernel_sizes, `${where}.kernel_sizes`);
    if (kernelSizes.length !== n) c.fail(`${where}.kernel_sizes lists ${kernelSizes.length} entries for ${n} layers`);
  } else kernelSizes = Array.from({ length: n }, () => c.int(o.kernel_size, `${where}.kernel_size`));
  const acts = perLayer(c, o.activation, n, `${where}.activation`, (x, w) => activation(c, x, w));

  let gated: boolean[];
  if (o.gating_mode !== undefined) {
    gated = perLayer(c, o.gating_mode, n, `${where}.gating_mode`, (x, w) => {
      if (x === 'blended') c.refuse(`${w} "blended"`);
      if (x !== 'gated' && x !== 'none') c.fail(`${w} must be "none" or "gated", got ${JSON.stringify(x)}`);
      return x === 'gated';
    });
  } else gated = Array.from({ length: n }, () => (o.gated === undefined ? false : c.bool(o.gated, `${where}.gated`)));
  // the gate's activation: Sigmoid unless named (the trainer writes null for ungated layers)
  const sec = o.gating_mode !== undefined ? o.secondary_activation : undefined;
  if (Array.isArray(sec) && sec.length !== n)
    c.fail(`${where}.secondary_activation lists ${sec.length} entries for ${n} layers`);
  const secondary = gated.map((g, i): NamActivation | undefined => {
    if (!g) return undefined;
    const v = Array.isArray(sec) ? sec[i] : sec;
    const w = Array.isArray(sec) ? `${where}.secondary_activation[${i}]` : `${where}.secondary_activation`;
    return v === undefined || v === null ? { name: 'Sigmoid' } : activation(c, v, w);
  });

  let headSize: number;
  let headKernelSize = 1;
  let headDilation = 1;
  let headBias: boolean;
  if (o.head !== undefined && o.head !== null) {
    const h = c.obj(o.head, `${where}.head`);
    headSize = c.int(h.out_channels, `${where}.head.out_channels`);
    headKernelSize = c.int(h.kernel_size, `${where}.head.kernel_size`);
    if (h.head_dilation !== undefined) headDilation = c.int(h.head_dilation, `${where}.head.head_dilation`);
    headBias = c.bool(h.bias, `${where}.head.bias`);
  } else {
    headSize = c.int(o.head_size, `${where}.head_size`);
    headBias = c.bool(o.head_bias, `${where}.head_bias`);
  }
  return {
    inputSize: c.int(o.input_size, `${where}.input_size`),
    conditionSize: c.int(o.condition_size, `${where}.condition_size`),
    channels,
    headSize,
    headKernelSize,
    headDilation,
    headBias,
    layers: dilations.map((dilation, i) => ({
      kernelSize: kernelSizes[i]!,
      dilation,
      activation: acts[i]!,
      gated: gated[i]!,
      ...(secondary[i] ? { secondary: secondary[i] } : {}),
    })),
  };
}

function network(c: Checker, architecture: NamArchitecture, config: Obj): NamNetwork {
  const mono = (key: string) => {
    if (config[key] !== undefined && config[key] !== 1) c.refuse(`config.${key} ≠ 1 (multi-channel models)`);
  };
  mono('in_channels');
  mono('out_channels');
  switch (architecture) {
    case 'WaveNet': {
      if (config.head !== undefined && config.head !== null) c.refuse('a post-stack head (config.head)');
      if (config.condition_dsp !== undefined && config.condition_dsp !== null) c.refuse('config.condition_dsp');
      const layers = config.layers;
      if (!Array.isArray(layers) || layers.length === 0) c.fail('config.layers must be a non-empty list');
      const arrays = layers.map((l, i) => layerArray(c, l, `config.layers[${i}]`));
      arrays.forEach((a, i) => {
        const w = `config.layers[${i}]`;
        if (a.conditionSize !== 1) c.refuse(`${w}.condition_size ≠ 1`);
        const expected = i === 0 ? 1 : arrays[i - 1]!.channels;
        if (a.inputSize !== expected) c.fail(`${w}.input_size is ${a.inputSize}, expected ${expected}`);
        if (i > 0 && a.channels !== arrays[i - 1]!.headSize)
          c.fail(`${w}.channels (${a.channels}) must equal the head size of layer array ${i - 1}`);
      });
      if (arrays.at(-1)!.headSize !== 1) c.refuse('a last head size ≠ 1 (multi-channel output)');
      c.num(config.head_scale, 'config.head_scale');
      return { architecture, arrays };
    }
    case 'LSTM': {
      const inputSize = c.int(config.input_size, 'config.input_size');
      if (inputSize !== 1) c.refuse('config.input_size ≠ 1');
      return {
        architecture,
        numLayers: c.int(config.num_layers, 'config.num_layers'),
        inputSize,
        hiddenSize: c.int(config.hidden_size, 'config.hidden_size'),
      };
    }
    case 'ConvNet':
      if (config.groups !== undefined && config.groups !== 1) c.refuse('config.groups ≠ 1 (grouped convolutions)');
      return {
        architecture,
        channels: c.int(config.channels, 'config.channels'),
        dilations: c.ints(config.dilations, 'config.dilations'),
        batchnorm: c.bool(config.batchnorm, 'config.batchnorm'),
        activation: activation(c, config.activation, 'config.activation'),
      };
    case 'Linear':
      return {
        architecture,
        receptiveField: c.int(config.receptive_field, 'config.receptive_field'),
        bias: c.bool(config.bias, 'config.bias'),
      };
  }
}

/** Weights the network consumes, in the file's order (NeuralAmpModelerCore). */
export function namWeightCount(n: NamNetwork): number {
  switch (n.architecture) {
    case 'WaveNet': {
      let total = 1; // head_scale, last
      for (const a of n.arrays) {
        const C = a.channels;
        total += C * a.inputSize; // rechannel, no bias
        for (const l of a.layers) {
          const cz = l.gated ? 2 * C : C;
          total += cz * C * l.kernelSize + cz; // dilated conv + bias
          total += cz * a.conditionSize; // input mixin, no bias
          total += C * C + C; // 1×1 + bias
        }
        total += a.headSize * C * a.headKernelSize + (a.headBias ? a.headSize : 0);
      }
      return total;
    }
    case 'LSTM': {
      const H = n.hiddenSize;
      let total = H + 1; // head
      for (let l = 0; l < n.numLayers; l++) total += 4 * H * ((l === 0 ? n.inputSize : H) + H) + 4 * H + 2 * H;
      return total;
    }
    case 'ConvNet': {
      const C = n.channels;
      let total = C + 1; // head
      n.dilations.forEach((_, i) => {
        total += C * (i === 0 ? 1 : C) * 2 + (n.batchnorm ? 4 * C + 1 : C);
      });
      return total;
    }
    case 'Linear':
      return n.receptiveField + (n.bias ? 1 : 0);
  }
}

function metadata(raw: Json): NamMetadata {
  const m: NamMetadata = {};
  if (!isObj(raw)) return m;
  const num = (v: Json) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const str = (v: Json) => (typeof v === 'string' ? v : undefined);
  const set = <K extends keyof NamMetadata>(k: K, v: NamMetadata[K] | undefined) => {
    if (v !== undefined) m[k] = v;
  };
  set('loudness', num(raw.loudness));
  set('inputLevelDbu', num(raw.input_level_dbu));
  set('outputLevelDbu', num(raw.output_level_dbu));
  set('name', str(raw.name));
  set('gearType', str(raw.gear_type));
  set('gearMake', str(raw.gear_make));
  set('gearModel', str(raw.gear_model));
  return m;
}

/** Checks a parsed .nam document; `file` names it in errors. */
export function parseNam(file: string, doc: Json): NamModel {
  const c: Checker = new Checker(file);
  if (!isObj(doc)) c.fail('is not a .nam model: the JSON is not an object');
  const version = doc.version;
  if (typeof version !== 'string') c.fail('is not a .nam model: no "version"');
  const v = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!v || Number(v[1]) !== 0 || Number(v[2]) < 5 || Number(v[2]) > 7)
    c.fail(`.nam version ${JSON.stringify(version)} is not supported (0.5.x to 0.7.x are)`);
  const arch = doc.architecture;
  if (typeof arch !== 'string') c.fail('is not a .nam model: no "architecture"');
  if (!(NAM_ARCHITECTURES as readonly string[]).includes(arch))
    c.fail(`architecture "${arch}" is not supported (shub runs ${NAM_ARCHITECTURES.join(', ')})`);
  const architecture = arch as NamArchitecture;
  const net = network(c, architecture, c.obj(doc.config, 'config'));
  const weights = doc.weights;
  if (!Array.isArray(weights)) c.fail('is not a .nam model: "weights" must be a list of numbers');
  const expected = namWeightCount(net);
  if (weights.length !== expected)
    c.fail(`expects ${expected} weights for this ${architecture} config, the file has ${weights.length}`);
  const w = new Float32Array(weights.length);
  weights.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) c.fail(`weights[${i}] is not a finite number`);
    w[i] = x;
  });
  let sampleRate = NAM_DEFAULT_SAMPLE_RATE;
  if (doc.sample_rate !== undefined && doc.sample_rate !== null && doc.sample_rate !== -1) {
    const r = c.num(doc.sample_rate, 'sample_rate');
    if (!Number.isInteger(r) || r < 8000 || r > 384000) c.fail(`sample_rate ${r} is outside 8000…384000 Hz`);
    sampleRate = r;
  }
  return { file, version, architecture, sampleRate, network: net, weights: w, metadata: metadata(doc.metadata) };
}

/** Reads and checks a .nam file (see the top of this file). */
export async function loadNam(file: string): Promise<NamModel> {
  let text: string;
  try {
    const fh = await open(file, 'r');
    try {
      const { size } = await fh.stat();
      if (size > NAM_MAX_FILE_BYTES)
        throw new InputError(file, `is ${size} bytes; a .nam model is at most ${NAM_MAX_FILE_BYTES} bytes`);
      text = await fh.readFile('utf8');
    } finally {
      await fh.close();
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, 'no such file; check the path');
    if (code === 'EISDIR') throw new InputError(file, 'is a directory, not a .nam model');
    throw new InputError(file, `cannot be read (${code ?? (err as Error).message})`);
  }
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError(file, `is not a .nam model: not valid JSON (${(err as Error).message})`);
  }
  return parseNam(file, doc);
}

// ---- the stage --------------------------------------------------------------------------------

/** The addon's NamModel (native/src/addon_nam.cc). */
export interface NativeNamModel {
  process(input: Float32Array): Promise<Float32Array>;
  flush(): Promise<Float32Array>;
  info(): { prewarmSamples: number; resampling: boolean };
}
export type NativeNamSpec = NamNetwork & {
  /** The model's rate, Hz. */
  sampleRate: number;
  /** The DI's rate, Hz. */
  hostRate: number;
  fastTanh: boolean;
  weights: Float32Array;
};
interface NamAddon {
  NamModel: new (spec: NativeNamSpec) => NativeNamModel;
}

/** A native runner of the model at the host rate (the stage's engine; tests use it directly). */
export function nativeNamModel(model: NamModel, options: NamStageOptions): NativeNamModel {
  const addon = native() as unknown as NamAddon;
  return new addon.NamModel({
    ...model.network,
    sampleRate: model.sampleRate,
    hostRate: options.sampleRate,
    fastTanh: options.tanh === 'fast',
    weights: model.weights,
  });
}

export function namStage(model: NamModel, options: NamStageOptions): RigStage {
  const runner = nativeNamModel(model, options);
  const decisions: Decision[] = [];
  if (model.sampleRate !== options.sampleRate)
    decisions.push({
      engine: 'reamp.nam',
      decision: 'resample',
      value: { fromHz: options.sampleRate, toHz: model.sampleRate },
      unit: 'Hz',
      reason:
        `${path.basename(model.file)} was trained at ${model.sampleRate} Hz ` +
        `and the DI is at ${options.sampleRate} Hz: ` +
        `the DI is resampled to ${model.sampleRate} Hz for the model and its output back to ${options.sampleRate} Hz`,
      inputs: { modelSampleRate: model.sampleRate, diSampleRate: options.sampleRate },
    });
  return {
    name: `amp (nam: ${path.basename(model.file)})`,
    channelsIn: 1,
    channelsOut: 1,
    decisions,
    async process(block: Float32Array[]): Promise<Float32Array[]> {
      if (block.length !== 1) throw new Error(`namStage: expects 1 channel, got ${block.length}`);
      return [await runner.process(block[0]!)];
    },
    async flush(): Promise<Float32Array[]> {
      return [await runner.flush()];
    },
  };
}
