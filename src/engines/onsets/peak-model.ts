/**
 * The learned peak acceptor of the onset engine (issue 12 point 4, h-olearn56): every peak the engine considers —
 * its own onsets and the flux envelope's and each group's peaks picked at a low floor (onsetModelFloor × the flux
 * delta) — with the evidence around it, as one row of numbers per candidate (peakFeatures: the one function the
 * engine and the bench's trainer, bench/onset-learn.ts, share), and the boosted trees (bench/learn.ts trainBoosted,
 * two classes: no onset, onset) that accept a candidate when P(onset) ≥ onsetModelThreshold. Since h-onset59 the
 * rows end in the rules' flags (RULE_FLAGS; presets/onset-peak-gbm59.json reads them, gbm56 reads the
 * first 22), and the engine applies the trees only to input with the evidence they were trained on (detectOnsets:
 * otherwise the rules' onsets stand).
 */
import { ONSET_PARAMETERS } from '../analysis/params.js';
import { presetPath, readPreset } from '../../presets.js';
import { kthSmallest } from '../order.js';
import { classScores, infiniteThresholds, softmax, type Tree } from '../trees.js';

/**
 * The rules' flags (detectOnsets' ruleFlags, h-onset59): the kind of main's onset (a lead or trail peak, a group's
 * own peak, a fine rise's, the novelty's or a choke's onset) and which rule dropped an onset near a candidate.
 */
export const RULE_FLAGS = [
  'lead',
  'trail',
  'groupPeak',
  'riseOnset',
  'noveltyOnset',
  'chokeOnset',
  'droppedLead',
  'droppedWash',
  'droppedTail',
  'droppedIncoherent',
  'droppedEcho',
];

/**
 * The roll and attack evidence (h-onset63), after the rules' flags: the candidate's place in a run of near-periodic
 * candidates (consecutive gaps ≤ RUN_MAX_GAP s, each within RUN_MAX_RATIO of the gap before it) — the regularity of
 * its own two gaps, the run's length, its index from the run's start and to its end, the run's median gap, the
 * envelope against the run's median envelope, the share of the run the rules took — and its attack: the flux
 * envelope's monotone rise before the peak (s), the envelope's rise over the ATTACK_SECONDS before the peak (of the
 * peak), the fine energy's time to its maximum within 2 × ATTACK_SECONDS after the onset (s) and its mean over the
 * ATTACK_SECONDS after against the ATTACK_SECONDS before (dB).
 */
export const ROLL_FEATURES = [
  'gapRegularity',
  'runLength',
  'runIndex',
  'runLeft',
  'runGap',
  'runRatio',
  'runMain',
  'riseSeconds',
  'slope30',
  'attackDelay',
  'attack30Db',
];
/**
 * The context evidence (h-onset66), after the roll and attack evidence: what a lone note under a texture has and a
 * drum stem's ring does not, read against its file and its neighbours — the file's candidates and rules' onsets per
 * second, the median coherence of the rules' onsets, the candidate's height over the rules' onsets' median height;
 * the grid of the rules' onsets (its step: their most common gap, s; the median distance of the rules' onsets within
 * four steps from a whole number of steps, of a step; the share within GRID_TOLERANCE of one); its rank by envelope
 * among the candidates within ± NEIGHBOUR_SECONDS (0: the largest); the band energies' total rise, the largest rise
 * of a band holding ≥ 1 % of the energy beyond the total's (dB) and the shape's change (1 − the cosine of the band
 * magnitudes) over ATTACK_SECONDS before and after the peak; the time since the last rules' onset whose most rising
 * band is the candidate's (s, within 2 s).
 */
export const CONTEXT_FEATURES = [
  'fileCandRate',
  'fileMainRate',
  'fileCoherence',
  'heightOverFile',
  'gridStep',
  'gridOffset',
  'gridShare',
  'envRank',
  'bandTotalRiseDb',
  'bandExcessDb',
  'bandShapeChange',
  'sameBandGap',
];
/**
 * The closed-hat evidence (h-onset87), after the context evidence: a closed hat under a louder stroke (within 130 ms
 * after a kick, snare or tom: h-onset83's count, the second largest class of misses) adds little to the full band
 * but rises in the hat's bands (band energies whose lower edge is ≥ HAT_HZ) against the louder stroke's decay there —
 * the hat's bands' rise over ATTACK_SECONDS after the peak against the ATTACK_SECONDS before (dB), that rise less the
 * full band's (dB), and the hat's bands' energy in the frame after the peak against what the decay before predicts
 * there (the log-linear slope over the ATTACK_SECONDS before the peak, never rising, carried on; dB).
 */
export const HAT_FEATURES = ['hatRiseDb', 'hatOverTotalDb', 'hatOverDecayDb'];
/** A run's largest gap between candidates, s (32nd and 64th rolls: 40–95 ms; params.ts). */
export const RUN_MAX_GAP = ONSET_PARAMETERS.onsetModelRunMaxGapSeconds.value;
/** A run's gaps: each at most this ratio of the one before it (or at least its inverse; params.ts). */
export const RUN_MAX_RATIO = ONSET_PARAMETERS.onsetModelRunMaxRatio.value;
/** The attack evidence's span, s (a slow attack rises over tens of ms; params.ts). */
export const ATTACK_SECONDS = ONSET_PARAMETERS.onsetModelAttackSeconds.value;
/** The context evidence's neighbourhood, s (params.ts). */
export const NEIGHBOUR_SECONDS = ONSET_PARAMETERS.onsetModelNeighbourSeconds.value;
/** The grid evidence's tolerance, s (params.ts). */
export const GRID_TOLERANCE = ONSET_PARAMETERS.onsetModelGridToleranceSeconds.value;
/** The hat's bands' lowest edge, Hz (params.ts). */
export const HAT_HZ = ONSET_PARAMETERS.onsetModelHatHz.value;

/**
 * The feature names, in row order (FLUX groups: g0 … g{groups − 1} follow `localRatio`, the rules' flags follow
 * them, then the roll and attack evidence, then the context evidence, then the closed-hat evidence: a model of the
 * first 22, onset-peak-gbm56, of the first 33, gbm59, of the first 44, gbm63, or of the first 56, gbm84 and gbm86,
 * reads the longer rows unchanged).
 */
export function peakFeatureNames(groups: number): string[] {
  return [
    'main',
    'source',
    'env',
    'height',
    'prominence',
    'dtPrev',
    'dtNext',
    'prevRatio',
    'nextRatio',
    'novelty',
    'coherence',
    'energyRiseDb',
    'strength',
    'bandRiseMaxDb',
    'bandsRising',
    'density',
    'mainDensity',
    'localRatio',
    ...Array.from({ length: groups }, (_, g) => `g${g}`),
    ...RULE_FLAGS,
    ...ROLL_FEATURES,
    ...CONTEXT_FEATURES,
    ...HAT_FEATURES,
  ];
}

/** One candidate peak: its placed time, the envelope frame it peaks at, main's decision and its origin. */
export interface PeakCandidate {
  /** Placed onset time, s. */
  t: number;
  /** The flux envelope frame of its peak. */
  p: number;
  /** Onset strength (dB, the engine's own). */
  s: number;
  /** 1 when main's rules output it. */
  main: number;
  /**
   * 0: main's flux peak; 1: main's rise, novelty or choke onset (no peak of its own); 2: a low-floor peak only;
   * 3: a short-window peak only (onsetModelShortWindowSeconds); 4 (SUB_SOURCE): a sub-window peak only
   * (onsetModelSubWindowSeconds).
   */
  source: number;
  /** The rules' flags (RULE_FLAGS' order, 0 or 1; in the feature row 1 or NaN). */
  flags?: number[];
  /** Its feature row (peakFeatures). */
  x?: Float64Array;
}

/** What peakFeatures reads: the engine's envelopes of one detection. */
export interface PeakEvidence {
  env: ArrayLike<number>;
  hopSeconds: number;
  /** The flux groups' scaled columns (fluxColumns), when there are any. */
  columns?: readonly (ArrayLike<number> | undefined)[];
  groups: number;
  novelty?: ArrayLike<number>;
  coherence?: ArrayLike<number>;
  fineEnergy: ArrayLike<number>;
  tickSeconds: number;
  bandEnergy?: { values: ArrayLike<number>; bands: number; lowHz?: readonly number[] };
  /** The local median's half width, frames (fluxMedianSeconds). */
  medianFrames: number;
  /** The energy rise's spans after and before the onset, ticks (tailSpans). */
  riseAfter: number;
  riseBefore: number;
  /**
   * Whether to compute the context and closed-hat evidence (default true; false: their columns missing — gbm63
   * never reads them).
   */
  context?: boolean;
  /**
   * Whether the neighbour and run evidence reads the ordinary candidates only (h-onset92, rounds ≥
   * ORDINARY_RUNS_ROUND): see peakFeatures. Default false: every candidate (the rounds before, gbm89 included).
   */
  ordinaryRuns?: boolean;
}

const db = (r: number) => (r > 0 ? 10 * Math.log10(r) : -100);
const maxNear = (x: ArrayLike<number> | undefined, p: number, lo: number, hi: number): number => {
  if (!x || !x.length) return NaN;
  let m = -Infinity;
  for (let i = Math.max(0, p - lo); i <= Math.min(x.length - 1, p + hi); i++) m = Math.max(m, x[i]!);
  return m;
};

/**
 * Each candidate's feature row (in place: candidate.x), in the order of peakFeatureNames. Candidates sorted by t;
 * a candidate without a peak of its own (p < 0) takes the envelope's largest frame within 2 frames before and 4
 * after its time. With ev.ordinaryRuns (h-onset92) the evidence that reads other candidates — the neighbours (dtPrev,
 * dtNext, prevRatio, nextRatio, prominence, gapRegularity), the density, the run, the file's candidate rate and the
 * envelope rank — reads the ordinary candidates (`source` 0–2) only: an ordinary candidate's row is the one it has
 * without the short-window candidates (a delay line's repeats keep their long run of evenly spaced candidates), and
 * a short-window candidate's is read as if it were the only one: its neighbours the ordinary candidates either side,
 * its run the nearer one's (the run it sits in; its envelope ratio its own).
 */
export function peakFeatures(cands: PeakCandidate[], ev: PeakEvidence): void {
  const { env, hopSeconds: hop } = ev;
  const n = env.length;
  for (const c of cands) {
    if (c.p >= 0 || !n) continue;
    const f = Math.min(n - 1, Math.max(0, Math.round(c.t / hop)));
    let best = f;
    for (let i = Math.max(0, f - 2); i <= Math.min(n - 1, f + 4); i++) if (env[i]! > env[best]!) best = i;
    c.p = best;
  }
  // the candidates the neighbour and run evidence reads, and each candidate's neighbours among them (indices)
  const ordinaryOnly = ev.ordinaryRuns === true;
  const isRead = (c: PeakCandidate) => !ordinaryOnly || c.source < 3;
  const read = cands.filter(isRead);
  const prevOf = new Int32Array(cands.length);
  const nextOf = new Int32Array(cands.length);
  const at = new Int32Array(cands.length);
  for (let k = 0, j = 0; k < cands.length; k++) {
    const own = isRead(cands[k]!);
    prevOf[k] = j - 1;
    nextOf[k] = own ? j + 1 : j;
    at[k] = own ? j++ : -1;
  }
  const times = read.map((c) => c.t);
  const mainTimes = cands.filter((c) => c.main).map((c) => c.t);
  // how many of xs lie within w of t: xs ascending (the candidates are sorted by t), so the scan starts at the first
  // x ≥ t − 2w and stops past t + 2w, the same predicate read only near t (a full scan if xs is not sorted)
  const sorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);
  const timesSorted = sorted(times) && sorted(mainTimes);
  const count = (xs: number[], t: number, w: number) => {
    let lo = 0;
    if (timesSorted) {
      let hi = xs.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (xs[m]! < t - 2 * w) lo = m + 1;
        else hi = m;
      }
    }
    let k = 0;
    for (let i = lo; i < xs.length && !(timesSorted && xs[i]! > t + 2 * w); i++) if (Math.abs(xs[i]! - t) <= w) k++;
    return k;
  };
  const win = Math.max(1, Math.round(1 / hop));
  const envAt = (c: PeakCandidate) => (n ? env[Math.min(n - 1, Math.max(0, c.p))]! : NaN);
  const readRuns = candidateRuns(read, envAt);
  const runs = cands.map((c, k): Run => {
    if (at[k]! >= 0) return readRuns[at[k]!]!;
    // a short-window candidate: the nearer ordinary neighbour's run, its envelope ratio its own
    const a = read[prevOf[k]!];
    const b = read[nextOf[k]!];
    const j = !a ? nextOf[k]! : !b ? prevOf[k]! : c.t - a.t <= b.t - c.t ? prevOf[k]! : nextOf[k]!;
    const r = readRuns[j];
    if (!r) return { length: 1, index: NaN, left: NaN, gap: NaN, ratio: NaN, main: NaN };
    const en = envAt(read[j]!);
    return { ...r, ratio: en > 0 ? (r.ratio * envAt(c)) / en : NaN };
  });
  const f30 = Math.max(1, Math.round(ATTACK_SECONDS / hop));
  const t30 = Math.max(1, Math.round(ATTACK_SECONDS / ev.tickSeconds));
  // every row in one buffer (a view per candidate: no allocation of its own), the raw values first — the context
  // evidence reads them — then each non-finite value made NaN
  const width = peakFeatureNames(ev.groups).length;
  const from = width - CONTEXT_FEATURES.length - HAT_FEATURES.length;
  const buffer = new Float64Array(cands.length * width);
  const rows = cands.map((_, k) => buffer.subarray(k * width, (k + 1) * width));
  // the local median's window, sorted in one scratch array
  const seg = new Float64Array(2 * Math.max(0, ev.medianFrames) + 1);
  cands.forEach((c, k) => {
    const p = Math.min(Math.max(0, n - 1), c.p);
    const e = n ? env[p]! : NaN;
    let len = 0;
    for (let i = Math.max(0, p - ev.medianFrames); i <= Math.min(n - 1, p + ev.medianFrames); i++) seg[len++] = env[i]!;
    const median = len ? sortedWindow(seg, len)[len >> 1]! : NaN;
    const prev = read[prevOf[k]!];
    const next = read[nextOf[k]!];
    let low = e;
    for (let i = Math.max(0, prev ? Math.min(prev.p, p) : p - win); i <= p; i++) low = Math.min(low, env[i]!);
    const tick = Math.round(c.t / ev.tickSeconds);
    let rise = NaN;
    if (tick - ev.riseBefore >= 0) {
      let a = 0;
      let b = 0;
      for (let i = tick - ev.riseBefore; i < tick; i++) a += ev.fineEnergy[i]!;
      const hi = Math.min(ev.fineEnergy.length, tick + ev.riseAfter);
      for (let i = tick; i < hi; i++) b += ev.fineEnergy[i]!;
      rise = db(b / Math.max(1, hi - tick) / Math.max(1e-30, a / ev.riseBefore));
    }
    let bandMax = NaN;
    let bandsRising = NaN;
    const be = ev.bandEnergy;
    if (be && be.bands > 0 && be.values.length >= be.bands) {
      const frames = be.values.length / be.bands;
      const after = Math.min(frames - 1, p + 1);
      const before = Math.max(0, p - 3);
      bandMax = -100;
      bandsRising = 0;
      for (let b = 0; b < be.bands; b++) {
        const r = db((be.values[after * be.bands + b]! + 1e-20) / (be.values[before * be.bands + b]! + 1e-20));
        bandMax = Math.max(bandMax, r);
        if (r > 6) bandsRising++;
      }
    }
    const localMax = maxNear(env, p, win, win);
    // the attack: the envelope's monotone rise into the peak (at most 2 × ATTACK_SECONDS), its rise over
    // ATTACK_SECONDS; the fine energy's time to its maximum after the onset and its rise across the onset
    let start = p;
    while (start > 0 && p - start < 2 * f30 && env[start - 1]! < env[start]!) start--;
    const fe = ev.fineEnergy;
    let peakTick = tick;
    let sumAfter = 0;
    let sumBefore = 0;
    if (tick >= 0 && tick < fe.length) {
      const end = Math.min(fe.length, tick + 2 * t30);
      for (let i = tick; i < end; i++) {
        if (fe[i]! > fe[peakTick]!) peakTick = i;
        if (i < tick + t30) sumAfter += fe[i]!;
      }
      for (let i = Math.max(0, tick - t30); i < tick; i++) sumBefore += fe[i]!;
    }
    const run = runs[k]!;
    const x = [
      c.main,
      c.source,
      e,
      e - median,
      e - low,
      prev ? c.t - prev.t : NaN,
      next ? next.t - c.t : NaN,
      prev && e > 0 ? env[Math.min(n - 1, prev.p)]! / e : NaN,
      next && e > 0 ? env[Math.min(n - 1, next.p)]! / e : NaN,
      maxNear(ev.novelty, p, 1, 1),
      maxNear(ev.coherence, p, 1, 1),
      rise,
      c.s,
      bandMax,
      bandsRising,
      count(times, c.t, 0.5) + (at[k]! < 0 ? 1 : 0),
      count(mainTimes, c.t, 0.5),
      localMax > 0 ? e / localMax : NaN,
      ...Array.from({ length: ev.groups }, (_, g) => maxNear(ev.columns?.[g], p, 1, 1)),
      // a flag set: 1; not set: missing (bench/learn.ts bins a feature by its quantiles, which cannot split a flag
      // set on a few % of the rows; missing values have a bin of their own)
      ...(c.flags ?? RULE_FLAGS.map(() => 0)).map((v) => (v ? 1 : NaN)),
      prev && next ? Math.min(c.t - prev.t, next.t - c.t) / Math.max(1e-9, Math.max(c.t - prev.t, next.t - c.t)) : NaN,
      run.length,
      run.index,
      run.left,
      run.gap,
      run.ratio,
      run.main,
      (p - start) * hop,
      e > 0 && n ? (e - env[Math.max(0, p - f30)]!) / e : NaN,
      tick >= 0 && tick < fe.length ? (peakTick - tick) * ev.tickSeconds : NaN,
      tick >= 0 && tick < fe.length && tick >= t30 ? db(sumAfter / Math.max(1e-30, sumBefore)) : NaN,
    ];
    if (x.length !== from) throw new Error(`peakFeatures: a row of ${x.length} values, the names say ${from}`);
    rows[k]!.set(x);
  });
  // the context evidence reads the rows' heights (column 3) and coherences (column 10); without it its columns and
  // the closed-hat evidence's are NaN
  if (ev.context === false) for (const row of rows) row.fill(NaN, from);
  else {
    contextEvidence(cands, ev, envAt, rows, isRead).forEach((x, k) => rows[k]!.set(x, from));
    hatEvidence(cands, ev).forEach((x, k) => rows[k]!.set(x, from + CONTEXT_FEATURES.length));
  }
  cands.forEach((c, k) => {
    const row = rows[k]!;
    for (let j = 0; j < width; j++) if (!Number.isFinite(row[j]!)) row[j] = NaN;
    c.x = row;
  });
}

/** The first `len` values of `xs` sorted ascending in place (numbers compared as (a, b) => a − b). */
function sortedWindow(xs: Float64Array, len: number): Float64Array {
  return xs.subarray(0, len).sort((a, b) => a - b);
}

/** The upper middle of xs' finite values (NaN for none). */
const medianOf = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? kthSmallest(s, s.length >> 1) : NaN;
};

/**
 * Each candidate's context evidence (CONTEXT_FEATURES' order; candidates sorted by t, p set). The file's figures
 * and the grid read the rules' onsets (main = 1), the file's rate and the neighbours every candidate isRead takes.
 */
function contextEvidence(
  cands: readonly PeakCandidate[],
  ev: PeakEvidence,
  envAt: (c: PeakCandidate) => number,
  rows: readonly ArrayLike<number>[],
  isRead: (c: PeakCandidate) => boolean,
): number[][] {
  const { env, hopSeconds: hop } = ev;
  const seconds = Math.max(hop, env.length * hop);
  const mains = cands.filter((c) => c.main);
  const mainTimes = mains.map((c) => c.t);
  const readCount = cands.filter(isRead).length;
  // the rules' onsets' median coherence and height (the rows' columns 10 and 3)
  const mainRows = rows.filter((_, k) => cands[k]!.main);
  const fileCoherence = medianOf(mainRows.map((x) => x[10]!));
  const fileHeight = medianOf(mainRows.map((x) => x[3]!));
  // the grid step: the most common gap between consecutive rules' onsets (10 ms bins, 60 ms … 1 s; ties: shorter)
  const bins = new Map<number, number>();
  for (let i = 1; i < mainTimes.length; i++) {
    const g = Math.round((mainTimes[i]! - mainTimes[i - 1]!) * 100);
    if (g >= 6 && g <= 100) bins.set(g, (bins.get(g) ?? 0) + 1);
  }
  let step = NaN;
  let most = 0;
  for (const [g, k] of [...bins].sort((a, b) => a[0] - b[0])) if (k > most) [step, most] = [g / 100, k];
  // each band's most rising band (as bandRiseMaxDb: the frame after the peak against three before)
  const be = ev.bandEnergy;
  const B = be && be.bands > 0 && be.values.length >= be.bands ? be.bands : 0;
  const frames = B ? Math.floor(be!.values.length / B) : 0;
  const topBand = (p: number) => {
    if (!B) return -1;
    const after = Math.min(frames - 1, p + 1);
    const before = Math.max(0, p - 3);
    let best = -1;
    let top = -Infinity;
    for (let b = 0; b < B; b++) {
      const r = db((be!.values[after * B + b]! + 1e-20) / (be!.values[before * B + b]! + 1e-20));
      if (r > top) [best, top] = [b, r];
    }
    return best;
  };
  const bands = cands.map((c) => topBand(Math.min(Math.max(0, frames - 1), c.p)));
  const span = Math.max(1, Math.round(ATTACK_SECONDS / hop));
  const lastByBand = new Map<number, number>();
  let lo = 0;
  let hi = 0;
  let m0 = 0;
  // buffers reused across the candidates
  const res: number[] = [];
  const before = new Float64Array(B);
  const after = new Float64Array(B);
  return cands.map((c, k) => {
    // the rules' onsets within four grid steps (not the candidate itself)
    let gridOffset = NaN;
    let gridShare = NaN;
    if (step > 0) {
      while (m0 < mainTimes.length && mainTimes[m0]! < c.t - 4 * step) m0++;
      res.length = 0;
      let on = 0;
      for (let i = m0; i < mainTimes.length && mainTimes[i]! <= c.t + 4 * step; i++) {
        const d = Math.abs(mainTimes[i]! - c.t);
        if (d < GRID_TOLERANCE) continue;
        const r = Math.abs(d - step * Math.round(d / step));
        res.push(r);
        if (r <= GRID_TOLERANCE) on++;
      }
      if (res.length) {
        res.sort((a, b) => a - b);
        gridOffset = res[res.length >> 1]! / step;
        gridShare = on / res.length;
      }
    }
    // the rank among the candidates within ± NEIGHBOUR_SECONDS
    while (cands[lo]!.t < c.t - NEIGHBOUR_SECONDS) lo++;
    while (hi < cands.length && cands[hi]!.t <= c.t + NEIGHBOUR_SECONDS) hi++;
    const e = envAt(c);
    let rank = 0;
    for (let i = lo; i < hi; i++) if (i !== k && isRead(cands[i]!) && envAt(cands[i]!) > e) rank++;
    // the band shape across the peak
    let total = NaN;
    let excess = NaN;
    let shape = NaN;
    const p = c.p;
    if (B && p - span >= 0 && p + span < frames) {
      before.fill(0);
      after.fill(0);
      for (let i = 1; i <= span; i++)
        for (let b = 0; b < B; b++) {
          before[b]! += be!.values[(p - i) * B + b]!;
          after[b]! += be!.values[(p + i) * B + b]!;
        }
      let tb = 0;
      let ta = 0;
      let dot = 0;
      for (let b = 0; b < B; b++) {
        tb += before[b]!;
        ta += after[b]!;
        dot += Math.sqrt(before[b]! * after[b]!);
      }
      total = db((ta + 1e-30) / (tb + 1e-30));
      let ex = -100;
      for (let b = 0; b < B; b++)
        if (after[b]! >= 0.01 * ta) ex = Math.max(ex, db((after[b]! + 1e-30) / (before[b]! + 1e-30)) - total);
      excess = ta > 0 ? ex : NaN;
      shape = tb > 0 && ta > 0 ? 1 - dot / Math.sqrt(tb * ta) : NaN;
    }
    // the last rules' onset before it whose most rising band is this one's
    const last = bands[k]! >= 0 ? lastByBand.get(bands[k]!) : undefined;
    const sameBandGap = last !== undefined && c.t - last <= 2 ? c.t - last : NaN;
    if (c.main && bands[k]! >= 0) lastByBand.set(bands[k]!, c.t);
    return [
      readCount / seconds,
      mains.length / seconds,
      fileCoherence,
      fileHeight > 0 ? rows[k]![3]! / fileHeight : NaN,
      step,
      gridOffset,
      gridShare,
      rank,
      total,
      excess,
      shape,
      sameBandGap,
    ];
  });
}

/** Each candidate's closed-hat evidence (HAT_FEATURES' order; NaN without band energies or their edges). */
function hatEvidence(cands: readonly PeakCandidate[], ev: PeakEvidence): number[][] {
  const be = ev.bandEnergy;
  const B = be && be.bands > 0 && be.values.length >= be.bands && be.lowHz?.length === be.bands ? be.bands : 0;
  const hat = B ? be!.lowHz!.map((f) => f >= HAT_HZ) : [];
  if (!B || !hat.some((h) => h)) return cands.map(() => HAT_FEATURES.map(() => NaN));
  const frames = Math.floor(be!.values.length / B);
  // each frame's energy in the hat's bands and in all bands
  const high = new Float64Array(frames);
  const all = new Float64Array(frames);
  for (let i = 0; i < frames; i++)
    for (let b = 0; b < B; b++) {
      const v = be!.values[i * B + b]!;
      all[i]! += v;
      if (hat[b]) high[i]! += v;
    }
  const span = Math.max(1, Math.round(ATTACK_SECONDS / ev.hopSeconds));
  return cands.map((c) => {
    const p = c.p;
    if (p - span - 1 < 0 || p + span >= frames) return HAT_FEATURES.map(() => NaN);
    let hb = 0;
    let ha = 0;
    let tb = 0;
    let ta = 0;
    for (let i = 1; i <= span; i++) {
      hb += high[p - i]!;
      ha += high[p + i]!;
      tb += all[p - i]!;
      ta += all[p + i]!;
    }
    const rise = db((ha + 1e-30) / (hb + 1e-30));
    const total = db((ta + 1e-30) / (tb + 1e-30));
    // the decay before the peak (frames p − 1 − span … p − 1) carried on to the frame after it (never rising)
    const last = db(high[p - 1]! + 1e-30);
    const slope = Math.min(0, (last - db(high[p - 1 - span]! + 1e-30)) / span);
    const overDecay = db(high[p + 1]! + 1e-30) - (last + 2 * slope);
    return [rise, rise - total, overDecay];
  });
}

/** A candidate's run (ROLL_FEATURES): length, index, candidates after it, median gap, envelope ratio, main's share. */
interface Run {
  length: number;
  index: number;
  left: number;
  gap: number;
  ratio: number;
  main: number;
}

/**
 * Each candidate's run of near-periodic candidates (sorted by t): maximal chains of gaps ≤ RUN_MAX_GAP, each gap
 * within RUN_MAX_RATIO of the gap before it; a candidate between two chains takes the longer. Outside a chain:
 * length 1, the rest missing.
 */
function candidateRuns(cands: readonly PeakCandidate[], envAt: (c: PeakCandidate) => number): Run[] {
  const m = cands.length;
  // chain[k]: the chain of the gap between candidates k and k + 1 (−1: no chain, the gap too long)
  const chain = new Int32Array(Math.max(0, m - 1)).fill(-1);
  const chains: { from: number; to: number }[] = [];
  for (let k = 0; k + 1 < m; k++) {
    const g = cands[k + 1]!.t - cands[k]!.t;
    if (g > RUN_MAX_GAP) continue;
    const pg = k > 0 && chain[k - 1]! >= 0 ? cands[k]!.t - cands[k - 1]!.t : NaN;
    const joins = pg > 0 && g > 0 && Math.max(g / pg, pg / g) <= RUN_MAX_RATIO;
    if (joins) chains[chain[k - 1]!]!.to = k + 1;
    else chains.push({ from: k, to: k + 1 });
    chain[k] = joins ? chain[k - 1]! : chains.length - 1;
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[s.length >> 1]! : NaN;
  };
  const stats = chains.map(({ from, to }) => {
    const gaps: number[] = [];
    const envs: number[] = [];
    let main = 0;
    for (let i = from; i <= to; i++) {
      if (i < to) gaps.push(cands[i + 1]!.t - cands[i]!.t);
      envs.push(envAt(cands[i]!));
      main += cands[i]!.main;
    }
    return { gap: median(gaps), env: median(envs), main: main / (to - from + 1) };
  });
  return cands.map((c, k) => {
    const left = k > 0 ? chain[k - 1]! : -1;
    const right = k + 1 < m ? chain[k]! : -1;
    const size = (i: number) => (i >= 0 ? chains[i]!.to - chains[i]!.from + 1 : 0);
    const i = size(left) >= size(right) ? left : right;
    if (i < 0) return { length: 1, index: NaN, left: NaN, gap: NaN, ratio: NaN, main: NaN };
    const { from, to } = chains[i]!;
    const e = envAt(c);
    return {
      length: to - from + 1,
      index: k - from,
      left: to - k,
      gap: stats[i]!.gap,
      ratio: stats[i]!.env > 0 ? e / stats[i]!.env : NaN,
      main: stats[i]!.main,
    };
  });
}

/** Boosted trees of two classes (round-major: tree i adds to class i mod 2), as bench/learn.ts trains them. */
export interface PeakModel {
  name: string;
  features: string[];
  depth: number;
  threshold: number;
  trees: Tree[];
  check?: { x: (number | null)[]; p: number }[];
  provenance?: Record<string, unknown>;
  /**
   * A window model's (h-onset97's w97): the round whose preset decides the ordinary candidates (`source` 0–2) at the
   * engine's onsetModelThreshold, exactly as that preset alone; these trees decide only the short window's candidates
   * (`source` 3), at this preset's own `threshold`.
   */
  ordinary?: number;
  /**
   * A sub-window model's (h-onset100): the round whose window model decides the short window's candidates (`source`
   * 3) at its own threshold; these trees decide the candidates of `source` (SUB_SOURCE), at this `threshold`.
   */
  window?: number;
  /** The candidates' `source` a window model's trees decide (default 3: the short window's). */
  source?: number;
}
/** The sub-window candidates' `source` (onsetModelSubWindowSeconds). */
export const SUB_SOURCE = 4;

/** P(onset) of one feature row. */
export function peakProbability(m: PeakModel, x: Float64Array): number {
  return softmax(classScores(m, 2, x))[1]!;
}

/**
 * The accepted candidates: P ≥ threshold, then of two closer than minIntervalSeconds the one of larger P (main's
 * refractory rule). With window models each decides the candidates of its `source` (default 3) at its own
 * threshold; the sub-window candidates (SUB_SOURCE) are dropped where no window model decides them.
 */
export function acceptPeaks(
  cands: readonly PeakCandidate[],
  m: PeakModel,
  threshold: number,
  minIntervalSeconds: number,
  window?: PeakModel | readonly PeakModel[],
): PeakCandidate[] {
  const windows = window === undefined ? [] : 'trees' in window ? [window] : window;
  const out: (PeakCandidate & { q: number })[] = [];
  for (const c of cands) {
    // with a window model (h-onset97) the short window's candidates are its own, at its own threshold
    const own = windows.find((w) => (w.source ?? 3) === c.source);
    if (!own && c.source === SUB_SOURCE) continue;
    const q = peakProbability(own ?? m, c.x!);
    if (q < (own ? own.threshold : threshold)) continue;
    const last = out[out.length - 1];
    if (last && c.t - last.t < minIntervalSeconds) {
      if (q > last.q) out[out.length - 1] = { ...c, q };
      continue;
    }
    out.push({ ...c, q });
  }
  return out;
}

/**
 * The engine's presets by round (ONSET_PARAMETERS.onsetModelPreset): h-olearn56's gbm56 (22 features, the engine's
 * preset from h-onset61 to h-onset63), h-onset59's gbm59 (with the rules' flags), h-onset63's gbm63 (gbm56's 22
 * features and the roll and attack evidence, trained on held-out 12–14 and 18–37; judged once on held-out 38: the
 * rules 0.9504, gbm56 0.9551, gbm63 0.9595; the default until h-onset87), h-onset66's gbm66 (and the context
 * evidence, trained on held-out 12–14, 18–21, 37–40 with each set weighted alike), h-onset84's gbm84 (gbm66's form
 * trained on every read set: held-out 12–14, 18–42), h-onset86's gbm86 (and analytic echo rows), h-onset87's gbm87
 * (gbm86's form and the closed-hat evidence, on held-out 12–14 and 18–44; the default since h-onset87: judged once
 * on held-out 45, gbm63 0.8047, gbm86 0.8133, gbm87 0.8118), h-onset89's gbm89 (gbm87's form on held-out 12–14 and
 * 18–45 with the short-window candidates: read with onsetModelShortWindowSeconds 0.02), h-onset92's gbm92 (gbm89's
 * form with the neighbour and run evidence over the ordinary candidates, on held-out 12–14 and 18–47: read with the
 * window 0.02), h-onset96's gbm96 (gbm92's form on held-out 12–14 and 18–48 with the song sets' rows weighted ×3:
 * read with the window 0.02), h-onset97's w97 (gbm87 on the ordinary candidates, exactly as gbm87 alone; its own trees,
 * trained on the short window's candidates' rows of 12–14 and 18–50 only, on the window's: read with the window 0.02),
 * h-onset99's w99 (w97's form by bench/onset-learn.ts train --window, on the window's rows of 12–14 and 18–52),
 * h-onset100's w100 (w99 on the ordinary and the short window's candidates, exactly as w99 alone; its own trees,
 * trained by train --window with w99 fixed on the sub-window candidates' rows of 12–14 and 18–54 only, on the
 * sub-window's: read with onsetModelSubWindowSeconds 0.007).
 * On by default since h-onset61.
 */
export const PEAK_MODEL_ROUNDS = [56, 59, 63, 66, 84, 86, 87, 89, 92, 96, 97, 99, 100] as const;
/** The first round whose rows read the neighbour and run evidence over the ordinary candidates (peakFeatures). */
export const ORDINARY_RUNS_ROUND = 92;
/** The preset's name of a round (onset-peak-gbmN). */
export function peakModelPresetName(round: number): string {
  if (!(PEAK_MODEL_ROUNDS as readonly number[]).includes(round))
    throw new Error(`onsetModelPreset ${round}: no such preset (${PEAK_MODEL_ROUNDS.join(', ')})`);
  return `onset-peak-gbm${round}`;
}
/** Whether a preset's trees read a context column (CONTEXT_FEATURES, or HAT_FEATURES after them). */
export function readsContext(m: PeakModel): boolean {
  const from = m.features.indexOf(CONTEXT_FEATURES[0]!);
  const named = from >= 0 && CONTEXT_FEATURES.every((f, j) => m.features[from + j] === f);
  return named && m.trees.some((t) => t.split.some(([j]) => j >= from));
}
/** The engine's default preset's name (onsetModelPreset's default). */
export const PEAK_MODEL_PRESET = peakModelPresetName(ONSET_PARAMETERS.onsetModelPreset.value);
/** presets/onset-peak-gbmN.json of the default round (src/presets.ts). */
export const PEAK_MODEL_FILE = presetPath(`${PEAK_MODEL_PRESET}.json`);
const loaded = new Map<number, PeakModel>();
/** A round's preset (read once; default: the engine's). */
export function peakModel(round: number = ONSET_PARAMETERS.onsetModelPreset.value): PeakModel {
  let m = loaded.get(round);
  if (!m) {
    m = readPreset<PeakModel>(peakModelPresetName(round));
    infiniteThresholds(m.trees);
    loaded.set(round, m);
  }
  return m;
}
