/**
 * Toms read as kicks by their low band's share (issue 13, h-dxtom44, stem.ts byTomLowShare): a tom whose pitch does
 * not hold through its second body window escapes byTomPitch and is read as a kick, though it lies above the stem's
 * kicks and puts far less of what it adds below lowHz than they do. Truth is where the generator struck each piece:
 * held-out 25t's dry circuit kit G (fixtures/drumclass25t.ts), its six-stroke tom roll (a tuning stem for the rule).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { renderHeldOutDrum, type DrumTruthFile } from '../../fixtures/drumtruth.js';
import { heldOut25tDrumSpecs } from '../../fixtures/drumclass25t.js';
import { decodeMono } from '../../fixtures/groundtruth.js';
import { StemAnalyzer, classifyStemHits, type StemHit } from '../../src/engines/drums/stem.js';
import { STEM_TOM_LOW_SHARE_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { tempDir } from '../helpers/cli.js';

const rate = 44100;
const dir = tempDir();
after(() => dir.cleanup());

test('circuit kit G, six-stroke tom roll: its toms read as toms, not kicks; without the rule (main) 9 are kicks', () => {
  const spec = heldOut25tDrumSpecs().find(
    (s) => s.kit.name === 'circuit25t-G-dry' && s.pattern === 'six-stroke-tom-roll',
  );
  assert.ok(spec, 'spec circuit25t-G-dry six-stroke-tom-roll');
  const truth = renderHeldOutDrum(spec, dir.dir) as DrumTruthFile;
  assert.equal(typeof truth, 'object', String(truth));
  const x = Float32Array.from(decodeMono(truth.file, rate));
  const a = new StemAnalyzer(rate);
  for (let i = 0; i < x.length; i += 8192) a.push(x.subarray(i, i + 8192));
  a.finish();
  const tally = (hits: StemHit[]) => {
    const main = hits.filter((h) => !h.secondary);
    const out: Record<string, number> = {};
    for (const t of truth.hits) {
      if (t.piece !== 'tom' && t.piece !== 'kick') continue;
      const m = main.find((h) => Math.abs(h.start / rate - t.timeSeconds) <= 0.02);
      const key = `${t.piece}->${m?.cls ?? 'none'}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  };
  const on = tally(classifyStemHits(a.found, rate));
  assert.ok((on['tom->tom'] ?? 0) >= 9, JSON.stringify(on));
  assert.ok((on['tom->kick'] ?? 0) <= 2, JSON.stringify(on));
  assert.equal(on['kick->kick'], 6, JSON.stringify(on));
  const off = withParameterValue(STEM_TOM_LOW_SHARE_PARAMETERS.tomShareRatio, 0, () =>
    tally(classifyStemHits(a.found, rate)),
  );
  assert.ok((off['tom->kick'] ?? 0) >= 9, JSON.stringify(off));
  assert.equal(off['kick->kick'], 6, JSON.stringify(off));
});
