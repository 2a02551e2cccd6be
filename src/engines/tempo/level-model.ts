/**
 * The metrical level's learned octave move (h-tlearn53's model, put into the engine by h-tlevel55; issue 12 points 1
 * and 2): a pairwise logistic regression "this level vs its double" over the candidate levels' own terms and their
 * checks' evidence. The features are built here once, for the trainer (bench/tempo-learn.ts) and for the engine; the
 * weights, feature means and scales are presets/tempo-level-lr56.json (trained by the bench, λ-free at run time;
 * h-tlevel56: retrained on tempo21–37 and plain grooves, a term the input lacks read as missing).
 *
 * From the level the hand combination chose (the best candidate): P(double right | level, double) > ½ + margin moves
 * up (BPM × 2, the beats' midpoints added), else P(half right | half, level) > ½ + margin moves down (BPM × ½, every
 * other beat, on the phase of the first downbeat); one octave at most.
 */
import { presetPath, readPreset } from '../../presets.js';

/** The candidate terms the model reads (numbers in every candidate). */
export const LEVEL_TERMS = [
  'comb',
  'prior',
  'fit',
  'bar',
  'even',
  'evenBeat',
  'evenTonal',
  'evenDrum',
  'snareBeat',
  'snareHalf',
  'pulse',
  'backbeat',
  'ternaryCheck',
  'twoBeat',
  'barRepeat',
  'barTile',
  'halfTime',
  'fourThree',
  'sixEight',
  'dembow',
  'harmony',
  'harmonyRaw',
  'handed',
  'score',
] as const;
export type LevelTerm = (typeof LEVEL_TERMS)[number];
/** The checks' own evidence (0 where a check did not read it), raw. */
export const LEVEL_DETAILS = [
  'twoBeatHalf',
  'twoBeatSub',
  'twoBeatKick',
  'twoBeatEvidence',
  'twoBeatDoubleBar',
  'twoBeatKickSnareHalf',
  'twoBeatSnareOnBeats',
  'halfTimeEvidence',
  'fourThreeEvidence',
  'sixEightEvidence',
  'dembowEvidence',
  'dembowRepeat',
  'barRepeatS4',
  'barRepeatS8',
  'barRepeatEvidence',
] as const;
export type LevelDetail = (typeof LEVEL_DETAILS)[number];
/**
 * One candidate level as the model reads it (the bench's dump rows hold these); `noTonal` / `noSnare`: the input had
 * no chroma / no band energy (h-tlevel56), so the terms read from them are missing, not evidence.
 */
export type LevelRow = Record<LevelTerm, number> &
  Partial<Record<LevelDetail, number>> & {
    bpm: number;
    ternary: boolean;
    noTonal?: boolean;
    noSnare?: boolean;
    /** levelProfile's numbers (h-tempo59), in LEVEL_PROFILE's order; null where a signal was missing. */
    profile?: (number | null)[];
    /** levelTwoFeel's numbers (h-tempo65), in LEVEL_TWO_FEEL's order; null where missing. */
    twoFeel?: (number | null)[];
    /** levelSwing's number (h-tempo71); null where missing. */
    swing?: number | null;
    /** levelBackbeatFold's numbers (h-tempo73), in LEVEL_FOLD's order; null where missing. */
    fold?: (number | null)[];
    /** levelWide's numbers (h-tempo92), in LEVEL_WIDE's order; null where missing. */
    wide?: (number | null)[];
  };

/**
 * The beat-profile signals (h-tempo59, issue 12 points 1 and 2): the onset flux's low (< 250 Hz: kick, bass), mid
 * (snare body, chords) and 2–8 kHz (snare wires, claps, hats) groups on the envelope's frames, the snare hits by
 * spectral shape (one impulse of its activity per hit) and the harmonic novelty (chord changes; tuned notes only).
 */
export const PROFILE_SIGNALS = ['low', 'mid', 'high', 'snare', 'chords'] as const;
/**
 * Per signal, at one level's beats: `offOn` the half-way positions' mean strength over the beats' (the off-beat
 * "chick"; the changes between the beats), `alt` the weaker of the even and odd beats' mean strength over the
 * stronger (a backbeat or a kick every other beat: small), `top4` the strongest class of the beat index mod 4 over
 * the four classes' sum (¼ even, 1 one beat in four: a clap on 3 of the written bar).
 */
export const PROFILE_STATS = ['offOn', 'alt', 'top4'] as const;
export const LEVEL_PROFILE: readonly string[] = PROFILE_SIGNALS.flatMap((g) => PROFILE_STATS.map((s) => `${g} ${s}`));
export type ProfileSignals = Partial<Record<(typeof PROFILE_SIGNALS)[number], ArrayLike<number> | null>>;

/** The signal's maximum within ±halfWidth frames of position c. */
function peakNear(env: ArrayLike<number>, c: number, halfWidth: number): number {
  const lo = Math.max(0, Math.round(c - halfWidth));
  const hi = Math.min(env.length - 1, Math.round(c + halfWidth));
  let m = 0;
  for (let j = lo; j <= hi; j++) m = Math.max(m, env[j]!);
  return m;
}

/** The mean of the signal's maximum within ±halfWidth frames of each position, by position index mod k. */
function classMeans(env: ArrayLike<number>, at: readonly number[], halfWidth: number, k: number): number[] {
  const sums = new Array<number>(k).fill(0);
  const counts = new Array<number>(k).fill(0);
  at.forEach((c, i) => {
    sums[i % k]! += peakNear(env, c, halfWidth);
    counts[i % k]!++;
  });
  return sums.map((s, i) => (counts[i] ? s / counts[i]! : 0));
}

/**
 * The level's beat profile (LEVEL_PROFILE's order): for each signal its offOn, alt and top4 at the level's beats
 * (frames); null for a signal the input lacks or that is silent on the beats and half-way, or with fewer than 8
 * beats. The engine and the trainer's dump call it (TempoOptions.onCandidates reads it on the candidates).
 */
export function levelProfile(signals: ProfileSignals, beatFrames: readonly number[], halfWidth: number) {
  const mids = beatFrames.slice(1).map((b, i) => (beatFrames[i]! + b) / 2);
  return PROFILE_SIGNALS.flatMap((g) => {
    const env = signals[g];
    if (!env || beatFrames.length < 8) return PROFILE_STATS.map(() => null);
    const on = classMeans(env, beatFrames, halfWidth, 4);
    const off = classMeans(env, mids, halfWidth, 1)[0]!;
    const onMean = (on[0]! + on[1]! + on[2]! + on[3]!) / 4;
    if (!(onMean + off > 0)) return PROFILE_STATS.map(() => null);
    const even = (on[0]! + on[2]!) / 2;
    const odd = (on[1]! + on[3]!) / 2;
    const eps = 1e-6;
    return [
      (off + eps) / (onMean + eps),
      (Math.min(even, odd) + eps) / (Math.max(even, odd) + eps),
      Math.max(...on) / Math.max(eps, 4 * onMean),
    ];
  });
}

/**
 * A level's two-feel numbers (h-tempo65, issue 12 points 1 and 2), LEVEL_TWO_FEEL's order:
 * - `lowHigh alt`: how the low-minus-high contrast alternates from beat to beat at the level — the lag-1
 *   autocorrelation of c_i = low_i / mean(low) − high_i / mean(high) (each the signal's maximum within ±halfWidth of
 *   beat i), negated: near 1 when every other beat is low (bass, kick) and the ones between high (chord, snare,
 *   chick), near 0 when the beats are alike. A boom-chick alternates on every beat of its fast level, a backbeat on
 *   every beat of its slow level;
 * - `onsets per beat`: the log of the file's onsets per beat of the level (the event density at the level).
 * null where the low or high signal is missing or silent on the beats, with fewer than 8 beats, or no onset times.
 */
export function levelTwoFeel(
  signals: { low?: ArrayLike<number> | null; high?: ArrayLike<number> | null },
  beatFrames: readonly number[],
  halfWidth: number,
  onsetsPerSecond: number | null,
  bpm: number,
): (number | null)[] {
  const density = onsetsPerSecond === null ? null : Math.log((onsetsPerSecond * 60) / bpm + EPS);
  const { low, high } = signals;
  if (!low || !high || beatFrames.length < 8) return [null, density];
  const at = (env: ArrayLike<number>) => beatFrames.map((c) => peakNear(env, c, halfWidth));
  const l = at(low);
  const h = at(high);
  const ml = l.reduce((a, b) => a + b, 0) / l.length;
  const mh = h.reduce((a, b) => a + b, 0) / h.length;
  if (!(ml > 0 && mh > 0)) return [null, density];
  const c = l.map((v, i) => v / ml - h[i]! / mh);
  const mc = c.reduce((a, b) => a + b, 0) / c.length;
  let num = 0;
  let den = 0;
  c.forEach((v, i) => {
    den += (v - mc) ** 2;
    if (i + 1 < c.length) num += (v - mc) * (c[i + 1]! - mc);
  });
  // beats alike (no contrast varies): no alternation
  return [den > 0 ? -num / den : 0, density];
}
/** levelTwoFeel's names. */
export const LEVEL_TWO_FEEL = ['lowHigh alt', 'onsets per beat'] as const;

/**
 * A level's swing (h-tempo71, issue 12 points 1 and 2): how much the high band (hats, ride, shaker: 2–8 kHz) is
 * stronger at the swung off-beat of the level's beats (⅔ of the beat) than at the straight one (½), over its
 * strength on the beats: (mean at ⅔ − mean at ½) / mean on the beats, each the signal's maximum within the narrower
 * of ±halfWidth and ±⌊1/12 beat⌋ frames (half the gap between the two positions: their windows meet at most at their
 * edge frame). Positive when the level's eighths swing: the level whose eighths swing is the one a dancer counts (a
 * quickstep's or a jive's swung eighths are its fast level's; a shuffle's its quarter's). null without the high band,
 * silent beats or fewer than 8 beats.
 */
export function levelSwing(
  high: ArrayLike<number> | null | undefined,
  beatFrames: readonly number[],
  halfWidth: number,
) {
  if (!high || beatFrames.length < 8) return null;
  let on = 0;
  let straight = 0;
  let swung = 0;
  for (let i = 0; i + 1 < beatFrames.length; i++) {
    const b = beatFrames[i]!;
    const T = beatFrames[i + 1]! - b;
    const hw = Math.max(0, Math.min(halfWidth, Math.floor(T / 12)));
    on += peakNear(high, b, hw);
    straight += peakNear(high, b + T / 2, hw);
    swung += peakNear(high, b + (2 * T) / 3, hw);
  }
  return on > 0 ? (swung - straight) / on : null;
}

/**
 * A band group's onsets from the band energies (h-tempo73): per band-energy frame the magnitude (√ power) of the bands
 * whose centre (geometric mean of its edges; the top band's upper edge an octave up) lies in [loHz, hiHz), its rise
 * over one envelope hop, half-wave rectified, on the envelope's frames (each frame the largest rise mapped to it), over
 * its mean. Linear, not logarithmic: a snare's rise in the kick's band is small beside the kick's own (a log rise is
 * broadband for every hit). null without band energies or no band in the range.
 */
export function bandRise(
  be: { values: ArrayLike<number>; bands: number; hopSeconds: number; lowHz: readonly number[] } | undefined,
  frames: number,
  hopSeconds: number,
  loHz: number,
  hiHz: number,
): Float64Array | null {
  if (!be || be.bands < 1 || be.lowHz.length !== be.bands) return null;
  const inRange = be.lowHz.map((lo, b) => {
    const fc = Math.sqrt(lo * (be.lowHz[b + 1] ?? 2 * lo));
    return fc >= loHz && fc < hiHz;
  });
  if (!inRange.includes(true)) return null;
  const n = Math.floor(be.values.length / be.bands);
  const mag = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let sum = 0;
    for (let b = 0; b < be.bands; b++) if (inRange[b]) sum += be.values[t * be.bands + b]!;
    mag[t] = Math.sqrt(Math.max(0, sum));
  }
  const lag = Math.max(1, Math.round(hopSeconds / be.hopSeconds));
  const out = new Float64Array(frames);
  for (let t = lag; t < n; t++) {
    const f = Math.round((t * be.hopSeconds) / hopSeconds);
    if (f < frames) out[f] = Math.max(out[f]!, mag[t]! - mag[t - lag]!);
  }
  let mean = 0;
  for (let f = 0; f < frames; f++) mean += out[f]!;
  mean /= Math.max(1, frames);
  if (mean > 0) for (let f = 0; f < frames; f++) out[f] = out[f]! / mean;
  return out;
}

/**
 * A level's backbeat read from the drums' own bands (h-tempo73, issue 12 points 1 and 2; rule A, fixtures/
 * tempotruth.ts beatLevelFactor: the tapped beat is the level at which the backbeat falls on every second beat). The
 * level's beats are folded over a two-beat cycle: positions 0 (beat 1: the even or the odd beats), ¼ (half-way after
 * it), ½ (beat 2) and ¾; at each, a signal's maximum within ±window of the position (window: `windowBeats` of the
 * beat, at least one frame; below ⅛ positions a quarter cycle apart never share a frame).
 * - `backbeat` and `offbeat`, from the onset flux's groups (each over its mean): a position's brightness x = (mid +
 *   high) / 2 − low (a snare, clap or rim is brighter than the kick on 1, whose body is in the low band), its mean per
 *   position, beat 2 the brighter beat class; with scale = the largest (mid + high) / 2 + low of the four, backbeat =
 *   (x at beat 2 − x at beat 1) / scale (the beats alternate kick and snare at this level: large; the beats alike:
 *   small), offbeat = (mean x at ¼ and ¾ − x at beat 2) / scale (positive: the snare between the level's beats, the
 *   level half the backbeat's);
 * - `alternation`, from the band energies' kick and snare groups (bandRise): y = snare − kick at each beat, per
 *   two-beat cycle k its beats' y₁ and y₂, alternation = |Σ (y₂ − y₁)| / Σ (|y₁| + |y₂|): 1 when every cycle's two
 *   beats are opposite the same way (kick and snare alternating on this level's beats, whichever is the brighter in
 *   a kit), near 0 when they differ either way (the level's double: a quarter against its "and") or are alike (its
 *   half: kick against kick).
 * null where a signal is missing (the flux's for the first two, the band energies' for the third), every position
 * silent, or with fewer than 8 beats.
 */
export function levelBackbeatFold(
  signals: {
    low?: ArrayLike<number> | null;
    mid?: ArrayLike<number> | null;
    high?: ArrayLike<number> | null;
    kick?: ArrayLike<number> | null;
    snare?: ArrayLike<number> | null;
  },
  beatFrames: readonly number[],
  windowBeats: number,
): (number | null)[] {
  if (beatFrames.length < 8) return LEVEL_FOLD.map(() => null);
  const windows = beatFrames
    .slice(0, -1)
    .map((b, i) => Math.max(1, Math.round(windowBeats * (beatFrames[i + 1]! - b))));
  // a signal at each beat and each half-way after it (the last beat has no half-way: left out)
  const at = (env: ArrayLike<number>) => ({
    on: windows.map((w, i) => peakNear(env, beatFrames[i]!, w)),
    off: windows.map((w, i) => peakNear(env, (beatFrames[i]! + beatFrames[i + 1]!) / 2, w)),
  });
  const { low, mid, high, kick, snare } = signals;
  let flux: (number | null)[] = [null, null];
  if (low && mid && high) {
    const [l, m, h] = [low, mid, high].map((env) => {
      let mean = 0;
      for (let j = 0; j < env.length; j++) mean += env[j]!;
      mean /= Math.max(1, env.length);
      const v = at(env);
      // the mean per position class (0: even beats, 1: the half-way after them, 2: odd beats, 3: after them)
      const sums = [0, 0, 0, 0];
      const counts = [0, 0, 0, 0];
      v.on.forEach((x, i) => {
        const k = 2 * (i % 2);
        sums[k]! += x;
        sums[k + 1]! += v.off[i]!;
        counts[k]!++;
        counts[k + 1]!++;
      });
      return sums.map((x, j) => (counts[j] && mean > 0 ? x / counts[j]! / mean : 0));
    }) as [number[], number[], number[]];
    const bright = l.map((v, j) => (m[j]! + h[j]!) / 2 - v);
    const scale = Math.max(...l.map((v, j) => (m[j]! + h[j]!) / 2 + v));
    if (scale > 0) {
      const [one, two] = bright[2]! >= bright[0]! ? [0, 2] : [2, 0];
      flux = [(bright[two]! - bright[one]!) / scale, ((bright[1]! + bright[3]!) / 2 - bright[two]!) / scale];
    }
  }
  let alternation: number | null = null;
  if (kick && snare) {
    const k = at(kick).on;
    const s = at(snare).on;
    let sum = 0;
    let abs = 0;
    for (let i = 0; i + 1 < k.length; i += 2) {
      const one = s[i]! - k[i]!;
      const two = s[i + 1]! - k[i + 1]!;
      sum += two - one;
      abs += Math.abs(one) + Math.abs(two);
    }
    alternation = abs > 0 ? Math.abs(sum) / abs : null;
  }
  return [...flux, alternation];
}
/** levelBackbeatFold's names. */
export const LEVEL_FOLD = ['backbeat', 'offbeat', 'alternation'] as const;

/**
 * A signal folded over four beats (h-tempo89's blind half-time measure, blindHalfTime): per beat class mod 4 the mean
 * of its maximum within ±halfWidth frames of the beats; c the strongest class, n the mean of c ± 1; accent = (x_c − n)
 * / (x_c + n) (0 when x_c ≤ n), pair = (x_{c+2} − n) / (x_c − n) (1 when x_c ≤ n): one accent every four beats has a
 * large accent and a small pair, a backbeat on every other beat a pair near 1.
 */
export function fourBeatAccent(env: ArrayLike<number>, beatFrames: readonly number[], halfWidth: number) {
  const x = classMeans(env, beatFrames, halfWidth, 4);
  const c = x.indexOf(Math.max(...x));
  const n = (x[(c + 1) % 4]! + x[(c + 3) % 4]!) / 2;
  const top = x[c]! - n;
  return { accent: top > 0 ? top / (x[c]! + n) : 0, pair: top > 0 ? (x[(c + 2) % 4]! - n) / top : 1 };
}

/**
 * A level's wide-snare and four-beat numbers (h-tempo92, issue 12 points 1 and 2), LEVEL_WIDE's order, read by the
 * level model as features (not a gate):
 * - `wide rate`, `strict rate`: the log of the wide snare reading's hits (snareHits' wide shape — the body region to
 *   snareWideBodyHighHz, the purity from snareWidePurityDb, a click weighed snareWideStickWeight — read on every file)
 *   and of the snare detector's own hits per beat of the level, log(hits / beats + 0.01): the wide rate scales with
 *   those three parameters;
 * - `wide backbeat`: the wide hits within a quarter beat of one of the level's beats, by the beat's index mod 4: the
 *   stronger pair of alternate classes (c, c + 2) holds a share s of them, κ = 2s − 1, their balance ε = min / max,
 *   and the share of all the hits that fell on the beats (not half-way) o: κ · ε · o (snareBackbeat's evidence) — 1
 *   for a clap, rim or cross-stick on every other beat of the level, small at its double (one class) and half (o);
 * - `accent4`, `pair4`: the band energies' snare group (bandRise, the fold's own) folded over four beats
 *   (fourBeatAccent: one accent a bar — the level is twice the backbeat's);
 * - `accent2`: the same folded over two beats, |x₀ − x₁| / (x₀ + x₁) (kick and snare alternating on the beats).
 * null for what the input lacks (no band energy) or with fewer than 8 beats.
 */
export function levelWide(
  wideTimes: readonly number[] | null,
  strictTimes: readonly number[] | null,
  snareRise: ArrayLike<number> | null,
  beatFrames: readonly number[],
  hopSeconds: number,
  halfWidth: number,
): (number | null)[] {
  if (beatFrames.length < 8) return LEVEL_WIDE.map(() => null);
  const n = beatFrames.length;
  const rate = (times: readonly number[] | null) => (times ? Math.log(times.length / n + 0.01) : null);
  let backbeat: number | null = null;
  if (wideTimes) {
    const byClass = [0, 0, 0, 0];
    let inside = 0;
    let i = 0;
    for (const t of wideTimes) {
      const f = t / hopSeconds;
      if (f < beatFrames[0]! || f >= beatFrames.at(-1)!) continue;
      while (beatFrames[i + 1]! <= f) i++;
      inside++;
      const period = beatFrames[i + 1]! - beatFrames[i]!;
      const d = (f - beatFrames[i]!) / period;
      if (d <= 0.25) byClass[i % 4]!++;
      else if (d >= 0.75) byClass[(i + 1) % 4]!++;
    }
    const on = byClass[0]! + byClass[1]! + byClass[2]! + byClass[3]!;
    if (on > 0) {
      const [a, b] = byClass[0]! + byClass[2]! >= byClass[1]! + byClass[3]! ? [0, 2] : [1, 3];
      const kappa = (2 * (byClass[a]! + byClass[b]!)) / on - 1;
      const hi = Math.max(byClass[a]!, byClass[b]!);
      backbeat = kappa * (hi > 0 ? Math.min(byClass[a]!, byClass[b]!) / hi : 0) * (on / inside);
    } else backbeat = 0;
  }
  let four: (number | null)[] = [null, null, null];
  if (snareRise) {
    const { accent, pair } = fourBeatAccent(snareRise, beatFrames, halfWidth);
    const [x0, x1] = classMeans(snareRise, beatFrames, halfWidth, 2) as [number, number];
    four = [accent, pair, x0 + x1 > 0 ? Math.abs(x0 - x1) / (x0 + x1) : 0];
  }
  return [rate(wideTimes), rate(strictTimes), backbeat, ...four];
}
/** levelWide's names. */
export const LEVEL_WIDE = ['wide rate', 'strict rate', 'wide backbeat', 'accent4', 'pair4', 'accent2'] as const;

/** Terms read from the chroma (the tonal envelope, the tonal pulse, the chord changes): missing without chroma. */
const TONAL_TERMS: ReadonlySet<LevelTerm> = new Set(['evenTonal', 'pulse', 'harmony', 'harmonyRaw']);
/** Terms read from the band energy (the snare hits): missing without it. */
const SNARE_TERMS: ReadonlySet<LevelTerm> = new Set(['snareBeat', 'snareHalf']);
/** Which of the model's inputs the engine had (chroma as tonalEnvelope reads it; band energy for the snare hits). */
export const levelPresence = (input: { chroma?: ArrayLike<number>; bandEnergy?: unknown }) => ({
  noTonal: !input.chroma || input.chroma.length < 24,
  noSnare: !input.bandEnergy,
});

/** The fields of the engine's candidate the model reads. */
export type LevelCandidateLike = Record<LevelTerm, number> & {
  bpm: number;
  ternary: boolean;
  twoBeatDetail?: {
    half: number;
    sub: number;
    kick: number;
    evidence: number;
    doubleBar: number;
    kickSnareHalf: number;
    snareOnBeats: number;
  };
  barRepeatDetail?: { s4: number; s8: number; evidence: number };
  halfTimeEvidence?: number;
  fourThreeEvidence?: number;
  sixEightEvidence?: number;
  dembowEvidence?: number;
  dembowRepeat?: number;
  /** levelProfile at the candidate's beats (h-tempo59; set when the model or the dump reads it). */
  profile?: (number | null)[];
  /** levelTwoFeel at the candidate's beats (h-tempo65; set when the model or the dump reads it). */
  twoFeel?: (number | null)[];
  /** levelSwing at the candidate's beats (h-tempo71; set when the model or the dump reads it). */
  swing?: number | null;
  /** levelBackbeatFold at the candidate's beats (h-tempo73; set when the model or the dump reads it). */
  fold?: (number | null)[];
  /** levelWide at the candidate's beats (h-tempo92; set when the model or the dump reads it). */
  wide?: (number | null)[];
};

/** A candidate's row: its terms, its checks' evidence (0 when not read), BPM, ternary flag and what was missing. */
export function levelRow(
  c: Readonly<LevelCandidateLike>,
  missing: { noTonal: boolean; noSnare: boolean } = { noTonal: false, noSnare: false },
): LevelRow {
  const t = c.twoBeatDetail;
  const b = c.barRepeatDetail;
  const row = {
    bpm: c.bpm,
    ternary: c.ternary,
    twoBeatHalf: t?.half ?? 0,
    twoBeatSub: t?.sub ?? 0,
    twoBeatKick: t?.kick ?? 0,
    twoBeatEvidence: t?.evidence ?? 0,
    twoBeatDoubleBar: t?.doubleBar ?? 0,
    twoBeatKickSnareHalf: t?.kickSnareHalf ?? 0,
    twoBeatSnareOnBeats: t?.snareOnBeats ?? 0,
    halfTimeEvidence: c.halfTimeEvidence ?? 0,
    fourThreeEvidence: c.fourThreeEvidence ?? 0,
    sixEightEvidence: c.sixEightEvidence ?? 0,
    dembowEvidence: c.dembowEvidence ?? 0,
    dembowRepeat: c.dembowRepeat ?? 0,
    barRepeatS4: b?.s4 ?? 0,
    barRepeatS8: b?.s8 ?? 0,
    barRepeatEvidence: b?.evidence ?? 0,
    noTonal: missing.noTonal,
    noSnare: missing.noSnare,
    ...(c.profile ? { profile: c.profile } : {}),
    ...(c.twoFeel ? { twoFeel: c.twoFeel } : {}),
    ...(c.swing !== undefined ? { swing: c.swing } : {}),
    ...(c.fold ? { fold: c.fold } : {}),
    ...(c.wide ? { wide: c.wide } : {}),
  } as LevelRow;
  for (const k of LEVEL_TERMS) row[k] = c[k];
  return row;
}

const EPS = 1e-3;
/** lr56's rich feature vector's names (83), in order. */
const LEVEL_FEATURES_56: readonly string[] = [
  ...LEVEL_TERMS.map((k) => `log ${k} slow/fast`),
  ...LEVEL_TERMS.map((k) => `log ${k} slow`),
  ...LEVEL_DETAILS.flatMap((k) => [`${k} slow`, `${k} fast`]),
  'slow ternary',
  'fast ternary',
  'log2 slow/100',
  'no chroma',
  'no band energy',
];
/** The fold readings' feature names (h-tempo78: levelFoldReading at each level and their difference). */
const READING_FEATURES = ['fold reading slow', 'fold reading fast', 'fold reading fast − slow'];
/** levelWide's feature names (h-tempo92): the two rates at the slow level, the other four at both. */
const WIDE_FEATURES = [
  'wide rate slow',
  'strict rate slow',
  ...LEVEL_WIDE.slice(2).flatMap((k) => [`${k} slow`, `${k} fast`]),
];
/**
 * The feature vector's names (113), in order: lr56's 83, then the log of each level's beat profile (levelProfile,
 * h-tempo59), slow and fast. A preset's `features` must be a prefix of it (lr56 reads the first 83).
 */
export const LEVEL_FEATURES: readonly string[] = [
  ...LEVEL_FEATURES_56,
  ...LEVEL_PROFILE.flatMap((k) => [`log ${k} slow`, `log ${k} fast`]),
  // h-tempo65: the two-feel numbers (levelTwoFeel) at both levels, after lr59's 113
  'lowHigh alt slow',
  'lowHigh alt fast',
  'log onsets per beat slow',
  // h-tempo68: the score without the engine's own tempo prior (a model whose tempo term is its broad prior alone)
  'log score/prior slow/fast',
  'log score/prior slow',
  // h-tempo71: each level's swing (levelSwing)
  'swing slow',
  'swing fast',
  // h-tempo73: each level's backbeat fold (levelBackbeatFold)
  ...LEVEL_FOLD.flatMap((k) => [`fold ${k} slow`, `fold ${k} fast`]),
  // h-tempo78: each level's fold reading (levelFoldReading: backbeat − max(0, offbeat)) and their difference
  ...READING_FEATURES,
  // h-tempo92: the wide snare reading and the four-beat fold (levelWide); the rates at the slow level only (the fast
  // level's are the slow's minus a constant, the log of 2, but for the 0.01)
  ...WIDE_FEATURES,
];
/** The columns of LEVEL_FEATURES that carry the level's tempo (the BPM, the engine's prior and the score with it). */
export const LEVEL_TEMPO_FEATURES: readonly string[] = [
  'log prior slow/fast',
  'log prior slow',
  'log score slow/fast',
  'log score slow',
  'log2 slow/100',
];
/**
 * The pair's features (LEVEL_FEATURES): log(slow / fast) of every term, the slow level's own, the evidence, the
 * flags, the BPM, and what the input lacked. A term the input could not give (TONAL_TERMS without chroma,
 * SNARE_TERMS without band energy) is NaN — missing: it adds nothing to the sum (levelProbabilityOfRow), the trainer
 * leaves it out of its means — not the neutral 1 (or the evenness floor) the hand combination multiplies.
 */
export function levelPairFeatures(slow: Readonly<LevelRow>, fast: Readonly<LevelRow>): number[] {
  const missing = (k: LevelTerm) => (slow.noTonal && TONAL_TERMS.has(k)) || (slow.noSnare && SNARE_TERMS.has(k));
  const log = (x: number) => Math.log(Math.max(0, x) + EPS);
  return [
    ...LEVEL_TERMS.map((k) => (missing(k) ? NaN : log(slow[k]) - log(fast[k]))),
    ...LEVEL_TERMS.map((k) => (missing(k) ? NaN : log(slow[k]))),
    ...LEVEL_DETAILS.flatMap((k) => [slow[k] ?? 0, fast[k] ?? 0]),
    slow.ternary ? 1 : 0,
    fast.ternary ? 1 : 0,
    Math.log2(slow.bpm / 100),
    slow.noTonal ? 1 : 0,
    slow.noSnare ? 1 : 0,
    ...LEVEL_PROFILE.flatMap((_, j) => [profileLog(slow, j), profileLog(fast, j)]),
    twoFeelOf(slow, 0),
    twoFeelOf(fast, 0),
    twoFeelOf(slow, 1),
    log(slow.score / slow.prior) - log(fast.score / fast.prior),
    log(slow.score / slow.prior),
    slow.swing ?? NaN,
    fast.swing ?? NaN,
    ...LEVEL_FOLD.flatMap((_, j) => [foldOf(slow, j), foldOf(fast, j)]),
    levelFoldReading(slow) ?? NaN,
    levelFoldReading(fast) ?? NaN,
    (levelFoldReading(fast) ?? NaN) - (levelFoldReading(slow) ?? NaN),
    wideOf(slow, 0),
    wideOf(slow, 1),
    ...LEVEL_WIDE.slice(2).flatMap((_, j) => [wideOf(slow, j + 2), wideOf(fast, j + 2)]),
  ];
}
/** A level's levelWide number j (NaN: missing, or a row dumped without them). */
function wideOf(r: Readonly<LevelRow>, j: number): number {
  const v = r.wide?.[j];
  return v === null || v === undefined ? NaN : v;
}
/** A level's backbeat-fold number j (NaN: missing, or a row dumped without them). */
function foldOf(r: Readonly<LevelRow>, j: number): number {
  const v = r.fold?.[j];
  return v === null || v === undefined ? NaN : v;
}

/**
 * A broad tempo prior (h-tempo68, issue 12 point 2): a Gaussian on log2 BPM, centre `center` (log2 BPM) and width
 * `octaves` (its standard deviation). Its log-ratio for a pair, log N(fast) − log N(slow), is added to the model's
 * sum with weight 1 (not learned): the only tempo term of a model trained without LEVEL_TEMPO_FEATURES, so the width
 * bounds how far the tempo alone can move the level (the pair's log-odds change 1 / octaves² per octave of BPM).
 */
export interface LevelPrior {
  center: number;
  octaves: number;
}
/** The prior's log-odds for the fast level of a pair (0 without a prior). */
export function levelPriorOffset(prior: LevelPrior | undefined, slowBpm: number, fastBpm: number): number {
  if (!prior) return 0;
  const d = (bpm: number) => (Math.log2(bpm) - prior.center) ** 2;
  return (d(slowBpm) - d(fastBpm)) / (2 * prior.octaves ** 2);
}
/** A level's two-feel number j (NaN: missing, or a row dumped without them). */
function twoFeelOf(r: Readonly<LevelRow>, j: number): number {
  const v = r.twoFeel?.[j];
  return v === null || v === undefined ? NaN : v;
}
/** log of a level's profile number j (NaN: missing, or a row dumped without profiles). */
function profileLog(r: Readonly<LevelRow>, j: number): number {
  const v = r.profile?.[j];
  return v === null || v === undefined ? NaN : Math.log(v + EPS);
}

/** A standardized logistic regression: z = b + Σ w_j (x_j − mean_j) / scale_j. */
export interface LevelModel {
  mean: number[];
  scale: number[];
  w: number[];
  b: number;
  /** Where the model's features are in LEVEL_FEATURES (h-tempo65: a preset may read a subset); none: a prefix. */
  index?: number[];
  /** A broad tempo prior added to the sum with weight 1 (h-tempo68; levelPriorOffset). */
  prior?: LevelPrior;
}

/** P(the fast level of the pair is right). */
export function levelProbability(m: LevelModel, slow: Readonly<LevelRow>, fast: Readonly<LevelRow>): number {
  const x = levelPairFeatures(slow, fast);
  const offset = levelPriorOffset(m.prior, slow.bpm, fast.bpm);
  return levelProbabilityOfRow(m, m.index ? m.index.map((i) => x[i]!) : x, offset);
}

/** Within 3 % of an octave: b is a's double. */
export const isDouble = (a: { bpm: number }, b: { bpm: number }) => Math.abs(b.bpm / (2 * a.bpm) - 1) <= 0.03;

export interface LevelMove {
  move: 1 | 2 | 0.5;
  /** P(double right) for the move up, P(half right) for the move down (undefined: no such candidate). */
  pUp?: number;
  pDown?: number;
  /** The BPM of the candidates moved to, when moved. */
  to?: number;
  /** The input had neither chroma nor band energy: the model did not read it. */
  abstained?: boolean;
}

/**
 * The model's move from the best candidate (rows best first). Onset envelopes alone (no chroma and no band energy:
 * `abstained`) give the model none of what it was trained on — every file of its sets had both — and it stays
 * (h-tlevel56: with the missing terms as NaN and plain grooves' envelope-only rows in training, it still moved 18 of
 * 48 envelope grooves the hand reads right; one of the two missing is read as missing, NaN).
 */
export function levelMove(m: LevelModel, rows: readonly Readonly<LevelRow>[], margin: number): LevelMove {
  const best = rows[0];
  if (!best) return { move: 1 };
  if (best.noTonal && best.noSnare) return { move: 1, abstained: true };
  const up = rows.find((c) => isDouble(best, c));
  const down = rows.find((c) => isDouble(c, best));
  const pUp = up ? levelProbability(m, best, up) : undefined;
  const pDown = down ? 1 - levelProbability(m, down, best) : undefined;
  if (up && pUp! > 0.5 + margin && pUp! >= (pDown ?? 0)) return { move: 2, pUp, pDown, to: up.bpm };
  if (down && pDown! > 0.5 + margin) return { move: 0.5, pUp, pDown, to: down.bpm };
  return { move: 1, pUp, pDown };
}

/**
 * A level's fold reading (h-tempo78): levelBackbeatFold's backbeat − max(0, offbeat) — large where kick and snare
 * alternate on the level's beats (rule A's level), small or negative at its double (a beat against its "and") and its
 * half (the snare between its beats); null where missing.
 */
export function levelFoldReading(r: Readonly<LevelRow>): number | null {
  const [backbeat, offbeat] = r.fold ?? [];
  return backbeat === null || backbeat === undefined || offbeat === null || offbeat === undefined
    ? null
    : backbeat - Math.max(0, offbeat);
}

/**
 * The beats at the moved level: as they are (1); the midpoints added (2); every other beat on the parity of the
 * first downbeat's index (½; 0 when there is none).
 */
export function movedBeats(beats: readonly number[], firstDownbeat: number | undefined, move: 1 | 2 | 0.5): number[] {
  if (move === 1) return [...beats];
  if (move === 2) return beats.flatMap((t, i) => (i + 1 < beats.length ? [t, (t + beats[i + 1]!) / 2] : [t]));
  const first = firstDownbeat !== undefined ? Math.max(0, beats.indexOf(firstDownbeat)) : 0;
  return beats.filter((_, i) => i % 2 === first % 2);
}

/**
 * A preset (presets/tempo-level-lr56.json, the first 83 features; tempo-level-lr59.json, all of lr59's 113;
 * tempo-level-lr65.json, lr56's 83 and the two-feel numbers: its `features` name its columns of LEVEL_FEATURES).
 */
export interface LevelModelPreset extends LevelModel {
  name: string;
  features: string[];
  provenance: Record<string, unknown>;
  /** Feature rows (the preset's own columns) and the probability the trainer gave them at training time. */
  checks: { from: string; x: number[]; offset?: number; probability: number }[];
}

/**
 * The engine's presets by round (TEMPO_PARAMETERS.levelModelPreset): lr56 (h-tlevel56), lr59 (h-tempo59, the beat
 * profiles on tempo21–39, lost its judge on tempo40 — songs 0.825 → 0.650), lr65 (h-tempo65, the two-feel numbers),
 * lr68 (h-tempo68, the tempo-free form with its broad prior), lr69 (h-tempo69, retrained with tempo43's ballroom
 * repertoire in its sets), lr71 (h-tempo71, lr56's form retrained on tempo25–44 with the realistic sets weighted),
 * lr72 (h-tempo72, lr56's form retrained on tempo25–45 under rule A's truth, fixtures/tempotruth.ts beatLevelFactor),
 * lr73 (h-tempo73, lr72's form and the backbeat fold, levelBackbeatFold, on tempo25–46), lr78 (h-tempo78, lr73's form
 * retrained on tempo35–47 and the plain grooves, λ 1; the default until lr80), lr79 (h-tempo79, lr78's form, the
 * beat profiles and the fold readings, levelFoldReading, retrained on tempo35–48 and the plain grooves, λ 2;
 * selectable, not the default: it did not meet h-tempo79's switch rule on LOSO), lr80 (h-tempo80, lr79's form
 * without the chord signal's beat profile — the one that halved one-chord-per-bar grooves —, retrained on
 * tempo35–49 and the plain grooves, λ 5; the default), lr92 (h-tempo92, lr80's form and the wide snare reading's
 * rates and backbeat at the levels, levelWide, retrained on tempo35–57 and the plain grooves, λ 5; selectable).
 */
export const LEVEL_MODEL_ROUNDS = [56, 59, 65, 68, 69, 71, 72, 73, 78, 79, 80, 92] as const;
/** The preset's name of a round (tempo-level-lrN). */
export function levelModelPresetName(round: number): string {
  if (!(LEVEL_MODEL_ROUNDS as readonly number[]).includes(round))
    throw new Error(`levelModelPreset ${round}: no such preset (${LEVEL_MODEL_ROUNDS.join(', ')})`);
  return `tempo-level-lr${round}`;
}
/** presets/tempo-level-lrN.json (src/presets.ts). */
export const levelModelFile = (round: number) => presetPath(`${levelModelPresetName(round)}.json`);
const loaded = new Map<number, LevelModelPreset>();
/** The columns of the swing numbers (h-tempo71) in LEVEL_FEATURES. */
const SWING_COLUMNS = [LEVEL_FEATURES.indexOf('swing slow'), LEVEL_FEATURES.indexOf('swing fast')];
/** The columns of the backbeat-fold numbers (h-tempo73) in LEVEL_FEATURES. */
export const FOLD_COLUMNS = LEVEL_FOLD.flatMap((k) => [
  LEVEL_FEATURES.indexOf(`fold ${k} slow`),
  LEVEL_FEATURES.indexOf(`fold ${k} fast`),
]);
/** The columns of the fold readings (h-tempo78) in LEVEL_FEATURES. */
const READING_COLUMNS = READING_FEATURES.map((f) => LEVEL_FEATURES.indexOf(f));
/** The columns of levelWide's numbers (h-tempo92) in LEVEL_FEATURES. */
export const WIDE_COLUMNS = WIDE_FEATURES.map((f) => LEVEL_FEATURES.indexOf(f));
/**
 * Whether the round's model reads the beat profiles (lr59's columns 83–112), the two-feel numbers (113–115), the
 * swing numbers (h-tempo71), the backbeat fold (h-tempo73) or the wide snare reading and four-beat fold (h-tempo92).
 */
export function levelModelReads(round: number) {
  const index = levelModel(round).index!;
  return {
    profile: index.some((i) => i >= 83 && i < 113),
    twoFeel: index.some((i) => i >= 113 && i < 116),
    swing: index.some((i) => SWING_COLUMNS.includes(i)),
    fold: index.some((i) => FOLD_COLUMNS.includes(i) || READING_COLUMNS.includes(i)),
    wide: index.some((i) => WIDE_COLUMNS.includes(i)),
  };
}
/** A round's model, read once, its feature names found in the code's (LEVEL_FEATURES), their positions kept. */
export function levelModel(round: number): LevelModelPreset {
  const had = loaded.get(round);
  if (had) return had;
  const m = readPreset<LevelModelPreset>(levelModelPresetName(round));
  const index = m.features.map((f) => LEVEL_FEATURES.indexOf(f));
  if (index.some((i) => i < 0) || m.w.length !== index.length)
    throw new Error(`${levelModelFile(round)}: features differ`);
  const out = { ...m, index };
  loaded.set(round, out);
  return out;
}

/**
 * P from a feature row in the model's own columns (the preset's checks); a missing feature (NaN, null in JSON) adds
 * nothing; a longer row is read as far as the model's w (LEVEL_FEATURES' prefix: lr56, lr59).
 */
export function levelProbabilityOfRow(m: LevelModel, x: readonly (number | null)[], offset = 0): number {
  const z = m.w.reduce((s, w, j) => {
    const v = x[j];
    return v === null || v === undefined || Number.isNaN(v) ? s : s + w * ((v - m.mean[j]!) / m.scale[j]!);
  }, m.b + offset);
  return 1 / (1 + Math.exp(-z));
}
