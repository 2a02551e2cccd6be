/**
 * Soft strokes of a tom roll (issue 13, h-dxroll40): stem.ts byTomRun on a rendered stem of roll-tune-40
 * (fixtures/drumclass40roll.ts: the West Coast kit lpg40r-A-dry playing `tom-roll-swell`, a 32nd-note roll on the tom
 * through beat four swelling 0.25 → 0.9), scored against the generator's truth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rollTune40DrumSpecs } from '../../fixtures/drumclass40roll.js';
import { renderHeldOutDrum, type DrumTruthFile } from '../../fixtures/drumtruth.js';
import { decodeMono } from '../../fixtures/groundtruth.js';
import { StemAnalyzer, classifyStemHits } from '../../src/engines/drums/stem.js';
import { STEM_TOM_RUN_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';

test('stem second pass: the soft strokes of a swelling 32nd tom roll read as toms by their run', () => {
  const spec = rollTune40DrumSpecs().find((s) => s.kit.name === 'lpg40r-A-dry' && s.pattern === 'tom-roll-swell')!;
  const dir = mkdtempSync(path.join(tmpdir(), 'drums-roll-'));
  try {
    const f = renderHeldOutDrum(spec, dir) as DrumTruthFile;
    const rate = 44100;
    const samples = Float32Array.from(decodeMono(f.file, rate));
    const a = new StemAnalyzer(rate);
    for (let i = 0; i < samples.length; i += 8192) a.push(samples.subarray(i, i + 8192));
    a.finish();
    // each truth piece: the class of the nearest main hit within 20 ms (none: no hit)
    const read = (piece: string) => {
      const hits = classifyStemHits(a.found, rate).filter((h) => !h.secondary);
      return f.hits
        .filter((h) => h.piece === piece)
        .map((h) => {
          const near = hits
            .filter((x) => Math.abs(x.start / rate - h.timeSeconds) <= 0.02)
            .sort((x, y) => Math.abs(x.start / rate - h.timeSeconds) - Math.abs(y.start / rate - h.timeSeconds));
          return near[0]?.cls ?? 'none';
        });
    };
    const n = (v: string[], cls: string) => v.filter((c) => c === cls).length;
    const toms = read('tom');
    const kicks = read('kick');
    // the rule off (tomRunMs 0: every run one hit), main's reading: 32 of the 80 strokes toms, 13 snares
    const [offToms, offKicks] = withParameterValue(STEM_TOM_RUN_PARAMETERS.tomRunMs, 0, () => [
      read('tom'),
      read('kick'),
    ]);
    assert.equal(toms.length, 80);
    assert.ok(n(offToms, 'tom') <= 34 && n(offToms, 'snare') >= 10, `off: ${n(offToms, 'tom')} toms`);
    // with it: at least 42 toms, at most 2 snares; the roll's missed strokes (no hit) are the same
    assert.ok(n(toms, 'tom') >= 42, `${n(toms, 'tom')} toms`);
    assert.ok(n(toms, 'snare') <= 2, `${n(toms, 'snare')} snares`);
    assert.equal(n(toms, 'none'), n(offToms, 'none'));
    // the kicks on one and three (and with the cymbal) stay kicks but for at most one
    assert.ok(n(kicks, 'kick') >= n(offKicks, 'kick') - 1, `${n(kicks, 'kick')} of ${n(offKicks, 'kick')} kicks`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
