/**
 * openEncoded (the codec round trips' decode: one ffmpeg run, the format read from ffmpeg's WAV
 * stream header) against openAudio (ffmpeg probe, then a bare float decode) on lossy files made
 * here: the same rate, channels, speakers and frames, and every level figure the same, for mono
 * MP3, stereo Opus and 5.1 AAC; a file that is not audio is an InputError naming it.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openAudio, openEncoded } from '../../src/io/audio.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import { measureLevels } from '../../src/engines/levels/index.js';
import { InputError } from '../../src/errors.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';
import { mulberry32 } from '../../src/engines/random.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-open-encoded-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const ffmpeg = resolveFfmpeg();

function encode(input: string, output: string, args: string[]): void {
  const r = spawnSync(ffmpeg.path, ['-y', '-v', 'error', '-i', f(input), ...args, f(output)], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

async function levelsOf(open: typeof openAudio, file: string) {
  const source = await open(file, { ffmpeg });
  try {
    const { levels, frames } = await measureLevels(source);
    const { sampleRate, channels, speakers } = source.format;
    return { sampleRate, channels, speakers, frames, levels };
  } finally {
    await source.close();
  }
}

test('mono MP3, stereo Opus, 5.1 AAC: the same format and levels as through the probe', async () => {
  writeWav(f('mono.wav'), sineSegments(44100, 1, [{ seconds: 2, dbfs: -9, freqHz: 997 }]), 44100, 's16');
  const tones = sineSegments(48000, 2, [{ seconds: 2, dbfs: [-6, -12], freqHz: 440 }]);
  writeWav(f('stereo.wav'), tones, 48000, 'f32');
  const six = [0, 1, 2, 3, 4, 5].map((c) => {
    const random = mulberry32(c + 1);
    return tones[c % 2]!.map((x) => x + 0.05 * (2 * random() - 1));
  });
  writeWav(f('six.wav'), six, 48000, 'f32', { extensible: { channelMask: 0x3f } });
  encode('mono.wav', 'mono.mp3', ['-c:a', 'libmp3lame', '-b:a', '320k']);
  encode('stereo.wav', 'stereo.opus', ['-c:a', 'libopus', '-b:a', '160k']);
  encode('six.wav', 'six.m4a', ['-c:a', 'aac', '-b:a', '384k']);
  const expected = {
    'mono.mp3': [44100, 1, ['FC']],
    'stereo.opus': [48000, 2, ['FL', 'FR']],
    'six.m4a': [48000, 6, ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR']],
  } as const;
  for (const [name, [rate, channels, speakers]] of Object.entries(expected)) {
    const probed = await levelsOf(openAudio, f(name));
    const encoded = await levelsOf(openEncoded, f(name));
    assert.deepEqual([encoded.sampleRate, encoded.channels, encoded.speakers], [rate, channels, speakers], name);
    assert.ok(encoded.frames >= 2 * rate, `${name}: ${encoded.frames} frames`);
    assert.deepEqual(encoded, probed, name);
  }
});

test('a file that is not audio: InputError naming the file', async () => {
  writeFileSync(f('notes.mp3'), 'these are words, not MPEG frames\n'.repeat(100));
  await assert.rejects(openEncoded(f('notes.mp3'), { ffmpeg }), (err: Error) => {
    assert.ok(err instanceof InputError, `${err.name}: ${err.message}`);
    assert.match(err.message, /notes\.mp3/);
    return true;
  });
});
