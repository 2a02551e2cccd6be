/**
 * Quantize and humanize by slices (issue 13). The kit's hits (every close mic's, clustered into
 * kit events) are the slice points, shared by every track, so all mics move together and the lags
 * between them are kept to the sample. Each slice starts `preMs` before its hit; it is moved by a
 * whole number of samples; where slices move apart the gap is filled by starting the later slice
 * earlier in its own source (the quiet before its hit, replayed), where they move together the
 * earlier slice's tail is cut; every seam is a short linear crossfade; the length is kept.
 * Pure: planar blocks in, planar blocks out, a latency behind; memory: the largest move.
 */
import { QUANTIZE_PARAMETERS as Q } from './params.js';
import { mulberry32 } from '../random.js';

/** A kit event: the earliest start of hits closer than `clusterMs` across the tracks (samples). */
export function slicePoints(tracks: readonly (readonly number[])[], rate: number): number[] {
  const all = tracks.flat().sort((a, b) => a - b);
  const gap = (Q.clusterMs.value * rate) / 1000;
  const out: number[] = [];
  for (const t of all) if (!out.length || t - out[out.length - 1]! > gap) out.push(t);
  return out;
}

export interface Move {
  /** The slice's hit (samples) before and after. */
  from: number;
  to: number;
  /** The grid line it was moved toward (samples, fractional), or null for humanize. */
  grid: number | null;
  moved: boolean;
  /** Gain applied to the slice (humanize velocity), 1 otherwise. */
  gain: number;
  reason: string;
}

export interface GridSpec {
  rate: number;
  bpm: number;
  /** Note value of a grid step: 1/16 → 0.0625 (a quarter note is 1/4). */
  grid: number;
  /** Time of a grid line, seconds; null fits the phase to the hits (circular mean). */
  startSeconds: number | null;
  strength?: number;
  window?: number;
  swing?: number;
}

/** The grid the hits are moved to, and each slice's move. */
export function gridMoves(
  slices: readonly number[],
  spec: GridSpec,
): { phaseSeconds: number; stepSeconds: number; moves: Move[] } {
  const rate = spec.rate;
  const step = (60 / spec.bpm) * 4 * spec.grid * rate;
  const strength = spec.strength ?? Q.strength.value;
  const window = spec.window ?? Q.window.value;
  const swing = spec.swing ?? Q.swing.value;
  let phase: number;
  if (spec.startSeconds !== null) phase = spec.startSeconds * rate;
  else {
    // the circular mean of the hits on a two-step cycle (swing moves every second line)
    let c = 0;
    let s = 0;
    for (const t of slices) {
      const a = (2 * Math.PI * t) / step;
      c += Math.cos(a);
      s += Math.sin(a);
    }
    phase = slices.length ? ((((Math.atan2(s, c) / (2 * Math.PI)) * step) % step) + step) % step : 0;
  }
  const moves: Move[] = [];
  const pre = Math.round((Q.preMs.value * rate) / 1000);
  const xf = Math.round((Q.crossfadeMs.value * rate) / 1000);
  let lastTo = -Infinity;
  slices.forEach((t) => {
    const n = Math.round((t - phase) / step);
    // the nearest line, swing applied to odd lines; also try the neighbours (swing can bring them closer)
    let line = 0;
    let best = Infinity;
    for (const m of [n - 1, n, n + 1]) {
      const g = phase + m * step + (((m % 2) + 2) % 2 === 1 ? swing * step : 0);
      if (Math.abs(g - t) < Math.abs(best)) {
        best = g - t;
        line = g;
      }
    }
    const limit = (window * step) / 2;
    let to = t;
    let moved = false;
    let reason: string;
    if (Math.abs(best) > limit + 1e-9)
      reason = `${ms(best, rate)} ms from its grid line, outside the window (±${ms(limit, rate)} ms): left`;
    else {
      to = Math.round(t + strength * best);
      moved = to !== t;
      reason = `${ms(best, rate)} ms from its grid line: moved ${ms(to - t, rate)} ms (strength ${strength})`;
    }
    // slices keep their order, with room for a seam between them
    if (to - lastTo < pre + 2 * xf) {
      to = t;
      moved = false;
      reason = 'would run into the previous hit: left';
    }
    lastTo = to;
    moves.push({ from: t, to, grid: line, moved, gain: 1, reason });
  });
  return { phaseSeconds: phase / rate, stepSeconds: step / rate, moves };
}

/** A small seeded generator (mulberry32): the same seed, the same humanization. */
export const seededRandom = mulberry32;

/** Humanize: each slice moved by up to ±timingMs and scaled by up to ±velocity steps (dB per step given). */
export function humanMoves(
  slices: readonly number[],
  rate: number,
  o: { timingMs: number; velocity: number; seed: number; dbPerVelocity: number },
): Move[] {
  const rnd = seededRandom(o.seed);
  const pre = Math.round((Q.preMs.value * rate) / 1000);
  const xf = Math.round((Q.crossfadeMs.value * rate) / 1000);
  let lastTo = -Infinity;
  return slices.map((t) => {
    const dt = Math.round(((rnd() * 2 - 1) * o.timingMs * rate) / 1000);
    const dv = Math.round((rnd() * 2 - 1) * o.velocity);
    let to = t + dt;
    if (to - lastTo < pre + 2 * xf) to = t;
    lastTo = to;
    return {
      from: t,
      to,
      grid: null,
      moved: to !== t || dv !== 0,
      gain: 10 ** ((dv * o.dbPerVelocity) / 20),
      reason: `humanize: ${ms(to - t, rate)} ms, ${dv >= 0 ? '+' : ''}${dv} velocity`,
    };
  });
}

const ms = (samples: number, rate: number) => Math.round((samples * 1e5) / rate) / 100 + 0;

interface Segment {
  /** First output sample of the segment (the seam's centre). */
  start: number;
  shift: number;
  gain: number;
}

/** The output segments of a set of moves: before the first slice nothing moves. */
export function segmentsOf(moves: readonly Move[], rate: number): Segment[] {
  const pre = Math.round((Q.preMs.value * rate) / 1000);
  const segs: Segment[] = [{ start: -Infinity, shift: 0, gain: 1 }];
  for (const m of moves) {
    const prev = segs[segs.length - 1]!;
    const shift = m.to - m.from;
    segs.push({ start: m.from - pre + Math.min(prev.shift, shift), shift, gain: m.gain });
  }
  return segs;
}

/** Moves slices of planar audio: y(τ) = g · x(τ − shift) per segment, crossfaded at the seams. */
export class SliceMover {
  private readonly xf: number;
  private readonly reach: number;
  private base = 0;
  private buf: Float32Array[];
  private len = 0;
  private out = 0;
  private seg = 0;
  private readonly segs: Segment[];

  constructor(
    rate: number,
    readonly channels: number,
    moves: readonly Move[],
  ) {
    this.segs = segmentsOf(moves, rate);
    this.xf = Math.max(1, Math.round((Q.crossfadeMs.value * rate) / 1000));
    this.reach = Math.max(0, ...this.segs.map((s) => Math.abs(s.shift))) + this.xf + 1;
    this.buf = Array.from({ length: channels }, () => new Float32Array(0));
  }

  /** Output samples lag input samples by this much. */
  get latency(): number {
    return this.reach;
  }

  push(block: Float32Array[]): Float32Array[] {
    const n = block[0]!.length;
    if (this.buf[0]!.length < this.len + n)
      this.buf = this.buf.map((b) => {
        const nb = new Float32Array(Math.max(this.len + n, 2 * b.length));
        nb.set(b.subarray(0, this.len));
        return nb;
      });
    block.forEach((x, c) => this.buf[c]!.set(x, this.len));
    this.len += n;
    return this.emit(this.base + this.len - this.reach, false);
  }

  finish(): Float32Array[] {
    return this.emit(this.base + this.len, true);
  }

  private x(c: number, i: number, end: number): number {
    if (i < 0 || i >= end) return 0;
    return this.buf[c]![i - this.base] ?? 0;
  }

  private emit(upTo: number, atEnd: boolean): Float32Array[] {
    const n = Math.max(0, upTo - this.out);
    const y = Array.from({ length: this.channels }, () => new Float32Array(n));
    const end = atEnd ? this.base + this.len : Infinity;
    const half = this.xf / 2;
    for (let k = 0; k < n; k++) {
      const t = this.out + k;
      while (this.seg + 1 < this.segs.length && this.segs[this.seg + 1]!.start - half <= t) this.seg++;
      const cur = this.segs[this.seg]!;
      // inside a seam: the crossfade from the segment before into this one
      const fadeIn = this.seg > 0 && t < cur.start + half;
      const prev = fadeIn ? this.segs[this.seg - 1]! : null;
      const w = prev ? (t - (cur.start - half) + 0.5) / this.xf : 1;
      for (let c = 0; c < this.channels; c++) {
        let v = cur.gain * this.x(c, t - cur.shift, end);
        if (prev) v = w * v + (1 - w) * prev.gain * this.x(c, t - prev.shift, end);
        y[c]![k] = v;
      }
    }
    this.out += n;
    // keep what later output can still read
    const keepFrom = Math.max(this.base, this.out - this.reach - 1);
    const drop = keepFrom - this.base;
    if (drop > 0) {
      for (const b of this.buf) b.copyWithin(0, drop, this.len);
      this.len -= drop;
      this.base = keepFrom;
    }
    return y;
  }
}
