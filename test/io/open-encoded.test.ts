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
import { openAudio, openEncoded, readStreamedWavHeader } from '../../src/io/audio.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import { measureLevels } from '../../src/engines/levels/index.js';
import { InputError } from '../../src/errors.js';
import { MAX_HEADER_CHUNKS } from '../../src/io/wav.js';
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

test('a tagged MP3 (a 60 kB title): decoded like the untagged one, through the probe or not', async () => {
  // ffmpeg on a pipe leaves a LIST chunk's size at 0xffffffff; the walk used to wait for 4 GiB
  writeWav(f('tagged.wav'), sineSegments(44100, 1, [{ seconds: 1, dbfs: -12, freqHz: 440 }]), 44100, 's16');
  encode('tagged.wav', 'tagged.mp3', ['-metadata', `title=${'a'.repeat(60000)}`, '-c:a', 'libmp3lame']);
  const probed = await levelsOf(openAudio, f('tagged.mp3'));
  const encoded = await levelsOf(openEncoded, f('tagged.mp3'));
  assert.ok(encoded.frames >= 44100, `${encoded.frames} frames`);
  assert.deepEqual(encoded, probed);
});

/** A WAV stream header as ffmpeg writes it to a pipe (sizes it cannot seek back to: 0xffffffff). */
function streamedHeader(extraChunks: Buffer[], listOfUnknownSize: boolean): Buffer {
  const chunk = (id: string, body: Buffer, size = body.length) => {
    const h = Buffer.alloc(8);
    h.write(id, 0, 'latin1');
    h.writeUInt32LE(size, 4);
    return Buffer.concat([h, body, Buffer.alloc(body.length & 1)]);
  };
  const fmt = Buffer.alloc(40);
  fmt.writeUInt16LE(0xfffe, 0);
  fmt.writeUInt16LE(6, 2);
  fmt.writeUInt32LE(48000, 4);
  fmt.writeUInt32LE(0x3f, 20);
  const riff = Buffer.from('RIFF\xff\xff\xff\xffWAVE', 'latin1');
  const info = Buffer.concat([Buffer.from('INFO'), chunk('INAM', Buffer.from('a title\0'))]);
  const list = listOfUnknownSize ? chunk('LIST', info, 0xffffffff) : chunk('LIST', info);
  const data = chunk('data', Buffer.alloc(0), 0xffffffff);
  return Buffer.concat([riff, chunk('fmt ', fmt), ...extraChunks, list, data, Buffer.from([1, 2, 3, 4])]);
}

async function* pieces(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

test('streamed WAV header: LIST of unknown size walked into, any split of the stream, bounded walk', async () => {
  for (const unknown of [true, false]) {
    for (const size of [1, 3, 64, 4096]) {
      const { fmt, rest } = await readStreamedWavHeader(pieces(streamedHeader([], unknown), size));
      assert.deepEqual(fmt, { channels: 6, sampleRate: 48000, mask: 0x3f }, `unknown ${unknown}, pieces of ${size}`);
      assert.deepEqual([...rest], [1, 2, 3, 4].slice(0, rest.length), `pieces of ${size}`);
    }
  }
  const junk = Buffer.from('JUNK\0\0\0\0', 'latin1');
  const many = streamedHeader(
    Array.from({ length: MAX_HEADER_CHUNKS }, () => junk),
    false,
  );
  await assert.rejects(readStreamedWavHeader(pieces(many, 4096)), /more than 1024 header chunks/);
  const cut = streamedHeader([], true).subarray(0, 70);
  await assert.rejects(readStreamedWavHeader(pieces(cut, 16)), /no complete WAV header/);
});
