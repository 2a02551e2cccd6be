/**
 * Sample replacement on one mic (issue 13), streaming: each hit triggers a kit sample (chosen by
 * the caller: velocity layer, round robin), fitted to the original's attack and added to an
 * output that runs a fixed latency behind the input. The fit, per hit:
 *
 * - what the earlier replacements already explain is subtracted from the original first, so a
 *   hit landing on the previous one's decay is fitted alone;
 * - the sample's transient start (first sample at 5 % of its peak, the detector's definition) is put
 *   on the hit's start, then slid by the lag of the largest |cross-correlation| within `maxLagMs`,
 *   refined below a sample to the shift whose fractionally delayed sample (windowed sinc) leaves
 *   the least after a least-squares fit;
 * - its polarity is the sign of that fit, its gain the fit's.
 *
 * `mix` blends the original (0) and the replacement (1). Memory: the latency, the longest sample
 * and the hits' compact list.
 */
import { native } from '../../native.js';
import { REPLACE_PARAMETERS as R, DETECT_PARAMETERS } from './params.js';

export interface KitSample {
  samples: Float32Array;
  /** Index of the transient start: the first sample at 5 % of the peak |x|. */
  lead: number;
  name: string;
}

/** The first sample at the detector's start fraction of the peak |x|. */
export function transientStart(x: Float32Array): number {
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const th = DETECT_PARAMETERS.startFraction.value * peak;
  let i = 0;
  while (i < x.length && Math.abs(x[i]!) < th) i++;
  return i < x.length ? i : 0;
}

export interface Placement {
  /** The hit's detected start (sample index). */
  hitSample: number;
  sample: string;
  /** Where the sample's transient start was put, in samples (fractional). */
  placedAt: number;
  /** placedAt − hitSample. */
  shiftSamples: number;
  gain: number;
  polarity: 1 | -1;
  /** Normalised correlation at the fit (1 = the original's attack is the sample). */
  correlation: number;
}

export interface ReplaceHit {
  sample: number;
  pick: () => KitSample;
}

const ms = (rate: number, v: number) => Math.round((v * rate) / 1000);

/**
 * Windowed-sinc taps delaying by `frac` (0 ≤ frac < 1): y[n] = Σ h[k] x[n − k − frac]; written into `h` (2·half
 * values) when given.
 */
function fractionalTaps(frac: number, half: number, h = new Float64Array(2 * half)): Float64Array {
  let sum = 0;
  for (let k = -half + 1; k <= half; k++) {
    const t = k - frac;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const w = 0.5 + 0.5 * Math.cos((Math.PI * t) / (half + 1));
    h[k + half - 1] = sinc * w;
    sum += sinc * w;
  }
  for (let i = 0; i < h.length; i++) h[i]! /= sum;
  return h;
}

export class Replacer {
  /** Samples taken per step of a push. */
  private static readonly STEP = 1 << 14;
  /** A hit is placed once this many samples after its start have been pushed (its fit window and lags). */
  private readonly placeAfter: number;
  /** Output is emitted this far behind the input: `placeAfter` plus how far before its start a hit's fit window or
   * placed sample reaches, so that nothing a later hit reads or adds has been emitted (the output does not depend
   * on the block sizes pushed). */
  private readonly latency: number;
  private readonly fit: number;
  private readonly pre: number;
  private readonly maxLag: number;
  private readonly half: number;
  /** Absolute index of orig[0] / acc[0]. */
  private base = 0;
  private orig = new Float32Array(0);
  private origLen = 0;
  private acc = new Float64Array(0);
  /** acc is 0 from here on (what the placed samples reach, relative to base). */
  private accEnd = 0;
  private next = 0;
  readonly placements: Placement[] = [];

  /** The output block reused from one push to the next (`reuseOutput`). */
  private out: Float32Array | null = null;
  /** Per-hit scratch, reused: the fit window, the taps, the fit's sums. */
  private readonly y: Float64Array<ArrayBuffer>;
  private readonly taps: Float64Array<ArrayBuffer>;
  private readonly sums = new Float64Array(3);
  private readonly supports = new Map<Float32Array, Float32Array>();

  /**
   * `reuseOutput`: each block returned is valid until the next push or finish (its memory is written
   * again), for a caller that writes it out before asking for the next one: no fresh block per push.
   */
  constructor(
    readonly rate: number,
    private readonly hits: readonly ReplaceHit[],
    private readonly mix: number = R.mix.value,
    private readonly reuseOutput = false,
    /** The longest `lead` among the samples `pick` may return. */
    maxLead = 0,
  ) {
    this.fit = Math.max(8, ms(rate, R.fitMs.value));
    this.pre = ms(rate, R.preMs.value);
    this.maxLag = ms(rate, R.maxLagMs.value);
    this.half = R.sincTaps.value;
    this.placeAfter = this.fit + this.maxLag + this.half + 2;
    // the fit window starts pre + maxLag + 1 before the hit; a sample placed up to maxLag + 0.6 early starts its
    // lead (and the sinc's half) before that
    this.latency = this.placeAfter + this.maxLag + 1 + Math.max(this.pre, Math.ceil(maxLead) + this.half);
    this.y = new Float64Array(this.pre + this.fit + 2 * this.maxLag + 3);
    this.taps = new Float64Array(2 * this.half);
  }

  private ensure(n: number): void {
    // a quarter more than asked: the next block, the latency and a placed sample's tail then fit in what is
    // there (every new array is fresh memory: a page fault per 4 KiB)
    const size = (have: number) => Math.max(n + (n >> 2), 2 * have);
    if (this.orig.length < n) {
      const o = new Float32Array(size(this.orig.length));
      o.set(this.orig.subarray(0, this.origLen));
      this.orig = o;
    }
    if (this.acc.length < n) {
      const a = new Float64Array(size(this.acc.length));
      a.set(this.acc);
      this.acc = a;
    }
  }

  /**
   * A kit sample without its trailing exact zeros (kept per sample): placing them adds nothing — every sum they
   * would enter starts at +0 and never becomes −0, so adding a ±0 term leaves it as it is — but costs their taps.
   */
  private support(x: Float32Array): Float32Array {
    let t = this.supports.get(x);
    if (!t) {
      let n = x.length;
      while (n > 0 && x[n - 1] === 0) n--;
      t = x.subarray(0, n);
      this.supports.set(x, t);
    }
    return t;
  }

  /**
   * The original's next block; returns the output block that is now final (latency behind). The block is taken
   * in steps of `Replacer.STEP` samples, each emitted before the next is copied in: the buffers then hold a step,
   * the latency and the longest placed sample's tail (cache-sized, not a block's worth of fresh memory), and the
   * output does not depend on where a push is cut.
   */
  push(x: Float32Array): Float32Array {
    const out = this.output(Math.max(0, this.origLen + x.length - this.latency));
    let at = 0;
    for (let k = 0; k < x.length; k += Replacer.STEP) {
      const part = x.subarray(k, k + Replacer.STEP);
      this.ensure(this.origLen + part.length);
      this.orig.set(part, this.origLen);
      this.origLen += part.length;
      const end = this.base + this.origLen;
      while (this.next < this.hits.length && this.hits[this.next]!.sample + this.placeAfter <= end)
        this.place(this.next++);
      at += this.emit(end - this.latency, out, at);
    }
    return out;
  }

  /** Everything left (the stream has ended). */
  finish(): Float32Array {
    const end = this.base + this.origLen;
    while (this.next < this.hits.length) this.place(this.next++);
    const out = this.output(end - this.base);
    this.emit(end, out, 0);
    return out;
  }

  /** An output block of n samples: the reused one (`reuseOutput`) or a new one. */
  private output(n: number): Float32Array {
    if (!this.reuseOutput) return new Float32Array(n);
    if (!this.out || this.out.length < n) this.out = new Float32Array(n);
    return this.out.length === n ? this.out : this.out.subarray(0, n);
  }

  private at(abs: number): number {
    const i = abs - this.base;
    return i >= 0 && i < this.origLen ? this.orig[i]! - this.acc[i]! : 0;
  }

  private place(k: number): void {
    const hit = this.hits[k]!;
    const s = hit.pick();
    const x = this.support(s.samples);
    const start = hit.sample;
    // the original minus what is placed, over the fit window (with room for the lags)
    const from = start - this.pre - this.maxLag - 1;
    const len = this.pre + this.fit + 2 * this.maxLag + 3;
    const y = this.y;
    for (let i = 0; i < len; i++) y[i] = this.at(from + i);
    // the sample's stretch the fit compares (from `pre` before its lead, 0 outside it): the whole lag of the
    // largest |cross-correlation| (native: the sums in the order of the loop over i, the first of equals)
    const span = this.pre + this.fit;
    const best = native().drumsWholeLag(y, x, s.lead - this.pre, span, this.maxLag);
    // below a sample: the shift whose fractionally delayed sample leaves the least after the
    // least-squares fit (golden-section search within ±0.6 sample of the best integer lag)
    const sums = this.sums;
    const fitAt = (shift: number) => {
      const whole = Math.floor(shift);
      const h = fractionalTaps(shift - whole, this.half, this.taps);
      // z[i] = Σ_k h[k] · x[lead + i − whole − k], i from −pre, against y from the window's i = −pre (native)
      native().drumsFitShift(y, this.maxLag + 1, x, s.lead - this.pre - whole, span, h, sums);
      const yz = sums[0]!;
      const zz = sums[1]!;
      const yy = sums[2]!;
      return { yz, zz, yy, left: yy > 0 && zz > 0 ? 1 - (yz * yz) / (zz * yy) : 1 };
    };
    let lo = best - 0.6;
    let hi = best + 0.6;
    const phi = (Math.sqrt(5) - 1) / 2;
    let m1 = hi - phi * (hi - lo);
    let m2 = lo + phi * (hi - lo);
    let f1 = fitAt(m1).left;
    let f2 = fitAt(m2).left;
    for (let it = 0; it < 24; it++) {
      if (f1 < f2) {
        hi = m2;
        m2 = m1;
        f2 = f1;
        m1 = hi - phi * (hi - lo);
        f1 = fitAt(m1).left;
      } else {
        lo = m1;
        m1 = m2;
        f1 = f2;
        m2 = lo + phi * (hi - lo);
        f2 = fitAt(m2).left;
      }
    }
    let shift = (lo + hi) / 2;
    if (Math.abs(shift - Math.round(shift)) < R.snapSamples.value) shift = Math.round(shift);
    const at = fitAt(shift);
    const polarity: 1 | -1 = at.yz < 0 ? -1 : 1;
    const gain = at.zz > 0 ? Math.abs(at.yz) / at.zz : 0;
    const placedAt = start + shift;
    // add the sample: its index j lands at placedAt − lead + j
    const g = gain * polarity;
    const whole = Math.floor(placedAt - s.lead);
    const f = placedAt - s.lead - whole;
    const first = whole;
    const last = whole + x.length + (f ? this.half : 0);
    this.ensure(last - this.base + 1);
    this.accEnd = Math.max(this.accEnd, last - this.base + 1);
    const offset = first - this.base;
    if (f === 0) {
      for (let j = 0; j < x.length; j++) if (offset + j >= 0) this.acc[offset + j]! += g * x[j]!;
    } else {
      // y[n] = Σ h[k] x[n − whole − k − f] over k in [−half+1, half]
      const h = fractionalTaps(f, this.half, this.taps);
      const n0 = Math.max(first - this.half, this.base);
      if (last > n0) native().drumsFractional(this.acc, n0 - this.base, x, n0 - whole, last - n0, h, g);
    }
    this.placements.push({
      hitSample: start,
      sample: s.name,
      placedAt,
      shiftSamples: shift,
      gain,
      polarity,
      correlation: at.zz > 0 && at.yy > 0 ? Math.abs(at.yz) / Math.sqrt(at.zz * at.yy) : 0,
    });
  }

  /** Writes what is final up to `upTo` into out from `at` and moves the buffers on; returns how many samples. */
  private emit(upTo: number, out: Float32Array, at: number): number {
    const n = Math.max(0, upTo - this.base);
    const m = this.mix;
    // the sample alone: the same values ((1 − 1)·x is ±0, and a sum of placed samples is never −0)
    if (m === 1) native().drumsToFloat32(out, at, this.acc, n);
    else for (let i = 0; i < n; i++) out[at + i] = (1 - m) * this.orig[i]! + m * this.acc[i]!;
    // shift the buffers
    this.orig.copyWithin(0, n, this.origLen);
    this.origLen -= n;
    // only what the placed samples reached moves (the rest is 0 already)
    const reach = Math.min(this.accEnd, this.acc.length);
    if (reach > n) this.acc.copyWithin(0, n, reach);
    this.acc.fill(0, Math.max(0, reach - n), reach);
    this.accEnd = Math.max(0, reach - n);
    this.base += n;
    return n;
  }
}

/** Round robin within each velocity layer: the k-th use of a layer takes its alternative k mod n. */
export class LayerPicker<L extends { velocity: readonly [number, number]; files: readonly string[] }> {
  private readonly uses = new Map<L, number>();
  constructor(private readonly layers: readonly L[]) {}

  pick(velocity: number): { layer: L; index: number; file: string } {
    const layer = this.layers.find((l) => velocity >= l.velocity[0] && velocity <= l.velocity[1]) ?? this.layers[0]!;
    const k = this.uses.get(layer) ?? 0;
    this.uses.set(layer, k + 1);
    const index = k % layer.files.length;
    return { layer, index, file: layer.files[index]! };
  }
}
