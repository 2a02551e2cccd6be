/**
 * Built-in amp and overdrive (issue 14 point 3).
 *
 * Aliasing: a 5 kHz sine at 48 kHz driven 30 dB into the first clipper (its knee at ±1 for the amp,
 * ±0.6 after the 720 Hz high-pass for the pedal). Every frequency the output may rightly hold is
 * a harmonic of 5 kHz (0, 5, 10, 15, 20 kHz below Nyquist); anything else in a window of exactly
 * 5,000 periods is aliasing (or a transient). Its energy is the total (Parseval) minus the harmonic
 * bins (exact DFTs at k·5 kHz over whole periods), relative to the fundamental: ≤ −80 dB. The window
 * (0.25 s to 1.25 s of a 1.5 s render) leaves out the start, where the filters settle, and the end,
 * where the aligned anti-alias filters see the silence after the input.
 *
 * Tone stack: its measured response (impulse response, DFT) against the analog circuit solved
 * here by nodal analysis (complex admittance matrix of the Fender/Marshall bass-mid-treble network
 * with the voice's component values, Yeh & Smith's topology) at the bilinear-warped frequency
 * s = j·2fs·tan(πf/fs): within 0.5 dB at 10 settings, 30 frequencies each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinAmpStage, overdriveStage, toneStackStage } from '../../../src/engines/reamp/amp.js';
import type { RigStage } from '../../../src/engines/reamp/stage.js';
import { UsageError } from '../../../src/errors.js';
import type { AmpVoice } from '../../../src/engines/reamp/params-amp.js';

const FS = 48000;

async function run(stage: RigStage, x: Float32Array, block = 4099): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  for (let at = 0; at < x.length; at += block) parts.push((await stage.process([x.slice(at, at + block)]))[0]!);
  parts.push((await stage.flush())[0]!);
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

/** Non-harmonic energy relative to the fundamental [dB] in y[from, from + 48000) (5,000 periods of 5 kHz). */
function aliasingDb(y: Float32Array, from: number): number {
  const N = 48000;
  let total = 0;
  for (let n = 0; n < N; n++) total += y[from + n]! ** 2;
  // 5 kHz at 48 kHz repeats every 48 samples: exact twiddles from a 48-entry table
  const harm: number[] = [];
  for (let k = 0; k <= 4; k++) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < N; n++) {
      const ph = (2 * Math.PI * ((k * 5 * n) % 48)) / 48;
      re += y[from + n]! * Math.cos(ph);
      im -= y[from + n]! * Math.sin(ph);
    }
    harm.push(((k === 0 ? 1 : 2) * (re * re + im * im)) / N);
  }
  const harmonic = harm.reduce((a, b) => a + b, 0);
  return 10 * Math.log10((total - harmonic) / harm[1]!);
}

function sine5k(amplitude: number, seconds: number): Float32Array {
  return Float32Array.from({ length: FS * seconds }, (_, n) => amplitude * Math.sin((2 * Math.PI * 5 * (n % 48)) / 48));
}

const A = 0.5;
const into30 = 20 * Math.log10(10 ** (30 / 20) / A); // the clipper input peaks 30 dB above its knee

for (const voice of ['clean', 'crunch', 'lead'] as const) {
  test(`built-in amp (${voice}): aliasing of a 5 kHz sine 30 dB into clipping is below -80 dB`, async (t) => {
    const stage = builtinAmpStage({ voice, gainDb: into30, sag: 0.3, treble: 0.8 }, FS);
    const y = await run(stage, sine5k(A, 1.5));
    assert.equal(y.length, FS * 1.5);
    const db = aliasingDb(y, 12000);
    t.diagnostic(`non-harmonic energy ${db.toFixed(1)} dB relative to the fundamental`);
    assert.ok(db <= -80, `${db.toFixed(1)} dB`);
  });
}

test('built-in amp at 4x oversampling aliases far more (the measurement sees it)', async () => {
  const y = await run(builtinAmpStage({ voice: 'crunch', gainDb: into30, oversampling: 4 }, FS), sine5k(A, 1.5));
  assert.ok(aliasingDb(y, 12000) > -70);
});

test('overdrive: aliasing of a 5 kHz sine 30 dB into clipping is below -80 dB', async (t) => {
  // clipper input: drive · HP720(x) / 0.6; |HP720(5 kHz)| = 5000 / √(5000² + 720²)
  const hp = 5000 / Math.hypot(5000, 720);
  const driveDb = 20 * Math.log10((10 ** (30 / 20) * 0.6) / (A * hp));
  const y = await run(overdriveStage({ driveDb, tone: 1 }, FS), sine5k(A, 1.5));
  assert.equal(y.length, FS * 1.5);
  const db = aliasingDb(y, 12000);
  t.diagnostic(`non-harmonic energy ${db.toFixed(1)} dB relative to the fundamental`);
  assert.ok(db <= -80, `${db.toFixed(1)} dB`);
});

test('the oversampled stages add no latency: an impulse peaks at its own frame at every factor', async () => {
  for (const oversampling of [2, 4, 8, 16]) {
    // a small impulse stays in the clipper's linear region: y ≈ x + HP(x), then the tone low-pass
    const x = new Float32Array(5000);
    x[1000] = 1e-3;
    const y = await run(overdriveStage({ driveDb: 0, tone: 1, oversampling }, FS), x, 1237);
    let peak = 0;
    for (let i = 1; i < y.length; i++) if (Math.abs(y[i]!) > Math.abs(y[peak]!)) peak = i;
    assert.equal(peak, 1000, `${oversampling}×`);
    assert.ok(Math.abs(y[999]!) < 0.1 * Math.abs(y[1000]!), `${oversampling}×: little before the impulse`);
  }
});

// ---- the tone stack against its circuit ---------------------------------------------------------

type Parts = { R1: number; R2: number; R3: number; R4: number; C1: number; C2: number; C3: number };
const PARTS: Record<AmpVoice, Parts> = {
  clean: { R1: 250e3, R2: 250e3, R3: 10e3, R4: 100e3, C1: 120e-12, C2: 100e-9, C3: 47e-9 },
  crunch: { R1: 250e3, R2: 1e6, R3: 25e3, R4: 56e3, C1: 250e-12, C2: 20e-9, C3: 20e-9 },
  lead: { R1: 220e3, R2: 1e6, R3: 22e3, R4: 33e3, C1: 470e-12, C2: 22e-9, C3: 22e-9 },
};

type C = [number, number];
const cdiv = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];

/**
 * |Vout/Vin| of the network at angular frequency w (rad/s), by nodal analysis. Nodes: in (driven),
 * 1 treble-pot top, 2 treble wiper (out), 3 treble-pot bottom = bass-pot top, 4 the R4/C2/C3
 * junction, 5 mid-pot top (bass-pot bottom), 6 mid wiper. Elements: C1 in–1, (1−t)R1 1–2, tR1 2–3,
 * R4 in–4, C2 4–3, lR2 3–5, C3 4–6, (1−m)R3 5–6, mR3 6–ground.
 */
function circuitGain(p: Parts, t: number, m: number, l: number, w: number): number {
  const eps = 1e-3; // ohms, for a pot at its end
  const g = (r: number): C => [1 / (r + eps), 0];
  const sc = (c: number): C => [0, w * c];
  const el: [number, number, C][] = [
    [0, 1, sc(p.C1)],
    [1, 2, g((1 - t) * p.R1)],
    [2, 3, g(t * p.R1)],
    [0, 4, g(p.R4)],
    [4, 3, sc(p.C2)],
    [3, 5, g(l * p.R2)],
    [4, 6, sc(p.C3)],
    [5, 6, g((1 - m) * p.R3)],
    [6, -1, g(m * p.R3)],
  ];
  const n = 6; // unknown nodes 1..6
  const Y: C[][] = Array.from({ length: n }, () => Array.from({ length: n + 1 }, (): C => [0, 0]));
  for (const [a, b, y] of el)
    for (const [i, j] of [
      [a, b],
      [b, a],
    ] as const) {
      if (i <= 0) continue;
      Y[i - 1]![i - 1] = [Y[i - 1]![i - 1]![0] + y[0], Y[i - 1]![i - 1]![1] + y[1]];
      if (j > 0) Y[i - 1]![j - 1] = [Y[i - 1]![j - 1]![0] - y[0], Y[i - 1]![j - 1]![1] - y[1]];
      else if (j === 0) Y[i - 1]![n] = [Y[i - 1]![n]![0] + y[0], Y[i - 1]![n]![1] + y[1]]; // Vin = 1
    }
  // Gaussian elimination with partial pivoting
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.hypot(...Y[r]![c]!) > Math.hypot(...Y[piv]![c]!)) piv = r;
    [Y[c], Y[piv]] = [Y[piv]!, Y[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = cdiv(Y[r]![c]!, Y[c]![c]!);
      for (let k = c; k <= n; k++) {
        const v = cmul(f, Y[c]![k]!);
        Y[r]![k] = [Y[r]![k]![0] - v[0], Y[r]![k]![1] - v[1]];
      }
    }
  }
  return Math.hypot(...cdiv(Y[1]![n]!, Y[1]![1]!)); // node 2
}

const SETTINGS: [AmpVoice, number, number, number][] = [
  // voice, bass, mid, treble
  ['crunch', 0.5, 0.5, 0.5],
  ['crunch', 0, 1, 0.2],
  ['crunch', 1, 0, 1],
  ['crunch', 0.8, 0.3, 0.6],
  ['clean', 0.5, 0.5, 0.5],
  ['clean', 0.2, 0.9, 0.1],
  ['clean', 1, 0.1, 0.7],
  ['lead', 0.5, 0.5, 0.5],
  ['lead', 0.1, 0.7, 0.9],
  ['lead', 0.9, 0.05, 0.3],
];

test('tone stack: measured response within 0.5 dB of the circuit at 10 settings', async (t) => {
  const N = 1 << 16;
  const freqs = Array.from({ length: 30 }, (_, i) => 20 * 1000 ** (i / 29)); // 20 Hz … 20 kHz
  let worst = 0;
  for (const [voice, bass, mid, treble] of SETTINGS) {
    const impulse = new Float32Array(N);
    impulse[0] = 1;
    const h = await run(toneStackStage({ voice, bass, mid, treble }, FS), impulse, 8192);
    assert.equal(h.length, N);
    for (const f of freqs) {
      let re = 0;
      let im = 0;
      const w = (2 * Math.PI * f) / FS;
      for (let n = 0; n < N; n++) {
        re += h[n]! * Math.cos(w * n);
        im -= h[n]! * Math.sin(w * n);
      }
      const measured = 20 * Math.log10(Math.hypot(re, im));
      const warped = 2 * FS * Math.tan((Math.PI * f) / FS); // the bilinear transform's analog frequency
      const want = 20 * Math.log10(circuitGain(PARTS[voice], treble, mid, bass, warped));
      const d = Math.abs(measured - want);
      worst = Math.max(worst, d);
      assert.ok(d <= 0.5, `${voice} b${bass} m${mid} t${treble} at ${f.toFixed(0)} Hz: ${measured} vs ${want} dB`);
    }
  }
  t.diagnostic(`largest difference ${worst.toExponential(2)} dB`);
});

test('the stages keep the frame count over odd blocks and reject parameters outside their range', async () => {
  const x = Float32Array.from({ length: 10001 }, (_, n) => 0.3 * Math.sin(n / 7));
  for (const stage of [builtinAmpStage({ voice: 'lead', sag: 1 }, 44100), overdriveStage({}, 96000)]) {
    const y = await run(stage, x, 777);
    assert.equal(y.length, x.length);
    assert.ok(y.every(Number.isFinite));
  }
  assert.throws(
    () => builtinAmpStage({ gainDb: 60 }, FS),
    (e: Error) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /gainDb must be in \[-24, 48\] dB, got 60/);
      return true;
    },
  );
  assert.throws(() => builtinAmpStage({ voice: 'jazz' as AmpVoice }, FS), /voice must be one of clean, crunch, lead/);
  assert.throws(() => overdriveStage({ tone: 2 }, FS), /tone must be in \[0, 1\], got 2/);
  assert.throws(() => overdriveStage({ oversampling: 3 }, FS), /oversampling must be one of 2, 4, 8, 16/);
});
