import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFfmpegProbe, resolveFfmpeg } from '../../src/io/ffmpeg.js';

// Stream summaries as ffmpeg 4.x/5.x print them for `ffmpeg -i FILE`.
const flac = `Input #0, flac, from 'a.flac':
  Metadata:
    encoder         : Lavf59.27.100
  Duration: 00:00:08.00, start: 0.000000, bitrate: 2155 kb/s
  Stream #0:0: Audio: flac, 48000 Hz, stereo, s32 (24 bit)
At least one output file must be specified`;
const m4a = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'b.m4a':
  Duration: 00:03:12.52, start: 0.000000, bitrate: 262 kb/s
  Stream #0:0[0x1](und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, 5.1, fltp, 256 kb/s (default)
  Stream #0:1[0x0]: Video: mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 500x500, 90k tbn (attached pic)`;
const aiff = `Input #0, aiff, from 'c.aiff':
  Duration: 00:00:01.00, start: 0.000000, bitrate: 2304 kb/s
  Stream #0:0: Audio: pcm_s24be, 48000 Hz, 3 channels, s32 (24 bit), 3456 kb/s`;
const mp3withArtFirst = `Input #0, mp3, from 'd.mp3':
  Duration: 00:00:30.04, start: 0.025057, bitrate: 320 kb/s
  Stream #0:0: Video: png, rgb24(pc), 300x300, 90k tbr, 90k tbn, 90k tbc (attached pic)
  Stream #0:1: Audio: mp3, 44100 Hz, mono, fltp, 320 kb/s`;

test('parses container, codec, rate, layout and bit depth from ffmpeg stream summaries', () => {
  assert.deepEqual(parseFfmpegProbe(flac), {
    container: 'flac',
    codec: 'flac',
    sampleRate: 48000,
    channels: 2,
    bitDepth: 24,
    frames: null,
    durationSeconds: 8,
    speakers: ['FL', 'FR'],
  });
  const a = parseFfmpegProbe(m4a)!;
  assert.equal(a.container, 'mp4');
  assert.equal(a.codec, 'aac');
  assert.equal(a.channels, 6);
  assert.deepEqual(a.speakers, ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR']);
  assert.equal(a.bitDepth, null);
  assert.ok(Math.abs(a.durationSeconds! - 192.52) < 1e-9);
  const c = parseFfmpegProbe(aiff)!;
  assert.equal(c.codec, 'pcm_s24be');
  assert.equal(c.channels, 3);
  assert.equal(c.bitDepth, 24);
  const d = parseFfmpegProbe(mp3withArtFirst)!;
  assert.equal(d.codec, 'mp3');
  assert.equal(d.channels, 1);
});

test('no audio stream or garbage gives undefined', () => {
  assert.equal(parseFfmpegProbe("Input #0, image2, from 'x.png':\n  Stream #0:0: Video: png, rgb24, 1x1"), undefined);
  assert.equal(parseFfmpegProbe('x.wav: Invalid data found when processing input'), undefined);
});

test('ffmpeg resolution order: flag, SHUB_FFMPEG, config, bundled, PATH', () => {
  assert.deepEqual(resolveFfmpeg('/a', '/c', { SHUB_FFMPEG: '/b' }), { path: '/a', source: '--ffmpeg' });
  assert.deepEqual(resolveFfmpeg(undefined, '/c', { SHUB_FFMPEG: '/b' }), { path: '/b', source: 'SHUB_FFMPEG' });
  assert.deepEqual(resolveFfmpeg(undefined, '/c', {}), { path: '/c', source: 'config' });
  assert.equal(resolveFfmpeg(undefined, undefined, {}).source, 'bundled');
});
