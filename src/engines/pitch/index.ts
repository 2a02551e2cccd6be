/**
 * Pitch (SPEC §5 `pitch`): probabilistic YIN (pYIN, Mauch & Dixon 2014), native
 * (native/src/pyin.cc) on a copy of the mono mix decimated to 16–32 kHz: per ~10 ms frame the
 * YIN difference function (de Cheveigné & Kawahara 2002), f0 candidates from a beta-distributed
 * set of thresholds, and an HMM over pitch bins × voiced/unvoiced decoded by Viterbi (bounded
 * memory: checkpoints, see PITCH_PARAMETERS.checkpointFrames). Summarized here: the voiced
 * ratio is the share of frames the Viterbi path voices; each frame also carries its voiced
 * probability (the candidates' summed prior mass). Meant for monophonic material (voice, bass,
 * a solo instrument). No pitch (median null, with the reason) when few frames are voiced or the
 * voiced f0 glide instead of holding notes on a semitone grid (speech).
 */
import type { FeatureExtractorOptions, FeatureReport } from '../../native.js';
import { PITCH_PARAMETERS, checkParameter } from '../analysis/params.js';

export interface PitchFrame {
  /** Seconds (center of the YIN integration window). */
  t: number;
  /** f0, Hz; null when the Viterbi path is unvoiced. */
  hz: number | null;
  /** SPEC §5 `confidence`: pYIN's voiced probability of the frame (0…1), the prior mass of its f0 candidates. */
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

export type PitchParameterValues = { -readonly [K in keyof typeof PITCH_PARAMETERS]: number };

/** The declared defaults (checked against their ranges). */
export function pitchDefaults(): PitchParameterValues {
  const out = {} as PitchParameterValues;
  for (const [k, spec] of Object.entries(PITCH_PARAMETERS)) out[k as keyof PitchParameterValues] = spec.value;
  return out;
}

/** The native extractor's pitch options from the declared parameters (overrides: evaluation only). */
export function pitchExtractorOptions(
  overrides: Partial<PitchParameterValues> = {},
): Pick<
  FeatureExtractorOptions,
  | 'pitchMinRateHz'
  | 'pitchMinHz'
  | 'pitchMaxHz'
  | 'pitchFloorDbfs'
  | 'pitchTransitionSemitonesPerSecond'
  | 'pyinThresholds'
  | 'pyinBetaMean'
  | 'pyinBetaAlpha'
  | 'pyinAbsoluteMinWeight'
  | 'pyinYinTrust'
  | 'pyinBinsPerSemitone'
  | 'pyinSwitchProbability'
  | 'pyinJumpProbability'
  | 'pyinCheckpointFrames'
> {
  const v = { ...pitchDefaults(), ...overrides };
  for (const [k, spec] of Object.entries(PITCH_PARAMETERS)) checkParameter(k, spec, v[k as keyof PitchParameterValues]);
  return {
    pitchMinRateHz: v.minRateHz,
    pitchMinHz: v.minHz,
    pitchMaxHz: v.maxHz,
    pitchFloorDbfs: v.floorDbfs,
    pitchTransitionSemitonesPerSecond: v.transitionSemitonesPerSecond,
    pyinThresholds: v.thresholds,
    pyinBetaMean: v.betaMean,
    pyinBetaAlpha: v.betaAlpha,
    pyinAbsoluteMinWeight: v.absoluteMinWeight,
    pyinYinTrust: v.yinTrust,
    pyinBinsPerSemitone: v.binsPerSemitone,
    pyinSwitchProbability: v.switchProbability,
    pyinJumpProbability: v.jumpProbability,
    pyinCheckpointFrames: v.checkpointFrames,
  };
}

export function summarizePitch(
  r: Pick<FeatureReport, 'pitchHz' | 'pitchConfidence' | 'pitchHopSeconds' | 'pitchStartSeconds'>,
  withFrames = false,
): Pitch {
  // ascending (gridConcentration sums in this order): a typed array's own numeric sort, no comparator calls. Plain
  // loops (not filter(callback) and Float64Array.from) and the median read off the sorted values: this runs once
  // per file, cold, at the end of analyze's critical path (bench/RESULTS.md, h-sched24)
  const hz = r.pitchHz;
  const all = new Float64Array(hz.length);
  let n = 0;
  for (let i = 0; i < hz.length; i++) if (hz[i]! > 0) all[n++] = hz[i]!;
  const voiced = all.subarray(0, n).sort();
  // order.ts median's ranks: the upper middle, with the one below it when n is even
  const median = n === 0 ? null : n % 2 ? voiced[n >> 1]! : (voiced[(n >> 1) - 1]! + voiced[n >> 1]!) / 2;
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
export function gridConcentration(hz: ArrayLike<number>): number {
  let c = 0;
  let s = 0;
  for (let i = 0; i < hz.length; i++) {
    const a = 2 * Math.PI * 12 * Math.log2(hz[i]! / 440);
    c += Math.cos(a);
    s += Math.sin(a);
  }
  return hz.length ? Math.hypot(c, s) / hz.length : 0;
}

/** Why the voiced frames give no trustworthy pitch, or undefined when they do. */
function weakPitch(voiced: Float64Array, ratio: number): string | undefined {
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
