/** Test signal generation and WAV writing (test-only: encodes with plain rounding, no dither). */
import { writeFileSync } from 'node:fs';
import type { PcmFormat } from '../../src/native.js';
import { wavHeader, type WavHeaderSpec } from '../../src/io/wav.js';

/** Amplitude of a sine whose peak is `dbfs`. */
export const dbToAmp = (db: number) => 10 ** (db / 20);

/** A planar signal: one Float64Array per channel. */
export type Planar = Float64Array[];

export interface Segment {
  seconds: number;
  /** Peak dBFS per channel (or one value for all), -Infinity for silence. */
  dbfs: number | number[];
  freqHz?: number;
}

/** Concatenated sine segments (1 kHz by default), phase-continuous. */
export function sineSegments(sampleRate: number, channels: number, segments: Segment[]): Planar {
  const total = segments.reduce((n, s) => n + Math.round(s.seconds * sampleRate), 0);
  const out = Array.from({ length: channels }, () => new Float64Array(total));
  let at = 0;
  for (const s of segments) {
    const n = Math.round(s.seconds * sampleRate);
    const f = s.freqHz ?? 1000;
    for (let c = 0; c < channels; c++) {
      const db = Array.isArray(s.dbfs) ? s.dbfs[c]! : s.dbfs;
      const a = db === -Infinity ? 0 : dbToAmp(db);
      const ch = out[c]!;
      for (let i = 0; i < n; i++) ch[at + i] = a * Math.sin((2 * Math.PI * f * (at + i)) / sampleRate);
    }
    at += n;
  }
  return out;
}

/** Deterministic white noise (xorshift), uniform in [-amp, amp]. */
export function noise(frames: number, amp: number, seed = 1): Float64Array {
  let s = seed >>> 0 || 1;
  const out = new Float64Array(frames);
  for (let i = 0; i < frames; i++) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    out[i] = (s / 0xffffffff * 2 - 1) * amp;
  }
  return out;
}

const BYTES: Record<PcmFormat, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 };

/** Interleaves and encodes `planar` as little-endian samples of `format`. */
export function encodePcm(planar: Planar, format: PcmFormat): Buffer {
  const channels = planar.length;
  const frames = planar[0]?.length ?? 0;
  const bps = BYTES[format];
  const buf = Buffer.alloc(frames * channels * bps);
  const clampInt = (x: number, bits: number) => {
    const max = 2 ** (bits - 1);
    return Math.max(-max, Math.min(max - 1, Math.round(x * max)));
  };
  let p = 0;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const x = planar[c]![i]!;
      switch (format) {
        case 'u8': buf.writeUInt8(clampInt(x, 8) + 128, p); break;
        case 's16': buf.writeInt16LE(clampInt(x, 16), p); break;
        case 's24': buf.writeIntLE(clampInt(x, 24), p, 3); break;
        case 's32': buf.writeInt32LE(clampInt(x, 32), p); break;
        case 'f32': buf.writeFloatLE(x, p); break;
        case 'f64': buf.writeDoubleLE(x, p); break;
      }
      p += bps;
    }
  }
  return buf;
}

/** Writes a WAV file of `planar` (default 24-bit PCM). */
export function writeWav(
  file: string,
  planar: Planar,
  sampleRate: number,
  format: PcmFormat = 's24',
  extra: Pick<WavHeaderSpec, 'extensible' | 'rf64'> = {},
): void {
  const data = encodePcm(planar, format);
  const header = wavHeader({ sampleRate, channels: planar.length, format, dataBytes: data.length, ...extra });
  writeFileSync(file, Buffer.concat([header, data, Buffer.alloc(data.length & 1)]));
}
