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
    while (size < this.keepAfter + this.scanBack + ms(rate, 4) + this.tick * 4) size <<= 1;
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
      if (++this.inTick === this.tick) {
        this.endTick();
        // settle while the hit's samples are still in the ring (blocks may be longer than it)
        if (this.pending.length) this.settle(false);
      }
    }
  }

  /** Ends the stream: hits whose windows run past the end are kept (zero padded). */
  finish(): (Candidate & { rise: number })[] {
    if (this.inTick > 0) this.endTick();
    this.settle(true);
    return this.candidates;
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

  private sampleAt(i: number): number {
    return i < 0 || i >= this.n || i < this.n - this.ring.length ? 0 : this.ring[i & this.mask]!;
  }

  /** Turns pending triggers whose samples are all in into candidates. */
  private settle(atEnd: boolean): void {
    while (this.pending.length && (atEnd || this.n >= this.pending[0]!.trigger + this.keepAfter)) {
      const { trigger, rise } = this.pending.shift()!;
      let peak = 0;
      for (let i = trigger - this.tick; i < trigger + this.peakSamples; i++)
        peak = Math.max(peak, Math.abs(this.sampleAt(i)));
      // what rang before: the largest |x| in the 2 ms before the scan starts
      const scanFrom = trigger - this.scanBack;
      let before = 0;
      for (let i = scanFrom - ms(this.sampleRate, 2); i < scanFrom; i++)
        before = Math.max(before, Math.abs(this.sampleAt(i)));
      const threshold = Math.max(DETECT_PARAMETERS.startFraction.value * peak, 1.5 * before);
      let start = trigger;
      for (let i = scanFrom; i < trigger + this.peakSamples; i++) {
        if (Math.abs(this.sampleAt(i)) >= threshold) {
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

/**
 * Bleed across close mics: hit h on mic A is bleed when a close mic B has a hit starting at most
 * `maxLagMs` earlier whose signal, delayed by that lag and scaled by least squares, explains A's
 * window to `explainedDb` (residual energy / A's energy), with a scale below 1 (B is louder).
 */
export function findBleed(tracks: readonly (readonly Candidate[])[], sampleRate: number): BleedVerdict[] {
  const maxLag = Math.round((BLEED_PARAMETERS.maxLagMs.value * sampleRate) / 1000);
  const early = Math.round(sampleRate / 5000); // 0.2 ms: "at the same time" within detection jitter
  const len = Math.round((BLEED_PARAMETERS.windowMs.value * sampleRate) / 1000);
  const verdicts: BleedVerdict[] = [];
  /** The source's window delayed by d samples, aligned with h's window from its start. */
  const delayed = (h: Candidate, g: Candidate, d: number): Float64Array => {
    const y = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      const j = g.preSamples + (h.start - g.start) + i - d;
      y[i] = j >= 0 && j < g.window.length ? g.window[j]! : 0;
    }
    return y;
  };
  tracks.forEach((hits, a) => {
    hits.forEach((h, k) => {
      const x = Float64Array.from(h.window.subarray(h.preSamples, h.preSamples + len));
      const xx = x.reduce((sum, v) => sum + v * v, 0);
      if (xx === 0) return;
      // candidate sources: louder hits on other close mics that start up to maxLag earlier
      const sources: { track: number; g: Candidate; y: Float64Array; lag: number }[] = [];
      tracks.forEach((others, b) => {
        if (b === a) return;
        for (const g of others) {
          const lag = h.start - g.start;
          if (lag < -early || lag > maxLag || g.peak <= h.peak) continue;
          // the delay that best explains x by this source alone (bleed arrives late: d ≥ 0)
          let best = { d: Math.max(0, lag), res: Infinity };
          for (let d = 0; d <= maxLag; d++) {
            const y = delayed(h, g, d);
            let xy = 0;
            let yy = 0;
            for (let i = 0; i < len; i++) {
              xy += x[i]! * y[i]!;
              yy += y[i]! * y[i]!;
            }
            const res = yy > 0 ? xx - (xy * xy) / yy : xx;
            if (res < best.res) best = { d, res };
          }
          sources.push({ track: b, g, y: delayed(h, g, best.d), lag: best.d });
        }
      });
      if (sources.length === 0) return;
      // all of them at once (coincident hits bleed together), least squares by Gram–Schmidt: each
      // source's window made orthogonal to those before it, the residual projected off each in turn
      const r = Float64Array.from(x);
      const basis: Float64Array[] = [];
      const shares = sources.map((src) => {
        const q = Float64Array.from(src.y);
        const norm0 = q.reduce((sum, v) => sum + v * v, 0);
        for (const e of basis) {
          let dot = 0;
          for (let t = 0; t < len; t++) dot += q[t]! * e[t]!;
          for (let t = 0; t < len; t++) q[t]! -= dot * e[t]!;
        }
        const norm = Math.sqrt(q.reduce((sum, v) => sum + v * v, 0));
        if (!(norm > 1e-6 * Math.sqrt(norm0))) return 0; // nothing new in this source
        for (let t = 0; t < len; t++) q[t]! /= norm;
        basis.push(q);
        let dot = 0;
        for (let t = 0; t < len; t++) dot += r[t]! * q[t]!;
        for (let t = 0; t < len; t++) r[t]! -= dot * q[t]!;
        return dot * dot;
      });
      const explained = xx - r.reduce((sum, v) => sum + v * v, 0);
      const residualDb = 10 * Math.log10(Math.max((xx - explained) / xx, 1e-12));
      if (residualDb > BLEED_PARAMETERS.explainedDb.value) return;
      // the dominant source: the largest share of the explained energy
      let main = 0;
      for (let i = 1; i < shares.length; i++) if (shares[i]! > shares[main]!) main = i;
      const src = sources[main]!;
      verdicts.push({
        track: a,
        hit: k,
        source: src.track,
        lagMs: round((src.lag * 1000) / sampleRate, 3),
        levelRatioDb: round(db(h.peak) - db(src.g.peak), 2),
        residualDb: round(residualDb, 1),
      });
    });
  });
  return verdicts;
}
