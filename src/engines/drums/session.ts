/**
 * Detection over a whole drum session (issue 13): the close mics in lockstep through the
 * SessionDetector (bleed rejected across them), each whole-kit stem (`mix`) through its own
 * detector with every hit classified, overheads and room left alone (they are moved, never
 * triggered). Pure: equal-length mono blocks of every track in, hits out. Memory: the detectors'
 * rings, a 0.3 s ring per stem for the classifier, and a few values per hit.
 */
import type { Instrument } from '../../recipes/drums.js';
import { classifyHit, classifyWindowSamples, hitFeatures, type HitClass, type HitFeatures } from './classify.js';
import { HitDetector, SessionDetector, toHits, type BleedVerdict, type Candidate, type DrumHit } from './detect.js';

/** Detection emphasis (times differenced) per close-mic instrument: brighter drums stand out of low bleed. */
export const EMPHASIS: Record<Instrument, number> = {
  kick: 0,
  tom: 0,
  snare: 1,
  percussion: 1,
  hihat: 2,
  ride: 2,
  crash: 2,
  mix: 0,
  overheads: 0,
  room: 0,
};

export interface SessionHit extends DrumHit {
  instrument: Exclude<Instrument, 'overheads' | 'room' | 'mix'>;
  /** A `mix` hit's features and the reason for its class. */
  features?: HitFeatures;
  classReason?: string;
}

export interface TrackDetection {
  /** What this track is for detection: close mic, whole-kit stem, or an ambient mic (not triggered). */
  role: 'close' | 'mix' | 'ambient';
  hits: SessionHit[];
  /** Hits on this mic rejected as bleed of another close mic, with what decided. */
  bleed: (BleedVerdict & { timeSeconds: number; sourceTimeSeconds: number | null })[];
}

type Cand = Candidate & { rise: number };

/** A whole-kit stem: hits found on it, each classified once the classifier's window is in. */
class StemDetector {
  readonly detector: HitDetector;
  private readonly ring: Float32Array;
  private readonly window: number;
  private n = 0;
  private readonly waiting: Cand[] = [];
  readonly found: (Cand & { cls: HitClass; features: HitFeatures; reason: string; confidence: number })[] = [];

  constructor(readonly rate: number) {
    this.detector = new HitDetector({ sampleRate: rate, chunkFrames: SessionDetector.CHUNK });
    this.window = classifyWindowSamples(rate);
    let size = 1;
    while (size < this.window + 2 * SessionDetector.CHUNK + this.detector.settleAfter) size <<= 1;
    this.ring = new Float32Array(size);
  }

  push(x: Float32Array): void {
    for (let at = 0; at < x.length; at += SessionDetector.CHUNK) {
      const b = x.subarray(at, Math.min(x.length, at + SessionDetector.CHUNK));
      for (let i = 0; i < b.length; i++) this.ring[(this.n + i) & (this.ring.length - 1)] = b[i]!;
      this.n += b.length;
      this.detector.push(b);
      this.waiting.push(...this.detector.takeSettled(false).map((c) => ({ ...c, window: new Float32Array(0) })));
      this.detector.candidates.length = 0;
      this.classify(false);
    }
  }

  finish(): void {
    this.detector.end();
    this.waiting.push(...this.detector.takeSettled(true).map((c) => ({ ...c, window: new Float32Array(0) })));
    this.detector.candidates.length = 0;
    this.classify(true);
  }

  private classify(atEnd: boolean): void {
    const mask = this.ring.length - 1;
    while (this.waiting.length && (atEnd || this.n >= this.waiting[0]!.start + this.window)) {
      const c = this.waiting.shift()!;
      const x = new Float32Array(this.window);
      // up to the next hit only: its own samples, not the next drum's
      const next = this.waiting[0]?.start ?? Infinity;
      for (let k = 0; k < this.window; k++) {
        const i = c.start + k;
        x[k] = i < this.n && i < next && i >= this.n - this.ring.length ? this.ring[i & mask]! : 0;
      }
      const features = hitFeatures(x, this.rate);
      const { cls, reason, confidence } = classifyHit(features);
      this.found.push({ ...c, cls, features, reason, confidence });
    }
  }
}

export class DrumSessionDetector {
  private readonly close: number[] = [];
  private readonly stems = new Map<number, StemDetector>();
  private readonly session: SessionDetector | null;
  private frames = 0;

  constructor(
    readonly sampleRate: number,
    readonly instruments: readonly Instrument[],
  ) {
    instruments.forEach((ins, t) => {
      if (ins === 'mix') this.stems.set(t, new StemDetector(sampleRate));
      else if (ins !== 'overheads' && ins !== 'room') this.close.push(t);
    });
    this.session = this.close.length
      ? new SessionDetector(
          sampleRate,
          this.close.map((t) => EMPHASIS[instruments[t]!]),
        )
      : null;
  }

  /** The next block of every track (mono, equal lengths, in session order). */
  push(blocks: readonly Float32Array[]): void {
    this.session?.push(this.close.map((t) => blocks[t]!));
    for (const [t, s] of this.stems) s.push(blocks[t]!);
    this.frames += blocks[0]?.length ?? 0;
  }

  finish(): TrackDetection[] {
    const rate = this.sampleRate;
    const out: TrackDetection[] = this.instruments.map((ins) => ({
      role: ins === 'mix' ? 'mix' : ins === 'overheads' || ins === 'room' ? 'ambient' : 'close',
      hits: [],
      bleed: [],
    }));
    if (this.session) {
      const kept = this.session.finish();
      const verdicts = this.session.verdicts;
      this.close.forEach((t, k) => {
        const ins = this.instruments[t] as SessionHit['instrument'];
        out[t]!.hits = toHits(kept[k]!, rate).map((h) => ({ ...h, instrument: ins }));
        out[t]!.bleed = verdicts
          .filter((v) => v.track === k)
          .map((v) => ({
            ...v,
            track: t,
            source: this.close[v.source]!,
            timeSeconds: round(v.start / rate, 6),
            sourceTimeSeconds: v.sourceStart === null ? null : round(v.sourceStart / rate, 6),
          }));
      });
    }
    for (const [t, s] of this.stems) {
      s.finish();
      const hits = toHits(s.found, rate);
      // toHits keeps the candidates' order and drops those under the floor: match them back by sample
      const bySample = new Map(s.found.map((c) => [c.start, c]));
      out[t]!.hits = hits.map((h) => {
        const c = bySample.get(h.sample)!;
        return {
          ...h,
          instrument: c.cls,
          confidence: round(Math.min(h.confidence, c.confidence), 3),
          features: {
            brightnessHz: Math.round(c.features.brightnessHz),
            lowShare: round(c.features.lowShare, 3),
            decayMs: round(c.features.decayMs, 1),
          },
          classReason: c.reason,
        };
      });
    }
    return out;
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0;
