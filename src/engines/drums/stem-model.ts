/**
 * The drum-class model of a whole-kit stem (issue 13, h-dxlearn53 trained it, h-dxgbm54 put it here, h-dxgbm56
 * retrained it): after the rules (stem.ts classifyStemHits), each hit kept by the stem's output floor that is not a
 * second piece gets a family from gradient-boosted shallow trees over its features (softmax over kick, snare, tom,
 * hihat, cymbal; a cymbal stays a ride when the rules said ride, else a crash). Features, 167 per hit: the hit's own
 * (band shares, added dB, log decays, centroid, flatness, late level and centroid, next-hit gap, rise, ring, prior top,
 * body partial, peak against the stem's loudest, the rules' confidence and class), per-stem relative ones (each of 13
 * less the stem's median of the hits the rules read as kick / snare / tom / hihat, the hit's rank within the stem in
 * 4, the stem's body-pitch spread, its rule-class shares) — gbm53's 98 — 15 of tom against kick (TOM_FEATURES) —
 * gbm56's 113 — 18 against the stem's own kick and hat clusters (CLUSTER_FEATURES, h-dx59) — gbm59's 131 — and 9
 * against the kick's rest and the hit's run of bodied hits (a fill; CONTEXT_FEATURES, h-dx65) — gbm65's and gbm66's
 * 140 — and 13 against the stem's snare and hat clusters and the kick cluster's levels (SNARE_HAT_FEATURES, h-dx67;
 * gbm67's 153) — and 9 asking whether the kick cluster is a kick (its own medians, its fills: NEAR_KICK_FEATURES,
 * h-dx71; gbm71's 162) — and 5 of the hit's own membrane cue (MEMBRANE_FEATURES, h-dx72; gbm72's 167).
 * STEM_MODEL_PARAMETERS.model picks the preset by its round (h-dx67; 66 by default).
 * The trees are presets/drum-class-gbm66.json (h-dx66: all 140 features, three seeds' members whose probabilities
 * are averaged, trained on the fold pairs 38 … 43t, the analytic stems and the tuning kits; training command, dumps
 * and their sha256, seeds in it). Beside it, not the engine's: -gbm56.json (h-dxgbm56, the engine's before gbm66:
 * 113 features, one model); -gbm62.json, h-dx62: gbm59's 131 features, three members; -gbm63.json, h-dx63: gbm56's
 * 113 features, three members, near-kick analytic toms in training (7 of 24 analytic toms beside their kick against
 * gbm56's 12); -gbm65.json, h-dx65: all 140 features, three members, trained on 41 / 42 and their twins only;
 * -gbm67.json, h-dx67: 153 features, three members, 35 … 44t (3 of 24 analytic toms beside their kick: not the
 * default); -gbm69.json, h-dx69: the first 150 (gbm67's without the kick cluster's levels), three members, 33 … 45t
 * and bench/drums-synth-stems.ts `--kick-toms` stems (synth69) at weight 3 (24 of 24 analytic toms; not the default:
 * its tuning gain over gbm66's recipe is inside the seed spread); -gbm71.json, h-dx71: all 162, the kick cluster's
 * three levels masked in training (no tree splits on them), three members, 33 … 46t, synth69 at weight 3;
 * bench/drums-learn.ts trains them with these same features. Switch: STEM_MODEL_PARAMETERS.useModel (off: the rules'
 * classes, unchanged).
 */
import { presetPath, readPreset } from '../../presets.js';
import { classScores, infiniteThresholds, softmax, type Tree } from '../trees.js';
import {
  DETECT_PARAMETERS,
  STEM_FLOORTOM_PARAMETERS,
  STEM_KICKLESS_PARAMETERS,
  STEM_MODEL_CLUSTER_PARAMETERS as CL,
  STEM_MODEL_PARAMETERS,
  STEM_MODEL_PRESETS,
  STEM_PARAMETERS,
} from './params.js';
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
/**
 * Tom against kick (h-dxgbm56), after gbm53's 98 (a preset's features are a prefix of the row): the hit's body glide
 * (late body partial over the first, octaves), its low band's decay against the body and wires bands' (log2 ratios),
 * its low band over its body band (dB); those less the stem's median of the rules' kicks and toms; its body pitch
 * against the stem's low and high body pitch (10th and 90th percentile over the hits the rules read as kick or tom,
 * octaves: a kit's kicks sit at its low end whatever the rules called them) and the share of the stem's drum hits
 * (kick, snare, tom by the rules) within a semitone of its body pitch (a kick's pitch recurs, a tom's is one of
 * several).
 */
const TOM_OWN = ['glide', 'decayLowOverBody', 'decayLowOverWires', 'lowOverBodyDb'];
const TOM_REFERENCE = ['kick', 'tom'];
const TOM_FEATURES = [
  ...TOM_OWN,
  ...TOM_REFERENCE.flatMap((c) => TOM_OWN.map((n) => `${n}-${c}Median`)),
  'logBodyHz-stemLow',
  'logBodyHz-stemHigh',
  'bodyPitchShare',
];
/**
 * The stem's own clusters, whatever the rules said (h-dx59), 18 after gbm56's 113. Kick against tom: the hits with a
 * body (low and body bands at least bodyShare of what they add, STEM_MODEL_CLUSTER_PARAMETERS) and a body partial; a
 * pitch recurs when at least recurMin of them, and recurShare of them, lie within a semitone of it; the lowest
 * recurring pitch is the kick's (a kick is the stem's lowest recurring body; a tom sits above it and glides). Per hit:
 * its body pitch less that pitch (octaves), the share of bodied hits within a semitone of its own, how many recurring
 * pitches lie more than a semitone under it, and its low band's share, low and body bands' decays, glide, click
 * (wires and top bands' share), late level and late centroid, each less the median of the kick cluster (the bodied
 * hits within a semitone of the kick's pitch). Snare against hat: the stem's hat cluster, the hits adding at least
 * hatTopShare above highHz and less than hatBodyShare below midHz; per hit its body band's share less its top band's,
 * then its centroid, late centroid, flatness, wires and top bands' decays, body band's share and that body-over-top
 * each less the hat cluster's median (a noise-burst snare is as bright as a hat but keeps some body, and stops
 * otherwise than the stem's hats). Added energies (dB) are not used: a band that adds nothing reads −200.
 */
const KICK_OWN = ['share0', 'logDecay0', 'logDecay1', 'glide', 'click', 'lateDb', 'logLateCentroid'];
const HAT_OWN = ['logCentroid', 'logLateCentroid', 'flatness', 'logDecay2', 'logDecay3', 'share1', 'bodyOverTop'];
const CLUSTER_FEATURES = [
  'logBodyHz-kickCluster',
  'bodyClusterShare',
  'recurringBelow',
  ...KICK_OWN.map((n) => `${n}-kickCluster`),
  'bodyOverTop',
  ...HAT_OWN.map((n) => `${n}-hatCluster`),
];
/**
 * Toms against the stem's own kick and fills (h-dx65), 9 after gbm59's 131. The kick's rest: the median late body
 * pitch of the kick cluster (clusterRows' kick, the lowest recurring body; a kick sweeps down fast and rests there, a
 * tom glides a little from its own pitch); per hit its body and late body pitch less that rest (octaves). A run: the
 * stem's bodied hits (clusterRows' body) in time order, each at most fillGapMs after the last (hits without a body in
 * between are passed over); per hit the run's length (hits), its body pitch less the previous bodied hit's in the run
 * and the next one's less its own (NaN at the run's ends), the share of the run's steps that fall more than a
 * semitone, the run's pitch span and the hit's rank in it (0 its lowest pitch, 1 its highest): a fill walks down
 * over several toms, a groove's kick sits at its run's bottom.
 */
const CONTEXT_FEATURES = [
  'logBodyHz-kickRest',
  'logBodyLateHz-kickRest',
  'runLength',
  'pitchFromPrev',
  'pitchToNext',
  'runFalling',
  'runSpan',
  'runRank',
  'kickRestGlide',
];
/**
 * Snare against hat and tom against kick by the stem's own clusters (h-dx67), 13 after gbm65's 140. The hat cluster
 * is clusterRows' (hatTopShare, hatBodyShare); the snare cluster, the hits outside it whose body and wires bands add
 * at least snareMidShare and whose low band adds less than snareLowShare. Per stem: each cluster's share of the
 * hits; per hit: whether it is in the hat cluster, its centroid, late centroid, flatness, wires band's decay, wires
 * and top bands' shares less the snare cluster's median, and how much nearer the snare cluster's medians it lies than
 * the hat cluster's over SNARE_HAT_SCALE (squared distances in scaled units: octaves, decay octaves, shares / 0.2;
 * a snare whose rules' class is hat sits off a hat cluster of real hats, or in a stem whose only bright hits are its
 * snares); then its ring, peak and prior top level less the kick cluster's median (a tom in a run rings over the
 * last hit and is struck softer than the stem's kick).
 */
const SNARE_OWN = ['logCentroid', 'logLateCentroid', 'flatness', 'logDecay2', 'share2', 'share3'];
const SNARE_HAT_SCALE: Record<string, number> = { logCentroid: 1, logLateCentroid: 1, logDecay2: 1, logDecay3: 1 };
for (const n of ['share1', 'share2', 'share3']) SNARE_HAT_SCALE[n] = 0.2;
const KICK_LEVEL = ['ringDb', 'peakDb', 'priorTopDb'];
const SNARE_HAT_FEATURES = [
  'hatClusterShare',
  'snareClusterShare',
  'inHatCluster',
  ...SNARE_OWN.map((n) => `${n}-snareCluster`),
  'snareNearerThanHat',
  ...KICK_LEVEL.map((n) => `${n}-kickCluster`),
];
/**
 * Is the stem's kick cluster a kick at all (h-dx71), 9 after gbm67's 153. A tom tuned on its kit's kick pitch, or a
 * stem without a kick, puts toms in the kick cluster (clusterRows' kick: the lowest recurring body), and every
 * feature measured against that cluster reads 0 for them. Per stem, the cluster's own medians, absolute: its low
 * band's share, centroid, late level, low band over body band (dB) and peak against the stem's loudest (a kick is
 * low, dark, short and the loudest drum; a floor tom rings, brighter and softer), its share of the stem's primary
 * hits, the recurring body pitches above it (other drums tuned above) and the share of its hits with a bodied hit
 * more than a semitone above within fillGapMs (a fill runs through a floor tom; a kick's neighbours are hats and
 * snares); per hit, whether it has such a neighbour itself.
 */
const NEAR_KICK_OWN = ['share0', 'logCentroid', 'lateDb', 'lowOverBodyDb', 'peakDb'];
const NEAR_KICK_FEATURES = [
  ...NEAR_KICK_OWN.map((n) => `kickCluster:${n}`),
  'kickClusterShare',
  'recurringAbove',
  'kickClusterFillShare',
  'fillAbove',
];
/**
 * The hit's own membrane cue (h-dx72, stem.ts membraneCue; 5 after gbm71's 162): what a hit carries by itself, read
 * against nothing else in the stem (on the tom-by-kick stems the kick cluster is mostly toms): its second mode against
 * its fundamental and against the gaps beside it, its third and fourth modes against its second harmonic (dB), the
 * body partial's 20 dB fall in its own periods (log2), its click (dB).
 */
const MEMBRANE_FEATURES = ['modeDb', 'modePeakDb', 'upperModeDb', 'logDecayPeriods', 'clickDb'];
/**
 * The restrike cue (h-dx96; 5 after gbm92's 167): a hit against the low hit before it, whose ring it may land in. A
 * held kick struck twice 150 ms apart: the second stroke adds nothing in the low band (its ring is still up: the band
 * rises less than minGainDb), what it adds reads at about twice the pitch (118 Hz on a 55 Hz kick) and every model
 * but gbm66 read it a tom. The low hit before: the latest primary hit at most restrikeLookMs earlier whose low band
 * adds at least restrikeLowShare (STEM_MODEL_CLUSTER_PARAMETERS). Per hit: the gap in that hit's ring lengths (log2:
 * the gap over the longer of its low and body bands' decays, STEM_PARAMETERS decayDb), the body pitch against its
 * (octaves) and that distance to the nearest of the same pitch and twice it, the peak over its peak extrapolated
 * along that decay to this hit (dB: a stroke that renews the ring against one that only rides it) and its body pitch
 * less the kick cluster's (octaves: the stem's kick or another drum). NaN without such a hit.
 */
const RESTRIKE_FEATURES = [
  'restrikeGapRings',
  'restrikePitch',
  'restrikeHarmonic',
  'restrikeJumpDb',
  'restrikePrevKick',
];
/** Every feature's name, in the order of a row (a preset's `features` must be its first ones). */
export const MODEL_FEATURES = [
  ...OWN,
  ...REFERENCE.flatMap((c) => RELATIVE.map((i) => `${OWN[i]}-${c}Median`)),
  ...RANKED.map((i) => `rank:${OWN[i]}`),
  'stemPitchSpread',
  ...RULE_CLASSES.map((c) => `stemShare:${c}`),
  ...TOM_FEATURES,
  ...CLUSTER_FEATURES,
  ...CONTEXT_FEATURES,
  ...SNARE_HAT_FEATURES,
  ...NEAR_KICK_FEATURES,
  ...MEMBRANE_FEATURES,
  ...RESTRIKE_FEATURES,
];
/** Where the restrike cue's block starts in a row (a model reads it when its width passes this). */
const RESTRIKE_FROM = MODEL_FEATURES.length - RESTRIKE_FEATURES.length;
/** Where the membrane cue's block starts in a row (a model reads it when its width passes this). */
const MEMBRANE_FROM = RESTRIKE_FROM - MEMBRANE_FEATURES.length;

/** The membrane features of a hit, MEMBRANE_FEATURES' order (h-dx72; NaN for a hit dumped before them). */
function membraneRow(h: StemHit): number[] {
  const f = h.features;
  return [
    clip(f.modeDb ?? NaN, -60, 60),
    clip(f.modePeakDb ?? NaN, -60, 60),
    clip(f.upperModeDb ?? NaN, -60, 60),
    Number.isFinite(f.decayPeriods) && f.decayPeriods! > 0 ? clip(Math.log2(f.decayPeriods!), -4, 14) : NaN,
    clip(f.clickDb ?? NaN, -80, 40),
  ];
}

/** The restrike cue of a stem's primary hits (RESTRIKE_FEATURES' order; h-dx96): own rows, start times (s) and the
 * hits' peaks; each looks back at most restrikeLookMs (own0 is in time order). */
function restrikeRows(own0: number[][], startS: number[], hits: StemHit[]): number[][] {
  const look = CL.restrikeLookMs.value / 1000;
  const decayDb = STEM_PARAMETERS.decayDb.value;
  const at = (n: string) => OWN.indexOf(n);
  const kick = kickCluster(own0).kick;
  const pitch = (i: number) => own0[i]![at('logBodyHz')]!;
  // a band's decay back from logDecay's log2(1 + ms), the longer of the low and body bands'
  const ring = (i: number) => {
    const ms = [at('logDecay0'), at('logDecay1')].map((k) => 2 ** own0[i]![k]! - 1).filter((v) => v > 0);
    return ms.length ? Math.max(...ms) : NaN;
  };
  const none = RESTRIKE_FEATURES.map(() => NaN);
  return own0.map((_, i) => {
    let j = i - 1;
    while (j >= 0 && startS[i]! - startS[j]! <= look && !(own0[j]![at('share0')]! >= CL.restrikeLowShare.value)) j--;
    if (j < 0 || startS[i]! - startS[j]! > look) return none;
    const gapMs = 1000 * (startS[i]! - startS[j]!);
    const r = pitch(i) - pitch(j);
    const level = (k: number) => 20 * Math.log10(hits[k]!.peak + 1e-12);
    return [
      clip(Math.log2(gapMs / ring(j)), -8, 8),
      clip(r, -4, 4),
      Number.isFinite(r) ? Math.min(Math.abs(r), Math.abs(r - 1)) : NaN,
      clip(level(i) - (level(j) - (decayDb * gapMs) / ring(j)), -60, 60),
      pitch(j) - kick,
    ];
  });
}

const clusterValues = () =>
  Object.fromEntries(Object.entries(CL).map(([k, v]) => [k, v.value])) as Record<keyof typeof CL, number>;

/** A stem's bodied hits (low and body bands adding at least bodyShare, a body partial) and its kick cluster. */
function kickCluster(own0: number[][]): { bodied: number[]; kicks: number[]; centres: number[]; kick: number } {
  const CLUSTER = clusterValues();
  const at = (n: string) => OWN.indexOf(n);
  const pitch = (i: number) => own0[i]![at('logBodyHz')]!;
  const bodied = own0
    .map((_, i) => i)
    .filter((i) => own0[i]![at('share0')]! + own0[i]![at('share1')]! >= CLUSTER.bodyShare && Number.isFinite(pitch(i)));
  const near = (b: number) => bodied.filter((i) => Math.abs(pitch(i) - b) <= 1 / 12);
  const need = Math.max(CLUSTER.recurMin, CLUSTER.recurShare * bodied.length);
  const recurring = bodied
    .map(pitch)
    .filter((b) => near(b).length >= need)
    .sort((a, b) => a - b);
  // recurring pitches merged: a new one more than a semitone above the last kept
  const centres: number[] = [];
  for (const b of recurring) if (!centres.length || b - centres[centres.length - 1]! > 1 / 12) centres.push(b);
  const kick = centres.length ? centres[0]! : NaN;
  return { bodied, kicks: Number.isNaN(kick) ? [] : near(kick), centres, kick };
}

/** The context features of a stem's primary hits (own rows and start times in s given), CONTEXT_FEATURES' order. */
function contextRows(own0: number[][], startS: number[]): number[][] {
  const gap = CL.fillGapMs.value / 1000;
  const at = (n: string) => OWN.indexOf(n);
  const { bodied, kicks } = kickCluster(own0);
  const pitch = (i: number) => own0[i]![at('logBodyHz')]!;
  const late = (i: number) => own0[i]![at('logBodyLateHz')]!;
  const rest = kicks.length >= 2 ? median(kicks.map(late)) : NaN;
  const kickGlide = kicks.length >= 2 ? median(kicks.map((i) => late(i) - pitch(i))) : NaN;
  // runs of bodied hits in time order (own0 is in time order)
  const runOf = new Map<number, number[]>();
  let run: number[] = [];
  for (const i of bodied) {
    if (run.length && startS[i]! - startS[run[run.length - 1]!]! > gap) run = [];
    run.push(i);
    runOf.set(i, run);
  }
  return own0.map((_, i) => {
    const r = runOf.get(i);
    const head = [pitch(i) - rest, late(i) - rest];
    if (!r) return [...head, 0, NaN, NaN, NaN, NaN, NaN, kickGlide];
    const k = r.indexOf(i);
    const steps = r.slice(1).map((j, n) => pitch(j) - pitch(r[n]!));
    const ps = r.map(pitch);
    const [lo, hi] = [Math.min(...ps), Math.max(...ps)];
    return [
      ...head,
      r.length,
      k > 0 ? steps[k - 1]! : NaN,
      k < r.length - 1 ? steps[k]! : NaN,
      steps.length ? steps.filter((d) => d < -1 / 12).length / steps.length : NaN,
      hi - lo,
      hi > lo ? (pitch(i) - lo) / (hi - lo) : NaN,
      kickGlide,
    ];
  });
}

/** The kick cluster's own medians and fills of a stem's primary hits (own rows and start times in s),
 * NEAR_KICK_FEATURES' order (h-dx71). */
function nearKickRows(own0: number[][], startS: number[]): number[][] {
  const gap = CL.fillGapMs.value / 1000;
  const at = (n: string) => OWN.indexOf(n);
  const { bodied, kicks, centres, kick } = kickCluster(own0);
  const v = (i: number, n: string) =>
    n === 'lowOverBodyDb' ? own0[i]![at('addedDb0')]! - own0[i]![at('addedDb1')]! : own0[i]![at(n)]!;
  const has = kicks.length >= 2;
  const med = NEAR_KICK_OWN.map((n) => (has ? median(kicks.map((i) => v(i, n))) : NaN));
  const pitch = (i: number) => own0[i]![at('logBodyHz')]!;
  // a bodied hit more than a semitone above hit i within the fill gap, before or after (own0 is in time order)
  const above = (i: number) =>
    bodied.some((j) => j !== i && Math.abs(startS[j]! - startS[i]!) <= gap && pitch(j) - pitch(i) > 1 / 12) ? 1 : 0;
  const stem = [
    ...med,
    kicks.length / Math.max(1, own0.length),
    has ? centres.filter((c) => c > kick + 1 / 12).length : NaN,
    has ? kicks.reduce((a, i) => a + above(i), 0) / kicks.length : NaN,
  ];
  return own0.map((_, i) => [...stem, Number.isFinite(pitch(i)) ? above(i) : NaN]);
}

/** The cluster features of a stem's primary hits (own rows given), CLUSTER_FEATURES' order. */
function clusterRows(own0: number[][]): number[][] {
  const CLUSTER = clusterValues();
  const at = (n: string) => OWN.indexOf(n);
  const v = (r: number[], n: string): number => {
    if (n === 'glide') return r[at('logBodyLateHz')]! - r[at('logBodyHz')]!;
    if (n === 'click') return r[at('share2')]! + r[at('share3')]!;
    if (n === 'bodyOverTop') return r[at('share1')]! - r[at('share3')]!;
    return r[at(n)]!;
  };
  const medianOf = (rows: number[][], n: string) => (rows.length >= 2 ? median(rows.map((r) => v(r, n))) : NaN);
  const pitch = (r: number[]) => r[at('logBodyHz')]!;
  const cluster = kickCluster(own0);
  const bodied = cluster.bodied.map((i) => own0[i]!);
  const near = (b: number) => bodied.filter((r) => Math.abs(pitch(r) - b) <= 1 / 12);
  const { centres, kick } = cluster;
  const kicks = cluster.kicks.map((i) => own0[i]!);
  const kickMed = KICK_OWN.map((n) => medianOf(kicks, n));
  const hats = hatCluster(own0).map((i) => own0[i]!);
  const hatMed = HAT_OWN.map((n) => medianOf(hats, n));
  return own0.map((r) => {
    const b = pitch(r);
    const has = Number.isFinite(b) && bodied.length > 0;
    return [
      b - kick,
      has ? near(b).length / bodied.length : NaN,
      has ? centres.filter((c) => c < b - 1 / 12).length : NaN,
      ...KICK_OWN.map((n, k) => v(r, n) - kickMed[k]!),
      v(r, 'bodyOverTop'),
      ...HAT_OWN.map((n, k) => v(r, n) - hatMed[k]!),
    ];
  });
}

/** A stem's hat cluster (hatTopShare above highHz, under hatBodyShare below midHz): its hits' indices. */
function hatCluster(own0: number[][]): number[] {
  const CLUSTER = clusterValues();
  const at = (n: string) => OWN.indexOf(n);
  return own0
    .map((_, i) => i)
    .filter(
      (i) =>
        own0[i]![at('share3')]! >= CLUSTER.hatTopShare &&
        own0[i]![at('share0')]! + own0[i]![at('share1')]! < CLUSTER.hatBodyShare,
    );
}

/** The snare-against-hat and kick-level features of a stem's primary hits, SNARE_HAT_FEATURES' order (h-dx67). */
function snareHatRows(own0: number[][]): number[][] {
  const CLUSTER = clusterValues();
  const at = (n: string) => OWN.indexOf(n);
  const hats = new Set(hatCluster(own0));
  const snares = own0
    .map((_, i) => i)
    .filter(
      (i) =>
        !hats.has(i) &&
        own0[i]![at('share1')]! + own0[i]![at('share2')]! >= CLUSTER.snareMidShare &&
        own0[i]![at('share0')]! < CLUSTER.snareLowShare,
    );
  const medianOf = (rows: number[], n: string) => (rows.length >= 2 ? median(rows.map((i) => own0[i]![at(n)]!)) : NaN);
  const snareMed = SNARE_OWN.map((n) => medianOf(snares, n));
  const scaled = Object.keys(SNARE_HAT_SCALE);
  const hatAt = scaled.map((n) => medianOf([...hats], n));
  const snareAt = scaled.map((n) => medianOf(snares, n));
  const dist = (r: number[], m: number[]) =>
    scaled.reduce((a, n, k) => a + ((r[at(n)]! - m[k]!) / SNARE_HAT_SCALE[n]!) ** 2, 0);
  const kicks = kickCluster(own0).kicks;
  const kickMed = KICK_LEVEL.map((n) => medianOf(kicks, n));
  const n = Math.max(1, own0.length);
  return own0.map((r, i) => [
    hats.size / n,
    snares.length / n,
    hats.has(i) ? 1 : 0,
    ...SNARE_OWN.map((f, k) => r[at(f)]! - snareMed[k]!),
    dist(r, hatAt) - dist(r, snareAt),
    ...KICK_LEVEL.map((f, k) => r[at(f)]! - kickMed[k]!),
  ]);
}

/** The tom-against-kick features of a stem's primary hits (own rows and rule classes given), TOM_FEATURES' order. */
function tomRows(own0: number[][], cls: string[]): number[][] {
  const at = (n: string) => OWN.indexOf(n);
  const [body, late, d0, d1, d2, a0, a1] = ['logBodyHz', 'logBodyLateHz', 'logDecay0', 'logDecay1', 'logDecay2']
    .concat(['addedDb0', 'addedDb1'])
    .map(at) as [number, number, number, number, number, number, number];
  const mine = own0.map((r) => [r[late]! - r[body]!, r[d0]! - r[d1]!, r[d0]! - r[d2]!, r[a0]! - r[a1]!]);
  const med = TOM_REFERENCE.map((c) => {
    const m = mine.filter((_, i) => cls[i] === c);
    return TOM_OWN.map((_, k) => (m.length >= 2 ? median(m.map((x) => x[k]!)) : NaN));
  });
  const pct = (v: number[], q: number) => (v.length >= 2 ? v[Math.floor(q * (v.length - 1))]! : NaN);
  const low = own0
    .filter((_, i) => cls[i] === 'kick' || cls[i] === 'tom')
    .map((r) => r[body]!)
    .filter((x) => !Number.isNaN(x))
    .sort((a, b) => a - b);
  const drums = own0
    .filter((_, i) => cls[i] === 'kick' || cls[i] === 'snare' || cls[i] === 'tom')
    .map((r) => r[body]!)
    .filter((x) => !Number.isNaN(x));
  const [lo, hi] = [pct(low, 0.1), pct(low, 0.9)];
  return own0.map((r, i) => {
    const b = r[body]!;
    const share = Number.isNaN(b) || !drums.length ? NaN : drums.filter((x) => Math.abs(x - b) <= 1 / 12).length;
    return [
      ...mine[i]!,
      ...med.flatMap((m) => m.map((v, k) => mine[i]![k]! - v)),
      b - lo,
      b - hi,
      share / drums.length,
    ];
  });
}

/** A stem's hits as the model sees them: those over the output floor, in time order, and a row per primary hit. */
export interface ModelRows {
  /** The hits over the stem's output floor (floorRangeDb under its loudest, as StemAnalyzer.finish), by start. */
  kept: StemHit[];
  /** Per kept hit: its feature row, or null for a second piece (it keeps the rules' class). */
  rows: (Float64Array | null)[];
}

/** The rows of a stem's classified hits (classifyStemHits' output, the rules' classes): the floor, then features;
 * `width`, the features a model reads: the stem's clusters (the last ones) are measured only when it reads them. */
export function modelRows(hits: StemHit[], width = MODEL_FEATURES.length, rate = 44100): ModelRows {
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
  const tom = tomRows(
    own0,
    primary.map((h) => h.cls),
  );
  // the stem's clusters only for a model that reads them (gbm56 reads 113, gbm59 131, gbm66 140)
  const last = MEMBRANE_FROM - NEAR_KICK_FEATURES.length - SNARE_HAT_FEATURES.length - CONTEXT_FEATURES.length;
  const startS = primary.map((h) => h.start / rate);
  const cluster = width > last - CLUSTER_FEATURES.length ? clusterRows(own0) : own0.map(() => []);
  // the context (h-dx65's, after the clusters) only for a model that reads it
  const context = width > last ? contextRows(own0, startS) : own0.map(() => []);
  // snare against hat (h-dx67's, after the context) only for a model that reads it
  const snareHat = width > last + CONTEXT_FEATURES.length ? snareHatRows(own0) : own0.map(() => []);
  // the kick cluster's own medians and fills (h-dx71's, after the snare-hat block) only for a model that reads them
  const nearKick =
    width > last + CONTEXT_FEATURES.length + SNARE_HAT_FEATURES.length
      ? nearKickRows(own0, startS)
      : own0.map(() => []);
  // the restrike cue (h-dx96's, after the membrane cue) only for a model that reads it
  const restrike = width > RESTRIKE_FROM ? restrikeRows(own0, startS, primary) : own0.map(() => []);
  const full = own0.map((r, i) =>
    Float64Array.from([
      ...r,
      ...med.flatMap((m) => RELATIVE.map((j, k) => r[j]! - m[k]!)),
      ...ranks.map((rk) => rk[i]!),
      spread,
      ...shares,
      ...tom[i]!,
      ...cluster[i]!,
      ...context[i]!,
      ...snareHat[i]!,
      ...nearKick[i]!,
      ...(width > MEMBRANE_FROM ? membraneRow(primary[i]!) : []),
      ...restrike[i]!,
    ]),
  );
  let p = 0;
  return { kept, rows: kept.map((h) => (h.secondary ? null : full[p++]!)) };
}

/** Boosted trees (softmax, one tree per family per round, round-major): each tree's splits in level order, then
 * its leaves. A row goes left when its feature is NaN or below the threshold. A model of several members (h-dx62:
 * the same recipe trained on several seeds) has them in `members` and no `trees` of its own. */
export interface BoostedTrees {
  depth: number;
  trees: Tree[];
  members?: Tree[][];
}

/** The families' probabilities of one feature row (several members: the mean of their probabilities). */
export function predictTrees(m: BoostedTrees, x: Float64Array): number[] {
  if (!m.members?.length) return softmax(classScores(m, MODEL_FAMILIES.length, x));
  const sum = new Array<number>(MODEL_FAMILIES.length).fill(0);
  for (const trees of m.members)
    softmax(classScores({ depth: m.depth, trees }, MODEL_FAMILIES.length, x)).forEach((v, k) => (sum[k]! += v));
  return sum.map((v) => v / m.members!.length);
}

/** A preset (presets/drum-class-gbm66.json, …-gbm56.json, …-gbm62.json): its name, features, trees (or members: h-dx62)
 * and check rows. */
export interface StemModelPreset extends BoostedTrees {
  name: string;
  features: string[];
  families: string[];
  /** Rows with the family and probability the trainer's code gave them (null: NaN). */
  checks: { from: string; rule: string; x: (number | null)[]; family: string; probability: number }[];
}

/** The preset a value of STEM_MODEL_PARAMETERS.model names (drum-class-gbmN; a value not in STEM_MODEL_PRESETS
 * throws). */
export function stemModelPresetName(round = STEM_MODEL_PARAMETERS.model.value): string {
  if (!(STEM_MODEL_PRESETS as readonly number[]).includes(round))
    throw new Error(`drums model ${round}: no such preset (one of ${STEM_MODEL_PRESETS.join(', ')})`);
  return `drum-class-gbm${round}`;
}
/** The engine's preset by default (STEM_MODEL_PARAMETERS.model's declared value) and its file. */
export const STEM_MODEL_PRESET = stemModelPresetName();
export const STEM_MODEL_FILE = presetPath(`${STEM_MODEL_PRESET}.json`);
/**
 * A model from its JSON text: a threshold stored as null is −∞ (JSON has no infinities; the trainer writes a split
 * that sends only NaN left as −∞, bench/learn.ts trainBoosted), so a row goes right there unless its feature is NaN.
 * Its features must be the code's first ones (a model trained on fewer features reads the front of each row).
 */
export function readTrees<T extends Pick<BoostedTrees, 'trees' | 'members'>>(
  m: T,
  features: string[],
  from = 'model',
): T {
  m.trees ??= [];
  infiniteThresholds(m.trees);
  for (const trees of m.members ?? []) infiniteThresholds(trees);
  if (features.join() !== MODEL_FEATURES.slice(0, features.length).join())
    throw new Error(`${from}: features differ from code`);
  return m;
}

const loaded = new Map<string, StemModelPreset>();
/** The model STEM_MODEL_PARAMETERS.model names, each preset read once (only a whole-kit stem's classification
 * needs it). */
export function stemModel(): StemModelPreset {
  const name = stemModelPresetName();
  let m = loaded.get(name);
  if (!m) {
    const raw = readPreset<StemModelPreset>(name);
    m = readTrees(raw, raw.features, presetPath(`${name}.json`));
    loaded.set(name, m);
  }
  return m;
}

/** Whether the model the engine applies (STEM_MODEL_PARAMETERS: useModel on, `model`'s preset) reads the membrane
 * cue (h-dx73: StemAnalyzer measures it only then; no cost at a model that does not read it). */
export function modelReadsMembrane(): boolean {
  return STEM_MODEL_PARAMETERS.useModel.value >= 0.5 && stemModel().features.length > MEMBRANE_FROM;
}

/** Whether the first pass measures the membrane cue: the model reads it, or the kickless rule is on (h-dx78). */
export function stemReadsMembrane(): boolean {
  return (
    modelReadsMembrane() ||
    (STEM_MODEL_PARAMETERS.useModel.value >= 0.5 && STEM_KICKLESS_PARAMETERS.kicklessFallSt.value > 0)
  );
}

/**
 * The model's classes for a stem's classified hits, in place (the last step of classifyStemHits): each primary hit
 * over the floor takes the model's family; its reason adds the model's family and probability beside the rules'
 * class, its confidence becomes that probability. Hits under the floor (never reported) and second pieces keep the
 * rules' class.
 */
export function applyStemModel(
  hits: StemHit[],
  m: BoostedTrees & { name: string; features?: string[] } = stemModel(),
  rate = 44100,
): void {
  const { kept, rows } = modelRows(hits, m.features?.length, rate);
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

/** The stem's reported primary hits read as kick: over the output floor (floorRangeDb under the loudest), not second
 * pieces (the kickless and floor-tom rules' hits). */
function reportedKicks(hits: StemHit[]): StemHit[] {
  const loudest = Math.max(0, ...hits.map((h) => h.peak));
  const floor = loudest * 10 ** (-DETECT_PARAMETERS.floorRangeDb.value / 20);
  return hits.filter((h) => h.cls === 'kick' && !h.secondary && h.peak >= floor && h.peak > 0);
}

/** A hit's body partial's fall in semitones, from the first bodyMs window to the second (bodyHz to bodyLateHz). */
const bodyFall = (h: StemHit) => 12 * Math.log2((h.features.bodyHz ?? NaN) / (h.features.bodyLateHz ?? NaN));

/**
 * A stem with no kick (h-dx78; STEM_KICKLESS_PARAMETERS), in place, after the model: when the stem's reported hits
 * read as kick (over the output floor, not second pieces; at least kicklessMinHits with a body partial) hold their
 * pitch — their body partial's median fall from the first bodyMs window to the second under kicklessFallSt
 * semitones and over −kicklessRiseSt (a rise of several is a partial that jumped, of a few tenths a bass drum's
 * partial under about 55 Hz read by the window, h-dx83; not a held pitch) — ring at a drum head's
 * second mode (median modePeakDb over kicklessModePeakDb) and click little (median clickDb under kicklessClickDb),
 * they are the stem's lowest tom (a beater's kick clicks and falls in pitch, a tom holds): each becomes a tom, its
 * reason saying why. Off at kicklessFallSt 0.
 */
export function applyKicklessStem(hits: StemHit[]): void {
  const K = STEM_KICKLESS_PARAMETERS;
  const limit = K.kicklessFallSt.value;
  if (!(limit > 0)) return;
  const kicks = reportedKicks(hits);
  const falls = kicks.map(bodyFall).filter((x) => Number.isFinite(x));
  if (falls.length < K.kicklessMinHits.value) return;
  const fall = median(falls);
  const mode = median(kicks.map((h) => h.features.modePeakDb ?? NaN));
  const click = median(kicks.map((h) => h.features.clickDb ?? NaN));
  const rise = Math.min(limit, K.kicklessRiseSt.value);
  if (!(fall < limit && fall > -rise) || !(mode > K.kicklessModePeakDb.value) || !(click < K.kicklessClickDb.value))
    return;
  for (const h of kicks) {
    h.cls = 'tom';
    h.reason =
      `${h.reason}; but the stem's kicks hold their pitch (median fall ${fall.toFixed(2)} st), ring at a head's ` +
      `mode (${mode.toFixed(1)} dB) and click little (${click.toFixed(1)} dB): no kick, a tom`;
  }
}

/**
 * A floor tom read as the kick in a stem that has a kick (h-dx80; STEM_FLOORTOM_PARAMETERS), in place, after the model
 * and applyKicklessStem: the reported hits read as kick (over the output floor, not second pieces, with a body partial)
 * split in two by body pitch (the split of the sorted log bodyHz with the least spread within the halves); when the
 * upper half lies floorTomSepSt or more over the lower, holds its pitch (median fall within floorTomHoldSt either way)
 * while the lower half falls (median fall over floorTomKickFallSt), and is not louder (median peak at most
 * floorTomPeakDb over the lower's), the upper half are toms, each reason saying why. Off at floorTomHoldSt 0.
 */
export function applyFloorTomCluster(hits: StemHit[]): void {
  const F = STEM_FLOORTOM_PARAMETERS;
  const hold = F.floorTomHoldSt.value;
  if (!(hold > 0)) return;
  const kicks = reportedKicks(hits)
    .map((h) => ({ h, st: 12 * log2(h.features.bodyHz), fall: bodyFall(h) }))
    .filter((k) => Number.isFinite(k.st) && Number.isFinite(k.fall))
    .sort((a, b) => a.st - b.st);
  const minHits = F.floorTomMinHits.value;
  if (kicks.length < 2 * minHits) return;
  // the split with the least spread within the halves (prefix sums of the pitches and their squares)
  const n = kicks.length;
  let sum = 0;
  let sq = 0;
  const total = kicks.reduce((a, k) => a + k.st, 0);
  const totalSq = kicks.reduce((a, k) => a + k.st * k.st, 0);
  let best = Infinity;
  let cut = 0;
  for (let i = 1; i < n; i++) {
    sum += kicks[i - 1]!.st;
    sq += kicks[i - 1]!.st * kicks[i - 1]!.st;
    const spread = sq - (sum * sum) / i + (totalSq - sq) - ((total - sum) * (total - sum)) / (n - i);
    if (spread < best) [best, cut] = [spread, i];
  }
  const low = kicks.slice(0, cut);
  const high = kicks.slice(cut);
  if (low.length < minHits || high.length < minHits) return;
  const sep = median(high.map((k) => k.st)) - median(low.map((k) => k.st));
  const highFall = median(high.map((k) => k.fall));
  const lowFall = median(low.map((k) => k.fall));
  const peakDb = 20 * Math.log10(median(high.map((k) => k.h.peak)) / median(low.map((k) => k.h.peak)));
  if (!(sep >= F.floorTomSepSt.value) || !(Math.abs(highFall) < hold) || !(lowFall > F.floorTomKickFallSt.value))
    return;
  if (!(peakDb <= F.floorTomPeakDb.value)) return;
  for (const { h } of high) {
    h.cls = 'tom';
    h.reason =
      `${h.reason}; but the stem's kicks are two drums: this upper one (${sep.toFixed(1)} st over the lower) holds ` +
      `its pitch (median fall ${highFall.toFixed(2)} st) where the lower falls (${lowFall.toFixed(2)} st) and is not ` +
      `louder (${peakDb.toFixed(1)} dB): a floor tom`;
  }
}
