/**
 * Issue 17 point 3: master reports what it did to the dynamics (input → output LRA, PLR, crest;
 * peak and average limiter gain reduction) per target, refuses a target over the style's budget
 * with transparent and balanced ("cannot meet"), delivers it with a warning with loud, and the
 * styles' budgets are monotonic (loud ≥ balanced ≥ transparent).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { writeWav } from '../../fixtures/signals.js';
import { songPlanar } from '../../fixtures/music.js';
import type { MasterResult } from '../../src/commands/master.js';
import { STYLE_SPECS } from '../../src/engines/master/plan.js';
import { loadPlatforms } from '../../src/recipes/platforms.js';

const { dir, cleanup } = tempDir('shub-master-dyn-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const store = ['--store-dir', f('store')];

// a quiet, dynamic ballad (crest about 20 dB): -8 LUFS (club) needs some 11 dB of peak limiting
before(() =>
  writeWav(
    f('ballad.wav'),
    songPlanar({ bpm: 76, tonic: 57, mode: 'minor', bars: 3, dynamics: 0.6 }, 48000, 1.16),
    48000,
    's16',
  ),
);

const run = (style: string) => {
  const r = shub(['master', f('ballad.wav'), '-t', 'club', '--style', style, '-o', f(style), '--json', ...store], dir);
  return { code: r.code, res: ndjson<MasterResult>(r.stdout)[0]!, stderr: r.stderr };
};

test('style budgets are monotonic: loud allows at least what balanced allows, balanced what transparent allows', () => {
  const { transparent: t, balanced: b, loud: l } = STYLE_SPECS;
  const peak = (x: number | null) => x ?? Infinity;
  assert.ok(peak(t.maxLimiterGainReductionDb) <= peak(b.maxLimiterGainReductionDb));
  assert.ok(peak(b.maxLimiterGainReductionDb) <= peak(l.maxLimiterGainReductionDb));
  assert.ok(t.maxMeanLimiterGainReductionDb <= b.maxMeanLimiterGainReductionDb);
  assert.ok(b.maxMeanLimiterGainReductionDb <= l.maxMeanLimiterGainReductionDb);
  assert.ok(t.maxLraDropLu <= b.maxLraDropLu && b.maxLraDropLu <= l.maxLraDropLu);
  assert.deepEqual([t.refuseOverBudget, b.refuseOverBudget, l.refuseOverBudget], [true, true, false]);
});

test('transparent and balanced refuse a target over their limiting budget as "cannot meet"; loud delivers', () => {
  for (const style of ['transparent', 'balanced']) {
    const { code, res } = run(style);
    assert.equal(code, 1);
    const o = res.outputs[0]!;
    assert.equal(o.compliant, false);
    assert.match(o.problem!, /^cannot meet: .*limiting/);
    assert.equal(existsSync(path.join(f(style), 'ballad.club.wav')), false);
  }
  const { code, res, stderr } = run('loud');
  assert.equal(code, 0, stderr);
  const o = res.outputs[0]!;
  assert.ok(o.compliant);
  const d = o.dynamics!;
  // the report: input → output, measured (the output is far less dynamic than the input)
  assert.ok(d.plrDb[0]! - d.plrDb[1]! > 5, `PLR ${d.plrDb}`);
  assert.ok(d.crestFactorDb[0]! - d.crestFactorDb[1]! > 5, `crest ${d.crestFactorDb}`);
  assert.equal(d.loudnessRangeLu[1], o.achieved!.loudnessRangeLu);
  assert.ok(d.limiterPeakGainReductionDb > STYLE_SPECS.balanced.maxLimiterGainReductionDb!);
  assert.ok(d.limiterMeanGainReductionDb > 0 && d.limiterMeanGainReductionDb < d.limiterPeakGainReductionDb);
  const decision = res.decisions.find((x) => x.engine === 'master.dynamics')!;
  assert.match(decision.reason, /LRA .* → .* LU, PLR .* → .* dB, crest .* → .* dB; limiter .* dB on peaks/);
});

test('cd aims at -14 LUFS by default (K-14; was -9), club stays the loud choice', async () => {
  const p = await loadPlatforms();
  assert.equal(p.get('cd')!.integratedLufs, -14);
  assert.equal(p.get('club')!.integratedLufs, -8);
});
