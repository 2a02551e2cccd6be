/**
 * A small WAV reader for tests: integer PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with a PCM
 * sub-format), 16 or 24 bits, any channel count, as float64 planar in [-1, 1). Walks the RIFF
 * chunks from the RIFF/WAVE specification; nothing of the project's reader (src/io) is used, so
 * the files peers write (espeak-ng, guitarix-common's IRs) are decoded independently of shub.
 */
import { readFileSync } from 'node:fs';

export interface PcmWav {
  rate: number;
  channels: number;
  bits: 16 | 24;
  /** One array per channel. */
  planar: Float64Array[];
}

export function readPcmWav(file: string): PcmWav {
  const b = readFileSync(file);
  if (b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error(`${file}: not a RIFF/WAVE file`);
  let at = 12;
  let fmt: { rate: number; channels: number; bits: number } | undefined;
  while (at + 8 <= b.length) {
    const id = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      const tag = b.readUInt16LE(at + 8);
      const pcm = tag === 1 || (tag === 0xfffe && b.readUInt16LE(at + 32) === 1);
      if (!pcm) throw new Error(`${file}: format tag ${tag} is not integer PCM`);
      fmt = { channels: b.readUInt16LE(at + 10), rate: b.readUInt32LE(at + 12), bits: b.readUInt16LE(at + 22) };
    }
    if (id === 'data') {
      if (!fmt) throw new Error(`${file}: data before fmt`);
      const { rate, channels, bits } = fmt;
      if (bits !== 16 && bits !== 24) throw new Error(`${file}: ${bits}-bit PCM (16 or 24 expected)`);
      const width = bits / 8;
      // a size past the end of the file (a writer that streamed) reads what is there
      const frames = Math.floor(Math.min(size, b.length - at - 8) / (width * channels));
      const planar = Array.from({ length: channels }, () => new Float64Array(frames));
      const scale = 2 ** (bits - 1);
      for (let i = 0; i < frames; i++)
        for (let c = 0; c < channels; c++)
          planar[c]![i] = b.readIntLE(at + 8 + (i * channels + c) * width, width) / scale;
      return { rate, channels, bits, planar };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}
