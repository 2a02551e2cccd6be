/**
 * A generated multi-mic session (fixtures/drumkit.ts) through the close-mic detector, in 8192-frame blocks as the
 * command streams it, and each close mic scored against the truth: the true hits of its drum found within 20 ms, and
 * the hits further than 20 ms from every one (leaks).
 */
import type { DrumSession } from '../../fixtures/drumkit.js';
import { DrumSessionDetector } from '../../src/engines/drums/session.js';

export interface MicScore {
  name: string;
  /** true hits of the mic's drum */
  truth: number;
  /** the true hits found within 20 ms, in seconds (which ones: a flam's grace note and its stroke are apart) */
  found: number[];
  /** hits further than 20 ms from every true hit of the mic's drum */
  leaks: number;
}

/** Runs the detector on the session and scores its first `mics` mics; the detector is returned for its log. */
export function detectSession(s: DrumSession, mics: number): { det: DrumSessionDetector; score: MicScore[] } {
  const det = new DrumSessionDetector(
    s.rate,
    s.mics.map((m) => m.instrument),
  );
  for (let i = 0; i < s.frames; i += 8192) det.push(s.mics.map((m) => m.samples.subarray(i, i + 8192)));
  const found = det.finish();
  const score = s.mics.slice(0, mics).map((m, t) => {
    const truth = s.hits.filter((h) => h.piece === m.instrument).map((h) => h.onset / s.rate);
    const hits = found[t]!.hits.map((h) => h.timeSeconds);
    return {
      name: m.name,
      truth: truth.length,
      found: truth.filter((x) => hits.some((y) => Math.abs(x - y) <= 0.02)),
      leaks: hits.filter((y) => !truth.some((x) => Math.abs(x - y) <= 0.02)).length,
    };
  });
  return { det, score };
}
