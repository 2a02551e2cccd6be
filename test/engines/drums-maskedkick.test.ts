/**
 * Kicks read as toms in a 16th-note run (issue 13, h-dxkick47, stem.ts byMaskedKick): a kick struck 16ths after
 * another adds nothing its kick band's last lowBeforeMs did not already hold (the one before still booms), so its kick
 * band fails minGainDb and the band rule hears its beater and body alone: a tom. An analytic kit: a kick (a sine
 * falling from 200 to 50 Hz, ringing 0.4 s, with a 1 ms beater click) and a tom (a 150 Hz sine ringing 0.2 s with a
 * 2 ms stick click), four bars of 16ths at 140 bpm (107 ms apart); truth is where each piece was placed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEM_MASKED_KICK_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { kitStem, tallyStem } from '../../fixtures/stemtally.js';
import { STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';

/** The rules' classes alone (the learned model off, STEM_MODEL_PARAMETERS.useModel): these tests assert what the rules
 * read; the model's readings are test/engines/drums-model.test.ts's. */
const rulesOnly = <T>(f: () => T) => withParameterValue(STEM_MODEL_PARAMETERS.useModel, 0, f);

const rate = 44100;
type Piece = 'kick' | 'tom' | '-';

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
      const phase = 2 * Math.PI * (50 * t + 150 * 0.02 * (1 - Math.exp(-t / 0.02)));
      x[i] = Math.sin(phase) * Math.exp(-t / 0.4) + 0.05 * hp * Math.exp(-t / 0.001);
    } else x[i] = 0.7 * Math.sin(2 * Math.PI * 150 * t) * Math.exp(-t / 0.2) + 0.2 * hp * Math.exp(-t / 0.002);
  }
  return x;
}

/** Four bars of `bar` in 16ths at `bpm`: per piece struck, how many hits read as each class. */
function tally(bar: Piece[], bpm = 140): Record<string, number> {
  const { x, truth } = kitStem(bar, rate, stroke, 47, bpm, '-');
  return tallyStem(x, truth, rate).got;
}

const off = <T>(f: () => T) => withParameterValue(STEM_MASKED_KICK_PARAMETERS.maskedKickMs, 0, f);
const RUN = 'kick kick kick kick - - tom - kick - kick kick - - tom -'.split(' ') as Piece[];

test('kicks in a 16th run are kicks; without the rule (main) 12 of 28 read as toms; the toms after them stay', () =>
  rulesOnly(() => {
    const got = tally(RUN);
    const base = off(() => tally(RUN));
    const why = `${JSON.stringify(got)} main ${JSON.stringify(base)}`;
    assert.equal(base['kick->tom'], 12, why);
    assert.equal(base['kick->kick'], 16, why);
    assert.equal(got['kick->kick'], 26, why);
    assert.equal(got['kick->tom'], 2, why);
    // the toms struck a 16th after a kick sit three times above its pitch: toms with the rule and without it
    for (const t of [got, base]) assert.equal(t['tom->tom'], 8, why);
  }));
