/**
 * The dembow check (h-tempo31) reads a fast level whose eighths carry the kick and snare on an off-beat more than on
 * the beat before it as the sixteenth grid of its half (a 3-3-2). A fast groove with the snare on every off eighth
 * (ska punk, a skank beat, thrash) strikes the same off-beat on every beat of that half: its fast level's "and",
 * evenly spaced, no syncopation. h-tempo43 takes the check's evidence away as the off-beat four eighths later (the half
 * level's next beat) reaches the found one (dembowRepeatFrom; issue 12 point 2). Generator truth: the hits are placed
 * at `bpm`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE } from '../helpers/grooves.js';

/** The check as before h-tempo43 (no repeat test). */
const before = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.dembowRepeatFrom, 1, f);

test('ska punk (kick on 1 and 3, snare on every off eighth) at 208 BPM: its tempo, no dembow check on it', () => {
  const input = groove(208, [
    [[0, 2], KICK],
    [[0.5, 1.5, 2.5, 3.5], SNARE],
  ]);
  const { tempo, decision } = estimateTempoWithDecision(input);
  assert.ok(Math.abs(tempo.bpm! / 208 - 1) < 0.02, `${tempo.bpm}`);
  const evidence = (reason: string) => Number(/dembow check .*?evidence (\d(\.\d+)?)/.exec(reason)?.[1] ?? 0);
  assert.ok(evidence(decision!.reason) < 0.05, decision!.reason);
  const old = before(() => estimateTempoWithDecision(input));
  assert.ok(Math.abs(old.tempo.bpm! / 104 - 1) < 0.02, `before: ${old.tempo.bpm}`);
});

test('a dembow (kick on every beat, snare on the 3-3-2) at 96 BPM keeps its check: its tempo, not the double', () => {
  const input = groove(96, [
    [[0, 1, 2, 3], KICK],
    [[0.75, 1.5, 2.75, 3.5], SNARE],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
  ]);
  const { tempo, decision } = estimateTempoWithDecision(input);
  assert.ok(Math.abs(tempo.bpm! / 96 - 1) < 0.02, `${tempo.bpm}`);
  const fast = decision!.alternatives.find((a) => Math.abs(a.value / 192 - 1) < 0.03);
  assert.ok(fast, 'the double is an alternative');
  const m = /dembow check (\d(\.\d+)?) .*?evidence (\d(\.\d+)?), the off-beat's repeat (\d(\.\d+)?)/.exec(fast.why_not);
  assert.ok(m && Number(m[3]) > 0.5 && Number(m[5]) < 0.5, fast.why_not);
});
