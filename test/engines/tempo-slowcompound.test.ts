/**
 * A slow compound beat below minBpm (issue 12 point 2, h-tempo32): a 6/8 or 12/8 whose dotted quarter is 40–49 BPM
 * was no comb peak of the tempo grid (50–220 BPM), so the six-eight check, which weighs down the level at 3/2 of the
 * dotted quarter (the quarters of a 3/4 reading, two eighths a beat), had no ⅔ level to hand its score to and that
 * level won. The slow compound level joins the candidates only there: its beats every third eighth of the weighed-down
 * level, its comb evidence read on the same autocorrelation at its own lags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE, type Hit } from '../helpers/grooves.js';

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
/** slowCompoundMinBpm at minBpm: the code before (no level below minBpm). */
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.slowCompoundMinBpm, 50, f);

const RIM: Hit = [0.6, 0.05, 0.1, 0.3, 0.3, 0.1];
const THIRDS = Array.from({ length: 12 }, (_, k) => k / 3);

/** Two 6/8 bars in groove's four beats (the dotted quarter): kick on 1, rim on 4, hats on the eighths (thirds). */
const sixEight = (bpm: number) =>
  groove(bpm, [
    [[0, 2], KICK],
    [[1, 3], RIM],
    [THIRDS, HAT],
  ]);
/** One 12/8 bar: kick on 1 and 3, snare on 2 and 4 (dotted quarters), hats on every eighth. */
const twelveEight = (bpm: number) =>
  groove(bpm, [
    [[0, 2], KICK],
    [[1, 3], SNARE],
    [THIRDS, HAT],
  ]);

test('6/8 and 12/8 at 40–47 BPM: the dotted quarter below minBpm, not 3/2 of it', () => {
  for (const [name, make] of [
    ['6/8', sixEight],
    ['12/8', twelveEight],
  ] as const)
    for (const bpm of [40, 44, 47]) {
      const input = make(bpm);
      const got = bpmOf(input);
      assert.ok(Math.abs(got / bpm - 1) < 0.02, `${name} ${bpm}: ${got}`);
      // its beats on the dotted quarters (every third eighth from the kick), not an eighth off them
      const spb = 60 / bpm;
      const beats = estimateTempoWithDecision(input).tempo.beats;
      const on = beats.filter((t) => Math.abs(t / spb - Math.round(t / spb)) < 0.1).length;
      assert.ok(beats.length >= 12 && on >= 0.9 * beats.length, `${name} ${bpm}: ${on} of ${beats.length} on the beat`);
      // the code before: the quarter of a 3/4 reading, two eighths a beat
      const before = off(() => bpmOf(input));
      assert.ok(Math.abs(before / bpm - 3 / 2) < 0.02, `${name} ${bpm} before: ${before}`);
    }
  // the decision names the level and the level it was read from
  const { decision } = estimateTempoWithDecision(sixEight(44));
  assert.match(
    decision!.reason,
    /^beat level 4[34]\.\d+ BPM: slow compound level \(below minBpm 50: every third eighth of the 6[56]/,
  );
});

test('6/8 at 52 (a comb peak), 4/4 rock at 120 and a ballad at 70 read as without the slow level', () => {
  const rock = groove(120, [
    [[0, 2.5], KICK],
    [[1, 3], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);
  const ballad = groove(70, [
    [[0, 2], KICK],
    [[1, 3], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);
  for (const [input, bpm] of [
    [sixEight(52), 52],
    [rock, 120],
    [ballad, 70],
  ] as const) {
    const got = bpmOf(input);
    assert.equal(
      got,
      off(() => bpmOf(input)),
    );
    assert.ok(Math.abs(got / bpm - 1) < 0.02, `${bpm}: ${got}`);
  }
});

test('slowCompoundMinBpm is declared', () => {
  assert.equal(TEMPO_PARAMETERS.slowCompoundMinBpm.value, 36);
  assert.deepEqual(TEMPO_PARAMETERS.slowCompoundMinBpm.range, [20, 50]);
  assert.equal(TEMPO_PARAMETERS.slowCompoundMinBpm.unit, 'BPM');
});
