/**
 * The learned onset peak acceptor (issue 12 point 4, h-olearn56, h-onset59, h-onset61, h-onset63;
 * src/engines/onsets/peak-model.ts, the engine's presets/onset-peak-gbm87.json since h-onset87 (gbm63's before),
 * gbm56 and gbm59 (the rules' flags) beside it): each preset's feature list is the code's, its check rows (the
 * trainer's own P(onset), bench/onset-learn.ts) are reproduced to 1e-9, gbm56 reads the longer rows unchanged, the
 * candidate callback leaves the rules' output unchanged, and with onsetModel on (the default) a synthesized loop's and
 * a roll's readings change (the rules' own reading with the switch off).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { onsetFluxOptions, stftLayout, ONSET_PARAMETERS } from '../../src/engines/analysis/params.js';
import { detectOnsets, onsetDefaults, onsetInput } from '../../src/engines/onsets/index.js';
import {
  acceptPeaks,
  peakFeatureNames,
  peakFeatures,
  peakModel,
  peakProbability,
  readsContext,
  CONTEXT_FEATURES,
  HAT_FEATURES,
  ROLL_FEATURES,
  RULE_FLAGS,
  type PeakCandidate,
  type PeakEvidence,
  type PeakModel,
} from '../../src/engines/onsets/peak-model.js';
import { readPreset } from '../../src/presets.js';
import { infiniteThresholds } from '../../src/engines/trees.js';
import { mulberry32 } from '../../src/engines/random.js';
import { matchEvents } from '../../bench/metrics.js';

const RATE = 44100;

/**
 * Four seconds of strokes every 250 ms (noise bursts through a one-pole low-pass, 30 ms decay, alternating loud and
 * 18 dB softer), each loud one repeated by an echo 9 dB under it 60 ms later (no onset: a delay line's repeat), over
 * a quiet noise floor. The truth: the strokes.
 */
function echoes(): { x: Float32Array; truth: number[] } {
  const rnd = mulberry32(5656);
  const n = 4 * RATE;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 1e-4 * (rnd() * 2 - 1);
  const truth: number[] = [];
  const hit = (at: number, gain: number) => {
    const s0 = Math.round(at * RATE);
    let y = 0;
    for (let i = 0; i < 0.2 * RATE && s0 + i < n; i++) {
      y = 0.6 * y + 0.4 * (rnd() * 2 - 1);
      x[s0 + i]! += gain * y * Math.exp(-i / RATE / 0.03);
    }
  };
  for (let k = 0; k < 15; k++) {
    const at = 0.2 + k * 0.25;
    truth.push(at);
    if (k % 2 === 0) {
      hit(at, 0.9);
      hit(at + 0.06, 0.9 * 10 ** (-9 / 20));
    } else hit(at, 0.9 * 10 ** (-18 / 20));
  }
  return { x: Float32Array.from(x), truth };
}

function input(x: Float32Array) {
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(RATE, {}),
  );
  fx.addFloat(x);
  return onsetInput(fx.finish(), RATE, stftLayout(RATE).windowSamples);
}

test("peak model preset (the engine's: w99 since h-onset99, gbm87 its ordinary): the row, check rows to 1e-9", () => {
  // the default is a window model (h-onset99's w99): its ordinary candidates' preset is gbm87, the default before
  assert.equal(peakModel().name, 'onset-peak-gbm99');
  const m = peakModel(peakModel().ordinary);
  assert.equal(m.name, 'onset-peak-gbm87');
  assert.equal(ONSET_PARAMETERS.onsetModel.value, 1, 'the model is on by default (h-onset61)');
  // the whole row: the context evidence (h-onset66) and the closed-hat evidence (h-onset87) last
  assert.deepEqual(m.features, peakFeatureNames(4));
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
  assert.equal(m.threshold, ONSET_PARAMETERS.onsetModelThreshold.value);
});

test("peak model gbm59 (beside it): the row up to the rules' flags, its check rows to 1e-9", () => {
  const m = readPreset<PeakModel>('onset-peak-gbm59');
  infiniteThresholds(m.trees);
  // the row's front up to the rules' flags (h-onset63's roll and attack evidence follows them)
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, 22 + RULE_FLAGS.length));
  assert.deepEqual(m.features.slice(-RULE_FLAGS.length), RULE_FLAGS);
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
});

test("peak model gbm56 (22 features, before the rules' flags) reads its own check rows and the longer rows", () => {
  const m = readPreset<PeakModel>('onset-peak-gbm56');
  infiniteThresholds(m.trees);
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, 22));
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9);
    // the rules' flags appended: the same P (its trees read the first 22 only)
    const longer = Float64Array.from([...x, ...RULE_FLAGS.map(() => 1)]);
    assert.ok(Math.abs(peakProbability(m, longer) - c.p) <= 1e-9);
    // and the roll and attack evidence after them (h-onset63): the same P
    const longest = Float64Array.from([...longer, ...ROLL_FEATURES.map(() => 1)]);
    assert.ok(Math.abs(peakProbability(m, longest) - c.p) <= 1e-9);
  }
});

test("the candidate callback leaves the rules' onsets unchanged; main's onsets are candidates with main = 1", () => {
  const { x } = echoes();
  const inp = input(x);
  const rules = { ...onsetDefaults(), onsetModel: 0 };
  const plain = detectOnsets(inp, rules).times;
  let cands: { t: number; main: number; x?: Float64Array }[] = [];
  const dumped = detectOnsets(inp, rules, { onCandidates: (c) => (cands = [...c]) }).times;
  assert.deepEqual(dumped, plain);
  const main = cands.filter((c) => c.main === 1).map((c) => Math.round(c.t * 10000) / 10000);
  assert.deepEqual(main, plain);
  assert.equal(plain.length, 23, 'every stroke and the 8 echoes');
  // every row is the whole one (the rules' flags included), of which gbm56 reads the first 22
  for (const c of cands) assert.equal(c.x!.length, peakFeatureNames(4).length);
});

test('echoes 60 ms after the loud strokes: the peak model accepts fewer of them than the rules', () => {
  const { x, truth } = echoes();
  const inp = input(x);
  // the rules' own reading (onsetModel 0): every stroke and the 8 echoes (measured at ab7e8ef)
  const off = matchEvents(detectOnsets(inp, { ...onsetDefaults(), onsetModel: 0 }).times, truth, 0.05);
  assert.deepEqual([off.tp, off.fp, off.fn], [15, 8, 0]);
  // the model (onsetModel 1, the default): every stroke, at most 7 echoes (gbm87: 1; gbm63 read 7, gbm56 6, gbm59 7)
  const on = matchEvents(detectOnsets(inp, onsetDefaults()).times, truth, 0.05);
  assert.equal(on.tp, 15);
  assert.equal(on.fn, 0);
  assert.ok(on.fp <= 7, `${on.fp} echoes taken for onsets`);
});

test('peak model gbm63 (h-onset63): the whole row, the roll and attack evidence last, its check rows to 1e-9', () => {
  const m = readPreset<PeakModel>('onset-peak-gbm63');
  infiniteThresholds(m.trees);
  assert.equal(m.name, 'onset-peak-gbm63');
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, -CONTEXT_FEATURES.length - HAT_FEATURES.length));
  assert.deepEqual(m.features.slice(-ROLL_FEATURES.length), ROLL_FEATURES);
  // its trees read gbm56's 22 columns and the roll and attack evidence, never the rules' flags
  const read = new Set(m.trees.flatMap((t) => t.split.map(([j]) => j)));
  for (let j = 22; j < 22 + RULE_FLAGS.length; j++) assert.ok(!read.has(j), `${m.features[j]} read`);
  assert.ok(
    [...read].some((j) => j >= 22 + RULE_FLAGS.length),
    'no roll or attack column read',
  );
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
});

test('peak model gbm66 (h-onset66, beside gbm63): the whole row, context evidence read, check rows to 1e-9', () => {
  const m = peakModel(66);
  assert.equal(m.name, 'onset-peak-gbm66');
  // the row up to the context evidence (h-onset87's closed-hat evidence follows it)
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, -HAT_FEATURES.length));
  assert.deepEqual(m.features.slice(-CONTEXT_FEATURES.length), CONTEXT_FEATURES);
  const read = new Set(m.trees.flatMap((t) => t.split.map(([j]) => j)));
  for (let j = 22; j < 22 + RULE_FLAGS.length; j++) assert.ok(!read.has(j), `${m.features[j]} read`);
  assert.ok(
    [...read].some((j) => j >= m.features.length - CONTEXT_FEATURES.length),
    'no context column read',
  );
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
  // the engine reads it by its round (onsetModelPreset 66), w99 by default (h-onset99; gbm87, gbm63 before);
  // gbm63's rows need no context
  assert.equal(ONSET_PARAMETERS.onsetModelPreset.value, 99);
  assert.ok(readsContext(m));
  assert.ok(!readsContext(peakModel(63)));
  // the engine with onsetModelPreset 66 reads the rows a dump writes (the context evidence computed for it)
  assert.deepEqual(...engineAndDump(m, 66));
  assert.throws(() => peakModel(60), /no such preset/);
});

test("peak model gbm84 (h-onset84): gbm66's form on every read set, its check rows to 1e-9, read by round 84", () => {
  const { m, sets } = contextPreset(84, 66, -HAT_FEATURES.length);
  assert.equal(sets.length, 28);
  assert.ok(sets.includes('onset-held-out-42') && !sets.includes('onset-held-out-43'));
  assert.deepEqual(...engineAndDump(m, 84));
});

test("peak model gbm86 (h-onset86): gbm84's form on 12–14, 18–43 and analytic echo rows, read by round 86", () => {
  const { m, sets } = contextPreset(86, 84, -HAT_FEATURES.length);
  assert.equal(sets.length, 30);
  assert.ok(sets.includes('onset-held-out-43') && sets.includes('analytic-echoes'));
  assert.ok(!sets.includes('onset-held-out-44'));
  const [engine, dump] = engineAndDump(m, 86);
  assert.deepEqual(engine, dump);
  // the 60 ms echoes with round 86 at its θ: every stroke, at most 7 echoes (gbm84 took 8 of 8; measured: 5)
  const on = matchEvents(engine, echoes().truth, 0.05);
  assert.deepEqual([on.tp, on.fn], [15, 0]);
  assert.ok(on.fp <= 7, `${on.fp} echoes taken for onsets`);
});

test("peak model gbm87 (h-onset87): gbm86's form and the closed-hat evidence on 12–14, 18–44, read by round 87", () => {
  const { m, sets } = contextPreset(87, 86, undefined, [56, 57, 58]);
  assert.equal(sets.length, 31);
  assert.ok(sets.includes('onset-held-out-44') && sets.includes('analytic-echoes'));
  assert.ok(!sets.includes('onset-held-out-45'));
  // its trees read the closed-hat evidence
  const read = new Set(m.trees.flatMap((t) => t.split.map(([j]) => j)));
  assert.ok(
    HAT_FEATURES.every((f) => read.has(m.features.indexOf(f))),
    'a closed-hat column not read',
  );
  const [engine, dump] = engineAndDump(m, 87);
  assert.deepEqual(engine, dump);
  // the 60 ms echoes with round 87 at its θ: every stroke, at most 7 echoes (gbm86: 5; measured: 1)
  const on = matchEvents(engine, echoes().truth, 0.05);
  assert.deepEqual([on.tp, on.fn], [15, 0]);
  assert.ok(on.fp <= 7, `${on.fp} echoes taken for onsets`);
});

test("peak model gbm89 (h-onset89): gbm87's form on 12–14, 18–45 with the short-window candidates, round 89", () => {
  const { m, sets } = contextPreset(89, 87);
  assert.equal(sets.length, 32);
  assert.ok(sets.includes('onset-held-out-45') && sets.includes('analytic-echoes'));
  assert.ok(!sets.includes('onset-held-out-46'));
  // its trees read the short-window candidates' source (3): the engine with them equals acceptPeaks over their rows
  const [engine, dump] = engineAndDump(m, 89, { onsetModelShortWindowSeconds: 0.02 });
  assert.deepEqual(engine, dump);
  // the 60 ms echoes with round 89 at its θ: every stroke, at most 7 echoes (gbm87: 1; measured: 1)
  const on = matchEvents(engine, echoes().truth, 0.05);
  assert.deepEqual([on.tp, on.fn], [15, 0]);
  assert.ok(on.fp <= 7, `${on.fp} echoes taken for onsets`);
});

test("peak model gbm92 (h-onset92): gbm89's form on 12–14, 18–47, the runs over the ordinary candidates", () => {
  const { m, sets } = contextPreset(92, 89);
  assert.equal(sets.length, 34);
  assert.ok(sets.includes('onset-held-out-47') && sets.includes('analytic-echoes'));
  assert.ok(!sets.includes('onset-held-out-48'));
  // read with the short-window candidates: the engine equals acceptPeaks over a dump's rows of round 92
  const [engine, dump] = engineAndDump(m, 92, { onsetModelShortWindowSeconds: 0.02 });
  assert.deepEqual(engine, dump);
  // the 60 ms echoes with round 92 at its θ: every stroke, at most 7 echoes (gbm89: 1; measured: 0)
  const on = matchEvents(engine, echoes().truth, 0.05);
  assert.deepEqual([on.tp, on.fn], [15, 0]);
  assert.ok(on.fp <= 7, `${on.fp} echoes taken for onsets`);
});

test("peak model gbm96 (h-onset96): gbm92's form on 12–14, 18–48, the song sets' rows weighted ×3", () => {
  const { m, sets } = contextPreset(96, 89);
  assert.equal(sets.length, 35);
  assert.ok(sets.includes('onset-held-out-48') && sets.includes('analytic-echoes'));
  assert.ok(!sets.includes('onset-held-out-49') && !sets.includes('onset-held-out-50'));
  const pv = m.provenance as { weights: { setWeights: boolean; songWeight: number } };
  assert.deepEqual([pv.weights.setWeights, pv.weights.songWeight], [true, 3]);
  // round 92's rows with the short-window candidates: the engine equals acceptPeaks over a dump's rows of round 96
  const [engine, dump] = engineAndDump(m, 96, { onsetModelShortWindowSeconds: 0.02 });
  assert.deepEqual(engine, dump);
  // the 60 ms echoes with round 96 at its θ: every stroke, at most 7 echoes (gbm92: 0; measured: 0)
  const on = matchEvents(engine, echoes().truth, 0.05);
  assert.deepEqual([on.tp, on.fn], [15, 0]);
  assert.ok(on.fp <= 7, `${on.fp} echoes taken for onsets`);
});

// h-onset99: w99 is w97's form trained by bench/onset-learn.ts train --window on the window's rows of 12–14 and 18–52
for (const [round, last] of [
  [97, 50],
  [99, 52],
] as const)
  test(`w${round} (h-onset${round}): gbm87 decides the ordinary candidates as alone, the window's own trees`, () => {
    windowModel(round, last);
  });

function windowModel(round: 97 | 99, last: number): void {
  const m = peakModel(round);
  assert.equal(m.name, `onset-peak-gbm${round}`);
  assert.equal(m.ordinary, 87);
  assert.deepEqual(m.features, peakFeatureNames(4));
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    assert.equal(c.x[1], 3); // the check rows are the short window's candidates' (source 3)
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
  const sets = (m.provenance as { sets: string[] }).sets;
  assert.ok(sets.includes(`onset-held-out-${last - 1}`) && sets.includes(`onset-held-out-${last}`));
  assert.ok(!sets.includes(`onset-held-out-${last + 1}`) && !sets.includes(`onset-held-out-${last + 2}`));
  const read = (x: Float32Array, round: number, short: number) =>
    detectOnsets(input(x), { ...onsetDefaults(), onsetModelPreset: round, onsetModelShortWindowSeconds: short }).times;
  for (const { x } of [roll(), echoes()]) {
    // the window off: gbm87's onsets exactly (no candidate of the window's; every row as gbm87's)
    const base = read(x, 87, 0);
    assert.deepEqual(read(x, round, 0), base);
    // the window on: every gbm87 onset kept; an onset more only where a window candidate is (none near another)
    let cands: PeakCandidate[] = [];
    const p = { ...onsetDefaults(), onsetModel: 0, onsetModelPreset: round, onsetModelShortWindowSeconds: 0.02 };
    detectOnsets(input(x), p, { onCandidates: (c) => (cands = [...c]) });
    const own = new Set(cands.filter((c) => c.source === 3).map((c) => Math.round(c.t * 10000) / 10000));
    const on = read(x, round, 0.02);
    assert.deepEqual(
      on.filter((t) => !own.has(t)),
      base,
    );
    // measured: the roll's window offers 7 candidates, the echoes' 1; w97 and w99 take none of them (no onset more)
    assert.deepEqual([own.size, on.length - base.length], x.length > 3 * RATE ? [1, 0] : [7, 0]);
  }
}

// h-onset100: w100 keeps w99's decisions on the ordinary and the short window's candidates and decides the sub-window
// candidates (source 4) by trees of its own, trained by train --window with w99 fixed on 12–14 and 18–54
test("w100 (h-onset100): w99 decides the ordinary and short window's candidates as alone, the sub-window's own", () => {
  const m = peakModel(100);
  assert.equal(m.name, 'onset-peak-gbm100');
  assert.deepEqual([m.ordinary, m.window, m.source], [87, 99, 4]);
  assert.deepEqual(m.features, peakFeatureNames(4));
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    assert.equal(c.x[1], 4); // the check rows are the sub-window candidates' (source 4)
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
  const sets = (m.provenance as { sets: string[] }).sets;
  assert.ok(sets.includes('onset-held-out-53') && sets.includes('onset-held-out-54'));
  assert.ok(!sets.includes('onset-held-out-55') && !sets.includes('onset-held-out-56'));
  const read = (x: Float32Array, round: number, sub: number) =>
    detectOnsets(input(x), { ...onsetDefaults(), onsetModelPreset: round, onsetModelSubWindowSeconds: sub }).times;
  const counts: number[] = [];
  for (const { x } of [roll(), echoes()]) {
    // the sub-window off: w99's onsets exactly; w99 with it on: the same (no model of w99 reads its candidates)
    const base = read(x, 99, 0);
    assert.deepEqual(read(x, 100, 0), base);
    assert.deepEqual(read(x, 99, 0.007), base);
    // on: every w99 onset kept; an onset more only where a sub-window candidate is
    let cands: PeakCandidate[] = [];
    const p = { ...onsetDefaults(), onsetModel: 0, onsetModelPreset: 100, onsetModelSubWindowSeconds: 0.007 };
    detectOnsets(input(x), p, { onCandidates: (c) => (cands = [...c]) });
    const own = new Set(cands.filter((c) => c.source === 4).map((c) => Math.round(c.t * 10000) / 10000));
    const on = read(x, 100, 0.007);
    assert.deepEqual(
      on.filter((t) => !own.has(t)),
      base,
    );
    counts.push(own.size, on.length - base.length);
  }
  // measured: the roll offers 2 sub-window candidates, the echoes none; w100 takes neither (no onset more)
  assert.deepEqual(counts, [2, 0, 0, 0]);
});

test('the sub-window candidates (h-onset100) move no other candidate and no other row', () => {
  for (const { x } of [roll(), echoes()]) {
    const rows = (sub: number) => {
      let cands: PeakCandidate[] = [];
      const params = { ...onsetDefaults(), onsetModel: 0, onsetModelSubWindowSeconds: sub };
      detectOnsets(input(x), params, { onCandidates: (c) => (cands = [...c]) });
      return cands;
    };
    const off = rows(0);
    const on = rows(0.007);
    const others = on.filter((c) => c.source !== 4);
    assert.equal(others.length, off.length);
    others.forEach((c, k) =>
      assert.ok(c.t === off[k]!.t && Array.from(c.x!).every((v, j) => Object.is(v, off[k]!.x![j]!)), `at ${c.t} s`),
    );
    // each sub-window candidate at least minIntervalSeconds from every other source's candidate
    for (const c of on.filter((c) => c.source === 4))
      assert.ok(others.every((d) => Math.abs(d.t - c.t) >= onsetDefaults().minIntervalSeconds - 1e-9));
  }
});

test('round 92: an ordinary candidate reads the row it has without the short-window candidates', () => {
  const { x } = roll();
  const rows = (round: number, short: number) => {
    let cands: PeakCandidate[] = [];
    const params = { ...onsetDefaults(), onsetModel: 0, onsetModelPreset: round, onsetModelShortWindowSeconds: short };
    detectOnsets(input(x), params, { onCandidates: (c) => (cands = [...c]) });
    return cands;
  };
  const same = (a: PeakCandidate, b: PeakCandidate) =>
    a.t === b.t && Array.from(a.x!).every((v, j) => Object.is(v, b.x![j]!));
  const off = rows(92, 0);
  const on = rows(92, 0.02);
  const short = on.filter((c) => c.source === 3);
  const ordinary = on.filter((c) => c.source !== 3);
  // measured: 25 ordinary candidates and 7 short-window ones (h-onset90's count), the 25 rows as without them
  assert.deepEqual([ordinary.length, short.length], [25, 7]);
  assert.equal(off.length, 25);
  ordinary.forEach((c, k) => assert.ok(same(c, off[k]!), `candidate at ${c.t} s: another row`));
  // round 89's rows read every candidate: the short-window ones move their neighbours' rows
  const before = rows(89, 0.02).filter((c) => c.source !== 3);
  assert.ok(before.some((c, k) => !same(c, off[k]!)));
  // a short-window candidate's neighbours are ordinary candidates (dtPrev, dtNext: columns 5 and 6)
  const names = peakFeatureNames(4);
  for (const c of short) {
    const k = on.indexOf(c);
    const prev = on
      .slice(0, k)
      .filter((d) => d.source !== 3)
      .at(-1);
    if (prev) assert.ok(Math.abs(c.x![names.indexOf('dtPrev')]! - (c.t - prev.t)) < 1e-12);
  }
});

/**
 * A preset with the context evidence read by its round (gbm84 … gbm92, gbm96): its name, the row up to
 * `end` (gbm84's and gbm86's: up to the closed-hat evidence), the columns of the round `like`'s (and `more`), its
 * check rows to 1e-9, a context column read; its provenance's sets.
 */
function contextPreset(
  round: number,
  like: number,
  end?: number,
  more: number[] = [],
): { m: PeakModel; sets: string[] } {
  const m = peakModel(round);
  assert.equal(m.name, `onset-peak-gbm${round}`);
  assert.deepEqual(m.features, peakFeatureNames(4).slice(0, end));
  const pv = m.provenance as { sets: string[]; columns: number[] };
  assert.deepEqual(pv.columns, [...(peakModel(like).provenance as { columns: number[] }).columns, ...more]);
  assert.ok(m.check && m.check.length >= 4);
  for (const c of m.check!) {
    const x = Float64Array.from(c.x, (v) => (v === null ? NaN : v));
    assert.ok(Math.abs(peakProbability(m, x) - c.p) <= 1e-9, `P ${peakProbability(m, x)} vs ${c.p}`);
  }
  assert.ok(readsContext(m));
  return { m, sets: pv.sets };
}

/**
 * The echo case's onsets by the engine reading a preset by its round, and by acceptPeaks over a dump's rows of that
 * round; a round before 89 without the short-window candidates (h-onset92: the candidates it was trained on).
 */
function engineAndDump(m: PeakModel, round: number, given: Record<string, number> = {}): [number[], number[]] {
  const more = { ...(round < 89 ? { onsetModelShortWindowSeconds: 0 } : {}), ...given, onsetModelPreset: round };
  const inp = input(echoes().x);
  let cands: PeakCandidate[] = [];
  detectOnsets(inp, { ...onsetDefaults(), ...more, onsetModel: 0 }, { onCandidates: (c) => (cands = [...c]) });
  const want = acceptPeaks(cands, m, m.threshold, onsetDefaults().minIntervalSeconds).map(
    (c) => Math.round(c.t * 10000) / 10000,
  );
  const params = { ...onsetDefaults(), ...more, onsetModelPreset: round, onsetModelThreshold: m.threshold };
  return [detectOnsets(inp, params).times, want];
}

/**
 * The rows of candidates on a hand-made envelope (no flux groups, a flat fine energy; band energies if given): the
 * feature names.
 */
function handFeatures(
  cands: PeakCandidate[],
  env: Float64Array,
  hop: number,
  bandEnergy?: PeakEvidence['bandEnergy'],
): string[] {
  peakFeatures(cands, {
    env,
    hopSeconds: hop,
    groups: 0,
    fineEnergy: new Float64Array(2000).fill(1e-4),
    tickSeconds: 0.001,
    medianFrames: 20,
    riseAfter: 10,
    riseBefore: 10,
    ...(bandEnergy ? { bandEnergy } : {}),
  });
  return peakFeatureNames(0);
}

test('the roll evidence: six candidates 50 ms apart are one run, a lone one 0.5 s on is none', () => {
  const hop = 0.005;
  const env = new Float64Array(400).fill(0.01);
  const times = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.95];
  const levels = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 1];
  times.forEach((t, k) => (env[Math.round(t / hop)] = levels[k]!));
  const cands: PeakCandidate[] = times.map((t) => ({
    t,
    p: Math.round(t / hop),
    s: 0,
    main: t < 0.3 ? 1 : 0,
    source: 0,
  }));
  const names = handFeatures(cands, env, hop);
  const col = (k: number, name: string) => cands[k]!.x![names.indexOf(name)]!;
  for (let k = 0; k < 6; k++) {
    assert.equal(col(k, 'runLength'), 6);
    assert.equal(col(k, 'runIndex'), k);
    assert.equal(col(k, 'runLeft'), 5 - k);
    assert.ok(Math.abs(col(k, 'runGap') - 0.05) < 1e-9);
    assert.ok(Math.abs(col(k, 'runMain') - 2 / 6) < 1e-9);
  }
  // the run's median envelope is 0.8 (of 1 … 0.5, the upper middle): the last stroke 0.5 / 0.8
  assert.ok(Math.abs(col(5, 'runRatio') - 0.5 / 0.8) < 1e-9);
  assert.ok(Math.abs(col(2, 'gapRegularity') - 1) < 1e-9);
  assert.equal(col(6, 'runLength'), 1);
  assert.ok(Number.isNaN(col(6, 'runIndex')));
  // a one-frame peak out of a flat floor: its rise is one hop, its slope over 30 ms (1 − 0.01) / 1
  assert.ok(Math.abs(col(6, 'riseSeconds') - hop) < 1e-9);
  assert.ok(Math.abs(col(6, 'slope30') - 0.99) < 1e-9);
});

test("the context evidence (h-onset66): the rules' onsets' grid, the file's rates, the rank among neighbours", () => {
  const hop = 0.005;
  const env = new Float64Array(400).fill(0.01);
  // the rules' onsets every 0.1 s from 0.2 to 0.9 s (the most common gap: the grid step), two low-floor candidates:
  // one on the grid at 1.0 s, one 0.4 of a step off it at 1.26 s; a louder one 20 ms after the second
  const mains = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  const times = [...mains, 1.0, 1.26, 1.28];
  const levels = [...mains.map(() => 1), 0.3, 0.2, 0.5];
  times.forEach((t, k) => (env[Math.round(t / hop)] = levels[k]!));
  const cands: PeakCandidate[] = times.map((t, k) => ({
    t,
    p: Math.round(t / hop),
    s: 0,
    main: k < mains.length ? 1 : 0,
    source: k < mains.length ? 0 : 2,
  }));
  const names = handFeatures(cands, env, hop);
  assert.deepEqual(names.slice(-CONTEXT_FEATURES.length - HAT_FEATURES.length, -HAT_FEATURES.length), CONTEXT_FEATURES);
  const col = (k: number, name: string) => cands[k]!.x![names.indexOf(name)]!;
  // 11 candidates and 8 rules' onsets over the envelope's 2 s
  assert.ok(Math.abs(col(9, 'fileCandRate') - 11 / 2) < 1e-9);
  assert.ok(Math.abs(col(9, 'fileMainRate') - 8 / 2) < 1e-9);
  assert.ok(Math.abs(col(9, 'gridStep') - 0.1) < 1e-9);
  // on the grid: every rules' onset within four steps (0.6 … 0.9 s) a whole number of steps away
  assert.ok(col(8, 'gridOffset') < 1e-9);
  assert.equal(col(8, 'gridShare'), 1);
  // off the grid: 0.36 s from 0.9 s (the one rules' onset within four steps), 0.4 of a step from a whole number
  assert.ok(Math.abs(col(9, 'gridOffset') - 0.4) < 1e-6);
  assert.equal(col(9, 'gridShare'), 0);
  // within ± 0.25 s of 1.26 s only the louder one at 1.28 s: it ranks first, the quieter second
  assert.equal(col(9, 'envRank'), 1);
  assert.equal(col(10, 'envRank'), 0);
  // no band energies: the band-shape evidence is missing, and the closed-hat evidence (h-onset87)
  assert.ok(Number.isNaN(col(9, 'bandShapeChange')));
  for (const f of HAT_FEATURES) assert.ok(Number.isNaN(col(9, f)), f);
});

test("the closed-hat evidence (h-onset87): a hat's rise above 5 kHz over a louder stroke's decay", () => {
  // band energies of 4 bands (lower edges 100 Hz, 1 kHz, 6 kHz and 10 kHz: the last two the hat's) every 5 ms over a
  // floor of 1e-6: a kick at 0.5 s (1 in the low bands, 0.01 in the hat's, falling 0.8 a frame) and a closed hat 60 ms
  // after it (0.05 in the hat's bands only, falling 0.5 a frame)
  const hop = 0.005;
  const frames = 400;
  const lowHz = [100, 1000, 6000, 10000];
  const values = new Float64Array(frames * 4).fill(1e-6);
  for (let i = 100; i < frames; i++)
    for (let b = 0; b < 4; b++) values[i * 4 + b]! += (b < 2 ? 1 : 0.01) * 0.8 ** (i - 100);
  for (let i = 112; i < frames; i++) for (const b of [2, 3]) values[i * 4 + b]! += 0.05 * 0.5 ** (i - 112);
  const env = new Float64Array(frames).fill(0.01);
  env[100] = 1;
  env[112] = 0.2;
  const cands: PeakCandidate[] = [
    { t: 0.5, p: 100, s: 0, main: 1, source: 0 },
    { t: 0.56, p: 112, s: 0, main: 0, source: 2 },
  ];
  const names = handFeatures(cands, env, hop, { values, bands: 4, lowHz });
  assert.deepEqual(names.slice(-HAT_FEATURES.length), HAT_FEATURES);
  const col = (k: number, name: string) => cands[k]!.x![names.indexOf(name)]!;
  // the hat: its bands rise 7.24 dB over the 30 ms across it, 13.09 dB more than the full band (the kick's decay),
  // and in the frame after it they lie 16.7 dB over the kick's decay carried on (which predicts the kick's share:
  // the same slope)
  const kickAt = (i: number) => 0.01 * 0.8 ** (i - 100) + 1e-6;
  const over = 10 * Math.log10((kickAt(113) + 0.025) / kickAt(113));
  assert.ok(Math.abs(col(1, 'hatOverDecayDb') - over) < 0.05, `${col(1, 'hatOverDecayDb')} vs ${over}`);
  assert.ok(Math.abs(col(1, 'hatRiseDb') - 7.2397) < 0.001, `${col(1, 'hatRiseDb')}`);
  assert.ok(Math.abs(col(1, 'hatOverTotalDb') - 13.0881) < 0.001, `${col(1, 'hatOverTotalDb')}`);
  // the kick: its hat's bands rise 36.9 dB, 17.0 dB less than the full band (a body stroke)
  assert.ok(Math.abs(col(0, 'hatRiseDb') - 36.9197) < 0.001, `${col(0, 'hatRiseDb')}`);
  assert.ok(Math.abs(col(0, 'hatOverTotalDb') + 17.032) < 0.001, `${col(0, 'hatOverTotalDb')}`);
});

/**
 * A 24-stroke roll 55 ms apart (± 4 %), the strokes decaying 6 dB over the roll, each a noise burst with a 60 ms
 * decay over a quiet floor. The truth: the strokes.
 */
function roll(): { x: Float32Array; truth: number[] } {
  const rnd = mulberry32(63);
  const spacing = 0.055;
  const n = Math.round((1 + 24 * spacing) * RATE);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 1e-4 * (rnd() * 2 - 1);
  const truth: number[] = [];
  for (let k = 0; k < 24; k++) {
    const at = 0.3 + k * spacing * (1 + 0.08 * (rnd() - 0.5));
    truth.push(at);
    const s0 = Math.round(at * RATE);
    const gain = 0.8 * 10 ** ((-6 * k) / 23 / 20);
    let y = 0;
    for (let i = 0; i < 0.25 * RATE && s0 + i < n; i++) {
      y = 0.5 * y + 0.5 * (rnd() * 2 - 1);
      x[s0 + i]! += gain * y * Math.exp(-i / RATE / 0.06);
    }
  }
  return { x: Float32Array.from(x), truth };
}

test('a 24-stroke roll 55 ms apart: gbm63 (the default before gbm87) finds a stroke more than gbm56', () => {
  const { x, truth } = roll();
  let cands: PeakCandidate[] = [];
  const rules = detectOnsets(
    input(x),
    // the ordinary candidates (h-onset99: the window 0.02 is the default; gbm56 and gbm63 read no window)
    { ...onsetDefaults(), onsetModel: 0, onsetModelShortWindowSeconds: 0 },
    { onCandidates: (c) => (cands = [...c]) },
  );
  const read = (name: string) => {
    const m = readPreset<PeakModel>(name);
    infiniteThresholds(m.trees);
    const t = acceptPeaks(cands, m, m.threshold, onsetDefaults().minIntervalSeconds).map((c) => c.t);
    const r = matchEvents(t, truth, 0.05);
    return [r.tp, r.fp, r.fn];
  };
  // measured at d14e256: 25 candidates; the rules 19 / 0 / 5 (the 5 strokes have no candidate of their own)
  assert.equal(cands.length, 25);
  const off = matchEvents(rules.times, truth, 0.05);
  assert.deepEqual([off.tp, off.fp, off.fn], [19, 0, 5]);
  assert.deepEqual(read('onset-peak-gbm56'), [18, 0, 6]);
  assert.deepEqual(read('onset-peak-gbm63'), [19, 0, 5]);
  // the engine's own reading with its defaults (onsetModel 1, gbm87 since h-onset87): the same 19 strokes
  const on = matchEvents(detectOnsets(input(x), onsetDefaults()).times, truth, 0.05);
  assert.deepEqual([on.tp, on.fp, on.fn], [19, 0, 5]);
});
