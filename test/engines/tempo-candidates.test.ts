/**
 * The candidates' dump (TempoOptions.onCandidates, h-tlearn53: bench/tempo-learn.ts reads it): called once per
 * level decision with the candidate levels, best first, and the engine's output the same with it as without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoLevelCandidate } from '../../src/engines/tempo/index.js';
import { HAT, KICK, groove } from '../helpers/grooves.js';

/** Four on the floor at 120 BPM with off-beat hats (the tempo tests' shared groove generator). */
const floor = () =>
  groove(120, [
    [[0, 1, 2, 3], KICK],
    [[0.5, 1.5, 2.5, 3.5], HAT],
  ]);

test('onCandidates sees the levels once, best first at the reported tempo, and changes no output', () => {
  const calls: Readonly<TempoLevelCandidate>[][] = [];
  const withDump = estimateTempoWithDecision(floor(), { onCandidates: (all) => calls.push([...all]) });
  const without = estimateTempoWithDecision(floor());
  assert.deepEqual(withDump, without);
  assert.equal(calls.length, 1);
  const all = calls[0]!;
  assert.ok(all.length >= 2, `${all.length} candidates`);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.score >= all[i]!.score, `sorted at ${i}`);
  assert.ok(Math.abs(all[0]!.bpm / withDump.tempo.bpm! - 1) < 0.03, `${all[0]!.bpm} vs ${withDump.tempo.bpm}`);
  assert.ok(Math.abs(withDump.tempo.bpm! / 120 - 1) < 0.02, `${withDump.tempo.bpm}`);
  // the double is among the candidates with its terms (what the bench's pairs read)
  assert.ok(all.some((c) => Math.abs(c.bpm / 240 - 1) < 0.03 || Math.abs(c.bpm / 60 - 1) < 0.03));
});
