/**
 * `npm test`'s runner (test/run.ts): it runs every test file once, no helper module, the files it
 * lists as longest first and in its order, the short files without process-wide state batched, and exits 1 when a
 * test fails (in a batch too, and when a batched file fails to load).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BATCH_FILES, batches, LONGEST, ordered } from './run.js';
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

test('batches: every file once; LONGEST, hooks and process state alone; at most BATCH_FILES a batch', () => {
  const order = ordered([here]);
  const groups = batches(order);
  assert.deepEqual(groups.flat().sort(), [...order].sort());
  assert.deepEqual(
    groups.slice(0, LONGEST.length),
    LONGEST.map(([f]) => [path.join(here, f)]),
  );
  const batched = groups.filter((g) => g.length > 1);
  assert.ok(batched.length >= 5 && batched.every((g) => g.length <= BATCH_FILES), String(batched.length));
  // a file with a top-level hook, one that sets the environment: alone
  const alone = new Set(groups.filter((g) => g.length === 1).flat());
  for (const f of batched.flat()) assert.doesNotMatch(readFileSync(f, 'utf8'), /\bafter\(|process\.env/, f);
  for (const f of ['commands/master-dc.test.js', 'runner.test.js', 'launch.test.js'])
    assert.ok(alone.has(path.join(here, f)), f);
});

test('a batch reports each test, a failing one by name, and a file that fails to load as a failure', () => {
  const { dir, cleanup } = tempDir('shub-runner-batch-');
  try {
    const file = (name: string, body: string) =>
      writeFileSync(path.join(dir, name), `import { test, after } from 'node:test';\n${body}\n`);
    file('a.test.js', "test('a passes', () => {});");
    file('b.test.js', "test('b fails', () => { throw new Error('expected'); });");
    file('c.test.js', "throw new Error('c cannot load');");
    file('d.test.js', "test('d passes', () => {});");
    file('e.test.js', "after(() => {});\ntest('e passes alone', () => {});");
    assert.deepEqual(
      batches(ordered([dir])).map((g) => g.map((f) => path.basename(f))),
      [['a.test.js', 'b.test.js', 'c.test.js', 'd.test.js'], ['e.test.js']],
    );
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    const r = spawnSync(process.execPath, [path.join(here, 'run.js'), dir], { encoding: 'utf8', env });
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stdout, /^not ok \d+ - b fails$/m);
    assert.match(r.stdout, /^not ok \d+ - .*c\.test\.js loads$/m);
    assert.match(r.stdout, /c cannot load/);
    assert.match(r.stdout, /^# pass 3$/m);
    assert.match(r.stdout, /^# fail 2$/m);
  } finally {
    cleanup();
  }
});
