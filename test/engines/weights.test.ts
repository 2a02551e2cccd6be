import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelWeights } from '../../src/engines/levels/weights.js';
import { defaultSpeakers } from '../../src/io/format.js';

test('BS.1770-4 channel weights: L/R/C 1.0, surrounds 1.41, LFE excluded', () => {
  assert.deepEqual(channelWeights(defaultSpeakers(1)), [1]);
  assert.deepEqual(channelWeights(defaultSpeakers(2)), [1, 1]);
  assert.deepEqual(channelWeights(defaultSpeakers(5)), [1, 1, 1, 1.41, 1.41]);
  assert.deepEqual(channelWeights(defaultSpeakers(6)), [1, 1, 1, 0, 1.41, 1.41]);
  // 7.1: side surrounds at ±90° weigh 1.41, back surrounds at ±135–150° weigh 1.0
  assert.deepEqual(channelWeights(defaultSpeakers(8)), [1, 1, 1, 0, 1, 1, 1.41, 1.41]);
});
