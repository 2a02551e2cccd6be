/**
 * The beat level must divide the bar (issue 12 point 2, h-tempo29): a sixteenth funk groove whose kicks and ghost notes
 * fall every three sixteenths for a stretch was read at 4/3 of its tempo (the dotted eighth), a level whose beats
 * meet the four-beat bar after 16/3 of them. The four-three check weighs such a level down when the envelope repeats
 * after that bar more than after 5 or 6 of its beats, and hands its score to the three-quarter level.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, meterDrums, SNARE, type Hit } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.fourThreeFloor, 1, f);

const GHOST: Hit = [0.25, 0, 0.05, 0.15, 0.1, 0];
const HAT_SOFT: Hit = [0.15, 0, 0, 0, 0.05, 0.25];
const EIGHTHS = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5];

/** Sixteenth funk: the snare on 2 and 4, ghost notes, sixteenth hats, the kicks at `kicks` (quarter positions). */
const funk = (bpm: number, kicks: number[]) =>
  groove(bpm, [
    [kicks, KICK],
    [[1, 3], SNARE],
    [[1.75, 2.25, 3.75], GHOST],
    [EIGHTHS, HAT],
    [EIGHTHS.map((e) => e + 0.25), HAT_SOFT],
  ]);

test('sixteenth funk with kicks three sixteenths apart: the quarter, not 4/3 of it (the dotted eighth)', () => {
  for (const bpm of [100, 104]) {
    const input = funk(bpm, [0, 0.75, 1.75, 2.5, 3.25]);
    const got = bpmOf(input);
    assert.ok(Math.abs(got - bpm) < 1.5, `${bpm}: ${got}`);
    // without the check (the code before): the dotted eighth
    const before = off(() => bpmOf(input));
    assert.ok(Math.abs(before / bpm - 4 / 3) < 0.02, `${bpm} before: ${before}`);
    // the decision names the check on the level it weighed down
    const { decision } = estimateTempoWithDecision(input);
    const weighed = decision!.alternatives.find((a) => Math.abs(a.value / bpm - 4 / 3) < 0.02);
    assert.match(weighed?.why_not ?? '', /four-three check [\d.]+ \(the [\d.]+ BPM level's four-beat bar/);
  }
});

test('4/4 rock, a waltz and 6/8 read as without the check', () => {
  const rock = groove(120, [
    [[0, 2.5], KICK],
    [[1, 3], SNARE],
    [EIGHTHS, HAT],
  ]);
  // 3/4 at 150 (kick, kick, snare) and 6/8 at 180 eighths a minute
  for (const input of [rock, meterDrums(150, [1, 1, 1], [0.5, 0.3], 0.7), meterDrums(180, [3, 3], [0.5, 0.3], 0.7)])
    assert.equal(
      bpmOf(input),
      off(() => bpmOf(input)),
    );
  assert.ok(Math.abs(bpmOf(rock) - 120) < 1.5);
});

test('fourThreeFloor and fourThreeFull are declared', () => {
  assert.equal(TEMPO_PARAMETERS.fourThreeFloor.value, 0.3);
  assert.deepEqual(TEMPO_PARAMETERS.fourThreeFloor.range, [0, 1]);
  assert.equal(TEMPO_PARAMETERS.fourThreeFull.value, 0.25);
});
