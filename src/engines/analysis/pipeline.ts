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

/** A sink that can hand the mono mix of each block it decodes to others (the native FeatureExtractor). */
export interface MonoSource extends PcmSink {
  exportMono(buffer: Float32Array | null): void;
}

/** A sink fed the mono mix another sink decoded, instead of decoding the PCM again. */
export interface MonoSink {
  addMono(mono: Float32Array, frames: number): Promise<AddPcmResult>;
}

/**
 * Reads `source` to the end, feeding every sink each block. Returns the frames read. Throws
 * InputError for NaN/Inf samples (a broken float file). Blocks stay valid until the block after
 * next is read (AudioSource contract), so one block in flight while the next is read is safe.
 * With `relay`, `relay.from` (one of `sinks`) writes each block's mono mix to one of two buffers and the
 * `relay.to` sinks take it one block later, beside the next block's sinks: the PCM is decoded once for them all.
 */
export async function feedSource(
  source: AudioSource,
  sinks: PcmSink[],
  onProgress?: (framesDone: number) => void,
  relay?: { from: MonoSource; to: MonoSink[] },
): Promise<number> {
  let done = 0;
  let next = source.read();
  const monos: [Float32Array, Float32Array] = [new Float32Array(0), new Float32Array(0)];
  let relayed: { mono: Float32Array; frames: number } | undefined;
  const passOn = (r: { mono: Float32Array; frames: number } | undefined) =>
    r && relay ? relay.to.map((s) => s.addMono(r.mono, r.frames)) : [];
  for (let k = 0; ; k++) {
    const block = await next;
    if (!block) break;
    next = source.read();
    if (relay) {
      // the buffer written now is not the one the relay sinks still read (the previous block's)
      if (monos[k % 2]!.length < block.frames) monos[k % 2] = new Float32Array(block.frames);
      relay.from.exportMono(monos[k % 2]!);
    }
    const calls = sinks.map((s) => s.addPcm(block.pcm, block.format, block.frames));
    const earlier = passOn(relayed);
    const results =
      calls.length === 1 && earlier.length === 0 ? [await calls[0]!] : await Promise.all([...calls, ...earlier]);
    if (relay) relayed = { mono: monos[k % 2]!, frames: block.frames };
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
  await Promise.all(passOn(relayed));
  relay?.from.exportMono(null);
  return done;
}
