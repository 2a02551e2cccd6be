/**
 * `npm test`'s runner (test/run.ts): it runs every test file once, no helper module, the files it
 * lists as longest first and in its order, and exits 1 when a test fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LONGEST, ordered } from './run.js';
import { tempDir } from './helpers/cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));

test('every *.test.js below dist/test once, the LONGEST ones first in their order, then by name', () => {
  const all = (readdirSync(here, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(here, f));
  const order = ordered([here]);
  assert.deepEqual([...order].sort(), all.sort());
  assert.ok(!order.some((f) => f.includes(`${path.sep}helpers${path.sep}`)));
  assert.deepEqual(
    order.slice(0, LONGEST.length),
    LONGEST.map(([f]) => path.join(here, f)),
    'every LONGEST entry names an existing test file',
  );
  const rest = order.slice(LONGEST.length);
  assert.deepEqual(rest, [...rest].sort());
  for (let i = 1; i < LONGEST.length; i++) assert.ok(LONGEST[i]![1] <= LONGEST[i - 1]![1], LONGEST[i]![0]);
});

test('exit 1 when a test fails (a todo failing does not count), 0 when all pass', () => {
  const { dir, cleanup } = tempDir('shub-runner-');
  try {
    writeFileSync(
      path.join(dir, 'pass.test.js'),
      "import { test } from 'node:test';\ntest('passes', () => {});\n" +
        "test('a todo', { todo: true }, () => { throw new Error('not yet'); });\n",
    );
    writeFileSync(
      path.join(dir, 'fail.test.js'),
      "import { test } from 'node:test';\ntest('fails', () => { throw new Error('expected'); });\n",
    );
    const runner = path.join(here, 'run.js');
    // as npm runs it, not as a test file's child (node:test marks those in NODE_TEST_CONTEXT)
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const ok = spawnSync(process.execPath, [runner, path.join(dir, 'pass.test.js')], { encoding: 'utf8', env });
    assert.equal(ok.status, 0, ok.stdout);
    assert.match(ok.stdout, /^# pass 1$/m);
    const bad = spawnSync(process.execPath, [runner, dir], { encoding: 'utf8', env });
    assert.equal(bad.status, 1, bad.stdout);
    assert.match(bad.stdout, /^not ok \d+ - fails$/m);
    assert.match(bad.stdout, /^# pass 1$/m);
  } finally {
    cleanup();
  }
});
