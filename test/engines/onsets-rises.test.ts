/**
 * The fine envelope's rises found once by the caller (analyze's task set-up, for its onsets and tempo's mel onsets)
 * and passed as OnsetInput.rises give the onsets detectOnsets finds on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectOnsets, onsetFineRises } from '../../src/engines/onsets/index.js';

test('rises passed in: the onsets found without them; a flam grace note comes from them', () => {
  // 0.5 ms ticks: a flam, grace note at tick 1000 (−10 dB), main stroke at tick 1050 (25 ms later), each a
  // 2-tick attack and a 10 ms decay, over a −60 dB floor; the 10 ms envelope has one peak, at the main stroke
  const tickSeconds = 0.0005;
  const fine = new Float32Array(4000).fill(1e-6);
  const hit = (at: number, level: number) => {
    for (let i = at; i < fine.length; i++) fine[i]! += level * Math.min(1, (i - at + 1) / 2) * Math.exp(-(i - at) / 20);
  };
  hit(1000, 0.1);
  hit(1050, 1);
  const hopSeconds = 0.01;
  const odf = new Float32Array(200);
  odf[53] = 10;
  odf[54] = 4;
  const input = { odf, hopSeconds, windowSeconds: 0.046, fineEnergy: fine, tickSeconds };
  const rises = onsetFineRises(fine, tickSeconds);
  // the rise of each hit's span (2 ticks) over its lookback, at the hit's start
  assert.equal(rises.length, 2, `rises ${rises}`);
  assert.ok(Math.abs(rises[0]! - 1000) <= 2 && Math.abs(rises[1]! - 1050) <= 2, `rises ${rises}`);
  const own = detectOnsets(input);
  assert.equal(own.times.length, 2, `onsets ${own.times}`);
  assert.ok(Math.abs(own.times[0]! - 0.5) <= 0.002 && Math.abs(own.times[1]! - 0.525) <= 0.002, `${own.times}`);
  assert.deepEqual(detectOnsets({ ...input, rises }), own);
  // an empty list given: the grace note, which the envelope alone cannot separate, is not found
  assert.deepEqual(detectOnsets({ ...input, rises: [] }).times, [own.times[1]]);
});
