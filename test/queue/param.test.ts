/**
 * `shub queue submit analyze --param …` on a throwaway PostgreSQL: the parameters are part of the job's canonical
 * options (an otherwise equal job with other values is another job; the flags' order, `92.0` and a default given
 * again are not), a bad value enqueues nothing (exit 2), and one worker running both jobs at once (--concurrency 2)
 * gives each the onsets its own values give in a plain `shub analyze`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ndjson, shub, tempDir } from '../helpers/cli.js';
import { startPostgres, type TestPostgres } from '../helpers/pg.js';
import { writeWav } from '../../fixtures/signals.js';
import { drumStem } from '../../fixtures/drumkit.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';
import { ONSET_PARAMETERS } from '../../src/engines/analysis/params.js';

const { dir, cleanup } = tempDir('shub-queue-param-');
let server: TestPostgres;
const STEM = path.join(dir, 'stem.wav');
// h-onset99: the short window 0.02 is the default (w99), so gbm92 with the window is onsetModelPreset 92 alone
const GBM92 = ['--param', 'onsetModelPreset=92'];

before(async () => {
  server = await startPostgres();
  // the drum stem of test/commands/param.test.ts: gbm92 with the 20 ms window finds one onset more than gbm87 (and w99)
  const stem = drumStem({ font: 'MuseScoreGeneral', seed: 7, bpm: 180, bars: 4, jitterSeconds: 0.02 });
  writeWav(STEM, [Float64Array.from(stem.samples)], stem.rate, 'f32');
});
after(async () => {
  await server?.stop();
  cleanup();
});

test('jobs differing only in a parameter are two jobs; one worker runs both, each with its own values', async () => {
  const url = await server.createDatabase();
  assert.equal(shub(['db', 'migrate', '--db', url], dir).code, 0);
  const submit = (extra: string[]) => {
    const r = shub(['queue', 'submit', 'analyze', STEM, '--features', 'onsets', ...extra, '--json', '--db', url], dir);
    assert.equal(r.code, 0, r.stderr);
    return ndjson<{ jobId: string | null; existing?: { jobId: string } }>(r.stdout)[0]!;
  };
  const moved = submit(GBM92);
  const plain = submit([]);
  assert.ok(moved.jobId && plain.jobId && moved.jobId !== plain.jobId, 'two jobs');
  // the same values in another order, 92.0 for 92, defaults given again (the window 0.02 one since h-onset99): the same
  // job, not enqueued again
  const again = submit([
    '--param',
    'onsetModelShortWindowSeconds=0.02',
    '--param',
    'levelModelPreset=80',
    '--param',
    'onsetModelPreset=92.0',
  ]);
  assert.equal(again.jobId, null);
  assert.equal(again.existing!.jobId, moved.jobId);
  assert.equal(submit(['--param', 'onsetModelPreset=99']).existing!.jobId, plain.jobId);
  // one past the presets' declared range (it grows as presets ship: 92 until round 96, 97 since)
  const [lo, hi] = ONSET_PARAMETERS.onsetModelPreset.range;
  const bad = shub(['queue', 'submit', 'analyze', STEM, '--param', `onsetModelPreset=${hi + 1}`, '--db', url], dir);
  assert.equal(bad.code, 2);
  assert.ok(
    bad.stderr.includes(`--param onsetModelPreset: expected an integer in [${lo}, ${hi}] round, got '${hi + 1}'`),
    bad.stderr,
  );

  // one worker process, both jobs at once
  const w = shub(['worker', '--db', url, '--json', '--once', '--concurrency', '2'], dir);
  assert.equal(w.code, 0, w.stderr);
  const done = ndjson<{ jobId: string; runId: string; state: string }>(w.stdout);
  assert.deepEqual(done.map((j) => j.state).sort(), ['completed', 'completed']);
  const resultOf = (jobId: string): AnalyzeResult => {
    const runId = done.find((j) => j.jobId === jobId)!.runId;
    const r = shub(['show', runId, '--json', '--db', url], dir);
    assert.equal(r.code, 0, r.stderr);
    return (JSON.parse(r.stdout) as { results: AnalyzeResult[] }).results[0]!;
  };
  const direct = (extra: string[]) =>
    ndjson<AnalyzeResult>(
      shub(['analyze', STEM, '--features', 'onsets', '--json', '--no-store', ...extra], dir).stdout,
    )[0]!;
  const queued92 = resultOf(moved.jobId!);
  const queued87 = resultOf(plain.jobId!);
  assert.deepEqual(queued92.onsets, direct(GBM92).onsets);
  assert.deepEqual(queued87.onsets, direct([]).onsets);
  assert.equal(queued92.onsets!.times.length, 33);
  assert.equal(queued87.onsets!.times.length, 32);
  assert.deepEqual(queued92.parameters, { onsetModelPreset: 92 });
  assert.equal(queued87.parameters, undefined);
});
