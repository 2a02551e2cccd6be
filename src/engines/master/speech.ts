/**
 * Speech or music, from the level envelope the master analysis already has (the STFT pass's
 * mean square per tick): speech pauses between words and phrases, and its loudness rises and falls
 * with the syllables, about 4 per second (Houtgast & Steeneken's modulation transfer; Scheirer &
 * Slaney 1997 use the same 4 Hz modulation energy). Two figures, both robust to level and EQ:
 * the fraction of pause frames (far under the programme's loud frames), and the share of the
 * envelope's modulation power (0.5–16 Hz) at 2–8 Hz. Pure.
 */
import { SPEECH_PARAMETERS as P } from '../dsp/params.js';
import { kthSmallest } from '../order.js';

export interface SpeechFeatures {
  /** Fraction of envelope frames that are pauses. */
  pauseRatio: number;
  /** Share of the dB envelope's modulation power (0.5–16 Hz) that lies at 2–8 Hz. */
  syllabicShare: number;
}

export interface SpeechVerdict extends SpeechFeatures {
  speech: boolean;
}

/** Features from the mean square per tick (`tickSeconds` apart). Null when shorter than 2 s. */
export function speechFeatures(fineEnergy: ArrayLike<number>, tickSeconds: number): SpeechFeatures | null {
  const per = Math.max(1, Math.round(P.frameSeconds.value / tickSeconds));
  const frameSeconds = per * tickSeconds;
  const frames = Math.floor(fineEnergy.length / per);
  if (frames * frameSeconds < 2) return null;
  const db = new Float64Array(frames);
  for (let k = 0; k < frames; k++) {
    let s = 0;
    for (let j = 0; j < per; j++) s += fineEnergy[k * per + j]!;
    db[k] = 10 * Math.log10(s / per + 1e-15);
  }
  const loud = kthSmallest(db, Math.min(frames - 1, Math.floor(0.95 * frames)));
  const floor = loud - P.pauseBelowDb.value;
  // pauses between the first and the last sound (a fade-out or leading silence is not a pause)
  let first = 0;
  let last = frames - 1;
  while (first < last && db[first]! < floor) first++;
  while (last > first && db[last]! < floor) last--;
  let pauses = 0;
  for (let k = first; k <= last; k++) if (db[k]! < floor) pauses++;
  // the envelope in dB, pauses held at the floor (their depth below it says nothing), mean removed
  const env = db.map((x) => Math.max(x, floor));
  const mean = env.reduce((a, b) => a + b, 0) / frames;
  for (let k = 0; k < frames; k++) env[k]! -= mean;
  // modulation power per 0.25 Hz step from 0.5 to 16 Hz (a direct DFT of a short envelope)
  let syllabic = 0;
  let total = 0;
  for (let f = 0.5; f <= 16; f += 0.25) {
    let re = 0;
    let im = 0;
    const w = 2 * Math.PI * f * frameSeconds;
    for (let k = 0; k < frames; k++) {
      re += env[k]! * Math.cos(w * k);
      im -= env[k]! * Math.sin(w * k);
    }
    const pw = re * re + im * im;
    total += pw;
    if (f >= 2 && f <= 8) syllabic += pw;
  }
  return { pauseRatio: pauses / (last - first + 1), syllabicShare: total > 0 ? syllabic / total : 0 };
}

/** Speech when both figures pass their thresholds (SPEECH_PARAMETERS). */
export function detectSpeech(fineEnergy: ArrayLike<number>, tickSeconds: number): SpeechVerdict | null {
  const f = speechFeatures(fineEnergy, tickSeconds);
  if (!f) return null;
  return { ...f, speech: f.pauseRatio >= P.minPauseRatio.value && f.syllabicShare >= P.minSyllabicShare.value };
}
