/**
 * Tempo, beats and downbeats (SPEC §5 `tempo`) from the onset-strength envelope.
 *
 * Tempo: autocorrelation of the mean-removed envelope; each tempo of a grid is scored by the
 * correlation at its beat period and (with decaying weights) at 2, 3 and 4 periods. The strongest
 * peaks and their metrical relatives (×2, ×½, ×3/2, ×2/3) then compete as beat levels (after
 * Klapuri, Eronen & Astola 2006, "Analysis of the meter of acoustic musical signals": tatum, beat
 * and bar are estimated together). Each level's score is the product of:
 * - periodicity: its comb evidence;
 * - a broad log-normal prior (TEMPO_PARAMETERS.priorOctaves: 1.5 octaves, it only breaks near-ties);
 * - subdivision: the beat-synchronous onset profile shows a binary or ternary subdivision weaker
 *   than the beat (metricalFit): the tatum itself has none;
 * - bar: periodicity of the envelope at 3 or 4 beats;
 * - evenness (beat vs tatum): every beat carries new notes (tonal envelope) about equally; at
 *   double tempo every other "beat" carries only the hi-hats;
 * - harmony (bar level from the chords): the chord changes recur after 3 or 4 beats (or 2 beats
 *   when the level's subdivision is ternary: compound meter, 6/8 read at the dotted quarter rather
 *   than at 3/2 of it; or 5 up to harmonyMaxBarBeats beats where the recurrence peaks there: 5/4, 6/4, 7/4)
 *   and not after half of that; it is what tells a ballad with sixteenth-note
 *   hi-hats from its double tempo and a half-time groove from its half tempo. Left out without
 *   clear chord changes (drum stems). The chord-change novelty is measured over at most
 *   `harmonyWindowBeats` of the level's beats (a fast song's short bars keep their changes at its own level);
 * - tonal pulse (beat vs tatum on the notes): a level whose notes fall half-way between its beats as strongly as
 *   on them is half of the notes' pulse (a fast song's melody and chords seen at half tempo); only with tuned
 *   notes (harmonyMinTuning), so drum stems are left to the other terms.
 * The choice is logged as a decision with every competing level's terms (estimateTempoWithDecision).
 * Beats: dynamic programming beat tracker (Ellis 2007, "Beat tracking by dynamic programming")
 * on the envelope plus its low band, each beat then snapped to a detected onset within a
 * quarter period; the reported BPM is the slope of a straight-line fit of the beat times.
 * Downbeats: 4/4 assumed; the bar phase whose beats carry the most low-frequency onset strength
 * and harmonic change.
 * No tempo (bpm null, with the reason) when there are too few onsets or the envelope is not periodic: its best
 * comb periodicity over the tempo grid is less than minPeriodicitySigma times the autocorrelation's own sampling
 * spread (envelopeEvidence): speech, noise, a single event. Below beatGateStrongSigma the file must also have tuned
 * notes or an onset pattern repeating at every multiple of a bar (speechGate, beatGateEvidence): speech with a regular
 * syllable rhythm is periodic enough for the first test but has neither (h-gate19).
 */
import { TEMPO_PARAMETERS, checkParameter } from '../analysis/params.js';
import {
  levelModelPresetName,
  levelModel,
  levelModelReads,
  levelMove,
  levelPresence,
  levelProfile,
  levelTwoFeel,
  levelSwing,
  levelBackbeatFold,
  levelWide,
  fourBeatAccent,
  bandRise,
  levelRow,
  levelProbability,
  isDouble,
  movedBeats,
} from './level-model.js';
import { pickPeaks } from '../onsets/index.js';
import { peakTuningConcentration, tuningAwareChroma } from '../key/index.js';
import { kthSmallest, lowerBound } from '../order.js';
import { native, postSeries } from '../../native.js';

export interface TempoCandidate {
  bpm: number;
  confidence: number;
}

export interface Tempo {
  /** Null when there is no periodic onset structure (silence, a single event, speech, noise); see `reason`. */
  bpm: number | null;
  /** Why bpm is null (absent when there is a tempo). */
  reason?: string;
  confidence: number;
  /** Seconds. */
  beats: number[];
  downbeats: number[];
  alternatives: TempoCandidate[];
}

export interface TempoInput {
  odf: ArrayLike<number>;
  /** Low-band onset strength per frame (kick). */
  odfLow?: ArrayLike<number>;
  /** 12 chroma values per frame, frame-major. */
  chroma?: ArrayLike<number>;
  /**
   * The file's pitch-class profile, 120 bins of 10 cents (the key engine's input): chords count only when its
   * peaks sit on one tuning grid (tuned notes, not drums). Without it the chroma alone decides.
   */
  pitchClass?: ArrayLike<number>;
  hopSeconds: number;
  /** Refined onset times, seconds (beats are snapped to them). */
  onsetTimes?: number[];
  /**
   * The onset flux per frequency group (the onsets engine's native `onsetFlux`: `groups` values per frame,
   * frame-major, frame i at i·hopSeconds; groups low < 250 Hz, mid, high, top > 8 kHz, then the timbre novelty).
   */
  flux?: { values: ArrayLike<number>; groups: number; hopSeconds: number };
  /**
   * The onset flux's band energies (native `onsetBandEnergy`: `bands` values per onset flux frame, frame-major, linear
   * power) and each band's lower edge (Hz; onsetEnergyBandLowHz): the snare's spectral shape (h-tempo24).
   */
  bandEnergy?: { values: ArrayLike<number>; bands: number; hopSeconds: number; lowHz: readonly number[] };
  /** The band novelty (native `onsetBandNovelty`), same layout with `bands` columns (bench comparison only). */
  bandNovelty?: { values: ArrayLike<number>; bands: number; hopSeconds: number };
}

const noTempo = (reason: string): Tempo => ({
  bpm: null,
  reason,
  confidence: 0,
  beats: [],
  downbeats: [],
  alternatives: [],
});

/** Weights of the autocorrelation at 1, 2, … combPeriods beat periods: 1, combDecay, combDecay², … */
export function tempoComb(): number[] {
  const decay = checkParameter('combDecay', TEMPO_PARAMETERS.combDecay);
  const n = checkParameter('combPeriods', TEMPO_PARAMETERS.combPeriods);
  return Array.from({ length: n }, (_, k) => decay ** k);
}

/** Normalized autocorrelation r[0..maxLag] of x − mean(x). */
export function autocorrelation(x: ArrayLike<number>, maxLag: number): Float64Array {
  // Σ_i y[i]·y[i + lag] in ascending i for each lag, divided by r[0] when positive (native/src/post.cc)
  return native().postAutocorrelation(postSeries(x), maxLag);
}

/**
 * The normalized autocorrelation r[0..maxLag] of x − mean(x), each block of 32 lags summed when one of its lags is
 * first read (native/src/post.cc autocorrelationLags: autocorrelation's sums, to the bit). The harmony term reads a
 * few dozen of its lags per novelty window.
 */
class LazyAutocorrelation {
  private readonly r: Float64Array;
  private readonly done: Uint8Array;

  constructor(
    private readonly x: Float64Array,
    maxLag: number,
  ) {
    this.r = new Float64Array(maxLag + 1);
    this.done = new Uint8Array((maxLag >> 5) + 1);
  }

  get length(): number {
    return this.r.length;
  }

  /** r[lag] (lag an integer in [0, length)). */
  get(lag: number): number {
    const b = lag >> 5;
    if (!this.done[b]) {
      const lo = b << 5;
      this.r.set(native().postAutocorrelationLags(this.x, lo, Math.min(this.r.length - 1, lo + 31)), lo);
      this.done[b] = 1;
    }
    return this.r[lag]!;
  }

  /** at(r, lag) with the lags it reads summed first. */
  at(lag: number): number {
    const i = Math.floor(lag);
    if (i + 1 < this.r.length) {
      this.get(i);
      this.get(i + 1);
    }
    return at(this.r, lag);
  }
}

function at(r: Float64Array, lag: number): number {
  const i = Math.floor(lag);
  if (i + 1 >= r.length) return 0;
  const f = lag - i;
  return r[i]! * (1 - f) + r[i + 1]! * f;
}

export interface TempoOptions {
  priorCenterBpm?: number;
  priorOctaves?: number;
  /** Weights of the autocorrelation at 1, 2, 3 and 4 beat periods. */
  comb?: readonly number[];
  /**
   * A dump for the bench (bench/tempo-learn.ts, h-tlearn53): called once per level decision with the candidate levels,
   * best first, as scored; the engine's output does not depend on it.
   */
  onCandidates?: (candidates: readonly Readonly<TempoLevelCandidate>[]) => void;
}

/** Comb evidence for each tempo of the BPM grid (no prior): Σ_k comb[k]·r((k+1)·period). */
function combSalience(
  r: Float64Array,
  frameRate: number,
  comb: readonly number[],
): { bpm: Float64Array; score: Float64Array } {
  const minBpm = checkParameter('minBpm', TEMPO_PARAMETERS.minBpm);
  const maxBpm = checkParameter('maxBpm', TEMPO_PARAMETERS.maxBpm);
  const step = checkParameter('gridBpm', TEMPO_PARAMETERS.gridBpm);
  // native (post_cold.cc: the grid's ≈ 3 400 tempi × the comb ran cold, two or three times per file)
  const [bpm, score] = native().postCombSalience(r, frameRate, Float64Array.from(comb), minBpm, maxBpm, step);
  return { bpm, score };
}

/**
 * Evidence that the envelope `env` has a beat at all, over the whole tempo grid (no level chosen): the comb
 * periodicity, and that periodicity against the envelope's own baselines (h-tempo6):
 * - z: the comb against the autocorrelation's sampling spread for this envelope, Bartlett's
 *   σ_r = √((1 + 2 Σ_{j ≤ J} r(j)²) / N) with J the short lags of one event (a smooth envelope — speech's
 *   syllables, a pad — has fewer independent samples than frames);
 * - contrast: Σ_k w_k (r(k·L) − mean of r over k·L ± L/2) / Σ_k w_k: the periodicity peak above the mean of
 *   its own neighbourhood of lags (an off-lag baseline: a smooth or slowly varying envelope has no peak there).
 */
export function envelopeEvidence(
  env: ArrayLike<number>,
  frameRate: number,
  comb: readonly number[] = tempoComb(),
): { comb: number; bpm: number; z: number; zRef: number; contrast: number } {
  const r = autocorrelation(env, combLags(frameRate, comb));
  const sal = combSalience(r, frameRate, comb);
  let best = 0;
  for (let i = 1; i < sal.score.length; i++) if (sal.score[i]! > sal.score[best]!) best = i;
  const combMax = sal.score[best] ?? 0;
  const J = Math.max(
    1,
    Math.round(checkParameter('periodicityShortLagSeconds', TEMPO_PARAMETERS.periodicityShortLagSeconds) * frameRate),
  );
  const refSeconds = checkParameter('periodicityReferenceSeconds', TEMPO_PARAMETERS.periodicityReferenceSeconds);
  let s2 = 0;
  for (let j = 1; j <= J && j < r.length; j++) s2 += r[j]! ** 2;
  const sigma = Math.sqrt((1 + 2 * s2) / Math.max(1, env.length));
  // the same spread for at most 20 s of frames: a long recording of speech gains no significance from its length
  const sigmaRef = Math.sqrt((1 + 2 * s2) / Math.max(1, Math.min(env.length, Math.round(refSeconds * frameRate))));
  const norm = Math.sqrt(comb.reduce((a, w) => a + w * w, 0));
  // the comb at each tempo less the mean of r around each of its lags, over Σ comb: the largest (native, post_cold.cc)
  const contrast = native().postCombContrast(r, frameRate, Float64Array.from(comb), sal.bpm);
  const z = (sd: number) => (sd > 0 && combMax > 0 ? combMax / (sd * norm) : 0);
  return { comb: combMax, bpm: sal.bpm[best] ?? 0, z: z(sigma), zRef: z(sigmaRef), contrast };
}

/** envelopeEvidence of a file's full-band envelope and of its beat envelope (full + low band), for the bench. */
export function periodicityEvidence(input: TempoInput): Record<string, number> {
  // (bench/tempo-gate.ts: the gate's statistic is zRefMax; the others are the alternatives it was chosen from)
  const frameRate = 1 / input.hopSeconds;
  const full = envelopeEvidence(input.odf, frameRate);
  const beat = input.odfLow ? envelopeEvidence(withLowBand(input.odf, input.odfLow), frameRate) : full;
  const ksEnv = kickSnareOf(input);
  const ks = ksEnv ? envelopeEvidence(ksEnv, frameRate) : undefined;
  return {
    zRefKickSnare: ks?.zRef ?? NaN,
    bpmKickSnare: ks?.bpm ?? NaN,
    bpm: full.bpm,
    bpmBeat: beat.bpm,
    comb: full.comb,
    combBeat: beat.comb,
    combMax: Math.max(full.comb, beat.comb),
    z: full.z,
    zBeat: beat.z,
    zMax: Math.max(full.z, beat.z),
    zRef: full.zRef,
    zRefMax: Math.max(full.zRef, beat.zRef),
    contrast: full.contrast,
    contrastBeat: beat.contrast,
    contrastMax: Math.max(full.contrast, beat.contrast),
  };
}

/**
 * The "no beat" gate's second test (h-gate19): evidence a periodic onset envelope comes from music and not from
 * speech, which has a syllable rhythm periodic enough for the first test (minPeriodicitySigma) but neither
 * - `tuning`: tuned notes, the pitch-class profile's strong peaks on one tuning grid (peakTuningConcentration; absent
 *   without the profile), nor
 * - `pattern`: an onset pattern that repeats every B beats. On beats tracked at `bpm` and at twice it (the full-band
 *   envelope), the rows of the onset flux's band pattern (repeatMeans: the bar-repeat check's rows) are compared with
 *   themselves 1 … beatGatePatternBeats beats later; for each B from 2 to a third of that, the least similarity at
 *   B, 2B, 3B … above the mean at the other lags, in units of the other lags' spread (at least
 *   beatGatePatternSpread); the largest (absent without the flux, or when fewer than beatGatePatternMinBeats lags
 *   can be read: a short file's few lags give a noisy spread). A drum pattern is more alike
 *   at every multiple of its bar than anywhere else; a sentence said twice repeats once, not at three multiples.
 */
export function beatGateEvidence(
  input: TempoInput,
  bpm: number,
): { tuning?: number; pattern?: number; patternBeats?: number; patternBpm?: number } {
  const out: { tuning?: number; pattern?: number; patternBeats?: number; patternBpm?: number } = {};
  if (input.pitchClass?.length === 120) out.tuning = peakTuningConcentration(input.pitchClass);
  if (!input.flux || input.flux.groups < 3 || !(bpm > 0)) return out;
  const frameRate = 1 / input.hopSeconds;
  const maxLag = checkParameter('beatGatePatternBeats', TEMPO_PARAMETERS.beatGatePatternBeats);
  const spreadFloor = checkParameter('beatGatePatternSpread', TEMPO_PARAMETERS.beatGatePatternSpread);
  const minLags = checkParameter('beatGatePatternMinBeats', TEMPO_PARAMETERS.beatGatePatternMinBeats);
  const halfWidth = Math.max(
    1,
    Math.round(checkParameter('profileHalfWidthSeconds', TEMPO_PARAMETERS.profileHalfWidthSeconds) * frameRate),
  );
  const bands = fluxOnFrames(input.flux, input.odf.length, input.hopSeconds);
  for (const level of [bpm, 2 * bpm]) {
    const beats = trackBeats(input.odf, (60 * frameRate) / level);
    const K = Math.min(maxLag, beats.length - 5);
    if (K < minLags) continue;
    const lags = Array.from({ length: K }, (_, i) => i + 1);
    const m = repeatMeans(bands, beats, halfWidth, lags);
    for (let B = 2; 3 * B <= K; B++) {
      let on = Infinity;
      let mean = 0;
      const others = K - Math.floor(K / B);
      for (let j = 1; j <= K; j++)
        if (j % B === 0) on = Math.min(on, m[j - 1]!);
        else mean += m[j - 1]! / others;
      let v = 0;
      for (let j = 1; j <= K; j++) if (j % B !== 0) v += (m[j - 1]! - mean) ** 2 / others;
      const c = (on - mean) / Math.max(Math.sqrt(v), spreadFloor);
      if (out.pattern === undefined || c > out.pattern) {
        out.pattern = c;
        out.patternBeats = B;
        out.patternBpm = level;
      }
    }
  }
  return out;
}

/** The log-normal tempo prior (metrical-level preference), 1 at its center. */
export function tempoPrior(bpm: number, options: TempoOptions = {}): number {
  return tempoPriors([bpm], options)[0]!;
}

/** tempoPrior of each tempo of a grid (its parameters checked once). */
function tempoPriors(bpm: ArrayLike<number>, options: TempoOptions): Float64Array {
  const center = checkParameter('priorCenterBpm', TEMPO_PARAMETERS.priorCenterBpm, options.priorCenterBpm);
  const sigma = checkParameter('priorOctaves', TEMPO_PARAMETERS.priorOctaves, options.priorOctaves);
  const out = new Float64Array(bpm.length);
  for (let i = 0; i < bpm.length; i++) out[i] = Math.exp(-0.5 * (Math.log2(bpm[i]! / center) / sigma) ** 2);
  return out;
}

function combLags(frameRate: number, comb: readonly number[]): number {
  const minBpm = checkParameter('minBpm', TEMPO_PARAMETERS.minBpm);
  return Math.ceil((comb.length * 60 * frameRate) / minBpm) + 2;
}

/** Tempo salience on a BPM grid (prior applied), for inspection and tests. */
export function tempoSalience(
  odf: ArrayLike<number>,
  frameRate: number,
  options: TempoOptions = {},
): { bpm: number[]; score: number[] } {
  const comb = options.comb ?? tempoComb();
  const sal = combSalience(autocorrelation(odf, combLags(frameRate, comb)), frameRate, comb);
  const prior = tempoPriors(sal.bpm, options);
  return { bpm: Array.from(sal.bpm), score: Array.from(sal.score, (s, i) => s * prior[i]!) };
}

/** Beat frames by dynamic programming for a given period (frames). */
export function trackBeats(
  odf: ArrayLike<number>,
  period: number,
  tightness = TEMPO_PARAMETERS.beatTightness.value,
): number[] {
  const n = odf.length;
  if (n === 0 || !(period > 1)) return [];
  const lo = Math.max(1, Math.round(period / 2));
  const hi = Math.round(2 * period);
  // the transition penalty depends only on the interval: tabulated once
  const penalty = new Float64Array(hi + 1);
  for (let d = lo; d <= hi; d++) penalty[d] = tightness * Math.log(d / period) ** 2;
  // on odf/σ(odf): score[t] = local[t] + max(0, max over τ in [t − hi, t − lo] of score[τ] − penalty[t − τ]),
  // back-pointers where that maximum is positive; the path back from the best score within the final period
  // (native/src/post.cc trackBeats)
  return Array.from(native().postTrackBeats(postSeries(odf), period, penalty, lo));
}

/** 0 at `lo` or below, 1 at `full` or above, linear between (`full` within 1e-9 of `lo`: a step at `lo`). */
function ramp(x: number, lo: number, full: number): number {
  return Math.max(0, Math.min(1, (x - lo) / Math.max(1e-9, full - lo)));
}

/** odf/σ(odf) + w·odfLow/σ(odfLow), w = lowBandWeight (σ 1 when 0; native/src/post.cc withLowBand). */
function withLowBand(odf: ArrayLike<number>, low: ArrayLike<number>): Float64Array {
  const w = checkParameter('lowBandWeight', TEMPO_PARAMETERS.lowBandWeight);
  return native().postWithLowBand(postSeries(odf), postSeries(low), w);
}

function fitSlope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - mx) * (ys[i]! - my);
    den += (i - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}

function localPeaks(score: ArrayLike<number>): number[] {
  const idx: number[] = [];
  for (let i = 0; i < score.length; i++) {
    const l = i > 0 ? score[i - 1]! : -Infinity;
    const r = i + 1 < score.length ? score[i + 1]! : -Infinity;
    if (score[i]! > 0 && score[i]! >= l && score[i]! > r) idx.push(i);
  }
  return idx.sort((a, b) => score[b]! - score[a]!);
}

/** Fractions of a beat interval at which the beat profile is sampled: the beat, binary and ternary subdivisions. */
export const PROFILE_FRACTIONS = [0, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4] as const;
const PROFILE_FRACTION_VALUES = Float64Array.from(PROFILE_FRACTIONS);

/**
 * The beat-synchronous onset profile: the mean over consecutive beat pairs of the envelope's
 * maximum within ±halfWidth frames of b[i] + f·(b[i+1] − b[i]), for each fraction f.
 */
export function beatProfile(
  odf: ArrayLike<number>,
  beats: number[],
  fractions: readonly number[] = PROFILE_FRACTIONS,
  halfWidth = 1,
): number[] {
  // native/src/post.cc beatProfile: Math.round and Math.max as JavaScript's, the sums in beat order
  const f = fractions === PROFILE_FRACTIONS ? PROFILE_FRACTION_VALUES : Float64Array.from(fractions);
  return Array.from(native().postBeatProfile(postSeries(odf), Float64Array.from(beats), f, halfWidth));
}

/**
 * Metrical well-formedness of a beat level from its beat profiles (PROFILE_FRACTIONS) on the
 * full-band envelope and on the beat envelope (full + low band). A beat level is well formed
 * when its beats are subdivided, binary (onsets half-way) or ternary (at a third or two thirds):
 * - presence: the subdivision's strength minus that of the other grid (binary vs ternary:
 *   onsets on the other grid are no evidence, nor leakage between them), relative to the
 *   beat's, on the full band, saturating at `presenceSaturation`; 0 when the level has no
 *   subdivision (it is the tatum: a double-tempo error, e.g. 140 for a 70 BPM groove with
 *   eighth-note hi-hats);
 * - accent: the subdivision / beat ratio ρ on the beat envelope (or its inverse, whichever is
 *   ≤ 1). Ternary: 1 up to `accentRatioFull`, falling to 0 at `accentRatioNone`: a "ternary
 *   subdivision" as strong as the beat means the level groups beats three by three (a 2/3 or
 *   4/3 error). Binary: 1 up to `binaryAccentRatio`, falling to 0 at ρ = 1: only a half-way
 *   pulse indistinguishable from the beat (a click track or a bare four-on-the-floor seen at
 *   half tempo) disqualifies the level, because syncopated grooves (breakbeats) put hits as
 *   loud as the beat's half-way.
 * Result: floor + max over binary and ternary of presence·accent, in [floor, floor + 1]; times isochronousFloor
 * (rising to 1 with the binary accent) when the binary subdivision is as strong as the beat on both envelopes:
 * the level is half of an isochronous pulse (a click track at half tempo), worse than the pulse itself.
 */
export function metricalFit(full: readonly number[], env: readonly number[] = full): number {
  return metricalFitDetail(full, env).fit;
}

/** metricalFit with which subdivision carries it: ternary when the ternary grid's presence·accent is the larger. */
export function metricalFitDetail(
  full: readonly number[],
  env: readonly number[] = full,
): { fit: number; ternary: boolean } {
  const floor = TEMPO_PARAMETERS.metricalFloor.value;
  const saturation = TEMPO_PARAMETERS.presenceSaturation.value;
  const accentLo = TEMPO_PARAMETERS.accentRatioFull.value;
  const accentHi = TEMPO_PARAMETERS.accentRatioNone.value;
  const binaryLo = TEMPO_PARAMETERS.binaryAccentRatio.value;
  const isochronousFloor = checkParameter('isochronousFloor', TEMPO_PARAMETERS.isochronousFloor);
  const ratio = (a: number, b: number) => {
    const hi = Math.max(a, b);
    return hi > 0 ? Math.min(a, b) / hi : 0;
  };
  const sub = (p: readonly number[], k: 'binary' | 'ternary') => (k === 'binary' ? p[3]! : Math.max(p[2]!, p[4]!));
  const other = (k: 'binary' | 'ternary') => (k === 'binary' ? 'ternary' : 'binary');
  let fit = 0;
  let pulse = 1;
  let ternary = false;
  for (const k of ['binary', 'ternary'] as const) {
    // onsets on the other grid are no evidence for this one (nor leakage between them)
    const presence = Math.min(1, Math.max(0, sub(full, k) - sub(full, other(k))) / (full[0]! || 1) / saturation);
    // binary: the smaller ratio of the two envelopes (a syncopated groove may match its beat's
    // strength half-way in one of them, an isochronous pulse does in both)
    const rho =
      k === 'binary'
        ? Math.min(ratio(sub(env, k), env[0]!), ratio(sub(full, k), full[0]!))
        : ratio(sub(env, k), env[0]!);
    const [lo, hi] = k === 'binary' ? [binaryLo, 1] : [accentLo, accentHi];
    const accent = Math.max(0, Math.min(1, (hi - rho) / (hi - lo)));
    if (k === 'ternary' && presence * accent > fit) ternary = true;
    fit = Math.max(fit, presence * accent);
    // a binary "subdivision" as strong as the beat on both envelopes: an isochronous pulse seen at half its rate
    if (k === 'binary' && presence > 0) pulse = isochronousFloor + (1 - isochronousFloor) * accent;
  }
  return { fit: (floor + fit) * pulse, ternary };
}

/** A candidate level and its terms (exported for the bench's dump, TempoOptions.onCandidates). */
export type TempoLevelCandidate = Candidate;

interface Candidate {
  bpm: number;
  comb: number;
  prior: number;
  fit: number;
  bar: number;
  /** Whether the subdivision that carries `fit` is ternary (then bars of two beats count for harmony: 6/8). */
  ternary: boolean;
  /** Beat-level evidence: how evenly the beats carry onsets (1) rather than alternating strong/weak (a tatum). */
  even: number;
  /** Evenness on the beat envelope and on the tonal envelope (the one used depends on whether there are chords). */
  evenBeat: number;
  evenTonal: number;
  /** Drum evenness (h-tempo22): evenness on the kick and snare bands alone (drumEvenness); 1 with tuned notes. */
  evenDrum: number;
  /** Snare backbeat (h-tempo24): 1 + a boost when the snare hits fall on every other beat; 1 with tuned notes. */
  snareBeat: number;
  /** Half-time snare (h-tempo26): 1 + a boost when the snare falls on one beat in four of a slow level (any file). */
  snareHalf: number;
  /** Tonal pulse: 1, or less when the notes fall half-way between this level's beats as strongly as on them. */
  pulse: number;
  /** Backbeat: 1, or less when a snare-like backbeat (full band, no kick) falls half-way between the beats. */
  backbeat: number;
  /**
   * Ternary check: 1, or less when the level at ⅔ of this one is a ternary beat (triplet tatum) and this level's
   * beats taken three by three carry the drums unevenly (it is 3/2 of that beat).
   */
  ternaryCheck: number;
  /**
   * Two-beat check: 1, or less when the level's half-way position carries the top band (hats, claps) like a beat
   * and the level at twice its tempo has its eighths filled (twoBeatEvidence).
   */
  twoBeat: number;
  twoBeatDetail?: {
    half: number;
    sub: number;
    swung: boolean;
    kick: number;
    evidence: number;
    doubleBar: number;
    /** h-tempo32: the kick and snare half-way over on the beats (the weaker over the stronger), over the full ratio. */
    kickSnareHalf: number;
    /** h-tempo33: the snare's backbeat on the level's own beats (snareBackbeat's evidence, ramped; 0: none). */
    snareOnBeats: number;
  };
  /**
   * Bar-repeat check: 1, or less when the drums' beat-by-beat pattern repeats after 8 of this level's beats but not
   * after 4 (barRepeat): the level is twice a beat whose four-beat bar is the pattern.
   */
  barRepeat: number;
  barRepeatDetail?: { s4: number; s8: number; sOdd?: number; evidence: number };
  /**
   * Bar-tile check: 1, or less when the drum pattern of the level 2 or 3 times as fast repeats after a number of
   * that level's beats which 2 or 3 does not divide (the level fits the bar a non-integer number of times), or
   * (h-tempo19) which it divides while its grid misses the bar's groups of 2 and 3 (groupMiss).
   */
  barTile: number;
  /**
   * Half-time check (h-tempo27): 1, or less when the snare falls once every four of this level's beats and half of
   * it is at halfTimeFloorBpm or faster (halfTimeCheck): the level is a half-time groove's written quarter.
   */
  halfTime: number;
  halfTimeEvidence?: number;
  /**
   * Four-three check (h-tempo29): 1, or less when the four-beat bar of the level at ¾ of this one (16/3 of this
   * level's beats) repeats in the envelope more than 5 or 6 of this level's beats: the level does not tile the bar.
   */
  fourThree: number;
  fourThreeEvidence?: number;
  /**
   * Six-eight check (h-tempo30): 1, or less when the kick and snare on this level's eighths, folded over six of
   * them, fall half-way between two of its beats (the bar's eighth p + 3) more than on its beats p + 2 and p + 4: a
   * compound beat (6/8, 12/8) read as the quarters of 3/4; the level at ⅔ of this one joins the candidates.
   */
  sixEight: number;
  sixEightEvidence?: number;
  /**
   * Slow compound level (h-tempo32): below minBpm, the BPM of the level whose eighths it was read from (every third
   * of them) as its ⅔ level; undefined for a comb peak of the grid.
   */
  slowFrom?: number;
  /**
   * Dembow check (h-tempo31): 1, or less when this fast level's eighths, folded over eight of them (two beats of its
   * half), carry the kick and snare on an off-beat more than on the beat before it: the 3-3-2 of a dembow or a
   * tresillo (sixteenths of the half level) read at the double; the half level joins the candidates.
   */
  dembow: number;
  dembowEvidence?: number;
  /**
   * h-tempo43: the off-beat the dembow check found, four eighths later (the same off-beat of the half level's next
   * beat) over it: about 1 when every beat of the half level carries it (a skank's or thrash's off-beat snare), about
   * 0 for a 3-3-2 (one syncopation per two beats).
   */
  dembowRepeat?: number;
  /**
   * The pair order (h-tempo38): set on a fast level whose dembow check its own backbeat vetoes (a two-step's snare on
   * two of its beats four eighths apart, less kick there than on the other pair): the half level it took the score
   * from, that level's backbeat and the kick ratio on it.
   */
  dembowVeto?: { from: number; backbeat: number; kick: number };
  /** The pair order (h-tempo38): the fast level this half level's score went to. */
  orderedBelow?: number;
  /** What the bar-tile check read: the faster level, its bar in its beats, and the evidence (and its kind). */
  barTileDetail?: { bpm: number; m: number; evidence: number; groups: boolean };
  /**
   * The score handed over by a level that the ternary or the two-beat check weighed down as a misreading of this one
   * (levelHandOver × what the check took from its score), and that level's BPM; the score is at least it.
   */
  handed: number;
  handedFrom?: number;
  /** Harmonic bar evidence as measured; `harmony` is 1 when the file has no clear chord changes. */
  harmonyRaw: number;
  /** Harmonic bar evidence: the chord changes recur after 3 or 4 beats of this level, not after half of that. */
  harmony: number;
  score: number;
  beatFrames: number[];
  /** The level's beat profile (level-model.ts levelProfile, h-tempo59): set for the level model and the dump. */
  profile?: (number | null)[];
  /** The level's two-feel numbers (level-model.ts levelTwoFeel, h-tempo65): set with the profile. */
  twoFeel?: (number | null)[];
  /** The level's backbeat fold (level-model.ts levelBackbeatFold, h-tempo73): for the dump and a model reading it. */
  fold?: (number | null)[];
  /** The level's swing (level-model.ts levelSwing, h-tempo71): set for the dump and a model that reads it. */
  swing?: number | null;
  /** The level's wide-snare and four-beat numbers (level-model.ts levelWide, h-tempo92): the dump and lr92. */
  wide?: (number | null)[];
}

/** What the tempo engine decided and why (analyze logs it in the decision log). */
export interface TempoDecision {
  engine: 'analyze.tempo';
  /** metricalLevel: the beat level chosen; beatGate: whether there is a beat at all (value null: none). */
  decision: 'metricalLevel' | 'beatGate';
  value: number | null;
  unit: 'BPM';
  reason: string;
  inputs: Record<string, unknown>;
  alternatives: { value: number; why_not: string }[];
  confidence: number;
}

/** Mean of the envelope's maximum within ±halfWidth frames of each beat, for the even and the odd beats. */
function evenOddStrength(env: ArrayLike<number>, beats: number[], halfWidth: number): [number, number] {
  const sums = [0, 0];
  const counts = [0, 0];
  beats.forEach((c, i) => {
    let m = 0;
    for (let j = Math.max(0, c - halfWidth); j <= Math.min(env.length - 1, c + halfWidth); j++)
      m = Math.max(m, env[j]!);
    sums[i % 2]! += m;
    counts[i % 2]!++;
  });
  return [counts[0] ? sums[0]! / counts[0]! : 0, counts[1] ? sums[1]! / counts[1]! : 0];
}

/** Mean of the envelope's maximum within ±halfWidth frames of each beat, per class of the beat's index mod k. */
function strengthByClass(env: ArrayLike<number>, beats: number[], halfWidth: number, k: number): number[] {
  const sums = new Array<number>(k).fill(0);
  const counts = new Array<number>(k).fill(0);
  beats.forEach((c, i) => {
    let m = 0;
    for (let j = Math.max(0, c - halfWidth); j <= Math.min(env.length - 1, c + halfWidth); j++)
      m = Math.max(m, env[j]!);
    sums[i % k]! += m;
    counts[i % k]!++;
  });
  return sums.map((s, i) => (counts[i] ? s / counts[i]! : 0));
}

/** The weakest class's strength relative to the strongest (strengthByClass), 1 when nothing is strong. */
export function classEvenness(env: ArrayLike<number>, beats: number[], halfWidth: number, k: number): number {
  const m = strengthByClass(env, beats, halfWidth, k);
  const hi = Math.max(...m);
  return hi > 0 ? Math.min(...m) / hi : 1;
}

/**
 * The onset flux's frequency groups on the tempo envelope's frames (each frame the largest flux value of the flux
 * frames nearest to it: flux frame j goes to frame round(j · flux hop / hop)), each divided by its mean: `groups`
 * series of `frames` values. Native (`postOnFrames`, post.cc `onFrames`: the same arithmetic in the same order; this
 * loop ran once per file, cold, ≈ 25 ms of the main thread on 6 minutes).
 */
export function fluxOnFrames(
  flux: NonNullable<TempoInput['flux']>,
  frames: number,
  hopSeconds: number,
): Float64Array[] {
  return native().postOnFrames(postSeries(flux.values), flux.groups, frames, flux.hopSeconds / hopSeconds);
}

/**
 * The drum envelope of the beat phase and the ternary check: the onset flux's low group (< 250 Hz: kick) plus
 * phaseHighWeight × its 2–8 kHz group (snare wires, hats), each over its mean; the mid group, where chords and
 * bass notes rise, is left out. Null without the flux (or with fewer than three groups).
 */
export function drumEnvelope(input: TempoInput, frames: number, bands?: readonly Float64Array[]): Float64Array | null {
  if (!input.flux || input.flux.groups < 3) return null;
  const w = checkParameter('phaseHighWeight', TEMPO_PARAMETERS.phaseHighWeight);
  const [low, , high] = bands ?? fluxOnFrames(input.flux, frames, input.hopSeconds);
  return native().postDrumEnvelope(low!, high!, w); // low + w · high (post_cold.cc: a cold loop in JavaScript)
}

/**
 * The kick and snare without the hats (h-tempo22): the onset flux's low (< 250 Hz) and mid groups, each over its mean,
 * summed. The hats, shakers and ride (the 2–8 kHz and top groups) are left out: they fall on every tatum.
 */
export function kickSnareEnvelope(bands: readonly Float64Array[]): Float64Array {
  const [low, mid] = bands;
  // low / mean(low) + mid / mean(mid), a mean of 0 taken as 1 (post_cold.cc: a cold loop in JavaScript)
  return native().postKickSnareEnvelope(low!, mid!);
}

/** kickSnareEnvelope of the file's onset flux on its envelope's frames; undefined without three flux groups. */
function kickSnareOf(input: TempoInput): Float64Array | undefined {
  if (!input.flux || input.flux.groups < 3) return undefined;
  return kickSnareEnvelope(fluxOnFrames(input.flux, input.odf.length, input.hopSeconds));
}

/**
 * Drum evenness of a level (h-tempo22), for files without tuned notes: the weaker of its even and odd beats' mean
 * strength on the kick-and-snare envelope over the stronger, ρ. A level at twice the drums' beat has every other
 * "beat" without kick or snare (a ballad with sixteenth hats read at the eighth): ρ small. The factor rises linearly
 * from drumEvenFloor at ρ = 0 to 1 at ρ = drumEvenRatioFull; drumEvenFloor 1: off.
 */
export function drumEvenness(env: ArrayLike<number>, beats: number[], halfWidth: number): number {
  const floor = checkParameter('drumEvenFloor', TEMPO_PARAMETERS.drumEvenFloor);
  if (floor >= 1) return 1;
  const full = checkParameter('drumEvenRatioFull', TEMPO_PARAMETERS.drumEvenRatioFull);
  const [a, b] = evenOddStrength(env, beats, halfWidth);
  const hi = Math.max(a, b);
  const ratio = hi > 0 ? Math.min(a, b) / hi : 1;
  return floor + (1 - floor) * Math.min(1, ratio / full);
}

/**
 * Snare hits by spectral shape (h-tempo24), from the onset flux's band energies: per frame the power rise over
 * snareRiseSeconds in four regions — sub (below snareBodyLowHz: a kick's head), body (snareBodyLowHz–snareBodyHighHz:
 * a snare's shell), noise (snareNoiseLowHz–snareNoiseHighHz: its wires) and air (above: hats, cymbals). A snare
 * rises in body and noise at once, its body over the sub (not a kick, whose beater click is noise without a body
 * over the sub), its noise over the air (not a hat or a ride, whose noise sits above), and its noise still rings
 * snareSustainSeconds later (not a side stick's click or a kick's beater); a tom has a body without noise. Activity
 * = √(body rise × noise rise) (each over its mean) × body share × noise share × sustain; the hits are its local
 * maxima (±snareSustainSeconds) at snareMinActivity or above and at snareEventRatio of the 90th percentile of
 * those or above. Their times (s) and activity are returned, or null without band energies.
 */
export function snareHits(be: TempoInput['bandEnergy']): { times: number[]; strength: number[] } | null {
  if (!be || be.bands < 4 || be.lowHz.length !== be.bands) return null;
  const n = Math.floor(be.values.length / be.bands);
  if (n < 8) return null;
  const strict = snareHitsBy(be, n, {
    bodyHi: checkParameter('snareBodyHighHz', TEMPO_PARAMETERS.snareBodyHighHz),
    pureLow: checkParameter('snarePurityLowDb', TEMPO_PARAMETERS.snarePurityLowDb),
    pureFull: checkParameter('snarePurityFullDb', TEMPO_PARAMETERS.snarePurityFullDb),
    stickWeight: checkParameter('snareStickWeight', TEMPO_PARAMETERS.snareStickWeight),
  });
  // the wide reading (h-tempo91): a file whose shell-and-wires snare is (almost) never heard is read again with the
  // body region up to snareWideBodyHighHz (a clap's or snap's noise bursts), the body over the sub from
  // snareWidePurityDb (a low-tuned or brushed snare) and a click weighed snareWideStickWeight (a rim, a cross-stick)
  const rate = checkParameter('snareWideRate', TEMPO_PARAMETERS.snareWideRate);
  if (rate <= 0 || strict.times.length >= rate * n * be.hopSeconds) return strict;
  return snareHitsBy(be, n, snareWideShape());
}

/** The wide reading's shape (h-tempo91: snareWide…, the purity ramp's span as the strict reading's). */
function snareWideShape() {
  const span =
    checkParameter('snarePurityFullDb', TEMPO_PARAMETERS.snarePurityFullDb) -
    checkParameter('snarePurityLowDb', TEMPO_PARAMETERS.snarePurityLowDb);
  const pureLow = checkParameter('snareWidePurityDb', TEMPO_PARAMETERS.snareWidePurityDb);
  return {
    bodyHi: checkParameter('snareWideBodyHighHz', TEMPO_PARAMETERS.snareWideBodyHighHz),
    pureLow,
    pureFull: pureLow + span,
    stickWeight: checkParameter('snareWideStickWeight', TEMPO_PARAMETERS.snareWideStickWeight),
  };
}

/**
 * The wide reading on every file (h-tempo92: the level model's levelWide features, not snareWideRate's gate): its hits'
 * times and activity, or null without band energies.
 */
export function snareHitsWide(be: TempoInput['bandEnergy']): { times: number[]; strength: number[] } | null {
  if (!be || be.bands < 4 || be.lowHz.length !== be.bands) return null;
  const n = Math.floor(be.values.length / be.bands);
  if (n < 8) return null;
  return snareHitsBy(be, n, snareWideShape());
}

function snareHitsBy(
  be: NonNullable<TempoInput['bandEnergy']>,
  n: number,
  shape: { bodyHi: number; pureLow: number; pureFull: number; stickWeight: number },
): { times: number[]; strength: number[] } {
  const hop = be.hopSeconds;
  const { bodyHi, pureLow, pureFull, stickWeight } = shape;
  const bodyLo = checkParameter('snareBodyLowHz', TEMPO_PARAMETERS.snareBodyLowHz);
  const noiseLo = checkParameter('snareNoiseLowHz', TEMPO_PARAMETERS.snareNoiseLowHz);
  const noiseHi = checkParameter('snareNoiseHighHz', TEMPO_PARAMETERS.snareNoiseHighHz);
  const lag = Math.max(1, Math.round(checkParameter('snareRiseSeconds', TEMPO_PARAMETERS.snareRiseSeconds) / hop));
  const hold = Math.max(
    1,
    Math.round(checkParameter('snareSustainSeconds', TEMPO_PARAMETERS.snareSustainSeconds) / hop),
  );
  const sustainLow = checkParameter('snareSustainLow', TEMPO_PARAMETERS.snareSustainLow);
  const sustainFull = checkParameter('snareSustainFull', TEMPO_PARAMETERS.snareSustainFull);
  const ratio = checkParameter('snareEventRatio', TEMPO_PARAMETERS.snareEventRatio);
  // each band's region by its centre (geometric mean of its edges; the top band's upper edge an octave up)
  const region = be.lowHz.map((lo, b) => {
    const hi = be.lowHz[b + 1] ?? 2 * lo;
    const fc = Math.sqrt(lo * hi);
    return fc < bodyLo ? 0 : fc < bodyHi ? 1 : fc < noiseLo ? -1 : fc < noiseHi ? 2 : 3;
  });
  // per frame the power of each region and its rise, the activity and its local maxima: native (post.cc snareHits: the
  // same arithmetic in the same order; the TypeScript loops it replaced are test/native/post.test.ts's snareHitsRule),
  // but for the purity's logarithm (Math.log10), taken here for the frames whose ramp is not settled without it
  const { frames: maxima, activity } = native().postSnareHits(
    postSeries(be.values),
    be.bands,
    Int32Array.from(region),
    lag,
    hold,
    pureLow,
    pureFull,
    sustainLow,
    sustainFull,
    stickWeight,
    // the body over the sub, dB: a snare's shell 15–20 dB, a side stick ≈ 10, a kick 0–4 (its head below)
    (ratios) => {
      for (let i = 0; i < ratios.length; i++) ratios[i] = ramp(10 * Math.log10(ratios[i]!), pureLow, pureFull);
    },
  );
  if (maxima.length < 4) return { times: [], strength: [] };
  // the reference among the maxima at the floor or above (the hats' and kicks' leftovers stay below it)
  const floor = checkParameter('snareMinActivity', TEMPO_PARAMETERS.snareMinActivity);
  const sorted = Array.from(activity)
    .filter((v) => v >= floor)
    .sort((a, b) => a - b);
  if (sorted.length < 4) return { times: [], strength: [] };
  const ref = sorted[Math.min(sorted.length - 1, Math.floor(0.9 * sorted.length))]!;
  const min = Math.max(floor, ratio * ref);
  const times: number[] = [];
  const strength: number[] = [];
  for (let i = 0; i < maxima.length; i++)
    if (activity[i]! >= min) {
      times.push(maxima[i]! * hop);
      strength.push(activity[i]!);
    }
  return { times, strength };
}

/**
 * Snare backbeat of a level (h-tempo24), for files without tuned notes: the backbeat convention (the snare on 2 and
 * 4: the beat is half the snare period) as positive evidence, only when the snare is regular. Over the snare hits
 * (snareHits): at least snareMinIntervals consecutive intervals within snareIntervalTolerance of two of the level's
 * beats (fewer: no evidence); then the hits within a quarter beat of one of the level's beats, by the beat's index mod
 * 4: the stronger pair of alternate classes (c, c + 2) holds a share s of them, κ = 2s − 1 (the snare on every other
 * beat; 0 when the hits fall on both parities alike: a 2+2+3 bar's group starts, a snare on every beat), and its two
 * classes' balance ε = min / max (every other beat, not every fourth: the double of the level); evidence κ · ε · the
 * share of the hits on the beats (not half-way). Factor 1 + snareBackbeatGain · clamp((evidence − snareBackbeatMin) /
 * (1 − snareBackbeatMin)).
 */
export function snareBackbeat(
  hits: { times: number[] },
  beatSeconds: number[],
  period: number,
): { factor: number; evidence: number } {
  const gain = checkParameter('snareBackbeatGain', TEMPO_PARAMETERS.snareBackbeatGain);
  const minIntervals = checkParameter('snareMinIntervals', TEMPO_PARAMETERS.snareMinIntervals);
  if (!(gain > 0) || hits.times.length < 3 || beatSeconds.length < 4 || !(period > 0))
    return { factor: 1, evidence: 0 };
  const tol = checkParameter('snareIntervalTolerance', TEMPO_PARAMETERS.snareIntervalTolerance);
  if (intervalMatches(hits.times, period, 2, tol) < minIntervals) return { factor: 1, evidence: 0 };
  const { classes, on } = beatClasses(hits.times, beatSeconds, period);
  if (!on) return { factor: 1, evidence: 0 };
  // the stronger pair of alternate classes: its share (every other beat, κ), its balance (not every fourth, ε)
  const c = classes[0]! + classes[2]! >= classes[1]! + classes[3]! ? 0 : 1;
  const a = classes[c]!;
  const b = classes[c + 2]!;
  const kappa = Math.max(0, (2 * (a + b)) / on - 1);
  const epsilon = Math.min(a, b) / Math.max(1, a, b);
  const evidence = kappa * epsilon * (on / hits.times.length);
  const min = checkParameter('snareBackbeatMin', TEMPO_PARAMETERS.snareBackbeatMin);
  const x = ramp(evidence, min, 1);
  return { factor: 1 + gain * x, evidence };
}

/** How many intervals between successive `times` lie within k · tol of k periods (`period` in seconds). */
function intervalMatches(times: number[], period: number, k: number, tol: number): number {
  let match = 0;
  for (let i = 1; i < times.length; i++) if (Math.abs((times[i]! - times[i - 1]!) / period - k) <= k * tol) match++;
  return match;
}

/**
 * Each of `times` on one of the level's beats (within a quarter beat of the nearest) counted in its beat's class mod
 * 4; `on`: how many were on a beat.
 */
function beatClasses(times: number[], beatSeconds: number[], period: number): { classes: number[]; on: number } {
  const classes = [0, 0, 0, 0];
  let on = 0;
  let j = 0;
  for (const t of times) {
    while (j + 1 < beatSeconds.length && beatSeconds[j + 1]! <= t) j++;
    const next = j + 1 < beatSeconds.length && beatSeconds[j + 1]! - t < t - beatSeconds[j]! ? j + 1 : j;
    if (Math.abs(t - beatSeconds[next]!) > period / 4) continue;
    on++;
    classes[next % 4]!++;
  }
  return { classes, on };
}

/**
 * Half-time snare of a level (h-tempo26), on every file (songs too: with tuned notes it multiplies the tonal
 * evenness; measured, it gained songs on held-out 3, 17 and 19 and lost none): the half-time convention (fixtures/
 * tempotruth.ts tappedTruth) in the engine. The backbeat convention reads the beat as half the snare period; where
 * that beat would be slower than halfTimeFloorBpm, the beat is a quarter of it (half-time: the snare once a bar, on
 * 3 of a slow quarter). A level of `bpm` below twice the floor whose snare hits (snareHits) fall once every four of
 * its beats (snareEveryFour: evidence and weight) gets factor 1 + halfTimeSnareGain · weight. Its double
 * (the snare every eight beats) and a faster level with the snare every four beats (the backbeat's beat at or above
 * the floor: snareBackbeat) get nothing. `weight` (the clamp, 0–1) also lifts the level's terms that read a beat
 * without kick or snare on every other beat as half the beat (drum evenness and the backbeat test, each raised to
 * the power 1 − weight): under the convention those beats are empty in a half-time groove. The two-beat check is
 * left as it is (lifting it too read three jazz stems at 120–172 at half: their snare every two bars).
 */
export function snareHalfTime(
  hits: { times: number[] },
  beatSeconds: number[],
  bpm: number,
): { factor: number; evidence: number; weight: number } {
  const gain = checkParameter('halfTimeSnareGain', TEMPO_PARAMETERS.halfTimeSnareGain);
  const floor = checkParameter('halfTimeFloorBpm', TEMPO_PARAMETERS.halfTimeFloorBpm);
  if (!(gain > 0) || !(bpm > 0) || bpm / 2 >= floor) return { factor: 1, evidence: 0, weight: 0 };
  const { evidence, weight } = snareEveryFour(hits, beatSeconds, bpm);
  return { factor: 1 + gain * weight, evidence, weight };
}

/**
 * The snare once every four beats of a level (h-tempo26's half-time evidence, shared by snareHalfTime and
 * halfTimeCheck): at least halfTimeMinIntervals snare intervals within snareIntervalTolerance of four of its beats
 * (fewer: no evidence); evidence = the share of the on-beat hits (within a quarter beat) in the strongest class of
 * the beat index mod 4 × the share of the hits on beats; weight = clamp((evidence − snareBackbeatMin) /
 * (1 − snareBackbeatMin)).
 */
export function snareEveryFour(
  hits: { times: number[] },
  beatSeconds: number[],
  bpm: number,
): { evidence: number; weight: number } {
  if (!(bpm > 0) || hits.times.length < 3 || beatSeconds.length < 8) return { evidence: 0, weight: 0 };
  const period = 60 / bpm;
  const tol = checkParameter('snareIntervalTolerance', TEMPO_PARAMETERS.snareIntervalTolerance);
  const minIntervals = checkParameter('halfTimeMinIntervals', TEMPO_PARAMETERS.halfTimeMinIntervals);
  if (intervalMatches(hits.times, period, 4, tol) < minIntervals) return { evidence: 0, weight: 0 };
  const { classes, on } = beatClasses(hits.times, beatSeconds, period);
  if (!on) return { evidence: 0, weight: 0 };
  const evidence = (Math.max(...classes) / on) * (on / hits.times.length);
  const min = checkParameter('snareBackbeatMin', TEMPO_PARAMETERS.snareBackbeatMin);
  return { evidence, weight: ramp(evidence, min, 1) };
}

/**
 * Half-time check of a level (h-tempo27), on every file: the half-time convention (fixtures/tempotruth.ts
 * tappedTruth) read from the faster side. A level whose half is at halfTimeFloorBpm or faster and whose snare falls
 * once every four of its beats, always on the same beat of the four (snareEveryFour), is the written quarter of a
 * half-time groove: by the backbeat convention the beat is half the snare period, i.e. half this level (the snare on
 * 2 and 4 of it). Factor 1 − (1 − halfTimeCheckFloor) · weight; the half level joins the candidates and is handed the
 * score taken (levelHandOver). It weighs the snare against the chord term, which on a fast half-time song favours
 * the written bar (its chords change once per written bar: twice per bar of the tapped beat, where the chord term
 * says nothing).
 */
export function halfTimeCheck(
  hits: { times: number[] },
  beatSeconds: number[],
  bpm: number,
): { factor: number; evidence: number } {
  const floorFactor = checkParameter('halfTimeCheckFloor', TEMPO_PARAMETERS.halfTimeCheckFloor);
  const floor = checkParameter('halfTimeFloorBpm', TEMPO_PARAMETERS.halfTimeFloorBpm);
  if (floorFactor >= 1 || !(bpm / 2 >= floor)) return { factor: 1, evidence: 0 };
  const { evidence, weight } = snareEveryFour(hits, beatSeconds, bpm);
  return { factor: 1 - (1 - floorFactor) * weight, evidence };
}

/**
 * Beat phase on the drum envelope: its strength on the beats and half-way between them (beatProfile at 0 and ½);
 * `shift` when the half-way strength exceeds the on-beat one by phaseMargin (the tracker followed chords or
 * off-beat hits, the kick and snare are half a period away).
 */
export function beatPhase(
  drum: ArrayLike<number>,
  beats: number[],
  halfWidth: number,
  margin = checkParameter('phaseMargin', TEMPO_PARAMETERS.phaseMargin),
): { shift: boolean; on: number; half: number } {
  const [on, half] = beatProfile(drum, beats, [0, 0.5], halfWidth);
  return { shift: beats.length >= 2 && half! > (1 + margin) * on!, on: on!, half: half! };
}

/** The off-beat fractions the quarter phase reads (h-tempo81): a sixteenth and a triplet eighth either side. */
export const QUARTER_PHASE_FRACTIONS = [0.25, 1 / 3, 2 / 3, 0.75] as const;

/**
 * Quarter phase (h-tempo81), after the half phase (beatPhase): the drum envelope's strength on the beats and at a
 * quarter, a third, two thirds and three quarters of the way to the next (beatProfile); `fraction` the strongest of
 * these when it exceeds the on-beat strength by phaseQuarterMargin (the tracker locked to a syncopated kick or a
 * sixteenth / triplet pick-up a fixed fraction of a beat from the kick and snare), else 0. At phaseQuarterMargin's
 * range top (10, the default) it never moves and reads nothing.
 */
export function beatQuarterPhase(
  drum: ArrayLike<number>,
  beats: number[],
  halfWidth: number,
  fractions: readonly number[] = QUARTER_PHASE_FRACTIONS,
  margin = checkParameter('phaseQuarterMargin', TEMPO_PARAMETERS.phaseQuarterMargin),
): { fraction: number; on: number; off: number } {
  // off (the default) or too few beats: no profile read (`on` and `off` NaN)
  if (!(margin < 10) || beats.length < 2) return { fraction: 0, on: NaN, off: NaN };
  const [on, ...offs] = beatProfile(drum, beats, [0, ...fractions], halfWidth) as number[];
  let k = 0;
  for (let i = 1; i < offs.length; i++) if (offs[i]! > offs[k]!) k = i;
  const off = offs[k]!;
  const move = off > (1 + margin) * on!;
  return { fraction: move ? fractions[k]! : 0, on: on!, off };
}

/** The fractions of a beat the level phase reads (h-tempo83): a sixteenth either side and half a beat. */
export const LEVEL_PHASE_FRACTIONS = [0.25, 0.5, 0.75] as const;

/**
 * The level phase (h-tempo83), on the reported level's beats (frames), after the learned model's move: the
 * kick-and-snare envelope (kickSnareEnvelope: the onset flux's low and mid groups, not the hats) on the beats and a
 * quarter, a half and three quarters of the way to the next (beatQuarterPhase's reading, LEVEL_PHASE_FRACTIONS; the
 * half left out when the model halved the level: which of the hand's beats a half keeps is the downbeats' choice);
 * the beats move by the strongest fraction when it exceeds the on-beat strength by levelPhaseMargin and the kick (the
 * low group alone) is there at least as strong as on the beats — the mid group also carries chords and off-beat
 * skanks, so the kick must agree. The hand's phase (beatPhase) is read at the hand's level: a double whose beats sit
 * half its period off (the hand's on an off-beat bass a quarter of them off) or beats a sixteenth before the kick and
 * snare (a pick-up) are not seen there. At levelPhaseMargin's range top (10) it never moves and reads nothing.
 */
export function levelPhase(
  kickSnare: ArrayLike<number>,
  low: ArrayLike<number>,
  beats: number[],
  halfWidth: number,
  halves = true,
  margin = checkParameter('levelPhaseMargin', TEMPO_PARAMETERS.levelPhaseMargin),
): { fraction: number; on: number; off: number; kickOn: number; kickAt: number } {
  const fractions = halves ? LEVEL_PHASE_FRACTIONS : LEVEL_PHASE_FRACTIONS.filter((f) => f !== 0.5);
  const read = beatQuarterPhase(kickSnare, beats, halfWidth, fractions, margin);
  if (!read.fraction) return { ...read, kickOn: NaN, kickAt: NaN };
  const [kickOn, kickAt] = beatProfile(low, beats, [0, read.fraction], halfWidth) as [number, number];
  return { ...read, fraction: kickAt >= kickOn ? read.fraction : 0, kickOn, kickAt };
}

/**
 * Blind half-time (h-tempo89, issue 12 points 1 and 2; rule A, fixtures/tempotruth.ts beatLevelFactor): where the
 * snare hits (snareHits) are fewer than blindHalfTimeMaxRate per reported beat (the backbeat a clap, rim, brush or
 * cross-stick the snare detector does not take; the level model's snare terms read nothing), the band energies' snare
 * group (bandRise) at the reported beats (frames) is folded over four beats: per beat class mod 4 its mean maximum
 * within ±halfWidth; the strongest class c, n the mean of c ± 1; accent = (x_c − n) / (x_c + n), pair = (x_{c+2} − n)
 * / (x_c − n). One accent every four beats (accent at blindHalfTimeAccent or above, pair at blindHalfTimePair or
 * below) at a level of blindHalfTimeMinBpm or faster: the backbeat falls on every fourth beat, so rule A's beat is
 * half the level (a half-time groove or a ballad read at its eighths): `halve`. null without the group or with fewer
 * than 12 beats; at blindHalfTimeAccent's range top (2) never.
 */
export function blindHalfTime(
  snareTimes: readonly number[] | null,
  snareRise: ArrayLike<number> | null,
  beatFrames: readonly number[],
  bpm: number,
  halfWidth: number,
): { halve: boolean; accent: number; pair: number; rate: number } | null {
  const minAccent = checkParameter('blindHalfTimeAccent', TEMPO_PARAMETERS.blindHalfTimeAccent);
  const maxPair = checkParameter('blindHalfTimePair', TEMPO_PARAMETERS.blindHalfTimePair);
  const maxRate = checkParameter('blindHalfTimeMaxRate', TEMPO_PARAMETERS.blindHalfTimeMaxRate);
  const minBpm = checkParameter('blindHalfTimeMinBpm', TEMPO_PARAMETERS.blindHalfTimeMinBpm);
  if (!snareRise || beatFrames.length < 12 || !(bpm > 0)) return null;
  const rate = (snareTimes?.length ?? 0) / beatFrames.length;
  const { accent, pair } = fourBeatAccent(snareRise, beatFrames, halfWidth);
  const halve = minAccent < 2 && bpm >= minBpm && rate < maxRate && accent >= minAccent && pair <= maxPair;
  return { halve, accent, pair, rate };
}

/**
 * Wide half-time (h-tempo96, issue 12 points 1 and 2; rule A, fixtures/tempotruth.ts beatLevelFactor): the snare
 * detector's wide reading (snareHitsWide: a clap's, snap's, rim's, cross-stick's or brush's stroke, which the
 * shell-and-wires shape misses) at the reported beats (s). Each wide hit between the first and the last beat within
 * a quarter beat of a beat is counted in that beat's class, its index mod 4; c the fullest class: accent = (x_c −
 * x_{c+2}) / (all the hits between the first and last beat), bars = x_c / (beats / 4). At a level of
 * wideHalfTimeMinBpm or faster whose snare hits (snareHits) are fewer than wideHalfTimeMaxRate per beat, an accent
 * of wideHalfTimeAccent or more over wideHalfTimeBars or more of the bars is one stroke every four beats, on the beat
 * (a half-time groove's clap on 3, a ballad's cross-stick read at its eighths): rule A's beat is half the level —
 * `halve`, keeping the beats of c's parity (the stroke is on 2 and 4 of the half). null with fewer than 12 beats or
 * without the wide reading; at wideHalfTimeAccent's range top (2) never.
 */
export function wideHalfTime(
  wideTimes: readonly number[] | null,
  strictTimes: readonly number[] | null,
  beats: readonly number[],
  bpm: number,
): { halve: boolean; accent: number; bars: number; rate: number; parity: number } | null {
  const minAccent = checkParameter('wideHalfTimeAccent', TEMPO_PARAMETERS.wideHalfTimeAccent);
  const minBars = checkParameter('wideHalfTimeBars', TEMPO_PARAMETERS.wideHalfTimeBars);
  const maxRate = checkParameter('wideHalfTimeMaxRate', TEMPO_PARAMETERS.wideHalfTimeMaxRate);
  const minBpm = checkParameter('wideHalfTimeMinBpm', TEMPO_PARAMETERS.wideHalfTimeMinBpm);
  if (!wideTimes || beats.length < 12 || !(bpm > 0)) return null;
  const byClass = [0, 0, 0, 0];
  let inside = 0;
  let i = 0;
  for (const t of wideTimes) {
    if (t < beats[0]! || t >= beats.at(-1)!) continue;
    while (beats[i + 1]! <= t) i++;
    inside++;
    const d = (t - beats[i]!) / (beats[i + 1]! - beats[i]!);
    if (d <= 0.25) byClass[i % 4]!++;
    else if (d >= 0.75) byClass[(i + 1) % 4]!++;
  }
  const c = byClass.indexOf(Math.max(...byClass));
  const accent = inside > 0 ? (byClass[c]! - byClass[(c + 2) % 4]!) / inside : 0;
  const bars = byClass[c]! / (beats.length / 4);
  const rate = (strictTimes?.length ?? 0) / beats.length;
  const halve = minAccent < 2 && bpm >= minBpm && rate < maxRate && accent >= minAccent && bars >= minBars;
  return { halve, accent, bars, rate, parity: c % 2 };
}

/**
 * Band half-time (h-tempo97, issue 12 points 1 and 2; rule A, fixtures/tempotruth.ts beatLevelFactor): the band
 * energies' snare group (bandRise: its onset rise, read directly — no strokes detected, so a soft clap or cross-stick
 * below the snare detectors' event floor still counts) at the reported beats (frames). Per bar of four beats (beat
 * index mod 4) each beat's peak within ±halfWidth over the bar's four; these shares averaged over the full bars give
 * s_0..s_3; c the largest, n the mean of c ± 1: accent = s_c − n, pair = (s_{c+2} − n) / (s_c − n). At a level of
 * bandHalfTimeMinBpm or faster whose snare hits (snareHits) are fewer than bandHalfTimeMaxRate per beat, an accent of
 * bandHalfTimeAccent or more with a pair of bandHalfTimePair or less is one accent every four beats (a half-time
 * groove's clap on 3, a ballad's cross-stick read at its eighths): rule A's beat is half the level — `halve`, keeping
 * the beats of c's parity. The per-bar reading (h-tempo99): each bar's own accent at c (its share at c minus the mean
 * of its shares at c ± 1), their median `barAccent`; at bandHalfTimeBarAccent or more with a pair from
 * bandHalfTimeBarMinPair to bandHalfTimePair and fewer than bandHalfTimeBarMaxRate snare hits per beat it also halves
 * (a cross-stick or snap accent in nearly every bar whose strokes the detector half-hears, the kick on the opposite
 * beat). null with fewer than 12 beats or without the group; at bandHalfTimeAccent's range top (2) never.
 */
export function bandHalfTime(
  snareTimes: readonly number[] | null,
  snareRise: ArrayLike<number> | null,
  beatFrames: readonly number[],
  bpm: number,
  halfWidth: number,
): { halve: boolean; accent: number; pair: number; rate: number; parity: number; barAccent: number } | null {
  const minAccent = checkParameter('bandHalfTimeAccent', TEMPO_PARAMETERS.bandHalfTimeAccent);
  const minBarAccent = checkParameter('bandHalfTimeBarAccent', TEMPO_PARAMETERS.bandHalfTimeBarAccent);
  const minBarPair = checkParameter('bandHalfTimeBarMinPair', TEMPO_PARAMETERS.bandHalfTimeBarMinPair);
  const maxBarRate = checkParameter('bandHalfTimeBarMaxRate', TEMPO_PARAMETERS.bandHalfTimeBarMaxRate);
  const maxPair = checkParameter('bandHalfTimePair', TEMPO_PARAMETERS.bandHalfTimePair);
  const maxRate = checkParameter('bandHalfTimeMaxRate', TEMPO_PARAMETERS.bandHalfTimeMaxRate);
  const minBpm = checkParameter('bandHalfTimeMinBpm', TEMPO_PARAMETERS.bandHalfTimeMinBpm);
  if (!snareRise || beatFrames.length < 12 || !(bpm > 0)) return null;
  const share = [0, 0, 0, 0];
  const perBar: number[][] = [];
  for (let k = 0; 4 * k + 3 < beatFrames.length; k++) {
    const x = [0, 1, 2, 3].map((j) => {
      const f = Math.round(beatFrames[4 * k + j]!);
      let m = 0;
      for (let t = Math.max(0, f - halfWidth); t <= Math.min(snareRise.length - 1, f + halfWidth); t++)
        m = Math.max(m, snareRise[t]!);
      return m;
    });
    const sum = x[0]! + x[1]! + x[2]! + x[3]!;
    if (!(sum > 0)) continue;
    perBar.push(x.map((v) => v / sum));
    for (let j = 0; j < 4; j++) share[j]! += x[j]! / sum;
  }
  const rate = (snareTimes?.length ?? 0) / beatFrames.length;
  const bars = perBar.length;
  if (!bars) return { halve: false, accent: 0, pair: 1, rate, parity: 0, barAccent: 0 };
  const s = share.map((v) => v / bars);
  const c = s.indexOf(Math.max(...s));
  const n = (s[(c + 1) % 4]! + s[(c + 3) % 4]!) / 2;
  const accent = s[c]! - n;
  const pair = accent > 0 ? (s[(c + 2) % 4]! - n) / accent : 1;
  // the per-bar accents at c, their median (the upper one of an even count)
  const barAccents = perBar.map((x) => x[c]! - (x[(c + 1) % 4]! + x[(c + 3) % 4]!) / 2).sort((a, b) => a - b);
  const barAccent = barAccents[bars >> 1]!;
  const inRange = minAccent < 2 && bpm >= minBpm && pair <= maxPair;
  const halve =
    inRange &&
    ((rate < maxRate && accent >= minAccent) ||
      (minBarAccent < 2 && rate < maxBarRate && barAccent >= minBarAccent && pair >= minBarPair));
  return { halve, accent, pair, rate, parity: c % 2, barAccent };
}

/**
 * The fast groove's up-move (h-tlevel99, issue 12 points 1 and 2): a level the level model left or moved up to,
 * whose double it leans to (`p`, its P(double right) for the pair, more than fastUpProbability; the model's own move
 * asks ½ + its margin) and whose wide snare reading hears fastUpSnareRate or more hits per beat (`wideTimes` over
 * the level's `beats`) is doubled: a two-beat, polka, thrash or drum-and-bass groove read at its half has its snare
 * on every beat there (2 and 4 of the double), a backbeat at the level on every other one (0.5). A P over
 * fastUpSureProbability doubles whatever the snare (h-tempo100): the model read once more at a level it moved up to
 * (it moves one octave; a two-beat read at its quarter). null with fewer than 8 beats or without the wide reading; at
 * fastUpProbability's range top (1) never.
 */
export function fastUpMove(
  p: number,
  wideTimes: readonly number[] | null,
  beats: number,
): { p: number; rate: number; up: boolean } | null {
  if (!wideTimes || beats < 8) return null;
  const minP = checkParameter('fastUpProbability', TEMPO_PARAMETERS.fastUpProbability);
  const sureP = checkParameter('fastUpSureProbability', TEMPO_PARAMETERS.fastUpSureProbability);
  const rate = wideTimes.length / beats;
  const heard = rate >= checkParameter('fastUpSnareRate', TEMPO_PARAMETERS.fastUpSnareRate);
  return { p, rate, up: minP < 1 && p > minP && (heard || (sureP < 1 && p > sureP)) };
}

/**
 * The backbeat phase (h-tempo86), after the level phase, on the reported beats (s): the snare hits (snareHits, by
 * spectral shape) placed on the beats by their nearest quarter of a beat — on a beat, half-way, or a quarter either
 * side. A four-on-the-floor song whose off-beat bass (and open hat) outweighs the kick in the low and mid groups
 * leaves its beats half a beat off the kick, where the level phase's envelope reads "on"; its snare and clap still
 * fall on 2 and 4. The beats move half a beat when the half-way hits are at least backbeatPhaseMinHits, exceed the
 * on-beat hits backbeatPhaseRatio times, and fall on every other beat (a share backbeatPhaseParity or more of them
 * after beats of one parity): a backbeat, not a polka's or a march's snare on every "and". Not read when the model
 * halved the level (which beats a half keeps is the downbeats' choice); at backbeatPhaseRatio's range top (10) it
 * never moves and reads nothing.
 */
export function backbeatPhase(
  hits: readonly number[],
  beats: readonly number[],
): { shift: boolean; on: number; half: number; parity: number } {
  const ratio = checkParameter('backbeatPhaseRatio', TEMPO_PARAMETERS.backbeatPhaseRatio);
  const minHits = Math.round(checkParameter('backbeatPhaseMinHits', TEMPO_PARAMETERS.backbeatPhaseMinHits));
  const parityMin = checkParameter('backbeatPhaseParity', TEMPO_PARAMETERS.backbeatPhaseParity);
  if (!(ratio < 10) || beats.length < 2) return { shift: false, on: NaN, half: NaN, parity: NaN };
  let on = 0;
  const halfBy = [0, 0];
  let i = 0;
  for (const t of hits) {
    if (t < beats[0]! || t >= beats.at(-1)!) continue;
    while (beats[i + 1]! <= t) i++;
    const q = Math.round((4 * (t - beats[i]!)) / (beats[i + 1]! - beats[i]!));
    if (q === 0 || q === 4) on++;
    else if (q === 2) halfBy[i % 2]!++;
  }
  const half = halfBy[0]! + halfBy[1]!;
  const parity = half ? Math.max(halfBy[0]!, halfBy[1]!) / half : 0;
  return { shift: half >= minHits && half > ratio * on && parity >= parityMin, on, half, parity };
}

/**
 * The windowed phase (h-tempo84), after the level phase, on the reported beats (frames): the level phase's reading
 * (kick and snare on the beats and a quarter, a half and three quarters of the way, the kick agreeing; the half left
 * out on a halved level) made per window of windowPhaseBeats beats with windowPhaseMargin, so a tracker that slips
 * half a beat or a sixteenth off the kick for a stretch of the file is moved back there and nowhere else. A moved
 * window's beats go the fraction of its median interval p forward, and one more beat (1 − fraction)·p before its
 * first is offered; at each window edge a beat closer than windowPhaseEdge · p (¾ p) to the one before is left out,
 * so none is doubled and the slip's gap (a beat and a half) is filled. A file shorter than two windows is left to the
 * level phase; at windowPhaseMargin's range top (10) nothing is read. `beats` are the new frames (fractional), `moved`
 * the windows' fractions (0: as reported).
 */
export function windowPhase(
  kickSnare: ArrayLike<number>,
  low: ArrayLike<number>,
  beats: number[],
  halfWidth: number,
  halves = true,
): { beats: number[]; moved: number[] } {
  const margin = checkParameter('windowPhaseMargin', TEMPO_PARAMETERS.windowPhaseMargin);
  const size = Math.round(checkParameter('windowPhaseBeats', TEMPO_PARAMETERS.windowPhaseBeats));
  const edge = checkParameter('windowPhaseEdge', TEMPO_PARAMETERS.windowPhaseEdge);
  if (!(margin < 10) || beats.length < 2 * size) return { beats, moved: [] };
  const starts: number[] = [];
  for (let s = 0; s + size <= beats.length; s += size) starts.push(s);
  // a remainder shorter than half a window joins the last one
  if (beats.length - (starts.at(-1)! + size) < size / 2) starts.push(beats.length);
  else starts.push(starts.at(-1)! + size, beats.length);
  const bounds = starts.slice(0, -1).map((s, w) => [s, starts[w + 1]!] as const);
  const out: number[] = [];
  const moved: number[] = [];
  for (const [s, e] of bounds) {
    const window = beats.slice(s, e);
    const { fraction } = levelPhase(kickSnare, low, window, halfWidth, halves, margin);
    moved.push(fraction);
    const gaps = window.slice(1).map((b, i) => b - window[i]!);
    const p = kthSmallest(gaps, gaps.length >> 1);
    const candidates = fraction
      ? [...(s > 0 ? [window[0]! - (1 - fraction) * p] : []), ...window.map((b) => b + fraction * p)]
      : window;
    for (const c of candidates) if (!out.length || c - out.at(-1)! >= edge * p) out.push(c);
  }
  return { beats: out, moved };
}

/** Beats moved a fraction of the way to the next (the last by its predecessor's interval), rounded to frames. */
export function fractionShifted(beats: number[], fraction: number): number[] {
  if (beats.length < 2 || fraction === 0) return beats;
  return beats.map((b, i) => {
    const next = i + 1 < beats.length ? beats[i + 1]! : b + (b - beats[i - 1]!);
    return Math.round(b + fraction * (next - b));
  });
}

/**
 * Two-beat evidence of a level from its beats on the top band (the onset flux's > 8 kHz group: hats, claps, snare
 * sizzle; the kick and the chords barely reach it): `half`, the weaker of its strength on the beats and half-way
 * between them over the stronger (phase-free: the tracker may sit on either), and `sub`, its strength where the
 * eighths of the level at twice the tempo fall (the largest of a quarter and three quarters of the beat, straight,
 * and of a third and five sixths, swung to the triplet: h-tempo11) over that stronger one. A two-beat pattern read as
 * one beat (kick on 1 and 3, snare on 2 and 4, eighth hats, straight or shuffled: the level at half the tempo) has
 * half ≈ 1 and its eighths at the quarters or at the triplet positions;
 * a slow groove at its own level has its snare on the beats and only hats half-way (half low), or nothing at the
 * quarters, or softer sixteenths there (a ballad or a half-time groove with sixteenth hats: sub 0.3–0.6).
 * Evidence = ramp(half; twoBeatHalfLow → twoBeatHalfFull) × ramp(sub; twoBeatSubLow → twoBeatSubFull), in [0, 1].
 */
export function twoBeatEvidence(
  top: ArrayLike<number>,
  beats: number[],
  halfWidth: number,
  low?: ArrayLike<number>,
): { half: number; sub: number; swung: boolean; kick: number; evidence: number } {
  const halfLo = checkParameter('twoBeatHalfLow', TEMPO_PARAMETERS.twoBeatHalfLow);
  const halfFull = checkParameter('twoBeatHalfFull', TEMPO_PARAMETERS.twoBeatHalfFull);
  const subLo = checkParameter('twoBeatSubLow', TEMPO_PARAMETERS.twoBeatSubLow);
  const subFull = checkParameter('twoBeatSubFull', TEMPO_PARAMETERS.twoBeatSubFull);
  const kickLo = checkParameter('twoBeatKickLow', TEMPO_PARAMETERS.twoBeatKickLow);
  const kickFull = checkParameter('twoBeatKickFull', TEMPO_PARAMETERS.twoBeatKickFull);
  const [on, q1, t1, mid, q3, t5] = beatProfile(top, beats, TWO_BEAT_FRACTIONS, halfWidth) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const strong = Math.max(on, mid);
  if (!(strong > 0)) return { half: 0, sub: 0, swung: false, kick: 0, evidence: 0 };
  // the kick on the beats and half-way, beat by beat (four on the floor read at half: a kick at both, every beat;
  // a groove at its own level has its kick half-way only now and then, or a bass note there and none on the beat)
  const kick = low ? coincidence(low, beats, halfWidth) : 0;
  const half = Math.min(on, mid) / strong;
  // the eighths of the level at twice the tempo, straight (¼, ¾) or swung to the triplet (⅓, ⅚: a shuffle's)
  const straight = Math.max(q1, q3);
  const triplet = Math.max(t1, t5);
  const sub = Math.max(straight, triplet) / strong;
  return {
    half,
    sub,
    swung: triplet > straight,
    kick,
    // or the kick on both (h-tempo11), with the quarters filled at all (up to twoBeatSubLow: the hats on the "and"s
    // of four on the floor are softer than its snare in the top band)
    evidence: Math.max(
      ramp(half, halfLo, halfFull) * ramp(sub, subLo, subFull),
      ramp(kick, kickLo, kickFull) * ramp(sub, 0, subLo),
    ),
  };
}

/**
 * How regularly an envelope is strong both on each beat and half-way to the next: Σ min(x(b), x(b + ½)) /
 * Σ max(x(b), x(b + ½)) over the beats (the envelope's maximum within ±halfWidth frames of each position); 1 when
 * every beat and every half-way position carry the same hit, 0 when no beat carries a hit at both.
 */
export function coincidence(x: ArrayLike<number>, beats: number[], halfWidth: number): number {
  const peak = (c: number) => {
    let m = 0;
    for (let j = Math.max(0, c - halfWidth); j <= Math.min(x.length - 1, c + halfWidth); j++) m = Math.max(m, x[j]!);
    return m;
  };
  let lo = 0;
  let hi = 0;
  for (let i = 0; i + 1 < beats.length; i++) {
    const a = peak(beats[i]!);
    const b = peak(Math.round((beats[i]! + beats[i + 1]!) / 2));
    lo += Math.min(a, b);
    hi += Math.max(a, b);
  }
  return hi > 0 ? lo / hi : 0;
}

/**
 * Where twoBeatEvidence samples a level's beat: on it, the straight eighths of its double (¼, ¾), their triplet
 * swing (⅓, ⅚: the double's "and" at ⅔ of its beat) and half-way.
 */
export const TWO_BEAT_FRACTIONS = [0, 1 / 4, 1 / 3, 1 / 2, 3 / 4, 5 / 6] as const;

/** Beats a bar-repeat check compares: a four-beat bar (and two of them). */
export const BAR_REPEAT_BEATS = 4;

/**
 * The beat-synchronous rows (each band's peak at the profile's fractions of every beat) and their mean cosine after
 * each lag in `lags` beats (native/src/post.cc barRepeat); read by the bar-repeat and the bar-tile checks.
 */
function repeatMeans(
  bands: readonly ArrayLike<number>[],
  beats: readonly number[],
  halfWidth: number,
  lags: readonly number[],
): Float64Array {
  return native().postBarRepeat(
    bands.map((x) => (x instanceof Float64Array ? x : Float64Array.from(x))),
    Float64Array.from(beats),
    halfWidth,
    PROFILE_FRACTION_VALUES,
    Int32Array.from(lags),
  );
}

/**
 * The drums' beat-by-beat band pattern on a level's beats compared with itself a bar and two bars later: for each
 * beat the vector of the onset flux's groups (each the maximum within ±halfWidth frames) at PROFILE_FRACTIONS of
 * the beat, and the mean cosine similarity of beat i with beat i + 4 (`s4`) and with beat i + 8 (`s8`). A level
 * whose pattern repeats every bar has s4 ≈ s8; one at twice the beat of a one-bar pattern that is not the same in
 * both halves (a 3-3-2 kick, a kick on 1 and the "and" of 3) has s8 > s4.
 */
export function barRepeat(
  bands: readonly ArrayLike<number>[],
  beats: number[],
  halfWidth: number,
  maxBarBeats = BAR_REPEAT_BEATS,
): { s4: number; s8: number; sOdd?: number } {
  // the rows and their mean cosines per lag: 4, 8, then 5 to maxBarBeats (native/src/post.cc barRepeat)
  const lags = [BAR_REPEAT_BEATS, 2 * BAR_REPEAT_BEATS];
  for (let m = BAR_REPEAT_BEATS + 1; m <= maxBarBeats; m++) lags.push(m);
  const means = repeatMeans(bands, beats, halfWidth, lags);
  const mean = (k: number) => means[lags.indexOf(k)]!;
  const r: { s4: number; s8: number; sOdd?: number } = { s4: mean(BAR_REPEAT_BEATS), s8: mean(2 * BAR_REPEAT_BEATS) };
  // h-tempo15: a bar of 5 to maxBarBeats beats (5/4, 6/4, 7/4) repeats after neither 4 nor 8 of its beats: the best
  // similarity after 5 to maxBarBeats beats (`sOdd`, absent when only four-beat bars are read)
  for (let m = BAR_REPEAT_BEATS + 1; m <= maxBarBeats; m++) r.sOdd = Math.max(r.sOdd ?? 0, mean(m));
  return r;
}

/**
 * Whether a level's grid misses the groups of the bar it tiles (h-tempo19). The level k = 2 or 3 times as fast has
 * its bar of m beats (m a multiple of k); its beats folded into that bar give each position its accent (per flux
 * band, the mean over bars of the band's maximum within ±halfWidth frames of the beat, over that band's largest
 * position; then the mean over the bands). A set of positions is scored by its contrast: their mean accent less the
 * other positions'. The slower level's grid is every k-th position (`grid`: the best of its k phases); the bar's
 * groups are the best grouping of it in 2s and 3s with both sizes, at any rotation (`mixed`; none for a bar of 4 or
 * 6). `evidence` = 1 − grid / mixed in [0, 1]: the share of the grouping's contrast that the grid misses (0 when the
 * grid fits as well: 6/8, 12/8 and 3/4 read at their beat; 9/8 as 3+2+2+2 read at ⅓ of the eighth skips the group
 * starts 5 and 7 and takes the unaccented 6).
 */
export function groupMiss(
  bands: readonly ArrayLike<number>[],
  beats: readonly number[],
  halfWidth: number,
  m: number,
  k: number,
): { evidence: number; grid: number; mixed: number; accents: number[] } {
  const acc = new Float64Array(m);
  for (const x of bands) {
    const sum = new Float64Array(m);
    const n = new Float64Array(m);
    beats.forEach((b, i) => {
      let v = 0;
      for (let j = Math.max(0, b - halfWidth); j <= Math.min(x.length - 1, b + halfWidth); j++) v = Math.max(v, x[j]!);
      sum[i % m]! += v;
      n[i % m]!++;
    });
    let top = 0;
    for (let j = 0; j < m; j++) top = Math.max(top, (sum[j]! /= Math.max(1, n[j]!)));
    if (top > 0) for (let j = 0; j < m; j++) acc[j]! += sum[j]! / top / bands.length;
  }
  const contrast = (starts: boolean[]) => {
    let on = 0;
    let nOn = 0;
    let off = 0;
    for (let j = 0; j < m; j++)
      if (starts[j]) ((on += acc[j]!), nOn++);
      else off += acc[j]!;
    return nOn > 0 && nOn < m ? on / nOn - off / (m - nOn) : 0;
  };
  let grid = -Infinity;
  for (let r = 0; r < k; r++) grid = Math.max(grid, contrast(Array.from({ length: m }, (_, j) => j % k === r)));
  let mixed = -Infinity;
  const group = (parts: number[], sum: number) => {
    if (sum === m) {
      if (!parts.includes(2) || !parts.includes(3)) return;
      for (let rot = 0; rot < m; rot++) {
        const starts = new Array<boolean>(m).fill(false);
        let at = rot;
        for (const q of parts) ((starts[at % m] = true), (at += q));
        mixed = Math.max(mixed, contrast(starts));
      }
      return;
    }
    for (const q of [2, 3]) if (sum + q <= m) group([...parts, q], sum + q);
  };
  group([], 0);
  const evidence = mixed > 0 ? Math.max(0, Math.min(1, 1 - Math.max(0, grid) / mixed)) : 0;
  return { evidence, grid, mixed, accents: Array.from(acc) };
}

/** Beats moved half a period: the midpoints of consecutive beats, the last one half its interval on. */
export function halfShifted(beats: number[]): number[] {
  if (beats.length < 2) return beats;
  const out = beats.slice(1).map((b, i) => Math.round((beats[i]! + b) / 2));
  out.push(Math.round(beats[beats.length - 1]! + (beats[beats.length - 1]! - beats[beats.length - 2]!) / 2));
  return out;
}

/**
 * Beat-level evidence of a level from its beats: the weaker of the even and odd beats' mean strength relative to
 * the stronger, on the beat envelope. Near 1 when every beat carries a comparable accent (kick and snare, chords on
 * every beat); small when every other "beat" carries only the hi-hats: the level is the tatum, and half of it is
 * the beat. Mapped to [evenFloor, 1] linearly up to `evenRatioFull`.
 */
export function evenness(env: ArrayLike<number>, beats: number[], halfWidth: number): number {
  const floor = checkParameter('evenFloor', TEMPO_PARAMETERS.evenFloor);
  const full = checkParameter('evenRatioFull', TEMPO_PARAMETERS.evenRatioFull);
  const [a, b] = evenOddStrength(env, beats, halfWidth);
  const hi = Math.max(a, b);
  const ratio = hi > 0 ? Math.min(a, b) / hi : 1;
  return floor + (1 - floor) * Math.min(1, ratio / full);
}

/**
 * Tonal pulse of a level (beat vs tatum on the notes): the tonal envelope's strength half-way between the beats
 * relative to on them, ρ. A level whose notes fall half-way as strongly as on the beat (ρ ≥ 1) is half of the
 * notes' pulse: a fast song's melody and chords, one per beat, seen at half tempo. 1 up to ρ =
 * tonalPulseRatio, falling linearly to tonalPulseFloor at ρ = 1.
 */
export function tonalPulse(tonal: ArrayLike<number>, beats: number[], halfWidth: number): number {
  const lo = checkParameter('tonalPulseRatio', TEMPO_PARAMETERS.tonalPulseRatio);
  const floor = checkParameter('tonalPulseFloor', TEMPO_PARAMETERS.tonalPulseFloor);
  const [onBeat, half] = beatProfile(tonal, beats, [0, 0.5], halfWidth);
  if (!(onBeat! > 0)) return 1;
  const rho = half! / onBeat!;
  if (rho <= lo) return 1;
  return Math.max(floor, 1 - ((1 - floor) * (rho - lo)) / Math.max(1e-9, 1 - lo));
}

/**
 * Backbeat evidence of a level (the drums' own beat level, whatever the arrangement): the full-band onset strength
 * half-way between its beats relative to on them, ρ_full, and the same on the low band (kick), ρ_low. A backbeat
 * seen at half tempo puts the snare (2 and 4) half-way between the kicks (1 and 3): ρ_full ≥ backbeatFullRatio and
 * ρ_low ≤ backbeatLowRatio; the level is then half of the beat level and gets down to backbeatFloor (linear in
 * both ratios). A level at the beat has its half-way on the off-beat eighths (hats: weak on the full band) and
 * a half-time groove (snare on 3) has its snare on a beat: neither is touched.
 */
export function backbeat(full: ArrayLike<number>, low: ArrayLike<number>, beats: number[], halfWidth: number): number {
  const floor = checkParameter('backbeatFloor', TEMPO_PARAMETERS.backbeatFloor);
  if (floor >= 1) return 1;
  const fullRatio = checkParameter('backbeatFullRatio', TEMPO_PARAMETERS.backbeatFullRatio);
  const lowRatio = checkParameter('backbeatLowRatio', TEMPO_PARAMETERS.backbeatLowRatio);
  const [f0, fh] = beatProfile(full, beats, [0, 0.5], halfWidth);
  const [l0, lh] = beatProfile(low, beats, [0, 0.5], halfWidth);
  if (!(f0! > 0) || !(l0! > 0)) return 1;
  const snare = ramp(fh! / f0!, fullRatio, 1);
  const noKick = Math.max(0, Math.min(1, (lowRatio - lh! / l0!) / lowRatio));
  return 1 - (1 - floor) * snare * noKick;
}

/**
 * The snare's weight in the backbeat term (h-tempo46): the share of a level's half-way positions (between two
 * consecutive beats) with a snare hit (snareHits) within backbeatSnareToleranceSeconds, over backbeatSnareShare,
 * at most 1. A backbeat read at half tempo has the snare on every half-way (2 and 4); a 2/4 groove's off-beat
 * güira, rim click or hat has none. 1 when backbeatSnareShare is 0 (off) or the detector found fewer than three
 * hits in the file (no evidence either way).
 */
export function backbeatSnareWeight(hits: { times: number[] }, beatSeconds: number[]): number {
  const full = checkParameter('backbeatSnareShare', TEMPO_PARAMETERS.backbeatSnareShare);
  if (!(full > 0) || hits.times.length < 3 || beatSeconds.length < 2) return 1;
  const tol = checkParameter('backbeatSnareToleranceSeconds', TEMPO_PARAMETERS.backbeatSnareToleranceSeconds);
  const times = hits.times;
  let j = 0;
  let on = 0;
  for (let i = 0; i + 1 < beatSeconds.length; i++) {
    const mid = (beatSeconds[i]! + beatSeconds[i + 1]!) / 2;
    while (j < times.length && times[j]! < mid - tol) j++;
    if (j < times.length && times[j]! <= mid + tol) on++;
  }
  return Math.min(1, on / (beatSeconds.length - 1) / full);
}

/**
 * Tonal onset envelope: the positive change of the log-compressed chroma per frame, summed over pitch classes
 * above the mean change (new notes and chords; a drum, being unpitched, raises every pitch class alike).
 * Null without chroma.
 */
export function tonalEnvelope(chroma: ArrayLike<number> | undefined, frames: number): Float64Array | null {
  if (!chroma || chroma.length < 24) return null;
  // log1p(chroma / m) of each frame once, its rise over the frame before, the part above the mean rise per pitch
  // class (native/src/post.cc tonalEnvelope: JavaScript's operations in its order, the C library's log1p)
  return native().postTonalEnvelope(postSeries(chroma), frames);
}

/**
 * Harmonic novelty per frame: 1 − cosine between the mean chroma of the `w` frames before and the `w` frames from
 * the frame on (a chord change peaks; repeated chords, drums and passing notes barely move it). Null without
 * chroma.
 */
export function harmonicNovelty(chroma: ArrayLike<number> | undefined, frames: number, w: number): Float64Array | null {
  if (!chroma || chroma.length < 24) return null;
  // running sums of the chroma, the two windows' cosine per frame (native/src/post.cc harmonicNovelty)
  return native().postHarmonicNovelty(postSeries(chroma), frames, w);
}

const fmt = (x: number) => (Math.round(x * 1000) / 1000).toString();

export function estimateTempo(input: TempoInput, options: TempoOptions = {}): Tempo {
  return estimateTempoWithDecision(input, options).tempo;
}

/**
 * The tempo and, when there is one, the metrical-level decision: every competing level with its evidence terms
 * (comb periodicity, broad prior, subdivision fit, bar periodicity, beat evenness) and score.
 */
export function estimateTempoWithDecision(
  input: TempoInput,
  options: TempoOptions = {},
): { tempo: Tempo; decision?: TempoDecision } {
  const frameRate = 1 / input.hopSeconds;
  const peaks = pickPeaks(input.odf, frameRate);
  if (peaks.length < 4)
    return { tempo: noTempo(`${peaks.length} onset${peaks.length === 1 ? '' : 's'}: too few for a beat`) };
  // whether there is a beat at all does not depend on the level chosen: the best periodicity over the tempo grid,
  // against the envelope's own sampling spread, on the full band and (when it falls short: sustained pads, an FM
  // render's tremolo) on the beat envelope (full + low band: the kick carries the tempo)
  const minSigma = checkParameter('minPeriodicitySigma', TEMPO_PARAMETERS.minPeriodicitySigma);
  const full = envelopeEvidence(input.odf, frameRate, options.comb ?? tempoComb());
  const fallback = input.odfLow && TEMPO_PARAMETERS.beatEnvelopeFallback.value > 0;
  let beat: ReturnType<typeof envelopeEvidence> | undefined;
  const beatEvidence = () =>
    (beat ??= fallback ? envelopeEvidence(withLowBand(input.odf, input.odfLow!), frameRate) : undefined);
  // the kick-and-snare envelope's evidence, found on first use (the second test reads it below beatGateStrongSigma)
  let kickSnare: { env?: Float64Array; e?: ReturnType<typeof envelopeEvidence> } | undefined;
  const kickSnareEvidence = () => {
    if (kickSnare === undefined) {
      const env = kickSnareOf(input);
      kickSnare = { env, e: env ? envelopeEvidence(env, frameRate) : undefined };
    }
    return kickSnare;
  };
  const gated = (onBeatEnvelope: boolean, sigma: number) => {
    const gate = speechGate(input, full, beatEvidence, () => kickSnareEvidence().e);
    if (gate.decision.value === null) return { tempo: noTempo(gate.decision.reason), decision: gate.decision };
    // a beat by the kick and snare alone (h-tempo41): its levels are read on that envelope, as h-tempo35's
    const ks = gate.onKickSnare ? kickSnareEvidence() : undefined;
    return ks?.env && ks.e
      ? levels(input, options, true, ks.e.zRef, `on the kick-and-snare envelope, ${gate.summary}`, ks.env)
      : levels(input, options, onBeatEnvelope, sigma, gate.summary);
  };
  if (full.zRef >= minSigma) return gated(false, full.zRef);
  const b = beatEvidence();
  if (b && b.zRef >= minSigma) return gated(true, b.zRef);
  // h-tempo35: a reverberant song's pads and tails fill the full band between the kicks; the kick and snare alone
  // (the onset flux's low and mid groups) can still carry a beat. Read only here, on files the two envelopes fail
  const ksSigma = checkParameter('kickSnareGateSigma', TEMPO_PARAMETERS.kickSnareGateSigma);
  const ksEnv = ksSigma < 100 ? kickSnareEvidence().env : undefined;
  const ks = ksEnv ? kickSnareEvidence().e : undefined;
  if (ks && ks.zRef >= ksSigma) {
    const gate = speechGate(input, ks, () => undefined);
    return gate.decision.value === null
      ? { tempo: noTempo(gate.decision.reason), decision: gate.decision }
      : levels(input, options, true, ks.zRef, `on the kick-and-snare envelope, ${gate.summary}`, ksEnv);
  }
  const e = b && b.zRef > full.zRef ? b : full;
  // h-tgate63: a periodicity a little under minPeriodicitySigma (a compressed, wavering half-time song) is a beat
  // when the file has both of the second test's cues, measured (speech has no tuned notes)
  const weak = checkParameter('beatGateWeakSigma', TEMPO_PARAMETERS.beatGateWeakSigma);
  if (weak < minSigma && e.zRef >= weak) {
    const minTuning = checkParameter('beatGateMinTuning', TEMPO_PARAMETERS.beatGateMinTuning);
    const minPattern = checkParameter('beatGateMinPattern', TEMPO_PARAMETERS.beatGateMinPattern);
    const g = beatGateEvidence(input, e.bpm);
    if (g.tuning !== undefined && g.tuning >= minTuning && g.pattern !== undefined && g.pattern >= minPattern) {
      const summary =
        `beat: periodicity ${fmt(e.zRef)} σ (< ${minSigma} σ, ≥ ${weak} σ) with tuned-note concentration ` +
        `${fmt(g.tuning)} ≥ ${minTuning} and pattern repeat ${fmt(g.pattern)} ≥ ${minPattern}`;
      return levels(input, options, e === b, e.zRef, summary);
    }
  }
  return {
    tempo: noTempo(
      `no beat: the onsets are not periodic (periodicity ${e.zRef.toFixed(1)} σ above the envelope's own spread ` +
        `at ${e.bpm.toFixed(0)} BPM < ${minSigma} σ), as in speech or noise`,
    ),
  };
}

/**
 * The "no beat" gate's second test, once the onsets are periodic enough (minPeriodicitySigma): a periodicity below
 * beatGateStrongSigma needs tuned notes or a repeating onset pattern as well (beatGateEvidence); speech has neither.
 * The decision (`beatGate`, value null when there is no beat) and a one-line summary for the level decision's inputs.
 * Evidence the input does not carry (no pitch-class profile, no onset flux) counts as present.
 */
function speechGate(
  input: TempoInput,
  full: ReturnType<typeof envelopeEvidence>,
  beatEvidence: () => ReturnType<typeof envelopeEvidence> | undefined,
  kickSnareEvidence: () => ReturnType<typeof envelopeEvidence> | undefined = () => undefined,
): { decision: TempoDecision; summary: string; onKickSnare?: boolean } {
  const strong = checkParameter('beatGateStrongSigma', TEMPO_PARAMETERS.beatGateStrongSigma);
  const ksStrong = checkParameter('beatGateKickSnareSigma', TEMPO_PARAMETERS.beatGateKickSnareSigma);
  const minTuning = checkParameter('beatGateMinTuning', TEMPO_PARAMETERS.beatGateMinTuning);
  const minPattern = checkParameter('beatGateMinPattern', TEMPO_PARAMETERS.beatGateMinPattern);
  const b = full.zRef >= strong ? undefined : beatEvidence();
  const e = b && b.zRef > full.zRef ? b : full;
  const inputs: Record<string, unknown> = {
    periodicitySigma: Math.round(e.zRef * 100) / 100,
    periodicityBpm: Math.round(e.bpm * 100) / 100,
    beatGateStrongSigma: strong,
    beatGateMinTuning: minTuning,
    beatGateMinPattern: minPattern,
  };
  const decide = (beat: boolean, reason: string, alternatives: { value: number; why_not: string }[]) => ({
    decision: {
      engine: 'analyze.tempo' as const,
      decision: 'beatGate' as const,
      value: beat ? e.bpm : null,
      unit: 'BPM' as const,
      reason,
      inputs,
      alternatives,
      confidence: 1,
    },
    summary: reason,
  });
  if (e.zRef >= strong) return decide(true, `beat: periodicity ${fmt(e.zRef)} σ ≥ ${strong} σ`, []);
  const g = beatGateEvidence(input, e.bpm);
  if (g.tuning !== undefined) inputs.tuningConcentration = Math.round(g.tuning * 1000) / 1000;
  if (g.pattern !== undefined)
    inputs.patternRepeat = `${fmt(g.pattern)} every ${g.patternBeats} beats at ${fmt(g.patternBpm!)} BPM`;
  const tuned = g.tuning === undefined || g.tuning >= minTuning;
  const repeats = !input.flux || input.flux.groups < 3 || (g.pattern ?? -Infinity) >= minPattern;
  const tuning = g.tuning === undefined ? 'no pitch-class profile' : `tuned-note concentration ${fmt(g.tuning)}`;
  const pattern = g.pattern === undefined ? 'no pattern read' : `pattern repeat ${fmt(g.pattern)}`;
  const periodic = `periodicity ${fmt(e.zRef)} σ (< ${strong} σ)`;
  if (tuned || repeats)
    return decide(
      true,
      `beat: ${periodic} with ${tuned ? `${tuning} ≥ ${minTuning}` : `${pattern} ≥ ${minPattern}`}`,
      [],
    );
  // h-tempo41: a fast groove struck on every beat (no bar-multiple repeat, no tuned notes on a drum stem) keeps its
  // kick and snare periodic under the cymbals' wash; read only where the file would otherwise have no beat
  const ks = ksStrong < 100 ? kickSnareEvidence() : undefined;
  if (ks) inputs.kickSnareSigma = Math.round(ks.zRef * 100) / 100;
  if (ks && ks.zRef >= ksStrong)
    return {
      ...decide(
        true,
        `beat: kick-and-snare periodicity ${fmt(ks.zRef)} σ ≥ ${ksStrong} σ (full band ${fmt(e.zRef)} σ < ${strong} σ)`,
        [],
      ),
      onKickSnare: true,
    };
  return decide(
    false,
    `no beat: the onsets are periodic (${periodic} at ${e.bpm.toFixed(0)} BPM) but have neither tuned notes ` +
      `(${tuning} < ${minTuning}) nor a repeating pattern (${pattern} < ${minPattern}), as in speech`,
    [{ value: Math.round(e.bpm * 100) / 100, why_not: `${tuning} < ${minTuning} and ${pattern} < ${minPattern}` }],
  );
}

function levels(
  input: TempoInput,
  options: TempoOptions,
  onBeatEnvelope: boolean,
  periodicitySigma: number,
  beatGate?: string,
  /**
   * h-tempo35: the kick-and-snare envelope, already found, when the kick and snare alone passed the gate: the levels'
   * periodicity is read on it.
   */
  kickSnareOnly?: Float64Array,
): { tempo: Tempo; decision?: TempoDecision } {
  const { odf, hopSeconds } = input;
  const frameRate = 1 / hopSeconds;
  const peaks = pickPeaks(odf, frameRate);
  if (peaks.length < 4)
    return { tempo: noTempo(`${peaks.length} onset${peaks.length === 1 ? '' : 's'}: too few for a beat`) };
  const combWeights = options.comb ?? tempoComb();
  // beats are tracked on the envelope plus its low band (kick, bass): it puts the beat on the
  // pulse rather than on loud (e.g. swung) off-beat hi-hats
  const beatEnv = input.odfLow ? withLowBand(odf, input.odfLow) : odf;
  // kick and snare without the chords (the onset flux's low and 2–8 kHz groups): beat phase and ternary check
  // the flux groups on the envelope's frames, found once for the drum envelope and the two-beat check
  const bands = input.flux && input.flux.groups >= 3 ? fluxOnFrames(input.flux, odf.length, hopSeconds) : undefined;
  const drum = drumEnvelope(input, odf.length, bands);
  const kickSnare = kickSnareOnly ?? (bands ? kickSnareEnvelope(bands) : null);
  // the snare hits by spectral shape (h-tempo24), for the backbeat convention on drums alone: found on first use,
  // so that a file with tuned notes (no backbeat term) does not pay for them
  let snare: ReturnType<typeof snareHits> | undefined;
  const halfTimeFloor = checkParameter('halfTimeFloorBpm', TEMPO_PARAMETERS.halfTimeFloorBpm);
  const snareOnce = () => (snare === undefined ? (snare = snareHits(input.bandEnergy)) : snare);
  // the wide snare reading (snareHitsWide), read once for the wide columns, the wide half-time and the up-move
  let wideHits: ReturnType<typeof snareHitsWide> | undefined;
  const wideOnce = () => (wideHits === undefined ? (wideHits = snareHitsWide(input.bandEnergy)) : wideHits);
  // the band energies' snare group (bandRise, levelFoldKickHz to levelFoldSnareHz) on the envelope's frames, read
  // once for the wide snare columns and the blind and band half-times
  let snareRise: Float64Array | null | undefined;
  const snareRiseOnce = () =>
    snareRise === undefined
      ? (snareRise = bandRise(
          input.bandEnergy,
          odf.length,
          hopSeconds,
          checkParameter('levelFoldKickHz', TEMPO_PARAMETERS.levelFoldKickHz),
          checkParameter('levelFoldSnareHz', TEMPO_PARAMETERS.levelFoldSnareHz),
        ))
      : snareRise;
  const periodicEnv = kickSnareOnly ?? (onBeatEnvelope ? beatEnv : odf);
  const rFull = autocorrelation(periodicEnv, combLags(frameRate, combWeights));
  const raw = combSalience(rFull, frameRate, combWeights);
  const barFloor = checkParameter('barFloor', TEMPO_PARAMETERS.barFloor);
  const barTol = checkParameter('barLagTolerance', TEMPO_PARAMETERS.barLagTolerance);
  /** The envelope's autocorrelation at a lag (frames), the highest within ±barLagTolerance of it. */
  const nearFull = (l: number) => Math.max(at(rFull, l * (1 - barTol)), at(rFull, l), at(rFull, l * (1 + barTol)));
  /** Bar-level periodicity of a beat level: the envelope's autocorrelation at 3 or 4 beats (`near`: ±tolerance). */
  const barOf = (bpm: number, near: (l: number) => number = nearFull) => {
    const lag = (60 * frameRate) / bpm;
    return barFloor + Math.max(0, near(3 * lag), near(4 * lag));
  };
  const prior = tempoPriors(raw.bpm, options);
  const ranked = localPeaks(raw.score.map((s, i) => s * prior[i]!));
  if (ranked.length === 0) return { tempo: noTempo('the onset envelope has no periodicity in the tempo range') };
  const tonal = tonalEnvelope(input.chroma, odf.length);
  const windowSeconds = checkParameter('harmonyWindowSeconds', TEMPO_PARAMETERS.harmonyWindowSeconds);
  const windowBeats = checkParameter('harmonyWindowBeats', TEMPO_PARAMETERS.harmonyWindowBeats);
  /**
   * The chord-change novelty window of a level: harmonyWindowSeconds, but at most harmonyWindowBeats of the level's
   * beats (a fast song changes chords every bar of about 1.3 s: a 0.8 s window either side would blur the changes
   * at its own level while its half tempo, with bars twice as long, keeps them).
   */
  const windowFrames = (bpm: number) =>
    Math.max(1, Math.round(Math.min(windowSeconds, windowBeats > 0 ? (windowBeats * 60) / bpm : Infinity) * frameRate));
  const harmonyCache = new Map<number, LazyAutocorrelation | null>();

  // pitch content that never changes (a click track, one drone) has no chord changes: its novelty is rounding
  // noise, which the normalized autocorrelation below would blow up into "evidence"
  const minNovelty = checkParameter('harmonyMinNovelty', TEMPO_PARAMETERS.harmonyMinNovelty);
  // drums have pitch content that moves with the pattern (the chroma of a kick, a snare, a tom) but no tuning grid:
  // chords count only when the file has tuned notes
  const tuning = input.pitchClass?.length === 120 ? tuningAwareChroma(input.pitchClass).concentration : undefined;
  const tuned = tuning === undefined || tuning >= checkParameter('harmonyMinTuning', TEMPO_PARAMETERS.harmonyMinTuning);
  // the tonal pulse needs measured tuned notes (no profile: no evidence either way)
  const tunedNotes = tuning !== undefined && tuned;
  /** Autocorrelation of the harmonic novelty with a window of `w` frames (summed when read), null without changes. */
  const harmonyAt = (w: number): LazyAutocorrelation | null => {
    if (harmonyCache.has(w)) return harmonyCache.get(w)!;
    const novelty = tuned ? harmonicNovelty(input.chroma, odf.length, w) : null;
    const sum = novelty ? native().postSum(novelty) : 0;
    const changing = novelty !== null && sum / novelty.length >= minNovelty;
    const r = changing ? new LazyAutocorrelation(novelty, combLags(frameRate, [1, 1, 1, 1, 1])) : null;
    harmonyCache.set(w, r);
    return r;
  };
  const rHarm = harmonyAt(windowFrames(Infinity));
  const harmFloor = checkParameter('harmonyFloor', TEMPO_PARAMETERS.harmonyFloor);
  const harmMaxBar = checkParameter('harmonyMaxBarBeats', TEMPO_PARAMETERS.harmonyMaxBarBeats);
  const harmPeak = checkParameter('harmonyBarPeakBeats', TEMPO_PARAMETERS.harmonyBarPeakBeats);
  /** The lag of r's highest value within ±w frames of `c`. */
  const peakLag = (r: LazyAutocorrelation, c: number, w: number) => {
    let arg = c;
    let top = -Infinity;
    for (let l = Math.max(1, Math.ceil(c - w)); l <= Math.floor(c + w) && l < r.length; l++)
      if (r.get(l) > top) ((top = r.get(l)), (arg = l));
    return arg;
  };
  /**
   * Harmonic bar evidence of a beat level: the chords change once per bar, so the harmonic novelty recurs after
   * m beats and not after half of that: max over m ∈ {3, …, harmonyMaxBarBeats} of r(m·P) − max(0, r(m·P/2)), a bar
   * of m ≥ 5 only where r peaks at m·P (its maximum within ±P/2 lies within harmonyBarPeakBeats·P of m·P) and less
   * r at its whole divisors (a bar of 6: r(2P), r(3P)).
   */
  const harmOf = (bpm: number, ternary: boolean) => {
    const rh = harmonyAt(windowFrames(bpm));
    if (!rh) return 1;
    const lag = (60 * frameRate) / bpm;
    const near = (l: number) => Math.max(rh.at(l * (1 - barTol)), rh.at(l), rh.at(l * (1 + barTol)));
    let best = 0;
    // compound meter (6/8, 12/8): a ternary beat level may have bars of two beats; bars of 5 up to
    // harmonyMaxBarBeats beats (h-tempo17: 5/4, 6/4, 7/4, 5/8…) are read as such at the level whose beat they are
    // counted in, not as a four-beat bar of a slower level
    for (let m = ternary ? 2 : 3; m <= Math.max(4, harmMaxBar); m++) {
      const r = near(m * lag);
      // a bar of 5 or more beats only where the recurrence peaks at m beats: its highest value within half a beat
      // of m·P lies within harmonyBarPeakBeats of a beat of it (the slow novelty's broad peak of a two-bar 4/4
      // phrase, 8 beats, also covers 5 beats of ⅔ of the tempo, 7.5 beats, but peaks ⅓ of that level's beat away)
      if (m > 4 && Math.abs(peakLag(rh, m * lag, lag / 2) - m * lag) > harmPeak * lag) continue;
      // not after half the bar, nor (a bar of 6) after 2 beats: 6 beats of half the tempo are three bars of a
      // 4/4 song whose changes recur every bar, 2 of those beats
      let shorter = near((m * lag) / 2);
      for (let k = 2; k < m && m > 4; k++) if (m % k === 0) shorter = Math.max(shorter, near(k * lag));
      best = Math.max(best, r - Math.max(0, shorter));
    }
    return harmFloor + best;
  };
  const halfWidth = Math.max(
    1,
    Math.round(checkParameter('profileHalfWidthSeconds', TEMPO_PARAMETERS.profileHalfWidthSeconds) * frameRate),
  );
  const window = checkParameter('candidateWindow', TEMPO_PARAMETERS.candidateWindow);
  const backbeatMax = checkParameter('backbeatMaxBpm', TEMPO_PARAMETERS.backbeatMaxBpm);
  const gridBpm = checkParameter('gridBpm', TEMPO_PARAMETERS.gridBpm);
  const cache = new Map<number, Candidate>();
  /** Whether the chords say anything (decided once the candidates are in): then harmony and tonal evenness count. */
  let harmonic = false;
  /** A level's score from its own terms (without a handed-over score). */
  const own = (c: Candidate) =>
    c.comb *
    c.prior *
    c.fit *
    c.bar *
    c.even *
    c.harmony *
    c.pulse *
    c.backbeat *
    c.ternaryCheck *
    c.twoBeat *
    c.barRepeat *
    c.barTile *
    c.halfTime *
    c.fourThree *
    c.sixEight *
    c.dembow;
  const rescore = (c: Candidate) => {
    c.even = (harmonic ? c.evenTonal : c.evenBeat * c.evenDrum * c.snareBeat) * c.snareHalf;
    c.harmony = harmonic ? c.harmonyRaw : 1;
    c.score = Math.max(own(c), c.handed);
  };
  /** The comb peak within ±candidateWindow of `target` BPM, scored with prior, metrical fit, bar and evenness. */
  const candidate = (target: number): Candidate | undefined => {
    const g0 = raw.bpm[0]!;
    const lo = Math.max(0, Math.ceil((target * (1 - window) - g0) / gridBpm));
    const hi = Math.min(raw.bpm.length - 1, Math.floor((target * (1 + window) - g0) / gridBpm));
    if (lo > hi) return undefined;
    let i = lo;
    for (let j = lo; j <= hi; j++) if (raw.score[j]! > raw.score[i]!) i = j;
    const cached = cache.get(i);
    if (cached) return cached;
    const bpm = raw.bpm[i]!;
    // no comb evidence: the score is 0 whatever the fit (skip the beat tracker)
    const beatFrames = raw.score[i]! > 0 ? trackBeats(beatEnv, (60 * frameRate) / bpm) : [];
    const c = level(bpm, raw.score[i]!, prior[i]!, beatFrames, barOf(bpm));
    cache.set(i, c);
    return c;
  };
  /** A level's terms from its beats: comb evidence, prior and bar evidence as given. */
  const level = (bpm: number, comb: number, priorOf: number, beatFrames: number[], bar: number): Candidate => {
    const { fit, ternary } = beatFrames.length
      ? metricalFitDetail(
          beatProfile(odf, beatFrames, PROFILE_FRACTIONS, halfWidth),
          beatProfile(beatEnv, beatFrames, PROFILE_FRACTIONS, halfWidth),
        )
      : { fit: TEMPO_PARAMETERS.metricalFloor.value, ternary: false };
    const evenBeat = beatFrames.length ? evenness(beatEnv, beatFrames, halfWidth) : TEMPO_PARAMETERS.evenFloor.value;
    const pulse = beatFrames.length && tonal && tunedNotes ? tonalPulse(tonal, beatFrames, halfWidth) : 1;
    // the beats in seconds, for the snare checks below (found on first use)
    let seconds: number[] | undefined;
    const beatSeconds = () => (seconds ??= beatFrames.map((f) => f * hopSeconds));
    // h-tempo40: only a level whose double is a tempo (the term argues for the double); a fast level's half-way hits
    // are its off-beats (the weighed-down fast level lost to its ⅔ level, which no check had handed a score)
    const backbeatRaw =
      beatFrames.length && input.odfLow && bpm <= backbeatMax ? backbeat(odf, input.odfLow, beatFrames, halfWidth) : 1;
    // h-tempo46: a backbeat is a snare; half-way hits without one (a cumbia's güira and rim on the "and", a samba's
    // tamborim) are the level's off-beat, not its double's 2 and 4: the term counts as far as the snare is there
    const backbeatTerm =
      backbeatRaw < 1 && snareOnce()
        ? 1 - (1 - backbeatRaw) * backbeatSnareWeight(snareOnce()!, beatSeconds())
        : backbeatRaw;
    const evenTonal =
      beatFrames.length && tonal ? evenness(tonal, beatFrames, halfWidth) : TEMPO_PARAMETERS.evenFloor.value;
    // drums alone (no tuned notes): the kick and snare must fall on every beat too, not only the hats
    const evenDrum = beatFrames.length && kickSnare && !tunedNotes ? drumEvenness(kickSnare, beatFrames, halfWidth) : 1;
    // drums alone: a regular snare on every other beat (the backbeat convention) is evidence for the level
    const snareBeat =
      beatFrames.length && !tunedNotes && snareOnce() ? snareBackbeat(snareOnce()!, beatSeconds(), 60 / bpm).factor : 1;
    // any file (tuned notes or not), only levels slower than twice the floor: the snare once every four beats of a
    // slow level (half-time: the backbeat's beat below the floor)
    const half =
      beatFrames.length && bpm / 2 < halfTimeFloor && snareOnce()
        ? snareHalfTime(snareOnce()!, beatSeconds(), bpm)
        : { factor: 1, weight: 0 };
    const snareHalf = half.factor;
    const c: Candidate = {
      bpm,
      comb,
      prior: priorOf,
      fit,
      ternary,
      bar,
      even: evenBeat,
      evenBeat,
      evenTonal,
      evenDrum: evenDrum ** (1 - half.weight),
      snareBeat,
      snareHalf,
      pulse,
      backbeat: backbeatTerm ** (1 - half.weight),
      ternaryCheck: 1,
      twoBeat: 1,
      barRepeat: 1,
      barTile: 1,
      halfTime: 1,
      fourThree: 1,
      sixEight: 1,
      dembow: 1,
      handed: 0,
      harmony: 1,
      harmonyRaw: harmOf(bpm, ternary),
      score: 0,
      beatFrames,
    };
    rescore(c);
    return c;
  };
  // the strongest comb peaks and their metrical relatives (octave, 3/2 and 2/3) compete
  const RELATIVES = [1, 2, 0.5, 1.5, 2 / 3];
  const seedCount = checkParameter('seedPeaks', TEMPO_PARAMETERS.seedPeaks);
  const seeds = ranked.slice(0, seedCount).map((i) => raw.bpm[i]!);
  const all: Candidate[] = [];
  for (const s of seeds)
    for (const f of RELATIVES) {
      const c = candidate(s * f);
      if (c && !all.includes(c)) all.push(c);
    }
  // without clear chord changes (drums alone, a drone) the pitch content is noise: harmony is left out and evenness
  // is read on the beat envelope instead of the tonal one
  const harmonyGate = checkParameter('harmonyMinEvidence', TEMPO_PARAMETERS.harmonyMinEvidence);
  harmonic = rHarm !== null && all.some((c) => c.harmonyRaw - harmFloor >= harmonyGate);
  const distinctRatio = checkParameter('distinctTempo', TEMPO_PARAMETERS.distinctTempo);
  // the ternary check (h-tempo8): a level at 3/2 of a ternary beat (triplet hats read as the binary subdivision of
  // a faster level) loses to that beat, which joins the candidates when it was not one
  const tatumRatio = checkParameter('ternaryTatumRatio', TEMPO_PARAMETERS.ternaryTatumRatio);
  const ternaryEven = checkParameter('ternaryEvenFull', TEMPO_PARAMETERS.ternaryEvenFull);
  const ternaryFloor = checkParameter('ternaryFloor', TEMPO_PARAMETERS.ternaryFloor);
  const ternaryBeatEven = checkParameter('ternaryBeatEven', TEMPO_PARAMETERS.ternaryBeatEven);
  const drumOrBeat = drum ?? beatEnv;
  const ternaryOf = (c: Candidate): { factor: number; beat?: Candidate } => {
    if (ternaryFloor >= 1 || c.beatFrames.length < 6) return { factor: 1 };
    const y = candidate((c.bpm * 2) / 3);
    if (!y || y.beatFrames.length < 4 || Math.abs(y.bpm / ((c.bpm * 2) / 3) - 1) > distinctRatio) return { factor: 1 };
    const lag = (60 * frameRate) / y.bpm;
    const third = at(rFull, lag / 3);
    // the envelope is more periodic at a third of y's beat than at half of it: y's tatum is ternary
    if (!(third > 0) || third < tatumRatio * Math.max(0, at(rFull, lag / 2))) return { factor: 1 };
    // y's beats carry the drums evenly two by two (kick and snare), c's do not three by three
    if (classEvenness(drumOrBeat, y.beatFrames, halfWidth, 2) < ternaryBeatEven) return { factor: 1 };
    const e3 = classEvenness(drumOrBeat, c.beatFrames, halfWidth, 3);
    return { factor: ternaryFloor + (1 - ternaryFloor) * Math.min(1, e3 / ternaryEven), beat: y };
  };
  /** Levels weighed down by a check, the level they misread, and the check's factor. */
  const handOvers: { from: Candidate; to: Candidate; factor: () => number }[] = [];
  for (const c of [...all]) {
    const t = ternaryOf(c);
    c.ternaryCheck = t.factor;
    if (t.factor < 1 && t.beat && !all.includes(t.beat)) all.push(t.beat);
    if (t.factor < 1 && t.beat) handOvers.push({ from: c, to: t.beat, factor: () => c.ternaryCheck });
  }
  // the two-beat check (h-tempo9): a level whose half-way position carries the hats and claps as strongly as its
  // beats, with the eighths of the level at twice its tempo filled too, is a two-beat pattern (kick on 1 and 3,
  // snare on 2 and 4) read as one beat: it is weighed down and its double joins the candidates
  const twoBeatFloor = checkParameter('twoBeatFloor', TEMPO_PARAMETERS.twoBeatFloor);
  // the bar-repeat evidence of a level (h-tempo12): its drum pattern repeats after 8 of its beats and not after 4
  const barRepeatFloor = checkParameter('barRepeatFloor', TEMPO_PARAMETERS.barRepeatFloor);
  const barLo = checkParameter('barRepeatLow', TEMPO_PARAMETERS.barRepeatLow);
  const barFull = checkParameter('barRepeatFull', TEMPO_PARAMETERS.barRepeatFull);
  const barMax = checkParameter('barRepeatMaxBeats', TEMPO_PARAMETERS.barRepeatMaxBeats);
  const barEvidence = (c: Candidate): number => {
    if (!bands || bands.length < 4 || barRepeatFloor >= 1 || c.beatFrames.length < 2 * BAR_REPEAT_BEATS + 2) return 0;
    if (!c.barRepeatDetail) {
      const r = barRepeat(bands, c.beatFrames, halfWidth, barMax);
      c.barRepeatDetail = {
        ...r,
        // a pattern that repeats after 5 to barRepeatMaxBeats beats as well as after 8 is the level's own odd bar
        // (h-tempo15: a 5/4 or 7/4 level, not twice a beat): no evidence
        evidence: r.sOdd !== undefined && r.sOdd >= r.s8 ? 0 : ramp(r.s8 - r.s4, barLo, barFull),
      };
    }
    return c.barRepeatDetail.evidence;
  };
  const top = input.flux && input.flux.groups >= 4 ? bands![3] : undefined;
  const tbKsFull = checkParameter('twoBeatKickSnareFull', TEMPO_PARAMETERS.twoBeatKickSnareFull);
  const tbSnare = checkParameter('twoBeatSnareWeight', TEMPO_PARAMETERS.twoBeatSnareWeight);
  const snareMin = checkParameter('snareBackbeatMin', TEMPO_PARAMETERS.snareBackbeatMin);
  if (top)
    for (const c of [...all]) {
      if (c.beatFrames.length < 4) continue;
      const d = candidate(2 * c.bpm);
      if (!d || Math.abs(d.bpm / (2 * c.bpm) - 1) > distinctRatio) continue;
      const e = twoBeatEvidence(top, c.beatFrames, halfWidth, bands![0]);
      // the double's own bar does not repeat (h-tempo12): the sixteenths at this level's quarters (or swung to the
      // triplet positions) are a subdivision of this level, not the eighths of a two-beat pattern at the double
      const doubleBar = barEvidence(d);
      // the kick and snare half-way (h-tempo32): a two-beat pattern read as one beat has its snare half-way between
      // the kicks; a slow groove at its own level (a ballad, boom-bap) has its kick and snare on the beats (the
      // backbeat on 2 and 4) and only hats half-way, which are its subdivision: the evidence counts as far as the
      // weaker of the two positions reaches twoBeatKickSnareFull of the stronger
      let ksHalf = 1;
      if (tbKsFull > 0 && kickSnare) {
        const [on, mid] = beatProfile(kickSnare, c.beatFrames, [0, 0.5], halfWidth) as [number, number];
        const strong = Math.max(on, mid);
        ksHalf = strong > 0 ? Math.min(1, Math.min(on, mid) / strong / tbKsFull) : 1;
      }
      // the snare on every other beat of this level (h-tempo33): a two-beat pattern read as one beat has its snare
      // half-way, once a beat; a ballad or boom-bap at its own level has it on 2 and 4 of its beats (snareBackbeat,
      // the side stick counted: snareStickWeight), with only hats and a sixteenth kick half-way. On any file (the
      // snare hits are read on songs too): the evidence is taken down by twoBeatSnareWeight × the backbeat's ramp
      let snareOn = 0;
      if (tbSnare > 0 && e.evidence > 0 && snareOnce()) {
        const sb = snareBackbeat(
          snareOnce()!,
          c.beatFrames.map((f) => f * hopSeconds),
          60 / c.bpm,
        );
        snareOn = tbSnare * ramp(sb.evidence, snareMin, 1);
      }
      c.twoBeat = 1 - (1 - twoBeatFloor) * e.evidence * ksHalf * (1 - doubleBar) * (1 - snareOn);
      c.twoBeatDetail = { ...e, doubleBar, kickSnareHalf: ksHalf, snareOnBeats: snareOn };
      if (c.twoBeat < 1 && !all.includes(d)) all.push(d);
      if (c.twoBeat < 1) handOvers.push({ from: c, to: d, factor: () => c.twoBeat });
    }
  // the bar-repeat check (h-tempo12): a level whose drum pattern repeats after 8 of its beats and not after 4 is
  // twice the beat (swung sixteenths read as swung eighths, a 3-3-2 kick read as eighths): it is weighed down and
  // its half joins the candidates
  for (const c of [...all]) {
    const e = barEvidence(c);
    if (!(e > 0)) continue;
    const h = candidate(c.bpm / 2);
    if (!h || Math.abs(h.bpm / (c.bpm / 2) - 1) > distinctRatio) continue;
    c.barRepeat = 1 - (1 - barRepeatFloor) * e;
    if (!all.includes(h)) all.push(h);
    handOvers.push({ from: c, to: h, factor: () => c.barRepeat });
  }
  // the bar-tile check (h-tempo18): a level must tile the bar. The bar is read on the level k = 2 or 3 times as fast
  // (its subdivision, the eighth of an x/8 meter): the shortest number m of that level's beats after which its drum
  // pattern repeats best (2 up to barTileMaxBeats); when k does not divide m (7/8 read at a half or a third of the
  // eighth: 3.5 or 2.33 beats a bar) the level is weighed down by as much as the repeat after m beats exceeds the
  // best repeat after fewer (full at barTileFull; h-tempo19: from 0, no lower threshold) and the faster level joins
  // the candidates. When k divides m the level tiles the bar, and (h-tempo19) is weighed down as far as its grid
  // misses the bar's groups of 2 and 3 (groupMiss: 9/8 as 3+2+2+2 at ⅓ of the eighth, 10/8 as 3+3+2+2 at ½)
  const tileFloor = checkParameter('barTileFloor', TEMPO_PARAMETERS.barTileFloor);
  const tileMax = checkParameter('barTileMaxBeats', TEMPO_PARAMETERS.barTileMaxBeats);
  const tileSlack = checkParameter('barTileSlack', TEMPO_PARAMETERS.barTileSlack);
  const tileFull = checkParameter('barTileFull', TEMPO_PARAMETERS.barTileFull);
  const groupFloor = checkParameter('barGroupFloor', TEMPO_PARAMETERS.barGroupFloor);
  const tileLags = Array.from({ length: Math.max(0, tileMax - 1) }, (_, i) => i + 2);
  const tileCache = new Map<Candidate, { m: number; excess: number } | null>();
  const tileBar = (f: Candidate) => {
    if (tileCache.has(f)) return tileCache.get(f)!;
    let out: { m: number; excess: number } | null = null;
    if (bands && bands.length >= 4 && f.beatFrames.length >= 2 * tileMax + 2) {
      const means = repeatMeans(bands, f.beatFrames, halfWidth, tileLags);
      let best = 0;
      for (let i = 1; i < tileLags.length; i++) if (means[i]! > means[best]!) best = i;
      // a bar and two bars repeat alike: the shortest whole divisor of m that repeats within barTileSlack of it
      for (let i = 0; i < best; i++)
        if (tileLags[best]! % tileLags[i]! === 0 && means[i]! >= means[best]! - tileSlack) {
          best = i;
          break;
        }
      // how much better the pattern repeats after m beats than after fewer (their mean), as a fraction of what it
      // could gain (1 − that mean): the shaker on every beat keeps every cosine near 1
      let shorter = 0;
      for (let i = 0; i < best; i++) shorter += means[i]! / best;
      out = { m: tileLags[best]!, excess: best > 0 ? (means[best]! - shorter) / Math.max(1e-9, 1 - shorter) : 0 };
    }
    tileCache.set(f, out);
    return out;
  };
  if (tileFloor < 1 || groupFloor < 1)
    for (const c of [...all]) {
      if (c.beatFrames.length < 4) continue;
      let factor = 1;
      let to: Candidate | undefined;
      for (const k of [2, 3]) {
        const f = candidate(k * c.bpm);
        if (!f || Math.abs(f.bpm / (k * c.bpm) - 1) > distinctRatio) continue;
        const bar = tileBar(f);
        if (!bar) continue;
        let e: number;
        let floor = tileFloor;
        if (bar.m % k !== 0) e = Math.max(0, Math.min(1, bar.excess / Math.max(1e-9, tileFull)));
        else if (groupFloor < 1 && !(k === 2 && bar.m === 2 * BAR_REPEAT_BEATS)) {
          // it tiles the bar: does it fall on the bar's groups (h-tempo19)? Not asked of a four-beat bar of eighths:
          // a 3+3+2 kick in 4/4 is syncopation by convention (the bar-repeat check reads it at the quarter)
          e = groupMiss(bands!, f.beatFrames, halfWidth, bar.m, k).evidence;
          floor = groupFloor;
        } else continue;
        const v = 1 - (1 - floor) * e;
        if (v < factor)
          ((factor = v), (to = f), (c.barTileDetail = { bpm: f.bpm, m: bar.m, evidence: e, groups: bar.m % k === 0 }));
      }
      c.barTile = factor;
      if (factor < 1 && to) {
        if (!all.includes(to)) all.push(to);
        handOvers.push({ from: c, to, factor: () => c.barTile });
      }
    }
  // the half-time check (h-tempo27): a level whose snare falls once every four of its beats is a half-time groove's
  // written quarter when its half is at the floor or faster; it is weighed down and its half joins the candidates
  if (checkParameter('halfTimeCheckFloor', TEMPO_PARAMETERS.halfTimeCheckFloor) < 1)
    for (const c of [...all]) {
      if (c.beatFrames.length < 8 || c.bpm / 2 < halfTimeFloor || !snareOnce()) continue;
      const e = halfTimeCheck(
        snareOnce()!,
        c.beatFrames.map((f) => f * hopSeconds),
        c.bpm,
      );
      // the half level (a beat tracking over the whole file when it is new) only where the check applies
      if (!(e.factor < 1)) continue;
      const h = candidate(c.bpm / 2);
      if (!h || Math.abs(h.bpm / (c.bpm / 2) - 1) > distinctRatio) continue;
      c.halfTime = e.factor;
      c.halfTimeEvidence = e.evidence;
      if (!all.includes(h)) all.push(h);
      handOvers.push({ from: c, to: h, factor: () => c.halfTime });
    }
  // the four-three check (h-tempo29): the beat level must divide the bar. A level at 4/3 of a four-beat level (three
  // sixteenths of a funk groove, the dotted eighth) meets that level's bar after 16/3 of its beats: when the envelope
  // repeats after 16/3 beats more than after the whole counts either side (5 and 6), the level does not tile the bar;
  // it is weighed down and the three-quarter level joins the candidates (the bar-tile check cannot see this: the
  // level's tatum, three times as fast, lies above maxBpm)
  const ftFloor = checkParameter('fourThreeFloor', TEMPO_PARAMETERS.fourThreeFloor);
  const ftFull = checkParameter('fourThreeFull', TEMPO_PARAMETERS.fourThreeFull);
  if (ftFloor < 1)
    for (const c of [...all]) {
      if (c.beatFrames.length < 4) continue;
      const lag = (60 * frameRate) / c.bpm;
      const bar = nearFull((16 / 3) * lag);
      const whole = Math.max(nearFull(5 * lag), nearFull(6 * lag));
      const e = bar > 0 ? Math.max(0, Math.min(1, (bar - whole) / bar / ftFull)) : 0;
      if (!(e > 0)) continue;
      // the three-quarter level (a beat tracking over the whole file when it is new) only where the check applies
      const y = candidate(0.75 * c.bpm);
      if (!y || Math.abs(y.bpm / (0.75 * c.bpm) - 1) > distinctRatio) continue;
      c.fourThree = 1 - (1 - ftFloor) * e;
      c.fourThreeEvidence = e;
      if (!all.includes(y)) all.push(y);
      handOvers.push({ from: c, to: y, factor: () => c.fourThree });
    }
  // the six-eight check (h-tempo30): a level at 3/2 of a compound beat (6/8 or 12/8 read as the quarters of 3/4,
  // two eighths a beat) meets the bar's second dotted quarter half-way between two of its beats. On the eighth grid
  // (its beats and their midpoints) the kick and snare, folded over six eighths, carry the bar's strongest eighth p
  // and p + 3 (the second dotted quarter, an off-beat of this level) more than p + 2 and p + 4 (this level's second
  // and third beats): the level is weighed down and the level at ⅔ of it (the dotted quarter) joins the candidates.
  // A bar of 4 or 8 of its eighths keeps its eighths' parity over the fold: p + 3 is an off-beat weaker than p + 2
  // and p + 4 or as strong as them (no evidence); only a bar of 3 (or 6) of its beats can give evidence. The same
  // is asked on the ⅔ level's eighths (its beats and the thirds between them), and the smaller evidence counts: the
  // ⅔ level's beats alone carry hits in any meter (its tracker bends them onto hits), this level's alone can slip
  const seFloor = checkParameter('sixEightFloor', TEMPO_PARAMETERS.sixEightFloor);
  const seFull = checkParameter('sixEightFull', TEMPO_PARAMETERS.sixEightFull);
  const seEnv = kickSnare ?? drum;
  /**
   * The evidence on an eighth grid, folded over six: the strength on p + 3 (the bar's second dotted quarter) over the
   * stronger of p + 2 and p + 4 (this level's other beats), as a fraction of the strongest eighth p (the downbeat).
   */
  const sixEightFold = (eighths: number[]) => {
    const s = strengthByClass(seEnv!, eighths, halfWidth, 6);
    let p = 0;
    for (let j = 1; j < 6; j++) if (s[j]! > s[p]!) p = j;
    const e = s[p]! > 0 ? ramp((s[(p + 3) % 6]! - Math.max(s[(p + 2) % 6]!, s[(p + 4) % 6]!)) / s[p]!, 0, seFull) : 0;
    return { e, p };
  };
  const sixEightOf = (eighths: number[]) => sixEightFold(eighths).e;
  // the slow compound level (h-tempo32): a dotted quarter below minBpm (12/8 and 6/8 at 36–49 BPM) is no comb peak
  // of the grid, so the six-eight check had no ⅔ level to hand the score to. It joins here, only as the ⅔ level of a
  // level the check weighs down: its beats every third eighth of that level from the fold's strongest eighth (no beat
  // tracking), its comb evidence read on the same autocorrelation at its own lags (computed on first use)
  const scMin = checkParameter('slowCompoundMinBpm', TEMPO_PARAMETERS.slowCompoundMinBpm);
  const minBpm = checkParameter('minBpm', TEMPO_PARAMETERS.minBpm);
  let slowR: LazyAutocorrelation | undefined;
  /** The envelope's autocorrelation at a lag: rFull's, and past its last lag the same sums computed on first use. */
  const slowAt = (l: number) => {
    if (Math.floor(l) + 1 < rFull.length) return at(rFull, l);
    slowR ??= new LazyAutocorrelation(
      Float64Array.from(periodicEnv),
      Math.ceil((combWeights.length * 60 * frameRate) / (scMin * (1 - window))) + 2,
    );
    return slowR.at(l);
  };
  const slowLevel = (target: number, eighths: number[], p: number): Candidate | undefined => {
    if (target < scMin * (1 - window) || target >= minBpm) return undefined;
    let bpm = target;
    let comb = -Infinity;
    for (let b = target * (1 - window); b <= target * (1 + window); b += gridBpm) {
      const lag = (60 * frameRate) / b;
      let v = 0;
      for (let k = 0; k < combWeights.length; k++) v += combWeights[k]! * slowAt((k + 1) * lag);
      if (v > comb) ((comb = v), (bpm = b));
    }
    if (!(comb > 0)) return undefined;
    const beatFrames: number[] = [];
    for (let j = p % 3; j < eighths.length; j += 3) beatFrames.push(eighths[j]!);
    const near = (l: number) => Math.max(slowAt(l * (1 - barTol)), slowAt(l), slowAt(l * (1 + barTol)));
    return level(bpm, comb, tempoPrior(bpm, options), beatFrames, barOf(bpm, near));
  };
  if (seFloor < 1 && seEnv)
    for (const c of [...all]) {
      if (c.beatFrames.length < 12) continue;
      // this level's eighths: its beats and their midpoints
      const mids = halfShifted(c.beatFrames);
      const eighths = c.beatFrames.flatMap((b, i) => [b, mids[i]!]);
      const fold = sixEightFold(eighths);
      const ec = fold.e;
      if (!(ec > 0)) continue;
      // the ⅔ level only when it is a candidate already (no beat tracking over the whole file here), or below
      // minBpm the slow compound level
      let y = all.find((x) => Math.abs(x.bpm / ((2 / 3) * c.bpm) - 1) <= distinctRatio);
      if (!y && scMin < minBpm) {
        y = slowLevel((2 / 3) * c.bpm, eighths, fold.p);
        if (y) ((y.slowFrom = c.bpm), all.push(y));
      }
      if (!y || y.beatFrames.length < 8) continue;
      // the dotted-quarter level's eighths: its beats and the thirds between them
      const ey = sixEightOf(
        y.beatFrames.slice(0, -1).flatMap((b, i) => {
          const d = y.beatFrames[i + 1]! - b;
          return [b, Math.round(b + d / 3), Math.round(b + (2 * d) / 3)];
        }),
      );
      const e = Math.min(ec, ey);
      if (!(e > 0)) continue;
      c.sixEight = 1 - (1 - seFloor) * e;
      c.sixEightEvidence = e;
      handOvers.push({ from: c, to: y, factor: () => c.sixEight });
    }
  // the dembow check (h-tempo31): a 3-3-2 (dembow, tresillo) puts hits on the third and sixth sixteenths of two
  // beats; read at the double, the third sixteenth is an off-beat of the fast level. On the fast level's eighths
  // (its beats and midpoints) folded over eight (two beats of its half), the kick and snare on the strongest
  // off-beat o over the beat before it (o − 1), as a fraction of the strongest eighth: a level at or above
  // dembowMinBpm is weighed down and its half (when it is a candidate already) is handed the score taken. A true
  // fast beat's off-beat kick follows a snare or kick on the beat before it (no evidence)
  const dbFloor = checkParameter('dembowFloor', TEMPO_PARAMETERS.dembowFloor);
  const dbFull = checkParameter('dembowFull', TEMPO_PARAMETERS.dembowFull);
  const dbMin = checkParameter('dembowMinBpm', TEMPO_PARAMETERS.dembowMinBpm);
  const vetoFull = checkParameter('dembowVetoFull', TEMPO_PARAMETERS.dembowVetoFull);
  const vetoOrder = checkParameter('dembowVetoOrder', TEMPO_PARAMETERS.dembowVetoOrder);
  const dbRepeatFrom = checkParameter('dembowRepeatFrom', TEMPO_PARAMETERS.dembowRepeatFrom);
  const vetoes: { fast: Candidate; half: Candidate; backbeat: number; kick: number }[] = [];
  const dembowBeats = new Map<Candidate, number[]>();
  if (dbFloor < 1 && seEnv)
    for (const c of [...all]) {
      if (c.bpm < dbMin || c.beatFrames.length < 16) continue;
      const mids = halfShifted(c.beatFrames);
      const eighths = c.beatFrames.flatMap((b, i) => [b, mids[i]!]);
      const s = strengthByClass(seEnv, eighths, halfWidth, 8);
      let o = 1;
      for (let j = 3; j < 8; j += 2) if (s[j]! > s[o]!) o = j;
      const top = Math.max(...s);
      // the off-beat's repeat (h-tempo43): a 3-3-2 is a figure over two beats of the half level, struck on one
      // off-beat of the fold; an off-beat struck on every beat of the half level (four eighths later too: a skank's,
      // a thrash beat's or a ska-punk snare on every off eighth) is this level's "and", evenly spaced, no syncopation
      // of a slower level: its evidence is taken away from dembowRepeatFrom up to a repeat of 1
      const repeat = s[o]! > 0 ? s[(o + 4) % 8]! / s[o]! : 0;
      const kept = dbRepeatFrom < 1 ? 1 - ramp(repeat, dbRepeatFrom, 1) : 1;
      const e = top > 0 ? ramp((s[o]! - s[o - 1]!) / top, 0, dbFull) * kept : 0;
      if (!(e > 0)) continue;
      const h = all.find((x) => Math.abs(x.bpm / (c.bpm / 2) - 1) <= distinctRatio);
      if (!h || h.beatFrames.length < 8) continue;
      c.dembow = 1 - (1 - dbFloor) * e;
      c.dembowEvidence = e;
      c.dembowRepeat = repeat;
      handOvers.push({ from: c, to: h, factor: () => c.dembow });
      // the fast level's own backbeat (h-tempo38, after h-tempo37's veto): a fast groove with a syncopated kick (the
      // drum'n'bass two-step: the kick on 1 and the "and" of 3, the snare on 2 and 4) strikes two of this level's
      // beats four eighths apart (the fold's eighths r and r + 4, r = 0 or 2: the pair whose weaker eighth is the
      // stronger; backbeat = that eighth over the strongest) with snares, not kicks. A dembow strikes its kick pair
      // or no pair (kicked on 1 and 3 only, its snare on the 3-3-2's off-beats): no veto. The veto does not take the
      // evidence down (that let a third, ⅔ level win between the two: h-tempo37 on tempo29): it orders the pair
      if (vetoFull > 0 && bands) {
        const low = strengthByClass(bands[0]!, eighths, halfWidth, 8);
        const high = strengthByClass(bands[2]!, eighths, halfWidth, 8);
        const r = Math.min(s[0]!, s[4]!) >= Math.min(s[2]!, s[6]!) ? 0 : 2;
        const backbeat = top > 0 ? Math.min(s[r]!, s[r + 4]!) / top : 0;
        // the kick ratio: the pair's more kick-like eighth (low over 2–8 kHz) over the other pair's struck eighth (the
        // stronger of its two): a two-step's snare pair against its lone kick (< 1), a dembow's kick pair against its
        // lone snare (> 1), a tresillo's kick-and-clap pair against a kick (about 1)
        const q = s[2 - r]! >= s[6 - r]! ? 2 - r : 6 - r;
        const share = (j: number) => low[j]! / Math.max(1e-12, high[j]!);
        const pairShare = Math.max(share(r), share(r + 4));
        const otherShare = share(q);
        const kick = otherShare > 0 ? pairShare / otherShare : 1;
        const veto = ramp(backbeat, 0, vetoFull) * (1 - ramp(kick, vetoFull, 1));
        if (veto >= vetoOrder) vetoes.push({ fast: c, half: h, backbeat, kick });
      }
      // the half level's beats: every other beat of this level, the parity with the stronger kick (the low group).
      // Its own tracker may follow the 3-3-2's off-beat snare and hats, which the beat phase then keeps
      if (bands) {
        const low = strengthByClass(bands[0]!, c.beatFrames, halfWidth, 2);
        const parity = low[1]! > low[0]! ? 1 : 0;
        dembowBeats.set(
          h,
          c.beatFrames.filter((_, i) => i % 2 === parity),
        );
      }
    }
  for (const c of all) rescore(c);
  // a level weighed down as a misreading of another hands that one the score the check took from it (h-tempo11): the
  // two readings share the weighed-down level's evidence, so a third level it was beating does not win in between
  const handOver = checkParameter('levelHandOver', TEMPO_PARAMETERS.levelHandOver);
  if (handOver > 0) {
    for (const h of handOvers) {
      const before = own(h.from) / Math.max(1e-12, h.factor());
      const v = handOver * before * (1 - h.factor());
      if (v > h.to.handed) ((h.to.handed = v), (h.to.handedFrom = h.from.bpm));
    }
    for (const c of all) rescore(c);
  }
  // the pair order (h-tempo38): when a vetoed dembow check decided the pair (the fast level's own terms without the
  // check at least the half's own), the two levels swap their scores: the fast level takes the higher, the half the
  // lower; no third level moves, so the reading stays the fast level or its half (never a ⅔ level between them)
  for (const v of vetoes)
    if (v.half.score > v.fast.score && own(v.fast) / v.fast.dembow >= own(v.half)) {
      [v.fast.score, v.half.score] = [v.half.score, v.fast.score];
      v.fast.dembowVeto = { from: v.half.bpm, backbeat: v.backbeat, kick: v.kick };
      v.half.orderedBelow = v.fast.bpm;
    }
  all.sort((x, y) => y.score - x.score);
  // each level's beat profile (h-tempo59, level-model.ts levelProfile) and two-feel numbers (h-tempo65,
  // levelTwoFeel), for the dump and a level model that reads them (lr56 reads neither: then the snare hits are not
  // found for it; lr65 only the two-feel numbers, from the flux bands and the onsets)
  const modelOn = checkParameter('levelModel', TEMPO_PARAMETERS.levelModel) > 0;
  const modelRound = checkParameter('levelModelPreset', TEMPO_PARAMETERS.levelModelPreset);
  const reads = modelOn
    ? levelModelReads(modelRound)
    : { profile: false, twoFeel: false, swing: false, fold: false, wide: false };
  // the snare hits on the envelope's frames (each frame the strongest hit on it), for the profiles and the fold
  let snareSeries: Float64Array | null | undefined;
  const snareSeriesOnce = () => {
    if (snareSeries !== undefined) return snareSeries;
    const hits = input.bandEnergy ? snareOnce() : null;
    snareSeries = hits ? new Float64Array(odf.length) : null;
    if (hits && snareSeries)
      hits.times.forEach((t, i) => {
        const f = Math.round(t / hopSeconds);
        if (f >= 0 && f < odf.length) snareSeries![f] = Math.max(snareSeries![f]!, hits.strength[i]!);
      });
    return snareSeries;
  };
  if (reads.profile || options.onCandidates) {
    const chords = tuned ? harmonicNovelty(input.chroma, odf.length, windowFrames(Infinity)) : null;
    const signals = { low: bands?.[0], mid: bands?.[1], high: bands?.[2], snare: snareSeriesOnce(), chords };
    for (const c of all) c.profile = levelProfile(signals, c.beatFrames, halfWidth);
  }
  if (reads.twoFeel || options.onCandidates) {
    const onsetRate = input.onsetTimes ? input.onsetTimes.length / (odf.length * hopSeconds) : null;
    const signals = { low: bands?.[0], high: bands?.[2] };
    for (const c of all) c.twoFeel = levelTwoFeel(signals, c.beatFrames, halfWidth, onsetRate, c.bpm);
  }
  // h-tempo71: each level's swing (levelSwing), for the dump and a model that reads it
  if (reads.swing || options.onCandidates)
    for (const c of all) c.swing = levelSwing(bands?.[2], c.beatFrames, halfWidth);
  // h-tempo73: each level's backbeat fold (levelBackbeatFold: the snare on beat 2 of a two-beat cycle)
  if (reads.fold || options.onCandidates) {
    const windowBeats = checkParameter('levelFoldWindowBeats', TEMPO_PARAMETERS.levelFoldWindowBeats);
    const kickHz = checkParameter('levelFoldKickHz', TEMPO_PARAMETERS.levelFoldKickHz);
    const snareHz = checkParameter('levelFoldSnareHz', TEMPO_PARAMETERS.levelFoldSnareHz);
    const signals = {
      low: bands?.[0],
      mid: bands?.[1],
      high: bands?.[2],
      kick: bandRise(input.bandEnergy, odf.length, hopSeconds, 0, kickHz),
      snare: bandRise(input.bandEnergy, odf.length, hopSeconds, kickHz, snareHz),
    };
    for (const c of all) c.fold = levelBackbeatFold(signals, c.beatFrames, windowBeats);
  }
  // h-tempo92: each level's wide snare reading and four-beat fold (levelWide), for the dump and a model reading them
  if (reads.wide || options.onCandidates) {
    const wide = wideOnce();
    const strict = input.bandEnergy ? snareOnce() : null;
    const rise = snareRiseOnce();
    for (const c of all)
      c.wide = levelWide(wide?.times ?? null, strict?.times ?? null, rise, c.beatFrames, hopSeconds, halfWidth);
  }
  options.onCandidates?.(all);
  const best = all[0]!;
  if (!(best.score > 0)) return { tempo: noTempo('the onset envelope has no periodicity in the tempo range') };
  const bestBpm = best.bpm;
  const distinct = all.find((c) => Math.abs(c.bpm / bestBpm - 1) > distinctRatio);
  const confidence = distinct === undefined ? 1 : (best.score - distinct.score) / best.score;

  const dbl = all.find((c) => Math.abs(c.bpm / (2 * best.bpm) - 1) <= distinctRatio);
  const period = (60 * frameRate) / bestBpm;
  // a half level the dembow check handed its score to, winning on it: the check's beats, their phase from the kick
  const fromDembow = best.handed >= own(best) ? dembowBeats.get(best) : undefined;
  let beatFrames = fromDembow ?? best.beatFrames;
  // the beat phase (h-tempo8): the tracker follows the whole envelope, chords on the "and"s included; the kick and
  // snare decide between its beats and half a period away
  const phase = drum && beatFrames.length >= 2 && !fromDembow ? beatPhase(drum, beatFrames, halfWidth) : undefined;
  if (phase?.shift) beatFrames = halfShifted(beatFrames);
  // h-tempo81: then a quarter or a triplet eighth of a beat, when the kick and snare sit there
  const quarter =
    drum && beatFrames.length >= 2 && !fromDembow ? beatQuarterPhase(drum, beatFrames, halfWidth) : undefined;
  if (quarter?.fraction) beatFrames = fractionShifted(beatFrames, quarter.fraction);
  // trim beats in the silence before the first and after the last onset
  const first = peaks[0]! - period / 2;
  const last = peaks[peaks.length - 1]! + period / 2;
  beatFrames = beatFrames.filter((b) => b >= first && b <= last);
  let beats = beatFrames.map((f) => f * hopSeconds);
  const onsets = input.onsetTimes ?? [];
  beats = snappedBeats(beats, onsets, period * hopSeconds);
  let bpm = bestBpm;
  if (beats.length >= checkParameter('minBeatsForSlope', TEMPO_PARAMETERS.minBeatsForSlope)) {
    const slope = fitSlope(beats);
    if (slope > 0 && Math.abs(60 / slope / bestBpm - 1) < distinctRatio) bpm = 60 / slope;
  }
  const downbeats = pickDownbeats(beatFrames, input);
  const alternatives: TempoCandidate[] = [];
  for (const f of [0.5, 2, 2 / 3, 1.5]) {
    const c = candidate(bestBpm * f);
    if (!c) continue;
    alternatives.push({
      bpm: Math.round(bpm * f * 100) / 100,
      confidence: Math.round(Math.min(1, c.score / best.score) * 1000) / 1000,
    });
  }
  alternatives.sort((a, b) => b.confidence - a.confidence);
  // the metrical-level convention (h-tempo7): when the level at twice the chosen tempo lost on evenness (every other
  // one of its beats carries only hats), the hits are those of a slow groove with sixteenth hats and equally of a
  // half-time groove (trap) written at the fast tempo; shub reports the slow reading and says so
  const double = all.find((c) => Math.abs(c.bpm / (2 * bestBpm) - 1) <= distinctRatio);
  const convention =
    double && double.even < 1
      ? `slow reading by convention: at ${fmt(double.bpm)} BPM every other beat carries only the faster notes ` +
        `(evenness ${fmt(double.even)}), the same hits as a half-time groove written at ${fmt(double.bpm)} BPM ` +
        `(trap); the slower level is reported`
      : undefined;
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  const tempo: Tempo = {
    bpm: Math.round(bpm * 100) / 100,
    confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000,
    beats: beats.map(r4),
    downbeats: downbeats.map((i) => r4(beats[i]!)),
    alternatives: alternatives.slice(0, 3),
  };
  // the learned octave move (h-tlearn53's model, level-model.ts; h-tlevel55): from the hand combination's level to
  // its double or its half, the beats' midpoints added or every other beat kept (not re-tracked: as judged)
  const modelMove = modelOn
    ? levelMove(
        levelModel(modelRound),
        all.map((c) => levelRow(c, levelPresence(input))),
        checkParameter('levelModelMargin', TEMPO_PARAMETERS.levelModelMargin),
      )
    : undefined;
  const handBpm = tempo.bpm!;
  // a level moved by `move` (2: the beats' midpoints added; 0.5: every other beat kept), the level it left the first
  // alternative
  const moveLevel = (move: 2 | 0.5, confidence: number, leftConfidence: number, keep = tempo.downbeats[0]) => {
    const fromBpm = tempo.bpm!;
    const moved = movedBeats(tempo.beats, keep, move).map(r4);
    const kept = new Set(moved);
    tempo.bpm = Math.round(fromBpm * move * 100) / 100;
    tempo.confidence = confidence;
    tempo.beats = moved;
    tempo.downbeats = tempo.downbeats.filter((t) => kept.has(t));
    tempo.alternatives = [
      { bpm: fromBpm, confidence: leftConfidence },
      ...tempo.alternatives.filter((a) => Math.abs(a.bpm / tempo.bpm! - 1) > distinctRatio),
    ].slice(0, 3);
  };
  if (modelMove && modelMove.move !== 1) {
    const p = modelMove.move === 2 ? modelMove.pUp! : modelMove.pDown!;
    moveLevel(modelMove.move, Math.round(p * 1000) / 1000, Math.round((1 - p) * 1000) / 1000);
  }
  // h-tempo89: the blind half-time (blindHalfTime): a level whose backbeat the snare detector does not read, with one
  // accent every four beats in the band energies' snare group, halved as the model halves (every other beat kept)
  const blind =
    input.bandEnergy && modelMove?.move !== 0.5 && TEMPO_PARAMETERS.blindHalfTimeAccent.value < 2
      ? blindHalfTime(
          snareOnce()?.times ?? null,
          snareRiseOnce(),
          tempo.beats.map((t) => t / hopSeconds),
          tempo.bpm!,
          halfWidth,
        )
      : null;
  if (blind?.halve) moveLevel(0.5, tempo.confidence, tempo.confidence);
  // h-tempo96: the wide half-time (wideHalfTime): one clap, snap, rim or cross-stick stroke every four beats (the
  // wide snare reading), halved keeping the stroke's beats (it is on 2 and 4 of the half)
  const wideHalf =
    input.bandEnergy &&
    modelMove?.move !== 0.5 &&
    !blind?.halve &&
    TEMPO_PARAMETERS.wideHalfTimeAccent.value < 2 &&
    tempo.bpm! >= TEMPO_PARAMETERS.wideHalfTimeMinBpm.value
      ? wideHalfTime(wideOnce()?.times ?? null, snareOnce()?.times ?? [], tempo.beats, tempo.bpm!)
      : null;
  if (wideHalf?.halve) moveLevel(0.5, tempo.confidence, tempo.confidence, tempo.beats[wideHalf.parity]);
  // h-tempo97: the band half-time (bandHalfTime): one accent every four beats in the snare group's onset rise, read
  // per bar without detecting strokes (a soft clap or cross-stick), halved keeping the accent's beats
  const bandHalf =
    input.bandEnergy &&
    modelMove?.move !== 0.5 &&
    !blind?.halve &&
    !wideHalf?.halve &&
    TEMPO_PARAMETERS.bandHalfTimeAccent.value < 2 &&
    tempo.bpm! >= TEMPO_PARAMETERS.bandHalfTimeMinBpm.value
      ? bandHalfTime(
          snareOnce()?.times ?? null,
          snareRiseOnce(),
          tempo.beats.map((t) => t / hopSeconds),
          tempo.bpm!,
          halfWidth,
        )
      : null;
  if (bandHalf?.halve) moveLevel(0.5, tempo.confidence, tempo.confidence, tempo.beats[bandHalf.parity]);
  // h-tlevel99: the fast groove's up-move: a level the half-time readings left (the model's own, or one it moved up
  // to: a quarter-level two-beat goes ×2 then ×2, 6 files on tempo35–61, all read right), whose double the model
  // leans to (P above fastUpProbability, under its margin) and whose snare the wide reading hears on every beat
  // (fastUpSnareRate or more per beat: a two-beat's snare on 2 and 4 of the double) is doubled, midpoints added
  let fastUp: { p: number; rate: number; up: boolean } | null = null;
  if (
    modelMove &&
    !modelMove.abstained &&
    modelMove.move !== 0.5 &&
    input.bandEnergy &&
    !blind?.halve &&
    !wideHalf?.halve &&
    !bandHalf?.halve &&
    TEMPO_PARAMETERS.fastUpProbability.value < 1
  ) {
    const at = all.find((c) => Math.abs(c.bpm / tempo.bpm! - 1) <= distinctRatio);
    const up = at && all.find((c) => isDouble(at, c));
    if (at && up) {
      const presence = levelPresence(input);
      const p = levelProbability(levelModel(modelRound), levelRow(at, presence), levelRow(up, presence));
      fastUp = fastUpMove(p, wideOnce()?.times ?? null, at.beatFrames.length);
      if (fastUp?.up) moveLevel(2, Math.round(p * 1000) / 1000, Math.round((1 - p) * 1000) / 1000);
    }
  }
  const halved = modelMove?.move === 0.5 || !!blind?.halve || !!wideHalf?.halve || !!bandHalf?.halve;
  // the phase readings at the reported level (levelPhase, windowPhase) on its beats as they are when read (frames);
  // the half not read when the model halved the level
  const atLevel = <T>(
    read: (kickSnare: Float64Array, low: Float64Array, beats: number[], halfWidth: number, halves: boolean) => T,
  ): T | undefined =>
    kickSnare && bands && tempo.beats.length >= 2
      ? read(
          kickSnare,
          bands[0]!,
          tempo.beats.map((t) => t / hopSeconds),
          halfWidth,
          !halved,
        )
      : undefined;
  // moved beats (s) reported, the downbeats picked again on them
  const setBeats = (beats: number[]) => {
    tempo.beats = beats.map(r4);
    const frames = tempo.beats.map((t) => Math.round(t / hopSeconds));
    tempo.downbeats = pickDownbeats(frames, input).map((i) => tempo.beats[i]!);
  };
  // h-tempo83: the phase at the reported level (levelPhase): the beats move the fraction (snapped to the onsets as
  // the hand's are)
  const moveBy = (fraction: number) =>
    setBeats(
      snappedBeats(
        fractionShifted(
          tempo.beats.map((t) => t / hopSeconds),
          fraction,
        ).map((f) => f * hopSeconds),
        onsets,
        60 / tempo.bpm!,
      ),
    );
  const phased = atLevel(levelPhase);
  if (phased?.fraction) moveBy(phased.fraction);
  // h-tempo86: the backbeat phase (backbeatPhase): half a beat when the snare hits fall half-way, on every other beat
  const backbeatRead =
    input.bandEnergy && !halved && TEMPO_PARAMETERS.backbeatPhaseRatio.value < 10
      ? backbeatPhase(snareOnce()?.times ?? [], tempo.beats)
      : undefined;
  if (backbeatRead?.shift) moveBy(0.5);
  // h-tempo84: the windowed phase (windowPhase): the same reading per window along the file; a moved window's beats
  // snapped to the onsets as the hand's are
  const windowed = atLevel(windowPhase);
  if (windowed?.moved.some((f) => f)) {
    const period = 60 / tempo.bpm!;
    const was = new Set(tempo.beats);
    const seconds = windowed.beats.map((f) => f * hopSeconds);
    // only the moved beats are snapped (the kept ones are the reported beats, already snapped)
    const movedIdx = seconds.flatMap((t, i) => (was.has(r4(t)) ? [] : [i]));
    const snapped = snappedBeats(
      movedIdx.map((i) => seconds[i]!),
      onsets,
      period,
    );
    movedIdx.forEach((i, k) => (seconds[i] = snapped[k]!));
    setBeats(seconds);
  }
  const modelLog = modelMove?.abstained
    ? `learned level model: not read (onset envelopes only, no chroma and no band energy): the ${fmt(handBpm)} ` +
      'BPM level stays'
    : modelMove
      ? `learned level model (presets/${levelModelPresetName(modelRound)}.json, ` +
        `margin ${TEMPO_PARAMETERS.levelModelMargin.value}): ` +
        `P(double right) ${modelMove.pUp === undefined ? 'no double candidate' : fmt(modelMove.pUp)}, ` +
        `P(half right) ${modelMove.pDown === undefined ? 'no half candidate' : fmt(modelMove.pDown)}` +
        (modelMove.move === 1
          ? `: the ${fmt(handBpm)} BPM level stays`
          : `: moved from ${fmt(handBpm)} BPM (the hand combination's level) to ${fmt(tempo.bpm!)} BPM ` +
            `(× ${modelMove.move === 2 ? 2 : '½'})`)
      : undefined;
  const terms = (c: Candidate) =>
    (c.slowFrom !== undefined
      ? `slow compound level (below minBpm ${fmt(minBpm)}: every third eighth of the ${fmt(c.slowFrom)} BPM ` +
        `level) `
      : '') +
    `periodicity ${fmt(c.comb)} × prior ${fmt(c.prior)} × ` +
    `subdivision ${fmt(c.fit)}${c.ternary ? ' (ternary)' : ''} × bar ${fmt(c.bar)} × ` +
    `evenness ${fmt(c.even)}${!harmonic && c.evenDrum < 1 ? ` (kick and snare ${fmt(c.evenDrum)})` : ''}` +
    `${!harmonic && c.snareBeat > 1 ? ` (snare backbeat ${fmt(c.snareBeat)})` : ''}` +
    `${!harmonic && c.snareHalf > 1 ? ` (half-time snare ${fmt(c.snareHalf)})` : ''} × ` +
    `harmony ${fmt(c.harmony)} × tonal pulse ${fmt(c.pulse)} × ` +
    `backbeat ${fmt(c.backbeat)}${c.ternaryCheck < 1 ? ` × ternary check ${fmt(c.ternaryCheck)}` : ''}` +
    `${
      c.twoBeat < 1 && c.twoBeatDetail
        ? ` × two-beat check ${fmt(c.twoBeat)} (top band half-way / beats ${fmt(c.twoBeatDetail.half)}` +
          `, kick on both ${fmt(c.twoBeatDetail.kick)}, ` +
          `at the ${c.twoBeatDetail.swung ? 'triplet-swung ' : ''}quarters ${fmt(c.twoBeatDetail.sub)}` +
          (c.twoBeatDetail.doubleBar > 0
            ? `, × 1 − the double's bar-repeat evidence ${fmt(c.twoBeatDetail.doubleBar)}`
            : '') +
          (c.twoBeatDetail.kickSnareHalf < 1
            ? `, × the kick and snare half-way ${fmt(c.twoBeatDetail.kickSnareHalf)}`
            : '') +
          (c.twoBeatDetail.snareOnBeats > 0
            ? `, × 1 − the snare on every other beat ${fmt(c.twoBeatDetail.snareOnBeats)}`
            : '') +
          ')'
        : ''
    }${
      c.barRepeat < 1 && c.barRepeatDetail
        ? ` × bar-repeat check ${fmt(c.barRepeat)} (drum pattern 8 beats on ${fmt(c.barRepeatDetail.s8)}, 4 beats ` +
          `on ${fmt(c.barRepeatDetail.s4)})`
        : ''
    }${
      c.barTile < 1 && c.barTileDetail
        ? ` × bar-tile check ${fmt(c.barTile)} (the ${fmt(c.barTileDetail.bpm)} BPM level's bar of ` +
          `${c.barTileDetail.m} beats ${
            c.barTileDetail.groups ? 'grouped in 2s and 3s off this grid' : 'not a whole number of these'
          }: evidence ${fmt(c.barTileDetail.evidence)})`
        : ''
    }${
      c.halfTime < 1
        ? ` × half-time check ${fmt(c.halfTime)} (the snare once every four beats, one of the four: evidence ` +
          `${fmt(c.halfTimeEvidence ?? 0)}; the beat is half of this)`
        : ''
    }${
      c.fourThree < 1
        ? ` × four-three check ${fmt(c.fourThree)} (the ${fmt(0.75 * c.bpm)} BPM level's four-beat bar, ` +
          `16/3 of these beats, repeats more than 5 or 6 of them: evidence ${fmt(c.fourThreeEvidence ?? 0)})`
        : ''
    }${
      c.sixEight < 1
        ? ` × six-eight check ${fmt(c.sixEight)} (the kick and snare on the eighths, folded over six, fall half-way ` +
          `between two of these beats, the ${fmt((2 / 3) * c.bpm)} BPM level's second beat: evidence ` +
          `${fmt(c.sixEightEvidence ?? 0)})`
        : ''
    }${
      c.dembow < 1
        ? ` × dembow check ${fmt(c.dembow)} (the kick and snare on the eighths, folded over eight, fall on an ` +
          `off-beat more than on the beat before it, a sixteenth of the ${fmt(c.bpm / 2)} BPM level: evidence ` +
          `${fmt(c.dembowEvidence ?? 0)}, the off-beat's repeat ${fmt(c.dembowRepeat ?? 0)})`
        : ''
    }${
      c.handedFrom !== undefined && c.handed >= c.score
        ? `, at least ${fmt(c.handed)} handed over by ${fmt(c.handedFrom)} BPM`
        : ''
    }${
      c.dembowVeto
        ? `, the pair order: this level's own backbeat ${fmt(c.dembowVeto.backbeat)} with ` +
          `${fmt(c.dembowVeto.kick)} of the kick of its other beats on it vetoes the dembow check, and this level ` +
          `takes the ${fmt(c.dembowVeto.from)} BPM level's score`
        : c.orderedBelow !== undefined
          ? `, at most ${fmt(c.score)} (the pair order: the ${fmt(c.orderedBelow)} BPM level took its score)`
          : ''
    } = ` +
    `${fmt(c.score)}`;
  const decision: TempoDecision = {
    engine: 'analyze.tempo',
    decision: 'metricalLevel',
    value: tempo.bpm!,
    unit: 'BPM',
    reason:
      `beat level ${fmt(bestBpm)} BPM: ${terms(best)}, the highest of ${all.length} candidate levels` +
      (modelMove && modelMove.move !== 1 ? `; ${modelLog}` : ''),
    inputs: {
      seeds: seeds.map(fmt),
      periodicityEnvelope: kickSnareOnly ? 'kick and snare' : onBeatEnvelope ? 'full band + low band' : 'full band',
      periodicitySigma: Math.round(periodicitySigma * 10) / 10,
      ...(beatGate ? { beatGate } : {}),
      chordChanges: harmonic,
      ...(tuning !== undefined ? { tuningConcentration: Math.round(tuning * 1000) / 1000 } : {}),
      priorCenterBpm: TEMPO_PARAMETERS.priorCenterBpm.value,
      priorOctaves: TEMPO_PARAMETERS.priorOctaves.value,
      levelHandOver: TEMPO_PARAMETERS.levelHandOver.value,
      twoBeatKickLow: TEMPO_PARAMETERS.twoBeatKickLow.value,
      twoBeatKickFull: TEMPO_PARAMETERS.twoBeatKickFull.value,
      barRepeatLow: TEMPO_PARAMETERS.barRepeatLow.value,
      barRepeatFull: TEMPO_PARAMETERS.barRepeatFull.value,
      barRepeatFloor: TEMPO_PARAMETERS.barRepeatFloor.value,
      ...(best.barRepeatDetail
        ? {
            barRepeatCheck:
              `drum pattern 8 beats on ${fmt(best.barRepeatDetail.s8)}, 4 beats on ` +
              `${fmt(best.barRepeatDetail.s4)}: factor ${fmt(best.barRepeat)}` +
              (() => {
                const half = all.find((c) => Math.abs(c.bpm / (best.bpm / 2) - 1) <= distinctRatio);
                return half ? `; the half level scores ${fmt(half.score / best.score)} of this one` : '';
              })(),
          }
        : {}),
      ...(best.handedFrom !== undefined && best.handed >= best.score
        ? {
            handedOver:
              `${fmt(best.handedFrom)} BPM, weighed down as a misreading of this level, handed it ` +
              `${fmt(best.handed)} (its own terms: ${fmt(own(best))})`,
          }
        : {}),
      ...(convention ? { levelConvention: convention } : {}),
      ...(modelLog ? { levelModel: modelLog } : {}),
      ...(best.twoBeatDetail
        ? {
            twoBeatCheck:
              `top band half-way / beats ${fmt(best.twoBeatDetail.half)}, kick on both ` +
              `${fmt(best.twoBeatDetail.kick)}, at the ` +
              `${best.twoBeatDetail.swung ? 'triplet-swung ' : ''}quarters ` +
              `${fmt(best.twoBeatDetail.sub)}: evidence ${fmt(best.twoBeatDetail.evidence)}` +
              (best.twoBeatDetail.doubleBar > 0
                ? ` × (1 − the double's bar-repeat evidence ${fmt(best.twoBeatDetail.doubleBar)})`
                : '') +
              (dbl ? `; the double level scores ${fmt(dbl.score / best.score)} of this one` : ''),
          }
        : {}),
      ...(phase
        ? {
            beatPhase:
              `${phase.shift ? 'moved half a period' : 'as tracked'}: kick + snare bands ${fmt(phase.on)} on the ` +
              `tracked beats, ${fmt(phase.half)} half-way ` +
              `(moved above ${fmt(1 + TEMPO_PARAMETERS.phaseMargin.value)}×)`,
          }
        : {}),
      ...(phased && !Number.isNaN(phased.on)
        ? {
            levelPhase:
              `${phased.fraction ? `moved ${fmt(phased.fraction)} of a beat` : 'as reported'}: kick and snare ` +
              `${fmt(phased.on)} on the reported beats, ${fmt(phased.off)} at the strongest quarter or half ` +
              `(moved above ${fmt(1 + TEMPO_PARAMETERS.levelPhaseMargin.value)}× with the kick there ` +
              `${Number.isNaN(phased.kickAt) ? 'not read' : `${fmt(phased.kickAt)} against ${fmt(phased.kickOn)}`})`,
          }
        : {}),
      ...(backbeatRead && !Number.isNaN(backbeatRead.on)
        ? {
            backbeatPhase:
              `${backbeatRead.shift ? 'moved ½ beat' : 'as reported'}: snare hits ${backbeatRead.on} on the beats, ` +
              `${backbeatRead.half} half-way (${fmt(backbeatRead.parity)} after beats of one parity; moved at ` +
              `${Math.round(TEMPO_PARAMETERS.backbeatPhaseMinHits.value)} or more, above ` +
              `${fmt(TEMPO_PARAMETERS.backbeatPhaseRatio.value)}× the on-beat hits, parity ` +
              `${fmt(TEMPO_PARAMETERS.backbeatPhaseParity.value)} or more)`,
          }
        : {}),
      ...(blind
        ? {
            blindHalfTime:
              `${blind.halve ? 'halved' : 'as reported'}: snare hits ${fmt(blind.rate)} per beat, the snare group's ` +
              `four-beat accent ${fmt(blind.accent)}, its opposite beat ${fmt(blind.pair)} of it (halved below ` +
              `${fmt(TEMPO_PARAMETERS.blindHalfTimeMaxRate.value)} per beat, at ` +
              `${fmt(TEMPO_PARAMETERS.blindHalfTimeAccent.value)} or more, ` +
              `${fmt(TEMPO_PARAMETERS.blindHalfTimePair.value)} or less)`,
          }
        : {}),
      ...(wideHalf
        ? {
            wideHalfTime:
              `${wideHalf.halve ? 'halved' : 'as reported'}: snare hits ${fmt(wideHalf.rate)} per beat, the wide ` +
              `reading's one-in-four accent ${fmt(wideHalf.accent)} over ${fmt(wideHalf.bars)} of the bars (halved ` +
              `below ${fmt(TEMPO_PARAMETERS.wideHalfTimeMaxRate.value)} per beat, at ` +
              `${fmt(TEMPO_PARAMETERS.wideHalfTimeAccent.value)} or more over ` +
              `${fmt(TEMPO_PARAMETERS.wideHalfTimeBars.value)} or more)`,
          }
        : {}),
      ...(bandHalf
        ? {
            bandHalfTime:
              `${bandHalf.halve ? 'halved' : 'as reported'}: snare hits ${fmt(bandHalf.rate)} per beat, the snare ` +
              `group's one-in-four accent ${fmt(bandHalf.accent)} of the bar, its opposite beat ` +
              `${fmt(bandHalf.pair)} of it (halved below ${fmt(TEMPO_PARAMETERS.bandHalfTimeMaxRate.value)} per ` +
              `beat, at ${fmt(TEMPO_PARAMETERS.bandHalfTimeAccent.value)} or more, ` +
              `${fmt(TEMPO_PARAMETERS.bandHalfTimePair.value)} or less), its median bar's accent ` +
              `${fmt(bandHalf.barAccent)} (halved below ${fmt(TEMPO_PARAMETERS.bandHalfTimeBarMaxRate.value)} per ` +
              `beat, at ${fmt(TEMPO_PARAMETERS.bandHalfTimeBarAccent.value)} or more, the opposite beat ` +
              `${fmt(TEMPO_PARAMETERS.bandHalfTimeBarMinPair.value)} or more)`,
          }
        : {}),
      ...(fastUp
        ? {
            fastUp:
              `${fastUp.up ? 'doubled' : 'as reported'}: P(double right) ${fmt(fastUp.p)}, the wide snare ` +
              `reading's hits ${fmt(fastUp.rate)} per beat (doubled above ` +
              `${fmt(TEMPO_PARAMETERS.fastUpProbability.value)} with ` +
              `${fmt(TEMPO_PARAMETERS.fastUpSnareRate.value)} or more, or above ` +
              `${fmt(TEMPO_PARAMETERS.fastUpSureProbability.value)} whatever the snare)`,
          }
        : {}),
      ...(windowed && windowed.moved.length
        ? {
            windowPhase:
              `${windowed.moved.filter((f) => f).length} of ${windowed.moved.length} windows of ` +
              `${Math.round(TEMPO_PARAMETERS.windowPhaseBeats.value)} beats moved` +
              (windowed.moved.some((f) => f) ? ` (fractions ${windowed.moved.map((f) => fmt(f)).join(', ')})` : '') +
              ` (moved above ${fmt(1 + TEMPO_PARAMETERS.windowPhaseMargin.value)}× with the kick there)`,
          }
        : {}),
    },
    alternatives: all
      .slice(1)
      .filter((c) => Math.abs(c.bpm / bestBpm - 1) > distinctRatio)
      .slice(0, 4)
      .map((c) => ({ value: Math.round(c.bpm * 100) / 100, why_not: terms(c) })),
    confidence: tempo.confidence,
  };
  return { tempo, decision };
}

/**
 * Beats (s) snapped to the detected onsets: each to the nearest within min(snapSeconds, snapFraction × the period),
 * the others moved by the median of those moves (never below 0).
 */
function snappedBeats(beats: number[], onsets: number[], periodSeconds: number): number[] {
  if (!onsets.length || !beats.length) return beats;
  const tol = Math.min(
    checkParameter('snapSeconds', TEMPO_PARAMETERS.snapSeconds),
    periodSeconds * checkParameter('snapFraction', TEMPO_PARAMETERS.snapFraction),
  );
  const snapped: (number | null)[] = beats.map((b) => {
    let near: number | null = null;
    for (const o of nearby(onsets, b, tol)) if (near === null || Math.abs(o - b) < Math.abs(near - b)) near = o;
    return near;
  });
  const lags = snapped.flatMap((s, i) => (s === null ? [] : [s - beats[i]!]));
  const lag = lags.length ? kthSmallest(lags, lags.length >> 1) : 0;
  return beats.map((b, i) => snapped[i] ?? Math.max(0, b + lag));
}

function* nearby(sorted: number[], t: number, tol: number): Generator<number> {
  for (let i = lowerBound(sorted, t - tol); i < sorted.length && sorted[i]! <= t + tol; i++) yield sorted[i]!;
}

/** Indices (into beatFrames) of the downbeats: 4/4, phase with most bass onset + harmonic change. */
function pickDownbeats(beatFrames: number[], input: TempoInput): number[] {
  const n = beatFrames.length;
  if (n < 4) return n ? [0] : [];
  const low = input.odfLow;
  const chroma = input.chroma;
  const frames = input.odf.length;
  const bass = beatFrames.map((f) => {
    if (!low) return 0;
    let m = 0;
    for (let j = Math.max(0, f - 2); j <= Math.min(frames - 1, f + 2); j++) m = Math.max(m, low[j]!);
    return m;
  });
  // each beat's chroma summed to the next beat (native, post_cold.cc: the frames' sums were a cold loop over every
  // frame), then unit length: 12 values per beat in one array
  const beatChroma = chroma
    ? native().postBeatChromaSums(postSeries(chroma), Float64Array.from(beatFrames), frames)
    : new Float64Array(n * 12);
  if (chroma)
    for (let i = 0; i < n; i++) {
      const v = beatChroma.subarray(i * 12, i * 12 + 12);
      const s = Math.hypot(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!, v[6]!, v[7]!, v[8]!, v[9]!, v[10]!, v[11]!) || 1;
      for (let k = 0; k < 12; k++) v[k] = v[k]! / s;
    }
  const change = beatFrames.map((_, i) => {
    if (i === 0) return 0;
    let a = 0;
    for (let k = 0; k < 12; k++) a = a + beatChroma[i * 12 + k]! * beatChroma[(i - 1) * 12 + k]!;
    return 1 - a;
  });
  const norm = (xs: number[]) => {
    const m = Math.max(...xs) || 1;
    return xs.map((x) => x / m);
  };
  const b = norm(bass);
  const c = norm(change);
  let best = 0;
  let bestScore = -Infinity;
  for (let phase = 0; phase < 4; phase++) {
    let s = 0;
    let k = 0;
    for (let i = phase; i < n; i += 4, k++) s += b[i]! + c[i]!;
    s /= Math.max(1, k);
    if (s > bestScore) {
      bestScore = s;
      best = phase;
    }
  }
  const out: number[] = [];
  for (let i = best; i < n; i += 4) out.push(i);
  return out;
}
