/**
 * What file arguments name (issue 17 point 5, src/io/inputs.ts): `-` reads paths from stdin (lines,
 * or NUL-separated with -0), folders give their audio files with --recursive, quoted globs are
 * expanded by shub; order follows the arguments, each expansion sorted.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { UsageError } from '../../src/errors.js';
import { expandGlob, expandInputs, segmentPattern, splitPathList } from '../../src/io/inputs.js';

const { dir, cleanup } = tempDir('shub-inputs-');
after(cleanup);
const touch = (...names: string[]) => {
  for (const n of names) {
    mkdirSync(path.dirname(path.join(dir, n)), { recursive: true });
    writeFileSync(path.join(dir, n), '');
  }
};
touch('album/02.wav', 'album/01.wav', 'album/notes.txt', 'album/cd2/01.flac', 'album/.hidden.wav');
touch('b.WAV', 'a[1].wav');

test('a folder needs --recursive, then gives its audio files sorted, hidden and non-audio ones left out', async () => {
  // without it the folder stays an argument (reading it is that input's error)
  assert.deepEqual(await expandInputs(['album'], { cwd: dir }), ['album']);
  touch('empty/notes.txt');
  await assert.rejects(
    expandInputs(['empty'], { cwd: dir, recursive: true }),
    (e: Error) => e instanceof UsageError && /empty holds no audio files/.test(e.message),
  );
  assert.deepEqual(await expandInputs(['album'], { cwd: dir, recursive: true }), [
    'album/01.wav',
    'album/02.wav',
    'album/cd2/01.flac',
  ]);
});

test('globs are expanded inside shub: *, ?, [..], ** and case as written', async () => {
  assert.deepEqual(await expandInputs(['album/*.wav'], { cwd: dir }), ['album/01.wav', 'album/02.wav']);
  assert.deepEqual(await expandInputs(['album/0?.wav'], { cwd: dir }), ['album/01.wav', 'album/02.wav']);
  assert.deepEqual(await expandInputs(['album/0[!1].wav'], { cwd: dir }), ['album/02.wav']);
  assert.deepEqual(expandGlob('album/**/01.*', dir), ['album/01.wav', 'album/cd2/01.flac']);
  assert.deepEqual(expandGlob(`${dir}/*.WAV`, '/'), [path.join(dir, 'b.WAV')]);
  assert.ok(segmentPattern('*.wav').test('x.wav') && !segmentPattern('*.wav').test('x.wave'));
  // an existing file whose name holds glob characters is that file; a pattern matching nothing stays as given
  assert.deepEqual(await expandInputs(['a[1].wav', 'none/*.wav'], { cwd: dir }), ['a[1].wav', 'none/*.wav']);
});

test('- reads paths from stdin: lines (CRLF too) or NUL-separated with -0, in place among the arguments', async () => {
  const stdin = (text: string) => async () => text;
  assert.deepEqual(
    await expandInputs(['b.WAV', '-', 'album/*.wav'], { cwd: dir, readStdin: stdin('x.wav\r\ny.wav\n\n') }),
    ['b.WAV', 'x.wav', 'y.wav', 'album/01.wav', 'album/02.wav'],
  );
  const odd = 'new\nline.wav';
  assert.deepEqual(await expandInputs(['-'], { cwd: dir, nul: true, readStdin: stdin(`${odd}\0plain.wav\0`) }), [
    odd,
    'plain.wav',
  ]);
  assert.deepEqual(splitPathList('a\nb', false), ['a', 'b']);
  await assert.rejects(expandInputs(['-', '-'], { cwd: dir, readStdin: stdin('a.wav') }), /only once/);
  await assert.rejects(expandInputs(['-'], { cwd: dir, readStdin: stdin('') }), /held none/);
});
