/**
 * Ride bells read as hats or snares by their late ring (issue 13, h-dxbell45, stem.ts byBellRing): a bell struck
 * alone is short and bright at its stroke like a hat, and its low partial reads as a drum body to the band rule. What
 * tells it is its ring: 50 ms on a few inharmonic partials over 1 kHz still sound loud, where a closed hat has died.
 * An analytic kit: a bell of seven inharmonic partials (2.9–11.5 kHz, the lower ones ringing 0.2–0.3 s, the upper
 * ones under 0.1 s, so that its top band dies as fast as a hat's), closed hats of decaying differenced white noise
 * and a falling-sine kick, in a bar of eighths at 120 bpm; truth is where each piece was placed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEM_BELL_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { noiseSource } from '../../fixtures/signals.js';
import { placeStrokes, tallyStem } from '../../fixtures/stemtally.js';
import { STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';

/** The rules' classes alone (the learned model off, STEM_MODEL_PARAMETERS.useModel): these tests assert what the rules
 * read; the model's readings are test/engines/drums-model.test.ts's. */
const rulesOnly = <T>(f: () => T) => withParameterValue(STEM_MODEL_PARAMETERS.useModel, 0, f);

const rate = 44100;
type Piece = 'kick' | 'hat' | 'bell';

/** One stroke of `piece` (1.5 s of a bell, 0.4 s of the others). */
function stroke(piece: Piece, r: () => number): Float64Array {
  const n = Math.round((piece === 'bell' ? 1.5 : 0.4) * rate);
  const x = new Float64Array(n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const w = r();
    const hp = w - last;
    last = w;
    if (piece === 'kick') {
      const phase = 2 * Math.PI * (50 * t + 100 * 0.03 * (1 - Math.exp(-t / 0.03)));
      x[i] = Math.sin(phase) * Math.exp(-t / 0.15);
    } else if (piece === 'hat') x[i] = 0.5 * hp * Math.exp(-t / 0.012);
    else {
      // the bell: seven inharmonic partials, the lower ones ringing longest, and a 2 ms stick click
      const partials: [number, number, number][] = [
        [2870, 0.4, 0.3],
        [3710, 0.35, 0.25],
        [4980, 0.3, 0.2],
        [6320, 0.5, 0.1],
        [7940, 0.45, 0.08],
        [9870, 0.4, 0.07],
        [11500, 0.3, 0.06],
      ];
      let v = 0;
      for (const [hz, a, tau] of partials) v += a * Math.sin(2 * Math.PI * hz * t) * Math.exp(-t / tau);
      x[i] = 0.6 * v + 0.4 * hp * Math.exp(-t / 0.002);
    }
  }
  return x;
}

/** Eight bars of `bar` in eighths (120 bpm): per piece struck, how many hits read as each class. */
function tally(bar: Piece[]): Record<string, number> {
  const u = noiseSource(45);
  const r = () => 2 * u() - 1;
  const eighth = Math.round(0.25 * rate);
  const { x, truth } = placeStrokes(
    bar,
    8 * 8,
    eighth,
    2 * rate,
    (piece) => stroke(piece, r),
    (k) => 0.5 * (0.8 + 0.1 * (k % 3)),
  );
  return tallyStem(x, truth, rate).got;
}

const off = <T>(f: () => T) => withParameterValue(STEM_BELL_PARAMETERS.bellLateDb, 1e9, f);
const BAR: Piece[] = ['kick', 'hat', 'bell', 'hat', 'kick', 'hat', 'bell', 'hat'];

test('ride bells on the off-beat quarters between closed hats: bells are rides; without the rule (main) hats', () =>
  rulesOnly(() => {
    const got = tally(BAR);
    const base = off(() => tally(BAR));
    const why = `${JSON.stringify(got)} main ${JSON.stringify(base)}`;
    assert.equal(got['bell->ride'], 16, why);
    assert.equal(base['bell->hihat'], 16, why);
    // the closed hats (struck into the bells' ring) and the kicks read alike with the rule and without it
    for (const t of [got, base]) {
      assert.equal(t['hat->hihat'], 32, why);
      assert.equal(t['kick->kick'], 16, why);
    }
  }));
