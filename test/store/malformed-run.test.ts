/**
 * One damaged run file in the JSON store must not stop `shub history` or `shub show` (issue 18
 * point 16): it is skipped with a warning naming the file, the other runs are still listed.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sineSegments, writeWav } from '../../fixtures/signals.js';
import { runRecordProblem } from '../../src/store/json.js';
import { ndjson, shub, tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-malformed-run-');
after(cleanup);
writeWav(path.join(dir, 'a.wav'), sineSegments(48000, 2, [{ seconds: 1, dbfs: -20 }]), 48000, 's16');

const runs = path.join(dir, 'store', 'runs');
const good = shub(['analyze', 'a.wav', '--features', 'levels', '--store-dir', 'store'], dir);
assert.equal(good.code, 0, good.stderr);
const goodId = readdirSync(runs)[0]!.slice(0, -'.json'.length);
const record = JSON.parse(readFileSync(path.join(runs, `${goodId}.json`), 'utf8')) as Record<string, unknown>;

/** Damaged run files, by run id: each breaks a field history or show reads. */
const damaged: Record<string, string> = {
  '01a20000-0000-7000-8000-000000000001': JSON.stringify({ runId: 'x', inputs: [] }), // most fields missing
  '01a20000-0000-7000-8000-000000000002': JSON.stringify({ ...record, outputs: null }),
  '01a20000-0000-7000-8000-000000000003': JSON.stringify({ ...record, inputs: [null] }),
  '01a20000-0000-7000-8000-000000000004': JSON.stringify({ ...record, decisions: [{ engine: 'x' }] }),
  '01a20000-0000-7000-8000-000000000005': '[1, 2, 3]',
  '01a20000-0000-7000-8000-000000000006': '{"runId": "01a2', // cut short
};
for (const [id, text] of Object.entries(damaged)) writeFileSync(path.join(runs, `${id}.json`), text);

test('history lists the good run and warns once per damaged file, naming it; exit 0', () => {
  const r = shub(['history', '--store-dir', 'store', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    ndjson<{ runId: string }>(r.stdout).map((x) => x.runId),
    [goodId],
  );
  const warnings = r.stderr.trim().split('\n');
  assert.equal(warnings.length, Object.keys(damaged).length, r.stderr);
  for (const id of Object.keys(damaged)) {
    const line = warnings.find((w) => w.includes(`${id}.json`));
    assert.match(line ?? '', /^warning: .*runs\/01a2[-0-9a-f]+\.json: skipped, not a valid run record: .+; repair/);
  }
  const text = shub(['history', '--store-dir', 'store'], dir);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, new RegExp(goodId.slice(24, 32))); // the short id: the random part
});

test('show of a damaged run: a warning naming the file and "no run" (exit 2), never an internal error', () => {
  const id = '01a20000-0000-7000-8000-000000000002';
  const r = shub(['show', id, '--store-dir', 'store'], dir);
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 2, r.stderr);
  assert.match(
    lines[0]!,
    new RegExp(`^warning: .*${id}\\.json: skipped, not a valid run record: outputs: expected a list`),
  );
  assert.match(lines[1]!, new RegExp(`^error: no run '${id}'`));
  const ok = shub(['show', goodId.slice(0, 13), '--store-dir', 'store'], dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /Command\s+shub analyze a\.wav/);
});

test('runRecordProblem: the written record passes; each damage is named by its field', () => {
  assert.equal(runRecordProblem(record), null);
  assert.equal(runRecordProblem([1]), 'expected a JSON object');
  assert.equal(runRecordProblem({ ...record, exitCode: '0' }), 'exitCode: expected a number');
  assert.equal(runRecordProblem({ ...record, startedAt: 'yesterday' }), 'startedAt: expected a date');
  assert.equal(runRecordProblem({ ...record, args: [1] }), 'args: expected a list of strings');
  assert.equal(runRecordProblem({ ...record, errors: [{ message: 'x' }] }), 'errors[0]: not a valid entry');
});
