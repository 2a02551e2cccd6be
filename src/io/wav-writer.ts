/**
 * The one streaming WAV writer (master, mix, render): PCM blocks are appended to a temporary
 * file beside the target; finish() writes the header — RF64 above 4 GiB, in the space a JUNK
 * chunk reserved — renames the file into place and returns its sha256. abort() removes the
 * temporary file (SPEC §3: a failed run leaves no partial output).
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdir, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { PcmFormat } from '../native.js';
import { openTemporary, removeTemporary, renameTemporary, temporarySibling } from './atomic.js';
import { hashFile } from './hash.js';
import { wavHeader } from './wav.js';

const BYTES: Record<PcmFormat, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 };
/** RIFF(12) + JUNK or ds64 (36) + fmt (24) + data chunk header (8). */
const HEADER_BYTES = 80;
const MAX_RIFF_DATA = 0xffffffff - HEADER_BYTES;

/** A write error (ENOSPC, EFBIG…) names the output being written, not the temporary or nothing. */
function withPath(err: unknown, target: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof Error && typeof e.code === 'string') e.path = target;
  return err;
}

export interface WavWriterSpec {
  sampleRate: number;
  channels: number;
  format: PcmFormat;
  /**
   * The frames that will be written, when known in advance: the file's sha256 is then taken on the way
   * (finish() reads nothing back; a different count falls back to reading the file).
   */
  frames?: number;
}

export class WavWriter {
  private position = HEADER_BYTES;
  private dataBytes = 0;
  private closed = false;
  /** sha256 of the header for `spec.frames` and the data written so far (null: frames not known). */
  private readonly hash: Hash | null = null;
  private readonly expectedBytes: number = -1;

  private constructor(
    readonly target: string,
    private readonly tmp: string,
    private readonly fh: FileHandle,
    readonly spec: WavWriterSpec,
  ) {
    if (spec.frames !== undefined && Number.isSafeInteger(spec.frames) && spec.frames >= 0) {
      this.expectedBytes = spec.frames * BYTES[spec.format] * spec.channels;
      this.hash = createHash('sha256').update(this.header(this.expectedBytes));
    }
  }

  static async create(target: string, spec: WavWriterSpec): Promise<WavWriter> {
    await mkdir(path.dirname(path.resolve(target)), { recursive: true });
    const tmp = temporarySibling(target);
    let fh: FileHandle;
    try {
      fh = await openTemporary(tmp);
    } catch (err) {
      await removeTemporary(tmp);
      throw withPath(err, target);
    }
    const w = new WavWriter(target, tmp, fh, spec);
    try {
      await fh.write(Buffer.alloc(HEADER_BYTES), 0, HEADER_BYTES, 0);
    } catch (err) {
      await w.abort();
      throw withPath(err, target);
    }
    return w;
  }

  get frames(): number {
    return this.dataBytes / (BYTES[this.spec.format] * this.spec.channels);
  }

  /** Appends interleaved PCM bytes in the writer's format (a Float32Array for f32 works too). */
  async write(pcm: Uint8Array | Float32Array): Promise<void> {
    if (pcm.byteLength === 0) return;
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    let done = 0;
    try {
      while (done < bytes.length) {
        const { bytesWritten } = await this.fh.write(bytes, done, bytes.length - done, this.position + done);
        done += bytesWritten;
      }
    } catch (err) {
      throw withPath(err, this.target);
    }
    this.hash?.update(bytes);
    this.position += bytes.length;
    this.dataBytes += bytes.length;
  }

  /** close(), then the file's sha256. */
  async finish(): Promise<string> {
    await this.close();
    if (this.hash && this.dataBytes === this.expectedBytes) {
      if (this.dataBytes & 1) this.hash.update(Buffer.alloc(1));
      return this.hash.digest('hex');
    }
    return hashFile(this.target);
  }

  /** The header for `dataBytes` of data. */
  private header(dataBytes: number): Buffer {
    const rf64 = dataBytes > MAX_RIFF_DATA;
    const base = wavHeader({ ...this.spec, dataBytes, rf64 });
    let header: Buffer;
    if (rf64) header = base;
    else {
      // RIFF/WAVE, a 28-byte JUNK chunk (where ds64 would go), then the fmt and data headers
      header = Buffer.alloc(HEADER_BYTES);
      base.copy(header, 0, 0, 12);
      header.writeUInt32LE(base.readUInt32LE(4) + 36, 4);
      header.write('JUNK', 12, 'latin1');
      header.writeUInt32LE(28, 16);
      base.copy(header, 48, 12);
    }
    if (header.length !== HEADER_BYTES)
      throw new Error(`internal: WAV header of ${header.length} bytes, expected ${HEADER_BYTES}`);
    return header;
  }

  /** Writes the header and renames into place. */
  async close(): Promise<void> {
    const header = this.header(this.dataBytes);
    try {
      await this.fh.write(header, 0, header.length, 0);
      if (this.dataBytes & 1) await this.fh.write(Buffer.alloc(1), 0, 1, this.position);
      await this.fh.close();
    } catch (err) {
      throw withPath(err, this.target);
    }
    this.closed = true;
    await renameTemporary(this.tmp, this.target);
  }

  /** Removes the temporary file (after a failure). */
  async abort(): Promise<void> {
    if (!this.closed) await this.fh.close().catch(() => undefined);
    this.closed = true;
    await removeTemporary(this.tmp);
  }
}

/**
 * The WAV outputs of one render, kept together: all finished (renamed into place, hashed) or, after
 * a failure, all aborted, so that no partial file is left (SPEC §3).
 */
export class WavFileSet {
  private writers: WavWriter[] = [];

  /** A new writer in the set. */
  async create(target: string, spec: WavWriterSpec): Promise<WavWriter> {
    const w = await WavWriter.create(target, spec);
    this.writers.push(w);
    return w;
  }

  /** Every file closed and renamed into place, in creation order. */
  async close(): Promise<void> {
    while (this.writers.length) {
      await this.writers[0]!.close();
      this.writers.shift();
    }
  }

  /** close(), then each file's sha256 by its path. */
  async finish(): Promise<Map<string, string>> {
    const sha256 = new Map<string, string>();
    while (this.writers.length) {
      const w = this.writers[0]!;
      sha256.set(w.target, await w.finish());
      this.writers.shift();
    }
    return sha256;
  }

  /** Removes every temporary file not yet renamed into place (after a failure). */
  async abort(): Promise<void> {
    for (const w of this.writers.splice(0)) await w.abort();
  }
}
