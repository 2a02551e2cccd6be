/**
 * The loudness solver of `shub master`: which gain makes the *measured* integrated loudness of
 * the limited chain land on the target (SPEC §6). The chain is not linear in its gain — the
 * limiter flattens the curve as the gain rises — so the gain is found by measuring: a first step
 * from the chain's own loudness change, then secant steps on the measured (gain, loudness) points,
 * until the loudness is within ±LOUDNESS_AIM_LU, or the limiting passes what the style allows, or
 * MAX_GAIN_PASSES passes are spent. Pure: the caller measures (a native render pass per step).
 */

/** The loudness the iteration aims for (LU either side of the target). */
export const LOUDNESS_AIM_LU = 0.03;
/** Metering passes at most before a target is reported as not settling. */
export const MAX_GAIN_PASSES = 8;
/** Largest single gain move (dB): a wild secant on a flat curve never jumps further. */
export const MAX_GAIN_STEP_DB = 24;
/** Secant slopes at or below this (LU per dB) are not trusted: the plain error is used instead. */
const MIN_TRUSTED_SLOPE = 0.05;
/** Above this peak limiting (dB) on the first pass the chain's unlimited loudness no longer predicts the step. */
const FIRST_STEP_LIMITING_DB = 0.5;

/** One measured point: the gain tried and the integrated loudness it gave (−Infinity for silence). */
export interface GainPoint {
  gainDb: number;
  lufs: number;
}

/** What one metering pass measured for a target. */
export interface GainMeasurement {
  /** Integrated loudness of the limited output (−Infinity when gated away). */
  lufs: number;
  /** Largest limiter gain reduction (dB, ≥ 0). */
  limiterPeakGrDb: number;
  /** Programme-average limiter gain reduction (dB, ≥ 0). */
  limiterMeanGrDb: number;
}

/** How much limiting a style accepts before it reports a target as not met (plan.ts StyleSpec). */
export interface LimitingLimits {
  /** On peaks; null: unbounded. */
  maxLimiterGainReductionDb: number | null;
  /** Averaged over the programme. */
  maxMeanLimiterGainReductionDb: number;
}

export interface GainSearch {
  targetLufs: number;
  /** The gain the next pass renders with. */
  gainDb: number;
  /** Measured points so far, oldest first. */
  history: GainPoint[];
}

export type GainStep =
  | { status: 'on-target' }
  | { status: 'next'; gainDb: number }
  | { status: 'too-much-limiting'; limiterPeakGrDb: number; limiterMeanGrDb: number };

/**
 * The decision after one pass measured `m` at `search.gainDb` (its point is appended to
 * `search.history` by the caller or by solveGain). `chainLufs` is the loudness of the chain
 * without limiter at 0 dB gain, known after the first pass (null when not measured).
 */
export function gainStep(
  search: GainSearch,
  m: GainMeasurement,
  chainLufs: number | null,
  limits: LimitingLimits,
): GainStep {
  const err = search.targetLufs - m.lufs;
  const peakTooMuch = limits.maxLimiterGainReductionDb !== null && m.limiterPeakGrDb > limits.maxLimiterGainReductionDb;
  // too much limiting only counts while the loudness is not above target (less gain would help)
  if ((peakTooMuch || m.limiterMeanGrDb > limits.maxMeanLimiterGainReductionDb) && err >= -LOUDNESS_AIM_LU)
    return { status: 'too-much-limiting', limiterPeakGrDb: m.limiterPeakGrDb, limiterMeanGrDb: m.limiterMeanGrDb };
  if (Math.abs(err) <= LOUDNESS_AIM_LU) return { status: 'on-target' };
  const points = search.history;
  let step = err;
  // first correction: the chain's own loudness change, while the limiter is barely working
  if (points.length === 1 && chainLufs !== null && m.limiterPeakGrDb <= FIRST_STEP_LIMITING_DB)
    step = search.targetLufs - (search.gainDb + chainLufs);
  // later: secant on the measured curve (limiting flattens it: a slope under 1 asks for a larger step)
  if (points.length >= 2) {
    const [a, b] = points.slice(-2) as [GainPoint, GainPoint];
    const slope = (b.lufs - a.lufs) / (b.gainDb - a.gainDb);
    if (Number.isFinite(slope) && slope > MIN_TRUSTED_SLOPE) step = err / Math.min(1, slope);
  }
  return { status: 'next', gainDb: search.gainDb + Math.max(-MAX_GAIN_STEP_DB, Math.min(MAX_GAIN_STEP_DB, step)) };
}

export type GainSolution =
  | { status: 'on-target'; gainDb: number; lufs: number; passes: number; history: GainPoint[] }
  | {
      status: 'too-much-limiting';
      gainDb: number;
      lufs: number;
      passes: number;
      history: GainPoint[];
      limiterPeakGrDb: number;
      limiterMeanGrDb: number;
    }
  | { status: 'not-settled'; gainDb: number; lufs: number; passes: number; history: GainPoint[] };

/**
 * Runs the search for one target against `measure` (the caller's render pass, or an analytic
 * curve in tests): at most `maxPasses` measurements. `gainDb` of the result is the gain of the
 * last measured pass.
 */
export function solveGain(
  measure: (gainDb: number) => GainMeasurement,
  options: {
    targetLufs: number;
    startGainDb: number;
    limits: LimitingLimits;
    chainLufs?: number | null;
    maxPasses?: number;
  },
): GainSolution {
  const search: GainSearch = { targetLufs: options.targetLufs, gainDb: options.startGainDb, history: [] };
  const maxPasses = options.maxPasses ?? MAX_GAIN_PASSES;
  let lufs = -Infinity;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const m = measure(search.gainDb);
    lufs = m.lufs;
    search.history.push({ gainDb: search.gainDb, lufs });
    const step = gainStep(search, m, options.chainLufs ?? null, options.limits);
    const done = { gainDb: search.gainDb, lufs, passes: pass, history: search.history };
    if (step.status === 'on-target') return { status: 'on-target', ...done };
    if (step.status === 'too-much-limiting') return { ...step, ...done };
    search.gainDb = step.gainDb;
  }
  const last = search.history[search.history.length - 1]!;
  return { status: 'not-settled', gainDb: last.gainDb, lufs, passes: maxPasses, history: search.history };
}
