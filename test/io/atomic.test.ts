/** Atomic writes: temp file beside the target, then rename; nothing left behind on failure. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { temporarySibling, hostTag, writeFileAtomic } from '../../src/io/atomic.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-atomic-');
after(cleanup);

test('temporarySibling: a hidden, unique name in the target folder', () => {
  const target = path.join(dir, 'runs', 'a.json');
  const a = temporarySibling(target);
  const b = temporarySibling(target);
  assert.equal(path.dirname(a), path.dirname(target));
  assert.match(path.basename(a), new RegExp(`^\\.a\\.json\\.${hostTag()}-${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
  assert.notEqual(a, b);
  // the host's tag: the first 6 hex digits of its name's sha256, taken here with node:crypto
  assert.equal(hostTag(), createHash('sha256').update(hostname()).digest('hex').slice(0, 6));
});

test('writeFileAtomic creates folders, writes, replaces, and leaves only the target', async () => {
  const target = path.join(dir, 'deep', 'er', 'run.json');
  await writeFileAtomic(target, '{"v":1}');
  assert.equal(readFileSync(target, 'utf8'), '{"v":1}');
  await writeFileAtomic(target, new Uint8Array([0x7b, 0x7d]));
  assert.equal(readFileSync(target, 'utf8'), '{}');
  assert.deepEqual(readdirSync(path.dirname(target)), ['run.json']);
});

test('a failed rename leaves the old content and no temp file', async () => {
  const target = path.join(dir, 'occupied');
  mkdirSync(target); // a folder where the file should go: rename fails
  writeFileSync(path.join(target, 'keep'), 'x');
  await assert.rejects(writeFileAtomic(target, 'data'), (e: NodeJS.ErrnoException) =>
    ['EISDIR', 'ENOTEMPTY', 'EEXIST'].includes(e.code ?? ''),
  );
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );
  assert.equal(readFileSync(path.join(target, 'keep'), 'utf8'), 'x');
});
