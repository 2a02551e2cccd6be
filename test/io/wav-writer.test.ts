/**
 * The streaming WAV writer and the WAV header reader, round trip: known samples written at 16/24-bit
 * PCM and 32-bit float, the header walked here chunk by chunk (not by src/io/wav.ts), the samples
 * decoded here and by ffmpeg, and the layout sniffWav reports.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { WavWriter } from '../../src/io/wav-writer.js';
import { sniffWav } from '../../src/io/wav.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-wavw-');
after(cleanup);

interface Chunk {
  id: string;
  offset: number;
  size: number;
}

/** RIFF chunks of a file, walked from byte 12 (sizes padded to even). */
function chunks(bytes: Buffer): Chunk[] {
  const out: Chunk[] = [];
  for (let p = 12; p + 8 <= bytes.length;) {
    const size = bytes.readUInt32LE(p + 4);
    out.push({ id: bytes.toString('latin1', p, p + 4), offset: p + 8, size });
    p += 8 + size + (size & 1);
  }
  return out;
}

/** Interleaved float32 samples as ffmpeg decodes them. */
function ffmpegDecode(file: string): Float32Array {
  const r = spawnSync(resolveFfmpeg().path, ['-v', 'error', '-i', file, '-f', 'f32le', '-c:a', 'pcm_f32le', '-'], {
    maxBuffer: 1 << 26,
  });
  assert.equal(r.status, 0, String(r.stderr));
  const b = Buffer.from(r.stdout);
  return new Float32Array(b.buffer, b.byteOffset, b.length / 4);
}

// stereo frames (left, right) spanning the full scale, written in three blocks
const S16 = [0, 0, 1, -1, 32767, -32768, 12345, -23456, 1000, 2000];
const S24 = [0, 0, 1, -1, 8388607, -8388608, 1234567, -7654321, 4096, -4096];
const F32 = [0, -0, 0.5, -0.25, 1, -1, 0.123456789, -0.987654321, 1e-7, 2];

function pcmBytes(format: 's16' | 's24', values: number[]): Buffer {
  const bytes = format === 's16' ? 2 : 3;
  const b = Buffer.alloc(values.length * bytes);
  values.forEach((v, i) => b.writeIntLE(v, i * bytes, bytes));
  return b;
}

async function write(
  name: string,
  format: 's16' | 's24' | 'f32',
  channels: number,
  blocks: (Uint8Array | Float32Array)[],
) {
  const file = path.join(dir, name);
  const w = await WavWriter.create(file, { sampleRate: 48000, channels, format });
  for (const b of blocks) await w.write(b);
  const frames = w.frames;
  const sha = await w.finish();
  return { file, frames, sha, bytes: readFileSync(file) };
}

test('16-bit, 24-bit and float WAVs: header fields, sample bytes and ffmpeg agree with what was written', async () => {
  const cases = [
    { format: 's16' as const, tag: 1, bits: 16, values: S16, scale: 32768, data: pcmBytes('s16', S16) },
    { format: 's24' as const, tag: 1, bits: 24, values: S24, scale: 8388608, data: pcmBytes('s24', S24) },
    {
      format: 'f32' as const,
      tag: 3,
      bits: 32,
      values: F32,
      scale: 1,
      data: Buffer.from(new Float32Array(F32).buffer),
    },
  ];
  for (const c of cases) {
    const third = Math.floor(c.values.length / 2 / 3) * 2 * (c.data.length / c.values.length);
    const blocks: (Uint8Array | Float32Array)[] =
      c.format === 'f32'
        ? [new Float32Array(F32.slice(0, 4)), new Float32Array(F32.slice(4, 8)), new Float32Array(F32.slice(8))]
        : [c.data.subarray(0, third), c.data.subarray(third, 2 * third), c.data.subarray(2 * third)];
    const w = await write(`${c.format}.wav`, c.format, 2, blocks);
    const b = w.bytes;
    assert.equal(w.frames, 5);
    assert.equal(w.sha, createHash('sha256').update(b).digest('hex'), 'finish() hashes the file as renamed');
    assert.equal(b.toString('latin1', 0, 4), 'RIFF');
    assert.equal(b.toString('latin1', 8, 12), 'WAVE');
    assert.equal(b.readUInt32LE(4), b.length - 8, 'RIFF size = file size - 8');
    const list = chunks(b);
    assert.deepEqual(
      list.map((k) => k.id),
      ['JUNK', 'fmt ', 'data'],
    );
    assert.equal(list[0]!.size, 28, 'JUNK reserves the ds64 space');
    const fmt = list[1]!;
    assert.equal(fmt.size, 16);
    assert.equal(b.readUInt16LE(fmt.offset), c.tag, 'format tag (1 PCM, 3 float)');
    assert.equal(b.readUInt16LE(fmt.offset + 2), 2);
    assert.equal(b.readUInt32LE(fmt.offset + 4), 48000);
    assert.equal(b.readUInt32LE(fmt.offset + 8), 48000 * 2 * (c.bits / 8), 'byte rate');
    assert.equal(b.readUInt16LE(fmt.offset + 12), 2 * (c.bits / 8), 'block align');
    assert.equal(b.readUInt16LE(fmt.offset + 14), c.bits);
    const data = list[2]!;
    assert.equal(data.offset, 80, 'samples start after the fixed 80-byte header');
    assert.equal(data.size, c.data.length);
    assert.deepEqual(b.subarray(data.offset, data.offset + data.size), c.data);

    const decoded = ffmpegDecode(w.file);
    assert.equal(decoded.length, c.values.length);
    c.values.forEach((v, i) => assert.equal(decoded[i], Math.fround(v / c.scale), `${c.format} sample ${i}`));

    const fh = await open(w.file, 'r');
    try {
      const s = await sniffWav(fh, w.file, b.length);
      assert.equal(s.kind, 'wav');
      if (s.kind === 'wav') {
        assert.equal(s.layout.pcmFormat, c.format);
        assert.equal(s.layout.dataOffset, 80);
        assert.equal(s.layout.dataBytes, c.data.length);
        assert.equal(s.layout.format.frames, 5);
        assert.equal(s.layout.format.bitDepth, c.bits);
        assert.equal(s.layout.format.durationSeconds, 5 / 48000);
      }
    } finally {
      await fh.close();
    }
  }
});

test('an odd number of data bytes gets a pad byte the RIFF size counts and the data size does not', async () => {
  const w = await write('odd.wav', 's24', 1, [pcmBytes('s24', [8388607, -8388608, 42])]);
  assert.equal(w.bytes.length, 80 + 9 + 1);
  assert.equal(w.bytes.readUInt32LE(4), w.bytes.length - 8);
  assert.equal(chunks(w.bytes).at(-1)!.size, 9);
  assert.equal(w.bytes.at(-1), 0);
  const decoded = ffmpegDecode(w.file);
  assert.deepEqual([...decoded], [8388607 / 8388608, -1, 42 / 8388608].map(Math.fround));
});

test('no samples: a valid empty WAV; abort() leaves neither the target nor a temp file', async () => {
  const empty = await write('empty.wav', 's16', 2, [new Uint8Array(0)]);
  assert.equal(empty.frames, 0);
  assert.equal(empty.bytes.length, 80);
  assert.equal(chunks(empty.bytes).at(-1)!.size, 0);

  const target = path.join(dir, 'sub', 'aborted.wav');
  const w = await WavWriter.create(target, { sampleRate: 44100, channels: 1, format: 's16' });
  await w.write(pcmBytes('s16', [1, 2, 3]));
  assert.equal(readdirSync(path.dirname(target)).length, 1, 'the temp file sits beside the target');
  assert.match(readdirSync(path.dirname(target))[0]!, /^\.aborted\.wav\..*\.tmp$/);
  await w.abort();
  assert.equal(existsSync(target), false);
  assert.deepEqual(readdirSync(path.dirname(target)), []);
});
