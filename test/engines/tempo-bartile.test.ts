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

const HOP = 0.01;

/**
 * Pulses at `bpm` (10 ms frames, 5 ms flux frames), bars of `groups` pulses: a kick on the bar's first group start,
 * a lighter kick on the other group starts but the last, a snare on the last group's start, a shaker on every
 * pulse (top band), accented on the group starts.
 */
function drums(bpm: number, groups: number[], shaker: [number, number], innerKick: number, pulses = 150): TempoInput {
  const fpp = 6000 / bpm;
  const bar = groups.reduce((a, b) => a + b, 0);
  const starts: number[] = [];
  groups.reduce((s, g) => (starts.push(s), s + g), 0);
  const n = Math.round(fpp * pulses) + 100;
  const odf = new Float32Array(n);
  const odfLow = new Float32Array(n);
  const flux = new Float32Array(2 * n * 5);
  for (let p = 0; p < pulses; p++) {
    const i = Math.round(p * fpp);
    const k = starts.indexOf(p % bar);
    const kick = k === 0 ? 1 : k > 0 && k < starts.length - 1 ? innerKick : 0;
    const snare = k === starts.length - 1 && k > 0 ? 0.9 : 0;
    const shake = k >= 0 ? shaker[0] : shaker[1];
    odf[i] = Math.max(kick, snare, shake);
    odfLow[i] = kick;
    const j = 2 * i;
    flux[j * 5] = kick;
    flux[j * 5 + 1] = 0.2 * kick + snare;
    flux[j * 5 + 2] = snare + 0.3 * shake;
    flux[j * 5 + 3] = shake + 0.3 * snare;
  }
  return { odf, odfLow, hopSeconds: HOP, flux: { values: flux, groups: 5, hopSeconds: HOP / 2 } };
}

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.barTileFloor, 1, f);

test('7/8 (2+2+3) at 190 eighths a minute: 190 BPM, not a half or a third of it', () => {
  const input = drums(190, [2, 2, 3], [0.5, 0.3], 0.9);
  const bpm = bpmOf(input);
  assert.ok(Math.abs(bpm - 190) < 2, `bpm ${bpm}`);
  // without the check (the code before): half the eighth
  const before = off(() => bpmOf(input));
  assert.ok(Math.abs(before - 95) < 2, `before ${before}`);
});

test('5/8 (3+2) at 180: 180 BPM, not a third of it', () => {
  const input = drums(180, [3, 2], [0.6, 0.5], 0.7);
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
      const input = drums(bpm, [...groups], [...shaker], 0.7);
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
