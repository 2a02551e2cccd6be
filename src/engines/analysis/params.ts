/**
 * The analysis engines' parameters, declared once with unit, range and default (STYLE: engines
 * describe themselves). The native FeatureExtractor and the TypeScript engines (onsets, tempo,
 * key, pitch) read them from here; `analyze` logs the STFT layout it chose per file as a decision.
 */

export interface ParameterSpec {
  /** The default. */
  value: number;
  unit: string;
  /** Lowest and highest accepted values; closed ends unless `open` says otherwise. */
  range: readonly [number, number];
  description: string;
  /** Open ends: [true, false] is (lo, hi]. Default both closed. */
  open?: readonly [boolean, boolean];
  /** Only whole numbers are accepted. */
  integer?: boolean;
}

/** Runs `fn` with `spec` set to `value` (a sweep or a test of one setting), then restores the declared value. */
export function withParameterValue<T>(spec: ParameterSpec, value: number, fn: () => T): T {
  return withParameterValues([[spec, value]], fn);
}

/**
 * Runs `fn` with each spec set to its value, then restores them all. `fn` is synchronous: no other work of the
 * thread runs between the setting and the restoring, so a process running several jobs at once (a worker's
 * slots, `--jobs`) never lets one job's values reach another's engines.
 */
export function withParameterValues<T>(settings: readonly (readonly [ParameterSpec, number])[], fn: () => T): T {
  if (settings.length === 0) return fn();
  const old = settings.map(([spec]) => spec.value);
  try {
    for (const [spec, value] of settings) spec.value = value;
    return fn();
  } finally {
    settings.forEach(([spec], i) => (spec.value = old[i]!));
  }
}

/** Declares one parameter (closed range); the other engines' parameter tables use it too. */
export const p = (
  value: number,
  unit: string,
  range: readonly [number, number],
  description: string,
  integer = false,
): ParameterSpec => ({
  value,
  unit,
  range,
  description,
  ...(integer ? { integer } : {}),
});

/** The shared STFT: computed once per file and handed to every spectral feature. */
export const STFT_PARAMETERS = {
  windowSeconds: p(
    0.0464,
    's',
    [0.005, 0.5],
    'window length; rounded to the nearest power of two of samples (2048 at 44.1 and 48 kHz, 4096 at 96 kHz)',
  ),
  hopFraction: p(
    0.25,
    'of the window',
    [0.0625, 1],
    'hop between frames (512 samples at 44.1/48 kHz: 11.6/10.7 ms); frames are centered',
  ),
  activeFloorDbfs: p(
    -70,
    'dBFS',
    [-200, 0],
    'frames whose mean square is below this are silence, left out of the spectral means',
  ),
} as const;

export const SPECTRAL_PARAMETERS = {
  rolloffFraction: p(
    0.85,
    'of the energy',
    [0.5, 0.99],
    'roll-off: the frequency below which this fraction of the spectral energy lies',
  ),
  melBands: p(40, 'bands', [8, 128], 'mel filterbank (Slaney scale, 20 Hz–16 kHz) for MFCC and the onset envelope'),
  melMinHz: p(20, 'Hz', [0, 1000], 'lowest mel filter edge'),
  melMaxHz: p(16000, 'Hz', [1000, 192000], 'highest mel filter edge (clipped to Nyquist)'),
  mfccCoefficients: p(13, 'coefficients', [1, 40], 'MFCC: DCT-II (orthonormal) of the mel band levels in dB'),
} as const;

export const CHROMA_PARAMETERS = {
  minHz: p(55, 'Hz', [20, 500], 'lowest spectral peak used for the pitch-class profile'),
  maxHz: p(5000, 'Hz', [1000, 10000], 'highest spectral peak used for the pitch-class profile'),
  tuningGateMaxHz: p(
    1500,
    'Hz',
    [500, 5000],
    "highest spectral peak of the key's tuning-gate profile (gatePitchClass, KEY_PARAMETERS.lowBandTuningGate): " +
      'broadband drums (ride and crash cymbals, brushes, shakers, congas) give many more spectral peaks per 10-cent ' +
      'bin high up than low down, so over a busy kit a struck, decaying tuned instrument (fresh50: a vibraphone and ' +
      'a bar bass) is outweighed in the full profile. Measured (h-kgate75, tuning concentration with the cut at ' +
      '5000 / 2000 / 1500 / 1000 Hz): fresh50 bebop and two-feel vibraphone tunes 0.13–0.24 / 0.28–0.50 / ' +
      '0.31–0.54 / 0.38–0.62, their drums alone 0.02–0.03 at every cut; speech at most 0.19 / 0.25 / 0.25 / 0.27; ' +
      'GM drum-kit loops at most 0.40 / 0.33 / 0.28 / 0.32 (bench/results/key.md, h-kgate75; a first probe: the ' +
      'peaks below the cut also set the 50 dB floor there). 1350 and 1650 Hz leave every tuning song and null file ' +
      'on the same side of minLowTuningConcentration',
  ),
  harmonics: p(1, 'harmonics', [1, 8], 'HPCP harmonic summation (1 = each peak counts for its own pitch class only)'),
} as const;

export const ONSET_PARAMETERS = {
  tickSeconds: p(0.0005, 's', [0.00002, 0.01], 'resolution of the fine energy envelope used to place each onset'),
  scaleTopFraction: p(
    0.01,
    'of the frames',
    [0.0001, 0.5],
    'peak picking: the envelope strength that deltaFraction is a fraction of: the value exceeded by this fraction ' +
      'of the frames (the maximum when fewer frames carry any onset)',
  ),
  deltaFraction: p(
    0.04,
    'of the envelope range',
    [0, 1],
    'peak picking: a peak must exceed the local median by this fraction of the scaleTopFraction strength',
  ),
  medianSeconds: p(0.1, 's', [0.01, 1], 'peak picking: half-width of the local median window (adaptive threshold)'),
  peakWindowSeconds: p(0.03, 's', [0.005, 0.2], 'peak picking: a peak is the largest value within ± this'),
  minIntervalSeconds: p(
    0.02,
    's',
    [0.005, 0.5],
    'two onsets are at least this far apart (the truth counts hits closer than 20 ms as one)',
  ),
  searchBeforeSeconds: p(
    0.02,
    's',
    [0, 0.2],
    'placement: the attack behind an envelope peak is searched from this long before the frame centre',
  ),
  searchAfterSeconds: p(0.025, 's', [0, 0.2], 'placement: … to this long after the frame centre'),
  riseSpanSeconds: p(
    0.002,
    's',
    [0.0005, 0.02],
    'placement: the attack is where the energy of the following span most exceeds that of the preceding span',
  ),
  riseLookbackSeconds: p(
    0.02,
    's',
    [0, 0.05],
    'placement: the energy before a rise is the loudest span within this long before it (the ripple of a kick ' +
      'or tom within its period is not a rise)',
  ),
  riseFloorDb: p(
    -30,
    'dB',
    [-120, 0],
    'placement: energy this far below the loudest tick of the search window counts as silence, so that the ' +
      'inaudible first samples of a hit (below a few % of its peak) do not pull the onset early',
  ),
  startLevelDb: p(
    -36,
    'dB',
    [-60, 0],
    'placement: the onset is the first tick (from two spans before the steepest rise) whose energy above the ' +
      "background (the loudest tick of the lookback) reaches this level relative to the hit's rise to its loudest " +
      'tick in the next attackSeconds ' +
      '(the physical start: where the hit reaches a few % of its peak amplitude)',
  ),
  backtrackSeconds: p(
    0.004,
    's',
    [0, 0.05],
    'placement of a slow attack: from the startLevelDb tick, back along the rise (the energy over ± 1 tick falls ' +
      'tick by tick going back) to where it leaves the floor or the previous decay, at most this far (0: off)',
  ),
  backtrackLevelDb: p(
    -24,
    'dB',
    [-90, 0],
    "… and not into ticks below this level relative to the hit's loudest tick (a one-shot's inaudible lead-in)",
  ),
  fineRiseDb: p(
    9,
    'dB',
    [0, 120],
    'attacks between envelope peaks (flams): a broadband energy rise this large over the lookback counts as an ' +
      'onset of its own',
  ),
  fineLevelDb: p(
    -30,
    'dB',
    [-120, 0],
    '… when its energy is within this of the loudest tick within ± fineContextSeconds (not a rise in a quiet tail)',
  ),
  fineContextSeconds: p(0.1, 's', [0.005, 1], '… the context of fineLevelDb'),
  attackSeconds: p(0.02, 's', [0.002, 0.1], "placement: the hit's peak is looked for this long after its rise"),
  fluxScaleTopFraction: p(
    0.01,
    'of the frames',
    [0.0001, 0.5],
    'onset flux: each frequency group is divided by the value this fraction of its frames exceed (a soft hat ' +
      'group is as loud as a kick group)',
  ),
  fluxCombinePower: p(
    1,
    '',
    [1, 16],
    'onset flux: the groups are combined by their power mean of this order (1: the mean; large: the loudest group)',
  ),
  fluxDeltaFraction: p(
    0.07,
    'of the envelope range',
    [0, 1],
    'onset flux peak picking: deltaFraction for the onset flux envelope',
  ),
  fluxMedianSeconds: p(0.1, 's', [0.01, 1], 'onset flux peak picking: medianSeconds for the onset flux envelope'),
  fluxGroupDeltaFraction: p(
    0.6,
    'of the group scale',
    [0.05, 1],
    'onset flux peak picking per frequency group: a peak of one group (divided by its fluxScaleTopFraction ' +
      'value) that exceeds its own local median by this much adds an onset even beside a larger peak of the mean',
  ),
  fluxPeakWindowSeconds: p(
    0.05,
    's',
    [0.005, 0.2],
    'onset flux peak picking: peakWindowSeconds for the onset flux envelope',
  ),
  fluxValleySeconds: p(
    0.03,
    's',
    [0.005, 0.2],
    'onset flux peak picking: a peak (of the mean or of a group) counts only when the envelope was at or below ' +
      'fluxValleyFraction of it somewhere within this long before it …',
  ),
  fluxValleyFraction: p(
    0.3,
    'of the peak',
    [0, 1],
    "… (a hit rises out of the ring before it; a ringing cymbal's beating or a brush swish swells over many " +
      'frames; 1: off)',
  ),
  fluxLeadPeakSeconds: p(
    0.035,
    's',
    [0, 0.2],
    'onset flux: a peak of the envelope that is the largest within ± this (not within ± fluxPeakWindowSeconds) ' +
      'counts when nothing larger precedes it within fluxPeakWindowSeconds and the envelope falls to ' +
      'fluxLeadDipFraction of it before the larger peak that follows (a drag or grace stroke just before an ' +
      'accent); 0: off …',
  ),
  fluxLeadDipFraction: p(0.2, 'of the peak', [0, 1], '… (the dip between the two peaks) …'),
  fluxLeadRiseDb: p(
    3,
    'dB',
    [-20, 40],
    '… and the fine energy over tailSpanSeconds from its placed onset is at least this above the fine energy ' +
      'over tailLookbackSeconds before it (a stroke adds energy; a decay, an echo or a ripple does not)',
  ),
  fluxTrailDipFraction: p(
    0.3,
    'of the peak',
    [0, 1],
    'onset flux trail peaks: a peak as fluxLeadPeakSeconds picks it that follows a larger one within ' +
      'fluxPeakWindowSeconds counts when the envelope fell to this fraction of it between the two (the next stroke ' +
      'of a 32nd-note roll, 42–60 ms after a louder one; 0: off) …',
  ),
  fluxTrailPeakFraction: p(
    0.5,
    'of the larger peak',
    [0, 1],
    "… and it reaches this fraction of the larger one's peak (a roll's strokes are alike; a ripple after a hit is not)",
  ),
  fluxTrailRiseDb: p(
    0,
    'dB',
    [-20, 40],
    "… and, as fluxLeadRiseDb, its fine energy rises at least this much (the last stroke's decay is in the span " +
      'before it)',
  ),
  fluxSearchBeforeSeconds: p(
    0.015,
    's',
    [0, 0.2],
    'onset flux placement: the attack behind a flux peak is searched from this long before the frame centre',
  ),
  fluxSearchAfterSeconds: p(0.01, 's', [0, 0.2], 'onset flux placement: … to this long after the frame centre'),
  washRiseMads: p(
    16,
    'median absolute deviations',
    [0, 1000],
    'a flux peak under a sustained wash (a ride, a brush swish): it counts only when, in some frequency group, it ' +
      "rises above that group's own level over the preceding washSeconds (its median) by this many of its median " +
      'absolute deviations (the bounces and swells of a wash are no larger than its fluctuation; 0: off) …',
  ),
  washSeconds: p(
    0.3,
    's',
    [0.05, 1],
    '… the window of that level: from this long before the peak to washGapSeconds before it …',
  ),
  washGapSeconds: p(0.03, 's', [0, 0.1], '… (the rise itself and its previous frames left out)'),
  washMadFloor: p(
    0.005,
    'of the group scale',
    [0.0001, 1],
    '… with the deviation at least this fraction of the group scale (a quiet context: any rise counts) …',
  ),
  washDominantFraction: p(
    0.6,
    "of the frame's largest group",
    [0, 1],
    '… in a group that carries the peak: one whose flux there (divided by its scale) is at least this fraction of ' +
      "the largest group's (a wash's bounce shows mostly in the wash's own band and only a trace in a quiet one, " +
      'which would rise out of a zero deviation; a hit rises most where it sounds; 0: any group) …',
  ),
  washNoveltyFraction: p(
    0.25,
    'of the novelty scale',
    [0, 1],
    '… or when the timbre novelty (divided by the value fluxScaleTopFraction of its frames exceed) reaches this ' +
      'within ± 3 frames of the peak (a hit changes the timbre; a bounce of the wash does not)',
  ),
  tailNoveltyFraction: p(
    0.1,
    'of the novelty scale',
    [0, 1],
    'a flux onset in a decaying tail (a room, a hall, a cymbal): dropped when the timbre novelty within ± 3 frames ' +
      'of its peak stays below this (divided by the value fluxScaleTopFraction of its frames exceed; a hit ' +
      'changes the timbre, an echo or a bounce of the tail does not; 0: off) …',
  ),
  tailFluxFraction: p(
    0.8,
    'of the group scale',
    [0, 10],
    "… and its largest frequency group's flux (divided by the group's scale) stays below this (a loud rise is a " +
      'hit whatever its timbre) …',
  ),
  tailRiseDb: p(
    5,
    'dB',
    [-20, 40],
    '… and the fine energy over tailSpanSeconds from the onset is less than this above the fine energy over ' +
      'tailLookbackSeconds before it (a hit adds energy to the tail; its echo or bounce leaves the level flat) …',
  ),
  tailWashMads: p(
    100,
    'median absolute deviations',
    [0, 10000],
    "… and it rises above the tail by fewer than this many of the group's median absolute deviations (washRises: " +
      'a tick far above the fluctuation of its band is a hit) …',
  ),
  tailSpanSeconds: p(0.01, 's', [0.001, 0.1], '… the span after the onset …'),
  tailLookbackSeconds: p(0.02, 's', [0.001, 0.2], '… and the span before it'),
  incoherentCoherence: p(
    0.3,
    "of the filters' rises",
    [0, 1],
    "a flux onset whose rise is not coherent across the timbre novelty's filters (noveltyCoherence's measure below " +
      "this within ± 1 frame of its peak: some filters rise, others fall — a cymbal's or a tail's own beating) is " +
      'kept only when it rises loudly (incoherentRiseDb); 0: off …',
  ),
  incoherentRiseDb: p(
    2,
    'dB',
    [-20, 40],
    '… the fine energy over tailSpanSeconds from the onset at least this above the fine energy over ' +
      'tailLookbackSeconds before it',
  ),
  echoQuantile: p(
    0.2,
    'of the sources',
    [0, 0.5],
    "echo model (echoRepeats: a delay line's repeats are not onsets): per band (the native band energies) and delay " +
      '(echoMinLagSeconds–echoMaxLagSeconds), the rise one delay after each source onset over its own rise; the ' +
      "band's gain at that delay is this quantile of those ratios (a repeat follows every source: its ratio never " +
      'falls below the gain); 0: off …',
  ),
  echoSpreadDb: p(
    1.5,
    'dB',
    [0.1, 20],
    '… a band echoes at a delay where the median ratio is at most this above the gain (most repeats land where no ' +
      "other hit is, so the ratios pile up at the gain; a groove's next hits vary with their velocity) …",
  ),
  echoMinGain: p(0.01, 'power ratio', [0.0001, 1], '… and the gain reaches this (−20 dB) …'),
  echoMaxGain: p(
    0.5,
    'power ratio',
    [0.01, 10],
    "… but not this (−3 dB: a delay's repeats are quieter than their source; a quantized groove's identical " +
      'one-shots repeat at their own level) …',
  ),
  echoBandFraction: p(
    0.65,
    'of the bands with sources',
    [0, 1],
    '… and the delay is the one with the most echoing bands, at least this fraction of the bands with sources (a ' +
      "delay copies every band a hit sounds in; a quantized hat pattern's fixed accents pile up in the hats' bands " +
      'only); ties: the larger mean gain',
  ),
  echoMaxDelays: p(
    3,
    'delays',
    [0, 8],
    "echo model: at most this many delays (a multi-tap's heads, a ping-pong's sides), each a prediction of its own …",
    true,
  ),
  echoSourceFraction: p(
    0.25,
    "of the band's scale",
    [0.001, 1],
    "… sources in a band: onsets whose rise there reaches this fraction of the band's scale (the rise " +
      'fluxScaleTopFraction of its frames exceed)',
  ),
  echoMinLagSeconds: p(0.04, 's', [0.01, 0.5], 'echo model: the shortest delay sought …'),
  echoMaxLagSeconds: p(0.8, 's', [0.05, 3], '… and the longest'),
  echoMarginDb: p(
    3,
    'dB',
    [0, 20],
    "echo model: an onset is a repeat when, in every band, its rise is at most this above the band's gain times the " +
      'rise one delay before (± 1 frame), plus echoExcessFraction of the band scale …',
  ),
  echoExcessFraction: p(
    0.1,
    "of the band's scale",
    [0, 1],
    "… (a hit on a repeat rises in its own band beyond the repeat's prediction by more than this) …",
  ),
  echoExplainedFraction: p(
    0.5,
    'of the rise',
    [0, 1],
    '… and the prediction explains at least this fraction of its rise (over the bands, each divided by its scale): a ' +
      'soft hit with nothing one delay before is no repeat',
  ),
  noveltyDeltaFraction: p(
    0.12,
    'of the novelty scale',
    [0.01, 1],
    'timbre novelty (the onset flux column after the frequency groups): a peak (divided by the value ' +
      'fluxScaleTopFraction of its frames exceed) that exceeds its local median by this much is an onset …',
  ),
  noveltyCoherence: p(
    0.7,
    "of the filters' rises",
    [0, 1],
    "timbre novelty: … and whose coherence (over the novelty's filters, the sum of the signed rises over the ring's " +
      'decay continued, over the sum of their magnitudes) reaches this within ± 1 frame: a hit raises nearly every ' +
      "filter (0.5–0.95); a ride's or a brush's own fluctuation raises some and lowers others (0.2–0.45, up to 0.7 " +
      'under a ride or a brush: 0.5 until h-onset45); a hat rising above the wash passes by noveltyWashMads; 0: off',
  ),
  noveltyWashMads: p(
    4,
    'median absolute deviations',
    [0, 100],
    "timbre novelty: … unless some frequency group's flux rises above a sustained wash by this many of its median " +
      'absolute deviations (washRises: a hat in a quiet context or over an open hat always does)',
  ),
  noveltyMinDb: p(
    0.5,
    'dB',
    [0, 12],
    "timbre novelty: … and only where the novelty itself (the geometric mean of the filters' coherent rise and " +
      "their shape's rise, dB re the compression floor) reaches this: a quiet bright part's comb echoes in a room's " +
      'tail change the timbre by tenths of a dB, large beside a file whose highs are quiet (0: off)',
  ),
  noveltyLeadSeconds: p(
    0.003,
    's',
    [-0.05, 0.05],
    "timbre novelty: the onset is placed this long before the novelty peak's rising edge (the hit has no energy " +
      'rise to place it on; the median lag of the truth behind the edge on the tuning set)',
  ),
  noveltyEdgeFraction: p(
    0.5,
    'of the peak',
    [0.05, 1],
    "timbre novelty: the onset is placed at the peak's rising edge, the first frame (within fluxPeakWindowSeconds " +
      'before it) from which the novelty stays at or above this fraction of the peak',
  ),
  noveltyExclusionSeconds: p(
    0.1,
    's',
    [0.005, 0.2],
    '… when no other onset lies within this of it (the novelty of a hit that the flux already found)',
  ),
  chokeMinHz: p(
    1200,
    'Hz',
    [0, 20000],
    "choke onsets (chokeOnsets: a closed or pedal hat that cuts an open hat's ring, where no band rises): over the " +
      'band energies whose lower edge is at or above this, a frame whose sum falls by chokeDropDb within ' +
      'chokeSpanSeconds and stays down …',
  ),
  chokeDropDb: p(
    8,
    'dB',
    [0, 60],
    '… by this much (over chokeSpanSeconds, and at every frame of chokeHoldSeconds after it; 0: off) …',
  ),
  chokeSpanSeconds: p(0.0116, 's', [0.001, 0.1], '… within this long (rounded to whole hops, at least one) …'),
  chokeHoldSeconds: p(0.0232, 's', [0, 0.2], '… and stays at least chokeDropDb down for this long after that …'),
  chokeRingSeconds: p(
    0.029,
    's',
    [0, 0.2],
    '… after a steady ring: over this long before the frame, the sum within chokeRingDb of it either way (an ' +
      "open hat's sustain; not a closed hat's own decay after its attack, nor a fresh burst's peak: a delay's " +
      'repeat) …',
  ),
  chokeRingDb: p(3, 'dB', [0, 40], '… (this close) …'),
  chokeBandDropDb: p(
    6,
    'dB',
    [0, 60],
    '… where at least chokeBandFraction of those bands each fall by this much (a choke cuts the whole cymbal; a ' +
      "shaker's or a ride's own swell dips in one band) …",
  ),
  chokeBandFraction: p(0.75, 'of the bands', [0, 1], '… (this fraction) …'),
  chokeLevelDb: p(
    -35,
    'dB re the loudest frame',
    [-120, 0],
    "… and the ring's sum is at least this re the file's loudest frame of those bands (a ring one can hear)",
  ),
  chokeExclusionSeconds: p(
    0.04,
    's',
    [0, 0.2],
    'choke onsets: placed at the last frame before the fall (within 1 dB of the ring), only where no other onset ' +
      'lies within this of it',
  ),
  chokeQuietSeconds: p(
    0.07,
    's',
    [0, 0.5],
    "… and none within this long before it (the ring sounded alone for a while: a clap's or a snare's gated tail " +
      'just after its hit is no choke); 0: off',
  ),
  onsetModel: p(
    1,
    'switch',
    [0, 1],
    "learned peak acceptor (src/engines/onsets/peak-model.ts, presets/onset-peak-gbm87.json): 1 replaces the rules' " +
      "decision over every candidate peak by the boosted trees' P(onset) ≥ onsetModelThreshold (where the input has " +
      "the evidence it reads: the onset flux's groups, novelty, coherence, band energies; elsewhere, e.g. the tempo " +
      "task's and comp's mel-envelope onsets, the rules stand); 0: the rules",
  ),
  onsetModelThreshold: p(
    0.45,
    'probability',
    [0.05, 0.95],
    "the peak model's acceptance threshold (chosen by LOSO: gbm87's 0.45, as gbm63's; another preset's own in its " +
      '`threshold`)',
  ),
  onsetModelPreset: p(
    99,
    'round',
    [56, 100],
    'which peak model the engine reads, by the round that trained it — 56 presets/onset-peak-gbm56.json, 59 gbm59, ' +
      '63 gbm63 (the roll and attack evidence; the default from h-onset63 to h-onset87), 66 gbm66 (h-onset66: and ' +
      "the context evidence, each set weighted alike), 84 gbm84 (h-onset84: gbm66's form trained on every read set, " +
      'held-out 12–14 and 18–42), 86 gbm86 ' +
      "(h-onset86: gbm84's form on held-out 12–14 and 18–43 and analytic echo rows — a stroke and its delayed " +
      "copies are one onset), 87 gbm87 (h-onset87: gbm86's form with the closed-hat evidence, on held-out 12–14 " +
      "and 18–44; the default from h-onset87 to h-onset99, now w99's ordinary preset), 89 gbm89 (h-onset89: " +
      "gbm87's form trained on held-out 12–14 and " +
      '18–45 with the short-window candidates — read it with onsetModelShortWindowSeconds 0.02 and θ 0.40), 92 ' +
      "gbm92 (h-onset92: gbm89's form with the neighbour and run evidence read over the ordinary candidates only, " +
      'on held-out 12–14 and 18–47 — read it with the window 0.02), 96 gbm96 (h-onset96: the same form on held-out ' +
      "12–14 and 18–48 with the song sets' rows weighted ×3 — read it with the window 0.02), 97 w97 (h-onset97: " +
      "the ordinary candidates gbm87's at this θ, exactly as 87; the short window's candidates by trees of their " +
      "own, trained on their rows of 12–14 and 18–50 only, at w97's own θ in its `threshold` — read it with the " +
      "window 0.02), 99 w99 (h-onset99: w97's form trained by bench/onset-learn.ts train --window on the window's " +
      "rows of 12–14 and 18–52, at w99's θ 0.72 by LOSO; the default since h-onset99 with the window 0.02: LOSO drum " +
      'sets +0.0037, songs −0.0001 against gbm87 alone), 100 w100 (h-onset100: the ordinary and the short ' +
      "window's candidates w99's, exactly as 99; the sub-window candidates by trees of their own, trained on their " +
      "rows of 12–14 and 18–54 only — read it with onsetModelSubWindowSeconds 0.007); a preset's own θ is in its " +
      '`threshold`',
    true,
  ),
  onsetModelFloor: p(
    0.3,
    'of the flux delta',
    [0.05, 1],
    "the candidates' floor: the flux envelope's and groups' peaks over their local median by this × their delta",
  ),
  onsetModelWindowSeconds: p(
    0.05,
    's',
    [0.005, 0.1],
    "the candidates' peak window: each the largest within ± this (main's fluxPeakWindowSeconds; 0.015 s, with 97 % " +
      'of the truth near a candidate against 93 %, lost on LOSO: more echoes and neighbours accepted)',
  ),
  onsetModelShortWindowSeconds: p(
    0.02,
    's',
    [0, 0.05],
    "short-window candidates (h-onset89; 0 = none): the envelope's and groups' peaks over the same floor, each " +
      "the largest within ± this, where no other candidate is within minIntervalSeconds (a closed hat or a flam's " +
      "stroke whose peak the candidates' window merges into a louder stroke's; `source` 3 in the model's row); 0.02 " +
      'the default since h-onset99 (with w99: 3 hops of 5.8 ms — 0.018 s gives the same candidates; LOSO over 12–14, ' +
      '18–52 at 0.022 s −0.0007, w99 trained at 0.02)',
  ),
  onsetModelSubWindowSeconds: p(
    0,
    's',
    [0, 0.05],
    "sub-window candidates (h-onset100; 0 = none): the envelope's and groups' peaks over the same floor, each the " +
      "largest within ± this, that neither the candidates' window nor the short window picked, where no other " +
      "candidate is within minIntervalSeconds (a flam's, a drag's or a 32nd's stroke 20–50 ms from a louder one; " +
      "`source` 4 in the model's row, decided only by a sub-window model: onsetModelPreset 100, read with 0.007 — " +
      'one hop of 5.8 ms, 0.0063–0.0077 s the same candidates; under 0.005 s pickPeaks refuses the window)',
  ),
  onsetModelRunMaxGapSeconds: p(
    0.15,
    's',
    [0.02, 1],
    "the peak model's roll evidence (h-onset63): a run's largest gap between candidates (32nd and 64th rolls: " +
      '40–95 ms); a feature definition — a new value needs a retrained preset',
  ),
  onsetModelRunMaxRatio: p(
    1.5,
    'ratio',
    [1, 4],
    "the peak model's roll evidence: each gap of a run within this ratio of the gap before it (or its inverse); a " +
      'feature definition',
  ),
  onsetModelAttackSeconds: p(
    0.03,
    's',
    [0.005, 0.2],
    "the peak model's attack evidence (h-onset63) and band-shape evidence (h-onset66): the span before and after the " +
      'peak it compares; a feature definition',
  ),
  onsetModelNeighbourSeconds: p(
    0.25,
    's',
    [0.02, 2],
    "the peak model's context evidence (h-onset66): a candidate's rank by envelope among the candidates within ± " +
      'this; a feature definition',
  ),
  onsetModelGridToleranceSeconds: p(
    0.02,
    's',
    [0.002, 0.1],
    "the peak model's grid evidence (h-onset66): a rules' onset lies on the candidate's grid when its distance is " +
      "within this of a whole number of grid steps (the most common gap between the rules' onsets); a feature " +
      'definition',
  ),
  onsetModelHatHz: p(
    5000,
    'Hz',
    [2000, 12000],
    "the peak model's closed-hat evidence (h-onset87): the band energies whose lower edge is at or above this are " +
      "the hat's (a closed hat's noise lies above 5 kHz, a kick's and a snare's body and most of a snare's wires " +
      'below it); a feature definition',
  ),
} as const;

/**
 * The onsets engine's own flux (native FeatureExtractor `onsetFlux`; tempo keeps the shared STFT's mel envelope):
 * a finer STFT, a log-frequency filterbank, log compression and the SuperFlux rise per frequency group.
 */
export const ONSET_FLUX_PARAMETERS = {
  windowSeconds: p(
    0.023,
    's',
    [0.005, 0.1],
    'onset flux window; rounded to the nearest power of two of samples (1024 at 44.1/48 kHz)',
  ),
  hopSeconds: p(0.0058, 's', [0.001, 0.05], 'onset flux hop (256 samples at 44.1 kHz); frames are centered'),
  bandsPerOctave: p(24, 'filters per octave', [1, 96], 'log-frequency triangular filterbank of the onset flux'),
  minHz: p(30, 'Hz', [1, 1000], 'lowest filter corner of the onset flux filterbank'),
  maxHz: p(
    20000,
    'Hz',
    [1000, 192000],
    "highest filter corner (clipped to Nyquist); above 16 kHz, where a cymbal's ring is weak, a closed hat under " +
      'the ring stands out (held-out 24: its only band over the ring)',
  ),
  floorDb: p(
    -120,
    'dB re a full-scale sine',
    [-200, 0],
    'log compression 20·log10(1 + X/floor): filter magnitudes below the floor count as silence; the floor is ' +
      'relativeFloorDb under the sample peak but never under this (true silence: a file peaking down to −50 dB ' +
      'reads as at full scale)',
  ),
  relativeFloorDb: p(
    -70,
    'dB re the sample peak',
    [-200, 0],
    "… the floor this far under the file's sample peak so far and over the look-ahead (a full-scale sine's filter " +
      "reads the peak), so that a file's gain changes no onset (−70: a file peaking at full scale has the fixed " +
      'floor of before h-gain54); 0: off (the fixed floor alone)',
  ),
  floorAheadSeconds: p(
    0.5,
    's',
    [0, 10],
    "… the look-ahead: a file's first hit sets the floor of the frames before it (its lead-in is not measured " +
      'against its own faint start)',
  ),
  lagSeconds: p(
    0.0116,
    's',
    [0.001, 0.1],
    'the rise is measured over the frame this long before (rounded to whole hops, at least one)',
  ),
  maxFilterBands: p(
    1,
    'filters',
    [0, 16],
    'SuperFlux: each filter rises over the largest of its ± this many neighbours in the earlier frame',
    true,
  ),
  lowGroupHz: p(250, 'Hz', [50, 1000], 'the flux is summed per group: low (kick, toms) below this'),
  midGroupHz: p(2000, 'Hz', [500, 6000], '… mid (snare body, toms) below this'),
  highGroupHz: p(8000, 'Hz', [3000, 16000], '… high (snare wires, hats) below this, top (cymbals, hats) above'),
  noveltyMinHz: p(
    5000,
    'Hz',
    [1000, 16000],
    'timbre novelty (a last onset flux column): over the filters at or above this frequency, the geometric mean ' +
      "of the coherent rise over the earlier frame's decay continued (the mean signed difference) and the rise of " +
      'the spectral shape (a hat inside a ringing or choked open hat, where no group rises)',
  ),
  noveltySlopeSeconds: p(
    0.0174,
    's',
    [0.001, 0.1],
    "timbre novelty: the earlier frame's decay is measured over this long before it (rounded to whole hops)",
  ),
  noveltyMaxDecayDbPerSecond: p(
    130,
    'dB/s',
    [1, 10000],
    "timbre novelty: the ring's decay model continues an earlier fall only when it is at most this fast (a ringing " +
      "hat or ride decays slower; a choke's fade is no decay to continue, so the end of a choke is not a rise over it)",
  ),
  energyBandsPerOctave: p(
    2,
    'bands per octave',
    [0, 12],
    "band energies (the echo model's envelopes): the flux filters' power summed per band this wide from minHz " +
      '(16 bands at 2 per octave, 30 Hz–20 kHz, at 44.1 kHz: the lowest hold no filter); 0 = off',
  ),
} as const;

/** The native FeatureExtractor options of the onset flux at a sample rate (overrides: benches' ±10 % moves). */
export function onsetFluxOptions(
  sampleRate: number,
  overrides: Partial<Record<keyof typeof ONSET_FLUX_PARAMETERS, number>> = {},
) {
  const v = (k: keyof typeof ONSET_FLUX_PARAMETERS) =>
    checkParameter(k, ONSET_FLUX_PARAMETERS[k], overrides[k] ?? ONSET_FLUX_PARAMETERS[k].value);
  const target = v('windowSeconds') * sampleRate;
  const onsetWindowSamples = Math.max(64, Math.min(65536, 2 ** Math.round(Math.log2(target))));
  const onsetHopSamples = Math.max(1, Math.min(onsetWindowSamples, Math.round(v('hopSeconds') * sampleRate)));
  return {
    onsetFlux: true,
    onsetWindowSamples,
    onsetHopSamples,
    onsetBandsPerOctave: v('bandsPerOctave'),
    onsetMinHz: v('minHz'),
    onsetMaxHz: v('maxHz'),
    onsetFloorDb: v('floorDb'),
    onsetRelativeFloorDb: v('relativeFloorDb'),
    onsetFloorAheadFrames: Math.round((v('floorAheadSeconds') * sampleRate) / onsetHopSamples),
    onsetLagFrames: Math.max(1, Math.min(64, Math.round((v('lagSeconds') * sampleRate) / onsetHopSamples))),
    onsetMaxFilterBands: v('maxFilterBands'),
    onsetGroupEdgesHz: [v('lowGroupHz'), v('midGroupHz'), v('highGroupHz')],
    onsetNoveltyMinHz: v('noveltyMinHz'),
    onsetEnergyBandsPerOctave: v('energyBandsPerOctave'),
    onsetNoveltySlopeFrames: Math.max(
      1,
      Math.min(64, Math.round((v('noveltySlopeSeconds') * sampleRate) / onsetHopSamples)),
    ),
    onsetNoveltyMaxFallDb:
      v('noveltyMaxDecayDbPerSecond') *
      ((Math.max(1, Math.min(64, Math.round((v('lagSeconds') * sampleRate) / onsetHopSamples))) * onsetHopSamples) /
        sampleRate),
  };
}

/**
 * The lower edge (Hz) of each band of the onset flux's band energies (onsetBandEnergy) at a sample rate: the native
 * extractor's filter centres (log-spaced corners rounded to bins, duplicates dropped), each in the band
 * floor(log2(fc / minHz) · energyBandsPerOctave), bands without a filter dropped. Empty when the energies are off.
 */
export function onsetEnergyBandLowHz(sampleRate: number): number[] {
  const o = onsetFluxOptions(sampleRate);
  const per = o.onsetEnergyBandsPerOctave;
  if (!(per > 0)) return [];
  const bins = o.onsetWindowSamples / 2 + 1;
  const binHz = sampleRate / o.onsetWindowSamples;
  const corner: number[] = [];
  for (let i = 0; ; i++) {
    const f = o.onsetMinHz * 2 ** (i / o.onsetBandsPerOctave);
    if (f > Math.min(o.onsetMaxHz, sampleRate / 2)) break;
    const k = Math.min(bins - 1, Math.round(f / binHz));
    if (!corner.length || k > corner[corner.length - 1]!) corner.push(k);
  }
  const bands: number[] = [];
  for (let j = 1; j + 1 < corner.length; j++) {
    const fc = corner[j]! * binHz;
    const b = Math.floor(Math.log2(Math.max(fc, o.onsetMinHz) / o.onsetMinHz) * per);
    if (bands[bands.length - 1] !== b) bands.push(b);
  }
  return bands.map((b) => o.onsetMinHz * 2 ** (b / per));
}

export const TEMPO_PARAMETERS = {
  minBpm: p(50, 'BPM', [20, 200], 'slowest tempo considered'),
  maxBpm: p(220, 'BPM', [60, 400], 'fastest tempo considered'),
  priorCenterBpm: p(130, 'BPM', [60, 200], 'center of the log-normal tempo prior (metrical level preference)'),
  priorOctaves: p(
    1.5,
    'octaves',
    [0.1, 4],
    'width (standard deviation) of the tempo prior: broad (50 BPM keeps 0.66 and 220 BPM 0.88 of its weight at the ' +
      'center), ' +
      'so the evidence terms, not the prior, choose the metrical level',
  ),
  metricalFloor: p(
    0.2,
    '',
    [0, 10],
    'metrical fit of a beat level without any subdivision (the fit of a well-subdivided level is up to 1 more)',
  ),
  presenceSaturation: p(
    0.1,
    'of the beat',
    [0.01, 1],
    'metrical fit: a subdivision this strong relative to the beat (full band, minus the onsets on the other ' +
      'grid, binary vs ternary) counts as fully present',
  ),
  barFloor: p(
    0.2,
    '',
    [0, 10],
    'bar evidence of a beat level: this plus the envelope autocorrelation at 3 or 4 beats (the larger)',
  ),
  accentRatioFull: p(
    0.6,
    'of the beat',
    [0, 1],
    'metrical fit: ternary subdivisions up to this strength relative to the beat (beat envelope) leave the beat ' +
      'fully accented',
  ),
  accentRatioNone: p(
    1,
    'of the beat',
    [0, 1],
    'metrical fit: ternary subdivisions this strong relative to the beat (beat envelope) leave no accent: the ' +
      'level groups beats in threes',
  ),
  binaryAccentRatio: p(
    0.9,
    'of the beat',
    [0, 1],
    'metrical fit: binary subdivisions up to this strength relative to the beat (the smaller on the full band ' +
      'and the beat envelope) leave the beat fully accented; at 1 none (an isochronous pulse at half tempo)',
  ),
  isochronousFloor: p(
    0,
    '',
    [0, 1],
    'metrical fit of a level whose binary subdivision is as strong as its beat on both envelopes (half of an ' +
      'isochronous pulse) relative to the same level without it',
  ),
  beatTightness: p(100, '', [1, 1000], 'beat tracker: penalty weight for deviating from the tempo period (Ellis 2007)'),
  evenFloor: p(
    0.5,
    '',
    [0, 1],
    'beat-level evidence of a level whose every other beat carries no accent (a tatum: its half is the beat); a ' +
      'level whose beats are evenly accented gets 1',
  ),
  drumEvenFloor: p(
    0.7,
    '',
    [0, 1],
    'drum evenness (h-tempo22, files without tuned notes): the factor of a level whose every other beat carries no ' +
      'kick or snare (the onset flux low and mid groups; hats left out); 1: off. Plateau 0.7–0.77 on the tuning sets ' +
      '(0.63 loses a file of the base tuning set and of held-out 1)',
  ),
  snareBackbeatGain: p(
    0.7,
    '',
    [0, 2],
    'snare backbeat (h-tempo24, files without tuned notes): the largest boost of a level whose snare hits (by ' +
      'spectral shape, snareHits) fall regularly on every other beat; the beat is half the snare period; 0: off. ' +
      'Plateau 0.6–0.8 on the tuning sets (0.54: a held-out-2 drum file and a held-out-17 song fewer; 0.3–0.4: ' +
      'fewer gains on held-out 2, 17 and 18)',
  ),
  snareBackbeatMin: p(
    0.4,
    '',
    [0, 0.99],
    'snare backbeat: the evidence κ·ε·on (snareBackbeat: every other beat, not every fourth, on the beats) below ' +
      'which no boost is given, the boost linear above it (0.36–0.44 alike; a 7/8 2+2+3 at the eighth: 0)',
  ),
  snareMinIntervals: p(
    6,
    'intervals',
    [1, 100],
    'snare backbeat: at least this many snare intervals of two beats (fewer: no boost, the snare evidence is weak)',
    true,
  ),
  snareIntervalTolerance: p(
    0.08,
    'of the interval',
    [0.01, 0.3],
    'snare backbeat: a snare interval within this fraction of two beats counts as two beats (of four: a bar ' +
      'without its second snare, left out)',
  ),
  halfTimeSnareGain: p(
    0.85,
    '',
    [0, 2],
    'half-time snare (h-tempo26, every file): the largest boost of a level slower than twice ' +
      'halfTimeFloorBpm whose snare falls regularly on one beat in four (the snare on 3: half-time); the half-time ' +
      'convention (fixtures/tempotruth.ts tappedTruth) in the engine; 0: off. Plateau 0.7–1 (tuning sets 0.5–1 ' +
      'alike; 0.5–0.63 lose a held-out-19 stem, 0.5 also two of held-out 17 and one of 18)',
  ),
  halfTimeFloorBpm: p(
    50,
    'BPM',
    [20, 100],
    'half-time snare: the backbeat reading (half the snare period) is the beat at this tempo or faster; below it ' +
      'the beat is a quarter of the snare period (the same floor as the truth convention)',
  ),
  halfTimeMinIntervals: p(
    3,
    'intervals',
    [1, 100],
    'half-time snare: at least this many snare intervals of four beats (a 20 s file at 70–98 BPM has 4–6)',
    true,
  ),
  levelModel: p(
    1,
    '',
    [0, 1],
    "learned octave move (h-tlearn53's pairwise logistic regression, retrained on tempo21–37 and plain grooves with " +
      'the terms an input lacks read as missing, presets/tempo-level-lr56.json; h-tlevel55, h-tlevel56): 1 on, 0 ' +
      "off (the hand combination's level exactly). From the chosen level, P(double right) > ½ + levelModelMargin " +
      'doubles the BPM (beats: midpoints added), else P(half right) > ½ + margin halves it (every other beat on the ' +
      "first downbeat's parity); onset envelopes alone (no chroma, no band energy) are not read. Judged once on " +
      'tempo38: Acc1 0.500 → 0.625 songs, 0.450 → 0.525 drum files (h-tempo59: lr59, with the beat profiles, lost ' +
      'its judge on tempo40, songs 0.825 → 0.650: lr56 stays)',
    true,
  ),
  levelModelPreset: p(
    80,
    'round',
    [56, 92],
    'learned octave move: which preset the engine reads, by the round that trained it — 56 presets/tempo-level-' +
      'lr56.json (h-tlevel56, 83 features), 59 tempo-level-lr59.json (h-tempo59, the beat profiles; lost its judge), ' +
      "65 tempo-level-lr65.json (h-tempo65, lr56's features and the two-feel numbers: low/high alternation from beat " +
      'to beat at each level, onsets per beat), 68 tempo-level-lr68.json (h-tempo68, tempo28–42 and plain grooves: ' +
      "the score without the engine's prior, no BPM term, and a broad tempo prior of 1 octave around the tuning " +
      "truths' 109 BPM added with weight 1, its only tempo term: the pair's log-odds change by 1 per octave), 69 " +
      "tempo-level-lr69.json (h-tempo69, lr65's form retrained on tempo27–43 with tempo43's ballroom repertoire and " +
      'the plain grooves; judged on tempo44: songs 0.850 = lr56, drum files 0.775 vs 0.825 — not the default), 71 ' +
      "tempo-level-lr71.json (h-tempo71, lr56's form retrained on tempo25–44 and the plain grooves, the realistic " +
      'repertoires tempo43–44 weighted 5; did not meet the switch rule on LOSO; judged on tempo45: songs 0.725 vs ' +
      'lr56 0.775, drum files 0.775 vs 0.800 — not the default), 72 tempo-level-lr72.json (h-tempo72, ' +
      "lr56's form retrained on tempo25–45 and the plain grooves under rule A's truth: the tapped beat is the " +
      "level at which the groove's backbeat falls on every second beat, fixtures/tempotruth.ts beatLevelFactor; " +
      'judged on tempo46: songs 0.875 vs lr56 0.750, drum files 0.700 vs 0.675 — the default until h-tempo78), 73 ' +
      "tempo-level-lr73.json (h-tempo73, lr72's form and the backbeat fold at both levels, levelBackbeatFold, on " +
      "tempo25–46 and the plain grooves under rule A), 78 tempo-level-lr78.json (h-tempo78, lr73's form retrained on " +
      'tempo35–47 and the plain grooves under rule A, λ 1; LOSO by set 502 + 516 of 604 + 604 songs + drum files vs ' +
      "497 + 513 for lr72's form — the default until h-tempo80), 79 tempo-level-lr79.json (h-tempo79, " +
      "lr78's form, the beat profiles and the fold readings at both levels, retrained on tempo35–48 and the plain " +
      "grooves, λ 2; LOSO 541 + 554 of 644 + 644 vs 535 + 557 for lr78's form — not the default: as the default it " +
      "halves one-chord-per-bar test grooves), 80 tempo-level-lr80.json (h-tempo80, lr79's form without the " +
      "chord signal's beat profile, retrained on tempo35–49 and the plain grooves, λ 5; LOSO 580 + 596 of 684 + 684 " +
      "vs 569 + 585 for lr78's form — the default by h-tempo80's switch rule; judged once on tempo50: 0.950 / 0.850 " +
      "vs lr78 0.925 / 0.800), 92 tempo-level-lr92.json (h-tempo92, lr80's form and the wide snare reading at " +
      "the levels — snareWide…'s hits per beat, the strict hits per beat, the wide hits' backbeat at both " +
      'levels, level-model.ts levelWide; its scale moves with snareWideBodyHighHz, snareWidePurityDb and ' +
      'snareWideStickWeight — retrained on tempo35–57 and the plain grooves, λ 5; leave-one-set-out 885 + 888 of ' +
      "1004 + 1004 vs 872 + 885 for lr80's form retrained the same way (+16, +0.80 %, short of the +1 % that " +
      'would make it the default; the four-beat fold as columns too: +17 but one set −5; alone −2) — selectable)',
    true,
  ),
  levelFoldWindowBeats: p(
    0.05,
    'beat',
    [0.01, 0.125],
    "learned octave move, the backbeat fold (h-tempo73, level-model.ts levelBackbeatFold): at each of a level's " +
      'two-beat positions (beat 1, its half-way, beat 2, its half-way) a signal is read within this fraction of the ' +
      'beat (at least one frame; below ⅛ positions a quarter cycle apart never share a frame); read by presets with ' +
      'the fold columns (lr73)',
  ),
  levelFoldKickHz: p(
    150,
    'Hz',
    [100, 300],
    "learned octave move, the backbeat fold's alternation (h-tempo73, level-model.ts bandRise): the kick's band " +
      'energies are those centred below this, the snare group from this up to levelFoldSnareHz. Not robust on ' +
      'held-out material: at 135 Hz (−10 %) lr78 retrained reads tempo48 0.800 / 0.775, not 0.850 / 0.825 ' +
      "(h-tempo78); lr80's form retrained reads tempo50 0.925 / 0.850, not 0.950 / 0.850 (h-tempo80)",
  ),
  levelFoldSnareHz: p(
    5000,
    'Hz',
    [2000, 10000],
    "learned octave move, the backbeat fold's alternation (h-tempo73): the snare group's band energies are centred " +
      'from levelFoldKickHz up to this (the body and the wires; hats and cymbals above)',
  ),
  levelModelMargin: p(
    0.2,
    'probability',
    [0, 0.5],
    "learned octave move: the model's probability must exceed ½ by this much to move the level (h-tlevel56: chosen " +
      'on leave-one-set-out tempo21–37 with the plain grooves, λ 3: 798 / 810 / 808 of 968 right at 0.1 / 0.2 / 0.3)',
  ),
  halfTimeCheckFloor: p(
    0.2,
    '',
    [0, 1],
    'half-time check (h-tempo27, every file): the factor of a level at twice halfTimeFloorBpm or faster whose ' +
      'snare falls once every four of its beats, on one of the four (snareEveryFour, full weight): the written ' +
      'quarter of a half-time groove; its half joins the candidates and is handed the score taken ' +
      '(levelHandOver); 1: off. Plateau 0.15–0.25 on the tuning sets (0.3–0.4: a held-out-1 song fewer; 0: that ' +
      'song fewer, a base and a held-out-20 drum file more)',
  ),
  snareBodyLowHz: p(
    125,
    'Hz',
    [60, 400],
    "snare hits: the body region's lower edge (below: the sub, a kick's head); the bands go by their centres, so at " +
      '2 bands per octave the 85–120 Hz band is the sub and 120–170 Hz up the body (from 113 to 137 Hz alike)',
  ),
  snareBodyHighHz: p(
    340,
    'Hz',
    [150, 1000],
    "snare hits: the body region's upper edge (band energies with their centre between the edges; 2 per octave)",
  ),
  snareNoiseLowHz: p(1000, 'Hz', [300, 4000], "snare hits: the noise (wires) region's lower edge"),
  snareNoiseHighHz: p(
    5500,
    'Hz',
    [2000, 12000],
    "snare hits: the noise region's upper edge (above: the air, hats and cymbals)",
  ),
  snareRiseSeconds: p(0.0116, 's', [0.003, 0.05], 'snare hits: each region rises over this long (the onset flux lag)'),
  snareSustainSeconds: p(
    0.035,
    's',
    [0.01, 0.15],
    "snare hits: the wires' noise is read this long after its peak (a click or a beater has died by then)",
  ),
  snareSustainLow: p(
    0.08,
    'of the peak power',
    [0, 1],
    "snare hits: noise power at snareSustainSeconds at this fraction of its peak or below is a click's (side stick, " +
      "beater; measured: kicks and side sticks 0.03–0.17, snares 0.18–0.56), not a snare's wires",
  ),
  snareSustainFull: p(
    0.16,
    'of the peak power',
    [0.01, 1],
    'snare hits: … at this fraction or above the wires ring (a snare), linear between',
  ),
  snarePurityLowDb: p(
    5,
    'dB',
    [-20, 40],
    "snare hits: the body's rise over the sub's at this or below is a kick's (measured: kicks 1–4 dB, side sticks " +
      '≈ 10, snares 15–20)',
  ),
  snarePurityFullDb: p(10, 'dB', [-20, 40], 'snare hits: … at this or above a shell without a kick, linear between'),
  snareStickWeight: p(
    0,
    '',
    [0, 1],
    'snare hits: the weight of a click with a pure body (a side stick: the sustain test failed) as a backbeat hit ' +
      "(0: the snare alone; h-tempo33's 1 lost two tempo26 drum stems: a dusty kit's clicks broke its snare's " +
      'regularity)',
  ),
  snareMinActivity: p(
    3,
    '',
    [0, 100],
    'snare hits: the least activity of a hit (body and noise rises each over its mean over the file, their geometric ' +
      "mean, times the shape factors; measured: snares 14–100, hats' and kicks' leftovers below 1.5)",
  ),
  snareEventRatio: p(
    0.3,
    'of the 90th percentile',
    [0.01, 1],
    "snare hits: a local maximum of the snare activity counts as a hit at this fraction of the maxima's 90th " +
      'percentile or above (ghost notes stay below)',
  ),
  snareWideRate: p(
    0,
    'hits per second',
    [0, 2],
    'snare hits, the wide reading (h-tempo91): a file with fewer snare hits than this per second is read again with ' +
      "the wide shape (snareWide…: a clap's, snap's, rim's, cross-stick's or brush's backbeat, which the shell-and-" +
      'wires tests miss); 0: off (the default). Measured 0.25 (h-tempo91): tempo35–56 + plain Acc1 +5 of 1928, ' +
      'beat F +0.0007 / +0.0001, short of the +1 % that would make it the default',
  ),
  snareWideBodyHighHz: p(
    1000,
    'Hz',
    [150, 2000],
    "snare hits, the wide reading: the body region's upper edge (a clap's or snap's noise bursts, 0.4–1 kHz up); " +
      "also the scale of lr92's wide features (level-model.ts levelWide, h-tempo92: 900 and 1100 move no band)",
  ),
  snareWidePurityDb: p(
    5,
    'dB',
    [-20, 40],
    "snare hits, the wide reading: the body's rise over the sub's at this or below is a kick's, full at this plus " +
      'snarePurityFullDb − snarePurityLowDb (5, as the strict reading: kicks read 1–4 dB; 0 took more files on ' +
      'tempo35–56 + plain, +8 against +5, but beat F on the drum files −0.0029 and, by construction, the kicks); ' +
      "also the scale of lr92's wide features (levelWide, h-tempo92)",
  ),
  snareWideStickWeight: p(
    1,
    '',
    [0, 1],
    "snare hits, the wide reading: the weight of a click whose noise has died by snareSustainSeconds (a rim's, a " +
      "cross-stick's, a snap's); also the scale of lr92's wide features (levelWide, h-tempo92)",
  ),
  drumEvenRatioFull: p(
    0.8,
    'of the stronger',
    [0.01, 1],
    'drum evenness: the weaker of the even and odd beats (mean kick-and-snare strength) at this fraction of the ' +
      'stronger or above counts as evenly accented',
  ),
  evenRatioFull: p(
    0.5,
    'of the stronger',
    [0.01, 1],
    'beat-level evidence: the weaker of the even and odd beats (mean beat-envelope strength) at this fraction of the ' +
      'stronger or above counts as evenly accented',
  ),
  harmonyWindowSeconds: p(
    0.8,
    's',
    [0.05, 2],
    'harmonic novelty: the mean chroma this long before and after each frame is compared (chord changes)',
  ),
  harmonyWindowBeats: p(
    2,
    'beats',
    [0, 8],
    "harmonic novelty: the window is at most this many of the candidate level's beats (0: harmonyWindowSeconds " +
      'alone); at a fast level the bars are short and a long window blurs their chord changes',
  ),
  tonalPulseRatio: p(
    0.8,
    'of the beat',
    [0, 1],
    "tonal pulse: notes half-way between a level's beats up to this strength relative to those on the beats (tonal " +
      "envelope) leave the level whole; as strong as on the beats, the level is half of the notes' pulse",
  ),
  tonalPulseFloor: p(
    0.7,
    '',
    [0, 1],
    "tonal pulse of a level whose notes fall half-way between its beats as strongly as on them (a fast song's " +
      'melody read at half tempo); only with tuned notes (harmonyMinTuning)',
  ),
  backbeatFullRatio: p(
    0.5,
    'of the beat',
    [0, 2],
    "backbeat (drums' own beat level): onsets half-way between a level's beats at least this strong relative to on " +
      'them on the full band (the snare on 2 and 4 between kicks on 1 and 3) start to mark the level as half of ' +
      'the beat',
  ),
  backbeatLowRatio: p(
    0.7,
    'of the beat',
    [0.01, 1],
    'backbeat: … while the low band (kick, below 150 Hz) half-way is at most this relative to on the beats (the ' +
      'kick stays on the level: it is not a faster pulse)',
  ),
  backbeatMaxBpm: p(
    110,
    'BPM',
    [50, 220],
    'backbeat (h-tempo40): the fastest level the backbeat term weighs down. The term reads the level as half of ' +
      'the beat; above half of maxBpm that beat is no tempo the engine reads, and the half-way hits are an ' +
      "off-beat (a four-on-the-floor's open hat, skate punk's snare on every off eighth): the term is 1 (220: main)",
  ),
  backbeatSnareShare: p(
    0.5,
    'of the half-way positions',
    [0, 1],
    "backbeat (h-tempo46): the share of a level's half-way positions with a snare hit (snareHits) at which the " +
      "backbeat term counts fully; fewer count in proportion (a cumbia's or samba's off-beat güira or rim is " +
      'no backbeat). 0: off (the term as before)',
  ),
  backbeatSnareToleranceSeconds: p(
    0.04,
    's',
    [0.005, 0.1],
    'backbeat (h-tempo46): a snare hit this close to a half-way position counts as on it',
  ),
  backbeatFloor: p(
    0.4,
    '',
    [0, 1],
    'backbeat evidence of a level whose half-way onsets are a full backbeat (full band as strong as on the beats, ' +
      'no kick there): its score is multiplied by this (1: off)',
  ),
  harmonyFloor: p(
    1,
    '',
    [0, 10],
    'harmonic bar evidence of a level: this plus how much more the chord changes recur after 3 or 4 (up to ' +
      'harmonyMaxBarBeats) of its beats ' +
      '(or 2, when its subdivision is ternary: 6/8) than after half of that (autocorrelation of the harmonic ' +
      'novelty); 1 without chroma',
  ),
  harmonyMaxBarBeats: p(
    7,
    'beats',
    [4, 7],
    'harmonic bar evidence (h-tempo17): bars of 3 up to this many beats are read, one of 5 or more only where the ' +
      'chord-change recurrence peaks at it (not less at one beat fewer or more); 4: the code before, bars of 3 and ' +
      '4 only, so a 6-beat bar with one chord change was a four-beat bar of ⅔ of the tempo (held-out 12 songs ' +
      'Acc1 0.867 → 0.967 at 7; 0.900 at 6; 5 as 4)',
    true,
  ),
  harmonyBarPeakBeats: p(
    0.25,
    'beats',
    [0, 0.5],
    "harmonic bar evidence (h-tempo17): a bar of 5 or more of a level's beats counts only when the chord-change " +
      'recurrence peaks there: its highest value within half a beat of the bar lag is at most this many beats from ' +
      'it (a level at ⅔ or 3/2 of the tempo meets a bar of whole beats ⅓ of its beat off; 0.5: no condition)',
  ),
  harmonyMinNovelty: p(
    0.001,
    '',
    [0, 0.1],
    'harmonic novelty (cosine distance of the mean chroma before and after a frame, averaged over the file) under ' +
      'which the pitch content never changes (a click track, a drone: ~1e-4) and chords say nothing; songs and ' +
      'drum stems measure 0.005–0.5',
  ),
  harmonyMinTuning: p(
    0.25,
    '',
    [0, 1],
    "chords count only when the file has tuned notes: the pitch-class profile's tuning concentration (the key " +
      "engine's measure: resultant length of the spectral peaks' positions within the semitone) is at least this; " +
      'drum stems have pitch content (the chroma moves) but no tuning grid (tuning set: songs 0.32–0.81, drum files ' +
      '0.006–0.17; half-way between)',
  ),
  harmonyMinEvidence: p(
    0.4,
    '',
    [0, 2],
    'harmonic bar evidence counts only when some level has at least this much (above harmonyFloor): drums alone ' +
      'or a drone have no chord changes to go by',
  ),
  gridBpm: p(0.05, 'BPM', [0.001, 1], 'step of the tempo grid on which the comb evidence is computed'),
  combDecay: p(
    0.5,
    '',
    [0, 1],
    'comb evidence: the autocorrelation at k+1 beat periods is weighted by this to the power k',
  ),
  combPeriods: p(4, 'periods', [1, 8], 'comb evidence: beat periods summed', true),
  candidateWindow: p(
    0.02,
    'of the tempo',
    [0.001, 0.2],
    'a metrical relative (×2, ×½, ×3/2, ×2/3) of a comb peak is the strongest comb value within this of it',
  ),
  seedPeaks: p(4, 'peaks', [1, 20], 'strongest comb peaks (prior applied) whose metrical relatives compete', true),
  barLagTolerance: p(
    0.01,
    'of the lag',
    [0, 0.1],
    'bar evidence: the autocorrelation is read at 3 and 4 beats and this fraction either side (the largest)',
  ),
  profileHalfWidthSeconds: p(
    0.015,
    's',
    [0.001, 0.1],
    'beat profiles and evenness: the envelope maximum within this of each beat (or subdivision) position',
  ),
  lowBandWeight: p(
    0.5,
    '',
    [0, 10],
    'beat envelope = full-band onset strength + this × the low-band (below 150 Hz) one, each over its deviation',
  ),
  distinctTempo: p(
    0.04,
    'of the tempo',
    [0.001, 0.5],
    'two tempi closer than this are one (confidence compares the best with the first distinct level; the fitted ' +
      'slope of the beats replaces the grid tempo only within it)',
  ),
  snapSeconds: p(0.07, 's', [0, 0.5], 'a beat moves to the nearest detected onset within this (or snapFraction)'),
  snapFraction: p(0.25, 'of the beat period', [0, 0.5], 'a beat moves to the nearest onset within this of the period'),
  minBeatsForSlope: p(
    8,
    'beats',
    [2, 1000],
    'the reported tempo is the slope of a line fitted to the beat times when there are at least this many',
    true,
  ),
  beatEnvelopeFallback: p(
    1,
    '',
    [0, 1],
    'when the full-band envelope is not periodic (minPeriodicitySigma), the levels are read on the beat envelope ' +
      '(full + low band: the kick carries the tempo under sustained or tremolo pads); 0: off',
    true,
  ),
  minPeriodicitySigma: p(
    4.2,
    'σ',
    [0, 100],
    'evidence for a beat: the best comb-weighted envelope autocorrelation over the tempo grid, in units of its own ' +
      "sampling spread (Bartlett: √((1 + 2 Σ r(j)²) / N) over the envelope's short lags, N at most " +
      'periodicityReferenceSeconds of frames), on the full band or the beat envelope; below it tempo is null ' +
      '(h-tempo6: speech and noise measured at most 3.8; music from 3.2, most above 5)',
  ),
  kickSnareGateSigma: p(
    4.2,
    'σ',
    [0, 100],
    'evidence for a beat (h-tempo35): when neither the full band nor the beat envelope reaches minPeriodicitySigma, ' +
      "the kick-and-snare envelope's periodicity (the onset flux's low and mid groups, the same statistic) at this " +
      'or above passes the gate and the levels are read on that envelope (a reverberant song whose pads and tails ' +
      "fill the full band between the kicks: tempo25's 126.1 song 5.13 σ); the second test (beatGateStrongSigma) " +
      'then applies to it. Speech and noise (bench/tempo-gate.ts, 70 files) up to 5.39 σ on it, none given a tempo ' +
      'from 2.5 to 100; 100: off',
  ),
  beatGateWeakSigma: p(
    3,
    'σ',
    [0, 100],
    'the "no beat" gate (h-tgate63): a periodicity (minPeriodicitySigma\'s statistic, the larger of the full band ' +
      'and the beat envelope) from this up to minPeriodicitySigma is a beat only when the file has tuned notes ' +
      '(beatGateMinTuning) and a repeating onset pattern (beatGateMinPattern) both, each measured (a missing ' +
      "profile or flux counts as absent). tempo40's half-time drill song under mcompand and wow: 3.81 σ at 73 BPM, " +
      'tuning 0.80, pattern 10.4; the no-beat inputs (bench/tempo-gatecensus.ts, 108 speech, noise and hard cases): ' +
      'tuning at most 0.19, none with both cues. At or above minPeriodicitySigma: off (main before h-tgate63)',
  ),
  periodicityShortLagSeconds: p(
    0.05,
    's',
    [0.005, 0.5],
    "the periodicity gate's short lags: the autocorrelation within one event's length, which makes a smooth " +
      'envelope (speech syllables, pads) count fewer independent samples than frames',
  ),
  periodicityReferenceSeconds: p(
    20,
    's',
    [1, 600],
    'the periodicity gate counts at most this many seconds of frames: a long recording of speech gains no ' +
      'significance from its length alone',
  ),
  beatGateStrongSigma: p(
    8,
    'σ',
    [0, 100],
    'the "no beat" gate (h-gate19): a periodicity (minPeriodicitySigma\'s statistic, the larger of the full band and ' +
      'the beat envelope) of at least this is a beat by itself; between minPeriodicitySigma and this the file must ' +
      'also have tuned notes (beatGateMinTuning) or a repeating onset pattern (beatGateMinPattern), which speech ' +
      'lacks (measured: speech and noise at most 6.2 σ, espeak-ng Spanish; drum stems below it repeat their pattern)',
  ),
  beatGateKickSnareSigma: p(
    8,
    'σ',
    [0, 100],
    'the "no beat" gate (h-tempo41): when the full band and the beat envelope stay below beatGateStrongSigma, the ' +
      "kick-and-snare envelope's periodicity (the onset flux's low and mid groups, the same statistic) at this or " +
      'above is a beat by itself. A fast groove struck on every beat (blast beat, d-beat: tempo28 208.9 and tempo29 ' +
      '202.5 drum stems, 15.6 and 21.4 σ here) smears the full band with cymbal wash (5.4–6.3 σ) and repeats its ' +
      'pattern every beat (no bar-multiple repeat), so without tuned notes it read no tempo. Speech and noise ' +
      '(bench/tempo-gate.ts) at most 5.39 σ on this envelope; 100: off (main before h-tempo41)',
  ),
  beatGateMinTuning: p(
    0.25,
    '',
    [0, 1],
    '"no beat" gate: tuned notes when the pitch-class profile\'s strong peaks sit on one tuning grid ' +
      '(peakTuningConcentration of the whole profile, each 10-cent bin weighted by its squared strength) at least ' +
      "this much (measured: speech and noise at most 0.18; music of the gate's band passing on this cue alone " +
      'from 0.26)',
  ),
  beatGateMinPattern: p(
    1.8,
    'σ',
    [0, 100],
    '"no beat" gate: a repeating onset pattern when, on beats tracked at the periodicity\'s tempo or twice it, the ' +
      "onset flux's band pattern of a beat is more like the ones B, 2B, 3B … beats later (the least of them) than " +
      'like those at the other lags (their mean) by at least this many times the spread of those other lags, for ' +
      "some B of 2 to a third of beatGatePatternBeats (measured: speech at most 1.4, drum stems in the gate's band " +
      'from 2.3)',
  ),
  beatGatePatternSpread: p(
    0.01,
    '',
    [0.0001, 1],
    '"no beat" gate: the least spread (of the cosine similarities at the other lags) the pattern repeat is divided by',
  ),
  beatGatePatternBeats: p(
    16,
    'beats',
    [6, 64],
    '"no beat" gate: the pattern repeat is read at lags of 1 to this many beats (at most the tracked beats less 5)',
    true,
  ),
  beatGatePatternMinBeats: p(
    12,
    'beats',
    [6, 64],
    '"no beat" gate: no pattern repeat is read at a level with fewer lags than this (a short file: the spread of a ' +
      'few lags is noise; speech of 6–10 s reached 2.4–4.3 σ with 6 lags)',
    true,
  ),
  phaseMargin: p(
    0.5,
    'of the tracked phase',
    [0, 10],
    'beat phase (h-tempo8): the beats move half a period when the drum evidence half-way between them (kick band ' +
      'plus phaseHighWeight × the 2–8 kHz band of the onset flux: kick and snare, not the chords of the mid band) ' +
      'exceeds that on them by this much',
  ),
  phaseQuarterMargin: p(
    10,
    'of the on-beat strength',
    [0, 10],
    'quarter phase (h-tempo81): after the half phase, the beats move a quarter, a third, two thirds or three ' +
      "quarters of a beat when the drum evidence there (the half phase's envelope) exceeds that on them by this " +
      'much; at 10 never (measured in bench/results/tempo.md, h-tempo81)',
  ),
  levelPhaseMargin: p(
    0.1,
    'of the on-beat strength',
    [0, 10],
    "level phase (h-tempo83): at the reported level (after the learned model's move) the beats move a quarter, a " +
      'half or three quarters of a beat when the kick-and-snare envelope there exceeds that on them by this much; ' +
      'at 10 never; 0.1 measured on tempo35–51 and the plain grooves (bench/results/tempo.md, h-tempo83)',
  ),
  windowPhaseMargin: p(
    0.5,
    'of the on-beat strength',
    [0, 10],
    'windowed phase (h-tempo84): after the level phase and the backbeat phase, the beats of each window of ' +
      'windowPhaseBeats beats move a quarter, a half or three quarters of a beat when the kick-and-snare envelope ' +
      'there exceeds that on them by this much (the kick agreeing), a beat at a window edge neither doubled nor ' +
      'dropped; at 10 never; 0.5 the default with the backbeat phase (h-tempo88): on tempo35–54 and the plain ' +
      'grooves the pair reads beat F +0.013 songs, +0.0055 drum files (bench/results/tempo.md, h-tempo88)',
  ),
  windowPhaseBeats: p(
    8,
    'beats',
    [4, 64],
    'windowed phase (h-tempo84): the beats in one window of the phase reading along the file (a file shorter ' +
      'than two windows is left to the level phase); 8 measured on tempo35–52 and the plain grooves (16 gained ' +
      'less: +0.004 / +0.003 at margin 0.3) (bench/results/tempo.md, h-tempo84)',
  ),
  windowPhaseEdge: p(
    0.75,
    "of the window's median beat interval",
    [0.5, 0.95],
    'windowed phase (h-tempo84, declared h-tempo86): at each window edge a beat closer than this to the one before ' +
      'is left out (a moved window offers one beat more before its first), so no beat is doubled and a slip of a ' +
      'beat and a half is filled; 0.75 (between the half beat a slip leaves and a whole beat) measured on tempo35–53 ' +
      'and the plain grooves (bench/results/tempo.md, h-tempo86)',
  ),
  backbeatPhaseRatio: p(
    2,
    'of the on-beat snare hits',
    [1, 10],
    'backbeat phase (h-tempo86): after the level phase, the beats move half a beat when the snare hits half-way ' +
      'between them exceed those on them by this factor (with backbeatPhaseMinHits and backbeatPhaseParity): a ' +
      'four-on-the-floor song whose off-beat bass outweighs the kick; at 10 never; 2 the default with the windowed ' +
      'phase, which moves back a file whose kick is on the old beats (h-tempo88), measured on tempo35–54 and the ' +
      'plain grooves (bench/results/tempo.md, h-tempo88)',
  ),
  blindHalfTimeAccent: p(
    2,
    'of the accent',
    [0.1, 2],
    'blind half-time (h-tempo89): where the snare hits (snareHits) are too few to read the backbeat (fewer than ' +
      'blindHalfTimeMaxRate per beat: a clap, rim, brush or cross-stick the snare detector does not take), the ' +
      "band energies' snare group (bandRise, levelFoldKickHz to levelFoldSnareHz) at the reported beats folded " +
      'over four beats: the strongest class c, its neighbours c ± 1 (mean n); accent (x_c − n) / (x_c + n) at this ' +
      'or above with the opposite class c + 2 at most blindHalfTimePair of the way from n to x_c (one accent a ' +
      "bar, not a backbeat's two): the level is twice rule A's beat and is halved. 2: never (the default); 0.4 " +
      'measured on tempo35–55 and the plain grooves (bench/results/tempo.md, h-tempo89): +11 Acc1 files in the probe',
  ),
  blindHalfTimePair: p(
    0.5,
    'of the accent',
    [0, 1],
    "blind half-time (h-tempo89): the four-beat fold's opposite class c + 2 over the accent, (x_{c+2} − n) / " +
      '(x_c − n), at most this (a backbeat at the level: near 1; the snare once every four beats: near 0)',
  ),
  blindHalfTimeMaxRate: p(
    0.12,
    'snare hits per beat',
    [0, 1],
    'blind half-time (h-tempo89): read only where the snare hits per reported beat are below this (a backbeat the ' +
      'snare detector reads gives 0.25 or more at the fast level of a half-time groove, 0.5 at a backbeat)',
  ),
  blindHalfTimeMinBpm: p(
    125,
    'BPM',
    [60, 200],
    'blind half-time (h-tempo89): read only at a reported level this fast or faster (the half-time grooves written ' +
      'at 130–153 BPM; rule A taps them at 65–77)',
  ),
  wideHalfTimeAccent: p(
    2,
    'of the wide hits',
    [0.1, 2],
    "wide half-time (h-tempo96): the snare detector's wide reading (snareHitsWide: a clap's, snap's, rim's, " +
      "cross-stick's or brush's stroke, 0.34–1 kHz included, a click counted) at the reported beats: each hit " +
      'within a quarter beat of a beat counted in its class by the beat index mod 4; c the fullest class, accent ' +
      '(x_c − x_{c+2}) / (the hits between the first and last beat) at this or above (one stroke every four beats, ' +
      "on the beat: a half-time groove's clap on 3, a ballad's cross-stick on 2 and 4 read at the eighths) halves " +
      'the level, keeping the beats of class c. 2: never (the default); 0.6 measured on tempo35–58 and the plain ' +
      'grooves (bench/results/tempo.md, h-tempo96)',
  ),
  wideHalfTimeBars: p(
    0.35,
    'of the bars',
    [0, 1],
    "wide half-time (h-tempo96): the fullest class's hits over the bars (reported beats / 4) at least this (the " +
      'stroke heard in most bars, not a fill or two)',
  ),
  wideHalfTimeMaxRate: p(
    0.6,
    'snare hits per beat',
    [0, 2],
    'wide half-time (h-tempo96): read only where the snare hits (snareHits) per reported beat are below this (a ' +
      "shell-and-wires backbeat at the reported level gives 0.5; a half-time groove's snare on 3 gives 0.25)",
  ),
  wideHalfTimeMinBpm: p(
    120,
    'BPM',
    [60, 240],
    'wide half-time (h-tempo96): read only at a reported level this fast or faster (the half-time grooves written ' +
      'at 130–153 BPM and the ballads read at their eighths, 120–150)',
  ),
  bandHalfTimeAccent: p(
    0.33,
    'of the bar',
    [0.05, 2],
    "band half-time (h-tempo97): the band energies' snare group (bandRise, levelFoldKickHz to levelFoldSnareHz: " +
      "its onset rise, no detected strokes) at the reported beats, per bar of four beats each beat's peak over the " +
      "bar's four, averaged over the bars: s_0..s_3 by beat index mod 4; c the largest, n the mean of c ± 1; accent " +
      "s_c − n at this or above (one accent a bar: a half-time groove's soft clap on 3, a ballad's cross-stick read " +
      "at its eighths) halves the level, keeping the beats of class c. 2: never; 0.33 the default by h-tempo97's " +
      'switch rule, measured on tempo35–59 and the plain grooves (bench/results/tempo.md): Acc1 +27 of 2168 files, ' +
      '±10 % +20 to +30',
  ),
  bandHalfTimePair: p(
    0.7,
    'of the accent',
    [0, 1],
    'band half-time (h-tempo97): the opposite class over the accent, (s_{c+2} − n) / (s_c − n), at most this (a ' +
      'backbeat at the level: near 1; one accent every four beats: near 0)',
  ),
  bandHalfTimeMaxRate: p(
    0.2,
    'snare hits per beat',
    [0, 2],
    'band half-time (h-tempo97): read only where the snare hits (snareHits) per reported beat are below this (a ' +
      "shell-and-wires backbeat at the reported level gives 0.5; a half-time groove's snare on 3 gives 0.25; a " +
      "footwork groove's clap read as a stroke 0.12–0.42, its accent one in four too)",
  ),
  bandHalfTimeBarAccent: p(
    0.33,
    'of the bar',
    [0.05, 2],
    "band half-time's per-bar reading (h-tempo99): each full bar's own accent at the band half-time's class c (its " +
      "share at c minus the mean of its shares at c ± 1); the bars' median at this or above halves the level too " +
      'when the snare hits are fewer than bandHalfTimeBarMaxRate per beat and the pair from bandHalfTimeBarMinPair ' +
      "to bandHalfTimePair (a cross-stick half-time's or a soft clap's accent in nearly every bar, its strokes " +
      'half-heard by the detector: 0.2–0.24 per beat, over bandHalfTimeMaxRate). 2: never; 0.33 measured on ' +
      'tempo35–60 and the plain grooves (bench/results/tempo.md, h-tempo99): Acc1 +10 of 2248 files, none lost, ' +
      '±10 % +8 to +13',
  ),
  bandHalfTimeBarMaxRate: p(
    0.24,
    'snare hits per beat',
    [0, 2],
    "band half-time's per-bar reading (h-tempo99): read only where the snare hits per reported beat are below this: " +
      'fewer strokes heard than the one-a-bar accent gives (0.25); a snare heard on every accent is the level ' +
      "model's to read; 0.24 measured on tempo35–60 and the plain grooves (0.216 / 0.264: +9 / +13)",
  ),
  bandHalfTimeBarMinPair: p(
    0,
    'of the accent',
    [-2, 1],
    "band half-time's per-bar reading (h-tempo99): the opposite class over the accent at least this — the kick of " +
      "the half-time's first beat on the opposite class lifts it over the neighbours; a footwork, drum-and-bass or " +
      "garage groove's syncopated kick leaves it below (−0.1 to −1); 0 measured on tempo35–60 and the plain grooves " +
      '(−0.03 / +0.03: +10 / +8)',
  ),
  fastUpProbability: p(
    0.55,
    'probability',
    [0.3, 1],
    "fast groove's up-move (h-tlevel99): the level model's P(double right) for the reported level and its double " +
      'more than this, with fastUpSnareRate, doubles a level the model left (its own move asks 0.7): a two-beat, ' +
      'polka, thrash or drum-and-bass groove read at its half; on tempo35–61 and the plain grooves +15 of 2328, none ' +
      'lost (0.495 / 0.605: +18 / +10); 1 = off',
  ),
  fastUpSnareRate: p(
    0.9,
    'hits per beat',
    [0, 4],
    "fast groove's up-move (h-tlevel99): the wide snare reading's hits per beat of the reported level at least this " +
      "— a backbeat at the level gives 0.5, a two-beat's snare on 2 and 4 of its double 1; on tempo35–61 and the " +
      'plain grooves 0.81 / 0.99: +16 / +14 (0.9: +15)',
  ),
  fastUpSureProbability: p(
    0.8,
    'probability',
    [0.5, 1],
    "fast groove's up-move (h-tempo100): the level model's P(double right) for the reported level and its double " +
      'more than this doubles it whatever the wide snare reading hears — the model read once more at a level it ' +
      'moved up to (it moves one octave: a two-beat, polka, ska or punk groove read at its quarter goes ×2, then ×2 ' +
      'here); on tempo35–62 and the plain grooves +9 of 2408, none lost (0.72 / 0.88: +9 / +9); 1 = off',
  ),
  bandHalfTimeMinBpm: p(
    120,
    'BPM',
    [60, 240],
    'band half-time (h-tempo97): read only at a reported level this fast or faster (the half-time grooves written ' +
      'at 130–153 BPM and the ballads read at their eighths, 120–150)',
  ),
  backbeatPhaseMinHits: p(
    8,
    'snare hits',
    [1, 64],
    'backbeat phase (h-tempo86): the fewest snare hits half-way between the beats that move them (two bars of ' +
      'backbeats in four), measured on tempo35–53 and the plain grooves (bench/results/tempo.md, h-tempo86)',
  ),
  backbeatPhaseParity: p(
    0.8,
    'of the half-way snare hits',
    [0.5, 1],
    'backbeat phase (h-tempo86): the share of the half-way snare hits after beats of one parity (a backbeat: every ' +
      'other beat) that moves the beats; a polka\'s or a march\'s snare on every "and" reads 0.5, measured on ' +
      'tempo35–53 and the plain grooves (bench/results/tempo.md, h-tempo86)',
  ),
  phaseHighWeight: p(
    0.2,
    '',
    [0, 10],
    "beat phase: weight of the onset flux's 2–8 kHz group (snare wires, hats) beside its low group (< 250 Hz, kick)",
  ),
  ternaryTatumRatio: p(
    1.15,
    'of the binary tatum',
    [1, 10],
    'ternary check (h-tempo8): the level at ⅔ of a candidate is a ternary beat when the envelope is this much more ' +
      'periodic at a third of its period than at half (triplet hats), and the candidate (its 3/2) is then weighed ' +
      'by how evenly its beats taken three by three carry the kick and snare',
  ),
  ternaryEvenFull: p(
    0.7,
    'of the strongest beat',
    [0.01, 1],
    'ternary check: the candidate keeps its whole score when the weakest of its beats taken three by three carries ' +
      'at least this much of the strongest one (low + high flux groups); less, linearly down to ternaryFloor',
  ),
  ternaryBeatEven: p(
    0.5,
    'of the stronger beat class',
    [0, 1],
    'ternary check: only when the ⅔ level carries the drums about evenly two by two (the weaker of its even and odd ' +
      "beats' strength at least this much of the stronger): a backbeat on that level, not a waltz's bar halves",
  ),
  ternaryFloor: p(
    0.3,
    '',
    [0, 1],
    'ternary check: the factor of a candidate whose beats taken three by three are as uneven as can be (1: off)',
  ),
  twoBeatHalfLow: p(
    0.5,
    'of the stronger',
    [0, 1],
    "two-beat check (h-tempo9): the onset flux's top group (> 8 kHz: hats, claps, snare sizzle, a kick's beater) on " +
      "a level's beats and half-way between them, the weaker over the stronger (phase-free); from this ratio up the " +
      'half-way position starts to count as a beat of its own (the level is a two-beat pattern read as one beat)',
  ),
  twoBeatHalfFull: p(0.95, 'of the stronger', [0, 1], 'two-beat check: that ratio at which it counts fully'),
  twoBeatSubLow: p(
    0.55,
    'of the stronger',
    [0, 2],
    "two-beat check: the top group at a quarter and three quarters of the level's beat (the larger; the eighths of " +
      'the level at twice the tempo) relative to the stronger of beat and half-way; from this up the level at twice ' +
      'the tempo counts as subdivided like a beat (tuning: sixteenth hats of ballads and half-time grooves at their ' +
      'own level 0.27–0.61, eighth hats of two-beat patterns read at half 0.7–0.9)',
  ),
  twoBeatSubFull: p(0.8, 'of the stronger', [0.01, 2], 'two-beat check: that ratio at which it counts fully'),
  twoBeatKickSnareFull: p(
    0.5,
    'of the stronger',
    [0, 1],
    "two-beat check (h-tempo32): the kick and snare (kickSnareEnvelope) half-way between a level's beats and on " +
      'them, the weaker over the stronger (phase-free); the evidence counts in proportion up to this ratio and fully ' +
      'from it (a two-beat pattern read as one beat has its snare half-way; a ballad or boom-bap at its own level ' +
      'its kick and snare on the beats, only hats half-way); 0: off (the code before)',
  ),
  twoBeatSnareWeight: p(
    1,
    '',
    [0, 1],
    "two-beat check (h-tempo33): how far the snare's backbeat on the level's own beats (snareBackbeat's evidence " +
      'ramped from snareBackbeatMin to 1: the snare, side stick counted, on every other beat) takes the evidence ' +
      'away (a two-beat pattern read as one beat has its snare half-way, once a beat); 0: off (the code before)',
  ),
  twoBeatFloor: p(
    0.4,
    '',
    [0, 1],
    'two-beat check: the factor of a level with full two-beat evidence (both ratios full; the level at twice its ' +
      'tempo joins the candidates); 1: off',
  ),
  twoBeatKickLow: p(
    0.4,
    'Σ min / Σ max',
    [0, 1],
    "two-beat check (h-tempo11), the kick's route: the kick's coincidence on a level's beats and half-way (the flux " +
      'low group there, beat by beat: Σ min / Σ max; four on the floor read at half tempo: a kick at both) above ' +
      'which it counts as evidence, times the top band at the quarters over the stronger of beats and half-way ' +
      '(0 → twoBeatSubLow); the larger of this and the top band route is the evidence',
  ),
  twoBeatKickFull: p(0.7, 'Σ min / Σ max', [0, 2], "two-beat check: the kick's coincidence at which it counts fully"),
  barRepeatLow: p(
    0.08,
    'cosine similarity',
    [0, 1],
    "bar-repeat check (h-tempo12): the drums' beat-by-beat band pattern (the onset flux's four groups at a level's " +
      'beat and its ¼, ⅓, ½, ⅔, ¾) compared with itself 8 beats later and 4 beats later (mean cosine); from this ' +
      "excess of the 8-beat over the 4-beat similarity up, the level's four-beat bar does not repeat while two of " +
      'them do: the level is twice a beat whose bar is the pattern (tuning, held-out 9: the written level ≤ 0.07, ' +
      'its double 0.03–0.5)',
  ),
  barRepeatMaxBeats: p(
    7,
    'beats',
    [4, 7],
    "bar-repeat check (h-tempo15): a level's drum pattern is also compared with itself 5 up to this many beats " +
      'later; when the best of those similarities reaches the 8-beat one, the pattern is an odd bar of that level ' +
      '(5/4, 6/4, 7/4), not the bar of half its tempo, and the check gives no evidence (4: off, the code before; 8 ' +
      'would compare the 8-beat similarity with itself and switch the check off; ' +
      'odd-meter tuning Acc1 songs/drums 0.500/0.600 → 0.550/0.650, held-out 11 0.775/0.800 → 0.800/0.825, held-out ' +
      '8–10 unchanged; 5, 6 and 7 the same; reading bars of 5–7 beats in the bar and harmony terms instead lost ' +
      'held-out ' +
      '9 songs 0.800 → 0.725: not taken)',
    true,
  ),
  barTileFloor: p(
    0.15,
    '',
    [0, 1],
    'bar-tile check (h-tempo18): the factor of a level that does not tile the bar, with full evidence (the drum ' +
      'pattern of the level 2 or 3 times as fast repeats after m of its beats, m not a multiple of 2 or 3, by ' +
      'barTileFull more than after fewer beats); that faster level joins the candidates and is handed the score ' +
      'taken (levelHandOver); 1: off. h-tempo19: 0.3 → 0.15 with the evidence ramp from 0 (barTileLow removed)',
  ),
  barTileMaxBeats: p(
    13,
    'beats',
    [4, 16],
    "bar-tile check: the longest bar read, in beats of the faster level (13: a 13/8 bar's eighths)",
    true,
  ),
  barTileSlack: p(
    0.03,
    'cosine similarity',
    [0, 0.2],
    'bar-tile check: the bar is the shortest whole divisor of the best-repeating lag whose similarity is within ' +
      'this of the best (two bars repeat as well as one)',
  ),
  fourThreeFloor: p(
    0.3,
    '',
    [0, 1],
    "four-three check (h-tempo29): the factor of a level, with full evidence, whose three-quarter level's " +
      'four-beat bar (16/3 of its beats: the dotted eighth of a sixteenth groove) repeats in the envelope more ' +
      'than 5 or 6 of its own beats; the three-quarter level joins the candidates and is handed the score taken ' +
      '(levelHandOver); 1: off. Plateau 0.15–0.5 on the tuning sets (0.7: a held-out-1 and a held-out-3 drum ' +
      'file fewer); 0.3 its middle',
  ),
  fourThreeFull: p(
    0.25,
    'fraction',
    [0.01, 1],
    "four-three check: the bar repeat over the better of 5 and 6 of the level's beats, as a fraction of the bar " +
      'repeat, at which the evidence counts fully (linearly from 0). Plateau 0.2–0.3 on the tuning sets at ' +
      'fourThreeFloor 0.5 (0.45–0.6: a held-out-1 drum file fewer; 0.15: held-out-3 drum beat F −0.007)',
  ),
  sixEightFloor: p(
    0.25,
    '',
    [0, 1],
    'six-eight check (h-tempo30): the factor of a level, with full evidence, whose eighths, folded over six, carry ' +
      "the kick and snare on the bar's eighth p + 3 (half-way between two of its beats) more than on p + 2 and p + 4 " +
      '(its beats), on its own eighths (beats and midpoints) and on those of the level at ⅔ of it (beats, thirds): ' +
      'a 6/8 or 12/8 beat read as the quarters of 3/4; the ⅔ level joins the candidates and is handed the score ' +
      'taken (levelHandOver); 1: off. Plateau 0.2–0.3 on held-out 21 and 22 (0.5: two drum files fewer); 0.25 its ' +
      'middle',
  ),
  sixEightFull: p(
    0.075,
    'fraction',
    [0.01, 1],
    'six-eight check: the strength on the eighth p + 3 over the stronger of p + 2 and p + 4, as a fraction of the ' +
      'strongest eighth p, at which the evidence counts fully (linearly from 0; the smaller of the two grids). ' +
      'Plateau 0.05–0.1 on held-out 21 and 22 at sixEightFloor 0.3 (0.125–0.5: a held-out-22 drum file fewer); ' +
      '0.075 its middle',
  ),
  slowCompoundMinBpm: p(
    36,
    'BPM',
    [20, 50],
    'slow compound level (h-tempo32): the slowest dotted quarter that joins the candidates below minBpm, only as the ' +
      '⅔ level of a level the six-eight check weighs down (its beats every third eighth of that level); at minBpm ' +
      'or above: off (the code before)',
  ),
  dembowFloor: p(
    0.25,
    '',
    [0, 1],
    'dembow check (h-tempo31): the factor of a level at or above dembowMinBpm, with full evidence, whose eighths ' +
      '(beats and midpoints), folded over eight, carry the kick and snare on an off-beat more than on the beat ' +
      'before it: a 3-3-2 (dembow, tresillo) read at the double; its half, when a candidate, is handed the score ' +
      'taken (levelHandOver) and, when it wins on it, takes every other beat of this level (the kick parity); 1: ' +
      'off. Plateau 0.15–0.4 on held-out 21, 22 and 23; 0.25 its middle',
  ),
  dembowFull: p(
    0.2,
    'fraction',
    [0.01, 1],
    'dembow check: the strongest off-beat over the beat before it, as a fraction of the strongest eighth, at which ' +
      'the evidence counts fully (linearly from 0). Plateau 0.15–0.3 on held-out 21, 22 and 23 (0.5: a held-out-23 ' +
      'song fewer); 0.2 inside it',
  ),
  dembowMinBpm: p(
    155,
    'BPM',
    [100, 300],
    'dembow check: the slowest level it asks (dembows read at the double: 173–201 on the tuning sets). Plateau ' +
      '140–170 on held-out 21, 22 and 23 (176: a held-out-22 drum file fewer); 155 its middle',
  ),
  dembowVetoFull: p(
    0.5,
    'fraction',
    [0, 1],
    "dembow check's veto (h-tempo38, after h-tempo37): the fast level's own backbeat (the pair of its beats " +
      'four eighths apart whose weaker eighth is the stronger, that eighth over the strongest of the fold) ' +
      "counts fully at this fraction (from 0); the kick ratio (the pair's more kick-like eighth, low over " +
      "2–8 kHz, over the other pair's struck eighth's) takes all of it up to this fraction, none at 1: " +
      'veto = ramp(backbeat; 0 → it) × (1 − ramp(kick ratio; it → 1)). Tuning sets 21–28: the same files ' +
      'at 0.45–0.55; 0: off (main)',
  ),
  dembowVetoOrder: p(
    0.5,
    '',
    [0, 1],
    "dembow check (h-tempo38): the veto at which the pair order applies: when the fast level's own terms without the " +
      "check reach its half's own and the half scores more, the two swap their scores (the check and its hand-over " +
      'stay; no third level moves). Tuning sets 21–28: the same files at 0.45–0.55',
  ),
  dembowRepeatFrom: p(
    0.5,
    'fraction',
    [0, 1],
    "dembow check's off-beat repeat (h-tempo43): the strongest off-beat of the fold four eighths later (the same " +
      "off-beat of the half level's next beat) over it; the evidence is multiplied by 1 − ramp(repeat; it → 1): an " +
      'off-beat struck on every beat of the half level (skank, thrash, ska punk: the fast level\'s "and") is no ' +
      '3-3-2. Tuning sets 21–31: 0.5 +1 song −1 song +1 drum file, 0.3 and 0 no better; 1: off (the code before)',
  ),
  barTileFull: p(
    0.6,
    'fraction',
    [0, 1],
    'bar-tile check: the repeat after the bar over the mean repeat after fewer beats, as a fraction of 1 − that ' +
      'mean, at which it counts fully (linearly from 0)',
  ),
  barGroupFloor: p(
    0.15,
    '',
    [0, 1],
    "bar-tile check, groups (h-tempo19): the factor of a level that tiles the faster level's bar but whose grid " +
      'carries none of the contrast of its best grouping in 2s and 3s (groupMiss evidence 1: 1 − grid contrast / ' +
      'grouping contrast); not asked of a four-beat bar of eighths (3+3+2 in 4/4); 1: off',
  ),
  barRepeatFull: p(0.2, 'cosine similarity', [0, 2], 'bar-repeat check: that excess at which it counts fully'),
  barRepeatFloor: p(
    0.3,
    '',
    [0, 1],
    'bar-repeat check: the factor of a level with full evidence (the level at half its tempo joins the candidates ' +
      'and is handed the score taken, levelHandOver); 1: off',
  ),
  levelHandOver: p(
    1,
    'of the score taken',
    [0, 2],
    'hand-over (h-tempo11): a level weighed down by the ternary, the two-beat or the bar-repeat check as a ' +
      'misreading of another ' +
      'level hands that level at least this × the score the check took from it (its score before the check × (1 − ' +
      'the check factor)); 0: off',
  ),
} as const;

export const KEY_PARAMETERS = {
  lowBandTuningGate: p(
    1,
    '',
    [0, 1],
    'which profile the tuning gate measures: 1 the spectral peaks below CHROMA_PARAMETERS.tuningGateMaxHz ' +
      '(gatePitchClass) against minLowTuningConcentration, 0 the whole profile against minTuningConcentration (the ' +
      'gate before h-kgate75); without a gate profile (a caller that passes none) the whole profile',
  ),
  minLowTuningConcentration: p(
    0.4,
    '',
    [0, 1],
    'evidence for a key (lowBandTuningGate 1): how tightly the strong peaks below tuningGateMaxHz above the bass ' +
      'register sit on one tuning grid (peakTuningConcentration of gatePitchClass less the bass profile); below it ' +
      'key is null. Measured (h-kgate75): speech (espeak-ng 5 voices, Festival 2, the speech-like fixture 5 seeds) ' +
      'at most 0.25, white / pink / brown noise at most 0.02, GM drum-kit loops at most 0.30 (an 808 breakbeat), ' +
      "the ground truth's 20 GM drum stems 0.13–0.19, fresh50's drum stems 0.02–0.03 (all ≤ 0.8 × 0.4); GM " +
      'hand-percussion loops (congas, cowbells) 0.45–0.51 pass, as they passed the old gate; songs of eight tuning ' +
      "sets 0.45 and above but fresh50's four mambo vibraphone tunes and one bebop one (0.14–0.32: their congas and " +
      'cymbals still outweigh the vibraphone below the cut); ±10 % moves no tuning song or null file across',
  ),
  minTuningConcentration: p(
    0.25,
    '',
    [0, 1],
    'evidence for a key: how tightly the strong peaks of the pitch-class profile above the bass register sit on one ' +
      'tuning grid (peakTuningConcentration: resultant length of their positions within the semitone, each 10-cent ' +
      'bin weighted by its squared strength; 0 = spread evenly, 1 = all on the grid); below it key is null. ' +
      'Measured: songs 0.34–0.97 (the lowest: a buzzy inharmonic synth over a pitch-dropping bass, fresh8), ' +
      'speech (espeak-ng, Festival, the speech-like fixture) and white / pink noise at most 0.16; GM drum loops ' +
      '0.04–0.38, so drums with tuned percussion (congas, cowbells, toms) may pass (bench/RESULTS.md, key, eleventh ' +
      'round)',
  ),
  blockSeconds: p(
    0.2,
    's',
    [0.05, 2],
    'chord evidence: length of the blocks over which the native extractor sums a pitch-class profile (and a ' +
      'bass one); chords are labelled per block',
  ),
  silentBlockFraction: p(
    0.05,
    'of the median block',
    [0, 1],
    'chord evidence: blocks whose profile sum is below this fraction of the median block carry no chord',
  ),
  chordBassWeight: p(
    0.5,
    '',
    [0, 4],
    "chord labelling: weight of the bass profile's share on the chord root, added to the cosine of the block's " +
      'chroma with the triad (0 = pitch content only)',
  ),
  chordHarmonicDecay: p(
    0.6,
    'per partial',
    [0, 1],
    "chord labelling: the triad templates include each tone's partials 2–6 (octaves, fifths, the 5th partial's " +
      'major third) weighted by this to the power h − 1 (0 = bare triads; 0.6 as the HPCP harmonic weighting)',
  ),
  chordBassInChroma: p(
    1,
    'of the bass register',
    [0, 1],
    "chord labelling: the block's profile is matched to the chord templates with its bass register (the bass " +
      'profile: peaks below 250 Hz) weighted by this (1 = the whole profile; 0 = the part above 250 Hz only): ' +
      "a loud bass's harmonics (the 3rd a fifth, the 5th a major third above it) can outweigh the chord tones; the " +
      'fourth round set it back to 1 (over the 218 songs of the first three rounds 0.5 scores 0.911, 1 scores 0.927)',
  ),
  bassSeriesGain: p(
    0.4,
    "of the bass note's level",
    [0, 4],
    "chord labelling: each block's bass note (the bass profile's strongest pitch class with its " +
      'fifth, as findPedals reads it) has its expected upper partials 2–8 (octave, fifth, octave, major third, ' +
      "fifth, minor seventh, octave) taken out of the block's chroma before chord labelling: partial k at this × " +
      'the note level × bassSeriesDecay^(k − 1) (0 = off); pedals are judged on chords labelled above the bass ' +
      'register so cleaned. Not out of the whole-file profile nor the thirds over the roots (no tuning song moves, ' +
      'a constructed minor tonic under a loud 5th partial reads major). Twenty-fourth round: bench/RESULTS.md',
  ),
  bassSeriesDecay: p(
    0.7,
    'per partial',
    [0, 1],
    "chord labelling: the declared roll-off of the bass note's partials removed by bassSeriesGain, amplitude " +
      'ratio per partial (a sawtooth falls about 1/k: 0.5 → 0.67 → 0.75 …; a low-passed pulse faster)',
  ),
  chordInversionBass: p(
    0.7,
    'of chordBassWeight',
    [0, 1],
    "chord labelling: the bass profile's share on the chord's third or fifth (an inverted chord: I6, V6, a " +
      'six-four) counts this fraction of the weight of a share on its root, so the bass supports a chord without ' +
      'making the bass note its root (0 = root position only, 1 = any chord tone alike)',
  ),
  chordSeventhWeight: p(
    0.8,
    'of a triad tone',
    [0, 1],
    'chord labelling: each triad is also matched as its seventh chords (major: dominant and major seventh; minor: ' +
      'minor seventh), the seventh weighted by this in the template; the block takes the better match and the ' +
      'label stays the triad (0 = triads only)',
  ),
  bassNoteFifthCap: p(
    1,
    "of the pitch class's own level",
    [0, 100],
    "a block's bass note as the pedal detector and the pedals' roles read it (the bass partial series keeps the " +
      'uncapped reading) is the pitch ' +
      'class that with the fifth above it holds most of the bass register; the fifth counts up to this many times ' +
      "the pitch class's own level: a lone pedal's pitch class would otherwise tie the note a fifth below it, which " +
      'has nothing of its own, and lose the tie by index (0 = uncapped; bench/RESULTS.md, key, rounds 26 and 45)',
  ),
  pedalTonicBass: p(
    1,
    'switch',
    [0, 1],
    "chord labelling and the key's bass evidence: 1 = a pedal read as the tonic (pedalRoles) keeps its bass, for " +
      "the chords over it and for the key's bass profile, as a held bass that is no pedal does; a dominant pedal's " +
      'bass stays out of the labels and counts in the bass profile a fifth below, for the key it resolves to ' +
      "(0 = every pedal's bass left out; bench/RESULTS.md, key, round 45)",
  ),
  pedalDominantTimeRatio: p(
    1.5,
    "of the held note's chord time",
    [0, 10],
    "a pedal's role (pedalRoles): besides a bass that leaves it for the note a fifth below, the pedal is the " +
      'dominant when the chords above it cadence into the chord a fifth below more than into the chord on the held ' +
      'note and sound it at least this many times as long (0 = the bass alone decides; bench/RESULTS.md, key, ' +
      'round 45)',
  ),
  pedalDominantOtherShare: p(
    0.05,
    "of the pedal's chord time",
    [0, 1],
    "a pedal's role (pedalRoles): the chords' test reads a pedal as the dominant only when chords on a third root " +
      '(neither the held note nor the note a fifth below: a IV or ii of the key below) sound at least this share of ' +
      "the run: two roots alone, the held note's and the one a fifth below, are a neighbour figure over a tonic " +
      "pedal (I–IV–I, the IV a six-four over it); the voices above the run sounding the key below's own scale " +
      "note more than the held key's (F over F# above a G) count as a third root the labels may hide (0 = no third " +
      'root needed; bench/RESULTS.md, key, round 47)',
  ),
  pedalGapSeconds: p(
    1,
    's',
    [0, 5],
    'a pedal run (findPedals) carries on over a stray of up to this long on another bass note when the held note ' +
      "comes back after it (a drum's low thud or a passing tone in the bass register): a tonic pedal under a loud " +
      'kit was cut into runs shorter than pedalMinSeconds and never found (0 = no stray; bench/RESULTS.md, key, ' +
      'round 47)',
  ),
  pedalMinSeconds: p(
    3,
    's',
    [0.5, 30],
    "chord labelling: a pedal is a bass note held at least this long (the bass profile's strongest pitch class " +
      'unchanged) while the chords above it, labelled without the bass, change; over a pedal the bass is no ' +
      'evidence for the chord, nor for the key',
  ),
  chordSwitchPenalty: p(
    0.6,
    'emission units',
    [0, 10],
    'chord labelling (Viterbi): cost of changing chord between blocks, in the units of the per-block score ' +
      '(cosine + bass share); larger = fewer, longer chords',
  ),
  bassWeight: p(
    0.5,
    'per unit correlation',
    [0, 4],
    'key score: weight of the correlation of the bass profile (peaks below 250 Hz) with the key profile',
  ),
  tonicChordWeight: p(
    1,
    'per unit time share',
    [0, 4],
    "key score: weight of the share of the song's chord time spent on the key's tonic triad",
  ),
  cadenceWeight: p(
    0.5,
    'per unit cadence share',
    [0, 4],
    'key score: weight of the share of chord changes that are cadences into the tonic triad (V→I counts 1, ' +
      '1 + seventhCadenceWeight from a dominant seventh; v, IV/iv and bVII → I count 0.5)',
  ),
  seventhCadenceWeight: p(
    1,
    'of a V→I cadence',
    [0, 4],
    'key score: a V→I cadence whose V sounds as a dominant seventh (its chroma matches the dominant-7 template ' +
      "better than the triad) counts 1 + this (the seventh resolves down to the tonic chord's third); 0, 0.5, 1, 2 " +
      'score 0.906, 0.907, 0.909, 0.905 on the 262 tuning songs (bench/RESULTS.md, key, fifth round)',
  ),
  triadDominantCadence: p(
    1,
    'of a V→I cadence',
    [0, 2],
    'key score: a V→I chord change whose V is a plain major triad (no dominant seventh sounding) counts this much ' +
      "of a cadence: I → IV of a song's own key is the same move as V → I of the key of IV, and only a seventh on " +
      'the V tells them apart',
  ),
  twoFiveWeight: p(
    0.5,
    'of a V→I cadence',
    [0, 4],
    'key score: a ii → V chord change (a minor chord a tone above the tonic, then a major chord a fifth above it) ' +
      'counts as this much of a cadence into the major key, whatever chord follows (a IM7 after it may read as iii, ' +
      'a turnaround may go on to vi); and a chord read as iii right after a dominant seventh on V counts as the ' +
      "tonic chord (a IM7: its upper three tones are iii's triad); 0 = both off",
  ),
  chordThirdMinShare: p(
    0.2,
    'of the root or fifth',
    [0, 1],
    'chord labelling: a chord segment whose stronger third (minor or major) sums to less than this share of its ' +
      "root or fifth (the stronger) has no third (a power chord, an open fifth): its label's mode is a guess, so it " +
      "counts as the tonic chord of both the major and the minor key on its root (0 = every label's mode is kept); " +
      '0.2 with diatonicWeight 0.25: 0.922 on 230 tuning songs, 0.918 without (bench/RESULTS.md, key, sixth round)',
  ),
  thirdlessModeRatio: p(
    2,
    'ratio of third sums',
    [0, 20],
    'chord labelling: the mode of the chords without a third on one root, from the other voices above the bass ' +
      'register (peaks over 250 Hz: a melody, a riff) summed over all of them: major when the major third they add ' +
      'sums to more than this times the minor third, minor the other way round, else both modes (0 = always both)',
  ),
  thirdlessBaselineQuantile: p(
    0.25,
    'quantile of the blocks',
    [0, 1],
    "chord labelling: the steady share of a third in a thirdless chord's blocks (the low notes' own partials: the " +
      '5th is a major third) is this quantile over the blocks of the ratio third / root; only what a melody or riff ' +
      'adds above it counts for the mode',
  ),
  thirdlessMinExcess: p(
    0.02,
    "of the root's sum",
    [0, 1],
    'chord labelling: the thirds added above the steady partials decide the mode of thirdless chords only when the ' +
      "stronger sums to at least this share of the root's sum (less: both modes)",
  ),
  diatonicWeight: p(
    0.25,
    'per unit time share',
    [0, 4],
    "key score: weight of the share of the song's chord time on chords diatonic to the key (major: I ii iii IV V " +
      'vi; minor: i iv v V III VI VII): a loop that never sounds its tonic still sounds its scale, and a key a fifth ' +
      'off needs a chord outside it (0 = off); 0, 0.15, 0.25, 0.35, 0.5 score 0.910, 0.914, 0.918, 0.913, 0.915 ' +
      'on 230 tuning songs (bench/RESULTS.md, key, sixth round)',
  ),
  tonicMinorThirdShare: p(
    0.75,
    'of the major third sum',
    [0, 4],
    "key score: the chords on a key's tonic root count as the minor tonic chord, whatever their labels, when over " +
      'the whole song the minor third that all voices add above the steady partials (as for thirdless chords, over ' +
      "every chord segment on that root) sums to at least this share of the major third (which every low note's " +
      '5th partial inflates); else the labels decide (0 = off); on 183 tuning songs 0.55–1 score alike (the middle ' +
      'taken), 0.45 and below lose fresh4 songs (bench/RESULTS.md, key, eighth round)',
  ),
  phraseMinSimilarity: p(
    0.7,
    'share of blocks',
    [0, 1],
    'loop returns: the period of the chord loop is the shortest lag (at least phraseMinSeconds) at which at least ' +
      'this share of the sounding blocks carry the same chord as the block one lag later; no period, no loop-return ' +
      'evidence',
  ),
  phraseMinSeconds: p(
    2.5,
    's',
    [0.5, 30],
    'loop returns: the shortest loop period considered (a period must hold at least two chords)',
  ),
  phraseReturnWeight: p(
    0.2,
    'per unit share of loop returns',
    [0, 4],
    "key score: weight of the share of the loop's returns whose chord has the key's tonic as root, the returns read " +
      "back from the song's final chord by whole loop periods (the final chord is where the last phrase came back " +
      'to), counted only when the first chord lies on the same grid (phraseReturnTolerance): a tie-breaker for loops ' +
      'that hold IV, V or vi as long as the tonic (0 = off)',
  ),
  phraseReturnTolerance: p(
    0.125,
    'share of the loop period',
    [0, 0.5],
    "loop returns: the song's first chord must start within this share of a period of the grid read back from the " +
      'final chord (0.5 = no check): else the loop stopped mid-phrase, or an intro or a cadence bar of another ' +
      'length shifts the phrases, and the final chord says nothing about the returns',
  ),
  scaleEdgeWeight: p(
    0.3,
    'per unit contrast',
    [0, 4],
    "key score: weight of the scale's edges against the keys a fifth away: at the two pitch classes where the key's " +
      "scale differs from a neighbour's (major: 7 against b7, 4 against #4; natural minor: 2 against b2, b6 against " +
      "6), the song's chroma contrast (own − neighbour) / (own + neighbour + scaleEdgeFloor · mean), averaged " +
      "(−1…1): a loop that holds IV as long as I still sounds the key's 7th, not the b7 the key of IV needs (0 = off)",
  ),
  scaleEdgeFloor: p(
    0.1,
    'of the mean pitch-class energy',
    [0, 10],
    "scale edges: added to the contrast's denominator so that two faint pitch classes (a partial, a passing note) " +
      'give a contrast near 0',
  ),
  endChordWeight: p(
    0.3,
    'score units',
    [0, 2],
    "key score: a bounded vote of the song's two ends, added once when the first or the last chord (or both) has " +
      "the key's tonic as root: when the ends disagree both keys get it and the rest of the evidence decides, so no " +
      'balance of two end weights decides between them (bench/RESULTS.md, key, second round)',
  ),
  firstChordAfterDominantEnd: p(
    0.4,
    "of the ends' vote",
    [0, 1],
    "key score: the first chord's share of the ends' vote when the song ends on a chord on another root reached by " +
      'its dominant (V or V7 → I): a loop that starts on vi or IV is not an ending, the dominant resolution is ' +
      '(1 = the first chord votes in full, as before; bench/RESULTS.md, key, round 30)',
  ),
  vampWeight: p(
    0.3,
    'score units',
    [0, 2],
    "key score: a vamp's tonic — when the song's chord time sits on two roots (vampShare) and the first chord is on " +
      "one of them, the key on the first chord (its root and the song's mode of it) gets this much: a Dorian i–IV or " +
      "Phrygian i–bII vamp sounds the scale of another key's major, its tonic is the chord it starts and rests on " +
      '(0 = off; bench/RESULTS.md, key, round 31)',
  ),
  heldNoteWeight: p(
    0.7,
    'score units',
    [0, 2],
    "key score: the share of the song's steady held notes above the bass register that lie on the key's tonic (a " +
      "melody's sustained phrase end): a loop that starts on vi or IV rests its phrases on the key's tonic, not on " +
      'the first chord (0 = off; bench/RESULTS.md, key, rounds 33 and 35)',
  ),
  pedalTonicWeight: p(
    1,
    'score units',
    [0, 3],
    "key score: the share of the song's sounding time over a tonic pedal on the key's tonic (both modes). A pedal " +
      'run (findPedals) is the dominant only when the music resolves a fifth below it: the bass, leaving the pedal, ' +
      'moves to the note a fifth below; otherwise it is the tonic (a loop turning over it, resolving onto it or ' +
      'returning to it, or a pedal held to the end). A tonic pedal under a loop that never cadences was read as a ' +
      'dominant pedal (the key a fourth up) (0 = off; bench/RESULTS.md, key, round 45)',
  ),
  heldNoteSeconds: p(
    1,
    's',
    [0.1, 5],
    'a held note: the strongest pitch class above the bass register stays the same for at least this long',
  ),
  heldNoteSteadiness: p(
    0.5,
    "of the run's peak level",
    [0, 0.95],
    "a held note's length is weighed by its steadiness, its lowest level over its peak over the run: 0 at this " +
      "ratio or below, rising linearly to 1 for a level note (a sustained note counts; a struck chord's top voice " +
      'decays): 0 = weighed by the ratio itself',
  ),
  vampShare: p(
    0.65,
    'of the chord time',
    [0.5, 1],
    "a song is a vamp when its two roots held longest hold at least this share of the song's chord time",
  ),
  endMinSeconds: p(
    1,
    's',
    [0, 10],
    'the first and last chords are the first and last chord segments lasting at least this long',
  ),
  endMinChordShare: p(
    0.5,
    "of the song's median chord segment",
    [0, 2],
    'the first and last chords may also be segments lasting at least this share of the median chord segment, when ' +
      'that is shorter than endMinSeconds: a fast polka or klezmer changes chord every bar in under a second, and ' +
      "its first bar's chord is the song's first chord (0 = endMinSeconds alone; bench/RESULTS.md, key, round 37)",
  ),
  keyModel: p(
    1,
    '',
    [0, 1],
    "learned combiner (boosted trees over the 24 candidates' evidence, presets/key-combiner-gbm63.json): 1 on (the " +
      "default since h-key59: it reorders the hand combination's best 10 candidates by their log-odds of being the " +
      "key), 0 off (the hand combination alone). gbm63 (h-key63): gbm59's form over the open terms too (the bass's " +
      'most frequent note, the chord rested on longest / most often, held notes and top voice on the tonic triad), ' +
      'trained on fresh20–25 and 27–41 and 400 analytic songs at full weight; every key test passes with it on; ' +
      "judged once on fresh42 0.698 (gbm59) → 0.793 (44 songs). Earlier forms beside it: h-key59's gbm59 (judged " +
      "on fresh40 0.682 → 0.848), h-keylearn56's gbm56 (3 key tests fail with it on) and h-key57's gbm57",
    true,
  ),
  keyModelPreset: p(
    63,
    'round',
    [56, 74],
    'which learned combiner keyModel 1 reads, by the round that trained it — 56 presets/key-combiner-gbm56.json, ' +
      "57 gbm57, 59 gbm59, 63 gbm63, 71 gbm71 (h-key71: gbm63's form on the 19 rendered tuning sets fresh27–31 " +
      "and 34–47 and the analytic songs A–D: a held tonic over a relative pair's loop, a tonic melody over every " +
      "chord, a bright minor tonic, a dominant pedal), 74 gbm74 (h-key74: gbm63's form on the 21 rendered tuning " +
      'sets fresh27–31 and 34–49 and analytic A/B, three seeds bagged; leave-one-set-out over fresh42–49, the sets ' +
      'gbm63 never saw, 0.828 against the shipped gbm63’s 0.750, but two key tests fail with it as the default)',
    true,
  ),
  keyModelOverride: p(
    0,
    'log-odds',
    [0, 20],
    "h-key73: the learned combiner overrides the hand combination's key only when its own pick's log-odds of being " +
      "the key exceed the hand's key's (both under the combiner) by more than this; otherwise the hand's key stands " +
      '(its confidence is still the combiner’s softmax). 0 = the combiner alone (it always reorders), ' +
      'the value leave-one-set-out over 20 rendered tuning sets chose (three seeds: every threshold above 0 lowers ' +
      'the mean of sets and the realistic sets; bench/RESULTS.md, h-key73)',
  ),
  confidenceTemperature: p(
    0.05,
    'score units',
    [0.001, 1],
    'confidence: the key scores are turned into probabilities by a softmax with this temperature',
  ),
} as const;

export const PITCH_PARAMETERS = {
  minRateHz: p(
    16000,
    'Hz',
    [4000, 384000],
    'pitch analysis rate: the mono mix is halved by half-band filters while its rate stays at or above this ' +
      '(48 kHz → 24 kHz, 44.1 kHz → 22.05 kHz)',
    true,
  ),
  minHz: p(50, 'Hz', [20, 1000], 'lowest f0 searched'),
  maxHz: p(1600, 'Hz', [100, 4000], 'highest f0 searched'),
  floorDbfs: p(-55, 'dBFS', [-200, 0], 'frames quieter than this are unvoiced (no f0 candidate)'),
  thresholds: p(
    100,
    'thresholds',
    [2, 1000],
    'pYIN: YIN thresholds 1/N, 2/N, … 1 on the cumulative-mean-normalized difference; each trough that is the ' +
      'first below some of them becomes an f0 candidate',
    true,
  ),
  betaMean: p(
    0.1,
    '',
    [0.01, 0.99],
    'pYIN: mean of the beta prior over the thresholds (Mauch & Dixon use 0.1–0.2; 0.1 chosen on the tuning set: ' +
      'fewer octave-up errors on choir samples with a weak fundamental than 0.15)',
  ),
  betaAlpha: p(1.5, '', [1, 100], 'pYIN: alpha of that beta prior (beta = alpha (1 − mean) / mean)'),
  absoluteMinWeight: p(
    0.01,
    '',
    [0, 1],
    "pYIN: share of a threshold's prior mass given to the global minimum when no trough is below that threshold",
  ),
  yinTrust: p(
    0.5,
    '',
    [0.01, 1],
    "pYIN HMM: share of a frame's candidate mass the voiced states get (the rest goes to the unvoiced states)",
  ),
  binsPerSemitone: p(5, 'bins', [1, 20], 'pYIN HMM: pitch states per semitone (f0 comes from the candidates)', true),
  switchProbability: p(0.01, 'per frame', [0.0001, 0.49], 'pYIN HMM: probability of a voiced ↔ unvoiced change'),
  transitionSemitonesPerSecond: p(
    30,
    'semitones/s',
    [0.1, 2400],
    'pYIN HMM: scale of the Laplacian f0-change prior (times the frame hop: 0.32 semitone per 10.7 ms frame)',
  ),
  jumpProbability: p(
    0.01,
    '',
    [0.00001, 0.99],
    'pYIN HMM: share of the pitch transitions that may land on any state (a leap between notes)',
  ),
  checkpointFrames: p(
    1024,
    'frames',
    [16, 1048576],
    'Viterbi memory: scores kept every this many frames, back-pointers recomputed one segment at a time',
    true,
  ),
  minVoicedRatio: p(
    0.05,
    'of the frames',
    [0, 1],
    'evidence for a pitch: fewer voiced frames than this and the median f0 is null (a few stray frames in noise)',
  ),
  minGridConcentration: p(
    0.25,
    '',
    [0, 1],
    "evidence for notes: how tightly the voiced frames' f0 sit on one semitone grid (resultant length of their " +
      'positions within the semitone); below it the median f0 is null: gliding pitch, as in speech (measured at ' +
      'most 0.12 on speech, 0.91–0.94 on rendered songs; a ±50-cent vibrato alone gives 0.30)',
  ),
} as const;

/** `[-120, 0] dB`, `(0, 2000] ms`, `[8000, 384000] Hz`: the range as messages and tables print it. */
export function rangeText(spec: ParameterSpec): string {
  const [lo, hi] = spec.range;
  const [openLo, openHi] = spec.open ?? [false, false];
  const text = `${openLo ? '(' : '['}${lo}, ${hi}${openHi ? ')' : ']'}`;
  return spec.unit ? `${text} ${spec.unit}` : text;
}

/** Whether a value is inside the declared range (open ends exclusive; integers only where declared). */
export function inRange(spec: ParameterSpec, value: number): boolean {
  const [lo, hi] = spec.range;
  const [openLo, openHi] = spec.open ?? [false, false];
  if (!Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) return false;
  return (openLo ? value > lo : value >= lo) && (openHi ? value < hi : value <= hi);
}

/** Rejects a value outside its declared range; never clamps. */
export function checkParameter(name: string, spec: ParameterSpec, value = spec.value): number {
  if (!inRange(spec, value)) {
    throw new RangeError(`${name} must be ${spec.integer ? 'an integer ' : ''}in ${rangeText(spec)}, got ${value}`);
  }
  return value;
}

export interface StftLayout {
  windowSamples: number;
  hopSamples: number;
  hopSeconds: number;
  /** Frames per second of the STFT (and of the onset envelope). */
  frameRate: number;
}

/** The STFT window and hop at a sample rate (power-of-two window nearest windowSeconds). */
export function stftLayout(sampleRate: number): StftLayout {
  const target = checkParameter('windowSeconds', STFT_PARAMETERS.windowSeconds) * sampleRate;
  const windowSamples = Math.max(64, Math.min(65536, 2 ** Math.round(Math.log2(target))));
  const hopSamples = Math.max(
    1,
    Math.round(windowSamples * checkParameter('hopFraction', STFT_PARAMETERS.hopFraction)),
  );
  return { windowSamples, hopSamples, hopSeconds: hopSamples / sampleRate, frameRate: sampleRate / hopSamples };
}

/** Samples per tick of the fine envelope at a sample rate. */
export function tickSamples(sampleRate: number): number {
  return Math.max(1, Math.round(checkParameter('tickSeconds', ONSET_PARAMETERS.tickSeconds) * sampleRate));
}
