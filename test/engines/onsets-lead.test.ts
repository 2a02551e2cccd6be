/**
 * Lead peaks (leadPeaks, fluxLeadPeakSeconds / fluxLeadDipFraction / fluxLeadRiseDb): a stroke 45 ms before a larger
 * one (a drag, a grace note before an accent) is not the largest flux frame within ± fluxPeakWindowSeconds, so the
 * peak picking alone loses it; it counts when nothing larger precedes it, the flux falls to a dip before the larger
 * peak and, once placed, its fine energy rises by fluxLeadRiseDb.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectOnsets, fluxPick, leadPeaks, onsetDefaults, pickPeaks } from '../../src/engines/onsets/index.js';

const HOP = 0.005;
const FRAMES = 400;

/** A flux column: a lead stroke at frame 100 (0.5), an accent at frame 109 (1.0, 45 ms later), zero between. */
function column(fill = 0): Float64Array {
  const col = new Float64Array(FRAMES);
  col[99] = 0.1;
  col[100] = 0.5;
  col[101] = Math.max(0.1, fill);
  for (let i = 102; i <= 107; i++) col[i] = fill;
  col[108] = 0.3;
  col[109] = 1;
  col[110] = 0.3;
  return col;
}

test('leadPeaks: the stroke before a larger one behind a dip; not without the dip, after a larger one, or off', () => {
  const params = onsetDefaults();
  const pick = fluxPick(params);
  const col = column();
  const peaks = pickPeaks(col, 1 / HOP, pick);
  // the peak picking alone: the accent only (frame 100 is not the largest within ± 50 ms)
  assert.deepEqual(peaks, [109]);
  assert.deepEqual(leadPeaks(col, peaks, HOP, pick, params), [100]);
  // the flux between them at 0.3 of the stroke (above fluxLeadDipFraction 0.2 of it): one rise, no lead peak
  const filled = column(0.15);
  assert.deepEqual(leadPeaks(filled, pickPeaks(filled, 1 / HOP, pick), HOP, pick, params), []);
  // … at 0.1 of it: a dip again
  const dipped = column(0.05);
  assert.deepEqual(leadPeaks(dipped, pickPeaks(dipped, 1 / HOP, pick), HOP, pick, params), [100]);
  // a larger frame 45 ms before the stroke (and none after): not a lead (with the trail peaks off; h-onset40's
  // trail peaks count it, a roll's next stroke: test/engines/onsets-roll.test.ts)
  const noTrail = { ...params, fluxTrailDipFraction: 0 };
  const after = new Float64Array(FRAMES);
  after[91] = 1;
  after[100] = 0.5;
  const afterPeaks = pickPeaks(after, 1 / HOP, pick);
  assert.deepEqual(afterPeaks, [91]);
  assert.deepEqual(leadPeaks(after, afterPeaks, HOP, pick, noTrail), []);
  assert.deepEqual(leadPeaks(after, afterPeaks, HOP, pick, params), [100]);
  // … nor with a larger one 45 ms after it too (between two larger strokes: the later one's lead must come first)
  after[109] = 1;
  assert.deepEqual(leadPeaks(after, pickPeaks(after, 1 / HOP, pick), HOP, pick, noTrail), []);
  // a lead window as wide as fluxPeakWindowSeconds picks the same peaks (none is a lead); 0: off
  assert.deepEqual(leadPeaks(col, peaks, HOP, pick, { ...params, fluxLeadPeakSeconds: 0.05 }), []);
  assert.deepEqual(leadPeaks(col, peaks, HOP, pick, { ...params, fluxLeadPeakSeconds: 0 }), []);
});

test('detectOnsets: a drag stroke 45 ms before the accent is found where it adds energy, at its attack', () => {
  // 0.5 ms ticks over a steady floor of 0.1: the stroke at tick 1000 adds 0.25 (≈ 4 dB over the floor: below
  // fineRiseDb, so the fine rises alone do not find it), the accent at tick 1090 adds 1; each a 2-tick attack, 10 ms
  // decay
  const tickSeconds = 0.0005;
  const fine = new Float32Array(4000).fill(0.1);
  const hit = (at: number, level: number) => {
    for (let i = at; i < fine.length; i++) fine[i]! += level * Math.min(1, (i - at + 1) / 2) * Math.exp(-(i - at) / 20);
  };
  hit(1000, 0.25);
  hit(1090, 1);
  const input = {
    odf: new Float32Array(FRAMES),
    hopSeconds: HOP,
    windowSeconds: 0.046,
    fineEnergy: fine,
    tickSeconds,
    flux: { values: column(), groups: 1, hopSeconds: HOP },
  };
  const on = detectOnsets(input).times;
  assert.equal(on.length, 2, `onsets ${on}`);
  // with the peak model on, the same: a hand-made envelope of one group, no novelty, no band energies is not the
  // evidence it reads (before h-onset59 it dropped both strokes: P 0.13 and 0.14)
  assert.deepEqual(detectOnsets(input, { ...onsetDefaults(), onsetModel: 1 }).times, on);
  assert.ok(Math.abs(on[0]! - 0.5) <= 0.002 && Math.abs(on[1]! - 0.545) <= 0.002, `onsets ${on}`);
  // the rule off: the accent only
  const off = detectOnsets(input, { ...onsetDefaults(), fluxLeadPeakSeconds: 0 }).times;
  assert.deepEqual(off, [on[1]]);
  // the stroke's rise (≈ 4 dB over 10 ms against the 20 ms before) below a 6 dB fluxLeadRiseDb: dropped
  assert.deepEqual(detectOnsets(input, { ...onsetDefaults(), fluxLeadRiseDb: 6 }).times, [on[1]]);
});
