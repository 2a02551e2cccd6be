/**
 * The learned take choice (issue 15, h-complearn56): from comp-eval's dumps (`--dump PREFIX`: every take × section's
 * measures and the generator's clean take), each take's features (src/engines/comp/take-model.ts takeFeatures, the
 * engine's own code over choice.ts measurePoints / defectsOf / absentOf), pairwise rows "the clean take beats this
 * one" (both orders, as differences), and bench/learn.ts's logistic regression (a conditional logit: a take's score
 * is linear, the section's highest is chosen) or boosted trees (a take's score: its summed win probabilities).
 * Leave-one-set-out over the dumps given; `--write FILE` trains on all of them and writes the preset.
 *
 *   node dist/bench/comp-learn.js DUMP.json… [--model lr|gb] [--per-mode] [--epochs N] [--l2 X] [--features N]
 *     [--rounds N] [--depth N] [--shrink X] [--write FILE] [--no-loso] [--gated] [--veto] [--abs-gate [OFF,ON,MARGIN]]
 *     [--newton] [--seed N] [--clear-weight W] [--param NAME=VALUE]
 *   node dist/bench/comp-learn.js --judge PRESET DUMP.json   (scores one set with a preset, no training)
 *   node dist/bench/comp-learn.js --compare SCORES.json [SCORES.json] [--split N]   (two `--scores` readings)
 *   node dist/bench/comp-learn.js --engine COMP-EVAL.txt DUMP.json --scores FILE   (the engine's choices as one)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  absentOf,
  chooseTakes,
  defectsOf,
  gateOf,
  measurePoints,
  parseWeights,
  rowVetoes,
} from '../src/engines/comp/choice.js';
import type { TakeSectionMeasures } from '../src/engines/comp/measures.js';
import { COMP_CHOICE_PARAMETERS } from '../src/engines/comp/params.js';
import {
  TAKE_FEATURES,
  loadTakeModel,
  pairMargin,
  sectionTakeScores,
  songContext,
  takeFeatures,
  takeScore,
  type TakeContext,
  type TakeModelPreset,
  type TakeTreesPreset,
} from '../src/engines/comp/take-model.js';
import { GB, LR, trainBoosted, trainLogistic, trainNewtonLogistic, type Boosted } from './learn.js';

type Mode = 'midi' | 'guide' | 'none';
interface Cell {
  mode: Mode;
  seed: number;
  section: number;
  best: number;
  take: number;
  measures: TakeSectionMeasures;
  /** The take's own latency (take-model.ts takeContext; h-comp57). */
  latencyMs?: number;
  /** The generator's defect on this take (null: the clean take or none). */
  truth?: { kind: string; amount: number } | null;
}
export interface SectionRows {
  set: string;
  mode: Mode;
  seed: number;
  section: number;
  best: number;
  /** The rules' choice. */
  hand: number;
  x: Float64Array[];
  /** Per take, whether the rules' gates allow it (choice.ts gateOf: absence, defects; `--veto`: vetoesOf). */
  gate: boolean[];
  /** Per take, its note starts against the absolute reference (measures.ts absLagMs), for `--abs-gate`. */
  absLagMs: (number | null)[];
  /** The section is clearly best (clearlyBest): for `--clear-weight`. */
  clear: boolean;
  /** Per take, whether the rules' defects (choice.ts defectsOf) flag it: `--near-defect`. */
  flagged: boolean[];
  /** Per take, the generator's defect (null: none), for `--compare`'s census. */
  truth: (Cell['truth'] | null)[];
}

/**
 * The results' "clearly best" line (h-comp96's sum.py, h-comp97's cmp.py): every take but the clean one missing or
 * carrying a defect at least late / early 29.5 ms, detuned 19.5 cents, 7.5 dB low, clipped 5.5 dB or a burst at
 * −24.5 dBFS or louder.
 */
const CLEAR: Record<string, number> = { late: 29.5, early: 29.5, detune: 19.5, level: 7.5, clip: 5.5 };
export const clearlyBest = (takes: Pick<Cell, 'take' | 'truth'>[], best: number): boolean =>
  takes.every(
    ({ take, truth: t }) =>
      take === best ||
      (!!t &&
        (t.kind === 'missing' ||
          (t.kind === 'noise' ? t.amount >= -24.5 : Math.abs(t.amount) >= (CLEAR[t.kind] ?? 0)))),
  );

/** A dump's sections, each with its takes' feature rows (the engine's code) and the clean take. */
export function sectionsOf(file: string): SectionRows[] {
  const set = /held-out-\d+/.exec(file)?.[0] ?? file;
  const cells = JSON.parse(readFileSync(file, 'utf8')) as Cell[];
  const groups = new Map<string, Cell[]>();
  for (const c of cells) {
    const k = `${c.mode} ${c.seed} ${c.section}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(c);
  }
  const secs = [...groups.values()].map((g) => g.sort((a, b) => a.take - b.take));
  // the rules' choice over each song's sections (Viterbi: a song at once)
  const ruled = new Map<string, number>();
  // the song's view of each take (take-model.ts songContext) and each section's index in it
  const songs = new Map<string, { ctx: TakeContext; index: Map<number, number> }>();
  for (const key of new Set(secs.map((g) => `${g[0]!.mode} ${g[0]!.seed}`))) {
    const song = secs
      .filter((g) => `${g[0]!.mode} ${g[0]!.seed}` === key)
      .sort((a, b) => a[0]!.section - b[0]!.section);
    const names = song[0]!.map((c) => `take${c.take + 1}`);
    const sections = song.map((g, i) => ({ name: `${i + 1}`, startSeconds: i, endSeconds: i + 1 }));
    // the rules alone (the model's feature), whatever the switch's default
    const was = COMP_CHOICE_PARAMETERS.takeModel.value;
    (COMP_CHOICE_PARAMETERS.takeModel as { value: number }).value = 0;
    const ch = chooseTakes(
      sections,
      song.map((g) => g.map((c) => c.measures)),
      parseWeights(undefined).weights,
      names,
    );
    (COMP_CHOICE_PARAMETERS.takeModel as { value: number }).value = was;
    song.forEach((g, i) => ruled.set(`${key} ${g[0]!.section}`, ch[i]!.chosen));
    const latencyMs = song[0]!.map((c) => c.latencyMs ?? 0);
    songs.set(key, {
      ctx: {
        latencyMs,
        song: songContext(
          song.map((g) => g.map((c) => c.measures)),
          latencyMs,
        ),
      },
      index: new Map(song.map((g, i) => [g[0]!.section, i])),
    });
  }
  return secs.map((g) => {
    const row = g.map((c) => c.measures);
    const raw = row.map((m) => measurePoints(m));
    const hand = ruled.get(`${g[0]!.mode} ${g[0]!.seed} ${g[0]!.section}`)!;
    const song = songs.get(`${g[0]!.mode} ${g[0]!.seed}`)!;
    const defects = row.map((m, t) => defectsOf(m, raw[t]!));
    const x = takeFeatures(row, raw, absentOf(row), defects, hand, song.ctx, song.index.get(g[0]!.section)!);
    // `--veto` (h-comp67): the ordinary defects' gate (choice.ts vetoesOf, the engine's `takeModelVeto` 1) instead
    const gate = gateOf(absentOf(row), VETO ? rowVetoes(row, raw) : defects);
    const absLagMs = row.map((m) => m.absLagMs ?? null);
    return {
      set,
      mode: g[0]!.mode,
      seed: g[0]!.seed,
      section: g[0]!.section,
      best: g[0]!.best,
      hand,
      x,
      gate,
      absLagMs,
      clear: clearlyBest(g, g[0]!.best),
      truth: g.map((c) => c.truth ?? null),
      flagged: defects.map((d) => d.length > 0),
    };
  });
}

const diff = (a: Float64Array, b: Float64Array) => Float64Array.from(a, (v, j) => v - b[j]!);
/**
 * `--gated` (h-comp62): the model chooses only among the takes the rules' gates allow (choice.ts gateOf, the engine's
 * `takeModelGate` 1), so it trains on those only: a section whose clean take the gates remove gives no rows.
 */
/**
 * `--param NAME=VALUE` (repeatable, h-comp97): a COMP_CHOICE_PARAMETERS value moved for the whole run (the features
 * the engine's take model reads, e.g. `sectionTimingMaxMs`), checked against its declared range.
 */
process.argv.forEach((a, i) => {
  if (a !== '--param') return;
  const [name, v] = process.argv[i + 1]!.split('=') as [string, string];
  const spec = (COMP_CHOICE_PARAMETERS as Record<string, { value: number; range: readonly [number, number] }>)[name];
  const x = Number(v);
  if (!spec || !(x >= spec.range[0] && x <= spec.range[1])) throw new Error(`--param: ${name}=${v} not a choice value`);
  spec.value = x;
  console.log(`${name} = ${x}`);
});
const GATED = process.argv.includes('--gated');
/**
 * `--veto` (h-comp67): the take is chosen among those the ordinary defects leave (choice.ts vetoesOf; the engine's
 * `takeModelVeto` 1); with `--gated` the model trains on those takes only.
 */
const VETO = process.argv.includes('--veto');
/** `--clear-weight W` (h-comp99): the clearly-best sections' rows weigh W in the logistic fit (1: as before). */
const CLEAR_WEIGHT = ((a) => (a.includes('--clear-weight') ? Number(a[a.indexOf('--clear-weight') + 1]) : 1))(
  process.argv,
);
/**
 * `--newton` (h-compd99): the linear model by bench/learn.ts trainNewtonLogistic (Newton's method to the penalized
 * optimum: no shuffle, no seed, so a retrain moves no section), its penalty `--l2` per row as the shuffled trainer's.
 */
const NEWTON = process.argv.includes('--newton');
/** `--l2 X`: the logistic fit's L2 penalty per row (bench/learn.ts LR's 1e-3). */
const L2 = process.argv.includes('--l2') ? Number(process.argv[process.argv.indexOf('--l2') + 1]) : LR.l2;
function pairs(secs: SectionRows[]): { X: Float64Array[]; Y: number[]; W: number[] } {
  const X: Float64Array[] = [];
  const Y: number[] = [];
  const W: number[] = [];
  for (const s of secs)
    s.x.forEach((x, t) => {
      if (t === s.best || (GATED && (!s.gate[t] || !s.gate[s.best]))) return;
      X.push(diff(s.x[s.best]!, x));
      Y.push(1);
      X.push(diff(x, s.x[s.best]!));
      Y.push(0);
      const w = s.clear ? CLEAR_WEIGHT : 1;
      W.push(w, w);
    });
  return { X, Y, W };
}

/** The regression folded into one weight and scale per feature (the section's constant terms dropped). */
export function trainLinear(secs: SectionRows[], epochs: number): Pick<TakeModelPreset, 'weights' | 'scales'> {
  const { X, Y, W } = pairs(secs);
  const l2 = L2;
  // `--seed N` (h-comp99): the shuffle's seed (LR's 53), to read how many sections a retrain alone moves
  const seed = process.argv.includes('--seed') ? Number(process.argv[process.argv.indexOf('--seed') + 1]) : LR.seed;
  if (NEWTON) {
    if (CLEAR_WEIGHT !== 1) throw new Error('--newton: no row weights (--clear-weight)');
    // both orders of each pair: the bias fits to 0 and the features' means are 0, so a take's score is w · x / scale
    const n = trainNewtonLogistic(
      X.map((x, i) => ({ x: [...x], y: Y[i]! })),
      l2 * X.length,
    );
    return { weights: n.w, scales: n.scale };
  }
  const m = trainLogistic(X, Y, 2, { ...LR, epochs, l2, seed }, CLEAR_WEIGHT === 1 ? undefined : W);
  return { weights: m.w[1]!.slice(0, -1).map((w, j) => w - m.w[0]![j]!), scales: m.sd };
}

/** The trees' settings: bench/learn.ts GB, `--rounds N`, `--depth N`, `--shrink X` (h-comp61's ±10 %). */
function gbOptions(): typeof GB {
  const a = process.argv;
  const num = (name: string, d: number) => (a.includes(name) ? Number(a[a.indexOf(name) + 1]) : d);
  return {
    ...GB,
    rounds: num('--rounds', GB.rounds),
    depth: num('--depth', GB.depth),
    shrink: num('--shrink', GB.shrink),
  };
}

/** Trees on all the pairs of `secs`, as the engine's preset holds them (each leaf's training cover beside). */
export function trainTrees(secs: SectionRows[], features: string[]): Omit<TakeTreesPreset, 'checks' | 'provenance'> {
  const { X, Y } = pairs(secs);
  const o = gbOptions();
  const m: Boosted = trainBoosted(X, Y, 2, undefined, o);
  const cover = m.trees.map((t) => {
    const c = new Array<number>(t.leaf.length).fill(0);
    for (const x of X) {
      let nd = 0;
      for (let d = 0; d < o.depth; d++) {
        const [j, th] = t.split[(1 << d) - 1 + nd]!;
        nd = 2 * nd + (Number.isNaN(x[j]!) || x[j]! < th ? 0 : 1);
      }
      c[nd]!++;
    }
    return c;
  });
  return { name: '', kind: 'trees', features, depth: o.depth, trees: m.trees, cover };
}

type Scorer = (s: SectionRows) => number[];
function trainScorer(secs: SectionRows[], model: string, epochs: number): Scorer {
  if (process.argv.includes('--per-mode')) {
    const by = Object.fromEntries(
      (['midi', 'guide', 'none'] as Mode[]).map((m) => [
        m,
        trainOne(
          secs.filter((s) => s.mode === m),
          model,
          epochs,
        ),
      ]),
    ) as Record<Mode, Scorer>;
    return (s) => by[s.mode](s);
  }
  return trainOne(secs, model, epochs);
}
function trainOne(secs: SectionRows[], model: string, epochs: number): Scorer {
  if (model === 'gb') {
    const { X, Y } = pairs(secs);
    const o = gbOptions();
    const m = { depth: o.depth, trees: trainBoosted(X, Y, 2, undefined, o).trees };
    return (s) => s.x.map((a, t) => s.x.reduce((acc, b, u) => (u === t ? acc : acc + pairMargin(m, diff(a, b))), 0));
  }
  const m = trainLinear(secs, epochs);
  return (s) => s.x.map((x) => takeScore(m, x));
}

const argmax = (xs: number[]) => xs.reduce((b, v, i) => (v > xs[b]! ? i : b), 0);
/**
 * h-comp66 (`--abs-gate`, tried and left in the bench: trees over take pairs weigh the absolute timing themselves).
 * The absolute-timing gate after the model: where the model's take (the highest score)
 * reads at least `offMs` off the absolute reference (measures.ts absLagMs, |ms|) and other takes read within `onMs`
 * of it, scoring at most `margin` under, the best-scored of those is chosen. Returns that take, or null (the gate
 * does not fire: the model's take stands). `allowed`: the takes it may choose (the rules' gates, when on).
 */
export function absoluteGate(
  score: number[],
  absLagMs: (number | null | undefined)[],
  o: { offMs: number; onMs: number; margin: number },
  allowed: boolean[] = score.map(() => true),
): number | null {
  const top = score.reduce((b, v, t) => (allowed[t] && (!allowed[b]! || v > score[b]!) ? t : b), 0);
  const off = absLagMs[top];
  if (off == null || Math.abs(off) < o.offMs) return null;
  let pick: number | null = null;
  score.forEach((v, t) => {
    const a = absLagMs[t];
    if (t === top || !allowed[t] || a == null || Math.abs(a) > o.onMs || score[top]! - v > o.margin) return;
    if (pick === null || v > score[pick]!) pick = t;
  });
  return pick;
}

/**
 * `--abs-gate [OFF,ON,MARGIN]` (h-comp66): the absolute-timing gate after the model (absoluteGate), 12 ms, 10 ms and
 * 0.5 score units or these values.
 */
const ABS_GATE = ((a) => {
  const i = a.indexOf('--abs-gate');
  if (i < 0) return null;
  const v = /^[\d.]+,[\d.]+,[\d.]+$/.test(a[i + 1] ?? '') ? a[i + 1]!.split(',').map(Number) : null;
  // the gate's values from the leave-one-set-out scores of 13 tuning sets (lr65's form): 9–13 / 6–12 / 0.5–1 alike
  return v ? { offMs: v[0]!, onMs: v[1]!, margin: v[2]! } : { offMs: 12, onMs: 10, margin: 0.5 };
})(process.argv);
/**
 * A near-tie the take model would decide by a hair, left to what the rules prefer (h-comp100): where the model's
 * take `top` is not `preferred` and a preferred take the gates `allowed` scores within `margin` score units under it,
 * the best-scored of those instead; else `top` (`--near-rules`: preferred, the rules' own choice; `--near-defect`:
 * the takes the rules' defects leave).
 */
export function nearTieChoice(
  total: number[],
  allowed: boolean[],
  top: number,
  preferred: boolean[],
  margin: number,
): number {
  if (!(margin > 0) || preferred[top]) return top;
  let pick = top;
  total.forEach((v, t) => {
    if (t === top || !allowed[t] || !preferred[t] || total[top]! - v >= margin) return;
    if (pick === top || v > total[pick]!) pick = t;
  });
  return pick;
}

const num = (name: string) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : 0);
const NEAR_RULES = num('--near-rules');
const NEAR_DEFECT = num('--near-defect');
/**
 * The take chosen: the highest score, among the gates' takes when `--gated` or `--veto` (as choice.ts modelChoices),
 * then the absolute-timing gate when `--abs-gate`.
 */
export const pick = (
  s: Pick<SectionRows, 'gate' | 'absLagMs' | 'hand' | 'flagged'>,
  xs: number[],
  gated = GATED || VETO,
): number => {
  const allowed = xs.map((_, t) => !gated || s.gate[t]!);
  const top = argmax(xs.map((v, t) => (allowed[t] ? v : v - 1e12)));
  const abs = ABS_GATE ? absoluteGate(xs, s.absLagMs, ABS_GATE, allowed) : null;
  if (abs !== null) return abs;
  // `--near-rules X`, `--near-defect X` (h-comp100): nearTieChoice
  const rules = nearTieChoice(
    xs,
    allowed,
    top,
    s.gate.map((_, t) => t === s.hand),
    NEAR_RULES,
  );
  return nearTieChoice(
    xs,
    allowed,
    rules,
    s.flagged.map((f) => !f),
    NEAR_DEFECT,
  );
};
function tally(secs: SectionRows[], score: Scorer): Record<Mode, [number, number]> {
  const r: Record<Mode, [number, number]> = { midi: [0, 0], guide: [0, 0], none: [0, 0] };
  for (const s of secs) {
    r[s.mode][1]++;
    if (pick(s, score(s)) === s.best) r[s.mode][0]++;
  }
  return r;
}
const fmt = (r: Record<Mode, [number, number]>) =>
  (['midi', 'guide', 'none'] as Mode[]).map((m) => `${r[m][0]}/${r[m][1]}`).join(' | ');

/** A `--scores` file's section: its take scores (leave-one-set-out) and the take chosen. */
type Scored = Omit<SectionRows, 'x'> & { score: number[]; chosen: number };
const defectName = (t: Cell['truth'] | null | undefined) => (t ? `${t.kind} ${t.amount.toFixed(1)}` : 'clean');
/**
 * `--engine TXT DUMP.json --scores FILE` (h-comp100): the engine's own choices as a reading for `--compare` —
 * comp-eval's `--verbose` lines ("MODE [speech ]seed N Section|Sentence K: chose C, clean B") over the dump's
 * sections, every other section its clean take; no take scores (the dump's rounded measures move near-ties, so
 * comp-learn's own reading of a set can differ from the engine's by a few sections).
 */
function engineReading(dump: string, txt: string): Scored[] {
  const chose = new Map<string, number>();
  for (const line of readFileSync(txt, 'utf8').split('\n')) {
    const m = /^\s+(midi|guide|none) (?:speech )?seed (\d+) (?:Section|Sentence) (\d+): chose (\d+), clean/.exec(line);
    if (m) chose.set(`${m[1]} ${m[2]} ${Number(m[3]) - 1}`, Number(m[4]));
  }
  return sectionsOf(dump).map(({ x: _x, ...s }) => ({
    ...s,
    score: [],
    chosen: chose.get(`${s.mode} ${s.seed} ${s.section}`) ?? s.best,
  }));
}

/**
 * `--compare A.json [B.json] [--split N]` (h-comp100): leave-one-set-out readings (`--scores`) side by side — the
 * sections right under A and B by group (sets under N, 58 unless given, and from N on) and mode, B's gains and losses,
 * the clearly-best ones alike — then B's (or A's alone) clearly-best misses by the chosen take's defect and by how
 * far its score leads the clean take's, each listed with the other reading's margin and the rules' choice. With
 * `--near-rules X` / `--near-defect X` B's take is chosen again from its scores (`--compare A.json` then reads A
 * against A so chosen).
 */
function compare(files: string[], split: number): void {
  const [a, b0 = a] = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Scored[]);
  // with `--near-rules` / `--near-defect`, B's take chosen again from its scores (one reading against itself so)
  const b = NEAR_RULES || NEAR_DEFECT ? b0!.map((s) => ({ ...s, chosen: pick(s, s.score) })) : b0;
  const key = (s: Scored) => `${s.set} ${s.mode} ${s.seed} ${s.section}`;
  const other = new Map(b!.map((s) => [key(s), s]));
  const rows = a!.map((s) => ({ a: s, b: other.get(key(s))! }));
  if (rows.some((r) => !r.b)) throw new Error('--compare: the two readings hold different sections');
  const num = (s: Scored) => Number(/\d+$/.exec(s.set)?.[0] ?? 0);
  type Group = [string, (s: Scored) => boolean];
  const groups: Group[] = [
    [`< ${split}`, (s) => num(s) < split],
    [`≥ ${split}`, (s) => num(s) >= split],
    ['all', () => true],
    ...(['midi', 'guide', 'none'] as Mode[]).map((m) => [m, (s: Scored) => s.mode === m] as Group),
  ];
  const right = (s: Scored) => s.chosen === s.best;
  const line = (rs: typeof rows) =>
    `${rs.filter((r) => right(r.a)).length} | ${rs.filter((r) => right(r.b)).length} | ` +
    `+${rs.filter((r) => right(r.b) && !right(r.a)).length} −${rs.filter((r) => right(r.a) && !right(r.b)).length}`;
  console.log('| group | sections | A | B | B gained lost | clearly best | A | B | B gained lost |');
  for (const [name, f] of groups) {
    const rs = rows.filter((r) => f(r.a));
    const cb = rs.filter((r) => r.a.clear);
    console.log(`| ${name} | ${rs.length} | ${line(rs)} | ${cb.length} | ${line(cb)} |`);
  }
  // the margin by which the chosen take's score leads the clean take's (0 where the clean take is chosen)
  const lead = (s: Scored) => (s.score.length ? s.score[s.chosen]! - s.score[s.best]! : NaN);
  const list = (title: string, rs: typeof rows, r0: (r: (typeof rows)[number]) => Scored) => {
    console.log(`${title}: ${rs.length}`);
    for (const r of rs) {
      const s = r0(r);
      const o = s === r.a ? r.b : r.a;
      console.log(
        `  ${s.set} ${s.mode} ${s.seed} §${s.section + 1}: chose ${s.chosen} (${defectName(s.truth[s.chosen])}) ` +
          `by ${lead(s).toFixed(2)}; other reading chose ${o.chosen} by ${lead(o).toFixed(2)}; rules ` +
          `${s.hand === s.best ? 'clean' : `${s.hand} (${defectName(s.truth[s.hand])})`}`,
      );
    }
  };
  const clear = rows.filter((r) => r.a.clear);
  if (files.length > 1) {
    list(
      'clearly best lost (A right, B not)',
      clear.filter((r) => right(r.a) && !right(r.b)),
      (r) => r.b,
    );
    list(
      'clearly best gained (B right, A not)',
      clear.filter((r) => right(r.b) && !right(r.a)),
      (r) => r.a,
    );
  }
  // the census of B's clearly-best misses
  const miss = clear.filter((r) => !right(r.b)).map((r) => r.b);
  const count = (k: (s: Scored) => string) => {
    const c = new Map<string, number>();
    for (const s of miss) c.set(k(s), (c.get(k(s)) ?? 0) + 1);
    return [...c]
      .sort((x, y) => y[1] - x[1])
      .map(([n, v]) => `${n} ${v}`)
      .join(', ');
  };
  console.log(`clearly-best misses (B): ${miss.length} of ${clear.length}`);
  console.log(`  by the chosen take's defect: ${count((s) => s.truth[s.chosen]?.kind ?? 'clean')}`);
  const bins = [0.1, 0.3, 0.5, 1, 2];
  // a lead under 0: the clean take scored higher but the gates (`--veto`) removed it
  console.log(
    `  by its lead: ${count((s) =>
      Number.isNaN(lead(s))
        ? 'no scores'
        : lead(s) < 0
          ? 'clean take vetoed'
          : `≤ ${bins.find((x) => lead(s) <= x) ?? '∞'}`,
    )}`,
  );
  console.log(
    `  by the rules' choice: ${count((s) => (s.hand === s.best ? 'clean' : s.hand === s.chosen ? 'same' : 'third'))}`,
  );
  console.log(`  by mode: ${count((s) => s.mode)}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : d);
  const model = opt('--model', 'lr');
  const epochs = Number(opt('--epochs', '12'));
  const write = args.includes('--write') ? opt('--write', '') : null;
  const judge = args.includes('--judge') ? opt('--judge', '') : null;
  const files = args.filter(
    (a, i) => a.endsWith('.json') && !['--write', '--judge', '--scores', '--param'].includes(args[i - 1]!),
  );
  if (args.includes('--compare')) return compare(files, Number(opt('--split', '58')));
  if (args.includes('--engine'))
    return writeFileSync(opt('--scores', ''), JSON.stringify(engineReading(files[0]!, opt('--engine', ''))));
  // `--features N`: only the first N features (26: lr56's, without h-comp57's timing evidence; 35: lr59's, without
  // h-comp63's pooled terms; 43: lr63's, without h-comp65's absolute timing), for comparison
  const nf = Number(opt('--features', String(TAKE_FEATURES.length)));
  const all = files.flatMap(sectionsOf).map((s) => ({ ...s, x: s.x.map((x) => x.slice(0, nf)) }));
  if (judge) {
    const m = loadTakeModel(judge);
    const score = (s: SectionRows) => sectionTakeScores(m, s.x).map((p) => p.score);
    console.log(`${files.join(' ')}: model ${fmt(tally(all, score))}`);
    // `--scores FILE` (h-comp100): each section's take scores under the preset and the take chosen, as below
    if (args.includes('--scores'))
      writeFileSync(
        opt('--scores', ''),
        JSON.stringify(
          all.map((s) => {
            const { x: _x, ...rest } = s;
            return { ...rest, score: score(s), chosen: pick(s, score(s)) };
          }),
        ),
      );
    return;
  }
  const sets = [...new Set(all.map((s) => s.set))];
  console.log(`rules: ${fmt(tally(all, (s) => s.x.map((_, t) => (t === s.hand ? 1 : 0))))}`);
  console.log(`| set | in-sample | leave-one-set-out |  (MIDI | guide vocal | no guide; model ${model})`);
  const sum = {
    ins: { midi: [0, 0], guide: [0, 0], none: [0, 0] },
    loso: { midi: [0, 0], guide: [0, 0], none: [0, 0] },
  };
  // `--no-loso`: only the preset (`--write`), no leave-one-set-out; `--loso-sets a,b`: only these sets left out (one
  // process per part of the sets; the in-sample column then reads the left-out model too); `--scores FILE`: each
  // left-out section's take scores, absolute-timing readings and chosen take (the gates' and
  // the veto's pick: clearly-best counts)
  const only = args.includes('--loso-sets') ? new Set(opt('--loso-sets', '').split(',')) : null;
  const full = args.includes('--no-loso') ? null : only ? () => [] : trainScorer(all, model, epochs);
  const scored: unknown[] = [];
  for (const set of full ? sets.filter((x) => !only || only.has(x)) : []) {
    const test = all.filter((s) => s.set === set);
    const left = trainScorer(
      all.filter((s) => s.set !== set),
      model,
      epochs,
    );
    const ins = tally(test, only ? left : full!);
    const loso = tally(test, left);
    for (const s of test) {
      const { x: _x, ...rest } = s;
      scored.push({ ...rest, score: left(s), chosen: pick(s, left(s)) });
    }
    for (const m of ['midi', 'guide', 'none'] as Mode[])
      for (const [k, r] of [
        ['ins', ins],
        ['loso', loso],
      ] as const) {
        sum[k][m][0]! += r[m][0];
        sum[k][m][1]! += r[m][1];
      }
    console.log(`| ${set} | ${fmt(ins)} | ${fmt(loso)} |`);
  }
  console.log(`| all | ${fmt(sum.ins as never)} | ${fmt(sum.loso as never)} |`);
  if (args.includes('--scores')) writeFileSync(opt('--scores', ''), JSON.stringify(scored));
  if (write && model === 'lr') {
    const m = trainLinear(all, epochs);
    const checks = [all[0]!, all[Math.floor(all.length / 2)]!, all[all.length - 1]!].map((s) => ({
      from: `${s.set} ${s.mode} seed ${s.seed} §${s.section + 1} take ${s.best}`,
      x: [...s.x[s.best]!],
      score: takeScore(m, s.x[s.best]!),
    }));
    const preset: TakeModelPreset = {
      name: path.basename(write, '.json'),
      features: TAKE_FEATURES.slice(0, nf),
      weights: m.weights,
      scales: m.scales,
      checks,
      provenance: {
        command: `node dist/bench/comp-learn.js ${args.join(' ')}`,
        trainer:
          (NEWTON
            ? 'bench/learn.ts trainNewtonLogistic (deterministic), pairwise rows (clean take − other, both orders), ' +
              `lambda = l2 × rows, l2 ${L2}`
            : 'bench/learn.ts trainLogistic, pairwise rows (clean take − other, both orders), K 2, ' +
              `epochs ${epochs}`) +
          (CLEAR_WEIGHT === 1 ? '' : `; the clearly-best sections' rows weighted ${CLEAR_WEIGHT}`) +
          (GATED
            ? `; rows only from the takes the rules' gates allow (choice.ts gateOf${VETO ? ' over vetoesOf' : ''})`
            : ''),
        sets: sets,
        // the section timing reference its features were read against (h-comp97; −1: the unbounded median)
        sectionTimingMaxMs: COMP_CHOICE_PARAMETERS.sectionTimingMaxMs.value,
        dumps: files.map((f) => ({ file: f, sha256: createHash('sha256').update(readFileSync(f)).digest('hex') })),
      },
    };
    writeFileSync(write, `${JSON.stringify(preset, null, 1)}\n`);
    console.log(`wrote ${write}`);
  }
  if (write && model === 'gb') {
    const o = gbOptions();
    const m = trainTrees(all, TAKE_FEATURES.slice(0, nf));
    // check rows: the clean take against the section's next take (a pair row x_t − x_u), the trees' margin
    const checks = [all[0]!, all[Math.floor(all.length / 2)]!, all[all.length - 1]!].map((s) => {
      const u = (s.best + 1) % s.x.length;
      const d = diff(s.x[s.best]!, s.x[u]!);
      return {
        from: `${s.set} ${s.mode} seed ${s.seed} §${s.section + 1} take ${s.best} − take ${u}`,
        x: [...d],
        score: pairMargin(m, d),
      };
    });
    const preset: TakeTreesPreset = {
      ...m,
      name: path.basename(write, '.json'),
      checks,
      provenance: {
        command: `node dist/bench/comp-learn.js ${args.join(' ')}`,
        trainer:
          'bench/learn.ts trainBoosted, pairwise rows (clean take − other, both orders), K 2, ' +
          `rounds ${o.rounds}, depth ${o.depth}, shrink ${o.shrink}, lambda ${o.lambda}, bins ${o.bins}, ` +
          `rows ${o.rows}, cols ${o.cols}, minHess ${o.minHess}, seed ${o.seed}; cover: training pairs per leaf` +
          (GATED
            ? `; rows only from the takes the rules' gates allow (choice.ts gateOf${VETO ? ' over vetoesOf' : ''})`
            : ''),
        sets: sets,
        // the section timing reference its features were read against (h-comp97; −1: the unbounded median)
        sectionTimingMaxMs: COMP_CHOICE_PARAMETERS.sectionTimingMaxMs.value,
        dumps: files.map((f) => ({ file: f, sha256: createHash('sha256').update(readFileSync(f)).digest('hex') })),
      },
    };
    writeFileSync(write, `${JSON.stringify(preset, null, 1)}\n`);
    console.log(`wrote ${write}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) main();
