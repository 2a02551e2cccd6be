/**
 * The drum-file tempo truth convention (fixtures/tempotruth.ts): a drum file's truth is its tempo T, plus T/2 or 2T
 * only when a fixture drum writer at that level writes the same hits (times within 1 ms, same instruments). Checked
 * by construction on hit lists computed here by hand from the patterns' definitions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  drumTempoTruth,
  drumTempoTruthOf,
  hitDifference,
  kitStemWriter,
  sameHits,
  type DrumWriter,
  type WrittenHit,
} from '../../fixtures/tempotruth.js';

/** Kick on 1 and 3, snare on 2 and 4, sixteenth hats, bars of 4 beats: the hits written by hand. */
const straight16 = (bpm: number, bars: number): WrittenHit[] => {
  const spb = 60 / bpm;
  const out: WrittenHit[] = [];
  for (let b = 0; b < bars; b++) {
    for (let k = 0; k < 16; k++) out.push({ t: (b * 4 + k / 4) * spb, key: 42 });
    out.push({ t: b * 4 * spb, key: 36 }, { t: (b * 4 + 2) * spb, key: 36 });
    out.push({ t: (b * 4 + 1) * spb, key: 38 }, { t: (b * 4 + 3) * spb, key: 38 });
  }
  return out;
};

test('a half-time kit stem at 174 BPM is a straight sixteenth-hat groove at 87 except for its odd-bar kicks', () => {
  const seconds = (8 * 4 * 60) / 174; // 8 bars at 174 = 4 bars at 87
  const halfTime = kitStemWriter('half-time', false).hits(174, seconds);
  // at 174: 8 eighth hats, kick on 1, snare on 3 per bar, and a kick on the "and" of 4 in the 4 odd bars
  assert.equal(halfTime.length, 8 * (8 + 2) + 4);
  assert.equal(hitDifference(halfTime, straight16(87, 4)), 4);
  assert.equal(sameHits(halfTime, straight16(87, 4)), false);
  // the fixtures' straight kit stem with sixteenth hats at 87 writes exactly the hand-written groove
  assert.equal(sameHits(kitStemWriter('straight', true).hits(87, seconds), straight16(87, 4)), true);
  // so the file keeps its single truth
  assert.deepEqual(drumTempoTruthOf('kit-VariBreaks-174-half-time')?.accept, [174]);
});

test('a writer that writes the same hits at half the tempo adds T/2 to the truth set, and only then', () => {
  const seconds = 8;
  // kick on every beat and an eighth hat between, at T; at T/2 the same is kick on every half beat
  const own: DrumWriter = {
    name: 'quarters',
    hits: (bpm, s) => {
      const out: WrittenHit[] = [];
      for (let i = 0; (i * 60) / bpm < s - 5e-4; i++) out.push({ t: (i * 60) / bpm, key: 36 });
      return out;
    },
  };
  const eighthKicks: DrumWriter = {
    name: 'eighth kicks',
    hits: (bpm, s) => {
      const out: WrittenHit[] = [];
      for (let i = 0; (i * 30) / bpm < s - 5e-4; i++) out.push({ t: (i * 30) / bpm, key: 36 });
      return out;
    },
  };
  const snareEighths: DrumWriter = {
    name: 'snare eighths',
    hits: (b, s) => eighthKicks.hits(b, s).map((h) => ({ ...h, key: 38 })),
  };
  const t = drumTempoTruth(own, 120, seconds, [snareEighths, eighthKicks]);
  assert.deepEqual(t.accept, [120, 60]);
  assert.match(t.twins[0]!, /eighth kicks at 60 BPM/);
  // another instrument is another sequence: no twin
  assert.deepEqual(drumTempoTruth(own, 120, seconds, [snareEighths]).accept, [120]);
  // a 2 ms shift is not the same time
  const late: DrumWriter = {
    name: 'late',
    hits: (b, s) => eighthKicks.hits(b, s).map((h) => ({ ...h, t: h.t + 0.002 })),
  };
  assert.deepEqual(drumTempoTruth(own, 120, seconds, [late]).accept, [120]);
});
