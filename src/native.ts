/**
 * Typed access to the native addon (native/, built by `npm install` through node-gyp).
 * This file is the contract between TypeScript and C++: every exported native symbol is
 * declared here with its units. There is no JavaScript fallback for any kernel (SPEC §4).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Sample encodings the native PCM decoder accepts: little-endian, interleaved. */
export type PcmFormat = 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64';

export interface LevelMeterOptions {
  /** Hz, 8000–384000. */
  sampleRate: number;
  /** 1–8. */
  channels: number;
  /** BS.1770-4 channel weights G_i, one per channel; 0 excludes a channel (LFE). */
  channelWeights: number[];
  /** Keep the momentary/short-term series (one value per 100 ms hop). Default false. */
  curves?: boolean;
  /** |x| at or above this (linear) counts as a clipped sample when in a run of ≥ 2. Default 1 - 2^-15. */
  clipThresholdLinear?: number;
  /** A frame is silent when every channel's |x| is at or below this (dBFS). Default -60. */
  silenceThresholdDbfs?: number;
}

export interface AddPcmResult {
  /** Number of NaN/±Inf samples found in this block (they were replaced by 0 before metering). */
  nonFiniteSamples: number;
  /** Frame index (counted from the first frame ever added to this meter) of the first non-finite sample, or -1. */
  firstNonFiniteFrame: number;
}

export interface LevelMeterResult {
  /** Frames added in total. */
  frames: number;
  /** BS.1770-4 gated integrated loudness; null for −∞ (silence, or shorter than one 400 ms block). */
  integratedLufs: number | null;
  /** EBU Tech 3342 loudness range; null when no short-term block passes the gates. */
  loudnessRangeLu: number | null;
  momentaryMaxLufs: number | null;
  shortTermMaxLufs: number | null;
  /** Per channel, linear (1.0 = full scale). */
  truePeak: number[];
  samplePeak: number[];
  /** Per channel RMS, linear (a full-scale sine gives 0.7071). */
  rms: number[];
  /** Per channel mean (DC offset), linear. */
  mean: number[];
  /** RMS over all channels together, linear. */
  rmsAll: number;
  /** Samples (over all channels) belonging to runs of ≥ 2 consecutive samples at or above the clip threshold. */
  clippedSamples: number;
  /** Pearson correlation of channels 0 and 1 over the whole file; null for mono or when a channel is silent. */
  phaseCorrelation: number | null;
  /** I(L,R) − I(M,M) with M = (L+R)/2 (channels 0 and 1, gated); null for mono or when either is −∞. */
  monoLoudnessDropLu: number | null;
  /** 1st percentile of 50 ms window RMS (mean power over channels), digital-zero windows excluded; dBFS; null if all zero. */
  noiseFloorDbfs: number | null;
  /** Seconds of silence (see silenceThresholdDbfs) before the first / after the last non-silent frame. */
  leadingSilenceSeconds: number;
  trailingSilenceSeconds: number;
  /** TT Dynamic Range meter value (integer), null for silence. */
  dynamicRangeDr: number | null;
  /** Present when curves was set: element i is the window ending at (i + 1) hops after the first complete window. */
  curves?: {
    hopSeconds: number;
    momentaryStartSeconds: number;
    momentaryLufs: (number | null)[];
    shortTermStartSeconds: number;
    shortTermLufs: (number | null)[];
  };
}

export interface LevelMeter {
  /**
   * Decode `frames` interleaved little-endian frames from `pcm` and meter them, off the main
   * thread (AsyncWorker). One call at a time per meter; `pcm` must not be modified until the
   * promise settles.
   */
  addPcm(pcm: Uint8Array, format: PcmFormat, frames: number): Promise<AddPcmResult>;
  /** Synchronous variant for interleaved float samples (tests, small blocks). */
  addFloat(interleaved: Float32Array): AddPcmResult;
  /** Final (or running) measurements. Does not reset the meter. */
  result(): LevelMeterResult;
}

export interface BiquadCoefficients { b: [number, number, number]; a: [number, number, number] }

export interface NativeAddon {
  LevelMeter: new (options: LevelMeterOptions) => LevelMeter;
  /** BS.1770-4 K-weighting for a sample rate: stage 1 high shelf, stage 2 RLB high-pass. */
  kWeightingCoefficients(sampleRate: number): { shelf: BiquadCoefficients; highpass: BiquadCoefficients };
  /** True-peak oversampling factor used at a sample rate (4 below 192 kHz). */
  truePeakOversampling(sampleRate: number): number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/src/native.js → <root>/build/Release; src/native.ts (ts-node style) → same root.
const root = here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '..', '..') : path.resolve(here, '..');

let cached: NativeAddon | undefined;

/** Loads the addon once; throws an EnvironmentError-like Error naming `npm install` if it was not built. */
export function native(): NativeAddon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = path.join(root, 'build', 'Release', 'shub_native.node');
  try {
    cached = require(file) as NativeAddon;
  } catch (err) {
    const e = new Error(`the native addon is not built (${file}): run \`npm install\` (or \`npx node-gyp rebuild\`) in ${root}`);
    (e as Error & { cause?: unknown }).cause = err;
    throw e;
  }
  return cached;
}
