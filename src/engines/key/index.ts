/**
 * Musical key (SPEC §5 `key`) from the file's pitch-class profile: tuning estimated from the
 * 10-cent profile, folded to 12 tuning-corrected pitch classes, correlated (Pearson) with the
 * 24 rotations of a major and a minor key profile. Names use sharps and `major`/`minor`.
 * No key (null, with the reason) when the profile's peaks do not sit on one tuning grid: speech,
 * noise and drums spread them over the semitone, tuned instruments hold them on it.
 */
import { KEY_PARAMETERS, checkParameter } from '../analysis/params.js';

export const PITCH_CLASS_NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const;
export type PitchClassName = (typeof PITCH_CLASS_NAMES)[number];
export type Mode = 'major' | 'minor';

export interface KeyCandidate {
  key: string;
  tonic: PitchClassName;
  mode: Mode;
  confidence: number;
}

export interface Key extends KeyCandidate {
  /** Deviation of the tuning from A = 440 Hz, cents (−50…50). */
  tuningCents: number;
  alternatives: KeyCandidate[];
}

/** No key: the evidence is too weak (silence, speech, noise, drums), and why. */
export interface NoKey {
  key: null;
  reason: string;
}

/**
 * Key profiles (major, minor; C first). Temperley's (2001, "The Cognition of Basic Musical
 * Structures", Kostka–Payne corpus) weigh the tonic triad and diatonic steps; they separate
 * relative keys better than the Krumhansl–Kessler probe-tone ratings on produced music.
 */
export const KEY_PROFILES = {
  temperley: {
    major: [5.0, 2.0, 3.5, 2.0, 4.5, 4.0, 2.0, 4.5, 2.0, 3.5, 1.5, 4.0],
    minor: [5.0, 2.0, 3.5, 4.5, 2.0, 4.0, 2.0, 4.5, 3.5, 2.0, 1.5, 4.0],
  },
  krumhansl: {
    major: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88],
    minor: [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17],
  },
} as const;
export type KeyProfileName = keyof typeof KEY_PROFILES;

/** Tuning offset (cents re A440) and the 12-bin chroma of a 120-bin (10-cent) pitch-class profile. */
export function tuningAwareChroma(profile120: ArrayLike<number>): {
  chroma: number[];
  tuningCents: number;
  /** Resultant length of the peaks' positions within the semitone: 1 all on one grid, 0 spread evenly. */
  concentration: number;
} {
  const n = profile120.length;
  const chroma = new Array<number>(12).fill(0);
  if (n !== 120) throw new RangeError(`tuningAwareChroma: the profile must have 120 bins, got ${n}`);
  // circular mean of the position within the semitone
  let c = 0;
  let s = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += profile120[i]!;
    const a = (2 * Math.PI * (i % 10)) / 10;
    c += profile120[i]! * Math.cos(a);
    s += profile120[i]! * Math.sin(a);
  }
  const tuningCents = c === 0 && s === 0 ? 0 : (Math.atan2(s, c) / (2 * Math.PI)) * 100;
  for (let i = 0; i < n; i++) {
    const v = profile120[i]!;
    if (v === 0) continue;
    const cents = i * 10 - tuningCents;
    for (let pc = 0; pc < 12; pc++) {
      let d = Math.abs(cents - pc * 100) % 1200;
      if (d > 600) d = 1200 - d;
      if (d < 50) chroma[pc]! += v * Math.cos((Math.PI * d) / 100) ** 2;
    }
  }
  return { chroma, tuningCents, concentration: total > 0 ? Math.hypot(c, s) / total : 0 };
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((x, y) => x + y, 0) / n;
  const mb = b.reduce((x, y) => x + y, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : 0;
}

/** Correlation of a 12-bin chroma with all 24 keys, best first. */
export function rankKeys(chroma: readonly number[], profile: KeyProfileName = 'temperley'): KeyCandidate[] {
  const out: KeyCandidate[] = [];
  for (const mode of ['major', 'minor'] as const) {
    const prof = KEY_PROFILES[profile][mode];
    for (let tonic = 0; tonic < 12; tonic++) {
      const rotated = Array.from({ length: 12 }, (_, i) => prof[(i - tonic + 12) % 12]!);
      const r = pearson(chroma, rotated);
      const name = PITCH_CLASS_NAMES[tonic]!;
      out.push({ key: `${name} ${mode}`, tonic: name, mode, confidence: r });
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

export interface EstimateKeyOptions {
  profile?: KeyProfileName;
  /** Weight of the bass profile (peaks below 250 Hz) added to the full profile. */
  bassWeight?: number;
}

/**
 * The key of a file from its pitch-class profiles (120 bins of 10 cents, C = bin 0). No key (null
 * with a reason) when the profile is empty (silence, unpitched noise below the peak threshold) or
 * its peaks are not on one tuning grid (KEY_PARAMETERS.minTuningConcentration).
 */
export function estimateKey(
  profile120: ArrayLike<number>,
  bass120?: ArrayLike<number>,
  options: EstimateKeyOptions = {},
): Key | NoKey {
  const { chroma, tuningCents, concentration } = tuningAwareChroma(profile120);
  const total = chroma.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return { key: null, reason: 'no pitched content (silence, or sound without spectral peaks)' };
  const minConcentration = checkParameter('minTuningConcentration', KEY_PARAMETERS.minTuningConcentration);
  if (concentration < minConcentration)
    return {
      key: null,
      reason:
        `no tuned notes: the spectral peaks are spread over the semitone (tuning concentration ` +
        `${concentration.toFixed(2)} < ${minConcentration}), as in speech, noise or drums`,
    };
  let combined = chroma.map((x) => x / total);
  if (bass120 && options.bassWeight) {
    const bass = tuningAwareChroma(bass120).chroma;
    const bt = bass.reduce((a, b) => a + b, 0);
    if (bt > 0) combined = combined.map((x, i) => x + options.bassWeight! * (bass[i]! / bt));
  }
  if (Math.max(...combined) - Math.min(...combined) <= 1e-12)
    return { key: null, reason: 'all twelve pitch classes equally strong: no tonal centre' };
  const ranked = rankKeys(combined, options.profile ?? 'temperley');
  const best = ranked[0]!;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    key: best.key,
    tonic: best.tonic,
    mode: best.mode,
    confidence: r(Math.max(0, best.confidence)),
    tuningCents: Math.round(tuningCents * 10) / 10,
    alternatives: ranked.slice(1, 4).map((c) => ({ ...c, confidence: r(Math.max(0, c.confidence)) })),
  };
}
