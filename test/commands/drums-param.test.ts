/**
 * `shub drums replace | quantize | humanize --param`: a parameter that sets only a whole-kit stem's hit classes
 * (DRUMS_CLASS_ONLY_TABLES) changes nothing those verbs write, and they say so on stderr (one line per parameter,
 * the run goes on, the value recorded with a note); detect reads it (no word); a parameter that moves hits changes
 * the output and draws no word. On a session made here: a whole-kit stem and a close kick mic.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ndjson, shub, tempDir } from '../helpers/cli.js';
import { drumStem, oneShot, writeDrumSession, writeOneShotKit } from '../../fixtures/drumkit.js';
import { classOnlyParams, DRUMS_CLASS_ONLY_TABLES, DRUMS_DETECT_PARAMETERS } from '../../src/commands/drums.js';
import { STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';

const { dir, cleanup } = tempDir('shub-drums-param-');
after(cleanup);

/** 2 bars at 120 BPM: the stem, and a close kick mic with a kick at each of the stem's kicks. */
const stem = drumStem({ font: 'MuseScoreGeneral', seed: 7, bpm: 120, bars: 2, jitterSeconds: 0.01 });
const kick = new Float32Array(stem.samples.length);
for (const h of stem.hits.filter((x) => x.piece === 'kick')) {
  const shot = oneShot('MuseScoreGeneral', 'kick', h.velocity, stem.rate);
  for (let i = 0; i < shot.samples.length && h.onset - shot.lead + i < kick.length; i++)
    if (h.onset - shot.lead + i >= 0) kick[h.onset - shot.lead + i]! += 0.8 * shot.samples[i]!;
}
writeDrumSession(
  dir,
  [
    { name: 'kit', instrument: 'mix', samples: stem.samples },
    { name: 'kick', instrument: 'kick', samples: kick },
  ],
  stem.rate,
);
writeOneShotKit(dir, 'MuseScoreGeneral', ['kick'], stem.rate);

const VERBS = {
  replace: ['--kit', 'kit.yaml'],
  quantize: ['--grid', '1/16', '--bpm', '120'],
  humanize: ['--seed', '3'],
} as const;
type Verb = keyof typeof VERBS;

let n = 0;
/** One run of a verb: its exit code, stdout, stderr and the sha256 of each file it wrote. */
function run(verb: Verb, ...param: string[]) {
  const out = `out-${verb}-${n++}`;
  const r = shub(
    ['drums', verb, 'session.yaml', ...VERBS[verb], '-o', `${out}/`, '--json', '--no-store', ...param],
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const sha = Object.fromEntries(
    readdirSync(path.join(dir, out))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, out, f)))
          .digest('hex'),
      ]),
  );
  return { ...r, sha };
}

/** A result line without what differs from run to run (its id, output folder) or names the values (parameters). */
const bare = (stdout: string) =>
  ndjson<Record<string, unknown>>(stdout).map((l) =>
    JSON.stringify(l, (k, v) => (['runId', 'parameters', 'output'].includes(k) ? undefined : v)),
  );

const warning = (verb: Verb, name: string) =>
  `warning: shub drums ${verb}: --param ${name} changes nothing here (it sets a whole-kit stem's hit classes, which ` +
  `${verb} does not read); shub drums detect reads it\n`;

test('the class-only tables are detect tables; the model, a rule after byStruckWithKick: class-only; stem: not', () => {
  for (const t of DRUMS_CLASS_ONLY_TABLES) assert.ok(DRUMS_DETECT_PARAMETERS.tables[t], t);
  assert.deepEqual(classOnlyParams({ model: 92 }), ['model']);
  assert.deepEqual(classOnlyParams({ cymbalRingDb: -30, 'stem.riseDb': 20, floorRangeDb: 10 }), ['cymbalRingDb']);
  // useModel 0 stops measuring the membrane cue (the kickless rule is off with the model): not counted
  assert.deepEqual(classOnlyParams({ useModel: 0 }), []);
  assert.equal(STEM_MODEL_PARAMETERS.model.value, 99);
});

for (const verb of Object.keys(VERBS) as Verb[])
  test(`${verb} --param model=92: one line on stderr, the same files, the same lines on stdout`, () => {
    const plain = run(verb);
    const model = run(verb, '--param', 'model=92');
    assert.equal(plain.stderr, '');
    assert.equal(model.stderr, warning(verb, 'model=92'));
    assert.ok(Object.keys(model.sha).length >= 2);
    assert.deepEqual(model.sha, plain.sha);
    assert.deepEqual(bare(model.stdout), bare(plain.stdout));
    assert.doesNotMatch(model.stdout, /changes nothing/);
    assert.deepEqual(ndjson<{ parameters: unknown }>(model.stdout)[0]!.parameters, { model: 92 });
  });

test('a second class-only parameter warns, a hit-moving one changes the files without a word', () => {
  for (const verb of ['quantize', 'humanize'] as const) {
    const plain = run(verb);
    const ring = run(verb, '--param', 'cymbalRingDb=-40', '--param', 'model=92');
    assert.equal(ring.stderr, warning(verb, 'cymbalRingDb=-40') + warning(verb, 'model=92'));
    assert.deepEqual(ring.sha, plain.sha);
    // measured: a floor 10 dB under the loudest (default 50) keeps 12 of the stem's 20 hits: fewer slices
    const floor = run(verb, '--param', 'floorRangeDb=10');
    assert.equal(floor.stderr, '');
    assert.notEqual(floor.sha['kit.wav'], plain.sha['kit.wav'], verb);
    assert.notEqual(floor.sha['kick.wav'], plain.sha['kick.wav'], verb);
  }
});

test('detect --param model=92: no word; the run records the note beside the parameters on the verbs', () => {
  const d = shub(['drums', 'detect', 'session.yaml', '--json', '--no-store', '--param', 'model=92'], dir);
  assert.equal(d.code, 0, d.stderr);
  assert.equal(d.stderr, '');
  const plain = shub(['drums', 'detect', 'session.yaml', '--json', '--no-store'], dir);
  const classes = (stdout: string) =>
    ndjson<{ hits: { timeSeconds: number; instrument: string }[] }>(stdout).map((l) =>
      l.hits.map((h) => `${h.timeSeconds} ${h.instrument}`),
    );
  // measured: gbm92 reads one of the stem's 20 hits (a tom to gbm66) as a snare; the kick mic's 4 hits alike
  const [a, b] = [classes(plain.stdout), classes(d.stdout)];
  assert.deepEqual([a[0]!.length, a[1]!.length], [20, 4]);
  assert.equal(a[0]!.filter((h, i) => h !== b[0]![i]).length, 1);
  assert.deepEqual(a[1], b[1]);
  const r = shub(
    ['drums', 'humanize', 'session.yaml', '-o', 'rec/', '--store-dir', 'st', '--param', 'model=92', '--json'],
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const [file] = readdirSync(path.join(dir, 'st', 'runs'));
  const rec = JSON.parse(readFileSync(path.join(dir, 'st', 'runs', file!), 'utf8'));
  const ds = rec.decisions.filter((x: { engine: string }) => x.engine === 'drums.parameters');
  assert.deepEqual(
    ds.map((x: { decision: string; value: unknown }) => [x.decision, x.value]),
    [
      ['parameters', { model: 92 }],
      ['unused', 'model'],
    ],
  );
  assert.equal(`warning: shub drums humanize: ${ds[1].reason}\n`, warning('humanize', 'model=92'));
});
