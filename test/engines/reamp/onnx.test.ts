/**
 * The ONNX amp stage (src/engines/reamp/onnx.ts) against an independent float64 computation of
 * the same network: a small WaveNet (dilated unpadded convolutions, tanh, residual 1×1 mixes, a
 * head and a scale) exported to ONNX by test/helpers/onnx.ts, streamed in uneven blocks through
 * the stage, must match the reference within −90 dB relative RMS — the receptive field carried
 * over block edges, no latency.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { after } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { onnxMetadata, onnxStage } from '../../../src/engines/reamp/onnx.js';
import { mulberry32 } from '../../../src/engines/random.js';
import { tempDir } from '../../helpers/cli.js';
import {
  namWaveNetOnnx,
  randomWaveNet,
  receptiveField,
  waveNetOnnx,
  waveNetReference,
  type NamWaveNetDoc,
  type WaveNetSpec,
} from '../../helpers/onnx.js';

const { dir, cleanup } = tempDir('shub-onnx-');
after(cleanup);

/** A plucked-string-like test signal: decaying partials with a noisy attack. */
function guitarish(n: number, fs: number): Float32Array {
  const x = new Float32Array(n);
  const random = mulberry32(7);
  for (let t = 0; t < n; t++) {
    const env = Math.exp(-t / (0.4 * fs));
    const f = 110;
    let v = 0;
    for (let h = 1; h <= 6; h++) v += Math.sin((2 * Math.PI * f * h * t) / fs) / h;
    x[t] = 0.4 * env * v + 0.02 * env * (random() - 0.5);
  }
  return x;
}

const relDb = (a: ArrayLike<number>, ref: ArrayLike<number>) => {
  let e = 0;
  let p = 0;
  for (let i = 0; i < ref.length; i++) {
    e += (a[i]! - ref[i]!) ** 2;
    p += ref[i]! ** 2;
  }
  return 10 * Math.log10(e / p);
};

async function streamThrough(file: string, x: Float32Array, sizes: number[], opts: { blockFrames?: number } = {}) {
  const stage = await onnxStage(file, { where: 'rig.yaml:3 chain[0]', ...opts });
  const parts: Float32Array[] = [];
  let at = 0;
  let k = 0;
  while (at < x.length) {
    const n = Math.min(sizes[k++ % sizes.length]!, x.length - at);
    parts.push((await stage.process([x.subarray(at, at + n)]))[0]!);
    at += n;
  }
  parts.push((await stage.flush())[0]!);
  const y = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    y.set(p, o);
    o += p.length;
  }
  return { y, stage };
}

test('ONNX WaveNet [1, 1, n], rf measured, uneven blocks: matches the float64 reference ≤ −90 dB', async () => {
  const spec: WaveNetSpec = { channels: 6, kernel: 3, dilations: [1, 2, 4, 8, 16, 32], rank: 3, seed: 11 };
  const w = randomWaveNet(spec);
  const file = path.join(dir, 'wavenet3.onnx');
  writeFileSync(file, waveNetOnnx(w));
  const x = guitarish(24000, 48000);
  const { y, stage } = await streamThrough(file, x, [1000, 777, 4096, 13], { blockFrames: 1000 });
  assert.equal(y.length, x.length, 'as many frames out as in');
  const ref = waveNetReference(w, x);
  const err = relDb(y, ref);
  assert.ok(err <= -90, `relative error ${err.toFixed(1)} dB`);
  const rf = stage.decisions.find((d) => d.decision === 'receptiveField');
  assert.equal(rf?.value, receptiveField(spec));
  assert.equal(receptiveField(spec), 127);
  assert.match(rf!.reason, /measured/);
});

test('ONNX WaveNet [1, n] with metadata receptive_field: read from the protobuf and used', async () => {
  const spec: WaveNetSpec = {
    channels: 4,
    kernel: 2,
    dilations: [1, 2, 4, 8],
    rank: 2,
    seed: 5,
    metadata: { receptive_field: '16', author: 'test' },
  };
  const w = randomWaveNet(spec);
  const bytes = waveNetOnnx(w);
  assert.deepEqual(Object.fromEntries(onnxMetadata(bytes)), { receptive_field: '16', author: 'test' });
  const file = path.join(dir, 'wavenet2.onnx');
  writeFileSync(file, bytes);
  const x = guitarish(9000, 48000);
  const { y, stage } = await streamThrough(file, x, [4000], {});
  const err = relDb(y, waveNetReference(w, x));
  assert.ok(err <= -90, `relative error ${err.toFixed(1)} dB`);
  assert.match(stage.decisions[0]!.reason, /metadata/);
});

test('a receptive field that disagrees with the network is a rig error naming the line', async () => {
  const spec: WaveNetSpec = { channels: 2, kernel: 3, dilations: [1, 2], rank: 3, seed: 3 };
  const file = path.join(dir, 'small.onnx');
  writeFileSync(file, waveNetOnnx(randomWaveNet(spec)));
  await assert.rejects(onnxStage(file, { where: 'rig.yaml:3 chain[0]', receptiveField: 5 }), (e: Error) => {
    assert.match(e.message, /^rig\.yaml:3 chain\[0\]: receptiveField 5 disagrees with the network, which consumes 7/);
    return true;
  });
});

test('a corrupt .onnx is an unreadable input (exit 3) naming the file', async () => {
  const file = path.join(dir, 'corrupt.onnx');
  writeFileSync(file, Buffer.from('this is not a protobuf model at all'));
  await assert.rejects(onnxStage(file, { where: 'rig.yaml:3 chain[0]' }), (e: Error) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /is not a usable ONNX model/);
    return true;
  });
});

test('a NAM WaveNet (nano, random weights) as ONNX matches the native NAM runner (exact tanh) ≤ −90 dB', async () => {
  const { waveNetDoc } = await import('../../../fixtures/nam-models.js');
  const { loadNam, namStage } = await import('../../../src/engines/reamp/nam.js');
  const doc = waveNetDoc('nano', 21);
  const namFile = path.join(dir, 'nano.nam');
  writeFileSync(namFile, JSON.stringify(doc));
  const onnxFile = path.join(dir, 'nano.onnx');
  writeFileSync(onnxFile, namWaveNetOnnx(doc as unknown as NamWaveNetDoc));
  const x = guitarish(48000, 48000);
  const { y, stage } = await streamThrough(onnxFile, x, [4096, 1000], { blockFrames: 4096 });
  assert.equal(stage.decisions[0]!.value, 4093, 'the standard receptive field of the trainer presets');
  const nam = namStage(await loadNam(namFile), { tanh: 'exact', sampleRate: 48000 });
  const parts = [(await nam.process([x]))[0]!, (await nam.flush())[0]!];
  const ref = new Float32Array(x.length);
  ref.set(parts[0]!);
  ref.set(parts[1]!, parts[0]!.length);
  assert.equal(parts[0]!.length + parts[1]!.length, x.length);
  const err = relDb(y, ref);
  assert.ok(err <= -90, `ONNX vs native NAM: ${err.toFixed(1)} dB`);
});
