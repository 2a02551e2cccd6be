/**
 * Streaming WAV writer: PCM blocks are appended to a temporary file in the target folder; close()
 * fixes the header's sizes and renames the file into place (SPEC §3: no partial outputs). abort()
 * removes the temporary file.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import type { PcmFormat } from '../native.js';
import { temporarySibling } from './atomic.js';
import { wavHeader } from './wav.js';

const BYTES: Record<PcmFormat, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 };
/** Plain RIFF sizes are 32-bit. */
const MAX_RIFF_DATA = 0xffffffff - 64;

export class WavWriter {
  private fh?: FileHandle;
  private dataBytes = 0;
  private readonly tmp: string;
  private readonly headerBytes: number;

  private constructor(readonly target: string, private readonly spec: { sampleRate: number; channels: number; format: PcmFormat }) {
    this.tmp = temporarySibling(target);
    this.headerBytes = wavHeader({ ...spec, dataBytes: 0 }).length;
  }

  static async create(target: string, spec: { sampleRate: number; channels: number; format: PcmFormat }): Promise<WavWriter> {
    const w = new WavWriter(target, spec);
    w.fh = await open(w.tmp, 'w');
    await w.fh.write(wavHeader({ ...spec, dataBytes: 0 }), 0, undefined, 0);
    return w;
  }

  get frames(): number {
    return this.dataBytes / (BYTES[this.spec.format] * this.spec.channels);
  }

  async write(pcm: Uint8Array): Promise<void> {
    if (pcm.length === 0) return;
    if (this.dataBytes + pcm.length > MAX_RIFF_DATA) {
      throw new Error(`${this.target}: the output would exceed the 4 GiB WAV limit; deliver FLAC (--format flac) or split the programme`);
    }
    await this.fh!.write(pcm, 0, pcm.length, this.headerBytes + this.dataBytes);
    this.dataBytes += pcm.length;
  }

  /** Writes the final header and renames into place. */
  async close(): Promise<void> {
    const fh = this.fh!;
    if (this.dataBytes & 1) await fh.write(Buffer.alloc(1), 0, 1, this.headerBytes + this.dataBytes);
    await fh.write(wavHeader({ ...this.spec, dataBytes: this.dataBytes }), 0, undefined, 0);
    await fh.close();
    this.fh = undefined;
    await rename(this.tmp, this.target);
  }

  async abort(): Promise<void> {
    await this.fh?.close().catch(() => undefined);
    this.fh = undefined;
    await rm(this.tmp, { force: true });
  }
}
