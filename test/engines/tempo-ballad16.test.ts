/**
 * Sixteenth hats over a backbeat (issue 12 point 2, h-tempo32): a ballad at 60–90 BPM with the kick on 1 and 3, the
 * snare on 2 and 4 and even sixteenth hats has its top band (hats) as strong half-way between its beats as on them
 * and its quarters filled, so the two-beat check read it as a two-beat pattern at the double. Its kick and snare fall
 * on the beats only: the check's evidence now counts as far as they also fall half-way (twoBeatKickSnareFull), and
 * the ballad keeps its tempo; the two-beat pattern whose snare falls half-way (tempo-twobeat.test.ts) is unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE } from '../helpers/grooves.js';

const SIXTEENTHS = Array.from({ length: 16 }, (_, k) => k / 4);
const ballad = (bpm: number) =>
  groove(bpm, [
    [[0, 2], KICK],
    [[1, 3], SNARE],
    [SIXTEENTHS, HAT],
  ]);
const bpmOf = (bpm: number) => estimateTempoWithDecision(ballad(bpm)).tempo.bpm!;

test('a sixteenth-hat ballad at 60, 72 and 90 BPM: its own tempo, the double without the kick-and-snare term', () => {
  for (const bpm of [60, 72, 90]) {
    const got = bpmOf(bpm);
    assert.ok(Math.abs(got / bpm - 1) < 0.02, `${bpm}: ${got}`);
    const before = withParameterValue(TEMPO_PARAMETERS.twoBeatKickSnareFull, 0, () => bpmOf(bpm));
    assert.ok(Math.abs(before / bpm - 2) < 0.04, `${bpm} before: ${before}`);
  }
});

test('twoBeatKickSnareFull is declared', () => {
  assert.equal(TEMPO_PARAMETERS.twoBeatKickSnareFull.value, 0.5);
  assert.deepEqual(TEMPO_PARAMETERS.twoBeatKickSnareFull.range, [0, 1]);
});
