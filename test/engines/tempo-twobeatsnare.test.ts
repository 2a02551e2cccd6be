/**
 * A snare ballad with sixteenth hats and a kick on the "and" of 3 (issue 12 point 2, h-tempo33's term, alone since
 * h-tempo35): at its own level the top band (hats) is as strong half-way as on the beats, its quarters are filled and
 * the kick fills the half-way position, so the two-beat check weighs the level down as a two-beat pattern read as one
 * beat. The check's evidence is taken away as far as the snare falls on every other beat of the level
 * (twoBeatSnareWeight; the side stick is not counted: snareStickWeight 0): the check leaves the level alone, its score
 * higher by exactly the factor it took. A two-beat pattern (the snare half-way between the level's beats, once a
 * beat) is still read at its beat.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { bandEnergy, groove, HAT, KICK, SECONDS, SNARE, type Hit, type Piece } from '../helpers/grooves.js';

const SIXTEENTHS = Array.from({ length: 16 }, (_, k) => k / 4);

/** A one-bar pattern looped at `bpm`: the envelopes (grooves.ts groove) and the band energies of the same hits. */
function song(bpm: number, parts: [number[], Hit, Piece][]): TempoInput {
  const input = groove(
    bpm,
    parts.map(([q, h]) => [q, h]),
  );
  const spb = 60 / bpm;
  const hits: [number, Piece][] = [];
  for (let bar = 0; (bar + 1) * 4 * spb < SECONDS; bar++)
    for (const [positions, , piece] of parts) for (const q of positions) hits.push([(bar * 4 + q) * spb, piece]);
  return { ...input, bandEnergy: bandEnergy(hits, SECONDS) };
}

/** Kick on 1, 3 and the "and" of 3, snare on 2 and 4, sixteenth hats. */
const ballad = (bpm: number) =>
  song(bpm, [
    [[0, 2, 2.5], KICK, 'kick'],
    [[1, 3], SNARE, 'snare'],
    [SIXTEENTHS, HAT, 'hat'],
  ]);
/** A two-beat pattern: kick on 1 and 3, snare on 2 and 4, eighth hats (its beat `bpm`). */
const twoBeat = (bpm: number) =>
  song(bpm, [
    [[0, 2], KICK, 'kick'],
    [[1, 3], SNARE, 'snare'],
    [[0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5], HAT, 'hat'],
  ]);
const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
/** The winning level's two-beat factor (1 when the decision shows none) and its score. */
function winner(input: TempoInput): { bpm: number; twoBeat: number; score: number } {
  const { tempo, decision } = estimateTempoWithDecision(input);
  const reason = decision!.reason;
  const tb = /two-beat check ([\d.]+)/.exec(reason);
  const score = /= ([\d.]+), the highest/.exec(reason)!;
  return { bpm: tempo.bpm!, twoBeat: tb ? Number(tb[1]) : 1, score: Number(score[1]) };
}

test('a snare ballad at 64, 72 and 84 BPM: the two-beat check gives no evidence against its own level', () => {
  assert.equal(TEMPO_PARAMETERS.snareStickWeight.value, 0);
  for (const bpm of [64, 72, 84]) {
    const now = winner(ballad(bpm));
    assert.ok(Math.abs(now.bpm / bpm - 1) < 0.02, `${bpm}: ${now.bpm}`);
    assert.equal(now.twoBeat, 1, `${bpm}: two-beat check ${now.twoBeat}`);
    // without the term the check weighs the level down, its score by exactly that factor (its other terms the same)
    const before = withParameterValue(TEMPO_PARAMETERS.twoBeatSnareWeight, 0, () => winner(ballad(bpm)));
    assert.ok(before.twoBeat < 0.97, `${bpm} before: two-beat check ${before.twoBeat}`);
    assert.ok(Math.abs(before.score / now.score - before.twoBeat) < 0.01, `${before.score} / ${now.score}`);
  }
});

test('a two-beat pattern at 140 and 160 BPM is still read at its beat (the snare half-way at its half)', () => {
  for (const bpm of [140, 160]) {
    const got = bpmOf(twoBeat(bpm));
    assert.ok(Math.abs(got / bpm - 1) < 0.02, `${bpm}: ${got}`);
  }
});

test('twoBeatSnareWeight and snareStickWeight are declared', () => {
  assert.deepEqual(TEMPO_PARAMETERS.twoBeatSnareWeight.range, [0, 1]);
  assert.deepEqual(TEMPO_PARAMETERS.snareStickWeight.range, [0, 1]);
});
