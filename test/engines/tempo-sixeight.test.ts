/**
 * A compound beat must not be read as the quarters of 3/4 (issue 12 point 2, h-tempo30): a 6/8 ballad (the kick on
 * 1, the rim on 4, eighth hats) was read at 3/2 of its dotted quarter, two eighths a beat, a level whose beats meet
 * the bar's second dotted quarter half-way between two of them. The six-eight check weighs such a level down when
 * the kick and snare on its eighths, folded over six, fall on that off-beat more than on its second and third beats
 * (on its own eighths and on those of the level at ⅔ of it), and hands its score to the ⅔ level.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, meterDrums, SNARE, type Hit } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.sixEightFloor, 1, f);

const RIM: Hit = [0.6, 0.05, 0.1, 0.3, 0.3, 0.1];
const KICK_SOFT: Hit = [0.6, 0.6, 0.6, 0.05, 0, 0];

/** Two 6/8 bars in groove's four beats (the dotted quarter): kick on 1, rim on 4, hats on the eighths (thirds). */
const sixEight = (bpm: number, extraKick: boolean) =>
  groove(bpm, [
    [[0, 2], KICK],
    [extraKick ? [5 / 3, 11 / 3] : [], KICK_SOFT],
    [[1, 3], RIM],
    [Array.from({ length: 12 }, (_, k) => k / 3), HAT],
  ]);

const EIGHTHS = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5];

test('6/8 ballad (kick on 1, rim on 4, a soft kick on 6, eighth hats): the dotted quarter, not 3/2 of it', () => {
  const input = sixEight(52, true);
  const got = bpmOf(input);
  assert.ok(Math.abs(got - 52) < 1, `52: ${got}`);
  // without the check (the code before): the quarter of a 3/4 reading, two eighths a beat
  const before = off(() => bpmOf(input));
  assert.ok(Math.abs(before / 52 - 3 / 2) < 0.02, `52 before: ${before}`);
  // the decision names the check on the level it weighed down
  const { decision } = estimateTempoWithDecision(input);
  const weighed = decision!.alternatives.find((a) => Math.abs(a.value / 52 - 3 / 2) < 0.02);
  assert.match(weighed?.why_not ?? '', /six-eight check [\d.]+ \(the kick and snare on the eighths/);
});

test('4/4 rock, a 3-3-2 kick, a waltz and 6/8 at the eighth read as without the check', () => {
  const rock = groove(120, [
    [[0, 2.5], KICK],
    [[1, 3], SNARE],
    [EIGHTHS, HAT],
  ]);
  const tresillo = groove(100, [
    [[0, 1.5, 3], KICK],
    [[1, 3], SNARE],
    [EIGHTHS, HAT],
  ]);
  const inputs = [
    rock,
    tresillo,
    meterDrums(150, [1, 1, 1], [0.5, 0.3], 0.7),
    meterDrums(180, [3, 3], [0.5, 0.3], 0.7),
  ];
  for (const input of inputs)
    assert.equal(
      bpmOf(input),
      off(() => bpmOf(input)),
    );
  assert.ok(Math.abs(bpmOf(rock) - 120) < 1.5);
  assert.ok(Math.abs(bpmOf(tresillo) - 100) < 1.5);
});

test('sixEightFloor and sixEightFull are declared', () => {
  assert.equal(TEMPO_PARAMETERS.sixEightFloor.value, 0.25);
  assert.deepEqual(TEMPO_PARAMETERS.sixEightFloor.range, [0, 1]);
  assert.equal(TEMPO_PARAMETERS.sixEightFull.value, 0.075);
});
