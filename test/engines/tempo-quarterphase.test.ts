/**
 * The quarter phase (issue 12 point 2, h-tempo81) on generated drum envelopes: beats tracked a sixteenth or a triplet
 * eighth before the kicks move onto them when phaseQuarterMargin allows it; at its default (10) nothing moves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beatQuarterPhase, fractionShifted } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

const beats = Array.from({ length: 16 }, (_, i) => 20 + 24 * i);

/** A drum envelope: `onBeat` on each tracked beat, a kick of 1 at `fraction` of the way to the next. */
function drum(fraction: number, onBeat: number) {
  const env = new Float64Array(420);
  for (const b of beats) {
    env[b] = onBeat;
    env[Math.round(b + fraction * 24)] = 1;
  }
  return env;
}

test('kicks a quarter of a beat after the tracked beats: the quarter phase moves them by 0.25 at margin 0.5', () => {
  const q = withParameterValue(TEMPO_PARAMETERS.phaseQuarterMargin, 0.5, () =>
    beatQuarterPhase(drum(0.25, 0.2), beats, 1),
  );
  assert.equal(q.fraction, 0.25);
  assert.ok(Math.abs(q.on - 0.2) < 1e-9 && Math.abs(q.off - 1) < 1e-9, `${q.on} ${q.off}`);
});

test('kicks two thirds of a beat on (a triplet pick-up tracked): the move is 2/3', () => {
  const q = withParameterValue(TEMPO_PARAMETERS.phaseQuarterMargin, 0.5, () =>
    beatQuarterPhase(drum(2 / 3, 0.2), beats, 1),
  );
  assert.equal(q.fraction, 2 / 3);
});

test('an off-beat hit below (1 + margin) × the on-beat strength leaves the beats (1 < 1.5 × 0.7)', () => {
  const q = withParameterValue(TEMPO_PARAMETERS.phaseQuarterMargin, 0.5, () =>
    beatQuarterPhase(drum(0.25, 0.7), beats, 1),
  );
  assert.equal(q.fraction, 0);
});

test('at the default (10) the quarter phase never moves the beats, whatever the envelope', () => {
  assert.equal(TEMPO_PARAMETERS.phaseQuarterMargin.value, 10);
  assert.equal(beatQuarterPhase(drum(0.25, 0), beats, 1).fraction, 0);
});

test("fractionShifted: each beat moved the fraction of its interval, the last by its predecessor's", () => {
  assert.deepEqual(fractionShifted([10, 20, 32], 0.25), [13, 23, 35]);
  assert.deepEqual(fractionShifted([10, 20, 32], 0), [10, 20, 32]);
});
