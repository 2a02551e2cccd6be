/**
 * Damaged input gets one verdict, the same in every command (issue 18 points 3, 4, 17): a file that
 * yields no audio or far less than it declares is exit 3 saying how much was read; a small shortfall,
 * hot float samples or a streamed WAV header are a warning; NaN/Inf or absurd float samples never
 * reach the DSP (exit 3, never 5); a broken ffmpeg or too few file descriptors are the environment's
 * fault (exit 4), not the input's.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import { openAudio } from '../../src/io/audio.js';
import { wavHeader } from '../../src/io/wav.js';
import { judgeLength, READ_LIMITS, SampleCheck } from '../../src/io/verdict.js';
import { InputError } from '../../src/errors.js';
import { mulberry32 } from '../../src/engines/random.js';
import { lavfiSine } from '../../fixtures/damaged.js';
import { shub, ndjson, tempDir, SHUB } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-damaged-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const ffmpeg = resolveFfmpeg().path;

/** `seconds` of a 440 Hz stereo sine at 48 kHz, encoded by the bundled ffmpeg (format from the extension). */
const encode = (file: string, seconds: number) => void lavfiSine(f(file), { seconds, hz: 440 });

/** A stereo 48 kHz float WAV of a 1 kHz sine at 0.1 × `scale` (so -20 dBFS × scale), `seconds` long. */
function floatWav(file: string, scale: number, seconds = 2): void {
  const frames = 48000 * seconds;
  const data = Buffer.alloc(frames * 8);
  for (let i = 0; i < frames; i++) {
    const v = 0.1 * scale * Math.sin((2 * Math.PI * 1000 * i) / 48000);
    data.writeFloatLE(v, 8 * i);
    data.writeFloatLE(v, 8 * i + 4);
  }
  writeFileSync(
    f(file),
    Buffer.concat([wavHeader({ sampleRate: 48000, channels: 2, format: 'f32', dataBytes: data.length }), data]),
  );
}

/** A one-track mix recipe over `file`. */
function recipe(name: string, file: string): string {
  writeFileSync(f(name), `sampleRate: 48000\ntracks:\n  - name: T\n    file: ${file}\n`);
  return name;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The four ways a file is read; each must give `file` the same verdict. */
function everyCommand(file: string): [string, string[]][] {
  return [
    ['analyze', ['analyze', file, '--features', 'levels']],
    ['validate', ['validate', file, '-p', 'spotify']],
    ['master', ['master', file, '-t', 'spotify', '-o', `m-${file}/`, '-y']],
    ['mix', ['mix', recipe(`${file}.yaml`, file), '-o', `mix-${file}.wav`, '-y']],
  ];
}

/** Exit 3 in every command, one line naming the file and matching `why`. */
function refusedEverywhere(file: string, why: RegExp): void {
  for (const [name, args] of everyCommand(file)) {
    const r = shub(args, dir);
    assert.equal(r.code, 3, `${name} ${file}: exit ${r.code}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${name} ${file}: ${r.stderr}`);
    assert.match(lines[0]!, new RegExp(`^error: .*${esc(file)}: `), name);
    assert.match(lines[0]!, why, `${name} ${file}`);
  }
}

encode('ok.flac', 2);
encode('ok.aiff', 2);
encode('ok.mp3', 2);
encode('ok.wav', 2);

test('a truncated AIFF (1,236 of 96,000 frames) is exit 3 in every command, saying how much was read', () => {
  writeFileSync(f('cut.aiff'), readFileSync(f('ok.aiff')).subarray(0, 5000));
  refusedEverywhere('cut.aiff', /only 0\.03 s of the 2\.00 s its header declares could be read \(1\.2 %/);
});

test('an MP3 whose frames give way to zeros is exit 3 in every command', () => {
  const mp3 = readFileSync(f('ok.mp3'));
  writeFileSync(f('zeros.mp3'), Buffer.concat([mp3.subarray(0, 4000), Buffer.alloc(mp3.length - 4000)]));
  refusedEverywhere('zeros.mp3', /only 0\.2\d s of the 2\.04 s its header declares could be read/);
});

test('a FLAC whose frames are garbage is exit 3 in every command (mix no longer renders silence)', () => {
  const flac = readFileSync(f('ok.flac'));
  const random = mulberry32(7);
  const noise = Buffer.alloc(flac.length - 8192).map(() => Math.floor(random() * 256));
  writeFileSync(f('garbage.flac'), Buffer.concat([flac.subarray(0, 8192), noise]));
  refusedEverywhere('garbage.flac', /(no audio could be read|only .* could be read)/);
});

test('a good FLAC stem is mixed with its sound (its decoded output was lost when read after opening)', () => {
  const r = shub(['mix', recipe('good.yaml', 'ok.flac'), '-o', 'good-mix.wav', '-y', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [row] = ndjson<{ levels: { samplePeakDbfs: number | null } }>(r.stdout);
  // lavfi's sine is at 1/8 of full scale (-18.06 dBFS), through the centre pan (-3.01 dB); silence was null
  assert.ok(Math.abs(row!.levels.samplePeakDbfs! - -21.07) < 0.1, `peak ${row!.levels.samplePeakDbfs}`);
});

test('ffmpeg output is all there when the first read comes late (a stem read after others opened)', async () => {
  const source = await openAudio(f('ok.flac'), { ffmpeg: resolveFfmpeg() });
  await new Promise((resolve) => setTimeout(resolve, 500));
  let frames = 0;
  try {
    for (let b = await source.read(); b; b = await source.read()) frames += b.frames;
  } finally {
    await source.close();
  }
  assert.equal(frames, 96000);
});

test('a FLAC with a few damaged bytes mid-file: exit 0 with one warning in every command, naming the errors', () => {
  const flac = Buffer.from(readFileSync(f('ok.flac')));
  for (let i = 20000; i < 20300; i++) flac[i]! ^= 0x5a;
  writeFileSync(f('glitch.flac'), flac);
  for (const [name, args] of everyCommand('glitch.flac')) {
    const r = shub(args, dir);
    assert.equal(r.code, name === 'validate' ? 1 : 0, `${name}: ${r.stderr}`); // the sine is too quiet for spotify
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    assert.equal(warnings.length, 1, `${name}: ${r.stderr}`);
    assert.match(
      warnings[0]!,
      /glitch\.flac: ffmpeg reported \d+ decoding errors? \(.+\) while reading 1\.\d\d s of 2\.00 s/,
    );
  }
});

test('a WAV cut short is read to its end with a warning saying how much; with no audio left it is exit 3', () => {
  const wav = readFileSync(f('ok.wav'));
  writeFileSync(f('short5.wav'), wav.subarray(0, wav.length - 19200));
  const r = shub(['analyze', 'short5.wav', '--json', '--features', 'levels'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /^warning: short5\.wav: read 1\.90 s of the 2\.00 s its WAV header declares \(364\d+ of 384000 bytes/,
  );
  assert.equal(ndjson<{ format: { frames: number } }>(r.stdout)[0]!.format.frames, 91200);
  const m = shub(['master', 'short5.wav', '-t', 'spotify', '-o', 'm-short5/', '-y'], dir);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stderr, /warning: short5\.wav: read 1\.90 s of the 2\.00 s/);
  // cut in half: still read up to its end (as ffmpeg, sox and loudgain read it), the warning says how much
  writeFileSync(f('half.wav'), wav.subarray(0, wav.length / 2));
  const h = shub(['analyze', 'half.wav', '--json', '--features', 'levels'], dir);
  assert.equal(h.code, 0, h.stderr);
  assert.match(h.stderr, /^warning: half\.wav: read 1\.00 s of the 2\.00 s its WAV header declares/);
  // every whole frame that is there: the file's second half is gone, its header included in the first
  const frames = Math.floor((wav.length / 2 - (wav.indexOf('data') + 8)) / 4);
  assert.equal(ndjson<{ format: { frames: number } }>(h.stdout)[0]!.format.frames, frames);
  // 20 ms left: read, but too short for integrated loudness, so master cannot meet a target (1), not unreadable (3)
  writeFileSync(f('remnant.wav'), wav.subarray(0, wav.indexOf('data') + 8 + 4 * 960));
  const rm = shub(['master', 'remnant.wav', '-t', 'spotify', '--no-codec-check', '-o', 'm-remnant/'], dir);
  assert.equal(rm.code, 1, rm.stderr);
  assert.match(
    rm.stderr,
    /error: remnant\.wav: cannot meet a loudness target: 0\.02 s of audio is shorter than the 0\.4 s/,
  );
  assert.equal(existsSync(path.join(dir, 'm-remnant')), false);
  // the header and no audio at all: unreadable everywhere
  writeFileSync(f('header-only.wav'), wav.subarray(0, wav.indexOf('data') + 8));
  refusedEverywhere('header-only.wav', /declares 384000 bytes of audio but the file holds only 0 \(0\.00 s of 2\.00 s/);
  // the repair it suggests keeps the samples as they are (no conversion to ffmpeg's default 16-bit)
  assert.match(
    shub(['analyze', 'header-only.wav'], dir).stderr,
    /e\.g\. `ffmpeg -i header-only\.wav -c copy repaired\.wav`$/m,
  );
});

test('a WAV whose data size was never updated is read as declared, with a warning about the rest', () => {
  const wav = Buffer.from(readFileSync(f('ok.wav')));
  const at = wav.indexOf('data') + 4;
  wav.writeUInt32LE(wav.readUInt32LE(at) / 4, at);
  writeFileSync(f('stale.wav'), wav);
  const r = shub(['analyze', 'stale.wav', '--json', '--features', 'levels'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /^warning: stale\.wav: 288000 bytes after the audio are not a WAV chunk .*read only the 0\.50 s/,
  );
});

test('a WAV written to a pipe (data size -1) is read to its end with a warning', () => {
  const r = spawnSync(
    'sh',
    ['-c', `"${ffmpeg}" -v error -f lavfi -i sine=duration=1.5:sample_rate=48000 -f wav - | cat`],
    {
      maxBuffer: 1 << 24,
    },
  );
  writeFileSync(f('piped.wav'), r.stdout);
  assert.equal(r.stdout.readUInt32LE(r.stdout.indexOf('data') + 4), 0xffffffff);
  const a = shub(['analyze', 'piped.wav', '--json', '--features', 'levels'], dir);
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stderr, /warning: piped\.wav: the WAV header does not give the length of the audio/);
  assert.equal(ndjson<{ format: { frames: number } }>(a.stdout)[0]!.format.frames, 72000);
});

test('float samples at +40 dBFS: a warning with their count in analyze and master, both exit 0', () => {
  floatWav('hot.wav', 1000);
  const a = shub(['analyze', 'hot.wav', '--json', '--features', 'levels'], dir);
  assert.equal(a.code, 0, a.stderr);
  const warning = /^warning: hot\.wav: 168000 samples above \+24 dBFS \(peak \+40\.0 dBFS\)/m;
  assert.match(a.stderr, warning);
  const m = shub(['master', 'hot.wav', '-t', 'spotify', '-o', 'm-hot/', '-y'], dir);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stderr, warning);
  assert.equal(m.stderr.match(/samples above/g)!.length, 1, 'warned once although master reads it twice');
});

test('float samples ×1e30 (+580 dBFS) are exit 3 in every command, never 5', () => {
  floatWav('x1e30.wav', 1e30);
  refusedEverywhere('x1e30.wav', /contains 191998 samples above \+80 dBFS \(peak \+580\.0 dBFS, first at 0\.000 s\)/);
});

test('NaN/Inf float samples are exit 3 in every command, counted', () => {
  floatWav('nan.wav', 1);
  const wav = readFileSync(f('nan.wav'));
  const data = wav.indexOf('data') + 8;
  for (const frame of [48000, 48001, 90000]) wav.writeFloatLE(frame === 90000 ? Infinity : NaN, data + 8 * frame);
  writeFileSync(f('nan.wav'), wav);
  refusedEverywhere('nan.wav', /contains 3 NaN\/Inf samples \(first at 1\.000 s\)/);
});

test('the length verdict: thresholds declared once, codec slack, estimates from the bitrate', () => {
  const base = { file: 'a.mp3', sampleRate: 48000, slackFrames: READ_LIMITS.codecSlackFrames };
  assert.equal(READ_LIMITS.minReadFraction, 0.9);
  // encoder delay and padding: a few codec frames short is nothing
  assert.equal(judgeLength({ ...base, declaredFrames: 100_000, readFrames: 100_000 - 8192 }), null);
  // 95 % read: a warning that says how much
  assert.equal(
    judgeLength({ ...base, declaredFrames: 480_000, readFrames: 456_000 }),
    'a.mp3: read 9.50 s of the 10.0 s its header declares (95 %); the end is missing',
  );
  assert.throws(
    () => judgeLength({ ...base, declaredFrames: 480_000, readFrames: 240_000 }),
    (e: Error) => e instanceof InputError && /only 5\.00 s of the 10\.0 s/.test(e.message),
  );
  assert.throws(() => judgeLength({ ...base, declaredFrames: null, readFrames: 0 }), /no audio could be read/);
  // a length ffmpeg estimated from the bitrate is a guess: short alone is not damage, short with errors is
  assert.equal(judgeLength({ ...base, declaredFrames: 480_000, readFrames: 240_000, estimated: true }), null);
  assert.throws(() =>
    judgeLength({ ...base, declaredFrames: 480_000, readFrames: 240_000, estimated: true, complained: true }),
  );
  const check = new SampleCheck('x.wav', 48000, 2);
  check.scan(Buffer.from(new Float32Array([0.5, -0.5, 20, -20, NaN, 1e5]).buffer), 'f32');
  assert.deepEqual([check.hot, check.huge, check.nonFinite, check.firstBadFrame], [2, 1, 1, 2]);
});

test('SHUB_FFMPEG=/bin/false, a non-executable file or not-ffmpeg: exit 4 "does not work", not the input', () => {
  writeFileSync(f('not-exec'), '#!/bin/sh\nexit 0\n');
  chmodSync(f('not-exec'), 0o644);
  for (const [bin, why] of [
    ['/bin/false', /`-version` exited with code 1 and printed nothing/],
    [f('not-exec'), /cannot be executed \(EACCES\)/],
    ['/bin/echo', /it is not ffmpeg/],
  ] as const) {
    const r = shub(['analyze', 'ok.flac', '--features', 'levels'], dir, { SHUB_FFMPEG: bin });
    assert.equal(r.code, 4, `${bin}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^error: ffmpeg at '${esc(bin)}' \\(from SHUB_FFMPEG\\) does not work: `));
    assert.match(r.stderr, why);
    assert.doesNotMatch(r.stderr, /ok\.flac/);
  }
});

test('too many open files (EMFILE) while opening stems is exit 4, not an unreadable stem', () => {
  const stems = 300;
  const tiny = Buffer.concat([
    wavHeader({ sampleRate: 48000, channels: 2, format: 's16', dataBytes: 4800 * 4 }),
    Buffer.alloc(4800 * 4, 1),
  ]);
  const lines = ['sampleRate: 48000', 'tracks:'];
  for (let i = 0; i < stems; i++) {
    writeFileSync(f(`s${i}.wav`), tiny);
    lines.push(`  - { name: T${i}, file: s${i}.wav }`);
  }
  writeFileSync(f('many.yaml'), `${lines.join('\n')}\n`);
  const r = spawnSync('bash', ['-c', `ulimit -n 150; "${process.execPath}" "${SHUB}" mix many.yaml -o many.wav -y`], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 4, r.stderr);
  assert.match(r.stderr, /^error: opening .*s\d+\.wav failed \(EMFILE\): too many open files/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
