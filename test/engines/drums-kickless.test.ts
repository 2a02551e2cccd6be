/**
 * A stem with no kick (issue 13, h-dx78; stem-model.ts applyKicklessStem, STEM_KICKLESS_PARAMETERS): toms alone, the
 * lowest read as the kick by the model; a kick's head falls in pitch as it rings, a tom's holds. An analytic kit as
 * drums-model.test.ts's (16ths at 100 bpm, four bars): a floor tom (one sine holding its pitch, ringing 0.25 s, a 2 ms
 * stick click) where the kick was, three toms at 200, 160 and 130 Hz, a snare (a 190 Hz sine and noise), closed hats
 * of differentiated noise; beside it the same kit with its kick (a sine falling from 200 to 50 Hz with a beater click).
 * Truth is where each stroke was placed. Each reading names kicklessFallSt's value (the engine's default aside).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEM_KICKLESS_PARAMETERS as K } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { noiseSource } from '../../fixtures/signals.js';
import { placeStrokes, tallyStem } from '../../fixtures/stemtally.js';

const rate = 44100;
type Piece = 'kick' | 'floor' | 'snare' | 'hat' | 'tom1' | 'tom2' | 'tom3';

/** One stroke, 0.6 s; the floor tom at `floorHz`. */
function stroke(piece: Piece, r: () => number, floorHz: number): Float64Array {
  const n = Math.round(0.6 * rate);
  const x = new Float64Array(n);
  let last = 0;
  const hz = { floor: floorHz, tom1: 200, tom2: 160, tom3: 130 } as Record<Piece, number>;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const w = r();
    const hp = w - last;
    last = w;
    if (piece === 'kick') {
      const phase = 2 * Math.PI * (50 * t + 150 * 0.02 * (1 - Math.exp(-t / 0.02)));
      x[i] = Math.sin(phase) * Math.exp(-t / 0.3) + 0.05 * hp * Math.exp(-t / 0.001);
    } else if (piece === 'snare')
      x[i] = 0.5 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t / 0.05) + 0.4 * w * Math.exp(-t / 0.08);
    else if (piece === 'hat') x[i] = 0.3 * hp * Math.exp(-t / 0.02);
    else x[i] = 0.8 * Math.sin(2 * Math.PI * hz[piece] * t) * Math.exp(-t / 0.25) + 0.1 * hp * Math.exp(-t / 0.002);
  }
  return x;
}

/** Four bars of a groove and a tom run, `low` on the kick's beats: per piece struck, how many hits read as each. */
function tally(low: 'kick' | 'floor', floorHz: number, fallSt: number): Record<string, number> {
  const bar = `${low} hat snare hat ${low} hat snare hat ${low} tom1 tom2 tom3 ${low} tom1 tom2 tom3`.split(
    ' ',
  ) as Piece[];
  const u = noiseSource(78);
  const r = () => 2 * u() - 1;
  const step = Math.round((15 / 100) * rate);
  const { x, truth } = placeStrokes(
    bar,
    bar.length * 4,
    step,
    rate,
    (piece) => stroke(piece, r, floorHz),
    (k) => 0.5 * (0.85 + 0.05 * (k % 3)),
  );
  return withParameterValue(K.kicklessFallSt, fallSt, () => tallyStem(x, truth, rate).got);
}

const ALL_RIGHT = { 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8, 'tom3->tom': 8 };

test('kickless stem: a 70 Hz floor tom and its toms, all toms at kicklessFallSt 0.8; without the rule 5 kicks', () => {
  const got = tally('floor', 70, 0.8);
  const off = tally('floor', 70, 0);
  const why = `${JSON.stringify(got)} off ${JSON.stringify(off)}`;
  assert.deepEqual(got, { 'floor->tom': 16, ...ALL_RIGHT }, why);
  assert.equal(off['floor->kick'], 3, why);
  assert.equal(off['tom2->kick'], 2, why);
});

test('kickless stem: an 85 Hz floor tom, all toms at kicklessFallSt 0.8; without the rule 4 of the 130 Hz kicks', () => {
  const got = tally('floor', 85, 0.8);
  const off = tally('floor', 85, 0);
  const why = `${JSON.stringify(got)} off ${JSON.stringify(off)}`;
  assert.deepEqual(got, { 'floor->tom': 16, ...ALL_RIGHT }, why);
  assert.equal(off['tom3->kick'], 4, why);
});

test('kickless stem: the same kit with its falling kick keeps every kick at kicklessFallSt 0.8 and 1.2', () => {
  for (const v of [0.8, 1.2]) {
    const got = tally('kick', 0, v);
    assert.deepEqual(got, { 'kick->kick': 16, ...ALL_RIGHT }, `${v}: ${JSON.stringify(got)}`);
  }
});
