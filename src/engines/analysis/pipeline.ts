/**
 * The one block loop over an audio source: each PCM block is read once and handed to every
 * consumer (the level meter, the feature extractor, …), which run side by side on the libuv
 * pool while the next block is read. Memory stays bounded by the source's block pool.
 */
import { InputError } from '../../errors.js';
import type { AudioSource } from '../../io/audio.js';
import type { AddPcmResult, PcmFormat } from '../../native.js';

/** Anything that takes interleaved PCM blocks off the main thread (native LevelMeter, FeatureExtractor). */
export interface PcmSink {
  addPcm(pcm: Uint8Array, format: PcmFormat, frames: number): Promise<AddPcmResult>;
}

/**
 * Reads `source` to the end, feeding every sink each block. Returns the frames read. Throws
 * InputError for NaN/Inf samples (a broken float file). Blocks stay valid until the block after
 * next is read (AudioSource contract), so one block in flight while the next is read is safe.
 */
export async function feedSource(
  source: AudioSource,
  sinks: PcmSink[],
  onProgress?: (framesDone: number) => void,
): Promise<number> {
  let done = 0;
  let next = source.read();
  for (;;) {
    const block = await next;
    if (!block) break;
    next = source.read();
    const results =
      sinks.length === 1
        ? [await sinks[0]!.addPcm(block.pcm, block.format, block.frames)]
        : await Promise.all(sinks.map((s) => s.addPcm(block.pcm, block.format, block.frames)));
    const r = results[0];
    if (r && r.nonFiniteSamples > 0) {
      next.catch(() => undefined);
      throw new InputError(
        source.file,
        `contains ${r.nonFiniteSamples} NaN/Inf sample${r.nonFiniteSamples === 1 ? '' : 's'} (first at ` +
          `${(r.firstNonFiniteFrame / source.format.sampleRate).toFixed(3)} s); ` +
          'the float data is corrupt, re-export it',
      );
    }
    done += block.frames;
    onProgress?.(done);
  }
  return done;
}
