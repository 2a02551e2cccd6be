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
    "hits more than this below the mic's loudest hit are ignored (noise, far bleed); on close mics such a hit (below " +
      'the loudest so far) also teaches no bleed path (h-dxdet9)',
  ),
  velocityRangeDb: p(36, 'dB', [6, 96], 'velocity 1 is this far below the loudest hit of the track (127)'),
} as const;

export const BLEED_PARAMETERS = {
  maxLagMs: p(5, 'ms', [0, 30], 'bleed arrives at most this late on another close mic'),
  windowMs: p(6, 'ms', [1, 50], "the stretch after a hit's start compared across mics"),
  roomLagMs: p(
    30,
    'ms',
    [0, 60],
    'a second, long-delay bleed path per pair of close mics (the room heard by the close mics: a drum reaches ' +
      "another close mic again this much later at most, through the room; a room's first reflections and a room " +
      "mic's distance lie within 30 ms). Learnt as the short path is, from clean events only (a trigger on one mic " +
      'that a louder kept hit of another mic, beyond `maxLagMs` before it, explains to `roomResidualDb`; then that ' +
      "mic's later hits) and, once learnt (three events agreeing on the delay), taken out of the mic as the short " +
      'path is; never a fit of its own in the judge (a real flam, drag or roll stroke is judged as before). 0 or at ' +
      'most `maxLagMs`: none (h-dxdet17)',
  ),
  roomResidualDb: p(
    -10,
    'dB',
    [-40, -3],
    "a room event (`roomLagMs`): the source explains the mic's stretch to this far down (energy left after the " +
      'two-tap fit, through the stronger emphasis). Looser than `learnResidualDb`: a room copy lies 9–25 dB under ' +
      "its source, in the mic's own ring and the other drums' room; three events agreeing on the delay to a sample " +
      'make the path',
  ),
  roomFloorDb: p(
    -45,
    'dB',
    [-80, -10],
    "a room event's gain is at least this (a room heard 10–40 dB under the close mic's own drum; a fit of a " +
      "faint tail's trigger gives a 'path' 50–60 dB down that explains nothing a detector would see: the drums " +
      "bench's session learnt five such, at 0.7 CPU-s per 3 minutes)",
  ),
  roomSearchMs: p(
    4,
    'ms',
    [0, 10],
    "a room event's delay is searched this far either side of the trigger's distance from the source's start (a " +
      "leak's detected start differs from its source's by up to `startSlackMs`)",
  ),
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
  startSlackMs: p(
    4,
    'ms',
    [0, 10],
    "a leak's detected start may lie this much before its source's (the detection emphasis sees the high end of " +
      'an attack first; a swelling attack — a maraca, a hat with a soft front — is found on its own mic late, while ' +
      'its leak into a raw-detected mic is found where it begins: h-dxdet11, 0.25 before). The fit itself only ' +
      'takes the source at or before the hit',
  ),
  learnResidualDb: p(
    -15,
    'dB',
    [-40, -6],
    "a clean bleed event: one other close mic's hit explains the stretch of this mic after it to this far down " +
      '(energy left after the least-squares fit, through the detection emphasis); its gain and delay are learnt',
  ),
  fallbackTaps: p(
    2,
    'delays per source',
    [1, 4],
    'a hit on a mic with no learnt path from a louder source is fitted by that source at this many delays each ' +
      '(its direct leak, and the copy a learnt path from a third mic subtracts again)',
    true,
  ),
  fallbackFirMs: p(
    0.27,
    'ms',
    [0, 1],
    "a hit fitted by a louder source with no learnt path into its mic: the source is fitted (through the mic's " +
      'detection emphasis) by a short FIR this long around its best delay (one tap per sample, from `pathPreMs` ' +
      'before it, ridge `pathRidge`), so a leak through a filter or with a reflection close behind is explained; ' +
      '0: one tap (h-dxdet8: held-out 7 leaks kept 70 → 22). Learnt paths stay one tap: FIR paths (h-dxdet7) lowered ' +
      'every plain set and were removed',
  ),
  refitLagMs: p(
    0.5,
    'ms',
    [0, 2],
    'a hit the learnt paths do not cancel fully is fitted again by every louder source, jointly (least squares, ' +
      "each refitted on what the others leave): a learnt path's gain refitted within this of its delay, 0: not " +
      'refitted (two sources leaking at once through paths a little off)',
  ),
  ownFloorDb: p(
    38,
    'dB',
    [0, 80],
    "a hit the bleed fits explain only in part is bleed when what they leave peaks this far below the mic's own " +
      'hits (upper quartile of its last kept ones, through its emphasis) and a louder hit of another close mic ' +
      'falls on it; 0: off',
  ),
  minOwnHits: p(4, 'hits', [1, 31], 'kept hits of a mic before `ownFloorDb` applies', true),
  cancelFloorDb: p(
    -40,
    'dB',
    [-80, -10],
    "the learnt bleed paths are taken to cancel a leak at best this far down (their clean events' error, " +
      'upper quartile, is used when worse): a hit whose cancelled residual peaks more than this + `marginDb` ' +
      'below the mic is bleed',
  ),
  pathPreMs: p(
    0.1,
    'ms',
    [0, 1],
    "the judge's FIR fit (`fallbackFirMs`): its first tap lies this long before the best single delay (at least a " +
      "sample after the source): a low-passed leak's best single delay lies behind its start by the filter's group " +
      'delay',
  ),
  pathRidge: p(
    0.0003,
    "of the source's mean energy per tap",
    [0, 1],
    "the judge's FIR fit's ridge (added to the normal equations' diagonal), pulling the taps toward the best " +
      "single-delay fit: a drum's low spectrum leaves the fit ill-conditioned, and taps swinging large and opposite " +
      'would explain what is not a leak',
  ),
} as const;

/**
 * Close mics: two mics on one drum (h-dxdup15: kick in + kick out, snare top + bottom). Their hits coincide at a
 * short, steady lag and a steady level ratio, each mic's own hits and the other's alike; a leak does not (it is
 * quieter than its source, and a leak one way comes at one lag and level, one the other way at the opposite ones).
 * Such a pair is one drum's two mics: neither mic's hit is the other's bleed, no path is learnt between them, and
 * only the first of the two teaches and carries paths into the other close mics (its drum's leaks, once).
 */
export const PAIR_PARAMETERS = {
  pairLagMs: p(
    3,
    'ms',
    [0, 10],
    "a hit's partner: the other mic's trigger nearest to it within this (0: mics are never paired)",
  ),
  pairSpreadMs: p(0.5, 'ms', [0, 3], "a partner's lag lies within this of the pair's median lag"),
  pairSpreadDb: p(
    4,
    'dB',
    [0, 20],
    "a partner's level against the hit (peaks of the raw mics) lies within this of the pair's median ratio",
  ),
  pairLevelDb: p(
    4,
    'dB',
    [0, 20],
    "the pair's median level ratio lies within ± this (a leak is quieter; 6: held-out 12's Electronic tom, whose " +
      'triggers are nearly all kick leaks 5 dB down, was paired with the kick and kept 6 leaks)',
  ),
  pairShare: p(
    0.8,
    'of the hits',
    [0.5, 1],
    "two mics are one drum's when this share of each one's last hits (`pairRangeDb` of its loudest) have a partner",
  ),
  pairMinHits: p(
    8,
    'hits',
    [1, 31],
    'a mic with fewer hits counted for pairing needs partners on half of them only (leaks the paths do not know yet)',
    true,
  ),
  pairRangeDb: p(20, 'dB', [0, 60], "a mic's hits this far under its loudest trigger are not counted for pairing"),
} as const;

/**
 * Close mics: hits whose attack swells over many milliseconds (h-dxdet6). A hat whose energy builds over 10–20 ms
 * after a louder hat's ring does not rise `riseDb` within `riseSpanMs`; it does rise over a longer span.
 */
export const SWELL_PARAMETERS = {
  swellSpanMs: p(
    12,
    'ms',
    [0, 30],
    'close mics: a second rise test, against the `lookbackMs` ending this long before now (a swelling attack); 0: off',
  ),
  swellRiseDb: p(
    8,
    'dB',
    [3, 40],
    'close mics: how far the largest |x| of the last millisecond must rise above that longer-ago reference',
  ),
  swellStartRatio: p(
    1.2,
    'of the ring',
    [1, 8],
    'a swelling hit starts where |x| rises above this many times the mean |x| of the ring it swells in, for good',
  ),
  swellEmphasis: p(
    2,
    'differences',
    [0, 2],
    'close mics whose detection emphasis is at least this (2: hats and cymbals) take the swell test',
    true,
  ),
} as const;

/**
 * Close mics: a soft hit in the ring of the mic's own earlier hit (h-drums24). The rise test compares the last
 * millisecond with the largest |x| of the `lookbackMs` before it, so a hit no louder than the ring it falls in (a
 * ghost note after a backbeat, a tom fill's next stroke) does not clear `riseDb`. In a ring, the reference's own
 * shape is known from the mic's earlier rings: a second threshold applies there — the envelope clears what those rings
 * reached at the same offset (scaled to the last attack) by `ringMarginDb`, and the rise is at least `ringRiseDb`.
 */
export const RING_PARAMETERS = {
  ringSettleMs: p(
    20,
    'ms',
    [0, 100],
    "close mics: the ring's wobble is measured from this long after the mic's last trigger (before: the hit's own " +
      'attack and body, whose rises are no wobble); the ring test applies from then on',
  ),
  ringMs: p(
    600,
    'ms',
    [0, 2000],
    "close mics: the ring test applies up to this long after the mic's last trigger (a ghost note 250–500 ms after a " +
      'loud stroke is still in its ring); 0: off',
  ),
  ringRiseDb: p(
    6,
    'dB',
    [0, 40],
    "close mics, in a ring: the least rise (the rise test's measure) a trigger needs there",
  ),
  ringMarginDb: p(
    6,
    'dB',
    [0, 40],
    "close mics, in a ring: a trigger's level (the rise test's `now`) lies this far above the ring expected there: " +
      'the ' +
      "trigger's attack peak times the most the mic's last `ringHits` rings reached at that offset (within a tick) " +
      "over their own attacks' peaks (a burst every one-shot of the drum has, a noisy ring's wobble, is no hit)",
  ),
  ringHits: p(
    6,
    'rings',
    [1, 31],
    "close mics: the mic's last rings (each from a trigger to the next, up to `ringMs`) the expected ring is taken " +
      'from; an offset none reached: no ring test there',
    true,
  ),
} as const;

/**
 * Close mics: a one-shot's own later bursts (h-dxdet11). A hand clap is three or four bursts over 40 ms; each burst
 * rises `riseDb` over what rang before and was reported as a second hit.
 * Such a burst follows every hit of the mic at the same offset and relative level; a groove's next hit does not (its
 * level varies with the velocities, its offset with the timing), and where it does, hits are evenly spaced and a
 * further one follows at the same offset. Only shots are compared: kept hits with no kept hit `shotMs` before them
 * (in a dense groove no hit starts a shot, and none is taken for a burst).
 */
export const SHOT_PARAMETERS = {
  shotMs: p(
    60,
    'ms',
    [0, 400],
    'a trigger this soon after a kept hit of its mic may be a later burst of it (0: never): longer than a clap ' +
      "(bursts over 40 ms), shorter than a groove's notes (a 32nd at 250 BPM is 60 ms)",
  ),
  shotHits: p(
    4,
    'shots',
    [1, 30],
    'a trigger inside a shot (after a kept hit with no kept hit `shotMs` before it) is a burst of it when each of ' +
      "the mic's this many shots before had a trigger at its offset (within `shotToleranceMs`) and level (within " +
      '`shotMarginDb`), and no trigger follows it at that offset again',
    true,
  ),
  shotToleranceMs: p(
    0.1,
    'ms',
    [0, 2],
    "how far a burst's offset from its hit may differ from the earlier hits' one (a sampled one-shot's bursts lie " +
      "at the same offset to a sample; a groove's next hits spread with the player's timing)",
  ),
  shotMarginDb: p(
    3,
    'dB',
    [0, 20],
    "how far a burst's peak against its hit's (through the mic's emphasis) may differ from the earlier hits' one",
  ),
} as const;

/**
 * Whole-kit stems (`mix` tracks; stem.ts, classify.ts): hits found band by band, classes from what
 * each band gains at a hit and how fast it decays. Tuned on the FluidR3Mono stems only.
 */
export const STEM_PARAMETERS = {
  lowHz: p(150, 'Hz', [40, 400], "the kick band's upper edge (two 2nd-order low-passes)"),
  midHz: p(1000, 'Hz', [300, 3000], "the drum-body band (lowHz–midHz) and the wires band's lower edge"),
  highHz: p(6000, 'Hz', [2000, 12000], 'the top band (hats, cymbals) starts here; the wires band ends here'),
  smoothMs: p(3, 'ms', [1, 20], "a band's energy is averaged over this many 1 ms ticks before the rise test"),
  lowSmoothMs: p(
    10,
    'ms',
    [1, 40],
    "the kick band's smoothing: half a period of its lowest tone or more, so that its ripple is no rise",
  ),
  lookbackMs: p(12, 'ms', [2, 50], 'a rise is measured against the largest energy of this stretch before it'),
  riseDb: p(9, 'dB', [3, 40], "a band's energy rising this much above its recent past is a trigger"),
  bandRangeDb: p(30, 'dB', [10, 90], "triggers more than this below the band's loudest energy so far are ignored"),
  refractoryMs: p(15, 'ms', [5, 100], 'two triggers of one band are at least this far apart'),
  clusterMs: p(10, 'ms', [1, 30], 'triggers of several bands this close together are one hit'),
  attackMs: p(30, 'ms', [5, 100], "the stretch after a hit whose energy per band is the hit's"),
  beforeMs: p(8, 'ms', [2, 30], 'the stretch before a hit whose energy per band is subtracted (what rang before)'),
  lowBeforeMs: p(20, 'ms', [5, 60], "the kick band's stretch before a hit: a period of its lowest tone or more"),
  minGainDb: p(
    6,
    'dB',
    [0, 20],
    'a band adds to a hit only when its energy after the hit is this far above what rang before',
  ),
  decayDb: p(15, 'dB', [3, 40], "a band's decay: how long its energy takes to fall this far from its peak"),
  decayWindowMs: p(250, 'ms', [50, 1000], 'the decay is followed at most this long (extrapolated beyond)'),
  minDecaySpanMs: p(20, 'ms', [5, 100], 'a decay cut short by the next hit sooner than this is unknown'),
  spectrumMs: p(
    23,
    'ms',
    [5, 50],
    'the spectrum of a hit: this long after it less as long before it (nearest power-of-two frames, Hann)',
  ),
  flatnessLoHz: p(100, 'Hz', [20, 1000], "a hit's spectral flatness (feature flatness) is read from here…"),
  flatnessHiHz: p(
    16000,
    'Hz',
    [4000, 20000],
    "…to here (as is the late ring's, lateFlatness, from bellLoHz): over a hat's hiss, under the rate's edge",
  ),
  swellMs: p(
    60,
    'ms',
    [0, 200],
    "a band trigger this soon after a hit whose energy has only risen since it is that hit's slow attack",
  ),
  swellDipDb: p(3, 'dB', [0.5, 20], 'a swelling band never falls back this far below its largest energy since the hit'),
  riseWindowMs: p(
    80,
    'ms',
    [10, 300],
    "a hit's rise time is looked for this long after its start (up to the next hit)",
  ),
  lateMs: p(
    50,
    'ms',
    [20, 200],
    "the late spectrum of a hit starts this long after it (what still rings: a ride's partials, not a hat's)",
  ),
  bodyMs: p(
    46,
    'ms',
    [10, 200],
    "the drum body's partial is read in two windows this long from a hit's start (nearest power-of-two frames, Hann)",
  ),
  bodyLoHz: p(30, 'Hz', [10, 200], "the drum body's partial is the strongest peak of what a hit adds above this…"),
  bodyHiHz: p(1000, 'Hz', [200, 4000], '…and below this'),
  bodyPeakBins: p(2, 'bins', [1, 8], "the partial's power: its bin and this many on either side"),
} as const;

/** The class rule of a stem hit (classify.ts classifyStemHit), on the features of STEM_PARAMETERS. */
export const STEM_CLASS_PARAMETERS = {
  kickLowShare: p(0.48, 'of the added energy', [0, 1], 'a hit adding at least this share below lowHz is a kick'),
  cymbalBodyShare: p(
    0.3,
    'of the added energy',
    [0, 1],
    'a hit adding less than this share below midHz has no drum body: a hat or cymbal',
  ),
  cymbalDecayMs: p(
    500,
    'ms',
    [20, 2000],
    "a top band still ringing this long is a cymbal's (a hat decays sooner); under a drum, a second piece",
  ),
  snareTopDecayMs: p(35, 'ms', [5, 500], 'a drum whose top band decays sooner than this is a tom (no snare wires)'),
  hatCentroidHz: p(
    600,
    'Hz',
    [200, 4000],
    "a hit with body whose added spectrum's log-frequency mean is at least this is a hat (its body is its own ring); " +
      'so is a "kick" by kickLowShare centred this high (a kick\'s added spectrum centres at 50–400 Hz: a hat whose ' +
      'low end alone cleared minGainDb, h-dxcls12)',
  ),
  brushTopShare: p(
    0.4,
    'of the added energy',
    [0, 1],
    'a hit without body adding less than this share above highHz may be a brushed snare (hats ring above it)',
  ),
  brushHatRatio: p(
    0.5,
    "of the stem's hat centroid",
    [0.1, 1],
    "such a hit (or one with body centred above hatCentroidHz) centred below this fraction of the stem's clear " +
      "hats' median centroid is a brushed or bright snare",
  ),
  brushCentroidHz: p(
    4000,
    'Hz',
    [500, 10000],
    'the same edge when the stem has fewer than minStemHats clear hats and fewer than minStemHats no-body hits',
  ),
  minStemHats: p(
    5,
    'hits',
    [1, 100],
    "clear hats (else hits without body) needed before the stem's own hat centroid is used (its tonal kicks too)",
    true,
  ),
  drumFlatness: p(
    0.05,
    'spectral flatness',
    [0, 1],
    'a hit the band rule calls a kick or tom adding a spectrum at least this flat is noise, not a membrane (its ' +
      'modes are peaks): a hat whose ring reaches down, with a kick under it when its kick band is kick-like',
  ),
  noiseHatFlatness: p(
    0.3,
    'spectral flatness',
    [0, 1],
    'a hit the band rule calls a snare adding a spectrum at least this flat is noise with no body partials and no ' +
      "wires' band: an FM or electronic hat whose ring reaches below midHz",
  ),
  kickLikeDb: p(
    7.5,
    'dB',
    [0, 40],
    "a hit's kick band (below lowHz) within this of the stem's tonal kicks' median is a kick's",
  ),
  kickBodyDb: p(
    3,
    'dB',
    [0, 20],
    "a drum whose kick band is kick-like and whose body band (lowHz–midHz) over its kick band exceeds the stem's " +
      "tonal kicks' by at most this is a kick with a hat over it (a snare adds body far above a kick's)",
  ),
} as const;

/**
 * What keeps ringing above midHz after a stem hit (features, not used by the rule yet), and the kick + hat split
 * (h-dxcls6, stem.ts classifyStemHits).
 */
export const STEM_RING_PARAMETERS = {
  ringMs: p(150, 'ms', [40, 500], "a hit's ring is measured this long after it (or just before the next hit)"),
  minRingMs: p(60, 'ms', [20, 300], 'a next hit sooner than this leaves the ring unknown'),
  splitMs: p(20, 'ms', [1, 50], 'a snare or tom followed this soon by a kick may be the hat of a kick + hat split'),
  splitHatFlatness: p(
    0.02,
    '(0–1)',
    [0, 1],
    'such a hit adding a spectrum at least this flat (noise: the hat) is the hat of a kick + hat split in two',
  ),
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

/** Toms against the stem's own snares (h-dxcls7, stem.ts bySnareReference). */
export const STEM_SNARE_PARAMETERS = {
  tomSnareRatio: p(
    0.8,
    "of the snares' centroid",
    [0.1, 2],
    "a hit the band rule calls a tom, centred at or above this share of the stem's snares' median centroid, is a " +
      'snare…',
  ),
  tomBodyDecayMs: p(
    50,
    'ms',
    [5, 500],
    "…when its body band (lowHz–midHz) falls decayDb within this long (a tom's body rings on; unknown counts as short)",
  ),
} as const;

/** A kick under a cymbal or hat (h-dxcls8, classify.ts classifyStemHit): the kick band's evidence on its own. */
export const STEM_OVERLAP_PARAMETERS = {
  kickUnderShare: p(
    0.05,
    'of the added energy',
    [0, 1],
    'a hit without drum body that still adds at least this share below lowHz (a hat or cymbal adds nothing there)…',
  ),
  kickUnderDb: p(
    3,
    'dB',
    [0, 30],
    '…at least this far above what it adds in the body band (lowHz–midHz) has a kick under it: kick + the cymbal…',
  ),
  kickUnderRangeDb: p(
    24,
    'dB',
    [0, 90],
    "…when that kick band lies within this of the stem's kicks' (classify.ts StemContext kickLowDb; a hat's leak " +
      'below lowHz lies far under them)',
  ),
} as const;

/**
 * Snares read as hats in a stem without snares (h-dxcls9, stem.ts bySnarelessStem): a stem of 16th snares with few
 * hats (a train beat, a cadence, a blast beat) has no hat reference but its snares, and its snares read as hats. In
 * such a stem (fewer than minStemSnares snares), a hit read as "a hat with a low ring" (drum body, centred at or above
 * hatCentroidHz) that adds under brushTopShare above highHz, at least snarelessWiresShare between midHz and highHz,
 * and whose body band rings at least hatBodyDecayMs is a snare (h-dxcls11: the top and wires tests, 45 → 12 ms).
 */
export const STEM_SNARELESS_PARAMETERS = {
  minStemSnares: p(
    4,
    'hits',
    [1, 100],
    'hits read as snares a stem needs before it counts as having snares (bySnarelessStem) and before their median ' +
      "centroid is the stem's snare reference (bySnareReference)",
    true,
  ),
  hatBodyDecayMs: p(
    12,
    'ms',
    [1, 500],
    'in a stem with fewer than minStemSnares snares, a hit read as a hat from its centroid although it has drum ' +
      'body, whose body band (lowHz–midHz) takes at least this long to fall decayDb, rings like a drum head ' +
      "(a hat's low ring dies in a few ms)…",
  ),
  snarelessWiresShare: p(
    0.08,
    'of the added energy',
    [0, 1],
    "…when it adds at least this share between midHz and highHz (a snare's wires; a lo-fi hat ringing wholly below " +
      'midHz adds hardly any there) and under brushTopShare above highHz (where a hat rings): a snare',
  ),
} as const;

/** Toms measured against the stem's own kicks (h-dxcls11, classify.ts classifyStemHit step 4). */
export const STEM_KICK_PARAMETERS = {
  tomKickRatio: p(
    1.6,
    "× the kicks' centroid",
    [1, 10],
    "a hit the band rule calls a tom whose kick band is kick-like (within kickLikeDb of the stem's kicks') and whose " +
      "added spectrum centres within this factor of the stem's kicks' median centroid (either side) is a kick (a " +
      "kit's toms sit above its kick and add less below lowHz)",
  ),
} as const;

/**
 * Snares and toms told apart by what still rings after them, against the stem's own (h-dxcls14, stem.ts
 * bySnareTiming, byTomReference): lateMs after a hit, a snare's wires still rattle (its late spectrum centres where
 * the stem's snares' does), a tom's body still rings low (its late spectrum centres where the stem's toms' does).
 */
export const STEM_SNARE_TIMING_PARAMETERS = {
  snareLateRatio: p(
    0.6,
    "× the snares' late centroid",
    [0.05, 2],
    'a hit the band rule calls a tom whose late spectrum (lateMs on) centres at or above this factor of the median ' +
      "late centroid of the stem's snares (at least minStemSnares) is a snare whose wires were masked or short…",
  ),
  snareLateDb: p(
    -3,
    'dB',
    [-60, 20],
    '…when that late spectrum lies at least this far under its first (a snare has died away by lateMs; a tom whose ' +
      'body rings on stays near its first level)',
  ),
  tomBrushRatio: p(
    1.5,
    "× the toms' late centroid",
    [0.1, 10],
    'a hit read as brushes (no drum body, little above highHz) whose late spectrum centres at or below this factor ' +
      "of the median late centroid of the stem's toms (at least minStemSnares hits read as toms) is a tom struck " +
      'into its own ring: its attack added only brightness, its body still rings',
  ),
  rideRingDb: p(
    -8,
    'dB',
    [-60, 0],
    'a hit read as a short hat (no drum body) whose ring above midHz at ringAtMs is at least this against its attack ' +
      '(a closed hat has died 20–50 dB by then)…',
  ),
  ridePriorDb: p(
    -9,
    'dB',
    [-60, 10],
    '…and whose top band rang at least this (against its attack) just before it is a ride re-struck into its own ' +
      'ring: the ring masks how long it decays',
  ),
  tomLateDb: p(
    2,
    'dB',
    [-30, 30],
    'a hit the band rule calls a kick whose late spectrum (lateMs on) is at least this against its first (a body ' +
      'ringing on, where a kick has begun to die)…',
  ),
  tomUnderKickDb: p(
    6,
    'dB',
    [0, 40],
    "…and whose kick band adds at least this less than the stem's kicks' median (classify.ts StemContext kickLowDb) " +
      'is a low tom: tuned down, it adds most of its energy below lowHz, but softer than the kick and ringing on',
  ),
} as const;

/**
 * The drum body's partial against the stem's snare references (h-dxcls19, stem.ts bodyRings): a tom's membrane rings
 * on where a snare's head, damped by its wires, dies. STEM_PARAMETERS bodyMs … bodyPeakBins say how it is read.
 */
export const STEM_BODY_PARAMETERS = {
  tomBodyRingDb: p(
    -8,
    'dB',
    [-40, 10],
    "a hit the band rule calls a tom whose body partial's power in the second body window is at least this against " +
      "the first (a membrane ringing on) stays a tom: the stem's snare references (bySnareReference, bySnareTiming) " +
      'do not make it a snare (in a stem of toms those references are toms themselves)',
  ),
  kickPartialHz: p(
    80,
    'Hz',
    [30, 300],
    "a hit read as a snare whose body partial lies at or below this (a kick's fundamental; a snare's head sits at " +
      '150–300 Hz, and a tom read as a snare above it)…',
  ),
  kickPartialShare: p(
    0.8,
    'of the added bodyLoHz–bodyHiHz power',
    [0, 1],
    '…and carries at least this share of what the hit adds between bodyLoHz and bodyHiHz (one partial: a membrane ' +
      "struck low, not a snare's spread of modes and wires)…",
  ),
  kickPartialLowShare: p(
    0.15,
    'of the added energy',
    [0, 1],
    '…when at least this share of what it adds lies below lowHz (its kick band rose: a kick struck now, not the tail ' +
      'of one struck before under a snare that adds nothing down there) is a kick',
  ),
  tomPitchRatio: p(
    1.3,
    "of the stem's kicks' body partial",
    [1, 4],
    "a hit read as a kick whose body partial lies at least this far above the stem's kick reference (h-dxtom32: the " +
      "tomKickQuantile of the kicks' body partials; h-dxcls30's median before) (stem.ts byTomPitch; a kit tunes its " +
      'toms above its kick)…',
  ),
  tomPitchHeld: p(
    0.9,
    'of its body partial',
    [0.5, 1],
    "…and whose second body window's strongest peak still lies at or above this fraction of it (a tom rings at its " +
      "pitch; a kick's falls as it dies)…",
  ),
  tomPitchUnderDb: p(
    3,
    'dB',
    [0, 40],
    "…and whose kick band adds at least this less than the stem's kicks' reference level (h-dxtom32: the 1 − " +
      "tomKickQuantile of what the kicks' kick band adds; classify.ts StemContext kickLowDb before) is a tom",
  ),
} as const;

/**
 * Wires heard without their head (h-dxcls26, stem.ts byWiresAlone): a snare struck into its own ring (16th trains,
 * blast beats) or with its head masked adds its wires and little else, so the band rule reads "no drum body: a hat";
 * in such stems the hat reference is those snares themselves. Measured on the tuning dumps (all13): such snares add
 * 6 % (median) above highHz, centre at 1.25 kHz and ring 32 ms in the wires band, rising within 1 ms; the hats they
 * are read with add 75 % above highHz and centre at 8 kHz.
 */
export const STEM_WIRES_ALONE_PARAMETERS = {
  wiresAloneTopShare: p(
    0.2,
    'of the added energy',
    [0, 1],
    'a hit read as a hat that adds under this share above highHz (where a hat rings)…',
  ),
  wiresAloneCentroidHz: p(2500, 'Hz', [100, 20000], '…centred (log-frequency) below this (a hat centres at 4–14 kHz)…'),
  wiresAloneShare: p(
    0.3,
    'of the added energy',
    [0, 1],
    "…adding at least this share between midHz and highHz (the wires' band)…",
  ),
  wiresAloneDecayMs: p(
    20,
    'ms',
    [1, 500],
    "…whose wires band takes at least this long to fall decayDb (a lo-fi hat's low ring dies within 4–8 ms)…",
  ),
  wiresAloneRiseMs: p(
    8,
    'ms',
    [0, 100],
    '…whose broadband energy peaks within this of its start (a stick on wires; the sampled hats that ring low and ' +
      'pass the other tests swell for 5–70 ms)…',
  ),
  wiresAloneLateDb: p(
    -5,
    'dB',
    [-60, 20],
    '…and whose late spectrum (lateMs on) lies at least this far under its first (a snare has died away; a ' +
      'low-passed ride or open hat still rings within 3–5 dB) is a snare',
  ),
} as const;

/**
 * Kicks read as snares by what rings after them (h-dxcls26, stem.ts byKickLate): a kick struck with a hat or cymbal,
 * or whose fundamental lies in the body band, reads as a snare from its bands. Measured on the tuning dumps (all13):
 * those hits add 2 % (median) between midHz and highHz and lateMs on centre at 115 Hz; the snares read right add 34 %
 * there and centre at 1.2 kHz lateMs on.
 */
export const STEM_KICK_LATE_PARAMETERS = {
  kickLateWiresShare: p(
    0.1,
    'of the added energy',
    [0, 1],
    'a hit read as a snare that adds under this share between midHz and highHz (no wires)…',
  ),
  kickLateCentroidHz: p(
    150,
    'Hz',
    [20, 2000],
    "…and whose late spectrum (lateMs on) centres below this (a kick's ring; a snare's head and wires centre higher) " +
      'is a kick',
  ),
} as const;

/**
 * Toms read as snares, by what rings after them (h-dxtom31, stem.ts byTomLate): a sampled tom whose attack is bright
 * (its top band rattling on, a stick's crack, or a decay the next hit cut short) reads as a snare from its bands, but
 * lateMs on only its body rings, low, where a snare's wires still rattle. Measured on the tuning dumps (tuning sets,
 * held-out 1–4 and 14–17): hits read as snares whose truth is a tom alone centre 147 / 231 / 784 Hz lateMs on (10th /
 * 50th / 90th percentile), against 0.11 / 0.54 / 1.35 of their stem's snares' median; the snares read right 272 /
 * 1 091 / 3 968 Hz and 0.48 / 0.96 / 1.45.
 */
export const STEM_TOM_LATE_PARAMETERS = {
  tomLateRatio: p(
    0.6,
    "× the snares' late centroid",
    [0.05, 2],
    'a hit read as a snare whose late spectrum (lateMs on) centres at or below this factor of the median late ' +
      "centroid of the stem's snares (the hits read as snares, at least minStemSnares)…",
  ),
  tomLateHz: p(
    400,
    'Hz',
    [50, 4000],
    '…and at or below this, and whose top band (above highHz) dies within snareTopDecayMs (or sooner than the next ' +
      "hit lets it be measured), is a tom: its body rings low where a snare's wires still rattle",
  ),
} as const;

/**
 * Toms read as kicks or hats, measured against the stem's own kicks (h-dxtom32, stem.ts kickPitchReference,
 * byTomPitch, byTomClick). In a tom groove (a floor tom on the 8ths, 16th fills) most hits the band rule reads as
 * kicks are toms, so the median of those hits is a tom's pitch and level; their lower quartile of body partials (and
 * upper quartile of kick-band levels) is still the kick's. A tom whose stick's click is all it adds over the ring
 * before (its body band under minGainDb) reads "no drum body, short: a hat"; what it adds still centres low (tuning
 * dumps: 162 / 291 / 1 110 Hz at the 10th / 50th / 90th percentile, hats read right 1 053 / 8 197 / 11 356), its top
 * dies within 3 / 11 / 19 ms (hats 29 / 70 / 160) and its body partial lies above the stem's kicks'.
 */
export const STEM_TOM_CLICK_PARAMETERS = {
  tomKickQuantile: p(
    0.25,
    'quantile',
    [0, 0.5],
    "the stem's kick reference: this quantile of the body partials of the hits read as kicks (at least minStemHats) " +
      'and the mirrored quantile (1 − this) of what their kick band adds, for byTomPitch and byTomClick',
  ),
  tomClickCentroidHz: p(
    500,
    'Hz',
    [100, 3000],
    'a hit read as a hat (no drum body, short) whose added spectrum centres at or below this…',
  ),
  tomClickTopMs: p(
    20,
    'ms',
    [1, 200],
    "…whose top band (above highHz) dies sooner than this (a stick's click; a hat rings on), whose next hit comes " +
      'at least lateMs later…',
  ),
  tomClickKickRatio: p(
    1,
    "of the stem's kick reference",
    [0.5, 4],
    "…and whose body partial lies at or above this factor of the stem's kick reference (a pitched body over the " +
      "kicks': a kick struck with a hat stays) is a tom",
  ),
} as const;

/**
 * Toms read as snares against the stem's clear snares (h-dxtom35, stem.ts byTomClearSnares): a snare reading is clear
 * when the hit has a drum body (at least clearSnareBodyShare of what it adds below midHz, centred at or above lowHz: a
 * kick struck with a hat centres lower) and its top band rattles on like wires (at least snareTopDecayMs) without
 * ringing like a cymbal (under cymbalDecayMs). The stem's reference is
 * the median of those hits' top-band decay and body partial (at least minStemSnares of them, or no rule). A hit read
 * as a snare whose top band dies within tomTopRatio of that decay and whose body partial lies more than
 * tomPitchTolerance away from that partial (a drum at another pitch: a snare struck softly keeps its own) is a tom.
 * Tuning dumps (h-dxcls30, held-out 18, 19t, 20t, 21t, 22t and the cymbal sets 19, 20, 21): the cymbals read as
 * brushes that set h-dxtom33's 0.9-quantile reference (their top band rings 100–1 000 ms, body 360–590 Hz) are no
 * clear snare; the stem's own snare struck softly dies as fast as a tom but keeps its body partial (same sample, same
 * Hz), where a tom lies 15 % or more away from it, above or below.
 */
export const STEM_TOM_CLEAR_SNARE_PARAMETERS = {
  clearSnareBodyShare: p(
    0.55,
    'of the added energy',
    [0.3, 1],
    'a hit read as a snare adding at least this share below midHz (a drum body), centred at or above lowHz, whose ' +
      "top band decays in snareTopDecayMs–cymbalDecayMs, is a clear snare: the stem's reference",
  ),
  tomTopRatio: p(
    0.45,
    "of the clear snares' median",
    [0.1, 1],
    "a hit read as a snare whose top band (above highHz) dies within this factor of the clear snares' median decay…",
  ),
  tomPitchTolerance: p(
    0.15,
    'ratio − 1',
    [0.02, 0.5],
    '…and whose body partial lies more than this factor away from their median body partial (above or below) is a tom',
  ),
} as const;

/**
 * Swept kicks read as toms or snares by their pitch's fall (h-dxkick37, stem.ts byKickGlide): a synthesized kick whose
 * pitch falls fast (a phase-distortion resonance wave, r from 7–16 to 1 in 15–45 ms; an 808-style swept sine) adds in
 * its first bodyMs mostly a bright formant in the body band, so the band rule reads a tom or, with a cymbal, a snare;
 * bodyMs later its strongest partial has slid down (1.4–3× on the pd kits) to the kick's low harmonics. A tom that
 * glides (a pd tom: the same wave at 90–200 Hz) starts above the stem's own kicks. Measured on the pd tuning set 37
 * (fixtures/drumclass-pdtune37.ts) and the tuning dumps.
 */
export const STEM_KICK_GLIDE_PARAMETERS = {
  kickGlideRatio: p(
    1.3,
    'ratio',
    [0, 8],
    "a hit read as a tom or snare whose body partial (bodyPartial's first window) lies at least this factor above " +
      "the second window's strongest peak (its pitch fell: a swept kick's formant sliding down; 0: rule off)…",
  ),
  kickGlideEndHz: p(
    200,
    'Hz',
    [40, 400],
    "…whose second window's strongest peak lies at or below this (a kick's low harmonics) and at or above bodyLoHz…",
  ),
  kickGlideBodyShare: p(
    0.65,
    'of the added energy',
    [0.3, 1],
    '…that adds at least this share below midHz (a drum body: a snare or hat whose noise lifts the second ' +
      "window's low bins adds its energy higher)…",
  ),
  kickGlideLateDb: p(
    -8,
    'dB',
    [-40, 10],
    '…that lateMs on still adds at least this against its first (a kick slides down and rings on; a tom whose ' +
      'strongest partial changed has died away)…',
  ),
  kickGlideTolerance: p(
    0.4,
    'ratio − 1',
    [0, 2],
    "…and whose body partial lies at most this factor above the median body partial of the stem's kicks (the hits " +
      'read as kicks and those like it: a tom that glides starts higher than the kick) is a kick',
  ),
} as const;

/**
 * Cymbals read as hats or brushes by their ring (h-dxcym33, stem.ts byCymbalRing): a crash, china or splash struck
 * alone adds most of its energy between midHz and highHz and rings on for seconds, so its first 150 ms are still
 * within a few dB of its attack and its top band takes hundreds of ms to fall decayDb; a closed hat has died 20–50 dB
 * by then, its top band within 40–140 ms. Measured on the tuning dumps (held-out 19, 20, 20t, 16–18, class-tuning):
 * cymbals read as hats ring −10 / −4 / 0 dB (10th / 50th / 90th percentile) at ringAtMs, hats read right −35 / −22 /
 * −9; open hats of electronic kits ring like cymbals but add most of their energy above highHz.
 */
export const STEM_CYMBAL_RING_PARAMETERS = {
  cymbalRingDb: p(
    -10,
    'dB',
    [-40, 0],
    'a hit read as a hat, or as a snare without drum body, whose ring above midHz at ringAtMs is at least this ' +
      'against its attack…',
  ),
  cymbalRingDecayMs: p(200, 'ms', [20, 2000], '…whose top band (above highHz) takes at least this to fall decayDb…'),
  cymbalRingTopShare: p(
    0.5,
    'of the added energy',
    [0, 1],
    "…and which adds under this share above highHz (an open hat's hiss lies above it) is a cymbal",
  ),
} as const;

/**
 * Cymbals read by the stem's own references (h-dxcym35). As snares (stem.ts byCymbalOverSnares): a crash
 * struck alone, into its swell or under the backbeat adds a low wash the band rule reads as a drum, but 150 ms on
 * (ringAtMs) it still rings −8 / −1 / +3 dB (10th / 50th / 90th percentile) against its attack where the snares read
 * right ring −32 / −16 / −5, and its body partial lies at 137 / 493 / 621 Hz where theirs lies at 137 / 190 / 281
 * (tuning dumps: held-out 18–21, 19t–22t, the class-tuning dump). Absolute ring edges lose the snares of reverberant
 * stems; against the stem's own snares' low quantile they do not.
 */
export const STEM_CYMBAL_REFERENCE_PARAMETERS = {
  cymbalSnareQuantile: p(
    0.2,
    'quantile',
    [0, 1],
    "the stem's snare reference: this quantile of the ring above midHz at ringAtMs over the hits read as snares " +
      '(at least minStemSnares; a low one, so that cymbals read as snares do not set it)',
  ),
  cymbalSnareOverDb: p(10, 'dB', [0, 40], 'a hit read as a snare ringing at least this far above the reference…'),
  cymbalSnareRingDb: p(-10, 'dB', [-40, 0], '…and at least this against its own attack…'),
  cymbalSnareBodyHz: p(
    300,
    'Hz',
    [50, 1000],
    "…whose body partial lies at or above this (a snare's head lies below) is a cymbal",
  ),
  hatlessClearDb: p(
    -15,
    'dB',
    [-60, 0],
    'a stem none of whose hits read as hats rings below this at ringAtMs has no closed hat (stem.ts byCymbalHatless)…',
  ),
  hatlessRingDb: p(-12, 'dB', [-40, 0], '…and its hits read as hats that ring at least this against their attack…'),
  hatlessLateRatio: p(
    0.8,
    'of the centroid',
    [0, 2],
    '…whose late spectrum (lateMs on) centres below this factor of what they add (the ring darkens)…',
  ),
  hatlessFlatness: p(
    0.01,
    'flatness',
    [0, 1],
    "…and whose added spectrum's flatness lies under this (partials, not a hat's noise) are cymbals",
  ),
} as const;

/**
 * A second piece struck with a kick (h-dxcls27, stem.ts byStruckWithKick): what the wires (midHz–highHz) or top
 * (above highHz) band adds at a hit read as a kick, against what its kick band adds, and how long it rings.
 */
export const STEM_TOGETHER_PARAMETERS = {
  togetherDb: p(
    20,
    'dB',
    [0, 60],
    'a hit read as a kick whose wires or top band adds within this far under its kick band (the added energy)…',
  ),
  togetherDecayMs: p(
    40,
    'ms',
    [1, 500],
    "…and rings at least this long there (a beater's click dies sooner) was struck with a second piece: a snare " +
      'when its wires band adds at least togetherWiresDb over its top band, a hat otherwise (a cymbal when that band ' +
      'rings cymbalDecayMs)',
  ),
  togetherWiresDb: p(
    3,
    'dB',
    [-30, 30],
    "the wires band's added energy over the top band's that makes the second a snare",
  ),
  togetherRiseDb: p(
    15,
    'dB',
    [0, 60],
    '(h-dxcls29) a hit read as a kick whose wires or top band adds within togetherDb but dies sooner than ' +
      'togetherDecayMs (a closed hat struck with it) still has a second piece when its top band (above highHz) rose ' +
      'at least this far over what rang just before (priorTopDb)…',
  ),
  togetherHatDb: p(
    10,
    'dB',
    [0, 60],
    "…and adds there within this far under the median of what the stem's own hats add above highHz (at least " +
      "minStemHats of them; a beater's click adds far less)",
  ),
} as const;

/**
 * Noise snares read as hats by how long they ring (h-dxbrush37, stem.ts byBrushDecay): a brush slap or an undamped
 * electronic snare adds nothing below midHz and little at the stroke that a hat does not, so the band rule reads "no
 * drum body, short: a hat"; but its noise rings on (top band 110–300 ms to fall decayDb on the circuit kits) where the
 * stem's closed hats die in 15–100 ms, and 50 ms on it has begun to die (a hat struck into the ring of another, or a
 * swelling open hat, stands at or above its first). Measured on the tuning set fixtures/drumclass37tune.ts and
 * held-out 23t and 24t (tuning now): the closed hats' top band decays 22 / 43 / 89 ms (10th / 50th / 90th percentile),
 * the snares read as hats 134 / 172 / 206 ms. Sampled open hats decay as long (the --all dump: 397 of them at 2× the
 * reference): the circuit kits' hats are metal partials (flatness 0–0.1), their snares noise (0.1–0.4), so the
 * flatness against the stem's short hats is the second test.
 */
export const STEM_BRUSH_DECAY_PARAMETERS = {
  brushDecayQuantile: p(
    0.25,
    'quantile',
    [0, 1],
    "the stem's closed-hat reference: this quantile of the top-band decay of its hits read as hats without drum body " +
      '(at least minStemHats of them; a low quantile, so that the snares among them do not set it)',
  ),
  brushDecayRatio: p(
    3,
    'times the reference',
    [1, 10],
    'a hit read as a hat without drum body whose top band (above highHz) takes at least this factor of the ' +
      'reference to fall decayDb…',
  ),
  brushLateDb: p(
    0,
    'dB',
    [-30, 30],
    '…whose late spectrum (lateMs on) stands at most this against its first (dying, not swelling)…',
  ),
  brushFlatRatio: p(
    5,
    "times the short hats' flatness",
    [1, 1000],
    "…and whose added spectrum's flatness is at least this factor of the median flatness of the stem's hats dying " +
      'before the edge (a noise snare beside tonal metal hats; where the hats are noise, as sampled open and closed ' +
      'hats are, no hit qualifies) is a snare',
  ),
  brushFlatFloor: p(
    0.002,
    'flatness',
    [0, 0.1],
    "the short hats' median flatness is taken as at least this (hats of pure partials measure near 0)",
  ),
  brushClickMs: p(
    20,
    'ms',
    [0, 200],
    "the reference's hats ring: a hit read as a hat without drum body whose top band dies sooner than this is a " +
      "stick's click on a drum (its body masked by the ring before), left out of the reference and of the short " +
      'hats; 0: none left out (gbm66 was trained on the rules without it; 20 the default since h-dx99, with gbm99 ' +
      'trained at it). h-dx87, measured on 33 … ' +
      "56t's hits read as hats without body: top band under 20 ms for 11 % of the hats, 78 % of the toms, 82 % of " +
      "the kicks; at 20 (18 and 22 alike) the analytic 100 Hz kickless kit's 16 hats read as hats, not 8 of them as " +
      'brushes; gbm87 (model 87) was trained on the rules at 20',
  ),
} as const;

/**
 * Kicks read as toms by their falling pitch (h-dxbrush37, stem.ts byKickRingGlide): an 808-style kick rings for
 * seconds, so the next kick struck into that ring adds nothing new below lowHz and its drooping start is all the band
 * rule sees in the body band: "a drum whose top band dies at once, a tom". Its body partial, though, lies at the stem's
 * kicks' (kickPitchReference) and falls within bodyMs; a kit's toms sit above its kick. Measured on the tuning set
 * fixtures/drumclass37tune.ts and held-out 23t, 24t: 33 + 4 kicks (with their hats) gained, 2 toms lost. The mirror
 * (byTomGlide): a droopy tom struck into a ring, whose late body the band rule or byKickLate reads as a kick, lies well
 * above the kicks' pitch and holds it.
 */
export const STEM_RING_GLIDE_PARAMETERS = {
  ringKickRatio: p(
    1.1,
    "of the stem's kick reference",
    [1, 2],
    'a hit read as a tom that adds nothing new below lowHz, whose body partial lies at or below this factor of the ' +
      "stem's kick reference (kickPitchReference)…",
  ),
  ringKickFall: p(
    0.8,
    'of its body partial',
    [0.3, 1],
    "…and whose second body window's strongest peak lies at or below this factor of it (its pitch falling) is a " +
      'kick; a hit read as a kick that adds nothing new below lowHz, whose body partial lies at least ringTomRatio ' +
      'of the reference and whose second window holds above this factor of it (its pitch held) is a tom',
  ),
  ringTomRatio: p(
    1.3,
    "of the stem's kick reference",
    [1, 4],
    'a hit read as a kick that adds nothing new below lowHz (struck into a ring; the band rule or byKickLate read ' +
      'its low body as a kick) whose body partial lies at least this factor above the kick reference…',
  ),
} as const;

/**
 * Hats read as toms by their ringing top (h-dxhat40, stem.ts byHatShellRing): a resonator-bank hat (a shell's
 * bending modes from 300–600 Hz up, each a resonator over noise) puts most of what it adds into its low modes, below
 * midHz, and is pitched (not flat), so the band rule reads "a drum whose top band dies within snareTopDecayMs: a
 * tom". Its lowest mode, the body partial, lies at 300–600 Hz, above a tom's (whose partial glides down and sits
 * low); its upper modes carry a percent or more above highHz and ring 10–30 ms, while the whole shell is damped
 * (its wires band dies within 15–30 ms, a sampled tom's overtones ring 30–90 ms). Measured on the tuning set
 * fixtures/drumclass-resotune40.ts (0.7213 → 0.8469) and held-out 14–25t (ten high toms lost on 22t, a few on 14,
 * 15, 18, 20t, 24t); held-out 26, judged once: 0.7616 → 0.8304 (bench/RESULTS.md, h-dxhat40).
 */
export const STEM_HAT_SHELL_PARAMETERS = {
  hatShellTopMs: p(
    9,
    'ms',
    [0, 35],
    'a hit read as a tom whose top band (above highHz) takes at least this long to fall decayDb (0: off)…',
  ),
  hatShellTopShare: p(
    0.002,
    'of the added energy',
    [0, 1],
    '…which adds at least this share above highHz (more than a stick click)…',
  ),
  hatShellWiresMs: p(
    36,
    'ms',
    [5, 500],
    '…whose wires band (midHz–highHz) falls decayDb sooner than this (a damped shell)…',
  ),
  hatShellBodyHz: p(250, 'Hz', [50, 1000], "…whose body partial lies at or above this (a tom's sits lower)…"),
  hatShellLowShare: p(
    0.1,
    'of the added energy',
    [0, 1],
    "…and which adds less than this share below lowHz (a hat adds nothing there, a tom's membrane may: held-out " +
      "18's single-sample Hydrogen tom adds 0.3) is a hat: its shell modes",
  ),
} as const;

/**
 * Hats read as drums or cymbals by their partial (stem.ts byHatPartial, h-dxhat44): a resonator or ringing hat sounds
 * one pitched shell mode, and a reverberant room lifts its ring into the body and wires bands, where the band rule
 * hears a snare, a tom or a cymbal. The stem's own hats (the hits read as hats whose body partial holds
 * hatPartialShare) tell its pitch when they agree.
 */
export const STEM_HAT_PARTIAL_PARAMETERS = {
  hatPartialShare: p(
    0.8,
    'of the added energy',
    [0, 1],
    'a hit whose body partial carries at least this share of what it adds between bodyLoHz and bodyHiHz is pitched…',
  ),
  hatPartialRatio: p(
    0.12,
    'ratio − 1',
    [0, 0.5],
    "…and lies within this ratio (either way) of the median body partial of the stem's pitched hats…",
  ),
  hatPartialAgree: p(
    0.5,
    'of the reference hats',
    [0, 1],
    '…when at least this share of those hats (at least minStemHats) lie within the same ratio of their median…',
  ),
  hatPartialMinHz: p(
    300,
    'Hz',
    [50, 1000],
    "…and that median lies at or above this (a shell's mode, above a snare's head)…",
  ),
  hatPartialLowShare: p(
    0.05,
    'of the added energy',
    [0, 1],
    '…and which adds under this share below lowHz (no low body at the strike) is a hat, whatever else it was read as',
  ),
} as const;

/**
 * Ride bells read as hats or snares by their late ring (stem.ts byBellRing, h-dxbell45): a bell (a ride's cup, a
 * cowbell-like GM "ride bell") is struck short and bright like a hat, and its partial under midHz reads as a drum body
 * to the band rule. What a drummer hears is its ring: a few inharmonic partials over bellLoHz still sounding lateMs
 * on, where a closed hat has died and an open hat's hiss is noise.
 */
export const STEM_BELL_PARAMETERS = {
  bellLoHz: p(
    1000,
    'Hz',
    [300, 4000],
    "the late ring's tonality (feature lateFlatness) is the spectral flatness of the late window from here on",
  ),
  bellFlatness: p(
    0.13,
    'flatness',
    [0, 1],
    'a hit read as a hat whose late window (lateMs on) above bellLoHz is at most this flat (a few partials)…',
  ),
  bellLateDb: p(-7, 'dB', [-40, 10], '…whose late spectrum stands at least this against its first (it rings on)…'),
  bellLateHz: p(
    3000,
    'Hz',
    [500, 12000],
    '…and centres at or above this (a bell is bright; a resonator hat rings lower)…',
  ),
  bellHighHz: p(10000, 'Hz', [3000, 20000], "…and at or below this (a hat's hiss rising to 16 kHz centres higher)…"),
  bellRingDb: p(
    -12,
    'dB',
    [-40, 0],
    '…and which still rings above midHz at least this against its attack at ringAtMs (unknown passes: a next hit ' +
      "sooner than minRingMs) is a ride (its bell); a modal kit's hat has died by then",
  ),
} as const;

/**
 * Kicks read as toms in fast runs and rooms (stem.ts byMaskedKick, h-dxkick47): a kick struck 16ths after another
 * (or in a room's boom) adds nothing its kick band's last lowBeforeMs did not already hold, so its kick band fails
 * minGainDb and the band rule hears only its beater and body: "a drum whose top dies at once, a tom". A hit read as a
 * tom whose kick band adds nothing, struck within maskedKickMs of a hit read as a kick, whose body partial lies at or
 * below maskedKickRatio × the stem's kick reference (kickPitchReference) is a kick.
 */
export const STEM_MASKED_KICK_PARAMETERS = {
  maskedKickMs: p(
    160,
    'ms',
    [0, 1000],
    'a "tom" whose kick band adds nothing, struck at most this long after a hit read as a kick (a 16th at 94 BPM or ' +
      'faster; 0: off)…',
  ),
  maskedKickMinMs: p(
    80,
    'ms',
    [0, 1000],
    '…and at least this long after it (a 16th at 187 BPM or slower: the strokes of a 32nd tom roll come sooner, ' +
      'and a low tom among them reads as a kick)…',
  ),
  maskedKickRatio: p(
    1.5,
    "× the kicks' pitch",
    [1, 4],
    "…whose body partial lies at or below this factor of the stem's kick reference (kickPitchReference: a tom sits " +
      'above the kick) is that kick, its kick band masked by the one before',
  ),
} as const;

/**
 * A hit's own membrane cue (h-dx72; stem.ts membraneCue, first pass; the model's MEMBRANE_FEATURES): a drum head rings
 * at the circular membrane's modes (Bessel-function zeros: 1.594, 2.136, 2.296 × its fundamental), a kick's sine sweep
 * or a harmonic body at its harmonics (2 ×) with nothing peaked between; a tom rings long for its pitch, a kick's
 * beater click is broadband and short. Read on what the hit adds in one window of twice bodyMs from its start (less
 * twice the same window before it), its fundamental the body partial (bodyHz). The model's trees were trained with
 * these values: a change changes the features (retrain).
 */
export const STEM_MEMBRANE_PARAMETERS = {
  secondModeRatio: p(1.594, '× the body partial', [1.2, 2], "the membrane's second mode (1,1)"),
  thirdModeRatio: p(2.136, '× the body partial', [1.8, 2.6], 'its third (2,1)…'),
  fourthModeRatio: p(2.296, '× the body partial', [1.8, 2.8], '…and fourth (0,2), read together'),
  gapLowRatio: p(1.3, '× the body partial', [1.05, 1.5], 'between the fundamental and the second mode…'),
  gapHighRatio: p(1.85, '× the body partial', [1.65, 2.05], '…and between the second and the third (no mode there)'),
  harmonicRatio: p(2, '× the body partial', [1.5, 3], "a harmonic body's (a kick's sine) second partial"),
  modeWidth: p(
    0.03,
    'of the frequency',
    [0.005, 0.2],
    "a mode's power: the added power within this fraction of its frequency (at least its nearest bin)",
  ),
  clickMs: p(
    5,
    'ms',
    [1, 20],
    "the click: what the wires and top bands hold in this many ms from the start against the low and body bands' " +
      'attack (a beater on a kick head: broadband and short)',
  ),
} as const;

/** The drum-class presets the engine reads (presets/drum-class-gbmN.json, N the round that trained it; h-dx67). */
export const STEM_MODEL_PRESETS = [
  53, 56, 59, 62, 63, 65, 66, 67, 69, 71, 72, 73, 74, 81, 83, 84, 86, 87, 89, 92, 96, 97, 99, 100,
] as const;

/**
 * The drum-class model of a whole-kit stem (stem-model.ts, presets/drum-class-gbm99.json since h-dx99, gbm66 before
 * it; h-dxgbm54 put it in): boosted trees over each kept hit's features and the rules' class give its family.
 */
export const STEM_MODEL_PARAMETERS = {
  useModel: p(
    1,
    'switch',
    [0, 1],
    "1: a whole-kit stem's hits take the model's family (the rules' class, the model's family and probability in " +
      "each reason); 0: the rules' classes alone",
    true,
  ),
  model: p(
    99,
    'preset round',
    [53, 100],
    'the drum-class preset the engine reads (with useModel 1): presets/drum-class-gbmN.json, N one of ' +
      `${STEM_MODEL_PRESETS.join(', ')} (another value is refused) — 53: h-dxlearn53, 98 features; 56: h-dxgbm56, ` +
      '113 features, 28 sets (the engine from h-dxgbm56 to h-dx66); 59: h-dx59, 131; 62: h-dx62, 131, three ' +
      'members; 63: h-dx63, 113, three members, near-kick analytic toms; 65: h-dx65, 140, three members, 41 / 42 ' +
      'and twins only; 66: h-dx66, 140, three members, 38 … 43t, the analytic stems and the tuning kits (the ' +
      "engine's since h-dx66); 67: h-dx67, 153 (the stem's snare cluster against its hats, the kick cluster's " +
      'levels), three members, 35 … 44t (35t not), the analytic stems and the tuning kits; not the default: it ' +
      'reads 3 of the 24 analytic toms beside their kick (gbm66 22; drums-model.test.ts); 69: h-dx69, 150 ' +
      "(gbm67's without the kick cluster's levels), three members, 33 … 45t, the analytic stems, the tuning kits " +
      "and synth69's toms beside their kick at weight 3: 24 of 24 analytic toms, tuning LOSO +0.008 over gbm66's " +
      "recipe on 3 fold pairs (inside the seed spread): not the default; 71: h-dx71, 162 (gbm69's 150 and 9 that " +
      "ask whether the stem's kick cluster is a kick; the kick cluster's levels masked in training), three members, " +
      "33 … 46t, the analytic stems, the tuning kits and synth69's toms at weight 3; 72: h-dx72, 167 (gbm71's and " +
      "5 of the hit's own membrane cue, STEM_MEMBRANE_PARAMETERS), gbm71's masks, three members, 41 … 47t " +
      "re-dumped with the cue, the analytic stems, the tuning kits and synth69's toms at weight 3; 73: h-dx73, " +
      "gbm72's form trained on the newest sets 41 … 48t only (33 … 40t left out), the analytic stems, the tuning " +
      "kits and synth69's toms at weight 3 (the first pass measures the cue only for 72 and 73); 74: h-dx74, " +
      "gbm71's form (162, no cue) trained on 41 … 49t at row weight 1 and the older sets 33 … 40t at a lower one " +
      "(its provenance), the analytic stems, the tuning kits and synth69's toms at weight 3; 81: h-dx81, gbm74's " +
      'form retrained with the newest sets in: 41 … 52t at weight 1 (51 / 51t the Lotka–Volterra and Brusselator ' +
      'kits, 52 / 52t the recorded circAfrique / rumpf composites and the Morse kits), 33 … 40t at 0.3, the ' +
      "analytic stems, the tuning kits and synth69's toms at weight 3: left out pair by pair on 49 … 52t (the " +
      "kickless rule after it) 0.8869 against the engine's 0.8536, not the default: it reads 5 of the 8 85 Hz " +
      "analytic toms beside their kick as kick (drums-model.test.ts); 83: h-dx83, gbm81's form trained on 33 … " +
      "53t with synth69's toms beside their kick and synth83's kickless analytic stems (a floor tom where the kick " +
      "was, read as tom) at weight 6 (bench/results/drums.md h-dx83); 84: h-dx84, gbm83's form trained on 33 … " +
      "54t with synth84's analytic held low kicks (a drum head held at 44–60 Hz where the kick was, read as kick) " +
      "beside synth69 and synth83 at weight 6 (bench/results/drums.md h-dx84); 86: h-dx86, gbm84's form trained on " +
      "33 … 55t with synth86k's kickless analytic stems at 90–130 Hz and synth86h's held low kicks with the " +
      "recorded held kicks' cues (no membrane second mode, even harmonics, little click) beside synth69, 83 and 84 " +
      "at weight 6 (bench/results/drums.md h-dx86); 87: h-dx87, gbm86's form with the hit's own membrane cue in " +
      '(167 features: the second mode, the click, the decay in periods; on the held kicks of 33 … 56t against toms ' +
      'at 44–75 Hz the click separates at AUC 0.87, the second mode 0.74), trained on 33 … 56t with the rules as ' +
      "h-dx87 mended them (byBrushDecay's reference without stick clicks) (bench/results/drums.md h-dx87); 89: " +
      "h-dx89, gbm87's form on 33 … 57t with the analytic rows restated: synth84's held kicks (the floor tom's " +
      "drum head held low) out, synth89h's held kicks built as recorded held kicks are (the beater's click, no " +
      "second mode, even harmonics) at 44–80 Hz and synth89k's kickless floor toms at 60–130 Hz in — the pitches " +
      'overlap, only the cue tells them (bench/results/drums.md h-dx89); read it with brushClickMs 20; 92: h-dx92, ' +
      "gbm89's form on 33 … 59t with synth89h's held kicks struck again over their own ring (synth92h: " +
      "drums-synth-stems --restrike, the fixture's Restrike; synth86h's summed ones kept as a share) " +
      "(bench/results/drums.md h-dx92); read it with brushClickMs 20; 96: h-dx96, 172 (gbm92's 167 and 5 of the " +
      'restrike cue: a hit against the low hit before it, whose ring it may land in — STEM_MODEL_CLUSTER_PARAMETERS ' +
      "restrikeLookMs, restrikeLowShare), gbm92's recipe on 33 … 60t (bench/results/drums.md h-dx96); read it with " +
      "brushClickMs 20; 97: h-dx97, gbm96's form on 33 … 61t with synth97d's held kicks struck again 0.1–0.2 s " +
      "into their own long ring (drums-synth-stems --held-doubles: the kickless test's re-struck held kick, its " +
      'seeds and pitches apart) among the near rows (bench/results/drums.md h-dx97); read it with brushClickMs 20; ' +
      "99: h-dx99, gbm97's form on 33 … 62t with synth99p's doubles beside synth97d's among the near rows: a floor " +
      'tom at 80–110 Hz (truth tom) and a held kick at 44–62 Hz (truth kick), of one drum head or built as ' +
      '--held-doubles, each struck again 0.1–0.2 s into its ring (drums-synth-stems --pitch-doubles: the pitch, not ' +
      "the head's modes, tells them) (bench/results/drums.md h-dx99); read with brushClickMs 20 (both the default " +
      'since h-dx99: the re-struck held kick 219 of 220 kicks, gbm66 197; every analytic kit of the drums tests at ' +
      'least as gbm66, 1999 of 2048 pieces right against 1807; 62 / 62t left out 0.9221 / 0.8270 against ' +
      "gbm66's 0.8756 / 0.6762); 100: h-dx100, gbm99's form on 52 … 63t only (the older dumps not regenerated in " +
      "time) with synth100r's re-amped strokes, brushes and 32nd-note doubles (drums-synth-stems --reamped) beside " +
      "gbm99's near rows — not the default: 63 / 63t left out level with gbm99's recipe trained alike (pooled " +
      "0.8386 against 0.8388), 63t's brush kits lower (bench/results/drums.md h-dx100); read with brushClickMs 20",
    true,
  ),
} as const;

/**
 * The stem's own clusters the model reads (h-dx59, stem-model.ts clusterRows; features 114 … 131, after gbm56's 113):
 * the kick's (the lowest recurring body pitch) and the hats'. The preset's trees were trained with these values: a
 * change changes the features (retrain).
 */
export const STEM_MODEL_CLUSTER_PARAMETERS = {
  bodyShare: p(0.5, 'of the added energy', [0, 1], 'a hit with a body: its low and body bands add at least this'),
  recurMin: p(3, 'hits', [2, 20], 'a body pitch recurs when at least this many bodied hits lie within a semitone…'),
  recurShare: p(0.1, 'of the bodied hits', [0, 1], "…and this share of them (the lowest recurring pitch: the kick's)"),
  hatTopShare: p(0.2, 'of the added energy', [0, 1], "the stem's hat cluster: hits adding at least this above highHz…"),
  hatBodyShare: p(0.1, 'of the added energy', [0, 1], '…and less than this below midHz'),
  fillGapMs: p(
    260,
    'ms',
    [50, 2000],
    "a run (fill): bodied hits each at most this after the last (h-dx65's features); h-dx71's: a bodied hit more " +
      'than a semitone above within this of a hit, before or after',
  ),
  snareMidShare: p(
    0.5,
    'of the added energy',
    [0, 1],
    "the stem's snare cluster (h-dx67's features): hits outside the hat cluster whose body and wires bands add at " +
      'least this…',
  ),
  snareLowShare: p(0.3, 'of the added energy', [0, 1], '…and whose low band adds less than this'),
  restrikeLookMs: p(
    500,
    'ms',
    [100, 4000],
    "the restrike cue (h-dx96's features, stem-model.ts restrikeRows): the low hit before a hit is sought this far " +
      "back — on the re-struck held kick at 55 Hz the double's second stroke lands 150 ms into the first's ring (0.4 " +
      "of its body band's 370–410 ms decay); at 450 and 550 ms gbm96 reads the re-struck held kick and 60 / 60t as " +
      'at 500 (192 of 220; 0.8930 / 0.8933 pooled, fold 60)',
  ),
  restrikeLowShare: p(
    0.5,
    'of the added energy',
    [0, 1],
    '…a hit whose low band adds at least this (the re-struck held kick: 0.93–0.95; its second stroke adds ' +
      'nothing there: its low band rises less than minGainDb over the ring); at 0.45 and 0.55 gbm96 reads as at 0.5',
  ),
} as const;

/**
 * A stem with no kick (h-dx78, stem-model.ts applyKicklessStem; after the model): a kit played without its bass drum
 * (toms or timbales alone, taiko) has its lowest drum read as the kick. A kick's head, struck by a beater, clicks and
 * falls in pitch as it rings (a kick's sweep, nothing peaked between its harmonics); a tom's or a timbale's holds its
 * pitch, is struck by a stick and rings at a drum head's inharmonic modes. When the hits the model read as kick hold
 * their pitch (their body partial's median fall from the first bodyMs to the second, bodyHz to bodyLateHz,
 * STEM_PARAMETERS, within kicklessFallSt either way), peak at the head's second mode (the median modePeakDb,
 * STEM_MEMBRANE_PARAMETERS, over kicklessModePeakDb) and click little (the median clickDb under kicklessClickDb), the
 * stem has no kick: they are toms. The first pass measures the membrane cue whenever the rule is on. Measured on the
 * tuning sets' re-dumps (33 … 50t, h-dx78): the kickless stems' kick clusters fall −0.2…0.8 semitones, peak 2.5…42 dB
 * at the second mode and click −33…−13 dB; the fall alone also takes the older sets' tom-like synthetic kicks (41 … 43
 * lose 0.006–0.04) and a sampled kit's 49 Hz kick (its partial under the window's resolution: −0.8, clicking −15 dB);
 * pooled over 41 … 50t +0.006 (the kickless stems 0.67 → 0.81), every pair within −0.003, 33 … 40t within −0.009.
 * A held pitch is one that does not rise either (h-dx83, kicklessRiseSt): a struck head's partial falls or holds as it
 * rings; a rise of a few tenths of a semitone is the 46 ms window's bias on a partial under about 55 Hz (bins 21.5 Hz
 * apart; an analytic head held at 54.3 Hz reads a 0.78 st rise, at 50 Hz 2 st) — a bass drum's register. On the
 * tuning dumps 33 … 53t (main's engine, h-dx83) the kick clusters of 25 stems with a kick read a median rise of
 * 0.3 … 0.9 st (mostly sampled 43 … 76 Hz kicks: GMRockKit, BlackPearl, MilloML3, Audiophob), of the 44 kickless
 * stems none (two rise 0.2 st, three jump 5 … 13 st, which kicklessFallSt refuses); the rule fired wrongly on 53's
 * GMRockKit stem (a 0.79 st rise: 89 → 57 right). Tuning 33 … 53t +0.0004 (that stem alone); 54 / 54t as before.
 */
export const STEM_KICKLESS_PARAMETERS = {
  kicklessFallSt: p(
    0.9,
    'semitones',
    [0, 12],
    "the stem's hits read as kick are toms when their body partial moves by less than this either way (the median " +
      'fall over them, from the first bodyMs to the second): a tom holds its pitch, a kick falls; 0: off',
  ),
  kicklessRiseSt: p(
    0.5,
    'semitones',
    [0, 12],
    '…and rises by less than this (the median fall over −kicklessRiseSt): a rise is no held pitch but a partial ' +
      "under about 55 Hz read by the 46 ms window, a bass drum (h-dx83, tuning dumps: 25 stems' kicks rise 0.3 … " +
      "0.9 st, no kickless stem's); kicklessFallSt or more: the fall's window alone, as before h-dx83",
  ),
  kicklessModePeakDb: p(
    1.5,
    'dB',
    [-60, 60],
    "…and their membrane cue's second mode stands this far over the gaps beside it (the median modePeakDb: a drum " +
      "head's mode; a kick's sweep is flat there)…",
  ),
  kicklessClickDb: p(
    -19,
    'dB',
    [-60, 20],
    "…and their click (the median clickDb: the wires and top bands' first clickMs against the body's attack) is " +
      "under this (a beater's click is broadband and loud)",
  ),
  kicklessMinHits: p(
    3,
    'hits',
    [1, 50],
    'the rule reads a stem only when at least this many of its reported hits read as kick have a body partial',
  ),
} as const;

/**
 * A floor tom read as the kick in a stem that has a kick (h-dx80, stem-model.ts applyFloorTomCluster; after the model
 * and the kickless rule): the stem's reported hits read as kick split in two by their body pitch (the split of their
 * log bodyHz with the least spread within the two halves). A beater's kick falls in pitch as it rings (bodyHz to
 * bodyLateHz); a floor tom, tuned above the kick and struck by a stick, holds its pitch and is not louder than the
 * kick. When the upper half's median body pitch lies at least floorTomSepSt over the lower's, the upper half holds its
 * pitch (its median fall within floorTomHoldSt either way), the lower half falls (its median fall over
 * floorTomKickFallSt) and the upper half's median peak is at most floorTomPeakDb over the lower's, the upper half are
 * toms. Measured on the tuning dumps (33 … 51t, h-dx80): the toms read as kick in stems with a kick hold their pitch
 * (median fall 0.8 st against the kicks' 3.0) and are softer in half the stems; a lower half that holds its pitch is
 * not a tom (kick rolls and double kicks: their soft strokes hold, the loud fall), so only the upper half is read.
 * At floorTomHoldSt 2: pooled over the 41 tuning dumps +0.0019 (toms read as kick 1553 → 1370), every pair within
 * −0.0032; under the switch rule's 0.004, so off by default. Held-out 52t (once): 0.6948 → 0.7335, one stem of 24.
 */
export const STEM_FLOORTOM_PARAMETERS = {
  floorTomHoldSt: p(
    0,
    'semitones',
    [0, 12],
    "the upper half of the stem's kicks (by body pitch) are toms when their median fall (bodyHz to bodyLateHz) is " +
      'within this either way (a tom holds its pitch); 0: off (2 when on: tuning 33 … 51t +0.0019 pooled, h-dx80)',
  ),
  floorTomKickFallSt: p(
    1.5,
    'semitones',
    [0, 24],
    "…while the lower half's median fall is over this (the kick: a beater's head falls as it rings)…",
  ),
  floorTomSepSt: p(2, 'semitones', [0, 48], "…and the halves' median body pitches lie at least this far apart…"),
  floorTomPeakDb: p(
    0.5,
    'dB',
    [-40, 40],
    "…and the upper half's median peak is at most this over the lower half's (the kick is the loudest low drum)",
  ),
  floorTomMinHits: p(3, 'hits', [1, 50], 'each half holds at least this many hits with a body partial'),
} as const;
