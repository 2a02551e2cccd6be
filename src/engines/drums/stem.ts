/**
 * Hits on a whole-kit stem (`mix` tracks, issue 13), found band by band: the stem is split by
 * second-order filters into four bands (kick body below `lowHz`, drum body up to `midHz`, snare
 * wires up to `highHz`, hats and cymbals above it), each band's energy is kept per 1 ms tick, and a
 * hit is where any band's energy rises `riseDb` above the largest of its recent past (the previous
 * hit's decay included). Triggers of several bands within `clusterMs` are one hit. A hat under a
 * kick hardly moves the broadband level, but it lifts the top band by tens of dB; a hat after a
 * snare sits on the snare's low tail but not on its top.
 *
 * Each hit's features are what is new in each band: the band's energy in the `attackMs` after the
 * hit less what was ringing in the `beforeMs` before it, and how fast each band decays after its
 * peak (up to the next hit). classify.ts turns them into classes; a hit may carry a second piece
 * (a hat or cymbal struck with a kick, snare or tom), reported as a second hit at the same time.
 *
 * Streaming and pure: samples in, hits out; memory is a ring of a second of ticks and ~30 ms of
 * samples, and a few values per hit.
 */
import {
  classifyStemHit,
  hasNoBody,
  isClearHat,
  isTonalKick,
  pct,
  type HitClass,
  type StemContext,
  type StemFeatures,
} from './classify.js';
import {
  DETECT_PARAMETERS,
  STEM_CLASS_PARAMETERS,
  STEM_PARAMETERS as S,
  STEM_SNARE_PARAMETERS,
  STEM_SNARELESS_PARAMETERS,
  STEM_SNARE_TIMING_PARAMETERS,
  STEM_RING_PARAMETERS,
  STEM_BODY_PARAMETERS,
  STEM_WIRES_ALONE_PARAMETERS,
  STEM_KICK_LATE_PARAMETERS,
  STEM_TOM_LATE_PARAMETERS,
  STEM_TOM_CLICK_PARAMETERS,
  STEM_TOM_CLEAR_SNARE_PARAMETERS,
  STEM_KICK_GLIDE_PARAMETERS,
  STEM_CYMBAL_RING_PARAMETERS,
  STEM_CYMBAL_REFERENCE_PARAMETERS,
  STEM_TOGETHER_PARAMETERS,
  STEM_BRUSH_DECAY_PARAMETERS,
  STEM_RING_GLIDE_PARAMETERS,
  STEM_HAT_SHELL_PARAMETERS,
  STEM_HAT_PARTIAL_PARAMETERS,
  STEM_BELL_PARAMETERS,
  STEM_MASKED_KICK_PARAMETERS,
  STEM_MODEL_PARAMETERS,
  STEM_MEMBRANE_PARAMETERS as M,
} from './params.js';
import { applyFloorTomCluster, applyKicklessStem, applyStemModel, stemReadsMembrane } from './stem-model.js';
import { kthSmallest } from '../order.js';

/** A biquad (direct form I), coefficients after the RBJ cookbook formulas. */
class Biquad {
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  constructor(
    private readonly b0: number,
    private readonly b1: number,
    private readonly b2: number,
    private readonly a1: number,
    private readonly a2: number,
  ) {}

  static of(kind: 'lp' | 'hp', hz: number, rate: number): Biquad {
    const w = (2 * Math.PI * Math.min(hz, 0.45 * rate)) / rate;
    const cos = Math.cos(w);
    const alpha = Math.sin(w) / (2 * Math.SQRT1_2);
    const a0 = 1 + alpha;
    const b = kind === 'lp' ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2] : [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
    return new Biquad(b[0]! / a0, b[1]! / a0, b[2]! / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  }

  run(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** Power spectrum of n = 2^k frames (Hann-windowed), bins 0..n/2-1; radix-2, in place on scratch arrays. */
class PowerSpectrum {
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly window: Float64Array;
  constructor(readonly n: number) {
    this.re = new Float64Array(n);
    this.im = new Float64Array(n);
    this.window = Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
  }

  /** `frame(i)` gives frame i of the n; `out` receives n/2 powers. */
  run(frame: (i: number) => number, out: Float64Array): void {
    const { n, re, im } = this;
    for (let i = 0; i < n; i++) {
      re[i] = frame(i) * this.window[i]!;
      im[i] = 0;
    }
    for (let i = 1, j = 0; i < n; i++) {
      let bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) {
        [re[i], re[j]] = [re[j]!, re[i]!];
        [im[i], im[j]] = [im[j]!, im[i]!];
      }
    }
    for (let len = 2; len <= n; len <<= 1) {
      const half = len >> 1;
      const step = (-2 * Math.PI) / len;
      for (let k = 0; k < half; k++) {
        const c = Math.cos(step * k);
        const sn = Math.sin(step * k);
        for (let i = k; i < n; i += len) {
          const j = i + half;
          const xr = re[j]! * c - im[j]! * sn;
          const xi = re[j]! * sn + im[j]! * c;
          re[j] = re[i]! - xr;
          im[j] = im[i]! - xi;
          re[i] = re[i]! + xr;
          im[i] = im[i]! + xi;
        }
      }
    }
    for (let k = 0; k < n / 2; k++) out[k] = re[k]! * re[k]! + im[k]! * im[k]!;
  }
}

/** What the drum body's strongest partial does over the hit's first two body windows (h-dxcls19). */
export interface BodyPartial {
  bodyHz: number;
  bodyPeakShare: number;
  bodyLateDb: number;
  bodyLateHz: number;
}

/**
 * The drum body's strongest partial (h-dxcls19): in the power the hit adds (its first window less twice the window
 * before it, per bin) between bodyLoHz and bodyHiHz, the strongest peak (its frequency refined by a parabola through
 * the log powers of its bin and the two beside it), the share of that range's added power within bodyPeakBins of
 * it (a membrane's partial: most of it; a snare's wires or a hat's ring: spread), how its power in the second window
 * (less the same before) stands against the first, dB (a tom rings on; a snare's head dies), and where the second
 * window's strongest peak lies (a kick's pitch has fallen, a tom's barely).
 */
export function bodyPartial(w1: Float64Array, w2: Float64Array, before: Float64Array, rate: number): BodyPartial {
  const n = 2 * w1.length;
  const lo = Math.max(1, Math.floor((S.bodyLoHz.value * n) / rate));
  const hi = Math.min(w1.length - 2, Math.ceil((S.bodyHiHz.value * n) / rate));
  const half = Math.round(S.bodyPeakBins.value);
  const add = (w: Float64Array, k: number) => Math.max(0, w[k]! - 2 * before[k]!);
  const peakOf = (w: Float64Array) => {
    let best = lo;
    for (let k = lo; k <= hi; k++) if (add(w, k) > add(w, best)) best = k;
    const [a, b, c] = [best - 1, best, best + 1].map((k) => Math.log(add(w, k) + 1e-30)) as [number, number, number];
    const d = a - 2 * b + c;
    const shift = d < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / d)) : 0;
    return { bin: best, hz: ((best + shift) * rate) / n };
  };
  const around = (w: Float64Array, bin: number) => {
    let sum = 0;
    for (let k = Math.max(lo, bin - half); k <= Math.min(hi, bin + half); k++) sum += add(w, k);
    return sum;
  };
  let total = 0;
  for (let k = lo; k <= hi; k++) total += add(w1, k);
  const p1 = peakOf(w1);
  const first = around(w1, p1.bin);
  const second = around(w2, p1.bin);
  return {
    bodyHz: total > 0 ? p1.hz : NaN,
    bodyPeakShare: total > 0 ? first / total : NaN,
    bodyLateDb: total > 0 ? 10 * Math.log10((second + 1e-20) / (first + 1e-20)) : NaN,
    bodyLateHz: total > 0 ? peakOf(w2).hz : NaN,
  };
}

/** The membrane cue read from a window's power spectrum (h-dx72): see StemFeatures.modeDb … upperModeDb. */
export interface MembraneCue {
  modeDb: number;
  modePeakDb: number;
  upperModeDb: number;
}

/**
 * The membrane cue of one hit (h-dx72): in the power it adds (`after` less twice `before`, per bin, n = 2·after.length
 * frames) the power at each ratio of the fundamental f0 (Hz) — the bins within modeWidth of it, at least its nearest —
 * and from those the second mode (secondModeRatio) against the fundamental, against the mean of the gaps beside it
 * (gapLowRatio, gapHighRatio), and the third and fourth modes' mean against the second harmonic (harmonicRatio), dB,
 * each power floored at 1e-6 of the fundamental's and second mode's. NaN without a fundamental or where a ratio lies
 * beyond the spectrum.
 */
export function membraneCue(after: Float64Array, before: Float64Array, f0: number, rate: number): MembraneCue {
  const n = 2 * after.length;
  const at = (ratio: number) => {
    const hz = ratio * f0;
    const lo = Math.max(1, Math.ceil((hz * (1 - M.modeWidth.value) * n) / rate));
    const hi = Math.floor((hz * (1 + M.modeWidth.value) * n) / rate);
    const near = Math.round((hz * n) / rate);
    if (!(near >= 1 && near < after.length)) return NaN;
    let sum = 0;
    for (let k = Math.min(lo, near); k <= Math.min(Math.max(hi, near), after.length - 1); k++)
      sum += Math.max(0, after[k]! - 2 * before[k]!);
    return sum;
  };
  if (!(f0 > 0)) return { modeDb: NaN, modePeakDb: NaN, upperModeDb: NaN };
  const second = at(M.secondModeRatio.value);
  // a floor of 1e-6 of the fundamental's and second mode's power (an empty gap reads 60 dB below them, not −∞)
  const floor = 1e-6 * (at(1) + second) + 1e-30;
  const db = (a: number, b: number) => 10 * Math.log10((a + floor) / (b + floor));
  return {
    modeDb: db(second, at(1)),
    modePeakDb: db(second, (at(M.gapLowRatio.value) + at(M.gapHighRatio.value)) / 2),
    upperModeDb: db((at(M.thirdModeRatio.value) + at(M.fourthModeRatio.value)) / 2, at(M.harmonicRatio.value)),
  };
}

/**
 * Spectral flatness (geometric over arithmetic mean) of power[lo..hi): 0 a few partials, 1 white noise. Each bin's
 * log is taken of its power plus floor(mean), mean the range's mean power (a floor against log 0: a number, or a
 * share of that mean). NaN when the range holds no power. One implementation for the event's flatness (what the hit
 * adds) and the late ring's (h-debt48).
 */
export function spectralFlatness(
  power: ArrayLike<number>,
  lo: number,
  hi: number,
  floor: (mean: number) => number,
): number {
  let sum = 0;
  for (let k = lo; k < hi; k++) sum += power[k]!;
  if (!(sum > 0) || hi <= lo) return NaN;
  const mean = sum / (hi - lo);
  const f = floor(mean);
  let logSum = 0;
  for (let k = lo; k < hi; k++) logSum += Math.log(power[k]! + f);
  return Math.exp(logSum / (hi - lo)) / mean;
}

/**
 * The late ring's tonality (h-dxbell45): the spectral flatness of a power spectrum of n = 2·power.length frames
 * between bellLoHz and flatnessHiHz, nothing taken out (what rang before rings on in it too), floor 1e-12 of the
 * range's mean: a bell's few partials near 0, a hat's or a snare's noise far above. NaN when that range holds no power.
 */
export function lateFlatness(power: Float64Array, rate: number): number {
  const n = 2 * power.length;
  const lo = Math.max(1, Math.round((STEM_BELL_PARAMETERS.bellLoHz.value * n) / rate));
  const hi = Math.min(power.length, Math.round((S.flatnessHiHz.value * n) / rate));
  return spectralFlatness(power, lo, hi, (mean) => 1e-12 * mean);
}

/** The four bands of a stem, lowest first. */
export const STEM_BANDS = ['low', 'body', 'wires', 'top'] as const;
const NB = STEM_BANDS.length;

export interface StemHit {
  /** Sample index of the transient's start. */
  start: number;
  /** Largest |x| after the start (of the band that carries it, for a second piece). */
  peak: number;
  /** How far the strongest band rose over its recent past, dB. */
  rise: number;
  cls: HitClass;
  confidence: number;
  reason: string;
  features: StemFeatures;
  /** A second piece struck with another (reported at the same time). */
  secondary: boolean;
}

const TICK_RING = 4096;

/** A hit found on the stem with its features, before the stem's second pass gives it a class. */
export interface FoundHit {
  start: number;
  peak: number;
  /** Largest |x| of the top band after the start (a second piece's peak). */
  top: number;
  rise: number;
  features: StemFeatures;
}

interface StemEvent {
  tick: number;
  rise: number;
  bands: number[];
  /** Geometric centroid of the spectrum the hit adds, Hz (set once its spectrumMs of samples are in). */
  centroidHz?: number;
  flatness?: number;
  lateCentroidHz?: number;
  lateDb?: number;
  lateFlatness?: number;
  /** The drum body's partial (h-dxcls19, bodyPartial): set with the others. */
  body?: BodyPartial;
  /** The membrane cue (h-dx72, membraneCue) and the body partial's decay in its periods: set with the others. */
  membrane?: MembraneCue & { decayPeriods: number };
}

export class StemAnalyzer {
  private readonly filters: Biquad[][];
  private readonly tick: number;
  private readonly ring: Float32Array;
  private readonly mask: number;
  private n = 0;
  private inTick = 0;
  private ticks = 0;
  private readonly acc = new Float64Array(NB);
  private readonly accPeak = new Float64Array(NB);
  private rawPeak = 0;
  /** Per tick: band energy (mean square) and band peak, and the raw peak. */
  private readonly power: Float64Array[];
  private readonly bandPeak: Float64Array[];
  private readonly raw = new Float64Array(TICK_RING);
  private readonly loudest = new Float64Array(NB);
  private readonly lastTrigger = new Float64Array(NB).fill(-Infinity);
  private cluster: StemEvent | null = null;
  private readonly events: StemEvent[] = [];
  private readonly spectrum: PowerSpectrum;
  private readonly after: Float64Array;
  private readonly before: Float64Array;
  private readonly late: Float64Array;
  /** What the hit adds per bin (after less twice before, at least 0), its flatness read from it. */
  private readonly added: Float64Array;
  private readonly lateTicks: number;
  /** The body windows (h-dxcls19): two of bodyMs each from the hit's start, and the one before it. */
  private readonly bodySpectrum: PowerSpectrum;
  private readonly body1: Float64Array;
  private readonly body2: Float64Array;
  private readonly bodyBefore: Float64Array;
  /** The membrane window (h-dx72): twice bodyMs from the hit's start, and the one before it. */
  private readonly modeSpectrum: PowerSpectrum;
  private readonly modeAfter: Float64Array;
  private readonly modeBefore: Float64Array;
  /** Hits whose features are in, waiting for the stem's second pass (classes are given at the end). */
  readonly found: FoundHit[] = [];
  readonly hits: StemHit[] = [];

  /**
   * `membrane`: measure the membrane cue (h-dx72's, two more spectra per hit; h-dx73: only when the chosen model reads
   * it, unless asked — the tuning dumps ask, so every model can be trained on them; h-dx78: or the kickless rule is
   * on, STEM_KICKLESS_PARAMETERS).
   */
  constructor(
    readonly rate: number,
    readonly membrane = stemReadsMembrane(),
  ) {
    const lp = (hz: number) => Biquad.of('lp', hz, rate);
    const hp = (hz: number) => Biquad.of('hp', hz, rate);
    const { lowHz, midHz, highHz } = { lowHz: S.lowHz.value, midHz: S.midHz.value, highHz: S.highHz.value };
    this.filters = [
      [lp(lowHz), lp(lowHz)],
      [hp(lowHz), lp(midHz)],
      [hp(midHz), hp(midHz), lp(highHz)],
      [hp(highHz), hp(highHz)],
    ];
    this.tick = Math.max(1, Math.round(rate / 1000));
    const frames = 2 ** Math.max(6, Math.round(Math.log2((S.spectrumMs.value * rate) / 1000)));
    this.spectrum = new PowerSpectrum(frames);
    this.after = new Float64Array(frames / 2);
    this.before = new Float64Array(frames / 2);
    let size = 1;
    const bodyFrames = 2 ** Math.max(8, Math.round(Math.log2((S.bodyMs.value * rate) / 1000)));
    this.bodySpectrum = new PowerSpectrum(bodyFrames);
    this.body1 = new Float64Array(bodyFrames / 2);
    this.body2 = new Float64Array(bodyFrames / 2);
    this.bodyBefore = new Float64Array(bodyFrames / 2);
    this.modeSpectrum = new PowerSpectrum(2 * bodyFrames);
    this.modeAfter = new Float64Array(bodyFrames);
    this.modeBefore = new Float64Array(bodyFrames);
    this.late = new Float64Array(frames / 2);
    this.added = new Float64Array(frames / 2);
    this.lateTicks = Math.round(S.lateMs.value);
    while (
      size < Math.max(Math.round(0.05 * rate), 3 * frames + Math.round((S.lateMs.value * rate) / 1000), 4 * bodyFrames)
    )
      size <<= 1;
    this.ring = new Float32Array(size);
    this.mask = size - 1;
    this.power = STEM_BANDS.map(() => new Float64Array(TICK_RING));
    this.bandPeak = STEM_BANDS.map(() => new Float64Array(TICK_RING));
  }

  /** Feeds the next block of mono samples. */
  push(block: Float32Array): void {
    for (let i = 0; i < block.length; i++) {
      const x = block[i]!;
      this.ring[this.n & this.mask] = x;
      this.n++;
      const a = x < 0 ? -x : x;
      if (a > this.rawPeak) this.rawPeak = a;
      for (let b = 0; b < NB; b++) {
        let y = x;
        for (const f of this.filters[b]!) y = f.run(y);
        this.acc[b]! += y * y;
        const ay = y < 0 ? -y : y;
        if (ay > this.accPeak[b]!) this.accPeak[b] = ay;
      }
      if (++this.inTick === this.tick) this.endTick();
    }
  }

  /** Ends the stream and returns every hit, in time order. */
  finish(): StemHit[] {
    if (this.inTick > 0) this.endTick();
    if (this.cluster) this.events.push(this.cluster);
    this.cluster = null;
    this.spectra(true);
    this.settle(true);
    this.hits.push(...classifyStemHits(this.found, this.rate));
    const loudest = Math.max(0, ...this.hits.map((h) => h.peak));
    const floor = loudest * 10 ** (-DETECT_PARAMETERS.floorRangeDb.value / 20);
    return this.hits.filter((h) => h.peak >= floor && h.peak > 0).sort((a, b) => a.start - b.start);
  }

  private at(arr: Float64Array, t: number): number {
    return t < 0 || t >= this.ticks || t <= this.ticks - TICK_RING ? 0 : arr[t % TICK_RING]!;
  }

  /** Mean band energy over ticks [from, to). */
  private mean(b: number, from: number, to: number): number {
    let s = 0;
    let k = 0;
    for (let t = Math.max(0, from); t < to; t++, k++) s += this.at(this.power[b]!, t);
    return k ? s / k : 0;
  }

  private endTick(): void {
    const t = this.ticks;
    for (let b = 0; b < NB; b++) {
      this.power[b]![t % TICK_RING] = this.acc[b]! / this.inTick;
      this.bandPeak[b]![t % TICK_RING] = this.accPeak[b]!;
      this.acc[b] = 0;
      this.accPeak[b] = 0;
    }
    this.raw[t % TICK_RING] = this.rawPeak;
    this.rawPeak = 0;
    this.inTick = 0;
    this.ticks++;
    this.detect(t);
    this.spectra(false);
    this.settle(false);
  }

  /** Band triggers at tick t: the smoothed energy against the largest of the lookback before it. */
  private detect(t: number): void {
    const look = Math.max(1, Math.round(S.lookbackMs.value));
    const gate = 10 ** (-S.bandRangeDb.value / 10);
    for (let b = 0; b < NB; b++) {
      const smooth = Math.max(1, Math.round(b === 0 ? S.lowSmoothMs.value : S.smoothMs.value));
      const now = this.mean(b, t - smooth + 1, t + 1);
      if (now > this.loudest[b]!) this.loudest[b] = now;
      let ref = 0;
      for (let k = t - smooth - look + 1; k <= t - smooth; k++)
        ref = Math.max(ref, this.mean(b, k - smooth + 1, k + 1));
      const rise = 10 * Math.log10((now + 1e-20) / (ref + 1e-20));
      if (rise < S.riseDb.value || now < gate * this.loudest[b]!) continue;
      if (t - this.lastTrigger[b]! < S.refractoryMs.value) continue;
      this.lastTrigger[b] = t;
      if (this.swelling(b, t, smooth)) continue;
      // the trigger tick is where the energy started: smoothing delays it by up to `smooth` ticks
      let first = t;
      while (first > t - smooth + 1 && this.at(this.power[b]!, first - 1) > ref * 10 ** (S.riseDb.value / 20)) first--;
      if (this.cluster && first - this.cluster.tick <= S.clusterMs.value) {
        this.cluster.bands.push(b);
        this.cluster.rise = Math.max(this.cluster.rise, rise);
        this.cluster.tick = Math.min(this.cluster.tick, first);
      } else {
        if (this.cluster) this.events.push(this.cluster);
        this.cluster = { tick: first, rise, bands: [b] };
      }
    }
    if (this.cluster && t - this.cluster.tick > S.clusterMs.value) {
      this.events.push(this.cluster);
      this.cluster = null;
    }
  }

  /**
   * A band still swelling since the last hit (a brush swish rising over tens of ms) triggers again and again: a
   * trigger of a band that triggered the last hit, within `swellMs` of it, whose energy has risen since without
   * falling back more than `swellDipDb` (its largest value lies within `smooth` + 2 ticks of now) is that hit's own
   * slow attack, not a new hit. A second stroke (a flam's main note) comes after the first one's peak and fall.
   */
  private swelling(b: number, t: number, smooth: number): boolean {
    const last = this.cluster ?? this.events[this.events.length - 1];
    if (!last || !last.bands.includes(b) || t - last.tick > S.swellMs.value || t - last.tick <= S.clusterMs.value)
      return false;
    const dip = 10 ** (-S.swellDipDb.value / 10);
    let best = 0;
    let bestAt = last.tick;
    for (let k = last.tick + smooth; k < t; k++) {
      const e = this.mean(b, k - smooth + 1, k + 1);
      if (e < dip * best) return false;
      if (e > best) {
        best = e;
        bestAt = k;
      }
    }
    return bestAt >= t - smooth - 2;
  }

  /**
   * The (geometric) centroid of what each event adds to the spectrum, once its spectrumMs of samples are in (at the
   * end, what is there, zero-padded): the power after the start less twice the power before it, per bin.
   */
  private spectra(atEnd: boolean): void {
    const n = this.spectrum.n;
    const oldest = this.n - this.ring.length;
    const x = (i: number) => (i >= 0 && i > oldest && i < this.n ? this.ring[i & this.mask]! : 0);
    for (const e of this.events) {
      if (e.centroidHz !== undefined) continue;
      const s0 = e.tick * this.tick;
      const lateAt = s0 + this.lateTicks * this.tick;
      if (!atEnd && this.n < Math.max(lateAt + n, s0 + 2 * this.bodySpectrum.n)) break;
      this.spectrum.run((i) => x(s0 + i), this.after);
      this.spectrum.run((i) => x(s0 - n + i), this.before);
      this.spectrum.run((i) => x(lateAt + i), this.late);
      // the power-weighted mean of log frequency: a bright rattle under a loud drum body moves it little
      let sum = 0;
      let moment = 0;
      let lateSum = 0;
      let lateMoment = 0;
      const added = this.added;
      for (let k = 1; k < n / 2; k++) {
        const add = Math.max(0, this.after[k]! - 2 * this.before[k]!);
        added[k] = add;
        sum += add;
        moment += add * Math.log(k);
        const lateAdd = Math.max(0, this.late[k]! - 2 * this.before[k]!);
        lateSum += lateAdd;
        lateMoment += lateAdd * Math.log(k);
      }
      // its flatness between flatnessLoHz and flatnessHiHz, floored at 1e-9 of the mean over all bins
      const lo = Math.max(1, Math.round((S.flatnessLoHz.value * n) / this.rate));
      const hi = Math.min(n / 2, Math.round((S.flatnessHiHz.value * n) / this.rate));
      const floor = 1e-9 * (sum / n) + 1e-30;
      e.centroidHz = sum > 0 ? Math.exp(moment / sum) * (this.rate / n) : NaN;
      e.flatness = spectralFlatness(added, lo, hi, () => floor);
      e.lateCentroidHz = lateSum > 0 ? Math.exp(lateMoment / lateSum) * (this.rate / n) : NaN;
      e.lateDb = 10 * Math.log10((lateSum + 1e-20) / (sum + 1e-20));
      e.lateFlatness = lateFlatness(this.late, this.rate);
      const b = this.bodySpectrum.n;
      this.bodySpectrum.run((i) => x(s0 + i), this.body1);
      this.bodySpectrum.run((i) => x(s0 + b + i), this.body2);
      this.bodySpectrum.run((i) => x(s0 - b + i), this.bodyBefore);
      e.body = bodyPartial(this.body1, this.body2, this.bodyBefore, this.rate);
      // the membrane cue (h-dx72) only when read — the next pending event's spectra either way (a `return` here
      // once left every later event of the call without them when the cue was off)
      if (!this.membrane) continue;
      // one window over both body windows (twice the resolution), the one before it
      this.modeSpectrum.run((i) => x(s0 + i), this.modeAfter);
      this.modeSpectrum.run((i) => x(s0 - 2 * b + i), this.modeBefore);
      // the body partial's time to fall 20 dB at the rate it fell from the first window to the second, in periods
      const fell = Math.max(0.25, -e.body.bodyLateDb);
      e.membrane = {
        ...membraneCue(this.modeAfter, this.modeBefore, e.body.bodyHz, this.rate),
        decayPeriods: e.body.bodyHz * (b / this.rate) * (20 / fell),
      };
    }
  }

  /** Events whose feature window is in (or the stream ended) become hits. */
  private settle(atEnd: boolean): void {
    const window = Math.round(S.decayWindowMs.value);
    while (this.events.length && (atEnd || this.ticks > this.events[0]!.tick + window)) {
      const e = this.events.shift()!;
      const next = this.events[0]?.tick ?? this.cluster?.tick ?? Infinity;
      const f: StemFeatures = {
        ...this.features(e.tick, Math.min(e.tick + window, next, this.ticks)),
        centroidHz: e.centroidHz,
        flatness: e.flatness,
        lateCentroidHz: e.lateCentroidHz,
        lateDb: e.lateDb,
        lateFlatness: e.lateFlatness,
        ...(e.body ? e.body : {}),
        ...(e.membrane ? e.membrane : {}),
        nextMs: next - e.tick,
      };
      const start = this.refineStart(e.tick);
      const peakTicks = Math.round(DETECT_PARAMETERS.peakWindowMs.value);
      let peak = 0;
      for (let k = e.tick; k < e.tick + peakTicks && k < this.ticks; k++) peak = Math.max(peak, this.at(this.raw, k));
      let top = 0;
      for (let k = e.tick; k < e.tick + peakTicks && k < this.ticks; k++)
        top = Math.max(top, this.at(this.bandPeak[NB - 1]!, k));
      this.found.push({ start, peak, top, rise: e.rise, features: f });
    }
  }

  /** The sample where the transient starts: the first at `startFraction` of the peak, clear of what rang before. */
  private refineStart(tick: number): number {
    const t0 = tick * this.tick;
    const from = Math.max(t0 - 2 * this.tick, this.n - this.ring.length + 1);
    const peakTo = Math.min(this.n, t0 + Math.round(0.005 * this.rate), from + this.ring.length - 1);
    let peak = 0;
    for (let i = from; i < peakTo; i++) peak = Math.max(peak, Math.abs(this.ring[i & this.mask]!));
    const scan = Math.round(0.003 * this.rate);
    const threshold = DETECT_PARAMETERS.startFraction.value * peak;
    for (let i = from; i < peakTo; i++) {
      const v = Math.abs(this.ring[i & this.mask]!);
      if (v < threshold) continue;
      let before = 0;
      for (let j = Math.max(i - scan, this.n - this.ring.length + 1); j < i; j++)
        before = Math.max(before, Math.abs(this.ring[j & this.mask]!));
      if (v > 1.5 * before) return i;
    }
    return t0;
  }

  /**
   * What is new in each band at tick t0 (up to the next hit at tick `end`) and how fast that excess over
   * what rang before decays; NaN when the next hit comes too soon to tell.
   */
  private features(t0: number, end: number): StemFeatures {
    const attackEnd = Math.min(t0 + Math.round(S.attackMs.value), Math.max(end, t0 + 2));
    const added: number[] = [];
    const decay: number[] = [];
    const w = 5;
    for (let b = 0; b < NB; b++) {
      const before = Math.round(b === 0 ? S.lowBeforeMs.value : S.beforeMs.value);
      const prior = this.mean(b, t0 - before - 1, t0 - 1);
      // a band counts only where it clearly rose (a kick's tail beating under a hat is no low end of the hat)
      const after = this.mean(b, t0, attackEnd);
      added.push(after >= prior * 10 ** (S.minGainDb.value / 10) ? after - prior : 0);
      // decay: the 5-tick energy over the prior level, from its peak in the attack to `decayDb` below it
      // (extrapolated from how far it fell when the next hit comes first)
      const e = (k: number) => this.mean(b, k, k + w) - prior;
      let pk = 0;
      let pkAt = t0;
      for (let k = t0; k < attackEnd && k + w <= end; k++)
        if (e(k) > pk) {
          pk = e(k);
          pkAt = k;
        }
      let ms = NaN;
      if (pk > 0) {
        const drop = pk * 10 ** (-S.decayDb.value / 10);
        let k = pkAt;
        while (k + w < end && e(k + 1) >= drop) k++;
        if (k + w < end) ms = k + 1 - pkAt;
        else if (k - pkAt >= S.minDecaySpanMs.value) {
          const fell = 10 * Math.log10(pk / Math.max(e(k), pk * 1e-6));
          ms = Math.min(S.decayWindowMs.value * 4, ((k - pkAt) * S.decayDb.value) / Math.max(fell, 0.25));
        }
      }
      decay.push(ms);
    }
    const total = added.reduce((s, v) => s + v, 0);
    // how much keeps ringing above midHz (h-dxcls6): the wires and top bands' energy just before ringMs (or just
    // before the next hit, when that comes sooner but not before minRingMs) against their loudest 5 ticks in the
    // attack; what rang before is not taken out (a ride struck while it rings keeps ringing)
    const R = STEM_RING_PARAMETERS;
    const metal = (k: number, n: number) => this.mean(2, k, k + n) + this.mean(3, k, k + n);
    let metalPeak = 0;
    for (let k = t0; k < attackEnd; k++) metalPeak = Math.max(metalPeak, metal(k, w));
    const ringAt = Math.min(end, t0 + Math.round(R.ringMs.value));
    const ringDb =
      ringAt - t0 >= R.minRingMs.value && metalPeak > 0
        ? 10 * Math.log10((metal(ringAt - 10, 10) + 1e-20) / metalPeak)
        : NaN;
    // the click (h-dx72; only with the cue, h-dx73): the wires and top bands' first clickMs against the low and body
    // bands over the attack
    const clickEnd = t0 + Math.max(1, Math.round(M.clickMs.value));
    const click = () => this.mean(2, t0, clickEnd) + this.mean(3, t0, clickEnd);
    const bodyAttack = () => this.mean(0, t0, attackEnd) + this.mean(1, t0, attackEnd);
    const clickDb = this.membrane ? 10 * Math.log10((click() + 1e-20) / (bodyAttack() + 1e-20)) : undefined;
    const priorTop = this.mean(3, t0 - Math.round(S.beforeMs.value) - 1, t0 - 1);
    const topPeak = this.mean(3, t0, attackEnd);
    // the rise: from the start to the peak of the broadband energy (5-tick means) within the attack window
    let risePeak = -1;
    let riseMs = 0;
    for (let k = t0; k + w <= Math.max(end, t0 + w) && k < t0 + Math.round(S.riseWindowMs.value); k++) {
      let e = 0;
      for (let b = 0; b < NB; b++) e += this.mean(b, k, k + w);
      if (e > risePeak) {
        risePeak = e;
        riseMs = k - t0;
      }
    }
    return {
      riseMs,
      ringDb,
      ringAtMs: ringAt - t0,
      priorTopDb: 10 * Math.log10((priorTop + 1e-20) / (topPeak + 1e-20)),
      share: added.map((v) => (total > 0 ? v / total : 0)),
      addedDb: added.map((v) => 10 * Math.log10(v + 1e-20)),
      decayMs: decay,
      clickDb,
    };
  }
}

/**
 * The second pass over the stem's hits (a few values each): what the stem says as a whole, then each hit's class.
 * A kit's hats are alike: the median centroid of its clear hats (classify.ts isClearHat) is the reference a
 * brushed snare lies an octave or more below. A kit whose hats ring low (electronic ticks, lo-fi hats: hardly
 * anything above highHz) has no clear hats; its hits without drum body are then mostly its hats, and their median
 * centroid is the reference (the absolute brushCentroidHz called such hats brushes).
 */
export function classifyStemHits(found: FoundHit[], rate: number): StemHit[] {
  const hits: StemHit[] = [];
  const median = (ok: (f: StemFeatures) => boolean) => {
    const v = found
      .filter((h) => ok(h.features) && Number.isFinite(h.features.centroidHz))
      .map((h) => h.features.centroidHz!);
    return v.length >= STEM_CLASS_PARAMETERS.minStemHats.value ? kthSmallest(v, v.length >> 1) : undefined;
  };
  const clear = median(isClearHat);
  const noBody = clear === undefined ? median(hasNoBody) : undefined;
  const stem: StemContext =
    clear !== undefined
      ? { hatCentroidHz: clear, hatReference: 'clear hats' }
      : noBody !== undefined
        ? { hatCentroidHz: noBody, hatReference: 'no-body hits' }
        : {};
  // the stem's tonal kicks: what a kick adds below lowHz, and its body over that; a stem with too few (every kick
  // under a hat: disco) takes its hits adding at least half a kick's share below lowHz whose kick band is within
  // kickLikeDb of the loudest such (its kicks, with whatever is struck with them)
  const C = STEM_CLASS_PARAMETERS;
  let kicks = found.filter((h) => isTonalKick(h.features)).map((h) => h.features);
  if (kicks.length < C.minStemHats.value) {
    const low = found.filter((h) => h.features.share[0]! >= C.kickLowShare.value / 2);
    const loudest = Math.max(...low.map((h) => h.features.addedDb[0]!));
    kicks = low.filter((h) => h.features.addedDb[0]! >= loudest - C.kickLikeDb.value).map((h) => h.features);
    if (kicks.length >= C.minStemHats.value) stem.kickReference = 'kick-band hits';
  } else stem.kickReference = 'tonal kicks';
  if (kicks.length >= C.minStemHats.value) {
    const mid = (v: number[]) => kthSmallest(v, v.length >> 1);
    stem.kickLowDb = mid(kicks.map((f) => f.addedDb[0]!));
    stem.kickBodyOverLowDb = mid(kicks.map((f) => f.addedDb[1]! - f.addedDb[0]!));
    const centroids = kicks.map((f) => f.centroidHz ?? NaN).filter(Number.isFinite);
    if (centroids.length >= C.minStemHats.value) stem.kickCentroidHz = mid(centroids);
  }
  const verdicts = found.map((h) => classifyStemHit(h.features, stem));
  const R = STEM_RING_PARAMETERS;
  found.forEach((h, k) => {
    // a kick + hat split in two (h-dxcls6): the hat's top triggers first, the kick band (smoothed longer) a few ms
    // later; the first part, read as a snare or tom from the kick's body starting under it, adds noise (the hat)
    const next = found[k + 1];
    const cls = verdicts[k]!.main.cls;
    const flat = h.features.flatness ?? NaN;
    if ((cls !== 'snare' && cls !== 'tom') || !next || verdicts[k + 1]!.main.cls !== 'kick') return;
    if (!(next.start - h.start <= (R.splitMs.value / 1000) * rate) || !(flat >= R.splitHatFlatness.value)) return;
    const why =
      `a kick follows ${((1000 * (next.start - h.start)) / rate).toFixed(1)} ms ` +
      `later (≤ ${R.splitMs.value}) and what it adds is noise (flatness ${flat.toFixed(3)} ≥ ` +
      `${R.splitHatFlatness.value}): the hat of a kick + hat whose kick band triggered later`;
    relabel(verdicts, k, 'hihat', 0.5, why);
  });
  bySnarelessStem(found, verdicts);
  bySnareReference(found, verdicts);
  const toms = lateReference(found, verdicts, 'tom');
  bySnareTiming(found, verdicts);
  byTomReference(found, verdicts, toms);
  byRideRing(found, verdicts);
  byLowTom(found, verdicts, stem);
  byTomPitch(found, verdicts);
  byLowPartial(found, verdicts);
  byWiresAlone(found, verdicts);
  byKickLate(found, verdicts, rate);
  byTomLate(found, verdicts);
  byTomClick(found, verdicts);
  byKickGlide(found, verdicts);
  byStruckWithKick(found, verdicts);
  byCymbalRing(found, verdicts);
  byCymbalOverSnares(found, verdicts);
  byCymbalHatless(found, verdicts);
  byTomClearSnares(found, verdicts);
  byBrushDecay(found, verdicts);
  byTomGlide(found, verdicts);
  byKickRingGlide(found, verdicts);
  byHatShellRing(found, verdicts);
  const heard = verdicts.map((v) => v.main.cls);
  byHatPartial(found, verdicts);
  byBellRing(found, verdicts, heard);
  byMaskedKick(found, verdicts, rate);
  found.forEach((h, k) => {
    const verdict = verdicts[k]!;
    hits.push({
      start: h.start,
      peak: h.peak,
      rise: h.rise,
      ...verdict.main,
      features: h.features,
      secondary: false,
    });
    if (verdict.second)
      hits.push({
        start: h.start,
        peak: h.top,
        rise: h.rise,
        ...verdict.second,
        features: h.features,
        secondary: true,
      });
  });
  if (STEM_MODEL_PARAMETERS.useModel.value >= 0.5) {
    applyStemModel(hits, undefined, rate);
    applyKicklessStem(hits);
    applyFloorTomCluster(hits);
  }
  return hits;
}

/**
 * Toms measured against the stem's own snares (h-dxcls7): a hit the band rule calls a tom (its top band dies within
 * snareTopDecayMs: no wires heard) whose added spectrum centres at or above tomSnareRatio of the median centroid of
 * the stem's snares (at least minStemSnares of them), and whose body band (lowHz–midHz) dies within tomBodyDecayMs, is
 * pitched and damped like them: a snare whose wires were masked or short, not a tom (a kit's toms sit below its snare
 * and ring on). In place on `verdicts`.
 */
function bySnareReference(found: FoundHit[], verdicts: StemVerdict[]): void {
  const ratio = STEM_SNARE_PARAMETERS.tomSnareRatio.value;
  const maxBody = STEM_SNARE_PARAMETERS.tomBodyDecayMs.value;
  const snares = found
    .filter((h, k) => verdicts[k]!.main.cls === 'snare' && Number.isFinite(h.features.centroidHz))
    .map((h) => h.features.centroidHz!);
  if (snares.length < STEM_SNARELESS_PARAMETERS.minStemSnares.value) return;
  const ref = kthSmallest(snares, snares.length >> 1);
  verdicts.forEach((v, k) => {
    const c = found[k]!.features.centroidHz ?? NaN;
    const body = found[k]!.features.decayMs[1]!;
    if (v.main.cls !== 'tom' || !(c >= ratio * ref) || body >= maxBody) return;
    const rings = bodyRings(found[k]!.features);
    if (rings) {
      verdicts[k] = { ...v, main: { ...v.main, reason: `${v.main.reason}; ${rings}` } };
      return;
    }
    const why =
      `it centres at ${c.toFixed(0)} Hz, ≥ ${ratio} of the stem's ${snares.length} snares ` +
      `(${ref.toFixed(0)} Hz), and its body band dies within ${maxBody} ms ` +
      `(${Number.isFinite(body) ? body.toFixed(0) : '?'} ms; a tom rings on): pitched like them, a snare`;
    relabel(verdicts, k, 'snare', Math.log2(c / (ratio * ref)), why);
  });
}

/**
 * Snares read as hats in a stem without snares (h-dxcls9): a stem of 16th snares with few hats (a train beat, a
 * cadence, a blast beat) has no clear hats, so its snares are its hat reference, and a snare whose wires lift its
 * centroid above hatCentroidHz reads as "a hat with a low ring". A kit is rarely played without a snare: when fewer
 * than minStemSnares hits are snares, those "hats" (drum body, centred at or above hatCentroidHz) that ring little
 * above highHz (under brushTopShare, where a hat rings), add the wires' band (midHz–highHz, at least
 * snarelessWiresShare) and whose body band rings at least hatBodyDecayMs — a head's ring, where a hat's low ring dies
 * in a few ms — are snares (h-dxcls11: the top and wires tests let the body edge fall from 45 to 12 ms: the FM and
 * waveguide snares' heads ring 20–40 ms; a lo-fi hat whose ring lies wholly below midHz adds no wires). In place on
 * `verdicts`.
 */
function bySnarelessStem(found: FoundHit[], verdicts: StemVerdict[]): void {
  const C = STEM_CLASS_PARAMETERS;
  const minSnares = STEM_SNARELESS_PARAMETERS.minStemSnares.value;
  const edge = STEM_SNARELESS_PARAMETERS.hatBodyDecayMs.value;
  const wires = STEM_SNARELESS_PARAMETERS.snarelessWiresShare.value;
  const snares = verdicts.filter((v) => v.main.cls === 'snare').length;
  if (snares >= minSnares) return;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const body = f.decayMs[1]!;
    // only "a hat with a low ring" (drum body, centred at or above hatCentroidHz) that rings little above highHz
    if (v.main.cls !== 'hihat' || v.second || hasNoBody(f) || !(f.centroidHz! >= C.hatCentroidHz.value)) return;
    if (!(f.share[3]! < C.brushTopShare.value) || !(f.share[2]! >= wires) || !(body >= edge)) return;
    const why =
      `the stem has ${snares} snares (< ${minSnares}), it adds ${pct(f.share[3]!)} above ` +
      `${S.highHz.value} Hz (< ${pct(C.brushTopShare.value)}) and ${pct(f.share[2]!)} between ${S.midHz.value} ` +
      `and ${S.highHz.value} Hz (≥ ${pct(wires)}: wires), and its body band rings ${body.toFixed(0)} ms ` +
      `(≥ ${edge}): a drum head, the stem's snare`;
    relabel(verdicts, k, 'snare', Math.log2(body / edge), why);
  });
}

type StemVerdict = ReturnType<typeof classifyStemHit>;

/**
 * A second-pass rule's verdict on hit `k` (h-relabel38): its main piece becomes `cls`, with a confidence of at most
 * its first reading's and `strength` (capped at 1, to the hundredth), and a reason of its first reading's followed by
 * "; but " and `why` (what the rule saw). A second piece heard with it stays. In place on `verdicts`.
 */
function relabel(verdicts: StemVerdict[], k: number, cls: HitClass, strength: number, why: string): void {
  const v = verdicts[k]!;
  const main = {
    cls,
    confidence: Math.min(v.main.confidence, Math.round(100 * Math.min(1, strength)) / 100),
    reason: `${v.main.reason}; but ${why}`,
  };
  verdicts[k] = v.second ? { main, second: v.second } : { main };
}

/**
 * A tom's membrane ringing on (h-dxcls19): when the hit's body partial (bodyPartial) still holds at least tomBodyRingDb
 * of its power in the second body window, and the next hit comes after both windows, the reason it stays a tom
 * against the stem's snare references; else undefined. In a stem of toms (a surdo part, a tom groove) those
 * references are themselves toms the first rules read as snares, so "pitched like the stem's snares" or "dying like
 * them" says nothing; a snare's head, damped by its wires, has fallen further by then.
 */
function bodyRings(f: StemFeatures): string | undefined {
  const late = f.bodyLateDb ?? NaN;
  const edge = STEM_BODY_PARAMETERS.tomBodyRingDb.value;
  if (!(late >= edge) || !((f.nextMs ?? Infinity) >= 2 * S.bodyMs.value)) return undefined;
  return (
    `its body partial at ${(f.bodyHz ?? NaN).toFixed(0)} Hz still holds ${late.toFixed(1)} dB of its power ` +
    `${S.bodyMs.value} ms on (≥ ${edge}): a membrane ringing on, a tom, whatever the stem's snares are like`
  );
}

/**
 * Kicks read as snares (h-dxcls19): a hit whose first rules or the stem's snare references made a snare, but whose
 * body partial (bodyPartial) lies at or below kickPartialHz and carries at least kickPartialShare of what it adds
 * between bodyLoHz and bodyHiHz, and whose kick band rose (at least kickPartialLowShare of what it adds below lowHz:
 * not the tail of a kick struck before), is a kick: one low partial is a kick's fundamental (a snare's head sits at
 * 150–300 Hz with its wires spread above). A cymbal heard with it stays its second. In place on `verdicts`.
 */
function byLowPartial(found: FoundHit[], verdicts: StemVerdict[]): void {
  const B = STEM_BODY_PARAMETERS;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const hz = f.bodyHz ?? NaN;
    const share = f.bodyPeakShare ?? NaN;
    const low = f.share[0]!;
    if (v.main.cls !== 'snare' || !(hz <= B.kickPartialHz.value) || !(share >= B.kickPartialShare.value)) return;
    if (!(low >= B.kickPartialLowShare.value)) return;
    const why =
      `its body partial lies at ${hz.toFixed(0)} Hz (≤ ${B.kickPartialHz.value}) and carries ` +
      `${pct(share)} of what it adds between ${S.bodyLoHz.value} and ${S.bodyHiHz.value} Hz (≥ ` +
      `${pct(B.kickPartialShare.value)}), and ${pct(low)} of what it adds lies below ${S.lowHz.value} Hz (≥ ` +
      `${pct(B.kickPartialLowShare.value)}): one low partial struck now, a kick's fundamental`;
    const strength = Math.min(Math.log2(B.kickPartialHz.value / hz), (share - B.kickPartialShare.value) / 0.1);
    relabel(verdicts, k, 'kick', strength, why);
  });
}

/**
 * Wires heard without their head (h-dxcls26): a hit read as a hat that adds little above highHz (under
 * wiresAloneTopShare), centres low (under wiresAloneCentroidHz), adds at least wiresAloneShare in the wires band
 * (midHz–highHz), whose wires band rings at least wiresAloneDecayMs, whose broadband energy peaks within
 * wiresAloneRiseMs of its start and which has died to wiresAloneLateDb lateMs on is a snare: its wires struck while
 * its head still rings from the stroke before (a 16th train, a blast beat) or masked. No stem reference: in those
 * stems the hat reference is those snares. A cymbal heard with it stays its second. In place on `verdicts`.
 */
function byWiresAlone(found: FoundHit[], verdicts: StemVerdict[]): void {
  const W = STEM_WIRES_ALONE_PARAMETERS;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const top = f.share[3]!;
    const wires = f.share[2]!;
    const c = f.centroidHz ?? NaN;
    const decay = f.decayMs[2]!;
    const rise = f.riseMs ?? NaN;
    if (v.main.cls !== 'hihat' || !(top < W.wiresAloneTopShare.value) || !(c < W.wiresAloneCentroidHz.value)) return;
    if (!(wires >= W.wiresAloneShare.value) || !(decay >= W.wiresAloneDecayMs.value)) return;
    const late = f.lateDb ?? NaN;
    if (!(rise <= W.wiresAloneRiseMs.value) || !(late <= W.wiresAloneLateDb.value)) return;
    const why =
      `it adds only ${pct(top)} above ${S.highHz.value} Hz (< ` +
      `${pct(W.wiresAloneTopShare.value)}), centres at ${c.toFixed(0)} Hz (< ` +
      `${W.wiresAloneCentroidHz.value}), adds ` +
      `${pct(wires)} between ${S.midHz.value} and ${S.highHz.value} Hz (≥ ${pct(W.wiresAloneShare.value)}) ringing ` +
      `${decay.toFixed(0)} ms (≥ ${W.wiresAloneDecayMs.value}) and peaks ${rise.toFixed(0)} ms after its start (≤ ` +
      `${W.wiresAloneRiseMs.value}), ${late.toFixed(1)} dB under it ${S.lateMs.value} ms on (≤ ` +
      `${W.wiresAloneLateDb.value}: died away): a snare's wires struck without their head`;
    const strength = Math.min(Math.log2(W.wiresAloneCentroidHz.value / c), decay / W.wiresAloneDecayMs.value - 1);
    relabel(verdicts, k, 'snare', strength, why);
  });
}

/**
 * Every family struck at an instant (h-dxcls27): a hit read as a kick with no second piece whose wires band
 * (midHz–highHz) or top band (above highHz) adds within togetherDb under what its kick band adds, and rings there at
 * least togetherDecayMs (a beater's click dies sooner), was struck with a second piece, reported as a second hit at
 * the same time: a snare when its wires band adds at least togetherWiresDb over its top band (a snare's wires), a hat
 * otherwise, a cymbal when that band still rings cymbalDecayMs on. In place on `verdicts`.
 */
function byStruckWithKick(found: FoundHit[], verdicts: StemVerdict[]): void {
  const T = STEM_TOGETHER_PARAMETERS;
  // the stem's own hats (h-dxcls29): the median of what they add above highHz, the level a hat struck with a kick adds
  const hatTops = found.filter((_, k) => verdicts[k]!.main.cls === 'hihat').map((h) => h.features.addedDb[3]!);
  const hatTop =
    hatTops.length >= STEM_CLASS_PARAMETERS.minStemHats.value ? kthSmallest(hatTops, hatTops.length >> 1) : NaN;
  verdicts.forEach((v, k) => {
    if (v.main.cls !== 'kick' || v.second) return;
    const f = found[k]!.features;
    const [low, , wires, top] = f.addedDb as [number, number, number, number];
    const band = wires >= top ? 2 : 3;
    const over = Math.max(wires, top) - low;
    const ring = f.decayMs[band]!;
    if (!(over >= -T.togetherDb.value)) return;
    // a closed hat dies sooner than togetherDecayMs (h-dxcls29): its top band's rise over what rang before and its
    // level against the stem's hats tell it from a beater's click
    const rose = -(f.priorTopDb ?? NaN);
    const short = !(ring >= T.togetherDecayMs.value);
    if (short && !(rose >= T.togetherRiseDb.value && top >= hatTop - T.togetherHatDb.value)) return;
    // a snare's wires ring on: a second that dies sooner than togetherDecayMs is a closed hat (h-dxcls29)
    const snare = !short && wires - top >= T.togetherWiresDb.value;
    // a band still ringing cymbalDecayMs on is a cymbal's (classify.ts): a ride when its top leads, a crash otherwise;
    // either band (h-dxcls30: a ride's top rings on where its wires band, the louder at the stroke, dies first)
    const cymbal = Math.max(ring, f.decayMs[5 - band]!) >= STEM_CLASS_PARAMETERS.cymbalDecayMs.value;
    const name = band === 2 ? `${S.midHz.value}–${S.highHz.value} Hz` : `above ${S.highHz.value} Hz`;
    const rings = short
      ? `dies in ${Number.isFinite(ring) ? ring.toFixed(0) + ' ms' : 'an unknown time'} ` +
        `(< ${T.togetherDecayMs.value}) ` +
        `but its top band rose ${rose.toFixed(1)} dB over what rang (≥ ${T.togetherRiseDb.value}) to ` +
        `${(hatTop - top).toFixed(1)} dB under the stem's hats (≤ ${T.togetherHatDb.value})`
      : `rings ${ring.toFixed(0)} ms (≥ ${T.togetherDecayMs.value})`;
    verdicts[k] = {
      main: v.main,
      second: {
        cls: cymbal ? (band === 3 ? 'ride' : 'crash') : snare ? 'snare' : 'hihat',
        confidence: short
          ? Math.round(100 * Math.min(0.5, (over + T.togetherDb.value) / 6, (rose - T.togetherRiseDb.value) / 6)) / 100
          : Math.round(100 * Math.min(1, (over + T.togetherDb.value) / 6, ring / T.togetherDecayMs.value - 1)) / 100,
        reason:
          `struck with the kick: ${name} it adds ${(-over).toFixed(1)} dB under its kick band ` +
          `(≤ ${T.togetherDb.value}) and ${rings}; ` +
          (cymbal
            ? `≥ ${STEM_CLASS_PARAMETERS.cymbalDecayMs.value} ms: a cymbal`
            : short
              ? 'too short for a snare: a hat'
              : `its wires band adds ${(wires - top).toFixed(1)} dB over its top band (${snare ? '≥' : '<'} ` +
                `${T.togetherWiresDb.value}): ${snare ? 'a snare' : 'a hat'}`),
      },
    };
  });
}

/**
 * Swept kicks read as toms or snares by their pitch's fall (h-dxkick37): a synthesized kick whose pitch falls fast (a
 * phase-distortion resonance wave, an 808-style sweep) adds in its first bodyMs a bright formant in the body band, so
 * the band rule reads a tom (a snare with a cymbal over it); bodyMs on its strongest partial has slid down to the
 * kick's low harmonics, and lateMs on it still rings. A hit read as a tom or snare whose body partial lies at least
 * kickGlideRatio above its second window's strongest peak, that peak between bodyLoHz and kickGlideEndHz, that adds at
 * least kickGlideBodyShare below midHz (a snare or hat whose noise lifts the second window's low bins adds its energy
 * higher) and rings at least kickGlideLateDb lateMs on is a candidate; it is a kick when its body partial lies at most
 * kickGlideTolerance above the median body partial of the stem's kicks (the hits read as kicks; with the candidates
 * when there are fewer than minStemHats): a tom that glides starts above the stem's kick. A second piece heard with it
 * stays. In place on `verdicts`.
 */
function byKickGlide(found: FoundHit[], verdicts: StemVerdict[]): void {
  const G = STEM_KICK_GLIDE_PARAMETERS;
  const ratio = G.kickGlideRatio.value;
  if (!(ratio > 0)) return;
  const glides = (k: number) => {
    const f = found[k]!.features;
    const hz = f.bodyHz ?? NaN;
    const late = f.bodyLateHz ?? NaN;
    return (
      hz >= ratio * late &&
      late >= S.bodyLoHz.value &&
      late <= G.kickGlideEndHz.value &&
      f.share[0]! + f.share[1]! >= G.kickGlideBodyShare.value &&
      (f.lateDb ?? NaN) >= G.kickGlideLateDb.value
    );
  };
  const candidates = verdicts.map((v, k) => (v.main.cls === 'tom' || v.main.cls === 'snare') && glides(k));
  // the stem's kicks: the hits read as kicks (with the candidates when it has too few); their median body partial
  const partials = (ok: (k: number) => boolean) =>
    found.filter((h, k) => ok(k) && Number.isFinite(h.features.bodyHz ?? NaN)).map((h) => h.features.bodyHz!);
  const min = STEM_CLASS_PARAMETERS.minStemHats.value;
  const read = partials((k) => verdicts[k]!.main.cls === 'kick');
  const pool = read.length >= min ? read : partials((k) => verdicts[k]!.main.cls === 'kick' || candidates[k]!);
  if (pool.length < min) return;
  const ref = kthSmallest(pool, pool.length >> 1);
  const edge = (1 + G.kickGlideTolerance.value) * ref;
  verdicts.forEach((v, k) => {
    if (!candidates[k]) return;
    const f = found[k]!.features;
    const hz = f.bodyHz!;
    const late = f.bodyLateHz!;
    const body = f.share[0]! + f.share[1]!;
    if (!(hz <= edge)) return;
    const why =
      `its body partial at ${hz.toFixed(0)} Hz fell to ${late.toFixed(0)} Hz ` +
      `${S.bodyMs.value} ms on (≥ ${ratio}×, ${S.bodyLoHz.value}–${G.kickGlideEndHz.value} Hz), it adds ` +
      `${pct(body)} below ${S.midHz.value} Hz (≥ ${pct(G.kickGlideBodyShare.value)}) and its body partial lies ` +
      `within ${G.kickGlideTolerance.value} above the stem's ${pool.length} kicks' ${ref.toFixed(0)} Hz (median` +
      `${pool === read ? '' : ', with those like it'}): a swept kick's pitch sliding down out of the body band`;
    relabel(verdicts, k, 'kick', Math.log2(hz / late / ratio) + 0.5, why);
  });
}

/**
 * Kicks read as snares by what rings after them (h-dxcls26): a hit read as a snare that adds under
 * kickLateWiresShare in the wires band (midHz–highHz) and whose late spectrum (lateMs on) centres below
 * kickLateCentroidHz is a kick: a kick struck with a hat or cymbal (whose top and the kick's body made the band rule
 * say snare), or one whose fundamental sits in the body band; a snare's wires or head still ring higher by then. A
 * cymbal heard with it stays its second. In place on `verdicts`.
 */
function byKickLate(found: FoundHit[], verdicts: StemVerdict[], rate: number): void {
  const K = STEM_KICK_LATE_PARAMETERS;
  const split = STEM_RING_PARAMETERS.splitMs.value;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const wires = f.share[2]!;
    const late = f.lateCentroidHz ?? NaN;
    if (v.main.cls !== 'snare' || !(wires < K.kickLateWiresShare.value) || !(late < K.kickLateCentroidHz.value)) return;
    // not the other part of a kick already found (a split within splitMs): that kick is the hit
    const near = (j: number) =>
      verdicts[j]?.main.cls === 'kick' && Math.abs(found[j]!.start - found[k]!.start) <= (split / 1000) * rate;
    if (near(k - 1) || near(k + 1)) return;
    const why =
      `it adds only ${pct(wires)} between ${S.midHz.value} and ${S.highHz.value} Hz (< ` +
      `${pct(K.kickLateWiresShare.value)}: no wires) and ${S.lateMs.value} ms on it centres at ` +
      `${late.toFixed(0)} Hz ` +
      `(< ${K.kickLateCentroidHz.value}): a kick's ring`;
    relabel(verdicts, k, 'kick', Math.log2(K.kickLateCentroidHz.value / late), why);
  });
}

/**
 * Toms read as snares by what rings after them (h-dxtom31): a sampled tom whose attack is bright — its top band
 * rattling on, a stick's crack, or a decay the next hit cut short — reads as a snare from its bands; lateMs on, though,
 * only its body rings, low, where a snare's wires still rattle. A hit read as a snare whose late spectrum centres at or
 * below tomLateRatio of the stem's snares' median late centroid (lateReference, at least minStemSnares) and at or below
 * tomLateHz, and whose top band dies within snareTopDecayMs (or could not be measured before the next hit), is a tom.
 * The stem's snares are its reference: in a stem of toms alone, those "snares" are toms and none lies far under them.
 * A second piece heard with it stays. In place on `verdicts`.
 */
function byTomLate(found: FoundHit[], verdicts: StemVerdict[]): void {
  const ref = lateReference(found, verdicts, 'snare');
  if (!ref) return;
  const T = STEM_TOM_LATE_PARAMETERS;
  const edge = Math.min(T.tomLateRatio.value * ref.hz, T.tomLateHz.value);
  const wires = STEM_CLASS_PARAMETERS.snareTopDecayMs.value;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const late = f.lateCentroidHz ?? NaN;
    const top = f.decayMs[3]!;
    if (v.main.cls !== 'snare' || !(late <= edge) || top >= wires) return;
    const why =
      `${S.lateMs.value} ms on it centres at ${late.toFixed(0)} Hz, ` +
      `≤ ${T.tomLateRatio.value}× the stem's ${ref.n} snares' late centroid (${ref.hz.toFixed(0)} Hz) and ` +
      `≤ ${T.tomLateHz.value} Hz, and its top band dies in ` +
      `${Number.isFinite(top) ? top.toFixed(0) + ' ms' : 'an unknown time'} (< ${wires}): no wires rattling on, ` +
      `a tom's body ringing low`;
    relabel(verdicts, k, 'tom', Math.log2(edge / late), why);
  });
}

/** The median late centroid of the hits read as `cls` and how many gave it (undefined below minStemSnares). */
function lateReference(
  found: FoundHit[],
  verdicts: StemVerdict[],
  cls: HitClass,
): { hz: number; n: number } | undefined {
  const v = found
    .filter((h, k) => verdicts[k]!.main.cls === cls && Number.isFinite(h.features.lateCentroidHz))
    .map((h) => h.features.lateCentroidHz!);
  return v.length >= STEM_SNARELESS_PARAMETERS.minStemSnares.value
    ? { hz: kthSmallest(v, v.length >> 1), n: v.length }
    : undefined;
}

/**
 * Toms that are snares by what rings after them (h-dxcls14): lateMs after a snare its wires still rattle, so its
 * late spectrum centres high (the stem's snares': median ≈ 1 kHz on the tuning material), where a tom's body rings
 * low (≈ 180 Hz). A hit the band rule calls a tom whose late spectrum centres at or above snareLateRatio of the
 * stem's snares' median late centroid is a snare whose wires the band rule missed (short, masked, or a struck-in
 * ring), when that late spectrum lies at least snareLateDb under its first (a tom's body rings on near its first
 * level; a snare has died away). In place on `verdicts`.
 */
function bySnareTiming(found: FoundHit[], verdicts: StemVerdict[]): void {
  const ref = lateReference(found, verdicts, 'snare');
  if (!ref) return;
  const ratio = STEM_SNARE_TIMING_PARAMETERS.snareLateRatio.value;
  const edge = ratio * ref.hz;
  const maxLateDb = STEM_SNARE_TIMING_PARAMETERS.snareLateDb.value;
  verdicts.forEach((v, k) => {
    const late = found[k]!.features.lateCentroidHz ?? NaN;
    const lateDb = found[k]!.features.lateDb ?? NaN;
    if (v.main.cls !== 'tom' || !(late >= edge) || !(lateDb <= maxLateDb)) return;
    const rings = bodyRings(found[k]!.features);
    if (rings) {
      if (!v.main.reason.includes('its body partial'))
        verdicts[k] = { ...v, main: { ...v.main, reason: `${v.main.reason}; ${rings}` } };
      return;
    }
    const why =
      `${S.lateMs.value} ms on it still centres at ${late.toFixed(0)} Hz, ≥ ${ratio} of the ` +
      `stem's ${ref.n} snares' late centroid (${ref.hz.toFixed(0)} Hz), ${lateDb.toFixed(1)} dB under its first ` +
      `(≤ ${maxLateDb}: dying away, not a tom's ringing body): wires still rattling, a snare`;
    relabel(verdicts, k, 'snare', Math.log2(late / edge), why);
  });
}

/**
 * Brushes that are toms struck into their own ring (h-dxcls14): a tom struck again while its body still rings adds
 * nothing new in its body band (under minGainDb), only its attack's brightness, so it reads "no drum body, little
 * above highHz: brushes". After the attack, though, its body rings on: its late spectrum centres low, like the
 * stem's toms' (their median late centroid, `toms`, taken before bySnareTiming), where a brush's swish stays
 * broadband. Such a hit whose late spectrum centres at or below tomBrushRatio of the toms' is a tom. In place on
 * `verdicts`.
 */
function byTomReference(found: FoundHit[], verdicts: StemVerdict[], toms: { hz: number; n: number } | undefined): void {
  if (!toms) return;
  const ratio = STEM_SNARE_TIMING_PARAMETERS.tomBrushRatio.value;
  const edge = ratio * toms.hz;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const late = f.lateCentroidHz ?? NaN;
    if (v.main.cls !== 'snare' || !hasNoBody(f) || !(late <= edge)) return;
    const why =
      `${S.lateMs.value} ms on it centres at ${late.toFixed(0)} Hz, ≤ ${ratio}× the stem's ` +
      `${toms.n} toms' late centroid (${toms.hz.toFixed(0)} Hz): a tom's body still ringing, struck into its ring`;
    relabel(verdicts, k, 'tom', Math.log2(edge / late), why);
  });
}

/**
 * Rides re-struck into their own ring (h-dxcls14): a ride played in 8ths or a cascara never falls quiet, so what a
 * stroke adds over the ring before it decays within cymbalDecayMs as its own, and the band rule reads "no drum body,
 * short: a hat". Two things a closed hat does not do: its top band was still ringing just before it (priorTopDb
 * at least ridePriorDb against its attack) and it still rings above midHz at ringAtMs (ringDb at least
 * rideRingDb). Such a hit is a ride. In place on `verdicts`.
 */
function byRideRing(found: FoundHit[], verdicts: StemVerdict[]): void {
  const ringEdge = STEM_SNARE_TIMING_PARAMETERS.rideRingDb.value;
  const priorEdge = STEM_SNARE_TIMING_PARAMETERS.ridePriorDb.value;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const ring = f.ringDb ?? NaN;
    const prior = f.priorTopDb ?? NaN;
    if (v.main.cls !== 'hihat' || v.second || !hasNoBody(f) || !(ring >= ringEdge) || !(prior >= priorEdge)) return;
    const why =
      `its top band rang ${prior.toFixed(1)} dB before it (≥ ${priorEdge}) and it still ` +
      `rings ${ring.toFixed(1)} dB above ${S.midHz.value} Hz ${(f.ringAtMs ?? NaN).toFixed(0)} ms on (≥ ` +
      `${ringEdge}): a ride re-struck into its own ring`;
    relabel(verdicts, k, 'ride', (ring - ringEdge) / 6, why);
  });
}

/**
 * The stem's kick reference for toms (h-dxtom32): the tomKickQuantile of the body partials of the hits read as kicks
 * so far (at least minStemHats of them) and the mirrored quantile of what their kick band adds. In a tom groove most
 * of those hits are toms (a floor tom on the 8ths, three kicks a bar), so their median is a tom's pitch and level;
 * the lower quartile is still the kick's pitch, the upper quartile its level.
 */
function kickPitchReference(
  found: FoundHit[],
  verdicts: StemVerdict[],
): { hz: number; lowDb: number; n: number } | undefined {
  const kicks = found.filter((h, k) => verdicts[k]!.main.cls === 'kick' && Number.isFinite(h.features.bodyHz));
  const n = kicks.length;
  if (n < STEM_CLASS_PARAMETERS.minStemHats.value) return undefined;
  const q = STEM_TOM_CLICK_PARAMETERS.tomKickQuantile.value;
  const at = (v: number[], p: number) => kthSmallest(v, Math.min(n - 1, Math.max(0, Math.floor(p * n))));
  return {
    hz: at(
      kicks.map((h) => h.features.bodyHz!),
      q,
    ),
    lowDb: at(
      kicks.map((h) => h.features.addedDb[0]!),
      1 - q,
    ),
    n,
  };
}

/**
 * Toms read as kicks by their pitch (h-dxcls30; the reference h-dxtom32's): a kit's toms are tuned above its kick,
 * and a tom rings at its pitch where a kick's pitch falls as it dies. A hit read as a kick whose body partial
 * (bodyPartial) lies at least tomPitchRatio above the stem's kick reference (kickPitchReference), whose second body
 * window's strongest peak still lies at or above tomPitchHeld of it, and whose kick band adds at least tomPitchUnderDb
 * less than the reference's level is a tom. A cymbal heard with it stays its second. In place on `verdicts`.
 */
function byTomPitch(found: FoundHit[], verdicts: StemVerdict[]): void {
  const B = STEM_BODY_PARAMETERS;
  const ref = kickPitchReference(found, verdicts);
  if (!ref) return;
  const edge = B.tomPitchRatio.value * ref.hz;
  const lowEdge = ref.lowDb - B.tomPitchUnderDb.value;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const hz = f.bodyHz ?? NaN;
    const late = f.bodyLateHz ?? NaN;
    const low = f.addedDb[0]!;
    if (v.main.cls !== 'kick' || !(hz >= edge) || !(late >= B.tomPitchHeld.value * hz) || !(low <= lowEdge)) return;
    const why =
      `its body partial lies at ${hz.toFixed(0)} Hz, ≥ ${B.tomPitchRatio.value}× the ` +
      `stem's ${ref.n} kicks' ${ref.hz.toFixed(0)} Hz (their ${STEM_TOM_CLICK_PARAMETERS.tomKickQuantile.value} ` +
      `quantile), still at ${late.toFixed(0)} Hz ${S.bodyMs.value} ms on (≥ ${B.tomPitchHeld.value} of it: its ` +
      `pitch held), and its kick band adds ${low.toFixed(1)} dB, ≤ ${lowEdge.toFixed(1)} (the kicks' ` +
      `${ref.lowDb.toFixed(1)} less ${B.tomPitchUnderDb.value}): a tom`;
    relabel(verdicts, k, 'tom', Math.min(Math.log2(hz / edge), (lowEdge - low) / 6), why);
  });
}

/**
 * Toms read as hats by their stick's click (h-dxtom32): a tom struck into its own ring, or whose body builds slowly,
 * adds over what rang before it only its stick's click (its body band under minGainDb), so the band rule reads "no
 * drum body, short: a hat". What it adds still centres low, its top band dies at once, and its body partial lies
 * above the stem's kicks'. A hit read as a hat whose added spectrum centres at or below tomClickCentroidHz, whose top
 * band dies sooner than tomClickTopMs (or could not be measured), whose next hit comes at least lateMs later (not the
 * first part of a split hit) and whose body partial lies at or above tomClickKickRatio of the stem's kick reference
 * (kickPitchReference; none, no rule) is a tom. In place on `verdicts`.
 */
function byTomClick(found: FoundHit[], verdicts: StemVerdict[]): void {
  const ref = kickPitchReference(found, verdicts);
  if (!ref) return;
  const C = STEM_TOM_CLICK_PARAMETERS;
  const edge = C.tomClickCentroidHz.value;
  const pitch = C.tomClickKickRatio.value * ref.hz;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const c = f.centroidHz ?? NaN;
    const top = f.decayMs[3]!;
    const hz = f.bodyHz ?? NaN;
    if (v.main.cls !== 'hihat' || !(c <= edge) || top >= C.tomClickTopMs.value) return;
    if ((f.nextMs ?? Infinity) < S.lateMs.value || !(hz >= pitch)) return;
    const why =
      `what it adds centres at ${c.toFixed(0)} Hz (≤ ${edge}), its top band dies in ` +
      `${Number.isFinite(top) ? top.toFixed(0) + ' ms' : 'an unknown time'} (< ${C.tomClickTopMs.value}) and its ` +
      `body partial lies at ${hz.toFixed(0)} Hz, ≥ ${C.tomClickKickRatio.value}× the stem's ${ref.n} kicks' ` +
      `${ref.hz.toFixed(0)} Hz: a stick's click over a tom's body`;
    relabel(verdicts, k, 'tom', Math.log2(edge / c), why);
  });
}

/**
 * Toms read as snares against the stem's clear snares (h-dxtom35; h-dxtom33's byTomWires took its reference from every
 * hit read as a snare, and on cymbal stems those are cymbals read as brushes): a sampled tom with a bright attack, a
 * tom struck into its ring or a noisy synth tom reads as a snare from its bands. The stem's clear snares — read as
 * snares, with a drum body (clearSnareBodyShare below midHz) whose added spectrum centres at or above lowHz (a kick
 * struck with a hat centres lower), their top band rattling on like wires (snareTopDecayMs up to cymbalDecayMs,
 * measured) — give the reference: the median of their top-band decay and of their body partial.
 * A hit read as a snare whose top band dies within tomTopRatio of the first and whose body partial lies more than
 * tomPitchTolerance away from the second (another drum's pitch; a snare struck softly dies fast too, but keeps its
 * own) is a tom. Fewer than minStemSnares clear snares: no rule. A second piece heard with it stays. In place.
 */
function byTomClearSnares(found: FoundHit[], verdicts: StemVerdict[]): void {
  const T = STEM_TOM_CLEAR_SNARE_PARAMETERS;
  const lo = STEM_CLASS_PARAMETERS.snareTopDecayMs.value;
  const hi = STEM_CLASS_PARAMETERS.cymbalDecayMs.value;
  const tops: number[] = [];
  const bodies: number[] = [];
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const top = f.decayMs[3]!;
    if (v.main.cls !== 'snare' || !(top >= lo && top < hi) || !Number.isFinite(f.bodyHz ?? NaN)) return;
    if (f.share[0]! + f.share[1]! < T.clearSnareBodyShare.value || !((f.centroidHz ?? NaN) >= S.lowHz.value)) return;
    tops.push(top);
    bodies.push(f.bodyHz!);
  });
  if (tops.length < STEM_SNARELESS_PARAMETERS.minStemSnares.value) return;
  const half = Math.floor(tops.length / 2);
  const topRef = kthSmallest(tops, half);
  const bodyRef = kthSmallest(bodies, half);
  const topEdge = T.tomTopRatio.value * topRef;
  const apart = Math.log(1 + T.tomPitchTolerance.value);
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const top = f.decayMs[3]!;
    const hz = f.bodyHz ?? NaN;
    const away = Math.abs(Math.log(hz / bodyRef));
    if (v.main.cls !== 'snare' || !(top <= topEdge) || !(away >= apart)) return;
    const why =
      `its top band dies in ${top.toFixed(0)} ms, ≤ ${T.tomTopRatio.value}× the ` +
      `${tops.length} clear snares' ${topRef.toFixed(0)} ms (median), and its body partial lies at ` +
      `${hz.toFixed(0)} Hz, ${hz > bodyRef ? 'above' : 'below'} their ${bodyRef.toFixed(0)} Hz by more than ` +
      `${Math.round(100 * T.tomPitchTolerance.value)} %: no wires rattling with its head, another drum's pitch`;
    relabel(verdicts, k, 'tom', away / Math.LN2, why);
  });
}

/**
 * Low toms read as kicks (h-dxcls14): a floor tom tuned down adds most of its energy below lowHz, so the band rule
 * calls it a kick. Against the stem's kicks it differs twice: it rings on (its late spectrum, lateMs after it, at
 * least tomLateDb against its first, where a kick has begun to die) and its kick band adds at least tomUnderKickDb
 * less than the stem's kicks' median. Such a hit is a tom. In place on `verdicts`.
 */
function byLowTom(found: FoundHit[], verdicts: StemVerdict[], stem: StemContext): void {
  const kickLowDb = stem.kickLowDb;
  if (kickLowDb === undefined) return;
  const lateEdge = STEM_SNARE_TIMING_PARAMETERS.tomLateDb.value;
  const lowEdge = kickLowDb - STEM_SNARE_TIMING_PARAMETERS.tomUnderKickDb.value;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const late = f.lateDb ?? NaN;
    const low = f.addedDb[0]!;
    if (v.main.cls !== 'kick' || !(late >= lateEdge) || !(low <= lowEdge)) return;
    const why =
      `${S.lateMs.value} ms on it rings ${late.toFixed(1)} dB against its first (≥ ` +
      `${lateEdge}) and its kick band adds ${low.toFixed(1)} dB, ≤ ${lowEdge.toFixed(1)} (the stem's ` +
      `${stem.kickReference ?? 'kicks'} ${kickLowDb.toFixed(1)} less ` +
      `${STEM_SNARE_TIMING_PARAMETERS.tomUnderKickDb.value}): a low tom ringing on`;
    relabel(verdicts, k, 'tom', Math.min((late - lateEdge) / 6, (lowEdge - low) / 6), why);
  });
}

/**
 * Cymbals read as hats or brushes by their ring (h-dxcym33): a crash, china or splash struck alone or under a kick
 * adds most of its energy between midHz and highHz, so the band rule reads it from its first milliseconds as a hat
 * ("no drum body, short", or "x % below 1 kHz, but it centres high") or, little above highHz, as brushes. What a hat
 * never does: 150 ms on (ringAtMs) it still rings above midHz within cymbalRingDb of its attack, and its top band
 * takes cymbalRingDecayMs or longer to fall decayDb. A hit read as a hat, or as a snare without drum body (brushes),
 * that does both and adds under cymbalRingTopShare above highHz (an open hat's hiss lies there) is a cymbal: a ride
 * when its top band adds more than its wires band, a crash otherwise. A second piece stays. In place on `verdicts`.
 */
function byCymbalRing(found: FoundHit[], verdicts: StemVerdict[]): void {
  const C = STEM_CYMBAL_RING_PARAMETERS;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const cls = v.main.cls;
    if (cls !== 'hihat' && !(cls === 'snare' && hasNoBody(f))) return;
    const ring = f.ringDb ?? NaN;
    const decay = f.decayMs[3]!;
    const top = f.share[3]!;
    if (!(ring >= C.cymbalRingDb.value) || !(decay >= C.cymbalRingDecayMs.value) || !(top < C.cymbalRingTopShare.value))
      return;
    const why =
      `${(f.ringAtMs ?? NaN).toFixed(0)} ms on it still rings ${ring.toFixed(1)} dB above ` +
      `${S.midHz.value} Hz (≥ ${C.cymbalRingDb.value}), its top band falls in ${decay.toFixed(0)} ms (≥ ` +
      `${C.cymbalRingDecayMs.value}) and it adds ${pct(top)} above ${S.highHz.value} Hz (< ` +
      `${pct(C.cymbalRingTopShare.value)}): a cymbal's ring`;
    relabel(verdicts, k, cymbalKind(f), (ring - C.cymbalRingDb.value) / 6, why);
  });
}

/** A cymbal's kind by where it adds: a ride when its top band (above highHz) adds more than its wires band, a crash
 * otherwise. */
function cymbalKind(f: StemFeatures): 'ride' | 'crash' {
  return f.share[3]! > f.share[2]! ? 'ride' : 'crash';
}

/**
 * Cymbals read as snares by their ring against the stem's own snares (h-dxcym35): a crash struck alone, into its
 * swell or under the backbeat adds a low wash (its body band) that the band rule reads as a drum, and byCymbalRing
 * only takes hits without drum body. What the stem's snares do not: 150 ms on (ringAtMs) it still rings above midHz
 * at least cymbalSnareOverDb over the stem's snare reference (the cymbalSnareQuantile quantile of that ring over the
 * hits read as snares, at least minStemSnares: a low quantile, so that the cymbals read as snares do not set it) and
 * within cymbalSnareRingDb of its own attack, and its body partial lies at or above cymbalSnareBodyHz (a snare's head
 * lies below). Such a hit is a cymbal (cymbalKind); a second piece stays. In place on `verdicts`.
 */
function byCymbalOverSnares(found: FoundHit[], verdicts: StemVerdict[]): void {
  const C = STEM_CYMBAL_REFERENCE_PARAMETERS;
  const rings: number[] = [];
  found.forEach((h, k) => {
    const ring = h.features.ringDb ?? NaN;
    if (verdicts[k]!.main.cls === 'snare' && Number.isFinite(ring)) rings.push(ring);
  });
  if (rings.length < STEM_SNARELESS_PARAMETERS.minStemSnares.value) return;
  const ref = kthSmallest(rings, Math.floor(C.cymbalSnareQuantile.value * (rings.length - 1)));
  const edge = Math.max(C.cymbalSnareRingDb.value, ref + C.cymbalSnareOverDb.value);
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const ring = f.ringDb ?? NaN;
    const body = f.bodyHz ?? NaN;
    if (v.main.cls !== 'snare' || !(ring >= edge) || !(body >= C.cymbalSnareBodyHz.value)) return;
    const why =
      `${(f.ringAtMs ?? NaN).toFixed(0)} ms on it still rings ${ring.toFixed(1)} dB above ` +
      `${S.midHz.value} Hz, ≥ ${C.cymbalSnareOverDb.value} dB over the stem's ${rings.length} snares ` +
      `(${ref.toFixed(1)} dB, their ${C.cymbalSnareQuantile.value} quantile) and ≥ ${C.cymbalSnareRingDb.value}, ` +
      `and its body partial lies at ${body.toFixed(0)} Hz (≥ ${C.cymbalSnareBodyHz.value}): a cymbal's ring`;
    relabel(verdicts, k, cymbalKind(f), (ring - edge) / 6, why);
  });
}

/**
 * Cymbals read as hats in a stem without closed hats (h-dxcym35): a ride or crash ridden on the 8ths, a china on its
 * own, reads as a hat from its first milliseconds, and where the stem has no closed hat to set a reference (none of its
 * hits read as hats rings below hatlessClearDb at ringAtMs) its own ring is all there is. Such a "hat" that rings
 * within hatlessRingDb of its attack, whose late spectrum (lateMs on) centres below hatlessLateRatio of what it adds
 * (the cymbal's low wash takes over; an open hat's hiss stays bright) and whose added spectrum's flatness lies under
 * hatlessFlatness (a cymbal's partials; a hat adds noise) is a cymbal (cymbalKind). A second piece stays. In place on
 * `verdicts`.
 */
function byCymbalHatless(found: FoundHit[], verdicts: StemVerdict[]): void {
  const C = STEM_CYMBAL_REFERENCE_PARAMETERS;
  const clear = found.some(
    (h, k) => verdicts[k]!.main.cls === 'hihat' && (h.features.ringDb ?? NaN) < C.hatlessClearDb.value,
  );
  if (clear) return;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const ring = f.ringDb ?? NaN;
    const ratio = (f.lateCentroidHz ?? NaN) / (f.centroidHz ?? NaN);
    if (v.main.cls !== 'hihat' || !(ring >= C.hatlessRingDb.value) || !(ratio < C.hatlessLateRatio.value)) return;
    const flat = f.flatness ?? NaN;
    if (!(flat < C.hatlessFlatness.value)) return;
    const why =
      `no hit of the stem read as a hat rings below ${C.hatlessClearDb.value} dB (no closed ` +
      `hat), and ${(f.ringAtMs ?? NaN).toFixed(0)} ms on it still rings ${ring.toFixed(1)} dB (≥ ` +
      `${C.hatlessRingDb.value}), its late spectrum centres at ${ratio.toFixed(2)}× what it adds (< ` +
      `${C.hatlessLateRatio.value}) and its flatness is ${flat.toFixed(4)} (< ${C.hatlessFlatness.value}): ` +
      `a cymbal's darkening ring`;
    relabel(verdicts, k, cymbalKind(f), 0.5, why);
  });
}

/**
 * Noise snares read as hats by how long they ring against the stem's closed hats (h-dxbrush37): a brush slap (noise
 * alone, 2–6 kHz) or an undamped electronic snare adds no drum body, so the band rule reads "no drum body, short: a
 * hat" (its top band dies within cymbalDecayMs). Its noise still rings several times longer than the stem's closed
 * hats. The reference: the brushDecayQuantile of the top-band decay of the hits read as hats without drum body whose
 * top band rings at least brushClickMs (at least minStemHats of them; 0 by default, off; h-dx87: a drum's stick click,
 * its body masked by the ring before, is no hat — the 100 Hz kickless kit's 7 floor strokes at 5 ms set it, so its 16
 * hats, 30–36 ms, read 3× longer and those over a ringing floor, whose tonal ring leaves their own noise flat, as
 * brushes). A hit read as a hat without drum body and with no second piece whose top band takes at
 * least brushDecayRatio of the reference to fall, whose late spectrum (lateMs on) stands at most brushLateDb against
 * its first (dying; a hat struck into another's ring or an open hat swelling stands above), and whose added spectrum
 * is at least brushFlatRatio as flat as the hats dying before that edge (noise beside metal partials; a sampled kit's
 * open hat is noise like its closed hats: h-dxbrush37 lost 390 of them on the --all dump without this test) is a
 * snare. A stem whose "hats" are all such snares (no hats played) has no reference that tells them: no rule. In
 * place.
 */
function byBrushDecay(found: FoundHit[], verdicts: StemVerdict[]): void {
  const B = STEM_BRUSH_DECAY_PARAMETERS;
  const hat = (k: number) => verdicts[k]!.main.cls === 'hihat' && hasNoBody(found[k]!.features);
  // the reference's hats ring: a top band dying sooner than brushClickMs is a stick's click on a drum (h-dx87)
  const rings = (k: number) => {
    const d = found[k]!.features.decayMs[3]!;
    return hat(k) && Number.isFinite(d) && !(d < B.brushClickMs.value);
  };
  const decays = found.map((h) => h.features.decayMs[3]!).filter((d, k) => rings(k));
  const n = decays.length;
  if (n < STEM_CLASS_PARAMETERS.minStemHats.value) return;
  const ref = kthSmallest(decays, Math.min(n - 1, Math.floor(B.brushDecayQuantile.value * n)));
  const edge = B.brushDecayRatio.value * ref;
  // the closed hats' flatness: the median over the hats dying before the edge (metal partials, or noise)
  const flats = found
    .filter((h, k) => rings(k) && h.features.decayMs[3]! < edge && Number.isFinite(h.features.flatness ?? NaN))
    .map((h) => h.features.flatness!);
  if (flats.length === 0) return;
  const hatFlat = kthSmallest(flats, flats.length >> 1);
  const flatEdge = B.brushFlatRatio.value * Math.max(hatFlat, B.brushFlatFloor.value);
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const decay = f.decayMs[3]!;
    const late = f.lateDb ?? NaN;
    const flat = f.flatness ?? NaN;
    if (!hat(k) || v.second || !(decay >= edge) || !(late <= B.brushLateDb.value)) return;
    if (!(flat >= flatEdge)) return;
    const why =
      `its top band takes ${decay.toFixed(0)} ms to fall, ≥ ${B.brushDecayRatio.value}× ` +
      `the stem's ${n} hats' ${ref.toFixed(0)} ms (their ${B.brushDecayQuantile.value} quantile), and ` +
      `${S.lateMs.value} ms on it stands ${late.toFixed(1)} dB against its first (≤ ${B.brushLateDb.value}: ` +
      `dying), and its flatness ${flat.toFixed(3)} is ≥ ${B.brushFlatRatio.value}× the short hats' ` +
      `${hatFlat.toFixed(4)}: noise against the hats' metal, a snare ringing on (brushes)`;
    relabel(verdicts, k, 'snare', Math.log2(decay / edge), why);
  });
}

/**
 * Kicks read as toms by their falling pitch (h-dxbrush37): a kick struck into the ring of the one before (an 808-style
 * boom rings for seconds) adds nothing new below lowHz, so its drooping start in the body band reads "a drum whose
 * top band dies at once: a tom". A hit read as a tom whose kick band adds nothing, whose body partial lies at or below
 * ringKickRatio of the stem's kick reference (kickPitchReference) and whose second body window's strongest peak lies
 * at or below ringKickFall of it (the pitch falling, as a kick's does) is a kick; a second piece heard with it stays.
 * In place on `verdicts`.
 */
function byKickRingGlide(found: FoundHit[], verdicts: StemVerdict[]): void {
  const ref = kickPitchReference(found, verdicts);
  if (!ref) return;
  const G = STEM_RING_GLIDE_PARAMETERS;
  const edge = G.ringKickRatio.value * ref.hz;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const hz = f.bodyHz ?? NaN;
    const late = f.bodyLateHz ?? NaN;
    if (v.main.cls !== 'tom' || f.share[0]! > 0 || !(hz <= edge) || !(late <= G.ringKickFall.value * hz)) return;
    const why =
      `it adds nothing new below ${S.lowHz.value} Hz (struck into a ring), its body partial ` +
      `lies at ${hz.toFixed(0)} Hz, ≤ ${G.ringKickRatio.value}× the stem's ${ref.n} kicks' ${ref.hz.toFixed(0)} ` +
      `Hz, and falls to ${late.toFixed(0)} Hz ${S.bodyMs.value} ms on (≤ ${G.ringKickFall.value} of it): a kick's ` +
      `pitch drooping`;
    relabel(verdicts, k, 'kick', Math.log2(hz / late), why);
  });
}

/**
 * Toms read as kicks by their held pitch above the kick's (h-dxbrush37, the mirror of byKickRingGlide): a tom struck
 * into a ring adds nothing new below lowHz, and its low body, ringing on, reads as a kick (the band rule, or
 * byKickLate: "no wires, centred low 50 ms on"). byTomPitch asks its pitch to hold within tomPitchHeld; a droopy synth
 * tom falls a little more, a kick far more. A hit read as a kick whose kick band adds nothing, whose body partial lies
 * at least ringTomRatio above the stem's kick reference (kickPitchReference) and whose second body window's strongest
 * peak stays above ringKickFall of it is a tom; a second piece heard with it stays. In place on `verdicts`.
 */
function byTomGlide(found: FoundHit[], verdicts: StemVerdict[]): void {
  const ref = kickPitchReference(found, verdicts);
  if (!ref) return;
  const G = STEM_RING_GLIDE_PARAMETERS;
  const edge = G.ringTomRatio.value * ref.hz;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const hz = f.bodyHz ?? NaN;
    const late = f.bodyLateHz ?? NaN;
    if (v.main.cls !== 'kick' || f.share[0]! > 0 || !(hz >= edge) || !(late > G.ringKickFall.value * hz)) return;
    const why =
      `it adds nothing new below ${S.lowHz.value} Hz (struck into a ring), its body partial ` +
      `lies at ${hz.toFixed(0)} Hz, ≥ ${G.ringTomRatio.value}× the stem's ${ref.n} kicks' ${ref.hz.toFixed(0)} ` +
      `Hz, and holds ${late.toFixed(0)} Hz ${S.bodyMs.value} ms on (> ${G.ringKickFall.value} of it): a tom`;
    relabel(verdicts, k, 'tom', Math.log2(hz / edge), why);
  });
}

/**
 * Hats read as toms by their ringing top (h-dxhat40): a resonator-bank hat, pitched and mostly below midHz, reads to
 * the band rule as a drum whose top band dies before snareTopDecayMs: a tom. A tom's top band is its stick click
 * (a few thousandths of what it adds, gone in a few ms), or, on a sampled tom, its overtones ringing on in the wires
 * band too, over a body partial that sits low. A "tom" whose upper modes add at least hatShellTopShare above highHz
 * and take at least hatShellTopMs to fall decayDb, whose wires band falls within hatShellWiresMs (a damped shell),
 * whose body partial lies at or above hatShellBodyHz and which adds under hatShellLowShare below lowHz is a hat; a
 * second piece heard with it stays. In place on `verdicts`.
 */
function byHatShellRing(found: FoundHit[], verdicts: StemVerdict[]): void {
  const H = STEM_HAT_SHELL_PARAMETERS;
  if (!(H.hatShellTopMs.value > 0)) return;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const top = f.share[3]!;
    const ms = f.decayMs[3]!;
    const wires = f.decayMs[2]!;
    const hz = f.bodyHz ?? NaN;
    if (v.main.cls !== 'tom' || !(ms >= H.hatShellTopMs.value) || !(top >= H.hatShellTopShare.value)) return;
    if (!(wires < H.hatShellWiresMs.value) || !(hz >= H.hatShellBodyHz.value)) return;
    if (!(f.share[0]! < H.hatShellLowShare.value)) return;
    const why =
      `its top band adds ${(100 * top).toFixed(2)} % of it (≥ ${(100 * H.hatShellTopShare.value).toFixed(2)}) ` +
      `and rings ${ms.toFixed(0)} ms (≥ ${H.hatShellTopMs.value}), its wires band dies in ${wires.toFixed(0)} ms ` +
      `(< ${H.hatShellWiresMs.value}), its body partial lies at ${hz.toFixed(0)} Hz (≥ ` +
      `${H.hatShellBodyHz.value}) and it adds ${pct(f.share[0]!)} below ${S.lowHz.value} Hz (< ` +
      `${pct(H.hatShellLowShare.value)}): a hat's damped shell modes, not a tom`;
    relabel(verdicts, k, 'hihat', Math.min(ms / H.hatShellTopMs.value - 1, top / H.hatShellTopShare.value - 1), why);
  });
}

/**
 * Hats read as snares, toms, kicks or cymbals by their pitch against the stem's own hats (h-dxhat44): a resonator or
 * ringing hat sounds one shell mode (its body partial carries most of what it adds between bodyLoHz and bodyHiHz), and
 * in a reverberant room its ring reaches the body and wires bands, where the band rule hears a drum or a cymbal. The
 * reference: the median body partial of the hits read as hats whose partial carries at least hatPartialShare (at
 * least minStemHats of them), when at least hatPartialAgree of them lie within hatPartialRatio of it (one shell, not
 * a sampled hat's noise) and it lies at or above hatPartialMinHz (above a snare's head and a tom's body). A hit read
 * as anything else whose partial carries at least hatPartialShare, lies within hatPartialRatio of the reference and
 * which adds under hatPartialLowShare below lowHz (no low body at the strike) is a hat; a second piece stays. In
 * place on `verdicts`.
 */
function byHatPartial(found: FoundHit[], verdicts: StemVerdict[]): void {
  const H = STEM_HAT_PARTIAL_PARAMETERS;
  const pitched = (f: StemFeatures) => (f.bodyPeakShare ?? NaN) >= H.hatPartialShare.value && (f.bodyHz ?? NaN) > 0;
  const hz = found
    .filter((h, k) => verdicts[k]!.main.cls === 'hihat' && pitched(h.features))
    .map((h) => h.features.bodyHz!);
  if (hz.length < STEM_CLASS_PARAMETERS.minStemHats.value) return;
  const ref = kthSmallest(hz, hz.length >> 1);
  const near = (x: number) => Math.abs(Math.log(x / ref)) <= Math.log(1 + H.hatPartialRatio.value);
  const agree = hz.filter(near).length / hz.length;
  if (!(agree >= H.hatPartialAgree.value) || !(ref >= H.hatPartialMinHz.value)) return;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    if (v.main.cls === 'hihat' || !pitched(f) || !near(f.bodyHz!) || !(f.share[0]! < H.hatPartialLowShare.value))
      return;
    const why =
      `its body partial at ${f.bodyHz!.toFixed(0)} Hz carries ${pct(f.bodyPeakShare!)} of what it adds (≥ ` +
      `${pct(H.hatPartialShare.value)}) and lies within ${pct(H.hatPartialRatio.value)} of the stem's ${hz.length} ` +
      `pitched hats' ${ref.toFixed(0)} Hz (${pct(agree)} of them within it, ≥ ${pct(H.hatPartialAgree.value)}), and ` +
      `it adds ${pct(f.share[0]!)} below ${S.lowHz.value} Hz (< ${pct(H.hatPartialLowShare.value)}): the stem's ` +
      `hat shell ringing, not a ${v.main.cls}`;
    relabel(verdicts, k, 'hihat', f.bodyPeakShare! - H.hatPartialShare.value + 0.5, why);
  });
}

/**
 * Ride bells read as hats by their late ring (h-dxbell45): a bell is struck short and bright like a hat. A drummer
 * hears its ring: lateMs on, a few inharmonic partials over bellLoHz still sound (the late window's flatness there,
 * lateFlatness, at most bellFlatness), loud (its late spectrum within bellLateDb of its first) and bright (what it
 * adds there centres between bellLateHz and bellHighHz: a resonator hat's or an electronic open hat's pitched ring
 * lies lower, a bright hat's hiss higher), where a closed hat has died and an open hat's ring is noise. The flatness
 * is taken over the whole range, so a steep tilt reads as tonal too: a synthetic open hat of white noise rising 12 dB
 * per octave (drums.test.ts) has it, and its centre (~17 kHz) above bellHighHz keeps it a hat. A hit read as a hat
 * with no second piece that does all three is a ride. Hits byHatPartial made hats (their class before it, `heard`,
 * was another) stay. A ring that has fallen below bellRingDb at ringAtMs (150 ms) is a modal kit's hat (held-out 27's
 * modal27-D: pure modes, centred at 5 kHz, gone by then); unknown (the next hit too soon) passes. Bells read as
 * brushes (a snare without drum body) are left: a TR-808 snare's two tones ring just as tonal, as long and nearly as
 * bright (held-out 20t). In place on `verdicts`.
 */
function byBellRing(found: FoundHit[], verdicts: StemVerdict[], heard: HitClass[]): void {
  const B = STEM_BELL_PARAMETERS;
  verdicts.forEach((v, k) => {
    const f = found[k]!.features;
    const cls = v.main.cls;
    if (cls !== 'hihat' || heard[k] !== 'hihat' || v.second) return;
    const flat = f.lateFlatness ?? NaN;
    const late = f.lateDb ?? NaN;
    const hz = f.lateCentroidHz ?? NaN;
    if (!(flat <= B.bellFlatness.value) || !(late >= B.bellLateDb.value)) return;
    if (!(hz >= B.bellLateHz.value) || !(hz <= B.bellHighHz.value)) return;
    // a modal or resonator hat rings as purely but dies by ringAtMs (unknown, a next hit within minRingMs, passes)
    const ring = f.ringDb ?? NaN;
    if (ring < B.bellRingDb.value) return;
    const why =
      `${S.lateMs.value} ms on its ring above ${B.bellLoHz.value} Hz has flatness ${flat.toFixed(4)} (≤ ` +
      `${B.bellFlatness.value}: a few partials), stands ${late.toFixed(1)} dB against its first (≥ ` +
      `${B.bellLateDb.value}) and centres at ${hz.toFixed(0)} Hz (${B.bellLateHz.value}–${B.bellHighHz.value}): a ` +
      `ride's bell ringing ${Number.isFinite(ring) ? `${ring.toFixed(1)} dB` : '(unknown)'} ${f.ringAtMs ?? NaN} ms ` +
      `on, not a hat`;
    relabel(verdicts, k, 'ride', Math.min(1, (late - B.bellLateDb.value) / 6), why);
  });
}

/**
 * Kicks read as toms in fast runs and rooms (h-dxkick47): a kick struck 16ths after another, or in a room whose boom
 * fills the kick band, adds nothing there over what the last lowBeforeMs held, so its kick band fails minGainDb and
 * the band rule hears its beater and body alone: a tom. A hit read as a tom whose kick band adds nothing, struck
 * within maskedKickMs of a hit read as a kick (the one before it, this rule's kicks included: a run is read in
 * order), whose body partial lies at or below maskedKickRatio of the stem's kick reference (kickPitchReference) is a
 * kick; a second piece heard with it stays. In place on `verdicts`.
 */
function byMaskedKick(found: FoundHit[], verdicts: StemVerdict[], rate: number): void {
  const M = STEM_MASKED_KICK_PARAMETERS;
  if (!(M.maskedKickMs.value > 0)) return;
  const ref = kickPitchReference(found, verdicts);
  if (!ref) return;
  const edge = M.maskedKickRatio.value * ref.hz;
  for (let k = 1; k < found.length; k++) {
    const f = found[k]!.features;
    const hz = f.bodyHz ?? NaN;
    const gap = (1000 * (found[k]!.start - found[k - 1]!.start)) / rate;
    if (verdicts[k]!.main.cls !== 'tom' || verdicts[k - 1]!.main.cls !== 'kick' || f.share[0]! > 0) continue;
    if (!(gap >= M.maskedKickMinMs.value && gap <= M.maskedKickMs.value) || !(hz <= edge)) continue;
    const why =
      `it adds nothing new below ${S.lowHz.value} Hz, ${gap.toFixed(0)} ms after a kick (≤ ` +
      `${M.maskedKickMs.value}: its kick band masked by the one before), and its body partial lies at ` +
      `${hz.toFixed(0)} Hz, ≤ ${M.maskedKickRatio.value}× the stem's ${ref.n} kicks' ${ref.hz.toFixed(0)} Hz: a kick`;
    relabel(verdicts, k, 'kick', Math.log2(edge / Math.max(hz, 1)), why);
  }
}
