/**
 * The compact per-frame features of one take (or a guide vocal), gathered block by block while
 * the take streams past: mean square of the mono mix and of its first difference (how bright the frame is: a
 * breath's hiss against a knock's thud), BS.1770 K-weighted energy (for the voiced loudness), clipped samples per
 * frame, and a fine energy envelope (seams are placed on it). The
 * f0 track comes from the pitch engine and the onsets from the onset engine (the command feeds
 * the native extractor with the same blocks); `withPitch` puts the f0 on this frame grid.
 * Memory: a few numbers per 10 ms frame, never the PCM.
 */
import type { BiquadCoefficients } from '../../native.js';
import { COMP_FRAME_PARAMETERS } from './params.js';

export interface TakeFeatures {
  sampleRate: number;
  channels: number;
  /** Length in samples (per channel). */
  frames: number;
  /** Samples per frame. */
  hop: number;
  /** Mean square of the mono mix per frame (linear). */
  ms: Float32Array;
  /**
   * Mean square of the mono mix's first difference per frame (linear; over `ms` it is 4·sin²(πf/rate) for a tone at
   * f, the spectrum's weight toward the top: a breath's 1–6 kHz hiss reads high, a knock's energy below 500 Hz low).
   * Caches written before h-comp92 have none.
   */
  dms?: Float32Array;
  /** K-weighted energy per frame (sum over channels of the mean square; LUFS = −0.691 + 10·log10). */
  kms: Float32Array;
  /** Samples at or above the clip level per frame (any channel). */
  clips: Uint16Array;
  /** Samples per fine-envelope tick. */
  fineHop: number;
  /** Mean square of the mono mix per tick. */
  fine: Float32Array;
  /** f0 per frame, Hz; 0 where unvoiced (filled by withPitch). */
  f0: Float32Array;
  /** Onsets, seconds (from the onset engine). */
  onsets: number[];
}

class Biquad {
  private z1 = 0;
  private z2 = 0;
  constructor(private readonly c: BiquadCoefficients) {}
  run(x: number): number {
    const { b, a } = this.c;
    const y = b[0] * x + this.z1;
    this.z1 = b[1] * x - a[1] * y + this.z2;
    this.z2 = b[2] * x - a[2] * y;
    return y;
  }
}

/** Growable Float32 storage (frames arrive block by block). */
class Series {
  data: Float32Array;
  length = 0;
  constructor(initial = 1024) {
    this.data = new Float32Array(initial);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Float32Array {
    return this.data.slice(0, this.length);
  }
}

/** Accumulates TakeFeatures from planar float blocks. */
export class FrameMeter {
  readonly hop: number;
  readonly fineHop: number;
  private readonly clipLevel: number;
  private readonly k: { shelf: Biquad; hp: Biquad }[];
  private frames = 0;
  private readonly ms = new Series();
  private readonly kms = new Series();
  private readonly dms = new Series();
  private readonly clips = new Series();
  private readonly fine = new Series(8192);
  // running sums of the current frame and tick
  private inFrame = 0;
  private sumMs = 0;
  private sumK = 0;
  private sumD = 0;
  private lastMono = 0;
  private clipCount = 0;
  private inTick = 0;
  private sumTick = 0;

  constructor(
    readonly sampleRate: number,
    readonly channels: number,
    kWeighting: { shelf: BiquadCoefficients; highpass: BiquadCoefficients },
  ) {
    this.hop = Math.max(1, Math.round(COMP_FRAME_PARAMETERS.frameSeconds.value * sampleRate));
    this.fineHop = Math.max(1, Math.round(COMP_FRAME_PARAMETERS.fineSeconds.value * sampleRate));
    this.clipLevel = COMP_FRAME_PARAMETERS.clipLevel.value;
    this.k = Array.from({ length: channels }, () => ({
      shelf: new Biquad(kWeighting.shelf),
      hp: new Biquad(kWeighting.highpass),
    }));
  }

  /** One block: `planes[c][i]`, every plane the same length. */
  add(planes: Float32Array[]): void {
    const n = planes[0]?.length ?? 0;
    const ch = this.channels;
    for (let i = 0; i < n; i++) {
      let mono = 0;
      let kSum = 0;
      let clipped = false;
      for (let c = 0; c < ch; c++) {
        const x = planes[c]![i]!;
        mono += x;
        const k = this.k[c]!;
        const y = k.hp.run(k.shelf.run(x));
        kSum += y * y;
        if (x >= this.clipLevel || x <= -this.clipLevel) clipped = true;
      }
      mono /= ch;
      const e = mono * mono;
      this.sumMs += e;
      this.sumD += (mono - this.lastMono) * (mono - this.lastMono);
      this.lastMono = mono;
      this.sumK += kSum;
      if (clipped) this.clipCount++;
      this.sumTick += e;
      if (++this.inTick === this.fineHop) {
        this.fine.push(this.sumTick / this.fineHop);
        this.inTick = 0;
        this.sumTick = 0;
      }
      if (++this.inFrame === this.hop) this.closeFrame();
    }
    this.frames += n;
  }

  private closeFrame(): void {
    const n = this.inFrame || 1;
    this.ms.push(this.sumMs / n);
    this.kms.push(this.sumK / n);
    this.dms.push(this.sumD / n);
    this.clips.push(Math.min(65535, this.clipCount));
    this.inFrame = 0;
    this.sumMs = 0;
    this.sumK = 0;
    this.sumD = 0;
    this.clipCount = 0;
  }

  finish(): TakeFeatures {
    if (this.inFrame > 0) this.closeFrame();
    if (this.inTick > 0) this.fine.push(this.sumTick / this.inTick);
    const ms = this.ms.done();
    return {
      sampleRate: this.sampleRate,
      channels: this.channels,
      frames: this.frames,
      hop: this.hop,
      ms,
      kms: this.kms.done(),
      dms: this.dms.done(),
      clips: Uint16Array.from(this.clips.done()),
      fineHop: this.fineHop,
      fine: this.fine.done(),
      f0: new Float32Array(ms.length),
      onsets: [],
    };
  }
}

/** The f0 track (frames at `t` seconds, Hz or null) put on the features' frame grid (nearest frame). */
export function withPitch(
  f: TakeFeatures,
  track: readonly { t: number; hz: number | null }[],
  onsets: readonly number[],
): TakeFeatures {
  const f0 = new Float32Array(f.ms.length);
  if (track.length > 0) {
    const hopS = f.hop / f.sampleRate;
    let j = 0;
    for (let i = 0; i < f0.length; i++) {
      const t = (i + 0.5) * hopS;
      while (j + 1 < track.length && Math.abs(track[j + 1]!.t - t) <= Math.abs(track[j]!.t - t)) j++;
      const hz = track[j]!.hz;
      f0[i] = hz && Math.abs(track[j]!.t - t) <= hopS ? hz : 0;
    }
  }
  return { ...f, f0, onsets: [...onsets] };
}
