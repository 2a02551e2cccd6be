/**
 * A level must fall on the bar's groups, not only tile it (issue 12 point 2, h-tempo19): 9/8 as 3+2+2+2 read at a
 * third of the eighth (3 beats a bar: 0, 3, 6 — the group starts 5 and 7 fall between them) and 10/8 as 3+3+2+2 at
 * half of it (0, 2, 4, 6, 8 — the start 3 falls between) tile the bar, so the bar-tile check let them through. The
 * group part of the check folds the faster level's drum accents into its bar and compares the best grouping in 2s
 * and 3s with the slower level's grid (groupMiss).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, groupMiss, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { meterDrums } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.barGroupFloor, 1, f);

test('9/8 as 3+2+2+2 at 180 eighths a minute: 180 BPM, not a third of it', () => {
  const input = meterDrums(180, [3, 2, 2, 2], [0.5, 0.3], 0.8);
  const bpm = bpmOf(input);
  assert.ok(Math.abs(bpm - 180) < 2, `bpm ${bpm}`);
  // without the group part (the code before): a third of the eighth, which tiles the 9-eighth bar
  const before = off(() => bpmOf(input));
  assert.ok(Math.abs(before - 60) < 1, `before ${before}`);
  const { decision } = estimateTempoWithDecision(input);
  assert.match(decision!.alternatives.map((a) => a.why_not).join(' '), /grouped in 2s and 3s off this grid/);
});

test('10/8 as 3+3+2+2 at 186: the half level weighed down, not below the eighth (3 of 4 group starts on it)', () => {
  const input = meterDrums(186, [3, 3, 2, 2], [0.5, 0.3], 0.8);
  const { tempo, decision } = estimateTempoWithDecision(input);
  assert.ok(Math.abs(tempo.bpm! - 93) < 1, `bpm ${tempo.bpm}`);
  // the grid of the half carries 0, 6 and 8 but skips 3 and takes the empty 2 and 4: evidence ≈ 0.5, factor ≈ 0.57
  const check = /bar-tile check ([\d.]+) \(the [\d.]+ BPM level's bar of 10 beats grouped in 2s and 3s off this grid/;
  const m = new RegExp(check.source + /: evidence ([\d.]+)\)/.source).exec(decision!.reason);
  assert.ok(m, decision!.reason);
  assert.ok(Number(m[2]) > 0.4 && Number(m[2]) < 0.6, `evidence ${m[2]}`);
  assert.ok(Math.abs(Number(m[1]) - (1 - 0.85 * Number(m[2]))) < 0.002, `factor ${m[1]}`);
  // the eighth is handed what the check took
  assert.match(decision!.alternatives[0]!.why_not, /handed over by 93 BPM/);
});

test('4/4 with a 3+3+2 kick, 3/4, 6/8, 9/8 compound and 12/8 read as before', () => {
  for (const [bpm, groups] of [
    [200, [3, 3, 2]],
    [120, [1, 1, 1]],
    [180, [3, 3]],
    [180, [3, 3, 3]],
    [180, [3, 3, 3, 3]],
  ] as const)
    for (const shaker of [
      [0.5, 0.3],
      [0.8, 0.7],
    ] as const) {
      const input = meterDrums(bpm, [...groups], [...shaker], 0.7);
      assert.equal(
        bpmOf(input),
        off(() => bpmOf(input)),
        `${groups.join('+')} at ${bpm}`,
      );
    }
});

test('groupMiss: 0 on a grid that carries every group start, most of the contrast on one that skips them', () => {
  // one band, accents of a 9-position bar: 3+2+2+2 (group starts 0, 3, 5, 7), taken 9 bars over
  const accents = (starts: number[]) => Array.from({ length: 9 }, (_, j) => (starts.includes(j) ? 1 : 0.3));
  const band = (starts: number[]) => {
    const x = new Float64Array(9 * 9 * 10);
    for (let i = 0; i < 81; i++) x[i * 10] = accents(starts)[i % 9]!;
    return x;
  };
  const beats = Array.from({ length: 81 }, (_, i) => i * 10);
  const aksak = groupMiss([band([0, 3, 5, 7])], beats, 1, 9, 3);
  assert.ok(aksak.evidence > 0.5, `aksak ${aksak.evidence}`);
  const compound = groupMiss([band([0, 3, 6])], beats, 1, 9, 3);
  assert.equal(compound.evidence, 0);
});

test('barGroupFloor is declared', () => {
  assert.equal(TEMPO_PARAMETERS.barGroupFloor.value, 0.15);
  assert.deepEqual(TEMPO_PARAMETERS.barGroupFloor.range, [0, 1]);
});
