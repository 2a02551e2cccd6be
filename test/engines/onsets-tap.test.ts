/**
 * Tap peaks (tapPeaks with fluxTapMaxGapSeconds / fluxTapJitterSeconds / fluxTapDipFraction / fluxTapPeakFraction /
 * fluxTapRiseDb, h-onset44): the soft hand of a loud–soft hand-to-hand roll falls half-way between two accents the
 * peak picking found; it counts when it is a local maximum of its own (the flux dipped on both sides), at least
 * fluxTapPeakFraction of the smaller accent and no larger than it. (A full-pipeline test on a synthesized loud–soft
 * roll under a noise or partials crash was tried and left out: at these defaults the rule adds no stroke there —
 * bench/RESULTS.md, h-onset44.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onsetDefaults, tapPeaks } from '../../src/engines/onsets/index.js';

const HOP = 0.005;
const OFF = { fluxTapMaxGapSeconds: 0 };

/** A flux column: accents at `accents` (value 1), a tap of `tap` at each frame of `taps`, `fill` of 1 between. */
function column(accents: number[], taps: number[], tap: number, fill = 0): Float64Array {
  const col = new Float64Array(300).fill(fill);
  for (const [list, v] of [
    [accents, 1],
    [taps, tap],
  ] as const)
    for (const f of list) {
      col[f - 1] = Math.max(col[f - 1]!, 0.3 * v);
      col[f] = v;
      col[f + 1] = Math.max(col[f + 1]!, 0.3 * v);
    }
  return col;
}

test('tapPeaks: the soft hand half-way between found accents; not too soft, not louder, not off the midpoint', () => {
  const params = onsetDefaults();
  const accents = [100, 118, 136];
  // accents 90 ms apart (18 frames of 5 ms), taps at 0.5 of them half-way: both taps
  assert.deepEqual(tapPeaks(column(accents, [109, 127], 0.5), accents, HOP, params), [109, 127]);
  // off (the base's rule): none
  assert.deepEqual(tapPeaks(column(accents, [109, 127], 0.5), accents, HOP, { ...params, ...OFF }), []);
  // a tap at 0.3 of the accents (under fluxTapPeakFraction 0.4): none; one louder than the accents: none
  assert.deepEqual(tapPeaks(column(accents, [109, 127], 0.3), accents, HOP, params), []);
  assert.deepEqual(tapPeaks(column(accents, [109, 127], 1.2), accents, HOP, params), []);
  // the flux between at 0.45 (above fluxTapDipFraction 0.3 of a tap at 0.5): one swell, no tap
  assert.deepEqual(tapPeaks(column(accents, [109, 127], 0.5, 0.45), accents, HOP, params), []);
  // 20 ms from the midpoint (beyond fluxTapJitterSeconds 8 ms): none
  assert.deepEqual(tapPeaks(column(accents, [105, 123], 0.5), accents, HOP, params), []);
  // accents 200 ms apart (beyond fluxTapMaxGapSeconds 180 ms): none
  assert.deepEqual(tapPeaks(column([100, 140], [120], 0.5), [100, 140], HOP, params), []);
});
