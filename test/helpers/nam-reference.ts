/**
 * An independent, deliberately plain float64 runner of .nam documents for the tests (issue 14): one sample at a
 * time, every layer's past inputs kept as whole vectors, weights read in file order as the format describes them
 * (NeuralAmpModelerCore). Slow; meant for short material. Prewarm: the receptive field on silence (WaveNet,
 * ConvNet), 0.5 s (LSTM), as the reference core does.
 */

export type Tanh = 'fast' | 'exact';

/** The reference plugin's rational tanh approximation, in float64. */
export function fastTanh(x: number): number {
  const ax = Math.abs(x);
  const x2 = x * x;
  return (
    (x * (2.45550750702956 + 2.45550750702956 * ax + (0.893229853513558 + 0.821226666969744 * ax) * x2)) /
    (2.44506634652299 + (2.44506634652299 + x2) * Math.abs(x + 0.814642734961073 * x * ax))
  );
}
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

type Act = (x: number) => number;
function act(spec: unknown, tanh: Tanh): Act {
  const o = (typeof spec === 'string' ? { type: spec } : spec) as Record<string, number | string>;
  const num = (k: string, d: number) => (typeof o[k] === 'number' ? (o[k] as number) : d);
  switch (o.type) {
    case 'Tanh':
      return tanh === 'fast' ? fastTanh : Math.tanh;
    case 'Fasttanh':
      return fastTanh;
    case 'Hardtanh':
      return (x) => Math.min(1, Math.max(-1, x));
    case 'ReLU':
      return (x) => Math.max(0, x);
    case 'LeakyReLU':
    case 'PReLU': {
      const s = num('negative_slope', 0.01);
      return (x) => (x > 0 ? x : s * x);
    }
    case 'Sigmoid':
      return sigmoid;
    case 'SiLU':
      return (x) => x * sigmoid(x);
    case 'Hardswish':
      return (x) => (x * Math.min(6, Math.max(0, x + 3))) / 6;
    case 'LeakyHardtanh':
    case 'LeakyHardTanh': {
      const lo = num('min_val', -1);
      const hi = num('max_val', 1);
      const ls = num('min_slope', 0.01);
      const hs = num('max_slope', 0.01);
      return (x) => (x < lo ? (x - lo) * ls + lo : x > hi ? (x - hi) * hs + hi : x);
    }
    case 'Softsign':
      return (x) => x / (1 + Math.abs(x));
    default:
      throw new Error(`reference: unknown activation ${String(o.type)}`);
  }
}

/** Reads weights in order. */
class Reader {
  private i = 0;
  constructor(private readonly w: number[]) {}
  take(n: number): number[] {
    const out = this.w.slice(this.i, this.i + n);
    if (out.length !== n) throw new Error('reference: too few weights');
    this.i += n;
    return out;
  }
  done(): void {
    if (this.i !== this.w.length) throw new Error(`reference: ${this.w.length - this.i} weights left over`);
  }
}

/** A window of past vectors: at(k) is the vector pushed k steps ago (0: the latest). */
class Past {
  private readonly buf: number[][];
  private head = 0;
  constructor(length: number, width: number) {
    this.buf = Array.from({ length }, () => new Array<number>(width).fill(0));
  }
  push(v: number[]): void {
    this.head = (this.head + 1) % this.buf.length;
    this.buf[this.head] = v;
  }
  at(k: number): number[] {
    return this.buf[(this.head - k + this.buf.length * 2) % this.buf.length]!;
  }
}

interface Doc {
  architecture: string;
  config: Record<string, unknown>;
  weights: number[];
  sample_rate?: number;
}

type Step = (x: number) => number;

function waveNet(doc: Doc, tanh: Tanh): { step: Step; warm: number } {
  const r = new Reader(doc.weights);
  const cfgs = doc.config.layers as Record<string, unknown>[];
  let warm = 1;
  const arrays = cfgs.map((c) => {
    const C = c.channels as number;
    const inSize = c.input_size as number;
    const dil = c.dilations as number[];
    const ks = (c.kernel_sizes as number[] | undefined) ?? dil.map(() => c.kernel_size as number);
    const head = c.head as
      { out_channels: number; kernel_size: number; bias: boolean; head_dilation?: number } | undefined;
    const headSize = head ? head.out_channels : (c.head_size as number);
    const headK = head ? head.kernel_size : 1;
    const headD = head?.head_dilation ?? 1;
    const headBias = head ? head.bias : (c.head_bias as boolean);
    const acts = dil.map((_, i) => act(Array.isArray(c.activation) ? c.activation[i] : c.activation, tanh));
    const gated = dil.map((_, i) =>
      c.gating_mode !== undefined
        ? (Array.isArray(c.gating_mode) ? c.gating_mode[i] : c.gating_mode) === 'gated'
        : c.gated === true,
    );
    // the gate's activation: Sigmoid unless the nested form names another
    const sec = c.secondary_activation;
    const gates = dil.map((_, i) => act((Array.isArray(sec) ? sec[i] : sec) ?? 'Sigmoid', tanh));
    const rechannel = r.take(C * inSize);
    const layers = dil.map((d, i) => {
      const K = ks[i]!;
      const cz = gated[i] ? 2 * C : C;
      warm += d * (K - 1);
      return {
        d,
        K,
        cz,
        act: acts[i]!,
        gate: gates[i]!,
        gated: gated[i]!,
        conv: r.take(cz * C * K),
        convB: r.take(cz),
        mixin: r.take(cz),
        w1: r.take(C * C),
        b1: r.take(C),
        past: new Past(d * (K - 1) + 1, C),
      };
    });
    const headW = r.take(headSize * C * headK);
    const headB = headBias ? r.take(headSize) : new Array<number>(headSize).fill(0);
    warm += headD * (headK - 1);
    const headPast = new Past(headD * (headK - 1) + 1, C);
    return { C, inSize, rechannel, layers, headSize, headK, headD, headW, headB, headPast };
  });
  const headScale = r.take(1)[0]!;
  r.done();
  const step: Step = (x) => {
    let input = [x];
    let headIn: number[] | null = null;
    for (const a of arrays) {
      const C = a.C;
      let v = new Array<number>(C).fill(0);
      for (let o = 0; o < C; o++)
        for (let i = 0; i < a.inSize; i++) v[o]! += a.rechannel[o * a.inSize + i]! * input[i]!;
      const acc = headIn ? [...headIn] : new Array<number>(C).fill(0);
      for (const L of a.layers) {
        L.past.push(v);
        const z = new Array<number>(L.cz).fill(0);
        for (let o = 0; o < L.cz; o++) {
          let s = L.convB[o]!;
          for (let i = 0; i < C; i++)
            for (let k = 0; k < L.K; k++) s += L.conv[(o * C + i) * L.K + k]! * L.past.at(L.d * (L.K - 1 - k))[i]!;
          z[o] = s + L.mixin[o]! * x;
        }
        const h = new Array<number>(C);
        for (let c = 0; c < C; c++) h[c] = L.gated ? L.act(z[c]!) * L.gate(z[C + c]!) : L.act(z[c]!);
        for (let c = 0; c < C; c++) acc[c]! += h[c]!;
        const next = new Array<number>(C);
        for (let o = 0; o < C; o++) {
          let s = v[o]! + L.b1[o]!;
          for (let i = 0; i < C; i++) s += L.w1[o * C + i]! * h[i]!;
          next[o] = s;
        }
        v = next;
      }
      a.headPast.push(acc);
      const out = new Array<number>(a.headSize);
      for (let o = 0; o < a.headSize; o++) {
        let s = a.headB[o]!;
        for (let i = 0; i < C; i++)
          for (let k = 0; k < a.headK; k++)
            s += a.headW[(o * C + i) * a.headK + k]! * a.headPast.at(a.headD * (a.headK - 1 - k))[i]!;
        out[o] = s;
      }
      input = v;
      headIn = out;
    }
    return headScale * headIn![0]!;
  };
  return { step, warm };
}

function lstm(doc: Doc, tanh: Tanh): { step: Step; warm: number } {
  const r = new Reader(doc.weights);
  const H = doc.config.hidden_size as number;
  const nl = doc.config.num_layers as number;
  const th = tanh === 'fast' ? fastTanh : Math.tanh;
  const sg = tanh === 'fast' ? (x: number) => 0.5 * (fastTanh(0.5 * x) + 1) : sigmoid;
  const cells = Array.from({ length: nl }, (_, l) => {
    const inSize = l === 0 ? 1 : H;
    return { inSize, w: r.take(4 * H * (inSize + H)), b: r.take(4 * H), h: r.take(H), c: r.take(H) };
  });
  const headW = r.take(H);
  const headB = r.take(1)[0]!;
  r.done();
  const step: Step = (x) => {
    let input = [x];
    for (const cell of cells) {
      const xh = [...input, ...cell.h];
      const g = new Array<number>(4 * H);
      for (let i = 0; i < 4 * H; i++) {
        let s = cell.b[i]!;
        for (let j = 0; j < xh.length; j++) s += cell.w[i * xh.length + j]! * xh[j]!;
        g[i] = s;
      }
      for (let i = 0; i < H; i++) cell.c[i] = sg(g[H + i]!) * cell.c[i]! + sg(g[i]!) * th(g[2 * H + i]!);
      for (let i = 0; i < H; i++) cell.h[i] = sg(g[3 * H + i]!) * th(cell.c[i]!);
      input = cell.h;
    }
    let y = headB;
    for (let i = 0; i < H; i++) y += headW[i]! * input[i]!;
    return y;
  };
  return { step, warm: Math.floor(0.5 * (doc.sample_rate ?? 48000)) };
}

function convNet(doc: Doc, tanh: Tanh): { step: Step; warm: number } {
  const r = new Reader(doc.weights);
  const C = doc.config.channels as number;
  const dil = doc.config.dilations as number[];
  const bn = doc.config.batchnorm as boolean;
  const a = act(doc.config.activation, tanh);
  const blocks = dil.map((d, i) => {
    const inC = i === 0 ? 1 : C;
    const w = r.take(C * inC * 2);
    let scale = new Array<number>(C).fill(1);
    let loc = bn ? new Array<number>(C).fill(0) : r.take(C);
    if (bn) {
      const [mean, variance, weight, bias] = [r.take(C), r.take(C), r.take(C), r.take(C)];
      const eps = r.take(1)[0]!;
      scale = weight.map((g, c) => g / Math.sqrt(eps + variance[c]!));
      loc = bias.map((b, c) => b - scale[c]! * mean[c]!);
    }
    return { d, inC, w, scale, loc, past: new Past(d + 1, inC) };
  });
  const headW = r.take(C);
  const headB = r.take(1)[0]!;
  r.done();
  const step: Step = (x) => {
    let v = [x];
    for (const b of blocks) {
      b.past.push(v);
      const out = new Array<number>(C);
      for (let o = 0; o < C; o++) {
        let s = 0;
        for (let i = 0; i < b.inC; i++)
          s += b.w[(o * b.inC + i) * 2]! * b.past.at(b.d)[i]! + b.w[(o * b.inC + i) * 2 + 1]! * b.past.at(0)[i]!;
        out[o] = a(s * b.scale[o]! + b.loc[o]!);
      }
      v = out;
    }
    let y = headB;
    for (let i = 0; i < C; i++) y += headW[i]! * v[i]!;
    return y;
  };
  return { step, warm: 1 + dil.reduce((s, d) => s + d, 0) };
}

/** Runs a .nam document on x (at the model's rate) in float64; output aligned with input. */
export function referenceRun(doc: Doc, x: ArrayLike<number>, tanh: Tanh): Float64Array {
  const net =
    doc.architecture === 'WaveNet'
      ? waveNet(doc, tanh)
      : doc.architecture === 'LSTM'
        ? lstm(doc, tanh)
        : doc.architecture === 'ConvNet'
          ? convNet(doc, tanh)
          : null;
  if (!net) throw new Error(`reference: no runner for ${doc.architecture}`);
  for (let i = 0; i < net.warm; i++) net.step(0);
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = net.step(x[i]!);
  return y;
}
