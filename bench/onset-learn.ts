/**
 * The learned onset peak acceptor (issue 12 point 4, h-olearn56): every candidate peak of the onset engine with its
 * features (detectOnsets' onCandidates, src/engines/onsets/peak-model.ts peakFeatures), labelled from the
 * generator's truth (one-to-one, ±50 ms, closest pairs first: the evaluation's matching), boosted trees
 * (bench/learn.ts trainBoosted, K = 2) trained leave-one-set-out (held-out 22 and its twin 23 together) on the
 * onset sets that are read (held-out 12–14 and 18–33: 544 files; h-onset59: and 34, 35, 592 files), the threshold
 * chosen by LOSO.
 *   node dist/bench/onset-learn.js dump                      (features and candidates per set, cached)
 *   node dist/bench/onset-learn.js train [--write]           (coverage, LOSO, in-sample; --write: the preset)
 *   node dist/bench/onset-learn.js judge --set 34 --dir DIR  (one set with the preset, main vs model)
 *   node dist/bench/onset-learn.js train --window presets/onset-peak-gbm87.json …  (h-onset99: a window model — the
 *     short window's candidates' own trees, the ordinary candidates decided by that preset; see WINDOW below)
 *   node dist/bench/onset-learn.js misses --sets 45-49,51    (h-odiag99: where the preset's misses and extras go)
 *   node dist/bench/onset-learn.js dump --sets 12-14,18-54    (h-onset100: the sets named only; a set never rendered
 *     here is rendered first by bench/onset-dev.ts — a fresh machine's dumps from nothing)
 *   node dist/bench/onset-learn.js train --window presets/onset-peak-gbm99.json …  (h-onset100: with a window preset,
 *     a sub-window model: w99's decisions fixed, trees on the sub-window candidates' rows, `source` 4)
 * Items (file, truth) per set: ITEMS (JSON lists of { file, name, truth, group } as bench/onset-dev.ts writes them);
 * decoded audio from AUDIO (<basename>.f32, 44.1 kHz mono) or the file itself.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedMono } from '../fixtures/groundtruth.js';
import { heldOutDrumSet } from '../fixtures/drumtruth.js';
import { trainBoosted, GB } from './learn.js';
import { matchPairs } from './metrics.js';
import type { It as Item } from './onset-dev.js'; // the items onset-dev writes (a type: nothing of it runs)
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import { detectOnsets, onsetDefaults, onsetInput } from '../src/engines/onsets/index.js';
import {
  acceptPeaks,
  PEAK_MODEL_FILE,
  peakFeatureNames,
  peakModel,
  peakProbability,
  SUB_SOURCE,
  type PeakCandidate,
  type PeakModel,
} from '../src/engines/onsets/peak-model.js';
import { onsetFluxOptions, stftLayout } from '../src/engines/analysis/params.js';
import { infiniteThresholds } from '../src/engines/trees.js';
import { mulberry32 } from '../src/engines/random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RATE = 44100;
const WORK = process.env.OLEARN_DIR ?? '/tmp/h-olearn56';
const ITEMS = process.env.ITEMS ?? path.join(WORK, 'items');
const AUDIO = process.env.AUDIO ?? '/tmp/onset2-cache';
const DUMP = path.join(WORK, 'dump');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** `--params JSON`: onset parameters moved from their defaults (the candidates' floor ± 10 %: new dumps). */
const PARAMS = { ...onsetDefaults(), ...(JSON.parse(arg('--params') ?? '{}') as Record<string, number>) };
/**
 * A dump's `main`: the rules' onsets (onsetModel 0; h-onset87: with the engine's default model, a dump's `main` moved
 * with the default preset — the candidates and their rows do not depend on it).
 */
const RULES = { ...PARAMS, onsetModel: 0 };
/**
 * `--window PRESET` (h-onset99, the training of h-onset97's w97 in the repository): a window model. The trees are
 * trained on the short window's candidates' rows only (`source` 3: onsetModelShortWindowSeconds' dumps), and every
 * reading (LOSO, in-sample) decides the ordinary candidates (`source` 0–2) by PRESET at its own threshold and the
 * window's by the trees at θ (acceptPeaks with a window model: the engine's own acceptance); `--set-weights` weighs
 * each set's window rows alike; `--write` gives the preset `ordinary` (PRESET's round) beside its trees and θ.
 */
const WINDOW = arg('--window');
/** A row's `source` column (peakFeatureNames: 3 is a short-window candidate, 4 a sub-window one). */
const SOURCE = 1;
/**
 * A preset's deciders: the trees of the ordinary candidates at θ and the window models, each deciding its own
 * `source` (a window preset: its `ordinary` round's trees and itself; a sub-window preset, h-onset100: and its
 * `window` round's). A plain preset reads the ordinary candidates only (the engine with the windows 0).
 */
interface Deciders {
  ordinary: PeakModel;
  theta: number;
  windows: PeakModel[];
}
function decidersOf(m: PeakModel, theta: number): Deciders {
  if (m.ordinary === undefined) return { ordinary: m, theta, windows: [] };
  const windows = m.window !== undefined ? [peakModel(m.window), m] : [m];
  return { ordinary: peakModel(m.ordinary), theta, windows };
}
/**
 * `--window PRESET` with a window preset (h-onset100: w99) trains a sub-window model: PRESET's deciders fixed, the
 * trees trained on the sub-window candidates' rows (SUB_SOURCE); with a plain preset (gbm87) a window model on the
 * short window's (3).
 */
const FIXED = WINDOW ? (JSON.parse(readFileSync(WINDOW, 'utf8')) as PeakModel) : undefined;
if (FIXED) infiniteThresholds(FIXED.trees);
const BASE = FIXED
  ? decidersOf(FIXED, FIXED.ordinary === undefined ? FIXED.threshold : onsetDefaults().onsetModelThreshold)
  : undefined;
const ORDINARY = BASE?.ordinary;
/** The candidates' source the trees are trained on (`--window`). */
const TRAIN_SOURCE = BASE?.windows.length ? SUB_SOURCE : 3;
/** `--preset FILE`: the preset written (train --write) and read (judge); default presets/onset-peak-gbm56.json. */
const PRESET = arg('--preset') ?? PEAK_MODEL_FILE;
/** The analytic echo rows' set number (h-onset86: no onset set; `echo-rows` writes its dump). */
const ECHO_SET = 100;
const ORD: Record<string, number> = {
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  'twenty-first': 21,
  'twenty-second': 22,
  'twenty-third': 23,
  'twenty-fourth': 24,
  'twenty-fifth': 25,
  'twenty-sixth': 26,
  'twenty-seventh': 27,
  'twenty-eighth': 28,
  'twenty-ninth': 29,
  thirtieth: 30,
  'thirty-first': 31,
  'thirty-second': 32,
  'thirty-third': 33,
  // read since (h-onset59: the judges of gbm56; items written by heldOutDrumSet, onset-learn's judge mode)
  'thirty-fourth': 34,
  'thirty-fifth': 35,
  // read since (h-onset63: gbm56's held-out 36 and 37; items from h-onset59's dumps and the generator)
  'thirty-sixth': 36,
  'thirty-seventh': 37,
  // read since (h-onset66: full songs, gbm63's held-out 38, main's 39 and 40; items from the songs' truth files)
  'thirty-eighth': 38,
  'thirty-ninth': 39,
  fortieth: 40,
  // read since (h-onset84: gbm66's held-out 41, h-onset83's held-out 42)
  'forty-first': 41,
  'forty-second': 42,
  // read since (h-onset86: gbm84's held-out 43)
  'forty-third': 43,
  // read since (h-onset87: gbm86's held-out 44)
  'forty-fourth': 44,
  // read since (h-onset89: gbm87's held-out 45)
  'forty-fifth': 45,
  // read since (h-onset92: gbm89's held-out 46 and 47)
  'forty-sixth': 46,
  'forty-seventh': 47,
  // h-onset96: h-onset92's judge, tuning since
  'forty-eighth': 48,
  // h-onset97: h-onset96's judge (h-oset92's 49, h-osong95's 50); h-onset99: h-onset97's (h-oset96's 51, h-osong96's
  // 52)
  'forty-ninth': 49,
  fiftieth: 50,
  'fifty-first': 51,
  'fifty-second': 52,
  // h-onset100: h-onset99's judge (h-oset98's 53, h-osong98's 54)
  'fifty-third': 53,
  'fifty-fourth': 54,
  // h-onset86: analytic echoes (echo-rows below), trained on in every fold and read in none
  'analytic-echoes': ECHO_SET,
};
/** The sets of full songs (h-onset66: `--song-weight`). */
const SONG_SETS = new Set([38, 39, 40, 41, 50, 52, 54]);
/** A set's fold: held-out 23 is held-out 22's players through other renderers (its twin). */
const twin = (set: number) => (set === 23 ? 22 : set);
/**
 * `--folds N`: the sets (twins together) dealt into N folds of consecutive sets (a loaded machine's compromise:
 * 18 folds of 124 000 candidates took 3 min each at load 18); default one fold per set.
 */
const FOLDS = Number(arg('--folds') ?? 0);
/**
 * `--fold-list 12-14,18-20/21-27/…`: the folds fixed in advance (h-onset84), `/` between folds, ranges of set
 * numbers within one (a set in no fold is trained on in every fold and read in none).
 */
const FOLD_LIST = arg('--fold-list')
  ?.split('/')
  .map((f) => columnsOf(f));
let fold = twin;
/**
 * `--cols 0-21,33-43`: the row's columns the trees may read (h-onset63: gbm56's 22 with or without the roll and
 * attack evidence); the trees are trained on those columns and their splits written as indices of the whole row.
 */
const COLS = arg('--cols');
function columns(width: number): number[] {
  if (!COLS) return Array.from({ length: width }, (_, j) => j);
  return columnsOf(COLS).filter((j) => j < width);
}
/** `0-21,33-43` → the numbers it names. */
function columnsOf(list: string): number[] {
  return list.split(',').flatMap((r) => {
    const [a, b] = r.split('-').map(Number) as [number, number?];
    return Array.from({ length: (b ?? a) - a + 1 }, (_, j) => a + j);
  });
}
/**
 * `--set-weights`: each set's rows weighted so every set weighs as much as the mean set (a drum set of 47 stems no
 * longer outvotes a set of 24 songs); `--song-weight K`: the song sets' rows × K on top (h-onset66). Without either
 * every row counts 1 (the trees of before, bit for bit).
 */
const SET_WEIGHTS = process.argv.includes('--set-weights');
const SONG_WEIGHT = Number(arg('--song-weight') ?? 1);
function rowWeights(sets: readonly number[], counts: ReadonlyMap<number, number>): number[] | undefined {
  if (!SET_WEIGHTS && SONG_WEIGHT === 1) return undefined;
  const mean = [...counts.values()].reduce((a, b) => a + b, 0) / Math.max(1, counts.size);
  const w = new Map(
    [...counts].map(([s, k]) => [s, (SET_WEIGHTS ? mean / k : 1) * (SONG_SETS.has(s) ? SONG_WEIGHT : 1)]),
  );
  return sets.map((s) => w.get(s)!);
}
/** trainBoosted over the chosen columns, the splits mapped back to the whole row. */
function trainCols(X: Float64Array[], Y: number[], gain?: number[], weight?: number[]): PeakModel['trees'] {
  const cols = columns(X[0]!.length);
  const g = gain ? new Array<number>(cols.length).fill(0) : undefined;
  const { trees } = trainBoosted(
    X.map((x) => Float64Array.from(cols, (j) => x[j]!)),
    Y,
    2,
    g,
    GB,
    weight,
  );
  if (gain && g) cols.forEach((j, i) => (gain[j] = g[i]!));
  return trees.map((t) => ({ split: t.split.map(([j, th]) => [cols[j]!, th] as [number, number]), leaf: t.leaf }));
}

interface FileDump {
  name: string;
  group: string;
  truth: number[];
  main: number[];
  t: number[];
  x: number[][];
}

const audio = (file: string) => cachedMono(file, RATE, AUDIO, false);

/** Main's onsets and every candidate with its features, for one file. */
function dumpFile(it: Item): FileDump {
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(RATE, {}),
  );
  fx.addFloat(audio(it.file));
  const r = fx.finish();
  const t: number[] = [];
  const x: number[][] = [];
  const main = detectOnsets(onsetInput(r, RATE, stftLayout(RATE).windowSamples), RULES, {
    onCandidates: (cs) => {
      for (const c of cs) {
        t.push(c.t);
        x.push(Array.from(c.x!));
      }
    },
  }).times;
  return { name: it.name, group: it.group, truth: it.truth, main, t, x };
}

/**
 * The analytic echo rows (h-onset86): `echo-rows` writes a dump of FILES synthetic files (no onset set; 8 s each) —
 * noise-burst strokes (1 ms attack, 5–60 ms decay, one-pole brightness 0.15–0.9, −20 … 0 dB) 0.18–0.6 s apart
 * over a −80 … −60 dB floor, and every stroke's delayed copies: each file one delay line of 30–120 ms, either one
 * or two taps (the first −6 … −20 dB, the second 6 dB under it at twice the delay) or a darkened feedback loop
 * (each repeat −6 … −12 dB under the one before). A stroke and its copies are one onset (a delay line's repeat is
 * no new stroke); a sixth of the strokes has a true soft follower 40–120 ms after it (another timbre, −6 … −18 dB
 * under it, never within 25 ms of the delay), which is one. Peak −20 … −1 dBFS. Seeds 8600 + file (the tests'
 * echo signals use mulberry32(5) and (5656) and a 100 ms / 60 ms delay: the rows are not theirs).
 */
function echoRows(files = 48): void {
  const rows: FileDump[] = [];
  for (let f = 0; f < files; f++) {
    const r = mulberry32(8600 + f);
    const u = (a: number, b: number) => a + (b - a) * r();
    const n = 8 * RATE;
    const dry = new Float64Array(n);
    const floor = 10 ** (u(-80, -60) / 20);
    for (let i = 0; i < n; i++) dry[i] = floor * (r() * 2 - 1);
    const truth: number[] = [];
    const d = Math.round(u(0.03, 0.12) * RATE);
    const stroke = (at: number, level: number, bright: number, tau: number) => {
      const s0 = Math.round(at * RATE);
      let lp = 0;
      for (let i = 0; i < 0.4 * RATE && s0 + i < n; i++) {
        lp = bright * (r() * 2 - 1) + (1 - bright) * lp;
        dry[s0 + i]! += level * lp * Math.exp(-i / RATE / tau) * Math.min(1, i / (0.001 * RATE));
      }
    };
    const ioi = u(0.18, 0.6);
    for (let t = u(0.1, 0.3); t < 7.6; t += ioi * u(0.8, 1.25)) {
      const bright = u(0.15, 0.9);
      const level = 10 ** (u(-20, 0) / 20);
      truth.push(t);
      stroke(t, level, bright, u(0.005, 0.06));
      if (r() < 1 / 6) {
        let gap = u(0.04, 0.12);
        if (Math.abs(gap * RATE - d) < 0.025 * RATE) gap = d / RATE + 0.03;
        truth.push(t + gap);
        stroke(t + gap, level * 10 ** (u(-18, -6) / 20), bright > 0.5 ? u(0.15, 0.4) : u(0.6, 0.9), u(0.005, 0.06));
      }
    }
    truth.sort((a, b) => a - b);
    const x = new Float64Array(n);
    const g = 10 ** (u(-20, -6) / 20);
    const feedback = f % 2 === 1;
    if (feedback) {
      const fb = 10 ** (u(-12, -6) / 20);
      const dark = u(0.3, 0.8);
      // the loop's signal e: the dry signal and e itself, d later, darkened; the output the dry signal and g × e
      const e = new Float64Array(n);
      let lp = 0;
      for (let i = 0; i < n; i++) {
        lp = dark * (i >= d ? dry[i - d]! + fb * e[i - d]! : 0) + (1 - dark) * lp;
        e[i] = lp;
        x[i] = dry[i]! + g * e[i]!;
      }
    } else {
      const taps = r() < 0.5 ? 1 : 2;
      for (let i = 0; i < n; i++)
        x[i] = dry[i]! + (i >= d ? g * dry[i - d]! : 0) + (taps === 2 && i >= 2 * d ? 0.5 * g * dry[i - 2 * d]! : 0);
    }
    let peak = 0;
    for (const v of x) peak = Math.max(peak, Math.abs(v));
    const scale = 10 ** (u(-20, -1) / 20) / Math.max(1e-12, peak);
    const fx = createFeatureExtractor(
      { sampleRate: RATE, channels: 1 },
      { spectrum: true, pitch: false, onsets: true },
      {},
      onsetFluxOptions(RATE, {}),
    );
    fx.addFloat(Float32Array.from(x, (v) => v * scale));
    const t: number[] = [];
    const xs: number[][] = [];
    const main = detectOnsets(onsetInput(fx.finish(), RATE, stftLayout(RATE).windowSamples), RULES, {
      onCandidates: (cs) => {
        for (const c of cs) {
          t.push(c.t);
          xs.push(Array.from(c.x!));
        }
      },
    }).times;
    const group = feedback ? 'echo-feedback' : 'echo-taps';
    rows.push({ name: `echo-${f}-${group}-${Math.round((d / RATE) * 1000)}`, group, truth, main, t, x: xs });
  }
  mkdirSync(DUMP, { recursive: true });
  mkdirSync(ITEMS, { recursive: true });
  writeFileSync(path.join(DUMP, `set-${ECHO_SET}.json`), JSON.stringify(rows));
  const items = rows.map((f) => ({ file: '', name: f.name, truth: f.truth, group: f.group }));
  writeFileSync(path.join(ITEMS, 'items-analytic-echoes.json'), JSON.stringify(items));
  const s = rows.reduce((a, f) => add(a, score(f.main, f.truth)), { tp: 0, fp: 0, fn: 0 });
  const k = rows.reduce((a, f) => a + f.t.length, 0);
  console.log(
    `analytic echoes: ${rows.length} files, ${k} candidates, main F ${F(s).toFixed(4)} (tp ${s.tp} fp ${s.fp})`,
  );
}

/** Indices of `est` matched one-to-one to `truth` within ±tol, closest pairs first (bench/metrics.ts matchPairs). */
const matched = (est: number[], truth: number[], tol: number) => new Set(matchPairs(est, truth, tol).map(([i]) => i));
const score = (est: number[], truth: number[]) => {
  const tp = matched(est, truth, 0.05).size;
  return { tp, fp: est.length - tp, fn: truth.length - tp };
};
const F = (s: { tp: number; fp: number; fn: number }) => (2 * s.tp) / Math.max(1, 2 * s.tp + s.fp + s.fn);
const add = (a: { tp: number; fp: number; fn: number }, b: { tp: number; fp: number; fn: number }) => ({
  tp: a.tp + b.tp,
  fp: a.fp + b.fp,
  fn: a.fn + b.fn,
});

function loadSet(set: number): FileDump[] {
  return JSON.parse(readFileSync(path.join(DUMP, `set-${set}.json`), 'utf8')) as FileDump[];
}

function dump(sets: [number, Item[]][]): void {
  mkdirSync(DUMP, { recursive: true });
  for (const [set, items] of sets) {
    const out = path.join(DUMP, `set-${set}.json`);
    if (existsSync(out) && !process.argv.includes('--again')) continue;
    const t0 = Date.now();
    const files = items.map(dumpFile);
    writeFileSync(out, JSON.stringify(files));
    const s = files.reduce((a, f) => add(a, score(f.main, f.truth)), { tp: 0, fp: 0, fn: 0 });
    console.log(
      `set ${set}: ${files.length} files, main F ${F(s).toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
}

/** The model's onsets for one file at threshold θ (acceptPeaks: the engine's own acceptance and refractory rule). */
function modelTimes(f: FileDump, m: PeakModel, theta: number): number[] {
  if (ORDINARY) return windowTimes(f, { ...m, threshold: theta });
  const cands = f.t.map((t, k) => ({ t, p: 0, s: 0, main: 0, source: 0, x: Float64Array.from(f.x[k]!, nan) }));
  return acceptPeaks(cands, m, theta, onsetDefaults().minIntervalSeconds).map((c) => c.t);
}
/**
 * `--window`: the ordinary candidates by the ordinary preset at its threshold, the window's by `w` at w.threshold (no
 * `w`: the ordinary preset alone, the window's candidates dropped — the engine with the window 0).
 */
function windowTimes(f: FileDump, w?: PeakModel): number[] {
  const d = w ? { ...BASE!, windows: [...BASE!.windows, { ...w, source: TRAIN_SOURCE }] } : BASE!;
  return decided(f, d).est.map((c) => c.t);
}
/** A file's candidates those deciders read, each one's P by its decider, and the accepted (acceptPeaks). */
function decided(
  f: FileDump,
  d: Deciders,
): { cands: PeakCandidate[]; q: number[]; pass: boolean[]; est: PeakCandidate[] } {
  const own = (source: number) => d.windows.find((w) => (w.source ?? 3) === source);
  const cands = f.t
    .map((t, k) => ({ t, p: 0, s: 0, main: 0, source: f.x[k]![SOURCE]!, x: Float64Array.from(f.x[k]!, nan) }))
    .filter((c) => c.source < 3 || own(c.source));
  const q = cands.map((c) => peakProbability(own(c.source) ?? d.ordinary, c.x));
  const pass = cands.map((c, k) => q[k]! >= (own(c.source)?.threshold ?? d.theta));
  const est = acceptPeaks(cands, d.ordinary, d.theta, onsetDefaults().minIntervalSeconds, d.windows);
  return { cands, q, pass, est };
}
const sign = (d: number) => (d >= 0 ? '+' : '') + d.toFixed(4);
const nan = (v: number | null) => (v === null ? NaN : v);
const asModel = (trees: PeakModel['trees'], threshold: number): PeakModel => ({
  name: path.basename(PRESET, '.json'),
  features: peakFeatureNames(FEATURES_GROUPS),
  depth: GB.depth,
  threshold,
  trees,
});
let FEATURES_GROUPS = 0;
/** `--thetas 0.5,0.6,…`: the θ grid of the LOSO (the first best is chosen). */
const THETAS = (arg('--thetas') ?? '0.2,0.25,0.3,0.35,0.4,0.45,0.5,0.55,0.6,0.65,0.7').split(',').map(Number);

function rows(sets: number[], data: ReadonlyMap<number, FileDump[]>): { X: Float64Array[]; Y: number[]; W?: number[] } {
  const X: Float64Array[] = [];
  const Y: number[] = [];
  const S: number[] = [];
  const counts = new Map<number, number>();
  for (const s of sets)
    for (const f of data.get(s)!) {
      const pos = matched(f.t, f.truth, 0.05);
      f.x.forEach((x, k) => {
        if (ORDINARY && x[SOURCE] !== TRAIN_SOURCE) return;
        X.push(Float64Array.from(x, nan));
        Y.push(pos.has(k) ? 1 : 0);
        S.push(s);
        counts.set(s, (counts.get(s) ?? 0) + 1);
      });
    }
  const W = rowWeights(S, counts);
  return W ? { X, Y, W } : { X, Y };
}

function train(all: number[]): void {
  // `--window` with `--fold-list`: the rows in the folds' order, then the sets in no fold (the trainer subsamples rows
  // by position: h-onset97's w97 was trained in this order)
  const listed = WINDOW && FOLD_LIST ? FOLD_LIST.flat().filter((s) => all.includes(s)) : [];
  const sets = [...listed, ...all.filter((s) => !listed.includes(s))];
  const data = new Map(sets.map((s) => [s, loadSet(s)] as const));
  const width = data.get(sets[0]!)![0]!.x[0]!.length;
  FEATURES_GROUPS = width - peakFeatureNames(0).length;
  // coverage: truth onsets with a candidate within 25 ms; main's recall bound
  for (const tol of [0.025, 0.05]) {
    let hit = 0;
    let all = 0;
    for (const files of data.values())
      for (const f of files) {
        all += f.truth.length;
        hit += f.truth.filter((u) => f.t.some((t) => Math.abs(t - u) <= tol)).length;
      }
    console.log(`coverage ±${tol * 1000} ms: ${hit}/${all} = ${(hit / all).toFixed(4)}`);
  }
  if (FOLD_LIST) fold = (set: number) => FOLD_LIST.findIndex((f) => f.includes(set));
  else if (FOLDS > 0) {
    const order = [...new Set(sets.map(twin))];
    const size = Math.ceil(order.length / FOLDS);
    fold = (set: number) => order[Math.floor(order.indexOf(twin(set)) / size) * size]!;
  }
  // `--final-only --theta θ`: no folds (θ from an earlier LOSO run of the same dumps), only the final model
  const folds = process.argv.includes('--final-only') ? [] : [...new Set(sets.map(fold))].filter((f) => f >= 0);
  const per = new Map<number, Map<number, { tp: number; fp: number; fn: number }>>();
  const mainPer = new Map<number, { tp: number; fp: number; fn: number }>();
  for (const s of sets)
    mainPer.set(
      s,
      data.get(s)!.reduce((a, f) => add(a, score(f.main, f.truth)), { tp: 0, fp: 0, fn: 0 }),
    );
  for (const fd of folds) {
    const { X, Y, W } = rows(
      sets.filter((s) => fold(s) !== fd),
      data,
    );
    const m = asModel(trainCols(X, Y, undefined, W), 0.5);
    for (const s of sets.filter((s) => fold(s) === fd)) {
      const byTheta = new Map<number, { tp: number; fp: number; fn: number }>();
      for (const th of THETAS)
        byTheta.set(
          th,
          data.get(s)!.reduce((a, f) => add(a, score(modelTimes(f, m, th), f.truth)), { tp: 0, fp: 0, fn: 0 }),
        );
      per.set(s, byTheta);
    }
    console.log(`fold ${fd}: trained on ${X.length} candidates (${Y.filter((y) => y).length} onsets)`);
  }
  const pool = (xs: { tp: number; fp: number; fn: number }[]) => xs.reduce(add, { tp: 0, fp: 0, fn: 0 });
  // the sets read by the folds (a set in no fold, e.g. the analytic echoes, is trained on in every fold: not read)
  const read = folds.length ? sets.filter((s) => per.has(s)) : sets;
  const mainAll = pool(read.map((s) => mainPer.get(s)!));
  console.log(`\nLOSO pooled: main F ${F(mainAll).toFixed(4)}`);
  let best = Number(arg('--theta') ?? THETAS[0]!);
  for (const th of folds.length ? THETAS : []) {
    const s = pool(read.map((x) => per.get(x)!.get(th)!));
    console.log(
      `  θ ${th}: F ${F(s).toFixed(4)} P ${(s.tp / (s.tp + s.fp)).toFixed(4)} R ${(s.tp / (s.tp + s.fn)).toFixed(4)}`,
    );
    if (F(s) > F(pool(read.map((x) => per.get(x)!.get(best)!)))) best = th;
  }
  // `--compare PRESET`: a fixed model (gbm56) on the same dumps, at its own threshold, per set beside (`--window`: the
  // ordinary preset alone, the window's candidates dropped)
  const cmpFile = arg('--compare');
  const cmp = ORDINARY ?? (cmpFile ? (JSON.parse(readFileSync(cmpFile, 'utf8')) as PeakModel) : undefined);
  if (cmp && !ORDINARY) infiniteThresholds(cmp.trees);
  const cmpTimes = (f: FileDump) => (ORDINARY ? windowTimes(f) : modelTimes(f, cmp!, cmp!.threshold));
  const cmpPer = new Map(
    sets.map((s) => [
      s,
      cmp
        ? data.get(s)!.reduce((a, f) => add(a, score(cmpTimes(f), f.truth)), { tp: 0, fp: 0, fn: 0 })
        : { tp: 0, fp: 0, fn: 0 },
    ]),
  );
  // by class (h-onset99): the drum sets and the song sets pooled, each θ, against the fixed preset
  const PR = (s: { tp: number; fp: number; fn: number }) =>
    `${F(s).toFixed(4)} (P ${(s.tp / Math.max(1, s.tp + s.fp)).toFixed(4)} ` +
    `R ${(s.tp / Math.max(1, s.tp + s.fn)).toFixed(4)})`;
  for (const [cls, ss] of [
    ['drum sets', read.filter((s) => !SONG_SETS.has(s))],
    ['songs', read.filter((s) => SONG_SETS.has(s))],
  ] as const) {
    if (!folds.length || !ss.length) continue;
    const fixed = pool(ss.map((s) => cmpPer.get(s)!));
    const at = THETAS.map((th) => `${th} ${sign(F(pool(ss.map((s) => per.get(s)!.get(th)!))) - F(fixed))}`);
    console.log(`${cls} (${ss.length}): fixed ${cmp ? PR(fixed) : '-'}; LOSO by θ, change: ${at.join(', ')}`);
  }
  if (cmp) console.log(`${cmp.name} (fixed, θ ${cmp.threshold}): F ${F(pool([...cmpPer.values()])).toFixed(4)}`);
  console.log(`\nθ = ${best} (LOSO); per set main → model (LOSO):`);
  console.log('| set | files | main F | model F (LOSO) | Δ | fixed |\n| --- | --- | --- | --- | --- | --- |');
  for (const s of folds.length ? read : []) {
    const a = F(mainPer.get(s)!);
    const b = F(per.get(s)!.get(best)!);
    const c = cmp ? F(cmpPer.get(s)!).toFixed(4) : '';
    console.log(`| ${s} | ${data.get(s)!.length} | ${a.toFixed(4)} | ${b.toFixed(4)} | ${sign(b - a)} | ${c} |`);
  }
  // the counts per set (LOSO at θ, the fixed preset) for pooling by class (h-onset84)
  if (folds.length)
    console.log(
      'counts ' +
        JSON.stringify(Object.fromEntries(read.map((s) => [s, { loso: per.get(s)!.get(best), fixed: cmpPer.get(s) }]))),
    );
  // the final model: every set; in-sample figures beside
  const { X, Y, W } = rows(sets, data);
  const gain = new Array<number>(width).fill(0);
  const final = asModel(trainCols(X, Y, gain, W), best);
  const ins = pool(sets.flatMap((s) => data.get(s)!.map((f) => score(modelTimes(f, final, best), f.truth))));
  console.log(`\nin-sample (all sets, θ ${best}): F ${F(ins).toFixed(4)} vs main ${F(mainAll).toFixed(4)}`);
  console.log(
    'gain: ' +
      final.features
        .map((n, j) => [n, gain[j]!] as const)
        .sort((a, b) => b[1] - a[1])
        .map(([n, g]) => `${n} ${g.toFixed(0)}`)
        .join(', '),
  );
  if (process.argv.includes('--write')) {
    // the check rows: six of the first file's rows (`--window`: of its window rows)
    const first = data.get(sets[0]!)![0]!.x.filter((x) => !ORDINARY || x[SOURCE] === TRAIN_SOURCE);
    const check = [0, 1, 2, 3, 4, 5].map((k) => {
      const x = first[Math.floor((k * (first.length - 1)) / 5)]!;
      return {
        x: x.map((v) => (v === null || Number.isNaN(v) ? null : v)),
        p: peakProbability(final, Float64Array.from(x, nan)),
      };
    });
    const sha = (s: number) =>
      createHash('sha256')
        .update(readFileSync(path.join(DUMP, `set-${s}.json`)))
        .digest('hex');
    const round = ORDINARY ? Number(/gbm(\d+)$/.exec(ORDINARY.name)?.[1]) : undefined;
    const window = TRAIN_SOURCE === SUB_SOURCE ? Number(/gbm(\d+)$/.exec(FIXED!.name)?.[1]) : undefined;
    const { trees, ...head } = final;
    const preset: PeakModel = {
      ...(round ? { ...head, ordinary: round, ...(window ? { window, source: SUB_SOURCE } : {}), trees } : final),
      check,
      provenance: {
        command:
          'node dist/bench/onset-learn.js dump && node dist/bench/onset-learn.js ' + process.argv.slice(2).join(' '),
        sets: sets.map((s) => (s === ECHO_SET ? 'analytic-echoes' : `onset-held-out-${s}`)),
        learner: { ...GB, K: 2 },
        thetaByLoso: best,
        folds: folds.map((fd) => sets.filter((x) => fold(x) === fd)),
        dumps: Object.fromEntries(sets.map((s) => [`set-${s}.json`, sha(s)])),
        base: arg('--base') ?? '074ee02',
        columns: columns(width),
        weights: { setWeights: SET_WEIGHTS, songWeight: SONG_WEIGHT, songSets: [...SONG_SETS] },
        ...(ORDINARY
          ? {
              rows: `the ${window ? 'sub' : 'short'} window's candidates' rows only (source ${TRAIN_SOURCE})`,
              ordinary: `${ORDINARY.name}, θ ${BASE!.theta}`,
              ...(window ? { window: `${FIXED!.name}, θ ${FIXED!.threshold}` } : {}),
            }
          : {}),
      },
    };
    writeFileSync(PRESET, JSON.stringify(preset, null, 1) + '\n');
    console.log(`wrote ${PRESET}`);
  }
}

/** A count per label. */
type Tally = Record<string, number>;
const bump = (t: Tally, k: string, n = 1) => (t[k] = (t[k] ?? 0) + n);
/** The first of `edges` (ascending) that `v` is under, as a label; the last `≥ …` past them. */
function bin(v: number, edges: readonly number[], unit = 1): string {
  const i = edges.findIndex((e) => v < e);
  const f = (x: number) => String(Math.round(x * unit * 100) / 100);
  return i < 0
    ? `≥${f(edges[edges.length - 1]!)}`
    : i === 0
      ? `<${f(edges[0]!)}`
      : `${f(edges[i - 1]!)}–${f(edges[i]!)}`;
}
/**
 * `misses --sets 45-49,51 [--theta θ]` (h-odiag99): where the model's missed truth onsets (±50 ms, one-to-one) go —
 * `none` (no candidate within 50 ms: the candidate stage's loss), `rejected` (candidates, every one's P under θ;
 * their largest P binned), `refractory` (one at P ≥ θ lost to a larger one within minIntervalSeconds) or `taken` (an
 * accepted onset within 50 ms matched to another truth; `taken/own` where a candidate not accepted is nearer the
 * missed truth than every accepted one) — by the gap to the nearest other truth onset; and its extras: `double` (a
 * truth within 50 ms, matched to another onset) or `alone`, by P. Per set, pooled and per group (the piece), from
 * the dumps (the preset's own acceptance: acceptPeaks, exactly the engine's onsets).
 */
function misses(sets: number[]): void {
  const m = JSON.parse(readFileSync(PRESET, 'utf8')) as PeakModel;
  infiniteThresholds(m.trees);
  const theta = Number(arg('--theta') ?? onsetDefaults().onsetModelThreshold);
  const deciders = decidersOf(m, theta);
  const gapEdges = [0.035, 0.05, 0.08, 0.125];
  const qEdges = [0.1, 0.2, 0.3, 0.4];
  const all: Tally = {};
  const byGroup = new Map<string, Tally>();
  const line = (label: string, t: Tally) => {
    const n = (k: string) => t[k] ?? 0;
    const miss = n('none') + n('rejected') + n('refractory') + n('taken');
    const s = { tp: n('tp'), fp: n('double') + n('alone'), fn: miss };
    const pct = (k: string) => `${n(k)} (${((100 * n(k)) / Math.max(1, miss)).toFixed(0)} %)`;
    return (
      `| ${label} | ${F(s).toFixed(4)} | ${(s.tp / Math.max(1, s.tp + s.fp)).toFixed(3)} | ` +
      `${(s.tp / Math.max(1, s.tp + s.fn)).toFixed(3)} | ${miss} | ${pct('none')} | ${pct('rejected')} | ` +
      `${n('refractory')} | ${pct('taken')} | ${n('taken/own')} | ${n('double')} | ${n('alone')} |`
    );
  };
  const head =
    '| set | F | P | R | missed | none | rejected | refractory | taken | of which own cand. | extras: double | ' +
    'alone |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  console.log(`${path.basename(PRESET, '.json')}, θ ${theta}\n\n${head}`);
  for (const set of sets) {
    const t: Tally = {};
    for (const f of loadSet(set)) {
      const g = byGroup.get(f.group) ?? {};
      byGroup.set(f.group, g);
      const { cands, q, pass, est: accepted } = decided(f, deciders);
      const est = accepted.map((c) => c.t);
      const pairs = matchPairs(est, f.truth, 0.05);
      const hitT = new Set(pairs.map(([, j]) => j));
      const hitE = new Set(pairs.map(([i]) => i));
      const add1 = (k: string) => [t, all, g].forEach((x) => bump(x, k));
      pairs.forEach(() => add1('tp'));
      // the dump's candidates the deciders do not read (h-onset100: the sub-window's with a window preset), and the
      // missed truth onsets one lies within 50 ms of (what a model of theirs could gain at most)
      const unread = f.t.filter((_, k) => !cands.some((c) => c.t === f.t[k] && c.source === f.x[k]![SOURCE]));
      f.x.forEach((x, k) => {
        if (unread.includes(f.t[k]!)) add1(`unread source ${x[SOURCE]}`);
      });
      f.truth.forEach((u, j) => {
        if (hitT.has(j)) return;
        if (unread.some((t) => Math.abs(t - u) <= 0.05)) add1('missed, an unread source near');
        const gap = Math.min(
          j > 0 ? u - f.truth[j - 1]! : Infinity,
          j + 1 < f.truth.length ? f.truth[j + 1]! - u : Infinity,
        );
        const near = cands.map((c, k) => k).filter((k) => Math.abs(cands[k]!.t - u) <= 0.05);
        const taken = est.filter((e) => Math.abs(e - u) <= 0.05);
        const qmax = Math.max(-1, ...near.map((k) => q[k]!));
        const cls = !near.length
          ? 'none'
          : taken.length
            ? 'taken'
            : near.some((k) => pass[k])
              ? 'refractory'
              : 'rejected';
        add1(cls);
        add1(`${cls} gap ${bin(gap, gapEdges, 1000)} ms`);
        if (cls === 'rejected') add1(`rejected P ${bin(qmax, qEdges)}`);
        if (cls === 'rejected') add1(`rejected source ${cands[near.find((k) => q[k] === qmax)!]!.source}`);
        const d = Math.min(...taken.map((e) => Math.abs(e - u)));
        if (cls === 'taken' && near.some((k) => !est.includes(cands[k]!.t) && Math.abs(cands[k]!.t - u) < d))
          add1('taken/own');
      });
      est.forEach((e, i) => {
        if (hitE.has(i)) return;
        const k = cands.findIndex((c) => c.t === e);
        add1(f.truth.some((u) => Math.abs(u - e) <= 0.05) ? 'double' : 'alone');
        add1(`extra P ${bin(q[k]!, [0.6, 0.8, 0.9])}`);
      });
    }
    console.log(line(String(set), t));
  }
  console.log(line('**pooled**', all));
  const keys = Object.keys(all)
    .filter((k) => / (gap|P|source)\b/.test(k))
    .sort();
  console.log('\npooled: ' + keys.map((k) => `${k} ${all[k]}`).join(', '));
  console.log(`\nby group (largest misses first)\n\n${head.replace('| set |', '| group |')}`);
  const missed = (t: Tally) => ['none', 'rejected', 'refractory', 'taken'].reduce((a, k) => a + (t[k] ?? 0), 0);
  for (const [g, t] of [...byGroup].sort((a, b) => missed(b[1]) - missed(a[1]))) console.log(line(g, t));
}

/**
 * The sets' items (`--sets 12-14,18-54`: those only — h-onset100: a set whose items file is missing is rendered
 * first by bench/onset-dev.ts, `--<ordinal> '[]'`: the set's own registry, its items written to ITEMS and its
 * decoded audio to AUDIO; 56's items are never cached, so it is no tuning set here).
 */
function itemSets(): [number, Item[]][] {
  const only = arg('--sets') === undefined ? undefined : new Set(columnsOf(arg('--sets')!));
  for (const set of only ?? []) {
    const name = Object.keys(ORD).find((k) => ORD[k] === set);
    if (!name) throw new Error(`set ${set}: no ordinal in onset-learn's list`);
    if (set === ECHO_SET || existsSync(path.join(ITEMS, `items-${name}.json`))) continue;
    const t0 = Date.now();
    execFileSync(process.execPath, [path.join(ROOT, 'dist', 'bench', 'onset-dev.js'), `--${name}`, '[]'], {
      stdio: 'inherit',
      env: { ...process.env, ONSET_FEATURES: ITEMS, ONSET_AUDIO_CACHE: AUDIO },
    });
    console.log(`set ${set}: rendered (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  return readdirSync(ITEMS)
    .filter((f) => /^items-.*\.json$/.test(f))
    .map(
      (f) =>
        [ORD[f.slice(6, -5)]!, JSON.parse(readFileSync(path.join(ITEMS, f), 'utf8')) as Item[]] as [number, Item[]],
    )
    .filter(([s]) => s !== undefined && (!only || only.has(s)))
    .sort((a, b) => a[0] - b[0]);
}

const mode = process.argv[2];
if (mode === 'dump') dump(itemSets());
else if (mode === 'echo-rows') echoRows();
else if (mode === 'train') train(itemSets().map(([s]) => s));
else if (mode === 'misses') misses(columnsOf(arg('--sets') ?? '12-14,18-37,42-49,51'));
else if (mode === 'judge') {
  const set = Number(arg('--set'));
  const dir = arg('--dir') ?? path.join(ROOT, 'bench', 'out', `drums-held-out-${set}`);
  // the set's truth list, kept beside the dumps (rendering it again re-synthesizes every stem)
  const list = path.join(WORK, `items-${set}.json`);
  const items: Item[] = existsSync(list)
    ? (JSON.parse(readFileSync(list, 'utf8')) as Item[])
    : heldOutDrumSet(dir, { set: `onset-held-out-${set}` as never }).files.map((t) => ({
        file: t.file,
        name: t.name,
        truth: t.onsets!,
        group: t.pattern,
      }));
  mkdirSync(WORK, { recursive: true });
  writeFileSync(list, JSON.stringify(items));
  dump([[set, items]]);
  const m = JSON.parse(readFileSync(PRESET, 'utf8')) as PeakModel;
  infiniteThresholds(m.trees);
  const data = loadSet(set);
  const kit = (f: FileDump) => f.name.replace(new RegExp(`-${f.group}-\\d+$`), '');
  const rowsOut = new Map<
    string,
    { a: ReturnType<typeof score>; b: ReturnType<typeof score>; oa: number[]; ob: number[] }
  >();
  const offs = (est: number[], truth: number[]) =>
    truth.flatMap((u) => {
      const d = est.map((t) => t - u).filter((d) => Math.abs(d) <= 0.05);
      return d.length ? [d.reduce((p, q) => (Math.abs(q) < Math.abs(p) ? q : p))] : [];
    });
  for (const f of data) {
    const mt = modelTimes(f, m, m.threshold);
    const r = rowsOut.get(kit(f)) ?? { a: { tp: 0, fp: 0, fn: 0 }, b: { tp: 0, fp: 0, fn: 0 }, oa: [], ob: [] };
    r.a = add(r.a, score(f.main, f.truth));
    r.b = add(r.b, score(mt, f.truth));
    r.oa.push(...offs(f.main, f.truth));
    r.ob.push(...offs(mt, f.truth));
    rowsOut.set(kit(f), r);
  }
  const pr = (s: ReturnType<typeof score>) =>
    `${F(s).toFixed(4)} | ${(s.tp / Math.max(1, s.tp + s.fp)).toFixed(3)} | ` +
    `${(s.tp / Math.max(1, s.tp + s.fn)).toFixed(3)}`;
  const mean = (o: number[]) => ((o.reduce((a, b) => a + b, 0) / Math.max(1, o.length)) * 1000).toFixed(1);
  console.log(
    '| kit | main F | P | R | off ms | model F | P | R | off ms |\n' +
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  let A = { tp: 0, fp: 0, fn: 0 };
  let B = { tp: 0, fp: 0, fn: 0 };
  const OA: number[] = [];
  const OB: number[] = [];
  for (const [k, r] of rowsOut) {
    console.log(`| ${k} | ${pr(r.a)} | ${mean(r.oa)} | ${pr(r.b)} | ${mean(r.ob)} |`);
    A = add(A, r.a);
    B = add(B, r.b);
    OA.push(...r.oa);
    OB.push(...r.ob);
  }
  console.log(`| **all** | ${pr(A)} | ${mean(OA)} | ${pr(B)} | ${mean(OB)} |`);
  // robustness: θ ± 10 % (reported, never chosen on this set)
  for (const th of [m.threshold * 0.9, m.threshold * 1.1]) {
    const s = data.reduce((a, f) => add(a, score(modelTimes(f, m, th), f.truth)), { tp: 0, fp: 0, fn: 0 });
    console.log(`θ ${th.toFixed(3)}: F ${F(s).toFixed(4)}`);
  }
  // by player (pattern)
  const byGroup = new Map<string, { a: ReturnType<typeof score>; b: ReturnType<typeof score> }>();
  for (const f of data) {
    const r = byGroup.get(f.group) ?? { a: { tp: 0, fp: 0, fn: 0 }, b: { tp: 0, fp: 0, fn: 0 } };
    r.a = add(r.a, score(f.main, f.truth));
    r.b = add(r.b, score(modelTimes(f, m, m.threshold), f.truth));
    byGroup.set(f.group, r);
  }
  for (const [g, r] of byGroup) console.log(`  ${g}: main ${pr(r.a)} model ${pr(r.b)}`);
} else
  console.log('usage: onset-learn.js dump | train [--write] | judge --set N [--dir DIR] | misses [--sets 45-49,51]');
