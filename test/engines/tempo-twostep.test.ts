/**
 * A drum'n'bass two-step is read at its own tempo, not at half (issue 12 point 2, h-tempo38). The two-step puts the
 * kick on 1 and on the "and" of 3 and the snare on 2 and 4 of a fast quarter (160–178). Folded over eight of its
 * eighths, the kick on the "and" of 3 is an off-beat after an empty beat: the dembow check reads it as a 3-3-2 and
 * hands the score to the half level. The veto (h-tempo37's measure, dembowVetoFull) sees the fast level's own
 * backbeat (the snare on two of its beats four eighths apart, neither of them kick-like against the lone kick of the
 * other pair); the pair order (h-tempo38) then gives the fast level the pair's higher score and the half the lower,
 * so no third level (⅔) can win in between. Generator truth: the hits are placed at `bpm`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
/** The check as before h-tempo38 (dembowVetoFull 0: no veto, no pair order). */
const before = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.dembowVetoFull, 0, f);

/** Two-step over groove's four beats: kick on 1 and the "and" of 3, snare on 2 and 4, eighth hats. */
const twoStep = (bpm: number) =>
  groove(bpm, [
    [[0, 2.5], KICK],
    [[1, 3], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);

test("drum'n'bass two-step at 156–178 BPM: its own tempo (half of it with the check as before)", () => {
  for (const bpm of [156, 160, 166, 172, 175, 178]) {
    const input = twoStep(bpm);
    const got = bpmOf(input);
    assert.ok(Math.abs(got / bpm - 1) < 0.02, `${bpm}: ${got}`);
    const old = before(() => bpmOf(input));
    assert.ok(Math.abs(old / bpm - 0.5) < 0.01, `${bpm} before: ${old}`);
  }
});

test('the decision names the pair order, and the half level is the first alternative', () => {
  const { tempo, decision } = estimateTempoWithDecision(twoStep(172));
  assert.match(decision!.reason, /^beat level 17\d(\.\d+)? BPM/);
  assert.match(decision!.reason, /the pair order: this level's own backbeat/);
  // the check stays on the chosen level (its factor is still read); only the pair's order changed
  assert.match(decision!.reason, /dembow check 0\.\d+/);
  const half = tempo.alternatives.find((a) => Math.abs(a.bpm / 86 - 1) < 0.03);
  assert.ok(half, 'the half level is an alternative');
});

test('a dembow (kick on every beat or on 1 and 3) still reads at its quarter', () => {
  const grooves: [string, number, Parameters<typeof groove>[1]][] = [
    [
      'dembow, kick on every beat',
      94,
      [
        [[0, 1, 2, 3], KICK],
        [[0.75, 1.5, 2.75, 3.5], SNARE],
        [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
      ],
    ],
    [
      'dembow, kick on 1 and 3',
      94,
      [
        [[0, 2], KICK],
        [[0.75, 1.5, 2.75, 3.5], SNARE],
        [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
      ],
    ],
  ];
  for (const [name, bpm, parts] of grooves) {
    const got = bpmOf(groove(bpm, parts));
    assert.ok(Math.abs(got / bpm - 1) < 0.02, `${name}: ${got}`);
  }
});
