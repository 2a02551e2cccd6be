/**
 * Test helper: a minimal ONNX protobuf encoder (no Python, no onnx package) and a small WaveNet
 * built with it — dilated causal convolutions without padding (Conv with `dilations`), Tanh, a 1×1
 * residual projection added to the cropped layer input (Slice, Add), a 1×1 head and a scale (Mul)
 * — plus the same network computed independently in float64, for the ONNX amp tests.
 *
 * Protobuf wire format: each field is key = (number << 3 | wire type) as a varint, then a varint
 * (type 0), or a length and bytes (type 2), or 4 little-endian bytes (type 5). The message and
 * field numbers are those of onnx/onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto,
 * AttributeProto, ValueInfoProto, TypeProto).
 */
import { noiseSource } from '../../fixtures/signals.js';

const varint = (x: number | bigint): number[] => {
  let v = BigInt.asUintN(64, BigInt(x));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
};
const key = (field: number, wire: number) => varint((field << 3) | wire);
const vfield = (field: number, x: number | bigint): number[] => [...key(field, 0), ...varint(x)];
const bfield = (field: number, bytes: Uint8Array | number[]): number[] => [
  ...key(field, 2),
  ...varint(bytes.length),
  ...bytes,
];
const sfield = (field: number, s: string) => bfield(field, [...Buffer.from(s, 'utf8')]);
const f32field = (field: number, x: number): number[] => {
  const b = Buffer.alloc(4);
  b.writeFloatLE(x);
  return [...key(field, 5), ...b];
};

/** TensorProto: FLOAT (1) from float data, or INT64 (7). */
function tensor(name: string, dims: number[], data: ArrayLike<number>, type: 'float' | 'int64' = 'float'): number[] {
  const raw =
    type === 'float'
      ? Buffer.from(Float32Array.from(data).buffer)
      : Buffer.from(BigInt64Array.from(Array.from(data, (x) => BigInt(x))).buffer);
  return [
    ...dims.flatMap((d) => vfield(1, d)),
    ...vfield(2, type === 'float' ? 1 : 7),
    ...sfield(8, name),
    ...bfield(9, [...raw]),
  ];
}

type Attr = { name: string; ints: number[] } | { name: string; int: number } | { name: string; float: number };
function attribute(a: Attr): number[] {
  if ('ints' in a) return [...sfield(1, a.name), ...a.ints.flatMap((x) => vfield(8, x)), ...vfield(20, 7)];
  if ('int' in a) return [...sfield(1, a.name), ...vfield(3, a.int), ...vfield(20, 2)];
  return [...sfield(1, a.name), ...f32field(2, a.float), ...vfield(20, 1)];
}

function node(op: string, inputs: string[], outputs: string[], name: string, attrs: Attr[] = []): number[] {
  return [
    ...inputs.flatMap((i) => sfield(1, i)),
    ...outputs.flatMap((o) => sfield(2, o)),
    ...sfield(3, name),
    ...sfield(4, op),
    ...attrs.flatMap((a) => bfield(5, attribute(a))),
  ];
}

/** ValueInfoProto of a float tensor with named (symbolic) or fixed dims. */
function valueInfo(name: string, dims: (number | string)[]): number[] {
  const shape = dims.flatMap((d) => bfield(1, typeof d === 'number' ? vfield(1, d) : sfield(2, d)));
  const tensorType = [...vfield(1, 1), ...bfield(2, shape)];
  return [...sfield(1, name), ...bfield(2, bfield(1, tensorType))];
}

export interface WaveNetSpec {
  channels: number;
  kernel: number;
  dilations: number[];
  /** 2: [1, n]; 3: [1, 1, n]. */
  rank: 2 | 3;
  seed: number;
  /** metadata_props written into the model (e.g. receptive_field). */
  metadata?: Record<string, string>;
}

export interface WaveNetWeights {
  spec: WaveNetSpec;
  rechannel: Float64Array; // [C]
  layers: { w: Float64Array; b: Float64Array; w1: Float64Array; b1: Float64Array }[]; // [C,C,K], [C], [C,C], [C]
  head: Float64Array; // [C]
  headBias: number;
  scale: number;
}

/** Receptive field of the network: 1 + Σ d·(K − 1). */
export const receptiveField = (s: WaveNetSpec) => 1 + s.dilations.reduce((a, d) => a + d * (s.kernel - 1), 0);

function prng(seed: number): () => number {
  const u = noiseSource(seed);
  return () => u() - 0.5;
}

/** Random weights, float32-representable (so the ONNX model holds exactly what the reference uses). */
export function randomWaveNet(spec: WaveNetSpec): WaveNetWeights {
  const r = prng(spec.seed);
  const C = spec.channels;
  const K = spec.kernel;
  const f32 = (n: number, scale: number) => Float64Array.from({ length: n }, () => Math.fround(r() * 2 * scale));
  return {
    spec,
    rechannel: f32(C, 1),
    layers: spec.dilations.map(() => ({
      w: f32(C * C * K, 1 / Math.sqrt(C * K)),
      b: f32(C, 0.1),
      w1: f32(C * C, 1 / Math.sqrt(C)),
      b1: f32(C, 0.1),
    })),
    head: f32(C, 1 / Math.sqrt(C)),
    headBias: Math.fround(0.01),
    scale: Math.fround(0.5),
  };
}

/** The ONNX model (bytes) of a WaveNet: input "x" [1, (1,) n] → output "y" of length n − rf + 1. */
export function waveNetOnnx(w: WaveNetWeights): Uint8Array {
  const { spec } = w;
  const C = spec.channels;
  const K = spec.kernel;
  const nodes: number[][] = [];
  const inits: number[][] = [];
  let x = 'x';
  if (spec.rank === 2) {
    inits.push(tensor('shape3', [3], [1, 1, -1], 'int64'));
    nodes.push(node('Reshape', ['x', 'shape3'], ['x3'], 'to3'));
    x = 'x3';
  }
  inits.push(tensor('rechannel', [C, 1, 1], w.rechannel));
  nodes.push(node('Conv', [x, 'rechannel'], ['h0'], 'rechannel', [{ name: 'kernel_shape', ints: [1] }]));
  inits.push(tensor('axis2', [1], [2], 'int64'));
  inits.push(tensor('end', [1], [Number.MAX_SAFE_INTEGER], 'int64'));
  let h = 'h0';
  w.layers.forEach((l, i) => {
    const d = spec.dilations[i]!;
    inits.push(tensor(`w${i}`, [C, C, K], l.w), tensor(`b${i}`, [C], l.b));
    inits.push(tensor(`w1_${i}`, [C, C, 1], l.w1), tensor(`b1_${i}`, [C], l.b1));
    inits.push(tensor(`crop${i}`, [1], [d * (K - 1)], 'int64'));
    nodes.push(
      node('Conv', [h, `w${i}`, `b${i}`], [`z${i}`], `conv${i}`, [
        { name: 'kernel_shape', ints: [K] },
        { name: 'dilations', ints: [d] },
        { name: 'pads', ints: [0, 0] },
        { name: 'strides', ints: [1] },
      ]),
      node('Tanh', [`z${i}`], [`a${i}`], `tanh${i}`),
      node('Conv', [`a${i}`, `w1_${i}`, `b1_${i}`], [`r${i}`], `mix${i}`, [{ name: 'kernel_shape', ints: [1] }]),
      node('Slice', [h, `crop${i}`, 'end', 'axis2'], [`c${i}`], `crop${i}`),
      node('Add', [`c${i}`, `r${i}`], [`h${i + 1}`], `res${i}`),
    );
    h = `h${i + 1}`;
  });
  inits.push(tensor('head', [1, C, 1], w.head), tensor('headBias', [1], [w.headBias]));
  inits.push(tensor('scale', [1], [w.scale]));
  nodes.push(node('Conv', [h, 'head', 'headBias'], ['y3'], 'head', [{ name: 'kernel_shape', ints: [1] }]));
  if (spec.rank === 2) {
    inits.push(tensor('shape2', [2], [1, -1], 'int64'));
    nodes.push(node('Mul', ['y3', 'scale'], ['ys'], 'scale'), node('Reshape', ['ys', 'shape2'], ['y'], 'to2'));
  } else nodes.push(node('Mul', ['y3', 'scale'], ['y'], 'scale'));
  const io = spec.rank === 2 ? [1, 'n'] : [1, 1, 'n'];
  const outDims = spec.rank === 2 ? [1, 'm'] : [1, 1, 'm'];
  const graph = [
    ...nodes.flatMap((n) => bfield(1, n)),
    ...sfield(2, 'wavenet'),
    ...inits.flatMap((t) => bfield(5, t)),
    ...bfield(11, valueInfo('x', io)),
    ...bfield(12, valueInfo('y', outDims)),
  ];
  const meta = Object.entries(spec.metadata ?? {}).flatMap(([k, v]) => bfield(14, [...sfield(1, k), ...sfield(2, v)]));
  const model = [
    ...vfield(1, 8),
    ...sfield(2, 'shub-test'),
    ...bfield(7, graph),
    ...bfield(8, [...sfield(1, ''), ...vfield(2, 13)]),
    ...meta,
  ];
  return Uint8Array.from(model);
}

/**
 * The same network in float64, causal: the input is preceded by rf − 1 zeros, so output t depends
 * on x[t − rf + 1 … t] (silence before the start), one output per input sample.
 */
export function waveNetReference(w: WaveNetWeights, input: ArrayLike<number>): Float64Array {
  const { spec } = w;
  const C = spec.channels;
  const K = spec.kernel;
  const rf = receptiveField(spec);
  const n = input.length;
  let len = n + rf - 1;
  let h: Float64Array[] = Array.from({ length: C }, (_, c) => {
    const out = new Float64Array(len);
    for (let t = 0; t < n; t++) out[t + rf - 1] = w.rechannel[c]! * input[t]!;
    return out;
  });
  w.layers.forEach((l, i) => {
    const d = spec.dilations[i]!;
    const crop = d * (K - 1);
    const m = len - crop;
    const next: Float64Array[] = [];
    const a: Float64Array[] = [];
    for (let o = 0; o < C; o++) {
      const z = new Float64Array(m);
      for (let t = 0; t < m; t++) {
        let s = l.b[o]!;
        for (let c = 0; c < C; c++) for (let k = 0; k < K; k++) s += l.w[(o * C + c) * K + k]! * h[c]![t + k * d]!;
        z[t] = Math.tanh(s);
      }
      a.push(z);
    }
    for (let o = 0; o < C; o++) {
      const y = new Float64Array(m);
      for (let t = 0; t < m; t++) {
        let s = l.b1[o]!;
        for (let c = 0; c < C; c++) s += l.w1[o * C + c]! * a[c]![t]!;
        y[t] = h[o]![t + crop]! + s;
      }
      next.push(y);
    }
    h = next;
    len = m;
  });
  const out = new Float64Array(len);
  for (let t = 0; t < len; t++) {
    let s = w.headBias;
    for (let c = 0; c < C; c++) s += w.head[c]! * h[c]![t]!;
    out[t] = w.scale * s;
  }
  return out;
}

/** A legacy-form (0.5) NAM WaveNet document, not gated, tanh (fixtures/nam-models.ts waveNetDoc). */
export interface NamWaveNetDoc {
  config: {
    layers: {
      input_size: number;
      condition_size: number;
      head_size: number;
      channels: number;
      kernel_size: number;
      dilations: number[];
      activation: string;
      gated: boolean;
      head_bias: boolean;
    }[];
    head_scale: number;
  };
  weights: number[];
}

/**
 * The same network as a NAM WaveNet file, as ONNX (input [1, 1, n], output n − rf + 1 samples):
 * per layer array a 1×1 rechannel, then per layer the dilated conv plus the 1×1 input mixin of
 * the raw input, tanh, the head accumulator (the previous array's head output to start with) and
 * the residual 1×1; then the array's head rechannel; the output scaled by head_scale. Tensors of
 * different lengths are aligned by cropping their start (every conv is unpadded and causal).
 */
export function namWaveNetOnnx(doc: NamWaveNetDoc): Uint8Array {
  const w = doc.weights;
  let at = 0;
  const take = (n: number) => {
    const out = w.slice(at, at + n);
    at += n;
    if (out.length !== n) throw new Error('weights run out');
    return out;
  };
  const nodes: number[][] = [];
  const inits: number[][] = [];
  let id = 0;
  const name = (p: string) => `${p}${id++}`;
  inits.push(tensor('axis2', [1], [2], 'int64'), tensor('end', [1], [Number.MAX_SAFE_INTEGER], 'int64'));
  /** A tensor and how many samples its start has lost against the input. */
  type T = { name: string; lost: number };
  const crop = (t: T, lost: number): T => {
    if (t.lost === lost) return t;
    const s = name('start');
    inits.push(tensor(s, [1], [lost - t.lost], 'int64'));
    const out = name('crop');
    nodes.push(node('Slice', [t.name, s, 'end', 'axis2'], [out], out));
    return { name: out, lost };
  };
  const conv = (x: T, cout: number, cin: number, k: number, d: number, bias: boolean): T => {
    const wn = name('W');
    inits.push(tensor(wn, [cout, cin, k], take(cout * cin * k)));
    const inputs = [x.name, wn];
    if (bias) {
      const bn = name('B');
      inits.push(tensor(bn, [cout], take(cout)));
      inputs.push(bn);
    }
    const out = name('conv');
    nodes.push(
      node('Conv', inputs, [out], out, [
        { name: 'kernel_shape', ints: [k] },
        { name: 'dilations', ints: [d] },
        { name: 'pads', ints: [0, 0] },
      ]),
    );
    return { name: out, lost: x.lost + d * (k - 1) };
  };
  const add = (a: T, b: T): T => {
    const lost = Math.max(a.lost, b.lost);
    const out = name('add');
    nodes.push(node('Add', [crop(a, lost).name, crop(b, lost).name], [out], out));
    return { name: out, lost };
  };
  const x: T = { name: 'x', lost: 0 };
  let input = x;
  let head: T | null = null;
  for (const a of doc.config.layers) {
    if (a.gated || a.activation !== 'Tanh') throw new Error('only ungated tanh WaveNets');
    const C = a.channels;
    const K = a.kernel_size;
    let h = conv(input, C, a.input_size, 1, 1, false);
    let acc = head;
    for (const d of a.dilations) {
      const z = conv(h, C, C, K, d, true);
      const mixin = conv(x, C, a.condition_size, 1, 1, false);
      const pre = add(z, mixin);
      const act = name('tanh');
      nodes.push(node('Tanh', [pre.name], [act], act));
      const actT = { name: act, lost: pre.lost };
      acc = acc ? add(acc, actT) : actT;
      const r = conv(actT, C, C, 1, 1, true);
      h = add(h, r);
    }
    head = conv(acc!, a.head_size, C, 1, 1, a.head_bias);
    input = h;
  }
  const scale = take(1)[0]!;
  if (at !== w.length) throw new Error(`${w.length - at} weights left over`);
  inits.push(tensor('scale', [1], [scale]));
  nodes.push(node('Mul', [head!.name, 'scale'], ['y'], 'scale'));
  const graph = [
    ...nodes.flatMap((n) => bfield(1, n)),
    ...sfield(2, 'nam-wavenet'),
    ...inits.flatMap((t) => bfield(5, t)),
    ...bfield(11, valueInfo('x', [1, 1, 'n'])),
    ...bfield(12, valueInfo('y', [1, 1, 'm'])),
  ];
  return Uint8Array.from([
    ...vfield(1, 8),
    ...sfield(2, 'shub-test'),
    ...bfield(7, graph),
    ...bfield(8, [...sfield(1, ''), ...vfield(2, 13)]),
  ]);
}
