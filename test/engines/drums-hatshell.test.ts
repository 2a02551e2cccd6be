/**
 * Hats read as toms by their ringing top (issue 13, h-dxhat40, stem.ts byHatShellRing): a resonator-bank hat
 * (fixtures/resokit.ts: a thin shell's bending modes from 300–600 Hz up, two-pole resonators over a noise burst) puts
 * most of what it adds below midHz and is pitched, so the band rule reads a tom. Its upper modes ring on above highHz;
 * a tom's top band holds only its stick click. Truth is where the generator struck each piece; two kits of the tuning
 * set fixtures/drumclass-resotune40.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyStem } from '../../fixtures/stemtally.js';
import { STEM_HAT_SHELL_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { resoKitPlayer } from '../../fixtures/resokit.js';
import type { Piece } from '../../fixtures/synthkit.js';
import { STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';

/** The rules' classes alone (the learned model off, STEM_MODEL_PARAMETERS.useModel): these tests assert what the rules
 * read; the model's readings are test/engines/drums-model.test.ts's. */
const rulesOnly = <T>(f: () => T) => withParameterValue(STEM_MODEL_PARAMETERS.useModel, 0, f);

const rate = 44100;
const BAR: Piece[] = ['kick', 'hat', 'hat', 'hat', 'snare', 'hat', 'tom', 'hat'];

/** Six bars of BAR in eighths (120 bpm) on the kit `seed`: per piece struck, how many hits read as each class. */
function tally(seed: number): Record<string, number> {
  const play = resoKitPlayer(seed);
  const eighth = Math.round(0.25 * rate);
  const x = new Float32Array(eighth * 8 * 6 + rate);
  const truth: { at: number; piece: Piece }[] = [];
  for (let k = 0; k < 8 * 6; k++) {
    const piece = BAR[k % 8]!;
    const at = 2000 + k * eighth;
    truth.push({ at, piece });
    const s = play(piece, 0.6 + 0.1 * (k % 3));
    for (let i = 0; i < s.x.length && at + i < x.length; i++) x[at + i]! += s.gain * s.x[i]!;
  }
  return tallyStem(x, truth, rate).got;
}

for (const seed of [40401, 40405])
  test(`resonator kit ${seed}: its hats are hats, its toms toms; without the rule (main) most hats are toms`, () =>
    rulesOnly(() => {
      const got = tally(seed);
      assert.equal(got['hat->hihat'], 30, JSON.stringify(got));
      assert.equal(got['tom->tom'], 6, JSON.stringify(got));
      assert.equal(got['kick->kick'], 6, JSON.stringify(got));
      assert.equal(got['snare->snare'], 6, JSON.stringify(got));
      const off = withParameterValue(STEM_HAT_SHELL_PARAMETERS.hatShellTopMs, 0, () => tally(seed));
      assert.ok((off['hat->tom'] ?? 0) >= 20, JSON.stringify(off));
      assert.equal(off['tom->tom'], 6, JSON.stringify(off));
    }));
