/**
 * Pitch (SPEC §5 `pitch`): the native YIN f0 track (de Cheveigné & Kawahara 2002: difference
 * function via FFT, cumulative-mean normalization, absolute threshold 0.15, parabolic
 * interpolation) on a copy of the mono mix decimated to 16–32 kHz, summarized here. Meant for
 * monophonic material (voice, bass, a solo instrument); on polyphonic music most frames are
 * unvoiced or follow the strongest voice.
 */
import type { FeatureReport } from '../../native.js';

export interface PitchFrame {
  /** Seconds (center of the YIN integration window). */
  t: number;
  /** f0, Hz; null when unvoiced. */
  hz: number | null;
  confidence: number;
}

export interface Pitch {
  /** Median f0 of the voiced frames, Hz; null when no frame is voiced. */
  medianHz: number | null;
  /** Voiced frames / all frames (0 for silence). */
  voicedRatio: number;
  frames?: PitchFrame[];
}

export function summarizePitch(
  r: Pick<FeatureReport, 'pitchHz' | 'pitchConfidence' | 'pitchHopSeconds' | 'pitchStartSeconds'>,
  withFrames = false,
): Pitch {
  const voiced: number[] = [];
  for (const hz of r.pitchHz) if (hz > 0) voiced.push(hz);
  voiced.sort((a, b) => a - b);
  const n = voiced.length;
  const median = n === 0 ? null : n % 2 ? voiced[(n - 1) / 2]! : (voiced[n / 2 - 1]! + voiced[n / 2]!) / 2;
  const out: Pitch = {
    medianHz: median === null ? null : Math.round(median * 100) / 100,
    voicedRatio: r.pitchHz.length ? Math.round((n / r.pitchHz.length) * 1000) / 1000 : 0,
  };
  if (withFrames) {
    out.frames = Array.from(r.pitchHz, (hz, i) => ({
      t: Math.round((r.pitchStartSeconds + i * r.pitchHopSeconds) * 10000) / 10000,
      hz: hz > 0 ? Math.round(hz * 100) / 100 : null,
      confidence: Math.round(r.pitchConfidence[i]! * 1000) / 1000,
    }));
  }
  return out;
}
