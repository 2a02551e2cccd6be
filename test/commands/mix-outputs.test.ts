/**
 * `shub mix` and `shub render` -o (issue 17 point 4): `-o -` streams the mix to stdout, byte for
 * byte the file `-o mix.wav` writes, with the result on stderr and no file named `-`; `-o mix.flac`
 * is FLAC (24-bit, through ffmpeg) measuring what the WAV measures; a folder gets <recipe>.wav.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ndjson, shub, shubBytes, tempDir } from '../helpers/cli.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';

const { dir, cleanup } = tempDir('shub-mix-outputs-');
after(cleanup);
const f = (name: string) => path.join(dir, name);

function lufsOf(file: string): { lufs: number; codec: string; bitDepth: number | null } {
  const r = shub(['analyze', file, '--features', 'levels', '--json', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [l] = ndjson<{ levels: { integratedLufs: number }; format: { codec: string; bitDepth: number } }>(r.stdout);
  return { lufs: l!.levels.integratedLufs, codec: l!.format.codec, bitDepth: l!.format.bitDepth };
}

before(() => {
  // a mono 1 kHz sine at -12 dBFS panned centre: constant-power law puts -15.01 dBFS on each side,
  // which is -15.01 LUFS for a stereo 1 kHz sine (EBU Tech 3341 case 1 scaled)
  writeWav(f('tone.wav'), sineSegments(48000, 1, [{ seconds: 4, dbfs: -12 }]), 48000, 'f32');
  writeFileSync(
    f('song.yaml'),
    'sampleRate: 48000\ntracks:\n  - name: Tone\n    file: tone.wav\n    role: keys\n    gainDb: 0\n    pan: 0\n',
  );
});

test('mix -o - streams the same bytes -o mix.wav writes; result on stderr; no file named -', () => {
  const ref = shub(['mix', 'song.yaml', '-o', 'mix.wav', '--no-store'], dir);
  assert.equal(ref.code, 0, ref.stderr);
  const r = shubBytes(['mix', 'song.yaml', '-o', '-', '--json', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(f('-')), false);
  assert.ok(r.stdout.equals(readFileSync(f('mix.wav'))), 'stdout is the WAV file');
  const result = ndjson<{ output: string; levels: { integratedLufs: number } }>(r.stderr)[0]!;
  assert.equal(result.output, '-');
  assert.ok(Math.abs(result.levels.integratedLufs - -15.01) <= 0.05, `${result.levels.integratedLufs}`);
});

test('mix -o mix.flac writes 24-bit FLAC that measures what the WAV measures', () => {
  const r = shub(['mix', 'song.yaml', '-o', 'mix.flac', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(f('mix.flac')).subarray(0, 4).toString('latin1'), 'fLaC');
  const m = lufsOf('mix.flac');
  assert.equal(m.codec, 'flac');
  assert.equal(m.bitDepth, 24);
  assert.ok(Math.abs(m.lufs - -15.01) <= 0.05, `${m.lufs}`);
});

test('mix -o out/ writes out/song.wav; -o mix.xyz is a usage error', () => {
  const r = shub(['mix', 'song.yaml', '-o', 'out/', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readFileSync(f('out/song.wav')).subarray(0, 4).toString('latin1'), 'RIFF');
  const bad = shub(['mix', 'song.yaml', '-o', 'mix.xyz', '--no-store'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /\.xyz names no audio format/);
  assert.equal(existsSync(f('mix.xyz')), false);
});

test('render -o - streams the render to stdout', () => {
  const r = shubBytes(['render', 'song.yaml', '-o', '-', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(f('-')), false);
  assert.ok(r.stdout.equals(readFileSync(f('mix.wav'))), 'the render is the mix');
  assert.match(r.stderr, /^- {2}4\.00 s {2}48000 Hz/m);
});
