/**
 * Pitch (SPEC §5 `pitch`): the native YIN f0 track (de Cheveigné & Kawahara 2002: difference
 * function via FFT, cumulative-mean normalization, absolute threshold 0.15, parabolic
 * interpolation) on a copy of the mono mix decimated to 16–32 kHz, summarized here. Meant for
 * monophonic material (voice, bass, a solo instrument); on polyphonic music most frames are
 * unvoiced or follow the strongest voice. No pitch (median null, with the reason) when few frames
 * are voiced or the voiced f0 glide instead of holding notes on a semitone grid (speech).
 */
import type { FeatureReport } from '../../native.js';
import { PITCH_PARAMETERS, checkParameter } from '../analysis/params.js';

export interface PitchFrame {
  /** Seconds (center of the YIN integration window). */
  t: number;
  /** f0, Hz; null when unvoiced. */
  hz: number | null;
  confidence: number;
}

export interface Pitch {
  /** Median f0 of the voiced frames, Hz; null when the evidence is too weak (see `reason`). */
  medianHz: number | null;
  /** Why medianHz is null (absent when there is a pitch). */
  reason?: string;
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
  const ratio = r.pitchHz.length ? n / r.pitchHz.length : 0;
  const out: Pitch = {
    medianHz: median === null ? null : Math.round(median * 100) / 100,
    voicedRatio: Math.round(ratio * 1000) / 1000,
  };
  const reason = weakPitch(voiced, ratio);
  if (reason) {
    out.medianHz = null;
    out.reason = reason;
  }
  if (withFrames) {
    out.frames = Array.from(r.pitchHz, (hz, i) => ({
      t: Math.round((r.pitchStartSeconds + i * r.pitchHopSeconds) * 10000) / 10000,
      hz: hz > 0 ? Math.round(hz * 100) / 100 : null,
      confidence: Math.round(r.pitchConfidence[i]! * 1000) / 1000,
    }));
  }
  return out;
}

/** Resultant length of the f0 values' positions within the semitone (1: all on one grid; 0: spread). */
export function gridConcentration(hz: readonly number[]): number {
  let c = 0;
  let s = 0;
  for (const f of hz) {
    const a = 2 * Math.PI * 12 * Math.log2(f / 440);
    c += Math.cos(a);
    s += Math.sin(a);
  }
  return hz.length ? Math.hypot(c, s) / hz.length : 0;
}

/** Why the voiced frames give no trustworthy pitch, or undefined when they do. */
function weakPitch(voiced: readonly number[], ratio: number): string | undefined {
  if (voiced.length === 0) return 'no voiced frames (silence, noise or unpitched sound)';
  const minRatio = checkParameter('minVoicedRatio', PITCH_PARAMETERS.minVoicedRatio);
  if (ratio < minRatio)
    return `too few voiced frames (${(ratio * 100).toFixed(1)} % < ${minRatio * 100} %) for a pitch`;
  const minGrid = checkParameter('minGridConcentration', PITCH_PARAMETERS.minGridConcentration);
  const g = gridConcentration(voiced);
  if (g < minGrid)
    return (
      `no steady notes: the f0 glides off any semitone grid (grid concentration ${g.toFixed(2)} < ${minGrid}), ` +
      'as in speech'
    );
  return undefined;
}
