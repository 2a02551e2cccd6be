/**
 * Choke onsets (chokeOnsets, choke* parameters): a closed or pedal hat that cuts an open hat's ring raises no band;
 * the ring's sudden, broadband and lasting fall after a steady ring is the onset, placed at the last frame before the
 * fall, unless an onset was found just before it (chokeQuietSeconds: a clap's gated tail).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chokeOnsets, detectOnsets, onsetDefaults } from '../../src/engines/onsets/index.js';
import { onsetEnergyBandLowHz } from '../../src/engines/analysis/params.js';

const HOP = 0.005;
const FRAMES = 400;
const LOW_HZ = onsetEnergyBandLowHz(44100);
const B = LOW_HZ.length;

/**
 * Band energies (frame-major): every band at 1e-6 (−60 dB); the bands at or above 1200 Hz ring at 1e-3 (−30 dB) from
 * frame 40, fall to 1e-5 (−50 dB) from frame `cut` + 1 (the ring's last frame: `cut`) in the bands `cutBands` selects,
 * and, with `dipEnd`, ring again from that frame.
 */
function energies(cut: number, cutBands = (_b: number) => true, dipEnd = FRAMES): Float32Array {
  const e = new Float32Array(FRAMES * B).fill(1e-6);
  for (let f = 40; f < FRAMES; f++)
    for (let b = 0; b < B; b++)
      if (LOW_HZ[b]! >= 1200) e[f * B + b] = f > cut && f < dipEnd && cutBands(b) ? 1e-5 : 1e-3;
  return e;
}

test('chokeOnsets: a ring cut in every high band, at its last frame; not a dip, one band, a fresh attack', () => {
  const params = onsetDefaults();
  const at = (e: Float32Array, p = params) => chokeOnsets({ values: e, bands: B, lowHz: LOW_HZ }, HOP, p);
  assert.ok(B >= 14, `bands ${B}`);
  // the cut after frame 200: one onset at frame 200 (1 s)
  assert.deepEqual(at(energies(200)), [200 * HOP]);
  // a 2-frame dip (the ring back at frame 203, within chokeHoldSeconds): no choke
  assert.deepEqual(at(energies(200, undefined, 203)), []);
  // … also without the band test (which reads the hold's frames too): the sum's own hold test
  assert.deepEqual(at(energies(200, undefined, 203), { ...params, chokeBandFraction: 0 }), []);
  // … back only after the hold (frame 210): a choke
  assert.deepEqual(at(energies(200, undefined, 210)), [200 * HOP]);
  // the fall in the top two bands only (a shaker's or a ride's own swell): under chokeBandFraction, and the sum
  // falls less than chokeDropDb
  assert.deepEqual(at(energies(200, (b) => b >= B - 2)), []);
  // one band 20 dB over the others falls alone (a shaker's resonance): the sum falls by more than chokeDropDb, but
  // one band is under chokeBandFraction of them (with the fraction 0: a choke)
  const top = LOW_HZ.findIndex((hz) => hz >= 5000);
  const one = energies(200, (b) => b === top);
  for (let f = 40; f <= 200; f++) one[f * B + top] = 1e-1;
  assert.deepEqual(at(one), []);
  assert.deepEqual(at(one, { ...params, chokeBandFraction: 0 }), [200 * HOP]);
  // the ring only 15 ms old (its attack at frame 197, 5 dB over it: more than chokeRingDb within chokeRingSeconds): a
  // hit's own decay
  const fresh = energies(200);
  for (let b = 0; b < B; b++) if (LOW_HZ[b]! >= 1200) fresh[197 * B + b] = 3.2e-3;
  assert.deepEqual(at(fresh), []);
  // a burst's peak, not a ring (silent until frame 199: a delay's repeat that the echo model took): none
  const burst = energies(200);
  for (let f = 40; f < 199; f++) for (let b = 0; b < B; b++) burst[f * B + b] = 1e-6;
  assert.deepEqual(at(burst), []);
  // a ring 40 dB under the file's loudest frame (a hit at 1e1 elsewhere, decaying 3 dB a frame: slower than a
  // choke): below chokeLevelDb (−35 dB)
  const quiet = energies(200);
  for (let k = 0; k < 14; k++) for (let b = 0; b < B; b++) quiet[(350 + k) * B + b] = 10 * 10 ** (-0.3 * k);
  assert.deepEqual(at(quiet), []);
  // off, and without band edges: none
  assert.deepEqual(at(energies(200), { ...params, chokeDropDb: 0 }), []);
  assert.deepEqual(chokeOnsets({ values: energies(200), bands: B }, HOP, params), []);
  // only the bands at or above chokeMinHz count: with it above every band, none
  assert.deepEqual(at(energies(200), { ...params, chokeMinHz: 20000 }), []);
});

test('detectOnsets: a choke with nothing else near is an onset; not within chokeQuietSeconds after a found one', () => {
  // no flux peak anywhere; the fine energy flat (no rise) or with one hit 50 ms before the choke
  const tickSeconds = 0.0005;
  const input = (hitAt?: number) => {
    const fine = new Float32Array(4000).fill(0.01);
    if (hitAt !== undefined)
      for (let i = hitAt; i < fine.length; i++)
        fine[i]! += Math.min(1, (i - hitAt + 1) / 2) * Math.exp(-(i - hitAt) / 20);
    return {
      odf: new Float32Array(FRAMES),
      hopSeconds: HOP,
      windowSeconds: 0.046,
      fineEnergy: fine,
      tickSeconds,
      flux: { values: new Float64Array(FRAMES), groups: 1, hopSeconds: HOP },
      bandEnergy: { values: energies(200), bands: B, lowHz: LOW_HZ },
    };
  };
  assert.deepEqual(detectOnsets(input()).times, [1]);
  // the peak model reads only the evidence it was trained on (the onset flux's 4 groups, the novelty, its coherence,
  // the band energies): this hand-made input has one flux group and no novelty, so with it on the rules' reading
  // stands (before h-onset59 the model dropped the choke: P 0.02 on an all-zero envelope)
  assert.deepEqual(detectOnsets(input(), { ...onsetDefaults(), onsetModel: 1 }).times, [1]);
  assert.deepEqual(detectOnsets(input(), { ...onsetDefaults(), chokeDropDb: 0 }).times, []);
  // a hit 50 ms before (tick 1900 = 0.95 s): found at its attack; the choke after it is dropped …
  const after = detectOnsets(input(1900)).times;
  assert.equal(after.length, 1, `onsets ${after}`);
  assert.ok(Math.abs(after[0]! - 0.95) <= 0.002, `onsets ${after}`);
  // … unless the quiet window is shorter than 50 ms
  const short = detectOnsets(input(1900), { ...onsetDefaults(), chokeQuietSeconds: 0.04 }).times;
  assert.equal(short.length, 2, `onsets ${short}`);
  assert.equal(short[1], 1);
});
