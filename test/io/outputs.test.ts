/**
 * What `-o` names (issue 17 point 4, src/io/outputs.ts): the extension picks the format, a conflict
 * with --format is a usage error, `-` is stdout for one WAV/FLAC output, an existing directory or a
 * trailing `/` is a folder, and a name without an extension is a file when the run writes one output.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/cli.js';
import { UsageError } from '../../src/errors.js';
import {
  formatNamedByOutput,
  resolveAudioOutput,
  StdoutAudio,
  writeReport,
  type AudioOutputRules,
} from '../../src/io/outputs.js';

const { dir, cleanup } = tempDir('shub-outputs-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const one: AudioOutputRules = { count: 1, defaultFormat: 'wav', command: 'test' };

test('the extension picks the format of a single output', () => {
  const cases: [string, string][] = [
    ['x.wav', 'wav'],
    ['x.WAV', 'wav'],
    ['x.flac', 'flac'],
    ['x.mp3', 'mp3'],
    ['x.m4a', 'aac'],
    ['x.opus', 'opus'],
    ['x.ogg', 'opus'],
  ];
  for (const [name, format] of cases)
    assert.deepEqual(resolveAudioOutput(f(name), one), { kind: 'file', path: f(name), format }, name);
  // what a worker calling the command function gets for the same names
  assert.equal(formatNamedByOutput(f('x.flac'), 1), 'flac');
  assert.equal(formatNamedByOutput(f('x.flac'), 2), undefined);
});

test('an extension that disagrees with --format is a usage error naming both', () => {
  assert.throws(
    () => resolveAudioOutput(f('one.mp3'), { ...one, formatFlag: 'wav' }),
    (e: Error) => e instanceof UsageError && /one\.mp3/.test(e.message) && /--format is wav/.test(e.message),
  );
  // agreeing is fine
  assert.equal(resolveAudioOutput(f('one.flac'), { ...one, formatFlag: 'flac' }).kind, 'file');
});

test('an unknown extension, or a format the command does not write, is a usage error', () => {
  assert.throws(() => resolveAudioOutput(f('mix.xyz'), one), /\.xyz names no audio format/);
  assert.throws(
    () => resolveAudioOutput(f('take.flac'), { ...one, supported: ['wav'] }),
    (e: Error) => e instanceof UsageError && /test writes WAV/.test(e.message),
  );
});

test('a name without an extension is a file for one output (format from --format, else the default)', () => {
  assert.deepEqual(resolveAudioOutput(f('out_noext'), one), { kind: 'file', path: f('out_noext'), format: 'wav' });
  assert.deepEqual(resolveAudioOutput(f('out_noext'), { ...one, formatFlag: 'flac' }), {
    kind: 'file',
    path: f('out_noext'),
    format: 'flac',
  });
  // and a folder when the run writes several
  assert.equal(resolveAudioOutput(f('out_noext'), { ...one, count: 3 }).kind, 'folder');
});

test('an existing directory or a trailing slash is a folder, whatever it is called', () => {
  mkdirSync(f('looks.wav'));
  assert.equal(resolveAudioOutput(f('looks.wav'), one).kind, 'folder');
  assert.equal(resolveAudioOutput(`${f('new.flac')}/`, one).kind, 'folder');
  assert.equal(resolveAudioOutput(`${f('masters')}/`, { ...one, count: 4 }).kind, 'folder');
  // a file name for several outputs is refused rather than guessed
  assert.throws(() => resolveAudioOutput(f('all.wav'), { ...one, count: 2 }), /writes 2; give a folder/);
});

test('- is stdout for one WAV or FLAC output only', () => {
  assert.deepEqual(resolveAudioOutput('-', one), { kind: 'stdout', format: 'wav' });
  assert.deepEqual(resolveAudioOutput('-', { ...one, formatFlag: 'flac' }), { kind: 'stdout', format: 'flac' });
  assert.throws(() => resolveAudioOutput('-', { ...one, count: 2 }), /sends one audio file to stdout/);
  assert.throws(() => resolveAudioOutput('-', { ...one, formatFlag: 'mp3' }), /streams WAV or FLAC/);
});

test('StdoutAudio sends the finished file byte for byte and leaves no temporary behind', async () => {
  const audio = await StdoutAudio.create('wav');
  const bytes = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 251));
  writeFileSync(audio.path, bytes);
  const chunks: Buffer[] = [];
  await audio.send({ write: (c) => chunks.push(Buffer.from(c)) });
  assert.ok(Buffer.concat(chunks).equals(bytes));
  assert.deepEqual(audio.shown({ file: audio.path, outputs: [{ file: audio.path }] }), {
    file: '-',
    outputs: [{ file: '-' }],
  });
  await audio.dispose();
  assert.equal(existsSync(path.dirname(audio.path)), false);
});

test('writeReport: - writes to the sink, a path is written as a file', async () => {
  const out: string[] = [];
  await writeReport('-', '<xml/>', { write: (c) => out.push(String(c)) });
  assert.deepEqual(out, ['<xml/>']);
  assert.equal(existsSync(path.join(process.cwd(), '-')), false);
  await writeReport(f('reports/r.xml'), '<xml/>', { write: () => assert.fail('nothing on stdout') });
  assert.equal(readFileSync(f('reports/r.xml'), 'utf8'), '<xml/>');
});
