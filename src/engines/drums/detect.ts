/**
 * Drum hit detection on one mic (issue 13): a streaming detector over mono float blocks, and the
 * bleed test across close mics. Pure: samples in, hits out; memory is the envelope (one value per
 * tick) and a few milliseconds of samples kept around each hit, never the track.
 *
 * A hit is where the tick energy rises `riseDb` above its lowest point of the last `lookbackMs`
 * (so the decay of the previous hit is the reference, not silence); its peak is the largest |x| in
 * the next `peakWindowMs`; its time is the physical start of the transient: the first sample at
 * `startFraction` of that peak (and clear of what rang before it).
 */
import { native } from '../../native.js';
import {
  BLEED_PARAMETERS,
  DETECT_PARAMETERS,
  PAIR_PARAMETERS,
  RING_PARAMETERS,
  SHOT_PARAMETERS,
  SWELL_PARAMETERS,
} from './params.js';

export interface DetectOptions {
  sampleRate: number;
  /** Largest block pushed between two settles (the ring keeps this much more). */
  chunkFrames?: number;
  riseDb?: number;
  minIntervalMs?: number;
  /** Ticks between the rise's "now" and its reference (default 2: a rise within 1 ms). */
  riseSpanMs?: number;
  floorRangeDb?: number;
  /** A second rise test against the `lookbackMs` ending this long before now (0 or absent: none). */
  swellSpanMs?: number;
  swellRiseDb?: number;
  /**
   * The ring test (`RING_PARAMETERS`, close mics): from `ringSettleMs` to `ringMs` after the last trigger, a rise of
   * `ringRiseDb` that clears by `ringMarginDb` what the mic's last `ringHits` rings reached at that offset (scaled to
   * the last trigger's attack) triggers too (absent: none).
   */
  ring?: { settleMs: number; spanMs: number; riseDb: number; marginDb: number; hits: number };
}

/** A hit as found on one mic, before bleed rejection and velocity. */
export interface Candidate {
  /** Sample index of the transient's start. */
  start: number;
  /** Largest |x| in the peak window (linear). */
  peak: number;
}

export interface DrumHit {
  timeSeconds: number;
  /** Sample index of the start (the replacement aligns to it). */
  sample: number;
  /** 1–127 from the peak level against the track's loudest hit. */
  velocity: number;
  peakDb: number;
  /** How far the rise cleared the threshold, 0–1. */
  confidence: number;
}

export interface BleedVerdict {
  /** The hit's close mic (index among the close mics) and start sample. */
  track: number;
  start: number;
  /** The close mic whose earlier, louder signal explains it. */
  source: number;
  lagMs: number;
  levelRatioDb: number;
  residualDb: number;
  /** Start sample of the source's hit that leaks (null when none was found on the source). */
  sourceStart: number | null;
}

/** A trigger found to be a later burst of the hit before it on its mic (a clap's third burst), not a hit. */
export interface ShotVerdict {
  /** The close mic (index among the close mics), the trigger's start and the start of the hit it is part of. */
  track: number;
  start: number;
  of: number;
  /** Its peak against that hit's (dB, through the mic's emphasis) and its offset from it. */
  levelDb: number;
  offsetMs: number;
}

/** A shot (a kept hit with no kept hit of its mic `shotMs` before it) as the shot test remembers it. */
interface ShotRecord {
  start: number;
  /** Its peak (dB, through the mic's emphasis). */
  peakDb: number;
  /** The triggers judged on its mic after it, within `shotMs`: offset (samples) and peak against its peak (dB). */
  after: [number, number][];
}

const ms = (rate: number, v: number) => Math.max(1, Math.round((v * rate) / 1000));

export class HitDetector {
  readonly sampleRate: number;
  private readonly tick: number;
  private readonly lookbackTicks: number;
  private readonly riseDb: number;
  private readonly refractory: number;
  private readonly peakSamples: number;
  private readonly scanBack: number;
  private readonly keepAfter: number;
  private readonly ring: Float32Array;
  private readonly mask: number;
  private n = 0;
  private inTick = 0;
  /** The last ticks' peaks, a ring of a power-of-two length (`peakMask` + 1). */
  private readonly recentPeak: Float64Array;
  private readonly peakMask: number;
  private readonly gap: number;
  /** The swell test's gap in ticks (0: none) and its threshold. */
  private readonly swellGap: number;
  private readonly swellRiseDb: number;
  /** The swell ratio under which 20·log10 cannot reach swellRiseDb. */
  private readonly swellFloor: number;
  private ticks = 0;
  /** The reference's running maximum: tick indices (a ring of a power-of-two length) and its ends. */
  private readonly refQueue: Int32Array;
  private qHead = 0;
  private qTail = 0;
  /** The rise ratio under which 20·log10 cannot reach riseDb. */
  private readonly riseFloor: number;
  private lastTrigger = -Infinity;
  /**
   * The ring test: its reach after the last trigger (ticks: settled from, up to; 0: none), its thresholds (as ratios),
   * the envelope since the last trigger (`now` per tick) and its attack's peak, and the last rings recorded (each the
   * envelope from `ringSettle` on over its attack's peak, and how far it reached before the next trigger).
   */
  private readonly ringSettle: number;
  private readonly ringSpan: number;
  private readonly ringFloor: number;
  private readonly ringMargin: number;
  private readonly ringEnv: Float32Array;
  private ringLen = 0;
  private ringPeak = 0;
  private ringClean = false;
  private readonly rings: { env: Float32Array; len: number }[] = [];
  private readonly ringKeep: number;
  private pending: { trigger: number; rise: number; swell: boolean }[] = [];
  /** The native envelope's state: [samples into the open tick, its largest |x| so far]. */
  private readonly tickState = new Float64Array(2);
  /** The envelope's peaks of the last block (reused). */
  private peaks = new Float32Array(0);
  readonly candidates: (Candidate & { rise: number })[] = [];
  private readonly scanAbs: Float32Array;
  private readonly scanQueue: Int32Array;

  constructor(options: DetectOptions) {
    const rate = options.sampleRate;
    this.sampleRate = rate;
    this.tick = ms(rate, DETECT_PARAMETERS.tickMs.value);
    this.lookbackTicks = Math.max(1, Math.round(DETECT_PARAMETERS.lookbackMs.value / DETECT_PARAMETERS.tickMs.value));
    this.riseDb = options.riseDb ?? DETECT_PARAMETERS.riseDb.value;
    this.refractory = ms(rate, options.minIntervalMs ?? DETECT_PARAMETERS.minIntervalMs.value);
    this.peakSamples = ms(rate, DETECT_PARAMETERS.peakWindowMs.value);
    this.scanBack = ms(rate, 3);
    this.keepAfter = this.peakSamples + this.tick;
    let size = 1;
    const need = this.keepAfter + this.scanBack + ms(rate, 4) + this.tick * 4 + (options.chunkFrames ?? 0);
    while (size < need + ms(rate, BLEED_PARAMETERS.maxLagMs.value) + 64) size <<= 1;
    this.ring = new Float32Array(size);
    this.mask = size - 1;
    this.gap = Math.max(2, Math.round((options.riseSpanMs ?? 0) / DETECT_PARAMETERS.tickMs.value));
    const swell = Math.round((options.swellSpanMs ?? 0) / DETECT_PARAMETERS.tickMs.value);
    this.swellGap = swell > this.gap ? swell : 0;
    this.swellRiseDb = options.swellRiseDb ?? Infinity;
    this.swellFloor = 10 ** ((this.swellRiseDb - 0.01) / 20);
    const ring = options.ring;
    const tickMs = DETECT_PARAMETERS.tickMs.value;
    this.ringSpan = ring && ring.spanMs > 0 && ring.hits >= 1 ? Math.round(ring.spanMs / tickMs) : 0;
    this.ringSettle = ring ? Math.max(1, Math.round(ring.settleMs / tickMs)) : 0;
    this.ringFloor = 10 ** ((ring?.riseDb ?? 0) / 20);
    this.ringMargin = 10 ** ((ring?.marginDb ?? 0) / 20);
    this.ringKeep = ring ? Math.round(ring.hits) : 0;
    this.ringEnv = new Float32Array(this.ringSpan + 1);
    // (power-of-two lengths: an index is masked, not divided)
    let pSize = 1;
    while (pSize < this.lookbackTicks + Math.max(this.gap, this.swellGap)) pSize <<= 1;
    this.recentPeak = new Float64Array(pSize);
    this.peakMask = pSize - 1;
    let qSize = 1;
    while (qSize < this.lookbackTicks + 1) qSize <<= 1;
    // tick indices (< 2^31: 12 days of 0.5 ms ticks)
    this.refQueue = new Int32Array(qSize);
    this.riseFloor = 10 ** ((this.riseDb - 0.01) / 20);
    this.scanAbs = new Float32Array(this.peakSamples + 2 * this.scanBack);
    this.scanQueue = new Int32Array(this.scanAbs.length);
  }

  /** Feeds the next block of mono samples. */
  push(block: Float32Array): void {
    // the ring: at most two copies (before and after the wrap)
    for (let at = 0; at < block.length;) {
      const i = (this.n + at) & this.mask;
      const take = Math.min(block.length - at, this.ring.length - i);
      this.ring.set(block.subarray(at, at + take), i);
      at += take;
    }
    // the envelope: the largest |x| of each tick (native: the loop over every sample)
    // (into a reused array: a fresh one per block is garbage for the collector)
    if (this.peaks.length < block.length / this.tick + 1)
      this.peaks = new Float32Array(Math.ceil(block.length / this.tick) + 1);
    const peaks = this.peaks;
    const count = native().drumsTickPeaks(block, this.tick, this.tickState, peaks);
    const first = this.n - this.inTick; // where the open tick began
    this.n += block.length;
    for (let k = 0; k < count; k++) this.endTick(first + k * this.tick, peaks[k]!);
    this.inTick = this.tickState[0]!;
  }

  /** Samples after a hit's start that must be in before it is settled. */
  get settleAfter(): number {
    return this.keepAfter;
  }

  /** Triggers whose samples are all in, turned into candidates (the session captures the other mics then). */
  takeSettled(atEnd: boolean): (Candidate & { rise: number })[] {
    const before = this.candidates.length;
    this.settle(atEnd);
    return this.candidates.slice(before);
  }

  /** Ends the stream: hits whose windows run past the end are kept (zero padded). */
  finish(): (Candidate & { rise: number })[] {
    this.end();
    this.settle(true);
    return this.candidates;
  }

  /** Ends the envelope (the last partial tick); candidates still pending settle with takeSettled(true). */
  end(): void {
    if (this.inTick > 0) this.endTick(this.n - this.inTick, this.tickState[1]!);
    this.inTick = 0;
    this.tickState.fill(0);
  }

  /** One tick of the envelope, begun at sample `tickStart`, its largest |x| `tickPeak`. */
  private endTick(tickStart: number, tickPeak: number): void {
    // peak envelope: the largest |x| of this tick and the one before (1 ms) against the largest of
    // the `lookbackMs` before those; a low drum's waveform swings through zero every few ms, so an
    // energy per tick is no envelope, a peak hold over a period is
    const L = this.lookbackTicks;
    const G = this.gap;
    const ring = this.recentPeak;
    const pm = this.peakMask;
    const now = Math.max(tickPeak, this.ticks > 0 ? ring[(this.ticks - 1) & pm]! : 0);
    // the reference: the largest of ticks [t − G − L + 1, t − G] (0 when none), a running maximum (a monotonic
    // queue of tick indices, each entering and leaving it once: the same value as a scan of the L ticks)
    const q = this.refQueue;
    const qm = q.length - 1;
    const t = this.ticks;
    if (t >= G) {
      const v = ring[(t - G) & pm]!;
      while (this.qTail > this.qHead && ring[q[(this.qTail - 1) & qm]! & pm]! <= v) this.qTail--;
      q[this.qTail++ & qm] = t - G;
    }
    while (this.qTail > this.qHead && q[this.qHead & qm]! < t - G - L + 1) this.qHead++;
    const ref = this.qTail > this.qHead ? Math.max(0, ring[q[this.qHead & qm]! & pm]!) : 0;
    const ratio = (now + 1e-9) / (ref + 1e-9);
    // below `riseFloor` the rise in dB is surely under riseDb (0.01 dB of margin against log10's rounding): the
    // logarithm is only taken where it can decide or is kept
    const rise = ratio >= this.riseFloor ? 20 * Math.log10(ratio) : -Infinity;
    const since = tickStart - this.lastTrigger;
    if (rise >= this.riseDb && since >= this.refractory) {
      this.pending.push({ trigger: tickStart - (this.ticks > 0 ? this.tick : 0), rise, swell: false });
      this.lastTrigger = tickStart;
      this.newRing(true);
    } else if (this.ringTrigger(now, ratio)) {
      // a hit in the ring of the mic's last one: above what its earlier rings reached there (`RING_PARAMETERS`)
      this.pending.push({
        trigger: tickStart - (this.ticks > 0 ? this.tick : 0),
        rise: 20 * Math.log10(ratio),
        swell: false,
      });
      this.lastTrigger = tickStart;
      this.newRing(false);
    } else if (this.swellGap && tickStart - this.lastTrigger >= (this.swellGap + L) * this.tick) {
      // a swelling attack (a soft hat in the ring of a louder one: its noise-like envelope swings by several dB
      // from tick to tick, so means, not maxima): the mean of the last `riseSpanMs` against the mean of the
      // `lookbackMs` ending `swellSpanMs` before now. The trigger is put back to where the swell began (the
      // start scan looks from there); no second swell trigger before the reference has moved past this one
      const S = this.swellGap;
      let recent = tickPeak;
      for (let k = 1; k < G && k <= this.ticks; k++) recent += ring[(this.ticks - k) & pm]!;
      let before = 0;
      let count = 0;
      for (let k = S; k < S + L && k <= this.ticks; k++, count++) before += ring[(this.ticks - k) & pm]!;
      // (the logarithm only where it can decide, as for the rise)
      const swellRatio = (recent / G + 1e-9) / (before / L + 1e-9);
      if (count === L && swellRatio >= this.swellFloor && 20 * Math.log10(swellRatio) >= this.swellRiseDb) {
        this.pending.push({
          trigger: Math.max(0, tickStart - (S - 1) * this.tick),
          rise: Math.max(20 * Math.log10(ratio), 0),
          swell: true,
        });
        this.lastTrigger = tickStart;
        this.newRing(false);
      }
    }
    // the ring's envelope since the last trigger (this tick's `now` at its offset), the attack's peak before it settles
    if (this.ringSpan > 0 && this.ringLen <= this.ringSpan && this.lastTrigger > -Infinity) {
      if (this.ringLen < this.ringSettle) this.ringPeak = Math.max(this.ringPeak, now);
      this.ringEnv[this.ringLen++] = now;
    }
    ring[this.ticks & pm] = tickPeak;
    this.ticks++;
  }

  /**
   * The ring test on this tick (offset `ringLen` from the last trigger): settled, within `ringMs`, the rise at least
   * `ringRiseDb` and `now` `ringMarginDb` above the attack's peak times the largest that the mic's last rings reached
   * (over their attacks' peaks) within a tick of this offset. No ring recorded that far: no trigger.
   */
  private ringTrigger(now: number, ratio: number): boolean {
    const k = this.ringLen;
    if (this.ringSpan === 0 || k < this.ringSettle || k > this.ringSpan || ratio < this.ringFloor) return false;
    if (this.ticks * this.tick - this.lastTrigger < this.refractory || this.ringPeak <= 0) return false;
    let expected = -1;
    for (const r of this.rings)
      for (let d = -1; d <= 1; d++)
        if (k + d >= this.ringSettle && k + d < r.len) expected = Math.max(expected, r.env[k + d]!);
    return expected >= 0 && now >= expected * this.ringPeak * this.ringMargin;
  }

  /**
   * A trigger: the ring so far, once settled, recorded (the last `ringHits` kept) when its trigger cleared `riseDb`
   * (a ring begun inside another's — a ring or swell trigger's — holds that one's tail too, large against its own
   * attack: it would raise the expected ring of every later hit), and a new one begun.
   */
  private newRing(clean: boolean): void {
    if (this.ringSpan === 0) return;
    // (its last `riseSpanMs` and a tick left out: the new trigger's attack may have begun there)
    const len = this.ringLen - this.gap - 1;
    if (this.ringClean && len > this.ringSettle && this.ringPeak > 0) {
      const old = this.rings.length >= this.ringKeep ? this.rings.shift()! : null;
      const env = old?.env ?? new Float32Array(this.ringSpan + 1);
      for (let k = 0; k < len; k++) env[k] = this.ringEnv[k]! / this.ringPeak;
      this.rings.push({ env, len });
    }
    this.ringLen = 0;
    this.ringPeak = 0;
    this.ringClean = clean;
  }

  sampleAt(i: number): number {
    return i < 0 || i >= this.n || i < this.n - this.ring.length ? 0 : this.ring[i & this.mask]!;
  }

  /**
   * The start of a swelling hit inside another's ring: where |x| turns from the ring's level to above it for
   * good, up to the swell test's trigger point `end` (the lowest point of the running sum of |x| less
   * `swellStartRatio` × the mean |x| of the 3 ms before the scan). The usual scan is not used: inside a
   * noise-like ring, single samples stand out of the 3 ms before them by chance.
   */
  private swellStart(base: number, end: number): number {
    const a = this.scanAbs;
    let mean = 0;
    for (let k = 0; k < this.scanBack; k++) mean += a[k]!;
    const level = (SWELL_PARAMETERS.swellStartRatio.value * mean) / this.scanBack;
    let sum = 0;
    let lowest = 0;
    let at = base + this.scanBack;
    for (let k = this.scanBack; k < a.length && base + k <= end; k++) {
      sum += a[k]! - level;
      if (sum < lowest) ((lowest = sum), (at = base + k + 1));
    }
    return at;
  }

  /** Turns pending triggers whose samples are all in into candidates. */
  private settle(atEnd: boolean): void {
    while (this.pending.length && (atEnd || this.n >= this.pending[0]!.trigger + this.keepAfter)) {
      const { trigger, rise, swell } = this.pending.shift()!;
      let peak = 0;
      for (let i = trigger - this.tick; i < trigger + this.peakSamples; i++)
        peak = Math.max(peak, Math.abs(this.sampleAt(i)));
      // the start: the first sample at `startFraction` of the peak that also stands out from what rang
      // in the 3 ms before it (1.5 × its largest |x|), so a decaying drum or earlier bleed underneath is
      // not taken for the new transient
      const scanFrom = trigger - this.scanBack;
      const threshold = DETECT_PARAMETERS.startFraction.value * peak;
      let start = trigger;
      // |x| from 3 ms before the scan on, and a running maximum of the 3 ms before each sample (a
      // monotonic queue of indices: each sample enters and leaves it once)
      const base = scanFrom - this.scanBack;
      // (two buffers of a fixed length, reused: the scan always spans the same stretch around its trigger)
      const a = this.scanAbs;
      for (let k = 0; k < a.length; k++) a[k] = Math.abs(this.sampleAt(base + k));
      const queue = this.scanQueue;
      let head = 0;
      let tail = 0;
      for (let k = 0; k < a.length; k++) {
        if (k >= this.scanBack) {
          while (head < tail && queue[head]! < k - this.scanBack) head++;
          const before = head < tail ? a[queue[head]!]! : 0;
          if (a[k]! >= threshold && a[k]! > 1.5 * before) {
            start = base + k;
            break;
          }
        }
        while (head < tail && a[queue[tail - 1]!]! <= a[k]!) tail--;
        queue[tail++] = k;
      }
      if (swell) start = this.swellStart(base, trigger + (this.swellGap - 1) * this.tick);
      this.candidates.push({ start, peak, rise });
    }
  }
}

const db = (x: number) => (x > 0 ? 20 * Math.log10(x) : -Infinity);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0;

/** Hits of one track from its candidates: the floor applied, velocity from level, confidence from the rise. */
export function toHits(candidates: readonly (Candidate & { rise: number })[], sampleRate: number): DrumHit[] {
  const loudest = Math.max(0, ...candidates.map((c) => c.peak));
  if (loudest === 0) return [];
  const floor = db(loudest) - DETECT_PARAMETERS.floorRangeDb.value;
  const range = DETECT_PARAMETERS.velocityRangeDb.value;
  return candidates
    .filter((c) => db(c.peak) >= floor)
    .map((c) => {
      const rel = db(c.peak) - db(loudest);
      return {
        timeSeconds: round(c.start / sampleRate, 6),
        sample: c.start,
        velocity: Math.max(1, Math.min(127, Math.round(127 + (rel * 126) / range))),
        peakDb: round(db(c.peak), 2),
        confidence: round(Math.min(1, (c.rise - DETECT_PARAMETERS.riseDb.value) / 20 + 0.5), 3),
      };
    });
}

/** A close mic's hit as the session detector keeps it: a few numbers, no samples. */
export interface CloseCandidate extends Candidate {
  rise: number;
  /** Largest |x| of the unemphasized mic in the peak window (what the bleed test compares). */
  rawPeak: number;
  /** Largest |x| of the unemphasized mic in the bleed window (the hit's own level there). */
  own: number;
  /** Largest |x| of the mic through its emphasis in the peak window (pairing's level; computed when first asked). */
  level?: number;
}

/**
 * Two close mics found to be one drum's (`PAIR_PARAMETERS`), or no longer: from the hit judged at `start` on. The
 * second mic's partner hits lie `lagMs` after the first's, `levelDb` louder (medians); `share` of each mic's last hits
 * had a partner at that lag and level.
 */
export interface PairRecord {
  first: number;
  second: number;
  start: number;
  paired: boolean;
  lagMs: number;
  levelDb: number;
  share: [number, number];
}

/** How mic B leaks into mic A, learnt from the session's clean bleed events: a gain (with polarity) and a delay. */
export interface BleedPath {
  into: number;
  from: number;
  /** Its events' median gain (with its sign). */
  gain: number;
  /** The delay (samples, ≥ 1) of its events (the median). */
  lagSamples: number;
  /** Events it was learnt from. */
  events: number;
  /**
   * How well subtracting it cancelled its clean events (dB, the upper quartile: peak of the residual against
   * the peak of the leak, both through the mic's detection emphasis), at least `cancelFloorDb`.
   */
  errorDb: number;
  /** A room path (`roomLagMs`): the source reaching the mic a second time, beyond `maxLagMs`. */
  room?: boolean;
  /**
   * A room path's second tap: [delay (samples), gain]. The source's mic hears the room too, and its short path into
   * this mic, taking the source out, takes that room copy out once more, `lagSamples` + the short path's delay later.
   */
  second?: [number, number];
}

/** The last clean bleed events of one pair (bounded: the path follows the session, its memory does not grow). */
class PathStats {
  static readonly KEEP = 31;
  readonly gains: number[] = [];
  readonly lags: number[] = [];
  readonly errors: number[] = [];
  /** Room paths: the second tap's gain and delay (after the first) per event. */
  readonly seconds: [number, number][] = [];
  private cached: BleedPath | null | undefined;
  add(gain: number, lag: number, errorDb: number, second?: [number, number]): void {
    this.gains.push(gain);
    this.lags.push(lag);
    this.errors.push(errorDb);
    if (second) this.seconds.push(second);
    if (this.gains.length > PathStats.KEEP) {
      this.gains.shift();
      this.lags.shift();
      this.errors.shift();
    }
    if (this.seconds.length > PathStats.KEEP) this.seconds.shift();
    this.cached = undefined;
  }
  path(into: number, from: number, room = false): BleedPath | null {
    if (this.cached !== undefined) return this.cached;
    const quantile = (v: number[], q: number) => [...v].sort((p, q) => p - q)[Math.floor(v.length * q)]!;
    // a path is its events' median, once at least three of them (and half) agree on the delay to a sample
    const lag = this.lags.length ? quantile(this.lags, 0.5) : 0;
    const agree = this.lags.filter((d) => Math.abs(d - lag) <= 1).length;
    if (agree < Math.max(3, this.lags.length / 2)) return (this.cached = null);
    this.cached = {
      into,
      from,
      gain: quantile(this.gains, 0.5),
      lagSamples: lag,
      events: this.gains.length,
      errorDb: Math.max(BLEED_PARAMETERS.cancelFloorDb.value, quantile(this.errors, 0.75)),
      ...(room ? { room: true } : {}),
    };
    if (room && this.seconds.length) {
      const after = quantile(
        this.seconds.map((e) => e[1]),
        0.5,
      );
      const gains = this.seconds.filter((e) => e[1] === after).map((e) => e[0]);
      if (after > 0 && gains.length) this.cached.second = [lag + after, quantile(gains, 0.5)];
    }
    return this.cached;
  }
}

/** K taps, `gain` at tap `at`, zero elsewhere (a single delay as an FIR), written into h (length K). */
const priorInto = (h: Float64Array, at: number, gain: number) => {
  h.fill(0);
  if (at >= 0 && at < h.length) h[at] = gain;
  return h;
};

/**
 * The least-squares FIR of K taps at delays first … first + K − 1 that best explains x[0..n) by y (y[base − d + i]
 * is y at delay d for x[i]), with a ridge of `ridge` × the mean diagonal pulling the taps toward `prior` (the
 * single-delay fit: where the window does not determine the taps, they stay a gain and a delay); writes the taps
 * into out[0..K) and the energy they explain (c·h) and carry (hᵀGh) into out[K], out[K + 1], and returns out. The
 * normal equations' Gram matrix slides along its diagonals (one product in, one out), solved by Cholesky — natively
 * (`drumsFitFir`: every sum in index order, no FMA; test/native/drums-kernels.test.ts holds the JS loops it matches
 * to the bit).
 */
export function fitFir(
  x: Float64Array,
  y: Float64Array,
  n: number,
  base: number,
  first: number,
  K: number,
  ridge: number,
  prior: Float64Array | null = null,
  out: Float64Array = new Float64Array(K + 2),
): Float64Array {
  if (out.length !== K + 2) throw new RangeError(`fitFir: out must hold ${K} taps and 2 energies`);
  native().drumsFitFir(x, y, n, base, first, ridge, prior, out);
  return out;
}

type F64 = Float64Array<ArrayBuffer>;
/** The bleed judge's per-hit windows, reused. */
type JudgeScratch = [F64, F64, F64, F64, F64];

/** The first or second difference of x[from..] (the detection emphasis) into y, x[from−2..from−1] as history. */
function emphasizeInto(x: Float64Array, y: Float64Array, order: number): void {
  for (let i = 0; i < x.length; i++) {
    const a = i >= 1 ? x[i - 1]! : 0;
    const b = i >= 2 ? x[i - 2]! : 0;
    y[i] = order === 0 ? x[i]! : order === 1 ? x[i]! - a : (x[i]! - 2 * a + b) / 2;
  }
}

const peakFrom = (x: Float64Array, from: number) => {
  let p = 0;
  for (let i = from; i < x.length; i++) {
    const v = x[i]! < 0 ? -x[i]! : x[i]!;
    if (v > p) p = v;
  }
  return p;
};

/**
 * Hit detection on the close mics of one session, in lockstep, on the bleed-cancelled signals: the
 * same blocks of every mic (same rate, same length) go in together; what the other close mics leak
 * into each mic (the session's bleed paths: gain with polarity and delay per pair, learnt from clean
 * bleed events) is taken out before the mic's hits are looked for, so a hit right after a leak is
 * seen against silence and a leak does not trigger at all. The bleed model (each mic = its drum + the
 * other drums through their paths) is inverted exactly, sample by sample: each mic's own drum is its
 * samples less the paths applied to the other mics' own drums as estimated so far (every delay is at
 * least a sample), so what leaks into a mic through a third one cancels too. Each hit is then judged
 * `lookAheadMs` after its start against a ring of the last moments of every close mic (what the paths
 * left, or a hit the paths do not explain yet). Memory: two rings per mic (bounded by `lookAheadMs`)
 * and a few numbers per kept hit, whatever the session's length.
 */
export class SessionDetector {
  static readonly CHUNK = 4096;
  readonly detectors: HitDetector[];
  /** Hits kept (not bleed) per close mic, in time order. */
  readonly kept: CloseCandidate[][];
  readonly verdicts: BleedVerdict[] = [];
  private readonly emphasis: number[];
  private readonly last: Float64Array[];
  /** Per mic, the last `lookAheadMs` and a little more: its samples, and its own drum (bleed taken out). */
  private readonly raw: Float32Array[];
  private readonly own: Float32Array[];
  private readonly mask: number;
  private n = 0;
  /** Hits not yet judged, and every mic's recent hits (the sources a hit may be a leak of). */
  private readonly pending: CloseCandidate[][];
  private readonly recent: CloseCandidate[][];
  private readonly stats: PathStats[][];
  /** The room paths' events per pair (`roomLagMs`), as `stats`. */
  private readonly roomStats: PathStats[][];
  /** `roomLagMs` and `roomSearchMs` in samples (roomLag ≤ maxLag: no room paths). */
  private readonly roomLag: number;
  private readonly roomSearch: number;
  /** `roomFloorDb` as a gain. */
  private readonly roomFloor: number;
  /** Per mic, of its last kept hit: how much of it its bleed leaves (dB, 0 when nothing leaks into it). */
  private readonly lastOwn: number[];
  private readonly merge: number;
  private readonly lookAhead: number;
  private readonly maxLag: number;
  private readonly len: number;
  private readonly peakLen: number;
  private readonly emphasized: Float32Array[];
  /** `refitLagMs` in samples (0: learnt paths are not refitted). */
  private readonly refit: number;
  /** The learnt paths flattened for the unmix (null: a pair learnt since, rebuild). */
  private flat: Float64Array | null = null;
  /** Per mic, the peaks (dB, through its emphasis) of its last kept hits: the level its own hits reach. */
  private readonly loud: number[][];
  /** Per mic, the largest peak (through its emphasis) of its kept hits so far. */
  private readonly loudest: number[];
  /** The judge's FIR fit: its first tap before the best single delay (`pathPreMs`). */
  private readonly firPre: number;
  /** Taps of the judge's FIR fit of a source with no learnt path (`fallbackFirMs`). */
  private readonly fallbackFir: number;
  /** Triggers found to be later bursts of the hit before them (`SHOT_PARAMETERS`), for the record. */
  readonly shots: ShotVerdict[] = [];
  /** Mics paired as one drum's two mics, and unpaired (`PAIR_PARAMETERS`), for the record. */
  readonly pairings: PairRecord[] = [];
  /** Per mic a and other mic b, of a's last hits: the partner on b (lag in samples, level ratio dB), or null. */
  private readonly partners: ([number, number] | null)[][][];
  /** Whether mics a and b are now one drum's pair. */
  private readonly twin: boolean[][];
  /** Per mic, the largest `levelOf` of its triggers so far. */
  private readonly maxRaw: number[];
  /** Per mic, the start of the last hit counted for pairing. */
  private readonly lastNoted: number[];
  /** `pairLagMs` and `pairSpreadMs` in samples. */
  private readonly pairWin: number;
  private readonly pairSpread: number;
  /** `shotMs` and `shotToleranceMs` in samples (0: off), and `shotHits`. */
  private readonly shotLen: number;
  private readonly shotTol: number;
  private readonly shotHits: number;
  /**
   * Per mic, its last shots (kept hits with no kept hit `shotMs` before them; up to `shotHits` + 1): start, peak (dB,
   * through the emphasis) and the triggers judged on the mic after it within `shotMs`.
   */
  private readonly shotRecords: ShotRecord[][];

  /**
   * `emphasis` per mic: how many times the signal is differenced before detection (0 raw, 1 for a
   * snare, 2 for cymbals and hats): +6 dB per octave each, so a soft hat stands out of the kick that
   * leaks into its mic (60 Hz against 6 kHz: −40 dB after two differences).
   */
  constructor(
    readonly sampleRate: number,
    emphasis: number[],
  ) {
    const mics = emphasis.length;
    this.emphasis = emphasis;
    this.last = emphasis.map(() => new Float64Array(2));
    this.emphasized = emphasis.map(() => new Float32Array(SessionDetector.CHUNK));
    this.detectors = Array.from(
      { length: mics },
      (_, m) =>
        new HitDetector({
          sampleRate,
          chunkFrames: SessionDetector.CHUNK,
          riseSpanMs: DETECT_PARAMETERS.riseSpanMs.value,
          minIntervalMs: DETECT_PARAMETERS.triggerGapMs.value,
          ...(emphasis[m]! >= SWELL_PARAMETERS.swellEmphasis.value
            ? { swellSpanMs: SWELL_PARAMETERS.swellSpanMs.value, swellRiseDb: SWELL_PARAMETERS.swellRiseDb.value }
            : {}),
          ring: {
            settleMs: RING_PARAMETERS.ringSettleMs.value,
            spanMs: RING_PARAMETERS.ringMs.value,
            riseDb: RING_PARAMETERS.ringRiseDb.value,
            marginDb: RING_PARAMETERS.ringMarginDb.value,
            hits: RING_PARAMETERS.ringHits.value,
          },
        }),
    );
    this.kept = emphasis.map(() => []);
    this.lastOwn = emphasis.map(() => 0);
    this.merge = Math.round((DETECT_PARAMETERS.minIntervalMs.value * sampleRate) / 1000);
    this.pending = emphasis.map(() => []);
    this.recent = emphasis.map(() => []);
    this.firPre = Math.round((BLEED_PARAMETERS.pathPreMs.value * sampleRate) / 1000);
    this.fallbackFir = Math.max(1, Math.round((BLEED_PARAMETERS.fallbackFirMs.value * sampleRate) / 1000));
    this.stats = emphasis.map(() => emphasis.map(() => new PathStats()));
    this.maxLag = Math.round((BLEED_PARAMETERS.maxLagMs.value * sampleRate) / 1000);
    this.roomStats = emphasis.map(() => emphasis.map(() => new PathStats()));
    this.roomLag = Math.round((BLEED_PARAMETERS.roomLagMs.value * sampleRate) / 1000);
    this.roomSearch = Math.round((BLEED_PARAMETERS.roomSearchMs.value * sampleRate) / 1000);
    this.roomFloor = 10 ** (BLEED_PARAMETERS.roomFloorDb.value / 20);
    this.len = Math.round((BLEED_PARAMETERS.windowMs.value * sampleRate) / 1000);
    this.refit = Math.round((BLEED_PARAMETERS.refitLagMs.value * sampleRate) / 1000);
    this.loud = emphasis.map(() => []);
    this.loudest = emphasis.map(() => 0);
    this.peakLen = Math.round((DETECT_PARAMETERS.peakWindowMs.value * sampleRate) / 1000);
    this.shotLen = Math.round((SHOT_PARAMETERS.shotMs.value * sampleRate) / 1000);
    this.shotTol = Math.round((SHOT_PARAMETERS.shotToleranceMs.value * sampleRate) / 1000);
    this.shotHits = Math.round(SHOT_PARAMETERS.shotHits.value);
    this.shotRecords = emphasis.map(() => []);
    this.partners = emphasis.map(() => emphasis.map(() => []));
    this.twin = emphasis.map(() => emphasis.map(() => false));
    this.maxRaw = emphasis.map(() => 0);
    this.lastNoted = emphasis.map(() => -Infinity);
    this.pairWin = Math.round((PAIR_PARAMETERS.pairLagMs.value * sampleRate) / 1000);
    this.pairSpread = (PAIR_PARAMETERS.pairSpreadMs.value * sampleRate) / 1000;
    this.lookAhead = Math.max(
      Math.round((BLEED_PARAMETERS.lookAheadMs.value * sampleRate) / 1000),
      this.len + this.detectors[0]!.settleAfter + this.peakLen + SessionDetector.CHUNK,
      this.shotLen + this.detectors[0]!.settleAfter + this.shotTol + SessionDetector.CHUNK,
    );
    let size = 1;
    const far = Math.max(this.maxLag, this.roomLag);
    while (size < this.lookAhead + 2 * SessionDetector.CHUNK + 4 * far + this.len + this.peakLen + 64) size <<= 1;
    this.raw = emphasis.map(() => new Float32Array(size));
    this.own = emphasis.map(() => new Float32Array(size));
    this.mask = size - 1;
  }

  /** The next block of every close mic (planar: one array per mic, equal lengths). */
  push(blocks: Float32Array[]): void {
    const n = blocks[0]?.length ?? 0;
    const nat = native();
    for (let at = 0; at < n; at += SessionDetector.CHUNK) {
      const end = Math.min(n, at + SessionDetector.CHUNK);
      const count = end - at;
      if (this.flat === null) {
        // the paths as the unmix takes them ([into, from, gain, lag] each), rebuilt only when a pair learnt an event
        this.flat = Float64Array.from(
          this.paths().flatMap((p) => [
            ...[p.into, p.from, p.gain, p.lagSamples],
            ...(p.second ? [p.into, p.from, p.second[1], p.second[0]] : []),
          ]),
        );
      }
      const flat = this.flat;
      this.detectors.forEach((_, m) => this.store(this.raw[m]!, blocks[m]!.subarray(at, end)));
      if (flat.length) {
        nat.drumsUnmix(this.raw, this.own, this.n, count, flat);
      } else this.detectors.forEach((_, m) => this.store(this.own[m]!, blocks[m]!.subarray(at, end)));
      this.detectors.forEach((d, a) => {
        const i = this.n & this.mask;
        const y =
          i + count <= this.mask + 1
            ? this.own[a]!.subarray(i, i + count)
            : Float32Array.from(this.span(this.own[a]!, this.n, count));
        d.push(this.emphasize(a, y));
      });
      this.n += end - at;
      this.settle(false);
    }
  }

  /** Writes a block at the current position of a ring. */
  private store(ring: Float32Array, x: Float32Array): void {
    for (let k = 0; k < x.length;) {
      const i = (this.n + k) & this.mask;
      const take = Math.min(x.length - k, ring.length - i);
      ring.set(x.subarray(k, k + take), i);
      k += take;
    }
  }

  /** The learnt paths into mic a. */
  private pathsInto(a: number): BleedPath[] {
    const into: BleedPath[] = [];
    this.stats[a]!.forEach((s, b) => {
      // none between one drum's two mics, none from the second of them (its drum leaks through the first's paths)
      if (b === a || this.twin[a]![b] || this.second(b)) return;
      const p = s.path(a, b);
      if (p) into.push(p);
      const r = this.roomLag > this.maxLag ? this.roomStats[a]![b]!.path(a, b, true) : null;
      if (r) into.push(r);
    });
    return into;
  }

  private emphasize(m: number, x: Float32Array): Float32Array {
    const order = this.emphasis[m]!;
    if (order === 0) return x;
    const st = this.last[m]!;
    // one output buffer per mic, reused: the detector copies each block into its own ring
    let y = this.emphasized[m]!;
    if (y.length < x.length) y = this.emphasized[m] = new Float32Array(x.length);
    y = y.subarray(0, x.length);
    // (the two previous samples in locals through the loop, back in the state after it)
    let s0 = st[0]!;
    let s1 = st[1]!;
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      // first difference, or the second: x[n] − 2x[n−1] + x[n−2] (halved: a full-scale Nyquist tone stays at 2)
      y[i] = order === 1 ? v - s0 : (v - 2 * s0 + s1) / 2;
      s1 = s0;
      s0 = v;
    }
    st[0] = s0;
    st[1] = s1;
    return y;
  }

  /** Ends the session: every pending hit is judged; returns the kept hits per close mic. */
  finish(): CloseCandidate[][] {
    for (const d of this.detectors) d.end();
    this.settle(true);
    return this.kept;
  }

  /** The learnt bleed paths (for the record). */
  paths(): BleedPath[] {
    return this.detectors.flatMap((_, a) => this.pathsInto(a));
  }

  private at(ring: Float32Array, i: number): number {
    return i < 0 || i >= this.n || i <= this.n - ring.length ? 0 : ring[i & this.mask]!;
  }

  /** A ring's samples from `from` into a new array of `length` (or into `into`, zeroed first). */
  private span(ring: Float32Array, from: number, length: number, into?: Float64Array): Float64Array {
    const y = into ? into.fill(0) : new Float64Array(length);
    // the samples still in the ring (as at(): none before the stream or the ring's oldest, none after now)
    const lo = Math.max(from, 0, this.n - ring.length + 1);
    const hi = Math.min(from + length, this.n);
    const mask = this.mask;
    for (let i = lo; i < hi; i++) y[i - from] = ring[i & mask]!;
    return y;
  }

  private settle(atEnd: boolean): void {
    this.detectors.forEach((d, m) => {
      const settled = d.takeSettled(atEnd);
      d.candidates.length = 0; // handed on: the detector keeps no list of its own
      const ring = this.raw[m]!;
      for (const c of settled) {
        // two triggers of one transient (a rise measured over several ticks) are one candidate
        const prev = this.recent[m]![this.recent[m]!.length - 1];
        if (prev && prev.start === c.start) continue;
        let rawPeak = 0;
        for (let i = c.start; i < c.start + this.peakLen; i++) rawPeak = Math.max(rawPeak, Math.abs(this.at(ring, i)));
        let own = 0;
        for (let i = c.start; i < c.start + this.len; i++) own = Math.max(own, Math.abs(this.at(ring, i)));
        const h: CloseCandidate = { start: c.start, peak: c.peak, rise: c.rise, rawPeak, own };
        this.pending[m]!.push(h);
        this.recent[m]!.push(h);
      }
    });
    // judge every hit whose surroundings are all in, in time order across mics
    for (;;) {
      let m = -1;
      for (let k = 0; k < this.pending.length; k++) {
        const h = this.pending[k]![0];
        if (h && (atEnd || h.start + this.lookAhead <= this.n) && (m < 0 || h.start < this.pending[m]![0]!.start))
          m = k;
      }
      if (m < 0) break;
      const h = this.pending[m]!.shift()!;
      this.learnRoom(m, h);
      const { verdict, residualDb } = this.judge(m, h);
      this.notePartners(m, h, verdict ? verdict.source : -1);
      const records = this.shotRecords[m]!;
      const prevShot = records[records.length - 1];
      if (prevShot && h.start - prevShot.start < this.shotLen)
        prevShot.after.push([h.start - prevShot.start, db(h.peak) - prevShot.peakDb]);
      if (verdict) {
        this.verdicts.push(verdict);
        continue;
      }
      // two hits closer than `minIntervalMs` are one: the one its bleed explains less (a leak's onset
      // just before the mic's own hit triggers first)
      const kept = this.kept[m]!;
      const last = kept.length - 1;
      if (last >= 0 && h.start - kept[last]!.start < this.merge) {
        if (residualDb > this.lastOwn[m]!) {
          const was = kept[last]!;
          kept[last] = h;
          this.lastOwn[m] = residualDb;
          this.noteShot(m, h, was);
        }
      } else {
        // a later burst of the hit before it (every earlier shot had one there): part of that hit, it teaches nothing
        if (this.partOfShot(m, h)) continue;
        kept.push(h);
        this.lastOwn[m] = residualDb;
        this.noteShot(m, h, null, kept[last]);
      }
      // a hit below the mic's output floor (`floorRangeDb` under its loudest so far: a faint sound out of digital
      // silence, as the ends of leaked tails ~100 dB down) is no drum of this mic and teaches no bleed path: fitted
      // against another mic's copy of the same faint sound it gives an exact path at the wrong delay (h-dxdet9)
      this.loudest[m] = Math.max(this.loudest[m]!, h.peak);
      if (db(h.peak) >= db(this.loudest[m]!) - DETECT_PARAMETERS.floorRangeDb.value) this.learn(m, h);
      const loud = this.loud[m]!;
      loud.push(db(h.peak));
      if (loud.length > PathStats.KEEP) loud.shift();
    }
    // sources no hit still to be judged can leak into: forget them (the next hit judged starts at the
    // earliest pending start, or `lookAheadMs` before now; a ring shorter than twice `lookAheadMs`, as at
    // 44.1 kHz, must not drop them sooner)
    let next = this.n - this.lookAhead;
    for (const p of this.pending) if (p.length) next = Math.min(next, p[0]!.start);
    const oldest = next - 2 * Math.max(this.maxLag, this.roomLag) - this.len;
    for (const r of this.recent) while (r.length && r[0]!.start < oldest) r.shift();
  }

  /** Hit c's largest |x| on mic m through m's emphasis over `peakWindowMs` from its start (cached on the hit). */
  private levelOf(m: number, c: CloseCandidate): number {
    if (c.level === undefined) {
      const pre = 2;
      const x = this.span(this.raw[m]!, c.start - pre, this.peakLen + pre);
      const y = new Float64Array(x.length);
      emphasizeInto(x, y, this.emphasis[m]!);
      c.level = peakFrom(y, pre);
    }
    return c.level;
  }

  /** Whether mic b is the second of a pair (its drum's leaks are learnt from, and cancelled by, the first). */
  private second(b: number): boolean {
    for (let a = 0; a < b; a++) if (this.twin[a]![b]) return true;
    return false;
  }

  /**
   * Hit h of mic a, just judged (every mic's triggers around it are in; `source`: the mic it was found bleed of, or
   * −1): its partner on every other mic of the same detection emphasis (the nearest trigger within `pairLagMs`)
   * recorded, and each pair's status updated from both mics' last hits. A hit found bleed of a third mic is not
   * counted (a leak into one mic of a pair need not reach the other).
   */
  private notePartners(a: number, h: CloseCandidate, source: number): void {
    if (this.pairWin <= 0) return;
    const level = this.levelOf(a, h);
    if (level <= 0) return;
    this.maxRaw[a] = Math.max(this.maxRaw[a]!, level);
    if (db(level) < db(this.maxRaw[a]!) - PAIR_PARAMETERS.pairRangeDb.value) return;
    // a second trigger of one hit (closer than `minIntervalMs` to the last one counted) is not counted again
    if (h.start - this.lastNoted[a]! < this.merge) return;
    this.lastNoted[a] = h.start;
    this.recent.forEach((other, b) => {
      if (b === a || this.emphasis[b] !== this.emphasis[a] || (source >= 0 && source !== b)) return;
      let near: CloseCandidate | null = null;
      for (const g of other) {
        if (Math.abs(g.start - h.start) > this.pairWin) continue;
        if (this.levelOf(b, g) > 0 && (!near || Math.abs(g.start - h.start) < Math.abs(near.start - h.start))) near = g;
      }
      const list = this.partners[a]![b]!;
      // levels through the mics' common emphasis over the peak window (a snare bottom's missing body does not count
      // against it; a dark kick-out's slow attack reaches its peak within the window)
      list.push(near ? [near.start - h.start, db(this.levelOf(b, near)) - db(level)] : null);
      if (list.length > PathStats.KEEP) list.shift();
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const x = this.agreement(this.partners[lo]![hi]!);
      const y = this.agreement(this.partners[hi]![lo]!);
      // (`pairShare` once a mic has `pairMinHits` counted; before, a majority: an early leak the paths do not know
      // yet does not part a pair)
      const least = PAIR_PARAMETERS.pairMinHits.value;
      const ok = (r: { n: number; share: number }) => r.share >= (r.n >= least ? PAIR_PARAMETERS.pairShare.value : 0.5);
      const most = PAIR_PARAMETERS.pairLevelDb.value;
      // one direction may have no hits yet (the other mic's first partner is judged after this one); each that has
      // must agree, and the two must agree with each other (b after a by d: a after b by −d)
      const paired =
        (x.n > 0 || y.n > 0) &&
        (x.n === 0 || (ok(x) && Math.abs(x.level) <= most)) &&
        (y.n === 0 || (ok(y) && Math.abs(y.level) <= most)) &&
        (x.n === 0 || y.n === 0 || Math.abs(x.lag + y.lag) <= this.pairSpread);
      if (paired === this.twin[lo]![hi]) return;
      this.twin[lo]![hi] = this.twin[hi]![lo] = paired;
      this.flat = null;
      const r = (v: number, d: number) => round(Number.isFinite(v) ? v : 0, d);
      this.pairings.push({
        first: lo,
        second: hi,
        start: h.start,
        paired,
        lagMs: r(x.n ? (x.lag * 1000) / this.sampleRate : (-y.lag * 1000) / this.sampleRate, 3),
        levelDb: r(x.n ? x.level : -y.level, 2),
        share: [r(x.share, 3), r(y.share, 3)],
      });
    });
  }

  /** Of one mic's last hits against another mic: how many, their partners' median lag and level, the share agreeing. */
  private agreement(list: ([number, number] | null)[]): { n: number; lag: number; level: number; share: number } {
    const got = list.filter((e): e is [number, number] => e !== null);
    if (!got.length) return { n: list.length, lag: NaN, level: NaN, share: 0 };
    const median = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)]!;
    const lag = median(got.map((e) => e[0]));
    const level = median(got.map((e) => e[1]));
    const spreadDb = PAIR_PARAMETERS.pairSpreadDb.value;
    const ok = got.filter((e) => Math.abs(e[0] - lag) <= this.pairSpread && Math.abs(e[1] - level) <= spreadDb).length;
    return { n: list.length, lag, level, share: ok / list.length };
  }

  /**
   * A kept hit with no kept hit of its mic `shotMs` before it (a hit that starts a shot, not one inside another's)
   * opens a shot record; a hit merged in place of a record's takes its place.
   */
  private noteShot(m: number, h: CloseCandidate, replaced: CloseCandidate | null, before?: CloseCandidate): void {
    const records = this.shotRecords[m]!;
    const top = records[records.length - 1];
    if (replaced) {
      if (top && top.start === replaced.start)
        records[records.length - 1] = { ...top, start: h.start, peakDb: db(h.peak) };
      return;
    }
    // a hit under the mic's output floor (`floorRangeDb`: never reported) is no shot of the mic's drum
    if (this.shotLen === 0 || db(h.peak) < db(this.loudest[m]!) - DETECT_PARAMETERS.floorRangeDb.value) return;
    if (before && h.start - before.start < this.shotLen) return;
    records.push({ start: h.start, peakDb: db(h.peak), after: [] });
    if (records.length > this.shotHits + 1) records.shift();
  }

  /**
   * Whether hit h of mic m is a later burst of the shot it falls in (a clap's third burst): each of the mic's
   * `shotHits` shots before had a trigger at h's offset from its start (within `shotToleranceMs`) and level
   * against it (within `shotMarginDb`), and no trigger follows h at that offset again (evenly spaced hits are a
   * groove, not one hit's bursts). Recorded in `shots`.
   */
  private partOfShot(m: number, h: CloseCandidate): boolean {
    const records = this.shotRecords[m]!;
    const last = records[records.length - 1];
    if (!last || records.length < this.shotHits + 1) return false;
    const d = h.start - last.start;
    if (d >= this.shotLen) return false;
    const rel = db(h.peak) - last.peakDb;
    const tol = this.shotTol;
    const margin = SHOT_PARAMETERS.shotMarginDb.value;
    for (let k = records.length - 2; k >= 0; k--)
      if (!records[k]!.after.some(([at, level]) => Math.abs(at - d) <= tol && Math.abs(level - rel) <= margin))
        return false;
    for (const g of this.recent[m]!) if (Math.abs(g.start - h.start - d) <= tol) return false;
    this.shots.push({
      track: m,
      start: h.start,
      of: last.start,
      levelDb: round(rel, 2),
      offsetMs: round((d * 1000) / this.sampleRate, 3),
    });
    return true;
  }

  /**
   * Clean bleed events of a kept hit `g` on mic b: on every other close mic a, the stretch from g's start
   * (less what the known paths of the other mics leak into it) fitted by b's samples at the best delay
   * within `maxLagMs`, both through a's detection emphasis; when b alone explains it almost entirely
   * (residual ≤ `learnResidualDb`) with a smaller gain (a leak is quieter than its source), its gain,
   * delay and how well it cancels go into the pair's path.
   * Once a pair has a path (three events agree) its delay is searched within 0.5 ms of the path's.
   */
  private learn(b: number, g: CloseCandidate): void {
    if (this.second(b)) return;
    this.learnRoomFrom(b, g);
    const pre = 2;
    const L = this.len + this.maxLag;
    const yRaw = this.span(this.own[b]!, g.start - this.maxLag - pre, L + this.maxLag + pre);
    const near = Math.round(this.sampleRate / 2000);
    const clean = 10 ** (BLEED_PARAMETERS.learnResidualDb.value / 10);
    // b's samples through each emphasis in use, computed once
    const yBy = new Map<number, Float64Array>();
    const xe = new Float64Array(L + pre);
    const nat = native();
    this.detectors.forEach((_, a) => {
      if (a === b || this.twin[a]![b]) return;
      // both seen through a's emphasis: the fit and its error are what a's detector would see
      const e = this.emphasis[a]!;
      const xRaw = this.span(this.raw[a]!, g.start - pre, L + pre);
      for (const p of this.pathsInto(a)) if (p.from !== b || p.room) this.subtractPath(xRaw, p, g.start - pre);
      emphasizeInto(xRaw, xe, e);
      const x = xe.subarray(pre);
      let ye = yBy.get(e);
      if (!ye) {
        ye = new Float64Array(yRaw.length);
        emphasizeInto(yRaw, ye, e);
        yBy.set(e, ye);
      }
      const y = ye.subarray(pre);
      let xx = 0;
      for (let i = 0; i < L; i++) xx += x[i]! * x[i]!;
      if (xx === 0) return;
      const stats = this.stats[a]![b]!;
      const known = stats.path(a, b);
      const lo = known ? Math.max(1, known.lagSamples - near) : 1;
      const hi = known ? Math.min(this.maxLag, known.lagSamples + near) : this.maxLag;
      const [d, gain] = nat.drumsBestLag(x, y, L, this.maxLag, lo, hi) as unknown as [number, number, number];
      // how well it cancels: the residual's energy and peak against the leak's
      let r = 0;
      let rr = 0;
      let yy = 0;
      for (let i = 0; i < L; i++) {
        const v = y[this.maxLag - d + i]!;
        const e = x[i]! - gain * v;
        rr += e * e;
        yy += v * v;
        r = Math.max(r, Math.abs(e));
      }
      // a clean event: explained almost entirely, and the leak quieter than its source
      if (rr / xx > clean || (xx - rr) / yy >= 1 || Math.abs(gain) >= 1) return;
      stats.add(gain, d, db(r) - db(peakFrom(xe, pre)));
      this.flat = null;
    });
  }

  /**
   * Room events (`roomLagMs`): trigger h on mic a, `maxLagMs` to `roomLagMs` after a louder kept hit g of another
   * close mic b (not its pair's, nor a pair's second mic). Mic a's stretch from h (less every learnt path into it but
   * b's room path) is fitted by b's own drum at delays within `roomSearchMs` of h's distance from g, both through a's
   * emphasis; explained to `roomResidualDb` by a smaller gain, it is a clean event of b's room path into a. Only a
   * path learnt from three agreeing events takes anything out: one trigger decides nothing.
   */
  private learnRoom(a: number, h: CloseCandidate): void {
    if (this.roomLag <= this.maxLag) return;
    const near = Math.round(this.sampleRate / 2000);
    this.kept.forEach((hits, b) => {
      if (b === a || this.twin[a]![b] || this.second(b)) return;
      // b's loudest kept hit beyond `maxLagMs` and within reach of `roomLagMs` before h, louder than h
      let g: CloseCandidate | null = null;
      for (let k = hits.length - 1; k >= 0; k--) {
        const c = hits[k]!;
        const d0 = h.start - c.start;
        if (d0 - this.roomSearch > this.roomLag) break;
        if (d0 + this.roomSearch <= this.maxLag || c.rawPeak <= h.own) continue;
        if (!g || c.rawPeak > g.rawPeak) g = c;
      }
      if (!g) return;
      const known = this.roomStats[a]![b]!.path(a, b, true);
      const d0 = h.start - g.start;
      let lo = Math.max(this.maxLag + 1, d0 - this.roomSearch);
      let hi = Math.min(this.roomLag, d0 + this.roomSearch);
      if (known) ((lo = Math.max(lo, known.lagSamples - near)), (hi = Math.min(hi, known.lagSamples + near)));
      if (lo <= hi) this.fitRoom(a, b, h.start, lo, hi);
    });
  }

  /**
   * Room events taught by kept hit g of mic b: on every mic a whose room path from b has an event already, the stretch
   * where that event's delay puts g's room copy is fitted at delays within 0.5 ms of the events' median (so a room
   * path is learnt from b's hits, not only from the triggers its copies cause).
   */
  private learnRoomFrom(b: number, g: CloseCandidate): void {
    if (this.roomLag <= this.maxLag) return;
    const near = Math.round(this.sampleRate / 2000);
    this.roomStats.forEach((row, a) => {
      const stats = row[b]!;
      if (a === b || !stats.lags.length || this.twin[a]![b]) return;
      const mid = [...stats.lags].sort((p, q) => p - q)[stats.lags.length >> 1]!;
      const lo = Math.max(this.maxLag + 1, mid - near);
      const hi = Math.min(this.roomLag, mid + near);
      if (lo <= hi) this.fitRoom(a, b, g.start + mid, lo, hi);
    });
  }

  /**
   * One room event of b into a: mic a's stretch from `at` (less every learnt path into it but b's room path) fitted
   * by b's own drum at delays lo … hi, through the stronger of the two mics' emphases, with a second tap the short
   * path's delay later; explained to `roomResidualDb` by a smaller gain (at least `roomFloorDb`), it goes into the
   * pair's room path.
   */
  private fitRoom(a: number, b: number, at: number, lo: number, hi: number): void {
    const pre = 2;
    const len = this.len;
    const clean = 10 ** (BLEED_PARAMETERS.roomResidualDb.value / 10);
    // seen through the stronger of the two mics' emphases: the leak is the source's drum, clearest where its own
    // detector sees it (a hat's room leak on a raw tom mic: the kick's low ring there is no part of it)
    const e = Math.max(this.emphasis[a]!, this.emphasis[b]!);
    const stats = this.roomStats[a]![b]!;
    const xRaw = this.span(this.raw[a]!, at - pre, len + pre);
    for (const p of this.pathsInto(a)) if (!(p.room && p.from === b)) this.subtractPath(xRaw, p, at - pre);
    const xe = new Float64Array(len + pre);
    emphasizeInto(xRaw, xe, e);
    const x = xe.subarray(pre);
    // b's short path into a (taken out of x above) took b's own room copy out too, its delay later: a second tap
    const short = this.stats[a]![b]!.path(a, b);
    const ds = short ? short.lagSamples : 0;
    const far = hi + ds;
    const yRaw = this.span(this.own[b]!, at - pre - far, len + pre + far);
    const ye = new Float64Array(yRaw.length);
    emphasizeInto(yRaw, ye, e);
    const y = ye.subarray(pre);
    let xx = 0;
    for (let i = 0; i < len; i++) xx += x[i]! * x[i]!;
    if (xx === 0) return;
    const [d, g1] = native().drumsBestLag(x, y, len, far, lo, hi) as unknown as [number, number, number];
    let gain = g1;
    let gain2 = 0;
    if (ds > 0) {
      // the two taps jointly (least squares, 2 × 2)
      let s11 = 0;
      let s12 = 0;
      let s22 = 0;
      let x1 = 0;
      let x2 = 0;
      for (let i = 0; i < len; i++) {
        const u = y[far - d + i]!;
        const w = y[far - d - ds + i]!;
        s11 += u * u;
        s12 += u * w;
        s22 += w * w;
        x1 += x[i]! * u;
        x2 += x[i]! * w;
      }
      const det = s11 * s22 - s12 * s12;
      if (det > 1e-12 * s11 * s22) ((gain = (x1 * s22 - x2 * s12) / det), (gain2 = (x2 * s11 - x1 * s12) / det));
    }
    let r = 0;
    let rr = 0;
    for (let i = 0; i < len; i++) {
      const res = x[i]! - gain * y[far - d + i]! - (ds > 0 ? gain2 * y[far - d - ds + i]! : 0);
      rr += res * res;
      r = Math.max(r, Math.abs(res));
    }
    if (rr / xx > clean || Math.abs(gain) >= 1 || Math.abs(gain2) >= Math.abs(gain) || Math.abs(gain) < this.roomFloor)
      return;
    stats.add(gain, d, db(r) - db(peakFrom(xe, pre)), ds > 0 ? [gain2, ds] : undefined);
    this.flat = null;
  }

  /**
   * A hit the bleed fits did not explain down to `marginDb` is still bleed when what they leave of it (its peak
   * less `residualDb`, through the mic's emphasis) lies `ownFloorDb` below the mic's own hits (the upper quartile
   * of its last kept ones, once `minOwnHits` are in), the fits explained some of it, and a louder hit of another
   * close mic falls on it.
   */
  private belowOwn(
    a: number,
    h: CloseCandidate,
    residualDb: number,
    sources: { b: number; g: CloseCandidate }[],
  ): { verdict: BleedVerdict | null; residualDb: number } {
    const loud = this.loud[a]!;
    const floor = BLEED_PARAMETERS.ownFloorDb.value;
    if (residualDb >= 0 || loud.length < BLEED_PARAMETERS.minOwnHits.value || !(floor > 0))
      return { verdict: null, residualDb };
    const upper = [...loud].sort((p, q) => p - q)[Math.floor(loud.length * 0.75)]!;
    if (db(h.peak) + residualDb > upper - floor) return { verdict: null, residualDb };
    // the loudest other close mic's hit on it (sources with and without a path)
    let lead: { b: number; g: CloseCandidate } | null = null;
    for (const s of sources) if (!lead || s.g.rawPeak > lead.g.rawPeak) lead = s;
    this.recent.forEach((other, b) => {
      if (b === a || this.twin[a]![b]) return;
      for (const g of other)
        if (g.start >= h.start - this.maxLag && g.start <= h.start + this.len && g.rawPeak > h.own)
          if (!lead || g.rawPeak > lead.g.rawPeak) lead = { b, g };
    });
    if (!lead) return { verdict: null, residualDb };
    const { b, g } = lead;
    return {
      residualDb,
      verdict: {
        track: a,
        start: h.start,
        source: b,
        lagMs: round(((h.start - g.start) * 1000) / this.sampleRate, 3),
        levelRatioDb: round(db(h.own) - db(g.rawPeak), 2),
        residualDb: round(residualDb, 1),
        sourceStart: g.start,
      },
    };
  }

  /** x (mic p.into's samples from `from`) less what path p carries of its source's own drum there. */
  private subtractPath(x: Float64Array, p: BleedPath, from: number): void {
    const ring = this.own[p.from]!;
    const mask = this.mask;
    const src = from - p.lagSamples;
    // the source's samples still in the ring, as at()
    const lo = Math.max(src, 0, this.n - ring.length + 1);
    const hi = Math.min(src + x.length, this.n);
    for (let j = lo; j < hi; j++) x[j - src]! -= p.gain * ring[j & mask]!;
    if (p.second) this.subtractPath(x, { ...p, lagSamples: p.second[0], gain: p.second[1], second: undefined }, from);
  }

  /**
   * Mic a's samples from `from` less what the paths learnt so far (the detector used those learnt up to
   * `lookAheadMs` earlier) carry of the other mics' own drums.
   */
  private cancelled(a: number, into: BleedPath[], from: number, length: number): Float64Array {
    const x = this.span(this.raw[a]!, from, length);
    for (const p of into) this.subtractPath(x, p, from);
    return x;
  }

  private scratch: JudgeScratch | null = null;

  /** The judge's five windows of `length` (the raw hit, its emphasis, a work array, a path's leak, the residual). */
  private judgeScratch(length: number): JudgeScratch {
    if (this.scratch?.[0].length !== length) {
      const f = () => new Float64Array(length);
      this.scratch = [f(), f(), f(), f(), f()];
    }
    return this.scratch;
  }

  /**
   * Bleed across close mics: a hit is bleed when what the session's bleed paths leave of it (the
   * cancelled signal the detector saw) peaks far below the mic's own signal there — `marginDb` below
   * it, further when the paths cancel better (their error + `marginDb`) — and the hit is quieter here
   * than the source's hit on its own mic. Hits of mics with no path into this one yet are fitted against
   * the louder hits of those mics (least squares, loudest source first, each at its best delay, then each
   * refitted on what the others leave; each source less its own known leaks).
   * Logged with the dominant source, the delay, the level ratio of the two mics and the residual.
   */
  private judge(a: number, h: CloseCandidate): { verdict: BleedVerdict | null; residualDb: number } {
    const pre = 2; // samples before the start, so the differences see the start itself
    const len = this.len;
    const e = this.emphasis[a]!;
    // per-hit windows reused from one judged hit to the next (each overwritten whole or zeroed before use)
    const [x, xe, work, yPath, re] = this.judgeScratch(len + pre);
    this.span(this.raw[a]!, h.start - pre, len + pre, x);
    emphasizeInto(x, xe, e);
    const hitPeak = peakFrom(xe, pre);
    if (hitPeak === 0) return { verdict: null, residualDb: 0 };
    const residualDbOf = (residual: Float64Array) => {
      emphasizeInto(residual, work, e);
      return db(peakFrom(work, pre)) - db(hitPeak);
    };
    const marginDb = BLEED_PARAMETERS.marginDb.value;
    const into = this.pathsInto(a);
    const residual = this.cancelled(a, into, h.start - pre, len + pre);
    let lastResidualDb = residualDbOf(residual);
    if (into.length) {
      let main: { p: BleedPath; peak: number } | null = null;
      for (const p of into) {
        const y = yPath.fill(0);
        this.subtractPath(y, p, h.start - pre);
        for (let i = 0; i < y.length; i++) y[i] = -y[i]!;
        emphasizeInto(y, work, e);
        const peak = peakFrom(work, pre);
        if (!main || peak > main.peak) main = { p, peak };
      }
      const residualDb = lastResidualDb;
      const limit = Math.min(-marginDb, Math.max(...into.map((p) => p.errorDb)) + marginDb);
      if (residualDb <= limit && main) {
        // bleed is quieter here than at its source (the "louder on another close mic"): a hit
        // louder on its own mic than every leaking source's hit on that source's mic is this mic's own
        // drum. The source logged: the one that leaks most (through the emphasis) among those louder.
        const louder = into
          .map((p) => ({
            p,
            src: this.recent[p.from]!.find((g) => Math.abs(h.start - p.lagSamples - g.start) <= len),
          }))
          .filter((c) => c.src && h.rawPeak < c.src.rawPeak);
        const pick = louder.find((c) => c.p === main.p) ?? louder[0];
        if (pick) {
          const src = pick.src!;
          return {
            residualDb,
            verdict: {
              track: a,
              start: h.start,
              source: pick.p.from,
              lagMs: round((pick.p.lagSamples * 1000) / this.sampleRate, 3),
              levelRatioDb: round(db(h.rawPeak) - db(src.rawPeak), 2),
              residualDb: round(residualDb, 1),
              sourceStart: src.start,
            },
          };
        }
      }
    }
    // every louder hit of a close mic with no path into this one yet that leaks into this window,
    // earlier or a little later
    // (and, when the paths left too much, every louder hit of a mic with a path: its path's gain refitted near
    // its delay, jointly with the rest: two sources leaking at once through paths a little off)
    const known = new Map(into.filter((p) => !p.room).map((p) => [p.from, p]));
    const sources: { b: number; g: CloseCandidate; path?: BleedPath }[] = [];
    this.recent.forEach((other, b) => {
      // (never the other mic of this mic's drum)
      if (b === a || this.twin[a]![b] || (known.has(b) && !this.refit)) return;
      const path = known.get(b);
      for (const g of other)
        if (g.start >= h.start - this.maxLag && g.start <= h.start + len && g.rawPeak > h.own)
          sources.push({ b, g, ...(path ? { path } : {}) });
    });
    const slack = Math.round((BLEED_PARAMETERS.startSlackMs.value * this.sampleRate) / 1000);
    const earlier = sources.filter((s) => s.g.start <= h.start + slack);
    if (!earlier.length) return this.belowOwn(a, h, lastResidualDb, sources);
    sources.sort((p, q) => q.g.rawPeak - p.g.rawPeak);
    const lead = earlier.reduce((m, s) => (s.g.rawPeak > m.g.rawPeak ? s : m));
    let leadLag = 0;
    const maxLag = this.maxLag;
    // greedy, then refined: each source refitted on what the others leave (two sources leaking at once
    // bias a single greedy pass). Each source gets `fallbackTaps` delays: besides its direct leak, it reaches
    // this mic a second time through a path learnt from another mic whose own drum still carries it (a kick
    // under every hat: kick → hat never learnt, hat → tom subtracts the kick again, later)
    const taps = Math.max(1, Math.round(BLEED_PARAMETERS.fallbackTaps.value));
    const fits = sources.flatMap((s) => {
      // the source less its own known leaks: a tom mic carries the snare too, and the two would fit alike
      const y = this.span(this.own[s.b]!, h.start - pre - maxLag, len + pre + maxLag);
      const ye = e === 0 ? y : new Float64Array(y.length);
      if (e !== 0) emphasizeInto(y, ye, e);
      const lo = s.path ? Math.max(0, s.path.lagSamples - this.refit) : 0;
      const hi = s.path ? Math.min(maxLag, s.path.lagSamples + this.refit) : maxLag;
      return Array.from({ length: s.path ? 1 : taps }, () => {
        const fir = s.path ? 1 : this.fallbackFir;
        // a fit's taps (and, for an FIR, its two energies after them) in one array reused across the rounds
        const fit = new Float64Array(fir > 1 ? Math.min(fir, maxLag) + 2 : 1);
        return { ye, d: lo, gain: 0, lo, hi, fir, first: lo, fit, h: fir > 1 ? fit.subarray(0, fit.length - 2) : fit };
      });
    });
    // the fits are made through the mic's emphasis (what its detector sees and what the residual is measured by):
    // a leak through a low-pass fitted on the raw signal leaves the source's attack, louder through the emphasis
    // than the leak itself. A source with no learnt path is fitted by a short FIR (`fallbackFirMs`) around its best
    // single delay: a leak through a filter (low-pass, high-pass, a reflection close behind) is then explained
    const priorScratch = new Float64Array(Math.min(this.fallbackFir, maxLag));
    emphasizeInto(residual, re, e);
    // (only the emphasized residual is kept up to date: the emphasis is linear, so it is the raw residual's from
    // `pre` on, where its peak is read)
    // re[i] += sign · h[k] · ye[maxLag − first − k + i], tap after tap (native: the same bits as the JS loop)
    const apply = (f: (typeof fits)[number], sign: number) =>
      native().drumsAddTaps(re, f.ye, f.h, maxLag - f.first, len + pre, sign);
    for (let round = 0; round < (fits.length > 1 ? 3 : 1); round++)
      fits.forEach((f) => {
        apply(f, 1);
        const [d, gain] = native().drumsBestLag(re, f.ye, len + pre, maxLag, f.lo, f.hi) as unknown as [number, number];
        f.d = d;
        f.gain = gain;
        if (f.fir > 1) {
          const K = Math.min(f.fir, maxLag);
          f.first = Math.max(1, Math.min(d - this.firPre, maxLag - K + 1));
          fitFir(
            re,
            f.ye,
            len + pre,
            maxLag,
            f.first,
            K,
            BLEED_PARAMETERS.pathRidge.value,
            priorInto(priorScratch, d - f.first, gain),
            f.fit,
          );
        } else {
          f.first = d;
          f.h[0] = gain;
        }
        apply(f, -1);
      });
    let at = 0;
    for (let k = 0; k < sources.indexOf(lead); k++) at += sources[k]!.path ? 1 : taps;
    leadLag = fits[at]!.d;
    const residualDb = db(peakFrom(re, pre)) - db(hitPeak);
    lastResidualDb = residualDb;
    if (residualDb > -marginDb) return this.belowOwn(a, h, residualDb, sources);
    return {
      residualDb,
      verdict: {
        track: a,
        start: h.start,
        source: lead.b,
        lagMs: round((leadLag * 1000) / this.sampleRate, 3),
        levelRatioDb: round(db(h.own) - db(lead.g.rawPeak), 2),
        residualDb: round(residualDb, 1),
        sourceStart: lead.g.start,
      },
    };
  }
}
