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
import { BLEED_PARAMETERS, DETECT_PARAMETERS } from './params.js';

export interface DetectOptions {
  sampleRate: number;
  /** Largest block pushed between two settles (the ring keeps this much more). */
  chunkFrames?: number;
  riseDb?: number;
  minIntervalMs?: number;
  floorRangeDb?: number;
}

/** A hit as found on one mic, before bleed rejection and velocity. */
export interface Candidate {
  /** Sample index of the transient's start. */
  start: number;
  /** Largest |x| in the peak window (linear). */
  peak: number;
  /** Samples from `start − preSamples` on (the bleed test's material). */
  window: Float32Array;
  preSamples: number;
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
  /** The hit's track and index. */
  track: number;
  hit: number;
  /** The close mic whose earlier, louder signal explains it. */
  source: number;
  lagMs: number;
  levelRatioDb: number;
  residualDb: number;
}

const NO_SAMPLES = new Float32Array(0);

const ms = (rate: number, v: number) => Math.max(1, Math.round((v * rate) / 1000));

export class HitDetector {
  readonly sampleRate: number;
  private readonly tick: number;
  private readonly lookbackTicks: number;
  private readonly riseDb: number;
  private readonly refractory: number;
  private readonly peakSamples: number;
  private readonly preSamples: number;
  private readonly scanBack: number;
  private readonly keepAfter: number;
  private readonly ring: Float32Array;
  private readonly mask: number;
  private n = 0;
  private tickPeak = 0;
  private inTick = 0;
  private readonly recentPeak: Float64Array;
  private ticks = 0;
  private lastTrigger = -Infinity;
  private pending: { trigger: number; rise: number }[] = [];
  readonly candidates: (Candidate & { rise: number })[] = [];

  constructor(options: DetectOptions) {
    const rate = options.sampleRate;
    this.sampleRate = rate;
    this.tick = ms(rate, DETECT_PARAMETERS.tickMs.value);
    this.lookbackTicks = Math.max(1, Math.round(DETECT_PARAMETERS.lookbackMs.value / DETECT_PARAMETERS.tickMs.value));
    this.riseDb = options.riseDb ?? DETECT_PARAMETERS.riseDb.value;
    this.refractory = ms(rate, options.minIntervalMs ?? DETECT_PARAMETERS.minIntervalMs.value);
    this.peakSamples = ms(rate, DETECT_PARAMETERS.peakWindowMs.value);
    this.preSamples = ms(rate, 1);
    this.scanBack = ms(rate, 3);
    this.keepAfter = ms(rate, BLEED_PARAMETERS.windowMs.value + BLEED_PARAMETERS.maxLagMs.value) + this.peakSamples;
    let size = 1;
    const need = this.keepAfter + this.scanBack + ms(rate, 4) + this.tick * 4 + (options.chunkFrames ?? 0);
    while (size < need + ms(rate, BLEED_PARAMETERS.maxLagMs.value) + 64) size <<= 1;
    this.ring = new Float32Array(size);
    this.mask = size - 1;
    this.recentPeak = new Float64Array(this.lookbackTicks + 2);
  }

  /** Feeds the next block of mono samples. */
  push(block: Float32Array): void {
    for (let i = 0; i < block.length; i++) {
      const x = block[i]!;
      this.ring[this.n & this.mask] = x;
      this.n++;
      const a = x < 0 ? -x : x;
      if (a > this.tickPeak) this.tickPeak = a;
      if (++this.inTick === this.tick) this.endTick();
    }
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
    if (this.inTick > 0) this.endTick();
    this.settle(true);
    return this.candidates;
  }

  /** Ends the envelope (the last partial tick); candidates still pending settle with takeSettled(true). */
  end(): void {
    if (this.inTick > 0) this.endTick();
  }

  private endTick(): void {
    // peak envelope: the largest |x| of this tick and the one before (1 ms) against the largest of
    // the `lookbackMs` before those; a low drum's waveform swings through zero every few ms, so an
    // energy per tick is no envelope, a peak hold over a period is
    const L = this.lookbackTicks;
    const ring = this.recentPeak;
    const now = Math.max(this.tickPeak, this.ticks > 0 ? ring[(this.ticks - 1) % (L + 2)]! : 0);
    let ref = 0;
    for (let k = 2; k < L + 2 && k <= this.ticks; k++) ref = Math.max(ref, ring[(this.ticks - k) % (L + 2)]!);
    const rise = 20 * Math.log10((now + 1e-9) / (ref + 1e-9));
    const tickStart = this.n - this.inTick;
    if (rise >= this.riseDb && tickStart - this.lastTrigger >= this.refractory) {
      this.pending.push({ trigger: tickStart - (this.ticks > 0 ? this.tick : 0), rise });
      this.lastTrigger = tickStart;
    }
    ring[this.ticks % (L + 2)] = this.tickPeak;
    this.ticks++;
    this.tickPeak = 0;
    this.inTick = 0;
  }

  sampleAt(i: number): number {
    return i < 0 || i >= this.n || i < this.n - this.ring.length ? 0 : this.ring[i & this.mask]!;
  }

  /** Turns pending triggers whose samples are all in into candidates. */
  private settle(atEnd: boolean): void {
    while (this.pending.length && (atEnd || this.n >= this.pending[0]!.trigger + this.keepAfter)) {
      const { trigger, rise } = this.pending.shift()!;
      let peak = 0;
      for (let i = trigger - this.tick; i < trigger + this.peakSamples; i++)
        peak = Math.max(peak, Math.abs(this.sampleAt(i)));
      // the start: the first sample at `startFraction` of the peak that also stands out from what rang
      // in the 3 ms before it (1.5 × its largest |x|), so a decaying drum or earlier bleed underneath is
      // not taken for the new transient
      const scanFrom = trigger - this.scanBack;
      const threshold = DETECT_PARAMETERS.startFraction.value * peak;
      let start = trigger;
      for (let i = scanFrom; i < trigger + this.peakSamples; i++) {
        const v = Math.abs(this.sampleAt(i));
        if (v < threshold) continue;
        let before = 0;
        for (let j = i - this.scanBack; j < i; j++) before = Math.max(before, Math.abs(this.sampleAt(j)));
        if (v > 1.5 * before) {
          start = i;
          break;
        }
      }
      const len = this.preSamples + this.keepAfter;
      const window = new Float32Array(len);
      for (let k = 0; k < len; k++) window[k] = this.sampleAt(start - this.preSamples + k);
      this.candidates.push({ start, peak, window, preSamples: this.preSamples, rise });
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

/** A candidate with every close mic's samples around it (the same stretch on each). */
export interface SessionCandidate extends Candidate {
  rise: number;
  /** Largest |x| of the unemphasized mic in the peak window (what the bleed paths compare). */
  rawPeak: number;
  /** Per close mic: samples from `start − lookBehind` for `lookBehind + windowLen` samples. */
  mics: Float32Array[];
  lookBehind: number;
}

/**
 * Hit detection on the close mics of one session, in lockstep: the same blocks of every mic (same
 * rate, same length) go in together, and when a mic finds a hit the samples of all mics around it are
 * kept, so the bleed test can regress one mic on the others. Memory: a ring per mic and a few
 * milliseconds per hit.
 */
export class SessionDetector {
  static readonly CHUNK = 4096;
  readonly detectors: HitDetector[];
  readonly found: SessionCandidate[][];
  private readonly lookBehind: number;
  private readonly windowLen: number;

  private readonly emphasis: number[];
  private readonly last: Float64Array[];
  /** The unemphasized samples of each mic, last ~0.1 s (bleed windows are taken from these). */
  private readonly raw: Float32Array[];
  private n = 0;

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
    this.detectors = Array.from(
      { length: mics },
      () => new HitDetector({ sampleRate, chunkFrames: SessionDetector.CHUNK }),
    );
    this.found = Array.from({ length: mics }, () => []);
    let size = 1;
    while (size < 2 * SessionDetector.CHUNK + sampleRate / 10) size <<= 1;
    this.raw = emphasis.map(() => new Float32Array(size));
    this.lookBehind = Math.round((BLEED_PARAMETERS.maxLagMs.value * sampleRate) / 1000);
    this.windowLen = Math.round((BLEED_PARAMETERS.windowMs.value * sampleRate) / 1000);
  }

  /** The next block of every close mic (planar: one array per mic, equal lengths). */
  push(blocks: Float32Array[]): void {
    const n = blocks[0]?.length ?? 0;
    for (let at = 0; at < n; at += SessionDetector.CHUNK) {
      const end = Math.min(n, at + SessionDetector.CHUNK);
      this.detectors.forEach((d, m) => {
        const x = blocks[m]!.subarray(at, end);
        const ring = this.raw[m]!;
        for (let i = 0; i < x.length; i++) ring[(this.n + i) & (ring.length - 1)] = x[i]!;
        d.push(this.emphasize(m, x));
      });
      this.n += end - at;
      this.settle(false);
    }
  }

  private emphasize(m: number, x: Float32Array): Float32Array {
    const order = this.emphasis[m]!;
    if (order === 0) return x;
    const st = this.last[m]!;
    const y = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      // first difference, or the second: x[n] − 2x[n−1] + x[n−2] (halved: a full-scale Nyquist tone stays at 2)
      y[i] = order === 1 ? v - st[0]! : (v - 2 * st[0]! + st[1]!) / 2;
      st[1] = st[0]!;
      st[0] = v;
    }
    return y;
  }

  finish(): SessionCandidate[][] {
    for (const d of this.detectors) d.end();
    this.settle(true);
    return this.found;
  }

  private settle(atEnd: boolean): void {
    this.detectors.forEach((d, m) => {
      const settled = d.takeSettled(atEnd);
      d.candidates.length = 0; // handed on: the detector keeps no list of its own
      for (const c of settled) {
        const rawAt = (ring: Float32Array, i: number) =>
          i < 0 || i >= this.n || i < this.n - ring.length ? 0 : ring[i & (ring.length - 1)]!;
        const mics = this.raw.map((ring) => {
          const w = new Float32Array(this.lookBehind + this.windowLen);
          for (let k = 0; k < w.length; k++) w[k] = rawAt(ring, c.start - this.lookBehind + k);
          return w;
        });
        let rawPeak = 0;
        const peakLen = Math.round((DETECT_PARAMETERS.peakWindowMs.value * this.sampleRate) / 1000);
        for (let i = c.start; i < c.start + peakLen; i++) rawPeak = Math.max(rawPeak, Math.abs(rawAt(this.raw[m]!, i)));
        // the detector's own window is not needed past here: a hit keeps only the mics' short windows
        this.found[m]!.push({ ...c, window: NO_SAMPLES, mics, lookBehind: this.lookBehind, rawPeak });
      }
    });
  }
}

/** How mic B leaks into mic A: amplitude gain and delay, learnt from the session's clean bleed events. */
export interface BleedPath {
  into: number;
  from: number;
  gain: number;
  lagSamples: number;
  /** Events it was learnt from. */
  events: number;
}

/** Least-squares gain and residual of x against mic b's samples delayed by d (same window). */
function fit(h: SessionCandidate, a: number, b: number, d: number, len: number): { gain: number; residual: number } {
  const xa = h.mics[a]!;
  const yb = h.mics[b]!;
  let xy = 0;
  let yy = 0;
  let xx = 0;
  for (let i = 0; i < len; i++) {
    const x = xa[h.lookBehind + i]!;
    const y = yb[h.lookBehind + i - d] ?? 0;
    xy += x * y;
    yy += y * y;
    xx += x * x;
  }
  if (yy === 0 || xx === 0) return { gain: 0, residual: 1 };
  return { gain: xy / yy, residual: (xx - (xy * xy) / yy) / xx };
}

/**
 * The session's bleed paths: for each pair of close mics, the hits on A that a louder, earlier hit
 * on B explains almost entirely alone (residual ≤ −15 dB at the best delay) are clean bleed events;
 * their median gain and delay are the path. Pairs without such events have no path.
 */
export function learnBleedPaths(tracks: readonly (readonly SessionCandidate[])[], sampleRate: number): BleedPath[] {
  const maxLag = Math.round((BLEED_PARAMETERS.maxLagMs.value * sampleRate) / 1000);
  const len = Math.round((BLEED_PARAMETERS.windowMs.value * sampleRate) / 1000);
  const paths: BleedPath[] = [];
  const median = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)]!;
  for (let a = 0; a < tracks.length; a++) {
    for (let b = 0; b < tracks.length; b++) {
      if (a === b) continue;
      const gains: number[] = [];
      const lags: number[] = [];
      for (const h of tracks[a]!) {
        const g = tracks[b]!.find(
          (c) => h.start - c.start >= 0 && h.start - c.start <= maxLag && c.rawPeak > 2 * h.rawPeak,
        );
        if (!g) continue;
        let best = { d: 0, gain: 0, residual: 1 };
        // a clean leak starts where its source's start plus the path's delay puts it: the delay is
        // searched within 1 ms of the two starts' distance
        const d0 = h.start - g.start;
        const near = Math.round(sampleRate / 1000);
        for (let d = Math.max(0, d0 - near); d <= Math.min(maxLag, d0 + near); d++) {
          const f = fit(h, a, b, d, len);
          if (f.residual < best.residual) best = { d, ...f };
        }
        if (best.residual <= 10 ** -1.5) {
          gains.push(best.gain);
          lags.push(best.d);
        }
      }
      if (gains.length >= 2)
        paths.push({ into: a, from: b, gain: median(gains), lagSamples: median(lags), events: gains.length });
    }
  }
  return paths;
}

/** The first or second difference of a window (the detection emphasis), in place on a copy. */
function emphasized(x: Float64Array, order: number): Float64Array {
  if (order === 0) return x;
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const a = x[i - 1] ?? 0;
    const b = x[i - 2] ?? 0;
    y[i] = order === 1 ? x[i]! - a : (x[i]! - 2 * a + b) / 2;
  }
  return y;
}

const peakOf = (x: Float64Array, from: number) => {
  let p = 0;
  for (let i = from; i < x.length; i++) p = Math.max(p, Math.abs(x[i]!));
  return p;
};

/**
 * Bleed across close mics: what the other close mics leak into mic A at a hit is predicted from
 * their samples through the session's bleed paths (gain with polarity, delay); the hit is bleed when
 * what is left after subtracting that prediction peaks more than `marginDb` below the hit (both seen
 * through A's detection emphasis). A real hit stands on its own; a leak disappears. Logged with the
 * dominant source, the path's delay, the level ratio of the two mics and the residual.
 */
export function findBleed(
  tracks: readonly (readonly SessionCandidate[])[],
  sampleRate: number,
  emphasis: readonly number[] = tracks.map(() => 0),
): BleedVerdict[] {
  const len = Math.round((BLEED_PARAMETERS.windowMs.value * sampleRate) / 1000);
  const paths = learnBleedPaths(tracks, sampleRate);
  const verdicts: BleedVerdict[] = [];
  tracks.forEach((hits, a) => {
    const into = paths.filter((p) => p.into === a);
    if (into.length === 0) return;
    hits.forEach((h, k) => {
      const pre = 2; // samples before the start, so the differences see the start itself
      const take = (b: number, d: number) => {
        const w = h.mics[b]!;
        const y = new Float64Array(len + pre);
        for (let i = 0; i < len + pre; i++) y[i] = w[h.lookBehind - pre + i - d] ?? 0;
        return y;
      };
      const x = take(a, 0);
      const predicted = new Float64Array(len + pre);
      const parts = into.map((p) => {
        const y = take(p.from, p.lagSamples);
        for (let i = 0; i < y.length; i++) predicted[i]! += p.gain * y[i]!;
        return {
          p,
          peak: peakOf(
            emphasized(
              y.map((v) => v * p.gain),
              emphasis[a]!,
            ),
            pre,
          ),
        };
      });
      const xe = emphasized(x, emphasis[a]!);
      const residual = emphasized(
        x.map((v, i) => v - predicted[i]!),
        emphasis[a]!,
      );
      const hitPeak = peakOf(xe, pre);
      if (hitPeak === 0) return;
      const residualDb = db(peakOf(residual, pre)) - db(hitPeak);
      if (residualDb > -BLEED_PARAMETERS.marginDb.value) return;
      const main = parts.reduce((m, q) => (q.peak > m.peak ? q : m));
      const src = tracks[main.p.from]!.find((g) => Math.abs(h.start - main.p.lagSamples - g.start) <= len);
      // bleed is quieter here than at its source (the "louder on another close mic"): a hit
      // louder on its own mic than the source's hit on the source's mic is this mic's own drum
      if (!src || h.rawPeak >= src.rawPeak) return;
      verdicts.push({
        track: a,
        hit: k,
        source: main.p.from,
        lagMs: round((main.p.lagSamples * 1000) / sampleRate, 3),
        levelRatioDb: round(db(h.rawPeak) - db(src.rawPeak), 2),
        residualDb: round(residualDb, 1),
      });
    });
  });
  // hits the learnt paths did not explain: fitted alone against the louder, earlier hits of the
  // other close mics (greedy least squares, loudest source first, each at its best delay)
  const flagged = new Set(verdicts.map((v) => `${v.track}/${v.hit}`));
  const maxLag = Math.round((BLEED_PARAMETERS.maxLagMs.value * sampleRate) / 1000);
  tracks.forEach((hits, a) => {
    // each mic's hits are in time order: one cursor per other mic walks along with this mic's hits
    const cursor = tracks.map(() => 0);
    hits.forEach((h, k) => {
      if (flagged.has(`${a}/${k}`)) return;
      // the hit's level in the bleed window (a drum landing later in its peak window does not count)
      let own = 0;
      for (let i = 0; i < len; i++) own = Math.max(own, Math.abs(h.mics[a]![h.lookBehind + i] ?? 0));
      const sources: { b: number; g: SessionCandidate }[] = [];
      tracks.forEach((other, b) => {
        if (b === a) return;
        // every louder hit of another close mic that leaks into this window, earlier or a little later
        while (cursor[b]! < other.length && other[cursor[b]!]!.start < h.start - maxLag) cursor[b]!++;
        for (let j = cursor[b]!; j < other.length && other[j]!.start <= h.start + len; j++) {
          const g = other[j]!;
          if (g.rawPeak > own) sources.push({ b, g });
        }
      });
      const earlier = sources.filter((x) => x.g.start <= h.start + 1);
      if (!earlier.length) return;
      sources.sort((p, q) => q.g.rawPeak - p.g.rawPeak);
      const lead = earlier.reduce((m, x) => (x.g.rawPeak > m.g.rawPeak ? x : m));
      const pre = 2;
      const x = new Float64Array(len + pre);
      for (let i = 0; i < len + pre; i++) x[i] = h.mics[a]![h.lookBehind - pre + i] ?? 0;
      const residual = Float64Array.from(x);
      const main = lead;
      let mainLag = 0;
      sources.forEach((src) => {
        const w = h.mics[src.b]!;
        let best = { d: 0, gain: 0, gain2: 0 };
        for (let d = 0; d <= maxLag; d++) {
          let xy = 0;
          let yy = 0;
          for (let i = 0; i < len + pre; i++) {
            const y = w[h.lookBehind - pre + i - d] ?? 0;
            xy += residual[i]! * y;
            yy += y * y;
          }
          if (yy > 0 && (xy * xy) / yy > best.gain2) best = { d, gain: xy / yy, gain2: (xy * xy) / yy };
        }
        for (let i = 0; i < len + pre; i++) residual[i]! -= best.gain * (w[h.lookBehind - pre + i - best.d] ?? 0);
        if (src === lead) mainLag = best.d;
      });
      const e = emphasis[a]!;
      const hitPeak = peakOf(emphasized(x, e), pre);
      if (hitPeak === 0) return;
      const residualDb = db(peakOf(emphasized(residual, e), pre)) - db(hitPeak);
      if (residualDb > -BLEED_PARAMETERS.marginDb.value) return;
      verdicts.push({
        track: a,
        hit: k,
        source: main.b,
        lagMs: round((mainLag * 1000) / sampleRate, 3),
        levelRatioDb: round(db(own) - db(main.g.rawPeak), 2),
        residualDb: round(residualDb, 1),
      });
    });
  });
  return verdicts;
}
