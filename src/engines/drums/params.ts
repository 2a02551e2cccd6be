/**
 * `shub drums` parameters (issue 13), each declared once with unit, range and what it does
 * (STYLE: engines describe themselves). Detection works on a fine energy envelope of each mic
 * (ticks of about a millisecond) and on short windows of samples kept around each hit.
 */
import { p } from '../analysis/params.js';

export const DETECT_PARAMETERS = {
  tickMs: p(0.5, 'ms', [0.1, 5], 'resolution of the energy envelope a hit is found on'),
  riseDb: p(
    10,
    'dB',
    [3, 40],
    'a hit: the largest |x| of the last millisecond rises this much above the largest of the `lookbackMs` before ' +
      "it (the previous hit's decay included, so a ringing drum does not retrigger)",
  ),
  lookbackMs: p(
    12,
    'ms',
    [1, 50],
    "the reference stretch before a rise; longer than a low drum's half period (a 50 Hz kick: 10 ms)",
  ),
  minIntervalMs: p(
    8,
    'ms',
    [1, 100],
    'two hits on one mic are at least this far apart (a flam is ~15–40 ms); of two closer hits on a close mic the ' +
      'one its bleed explains less is kept',
  ),
  riseSpanMs: p(
    2,
    'ms',
    [0.5, 10],
    "close mics: the rise is measured against the `lookbackMs` ending this long before now (a soft hit's attack " +
      'may take this long to rise)',
  ),
  triggerGapMs: p(
    2,
    'ms',
    [0.5, 20],
    'close mics: two triggers on one mic are at least this far apart (a hit right after a leak gets its own)',
  ),
  peakWindowMs: p(25, 'ms', [1, 60], "a hit's peak is the largest |x| this long after its start"),
  startFraction: p(
    0.05,
    'of the peak',
    [0.005, 0.5],
    "a hit's start: the first sample at this fraction of the hit's peak |x| (the physical start of the transient)",
  ),
  floorRangeDb: p(
    50,
    'dB',
    [10, 120],
    "hits more than this below the mic's loudest hit are ignored (noise, far bleed)",
  ),
  velocityRangeDb: p(36, 'dB', [6, 96], 'velocity 1 is this far below the loudest hit of the track (127)'),
} as const;

export const BLEED_PARAMETERS = {
  maxLagMs: p(5, 'ms', [0, 30], 'bleed arrives at most this late on another close mic'),
  windowMs: p(6, 'ms', [1, 50], "the stretch after a hit's start compared across mics"),
  lookAheadMs: p(
    500,
    'ms',
    [60, 5000],
    "a close-mic hit is judged this long after its start (the other mics' hits around it are in by then); " +
      'the bleed test keeps this much of every close mic, whatever the length of the session',
  ),
  marginDb: p(
    6,
    'dB',
    [0, 40],
    "a hit is bleed when, after subtracting what the other close mics leak into its mic (the session's bleed " +
      'paths: gain, polarity and delay learnt from its clean bleed events), what is left peaks this far below it',
  ),
} as const;

export const CLASSIFY_PARAMETERS = {
  windowMs: p(300, 'ms', [50, 2000], "samples after a hit's start that its features are taken from"),
  attackMs: p(30, 'ms', [5, 200], 'the attack whose brightness and low share are measured'),
  lowHz: p(150, 'Hz', [40, 500], 'the low-pass edge of the low share'),
  decayDb: p(20, 'dB', [6, 60], "a hit's decay: how long its 5 ms RMS stays within this of its peak"),
  kickLowShare: p(0.55, 'of the energy', [0, 1], 'a kick has at least this share of its attack below lowHz'),
  cymbalLowShare: p(
    0.12,
    'of the energy',
    [0, 1],
    'a hat or cymbal has less than this share of its attack below lowHz (no drum body)',
  ),
  tomDecayMs: p(180, 'ms', [20, 2000], 'a drum (not a kick) ringing longer than this is a tom; shorter a snare'),
  hatDecayMs: p(150, 'ms', [10, 1000], 'a hat decays faster than this; a ride or crash rings longer'),
  rideHz: p(6000, 'Hz', [1000, 16000], "a ringing cymbal brighter than this is a ride's ping, darker a crash's wash"),
} as const;

export const REPLACE_PARAMETERS = {
  fitMs: p(3, 'ms', [0.5, 20], "the stretch of the original's attack the sample is fitted to (level, polarity, delay)"),
  preMs: p(0.5, 'ms', [0, 5], 'samples before the transient start included in the fit'),
  maxLagMs: p(1, 'ms', [0, 10], 'the sample is slid at most this far from the detected start to align it'),
  snapSamples: p(0.02, 'samples', [0, 0.5], 'a sub-sample offset smaller than this is taken as none'),
  sincTaps: p(16, 'taps a side', [4, 64], 'half length of the windowed-sinc fractional delay', true),
  mix: p(1, 'of the sample', [0, 1], 'blend of original (0) and replacement (1)'),
  maxSampleSeconds: p(20, 's', [0.01, 120], 'longest kit sample accepted'),
} as const;

export const QUANTIZE_PARAMETERS = {
  clusterMs: p(30, 'ms', [1, 100], 'hits of several mics this close together are one kit event (one slice)'),
  preMs: p(8, 'ms', [1, 50], 'a slice starts this long before its hit (the seam lies in the quiet before it)'),
  crossfadeMs: p(3, 'ms', [0.1, 20], 'linear crossfade at each seam'),
  strength: p(1, 'of the offset', [0, 1], 'how far a hit moves toward its grid line (1: onto it)'),
  window: p(
    1,
    'of half a grid step',
    [0, 1],
    'only hits this close to a grid line move (1: every hit; 0.5: those within a quarter step)',
  ),
  swing: p(0, 'of a grid step', [0, 0.75], 'every second grid line is this much later'),
  timingMs: p(6, 'ms', [0, 50], 'humanize: largest timing change of a hit (uniform, ±)'),
  velocity: p(8, 'velocity steps', [0, 64], 'humanize: largest velocity change of a hit (uniform, ±)'),
} as const;

/**
 * The drum bus a `--recipe` starts from (values written into the recipe, where the user edits
 * them): every drum track into a glue-compressed bus, a parallel-compression return mixed under
 * it, and a short room reverb return fed by the close mics.
 */
export const DRUM_BUS = {
  glue: { thresholdDb: -12, ratio: 2, attackMs: 30, releaseMs: 200 },
  crush: { thresholdDb: -30, ratio: 8, attackMs: 1, releaseMs: 80 },
  crushSendDb: -6,
  crushReturnDb: -6,
  room: { decaySeconds: 1.2, preDelayMs: 10 },
  roomSendDb: -18,
} as const;
