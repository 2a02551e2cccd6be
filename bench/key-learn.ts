/**
 * The key's learned combiner (issue 12 point 3, h-keylearn56): "is this candidate the song's key", a logistic
 * regression (bench/learn.ts trainLogistic, two classes) or boosted trees (trainBoosted) over each candidate's
 * features (src/engines/key/model.ts keyModelRows: its evidence, the same relative to its relative, parallel and
 * fifth-away keys, its hand score's gap to the best, song-level facts × terms), the hand combination's best `top`
 * candidates reordered by the model. Trained on the dumped tuning sets, measured leave-one-set-out (every key set is
 * its own; none has a twin), MIREX weighted score beside the hand combination's.
 *
 *   node dist/bench/key-eval.js --union21 --fresh21 … --fresh36 --no-peers --dump=/tmp/h-keylearn56/tune.jsonl
 *   node dist/bench/key-learn.js --dump=/tmp/h-keylearn56/tune.jsonl --loso      the grid, leave-one-set-out
 *   node dist/bench/key-learn.js --dump=… --top=6 --export   presets/key-combiner-gbm56.json
 *
 * h-key57: several --dump=FILE (the sets' dumps and bench/key-analytic.ts's analytic songs), --name=PRESET (the preset
 * --export writes, default key-combiner-gbm57), --dump-command='…' (recorded in the provenance),
 * --classes --models=key-combiner-gbm56,key-combiner-gbm57 (main, each preset and QM on a judge's dump).
 * h-key68: --seed=N (the boosted trees' seeds from GB.seed + N: the LOSO over several seeds).
 * h-key69: --loso-sets=A,B (only these sets left out in turn).
 * h-key73: --override=T (the hand's answer kept unless the model's log-odds margin of its pick over the hand's pick
 * exceeds T: the engine's keyModelOverride), --oof=FILE (the LOSO's out-of-fold log-odds of each held-out song's hand
 * top `top` candidates, one JSON line a song: the threshold chosen afterwards from them).
 *
 * Not part of `npm test`.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { presetPath } from '../src/presets.js';
import {
  KEY_MODEL_FEATURES,
  keyCombiner,
  keyCombinerLogit,
  keyModelRows,
  keyOverridePick,
  KEY_COMBINER_PRESET,
  type KeyCombiner,
  type KeyModelCandidate,
  type KeySongFacts,
} from '../src/engines/key/model.js';
import { GB, LR, predictLogistic, trainBoosted, trainLogistic, type Boosted } from './learn.js';
import { keyScore, type KeyLabel } from './metrics.js';

interface Song {
  set: string;
  name: string;
  truth: KeyLabel;
  /** The Queen Mary key detector's key (a dump made with the peers). */
  qm?: KeyLabel | null;
  /** Candidates by the hand score, best first, with their rows. */
  ranked: { e: KeyModelCandidate; x: Float64Array }[];
}

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const dumps = process.argv.filter((a) => a.startsWith('--dump=')).map((a) => a.slice(7));
/** The preset --export writes (presets/NAME.json; h-key57's: gbm57, not the engine's KEY_COMBINER_PRESET). */
const NAME = arg('name', 'key-combiner-gbm57');

const PREFIX = process.argv.includes('--gbm59-features') ? keyCombiner('key-combiner-gbm59').features.length : 0;

function load(): Song[] {
  const songs: Song[] = [];
  for (const file of dumps)
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as {
        set: string;
        name: string;
        truth: KeyLabel;
        qm?: KeyLabel | null;
        facts: KeySongFacts;
        evidence: KeyModelCandidate[];
      };
      // --gbm59-features (h-key63): the rows cut to gbm59's features (the form before the open terms)
      const rows = keyModelRows(d.evidence, d.facts).map((x) => (PREFIX ? x.subarray(0, PREFIX) : x));
      const ranked = d.evidence.map((e, i) => ({ e, x: rows[i]! })).sort((a, b) => +b.e.score - +a.e.score);
      songs.push({ set: d.set, name: d.name, truth: d.truth, qm: d.qm, ranked });
    }
  return songs;
}

const label = (e: KeyModelCandidate): KeyLabel => ({ tonic: e.tonic, mode: e.mode });
const isTruth = (s: Song, e: KeyModelCandidate) => e.tonic === s.truth.tonic && e.mode === s.truth.mode;

interface Options {
  top: number;
  l2: number;
  epochs: number;
  trees: boolean;
  rounds: number;
  /** h-key59: the analytic songs' rows weigh this much (the rendered songs' 1). */
  analyticWeight?: number;
  /** h-key59: an analytic song is trained on only when the hand's margin over its runner-up is below this. */
  analyticMargin?: number;
  /** h-key59: the hand's answer is kept when its margin over the runner-up is at least this (∞: never). */
  keep?: number;
  /** h-key59: this many boosted models (seeds GB.seed, GB.seed + 1, …) averaged: their trees, leaves ÷ bag. */
  bag?: number;
  /** h-key68: the boosted trees' seeds start at GB.seed + this (0: the seeds of before). */
  seed?: number;
  /** h-key73: the hand's answer is kept unless the model's pick out-logs it by more than this (0: never kept). */
  override?: number;
}
const ANALYTIC = /^analytic/;
/** The hand combination's margin: its best score over its runner-up's. */
const margin = (s: Song) => +s.ranked[0]!.e.score - +s.ranked[1]!.e.score;
type Scorer = (x: Float64Array) => number;

/** Trains on the songs' best `top` candidates; returns the candidate's log-odds (trees: the engine's combiner). */
function train(songs: Song[], o: Options): { score: Scorer; combiner?: KeyCombiner } {
  const X: Float64Array[] = [];
  const Y: number[] = [];
  const W: number[] = [];
  for (const s of songs) {
    const analytic = ANALYTIC.test(s.set);
    if (analytic && !(margin(s) < (o.analyticMargin ?? Infinity))) continue;
    for (const c of s.ranked.slice(0, o.top)) {
      X.push(c.x);
      Y.push(isTruth(s, c.e) ? 1 : 0);
      W.push(analytic ? (o.analyticWeight ?? 1) : 1);
    }
  }
  if (o.trees) {
    // no weight argument when every row weighs 1 (gbm56's and gbm57's trees, unchanged)
    const weighted = W.some((w) => w !== 1);
    const bag = o.bag ?? 1;
    const m: Boosted = { trees: [] };
    for (let b = 0; b < bag; b++) {
      const one = trainBoosted(
        X,
        Y,
        2,
        undefined,
        { ...GB, rounds: o.rounds, seed: GB.seed + (o.seed ?? 0) + b },
        weighted ? W : undefined,
      );
      m.trees.push(...(bag === 1 ? one.trees : one.trees.map((t) => ({ ...t, leaf: t.leaf.map((v) => v / bag) }))));
    }
    const combiner: KeyCombiner = {
      name: NAME,
      features: KEY_MODEL_FEATURES.slice(0, X[0]?.length ?? KEY_MODEL_FEATURES.length),
      depth: GB.depth,
      // −∞ (a split that sends every number right) as −1e308: JSON has no infinities
      trees: m.trees.map((t) => ({
        split: t.split.map(([j, th]): [number, number] => [j, Number.isFinite(th) ? th : -1e308]),
        leaf: t.leaf,
      })),
      top: o.top,
      ...(o.keep !== undefined && Number.isFinite(o.keep) ? { keep: o.keep } : {}),
    };
    return { score: (x) => keyCombinerLogit(combiner, x), combiner };
  }
  const m = trainLogistic(X, Y, 2, { ...LR, l2: o.l2, epochs: o.epochs });
  return { score: (x) => predictLogistic(m, x)[1]! };
}

/**
 * The key the model picks: the best-scored of the hand combination's best `top` (the hand's when margin ≥ keep, or
 * when the best's log-odds exceed the hand's pick's by no more than `override`: keyOverridePick, the engine's rule).
 */
function pick(s: Song, score: Scorer, top: number, keep = Infinity, override = 0): KeyModelCandidate {
  if (margin(s) >= keep) return s.ranked[0]!.e;
  const head = s.ranked.slice(0, top);
  return head[
    keyOverridePick(
      head.map((c) => score(c.x)),
      override,
    )
  ]!.e;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const hand = (s: Song) => keyScore(label(s.ranked[0]!.e), s.truth);

/** Leave-one-set-out: per set, the model trained on the others. */
function loso(songs: Song[], o: Options): Map<string, number[]> {
  // --rendered-loso (h-key59): only the rendered sets are left out in turn (the analytic songs always train)
  // --loso-sets=A,B (h-key69): only these sets are left out in turn (a LOSO within a CPU budget)
  const only = arg('loso-sets', '').split(',').filter(Boolean);
  const sets = [...new Set(songs.map((s) => s.set))].filter(
    (set) => (!process.argv.includes('--rendered-loso') || !ANALYTIC.test(set)) && (!only.length || only.includes(set)),
  );
  const out = new Map<string, number[]>();
  const oof = arg('oof', '');
  for (const set of sets) {
    const { score } = train(
      songs.filter((s) => s.set !== set),
      o,
    );
    const held = songs.filter((s) => s.set === set);
    out.set(
      set,
      held.map((s) => keyScore(label(pick(s, score, o.top, o.keep, o.override)), s.truth)),
    );
    // --oof=FILE (h-key73): each held-out song's hand top `top` candidates with their out-of-fold log-odds
    if (oof)
      appendFileSync(
        oof,
        held
          .map((s) =>
            JSON.stringify({
              set: s.set,
              name: s.name,
              truth: s.truth,
              seed: o.seed ?? 0,
              head: s.ranked.slice(0, o.top).map((c) => ({ ...label(c.e), z: score(c.x) })),
            }),
          )
          .join('\n') + '\n',
      );
  }
  return out;
}

function main() {
  const songs = load();
  const sets = [...new Set(songs.map((s) => s.set))];
  console.log(
    `${songs.length} songs, ${sets.length} sets; truth in the hand's top 3/6/24: ` +
      [3, 6, 24].map((n) => songs.filter((s) => s.ranked.slice(0, n).some((c) => isTruth(s, c.e))).length).join('/'),
  );
  const all = mean(songs.map(hand));
  if (process.argv.includes('--loso')) {
    const grid: Options[] = [];
    for (const top of [3, 6, 24])
      for (const l2 of [1e-3, 1e-2])
        for (const epochs of [4, 10]) grid.push({ top, l2, epochs, trees: false, rounds: 0 });
    for (const top of [3, 6, 10, 24]) grid.push({ top, l2: 0, epochs: 0, trees: true, rounds: GB.rounds });
    for (const top of [6, 10]) grid.push({ top, l2: 0, epochs: 0, trees: true, rounds: 2 * GB.rounds });
    if (process.argv.includes('--trees-only'))
      grid.splice(0, grid.length, ...grid.filter((o) => o.trees && o.top % 2 === 0 && o.top < 24));
    const rows: string[] = [];
    for (const o of grid) {
      const t0 = Date.now();
      const per = loso(songs, o);
      const flat = [...per.values()].flat();
      const setMeans = [...per.values()].map(mean);
      rows.push(
        `| ${o.trees ? `trees ×${o.rounds}` : 'LR'} | ${o.top} | ` +
          `${o.trees ? '—' : o.l2} | ${o.trees ? '—' : o.epochs} | ` +
          `${mean(flat).toFixed(3)} | ${mean(setMeans).toFixed(3)} | ` +
          `${[...per].filter(([set, v]) => mean(v) > mean(songs.filter((s) => s.set === set).map(hand))).length}/` +
          `${[...per].filter(([set, v]) => mean(v) < mean(songs.filter((s) => s.set === set).map(hand))).length} |`,
      );
      console.log(rows[rows.length - 1], `${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    const handSets = mean(sets.map((set) => mean(songs.filter((s) => s.set === set).map(hand))));
    console.log(`\nhand combination: songs ${all.toFixed(3)}, mean of sets ${handSets.toFixed(3)}`);
    console.log('| model | top | l2 | epochs | LOSO songs | LOSO mean of sets | sets better/worse |');
    for (const r of rows) console.log(r);
  }
  const o: Options = {
    top: Number(arg('top', '6')),
    l2: Number(arg('l2', '0.01')),
    epochs: Number(arg('epochs', '4')),
    trees: !process.argv.includes('--lr'),
    rounds: Number(arg('rounds', String(GB.rounds))),
    analyticWeight: Number(arg('analytic-weight', '1')),
    analyticMargin: Number(arg('analytic-margin', 'Infinity')),
    keep: Number(arg('keep', 'Infinity')),
    bag: Number(arg('bag', '1')),
    seed: Number(arg('seed', '0')),
    override: Number(arg('override', '0')),
  };
  if (process.argv.some((a) => a.startsWith('--grid='))) {
    // h-key59: --grid='[{…}, …]' — each entry's options over the base options, leave-one-set-out, one line each
    const handOf = (set: string) => mean(songs.filter((s) => s.set === set).map(hand));
    // --changes=FILE: the key tests' analyzeKey calls (evidence and facts, one JSON line each, with `params`) — the
    // calls not switched off (no keyModel 0) whose answer the model trained on everything moves from the hand's
    const calls = arg('changes', '')
      ? readFileSync(arg('changes', ''), 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map(
            (l) =>
              JSON.parse(l) as {
                params?: Record<string, number>;
                facts: KeySongFacts;
                at?: string;
                evidence: KeyModelCandidate[];
              },
          )
          .filter((c) => c.params?.['keyModel'] !== 0)
      : [];
    for (const g of JSON.parse(arg('grid', '[]')) as Partial<Options>[]) {
      const og = { ...o, ...g };
      if (calls.length) {
        const { score } = train(songs, og);
        const moved = calls.flatMap((c, i) => {
          const rows = keyModelRows(c.evidence, c.facts);
          const ranked = c.evidence.map((e, j) => ({ e, x: rows[j]! })).sort((a, b) => +b.e.score - +a.e.score);
          const s: Song = { set: 'test', name: String(i), truth: label(ranked[0]!.e), ranked };
          const e = pick(s, score, og.top, og.keep, og.override);
          return e === ranked[0]!.e ? [] : [`#${i} ${ranked[0]!.e.tonic} ${ranked[0]!.e.mode} → ${e.tonic} ${e.mode}`];
        });
        console.log(`${JSON.stringify(g)}: test calls moved ${moved.length}/${calls.length} ${moved.join('; ')}`);
      }
      const per = loso(songs, og);
      const setMeans = [...per].map(([set, v]) => [set, mean(v), handOf(set)] as const);
      console.log(
        `${JSON.stringify(g)}: LOSO songs ${mean([...per.values()].flat()).toFixed(3)}, mean of sets ` +
          `${mean(setMeans.map(([, m]) => m)).toFixed(3)} (hand ${mean(setMeans.map(([, , h]) => h)).toFixed(3)}); ` +
          `better/worse ${setMeans.filter(([, m, h]) => m > h).length}/` +
          `${setMeans.filter(([, m, h]) => m < h).length}; ` +
          setMeans.map(([set, m]) => `${set.replace(/ key set$/, '')} ${m.toFixed(3)}`).join(', '),
      );
    }
  }
  if (process.argv.includes('--per-set')) {
    const per = loso(songs, o);
    console.log(`| set | songs | hand | LOSO model (${JSON.stringify(o)}) |`);
    for (const [set, v] of per) {
      const h = mean(songs.filter((s) => s.set === set).map(hand));
      console.log(`| ${set} | ${v.length} | ${h.toFixed(3)} | ${mean(v).toFixed(3)} |`);
    }
    // h-key63: the same LOSO scores by the generator's class tags (fresh30 on: -cad- / -open-, then the bass)
    for (const [name, re] of [
      ['cadencing', /-cad-/],
      ['open without a tonic pedal', /-open-(?!pedal-)/],
      ['open tonic pedal', /-open-pedal-/],
    ] as const) {
      const at = [...per].flatMap(([set, v]) => {
        const sub = songs.filter((s) => s.set === set);
        return v.flatMap((x, i) => (re.test(sub[i]!.name) ? [[x, hand(sub[i]!)]] : []));
      });
      if (at.length)
        console.log(
          `| ${name} (LOSO, every set) | ${at.length} | ${mean(at.map(([, h]) => h!)).toFixed(3)} | ` +
            `${mean(at.map(([x]) => x!)).toFixed(3)} |`,
        );
    }
  }
  if (process.argv.includes('--classes')) {
    // the judge's classes from the generator's tags in the names (fresh37: -cad-/-open- then the bass: pedal = a
    // tonic pedal, dom = a dominant pedal, long, plain), counted here; no song's line is printed
    // --models=a,b: the presets compared (default: the engine's)
    const models = arg('models', KEY_COMBINER_PRESET)
      .split(',')
      .map((n) => keyCombiner(n));
    const classes: [string, (n: string) => boolean][] = [
      ['all', () => true],
      ['cadencing', (n) => /-cad-/.test(n)],
      ['open', (n) => /-open-/.test(n)],
      ['open without a tonic pedal', (n) => /-open-(?!pedal-)/.test(n)],
      ['open tonic pedal', (n) => /-open-pedal-/.test(n)],
      ['dominant pedal', (n) => /-dom-/.test(n)],
      ['cadencing tonic pedal', (n) => /-cad-pedal-/.test(n)],
    ];
    console.log(
      `| class | songs | main | right | ${models.map((m) => `${m.name} | right`).join(' | ')} | QM | right |\n` +
        `|---|---|${'---|---|'.repeat(models.length + 2)}`,
    );
    for (const [name, is] of classes) {
      const sub = songs.filter((s) => is(s.name));
      if (!sub.length) continue;
      const cell = (est: (s: Song) => KeyLabel | null) => {
        const v = sub.map((s) => keyScore(est(s), s.truth));
        return `${mean(v).toFixed(3)} | ${v.filter((x) => x === 1).length}/${sub.length}`;
      };
      const model = (m: KeyCombiner) => (s: Song) => label(pick(s, (x) => keyCombinerLogit(m, x), m.top, m.keep));
      console.log(
        `| ${name} | ${sub.length} | ${cell((s) => label(s.ranked[0]!.e))} | ` +
          `${models.map((m) => cell(model(m))).join(' | ')} | ${cell((s) => s.qm ?? null)} |`,
      );
    }
  }
  if (process.argv.includes('--export')) {
    const { combiner, score } = train(songs, o);
    if (!combiner) throw new Error('--export: the trees only');
    const inSample = mean(songs.map((s) => keyScore(label(pick(s, score, o.top, o.keep, o.override)), s.truth)));
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const checks = [0, 1, 2].map((k) => {
      const s = songs[Math.floor((k * songs.length) / 3)]!;
      const x = [...s.ranked[k]!.x];
      return { from: `training song ${songs.indexOf(s)} (${s.set}), hand rank ${k}`, x, logit: score(s.ranked[k]!.x) };
    });
    const preset = {
      ...combiner,
      provenance: {
        trainer: 'bench/key-learn.ts (h-keylearn56; h-key57)',
        command: `node dist/bench/key-learn.js ${process.argv
          .slice(2)
          .filter((a) => !a.startsWith('--dump-command='))
          .join(' ')}`,
        dumpCommand: arg('dump-command', ''),
        sets,
        songs: songs.length,
        options: o,
        inSampleMirex: inSample,
        handMirex: all,
        dumps: Object.fromEntries(dumps.map((f) => [path.basename(f), sha(f)])),
      },
      checks,
    };
    writeFileSync(presetPath(`${NAME}.json`), JSON.stringify(preset, null, 1) + '\n');
    console.log(`exported: in-sample ${inSample.toFixed(3)} (hand ${all.toFixed(3)})`);
  }
}

main();
