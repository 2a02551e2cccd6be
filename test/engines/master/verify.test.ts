/**
 * The master verification policy: each branch of the verdict on a written file, the round limit,
 * and a simulated loop (a file whose true peak overshoots the limiter ceiling by a fixed amount
 * after resampling, and an encoder that shifts the loudness) to show it ends on target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  codecFirstMarginDb,
  CEILING_STEP_MARGIN_DB,
  FIRST_CEILING_MARGIN_DB,
  MAX_VERIFY_ROUNDS,
  PEAK_SAFETY_DB,
  verdict,
  VERIFY_TOLERANCE_LU,
} from '../../../src/engines/master/verify.js';

const spotify = { integratedLufs: -14, truePeakCeilingDbtp: -1 };

test('on target and at least 0.1 dB under the ceiling: accepted', () => {
  assert.deepEqual(verdict({ integratedLufs: -14.09, truePeakDbtp: -1.1 }, spotify, 0), { ok: true });
  assert.deepEqual(verdict({ integratedLufs: -13.91, truePeakDbtp: -3 }, spotify, 2), { ok: true });
  assert.equal(VERIFY_TOLERANCE_LU, 0.1);
  assert.equal(PEAK_SAFETY_DB, 0.1);
});

test('a peak within the safety margin or over the ceiling: lower the ceiling by the overshoot + margin', () => {
  const v = verdict({ integratedLufs: -14, truePeakDbtp: -0.95 }, spotify, 0);
  assert.equal(v.ok, false);
  if (v.ok || v.action !== 'lower-ceiling') throw new Error(`expected lower-ceiling, got ${JSON.stringify(v)}`);
  // -0.95 is 0.15 dB above the -1.1 dBTP the master must stay under
  assert.ok(Math.abs(v.byDb - (0.15 + CEILING_STEP_MARGIN_DB)) < 1e-12, `${v.byDb}`);
  assert.equal(v.loudOk, true);
  assert.equal(v.peakOk, false);
  // the peak is fixed first even when the loudness is off too
  const both = verdict({ integratedLufs: -13.5, truePeakDbtp: -0.5 }, spotify, 1);
  assert.equal(!both.ok && both.action, 'lower-ceiling');
});

test('the loudness off target alone: correct the gain by the measured error', () => {
  const v = verdict({ integratedLufs: -14.25, truePeakDbtp: -2 }, spotify, 0);
  if (v.ok || v.action !== 'correct-gain') throw new Error(`expected correct-gain, got ${JSON.stringify(v)}`);
  assert.ok(Math.abs(v.byDb - 0.25) < 1e-12);
  const loud = verdict({ integratedLufs: -13.8, truePeakDbtp: -2 }, spotify, 1);
  if (loud.ok || loud.action !== 'correct-gain') throw new Error('expected correct-gain');
  assert.ok(Math.abs(loud.byDb - -0.2) < 1e-12);
});

test('the last round gives up instead of acting; silence (null) gives up at once', () => {
  assert.equal(MAX_VERIFY_ROUNDS, 3);
  const last = verdict({ integratedLufs: -14.5, truePeakDbtp: -2 }, spotify, MAX_VERIFY_ROUNDS - 1);
  assert.deepEqual(last, { ok: false, loudOk: false, peakOk: true, action: 'give-up' });
  const silent = verdict({ integratedLufs: null, truePeakDbtp: null }, spotify, 0);
  assert.equal(!silent.ok && silent.action, 'give-up');
});

test('simulated rounds: a +0.25 dB resampling overshoot and a -0.15 LU encoder shift end on target in 3 rounds', () => {
  // the written file peaks 0.25 dB above the limiter ceiling and reads 0.15 LU below the rendered loudness
  let ceilingDb = spotify.truePeakCeilingDbtp - FIRST_CEILING_MARGIN_DB;
  let gainDb = 0;
  const write = () => ({ integratedLufs: -14 + gainDb - 0.15, truePeakDbtp: ceilingDb + 0.25 });
  const actions: string[] = [];
  let accepted = false;
  for (let round = 0; round < MAX_VERIFY_ROUNDS && !accepted; round++) {
    const v = verdict(write(), spotify, round);
    if (v.ok) accepted = true;
    else {
      actions.push(v.action);
      if (v.action === 'lower-ceiling') ceilingDb -= v.byDb;
      if (v.action === 'correct-gain') gainDb += v.byDb;
    }
  }
  assert.deepEqual(actions, ['lower-ceiling', 'correct-gain']);
  assert.ok(accepted);
  const m = write();
  assert.ok(Math.abs(m.integratedLufs - -14) <= VERIFY_TOLERANCE_LU);
  assert.ok(m.truePeakDbtp <= spotify.truePeakCeilingDbtp - PEAK_SAFETY_DB);
});

test("the first try's codec margin: Opus's lift of the true peak (0.3 dB), none for AAC, MP3 or no codec check", () => {
  assert.equal(codecFirstMarginDb([]), 0);
  assert.equal(codecFirstMarginDb(['aac', 'mp3']), 0);
  assert.equal(codecFirstMarginDb(['mp3', 'aac', 'opus']), 0.3);
  assert.equal(codecFirstMarginDb(['opus']), 0.3);
});
