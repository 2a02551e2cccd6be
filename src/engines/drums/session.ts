/**
 * Detection over a whole drum session (issue 13): the close mics in lockstep through the
 * SessionDetector (bleed rejected across them), each whole-kit stem (`mix`) through its own
 * detector with every hit classified, overheads and room left alone (they are moved, never
 * triggered). Pure: equal-length mono blocks of every track in, hits out. Memory: the detectors'
 * rings, a second of 1 ms band energies per stem for the classifier, and a few values per hit.
 */
import type { Instrument } from '../../recipes/drums.js';
import type { StemFeatures } from './classify.js';
import { StemAnalyzer } from './stem.js';
import { SessionDetector, toHits, type BleedPath, type BleedVerdict, type DrumHit, type PairRecord } from './detect.js';

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
  features?: StemFeatures;
  classReason?: string;
  /** A `mix` hit that is a second piece struck with another (a cymbal under a kick). */
  secondary?: boolean;
}

export interface TrackDetection {
  /** What this track is for detection: close mic, whole-kit stem, or an ambient mic (not triggered). */
  role: 'close' | 'mix' | 'ambient';
  hits: SessionHit[];
  /** Hits on this mic rejected as bleed of another close mic, with what decided. */
  bleed: (BleedVerdict & { timeSeconds: number; sourceTimeSeconds: number | null })[];
}

export class DrumSessionDetector {
  private readonly close: number[] = [];
  private readonly stems = new Map<number, StemAnalyzer>();
  private readonly session: SessionDetector | null;
  private frames = 0;

  constructor(
    readonly sampleRate: number,
    readonly instruments: readonly Instrument[],
  ) {
    instruments.forEach((ins, t) => {
      if (ins === 'mix') this.stems.set(t, new StemAnalyzer(sampleRate));
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

  /**
   * Close mics paired as one drum's two (`PAIR_PARAMETERS`) and unpaired, in judging order, as track indices (the
   * record of the decision: lag, level ratio and the share of each mic's hits that agreed).
   */
  get pairings(): (PairRecord & { firstTrack: number; secondTrack: number })[] {
    return (this.session?.pairings ?? []).map((r) => ({
      ...r,
      firstTrack: this.close[r.first]!,
      secondTrack: this.close[r.second]!,
    }));
  }

  /** The bleed paths learnt so far (short and room paths: gain, delay, events), as track indices. */
  get paths(): (BleedPath & { intoTrack: number; fromTrack: number })[] {
    return (this.session?.paths() ?? []).map((p) => ({
      ...p,
      intoTrack: this.close[p.into]!,
      fromTrack: this.close[p.from]!,
    }));
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
      const found = s.finish();
      // toHits keeps the candidates' order and the floor they already passed: one hit per candidate
      const hits = toHits(
        found.map((c) => ({ start: c.start, peak: c.peak, rise: c.rise, window: new Float32Array(0), preSamples: 0 })),
        rate,
      );
      out[t]!.hits = hits.map((h, k) => {
        const c = found[k]!;
        return {
          ...h,
          instrument: c.cls,
          confidence: round(Math.min(h.confidence, c.confidence), 3),
          features: {
            share: c.features.share.map((v) => round(v, 3)),
            addedDb: c.features.addedDb.map((v) => round(Math.max(v, -120), 1)),
            decayMs: c.features.decayMs.map((v) => (Number.isFinite(v) ? round(v, 1) : -1)),
          },
          classReason: c.reason,
          ...(c.secondary ? { secondary: true } : {}),
        };
      });
    }
    return out;
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0;
