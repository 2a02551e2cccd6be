/**
 * The master loudness solver on analytic loudness curves: a linear chain, a chain whose limiter
 * flattens the curve above a knee (piecewise linear), a smooth compressive curve, one that
 * saturates (no gain reaches the target), and the style's limiting bounds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  gainStep,
  LOUDNESS_AIM_LU,
  MAX_GAIN_PASSES,
  MAX_GAIN_STEP_DB,
  solveGain,
  type GainMeasurement,
  type LimitingLimits,
} from '../../../src/engines/master/loudness.js';
import { STYLE_SPECS } from '../../../src/engines/master/plan.js';

const unbounded: LimitingLimits = { maxLimiterGainReductionDb: null, maxMeanLimiterGainReductionDb: 100 };

/** A chain whose loudness follows `lufs(gain)` and whose limiter works `gr(gain)` dB. */
const curve =
  (lufs: (g: number) => number, gr: (g: number) => number = () => 0) =>
  (g: number): GainMeasurement => ({ lufs: lufs(g), limiterPeakGrDb: gr(g), limiterMeanGrDb: gr(g) / 3 });

/** -20 LUFS at 0 dB, slope 1 up to a knee at -12 LUFS, then `above` LU per dB (the limiter). */
const kneeCurve = (above: number) => (g: number) => {
  const unlimited = -20 + g;
  return unlimited <= -12 ? unlimited : -12 + (unlimited + 12) * above;
};

test('a linear chain: the first pass measures, the second lands exactly (secant of slope 1)', () => {
  const s = solveGain(
    curve((g) => -23 + g),
    { targetLufs: -14, startGainDb: 0, limits: unbounded },
  );
  assert.equal(s.status, 'on-target');
  assert.equal(s.passes, 2);
  assert.ok(Math.abs(s.lufs - -14) <= 1e-12);
  assert.ok(Math.abs(s.gainDb - 9) <= 1e-12);
  assert.deepEqual(s.history[0], { gainDb: 0, lufs: -23 });
});

test("the first step uses the chain's own loudness (chainLufs) while the limiter is idle", () => {
  // the chain adds 2 LU of its own (EQ, compression): measured -21 at 0 dB, the input read -23
  const s = solveGain(
    curve((g) => -21 + g),
    { targetLufs: -14, startGainDb: 9, chainLufs: -21, limits: unbounded },
  );
  assert.equal(s.status, 'on-target');
  assert.equal(s.passes, 2);
  assert.ok(Math.abs(s.gainDb - 7) <= 1e-12);
});

test('a limiter above a knee (slope 0.3, 0.1): converges within ±0.03 LU in at most 8 passes', () => {
  for (const above of [0.6, 0.3, 0.1]) {
    for (const target of [-14, -11, -9]) {
      const s = solveGain(curve(kneeCurve(above)), { targetLufs: target, startGainDb: target + 20, limits: unbounded });
      assert.equal(s.status, 'on-target', `slope ${above}, target ${target}: ${JSON.stringify(s.history)}`);
      assert.ok(Math.abs(s.lufs - target) <= LOUDNESS_AIM_LU, `slope ${above}: ${s.lufs}`);
      assert.ok(s.passes <= MAX_GAIN_PASSES);
      // the analytic answer: the gain at which the curve crosses the target
      const exact = target <= -12 ? target + 20 : -12 + 20 + (target + 12) / above;
      assert.ok(Math.abs(s.gainDb - exact) <= LOUDNESS_AIM_LU / above + 1e-9, `gain ${s.gainDb} vs ${exact}`);
    }
  }
});

test('a smooth compressive curve (softplus limiter) converges from far below and from above', () => {
  // slope 1 well below 10 dB of gain, falling towards 0 above it; crosses -10 LUFS at 15.56 dB
  const soft = (g: number) => -8 - 6 * Math.log1p(Math.exp(-(g - 10) / 6));
  // (from where the curve is flatter than 0.05 LU/dB the secant is not trusted and the search is slow;
  // master starts from the linear estimate, which is below the crossing)
  for (const start of [-10, 0, 20]) {
    const s = solveGain(curve(soft), { targetLufs: -10, startGainDb: start, limits: unbounded });
    assert.equal(s.status, 'on-target', `from ${start}: ${JSON.stringify(s.history)}`);
    assert.ok(Math.abs(s.lufs - -10) <= LOUDNESS_AIM_LU);
    assert.ok(s.passes <= MAX_GAIN_PASSES, `from ${start}: ${s.passes} passes`);
  }
});

test('a curve that saturates below the target never settles: not-settled after exactly MAX_GAIN_PASSES', () => {
  let calls = 0;
  const s = solveGain(
    (g) => {
      calls++;
      return { lufs: Math.min(-12, -20 + g), limiterPeakGrDb: 0, limiterMeanGrDb: 0 };
    },
    { targetLufs: -9, startGainDb: 0, limits: unbounded },
  );
  assert.equal(s.status, 'not-settled');
  assert.equal(s.passes, MAX_GAIN_PASSES);
  assert.equal(calls, MAX_GAIN_PASSES);
  // a flat curve (slope 0) is not trusted: the steps fall back to the error and are bounded
  for (let i = 1; i < s.history.length; i++)
    assert.ok(Math.abs(s.history[i]!.gainDb - s.history[i - 1]!.gainDb) <= MAX_GAIN_STEP_DB + 1e-9);
});

test('a silent measurement (-Infinity) steps by the largest allowed move, not by infinity', () => {
  const step = gainStep(
    { targetLufs: -14, gainDb: 0, history: [{ gainDb: 0, lufs: -Infinity }] },
    { lufs: -Infinity, limiterPeakGrDb: 0, limiterMeanGrDb: 0 },
    null,
    unbounded,
  );
  assert.deepEqual(step, { status: 'next', gainDb: MAX_GAIN_STEP_DB });
});

test("the style's limiting bounds: too much limiting is reported while the loudness is still short", () => {
  const transparent = STYLE_SPECS.transparent; // at most 4 dB on peaks, 1 dB on average
  // the limiter works 1 dB per dB of gain above 6 dB; the target needs 10 dB of gain
  const gr = (g: number) => Math.max(0, g - 6);
  const s = solveGain(
    curve((g) => -24 + g - 0.7 * gr(g), gr),
    { targetLufs: -14, startGainDb: 10, limits: transparent },
  );
  assert.equal(s.status, 'too-much-limiting');
  assert.equal(s.passes, 1);
  if (s.status === 'too-much-limiting') assert.equal(s.limiterPeakGrDb, 4 + 0, 'the measured peak reduction');
  // peaks unbounded (balanced), the average bound still applies: 8 dB on average
  const heavy = solveGain(() => ({ lufs: -15, limiterPeakGrDb: 30, limiterMeanGrDb: 9 }), {
    targetLufs: -14,
    startGainDb: 0,
    limits: STYLE_SPECS.balanced,
  });
  assert.equal(heavy.status, 'too-much-limiting');
  // the same limiting above the target is no failure: less gain will do (the search goes on)
  const over = gainStep(
    { targetLufs: -14, gainDb: 5, history: [{ gainDb: 5, lufs: -12 }] },
    { lufs: -12, limiterPeakGrDb: 30, limiterMeanGrDb: 9 },
    null,
    STYLE_SPECS.balanced,
  );
  assert.deepEqual(over, { status: 'next', gainDb: 3 });
  // within the bounds and on target: accepted
  const ok = gainStep(
    { targetLufs: -14, gainDb: 5, history: [{ gainDb: 5, lufs: -14.02 }] },
    { lufs: -14.02, limiterPeakGrDb: 3.9, limiterMeanGrDb: 0.9 },
    null,
    transparent,
  );
  assert.deepEqual(ok, { status: 'on-target' });
});
