/**
 * The learned octave move (level-model.ts, presets/tempo-level-lr53.json; h-tlearn53's model, h-tlevel55): the
 * preset's features are the code's, its stored rows give the probabilities the trainer gave them, the beats move as
 * the bench judged them, and a groove the hand combination reads at the double is read at its written tempo with the
 * switch on (TEMPO_PARAMETERS.levelModel; off by default).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPO_PARAMETERS } from '../../src/engines/analysis/params.js';
import { estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import { LEVEL_FEATURES, levelModel, levelProbabilityOfRow, movedBeats } from '../../src/engines/tempo/level-model.js';
import { KICK, SNARE, groove } from '../helpers/grooves.js';

function withModel<T>(on: boolean, f: () => T): T {
  const before = TEMPO_PARAMETERS.levelModel.value;
  TEMPO_PARAMETERS.levelModel.value = on ? 1 : 0;
  try {
    return f();
  } finally {
    TEMPO_PARAMETERS.levelModel.value = before;
  }
}

test("the preset's feature list is the code's (81: log-ratios, the slow level's terms, evidence, flags, BPM)", () => {
  const m = levelModel();
  assert.deepEqual(m.features, [...LEVEL_FEATURES]);
  assert.equal(LEVEL_FEATURES.length, 81);
  assert.equal(m.w.length, 81);
  assert.equal(m.mean.length, 81);
  assert.equal(m.scale.length, 81);
  assert.equal(m.provenance.lambda, 3);
});

test("the preset's stored rows give the probabilities the trainer stored for them", () => {
  const m = levelModel();
  assert.ok(m.checks.length >= 6, `${m.checks.length} rows`);
  const ps = m.checks.map((c) => levelProbabilityOfRow(m, c.x));
  m.checks.forEach((c, i) =>
    assert.ok(Math.abs(ps[i]! - c.probability) < 1e-9, `${c.from}: ${ps[i]} vs ${c.probability}`),
  );
  // the rows are not all on one side (the check would pass on a constant model otherwise)
  assert.ok(Math.min(...ps) < 0.4 && Math.max(...ps) > 0.6, `${ps.map((p) => p.toFixed(2))}`);
});

test('the moved beats: midpoints added at the double, every other beat on the first downbeat at the half', () => {
  const b = [1, 2, 3, 4, 5];
  assert.deepEqual(movedBeats(b, 1, 1), b);
  assert.deepEqual(movedBeats(b, 1, 2), [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
  assert.deepEqual(movedBeats(b, 2, 0.5), [2, 4]);
  assert.deepEqual(movedBeats(b, 3, 0.5), [1, 3, 5]);
  assert.deepEqual(movedBeats(b, undefined, 0.5), [1, 3, 5]);
});

test('a kick-and-snare backbeat at 70 BPM: the hand reads 140, the model its written 70 and says why', () => {
  // kick on 1 and 3, snare on 2 and 4, nothing between: the written tempo is 70 (the backbeat on 2 and 4)
  const input = () =>
    groove(70, [
      [[0, 2], KICK],
      [[1, 3], SNARE],
    ]);
  const off = withModel(false, () => estimateTempoWithDecision(input()));
  const on = withModel(true, () => estimateTempoWithDecision(input()));
  assert.ok(Math.abs(off.tempo.bpm! / 140 - 1) < 0.02, `hand ${off.tempo.bpm}`);
  assert.equal(off.decision?.inputs.levelModel, undefined);
  assert.ok(Math.abs(on.tempo.bpm! / 70 - 1) < 0.02, `model ${on.tempo.bpm}`);
  assert.equal(on.tempo.bpm, Math.round(off.tempo.bpm! * 50) / 100);
  // every other one of the hand's beats
  assert.ok(on.tempo.beats.length >= 18 && on.tempo.beats.length <= off.tempo.beats.length / 2 + 1);
  for (const t of on.tempo.beats) assert.ok(off.tempo.beats.includes(t), `${t} not a hand beat`);
  const log = String(on.decision?.inputs.levelModel);
  assert.match(log, /P\(half right\) 0\.\d+/);
  assert.match(log, /moved from 14\d(\.\d+)? BPM/);
  const p = Number(/P\(half right\) (0\.\d+)/.exec(log)![1]);
  assert.ok(p > 0.5 + TEMPO_PARAMETERS.levelModelMargin.value, `${p}`);
  assert.match(on.decision!.reason, /learned level model/);
});
