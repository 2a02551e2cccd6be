/**
 * A drum'n'bass two-step is read at its own tempo, not at half (issue 12 point 2, h-tempo37). The two-step puts the
 * kick on 1 and on the "and" of 3 and the snare on 2 and 4 of a fast quarter (160–178). Folded over eight of its
 * eighths, the kick on the "and" of 3 is an off-beat after an empty beat: the dembow check read it as a 3-3-2 and
 * handed the score to the half level. The check now asks whether the fast level has its own backbeat (the snare on
 * two of its beats four eighths apart) while the half level's beats do not all carry the kick: then the off-beat is
 * the fast level's syncopation and the check's evidence is taken down (dembowKickFull). Generator truth: the hits are
 * placed at `bpm`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
/** The check as before h-tempo37 (dembowKickFull 0: no backbeat or kick test). */
const before = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.dembowKickFull, 0, f);

/** Two-step over groove's four beats: kick on 1 and the "and" of 3, snare on 2 and 4, eighth hats. */
const twoStep = (bpm: number) =>
  groove(bpm, [
    [[0, 2.5], KICK],
    [[1, 3], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);

test("drum'n'bass two-step at 160–178 BPM: its own tempo (half of it with the check as before)", () => {
  for (const bpm of [160, 166, 172, 178]) {
    const input = twoStep(bpm);
    const got = bpmOf(input);
    assert.ok(Math.abs(got / bpm - 1) < 0.02, `${bpm}: ${got}`);
    const old = before(() => bpmOf(input));
    assert.ok(Math.abs(old / bpm - 0.5) < 0.01, `${bpm} before: ${old}`);
  }
});

test('the decision says why the dembow check let the two-step level stand', () => {
  const { decision } = estimateTempoWithDecision(twoStep(172));
  const half = decision!.alternatives.find((a) => Math.abs(a.value / 86 - 1) < 0.03);
  assert.ok(half, 'the half level is an alternative');
  assert.match(decision!.reason, /^beat level 17\d(\.\d+)? BPM/);
  // the check's evidence was taken down to nothing here: no dembow factor on the chosen level
  assert.doesNotMatch(decision!.reason, /dembow check/);
});

test('a dembow (kick on every beat or on 1 and 3) still reads at its quarter', () => {
  for (const kicks of [
    [0, 1, 2, 3],
    [0, 2],
  ]) {
    const input = groove(94, [
      [kicks, KICK],
      [[0.75, 1.5, 2.75, 3.5], SNARE],
      [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
    ]);
    const got = bpmOf(input);
    assert.ok(Math.abs(got / 94 - 1) < 0.02, `${kicks.join(',')}: ${got}`);
  }
});
