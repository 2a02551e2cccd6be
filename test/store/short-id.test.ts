/**
 * Short run ids (issue 17 point 9) are prefixes of the random part of a run id, never of its time
 * part: runs started in the same millisecond share the first 12 hex digits, so a prefix of those
 * cannot tell them apart. `shub history` shows the short ids and `shub show SHORT` finds the run.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { shub, tempDir } from '../helpers/cli.js';
import { JsonStore } from '../../src/store/json.js';
import { RunRecorder, shortRunIds, uuidv7 } from '../../src/store/run.js';

const { dir, cleanup } = tempDir('shub-short-id-');
after(cleanup);

test('runs of the same millisecond get distinct short ids that show finds', async () => {
  const store = new JsonStore(path.join(dir, 'store'));
  const now = Date.now();
  const ids = [uuidv7(now), uuidv7(now), uuidv7(now)];
  // the time part is the same: a prefix of it is no short id
  assert.equal(new Set(ids.map((id) => id.slice(0, 13))).size, 1);
  for (const [i, id] of ids.entries()) {
    const rec = new RunRecorder('analyze', ['analyze', `take${i}.wav`], id);
    await store.saveRun(rec.finish(0));
  }
  const short = shortRunIds(ids);
  assert.equal(new Set(short).size, 3);
  for (const [i, s] of short.entries()) {
    assert.equal(s.length, 8);
    assert.equal(s, ids[i]!.slice(24, 32), 'the first 8 hex digits of the random last group');
  }
  const h = shub(['history', '--store-dir', 'store'], dir);
  assert.equal(h.code, 0, h.stderr);
  const listed = h.stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/ {2,}/)[1]);
  assert.deepEqual([...listed].sort(), [...short].sort());
  for (const [i, s] of short.entries()) {
    const r = shub(['show', s, '--store-dir', 'store', '--json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { runId: string }).runId, ids[i]);
  }
  // a time prefix shared by all three is ambiguous, as before
  const amb = shub(['show', ids[0]!.slice(0, 8), '--store-dir', 'store'], dir);
  assert.equal(amb.code, 2);
  assert.match(amb.stderr, /matches 3 runs/);
});

test('a short id grows until it is unique among the runs listed', () => {
  const a = '01900000-0000-7000-8000-abcdef012345';
  const b = '01900000-0000-7000-8000-abcdef019999';
  assert.deepEqual(shortRunIds([a, b]), ['abcdef012', 'abcdef019']);
  assert.deepEqual(shortRunIds(['r1', a]), ['r1', 'abcdef01']);
});
