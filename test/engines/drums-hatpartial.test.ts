/**
 * Hats read as snares, toms or cymbals by their pitch against the stem's own hats (issue 13, h-dxhat44, stem.ts
 * byHatPartial): a resonator-bank hat (fixtures/resokit.ts) sounds one shell mode, and in a reverberant room its
 * ring lifts the body and wires bands, where the band rule hears a drum or a cymbal. The stem's closed hats, read
 * as hats, tell the shell's pitch; a "snare" or "cymbal" pitched there that adds nothing below lowHz is a hat. Truth
 * is where the generator struck each piece; kits of the tuning set fixtures/drumclass-resotune40.ts (seeds 40402,
 * 40403), through its plate and hall.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StemAnalyzer } from '../../src/engines/drums/stem.js';
import { STEM_HAT_PARTIAL_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { resoKitPlayer } from '../../fixtures/resokit.js';
import { hallMic, roomMic } from '../../fixtures/drumtruth.js';
import type { Piece } from '../../fixtures/synthkit.js';
import { STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';

/** The rules' classes alone (the learned model off, STEM_MODEL_PARAMETERS.useModel): these tests assert what the rules
 * read; the model's readings are test/engines/drums-model.test.ts's. */
const rulesOnly = <T>(f: () => T) => withParameterValue(STEM_MODEL_PARAMETERS.useModel, 0, f);

const rate = 44100;

/** Eight bars of `bar` in eighths (120 bpm) on the kit `seed` through `mic`: per piece struck (an open hat counted
 * as a hat), how many hits read as each class. */
function tally(seed: number, bar: Piece[], mic: (x: Float64Array) => Float64Array): Record<string, number> {
  const play = resoKitPlayer(seed);
  const eighth = Math.round(0.25 * rate);
  const dry = new Float64Array(eighth * 8 * 8 + rate);
  const truth: { at: number; piece: Piece }[] = [];
  for (let k = 0; k < 8 * 8; k++) {
    const piece = bar[k % 8]!;
    const at = 2000 + k * eighth;
    truth.push({ at, piece });
    const s = play(piece, 0.6 + 0.1 * (k % 3));
    for (let i = 0; i < s.x.length && at + i < dry.length; i++) dry[at + i]! += s.gain * s.x[i]!;
  }
  const x = Float32Array.from(mic(dry));
  const a = new StemAnalyzer(rate);
  for (let i = 0; i < x.length; i += 8192) a.push(x.subarray(i, i + 8192));
  const hits = a.finish().filter((h) => !h.secondary);
  const out: Record<string, number> = {};
  for (const t of truth) {
    const p = t.piece === 'openHat' ? 'hat' : t.piece;
    const key = `${p}->${hits.find((h) => Math.abs(h.start - t.at) <= 0.02 * rate)?.cls ?? 'none'}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const off = <T>(f: () => T) => withParameterValue(STEM_HAT_PARTIAL_PARAMETERS.hatPartialMinHz, 1e9, f);

const A: Piece[] = ['kick', 'hat', 'openHat', 'hat', 'snare', 'hat', 'openHat', 'hat'];
const C: Piece[] = ['kick', 'hat', 'hat', 'openHat', 'snare', 'hat', 'hat', 'openHat'];
const hats = (t: Record<string, number>) => t['hat->hihat'] ?? 0;

// per room: the hats read as hats with the rule and without it (main); the kicks and snares read alike in both
for (const [bar, mic, name, on, main, snares] of [
  [A, hallMic, 'hall', 33, 8, 8],
  [C, roomMic, 'room', 48, 24, 3],
] as const)
  test(`resonator kit 40402 through the ${name}: its hats are hats; without the rule (main) cymbals and snares`, () =>
    rulesOnly(() => {
      const got = tally(40402, bar, mic);
      const base = off(() => tally(40402, bar, mic));
      const why = `${JSON.stringify(got)} main ${JSON.stringify(base)}`;
      assert.equal(hats(got), on, why);
      assert.equal(hats(base), main, why);
      assert.ok((base['hat->crash'] ?? 0) + (base['hat->snare'] ?? 0) >= 20, why);
      for (const t of [got, base]) {
        assert.equal(t['kick->kick'], 8, why);
        assert.equal(t['snare->snare'], snares, why);
      }
      assert.equal(got['hat->snare'] ?? 0, 0, why);
    }));
