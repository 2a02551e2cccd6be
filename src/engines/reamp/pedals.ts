/**
 * The rig's simple pedals — gate, compressor, EQ, delay, reverb — as RigStages. They are the mix
 * engine's own DSP blocks (native/src/dsp/*), run through the native Mixer that `shub mix` uses
 * (native/src/mix/mixer.h): one strip carrying the one block, fed by one clip, its pre-fader print
 * tap read back at the strip's width. That tap is the block's output exactly (no fader, pan or
 * automation applies to it), so a pedal here sounds as the same block does on a mix strip, and the
 * work runs off the main thread in the Mixer's AsyncWorker. Zero latency: the blocks are causal.
 *
 * Delay and reverb keep the stream's width (a mono DI stays mono; after a stereo cab they are
 * stereo, the reverb's FDN decorrelating the sides). Their tails end with the DI (the stage
 * contract: as many frames out as in); leave silence at the end of the DI to keep a tail.
 */
import { native, type MixStripSpec } from '../../native.js';
import type { Decision } from '../../store/types.js';
import type { CompressorStage, DelayStage, EqStage, GateStage, ReverbStage } from '../../recipes/rig.js';
import type { RigStage } from './stage.js';

export type PedalSpec = GateStage | CompressorStage | EqStage | DelayStage | ReverbStage;

/** Frames the Mixer renders per call (longer blocks are split). */
export const PEDAL_BLOCK_FRAMES = 16384;

/** The Mixer strip of one pedal: the block's options without the rig's `type`. */
function stripFor(specs: readonly PedalSpec[], channels: 1 | 2): MixStripSpec {
  const strip: MixStripSpec = { name: specs.map((x) => x.type).join('+'), channels, output: -1, print: 'preFader' };
  for (const spec of specs) addBlock(strip, spec);
  return strip;
}

/** The order of the blocks on a Mixer strip (native/src/mix/mixer.h). */
export const STRIP_ORDER: readonly PedalSpec['type'][] = ['gate', 'eq', 'compressor', 'delay', 'reverb'];

/**
 * Whether `next` can join the pedals of `run` on one strip: the strip runs its blocks in a fixed
 * order, so consecutive rig pedals share a strip (one native call per block instead of one per
 * pedal) only when they come in that order, each once.
 */
export function canJoin(run: readonly PedalSpec[], next: PedalSpec): boolean {
  const last = run[run.length - 1];
  return !last || STRIP_ORDER.indexOf(next.type) > STRIP_ORDER.indexOf(last.type);
}

function addBlock(strip: MixStripSpec, spec: PedalSpec): void {
  // the rig's schema is the mix schema's (src/recipes/rig.ts), so the options are the Mixer's
  const { type: _type, ...rest } = spec;
  const options = rest as never;
  switch (spec.type) {
    case 'gate':
      strip.gate = options;
      break;
    case 'compressor':
      strip.compressor = options;
      break;
    case 'eq':
      strip.eq = spec.bands;
      break;
    case 'delay':
      strip.delay = options;
      break;
    case 'reverb':
      strip.reverb = options;
      break;
  }
}

/** One or more pedals (in STRIP_ORDER, see canJoin) as one stage: one Mixer strip. */
export function pedalStage(
  spec: PedalSpec | readonly PedalSpec[],
  channels: 1 | 2,
  sampleRate: number,
  name?: string,
): RigStage {
  const specs: readonly PedalSpec[] = Array.isArray(spec) ? spec : [spec as PedalSpec];
  specs.forEach((x, i) => {
    if (i > 0 && !canJoin(specs.slice(0, i), x)) throw new Error(`internal error: pedals out of strip order`);
  });
  const mixer = new (native().Mixer)({
    sampleRate,
    maxBlockFrames: PEDAL_BLOCK_FRAMES,
    strips: [stripFor(specs, channels)],
    clips: [
      {
        strip: 0,
        channels,
        startFrame: 0,
        sourceOffsetFrames: 0,
        // the stream's length is not known in advance (a resampling amp before it); the clip is
        // open-ended and each block is pushed just before it is rendered
        lengthFrames: Number.MAX_SAFE_INTEGER,
      },
    ],
  });
  const decisions: Decision[] = [];
  const run = async (block: Float32Array[]): Promise<Float32Array[]> => {
    const n = block[0]?.length ?? 0;
    if (n <= PEDAL_BLOCK_FRAMES) {
      // one render: pushPcm copies the input, and the tap is a fresh array of exactly the block
      mixer.pushPcm(0, interleaveBytes(block, channels, 0, n), 'f32', n);
      return deinterleave((await mixer.render(n)).prints[0]!, channels, n);
    }
    const out = Array.from({ length: channels }, () => new Float32Array(n));
    for (let at = 0; at < n; at += PEDAL_BLOCK_FRAMES) {
      const k = Math.min(PEDAL_BLOCK_FRAMES, n - at);
      mixer.pushPcm(0, interleaveBytes(block, channels, at, k), 'f32', k);
      const part = deinterleave((await mixer.render(k)).prints[0]!, channels, k);
      for (let c = 0; c < channels; c++) out[c]!.set(part[c]!, at);
    }
    return out;
  };
  return {
    name: name ?? specs.map((x) => x.type).join(' → '),
    channelsIn: channels,
    channelsOut: channels,
    decisions,
    process: run,
    flush: async () => Array.from({ length: channels }, () => new Float32Array(0)),
  };
}

/**
 * Frames [at, at + k) of planar `block` as interleaved f32 bytes. Mono is a view (no copy): only
 * for a consumer that copies at once (Mixer.pushPcm) or reads before the block changes.
 */
export function interleaveBytes(block: Float32Array[], channels: number, at: number, k: number): Uint8Array {
  if (channels === 1) {
    const x = block[0]!;
    return new Uint8Array(x.buffer, x.byteOffset + at * 4, k * 4);
  }
  const inter = new Float32Array(k * channels);
  if (channels === 2) {
    const l = block[0]!;
    const r = block[1]!;
    for (let i = 0; i < k; i++) {
      inter[2 * i] = l[at + i]!;
      inter[2 * i + 1] = r[at + i]!;
    }
  } else
    for (let c = 0; c < channels; c++) {
      const src = block[c]!;
      for (let i = 0; i < k; i++) inter[i * channels + c] = src[at + i]!;
    }
  return new Uint8Array(inter.buffer);
}

/**
 * The first `n` frames of interleaved `tap` as planar channels. Mono is `tap` itself when it holds
 * exactly `n` frames (a fresh array from the addon, not shared), a copy otherwise.
 */
export function deinterleave(tap: Float32Array, channels: number, n: number): Float32Array[] {
  if (channels === 1) return [tap.length === n ? tap : tap.slice(0, n)];
  const out = Array.from({ length: channels }, () => new Float32Array(n));
  if (channels === 2) {
    const l = out[0]!;
    const r = out[1]!;
    for (let i = 0; i < n; i++) {
      l[i] = tap[2 * i]!;
      r[i] = tap[2 * i + 1]!;
    }
  } else
    for (let c = 0; c < channels; c++) {
      const dst = out[c]!;
      for (let i = 0; i < n; i++) dst[i] = tap[i * channels + c]!;
    }
  return out;
}

/** A fixed gain (input calibration, an amp's levelDb, the normalisation): a multiply, in place. */
export function applyGain(block: Float32Array[], gain: number): Float32Array[] {
  if (gain === 1) return block;
  for (const ch of block) for (let i = 0; i < ch.length; i++) ch[i]! *= gain;
  return block;
}

/** Mono → dual mono, for a stereo stage after a mono one. */
export function upmix(block: Float32Array[]): Float32Array[] {
  return block.length === 2 ? block : [block[0]!, Float32Array.from(block[0]!)];
}
