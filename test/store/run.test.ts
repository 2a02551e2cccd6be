import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { InputError, UsageError } from '../../src/errors.js';
import { recordingFailure, RunRecorder, shubVersion, uuidv7 } from '../../src/store/run.js';
import type { RunRecord, Store } from '../../src/store/types.js';
import { ROOT } from '../helpers/cli.js';

test('run ids are RFC 9562 UUIDv7, time-ordered', () => {
  const a = uuidv7(1_700_000_000_000);
  const b = uuidv7(1_700_000_000_001);
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(a < b);
  assert.equal(parseInt(a.replace(/-/g, '').slice(0, 12), 16), 1_700_000_000_000);
  assert.notEqual(uuidv7(5), uuidv7(5));
});

/** A store that keeps runs in memory, or fails to save when told to. */
function memoryStore(failSaving = false): Store & { runs: RunRecord[] } {
  const runs: RunRecord[] = [];
  return {
    kind: 'json',
    location: 'memory',
    runs,
    async saveRun(run) {
      if (failSaving) throw new Error('disk full');
      runs.push(run);
      return `memory#${run.runId}`;
    },
    async listRuns() {
      return [];
    },
    async getRun() {
      return null;
    },
    async close() {},
  };
}

test('RunRecorder: the record of an invocation; ok, partial (some results) or failed (none) by exit code', () => {
  const r = new RunRecorder('analyze', ['analyze', 'a.wav']);
  r.decide({ engine: 'tempo', decision: 'bpm', value: 120, reason: 'strongest periodicity' });
  const ok = r.finish(0);
  assert.equal(ok.status, 'ok');
  assert.equal(ok.runId, r.runId);
  assert.equal(ok.command, 'analyze');
  assert.deepEqual(ok.args, ['analyze', 'a.wav']);
  assert.equal(ok.host, hostname());
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(ok.shubVersion, pkg.version);
  assert.equal(shubVersion(), pkg.version);
  assert.ok(Date.parse(ok.startedAt) <= Date.parse(ok.endedAt));
  const idMs = parseInt(ok.runId.replace(/-/g, '').slice(0, 12), 16);
  assert.equal(idMs, Date.parse(ok.startedAt), 'the id carries the start');
  assert.equal(ok.decisions.length, 1);
  assert.equal(r.finish(3).status, 'failed', 'no results: failed');
  r.results.push({ file: 'a.wav' });
  assert.equal(r.finish(3).status, 'partial', 'some results: partial');
});

test('recordingFailure: a failed run with the error and its exit code is saved, and the error rethrown', async () => {
  const store = memoryStore();
  assert.equal(await recordingFailure(store, 'mix', ['mix', 'x.yaml'], 'x.yaml', async () => 42), 42);
  assert.equal(store.runs.length, 0, 'success saves nothing here (the command saves its own run)');

  const boom = new InputError('x.yaml', 'no such file');
  await assert.rejects(
    recordingFailure(store, 'mix', ['mix', 'x.yaml'], 'x.yaml', async () => {
      throw boom;
    }),
    (e) => e === boom,
  );
  assert.equal(store.runs.length, 1);
  const run = store.runs[0]!;
  assert.deepEqual([run.command, run.status, run.exitCode], ['mix', 'failed', 3]);
  assert.deepEqual(run.errors, [{ file: 'x.yaml', message: 'x.yaml: no such file', exitCode: 3 }]);

  // an internal error is exit 5; a store that cannot save does not hide the original error
  await assert.rejects(
    recordingFailure(memoryStore(true), 'render', [], null, async () => {
      throw new UsageError('bad flag');
    }),
    (e) => e instanceof UsageError && e.message === 'bad flag',
  );
  const internal = memoryStore();
  await assert.rejects(
    recordingFailure(internal, 'render', [], null, async () => {
      throw new TypeError('x is undefined');
    }),
  );
  assert.equal(internal.runs[0]!.exitCode, 5);
  assert.equal(internal.runs[0]!.errors[0]!.file, null);
});
