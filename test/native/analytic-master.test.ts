/**
 * The fixtures' analytic calibration (fixtures/signals.ts) against the standard and the meter:
 * the K-weighting stages derived for any rate are BS.1770's published coefficients at 48 kHz, and
 * `masterLike` — calibrated without the meter — reads on the native meter at the loudness and true
 * peak asked for. Either side being wrong fails this test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kWeightingStages, masterLike } from '../../fixtures/signals.js';
import { native } from '../../src/native.js';

test('K-weighting derived at 48 kHz is BS.1770-4 Tables 1 and 2 (to 1e-8)', () => {
  const { shelf, highpass } = kWeightingStages(48000);
  const published = {
    shelf: [1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585],
    highpass: [1, -2, 1, -1.99004745483398, 0.99007225036621],
  };
  shelf.forEach((c, i) => assert.ok(Math.abs(c - published.shelf[i]!) < 1e-8, `shelf ${i}: ${c}`));
  highpass.forEach((c, i) => assert.ok(Math.abs(c - published.highpass[i]!) < 1e-8, `highpass ${i}: ${c}`));
});

for (const [rate, lufs, tp] of [
  [48000, -14, -1.5],
  [44100, -14.4, -3],
  [32000, -20, -6],
] as const) {
  test(`masterLike at ${rate} Hz, ${lufs} LUFS, ${tp} dBTP: the meter reads what was computed`, async () => {
    const [l] = await masterLike({ sampleRate: rate, seconds: 8, integratedLufs: lufs, truePeakDbtp: tp });
    const inter = new Float32Array(2 * l!.length);
    for (let i = 0; i < l!.length; i++) inter[2 * i] = inter[2 * i + 1] = l![i]!;
    const m = new (native().LevelMeter)({ sampleRate: rate, channels: 2, channelWeights: [1, 1] });
    m.addFloat(inter);
    const r = m.result();
    assert.ok(Math.abs(r.integratedLufs! - lufs) < 0.05, `integrated ${r.integratedLufs}`);
    const got = 20 * Math.log10(Math.max(...r.truePeak));
    assert.ok(Math.abs(got - tp) < 0.1, `true peak ${got}`);
  });
}
