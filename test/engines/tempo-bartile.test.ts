/**
 * Levels must tile the bar (issue 12 point 2, h-tempo18): in an eighth-note meter (7/8 as 2+2+3, 5/8 as 3+2) the
 * eighth is the only isochronous level, but nothing subdivides it, so the subdivision term preferred a half or a
 * third of it (3.5 or 2.33 beats a bar). The bar-tile check reads the bar on the faster level's drum pattern (it
 * repeats after 7 eighths) and weighs down a level that 2 or 3 of those beats do not divide.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { meterDrums } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.barTileFloor, 1, f);

test('7/8 (2+2+3) at 190 eighths a minute: 190 BPM, not a half or a third of it', () => {
  const input = meterDrums(190, [2, 2, 3], [0.5, 0.3], 0.9);
  const bpm = bpmOf(input);
  assert.ok(Math.abs(bpm - 190) < 2, `bpm ${bpm}`);
  // without the check (the code before): half the eighth
  const before = off(() => bpmOf(input));
  assert.ok(Math.abs(before - 95) < 2, `before ${before}`);
});

test('5/8 (3+2) at 180: 180 BPM, not a third of it', () => {
  const input = meterDrums(180, [3, 2], [0.6, 0.5], 0.7);
  const bpm = bpmOf(input);
  assert.ok(Math.abs(bpm - 180) < 2, `bpm ${bpm}`);
  const before = off(() => bpmOf(input));
  assert.ok(Math.abs(before - 60) < 1, `before ${before}`);
});

test('4/4 (quarters, kick-kick-kick-snare) and 6/8 read as before', () => {
  for (const [bpm, groups] of [
    [120, [1, 1, 1, 1]],
    [180, [3, 3]],
  ] as const)
    for (const shaker of [
      [0.5, 0.3],
      [0.8, 0.7],
    ] as const) {
      const input = meterDrums(bpm, [...groups], [...shaker], 0.7);
      assert.equal(
        bpmOf(input),
        off(() => bpmOf(input)),
      );
    }
});

test('barTileFloor, barTileMaxBeats, barTileSlack and barTileFull are declared (barTileLow removed, h-tempo19)', () => {
  assert.equal(TEMPO_PARAMETERS.barTileFloor.value, 0.15);
  assert.equal(TEMPO_PARAMETERS.barTileMaxBeats.value, 13);
  assert.equal(TEMPO_PARAMETERS.barTileMaxBeats.integer, true);
  assert.equal(TEMPO_PARAMETERS.barTileSlack.value, 0.03);
  assert.equal('barTileLow' in TEMPO_PARAMETERS, false);
  assert.equal(TEMPO_PARAMETERS.barTileFull.value, 0.6);
});
