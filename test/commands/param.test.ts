/**
 * `--param NAME=VALUE` (src/commands/params.ts) on `shub analyze` and `shub drums detect`: the onsets' selectable
 * model (gbm92 read with the 20 ms short window) changes a drum stem's onsets and equals the engine's own reading with
 * the values given directly (eval-onsets' `--params` path); the drums' model likewise; bad values exit 2 with one
 * line and write nothing; the run's result and record name the parameters; runs of one process with other values
 * (a pool's threads, two runs at once on one thread) each read their own values and leave the defaults as they were.
 * drums replace, quantize and humanize (audio) take the same `--param` for their detection (detectSession).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ndjson, shub, tempDir } from '../helpers/cli.js';
import { writeWav } from '../../fixtures/signals.js';
import { drumSession, drumStem, writeDrumSession, writeOneShotKit } from '../../fixtures/drumkit.js';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { ONSET_PARAMETERS, onsetFluxOptions, stftLayout } from '../../src/engines/analysis/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { detectOnsets, onsetDefaults, onsetInput } from '../../src/engines/onsets/index.js';
import { STEM_MODEL_PARAMETERS, STEM_PARAMETERS } from '../../src/engines/drums/params.js';
import { slicePoints } from '../../src/engines/drums/quantize.js';
import { DrumSessionDetector } from '../../src/engines/drums/session.js';
import { analyze, type AnalyzeResult } from '../../src/commands/analyze.js';
import { ANALYZE_PARAMETERS } from '../../src/commands/analyze-post.js';
import { DRUMS_DETECT_PARAMETERS } from '../../src/commands/drums.js';
import { COMP_PARAMETERS } from '../../src/commands/comp.js';
import { describeParams, listParams, parameterSpec, resolveParams } from '../../src/commands/params.js';
import type { ParameterTables } from '../../src/commands/params.js';
import { NoStore } from '../../src/store/none.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';

const { dir, cleanup } = tempDir('shub-param-');
after(cleanup);
const f = (name: string) => path.join(dir, name);

/** A whole-kit stem (4 bars at 180 BPM, 20 ms jitter) on which gbm87 and gbm92 with the short window differ. */
const stem = drumStem({ font: 'MuseScoreGeneral', seed: 7, bpm: 180, bars: 4, jitterSeconds: 0.02 });
const STEM = f('stem.wav');
writeWav(STEM, [Float64Array.from(stem.samples)], stem.rate, 'f32');
/** The drums' model out of its shipped presets: the message lists them (53 … 92 since round 92, which added 92). */
const SHIPPED_MODELS = /--param model: no such preset 85; shipped: 53, 56, .*, 89(, \d+)* \(default 99\)/;
// h-onset99: the short window 0.02 is the default (w99), so gbm92 with the window is onsetModelPreset 92 alone
const GBM92 = { onsetModelPreset: 92 };
const FLAGS = ['--param', 'onsetModelPreset=92'];

/** The engine's own reading of the stem (one extractor, detectOnsets with the values given: eval-onsets' path). */
function engineOnsets(values: Record<string, number>) {
  const fx = createFeatureExtractor(
    { sampleRate: stem.rate, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(stem.rate, {}),
  );
  fx.addFloat(stem.samples);
  const input = onsetInput(fx.finish(), stem.rate, stftLayout(stem.rate).windowSamples);
  return detectOnsets(input, { ...onsetDefaults(), ...values });
}

async function inProcess(params: Record<string, number>, files = [STEM], jobs = 1): Promise<AnalyzeResult[]> {
  const out: AnalyzeResult[] = [];
  await analyze({
    files,
    jobs,
    features: ['onsets', 'tempo'],
    params,
    store: new NoStore(),
    ffmpeg: resolveFfmpeg(),
    onResult: (r) => out.push(r),
  });
  return out;
}

test('--param onsetModelPreset=92 (the window 0.02 the default): the engine reading with those values', () => {
  const base = engineOnsets({});
  const gbm92 = engineOnsets(GBM92);
  // measured: gbm87 32 onsets, gbm92 with the short window 33 (one more at 4.6065 s, the last bar's jittered hats)
  assert.equal(base.times.length, 32);
  assert.equal(gbm92.times.length, 33);
  assert.deepEqual(
    gbm92.times.filter((t) => !base.times.includes(t)),
    [4.6065],
  );
  const plain = shub(['analyze', STEM, '--features', 'onsets', '--json', '--no-store'], dir);
  const moved = shub(['analyze', STEM, '--features', 'onsets', '--json', '--no-store', ...FLAGS], dir);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(moved.code, 0, moved.stderr);
  const [a] = ndjson<AnalyzeResult>(plain.stdout);
  const [b] = ndjson<AnalyzeResult>(moved.stdout);
  assert.deepEqual(a!.onsets, base);
  assert.deepEqual(b!.onsets, gbm92);
  assert.equal(a!.parameters, undefined, 'no parameters: no field (the default output unchanged)');
  assert.deepEqual(b!.parameters, GBM92);
  // a default given again is no parameter
  const same = shub(
    ['analyze', STEM, '--features', 'onsets', '--json', '--no-store', '--param', 'onsetModelPreset=99'],
    dir,
  );
  const [c] = ndjson<AnalyzeResult>(same.stdout);
  assert.deepEqual(c!.onsets, base);
  assert.equal(c!.parameters, undefined);
});

test('bad --param values: exit 2, one line naming the parameter, its range and unit; no run written', () => {
  const cases: [string, RegExp][] = [
    // h-onset100: round 100 shipped (the range's top)
    ['onsetModelPreset=101', /--param onsetModelPreset: expected an integer in \[56, 100\] round, got '101'/],
    ['onsetModelPreset=60', /--param onsetModelPreset: no such preset 60; shipped: 56, 59, 63, 66, 84, 86, 87, 89/],
    ['onsetModelShortWindowSeconds=0.2', /onsetModelShortWindowSeconds: expected a number in \[0, 0\.05\] s/],
    [
      'onsetModelShortWindowSeconds=abc',
      /onsetModelShortWindowSeconds: expected a number in \[0, 0\.05\] s, got 'abc'/,
    ],
    ['onsetModelShortWindowSeconds=', /onsetModelShortWindowSeconds: expected a number/],
    ['noSuchThing=1', /--param: no parameter 'noSuchThing' in this command's engines; `--param list` prints them/],
    ['onsetModelPreset', /--param: expected NAME=VALUE \(e\.g\. onsetModelPreset=92\), got 'onsetModelPreset'/],
  ];
  for (const [flag, message] of cases) {
    const store = f(`store-${cases.findIndex((c) => c[0] === flag)}`);
    const r = shub(['analyze', STEM, '--json', '--store-dir', store, '--param', flag], dir);
    assert.equal(r.code, 2, flag);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n')[0]!.startsWith('error: '), true, r.stderr);
    assert.equal(r.stdout, '', flag);
    assert.equal(existsSync(path.join(store, 'runs')) && readdirSync(path.join(store, 'runs')).length > 0, false);
  }
  // drums: a name two tables share, and a model that is not shipped; no MIDI file written
  const midi = f('hits.mid');
  let r = shub(['drums', 'detect', STEM, '--midi', midi, '--no-store', '--param', 'riseDb=12'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--param: 'riseDb' is a parameter of several engines; name one: detect\.riseDb, stem\.riseDb/);
  r = shub(['drums', 'detect', STEM, '--midi', midi, '--no-store', '--param', 'model=85'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, SHIPPED_MODELS);
  assert.equal(existsSync(midi), false);
  // the list: every name with its default, range and unit
  const list = shub(['analyze', '--param', 'list'], dir);
  assert.equal(list.code, 0, list.stderr);
  assert.match(
    list.stdout,
    /^onsetModelPreset +99 {2}\[56, 100\] round \(one of 56, 59, 63, 66, 84, 86, 87, 89, 92, 96, 97, 99, 100\)$/m,
  );
  assert.match(list.stdout, /^levelModelPreset +80 {2}\[56, 92\] round \(one of 56, 59, 65/m);
  assert.doesNotMatch(list.stdout, /^tickSeconds /m, 'read by the native extractor before the engines');
  const drums = shub(['drums', 'detect', '--param', 'list'], dir);
  assert.match(drums.stdout, /^stemRing\.ringMs +150 {2}\[40, 500\] ms$/m);
  assert.equal(shub(['analyze'], dir).code, 2, 'no files is still a usage error');
});

test('the run record and the JSON result name the parameters that differ from their defaults', () => {
  const store = f('store-record');
  const r = shub(['analyze', STEM, '--features', 'onsets', '--json', '--store-dir', store, ...FLAGS], dir);
  assert.equal(r.code, 0, r.stderr);
  const [runFile] = readdirSync(path.join(store, 'runs'));
  const run = JSON.parse(readFileSync(path.join(store, 'runs', runFile!), 'utf8'));
  const d = run.decisions.find((x: { engine: string }) => x.engine === 'analyze.parameters');
  assert.deepEqual(d.value, GBM92);
  assert.equal(d.reason, 'parameters: onsetModelPreset 92 (default 99) (--param)');
  assert.deepEqual(run.results[0].parameters, GBM92);
  assert.equal(
    describeParams(DRUMS_DETECT_PARAMETERS, resolveParams(DRUMS_DETECT_PARAMETERS, ['stemRing.ringMs=200'])),
    'stemRing.ringMs 200 ms (default 150 ms)',
  );
  // canonical: sorted, a default dropped (levelModelPreset 80, the window 0.02), 92.0 is 92
  assert.deepEqual(
    Object.entries(
      resolveParams(ANALYZE_PARAMETERS, [
        'onsetModelShortWindowSeconds=0.02',
        'levelModelPreset=80',
        'onsetModelPreset=92.0',
      ]),
    ),
    Object.entries(GBM92),
  );
});

test('one process, other values: pool threads and two runs at once each read their own, defaults kept', async () => {
  const base = engineOnsets({}).times;
  const gbm92 = engineOnsets(GBM92).times;
  // two files at once: the onsets and tempo on the pool's worker threads
  const pooled = await inProcess(GBM92, [STEM, STEM], 2);
  assert.deepEqual(
    pooled.map((r) => r.onsets!.times),
    [gbm92, gbm92],
  );
  // two runs at once in this thread (a worker's slots): their engine calls interleave, each with its own values
  const [moved, plain] = await Promise.all([inProcess(GBM92), inProcess({})]);
  assert.deepEqual(moved[0]!.onsets!.times, gbm92);
  assert.deepEqual(plain[0]!.onsets!.times, base);
  assert.equal(plain[0]!.tempo!.bpm, moved[0]!.tempo!.bpm);
  assert.equal(ONSET_PARAMETERS.onsetModelPreset.value, 99);
  assert.equal(ONSET_PARAMETERS.onsetModelShortWindowSeconds.value, 0.02);
});

test('drums detect --param model=86: the session detector with that model, recorded', () => {
  const detect = (round?: number) => {
    const run = () => {
      const det = new DrumSessionDetector(stem.rate, ['mix']);
      det.push([stem.samples]);
      return det.finish()[0]!.hits.map((h) => `${h.timeSeconds} ${h.instrument}`);
    };
    return round === undefined ? run() : withParameterValue(STEM_MODEL_PARAMETERS.model, round, run);
  };
  const store = f('store-drums');
  const plain = shub(['drums', 'detect', STEM, '--json', '--no-store'], dir);
  const moved = shub(['drums', 'detect', STEM, '--json', '--store-dir', store, '--param', 'model=86'], dir);
  assert.equal(moved.code, 0, moved.stderr);
  type Line = { hits: { timeSeconds: number; instrument: string }[]; parameters?: Record<string, number> };
  const [a] = ndjson<Line>(plain.stdout);
  const [b] = ndjson<Line>(moved.stdout);
  const hits = (l: Line) => l.hits.map((h) => `${h.timeSeconds} ${h.instrument}`);
  assert.deepEqual(hits(a!), detect());
  assert.deepEqual(hits(b!), detect(86));
  assert.notDeepEqual(hits(a!), hits(b!), 'gbm99 and gbm86 class this stem differently');
  assert.equal(a!.parameters, undefined);
  assert.deepEqual(b!.parameters, { model: 86 });
  const [runFile] = readdirSync(path.join(store, 'runs'));
  const run = JSON.parse(readFileSync(path.join(store, 'runs', runFile!), 'utf8'));
  const d = run.decisions.find((x: { engine: string }) => x.engine === 'drums.parameters');
  assert.equal(d.reason, 'parameters: model 86 (default 99) (--param)');
  assert.equal(STEM_MODEL_PARAMETERS.model.value, 99);
});

/** The stem's hits' samples with the session detector and the values given directly (the engine's own reading). */
function stemSlices(values: [typeof STEM_PARAMETERS.riseDb, number][] = []): number[] {
  const run = () => {
    const det = new DrumSessionDetector(stem.rate, ['mix']);
    det.push([stem.samples]);
    return slicePoints([det.finish()[0]!.hits.map((h) => h.sample)], stem.rate);
  };
  return values.reduce<() => number[]>(
    (fn, [spec, v]) =>
      () =>
        withParameterValue(spec, v, fn),
    run,
  )();
}

test('drums quantize --param: the slices of the detector with those values; model=86 (classes) moves none', () => {
  type Slice = { slices: number; moves: { fromSeconds: number }[]; parameters?: Record<string, number> };
  const quantize = (out: string, ...param: string[]) => {
    const r = shub(
      ['drums', 'quantize', STEM, '-o', out, '--grid', '1/16', '--bpm', '180', '--json', '--no-store', ...param],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    return ndjson<Slice>(r.stdout)[0]!;
  };
  const plain = quantize(f('q-plain'));
  const model = quantize(f('q-model'), '--param', 'model=86');
  const rise = quantize(f('q-rise'), '--param', 'stem.riseDb=20');
  const at = (l: Slice) => l.moves.map((m) => m.fromSeconds);
  const seconds = (xs: number[]) => xs.map((x) => Math.round((x / stem.rate) * 1e6) / 1e6);
  // measured: 34 hits in 27 kit events by default; a stem rise of 20 dB (default 9) keeps 24 hits, 20 events
  assert.equal(plain.slices, 27);
  assert.deepEqual(at(plain), seconds(stemSlices()));
  assert.equal(rise.slices, 20);
  assert.deepEqual(at(rise), seconds(stemSlices([[STEM_PARAMETERS.riseDb, 20]])));
  assert.deepEqual(rise.parameters, { 'stem.riseDb': 20 });
  assert.equal(plain.parameters, undefined);
  // gbm86 classes 2 of the 34 hits otherwise (detect's test above): quantize reads the hits' starts, not their
  // classes, so the same slices move and the written stem is the same file
  assert.deepEqual(model.parameters, { model: 86 });
  assert.deepEqual(at(model), at(plain));
  const wav = (d: string) => readFileSync(path.join(d, 'stem.wav'));
  assert.equal(wav(f('q-model')).equals(wav(f('q-plain'))), true);
  assert.equal(wav(f('q-rise')).equals(wav(f('q-plain'))), false);
  assert.equal(STEM_PARAMETERS.riseDb.value, 9);
});

test("drums replace --param: the close mics' hits of detect with those values trigger the samples, recorded", () => {
  const d = f('rep');
  const s = drumSession({ font: 'TimGM6mb', seed: 12, bpm: 140, bars: 4, swing: 0.2 });
  writeDrumSession(d, s.mics, s.rate);
  writeOneShotKit(d, 'MuseScoreGeneral', ['kick', 'snare'], s.rate);
  type Track = {
    track: string;
    replaced: boolean;
    hits: number;
    placements?: { timeSeconds: number }[];
    parameters?: Record<string, number>;
  };
  const run = (verb: string[], ...param: string[]) => {
    const r = shub(['drums', ...verb, 'session.yaml', '--json', ...param], d);
    assert.equal(r.code, 0, r.stderr);
    return ndjson<Track & { hits: unknown }>(r.stdout);
  };
  const replace = (out: string, ...param: string[]) =>
    run(['replace', '--kit', 'kit.yaml', '-o', out], ...param) as Track[];
  const plain = replace('plain/', '--no-store');
  const moved = replace('moved/', '--store-dir', 'st', '--param', 'floorRangeDb=10');
  const detected = run(['detect'], '--no-store', '--param', 'floorRangeDb=10') as unknown as {
    track: string;
    hits: { timeSeconds: number }[];
  }[];
  const count = (ls: Track[]) => ls.filter((l) => l.replaced).map((l) => `${l.track} ${l.hits}`);
  // measured: a floor 10 dB under the track's loudest hit (default 50) drops the quiet hits of the kick and snare
  assert.deepEqual(count(plain), ['kick close 11', 'snare close 12']);
  assert.deepEqual(count(moved), ['kick close 9', 'snare close 8']);
  for (const l of moved.filter((x) => x.replaced)) {
    const hits = detected.find((x) => x.track === l.track)!.hits.map((h) => h.timeSeconds);
    assert.deepEqual(
      l.placements!.map((p) => p.timeSeconds),
      hits,
      `${l.track}: a sample at each hit detect finds with the same value`,
    );
  }
  assert.deepEqual(moved[0]!.parameters, { floorRangeDb: 10 });
  assert.equal(plain[0]!.parameters, undefined);
  const [runFile] = readdirSync(path.join(d, 'st', 'runs'));
  const rec = JSON.parse(readFileSync(path.join(d, 'st', 'runs', runFile!), 'utf8'));
  const decision = rec.decisions.find((x: { engine: string }) => x.engine === 'drums.parameters');
  assert.equal(decision.reason, 'parameters: floorRangeDb 10 dB (default 50 dB) (--param)');
  // a bad value: exit 2, one line, no output folder (replace, quantize, humanize alike); MIDI has no detection
  for (const [verb, flags] of [
    ['replace', ['--kit', 'kit.yaml']],
    ['quantize', ['--grid', '1/16']],
    ['humanize', []],
  ] as const) {
    const r = shub(
      ['drums', verb, 'session.yaml', ...flags, '-o', `bad-${verb}/`, '--no-store', '--param', 'model=85'],
      d,
    );
    assert.equal(r.code, 2, verb);
    assert.match(r.stderr, SHIPPED_MODELS);
    assert.equal(existsSync(path.join(d, `bad-${verb}`)), false, verb);
  }
  writeFileSync(path.join(d, 'x.mid'), '');
  const midi = shub(['drums', 'humanize', 'x.mid', '-o', 'y.mid', '--no-store', '--param', 'model=86'], d);
  assert.equal(midi.code, 2);
  assert.match(midi.stderr, /--param sets the detection of audio; a MIDI file is humanized without detecting/);
  assert.equal(existsSync(path.join(d, 'y.mid')), false);
});

test('every name a command lists takes its own default and refuses one step past its range', () => {
  // comp's contourLatencySectionShare was declared an integer with the default 0.6: `--param` refused its own default
  const tables: [string, ParameterTables][] = [
    ['analyze', ANALYZE_PARAMETERS],
    ['drums', DRUMS_DETECT_PARAMETERS],
    ['comp', COMP_PARAMETERS],
  ];
  let names = 0;
  for (const [command, t] of tables)
    for (const name of listParams(t)
      .split('\n')
      .map((line) => line.split(' ')[0]!)) {
      const spec = parameterSpec(t, name);
      assert.deepEqual(resolveParams(t, [`${name}=${spec.value}`]), {}, `${command} ${name}`);
      const [lo, hi] = spec.range;
      if (Number.isFinite(hi)) assert.throws(() => resolveParams(t, [`${name}=${hi + 1}`]), /expected/);
      if (Number.isFinite(lo)) assert.throws(() => resolveParams(t, [`${name}=${lo - 1}`]), /expected/);
      names++;
    }
  assert.ok(names > 500, `${names} names`);
});
