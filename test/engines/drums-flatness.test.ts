/**
 * The one spectral flatness of the stem analyzer (issue 13, h-debt48, stem.ts spectralFlatness): the event's flatness
 * (what a hit adds) and the late ring's (lateFlatness) both read through it. Analytic power spectra: white (flat 1),
 * two levels in equal parts (√(ab) over (a+b)/2), one line over silence (the floor decides), nothing (NaN).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lateFlatness, spectralFlatness } from '../../src/engines/drums/stem.js';
import { STEM_BELL_PARAMETERS, STEM_PARAMETERS } from '../../src/engines/drums/params.js';

test('spectralFlatness: white 1, two levels √(ab)/((a+b)/2), a line over silence its floor, no power NaN', () => {
  const none = () => 0;
  assert.ok(Math.abs(spectralFlatness(new Float64Array(64).fill(3), 1, 64, none) - 1) < 1e-12);
  const two = Float64Array.from({ length: 40 }, (_, k) => (k % 2 ? 9 : 1));
  assert.ok(Math.abs(spectralFlatness(two, 0, 40, none) - 3 / 5) < 1e-12);
  // only bins [10, 30) count: the 100s outside are not read
  const inside = Float64Array.from({ length: 40 }, (_, k) => (k < 10 || k >= 30 ? 100 : k % 2 ? 9 : 1));
  assert.ok(Math.abs(spectralFlatness(inside, 10, 30, none) - 3 / 5) < 1e-12);
  // one bin of 1 among n = 100: mean 0.01; floor f = 1e-6 of the mean: exp((ln(1 + f) + 99 ln f) / 100) / 0.01
  const line = new Float64Array(100);
  line[50] = 1;
  const f = 1e-6 * 0.01;
  const expected = Math.exp((Math.log(1 + f) + 99 * Math.log(f)) / 100) / 0.01;
  const got = spectralFlatness(line, 0, 100, (mean) => 1e-6 * mean);
  assert.ok(Math.abs(got - expected) < 1e-12 * expected, `${got} vs ${expected}`);
  assert.ok(got < 1e-3);
  assert.ok(Number.isNaN(spectralFlatness(new Float64Array(10), 0, 10, none)));
  assert.ok(Number.isNaN(spectralFlatness(two, 20, 20, none)));
});

test('lateFlatness reads bellLoHz to flatnessHiHz only: power outside that range does not count', () => {
  const rate = 48000;
  const power = new Float64Array(512); // n = 1024 frames: 46.875 Hz a bin
  const lo = Math.round((STEM_BELL_PARAMETERS.bellLoHz.value * 1024) / rate);
  const hi = Math.round((STEM_PARAMETERS.flatnessHiHz.value * 1024) / rate);
  for (let k = 0; k < 512; k++) power[k] = k < lo || k >= hi ? 1e6 * (k + 1) : 1;
  assert.ok(Math.abs(lateFlatness(power, rate) - 1) < 1e-9);
});
