/**
 * Roll peaks (rollPeaks with fluxRollDeltaFraction / fluxRollMaxSeconds / fluxRollJitterSeconds / fluxRollStrokes,
 * h-onset42): a roll's soft strokes fall under the flux's adaptive threshold (the local median plus
 * fluxDeltaFraction of the envelope's scale); where they continue a run of evenly spaced flux peaks already found
 * they pass a lower one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fluxPick, onsetDefaults, pickPeaks, rollMembers, rollPeaks } from '../../src/engines/onsets/index.js';

const HOP = 0.005;

/** A flux column with strokes (frame → value) of three frames each (0.3 of the stroke either side). */
function column(strokes: [number, number][]): Float64Array {
  const col = new Float64Array(400);
  for (const [f, v] of strokes) {
    col[f - 1] = Math.max(col[f - 1]!, 0.3 * v);
    col[f] = Math.max(col[f]!, v);
    col[f + 1] = Math.max(col[f + 1]!, 0.3 * v);
  }
  return col;
}

test('rollPeaks: the soft strokes that continue a run of found strokes 45 ms apart pass; not alone, not off', () => {
  const params = onsetDefaults();
  const pick = fluxPick(params);
  // four strokes found (45 ms apart), then a decrescendo of two soft strokes at 0.015 (the scale, the column's 99th
  // percentile, is 0.3 here: under fluxDeltaFraction 0.07 of it, over fluxRollDeltaFraction 0.03), and a lone soft
  // peak at 0.015 far from any run
  const found = [100, 109, 118, 127];
  const col = column([
    [100, 1],
    [109, 1],
    [118, 1],
    [127, 1],
    [136, 0.015],
    [145, 0.015],
    [300, 0.015],
  ]);
  const lead = { ...pick, peakWindowSeconds: params.fluxLeadPeakSeconds };
  // the flux's own threshold misses the three soft peaks …
  const picked = pickPeaks(col, 1 / HOP, lead);
  for (const f of [136, 145, 300]) assert.ok(!picked.includes(f), `frame ${f} picked at the flux's delta`);
  // … the roll takes the two continuing the run (the second once the first is taken), not the lone one
  assert.deepEqual(rollPeaks(col, found, HOP, pick, params), [136, 145]);
  // off (the rule before h-onset42)
  assert.deepEqual(rollPeaks(col, found, HOP, pick, { ...params, fluxRollDeltaFraction: 0 }), []);
  // a run of three found strokes and one soft one is four, under fluxRollStrokes 5: nothing
  assert.deepEqual(rollPeaks(col, [100, 109, 118], HOP, pick, params), []);
  // strokes 90 ms apart (over fluxRollMaxSeconds 75 ms) are no roll
  const slow = column([
    [100, 1],
    [118, 1],
    [136, 1],
    [154, 1],
    [172, 0.015],
  ]);
  assert.deepEqual(rollPeaks(slow, [100, 118, 136, 154], HOP, pick, params), []);
  // the members: the five evenly spaced frames of a run, not a frame off the grid by 15 ms
  assert.deepEqual(
    [...rollMembers([100, 109, 118, 127, 136, 160], HOP, params)].sort((a, b) => a - b),
    [100, 109, 118, 127, 136],
  );
  assert.deepEqual([...rollMembers([100, 109, 118, 130, 136], HOP, params)], []);
});
