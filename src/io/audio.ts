/**
 * One way in for audio: `openAudio(file)` probes the file (our own WAV parser, ffmpeg for the
 * rest) and returns a source that yields blocks of interleaved PCM bytes for the native decoder,
 * hashing the file's bytes (sha256) on the way. Memory is bounded: a few blocks of about 1 MiB.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { hashFile } from './hash.js';
import type { Readable } from 'node:stream';
import type { PcmFormat } from '../native.js';
import { InputError } from '../errors.js';
import { CHANNEL_RANGE, SAMPLE_RATE_RANGE_HZ, type AudioFormat } from './format.js';
import { sniffWav, type WavLayout } from './wav.js';
import { decodeWithFfmpeg, probeWithFfmpeg, type FfmpegChoice } from './ffmpeg.js';

export interface PcmBlock {
  /** Interleaved little-endian samples; valid until the block after next is read. */
  pcm: Buffer;
  format: PcmFormat;
  frames: number;
}

export interface AudioSource {
  readonly file: string;
  readonly format: AudioFormat;
  readonly sizeBytes: number;
  /** Warnings worth showing on stderr (e.g. a torn final frame that was ignored). */
  readonly warnings: string[];
  /** The next block, or null at the end of the audio. */
  read(): Promise<PcmBlock | null>;
  /** Hex sha256 of the whole file; resolves once the file has been read to the end. */
  sha256(): Promise<string>;
  close(): Promise<void>;
}

export interface OpenAudioOptions {
  ffmpeg: FfmpegChoice;
  /** Target block size in bytes (default 1 MiB). */
  blockBytes?: number;
}

const DEFAULT_BLOCK_BYTES = 1 << 20;

/** Opens and probes `file`. Throws InputError for missing, unreadable or non-audio files. */
export async function openAudio(file: string, options: OpenAudioOptions): Promise<AudioSource> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory())
      throw new InputError(file, 'is a directory, not an audio file; pass the files inside it (e.g. dir/*.wav)');
    if (!st.isFile()) throw new InputError(file, 'is not a regular file; pass an audio file');
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fileSystemError(file, err);
  }
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    throw fileSystemError(file, err);
  }
  try {
    const sniff = await sniffWav(fh, file, size);
    if (sniff.kind === 'wav') {
      checkRanges(file, sniff.layout.format);
      return new WavSource(file, fh, size, sniff.layout, options.blockBytes ?? DEFAULT_BLOCK_BYTES);
    }
    await fh.close();
    const format = await probeWithFfmpeg(file, options.ffmpeg, size);
    checkRanges(file, format);
    const decoder = await decodeWithFfmpeg(file, options.ffmpeg, size);
    return new FfmpegSource(file, size, format, decoder, options.blockBytes ?? DEFAULT_BLOCK_BYTES);
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }
}

function fileSystemError(file: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(file, 'no such file; check the path');
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError(file, 'permission denied; check the file permissions');
  if (code === 'EISDIR')
    return new InputError(file, 'is a directory, not an audio file; pass the files inside it (e.g. dir/*.wav)');
  return new InputError(file, `cannot be read (${code ?? (err as Error).message})`);
}

function checkRanges(file: string, f: AudioFormat): void {
  const [minRate, maxRate] = SAMPLE_RATE_RANGE_HZ;
  if (f.sampleRate < minRate || f.sampleRate > maxRate) {
    throw new InputError(
      file,
      `sample rate ${f.sampleRate} Hz is outside the supported ${minRate}–${maxRate} Hz; resample it first (e.g. ` +
        `\`ffmpeg -i ${file} -ar 48000 out.wav\`)`,
    );
  }
  const [minCh, maxCh] = CHANNEL_RANGE;
  if (f.channels < minCh || f.channels > maxCh) {
    throw new InputError(
      file,
      `${f.channels} channels is outside the supported ${minCh}–${maxCh}; downmix or split it first`,
    );
  }
}

class WavSource implements AudioSource {
  readonly warnings: string[] = [];
  readonly format: AudioFormat;
  private readonly hash: Hash = createHash('sha256');
  private readonly pool: Buffer[];
  private poolIndex = 0;
  private dataPos: number;
  private readonly dataEnd: number;
  private digest?: string;

  constructor(
    readonly file: string,
    private readonly fh: FileHandle,
    readonly sizeBytes: number,
    private readonly layout: WavLayout,
    blockBytes: number,
  ) {
    this.format = layout.format;
    const frameBytes = layout.blockAlign;
    const bytes = Math.max(frameBytes, Math.floor(blockBytes / frameBytes) * frameBytes);
    // three buffers: one being metered natively, one being read, one spare
    this.pool = [Buffer.allocUnsafe(bytes), Buffer.allocUnsafe(bytes), Buffer.allocUnsafe(bytes)];
    this.dataPos = layout.dataOffset;
    this.dataEnd = layout.dataOffset + layout.dataBytes;
    if (layout.ignoredTailBytes > 0) {
      this.warnings.push(`${file}: ignored ${layout.ignoredTailBytes} bytes after the last whole sample frame`);
    }
  }

  private async hashRange(from: number, to: number): Promise<void> {
    const scratch = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, to - from)));
    for (let pos = from; pos < to;) {
      const { bytesRead } = await this.fh.read(scratch, 0, Math.min(scratch.length, to - pos), pos);
      if (bytesRead === 0) break;
      this.hash.update(scratch.subarray(0, bytesRead));
      pos += bytesRead;
    }
  }

  async read(): Promise<PcmBlock | null> {
    if (this.dataPos === this.layout.dataOffset) await this.hashRange(0, this.layout.dataOffset);
    if (this.dataPos >= this.dataEnd) {
      if (this.digest === undefined) {
        await this.hashRange(this.dataEnd, this.sizeBytes);
        this.digest = this.hash.digest('hex');
      }
      return null;
    }
    const buf = this.pool[this.poolIndex]!;
    this.poolIndex = (this.poolIndex + 1) % this.pool.length;
    const want = Math.min(buf.length, this.dataEnd - this.dataPos);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.fh.read(buf, got, want - got, this.dataPos + got);
      if (bytesRead === 0)
        throw new InputError(this.file, 'the file ended early while reading (was it truncated while being read?)');
      got += bytesRead;
    }
    this.dataPos += got;
    const pcm = buf.subarray(0, got);
    this.hash.update(pcm);
    return { pcm, format: this.layout.pcmFormat, frames: got / this.layout.blockAlign };
  }

  async sha256(): Promise<string> {
    while (this.digest === undefined) {
      if ((await this.read()) === null) break;
    }
    return this.digest!;
  }

  async close(): Promise<void> {
    await this.fh.close();
  }
}

class FfmpegSource implements AudioSource {
  readonly warnings: string[] = [];
  private readonly iterator: AsyncIterator<Buffer>;
  private readonly frameBytes: number;
  private carry: Buffer = Buffer.alloc(0);
  private readonly hashPromise: Promise<string>;
  private ended = false;
  private frames = 0;

  constructor(
    readonly file: string,
    readonly sizeBytes: number,
    readonly format: AudioFormat,
    private readonly decoder: Awaited<ReturnType<typeof decodeWithFfmpeg>>,
    private readonly blockBytes: number,
  ) {
    this.frameBytes = 4 * format.channels;
    this.iterator = (this.decoder.stdout as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    this.hashPromise = hashFile(file);
    this.hashPromise.catch(() => undefined);
    this.decoder.done.catch(() => undefined);
  }

  async read(): Promise<PcmBlock | null> {
    if (this.ended) return null;
    const parts: Buffer[] = [this.carry];
    let bytes = this.carry.length;
    while (bytes < this.blockBytes) {
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        break;
      }
      parts.push(next.value);
      bytes += next.value.length;
    }
    if (this.ended) await this.decoder.done;
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
    const whole = Math.floor(all.length / this.frameBytes) * this.frameBytes;
    this.carry = all.subarray(whole);
    if (whole === 0) return this.ended ? null : this.read();
    this.frames += whole / this.frameBytes;
    if (this.ended) this.format.frames = this.frames;
    return { pcm: all.subarray(0, whole), format: 'f32', frames: whole / this.frameBytes };
  }

  sha256(): Promise<string> {
    return this.hashPromise;
  }

  async close(): Promise<void> {
    if (!this.ended) this.decoder.kill();
    await this.decoder.done.catch(() => undefined);
  }
}
