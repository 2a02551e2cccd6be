/**
 * Odd bars in the harmony term (issue 12 point 2, h-tempo17): a song whose chords change once per 6-beat bar (6/4 as
 * 2+2+2) was read as 4/4 at ⅔ of its tempo, or as 3/4 at half of it, because the harmonic bar evidence looked for
 * bars of 3 and 4 beats only. With bars of 5 up to harmonyMaxBarBeats read (where the chord-change recurrence peaks
 * at that bar length), the written beat explains the changes as its own bar and keeps its tempo.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

/**
 * `bpm` at 10 ms frames, 72 beats: a kick on each group start, a snare-like hit on the other beats, eighth-note hats,
 * and one chord (of four in turn) per bar of `groups` beats.
 */
function song(bpm: number, groups: number[]): TempoInput {
  const fpb = Math.round(6000 / bpm);
  const bar = groups.reduce((a, b) => a + b, 0);
  const starts: number[] = [];
  groups.reduce((s, g) => (starts.push(s), s + g), 0);
  const frames = fpb * 72 + 100;
  const odf = new Float32Array(frames);
  const odfLow = new Float32Array(frames);
  for (let b = 0; b < 72; b++) {
    const kick = starts.includes(b % bar);
    odf[b * fpb] = kick ? 1 : 0.8;
    odfLow[b * fpb] = kick ? 1 : 0.1;
    odf[b * fpb + Math.round(fpb / 2)] = 0.3;
  }
  const chords = [
    [0, 4, 7],
    [5, 9, 0],
    [7, 11, 2],
    [9, 0, 4],
  ];
  const chroma = new Float32Array(frames * 12);
  for (let t = 0; t < frames; t++) for (const k of chords[Math.floor(t / (fpb * bar)) % 4]!) chroma[t * 12 + k] = 1;
  // tuned notes: every peak of the pitch-class profile on the semitone grid
  const pitchClass = new Float64Array(120);
  for (const pc of [0, 2, 4, 5, 7, 9, 11]) pitchClass[pc * 10] = 1;
  return { odf, odfLow, chroma, pitchClass, hopSeconds: 0.01 };
}

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;

test('6/4 (2+2+2) at 100 BPM with one chord per bar: 100 BPM, not half or ⅔ of it', () => {
  const input = song(100, [2, 2, 2]);
  assert.ok(Math.abs(bpmOf(input) - 100) < 1, `bpm ${bpmOf(input)}`);
  // bars of 3 and 4 beats only (the code before): the 6-beat bar is a 3-beat bar of 50 BPM
  const before = withParameterValue(TEMPO_PARAMETERS.harmonyMaxBarBeats, 4, () => bpmOf(input));
  assert.ok(Math.abs(before - 50) < 1, `bpm ${before}`);
  // bars up to 5 beats do not reach the 6-beat bar either
  assert.ok(Math.abs(withParameterValue(TEMPO_PARAMETERS.harmonyMaxBarBeats, 5, () => bpmOf(input)) - 50) < 1);
});

test('4/4 and 3/4 with one chord per bar keep their tempo with the longer bars read', () => {
  assert.ok(Math.abs(bpmOf(song(120, [2, 2])) - 120) < 1);
  assert.ok(Math.abs(bpmOf(song(90, [3])) - 90) < 1.5);
  assert.ok(Math.abs(bpmOf(song(120, [3, 2])) - 120) < 1);
});

test('harmonyMaxBarBeats is declared as an integer of 4–7 beats, 7', () => {
  assert.equal(TEMPO_PARAMETERS.harmonyMaxBarBeats.value, 7);
  assert.equal(TEMPO_PARAMETERS.harmonyMaxBarBeats.integer, true);
  assert.deepEqual(TEMPO_PARAMETERS.harmonyMaxBarBeats.range, [4, 7]);
});
