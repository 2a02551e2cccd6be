/**
 * Typed access to the native addon (native/, built by `npm install` through node-gyp).
 * This file is the contract between TypeScript and C++: every exported native symbol is
 * declared here with its units. There is no JavaScript fallback for any kernel (SPEC §4).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type {
  COMPRESSOR_PARAMETERS,
  DELAY_PARAMETERS,
  EQ_SHAPES,
  GATE_PARAMETERS,
  LIMITER_PARAMETERS,
  REVERB_PARAMETERS,
  SATURATION_PARAMETERS,
} from './engines/dsp/params.js';

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
  /** > 0: also the true peak of each window of this many frames (`windowTruePeak`). Default 0. */
  peakWindowFrames?: number;
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
  /** The short-term levels at the 10th and 95th percentiles the range spans (high − low = loudnessRangeLu). */
  loudnessRangeLowLufs: number | null;
  loudnessRangeHighLufs: number | null;
  /** With peakWindowFrames: linear true peak over all channels of each window (the last may be partial). */
  windowTruePeak?: number[];
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
  /**
   * 1st percentile of 50 ms window RMS (mean power over channels), digital-zero windows excluded;
   * dBFS; null if all zero.
   */
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

/**
 * Options of the native FeatureExtractor (SPEC §5 spectral/tempo/key/onsets/pitch). Engines
 * take these values from src/engines/analysis/params.ts, where each is declared with its unit.
 */
export interface FeatureExtractorOptions {
  /** Hz, 8000–384000. */
  sampleRate: number;
  /** 1–8; mixed to mono with equal weights. */
  channels: number;
  /** STFT window, samples: a power of two in [64, 65536] (periodic Hann). */
  windowSamples: number;
  /** STFT hop, samples, in [1, windowSamples]. Frames are centered: frame t is centered on sample t·hop. */
  hopSamples: number;
  /** Run the STFT and the features derived from it. Default true. */
  spectrum?: boolean;
  /** Run the pYIN f0 tracker (on a copy decimated by half-band filters: pitchMinRateHz). Default false. */
  pitch?: boolean;
  melBands?: number;
  mfccCoefficients?: number;
  melMinHz?: number;
  melMaxHz?: number;
  rolloffFraction?: number;
  chromaMinHz?: number;
  chromaMaxHz?: number;
  /** gatePitchClass: peaks from chromaMinHz up to this frequency only (the key's tuning gate). */
  tuningGateMaxHz?: number;
  /** HPCP harmonic summation: a spectral peak at f also counts for f/2 … f/h (weights 0.6^(h−1)). */
  chromaHarmonics?: number;
  /** > 0: also one pitch-class profile (and a bass one) per this many STFT frames (key's chord evidence). */
  pitchClassBlockFrames?: number;
  /** STFT frames whose mean square is below this (dBFS) are silent: excluded from the spectral means. */
  activeFloorDbfs?: number;
  /** Fine energy envelope resolution, samples. */
  tickSamples?: number;
  /** Keep the fine energy envelope (the onsets engine's placement). Default true. */
  fineEnvelope?: boolean;
  /**
   * Frames expected (the header's count; 0 = unknown): the per-frame series are allocated once at that size
   * instead of growing by copies. A wrong count costs only that.
   */
  expectedFrames?: number;
  /** Pitch runs on the mono mix halved by half-band filters while the rate stays at or above this, Hz. */
  pitchMinRateHz?: number;
  pitchMinHz?: number;
  pitchMaxHz?: number;
  /** Pitch frames quieter than this (dBFS) are unvoiced. */
  pitchFloorDbfs?: number;
  /** pYIN (PITCH_PARAMETERS in src/engines/analysis/params.ts gives units and ranges). */
  pitchTransitionSemitonesPerSecond?: number;
  pyinThresholds?: number;
  pyinBetaMean?: number;
  pyinBetaAlpha?: number;
  pyinAbsoluteMinWeight?: number;
  pyinYinTrust?: number;
  pyinBinsPerSemitone?: number;
  pyinSwitchProbability?: number;
  pyinJumpProbability?: number;
  pyinCheckpointFrames?: number;
  /** The onsets engine's finer flux (ONSET_FLUX_PARAMETERS; onsetFluxOptions builds these). Default off. */
  onsetFlux?: boolean;
  onsetWindowSamples?: number;
  onsetHopSamples?: number;
  onsetBandsPerOctave?: number;
  onsetMinHz?: number;
  onsetMaxHz?: number;
  onsetFloorDb?: number;
  /** < 0: the floor at least this far (dB) under the sample peak so far and ahead; 0: off (the default). */
  onsetRelativeFloorDb?: number;
  /** The relative floor's look-ahead, onset flux frames (the flux is computed this many frames late). Default 0. */
  onsetFloorAheadFrames?: number;
  onsetLagFrames?: number;
  onsetMaxFilterBands?: number;
  /** Ascending splits of the onset flux into frequency groups (groups = edges + 1). */
  onsetGroupEdgesHz?: number[];
  /** > 0: a last onsetFlux column with the timbre novelty of the filters at or above this frequency (Hz). */
  onsetNoveltyMinHz?: number;
  /** The novelty's decay slope is measured over this many hops before the lag frame (1–64). */
  onsetNoveltySlopeFrames?: number;
  /** The novelty's decay model continues a fall of at most this much over the lag, dB (a choke is no ring's decay). */
  onsetNoveltyMaxFallDb?: number;
  /**
   * The band novelty (onsetBandNovelty): per onset flux group, the coherent rise over the decay model. Default off.
   */
  onsetBandNovelty?: boolean;
  /**
   * > 0: band energies (onsetBandEnergy), the onset flux filters' power per band of this many bands per octave
   * (0–12). Default 0 (off).
   */
  onsetEnergyBandsPerOctave?: number;
}

/** What FeatureExtractor.finish() returns: whole-file means and compact per-frame series. */
export interface FeatureReport {
  /** PCM frames added. */
  frames: number;
  /** STFT frames: 1 + floor(frames / hop) when there is audio, else 0. */
  stftFrames: number;
  /** STFT frames above activeFloorDbfs. */
  activeFrames: number;
  /** Hz per STFT bin. */
  binHz: number;
  hopSeconds: number;
  /** Means over active frames; null when no frame is active (silence). */
  centroidHz: number | null;
  rolloffHz: number | null;
  flatness: number | null;
  flux: number | null;
  bandwidthHz: number | null;
  /** Sign changes per pair of consecutive samples of the mono mix (a sine of f Hz: 2f / sampleRate). */
  zeroCrossingRate: number;
  /** Mean MFCC (DCT-II, orthonormal, of mel band levels in dB); empty when no frame is active. */
  mfcc: number[];
  /** Mean spectral contrast per octave band, dB; null for bands above Nyquist or without active frames. */
  contrastDb: (number | null)[];
  /** Edges of the contrast bands, Hz (bands + 1 values). */
  contrastEdgesHz: number[];
  /** One-sided power per bin, mean over all frames; Σ = the mean square of the (mono) signal. */
  meanPower: Float64Array;
  /** Pitch-class profile: 120 bins of 10 cents, bin 0 = C (A = 440 Hz), magnitude-weighted spectral peaks. */
  pitchClass: Float64Array;
  /** The same from peaks below 250 Hz only. */
  bassPitchClass: Float64Array;
  /** The same from peaks below tuningGateMaxHz only (the key's tuning gate: KEY_PARAMETERS.lowBandTuningGate). */
  gatePitchClass: Float64Array;
  /** 120 bins per block of pitchClassBlockFrames STFT frames (the last block may be shorter), block-major. */
  pitchClassBlocks: Float32Array;
  /** The same from peaks below 250 Hz only. */
  bassPitchClassBlocks: Float32Array;
  /** Onset strength per STFT frame (mean positive rise of mel band levels, dB), all bands / bands below 150 Hz. */
  odf: Float32Array;
  odfLow: Float32Array;
  /** Mean square per STFT frame, dBFS (−150 for digital silence). */
  frameDb: Float32Array;
  /** 12 pitch classes per STFT frame (C first, A = 440 Hz), frame-major. */
  chroma: Float32Array;
  /** Mean square of the mono mix per tick of tickSamples samples. */
  fineEnergy: Float32Array;
  tickSamples: number;
  /**
   * The onset flux (when onsetFlux): onsetFluxGroups values per frame, frame-major, frame i centered at
   * i·onsetHopSeconds: the mean SuperFlux rise (dB) of the log filterbank levels per frequency group.
   */
  onsetFlux: Float32Array;
  onsetFluxGroups: number;
  onsetHopSeconds: number;
  /**
   * The band novelty (when onsetFlux and onsetBandNovelty): onsetBandNoveltyBands values per onset flux frame,
   * frame-major, one per flux frequency group: the mean over the group's filters of the level minus the earlier
   * frame's level continued along its decay, positive part (dB): a hit rises in every filter of its band at
   * once. Empty when off.
   */
  onsetBandNovelty: Float32Array;
  onsetBandNoveltyBands: number;
  /**
   * The band energies (when onsetFlux and onsetEnergyBandsPerOctave > 0): onsetBandEnergyBands values per onset flux
   * frame, frame-major, the mean squared magnitude of the filters of each band (linear power). Empty when off.
   */
  onsetBandEnergy: Float32Array;
  onsetBandEnergyBands: number;
  /**
   * The timbre novelty's coherence (with the novelty column), one value per onset flux frame: over the novelty's
   * filters, the signed differences between each level and the earlier frame's level continued along its decay,
   * summed, over the sum of their magnitudes (−1..1; 0 when there is none): a hit raises nearly every filter, a
   * wash's own fluctuation raises some and lowers others. Empty without the novelty.
   */
  onsetNoveltyCoherence: Float32Array;
  /** Pitch frame i is at pitchStartSeconds + i·pitchHopSeconds. */
  pitchHopSeconds: number;
  pitchStartSeconds: number;
  /** f0 per pitch frame (pYIN Viterbi path), Hz; 0 = unvoiced. */
  pitchHz: Float32Array;
  /** pYIN voiced probability per pitch frame (0…1): the prior mass of the frame's f0 candidates. */
  pitchConfidence: Float32Array;
}

export interface FeatureExtractor {
  /** Decode and analyze interleaved PCM off the main thread (AsyncWorker); one call at a time. */
  addPcm(pcm: Uint8Array, format: PcmFormat, frames: number): Promise<AddPcmResult>;
  /** Synchronous variant for interleaved float samples (tests). */
  addFloat(interleaved: Float32Array): AddPcmResult;
  /** Flushes the zero-padded tail frames and returns the report; the extractor takes no more audio. */
  finish(): FeatureReport;
  /** finish() on the libuv pool (the pitch HMM's Viterbi decoding is the long part); same report. */
  finishAsync(): Promise<FeatureReport>;
  /** The next addPcm calls also write the block's mono mix to the start of `buffer` (null: no longer). */
  exportMono(buffer: Float32Array | null): void;
  /** Analyzes `frames` samples of a mono mix another extractor exported: the same as addPcm of its PCM. */
  addMono(mono: Float32Array, frames: number): Promise<AddPcmResult>;
}

export interface BiquadCoefficients {
  b: [number, number, number];
  a: [number, number, number];
}

export interface NativeAddon {
  LevelMeter: new (options: LevelMeterOptions) => LevelMeter;
  FeatureExtractor: new (options: FeatureExtractorOptions) => FeatureExtractor;
  /** BS.1770-4 K-weighting for a sample rate: stage 1 high shelf, stage 2 RLB high-pass. */
  kWeightingCoefficients(sampleRate: number): { shelf: BiquadCoefficients; highpass: BiquadCoefficients };
  /** True-peak oversampling factor used at a sample rate (4 below 192 kHz). */
  truePeakOversampling(sampleRate: number): number;
  /**
   * Instruction set of the native kernels in this process: the CPU's best, capped by the
   * environment variable SHUB_NATIVE_ISA=baseline|avx2|avx512 (native/src/isa.h).
   */
  nativeIsa(): 'baseline' | 'avx2' | 'avx512';
  /**
   * An ArrayBuffer of `bytes` zeros: from 1 MB up in a 2 MB-aligned mapping of its own in 2 MB pages, unmapped
   * when collected (V8's own memory below): for large buffers touched whole, where each 4 kB page would fault.
   */
  hugeArrayBuffer(bytes: number): ArrayBuffer;
  /** Ends the process at once with `code` (`_Exit`): see exitNow below. */
  exitNow?(code: number): never;
  /**
   * The hex sha256 of the first `bytes` bytes of the open file `fd` (fewer if it is shorter by then), taken on a
   * thread of its own below the process's other threads (native/src/filehash.cc); `fd` is duplicated before the
   * call returns, so the caller may close it at once.
   */
  sha256Fd(fd: number, bytes: number): Promise<string>;
  /** RealFft's forward transform of x (n a power of two in [16, 65536]: n/2 + 1 bins) and its inverse (tests). */
  realFft(x: Float32Array): { re: Float32Array; im: Float32Array; back: Float32Array };
  /**
   * The spectral contrast's [sum of the q smallest, sum of the q largest, 1 when the selection gave them else 0] of
   * x by one of the feature extractor's ways: 0 the heaps comparing every value alone, 1 the heaps passing over
   * blocks, 2 the extractor's (the selection where it vouches for the heaps' bits, else way 1) (tests).
   */
  featureExtremeSums(x: Float32Array, q: number, way: 0 | 1 | 2): [number, number, number];
  /**
   * The feature extractor's filterbank sums Σ_j w[b][j]·p[lo[b] + j] in double (the mel bands') or in float (the
   * onset filters'), four bands at a time as the extractor takes them (tests).
   */
  featureBandSums(p: Float32Array, lo: number[], w: Float32Array[], inDouble: boolean): Float64Array;
  MasterRender: new (options: MasterRenderOptions) => MasterRender;
  /** dB response of a cascade of RBJ biquads at each frequency. */
  biquadResponseDb(bands: EqBand[], sampleRate: number, frequencies: number[]): Float64Array;
}

// ---- DSP blocks: the keys of each block's declaration (src/engines/dsp/params.ts, which gives
// every number its unit, range and default; the addon checks the same table and rejects a value
// outside it with a RangeError naming the parameter, its range and the value) --------------

/** Optional numbers keyed like a declaration group. */
type Declared<G> = { [K in keyof G]?: number };

export type EqShape = (typeof EQ_SHAPES)[number];
/** One EQ band, as recipes and the master plan write it (native/src/dsp/biquad.h EqBand; EQ_BAND_PARAMETERS). */
export interface EqBand {
  type: EqShape;
  freqHz: number;
  /** Default 0.7071 (Butterworth for the passes, steepest monotonic slope for the shelves). */
  q?: number;
  gainDb?: number;
}
export type CompressorOptions = Declared<typeof COMPRESSOR_PARAMETERS> & {
  /** RMS detector instead of peak; default false. */
  rms?: boolean;
  /** One gain for all channels (keeps the stereo image); default true. */
  linked?: boolean;
};
export type GateOptions = Declared<typeof GATE_PARAMETERS>;
export type SaturationOptions = Declared<typeof SATURATION_PARAMETERS>;
export type DelayOptions = Declared<typeof DELAY_PARAMETERS> & { pingPong?: boolean };
export type ReverbOptions = Declared<typeof REVERB_PARAMETERS>;
export type LimiterOptions = Declared<typeof LIMITER_PARAMETERS> & { ceilingDb: number };

// ---- master (native/src/master/render.h) ------------------------------------------------

export interface MasterChainOptions {
  highpassHz?: number;
  midEq?: EqBand[];
  sideEq?: EqBand[];
  compressor?: CompressorOptions | null;
  /** Three-band compression after the glue compressor (LR4 crossovers at lowHz and highHz). */
  multiband?: {
    lowHz: number;
    highHz: number;
    bands: [CompressorOptions, CompressorOptions, CompressorOptions];
  } | null;
  sideGainDb?: number;
  monoBassHz?: number;
}
export interface MasterTailOptions {
  sampleRate: number;
  gainDb: number;
  /** Cutoff (Hz) below which the DC the limiter adds is taken out (default 2; masterTail.dcBlockHz). */
  dcBlockHz?: number;
  limiter: LimiterOptions | null;
  bitDepth: 16 | 24 | 32;
  dither: 'none' | 'tpdf' | 'tpdf-shaped';
  /** Seed of the dither generator, an integer ≥ 1 (default: a fixed one, so renders are reproducible). */
  ditherSeed?: number;
  /** false: meter only, no PCM bytes. */
  emit?: boolean;
  /** false: the tail's meter skips the true-peak scan (its truePeak reads 0); default true. */
  meterTruePeak?: boolean;
}
export interface MasterRenderOptions {
  sampleRate: number;
  channels: number;
  channelWeights: number[];
  chain?: MasterChainOptions;
  tails: MasterTailOptions[];
  spectra?: { windowSamples: number; hopSamples: number; activeFloorDbfs?: number } | null;
}
export interface MasterSpectrum {
  binHz: number;
  activeFrames: number;
  meanPower: Float64Array;
}
export interface MasterTailReport {
  levels: LevelMeterResult;
  framesOut: number;
  clippedSamples: number;
  limiterMinGain: number;
  limiterMeanGainDb: number;
  limiterLimitedFrames: number;
}
export interface MasterRender {
  /** Interleaved PCM in; each emitting tail's PCM bytes (interleaved, little-endian) out. */
  addPcm(pcm: Uint8Array, format: PcmFormat, frames: number): Promise<AddPcmResult & { outputs: Buffer[] }>;
  finish(): Promise<{
    outputs: Buffer[];
    tails: MasterTailReport[];
    compressor: { maxGainReductionDb: number; meanGainReductionDb: number };
    /** Low, mid, high (empty without multiband). */
    multiband: { maxGainReductionDb: number; meanGainReductionDb: number }[];
    midSpectrum: MasterSpectrum | null;
    sideSpectrum: MasterSpectrum | null;
  }>;
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
    const e = new Error(
      `the native addon is not built (${file}): run \`npm install\` (or \`npx node-gyp rebuild\`) in ${root}`,
    );
    (e as Error & { cause?: unknown }).cause = err;
    throw e;
  }
  return cached;
}

/**
 * Ends the process with `code` when the addon is loaded (a run that did native work): the 'exit' event, then the
 * addon's `_Exit`, without Node's teardown, which waits for V8's worker threads to finish what they are doing (a
 * background compile started late in the run) and runs the libraries' exit handlers: ≈ 20 ms of wall on a 2-core
 * machine after `analyze` (bench/RESULTS.md, h-speed29). For the launcher, once what it waits for is written.
 * Returns false, doing nothing, when the addon is not loaded or Node may write files at its exit (a Node flag such
 * as --cpu-prof, NODE_V8_COVERAGE): the caller then exits as usual.
 */
export function exitNow(code: number): boolean {
  // (an addon built before exitNow existed has none)
  if (typeof cached?.exitNow !== 'function' || process.execArgv.length > 0 || process.env.NODE_V8_COVERAGE)
    return false;
  process.exitCode = code;
  process.emit('exit', code);
  return cached.exitNow(code);
}

// ---- mixer (shub mix / render) ------------------------------------------------------------
// Signal flow, pan law and print taps are documented in native/src/mix/mixer.h.

export type MixEqBandSpec = EqBand;

export interface MixStripSpec {
  name: string;
  /** Processing width, 1 or 2; a strip that receives (a bus, the master) is 2. */
  channels: 1 | 2;
  /** dB before the chain (the master's headroom trim). */
  trimDb?: number;
  invert?: boolean;
  gate?: GateOptions;
  eq?: MixEqBandSpec[];
  compressor?: CompressorOptions;
  saturation?: SaturationOptions;
  delay?: DelayOptions;
  reverb?: ReverbOptions;
  /** Static fader, dB. */
  gainDb?: number;
  /** −1 (left) … +1 (right). */
  pan?: number;
  /** Flat [frame, dB, frame, dB, …], frames ascending; replaces gainDb while present. */
  gainAutomation?: number[];
  /** Flat [frame, pan, …]. */
  panAutomation?: number[];
  /** Later strip index, or −1 for the mix output. */
  output: number;
  sends?: { dest: number; gain?: number; preFader?: boolean }[];
  /** false: processed (and printed) but feeds nothing: muted or not soloed. Default true. */
  active?: boolean;
  print?: 'none' | 'preFader' | 'postPan' | 'residual';
}

export interface MixClipSpec {
  strip: number;
  /** Channels of the source: 1, or 2 on a stereo strip. */
  channels: 1 | 2;
  startFrame: number;
  sourceOffsetFrames: number;
  lengthFrames: number;
  /** Linear item gain. */
  gain?: number;
  fadeInFrames?: number;
  fadeOutFrames?: number;
  /** 0 linear (default), 1 equal power: sin(π/2 · (d + ½) / L), d = frames from the item edge. */
  fadeInShape?: 0 | 1;
  fadeOutShape?: 0 | 1;
}

export interface MixSpec {
  sampleRate: number;
  maxBlockFrames: number;
  strips: MixStripSpec[];
  clips: MixClipSpec[];
}

export interface MixStripStats {
  /** Linear peaks: input after clips and receives (pre-chain), output post-fader. */
  inputPeak: number;
  outputPeak: number;
  compressorMaxGainReductionDb: number;
  compressorMeanGainReductionDb: number;
  gateOpenFraction: number | null;
}

export interface Mixer {
  /** Decodes interleaved PCM of clip `clip` into its FIFO (synchronous; the bytes may be reused afterwards). */
  pushPcm(clip: number, pcm: Uint8Array, format: PcmFormat, frames: number): void;
  /** The clip's source has ended: silence after what was pushed. */
  endClip(clip: number): void;
  /**
   * Renders the next `frames` (≤ maxBlockFrames) off the main thread: the mix (stereo
   * interleaved) and each print tap.
   */
  render(frames: number): Promise<{ frames: number; mix: Float32Array; prints: Float32Array[] }>;
  /** The printing strips in order, with the channel count of their taps. */
  prints(): { strip: number; channels: number }[];
  stats(): MixStripStats[];
}

export interface NativeAddon {
  Mixer: new (spec: MixSpec) => Mixer;
}

// ---- drums (shub drums detect/replace, issue 13): native/src/drumdetect.cc ---------------------

export interface NativeAddon {
  /**
   * Interleaved PCM of `frames` frames → one Float32Array per channel (NaN/Inf: RangeError): `into` (arrays of
   * exactly `frames`, returned) or new ones. `borrow`: mono little-endian floats that need no sanitizing (finite,
   * within ±1e6), 4-byte aligned in `pcm`, come back as a view of pcm's memory (a new array, `into` untouched): no
   * copy, valid as long as pcm's bytes are.
   */
  drumsDecode(
    pcm: Uint8Array,
    format: PcmFormat,
    frames: number,
    channels: number,
    into?: Float32Array[],
    borrow?: boolean,
  ): Float32Array[];
  /** The first index ≥ from with !(−limit ≤ v[i] ≤ limit) (NaN too), or v.length (the reader's float verdict). */
  firstFloatOutside(v: Float32Array | Float64Array, from: number, limit: number): number;
  /** The largest |x| of each tick completed in x; state [samples into the open tick, its peak so far]. */
  drumsTickPeaks(x: Float32Array, tick: number, state: Float64Array): Float32Array;
  /** The same peaks written into `out` (at least x.length / tick + 1 long); returns how many. */
  drumsTickPeaks(x: Float32Array, tick: number, state: Float64Array, out: Float32Array): number;
  /** The d in [lo, hi] whose y[base − d + i] (i < n) best explains x[i]: [d, gain, xy²/yy]. */
  drumsBestLag(x: Float64Array, y: Float64Array, n: number, base: number, lo: number, hi: number): Float64Array;
  /**
   * src[a][n] = raw[a][n] − Σ gain · src[from][n − lag] over the paths into a, for n in [n0, n0 + count), on rings
   * of one power-of-two length; paths: [into, from, gain, lag ≥ 1] quadruples.
   */
  drumsUnmix(raw: Float32Array[], src: Float32Array[], n0: number, count: number, paths: Float64Array): void;
  /** out[outStart + m] += gain · Σ_t taps[t] · x[j0 + m + taps.length/2 − 1 − t] for m < count (x outside: 0). */
  drumsFractional(
    out: Float64Array,
    outStart: number,
    x: Float32Array,
    j0: number,
    count: number,
    taps: Float64Array,
    gain: number,
  ): void;
  /**
   * The placement's fit at one shift: z = drumsFractional of x (into zeros, gain 1) over n outputs from j0, against
   * y[yOff …]: out = [Σ y·z, Σ z·z, Σ y·y], each summed in index order.
   */
  drumsFitShift(
    y: Float64Array,
    yOff: number,
    x: Float32Array,
    j0: number,
    n: number,
    taps: Float64Array,
    out: Float64Array,
  ): void;
  /** The whole lag d (|d| ≤ maxLag) of the largest |Σ y[maxLag + 1 + d + i] · x[from + i]| (i < span; x outside: 0). */
  drumsWholeLag(y: Float64Array, x: Float32Array, from: number, span: number, maxLag: number): number;
  /** out[at + i] = acc[i] rounded to float (as a Float32Array store rounds), i < n: the replacer's output. */
  drumsToFloat32(out: Float32Array, at: number, acc: Float64Array, n: number): void;
  /**
   * The bleed judge's FIR on its residual: re[i] += (sign · taps[k]) · ye[off0 − k + i] (i < n), tap after tap in
   * index order, zero taps skipped (the JS loop's bits).
   */
  drumsAddTaps(re: Float64Array, ye: Float64Array, taps: Float64Array, off0: number, n: number, sign: number): void;
  /**
   * The bleed judge's FIR fit (src/engines/drums/detect.ts `fitFir`): K = out.length − 2 taps at delays first …
   * first + K − 1 explaining x[0..n) by y[base − d + i], ridge × the mean diagonal toward `prior` (K taps; null:
   * zeros); writes the taps, then the energy explained and carried, into out. The JS loops' sums in their order.
   */
  drumsFitFir(
    x: Float64Array,
    y: Float64Array,
    n: number,
    base: number,
    first: number,
    ridge: number,
    prior: Float64Array | null,
    out: Float64Array,
  ): void;
}

// ---- analyze's post-processing kernels (issue 12 point 8): native/src/post.h --------------------------------
// The numeric loops of the onsets, tempo and key engines; the engines keep the decisions and parameters and call
// these through thin wrappers. Series: Float32Array or Float64Array (read in place).

/** A series the post kernels read. */
export type PostSeries = Float32Array | Float64Array;

export interface NativeAddon {
  /** The value at rank floor(q·(n − 1)) of x in ascending order; NaN for no values. */
  postQuantile(x: PostSeries, q: number): number;
  /** Normalized autocorrelation r[0..maxLag] of x − mean(x). */
  postAutocorrelation(x: PostSeries, maxLag: number): Float64Array;
  /** Lags [lo, hi] of postAutocorrelation's r (each lag its own sum: the same values to the bit). */
  postAutocorrelationLags(x: PostSeries, lo: number, hi: number): Float64Array;
  /** Dynamic-programming beat frames on odf/σ(odf), transition penalty by interval (lo ≤ d < penalty.length). */
  postTrackBeats(odf: PostSeries, period: number, penalty: Float64Array, lo: number): Int32Array;
  /** 1 − cosine of the summed chroma (12 per frame) of the w frames before and from each frame; frames values. */
  postHarmonicNovelty(chroma: PostSeries, frames: number, w: number): Float64Array;
  /** tempo's beat-synchronous profile (post.h beatProfile): one mean per fraction. */
  postBeatProfile(odf: PostSeries, beats: Float64Array, fractions: Float64Array, halfWidth: number): Float64Array;
  /** tempo's tonal onset envelope (post.h tonalEnvelope); null when the chroma's mean is not > 0. */
  postTonalEnvelope(chroma: PostSeries, frames: number): Float64Array | null;
  /** Local maxima (± maxW) at least delta above the local median (± avg), minGap apart. */
  postPickPeaks(odf: PostSeries, delta: number, avg: number, maxW: number, minGap: number): Int32Array;
  /** The tick of [fromTick, toTick) with the largest span-sum ratio over the lagged maximum (floor·span added). */
  postSteepestRise(
    fine: PostSeries,
    fromTick: number,
    toTick: number,
    span: number,
    floor: number,
    lookback: number,
  ): number;
  /** Ticks of fine rises (ratio ≥ riseRatio over the lookback, level within levelRatio of ± ctx), gap apart. */
  postFineRises(
    fine: PostSeries,
    span: number,
    lookback: number,
    riseRatio: number,
    levelRatio: number,
    ctx: number,
    gap: number,
  ): Int32Array;
  /**
   * Each peak frame's onset time (s): the steepest rise within its window [p·hop − before, p·hop + after] above
   * floorRatio × the window's loudest tick, placed at attackStart's tick (the onsets engine's placePeaks).
   */
  postPlaceRises(
    fine: PostSeries,
    peaks: Int32Array,
    hopSeconds: number,
    tickSeconds: number,
    before: number,
    after: number,
    span: number,
    floorRatio: number,
    lookback: number,
    attack: number,
    ratio: number,
    backtrackTicks: number,
    backtrackRatio: number,
  ): Float64Array;
  /** The attack start (a fractional tick) of the hit rising at `rise` (the onsets engine's attackStart). */
  postAttackStart(
    fine: PostSeries,
    rise: number,
    span: number,
    attack: number,
    ratio: number,
    lookback: number,
    backtrackTicks: number,
    backtrackRatio: number,
  ): number;
  /** A slow attack's start back from `start` (the onsets engine's backtrackStart). */
  postBacktrackStart(
    fine: PostSeries,
    start: number,
    rise: number,
    attack: number,
    ticks: number,
    ratio: number,
  ): number;
  /**
   * The onsets engine's band rises of a frame-major matrix with `bands` columns, band by band (bands × frames): the
   * largest of frames f+1..f+3 (from 0) less frame max(0, f − 3), at least 0 (Math.max's order).
   */
  postBandRises(values: PostSeries, bands: number): Float64Array;
  /**
   * The onsets engine's echo delay search (echoLines) over band-by-band rises: per band its sources (frames whose
   * rise reaches srcFraction of the band's scale, at most maxSources spread over the file), per delay lo..hi the
   * ratios of the rise one delay later (± 1 frame) to the source's own (a source at most maxGain of the rise one delay
   * before it skipped) and, with at least minSources, their q quantile and median (selectRank's selection). The
   * gains ((hi − lo + 1) × bands, delay-major) then the medians; NaN where too few.
   */
  postEchoRanks(
    rise: Float64Array,
    bands: number,
    scales: Float64Array,
    frames: Int32Array,
    lo: number,
    hi: number,
    srcFraction: number,
    maxGain: number,
    q: number,
    maxSources: number,
    minSources: number,
  ): Float64Array;
  /** Column g of a frame-major matrix with `groups` columns, divided by divisor. */
  postColumn(values: PostSeries, groups: number, g: number, divisor: number): Float64Array;
  /**
   * The columns of a frame-major matrix on a coarser grid: matrix frame j to frame Math.round(j · ratio) while below
   * `frames`, the largest value per frame (from 0), each column then divided by its mean when above 0.
   */
  postOnFrames(values: PostSeries, groups: number, frames: number, ratio: number): Float64Array[];
  /** Per frame: (Σ_g (v·inv[g])^power / groups)^(1/power). */
  postPowerMean(values: PostSeries, groups: number, inv: Float64Array, power: number): Float64Array;
  /** odf/σ(odf) + weight·low/σ(low) (σ: standard deviation, 1 when 0; low beyond its end: 0). */
  postWithLowBand(odf: PostSeries, low: PostSeries, weight: number): Float64Array;
  /** Blocks of 120 bins folded to 12 pitch classes by weights[bin·12 + pc]: blocks × 12 values. */
  postFoldProfiles(profiles: PostSeries, blocks: number, weights: Float64Array): Float64Array;
  /**
   * Per peak frame: the largest (peak − median) / max(madFloor, median absolute deviation) over the columns that carry
   * it, the window [p − back, p − gap); Infinity where it holds fewer than 3 frames (the onsets engine's washRises).
   */
  postWashRises(
    cols: Float64Array[],
    peaks: Int32Array,
    back: number,
    gap: number,
    madFloor: number,
    dominant: number,
  ): Float64Array;
  /**
   * The key engine's chord scores: per block, each chord's best template cosine (+ the bass term on its root, third
   * and fifth); blocks × chords values.
   */
  postChordEmissions(
    chroma: Float64Array,
    sounding: Uint8Array,
    bass: Float64Array,
    hasBass: Uint8Array,
    templates: Float64Array,
    counts: Int32Array,
    tones: Int32Array,
    bassWeight: number,
    inversionBass: number,
  ): Float64Array;
  /** The Viterbi path through n × K scores with switchPenalty per change: n state indices. */
  postViterbi(emissions: Float64Array, n: number, K: number, switchPenalty: number): Int32Array;
  /**
   * The tempo engine's bar-repeat similarity: per beat the bands' peaks (± halfWidth) at the fractions of the beat;
   * per lag the mean cosine of each beat's row with the row `lag` beats on.
   */
  postBarRepeat(
    bands: Float64Array[],
    beats: Float64Array,
    halfWidth: number,
    fractions: Float64Array,
    lags: Int32Array,
  ): Float64Array;
  /**
   * The tempo engine's snare hits (snareHits) but for the purity's logarithm: the regions' power and rises, the
   * activity and its local maxima (± hold frames, the first of equal ones), ascending, with their activity. `purity`
   * is called once (when any) with the ratios body / max(1e-30, sub) of the candidate frames whose purity the ramp
   * does not settle without Math.log10, and overwrites each with its purity.
   */
  postSnareHits(
    values: PostSeries,
    bands: number,
    region: Int32Array,
    lag: number,
    hold: number,
    lowDb: number,
    fullDb: number,
    sustainLow: number,
    sustainFull: number,
    stickWeight: number,
    purity: (ratios: Float64Array) => void,
  ): { frames: Int32Array; activity: Float64Array };
  // post_cold.cc: loops over every frame that ran once per file in cold JavaScript (the same arithmetic, order)
  /**
   * A frame-major matrix of groups + 1 columns split: the first `groups` columns (as float, frame-major) and the last;
   * ⌊length / (groups + 1)⌋ frames.
   */
  postSplitFlux(values: PostSeries, groups: number): [Float32Array, Float64Array];
  /** x's values summed in order from +0. */
  postSum(x: PostSeries): number;
  /** low + w · high per frame (low's length; NaN where high has no value). */
  postDrumEnvelope(low: Float64Array, high: Float64Array, w: number): Float64Array;
  /** low / mean(low) + mid / mean(mid) per frame (a mean of 0 or NaN taken as 1; low's length). */
  postKickSnareEnvelope(low: Float64Array, mid: Float64Array): Float64Array;
  /**
   * Per beat the chroma (12 values a frame) summed from its frame f up to the next beat's (the last beat: one frame,
   * below `frames`), read as `chroma[t * 12 + k] ?? 0` for t = f, f + 1, …: beats × 12 values.
   */
  postBeatChromaSums(chroma: PostSeries, beats: Float64Array, frames: number): Float64Array;
  /**
   * The key engine's chord-loop period in blocks (0 for none) over the block-wise chord labels (−1 where none sounds)
   * from block `first` (native/src/post_cold.h loopPeriod: the same lag as the JavaScript loop it replaced).
   */
  postLoopPeriod(label: Int16Array, first: number, minLag: number, minSimilarity: number): number;
  /**
   * The onsets engine's choke onsets (chokeOnsets) as start frames, ascending (native/src/post_cold.h chokeStarts:
   * the band sums from b0 on, their fall by `drop` over `span` frames held `hold` frames after a ring within
   * [ringLow, ringHigh] for `ring` frames, `fraction` of the bands each falling by `bandDrop`, the sum ≥ `level` of
   * the loudest frame's; the start the last frame before the fall still ≥ within1Db of it).
   */
  postChokeStarts(
    values: PostSeries,
    bands: number,
    b0: number,
    span: number,
    hold: number,
    ring: number,
    drop: number,
    ringHigh: number,
    ringLow: number,
    bandDrop: number,
    fraction: number,
    level: number,
    within1Db: number,
  ): Float64Array;
  /**
   * The tempo engine's comb evidence on its BPM grid (minBpm by step while ≤ maxBpm + 1e-9): per tempo max(0,
   * Σ_k comb[k]·at(r, (k + 1)·60·frameRate / bpm)); [bpm, score].
   */
  postCombSalience(
    r: Float64Array,
    frameRate: number,
    comb: Float64Array,
    minBpm: number,
    maxBpm: number,
    step: number,
  ): [Float64Array, Float64Array];
  /**
   * envelopeEvidence's contrast: the largest (from 0) over the tempi of Σ_k comb[k]·(at(r, (k+1)·L) − the mean of r
   * around that lag) / Σ comb.
   */
  postCombContrast(r: Float64Array, frameRate: number, comb: Float64Array, bpm: Float64Array): number;
}

/** x as a series the post kernels read: typed float arrays as they are, anything else copied to a Float64Array. */
export function postSeries(x: ArrayLike<number>): PostSeries {
  return x instanceof Float32Array || x instanceof Float64Array ? x : Float64Array.from(x);
}
