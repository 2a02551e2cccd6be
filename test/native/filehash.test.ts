/**
 * native/src/filehash.cc: fileSha256 gives node:crypto's digest of a file's first bytes (read on the libuv pool),
 * rejects a file shorter than asked and a bad descriptor, and with afterFinishes starts once the feature extractors'
 * finishAsync calls are done (native/src/finishgate.h) — it must never wait for ever.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { native } from '../../src/native.js';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { noiseSource } from '../../fixtures/signals.js';

test('fileSha256 equals node:crypto over sizes around its 1 MiB reads; short files and bad fds rejected', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-filehash-'));
  try {
    const noise = noiseSource(0x5ea24);
    for (const size of [0, 1, 63, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = Math.floor(noise() * 256);
      const file = path.join(dir, `f${size}`);
      writeFileSync(file, bytes);
      const fd = openSync(file, 'r');
      try {
        assert.equal(await native().fileSha256(fd, size), createHash('sha256').update(bytes).digest('hex'), `${size}`);
        // the first bytes only
        const part = Math.floor(size / 2);
        assert.equal(
          await native().fileSha256(fd, part, true),
          createHash('sha256').update(bytes.subarray(0, part)).digest('hex'),
          `${size} first ${part}`,
        );
        await assert.rejects(native().fileSha256(fd, size + 1), /fileSha256: the file ended early/);
      } finally {
        closeSync(fd);
      }
    }
    await assert.rejects(native().fileSha256(-1, 3), RangeError);
    await assert.rejects(native().fileSha256(1.5, 3), RangeError);
    await assert.rejects(native().fileSha256(0, -1), RangeError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fileSha256 after the finishes: it settles beside an extractor finishing and after it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-filehash-'));
  try {
    const bytes = Buffer.alloc(4 << 20, 7);
    const file = path.join(dir, 'f');
    writeFileSync(file, bytes);
    const want = createHash('sha256').update(bytes).digest('hex');
    const fd = openSync(file, 'r');
    try {
      const fs = 48000;
      const noise = noiseSource(24);
      const x = Float32Array.from(
        { length: 20 * fs },
        (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / fs) + 0.01 * noise(),
      );
      const fx = createFeatureExtractor({ sampleRate: fs, channels: 1 }, { spectrum: true, pitch: true });
      fx.addFloat(x);
      let decoded = false;
      const finished = fx.finishAsync().then((r) => {
        decoded = true;
        return r;
      });
      const hashed = native()
        .fileSha256(fd, bytes.length, true)
        .then((h) => ({ h, afterDecode: decoded }));
      const [report, { h }] = await Promise.all([finished, hashed]);
      assert.equal(h, want);
      assert.ok(report.pitchHz.length > 0);
      // nothing finishing: at once
      assert.equal(await native().fileSha256(fd, bytes.length, true), want);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
