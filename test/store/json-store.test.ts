/** The JSON store's read-back: history filters, run ids and prefixes, damaged files, redaction. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JsonStore } from '../../src/store/json.js';
import { history, parseSince } from '../../src/commands/history.js';
import { show } from '../../src/commands/show.js';
import { UsageError } from '../../src/errors.js';
import { uuidv7 } from '../../src/store/run.js';
import type { RunRecord } from '../../src/store/types.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-json-store-');
after(cleanup);

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function run(
  at: number,
  command: string,
  inputs: [string, string | null][],
  extra: Partial<RunRecord> = {},
): RunRecord {
  return {
    runId: uuidv7(at),
    command,
    args: [command, ...inputs.map(([p]) => p)],
    shubVersion: '0.1.0',
    host: 'test-host',
    startedAt: new Date(at).toISOString(),
    endedAt: new Date(at + 1500).toISOString(),
    status: 'ok',
    exitCode: 0,
    inputs: inputs.map(([p, sha]) => ({ path: p, sizeBytes: 100, sha256: sha, format: null })),
    outputs: [],
    results: inputs.map(([p, sha]) => ({ file: p, sha256: sha })),
    errors: [],
    decisions: [
      { engine: 'io.decode', decision: 'decoder', value: 'native-wav', reason: 'a WAV file is read natively' },
    ],
    ...extra,
  };
}

test('history: newest first, filtered by file path, sha256, command and since; limit', async () => {
  const store = new JsonStore(path.join(dir, 'filters'));
  const t0 = Date.parse('2025-03-01T10:00:00Z');
  const runs = [
    run(t0, 'analyze', [['mix.wav', SHA_A]]),
    run(t0 + 60_000, 'analyze', [['other.wav', SHA_B]]),
    run(t0 + 120_000, 'validate', [['renamed.wav', SHA_A]]),
    run(t0 + 180_000, 'analyze', [['missing.wav', null]], { status: 'failed', exitCode: 3, results: [] }),
  ];
  for (const r of runs) await store.saveRun(r);
  const ids = (q: Parameters<typeof history>[0]) => history(q).then((rs) => rs.map((r) => r.runId));
  assert.deepEqual(await ids({ store }), runs.map((r) => r.runId).reverse());
  assert.deepEqual(await ids({ store, file: 'mix.wav', cwd: dir }), [runs[0]!.runId]);
  assert.deepEqual(await ids({ store, file: SHA_A }), [runs[2]!.runId, runs[0]!.runId]);
  assert.deepEqual(await ids({ store, command: 'analyze' }), [runs[3]!.runId, runs[1]!.runId, runs[0]!.runId]);
  assert.deepEqual(await ids({ store, since: '2025-03-01T10:01:30Z' }), [runs[3]!.runId, runs[2]!.runId]);
  assert.deepEqual(await ids({ store, limit: 1 }), [runs[3]!.runId]);
  // a file on disk is matched by its bytes, whatever path the run used
  writeFileSync(path.join(dir, 'bytes.wav'), 'abc');
  const shaOfAbc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  await store.saveRun(run(t0 + 240_000, 'analyze', [['/elsewhere/bytes.wav', shaOfAbc]]));
  assert.equal((await history({ store, file: path.join(dir, 'bytes.wav') })).length, 1);

  const [latestFailed] = await history({ store, command: 'analyze', limit: 2 }).then((r) => r.slice(1));
  assert.deepEqual(latestFailed, {
    runId: runs[3]!.runId,
    command: 'analyze',
    status: 'failed',
    exitCode: 3,
    startedAt: runs[3]!.startedAt,
    endedAt: runs[3]!.endedAt,
    host: 'test-host',
    shubVersion: '0.1.0',
    args: ['analyze', 'missing.wav'],
    files: ['missing.wav'],
    inputCount: 1,
    outputCount: 0,
    resultCount: 0,
    errorCount: 0,
    decisionCount: 1,
  });
});

test('show: full id or unique prefix; unknown is a usage error naming `shub history`; ambiguous says so', async () => {
  const store = new JsonStore(path.join(dir, 'show'));
  const t = Date.parse('2025-04-01T00:00:00Z');
  const a = run(t, 'analyze', [['a.wav', SHA_A]]);
  const b = run(t + 1, 'analyze', [['b.wav', SHA_B]]);
  await store.saveRun(a);
  await store.saveRun(b);
  assert.deepEqual(await show({ store, runId: a.runId }), a);
  assert.deepEqual(await show({ store, runId: b.runId.slice(0, 36).toUpperCase() }), b);
  await assert.rejects(
    show({ store, runId: a.runId.slice(0, 8) }),
    (e: unknown) => e instanceof UsageError && /matches 2 runs/.test(e.message),
  );
  await assert.rejects(
    show({ store, runId: 'ffffffff' }),
    (e: unknown) => e instanceof UsageError && /shub history/.test(e.message),
  );
  await assert.rejects(show({ store, runId: 'x;drop' }), UsageError);
});

test('a missing store folder has no runs; damaged or foreign files are skipped', async () => {
  assert.deepEqual(await new JsonStore(path.join(dir, 'nope')).listRuns(), []);
  const store = new JsonStore(path.join(dir, 'damaged'));
  const good = run(Date.now(), 'analyze', [['a.wav', SHA_A]]);
  await store.saveRun(good);
  mkdirSync(path.join(dir, 'damaged', 'runs'), { recursive: true });
  writeFileSync(path.join(dir, 'damaged', 'runs', `${uuidv7()}.json`), '{"runId": "trunc');
  writeFileSync(path.join(dir, 'damaged', 'runs', 'notes.txt'), 'hello');
  assert.deepEqual(
    (await store.listRuns()).map((r) => r.runId),
    [good.runId],
  );
});

test('saved runs hide database passwords in args and error messages', async () => {
  const store = new JsonStore(path.join(dir, 'redact'));
  const r = run(Date.now(), 'analyze', [['a.wav', SHA_A]], {
    args: ['analyze', 'a.wav', '--db', 'postgres://shub:hunter2secret@db/shub'],
    errors: [
      {
        file: 'postgres://shub:hunter2secret@db/shub',
        message: 'postgres://shub:hunter2secret@db/shub: no such file',
        exitCode: 3,
      },
    ],
  });
  const file = await store.saveRun(r);
  const text = readFileSync(file, 'utf8');
  assert.doesNotMatch(text, /hunter2secret/);
  assert.match(text, /postgres:\/\/shub:\*\*\*@db\/shub/);
});

test('--since accepts dates, date-times and ages', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  assert.equal(parseSince('7d', now).toISOString(), '2025-03-03T12:00:00.000Z');
  assert.equal(parseSince('90m', now).toISOString(), '2025-03-10T10:30:00.000Z');
  assert.equal(parseSince('2025-03-01T14:00:00Z', now).toISOString(), '2025-03-01T14:00:00.000Z');
  assert.equal(parseSince('2025-03-01', now).getTime(), new Date(2025, 2, 1).getTime());
  assert.throws(() => parseSince('last tuesday', now), UsageError);
});
