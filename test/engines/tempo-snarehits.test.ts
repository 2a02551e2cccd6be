/**
 * Snare hits by spectral shape and the snare backbeat (issue 12 point 2, h-tempo24), on generated band energies
 * (the onset flux's 2-per-octave bands at 44.1 kHz): a snare (a body over the sub and wires' noise that rings) is
 * found; a kick (its head in the sub, a beater click), a hat (noise in the air) and a side stick (a click without a
 * ring) are not. The backbeat convention boosts the level whose every other beat has the snare, not its double or
 * half, and not a 2+2+3 bar's snares.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { halfTimeCheck, snareBackbeat, snareHalfTime, snareHits } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import type { ParameterSpec } from '../../src/engines/analysis/params.js';
import { bandEnergy, type Piece } from '../helpers/grooves.js';

/** 16 bars of 4/4 at `bpm`: kick on 1 and 3, `back` on 2 and 4, hats on the eighths. */
function rock(bpm: number, back: Piece) {
  const p = 60 / bpm;
  const hits: [number, Piece][] = [];
  for (let beat = 0; beat < 64; beat++) {
    const t = 0.1 + beat * p;
    hits.push([t, beat % 2 === 0 ? 'kick' : back], [t + 0.002, 'hat'], [t + p / 2, 'hat']);
  }
  return {
    be: bandEnergy(hits, 0.5 + 64 * p),
    p,
    beats: (k: number) => Array.from({ length: 64 * k }, (_, i) => 0.1 + (i * p) / k),
  };
}

test('snare hits: the snares on 2 and 4, not the kicks, hats or side sticks', () => {
  const { be, p } = rock(90, 'snare');
  const hits = snareHits(be)!;
  assert.equal(hits.times.length, 32);
  // every hit on an odd beat (2 or 4), none on the kicks
  for (const t of hits.times) {
    const beat = (t - 0.1) / p;
    assert.ok(Math.abs(beat - Math.round(beat)) < 0.05 && Math.round(beat) % 2 === 1, `hit at beat ${beat}`);
  }
  // a side stick (a click, no ring) is no snare by its shape: no hits at all when the click does not count
  // (snareStickWeight 0, the default; the kicks and hats stay below the floor)
  withParameterValue(TEMPO_PARAMETERS.snareStickWeight as ParameterSpec, 0, () =>
    assert.equal(snareHits(rock(90, 'stick').be)!.times.length, 0),
  );
  // … unless the side stick counts (snareStickWeight 1): then on 2 and 4
  withParameterValue(TEMPO_PARAMETERS.snareStickWeight as ParameterSpec, 1, () =>
    assert.equal(snareHits(rock(90, 'stick').be)!.times.length, 32),
  );
  assert.equal(snareHits(undefined), null);
});

test('snare backbeat: the boost goes to the level whose every other beat has the snare', () => {
  const { be, p, beats } = rock(70, 'snare');
  const hits = snareHits(be)!;
  const gain = TEMPO_PARAMETERS.snareBackbeatGain.value;
  const atBeat = snareBackbeat(hits, beats(1), p);
  assert.ok(Math.abs(atBeat.factor - (1 + gain)) < 1e-9, `beat level ${atBeat.factor}`);
  // the double (the snare every fourth of its beats) and the half (the snare on its off-beats, every beat) get none
  assert.equal(snareBackbeat(hits, beats(2), p / 2).factor, 1);
  assert.equal(snareBackbeat(hits, beats(0.5), 2 * p).factor, 1);
  // gain 0 switches it off
  withParameterValue(TEMPO_PARAMETERS.snareBackbeatGain as ParameterSpec, 0, () =>
    assert.equal(snareBackbeat(hits, beats(1), p).factor, 1),
  );
});

test('snare backbeat: a 7/8 (2+2+3) bar with the snare on each group start is irregular: no boost at any level', () => {
  const e = 60 / 190;
  const hits: [number, Piece][] = [];
  for (let bar = 0; bar < 16; bar++) for (const g of [0, 2, 4]) hits.push([0.1 + (bar * 7 + g) * e, 'snare']);
  for (let k = 0; k < 16 * 7; k++) hits.push([0.1 + k * e + 0.002, 'hat']);
  const found = snareHits(bandEnergy(hits, 1 + 16 * 7 * e))!;
  assert.equal(found.times.length, 48);
  for (const level of [1, 2, 3.5, 7]) {
    const p = level * e;
    const beats = Array.from({ length: Math.floor((16 * 7) / level) }, (_, i) => 0.1 + i * p);
    assert.equal(snareBackbeat(found, beats, p).factor, 1, `level of ${level} eighths`);
  }
});

test('half-time snare (h-tempo26): the snare on 3 of a slow quarter boosts it, not its double or a fast one', () => {
  // 8 bars of half-time at 80 BPM: kick on 1, snare on 3, hats on the sixteenths
  const half = (bpm: number, bars: number) => {
    const p = 60 / bpm;
    const hits: [number, Piece][] = [];
    for (let bar = 0; bar < bars; bar++) {
      const t0 = 0.1 + bar * 4 * p;
      hits.push([t0, 'kick'], [t0 + 2 * p, 'snare']);
      for (let k = 0; k < 16; k++) hits.push([t0 + (k * p) / 4 + 0.002, 'hat']);
    }
    const beats = (k: number) => Array.from({ length: bars * 4 * k }, (_, i) => 0.1 + (i * p) / k);
    return { hits: snareHits(bandEnergy(hits, 0.5 + bars * 4 * p))!, beats, p };
  };
  const { hits, beats } = half(80, 8);
  assert.equal(hits.times.length, 8);
  const gain = TEMPO_PARAMETERS.halfTimeSnareGain.value;
  const at = snareHalfTime(hits, beats(1), 80);
  assert.ok(Math.abs(at.factor - (1 + gain)) < 1e-9, `quarter ${at.factor} (evidence ${at.evidence})`);
  // its double (the snare every eight beats) gets none, nor does the backbeat rule (every four beats, not two)
  assert.equal(snareHalfTime(hits, beats(2), 160).factor, 1);
  assert.equal(snareBackbeat(hits, beats(1), 60 / 80).factor, 1);
  // the same hits at 120 (the backbeat reading 60 BPM is a beat): no half-time boost
  const fast = half(120, 12);
  assert.equal(snareHalfTime(fast.hits, fast.beats(1), 120).factor, 1);
  // too few bars (2 snare intervals): none
  const short = half(80, 3);
  assert.equal(snareHalfTime(short.hits, short.beats(1), 80).factor, 1);
  // gain 0 switches it off
  withParameterValue(TEMPO_PARAMETERS.halfTimeSnareGain as ParameterSpec, 0, () =>
    assert.equal(snareHalfTime(hits, beats(1), 80).factor, 1),
  );
});

test('half-time check (h-tempo27): the snare on 3 of a fast quarter weighs it down, not a backbeat, not slow', () => {
  const groove = (bpm: number, bars: number, snareBeats: number[]) => {
    const p = 60 / bpm;
    const hits: [number, Piece][] = [];
    for (let bar = 0; bar < bars; bar++) {
      const t0 = 0.1 + bar * 4 * p;
      hits.push([t0, 'kick']);
      for (const b of snareBeats) hits.push([t0 + b * p, 'snare']);
      for (let k = 0; k < 8; k++) hits.push([t0 + (k * p) / 2 + 0.002, 'hat']);
    }
    const beats = (k: number) => Array.from({ length: bars * 4 * k }, (_, i) => 0.1 + (i * p) / k);
    return { hits: snareHits(bandEnergy(hits, 0.5 + bars * 4 * p))!, beats };
  };
  // fast half-time at 160: the snare once a bar, on 3; its half (80) is the beat a listener taps
  const half = groove(160, 12, [2]);
  assert.equal(half.hits.times.length, 12);
  const floor = TEMPO_PARAMETERS.halfTimeCheckFloor.value;
  const at = halfTimeCheck(half.hits, half.beats(1), 160);
  assert.ok(Math.abs(at.factor - floor) < 1e-9, `160: ${at.factor} (evidence ${at.evidence})`);
  // at the tapped level itself (the snare every two beats) nothing
  assert.equal(halfTimeCheck(half.hits, half.beats(0.5), 80).factor, 1);
  // a rock backbeat at 160 (the snare on 2 and 4): nothing
  const rock = groove(160, 12, [1, 3]);
  assert.equal(halfTimeCheck(rock.hits, rock.beats(1), 160).factor, 1);
  // half-time at 84 (its half, 42 BPM, is below the floor: the written quarter is the beat): nothing
  const slow = groove(84, 8, [2]);
  assert.equal(halfTimeCheck(slow.hits, slow.beats(1), 84).factor, 1);
  // floor 1 switches it off
  withParameterValue(TEMPO_PARAMETERS.halfTimeCheckFloor as ParameterSpec, 1, () =>
    assert.equal(halfTimeCheck(half.hits, half.beats(1), 160).factor, 1),
  );
});

test('snare hits: the declared parameters', () => {
  assert.equal(TEMPO_PARAMETERS.snareBodyLowHz.value, 125);
  assert.equal(TEMPO_PARAMETERS.snareNoiseHighHz.value, 5500);
  assert.equal(TEMPO_PARAMETERS.snareSustainSeconds.value, 0.035);
});
