/**
 * The backbeat term reads a level whose half-way position carries a snare-like hit (full band, no kick) as half of the
 * beat. A fast level's double lies above maxBpm, so there its half-way hits are off-beats (skate punk's snare on every
 * off eighth, a four-on-the-floor's open hat): h-tempo40 leaves the term at 1 above backbeatMaxBpm (issue 12 point 2).
 * On main the fast level was weighed down to 0.4–0.6 and lost to its ⅔ level, or (here) to its quarter. Generator
 * truth: the hits are placed at `bpm`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove, HAT, KICK, SNARE, type Hit } from '../helpers/grooves.js';

/** An open hat: full band as loud as the snare, nothing below 150 Hz. */
const OPEN_HAT: Hit = [0.9, 0, 0, 0.1, 0.4, 0.8];
/**
 * The term as on main (every level up to maxBpm), with the dembow check as it was then (h-tempo43's off-beat repeat
 * off: it alone also lifts the skate punk to its tempo).
 */
const before = <T>(f: () => T) =>
  withParameterValue(TEMPO_PARAMETERS.dembowRepeatFrom, 1, () =>
    withParameterValue(TEMPO_PARAMETERS.backbeatMaxBpm, 220, f),
  );

test('skate punk (kick on every beat, snare on every off eighth) at 200 BPM: its tempo, not a quarter of it', () => {
  const input = groove(200, [
    [[0, 1, 2, 3], KICK],
    [[0.5, 1.5, 2.5, 3.5], SNARE],
  ]);
  const { tempo, decision } = estimateTempoWithDecision(input);
  assert.ok(Math.abs(tempo.bpm! / 200 - 1) < 0.02, `${tempo.bpm}`);
  assert.match(decision!.reason, /× backbeat 1 [×=]/);
  const old = before(() => estimateTempoWithDecision(input).tempo.bpm!);
  assert.ok(Math.abs(old / 50 - 1) < 0.02, `before: ${old}`);
});

test('a fast four-on-the-floor with an open hat on the off-beats: the backbeat term leaves the level alone', () => {
  for (const bpm of [136, 172]) {
    const input = groove(bpm, [
      [[0, 1, 2, 3], KICK],
      [[1, 3], SNARE],
      [[0.5, 1.5, 2.5, 3.5], OPEN_HAT],
    ]);
    const { tempo, decision } = estimateTempoWithDecision(input);
    assert.ok(Math.abs(tempo.bpm! / bpm - 1) < 0.02, `${bpm}: ${tempo.bpm}`);
    assert.match(decision!.reason, /× backbeat 1 [×=]/, `${bpm}`);
    const old = before(() => estimateTempoWithDecision(input).decision!.reason);
    assert.match(old, /× backbeat 0\.\d+ [×=]/, `${bpm} before`);
  }
});

test('a slow level is still weighed down by the backbeat half-way (a rock beat at 140: its 70 BPM level)', () => {
  const { tempo, decision } = estimateTempoWithDecision(
    groove(140, [
      [[0, 2], KICK],
      [[1, 3], SNARE],
      [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT],
    ]),
  );
  assert.ok(Math.abs(tempo.bpm! / 140 - 1) < 0.02, `${tempo.bpm}`);
  const half = decision!.alternatives.find((a) => Math.abs(a.value / 70 - 1) < 0.03);
  assert.ok(half, 'the half level is an alternative');
  const term = /× backbeat (\d(\.\d+)?) [×=]/.exec(half.why_not);
  assert.ok(term && Number(term[1]) < 0.7, half.why_not);
});
