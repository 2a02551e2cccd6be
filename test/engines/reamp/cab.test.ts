/**
 * Cabinet IR stage (issue 14 point 4): the uniformly partitioned FFT convolver against direct
 * convolution computed here in float64 (IRs of 1, 64, 1,000, 48,000 and 480,000 taps, mono and
 * stereo, fed in odd-sized blocks), zero latency, the blend of IRs at their levels, a 44.1 kHz IR
 * on a 48 kHz DI (the continuous-time response: delays and gains of a two-tap IR), and the errors
 * (corrupt IR, IR over the 10 s limit). Peer: the real cabinet IRs Debian's guitarix-common ships.
 *
 * Inputs are a dense noise burst, sparse impulses and trailing silence as long as the IR, so the
 * output (as long as the input) holds every tap's contribution while the float64 reference costs
 * (nonzero inputs × taps) multiply-adds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cabStage } from '../../../src/engines/reamp/cab.js';
import type { RigStage } from '../../../src/engines/reamp/stage.js';
import { InputError } from '../../../src/errors.js';
import { noiseSource, writeWav } from '../../../fixtures/signals.js';
import { tempDir } from '../../helpers/cli.js';
import { readPcmWav } from '../../helpers/wav.js';

/** Deterministic uniform noise in [-1, 1) (xorshift32). */
function rng(seed: number): () => number {
  const u = noiseSource(seed);
  return () => 2 * u() - 1;
}

/** float32-representable values, as float64 (what the file and the convolver hold). */
function f32(values: Float64Array): Float64Array {
  return Float64Array.from(Float32Array.from(values));
}

/** A decaying noise IR (cabinet-like envelope), float32 values. */
function noiseIr(taps: number, seed: number): Float64Array {
  const r = rng(seed);
  const h = new Float64Array(taps);
  for (let i = 0; i < taps; i++) h[i] = r() * Math.exp((-4 * i) / Math.max(taps, 1));
  return f32(h);
}

/** Dense burst, then sparse impulses, then silence as long as the IR. */
function testInput(taps: number, burst: number, impulses: number, seed: number): Float64Array {
  const r = rng(seed);
  const span = Math.max(1000, Math.floor(taps / 2));
  const x = new Float64Array(burst + span + taps);
  for (let i = 0; i < burst; i++) x[i] = 0.5 * r();
  for (let k = 0; k < impulses; k++) x[burst + Math.floor(((r() + 1) / 2) * (span - 1))] = r();
  return f32(x);
}

/** y[n] = Σ_k x[k]·h[n − k] for n < x.length, float64, skipping zero inputs. */
function direct(x: Float64Array, h: Float64Array): Float64Array {
  const y = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!;
    if (v === 0) continue;
    const end = Math.min(h.length, x.length - k);
    for (let j = 0; j < end; j++) y[k + j]! += v * h[j]!;
  }
  return y;
}

function relErrDb(got: Float32Array, want: Float64Array): number {
  assert.equal(got.length, want.length, 'output length equals input length');
  let e = 0;
  let s = 0;
  for (let i = 0; i < want.length; i++) {
    e += (got[i]! - want[i]!) ** 2;
    s += want[i]! ** 2;
  }
  return 10 * Math.log10(e / s);
}

/** Streams planar input through a stage in odd-sized blocks; returns the joined output. */
async function run(stage: RigStage, input: Float64Array[], block = 10007): Promise<Float32Array[]> {
  const n = input[0]!.length;
  const parts: Float32Array[][] = [];
  for (let at = 0, i = 0; at < n; i++) {
    const len = Math.min(n - at, i % 3 === 1 ? 1 : block + i * 13);
    parts.push(await stage.process(input.map((c) => Float32Array.from(c.subarray(at, at + len)))));
    at += len;
  }
  parts.push(await stage.flush());
  return Array.from({ length: stage.channelsOut }, (_, c) => {
    const out = new Float32Array(parts.reduce((a, p) => a + p[c]!.length, 0));
    let at = 0;
    for (const p of parts) (out.set(p[c]!, at), (at += p[c]!.length));
    return out;
  });
}

const { dir, cleanup } = tempDir('shub-cab-');
test.after(cleanup);

function irFile(name: string, channels: Float64Array[], rate = 48000, format: 'f32' | 's24' | 's16' = 'f32'): string {
  const file = path.join(dir, name);
  writeWav(file, channels, rate, format);
  return file;
}

for (const [taps, burst, impulses] of [
  [1, 20000, 0],
  [64, 20000, 50],
  [1000, 20000, 200],
  [48000, 1500, 200],
  [480000, 300, 100],
] as const) {
  test(`convolution with a ${taps}-tap IR equals direct convolution within -120 dB`, async (t) => {
    const h = noiseIr(taps, taps + 7);
    const x = testInput(taps, burst, impulses, taps + 11);
    const stage = await cabStage([{ file: irFile(`ir${taps}.wav`, [h]), levelDb: 0 }], 48000);
    assert.equal(stage.channelsIn, 1);
    assert.equal(stage.channelsOut, 1);
    const [y] = await run(stage, [x]);
    const err = relErrDb(y!, direct(x, h));
    t.diagnostic(`relative RMS error ${err.toFixed(1)} dB, ${x.length} frames`);
    assert.ok(err <= -120, `relative RMS error ${err.toFixed(1)} dB`);
    const length = stage.decisions.find((d) => d.decision === 'ir length');
    assert.equal(length?.value, taps / 48000);
  });
}

test('latency zero: an impulse comes out at its own frame, a delayed tap at its delay', async () => {
  const h = new Float64Array(3000);
  h[0] = 1;
  h[2500] = -0.5;
  const x = new Float64Array(20000);
  x[1234] = 0.75;
  const stage = await cabStage([{ file: irFile('delta.wav', [h]), levelDb: 0 }], 48000);
  const [y] = await run(stage, [x], 4096);
  assert.equal(y!.length, x.length);
  let peak = 0;
  for (let i = 1; i < y!.length; i++) if (Math.abs(y![i]!) > Math.abs(y![peak]!)) peak = i;
  assert.equal(peak, 1234);
  assert.ok(Math.abs(y![1234]! - 0.75) < 1e-6);
  assert.ok(Math.abs(y![1234 + 2500]! + 0.375) < 1e-6);
  for (let i = 0; i < 1234; i++) assert.ok(Math.abs(y![i]!) < 1e-6, `silence before the impulse (frame ${i})`);
});

test('a stereo IR turns a mono DI into stereo, each channel its own convolution', async () => {
  const hl = noiseIr(5000, 1);
  const hr = noiseIr(7000, 2);
  const hrPadded = hr;
  const hlPadded = new Float64Array(7000);
  hlPadded.set(hl);
  const x = testInput(7000, 3000, 100, 3);
  const stage = await cabStage([{ file: irFile('stereo.wav', [hlPadded, hrPadded]), levelDb: 0 }], 48000);
  assert.equal(stage.channelsOut, 2);
  const [l, r] = await run(stage, [x]);
  assert.ok(relErrDb(l!, direct(x, hlPadded)) <= -120);
  assert.ok(relErrDb(r!, direct(x, hrPadded)) <= -120);
});

test('a stereo input goes through a mono IR channel by channel, and through a stereo IR pairwise', async () => {
  const h = noiseIr(3000, 21);
  const h2 = noiseIr(3000, 22);
  const xl = testInput(3000, 2000, 50, 23);
  const xr = testInput(3000, 2000, 50, 24);
  const mono = await cabStage([{ file: irFile('m.wav', [h]), levelDb: 0 }], 48000, { channelsIn: 2 });
  assert.equal(mono.channelsIn, 2);
  assert.equal(mono.channelsOut, 2);
  const [l, r] = await run(mono, [xl, xr]);
  assert.ok(relErrDb(l!, direct(xl, h)) <= -120);
  assert.ok(relErrDb(r!, direct(xr, h)) <= -120);
  const pair = await cabStage([{ file: irFile('p.wav', [h, h2]), levelDb: 0 }], 48000, { channelsIn: 2 });
  const [pl, pr] = await run(pair, [xl, xr]);
  assert.ok(relErrDb(pl!, direct(xl, h)) <= -120);
  assert.ok(relErrDb(pr!, direct(xr, h2)) <= -120);
});

test('two IRs blend at their levels (mono 0 dB + stereo -6 dB, 16- and 24-bit files)', async () => {
  const a = noiseIr(4000, 4);
  const bl = noiseIr(6000, 5);
  const br = noiseIr(6000, 6);
  // the files hold integer PCM: the reference uses what the reader decodes (round to the grid)
  const q = (h: Float64Array, bits: number) => h.map((v) => Math.round(v * 2 ** (bits - 1)) / 2 ** (bits - 1));
  const aq = q(a, 16);
  const blq = q(bl, 24);
  const brq = q(br, 24);
  const g = 10 ** (-6 / 20);
  const want = (side: Float64Array) => {
    const h = new Float64Array(6000);
    for (let i = 0; i < 6000; i++) h[i] = (aq[i] ?? 0) + g * side[i]!;
    return h;
  };
  const x = testInput(6000, 3000, 100, 7);
  const stage = await cabStage(
    [
      { file: irFile('a.wav', [aq], 48000, 's16'), levelDb: 0 },
      { file: irFile('b.wav', [blq, brq], 48000, 's24'), levelDb: -6 },
    ],
    48000,
  );
  assert.equal(stage.channelsOut, 2);
  const blend = stage.decisions.find((d) => d.decision === 'ir blend');
  assert.ok(blend, 'the blend is logged as a decision');
  const [l, r] = await run(stage, [x]);
  assert.ok(relErrDb(l!, direct(x, want(blq))) <= -120);
  assert.ok(relErrDb(r!, direct(x, want(brq))) <= -120);
});

test('IRs of every bit depth the reader takes (u8 to f64) load exactly and convolve', async () => {
  // multiples of 1/128 in [-1/4, 1/4]: exact in every format, so the reference is exact too
  const r = rng(99);
  const h = Float64Array.from({ length: 3000 }, () => Math.round(32 * r()) / 128);
  const x = testInput(3000, 2000, 50, 98);
  const want = direct(x, h);
  for (const format of ['u8', 's16', 's24', 's32', 'f32', 'f64'] as const) {
    const file = path.join(dir, `depth-${format}.wav`);
    writeWav(file, [h], 48000, format);
    const [y] = await run(await cabStage([{ file, levelDb: 0 }], 48000), [x]);
    const err = relErrDb(y!, want);
    assert.ok(err <= -120, `${format}: ${err.toFixed(1)} dB`);
  }
});

test('a 44.1 kHz IR on a 48 kHz DI keeps its delays and gains (resampled once, logged)', async (t) => {
  // taps at 443 and 887 samples (gains 1 and -0.5), 482.18 and 965.44 samples at 48 kHz: between samples
  const h = new Float64Array(2000);
  h[443] = 1;
  h[887] = -0.5;
  const stage = await cabStage([{ file: irFile('ir441.wav', [h], 44100), levelDb: 0 }], 48000);
  const d = stage.decisions.find((x) => x.decision === 'ir resampled');
  assert.deepEqual(d?.value, { from: 44100, to: 48000 });
  const f = 1000;
  const x = Float64Array.from(
    { length: 24000 },
    (_, n) => f32(Float64Array.of(0.5 * Math.sin((2 * Math.PI * f * n) / 48000)))[0]!,
  );
  const [y] = await run(stage, [x], 3000);
  let e = 0;
  let s = 0;
  for (let n = 2400; n < 21600; n++) {
    const t = n / 48000;
    const want =
      0.5 * Math.sin(2 * Math.PI * f * (t - 443 / 44100)) - 0.25 * Math.sin(2 * Math.PI * f * (t - 887 / 44100));
    e += (y![n]! - want) ** 2;
    s += want ** 2;
  }
  const err = 10 * Math.log10(e / s);
  t.diagnostic(`error against the continuous-time response ${err.toFixed(1)} dB`);
  assert.ok(err <= -90, `error against the continuous-time response ${err.toFixed(1)} dB`);
});

test('a corrupt IR file is refused in one line naming the file', async () => {
  const file = path.join(dir, 'corrupt.wav');
  const bytes = Buffer.alloc(4000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 255;
  writeFileSync(file, Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WAVEjunk'), bytes]));
  await assert.rejects(cabStage([{ file, levelDb: 0 }], 48000), (err: Error) => {
    assert.ok(err instanceof InputError, `${err.name}: ${err.message}`);
    assert.ok(err.message.includes('corrupt.wav'), err.message);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
});

test('an IR longer than 10 s is refused in one line naming the file and the limit', async () => {
  const file = irFile('long.wav', [new Float64Array(8000 * 10 + 8).fill(0.001)], 8000, 's16');
  await assert.rejects(cabStage([{ file, levelDb: 0 }], 48000), (err: Error) => {
    assert.ok(err instanceof InputError, `${err.name}: ${err.message}`);
    assert.match(err.message, /long\.wav.*10\.00 s long; cabinet IRs are limited to 10 s/);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
});

test('an IR at a rate the resampler cannot reach is refused naming the file', async () => {
  const file = irFile('odd-rate.wav', [noiseIr(100, 5)], 44101);
  await assert.rejects(cabStage([{ file, levelDb: 0 }], 48000), (err: Error) => {
    assert.ok(err instanceof InputError, `${err.name}: ${err.message}`);
    assert.match(err.message, /odd-rate\.wav.*cannot be used as an IR: resampler: .*4096 phases/);
    return true;
  });
});

const GX = '/usr/share/gx_head/sounds/amps';
const gxIrs = existsSync(GX) ? readdirSync(GX).filter((f) => f.endsWith('.wav')) : [];
const gxSkip = gxIrs.length ? false : 'needs guitarix-common: apt-get install guitarix-common';
if (gxSkip && process.env.CI === 'true') throw new Error(`CI is set but a peer is missing: ${gxSkip}`);

test('peer: the cabinet IRs of guitarix-common convolve equal to direct convolution', { skip: gxSkip }, async () => {
  assert.ok(gxIrs.length >= 10, `${gxIrs.length} IRs in ${GX}`);
  for (const name of gxIrs) {
    const wav = readPcmWav(path.join(GX, name));
    assert.deepEqual([wav.channels, wav.bits], [1, 24], `${name}: mono 24-bit`);
    const { rate } = wav;
    const h = wav.planar[0]!;
    const x = testInput(h.length, 1500, 20, h.length);
    const stage = await cabStage([{ file: path.join(GX, name), levelDb: 0 }], rate);
    const [y] = await run(stage, [x]);
    const err = relErrDb(y!, direct(x, h));
    assert.ok(err <= -120, `${name}: ${err.toFixed(1)} dB`);
  }
});
