/**
 * The backbeat term's snare weight (issue 12 point 2, h-tempo46), on generated band energies: a backbeat read at
 * half tempo has the snare on every half-way position of the slow level (2 and 4 of the fast level's bar); a 2/4
 * cumbia's off-beat is a side stick and hats (no snare), so the term does not read its quarter as half of a beat.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backbeatSnareWeight, snareHits } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { bandEnergy, type Piece } from '../helpers/grooves.js';

/** 32 beats at `bpm` with the kick on each beat and `off` half-way (plus a hat on the beat and a second after). */
function twoFour(bpm: number, off: Piece) {
  const p = 60 / bpm;
  const hits: [number, Piece][] = [];
  for (let beat = 0; beat < 32; beat++) {
    const t = 0.1 + beat * p;
    hits.push([t, 'kick'], [t + 0.002, 'hat'], [t + p / 2, off], [t + (3 * p) / 4, 'hat']);
  }
  const beats = Array.from({ length: 32 }, (_, i) => 0.1 + i * p);
  return { hits: snareHits(bandEnergy(hits, 0.5 + 32 * p))!, beats };
}

test('backbeat snare weight: a rock backbeat at half tempo (snare half-way) keeps the term', () => {
  const { hits, beats } = twoFour(92, 'snare');
  assert.ok(hits.times.length >= 30, `${hits.times.length} snare hits`);
  assert.equal(backbeatSnareWeight(hits, beats), 1);
});

test("backbeat snare weight: a cumbia's off-beat side stick is no backbeat (weight 0)", () => {
  // the same groove with a snare on the first beat of every eighth beat (a fill), so that the detector has hits
  const p = 60 / 92;
  const hits: [number, Piece][] = [];
  for (let beat = 0; beat < 32; beat++) {
    const t = 0.1 + beat * p;
    hits.push([t, beat % 8 === 0 ? 'snare' : 'kick'], [t + 0.002, 'hat'], [t + p / 2, 'stick']);
  }
  const found = snareHits(bandEnergy(hits, 0.5 + 32 * p))!;
  const beats = Array.from({ length: 32 }, (_, i) => 0.1 + i * p);
  assert.equal(found.times.length, 4);
  assert.equal(backbeatSnareWeight(found, beats), 0);
  // main's form (the parameter at 0): the term counts whatever the half-way hits are
  withParameterValue(TEMPO_PARAMETERS.backbeatSnareShare, 0, () => assert.equal(backbeatSnareWeight(found, beats), 1));
});

test('backbeat snare weight: the share over backbeatSnareShare; too few hits leave the term alone', () => {
  const beats = Array.from({ length: 9 }, (_, i) => i * 0.5); // 8 half-way positions at 0.25 + 0.5 k
  const two = { times: [0.25, 1.25, 2.25, 3.25] }; // 4 of 8 half-ways: share 0.5
  assert.equal(backbeatSnareWeight(two, beats), 1);
  assert.equal(backbeatSnareWeight({ times: [0.25, 1.25, 2.0, 3.0] }, beats), 0.5); // 2 of 8 over 0.5
  assert.equal(backbeatSnareWeight({ times: [0.26, 1.28, 2.5] }, beats), 0.5); // within ±40 ms: 0.26 and 1.28
  assert.equal(backbeatSnareWeight({ times: [0.25, 1.25] }, beats), 1); // 2 hits: no evidence
});
