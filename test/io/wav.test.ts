import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sniffWav, wavHeader, type WavHeaderSpec } from '../../src/io/wav.js';
import type { PcmBlock } from '../../src/io/audio.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir();
after(cleanup);

async function sniffBytes(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const fh = await open(file, 'r');
  try {
    return await sniffWav(fh, file, bytes.length);
  } finally {
    await fh.close();
  }
}

test('headers written by wavHeader read back with the same layout (PCM, float, EXTENSIBLE, RF64)', async () => {
  const cases: (WavHeaderSpec & { bits: number })[] = [
    { sampleRate: 44100, channels: 2, format: 's16', dataBytes: 400, bits: 16 },
    { sampleRate: 8000, channels: 1, format: 'u8', dataBytes: 10, bits: 8 },
    { sampleRate: 384000, channels: 8, format: 'f64', dataBytes: 64 * 3, bits: 64 },
    { sampleRate: 96000, channels: 6, format: 's24', dataBytes: 18 * 5, bits: 24, extensible: { channelMask: 0x3f } },
    {
      sampleRate: 48000,
      channels: 2,
      format: 's32',
      dataBytes: 80,
      bits: 20,
      extensible: { channelMask: 3, validBits: 20 },
    },
    { sampleRate: 48000, channels: 2, format: 'f32', dataBytes: 80, bits: 32, rf64: true },
  ];
  for (const c of cases) {
    const bytes = Buffer.concat([wavHeader(c), Buffer.alloc(c.dataBytes)]);
    const s = await sniffBytes(`h-${c.format}.wav`, bytes);
    assert.equal(s.kind, 'wav');
    if (s.kind !== 'wav') continue;
    assert.equal(s.layout.pcmFormat, c.format);
    assert.equal(s.layout.format.sampleRate, c.sampleRate);
    assert.equal(s.layout.format.channels, c.channels);
    assert.equal(s.layout.format.bitDepth, c.bits);
    assert.equal(s.layout.dataBytes, c.dataBytes);
    assert.equal(s.layout.dataOffset, bytes.length - c.dataBytes);
    assert.equal(s.layout.format.container, c.rf64 ? 'rf64' : 'wav');
  }
});

test('EXTENSIBLE channel masks become speakers; plain headers get the WAV default order', async () => {
  const ext = await sniffBytes(
    'm.wav',
    Buffer.concat([
      wavHeader({
        sampleRate: 48000,
        channels: 4,
        format: 's16',
        dataBytes: 8,
        extensible: { channelMask: 0x1 | 0x2 | 0x200 | 0x400 },
      }),
      Buffer.alloc(8),
    ]),
  );
  assert.ok(ext.kind === 'wav');
  assert.deepEqual(ext.layout.format.speakers, ['FL', 'FR', 'SL', 'SR']);
  const plain = await sniffBytes(
    'p.wav',
    Buffer.concat([wavHeader({ sampleRate: 48000, channels: 6, format: 's16', dataBytes: 12 }), Buffer.alloc(12)]),
  );
  assert.ok(plain.kind === 'wav');
  assert.deepEqual(plain.layout.format.speakers, ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR']);
});

test('unknown chunks before data are skipped (odd sizes padded); non-PCM codecs are left to ffmpeg', async () => {
  const h = wavHeader({ sampleRate: 48000, channels: 1, format: 's16', dataBytes: 4 });
  const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.alloc(1)]);
  const withList = Buffer.concat([h.subarray(0, 36), list, h.subarray(36), Buffer.alloc(4)]);
  const s = await sniffBytes('list.wav', withList);
  assert.ok(s.kind === 'wav');
  assert.equal(s.layout.dataOffset, 36 + list.length + 8);
  const mulaw = Buffer.from(h);
  mulaw.writeUInt16LE(7, 20);
  mulaw.writeUInt16LE(8, 34);
  mulaw.writeUInt16LE(1, 32);
  const m = await sniffBytes('mulaw.wav', Buffer.concat([mulaw, Buffer.alloc(4)]));
  assert.deepEqual(m, { kind: 'other', reason: 'WAV codec tag 0x0007' });
  assert.equal((await sniffBytes('txt.wav', Buffer.from('hello world, not audio'))).kind, 'other');
});

test('damaged headers are InputErrors that say what is wrong', async () => {
  const h = wavHeader({ sampleRate: 48000, channels: 2, format: 's16', dataBytes: 4000 });
  await assert.rejects(
    sniffBytes('short.wav', Buffer.concat([h, Buffer.alloc(2)])),
    /declares 4000 bytes of audio but the file holds only 2/,
  );
  await assert.rejects(sniffBytes('empty.wav', Buffer.alloc(0)), /empty \(0 bytes\)/);
  const zeroCh = Buffer.from(h);
  zeroCh.writeUInt16LE(0, 22);
  await assert.rejects(sniffBytes('zeroch.wav', Buffer.concat([zeroCh, Buffer.alloc(4000)])), /0 channels/);
  await assert.rejects(sniffBytes('cut.wav', h.subarray(0, 30)), /truncated|no 'data' chunk|no 'fmt '/);
});

test('read buffers handed on: a closed source gives its buffers to the next, which reads its own bytes', async () => {
  const { openAudio, ReadBuffers } = await import('../../src/io/audio.js');
  const { resolveFfmpeg } = await import('../../src/io/ffmpeg.js');
  const { writeWav } = await import('../../fixtures/signals.js');
  const files = ['a', 'b'].map((name, k) => {
    const x = Float64Array.from({ length: 3000 }, (_, i) => ((i * (k + 3)) % 97) / 97 - 0.5);
    writeWav(path.join(dir, `${name}.wav`), [x], 48000, 'f32');
    return { file: path.join(dir, `${name}.wav`), x };
  });
  const allocated: number[] = [];
  const buffers = new ReadBuffers(2, (bytes) => {
    allocated.push(bytes);
    return new ArrayBuffer(bytes);
  });
  const read = async (file: string) => {
    const source = await openAudio(file, { ffmpeg: resolveFfmpeg(), buffers, blockBytes: 4096 });
    const memory = new Set<ArrayBufferLike>();
    const samples: number[] = [];
    const take = (b: PcmBlock) => {
      const bytes = Buffer.from(b.pcm.buffer, b.pcm.byteOffset, b.pcm.byteLength);
      for (let i = 0; i < b.frames; i++) samples.push(bytes.readFloatLE(4 * i));
    };
    // each block read after the next one was (a block stays valid until the block after next is read)
    let last: PcmBlock | null = null;
    for (let b = await source.read(); b; b = await source.read()) {
      memory.add(b.pcm.buffer);
      if (last) take(last);
      last = b;
    }
    if (last) take(last);
    await source.close();
    return { memory, samples };
  };
  const a = await read(files[0]!.file);
  const b = await read(files[1]!.file);
  // 3000 frames in blocks of 1024: three 4 KiB buffers in one allocation from the pool's `allocate`, kept when a
  // is closed (ReadBuffers(2)) and taken by b
  assert.deepEqual(allocated, [3 * 4096]);
  assert.equal(a.memory.size, 1);
  assert.deepEqual([...b.memory], [...a.memory]);
  assert.deepEqual(a.samples, [...files[0]!.x].map(Math.fround));
  assert.deepEqual(b.samples, [...files[1]!.x].map(Math.fround));
});

test('hashBeside: a WAV source hashes through it, started at the first read, not block by block', async () => {
  const { openAudio } = await import('../../src/io/audio.js');
  const { resolveFfmpeg } = await import('../../src/io/ffmpeg.js');
  const { writeWav } = await import('../../fixtures/signals.js');
  const { native } = await import('../../src/native.js');
  const { createHash } = await import('node:crypto');
  const { readFileSync } = await import('node:fs');
  const file = path.join(dir, 'beside.wav');
  writeWav(file, [Float64Array.from({ length: 5000 }, (_, i) => Math.sin(i / 7) * 0.5)], 44100, 's24');
  const whole = readFileSync(file);
  const calls: [number, number][] = [];
  const source = await openAudio(file, {
    ffmpeg: resolveFfmpeg(),
    blockBytes: 4096,
    hashBeside: (fd, bytes) => {
      calls.push([fd, bytes]);
      return native().sha256Fd(fd, bytes);
    },
  });
  const first = await source.read();
  assert.ok(first);
  // started at the first read with the open file and its whole size (header and trailing chunks included)
  assert.equal(calls.length, 1);
  assert.equal(calls[0]![1], whole.length);
  let frames = first.frames;
  for (let b = await source.read(); b; b = await source.read()) frames += b.frames;
  assert.equal(frames, 5000);
  assert.equal(await source.sha256(), createHash('sha256').update(whole).digest('hex'));
  assert.equal(calls.length, 1);
  await source.close();
  // a source that is asked for its hash before any read starts it then: the whole file all the same
  const early = await openAudio(file, { ffmpeg: resolveFfmpeg(), hashBeside: (fd, n) => native().sha256Fd(fd, n) });
  assert.equal(await early.sha256(), createHash('sha256').update(whole).digest('hex'));
  await early.close();
});

test('hashBeside: a source decoded by ffmpeg (FLAC) hashes through it, started at open', async () => {
  const { openAudio } = await import('../../src/io/audio.js');
  const { resolveFfmpeg } = await import('../../src/io/ffmpeg.js');
  const { writeWav } = await import('../../fixtures/signals.js');
  const { native } = await import('../../src/native.js');
  const { createHash } = await import('node:crypto');
  const { execFileSync } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const ffmpeg = resolveFfmpeg();
  const wav = path.join(dir, 'beside-src.wav');
  const flac = path.join(dir, 'beside.flac');
  writeWav(wav, [Float64Array.from({ length: 6000 }, (_, i) => Math.sin(i / 9) * 0.4)], 44100, 's16');
  execFileSync(ffmpeg.path, ['-v', 'error', '-y', '-i', wav, '-c:a', 'flac', flac]);
  const whole = readFileSync(flac);
  const want = createHash('sha256').update(whole).digest('hex');
  const calls: number[] = [];
  const source = await openAudio(flac, {
    ffmpeg,
    hashBeside: (fd, bytes) => {
      calls.push(bytes);
      return native().sha256Fd(fd, bytes);
    },
  });
  // started at open (before any read), with the whole file's size
  assert.deepEqual(calls, [whole.length]);
  let frames = 0;
  for (let b = await source.read(); b; b = await source.read()) frames += b.frames;
  assert.equal(frames, 6000);
  assert.equal(await source.sha256(), want);
  assert.equal(calls.length, 1);
  await source.close();
  // without it, the file is streamed through node:crypto: the same digest
  const inline = await openAudio(flac, { ffmpeg });
  for (let b = await inline.read(); b; b = await inline.read());
  assert.equal(await inline.sha256(), want);
  await inline.close();
  // a failed hash beside is the source's error, naming the file
  const failing = await openAudio(flac, { ffmpeg, hashBeside: () => Promise.reject(new Error('no thread')) });
  await assert.rejects(failing.sha256(), (err: Error) => err.message.includes(flac) && /no thread/.test(err.message));
  await failing.close();
});
