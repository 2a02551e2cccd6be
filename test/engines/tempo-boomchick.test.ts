/**
 * A fast boom-chick (country two-beat, punk, ska at 180–220 BPM) is tapped at the fast level: the snare on every other
 * fast beat is that level's backbeat. Read at half, the snare falls half-way between the slow beats, but the kick,
 * bass and chords on the slow beats outweigh it on the full band, so the backbeat term (full band half-way at least
 * backbeatFullRatio of the beats) did not see it. h-tempo50 (issue 12 points 1 and 2): the snare hits on the half-way
 * positions (snareHits) count as the backbeat's snare from backbeatSnareHitFrom of them. A 2/4 groove (kick on every
 * beat, a side stick half-way: no snare hit) keeps its slow pulse. Generator truth: the hits are placed at `bpm`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backbeat, estimateTempoWithDecision, halfWaySnareShare, snareHits } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { bandEnergy, groove, HAT, type Hit, type Piece, SECONDS } from '../helpers/grooves.js';

/** The kick with the bass and a chord on it: loud on the full band. */
const BOOM: Hit = [1, 1, 1, 0.4, 0.2, 0];
/** A snare under the chords: a third of the boom on the full band, no kick. */
const CHICK: Hit = [0.3, 0, 0.1, 0.5, 0.4, 0.1];
/** A side stick: a click on the full band, no snare body. */
const STICK: Hit = [0.3, 0, 0, 0.2, 0.2, 0.1];
const off = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.backbeatSnareHitFrom, 1, f);

/** The groove's envelopes and the band energies of its `piece` hits on `positions` (quarters of a 4-beat bar). */
function withBands(bpm: number, parts: [number[], Hit][], bandParts: [number[], Piece][]) {
  const input = groove(bpm, parts);
  const spb = 60 / bpm;
  const hits: [number, Piece][] = [];
  for (let bar = 0; (bar + 1) * 4 * spb < SECONDS; bar++)
    for (const [positions, piece] of bandParts) for (const q of positions) hits.push([(bar * 4 + q) * spb, piece]);
  return { ...input, bandEnergy: bandEnergy(hits, SECONDS) };
}

test('boom-chick at 200 BPM (the snare under the chords on 2 and 4): read at 200, not 100', () => {
  const input = withBands(
    200,
    [
      [[0, 2], BOOM],
      [[1, 3], CHICK],
      [[0.5, 1.5, 2.5, 3.5], HAT],
    ],
    [
      [[0, 2], 'kick'],
      [[1, 3], 'snare'],
    ],
  );
  const { tempo, decision } = estimateTempoWithDecision(input);
  assert.ok(Math.abs(tempo.bpm! / 200 - 1) < 0.02, `${tempo.bpm}: ${decision!.reason}`);
  const old = off(() => estimateTempoWithDecision(input).tempo.bpm!);
  assert.ok(Math.abs(old / 100 - 1) < 0.02, `before: ${old}`);
});

test('a 2/4 control (kick on every beat, a side stick half-way, a snare once in two bars) at 96: read at 96', () => {
  const input = withBands(
    96,
    [
      [[0, 1, 2, 3], BOOM],
      [[0.5, 1.5, 2.5, 3.5], STICK],
      [[0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75], HAT],
    ],
    [
      [[0, 1, 2, 3], 'kick'],
      [[0.5, 1.5, 2.5, 3.5], 'stick'],
      [[0], 'snare'],
    ],
  );
  const hits = snareHits(input.bandEnergy)!;
  assert.ok(hits.times.length >= 3, `${hits.times.length} snare hits`);
  const { tempo, decision } = estimateTempoWithDecision(input);
  assert.ok(Math.abs(tempo.bpm! / 96 - 1) < 0.02, `${tempo.bpm}: ${decision!.reason}`);
  assert.ok(Math.abs(off(() => estimateTempoWithDecision(input).tempo.bpm!) / 96 - 1) < 0.02);
});

test('the backbeat term with the snare hits: the full band half-way weak, the snare on every half-way', () => {
  // 16 beats of 40 frames: the full band 1 on the beats, 0.3 half-way (below backbeatFullRatio 0.5); no kick half-way
  const full = new Float64Array(700);
  const low = new Float64Array(700);
  const beats = Array.from({ length: 16 }, (_, i) => 20 + 40 * i);
  for (const b of beats) ((full[b] = 1), (low[b] = 1), (full[b + 20] = 0.3));
  assert.equal(
    off(() => backbeat(full, low, beats, 1, 1)),
    1,
  ); // main's form: no backbeat
  assert.equal(backbeat(full, low, beats, 1, 0), 1); // no snare hits: no backbeat
  // share 1: the snare counts fully, no kick half-way: the floor 0.4; share 0.65: half of (1 − 0.4) taken
  assert.ok(Math.abs(backbeat(full, low, beats, 1, 1) - 0.4) < 1e-9, `${backbeat(full, low, beats, 1, 1)}`);
  assert.ok(Math.abs(backbeat(full, low, beats, 1, 0.65) - 0.7) < 1e-9, `${backbeat(full, low, beats, 1, 0.65)}`);
  // the share: 3 of 4 half-way positions (±40 ms) with a snare hit; fewer than three hits: 0
  const secs = [0, 0.5, 1, 1.5, 2];
  assert.equal(halfWaySnareShare({ times: [0.25, 0.78, 1.2, 1.75] }, secs), 0.75);
  assert.equal(halfWaySnareShare({ times: [0.25, 0.75] }, secs), 0);
});
