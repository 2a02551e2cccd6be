/**
 * Checks shared by the tempo held-out sets' fixture tests (tempo29–31): the peak of a decoded signal in a window, and
 * one rendered song and its drum stem against their truth rows.
 */
import assert from 'node:assert/strict';
import type { TruthFile } from '../../fixtures/groundtruth.js';
import { decodeMono } from '../../fixtures/groundtruth.js';
import { rms } from '../../fixtures/tempogen.js';

const RATE = 44100;

/** The largest |x| between `a` and `b` seconds (clamped to the signal). */
export function peakIn(x: ArrayLike<number>, a: number, b: number): number {
  let p = 0;
  for (let k = Math.max(0, Math.round(a * RATE)); k < Math.min(x.length, Math.round(b * RATE)); k++)
    p = Math.max(p, Math.abs(x[k]!));
  return p;
}

/**
 * A rendered song and stem: `beats` truth beats and `bars` downbeats, the truth's tempo within `tol` (fraction) of
 * `bpm`, the mix outlasting its last beat, both not silent (RMS > 0.02). Returns the decoded stem.
 */
export function checkRenderedSongAndStem(
  mix: TruthFile,
  stem: TruthFile,
  o: { beats: number; bars: number; bpm: number; tol: number },
): Float64Array {
  assert.equal(mix.beats.length, o.beats);
  assert.equal(stem.downbeats!.length, o.bars);
  assert.ok(Math.abs(mix.bpm - o.bpm) < o.tol * o.bpm, `${mix.bpm} vs ${o.bpm}`);
  const m = decodeMono(mix.file, RATE);
  assert.ok(m.length / RATE > mix.beats.at(-1)!, 'the mix outlasts its last beat');
  assert.ok(rms(m) > 0.02, `mix rms ${rms(m)}`);
  const x = decodeMono(stem.file, RATE);
  assert.ok(rms(x) > 0.02, `stem rms ${rms(x)}`);
  return x;
}
