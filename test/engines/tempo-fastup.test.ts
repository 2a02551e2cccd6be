/**
 * The fast groove's up-move (issue 12 points 1 and 2, h-tlevel99) on wide snare hits whose truth is set by
 * construction (rule A, fixtures/tempotruth.ts beatLevelFactor: the tapped beat is the level at which the backbeat
 * falls on every second beat). A level of 48 beats read at the half of a two-beat: its snare on every one of its beats
 * (2 and 4 of the double: the double is the truth) is doubled when the level model leans to the double (P 0.6, under
 * its own margin's 0.7); a backbeat at the level (every second beat: the level is the truth) is left, and so is a
 * model that does not lean (P 0.5), fewer than 8 beats, no wide reading, and everything when off (1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastUpMove } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

/** 48 beats at 100 BPM (0.6 s) from 0.3 s; a snare stroke half-way in each beat `every` beats. */
const snare = (every: number) =>
  Array.from({ length: 48 }, (_, i) => i)
    .filter((i) => i % every === 0)
    .map((i) => 0.3 + 0.6 * i + 0.3);

test('a two-beat read at its half (the snare on every beat of the level): doubled when the model leans up', () => {
  const r = fastUpMove(0.6, snare(1), 48)!;
  assert.equal(r.rate, 1);
  assert.equal(r.up, true);
});

test('a backbeat at the level (the snare on every second beat): left', () => {
  const r = fastUpMove(0.6, snare(2), 48)!;
  assert.equal(r.rate, 0.5);
  assert.equal(r.up, false);
});

test('a model that does not lean up, fewer than 8 beats, no wide reading, off: left', () => {
  assert.equal(fastUpMove(0.5, snare(1), 48)!.up, false);
  assert.equal(fastUpMove(0.6, snare(1), 7), null);
  assert.equal(fastUpMove(0.6, null, 48), null);
  assert.equal(
    withParameterValue(TEMPO_PARAMETERS.fastUpProbability, 1, () => fastUpMove(0.99, snare(1), 48))!.up,
    false,
  );
});

test('the defaults: P over 0.55, 0.9 wide snare hits per beat or more; P over 0.8 whatever the snare', () => {
  assert.equal(TEMPO_PARAMETERS.fastUpProbability.value, 0.55);
  assert.equal(TEMPO_PARAMETERS.fastUpSnareRate.value, 0.9);
  assert.equal(TEMPO_PARAMETERS.fastUpSureProbability.value, 0.8);
  // at the rate's edge: 0.9 doubles, 0.875 does not
  const hits = (n: number) => Array.from({ length: n }, (_, i) => i);
  assert.equal(fastUpMove(0.56, hits(36), 40)!.up, true);
  assert.equal(fastUpMove(0.56, hits(35), 40)!.up, false);
});

test('a sure model (P over fastUpSureProbability) doubles whatever the snare; under it the snare still decides', () => {
  withParameterValue(TEMPO_PARAMETERS.fastUpSureProbability, 0.85, () => {
    // no snare heard at all (a two-beat whose snare the detector misses), a backbeat at the level: P 0.9 doubles
    assert.equal(fastUpMove(0.9, [], 48)!.up, true);
    assert.equal(fastUpMove(0.9, snare(2), 48)!.up, true);
    // P 0.8 (over fastUpProbability, under the sure one): the snare's rate decides, as before
    assert.equal(fastUpMove(0.8, snare(2), 48)!.up, false);
    assert.equal(fastUpMove(0.8, snare(1), 48)!.up, true);
    // fewer than 8 beats or no wide reading: nothing read
    assert.equal(fastUpMove(0.99, [], 7), null);
    // the up-move off (fastUpProbability 1): never
    assert.equal(withParameterValue(TEMPO_PARAMETERS.fastUpProbability, 1, () => fastUpMove(0.99, [], 48))!.up, false);
  });
  // off (1): P 0.99 with no snare is left
  withParameterValue(TEMPO_PARAMETERS.fastUpSureProbability, 1, () =>
    assert.equal(fastUpMove(0.99, [], 48)!.up, false),
  );
});
