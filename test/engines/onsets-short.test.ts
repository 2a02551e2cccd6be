/**
 * The short-window candidates (issue 12 point 4, h-onset89; src/engines/onsets/index.ts, onsetModelShortWindowSeconds):
 * a soft closed hat 35 ms after a louder low stroke has no candidate of its own with the candidates' 50 ms window (its
 * peak is merged into the louder stroke's); with a short window of 20 ms every such hat has one (`source` 3), the
 * louder strokes keep one each, and the rules' onsets are the same with the window on and off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { onsetFluxOptions, stftLayout } from '../../src/engines/analysis/params.js';
import { detectOnsets, onsetDefaults, onsetInput } from '../../src/engines/onsets/index.js';
import type { PeakCandidate } from '../../src/engines/onsets/peak-model.js';
import { mulberry32 } from '../../src/engines/random.js';

const RATE = 44100;

/**
 * Four seconds: every 450 ms a loud low stroke (noise through a one-pole low-pass, 80 ms decay) and 35 ms after it
 * a soft closed hat (noise through a first difference, 15 ms decay), over a quiet noise floor.
 */
function hatsUnderStrokes(): { x: Float32Array; louds: number[]; hats: number[] } {
  const rnd = mulberry32(8989);
  const n = 4 * RATE;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 1e-4 * (rnd() * 2 - 1);
  const louds: number[] = [];
  const hats: number[] = [];
  for (let k = 0; k < 8; k++) {
    const at = 0.2 + k * 0.45;
    louds.push(at);
    let s0 = Math.round(at * RATE);
    let y = 0;
    for (let i = 0; i < 0.4 * RATE && s0 + i < n; i++) {
      y = 0.9 * y + 0.1 * (rnd() * 2 - 1);
      x[s0 + i]! += 3 * y * Math.exp(-i / RATE / 0.08);
    }
    hats.push(at + 0.035);
    s0 = Math.round((at + 0.035) * RATE);
    let prev = 0;
    for (let i = 0; i < 0.1 * RATE && s0 + i < n; i++) {
      const v = rnd() * 2 - 1;
      x[s0 + i]! += 0.4 * (v - prev) * Math.exp(-i / RATE / 0.015);
      prev = v;
    }
  }
  return { x: Float32Array.from(x), louds, hats };
}

test('short-window candidates: a closed hat 35 ms after a louder stroke gets a candidate of its own', () => {
  const { x, louds, hats } = hatsUnderStrokes();
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(RATE, {}),
  );
  fx.addFloat(x);
  const inp = onsetInput(fx.finish(), RATE, stftLayout(RATE).windowSamples);
  const read = (w: number) => {
    let cands: PeakCandidate[] = [];
    const params = { ...onsetDefaults(), onsetModel: 0, onsetModelShortWindowSeconds: w };
    const times = detectOnsets(inp, params, { onCandidates: (c) => (cands = [...c]) }).times;
    const near = (t: number, s: number) => cands.filter((c) => Math.abs(c.t - t) <= s);
    return { times, cands, near };
  };
  const off = read(0);
  const on = read(0.02);
  // off (the default): no candidate within 15 ms of any hat; each louder stroke one
  assert.deepEqual(
    hats.map((h) => off.near(h, 0.015).length),
    hats.map(() => 0),
  );
  assert.deepEqual(
    louds.map((t) => off.near(t, 0.015).length),
    louds.map(() => 1),
  );
  // on: every hat one short-window candidate within 5 ms (measured: 0.1–1.9 ms), the louder strokes unchanged
  for (const h of hats) {
    const c = on.near(h, 0.015);
    assert.equal(c.length, 1, `hat at ${h}`);
    assert.equal(c[0]!.source, 3);
    assert.ok(Math.abs(c[0]!.t - h) <= 0.005, `hat at ${h} placed at ${c[0]!.t}`);
  }
  assert.deepEqual(
    louds.map((t) => on.near(t, 0.015).map((c) => c.source)),
    louds.map((t) => off.near(t, 0.015).map((c) => c.source)),
  );
  // only short-window candidates are added, and the rules' onsets do not move
  assert.equal(on.cands.filter((c) => c.source !== 3).length, off.cands.length);
  assert.deepEqual(on.times, off.times);
});
