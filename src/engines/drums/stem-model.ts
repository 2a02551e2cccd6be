/**
 * The drum-class model of a whole-kit stem (issue 13, h-dxlearn53 trained it, h-dxgbm54 put it here): after the rules
 * (stem.ts classifyStemHits), each hit kept by the stem's output floor that is not a second piece gets a family from
 * gradient-boosted shallow trees over its features (softmax over kick, snare, tom, hihat, cymbal; a cymbal stays a
 * ride when the rules said ride, else a crash). Features, 98 per hit: the hit's own (band shares, added dB, log decays,
 * centroid, flatness, late level and centroid, next-hit gap, rise, ring, prior top, body partial, peak against the
 * stem's loudest, the rules' confidence and class), and per-stem relative ones (each of 13 less the stem's median of
 * the hits the rules read as kick / snare / tom / hihat, the hit's rank within the stem in 4, the stem's body-pitch
 * spread, its rule-class shares). The trees are presets/drum-class-gbm53.json (training command, dumps, seed and the
 * trained file's sha256 in it); bench/drums-learn.ts trains them with these same features. Switch:
 * STEM_MODEL_PARAMETERS.useModel (off: the rules' classes, unchanged).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DETECT_PARAMETERS } from './params.js';
import type { StemHit } from './stem.js';

/** The model's families, in the order of its outputs. */
export const MODEL_FAMILIES = ['kick', 'snare', 'tom', 'hihat', 'cymbal'] as const;
/** The rules' classes, one-hot in the features (and their stem shares). */
const RULE_CLASSES = ['kick', 'snare', 'tom', 'hihat', 'ride', 'crash'] as const;

const clip = (v: number, lo: number, hi: number) => (Number.isNaN(v) ? NaN : Math.min(hi, Math.max(lo, v)));
const log2 = (v: number | undefined) => (v !== undefined && v > 0 ? Math.log2(v) : NaN);
const median = (v: number[]) => {
  const s = v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[(s.length - 1) >> 1]! : NaN;
};

/** The hit's own features (names in the order of `own`). */
const OWN = [
  ...[0, 1, 2, 3].map((b) => `share${b}`),
  ...[0, 1, 2, 3].map((b) => `addedDb${b}`),
  ...[0, 1, 2, 3].map((b) => `logDecay${b}`),
  'logCentroid',
  'flatness',
  'logLateCentroid',
  'lateDb',
  'lateFlatness',
  'logNext',
  'riseMs',
  'ringDb',
  'priorTopDb',
  'logBodyHz',
  'bodyPeakShare',
  'bodyLateDb',
  'logBodyLateHz',
  'rise',
  'peakDb',
  'confidence',
  'withSecond',
  ...RULE_CLASSES.map((c) => `rule:${c}`),
];
function own(h: StemHit, loudest: number, withSecond: boolean): number[] {
  const f = h.features;
  return [
    ...f.share.map((v) => v ?? NaN),
    ...f.addedDb.map((v) => clip(v ?? NaN, -120, 20)),
    ...f.decayMs.map((v) => (Number.isFinite(v) ? Math.log2(1 + Math.min(v!, 2000)) : NaN)),
    log2(f.centroidHz),
    f.flatness ?? NaN,
    log2(f.lateCentroidHz),
    clip(f.lateDb ?? NaN, -60, 20),
    f.lateFlatness ?? NaN,
    Math.log2(1 + Math.min(f.nextMs ?? 4000, 4000)),
    f.riseMs ?? NaN,
    clip(f.ringDb ?? NaN, -100, 0),
    clip(f.priorTopDb ?? NaN, -100, 40),
    log2(f.bodyHz),
    f.bodyPeakShare ?? NaN,
    clip(f.bodyLateDb ?? NaN, -60, 20),
    log2(f.bodyLateHz),
    clip(h.rise, 0, 200),
    clip(20 * Math.log10(h.peak / loudest), -80, 0),
    h.confidence,
    withSecond ? 1 : 0,
    ...RULE_CLASSES.map((c) => (h.cls === c ? 1 : 0)),
  ];
}
/** Own features that get a per-stem relative form. */
const RELATIVE = ['addedDb0', 'addedDb1', 'addedDb2', 'addedDb3', 'logCentroid', 'logBodyHz', 'logLateCentroid']
  .concat(['peakDb', 'flatness', 'logDecay1', 'logDecay3', 'share0', 'share1'])
  .map((n) => OWN.indexOf(n));
const REFERENCE = ['kick', 'snare', 'tom', 'hihat'];
const RANKED = ['logCentroid', 'logBodyHz', 'addedDb0', 'peakDb'].map((n) => OWN.indexOf(n));
/** Every feature's name, in the order of a row (the preset's `features` must equal it). */
export const MODEL_FEATURES = [
  ...OWN,
  ...REFERENCE.flatMap((c) => RELATIVE.map((i) => `${OWN[i]}-${c}Median`)),
  ...RANKED.map((i) => `rank:${OWN[i]}`),
  'stemPitchSpread',
  ...RULE_CLASSES.map((c) => `stemShare:${c}`),
];

/** A stem's hits as the model sees them: those over the output floor, in time order, and a row per primary hit. */
export interface ModelRows {
  /** The hits over the stem's output floor (floorRangeDb under its loudest, as StemAnalyzer.finish), by start. */
  kept: StemHit[];
  /** Per kept hit: its feature row, or null for a second piece (it keeps the rules' class). */
  rows: (Float64Array | null)[];
}

/** The rows of a stem's classified hits (classifyStemHits' output, the rules' classes): the floor, then features. */
export function modelRows(hits: StemHit[]): ModelRows {
  const loudest = Math.max(0, ...hits.map((h) => h.peak));
  const floor = loudest * 10 ** (-DETECT_PARAMETERS.floorRangeDb.value / 20);
  const kept = hits.filter((h) => h.peak >= floor && h.peak > 0).sort((a, b) => a.start - b.start);
  const primary = kept.filter((h) => !h.secondary);
  const second = new Set(kept.filter((h) => h.secondary).map((h) => h.start));
  const own0 = primary.map((h) => own(h, loudest, second.has(h.start)));
  const med = REFERENCE.map((c) => {
    const r = own0.filter((_, i) => primary[i]!.cls === c);
    return RELATIVE.map((j) => (r.length >= 2 ? median(r.map((x) => x[j]!)) : NaN));
  });
  // a hit's rank: the share of the stem's other values below its own (a binary search in the sorted values)
  const ranks = RANKED.map((j) => {
    const v = own0
      .map((r) => r[j]!)
      .filter((x) => !Number.isNaN(x))
      .sort((a, b) => a - b);
    const below = (x: number) => {
      let lo = 0;
      let hi = v.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return own0.map((r) => (Number.isNaN(r[j]!) ? NaN : below(r[j]!) / Math.max(1, v.length - 1)));
  });
  const body = own0
    .filter((_, i) => ['kick', 'snare', 'tom'].includes(primary[i]!.cls))
    .map((r) => r[OWN.indexOf('logBodyHz')]!);
  const sorted = body.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const spread =
    sorted.length >= 4
      ? sorted[Math.floor(0.9 * (sorted.length - 1))]! - sorted[Math.floor(0.1 * (sorted.length - 1))]!
      : NaN;
  const shares = RULE_CLASSES.map((c) => primary.filter((h) => h.cls === c).length / Math.max(1, primary.length));
  const full = own0.map((r, i) =>
    Float64Array.from([
      ...r,
      ...med.flatMap((m) => RELATIVE.map((j, k) => r[j]! - m[k]!)),
      ...ranks.map((rk) => rk[i]!),
      spread,
      ...shares,
    ]),
  );
  let p = 0;
  return { kept, rows: kept.map((h) => (h.secondary ? null : full[p++]!)) };
}

/** Boosted trees (softmax, one tree per family per round, round-major): each tree's splits in level order, then
 * its leaves. A row goes left when its feature is NaN or below the threshold. */
export interface BoostedTrees {
  depth: number;
  trees: { split: [number, number][]; leaf: number[] }[];
}

export const softmax = (z: number[]): number[] => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** One tree's leaf value for a feature row (the key's combiner, src/engines/key/model.ts, reads its trees so too). */
export function treeLeaf(t: BoostedTrees['trees'][number], depth: number, x: ArrayLike<number>): number {
  let nd = 0;
  for (let d = 0; d < depth; d++) {
    const [j, th] = t.split[(1 << d) - 1 + nd]!;
    const v = x[j]!;
    nd = 2 * nd + (Number.isNaN(v) || v < th ? 0 : 1);
  }
  return t.leaf[nd]!;
}

/** The families' probabilities of one feature row. */
export function predictTrees(m: BoostedTrees, x: Float64Array): number[] {
  const K = MODEL_FAMILIES.length;
  const z = new Array<number>(K).fill(0);
  m.trees.forEach((t, i) => (z[i % K]! += treeLeaf(t, m.depth, x)));
  return softmax(z);
}

/** The preset (presets/drum-class-gbm53.json): its name, features, trees and check rows. */
export interface StemModelPreset extends BoostedTrees {
  name: string;
  features: string[];
  families: string[];
  /** Rows with the family and probability the trainer's code gave them (null: NaN). */
  checks: { from: string; rule: string; x: (number | null)[]; family: string; probability: number }[];
}

export const STEM_MODEL_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  'presets',
  'drum-class-gbm53.json',
);
let loaded: StemModelPreset | undefined;
/** The shipped model, read once (only a whole-kit stem's classification needs it). */
export function stemModel(): StemModelPreset {
  if (!loaded) {
    const m = JSON.parse(readFileSync(STEM_MODEL_FILE, 'utf8')) as StemModelPreset;
    if (m.features.join() !== MODEL_FEATURES.join()) throw new Error(`${STEM_MODEL_FILE}: features differ from code`);
    loaded = m;
  }
  return loaded;
}

/**
 * The model's classes for a stem's classified hits, in place (the last step of classifyStemHits): each primary hit
 * over the floor takes the model's family; its reason adds the model's family and probability beside the rules'
 * class, its confidence becomes that probability. Hits under the floor (never reported) and second pieces keep the
 * rules' class.
 */
export function applyStemModel(hits: StemHit[], m: BoostedTrees & { name: string } = stemModel()): void {
  const { kept, rows } = modelRows(hits);
  kept.forEach((h, i) => {
    const x = rows[i];
    if (!x) return;
    const prob = predictTrees(m, x);
    const best = prob.indexOf(Math.max(...prob));
    const fam = MODEL_FAMILIES[best]!;
    const cls = fam === 'cymbal' ? (h.cls === 'ride' ? 'ride' : 'crash') : fam;
    const p = prob[best]!.toFixed(2);
    h.reason =
      cls === h.cls
        ? `${h.reason}; model ${m.name}: ${fam} ${p}, as the rules`
        : `${h.reason}; but model ${m.name}: ${fam} ${p} over the rules' ${h.cls}`;
    h.cls = cls;
    h.confidence = Math.round(100 * prob[best]!) / 100;
  });
}
