/**
 * Lines a script can rely on (issue 17 point 5), end to end: file arguments from stdin (`-`, `-0`),
 * folders with --recursive and quoted globs; with --json one line per input in input order, an
 * unreadable input included, each with runId and shubVersion; --quiet prints nothing but errors.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ndjson, shubBytes, tempDir } from '../helpers/cli.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';

const { dir, cleanup } = tempDir('shub-analyze-outputs-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const levels = ['--features', 'levels', '--no-store'];
const ODD = 'odd\nname.wav';

interface Line {
  file: string;
  levels?: { integratedLufs: number };
  error?: { code: string; message: string };
  runId: string;
  shubVersion: string;
}

before(() => {
  mkdirSync(f('album/cd2'), { recursive: true });
  // stereo 1 kHz sines: the integrated loudness equals the peak level in dBFS (EBU Tech 3341 case 1)
  writeWav(f('album/01.wav'), sineSegments(48000, 2, [{ seconds: 3, dbfs: -20 }]), 48000);
  writeWav(f('album/02.wav'), sineSegments(48000, 2, [{ seconds: 3, dbfs: -26 }]), 48000);
  writeWav(f('album/cd2/01.wav'), sineSegments(48000, 2, [{ seconds: 3, dbfs: -30 }]), 48000);
  writeWav(f(ODD), sineSegments(48000, 2, [{ seconds: 3, dbfs: -18 }]), 48000);
  writeFileSync(f('album/notes.txt'), 'not audio');
  writeFileSync(f('broken.wav'), 'RIFF but not really');
});

const analyze = (args: string[], input = '') => {
  const r = shubBytes(['analyze', ...args, ...levels, '--json'], dir, input);
  return { ...r, lines: ndjson<Line>(r.stdout.toString('utf8')) };
};
const lufs = (l: Line) => Math.round(l.levels!.integratedLufs);

test('- reads paths from stdin; an unreadable one keeps its line, in order, with runId and shubVersion', () => {
  const r = analyze(['-'], 'album/01.wav\nbroken.wav\nmissing.wav\nalbum/02.wav\n');
  assert.equal(r.code, 3, r.stderr);
  assert.deepEqual(
    r.lines.map((l) => l.file),
    ['album/01.wav', 'broken.wav', 'missing.wav', 'album/02.wav'],
  );
  assert.deepEqual(
    r.lines.map((l) => (l.error ? l.error.code : lufs(l))),
    [-20, 'unreadable-input', 'unreadable-input', -26],
  );
  assert.ok(r.lines.every((l) => l.error === undefined || l.error.message.length > 0));
  assert.equal(new Set(r.lines.map((l) => l.runId)).size, 1);
  assert.ok(r.lines.every((l) => /^[0-9a-f-]{36}$/.test(l.runId) && /^\d+\.\d+\.\d+/.test(l.shubVersion)));
});

test('-0 reads NUL-separated paths (a name holding a newline stays one path)', () => {
  const r = analyze(['-', '-0'], `${ODD}\0album/02.wav\0`);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    r.lines.map((l) => [l.file, lufs(l)]),
    [
      [ODD, -18],
      ['album/02.wav', -26],
    ],
  );
});

test('a folder with --recursive gives its audio files in sorted order; without it, a usage error', () => {
  const r = analyze(['album', '--recursive']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    r.lines.map((l) => [l.file, lufs(l)]),
    [
      ['album/01.wav', -20],
      ['album/02.wav', -26],
      ['album/cd2/01.wav', -30],
    ],
  );
  // without --recursive the folder is an input that cannot be read: its own line, exit 3
  const bare = analyze(['album', 'album/01.wav']);
  assert.equal(bare.code, 3);
  assert.deepEqual(
    bare.lines.map((l) => [l.file, l.error?.code ?? lufs(l)]),
    [
      ['album', 'unreadable-input'],
      ['album/01.wav', -20],
    ],
  );
  assert.match(bare.stderr, /album: is a directory, not an audio file; pass --recursive/);
});

test('a quoted glob is expanded by shub', () => {
  const r = analyze(['album/*.wav', 'album/**/01.wav']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    r.lines.map((l) => l.file),
    ['album/01.wav', 'album/02.wav', 'album/01.wav', 'album/cd2/01.wav'],
  );
});

test('--quiet prints nothing but errors', () => {
  const ok = shubBytes(['analyze', 'album/01.wav', ...levels, '--quiet'], dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout.length, 0);
  assert.equal(ok.stderr, '');
  const bad = shubBytes(['analyze', 'album/01.wav', 'broken.wav', ...levels, '--json', '-q'], dir);
  assert.equal(bad.code, 3);
  assert.equal(bad.stdout.length, 0);
  assert.match(bad.stderr, /^error: broken\.wav: /);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
});
