/**
 * The addon's file hash (native/src/filehash.cc sha256Fd): Node's crypto on the same bytes is the reference; the
 * table that lets a second request for the same file join the first is keyed by the file's identity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { native } from '../../src/native.js';
import { mulberry32 } from '../../src/engines/random.js';

const addon = native();

function bytes(n: number, seed: number): Buffer {
  const r = mulberry32(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

test('sha256Fd: the digest of the first `bytes` bytes, read on its own fd (the caller closes at once)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shub-filehash-'));
  try {
    // 1.3 MB: several of the hashing thread's 256 kB reads and a partial last one
    const data = bytes(1_300_001, 7);
    const file = path.join(dir, 'a.bin');
    writeFileSync(file, data);
    const fd = openSync(file, 'r');
    const whole = addon.sha256Fd(fd, data.length);
    const prefix = addon.sha256Fd(fd, 1000);
    const empty = addon.sha256Fd(fd, 0);
    // past the end: what is there
    const beyond = addon.sha256Fd(fd, data.length + 5000);
    closeSync(fd);
    assert.equal(await whole, sha(data));
    assert.equal(await prefix, sha(data.subarray(0, 1000)));
    assert.equal(await empty, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(await beyond, sha(data));
    assert.throws(() => addon.sha256Fd(-1, 10), RangeError);
    assert.throws(() => addon.sha256Fd(fd, 1.5), RangeError);
    // an fd that is not open: fstat fails (2^31 − 1, above any fd the kernel hands out: `fd` itself, closed, may
    // already be another open file's number when this file shares its process with others, test/run.ts batches)
    assert.throws(() => addon.sha256Fd(2147483647, 10), /sha256Fd: Bad file descriptor/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sha256Fd: the same file unchanged is answered by the first request; an edited file is hashed again', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shub-filehash-'));
  try {
    const file = path.join(dir, 'b.bin');
    const first = bytes(300_000, 11);
    writeFileSync(file, first);
    // a whole second: set again exactly below
    const when = 1_700_000_000;
    utimesSync(file, when, when);
    const hashOf = async (): Promise<string> => {
      const fd = openSync(file, 'r');
      try {
        return await addon.sha256Fd(fd, first.length);
      } finally {
        closeSync(fd);
      }
    };
    // two at once: one hash, two answers
    const [a, b] = await Promise.all([hashOf(), hashOf()]);
    assert.equal(a, sha(first));
    assert.equal(b, sha(first));
    // new bytes of the same size with the old modification time put back: the same identity, so the first hash
    // answers (what the table promises, and its limit)
    const second = bytes(300_000, 12);
    writeFileSync(file, second);
    utimesSync(file, when, when);
    assert.equal(statSync(file).mtimeMs, when * 1000);
    assert.equal(await hashOf(), sha(first));
    // a later modification time: hashed again
    utimesSync(file, when, when + 5);
    assert.equal(await hashOf(), sha(second));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
