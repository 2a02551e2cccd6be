/**
 * One way in for audio: `openAudio(file)` probes the file (our own WAV parser, ffmpeg for the
 * rest) and returns a source that yields blocks of interleaved PCM bytes for the native decoder,
 * hashing the file's bytes (sha256) on the way. Memory is bounded: a few blocks of about 1 MiB.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Hash } from 'node:crypto';
import { hashFile } from './hash.js';
import { nodeCrypto } from './lazy-crypto.js';
import { Readable } from 'node:stream';
import type { PcmFormat } from '../native.js';
import { environmentFault, EnvironmentError, InputError } from '../errors.js';
import { CHANNEL_RANGE, defaultSpeakers, SAMPLE_RATE_RANGE_HZ, type AudioFormat } from './format.js';
import { MASK_SPEAKERS, MAX_HEADER_CHUNKS, sniffWav, type WavLayout } from './wav.js';
import { decodeWithFfmpeg, DecodeFailure, probeFfmpeg, type FfmpegChoice } from './ffmpeg.js';
import { judgeLength, READ_LIMITS, SampleCheck, seconds, warningSink } from './verdict.js';

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
  /**
   * Where warnings go as they are found (at open and while reading: a short read, hot float
   * samples, decoder complaints), each once. Without it, the session's sink (setReadWarningSink),
   * else they are collected in `warnings`.
   */
  onWarning?: (message: string) => void;
  /**
   * The file was read whole and checked earlier in this run (a command's second pass over it): its bytes
   * are not hashed again (sha256() rejects) and its float samples not scanned again (a decoder still refuses
   * NaN/Inf). Default false.
   */
  reread?: boolean;
  /**
   * Where a WAV source takes its read buffers and gives them back when closed (a command's passes over the
   * same files: memory touched before costs no page faults again). The caller promises that nothing reads a
   * closed source's blocks (no native work still holding one). Default: buffers of the source's own.
   */
  buffers?: ReadBuffers;
  /**
   * The source's sha256 taken by `hashBeside(fd, bytes)` (the open file and its size at open) instead of on this
   * thread: e.g. src/native.ts sha256Fd, on a thread below the process's others (bench/RESULTS.md, h-speed32,
   * h-speed33). A WAV source starts it at its first read (else it hashes the blocks as they go by); a source decoded
   * by ffmpeg starts it at open, before the probe (else it streams the file through node:crypto beside the decoder).
   * Default: on this thread.
   */
  hashBeside?: (fd: number, bytes: number) => Promise<string>;
}

/**
 * Read buffers handed from closed sources to new ones (OpenAudioOptions.buffers), at most `keep` held; new ones
 * from `allocate` (e.g. memory in 2 MB pages: src/native.ts hugeArrayBuffer), else Buffer.allocUnsafe.
 */
export class ReadBuffers {
  private readonly free: Buffer[] = [];
  constructor(
    private readonly keep = 64,
    private readonly allocate?: (bytes: number) => ArrayBuffer,
  ) {}

  take(bytes: number): Buffer {
    const i = this.free.findIndex((b) => b.length === bytes);
    if (i >= 0) return this.free.splice(i, 1)[0]!;
    return this.allocate ? Buffer.from(this.allocate(bytes)) : Buffer.allocUnsafe(bytes);
  }

  give(b: Buffer): void {
    if (this.free.length < this.keep) this.free.push(b);
  }
}

const DEFAULT_BLOCK_BYTES = 1 << 20;

/**
 * Opens and probes `file`. Throws InputError for missing, unreadable or non-audio files, and while
 * reading for damage (no audio, far less than declared, NaN/Inf or absurd float samples: see
 * READ_LIMITS); EnvironmentError when the machine is at fault (too many open files, a broken ffmpeg).
 */
export async function openAudio(file: string, options: OpenAudioOptions): Promise<AudioSource> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory())
      throw new InputError(
        file,
        'is a directory, not an audio file; pass --recursive for the audio files below it, or name them',
      );
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
  const sink = warningSink(options.onWarning);
  try {
    const sniff = await sniffWav(fh, file, size);
    if (sniff.kind === 'wav') {
      checkRanges(file, sniff.layout.format);
      const inner = new WavSource(
        file,
        fh,
        size,
        sniff.layout,
        options.blockBytes ?? DEFAULT_BLOCK_BYTES,
        options.reread ? false : (options.hashBeside ?? true),
        options.buffers,
      );
      return new CheckedSource(inner, sink, sniff.layout.warnings, !options.reread);
    }
    // a hash beside starts now, beside the probe and the decoder's start (sha256Fd keeps a descriptor of its own)
    const beside = options.reread || !options.hashBeside ? undefined : options.hashBeside(fh.fd, size);
    beside?.catch(() => undefined); // awaited by sha256(); a rejection must not go unhandled meanwhile
    await fh.close();
    const probe = await probeFfmpeg(file, options.ffmpeg, size);
    checkRanges(file, probe.format);
    const decoder = await decodeWithFfmpeg(file, options.ffmpeg, size);
    const inner = new FfmpegSource(
      file,
      size,
      probe.format,
      decoder,
      options.blockBytes ?? DEFAULT_BLOCK_BYTES,
      beside ?? !options.reread,
    );
    inner.estimated = probe.durationEstimated;
    return new CheckedSource(inner, sink, [], !options.reread);
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Opens a file shub has just encoded itself (the codec round trips of validate --codec-check and
 * master) with one ffmpeg run: ffmpeg decodes it to a float WAV stream whose header gives the rate
 * and channel count, where openAudio would start a probe first. The samples and their checks are
 * openAudio's; the container declares no length (a stream), so there is no length verdict.
 */
export async function openEncoded(file: string, options: OpenAudioOptions): Promise<AudioSource> {
  const size = (await stat(file).catch((err: unknown) => Promise.reject(fileSystemError(file, err)))).size;
  const decoder = await decodeWithFfmpeg(file, options.ffmpeg, size, 'wav');
  const chunks = (decoder.stdout as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    const header = await readStreamedWavHeader(chunks).catch(async (err: unknown) => {
      if (!(err instanceof StreamedHeaderError)) throw err;
      if (err.ended) await decoder.done; // a decoder that failed says why
      throw new DecodeFailure(file, err.message);
    });
    const { fmt, rest } = header;
    const fromMask = MASK_SPEAKERS.filter((_, bit) => (fmt.mask >>> bit) & 1);
    const format: AudioFormat = {
      container: 'wav',
      codec: 'pcm_f32le',
      sampleRate: fmt.sampleRate,
      channels: fmt.channels,
      bitDepth: null,
      frames: null,
      durationSeconds: null,
      speakers: fromMask.length === fmt.channels ? fromMask : defaultSpeakers(fmt.channels),
    };
    checkRanges(file, format);
    // the samples after the header, then the rest of ffmpeg's output
    const samples = Readable.from(
      (async function* () {
        if (rest.length > 0) yield rest;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      })(),
      { objectMode: false },
    );
    const kill = () => {
      decoder.kill();
      (decoder.stdout as Readable).destroy();
      return true;
    };
    const inner = new FfmpegSource(
      file,
      size,
      format,
      { ...decoder, stdout: samples as never, kill },
      options.blockBytes ?? DEFAULT_BLOCK_BYTES,
    );
    return new CheckedSource(inner, warningSink(options.onWarning), []);
  } catch (err) {
    decoder.kill();
    (decoder.stdout as Readable).destroy();
    await decoder.done.catch(() => undefined);
    throw err;
  }
}

class StreamedHeaderError extends Error {
  constructor(
    message: string,
    readonly ended = false,
  ) {
    super(message);
  }
}

/**
 * The header of a WAV stream (ffmpeg writing to a pipe): RIFF/WAVE, fmt, perhaps LIST, then data,
 * with the sizes ffmpeg could not seek back to fill in left at 0xffffffff. Bodies other than fmt
 * are skipped as they stream past, never held; the walk is bounded like sniffWav's. Returns the
 * format and the bytes already read past the data chunk's header (the first samples).
 */
export async function readStreamedWavHeader(chunks: AsyncIterator<Buffer>) {
  let head: Buffer = Buffer.alloc(0);
  const need = async (bytes: number) => {
    while (head.length < bytes) {
      const next = await chunks.next();
      if (next.done) throw new StreamedHeaderError('ffmpeg wrote no complete WAV header', true);
      head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
    }
  };
  const skip = async (bytes: number) => {
    while (bytes > 0) {
      await need(1);
      const n = Math.min(bytes, head.length);
      head = head.subarray(n);
      bytes -= n;
    }
  };
  await need(12);
  if (head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE')
    throw new StreamedHeaderError("ffmpeg's output is not a RIFF/WAVE stream");
  await skip(12);
  let fmt: { channels: number; sampleRate: number; mask: number } | undefined;
  for (let walked = 0; ; walked++) {
    if (walked === MAX_HEADER_CHUNKS)
      throw new StreamedHeaderError(`ffmpeg's WAV stream has more than ${MAX_HEADER_CHUNKS} header chunks`);
    await need(8);
    const id = head.toString('latin1', 0, 4);
    const size = head.readUInt32LE(4);
    await skip(8);
    if (id === 'data') break;
    if (id === 'LIST' && size === 0xffffffff) {
      // a LIST of unknown size: its sub-chunks are id + size + body like the top level, so the
      // walk goes on inside it until the data chunk
      await skip(4);
      continue;
    }
    if (id === 'fmt ') {
      if (size < 16 || size > 64) throw new StreamedHeaderError(`ffmpeg's WAV 'fmt ' chunk is ${size} bytes`);
      await need(size);
      const extensible = head.readUInt16LE(0) === 0xfffe && size >= 40;
      fmt = {
        channels: head.readUInt16LE(2),
        sampleRate: head.readUInt32LE(4),
        mask: extensible ? head.readUInt32LE(20) : 0,
      };
    }
    await skip(size + (size & 1));
  }
  if (!fmt) throw new StreamedHeaderError("ffmpeg's WAV stream has no 'fmt ' chunk");
  return { fmt, rest: head };
}

function fileSystemError(file: string, err: unknown): InputError | EnvironmentError {
  const env = environmentFault(err, `opening ${file}`);
  if (env) return env;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(file, 'no such file; check the path');
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError(file, 'permission denied; check the file permissions');
  if (code === 'EISDIR')
    return new InputError(
      file,
      'is a directory, not an audio file; pass --recursive for the audio files below it, or name them',
    );
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

/** What a reader of one container gives the checking layer: raw blocks, and how long the file says it is. */
interface RawSource {
  readonly file: string;
  readonly format: AudioFormat;
  readonly sizeBytes: number;
  /** Frames the container declares (null: it does not say). */
  readonly declaredFrames: number | null;
  /** Frames the decoder may fall short of `declaredFrames` without a word. */
  readonly slackFrames: number;
  /** `declaredFrames` is an estimate from the bitrate. */
  readonly estimated: boolean;
  read(): Promise<PcmBlock | null>;
  /** After the last block: the decoder's complaints (ffmpeg error lines); throws if the decoder failed. */
  finish(): Promise<string[]>;
  sha256(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The verdict on what is read, the same for every container and every command (src/io/verdict.ts):
 * float samples are scanned (NaN/Inf or beyond +80 dBFS: the rest of the file is counted, then
 * InputError; beyond +24 dBFS: a warning), and at the end the frames read are held against the
 * declared length and the decoder's complaints.
 */
class CheckedSource implements AudioSource {
  readonly warnings: string[] = [];
  private readonly check: SampleCheck | undefined;
  private frames = 0;
  private finished = false;

  constructor(
    private readonly inner: RawSource,
    private readonly sink: ((message: string) => void) | undefined,
    openWarnings: string[],
    scan = true,
  ) {
    const f = inner.format;
    const float = f.codec === 'pcm_f32le' || f.codec === 'pcm_f64le' || inner instanceof FfmpegSource;
    this.check = float && scan ? new SampleCheck(inner.file, f.sampleRate, f.channels) : undefined;
    for (const w of openWarnings) this.warn(w);
  }

  get file(): string {
    return this.inner.file;
  }
  get format(): AudioFormat {
    return this.inner.format;
  }
  get sizeBytes(): number {
    return this.inner.sizeBytes;
  }

  private warn(message: string): void {
    if (this.sink) this.sink(message);
    else this.warnings.push(message);
  }

  read(): Promise<PcmBlock | null> {
    // callers read one block ahead (pipeline.ts): a failure must wait for their await, not crash the process
    const p = this.next();
    p.catch(() => undefined);
    return p;
  }

  private async next(): Promise<PcmBlock | null> {
    if (this.finished) return null;
    const block = await this.inner.read();
    if (!block) return this.end();
    if (this.check && (block.format === 'f32' || block.format === 'f64')) {
      this.check.scan(block.pcm, block.format);
      if (this.check.fatal) {
        // count the rest so the message says how many, then refuse the file: no such sample reaches the DSP
        for (let b = await this.inner.read(); b; b = await this.inner.read()) this.check.scan(b.pcm, b.format as 'f32');
        this.finished = true;
        await this.inner.finish().catch(() => undefined);
        throw this.check.error();
      }
    }
    this.frames += block.frames;
    return block;
  }

  /** "1.90 s of 2.00 s" (or "1.90 s" when the container does not say how long it is). */
  private howMuch(): string {
    const { sampleRate } = this.inner.format;
    const declared = this.inner.declaredFrames;
    const read = seconds(this.frames, sampleRate);
    return declared ? `${read} of ${seconds(declared, sampleRate)}` : read;
  }

  private async end(): Promise<null> {
    this.finished = true;
    const { file, format } = this.inner;
    let complaints: string[];
    try {
      complaints = await this.inner.finish();
    } catch (err) {
      if (!(err instanceof DecodeFailure)) throw err;
      const read = this.howMuch();
      throw new InputError(
        file,
        `ffmpeg could not decode it (${err.reason}) after reading ${read}; check the file or re-export it`,
      );
    }
    const lengthWarning = judgeLength({
      file,
      sampleRate: format.sampleRate,
      declaredFrames: this.inner.declaredFrames,
      readFrames: this.frames,
      slackFrames: this.inner.slackFrames,
      estimated: this.inner.estimated,
      complained: complaints.length > 0,
    });
    if (lengthWarning) this.warn(lengthWarning);
    else if (complaints.length > 0) {
      const read = this.howMuch();
      this.warn(
        `${file}: ffmpeg reported ${complaints.length} decoding error${complaints.length === 1 ? '' : 's'} ` +
          `(${complaints[0]}) while reading ${read}; the audio may have gaps or glitches, check the file`,
      );
    }
    const hot = this.check?.warning();
    if (hot) this.warn(hot);
    return null;
  }

  async sha256(): Promise<string> {
    return this.inner.sha256();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

class WavSource implements RawSource {
  readonly format: AudioFormat;
  readonly declaredFrames: number;
  readonly slackFrames = 0;
  readonly estimated = false;
  /** The hash on the way (hashing true): node:crypto is loaded only then (src/io/lazy-crypto.ts). */
  private readonly hash: Hash | undefined;
  /** The three read buffers' memory, one allocation (given back whole). */
  private readonly slab: Buffer;
  private readonly pool: Buffer[];
  private poolIndex = 0;
  private dataPos: number;
  private readonly dataEnd: number;
  /** The hash: from the end of the data (on the way) or from the first read (beside). */
  private digest?: Promise<string>;

  constructor(
    readonly file: string,
    private readonly fh: FileHandle,
    readonly sizeBytes: number,
    private readonly layout: WavLayout,
    blockBytes: number,
    /** true: on the way, on this thread; a function: beside the reads (OpenAudioOptions.hashBeside). */
    private readonly hashing: boolean | ((fd: number, bytes: number) => Promise<string>) = true,
    private readonly buffers?: ReadBuffers,
  ) {
    this.format = layout.format;
    this.hash = hashing === true ? nodeCrypto().createHash('sha256') : undefined;
    // a short data chunk was judged from the header (sniffWav): what is there is what is read
    this.declaredFrames = layout.format.frames ?? 0;
    const frameBytes = layout.blockAlign;
    const bytes = Math.max(frameBytes, Math.floor(blockBytes / frameBytes) * frameBytes);
    // three buffers: one being metered natively, one being read, one spare
    this.slab = buffers ? buffers.take(3 * bytes) : Buffer.allocUnsafe(3 * bytes);
    this.pool = [0, 1, 2].map((i) => this.slab.subarray(i * bytes, (i + 1) * bytes));
    this.dataPos = layout.dataOffset;
    this.dataEnd = layout.dataOffset + layout.dataBytes;
  }

  private async hashRange(from: number, to: number): Promise<void> {
    if (this.hash === undefined) return;
    const scratch = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, to - from)));
    for (let pos = from; pos < to;) {
      const { bytesRead } = await this.fh.read(scratch, 0, Math.min(scratch.length, to - pos), pos);
      if (bytesRead === 0) break;
      this.hash.update(scratch.subarray(0, bytesRead));
      pos += bytesRead;
    }
  }

  async read(): Promise<PcmBlock | null> {
    if (this.digest === undefined && typeof this.hashing === 'function') {
      this.digest = this.hashing(this.fh.fd, this.sizeBytes);
      this.digest.catch(() => undefined); // awaited by sha256(); a rejection must not go unhandled meanwhile
    }
    if (this.dataPos === this.layout.dataOffset) await this.hashRange(0, this.layout.dataOffset);
    if (this.dataPos >= this.dataEnd) {
      if (this.digest === undefined && this.hash !== undefined) {
        await this.hashRange(this.dataEnd, this.sizeBytes);
        this.digest = Promise.resolve(this.hash.digest('hex'));
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
    this.hash?.update(pcm);
    return { pcm, format: this.layout.pcmFormat, frames: got / this.layout.blockAlign };
  }

  async finish(): Promise<string[]> {
    return [];
  }

  async sha256(): Promise<string> {
    if (!this.hashing) throw new Error(`internal: ${this.file} was opened again without hashing`);
    while (this.digest === undefined) {
      if ((await this.read()) === null) break;
    }
    return await this.digest!;
  }

  async close(): Promise<void> {
    if (this.buffers && this.pool.splice(0).length) this.buffers.give(this.slab);
    await this.fh.close();
  }
}

class FfmpegSource implements RawSource {
  readonly declaredFrames: number | null;
  readonly slackFrames = READ_LIMITS.codecSlackFrames;
  estimated = false;
  private readonly iterator: AsyncIterator<Buffer>;
  private readonly frameBytes: number;
  private carry: Buffer = Buffer.alloc(0);
  private prefetched: Promise<IteratorResult<Buffer>> | undefined;
  private readonly hashPromise: Promise<string>;
  private ended = false;
  private frames = 0;

  constructor(
    readonly file: string,
    readonly sizeBytes: number,
    readonly format: AudioFormat,
    private readonly decoder: Awaited<ReturnType<typeof decodeWithFfmpeg>>,
    private readonly blockBytes: number,
    /** true: streamed on this thread (hashFile); a promise: taken beside (OpenAudioOptions.hashBeside). */
    hashing: boolean | Promise<string> = true,
  ) {
    this.frameBytes = 4 * format.channels;
    this.declaredFrames = format.durationSeconds ? Math.round(format.durationSeconds * format.sampleRate) : null;
    this.iterator = (this.decoder.stdout as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    // start consuming now: an iterator attaches to the stream only on its first next(), and until then
    // ffmpeg's output ran past unread (a stem read after the others were opened came out silent)
    this.prefetched = this.iterator.next();
    this.prefetched.catch(() => undefined);
    this.hashPromise = hashing
      ? (hashing === true ? hashFile(file) : hashing).catch((err: unknown) => {
          throw fileSystemError(file, err);
        })
      : Promise.reject(new Error(`internal: ${file} was opened again without hashing`));
    this.hashPromise.catch(() => undefined);
    this.decoder.done.catch(() => undefined);
  }

  async read(): Promise<PcmBlock | null> {
    if (this.ended) return null;
    const parts: Buffer[] = [this.carry];
    let bytes = this.carry.length;
    while (bytes < this.blockBytes) {
      const next = await (this.prefetched ?? this.iterator.next());
      this.prefetched = undefined;
      if (next.done) {
        this.ended = true;
        break;
      }
      parts.push(next.value);
      bytes += next.value.length;
    }
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
    const whole = Math.floor(all.length / this.frameBytes) * this.frameBytes;
    this.carry = all.subarray(whole);
    if (whole === 0) return this.ended ? null : this.read();
    this.frames += whole / this.frameBytes;
    if (this.ended) this.format.frames = this.frames;
    return { pcm: all.subarray(0, whole), format: 'f32', frames: whole / this.frameBytes };
  }

  async finish(): Promise<string[]> {
    this.format.frames = this.frames;
    return (await this.decoder.done).complaints;
  }

  sha256(): Promise<string> {
    return this.hashPromise;
  }

  async close(): Promise<void> {
    if (!this.ended) {
      this.decoder.kill();
      // a paused pipe holding unread output never ends, and ffmpeg's `done` would wait on it forever
      (this.decoder.stdout as Readable).destroy();
    }
    await this.decoder.done.catch(() => undefined);
  }
}
