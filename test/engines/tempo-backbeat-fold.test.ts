/**
 * The backbeat fold (level-model.ts levelBackbeatFold, h-tempo73; issue 12 points 1 and 2): a level's beats folded
 * over a two-beat cycle, the brightness (mid and 2–8 kHz flux over the low band) on beat 2 against beat 1 and against
 * the half-way positions. On analytic drum stems (test/helpers/grooves.ts: kick, snare, hat, a rim and an open hat) it
 * points at rule A's level (fixtures/tempotruth.ts beatLevelFactor: the level whose every second beat carries the
 * backbeat) over that level's double and half (from minBpm up) by stated margins, the flux fold's reading and the
 * band energies' alternation each: a fast two-beat at 150 BPM (the snare on 2 and 4 of
 * the quarter), a half-time groove written at 140 (the snare on 3: its level 70), a skank at 160 (the rim on 2 and 4,
 * the open hat on the off-beats), a ballad at 64 (the rim on 2 and 4, sixteenth hats).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPO_PARAMETERS } from '../../src/engines/analysis/params.js';
import { estimateTempoWithDecision, fluxOnFrames } from '../../src/engines/tempo/index.js';
import {
  LEVEL_FEATURES,
  LEVEL_FOLD,
  bandRise,
  levelBackbeatFold,
  levelFoldReading,
  levelPairFeatures,
  type LevelRow,
} from '../../src/engines/tempo/level-model.js';
import { HAT, HOP, KICK, SECONDS, SNARE, bandEnergy, groove, type Hit, type Piece } from '../helpers/grooves.js';

/** A cross-stick: a click in the mid and 2–8 kHz groups, hardly any low. */
const RIM: Hit = [0.6, 0.02, 0.05, 0.5, 0.6, 0.1];
/** An open hat (the skank's off-beat): the 2–8 kHz and top groups. */
const OPEN: Hit = [0.4, 0, 0, 0.05, 0.3, 0.6];
/** Each flux hit's piece in the band energies (helpers' bandEnergy shapes). */
const PIECE = new Map<Hit, Piece>([
  [KICK, 'kick'],
  [SNARE, 'snare'],
  [HAT, 'hat'],
  [RIM, 'stick'],
  [OPEN, 'hat'],
]);
const eighths = (from = 0) => Array.from({ length: 8 }, (_, k) => from + k / 2);
const sixteenths = Array.from({ length: 16 }, (_, k) => k / 4);

const GROOVES: { name: string; bpm: number; ruleA: number; parts: [number[], Hit][] }[] = [
  {
    name: 'fast two-beat at 150 (snare on 2 and 4 of the quarter)',
    bpm: 150,
    ruleA: 150,
    parts: [
      [[0, 2], KICK],
      [[1, 3], SNARE],
      [[0, 1, 2, 3], HAT],
    ],
  },
  {
    name: 'half-time groove written at 140 (kick on 1 and 2-and, snare on 3)',
    bpm: 140,
    ruleA: 70,
    parts: [
      [[0, 1.5], KICK],
      [[2], SNARE],
      [eighths(), HAT],
    ],
  },
  {
    name: 'skank at 160 (rim on 2 and 4, open hat on the off-beats)',
    bpm: 160,
    ruleA: 160,
    parts: [
      [[0, 2], KICK],
      [[1, 3], RIM],
      [[0.5, 1.5, 2.5, 3.5], OPEN],
    ],
  },
  {
    name: 'ballad at 64 (kick on 1 and 3-and, rim on 2 and 4, sixteenth hats)',
    bpm: 64,
    ruleA: 64,
    parts: [
      [[0, 2.5], KICK],
      [[1, 3], RIM],
      [sixteenths, HAT],
    ],
  },
];

/** The groove's envelopes with its band energies (the same hits). */
function stem(g: (typeof GROOVES)[number]) {
  const spb = 60 / g.bpm;
  const hits: [number, Piece][] = [];
  for (let bar = 0; (bar + 1) * 4 * spb < SECONDS; bar++)
    for (const [positions, h] of g.parts) for (const q of positions) hits.push([(bar * 4 + q) * spb, PIECE.get(h)!]);
  return { ...groove(g.bpm, g.parts), bandEnergy: bandEnergy(hits, SECONDS) };
}
/** The level's fold on exact beats (period 60 / bpm from `phase` quarter notes of the written bar on). */
function foldAt(input: ReturnType<typeof stem>, writtenBpm: number, levelBpm: number, phase: number) {
  const n = input.odf.length;
  const [low, mid, high] = fluxOnFrames(input.flux, n, HOP);
  const kickHz = TEMPO_PARAMETERS.levelFoldKickHz.value;
  const kick = bandRise(input.bandEnergy, n, HOP, 0, kickHz);
  const snare = bandRise(input.bandEnergy, n, HOP, kickHz, TEMPO_PARAMETERS.levelFoldSnareHz.value);
  const period = 60 / levelBpm / HOP;
  const start = (phase * 60) / writtenBpm / HOP;
  const beats: number[] = [];
  for (let f = start; f < n - 1; f += period) beats.push(f);
  const w = TEMPO_PARAMETERS.levelFoldWindowBeats.value;
  return levelBackbeatFold({ low, mid, high, kick, snare }, beats, w);
}
/** The flux fold's reading of a level (levelFoldReading): the backbeat less the brightness between its beats. */
const reading = (fold: (number | null)[]) => levelFoldReading({ bpm: 0, fold } as unknown as LevelRow)!;
/** The margins rule A's level leads its double and half by (they on both phases): flux reading, alternation. */
const MARGIN = 0.5;
const MARGIN_ALTERNATION = 0.4;

for (const g of GROOVES)
  test(`backbeat fold: ${g.name} points at rule A's level ${g.ruleA} over its double and half`, () => {
    const input = stem(g);
    const right = foldAt(input, g.bpm, g.ruleA, 0);
    // the levels the engine's candidates reach (minBpm 50 and up: a 64 ballad's half is none)
    for (const other of [g.ruleA * 2, g.ruleA / 2].filter((b) => b >= TEMPO_PARAMETERS.minBpm.value)) {
      // the other level on both phases the beat tracker could land on (its beats, or half its period later): its best
      const folds = [0, g.bpm / other / 2].map((p) => foldAt(input, g.bpm, other, p));
      const best = Math.max(...folds.map(reading));
      assert.ok(reading(right) >= best + MARGIN, `${g.ruleA}: ${reading(right).toFixed(3)}, ${other}: ${best}`);
      const alt = Math.max(...folds.map((f) => f[2]!));
      assert.ok(right[2]! >= alt + MARGIN_ALTERNATION, `alternation ${g.ruleA}: ${right[2]}, ${other}: ${alt}`);
    }
  });

test('backbeat fold: null without a band or with fewer than 8 beats; the pair features read it at both levels', () => {
  const input = stem(GROOVES[0]!);
  const [low, mid, high] = fluxOnFrames(input.flux, input.odf.length, HOP);
  const beats = Array.from({ length: 40 }, (_, i) => i * 20);
  assert.deepEqual(levelBackbeatFold({ low, mid }, beats, 0.05), [null, null, null]);
  assert.deepEqual(levelBackbeatFold({ low, mid, high }, beats.slice(0, 7), 0.05), [null, null, null]);
  assert.equal(levelBackbeatFold({ low, mid, high }, beats, 0.05)[2], null);
  assert.equal(bandRise(undefined, 100, HOP, 0, 150), null);
  assert.deepEqual(LEVEL_FOLD, ['backbeat', 'offbeat', 'alternation']);
  // the engine fills each candidate's fold for the dump (onCandidates) and the pair features carry it
  let all: { bpm: number; fold?: (number | null)[] }[] = [];
  estimateTempoWithDecision(input, { onCandidates: (c) => (all = [...c]) });
  assert.ok(all.length > 0);
  const c150 = all.find((c) => Math.abs(c.bpm / 150 - 1) < 0.03)!;
  assert.equal(c150.fold?.length, 3);
  assert.ok(c150.fold!.every((v) => typeof v === 'number'));
  const row = (fold: (number | null)[], bpm: number) =>
    ({ bpm, fold }) as unknown as Parameters<typeof levelPairFeatures>[0];
  const x = levelPairFeatures(row([0.5, -0.1, 0.9], 150), row([0.05, 0.2, 0.1], 300));
  const at = (name: string) => x[LEVEL_FEATURES.indexOf(name)];
  assert.equal(at('fold backbeat slow'), 0.5);
  assert.equal(at('fold backbeat fast'), 0.05);
  assert.equal(at('fold offbeat slow'), -0.1);
  assert.equal(at('fold offbeat fast'), 0.2);
  assert.equal(at('fold alternation slow'), 0.9);
  assert.equal(at('fold alternation fast'), 0.1);
  assert.ok(Number.isNaN(levelPairFeatures(row([null, null, null], 150), row([0.1, 0.1, 0.1], 300)).at(-9)));
});

test('fold reading (h-tempo78): backbeat − max(0, offbeat) at each level and their difference as pair features', () => {
  const level = (bpm: number, fold: (number | null)[]) => ({ bpm, fold }) as unknown as LevelRow;
  assert.equal(levelFoldReading(level(100, [0.8, -0.2, 0.9])), 0.8);
  assert.ok(Math.abs(levelFoldReading(level(100, [0.05, 0.3, 0.1]))! - (0.05 - 0.3)) < 1e-12);
  assert.equal(levelFoldReading(level(100, [null, 0.1, 0.5])), null);
  assert.equal(levelFoldReading({ bpm: 100 } as unknown as LevelRow), null);
  const x = levelPairFeatures(level(75, [0.05, 0.3, 0.1]), level(150, [0.8, -0.2, 0.9]));
  const at = (name: string) => x[LEVEL_FEATURES.indexOf(name)]!;
  assert.ok(Math.abs(at('fold reading slow') - -0.25) < 1e-12);
  assert.equal(at('fold reading fast'), 0.8);
  assert.ok(Math.abs(at('fold reading fast − slow') - 1.05) < 1e-12);
  const y = levelPairFeatures(level(75, [null, null, null]), level(150, [0.8, -0.2, 0.9]));
  assert.ok(Number.isNaN(y[LEVEL_FEATURES.indexOf('fold reading slow')]!));
  assert.ok(Number.isNaN(y[LEVEL_FEATURES.indexOf('fold reading fast − slow')]!));
});
