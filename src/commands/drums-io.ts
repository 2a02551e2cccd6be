/**
 * The tracks of a drum session read together (issue 13): every file opened and checked (one rate,
 * one length: a multi-mic recording's mics are sample-aligned), then decoded in lockstep into
 * equal mono blocks (a stereo mic folded to mono for detection) or planar blocks (for printing).
 * Memory: a block or two per track.
 */
import { InputError, UsageError } from '../errors.js';
import { openAudio, ReadBuffers, type AudioSource } from '../io/audio.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import { quotePath } from '../io/names.js';
import { Decoder } from '../engines/reamp/chain.js';
import { native } from '../native.js';
import type { RunInput } from '../store/types.js';
import type { SessionTrack } from '../recipes/drums.js';

export interface SessionFormat {
  sampleRate: number;
  frames: number;
  /** Channels per track (1 or 2). */
  channels: (1 | 2)[];
}

/**
 * The tracks' read buffers, handed from one pass's closed sources to the next pass's (fresh memory costs a
 * page fault per 4 KiB; a replace reads 8 mics twice in 1 MiB blocks, three per track). Every block read
 * here is used up before its source closes (decoded, folded, copied or written and awaited).
 */
const readBuffers = new ReadBuffers();

/**
 * Opens every track and checks that they can be read together; `reread`: a second pass over tracks
 * this run has read and checked whole (not hashed or scanned again).
 */
export async function openTracks(
  tracks: readonly SessionTrack[],
  ffmpeg: FfmpegChoice,
  where: string,
  reread = false,
): Promise<{ sources: AudioSource[]; format: SessionFormat }> {
  const sources: AudioSource[] = [];
  try {
    for (const t of tracks) sources.push(await openAudio(t.file, { ffmpeg, reread, buffers: readBuffers }));
    const first = sources[0]!.format;
    const channels = sources.map((s, i) => {
      const c = s.format.channels;
      if (c > 2)
        throw new InputError(tracks[i]!.file, `has ${c} channels; a drum mic is mono or stereo, split it first`);
      return c as 1 | 2;
    });
    sources.forEach((s, i) => {
      if (s.format.sampleRate !== first.sampleRate)
        throw new UsageError(
          `${where}: track '${tracks[i]!.name}' (${quotePath(tracks[i]!.file)}) is at ${s.format.sampleRate} Hz but ` +
            `'${tracks[0]!.name}' is at ${first.sampleRate} Hz; the mics of one session share a rate, resample first`,
        );
      if (s.format.frames !== null && first.frames !== null && s.format.frames !== first.frames)
        throw new UsageError(
          `${where}: track '${tracks[i]!.name}' has ${s.format.frames} frames but '${tracks[0]!.name}' has ` +
            `${first.frames}; the mics of one session start together and have one length, export them so`,
        );
    });
    return { sources, format: { sampleRate: first.sampleRate, frames: first.frames ?? 0, channels } };
  } catch (err) {
    for (const s of sources) await s.close().catch(() => undefined);
    throw err;
  }
}

/** Blocks that are views of a reader's own buffer (mono float read as it is): never decoded into. */
const borrowed = new WeakSet<Float32Array[]>();

/**
 * A track's planar blocks as read (the addon's PCM decoder, synchronous: a drum session's tracks are
 * plain mono or stereo at one rate, so no mixer or resampler stands between the file and the detector),
 * decoded into a spare block of the right length when there is one (fresh memory per block costs its
 * page faults). Mono float samples that need no sanitizing are not copied at all: the block is a view of
 * the bytes read, which the reader overwrites only reads later (a WAV source cycles three buffers; a track
 * is read again only once the consumer is done with its last block).
 */
async function* decoded(source: AudioSource, channels: 1 | 2, spare: Float32Array[][]): AsyncGenerator<Float32Array[]> {
  for (;;) {
    const b = await source.read();
    if (!b) return;
    let planar: Float32Array[];
    const into = spare.length && spare[spare.length - 1]![0]!.length === b.frames ? spare.pop() : undefined;
    try {
      planar = native().drumsDecode(b.pcm, b.format, b.frames, channels, into, true);
    } catch (err) {
      if (/NaN\/Inf/.test((err as Error).message))
        throw new InputError(source.file, 'contains NaN/Inf samples; the float data is corrupt, re-export it');
      throw err;
    }
    if (planar[0]!.buffer === b.pcm.buffer) {
      borrowed.add(planar);
      if (into) spare.push(into);
    }
    yield planar;
  }
}

/**
 * Equal-length planar blocks of every track, in lockstep, until the (shared) end. A block yielded is
 * the consumer's until it asks for the next one (then its memory is decoded into again): copy what
 * must outlive that.
 */
export async function* lockstep(
  sources: readonly AudioSource[],
  format: SessionFormat,
  tracks: readonly SessionTrack[],
): AsyncGenerator<Float32Array[][]> {
  // per track: blocks free to decode into, and those handed on or used up since the last yield
  const spare: Float32Array[][][] = sources.map(() => []);
  const retired: Float32Array[][][] = sources.map(() => []);
  const iters = sources.map((s, i) => decoded(s, format.channels[i]!, spare[i]!));
  const pending: { blocks: Float32Array[][]; offset: number }[] = sources.map(() => ({ blocks: [], offset: 0 }));
  const done = sources.map(() => false);
  const available = (i: number) => {
    const p = pending[i]!;
    return p.blocks.reduce((s, b) => s + b[0]!.length, 0) - p.offset;
  };
  for (;;) {
    // the consumer is done with the last yield: what it held may be decoded into again (two spares at most)
    for (let i = 0; i < sources.length; i++) {
      for (const b of retired[i]!) if (spare[i]!.length < 2 && !borrowed.has(b)) spare[i]!.push(b);
      retired[i]!.length = 0;
    }
    for (let i = 0; i < sources.length; i++) {
      while (!done[i] && available(i) === 0) {
        const r = await iters[i]!.next();
        if (r.done) done[i] = true;
        else pending[i]!.blocks.push(r.value);
      }
    }
    const avail = sources.map((_, i) => available(i));
    const n = Math.min(...avail);
    if (n === 0) {
      const longer = avail.findIndex((a) => a > 0);
      if (longer >= 0)
        throw new UsageError(
          `track '${tracks[longer]!.name}' is longer than '${tracks[avail.indexOf(0)]!.name}'; the mics of one ` +
            'session have one length, export them so',
        );
      return;
    }
    yield pending.map((p, i) => {
      const ch = format.channels[i]!;
      // a whole block as decoded is handed on as it is (the usual case: every track read in blocks of one size)
      const head = p.blocks[0]!;
      if (p.offset === 0 && head[0]!.length === n) {
        p.blocks.shift();
        retired[i]!.push(head);
        return head;
      }
      const out = Array.from({ length: ch }, () => new Float32Array(n));
      let filled = 0;
      while (filled < n) {
        const b = p.blocks[0]!;
        const take = Math.min(n - filled, b[0]!.length - p.offset);
        for (let c = 0; c < ch; c++) out[c]!.set(b[c]!.subarray(p.offset, p.offset + take), filled);
        filled += take;
        p.offset += take;
        if (p.offset === b[0]!.length) {
          retired[i]!.push(p.blocks.shift()!);
          p.offset = 0;
        }
      }
      return out;
    });
  }
}

/** A track's channels folded to mono (the mean). */
export function mono(planar: Float32Array[]): Float32Array {
  if (planar.length === 1) return planar[0]!;
  const n = planar[0]!.length;
  const out = new Float32Array(n);
  for (const c of planar) for (let i = 0; i < n; i++) out[i]! += c[i]! / planar.length;
  return out;
}

/** The run record's input for a source read to its end. */
export async function inputOf(s: AudioSource): Promise<RunInput> {
  const { speakers: _speakers, ...format } = s.format;
  return { path: s.file, sizeBytes: s.sizeBytes, sha256: await s.sha256(), format };
}

/** A kit sample read whole (mono, the session's rate; at most `maxSeconds`). */
export async function readSample(
  file: string,
  sampleRate: number,
  ffmpeg: FfmpegChoice,
  maxSeconds: number,
  at: string,
): Promise<Float32Array> {
  const source = await openAudio(file, { ffmpeg });
  try {
    const f = source.format;
    if (f.sampleRate !== sampleRate)
      throw new UsageError(
        `${at}: ${quotePath(file)} is at ${f.sampleRate} Hz but the session is at ${sampleRate} Hz; ` +
          'resample the kit (or the session) so they match',
      );
    if (f.channels > 2) throw new InputError(file, `has ${f.channels} channels; a kit sample is mono or stereo`);
    if (f.frames !== null && f.frames > maxSeconds * sampleRate)
      throw new UsageError(`${at}: ${quotePath(file)} is longer than ${maxSeconds} s; a drum sample is a one-shot`);
    const parts: Float32Array[] = [];
    let n = 0;
    for await (const b of new Decoder(sampleRate, f.channels as 1 | 2, 0).blocks(source)) {
      const m = mono(b);
      n += m.length;
      if (n > maxSeconds * sampleRate)
        throw new UsageError(`${at}: ${quotePath(file)} is longer than ${maxSeconds} s; a drum sample is a one-shot`);
      parts.push(Float32Array.from(m));
    }
    const out = new Float32Array(n);
    let k = 0;
    for (const p of parts) {
      out.set(p, k);
      k += p.length;
    }
    return out;
  } finally {
    await source.close();
  }
}

/** A file name from a track name: letters, digits, `.`, `_` and `-` kept, the rest `-`. */
export function trackFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return safe || 'track';
}
