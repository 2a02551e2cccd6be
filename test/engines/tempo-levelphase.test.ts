/**
 * The level phase (issue 12 point 2, h-tempo83) on generated envelopes: at the reported level the beats move a
 * quarter, a half or three quarters of a beat onto the kick and snare when the kick-and-snare envelope there exceeds
 * the on-beat strength by levelPhaseMargin and the kick (the low group alone) is there at least as strong; the half is
 * not read when the model halved the level; at 10 nothing moves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEVEL_PHASE_FRACTIONS, levelPhase } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

const beats = Array.from({ length: 16 }, (_, i) => 20 + 24 * i);

/** An envelope: `onBeat` on each tracked beat and `there` at `fraction` of the way to the next (24 frames a beat). */
function env(fraction: number, onBeat: number, there: number) {
  const e = new Float64Array(420);
  for (const b of beats) {
    e[b] = onBeat;
    e[Math.round(b + fraction * 24)] = there;
  }
  return e;
}

const at = (margin: number, f: () => ReturnType<typeof levelPhase>) =>
  withParameterValue(TEMPO_PARAMETERS.levelPhaseMargin, margin, f);

test('the fractions read: a sixteenth either side and half a beat', () => {
  assert.deepEqual([...LEVEL_PHASE_FRACTIONS], [0.25, 0.5, 0.75]);
});

test('kick and snare a sixteenth after the beats (the tracker on a pick-up): moved 0.25 at margin 0.1', () => {
  const p = at(0.1, () => levelPhase(env(0.25, 0.5, 1), env(0.25, 0.3, 0.8), beats, 1));
  assert.equal(p.fraction, 0.25);
  assert.ok(Math.abs(p.on - 0.5) < 1e-9 && Math.abs(p.off - 1) < 1e-9, `${p.on} ${p.off}`);
  assert.ok(Math.abs(p.kickOn - 0.3) < 1e-9 && Math.abs(p.kickAt - 0.8) < 1e-9, `${p.kickOn} ${p.kickAt}`);
});

test('kick and snare half-way (a double on the off-beat bass): moved half a beat', () => {
  const p = at(0.1, () => levelPhase(env(0.5, 0.4, 1), env(0.5, 0.2, 1), beats, 1));
  assert.equal(p.fraction, 0.5);
});

test('the mid group alone half-way (an off-beat skank, the kick on the beats): not moved', () => {
  // the kick-and-snare envelope is 2 half-way (the skank) against 1 on the beats; the kick is 1 on them, 0.2 there
  const p = at(0.1, () => levelPhase(env(0.5, 1, 2), env(0.5, 1, 0.2), beats, 1));
  assert.equal(p.fraction, 0);
  assert.ok(p.kickAt < p.kickOn);
});

test('a level the model halved: the half is not read (which beats a half keeps is the downbeats’ choice)', () => {
  const halves = at(0.1, () => levelPhase(env(0.5, 0.4, 1), env(0.5, 0.2, 1), beats, 1, false));
  assert.equal(halves.fraction, 0);
  const quarter = at(0.1, () => levelPhase(env(0.75, 0.4, 1), env(0.75, 0.2, 1), beats, 1, false));
  assert.equal(quarter.fraction, 0.75);
});

test('below (1 + margin) × the on-beat strength nothing moves (1.05 < 1.1 × 1)', () => {
  const p = at(0.1, () => levelPhase(env(0.25, 1, 1.05), env(0.25, 0.2, 1), beats, 1));
  assert.equal(p.fraction, 0);
  assert.ok(Number.isNaN(p.kickOn));
});

test('at 10 the level phase never moves the beats, whatever the envelopes', () => {
  assert.equal(at(10, () => levelPhase(env(0.5, 0, 1), env(0.5, 0, 1), beats, 1)).fraction, 0);
});

test('the default is 0.1 (h-tempo83: the switch rule met on tempo35–51 and the plain grooves)', () => {
  assert.equal(TEMPO_PARAMETERS.levelPhaseMargin.value, 0.1);
  assert.equal(levelPhase(env(0.25, 0.5, 1), env(0.25, 0.3, 0.8), beats, 1).fraction, 0.25);
});
