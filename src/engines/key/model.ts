/**
 * The key's learned combiner (issue 12 point 3, h-keylearn56): boosted trees "this candidate is the song's key" over
 * each of the 24 candidates' own evidence (the terms the hand combination weighs), the same terms relative to the keys
 * it is most often confused with (the relative, the parallel, the keys a fifth up and down), its hand score's gap to
 * the best, and song-level facts (an arrived cadence, a vamp, a pedal, no cadence at all) times the terms they
 * qualify, and (h-key63) the open song's terms. The features are built here once, for the trainer (bench/key-learn.ts)
 * and for the engine; its default is presets/key-combiner-gbm63.json (h-key63; gbm56 … gbm71 and gbm74 beside it).
 */
import { readPreset } from '../../presets.js';
import { KEY_PARAMETERS } from '../analysis/params.js';
import { treeLeaf, type Tree } from '../trees.js';

/** The candidate's terms the model reads (booleans as 0/1; `score` is the hand combination's score). */
export const KEY_TERMS = [
  'profile',
  'bass',
  'tonicChord',
  'cadence',
  'diatonic',
  'endsVote',
  'phraseReturn',
  'scaleEdge',
  'vampTonic',
  'heldTonic',
  'pedalTonic',
  'firstChord',
  'lastChord',
  'score',
] as const;
export type KeyTerm = (typeof KEY_TERMS)[number];
/**
 * h-key63: the open song's terms (KeyEvidence's bassTonic … onsetTriad), after every gbm59 feature: read as NaN from
 * a candidate without them (a dump made before h-key63); the trees send a NaN left.
 */
export const KEY_OPEN_TERMS = [
  'bassTonic',
  'longTonic',
  'tonicEntries',
  'heldTriad',
  'topTonic',
  'onsetTriad',
] as const;
export type KeyOpenTerm = (typeof KEY_OPEN_TERMS)[number];
/** A candidate as the model reads it (KeyEvidence has these fields). */
export type KeyModelCandidate = { tonic: number; mode: 'major' | 'minor' } & Record<KeyTerm, number | boolean> &
  Partial<Record<KeyOpenTerm, number>>;

/** The song-level facts the model reads (analyzeKey's, reported through EstimateKeyOptions.onEvidence). */
export interface KeySongFacts {
  /** The last chord is reached by a cadence (V/v/IV/iv/bVII → I). */
  arrived: boolean;
  /** The last chord is reached by its own dominant (V or V7 → I). */
  dominantEnd: boolean;
  /** Two roots hold vampShare of the chord time, the first chord on one of them. */
  vamp: boolean;
  /** A tonic pedal was found (a held bass under changing chords, read as the key's tonic). */
  tonicPedal: boolean;
  /** A dominant pedal was found. */
  dominantPedal: boolean;
}
export const KEY_FACTS = ['arrived', 'dominantEnd', 'vamp', 'tonicPedal', 'dominantPedal', 'noCadence'] as const;
/** The terms the facts multiply. */
const FACT_TERMS: readonly KeyTerm[] = ['endsVote', 'pedalTonic', 'tonicChord', 'cadence', 'firstChord', 'lastChord'];
/** The neighbours the terms are also read against: [name, tonic step, mode flips]. */
const NEIGHBOURS = [
  ['relative', 0, true],
  ['parallel', 0, true],
  ['fifth up', 7, false],
  ['fifth down', 5, false],
] as const;

/** The model's feature names, in row order. */
export const KEY_MODEL_FEATURES: readonly string[] = [
  ...KEY_TERMS,
  ...NEIGHBOURS.flatMap(([n]) => KEY_TERMS.map((t) => `${t} − ${n}`)),
  'score − best',
  'score rank',
  'minor',
  ...KEY_FACTS.flatMap((f) => FACT_TERMS.map((t) => `${f} × ${t}`)),
  // h-key63 (gbm59's features are the ones above: a preset's features are a prefix of these)
  ...KEY_OPEN_TERMS,
  ...NEIGHBOURS.flatMap(([n]) => KEY_OPEN_TERMS.map((t) => `${t} − ${n}`)),
];

const num = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/** The 24 candidates' feature rows, in the order of `evidence` (every key once). */
export function keyModelRows(evidence: readonly KeyModelCandidate[], facts: KeySongFacts): Float64Array[] {
  const at = new Map(evidence.map((e) => [`${e.tonic} ${e.mode}`, e]));
  const terms = (e: KeyModelCandidate) => KEY_TERMS.map((t) => num(e[t]));
  const openTerms = (e: KeyModelCandidate) => KEY_OPEN_TERMS.map((t) => e[t] ?? NaN);
  /** The candidate's terms less each neighbour's (0 when the neighbour is missing), in NEIGHBOURS' order. */
  const against = (e: KeyModelCandidate, of: (e: KeyModelCandidate) => number[]) => {
    const own = of(e);
    return NEIGHBOURS.flatMap(([name, step, flip]) => {
      const mode = flip ? (e.mode === 'major' ? 'minor' : 'major') : e.mode;
      const shift = name === 'relative' ? (e.mode === 'major' ? 9 : 3) : step;
      const other = at.get(`${(e.tonic + shift) % 12} ${mode}`);
      return other ? of(other).map((v, i) => own[i]! - v) : own.map(() => 0);
    });
  };
  const best = Math.max(...evidence.map((e) => num(e.score)));
  const ranked = [...evidence].sort((a, b) => num(b.score) - num(a.score));
  const noCadence = evidence.every((e) => !(num(e.cadence) > 0));
  const factOn = [facts.arrived, facts.dominantEnd, facts.vamp, facts.tonicPedal, facts.dominantPedal, noCadence];
  return evidence.map((e) => {
    const facts2 = factOn.flatMap((on) => FACT_TERMS.map((t) => (on ? num(e[t]) : 0)));
    return Float64Array.from([
      ...terms(e),
      ...against(e, terms),
      num(e.score) - best,
      ranked.indexOf(e),
      e.mode === 'minor' ? 1 : 0,
      ...facts2,
      ...openTerms(e),
      ...against(e, openTerms),
    ]);
  });
}

/**
 * A trained combiner: boosted depth-`depth` trees of bench/learn.ts trainBoosted with two classes (round-major, class
 * 0 "not the key" then class 1 "the key"); a row goes left when its feature is NaN or below the threshold (−∞ is
 * stored as −1e308). The candidate's log-odds of being the key: class 1's leaves minus class 0's.
 */
export interface KeyCombiner {
  name: string;
  features: string[];
  depth: number;
  trees: Tree[];
  /** Only the hand combination's best `top` candidates are reordered (the others keep their order below them). */
  top: number;
  /**
   * h-key59: the hand combination's answer is kept when its score leads the runner-up's by at least this (score
   * units); absent: the model always reorders.
   */
  keep?: number;
  checks?: { from: string; x: number[]; logit: number }[];
  provenance?: Record<string, unknown>;
}

/** The candidate's log-odds under the combiner. */
export function keyCombinerLogit(m: Pick<KeyCombiner, 'depth' | 'trees'>, x: ArrayLike<number>): number {
  return m.trees.reduce((z, t, i) => z + (i % 2 ? 1 : -1) * treeLeaf(t, m.depth, x), 0);
}

/**
 * h-key73 (keyModelOverride): which of the hand combination's best candidates (in its order, `logits` their log-odds
 * under the combiner) is the key — the model's best (the first of equal ones), unless its log-odds exceed the hand's
 * own pick's (index 0) by no more than `override`: then the hand's. 0 is the combiner alone (it always reorders).
 */
export function keyOverridePick(logits: readonly number[], override: number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
  return logits[best]! - logits[0]! > override ? best : 0;
}

/**
 * The presets the engine reads with `keyModel` 1 (the default since h-key59), by round (`keyModelPreset`, h-key71):
 * h-key63's gbm63, gbm59's form (top 10, 80 rounds, the analytic songs at full weight) over every feature (the open
 * terms too), trained on the rendered tuning sets fresh20–25 and 27–41; h-key71's gbm71, gbm63's form trained on the
 * rendered tuning sets fresh27–31 and 34–47 and the analytic songs A–D (D: bench/key-analytic.ts --families=d);
 * h-key74's gbm74, gbm63's form and material kind (the analytic songs A/B) on the 21 dumped rendered tuning sets
 * fresh27–31 and 34–49, three seeds bagged into one preset (key-learn --bag=3: their trees, each leaf ÷ 3).
 * h-key59's gbm59 (gbm57's form, fresh20–25 and 27–39, the first 109 features), h-keylearn56's gbm56 and h-key57's
 * gbm57 are beside them.
 */
export const KEY_COMBINER_ROUNDS = [56, 57, 59, 63, 71, 74] as const;
/** The preset's name of a round (key-combiner-gbmN). */
export function keyCombinerPresetName(round: number): string {
  if (!(KEY_COMBINER_ROUNDS as readonly number[]).includes(round))
    throw new Error(`keyModelPreset ${round}: no such preset (${KEY_COMBINER_ROUNDS.join(', ')})`);
  return `key-combiner-gbm${round}`;
}
/** The engine's default preset's name (keyModelPreset's default). */
export const KEY_COMBINER_PRESET = keyCombinerPresetName(KEY_PARAMETERS.keyModelPreset.value);

const cached = new Map<string, KeyCombiner>();
/** The combiner in presets/<name>.json (read once; the engine's is KEY_COMBINER_PRESET). */
export function keyCombiner(name: string = KEY_COMBINER_PRESET): KeyCombiner {
  let m = cached.get(name);
  if (!m) {
    m = readPreset<KeyCombiner>(name);
    // h-key63: a preset trained before the open terms reads the first of the engine's features
    if (m.features.join('\n') !== KEY_MODEL_FEATURES.slice(0, m.features.length).join('\n'))
      throw new Error(`presets/${name}.json: its features are not a prefix of the engine’s (src/engines/key/model.ts)`);
    cached.set(name, m);
  }
  return m;
}
