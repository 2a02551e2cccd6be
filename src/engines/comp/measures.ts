/**
 * Per take × section measures (issue 15 step 1), against a reference: a MIDI guide (exact notes
 * and note-on times), a guide vocal (its activity, f0 rounded to its notes, and onsets) or, with
 * no guide, the takes in time (those whose note starts lie on the song's note-start grid, or the
 * largest group of agreeing takes: their majority activity and median envelope) with pitch taken
 * against the nearest tone of the key (or semitone) at the takes' common tuning.
 *
 * - pitch: median and 90th-percentile |cents| of voiced frames, f0 averaged over one vibrato
 *   cycle first (vibrato excluded), against the reference note;
 * - stability: rms cents of f0 around its 30 ms average (jitter, vibrato excluded);
 * - timing: the entry offset (ms, + late) maximising the correlation of the take's activity
 *   envelope with the reference's in the section, less the offset all takes share (the median over
 *   takes and sections: a voice's energy rises after its MIDI note-on in every take alike);
 *   onsetErrorMs: median distance of the onset engine's onsets to the reference onsets (reported);
 * - noise floor: the level (dBFS, gain-matched) the loudest noiseSpanSeconds (at most the loudest
 *   tenth) of the frames reach where the reference expects no voice (without a guide: nor most takes
 *   sound next to their voice), and how far it lies above the quietest take's floor there;
 * - clipped samples; level: median K-weighted loudness (LUFS scale) of the voiced frames, and its
 *   distance to what the take's and the section's usual levels predict (levelFit); missing: the
 *   share of expected-voice frames without voice, extra: the share of expected-silence frames with
 *   voice.
 * Pure: features in, numbers out.
 */
import { COMP_FRAME_PARAMETERS, COMP_MEASURE_PARAMETERS } from './params.js';
import type { TakeFeatures } from './features.js';
import { lowerBound, median as middleValue, quantile } from '../order.js';

export interface Section {
  name: string;
  startSeconds: number;
  endSeconds: number;
}

export interface GuideNote {
  onSeconds: number;
  offSeconds: number;
  /** MIDI note number. */
  midi: number;
}

/** What the takes are measured against. */
export type Guide =
  { kind: 'none'; key?: KeyScale } | { kind: 'midi'; notes: GuideNote[] } | { kind: 'audio'; features: TakeFeatures };

export interface KeyScale {
  name: string;
  /** Pitch classes of the scale (0 = C). */
  pitchClasses: number[];
}

export interface TakeSectionMeasures {
  pitchMedianCents: number | null;
  pitchP90Cents: number | null;
  /**
   * No guide: the pitch error the takes share here beyond the free 5 cents (the lowest median of the
   * takes less 5; speech and glides lie off every tone alike), taken off both pitch figures' points.
   */
  pitchCommonCents?: number | null;
  /**
   * The median of the signed pitch error (cents, + sharp; octaves folded to ±600): a detune moves every frame and
   * so the median, a vibrato or a glide into the note errs both ways and leaves it (h-comp68); null as the median.
   */
  pitchOffsetCents?: number | null;
  jitterCents: number | null;
  /** Entry offset against the reference, ms (positive: late); null when the take is silent here. */
  timingMs: number | null;
  onsetErrorMs: number | null;
  noiseFloorDbfs: number | null;
  /** noiseFloorDbfs minus the quietest take's floor in this section. */
  noiseExcessDb: number | null;
  clippedSamples: number;
  voicedLufs: number | null;
  /** voicedLufs minus what the take's and the section's usual levels predict (levelFit), LU. */
  levelDeltaLu: number | null;
  missingFraction: number;
  extraFraction: number;
  /**
   * Pooled against the other takes over the whole section (h-comp63, pooledMeasures; the take model reads them):
   * the median over the other takes of the take's lag behind each (ms, + late: the cross-correlation of their onset
   * envelopes, the takes' own latencies taken off), of its pitch above each (cents, on their common voiced frames)
   * and of its level above each (dB, on their common active frames); null where no other take compares.
   */
  pooledLagMs?: number | null;
  /** The share of the other takes compared whose lag against this one lies within pooledAgreeSeconds. */
  pooledLagAgree?: number | null;
  pooledPitchCents?: number | null;
  pooledLevelDb?: number | null;
  /**
   * Against an absolute reference over the whole section (h-comp65, absoluteTiming): the median offset of the
   * take's note starts from the nearest reference events (the MIDI guide's note-ons, the guide vocal's note starts,
   * the no-guide grid's lines), ms (+ late), less the offset all takes share and the take's own latency on this
   * reading; null where no reference (no guide and no grid) or no note start matched.
   */
  absLagMs?: number | null;
  /** The spread of those offsets (interquartile range), ms; null as absLagMs. */
  absSpreadMs?: number | null;
  /**
   * Against the section's own shape (h-comp72, phraseMeasures): the take's level above the other takes' median
   * level frame by frame, its median within each phrase, the median over the section's phrases (dB; a swell or a
   * phrase-final fade every take shares cancels, a step one take has does not); null where no phrase compares.
   */
  phraseLevelDb?: number | null;
  /**
   * The take's note starts against the other takes' nearest ones (h-comp72): per note start the median of its
   * offsets from them, the median over the section's note starts (ms, + late; the takes' latencies taken off);
   * null where no note start matched.
   */
  onsetLagMs?: number | null;
}

const dbOf = (x: number) => (x > 0 ? 10 * Math.log10(x) : -200);

/** The value at rank round(q·(n − 1)); null for none. */
function percentile(xs: number[], q: number): number | null {
  return quantile(xs, q, 'nearest') ?? null;
}

export const median = (xs: number[]) => percentile(xs, 0.5);

const NOTE_NAMES: Record<string, number> = { c: 0, d: 2, e: 4, f: 5, g: 7, a: 9, b: 11 };

/** "A minor", "F# major", "Bb" (major): the scale's pitch classes; undefined when not a key. */
export function parseKey(text: string): KeyScale | undefined {
  const m = /^\s*([A-Ga-g])\s*([#♯b♭]?)\s*(major|minor|maj|min|m)?\s*$/i.exec(text);
  if (!m) return undefined;
  let tonic = NOTE_NAMES[m[1]!.toLowerCase()]!;
  if (m[2] === '#' || m[2] === '♯') tonic += 1;
  if (m[2] === 'b' || m[2] === '♭') tonic -= 1;
  const minor = /^(minor|min|m)$/i.test(m[3] ?? '') && m[3] !== 'M';
  const steps = minor ? [0, 2, 3, 5, 7, 8, 10] : [0, 2, 4, 5, 7, 9, 11];
  const name = `${m[1]!.toUpperCase()}${m[2] ?? ''} ${minor ? 'minor' : 'major'}`;
  return { name, pitchClasses: steps.map((s) => (((tonic + s) % 12) + 12) % 12) };
}

/** Cents above MIDI 0 (MIDI number × 100) of a frequency. */
const centsOf = (hz: number) => 1200 * Math.log2(hz / 440) + 6900;

/** Per-take frame analysis shared by the measures. */
interface TakeFrames {
  db: Float32Array;
  active: Uint8Array;
  /** 0…1: how far the frame is above the activity threshold (30 dB scale). */
  soft: Float32Array;
  /** Vibrato-averaged cents per frame (NaN unvoiced) and 30 ms-averaged cents (jitter). */
  slow: Float32Array;
  fast: Float32Array;
  raw: Float32Array;
  /** Level at and above which a frame is active, dBFS (after gain). */
  thresholdDb: number;
}

function analyseTake(f: TakeFeatures, gain: number): TakeFrames {
  const n = f.ms.length;
  const g2 = gain * gain;
  const db = new Float32Array(n);
  const loud: number[] = [];
  for (let i = 0; i < n; i++) {
    db[i] = dbOf(f.ms[i]! * g2);
    if (f.ms[i]! > 0) loud.push(db[i]!);
  }
  const range = COMP_FRAME_PARAMETERS.activityRangeDb.value;
  // robust to a few very loud (clipped, noisy) or very quiet sections: the voice's typical level is
  // the median of the frames well above the quietest tenth (the rests' floor). Digital silence is a
  // rest too (a rendered guide vocal has nothing between its notes): it counts in the floor.
  const silent = n - loud.length;
  const floor = silent >= 0.1 * n ? -200 : (percentile(loud, (0.1 * n - silent) / loud.length) ?? -200);
  const voice = median(loud.filter((x) => x > floor + 15));
  const thr = Math.max(
    COMP_FRAME_PARAMETERS.activityFloorDbfs.value,
    floor + 10,
    voice === null ? Infinity : voice - range,
  );
  const active = new Uint8Array(n);
  const soft = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    active[i] = db[i]! >= thr ? 1 : 0;
    soft[i] = Math.max(0, Math.min(1, (db[i]! - thr) / range));
  }
  // f0 in cents, in runs of one note (a jump of noteBreakCents splits), averaged two ways
  const raw = new Float32Array(n).fill(NaN);
  for (let i = 0; i < n; i++) if (f.f0[i]! > 0 && active[i]) raw[i] = centsOf(f.f0[i]!);
  const hopS = f.hop / f.sampleRate;
  const slow = smoothRuns(raw, Math.max(1, Math.round(COMP_MEASURE_PARAMETERS.vibratoWindowSeconds.value / hopS)));
  const fast = smoothRuns(raw, Math.max(1, Math.round(COMP_MEASURE_PARAMETERS.jitterWindowSeconds.value / hopS)));
  return { db, active, soft, slow, fast, raw, thresholdDb: thr };
}

/** Centered moving average of `w` frames within runs of one note; run edges (2 frames) left out (NaN). */
function smoothRuns(c: Float32Array, w: number): Float32Array {
  const n = c.length;
  const out = new Float32Array(n).fill(NaN);
  const brk = COMP_MEASURE_PARAMETERS.noteBreakCents.value;
  let i = 0;
  while (i < n) {
    if (Number.isNaN(c[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && !Number.isNaN(c[j]!) && Math.abs(c[j]! - c[j - 1]!) < brk) j++;
    // run [i, j)
    if (j - i >= 6) {
      const pre = new Float64Array(j - i + 1);
      for (let k = i; k < j; k++) pre[k - i + 1] = pre[k - i]! + c[k]!;
      const half = Math.floor(w / 2);
      for (let k = i + 2; k < j - 2; k++) {
        const lo = Math.max(i, k - half);
        const hi = Math.min(j, k + half + 1);
        out[k] = (pre[hi - i]! - pre[lo - i]!) / (hi - lo);
      }
    }
    i = j;
  }
  return out;
}

/** The common tuning of voiced frames: circular mean of cents mod 100, in [−50, 50). */
export function tuningOffsetCents(series: Float32Array[]): number {
  let cs = 0;
  let sn = 0;
  for (const s of series)
    for (const c of s)
      if (!Number.isNaN(c)) {
        const a = (2 * Math.PI * c) / 100;
        cs += Math.cos(a);
        sn += Math.sin(a);
      }
  if (cs === 0 && sn === 0) return 0;
  return (Math.atan2(sn, cs) / (2 * Math.PI)) * 100;
}

export interface SungScale extends KeyScale {
  /** The pitch classes outside the key's scale that most takes sing in tune (sungScale). */
  added: number[];
}

/**
 * The key's scale with every other pitch class most takes sing in tune added (no guide): a key names
 * seven tones, a song may use more (harmonic minor's raised seventh, melodic minor's raised sixth,
 * a major song's borrowed notes). A pitch class is added when more than half of the takes (two or more)
 * hold scaleToneShare of their voiced frames within scaleToneCents of it (at the takes' common tuning):
 * a tone the takes agree on is the song's, whatever the key's name says. One detuned take cannot add one.
 */
export function sungScale(key: KeyScale, series: Float32Array[], tuning: number): SungScale {
  const M = COMP_MEASURE_PARAMETERS;
  const tol = M.scaleToneCents.value;
  const shares = series.map((s) => {
    const near = new Array<number>(12).fill(0);
    let voiced = 0;
    for (const c of s) {
      if (Number.isNaN(c)) continue;
      voiced++;
      const x = c - tuning;
      const t = Math.round(x / 100);
      if (Math.abs(x - 100 * t) <= tol) near[((t % 12) + 12) % 12]!++;
    }
    return near.map((v) => (voiced ? v / voiced : 0));
  });
  const added: number[] = [];
  if (series.length >= 2)
    for (let pc = 0; pc < 12; pc++) {
      if (key.pitchClasses.includes(pc)) continue;
      const agree = shares.filter((sh) => sh[pc]! >= M.scaleToneShare.value).length;
      if (agree > series.length / 2) added.push(pc);
    }
  return { name: key.name, pitchClasses: [...key.pitchClasses, ...added].sort((a, b) => a - b), added };
}

/** The nearest tone (cents) of `scale` (all semitones when absent) shifted by `tuning` cents. */
function nearestTone(c: number, tuning: number, scale?: KeyScale): number {
  const x = c - tuning;
  if (!scale) return Math.round(x / 100) * 100 + tuning;
  let best = Infinity;
  const base = Math.floor(x / 1200) * 1200;
  for (const oct of [-1200, 0, 1200])
    for (const pc of scale.pitchClasses) {
      const t = base + oct + pc * 100;
      if (Math.abs(t - x) < Math.abs(best - x)) best = t;
    }
  return best + tuning;
}

/**
 * The median distance (cents) of the takes' voiced frames (vibrato-averaged) from the nearest semitone at the
 * common tuning (null: no voiced frame): sung or played notes sit near one (a few cents), speech glides over
 * all pitches (a uniform spread: 25 cents).
 */
export function offTone(series: Float32Array[], tuning: number): number | null {
  const d: number[] = [];
  for (const s of series) for (const c of s) if (!Number.isNaN(c)) d.push(Math.abs(c - nearestTone(c, tuning)));
  return median(d);
}

/** Frame range [a, b) of a section. */
function frameRange(s: Section, hopS: number, n: number): [number, number] {
  return [Math.max(0, Math.round(s.startSeconds / hopS)), Math.min(n, Math.round(s.endSeconds / hopS))];
}

/**
 * The lag (frames, fractional; + = take late) maximising Σ take[i+L]·ref[i] over [a, b), searched from −maxLag
 * to +maxLag, or to +lateLag when given (the guide modes' late side extended: guideLagRange).
 */
function bestLag(
  take: ArrayLike<number>,
  ref: ArrayLike<number>,
  a: number,
  b: number,
  maxLag: number,
  refOffset = 0,
  pitch?: { cents: Float32Array; target: Float32Array },
  lateLag = maxLag,
): number | null {
  let anyTake = false;
  let anyRef = false;
  for (let i = Math.max(0, a - maxLag); i < Math.min(take.length, b + lateLag); i++) if (take[i]! > 0) anyTake = true;
  for (let i = a; i < b; i++) if (ref[i - refOffset]! > 0) anyRef = true;
  if (!anyTake || !anyRef) return null;
  const score = new Float64Array(maxLag + lateLag + 1);
  for (let L = -maxLag; L <= lateLag; L++) {
    let s = 0;
    for (let i = a; i < b; i++) {
      const j = i + L;
      if (j < 0 || j >= take.length) continue;
      s += take[j]! * ref[i - refOffset]!;
    }
    score[L + maxLag] = s;
  }
  if (pitch) {
    // the guide's notes: each frame whose pitch (per frame: the averaged tracks leave the frames around a note
    // change out, a plateau of ±2 frames) lies within timingPitchCents of the note the guide has there adds 1
    // less its distance over timingPitchCents (octaves folded). A note change pins the offset where the energy
    // of a legato phrase, saturated over the guide's notes, leaves a plateau of lags
    const W = COMP_MEASURE_PARAMETERS.timingPitchCents.value;
    const { cents, target } = pitch;
    for (let L = -maxLag; L <= lateLag; L++) {
      let s = 0;
      for (let i = a; i < b; i++) {
        const j = i + L;
        const want = target[i]!;
        if (j < 0 || j >= cents.length || Number.isNaN(want) || Number.isNaN(cents[j]!)) continue;
        const d = Math.abs(((((cents[j]! - want + 600) % 1200) + 1200) % 1200) - 600);
        if (d < W) s += 1 - d / W;
      }
      score[L + maxLag]! += s;
    }
  }
  let k = 0;
  for (let i = 1; i < score.length; i++) if (score[i]! > score[k]!) k = i;
  // the middle of a plateau of equal scores
  let k2 = k;
  while (k2 + 1 < score.length && score[k2 + 1] === score[k]) k2++;
  let at = (k + k2) / 2;
  if (k === k2 && k > 0 && k < score.length - 1) {
    const y0 = score[k - 1]!,
      y1 = score[k]!,
      y2 = score[k + 1]!;
    const d = y0 - 2 * y1 + y2;
    if (d < 0) at = k + (0.5 * (y0 - y2)) / d;
  }
  return at - maxLag;
}

export interface MeasureInput {
  takes: TakeFeatures[];
  /** Linear gain of each take (gain matching); measures of level and noise are taken after it. */
  gains: number[];
  sections: Section[];
  guide: Guide;
}

export interface MeasureOutput {
  /** [section][take]. */
  measures: TakeSectionMeasures[][];
  /** Tuning offset used for nearest-tone pitch (cents re A = 440 Hz); 0 with a MIDI guide. */
  tuningCents: number;
  /** What pitch and timing were taken against. */
  reference: 'midi' | 'guide' | 'consensus';
  /**
   * With a guide, per section: the signed pitch error the takes share, taken off before the pitch figures (cents;
   * sharedPitchOffset, pitchSharedOffset); absent when off or without a guide.
   */
  pitchSharedCents?: number[];
  /** Guide vocal: its voiced frames' median distance from a semitone at its tuning (offTone), cents. */
  guideOffToneCents?: number;
  /** The entry offset all takes share against the reference (median), ms; timingMs is taken less it. */
  timingOffsetMs: number;
  /** Each take's own latency beyond that (its median entry; 0: none), ms; its timingMs is taken less it too. */
  takeLatencyMs: number[];
  /**
   * With a guide: the entry offsets searched, ms (from −maxLagSeconds to +maxLagSeconds, or further late when the
   * first search's lags piled up at its late end: guideLagRange), and that share of the first search's lags.
   */
  timingSearchMs?: [number, number];
  atLateCap?: number;
  /** No guide: the takes' onset grid that anchors each section's timing (null: none found). */
  grid?: OnsetGrid | null;
  /** No guide: the grid found but not used, as it explains too few shared note starts (gridMinFit). */
  rejectedGrid?: OnsetGrid;
  /** No guide: each take's note starts (seconds) the grid and the timing were taken on. */
  starts?: number[][];
  /** No guide: the sections' phrase lead, used as the timing reference or not (phraseLead; a grid: leadNearer). */
  phraseLead?: PhraseLead;
  /** No guide, per section: how many takes the timing reference was (inTime) of the takes with voice there. */
  inTime?: { inTime: number; voiced: number }[];
  /** No guide with a key: the scale pitch is taken against (the key's, and the tones most takes sing; sungScale). */
  scale?: SungScale;
}

/** The distance from each section's start to its phrase, and the sections whose takes in time lie far off it. */
export interface PhraseLead {
  /** Median over sections of the in-time takes' (mean) first voice after the section's start, s. */
  leadSeconds: number;
  /** Median distance of the sections' leads from it, s: how far a section's phrase lies off it on its own. */
  spreadSeconds: number;
  /** Sections with an in-time group (the leads counted). */
  sections: number;
  /** The lead can anchor the timing: at least 3 sections. */
  used: boolean;
  /**
   * Per section: its in-time takes' first voice lies more than phraseLeadOutlierSpreads spreads off the lead
   * (their group is late or early together, not in time); there the takes at the lead are the reference.
   */
  offLead: boolean[];
  /**
   * Per section (set by measureTakes): two groups of takes were as good (a tie) and the lead tells them
   * apart (leadDecides); there too the takes at the lead are the reference.
   */
  tieBroken?: boolean[];
  /**
   * Per section (set by measureTakes): the takes nearest the lead lie clearly nearer it than the in-time group
   * (leadNearer); there too the takes at the lead are the reference.
   */
  nearer?: boolean[];
  /**
   * What the lead is read from (set by measureTakes): each take's first note start (with a grid, or without one
   * when the voice sits on semitones: offToneCents ≤ noteClockCents) or its first sound (speech).
   */
  clock?: 'note start' | 'first sound';
  /** No grid: the takes' voiced frames' median distance from a semitone (offTone), cents. */
  offToneCents?: number | null;
}

/**
 * The sections' phrase lead: per section, the mean delay from its start to the first voice of the
 * takes in time there (first[section][take], s; null without voice); over the sections their median L
 * and the median distance of the sections' delays from it (spread: a phrase's first sound lies off L on its
 * own, by its first consonant or a closure). Used over at least three sections; a section whose in-time
 * group lies more than phraseLeadOutlierSpreads spreads off L is an outlier: its group is late or early
 * together and the takes at L are in time there.
 */
export function phraseLead(first: (number | null)[][], inTime: number[][]): PhraseLead {
  // a section's lead: the mean of its in-time takes' first voice (the group lies within the consensus
  // tolerance; of two, a median would be one of them)
  const per = first.map((row, si) => {
    const xs = inTime[si]!.map((k) => row[k]).filter((x): x is number => x != null);
    return xs.length ? xs.reduce((x, y) => x + y, 0) / xs.length : null;
  });
  const leads = per.filter((x): x is number => x !== null);
  const L = median(leads) ?? 0;
  const spread = median(leads.map((x) => Math.abs(x - L))) ?? Infinity;
  const used = leads.length >= 3;
  const k = COMP_MEASURE_PARAMETERS.phraseLeadOutlierSpreads.value;
  return {
    leadSeconds: L,
    spreadSeconds: spread,
    sections: leads.length,
    used,
    offLead: per.map((x) => used && x !== null && Math.abs(x - L) > k * spread),
  };
}

/**
 * Whether the phrase lead L tells a section's takes apart: the takes whose first voice (s after the
 * section's start; null: none) lies within consensusToleranceSeconds of the one nearest L (the group
 * consensusTiming takes as in time against L) lie nearer L than every other take by more than that
 * tolerance (two takes 40 ms either side of L are not told apart by it).
 */
export function leadDecides(first: (number | null)[], L: number): boolean {
  const tol = COMP_MEASURE_PARAMETERS.consensusToleranceSeconds.value;
  const d = first.filter((x): x is number => x !== null).map((x) => x - L);
  if (d.length < 2) return false;
  const near = d.reduce((x, y) => (Math.abs(y) < Math.abs(x) ? y : x));
  const group = d.filter((x) => Math.abs(x - near) <= tol);
  const far = d.filter((x) => Math.abs(x - near) > tol);
  const edge = Math.max(...group.map(Math.abs));
  return far.every((x) => Math.abs(x) - edge > tol);
}

/**
 * Whether the takes nearest the phrase lead L (the take whose first voice, s after the section's start, lies
 * nearest L and those within consensusToleranceSeconds of it) lie more than phraseLeadMarginSpreads spreads
 * (the lead's spread over the sections) nearer L (their mean distance) than the in-time group `inTime` does,
 * and are not that group: then the group in time by agreement is late or early together and outnumbers the
 * take at the lead, or (with a grid) holds takes a whole grid line off, which the grid reads as in time.
 */
export function leadNearer(first: (number | null)[], inTime: number[], L: number, spread: number): boolean {
  const tol = COMP_MEASURE_PARAMETERS.consensusToleranceSeconds.value;
  const margin = COMP_MEASURE_PARAMETERS.phraseLeadMarginSpreads.value * spread;
  const voiced = first.flatMap((x, k) => (x === null ? [] : [k]));
  const mine = inTime.filter((k) => first[k] != null);
  if (voiced.length < 2 || mine.length === 0) return false;
  const near = voiced.reduce((x, y) => (Math.abs(first[y]! - L) < Math.abs(first[x]! - L) ? y : x));
  const group = voiced.filter((k) => Math.abs(first[k]! - first[near]!) <= tol);
  if (group.length === mine.length && group.every((k) => mine.includes(k))) return false;
  // how far a group's takes lie from L (mean distance: a group holding a take a grid line late and one a line
  // early does not average to L)
  const off = (ks: number[]) => ks.reduce((x, k) => x + Math.abs(first[k]! - L), 0) / ks.length;
  return off(mine) - off(group) > margin;
}

/**
 * A take's first note start (noteStarts, as the grid was found on) in a section, s after its start (null:
 * none): the first at or after the section's start less maxLagSeconds (an early entry of the section's
 * first note may lie before it).
 */
function firstStart(starts: number[], s: Section): number | null {
  const from = s.startSeconds - COMP_MEASURE_PARAMETERS.maxLagSeconds.value;
  const t = starts.find((x) => x >= from && x < s.endSeconds);
  return t === undefined ? null : t - s.startSeconds;
}

/**
 * The offset (ms) every take shares against the reference: windows of commonOffsetWindowSeconds slide over
 * the sorted entries; among those holding at least commonOffsetShare of the densest one's count, the one
 * whose median lies nearest 0 (ties: more entries; a median before 0 counts commonOffsetEarlyWeight times its
 * distance), refined twice to the median of the entries within half a window of it. Takes in time (or all takes
 * under a session's latency) sit within a few ms of each other, while late or early takes scatter over 30–120 ms:
 * a late majority outnumbers them but does not sit as tight.
 * With `sections` (each entry's section; the guide modes), a window competes only when it also holds entries of
 * at least commonOffsetSectionShare (0.95) of the sections the most widely spread window holds: every section has
 * a take in time (its clean take, and the takes whose defect is not timing), so the in-time window reaches every
 * section, while a late or early group fills a 25 ms window only in the sections where its scattered entries
 * happen to meet (h-comp24). It tells a late majority (held-out-13 2703: the clean takes at +4…+33 ms in all 8
 * sections, 17 late entries at +42…+126, their densest window in 6) from a slow attack's spread (held-out-17 3407:
 * an early group's window nearer 0, in fewer sections than the takes in time). Logged alternatives (via the
 * cache, MIDI guide / guide vocal; held-out-15 of 64/84, -16 of 54, -17 of 66, -18 of 54/64 (TiMidity's initial
 * silence kept), held-out-13 MIDI of 64; main 55/80, 35/39, 45/41, 29/46, 63): commonOffsetShare 0.8 instead
 * (h-comp23) 58/81, 41/38, 47/45, 34/46 but 55 on held-out-13 (every section of 2703 lost); each take's own most
 * repeated offset (its densest window, when it holds half its entries) 58/76, 36/37, 47/44, 29/45, held-out-13 61,
 * -14 23/24 (a take late in four of six sections, its late entries by chance within 16 ms: 2703 take 4, read in
 * time); the section share 0.8 58/80, 36/37, 45/42, 34/46; **0.95** (0.84…1 alike) 58/81, 41/37, 47/45, 34/46,
 * held-out-13 63 and every set from tuning to held-out-14 as main.
 * Logged alternative: the median of all entries (a majority vote: held-out-13 2703 and 2801 lost every
 * section with a guide, the clean takes read 53–73 ms early). Before 0 a window counts double
 * (commonOffsetEarlyWeight 2): a session's latency and a sung note's rise after its note-on put every take after
 * the guide, so a window before it is an early group (held-out-14 2902: a 35 ms latency, three early kinds in
 * four; the early group at −53 ms lay as near 0 as the takes in time at +48 ms and was taken at weight 1). The takes
 * in time of every sung tuning song read +3…+20 ms against the MIDI guide without a latency: none before 0.
 */
export function commonOffset(lags: number[], sections?: number[]): number {
  if (!lags.length) return 0;
  const order = lags.map((_, i) => i).sort((a, b) => lags[a]! - lags[b]!);
  const xs = order.map((i) => lags[i]!);
  const w = COMP_MEASURE_PARAMETERS.commonOffsetWindowSeconds.value * 1000;
  const windows: { n: number; c: number; covered: number }[] = [];
  for (let i = 0, j = 0; i < xs.length; i++) {
    while (j < xs.length && xs[j]! <= xs[i]! + w) j++;
    const covered = sections ? new Set(order.slice(i, j).map((k) => sections[k]!)).size : j - i;
    windows.push({ n: j - i, c: median(xs.slice(i, j))!, covered });
  }
  const most = Math.max(...windows.map((x) => x.n));
  const widest = Math.max(...windows.map((x) => x.covered));
  const share = COMP_MEASURE_PARAMETERS.commonOffsetShare.value;
  const cover = sections ? COMP_MEASURE_PARAMETERS.commonOffsetSectionShare.value : 0;
  const early = COMP_MEASURE_PARAMETERS.commonOffsetEarlyWeight.value;
  let best = windows[0]!;
  let bestKey = Infinity;
  for (const x of windows) {
    if (x.n < share * most || x.covered < cover * widest) continue;
    const key = x.c >= 0 ? x.c : -x.c * early;
    if (key < bestKey - 1e-9 || (Math.abs(key - bestKey) <= 1e-9 && x.n > best.n)) [best, bestKey] = [x, key];
  }
  let c = best.c;
  for (let it = 0; it < 2; it++) {
    const near = xs.filter((x) => Math.abs(x - c) <= w / 2);
    if (near.length) c = median(near)!;
  }
  return c;
}

/**
 * A take's own latency, ms (0: none), from its entry offsets (one per section, ms, after the shared offset): the
 * median of its densest commonOffsetWindowSeconds-wide window when that holds at least takeLatencyShare of them,
 * on at least takeLatencyMinSections, and lies at least takeLatencyMinMs off. A take recorded later or earlier than
 * the others reads off by one amount in every section; a take late or early in many sections by differing amounts
 * (defects) has no such window. `bounds`: its entries at an end of the search (no reading): in no window, they
 * count among its entries.
 */
export function ownLatency(entries: number[], bounds = 0): number {
  const P = COMP_MEASURE_PARAMETERS;
  const own = [...entries].sort((a, b) => a - b);
  const total = own.length + bounds;
  if (total < P.takeLatencyMinSections.value) return 0;
  const width = P.commonOffsetWindowSeconds.value * 1000;
  let [from, to] = [0, 0];
  for (let i = 0, j = 0; i < own.length; i++) {
    while (own[i]! - own[j]! > width) j++;
    if (i + 1 - j > to - from) [from, to] = [j, i + 1];
  }
  const med = median(own.slice(from, to)) ?? 0;
  return to - from >= P.takeLatencyShare.value * total && Math.abs(med) >= P.takeLatencyMinMs.value ? med : 0;
}

/**
 * The guide modes' search range: the late end of the lags searched (frames). A session's latency plus a slow
 * attack (a pad's, a bowed note's) can put every take past maxLagSeconds late: the lags pile up at the search's
 * late end and timing no longer tells a late take from one in time (held-out-17 3402: an 85 ms latency and a new
 * age pad, every take read the cap). When at least lagCapShare of the lags (every take and section, null left
 * out) lie within a frame of +maxLag, the late end is searched again to twice maxLag; the early end stays
 * (before the guide there is no latency, only an early take). h-comp23's rule (not merged then: it came with
 * commonOffsetShare 0.8, which lost held-out-13 2703); taken here with the section cover (commonOffsetSectionShare)
 * in commonOffset and commonOffsetShare at 0.5. Logged alternatives: see commonOffsetSectionShare in params.ts.
 */
export function guideLagRange(lags: (number | null)[], maxLag: number): { lateLag: number; atCap: number } {
  const xs = lags.filter((x): x is number => x !== null);
  const atCap = xs.length ? xs.filter((x) => x >= maxLag - 1).length / xs.length : 0;
  const extend = xs.length > 0 && atCap >= COMP_MEASURE_PARAMETERS.lagCapShare.value;
  return { lateLag: extend ? 2 * maxLag : maxLag, atCap };
}

/**
 * A take's first sound in a section, s after its start (null: none): the first fine-envelope tick at or
 * over the take's activity threshold in a frame of its runs of voiced sound (voicedRun), so a noise burst
 * apart from the voice is not it and the phrase's start is read to the fine envelope's resolution.
 */
function firstSound(t: TakeFeatures, fr: TakeFrames, run: Uint8Array, gain: number, s: Section): number | null {
  const tick = t.fineHop / t.sampleRate;
  const g2 = gain * gain;
  const from = Math.max(0, Math.ceil(s.startSeconds / tick));
  const to = Math.min(t.fine.length, Math.floor(s.endSeconds / tick));
  for (let j = from; j < to; j++) {
    const i = Math.floor((j * t.fineHop) / t.hop);
    if (i < run.length && run[i] && dbOf(t.fine[j]! * g2) >= fr.thresholdDb) return j * tick - s.startSeconds;
  }
  return null;
}

/**
 * The rest frames the noise floor reads, less a phrase's own edges (h-comp78, edgeOverFloorDb): frames joined to
 * the voice the reference expects (`expect`) through frames all `overDb` or more over the take's floor in these
 * rests (their lowest tenth, `low`: the caller's restLow, the floor the burst and click readings stand on too).
 * Before a phrase's start: the loud runs ending at most `breathGap` before it, at most `breathFrames` back (a breath
 * ends just before the phrase). After a phrase's end: the frames on from it while the level does not rise `riseDb`
 * over the lowest it has reached since (a room's tail decays; a burst rising out of it does not), the guard's frames
 * joined whatever their level. A burst apart from the phrase edges stays; where every
 * frame is an edge, the rests' floor alone.
 */
export function phraseEdges(
  db: Float32Array,
  expect: (i: number) => number | undefined,
  gapDb: number[],
  gapAt: number[],
  a: number,
  b: number,
  guard: number,
  overDb: number,
  breathFrames: number,
  breathGap: number,
  riseDb: number,
  low: number,
): number[] {
  if (gapDb.length === 0) return gapDb;
  const loud = (i: number) => i >= 0 && i < db.length && db[i]! >= low + overDb;
  const edge = new Uint8Array(b - a);
  // breaths: back from each phrase start in the section or just past its end, the loud runs that end at most
  // `breathGap` before it (a breath ends just before the phrase, often a short silence between; the take's own
  // voice may start early), at most `breathFrames` back; a run ending further off (a burst) ends the search
  for (let s = a + 1; s < b + breathFrames; s++) {
    if (!expect(s) || expect(s - 1)) continue;
    const first = Math.max(0, s - breathFrames);
    for (let i = s - 1; i >= first && !expect(i);) {
      if (!loud(i)) {
        i--;
        continue;
      }
      if (s - 1 - i > breathGap) break;
      for (; i >= first && !expect(i) && loud(i); i--) if (i >= a && i < b) edge[i - a] = 1;
    }
  }
  // tails: on from each phrase end in the section or before it, while the level decays
  for (let e = Math.max(1, a - 4 * breathFrames); e < b; e++) {
    if (!expect(e - 1) || expect(e)) continue;
    let lowest = Infinity;
    for (let i = e; i < b; i++) {
      const d = i < db.length ? db[i]! : -200;
      if (expect(i) || (i - e >= guard && (!loud(i) || d > lowest + riseDb))) break;
      lowest = Math.min(lowest, d);
      if (i >= a) edge[i - a] = 1;
    }
  }
  const kept = gapDb.filter((_, j) => !edge[gapAt[j]! - a]);
  return kept.length ? kept : [low];
}

/**
 * The ticks a burst with an abrupt onset starts on (h-comp80, burstJumpDb), from tick `from` to before `to`: on the
 * 1 ms envelope `fine`, a tick `jumpDb` or more over the loudest of the `refTicks` ticks that end `riseTicks` before
 * it, with the loudest of the `afterTicks` ticks after it less than `jumpDb` / 2 over it: most of the event's rise
 * lies within `riseTicks`. A click, crackle, pop or bump rises so in under 2 ms; a breath or a voice's attack rises
 * over tens of ms (on a frame's 10 ms both look alike), and a linear rise of 30 ms out of a quiet room, steep in dB
 * at its start, still has most of its rise ahead. Digital silence is no onset.
 */
export function abruptOnsets(
  fine: Float32Array,
  from: number,
  to: number,
  jumpDb: number,
  riseTicks: number,
  refTicks: number,
  afterTicks: number,
): number[] {
  const out: number[] = [];
  const jump = 10 ** (jumpDb / 10);
  const most = 10 ** (jumpDb / 20);
  for (let j = Math.max(from, riseTicks + refTicks); j < Math.min(to, fine.length); j++) {
    const x = fine[j]!;
    if (!(x > 0)) continue;
    let ref = 0;
    for (let r = j - riseTicks - refTicks; r < j - riseTicks; r++) ref = Math.max(ref, fine[r]!);
    if (!(ref > 0) || x < ref * jump) continue;
    let next = 0;
    for (let r = j + 1; r <= Math.min(fine.length - 1, j + afterTicks); r++) next = Math.max(next, fine[r]!);
    if (next < x * most) out.push(j);
  }
  return out;
}

/**
 * A click train in a take's rests (h-comp83, clickOverDb): the level, dB over `low`, that at least two short events
 * reach — each a run of frames `overDb` or more over `low`, at most `maxFrames` long, standing out of the frames on
 * either side by `overDb` / 2 or more (a click track's blip, a tick, not a breath's or a burst of hiss's smooth rise
 * and fall), every frame of it and those on either side allowed by `ok` (a rest: not the voice the reference expects,
 * not its tail), and alone: no other frame `overDb` over `low` within `quietFrames` on either side (blips a beat
 * apart, not one sound's flutter across the threshold). Returns the second-loudest event's peak over `low` (one event
 * is no train), or null. `db` per frame, `from` … `to` the section's frames. (A click track's 2–4 blips on the beat: on
 * a 10 ms grid two of them tell no period, so no spacing is asked beyond `quietFrames`.)
 */
export function clickTrain(
  db: Float32Array,
  from: number,
  to: number,
  low: number,
  overDb: number,
  maxFrames: number,
  quietFrames: number,
  ok: (i: number) => boolean,
): number | null {
  const thr = low + overDb;
  const peaks: number[] = [];
  let i = Math.max(from, 1);
  const end = Math.min(to, db.length - 1);
  while (i < end) {
    if (!(db[i]! >= thr)) {
      i++;
      continue;
    }
    let j = i;
    let peak = -Infinity,
      fine = ok(i - 1);
    for (; j < end && db[j]! >= thr; j++) {
      peak = Math.max(peak, db[j]!);
      fine = fine && ok(j);
    }
    let alone = true;
    for (let x = Math.max(from, i - quietFrames); x < Math.min(end, j + quietFrames) && alone; x++)
      alone = (x >= i && x < j) || !(db[x]! >= thr);
    if (fine && alone && j < end && ok(j) && j - i <= maxFrames && Math.max(db[i - 1]!, db[j]!) <= peak - overDb / 2)
      peaks.push(peak);
    i = j;
  }
  if (peaks.length < 2) return null;
  peaks.sort((p, q) => q - p);
  return peaks[1]! - low;
}

export function measureTakes(input: MeasureInput): MeasureOutput {
  // each take analysed once, for the measures and the pooled measures alike (the frames are only read)
  const analysed = input.takes.map((t, k) => analyseTake(t, input.gains[k]!));
  const out = measureTakesLatent(input, analysed);
  const pooled = pooledMeasures(input.takes, input.gains, input.sections, out.takeLatencyMs, analysed);
  out.measures.forEach((row, s) => row.forEach((m, k) => Object.assign(m, pooled[s]![k]!)));
  const abs = absoluteTiming(input, out);
  out.measures.forEach((row, s) => row.forEach((m, k) => Object.assign(m, abs[s]![k]!)));
  const phrase = phraseMeasures(input.takes, input.gains, input.sections, out.takeLatencyMs, analysed);
  out.measures.forEach((row, s) => row.forEach((m, k) => Object.assign(m, phrase[s]![k]!)));
  return out;
}

/** The measures, each take's latency (no guide: read on the pitch contours first) taken off. */
function measureTakesLatent(input: MeasureInput, analysed: TakeFrames[]): MeasureOutput {
  if (input.guide.kind !== 'none' || input.takes.length < 2) return measureTakesOnce(input, analysed);
  // no guide: each take's latency read on the pitch contours (contourTiming) taken off its features before the
  // takes are measured against each other (a latent take does not pull the consensus), added back to its latency
  const { takes, sections } = input;
  const t0 = takes[0]!;
  const hopS = t0.hop / t0.sampleRate;
  const n = Math.max(...takes.map((t) => t.ms.length));
  // a take its latency does not move keeps its frames (analysed) for the measures
  const lat = contourTiming(
    analysed.map((a) => a.slow),
    sections,
    hopS,
    n,
  ).latencyMs;
  if (lat.every((L) => L === 0)) return measureTakesOnce(input, analysed);
  const shifted = takes.map((t, k) => {
    const L = lat[k]! / 1000;
    if (L === 0) return t;
    const move = <T extends Float32Array | Uint16Array>(a: T, d: number): T => {
      const out = new (a.constructor as new (len: number) => T)(a.length);
      for (let i = 0; i < a.length; i++) {
        const j = i + d;
        if (j >= 0 && j < a.length) out[i] = a[j]!;
      }
      return out;
    };
    const d = Math.round((L * t.sampleRate) / t.hop);
    const df = Math.round((L * t.sampleRate) / t.fineHop);
    return {
      ...t,
      ms: move(t.ms, d),
      kms: move(t.kms, d),
      ...(t.dms ? { dms: move(t.dms, d) } : {}),
      clips: move(t.clips, d),
      f0: move(t.f0, d),
      fine: move(t.fine, df),
      onsets: t.onsets.map((x) => x - L).filter((x) => x >= 0),
    };
  });
  const out = measureTakesOnce(
    { ...input, takes: shifted },
    analysed.map((a, k) => (lat[k] === 0 ? a : null)),
  );
  out.takeLatencyMs = out.takeLatencyMs.map((x, k) => x + lat[k]!);
  if (out.starts) out.starts = out.starts.map((xs, k) => xs.map((x) => x + lat[k]! / 1000));
  return out;
}

/** The measures on the takes as given; `analysed`: frames already computed for these takes (null: compute). */
/**
 * h-comp74: with a guide, the signed pitch error every take shares (the median of the takes' pitchOffsetCents over
 * the song, pitchSharedOffset 1, or over each section's takes, 2) is no take's defect: a song sung or played off the
 * guide's tuning as a whole (the clean takes of held-out-30 4704 read +17 cents against the MIDI notes, a take
 * detuned by −34 read −9) or a guide vocal off as a whole. It is taken off every frame's error (octaves folded) and
 * the pitch figures read again, in place; returns the offset per section (null: off).
 */
export function sharedPitchOffset(measures: TakeSectionMeasures[][], signedBy: number[][][]): number[] | null {
  const mode = COMP_MEASURE_PARAMETERS.pitchSharedOffset.value;
  if (mode === 0) return null;
  const offsetsOf = (row: TakeSectionMeasures[]) =>
    row.map((m) => m.pitchOffsetCents).filter((x): x is number => x !== null && x !== undefined);
  const song = median(measures.flatMap(offsetsOf)) ?? 0;
  const fold = (c: number) => ((((c + 600) % 1200) + 1200) % 1200) - 600;
  return measures.map((row, si) => {
    // what lies within pitchFreeCents of the guide costs nothing already: only the shared offset beyond it is taken off
    const raw = mode === 2 ? (median(offsetsOf(row)) ?? 0) : song;
    const o = Math.sign(raw) * Math.max(0, Math.abs(raw) - COMP_MEASURE_PARAMETERS.pitchFreeCents.value);
    if (o !== 0)
      row.forEach((m, k) => {
        const signed = signedBy[si]![k]!.map((e) => fold(e - o));
        m.pitchMedianCents = percentile(
          signed.map((e) => Math.abs(e)),
          0.5,
        );
        m.pitchP90Cents = percentile(
          signed.map((e) => Math.abs(e)),
          0.9,
        );
        m.pitchOffsetCents = percentile(signed, 0.5);
      });
    return o;
  });
}

function measureTakesOnce(input: MeasureInput, analysed: (TakeFrames | null)[] = []): MeasureOutput {
  const { takes, gains, sections, guide } = input;
  const f0 = takes[0]!;
  const hopS = f0.hop / f0.sampleRate;
  const n = Math.max(...takes.map((t) => t.ms.length));
  const frames = takes.map((t, k) => analysed[k] ?? analyseTake(t, gains[k]!));
  const N = takes.length;
  const guard = Math.round(COMP_FRAME_PARAMETERS.gapGuardSeconds.value / hopS);
  const maxLag = Math.max(1, Math.round(COMP_MEASURE_PARAMETERS.maxLagSeconds.value / hopS));
  const at = (a: ArrayLike<number>, i: number) => (i < a.length ? a[i]! : 0);

  // the reference per take: expected activity, soft envelope, target cents (NaN: nearest tone), onsets
  let tuning = 0;
  const target = new Float32Array(n).fill(NaN);
  let refActive: (k: number) => Uint8Array;
  let refSoft: (k: number) => Float32Array;
  let refOnsets: (k: number) => number[][];
  let kind: MeasureOutput['reference'];
  // a guide vocal's voiced frames' median distance from a semitone (offTone): a sung guide lies on notes, speech not
  let guideOffTone: number | null = null;
  const consensusActive = new Uint8Array(guide.kind === 'none' ? n : 0);
  let pitchedNear: Uint8Array[] = [];
  // no guide: frames where more than half of the takes are active in a run of sound that holds pitched
  // voice (speech's unvoiced consonants, a breath before a note): part of the performance, not noise in a
  // rest (a noise burst apart from the voice is not, even where several takes have one in one place)
  const sharedSound = new Uint8Array(guide.kind === 'none' ? n : 0);
  let voicedRuns: Uint8Array[] = [];
  if (guide.kind === 'midi') {
    kind = 'midi';
    const act = new Uint8Array(n);
    for (const note of guide.notes) {
      const a = Math.max(0, Math.round(note.onSeconds / hopS));
      const b = Math.min(n, Math.round(note.offSeconds / hopS));
      for (let i = a; i < b; i++) {
        act[i] = 1;
        target[i] = note.midi * 100;
      }
    }
    const soft = Float32Array.from(act);
    const ons = guide.notes.map((x) => x.onSeconds);
    refActive = () => act;
    refSoft = () => soft;
    refOnsets = () => [ons];
  } else if (guide.kind === 'audio') {
    kind = 'guide';
    const g = analyseTake(guide.features, 1);
    const gt = tuningOffsetCents([g.slow]);
    for (let i = 0; i < Math.min(n, g.slow.length); i++)
      if (!Number.isNaN(g.slow[i]!)) target[i] = nearestTone(g.slow[i]!, gt);
    const act = new Uint8Array(n);
    act.set(g.active.subarray(0, n));
    const soft = new Float32Array(n);
    soft.set(g.soft.subarray(0, n));
    refActive = () => act;
    refSoft = () => soft;
    refOnsets = () => [guide.features.onsets];
    tuning = gt;
    guideOffTone = offTone([g.slow], gt);
  } else {
    kind = 'consensus';
    tuning = tuningOffsetCents(frames.map((f) => f.slow));
    // expected voice: at least half of all the takes have pitched voice there (a take's voice counts
    // where it is pitched within 20 ms: a noise burst in one take must not make the others look as if
    // they left something out). Timing is taken against the takes' consensus per section below.
    const act = consensusActive;
    const need = Math.max(1, N / 2);
    pitchedNear = takes.map((t) => {
      const v = new Uint8Array(n);
      const f = t.f0;
      for (let i = 0; i < f.length; i++)
        if (f[i]! > 0) for (let d = -2; d <= 2; d++) if (i + d >= 0 && i + d < n) v[i + d] = 1;
      return v;
    });
    voicedRuns = frames.map((f, j) => voicedRun(f.active, pitchedNear[j]!, hopS));
    for (let i = 0; i < n; i++) {
      let c = 0;
      let heard = 0;
      for (let j = 0; j < N; j++) {
        if (at(frames[j]!.active, i) && pitchedNear[j]![i]) c++;
        if (voicedRuns[j]![i]) heard++;
      }
      act[i] = c >= need ? 1 : 0;
      sharedSound[i] = heard > N / 2 ? 1 : 0;
    }
    refActive = () => act;
    refSoft = () => Float32Array.from(act); // unused: timing is taken by consensusTiming
    refOnsets = (k) => takes.filter((_, j) => j !== k || N === 1).map((t) => t.onsets);
  }
  const scale =
    guide.kind === 'none' && guide.key
      ? sungScale(
          guide.key,
          frames.map((f) => f.slow),
          tuning,
        )
      : undefined;

  // no guide: note starts from each take's own pitch track (the onset engine also fires on consonants
  // and vowel changes), the song's grid from them, each section's in-time takes by their distance to it
  const found = kind === 'consensus' ? frames.map((f) => noteStarts(f.raw, hopS)) : [];
  let starts = found.map((x) => x.map((y) => y.seconds));
  let grid = kind === 'consensus' && N > 1 ? onsetGrid(starts, sections) : null;
  if (grid) {
    // a pitch step is read later than a start after a rest (the pitch track moves over a few frames):
    // step starts are moved by the median difference of the two kinds' distances to the grid
    const g = grid;
    const tol = 2 * COMP_MEASURE_PARAMETERS.consensusToleranceSeconds.value;
    const dev = (t: number) => {
      const x = (((t - g.phaseSeconds) % g.periodSeconds) + g.periodSeconds) % g.periodSeconds;
      return x >= g.periodSeconds / 2 ? x - g.periodSeconds : x;
    };
    const of = (step: boolean) =>
      median(
        found
          .flat()
          .filter((x) => x.step === step)
          .map((x) => dev(x.seconds))
          .filter((d) => Math.abs(d) <= tol),
      );
    const gapDelay = of(false);
    const stepDelay = of(true);
    if (gapDelay !== null && stepDelay !== null) {
      starts = found.map((x) => x.map((y) => (y.step ? y.seconds - stepDelay + gapDelay : y.seconds)));
      grid = onsetGrid(starts, sections);
      // the grid found before the correction is a candidate too, judged on the same (corrected) starts: the
      // correction moves the resultant's period, and with few starts (57 in a 146-bpm song) it can settle
      // 1.7 % off the notes, drifting by whole lines over the song. It replaces a grid the song has (its fit
      // reaches gridMinFit), never makes one for a song without (speech: 9 shared starts fit some period)
      if (grid) grid = preferFit(grid, [{ ...g, fit: gridFit(starts, g) }]);
    }
  }
  // a grid that explains too few of the notes most takes share is none (speech: a period whose
  // resultant passes by chance on many starts): each section's timing then comes from the takes alone
  let rejectedGrid: OnsetGrid | undefined;
  if (grid && grid.fit != null && grid.fit < COMP_MEASURE_PARAMETERS.gridMinFit.value) {
    rejectedGrid = grid;
    grid = null;
  }
  const timingOf = (deviations: (si: number) => (number | null)[] | null) =>
    sections.map((s, si) => {
      const [a, b] = frameRange(s, hopS, n);
      return consensusTiming(
        frames.map((f) => f.soft),
        a,
        b,
        maxLag,
        hopS,
        deviations(si),
      );
    });
  let consensus =
    kind === 'consensus'
      ? timingOf((si) => (grid ? starts.map((t) => gridDeviation(t, sections[si]!, grid)) : null))
      : [];
  // where the sections were cut at one distance before their phrases (on bar lines, or a cue list), that
  // distance is a clock the takes cannot move: a section whose takes are late or early together is read
  // against it (phraseLead; the first note start with a grid, where it only tells which grid line a group is on:
  // leadNearer; without one the first note start too when the voice sits on semitones (offTone ≤ noteClockCents:
  // sung or played notes, whose first sound — a consonant, a breath — is no clock), else the first voice on the
  // fine envelope (speech: its note starts are no clock). Logged alternatives (no guide, every tuning set): the
  // first sound without a grid (main): held-out-13 48/79, 2701 (158 bpm), 2702 (172), 2707 (139) no grid; the
  // first note start always: held-out-13 57, but 15 speech sections lost elsewhere (951 → 936 on the other sets);
  // whichever clock has the smaller spread: held-out-13 57, 6 speech sections lost)
  let lead: PhraseLead | null = null;
  if (kind === 'consensus' && N > 1) {
    const tonal = offTone(
      frames.map((f) => f.slow),
      tuning,
    );
    const notes = grid !== null || (tonal !== null && tonal <= COMP_MEASURE_PARAMETERS.noteClockCents.value);
    const first = sections.map((s) =>
      takes.map((t, k) =>
        notes ? firstStart(starts[k]!, s) : firstSound(t, frames[k]!, voicedRuns[k]!, gains[k]!, s),
      ),
    );
    lead = phraseLead(
      first,
      consensus.map((c) => c.inTime),
    );
    lead.clock = notes ? 'note start' : 'first sound';
    if (!grid) lead.offToneCents = tonal;
    // with a grid the lead only tells which line a group is on (leadNearer): a section's timing is the grid's
    if (grid) lead.offLead = lead.offLead.map(() => false);
    // and a section where two groups of takes were as good (a tie: all takes were the reference) when the
    // lead tells them apart (leadDecides)
    const L0 = lead.leadSeconds;
    lead.tieBroken = consensus.map((c, si) => !grid && lead!.used && c.tied && leadDecides(first[si]!, L0));
    // and a section whose takes nearest the lead lie clearly nearer it than the in-time group (leadNearer):
    // a late or early group that outnumbers the take in time
    lead.nearer = consensus.map((c, si) => lead!.used && leadNearer(first[si]!, c.inTime, L0, lead!.spreadSeconds));
    const byLeadHere = consensus.map((_, si) => lead!.offLead[si]! || lead!.tieBroken![si]! || lead!.nearer![si]!);
    if (byLeadHere.some(Boolean)) {
      const L = lead.leadSeconds;
      const byLead = timingOf((si) => first[si]!.map((x) => (x === null ? null : x - L)));
      consensus = consensus.map((c, si) => (byLeadHere[si] ? byLead[si]! : c));
    }
  }
  // with a guide, each take's entry offset against it per section (bestLag), and the offset all takes share
  // (commonOffset: a session's latency, a note's rise after its note-on)
  // on the offsets inside the range searched: one within a frame of its late end is a bound, not a reading
  // (takes late past the end pile up there and make the densest window)
  const lagsTo = (lateLag: number): (number | null)[][] =>
    sections.map((s) => {
      const [a, b] = frameRange(s, hopS, n);
      return takes.map((_, k) => {
        if (kind === 'consensus') return null;
        let expected = 0;
        const ra = refActive(k);
        for (let i = a; i < b; i++) if (ra[i]) expected++;
        if (expected === 0) return null;
        const fr = frames[k]!;
        const pitch = kind === 'midi' ? { cents: fr.raw, target } : undefined;
        return bestLag(fr.soft, refSoft(k), a, b, maxLag, 0, pitch, lateLag);
      });
    });
  let guideLags = lagsTo(maxLag);
  const lagRange = guideLagRange(guideLags.flat(), maxLag);
  if (lagRange.lateLag > maxLag) guideLags = lagsTo(lagRange.lateLag);
  const inRange = (x: number | null): x is number => x !== null && x < lagRange.lateLag - 1;
  const common =
    kind === 'consensus'
      ? 0
      : commonOffset(
          guideLags.flat().flatMap((x) => (inRange(x) ? [x * hopS * 1000] : [])),
          guideLags.flatMap((row, si) => row.flatMap((x) => (inRange(x) ? [si] : []))),
        );
  // the guide moved by a take's reading, the shared offset plus its own latency (ownLatency on its entries less
  // that offset), is where its voice is expected (missing/extra voice) and which note it sings (pitch): a take late
  // only by the session's latency is not short of voice at the notes' starts, nor does its reverb tail or late note
  // end count as extra voice (held-out-15 3107: voice oohs with reverb, 40 ms latency, the late-by-latency clean
  // takes read 24–88 % extra and lost every section); a take recorded later than the others sings each note late by
  // its own latency too (held-out-25: a latent clean take read the previous note over each note's first frames and
  // missed the guide's note starts: pitch 7 + missing/extra 4 of the 16 guide-vocal misses, 6 + 2 of the 14 MIDI).
  // Both guide kinds (h-comp33, held-out-20…25, MIDI / guide vocal of 354 / 414, main 287 / 336: the shared offset
  // and own latency in both 289 / 348; own latency alone on the guide vocal 289 / 343: it gains nothing where every
  // take reads off the guide vocal by a shared amount, held-out-23 4003, 4004, 4007, 4010, 4012). Where the shared
  // offset is a latent take's and a take's defects leave it no own-latency window, that take is read on the guide
  // moved by the other's latency (held-out-24 4105 at 0/30/60/0 ms: offset 58 ms, take 0's 58 ms late sections read
  // in time — in timing already before, now in voice too — and tie the clean take: lost in both forms). The take's
  // timing has the same own latency taken off below.
  // An entry within a frame of either end of the search is a bound, not a reading (a take late past the end): in
  // no window, counted among the entries (a whole session 60 ms late: one take's three late sections pile at the
  // end, 90 ms, and read as its latency if taken as readings; another's 40, 50, 60 of 5 readings fill a window, but
  // not 3 of 6)
  const bound = (x: number | null) => x !== null && (!inRange(x) || x <= -maxLag + 1);
  const guideLatencyMs =
    kind === 'consensus'
      ? []
      : takes.map((_, k) => {
          const mine = guideLags.map((row) => row[k]!).filter((x): x is number => x !== null);
          return ownLatency(
            mine.filter((x) => !bound(x)).map((x) => x * hopS * 1000 - common),
            mine.filter(bound).length,
          );
        });
  const shiftOf = (k: number) => (kind === 'consensus' ? 0 : Math.round((common + guideLatencyMs[k]!) / 1000 / hopS));
  // each take's signed pitch errors per section, kept for the offset the takes share (sharedPitchOffset)
  const signedBy: number[][][] = sections.map(() => takes.map(() => []));
  const measures: TakeSectionMeasures[][] = sections.map((s, si) => {
    const [a, b] = frameRange(s, hopS, n);
    // no guide: the voice expected in this section is where at least half the takes in time have
    // pitched voice (a late entry shared by most takes does not make the one in time miss its start)
    if (kind === 'consensus' && consensus[si]!.inTime.length > 0) {
      const group = consensus[si]!.inTime;
      const need = Math.max(1, group.length / 2);
      for (let i = a; i < b; i++) {
        let c = 0;
        for (const j of group) if (at(frames[j]!.active, i) && pitchedNear[j]![i]) c++;
        consensusActive[i] = c >= need ? 1 : 0;
      }
    }
    // sound the other takes share at the same place (a release or reverb tail past the guard, in every take
    // alike): at least extraSharedShare of them active there (each moved by its entry offset: an early take's
    // tail ends early), the take no more than extraSharedDb over them (levels each against the take's own in
    // the section: a take dropped 12 dB here has a tail 12 dB quieter). Logged alternatives (held-out-16, MIDI /
    // guide vocal / no guide of 54, main 30/36/42): any voice at the same frame 32/37/42; levels against the
    // section's own 34/38/42; each take moved by its entry offset 34/40/42, but three takes' noise bursts at
    // one place hid each other (held-out-2, -8, -10: 4 sections lost); only on the take's tails 35/39/42, none lost
    const share = COMP_FRAME_PARAMETERS.extraSharedShare.value;
    const shareDb = COMP_FRAME_PARAMETERS.extraSharedDb.value;
    const breathWindow = Math.round(COMP_FRAME_PARAMETERS.breathWindowSeconds.value / hopS);
    const breathUnder = COMP_FRAME_PARAMETERS.breathUnderDb.value;
    const breathLoud = Math.round(COMP_FRAME_PARAMETERS.breathLoudSeconds.value / hopS);
    const breathRise = COMP_FRAME_PARAMETERS.breathRiseDb.value;
    const breathHiss = COMP_FRAME_PARAMETERS.breathHissHz.value;
    const breathHissTop = COMP_FRAME_PARAMETERS.breathHissTopHz.value;
    const edgeDb = COMP_FRAME_PARAMETERS.edgeOverFloorDb.value;
    const edgeBreath = Math.round(COMP_FRAME_PARAMETERS.edgeBreathSeconds.value / hopS);
    const edgeBreathGap = Math.round(COMP_FRAME_PARAMETERS.edgeBreathGapSeconds.value / hopS);
    const edgeRise = COMP_FRAME_PARAMETERS.edgeRiseDb.value;
    const burstJump = COMP_FRAME_PARAMETERS.burstJumpDb.value;
    const clickOver = COMP_FRAME_PARAMETERS.clickOverDb.value;
    const clickMax = Math.max(1, Math.round(COMP_FRAME_PARAMETERS.clickMaxSeconds.value / hopS));
    const spanFrames = Math.max(1, Math.round(COMP_MEASURE_PARAMETERS.noiseSpanSeconds.value / hopS));
    const own = frames.map((f) => {
      const xs: number[] = [];
      for (let i = a; i < Math.min(b, f.db.length); i++) if (f.active[i]) xs.push(f.db[i]!);
      return median(xs) ?? 0;
    });
    const entryOf = takes.map((_, j) => (kind === 'consensus' ? consensus[si]!.lags[j] : guideLags[si]![j]) ?? null);
    const lagOf = entryOf.map((x) => Math.round(x ?? 0));
    // A tail where no other take can vote is shared (the last note's release, no one's defect): a take votes at a
    // place where it is active, or is recorded there and has voice in the section (an entry read, an active
    // frame); past its end (takes' lengths differ: a late take's last release runs on, an early one's ends early)
    // or in a phrase it left out it has no tail to share or not (held-out-20 3703 §6: the clean take's last release
    // ran 0.1 s past the other takes' ends, the fourth had left the phrase out; it read as noise 40 dB over their
    // floor and 10 % extra). Where some can vote, the share is of all the others, as before (a share of the voters
    // alone lost held-out-27 4406 §4, two takes missing there: a late take's tail read as shared).
    const voicedIn = frames.map((f) => {
      for (let i = a; i < Math.min(b, f.active.length); i++) if (f.active[i]) return true;
      return false;
    });
    const sharedHere = (k: number, i: number) => {
      if (N < 2) return false;
      const level = frames[k]!.db[i]! - own[k]!;
      let c = 0,
        voters = 0;
      for (let j = 0; j < N; j++) {
        const ij = i - lagOf[k]! + lagOf[j]!;
        if (j === k || ij < 0 || ij >= frames[j]!.db.length) continue;
        const on = at(frames[j]!.active, ij);
        if (on || (voicedIn[j] && entryOf[j] !== null)) voters++;
        if (on && level <= frames[j]!.db[ij]! - own[j]! + shareDb) c++;
      }
      return c >= share * (N - 1) || voters === 0;
    };
    const burstOver: (number | null)[] = takes.map(() => null);
    const row = takes.map((t, k): TakeSectionMeasures => {
      const fr = frames[k]!;
      const ra = refActive(k);
      // the reference's expected voice at frame i for missing/extra voice (moved by the take's reading)
      const expectShift = shiftOf(k);
      const re = (i: number) => (expectShift === 0 ? ra[i] : (ra[i - expectShift] ?? 0));
      // sound most takes make at frame i while this one is voiced there, without a guide (speech's consonants)
      const sharedVoice = (i: number) => kind === 'consensus' && sharedSound[i] && voicedRuns[k]![i];
      // gap frames: the reference expects no voice within the guard
      let expected = 0,
        missing = 0,
        gaps = 0,
        extra = 0;
      const gapDb: number[] = [];
      const gapAt: number[] = [];
      let lastActive = -1e9;
      const nextActive = new Int32Array(b - a + 1).fill(1e9);
      for (let i = b - 1; i >= a; i--) nextActive[i - a] = re(i) ? i : nextActive[i - a + 1]!;
      // the take's tails: voice running on, without a break, from where the reference expects voice (a burst
      // apart from it is not one, even where other takes have one at the same place)
      const tail = new Uint8Array(b - a);
      let run = false;
      for (let i = a - 1; i >= 0 && at(fr.active, i); i--)
        if (re(i)) {
          run = true;
          break;
        }
      for (let i = a; i < b; i++) {
        if (!at(fr.active, i)) run = false;
        else if (re(i)) run = true;
        tail[i - a] = run && !re(i) ? 1 : 0;
      }
      // a loud breath before a phrase (breathLoudSeconds): the take's one run of active, unpitched rest frames lying
      // wholly within this long before the voice the reference expects, nothing active between it and the phrase, no
      // louder than the take's own voice in the section — the gasp a singer takes before a phrase, whatever its level
      // (h-comp89: 2.5–8 dB under the voice, 0.24–0.52 s, ending 40–130 ms before the phrase on held-out-58…60's
      // clean takes; the loudest 0.1 s of the clean take's rests in 70 of the 159 small misses the noise points
      // decided on held-out-42…60); a longer run (a fridge, a siren), a pitched one or one joined to the last
      // phrase's tail is no breath; a burst of a breath's length, level and place reads as one (levels cannot tell)
      const loudBreath = new Uint8Array(b - a);
      if (breathLoud > 0)
        for (let p = a + 1; p < b; p++) {
          if (!re(p) || re(p - 1)) continue;
          const from = p - breathLoud;
          let j = p - 1;
          while (j >= from && j >= 0 && !re(j) && !at(fr.active, j)) j--;
          const end = j;
          let peak = -Infinity;
          while (j >= from && j >= 0 && !re(j) && at(fr.active, j) && !(at(t.f0, j) > 0))
            peak = Math.max(peak, fr.db[j--]!);
          if (end < from || j === end || j < 0 || (j >= from && (re(j) || at(fr.active, j)))) continue;
          if (j < from && at(fr.active, j)) continue;
          if (peak > own[k]!) continue;
          // its rise (breathRiseDb): the largest step up a 10 ms frame from the frame before the run to its peak
          let pk = j + 1;
          for (let x = j + 1; x <= end; x++) if (fr.db[x]! >= fr.db[pk]!) pk = x;
          let rise = -Infinity;
          for (let x = Math.max(0, j); x < pk; x++) rise = Math.max(rise, fr.db[x + 1]! - fr.db[x]!);
          if (breathRise > 0 && rise > breathRise) continue;
          // its spectrum (breathHissHz): a breath's hiss leans to the top, a knock's thud to the bottom; the
          // first difference's energy over the energy is 4·sin²(πf/rate) for a tone at f (features without it: none)
          if (breathHiss > 0) {
            let e = 0,
              d = 0;
            for (let x = j + 1; x <= end; x++) {
              e += at(t.ms, x);
              d += t.dms ? at(t.dms, x) : 0;
            }
            const hz = e > 0 ? (t.sampleRate / Math.PI) * Math.asin(Math.min(1, Math.sqrt(d / e / 4))) : 0;
            if (hz < breathHiss || (breathHissTop > 0 && hz > breathHissTop)) continue;
          }
          for (let x = Math.max(a, j + 1); x <= end; x++) loudBreath[x - a] = 1;
        }
      let clipped = 0;
      const lag = kind === 'consensus' ? (consensus[si]!.lags[k] ?? null) : guideLags[si]![k]!;
      // the level on the frames where the reference expects voice, moved by the take's entry offset: a frame
      // set that does not move with the take's own level (its activity threshold does: a take dropped 9 dB
      // in a section kept only its loudest frames active, and their median read as usual)
      const voicedK: number[] = [];
      const shift = Math.round(lag ?? 0);
      for (let i = Math.max(a, a + shift); i < Math.min(b, b + shift); i++)
        if (ra[i - shift]) voicedK.push(dbOf(at(t.kms, i) * gains[k]! * gains[k]!) - 0.691);
      for (let i = a; i < b; i++) {
        clipped += at(t.clips, i);
        if (re(i)) {
          lastActive = i;
          expected++;
          if (!at(fr.active, i)) missing++;
          continue;
        }
        if (i - lastActive <= guard || nextActive[i - a]! - i <= guard) continue;
        // a breath before the phrase the reference expects next: unpitched, well under the take's own voice
        if (
          nextActive[i - a]! - i <= breathWindow &&
          !(at(t.f0, i) > 0) &&
          i < fr.db.length &&
          fr.db[i]! <= own[k]! - breathUnder
        )
          continue;
        if (loudBreath[i - a]) continue;
        // without a guide, pitched voice where most other takes have none is a phrase they left out,
        // not noise: the floor is taken on the rest
        if (kind === 'consensus' && at(t.f0, i) > 0 && at(fr.active, i)) continue;
        // nor is sound most takes make there (unpitched: speech's consonants; a take that left the phrase
        // out would set a floor the others' consonants stand 30 dB over)
        if (sharedVoice(i)) continue;
        // past the take's end there is nothing to measure (its silence would hide a burst before it)
        if (i >= fr.db.length) continue;
        // nor is a tail the other takes share here (a release or reverb every take has): no one's noise or extra
        if (tail[i - a] && sharedHere(k, i)) continue;
        gaps++;
        gapDb.push(fr.db[i]!);
        gapAt.push(i);
        if (at(fr.active, i)) extra++;
      }
      // a burst told by its onset (burstJumpDb): the loudest rest frame from an abrupt onset on for noiseSpanSeconds
      // over the take's own floor in the rests (their lowest tenth), within the guard too; the onset in the section
      // and on a frame the floor would read but for the guard, and not the take's own attack (its voice running into
      // the phrase the reference expects starts within the guard of the onset: a consonant or a synthesised voice
      // starts as fast as a click), its tail, pitched frames, or sound most takes make there (speech's consonants)
      // (an envelope coarser than the rise cannot tell a click from a step of a breath: none read there)
      // the take's own floor in the rests (their lowest tenth) and the last frame it has here, for both readings and
      // the phrase edges (phraseEdges)
      const restLow = gapDb.length > 0 ? percentile(gapDb, 0.1)! : null;
      const restEnd = Math.min(b, fr.db.length);
      const tick = t.fineHop / t.sampleRate;
      if (restLow !== null && burstJump >= 0 && tick <= COMP_FRAME_PARAMETERS.burstRiseSeconds.value) {
        const rise = Math.max(1, Math.round(COMP_FRAME_PARAMETERS.burstRiseSeconds.value / tick));
        const ref = Math.max(1, Math.round(COMP_FRAME_PARAMETERS.frameSeconds.value / tick));
        const after = Math.max(ref, Math.round(COMP_MEASURE_PARAMETERS.noiseSpanSeconds.value / tick));
        // into[i]: the take's voice runs from frame i, active throughout, into the voice the reference expects
        const into = new Uint8Array(b - a + 1);
        for (let i = b - 1; i >= a; i--) into[i - a] = re(i) || (at(fr.active, i) && into[i - a + 1]) ? 1 : 0;
        const ticks = abruptOnsets(
          t.fine,
          Math.ceil(s.startSeconds / tick),
          Math.ceil(s.endSeconds / tick),
          burstJump,
          rise,
          ref,
          after,
        );
        for (const j of ticks) {
          const i = Math.floor((j * t.fineHop) / t.hop);
          // (the onset's frame wholly in the section: a step at its edge, a take's gain changing there, is the
          // next section's)
          if (i * hopS < s.startSeconds || (i + 1) * hopS > s.endSeconds) continue;
          if (i < a || i >= restEnd || re(i) || tail[i - a] || at(t.f0, i) > 0 || sharedVoice(i)) continue;
          let attack = false;
          for (let x = i; x < Math.min(b, i + guard + 1) && !attack; x++) attack = into[x - a] === 1;
          if (attack) continue;
          for (let x = i; x < Math.min(restEnd, i + spanFrames) && !re(x); x++)
            burstOver[k] = Math.max(burstOver[k] ?? -Infinity, fr.db[x]! - restLow);
        }
      }
      // a click train in the rests (clickOverDb): two or more short blips standing out of the take's own floor (the
      // rests' lowest tenth), each alone within twice clickMaxSeconds, within the guard too, read as noise however
      // short (the loudest noiseSpanSeconds of the rests would pass a few 10 ms blips by; alone within noiseSpanSeconds
      // lost two of held-out-56's bleeds, 7305 §1 and 7308 §5: a blip 0.1 s before a breath or a room's hum)
      if (restLow !== null && clickOver >= 0) {
        const ok = (i: number) => i >= a && i < restEnd && !re(i) && !tail[i - a] && !sharedVoice(i);
        const over = clickTrain(fr.db, a, restEnd, restLow, clickOver, clickMax, 2 * clickMax, ok);
        if (over !== null) burstOver[k] = Math.max(burstOver[k] ?? -Infinity, over);
      }
      const noiseDb =
        edgeDb >= 0
          ? phraseEdges(fr.db, re, gapDb, gapAt, a, b, guard, edgeDb, edgeBreath, edgeBreathGap, edgeRise, restLow ?? 0)
          : gapDb;
      // pitch against the reference note (or the nearest tone); the guide's note at the frame moved back by the
      // take's reading (expectShift), as its expected voice: a take in time sings the previous note over the first
      // frames of each note-on (a latency plus the note's rise, up to 280 ms here), and against the notes as written a
      // take early by as much read the better pitch (held-out-13…21: an early take chosen for the clean take's worse
      // pitch in 19 MIDI misses). The guide vocal too since h-comp33 (h-comp29 moved it by the shared offset alone
      // and lost a guide-vocal section on held-out-22 and one on held-out-12; with each take's own latency added it
      // gains 12 of 414 on held-out-20…25)
      const errs: number[] = [];
      const signed = signedBy[si]![k]!;
      const jit: number[] = [];
      for (let i = a; i < Math.min(b, fr.slow.length); i++) {
        const c = fr.slow[i]!;
        if (Number.isNaN(c) || !re(i)) continue;
        const ti = target[i - expectShift] ?? NaN;
        const want = Number.isNaN(ti) ? (kind === 'midi' ? NaN : nearestTone(c, tuning, scale)) : ti;
        if (Number.isNaN(want)) continue;
        // octaves folded: an octave jump of the f0 track is the tracker's error, not the singer's
        const e = ((((c - want + 600) % 1200) + 1200) % 1200) - 600;
        errs.push(Math.abs(e));
        signed.push(e);
        if (!Number.isNaN(fr.fast[i]!) && !Number.isNaN(fr.raw[i]!)) jit.push((fr.raw[i]! - fr.fast[i]!) ** 2);
      }
      // onsets: each of the take's onsets in the section against the nearest reference onset of each source
      const window = COMP_MEASURE_PARAMETERS.onsetMatchSeconds.value;
      const onsetErr: number[] = [];
      for (const o of t.onsets) {
        if (o < s.startSeconds || o >= s.endSeconds) continue;
        const ds: number[] = [];
        for (const src of refOnsets(k)) {
          let best = Infinity;
          for (const r of src) if (Math.abs(r - o) < Math.abs(best)) best = r - o;
          if (Math.abs(best) <= window) ds.push(Math.abs(best));
        }
        const m = median(ds);
        if (m !== null) onsetErr.push(m * 1000);
      }
      // the level the loudest noiseSpanSeconds of the rests reach (at most their loudest tenth): a burst as
      // short in a long rest is still seen
      const span = COMP_MEASURE_PARAMETERS.noiseSpanSeconds.value / hopS;
      const floor = percentile(noiseDb, 1 - Math.min(0.1, span / Math.max(1, noiseDb.length)));
      return {
        pitchMedianCents: percentile(errs, 0.5),
        pitchP90Cents: percentile(errs, 0.9),
        pitchOffsetCents: percentile(signed, 0.5),
        jitterCents: jit.length >= 5 ? Math.sqrt(jit.reduce((x, y) => x + y, 0) / jit.length) : null,
        timingMs: lag === null || expected === 0 ? null : lag * hopS * 1000,
        onsetErrorMs: median(onsetErr),
        noiseFloorDbfs: floor,
        noiseExcessDb: null,
        clippedSamples: clipped,
        voicedLufs: median(voicedK),
        levelDeltaLu: null,
        missingFraction: expected ? missing / expected : 0,
        extraFraction: gaps ? extra / gaps : 0,
      };
    });
    // noise against the quietest take's floor here (a floor is only ever raised by a defect)
    const floors = row.map((m) => m.noiseFloorDbfs).filter((x): x is number => x !== null);
    const commonFloor = floors.length ? Math.min(...floors) : null;
    for (const m of row)
      if (m.noiseFloorDbfs !== null && commonFloor !== null) m.noiseExcessDb = m.noiseFloorDbfs - commonFloor;
    // ... and never more than its floor against its own voiced level stands over the lowest such reading among the
    // takes (plus noiseRoomSlackDb): a room's tail in the rests scales with the voice that fed it, a noise burst or a
    // floor does not (held-out-34 5110, a booth: the clean take sung 6–18 dB over the others read its room 19 dB
    // over their floor and lost to level-dropped and early takes)
    const rel = row.map((m) =>
      m.noiseFloorDbfs !== null && m.voicedLufs !== null ? m.noiseFloorDbfs - m.voicedLufs : null,
    );
    const rels = rel.filter((x): x is number => x !== null);
    if (rels.length >= 2) {
      const relFloor = Math.min(...rels);
      const slack = COMP_MEASURE_PARAMETERS.noiseRoomSlackDb.value;
      row.forEach((m, k) => {
        if (m.noiseExcessDb !== null && rel[k] !== null)
          m.noiseExcessDb = Math.min(m.noiseExcessDb, rel[k]! - relFloor + slack);
      });
    }
    // ... and never less than a burst told by its onset stands over the take's own floor (burstJumpDb)
    row.forEach((m, k) => {
      if (m.noiseExcessDb !== null && burstOver[k] !== null) m.noiseExcessDb = Math.max(m.noiseExcessDb, burstOver[k]!);
    });
    // no guide: the nearest tone is a guess; what every take shares off it is the song's (or speech's)
    if (kind === 'consensus') {
      const ps = row.map((m) => m.pitchMedianCents).filter((x): x is number => x !== null);
      const common = ps.length ? Math.max(0, Math.min(...ps) - COMP_MEASURE_PARAMETERS.pitchFreeCents.value) : null;
      for (const m of row) m.pitchCommonCents = common;
    }
    return row;
  });
  // (a spoken guide's nearest tones are no notes: its takes' offsets from them are no tuning either)
  const onNotes =
    kind === 'midi' || (guideOffTone !== null && guideOffTone <= COMP_MEASURE_PARAMETERS.noteClockCents.value);
  const pitchShared = onNotes ? sharedPitchOffset(measures, signedBy) : null;
  // noise: a take's floor over its own usual floor (the median over the song's sections), not only over the quietest
  // take's (h-comp75): its room, its preamp, its breaths are the take's in every section, a burst is one section's
  const ownFloorDb = COMP_MEASURE_PARAMETERS.noiseOwnFloorDb.value;
  // (h-comp77: with noiseOwnFloorMinSections ≥ 1 the usual floor in a section is read from the take's OTHER sections,
  // and with fewer than that many of them there is none: a one-section song's burst is no take's own)
  const minOthers = COMP_MEASURE_PARAMETERS.noiseOwnFloorMinSections.value;
  if (ownFloorDb >= 0)
    takes.forEach((_, k) => {
      const q = COMP_MEASURE_PARAMETERS.noiseOwnFloorQuantile.value;
      const usualOf = (xs: number[]) => (q === 0.5 ? median(xs) : (quantile(xs, q) ?? null));
      const floorAt = (row: TakeSectionMeasures[]) => row[k]!.noiseFloorDbfs;
      const floors = measures.flatMap((row) => (floorAt(row) === null ? [] : [floorAt(row)!]));
      const whole = minOthers < 1 ? usualOf(floors) : null;
      measures.forEach((row, s) => {
        const m = row[k]!;
        if (m.noiseExcessDb === null || m.noiseFloorDbfs === null) return;
        let usual = whole;
        if (minOthers >= 1) {
          const others = measures.flatMap((r, t) => (t === s || floorAt(r) === null ? [] : [floorAt(r)!]));
          usual = others.length >= minOthers ? usualOf(others) : null;
        }
        if (usual === null) return;
        m.noiseExcessDb = Math.min(m.noiseExcessDb, Math.max(0, m.noiseFloorDbfs - usual + ownFloorDb));
      });
    });
  // level: each take's voiced level per section against take + section effects (levelFit); the
  // residual is how far the take's level is off in that section (clipped sections not fitted)
  const L = measures.map((row) => row.map((m) => (m.clippedSamples === 0 ? m.voicedLufs : null)));
  const fit = levelFit(L);
  measures.forEach((row, s) =>
    row.forEach((m, k) => {
      if (m.voicedLufs !== null) m.levelDeltaLu = m.voicedLufs - fit.rows[s]! - fit.cols[k]!;
    }),
  );
  // timing: less the offset all takes share against the reference: a sung note's energy rises some 20 ms
  // after its MIDI note-on in every take alike, and a session's latency moves every take alike. Taken from a
  // tight window of entries (commonOffset), not the median of all: a late or early majority would move that
  const lags = measures.flatMap((row) => row.map((m) => m.timingMs)).filter((x): x is number => x !== null);
  // (without a guide the lags are already read against the takes in time: their median, as before)
  const offset = kind === 'consensus' ? (median(lags) ?? 0) : common;
  for (const row of measures) for (const m of row) if (m.timingMs !== null) m.timingMs -= offset;
  // a take recorded with a latency of its own reads off by it in every section (late or early against the
  // shared offset, which may be another group's): ownLatency on its entries (with a guide, read above on the same
  // entries before the measures; without one, on the entries against the takes in time), taken off its timing
  const takeLatencyMs =
    kind !== 'consensus'
      ? guideLatencyMs
      : takes.map((_, k) =>
          ownLatency(measures.flatMap((row) => (row[k]!.timingMs === null ? [] : [row[k]!.timingMs!]))),
        );
  for (const row of measures)
    row.forEach((m, k) => {
      if (m.timingMs !== null) m.timingMs -= takeLatencyMs[k]!;
    });
  return {
    measures,
    tuningCents: tuning,
    reference: kind,
    ...(pitchShared ? { pitchSharedCents: pitchShared } : {}),
    ...(guideOffTone !== null ? { guideOffToneCents: guideOffTone } : {}),
    timingOffsetMs: offset,
    takeLatencyMs,
    ...(kind !== 'consensus'
      ? { timingSearchMs: [-maxLag * hopS * 1000, lagRange.lateLag * hopS * 1000], atLateCap: lagRange.atCap }
      : {}),
    ...(kind === 'consensus' ? { grid, starts } : {}),
    ...(rejectedGrid ? { rejectedGrid } : {}),
    ...(lead ? { phraseLead: lead } : {}),
    ...(scale ? { scale } : {}),
    ...(kind === 'consensus'
      ? { inTime: consensus.map((c) => ({ inTime: c.inTime.length, voiced: c.lags.filter((x) => x !== null).length })) }
      : {}),
  };
}

/**
 * The grid a song's candidates settle on (the one rule for every grid choice): the first choice (the
 * strongest resultant) stays unless it is a grid the song has (fit ≥ gridMinFit: a candidate never makes
 * a grid for a song without one — 9 shared speech starts fit some period) and the best-fitting other
 * candidate explains the shared note starts by gridFitMargin more; then that candidate. Every fit must be
 * taken on the same starts (gridFit). All candidates are listed in the result's `candidates`, the first
 * choice's own list first.
 */
export function preferFit(first: OnsetGrid, others: OnsetGrid[]): OnsetGrid {
  const M = COMP_MEASURE_PARAMETERS;
  const candidates = [
    ...(first.candidates ?? [{ periodSeconds: first.periodSeconds, fit: first.fit ?? null }]),
    ...others.map((g) => ({ periodSeconds: g.periodSeconds, fit: g.fit ?? null })),
  ];
  let chosen = first;
  if (first.fit != null && first.fit >= M.gridMinFit.value)
    for (const g of others)
      if (g.fit != null && g.fit >= first.fit + M.gridFitMargin.value && g.fit > (chosen.fit ?? -Infinity)) chosen = g;
  return { ...chosen, candidates };
}

/**
 * The frames of a take's runs of sound (active frames, gaps shorter than soundBridgeSeconds bridged) that
 * hold pitched voice somewhere: a consonant or breath next to the voice belongs to it, a burst apart
 * from it does not.
 */
function voicedRun(active: Uint8Array, pitched: Uint8Array, hopS: number): Uint8Array {
  const bridge = Math.max(1, Math.round(COMP_MEASURE_PARAMETERS.soundBridgeSeconds.value / hopS));
  const n = active.length;
  const out = new Uint8Array(pitched.length);
  let i = 0;
  while (i < n) {
    if (!active[i]) {
      i++;
      continue;
    }
    // a run [i, j): active frames with gaps shorter than the bridge
    let j = i;
    let voiced = false;
    for (let quiet = 0; j < n && quiet < bridge; j++) {
      quiet = active[j] ? 0 : quiet + 1;
      if (active[j] && pitched[j]) voiced = true;
    }
    while (j > i && !active[j - 1]) j--;
    if (voiced) out.fill(1, i, j);
    i = j + 1;
  }
  return out;
}

/**
 * Note starts (seconds) on a take's pitch track (cents per frame, NaN where there is no pitched voice):
 * pitched voice after at least noteGapSeconds without it (lasting noteMinSeconds), and, inside a
 * phrase, a step of the pitch of at least noteStepCents between the two frames before and the two
 * after (a legato note change; vibrato moves a few cents a frame), at its steepest frame.
 */
export function noteStarts(cents: Float32Array, hopS: number): { seconds: number; step: boolean }[] {
  const M = COMP_MEASURE_PARAMETERS;
  const gap = Math.max(1, Math.round(M.noteGapSeconds.value / hopS));
  const minLen = Math.max(1, Math.round(M.noteMinSeconds.value / hopS));
  const step = M.noteStepCents.value;
  const n = cents.length;
  const out: { seconds: number; step: boolean }[] = [];
  let unvoiced = gap;
  let last = -1e9;
  const ok = (i: number) => i >= 0 && i < n && !Number.isNaN(cents[i]!);
  for (let i = 0; i < n; i++) {
    if (!ok(i)) {
      unvoiced++;
      continue;
    }
    if (unvoiced >= gap) {
      let len = 0;
      while (len < minLen && ok(i + len)) len++;
      if (len >= minLen) {
        out.push({ seconds: i * hopS, step: false });
        last = i;
      }
    } else if (ok(i - 2) && ok(i - 1) && ok(i + 1) && i - last > 2) {
      const jump = (cents[i]! + cents[i + 1]! - cents[i - 1]! - cents[i - 2]!) / 2;
      const d = Math.abs(cents[i]! - cents[i - 1]!);
      if (
        Math.abs(jump) >= step &&
        d >= Math.abs(cents[i - 1]! - cents[i - 2]!) &&
        d >= Math.abs(cents[i + 1]! - cents[i]!)
      ) {
        out.push({ seconds: i * hopS, step: true });
        last = i;
      }
    }
    unvoiced = 0;
  }
  return out;
}

/** A fixed grid the song's onsets lie on (recorded to a click): period and the time of one line. */
export interface OnsetGrid {
  periodSeconds: number;
  /** A grid line, seconds, in [0, period). */
  phaseSeconds: number;
  /** Resultant length of every onset's phase on the grid over the whole song (1: all on it). */
  strength: number;
  /** gridFit: how well it explains the note starts most takes share (null: too few of them). */
  fit?: number | null;
  /** The candidate grids judged (the first choice first), each with its fit. */
  candidates?: { periodSeconds: number; fit: number | null }[];
}

/** Σ e^{iwt} over the times `ts`: the sum of their unit phasors at angular frequency w, as [Σ cos, Σ sin]. */
function phasorSum(ts: Iterable<number>, w: number): [number, number] {
  let c = 0;
  let sn = 0;
  for (const t of ts) {
    c += Math.cos(w * t);
    sn += Math.sin(w * t);
  }
  return [c, sn];
}

/** Per section, Σ|Σ e^{2πi t/P}| over the section's onsets, divided by the onsets' count. */
function sectionFit(bySection: Float64Array[], count: number, period: number): number {
  const w = (2 * Math.PI) / period;
  let r = 0;
  for (const ts of bySection) r += Math.hypot(...phasorSum(ts, w));
  return r / count;
}

/**
 * The onset grid of the whole song from every take's onsets: the coarsest period (gridMinSeconds…
 * gridMaxSeconds) on which each section's onsets line up nearly as well as on the best one (a finer
 * grid always fits as well: an eighth-note grid is also on a sixteenth one), then refined so that
 * one phase holds over the whole song, then fitted robustly (robustGrid) and split while the notes use
 * the finer grid (gridSubdivisionShare). Null when the onsets are not on one grid (speech, rubato):
 * their resultant on it stays under gridMinStrength. Most takes are in time in most sections, so
 * the grid is theirs and a section where most takes share an early entry does not move it. The
 * grid's `fit` (gridFit) says how well it explains the starts most takes share; measureTakes sets a
 * grid under gridMinFit aside.
 */
export function onsetGrid(onsets: number[][], sections: Section[]): OnsetGrid | null {
  const M = COMP_MEASURE_PARAMETERS;
  const g = gridAbove(onsets, sections, M.gridMinSeconds.value);
  if (!g || g.periodSeconds >= M.gridFineSeconds.value || (g.fit != null && g.fit >= M.gridFineMinFit.value)) return g;
  // a grid finer than gridFineSeconds whose fit is too low or cannot be judged (fewer than 8 starts most
  // takes share): the song's best grid at or above gridFineSeconds, as if finer ones were not sought
  // (a 144-bpm song's sixteenth fits its takes' groups better than its eighth, but cannot be told from
  // chance; its eighth can)
  return gridAbove(onsets, sections, M.gridFineSeconds.value);
}

/** onsetGrid with periods (scanned and split) at or above `floor` seconds. */
function gridAbove(onsets: number[][], sections: Section[], floor: number): OnsetGrid | null {
  const M = COMP_MEASURE_PARAMETERS;
  // groups of starts that move together: one take's starts in one section (a late or early entry
  // shifts all of them; takes shifted differently in one section would blur the section's phase)
  const bySection = sections.flatMap((s) =>
    onsets.map((o) => Float64Array.from(o.filter((t) => t >= s.startSeconds && t < s.endSeconds))),
  );
  const all = bySection.flatMap((x) => [...x]);
  if (all.length < 8) return null;
  const L = Math.min(10, Math.max(1, median(sections.map((s) => s.endSeconds - s.startSeconds)) ?? 1));
  const T = Math.max(L, Math.max(...all) - Math.min(...all));
  // coarse scan: steps small enough that a section's phases do not smear (P²/(20 L))
  const scan: [number, number][] = [];
  for (let P = floor; P <= M.gridMaxSeconds.value; P += (P * P) / (20 * L))
    scan.push([P, sectionFit(bySection, all.length, P)]);
  // candidates: the scan's local peaks that fit nearly as well as the best one, each refined so that
  // one phase holds over the whole song (steps P²/(20 T) within half the peak's width)
  const best = Math.max(...scan.map((x) => x[1]));
  const peaks = scan.filter(
    (x, i) =>
      x[1] >= M.gridCoarsestShare.value * best &&
      (i === 0 || scan[i - 1]![1] <= x[1]) &&
      (i === scan.length - 1 || scan[i + 1]![1] < x[1]),
  );
  const refined = peaks.map(([P0]) => {
    const span = (P0 * P0) / (2 * L);
    const step = (P0 * P0) / (20 * T);
    let grid: OnsetGrid = { periodSeconds: P0, phaseSeconds: 0, strength: -1 };
    for (let P = P0 - span; P <= P0 + span; P += step) {
      const r = resultant(all, P);
      if (r.strength > grid.strength) grid = r;
    }
    return grid;
  });
  // the best fit; a grid two or three times as coarse holding nearly as well is the song's (the
  // finer one fits the coarser one's onsets too)
  let grid = refined.reduce<OnsetGrid | null>((x, y) => (!x || y.strength > x.strength ? y : x), null);
  if (!grid) return null;
  // a candidate 2 or 3 times as coarse as g
  const coarserOf = (g: OnsetGrid) => (c: OnsetGrid) => {
    const ratio = c.periodSeconds / g.periodSeconds;
    const whole = Math.round(ratio);
    return whole >= 2 && Math.abs(ratio - whole) < 0.02 * whole && c.periodSeconds > g.periodSeconds;
  };
  for (const g of refined) if (coarserOf(grid)(g) && g.strength >= M.gridCoarsestShare.value * grid.strength) grid = g;
  // a grid finer than gridFineSeconds is the song's over a candidate 2 or 3 times as coarse only when the
  // notes most takes share use its new lines, as when a grid is split (finishGrid): takes most of a line
  // early or late lie a little off the fine grid's next line and raise its resultant (a 148-bpm song of
  // eighths, three of four takes 65–86 ms off in two sections: the 101 ms sixteenth, no shared start on
  // its new lines, read those takes in time)
  if (grid.periodSeconds < M.gridFineSeconds.value) {
    const fine = grid;
    const coarse = refined.filter(
      (g) => coarserOf(fine)(g) && g.strength >= M.gridMinStrength.value && !finerShared(onsets, fine, g),
    );
    if (coarse.length) grid = coarse.reduce((x, y) => (y.strength > x.strength ? y : x));
  }
  if (grid.strength < M.gridMinStrength.value) return null;
  // every candidate carried through (refined, split) and judged on the starts most takes share: the
  // resultant's best period is one estimate, and with few starts (57 in a 146-bpm song) a period 1.7 %
  // off can win it while drifting off the notes by whole lines; the best-fitting other candidate replaces
  // the first choice when it explains the shared starts by gridFitMargin more (preferFit; logged)
  const first = finishGrid(onsets, all, grid, T, floor);
  const alternatives = refined
    .filter((g) => g !== grid && g.strength >= M.gridMinStrength.value)
    .map((g) => finishGrid(onsets, all, g, T, floor));
  return preferFit(first, alternatives);
}

/** A candidate grid refined over the song (refinePeriod, robustGrid), split while the notes use the finer grid. */
function finishGrid(onsets: number[][], all: number[], start: OnsetGrid, T: number, floor: number): OnsetGrid {
  const M = COMP_MEASURE_PARAMETERS;
  let grid = robustGrid(all, refinePeriod(all, start, T), T);
  // the notes' own grid: halves or thirds of it while the finer grid explains enough more of the starts
  // (gridSubdivisionShare of them) than the coarser one: the starts within the tolerance of its lines
  // less those as near the middles between them (entries of takes 30–120 ms late or early spread over
  // lines and middles alike; the song's notes lie on lines, and notes on the lines in between lie on
  // the coarser grid's middles). The finer grid is sought again first: P/k of a coarse grid a few per
  // cent off drifts by whole lines over the song.
  const tol = M.consensusToleranceSeconds.value;
  for (;;) {
    const g: OnsetGrid = grid;
    const base = explained(all, g, tol);
    const finer = [2, 3].map((k) => {
      const fine = refinePeriod(all, { ...g, periodSeconds: g.periodSeconds / k }, T);
      return { fine, gain: explained(all, fine, tol) - base };
    });
    const sub = finer.reduce((x, y) => (y.gain > x.gain ? y : x));
    if (sub.gain < M.gridSubdivisionShare.value * all.length || sub.fine.periodSeconds < floor) break;
    // a grid finer than gridFineSeconds is also reached by takes off by a third of a line: the notes
    // most takes share must use its new lines too
    if (sub.fine.periodSeconds < M.gridFineSeconds.value && !finerShared(onsets, sub.fine, g)) break;
    grid = robustGrid(all, sub.fine, T);
  }
  return { ...grid, fit: gridFit(onsets, grid) };
}

/**
 * The notes most takes share (sharedStarts, at least 8 of them) use a finer grid's new lines: it explains
 * gridSubdivisionShare of them more than the coarser grid (explained). The coarser grid is taken on the
 * fine grid: every k-th fine line (k = the periods' whole ratio), those that coincide with the coarser
 * grid's lines in the middle of the shared starts. The two grids are fitted apart (period and phase), and
 * over a song a coarser grid's own lines drift off the fine ones by milliseconds: a start on a line both
 * grids share then counted on the fine grid alone, as if it used a new line.
 */
function finerShared(onsets: number[][], fine: OnsetGrid, coarse: OnsetGrid): boolean {
  const M = COMP_MEASURE_PARAMETERS;
  const tol = M.consensusToleranceSeconds.value;
  const common = sharedStarts(onsets, tol);
  if (common.length < 8) return false;
  const Pf = fine.periodSeconds;
  const k = Math.max(1, Math.round(coarse.periodSeconds / Pf));
  const mid = common[common.length >> 1]!;
  const Pc = coarse.periodSeconds;
  const coarseLine = coarse.phaseSeconds + Math.round((mid - coarse.phaseSeconds) / Pc) * Pc;
  const fineLine = fine.phaseSeconds + Math.round((coarseLine - fine.phaseSeconds) / Pf) * Pf;
  const P = k * Pf;
  const onFine: OnsetGrid = { periodSeconds: P, phaseSeconds: ((fineLine % P) + P) % P, strength: coarse.strength };
  const more = explained(common, fine, tol) - explained(common, onFine, tol);
  return more >= M.gridSubdivisionShare.value * common.length;
}

/**
 * How well a grid explains the song's notes: of the note starts that more than half of the takes share
 * (sharedStarts), the share within half of consensusToleranceSeconds of a line beyond the share chance
 * puts there (tolerance / period): (share − chance) / (1 − chance); 1 when every shared start lies on
 * the grid, about 0 for starts that ignore it (speech, rubato). Null with fewer than 8 shared starts.
 */
export function gridFit(onsets: number[][], g: OnsetGrid): number | null {
  const tol = COMP_MEASURE_PARAMETERS.consensusToleranceSeconds.value;
  const common = sharedStarts(onsets, tol);
  if (common.length < 8) return null;
  const P = g.periodSeconds;
  let on = 0;
  for (const t of common) {
    const x = (((t - g.phaseSeconds) % P) + P) % P;
    if (Math.min(x, P - x) <= tol / 2) on++;
  }
  const chance = Math.min(1, tol / P);
  return chance >= 1 ? 0 : (on / common.length - chance) / (1 - chance);
}

/**
 * How many starts a grid explains: those within `tol` of its lines less those within `tol` of the
 * middles between them (as many as chance, or takes off by a fraction of a line, put on the lines).
 */
function explained(all: number[], g: OnsetGrid, tol: number): number {
  const P = g.periodSeconds;
  let c = 0;
  for (const t of all) {
    const x = (((t - g.phaseSeconds) % P) + P) % P;
    const d = Math.min(x, P - x);
    if (d <= tol) c++;
    else if (d >= P / 2 - tol) c--;
  }
  return c;
}

/**
 * The starts that more than half of the takes share: a take's start with starts of other takes within
 * `tol` of it, so that with it more than half of all takes start there (with one take: all its starts).
 */
export function sharedStarts(onsets: number[][], tol: number): number[] {
  const N = onsets.length;
  const sorted = onsets.map((x) => Float64Array.from(x).sort());
  const near = (xs: Float64Array, t: number) => {
    const lo = lowerBound(xs, t - tol);
    return lo < xs.length && xs[lo]! <= t + tol;
  };
  const out: number[] = [];
  sorted.forEach((xs, j) => {
    for (const t of xs) {
      let c = 1;
      sorted.forEach((ys, i) => {
        if (i !== j && near(ys, t)) c++;
      });
      if (c > N / 2) out.push(t);
    }
  });
  return out.sort((a, b) => a - b);
}

/**
 * How well the starts `all` line up on a grid of period P: the length of their mean unit phasor
 * (1 when every start lies on a line), and the phase of the lines (in [0, P)).
 */
function resultant(all: number[], P: number): OnsetGrid {
  const [c, sn] = phasorSum(all, (2 * Math.PI) / P);
  const phase = (Math.atan2(sn, c) / (2 * Math.PI)) * P;
  return { periodSeconds: P, phaseSeconds: ((phase % P) + P) % P, strength: Math.hypot(c, sn) / all.length };
}

/**
 * The period within gridPeriodSearch of `g`'s on which every start of the song lines up best (the
 * resultant, in steps of P²/(20 T): a twentieth of a line over the song); its phase with it.
 */
function refinePeriod(all: number[], g: OnsetGrid, T: number): OnsetGrid {
  const P0 = g.periodSeconds;
  const span = COMP_MEASURE_PARAMETERS.gridPeriodSearch.value * P0;
  let best = g;
  let top = -1;
  for (let P = P0 - span; P <= P0 + span; P += (P * P) / (20 * T)) {
    const r = resultant(all, P);
    if (r.strength > top) {
      top = r.strength;
      best = { ...r, strength: g.strength };
    }
  }
  return best;
}

/**
 * The grid near `g` on which most onsets lie within consensusToleranceSeconds (each weighted by
 * Tukey's biweight of its distance to the nearest line): the resultant's best period is pulled by
 * sections where several takes are late or early, and a period off by 0.1 % moves the grid by tens of
 * ms at the song's ends. Period steps move the song's last line by 2 ms, within the period's
 * uncertainty (± P²/(2T), half a line over the song); phases in steps of 1 ms.
 */
function robustGrid(all: number[], g: OnsetGrid, T: number): OnsetGrid {
  const tol = COMP_MEASURE_PARAMETERS.consensusToleranceSeconds.value;
  const P0 = g.periodSeconds;
  const span = (P0 * P0) / (2 * T);
  const step = (P0 * 0.002) / T;
  const t0 = Math.min(...all);
  let best = { P: P0, phase: g.phaseSeconds, score: -1 };
  for (let P = P0 - span; P <= P0 + span + step / 2; P += step)
    for (let phase = 0; phase < P; phase += 0.001) {
      let score = 0;
      for (const t of all) {
        const x = (((t - t0 - phase) % P) + P) % P;
        const d = (x >= P / 2 ? x - P : x) / tol;
        if (d > -1 && d < 1) score += (1 - d * d) ** 2;
      }
      if (score > best.score) best = { P, phase, score };
    }
  // then a weighted least-squares line through the starts (time against line number), the same weights
  let P = best.P;
  let phase = best.phase + t0;
  for (let it = 0; it < 5; it++) {
    let sw = 0,
      sm = 0,
      st = 0,
      smm = 0,
      smt = 0;
    for (const t of all) {
      const m = Math.round((t - phase) / P);
      const d = (t - phase - m * P) / tol;
      if (d <= -1 || d >= 1) continue;
      const w = (1 - d * d) ** 2;
      sw += w;
      sm += w * m;
      st += w * t;
      smm += w * m * m;
      smt += w * m * t;
    }
    const det = sw * smm - sm * sm;
    if (sw === 0 || Math.abs(det) < 1e-9) break;
    P = (sw * smt - sm * st) / det;
    phase = (st - P * sm) / sw;
  }
  return { periodSeconds: P, phaseSeconds: ((phase % P) + P) % P, strength: g.strength };
}

/**
 * Where a take's note starts in a section lie against the grid, seconds (+ late): the median of each
 * start's distance to its nearest grid line; null without a start there.
 */
export function gridDeviation(onsets: number[], s: Section, g: OnsetGrid): number | null {
  const P = g.periodSeconds;
  const ds: number[] = [];
  for (const t of onsets) {
    if (t < s.startSeconds || t >= s.endSeconds) continue;
    const x = (((t - g.phaseSeconds) % P) + P) % P;
    ds.push(x >= P / 2 ? x - P : x);
  }
  return median(ds);
}

/**
 * The largest group of values lying within `tol` of its leader: its mean and size; `tied` when a
 * separate group (leaders more than 2 × tol apart) is as large.
 */
export function largestGroup(xs: number[], tol: number): { centre: number; size: number; tied: boolean } | null {
  if (xs.length === 0) return null;
  const support = xs.map((x) => xs.filter((y) => Math.abs(y - x) <= tol).length);
  const top = Math.max(...support);
  const leaders = xs.filter((_, i) => support[i] === top);
  // the leader whose group is tightest
  let at = 0;
  let spread = Infinity;
  xs.forEach((x, i) => {
    if (support[i] !== top) return;
    const d = xs.reduce((acc, y) => acc + (Math.abs(y - x) <= tol ? Math.abs(y - x) : 0), 0);
    if (d < spread) [at, spread] = [i, d];
  });
  const group = xs.filter((y) => Math.abs(y - xs[at]!) <= tol);
  return {
    centre: group.reduce((x, y) => x + y, 0) / group.length,
    size: top,
    tied: Math.max(...leaders) - Math.min(...leaders) > 2 * tol,
  };
}

/** Per-frame median of some takes' envelopes over [a, b) (index 0 = frame a). */
function medianEnvelope(soft: Float32Array[], takes: number[], a: number, b: number): Float32Array {
  const out = new Float32Array(Math.max(0, b - a));
  const vals = new Float64Array(takes.length);
  const m = takes.length;
  for (let i = a; i < b; i++) {
    takes.forEach((k, j) => (vals[j] = i < soft[k]!.length ? soft[k]![i]! : 0));
    out[i - a] = m === 0 ? 0 : middleValue(vals, vals)!;
  }
  return out;
}

/**
 * Each take's entry offset in frames [a, b) against the takes' consensus, frames (+ late; null for a
 * take without voice there): the lag of its envelope against the median envelope of the takes that
 * are in time. Which takes are in time: with an onset grid (the song recorded to a click), the take
 * whose note starts here lie nearest it (within 2 × consensusToleranceSeconds) and those within
 * consensusToleranceSeconds of that one; without a grid (or when no take lies near it),
 * agreeingTakes: the largest group of takes whose lags against the median envelope of all agree and
 * which leaves every take within maxLag. So two or three takes sharing an early entry do not become the
 * reference, as they did in a consensus of the other takes.
 */
export function consensusTiming(
  soft: Float32Array[],
  a: number,
  b: number,
  maxLag: number,
  hopS: number,
  deviations: (number | null)[] | null,
): { lags: (number | null)[]; inTime: number[]; tied: boolean } {
  const N = soft.length;
  const V = soft.flatMap((x, k) => {
    for (let i = a; i < Math.min(b, x.length); i++) if (x[i]! > 0) return [k];
    return [];
  });
  const out: (number | null)[] = new Array<number | null>(N).fill(null);
  if (V.length === 0) return { lags: out, inTime: [], tied: false };
  const tolS = COMP_MEASURE_PARAMETERS.consensusToleranceSeconds.value;
  // with a grid: the take whose onsets lie nearest it (within twice the tolerance) and those within
  // the tolerance of it
  let inTime: number[] = [];
  const onGrid = deviations ? V.filter((k) => deviations[k] != null) : [];
  if (onGrid.length > 0) {
    const lead = onGrid.reduce((x, y) => (Math.abs(deviations![y]!) < Math.abs(deviations![x]!) ? y : x));
    if (Math.abs(deviations![lead]!) <= 2 * tolS)
      inTime = onGrid.filter((k) => Math.abs(deviations![k]! - deviations![lead]!) <= tolS);
  }
  let tied = false;
  if (inTime.length === 0) ({ members: inTime, tied } = agreeingTakes(soft, V, a, b, maxLag, tolS / hopS));
  const ref = medianEnvelope(soft, inTime, a, b);
  for (const k of V) out[k] = bestLag(soft[k]!, ref, a, b, maxLag, a);
  return { lags: out, inTime, tied };
}

/**
 * Without a grid, the takes in time in frames [a, b) among the voiced takes V: each take's lag against
 * the median envelope of all (searched over twice maxLag), and the largest group of takes agreeing
 * within `tol` frames whose centre leaves every take within maxLag of it (a reference that put a take
 * beyond the offsets searched would make that take's entry unmeasurable: two takes late together do
 * not outvote one in time when a third is early by as much); of groups as large, the one whose centre
 * lies nearest the middle of the takes' spread, unless another lies as near within half of `tol` (then
 * all takes). When no group leaves every take within maxLag: the largest group, all takes when two are
 * as large.
 */
function agreeingTakes(
  soft: Float32Array[],
  V: number[],
  a: number,
  b: number,
  maxLag: number,
  tol: number,
): { members: number[]; tied: boolean } {
  const all = medianEnvelope(soft, V, a, b);
  const lags = V.map((k) => bestLag(soft[k]!, all, a, b, 2 * maxLag, a) ?? 0);
  const middle = (Math.min(...lags) + Math.max(...lags)) / 2;
  const groups: { members: number[]; off: number }[] = [];
  for (const lead of lags) {
    const inside = lags.filter((x) => Math.abs(x - lead) <= tol);
    const centre = inside.reduce((x, y) => x + y, 0) / inside.length;
    if (Math.max(...lags.map((x) => Math.abs(x - centre))) > maxLag) continue;
    groups.push({ members: V.filter((_, j) => Math.abs(lags[j]! - lead) <= tol), off: Math.abs(centre - middle) });
  }
  if (groups.length > 0) {
    const size = Math.max(...groups.map((g) => g.members.length));
    const top = groups.filter((g) => g.members.length === size).sort((x, y) => x.off - y.off);
    const rival = top.find((g) => g.members.join() !== top[0]!.members.join());
    return rival && rival.off - top[0]!.off <= tol / 2
      ? { members: V, tied: true }
      : { members: top[0]!.members, tied: false };
  }
  const g = largestGroup(lags, tol)!;
  return g.tied
    ? { members: V, tied: true }
    : { members: V.filter((_, j) => Math.abs(lags[j]! - g.centre) <= tol), tied: false };
}

/**
 * Voiced loudness of a whole take: the median K-weighted loudness (LUFS scale, 10 ms frames) of its
 * active frames — robust to a clipped or dropped section; null when silent.
 */
export function voicedLoudness(f: TakeFeatures): number | null {
  const fr = analyseTake(f, 1);
  const levels: number[] = [];
  for (let i = 0; i < f.kms.length; i++)
    if (fr.active[i] && f.kms[i]! > 0) levels.push(10 * Math.log10(f.kms[i]!) - 0.691);
  return median(levels);
}

/** Activity of a take after its gain (1 where voice is present), for seams and auto sections. */
export function activity(f: TakeFeatures, gain: number): Uint8Array {
  return analyseTake(f, gain).active;
}

/**
 * Voice present per fine-envelope tick (seams are placed on these): the tick's frame is active
 * and the tick itself reaches the frame threshold, so a rest shorter than a frame (a few ms
 * between two notes) is found too.
 */
export function fineActivity(f: TakeFeatures, gain: number): Uint8Array {
  const { active, thresholdDb } = analyseTake(f, gain);
  const out = new Uint8Array(f.fine.length);
  const g2 = gain * gain;
  for (let k = 0; k < out.length; k++) {
    const i = Math.floor((k * f.fineHop) / f.hop);
    out[k] = i < active.length && active[i] === 1 && dbOf(f.fine[k]! * g2) >= thresholdDb ? 1 : 0;
  }
  return out;
}

interface LevelFit {
  /** Section (row) and take (column) effects, LU. */
  rows: number[];
  cols: number[];
}

/**
 * Each take's level per section as take effect + section effect: the take effect the median over
 * sections (robust to a few sections off), the section effect the loudest take there — level
 * defects left in the table only lower a take (a singer off the mic; clipped sections are left
 * out), so the loudest take is the section's own level and a drop in several takes still shows.
 */
export function levelFit(t: (number | null)[][], sweeps = 4): LevelFit {
  const R = t.length;
  const C = t[0]?.length ?? 0;
  const cols = Array.from(
    { length: C },
    (_, j) => median(t.map((r) => r[j]!).filter((x): x is number => x !== null)) ?? 0,
  );
  const rows = new Array<number>(R).fill(0);
  for (let it = 0; it < sweeps; it++) {
    for (let i = 0; i < R; i++) {
      let best = -Infinity;
      for (let j = 0; j < C; j++) if (t[i]![j] !== null) best = Math.max(best, t[i]![j]! - cols[j]!);
      rows[i] = Number.isFinite(best) ? best : 0;
    }
    for (let j = 0; j < C; j++)
      cols[j] =
        median(t.map((r, i) => (r[j] === null ? null : r[j]! - rows[i]!)).filter((x): x is number => x !== null)) ?? 0;
  }
  return { rows, cols };
}

/**
 * The offset (frames, + when `k` is later) that best lays take k's pitch contour on take j's over frames [a, b):
 * of the lags within ±maxLag, the one with the most voiced frames of both whose pitch difference lies in the
 * densest contourMatchCents-wide window of the differences (10-cent bins over ±200 cents: a take detuned in the
 * section sings the same notes a fixed amount off; an octave slip of the tracker is no match); refined to a
 * fraction of a frame on the neighbouring lags' counts. Null with fewer than contourMinSeconds of matching voice.
 * Ties go to the lag nearest zero.
 */
export function contourLag(
  cj: Float32Array,
  ck: Float32Array,
  a: number,
  b: number,
  maxLag: number,
  hopS: number,
): number | null {
  const P = COMP_MEASURE_PARAMETERS;
  const bins = 41;
  const width = Math.max(1, Math.round(P.contourMatchCents.value / 10));
  const hist = new Int32Array(bins);
  const scores = new Float64Array(2 * maxLag + 1);
  for (let d = -maxLag; d <= maxLag; d++) {
    hist.fill(0);
    for (let i = Math.max(a, a - d); i < Math.min(b, b - d); i++) {
      const x = cj[i];
      const y = ck[i + d];
      if (x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y)) continue;
      const bin = Math.round((y - x) / 10) + 20;
      if (bin >= 0 && bin < bins) hist[bin]!++;
    }
    let run = 0;
    let top = 0;
    for (let q = 0; q < bins; q++) {
      run += hist[q]!;
      if (q >= width) run -= hist[q - width]!;
      if (run > top) top = run;
    }
    scores[d + maxLag] = top;
  }
  let best = maxLag;
  for (let q = 0; q < scores.length; q++) {
    const s = scores[q]!;
    const sb = scores[best]!;
    if (s > sb || (s === sb && Math.abs(q - maxLag) < Math.abs(best - maxLag))) best = q;
  }
  if (scores[best]! * hopS < P.contourMinSeconds.value) return null;
  let frac = 0;
  if (best > 0 && best < scores.length - 1) {
    const [l, m, r] = [scores[best - 1]!, scores[best]!, scores[best + 1]!];
    const den = l - 2 * m + r;
    if (den < 0) frac = Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / den));
  }
  return best - maxLag + frac;
}

/**
 * Without a guide: each take's latency (ms, + late) read on the takes' pitch contours against each other, not
 * against a consensus (a late entry is read as late, whatever the other takes' envelopes do): the pairwise contour
 * lags (contourLag) of every section, then per take the latency that explains the most of them (coordinate ascent,
 * below); a latency kept only where most sections read it (contourLatencySectionShare). `latencyMs[k]`.
 */
export function contourTiming(
  cents: Float32Array[],
  sections: Section[],
  hopS: number,
  n: number,
): { latencyMs: number[] } {
  const N = cents.length;
  const maxLag = Math.max(1, Math.round(COMP_MEASURE_PARAMETERS.contourMaxLagSeconds.value / hopS));
  const D = sections.map((s) => {
    const [a, b] = frameRange(s, hopS, n);
    const d: (number | null)[][] = Array.from({ length: N }, () => new Array<number | null>(N).fill(null));
    for (let j = 0; j < N; j++)
      for (let k = j + 1; k < N; k++) {
        const v = contourLag(cents[j]!, cents[k]!, a, b, maxLag, hopS);
        if (v !== null) [d[j]![k], d[k]![j]] = [v, -v];
      }
    return d;
  });
  const ms = hopS * 1000;
  const P = COMP_MEASURE_PARAMETERS;
  const tol = P.consensusToleranceSeconds.value / hopS;
  // each take's latency (frames) on the pairs' readings of every section: coordinate ascent on how many readings
  // the latencies alone explain (within consensusToleranceSeconds); a take's latency is the candidate (a reading
  // plus the other take's latency) explaining the most, taken where it explains at least contourLatencyMinMatches
  // readings and contourLatencyRatio times as many as none does (a take late in two sections by its defects is not
  // latent)
  let lat = new Float64Array(N);
  const explained = (k: number, L: number) => {
    let c = 0;
    D.forEach((d) => {
      for (let j = 0; j < N; j++) if (j !== k && d[j]![k] !== null && Math.abs(d[j]![k]! - (L - lat[j]!)) <= tol) c++;
    });
    return c;
  };
  const ascend = () => {
    for (let round = 0; round < 3; round++)
      for (let k = 0; k < N; k++) {
        const none = explained(k, 0);
        let [best, most] = [0, none];
        D.forEach((d) => {
          for (let j = 0; j < N; j++) {
            if (j === k || d[j]![k] === null) continue;
            const L = d[j]![k]! + lat[j]!;
            const c = explained(k, L);
            if (c > most || (c === most && Math.abs(L) < Math.abs(best))) [best, most] = [L, c];
          }
        });
        const ok =
          most >= P.contourLatencyMinMatches.value &&
          most >= P.contourLatencyRatio.value * none &&
          Math.abs(best) * ms >= P.takeLatencyMinMs.value;
        // the candidate moved to the median of the readings it explains
        const near: number[] = [];
        D.forEach((d) => {
          for (let j = 0; j < N; j++)
            if (j !== k && d[j]![k] !== null && Math.abs(d[j]![k]! - (best - lat[j]!)) <= tol)
              near.push(d[j]![k]! + lat[j]!);
        });
        lat[k] = ok ? (median(near) ?? best) : 0;
      }
    let total = 0;
    for (let k = 0; k < N; k++) total += explained(k, lat[k]!);
    return total;
  };
  // started from no latency, and from each take's offsets against one take (the densest of the pair's readings,
  // at least two): two takes latent alike explain each other at no latency, and one at a time neither moves
  let bestLat = new Float64Array(N);
  let bestTotal = ascend();
  bestLat = Float64Array.from(lat);
  for (let r = 0; r < N; r++) {
    lat = new Float64Array(N);
    for (let k = 0; k < N; k++) {
      if (k === r) continue;
      const xs = D.flatMap((d) => (d[r]![k] === null ? [] : [d[r]![k]!]));
      const g = largestGroup(xs, tol);
      if (g && !g.tied && g.size >= 2) lat[k] = g.centre;
    }
    const total = ascend();
    if (total > bestTotal) [bestTotal, bestLat] = [total, Float64Array.from(lat)];
  }
  lat = bestLat;
  // the latencies as their largest group's (within the tolerance) less: that group is in time (a clean take alone
  // at 0 against four takes 40 ms late is early against them, as the takes' consensus reads it)
  const g = largestGroup(Array.from(lat), tol);
  const base = g && !g.tied ? g.centre : 0;
  let latency = Array.from(lat, (L) => (Math.abs(L - base) * ms >= P.takeLatencyMinMs.value ? (L - base) * ms : 0));
  // a per-song constant: a take's latency kept only where most sections read it (its offset against the other takes,
  // their latencies off, the median over them, within the tolerance of it in at least contourLatencySectionShare of
  // the sections it has a reading in), moved to the median of those sections' readings
  {
    const share = P.contourLatencySectionShare.value;
    const latF = latency.map((L) => L / ms);
    latency = latency.map((L, k) => {
      if (L === 0) return 0;
      const per = D.flatMap((d) => {
        const xs: number[] = [];
        for (let j = 0; j < N; j++) if (j !== k && d[j]![k] !== null) xs.push(d[j]![k]! + latF[j]!);
        return xs.length ? [median(xs)!] : [];
      });
      const agree = per.filter((x) => Math.abs(x - latF[k]!) <= tol);
      if (per.length === 0 || agree.length < share * per.length) return 0;
      const m = median(agree)! * ms;
      return Math.abs(m) >= P.takeLatencyMinMs.value ? m : 0;
    });
  }
  return { latencyMs: latency };
}

/** Pooled measures of one take in one section (h-comp63). */
export interface PooledMeasures {
  pooledLagMs: number | null;
  pooledLagAgree: number | null;
  pooledPitchCents: number | null;
  pooledLevelDb: number | null;
}

/**
 * A take's onset envelope over fine ticks [a, b): its energy envelope's rise in dB over pooledRiseSeconds (the
 * envelope smoothed over as long first; levels floored 45 dB under the window's loudest, the rise capped at 20 dB:
 * one loud attack does not outweigh the others). Gain-free (a level defect leaves it); bounded memory: one window.
 */
export function onsetEnvelope(f: TakeFeatures, a: number, b: number): Float32Array {
  const w = Math.max(1, Math.round((COMP_MEASURE_PARAMETERS.pooledRiseSeconds.value * f.sampleRate) / f.fineHop));
  const n = Math.max(0, b - a);
  const lv = new Float32Array(n + w);
  let top = -Infinity;
  for (let i = 0; i < n + w; i++) {
    // the mean over the w ticks ending at a + i − w … the level w ticks before the first tick is known too
    let s = 0;
    let c = 0;
    for (let j = a + i - 2 * w + 1; j <= a + i - w; j++)
      if (j >= 0 && j < f.fine.length) {
        s += f.fine[j]!;
        c++;
      }
    lv[i] = c > 0 && s > 0 ? 10 * Math.log10(s / c) : -200;
    if (lv[i]! > top) top = lv[i]!;
  }
  const floor = top - 45;
  const env = new Float32Array(n);
  for (let i = 0; i < n; i++) env[i] = Math.min(20, Math.max(0, Math.max(floor, lv[i + w]!) - Math.max(floor, lv[i]!)));
  return env;
}

/**
 * The lag (ms, + = `take` late) maximising Σ take[i + L]·ref[i] over `ref`'s window, |L| ≤ maxLag ticks, the peak
 * refined by a parabola (sub-tick); `take` spans maxLag ticks more on each side. Null when either is flat.
 */
function envelopeLag(take: Float32Array, ref: Float32Array, maxLag: number, tickMs: number): number | null {
  const score = new Float64Array(2 * maxLag + 1);
  for (let L = -maxLag; L <= maxLag; L++) {
    let s = 0;
    for (let i = 0; i < ref.length; i++) if (ref[i]! > 0) s += take[i + L + maxLag]! * ref[i]!;
    score[L + maxLag] = s;
  }
  let k = 0;
  for (let i = 1; i < score.length; i++) if (score[i]! > score[k]!) k = i;
  if (!(score[k]! > 0)) return null;
  let at = k;
  if (k > 0 && k < score.length - 1) {
    const y0 = score[k - 1]!,
      y1 = score[k]!,
      y2 = score[k + 1]!;
    const d = y0 - 2 * y1 + y2;
    if (d < 0) at = k + (0.5 * (y0 - y2)) / d;
  }
  return (at - maxLag) * tickMs;
}

/** The true median (order.ts: the mean of the middle two for an even count); null for none. */
const medianOrNull = (xs: number[]): number | null => middleValue(xs) ?? null;

/**
 * h-comp63: each take against the other takes, pooled over the whole section — a defect too faint for the per-note
 * measures (a take 20 ms late, 15 cents sharp, 3 dB under) shows against every other take at once. Per pair of takes
 * and section: the lag of one behind the other (cross-correlation of their onset envelopes, onsetEnvelope, over the
 * section; each take's own latency taken off), the pitch of one above the other (median over the frames both voice,
 * the other take moved by that lag; octaves folded) and the level (median dB over the frames both sound, after
 * gain matching); per take, the median over the other takes. Memory: one section's envelopes at a time.
 */
export function pooledMeasures(
  takes: TakeFeatures[],
  gains: number[],
  sections: Section[],
  latencyMs: number[],
  analysed?: readonly TakeFrames[],
): PooledMeasures[][] {
  const N = takes.length;
  const none = (): PooledMeasures => ({
    pooledLagMs: null,
    pooledLagAgree: null,
    pooledPitchCents: null,
    pooledLevelDb: null,
  });
  if (N < 2) return sections.map(() => takes.map(none));
  const t0 = takes[0]!;
  const hopS = t0.hop / t0.sampleRate;
  const tickMs = (1000 * t0.fineHop) / t0.sampleRate;
  const maxLag = Math.max(1, Math.round((COMP_MEASURE_PARAMETERS.pooledMaxLagSeconds.value * 1000) / tickMs));
  const minFrames = COMP_MEASURE_PARAMETERS.pooledMinFrames.value;
  const frames = takes.map((t, k) => analysed?.[k] ?? analyseTake(t, gains[k]!));
  const fold = (c: number) => ((((c + 600) % 1200) + 1200) % 1200) - 600;
  return sections.map((s) => {
    const a = Math.max(0, Math.round((s.startSeconds * 1000) / tickMs));
    const b = Math.max(a, Math.round((s.endSeconds * 1000) / tickMs));
    const ref = takes.map((t) => onsetEnvelope(t, a, b));
    // take t's envelope over the search window around the lag c its latency predicts, once per (t, c)
    const around = new Map<string, Float32Array>();
    const searched = (t: number, c: number) => {
      const key = `${t} ${c}`;
      let x = around.get(key);
      if (!x) around.set(key, (x = onsetEnvelope(takes[t]!, a + c - maxLag, b + c + maxLag)));
      return x;
    };
    const [fa, fb] = [Math.round(s.startSeconds / hopS), Math.round(s.endSeconds / hopS)];
    // per ordered pair (t behind u): lag (latencies off), pitch and level of t above u
    // a take compares only where it sings (active frames: at least pooledVoicedShare of the most any take has
    // here): a take that left the phrase out has a room or a floor whose envelope lags nothing
    const voiced = frames.map((f) => {
      let c = 0;
      for (let i = Math.max(0, fa); i < Math.min(fb, f.active.length); i++) c += f.active[i]!;
      return c;
    });
    const most = Math.max(...voiced);
    const sings = voiced.map((c) => c >= minFrames && c >= COMP_MEASURE_PARAMETERS.pooledVoicedShare.value * most);
    const lag: (number | null)[][] = takes.map(() => new Array<number | null>(N).fill(null));
    const pitch: number[][] = takes.map(() => []);
    const level: number[][] = takes.map(() => []);
    for (let t = 0; t < N; t++)
      for (let u = 0; u < N; u++) {
        if (u === t || !sings[t] || !sings[u]) continue;
        // searched around the lag the takes' own latencies predict (a latency may exceed the search)
        const dl = (latencyMs[t] ?? 0) - (latencyMs[u] ?? 0);
        const c = Math.round(dl / tickMs);
        const found = envelopeLag(searched(t, c), ref[u]!, maxLag, tickMs);
        // and on their pitch contours (contourLag: a legato note change moves no energy); where both read, their
        // mean unless they differ by more than pooledMaxLagSeconds / 4 (then the contours'); either alone
        const span = Math.ceil((Math.abs(dl) / 1000 + COMP_MEASURE_PARAMETERS.pooledMaxLagSeconds.value) / hopS);
        const cl = contourLag(frames[u]!.raw, frames[t]!.raw, Math.max(0, fa), fb, span, hopS);
        const con = cl === null ? null : cl * hopS * 1000;
        const env = found === null ? null : found + c * tickMs;
        if (env === null && con === null) continue;
        const agree = COMP_MEASURE_PARAMETERS.pooledMaxLagSeconds.value * 250;
        const raw = con === null ? env! : env === null || Math.abs(con - env) > agree ? con : (con + env) / 2;
        lag[t]![u] = raw - dl;
        // t's frames moved by the raw lag onto u's
        const d = Math.round(raw / 1000 / hopS);
        const ft = frames[t]!;
        const fu = frames[u]!;
        const ps: number[] = [];
        const ls: number[] = [];
        for (let i = Math.max(0, fa); i < fb; i++) {
          const j = i + d;
          if (j < 0 || j >= ft.db.length || i >= fu.db.length) continue;
          if (ft.active[j] && fu.active[i]) ls.push(ft.db[j]! - fu.db[i]!);
          const x = ft.slow[j]!;
          const y = fu.slow[i]!;
          if (!Number.isNaN(x) && !Number.isNaN(y)) ps.push(fold(x - y));
        }
        if (ps.length >= minFrames) pitch[t]!.push(medianOrNull(ps)!);
        if (ls.length >= minFrames) level[t]!.push(medianOrNull(ls)!);
      }
    const near = COMP_MEASURE_PARAMETERS.pooledAgreeSeconds.value * 1000;
    return takes.map((_, t) => ({
      pooledLagMs: medianOrNull(lag[t]!.filter((x): x is number => x !== null)),
      pooledLagAgree: ((ls) => (ls.length ? ls.filter((x) => Math.abs(x) <= near).length / ls.length : null))(
        lag[t]!.filter((x): x is number => x !== null),
      ),
      pooledPitchCents: medianOrNull(pitch[t]!),
      pooledLevelDb: medianOrNull(level[t]!),
    }));
  });
}

export interface PhraseMeasures {
  phraseLevelDb: number | null;
  onsetLagMs: number | null;
}

/**
 * h-comp72: a take's level and note starts read against the other takes at the same place, not against its own
 * mean or the grid alone (a take's own swell, fade or sung entry spread moves its readings; the clean takes of real
 * singers carry them). Level: per frame the other singing takes' median level (each take's gain matched and its
 * latency taken off); the section's phrases are the runs where most singing takes sound (phraseGapSeconds bridged);
 * per phrase the median of the take's frames less that median (pooledMinFrames at least), the section's reading
 * the median over its phrases. Onsets: each note start of the take (envelopeStarts, latency off) against each other
 * take's nearest within phraseOnsetMatchSeconds, the median of those offsets when half the other takes matched, the
 * section's reading their median. Which takes sing in a section: as pooledMeasures.
 */
export function phraseMeasures(
  takes: TakeFeatures[],
  gains: number[],
  sections: Section[],
  latencyMs: number[],
  analysed?: readonly TakeFrames[],
): PhraseMeasures[][] {
  const N = takes.length;
  const none = (): PhraseMeasures => ({ phraseLevelDb: null, onsetLagMs: null });
  if (N < 2) return sections.map(() => takes.map(none));
  const hopS = takes[0]!.hop / takes[0]!.sampleRate;
  const minFrames = COMP_MEASURE_PARAMETERS.pooledMinFrames.value;
  const gap = Math.round(COMP_MEASURE_PARAMETERS.phraseGapSeconds.value / hopS);
  const W = COMP_MEASURE_PARAMETERS.phraseOnsetMatchSeconds.value;
  const frames = takes.map((t, k) => analysed?.[k] ?? analyseTake(t, gains[k]!));
  const shift = takes.map((_, k) => Math.round((latencyMs[k] ?? 0) / 1000 / hopS));
  const starts = takes.map((t, k) => envelopeStarts(t).map((e) => e - (latencyMs[k] ?? 0) / 1000));
  return sections.map((s) => {
    const [fa, fb] = [Math.max(0, Math.round(s.startSeconds / hopS)), Math.round(s.endSeconds / hopS)];
    const on = (k: number, i: number) => {
      const j = i + shift[k]!;
      return j >= 0 && j < frames[k]!.active.length && frames[k]!.active[j] === 1;
    };
    const voiced = frames.map((_, k) => {
      let c = 0;
      for (let i = fa; i < fb; i++) c += on(k, i) ? 1 : 0;
      return c;
    });
    const most = Math.max(...voiced);
    const sings = voiced.map((c) => c >= minFrames && c >= COMP_MEASURE_PARAMETERS.pooledVoicedShare.value * most);
    const singing = sings.flatMap((x, k) => (x ? [k] : []));
    // the phrases: frames where more than half the singing takes sound, rests shorter than `gap` bridged
    const phrases: [number, number][] = [];
    let open = -1;
    let last = -Infinity;
    for (let i = fa; i < fb; i++) {
      if (2 * singing.filter((k) => on(k, i)).length <= singing.length) continue;
      if (open < 0 || i - last > gap) {
        if (open >= 0) phrases.push([open, last + 1]);
        open = i;
      }
      last = i;
    }
    if (open >= 0) phrases.push([open, last + 1]);
    const level = takes.map((_, t) => {
      if (!sings[t]) return null;
      const byPhrase: number[] = [];
      for (const [a, b] of phrases) {
        const ds: number[] = [];
        for (let i = a; i < b; i++) {
          if (!on(t, i)) continue;
          const o = singing.flatMap((u) => (u !== t && on(u, i) ? [frames[u]!.db[i + shift[u]!]!] : []));
          if (o.length) ds.push(frames[t]!.db[i + shift[t]!]! - medianOrNull(o)!);
        }
        if (ds.length >= minFrames) byPhrase.push(medianOrNull(ds)!);
      }
      return medianOrNull(byPhrase);
    });
    const onset = takes.map((_, t) => {
      const others = singing.filter((u) => u !== t);
      if (!sings[t] || others.length === 0) return null;
      const per: number[] = [];
      for (const e of starts[t]!) {
        if (e < s.startSeconds || e >= s.endSeconds) continue;
        const ds: number[] = [];
        for (const u of others) {
          const ev = starts[u]!;
          const i = lowerBound(ev, e);
          let best: number | null = null;
          for (const j of [i - 1, i])
            if (
              j >= 0 &&
              j < ev.length &&
              Math.abs(e - ev[j]!) <= W &&
              (best === null || Math.abs(e - ev[j]!) < Math.abs(best))
            )
              best = e - ev[j]!;
          if (best !== null) ds.push(best);
        }
        if (2 * ds.length >= others.length) per.push(medianOrNull(ds)!);
      }
      return per.length ? medianOrNull(per)! * 1000 : null;
    });
    return takes.map((_, t) => ({ phraseLevelDb: level[t]!, onsetLagMs: onset[t]! }));
  });
}

export interface AbsoluteTiming {
  absLagMs: number | null;
  absSpreadMs: number | null;
}

/**
 * A take's note starts on its onset envelope (onsetEnvelope over the whole take), seconds: its peaks of at least
 * absRiseDb, each the highest within absPeakGapSeconds (the earlier of equal ones).
 */
export function envelopeStarts(f: TakeFeatures): number[] {
  const env = onsetEnvelope(f, 0, f.fine.length);
  const tick = f.fineHop / f.sampleRate;
  const gap = Math.round(COMP_MEASURE_PARAMETERS.absPeakGapSeconds.value / tick);
  const rise = COMP_MEASURE_PARAMETERS.absRiseDb.value;
  const out: number[] = [];
  for (let i = 1; i < env.length - 1; i++) {
    const v = env[i]!;
    if (v < rise || v < env[i - 1]! || v < env[i + 1]!) continue;
    let top = true;
    for (let j = Math.max(0, i - gap); j < Math.min(env.length, i + gap) && top; j++)
      if (env[j]! > v || (env[j] === v && j < i)) top = false;
    if (top) out.push(i * tick);
  }
  return out;
}

/**
 * h-comp65: each take's timing against an absolute reference over the whole section, not only its entry. The
 * reference: the MIDI guide's note-ons, the guide vocal's note starts, without a guide the song's onset grid (none:
 * null). Per take and section: each reference event's nearest note start of the take within absWindowSeconds of
 * where the take's reading puts it (the shared offset and its own latency, measureTakes'), their offsets' median and
 * interquartile range; the medians less the offset they share (commonOffset over all takes and sections) and the
 * take's own latency on them (ownLatency). Without a guide each note start's offset from its nearest grid line.
 */
export function absoluteTiming(input: MeasureInput, out: MeasureOutput): AbsoluteTiming[][] {
  const { takes, sections, guide } = input;
  const none = (): AbsoluteTiming => ({ absLagMs: null, absSpreadMs: null });
  const grid = out.grid ?? null;
  if (guide.kind === 'none' && !grid) return sections.map(() => takes.map(none));
  const W = COMP_MEASURE_PARAMETERS.absWindowSeconds.value;
  const events = takes.map(envelopeStarts);
  const refs =
    guide.kind === 'midi'
      ? guide.notes.map((x) => x.onSeconds).sort((a, b) => a - b)
      : guide.kind === 'audio'
        ? envelopeStarts(guide.features)
        : [];
  // per section and take: the offsets (s) of the take's note starts from the reference
  const offsets = sections.map((s) =>
    takes.map((_, k) => {
      const ev = events[k]!;
      const ds: number[] = [];
      if (guide.kind === 'none') {
        const P = grid!.periodSeconds;
        const lat = out.takeLatencyMs[k]! / 1000;
        for (const e0 of ev) {
          const e = e0 - lat;
          if (e < s.startSeconds || e >= s.endSeconds) continue;
          const x = (((e - grid!.phaseSeconds) % P) + P) % P;
          const d = x >= P / 2 ? x - P : x;
          if (Math.abs(d) <= W) ds.push(d);
        }
        return ds;
      }
      const guess = (out.timingOffsetMs + out.takeLatencyMs[k]!) / 1000;
      for (const r of refs) {
        if (r < s.startSeconds || r >= s.endSeconds) continue;
        const want = r + guess;
        const i = lowerBound(ev, want);
        let best: number | null = null;
        for (const j of [i - 1, i]) {
          if (j < 0 || j >= ev.length) continue;
          const d = ev[j]! - want;
          if (Math.abs(d) <= W && (best === null || Math.abs(d) < Math.abs(best))) best = d;
        }
        if (best !== null) ds.push(best + guess);
      }
      return ds;
    }),
  );
  const minNotes = COMP_MEASURE_PARAMETERS.absMinNotes.value;
  const raw = offsets.map((row) => row.map((ds) => (ds.length >= minNotes ? medianOrNull(ds)! * 1000 : null)));
  const flat = raw.flatMap((row, si) => row.flatMap((x) => (x === null ? [] : [{ x, si }])));
  const shared =
    guide.kind === 'none'
      ? 0
      : commonOffset(
          flat.map((y) => y.x),
          flat.map((y) => y.si),
        );
  const latency = takes.map((_, k) => ownLatency(raw.flatMap((row) => (row[k] === null ? [] : [row[k]! - shared]))));
  return raw.map((row, si) =>
    row.map((x, k) => {
      if (x === null) return none();
      const ds = offsets[si]![k]!;
      const q = (p: number) => quantile(ds, p, 'nearest') ?? 0;
      return { absLagMs: x - shared - latency[k]!, absSpreadMs: (q(0.75) - q(0.25)) * 1000 };
    }),
  );
}
