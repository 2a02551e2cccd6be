/**
 * The first pass's spectra (stem.ts StemAnalyzer.spectra): every pending event gets its added spectrum's centroid,
 * flatness, late reading and body partial whether or not the membrane cue is read (`membrane` false: the rules, or a
 * model that does not read the cue). The pass once returned after the first event when the cue was off, so the
 * events after it in the same call were read without their spectra (found by h-pwarn96; integrator's mend).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StemAnalyzer } from '../../src/engines/drums/stem.js';
import type { StemFeatures } from '../../src/engines/drums/classify.js';
import { noiseSource } from '../../fixtures/signals.js';

const rate = 44100;
const KEYS = ['centroidHz', 'flatness', 'lateCentroidHz', 'lateDb', 'bodyHz'] as const;

/** Stroke starts (s): six 0.25 s apart, then two in the last 0.1 s of the stream, whose spectra are read at its end. */
const AT = [0.1, 0.35, 0.6, 0.85, 1.1, 1.35, 1.62, 1.66];
const END = 1.7;

/** A kick's falling sine and click and a snare's noise and body in turn, at AT, pushed in one block. */
function read(membrane: boolean): StemFeatures[] {
  const u = noiseSource(96);
  const x = new Float32Array(Math.round(END * rate));
  AT.forEach((s, k) => {
    const at = Math.round(s * rate);
    const n = Math.min(Math.round(0.2 * rate), x.length - at);
    for (let i = 0; i < n; i++) {
      const t = i / rate;
      const fade = Math.min(1, (n - i) / (0.03 * rate));
      const kick = Math.sin(2 * Math.PI * (55 * t + 145 * 0.02 * (1 - Math.exp(-t / 0.02)))) * Math.exp(-t / 0.08);
      const snare = (2 * u() - 1) * Math.exp(-t / 0.05) + 0.5 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t / 0.04);
      x[at + i]! += 0.5 * fade * (k % 2 ? snare : kick + 0.4 * (2 * u() - 1) * Math.exp(-t / 0.001));
    }
  });
  const a = new StemAnalyzer(rate, membrane);
  a.push(x);
  a.finish();
  return a.found.map((h) => h.features);
}

test('stem spectra: with the membrane cue off every hit still has its spectra, the same as with it on', () => {
  const off = read(false);
  const on = read(true);
  assert.equal(off.length, AT.length);
  assert.equal(on.length, AT.length);
  for (let i = 0; i < AT.length; i++) {
    // every hit's added spectrum read (the last ones at the stream's end, zero-padded)
    assert.ok(Number.isFinite(off[i]!.centroidHz), `hit ${i} centroidHz: ${off[i]!.centroidHz} (the cue off)`);
    for (const k of KEYS) assert.ok(Object.is(off[i]![k], on[i]![k]), `hit ${i} ${k}: ${off[i]![k]} / ${on[i]![k]}`);
  }
  // the cue itself only where it is read
  assert.ok(off.every((f) => f.modePeakDb === undefined));
  assert.ok(on.every((f) => Number.isFinite(f.modePeakDb)));
});
