/**
 * Musical key (SPEC §5 `key`). The tuning is estimated from the file's 10-cent pitch-class profile and every
 * profile is folded to 12 tuning-corrected pitch classes. Each of the 24 keys gets a score from four kinds of
 * evidence, all weights in KEY_PARAMETERS:
 * - the whole file's profile correlated (Pearson) with the key profile (Temperley; minor keys also in their
 *   natural-minor form, whichever fits better);
 * - the bass profile (peaks below 250 Hz) correlated with the same key profile: the bass sits on the tonic;
 * - chords: the native extractor sums a profile (and a bass one) per block of ~0.2 s; each block is labelled
 *   with one of 24 triads (the best cosine with the triad or its seventh chords, the bass register weighted down in
 *   the block's chroma, + the bass share on its root and, less, on its third and fifth; smoothed by a Viterbi pass
 *   with a cost per chord change; over a pedal point the bass is left out); a key gains the share of chord time
 *   on its tonic triad, the share of chord changes that are cadences into it (V→I, more when the V sounds as a dominant
 *   seventh; v/IV/iv/bVII→I), the share of chord time on chords diatonic to it (a loop that never sounds its tonic
 *   still sounds its scale), and a bounded
 *   vote of the song's ends: one bonus when the first or the last chord (or both) has its tonic as root. Songs that
 *   stop mid-loop end anywhere and songs with an intro start anywhere: when the ends disagree, both keys get the same
 *   bonus and the rest of the evidence decides (earlier, separate first- and last-chord weights made that choice
 *   hang on their balance).
 *   A chord segment without a third (a power chord) is the tonic chord of both modes on its root.
 *   Relative keys share their notes; these are what tells A minor from C major.
 * The scores become probabilities (softmax, `confidence`); the choice is also returned as a decision that
 * lists the runner-up, the relative and the parallel key with their evidence. Names use sharps.
 * No key (null, with the reason) when the profile's strong peaks above the bass register do not sit on one tuning
 * grid (peakTuningConcentration): speech and noise spread them over the semitone, tuned instruments hold them on it.
 */
import { CHROMA_PARAMETERS, KEY_PARAMETERS, checkParameter } from '../analysis/params.js';
import type { Decision } from '../../store/types.js';
import { kthSmallest } from '../order.js';
import {
  keyCombiner,
  keyCombinerLogit,
  keyCombinerPresetName,
  keyModelRows,
  keyOverridePick,
  type KeySongFacts,
} from './model.js';
import { native, postSeries } from '../../native.js';

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
  const { c, s, concentration } = gridResultant(profile120);
  const tuningCents = c === 0 && s === 0 ? 0 : (Math.atan2(s, c) / (2 * Math.PI)) * 100;
  foldProfile(profile120, 0, foldWeights(tuningCents), chroma);
  return { chroma, tuningCents, concentration };
}

/**
 * The weighted resultant of the 120 10-cent bins' positions within the semitone (bin i at angle 2π·(i mod 10)/10,
 * weight w[i]): its components and its length over the total weight (1: all on one grid, 0: spread evenly).
 */
function gridResultant(w: ArrayLike<number>): { c: number; s: number; concentration: number } {
  let c = 0;
  let s = 0;
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    total += w[i]!;
    const a = (2 * Math.PI * (i % 10)) / 10;
    c += w[i]! * Math.cos(a);
    s += w[i]! * Math.sin(a);
  }
  return { c, s, concentration: total > 0 ? Math.hypot(c, s) / total : 0 };
}

/**
 * How tightly the strong peaks above the bass register sit on one tuning grid (KEY_PARAMETERS.minTuningConcentration):
 * the resultant length of the 10-cent bins' positions within the semitone, over the profile less the bass profile
 * (peaks below 250 Hz: a speaker's f0, a kick's sweep, a synth bass's pitch drop), each bin weighted by its squared
 * strength, so the partials of held notes count over a spread floor (a buzzy or chorused synth's side bands, noise in
 * the mix). 1: all on one grid; 0: spread evenly. Without a bass profile, the whole profile.
 */
export function peakTuningConcentration(profile120: ArrayLike<number>, bass120?: ArrayLike<number>): number {
  const w = new Float64Array(120);
  for (let i = 0; i < 120; i++) w[i] = Math.max(0, profile120[i]! - (bass120?.[i] ?? 0)) ** 2;
  return gridResultant(w).concentration;
}

/**
 * The key's tuned-notes gate: peakTuningConcentration of the low-band profile (the peaks below
 * CHROMA_PARAMETERS.tuningGateMaxHz) against KEY_PARAMETERS.minLowTuningConcentration when lowBandTuningGate is 1 and
 * the caller passes that profile, else of the whole profile against minTuningConcentration (the gate before
 * h-kgate75). A busy kit's cymbals and brushes give many more peaks per 10-cent bin high up than a struck tuned
 * instrument gives, and outweigh it in the whole profile; below the cut the notes' partials dominate.
 */
export function tuningGate(
  profile120: ArrayLike<number>,
  bass120: ArrayLike<number> | undefined,
  gate120: ArrayLike<number> | undefined,
  options: EstimateKeyOptions = {},
): { concentration: number; min: number; band: string } {
  const bass = bass120?.length === 120 ? bass120 : undefined;
  if (param('lowBandTuningGate', options) >= 0.5 && gate120?.length === 120)
    return {
      concentration: peakTuningConcentration(gate120, bass),
      min: param('minLowTuningConcentration', options),
      band: `below ${CHROMA_PARAMETERS.tuningGateMaxHz.value} Hz `,
    };
  return {
    concentration: peakTuningConcentration(profile120, bass),
    min: param('minTuningConcentration', options),
    band: '',
  };
}

/** 120 × 12 weights folding a 10-cent profile to pitch classes at a tuning (cos² of the distance, ±50 cents). */
function foldWeights(tuningCents: number): Float64Array {
  const w = new Float64Array(120 * 12);
  for (let i = 0; i < 120; i++) {
    const cents = i * 10 - tuningCents;
    for (let pc = 0; pc < 12; pc++) {
      let d = Math.abs(cents - pc * 100) % 1200;
      if (d > 600) d = 1200 - d;
      if (d < 50) w[i * 12 + pc] = Math.cos((Math.PI * d) / 100) ** 2;
    }
  }
  return w;
}

/**
 * The first `blocks` blocks of 120 bins of `profiles` folded by `weights`: 12 values per block, each pitch class
 * summed bin by bin (zero bins skipped; native/src/post.cc foldProfiles).
 */
function foldProfiles(profiles: ArrayLike<number>, blocks: number, weights: Float64Array): Float64Array {
  return native().postFoldProfiles(postSeries(profiles), blocks, weights);
}

/** Adds the 120 bins of `profile` starting at `offset`, folded by `weights`, into `out` (12). */
function foldProfile(profile: ArrayLike<number>, offset: number, weights: Float64Array, out: number[]): void {
  const folded = foldProfiles(postSeries(profile).subarray(offset, offset + 120), 1, weights);
  for (let pc = 0; pc < 12; pc++) out[pc]! += folded[pc]!;
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
export function rankKeys(
  chroma: readonly number[],
  profile: KeyProfileName = 'temperley',
  naturalMinor = true,
): KeyCandidate[] {
  const out: KeyCandidate[] = [];
  for (const mode of ['major', 'minor'] as const) {
    const prof = KEY_PROFILES[profile][mode];
    // minor keys: the profile as published (harmonic minor: the leading tone strong, the subtonic weak) and its
    // natural-minor form (those two weights exchanged), whichever fits better: pop and modal music in minor
    // lean on the subtonic (VII) and would otherwise fit the relative major's profile better
    const forms =
      mode === 'minor' && naturalMinor
        ? [prof, prof.map((v, i) => (i === 10 ? prof[11]! : i === 11 ? prof[10]! : v))]
        : [prof];
    for (let tonic = 0; tonic < 12; tonic++) {
      let r = -1;
      for (const form of forms) {
        const rotated = Array.from({ length: 12 }, (_, i) => form[(i - tonic + 12) % 12]!);
        r = Math.max(r, pearson(chroma, rotated));
      }
      const name = PITCH_CLASS_NAMES[tonic]!;
      out.push({ key: `${name} ${mode}`, tonic: name, mode, confidence: r });
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

/** Block profiles from the native extractor (pitchClassBlocks): 120 bins per block, block-major. */
export interface KeyBlocks {
  full: ArrayLike<number>;
  bass: ArrayLike<number>;
  /** Length of one block, seconds. */
  seconds: number;
  /**
   * The whole-file profile of the peaks below CHROMA_PARAMETERS.tuningGateMaxHz (the report's gatePitchClass, 120
   * bins): the tuning gate's profile (KEY_PARAMETERS.lowBandTuningGate); absent, the gate reads the whole profile.
   */
  gate?: ArrayLike<number>;
}

export type KeyParameterName = keyof typeof KEY_PARAMETERS;

export interface EstimateKeyOptions {
  profile?: KeyProfileName;
  /** Parameter values other than the defaults (the robustness bench); each is range-checked. */
  params?: Partial<Record<KeyParameterName, number>>;
  /** Minor keys also in their natural-minor form (default true; false = the profile as published). */
  naturalMinor?: boolean;
  /** The file named in the decision's inputs. */
  file?: string;
  /**
   * Called with the 24 candidates' evidence (before the learned combiner, if on, reorders them) and the song-level
   * facts (the bench's dump for bench/key-learn.ts); the result does not change.
   */
  onEvidence?: (evidence: readonly Readonly<KeyEvidence>[], facts: KeySongFacts) => void;
}

/** STFT frames per key block at a hop (the native extractor's pitchClassBlockFrames). */
export function keyBlockFrames(hopSeconds: number, blockSeconds = KEY_PARAMETERS.blockSeconds.value): number {
  checkParameter('blockSeconds', KEY_PARAMETERS.blockSeconds, blockSeconds);
  return Math.max(1, Math.round(blockSeconds / hopSeconds));
}

/** The block profiles of a feature report (blocks of keyBlockFrames frames), as analyzeKey reads them. */
export function keyBlocks(r: {
  pitchClassBlocks: ArrayLike<number>;
  bassPitchClassBlocks: ArrayLike<number>;
  hopSeconds: number;
  gatePitchClass?: ArrayLike<number>;
}): KeyBlocks {
  return {
    full: r.pitchClassBlocks,
    bass: r.bassPitchClassBlocks,
    seconds: keyBlockFrames(r.hopSeconds) * r.hopSeconds,
    ...(r.gatePitchClass?.length === 120 ? { gate: r.gatePitchClass } : {}),
  };
}

/** One of the 24 triads: root pitch class and mode (major / minor triad). */
export interface Chord {
  root: number;
  mode: Mode;
}
export interface ChordSegment extends Chord {
  /** First block and the block after the last. */
  start: number;
  end: number;
  /** Blocks in it that carry sound. */
  sounding: number;
  /** A major chord whose blocks match its dominant-seventh template better than the triad (set by analyzeKey). */
  dominantSeventh?: boolean;
  /** No third sounds (a power chord, an open fifth): the label's mode is a guess (set by analyzeKey). */
  noThird?: boolean;
  /**
   * The mode of a chord without a third, from the thirds the other voices (a melody, a riff) sound over every
   * thirdless chord on the same root (set by analyzeKey; absent = undecided: the tonic chord of both modes).
   */
  thirdlessMode?: Mode;
}

const chordName = (c: Chord) => `${PITCH_CLASS_NAMES[c.root]}${c.mode === 'minor' ? 'm' : ''}`;
const sameChord = (a: Chord, b: Chord) => a.root === b.root && a.mode === b.mode;

/** How blocks are labelled with chords (KEY_PARAMETERS chord*). */
export interface ChordLabelling {
  /** Weight of the bass profile's share on the chord root (chordBassWeight). */
  bassWeight: number;
  /** Fraction of bassWeight for a share on the third or fifth (chordInversionBass). */
  inversionBass: number;
  /** Cost of a chord change in the Viterbi pass (chordSwitchPenalty). */
  switchPenalty: number;
  /** Weight of partial h is harmonicDecay^(h−1) in the templates (chordHarmonicDecay). */
  harmonicDecay: number;
  /** Weight of the seventh in the seventh-chord templates (chordSeventhWeight; 0 = triads only). */
  seventhWeight: number;
}

const CHORDS: Chord[] = (['major', 'minor'] as const).flatMap((mode) =>
  Array.from({ length: 12 }, (_, root) => ({ root, mode })),
);
/** Each chord's root, third and fifth (pitch classes), three per chord: the bass term's tones. */
const CHORD_TONES = Int32Array.from(
  CHORDS.flatMap(({ root, mode }) => [root, (root + (mode === 'major' ? 4 : 3)) % 12, (root + 7) % 12]),
);

/**
 * The templates of the 24 triads, each with its seventh chords (major: dominant 7, major 7; minor: minor 7), the
 * partials of each tone included (octaves, fifths, the 5th partial's major third), unit length.
 */
function chordTemplates(harmonicDecay: number, seventhWeight: number): number[][][] {
  const partials = [0, 0, 7, 0, 4, 7];
  const template = (root: number, tones: [number, number][]) => {
    const t = new Array<number>(12).fill(0);
    for (const [tone, w] of tones) partials.forEach((iv, h) => (t[(root + tone + iv) % 12]! += w * harmonicDecay ** h));
    const norm = Math.hypot(...t);
    return t.map((v) => v / norm);
  };
  return CHORDS.map(({ root, mode }) => {
    const triad: [number, number][] = [
      [0, 1],
      [mode === 'major' ? 4 : 3, 1],
      [7, 1],
    ];
    const sevenths = seventhWeight > 0 ? (mode === 'major' ? [10, 11] : [10]) : [];
    return [triad, ...sevenths.map((s): [number, number][] => [...triad, [s, seventhWeight]])].map((tones) =>
      template(root, tones),
    );
  });
}

/**
 * The best path through per-block scores (`emissions[b · K + k]`: block b, state k) with `switchPenalty` per change
 * (Viterbi; staying wins a tie, the first best state on ties: native/src/post.cc viterbi).
 */
function viterbi(n: number, K: number, emissions: Float64Array, switchPenalty: number): number[] {
  return Array.from(native().postViterbi(emissions, n, K, switchPenalty));
}

/**
 * Each block's score for each chord (labelChords; silent blocks: 0), from the flat profiles: chroma and bass
 * `blocks × 12`, `sounding`/`hasBass` 1 where a block has that profile: the best cosine of the block's chroma with
 * the chord's templates, + bassWeight · (the bass share on the chord's root + inversionBass · the share on its third
 * and fifth) where the block has a bass profile (native/src/post.cc chordEmissions: the templates flat, `maxT` per
 * chord; these loops ran cold, twice per file).
 */
function chordEmissions(
  chroma: Float64Array,
  sounding: Uint8Array,
  bassFlat: Float64Array,
  hasBass: Uint8Array,
  templates: number[][][],
  bassWeight: number,
  inversionBass: number,
): Float64Array {
  const maxT = Math.max(...templates.map((t) => t.length));
  const flat = new Float64Array(templates.length * maxT * 12);
  templates.forEach((ts, k) => ts.forEach((t, j) => flat.set(t, (k * maxT + j) * 12)));
  const counts = Int32Array.from(templates, (t) => t.length);
  return native().postChordEmissions(
    chroma,
    sounding,
    bassFlat,
    hasBass,
    flat,
    counts,
    CHORD_TONES,
    bassWeight,
    inversionBass,
  );
}

/**
 * Labels each block with a triad: score = the best cosine of the block's chroma with the triad's templates (the
 * triad and its seventh chords) + bassWeight · (the bass share on the root + inversionBass · the share on the third
 * and fifth), a Viterbi pass with `switchPenalty` per change. Silent blocks (`null`) score 0 for every chord (the
 * chord before them carries on); blocks without a bass profile (`null`: silent, or over a pedal) are labelled from
 * their chroma alone. Returns the segments (consecutive blocks with one chord).
 */
export function labelChords(
  blocks: (readonly number[] | null)[],
  bassBlocks: (readonly number[] | null)[],
  o: ChordLabelling,
): ChordSegment[] {
  const n = blocks.length;
  if (n === 0) return [];
  const K = CHORDS.length;
  const templates = chordTemplates(o.harmonicDecay, o.seventhWeight);
  // the profiles copied into flat arrays (callers pass arrays of either element kind, with or without bass): the
  // scoring loops below then read one shape, whatever the caller's
  const chroma = new Float64Array(n * 12);
  const bassFlat = new Float64Array(n * 12);
  const sounding = new Uint8Array(n);
  const hasBass = new Uint8Array(n);
  for (let b = 0; b < n; b++) {
    const x = blocks[b];
    if (x) {
      sounding[b] = 1;
      for (let i = 0; i < 12; i++) chroma[b * 12 + i] = x[i]!;
    }
    const bass = bassBlocks[b];
    if (bass) {
      hasBass[b] = 1;
      for (let i = 0; i < 12; i++) bassFlat[b * 12 + i] = bass[i]!;
    }
  }
  const emissions = chordEmissions(chroma, sounding, bassFlat, hasBass, templates, o.bassWeight, o.inversionBass);
  const path = viterbi(n, K, emissions, o.switchPenalty);
  const segments: ChordSegment[] = [];
  for (let b = 0; b < n; b++) {
    const c = CHORDS[path[b]!]!;
    const last = segments[segments.length - 1];
    if (last && sameChord(last, c)) last.end = b + 1;
    else segments.push({ ...c, start: b, end: b + 1, sounding: 0 });
    if (sounding[b]) segments[segments.length - 1]!.sounding++;
  }
  return segments.filter((s) => s.sounding > 0);
}

/**
 * A block's bass note: the pitch class that, with the fifth above it, holds most of the bass profile (a low note's 3rd
 * harmonic, below 250 Hz too, is a fifth up and can be the strongest peak of the bass register); −1 when it is empty.
 */
function bassNote(bass: readonly number[], fifthCap = 0): number {
  // the fifth counts up to fifthCap times the pitch class's own level (0 = uncapped): a pitch class with nothing of
  // its own would otherwise tie its fifth (a lone tonic pedal read as the note a fifth below it, its "dominant")
  const fifth = (i: number) => bass[(i + 7) % 12]!;
  const note = (i: number) => bass[i]! + (fifthCap > 0 ? Math.min(fifthCap * bass[i]!, fifth(i)) : fifth(i));
  let k = 0;
  for (let i = 1; i < 12; i++) if (note(i) > note(k)) k = i;
  return note(k) > 0 ? k : -1;
}

/** Partials 2–8 of a note, semitones above its pitch class (octave, fifth, octave, third, fifth, 7th, octave). */
const SERIES_STEPS = [0, 7, 0, 4, 7, 10, 0];

/**
 * The expected upper partials of a block's bass note (KEY_PARAMETERS.bassSeriesGain, bassSeriesDecay): partial k
 * (2–8) at gain · the note's level in the bass profile · decay^(k − 1), on its pitch class (12 values; all 0 when the
 * block has no bass). A loud bass's partials above the bass register (a pedal's or drone's octave, fifth and major
 * third) would otherwise vote as chord tones.
 */
export function bassSeries(bass: readonly number[], gain: number, decay: number): number[] {
  const out = new Array<number>(12).fill(0);
  const note = bassNote(bass);
  if (note < 0 || !(gain > 0)) return out;
  const level = gain * bass[note]!;
  SERIES_STEPS.forEach((step, i) => (out[(note + step) % 12]! += level * decay ** (i + 1)));
  return out;
}

/**
 * Pedal points: runs of blocks over which the bass note (the pitch class that, with the fifth above it, holds most
 * of the bass profile) stays the same for at least
 * `minBlocks` while the chords above it, labelled from the chroma alone, change (two chords lasting at least
 * `minChordBlocks` each). Over a pedal the bass is not the chord's root (a dominant pedal under I–ii–iii–IV) and
 * says nothing about the key's tonic. Returns a flag per block.
 */
export function findPedals(
  blocks: (readonly number[] | null)[],
  bassBlocks: (readonly number[] | null)[],
  o: ChordLabelling,
  minBlocks: number,
  minChordBlocks: number,
  fifthCap = KEY_PARAMETERS.bassNoteFifthCap.value,
  maxGap = 0,
): boolean[] {
  const n = blocks.length;
  const pedal = new Array<boolean>(n).fill(false);
  // the bass note: its pitch class and the fifth above together (a low note's 3rd harmonic, below 250 Hz too, is a
  // fifth up and can be the strongest peak of the bass register)
  const top = bassBlocks.map((bass) => (bass ? bassNote(bass, fifthCap) : -1));
  const upper = labelChords(blocks, [], { ...o, bassWeight: 0 });
  let start = 0;
  while (start < n) {
    // a run: the same strongest bass pitch class, silent blocks (or blocks without bass) carried over
    if (top[start] === -1) {
      start++;
      continue;
    }
    let end = start + 1;
    for (;;) {
      while (end < n && (top[end] === top[start] || top[end] === -1)) end++;
      // a stray of at most maxGap blocks on another note (a drum's low thud, a passing tone), the held note after it
      let next = end;
      while (next < n && next - end < maxGap && top[next] !== top[start]) next++;
      if (next >= n || next === end || top[next] !== top[start]) break;
      end = next;
    }
    if (end - start >= minBlocks) {
      const held = new Set<string>();
      for (const s of upper) {
        const overlap = Math.min(end, s.end) - Math.max(start, s.start);
        if (overlap >= minChordBlocks) held.add(chordName(s));
      }
      if (held.size >= 2) for (let b = start; b < end; b++) pedal[b] = true;
    }
    start = end;
  }
  return pedal;
}

/** A pedal run, its held note and its role in the key (see `pedalRoles`). */
export interface PedalRole {
  start: number;
  end: number;
  note: number;
  /** the sounding blocks over the pedal */
  blocks: number;
  role: 'tonic' | 'dominant';
}

/**
 * The role of each pedal run (`pedal`: a flag per block, from findPedals; its held note the bass note most of its
 * blocks hold, read with the fifth capped at `fifthCap`). A pedal is heard as the dominant only when the music
 * resolves a fifth below it: the bass, leaving the pedal, moves to the note a fifth below (its first sounding bass
 * note after the run), or the chords above it (`chords`, labelled without the pedal's bass) cadence into the chord
 * a fifth below more than into the chord on the held note and sound it at least `timeRatio` times as long (0 = the
 * bass alone decides), with chords on a third root (a IV or ii of the key below) for at least `otherShare` of the run
 * or the voices above it (`upper`) on the key below's own scale note (round 47: the held note's chord and the one a
 * fifth below alone are a neighbour figure over a tonic pedal). Otherwise it is the tonic: a loop that turns over
 * it, resolves onto it or returns to it. A cadence count alone is no guide: over a tonic pedal a I–IV move reads as
 * V → I of the key a fourth up, and the labels over a loud pedal collapse to one or two chords (bench/RESULTS.md,
 * key, rounds 45 and 47).
 */
export function pedalRoles(
  pedal: readonly boolean[],
  bassBlocks: (readonly number[] | null)[],
  chords: readonly ChordSegment[],
  fifthCap = KEY_PARAMETERS.bassNoteFifthCap.value,
  timeRatio = KEY_PARAMETERS.pedalDominantTimeRatio.value,
  otherShare = KEY_PARAMETERS.pedalDominantOtherShare.value,
  upper: (readonly number[] | null)[] = [],
): PedalRole[] {
  const out: PedalRole[] = [];
  const n = pedal.length;
  let start = 0;
  while (start < n) {
    if (!pedal[start]) {
      start++;
      continue;
    }
    let end = start + 1;
    while (end < n && pedal[end]) end++;
    // the held note: the bass note most blocks of the run hold
    const count = new Array<number>(12).fill(0);
    let blocks = 0;
    for (let b = start; b < end; b++) {
      const bass = bassBlocks[b];
      if (!bass) continue;
      blocks++;
      if (Math.max(...bass) > 0) count[bassNote(bass, fifthCap)]!++;
    }
    const note = count.indexOf(Math.max(...count));
    const below = (note + 5) % 12;
    let after = -1;
    for (let b = end; b < n && after < 0; b++) {
      const bass = bassBlocks[b];
      if (bass && !pedal[b] && Math.max(...bass) > 0) after = bassNote(bass, fifthCap);
    }
    // the chords above: cadences into the chord a fifth below outnumber those into the chord on the held note, and
    // it sounds timeRatio times as long (a I–IV loop over a tonic pedal sounds both about as long)
    let intoHeld = 0;
    let intoBelow = 0;
    let timeHeld = 0;
    let timeBelow = 0;
    let timeOther = 0;
    chords.forEach((s, i) => {
      const overlap = Math.min(end, s.end) - Math.max(start, s.start);
      if (overlap <= 0) return;
      if (s.root === note) timeHeld += overlap;
      else if (s.root === below) timeBelow += overlap;
      else timeOther += overlap;
      if (i === 0 || chords[i - 1]!.end <= start) return;
      if (s.root === note) intoHeld += cadenceInto(chords[i - 1]!, note);
      if (s.root === below) intoBelow += cadenceInto(chords[i - 1]!, below);
    });
    // a third root besides the held note and the note a fifth below (a IV or ii of the key below: C F G C over G):
    // the chords of two roots alone, the held note's and the one a fifth below, are a neighbour figure over the held
    // note (I–IV–I over a tonic pedal, the IV a six-four over it), whichever the labels without the bass favour
    // or the voices above the pedal sound the key below's own scale note more than the held key's (G over C: F over
    // F#, a minor chord on the held note: A♭ over A): a chord on a third root can hide in the labels, a held G's
    // partials turning F/G into C
    const sum = new Array<number>(12).fill(0);
    for (let b = start; b < end; b++) upper[b]?.forEach((v, i) => (sum[i]! += v));
    const minorHeld = chords.some((s) => s.root === note && s.mode === 'minor' && s.end > start && s.start < end);
    const [own, other] = minorHeld ? [2, 1] : [11, 10];
    const scaleBelow = sum[(note + other) % 12]! > sum[(note + own) % 12]!;
    const third = otherShare <= 0 || scaleBelow || timeOther >= otherShare * (timeHeld + timeBelow + timeOther);
    const resolves = intoBelow > intoHeld && timeBelow >= timeRatio * timeHeld && third;
    const dominant = after === below || (timeRatio > 0 && resolves);
    out.push({ start, end, note, blocks, role: dominant ? 'dominant' : 'tonic' });
    start = end;
  }
  return out;
}

/** Block-wise chord labels (root · 2 + minor, −1 where no chord sounds) up to the last chord's end. */
function blockLabels(chords: ChordSegment[]): Int16Array {
  const label = new Int16Array(chords[chords.length - 1]!.end).fill(-1);
  for (const c of chords) for (let b = c.start; b < c.end; b++) label[b] = c.root * 2 + (c.mode === 'minor' ? 1 : 0);
  return label;
}

/**
 * The period of a chord loop: the shortest lag of at least `minLag` blocks at which at least `minSimilarity` of the
 * labelled blocks carry the same chord as the block one lag later and one period holds two chords or more (then the
 * lag among the next three with the most agreement); 0 when no lag repeats (through-composed music).
 */
function loopPeriod(label: Int16Array, first: number, minLag: number, minSimilarity: number): number {
  // native (post_cold.cc): the agreement of every lag is a pass over the labels, quadratic in the song's length
  return native().postLoopPeriod(label, first, minLag, minSimilarity);
}

/** The chord held most over `window` blocks from `at` (null when none sounds there). */
function heldChord(label: Int16Array, at: number, window: number): Chord | null {
  const held = new Map<number, number>();
  for (let b = Math.max(0, at); b < Math.min(label.length, at + window); b++)
    if (label[b]! >= 0) held.set(label[b]!, (held.get(label[b]!) ?? 0) + 1);
  let best = -1;
  for (const [l, count] of held) if (best < 0 || count > held.get(best)!) best = l;
  return best >= 0 ? { root: best >> 1, mode: best & 1 ? 'minor' : 'major' } : null;
}

/** The song's chord loop: its first chord block, the block-wise labels, the period and an eighth of it (≥ 1 block). */
function chordLoop(
  chords: ChordSegment[],
  minLag: number,
  minSimilarity: number,
): { first: number; label: Int16Array; period: number; window: number } | null {
  if (chords.length < 2) return null;
  const first = chords[0]!.start;
  const label = blockLabels(chords);
  const period = loopPeriod(label, first, minLag, minSimilarity);
  return period ? { first, label, period, window: Math.max(1, Math.round(period / 8)) } : null;
}

/**
 * The chord the loop returns to, read from the song's end: the song's final chord (`final`, its first block) is where
 * the last phrase came back to, so the loop's earlier returns lie whole periods before it; each is the chord held
 * most over the first eighth of the period there. Only when the song's first chord lies on that grid too (within
 * `tolerance` of a period): then intro, loop and final chord line up as whole phrases, and the final chord is a
 * return, not the chord a loop happened to stop on (a loop stopped mid-phrase, after an extra cadence bar or an intro
 * of another length puts the first chord off the grid: no evidence). Null without a loop or off the grid.
 */
export function loopPhraseReturns(
  chords: ChordSegment[],
  final: ChordSegment,
  minLag: number,
  minSimilarity: number,
  tolerance: number,
): { period: number; returns: Chord[] } | null {
  const loop = chordLoop(chords, minLag, minSimilarity);
  if (!loop) return null;
  const { first, label, period, window } = loop;
  const phase = (((final.start - first) % period) + period) % period;
  if (Math.min(phase, period - phase) > tolerance * period) return null;
  const returns: Chord[] = [];
  for (let at = final.start; at >= first - window; at -= period) {
    const c = heldChord(label, at, window);
    if (c) returns.push(c);
  }
  return returns.length >= 2 ? { period, returns } : null;
}

/** The evidence for one key and its total score. */
export interface KeyEvidence {
  key: string;
  tonic: number;
  mode: Mode;
  /** Correlation of the whole profile with the key profile. */
  profile: number;
  /** Correlation of the bass profile with the key profile (0 without a bass profile). */
  bass: number;
  /** Share of the sounding chord time on the tonic triad. */
  tonicChord: number;
  /** Share of chord changes that are cadences into the tonic triad (weighted). */
  cadence: number;
  /** Share of the sounding chord time on chords diatonic to the key. */
  diatonic: number;
  firstChord: boolean;
  lastChord: boolean;
  /** The ends' vote: the first or the last chord has the tonic as root. */
  ends: boolean;
  /**
   * The ends' vote's size (0…1): 1 for an arrived last chord on the tonic root, else the first chord's share — 1, or
   * firstChordAfterDominantEnd when the song ends on another root reached by its dominant (V→I) and held.
   */
  endsVote: number;
  /** Share of the loop's returns, read back from the final chord, on a chord with the tonic as root (0: none). */
  phraseReturn: number;
  /**
   * The scale's edges against the keys a fifth away (−1…1): the mean contrast of the key's own degree against the
   * neighbour key's at the two pitch classes where the scales differ (major: 7 against b7, 4 against #4; minor: 2
   * against b2, b6 against 6), over the song's chroma.
   */
  scaleEdge: number;
  /** The song is a vamp (two roots hold vampShare of its chord time) and its first chord is this key's tonic chord. */
  vampTonic: boolean;
  /**
   * The share of the song's steady held notes above the bass register on the key's tonic (0…1): per block the
   * strongest pitch class above the bass; a run of blocks on one pitch class lasting heldNoteSeconds or more is a
   * held note, its length weighed by its steadiness (its lowest level over its peak, from heldNoteSteadiness → 0 to
   * 1 → 1: a sustained note, not a struck chord's decaying top voice); the weighed lengths summed per pitch class.
   */
  heldTonic: number;
  /**
   * The share of the song's sounding blocks over a tonic pedal on the key's tonic (0…1): a pedal run (findPedals) on
   * this pitch class that `pedalRoles` reads as the tonic, not the dominant.
   */
  pedalTonic: number;
  /**
   * h-key63, the open song's evidence (read by the learned combiner only, not by the hand score): the share of the
   * sounding blocks whose strongest bass pitch class is the tonic (the bass's most frequent note; the relative major
   * and minor split by it).
   */
  bassTonic: number;
  /** The tonic chord's share of the chord time, each segment weighed by its length (the chord rested on longest). */
  longTonic: number;
  /** The tonic chord's share of the chord segments, counted (the chord returned to most often). */
  tonicEntries: number;
  /** The share of the steady held notes above the bass (heldTonic's) on the tonic triad's three tones. */
  heldTriad: number;
  /** The share of the sounding blocks whose strongest pitch class above the bass register is the tonic. */
  topTonic: number;
  /**
   * The share of the chord segments whose first block's strongest pitch class above the bass register is on the tonic
   * triad (the melody's note where the harmony changes: a bar's downbeat).
   */
  onsetTriad: number;
  score: number;
}

/**
 * Whether a major chord segment sounds as a dominant seventh: its blocks' chroma summed matches the dominant-7
 * template (the seventh at `seventhWeight`) better than the triad's.
 */
function soundsAsDominantSeventh(
  s: ChordSegment,
  chroma: (readonly number[] | null)[],
  templates: number[][][],
): boolean {
  if (s.mode !== 'major') return false;
  const t = templates[s.root]!;
  if (t.length < 2) return false;
  const sum = new Array<number>(12).fill(0);
  for (let b = s.start; b < s.end; b++) chroma[b]?.forEach((v, i) => (sum[i]! += v));
  const dot = (u: number[]) => u.reduce((a, v, i) => a + v * sum[i]!, 0);
  return dot(t[1]!) > dot(t[0]!);
}

/**
 * Whether a chord segment has no third: summed over its blocks, the stronger of its minor and major third is below
 * `minShare` of the stronger of its root and fifth.
 */
function soundsWithoutThird(s: ChordSegment, chroma: (readonly number[] | null)[], minShare: number): boolean {
  const sum = new Array<number>(12).fill(0);
  for (let b = s.start; b < s.end; b++) chroma[b]?.forEach((v, i) => (sum[i]! += v));
  const at = (iv: number) => sum[(s.root + iv) % 12]!;
  return Math.max(at(3), at(4)) < minShare * Math.max(at(0), at(7));
}

/**
 * Per root pitch class, the thirds that voices above the bass (a melody, a riff) add over the chord segments without
 * a third on that root: [minor, major]. A low note's own partials hold a steady share of a major third (the 5th
 * partial) and of other tones; what a melody adds comes and goes. So each third is counted as its excess over the
 * steady share: per block, the third minus `baselineQuantile` (the quantile over the root's blocks) of the ratio
 * third / root, times the root, summed. Also returned: the root's own sum, the scale of the excesses.
 */
export function thirdsOverRoots(
  chords: ChordSegment[],
  upper: (readonly number[] | null)[],
  baselineQuantile: number,
): { minor: number; major: number; root: number }[] {
  return Array.from({ length: 12 }, (_, r) => {
    const rows: [number, number, number][] = [];
    for (const s of chords) {
      if (!s.noThird || s.root !== r) continue;
      for (let b = s.start; b < s.end; b++) {
        const u = upper[b];
        if (u && u[r]! > 0) rows.push([u[r]!, u[(r + 3) % 12]!, u[(r + 4) % 12]!]);
      }
    }
    if (!rows.length) return { minor: 0, major: 0, root: 0 };
    const floor = (k: 1 | 2) => {
      const ratios = rows.map((row) => row[k] / row[0]);
      return kthSmallest(ratios, Math.min(ratios.length - 1, Math.floor(baselineQuantile * ratios.length)));
    };
    const fm = floor(1);
    const fM = floor(2);
    let minor = 0;
    let major = 0;
    let root = 0;
    // (indexed, not destructured: cold, destructuring allocates an array iterator per row)
    for (const row of rows) {
      const u0 = row[0];
      const u3 = row[1];
      const u4 = row[2];
      root += u0;
      minor += Math.max(0, u3 - fm * u0);
      major += Math.max(0, u4 - fM * u0);
    }
    return { minor, major, root };
  });
}

/**
 * Where a key's scale differs from the keys a fifth away, semitones above the tonic: [the key's own degree, the
 * neighbour's]. Major: 7 against b7 (the key a fifth below, IV's key, has b7), 4 against #4 (the key a fifth above
 * has #4). Natural minor: 2 against b2 (the minor key a fifth below), b6 against 6 (a fifth above).
 */
const EDGE_PAIRS: Record<Mode, [number, number][]> = {
  major: [
    [11, 10],
    [5, 6],
  ],
  minor: [
    [2, 1],
    [8, 9],
  ],
};

/** Triads diatonic to a key (semitones above the tonic, mode): major I ii iii IV V vi; minor i iv v V III VI VII. */
const DIATONIC: Record<Mode, [number, Mode][]> = {
  major: [
    [0, 'major'],
    [2, 'minor'],
    [4, 'minor'],
    [5, 'major'],
    [7, 'major'],
    [9, 'minor'],
  ],
  minor: [
    [0, 'minor'],
    [5, 'minor'],
    [7, 'minor'],
    [7, 'major'],
    [3, 'major'],
    [8, 'major'],
    [10, 'major'],
  ],
};

/** A chord without a third whose mode the other voices leave open, or decide as `mode`. */
function modeOpen(c: ChordSegment, mode: Mode): boolean {
  return !!c.noThird && (c.thirdlessMode === undefined || c.thirdlessMode === mode);
}

function isDiatonic(c: ChordSegment, tonic: number, mode: Mode): boolean {
  const d = (c.root - tonic + 12) % 12;
  // (no destructuring of each entry: cold, it allocates an array iterator per entry and call)
  return DIATONIC[mode].some((e) => e[0] === d && (e[1] === c.mode || modeOpen(c, e[1])));
}

/** Cadence weight of a move from `from` into the tonic triad of (tonic, mode). */
function cadenceInto(from: ChordSegment | Chord, tonic: number, seventhBonus = 0, triadDominant = 1): number {
  const d = (from.root - tonic + 12) % 12;
  // V → I (a plain triad triadDominant, a dominant seventh 1 + seventhBonus), v → i
  if (d === 7)
    return from.mode === 'major'
      ? 'dominantSeventh' in from && from.dominantSeventh
        ? 1 + seventhBonus
        : triadDominant
      : 0.5;
  if (d === 5 || d === 10) return 0.5; // IV/iv → I (plagal), bVII → I
  return 0;
}

/** A move from the ii (a minor chord a tone above the tonic) to the V (a major chord a fifth above) of `tonic`. */
function isTwoFive(from: ChordSegment, to: ChordSegment, tonic: number): boolean {
  return (
    from.mode === 'minor' &&
    !from.noThird &&
    from.root === (tonic + 2) % 12 &&
    to.mode === 'major' &&
    to.root === (tonic + 7) % 12
  );
}

/** A chord read as iii (minor, a major third above `tonic`) right after a dominant seventh on the V: a IM7. */
function isMajorSeventhAfterDominant(from: ChordSegment, to: ChordSegment, tonic: number): boolean {
  return (
    !!from.dominantSeventh && from.root === (tonic + 7) % 12 && to.mode === 'minor' && to.root === (tonic + 4) % 12
  );
}

function param(name: KeyParameterName, options: EstimateKeyOptions): number {
  return checkParameter(name, KEY_PARAMETERS[name], options.params?.[name] ?? KEY_PARAMETERS[name].value);
}

export interface KeyAnalysis {
  result: Key | NoKey;
  /** The choice with its alternatives; absent when there is no key. */
  decision?: Decision;
  /** Every key's evidence, best first (empty when there is no key). */
  evidence: KeyEvidence[];
  chords: ChordSegment[];
}

/**
 * Block `b`'s 12 values of folded profiles (12 per block), as a plain array (a loop: Array.from over a subarray walks
 * the iterator protocol, one result object per value while cold).
 */
/** The strongest of a block's 12 pitch classes (−1: a silent block or nothing above 0). */
function strongest(row: readonly number[] | null | undefined): number {
  let top = -1;
  if (row) for (let i = 0, m = 0; i < 12; i++) if (row[i]! > m) ((m = row[i]!), (top = i));
  return top;
}

function foldedRow(folded: Float64Array, b: number): number[] {
  const row: number[] = [];
  for (let k = 0; k < 12; k++) row.push(folded[b * 12 + k]!);
  return row;
}

/**
 * The key of a file from its pitch-class profiles (120 bins of 10 cents, C = bin 0), the bass profile and the
 * block profiles. No key (null with a reason) when the profile is empty (silence, unpitched noise below the peak
 * threshold) or its peaks are not on one tuning grid (tuningGate).
 */
export function analyzeKey(
  profile120: ArrayLike<number>,
  bass120?: ArrayLike<number>,
  blocks?: KeyBlocks,
  options: EstimateKeyOptions = {},
): KeyAnalysis {
  const none = (reason: string): KeyAnalysis => ({ result: { key: null, reason }, evidence: [], chords: [] });
  const { chroma, tuningCents } = tuningAwareChroma(profile120);
  const total = chroma.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return none('no pitched content (silence, or sound without spectral peaks)');
  const gate = tuningGate(profile120, bass120, blocks?.gate, options);
  if (gate.concentration < gate.min)
    return none(
      `no tuned notes: the strong spectral peaks ${gate.band}above the bass are spread over the semitone (tuning ` +
        `concentration ${gate.concentration.toFixed(2)} < ${gate.min}), as in speech or noise`,
    );
  if (Math.max(...chroma) - Math.min(...chroma) <= 1e-12 * total)
    return none('all twelve pitch classes equally strong: no tonal centre');
  const profileName = options.profile ?? 'temperley';
  const weights = foldWeights(tuningCents);
  const byKey = (ranked: KeyCandidate[]) => new Map(ranked.map((c) => [c.key, c.confidence]));
  const profileCorr = byKey(rankKeys(chroma, profileName, options.naturalMinor ?? true));
  let bassCorr: Map<string, number> | undefined;
  if (bass120) {
    const bass = new Array<number>(12).fill(0);
    foldProfile(bass120, 0, weights, bass);
    if (Math.max(...bass) - Math.min(...bass) > 0)
      bassCorr = byKey(rankKeys(bass, profileName, options.naturalMinor ?? true));
  }
  // chords from the block profiles
  let chords: ChordSegment[] = [];
  let pedalBlocks = 0;
  // per pitch class, the blocks over a pedal on it read as the tonic (pedalRoles), and the sounding blocks
  const tonicPedalBlocks = new Array<number>(12).fill(0);
  let soundingBlocks = 0;
  let roles: PedalRole[] = [];
  let thirdlessRoots: string[] = [];
  // per root, minor when the whole song gives its chords a minor third (the thirds every voice adds above the steady
  // partials over all chord segments on that root), else undefined: the labels' modes stand
  const rootModes: (Mode | undefined)[] = new Array(12).fill(undefined);
  // the steady held notes above the bass register, per pitch class (blocks), and their sum
  const heldNotes = new Array<number>(12).fill(0);
  let heldTotal = 0;
  // h-key63: per sounding block the strongest pitch class above the bass register and in the bass (−1: none)
  let topAt: number[] = [];
  let bassAt: number[] = [];
  if (blocks && blocks.full.length >= 120) {
    const n = Math.floor(blocks.full.length / 120);
    const full: number[][] = [];
    const bass: number[][] = [];
    const fullFolded = foldProfiles(blocks.full, n, weights);
    const bassBlocks = Math.min(n, Math.floor(blocks.bass.length / 120));
    const bassFolded = foldProfiles(blocks.bass, bassBlocks, weights);
    for (let b = 0; b < n; b++) {
      full.push(foldedRow(fullFolded, b));
      bass.push(b < bassBlocks ? foldedRow(bassFolded, b) : new Array<number>(12).fill(0));
    }
    const sums = full.map((f) => f.reduce((a, v) => a + v, 0));
    const nonzero = sums.filter((x) => x > 0);
    const median = nonzero.length ? kthSmallest(nonzero, nonzero.length >> 1) : 0;
    const floor = param('silentBlockFraction', options) * median;
    const sounding = sums.map((x) => x > 0 && x >= floor);
    const labelling: ChordLabelling = {
      bassWeight: param('chordBassWeight', options),
      inversionBass: param('chordInversionBass', options),
      switchPenalty: param('chordSwitchPenalty', options),
      harmonicDecay: param('chordHarmonicDecay', options),
      seventhWeight: param('chordSeventhWeight', options),
    };
    // the chord's pitch content: the block's profile with the bass register (peaks below 250 Hz: the bass line, its
    // first harmonics, the low root of an open voicing) weighted down to bassInChroma; a loud bass's harmonics
    // (a fifth and a major third above it) would otherwise outweigh the chord's own tones
    const bassInChroma = param('chordBassInChroma', options);
    // the bass note's expected upper partials (bassSeries), taken out of the chroma the chords and pedals are read
    // from (not out of the whole-file profile nor the thirds over the roots: see bassSeriesGain)
    const seriesGain = param('bassSeriesGain', options);
    const seriesDecay = param('bassSeriesDecay', options);
    const fifthCap = param('bassNoteFifthCap', options);
    const series = full.map((_, b) =>
      sounding[b] && seriesGain > 0 ? bassSeries(bass[b]!, seriesGain, seriesDecay) : null,
    );
    const clean = (v: number, b: number, i: number) => v - (series[b]?.[i] ?? 0);
    const chroma = full.map((f, b) =>
      sounding[b] ? f.map((v, i) => Math.max(0, clean(v - (1 - bassInChroma) * bass[b]![i]!, b, i))) : null,
    );
    const bassChroma = bass.map((l, b) => (sounding[b] ? l : null));
    // above the bass register (peaks over 250 Hz: the melody, a riff, the chord's upper voices); the thirds over
    // the roots read it as it is (their baseline takes out the steady partials), the pedals less the bass note's
    // expected upper partials
    const upper = full.map((f, b) => (sounding[b] ? f.map((v, i) => Math.max(0, v - bass[b]![i]!)) : null));
    const upperClean = upper.map((u, b) => u && u.map((v, i) => Math.max(0, clean(v, b, i))));
    topAt = upperClean.map(strongest);
    bassAt = bassChroma.map(strongest);
    if (param('heldNoteWeight', options) > 0) {
      const minRun = param('heldNoteSeconds', options) / blocks.seconds;
      const steady = param('heldNoteSteadiness', options);
      let pc = -1;
      let run = 0;
      let lo = 0;
      let hi = 0;
      for (let b = 0; b <= n; b++) {
        const u = b < n ? upperClean[b] : null;
        const top = strongest(u);
        if (top >= 0 && top === pc) {
          run++;
          lo = Math.min(lo, u![top]!);
          hi = Math.max(hi, u![top]!);
          continue;
        }
        // weighed by how steady it stayed: 0 at a low / peak ratio of `steady` or less, 1 when level throughout
        const held = pc >= 0 && run >= minRun && hi > 0 ? run * Math.max(0, (lo / hi - steady) / (1 - steady)) : 0;
        ((heldNotes[Math.max(0, pc)]! += held), (heldTotal += held));
        pc = top;
        run = 1;
        lo = hi = top >= 0 ? u![top]! : 0;
      }
    }
    // pedals are judged on the chords above the bass register (the bass note's partials out): a loud pedal's
    // octave, fifth and third would otherwise make every block its own major triad, and no chord would change
    const pedal = findPedals(
      upperClean,
      bassChroma,
      labelling,
      param('pedalMinSeconds', options) / blocks.seconds,
      param('endMinSeconds', options) / blocks.seconds,
      fifthCap,
      Math.round(param('pedalGapSeconds', options) / blocks.seconds),
    );
    pedalBlocks = pedal.filter(Boolean).length;
    let unpedalled = bassChroma.map((l, b) => (pedal[b] ? null : l));
    chords = labelChords(chroma, unpedalled, labelling);
    soundingBlocks = sounding.filter(Boolean).length;
    if (pedalBlocks > 0) {
      roles = pedalRoles(
        pedal,
        bassChroma,
        chords,
        fifthCap,
        param('pedalDominantTimeRatio', options),
        param('pedalDominantOtherShare', options),
        upperClean,
      );
      for (const r of roles) if (r.role === 'tonic') tonicPedalBlocks[r.note]! += r.blocks;
      // a tonic pedal's bass is the key's: the chords over it are labelled with it, and it counts in the key's bass
      // evidence, as a held bass that is no pedal does; only a dominant pedal stays out
      if (param('pedalTonicBass', options) > 0 && roles.some((r) => r.role === 'tonic')) {
        const dominant = new Array<boolean>(n).fill(false);
        for (const r of roles) if (r.role === 'dominant') for (let b = r.start; b < r.end; b++) dominant[b] = true;
        unpedalled = bassChroma.map((l, b) => (dominant[b] ? null : l));
        pedalBlocks = dominant.filter(Boolean).length;
        chords = labelChords(chroma, unpedalled, labelling);
      }
    }
    if (labelling.seventhWeight > 0) {
      const templates = chordTemplates(labelling.harmonicDecay, labelling.seventhWeight);
      for (const s of chords) s.dominantSeventh = soundsAsDominantSeventh(s, chroma, templates);
    }
    const thirdShare = param('chordThirdMinShare', options);
    if (thirdShare > 0) for (const s of chords) s.noThird = soundsWithoutThird(s, chroma, thirdShare);
    const modeRatio = param('thirdlessModeRatio', options);
    const minorShare = param('tonicMinorThirdShare', options);
    if (minorShare > 0) {
      const all = chords.map((c) => ({ ...c, noThird: true }));
      const thirds = thirdsOverRoots(all, upper, param('thirdlessBaselineQuantile', options));
      const minExcess = param('thirdlessMinExcess', options);
      thirds.forEach(({ minor, major, root }, r) => {
        // no chord on this root (nothing to decide), or too little third above the steady partials
        if (!(root > 0) || Math.max(minor, major) < minExcess * root) return;
        // a low note's own 5th partial is a major third: what is left of it above the steady share still leans
        // major, so the minor third decides already at this share of the major one
        if (minor >= minorShare * major) rootModes[r] = 'minor';
      });
    }
    if (thirdShare > 0 && modeRatio > 0) {
      // above the bass register, summed over every thirdless segment on one root
      const thirds = thirdsOverRoots(chords, upper, param('thirdlessBaselineQuantile', options));
      const minExcess = param('thirdlessMinExcess', options);
      for (const s of chords) {
        if (!s.noThird) continue;
        const { minor, major, root } = thirds[s.root]!;
        if (Math.max(minor, major) < minExcess * root) continue;
        if (major > modeRatio * minor) s.thirdlessMode = 'major';
        else if (minor > modeRatio * major) s.thirdlessMode = 'minor';
      }
      thirdlessRoots = thirds.flatMap(({ minor, major, root: sum }, root) =>
        chords.some((s) => s.noThird && s.root === root)
          ? [
              `${PITCH_CLASS_NAMES[root]}: ` +
                `${chords.find((s) => s.noThird && s.root === root)!.thirdlessMode ?? 'both'}` +
                ` (thirds above the steady partials: major ${(major / sum).toFixed(3)}, minor ` +
                `${(minor / sum).toFixed(3)} of the root)`,
            ]
          : [],
      );
    }
    // the key's bass evidence leaves the pedals out too (a dominant pedal would vote for the key of V)
    if (pedalBlocks > 0 && bassCorr) {
      const kept = new Array<number>(12).fill(0);
      unpedalled.forEach((l) => l?.forEach((v, i) => (kept[i]! += v)));
      // a dominant pedal's bass, as the dominant it is, votes a fifth below (for the key it resolves to)
      if (param('pedalTonicBass', options) > 0)
        for (const r of roles)
          if (r.role === 'dominant')
            for (let b = r.start; b < r.end; b++) bassChroma[b]?.forEach((v, i) => (kept[(i + 5) % 12]! += v));
      bassCorr =
        Math.max(...kept) - Math.min(...kept) > 0
          ? byKey(rankKeys(kept, profileName, options.naturalMinor ?? true))
          : undefined;
    }
  }
  const chordBlocks = chords.reduce((a, s) => a + s.sounding, 0);
  // the ends are segments lasting endMinSeconds, or (endMinChordShare > 0) this share of the song's median chord
  // segment when that is shorter: a fast polka's or klezmer's one-bar chords last less than a second
  const chordRhythm = param('endMinChordShare', options) * medianSegmentBlocks(chords);
  const minEndBlocks = blocks
    ? Math.min(param('endMinSeconds', options) / blocks.seconds, chordRhythm > 0 ? chordRhythm : Infinity)
    : 0;
  const long = chords.filter((s) => s.end - s.start >= minEndBlocks);
  const first = long[0] ?? chords[0];
  const last = long[long.length - 1] ?? chords[chords.length - 1];
  const changes = Math.max(1, chords.length - 1);
  // the last chord is an ending only when the music arrives on it by a cadence (V→I, v/IV/iv/bVII→I): a loop that
  // simply stops (a fade) stops on any of its chords
  const lastIndex = last ? chords.indexOf(last) : -1;
  // a vamp: the song's chord time on two roots (vampShare), the first chord on one of them
  const rootTime = new Array<number>(12).fill(0);
  for (const s of chords) rootTime[s.root]! += s.sounding;
  const byTime = rootTime.map((t, r) => [t, r] as const).sort((a, b) => b[0] - a[0]);
  const vamp =
    !!first &&
    chordBlocks > 0 &&
    (byTime[0]![1] === first.root || byTime[1]![1] === first.root) &&
    byTime[0]![0] + byTime[1]![0] >= param('vampShare', options) * chordBlocks;
  const arrived = lastIndex > 0 && cadenceInto(chords[lastIndex - 1]!, last!.root) > 0;
  // an ending reached by its own dominant (V or V7 → I) is the song's cadence: a first chord on another root (a loop
  // that starts on vi or IV) votes then only firstChordAfterDominantEnd of the ends' vote
  const dominantEnd = lastIndex > 0 && cadenceInto(chords[lastIndex - 1]!, last!.root) >= 1;
  // (not when the chord resolving is on the first chord's root: a I–IV loop that stops on IV is no cadence into IV)
  const firstVote =
    dominantEnd && first && first.root !== last!.root && chords[lastIndex - 1]!.root !== first.root
      ? param('firstChordAfterDominantEnd', options)
      : 1;
  const w = {
    bass: param('bassWeight', options),
    tonic: param('tonicChordWeight', options),
    cadence: param('cadenceWeight', options),
    ends: param('endChordWeight', options),
    diatonic: param('diatonicWeight', options),
    phraseReturn: param('phraseReturnWeight', options),
    scaleEdge: param('scaleEdgeWeight', options),
    vamp: param('vampWeight', options),
    held: param('heldNoteWeight', options),
    pedal: param('pedalTonicWeight', options),
  };
  const seventhBonus = param('seventhCadenceWeight', options);
  const triadDominant = param('triadDominantCadence', options);
  // the final chord as the loop's last return (a tie-breaker: it reads where the phrases end, not which chord is held)
  const returns =
    w.phraseReturn > 0 && blocks && last
      ? loopPhraseReturns(
          chords,
          last,
          param('phraseMinSeconds', options) / blocks.seconds,
          param('phraseMinSimilarity', options),
          param('phraseReturnTolerance', options),
        )
      : null;
  const twoFive = param('twoFiveWeight', options);
  // the scale's edges: the song's chroma at the two pitch classes where a key's scale differs from each key a fifth
  // away (C major: B not B♭ against F major, F not F♯ against G major)
  const edgeFloor = param('scaleEdgeFloor', options) * (total / 12);
  const edge = (tonic: number, mode: Mode) => {
    const pairs = mode === 'major' ? EDGE_PAIRS.major : EDGE_PAIRS.minor;
    let sum = 0;
    for (const [own, other] of pairs) {
      const a = chroma[(tonic + own) % 12]!;
      const b = chroma[(tonic + other) % 12]!;
      sum += (a - b) / (a + b + edgeFloor);
    }
    return sum / pairs.length;
  };
  // h-key63: the open song's evidence (the combiner's only): the sounding blocks' strongest pitch classes counted,
  // the chord segments' lengths
  const topCount = new Array<number>(12).fill(0);
  const bassCount = new Array<number>(12).fill(0);
  for (const pc of topAt) if (pc >= 0) topCount[pc]!++;
  for (const pc of bassAt) if (pc >= 0) bassCount[pc]!++;
  const topTotal = topCount.reduce((a, v) => a + v, 0);
  const bassTotal = bassCount.reduce((a, v) => a + v, 0);
  const lengthWeighed = chords.reduce((a, s) => a + s.sounding * s.sounding, 0);
  const evidence: KeyEvidence[] = [];
  for (const mode of ['major', 'minor'] as const) {
    for (let tonic = 0; tonic < 12; tonic++) {
      const key = `${PITCH_CLASS_NAMES[tonic]} ${mode}`;
      // a chord without a third is the tonic chord of both modes on its root
      const songMode = rootModes[tonic];
      const isTonic = (c: ChordSegment | undefined) =>
        !!c && c.root === tonic && (songMode !== undefined ? songMode === mode : c.mode === mode || modeOpen(c, mode));
      // the ends count the root only: a minor song may end on a major tonic chord (Picardy third), and a
      // sustained minor chord's bass partials (the 5th is a major third up) can make it read as major
      const onTonicRoot = (c: Chord | undefined) => !!c && c.root === tonic;
      let onTonic = 0;
      let cadence = 0;
      let diatonic = 0;
      let longOnTonic = 0;
      let entries = 0;
      let onsets = 0;
      const triad = [tonic, (tonic + (mode === 'major' ? 4 : 3)) % 12, (tonic + 7) % 12];
      for (const s of chords) {
        if (isTonic(s)) ((longOnTonic += s.sounding * s.sounding), entries++);
        if (triad.includes(topAt[s.start] ?? -1)) onsets++;
      }
      chords.forEach((s, i) => {
        if (w.diatonic > 0 && isDiatonic(s, tonic, mode)) diatonic += s.sounding;
        // ii → V: the jazz approach to a major tonic, whatever chord follows (a IM7 may read as iii)
        if (i > 0 && mode === 'major' && twoFive > 0 && isTwoFive(chords[i - 1]!, s, tonic)) cadence += twoFive;
        // a dominant seventh resolving to a chord read as iii: a IM7 (its upper three tones are the iii triad)
        const majorSeventhTonic =
          i > 0 && mode === 'major' && twoFive > 0 && isMajorSeventhAfterDominant(chords[i - 1]!, s, tonic);
        if (!isTonic(s) && !majorSeventhTonic) return;
        onTonic += s.sounding;
        if (i > 0) cadence += cadenceInto(chords[i - 1]!, tonic, seventhBonus, triadDominant);
      });
      const e: KeyEvidence = {
        key,
        tonic,
        mode,
        profile: profileCorr.get(key)!,
        bass: bassCorr?.get(key) ?? 0,
        tonicChord: chordBlocks ? onTonic / chordBlocks : 0,
        cadence: chords.length > 1 ? cadence / changes : 0,
        diatonic: chordBlocks ? diatonic / chordBlocks : 0,
        firstChord: onTonicRoot(first),
        lastChord: onTonicRoot(last),
        ends: onTonicRoot(first) || (arrived && onTonicRoot(last)),
        endsVote: arrived && onTonicRoot(last) ? 1 : onTonicRoot(first) ? firstVote : 0,
        phraseReturn: returns ? returns.returns.filter(onTonicRoot).length / returns.returns.length : 0,
        scaleEdge: w.scaleEdge > 0 ? edge(tonic, mode) : 0,
        vampTonic: vamp && isTonic(first),
        heldTonic: heldTotal > 0 ? heldNotes[tonic]! / heldTotal : 0,
        pedalTonic: soundingBlocks > 0 ? tonicPedalBlocks[tonic]! / soundingBlocks : 0,
        bassTonic: bassTotal > 0 ? bassCount[tonic]! / bassTotal : 0,
        longTonic: lengthWeighed > 0 ? longOnTonic / lengthWeighed : 0,
        tonicEntries: chords.length ? entries / chords.length : 0,
        heldTriad: heldTotal > 0 ? triad.reduce((a, pc) => a + heldNotes[pc]!, 0) / heldTotal : 0,
        topTonic: topTotal > 0 ? topCount[tonic]! / topTotal : 0,
        onsetTriad: chords.length ? onsets / chords.length : 0,
        score: 0,
      };
      e.score =
        e.profile +
        w.bass * e.bass +
        w.tonic * e.tonicChord +
        w.cadence * e.cadence +
        w.diatonic * e.diatonic +
        w.phraseReturn * e.phraseReturn +
        w.scaleEdge * e.scaleEdge +
        w.ends * e.endsVote +
        (e.vampTonic ? w.vamp : 0) +
        w.held * e.heldTonic +
        w.pedal * e.pedalTonic;
      evidence.push(e);
    }
  }
  const facts: KeySongFacts = {
    arrived,
    dominantEnd,
    vamp,
    tonicPedal: roles.some((r) => r.role === 'tonic'),
    dominantPedal: roles.some((r) => r.role === 'dominant'),
  };
  options.onEvidence?.(evidence, facts);
  // h-key63: the combiner reads chord evidence; without chords (a whole-file profile alone, no blocks) the hand's
  // combination stands (no song the trees were trained on lacks them; gbm63 misreads a lone C major triad's profile)
  const rows = param('keyModel', options) > 0 && chords.length > 0 ? keyModelRows(evidence, facts) : null;
  const logits = new Map<KeyEvidence, number>();
  evidence.sort((a, b) => b.score - a.score);
  if (rows) {
    // the learned combiner reorders the hand combination's best `top` candidates by their log-odds of being the key
    const model = keyCombiner(keyCombinerPresetName(param('keyModelPreset', options)));
    const rowOf = new Map(evidence.map((e) => [e, rows[(e.mode === 'minor' ? 12 : 0) + e.tonic]!]));
    const head = evidence.slice(0, model.top);
    for (const e of head) logits.set(e, keyCombinerLogit(model, rowOf.get(e)!));
    // h-key73: the model's pick leads, or the hand's when the model is not sure enough (keyModelOverride)
    const chosen =
      head[
        keyOverridePick(
          head.map((e) => logits.get(e)!),
          param('keyModelOverride', options),
        )
      ]!;
    head.sort((a, b) => (a === chosen ? -1 : b === chosen ? 1 : logits.get(b)! - logits.get(a)!));
    evidence.splice(0, head.length, ...head);
  }
  const temperature = param('confidenceTemperature', options);
  const top = evidence[0]!.score;
  const expSum = evidence.reduce((a, e) => a + Math.exp((e.score - top) / temperature), 0);
  const topLogit = evidence[0] ? (logits.get(evidence[0]) ?? 0) : 0;
  const logitSum = [...logits.values()].reduce((a, z) => a + Math.exp(z - topLogit), 0);
  // with the combiner: a softmax of the reordered candidates' log-odds (the others 0)
  const prob = (e: KeyEvidence) =>
    rows
      ? logits.has(e)
        ? Math.exp(logits.get(e)! - topLogit) / logitSum
        : 0
      : Math.exp((e.score - top) / temperature) / expSum;
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const candidate = (e: KeyEvidence): KeyCandidate => ({
    key: e.key,
    tonic: PITCH_CLASS_NAMES[e.tonic]!,
    mode: e.mode,
    confidence: r3(prob(e)),
  });
  const best = evidence[0]!;
  const result: Key = {
    ...candidate(best),
    tuningCents: Math.round(tuningCents * 10) / 10,
    alternatives: evidence.slice(1, 4).map(candidate),
  };
  return {
    result,
    decision: keyDecision(best, evidence, chords, first, last, arrived, w, result, options.file, prob, {
      dominantEnd,
      firstVote,
      vamp,
      pedalSeconds: blocks ? Math.round(pedalBlocks * blocks.seconds * 10) / 10 : 0,
      pedalRoles: blocks
        ? roles
            .map((r) => `${PITCH_CLASS_NAMES[r.note]} ${Math.round((r.end - r.start) * blocks.seconds)} s: ${r.role}`)
            .join(', ')
        : '',
      endMinSeconds: blocks ? Math.round(minEndBlocks * blocks.seconds * 100) / 100 : 0,
      thirdlessRoots,
      songMinorRoots: rootModes.flatMap((m, r) => (m === 'minor' ? [PITCH_CLASS_NAMES[r]!] : [])).join(' '),
      returnPeriodSeconds: returns && blocks ? Math.round(returns.period * blocks.seconds * 10) / 10 : null,
      // from the end back: the final chord first
      phraseReturns: returns ? returns.returns.map(chordName).join(' ') : '',
    }),
    evidence,
    chords,
  };
}

/** The median length of the chord segments, blocks (0 without chords). */
export function medianSegmentBlocks(chords: readonly ChordSegment[]): number {
  if (!chords.length) return 0;
  const lengths = chords.map((s) => s.end - s.start);
  return kthSmallest(lengths, lengths.length >> 1);
}

/** The key only (SPEC §5 `key`): analyzeKey's result. */
export function estimateKey(
  profile120: ArrayLike<number>,
  bass120?: ArrayLike<number>,
  blocks?: KeyBlocks,
  options: EstimateKeyOptions = {},
): Key | NoKey {
  return analyzeKey(profile120, bass120, blocks, options).result;
}

interface Weights {
  bass: number;
  tonic: number;
  cadence: number;
  ends: number;
  diatonic: number;
  phraseReturn: number;
  scaleEdge: number;
  vamp: number;
  held: number;
  pedal: number;
}

/** Why `best` beat `other`: the evidence terms that differ, largest first, with their weighted score. */
function whyOver(best: KeyEvidence, other: KeyEvidence, w: Weights): string {
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const yes = (x: boolean) => (x ? 'yes' : 'no');
  const terms: [number, string][] = [
    [best.profile - other.profile, `profile r ${best.profile.toFixed(2)} vs ${other.profile.toFixed(2)}`],
    [w.bass * (best.bass - other.bass), `bass r ${best.bass.toFixed(2)} vs ${other.bass.toFixed(2)}`],
    [
      w.tonic * (best.tonicChord - other.tonicChord),
      `time on the tonic chord ${pct(best.tonicChord)} vs ${pct(other.tonicChord)}`,
    ],
    [
      w.cadence * (best.cadence - other.cadence),
      `cadences into the tonic ${pct(best.cadence)} vs ${pct(other.cadence)} of the chord changes`,
    ],
    [
      w.diatonic * (best.diatonic - other.diatonic),
      `time on chords diatonic to the key ${pct(best.diatonic)} vs ${pct(other.diatonic)}`,
    ],
    [
      w.phraseReturn * (best.phraseReturn - other.phraseReturn),
      `the loop returns (read back from the final chord) to a tonic-root chord ${pct(best.phraseReturn)} vs ` +
        `${pct(other.phraseReturn)}`,
    ],
    [
      w.scaleEdge * (best.scaleEdge - other.scaleEdge),
      `the scale's edges against the keys a fifth away ${best.scaleEdge.toFixed(2)} vs ${other.scaleEdge.toFixed(2)}`,
    ],
    [
      w.ends * (best.endsVote - other.endsVote),
      `starts or ends on a tonic-root chord ${yes(best.ends)} vs ${yes(other.ends)} (first ` +
        `${yes(best.firstChord)} vs ${yes(other.firstChord)}, last ${yes(best.lastChord)} vs ${yes(other.lastChord)})` +
        ([best.endsVote, other.endsVote].some((v) => v > 0 && v < 1)
          ? ` (vote ${best.endsVote.toFixed(2)} vs ${other.endsVote.toFixed(2)}: a first chord after a dominant end)`
          : ''),
    ],
    [
      w.vamp * (Number(best.vampTonic) - Number(other.vampTonic)),
      `a two-root vamp's first chord is the tonic chord ${yes(best.vampTonic)} vs ${yes(other.vampTonic)}`,
    ],
    [
      w.held * (best.heldTonic - other.heldTonic),
      `steady held notes above the bass on the tonic ${pct(best.heldTonic)} vs ${pct(other.heldTonic)}`,
    ],
    [
      w.pedal * (best.pedalTonic - other.pedalTonic),
      `time over a tonic pedal on the tonic ${pct(best.pedalTonic)} vs ${pct(other.pedalTonic)}`,
    ],
  ];
  return terms
    .filter(([d]) => Math.abs(d) > 5e-4)
    .sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]))
    .map(([d, text]) => `${text} (${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(3)})`)
    .join('; ');
}

function keyDecision(
  best: KeyEvidence,
  evidence: KeyEvidence[],
  chords: ChordSegment[],
  first: ChordSegment | undefined,
  last: ChordSegment | undefined,
  arrived: boolean,
  w: Weights,
  result: Key,
  file: string | undefined,
  prob: (e: KeyEvidence) => number,
  extra: {
    dominantEnd: boolean;
    firstVote: number;
    vamp: boolean;
    pedalSeconds: number;
    pedalRoles: string;
    endMinSeconds: number;
    thirdlessRoots: string[];
    songMinorRoots: string;
    returnPeriodSeconds: number | null;
    phraseReturns: string;
  },
): Decision {
  const find = (tonic: number, mode: Mode) => evidence.find((e) => e.tonic === tonic && e.mode === mode)!;
  const relative = best.mode === 'major' ? find((best.tonic + 9) % 12, 'minor') : find((best.tonic + 3) % 12, 'major');
  const parallel = find(best.tonic, best.mode === 'major' ? 'minor' : 'major');
  const listed: { e: KeyEvidence; role: string }[] = [];
  for (const [e, role] of [
    ...evidence.slice(1, 4).map((e, i): [KeyEvidence, string] => [e, i === 0 ? 'runner-up' : `rank ${i + 2}`]),
    [relative, 'relative'],
    [parallel, 'parallel'],
  ] as [KeyEvidence, string][]) {
    const have = listed.find((l) => l.e === e);
    if (have) have.role += `, ${role}`;
    else listed.push({ e, role });
  }
  const runnerUp = evidence[1]!;
  return {
    engine: 'key',
    decision: 'key',
    value: best.key,
    reason:
      `${best.key} scores ${best.score.toFixed(3)} (profile + ${w.bass}·bass + ${w.tonic}·tonic chord + ` +
      `${w.cadence}·cadences + ${w.diatonic}·diatonic chords + ` +
      `${w.phraseReturn}·loop returns on the tonic root + ` +
      `${w.scaleEdge}·scale edges + ` +
      `${w.ends}·first or last chord on the tonic root + ${w.vamp}·a vamp's first chord the tonic chord` +
      (w.held > 0 ? ` + ${w.held}·steady held notes on the tonic` : '') +
      '); ' +
      `over ` +
      `${runnerUp.key} ` +
      `(${runnerUp.score.toFixed(3)}): ${whyOver(best, runnerUp, w) || 'equal evidence'}`,
    inputs: {
      ...(file ? { file } : {}),
      tuningCents: result.tuningCents,
      chordSegments: chords.length,
      firstChord: first ? chordName(first) : null,
      lastChord: last ? chordName(last) : null,
      // whether the last chord counts in the ends' vote: reached by a cadence, not a loop that stops
      lastChordByCadence: arrived,
      // the last chord reached by its dominant (V→I) and held: the first chord (on another root) then votes firstVote
      lastChordByDominant: extra.dominantEnd,
      firstChordVote: extra.firstVote,
      // the song's chord time on two roots (vampShare), the first chord on one of them: a vamp
      vamp: extra.vamp,
      // time over a pedal point (a held bass under changing chords): its bass counts neither for chords nor key
      pedalSeconds: extra.pedalSeconds,
      // each pedal run's held note and role (tonic, or dominant when the music resolves a fifth below it)
      pedalRoles: extra.pedalRoles,
      // the shortest segment the first and last chords may be (endMinSeconds, or less on a fast chord rhythm)
      endChordMinSeconds: extra.endMinSeconds,
      // chord segments without a third (power chords): tonic chords of both modes
      chordsWithoutThird: chords.filter((s) => s.noThird).length,
      // per root of such chords, the mode the voices above the bass give them (their thirds summed), or both
      thirdlessModes: extra.thirdlessRoots.join('; '),
      // roots whose chords count as minor tonic chords from the whole song's minor third (tonicMinorThirdShare)
      songMinorRoots: extra.songMinorRoots,
      // the loop's returns read back from the final chord (phraseReturnWeight), when the song's phrases line up
      ...(extra.returnPeriodSeconds !== null
        ? { returnPeriodSeconds: extra.returnPeriodSeconds, phraseReturnChords: extra.phraseReturns }
        : {}),
    },
    alternatives: listed.map(({ e, role }) => ({
      value: { key: e.key, role, score: Math.round(e.score * 1000) / 1000, probability: prob(e) },
      why_not: `${e.score.toFixed(3)} < ${best.score.toFixed(3)}: ${whyOver(best, e, w) || 'equal evidence'}`,
    })),
    confidence: result.confidence,
  };
}
