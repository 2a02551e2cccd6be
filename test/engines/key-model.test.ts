/**
 * The key's learned combiner (h-keylearn56, issue 12 point 3): its features (src/engines/key/model.ts), the engine's
 * preset's check rows (presets/key-combiner-gbm59.json since h-key59, the trainer's own log-odds), the switch
 * `keyModel` (on by default since h-key59).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KEY_MODEL_FEATURES,
  KEY_OPEN_TERMS,
  KEY_TERMS,
  KEY_COMBINER_ROUNDS,
  keyCombiner,
  keyCombinerLogit,
  keyCombinerPresetName,
  keyModelRows,
  keyOverridePick,
  type KeyModelCandidate,
} from '../../src/engines/key/model.js';
import { KEY_PARAMETERS } from '../../src/engines/analysis/params.js';
import { analyzeKey, keyBlocks } from '../../src/engines/key/index.js';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { KEY_SONG_RATE, progression } from '../helpers/key-songs.js';

/** 24 candidates, every term 0 but the profile (the tonic's index / 100, minor + 0.5) and the hand score. */
function candidates(score: (tonic: number, mode: 'major' | 'minor') => number): KeyModelCandidate[] {
  const out: KeyModelCandidate[] = [];
  for (const mode of ['major', 'minor'] as const)
    for (let tonic = 0; tonic < 12; tonic++) {
      const e = Object.fromEntries(KEY_TERMS.map((t) => [t, 0])) as unknown as KeyModelCandidate;
      out.push({ ...e, tonic, mode, profile: tonic / 100 + (mode === 'minor' ? 0.5 : 0), score: score(tonic, mode) });
    }
  return out;
}
// triads in the octave below A4 = 69, bass two octaves down (test/engines/key.test.ts's)
const Am: [number[], number] = [[57, 60, 64], 45];
const F: [number[], number] = [[57, 60, 65], 41];
const C: [number[], number] = [[60, 64, 67], 48];
const G: [number[], number] = [[59, 62, 67], 43];
const facts = { arrived: true, dominantEnd: false, vamp: false, tonicPedal: true, dominantPedal: false };

test('139 features: 14 terms, against 4 neighbours, 3 ranks, 6 facts × 6 terms, 6 open terms (h-key63)', () => {
  assert.equal(KEY_TERMS.length, 14);
  assert.equal(KEY_OPEN_TERMS.length, 6);
  assert.equal(KEY_MODEL_FEATURES.length, 14 + 4 * 14 + 3 + 6 * 6 + 6 + 4 * 6);
  // gbm59 (h-key59) reads the first 109, the features before h-key63's open terms
  assert.deepEqual(keyCombiner('key-combiner-gbm59').features, KEY_MODEL_FEATURES.slice(0, 109));
  const col = (name: string) => KEY_MODEL_FEATURES.indexOf(name);
  const rows = keyModelRows(
    candidates((t, m) => (t === 0 && m === 'major' ? 2 : t === 9 && m === 'minor' ? 1.5 : 0)),
    facts,
  );
  const cMajor = rows[0]!;
  const aMinor = rows[12 + 9]!;
  // C major against A minor (its relative), C minor (parallel), G major (a fifth up), F major (a fifth down)
  assert.ok(Math.abs(cMajor[col('profile − relative')]! - (0 - (0.09 + 0.5))) < 1e-12);
  assert.ok(Math.abs(cMajor[col('profile − parallel')]! - (0 - 0.5)) < 1e-12);
  assert.ok(Math.abs(cMajor[col('profile − fifth up')]! - (0 - 0.07)) < 1e-12);
  assert.ok(Math.abs(cMajor[col('profile − fifth down')]! - (0 - 0.05)) < 1e-12);
  assert.ok(Math.abs(aMinor[col('profile − relative')]! - (0.59 - 0)) < 1e-12);
  assert.equal(cMajor[col('score rank')], 0);
  assert.equal(aMinor[col('score rank')], 1);
  assert.equal(aMinor[col('score − best')], -0.5);
  assert.equal(aMinor[col('minor')], 1);
  // the open terms: NaN from a candidate without them (a dump made before h-key63), else against the neighbours
  assert.ok(Number.isNaN(cMajor[col('bassTonic')]!));
  const open = candidates(() => 0).map((e) => ({ ...e, bassTonic: e.mode === 'major' ? e.tonic / 10 : 0.05 }));
  const withOpen = keyModelRows(open, facts);
  assert.ok(Math.abs(withOpen[0]![col('bassTonic − relative')]! - (0 - 0.05)) < 1e-12);
  assert.ok(Math.abs(withOpen[0]![col('bassTonic − fifth up')]! - (0 - 0.7)) < 1e-12);
  assert.ok(Math.abs(withOpen[12 + 9]![col('bassTonic − relative')]! - (0.05 - 0)) < 1e-12);
});

test('the preset reproduces the trainer’s log-odds on its check rows (1e-9)', () => {
  const m = keyCombiner();
  assert.ok(m.checks && m.checks.length >= 3);
  for (const c of m.checks) {
    assert.equal(c.x.length, m.features.length);
    assert.ok(Math.abs(keyCombinerLogit(m, c.x) - c.logit) < 1e-9, `${c.from}: ${keyCombinerLogit(m, c.x)}`);
  }
});

test('keyModel is declared once, 0 or 1', () => {
  const spec = KEY_PARAMETERS.keyModel;
  assert.deepEqual(spec.range, [0, 1]);
  assert.equal(spec.integer, true);
});

test('keyModelPreset picks the combiner by round (h-key71): gbm71 beside gbm63, its check rows, the engine', () => {
  const spec = KEY_PARAMETERS.keyModelPreset;
  assert.deepEqual(spec.range, [56, 74]);
  assert.equal(spec.integer, true);
  assert.deepEqual(KEY_COMBINER_ROUNDS, [56, 57, 59, 63, 71, 74]);
  for (const round of KEY_COMBINER_ROUNDS) assert.equal(keyCombiner(keyCombinerPresetName(round)).top, 10);
  assert.throws(() => keyCombinerPresetName(60), /keyModelPreset 60: no such preset/);
  // gbm71: gbm63's form (139 features, top 10) on the 19 rendered tuning sets (fresh47 the newest) and analytic A–D
  const m = keyCombiner('key-combiner-gbm71');
  assert.equal(m.features.length, KEY_MODEL_FEATURES.length);
  const sets = m.provenance?.['sets'] as string[];
  assert.equal(sets.length, 23);
  assert.ok(sets.includes('fresh47 key set') && sets.includes('analytic71 D') && !sets.includes('fresh48 key set'));
  assert.ok(m.checks && m.checks.length >= 3);
  for (const c of m.checks) assert.ok(Math.abs(keyCombinerLogit(m, c.x) - c.logit) < 1e-9, c.from);
  // the engine reads the round it is given: an open Am F C G loop (the h-key63 test's below), A minor by both, its
  // log-odds and so its confidence differ (0.533 by gbm63, 0.609 by gbm71)
  const fx = createFeatureExtractor({ sampleRate: KEY_SONG_RATE, channels: 1 }, { spectrum: true, pitch: false });
  fx.addFloat(progression([Am, F, C, G, Am, F, C, G], 1.5, 0));
  const r = fx.finish();
  const read = (keyModelPreset: number) =>
    analyzeKey(r.pitchClass, r.bassPitchClass, keyBlocks(r), { params: { keyModelPreset } }).result;
  const [a, b] = [read(63), read(71)];
  assert.equal(a.key, 'A minor');
  assert.equal(b.key, 'A minor');
  assert.ok(
    Math.abs(a.confidence - 0.533) < 0.01 && Math.abs(b.confidence - 0.609) < 0.01,
    `${a.confidence} ${b.confidence}`,
  );
});

test("gbm74 (h-key74): gbm63's form on 21 rendered sets and analytic A/B, three seeds bagged; the engine", () => {
  const m = keyCombiner(keyCombinerPresetName(74));
  assert.equal(m.name, 'key-combiner-gbm74');
  assert.equal(m.top, 10);
  assert.equal(m.depth, 3);
  assert.deepEqual(m.features, KEY_MODEL_FEATURES);
  // three members of 80 rounds × 2 classes (round-major, class 0 then 1), each leaf divided by 3
  assert.equal(m.trees.length, 3 * 80 * 2);
  const p = m.provenance as { sets: string[]; options: { bag: number; seed: number; rounds: number } };
  assert.equal(p.options.bag, 3);
  assert.equal(p.options.seed, 0);
  assert.equal(p.sets.length, 23);
  assert.ok(p.sets.includes('fresh49 key set') && p.sets.includes('analytic57 B') && !p.sets.includes('analytic71 D'));
  assert.ok(m.checks && m.checks.length >= 3);
  for (const c of m.checks) assert.ok(Math.abs(keyCombinerLogit(m, c.x) - c.logit) < 1e-9, c.from);
  // the engine with keyModelPreset 74: F C G Am twice (the test below; the hand's A minor, gbm63's C major): C major,
  // its log-odds 2.14 above A minor's (the trees' own, recomputed from the engine's rows), confidence 0.885
  const fx = createFeatureExtractor({ sampleRate: KEY_SONG_RATE, channels: 1 }, { spectrum: true, pitch: false });
  fx.addFloat(progression([F, C, G, Am, F, C, G, Am], 1.5, 0));
  const r = fx.finish();
  const z = new Map<string, number>();
  const on = analyzeKey(r.pitchClass, r.bassPitchClass, keyBlocks(r), {
    params: { keyModelPreset: 74 },
    onEvidence: (e, f) => {
      const rows = keyModelRows(e, f);
      e.forEach((c, i) => z.set(`${c.tonic} ${c.mode}`, keyCombinerLogit(m, rows[i]!)));
    },
  }).result;
  assert.equal(on.key, 'C major');
  assert.ok(Math.abs(on.confidence - 0.885) < 0.01, `confidence ${on.confidence}`);
  const margin = z.get('0 major')! - z.get('9 minor')!;
  assert.ok(Math.abs(margin - 2.14) < 0.01, `margin ${margin}`);
});

test('a major loop starting on IV (F C G Am twice, no cadence into C): A minor by hand, C major by the model', () => {
  const fx = createFeatureExtractor({ sampleRate: KEY_SONG_RATE, channels: 1 }, { spectrum: true, pitch: false });
  fx.addFloat(progression([F, C, G, Am, F, C, G, Am], 1.5, 0));
  const r = fx.finish();
  const blocks = keyBlocks(r);
  const key = (keyModel: number) => analyzeKey(r.pitchClass, r.bassPitchClass, blocks, { params: { keyModel } }).result;
  // the hand combination: the last chord and the profile take the relative minor
  assert.equal(key(0).key, 'A minor');
  // the combiner (gbm59, the engine's) reads C major, the loop's written key (bench/key-analytic.ts's IV–I–V–vi
  // family is labelled so); gbm56 read the vi-start Am F C G loop C major too, gbm59 reads that one A minor, as the
  // hand does (h-key59)
  const on = key(1);
  assert.equal(on.key, 'C major');
  assert.ok(on.confidence > 0.5 && on.confidence <= 1, `confidence ${on.confidence}`);
  assert.equal(KEY_PARAMETERS.keyModel.value, 1, 'the combiner is on by default (h-key59)');
});

test('keyModelOverride (h-key73): the hand’s key stands unless the model out-logs it by more than T', () => {
  const spec = KEY_PARAMETERS.keyModelOverride;
  assert.equal(spec.unit, 'log-odds');
  assert.deepEqual(spec.range, [0, 20]);
  // the hand's order; the model's best is the first of the largest log-odds, taken only past the threshold
  assert.equal(keyOverridePick([0.5, 2, 2, -1], 0), 1);
  assert.equal(keyOverridePick([0.5, 2, 2, -1], 1.4), 1);
  assert.equal(keyOverridePick([0.5, 2, 2, -1], 1.5), 0);
  assert.equal(keyOverridePick([3, 3, 1], 0), 0);
  assert.equal(keyOverridePick([-2], 0), 0);
  // the engine: F C G Am twice (the test above) — the hand's A minor, gbm63's C major by a log-odds margin m; a
  // threshold below m keeps the model's answer, one above it the hand's (the confidence stays the model's softmax)
  const fx = createFeatureExtractor({ sampleRate: KEY_SONG_RATE, channels: 1 }, { spectrum: true, pitch: false });
  fx.addFloat(progression([F, C, G, Am, F, C, G, Am], 1.5, 0));
  const r = fx.finish();
  const blocks = keyBlocks(r);
  const z = new Map<string, number>();
  const key = (keyModelOverride: number) =>
    analyzeKey(r.pitchClass, r.bassPitchClass, blocks, {
      params: { keyModelOverride },
      onEvidence: (e, f) => {
        const rows = keyModelRows(e, f);
        e.forEach((c, i) => z.set(`${c.tonic} ${c.mode}`, keyCombinerLogit(keyCombiner(), rows[i]!)));
      },
    }).result;
  const on = key(0);
  assert.equal(on.key, 'C major');
  const m = z.get('0 major')! - z.get('9 minor')!;
  assert.ok(m > 0.5 && m < 20, `margin ${m}`);
  assert.equal(key(m - 0.01).key, 'C major');
  const kept = key(m + 0.01);
  assert.equal(kept.key, 'A minor');
  assert.equal(kept.alternatives[0]!.key, 'C major');
  assert.ok(kept.confidence < kept.alternatives[0]!.confidence, `${kept.confidence}`);
});

/** The combiner `name`'s pick among the hand combination's best `top` (the engine's reordering, for any preset). */
function pickOf(name: string, evidence: KeyModelCandidate[], rows: Float64Array[]): string {
  const c = keyCombiner(name);
  const order = evidence.map((e, i) => ({ e, i })).sort((a, b) => +b.e.score - +a.e.score);
  const head = order.slice(0, c.top).sort((a, b) => keyCombinerLogit(c, rows[b.i]!) - keyCombinerLogit(c, rows[a.i]!));
  return `${head[0]!.e.tonic} ${head[0]!.e.mode}`;
}

test('h-key63: an open vi–IV–I–V loop whose melody rests on the tonic: C major by gbm63, A minor by gbm59', () => {
  // Am F C G twice, 1.5 s a chord, no final C (the loop stops on G): the top voice holds C5 over every chord (a bar's
  // downbeat note on the tonic); the same chords without it stay A minor (the melody decides, not the chords)
  const read = (melody: number | null) => {
    const loop = [Am, F, C, G, Am, F, C, G].map(([n, b]): [number[], number] => [melody ? [...n, melody] : n, b]);
    const fx = createFeatureExtractor({ sampleRate: KEY_SONG_RATE, channels: 1 }, { spectrum: true, pitch: false });
    fx.addFloat(progression(loop, 1.5, 0));
    const r = fx.finish();
    let rows: Float64Array[] = [];
    let evidence: KeyModelCandidate[] = [];
    const on = analyzeKey(r.pitchClass, r.bassPitchClass, keyBlocks(r), {
      onEvidence: (e, f) => {
        evidence = e.map((x) => ({ ...x }));
        rows = keyModelRows(evidence, f);
      },
    }).result.key;
    const hand = analyzeKey(r.pitchClass, r.bassPitchClass, keyBlocks(r), { params: { keyModel: 0 } }).result.key;
    return { on, hand, gbm59: pickOf('key-combiner-gbm59', evidence, rows) };
  };
  const tonic = read(72);
  assert.equal(tonic.hand, 'A minor');
  assert.equal(tonic.gbm59, '9 minor');
  assert.equal(tonic.on, 'C major');
  assert.equal(read(null).on, 'A minor');
});

test('gbm59 (h-key59, the engine’s before h-key63): its 109 features and check rows, unchanged', () => {
  const m = keyCombiner('key-combiner-gbm59');
  assert.ok(m.checks && m.checks.length >= 3);
  for (const c of m.checks) {
    assert.equal(c.x.length, 109);
    assert.ok(Math.abs(keyCombinerLogit(m, c.x) - c.logit) < 1e-9, c.from);
  }
});

test('gbm57 (h-key57, beside gbm56): its check rows, and i–III–VII A minor read A minor, not G major', () => {
  const m = keyCombiner('key-combiner-gbm57');
  assert.deepEqual(m.features, KEY_MODEL_FEATURES.slice(0, 109));
  assert.ok(m.checks && m.checks.length >= 3);
  for (const c of m.checks) assert.ok(Math.abs(keyCombinerLogit(m, c.x) - c.logit) < 1e-9, c.from);
  // key.test.ts's song (Am C G C G Am C G C G Am, 40 cents sharp): the hand reads A minor by 0.25 over G major;
  // gbm56 reorders it to G major, gbm57 (trained with analytic songs too) keeps A minor
  const Am: [number[], number] = [[57, 60, 64], 45];
  const C: [number[], number] = [[60, 64, 67], 48];
  const G: [number[], number] = [[59, 62, 67], 43];
  const fx = createFeatureExtractor({ sampleRate: KEY_SONG_RATE, channels: 1 }, { spectrum: true, pitch: false });
  fx.addFloat(progression([Am, C, G, C, G, Am, C, G, C, G, Am], 1.5, 40));
  const r = fx.finish();
  const blocks = keyBlocks(r);
  let rows: Float64Array[] = [];
  let evidence: KeyModelCandidate[] = [];
  analyzeKey(r.pitchClass, r.bassPitchClass, blocks, {
    params: { keyModel: 0 },
    onEvidence: (e, f) => {
      evidence = e.map((x) => ({ ...x }));
      rows = keyModelRows(evidence, f);
    },
  });
  const pick = (name: string) => pickOf(name, evidence, rows);
  assert.equal(pick('key-combiner-gbm56'), '7 major');
  assert.equal(pick('key-combiner-gbm57'), '9 minor');
});
