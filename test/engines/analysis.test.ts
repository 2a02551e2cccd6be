/**
 * The pure analysis engines: tonal-balance bands, key ranking and tuning, onset peak picking and
 * placement, tempo autocorrelation and the beat tracker, pitch summary, parameter validation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandEdges, tonalBalance, toOctaveBands } from '../../src/engines/spectral/index.js';
import { estimateKey, rankKeys, tuningAwareChroma, KEY_PROFILES, type Key } from '../../src/engines/key/index.js';
import { pickPeaks, steepestRise } from '../../src/engines/onsets/index.js';
import { autocorrelation, trackBeats, estimateTempo } from '../../src/engines/tempo/index.js';
import { summarizePitch } from '../../src/engines/pitch/index.js';
import { checkParameter, stftLayout, STFT_PARAMETERS } from '../../src/engines/analysis/params.js';

test('band edges: 30 third-octave bands 25 Hz–20 kHz and 10 octave bands 31.5 Hz–16 kHz (IEC 61260 base 10)', () => {
  const third = bandEdges('third-octave');
  const oct = bandEdges('octave');
  assert.equal(third.length, 30);
  assert.equal(oct.length, 10);
  assert.ok(Math.abs(Math.sqrt(third[16]![0] * third[16]![1]) - 1000) < 1e-9, '1 kHz midband');
  for (let i = 1; i < third.length; i++) assert.ok(Math.abs(third[i]![0] - third[i - 1]![1]) < 1e-9, 'contiguous');
});

test('tonal balance of a flat spectrum: band power ∝ bandwidth; octaves sum their three thirds', () => {
  const binHz = 10;
  const power = new Float64Array(2401).fill(1e-6); // 0–24 kHz
  const bands = tonalBalance(power, binHz, 48000);
  for (const b of bands.slice(5)) {
    const expected = 10 * Math.log10((1e-6 * (b.bandHz[1] - b.bandHz[0])) / binHz);
    assert.ok(Math.abs(b.levelDb! - expected) < 0.05, `${b.bandHz}: ${b.levelDb} vs ${expected}`);
  }
  const oct = toOctaveBands(bands);
  assert.equal(oct.length, 10);
  const sum3 = 10 * Math.log10(bands.slice(0, 3).reduce((s, b) => s + 10 ** (b.levelDb! / 10), 0));
  assert.ok(Math.abs(oct[0]!.levelDb! - sum3) < 0.02);
  assert.ok(
    tonalBalance(new Float64Array(10), 10, 48000).every((b) => b.levelDb === null),
    'silence: null levels',
  );
  assert.equal(tonalBalance(power, binHz, 8000).length, 23, 'bands above Nyquist are left out');
});

test('key: each profile rotated to a key is recognized as that key; relative keys rank high', () => {
  for (const mode of ['major', 'minor'] as const) {
    for (let tonic = 0; tonic < 12; tonic++) {
      const chroma = Array.from({ length: 12 }, (_, i) => KEY_PROFILES.temperley[mode][(i - tonic + 12) % 12]!);
      const best = rankKeys(chroma)[0]!;
      assert.equal(best.mode, mode);
      assert.equal(best.tonic, ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'][tonic]);
    }
  }
  const profile = new Float64Array(120);
  [0, 40, 70].forEach((b) => (profile[b] = 1)); // C E G
  const key = estimateKey(profile) as Key;
  assert.equal(key.key, 'C major');
  assert.equal(key.alternatives.length, 3);
  assert.ok(key.confidence > key.alternatives[0]!.confidence);
  assert.equal(estimateKey(new Float64Array(120)).key, null, 'empty profile: null');
  assert.throws(() => tuningAwareChroma(new Float64Array(12)), RangeError);
});

test('tuning: a profile 20 cents flat folds to the right pitch classes and reports −20 cents', () => {
  const profile = new Float64Array(120);
  [0, 40, 70].forEach((b) => (profile[(b - 2 + 120) % 120] = 1));
  const { chroma, tuningCents } = tuningAwareChroma(profile);
  assert.ok(Math.abs(tuningCents + 20) < 0.5, `tuning ${tuningCents}`);
  assert.ok(chroma[0]! > 0.99 && chroma[4]! > 0.99 && chroma[7]! > 0.99 && chroma[1]! < 1e-9);
});

test('onset peak picking: isolated bumps are found, a flat or empty envelope gives none', () => {
  const odf = new Float32Array(1000);
  for (const t of [100, 300, 302, 600]) odf[t] = 10;
  assert.deepEqual(pickPeaks(odf, 100), [100, 300, 600]); // 302 is within 30 ms of 300
  assert.deepEqual(pickPeaks(new Float32Array(1000), 100), []);
  assert.deepEqual(pickPeaks(new Float32Array(0), 100), []);
});

test('onset placement: the steepest energy rise is the first tick of a hit', () => {
  const fine = new Float32Array(200).fill(1e-8);
  for (let i = 120; i < 200; i++) fine[i] = Math.exp(-(i - 120) / 30);
  assert.equal(steepestRise(fine, 50, 180, 4), 120);
});

test('tempo: autocorrelation of an impulse train peaks at its period; beats follow the impulses', () => {
  const odf = new Float32Array(2000);
  for (let t = 13; t < 2000; t += 50) odf[t] = 1;
  const r = autocorrelation(odf, 120);
  let best = 10;
  for (let lag = 10; lag <= 120; lag++) if (r[lag]! > r[best]!) best = lag;
  assert.equal(best, 50);
  const beats = trackBeats(odf, 50);
  assert.ok(beats.length >= 38);
  for (const b of beats) assert.equal((b - 13) % 50, 0);
  const tempo = estimateTempo({ odf, hopSeconds: 0.01 }); // 50 frames of 10 ms = 120 BPM
  assert.ok(Math.abs(tempo.bpm! - 120) < 0.5, `bpm ${tempo.bpm}`);
  assert.equal(tempo.downbeats.length, Math.ceil(tempo.beats.length / 4));
});

test('pitch summary: median of voiced frames, voiced ratio; all unvoiced gives null', () => {
  const r = {
    pitchHz: new Float32Array([0, 220, 221, 219, 0]),
    pitchConfidence: new Float32Array([0, 0.9, 0.9, 0.9, 0]),
    pitchHopSeconds: 0.01,
    pitchStartSeconds: 0.005,
  };
  const p = summarizePitch(r, true);
  assert.equal(p.medianHz, 220);
  assert.equal(p.voicedRatio, 0.6);
  assert.equal(p.frames!.length, 5);
  assert.deepEqual(p.frames![0], { t: 0.005, hz: null, confidence: 0 });
  assert.deepEqual(summarizePitch({ ...r, pitchHz: new Float32Array(3) }), {
    medianHz: null,
    voicedRatio: 0,
    reason: 'no voiced frames (silence, noise or unpitched sound)',
  });
});

test('parameters: declared ranges are enforced, never clamped; STFT layout per rate', () => {
  assert.throws(
    () => checkParameter('windowSeconds', STFT_PARAMETERS.windowSeconds, 2),
    /windowSeconds must be in \[0\.005, 0\.5\] s, got 2/,
  );
  assert.deepEqual(
    [44100, 48000, 96000, 8000].map((r) => stftLayout(r).windowSamples),
    [2048, 2048, 4096, 512],
  );
  assert.equal(stftLayout(48000).hopSamples, 512);
});
