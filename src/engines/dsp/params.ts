/**
 * The DSP blocks' parameters (shub mix, render, master), each declared once with unit, range,
 * default and description, in the manner of Essentia's `declareParameter("hopSize", "the hop
 * size [s]", "(0,0.1]", 0.1)` (STYLE: engines describe themselves). Everything else is derived:
 *
 * - the recipe schema (src/recipes/mix-schema.ts) builds its numbers with `zodFor` from here;
 * - the native table native/src/generated/dsp_params.h is written from here by
 *   src/engines/dsp/params-header.ts, and both the N-API glue (native/src/napi_util.h,
 *   addon_mix.cc, addon_master.cc) and the C++ constructors' validators (native/src/dsp/*.cc,
 *   mix/mixer.cc, master/render.cc) check against that one table; test/engines/dsp-params.test.ts
 *   fails when the committed header differs from what this file generates;
 * - the master styles (src/engines/master/plan.ts) are checked against it when loaded.
 *
 * Ranges are closed unless written with a parenthesis: `(0, 100]` excludes 0. Nothing clamps:
 * a value outside its range is an error that names the parameter, its range and the value.
 * Ranges that depend on the sample rate (an EQ band below Nyquist, multiband crossovers below
 * 0.45·fs and in order) are checked beside the table, where the rate is known. Time constants
 * start at 0.01 ms (under a sample at 48 kHz: shorter is instant), not just above 0, so that a
 * recipe's `attackMs: 1e-300` is refused by name instead of reaching the DSP (issue 18 point 14).
 */
import { rangeText, type ParameterSpec } from '../analysis/params.js';

export { checkParameter, inRange, rangeText, type ParameterSpec } from '../analysis/params.js';

/** `expected a number in [-96, 24] dB` (`an integer` where declared): how recipes word a range. */
export function expectation(spec: ParameterSpec): string {
  return `expected ${spec.integer ? 'an integer' : 'a number'} in ${rangeText(spec)}`;
}

/** Parses an Essentia-style range, `[lo, hi]`, `(lo, hi]`, `[lo, hi)` or `(lo, hi)`. */
function parseRange(text: string): Pick<ParameterSpec, 'range' | 'open'> {
  const m = /^([[(])\s*(-?[\d.e+-]+)\s*,\s*(-?[\d.e+-]+)\s*([\])])$/.exec(text);
  if (!m) throw new Error(`internal error: bad range '${text}'`);
  return { range: [Number(m[2]), Number(m[3])], open: [m[1] === '(', m[4] === ')'] };
}

/** One parameter: default, unit, Essentia-style range, description. */
function param(value: number, unit: string, range: string, description: string, integer = false): ParameterSpec {
  const spec: ParameterSpec = { value, unit, ...parseRange(range), description, ...(integer ? { integer } : {}) };
  return spec;
}

/** A parameter whose value is one of a list (EQ shape, bit depth, dither). */
export interface ChoiceSpec<T extends string | number> {
  value: T;
  values: readonly T[];
  description: string;
}

/** Sample rates every entry point accepts (recipes, Mixer, MasterRender and its output tails, Resampler). */
export const AUDIO_PARAMETERS = {
  sampleRate: param(48000, 'Hz', '[8000, 384000]', 'sample rate', true),
} as const;

/** One RBJ-cookbook EQ band (native/src/dsp/biquad.h EqBand). */
export const EQ_BAND_PARAMETERS = {
  freqHz: param(
    1000,
    'Hz',
    '(0, 192000)',
    'centre or corner frequency; must also be below half the sample rate (the bound is 384 kHz / 2)',
  ),
  q: param(
    Math.SQRT1_2,
    '',
    '(0, 100]',
    'bandwidth; 0.7071 is Butterworth for the passes and the steepest monotonic slope for the shelves',
  ),
  gainDb: param(0, 'dB', '[-48, 48]', 'gain at freqHz (peak and shelves; the other shapes ignore it)'),
} as const;

export const EQ_SHAPES = [
  'peak',
  'lowshelf',
  'highshelf',
  'lowpass',
  'highpass',
  'bandpass',
  'notch',
  'allpass',
] as const;

/** Feed-forward compressor (native/src/dsp/dynamics.h): shared by mix strips and the master glue/multiband. */
export const COMPRESSOR_PARAMETERS = {
  thresholdDb: param(-18, 'dB', '[-120, 0]', 'detector level above which gain is reduced'),
  ratio: param(2, '', '[1, 1000]', 'input dB over the threshold per output dB (1 = no compression)'),
  kneeDb: param(6, 'dB', '[0, 48]', 'full width of the soft knee centred on the threshold (0 = hard knee)'),
  attackMs: param(10, 'ms', '[0.01, 2000]', 'time constant of the gain reduction rising'),
  releaseMs: param(100, 'ms', '[0.01, 10000]', 'time constant of the gain reduction falling back'),
  makeupDb: param(0, 'dB', '[-48, 48]', 'gain after compression'),
  rmsWindowMs: param(10, 'ms', '[0.01, 1000]', 'averaging time constant of the RMS detector (when rms is on)'),
  sidechainHighpassHz: param(
    0,
    'Hz',
    '[0, 2000]',
    'detector high-pass (2nd-order Butterworth; 0 = off; 100 keeps the bass from pumping the mix)',
  ),
  mix: param(1, '', '[0, 1]', 'wet fraction: below 1 blends the dry signal back (parallel compression)'),
} as const;

/** Noise gate / expander (native/src/dsp/gate.h). */
export const GATE_PARAMETERS = {
  thresholdDb: param(-50, 'dB', '[-120, 0]', 'the gate opens when the key (sample peak, dBFS) exceeds this'),
  rangeDb: param(-80, 'dB', '[-120, 0]', 'gain while closed (-80 is about silence)'),
  attackMs: param(1, 'ms', '[0.01, 1000]', 'opening time constant'),
  holdMs: param(20, 'ms', '[0, 5000]', 'the gate stays open this long after the key drops'),
  releaseMs: param(100, 'ms', '[0.01, 10000]', 'closing time constant'),
  hysteresisDb: param(4, 'dB', '[0, 40]', 'the gate closes below thresholdDb minus this'),
} as const;

/** tanh soft clipper (native/src/dsp/saturation.h). */
export const SATURATION_PARAMETERS = {
  driveDb: param(6, 'dB', '[0, 48]', 'gain into the clipper; small-signal gain stays 1'),
  outputDb: param(0, 'dB', '[-48, 24]', 'gain after the clipper'),
  mix: param(1, '', '[0, 1]', 'wet fraction'),
} as const;

/** Feedback delay for return buses (native/src/dsp/delay.h). */
export const DELAY_PARAMETERS = {
  timeMs: param(375, 'ms', '[0.01, 4000]', 'delay time'),
  feedback: param(0.35, '', '[0, 0.95]', 'fraction of each repeat fed back (below 1: the repeats die away)'),
  highCutHz: param(
    8000,
    'Hz',
    '[0, 192000]',
    'one-pole low-pass in the feedback path so repeats darken (0, or at or above Nyquist: off)',
  ),
  mix: param(1, '', '[0, 1]', 'wet fraction (1 for a return bus)'),
} as const;

/** Feedback-delay-network reverb for return buses (native/src/dsp/reverb.h). */
export const REVERB_PARAMETERS = {
  decaySeconds: param(1.6, 's', '[0.1, 30]', 'RT60 at low frequencies'),
  preDelayMs: param(0, 'ms', '[0, 500]', 'delay before the reverb starts'),
  dampingHz: param(
    8000,
    'Hz',
    '(0, 192000]',
    'where the per-line low-pass starts darkening the tail (at or above Nyquist: no damping)',
  ),
  mix: param(1, '', '[0, 1]', 'wet fraction (1 for a return bus)'),
} as const;

/** Lookahead true-peak limiter (native/src/dsp/limiter.h): the recipe's master.limiter and master's tails. */
export const LIMITER_PARAMETERS = {
  ceilingDb: param(
    -1,
    'dBTP',
    '[-60, 0]',
    'ceiling on the 8x-oversampled grid (recipes spell it ceilingDbtp; shub master derives it from ' +
      'targets down to -30 dBTP, then lowers it to correct overshoot)',
  ),
  lookaheadMs: param(3, 'ms', '[0.1, 50]', 'attack ramp (at least one sample at any rate)'),
  releaseMs: param(80, 'ms', '[1, 5000]', 'upward recovery time constant'),
} as const;

/** The master chain (native/src/master/render.h MasterChainParams) outside its EQ and compressors. */
export const MASTER_CHAIN_PARAMETERS = {
  highpassHz: param(0, 'Hz', '[0, 1000]', 'subsonic high-pass (4th-order Butterworth; 0 = off)'),
  sideGainDb: param(0, 'dB', '[-60, 24]', 'side level (stereo width; stereo only)'),
  monoBassHz: param(0, 'Hz', '[0, 1000]', 'side high-pass (LR4) below which the image is mono (0 = off)'),
} as const;

/** Three-band compression crossovers (LR4); also 20 Hz < lowHz < highHz < 0.45·fs. */
export const MULTIBAND_PARAMETERS = {
  lowHz: param(200, 'Hz', '(20, 20000)', 'low/mid crossover (below highHz)'),
  highHz: param(3000, 'Hz', '(20, 20000]', 'mid/high crossover'),
} as const;

/** One output of the master render: rate conversion, gain, limiter, word length. */
export const MASTER_TAIL_PARAMETERS = {
  gainDb: param(0, 'dB', '[-120, 120]', 'gain before the limiter'),
  dcBlockHz: param(
    2,
    'Hz',
    '[0.5, 10]',
    'cutoff of the 4th-order low-pass that finds the DC the limiter adds (its gain follows the larger polarity of ' +
      'asymmetric peaks); that slow part of its change is subtracted from its output',
  ),
} as const;

/** A mixer strip outside its DSP blocks (native/src/mix/mixer.h StripSpec): what the native Mixer accepts. */
export const MIX_STRIP_PARAMETERS = {
  gainDb: param(
    0,
    'dB',
    '[-150, 48]',
    'static fader and gain automation values (a recipe fader plus what the gain staging adds)',
  ),
  trimDb: param(0, 'dB', '[-96, 96]', "gain before the chain (the master's headroom trim)"),
  pan: param(0, '', '[-1, 1]', 'pan position and pan automation values: -1 left, 0 centre, +1 right'),
} as const;

/** A send from one strip to a later one (native/src/mix/mixer.h SendSpec). */
export const MIX_SEND_PARAMETERS = {
  gain: param(1, '', '[0, 64]', 'send level, linear (recipes give it in dB: levelDb)'),
} as const;

/** A clip on a strip (native/src/mix/mixer.h ClipSpec). */
export const MIX_CLIP_PARAMETERS = {
  gain: param(1, '', '[0, 64]', 'item gain, linear'),
} as const;

/**
 * A recipe's own numbers outside the DSP blocks (SPEC §7b). The faders are narrower than the
 * mixer's (MIX_STRIP_PARAMETERS.gainDb): the automatic gain staging adds up to its own
 * correction on top of a recipe fader, and the sum must still fit the mixer.
 */
export const RECIPE_MIX_PARAMETERS = {
  gainDb: param(0, 'dB', '[-96, 24]', 'fader of a track, a bus or the master'),
  pan: MIX_STRIP_PARAMETERS.pan,
  levelDb: param(0, 'dB', '[-150, 24]', 'send level'),
  automationGainDb: param(0, 'dB', '[-150, 24]', 'gain automation breakpoint value'),
  breakpointSeconds: param(0, 's', '[0, 86400]', 'time of an automation breakpoint'),
  offsetSeconds: param(0, 's', '[-86400, 86400]', 'where the stem starts on the timeline; negative trims its start'),
  headroomDb: param(6, 'dB', '[0, 40]', 'gain staging: peak headroom on the master bus input'),
  tailSeconds: param(
    0,
    's',
    '[0, 120]',
    'seconds rendered after the last stem ends (default: the longest reverb or delay tail)',
  ),
} as const;

/** Word-length reduction (native/src/dsp/dither.h). */
export const DITHER_CHOICES = {
  bitDepth: {
    value: 24,
    values: [16, 24, 32],
    description: 'output word length: 16 or 24-bit integer PCM, or 32-bit float (never dithered)',
  } as ChoiceSpec<number>,
  dither: {
    value: 'tpdf',
    values: ['none', 'tpdf', 'tpdf-shaped'],
    description: 'TPDF dither of +-1 LSB, optionally noise-shaped (Wannamaker 3-tap F-weighted); integer outputs only',
  } as ChoiceSpec<string>,
} as const;

/**
 * The master styles' own knobs (src/engines/master/plan.ts STYLE_SPECS). Their filter,
 * compressor and limiter settings are checked against the block declarations above.
 */
export const MASTER_STYLE_PARAMETERS = {
  eqMaxDb: param(2, 'dB', '[0, 12]', 'largest corrective EQ gain per band (0 = no corrective EQ)'),
  eqDeadbandDb: param(1, 'dB', '[0, 6]', 'tonal deviations smaller than this are left alone'),
  aboveRmsDb: param(4, 'dB', '[0, 24]', "glue compressor threshold above the mix's RMS"),
  maxLimiterGainReductionDb: param(
    8,
    'dB',
    '[0, 60]',
    'most limiting on peaks before a target is reported as not met (null: unbounded)',
  ),
  maxMeanLimiterGainReductionDb: param(8, 'dB', '[0, 60]', 'most limiting averaged over the programme'),
  maxLraDropLu: param(4, 'LU', '[0, 30]', 'largest loss of loudness range (input LRA - output LRA) the style accepts'),
} as const;

/** Every numeric group, by the name the C++ table uses for its namespace. */
export const DSP_PARAMETER_GROUPS = {
  audio: AUDIO_PARAMETERS,
  eq: EQ_BAND_PARAMETERS,
  compressor: COMPRESSOR_PARAMETERS,
  gate: GATE_PARAMETERS,
  saturation: SATURATION_PARAMETERS,
  delay: DELAY_PARAMETERS,
  reverb: REVERB_PARAMETERS,
  limiter: LIMITER_PARAMETERS,
  masterChain: MASTER_CHAIN_PARAMETERS,
  multiband: MULTIBAND_PARAMETERS,
  masterTail: MASTER_TAIL_PARAMETERS,
  mixStrip: MIX_STRIP_PARAMETERS,
  mixSend: MIX_SEND_PARAMETERS,
  mixClip: MIX_CLIP_PARAMETERS,
  recipe: RECIPE_MIX_PARAMETERS,
  masterStyle: MASTER_STYLE_PARAMETERS,
} as const satisfies Record<string, Record<string, ParameterSpec>>;

export type DspGroup = keyof typeof DSP_PARAMETER_GROUPS;

/** The speech detector of `shub master` (src/engines/master/speech.ts). */
export const SPEECH_PARAMETERS = {
  frameSeconds: param(0.02, 's', '[0.005, 0.1]', 'envelope frame: mean square of the mono mix per frame'),
  pauseBelowDb: param(
    30,
    'dB',
    '[10, 60]',
    "a frame is a pause when its level is this far under the programme's loud frames (95th percentile)",
  ),
  minPauseRatio: param(0.02, '', '[0, 1]', 'speech: at least this fraction of frames are pauses'),
  minSyllabicShare: param(
    0.42,
    '',
    '[0, 1]',
    "speech: at least this share of the envelope's modulation power (0.5-16 Hz) lies at 2-8 Hz (syllables)",
  ),
} as const;
