/**
 * Resonator hats read as toms or snares in a big room by their one held mode (issue 13, h-dxhat48, stem.ts
 * byHatModeRing): a resonator-bank hat (fixtures/resokit.ts) sounds one shell mode, and an ice rink lifts its ring
 * into the body band, where the band rule hears a pitched drum; in a stem whose closed hats all ring into drums,
 * byHatPartial has no hats of the stem to pitch them by. The hit tells by itself: its one partial, above a snare's
 * head, holds its pitch, rings alone and comes with a strike above midHz. Truth is where the generator struck each
 * piece; held-out 32's resonator kit (seed 46101, now tuning) through its ice rink (fixtures/drumclass32.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyStem } from './drums-tally.js';
import { STEM_HAT_MODE_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { resoKitPlayer } from '../../fixtures/resokit.js';
import { roomIrMic } from '../../fixtures/drumtruth.js';
import { ICE_RINK } from '../../fixtures/drumclass32.js';
import type { Piece } from '../../fixtures/synthkit.js';

const rate = 44100;

/** Four bars of `bar` in sixteenths (120 bpm) on kit 46101 at velocity `vel` (+0.1 on every second and third
 * stroke of three) through the ice rink (wet −9 dB): per piece struck, how many hits read as each class. */
function tally(bar: Piece[], vel: number): Record<string, number> {
  const play = resoKitPlayer(46101);
  const sixteenth = Math.round(0.125 * rate);
  const dry = new Float64Array(sixteenth * 8 * 8 + rate);
  const truth: { at: number; piece: Piece }[] = [];
  for (let k = 0; k < 8 * 8; k++) {
    const piece = bar[k % 8]!;
    const at = 2000 + k * sixteenth;
    truth.push({ at, piece });
    const s = play(piece, vel + 0.1 * (k % 3));
    for (let i = 0; i < s.x.length && at + i < dry.length; i++) dry[at + i]! += s.gain * s.x[i]!;
  }
  const wet = roomIrMic(dry, { ...ICE_RINK, wetDb: -9 });
  const x = Float32Array.from(dry, (v, i) => v + wet[i]!);
  return tallyStem(x, truth, rate);
}

const off = <T>(f: () => T) => withParameterValue(STEM_HAT_MODE_PARAMETERS.hatModeMinHz, 1e9, f);

const BAR: Piece[] = ['kick', 'hat', 'hat', 'hat', 'snare', 'hat', 'hat', 'hat'];

// per velocity: the 48 hats read as hats with the rule and without it (main's code path), and as toms or snares
// without it; the kicks and snares read alike both ways
for (const [vel, on, main, drums] of [
  [0.9, 31, 0, 47],
  [0.2, 24, 8, 38],
] as const)
  test(`resonator kit 46101 in the ice rink at velocity ${vel}: hats read as toms and snares are hats`, () => {
    const got = tally(BAR, vel);
    const base = off(() => tally(BAR, vel));
    const why = `${JSON.stringify(got)} main ${JSON.stringify(base)}`;
    assert.equal(got['hat->hihat'] ?? 0, on, why);
    assert.equal(base['hat->hihat'] ?? 0, main, why);
    assert.equal((base['hat->tom'] ?? 0) + (base['hat->snare'] ?? 0), drums, why);
    for (const t of [got, base]) {
      assert.equal(t['kick->kick'], 8, why);
      assert.equal(t['snare->snare'], 8, why);
    }
  });
