/**
 * Toms read as kicks beside the stem's own kicks (issue 13, h-dxtom52, stem.ts byTomCluster): a one-mode tom adds
 * enough below lowHz to pass for a kick, and when its pitch falls as it dies byTomPitch (pitch held) misses it. The
 * stem's kick-read hits then fall in two groups: the kicks low, the toms well above them with less sub. An analytic
 * TR-808-like kit: a kick (a sine falling from 105 to 45 Hz, ringing 0.15 s, with a 1 ms beater click) and a tom (a
 * sine falling from 140 to 125 Hz, ringing 0.3 s, with a 2 ms stick click), four bars of eighths at 100 bpm (kick,
 * tom, tom, kick, tom, kick, tom, tom); truth is where each piece was placed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEM_TOM_CLUSTER_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { noiseSource } from '../../fixtures/signals.js';
import { tallyStem } from '../../fixtures/stemtally.js';

const rate = 44100;
type Piece = 'kick' | 'tom';

/** One stroke of `piece`, 0.6 s. */
function stroke(piece: Piece, r: () => number): Float64Array {
  const n = Math.round(0.6 * rate);
  const x = new Float64Array(n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const w = r();
    const hp = w - last;
    last = w;
    if (piece === 'kick') {
      const phase = 2 * Math.PI * (45 * t + 60 * 0.015 * (1 - Math.exp(-t / 0.015)));
      x[i] = Math.sin(phase) * Math.exp(-t / 0.15) + 0.05 * hp * Math.exp(-t / 0.001);
    } else {
      const phase = 2 * Math.PI * (125 * t + 15 * 0.03 * (1 - Math.exp(-t / 0.03)));
      x[i] = Math.sin(phase) * Math.exp(-t / 0.3) + 0.1 * hp * Math.exp(-t / 0.002);
    }
  }
  return x;
}

/** Four bars of `bar` in eighths at 100 bpm: per piece struck, how many hits read as each class. */
function tally(bar: Piece[]): Record<string, number> {
  const u = noiseSource(52);
  const r = () => 2 * u() - 1;
  const step = Math.round((30 / 100) * rate);
  const strokes = Array.from({ length: bar.length * 4 }, (_, k) => {
    const piece = bar[k % bar.length]!;
    return { at: 2000 + k * step, piece, gain: 0.5 * (0.85 + 0.05 * (k % 3)), x: stroke(piece, r) };
  });
  return tallyStem(strokes, step * bar.length * 4 + rate, rate);
}

const off = <T>(f: () => T) => withParameterValue(STEM_TOM_CLUSTER_PARAMETERS.tomClusterGap, 0, f);
const GROOVE = 'kick tom tom kick tom kick tom tom'.split(' ') as Piece[];

test("one-mode toms above their kit's kick are toms; without the rule (main) 11 of 20 read as kicks", () => {
  const got = tally(GROOVE);
  const base = off(() => tally(GROOVE));
  const why = `${JSON.stringify(got)} main ${JSON.stringify(base)}`;
  assert.equal(base['tom->kick'], 11, why);
  assert.equal(got['tom->tom'], 20, why);
  assert.equal(got['tom->kick'] ?? 0, 0, why);
  // the kicks stay kicks, with the rule and without it
  for (const t of [got, base]) assert.equal(t['kick->kick'], 12, why);
});
