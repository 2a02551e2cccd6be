/**
 * Ringing hats read as kicks by what rings on (issue 13, h-dxhat46, stem.ts byHatOverThump): ElectricEmpireKit's
 * ringing closed hat `Hat Ring 1` (Hydrogen's drumkits) in held-out 29's grain silo (a tuning set since h-dxhat44),
 * struck after its open hat, adds a short thump below lowHz and nothing new above midHz (the ring before still
 * sounds), so the band rule hears a kick (with a hat over it). Its thump is gone within bodyMs and what rings on
 * lateMs later is the hat, high; the kit's kicks ring low. Truth is where the generator struck each piece.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { StemAnalyzer } from '../../src/engines/drums/stem.js';
import { STEM_HAT_THUMP_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { renderHeldOutDrum, type DrumTruthFile } from '../../fixtures/drumtruth.js';
import { heldOut29DrumSpecs } from '../../fixtures/drumclass29.js';
import { decodeMono } from '../../fixtures/groundtruth.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-hat-thump-');
after(cleanup);
const rate = 44100;

/** Per piece struck alone (no other piece within 30 ms), how many hits (main or second) within 20 ms read as each
 * class. */
function tally(x: Float32Array, truth: DrumTruthFile['hits']): Record<string, number> {
  const a = new StemAnalyzer(rate);
  for (let i = 0; i < x.length; i += 8192) a.push(x.subarray(i, i + 8192));
  const hits = a.finish();
  const out: Record<string, number> = {};
  for (const t of truth) {
    if (truth.some((u) => u !== t && Math.abs(u.timeSeconds - t.timeSeconds) <= 0.03)) continue;
    for (const h of hits.filter((h) => Math.abs(h.start / rate - t.timeSeconds) <= 0.02)) {
      const key = `${t.piece}->${h.cls}`;
      out[key] = (out[key] ?? 0) + 1;
    }
  }
  return out;
}

test('ElectricEmpire `Hat Ring 1` in the silo after its open hat: a hat, not a kick; without the rule (main) kicks', () => {
  const spec = heldOut29DrumSpecs().find(
    (s) => s.name === 'held29c-h2-29-ElectricEmpire-HatRing-silo-house-open-hats-126',
  );
  assert.ok(spec, 'the stem is in held-out 29');
  const stem = renderHeldOutDrum(spec, dir);
  assert.equal(typeof stem, 'object', String(stem));
  const { file, hits: truth } = stem as DrumTruthFile;
  const x = Float32Array.from(decodeMono(file, rate));
  const got = tally(x, truth);
  const base = withParameterValue(STEM_HAT_THUMP_PARAMETERS.hatThumpLateHz, 0, () => tally(x, truth));
  const why = `${JSON.stringify(got)} main ${JSON.stringify(base)}`;
  // measured (h-dxhat46): main reads 32 of the lone hats as kicks (a hat over each as its second); the rule none
  assert.ok((base['hat->kick'] ?? 0) >= 24, why);
  assert.equal(got['hat->kick'] ?? 0, 0, why);
  // every lone hat still has a hat at its instant, and the kicks and open hats read alike in both
  assert.ok((got['hat->hihat'] ?? 0) >= 60, why);
  for (const k of ['kick->kick', 'openHat->hihat']) assert.equal(got[k], base[k], `${k}: ${why}`);
  assert.equal(got['kick->kick'], 16, why);
});
