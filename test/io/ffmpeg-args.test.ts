/**
 * The ffmpeg command lines shub builds (encode, decode, probe) and how it reads ffmpeg's failures,
 * checked against a stand-in ffmpeg: a shell script that records its arguments and answers as told.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError, InputError } from '../../src/errors.js';
import {
  ffmpegFileUrl,
  ffmpegInputArgs,
  decodeWithFfmpeg,
  encodeFile,
  encodeWithFfmpeg,
  LOSSY_CHECK_CODECS,
  lossyEncoderArgs,
  probeWithFfmpeg,
  type FfmpegChoice,
} from '../../src/io/ffmpeg.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-ffargs-');
after(cleanup);

/** A fake ffmpeg: writes its arguments (one per line) to `log`, prints `stderr`, exits with `code`. */
function fakeFfmpeg(name: string, opts: { stderr?: string; stdout?: string; code?: number } = {}) {
  const log = path.join(dir, `${name}.args`);
  const bin = path.join(dir, name);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    bin,
    [
      '#!/bin/sh',
      `: > ${q(log)}`,
      `for a in "$@"; do printf '%s\\n' "$a" >> ${q(log)}; done`,
      opts.stdout ? `printf '%s' ${q(opts.stdout)}` : '',
      opts.stderr ? `printf '%s\\n' ${q(opts.stderr)} >&2` : '',
      `exit ${opts.code ?? 0}`,
    ].join('\n'),
  );
  chmodSync(bin, 0o755);
  const choice: FfmpegChoice = { path: bin, source: 'SHUB_FFMPEG' };
  return { choice, args: () => readFileSync(log, 'utf8').split('\n').slice(0, -1) };
}

test('lossy encoder arguments: encoder, bitrate, Opus at 48 kHz; the check codecs at 256/320/160 kb/s', () => {
  assert.deepEqual(lossyEncoderArgs('aac', 192), ['-c:a', 'aac', '-b:a', '192k']);
  assert.deepEqual(lossyEncoderArgs('mp3', 320), ['-c:a', 'libmp3lame', '-b:a', '320k']);
  assert.deepEqual(lossyEncoderArgs('opus', 96), ['-c:a', 'libopus', '-b:a', '96k', '-ar', '48000']);
  assert.deepEqual(
    Object.entries(LOSSY_CHECK_CODECS).map(([k, v]) => [k, v.extension, v.kbps, v.args.join(' ')]),
    [
      ['aac', 'm4a', 256, '-c:a aac -b:a 256k'],
      ['mp3', 'mp3', 320, '-c:a libmp3lame -b:a 320k'],
      ['opus', 'opus', 160, '-c:a libopus -b:a 160k -ar 48000'],
    ],
  );
});

test('encode: first audio stream only, metadata dropped, overwrite, codec arguments before the output', async () => {
  const ff = fakeFfmpeg('ffmpeg-ok');
  await encodeWithFfmpeg('in put.wav', 'out.opus', 'opus', ff.choice);
  assert.deepEqual(ff.args(), [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-y',
    '-timelimit',
    '60',
    ...ffmpegInputArgs('in put.wav'),
    '-map',
    '0:a:0',
    '-vn',
    '-map_metadata',
    '-1',
    '-c:a',
    'libopus',
    '-b:a',
    '160k',
    '-ar',
    '48000',
    ffmpegFileUrl('out.opus'),
  ]);
});

test('encode failures: missing encoder = environment error, bad input = input error, no binary: where', async () => {
  const noEncoder = fakeFfmpeg('ffmpeg-noenc', { stderr: "Unknown encoder 'libmp3lame'", code: 1 });
  await assert.rejects(
    encodeFile('a.wav', 'a.mp3', lossyEncoderArgs('mp3', 320), 'MP3 320 kb/s (LAME)', noEncoder.choice),
    (e: Error) =>
      e instanceof EnvironmentError &&
      e.message.includes('cannot encode MP3 320 kb/s (LAME)') &&
      e.message.includes("Unknown encoder 'libmp3lame'") &&
      e.message.includes('(from SHUB_FFMPEG)'),
  );
  const badInput = fakeFfmpeg('ffmpeg-bad', { stderr: 'a.wav: Invalid data found when processing input', code: 1 });
  await assert.rejects(
    encodeWithFfmpeg('a.wav', 'a.m4a', 'aac', badInput.choice),
    (e: Error) =>
      e instanceof InputError &&
      /could not encode it as AAC-LC 256 kb\/s \(Invalid data found when processing input\)/.test(e.message),
  );
  const missing: FfmpegChoice = { path: path.join(dir, 'no-such-ffmpeg'), source: '--ffmpeg' };
  await assert.rejects(
    encodeWithFfmpeg('a.wav', 'a.m4a', 'aac', missing),
    (e: Error) =>
      e instanceof EnvironmentError && e.message.includes(`ffmpeg not found at '${missing.path}' (from --ffmpeg)`),
  );
});

test('decode: first audio stream to float32 on stdout; a failure names the file and the reason', async () => {
  const ok = fakeFfmpeg('ffmpeg-dec', { stdout: 'ABCDEFGH' }); // two float32 samples' worth of bytes
  const d = await decodeWithFfmpeg('song.flac', ok.choice);
  const chunks: Buffer[] = [];
  for await (const c of d.stdout) chunks.push(c as Buffer);
  await d.done;
  assert.deepEqual(ok.args(), [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-timelimit',
    '60',
    ...ffmpegInputArgs('song.flac'),
    '-map',
    '0:a:0',
    '-vn',
    '-f',
    'f32le',
    '-acodec',
    'pcm_f32le',
    'pipe:1',
  ]);
  assert.equal(Buffer.concat(chunks).toString('latin1'), 'ABCDEFGH', 'stdout is handed through untouched');

  const bad = fakeFfmpeg('ffmpeg-dec-bad', { stderr: '[flac @ 0x1] song.flac: Invalid data found', code: 1 });
  const b = await decodeWithFfmpeg('song.flac', bad.choice);
  b.stdout.resume();
  await assert.rejects(
    b.done,
    (e: Error) => e instanceof InputError && /could not decode it \(Invalid data found\)/.test(e.message),
  );
});

test('probe: `-i FILE` only; the stream summary becomes a format; no audio stream and non-audio say so', async () => {
  const summary = [
    "Input #0, flac, from 'x.flac':",
    '  Duration: 00:00:02.50, start: 0.000000, bitrate: 1000 kb/s',
    '  Stream #0:0: Audio: flac, 44100 Hz, mono, s16',
    'At least one output file must be specified',
  ].join('\n');
  const ff = fakeFfmpeg('ffmpeg-probe', { stderr: summary, code: 1 });
  const f = await probeWithFfmpeg('x.flac', ff.choice);
  assert.deepEqual(ff.args(), ['-hide_banner', '-nostdin', '-timelimit', '60', ...ffmpegInputArgs('x.flac')]);
  assert.deepEqual(
    [f.container, f.codec, f.sampleRate, f.channels, f.bitDepth, f.durationSeconds],
    ['flac', 'flac', 44100, 1, 16, 2.5],
  );
  const video = fakeFfmpeg('ffmpeg-video', {
    stderr: "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'v.mp4':\n  Stream #0:0: Video: h264, yuv420p, 640x480",
    code: 1,
  });
  await assert.rejects(
    probeWithFfmpeg('v.mp4', video.choice),
    (e: Error) => e instanceof InputError && /it has no audio stream/.test(e.message),
  );
  const text = fakeFfmpeg('ffmpeg-text', { stderr: 'notes.txt: Invalid data found when processing input', code: 1 });
  await assert.rejects(
    probeWithFfmpeg('notes.txt', text.choice),
    (e: Error) =>
      e instanceof InputError &&
      /not a readable audio file \(ffmpeg: Invalid data found when processing input\)/.test(e.message),
  );
  const missing: FfmpegChoice = { path: path.join(dir, 'none'), source: 'config' };
  await assert.rejects(probeWithFfmpeg('x.flac', missing), (e: Error) => e instanceof EnvironmentError);
});
