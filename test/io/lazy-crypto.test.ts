/** node:crypto on demand and random bytes from the kernel (src/io/lazy-crypto.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeCrypto, randomBytes } from '../../src/io/lazy-crypto.js';
import { writeWav } from '../../fixtures/signals.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

test('randomBytes: n bytes, spread over all 256 values, never the same twice', () => {
  assert.equal(randomBytes(0).length, 0);
  assert.equal(randomBytes(5).length, 5);
  const n = 1 << 16;
  const b = randomBytes(n);
  assert.equal(b.length, n);
  const counts = new Array<number>(256).fill(0);
  for (const x of b) counts[x]!++;
  // 256 expected per value; a uniform source stays within ± 30 % (≈ 4.8 standard deviations) of it
  for (let v = 0; v < 256; v++) assert.ok(counts[v]! > 179 && counts[v]! < 333, `value ${v}: ${counts[v]} times`);
  // chi-square with 255 degrees of freedom: 255 ± 22.6; 400 is beyond the 1e-9 tail
  const chi = counts.reduce((s, c) => s + (c - 256) ** 2 / 256, 0);
  assert.ok(chi < 400, `chi-square ${chi.toFixed(1)}`);
  assert.notDeepEqual(randomBytes(16), randomBytes(16));
});

test('nodeCrypto is node:crypto', async () => {
  assert.equal(nodeCrypto(), await import('node:crypto').then((m) => m.default));
  assert.equal(
    nodeCrypto().createHash('sha256').update('abc').digest('hex'),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});

test('a one-file analyze of a WAV loads neither node:crypto nor node:child_process', () => {
  // the built-ins a run loaded, printed at its exit (exitNow runs the exit handlers first) by a preloaded probe
  const probe = "process.on('exit', () => process.stderr.write('\\nLOADED ' + process.moduleLoadList.join(',')))";
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-lazy-'));
  try {
    const pre = path.join(dir, 'probe.cjs');
    writeFileSync(pre, probe);
    const wav = path.join(dir, 'a.wav');
    writeWav(
      wav,
      [Float64Array.from({ length: 48000 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 440 * i) / 48000))],
      48000,
    );
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'shub.js'), 'analyze', wav, '--json', '--no-store'], {
      env: { ...process.env, NODE_OPTIONS: `--require ${pre}` },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    // the input's hash (the addon's, beside): the file's sha256 all the same
    assert.equal(JSON.parse(r.stdout).sha256, createHash('sha256').update(readFileSync(wav)).digest('hex'));
    const loaded = /LOADED (.*)$/.exec(r.stderr)![1]!.split(',');
    assert.ok(loaded.includes('NativeModule fs/promises'), 'the probe saw the run');
    // (net is loaded here anyway: this test reads the run's stderr through a pipe, a socket to Node)
    for (const m of ['NativeModule crypto', 'NativeModule child_process', 'NativeModule dgram'])
      assert.ok(!loaded.includes(m), `${m} was loaded`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
