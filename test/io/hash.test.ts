/** sha256 of files against published FIPS 180-2 vectors and coreutils' sha256sum (an independent implementation). */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashFile } from '../../src/io/hash.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-hash-');
after(cleanup);

function file(name: string, bytes: string | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, bytes);
  return f;
}

test('published SHA-256 vectors: "", "abc", the 448-bit message and one million "a"', async () => {
  assert.equal(await hashFile(file('empty', '')), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(await hashFile(file('abc', 'abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(
    await hashFile(file('448', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
  assert.equal(
    await hashFile(file('million', 'a'.repeat(1_000_000))),
    'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  );
});

test('a file of several 1 MiB read chunks hashes as sha256sum says', async () => {
  const bytes = Buffer.alloc(3 * (1 << 20) + 12345);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
  const f = file('big.bin', bytes);
  const r = spawnSync('sha256sum', [f], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(await hashFile(f), r.stdout.split(' ')[0]);
});

test('a missing file rejects with ENOENT', async () => {
  await assert.rejects(hashFile(path.join(dir, 'nope')), (e: NodeJS.ErrnoException) => e.code === 'ENOENT');
});
