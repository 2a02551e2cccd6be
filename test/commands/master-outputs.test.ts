/**
 * `shub master -o` means what it says (issue 17 point 4): the extension picks the format, a
 * conflict with --format is a usage error, `-` sends the one master to stdout (results to stderr),
 * a name without an extension is a file; each master measured on target after it was written.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ndjson, shub, shubBytes, tempDir } from '../helpers/cli.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';

const { dir, cleanup } = tempDir('shub-master-outputs-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const opts = ['--no-store', '--style', 'transparent'];

/** Integrated loudness and codec of a file, measured by `shub analyze` (ffmpeg decodes FLAC). */
function measure(file: string): { lufs: number; codec: string; bitDepth: number | null } {
  const r = shub(['analyze', file, '--features', 'levels', '--json', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [line] = ndjson<{ levels: { integratedLufs: number }; format: { codec: string; bitDepth: number } }>(r.stdout);
  return { lufs: line!.levels.integratedLufs, codec: line!.format.codec, bitDepth: line!.format.bitDepth };
}

before(() => {
  // a stereo 1 kHz sine at -20 dBFS, 6 s: -20.0 LUFS (EBU Tech 3341 case 1 scaled)
  writeWav(f('mix.wav'), sineSegments(44100, 2, [{ seconds: 6, dbfs: -20 }]), 44100);
});

test('-o one.flac writes FLAC (the extension picks the format), on the target loudness', () => {
  const r = shub(['master', 'mix.wav', '-t', 'spotify', '-o', 'one.flac', ...opts], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(f('one.flac')).subarray(0, 4).toString('latin1'), 'fLaC');
  const m = measure('one.flac');
  assert.equal(m.codec, 'flac');
  assert.ok(Math.abs(m.lufs - -14) <= 0.5, `spotify master at ${m.lufs} LUFS`);
});

test('-o one.mp3 --format wav is a usage error that writes nothing', () => {
  const r = shub(['master', 'mix.wav', '-t', 'spotify', '-o', 'one.mp3', '--format', 'wav', ...opts], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: -o one\.mp3 names MP3 but --format is wav/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.equal(existsSync(f('one.mp3')), false);
});

test('-o - streams the one master as WAV on stdout; the report goes to stderr; no file named -', () => {
  // a private TMPDIR: the temporary master must be gone afterwards
  mkdirSync(f('tmp'));
  const r = shubBytes(['master', 'mix.wav', '-t', 'spotify', '-o', '-', '--json', ...opts], dir, '', {
    TMPDIR: f('tmp'),
  });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(f('-')), false);
  assert.equal(r.stdout.subarray(0, 4).toString('latin1'), 'RIFF');
  assert.equal(r.stdout.subarray(8, 12).toString('latin1'), 'WAVE');
  writeFileSync(f('streamed.wav'), r.stdout);
  const m = measure('streamed.wav');
  assert.ok(Math.abs(m.lufs - -14) <= 0.5, `streamed master at ${m.lufs} LUFS`);
  // the JSON report is on stderr, its output named '-' (not a temporary path)
  const report = ndjson<{ outputs: { file: string; compliant: boolean }[]; runId: string; shubVersion: string }>(
    r.stderr,
  )[0]!;
  assert.deepEqual(
    report.outputs.map((o) => [o.file, o.compliant]),
    [['-', true]],
  );
  assert.ok(report.runId && report.shubVersion);
  assert.deepEqual(readdirSync(f('tmp')), []);
});

test('-o - with FLAC streams FLAC; with two targets it is refused before any work', () => {
  const r = shubBytes(['master', 'mix.wav', '-t', 'spotify', '-o', '-', '--format', 'flac', ...opts], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.subarray(0, 4).toString('latin1'), 'fLaC');
  const two = shubBytes(['master', 'mix.wav', '-t', 'spotify,cd', '-o', '-', ...opts], dir);
  assert.equal(two.code, 2);
  assert.equal(two.stdout.length, 0);
  assert.match(two.stderr, /sends one audio file to stdout, but this master run writes 2/);
});

test('-o out_noext with one target is a WAV file, not a folder; a trailing / is a folder', () => {
  const r = shub(['master', 'mix.wav', '-t', 'spotify', '-o', 'out_noext', ...opts], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(statSync(f('out_noext')).isFile());
  assert.equal(readFileSync(f('out_noext')).subarray(0, 4).toString('latin1'), 'RIFF');
  const d = shub(['master', 'mix.wav', '-t', 'spotify', '-o', 'masters/', ...opts], dir);
  assert.equal(d.code, 0, d.stderr);
  assert.ok(statSync(f('masters/mix.spotify.wav')).isFile());
});
