/**
 * The learned drum-class model of a whole-kit stem (issue 13, h-dxgbm54; stem-model.ts, presets/drum-class-gbm66.json,
 * trained by h-dx66 with bench/drums-learn.ts; presets/drum-class-gbm56.json (h-dxgbm56, the engine's before it),
 * -gbm59.json (h-dx59) and -gbm62.json (h-dx62: three seeds' members, their probabilities averaged) and -gbm63.json
 * (h-dx63: gbm56's 113 features, three members, the near-kick analytic toms in training) and -gbm65.json (h-dx65: 140
 * features, the kick rest and fill context) beside it). The presets'
 * features are the code's first; rows stored in each preset with the family and probability the trainer's code gave
 * them (bench/drums-learn.ts preset, on the JSON model) give the same here; and an analytic stem (a kick falling from
 * 200 to 50 Hz with a beater click, one-mode toms, a snare of a 190 Hz sine and noise, closed hats of differentiated
 * noise; 16ths at 100 bpm, four bars of a groove and a tom run) where the rules misread and the model reads right.
 * Truth is where each stroke was placed. The stem's kick and hat clusters (h-dx59) on hits whose features are given.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEM_BRUSH_DECAY_PARAMETERS, STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';
import {
  MODEL_FAMILIES,
  MODEL_FEATURES,
  modelRows,
  predictTrees,
  readTrees,
  stemModel,
  STEM_MODEL_PRESET,
  type StemModelPreset,
} from '../../src/engines/drums/stem-model.js';
import { readPreset } from '../../src/presets.js';
import type { StemHit } from '../../src/engines/drums/stem.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { shortOf, tallyStem } from '../../fixtures/stemtally.js';
import { oneModeTomKit } from '../../fixtures/analytickits.js';

test("drum-class model: the preset's features are the code's first, in order (gbm99: the code's 172)", () => {
  const m = stemModel();
  assert.equal(m.name, 'gbm99');
  assert.deepEqual(m.features, MODEL_FEATURES.slice(0, 172));
  assert.deepEqual(
    withParameterValue(STEM_MODEL_PARAMETERS.model, 66, () => stemModel()).features,
    MODEL_FEATURES.slice(0, 140),
  );
  assert.equal(MODEL_FEATURES.length, 172);
  assert.deepEqual(MODEL_FEATURES.slice(140, 143), ['hatClusterShare', 'snareClusterShare', 'inHatCluster']);
  assert.deepEqual(MODEL_FEATURES.slice(98, 102), ['glide', 'decayLowOverBody', 'decayLowOverWires', 'lowOverBodyDb']);
  assert.deepEqual(MODEL_FEATURES.slice(110, 113), ['logBodyHz-stemLow', 'logBodyHz-stemHigh', 'bodyPitchShare']);
  assert.deepEqual(MODEL_FEATURES.slice(113, 116), ['logBodyHz-kickCluster', 'bodyClusterShare', 'recurringBelow']);
  assert.deepEqual(MODEL_FEATURES.slice(129, 131), ['share1-hatCluster', 'bodyOverTop-hatCluster']);
  assert.deepEqual(MODEL_FEATURES.slice(131, 133), ['logBodyHz-kickRest', 'logBodyLateHz-kickRest']);
  assert.deepEqual(m.families, [...MODEL_FAMILIES]);
  // gbm66 (h-dx66, the engine's): three members of 200 trees (seeds 53, 54, 55), no trees of its own
  assert.equal(m.trees.length, 0);
  assert.deepEqual(
    m.members!.map((t) => t.length),
    [200, 200, 200],
  );
  // gbm56 (h-dxgbm56, the engine's before gbm66): the first 113 features, 200 trees
  const m56 = readTrees(readPreset<StemModelPreset>('drum-class-gbm56'), MODEL_FEATURES.slice(0, 113), 'gbm56');
  assert.equal(m56.name, 'gbm56');
  assert.deepEqual(m56.features, MODEL_FEATURES.slice(0, 113));
  assert.equal(m56.trees.length, 200);
  // gbm62 (h-dx62, beside it): the first 131 features, no trees of its own, three members of 200 trees
  const m62 = readTrees(readPreset<StemModelPreset>('drum-class-gbm62'), MODEL_FEATURES.slice(0, 131), 'gbm62');
  assert.deepEqual(m62.features, MODEL_FEATURES.slice(0, 131));
  assert.equal(m62.trees.length, 0);
  assert.deepEqual(
    m62.members!.map((t) => t.length),
    [200, 200, 200],
  );
  // gbm63 (h-dx63, beside it): gbm56's 113 features, three members of 200 trees (seeds 53, 54, 55)
  const m63 = readTrees(readPreset<StemModelPreset>('drum-class-gbm63'), MODEL_FEATURES.slice(0, 113), 'gbm63');
  assert.equal(m63.name, 'gbm63');
  assert.deepEqual(m63.features, MODEL_FEATURES.slice(0, 113));
  assert.equal(m63.trees.length, 0);
  assert.deepEqual(
    m63.members!.map((t) => t.length),
    [200, 200, 200],
  );
  // gbm65 (h-dx65, beside it): all 140 features (the kick rest and fill context), three members of 200 trees
  const m65 = readTrees(readPreset<StemModelPreset>('drum-class-gbm65'), MODEL_FEATURES.slice(0, 140), 'gbm65');
  assert.deepEqual(m65.features, MODEL_FEATURES.slice(0, 140));
  assert.deepEqual(
    m65.members!.map((t) => t.length),
    [200, 200, 200],
  );
});

test("drum-class model: a model of members reads the mean of their probabilities (h-dx62's gbm62 form)", () => {
  // depth 0: each tree is its one leaf; member A's kick logit is ln 2 (kick 2/6, the rest 1/6 each), member B's are
  // all 0 (1/5 each): the mean gives kick (2/6 + 1/5) / 2 = 4/15, the others (1/6 + 1/5) / 2 = 11/60
  const leaf = (v: number) => ({ split: [] as [number, number][], leaf: [v] });
  const a = [Math.LN2, 0, 0, 0, 0].map(leaf);
  const b = [0, 0, 0, 0, 0].map(leaf);
  const prob = predictTrees({ depth: 0, trees: [], members: [a, b] }, new Float64Array(131));
  assert.ok(Math.abs(prob[0]! - 4 / 15) < 1e-12, `${prob}`);
  for (const v of prob.slice(1)) assert.ok(Math.abs(v - 11 / 60) < 1e-12, `${prob}`);
});

for (const name of [
  STEM_MODEL_PRESET,
  'drum-class-gbm56',
  'drum-class-gbm59',
  'drum-class-gbm62',
  'drum-class-gbm63',
  'drum-class-gbm65',
  'drum-class-gbm67',
  'drum-class-gbm69',
  'drum-class-gbm71',
  'drum-class-gbm72',
  'drum-class-gbm73',
  'drum-class-gbm74',
  'drum-class-gbm81',
  'drum-class-gbm83',
  'drum-class-gbm84',
  'drum-class-gbm86',
  'drum-class-gbm87',
  'drum-class-gbm89',
  'drum-class-gbm92',
  'drum-class-gbm96',
  'drum-class-gbm97',
  'drum-class-gbm99',
  'drum-class-gbm100',
])
  test(`drum-class model: ${name}'s stored rows give the family and probability the trainer gave them`, () => {
    const m = name === STEM_MODEL_PRESET ? stemModel() : readPreset<StemModelPreset>(name);
    if (m !== stemModel()) readTrees(m, m.features, name);
    // gbm62's from 40t's dump: 23 (rules' class, model's family) pairs occur there; gbm63's and gbm65's from 41t's,
    // gbm66's from 43t's: 22
    const pairs: Record<string, number> = {
      'drum-class-gbm62': 23,
      'drum-class-gbm63': 22,
      'drum-class-gbm65': 22,
      'drum-class-gbm66': 22,
      'drum-class-gbm83': 21,
      'drum-class-gbm84': 22,
      'drum-class-gbm89': 21,
      'drum-class-gbm96': 22,
      'drum-class-gbm97': 23,
    };
    assert.equal(m.checks.length, pairs[name] ?? 24);
    for (const c of m.checks) {
      assert.equal(c.x.length, m.features.length, c.from);
      const prob = predictTrees(
        m,
        Float64Array.from(c.x, (v) => v ?? NaN),
      );
      const best = prob.indexOf(Math.max(...prob));
      assert.equal(MODEL_FAMILIES[best], c.family, c.from);
      assert.ok(Math.abs(prob[best]! - c.probability) < 1e-9, `${c.from}: ${prob[best]} vs ${c.probability}`);
    }
  });

const rate = 44100;

/** Four bars of the kit at 100 bpm, toms of one sine at `toms` Hz (fixtures/analytickits.ts oneModeTomKit): per piece
 * struck, how many hits read as each class; the reasons. */
function tally(toms: [number, number, number]): { got: Record<string, number>; reasons: string[] } {
  const { x, truth } = oneModeTomKit(toms);
  const { got, hits } = tallyStem(x, truth, rate);
  return { got, reasons: hits.map((h) => h.reason) };
}
const rulesOnly = <T>(f: () => T) => withParameterValue(STEM_MODEL_PARAMETERS.useModel, 0, f);

test('drum-class model: one-mode toms at 130–200 Hz and their kick, all right; the rules read 3 kicks as hats', () => {
  const { got, reasons } = tally([200, 160, 130]);
  const base = rulesOnly(() => tally([200, 160, 130]));
  const why = `${JSON.stringify(got)} rules ${JSON.stringify(base.got)}`;
  assert.deepEqual(
    got,
    { 'kick->kick': 16, 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8, 'tom3->tom': 8 },
    why,
  );
  assert.equal(base.got['kick->hihat'], 3, why);
  assert.equal(base.got['kick->kick'], 13, why);
  // each decision names the model, its family and probability, and the rules' class where it differs
  assert.ok(
    reasons.every((s) => /; (but )?model gbm99: (kick|snare|tom|hihat|cymbal) [01]\.\d\d/.test(s)),
    why,
  );
  assert.equal(reasons.filter((s) => s.includes("over the rules' hihat")).length, 3, why);
  assert.ok(
    base.reasons.every((s) => !s.includes('model')),
    why,
  );
});

test('drum-class model: toms at 85–140 Hz beside their kick: the rules read all 24 as kicks, the model 22', () => {
  const { got } = tally([140, 110, 85]);
  const base = rulesOnly(() => tally([140, 110, 85])).got;
  const why = `${JSON.stringify(got)} rules ${JSON.stringify(base)}`;
  assert.equal(base['tom1->kick']! + base['tom2->kick']! + base['tom3->kick']!, 24, why);
  assert.equal(base['kick->tom'], 2, why);
  // the model (gbm66): every kick a kick, the 140 and 110 Hz toms toms, 6 of 8 at 85 Hz, 2 kicks (gbm56: 12 of 24 —
  // the 140 Hz toms and half of those at 110 Hz). h-dx90: the 85 Hz toms as the truth it measures, read right at
  // least as the default model reads them (gbm66: 6)
  assert.deepEqual(shortOf(got, { 'kick->kick': 16, 'tom1->tom': 8, 'tom2->tom': 8, 'tom3->tom': 6 }), [], why);
});

// gbm69 (h-dx69): gbm67's features without the kick cluster's levels, synth69's toms beside their kick (struck softer
// or harder than it) in training at weight 3 — gbm67 read 3 of the 24 near toms right, gbm66 22; gbm71 (h-dx71):
// gbm69's form with the 9 features that ask whether the kick cluster is a kick, trained on 33 … 46t; gbm72
// (h-dx72): gbm71's form with the hit's own membrane cue, trained on 41 … 47t re-dumped; gbm73 (h-dx73): gbm72's
// form trained on the newest sets 41 … 48t only; gbm74 (h-dx74): gbm71's form trained on 41 … 49t and the older
// sets 33 … 40t at a lower row weight; gbm83 (h-dx83): gbm81's form trained on 33 … 53t with synth69's toms
// beside their kick and synth83's kickless analytic stems (a floor tom where the kick was) at weight 6; gbm84
// (h-dx84): gbm83's form on 33 … 54t with synth84's held low kicks (a drum head at 44–60 Hz where the kick was) too;
// gbm86 (h-dx86): gbm84's form on 33 … 55t with synth86k's kickless stems at 90–130 Hz and synth86h's held kicks with
// the recorded held kicks' cues too; gbm87 (h-dx87): gbm86's form with the hit's own membrane cue on 33 … 56t; gbm89
// (h-dx89): gbm87's form on 33 … 57t, synth84's drum-head held kicks out, synth89h's held kicks built as recorded held
// kicks are (44–80 Hz) and synth89k's kickless floor toms (60–130 Hz) in
for (const round of [69, 71, 72, 73, 74, 83, 84, 86, 87, 89])
  test(`drum-class model: gbm${round} (model ${round}) reads every analytic tom right, by or above its kick`, () => {
    const near = withParameterValue(STEM_MODEL_PARAMETERS.model, round, () => tally([140, 110, 85]));
    const high = withParameterValue(STEM_MODEL_PARAMETERS.model, round, () => tally([200, 160, 130]));
    const why = `${JSON.stringify(near.got)} ${JSON.stringify(high.got)}`;
    for (const got of [near.got, high.got])
      assert.deepEqual(
        got,
        { 'kick->kick': 16, 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8, 'tom3->tom': 8 },
        why,
      );
    assert.ok(
      near.reasons.every((s) => new RegExp(`; (but )?model gbm${round}: `).test(s)),
      why,
    );
  });

// gbm92 (h-dx92): gbm89's form on 33 … 59t with synth89h's held kicks struck again over their own ring (synth92h):
// every analytic tom right, by and above its kick, but one of the 16 kicks beside the toms above it a tom (measured)
test('drum-class model: gbm92 (model 92) reads every analytic tom right; one kick of 16 as tom (measured)', () => {
  const m92 = <T>(f: () => T) =>
    withParameterValue(STEM_MODEL_PARAMETERS.model, 92, () =>
      withParameterValue(STEM_BRUSH_DECAY_PARAMETERS.brushClickMs, 20, f),
    );
  const right = { 'kick->kick': 16, 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8 };
  const near = m92(() => tally([140, 110, 85]));
  const high = m92(() => tally([200, 160, 130]));
  const why = `${JSON.stringify(near.got)} ${JSON.stringify(high.got)}`;
  assert.deepEqual(near.got, { ...right, 'tom3->tom': 8 }, why);
  assert.deepEqual(high.got, { ...right, 'kick->kick': 15, 'kick->tom': 1, 'tom3->tom': 8 }, why);
  assert.ok(
    near.reasons.every((s) => /; (but )?model gbm92: /.test(s)),
    why,
  );
});

// gbm96 (h-dx96): gbm92's form + the restrike cue (172 features) on 33 … 60t: as gbm92, every analytic tom right, by
// and above its kick, and one of the 16 kicks beside the toms above it a tom (measured)
test('drum-class model: gbm96 (model 96) reads every analytic tom right; one kick of 16 as tom (measured)', () => {
  const m96 = <T>(f: () => T) =>
    withParameterValue(STEM_MODEL_PARAMETERS.model, 96, () =>
      withParameterValue(STEM_BRUSH_DECAY_PARAMETERS.brushClickMs, 20, f),
    );
  const right = { 'kick->kick': 16, 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8 };
  const near = m96(() => tally([140, 110, 85]));
  const high = m96(() => tally([200, 160, 130]));
  const why = `${JSON.stringify(near.got)} ${JSON.stringify(high.got)}`;
  assert.deepEqual(near.got, { ...right, 'tom3->tom': 8 }, why);
  assert.deepEqual(high.got, { ...right, 'kick->kick': 15, 'kick->tom': 1, 'tom3->tom': 8 }, why);
  assert.ok(
    near.reasons.every((s) => /; (but )?model gbm96: /.test(s)),
    why,
  );
});

// gbm97 (h-dx97): gbm96's form on 33 … 61t with synth97d's held kicks struck again into their own ring: every analytic
// tom and kick right, by and above its kick (measured)
test('drum-class model: gbm97 (model 97) reads every analytic tom and kick right (measured)', () => {
  const m97 = <T>(f: () => T) =>
    withParameterValue(STEM_MODEL_PARAMETERS.model, 97, () =>
      withParameterValue(STEM_BRUSH_DECAY_PARAMETERS.brushClickMs, 20, f),
    );
  const right = { 'kick->kick': 16, 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8 };
  const near = m97(() => tally([140, 110, 85]));
  const high = m97(() => tally([200, 160, 130]));
  const why = `${JSON.stringify(near.got)} ${JSON.stringify(high.got)}`;
  assert.deepEqual(near.got, { ...right, 'tom3->tom': 8 }, why);
  assert.deepEqual(high.got, { ...right, 'tom3->tom': 8 }, why);
  assert.ok(
    near.reasons.every((s) => /; (but )?model gbm97: /.test(s)),
    why,
  );
});

// gbm81 (h-dx81): gbm74's form with 50 … 52t in (52 / 52t's recorded composites): every analytic tom above its
// kick right, but 5 of the 8 lowest toms (85 Hz) beside it read as kick — why it is not the default
test('drum-class model: gbm81 (model 81) reads the toms above their kick right, 5 of 8 at 85 Hz as kick', () => {
  const near = withParameterValue(STEM_MODEL_PARAMETERS.model, 81, () => tally([140, 110, 85]));
  const high = withParameterValue(STEM_MODEL_PARAMETERS.model, 81, () => tally([200, 160, 130]));
  const why = `${JSON.stringify(near.got)} ${JSON.stringify(high.got)}`;
  const right = { 'kick->kick': 16, 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8 };
  assert.deepEqual(high.got, { ...right, 'tom3->tom': 8 }, why);
  assert.deepEqual(near.got, { ...right, 'tom3->kick': 5, 'tom3->tom': 3 }, why);
  assert.ok(
    near.reasons.every((s) => /; (but )?model gbm81: /.test(s)),
    why,
  );
});

/** A primary stem hit whose features are given (the rest NaN), read by the rules as `cls`. */
function hitOf(start: number, cls: StemHit['cls'], share: number[], bodyHz: number, decay0: number): StemHit {
  return {
    start,
    peak: 0.5,
    rise: 20,
    cls,
    confidence: 0.5,
    reason: '',
    secondary: false,
    features: {
      share,
      addedDb: [-20, -20, -20, -20],
      decayMs: [decay0, 50, 20, 20],
      centroidHz: share[3]! > 0.5 ? 8000 : 400,
      bodyHz,
      bodyLateHz: bodyHz,
    },
  };
}

test("drum-class model: the stem's kick cluster is its lowest recurring body pitch, whatever the rules said", () => {
  // six kicks at 55 Hz (read as toms), three toms at 110 Hz and two at 165 Hz (read as kicks), four hats, a 40 Hz
  // body once (does not recur): the kick's pitch is 55 Hz, a 110 Hz tom sits an octave above it with one recurring
  // pitch under it; the 165 Hz toms (2 of 11 bodied hits) recur too few times to count
  const hits = [
    ...[0, 1, 2, 3, 4, 5].map((i) => hitOf(1000 * i, 'tom', [0.8, 0.2, 0, 0], 55, 200)),
    ...[6, 7, 8].map((i) => hitOf(1000 * i, 'kick', [0.3, 0.7, 0, 0], 110, 100)),
    ...[9, 10].map((i) => hitOf(1000 * i, 'kick', [0.3, 0.7, 0, 0], 165, 100)),
    hitOf(11000, 'kick', [0.9, 0.1, 0, 0], 40, 300),
    ...[12, 13, 14, 15].map((i) => hitOf(1000 * i, 'hihat', [0, 0.05, 0.35, 0.6], NaN, 10)),
  ];
  const { rows } = modelRows(hits);
  const at = (n: string) => MODEL_FEATURES.indexOf(n);
  const get = (i: number, n: string) => rows[i]![at(n)]!;
  assert.ok(Math.abs(get(0, 'logBodyHz-kickCluster')) < 1e-12);
  assert.ok(Math.abs(get(6, 'logBodyHz-kickCluster') - 1) < 1e-12);
  assert.ok(Math.abs(get(9, 'logBodyHz-kickCluster') - Math.log2(3)) < 1e-12);
  assert.ok(Math.abs(get(11, 'logBodyHz-kickCluster') - Math.log2(40 / 55)) < 1e-12);
  assert.equal(get(6, 'recurringBelow'), 1);
  assert.equal(get(9, 'recurringBelow'), 2);
  assert.ok(Math.abs(get(0, 'bodyClusterShare') - 6 / 12) < 1e-12);
  // decay of the low band against the kick cluster's (log2 of 1 + ms): the toms ring shorter than the kicks
  assert.ok(Math.abs(get(6, 'logDecay0-kickCluster') - (Math.log2(101) - Math.log2(201))) < 1e-12);
  // the hat cluster: the four hats; a kick's centroid less theirs, a hat's 0
  assert.equal(get(12, 'logCentroid-hatCluster'), 0);
  assert.ok(Math.abs(get(0, 'logCentroid-hatCluster') - Math.log2(400 / 8000)) < 1e-12);
  assert.ok(Math.abs(get(0, 'bodyOverTop-hatCluster') - (0.2 - (0.05 - 0.6))) < 1e-12);
});

test("drum-class model: a hit against its kick's rest and its fill (h-dx65's context)", () => {
  // four kicks sweeping 80 → 50 Hz half a second apart, then a fill 100 ms apart: toms at 200, 150, 120 and 100 Hz
  // (each gliding a semitone down) and a kick, hats between them (no body: passed over); the kick's rest is 50 Hz
  const S = 44100;
  const hit = (t: number, cls: StemHit['cls'], share: number[], hz: number, lateHz: number) => {
    const h = hitOf(Math.round(t * S), cls, share, hz, 100);
    h.features.bodyLateHz = lateHz;
    return h;
  };
  const kick = (t: number) => hit(t, 'kick', [0.8, 0.2, 0, 0], 80, 50);
  const semi = 2 ** (-1 / 12);
  const toms = [200, 150, 120, 100];
  const hits = [
    ...[0, 0.5, 1, 1.5].map(kick),
    ...toms.map((hz, k) => hit(4 + 0.1 * k, 'kick', [0.4, 0.6, 0, 0], hz, hz * semi)),
    ...toms.map((_, k) => hitOf(Math.round((4.05 + 0.1 * k) * S), 'hihat', [0, 0.05, 0.35, 0.6], NaN, 10)),
    kick(4.4),
  ].sort((a, b) => a.start - b.start);
  const { kept, rows } = modelRows(hits);
  const at = (n: string) => MODEL_FEATURES.indexOf(n);
  const row = (t: number) => rows[kept.findIndex((h) => h.start === Math.round(t * S))]!;
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} against ${b}`);
  near(row(4)[at('logBodyHz-kickRest')]!, 2);
  near(row(4)[at('logBodyLateHz-kickRest')]!, 2 - 1 / 12);
  near(row(0)[at('logBodyHz-kickRest')]!, Math.log2(80 / 50));
  near(row(0)[at('kickRestGlide')]!, Math.log2(50 / 80));
  // a kick of the groove: a run of its own
  assert.equal(row(1)[at('runLength')], 1);
  assert.ok(Number.isNaN(row(1)[at('pitchFromPrev')]!));
  // the fill: five bodied hits, every step falling, the 200 Hz tom its top, the kick its bottom
  assert.equal(row(4.1)[at('runLength')], 5);
  near(row(4.1)[at('pitchFromPrev')]!, Math.log2(150 / 200));
  near(row(4.1)[at('pitchToNext')]!, Math.log2(120 / 150));
  near(row(4.1)[at('runFalling')]!, 1);
  near(row(4.1)[at('runSpan')]!, Math.log2(200 / 80));
  near(row(4)[at('runRank')]!, 1);
  near(row(4.4)[at('runRank')]!, 0);
  near(row(4.2)[at('runRank')]!, Math.log2(120 / 80) / Math.log2(200 / 80));
  // a hat: no run
  assert.equal(row(4.05)[at('runLength')], 0);
});

test("drum-class model: a hit against the stem's snare and hat clusters, and the kick cluster's level (h-dx67)", () => {
  // four hats (top band 0.6), four snares (body 0.5, wires 0.35) at 190 Hz, four kicks at 55 Hz and a snare the rules
  // read as a hat (body 0.45, wires 0.4, top 0.1) struck 6 dB softer: the snare cluster is the four snares and it
  // (body and wires add ≥ 0.5, low band < 0.3), the hat cluster the four hats
  const late = (h: StemHit, peak = 0.5) => {
    h.features.lateCentroidHz = h.features.centroidHz;
    h.peak = peak;
    return h;
  };
  const hits = [
    ...[0, 1, 2, 3].map((i) => late(hitOf(1000 * i, 'hihat', [0, 0.05, 0.35, 0.6], NaN, 10))),
    ...[4, 5, 6, 7].map((i) => late(hitOf(1000 * i, 'snare', [0.1, 0.5, 0.35, 0.05], 190, 100))),
    ...[8, 9, 10, 11].map((i) => late(hitOf(1000 * i, 'kick', [0.8, 0.2, 0, 0], 55, 200))),
    late(hitOf(12000, 'hihat', [0.05, 0.45, 0.4, 0.1], 190, 100), 0.25),
  ];
  const { rows } = modelRows(hits);
  const at = (n: string) => MODEL_FEATURES.indexOf(n);
  const get = (i: number, n: string) => rows[i]![at(n)]!;
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} against ${b}`);
  near(get(0, 'hatClusterShare'), 4 / 13);
  near(get(0, 'snareClusterShare'), 5 / 13);
  assert.deepEqual(
    [0, 4, 8, 12].map((i) => get(i, 'inHatCluster')),
    [1, 0, 0, 0],
  );
  // against the snare cluster's medians (wires 0.35, centroid 400 Hz)
  near(get(12, 'share2-snareCluster'), 0.05);
  near(get(12, 'logCentroid-snareCluster'), 0);
  near(get(0, 'logCentroid-snareCluster'), Math.log2(8000 / 400));
  // squared distances in scaled units (octaves; shares / 0.2) to the hats' medians less to the snares': the centroid
  // and late centroid 4.3 octaves each from the hats', the body, wires and top bands (0.45, 0.4, 0.1) against the
  // hats' (0.05, 0.35, 0.6) and the snares' (0.5, 0.35, 0.05); the decays alike
  const toHats = 2 * Math.log2(20) ** 2 + 2 ** 2 + 0.25 ** 2 + 2.5 ** 2;
  const toSnares = 0.25 ** 2 + 0.25 ** 2 + 0.25 ** 2;
  near(get(12, 'snareNearerThanHat'), toHats - toSnares);
  assert.ok(get(0, 'snareNearerThanHat') < 0);
  // the kick cluster's peak: 6 dB over the odd snare's
  near(get(12, 'peakDb-kickCluster'), 20 * Math.log10(0.5));
  near(get(8, 'peakDb-kickCluster'), 0);
});

test("drum-class model: is the stem's kick cluster a kick — its own medians and fills (h-dx71)", () => {
  // five kicks at 55 Hz (low band 0.8, 6 dB over the body band), one of them after a fill; three toms at 110 Hz
  // (low band 0.3) 100 ms apart before it; four hats: the kick cluster is the five kicks, the toms recur above it
  const S = 44100;
  const hit = (t: number, cls: StemHit['cls'], share: number[], hz: number, low: number, peak: number) => {
    const h = hitOf(Math.round(t * S), cls, share, hz, 100);
    h.features.addedDb = [low, -20, -30, -30];
    h.features.centroidHz = hz * 2;
    h.features.lateDb = low / 2;
    h.peak = peak;
    return h;
  };
  const kick = (t: number) => hit(t, 'tom', [0.8, 0.2, 0, 0], 55, -14, 0.5);
  const hits = [
    ...[0, 1, 2, 3, 4.3].map(kick),
    ...[4, 4.1, 4.2].map((t) => hit(t, 'kick', [0.3, 0.7, 0, 0], 110, -24, 0.25)),
    ...[0.5, 1.5, 2.5, 3.5].map((t) => hitOf(Math.round(t * S), 'hihat', [0, 0.05, 0.35, 0.6], NaN, 10)),
  ].sort((a, b) => a.start - b.start);
  const { kept, rows } = modelRows(hits);
  const at = (n: string) => MODEL_FEATURES.indexOf(n);
  const row = (t: number) => rows[kept.findIndex((h) => h.start === Math.round(t * S))]!;
  const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} against ${b}`);
  assert.equal(MODEL_FEATURES.length, 172);
  assert.deepEqual(MODEL_FEATURES.slice(153, 155), ['kickCluster:share0', 'kickCluster:logCentroid']);
  // the stem's: the same on every hit, the kick cluster's medians whatever the rules called its hits
  for (const t of [0, 4, 0.5]) {
    near(row(t)[at('kickCluster:share0')]!, 0.8);
    near(row(t)[at('kickCluster:logCentroid')]!, Math.log2(110));
    near(row(t)[at('kickCluster:lateDb')]!, -7);
    near(row(t)[at('kickCluster:lowOverBodyDb')]!, 6);
    near(row(t)[at('kickCluster:peakDb')]!, 0);
    near(row(t)[at('kickClusterShare')]!, 5 / 12);
    assert.equal(row(t)[at('recurringAbove')], 1);
    // one kick of five has a bodied hit over a semitone above within 260 ms (the 110 Hz tom 100 ms before it)
    near(row(t)[at('kickClusterFillShare')]!, 1 / 5);
  }
  // the hit's own: the kick after the fill and the 110 Hz toms (the two lower toms have one above them) have…
  assert.deepEqual(
    [0, 4, 4.1, 4.2, 4.3].map((t) => row(t)[at('fillAbove')]),
    [0, 0, 0, 0, 1],
  );
  // …a hat has no body
  assert.ok(Number.isNaN(row(0.5)[at('fillAbove')]!));
});

test("drum-class model: a hit's own membrane cue, the last 5 (h-dx72); a model of 162 reads rows as before", () => {
  const tom = hitOf(0, 'kick', [0.4, 0.6, 0, 0], 100, 200);
  Object.assign(tom.features, { modeDb: -7, modePeakDb: 245, upperModeDb: 2, decayPeriods: 64, clickDb: -30 });
  const bare = hitOf(44100, 'kick', [0.8, 0.2, 0, 0], 55, 100);
  const { rows } = modelRows([tom, bare]);
  assert.deepEqual(MODEL_FEATURES.slice(162, 167), [
    'modeDb',
    'modePeakDb',
    'upperModeDb',
    'logDecayPeriods',
    'clickDb',
  ]);
  // clipped at ±60 dB; the decay in periods as log2 (64 periods: 6); a hit without the cue (an older dump) NaN
  assert.deepEqual([...rows[0]!.slice(162, 167)], [-7, 60, 2, 6, -30]);
  assert.ok([...rows[1]!.slice(162, 167)].every(Number.isNaN));
  assert.equal(modelRows([tom, bare], 162).rows[0]!.length, 162);
});

test('drum-class model: the restrike cue, a hit against the low hit before it (h-dx96, the last 5)', () => {
  // a 55 Hz kick (low band 0.9 of what it adds, its low band's decay 400 ms) at 0, 1, 2 and 3 s; a hat (no low band)
  // at 0.1 s; at 0.15 s a stroke adding only above the low band, its body at 110 Hz and its peak the kick's; at 3.6 s
  // another, 600 ms after the last kick (over restrikeLookMs, 500 ms)
  const S = 44100;
  const kicks = [0, 1, 2, 3].map((t) => hitOf(Math.round(t * S), 'kick', [0.9, 0.1, 0, 0], 55, 400));
  const hat = hitOf(Math.round(0.1 * S), 'hihat', [0, 0.05, 0.35, 0.6], NaN, 10);
  const again = hitOf(Math.round(0.15 * S), 'tom', [0, 0, 1, 0], 110, 5);
  const late = hitOf(Math.round(3.6 * S), 'tom', [0, 0, 1, 0], 110, 5);
  const { kept, rows } = modelRows([...kicks, hat, again, late].sort((a, b) => a.start - b.start));
  assert.deepEqual(MODEL_FEATURES.slice(167), [
    'restrikeGapRings',
    'restrikePitch',
    'restrikeHarmonic',
    'restrikeJumpDb',
    'restrikePrevKick',
  ]);
  const row = (h: StemHit) => [...rows[kept.indexOf(h)]!.slice(167)];
  const near = (a: number[], b: number[]) =>
    assert.ok(
      a.every((v, k) => Math.abs(v - b[k]!) < 1e-9),
      `${a} against ${b}`,
    );
  // 150 ms into a 400 ms ring (log2 0.375); an octave over the kick (0 from twice it); its peak over the kick's
  // extrapolated along 15 dB (decayDb) per 400 ms: 5.625 dB; the hit before is the kick cluster's (0)
  near(row(again), [Math.log2(150 / 400), 1, 0, (15 * 150) / 400, 0]);
  // the hat passed over (no low band) is itself 100 ms into the kick's ring, an octave under nothing (no body: NaN)
  near(
    row(hat).filter((_, k) => k === 0 || k === 3 || k === 4),
    [Math.log2(100 / 400), (15 * 100) / 400, 0],
  );
  assert.ok(Number.isNaN(row(hat)[1]!));
  // no low hit within 500 ms before the first kick or the late stroke; the kicks 1 s apart
  for (const h of [kicks[0]!, kicks[1]!, late]) assert.ok(row(h).every(Number.isNaN));
  // a model of 167 reads rows as before
  assert.equal(modelRows([...kicks, again], 167).rows[0]!.length, 167);
});

test('drum-class model: the engine reads the preset STEM_MODEL_PARAMETERS.model names (h-dx67), others refused', () => {
  const spec = STEM_MODEL_PARAMETERS.model;
  assert.equal(STEM_MODEL_PRESET, `drum-class-gbm${spec.value}`);
  assert.equal(stemModel().name, `gbm${spec.value}`);
  for (const round of [56, 66, 67, 69, 71, 72, 73, 74, 81, 83, 84, 86, 87, 89, 92, 96, 97, 99]) {
    const m = withParameterValue(spec, round, () => stemModel());
    assert.equal(m.name, `gbm${round}`);
    assert.deepEqual(
      m.features,
      MODEL_FEATURES.slice(
        0,
        {
          56: 113,
          66: 140,
          67: 153,
          69: 150,
          71: 162,
          72: 167,
          73: 167,
          74: 162,
          81: 162,
          83: 162,
          84: 162,
          86: 162,
          87: 167,
          89: 167,
          92: 167,
          96: 172,
          97: 172,
          99: 172,
        }[round],
      ),
    );
  }
  assert.throws(() => withParameterValue(spec, 57, () => stemModel()), /no such preset/);
  assert.equal(stemModel().name, `gbm${spec.value}`);
});
