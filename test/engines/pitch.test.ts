/**
 * pYIN pitch tracker (native/src/pyin.cc through the FeatureExtractor) on analytic signals whose
 * f0 and voicing are known exactly at every instant. The voiced/unvoiced alternation needs the
 * HMM: its tone frames carry little voiced probability each, some noise frames more than some
 * tone frames, so no threshold on the per-frame probability gets the boundaries right.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { gridConcentration, summarizePitch, type PitchParameterValues } from '../../src/engines/pitch/index.js';
import { median } from '../../src/engines/order.js';
import { PITCH_PARAMETERS } from '../../src/engines/analysis/params.js';
import { noiseSource } from '../../fixtures/signals.js';
import type { FeatureReport } from '../../src/native.js';

function track(x: Float32Array, fs: number, overrides: Partial<PitchParameterValues> = {}): FeatureReport {
  const fx = createFeatureExtractor({ sampleRate: fs, channels: 1 }, { spectrum: false, pitch: true }, overrides);
  fx.addFloat(x);
  return fx.finish();
}

const frameTime = (r: FeatureReport, i: number) => r.pitchStartSeconds + i * r.pitchHopSeconds;
const cents = (a: number, b: number) => 1200 * Math.log2(a / b);

/** A signal from its instantaneous frequency (Hz at t) and harmonic amplitudes (index 0 = fundamental). */
function fromFrequency(fs: number, seconds: number, f: (t: number) => number, harmonics: number[]): Float32Array {
  const n = Math.round(fs * seconds);
  const x = new Float32Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let h = 0; h < harmonics.length; h++) v += harmonics[h]! * Math.sin((h + 1) * phase);
    x[i] = v;
    phase += (2 * Math.PI * f(i / fs)) / fs;
  }
  return x;
}

function white(n: number, rms: number, seed: number): Float32Array {
  const next = noiseSource(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (next() - 0.5) * Math.sqrt(12) * rms;
  return out;
}

test('an exponential sine sweep 110 → 880 Hz: every frame voiced, f0 within 10 cents of the sweep', () => {
  const fs = 44100;
  const T = 3;
  const f = (t: number) => 110 * 8 ** (t / T);
  const r = track(fromFrequency(fs, T, f, [0.4]), fs);
  let n = 0;
  for (let i = 0; i < r.pitchHz.length; i++) {
    const t = frameTime(r, i);
    if (t < 0.1 || t > T - 0.1) continue;
    n++;
    assert.ok(r.pitchHz[i]! > 0, `frame at ${t.toFixed(3)} s is unvoiced`);
    assert.ok(Math.abs(cents(r.pitchHz[i]!, f(t))) < 10, `at ${t.toFixed(3)} s: ${r.pitchHz[i]} Hz vs ${f(t)}`);
  }
  assert.ok(n > 230, `${n} frames scored`);
});

test('a harmonic tone without its fundamental (harmonics 2–6 of 100 Hz) reads 100 Hz', () => {
  const fs = 32000;
  const r = track(
    fromFrequency(fs, 1.5, () => 100, [0, 0.2, 0.2, 0.2, 0.2, 0.2]),
    fs,
  );
  const p = summarizePitch(r);
  assert.equal(p.voicedRatio, 1);
  for (const hz of r.pitchHz) assert.ok(Math.abs(cents(hz, 100)) < 5, `${hz} Hz`);
});

test('a note with a ±50-cent vibrato at 5.5 Hz: the track follows the vibrato within 10 cents', () => {
  const fs = 48000;
  const f = (t: number) => 220 * 2 ** ((0.5 / 12) * Math.sin(2 * Math.PI * 5.5 * t));
  const r = track(fromFrequency(fs, 2, f, [0.3, 0.15, 0.08]), fs);
  let maxDev = 0;
  let maxErr = 0;
  for (let i = 0; i < r.pitchHz.length; i++) {
    const t = frameTime(r, i);
    if (t < 0.05 || t > 1.95) continue;
    assert.ok(r.pitchHz[i]! > 0, `frame at ${t.toFixed(3)} s is unvoiced`);
    maxErr = Math.max(maxErr, Math.abs(cents(r.pitchHz[i]!, f(t))));
    maxDev = Math.max(maxDev, Math.abs(cents(r.pitchHz[i]!, 220)));
  }
  assert.ok(maxErr < 10, `largest error ${maxErr.toFixed(1)} cents`);
  assert.ok(maxDev > 45, `the track must swing with the vibrato (largest deviation ${maxDev.toFixed(1)} cents)`);
});

test('tone in noise / noise alone every 0.5 s: voicing switches at the known boundaries (HMM)', () => {
  const fs = 16000;
  const n = fs * 4;
  // a 200 Hz tone (3 harmonics, RMS 0.1) in the first half of every second; low-passed white noise (one pole at
  // 0.97, about 80 Hz) 6 dB below it throughout
  const tone = fromFrequency(
    fs,
    4,
    () => 200,
    [1, 0.5, 0.3].map((a) => (a * 0.1) / Math.sqrt(1.34 / 2)),
  );
  const raw = white(n, 1, 7);
  const x = new Float32Array(n);
  let y = 0;
  let e = 0;
  for (let i = 0; i < n; i++) {
    y = 0.97 * y + 0.03 * raw[i]!;
    x[i] = y;
    e += y * y;
  }
  const g = (0.1 * 10 ** (-6 / 20)) / Math.sqrt(e / n);
  for (let i = 0; i < n; i++) x[i] = x[i]! * g + (Math.floor(i / (fs / 2)) % 2 === 0 ? tone[i]! : 0);
  const r = track(x, fs);
  let scored = 0;
  let wrong = 0;
  let toneFrames = 0;
  let weakTone = 0;
  let minTone = 1;
  let maxNoise = 0;
  for (let i = 0; i < r.pitchHz.length; i++) {
    const t = frameTime(r, i);
    const phase = t % 1;
    // boundaries at every 0.5 s: frames within 40 ms of one are not scored
    if (Math.min(Math.abs(phase - 0.5), phase, 1 - phase) < 0.04 || t > 3.96) continue;
    scored++;
    const voiced = phase < 0.5;
    const hz = r.pitchHz[i]!;
    const p = r.pitchConfidence[i]!;
    if (voiced !== hz > 0 || (voiced && Math.abs(cents(hz, 200)) > 20)) wrong++;
    if (voiced) {
      toneFrames++;
      if (p < 0.5) weakTone++;
      minTone = Math.min(minTone, p);
    } else maxNoise = Math.max(maxNoise, p);
  }
  assert.ok(scored > 300);
  assert.equal(wrong, 0, `${wrong} of ${scored} frames with the wrong voicing or pitch`);
  // the evidence per frame is weak and overlaps: no threshold on the frame's voiced probability separates the
  // tone from the noise (a noise frame scores above a tone frame), only the path through time does
  assert.ok(weakTone > 0.5 * toneFrames, `${weakTone} of ${toneFrames} tone frames below 0.5`);
  assert.ok(maxNoise > minTone, `noise frames up to ${maxNoise}, tone frames from ${minTone}`);
  const ratio = summarizePitch(r).voicedRatio;
  assert.ok(ratio > 0.4 && ratio < 0.6, `voiced ratio ${ratio}`);
});

test('the Viterbi path does not depend on the checkpoint spacing (segments recomputed exactly)', () => {
  const fs = 22050;
  const f = (t: number) => 150 * 2 ** (Math.floor(t * 4) / 12);
  const x = fromFrequency(fs, 5, f, [0.3, 0.1]);
  const noise = white(x.length, 0.05, 3);
  for (let i = 0; i < x.length; i++) if (Math.floor(i / (fs * 0.7)) % 3 === 2) x[i] = noise[i]!;
  const a = track(x, fs, { checkpointFrames: 16 });
  const b = track(x, fs, { checkpointFrames: 1048576 });
  assert.ok(a.pitchHz.length > 400);
  assert.deepEqual(Array.from(a.pitchHz), Array.from(b.pitchHz));
  assert.ok(summarizePitch(a).voicedRatio > 0.5 && summarizePitch(a).voicedRatio < 0.8);
});

test("summarizePitch's voiced values, median and grid concentration equal the forms they replaced", () => {
  // the forms before h-sched24 (plain loops and the sorted middle now): the same values in the same order
  const grid = (hz: Float64Array) => {
    let c = 0;
    let s = 0;
    for (const f of hz) {
      const a = 2 * Math.PI * 12 * Math.log2(f / 440);
      c += Math.cos(a);
      s += Math.sin(a);
    }
    return hz.length ? Math.hypot(c, s) / hz.length : 0;
  };
  const noise = noiseSource(0x5eed24);
  const seen = { odd: 0, even: 0, kept: 0, reasons: new Set<string>() };
  for (let trial = 0; trial < 300; trial++) {
    const n = trial < 3 ? trial : Math.floor(noise() * 600);
    const onGrid = trial % 3 === 0;
    const hz = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const u = noise();
      // unvoiced frames are 0; a few negative or NaN values must not count as voiced either; ties among notes
      if (u < 0.99 * ((trial % 5) / 4)) hz[i] = u < 0.02 ? (u < 0.01 ? NaN : -50) : 0;
      else hz[i] = onGrid ? 440 * 2 ** (Math.floor(u * 24 - 12) / 12) : 60 + u * 900;
    }
    const r = { pitchHz: hz, pitchConfidence: new Float32Array(n), pitchHopSeconds: 0.01, pitchStartSeconds: 0 };
    const voiced = Float64Array.from(hz.filter((h) => h > 0)).sort();
    const m = median(voiced);
    const out = summarizePitch(r);
    const ratio = n ? voiced.length / n : 0;
    assert.equal(out.voicedRatio, Math.round(ratio * 1000) / 1000, `trial ${trial}`);
    assert.equal(gridConcentration(voiced), grid(voiced), `trial ${trial}`);
    if (out.reason === undefined) {
      assert.equal(out.medianHz, Math.round(m! * 100) / 100, `trial ${trial}`);
      seen.kept++;
    } else {
      assert.equal(out.medianHz, null);
      seen.reasons.add(out.reason.slice(0, 12));
    }
    if (voiced.length % 2) seen.odd++;
    else seen.even++;
    // the reasons follow the same rules as before
    const minRatio = PITCH_PARAMETERS.minVoicedRatio.value;
    const tooFew = voiced.length === 0 || ratio < minRatio;
    assert.equal(out.reason !== undefined, tooFew || grid(voiced) < PITCH_PARAMETERS.minGridConcentration.value);
  }
  // both middles (odd and even counts) and the three outcomes were exercised
  assert.ok(seen.odd > 50 && seen.even > 50, JSON.stringify(seen));
  assert.ok(seen.reasons.size >= 3, [...seen.reasons].join(' | '));
  assert.ok(seen.kept > 20, `${seen.kept} medians kept`);
});
