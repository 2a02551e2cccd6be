/**
 * A pedal's role in the key (rounds 45 and 47, bench/RESULTS.md): a lone pedal's pitch class is its bass note (the
 * fifth capped, not the note a fifth below it), and a pedal is the dominant only when the music resolves a fifth below
 * it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPedals, pedalRoles, type ChordSegment } from '../../src/engines/key/index.js';
import { KEY_PARAMETERS } from '../../src/engines/analysis/params.js';

const B = 11;
const E = 4;
const C = 0;
const G = 7;
const F = 5;
/** A bass-register row holding one pitch class at level 1 (and `also` at `level`). */
const bassRow = (pc: number, also = -1, level = 0): number[] => {
  const row = new Array<number>(12).fill(0);
  row[pc] = 1;
  if (also >= 0) row[also] = level;
  return row;
};
/** Segments of `len` blocks each on the given roots (major). */
const segments = (roots: number[], len: number): ChordSegment[] =>
  roots.map((root, i) => ({ root, mode: 'major', start: i * len, end: (i + 1) * len, sounding: len }));
/** A chroma row for a major triad on `root`. */
const triad = (root: number): number[] => {
  const row = new Array<number>(12).fill(0);
  for (const step of [0, 4, 7]) row[(root + step) % 12] = 1;
  return row;
};

test('a lone B pedal under B–E is a B pedal (the fifth capped), not E: the note a fifth below ties it uncapped', () => {
  assert.equal(KEY_PARAMETERS.bassNoteFifthCap.value, 1);
  const n = 40;
  // the chords above alternate B and E every 5 blocks; the bass holds B alone (nothing at E, nothing at F#)
  const upper = Array.from({ length: n }, (_, b) => triad(Math.floor(b / 5) % 2 ? E : B));
  const bass = Array.from({ length: n }, () => bassRow(B));
  const o = { bassWeight: 0, inversionBass: 0, switchPenalty: 0.6, harmonicDecay: 0.6, seventhWeight: 0 };
  const pedal = findPedals(upper, bass, o, 15, 3, 1);
  assert.equal(pedal.filter(Boolean).length, n);
  const roles = pedalRoles(pedal, bass, segments([B, E, B, E, B, E, B, E], 5), 1);
  assert.deepEqual(
    roles.map((r) => [r.note, r.role, r.blocks]),
    [[B, 'tonic', n]],
  );
  // uncapped, the B pedal is read as E's fifth: E + B ties B + F# and E wins by index (main's reading)
  const uncapped = pedalRoles(pedal, bass, segments([B, E, B, E, B, E, B, E], 5), 0);
  assert.equal(uncapped[0]!.note, E);
});

test('a G pedal whose bass then moves to C is a dominant pedal; one held to the end under G–C is a tonic', () => {
  const n = 30;
  const pedal = Array.from({ length: n }, (_, b) => b < 20);
  // G held for 20 blocks, then the bass moves to C (a fifth below): the pedal resolves
  const resolving = Array.from({ length: n }, (_, b) => (b < 20 ? bassRow(G, C, 0.2) : bassRow(C)));
  const loop = segments([G, C, G, C, G, C], 5);
  assert.deepEqual(
    pedalRoles(pedal, resolving, loop, 1).map((r) => [r.note, r.role]),
    [[G, 'dominant']],
  );
  // the same pedal, its bass moving up a tone afterwards (to A): G and C sound as long, no resolution below it
  const other = Array.from({ length: n }, (_, b) => (b < 20 ? bassRow(G, C, 0.2) : bassRow(9)));
  assert.deepEqual(
    pedalRoles(pedal, other, loop, 1).map((r) => [r.note, r.role]),
    [[G, 'tonic']],
  );
});

test('over a G pedal held throughout, C F G C C F G C resolves onto C: a dominant pedal by the chords above', () => {
  const n = 40;
  const pedal = new Array<boolean>(n).fill(true);
  const bass = Array.from({ length: n }, () => bassRow(G));
  const roles = pedalRoles(pedal, bass, segments([C, F, G, C, C, F, G, C], 5), 1, 1.5);
  assert.deepEqual(
    roles.map((r) => [r.note, r.role]),
    [[G, 'dominant']],
  );
  // with the chords' test off (time ratio 0) only the bass decides: held to the end, it is a tonic pedal
  assert.equal(pedalRoles(pedal, bass, segments([C, F, G, C, C, F, G, C], 5), 1, 0)[0]!.role, 'tonic');
});

test('round 47: over a B pedal, B E B E with E longer and cadenced into is a tonic pedal (two roots, no third)', () => {
  assert.equal(KEY_PARAMETERS.pedalDominantOtherShare.value, 0.05);
  const n = 40;
  const pedal = new Array<boolean>(n).fill(true);
  const bass = Array.from({ length: n }, () => bassRow(B));
  // B for 2 blocks, E for 8: the labels without the bass lean to E, and B → E counts as V → I
  const loop: ChordSegment[] = [0, 1, 2, 3].flatMap((k) => [
    { root: B, mode: 'major' as const, start: 10 * k, end: 10 * k + 2, sounding: 2 },
    { root: E, mode: 'major' as const, start: 10 * k + 2, end: 10 * k + 10, sounding: 8 },
  ]);
  assert.deepEqual(
    pedalRoles(pedal, bass, loop, 1, 1.5).map((r) => [r.note, r.role]),
    [[B, 'tonic']],
  );
  // no third root asked for (round 45's form): the same loop reads as a dominant pedal, the key a fourth up
  assert.equal(pedalRoles(pedal, bass, loop, 1, 1.5, 0)[0]!.role, 'dominant');
});

test('round 47: a B pedal with a one-block stray on another bass note every 6 blocks is one run (gap)', () => {
  const n = 42;
  const upper = Array.from({ length: n }, (_, b) => triad(Math.floor(b / 7) % 2 ? E : B));
  // a drum thud or passing tone: every sixth block the bass register's strongest note is C#
  const bass = Array.from({ length: n }, (_, b) => (b % 6 === 5 ? bassRow(1) : bassRow(B)));
  const o = { bassWeight: 0, inversionBass: 0, switchPenalty: 0.6, harmonicDecay: 0.6, seventhWeight: 0 };
  // 15-block runs needed: without the gap no run is longer than 5 blocks
  assert.equal(findPedals(upper, bass, o, 15, 3, 1, 0).filter(Boolean).length, 0);
  const pedal = findPedals(upper, bass, o, 15, 3, 1, 2);
  assert.ok(pedal.filter(Boolean).length >= 40, `${pedal.filter(Boolean).length}`);
});
