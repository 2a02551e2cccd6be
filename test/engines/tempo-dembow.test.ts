/**
 * A dembow must not be read at the double (issue 12 point 2, h-tempo31): the 3-3-2 of a dembow (the snare on the
 * third and sixth sixteenths of two beats) was read at twice its quarter, a level whose off-beat carries the third
 * sixteenth. The dembow check weighs a fast level down when the kick and snare on its eighths, folded over eight,
 * fall on an off-beat more than on the beat before it, and hands its score to the half level.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.dembowFloor, 1, f);

/** Dembow over groove's four beats: the kick on 1 and 3 (sparse) or every beat, the snare on the 3-3-2 sixteenths. */
const dembow = (bpm: number, kicks: number[]) =>
  groove(bpm, [
    [kicks, KICK],
    [[0.75, 1.5, 2.75, 3.5], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);

test('sparse dembow (kick on 1 and 3, snare on the 3-3-2 sixteenths): the quarter, not its double', () => {
  const input = dembow(97, [0, 2]);
  const got = bpmOf(input);
  assert.ok(Math.abs(got - 97) < 1.5, `97: ${got}`);
  // without the check (the code before): the double
  const before = off(() => bpmOf(input));
  assert.ok(Math.abs(before / 97 - 2) < 0.03, `97 before: ${before}`);
  // its beats on the quarters (every other beat of the double, the kick's parity), not on the 3-3-2's off-beats
  const spb = 60 / 97;
  const beats = estimateTempoWithDecision(input).tempo.beats;
  const offGrid = beats.map((t) => Math.abs(t / spb - Math.round(t / spb)));
  const onQuarter = offGrid.filter((d) => d < 0.1).length;
  assert.ok(beats.length > 30 && onQuarter >= 0.9 * beats.length, `${onQuarter} of ${beats.length} on the quarters`);
  // classic dembow (the kick on every beat) at 92: the same, 184 before
  const classic = dembow(92, [0, 1, 2, 3]);
  assert.ok(Math.abs(bpmOf(classic) - 92) < 1.5, `92: ${bpmOf(classic)}`);
  assert.ok(Math.abs(off(() => bpmOf(classic)) / 92 - 2) < 0.03);
  // the decision names the check on the level it weighed down
  const { decision } = estimateTempoWithDecision(input);
  const weighed = decision!.alternatives.find((a) => Math.abs(a.value / 97 - 2) < 0.03);
  assert.match(weighed?.why_not ?? '', /dembow check [\d.]+ \(the kick and snare on the eighths, folded over eight/);
});

test('fast rock (a kick on the "and" of 2 after the snare) and four-on-the-floor read as without the check', () => {
  const rock = groove(170, [
    [[0, 1.5, 2], KICK],
    [[1, 3], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);
  const floor = groove(180, [
    [[0, 1, 2, 3], KICK],
    [[1, 3], SNARE],
    [[0.5, 1.5, 2.5, 3.5], HAT],
  ]);
  for (const input of [rock, floor])
    assert.equal(
      bpmOf(input),
      off(() => bpmOf(input)),
    );
  assert.ok(Math.abs(bpmOf(rock) - 170) < 2.5, `rock ${bpmOf(rock)}`);
});

test('dembowFloor, dembowFull and dembowMinBpm are declared', () => {
  assert.equal(TEMPO_PARAMETERS.dembowFloor.value, 0.25);
  assert.deepEqual(TEMPO_PARAMETERS.dembowFloor.range, [0, 1]);
  assert.equal(TEMPO_PARAMETERS.dembowFull.value, 0.2);
  assert.equal(TEMPO_PARAMETERS.dembowMinBpm.value, 155);
});
