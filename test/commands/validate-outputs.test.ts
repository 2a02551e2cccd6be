/**
 * `shub validate` outputs (issue 17 points 4 and 5): `--junit -` writes the JUnit XML to stdout
 * (verdicts to stderr, no file named `-`), and the text verdict shows the measured value of
 * passing checks too.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { shub, tempDir } from '../helpers/cli.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';

const { dir, cleanup } = tempDir('shub-validate-outputs-');
after(cleanup);

before(() => {
  // stereo 1 kHz sine, -20 dBFS peak: -20.0 LUFS, true peak -20.0 dBTP, 48 kHz 24-bit
  writeWav(path.join(dir, 'tone.wav'), sineSegments(48000, 2, [{ seconds: 5, dbfs: -20 }]), 48000);
});

test('--junit - writes the JUnit report to stdout and the verdicts to stderr', () => {
  const r = shub(['validate', 'tone.wav', '-p', 'spotify', '--junit', '-', '--no-store'], dir);
  assert.equal(r.code, 1, r.stderr); // -20 LUFS is outside spotify's -14 ± 1
  assert.equal(existsSync(path.join(dir, '-')), false);
  assert.match(r.stdout, /^<\?xml version="1\.0"/);
  assert.match(r.stdout, /<testsuite name="spotify" tests="\d+" failures="1"/);
  assert.doesNotMatch(r.stdout, /FAIL/);
  assert.match(r.stderr, /spotify\s+FAIL/);
});

test('passing checks show what they measured', () => {
  const r = shub(['validate', 'tone.wav', '-p', 'ebu-r128', '--no-store'], dir);
  const lines = r.stdout.split('\n');
  const tp = lines.find((l) => /✓ true-peak/.test(l));
  assert.ok(tp, r.stdout);
  const dbtp = Number(/(-?\d+\.\d+) dBTP/.exec(tp!)![1]);
  assert.ok(Math.abs(dbtp - -20) <= 0.05, tp);
  assert.match(r.stdout, /✓ sample-rate: 48000 Hz/);
  assert.match(r.stdout, /✗ integrated-loudness: -20\.0 LUFS/);
});
