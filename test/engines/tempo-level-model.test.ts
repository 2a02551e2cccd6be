/**
 * The learned octave move (level-model.ts, presets/tempo-level-lr56.json; h-tlearn53's model, h-tlevel55; retrained
 * with plain grooves and missing terms, h-tlevel56; lr59 beside it, with the levels' beat profiles on tempo21–39,
 * lost its judge and is not read, h-tempo59): the preset's features are the code's, its stored rows give the
 * probabilities the trainer gave them, a term the input lacks is missing (NaN, adds nothing), the beats move as the
 * bench judged them, onset envelopes alone leave the hand's level, and a bare backbeat with its band energy is read
 * at its written tempo with the switch on where the hand reads its half or its double.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPO_PARAMETERS } from '../../src/engines/analysis/params.js';
import { estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import {
  LEVEL_FEATURES,
  LEVEL_TEMPO_FEATURES,
  LEVEL_TERMS,
  levelModel,
  levelModelReads,
  levelPairFeatures,
  levelPriorOffset,
  levelProbability,
  levelProbabilityOfRow,
  levelWide,
  movedBeats,
  type LevelModelPreset,
  type LevelRow,
} from '../../src/engines/tempo/level-model.js';
import { readPreset } from '../../src/presets.js';
import {
  HAT,
  KICK,
  SECONDS,
  SNARE,
  bandEnergy,
  chordsEveryFourBeats,
  groove,
  type Hit,
  type Piece,
} from '../helpers/grooves.js';

/** λ of lr59 (chosen by leave-one-set-out on tempo21–39 and the plain grooves). */
const LAMBDA_59 = 1;
/** λ of lr65 (h-tempo65, chosen by leave-one-set-out on the re-made tuning sets). */
const LAMBDA_65 = 1;

function withModel<T>(on: boolean, f: () => T): T {
  const before = TEMPO_PARAMETERS.levelModel.value;
  TEMPO_PARAMETERS.levelModel.value = on ? 1 : 0;
  try {
    return f();
  } finally {
    TEMPO_PARAMETERS.levelModel.value = before;
  }
}

test("the engine's preset is lr56: the code's first 83 features (log-ratios, own terms, evidence, flags, BPM)", () => {
  const m = levelModel(56);
  assert.equal(m.name, 'tempo-level-lr56');
  // h-tempo71: the two swing numbers after h-tempo68's 118; h-tempo73: the backbeat fold's six after them;
  // h-tempo78: the fold readings' three; h-tempo92: levelWide's ten
  assert.equal(LEVEL_FEATURES.length, 139);
  assert.deepEqual(LEVEL_FEATURES.slice(118, 120), ['swing slow', 'swing fast']);
  assert.deepEqual(LEVEL_FEATURES.slice(120), [
    'fold backbeat slow',
    'fold backbeat fast',
    'fold offbeat slow',
    'fold offbeat fast',
    'fold alternation slow',
    'fold alternation fast',
    'fold reading slow',
    'fold reading fast',
    'fold reading fast − slow',
    'wide rate slow',
    'strict rate slow',
    'wide backbeat slow',
    'wide backbeat fast',
    'accent4 slow',
    'accent4 fast',
    'pair4 slow',
    'pair4 fast',
    'accent2 slow',
    'accent2 fast',
  ]);
  assert.deepEqual(m.features, LEVEL_FEATURES.slice(0, 83));
  assert.deepEqual(LEVEL_FEATURES.slice(81, 83), ['no chroma', 'no band energy']);
  assert.equal(m.w.length, 83);
  assert.equal(m.mean.length, 83);
  assert.equal(m.scale.length, 83);
  assert.equal(m.provenance.lambda, 3);
  assert.ok((m.provenance.sets as string[]).includes('tempoplain'), `${String(m.provenance.sets)}`);
});

test("lr59 beside it (not read): the code's 113 features, the profiles last, its stored rows the trainer's", () => {
  const m = readPreset<LevelModelPreset>('tempo-level-lr59');
  assert.deepEqual(m.features, LEVEL_FEATURES.slice(0, 113));
  assert.deepEqual(LEVEL_FEATURES.slice(111, 113), ['log chords top4 slow', 'log chords top4 fast']);
  assert.equal(m.w.length, 113);
  assert.equal(m.provenance.lambda, LAMBDA_59);
  for (const set of ['tempoplain', 'tempo38', 'tempo39'])
    assert.ok((m.provenance.sets as string[]).includes(set), `${String(m.provenance.sets)}`);
  assert.ok(!(m.provenance.sets as string[]).includes('tempo40'), 'tempo40 is its judge');
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // the profiles count: the same rows with them missing give other probabilities
  const without = m.checks.map((c) => levelProbabilityOfRow(m, c.x.slice(0, 83)));
  assert.ok(without.some((p, i) => Math.abs(p - ps[i]!) > 0.01));
});

test("lr65 (levelModelPreset 65): lr56's 83 features and the three two-feel numbers, its rows the trainer's", () => {
  const m = levelModel(65);
  assert.equal(m.name, 'tempo-level-lr65');
  assert.deepEqual(m.features, [...LEVEL_FEATURES.slice(0, 83), ...LEVEL_FEATURES.slice(113, 116)]);
  assert.deepEqual(LEVEL_FEATURES.slice(113, 116), [
    'lowHigh alt slow',
    'lowHigh alt fast',
    'log onsets per beat slow',
  ]);
  assert.deepEqual(m.index, [...Array.from({ length: 83 }, (_, j) => j), 113, 114, 115]);
  assert.equal(m.provenance.lambda, LAMBDA_65);
  assert.ok(!(m.provenance.sets as string[]).includes('tempo42'), 'tempo42 is its judge');
  assert.ok((m.provenance.sets as string[]).includes('tempo41'), `${String(m.provenance.sets)}`);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  // the two-feel numbers count: the same rows without them give other probabilities
  const without = m.checks.map((c) => levelProbabilityOfRow(m, [...c.x.slice(0, 83), NaN, NaN, NaN]));
  assert.ok(without.some((p, i) => Math.abs(p - ps[i]!) > 0.01));
  // the engine reads it through the parameter: a preset of another round is refused
  assert.throws(() => levelModel(60), /no such preset/);
});

test('the broad tempo prior: a Gaussian on log2 BPM, its log-ratio for a pair added to the sum with weight 1', () => {
  assert.equal(levelPriorOffset(undefined, 100, 200), 0);
  // centred on the pair's geometric middle: neutral
  assert.ok(Math.abs(levelPriorOffset({ center: Math.log2(100 * Math.SQRT2), octaves: 1 }, 100, 200)) < 1e-12);
  // centred on the slow level: log N(fast) − log N(slow) = −(1² − 0²) / (2 σ²)
  for (const [octaves, want] of [
    [1, -0.5],
    [0.5, -2],
    [2, -0.125],
  ] as const)
    assert.ok(Math.abs(levelPriorOffset({ center: Math.log2(100), octaves }, 100, 200) - want) < 1e-12, `${octaves}`);
  // one octave higher the pair's log-odds drop by 1 / σ² (σ 1: −0.5 → −1.5)
  assert.ok(Math.abs(levelPriorOffset({ center: Math.log2(100), octaves: 1 }, 200, 400) + 1.5) < 1e-12);
  // the model adds it to its sum: logit(P with the prior) − logit(P without) = the offset
  const level = (bpm: number): LevelRow => ({
    ...(Object.fromEntries(LEVEL_TERMS.map((k) => [k, 1])) as Record<(typeof LEVEL_TERMS)[number], number>),
    bpm,
    ternary: false,
  });
  const m = { mean: [0], scale: [1], w: [0.7], b: 0.2, index: [LEVEL_FEATURES.indexOf('log2 slow/100')] };
  const logit = (p: number) => Math.log(p / (1 - p));
  const prior = { center: Math.log2(120), octaves: 0.75 };
  const off = levelPriorOffset(prior, 90, 180);
  assert.ok(Math.abs(off - (Math.log2(90 / 120) ** 2 - Math.log2(180 / 120) ** 2) / (2 * 0.75 ** 2)) < 1e-12);
  const d =
    logit(levelProbability({ ...m, prior }, level(90), level(180))) - logit(levelProbability(m, level(90), level(180)));
  assert.ok(Math.abs(d - off) < 1e-9, `${d} vs ${off}`);
});

test("lr68 (levelModelPreset 68): no BPM term but a broad prior (≥ ½ octave), its rows the trainer's", () => {
  const m = levelModel(68);
  assert.equal(m.name, 'tempo-level-lr68');
  for (const f of LEVEL_TEMPO_FEATURES) assert.ok(!m.features.includes(f), f);
  assert.deepEqual(m.features.slice(-2), ['log score/prior slow/fast', 'log score/prior slow']);
  assert.equal(m.features.length, 80);
  assert.ok(m.prior && m.prior.octaves >= 0.5, JSON.stringify(m.prior));
  assert.ok(m.prior.center > Math.log2(80) && m.prior.center < Math.log2(160), `${2 ** m.prior.center}`);
  assert.ok(!(m.provenance.sets as string[]).includes('tempo43'), 'tempo43 is its judge');
  assert.ok((m.provenance.sets as string[]).includes('tempo42'), `${String(m.provenance.sets)}`);
  // the stored rows with their prior offsets give the trainer's probabilities; the offset counts
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x, c.offset));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  assert.ok(m.checks.some((c) => Math.abs(levelProbabilityOfRow(m, c.x) - ps[m.checks.indexOf(c)]!) > 0.01));
});

test("lr69 (levelModelPreset 69): lr65's form retrained with tempo27–43 and the plain grooves", () => {
  const m = levelModel(69);
  assert.equal(m.name, 'tempo-level-lr69');
  assert.deepEqual(m.features, [...LEVEL_FEATURES.slice(0, 83), ...LEVEL_FEATURES.slice(113, 116)]);
  assert.deepEqual(m.index, [...Array.from({ length: 83 }, (_, j) => j), 113, 114, 115]);
  assert.equal(m.prior, undefined);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo27', 'tempo42', 'tempo43', 'tempoplain']) assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo44'), 'tempo44 is its judge');
  assert.equal(m.provenance.lambda, 3);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // the two-feel numbers count; lr69 is not lr65 (the same rows through lr65 give other probabilities)
  const without = m.checks.map((c) => levelProbabilityOfRow(m, [...c.x.slice(0, 83), NaN, NaN, NaN]));
  assert.ok(without.some((p, i) => Math.abs(p - ps[i]!) > 0.01));
  const lr65 = levelModel(65);
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(lr65, c.x) - ps[i]!) > 0.01));
  // the engine computes the two-feel numbers for it
  assert.deepEqual(levelModelReads(69), { profile: false, twoFeel: true, swing: false, fold: false, wide: false });
});

test("lr71 (levelModelPreset 71): lr56's form retrained on tempo25–44, the realistic sets weighted", () => {
  const m = levelModel(71);
  assert.equal(m.name, 'tempo-level-lr71');
  assert.deepEqual(m.features, LEVEL_FEATURES.slice(0, 83));
  assert.equal(m.prior, undefined);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo25', 'tempo42', 'tempo43', 'tempo44', 'tempoplain'])
    assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo45'), 'tempo45 is its judge');
  assert.equal(m.provenance.lambda, 3);
  assert.match(String(m.provenance.command), /--realistic-weight 5/);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // lr71 is not lr56 (the same rows through lr56 give other probabilities); it reads lr56's terms only
  const lr56 = levelModel(56);
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(lr56, c.x) - ps[i]!) > 0.01));
  assert.deepEqual(levelModelReads(71), { profile: false, twoFeel: false, swing: false, fold: false, wide: false });
});

test("lr72 (levelModelPreset 72, the default before lr78): lr56's form retrained on tempo25–45 under rule A", () => {
  const m = levelModel(72);
  assert.equal(m.name, 'tempo-level-lr72');
  assert.deepEqual(m.features, LEVEL_FEATURES.slice(0, 83));
  assert.equal(m.prior, undefined);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo25', 'tempo43', 'tempo44', 'tempo45', 'tempoplain'])
    assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo46'), 'tempo46 is its judge');
  assert.equal(m.provenance.lambda, 3);
  assert.match(String(m.provenance.truth), /^rule A/);
  assert.doesNotMatch(String(m.provenance.command), /--realistic-weight|--convention-truth|--train-convention/);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // lr72 is neither lr56 nor lr71 (the same rows through them give other probabilities); lr56's terms only
  for (const round of [56, 71]) {
    const other = levelModel(round);
    assert.ok(
      m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(other, c.x) - ps[i]!) > 0.01),
      `lr${round}`,
    );
  }
  assert.deepEqual(levelModelReads(72), { profile: false, twoFeel: false, swing: false, fold: false, wide: false });
});

test("lr73 (levelModelPreset 73, selectable): lr72's form and the backbeat fold at both levels, tempo25–46", () => {
  const m = levelModel(73);
  assert.equal(m.name, 'tempo-level-lr73');
  assert.deepEqual(m.features, [...LEVEL_FEATURES.slice(0, 83), ...LEVEL_FEATURES.slice(120, 126)]);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo25', 'tempo45', 'tempo46', 'tempoplain']) assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo47'), 'tempo47 is its judge');
  assert.equal(m.provenance.lambda, 3);
  assert.match(String(m.provenance.truth), /^rule A/);
  assert.match(String(m.provenance.command), /--fold/);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // the fold's weights are not zero: its rows through lr73 differ from the same rows with the fold missing
  const noFold = (x: number[]) => x.map((v, j) => (j >= 83 ? NaN : v));
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(m, noFold(c.x)) - ps[i]!) > 0.01));
  assert.deepEqual(levelModelReads(73), { profile: false, twoFeel: false, swing: false, fold: true, wide: false });
});

test("lr78 (levelModelPreset 78, the default before lr80): lr73's form on tempo35–47 and the plain grooves", () => {
  const m = levelModel(78);
  assert.equal(m.name, 'tempo-level-lr78');
  // lr72's 83 and the backbeat fold's six at both levels (not the fold readings: tried, h-tempo78)
  assert.deepEqual(m.features, [...LEVEL_FEATURES.slice(0, 83), ...LEVEL_FEATURES.slice(120, 126)]);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo35', 'tempo43', 'tempo46', 'tempo47', 'tempoplain'])
    assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo48'), 'tempo48 is its judge');
  assert.ok(!sets.includes('tempo34'), 'its sets are tempo35–47 and the plain grooves');
  assert.equal(m.provenance.lambda, 1);
  assert.match(String(m.provenance.truth), /^rule A/);
  assert.match(String(m.provenance.command), /--fold /);
  assert.doesNotMatch(String(m.provenance.command), /--fold-reading|--realistic-weight|--convention-truth/);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // the fold's weights are not zero: its rows through lr78 differ from the same rows with the fold missing
  const noFold = (x: number[]) => x.map((v, j) => (j >= 83 ? NaN : v));
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(m, noFold(c.x)) - ps[i]!) > 0.01));
  // not lr73 (the same form: the same rows through lr73 give other probabilities)
  const lr73 = levelModel(73);
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(lr73, c.x) - ps[i]!) > 0.01));
  assert.deepEqual(levelModelReads(78), {
    profile: false,
    twoFeel: false,
    swing: false,
    fold: true,
    wide: false,
  });
});

test("lr79 (levelModelPreset 79, selectable): lr78's form, the beat profiles and the fold readings, tempo35–48", () => {
  const m = levelModel(79);
  assert.equal(m.name, 'tempo-level-lr79');
  // lr72's 83, the beat profiles (lr59's 30), the fold's six and the fold readings' three
  assert.deepEqual(m.features, [...LEVEL_FEATURES.slice(0, 113), ...LEVEL_FEATURES.slice(120, 129)]);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo35', 'tempo43', 'tempo47', 'tempo48', 'tempoplain'])
    assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo49'), 'tempo49 is its judge');
  assert.ok(!sets.includes('tempo34'), 'its sets are tempo35–48 and the plain grooves');
  assert.equal(m.provenance.lambda, 2);
  assert.match(String(m.provenance.truth), /^rule A/);
  assert.match(String(m.provenance.command), /--profile .*--fold .*--fold-reading/);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // the profiles' and readings' weights are not zero: the rows differ with them missing
  const without = (x: number[], from: number, to: number) => x.map((v, j) => (j >= from && j < to ? NaN : v));
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(m, without(c.x, 83, 113)) - ps[i]!) > 0.01));
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(m, without(c.x, 119, 122)) - ps[i]!) > 0.01));
  assert.deepEqual(levelModelReads(79), {
    profile: true,
    twoFeel: false,
    swing: false,
    fold: true,
    wide: false,
  });
});

test("lr80 (levelModelPreset 80, the default): lr79's form without the chord profile, tempo35–49 + plain", () => {
  assert.equal(TEMPO_PARAMETERS.levelModelPreset.value, 80);
  const m = levelModel(80);
  assert.equal(m.name, 'tempo-level-lr80');
  // lr72's 83, the beat profiles of the low, mid, high and snare signals (24 of lr59's 30: not the chords'), the
  // fold's six and the fold readings' three
  const chords = LEVEL_FEATURES.slice(83, 113).filter((f) => / chords /.test(f));
  assert.equal(chords.length, 6);
  assert.deepEqual(m.features, [
    ...LEVEL_FEATURES.slice(0, 113).filter((f) => !chords.includes(f)),
    ...LEVEL_FEATURES.slice(120, 129),
  ]);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo35', 'tempo43', 'tempo48', 'tempo49', 'tempoplain'])
    assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo50'), 'tempo50 is its judge');
  assert.ok(!sets.includes('tempo34'), 'its sets are tempo35–49 and the plain grooves');
  assert.equal(m.provenance.lambda, 5);
  assert.match(String(m.provenance.truth), /^rule A/);
  assert.match(String(m.provenance.command), /--profile .*--fold .*--fold-reading --signals low,mid,high,snare /);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
  // the profiles' and readings' weights are not zero: the rows differ with them missing (profiles: columns 83–106)
  const without = (x: number[], from: number, to: number) => x.map((v, j) => (j >= from && j < to ? NaN : v));
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(m, without(c.x, 83, 107)) - ps[i]!) > 0.01));
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(m, without(c.x, 113, 116)) - ps[i]!) > 0.01));
  assert.deepEqual(levelModelReads(80), {
    profile: true,
    twoFeel: false,
    swing: false,
    fold: true,
    wide: false,
  });
});

/** test/helpers/grooves.ts chordsEveryFourBeats with tuned pitch classes (as test/engines/tempo-gate.test.ts). */
function oneChordPerBar() {
  const pitchClass = new Float64Array(120);
  for (const pc of [0, 4, 5, 7, 9]) pitchClass[pc * 10] = 1;
  return chordsEveryFourBeats(pitchClass);
}

test('one chord per bar at 120: lr79 (chord profile read) halves it to 60, lr80 (no chord profile) keeps 120', () => {
  const before = TEMPO_PARAMETERS.levelModelPreset.value;
  const bpm = (round: number) => {
    TEMPO_PARAMETERS.levelModelPreset.value = round;
    try {
      return withModel(true, () => estimateTempoWithDecision(oneChordPerBar())).tempo.bpm!;
    } finally {
      TEMPO_PARAMETERS.levelModelPreset.value = before;
    }
  };
  assert.ok(Math.abs(withModel(false, () => estimateTempoWithDecision(oneChordPerBar())).tempo.bpm! - 120) < 1);
  assert.ok(Math.abs(bpm(79) - 60) < 1, `lr79 ${bpm(79)}`);
  assert.ok(Math.abs(bpm(80) - 120) < 1, `lr80 ${bpm(80)}`);
  assert.ok(Math.abs(bpm(78) - 120) < 1, `lr78 ${bpm(78)}`);
});

test("the preset's stored rows give the probabilities the trainer stored for them", () => {
  const m = levelModel(56);
  assert.ok(m.checks.length >= 6, `${m.checks.length} rows`);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) =>
    assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]} vs ${c.probability}`),
  );
  // rows with a missing term (null in the JSON) are among them
  assert.ok(m.checks.some((c) => c.x.includes(null as unknown as number)));
  // the rows are not all on one side (the check would pass on a constant model otherwise)
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
});

test('the moved beats: midpoints added at the double, every other beat on the first downbeat at the half', () => {
  const b = [1, 2, 3, 4, 5];
  assert.deepEqual(movedBeats(b, 1, 1), b);
  assert.deepEqual(movedBeats(b, 1, 2), [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
  assert.deepEqual(movedBeats(b, 2, 0.5), [2, 4]);
  assert.deepEqual(movedBeats(b, 3, 0.5), [1, 3, 5]);
  assert.deepEqual(movedBeats(b, undefined, 0.5), [1, 3, 5]);
});

test('a term the input lacks is missing (NaN): it adds nothing to the sum, the flags say what was missing', () => {
  const level = (bpm: number, v: number): LevelRow => ({
    ...(Object.fromEntries(LEVEL_TERMS.map((k) => [k, v])) as Record<(typeof LEVEL_TERMS)[number], number>),
    bpm,
    ternary: false,
    noTonal: true,
    noSnare: false,
  });
  const x = levelPairFeatures(level(60, 0.5), level(120, 2));
  // (the rows have no beat profile: those 30 are missing too, left out here)
  const missing = LEVEL_FEATURES.slice(0, 83).flatMap((f, j) => (Number.isNaN(x[j]) ? [f] : []));
  assert.deepEqual(missing, [
    'log evenTonal slow/fast',
    'log pulse slow/fast',
    'log harmony slow/fast',
    'log harmonyRaw slow/fast',
    'log evenTonal slow',
    'log pulse slow',
    'log harmony slow',
    'log harmonyRaw slow',
  ]);
  assert.deepEqual(x.slice(81, 83), [1, 0]);
  // adds nothing: the same as the feature at its training mean
  const m = levelModel(56);
  const atMean = x.map((v, j) => (Number.isNaN(v) ? m.mean[j]! : v));
  assert.ok(Math.abs(levelProbabilityOfRow(m, x) - levelProbabilityOfRow(m, atMean)) < 1e-12);
  const y = levelPairFeatures({ ...level(60, 0.5), noTonal: false, noSnare: true }, level(120, 2));
  assert.deepEqual(
    LEVEL_FEATURES.slice(0, 83).filter((_, j) => Number.isNaN(y[j])),
    ['log snareBeat slow/fast', 'log snareHalf slow/fast', 'log snareBeat slow', 'log snareHalf slow'],
  );
});

test('onset envelopes alone (no chroma, no band energy): a rock backbeat at 120 stays 120, the model not read', () => {
  // h-tlearn53's model with the missing terms read as evidence halved it (60)
  const eighths = Array.from({ length: 8 }, (_, k) => k / 2);
  const input = () =>
    groove(120, [
      [[0, 2], KICK],
      [[1, 3], SNARE],
      [eighths, HAT],
    ]);
  const on = withModel(true, () => estimateTempoWithDecision(input()));
  assert.ok(Math.abs(on.tempo.bpm! / 120 - 1) < 0.02, `model ${on.tempo.bpm}`);
  assert.match(String(on.decision?.inputs.levelModel), /not read \(onset envelopes only/);
});

/** A one-bar pattern looped at `bpm`: the envelopes and the band energies of the same hits (no chroma). */
function withBands(bpm: number, parts: [number[], Hit, Piece][]) {
  const input = groove(
    bpm,
    parts.map(([q, h]) => [q, h]),
  );
  const spb = 60 / bpm;
  const hits: [number, Piece][] = [];
  for (let bar = 0; (bar + 1) * 4 * spb < SECONDS; bar++)
    for (const [positions, , piece] of parts) for (const q of positions) hits.push([(bar * 4 + q) * spb, piece]);
  return { ...input, bandEnergy: bandEnergy(hits, SECONDS) };
}

test('a bare kick-and-snare backbeat with band energy: the hand reads 140 at 70, 45 at 90; the model 70, 90', () => {
  // kick on 1 and 3, snare on 2 and 4, nothing between: the written tempo is the backbeat's quarter
  for (const [bpm, hand, move] of [
    [70, 140, 0.5],
    [90, 45, 2],
  ] as const) {
    const input = () =>
      withBands(bpm, [
        [[0, 2], KICK, 'kick'],
        [[1, 3], SNARE, 'snare'],
      ]);
    const off = withModel(false, () => estimateTempoWithDecision(input()));
    const on = withModel(true, () => estimateTempoWithDecision(input()));
    assert.ok(Math.abs(off.tempo.bpm! / hand - 1) < 0.02, `${bpm}: hand ${off.tempo.bpm}`);
    assert.equal(off.decision?.inputs.levelModel, undefined);
    assert.ok(Math.abs(on.tempo.bpm! / bpm - 1) < 0.02, `${bpm}: model ${on.tempo.bpm}`);
    assert.equal(on.tempo.bpm, Math.round(off.tempo.bpm! * move * 100) / 100);
    const log = String(on.decision?.inputs.levelModel);
    const which = move === 2 ? 'double' : 'half';
    const p = Number(new RegExp(`P\\(${which} right\\) (0\\.\\d+|1)`).exec(log)![1]);
    assert.ok(p > 0.5 + TEMPO_PARAMETERS.levelModelMargin.value, `${bpm}: ${log}`);
    const from = Number(/moved from ([\d.]+) BPM/.exec(log)![1]);
    assert.ok(Math.abs(from / off.tempo.bpm! - 1) < 0.001, `${bpm}: ${log}`);
    assert.match(on.decision!.reason, /learned level model/);
    // half: every other one of the hand's beats; double: the hand's beats and their midpoints
    if (move === 0.5) for (const t of on.tempo.beats) assert.ok(off.tempo.beats.includes(t), `${t} not a hand beat`);
    else for (const t of off.tempo.beats) assert.ok(on.tempo.beats.includes(t), `${t} not kept`);
  }
});

test('lr68, lr92 in the engine (levelModelPreset 68, 92): the bare backbeat read at 70 and 90, logged by name', () => {
  const before = TEMPO_PARAMETERS.levelModelPreset.value;
  try {
    for (const round of [68, 92])
      for (const bpm of [70, 90]) {
        TEMPO_PARAMETERS.levelModelPreset.value = round;
        const on = withModel(true, () =>
          estimateTempoWithDecision(
            withBands(bpm, [
              [[0, 2], KICK, 'kick'],
              [[1, 3], SNARE, 'snare'],
            ]),
          ),
        );
        assert.ok(Math.abs(on.tempo.bpm! / bpm - 1) < 0.02, `${bpm}: lr${round} ${on.tempo.bpm}`);
        assert.match(String(on.decision?.inputs.levelModel), new RegExp(`tempo-level-lr${round}\\.json.*moved from`));
      }
  } finally {
    TEMPO_PARAMETERS.levelModelPreset.value = before;
  }
});

test('levelWide (h-tempo92): a backbeat of wide hits reads 1 at its level, 0 at its double and its half', () => {
  // 10 ms frames; the level's beats every 50 frames (120 BPM), 40 of them; a wide hit (a clap) on the odd beats 1–35
  const hop = 0.01;
  const beats = (period: number) => Array.from({ length: 2000 / period }, (_, i) => i * period);
  const claps = Array.from({ length: 18 }, (_, k) => (50 * (2 * k + 1) + 1) * hop);
  // the snare group's rise: 1 on every fourth beat of the level (one accent a bar), nothing else
  const rise = new Float64Array(2000);
  for (let f = 100; f < 2000; f += 200) rise[f] = 1;
  const [rate, strict, backbeat, accent4, pair4, accent2] = levelWide(claps, [], rise, beats(50), hop, 1);
  assert.ok(Math.abs(rate! - Math.log(18 / 40 + 0.01)) < 1e-12, `${rate}`);
  assert.ok(Math.abs(strict! - Math.log(0.01)) < 1e-12, `${strict}`);
  assert.equal(backbeat, 1);
  assert.equal(accent4, 1);
  assert.equal(pair4, 0);
  assert.equal(accent2, 1);
  // the double: every clap on one beat class of four (κ 1, balance 0); the half: every clap half-way (none on a beat)
  assert.equal(levelWide(claps, [], rise, beats(25), hop, 1)[2], 0);
  assert.equal(levelWide(claps, [], rise, beats(100), hop, 1)[2], 0);
  // the accent on every other beat (a backbeat): four-beat accent 1, its pair 1 (two accents a bar, not one)
  const backbeatRise = new Float64Array(2000);
  for (let f = 50; f < 2000; f += 100) backbeatRise[f] = 1;
  assert.deepEqual(levelWide(claps, [], backbeatRise, beats(50), hop, 1).slice(3), [1, 1, 1]);
  // no band energy: every number missing; fewer than 8 beats: the same
  assert.deepEqual(levelWide(null, null, null, beats(50), hop, 1), [null, null, null, null, null, null]);
  assert.deepEqual(levelWide(claps, [], rise, beats(50).slice(0, 7), hop, 1), [null, null, null, null, null, null]);
});

test("lr92 (levelModelPreset 92, selectable): lr80's form and the wide snare reading at the levels, tempo35–57", () => {
  const m = levelModel(92);
  assert.equal(m.name, 'tempo-level-lr92');
  // lr80's columns, then the wide rate and the strict rate at the slow level and the wide backbeat at both
  assert.deepEqual(m.features, [
    ...levelModel(80).features,
    'wide rate slow',
    'strict rate slow',
    'wide backbeat slow',
    'wide backbeat fast',
  ]);
  const sets = m.provenance.sets as string[];
  for (const set of ['tempo35', 'tempo43', 'tempo56', 'tempo57', 'tempoplain'])
    assert.ok(sets.includes(set), `${sets}`);
  assert.ok(!sets.includes('tempo58'), 'tempo58 is its judge');
  assert.ok(!sets.includes('tempo34'), 'its sets are tempo35–57 and the plain grooves');
  assert.equal(m.provenance.lambda, 5);
  assert.match(String(m.provenance.command), /--fold-reading --wide --wide-only wide,strict --signals /);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) => assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]}`));
  // the wide columns' weights are not zero: the rows differ with them missing
  const n = m.features.length;
  const noWide = (x: number[]) => x.map((v, j) => (j >= n - 4 ? NaN : v));
  assert.ok(m.checks.some((c, i) => Math.abs(levelProbabilityOfRow(m, noWide(c.x)) - ps[i]!) > 0.01));
  assert.deepEqual(levelModelReads(92), { profile: true, twoFeel: false, swing: false, fold: true, wide: true });
});
