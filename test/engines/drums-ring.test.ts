/**
 * Close-mic detection (issue 13, h-drums24): a soft hit in the ring of the mic's own louder hit is found by the ring
 * test (`RING_PARAMETERS`: above what the mic's earlier rings reached at that offset), and a burst every one-shot of
 * the drum has at the same offset is not taken for a hit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionDetector } from '../../src/engines/drums/detect.js';
import { RING_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { mulberry32 } from '../../src/engines/random.js';

const rate = 44100;

/** A tom: the stick's click (noise, 0.3 ms time constant) and a decaying tone (80 ms), `hz`, peak `gain`, 400 ms. */
const tom = (hz: number, gain: number, seed = 7) => {
  const rnd = mulberry32(seed);
  return Float32Array.from({ length: Math.round(0.4 * rate) }, (_, i) => {
    const t = i / rate;
    return gain * (Math.exp(-t / 0.08) * Math.sin(2 * Math.PI * hz * t) + Math.exp(-t / 0.0003) * (2 * rnd() - 1));
  });
};

const add = (x: Float32Array, shot: Float32Array, at: number) => {
  for (let i = 0; i < shot.length && at + i < x.length; i++) x[at + i]! += shot[i]!;
};

/** The starts one raw close mic (emphasis 0) keeps. */
function detect(x: Float32Array, ringMs = RING_PARAMETERS.ringMs.value): number[] {
  return withParameterValue(RING_PARAMETERS.ringMs, ringMs, () => {
    const d = new SessionDetector(rate, [0]);
    for (let i = 0; i < x.length; i += 4096) d.push([x.subarray(i, i + 4096)]);
    return d.finish()[0]!.map((c) => c.start);
  });
}

const near = (starts: number[], t: number, tol = Math.round(0.002 * rate)) =>
  starts.some((s) => Math.abs(s - t) <= tol);

test('ring test: a soft tom 140 ms into a loud one’s ring is found; without the test it is not', () => {
  const period = Math.round(0.6 * rate);
  const x = new Float32Array(period * 10);
  const loud: number[] = [];
  const soft: number[] = [];
  for (let k = 0; k < 10; k++) {
    const at = 2000 + k * period;
    loud.push(at);
    add(x, tom(110, 0.9), at);
    // from the fifth on, a softer stroke (−7 dB, another pitch) 140 ms in: the ring there is −16 dB, so the stroke
    // rises 6–10 dB over the 12 ms before it (under `riseDb`, over `ringRiseDb`), well above the earlier rings there
    if (k >= 4) {
      soft.push(at + Math.round(0.14 * rate));
      add(x, tom(150, 0.4), soft[soft.length - 1]!);
    }
  }
  const plain = detect(x, 0);
  for (const t of loud) assert.ok(near(plain, t), `loud at ${t}: ${plain.join(' ')}`);
  assert.equal(soft.filter((t) => near(plain, t)).length, 0, `soft ones without the ring test: ${plain.join(' ')}`);
  const ring = detect(x);
  for (const t of [...loud, ...soft]) assert.ok(near(ring, t), `at ${t}: ${ring.join(' ')}`);
  assert.equal(ring.length, loud.length + soft.length, ring.join(' '));
});

test('ring test: a burst every one-shot of the drum has at one offset is no hit', () => {
  const rnd = mulberry32(24);
  const period = Math.round(0.5 * rate);
  const x = new Float32Array(period * 10);
  const loud: number[] = [];
  for (let k = 0; k < 10; k++) {
    const at = 2000 + k * period;
    loud.push(at);
    add(x, tom(110, 0.9 - 0.04 * k), at);
    // 90 ms in, a short burst 4 dB over the ring there (a rattle of the drum's own one-shot)
    const b = at + Math.round(0.09 * rate);
    const g = (0.9 - 0.04 * k) * Math.exp(-0.09 / 0.08) * 1.6;
    for (let i = 0; i < Math.round(0.004 * rate); i++) x[b + i]! += g * Math.exp(-i / (0.001 * rate)) * (2 * rnd() - 1);
  }
  const got = detect(x);
  for (const t of loud) assert.ok(near(got, t), `loud at ${t}: ${got.join(' ')}`);
  // the first burst comes before any ring is known (no ring test there); every later one lies within what the rings
  // before reached
  assert.equal(got.length, loud.length, got.join(' '));
});
