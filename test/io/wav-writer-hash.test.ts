/**
 * The WAV writer's sha256 taken while writing (`frames` known in advance, as the drums verbs know it): finish()
 * must return the sha256 of the bytes on disk (hashed here from the file read back), with the frame count right,
 * wrong (the writer falls back to reading the file), and for an odd data size (the pad byte is part of the file).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WavWriter } from '../../src/io/wav-writer.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-wavh-');
after(cleanup);

const onDisk = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

for (const [name, format, frames, declared] of [
  ['f32 stereo, frames right', 'f32', 1001, 1001],
  ['f32 stereo, frames wrong', 'f32', 1001, 1000],
  ['s24 mono, odd data size', 's24', 777, 777],
] as const)
  test(`sha256 on the way: ${name}`, async () => {
    const channels = format === 'f32' ? 2 : 1;
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.wav`);
    const w = await WavWriter.create(file, { sampleRate: 48000, channels, format, frames: declared });
    const width = format === 'f32' ? 4 : 3;
    const bytes = Buffer.alloc(frames * channels * width);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 37 + 11) & 0xff;
    // in three uneven writes
    await w.write(bytes.subarray(0, 100 * width));
    await w.write(bytes.subarray(100 * width, 601 * width));
    await w.write(bytes.subarray(601 * width));
    const sha = await w.finish();
    assert.equal(readFileSync(file).length % 2, 0);
    assert.equal(sha, onDisk(file));
  });
