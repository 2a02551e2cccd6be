/**
 * The one block loop over an audio source: each PCM block is read once and handed to every
 * consumer (the level meter, the feature extractor, …), which run side by side on the libuv
 * pool while the next block is read, each at its own pace. Memory stays bounded by the source's
 * block pool and the relay's few mono buffers.
 */
import { InputError } from '../../errors.js';
import type { AudioSource } from '../../io/audio.js';
import type { AddPcmResult, PcmFormat } from '../../native.js';

/** Anything that takes interleaved PCM blocks off the main thread (native LevelMeter, FeatureExtractor). */
export interface PcmSink {
  addPcm(pcm: Uint8Array, format: PcmFormat, frames: number): Promise<AddPcmResult>;
}

/** A sink that can hand the mono mix of each block it decodes to others (the native FeatureExtractor). */
export interface MonoSource extends PcmSink {
  exportMono(buffer: Float32Array | null): void;
}

/** A sink fed the mono mix another sink decoded, instead of decoding the PCM again. */
export interface MonoSink {
  addMono(mono: Float32Array, frames: number): Promise<AddPcmResult>;
}

/**
 * Blocks a PCM sink may trail the reader by: a source keeps a block valid until the block after next is read
 * (AudioSource contract), so block k may still be in a sink while block k + 1 is read.
 */
const PCM_LAG = 2;
/** Mono buffers of the relay: its first sink may run this many blocks ahead of the slowest sink it feeds, less one. */
const MONO_RING = 3;

/**
 * Reads `source` to the end, feeding every sink each block. Returns the frames read. Throws
 * InputError for NaN/Inf samples (a broken float file). Each sink takes the blocks in order, one call at a
 * time, but the sinks do not wait for each other: a sink that is done with block k starts block k + 1 while
 * a slower one is still on block k (no barrier per block: the cores stay busy), within the bounds of what
 * stays valid — a PCM sink trails the reader by at most PCM_LAG blocks, and with `relay` a sink fed the mono
 * mix trails `relay.from` by less than MONO_RING blocks.
 * With `relay`, `relay.from` (one of `sinks`) writes each block's mono mix to one of MONO_RING buffers and the
 * `relay.to` sinks take it once it is written: the PCM is decoded once for them all.
 */
export async function feedSource(
  source: AudioSource,
  sinks: PcmSink[],
  onProgress?: (framesDone: number) => void,
  relay?: { from: MonoSource; to: MonoSink[]; allocate?: (bytes: number) => ArrayBuffer },
): Promise<number> {
  const quiet = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => undefined); // awaited later (or superseded by the first error); never unhandled meanwhile
    return p;
  };
  // each sink's last call: its next block goes after it
  const pcmTail: Promise<unknown>[] = sinks.map(() => Promise.resolve());
  const monoTail: Promise<unknown>[] = relay ? relay.to.map(() => Promise.resolve()) : [];
  const ring: Float32Array[] = relay ? Array.from({ length: MONO_RING }, () => new Float32Array(0)) : [];
  // per block in flight: every PCM sink's result (the first one's is checked), when the relay sinks are done
  const pcmDone = new Map<number, { frames: number; results: Promise<AddPcmResult[]> }>();
  const monoDone = new Map<number, Promise<unknown>>();
  let done = 0;
  // block k's results, in block order: a NaN/Inf in the first sink's result is the input's error
  const settle = async (k: number): Promise<void> => {
    const entry = pcmDone.get(k);
    if (!entry) return;
    pcmDone.delete(k);
    const r = (await entry.results)[0];
    if (r && r.nonFiniteSamples > 0) {
      throw new InputError(
        source.file,
        `contains ${r.nonFiniteSamples} NaN/Inf sample${r.nonFiniteSamples === 1 ? '' : 's'} (first at ` +
          `${(r.firstNonFiniteFrame / source.format.sampleRate).toFixed(3)} s); ` +
          'the float data is corrupt, re-export it',
      );
    }
    done += entry.frames;
    onProgress?.(done);
  };
  let next = source.read();
  let k = 0;
  try {
    for (; ; k++) {
      const block = await next;
      if (!block) break;
      // the next read reuses the buffer of block k - PCM_LAG: every PCM sink must be done with it
      await settle(k - PCM_LAG);
      next = source.read();
      const slot = k % MONO_RING;
      if (relay && ring[slot]!.length < block.frames) {
        // the first block's size for every slot, in one allocation from `allocate` (when given); a larger block
        // later (a decoder's) gets a slot of its own
        if (k === 0 && relay.allocate) {
          const backing = relay.allocate(MONO_RING * block.frames * Float32Array.BYTES_PER_ELEMENT);
          for (let j = 0; j < MONO_RING; j++)
            ring[j] = new Float32Array(backing, j * block.frames * Float32Array.BYTES_PER_ELEMENT, block.frames);
        } else ring[slot] = new Float32Array(block.frames);
      }
      const mono = ring[slot]!;
      // the relay's buffer for block k is free once its sinks are done with block k - MONO_RING
      const monoFree = monoDone.get(k - MONO_RING) ?? Promise.resolve();
      monoDone.delete(k - MONO_RING);
      const calls = sinks.map((s, i) => {
        const after = relay && s === relay.from ? Promise.all([pcmTail[i], monoFree]) : pcmTail[i]!;
        const call = quiet(
          after.then(() => {
            if (relay && s === relay.from) relay.from.exportMono(mono);
            return s.addPcm(block.pcm, block.format, block.frames);
          }),
        );
        pcmTail[i] = call;
        return call;
      });
      pcmDone.set(k, { frames: block.frames, results: quiet(Promise.all(calls)) });
      if (relay) {
        const written = calls[sinks.indexOf(relay.from)]!;
        relay.to.forEach((t, j) => {
          monoTail[j] = quiet(Promise.all([monoTail[j], written]).then(() => t.addMono(mono, block.frames)));
        });
        monoDone.set(k, quiet(Promise.all(monoTail)));
      }
    }
    for (let j = k - PCM_LAG; j < k; j++) await settle(j);
    await Promise.all([...pcmTail, ...monoTail]);
    relay?.from.exportMono(null);
  } catch (e) {
    next.catch(() => undefined);
    // nothing is left running on the source's blocks or the relay's buffers when the error leaves
    await Promise.allSettled([...pcmTail, ...monoTail]);
    throw e;
  }
  return done;
}
