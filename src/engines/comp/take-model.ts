/**
 * The learned take scorer (issue 15, h-complearn56): a conditional logit over a section's takes, trained by
 * bench/comp-learn.ts as a pairwise logistic regression ("the clean take beats this one") on the measures' own
 * points. A take's score is a weighted sum of its features (each relative to the section's other takes too); the
 * section's take with the highest score is chosen. The features are built here once, for the trainer and for the
 * engine; the weights and scales are presets/comp-take-lr59.json (h-comp59; lr57 before it, h-comp57: with timing
 * evidence the rules leave out: the onset error, the entry against the nearest other take's, the take's own latency;
 * lr59 adds the takes' entries against each other over the whole song, songContext; lr63, h-comp63, the engine's
 * since, the takes pooled against each other over each section: measures.ts pooledMeasures). Within a section only
 * differences between takes count (a constant shared by the section's takes adds to every score alike), so the
 * features are a take's own.
 */
import { readFileSync } from 'node:fs';
import { presetPath } from '../../presets.js';
import {
  COMP_CHOICE_PARAMETERS,
  COMP_MEASURE_PARAMETERS,
  MEASURES,
  WEIGHT_PRESETS,
  DEFAULT_PRESET,
  type Measure,
} from './params.js';
import type { MeasureOutput, TakeSectionMeasures } from './measures.js';
import { classScores, infiniteThresholds, type Tree } from '../trees.js';

/** Points per measure before weights (choice.ts measurePoints), passed in to keep the modules acyclic. */
type Points = Record<Measure, number>;

const lp = (x: number) => Math.log1p(Math.max(0, x));
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};

/**
 * h-comp59: the takes against each other over the whole song (the no-guide misses: a take late by its own latency
 * reads on time once that latency is taken off; a late take is late in every section). Per take and section its entry
 * with its latency put back against the median of the other takes' (signed), that offset's median over the song's
 * sections and its spread there, and this section's distance from the take's median. (The voiced level against the
 * other takes' median, signed, and its song median were tried as the level defect's evidence and dropped: −5
 * sections leave-one-set-out on the 14 tuning sets.)
 */
const SONG_FEATURES: readonly string[] = [
  'entry with latency − other takes median, ms / 10 (late +)',
  'entry with latency − other takes median, song median, ms / 10',
  'entry with latency − other takes median, song spread, ms / 10',
  'entry with latency − other takes median, here − song median, |ms| / 10',
];

/**
 * h-comp63: the takes against each other pooled over the whole section (measures.ts pooledMeasures: a faint late
 * entry, detune or level drop shows against every other take at once, where the per-note measures' noise hides it),
 * as read here and against the take's own median over the song's sections.
 */
const POOLED_FEATURES: readonly string[] = [
  'pooled lag behind the other takes, ms / 10 (late +)',
  'pooled lag behind the other takes, |ms| / 10',
  'pooled lag, here − song median, |ms| / 10',
  'pooled lag: the other takes within 10 ms, fraction',
  'pooled pitch above the other takes, |cents| / 10',
  'pooled pitch, here − song median, |cents| / 10',
  'pooled level above the other takes, dB',
  'pooled level, here − song median, dB',
];
const POOLED_GROUPS: readonly string[] = ['timing', 'timing', 'timing', 'timing', 'pitch', 'pitch', 'level', 'level'];

/**
 * h-comp65: the take's note starts against an absolute reference over the whole section (measures.ts absoluteTiming:
 * the MIDI guide's note-ons, the guide vocal's note starts, the no-guide grid), where two or three takes share a faint
 * late or early defect and a reading against the other takes cannot tell which group moved.
 */
const ABSOLUTE_FEATURES: readonly string[] = [
  'note starts against the reference, ms / 10 (late +)',
  'note starts against the reference, |ms| / 10',
  'note starts against the reference, here − section median, |ms| / 10',
  'note starts against the reference, interquartile range, ms / 10',
];

/**
 * h-comp72: the take's level and note starts against the other takes at the same place (measures.ts
 * phraseMeasures: phrase by phrase against their median level, each note start against their nearest), as read
 * here and against the take's own median over the song's sections; the level's drop below that median (≤ 0) apart,
 * as the defect only ever lowers a take.
 */
const PHRASE_FEATURES: readonly string[] = [
  'phrase level above the other takes, dB',
  'phrase level, here − song median, dB',
  'phrase level, drop below the song median, dB (≤ 0)',
  'note starts behind the other takes, ms / 10 (late +)',
  'note starts behind the other takes, |ms| / 10',
  'note starts behind the other takes, here − song median, |ms| / 10',
];
const PHRASE_GROUPS: readonly string[] = ['level', 'level', 'level', 'timing', 'timing', 'timing'];

/** The feature names, in order: the preset's `features` must equal it. */
export const TAKE_FEATURES: readonly string[] = [
  ...MEASURES.map((k) => `log1p ${k} points`),
  ...MEASURES.filter((k) => k !== 'stability').map((k) => `${k} defect`),
  'log1p total − section min',
  'absent',
  'timing − section median, |ms| / 10',
  'timing − section median, ms / 10 (late +)',
  'entry found',
  'voiced level − section loudest, dB / 10',
  'level delta, |LU|',
  'noise excess, dB / 10',
  'missing fraction',
  'extra fraction',
  'pitch median − section min, cents / 10',
  'jitter − section median, cents',
  "the rules' choice",
  'onset error, ms / 10',
  'entry − nearest other take, |ms| / 10',
  'other takes within 15 ms of the entry, fraction',
  'own latency, |ms| / 10',
  'entry with its latency − section median, |ms| / 10',
  ...SONG_FEATURES,
  ...POOLED_FEATURES,
  ...ABSOLUTE_FEATURES,
  ...PHRASE_FEATURES,
];

/** What each feature reads, for the reasons (a measure's features are summed: they share its evidence). */
export const TAKE_FEATURE_GROUPS: readonly string[] = [
  ...MEASURES.map((k) => (k === 'stability' ? 'pitch stability' : k === 'missing' ? 'missing or extra voice' : k)),
  ...MEASURES.filter((k) => k !== 'stability').map((k) => (k === 'missing' ? 'missing or extra voice' : k)),
  'weighted points',
  'missing or extra voice',
  'timing',
  'timing',
  'timing',
  'level',
  'level',
  'noise',
  'missing or extra voice',
  'missing or extra voice',
  'pitch',
  'pitch stability',
  "the rules' choice",
  'timing',
  'timing',
  'timing',
  'timing',
  'timing',
  ...SONG_FEATURES.map(() => 'timing'),
  ...POOLED_GROUPS,
  ...ABSOLUTE_FEATURES.map(() => 'timing'),
  ...PHRASE_GROUPS,
];

/**
 * What the measures read per take beside a section's measures (h-comp57): each take's own latency, which the measures
 * take off its timingMs (the first voice against the phrase lead was tried too, and dropped: no gain on the tuning
 * sets).
 */
export interface TakeContext {
  latencyMs: number[];
  /** What the measures' timing was taken against (MeasureOutput.reference; absent: the takes). */
  reference?: MeasureOutput['reference'];
  /** The song's view of each take (songContext), when the whole song's sections are at hand. */
  song?: SongContext;
}

/** Per take over a song's sections (songContext): the medians and spread the song features read. */
export interface SongContext {
  /** Per section and take: entry with its latency − the other takes' median, ms (null: silent or alone). */
  entryRel: (number | null)[][];
  entryMedian: number[];
  entrySpread: number[];
  /** Per take, the median over the song's sections of its pooled lag, pitch and level (h-comp63; 0: none). */
  pooledMedian?: { lag: number[]; pitch: number[]; level: number[] };
  /** Per take, the median over the song's sections of its phrase level and note-start lag (h-comp72; 0: none). */
  phraseMedian?: { level: number[]; onset: number[] };
}

/** A value against the median of the other takes' (null when it or all of theirs are null). */
function againstOthers(xs: (number | null)[]): (number | null)[] {
  return xs.map((x, t) => {
    const o = xs.filter((u, k): u is number => k !== t && u !== null);
    return x === null || o.length === 0 ? null : x - medianOf(o);
  });
}
/** The true median (the mean of the middle two for an even count). */
const medianOf = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? 0 : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

/** The song context from all sections' measures (rows: sections, columns: takes) and each take's latency. */
export function songContext(
  measures: TakeSectionMeasures[][],
  latencyMs: number[],
  reference?: TakeContext['reference'],
): SongContext {
  // where the section's reference is the group nearest the guide (sectionTimingReference), the other takes' median
  // entry is that reference with their median latency
  const entryRel = measures.map((row) => {
    const raw = row.map((m, t) => (m.timingMs === null ? null : m.timingMs + (latencyMs[t] ?? 0)));
    const ref = sectionTimingReference(
      row.map((m) => m.timingMs),
      reference,
    );
    if (ref === null) return againstOthers(raw);
    return raw.map((x, t) => {
      const lat = row.flatMap((m, u) => (u === t || m.timingMs === null ? [] : [latencyMs[u] ?? 0]));
      return x === null || lat.length === 0 ? null : x - ref - medianOf(lat);
    });
  });
  const N = measures[0]?.length ?? 0;
  const col = (rel: (number | null)[][], t: number) => rel.flatMap((r) => (r[t] == null ? [] : [r[t]!]));
  const entryMedian = Array.from({ length: N }, (_, t) => medianOf(col(entryRel, t)));
  const pooled = (k: 'pooledLagMs' | 'pooledPitchCents' | 'pooledLevelDb' | 'phraseLevelDb' | 'onsetLagMs') =>
    Array.from({ length: N }, (_, t) => medianOf(measures.flatMap((r) => (r[t]?.[k] == null ? [] : [r[t]![k]!]))));
  return {
    entryRel,
    entryMedian,
    entrySpread: entryMedian.map((c, t) => medianOf(col(entryRel, t).map((x) => Math.abs(x - c)))),
    pooledMedian: { lag: pooled('pooledLagMs'), pitch: pooled('pooledPitchCents'), level: pooled('pooledLevelDb') },
    phraseMedian: { level: pooled('phraseLevelDb'), onset: pooled('onsetLagMs') },
  };
}

/** The context from the measures' output (the engine and comp-eval's dumps call this). */
export const takeContext = (
  out: Pick<MeasureOutput, 'takeLatencyMs'> & Partial<Pick<MeasureOutput, 'reference'>>,
): TakeContext => ({
  latencyMs: [...out.takeLatencyMs],
  ...(out.reference ? { reference: out.reference } : {}),
});

/**
 * The section's timing reference for the model's features (ms, in timingMs's frame; h-comp86, guideTimingOffMs):
 * null where it is the median of the takes' entries (main's: always without a guide, or with the parameter off),
 * else — with a guide, where that median lies more than guideTimingOffMs off the guide's 0 — the median of the
 * entries in the commonOffsetWindowSeconds-wide group nearest 0 (ties: the larger group). A late or early majority
 * moves the median, the guide does not; a section's own few ms against the guide, alike in every take, stay
 * absorbed by the median.
 */
export function sectionTimingReference(
  entries: (number | null)[],
  reference?: TakeContext['reference'],
): number | null {
  const off = COMP_CHOICE_PARAMETERS.guideTimingOffMs.value;
  if (off < 0 || (reference !== 'midi' && reference !== 'guide')) return boundedMedian(entries);
  const xs = entries.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (xs.length < 2 || Math.abs(medianOf(xs)) <= off) return null;
  const w = COMP_MEASURE_PARAMETERS.commonOffsetWindowSeconds.value * 1000;
  let best: number[] = [];
  for (let i = 0, j = 0; i < xs.length; i++) {
    while (j < xs.length && xs[j]! <= xs[i]! + w) j++;
    const g = xs.slice(i, j);
    const [c, b] = [Math.abs(medianOf(g)), Math.abs(medianOf(best))];
    if (!best.length || c < b - 1e-9 || (Math.abs(c - b) <= 1e-9 && g.length > best.length)) best = g;
  }
  return medianOf(best);
}

/**
 * h-comp96, sectionTimingMaxMs (any mode, where guideTimingOffMs sets no reference): null where the takes' median
 * entry lies within ±sectionTimingMaxMs (the median stands: a shift every take shares in a phrase, a rushed run or
 * a dragged entry, is the performer's), else the median bounded to it: a late or early majority beyond the bound
 * no longer moves the reference the takes are read against (their entries are in timingMs's frame, already less
 * the offset all takes share over the song and each take's own latency).
 */
function boundedMedian(entries: (number | null)[]): number | null {
  const X = COMP_CHOICE_PARAMETERS.sectionTimingMaxMs.value;
  const xs = entries.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (X < 0 || xs.length < 2) return null;
  const m = medianOf(xs);
  return Math.abs(m) <= X ? null : Math.sign(m) * X;
}

/** The other takes' entries in a section (ms; the silent ones left out). */
const others = (row: TakeSectionMeasures[], t: number) =>
  row.flatMap((m, u) => (u === t || m.timingMs === null ? [] : [m.timingMs]));

/** Each take's feature row in one section (rows align with `row`). */
export function takeFeatures(
  row: TakeSectionMeasures[],
  raw: Points[],
  absent: boolean[],
  defects: Measure[][],
  /** The take the hand-weighted rules (chooseTakes without the model) chose here. */
  ruled: number,
  ctx?: TakeContext,
  /** The section's index in ctx.song (its features are 0 without a song context). */
  section = 0,
): Float64Array[] {
  const song = ctx?.song;
  const clip = (x: number) => Math.max(-30, Math.min(30, x));
  const w = WEIGHT_PRESETS[DEFAULT_PRESET];
  const logs = raw.map((p) => MEASURES.map((k) => lp(p[k])));
  const totals = raw.map((p) => lp(MEASURES.reduce((a, k) => a + p[k] * w[k], 0)));
  const minTotal = Math.min(...totals);
  // the section's timing reference: the takes' median, or with a guide the group nearest it (sectionTimingReference)
  const ref = sectionTimingReference(
    row.map((m) => m.timingMs),
    ctx?.reference,
  );
  const timings = row.map((m) => m.timingMs).filter((x): x is number => x !== null);
  const tMed = ref ?? med(timings);
  const levels = row.map((m) => m.voicedLufs).filter((x): x is number => x !== null);
  const top = levels.length ? Math.max(...levels) : 0;
  const pitches = row.map((m) => m.pitchMedianCents).filter((x): x is number => x !== null);
  const pMin = pitches.length ? Math.min(...pitches) : 0;
  const jit = row.map((m) => m.jitterCents).filter((x): x is number => x !== null);
  const jMed = med(jit);
  const lat = (t: number) => ctx?.latencyMs[t] ?? 0;
  const rawEntry = row.map((m, t) => (m.timingMs === null ? null : m.timingMs + lat(t)));
  // (moved with it: the raw entries by as much, the note starts by their own group nearest the guide)
  const rMed = med(rawEntry.filter((x): x is number => x !== null)) + (ref === null ? 0 : ref - med(timings));
  const abs = row.map((m) => m.absLagMs ?? null);
  const aMed = sectionTimingReference(abs, ctx?.reference) ?? med(abs.filter((x): x is number => x !== null));
  // the entries the take's is compared with: the other takes', or the reference's alone
  const near = (t: number) => (ref === null ? others(row, t) : [ref]);
  return row.map((m, t) => {
    const l = logs[t]!;
    const dt = m.timingMs === null ? 0 : m.timingMs - tMed;
    const defect = (k: Measure) => defects[t]!.includes(k);
    return Float64Array.from([
      ...l,
      ...MEASURES.filter((k) => k !== 'stability').map((k) => (defect(k) ? 1 : 0)),
      totals[t]! - minTotal,
      absent[t] ? 1 : 0,
      Math.abs(dt) / 10,
      dt / 10,
      m.timingMs === null ? 0 : 1,
      m.voicedLufs === null ? -6 : (m.voicedLufs - top) / 10,
      m.levelDeltaLu === null ? 0 : Math.abs(m.levelDeltaLu),
      (m.noiseExcessDb ?? 0) / 10,
      m.missingFraction,
      m.extraFraction,
      m.pitchMedianCents === null ? 0 : (m.pitchMedianCents - pMin) / 10,
      m.jitterCents === null ? 0 : m.jitterCents - jMed,
      t === ruled ? 1 : 0,
      (m.onsetErrorMs ?? 0) / 10,
      m.timingMs === null ? 0 : Math.min(10, ...near(t).map((u) => Math.abs(m.timingMs! - u) / 10)),
      m.timingMs === null || row.length < 2
        ? 0
        : near(t).filter((u) => Math.abs(m.timingMs! - u) <= 15).length / (ref === null ? row.length - 1 : 1),
      Math.abs(lat(t)) / 10,
      rawEntry[t] === null ? 0 : Math.abs(rawEntry[t]! - rMed) / 10,
      ...songFeatures(song, section, t, clip),
      ...pooledFeatures(m, song, t, clip),
      ...absoluteFeatures(m, aMed, clip),
      ...phraseFeatures(m, song, t),
    ]);
  });
}

function songFeatures(song: SongContext | undefined, s: number, t: number, clip: (x: number) => number): number[] {
  if (!song) return SONG_FEATURES.map(() => 0);
  const e = song.entryRel[s]?.[t] ?? null;
  return [
    e === null ? 0 : clip(e / 10),
    clip(song.entryMedian[t]! / 10),
    clip(song.entrySpread[t]! / 10),
    e === null ? 0 : clip(Math.abs(e - song.entryMedian[t]!) / 10),
  ];
}

function pooledFeatures(m: TakeSectionMeasures, song: SongContext | undefined, t: number, clip: (x: number) => number) {
  const md = song?.pooledMedian;
  const L = m.pooledLagMs ?? null;
  const P = m.pooledPitchCents ?? null;
  const V = m.pooledLevelDb ?? null;
  return [
    L === null ? 0 : clip(L / 10),
    L === null ? 0 : clip(Math.abs(L) / 10),
    L === null ? 0 : clip(Math.abs(L - (md?.lag[t] ?? 0)) / 10),
    m.pooledLagAgree ?? 0,
    P === null ? 0 : clip(Math.abs(P) / 10),
    P === null ? 0 : clip(Math.abs(P - (md?.pitch[t] ?? 0)) / 10),
    V === null ? 0 : clip(V),
    V === null ? 0 : clip(V - (md?.level[t] ?? 0)),
  ];
}

function phraseFeatures(m: TakeSectionMeasures, song: SongContext | undefined, t: number): number[] {
  const md = song?.phraseMedian;
  const V = m.phraseLevelDb ?? null;
  const O = m.onsetLagMs ?? null;
  // the level ±12 dB (a clipped take reads louder still: the clipping measure's), the lag ±300 ms
  const lv = (x: number) => Math.max(-12, Math.min(12, x));
  const ms = (x: number) => Math.max(-30, Math.min(30, x / 10));
  const here = V === null ? 0 : lv(V - (md?.level[t] ?? 0));
  return [
    V === null ? 0 : lv(V),
    here,
    Math.min(0, here),
    O === null ? 0 : ms(O),
    O === null ? 0 : Math.abs(ms(O)),
    O === null ? 0 : Math.abs(ms(O - (md?.onset[t] ?? 0))),
  ];
}

function absoluteFeatures(m: TakeSectionMeasures, sectionMedian: number, clip: (x: number) => number): number[] {
  const A = m.absLagMs ?? null;
  if (A === null) return ABSOLUTE_FEATURES.map(() => 0);
  return [
    clip(A / 10),
    clip(Math.abs(A) / 10),
    clip(Math.abs(A - sectionMedian) / 10),
    clip((m.absSpreadMs ?? 0) / 10),
  ];
}

/** The preset: per feature, a weight on the feature over its scale (the pairwise regression's, folded). */
export interface TakeModelPreset {
  name: string;
  /** Absent or 'linear': a weighted sum; 'trees': boosted trees over take pairs (TakeTreesPreset). */
  kind?: 'linear';
  features: string[];
  /** score = Σ weight_j · x_j / scale_j (a take's score; the section's highest is chosen). */
  weights: number[];
  scales: number[];
  /** Rows with the score the trainer's code gave them. */
  checks: { from: string; x: number[]; score: number }[];
  provenance: Record<string, unknown>;
}

/**
 * h-comp61: boosted trees (bench/learn.ts trainBoosted, K 2) over pairs of a section's takes, as bench/comp-learn.ts
 * `--model gb` trains them: a pair's margin is class 1's summed leaves less class 0's for the row x_t − x_u ("take t
 * is the clean one, not u"); a take's score is its margins against each other take of the section, summed.
 */
export interface TakeTreesPreset {
  name: string;
  kind: 'trees';
  features: string[];
  depth: number;
  /** Round-major, then class (tree i adds to class i mod 2), as src/engines/trees.ts reads them. */
  trees: Tree[];
  /**
   * Per tree, the training pairs that reached each leaf: a node's value is its leaves' mean weighted by them (the
   * terms of the decision log, takePairTerms).
   */
  cover: number[][];
  /** Pair rows (x_t − x_u) with the margin the trainer's code gave them. */
  checks: { from: string; x: number[]; score: number }[];
  provenance: Record<string, unknown>;
}

export type AnyTakeModel = TakeModelPreset | TakeTreesPreset;

export const TAKE_MODEL_FILE = presetPath('comp-take-lr59.json');
/** The tree preset (`takeModel` 2, h-comp61). */
export const TAKE_TREES_FILE = presetPath('comp-take-gbm61.json');
/** The gated models' presets (`takeModelGate` 1, h-comp62): trained on the takes the rules' gates allow only. */
export const TAKE_GATED_FILE = presetPath('comp-take-lr62.json');
export const TAKE_GATED_TREES_FILE = presetPath('comp-take-gbm62.json');
/** The linear model with the pooled features (`takeModel` 3, h-comp63). */
export const TAKE_POOLED_FILE = presetPath('comp-take-lr63.json');
/** The linear model with the note starts against an absolute reference too (`takeModel` 4, h-comp65). */
export const TAKE_ABSOLUTE_FILE = presetPath('comp-take-lr65.json');
/** Boosted trees over take pairs on lr65's features, trained on 20 tuning sets (`takeModel` 5, h-comp66). */
export const TAKE_TREES_ABSOLUTE_FILE = presetPath('comp-take-gbm66.json');
/** lr65's form with the level and note starts against the other takes at the same place (`takeModel` 6, h-comp72). */
export const TAKE_PHRASE_FILE = presetPath('comp-take-lr72.json');
/** lr65's form trained on the bounded section timing reference (`takeModel` 7 with `sectionTimingMaxMs`, h-comp97). */
export const TAKE_BOUNDED_FILE = presetPath('comp-take-lr97.json');
/** lr97's form, its bound chosen anew leave-one-set-out on held-out-42…65 (`takeModel` 9, h-comp99). */
export const TAKE_LR99_FILE = presetPath('comp-take-lr99.json');
/** lr99's form trained deterministically (trainNewtonLogistic), its bound chosen on held-out-42…66 (`takeModel` 10). */
export const TAKE_LR100_FILE = presetPath('comp-take-lr100.json');
/** The switch values from 2.5 up (`takeModel`, rounded), highest first, and the preset each names. */
const TAKE_MODEL_STEPS: readonly (readonly [number, string])[] = [
  [9.5, TAKE_LR100_FILE],
  [8.5, TAKE_LR99_FILE],
  [6.5, TAKE_BOUNDED_FILE],
  [5.5, TAKE_PHRASE_FILE],
  [4.5, TAKE_TREES_ABSOLUTE_FILE],
  [3.5, TAKE_ABSOLUTE_FILE],
  [2.5, TAKE_POOLED_FILE],
];
/**
 * The preset the switches name: `takeModel` 1 the linear one, 2 the trees; gated (`takeModelGate` 1) their kinds
 * trained on the gates' takes only (lr62, gbm62); 3 lr63, the linear one with the pooled features (gated or not); 4
 * lr65, with the note starts against an absolute reference too; 5 gbm66, trees over take pairs on lr65's features;
 * 6 lr72, lr65's form with the phrase level and note starts against the other takes (h-comp72); 7 lr97, lr65's
 * form trained with its timing read against the section median bounded (sectionTimingMaxMs, h-comp97); 9 lr99,
 * lr97's form with its bound chosen anew on held-out-42…65 (h-comp99; 8 is not assigned and reads lr97); 10 lr100,
 * lr99's form trained deterministically on held-out-42…66 (h-compd99).
 */
export const takeModelFile = (switchValue: number, gate = 0): string =>
  TAKE_MODEL_STEPS.find(([from]) => switchValue >= from)?.[1] ??
  (switchValue >= 1.5
    ? gate >= 0.5
      ? TAKE_GATED_TREES_FILE
      : TAKE_TREES_FILE
    : gate >= 0.5
      ? TAKE_GATED_FILE
      : TAKE_MODEL_FILE);
/** The shipped presets the switches name (takeModelFile): each read once; any other file is read every call. */
const SHIPPED_TAKE_MODELS = [
  TAKE_MODEL_FILE,
  TAKE_TREES_FILE,
  TAKE_GATED_FILE,
  TAKE_GATED_TREES_FILE,
  TAKE_POOLED_FILE,
  TAKE_ABSOLUTE_FILE,
  TAKE_TREES_ABSOLUTE_FILE,
  TAKE_PHRASE_FILE,
  TAKE_BOUNDED_FILE,
  TAKE_LR99_FILE,
  TAKE_LR100_FILE,
];
const cached = new Map<string, AnyTakeModel>();
/** A preset of either kind (linear weights or trees), checked against the engine's features. */
export function loadTakeModel(file = TAKE_MODEL_FILE): AnyTakeModel {
  if (cached.has(file)) return cached.get(file)!;
  const m = JSON.parse(readFileSync(file, 'utf8')) as AnyTakeModel;
  // an earlier preset reads the first of the engine's features (lr56: the 26 before h-comp57's timing evidence)
  if (m.features.join('\n') !== TAKE_FEATURES.slice(0, m.features.length).join('\n'))
    throw new Error(`${file}: its features are not the engine's (${TAKE_FEATURES.length} expected)`);
  if (m.kind === 'trees') infiniteThresholds(m.trees);
  if (SHIPPED_TAKE_MODELS.includes(file)) cached.set(file, m);
  return m;
}

/** Each feature's share of a take's score (the weight times the scaled feature; a preset's features only). */
export function takeContributions(m: Pick<TakeModelPreset, 'weights' | 'scales'>, x: Float64Array): number[] {
  return m.weights.map((w, j) => (w * x[j]!) / m.scales[j]!);
}
/** Per group (TAKE_FEATURE_GROUPS), the summed contributions. */
export function groupContributions(parts: number[]): Map<string, number> {
  const g = new Map<string, number>();
  parts.forEach((c, j) => g.set(TAKE_FEATURE_GROUPS[j]!, (g.get(TAKE_FEATURE_GROUPS[j]!) ?? 0) + c));
  return g;
}
export function takeScore(m: Pick<TakeModelPreset, 'weights' | 'scales'>, x: Float64Array): number {
  return takeContributions(m, x).reduce((a, b) => a + b, 0);
}

/** A pair row's margin (trees): class 1's summed leaves less class 0's. */
export function pairMargin(m: Pick<TakeTreesPreset, 'depth' | 'trees'>, d: ArrayLike<number>): number {
  const [no, yes] = classScores(m, 2, d);
  return yes! - no!;
}

/**
 * A pair row's margin split by feature along its paths (Saabas): at each split the row passes, the change from the
 * node's value to its child's goes to the split's feature; a node's value is its leaves' mean weighted by their
 * training cover (a node no pair reached keeps its parent's value). Class 0's trees count negatively. Returns the
 * per-feature terms and the bias (the roots' values): bias + Σ terms = the margin.
 */
export function takePairTerms(
  m: Pick<TakeTreesPreset, 'features' | 'depth' | 'trees' | 'cover'>,
  d: ArrayLike<number>,
): { terms: number[]; bias: number } {
  const terms = new Array<number>(m.features.length).fill(0);
  let bias = 0;
  const leaves = 1 << m.depth;
  m.trees.forEach((t, i) => {
    const sign = i % 2 ? 1 : -1;
    const cover = m.cover[i]!;
    // the value of the node at depth dd, index nd (its leaves nd·2^(depth−dd) …), or the parent's when none reached it
    const value = (dd: number, nd: number, parent: number) => {
      const span = leaves >> dd;
      let c = 0;
      let s = 0;
      for (let l = nd * span; l < (nd + 1) * span; l++) {
        c += cover[l]!;
        s += cover[l]! * t.leaf[l]!;
      }
      return c > 0 ? s / c : parent;
    };
    let nd = 0;
    let v = value(0, 0, t.leaf.reduce((a, b) => a + b, 0) / leaves);
    bias += sign * v;
    for (let dd = 0; dd < m.depth; dd++) {
      const [j, th] = t.split[(1 << dd) - 1 + nd]!;
      const x = d[j]!;
      nd = 2 * nd + (Number.isNaN(x) || x < th ? 0 : 1);
      const w = dd + 1 === m.depth ? t.leaf[nd]! : value(dd + 1, nd, v);
      terms[j]! += sign * (w - v);
      v = w;
    }
  });
  return { terms, bias };
}

/**
 * A section's takes scored by either kind of preset: per take its score (the highest is chosen) and each feature's
 * share of it (linear: weight × value / scale; trees: the feature's path terms over the take's pairs with the other
 * takes, summed — the score less the roots' values, a constant every take of the section shares).
 */
export function sectionTakeScores(m: AnyTakeModel, xs: Float64Array[]): { score: number; parts: number[] }[] {
  if (m.kind !== 'trees')
    return xs.map((x) => {
      const parts = takeContributions(m, x);
      return { score: parts.reduce((a, b) => a + b, 0), parts };
    });
  return xs.map((a, t) => {
    const parts = new Array<number>(m.features.length).fill(0);
    let score = 0;
    xs.forEach((b, u) => {
      if (u === t) return;
      const d = Float64Array.from(a.subarray(0, m.features.length), (v, j) => v - b[j]!);
      takePairTerms(m, d).terms.forEach((c, j) => (parts[j]! += c));
      score += pairMargin(m, d);
    });
    return { score, parts };
  });
}
