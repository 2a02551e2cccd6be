/**
 * Drum classification learned from the tuning dumps (issue 13, h-dxlearn53, an experiment): a small model over the
 * per-hit features of `drums-classdev.js OUT --all --stems` dumps (the hits before the stem's second pass), beside the
 * rules (stem.ts classifyStemHits). Each stem is classified by the rules as drums-classdev-score.js does (the same
 * floor), then its hits that are not a second piece are given a family by a model: multinomial logistic regression
 * (`lr`), gradient-boosted shallow trees (`gbm`, softmax), or a hybrid (the rules' class unless the model's
 * probability of another is at least `theta`; `hyb-kst` only between kick, snare and tom). Features: the dump's own,
 * the rules' class, and per-stem relative ones (each feature less the stem's median of the hits the rules read as
 * kick / snare / tom / hihat, the hit's rank within the stem, the stem's body-pitch spread, its rule-class shares).
 * Scored by drums-eval.ts scoreStem and pooled (the matching of drums-classdev-score.js).
 * The features and the trees' evaluation are src/engines/drums/stem-model.ts (the engine's, h-dxgbm54); this script
 * trains and judges.
 * Usage: node dist/bench/drums-learn.js loso OUT_DIR IN.jsonl ... (leave one set out, a set and its `t` twin together;
 * then the final models trained on all, saved as OUT_DIR/model.json)
 *        node dist/bench/drums-learn.js judge MODEL.json IN.jsonl ... (rules, models and hybrids on each file)
 *        node dist/bench/drums-learn.js preset MODEL.json NAME CHECKS.jsonl --provenance=P.json --out=PRESET.json
 *        node dist/bench/drums-learn.js seeds x IN.jsonl ... --recipes=113,131 --seeds=53,54,55 (h-dx59: gbm recipes,
 *        the first N features each, left out set by set and trained once per seed; mean ± half the spread over seeds)
 * Flags (h-dxgbm56): --features=N, --gbm-only, --always=A.jsonl,…, --folds=36,37, --no-final; --seed=N (h-dx59);
 * --seeds=53,54,55 for `loso` (h-dx62): the gbm trained once per seed, its members' probabilities averaged (each
 * fold's members scored alone too, `gbm:SEED`); the model.json and its preset keep every member.
 * h-dx63: --near=A.jsonl,… rows in every fold's training at a weight (`loso --near-weight=W`; `seeds
 * --forms=113@0.5,131@0`: features and weight per form, each form also scored as its seeds' members averaged).
 * h-dx71: --mask=a,b (features no tree may split on: NaN in the training rows).
 * h-dx73: --train-from=N (`seeds`): only sets N and on trained on; the sets before them scored by one model;
 * --old-weight=W with it: the sets before N trained on too, at row weight W (each fold its own members).
 * h-dx74: `loso` reads --train-from=N --old-weight=W too (the final and every fold: the sets before N at weight W);
 * `seeds --forms=162@3:0.3,162@3:0.6`: each form its own older sets' weight (a weight scan in one run).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as params from '../src/engines/drums/params.js';
import { classifyStemHits, type StemHit } from '../src/engines/drums/stem.js';
import {
  MODEL_FAMILIES,
  MODEL_FEATURES,
  modelRows,
  predictTrees,
  readTrees,
  type BoostedTrees,
} from '../src/engines/drums/stem-model.js';
import { readStemDump, type DumpedStem } from './drums-classdev-dump.js';
import { family, pooled, scoreStem, type ClassScore } from './drums-eval.js';
import { GB, predictLogistic, trainBoosted, trainLogistic, type Boosted, type Logistic } from './learn.js';

const FAMILIES = MODEL_FAMILIES;
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const mode0 = () => process.argv.slice(2).find((a) => !a.startsWith('--'));
const flag = (name: string) => flags.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
// --features=N: the first N of the code's features (98: gbm53's); --gbm-only: no regression, no hybrid of it;
// --always=A.jsonl,B.jsonl: dumps in every fold's training and the final model's, never left out or scored
let FEATURES = MODEL_FEATURES.slice(0, Number(flag('features') ?? MODEL_FEATURES.length));
let gbmOnly = flags.includes('--gbm-only');
const always = flag('always')?.split(',') ?? [];
// --near=A.jsonl,…: dumps (the near-kick analytic toms) in every fold's training at a row weight: `loso`
// --near-weight=W (1 unless given), `seeds` each form's own (--forms=113@0.5: its first 113 features, those rows
// at weight 0.5; @0: the rows left out) (h-dx63)
const nearFiles = flag('near')?.split(',') ?? [];
const nearWeight = Number(flag('near-weight') ?? 1);
// --mask=a,b: features (by name) read as NaN in every training row, so no tree splits on them, while a preset keeps
// the code's first N features (h-dx71: gbm69's form without the kick cluster's levels, with the features after them)
const masked = (flag('mask')?.split(',') ?? []).map((n) => {
  const j = MODEL_FEATURES.indexOf(n);
  if (j < 0) throw new Error(`--mask: no feature ${n}`);
  return j;
});
// --folds=36,37: only those sets (and their twins) left out in turn; --no-final: no model on everything
const folds = flag('folds')?.split(',');
const final = !flags.includes('--no-final');
// --seed=N: the boosting's seed (h-dx59; GB.seed otherwise)
// --seeds=53,54,55 (loso): members, one per seed, averaged (h-dx62)
const memberSeeds = mode0() === 'loso' ? flag('seeds')?.split(',').map(Number) : undefined;
const gb = { ...GB, seed: Number(flag('seed') ?? memberSeeds?.[0] ?? GB.seed) };
/** Truth pieces to families (as drums-classdev-score.ts). */
const TRUTH: Record<string, string> = { hat: 'hihat', openHat: 'hihat', ride: 'cymbal', crash: 'cymbal' };

/** A stem classified by the rules: its kept hits (the floor of drums-classdev-score.ts), features and labels. */
interface Prepared {
  set: string;
  stem: DumpedStem;
  kept: StemHit[];
  /** Row per kept hit (null for a second piece), its label (family index, -1 when no truth instant is near). */
  x: (Float64Array | null)[];
  y: number[];
}

/** Rules, floor, features and labels of one dumped stem. */
function prepare(s: DumpedStem): Prepared {
  // the rules alone (the model's features take their classes)
  params.STEM_MODEL_PARAMETERS.useModel.value = 0;
  const { kept, rows } = modelRows(
    classifyStemHits(
      s.found.map((h) => ({ ...h })),
      s.rate,
    ),
    undefined,
    s.rate,
  );
  // labels: the nearest truth instant within the matching window (instants as scoreStem makes them); the rules'
  // family when the instant holds it, else its first family in FAMILIES order
  const instants: { t: number; families: Set<string> }[] = [];
  for (const x of s.truth) {
    const last = instants[instants.length - 1];
    const fam = TRUTH[x.piece] ?? x.piece;
    if (last && x.t - last.t < 0.005) last.families.add(fam);
    else instants.push({ t: x.t, families: new Set([fam]) });
  }
  const x: (Float64Array | null)[] = [];
  const y: number[] = [];
  for (const [i, h] of kept.entries()) {
    x.push(rows[i] ? rows[i]!.subarray(0, FEATURES.length) : null);
    if (h.secondary) {
      y.push(-1);
      continue;
    }
    const t = h.start / s.rate;
    const near = instants
      .filter((i) => Math.abs(i.t - t) <= 0.02)
      .sort((a, b) => Math.abs(a.t - t) - Math.abs(b.t - t))[0];
    const rule = family(h.cls);
    y.push(
      near
        ? FAMILIES.indexOf((near.families.has(rule) ? rule : FAMILIES.find((f) => near.families.has(f))) as never)
        : -1,
    );
  }
  return { set: s.set, stem: s, kept, x, y };
}

const predictBoosted = (m: Boosted, members?: Boosted['trees'][]) => (x: Float64Array) =>
  predictTrees({ depth: GB.depth, trees: m.trees, members }, x);

interface Model {
  features: string[];
  lr: Logistic;
  gbm: Boosted;
  /** Several seeds' trees, their probabilities averaged (h-dx62; `gbm` is then the first's). */
  members?: Boosted['trees'][];
  /** The hybrids' probability thresholds, chosen on the leave-one-set-out figures. */
  theta: Record<string, number>;
}
const THETAS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const DRUMS = new Set(['kick', 'snare', 'tom']);

/** The classes a method gives a stem's kept hits (a second piece keeps the rules' class). */
function classes(p: Prepared, method: string, m: Pick<Model, 'lr' | 'gbm' | 'members'>, theta: number): string[] {
  const gbm = predictBoosted(m.gbm, m.members);
  return p.kept.map((h, i) => {
    const x = p.x[i];
    if (!x || method === 'rules') return h.cls;
    const prob = method === 'lr' || method.endsWith('lr') ? predictLogistic(m.lr, x) : gbm(x);
    const best = prob.indexOf(Math.max(...prob));
    const fam = FAMILIES[best]!;
    const out = fam === 'cymbal' ? (h.cls === 'ride' ? 'ride' : 'crash') : fam;
    if (method === 'lr' || method === 'gbm') return out;
    if (fam === family(h.cls) || prob[best]! < theta) return h.cls;
    if (method.startsWith('hyb-kst') && !(DRUMS.has(h.cls) && DRUMS.has(fam))) return h.cls;
    return out;
  });
}

/** scoreStem of one prepared stem under the classes given (as drums-classdev-score.ts calls it). */
function scored(p: Prepared, cls: string[]): ClassScore {
  return scoreStem(
    `${p.stem.kit} ${p.stem.stem}`,
    {
      rate: p.stem.rate,
      samples: new Float32Array(0),
      hits: p.stem.truth.map((x) => ({ piece: TRUTH[x.piece] ?? x.piece, onset: x.t * p.stem.rate })),
    },
    p.kept.map((h, i) => ({ timeSeconds: h.start / p.stem.rate, instrument: cls[i]! })),
  );
}

const METHODS = ['rules', 'lr', 'gbm', 'hyb-lr', 'hyb-gbm', 'hyb-kst-lr', 'hyb-kst-gbm'];
const rate = (s: ClassScore[]) => {
  const p = pooled(s);
  return { right: p.right, matched: p.matched, acc: p.right / p.matched };
};

function training(ps: Prepared[]): { X: Float64Array[]; Y: number[] } {
  const X: Float64Array[] = [];
  const Y: number[] = [];
  for (const p of ps)
    p.x.forEach((x, i) => {
      if (x && p.y[i]! >= 0) {
        const m = masked.some((j) => j < x.length) ? Float64Array.from(x) : x;
        for (const j of masked) if (j < m.length) m[j] = NaN;
        X.push(m);
        Y.push(p.y[i]!);
      }
    });
  return { X, Y };
}

type Rows = { X: Float64Array[]; Y: number[]; weight?: number[] };

/** Training rows and `more` added at weight w (none at 0; no weight array while every row weighs 1: the trees of
 * before). The near-kick analytic rows (h-dx63) and the older sets' rows (`--old-weight`, round 73). */
function withRows(t: Rows, more: Rows | undefined, w: number): Rows {
  if (!more || !w || !more.X.length) return t;
  const weight = !t.weight && w === 1 ? undefined : [...(t.weight ?? t.X.map(() => 1)), ...more.X.map(() => w)];
  return { X: [...t.X, ...more.X], Y: [...t.Y, ...more.Y], weight };
}

const group = (set: string) => set.replace(/t$/, '');
// h-dx73: --train-from=41: only sets numbered 41 and on (and their twins) are ever trained on; --old-weight=W
// (integrator, round 73): the sets before them kept in training at row weight W instead (`seeds`; `loso` h-dx74)
const trainFrom = Number(flag('train-from') ?? 0);
const trainable = (set: string) => !trainFrom || Number(group(set).replace(/^held-out-/, '')) >= trainFrom;
const oldWeight = Number(flag('old-weight') ?? 0);
/** The training rows of the sets `ps` (less the fold `g`) and the --always ones: the sets from --train-from on at
 * weight 1, then the near-kick rows at `nearW`, then the older sets at `oldW` (--old-weight; none at 0). */
function weighted(ps: Prepared[], extra: Prepared[], near: Rows, nearW: number, g?: string, oldW = oldWeight): Rows {
  const kept = ps.filter((p) => group(p.set) !== g);
  const base = training([...kept.filter((p) => trainable(p.set)), ...extra]);
  const old = oldW > 0 ? training(kept.filter((p) => !trainable(p.set))) : undefined;
  return withRows(withRows(base, near, nearW), old, oldW);
}

function matrix(scores: ClassScore[]): string[] {
  const conf = pooled(scores).confusion;
  const cols = [...new Set(Object.values(conf).flatMap((r) => Object.keys(r)))].sort();
  const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return [
    `| truth \\ found | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---:').join('|')}|`,
    ...Object.entries(conf)
      .sort((a, b) => total(b[1]) - total(a[1]))
      .map(([k, r]) => `| ${k} | ${cols.map((c) => r[c] ?? 0).join(' | ')} |`),
  ];
}

const [mode, target, ...files] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const load = (f: string) => readStemDump(f).map(prepare);
const dropLr = (m: string) => !(gbmOnly && (m === 'lr' || m.endsWith('-lr')));
/** A trained model.json, or an engine preset (presets/drum-class-*.json: its trees alone); its features taken. */
function readModel(file: string): Model {
  const read = JSON.parse(readFileSync(file, 'utf8')) as Model & Partial<BoostedTrees>;
  const model: Model =
    read.trees || read.depth
      ? {
          features: read.features,
          lr: { mean: [], sd: [], w: [] },
          gbm: { trees: read.trees ?? [] },
          members: read.members,
          theta: {},
        }
      : read;
  for (const m of ['hyb-gbm', 'hyb-kst-gbm']) model.theta[m] ??= 0.5;
  readTrees({ trees: model.gbm.trees, members: model.members }, model.features, file);
  FEATURES = model.features;
  return model;
}
if (mode === 'loso') {
  mkdirSync(target!, { recursive: true });
  const all = files.flatMap(load);
  const extra = always.flatMap(load);
  const near = training(nearFiles.flatMap(load));
  // in --folds order (h-dx62: the newest first)
  const groups = [...new Set(all.map((p) => group(p.set)))]
    .filter((g) => !folds || folds.includes(g.replace(/^held-out-/, '')))
    .sort((a, b) =>
      folds ? folds.indexOf(a.replace(/^held-out-/, '')) - folds.indexOf(b.replace(/^held-out-/, '')) : 0,
    );
  // per set, per method (hybrids per theta): the held-out fold's scores
  const out = new Map<string, Map<string, ClassScore[]>>();
  const add = (set: string, method: string, s: ClassScore) => {
    const m = out.get(set) ?? new Map<string, ClassScore[]>();
    m.set(method, [...(m.get(method) ?? []), s]);
    out.set(set, m);
  };
  // the final models on every tuning hit first (saved, the hybrids' thetas added once the folds are in); the
  // features that matter (gain, |weight|)
  if (trainFrom && !oldWeight) throw new Error('loso: --train-from needs --old-weight');
  const { X, Y, weight } = final ? weighted(all, extra, near, nearWeight) : { X: [], Y: [], weight: undefined };
  const gain = new Array<number>(FEATURES.length).fill(0);
  const model: Model = {
    features: FEATURES,
    lr: gbmOnly || !final ? { mean: [], sd: [], w: [] } : trainLogistic(X, Y, FAMILIES.length),
    gbm: final ? trainBoosted(X, Y, FAMILIES.length, gain, gb, weight) : { trees: [] },
    theta: {},
  };
  // the other seeds' members (the first is `gbm`, gb's seed)
  if (final && memberSeeds) {
    const rest = memberSeeds.slice(1).map((seed) => trainBoosted(X, Y, FAMILIES.length, gain, { ...GB, seed }, weight));
    model.members = [model.gbm, ...rest].map((m) => m.trees);
    console.error(`final: ${memberSeeds.length} members, ${new Date().toISOString()}`);
  }
  writeFileSync(`${target}/model.json`, JSON.stringify(model));
  const top = (v: number[]) =>
    v
      .map((g, j) => [FEATURES[j]!, g] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([f, g]) => `${f} ${g.toFixed(1)}`)
      .join(', ');
  const total = gain.reduce((a, b) => a + b, 0);
  console.log(`gbm gain (% of total): ${top(gain.map((g) => (100 * g) / total))}`);
  console.log(`lr Σ|w|: ${top(FEATURES.map((_, j) => model.lr.w.reduce((a, r) => a + Math.abs(r[j]!), 0)))}`);
  const numbers = model.lr.w.length * (model.lr.w[0]?.length ?? 0) + 2 * FEATURES.length;
  const trees = model.gbm.trees.reduce((a, t) => a + 2 * t.split.length + t.leaf.length, 0);
  console.log(`final: ${X.length} hits, lr ${numbers} numbers, gbm ${trees} numbers`);
  for (const g of groups) {
    const { X, Y, weight } = weighted(all, extra, near, nearWeight, g);
    const lr = gbmOnly ? model.lr : trainLogistic(X, Y, FAMILIES.length);
    const gbm = trainBoosted(X, Y, FAMILIES.length, undefined, gb, weight);
    const others = (memberSeeds ?? [])
      .slice(1)
      .map((seed) => trainBoosted(X, Y, FAMILIES.length, undefined, { ...GB, seed }, weight));
    const members = memberSeeds && [gbm, ...others].map((m) => m.trees);
    for (const p of all.filter((q) => group(q.set) === g)) {
      for (const method of METHODS.filter(dropLr))
        for (const theta of method.startsWith('hyb') ? THETAS : [1])
          add(
            p.set,
            method.startsWith('hyb') ? `${method}@${theta}` : method,
            scored(p, classes(p, method, { lr, gbm, members }, theta)),
          );
      // each member alone
      for (const [k, m] of [gbm, ...others].entries())
        if (memberSeeds) add(p.set, `gbm:${memberSeeds[k]}`, scored(p, classes(p, 'gbm', { lr, gbm: m }, 1)));
    }
    console.error(`fold ${g}: trained on ${X.length} hits`);
    for (const [set, m] of out)
      if (group(set) === g)
        console.error(`${set} ${[...m].map(([k, v]) => `${k} ${rate(v).acc.toFixed(4)}`).join(', ')}`);
  }
  // --folds matching none: the final model alone (h-dx59)
  if (out.size) {
    const pooledBy = (k: string) => rate([...out.values()].flatMap((m) => m.get(k)!));
    const theta: Record<string, number> = {};
    for (const method of METHODS.filter((m) => m.startsWith('hyb') && dropLr(m))) {
      const best = THETAS.reduce((a, t) => (pooledBy(`${method}@${t}`).acc > pooledBy(`${method}@${a}`).acc ? t : a));
      theta[method] = best;
    }
    const shown = [
      ...METHODS.filter(dropLr).map((m) => (m.startsWith('hyb') ? `${m}@${theta[m]}` : m)),
      ...(memberSeeds ?? []).map((seed) => `gbm:${seed}`),
    ];
    console.log(`| set | ${shown.join(' | ')} |`);
    console.log(`|---|${shown.map(() => '---:').join('|')}|`);
    for (const [set, m] of out)
      console.log(`| ${set} | ${shown.map((k) => `${rate(m.get(k)!).acc.toFixed(4)}`).join(' | ')} |`);
    console.log(`| pooled | ${shown.map((k) => pooledBy(k).acc.toFixed(4)).join(' | ')} |`);
    const won = (k: string) => [...out.values()].filter((m) => rate(m.get(k)!).acc > rate(m.get('rules')!).acc).length;
    console.log(`| sets won vs rules | ${shown.map(won).join(' | ')} |`);
    for (const method of METHODS.filter((m) => m.startsWith('hyb') && dropLr(m)))
      console.log(`${method}: ${THETAS.map((t) => `${t} ${pooledBy(`${method}@${t}`).acc.toFixed(4)}`).join(', ')}`);
    model.theta = theta;
    writeFileSync(`${target}/model.json`, JSON.stringify(model));
    console.log(`theta ${JSON.stringify(theta)}`);
  }
} else if (mode === 'seeds') {
  // h-dx59: recipes (feature counts, --recipes=113,131) compared by a leave-one-set-out (a set and its twin out
  // together) over seeds (--seeds=53,54,55: the boosting's row and column draws), gbm only, --always rows in every
  // fold's training; per set and pooled, each recipe's mean and spread (max − min) over the seeds.
  // h-dx63: forms (--forms=113@0,113@0.5,131@1: the first N features and the --near rows' weight, @0 none), each
  // also scored as its seeds' members averaged (`avg`, as a preset with members reads); per fold (a set and its
  // twin pooled) the average's accuracy, its tom → kick count, and the mean over the folds
  const forms = (flag('forms') ?? flag('recipes') ?? `${FEATURES.length}`).split(',').map((f) => {
    // h-dx74: 162@3:0.3 — the older sets' weight of this form (--old-weight otherwise): a scan in one run
    const [nw, ow] = f.split(':');
    const [n, w] = nw!.split('@');
    return { name: f, n: Number(n), w: Number(w ?? 0), ow: ow === undefined ? oldWeight : Number(ow) };
  });
  const seeds = (flag('seeds') ?? `${GB.seed}`).split(',').map(Number);
  const all = files.flatMap(load);
  const extra = always.flatMap(load);
  const near = training(nearFiles.flatMap(load));
  // --folds=39,38: only those left out, in that order (the table's sets are theirs)
  const groups = folds
    ? folds.map((f) => `held-out-${f}`).filter((g) => all.some((p) => group(p.set) === g))
    : [...new Set(all.map((p) => group(p.set)))];
  const sets = [...new Set(all.map((p) => p.set))].filter((s) => groups.includes(group(s)));
  // scores[form][seed index, then the members' average][set]
  const scores = forms.map(() => [...seeds, 0].map(() => new Map<string, ClassScore[]>()));
  const got = (fi: number, si: number, only?: (set: string) => boolean) =>
    [...scores[fi]![si]!].filter(([s]) => !only || only(s)).flatMap(([, v]) => v);
  const acc = (fi: number, si: number, only?: (set: string) => boolean) => rate(got(fi, si, only)).acc;
  const lr0 = { mean: [], sd: [], w: [] };
  // --train-from: a fold among the trained sets trains on the others of them, a fold before them is scored by the
  // one model trained on all of them (its members trained once, kept per form); with --old-weight each fold trains
  // its own members
  const outside = new Map<number, Boosted[]>();
  for (const g of groups) {
    for (const [fi, f] of forms.entries()) {
      const inside = trainable(g) || f.ow > 0;
      const { X, Y, weight } = weighted(all, extra, near, f.w, g, f.ow);
      const Xn = X.map((x) => x.subarray(0, f.n));
      const members =
        (!inside && outside.get(fi)) ||
        seeds.map((seed) => trainBoosted(Xn, Y, FAMILIES.length, undefined, { ...GB, seed }, weight));
      if (!inside) outside.set(fi, members);
      for (const p of all.filter((q) => group(q.set) === g)) {
        const q = { ...p, x: p.x.map((x) => x && x.subarray(0, f.n)) };
        const add = (si: number, s: ClassScore) => {
          const m = scores[fi]![si]!;
          m.set(p.set, [...(m.get(p.set) ?? []), s]);
        };
        members.forEach((gbm, si) => add(si, scored(q, classes(q, 'gbm', { lr: lr0, gbm }, 1))));
        const avg = { lr: lr0, gbm: members[0]!, members: members.map((m) => m.trees) };
        add(seeds.length, scored(q, classes(q, 'gbm', avg, 1)));
      }
      console.error(`fold ${g} form ${f.name}: ${X.length} rows, ${new Date().toISOString()}`);
      for (const set of sets.filter((s) => group(s) === g))
        console.error(
          `  ${set} ${f.name}: avg ${acc(fi, seeds.length, (s) => s === set).toFixed(4)}, ` +
            seeds.map((sd, si) => `${sd} ${acc(fi, si, (s) => s === set).toFixed(4)}`).join(', '),
        );
    }
  }
  const stat = (v: number[]) => {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    return `${mean.toFixed(4)} ± ${((Math.max(...v) - Math.min(...v)) / 2).toFixed(4)}`;
  };
  console.log(`seeds ${seeds.join(', ')}; per form: the members averaged, and one member's mean ± half the spread`);
  console.log(`| set | ${forms.map((f) => `${f.name} avg | ${f.name} one seed`).join(' | ')} |`);
  console.log(`|---|${forms.map(() => '---:|---:').join('|')}|`);
  for (const set of [...sets, undefined]) {
    const only = set === undefined ? undefined : (s: string) => s === set;
    const cells = forms.map(
      (_, fi) => `${acc(fi, seeds.length, only).toFixed(4)} | ${stat(seeds.map((_, si) => acc(fi, si, only)))}`,
    );
    console.log(`| ${set ?? 'pooled'} | ${cells.join(' | ')} |`);
  }
  // per fold (the set and its twin pooled): the average's accuracy and tom → kick
  const tomKick = (fi: number, si: number, g: string) =>
    pooled(got(fi, si, (s) => group(s) === g)).confusion['tom']?.['kick'] ?? 0;
  console.log(`| fold (set + twin) | ${forms.map((f) => `${f.name} avg | tom→kick`).join(' | ')} |`);
  console.log(`|---|${forms.map(() => '---:|---:').join('|')}|`);
  for (const g of groups) {
    const cells = forms.map(
      (_, fi) => `${acc(fi, seeds.length, (s) => group(s) === g).toFixed(4)} | ${tomKick(fi, seeds.length, g)}`,
    );
    console.log(`| ${g} | ${cells.join(' | ')} |`);
  }
  const mean = (fi: number, si: number) =>
    groups.reduce((a, g) => a + acc(fi, si, (s) => group(s) === g), 0) / groups.length;
  const tomKicks = (fi: number) => groups.reduce((a, g) => a + tomKick(fi, seeds.length, g), 0);
  const meanCells = forms.map((_, fi) => `${mean(fi, seeds.length).toFixed(4)} | ${tomKicks(fi)}`);
  console.log(`| mean over folds | ${meanCells.join(' | ')} |`);
  for (const [fi, f] of forms.entries())
    console.log(
      `${f.name} one member, mean over folds: ${seeds.map((sd, si) => `${sd} ${mean(fi, si).toFixed(4)}`).join(', ')}`,
    );
  for (const [fi, f] of forms.entries())
    console.log([`${f.name}, members averaged:`, ...matrix(got(fi, seeds.length))].join('\n'));
} else if (mode === 'judge') {
  const model = readModel(target!);
  gbmOnly = !model.lr.w.length;
  for (const f of files) {
    const ps = load(f);
    const shown = METHODS.filter(dropLr).map((m) => (m.startsWith('hyb') ? `${m}@${model.theta[m]}` : m));
    const res = shown.map((k) =>
      ps.map((p) => scored(p, classes(p, k.split('@')[0]!, model, model.theta[k.split('@')[0]!] ?? 1))),
    );
    const fmt = (i: number) => `${rate(res[i]!).acc.toFixed(4)} (${rate(res[i]!).right} of ${rate(res[i]!).matched})`;
    console.log(`${ps[0]!.set}: ${shown.map((k, i) => `${k} ${fmt(i)}`).join(', ')}`);
    for (const [i, k] of shown.entries()) console.log([`${ps[0]!.set} ${k}:`, ...matrix(res[i]!)].join('\n'));
    // the hybrids' theta ±10 % (the model fixed)
    for (const method of METHODS.filter((m) => m.startsWith('hyb') && dropLr(m))) {
      const at = (t: number) => rate(ps.map((p) => scored(p, classes(p, method, model, t)))).acc.toFixed(4);
      const t = model.theta[method]!;
      console.log(`${ps[0]!.set} ${method} theta ${t}: −10 % ${at(0.9 * t)}, +10 % ${at(Math.min(1, 1.1 * t))}`);
    }
  }
} else if (mode === 'preset') {
  // a trained model.json as an engine preset: its trees (−∞ kept as null: readTrees reads it back), features,
  // provenance (--provenance=FILE.json, written by hand) and check rows: from the dump given, the first kept hit of
  // each (rules' class, model's family) pair, up to 24, with the family and probability this code gives it
  const [name, dump] = files;
  const model = readModel(target!);
  const checks: { from: string; rule: string; x: (number | null)[]; family: string; probability: number }[] = [];
  const seen = new Set<string>();
  for (const p of load(dump!))
    p.kept.forEach((h, i) => {
      const x = p.x[i];
      if (!x || checks.length >= 24) return;
      const prob = predictBoosted(model.gbm, model.members)(x);
      const best = prob.indexOf(Math.max(...prob));
      const key = `${h.cls} ${FAMILIES[best]}`;
      if (seen.has(key)) return;
      seen.add(key);
      checks.push({
        from: `${p.set} ${p.stem.kit} ${p.stem.stem} @${h.start}`,
        rule: h.cls,
        x: Array.from(x, (v) => (Number.isNaN(v) ? null : v)),
        family: FAMILIES[best]!,
        probability: prob[best]!,
      });
    });
  const preset = {
    name,
    about:
      'Drum-class model of a whole-kit stem (issue 13): gradient-boosted trees, softmax over families; ' +
      'src/engines/drums/stem-model.ts evaluates it (features and evaluation shared with bench/drums-learn.ts); ' +
      'a null threshold is −∞ (only NaN goes left).',
    provenance: JSON.parse(readFileSync(flag('provenance')!, 'utf8')) as unknown,
    families: [...FAMILIES],
    depth: GB.depth,
    features: model.features,
    checks,
    ...(model.members ? { members: model.members } : { trees: model.gbm.trees }),
  };
  const out = flag('out')!;
  // one check row and one tree a line (members: each a list of trees)
  const rows = (v: unknown[], pad: string) => v.map((e) => `${pad}${JSON.stringify(e)}`).join(',\n');
  const lines = Object.entries(preset).map(([k, v]) =>
    k === 'checks' || k === 'trees'
      ? `"${k}": [\n${rows(v as unknown[], '  ')}\n]`
      : k === 'members'
        ? `"${k}": [\n${(v as unknown[][]).map((m) => `  [\n${rows(m, '    ')}\n  ]`).join(',\n')}\n]`
        : `"${k}": ${JSON.stringify(v, null, 2)}`,
  );
  writeFileSync(out, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`${out}: ${checks.length} check rows, ${model.members?.length ?? 1} × ${model.gbm.trees.length} trees`);
} else throw new Error('usage: drums-learn.js loso OUT_DIR IN.jsonl ... | judge MODEL.json IN.jsonl ...');
