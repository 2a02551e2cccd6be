/**
 * `shub comp` take choice against the by-construction best (issue 15): songs of two-bar sections
 * sung four times by fixtures/voice.ts with one clean take per section and one defect on each
 * other take there (fixtures/takes.ts). Tuning set: the tenor, seeds 1–4 (the measures' scales
 * and weights were set on it); held out: baritone, alto and soprano with other seeds, tonics and
 * tempi; held-out-2 and held-out-3 (spec comments below; both earlier held-out sets are tuning
 * material since the no-guide note-start timing, held-out-3 adds espeak-ng speech takes).
 * Per reference (MIDI guide, guide vocal, none = consensus): sections where the chosen take
 * is the clean one. Every section here is "clearly best" (exactly one clean take).
 * `--speed`: 8 takes × 4 minutes (44.1 kHz mono; 30 s sung takes tiled) scored and assembled
 * (--auto sections, no guide), wall and CPU time against the audio's length.
 * `--param name=value` (repeatable) moves one declared comp parameter for the run (robustness);
 * `--dump PREFIX` writes every take × section's points and measures to PREFIX-<set>.json.
 * `--cache DIR` (while iterating): each song's take features (and, since h-comp22, the guide vocal's) are
 * computed once by the command's own pass (measureFile) and kept in DIR; the measures and the choice then run
 * in process on them as the command runs them (gain match, measureTakes, chooseTakes). Reported figures come
 * from runs without it (the whole command).
 * Usage: node dist/bench/comp-eval.js [--verbose]
 *   [--set tuning|tuning-more|held-out|held-out-2|…|held-out-69]
 *   [--modes midi,guide,none] [--seeds a,b] [--param name=value] [--dump PREFIX] | --speed [--param name=value]
 * `--truth --set NAME` (h-cset100): the set's generator only, no comp code — sections, readings, the clearly-best
 * sections, clipped samples in clean takes, each spec's render sha256 (truthOf).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import {
  defectAmount,
  defectDrawer,
  makeTakeSet,
  type Defect,
  type DefectKind,
  type TakeSet,
  type TakeSetOptions,
} from '../fixtures/takes.js';
import { VOICES, type VoiceStyle } from '../fixtures/voice.js';
import { makeSynthTakeSet, type SynthTakeOptions } from '../fixtures/synthtakes.js';
import { soundfontPath } from '../fixtures/synth.js';
import { mulberry32 } from '../src/engines/random.js';
import { readPcmWav } from '../test/helpers/wav.js';
import { writeWav } from '../fixtures/signals.js';
import { writeMidi } from '../fixtures/midi.js';
import { comp, COMP_PARAMETERS, measureFile } from '../src/commands/comp.js';
import { parameterSpec, resolveParams } from '../src/commands/params.js';
import { FrameMeter, type TakeFeatures } from '../src/engines/comp/features.js';
import { native } from '../src/native.js';
import { measureTakes, parseKey, voicedLoudness, type GuideNote } from '../src/engines/comp/measures.js';
import { readMidiNotes } from '../src/engines/comp/guide.js';
import { chooseTakes, parseWeights } from '../src/engines/comp/choice.js';
import { takeContext } from '../src/engines/comp/take-model.js';
import { matchGains } from '../src/engines/comp/assembly.js';
import { existsSync, readFileSync } from 'node:fs';
import { NoStore } from '../src/store/none.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';
import {
  COMP_CHOICE_PARAMETERS,
  COMP_FRAME_PARAMETERS,
  COMP_MEASURE_PARAMETERS,
  COMP_POINT_SCALES,
} from '../src/engines/comp/params.js';
import type { ParameterSpec } from '../src/engines/analysis/params.js';

const FS = 22050;
export const TUNING: TakeSetOptions[] = [1, 2, 3, 4].map((seed) => ({
  seed,
  sections: 6,
  takes: 4,
  sampleRate: FS,
  voice: VOICES.tenor,
}));
/** More tuning material (the tenor, other seeds and tempi), added with the no-guide timing consensus. */
export const TUNING_MORE: TakeSetOptions[] = [
  { seed: 5, bpm: 88 },
  { seed: 6, bpm: 96 },
  { seed: 7, bpm: 104 },
  { seed: 8, bpm: 112 },
  { seed: 9, bpm: 120 },
  { seed: 10, bpm: 126 },
].map((o) => ({ ...o, sections: 6, takes: 4, sampleRate: FS, voice: VOICES.tenor }));
export const HELD_OUT: TakeSetOptions[] = [
  { seed: 201, voice: VOICES.baritone, tonic: 50, bpm: 92 },
  { seed: 202, voice: VOICES.alto, tonic: 60, bpm: 108 },
  { seed: 203, voice: VOICES.soprano, tonic: 67, bpm: 100 },
  { seed: 204, voice: VOICES.baritone, tonic: 52, bpm: 120 },
  { seed: 205, voice: VOICES.alto, tonic: 58, bpm: 84 },
  { seed: 206, voice: VOICES.soprano, tonic: 69, bpm: 96 },
  { seed: 207, voice: VOICES.baritone, tonic: 48, bpm: 104 },
  { seed: 208, voice: VOICES.alto, tonic: 62, bpm: 112 },
  { seed: 209, voice: VOICES.soprano, tonic: 65, bpm: 90 },
  { seed: 210, voice: VOICES.alto, tonic: 57, bpm: 100 },
].map((o) => ({ ...o, sections: 7, takes: 4, sampleRate: FS }));

/**
 * A second held-out set (spec committed before its one run; 2026-12-01, after the no-guide timing
 * consensus was changed on the tuning sets): other seeds, tonics and tempi, and five songs of five
 * takes (four defects per section, so shared defects come in their natural proportion).
 */
export const HELD_OUT_2: TakeSetOptions[] = [
  { seed: 401, voice: VOICES.alto, tonic: 61, bpm: 86, takes: 4 },
  { seed: 402, voice: VOICES.baritone, tonic: 47, bpm: 118, takes: 5 },
  { seed: 403, voice: VOICES.soprano, tonic: 68, bpm: 94, takes: 4 },
  { seed: 404, voice: VOICES.alto, tonic: 56, bpm: 128, takes: 5 },
  { seed: 405, voice: VOICES.baritone, tonic: 53, bpm: 82, takes: 4 },
  { seed: 406, voice: VOICES.soprano, tonic: 70, bpm: 110, takes: 5 },
  { seed: 407, voice: VOICES.alto, tonic: 63, bpm: 98, takes: 4 },
  { seed: 408, voice: VOICES.baritone, tonic: 49, bpm: 106, takes: 5 },
  { seed: 409, voice: VOICES.soprano, tonic: 66, bpm: 124, takes: 4 },
  { seed: 410, voice: VOICES.alto, tonic: 59, bpm: 90, takes: 5 },
].map((o) => ({ ...o, sections: 7, sampleRate: FS }));

/** Voices in neither earlier set (fixtures/voice.ts styles with other formants, vibrato and breath). */
const MEZZO: VoiceStyle = {
  name: 'mezzo',
  formantScale: 1.08,
  vibratoHz: 5.0,
  vibratoCents: 50,
  vibratoDelaySeconds: 0.35,
  driftCents: 6,
  breath: 0.1,
  openPhase: 0.45,
  closePhase: 0.18,
};
const BASS: VoiceStyle = {
  name: 'bass',
  formantScale: 0.92,
  vibratoHz: 4.8,
  vibratoCents: 25,
  vibratoDelaySeconds: 0.3,
  driftCents: 3,
  breath: 0.03,
  openPhase: 0.38,
  closePhase: 0.12,
};
const BOY: VoiceStyle = {
  name: 'treble',
  formantScale: 1.26,
  vibratoHz: 6.5,
  vibratoCents: 20,
  vibratoDelaySeconds: 0.15,
  driftCents: 5,
  breath: 0.07,
  openPhase: 0.5,
  closePhase: 0.2,
};

/** A speech set: sentences spoken by espeak-ng, one per section, the takes with known defects. */
export interface SpeechSpec {
  seed: number;
  voice: string;
  wordsPerMinute: number;
  sentences: string[];
  takes: number;
  kinds: DefectKind[];
  /** Which take is clean per sentence: drawn anew (default) or kept for runs of one to three sentences. */
  placement?: 'each' | 'runs';
  /** Silence before each sentence in its section, s (default 0.35), and after it (default 0.65). */
  leadSeconds?: number;
  tailSeconds?: number;
  /** festival voices: more Scheme settings evaluated after the voice is chosen (held-out-24: a slower rate). */
  festivalEval?: string[];
  /** espeak-ng voices: its pitch setting (`-p`, 0–99; default 50). */
  espeakPitch?: number;
  /** Defect sizes other than defectAmount's (held-out-24), as TakeSetOptions.defectSizes. */
  defectSizes?: TakeSetOptions['defectSizes'];
  /**
   * A detuned take's sentence read at 2^(cents/1200) of its rate (pitch and pace moved together, 1–3 %; h-comp74).
   * Without it — every set up to held-out-49 — a speech detune is drawn and recorded as the truth but never
   * rendered: the "detuned" take speaks the clean take's audio (the takes' pooled pitch reads it 0.1–0.8 cents off
   * the others against 23–53 cents recorded). Off by default so that the earlier sets render as they did.
   */
  renderDetune?: boolean;
}

/**
 * A third held-out set (spec committed before its one run; 2026-12-01 evening, after the no-guide
 * timing was moved to note starts on the takes' pitch tracks, set on the tuning sets, which now
 * include both earlier held-out sets): new seeds (601+), three voices in neither earlier set
 * (mezzo, bass, treble) besides the alto and baritone, minor-key melodies, dotted rhythms (notes on
 * sixteenths), and defect mixes weighted to timing (two of them), to the rest, or all kinds; plus
 * real speech (espeak-ng, three voices, sentences of its own) for robustness, scored with the clean
 * rendering as guide vocal and without a guide (no MIDI melody exists for speech).
 */
export const HELD_OUT_3: TakeSetOptions[] = (
  [
    { seed: 601, voice: MEZZO, tonic: 62, bpm: 96, takes: 4, scale: 'minor' },
    { seed: 602, voice: BASS, tonic: 43, bpm: 112, takes: 5, kinds: ['late', 'early', 'detune', 'missing'] },
    { seed: 603, voice: BOY, tonic: 71, bpm: 88, takes: 4, rhythm: 'dotted' },
    {
      seed: 604,
      voice: VOICES.alto,
      tonic: 57,
      bpm: 120,
      takes: 4,
      scale: 'minor',
      kinds: ['detune', 'noise', 'clip', 'level'],
    },
    {
      seed: 605,
      voice: MEZZO,
      tonic: 64,
      bpm: 104,
      takes: 5,
      rhythm: 'dotted',
      kinds: ['late', 'early', 'noise', 'level', 'clip'],
    },
    { seed: 606, voice: BASS, tonic: 45, bpm: 84, takes: 4, scale: 'minor', rhythm: 'dotted' },
    { seed: 607, voice: BOY, tonic: 69, bpm: 116, takes: 5 },
    {
      seed: 608,
      voice: VOICES.baritone,
      tonic: 51,
      bpm: 100,
      takes: 4,
      rhythm: 'dotted',
      kinds: ['late', 'early', 'detune', 'missing'],
    },
    {
      seed: 609,
      voice: MEZZO,
      tonic: 60,
      bpm: 92,
      takes: 4,
      scale: 'minor',
      kinds: ['late', 'early', 'noise', 'level', 'clip'],
    },
  ] as Omit<TakeSetOptions, 'sections'>[]
).map((o) => ({ ...o, sections: 7, sampleRate: FS }));
export const HELD_OUT_3_SPEECH: SpeechSpec[] = [
  {
    seed: 701,
    voice: 'en-us+f3',
    wordsPerMinute: 150,
    takes: 4,
    kinds: ['late', 'early', 'noise', 'clip', 'missing', 'level'],
    sentences: [
      'She sells bright shells by the shore.',
      'A cold wind came down from the hills.',
      'We waited an hour for the late train.',
      'Nobody knew where the old map had gone.',
      'Turn left at the bakery and keep walking.',
    ],
  },
  {
    seed: 702,
    voice: 'en-gb-scotland+m3',
    wordsPerMinute: 135,
    takes: 5,
    kinds: ['late', 'early', 'noise', 'level'],
    sentences: [
      'The kettle boiled while the rain kept falling.',
      'Seven boats sailed out before dawn.',
      'His letter arrived three weeks too late.',
      'Bring the lantern and close the gate.',
      'The choir sang softly in the empty hall.',
    ],
  },
  {
    seed: 703,
    voice: 'en+f4',
    wordsPerMinute: 170,
    takes: 4,
    kinds: ['late', 'early', 'clip', 'missing', 'level', 'noise'],
    sentences: [
      'Count the coins twice before you leave.',
      'A small dog barked at the passing bus.',
      'The river froze early that winter.',
      'Please write your name on the first page.',
      'Lights went out across the whole town.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles: other formants, vibrato, breath, glottal phases). */
const CONTRALTO: VoiceStyle = {
  name: 'contralto',
  formantScale: 1.04,
  vibratoHz: 5.4,
  vibratoCents: 45,
  vibratoDelaySeconds: 0.2,
  driftCents: 7,
  breath: 0.12,
  openPhase: 0.42,
  closePhase: 0.16,
};
const COUNTERTENOR: VoiceStyle = {
  name: 'countertenor',
  formantScale: 1.0,
  vibratoHz: 5.9,
  vibratoCents: 30,
  vibratoDelaySeconds: 0.4,
  driftCents: 4,
  breath: 0.09,
  openPhase: 0.48,
  closePhase: 0.14,
};
const LYRIC: VoiceStyle = {
  name: 'lyric soprano',
  formantScale: 1.2,
  vibratoHz: 6.1,
  vibratoCents: 60,
  vibratoDelaySeconds: 0.25,
  driftCents: 5,
  breath: 0.05,
  openPhase: 0.46,
  closePhase: 0.2,
};

/**
 * A fourth held-out set (spec committed before its one run; 2026-12-02 00:45 UTC, after the no-guide
 * grid period was re-sought on every note start and the no-grid group rule was changed, set on the
 * tuning sets, which now include held-out, held-out-2 and held-out-3): seeds 801+, three voices in no
 * earlier set (contralto, countertenor, lyric soprano) besides the tenor and bass, tempi 78–132 bpm,
 * one song of six takes (five defects per section), defect mixes not used before (timing twice with
 * clipping, early with noise and detune and missing, timing with level and detune, all kinds); plus
 * speech from two espeak-ng voices not used before (en-029, en-us-nyc) and festival (kal_diphone).
 */
export const HELD_OUT_4: TakeSetOptions[] = (
  [
    { seed: 801, voice: CONTRALTO, tonic: 55, bpm: 78, takes: 4, kinds: ['late', 'late', 'early', 'clip'] },
    { seed: 802, voice: COUNTERTENOR, tonic: 62, bpm: 132, takes: 5, rhythm: 'dotted' },
    {
      seed: 803,
      voice: LYRIC,
      tonic: 72,
      bpm: 94,
      takes: 4,
      scale: 'minor',
      kinds: ['early', 'noise', 'detune', 'missing'],
    },
    {
      seed: 804,
      voice: VOICES.tenor,
      tonic: 54,
      bpm: 108,
      takes: 6,
      kinds: ['late', 'early', 'level', 'detune'],
    },
    { seed: 805, voice: CONTRALTO, tonic: 58, bpm: 86, takes: 5, scale: 'minor', rhythm: 'dotted' },
    {
      seed: 806,
      voice: BASS,
      tonic: 41,
      bpm: 122,
      takes: 4,
      rhythm: 'dotted',
      kinds: ['late', 'late', 'early', 'clip'],
    },
    { seed: 807, voice: LYRIC, tonic: 68, bpm: 102, takes: 4, kinds: ['late', 'early', 'level', 'detune'] },
    {
      seed: 808,
      voice: COUNTERTENOR,
      tonic: 60,
      bpm: 114,
      takes: 5,
      scale: 'minor',
      kinds: ['early', 'noise', 'detune', 'missing'],
    },
  ] as Omit<TakeSetOptions, 'sections'>[]
).map((o) => ({ ...o, sections: 7, sampleRate: FS }));
export const HELD_OUT_4_SPEECH: SpeechSpec[] = [
  {
    seed: 901,
    voice: 'en-029',
    wordsPerMinute: 145,
    takes: 4,
    kinds: ['late', 'early', 'noise', 'level', 'clip', 'missing'],
    sentences: [
      'The baker opened his shop at six.',
      'Green paint dried slowly on the fence.',
      'Two owls called across the dark valley.',
      'My sister mended the torn sail.',
      'Fresh snow covered every roof in town.',
    ],
  },
  {
    seed: 902,
    voice: 'en-us-nyc',
    wordsPerMinute: 160,
    takes: 5,
    kinds: ['late', 'early', 'missing', 'noise'],
    sentences: [
      'The ferry left without its last passenger.',
      'Keep the receipt in a safe place.',
      'A marching band turned onto the avenue.',
      'Nobody answered the phone all afternoon.',
      'The old clock stopped at noon.',
    ],
  },
  {
    seed: 903,
    voice: 'festival:kal_diphone',
    wordsPerMinute: 0,
    takes: 4,
    kinds: ['late', 'early', 'clip', 'level', 'noise', 'missing'],
    sentences: [
      'Put the books back on the top shelf.',
      'The garden gate creaked in the wind.',
      'We counted the stars from the hill.',
      'Her bicycle had a flat front tyre.',
      'Dinner was ready before the guests came.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles). */
const DRAMATIC: VoiceStyle = {
  name: 'dramatic soprano',
  formantScale: 1.16,
  vibratoHz: 5.3,
  vibratoCents: 70,
  vibratoDelaySeconds: 0.1,
  driftCents: 8,
  breath: 0.06,
  openPhase: 0.44,
  closePhase: 0.17,
};
const BASSO: VoiceStyle = {
  name: 'basso profondo',
  formantScale: 0.88,
  vibratoHz: 4.6,
  vibratoCents: 20,
  vibratoDelaySeconds: 0.35,
  driftCents: 3,
  breath: 0.02,
  openPhase: 0.36,
  closePhase: 0.1,
};
const LIGHT_TENOR: VoiceStyle = {
  name: 'light tenor',
  formantScale: 1.06,
  vibratoHz: 6.3,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.5,
  driftCents: 5,
  breath: 0.15,
  openPhase: 0.5,
  closePhase: 0.12,
};
const BELTER: VoiceStyle = {
  name: 'belter',
  formantScale: 1.1,
  vibratoHz: 5.7,
  vibratoCents: 35,
  vibratoDelaySeconds: 0.6,
  driftCents: 6,
  breath: 0.02,
  openPhase: 0.34,
  closePhase: 0.1,
};

/**
 * A fifth held-out set (spec committed before its one run; 2026-12-02 03:10 UTC, before the no-guide
 * changes of h-comp6 were measured on anything but the tuning sets, which now include held-out-4), made
 * differently from every earlier set: seeds 1101+, four voices in no earlier set (dramatic soprano,
 * basso profondo, light tenor, belter), tempi in no earlier set (74–140 bpm), melodies of kinds not used
 * before (triplet rhythms: notes on thirds of a beat; dorian and major-pentatonic tunes), eight sections
 * a song, a song of three takes (two defects a section) and one of six, clean takes kept for runs of
 * sections in three songs (`placement: 'runs'`), defect mixes not used before; plus speech from three
 * espeak-ng voices not used before (en-gb-x-rp+f2, en-gb-x-gbcwmd+m4, and German, de+m2, with German
 * sentences). Festival has only kal_diphone here (used in held-out-4), so no festival takes.
 */
export const HELD_OUT_5: TakeSetOptions[] = (
  [
    {
      seed: 1101,
      voice: DRAMATIC,
      tonic: 70,
      bpm: 74,
      takes: 4,
      rhythm: 'triplet',
      kinds: ['late', 'early', 'late', 'early', 'noise'],
    },
    { seed: 1102, voice: BASSO, tonic: 38, bpm: 136, takes: 3, scale: 'pentatonic', placement: 'runs' },
    {
      seed: 1103,
      voice: LIGHT_TENOR,
      tonic: 56,
      bpm: 99,
      takes: 5,
      scale: 'dorian',
      placement: 'runs',
      kinds: ['missing', 'level', 'detune', 'late'],
    },
    {
      seed: 1104,
      voice: BELTER,
      tonic: 63,
      bpm: 117,
      takes: 4,
      rhythm: 'triplet',
      scale: 'pentatonic',
      kinds: ['clip', 'early', 'missing'],
    },
    {
      seed: 1105,
      voice: DRAMATIC,
      tonic: 73,
      bpm: 127,
      takes: 6,
      rhythm: 'dotted',
      scale: 'dorian',
      kinds: ['detune', 'detune', 'late', 'noise'],
    },
    {
      seed: 1106,
      voice: BASSO,
      tonic: 40,
      bpm: 81,
      takes: 4,
      rhythm: 'triplet',
      scale: 'minor',
      kinds: ['late', 'early', 'level'],
    },
    { seed: 1107, voice: LIGHT_TENOR, tonic: 58, bpm: 140, takes: 5, placement: 'runs' },
  ] as Omit<TakeSetOptions, 'sections'>[]
).map((o) => ({ ...o, sections: 8, sampleRate: FS }));
export const HELD_OUT_5_SPEECH: SpeechSpec[] = [
  {
    seed: 1201,
    voice: 'en-gb-x-rp+f2',
    wordsPerMinute: 140,
    takes: 4,
    kinds: ['late', 'early', 'late', 'noise', 'level'],
    sentences: [
      'The lighthouse keeper wrote to his brother.',
      'A box of apples fell from the cart.',
      'Rain is expected over the northern hills.',
      'She tuned the violin before the concert.',
      'The last bus leaves at half past ten.',
    ],
  },
  {
    seed: 1202,
    voice: 'en-gb-x-gbcwmd+m4',
    wordsPerMinute: 155,
    takes: 5,
    placement: 'runs',
    kinds: ['early', 'missing', 'clip', 'late'],
    sentences: [
      'The canal was quiet on Sunday morning.',
      'He painted the door a bright shade of blue.',
      'Our neighbours keep bees in the garden.',
      'The market opens early on Fridays.',
      'A parcel came for you this afternoon.',
    ],
  },
  {
    seed: 1203,
    voice: 'de+m2',
    wordsPerMinute: 150,
    takes: 3,
    kinds: ['late', 'early', 'noise', 'level', 'clip', 'missing'],
    sentences: [
      'Der Zug fährt um sieben Uhr ab.',
      'Im Garten blühen die ersten Rosen.',
      'Mein Onkel repariert alte Uhren.',
      'Die Kinder spielen am Ufer des Sees.',
      'Morgen wird es kalt und windig.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles). */
const CROONER: VoiceStyle = {
  name: 'crooner',
  formantScale: 0.95,
  vibratoHz: 4.4,
  vibratoCents: 40,
  vibratoDelaySeconds: 0.45,
  driftCents: 9,
  breath: 0.18,
  openPhase: 0.47,
  closePhase: 0.15,
};
const SOUBRETTE: VoiceStyle = {
  name: 'soubrette',
  formantScale: 1.24,
  vibratoHz: 6.8,
  vibratoCents: 35,
  vibratoDelaySeconds: 0.05,
  driftCents: 4,
  breath: 0.04,
  openPhase: 0.52,
  closePhase: 0.22,
};
const HELDEN: VoiceStyle = {
  name: 'heldentenor',
  formantScale: 1.0,
  vibratoHz: 5.1,
  vibratoCents: 55,
  vibratoDelaySeconds: 0.3,
  driftCents: 6,
  breath: 0.03,
  openPhase: 0.37,
  closePhase: 0.09,
};
const FOLK: VoiceStyle = {
  name: 'folk alto',
  formantScale: 1.12,
  vibratoHz: 5.5,
  vibratoCents: 10,
  vibratoDelaySeconds: 0.7,
  driftCents: 5,
  breath: 0.22,
  openPhase: 0.49,
  closePhase: 0.13,
};

/**
 * A sixth held-out set (spec committed before its one run; 2026-12-02 06:50 UTC, after h-comp7's
 * changes were set on the tuning sets, which now include held-out-5), made differently from every
 * earlier set: seeds 1301+ and 1401+, four voices in no earlier set (crooner, soubrette, heldentenor,
 * folk alto), tempi in no earlier set (66, 70, 138, 144, 150, 152 bpm; 92 once with 3/4), melodies and
 * meters of kinds not used before (new in fixtures/takes.ts: `rhythm: 'sixteenth'` — fast sixteenths,
 * phrases starting on the beat's second sixteenth — and `sectionBeats` 6 and 12: sections of two or
 * four bars of 3/4, one of them with triplets), defect mixes not used before; plus speech from three
 * espeak-ng voices and variants not used before, two in other languages (fr+Annie with French
 * sentences, es+Antonio with Spanish ones, en-gb-x-gbclan+Gene).
 */
export const HELD_OUT_6: TakeSetOptions[] = (
  [
    {
      seed: 1301,
      voice: CROONER,
      tonic: 52,
      bpm: 138,
      takes: 4,
      rhythm: 'sixteenth',
      kinds: ['late', 'early', 'detune', 'clip'],
      sections: 8,
    },
    {
      seed: 1302,
      voice: SOUBRETTE,
      tonic: 74,
      bpm: 92,
      takes: 5,
      sectionBeats: 6,
      scale: 'minor',
      kinds: ['early', 'late', 'noise', 'missing'],
      sections: 9,
    },
    {
      seed: 1303,
      voice: HELDEN,
      tonic: 55,
      bpm: 66,
      takes: 4,
      rhythm: 'triplet',
      sectionBeats: 6,
      kinds: ['late', 'late', 'early', 'level', 'detune'],
      sections: 8,
    },
    {
      seed: 1304,
      voice: FOLK,
      tonic: 60,
      bpm: 150,
      takes: 3,
      rhythm: 'sixteenth',
      scale: 'dorian',
      placement: 'runs',
      sections: 8,
    },
    {
      seed: 1305,
      voice: CROONER,
      tonic: 48,
      bpm: 70,
      takes: 6,
      rhythm: 'dotted',
      sectionBeats: 12,
      scale: 'pentatonic',
      kinds: ['late', 'early', 'noise', 'clip', 'level'],
      sections: 6,
    },
    {
      seed: 1306,
      voice: SOUBRETTE,
      tonic: 71,
      bpm: 144,
      takes: 4,
      kinds: ['early', 'early', 'late', 'missing', 'detune'],
      sections: 8,
    },
    {
      seed: 1307,
      voice: HELDEN,
      tonic: 57,
      bpm: 152,
      takes: 5,
      rhythm: 'triplet',
      scale: 'minor',
      placement: 'runs',
      kinds: ['late', 'early', 'detune', 'level', 'noise'],
      sections: 7,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: FS }));
export const HELD_OUT_6_SPEECH: SpeechSpec[] = [
  {
    seed: 1401,
    voice: 'fr+Annie',
    wordsPerMinute: 145,
    takes: 4,
    kinds: ['late', 'early', 'noise', 'clip', 'level', 'missing'],
    sentences: [
      'Le train part à sept heures du matin.',
      'Ma grand-mère cultive des tomates au jardin.',
      'Il a plu toute la nuit sur la ville.',
      'Les enfants jouent au bord de la rivière.',
      'Nous avons dîné tard chez nos voisins.',
    ],
  },
  {
    seed: 1402,
    voice: 'es+Antonio',
    wordsPerMinute: 160,
    takes: 5,
    placement: 'runs',
    kinds: ['late', 'early', 'missing', 'noise', 'level'],
    sentences: [
      'El tren sale a las siete de la tarde.',
      'Mi hermano arregla bicicletas viejas.',
      'Hace mucho frío en las montañas.',
      'Los pájaros cantan antes del amanecer.',
      'La tienda cierra temprano los domingos.',
    ],
  },
  {
    seed: 1403,
    voice: 'en-gb-x-gbclan+Gene',
    wordsPerMinute: 135,
    takes: 3,
    kinds: ['early', 'late', 'clip', 'noise'],
    sentences: [
      'The fishing boats came home before the storm.',
      'A lamp was burning in the upstairs window.',
      'We walked along the cliffs until sunset.',
      'The postman whistled as he crossed the square.',
      'Snow had fallen on the mountain overnight.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles). */
const GOSPEL: VoiceStyle = {
  name: 'gospel alto',
  formantScale: 1.14,
  vibratoHz: 6.0,
  vibratoCents: 65,
  vibratoDelaySeconds: 0.2,
  driftCents: 7,
  breath: 0.08,
  openPhase: 0.4,
  closePhase: 0.19,
};
const JAZZ_BARITONE: VoiceStyle = {
  name: 'jazz baritone',
  formantScale: 0.9,
  vibratoHz: 4.9,
  vibratoCents: 30,
  vibratoDelaySeconds: 0.55,
  driftCents: 4,
  breath: 0.14,
  openPhase: 0.43,
  closePhase: 0.11,
};
const POP_TENOR: VoiceStyle = {
  name: 'pop tenor',
  formantScale: 1.03,
  vibratoHz: 5.8,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.65,
  driftCents: 3,
  breath: 0.1,
  openPhase: 0.41,
  closePhase: 0.15,
};
const GIRL: VoiceStyle = {
  name: 'girl soprano',
  formantScale: 1.3,
  vibratoHz: 6.6,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.1,
  driftCents: 6,
  breath: 0.11,
  openPhase: 0.55,
  closePhase: 0.21,
};

/**
 * A seventh held-out set (spec committed before its one run; 2026-12-02 09:00 UTC, after h-comp8's
 * changes were set on the tuning sets, which now include held-out-6), made differently from every
 * earlier set: seeds 1501+ and 1601+, four voices in no earlier set (gospel alto, jazz baritone, pop
 * tenor, girl soprano), the takes rendered at 32 kHz (every earlier set: 22.05 kHz), tempi in no
 * earlier set (63–146 bpm), melodies and meters of kinds not used before (new in fixtures/takes.ts:
 * `rhythm: 'swing'` — long-short eighths, 2:1 — in three songs; `scale: 'mixolydian'` and `'harmonic'`
 * — harmonic minor, the key given as its natural minor; `sectionBeats` 10 — two bars of 5/4 — and 16 —
 * four bars of 4/4), defect mixes not used before; plus speech from three espeak-ng voices not used
 * before, two in other languages (it+Marco with Italian sentences, nl+anika with Dutch ones) and one
 * on espeak-ng's Klatt synthesizer (en-us+klatt3).
 */
export const HELD_OUT_7: TakeSetOptions[] = (
  [
    {
      seed: 1501,
      voice: GOSPEL,
      tonic: 65,
      bpm: 76,
      takes: 4,
      rhythm: 'swing',
      scale: 'mixolydian',
      kinds: ['clip', 'late', 'level', 'early'],
      sections: 8,
    },
    {
      seed: 1502,
      voice: JAZZ_BARITONE,
      tonic: 45,
      bpm: 107,
      takes: 5,
      rhythm: 'swing',
      kinds: ['missing', 'early', 'early', 'noise', 'level'],
      sections: 8,
    },
    {
      seed: 1503,
      voice: POP_TENOR,
      tonic: 59,
      bpm: 131,
      takes: 4,
      sectionBeats: 10,
      kinds: ['detune', 'late', 'late', 'clip', 'missing'],
      sections: 7,
    },
    {
      seed: 1504,
      voice: GIRL,
      tonic: 72,
      bpm: 83,
      takes: 3,
      scale: 'harmonic',
      placement: 'runs',
      kinds: ['late', 'noise', 'early', 'detune'],
      sections: 8,
    },
    {
      seed: 1505,
      voice: GOSPEL,
      tonic: 62,
      bpm: 63,
      takes: 6,
      rhythm: 'dotted',
      sectionBeats: 10,
      kinds: ['level', 'early', 'clip', 'detune', 'late'],
      sections: 7,
    },
    {
      seed: 1506,
      voice: JAZZ_BARITONE,
      tonic: 48,
      bpm: 146,
      takes: 4,
      sectionBeats: 16,
      kinds: ['early', 'missing', 'late', 'late', 'noise'],
      sections: 6,
    },
    {
      seed: 1507,
      voice: POP_TENOR,
      tonic: 55,
      bpm: 97,
      takes: 5,
      rhythm: 'swing',
      scale: 'mixolydian',
      placement: 'runs',
      kinds: ['noise', 'late', 'missing', 'clip', 'early', 'level'],
      sections: 7,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: 32000 }));
export const HELD_OUT_7_SPEECH: SpeechSpec[] = [
  {
    seed: 1601,
    voice: 'it+Marco',
    wordsPerMinute: 150,
    takes: 4,
    kinds: ['early', 'late', 'late', 'missing', 'clip'],
    sentences: [
      'Il treno parte alle sette di sera.',
      'Mia sorella coltiva i pomodori in giardino.',
      'Ha piovuto tutta la notte sulla città.',
      'I bambini giocano vicino al fiume.',
      'Abbiamo cenato tardi dai nostri vicini.',
    ],
  },
  {
    seed: 1602,
    voice: 'nl+anika',
    wordsPerMinute: 140,
    takes: 5,
    placement: 'runs',
    kinds: ['noise', 'early', 'level', 'late'],
    sentences: [
      'De bakker opent zijn winkel om zes uur.',
      'Het regende de hele dag in de haven.',
      'Mijn buurman repareert oude fietsen.',
      'De kinderen spelen op het strand.',
      'Morgen wordt het koud en winderig.',
    ],
  },
  {
    seed: 1603,
    voice: 'en-us+klatt3',
    wordsPerMinute: 165,
    takes: 4,
    kinds: ['late', 'early', 'missing', 'noise', 'level', 'clip'],
    sentences: [
      'The orchard was heavy with ripe pears.',
      'A sailor painted the hull of his boat.',
      'The library closes early on holidays.',
      'Thunder rolled over the quiet farms.',
      'She found a silver key under the mat.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles). */
const CANTOR: VoiceStyle = {
  name: 'cantor',
  formantScale: 0.93,
  vibratoHz: 5.4,
  vibratoCents: 45,
  vibratoDelaySeconds: 0.3,
  driftCents: 5,
  breath: 0.07,
  openPhase: 0.46,
  closePhase: 0.13,
};
const INDIE_ALTO: VoiceStyle = {
  name: 'indie alto',
  formantScale: 1.12,
  vibratoHz: 5.1,
  vibratoCents: 10,
  vibratoDelaySeconds: 0.7,
  driftCents: 8,
  breath: 0.2,
  openPhase: 0.52,
  closePhase: 0.18,
};
const COUNTRY_TENOR: VoiceStyle = {
  name: 'country tenor',
  formantScale: 1.06,
  vibratoHz: 6.3,
  vibratoCents: 28,
  vibratoDelaySeconds: 0.4,
  driftCents: 5,
  breath: 0.09,
  openPhase: 0.38,
  closePhase: 0.14,
};
const RNB_SOPRANO: VoiceStyle = {
  name: 'r&b soprano',
  formantScale: 1.22,
  vibratoHz: 5.6,
  vibratoCents: 50,
  vibratoDelaySeconds: 0.15,
  driftCents: 6,
  breath: 0.12,
  openPhase: 0.48,
  closePhase: 0.22,
};

/**
 * An eighth held-out set (spec committed before its one run; 2026-12-02 11:40 UTC, h-comp9, before
 * any of h-comp9's changes were tried on it; every earlier set is tuning material now), made
 * differently from every earlier set: seeds 1701+ and 1801+, four voices in no earlier set (cantor,
 * indie alto, country tenor, r&b soprano), the takes rendered at 24 kHz (earlier sets 22.05 and
 * 32 kHz), tempi in no earlier set (68, 72, 80, 93, 101, 113, 135, 142 bpm), scale × rhythm pairs not
 * used before (dorian swing, pentatonic sixteenths, harmonic-minor triplets, mixolydian dotted, minor
 * swing), section lengths 6, 10, 12 and 16 beats, defect mixes not used before; speech from three
 * espeak-ng voices in languages no earlier set used (Brazilian Portuguese, Swedish, Polish), with
 * sentences of their own. 8 songs (64 sections: ≥ 60 with the MIDI guide) and 15 sentences.
 */
export const HELD_OUT_8: TakeSetOptions[] = (
  [
    {
      seed: 1701,
      voice: CANTOR,
      tonic: 50,
      bpm: 72,
      takes: 4,
      scale: 'dorian',
      rhythm: 'swing',
      kinds: ['level', 'late', 'detune', 'early', 'noise'],
      sections: 8,
    },
    {
      seed: 1702,
      voice: INDIE_ALTO,
      tonic: 64,
      bpm: 113,
      takes: 5,
      scale: 'pentatonic',
      rhythm: 'sixteenth',
      sectionBeats: 12,
      kinds: ['early', 'late', 'level', 'clip'],
      sections: 8,
    },
    {
      seed: 1703,
      voice: COUNTRY_TENOR,
      tonic: 57,
      bpm: 135,
      takes: 4,
      sectionBeats: 16,
      placement: 'runs',
      kinds: ['late', 'late', 'missing', 'level', 'detune'],
      sections: 8,
    },
    {
      seed: 1704,
      voice: RNB_SOPRANO,
      tonic: 69,
      bpm: 93,
      takes: 4,
      scale: 'harmonic',
      rhythm: 'triplet',
      kinds: ['noise', 'early', 'clip', 'late', 'level'],
      sections: 8,
    },
    {
      seed: 1705,
      voice: CANTOR,
      tonic: 46,
      bpm: 68,
      takes: 5,
      scale: 'mixolydian',
      rhythm: 'dotted',
      sectionBeats: 6,
      kinds: ['detune', 'missing', 'early', 'early', 'level'],
      sections: 8,
    },
    {
      seed: 1706,
      voice: INDIE_ALTO,
      tonic: 60,
      bpm: 142,
      takes: 4,
      sectionBeats: 10,
      kinds: ['late', 'noise', 'level', 'early', 'missing', 'clip'],
      sections: 8,
    },
    {
      seed: 1707,
      voice: COUNTRY_TENOR,
      tonic: 53,
      bpm: 101,
      takes: 6,
      scale: 'minor',
      rhythm: 'swing',
      placement: 'runs',
      kinds: ['clip', 'late', 'early', 'detune', 'level', 'noise'],
      sections: 8,
    },
    {
      seed: 1708,
      voice: RNB_SOPRANO,
      tonic: 67,
      bpm: 80,
      takes: 3,
      scale: 'pentatonic',
      sectionBeats: 12,
      kinds: ['level', 'level', 'late', 'missing', 'detune'],
      sections: 8,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: 24000 }));
export const HELD_OUT_8_SPEECH: SpeechSpec[] = [
  {
    seed: 1801,
    voice: 'pt-br+Henrique',
    wordsPerMinute: 155,
    takes: 4,
    kinds: ['late', 'level', 'early', 'noise', 'missing'],
    sentences: [
      'O padeiro abre a loja antes do sol nascer.',
      'Choveu muito durante a viagem para o sul.',
      'Minha avó guarda as cartas numa caixa azul.',
      'Os pescadores voltaram cedo com o barco cheio.',
      'A festa da escola foi adiada para sábado.',
    ],
  },
  {
    seed: 1802,
    voice: 'sv+Steph',
    wordsPerMinute: 145,
    takes: 5,
    placement: 'runs',
    kinds: ['clip', 'late', 'early', 'level'],
    sentences: [
      'Vi åkte till stugan vid sjön i juli.',
      'Hon läser en tjock bok varje vecka.',
      'Bussen kom för sent på grund av snön.',
      'Min bror bakar bröd på söndagarna.',
      'Det blåste kallt över den öppna slätten.',
    ],
  },
  {
    seed: 1803,
    voice: 'pl+Linda',
    wordsPerMinute: 160,
    takes: 4,
    kinds: ['missing', 'late', 'noise', 'early', 'clip'],
    sentences: [
      'Mój ojciec naprawia stare zegary.',
      'W parku rosną wysokie kasztany.',
      'Pociąg do Krakowa odjeżdża o ósmej.',
      'Dzieci budują zamek z piasku na plaży.',
      'Wieczorem zrobiło się bardzo zimno.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles). */
const CHANTEUSE: VoiceStyle = {
  name: 'chanteuse',
  formantScale: 1.16,
  vibratoHz: 5.3,
  vibratoCents: 38,
  vibratoDelaySeconds: 0.5,
  driftCents: 7,
  breath: 0.15,
  openPhase: 0.5,
  closePhase: 0.17,
};
const BLUES_BARITONE: VoiceStyle = {
  name: 'blues baritone',
  formantScale: 0.94,
  vibratoHz: 4.6,
  vibratoCents: 48,
  vibratoDelaySeconds: 0.35,
  driftCents: 8,
  breath: 0.17,
  openPhase: 0.44,
  closePhase: 0.12,
};
const CHOIRBOY: VoiceStyle = {
  name: 'choirboy',
  formantScale: 1.28,
  vibratoHz: 6.4,
  vibratoCents: 8,
  vibratoDelaySeconds: 0.5,
  driftCents: 3,
  breath: 0.06,
  openPhase: 0.53,
  closePhase: 0.19,
};
const OPERATIC_TENOR: VoiceStyle = {
  name: 'operatic tenor',
  formantScale: 1.02,
  vibratoHz: 6.0,
  vibratoCents: 70,
  vibratoDelaySeconds: 0.12,
  driftCents: 4,
  breath: 0.02,
  openPhase: 0.36,
  closePhase: 0.11,
};

/**
 * A ninth held-out set (spec committed before its one run; 2026-12-02 14:20 UTC, h-comp11, before any
 * of h-comp11's changes were tried on it; every earlier set is tuning material now), made differently
 * from every earlier set: seeds 1901+ and 2001+, four voices in no earlier set (chanteuse, blues
 * baritone, choirboy, operatic tenor), the takes rendered at 16 kHz (earlier sets 22.05, 24 and 32 kHz),
 * tempi in no earlier set (58, 61, 87, 103, 109, 121, 129, 148 bpm), lyrics of kinds not used before
 * (new in fixtures/takes.ts: `vowels` — only closed i/u, only a/o, only e/i, only o/u — and
 * `consonantShare` 0, 0.8 and 0.9 against the usual 0.5), section lengths in no earlier set (7, 9 and
 * 14 beats), scale × rhythm pairs and defect mixes not used before; speech from three espeak-ng voices
 * in languages no earlier set used (Finnish, Czech, Turkish), with sentences of their own, at speaking
 * rates no earlier set used (125, 150 and 180 words a minute) and with the sentences placed 0.5 s and
 * 0.25 s into their sections (new `leadSeconds`/`tailSeconds`; earlier sets 0.35 s). 8 songs (64
 * sections, all sung: ≥ 60 with the MIDI guide) and 15 sentences.
 */
export const HELD_OUT_9: TakeSetOptions[] = (
  [
    {
      seed: 1901,
      voice: CHANTEUSE,
      tonic: 65,
      bpm: 87,
      takes: 4,
      scale: 'minor',
      rhythm: 'dotted',
      sectionBeats: 9,
      vowels: ['i', 'u'],
      consonantShare: 0.9,
      kinds: ['late', 'early', 'noise', 'level'],
      sections: 8,
    },
    {
      seed: 1902,
      voice: BLUES_BARITONE,
      tonic: 46,
      bpm: 58,
      takes: 5,
      scale: 'mixolydian',
      rhythm: 'triplet',
      vowels: ['a', 'o'],
      kinds: ['detune', 'late', 'clip', 'missing'],
      sections: 8,
    },
    {
      seed: 1903,
      voice: CHOIRBOY,
      tonic: 74,
      bpm: 121,
      takes: 3,
      rhythm: 'sixteenth',
      sectionBeats: 14,
      placement: 'runs',
      consonantShare: 0,
      kinds: ['early', 'detune', 'level', 'noise'],
      sections: 8,
    },
    {
      seed: 1904,
      voice: OPERATIC_TENOR,
      tonic: 60,
      bpm: 148,
      takes: 4,
      scale: 'dorian',
      sectionBeats: 7,
      kinds: ['late', 'late', 'early', 'clip', 'level'],
      sections: 8,
    },
    {
      seed: 1905,
      voice: CHANTEUSE,
      tonic: 68,
      bpm: 103,
      takes: 6,
      scale: 'harmonic',
      rhythm: 'swing',
      sectionBeats: 14,
      kinds: ['noise', 'early', 'missing', 'detune', 'late'],
      sections: 8,
    },
    {
      seed: 1906,
      voice: BLUES_BARITONE,
      tonic: 43,
      bpm: 129,
      takes: 4,
      scale: 'pentatonic',
      rhythm: 'dotted',
      vowels: ['e', 'i'],
      consonantShare: 0.8,
      kinds: ['level', 'early', 'early', 'detune'],
      sections: 8,
    },
    {
      seed: 1907,
      voice: CHOIRBOY,
      tonic: 76,
      bpm: 61,
      takes: 5,
      scale: 'minor',
      sectionBeats: 9,
      placement: 'runs',
      kinds: ['clip', 'late', 'noise', 'missing', 'level', 'early'],
      sections: 8,
    },
    {
      seed: 1908,
      voice: OPERATIC_TENOR,
      tonic: 57,
      bpm: 109,
      takes: 4,
      scale: 'mixolydian',
      rhythm: 'sixteenth',
      vowels: ['o', 'u'],
      kinds: ['detune', 'level', 'late', 'missing'],
      sections: 8,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: 16000 }));
export const HELD_OUT_9_SPEECH: SpeechSpec[] = [
  {
    seed: 2001,
    voice: 'fi+Kaukovalta',
    wordsPerMinute: 125,
    takes: 4,
    leadSeconds: 0.5,
    tailSeconds: 0.8,
    kinds: ['early', 'noise', 'late', 'level', 'clip'],
    sentences: [
      'Isoäiti leipoo pullaa joka lauantai.',
      'Järven jää suli vasta toukokuussa.',
      'Kirjasto on suljettu koko viikon.',
      'Naapurin koira haukkuu postinkantajalle.',
      'Huomenna sataa lunta pohjoisessa.',
    ],
  },
  {
    seed: 2002,
    voice: 'cs+Mr_Serious',
    wordsPerMinute: 180,
    takes: 5,
    placement: 'runs',
    kinds: ['late', 'missing', 'early', 'noise', 'level'],
    sentences: [
      'Můj děda opravuje staré hodiny.',
      'V zahradě kvetou první tulipány.',
      'Vlak do Brna odjíždí v sedm hodin.',
      'Děti si hrají na břehu řeky.',
      'Večer začalo silně pršet.',
    ],
  },
  {
    seed: 2003,
    voice: 'tr+shelby',
    wordsPerMinute: 150,
    takes: 3,
    leadSeconds: 0.25,
    tailSeconds: 0.6,
    kinds: ['clip', 'late', 'early', 'missing'],
    sentences: [
      'Annem her sabah erkenden kalkar.',
      'Deniz bu akşam çok sakin görünüyor.',
      'Kardeşim eski bisikletleri tamir eder.',
      'Otobüs karlı yolda yavaş ilerledi.',
      'Yarın hava soğuk ve rüzgarlı olacak.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles; vibrato rates and depths not used before). */
const FADO: VoiceStyle = {
  name: 'fado',
  formantScale: 1.11,
  vibratoHz: 4.7,
  vibratoCents: 42,
  vibratoDelaySeconds: 0.22,
  driftCents: 6,
  breath: 0.13,
  openPhase: 0.47,
  closePhase: 0.14,
};
const WORSHIP_BARITONE: VoiceStyle = {
  name: 'worship baritone',
  formantScale: 0.97,
  vibratoHz: 5.45,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.28,
  driftCents: 5,
  breath: 0.08,
  openPhase: 0.39,
  closePhase: 0.13,
};
const BLUEGRASS_TENOR: VoiceStyle = {
  name: 'bluegrass tenor',
  formantScale: 1.05,
  vibratoHz: 6.7,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.08,
  driftCents: 7,
  breath: 0.05,
  openPhase: 0.35,
  closePhase: 0.1,
};
const THEATRE_ALTO: VoiceStyle = {
  name: 'musical-theatre alto',
  formantScale: 1.13,
  vibratoHz: 5.75,
  vibratoCents: 52,
  vibratoDelaySeconds: 0.38,
  driftCents: 4,
  breath: 0.11,
  openPhase: 0.51,
  closePhase: 0.2,
};

/**
 * A tenth held-out set (spec committed before shub's one run on it; 2026-12-02 17:40 UTC, h-comp12, after
 * h-comp12's grid change was set on the tuning sets — every earlier set, held-out-9 included, is tuning
 * material now), made differently from every earlier set: seeds 2101–2108 and 2201–2203 (none used
 * before), four voices in no earlier set (fado, worship baritone, bluegrass tenor, musical-theatre alto;
 * vibrato rates 4.7, 5.45, 6.7, 5.75 Hz and depths 42, 22, 14, 52 cents not used before), the takes
 * rendered at 44.1 kHz (earlier sets 16, 22.05, 24 and 32 kHz), tempi in no earlier set (64, 69, 77, 91,
 * 115, 125, 134, 141 bpm), section lengths in no earlier set (5, 11 and 13 beats, besides the default 8),
 * scale × rhythm pairs no earlier song used (harmonic dotted, harmonic sixteenth, pentatonic swing, minor
 * sixteenth, dorian triplet, mixolydian straight; plus major swing and dorian dotted, used once each),
 * lyric vowel pairs not used before (a/e, u/a, e/o) and consonant shares 0.3 and 0.65 (earlier 0, 0.5,
 * 0.8, 0.9), defect mixes not used before; speech from three espeak-ng voices in languages no earlier
 * set used (Hungarian, Romanian, Danish), with variants not used before (Andy, aunty, m7), sentences of
 * their own, at speaking rates no earlier set used (130, 175, 195 words a minute) and sentence leads
 * 0.4 s and 0.3 s (earlier 0.25, 0.35, 0.5). 8 songs (64 sections, all sung: ≥ 60 with the MIDI guide)
 * and 15 sentences; every section clearly best by construction (one clean take).
 */
export const HELD_OUT_10: TakeSetOptions[] = (
  [
    {
      seed: 2101,
      voice: FADO,
      tonic: 64,
      bpm: 69,
      takes: 4,
      scale: 'harmonic',
      rhythm: 'dotted',
      sectionBeats: 5,
      vowels: ['a', 'e'],
      kinds: ['early', 'late', 'late', 'clip', 'noise'],
      sections: 8,
    },
    {
      seed: 2102,
      voice: WORSHIP_BARITONE,
      tonic: 48,
      bpm: 77,
      takes: 5,
      scale: 'mixolydian',
      sectionBeats: 11,
      consonantShare: 0.3,
      kinds: ['level', 'missing', 'early', 'detune', 'noise'],
      sections: 8,
    },
    {
      seed: 2103,
      voice: BLUEGRASS_TENOR,
      tonic: 59,
      bpm: 134,
      takes: 4,
      scale: 'pentatonic',
      rhythm: 'swing',
      placement: 'runs',
      kinds: ['late', 'early', 'early', 'level', 'clip'],
      sections: 8,
    },
    {
      seed: 2104,
      voice: THEATRE_ALTO,
      tonic: 66,
      bpm: 91,
      takes: 6,
      scale: 'minor',
      rhythm: 'sixteenth',
      sectionBeats: 13,
      vowels: ['u', 'a'],
      kinds: ['detune', 'noise', 'late', 'missing', 'early', 'clip'],
      sections: 8,
    },
    {
      seed: 2105,
      voice: FADO,
      tonic: 62,
      bpm: 125,
      takes: 3,
      scale: 'dorian',
      rhythm: 'triplet',
      consonantShare: 0.65,
      kinds: ['late', 'detune', 'level', 'early'],
      sections: 8,
    },
    {
      seed: 2106,
      voice: BLUEGRASS_TENOR,
      tonic: 57,
      bpm: 64,
      takes: 5,
      scale: 'harmonic',
      rhythm: 'sixteenth',
      sectionBeats: 5,
      kinds: ['early', 'missing', 'clip', 'late', 'level', 'noise'],
      sections: 8,
    },
    {
      seed: 2107,
      voice: WORSHIP_BARITONE,
      tonic: 45,
      bpm: 141,
      takes: 4,
      rhythm: 'swing',
      sectionBeats: 11,
      vowels: ['e', 'o'],
      kinds: ['noise', 'late', 'late', 'early', 'detune'],
      sections: 8,
    },
    {
      seed: 2108,
      voice: THEATRE_ALTO,
      tonic: 69,
      bpm: 115,
      takes: 5,
      scale: 'dorian',
      rhythm: 'dotted',
      sectionBeats: 13,
      placement: 'runs',
      kinds: ['clip', 'early', 'level', 'late', 'missing'],
      sections: 8,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: 44100 }));
export const HELD_OUT_10_SPEECH: SpeechSpec[] = [
  {
    seed: 2201,
    voice: 'hu+Andy',
    wordsPerMinute: 130,
    takes: 4,
    leadSeconds: 0.4,
    tailSeconds: 0.7,
    kinds: ['late', 'early', 'noise', 'missing', 'level'],
    sentences: [
      'A nagymamám minden vasárnap levest főz.',
      'A folyó partján magas fák nőnek.',
      'A könyvtár egész héten zárva tart.',
      'A szomszéd macskája a tetőn alszik.',
      'Holnap reggel havazni fog a hegyekben.',
    ],
  },
  {
    seed: 2202,
    voice: 'ro+aunty',
    wordsPerMinute: 175,
    takes: 3,
    placement: 'runs',
    kinds: ['early', 'late', 'clip', 'level'],
    sentences: [
      'Bunicul meu repară biciclete vechi.',
      'În grădină au înflorit primii trandafiri.',
      'Trenul spre Cluj pleacă la ora opt.',
      'Copiii se joacă pe malul lacului.',
      'Seara a început să plouă puternic.',
    ],
  },
  {
    seed: 2203,
    voice: 'da+m7',
    wordsPerMinute: 195,
    takes: 5,
    leadSeconds: 0.3,
    tailSeconds: 0.55,
    kinds: ['noise', 'late', 'early', 'missing', 'clip', 'late'],
    sentences: [
      'Min mormor bager boller hver søndag.',
      'Havnen er stille tidligt om morgenen.',
      'Biblioteket holder lukket hele ugen.',
      'Naboens hund gør ad postbudet.',
      'I morgen bliver det koldt og blæsende.',
    ],
  },
];

/** Voices in no earlier set (fixtures/voice.ts styles; vibrato rates 6.05, 4.55, 5.65, 6.9 Hz not used before). */
const YODELER: VoiceStyle = {
  name: 'yodeler',
  formantScale: 1.18,
  vibratoHz: 6.05,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.12,
  driftCents: 5,
  breath: 0.06,
  openPhase: 0.37,
  closePhase: 0.11,
};
const LOUNGE_CONTRALTO: VoiceStyle = {
  name: 'lounge contralto',
  formantScale: 1.07,
  vibratoHz: 4.55,
  vibratoCents: 47,
  vibratoDelaySeconds: 0.42,
  driftCents: 8,
  breath: 0.16,
  openPhase: 0.53,
  closePhase: 0.19,
};
const SOUL_TENOR: VoiceStyle = {
  name: 'soul tenor',
  formantScale: 1.01,
  vibratoHz: 5.65,
  vibratoCents: 33,
  vibratoDelaySeconds: 0.18,
  driftCents: 9,
  breath: 0.09,
  openPhase: 0.43,
  closePhase: 0.16,
};
const CABARET_MEZZO: VoiceStyle = {
  name: 'cabaret mezzo',
  formantScale: 1.15,
  vibratoHz: 6.9,
  vibratoCents: 27,
  vibratoDelaySeconds: 0.3,
  driftCents: 3,
  breath: 0.12,
  openPhase: 0.48,
  closePhase: 0.15,
};

/**
 * The eleventh held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp14, after
 * h-comp14's changes were set on the tuning sets — every earlier set, held-out-10 included, is tuning
 * material now), made differently from every earlier set: seeds 2301–2308 and 2401–2403 (none used
 * before), four voices in no earlier set (yodeler, lounge contralto, soul tenor, cabaret mezzo; vibrato
 * rates 6.05, 4.55, 5.65, 6.9 Hz), the takes rendered at 48 kHz (earlier 16, 22.05, 24, 32, 44.1 kHz),
 * tempi in no earlier set (57, 62, 73, 79, 95, 111, 133, 156 bpm), section lengths in no earlier set (15
 * and 18 beats, besides 6 and 8), singers of their own: a looser performer (note timing σ 11–12 ms, pitch σ
 * 6 cents; every earlier set 8 ms and 4 cents) and a tighter one (5 ms, 3 cents) — fixtures/takes.ts
 * `timingJitterMs`, `pitchJitterCents` —, scale × rhythm pairs no earlier song used (mixolydian triplet,
 * major sixteenth, minor swing, harmonic straight, pentatonic dotted, dorian swing, mixolydian sixteenth,
 * minor triplet), lyric vowels i/a, o/i, u/e and e/u/o (not used before) and consonant shares 0.2, 0.4,
 * 0.75 (new), defect mixes not used before; speech from three espeak-ng voices in languages no earlier set
 * used (Norwegian, Greek, Indonesian), with variants not used before (Diogo, Zac, Alicia), sentences of
 * their own, at speaking rates no earlier set used (120, 185, 205 words a minute), sentence leads 0.45,
 * 0.2 and 0.55 s and tails 0.75, 0.5 s (not used before). 8 songs (64 sections, all sung: ≥ 60 with the
 * MIDI guide) and 16 sentences (80 sections in all); every section clearly best by construction.
 */
export const HELD_OUT_11: TakeSetOptions[] = (
  [
    {
      seed: 2301,
      voice: YODELER,
      tonic: 67,
      bpm: 111,
      takes: 4,
      scale: 'mixolydian',
      rhythm: 'triplet',
      vowels: ['i', 'a'],
      timingJitterMs: 11,
      kinds: ['late', 'detune', 'missing', 'noise'],
      sections: 8,
    },
    {
      seed: 2302,
      voice: LOUNGE_CONTRALTO,
      tonic: 55,
      bpm: 62,
      takes: 5,
      scale: 'minor',
      rhythm: 'swing',
      sectionBeats: 6,
      consonantShare: 0.4,
      pitchJitterCents: 6,
      kinds: ['early', 'level', 'detune', 'clip', 'late'],
      sections: 8,
    },
    {
      seed: 2303,
      voice: SOUL_TENOR,
      tonic: 51,
      bpm: 156,
      takes: 6,
      scale: 'harmonic',
      sectionBeats: 18,
      timingJitterMs: 12,
      pitchJitterCents: 6,
      kinds: ['early', 'early', 'clip', 'level', 'late', 'detune'],
      sections: 8,
    },
    {
      seed: 2304,
      voice: CABARET_MEZZO,
      tonic: 64,
      bpm: 73,
      takes: 3,
      scale: 'pentatonic',
      rhythm: 'dotted',
      consonantShare: 0.2,
      placement: 'runs',
      kinds: ['noise', 'late', 'missing'],
      sections: 8,
    },
    {
      seed: 2305,
      voice: YODELER,
      tonic: 70,
      bpm: 133,
      takes: 5,
      scale: 'major',
      rhythm: 'sixteenth',
      sectionBeats: 15,
      vowels: ['o', 'i'],
      timingJitterMs: 5,
      pitchJitterCents: 3,
      kinds: ['detune', 'late', 'early', 'noise', 'missing', 'level'],
      sections: 8,
    },
    {
      seed: 2306,
      voice: SOUL_TENOR,
      tonic: 47,
      bpm: 95,
      takes: 4,
      scale: 'dorian',
      rhythm: 'swing',
      vowels: ['u', 'e'],
      consonantShare: 0.75,
      placement: 'runs',
      kinds: ['clip', 'early', 'late', 'late', 'missing'],
      sections: 8,
    },
    {
      seed: 2307,
      voice: LOUNGE_CONTRALTO,
      tonic: 58,
      bpm: 79,
      takes: 4,
      scale: 'mixolydian',
      rhythm: 'sixteenth',
      sectionBeats: 6,
      timingJitterMs: 11,
      kinds: ['level', 'noise', 'early', 'detune'],
      sections: 8,
    },
    {
      seed: 2308,
      voice: CABARET_MEZZO,
      tonic: 62,
      bpm: 57,
      takes: 5,
      scale: 'minor',
      rhythm: 'triplet',
      vowels: ['e', 'u', 'o'],
      timingJitterMs: 5,
      pitchJitterCents: 3,
      kinds: ['missing', 'late', 'clip', 'early', 'noise', 'detune'],
      sections: 8,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: 48000 }));
export const HELD_OUT_11_SPEECH: SpeechSpec[] = [
  {
    seed: 2401,
    voice: 'nb+Diogo',
    wordsPerMinute: 120,
    takes: 4,
    leadSeconds: 0.45,
    tailSeconds: 0.75,
    kinds: ['early', 'noise', 'late', 'level', 'missing'],
    sentences: [
      'Bestefar min baker brød hver lørdag.',
      'Fjorden ligger stille i morgentåken.',
      'Butikken på hjørnet stenger klokken fem.',
      'Barna leker i snøen hele ettermiddagen.',
      'I kveld skal vi spise fisk og poteter.',
    ],
  },
  {
    seed: 2402,
    voice: 'el+Zac',
    wordsPerMinute: 185,
    takes: 5,
    leadSeconds: 0.2,
    tailSeconds: 0.5,
    placement: 'runs',
    kinds: ['late', 'clip', 'early', 'missing', 'late'],
    sentences: [
      'Η γιαγιά μου φτιάχνει πίτα κάθε Κυριακή.',
      'Το λιμάνι είναι ήσυχο το πρωί.',
      'Το λεωφορείο φεύγει στις οκτώ.',
      'Τα παιδιά παίζουν στην παραλία.',
      'Αύριο θα βρέξει στα βουνά.',
    ],
  },
  {
    seed: 2403,
    voice: 'id+Alicia',
    wordsPerMinute: 205,
    takes: 3,
    leadSeconds: 0.55,
    kinds: ['noise', 'early', 'level', 'late'],
    sentences: [
      'Nenek saya memasak sayur setiap pagi.',
      'Kapal nelayan pulang sebelum matahari terbenam.',
      'Perpustakaan kota tutup pada hari Minggu.',
      'Anak-anak bermain layang-layang di lapangan.',
      'Besok hujan akan turun di pegunungan.',
      'Kereta dari Bandung tiba pukul sembilan.',
    ],
  },
];

const TORCH_ALTO: VoiceStyle = {
  name: 'torch alto',
  formantScale: 1.09,
  vibratoHz: 4.25,
  vibratoCents: 52,
  vibratoDelaySeconds: 0.5,
  driftCents: 7,
  breath: 0.14,
  openPhase: 0.51,
  closePhase: 0.2,
};
const CANTAOR: VoiceStyle = {
  name: 'flamenco cantaor',
  formantScale: 0.985,
  vibratoHz: 7.1,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.08,
  driftCents: 10,
  breath: 0.11,
  openPhase: 0.39,
  closePhase: 0.13,
};
const BARBERSHOP_LEAD: VoiceStyle = {
  name: 'barbershop lead',
  formantScale: 0.91,
  vibratoHz: 5.35,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.35,
  driftCents: 2,
  breath: 0.03,
  openPhase: 0.45,
  closePhase: 0.17,
};
const CHAMBER_SOPRANO: VoiceStyle = {
  name: 'chamber soprano',
  formantScale: 1.23,
  vibratoHz: 6.15,
  vibratoCents: 40,
  vibratoDelaySeconds: 0.22,
  driftCents: 4,
  breath: 0.07,
  openPhase: 0.4,
  closePhase: 0.12,
};

/**
 * The twelfth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp15, after the
 * sung-scale change was set on the tuning sets — every earlier set, held-out-11 included, is tuning
 * material now), made differently from every earlier set and aimed at melodies whose tones the named key
 * does not hold: harmonic minor (twice) and melodic minor named as their natural minor, phrygian named as
 * its tonic's minor, lydian named as its tonic's major, the major with borrowed flat 3rd and 7th (blues)
 * and a chromatic melody (every semitone) named major, besides one plain natural minor (new
 * fixtures/takes.ts scales `melodic`, `phrygian`, `lydian`, `blues`, `chromatic`; absent, every earlier set
 * is unchanged). Seeds 2501–2508 and 2601–2603 (none used before), four voices in no earlier set (torch
 * alto, flamenco cantaor, barbershop lead, chamber soprano; vibrato rates 4.25, 7.1, 5.35, 6.15 Hz), takes
 * rendered at 40 kHz (no earlier set), tempi in no earlier set (59, 67, 71, 85, 89, 105, 119, 137 bpm),
 * a 7-take song (new), defect mixes weighted to detune (pitch is what the change acts on); speech from
 * espeak-ng in languages no earlier set used (Latvian, Slovenian, Swahili) with variants not used before
 * (Storm, Mario, Andrea), sentences of their own, at 135, 170 and 195 words a minute. 8 songs (64
 * sections, all sung) and 15 sentences (79 sections in all); every section clearly best by construction.
 */
export const HELD_OUT_12: TakeSetOptions[] = (
  [
    {
      seed: 2501,
      voice: TORCH_ALTO,
      tonic: 53,
      bpm: 67,
      takes: 5,
      scale: 'harmonic',
      rhythm: 'triplet',
      sectionBeats: 6,
      kinds: ['detune', 'detune', 'late', 'noise', 'level'],
      sections: 8,
    },
    {
      seed: 2502,
      voice: CANTAOR,
      tonic: 52,
      bpm: 105,
      takes: 4,
      scale: 'phrygian',
      rhythm: 'dotted',
      vowels: ['a', 'i'],
      timingJitterMs: 10,
      pitchJitterCents: 5,
      kinds: ['detune', 'early', 'clip', 'missing'],
      sections: 8,
    },
    {
      seed: 2503,
      voice: BARBERSHOP_LEAD,
      tonic: 50,
      bpm: 85,
      takes: 6,
      scale: 'melodic',
      rhythm: 'straight',
      sectionBeats: 10,
      consonantShare: 0.3,
      kinds: ['detune', 'late', 'early', 'detune', 'level', 'noise'],
      sections: 8,
    },
    {
      seed: 2504,
      voice: CHAMBER_SOPRANO,
      tonic: 65,
      bpm: 119,
      takes: 4,
      scale: 'lydian',
      rhythm: 'swing',
      vowels: ['o', 'a', 'e'],
      kinds: ['detune', 'missing', 'late', 'clip'],
      sections: 8,
    },
    {
      seed: 2505,
      voice: TORCH_ALTO,
      tonic: 56,
      bpm: 59,
      takes: 3,
      scale: 'blues',
      rhythm: 'dotted',
      placement: 'runs',
      consonantShare: 0.6,
      kinds: ['detune', 'noise', 'early'],
      sections: 8,
    },
    {
      seed: 2506,
      voice: CANTAOR,
      tonic: 49,
      bpm: 137,
      takes: 7,
      scale: 'harmonic',
      rhythm: 'sixteenth',
      sectionBeats: 12,
      timingJitterMs: 6,
      kinds: ['detune', 'late', 'early', 'level', 'clip', 'missing', 'detune'],
      sections: 8,
    },
    {
      seed: 2507,
      voice: CHAMBER_SOPRANO,
      tonic: 69,
      bpm: 89,
      takes: 5,
      scale: 'chromatic',
      rhythm: 'straight',
      vowels: ['i', 'e'],
      pitchJitterCents: 5,
      kinds: ['detune', 'early', 'noise', 'late', 'detune'],
      sections: 8,
    },
    {
      seed: 2508,
      voice: BARBERSHOP_LEAD,
      tonic: 45,
      bpm: 71,
      takes: 4,
      scale: 'minor',
      rhythm: 'swing',
      sectionBeats: 9,
      placement: 'runs',
      kinds: ['level', 'detune', 'late', 'missing'],
      sections: 8,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: 40000 }));
export const HELD_OUT_12_SPEECH: SpeechSpec[] = [
  {
    seed: 2601,
    voice: 'lv+Storm',
    wordsPerMinute: 135,
    takes: 4,
    leadSeconds: 0.3,
    tailSeconds: 0.6,
    kinds: ['late', 'noise', 'early', 'missing'],
    sentences: [
      'Mana māsa katru rītu dzer tēju.',
      'Vilciens uz Rīgu atiet pulksten astoņos.',
      'Bērni spēlējas parkā pie ezera.',
      'Rīt pilsētā būs liels tirgus.',
      'Vecais suns guļ pie krāsns.',
    ],
  },
  {
    seed: 2602,
    voice: 'sl+Mario',
    wordsPerMinute: 170,
    takes: 5,
    leadSeconds: 0.4,
    placement: 'runs',
    kinds: ['clip', 'late', 'level', 'early', 'noise'],
    sentences: [
      'Moj brat vsako jutro teče ob reki.',
      'Trgovina na vogalu se zapre ob sedmih.',
      'Pozimi v gorah pade veliko snega.',
      'Babica peče kruh vsako soboto.',
      'Avtobus zamuja že deset minut.',
    ],
  },
  {
    seed: 2603,
    voice: 'sw+Andrea',
    wordsPerMinute: 195,
    takes: 3,
    leadSeconds: 0.25,
    tailSeconds: 0.7,
    kinds: ['early', 'missing', 'late', 'level'],
    sentences: [
      'Mama yangu hupika chai kila asubuhi.',
      'Basi la Arusha linaondoka saa mbili.',
      'Watoto wanacheza mpira uwanjani.',
      'Kesho mvua itanyesha milimani.',
      'Soko la samaki liko karibu na bandari.',
    ],
  },
];

/** Voices in no earlier set (held-out-13). */
const GOSPEL_ALTO: VoiceStyle = {
  name: 'gospel alto',
  formantScale: 1.06,
  vibratoHz: 5.6,
  vibratoCents: 70,
  vibratoDelaySeconds: 0.18,
  driftCents: 7,
  breath: 0.13,
  openPhase: 0.47,
  closePhase: 0.16,
};
const KARAOKE_TENOR: VoiceStyle = {
  name: 'karaoke tenor',
  formantScale: 0.99,
  vibratoHz: 6.6,
  vibratoCents: 25,
  vibratoDelaySeconds: 0.4,
  driftCents: 9,
  breath: 0.09,
  openPhase: 0.52,
  closePhase: 0.21,
};
const FOLK_MEZZO: VoiceStyle = {
  name: 'folk mezzo',
  formantScale: 1.12,
  vibratoHz: 4.6,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.5,
  driftCents: 3,
  breath: 0.18,
  openPhase: 0.42,
  closePhase: 0.2,
};
const BASSO_CANTANTE: VoiceStyle = {
  name: 'basso cantante',
  formantScale: 0.88,
  vibratoHz: 5.15,
  vibratoCents: 55,
  vibratoDelaySeconds: 0.28,
  driftCents: 5,
  breath: 0.05,
  openPhase: 0.55,
  closePhase: 0.14,
};

/**
 * The thirteenth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp17, after the
 * phrase-lead margin was set on the tuning sets — every earlier set, held-out-12 included, is tuning material
 * now), made differently from every earlier set and aimed at sessions where most takes are late or early
 * together: defect bags weighted to late and early entries (three of four or five kinds in most songs), fast
 * sixteenth grids (158 and 172 bpm: 95 and 87 ms lines) besides tempi in no earlier set (53, 75, 123, 139,
 * 145, 166 bpm), seeds 2701–2708 and 2801–2803 (none used before), four voices in no earlier set (gospel
 * alto, karaoke tenor, folk mezzo, basso cantante), takes at 36 kHz (no earlier set); speech from espeak-ng in
 * languages no earlier set used (Croatian, Lithuanian, Catalan) with variants not used before (Boris, Edward,
 * Pablo), sentences of their own, at 125, 160 and 210 words a minute, with late-heavy and early-heavy bags.
 * 8 songs (64 sections, all sung) and 15 sentences (79 sections in all); every section clearly best by
 * construction (one clean take).
 */
export const HELD_OUT_13: TakeSetOptions[] = (
  [
    {
      seed: 2701,
      voice: GOSPEL_ALTO,
      tonic: 58,
      bpm: 158,
      takes: 4,
      scale: 'major',
      rhythm: 'sixteenth',
      kinds: ['late', 'late', 'early', 'noise'],
      sections: 8,
    },
    {
      seed: 2702,
      voice: KARAOKE_TENOR,
      tonic: 52,
      bpm: 172,
      takes: 5,
      scale: 'minor',
      rhythm: 'sixteenth',
      sectionBeats: 12,
      kinds: ['early', 'early', 'late', 'detune'],
      sections: 8,
    },
    {
      seed: 2703,
      voice: FOLK_MEZZO,
      tonic: 63,
      bpm: 75,
      takes: 4,
      scale: 'dorian',
      rhythm: 'straight',
      kinds: ['late', 'late', 'late', 'missing'],
      sections: 8,
    },
    {
      seed: 2704,
      voice: BASSO_CANTANTE,
      tonic: 41,
      bpm: 123,
      takes: 5,
      scale: 'mixolydian',
      rhythm: 'dotted',
      placement: 'runs',
      kinds: ['early', 'early', 'early', 'level', 'clip'],
      sections: 8,
    },
    {
      seed: 2705,
      voice: GOSPEL_ALTO,
      tonic: 55,
      bpm: 53,
      takes: 3,
      scale: 'pentatonic',
      rhythm: 'swing',
      kinds: ['late', 'late', 'detune'],
      sections: 8,
    },
    {
      seed: 2706,
      voice: KARAOKE_TENOR,
      tonic: 50,
      bpm: 145,
      takes: 6,
      scale: 'major',
      rhythm: 'triplet',
      sectionBeats: 6,
      timingJitterMs: 9,
      kinds: ['late', 'early', 'late', 'noise', 'late'],
      sections: 8,
    },
    {
      seed: 2707,
      voice: FOLK_MEZZO,
      tonic: 60,
      bpm: 139,
      takes: 4,
      scale: 'harmonic',
      rhythm: 'sixteenth',
      sectionBeats: 10,
      kinds: ['late', 'early', 'late', 'clip'],
      sections: 8,
    },
    {
      seed: 2708,
      voice: BASSO_CANTANTE,
      tonic: 45,
      bpm: 166,
      takes: 4,
      scale: 'minor',
      rhythm: 'straight',
      vowels: ['o', 'u'],
      kinds: ['early', 'late', 'early', 'noise'],
      sections: 8,
    },
  ] as TakeSetOptions[]
).map((o) => ({ ...o, sampleRate: 36000 }));
export const HELD_OUT_13_SPEECH: SpeechSpec[] = [
  {
    seed: 2801,
    voice: 'hr+Boris',
    wordsPerMinute: 125,
    takes: 4,
    leadSeconds: 0.32,
    kinds: ['late', 'late', 'late', 'noise'],
    sentences: [
      'Moja sestra svako jutro pije kavu.',
      'Vlak za Zagreb polazi u osam sati.',
      'Djeca se igraju u parku kraj rijeke.',
      'Sutra će u gradu biti veliki sajam.',
      'Stari pas spava ispred kuće.',
    ],
  },
  {
    seed: 2802,
    voice: 'lt+Edward',
    wordsPerMinute: 160,
    takes: 5,
    leadSeconds: 0.45,
    tailSeconds: 0.55,
    kinds: ['early', 'early', 'late', 'level', 'early'],
    sentences: [
      'Mano brolis kiekvieną rytą bėgioja.',
      'Parduotuvė už kampo užsidaro septintą.',
      'Žiemą kalnuose iškrenta daug sniego.',
      'Močiutė kepa duoną kiekvieną šeštadienį.',
      'Autobusas vėluoja jau dešimt minučių.',
    ],
  },
  {
    seed: 2803,
    voice: 'ca+Pablo',
    wordsPerMinute: 210,
    takes: 3,
    leadSeconds: 0.28,
    tailSeconds: 0.75,
    placement: 'runs',
    kinds: ['late', 'late', 'missing'],
    sentences: [
      'La meva mare cuina cada diumenge.',
      'El tren cap a Girona surt a les nou.',
      'Els nens juguen a la platja tot el dia.',
      'Demà plourà a les muntanyes.',
      'El mercat del peix és a prop del port.',
    ],
  },
];

/** Voices in no earlier set (held-out-14). */
const SHANTY_BARITONE: VoiceStyle = {
  name: 'shanty baritone',
  formantScale: 0.93,
  vibratoHz: 4.9,
  vibratoCents: 35,
  vibratoDelaySeconds: 0.33,
  driftCents: 8,
  breath: 0.11,
  openPhase: 0.5,
  closePhase: 0.18,
};
const ART_SONG_SOPRANO: VoiceStyle = {
  name: 'art-song soprano',
  formantScale: 1.2,
  vibratoHz: 6.1,
  vibratoCents: 60,
  vibratoDelaySeconds: 0.22,
  driftCents: 4,
  breath: 0.07,
  openPhase: 0.45,
  closePhase: 0.15,
};
const INDIE_TENOR: VoiceStyle = {
  name: 'indie tenor',
  formantScale: 1.02,
  vibratoHz: 5.3,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.6,
  driftCents: 10,
  breath: 0.16,
  openPhase: 0.56,
  closePhase: 0.22,
};

/** A held-out-14 song: a whole-session latency (ms) moves every take alike against the guides. */
export type LatencySong = TakeSetOptions & { latencyMs?: number | number[] };
export type LatencySpeech = SpeechSpec & { latencyMs?: number | number[] };
/** Every take delayed by ms (silence before, the same length cut at the end: lengths unchanged). */
export function delayTakes(set: TakeSet, ms: number | number[] | undefined): TakeSet {
  // one session latency for every take, or (held-out-19) each take its own
  const of = (k: number) => Math.round(((Array.isArray(ms) ? ms[k]! : (ms ?? 0)) * set.sampleRate) / 1000);
  if (set.takes.every((_, k) => of(k) <= 0)) return set;
  const takes = set.takes.map((t, k) => {
    const n = Math.max(0, of(k));
    const out = new Float64Array(t.length);
    out.set(t.subarray(0, t.length - n), n);
    return out;
  });
  return { ...set, takes };
}

/**
 * The fourteenth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp18, after the
 * guide modes' common offset (commonOffset) was set on the tuning sets — every earlier set, held-out-13
 * included, is tuning material now), aimed at the guide modes' shared timing offset: late-heavy and
 * early-heavy bags (three late in four, three early in four, two late and one early in four), a whole-session
 * recording latency (every take 35 / 60 ms late against the MIDI guide and guide vocal, with and without a
 * late majority), seeds 2901–2904 and 3001 (none used before), three voices in no earlier set (shanty
 * baritone, art-song soprano, indie tenor), tempi 65, 92 (used before only in no set with these), 130, 147,
 * takes at 28 kHz (no earlier set); speech from espeak-ng German (de+Mike, 150 wpm: no earlier language),
 * three late in four plus a 45 ms latency. 4 songs × 6 sections (24 sung) and 5 sentences (29 sections);
 * every section clearly best by construction (one clean take).
 */
export const HELD_OUT_14: LatencySong[] = (
  [
    {
      seed: 2901,
      voice: SHANTY_BARITONE,
      tonic: 47,
      bpm: 92,
      takes: 4,
      scale: 'mixolydian',
      rhythm: 'straight',
      kinds: ['late', 'late', 'late', 'noise'],
      sections: 6,
    },
    {
      seed: 2902,
      voice: ART_SONG_SOPRANO,
      tonic: 67,
      bpm: 65,
      takes: 4,
      scale: 'minor',
      rhythm: 'dotted',
      kinds: ['early', 'early', 'early', 'detune'],
      latencyMs: 35,
      sections: 6,
    },
    {
      seed: 2903,
      voice: INDIE_TENOR,
      tonic: 54,
      bpm: 130,
      takes: 4,
      scale: 'major',
      rhythm: 'triplet',
      sectionBeats: 6,
      kinds: ['late', 'late', 'early', 'level'],
      latencyMs: 60,
      sections: 6,
    },
    {
      seed: 2904,
      voice: SHANTY_BARITONE,
      tonic: 45,
      bpm: 147,
      takes: 5,
      scale: 'dorian',
      rhythm: 'swing',
      kinds: ['detune', 'noise', 'clip', 'missing'],
      latencyMs: 40,
      sections: 6,
    },
  ] as LatencySong[]
).map((o) => ({ ...o, sampleRate: 28000 }));
export const HELD_OUT_14_SPEECH: LatencySpeech[] = [
  {
    seed: 3001,
    voice: 'de+Mike',
    wordsPerMinute: 150,
    takes: 4,
    leadSeconds: 0.4,
    latencyMs: 45,
    kinds: ['late', 'late', 'late', 'level'],
    sentences: [
      'Mein Bruder fährt jeden Morgen mit dem Rad.',
      'Der Zug nach Hamburg fährt um neun Uhr ab.',
      'Im Garten blühen schon die ersten Rosen.',
      'Morgen regnet es in den Bergen.',
      'Die Bäckerei an der Ecke hat heute zu.',
    ],
  },
];

/** Voices in no earlier set (held-out-15). */
const JAZZ_SOPRANO: VoiceStyle = {
  name: 'jazz soprano',
  formantScale: 1.17,
  vibratoHz: 5.8,
  vibratoCents: 30,
  vibratoDelaySeconds: 0.45,
  driftCents: 7,
  breath: 0.12,
  openPhase: 0.53,
  closePhase: 0.17,
};
const CHORAL_BASS: VoiceStyle = {
  name: 'choral bass',
  formantScale: 0.86,
  vibratoHz: 4.7,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.5,
  driftCents: 2,
  breath: 0.04,
  openPhase: 0.4,
  closePhase: 0.13,
};
const POP_ALTO: VoiceStyle = {
  name: 'pop alto',
  formantScale: 1.09,
  vibratoHz: 6.3,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.3,
  driftCents: 11,
  breath: 0.2,
  openPhase: 0.58,
  closePhase: 0.23,
};
const REGGAE_TENOR: VoiceStyle = {
  name: 'reggae tenor',
  formantScale: 1.0,
  vibratoHz: 5.5,
  vibratoCents: 40,
  vibratoDelaySeconds: 0.25,
  driftCents: 6,
  breath: 0.14,
  openPhase: 0.49,
  closePhase: 0.19,
};

/** A held-out-15 song: a voice (fixtures/voice.ts) or a GM program from the npm synth (fixtures/synthtakes.ts). */
export type Song15 = LatencySong | (SynthTakeOptions & { latencyMs?: number | number[] });

/**
 * The fifteenth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp19, after the guide
 * modes' early-window weight was set on the tuning sets — every earlier set, held-out-14 included, is tuning
 * material now), made differently from every earlier set: half the songs are played by the npm SoundFont
 * synthesizer (spessasynth_core; alto sax, violin, voice oohs with the synth's reverb, clarinet; FluidR3Mono,
 * TimGM6mb and MuseScore General soundfonts; detune and pitch jitter as pitch bends: no earlier comp set used a
 * synthesizer), the others sung by four voices in no earlier set (jazz soprano, choral bass, pop alto, reggae
 * tenor); session latencies 20, 30, 40, 50, 60 and 75 ms (with early-heavy, late-heavy, mixed and timing-free
 * bags) and none; tempi in no earlier set (50, 54, 60, 143, 149, 154, 160, 168 bpm); 7- and 9-beat sections; takes
 * at 26 and 30 kHz (no earlier set); seeds 3101–3108 and 3201–3204 (none used before); speech from espeak-ng in
 * Slovak (sk+iven, 140 wpm) and Basque (eu+belinda, 175 wpm) and from festival's ked_diphone (American English)
 * and lp_diphone (Italian; sentences without accented letters: festival reads its text as Latin-1) — languages
 * and voices no earlier set used (festival's need Debian's festvox-kdlpc16k and festvox-italp16k). 8 songs × 8
 * sections (64 sung) and 20 sentences (84 sections); every section clearly best by construction (one clean take).
 */
export const HELD_OUT_15: Song15[] = [
  ...(
    [
      {
        seed: 3101,
        voice: JAZZ_SOPRANO,
        tonic: 70,
        bpm: 143,
        takes: 4,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['early', 'early', 'late', 'clip'],
        latencyMs: 50,
        sections: 8,
      },
      {
        seed: 3102,
        voice: CHORAL_BASS,
        tonic: 40,
        bpm: 54,
        takes: 5,
        scale: 'phrygian',
        rhythm: 'dotted',
        sectionBeats: 7,
        kinds: ['late', 'late', 'late', 'early', 'detune'],
        latencyMs: 20,
        sections: 8,
      },
      {
        seed: 3103,
        voice: POP_ALTO,
        tonic: 57,
        bpm: 160,
        takes: 4,
        scale: 'blues',
        rhythm: 'straight',
        placement: 'runs',
        kinds: ['early', 'early', 'early', 'noise'],
        sections: 8,
      },
      {
        seed: 3104,
        voice: REGGAE_TENOR,
        tonic: 53,
        bpm: 149,
        takes: 6,
        scale: 'major',
        rhythm: 'triplet',
        sectionBeats: 9,
        timingJitterMs: 12,
        kinds: ['late', 'early', 'level', 'missing', 'noise'],
        latencyMs: 75,
        sections: 8,
      },
    ] as LatencySong[]
  ).map((o) => ({ ...o, sampleRate: 26000 })),
  ...(
    [
      {
        seed: 3105,
        program: 65,
        guideProgram: 73,
        soundfont: 'MuseScoreGeneral',
        tonic: 61,
        bpm: 60,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'late', 'early', 'detune'],
        latencyMs: 30,
        sections: 8,
      },
      {
        seed: 3106,
        program: 40,
        guideProgram: 68,
        soundfont: 'TimGM6mb',
        tonic: 67,
        bpm: 154,
        takes: 5,
        scale: 'dorian',
        rhythm: 'sixteenth',
        sectionBeats: 12,
        kinds: ['late', 'early', 'noise', 'missing'],
        sections: 8,
      },
      {
        seed: 3107,
        program: 53,
        guideProgram: 54,
        soundfont: 'FluidR3Mono',
        effects: true,
        tonic: 64,
        bpm: 168,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['early', 'early', 'early', 'level'],
        latencyMs: 40,
        sections: 8,
      },
      {
        seed: 3108,
        program: 71,
        guideProgram: 60,
        soundfont: 'MuseScoreGeneral',
        tonic: 55,
        bpm: 50,
        takes: 3,
        scale: 'harmonic',
        rhythm: 'swing',
        pitchJitterCents: 6,
        kinds: ['detune', 'clip', 'noise', 'late'],
        latencyMs: 60,
        sections: 8,
      },
    ] as (SynthTakeOptions & { latencyMs?: number })[]
  ).map((o) => ({ ...o, sampleRate: 30000 })),
];
export const HELD_OUT_15_SPEECH: LatencySpeech[] = [
  {
    seed: 3201,
    voice: 'sk+iven',
    wordsPerMinute: 140,
    takes: 4,
    leadSeconds: 0.38,
    latencyMs: 25,
    kinds: ['early', 'early', 'late', 'noise'],
    sentences: [
      'Moja sestra každé ráno behá v parku.',
      'Vlak do Bratislavy odchádza o siedmej.',
      'Na jeseň padá z listnatých stromov lístie.',
      'Zajtra bude na horách snežiť.',
      'Obchod na rohu je dnes zatvorený.',
    ],
  },
  {
    seed: 3202,
    voice: 'eu+belinda',
    wordsPerMinute: 175,
    takes: 5,
    leadSeconds: 0.3,
    tailSeconds: 0.6,
    kinds: ['late', 'late', 'late', 'level', 'missing'],
    sentences: [
      'Nire anaiak goizero kafea edaten du.',
      'Trena zortzietan ateratzen da Bilbora.',
      'Haurrak hondartzan jolasten ari dira.',
      'Bihar elurra egingo du mendian.',
      'Liburutegia seietan ixten da.',
    ],
  },
  {
    seed: 3203,
    voice: 'festival:ked_diphone',
    wordsPerMinute: 0,
    takes: 4,
    leadSeconds: 0.42,
    latencyMs: 55,
    kinds: ['late', 'early', 'clip', 'early'],
    sentences: [
      'The ferry to the island leaves at half past eight.',
      'My neighbour paints the fence every spring.',
      'Fresh bread is sold at the corner every morning.',
      'The museum is closed on Mondays.',
      'We walked along the river until sunset.',
    ],
  },
  {
    seed: 3204,
    voice: 'festival:lp_diphone',
    wordsPerMinute: 0,
    takes: 3,
    leadSeconds: 0.33,
    tailSeconds: 0.7,
    placement: 'runs',
    kinds: ['late', 'level', 'early'],
    sentences: [
      'Il treno per Milano parte alle otto.',
      'Mia sorella legge un libro ogni sera.',
      'I bambini giocano sulla spiaggia.',
      'Domani nevica in montagna.',
      'Il mercato del pesce apre presto.',
    ],
  },
];

/** Voices in no earlier set (held-out-16 controls). */
const GOSPEL_MEZZO: VoiceStyle = {
  name: 'gospel mezzo',
  formantScale: 1.12,
  vibratoHz: 5.1,
  vibratoCents: 34,
  vibratoDelaySeconds: 0.2,
  driftCents: 9,
  breath: 0.16,
  openPhase: 0.55,
  closePhase: 0.2,
};
const FOLK_BARITONE: VoiceStyle = {
  name: 'folk baritone',
  formantScale: 0.93,
  vibratoHz: 5.9,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.45,
  driftCents: 4,
  breath: 0.09,
  openPhase: 0.44,
  closePhase: 0.16,
};

/**
 * The sixteenth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp20, after missing/extra
 * voice under a MIDI guide was moved by the shared timing offset — every earlier set, held-out-15 included, is
 * tuning material now), made for that change: six songs played by the npm SoundFont synthesizer with slow-attack or
 * reverberant GM programs no earlier set used (choir aahs, slow strings, warm pad, choir pad, cello, halo pad; the
 * synth's reverb and chorus on four of them), every one under a session latency (20, 35, 45, 60, 70, 80 ms) with
 * late-heavy, early-heavy, mixed and timing-free bags; controls: one synth song (string ensemble, reverb) and two
 * sung songs by voices in no earlier set (gospel mezzo, folk baritone), one under a 55 ms latency, two without;
 * tempi in no earlier set (51, 52, 55, 56, 151, 153, 157, 162, 164 bpm); takes at 34 and 38 kHz (no earlier set);
 * guide vocals on programs no set used (trumpet, trombone, tenor sax, recorder, soprano sax, ocarina, oboe);
 * seeds 3301–3309 (none used before). No speech. 9 songs × 6 sections = 54 sections, every one clearly best by
 * construction (one clean take).
 */
export const HELD_OUT_16: Song15[] = [
  ...(
    [
      {
        seed: 3301,
        program: 52,
        guideProgram: 56,
        soundfont: 'FluidR3Mono',
        effects: true,
        tonic: 62,
        bpm: 153,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'late', 'noise', 'missing'],
        latencyMs: 45,
        sections: 6,
      },
      {
        seed: 3302,
        program: 49,
        guideProgram: 57,
        soundfont: 'MuseScoreGeneral',
        effects: true,
        tonic: 55,
        bpm: 56,
        takes: 4,
        scale: 'natural',
        rhythm: 'dotted',
        kinds: ['detune', 'noise', 'level', 'clip'],
        latencyMs: 60,
        sections: 6,
      },
      {
        seed: 3303,
        program: 89,
        guideProgram: 66,
        soundfont: 'TimGM6mb',
        tonic: 60,
        bpm: 52,
        takes: 5,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['early', 'late', 'detune', 'noise'],
        latencyMs: 80,
        sections: 6,
      },
      {
        seed: 3304,
        program: 91,
        guideProgram: 74,
        soundfont: 'FluidR3Mono',
        effects: true,
        tonic: 67,
        bpm: 157,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['early', 'early', 'level', 'missing'],
        latencyMs: 35,
        sections: 6,
      },
      {
        seed: 3305,
        program: 42,
        guideProgram: 64,
        soundfont: 'MuseScoreGeneral',
        tonic: 48,
        bpm: 151,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        sectionBeats: 8,
        kinds: ['late', 'early', 'clip', 'detune'],
        latencyMs: 20,
        sections: 6,
      },
      {
        seed: 3306,
        program: 94,
        guideProgram: 79,
        soundfont: 'MuseScoreGeneral',
        effects: true,
        tonic: 65,
        bpm: 55,
        takes: 3,
        scale: 'lydian',
        rhythm: 'straight',
        pitchJitterCents: 5,
        kinds: ['level', 'noise', 'late'],
        latencyMs: 70,
        sections: 6,
      },
      {
        seed: 3307,
        program: 48,
        guideProgram: 68,
        soundfont: 'TimGM6mb',
        effects: true,
        tonic: 57,
        bpm: 162,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'early', 'noise', 'level'],
        sections: 6,
      },
    ] as (SynthTakeOptions & { latencyMs?: number })[]
  ).map((o) => ({ ...o, sampleRate: 38000 })),
  ...(
    [
      {
        seed: 3308,
        voice: GOSPEL_MEZZO,
        tonic: 58,
        bpm: 51,
        takes: 4,
        scale: 'blues',
        rhythm: 'swing',
        sectionBeats: 5,
        kinds: ['late', 'late', 'detune', 'noise'],
        latencyMs: 55,
        sections: 6,
      },
      {
        seed: 3309,
        voice: FOLK_BARITONE,
        tonic: 45,
        bpm: 164,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['early', 'late', 'clip', 'missing'],
        sections: 6,
      },
    ] as LatencySong[]
  ).map((o) => ({ ...o, sampleRate: 34000 })),
];

const MADRIGAL_SOPRANO: VoiceStyle = {
  name: 'madrigal soprano',
  formantScale: 1.2,
  vibratoHz: 6.1,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.5,
  driftCents: 3,
  breath: 0.05,
  openPhase: 0.38,
  closePhase: 0.12,
};
const CHANSON_BARITONE: VoiceStyle = {
  name: 'chanson baritone',
  formantScale: 0.97,
  vibratoHz: 4.6,
  vibratoCents: 42,
  vibratoDelaySeconds: 0.15,
  driftCents: 8,
  breath: 0.2,
  openPhase: 0.58,
  closePhase: 0.22,
};

/** Debian's SoundFonts (fluid-soundfont-gm, csound-soundfont, opl3-soundfont) for fluidsynth (held-out-17). */
const SF2 = {
  fluidR3: '/usr/share/sounds/sf2/FluidR3_GM.sf2',
  csound: '/usr/share/sounds/sf2/sf_GMbank.sf2',
  opl3: '/usr/share/sounds/sf2/OPL-3_FM_128M.sf2',
};

/**
 * A held-out-17 sung song: every take through SoX's reverb (reverberance %, wet and dry) before the latency; or
 * (held-out-31) SoX reverb's full settings: [reverberance %, HF damping %, room scale %, stereo depth %,
 * pre-delay ms, wet gain dB].
 */
export type RoomSong = LatencySong & { soxReverb?: number | readonly number[] };

/**
 * The seventeenth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp22, after sound the
 * other takes share past the guard (a release or reverb tail) stopped counting as extra voice or noise — every
 * earlier set, held-out-16 included, is tuning material now), made differently from every earlier comp set: nine
 * songs rendered by **Debian's fluidsynth** (its own engine, reverb and chorus; no comp set used it — held-out-15/16
 * used the npm synth) from three SoundFonts no comp set used (FluidR3_GM.sf2 full, csound's sf_GMbank.sf2, the
 * OPL-3 FM bank: FM synthesis), on GM programs no comp set used, long-release or reverberant in seven of nine
 * (vibraphone, new age pad, harp, church organ, bowed pad, synth strings, sweep pad, piano; a dry viola as the
 * control) with fluidsynth's reverb at room sizes 0.6–0.95; two songs sung by voices in no earlier set (madrigal
 * soprano, chanson baritone) through SoX's reverb (a reverberant room: no earlier sung take had reverb); session
 * latencies no set used (15, 65, 85, 90, 100 ms) and none, with late-heavy, early-heavy, mixed and timing-free bags;
 * tempi no set used (45–49, 155, 159, 163, 165, 170, 178 bpm); takes at 42 and 46 kHz (no earlier set); guide
 * vocals on programs no set used (harmonica, English horn, bassoon, viola, French horn, contrabass); seeds 3401–3411
 * (none used before). No speech. 11 songs × 6 sections = 66 sections, every one clearly best by construction (one
 * clean take).
 */
export const HELD_OUT_17: (Song15 | RoomSong)[] = [
  ...(
    [
      {
        seed: 3401,
        program: 11,
        guideProgram: 22,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.9, reverbLevel: 0.8 },
        tonic: 65,
        bpm: 46,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['late', 'noise', 'detune', 'missing'],
        latencyMs: 65,
      },
      {
        seed: 3402,
        program: 88,
        guideProgram: 69,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.95, reverbLevel: 0.9 },
        tonic: 60,
        bpm: 155,
        takes: 4,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['early', 'early', 'level', 'noise'],
        latencyMs: 85,
      },
      {
        seed: 3403,
        program: 46,
        guideProgram: 70,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.7, reverbLevel: 0.7 },
        tonic: 55,
        bpm: 48,
        takes: 5,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['late', 'late', 'early', 'clip', 'detune'],
        latencyMs: 15,
      },
      {
        seed: 3404,
        program: 19,
        guideProgram: 41,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.85, reverbLevel: 0.9 },
        tonic: 62,
        bpm: 163,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'level', 'clip', 'missing'],
        latencyMs: 90,
      },
      {
        seed: 3405,
        program: 92,
        guideProgram: 60,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.6, reverbLevel: 0.5 },
        tonic: 57,
        bpm: 159,
        takes: 3,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['noise', 'late', 'level'],
      },
      {
        seed: 3406,
        program: 50,
        guideProgram: 22,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.9, reverbLevel: 0.85 },
        tonic: 64,
        bpm: 47,
        takes: 4,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['early', 'late', 'noise', 'clip'],
        latencyMs: 100,
      },
      {
        seed: 3407,
        program: 95,
        guideProgram: 69,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.8, reverbLevel: 0.7 },
        tonic: 59,
        bpm: 170,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['late', 'early', 'early', 'detune'],
        latencyMs: 15,
      },
      {
        seed: 3408,
        program: 41,
        guideProgram: 70,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0, reverbLevel: 0 },
        tonic: 60,
        bpm: 165,
        takes: 4,
        scale: 'melodic',
        rhythm: 'swing',
        kinds: ['detune', 'noise', 'missing', 'level'],
      },
      {
        seed: 3409,
        program: 0,
        guideProgram: 43,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.75, reverbLevel: 0.8 },
        tonic: 63,
        bpm: 49,
        takes: 4,
        scale: 'blues',
        rhythm: 'dotted',
        kinds: ['late', 'late', 'clip', 'level'],
        latencyMs: 65,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number })[]
  ).map((o) => ({ ...o, sampleRate: 42000, sections: 6 })),
  ...(
    [
      {
        seed: 3410,
        voice: MADRIGAL_SOPRANO,
        tonic: 72,
        bpm: 178,
        takes: 4,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['early', 'late', 'noise', 'missing'],
        soxReverb: 70,
      },
      {
        seed: 3411,
        voice: CHANSON_BARITONE,
        tonic: 48,
        bpm: 45,
        takes: 4,
        scale: 'natural',
        rhythm: 'dotted',
        kinds: ['late', 'detune', 'level', 'noise'],
        soxReverb: 50,
        latencyMs: 85,
      },
    ] as Omit<RoomSong, 'sections'>[]
  ).map((o) => ({ ...o, sampleRate: 46000, sections: 6 })),
];

const LIEDER_MEZZO: VoiceStyle = {
  name: 'lieder mezzo',
  formantScale: 1.1,
  vibratoHz: 5.4,
  vibratoCents: 24,
  vibratoDelaySeconds: 0.3,
  driftCents: 5,
  breath: 0.12,
  openPhase: 0.46,
  closePhase: 0.16,
};

/**
 * The eighteenth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp23, after the guide
 * modes' timing search range and shared-offset anchor changed — every earlier set, held-out-17 included, is tuning
 * material now), made differently from every earlier comp set: eight songs **rendered by TiMidity++ from the
 * freepats GUS patches** (no comp set used either: held-out-15/16 the npm synth, held-out-17 fluidsynth) on programs
 * no comp set used as takes, most with slow attacks or long releases (tremolo strings, echo voice, accordion,
 * Hammond organ, brass section, flute, oboe, crystal) and TiMidity's freeverb on five; one song sung by a
 * voice in no earlier set (a lieder mezzo); two speech sets in languages no set used (Icelandic, Afrikaans); session
 * latencies 40–120 ms, most beyond any earlier set's (95, 105, 110, 115, 120 ms), and none, with late-heavy,
 * early-heavy, mixed and timing-free bags; tempi no set used (43, 44, 161, 167, 169, 171, 174, 176, 182 bpm); takes
 * at 22.05 and 39 kHz (no earlier set); guide vocals on programs no set used (piccolo, tuba, muted trumpet,
 * baritone sax, pan flute, sitar); seeds 3501–3511 (none used before). 9 songs × 6 sections + 2 × 5 sentences = 64
 * sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_18: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 3501,
        program: 44,
        guideProgram: 72,
        timidity: { reverb: 90 },
        tonic: 67,
        bpm: 161,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'early', 'level', 'noise'],
        latencyMs: 110,
      },
      {
        seed: 3502,
        program: 102,
        guideProgram: 58,
        timidity: { reverb: 70 },
        tonic: 57,
        bpm: 44,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['early', 'early', 'detune', 'missing'],
        latencyMs: 95,
      },
      {
        seed: 3503,
        program: 21,
        guideProgram: 59,
        timidity: { reverb: 0 },
        tonic: 62,
        bpm: 174,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['late', 'late', 'late', 'clip', 'level'],
        latencyMs: 45,
      },
      {
        seed: 3504,
        program: 16,
        guideProgram: 67,
        timidity: { reverb: 100 },
        tonic: 55,
        bpm: 167,
        takes: 4,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['early', 'late', 'noise', 'detune'],
        latencyMs: 120,
      },
      {
        seed: 3505,
        program: 61,
        guideProgram: 75,
        timidity: { reverb: 0 },
        tonic: 60,
        bpm: 43,
        takes: 3,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['detune', 'level', 'noise'],
      },
      {
        seed: 3506,
        program: 73,
        guideProgram: 104,
        timidity: { reverb: 60 },
        tonic: 72,
        bpm: 182,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['early', 'early', 'late', 'missing'],
        latencyMs: 105,
      },
      {
        seed: 3507,
        program: 68,
        guideProgram: 72,
        timidity: { reverb: 0 },
        tonic: 64,
        bpm: 169,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['late', 'noise', 'clip', 'level'],
        latencyMs: 40,
      },
      {
        seed: 3508,
        program: 98,
        guideProgram: 59,
        timidity: { reverb: 80 },
        tonic: 69,
        bpm: 171,
        takes: 4,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['early', 'late', 'level', 'missing'],
        latencyMs: 115,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number })[]
  ).map((o) => ({ ...o, sampleRate: 22050, sections: 6 })),
  {
    seed: 3509,
    voice: LIEDER_MEZZO,
    tonic: 65,
    bpm: 176,
    takes: 4,
    scale: 'melodic',
    rhythm: 'triplet',
    kinds: ['late', 'early', 'detune', 'noise'],
    latencyMs: 70,
    sampleRate: 39000,
    sections: 6,
  },
];
export const HELD_OUT_18_SPEECH: LatencySpeech[] = [
  {
    seed: 3510,
    voice: 'is',
    wordsPerMinute: 155,
    takes: 4,
    leadSeconds: 0.33,
    latencyMs: 105,
    kinds: ['early', 'late', 'level', 'noise'],
    sentences: [
      'Systir mín fer í sund á hverjum morgni.',
      'Rútan til Akureyrar fer klukkan átta.',
      'Á haustin fjúka laufin af trjánum.',
      'Það snjóar á fjöllunum á morgun.',
      'Bókasafnið lokar klukkan sex í dag.',
    ],
  },
  {
    seed: 3511,
    voice: 'af',
    wordsPerMinute: 165,
    takes: 4,
    leadSeconds: 0.36,
    tailSeconds: 0.7,
    latencyMs: 55,
    kinds: ['late', 'late', 'detune', 'missing'],
    sentences: [
      'My broer drink elke oggend koffie.',
      'Die trein na Kaapstad vertrek om sewe.',
      'Die kinders speel op die strand.',
      'Môre sal dit in die berge sneeu.',
      'Die winkel op die hoek is vandag toe.',
    ],
  },
];

const KLEZMER_BARITONE: VoiceStyle = {
  name: 'klezmer baritone',
  formantScale: 0.95,
  vibratoHz: 6.6,
  vibratoCents: 45,
  vibratoDelaySeconds: 0.12,
  driftCents: 9,
  breath: 0.07,
  openPhase: 0.39,
  closePhase: 0.13,
};
const FLUID_SF2 = '/usr/share/sounds/sf2/FluidR3_GM.sf2';
const GMBANK_SF2 = '/usr/share/sounds/sf2/sf_GMbank.sf2';

/**
 * The nineteenth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp24, after the guide
 * modes' shared offset learnt to count the sections a window covers — every earlier set, held-out-18 included, is
 * tuning material now), made differently from every earlier comp set: eight songs **rendered by TiMidity++ from
 * SoundFonts it loads itself** (FluidR3_GM and sf_GMbank; held-out-18 used TiMidity's GUS patches, held-out-17
 * fluidsynth's engine on these banks) with its silence before the first note kept, on take programs no comp set
 * used — four slow-attack (polysynth pad, synth strings 2, metallic pad, synth voice) and four fast-attack
 * (banjo, kalimba, harpsichord, xylophone) — guide vocals on programs no set used (shakuhachi, fiddle, whistle,
 * square lead, synth brass, saw lead, blown bottle, alto sax); one song sung by a voice in no set (a klezmer
 * baritone); speech in two languages no set used (Welsh, Malay, espeak-ng); **latencies 30–140 ms, in four songs
 * each take its own** (takes recorded in different sessions) and in the others one per song, 130 and 140 ms beyond
 * any earlier set; late majorities (three late in four), an early majority, mixed and timing-light bags; tempi no
 * set used (38, 40, 42, 173, 177, 181, 186, 192, 198 bpm); takes at 27 and 35 kHz (no earlier set); seeds
 * 3601–3611 (none used before). 9 songs × 6 sections + 2 × 5 sentences = 64 sections, every one clearly best by
 * construction (one clean take).
 * What played (measured note by note by h-debt39): the sf_GMbank songs are **FluidR3_GM** too. TiMidity++ reads
 * /etc/timidity/timidity.cfg before the `-c` file fixtures/synthtakes.ts writes (`soundfont X`), whose `%font` lines
 * map every bank-0 program to FluidR3_GM, and a `soundfont` line does not override them (every GM program renders
 * byte-identical with and without it); the set is a FluidR3_GM-through-TiMidity++ set. Its figures stand.
 */
export const HELD_OUT_19: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 3601,
        program: 90,
        guideProgram: 77,
        timidity: { reverb: 40, sf2: FLUID_SF2 },
        tonic: 60,
        bpm: 40,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'late', 'late', 'level'],
        latencyMs: 130,
      },
      {
        seed: 3602,
        program: 105,
        guideProgram: 110,
        timidity: { reverb: 0, sf2: GMBANK_SF2 },
        tonic: 64,
        bpm: 192,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'early', 'noise', 'late'],
        latencyMs: [35, 60, 85, 110],
      },
      {
        seed: 3603,
        program: 51,
        guideProgram: 78,
        timidity: { reverb: 70, sf2: FLUID_SF2 },
        tonic: 57,
        bpm: 177,
        takes: 5,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['late', 'late', 'detune', 'clip', 'level'],
        latencyMs: 140,
      },
      {
        seed: 3604,
        program: 108,
        guideProgram: 80,
        timidity: { reverb: 50, sf2: GMBANK_SF2 },
        tonic: 67,
        bpm: 42,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['late', 'early', 'missing', 'noise'],
        latencyMs: [30, 30, 140, 140],
      },
      {
        seed: 3605,
        program: 93,
        guideProgram: 62,
        timidity: { reverb: 0, sf2: GMBANK_SF2 },
        tonic: 62,
        bpm: 186,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['early', 'early', 'early', 'detune'],
        latencyMs: 75,
      },
      {
        seed: 3606,
        program: 6,
        guideProgram: 81,
        timidity: { reverb: 0, sf2: FLUID_SF2 },
        tonic: 65,
        bpm: 173,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['late', 'late', 'level', 'noise'],
        latencyMs: 55,
      },
      {
        seed: 3607,
        program: 54,
        guideProgram: 76,
        timidity: { reverb: 90, sf2: FLUID_SF2 },
        tonic: 69,
        bpm: 198,
        takes: 3,
        scale: 'lydian',
        rhythm: 'dotted',
        kinds: ['late', 'detune', 'level'],
        latencyMs: [40, 95, 125],
      },
      {
        seed: 3608,
        program: 13,
        guideProgram: 65,
        timidity: { reverb: 20, sf2: GMBANK_SF2 },
        tonic: 72,
        bpm: 38,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'swing',
        kinds: ['late', 'late', 'late', 'missing'],
        latencyMs: 100,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sampleRate: 27000, sections: 6 })),
  {
    seed: 3609,
    voice: KLEZMER_BARITONE,
    tonic: 50,
    bpm: 181,
    takes: 4,
    scale: 'harmonic',
    rhythm: 'triplet',
    kinds: ['early', 'late', 'noise', 'level'],
    latencyMs: [45, 45, 120, 120],
    sampleRate: 35000,
    sections: 6,
  },
];
export const HELD_OUT_19_SPEECH: LatencySpeech[] = [
  {
    seed: 3610,
    voice: 'cy',
    wordsPerMinute: 150,
    takes: 4,
    leadSeconds: 0.38,
    latencyMs: 85,
    kinds: ['late', 'late', 'early', 'level'],
    sentences: [
      'Mae fy chwaer yn nofio bob bore.',
      'Mae’r trên i Gaerdydd yn gadael am wyth.',
      'Roedd y gwynt yn oer ar y mynydd.',
      'Bydd hi’n bwrw glaw yfory yn y dref.',
      'Mae’r siop ar gau heddiw.',
    ],
  },
  {
    seed: 3611,
    voice: 'ms',
    wordsPerMinute: 170,
    takes: 4,
    leadSeconds: 0.34,
    tailSeconds: 0.7,
    latencyMs: [30, 70, 110, 140],
    kinds: ['early', 'early', 'noise', 'missing'],
    sentences: [
      'Adik saya minum kopi setiap pagi.',
      'Kereta api ke Ipoh bertolak pukul tujuh.',
      'Kanak-kanak bermain di tepi pantai.',
      'Esok hujan akan turun di bandar.',
      'Kedai di hujung jalan tutup hari ini.',
    ],
  },
];

const RAGA_TENOR: VoiceStyle = {
  name: 'raga tenor',
  formantScale: 1.035,
  vibratoHz: 3.9,
  vibratoCents: 55,
  vibratoDelaySeconds: 0.22,
  driftCents: 16,
  breath: 0.09,
  openPhase: 0.47,
  closePhase: 0.11,
};
const OPL3_SF2 = '/usr/share/sounds/sf2/OPL-3_FM_128M.sf2';

/**
 * The twentieth held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp26; its take-offset rule
 * was not merged — every earlier set, held-out-19 included, is tuning
 * material now), made differently from every earlier comp set: five songs **rendered by TiMidity++ from the OPL-3
 * FM bank** (FM synthesis through TiMidity's engine: held-out-17 rendered that bank with fluidsynth, held-out-18/19
 * used TiMidity with GUS patches, FluidR3 and sf_GMbank) and three by fluidsynth from sf_GMbank with its reverb
 * off and a wider per-note timing jitter (12–14 ms σ: no set above 8), on take programs no comp set used — slow
 * attacks (sweep pad, FX soundtrack, reed organ, tango accordion) and fast (celesta, marimba, dulcimer, koto) —
 * guide vocals on programs no set used (calliope, chiff, charang, voice lead, fifths lead, shanai, bagpipe, synth
 * brass 2); one song sung by a voice in no set (a raga tenor); speech in Estonian and Albanian (espeak-ng; no set
 * used either); **each take its own latency in seven of eleven** (20–120 ms) and one per song or none in the others;
 * late majorities (three late in four), early majorities, mixed bags; tempi no set used (36, 37, 175, 179, 184,
 * 189, 195, 201, 205 bpm); takes at 25, 31 and 37 kHz (no earlier set); seeds 3701–3711 (none used before). 9 songs
 * × 6 sections + 2 × 5 sentences = 64 sections (54 with a MIDI guide), every one clearly best by construction (one
 * clean take).
 * What played (measured note by note by h-debt39): the five TiMidity++ songs are **FluidR3_GM**, not the OPL-3 FM
 * bank. TiMidity++ reads /etc/timidity/timidity.cfg before the `-c` file fixtures/synthtakes.ts writes (`soundfont
 * X`), whose `%font` lines map every bank-0 program to FluidR3_GM, and a `soundfont` line does not override them
 * (every GM program renders byte-identical with and without it). Its figures stand.
 */
export const HELD_OUT_20: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 3701,
        program: 95,
        guideProgram: 82,
        timidity: { reverb: 30, sf2: OPL3_SF2 },
        sampleRate: 25000,
        tonic: 62,
        bpm: 36,
        takes: 4,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['late', 'late', 'late', 'noise'],
        latencyMs: [25, 60, 60, 95],
      },
      {
        seed: 3702,
        program: 8,
        guideProgram: 83,
        timidity: { reverb: 0, sf2: OPL3_SF2 },
        sampleRate: 31000,
        tonic: 72,
        bpm: 201,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'early', 'early', 'level'],
        latencyMs: [40, 75, 110, 40],
      },
      {
        seed: 3703,
        program: 97,
        guideProgram: 84,
        timidity: { reverb: 60, sf2: OPL3_SF2 },
        sampleRate: 37000,
        tonic: 57,
        bpm: 37,
        takes: 5,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['late', 'early', 'detune', 'level', 'missing'],
        latencyMs: [20, 50, 80, 110, 50],
      },
      {
        seed: 3704,
        program: 12,
        guideProgram: 85,
        timidity: { reverb: 0, sf2: OPL3_SF2 },
        sampleRate: 25000,
        tonic: 65,
        bpm: 189,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['late', 'late', 'early', 'clip'],
        latencyMs: 65,
      },
      {
        seed: 3705,
        program: 20,
        guideProgram: 87,
        timidity: { reverb: 40, sf2: OPL3_SF2 },
        sampleRate: 31000,
        tonic: 60,
        bpm: 175,
        takes: 4,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['late', 'late', 'late', 'detune'],
        latencyMs: [30, 90, 30, 120],
      },
      {
        seed: 3706,
        program: 15,
        guideProgram: 111,
        fluidsynth: { sf2: GMBANK_SF2, roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 12,
        sampleRate: 37000,
        tonic: 67,
        bpm: 195,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['early', 'late', 'noise', 'missing'],
        latencyMs: [55, 100, 20, 70],
      },
      {
        seed: 3707,
        program: 23,
        guideProgram: 109,
        fluidsynth: { sf2: GMBANK_SF2, roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 14,
        sampleRate: 25000,
        tonic: 64,
        bpm: 179,
        takes: 3,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['late', 'early', 'level'],
      },
      {
        seed: 3708,
        program: 107,
        guideProgram: 63,
        fluidsynth: { sf2: GMBANK_SF2, roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 12,
        sampleRate: 31000,
        tonic: 69,
        bpm: 205,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['early', 'early', 'late', 'detune'],
        latencyMs: [35, 35, 85, 85],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  {
    seed: 3709,
    voice: RAGA_TENOR,
    tonic: 55,
    bpm: 184,
    takes: 4,
    scale: 'minor',
    rhythm: 'triplet',
    kinds: ['late', 'late', 'late', 'level'],
    latencyMs: 45,
    sampleRate: 37000,
    sections: 6,
  },
];
export const HELD_OUT_20_SPEECH: LatencySpeech[] = [
  {
    seed: 3710,
    voice: 'et',
    wordsPerMinute: 155,
    takes: 4,
    leadSeconds: 0.4,
    latencyMs: [20, 55, 90, 20],
    kinds: ['late', 'early', 'late', 'noise'],
    sentences: [
      'Minu vend sõidab igal hommikul rattaga tööle.',
      'Rong Tartusse väljub kell kaheksa.',
      'Meri oli eile väga tormine.',
      'Homme sajab linnas vihma.',
      'Pood nurga peal on täna suletud.',
    ],
  },
  {
    seed: 3711,
    voice: 'sq',
    wordsPerMinute: 165,
    takes: 4,
    leadSeconds: 0.36,
    tailSeconds: 0.6,
    kinds: ['early', 'early', 'early', 'level'],
    latencyMs: 70,
    sentences: [
      'Motra ime pi kafe çdo mëngjes.',
      'Treni për Durrës niset në orën shtatë.',
      'Fëmijët luajnë në breg të detit.',
      'Nesër do të bjerë shi në qytet.',
      'Dyqani në fund të rrugës është mbyllur sot.',
    ],
  },
];

const QAWWALI_TENOR: VoiceStyle = {
  name: 'qawwali tenor',
  formantScale: 1.05,
  vibratoHz: 5.1,
  vibratoCents: 38,
  vibratoDelaySeconds: 0.16,
  driftCents: 12,
  breath: 0.08,
  openPhase: 0.45,
  closePhase: 0.12,
};
const MARIACHI_BARITONE: VoiceStyle = {
  name: 'mariachi baritone',
  formantScale: 0.97,
  vibratoHz: 6.3,
  vibratoCents: 50,
  vibratoDelaySeconds: 0.1,
  driftCents: 7,
  breath: 0.05,
  openPhase: 0.4,
  closePhase: 0.15,
};
const MUSIC_HALL_SOPRANO: VoiceStyle = {
  name: 'music-hall soprano',
  formantScale: 1.13,
  vibratoHz: 6.9,
  vibratoCents: 42,
  vibratoDelaySeconds: 0.14,
  driftCents: 6,
  breath: 0.06,
  openPhase: 0.5,
  closePhase: 0.1,
};

/**
 * The twenty-first held-out set (spec committed before shub's one run on it; 2026-12-03, h-comp27, issue 15's take
 * choice under per-take latencies — every earlier set, held-out-20 included, is tuning material now), made
 * differently from every earlier comp set: six songs **rendered by Debian's fluidsynth from the npm SF3 banks**
 * (MuseScore General Lite, TimGM6mb, FluidR3Mono: Ogg-compressed samples through fluidsynth's engine; held-out-15/16
 * played these banks through the npm synth, held-out-17/20 fluidsynth on SF2 banks), two of them with fluidsynth's
 * reverb, per-note timing jitter 9–10 ms σ; take programs no comp set used (bright piano, electric piano, nylon
 * guitar, harmonica, tenor sax; atmosphere pad with a slow attack); guide vocals on programs no set
 * used as guide (violin, cello, brass section, clarinet, fifths lead, string ensemble); three songs sung by voices
 * in no set (a qawwali tenor, a mariachi baritone, a music-hall soprano); speech in Irish and Maltese (espeak-ng with
 * variants no set used; no set used either language). **Per-take latencies in five of eleven** (0–95 ms: takes from
 * different sessions), one latency per song in three, none in three; realistic defect bags — every song mixes
 * timing with other kinds (detune, noise, level, clip, missing), two songs with a late or early pair; tempi no set
 * used (39, 41, 180, 183, 187, 190, 193, 196, 199 bpm); takes at 29, 33 and 41 kHz (no earlier set); seeds
 * 3801–3811 (none used before). 9 songs × 6 sections + 2 × 5 sentences = 64 sections (54 with a MIDI guide), every
 * one clearly best by construction (one clean take).
 */
export const HELD_OUT_21: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 3801,
        program: 1,
        guideProgram: 40,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 9,
        sampleRate: 29000,
        tonic: 64,
        bpm: 183,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'early', 'detune', 'noise'],
        latencyMs: [10, 55, 10, 90],
      },
      {
        seed: 3802,
        program: 66,
        guideProgram: 42,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.5, reverbLevel: 0.4 },
        timingJitterMs: 10,
        sampleRate: 33000,
        tonic: 58,
        bpm: 41,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'late', 'level', 'missing'],
        latencyMs: 35,
      },
      {
        seed: 3803,
        program: 24,
        guideProgram: 61,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 9,
        sampleRate: 41000,
        tonic: 69,
        bpm: 193,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['early', 'late', 'clip', 'detune'],
        latencyMs: [0, 40, 75, 40],
      },
      {
        seed: 3804,
        program: 99,
        guideProgram: 71,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.7, reverbLevel: 0.5 },
        timingJitterMs: 10,
        sampleRate: 29000,
        tonic: 62,
        bpm: 39,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['late', 'noise', 'level', 'early'],
        latencyMs: [25, 25, 70, 95],
      },
      {
        seed: 3805,
        program: 4,
        guideProgram: 86,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 9,
        sampleRate: 33000,
        tonic: 67,
        bpm: 187,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['early', 'early', 'detune', 'missing', 'noise'],
      },
      {
        seed: 3806,
        program: 22,
        guideProgram: 48,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 10,
        sampleRate: 41000,
        tonic: 60,
        bpm: 196,
        takes: 4,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['late', 'detune', 'level', 'clip'],
        latencyMs: 60,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  {
    seed: 3807,
    voice: QAWWALI_TENOR,
    tonic: 57,
    bpm: 180,
    takes: 4,
    scale: 'harmonic',
    rhythm: 'triplet',
    kinds: ['late', 'early', 'noise', 'detune'],
    latencyMs: [15, 60, 15, 45],
    sampleRate: 29000,
    sections: 6,
  },
  {
    seed: 3808,
    voice: MARIACHI_BARITONE,
    tonic: 50,
    bpm: 190,
    takes: 4,
    scale: 'major',
    rhythm: 'dotted',
    kinds: ['early', 'late', 'level', 'missing'],
    sampleRate: 33000,
    sections: 6,
  },
  {
    seed: 3809,
    voice: MUSIC_HALL_SOPRANO,
    tonic: 72,
    bpm: 199,
    takes: 3,
    scale: 'phrygian',
    rhythm: 'swing',
    kinds: ['late', 'detune', 'noise'],
    latencyMs: [30, 80, 30],
    sampleRate: 41000,
    sections: 6,
  },
];
export const HELD_OUT_21_SPEECH: LatencySpeech[] = [
  {
    seed: 3810,
    voice: 'ga+Gustave',
    wordsPerMinute: 150,
    takes: 4,
    leadSeconds: 0.37,
    latencyMs: 50,
    kinds: ['late', 'early', 'level', 'noise'],
    sentences: [
      'Téann mo dheartháir ag snámh gach maidin.',
      'Fágann an traein go Gaillimh ar a hocht.',
      'Bhí an ghaoth fuar ar an sliabh inné.',
      'Beidh sé ag cur báistí amárach sa chathair.',
      'Tá an siopa dúnta inniu.',
    ],
  },
  {
    seed: 3811,
    voice: 'mt+Quincy',
    wordsPerMinute: 160,
    takes: 4,
    leadSeconds: 0.33,
    tailSeconds: 0.65,
    kinds: ['early', 'late', 'missing', 'clip'],
    sentences: [
      'Oħti tixrob il-kafè kull filgħodu.',
      'Il-vapur għal Għawdex jitlaq fis-sebgħa.',
      'It-tfal qed jilagħbu ħdejn il-baħar.',
      'Għada se tagħmel ix-xita fil-belt.',
      'Il-ħanut fit-tarf tat-triq huwa magħluq illum.',
    ],
  },
];

const BOSSA_TENOR: VoiceStyle = {
  name: 'bossa tenor',
  formantScale: 1.03,
  vibratoHz: 4.6,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.4,
  driftCents: 5,
  breath: 0.14,
  openPhase: 0.52,
  closePhase: 0.2,
};
const ZARZUELA_SOPRANO: VoiceStyle = {
  name: 'zarzuela soprano',
  formantScale: 1.16,
  vibratoHz: 6.0,
  vibratoCents: 55,
  vibratoDelaySeconds: 0.2,
  driftCents: 5,
  breath: 0.04,
  openPhase: 0.42,
  closePhase: 0.12,
};
const REBETIKO_BARITONE: VoiceStyle = {
  name: 'rebetiko baritone',
  formantScale: 0.95,
  vibratoHz: 5.6,
  vibratoCents: 32,
  vibratoDelaySeconds: 0.12,
  driftCents: 10,
  breath: 0.09,
  openPhase: 0.48,
  closePhase: 0.16,
};

/**
 * The twenty-second held-out set (spec committed before shub's one run on it; 2026-12-04, h-comp29, issue 15's take
 * choice — every earlier set, held-out-21 included, is tuning material now), made differently from every earlier
 * comp set: six songs **played by the npm synth (spessasynth_core) from Debian's SF2 banks** (sf_GMbank and
 * FluidR3_GM: held-out-15/16 played the npm SF3 banks through it, held-out-17/19/20 rendered the SF2 banks with
 * fluidsynth or TiMidity++), two with the synth's reverb and chorus, per-note jitter 8–11 ms σ; take programs no comp
 * set used (electric piano 2, percussive organ, steel guitar, soprano sax, recorder, FX brightness with its slow
 * attack); guide vocals on programs no set used as guide (tremolo strings, choir aahs, vibraphone, voice oohs, reed
 * organ, grand piano); three songs sung by voices in no set (a bossa-nova tenor, a zarzuela soprano, a rebetiko
 * baritone); speech in Bulgarian and Ukrainian (espeak-ng, variants Denis and Hugo; neither language in any set).
 * **Per-take latencies in six of eleven** (0–110 ms: takes from different sessions), one latency per song in three,
 * none in two; realistic defect bags (timing mixed with detune, noise, level, clip, missing; one early pair); tempi
 * no set used (34, 35, 185, 188, 191, 194, 197, 200, 202 bpm); takes at 43, 45 and 47 kHz (no earlier set); seeds
 * 3901–3911 (none used before). 9 songs × 6 sections + 2 × 5 sentences = 64 sections (54 with a MIDI guide), every
 * one clearly best by construction (one clean take).
 */
export const HELD_OUT_22: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 3901,
        program: 5,
        guideProgram: 44,
        soundfont: { file: '/usr/share/sounds/sf2/sf_GMbank.sf2' },
        timingJitterMs: 9,
        sampleRate: 43000,
        tonic: 63,
        bpm: 185,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'early', 'detune', 'noise'],
        latencyMs: [20, 65, 20, 85],
      },
      {
        seed: 3902,
        program: 64,
        guideProgram: 52,
        soundfont: { file: '/usr/share/sounds/sf2/FluidR3_GM.sf2' },
        effects: true,
        timingJitterMs: 10,
        sampleRate: 45000,
        tonic: 65,
        bpm: 34,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'level', 'clip', 'early'],
        latencyMs: 40,
      },
      {
        seed: 3903,
        program: 25,
        guideProgram: 11,
        soundfont: { file: '/usr/share/sounds/sf2/sf_GMbank.sf2' },
        timingJitterMs: 8,
        sampleRate: 47000,
        tonic: 59,
        bpm: 202,
        takes: 4,
        scale: 'dorian',
        rhythm: 'sixteenth',
        kinds: ['early', 'late', 'missing', 'detune'],
        latencyMs: [0, 50, 50, 95],
      },
      {
        seed: 3904,
        program: 100,
        guideProgram: 53,
        soundfont: { file: '/usr/share/sounds/sf2/FluidR3_GM.sf2' },
        effects: true,
        timingJitterMs: 11,
        sampleRate: 43000,
        tonic: 61,
        bpm: 35,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['late', 'noise', 'level', 'early'],
        latencyMs: [30, 30, 75, 110],
      },
      {
        seed: 3905,
        program: 17,
        guideProgram: 20,
        soundfont: { file: '/usr/share/sounds/sf2/sf_GMbank.sf2' },
        timingJitterMs: 9,
        sampleRate: 45000,
        tonic: 66,
        bpm: 188,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['early', 'early', 'detune', 'missing', 'noise'],
      },
      {
        seed: 3906,
        program: 74,
        guideProgram: 0,
        soundfont: { file: '/usr/share/sounds/sf2/FluidR3_GM.sf2' },
        timingJitterMs: 10,
        sampleRate: 47000,
        tonic: 71,
        bpm: 194,
        takes: 4,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['late', 'detune', 'level', 'clip'],
        latencyMs: 55,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  {
    seed: 3907,
    voice: BOSSA_TENOR,
    tonic: 55,
    bpm: 191,
    takes: 4,
    scale: 'harmonic',
    rhythm: 'dotted',
    kinds: ['late', 'early', 'noise', 'detune'],
    latencyMs: [10, 45, 10, 70],
    sampleRate: 43000,
    sections: 6,
  },
  {
    seed: 3908,
    voice: ZARZUELA_SOPRANO,
    tonic: 70,
    bpm: 197,
    takes: 4,
    scale: 'major',
    rhythm: 'triplet',
    kinds: ['early', 'late', 'level', 'missing'],
    sampleRate: 45000,
    sections: 6,
  },
  {
    seed: 3909,
    voice: REBETIKO_BARITONE,
    tonic: 51,
    bpm: 200,
    takes: 3,
    scale: 'phrygian',
    rhythm: 'straight',
    kinds: ['late', 'detune', 'noise'],
    latencyMs: [25, 70, 25],
    sampleRate: 47000,
    sections: 6,
  },
];
export const HELD_OUT_22_SPEECH: LatencySpeech[] = [
  {
    seed: 3910,
    voice: 'bg+Denis',
    wordsPerMinute: 155,
    takes: 4,
    leadSeconds: 0.36,
    latencyMs: 45,
    kinds: ['late', 'early', 'level', 'noise'],
    sentences: [
      'Брат ми плува всяка сутрин в морето.',
      'Влакът за Пловдив тръгва в осем часа.',
      'Вчера вятърът беше студен в планината.',
      'Утре ще вали дъжд над града.',
      'Магазинът на ъгъла е затворен днес.',
    ],
  },
  {
    seed: 3911,
    voice: 'uk+Hugo',
    wordsPerMinute: 165,
    takes: 4,
    leadSeconds: 0.34,
    tailSeconds: 0.62,
    latencyMs: [0, 60, 30, 60],
    kinds: ['early', 'late', 'missing', 'clip'],
    sentences: [
      "Моя сестра п'є каву щоранку.",
      'Потяг до Львова вирушає о сьомій.',
      'Діти граються біля річки.',
      'Завтра в місті піде сніг.',
      'Крамниця в кінці вулиці сьогодні зачинена.',
    ],
  },
];

/** Defect sizes of held-out-23 (defectAmount's ranges elsewhere): small and large, inside the issue's bounds. */
const SMALL_DEFECTS = {
  late: [30, 50],
  early: [30, 50],
  detune: [20, 30],
  level: [6, 9],
  noise: [-32, -26],
  clip: [3, 6],
} as const;
const LARGE_DEFECTS = { late: [85, 120], early: [85, 120], detune: [45, 60], level: [12, 16] } as const;
const SEAN_NOS_TENOR: VoiceStyle = {
  name: 'sean-nos tenor',
  formantScale: 1.01,
  vibratoHz: 5.8,
  vibratoCents: 8,
  vibratoDelaySeconds: 0.5,
  driftCents: 9,
  breath: 0.1,
  openPhase: 0.47,
  closePhase: 0.14,
};
const ENKA_MEZZO: VoiceStyle = {
  name: 'enka mezzo',
  formantScale: 1.12,
  vibratoHz: 6.6,
  vibratoCents: 55,
  vibratoDelaySeconds: 0.22,
  driftCents: 6,
  breath: 0.06,
  openPhase: 0.44,
  closePhase: 0.13,
};
const HIGHLIFE_BARITONE: VoiceStyle = {
  name: 'highlife baritone',
  formantScale: 0.95,
  vibratoHz: 5.0,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.3,
  driftCents: 4,
  breath: 0.09,
  openPhase: 0.5,
  closePhase: 0.18,
};
const SERTANEJO_TENOR: VoiceStyle = {
  name: 'sertanejo tenor',
  formantScale: 1.06,
  vibratoHz: 5.5,
  vibratoCents: 30,
  vibratoDelaySeconds: 0.18,
  driftCents: 5,
  breath: 0.12,
  openPhase: 0.46,
  closePhase: 0.11,
};
const GRIOT_BASS: VoiceStyle = {
  name: 'griot bass',
  formantScale: 0.9,
  vibratoHz: 4.8,
  vibratoCents: 26,
  vibratoDelaySeconds: 0.35,
  driftCents: 8,
  breath: 0.05,
  openPhase: 0.38,
  closePhase: 0.2,
};

/**
 * The twenty-third held-out set (spec committed before shub's one run on it; 2026-12-04, h-comp30, issue 15's take
 * choice — every earlier set, held-out-22 included, is tuning material now), made differently from every earlier
 * comp set: **defect sizes of its own** (small: late/early 30–50 ms, detune 20–30 cents, level 6–9 dB, noise
 * −32…−26 dBFS, clip 3–6 dB; large: late/early 85–120 ms, detune 45–60 cents, level 12–16 dB; every earlier set drew
 * defectAmount's 30–120 ms, 20–60 cents, 8–14 dB); five voices in no set (sean-nós tenor, enka mezzo, highlife
 * baritone, sertanejo tenor, griot bass) in seven songs; four songs **played by the npm synth from the OPL-3 FM SF2**
 * (TiMidity++ and fluidsynth rendered it before, the npm synth never), two with its reverb and chorus; take programs
 * no set used (trumpet, English horn, bassoon, ocarina), guides on programs no set used as guide (harpsichord, harp,
 * drawbar organ, warm pad); per-take latencies in six songs and one speech, one latency per song in two, none in
 * three; speech from festival's Italian pc_diphone and espeak-ng Macedonian (mk+Gene): neither voice in any set;
 * tempi outside every comp set's 34–205 bpm (32, 33, 206–220 bpm); takes at 21, 23, 49 and 50 kHz (no earlier
 * set); seeds 4001–4013 (none used before). 11 songs × 6 sections (66 with a MIDI guide) + 2 × 5
 * sentences = 76 sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_23: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 4001,
        program: 56,
        guideProgram: 6,
        soundfont: { file: SF2.opl3 },
        timingJitterMs: 9,
        sampleRate: 21000,
        tonic: 62,
        bpm: 208,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'early', 'detune', 'level'],
        defectSizes: SMALL_DEFECTS,
        latencyMs: [15, 15, 60, 40],
      },
      {
        seed: 4002,
        program: 69,
        guideProgram: 46,
        soundfont: { file: SF2.opl3 },
        effects: true,
        timingJitterMs: 7,
        sampleRate: 23000,
        tonic: 57,
        bpm: 212,
        takes: 4,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['late', 'noise', 'detune', 'early'],
        defectSizes: LARGE_DEFECTS,
        latencyMs: 35,
      },
      {
        seed: 4003,
        program: 70,
        guideProgram: 16,
        soundfont: { file: SF2.opl3 },
        timingJitterMs: 10,
        sampleRate: 49000,
        tonic: 48,
        bpm: 33,
        takes: 3,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['early', 'late', 'missing'],
        latencyMs: [5, 55, 30],
      },
      {
        seed: 4004,
        program: 79,
        guideProgram: 89,
        soundfont: { file: SF2.opl3 },
        effects: true,
        timingJitterMs: 8,
        sampleRate: 50000,
        tonic: 72,
        bpm: 216,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['late', 'detune', 'clip', 'noise'],
        defectSizes: SMALL_DEFECTS,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4005,
        voice: SEAN_NOS_TENOR,
        tonic: 57,
        bpm: 206,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['late', 'early', 'detune', 'noise'],
        defectSizes: SMALL_DEFECTS,
        latencyMs: [0, 40, 0, 75],
        sampleRate: 21000,
      },
      {
        seed: 4006,
        voice: ENKA_MEZZO,
        tonic: 65,
        bpm: 32,
        takes: 4,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['early', 'level', 'late', 'missing'],
        defectSizes: LARGE_DEFECTS,
        sampleRate: 23000,
      },
      {
        seed: 4007,
        voice: HIGHLIFE_BARITONE,
        tonic: 50,
        bpm: 210,
        takes: 5,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['late', 'late', 'detune', 'noise', 'early'],
        latencyMs: [20, 20, 50, 90, 20],
        sampleRate: 49000,
      },
      {
        seed: 4008,
        voice: SERTANEJO_TENOR,
        tonic: 60,
        bpm: 214,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['early', 'detune', 'level', 'late'],
        defectSizes: SMALL_DEFECTS,
        placement: 'runs',
        sampleRate: 50000,
      },
      {
        seed: 4009,
        voice: GRIOT_BASS,
        tonic: 45,
        bpm: 218,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['late', 'noise', 'clip', 'detune'],
        defectSizes: LARGE_DEFECTS,
        latencyMs: [35, 80, 35, 35],
        sampleRate: 21000,
      },
      {
        seed: 4010,
        voice: ENKA_MEZZO,
        tonic: 68,
        bpm: 220,
        takes: 3,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['early', 'late', 'detune'],
        latencyMs: 65,
        sampleRate: 49000,
      },
      {
        seed: 4011,
        voice: SERTANEJO_TENOR,
        tonic: 62,
        bpm: 207,
        takes: 4,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['late', 'early', 'missing', 'level'],
        defectSizes: SMALL_DEFECTS,
        latencyMs: [0, 25, 70, 0],
        sampleRate: 23000,
      },
    ] as Omit<LatencySong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_23_SPEECH: LatencySpeech[] = [
  {
    seed: 4012,
    voice: 'festival:pc_diphone',
    wordsPerMinute: 0,
    takes: 4,
    leadSeconds: 0.4,
    latencyMs: [10, 55, 10, 30],
    kinds: ['late', 'early', 'noise', 'level'],
    sentences: [
      'Mio fratello nuota ogni mattina nel lago.',
      'Il treno per Napoli parte alle nove.',
      'Ieri il vento era freddo in montagna.',
      'Domani piovera sulla citta.',
      'Il negozio in fondo alla strada oggi e chiuso.',
    ],
  },
  {
    seed: 4013,
    voice: 'mk+Gene',
    wordsPerMinute: 150,
    takes: 4,
    leadSeconds: 0.33,
    tailSeconds: 0.6,
    kinds: ['early', 'late', 'clip', 'missing'],
    sentences: [
      'Мојот брат плива секое утро во езерото.',
      'Возот за Битола тргнува во осум часот.',
      'Вчера ветерот беше студен на планината.',
      'Утре ќе врне снег во градот.',
      'Продавницата на аголот денес е затворена.',
    ],
  },
];

/**
 * Defect sizes of held-out-24: medium (between held-out-23's small and large) and near the issue's lower bounds (the
 * "clearly best" line: late/early 30–40 ms, detune 20–25 cents, level 6–8 dB).
 */
const MID_DEFECTS = {
  late: [50, 85],
  early: [50, 85],
  detune: [30, 45],
  level: [9, 12],
  noise: [-26, -20],
  clip: [6, 9],
} as const;
const EDGE_DEFECTS = { late: [30, 40], early: [30, 40], detune: [20, 25], level: [6, 8] } as const;
const TUVAN_BARITONE: VoiceStyle = {
  name: 'tuvan baritone',
  formantScale: 0.93,
  vibratoHz: 4.6,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.4,
  driftCents: 7,
  breath: 0.04,
  openPhase: 0.36,
  closePhase: 0.22,
};
const KPOP_SOPRANO: VoiceStyle = {
  name: 'k-pop soprano',
  formantScale: 1.18,
  vibratoHz: 6.0,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.28,
  driftCents: 3,
  breath: 0.14,
  openPhase: 0.52,
  closePhase: 0.1,
};
const JOIK_ALTO: VoiceStyle = {
  name: 'joik alto',
  formantScale: 1.09,
  vibratoHz: 5.3,
  vibratoCents: 40,
  vibratoDelaySeconds: 0.15,
  driftCents: 10,
  breath: 0.08,
  openPhase: 0.43,
  closePhase: 0.16,
};
const TROT_TENOR: VoiceStyle = {
  name: 'trot tenor',
  formantScale: 1.03,
  vibratoHz: 6.8,
  vibratoCents: 45,
  vibratoDelaySeconds: 0.12,
  driftCents: 5,
  breath: 0.07,
  openPhase: 0.48,
  closePhase: 0.12,
};
const SCHLAGER_BASS: VoiceStyle = {
  name: 'schlager bass',
  formantScale: 0.88,
  vibratoHz: 5.1,
  vibratoCents: 20,
  vibratoDelaySeconds: 0.32,
  driftCents: 4,
  breath: 0.06,
  openPhase: 0.41,
  closePhase: 0.19,
};

/**
 * The twenty-fourth held-out set (spec committed before shub's one run on it; 2026-12-04, h-comp31, issue 15's take
 * choice — every earlier set, held-out-23 included, is tuning material now), made differently from every earlier
 * comp set: **defect sizes of its own** (medium: late/early 50–85 ms, detune 30–45 cents, level 9–12 dB, noise
 * −26…−20 dBFS, clip 6–9 dB; near the issue's lower bounds: late/early 30–40 ms, detune 20–25 cents, level 6–8 dB);
 * four songs **rendered by fluidsynth from the OPL-3 FM SF2** (TiMidity++ and the npm synth played it before,
 * fluidsynth never), two with its reverb and chorus; take programs no set used
 * (trombone, baritone sax, French horn, pan flute), guides on programs no set used as guide (bright piano,
 * clavinet, marimba, church organ); five voices in no set (Tuvan baritone, k-pop soprano, joik alto, trot tenor,
 * schlager bass) in seven songs, at moderate tempi (60–160 bpm: held-out-22/23 were at 185–220); per-take latencies
 * in five songs and one speech, one latency per song in two, none in the rest; speech from **festival's
 * ked_diphone slowed (Duration_Stretch 1.3)** and **espeak-ng Serbian (sr+Iven3) at a low pitch (-p 25) and 110
 * words a minute** (no language, stretch or pitch setting used before); takes at 18, 19, 20, 51 and 52 kHz (no
 * earlier set); seeds 4101–4113 (none used before). 11 songs × 6 sections (66 with a MIDI guide) + 2 × 5
 * sentences = 76 sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_24: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 4101,
        program: 57,
        guideProgram: 1,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 6,
        sampleRate: 51000,
        tonic: 55,
        bpm: 96,
        takes: 4,
        scale: 'blues',
        rhythm: 'straight',
        kinds: ['late', 'early', 'detune', 'noise'],
        defectSizes: MID_DEFECTS,
        latencyMs: [0, 45, 0, 20],
      },
      {
        seed: 4102,
        program: 67,
        guideProgram: 7,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.6, reverbLevel: 0.5 },
        timingJitterMs: 9,
        sampleRate: 19000,
        tonic: 50,
        bpm: 128,
        takes: 4,
        scale: 'melodic',
        rhythm: 'dotted',
        kinds: ['early', 'level', 'late', 'missing'],
        defectSizes: EDGE_DEFECTS,
        latencyMs: 50,
      },
      {
        seed: 4103,
        program: 60,
        guideProgram: 12,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.8, reverbLevel: 0.6 },
        timingJitterMs: 8,
        sampleRate: 52000,
        tonic: 53,
        bpm: 84,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['late', 'late', 'detune', 'clip'],
        latencyMs: [10, 60, 10, 35],
      },
      {
        seed: 4104,
        program: 75,
        guideProgram: 19,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0, reverbLevel: 0 },
        timingJitterMs: 7,
        sampleRate: 20000,
        tonic: 67,
        bpm: 150,
        takes: 4,
        scale: 'chromatic',
        rhythm: 'sixteenth',
        kinds: ['early', 'detune', 'noise', 'level'],
        defectSizes: MID_DEFECTS,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4105,
        voice: TUVAN_BARITONE,
        tonic: 47,
        bpm: 72,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['late', 'early', 'detune', 'level'],
        defectSizes: MID_DEFECTS,
        latencyMs: [0, 30, 60, 0],
        sampleRate: 19000,
      },
      {
        seed: 4106,
        voice: KPOP_SOPRANO,
        tonic: 72,
        bpm: 118,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['early', 'early', 'noise', 'missing'],
        defectSizes: EDGE_DEFECTS,
        placement: 'runs',
        sampleRate: 52000,
      },
      {
        seed: 4107,
        voice: JOIK_ALTO,
        tonic: 62,
        bpm: 100,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['late', 'detune', 'clip', 'level'],
        latencyMs: 40,
        sampleRate: 51000,
      },
      {
        seed: 4108,
        voice: TROT_TENOR,
        tonic: 58,
        bpm: 140,
        takes: 4,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['late', 'early', 'noise', 'detune'],
        defectSizes: MID_DEFECTS,
        timingJitterMs: 11,
        latencyMs: [15, 15, 70, 15],
        sampleRate: 18000,
      },
      {
        seed: 4109,
        voice: SCHLAGER_BASS,
        tonic: 43,
        bpm: 90,
        takes: 3,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['early', 'late', 'level', 'missing'],
        defectSizes: EDGE_DEFECTS,
        sampleRate: 20000,
      },
      {
        seed: 4110,
        voice: KPOP_SOPRANO,
        tonic: 69,
        bpm: 160,
        takes: 3,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['late', 'late', 'early', 'detune'],
        defectSizes: MID_DEFECTS,
        latencyMs: [0, 55, 25],
        sampleRate: 19000,
      },
      {
        seed: 4111,
        voice: JOIK_ALTO,
        tonic: 64,
        bpm: 60,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'swing',
        kinds: ['early', 'noise', 'detune', 'level'],
        pitchJitterCents: 7,
        sampleRate: 52000,
      },
    ] as Omit<LatencySong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_24_SPEECH: LatencySpeech[] = [
  {
    seed: 4112,
    voice: 'festival:ked_diphone',
    festivalEval: ["(Parameter.set 'Duration_Stretch 1.3)"],
    wordsPerMinute: 0,
    takes: 4,
    leadSeconds: 0.38,
    latencyMs: [0, 40, 0, 65],
    kinds: ['late', 'early', 'noise', 'level'],
    defectSizes: MID_DEFECTS,
    sentences: [
      'The ferry leaves the harbour at seven.',
      'My neighbour paints the fence every spring.',
      'The library closes early on Sundays.',
      'A cold wind came down from the hills.',
      'We bought fresh bread at the corner shop.',
    ],
  },
  {
    seed: 4113,
    voice: 'sr+Iven3',
    wordsPerMinute: 110,
    espeakPitch: 25,
    takes: 4,
    leadSeconds: 0.3,
    tailSeconds: 0.7,
    kinds: ['early', 'late', 'clip', 'missing'],
    defectSizes: EDGE_DEFECTS,
    sentences: [
      'Мој брат плива свако јутро у језеру.',
      'Воз за Ниш полази у осам сати.',
      'Јуче је ветар био хладан на планини.',
      'Сутра ће падати снег у граду.',
      'Продавница на углу данас је затворена.',
    ],
  },
];

const MARIACHI_TENOR: VoiceStyle = {
  name: 'ranchera tenor',
  formantScale: 1.04,
  vibratoHz: 6.2,
  vibratoCents: 38,
  vibratoDelaySeconds: 0.2,
  driftCents: 6,
  breath: 0.08,
  openPhase: 0.49,
  closePhase: 0.13,
};
const MORNA_ALTO: VoiceStyle = {
  name: 'morna alto',
  formantScale: 1.1,
  vibratoHz: 4.9,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.45,
  driftCents: 7,
  breath: 0.11,
  openPhase: 0.45,
  closePhase: 0.15,
};
const DHRUPAD_BASS: VoiceStyle = {
  name: 'dhrupad bass',
  formantScale: 0.91,
  vibratoHz: 4.4,
  vibratoCents: 10,
  vibratoDelaySeconds: 0.6,
  driftCents: 9,
  breath: 0.05,
  openPhase: 0.37,
  closePhase: 0.21,
};
const JPOP_SOPRANO: VoiceStyle = {
  name: 'j-pop soprano',
  formantScale: 1.2,
  vibratoHz: 6.4,
  vibratoCents: 24,
  vibratoDelaySeconds: 0.25,
  driftCents: 3,
  breath: 0.16,
  openPhase: 0.53,
  closePhase: 0.09,
};

/**
 * The twenty-fifth held-out set (spec committed before shub's one run on it; 2026-12-04, h-comp31, for a rule
 * found after held-out-24 was run — held-out-24 and every earlier set are tuning material for it), made differently
 * from every earlier comp set: **per-take latencies in every song and both speeches**, among them songs where the
 * latent takes outnumber the takes in time (three of four takes 50–60 ms later) and songs with two latency groups;
 * four voices in no set (ranchera tenor, morna alto, dhrupad bass, j-pop soprano) in seven songs, sections of 12 and
 * 6 beats in three; three songs rendered by TiMidity++ from Debian's FluidR3_GM SF2 at reverb levels no set used (15,
 * 110), on take programs no set used (electric grand, glockenspiel, tubular bells) and guides on programs no set used
 * as guide (honky-tonk piano, music box, rock organ); defect sizes of held-out-23's and -24's ranges mixed (late
 * 30–120 ms, early 40–90 ms, detune 25–50 cents, level 7–13 dB) in five songs; speech from espeak-ng Vietnamese
 * (vi+Paul) and Esperanto (eo+Michael) (no set's languages); takes at 17, 53 and 54 kHz (no set); seeds 4201–4212
 * (none used before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one
 * clearly best by construction (one clean take).
 */
const MIXED_DEFECTS = { late: [30, 120], early: [40, 90], detune: [25, 50], level: [7, 13] } as const;
export const HELD_OUT_25: (Song15 | LatencySong)[] = [
  ...(
    [
      {
        seed: 4201,
        program: 2,
        guideProgram: 3,
        timidity: { reverb: 15, sf2: SF2.fluidR3 },
        sampleRate: 17000,
        tonic: 60,
        bpm: 112,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'early', 'detune', 'level'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [0, 60, 60, 60],
      },
      {
        seed: 4202,
        program: 9,
        guideProgram: 10,
        timidity: { reverb: 110, sf2: SF2.fluidR3 },
        sampleRate: 53000,
        tonic: 65,
        bpm: 76,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['early', 'late', 'noise', 'missing'],
        latencyMs: [10, 10, 55, 55],
      },
      {
        seed: 4203,
        program: 14,
        guideProgram: 18,
        timidity: { reverb: 15, sf2: SF2.fluidR3 },
        sampleRate: 54000,
        tonic: 57,
        bpm: 132,
        takes: 4,
        scale: 'dorian',
        rhythm: 'triplet',
        kinds: ['late', 'detune', 'clip', 'early'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [45, 0, 80, 45],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4204,
        voice: MARIACHI_TENOR,
        tonic: 59,
        bpm: 120,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        sectionBeats: 12,
        kinds: ['late', 'early', 'detune', 'noise'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [0, 50, 50, 50],
        sampleRate: 17000,
      },
      {
        seed: 4205,
        voice: MORNA_ALTO,
        tonic: 64,
        bpm: 88,
        takes: 4,
        scale: 'minor',
        rhythm: 'swing',
        sectionBeats: 6,
        kinds: ['early', 'level', 'late', 'detune'],
        latencyMs: [20, 70, 20, 40],
        sampleRate: 53000,
      },
      {
        seed: 4206,
        voice: DHRUPAD_BASS,
        tonic: 41,
        bpm: 66,
        takes: 3,
        scale: 'phrygian',
        rhythm: 'straight',
        sectionBeats: 6,
        kinds: ['late', 'detune', 'missing'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [0, 65, 30],
        sampleRate: 54000,
      },
      {
        seed: 4207,
        voice: JPOP_SOPRANO,
        tonic: 74,
        bpm: 150,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['early', 'late', 'level', 'clip'],
        latencyMs: [35, 35, 75, 0],
        sampleRate: 17000,
      },
      {
        seed: 4208,
        voice: MARIACHI_TENOR,
        tonic: 62,
        bpm: 98,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['late', 'early', 'detune', 'noise', 'level'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [0, 40, 40, 80, 0],
        placement: 'runs',
        sampleRate: 53000,
      },
      {
        seed: 4209,
        voice: MORNA_ALTO,
        tonic: 67,
        bpm: 104,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'triplet',
        sectionBeats: 12,
        kinds: ['late', 'late', 'detune', 'missing'],
        latencyMs: [25, 25, 25, 70],
        sampleRate: 54000,
      },
      {
        seed: 4210,
        voice: JPOP_SOPRANO,
        tonic: 71,
        bpm: 126,
        takes: 4,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['early', 'detune', 'noise', 'late'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [60, 0, 60, 30],
        sampleRate: 17000,
      },
    ] as Omit<LatencySong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_25_SPEECH: LatencySpeech[] = [
  {
    seed: 4211,
    voice: 'vi+Paul',
    wordsPerMinute: 140,
    takes: 4,
    latencyMs: [0, 50, 50, 20],
    kinds: ['late', 'early', 'noise', 'level'],
    sentences: [
      'Anh trai tôi bơi ở hồ mỗi buổi sáng.',
      'Chuyến tàu đi Huế khởi hành lúc tám giờ.',
      'Hôm qua gió trên núi rất lạnh.',
      'Ngày mai trời sẽ mưa ở thành phố.',
      'Cửa hàng ở góc phố hôm nay đóng cửa.',
    ],
  },
  {
    seed: 4212,
    voice: 'eo+Michael',
    wordsPerMinute: 130,
    takes: 4,
    leadSeconds: 0.4,
    latencyMs: [30, 30, 75, 0],
    kinds: ['early', 'late', 'clip', 'missing'],
    sentences: [
      'Mia frato naĝas en la lago ĉiun matenon.',
      'La trajno al Parizo foriras je la oka.',
      'Hieraŭ la vento estis malvarma sur la monto.',
      'Morgaŭ neĝos en la urbo.',
      'La vendejo ĉe la angulo hodiaŭ estas fermita.',
    ],
  },
];

const TANGO_BARITONE: VoiceStyle = {
  name: 'tango baritone',
  formantScale: 0.95,
  vibratoHz: 5.6,
  vibratoCents: 30,
  vibratoDelaySeconds: 0.3,
  driftCents: 8,
  breath: 0.09,
  openPhase: 0.42,
  closePhase: 0.17,
};
const CANTOPOP_ALTO: VoiceStyle = {
  name: 'cantopop alto',
  formantScale: 1.13,
  vibratoHz: 5.3,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.5,
  driftCents: 4,
  breath: 0.14,
  openPhase: 0.5,
  closePhase: 0.11,
};
const SEVDAH_TENOR: VoiceStyle = {
  name: 'sevdah tenor',
  formantScale: 1.02,
  vibratoHz: 6.6,
  vibratoCents: 42,
  vibratoDelaySeconds: 0.15,
  driftCents: 10,
  breath: 0.07,
  openPhase: 0.47,
  closePhase: 0.14,
};
const LULLABY_SOPRANO: VoiceStyle = {
  name: 'lullaby soprano',
  formantScale: 1.17,
  vibratoHz: 4.6,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.7,
  driftCents: 5,
  breath: 0.2,
  openPhase: 0.55,
  closePhase: 0.08,
};

/**
 * The twenty-sixth held-out set (spec committed before shub's one run on it; 2026-12-04, h-comp32, after each
 * take's own latency (ownLatency) was set on held-out-20…24 and judged on held-out-25 — every earlier set is tuning
 * material now; for the next round, not run by h-comp32's rule), made differently from every earlier comp set:
 * **latency patterns no set had** — one take recorded earlier than a late session (three takes 80–95 ms late, one
 * 30–40: its own latency is negative against the shared offset), every take its own latency (0/25/50/75 ms, no two
 * alike), two equal groups (two takes 0 ms, two 45), latencies near the 20 ms line (15–25 ms), a session late past
 * the guide modes' search end with one take later still (110/110/150/110), and one song with none; **looser singers
 * than any set** (note timing σ 15–18 ms, pitch σ 8–9 cents; held-out sets had at most 14 ms and 7 cents); four
 * voices in no set (tango baritone, cantopop alto, sevdah tenor, lullaby soprano) in seven songs, two of them through
 * SoX's reverb at reverberance 30 and 90 (no set used those) on top of per-take latencies; three songs on take
 * programs no set used (tuba, piccolo, shakuhachi) and guides on programs no set used as guide (electric piano 2,
 * clean electric guitar, pizzicato strings), rendered by fluidsynth from csound's sf_GMbank at room 0.4 / level 0.3
 * (no set's setting), TiMidity++ from the OPL-3 FM SF2 at reverb 25, and the npm synth from FluidR3_GM; speech from
 * espeak-ng Armenian (hy+Lee) and Georgian (ka+Travis) (no set's languages); takes at 55, 56 and 57 kHz (no set);
 * seeds 4301–4312 (none used before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections,
 * every one clearly best by construction (one clean take).
 * What played (measured note by note by h-debt39): the TiMidity++ song is **FluidR3_GM**, not the OPL-3 FM bank
 * (TiMidity++ reads /etc/timidity/timidity.cfg, whose `%font` lines map every bank-0 program to FluidR3_GM, before
 * the `soundfont X` file fixtures/synthtakes.ts writes, which does not override them). Its figures stand.
 */
export const HELD_OUT_26: (Song15 | LatencySong | RoomSong)[] = [
  ...(
    [
      {
        seed: 4301,
        program: 58,
        guideProgram: 5,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.4, reverbLevel: 0.3 },
        sampleRate: 55000,
        tonic: 48,
        bpm: 84,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['late', 'early', 'detune', 'level'],
        latencyMs: [90, 90, 95, 35],
      },
      {
        seed: 4302,
        program: 72,
        guideProgram: 27,
        timidity: { reverb: 25, sf2: SF2.opl3 },
        sampleRate: 56000,
        tonic: 72,
        bpm: 138,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'late', 'noise', 'detune'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [0, 25, 50, 75],
      },
      {
        seed: 4303,
        program: 77,
        guideProgram: 45,
        soundfont: { file: SF2.fluidR3 },
        sampleRate: 57000,
        tonic: 67,
        bpm: 72,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['late', 'detune', 'missing', 'early'],
        latencyMs: [0, 0, 45, 45],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4304,
        voice: TANGO_BARITONE,
        tonic: 50,
        bpm: 116,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['late', 'early', 'level', 'detune'],
        latencyMs: [80, 80, 80, 30],
        timingJitterMs: 16,
        sampleRate: 55000,
      },
      {
        seed: 4305,
        voice: CANTOPOP_ALTO,
        tonic: 62,
        bpm: 92,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['early', 'late', 'noise', 'level'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [15, 0, 25, 20],
        soxReverb: 30,
        sampleRate: 56000,
      },
      {
        seed: 4306,
        voice: SEVDAH_TENOR,
        tonic: 57,
        bpm: 100,
        takes: 5,
        scale: 'phrygian',
        rhythm: 'swing',
        kinds: ['late', 'detune', 'early', 'missing', 'clip'],
        latencyMs: [110, 110, 150, 110, 110],
        pitchJitterCents: 8,
        sampleRate: 57000,
      },
      {
        seed: 4307,
        voice: LULLABY_SOPRANO,
        tonic: 69,
        bpm: 64,
        takes: 3,
        scale: 'lydian',
        rhythm: 'straight',
        sectionBeats: 6,
        kinds: ['late', 'early', 'detune'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [0, 60, 20],
        soxReverb: 90,
        sampleRate: 55000,
      },
      {
        seed: 4308,
        voice: TANGO_BARITONE,
        tonic: 47,
        bpm: 144,
        takes: 4,
        scale: 'minor',
        rhythm: 'sixteenth',
        kinds: ['early', 'late', 'clip', 'level'],
        placement: 'runs',
        timingJitterMs: 18,
        pitchJitterCents: 9,
        sampleRate: 56000,
      },
      {
        seed: 4309,
        voice: CANTOPOP_ALTO,
        tonic: 65,
        bpm: 124,
        takes: 4,
        scale: 'dorian',
        rhythm: 'triplet',
        sectionBeats: 12,
        kinds: ['late', 'late', 'early', 'detune'],
        defectSizes: MIXED_DEFECTS,
        latencyMs: [0, 0, 45, 45],
        timingJitterMs: 15,
        sampleRate: 57000,
      },
      {
        seed: 4310,
        voice: LULLABY_SOPRANO,
        tonic: 76,
        bpm: 108,
        takes: 4,
        scale: 'blues',
        rhythm: 'swing',
        kinds: ['early', 'detune', 'noise', 'late'],
        latencyMs: [40, 0, 40, 40],
        pitchJitterCents: 8,
        sampleRate: 55000,
      },
    ] as Omit<RoomSong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_26_SPEECH: LatencySpeech[] = [
  {
    seed: 4311,
    voice: 'hy+Lee',
    wordsPerMinute: 135,
    takes: 4,
    latencyMs: [70, 70, 70, 25],
    kinds: ['late', 'early', 'level', 'noise'],
    sentences: [
      'Իմ եղբայրը ամեն առավոտ լողում է լճում։',
      'Գնացքը մեկնում է ժամը ութին։',
      'Երեկ քամին սառն էր լեռան վրա։',
      'Վաղը քաղաքում անձրև կգա։',
      'Անկյունի խանութը այսօր փակ է։',
    ],
  },
  {
    seed: 4312,
    voice: 'ka+Travis',
    wordsPerMinute: 150,
    takes: 4,
    latencyMs: [0, 35, 0, 60],
    kinds: ['early', 'late', 'clip', 'detune'],
    sentences: [
      'ჩემი ძმა ყოველ დილით ტბაში ცურავს.',
      'მატარებელი რვა საათზე გადის.',
      'გუშინ მთაზე ქარი ცივი იყო.',
      'ხვალ ქალაქში წვიმა იქნება.',
      'კუთხის მაღაზია დღეს დაკეტილია.',
    ],
  },
];

const PANSORI_ALTO: VoiceStyle = {
  name: 'pansori alto',
  formantScale: 1.06,
  vibratoHz: 5.1,
  vibratoCents: 36,
  vibratoDelaySeconds: 0.25,
  driftCents: 7,
  breath: 0.11,
  openPhase: 0.46,
  closePhase: 0.13,
};
const DOOWOP_TENOR: VoiceStyle = {
  name: 'doo-wop tenor',
  formantScale: 1.04,
  vibratoHz: 6.2,
  vibratoCents: 10,
  vibratoDelaySeconds: 0.6,
  driftCents: 6,
  breath: 0.05,
  openPhase: 0.4,
  closePhase: 0.19,
};
const CALYPSO_BARITONE: VoiceStyle = {
  name: 'calypso baritone',
  formantScale: 0.97,
  vibratoHz: 6.9,
  vibratoCents: 48,
  vibratoDelaySeconds: 0.1,
  driftCents: 11,
  breath: 0.08,
  openPhase: 0.44,
  closePhase: 0.16,
};
const CARNATIC_SOPRANO: VoiceStyle = {
  name: 'carnatic soprano',
  formantScale: 1.22,
  vibratoHz: 4.9,
  vibratoCents: 6,
  vibratoDelaySeconds: 0.8,
  driftCents: 3,
  breath: 0.16,
  openPhase: 0.52,
  closePhase: 0.1,
};
/** Defect sizes of held-out-27: one narrow middle band (no set's), pitch and level near their middle. */
const NARROW_DEFECTS = { late: [50, 65], early: [50, 65], detune: [32, 40], level: [9, 11] } as const;

/**
 * The twenty-seventh held-out set (spec committed before shub's one run on it; 2026-12-04, h-comp33, after the pitch
 * and missing/extra voice under a guide were read on the guide moved by each take's own latency, set on
 * held-out-20…25 and judged on held-out-26 — every earlier set is tuning material now; for the next round, not run
 * by h-comp33's rule), made differently from every earlier comp set: **latency patterns no set had** — one take
 * alone 130 ms late (near the guide search's end) with the others in time, one take 100 ms early against a session
 * 100 ms late, six takes in three pairs (0/0/30/30/85/85), a take 10 ms late beside ones 55 and 100 (5 takes:
 * 0/10/55/100/10), a whole session 5 ms late (under every line), a clean-take pattern with two amounts alternating
 * (0/70/0/70/35) and none; **defects weighted to pitch and missing voice** (this rule's classes: detune and missing
 * in nine of ten songs, pitch in both sentence sets) and one narrow middle band of sizes (late/early 50–65 ms, detune
 * 32–40 cents, level 9–11 dB; no set's); singers tighter than any set in two songs (timing σ 4 ms, pitch σ 2 cents)
 * and looser in one (σ 20 ms, 10 cents); four voices in no set (pansori alto, doo-wop tenor, calypso baritone,
 * carnatic soprano), one through SoX's reverb at reverberance 60 (no set's) on top of per-take latencies, one song of
 * six takes (no set had more than five); take programs no set used (fiddle, shanai, muted trumpet) with guides on
 * programs no set used as guide (nylon guitar, celesta, synth strings 1), rendered by fluidsynth from the npm
 * TimGM6mb bank at room 0.3 / level 0.6, TiMidity++ from csound's sf_GMbank at reverb 35 and fluidsynth from the npm
 * MuseScoreGeneral bank at room 0.35 / level 0.2 (no set's settings); speech from espeak-ng Hindi (hi+Caleb) and
 * Persian (fa+norbert) (no set's languages); takes at 58, 59 and 60 kHz (no set); seeds 4401–4412 (none used
 * before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by
 * construction (one clean take).
 * What played (measured note by note by h-debt39): the TiMidity++ song is **FluidR3_GM**, not sf_GMbank
 * (TiMidity++ reads /etc/timidity/timidity.cfg, whose `%font` lines map every bank-0 program to FluidR3_GM, before
 * the `soundfont X` file fixtures/synthtakes.ts writes, which does not override them). Its figures stand.
 */
export const HELD_OUT_27: (Song15 | LatencySong | RoomSong)[] = [
  ...(
    [
      {
        seed: 4401,
        program: 110,
        guideProgram: 24,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.3, reverbLevel: 0.6 },
        sampleRate: 58000,
        tonic: 64,
        bpm: 96,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'late', 'level'],
        latencyMs: [0, 0, 0, 130],
      },
      {
        seed: 4402,
        program: 111,
        guideProgram: 8,
        timidity: { reverb: 35, sf2: SF2.csound },
        sampleRate: 59000,
        tonic: 69,
        bpm: 120,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['detune', 'early', 'missing', 'noise'],
        defectSizes: NARROW_DEFECTS,
        latencyMs: [100, 100, 0, 100],
      },
      {
        seed: 4403,
        program: 59,
        guideProgram: 50,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.35, reverbLevel: 0.2 },
        sampleRate: 60000,
        tonic: 58,
        bpm: 76,
        takes: 5,
        scale: 'melodic',
        rhythm: 'dotted',
        kinds: ['missing', 'detune', 'late', 'clip', 'detune'],
        latencyMs: [0, 10, 55, 100, 10],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4404,
        voice: PANSORI_ALTO,
        tonic: 55,
        bpm: 88,
        takes: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'late', 'early', 'level', 'detune'],
        latencyMs: [0, 0, 30, 30, 85, 85],
        sampleRate: 58000,
      },
      {
        seed: 4405,
        voice: DOOWOP_TENOR,
        tonic: 62,
        bpm: 132,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['missing', 'detune', 'noise', 'early'],
        defectSizes: NARROW_DEFECTS,
        latencyMs: [5, 5, 5, 5],
        timingJitterMs: 4,
        pitchJitterCents: 2,
        sampleRate: 59000,
      },
      {
        seed: 4406,
        voice: CALYPSO_BARITONE,
        tonic: 48,
        bpm: 104,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['detune', 'late', 'missing', 'detune', 'clip'],
        latencyMs: [0, 70, 0, 70, 35],
        soxReverb: 60,
        sampleRate: 60000,
      },
      {
        seed: 4407,
        voice: CARNATIC_SOPRANO,
        tonic: 74,
        bpm: 68,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        sectionBeats: 6,
        kinds: ['detune', 'missing', 'level', 'late'],
        latencyMs: [0, 0, 0, 130],
        timingJitterMs: 4,
        pitchJitterCents: 2,
        sampleRate: 58000,
      },
      {
        seed: 4408,
        voice: PANSORI_ALTO,
        tonic: 57,
        bpm: 112,
        takes: 4,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['missing', 'early', 'detune', 'noise'],
        placement: 'runs',
        latencyMs: [100, 0, 100, 100],
        sampleRate: 59000,
      },
      {
        seed: 4409,
        voice: CALYPSO_BARITONE,
        tonic: 50,
        bpm: 140,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['detune', 'detune', 'late', 'missing'],
        defectSizes: NARROW_DEFECTS,
        timingJitterMs: 20,
        pitchJitterCents: 10,
        sampleRate: 60000,
      },
      {
        seed: 4410,
        voice: DOOWOP_TENOR,
        tonic: 60,
        bpm: 84,
        takes: 3,
        scale: 'pentatonic',
        rhythm: 'dotted',
        sectionBeats: 12,
        kinds: ['early', 'detune', 'level'],
        latencyMs: [0, 10, 55],
        sampleRate: 58000,
      },
    ] as Omit<RoomSong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_27_SPEECH: LatencySpeech[] = [
  {
    seed: 4411,
    voice: 'hi+Caleb',
    wordsPerMinute: 140,
    takes: 4,
    latencyMs: [0, 90, 0, 0],
    kinds: ['detune', 'missing', 'late', 'noise'],
    sentences: [
      'मेरा भाई हर सुबह झील में तैरता है।',
      'ट्रेन आठ बजे निकलती है।',
      'कल पहाड़ पर हवा ठंडी थी।',
      'कल शहर में बारिश होगी।',
      'कोने की दुकान आज बंद है।',
    ],
  },
  {
    seed: 4412,
    voice: 'fa+norbert',
    wordsPerMinute: 125,
    takes: 4,
    latencyMs: [50, 0, 50, 100],
    kinds: ['early', 'detune', 'level', 'missing'],
    defectSizes: NARROW_DEFECTS,
    sentences: [
      'برادرم هر صبح در دریاچه شنا می‌کند.',
      'قطار ساعت هشت حرکت می‌کند.',
      'دیروز باد روی کوه سرد بود.',
      'فردا در شهر باران می‌بارد.',
      'مغازه سر کوچه امروز بسته است.',
    ],
  },
];

const BOLERO_CONTRALTO: VoiceStyle = {
  name: 'bolero contralto',
  formantScale: 0.93,
  vibratoHz: 5.6,
  vibratoCents: 28,
  vibratoDelaySeconds: 0.35,
  driftCents: 9,
  breath: 0.13,
  openPhase: 0.5,
  closePhase: 0.12,
};
const HIGHLAND_TENOR: VoiceStyle = {
  name: 'highland tenor',
  formantScale: 1.03,
  vibratoHz: 6.5,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.45,
  driftCents: 5,
  breath: 0.07,
  openPhase: 0.42,
  closePhase: 0.17,
};
const POLKA_BARITONE: VoiceStyle = {
  name: 'polka baritone',
  formantScale: 0.95,
  vibratoHz: 5.3,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.2,
  driftCents: 8,
  breath: 0.09,
  openPhase: 0.47,
  closePhase: 0.14,
};
/** Defect sizes of held-out-28: late and early apart (long late, short early), detune large, level large. */
const SPLIT_DEFECTS = { late: [70, 80], early: [38, 46], detune: [48, 54], level: [13, 15] } as const;

/**
 * The twenty-eighth held-out set (spec committed before shub's one run on it; 2026-12-04, h-comp35, after the extra
 * voice under a decaying guide and the no-guide misses were tuned on held-out-20…26 and judged on held-out-27 —
 * every earlier set is tuning material now; for the next round, not run by h-comp35's rule), made differently from
 * every earlier comp set: **latency patterns no set had** — graded 0/20/40/60/80 over five takes, one clean-in-time
 * take against four 40 ms late, 0/60/120 in three takes, 0/0/115/0, 0/45/45/45, 0/0/75/0, alternating 0/30/0/30/0,
 * whole sessions 15 and 25 ms late; **guides that die away** (banjo, koto, dulcimer, electric piano: plucked or
 * struck, no set's guide programs) under held take programs no set used (synth brass 1, voice lead, sawtooth lead,
 * rock organ); defect sizes split (late 70–80 ms, early 38–46 ms, detune 48–54 cents, level 13–15 dB: no set's) in
 * three songs; three voices in no set (bolero contralto, highland tenor, polka baritone), two through SoX's reverb
 * at 30 and 85 (no set's); rendered by TiMidity++ from the OPL-3 FM bank at reverb 25, fluidsynth from FluidR3_GM at
 * room 0.2 / level 0.9 and from csound's sf_GMbank at room 0.15 / level 0.5, and the npm synth from MuseScore
 * General with its effects (no set's settings); speech from espeak-ng Tamil (ta+grandpa) and Russian (ru+steph2)
 * (no set's languages); takes at 62, 63 and 64 kHz (no set); seeds 4501–4512 (none used before). 10 songs × 6
 * sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction.
 * What played (measured note by note by h-debt39): the TiMidity++ song is **FluidR3_GM**, not the OPL-3 FM bank
 * (TiMidity++ reads /etc/timidity/timidity.cfg, whose `%font` lines map every bank-0 program to FluidR3_GM, before
 * the `soundfont X` file fixtures/synthtakes.ts writes, which does not override them). Its figures stand.
 */
export const HELD_OUT_28: (Song15 | LatencySong | RoomSong)[] = [
  ...(
    [
      {
        seed: 4501,
        program: 62,
        guideProgram: 105,
        timidity: { reverb: 25, sf2: SF2.opl3 },
        sampleRate: 62000,
        tonic: 66,
        bpm: 100,
        takes: 4,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['missing', 'detune', 'late', 'noise'],
        latencyMs: [0, 45, 45, 45],
      },
      {
        seed: 4502,
        program: 85,
        guideProgram: 107,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.2, reverbLevel: 0.9 },
        sampleRate: 63000,
        tonic: 61,
        bpm: 92,
        takes: 5,
        scale: 'blues',
        rhythm: 'straight',
        kinds: ['late', 'detune', 'missing', 'noise', 'early'],
        latencyMs: [0, 20, 40, 60, 80],
      },
      {
        seed: 4503,
        program: 81,
        guideProgram: 15,
        soundfont: 'MuseScoreGeneral',
        effects: true,
        sampleRate: 64000,
        tonic: 53,
        bpm: 126,
        takes: 4,
        scale: 'chromatic',
        rhythm: 'sixteenth',
        kinds: ['detune', 'early', 'missing', 'level'],
        defectSizes: SPLIT_DEFECTS,
        latencyMs: 25,
      },
      {
        seed: 4504,
        program: 18,
        guideProgram: 4,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.15, reverbLevel: 0.5 },
        sampleRate: 62000,
        tonic: 59,
        bpm: 110,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['missing', 'detune', 'late', 'early'],
        latencyMs: [0, 0, 75, 0],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4505,
        voice: BOLERO_CONTRALTO,
        tonic: 53,
        bpm: 58,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'detune', 'late'],
        defectSizes: SPLIT_DEFECTS,
        latencyMs: [0, 0, 115, 0],
        sampleRate: 62000,
      },
      {
        seed: 4506,
        voice: HIGHLAND_TENOR,
        tonic: 64,
        bpm: 150,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['detune', 'early', 'missing', 'noise', 'clip'],
        latencyMs: [40, 40, 40, 0, 40],
        soxReverb: 30,
        sampleRate: 63000,
      },
      {
        seed: 4507,
        voice: POLKA_BARITONE,
        tonic: 47,
        bpm: 116,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        sectionBeats: 12,
        kinds: ['late', 'late', 'detune', 'missing'],
        timingJitterMs: 12,
        pitchJitterCents: 6,
        sampleRate: 64000,
      },
      {
        seed: 4508,
        voice: BOLERO_CONTRALTO,
        tonic: 56,
        bpm: 80,
        takes: 3,
        scale: 'phrygian',
        rhythm: 'triplet',
        kinds: ['early', 'detune', 'missing'],
        placement: 'runs',
        latencyMs: [0, 60, 120],
        sampleRate: 62000,
      },
      {
        seed: 4509,
        voice: HIGHLAND_TENOR,
        tonic: 67,
        bpm: 100,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['missing', 'missing', 'detune', 'level'],
        defectSizes: SPLIT_DEFECTS,
        latencyMs: 15,
        soxReverb: 85,
        sampleRate: 63000,
      },
      {
        seed: 4510,
        voice: POLKA_BARITONE,
        tonic: 45,
        bpm: 72,
        takes: 5,
        scale: 'dorian',
        rhythm: 'dotted',
        sectionBeats: 6,
        kinds: ['detune', 'late', 'early', 'missing', 'noise'],
        latencyMs: [0, 30, 0, 30, 0],
        sampleRate: 64000,
      },
    ] as Omit<RoomSong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_28_SPEECH: LatencySpeech[] = [
  {
    seed: 4511,
    voice: 'ta+grandpa',
    wordsPerMinute: 135,
    takes: 4,
    latencyMs: [0, 0, 55, 0],
    kinds: ['missing', 'detune', 'early', 'level'],
    sentences: [
      'என் சகோதரர் ஒவ்வொரு காலையும் ஏரியில் நீந்துகிறார்.',
      'ரயில் எட்டு மணிக்கு புறப்படும்.',
      'நேற்று மலையில் காற்று குளிராக இருந்தது.',
      'நாளை நகரத்தில் மழை பெய்யும்.',
      'மூலையில் உள்ள கடை இன்று மூடப்பட்டுள்ளது.',
    ],
  },
  {
    seed: 4512,
    voice: 'ru+steph2',
    wordsPerMinute: 160,
    takes: 5,
    latencyMs: [20, 20, 20, 20, 20],
    kinds: ['late', 'detune', 'noise', 'missing', 'clip'],
    defectSizes: SPLIT_DEFECTS,
    sentences: [
      'Мой брат каждое утро плавает в озере.',
      'Поезд уходит в восемь часов.',
      'Вчера на горе был холодный ветер.',
      'Завтра в городе будет дождь.',
      'Магазин на углу сегодня закрыт.',
    ],
  },
];

/** Voices of held-out-29 (in no set before it). */
const FADO_MEZZO: VoiceStyle = {
  name: 'fado mezzo',
  formantScale: 1.05,
  vibratoHz: 6.1,
  vibratoCents: 42,
  vibratoDelaySeconds: 0.28,
  driftCents: 9,
  breath: 0.12,
  openPhase: 0.5,
  closePhase: 0.2,
};
const GOSPEL_BARITONE: VoiceStyle = {
  name: 'gospel baritone',
  formantScale: 0.93,
  vibratoHz: 5.6,
  vibratoCents: 58,
  vibratoDelaySeconds: 0.4,
  driftCents: 12,
  breath: 0.08,
  openPhase: 0.52,
  closePhase: 0.12,
};
const YODEL_SOPRANO: VoiceStyle = {
  name: 'yodel soprano',
  formantScale: 1.16,
  vibratoHz: 6.8,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.15,
  driftCents: 4,
  breath: 0.05,
  openPhase: 0.38,
  closePhase: 0.22,
};
/** Defect sizes of held-out-29: late long, early short, detune and level small (no set's). */
const FAR_LATE_DEFECTS = { late: [100, 115], early: [25, 32], detune: [26, 30], level: [6, 7.5] } as const;

/**
 * The twenty-ninth held-out set (spec committed before shub's one run on it; 2026-12-05, h-comp37, after the
 * no-guide take-to-take contour offsets were tried on held-out-20…27 and none kept; main's baseline only), made
 * differently from every earlier comp set: **latency patterns no set had** — a V 0/35/70/35, 25/0/90/25/0, a clean
 * take at 0 against two at 100 ms in three takes, one take 140 ms late (past the searched 150 ms with its late
 * entries), 50/0/50 with defects in runs, 0/100/100/0/0, 0/0/60/60/0/60 over six takes, whole sessions 35 ms late;
 * guides on programs no set used as guide (accordion, slow strings, xylophone, glockenspiel) under take programs no
 * set used (calliope lead, synth brass 2, charang, bass + lead); defect sizes no set had (late 100–115 ms, early
 * 25–32, detune 26–30 cents, level 6–7.5 dB) in three songs and one sentence set; three voices in no set (fado
 * mezzo, gospel baritone, yodel soprano), two songs through SoX's reverb at 40 and 75 (no set's); rendered by
 * TiMidity++ from csound's sf_GMbank at reverb 45 and from FluidR3_GM at reverb 55, fluidsynth from the OPL-3 FM bank
 * at room 0.3 / level 0.3 and the npm synth from TimGM6mb with its effects on (no set's settings); speech from
 * espeak-ng Korean (ko+m5) and Hebrew (he+f5) (no set's languages); takes at 61, 65 and 66 kHz (no set); seeds
 * 4601–4612 (none used before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every
 * one clearly best by construction.
 * What played (measured note by note by h-debt39): the TiMidity++ "sf_GMbank" song is **FluidR3_GM** (TiMidity++
 * reads /etc/timidity/timidity.cfg, whose `%font` lines map every bank-0 program to FluidR3_GM, before the
 * `soundfont X` file fixtures/synthtakes.ts writes, which does not override them). Its figures stand.
 */
export const HELD_OUT_29: (Song15 | LatencySong | RoomSong)[] = [
  ...(
    [
      {
        seed: 4601,
        program: 82,
        guideProgram: 21,
        timidity: { reverb: 45, sf2: SF2.csound },
        sampleRate: 61000,
        tonic: 62,
        bpm: 88,
        takes: 4,
        scale: 'melodic',
        rhythm: 'dotted',
        kinds: ['early', 'detune', 'missing', 'level'],
        latencyMs: [0, 35, 70, 35],
      },
      {
        seed: 4602,
        program: 63,
        guideProgram: 49,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.3, reverbLevel: 0.3 },
        sampleRate: 65000,
        tonic: 57,
        bpm: 132,
        takes: 5,
        scale: 'natural',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'detune', 'clip', 'early'],
        latencyMs: [25, 0, 90, 25, 0],
      },
      {
        seed: 4603,
        program: 84,
        guideProgram: 13,
        soundfont: 'TimGM6mb',
        effects: true,
        sampleRate: 66000,
        tonic: 50,
        bpm: 76,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'swing',
        kinds: ['noise', 'late', 'detune', 'missing'],
        defectSizes: FAR_LATE_DEFECTS,
        latencyMs: 35,
      },
      {
        seed: 4604,
        program: 87,
        guideProgram: 9,
        timidity: { reverb: 55, sf2: SF2.fluidR3 },
        sampleRate: 61000,
        tonic: 55,
        bpm: 104,
        takes: 3,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['detune', 'early', 'missing'],
        latencyMs: [0, 100, 100],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4605,
        voice: FADO_MEZZO,
        tonic: 58,
        bpm: 66,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['late', 'detune', 'level', 'missing'],
        latencyMs: [0, 35, 70, 35],
        soxReverb: 40,
        sampleRate: 65000,
      },
      {
        seed: 4606,
        voice: GOSPEL_BARITONE,
        tonic: 46,
        bpm: 98,
        takes: 5,
        scale: 'blues',
        rhythm: 'swing',
        kinds: ['early', 'late', 'missing', 'detune', 'noise'],
        latencyMs: [0, 100, 100, 0, 0],
        sampleRate: 66000,
      },
      {
        seed: 4607,
        voice: YODEL_SOPRANO,
        tonic: 71,
        bpm: 138,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['detune', 'detune', 'late', 'missing'],
        defectSizes: FAR_LATE_DEFECTS,
        timingJitterMs: 16,
        pitchJitterCents: 8,
        latencyMs: [140, 0, 0, 0],
        sampleRate: 61000,
      },
      {
        seed: 4608,
        voice: FADO_MEZZO,
        tonic: 60,
        bpm: 84,
        takes: 3,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune'],
        placement: 'runs',
        latencyMs: [50, 0, 50],
        sampleRate: 65000,
      },
      {
        seed: 4609,
        voice: GOSPEL_BARITONE,
        tonic: 43,
        bpm: 120,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['noise', 'early', 'level', 'late'],
        defectSizes: FAR_LATE_DEFECTS,
        latencyMs: 35,
        soxReverb: 75,
        sampleRate: 66000,
      },
      {
        seed: 4610,
        voice: YODEL_SOPRANO,
        tonic: 69,
        bpm: 108,
        takes: 6,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['missing', 'late', 'early', 'detune', 'level', 'clip'],
        latencyMs: [0, 0, 60, 60, 0, 60],
        sampleRate: 61000,
      },
    ] as Omit<RoomSong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_29_SPEECH: LatencySpeech[] = [
  {
    seed: 4611,
    voice: 'ko+m5',
    wordsPerMinute: 140,
    takes: 4,
    latencyMs: [0, 45, 0, 0],
    kinds: ['detune', 'missing', 'late', 'noise'],
    sentences: [
      '내 동생은 매일 아침 호수에서 수영을 한다.',
      '기차는 여덟 시에 떠난다.',
      '어제 산에는 바람이 차가웠다.',
      '내일 도시에 비가 올 것이다.',
      '모퉁이 가게는 오늘 문을 닫았다.',
    ],
  },
  {
    seed: 4612,
    voice: 'he+f5',
    wordsPerMinute: 150,
    takes: 5,
    latencyMs: [35, 35, 35, 35, 35],
    kinds: ['early', 'level', 'missing', 'detune', 'clip'],
    defectSizes: FAR_LATE_DEFECTS,
    sentences: [
      'אחי שוחה באגם כל בוקר.',
      'הרכבת יוצאת בשמונה.',
      'אתמול הרוח על ההר הייתה קרה.',
      'מחר ירד גשם בעיר.',
      'החנות בפינה סגורה היום.',
    ],
  },
];

/** Voices of held-out-30 (in no set before it). */
const FLAMENCO_TENOR: VoiceStyle = {
  name: 'flamenco tenor',
  formantScale: 1.0,
  vibratoHz: 6.4,
  vibratoCents: 30,
  vibratoDelaySeconds: 0.22,
  driftCents: 10,
  breath: 0.1,
  openPhase: 0.44,
  closePhase: 0.18,
};
const CHANSON_ALTO: VoiceStyle = {
  name: 'chanson alto',
  formantScale: 1.09,
  vibratoHz: 5.3,
  vibratoCents: 26,
  vibratoDelaySeconds: 0.33,
  driftCents: 6,
  breath: 0.14,
  openPhase: 0.55,
  closePhase: 0.16,
};
const BARBERSHOP_BASS: VoiceStyle = {
  name: 'barbershop bass',
  formantScale: 0.88,
  vibratoHz: 5.0,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.5,
  driftCents: 5,
  breath: 0.06,
  openPhase: 0.48,
  closePhase: 0.1,
};
/** Defect sizes of held-out-30: late and early in one middle band, detune 34–38 cents, level 10–11.5 dB (no set's). */
const MID_BAND_DEFECTS = { late: [56, 64], early: [60, 70], detune: [34, 38], level: [10, 11.5] } as const;

/**
 * The thirtieth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset39, after the no-guide
 * contour alignment was judged on held-out-29 — every earlier set is tuning material now; main's baseline only), made
 * differently from every earlier comp set: **four songs with no latency at all** (where false latencies were read
 * before: a synth song, a sung one of 20-beat sections, one with timing jitter, one with defects in runs and
 * 17-beat sections) beside latency
 * patterns no set had — 0/80/0/80/0, 65/0/0/65, 0/0/130 in three takes, 0/15/30/45/60/75 over six takes, 95/0/95/0,
 * a whole session 10 ms late, and speech at 0/70/70/0/0; guides on programs no set used as guide (electric grand,
 * percussive organ, tango accordion, synth strings 2) under take programs no set used (whistle, square lead, chiff
 * lead, blown bottle); defect sizes no set had (late 56–64 ms, early 60–70, detune 34–38 cents, level 10–11.5 dB) in
 * three songs and one sentence set; three voices in no set (flamenco tenor, chanson alto, barbershop bass), two
 * songs through SoX's reverb at 20 and 65 (no set's); rendered by TiMidity++ from csound's sf_GMbank at reverb 65
 * and from the OPL-3 FM bank at reverb 80, fluidsynth from FluidR3_GM at room 0.5 / level 0.4 and from sf_GMbank at
 * room 0.6 / level 0.2 (no set's settings); sections of 17 and 20 beats (no set's); speech from espeak-ng Bengali
 * (bn+Max) and Japanese (ja+Jacky, in kana) (no set's languages); takes at 67, 68 and 69 kHz (no set); seeds
 * 4701–4712 (none used before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every
 * one clearly best by construction.
 */
export const HELD_OUT_30: (Song15 | LatencySong | RoomSong)[] = [
  ...(
    [
      {
        seed: 4701,
        program: 78,
        guideProgram: 2,
        timidity: { reverb: 65, sf2: SF2.csound },
        sampleRate: 67000,
        tonic: 72,
        bpm: 96,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'noise'],
      },
      {
        seed: 4702,
        program: 80,
        guideProgram: 17,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.5, reverbLevel: 0.4 },
        sampleRate: 68000,
        tonic: 60,
        bpm: 118,
        takes: 5,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['detune', 'early', 'missing', 'late', 'level'],
        latencyMs: [0, 80, 0, 80, 0],
      },
      {
        seed: 4703,
        program: 83,
        guideProgram: 23,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.6, reverbLevel: 0.2 },
        sampleRate: 69000,
        tonic: 65,
        bpm: 84,
        takes: 4,
        scale: 'natural',
        rhythm: 'swing',
        kinds: ['missing', 'late', 'early', 'detune'],
        defectSizes: MID_BAND_DEFECTS,
        latencyMs: [65, 0, 0, 65],
      },
      {
        seed: 4704,
        program: 76,
        guideProgram: 51,
        timidity: { reverb: 80, sf2: SF2.opl3 },
        sampleRate: 67000,
        tonic: 63,
        bpm: 142,
        takes: 3,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['early', 'missing', 'detune'],
        latencyMs: 10,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4705,
        voice: FLAMENCO_TENOR,
        tonic: 62,
        bpm: 102,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'sixteenth',
        kinds: ['detune', 'late', 'missing', 'clip'],
        sectionBeats: 20,
        sampleRate: 68000,
      },
      {
        seed: 4706,
        voice: CHANSON_ALTO,
        tonic: 57,
        bpm: 74,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['early', 'detune', 'level', 'missing', 'late'],
        timingJitterMs: 14,
        pitchJitterCents: 7,
        soxReverb: 20,
        sampleRate: 69000,
      },
      {
        seed: 4707,
        voice: BARBERSHOP_BASS,
        tonic: 43,
        bpm: 90,
        takes: 3,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['late', 'detune', 'missing'],
        defectSizes: MID_BAND_DEFECTS,
        latencyMs: [0, 0, 130],
        sampleRate: 67000,
      },
      {
        seed: 4708,
        voice: FLAMENCO_TENOR,
        tonic: 60,
        bpm: 128,
        takes: 6,
        scale: 'blues',
        rhythm: 'triplet',
        kinds: ['missing', 'early', 'late', 'detune', 'noise', 'level'],
        latencyMs: [0, 15, 30, 45, 60, 75],
        sampleRate: 68000,
      },
      {
        seed: 4709,
        voice: CHANSON_ALTO,
        tonic: 55,
        bpm: 112,
        takes: 4,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'early', 'detune'],
        placement: 'runs',
        sectionBeats: 17,
        sampleRate: 69000,
      },
      {
        seed: 4710,
        voice: BARBERSHOP_BASS,
        tonic: 45,
        bpm: 64,
        takes: 4,
        scale: 'melodic',
        rhythm: 'straight',
        kinds: ['noise', 'late', 'detune', 'missing'],
        defectSizes: MID_BAND_DEFECTS,
        latencyMs: [95, 0, 95, 0],
        soxReverb: 65,
        sampleRate: 67000,
      },
    ] as Omit<RoomSong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_30_SPEECH: LatencySpeech[] = [
  {
    seed: 4711,
    voice: 'bn+Max',
    wordsPerMinute: 145,
    takes: 5,
    latencyMs: [0, 70, 70, 0, 0],
    kinds: ['missing', 'late', 'detune', 'level', 'noise'],
    defectSizes: MID_BAND_DEFECTS,
    sentences: [
      'আমার ভাই প্রতিদিন সকালে হ্রদে সাঁতার কাটে।',
      'ট্রেন আটটায় ছাড়ে।',
      'গতকাল পাহাড়ে বাতাস ঠান্ডা ছিল।',
      'আগামীকাল শহরে বৃষ্টি হবে।',
      'কোণের দোকানটি আজ বন্ধ।',
    ],
  },
  {
    seed: 4712,
    voice: 'ja+Jacky',
    wordsPerMinute: 130,
    takes: 4,
    kinds: ['early', 'clip', 'missing', 'detune'],
    sentences: [
      'わたしの おとうとは まいあさ みずうみで およぎます。',
      'でんしゃは はちじに でます。',
      'きのう やまの かぜは つめたかった。',
      'あした まちに あめが ふります。',
      'かどの みせは きょう しまって います。',
    ],
  },
];

/** Voices of held-out-31 (in no set before it): breathier or steadier than any, a slow wide vibrato. */
const ROCK_TENOR: VoiceStyle = {
  name: 'rock tenor',
  formantScale: 1.03,
  vibratoHz: 4.6,
  vibratoCents: 38,
  vibratoDelaySeconds: 0.4,
  driftCents: 14,
  breath: 0.24,
  openPhase: 0.6,
  closePhase: 0.24,
};
const CATHEDRAL_ALTO: VoiceStyle = {
  name: 'cathedral alto',
  formantScale: 1.12,
  vibratoHz: 5.6,
  vibratoCents: 9,
  vibratoDelaySeconds: 0.7,
  driftCents: 3,
  breath: 0.04,
  openPhase: 0.5,
  closePhase: 0.12,
};
const BASS_BARITONE: VoiceStyle = {
  name: 'bass-baritone',
  formantScale: 0.92,
  vibratoHz: 5.9,
  vibratoCents: 28,
  vibratoDelaySeconds: 0.28,
  driftCents: 8,
  breath: 0.2,
  openPhase: 0.58,
  closePhase: 0.15,
};
/**
 * Defect sizes of held-out-31 (no set's): pitchy takes only 22–28 cents off, late 42–50 ms, early 45–55 ms, level
 * drops of 7.5–8.5 dB, noise bursts at −36…−30 dBFS, clipping driven 9–12 dB.
 */
const PITCHY_DEFECTS = {
  late: [42, 50],
  early: [45, 55],
  detune: [22, 28],
  level: [7.5, 8.5],
  noise: [-36, -30],
  clip: [9, 12],
} as const;

/**
 * The thirty-first held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset41, after h-comp40 was
 * judged on held-out-30 — every earlier set is tuning material now; main's baseline only), made differently from
 * every earlier comp set, aimed at the classes main still loses: **rooms made by SoX reverb's full settings** (no set
 * set more than its reverberance: a large room of 40 ms pre-delay and little damping, a slap-back room of 80 ms
 * pre-delay, a damped small room on spoken takes — no set put speech in a room) and plain reverberance 95; the
 * heaviest synth reverbs no set used (fluidsynth sf_GMbank at room 1.0 / level 1.0, TiMidity++'s freepats at reverb
 * 120) and decaying take programs (26 jazz guitar, 27 clean guitar, 3 honky-tonk piano: long release tails) beside
 * 104 sitar under guide programs no set used as guide (25 steel guitar, 28 muted guitar, 88 new-age pad, 91 choir
 * pad); **four songs with no latency** (two of them in the big rooms: false no-guide latencies) beside patterns no
 * set had — 0/0/0/0/90, 55/55/0/0, 0/105/0, 0/25/0/25/0/25, 70/0/0/0, a whole session 145 ms late, and speech at
 * 0/0/85/85; pitchy defects (detune 22–28 cents) and the other sizes of PITCHY_DEFECTS in two songs and the
 * Mandarin sentences; three voices in no set (rock tenor, breath 0.24 and a slow 38-cent vibrato; cathedral
 * alto, near-still; bass-baritone); sections of 19 and 22 beats (no set's); speech from espeak-ng Mandarin
 * (cmn+Miguel at pitch 70, tonal: its pitch reading moves by itself) and Kazakh (kk+Rob) (no set's languages);
 * takes at 70, 71 and 72 kHz (no set); seeds 4801–4812 (none used before). 10 songs × 6 sections (60 with a MIDI
 * guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction.
 */
export const HELD_OUT_31: (Song15 | LatencySong | RoomSong)[] = [
  ...(
    [
      {
        seed: 4801,
        program: 26,
        guideProgram: 25,
        fluidsynth: { sf2: SF2.csound, roomSize: 1.0, reverbLevel: 1.0 },
        sampleRate: 70000,
        tonic: 62,
        bpm: 92,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['detune', 'noise', 'missing', 'late'],
      },
      {
        seed: 4802,
        program: 27,
        guideProgram: 88,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.4, reverbLevel: 0.65 },
        sampleRate: 71000,
        tonic: 50,
        bpm: 76,
        takes: 5,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'detune', 'missing', 'early', 'clip'],
        defectSizes: PITCHY_DEFECTS,
        latencyMs: [0, 0, 0, 0, 90],
      },
      {
        seed: 4803,
        program: 3,
        guideProgram: 91,
        timidity: { reverb: 120 },
        sampleRate: 72000,
        tonic: 67,
        bpm: 110,
        takes: 4,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['missing', 'early', 'detune', 'level'],
        latencyMs: [55, 55, 0, 0],
      },
      {
        seed: 4804,
        program: 104,
        guideProgram: 28,
        soundfont: 'MuseScoreGeneral',
        effects: true,
        sampleRate: 70000,
        tonic: 64,
        bpm: 134,
        takes: 3,
        scale: 'phrygian',
        rhythm: 'triplet',
        kinds: ['early', 'detune', 'missing'],
        latencyMs: 145,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4805,
        voice: ROCK_TENOR,
        tonic: 59,
        bpm: 98,
        takes: 4,
        scale: 'blues',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'late', 'noise'],
        soxReverb: [80, 20, 100, 0, 40, 0],
        sampleRate: 71000,
      },
      {
        seed: 4806,
        voice: CATHEDRAL_ALTO,
        tonic: 56,
        bpm: 70,
        takes: 5,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['early', 'detune', 'level', 'missing', 'late'],
        timingJitterMs: 13,
        pitchJitterCents: 4,
        soxReverb: 95,
        sectionBeats: 19,
        sampleRate: 72000,
      },
      {
        seed: 4807,
        voice: BASS_BARITONE,
        tonic: 44,
        bpm: 88,
        takes: 3,
        scale: 'harmonic',
        rhythm: 'swing',
        kinds: ['late', 'detune', 'missing'],
        defectSizes: PITCHY_DEFECTS,
        latencyMs: [0, 105, 0],
        sampleRate: 70000,
      },
      {
        seed: 4808,
        voice: ROCK_TENOR,
        tonic: 61,
        bpm: 124,
        takes: 6,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['missing', 'early', 'late', 'detune', 'clip', 'level'],
        latencyMs: [0, 25, 0, 25, 0, 25],
        sampleRate: 71000,
      },
      {
        seed: 4809,
        voice: CATHEDRAL_ALTO,
        tonic: 58,
        bpm: 104,
        takes: 4,
        scale: 'melodic',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'early', 'detune'],
        placement: 'runs',
        sectionBeats: 22,
        sampleRate: 72000,
      },
      {
        seed: 4810,
        voice: BASS_BARITONE,
        tonic: 46,
        bpm: 66,
        takes: 4,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['noise', 'late', 'detune', 'missing'],
        latencyMs: [70, 0, 0, 0],
        soxReverb: [60, 10, 100, 0, 80, 0],
        sampleRate: 70000,
      },
    ] as Omit<RoomSong, 'sections'>[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_31_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] })[] = [
  {
    seed: 4811,
    voice: 'cmn+Miguel',
    wordsPerMinute: 140,
    espeakPitch: 70,
    takes: 4,
    latencyMs: [0, 0, 85, 85],
    kinds: ['missing', 'detune', 'late', 'noise'],
    defectSizes: PITCHY_DEFECTS,
    soxReverb: [45, 70, 40, 0, 10, 0],
    sentences: [
      '我的弟弟每天早上在湖里游泳。',
      '火车八点出发。',
      '昨天山上的风很冷。',
      '明天城里会下雨。',
      '拐角的商店今天关门。',
    ],
  },
  {
    seed: 4812,
    voice: 'kk+Rob',
    wordsPerMinute: 135,
    takes: 5,
    kinds: ['early', 'clip', 'missing', 'detune', 'level'],
    sentences: [
      'Менің інім күнде таңертең көлде жүзеді.',
      'Пойыз сағат сегізде жүреді.',
      'Кеше таудағы жел суық болды.',
      'Ертең қалада жаңбыр жауады.',
      'Бұрыштағы дүкен бүгін жабық.',
    ],
  },
];

/** Voices of held-out-32 (in no set before it): a fast narrow vibrato, a near-straight tone, a wide early vibrato. */
const BHAJAN_TENOR: VoiceStyle = {
  name: 'bhajan tenor',
  formantScale: 1.04,
  vibratoHz: 7.1,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.12,
  driftCents: 6,
  breath: 0.1,
  openPhase: 0.54,
  closePhase: 0.16,
};
const NASHEED_BARITONE: VoiceStyle = {
  name: 'nasheed baritone',
  formantScale: 0.95,
  vibratoHz: 5.0,
  vibratoCents: 3,
  vibratoDelaySeconds: 0.9,
  driftCents: 12,
  breath: 0.16,
  openPhase: 0.62,
  closePhase: 0.18,
};
const VILLANCICO_SOPRANO: VoiceStyle = {
  name: 'villancico soprano',
  formantScale: 1.2,
  vibratoHz: 5.2,
  vibratoCents: 44,
  vibratoDelaySeconds: 0.15,
  driftCents: 5,
  breath: 0.07,
  openPhase: 0.48,
  closePhase: 0.11,
};
/**
 * Defect sizes of held-out-32 (no set's): slightly late takes 26–34 ms, early 32–40 ms, detune 20–24 cents, level
 * drops of 5.5–7 dB, noise bursts at −40…−34 dBFS, clipping driven 12–15 dB.
 */
const SLIGHT_DEFECTS = {
  late: [26, 34],
  early: [32, 40],
  detune: [20, 24],
  level: [5.5, 7],
  noise: [-40, -34],
  clip: [12, 15],
} as const;

/**
 * The thirty-second held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset43, after h-comp42
 * was judged on held-out-31 — every earlier set is tuning material now; the base's baseline only), made differently
 * from every earlier comp set: **rooms by convolution** (irRoom: a made impulse response through SoX's `fir`; no set
 * had one): a 1.2 s hall on a still sung song, a 0.5 s room on a synth song, a 0.35 s small room on the Māori
 * sentences; SoX reverb settings no set used (reverberance 100 with no damping and no pre-delay: the longest tails;
 * a small damped room with 60 ms pre-delay; a room at −4 dB wet; Haitian speech at 65/40/70 with 30 ms pre-delay;
 * plain 80); synth rooms no set used (FluidR3_GM at room 0.65 / level 1.0, TiMidity++ reverb 127, sf_GMbank at room
 * 0.25 / level 0.95) and decaying or plucked take programs no set used (10 music box, 45 pizzicato strings, 106
 * shamisen, 7 clavinet) under guide programs no set used as guide (94 halo pad, 26 jazz guitar, 92 bowed pad, 29
 * overdriven guitar); **four songs with no latency** (three in rooms: false no-guide latencies) beside patterns no
 * set had — 0/0/35/0 (slightly late), 80/15/15/15/15, 0/0/35/35/0, 95/95/95/10, 0/60/0/60/0, a whole session 160 ms
 * late, speech 0/0/0/70; slight defects (SLIGHT_DEFECTS: late 26–34 ms, detune 20–24 cents) in two songs and the
 * Haitian sentences (speech detunes); three voices in no set (bhajan tenor, nasheed baritone, villancico soprano);
 * sections of 21 and 23 beats (no set's); speech from espeak-ng Haitian Creole (ht+Andy) and Māori (mi+Zac) (no
 * set's languages); takes at 73, 74 and 75 kHz (no set); seeds 4901–4912 (none used before). 10 songs × 6 sections
 * (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction.
 */
export const HELD_OUT_32: (Song15 | LatencySong | RoomSong | (Song15 & { irRoom?: IrRoom }))[] = [
  ...(
    [
      {
        seed: 4901,
        program: 10,
        guideProgram: 94,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.65, reverbLevel: 1.0 },
        sampleRate: 73000,
        tonic: 67,
        bpm: 84,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'detune', 'noise', 'missing'],
      },
      {
        seed: 4902,
        program: 45,
        guideProgram: 26,
        soundfont: 'FluidR3Mono',
        irRoom: { rt60Seconds: 0.5, wet: 0.5, preDelayMs: 25 },
        sampleRate: 74000,
        tonic: 60,
        bpm: 102,
        takes: 4,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['late', 'detune', 'early', 'level'],
        defectSizes: SLIGHT_DEFECTS,
        latencyMs: [0, 0, 35, 0],
      },
      {
        seed: 4903,
        program: 106,
        guideProgram: 92,
        soundfont: 'TimGM6mb',
        effects: true,
        sampleRate: 75000,
        tonic: 62,
        bpm: 118,
        takes: 3,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['missing', 'late', 'detune'],
        latencyMs: 160,
      },
      {
        seed: 4904,
        program: 7,
        guideProgram: 29,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.25, reverbLevel: 0.95 },
        sampleRate: 73000,
        tonic: 57,
        bpm: 96,
        takes: 5,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['early', 'clip', 'detune', 'missing', 'late'],
        latencyMs: [80, 15, 15, 15, 15],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[]; irRoom?: IrRoom })[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 4905,
        voice: BHAJAN_TENOR,
        tonic: 60,
        bpm: 92,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['detune', 'late', 'missing', 'level'],
        soxReverb: [100, 0, 100, 0, 0, 0],
        sectionBeats: 21,
        sampleRate: 74000,
      },
      {
        seed: 4906,
        voice: NASHEED_BARITONE,
        tonic: 47,
        bpm: 78,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['noise', 'detune', 'early', 'missing'],
        irRoom: { rt60Seconds: 1.2, wet: 0.7, preDelayMs: 12 },
        sampleRate: 75000,
      },
      {
        seed: 4907,
        voice: VILLANCICO_SOPRANO,
        tonic: 69,
        bpm: 112,
        takes: 5,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['late', 'detune', 'late', 'missing', 'early'],
        defectSizes: SLIGHT_DEFECTS,
        latencyMs: [0, 0, 35, 35, 0],
        sampleRate: 73000,
      },
      {
        seed: 4908,
        voice: BHAJAN_TENOR,
        tonic: 58,
        bpm: 132,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['missing', 'early', 'detune', 'clip'],
        soxReverb: [55, 90, 30, 0, 60, 0],
        latencyMs: [95, 95, 95, 10],
        sampleRate: 74000,
      },
      {
        seed: 4909,
        voice: NASHEED_BARITONE,
        tonic: 45,
        bpm: 72,
        takes: 5,
        scale: 'blues',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'detune', 'level', 'noise'],
        placement: 'runs',
        timingJitterMs: 16,
        soxReverb: 80,
        sectionBeats: 23,
        sampleRate: 75000,
      },
      {
        seed: 4910,
        voice: VILLANCICO_SOPRANO,
        tonic: 71,
        bpm: 100,
        takes: 5,
        scale: 'melodic',
        rhythm: 'swing',
        kinds: ['clip', 'noise', 'detune', 'missing', 'late'],
        soxReverb: [70, 50, 60, 0, 20, -4],
        latencyMs: [0, 60, 0, 60, 0],
        sampleRate: 73000,
      },
    ] as (Omit<RoomSong, 'sections'> & { irRoom?: IrRoom })[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_32_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb']; irRoom?: IrRoom })[] = [
  {
    seed: 4911,
    voice: 'ht+Andy',
    wordsPerMinute: 150,
    takes: 4,
    latencyMs: [0, 0, 0, 70],
    kinds: ['detune', 'missing', 'late', 'detune'],
    defectSizes: SLIGHT_DEFECTS,
    soxReverb: [65, 40, 70, 0, 30, 0],
    sentences: [
      'Ti frè m naje nan lak la chak maten.',
      'Tren an pati a uit è.',
      'Yè van an te frèt sou mòn nan.',
      'Demen lapli ap tonbe nan vil la.',
      'Boutik ki nan kwen an fèmen jodi a.',
    ],
  },
  {
    seed: 4912,
    voice: 'mi+Zac',
    wordsPerMinute: 130,
    espeakPitch: 40,
    takes: 5,
    kinds: ['early', 'detune', 'noise', 'missing', 'level'],
    irRoom: { rt60Seconds: 0.35, wet: 0.4, preDelayMs: 5 },
    sentences: [
      'Ka kauhoe tōku teina i te roto i ia ata.',
      'Ka wehe te tereina i te waru karaka.',
      'I makariri te hau i runga i te maunga inanahi.',
      'Ka ua āpōpō ki te tāone.',
      'Kua kati te toa i te kokonga i tēnei rā.',
    ],
  },
];

/** Voices of held-out-33 (in no set before it): a dark straight contralto, an ornamented tenor, a heavy slow bass. */
const GHAZAL_CONTRALTO: VoiceStyle = {
  name: 'ghazal contralto',
  formantScale: 1.08,
  vibratoHz: 4.6,
  vibratoCents: 9,
  vibratoDelaySeconds: 0.5,
  driftCents: 9,
  breath: 0.13,
  openPhase: 0.6,
  closePhase: 0.14,
};
const MUGHAM_TENOR: VoiceStyle = {
  name: 'mugham tenor',
  formantScale: 1.02,
  vibratoHz: 6.3,
  vibratoCents: 26,
  vibratoDelaySeconds: 0.3,
  driftCents: 4,
  breath: 0.05,
  openPhase: 0.5,
  closePhase: 0.13,
};
const KULNING_BASS: VoiceStyle = {
  name: 'kulning bass',
  formantScale: 0.9,
  vibratoHz: 4.2,
  vibratoCents: 31,
  vibratoDelaySeconds: 0.25,
  driftCents: 10,
  breath: 0.11,
  openPhase: 0.66,
  closePhase: 0.2,
};
/**
 * Defect sizes of held-out-33 (no set's): late takes 27–36 ms, early 30–40 ms (in the open class of 26–40 ms),
 * detune 25–30 cents, level drops of 6–7.5 dB, noise bursts at −44…−38 dBFS, clipping driven 10–13 dB.
 */
const NEAR_DEFECTS = {
  late: [27, 36],
  early: [30, 40],
  detune: [25, 30],
  level: [6, 7.5],
  noise: [-44, -38],
  clip: [10, 13],
} as const;

/** A held-out-33 spec: each take's own steady noise floor (floorDb, dBFS) besides the rooms of held-out-32. */
type FloorSpec = { floorDb?: readonly number[]; irRoom?: IrRoom };

/**
 * The thirty-third held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset45, while h-comp44
 * is judged on held-out-32 — every earlier set is tuning material now; the base's baseline only), made differently
 * from every earlier comp set: **each take its own noise floor** (floorDb: seeded white noise at −75…−57 dBFS added
 * after the room and the latency, so clean takes sit 3–15 dB over the quietest take's floor; no set had one) in
 * five songs and the Latin sentences; **convolution rooms made differently from held-out-32's**: damped tails
 * (a one-pole low-pass at 900–2500 Hz on the tail's noise) and discrete early reflections (a 0.8 s damped room
 * with three reflections on the bagpipe, a 1.6 s dark hall on a sung song, a 0.25 s booth of two reflections and a
 * short tail, a 0.6 s damped room on the Azerbaijani sentences); SoX rooms no set used, three of them undamped
 * (`95 0 90 0 15 0`, `85 5 100 0 0 -2`, speech `90 0 60 0 5 0`) beside `100 20 80 0 50 0`; synth settings no set
 * used (fluidsynth FluidR3_GM 0.3 / 0.75, sf_GMbank 0.55 / 0.6, TiMidity++ freepats reverb 127, the npm synth on
 * MuseScore General without effects for the bagpipe) and take programs no set used (28 muted guitar, 109 bagpipe,
 * 43 contrabass, 31 guitar harmonics) under guide programs no set used as guide (90 polysynth pad, 95 sweep pad, 30
 * distortion guitar, 14 tubular bells); **latency against timing**: take latencies of 30–38 ms beside late and
 * early takes of 27–40 ms (NEAR_DEFECTS, no set's sizes: 5002, 5006, 5009; the Azerbaijani 0/38/0/0/38 beside
 * the default sizes), 25/25/60/25, 40/0/0/40/0, 0/110/110/0, a whole session 135 ms late, three songs with no
 * latency (5001, 5005, 5008); missing phrases in every song; speech detunes of 25–30 cents (Latin); three voices in no
 * set (ghazal contralto, mugham tenor, kulning bass), vowel sets no set used (a/o/u, i/e/a), timing jitter 19 ms and
 * pitch jitter 11 cents (no set's), sections of 24 and 25 beats (no set's); speech from espeak-ng Latin (la+Robert) and
 * Azerbaijani (az+sandro at pitch 60, 190 wpm) (no set's languages, pitch, rate); takes at 76, 77 and 78 kHz (no set);
 * seeds 5001–5012 (none used before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections,
 * every one clearly best by construction. Not made: festival singing (no time this round).
 */
export const HELD_OUT_33: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5001,
        program: 28,
        guideProgram: 90,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.3, reverbLevel: 0.75 },
        sampleRate: 76000,
        tonic: 64,
        bpm: 98,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['late', 'detune', 'missing', 'noise'],
        floorDb: [-60, -72, -66, -57],
      },
      {
        seed: 5002,
        program: 109,
        guideProgram: 95,
        soundfont: 'MuseScoreGeneral',
        irRoom: {
          rt60Seconds: 0.8,
          wet: 0.6,
          preDelayMs: 8,
          dampingHz: 1800,
          reflections: [
            [11, 0.35],
            [19, 0.25],
            [31, 0.18],
          ],
        },
        sampleRate: 77000,
        tonic: 62,
        bpm: 88,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['late', 'early', 'detune', 'missing'],
        defectSizes: NEAR_DEFECTS,
        latencyMs: [0, 30, 0, 0],
      },
      {
        seed: 5003,
        program: 43,
        guideProgram: 30,
        timidity: { reverb: 127 },
        sampleRate: 78000,
        tonic: 50,
        bpm: 76,
        takes: 4,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['missing', 'late', 'early', 'clip'],
        latencyMs: [0, 110, 110, 0],
      },
      {
        seed: 5004,
        program: 31,
        guideProgram: 14,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.55, reverbLevel: 0.6 },
        sampleRate: 76000,
        tonic: 59,
        bpm: 108,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['early', 'detune', 'missing', 'late', 'level'],
        latencyMs: [40, 0, 0, 40, 0],
        floorDb: [-63, -75, -70, -61, -66],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5005,
        voice: GHAZAL_CONTRALTO,
        tonic: 55,
        bpm: 70,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['detune', 'late', 'missing', 'level'],
        soxReverb: [95, 0, 90, 0, 15, 0],
        sectionBeats: 24,
        vowels: ['a', 'o', 'u'],
        floorDb: [-58, -70, -64, -67],
        sampleRate: 77000,
      },
      {
        seed: 5006,
        voice: MUGHAM_TENOR,
        tonic: 60,
        bpm: 90,
        takes: 4,
        scale: 'dorian',
        rhythm: 'triplet',
        kinds: ['noise', 'late', 'early', 'missing'],
        defectSizes: NEAR_DEFECTS,
        irRoom: { rt60Seconds: 1.6, wet: 0.55, preDelayMs: 20, dampingHz: 900 },
        latencyMs: [0, 0, 0, 36],
        sampleRate: 78000,
      },
      {
        seed: 5007,
        voice: KULNING_BASS,
        tonic: 43,
        bpm: 84,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['late', 'detune', 'early', 'missing', 'level'],
        soxReverb: [85, 5, 100, 0, 0, -2],
        latencyMs: [25, 25, 60, 25],
        sampleRate: 76000,
      },
      {
        seed: 5008,
        voice: GHAZAL_CONTRALTO,
        tonic: 57,
        bpm: 104,
        takes: 5,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['detune', 'detune', 'late', 'missing', 'clip'],
        defectSizes: NEAR_DEFECTS,
        placement: 'runs',
        timingJitterMs: 19,
        pitchJitterCents: 11,
        vowels: ['i', 'e', 'a'],
        sampleRate: 77000,
      },
      {
        seed: 5009,
        voice: MUGHAM_TENOR,
        tonic: 62,
        bpm: 120,
        takes: 5,
        scale: 'melodic',
        rhythm: 'swing',
        kinds: ['late', 'early', 'missing', 'noise', 'detune'],
        defectSizes: NEAR_DEFECTS,
        soxReverb: [100, 20, 80, 0, 50, 0],
        latencyMs: [0, 34, 0, 34, 0],
        floorDb: [-69, -57, -72, -62, -66],
        sampleRate: 78000,
      },
      {
        seed: 5010,
        voice: KULNING_BASS,
        tonic: 45,
        bpm: 66,
        takes: 4,
        scale: 'blues',
        rhythm: 'straight',
        kinds: ['missing', 'late', 'level', 'detune'],
        irRoom: {
          rt60Seconds: 0.25,
          wet: 0.35,
          preDelayMs: 3,
          reflections: [
            [4, 0.5],
            [9, 0.3],
          ],
        },
        latencyMs: 135,
        sectionBeats: 25,
        sampleRate: 76000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_33_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5011,
    voice: 'la+Robert',
    wordsPerMinute: 140,
    takes: 4,
    kinds: ['detune', 'missing', 'early', 'detune'],
    defectSizes: NEAR_DEFECTS,
    soxReverb: [90, 0, 60, 0, 5, 0],
    floorDb: [-60, -72, -66, -63],
    sentences: [
      'Frater meus cotidie mane in lacu natat.',
      'Hodie forum post meridiem clausum est.',
      'Heri ventus in monte frigidus erat.',
      'Cras in urbe magna pluvia cadet.',
      'Puer librum novum sub arbore legit.',
    ],
  },
  {
    seed: 5012,
    voice: 'az+sandro',
    wordsPerMinute: 190,
    espeakPitch: 60,
    takes: 5,
    latencyMs: [0, 38, 0, 0, 38],
    kinds: ['late', 'noise', 'missing', 'level', 'early'],
    irRoom: { rt60Seconds: 0.6, wet: 0.45, preDelayMs: 15, dampingHz: 2500, reflections: [[7, 0.3]] },
    sentences: [
      'Qardaşım hər səhər göldə üzür.',
      'Qatar saat səkkizdə yola düşür.',
      'Dünən dağda külək soyuq idi.',
      'Sabah şəhərdə yağış yağacaq.',
      'Küncdəki mağaza bu gün bağlıdır.',
    ],
  },
];

/** Voices of held-out-34 (in no set before it): a bright narrow mezzo, a wobbling baritone, a breathy light alto. */
const MBUBE_MEZZO: VoiceStyle = {
  name: 'mbube mezzo',
  formantScale: 1.12,
  vibratoHz: 5.4,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.35,
  driftCents: 6,
  breath: 0.07,
  openPhase: 0.55,
  closePhase: 0.12,
};
const TARANTELLA_BARITONE: VoiceStyle = {
  name: 'tarantella baritone',
  formantScale: 0.96,
  vibratoHz: 5.1,
  vibratoCents: 36,
  vibratoDelaySeconds: 0.15,
  driftCents: 7,
  breath: 0.09,
  openPhase: 0.62,
  closePhase: 0.17,
};
const LAMENTO_ALTO: VoiceStyle = {
  name: 'lamento alto',
  formantScale: 1.1,
  vibratoHz: 4.9,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.6,
  driftCents: 11,
  breath: 0.16,
  openPhase: 0.58,
  closePhase: 0.15,
};
/**
 * Defect sizes of held-out-34 (no set's): late takes 28–38 ms, early 27–35 ms (in the open class of 27–40 ms),
 * detune 22–27 cents, level drops of 5–6.5 dB, noise bursts at −42…−36 dBFS, clipping driven 11–14 dB.
 */
const RIM_DEFECTS = {
  late: [28, 38],
  early: [27, 35],
  detune: [22, 27],
  level: [5, 6.5],
  noise: [-42, -36],
  clip: [11, 14],
} as const;

/**
 * The thirty-fourth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset46, after
 * held-out-33 was read by two rules — every earlier set is tuning material now; the base's baseline only), made
 * differently from every earlier comp set, with held-out-33's open classes among ordinary sections: **takes 27–38 ms
 * late or early beside take latencies of 28–37 ms** (RIM_DEFECTS, no set's sizes: 5102 28/0/0/28, 5106 0/0/32/0,
 * 5109 0/37/37/0/0; speech 0/0/33/33/0), **latent clean takes** (each latency pattern leaves a take clean in a
 * section by the defect bag), **undamped rooms** (SoX `75 0 80 0 25 0`, `90 5 85 0 10 0`, speech `88 0 75 0 10 0`;
 * a white-tailed 1.0 s convolution room with no damping) beside a damped `60 30 50 0 35 0` and a damped reflecting
 * booth, **missing phrases** in every song, **speech detunes** of 22–27 cents (Interlingua); floors per take at
 * −74…−58 dBFS (5101, 5105, 5109, the Interlingua sentences); synth settings no set used (fluidsynth FluidR3_GM
 * 0.45 / 0.55, OPL-3 0.5 / 0.25, TiMidity++ freepats reverb 50, the npm synth on FluidR3Mono without effects) and
 * take programs no set used (29 overdriven guitar, 32 acoustic bass, 86 fifths lead, 38 synth bass) under guide
 * programs no set used as guide (93 metallic pad, 33 finger bass, 106 shamisen, 108 kalimba); latency patterns no
 * set used (also 0/95/0/95, 0/0/0/0/40, 30/30/0/30, a whole session 125 ms late), two songs with no latency (5105,
 * 5108); three voices in no set (mbube mezzo, tarantella baritone, lamento alto), vowel sets no set used (a/i/u,
 * e/i/o), timing jitter 17 ms and pitch jitter 12 cents (no set's), sections of 26 and 27 beats (no set's); speech
 * from espeak-ng Uzbek (uz+marcelo at pitch 50, 200 wpm) and Interlingua (ia+victor, 115 wpm) (no set's languages,
 * pitch, rates); takes at 79, 80 and 81 kHz (no set); seeds 5101–5112 (none used before). 10 songs × 6 sections
 * (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction.
 */
export const HELD_OUT_34: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5101,
        program: 29,
        guideProgram: 93,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.45, reverbLevel: 0.55 },
        sampleRate: 79000,
        tonic: 57,
        bpm: 96,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'level'],
        latencyMs: [0, 0, 32, 0],
        floorDb: [-62, -74, -68, -59],
      },
      {
        seed: 5102,
        program: 32,
        guideProgram: 33,
        soundfont: 'FluidR3Mono',
        sampleRate: 80000,
        tonic: 45,
        bpm: 92,
        takes: 4,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['late', 'early', 'missing', 'clip'],
        defectSizes: RIM_DEFECTS,
        latencyMs: [28, 0, 0, 28],
      },
      {
        seed: 5103,
        program: 86,
        guideProgram: 106,
        timidity: { reverb: 50 },
        sampleRate: 81000,
        tonic: 62,
        bpm: 112,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'early'],
        latencyMs: [0, 95, 0, 95],
      },
      {
        seed: 5104,
        program: 38,
        guideProgram: 108,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.5, reverbLevel: 0.25 },
        sampleRate: 79000,
        tonic: 48,
        bpm: 100,
        takes: 5,
        scale: 'blues',
        rhythm: 'triplet',
        kinds: ['detune', 'late', 'missing', 'level', 'early'],
        latencyMs: [0, 0, 0, 0, 40],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5105,
        voice: MBUBE_MEZZO,
        tonic: 64,
        bpm: 86,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'noise'],
        soxReverb: [75, 0, 80, 0, 25, 0],
        sectionBeats: 26,
        vowels: ['a', 'i', 'u'],
        floorDb: [-71, -60, -65, -68],
        sampleRate: 80000,
      },
      {
        seed: 5106,
        voice: TARANTELLA_BARITONE,
        tonic: 50,
        bpm: 116,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['early', 'late', 'missing', 'detune'],
        defectSizes: RIM_DEFECTS,
        irRoom: { rt60Seconds: 1.0, wet: 0.5, preDelayMs: 10 },
        latencyMs: [0, 0, 0, 32],
        sampleRate: 81000,
      },
      {
        seed: 5107,
        voice: LAMENTO_ALTO,
        tonic: 58,
        bpm: 74,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['missing', 'level', 'late', 'clip'],
        soxReverb: [90, 5, 85, 0, 10, 0],
        latencyMs: [30, 30, 0, 30],
        sampleRate: 79000,
      },
      {
        seed: 5108,
        voice: MBUBE_MEZZO,
        tonic: 66,
        bpm: 100,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['detune', 'early', 'late', 'missing', 'noise'],
        defectSizes: RIM_DEFECTS,
        placement: 'runs',
        timingJitterMs: 17,
        pitchJitterCents: 12,
        vowels: ['e', 'i', 'o'],
        sampleRate: 80000,
      },
      {
        seed: 5109,
        voice: TARANTELLA_BARITONE,
        tonic: 52,
        bpm: 108,
        takes: 5,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['late', 'early', 'missing', 'detune', 'level'],
        defectSizes: RIM_DEFECTS,
        soxReverb: [60, 30, 50, 0, 35, 0],
        latencyMs: [0, 37, 37, 0, 0],
        floorDb: [-64, -73, -58, -69, -61],
        sampleRate: 81000,
      },
      {
        seed: 5110,
        voice: LAMENTO_ALTO,
        tonic: 60,
        bpm: 80,
        takes: 4,
        scale: 'natural',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'early', 'detune'],
        irRoom: {
          rt60Seconds: 0.45,
          wet: 0.4,
          preDelayMs: 6,
          dampingHz: 1300,
          reflections: [
            [5, 0.4],
            [13, 0.2],
          ],
        },
        latencyMs: 125,
        sectionBeats: 27,
        sampleRate: 79000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_34_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5111,
    voice: 'ia+victor',
    wordsPerMinute: 115,
    takes: 4,
    kinds: ['detune', 'missing', 'late', 'detune'],
    defectSizes: RIM_DEFECTS,
    soxReverb: [88, 0, 75, 0, 10, 0],
    floorDb: [-66, -61, -73, -70],
    sentences: [
      'Mi fratre nata in le laco omne matino.',
      'Le traino parti a octo horas.',
      'Heri le vento esseva frigide in le montania.',
      'Deman il pluvera in le citate.',
      'Le boteca al angulo es claudite hodie.',
    ],
  },
  {
    seed: 5112,
    voice: 'uz+marcelo',
    wordsPerMinute: 200,
    espeakPitch: 50,
    takes: 5,
    latencyMs: [0, 0, 33, 33, 0],
    kinds: ['early', 'level', 'missing', 'noise', 'late'],
    defectSizes: RIM_DEFECTS,
    irRoom: {
      rt60Seconds: 0.7,
      wet: 0.4,
      preDelayMs: 18,
      reflections: [
        [9, 0.3],
        [17, 0.15],
      ],
    },
    sentences: [
      'Akam har kuni ertalab koʻlda suzadi.',
      'Poyezd soat sakkizda joʻnaydi.',
      'Kecha togʻda shamol sovuq edi.',
      'Ertaga shaharda yomgʻir yogʻadi.',
      'Burchakdagi doʻkon bugun yopiq.',
    ],
  },
];

/** Voices of held-out-35 (in no set before it): a bright fluttering soprano, a reedy tenor, a dark steady bass. */
const KRONCONG_SOPRANO: VoiceStyle = {
  name: 'kroncong soprano',
  formantScale: 1.16,
  vibratoHz: 6.1,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.2,
  driftCents: 5,
  breath: 0.05,
  openPhase: 0.5,
  closePhase: 0.1,
};
const BATUQUE_TENOR: VoiceStyle = {
  name: 'batuque tenor',
  formantScale: 1.02,
  vibratoHz: 5.6,
  vibratoCents: 27,
  vibratoDelaySeconds: 0.45,
  driftCents: 9,
  breath: 0.11,
  openPhase: 0.47,
  closePhase: 0.14,
};
const CHAABI_BASS: VoiceStyle = {
  name: 'chaabi bass',
  formantScale: 0.9,
  vibratoHz: 4.6,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.5,
  driftCents: 3,
  breath: 0.03,
  openPhase: 0.66,
  closePhase: 0.2,
};
/**
 * Defect sizes of held-out-35 (no set's): late takes 31–39 ms, early 28–36 ms (in the open class of 27–40 ms),
 * detune 21–26 cents, level drops of 4.5–6 dB, noise bursts at −43…−37 dBFS, clipping driven 10–12 dB.
 */
const VEIL_DEFECTS = {
  late: [31, 39],
  early: [28, 36],
  detune: [21, 26],
  level: [4.5, 6],
  noise: [-43, -37],
  clip: [10, 12],
} as const;

/**
 * The thirty-fifth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset48, while
 * held-out-34 is read by h-comp47 — every earlier set is tuning material now; the base's baseline only), made
 * differently from every earlier comp set, with the open classes among ordinary sections: **takes 28–39 ms late or
 * early beside take latencies of 29–36 ms** (VEIL_DEFECTS, no set's sizes: 5202 0/31/0/0, 5205 0/0/29/29, 5207
 * 34/0/34/0/0; speech 0/36/36/0 and 35/0/0/35/0), **latent clean takes** (each latency pattern leaves a take clean
 * in a section by the defect bag), **undamped rooms** (SoX `80 0 95 0 20 0`, `92 3 70 0 15 0`, speech
 * `78 2 90 0 5 0`; a white-tailed 0.9 s convolution room) beside a damped `50 40 60 0 30 0` and two damped
 * reflecting convolution rooms (one on speech), **missing phrases** in every song, **speech detunes** of 21–26 cents
 * (both languages); floors per take at −75…−58 dBFS (5201, 5206, 5207, the Papiamento sentences); synth settings no
 * set used (fluidsynth FluidR3_GM 0.55 / 0.35, OPL-3 0.4 / 0.45, TiMidity++ freepats reverb 30, the npm synth on
 * MuseScoreGeneral) and take programs no set used (30 distortion guitar, 34 picked bass, 35 fretless bass, 39 synth
 * bass 2) under guide programs no set used as guide (31 guitar harmonics, 36 slap bass 1, 37 slap bass 2, 32
 * acoustic bass); latency patterns no set used (also 0/105/105/0, 0/0/0/0/75, 40/40/0/40, 0/0/0/60, a whole
 * session 150 ms late), two songs with no latency (5206, 5208); three voices in no set (kroncong soprano, batuque
 * tenor, chaabi bass), vowel sets no set used (a/e/u, i/o/u), timing jitter 21 ms and pitch jitter 13 cents (no
 * set's), sections of 28 and 29 beats (no set's); speech from espeak-ng Papiamento (pap+Alex, 105 wpm) and Setswana
 * (tn+john at pitch 65, 215 wpm) (no set's languages, pitch, rates); takes at 82, 83 and 84 kHz (no set); seeds
 * 5201–5212 (none used before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections,
 * every one clearly best by construction.
 */
export const HELD_OUT_35: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5201,
        program: 30,
        guideProgram: 31,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.55, reverbLevel: 0.35 },
        sampleRate: 82000,
        tonic: 55,
        bpm: 104,
        takes: 4,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'level', 'detune'],
        latencyMs: [0, 105, 105, 0],
        floorDb: [-70, -63, -58, -66],
      },
      {
        seed: 5202,
        program: 34,
        guideProgram: 36,
        soundfont: 'MuseScoreGeneral',
        sampleRate: 83000,
        tonic: 43,
        bpm: 96,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['early', 'late', 'missing', 'noise'],
        defectSizes: VEIL_DEFECTS,
        latencyMs: [0, 31, 0, 0],
      },
      {
        seed: 5203,
        program: 35,
        guideProgram: 37,
        timidity: { reverb: 30 },
        sampleRate: 84000,
        tonic: 47,
        bpm: 88,
        takes: 5,
        scale: 'natural',
        rhythm: 'sixteenth',
        kinds: ['missing', 'detune', 'early', 'clip', 'level'],
        latencyMs: [0, 0, 0, 0, 75],
      },
      {
        seed: 5204,
        program: 39,
        guideProgram: 32,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.4, reverbLevel: 0.45 },
        sampleRate: 82000,
        tonic: 50,
        bpm: 120,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'late', 'early'],
        latencyMs: 150,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5205,
        voice: KRONCONG_SOPRANO,
        tonic: 67,
        bpm: 78,
        takes: 4,
        scale: 'melodic',
        rhythm: 'triplet',
        kinds: ['late', 'early', 'missing', 'detune'],
        defectSizes: VEIL_DEFECTS,
        soxReverb: [80, 0, 95, 0, 20, 0],
        latencyMs: [0, 0, 29, 29],
        vowels: ['a', 'e', 'u'],
        sampleRate: 83000,
      },
      {
        seed: 5206,
        voice: BATUQUE_TENOR,
        tonic: 55,
        bpm: 110,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'level', 'late', 'noise'],
        irRoom: { rt60Seconds: 0.9, wet: 0.45, preDelayMs: 14 },
        floorDb: [-67, -72, -60, -64, -59],
        sectionBeats: 28,
        sampleRate: 84000,
      },
      {
        seed: 5207,
        voice: CHAABI_BASS,
        tonic: 45,
        bpm: 92,
        takes: 5,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['early', 'late', 'missing', 'clip', 'detune'],
        defectSizes: VEIL_DEFECTS,
        soxReverb: [50, 40, 60, 0, 30, 0],
        latencyMs: [34, 0, 34, 0, 0],
        floorDb: [-61, -68, -74, -65, -71],
        sampleRate: 82000,
      },
      {
        seed: 5208,
        voice: KRONCONG_SOPRANO,
        tonic: 69,
        bpm: 104,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['early', 'late', 'missing', 'level'],
        defectSizes: VEIL_DEFECTS,
        placement: 'runs',
        timingJitterMs: 21,
        pitchJitterCents: 13,
        vowels: ['i', 'o', 'u'],
        sampleRate: 84000,
      },
      {
        seed: 5209,
        voice: BATUQUE_TENOR,
        tonic: 52,
        bpm: 84,
        takes: 4,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['missing', 'late', 'noise', 'detune'],
        soxReverb: [92, 3, 70, 0, 15, 0],
        latencyMs: [40, 40, 0, 40],
        sectionBeats: 29,
        sampleRate: 83000,
      },
      {
        seed: 5210,
        voice: CHAABI_BASS,
        tonic: 48,
        bpm: 98,
        takes: 4,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'early', 'detune'],
        irRoom: {
          rt60Seconds: 0.55,
          wet: 0.35,
          preDelayMs: 4,
          dampingHz: 2000,
          reflections: [
            [6, 0.35],
            [15, 0.2],
          ],
        },
        latencyMs: [0, 0, 0, 60],
        sampleRate: 82000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_35_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5211,
    voice: 'pap+Alex',
    wordsPerMinute: 105,
    takes: 4,
    latencyMs: [0, 36, 36, 0],
    kinds: ['detune', 'missing', 'early', 'detune'],
    defectSizes: VEIL_DEFECTS,
    soxReverb: [78, 2, 90, 0, 5, 0],
    floorDb: [-69, -62, -75, -66],
    sentences: [
      'Mi ruman ta landa den laman tur mainta.',
      'E trein ta sali na ocho or.',
      'Ayera e bientu tabata friu riba e seru.',
      'Mañan lo yobe den siudat.',
      'E tienda na skina ta será awe.',
    ],
  },
  {
    seed: 5212,
    voice: 'tn+john',
    wordsPerMinute: 215,
    espeakPitch: 65,
    takes: 5,
    latencyMs: [35, 0, 0, 35, 0],
    kinds: ['late', 'level', 'missing', 'noise', 'detune'],
    defectSizes: VEIL_DEFECTS,
    irRoom: {
      rt60Seconds: 0.4,
      wet: 0.3,
      preDelayMs: 9,
      dampingHz: 3000,
      reflections: [[8, 0.25]],
    },
    sentences: [
      'Mogolwane o thuma mo letsheng mo mosong mongwe le mongwe.',
      'Terena e tsamaya ka ura ya borobedi.',
      'Maabane phefo e ne e tsididi mo thabeng.',
      'Kamoso pula e tla na mo toropong.',
      'Lebenkele le le kwa sekhutlong le tswetswe gompieno.',
    ],
  },
];

/** Voices of held-out-36 (in no set before it): a round low mezzo, a nasal ornate baritone, a light quick soprano. */
const MALOYA_MEZZO: VoiceStyle = {
  name: 'maloya mezzo',
  formantScale: 1.07,
  vibratoHz: 5.3,
  vibratoCents: 19,
  vibratoDelaySeconds: 0.3,
  driftCents: 7,
  breath: 0.08,
  openPhase: 0.55,
  closePhase: 0.16,
};
const TARAB_BARITONE: VoiceStyle = {
  name: 'tarab baritone',
  formantScale: 0.95,
  vibratoHz: 5.9,
  vibratoCents: 31,
  vibratoDelaySeconds: 0.35,
  driftCents: 6,
  breath: 0.06,
  openPhase: 0.61,
  closePhase: 0.12,
};
const ZOUK_SOPRANO: VoiceStyle = {
  name: 'zouk soprano',
  formantScale: 1.19,
  vibratoHz: 6.4,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.25,
  driftCents: 4,
  breath: 0.09,
  openPhase: 0.48,
  closePhase: 0.13,
};
/**
 * Defect sizes of held-out-36 (no set's): late takes 30–38 ms, early 27–34 ms (in the open class of 27–40 ms),
 * detune 22–27 cents, level drops of 5–6.5 dB, noise bursts at −42…−36 dBFS, clipping driven 9–11 dB.
 */
const DUSK_DEFECTS = {
  late: [30, 38],
  early: [27, 34],
  detune: [22, 27],
  level: [5, 6.5],
  noise: [-42, -36],
  clip: [9, 11],
} as const;

/**
 * The thirty-sixth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset50, while
 * held-out-35 is read — every earlier set is tuning material now; the base's baseline only), made differently from
 * every earlier comp set, with the open classes among ordinary sections: **takes 27–38 ms late or early beside take
 * latencies of 32–39 ms** (DUSK_DEFECTS, no set's sizes: 5302 0/0/33/0, 5304 0/33/0/33, 5306 37/0/0/37/0, 5310
 * 0/0/36/0; speech 0/39/39/0 and 0/32/0/0/32), **latent clean takes** (each latency pattern leaves a take clean in
 * a section by the defect bag), **undamped rooms** kept under full scale by a wet gain below 0 dB (SoX
 * `84 2 92 0 14 -4`, `93 4 68 0 9 -5`, speech `76 1 85 0 18 -3`; a white-tailed 0.75 s convolution room) beside a
 * damped `45 55 65 0 25 0` and two damped reflecting convolution rooms (one on speech), **missing phrases** in every
 * song, **speech detunes** of 22–27 cents (both languages); floors per take at −76…−60 dBFS (5301, 5305, 5306,
 * 5310, the Luxembourgish sentences); synth settings no set used (fluidsynth FluidR3_GM 0.6 / 0.3, TiMidity++
 * freepats reverb 40, the npm synth on FluidR3Mono) and take programs no set used (33 finger bass, 36 slap bass 1,
 * 37 slap bass 2) under guide programs no set used as guide (38 synth bass 1, 34 picked bass, 35 fretless bass);
 * latency patterns no set used (also 0/0/120/120, 38/38/0/38, 0/0/0/0/55, a whole session 165 ms late (5303)), two
 * still songs (5305, 5307); three voices in no set (maloya mezzo, tarab baritone, zouk soprano), vowel sets no set
 * used (a/i/o, e/i/u), timing jitter 22 ms and pitch jitter 14 cents (no set's), sections of 30 and 31 beats (no
 * set's); speech from espeak-ng Luxembourgish (lb+Mario, pitch 80, 100 wpm) and Turkmen (tk+Edward2, pitch 55,
 * 220 wpm) (no set's languages, pitch, rates); takes at 85, 86 and 87 kHz (no set); seeds 5301–5312 (none used
 * before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by
 * construction.
 */
export const HELD_OUT_36: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5301,
        program: 33,
        guideProgram: 38,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.6, reverbLevel: 0.3 },
        sampleRate: 85000,
        tonic: 45,
        bpm: 100,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'late', 'level'],
        latencyMs: [0, 0, 120, 120],
        floorDb: [-72, -65, -60, -69],
      },
      {
        seed: 5302,
        program: 36,
        guideProgram: 34,
        soundfont: 'FluidR3Mono',
        sampleRate: 86000,
        tonic: 41,
        bpm: 90,
        takes: 4,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['late', 'early', 'missing', 'clip'],
        defectSizes: DUSK_DEFECTS,
        latencyMs: [0, 0, 33, 0],
      },
      {
        seed: 5303,
        program: 37,
        guideProgram: 35,
        timidity: { reverb: 40 },
        sampleRate: 87000,
        tonic: 46,
        bpm: 112,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['missing', 'noise', 'early', 'detune'],
        latencyMs: 165,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5304,
        voice: MALOYA_MEZZO,
        tonic: 62,
        bpm: 86,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['early', 'late', 'missing', 'detune'],
        defectSizes: DUSK_DEFECTS,
        soxReverb: [84, 2, 92, 0, 14, -4],
        latencyMs: [0, 33, 0, 33],
        sampleRate: 85000,
      },
      {
        seed: 5305,
        voice: TARAB_BARITONE,
        tonic: 50,
        bpm: 96,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'detune', 'noise', 'late'],
        irRoom: { rt60Seconds: 0.75, wet: 0.4, preDelayMs: 11 },
        floorDb: [-66, -73, -61, -70, -64],
        sampleRate: 86000,
      },
      {
        seed: 5306,
        voice: ZOUK_SOPRANO,
        tonic: 70,
        bpm: 108,
        takes: 5,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'early', 'level', 'clip'],
        defectSizes: DUSK_DEFECTS,
        soxReverb: [45, 55, 65, 0, 25, 0],
        latencyMs: [37, 0, 0, 37, 0],
        floorDb: [-63, -70, -74, -60, -68],
        sampleRate: 87000,
      },
      {
        seed: 5307,
        voice: MALOYA_MEZZO,
        tonic: 60,
        bpm: 100,
        takes: 4,
        scale: 'natural',
        rhythm: 'dotted',
        kinds: ['late', 'early', 'missing', 'level'],
        defectSizes: DUSK_DEFECTS,
        placement: 'runs',
        timingJitterMs: 22,
        pitchJitterCents: 14,
        vowels: ['a', 'i', 'o'],
        sampleRate: 86000,
      },
      {
        seed: 5308,
        voice: TARAB_BARITONE,
        tonic: 48,
        bpm: 82,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['missing', 'detune', 'late', 'noise'],
        soxReverb: [93, 4, 68, 0, 9, -5],
        latencyMs: [38, 38, 0, 38],
        sectionBeats: 30,
        sampleRate: 85000,
      },
      {
        seed: 5309,
        voice: ZOUK_SOPRANO,
        tonic: 67,
        bpm: 94,
        takes: 5,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['detune', 'level', 'missing', 'early', 'noise'],
        irRoom: {
          rt60Seconds: 0.5,
          wet: 0.3,
          preDelayMs: 6,
          dampingHz: 1600,
          reflections: [
            [5, 0.3],
            [12, 0.2],
          ],
        },
        latencyMs: [0, 0, 0, 0, 55],
        vowels: ['e', 'i', 'u'],
        sectionBeats: 31,
        sampleRate: 87000,
      },
      {
        seed: 5310,
        voice: MALOYA_MEZZO,
        tonic: 57,
        bpm: 116,
        takes: 4,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['detune', 'early', 'missing', 'late'],
        defectSizes: DUSK_DEFECTS,
        latencyMs: [0, 0, 36, 0],
        floorDb: [-64, -75, -69, -62],
        sampleRate: 86000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_36_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5311,
    voice: 'lb+Mario',
    wordsPerMinute: 100,
    espeakPitch: 80,
    takes: 4,
    latencyMs: [0, 39, 39, 0],
    kinds: ['detune', 'missing', 'late', 'detune'],
    defectSizes: DUSK_DEFECTS,
    soxReverb: [76, 1, 85, 0, 18, -3],
    floorDb: [-71, -64, -76, -67],
    sentences: [
      'Meng Schwëster schwëmmt all Moien am Séi.',
      'Den Zuch fiert um aacht Auer.',
      'Gëschter war de Wand kal um Bierg.',
      'Muer reent et an der Stad.',
      'De Buttek um Eck ass haut zou.',
    ],
  },
  {
    seed: 5312,
    voice: 'tk+Edward2',
    wordsPerMinute: 220,
    espeakPitch: 55,
    takes: 5,
    latencyMs: [0, 32, 0, 0, 32],
    kinds: ['early', 'level', 'missing', 'noise', 'detune'],
    defectSizes: DUSK_DEFECTS,
    irRoom: {
      rt60Seconds: 0.3,
      wet: 0.25,
      preDelayMs: 7,
      dampingHz: 3500,
      reflections: [[10, 0.2]],
    },
    sentences: [
      'Aýal doganym her irden kölde ýüzýär.',
      'Otly sagat sekizde ugraýar.',
      'Düýn dagda ýel sowukdy.',
      'Ertir şäherde ýagyş ýagar.',
      'Burçdaky dükan şu gün ýapyk.',
    ],
  },
];

/** Voices of held-out-37 (in no set before it): a warm swaying mezzo, a dry baritone, a bright quick soprano. */
const KIRTAN_MEZZO: VoiceStyle = {
  name: 'kirtan mezzo',
  formantScale: 1.05,
  vibratoHz: 4.9,
  vibratoCents: 23,
  vibratoDelaySeconds: 0.4,
  driftCents: 8,
  breath: 0.07,
  openPhase: 0.57,
  closePhase: 0.15,
};
const SKA_BARITONE: VoiceStyle = {
  name: 'ska baritone',
  formantScale: 0.93,
  vibratoHz: 5.6,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.2,
  driftCents: 5,
  breath: 0.05,
  openPhase: 0.63,
  closePhase: 0.11,
};
const ZYDECO_SOPRANO: VoiceStyle = {
  name: 'zydeco soprano',
  formantScale: 1.17,
  vibratoHz: 6.7,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.15,
  driftCents: 3,
  breath: 0.1,
  openPhase: 0.5,
  closePhase: 0.14,
};
/**
 * Defect sizes of held-out-37 (no set's): late takes 29–40 ms, early 27–37 ms (in the open class of 27–40 ms),
 * detune 20–26 cents, level drops of 4.5–6 dB, noise bursts at −44…−38 dBFS, clipping driven 8–10 dB.
 */
const EMBER_DEFECTS = {
  late: [29, 40],
  early: [27, 37],
  detune: [20, 26],
  level: [4.5, 6],
  noise: [-44, -38],
  clip: [8, 10],
} as const;

/**
 * The thirty-seventh held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset52, while
 * held-out-36 is read — every earlier set is tuning material now; the base's baseline only), made differently from
 * every earlier comp set, with the open classes among ordinary sections: **takes 27–40 ms late or early beside whole
 * take latencies of 25–45 ms** (EMBER_DEFECTS, no set's sizes: 5402 0/42/0/0, 5404 0/0/26/26, 5406 44/0/44/0/0,
 * 5410 0/29/0/29; speech 0/0/41/0 and 25/0/0/25/0), **latent clean takes** (each latency pattern leaves a take clean
 * in a section by the defect bag), **undamped rooms** under full scale by a wet gain below 0 dB (SoX
 * `86 3 88 0 12 -4`, `91 2 74 0 11 -5`, speech `79 2 83 0 16 -3`), two of them **read with a high floor** on some
 * takes (−57…−58 dBFS, 5404 and the Bosnian sentences), a white-tailed 0.65 s convolution room (still, floors),
 * beside a damped SoX `40 60 55 0 20 -3` and two damped reflecting convolution rooms (one on speech); **missing
 * phrases** in every song and sentence set, **speech detunes** of 20–26 cents (both languages); synth settings no
 * set used (fluidsynth FluidR3_GM 0.35 / 0.45 and sf_GMbank 0.7 / 0.35, TiMidity++ freepats reverb 85), take
 * programs no set used (114 steel drums, 112 tinkle bell, 96 FX rain) under guide programs no set used as guide
 * (39 synth bass 2, 98 FX crystal, 100 FX brightness); latency patterns no set used (also 0/130/130/0, 0/0/80/80,
 * 0/0/0/0/65, a whole session 170 ms late (5403)), two still songs (5405, 5407); three voices in no set (kirtan
 * mezzo, ska baritone, zydeco soprano), vowel sets of four (a/e/i/o, e/i/o/u: no set's), timing jitter 23 ms and
 * pitch jitter 15 cents (no set's), sections of 32 and 33 beats (no set's); speech from espeak-ng Bosnian (bs+f3,
 * pitch 45, 95 wpm) and Ido (io+Alex, pitch 75, 230 wpm) (no set's languages, pitches, rates); takes at 88, 89 and
 * 90 kHz (no set's); seeds 5401–5412 (none used before). 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5
 * sentences = 70 sections, every one clearly best by construction.
 */
export const HELD_OUT_37: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5401,
        program: 114,
        guideProgram: 39,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.35, reverbLevel: 0.45 },
        sampleRate: 88000,
        tonic: 62,
        bpm: 104,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'detune', 'late'],
        latencyMs: [0, 130, 130, 0],
        floorDb: [-70, -62, -75, -66],
      },
      {
        seed: 5402,
        program: 112,
        guideProgram: 98,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.7, reverbLevel: 0.35 },
        sampleRate: 89000,
        tonic: 72,
        bpm: 92,
        takes: 4,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['early', 'late', 'clip', 'missing'],
        defectSizes: EMBER_DEFECTS,
        latencyMs: [0, 42, 0, 0],
      },
      {
        seed: 5403,
        program: 96,
        guideProgram: 100,
        timidity: { reverb: 85 },
        sampleRate: 90000,
        tonic: 55,
        bpm: 118,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'detune', 'early'],
        latencyMs: 170,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5404,
        voice: KIRTAN_MEZZO,
        tonic: 61,
        bpm: 88,
        takes: 4,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'early', 'detune'],
        defectSizes: EMBER_DEFECTS,
        soxReverb: [86, 3, 88, 0, 12, -4],
        latencyMs: [0, 0, 26, 26],
        floorDb: [-71, -57, -66, -62],
        sampleRate: 88000,
      },
      {
        seed: 5405,
        voice: SKA_BARITONE,
        tonic: 49,
        bpm: 98,
        takes: 5,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['missing', 'level', 'noise', 'late', 'detune'],
        irRoom: { rt60Seconds: 0.65, wet: 0.45, preDelayMs: 13 },
        floorDb: [-68, -61, -74, -65, -71],
        sampleRate: 89000,
      },
      {
        seed: 5406,
        voice: ZYDECO_SOPRANO,
        tonic: 69,
        bpm: 110,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['early', 'level', 'late', 'missing', 'clip'],
        defectSizes: EMBER_DEFECTS,
        soxReverb: [40, 60, 55, 0, 20, -3],
        latencyMs: [44, 0, 44, 0, 0],
        floorDb: [-66, -72, -61, -69, -64],
        sampleRate: 90000,
      },
      {
        seed: 5407,
        voice: KIRTAN_MEZZO,
        tonic: 59,
        bpm: 102,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'late', 'level'],
        defectSizes: EMBER_DEFECTS,
        placement: 'runs',
        timingJitterMs: 23,
        pitchJitterCents: 15,
        vowels: ['a', 'e', 'i', 'o'],
        sampleRate: 89000,
      },
      {
        seed: 5408,
        voice: SKA_BARITONE,
        tonic: 47,
        bpm: 84,
        takes: 4,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['detune', 'noise', 'missing', 'late'],
        soxReverb: [91, 2, 74, 0, 11, -5],
        latencyMs: [0, 0, 80, 80],
        sectionBeats: 32,
        sampleRate: 88000,
      },
      {
        seed: 5409,
        voice: ZYDECO_SOPRANO,
        tonic: 66,
        bpm: 96,
        takes: 5,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['level', 'detune', 'early', 'missing', 'noise'],
        irRoom: {
          rt60Seconds: 0.45,
          wet: 0.28,
          preDelayMs: 5,
          dampingHz: 1900,
          reflections: [
            [7, 0.25],
            [15, 0.15],
          ],
        },
        latencyMs: [0, 0, 0, 0, 65],
        vowels: ['e', 'i', 'o', 'u'],
        sectionBeats: 33,
        sampleRate: 90000,
      },
      {
        seed: 5410,
        voice: KIRTAN_MEZZO,
        tonic: 56,
        bpm: 114,
        takes: 4,
        scale: 'natural',
        rhythm: 'dotted',
        kinds: ['late', 'detune', 'missing', 'early'],
        defectSizes: EMBER_DEFECTS,
        latencyMs: [0, 29, 0, 29],
        floorDb: [-63, -74, -68, -61],
        sampleRate: 89000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_37_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5411,
    voice: 'bs+f3',
    wordsPerMinute: 95,
    espeakPitch: 45,
    takes: 4,
    latencyMs: [0, 0, 41, 0],
    kinds: ['late', 'detune', 'missing', 'early'],
    defectSizes: EMBER_DEFECTS,
    soxReverb: [79, 2, 83, 0, 16, -3],
    floorDb: [-58, -70, -64, -67],
    sentences: [
      'Moja sestra pliva svako jutro u jezeru.',
      'Vlak polazi u osam sati.',
      'Jučer je vjetar bio hladan na planini.',
      'Sutra će padati kiša u gradu.',
      'Prodavnica na uglu je danas zatvorena.',
    ],
  },
  {
    seed: 5412,
    voice: 'io+Alex',
    wordsPerMinute: 230,
    espeakPitch: 75,
    takes: 5,
    latencyMs: [25, 0, 0, 25, 0],
    kinds: ['detune', 'missing', 'level', 'early', 'noise'],
    defectSizes: EMBER_DEFECTS,
    irRoom: {
      rt60Seconds: 0.35,
      wet: 0.22,
      preDelayMs: 8,
      dampingHz: 3000,
      reflections: [[9, 0.18]],
    },
    sentences: [
      'Mea fratino natas omna matino en la lago.',
      'La treno departas ye la oka.',
      'Hiere la vento esis kolda sur la monto.',
      'Morge pluvos en la urbo.',
      'La butiko an la angulo esas klozita hodie.',
    ],
  },
];

/** Voices of held-out-38 (in no set before it): a dark fluttering mezzo, a bright pressed baritone, a soft soprano. */
const SEGUIDILLA_MEZZO: VoiceStyle = {
  name: 'seguidilla mezzo',
  formantScale: 1.08,
  vibratoHz: 7.1,
  vibratoCents: 29,
  vibratoDelaySeconds: 0.05,
  driftCents: 11,
  breath: 0.12,
  openPhase: 0.47,
  closePhase: 0.19,
};
const CHAMAME_BARITONE: VoiceStyle = {
  name: 'chamamé baritone',
  formantScale: 0.89,
  vibratoHz: 4.3,
  vibratoCents: 9,
  vibratoDelaySeconds: 0.5,
  driftCents: 2,
  breath: 0.02,
  openPhase: 0.68,
  closePhase: 0.08,
};
const HABANERA_SOPRANO: VoiceStyle = {
  name: 'habanera soprano',
  formantScale: 1.22,
  vibratoHz: 5.9,
  vibratoCents: 41,
  vibratoDelaySeconds: 0.33,
  driftCents: 6,
  breath: 0.16,
  openPhase: 0.54,
  closePhase: 0.22,
};
/**
 * Defect sizes of held-out-38, in proportions no set used: GALE_DEFECTS wide late takes (45–60 ms) beside slight
 * early ones (27–33 ms), deep detunes (38–45 cents), slight level drops (4–5 dB), quiet noise bursts (−48…−43 dBFS)
 * and light clipping (6–8 dB); ROOK_DEFECTS the other way round: slight late (27–33 ms), wide early (48–60 ms),
 * slight detunes (20–23 cents), deep level drops (8–10 dB), loud bursts (−30…−25 dBFS), hard clipping (14–17 dB).
 */
const GALE_DEFECTS = {
  late: [45, 60],
  early: [27, 33],
  detune: [38, 45],
  level: [4, 5],
  noise: [-48, -43],
  clip: [6, 8],
} as const;
const ROOK_DEFECTS = {
  late: [27, 33],
  early: [48, 60],
  detune: [20, 23],
  level: [8, 10],
  noise: [-30, -25],
  clip: [14, 17],
} as const;

/**
 * The thirty-eighth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset57, while
 * held-out-37 is read by the take model — every earlier set is tuning material now; the base's baseline only), made
 * differently from every earlier comp set, so that a model fit to the tuning sets' generator meets what it never
 * saw: **defect sizes in proportions no set used** (GALE_DEFECTS: late 45–60 ms beside early 27–33, detune 38–45
 * cents, level 4–5 dB, bursts −48…−43 dBFS, clipping 6–8 dB; ROOK_DEFECTS: late 27–33 beside early 48–60, detune
 * 20–23, level 8–10 dB, bursts −30…−25 dBFS, clipping 14–17 dB), each beside **whole-take latencies near its own
 * timing sizes** (5502 0/52/0/0 and 5506 57/0/57/0/0 and the Hawaiian 0/0/58/0 with GALE's late 45–60; 5504
 * 0/0/33/33, 5510 0/31/0/31 and the Lingua Franca Nova 29/0/0/29/0 with ROOK's late 27–33); latency patterns no set
 * used (also 0/0/150/150, 0/0/95/140, 0/0/0/0/48, a whole session 200 ms late (5503)); two still songs (5505, 5507);
 * floors per take up to −55 dBFS (higher than any set's); SoX rooms no set used, three undamped under full scale
 * (`84 4 92 0 9 -6`, `77 1 66 0 14 -4`, speech `88 5 79 0 7 -5`) beside a damped `45 70 62 0 17 -6`; convolution
 * rooms no set used (a white 0.8 s tail, wet 0.38; a damped 0.55 s room with three reflections; a 0.3 s booth on
 * speech); **synth songs on renderers, banks and settings no set used** (fluidsynth on the OPL-3 FM bank at
 * 0.9 / 0.15, TiMidity++ from sf_GMbank at reverb 75, the npm synth from sf_GMbank with its effects on), take
 * programs no set used (101 FX goblins, 103 FX sci-fi, 47 timpani) under guide programs no set used as guide (97 FX
 * soundtrack, 99 FX atmosphere, 102 FX echoes); three voices in no set (seguidilla mezzo, chamamé baritone, habanera
 * soprano: a 41-cent vibrato, the widest), vowel sets no set used (a/i/o/u, a/e/o/u), timing jitter 24 ms and
 * pitch jitter 16 cents (no set's), sections of 34 and 36 beats (no set's); speech from espeak-ng Hawaiian
 * (haw+adam, pitch 35, 88 wpm) and Lingua Franca Nova (lfn+m6, pitch 85, 240 wpm) (no set's languages, variants,
 * pitches, rates); missing phrases in every song and sentence set; speech detunes in both (38–45 and 20–23 cents);
 * takes at 91, 92 and 96 kHz (no set's); seeds 5501–5512 (none used before). 10 songs × 6 sections (60 with a MIDI
 * guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_38: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5501,
        program: 101,
        guideProgram: 97,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.9, reverbLevel: 0.15 },
        sampleRate: 91000,
        tonic: 60,
        bpm: 100,
        takes: 4,
        scale: 'natural',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: GALE_DEFECTS,
        latencyMs: [0, 0, 150, 150],
        floorDb: [-67, -58, -73, -64],
      },
      {
        seed: 5502,
        program: 103,
        guideProgram: 99,
        timidity: { reverb: 75, sf2: SF2.csound },
        sampleRate: 92000,
        tonic: 67,
        bpm: 90,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'late', 'clip', 'missing'],
        defectSizes: GALE_DEFECTS,
        latencyMs: [0, 52, 0, 0],
      },
      {
        seed: 5503,
        program: 47,
        guideProgram: 102,
        soundfont: { file: SF2.csound },
        effects: true,
        sampleRate: 96000,
        tonic: 50,
        bpm: 112,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'early', 'level'],
        defectSizes: ROOK_DEFECTS,
        latencyMs: 200,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5504,
        voice: SEGUIDILLA_MEZZO,
        tonic: 58,
        bpm: 94,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'early', 'level'],
        defectSizes: ROOK_DEFECTS,
        soxReverb: [84, 4, 92, 0, 9, -6],
        latencyMs: [0, 0, 33, 33],
        floorDb: [-69, -55, -64, -60],
        sampleRate: 91000,
      },
      {
        seed: 5505,
        voice: CHAMAME_BARITONE,
        tonic: 48,
        bpm: 106,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['missing', 'detune', 'noise', 'late', 'clip'],
        defectSizes: GALE_DEFECTS,
        irRoom: { rt60Seconds: 0.8, wet: 0.38, preDelayMs: 17 },
        floorDb: [-66, -59, -72, -63, -69],
        sampleRate: 92000,
      },
      {
        seed: 5506,
        voice: HABANERA_SOPRANO,
        tonic: 63,
        bpm: 116,
        takes: 5,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'level', 'early', 'missing', 'detune'],
        defectSizes: GALE_DEFECTS,
        soxReverb: [45, 70, 62, 0, 17, -6],
        latencyMs: [57, 0, 57, 0, 0],
        floorDb: [-65, -71, -60, -68, -62],
        sampleRate: 96000,
      },
      {
        seed: 5507,
        voice: SEGUIDILLA_MEZZO,
        tonic: 57,
        bpm: 99,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'late', 'noise'],
        defectSizes: ROOK_DEFECTS,
        placement: 'runs',
        timingJitterMs: 24,
        pitchJitterCents: 16,
        vowels: ['a', 'i', 'o', 'u'],
        sampleRate: 92000,
      },
      {
        seed: 5508,
        voice: CHAMAME_BARITONE,
        tonic: 46,
        bpm: 86,
        takes: 4,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['detune', 'level', 'missing', 'late'],
        soxReverb: [77, 1, 66, 0, 14, -4],
        latencyMs: [0, 0, 95, 140],
        sectionBeats: 34,
        sampleRate: 91000,
      },
      {
        seed: 5509,
        voice: HABANERA_SOPRANO,
        tonic: 65,
        bpm: 108,
        takes: 5,
        scale: 'lydian',
        rhythm: 'dotted',
        kinds: ['noise', 'detune', 'late', 'missing', 'level'],
        irRoom: {
          rt60Seconds: 0.55,
          wet: 0.24,
          preDelayMs: 6,
          dampingHz: 2300,
          reflections: [
            [5, 0.16],
            [12, 0.1],
            [21, 0.06],
          ],
        },
        latencyMs: [0, 0, 0, 0, 48],
        vowels: ['a', 'e', 'o', 'u'],
        sectionBeats: 36,
        sampleRate: 96000,
      },
      {
        seed: 5510,
        voice: SEGUIDILLA_MEZZO,
        tonic: 55,
        bpm: 120,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['early', 'detune', 'missing', 'late'],
        defectSizes: ROOK_DEFECTS,
        latencyMs: [0, 31, 0, 31],
        floorDb: [-62, -74, -69, -60],
        sampleRate: 92000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_38_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5511,
    voice: 'haw+adam',
    wordsPerMinute: 88,
    espeakPitch: 35,
    takes: 4,
    latencyMs: [0, 0, 58, 0],
    kinds: ['late', 'detune', 'missing', 'level'],
    defectSizes: GALE_DEFECTS,
    soxReverb: [88, 5, 79, 0, 7, -5],
    floorDb: [-56, -68, -62, -65],
    sentences: [
      'Ua hele au i ke kahakai i nehinei.',
      'He nani ka mahina i keia po.',
      'E holo ana ke kaa i ke kulanakauhale.',
      'Ua ua nui ma ke kuahiwi.',
      'Ua lawa ka ai no ka ohana.',
    ],
  },
  {
    seed: 5512,
    voice: 'lfn+m6',
    wordsPerMinute: 240,
    espeakPitch: 85,
    takes: 5,
    latencyMs: [29, 0, 0, 29, 0],
    kinds: ['detune', 'missing', 'early', 'noise', 'late'],
    defectSizes: ROOK_DEFECTS,
    irRoom: {
      rt60Seconds: 0.3,
      wet: 0.2,
      preDelayMs: 10,
      dampingHz: 3600,
      reflections: [[11, 0.2]],
    },
    sentences: [
      'Mea sore nada cada matina en la lago.',
      'La tren parti a ora oto.',
      'Ier la vento ia es fria sur la monte.',
      'Doman lo va pluve en la site.',
      'La boteca a la angulo es cluida oji.',
    ],
  },
];

/** Voices of held-out-39 (in no set before it): a warm slow contralto, a quick bright tenor, a wide late soprano. */
const ZAMBA_CONTRALTO: VoiceStyle = {
  name: 'zamba contralto',
  formantScale: 0.97,
  vibratoHz: 5.3,
  vibratoCents: 24,
  vibratoDelaySeconds: 0.21,
  driftCents: 8,
  breath: 0.09,
  openPhase: 0.57,
  closePhase: 0.13,
};
const FANDANGO_TENOR: VoiceStyle = {
  name: 'fandango tenor',
  formantScale: 1.01,
  vibratoHz: 6.6,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.12,
  driftCents: 4,
  breath: 0.05,
  openPhase: 0.61,
  closePhase: 0.11,
};
const CUECA_SOPRANO: VoiceStyle = {
  name: 'cueca soprano',
  formantScale: 1.17,
  vibratoHz: 4.9,
  vibratoCents: 33,
  vibratoDelaySeconds: 0.41,
  driftCents: 9,
  breath: 0.13,
  openPhase: 0.5,
  closePhase: 0.17,
};
/**
 * Defect sizes of held-out-39, in proportions no set used: timing and pitch opposed (every earlier table grew its
 * detunes with its timing sizes, or split late from early as held-out-38 did), late and early of one size in
 * each. MISTRAL_DEFECTS wide timing (late and early
 * 64–78 ms) beside slight detunes (21–24 cents), deep level drops (11–13 dB), quiet bursts (−40…−36 dBFS) and light
 * clipping (6–7 dB); SIROCCO_DEFECTS near timing (late and early 34–40 ms) beside deep detunes (50–58 cents),
 * slight level drops (5–6 dB), loud bursts (−22…−19 dBFS) and hard clipping (12–14 dB).
 */
const MISTRAL_DEFECTS = {
  late: [64, 78],
  early: [64, 78],
  detune: [21, 24],
  level: [11, 13],
  noise: [-40, -36],
  clip: [6, 7],
} as const;
const SIROCCO_DEFECTS = {
  late: [34, 40],
  early: [34, 40],
  detune: [50, 58],
  level: [5, 6],
  noise: [-22, -19],
  clip: [12, 14],
} as const;

/**
 * The thirty-ninth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset58, while held-out-38 is
 * read by the take model lr57 — every earlier set is tuning material now; the base's baseline only), made differently
 * from every earlier comp set: **defect sizes in proportions no set used** (timing and pitch opposed, late and early of
 * one size: MISTRAL_DEFECTS wide timing 64–78 ms beside slight detunes 21–24 cents, deep level drops 11–13 dB, quiet
 * bursts −40…−36 dBFS, light clipping 6–7 dB; SIROCCO_DEFECTS near timing 34–40 ms beside deep detunes 50–58 cents,
 * slight level 5–6 dB, loud bursts −22…−19 dBFS, hard clipping 12–14 dB), each beside **whole-take latencies inside its
 * own timing sizes** (5601 0/70/0/0, 5606 0/0/0/66/66 and the Gaelic 0/72/0/0 with MISTRAL's 64–78; 5604 38/0/38/0,
 * 5609 0/0/36/0/0 and the Quechua 0/35/35/0/0 with SIROCCO's 34–40); latency patterns no set used (also 0/120/0/180,
 * 0/250/0/0, 0/0/0/250, a session 175 ms late (5603)); two still songs (5605, 5607); floors per take up to −53 dBFS
 * (higher than any set's); SoX rooms no set used, three undamped under full scale (`81 3 85 0 11 -5`, `79 2 71 0 19
 * -3`, speech `86 0 58 0 5 -7`) beside a damped `52 85 70 0 13 -4`; convolution rooms no set used (a white 0.95 s tail,
 * wet 0.3; a dark 0.45 s room with two reflections; a 0.25 s booth on speech); **synth songs on settings no set used**
 * (fluidsynth from FluidR3 at 0.15 / 0.6, TiMidity++ at reverb 95 with FluidR3 named (TiMidity++ plays FluidR3 whatever
 * is named: fixtures/synthtakes.ts), fluidsynth from sf_GMbank at 0.05 / 0.85), the one take program no set used whose
 * pitch follows its guide (55 orchestra hit, a chord stab: 113 agogo and 117 melodic tom were tried and left, their
 * sections' median pitch 2–5 semitones off the guide's) under guide programs no set used as guide (96 FX rain, 112
 * tinkle bell, 101 FX goblins); three voices in no set (zamba contralto, fandango tenor, cueca soprano), vowel sets no
 * set used (a/e/i/u, o alone), timing jitter 26 ms and pitch jitter 18 cents (no set's), sections of 35 and 37 beats
 * (no set's); speech from espeak-ng Scottish Gaelic (gd+michel, pitch 30, 98 wpm) and Quechua (qu+f1, pitch 90, 250
 * wpm) (no set's languages, pitches, rates); missing phrases in every song and sentence set; speech detunes in both;
 * takes at 14, 15 and 93 kHz (no set's); seeds 5601–5612 (none used before). 10 songs × 6 sections (60 with a MIDI
 * guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_39: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5601,
        program: 55,
        guideProgram: 96,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.15, reverbLevel: 0.6 },
        sampleRate: 15000,
        tonic: 62,
        bpm: 104,
        takes: 4,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: MISTRAL_DEFECTS,
        latencyMs: [0, 70, 0, 0],
        floorDb: [-60, -53, -66, -57],
      },
      {
        seed: 5602,
        program: 55,
        guideProgram: 112,
        timidity: { reverb: 95, sf2: SF2.fluidR3 },
        sampleRate: 14000,
        tonic: 69,
        bpm: 96,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['early', 'noise', 'clip', 'missing'],
        defectSizes: SIROCCO_DEFECTS,
        latencyMs: [0, 250, 0, 0],
      },
      {
        seed: 5603,
        program: 55,
        guideProgram: 101,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.05, reverbLevel: 0.85 },
        sampleRate: 93000,
        tonic: 52,
        bpm: 118,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'late', 'noise'],
        defectSizes: MISTRAL_DEFECTS,
        latencyMs: 175,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5604,
        voice: ZAMBA_CONTRALTO,
        tonic: 55,
        bpm: 92,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'early'],
        defectSizes: SIROCCO_DEFECTS,
        soxReverb: [81, 3, 85, 0, 11, -5],
        latencyMs: [38, 0, 38, 0],
        floorDb: [-63, -70, -58, -66],
        sampleRate: 15000,
      },
      {
        seed: 5605,
        voice: FANDANGO_TENOR,
        tonic: 52,
        bpm: 110,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['missing', 'level', 'noise', 'early', 'clip'],
        defectSizes: MISTRAL_DEFECTS,
        irRoom: { rt60Seconds: 0.95, wet: 0.3, preDelayMs: 23 },
        floorDb: [-71, -61, -67, -64, -58],
        sampleRate: 93000,
      },
      {
        seed: 5606,
        voice: CUECA_SOPRANO,
        tonic: 64,
        bpm: 114,
        takes: 5,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['early', 'detune', 'late', 'missing', 'level'],
        defectSizes: MISTRAL_DEFECTS,
        soxReverb: [52, 85, 70, 0, 13, -4],
        latencyMs: [0, 0, 0, 66, 66],
        floorDb: [-59, -68, -64, -72, -61],
        sampleRate: 14000,
      },
      {
        seed: 5607,
        voice: ZAMBA_CONTRALTO,
        tonic: 53,
        bpm: 102,
        takes: 4,
        scale: 'natural',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'detune', 'late'],
        defectSizes: SIROCCO_DEFECTS,
        placement: 'runs',
        timingJitterMs: 26,
        pitchJitterCents: 18,
        vowels: ['a', 'e', 'i', 'u'],
        sampleRate: 15000,
      },
      {
        seed: 5608,
        voice: FANDANGO_TENOR,
        tonic: 50,
        bpm: 88,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'level', 'early'],
        soxReverb: [79, 2, 71, 0, 19, -3],
        latencyMs: [0, 120, 0, 180],
        sectionBeats: 35,
        sampleRate: 93000,
      },
      {
        seed: 5609,
        voice: CUECA_SOPRANO,
        tonic: 66,
        bpm: 106,
        takes: 5,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['late', 'noise', 'missing', 'clip', 'detune'],
        defectSizes: SIROCCO_DEFECTS,
        irRoom: {
          rt60Seconds: 0.45,
          wet: 0.22,
          preDelayMs: 4,
          dampingHz: 1800,
          reflections: [
            [7, 0.14],
            [15, 0.09],
          ],
        },
        latencyMs: [0, 0, 36, 0, 0],
        vowels: ['o'],
        sectionBeats: 37,
        sampleRate: 14000,
      },
      {
        seed: 5610,
        voice: ZAMBA_CONTRALTO,
        tonic: 57,
        bpm: 98,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['early', 'late', 'missing', 'level'],
        latencyMs: [0, 0, 0, 250],
        floorDb: [-67, -62, -73, -60],
        sampleRate: 15000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_39_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5611,
    voice: 'gd+michel',
    wordsPerMinute: 98,
    espeakPitch: 30,
    takes: 4,
    latencyMs: [0, 72, 0, 0],
    kinds: ['late', 'detune', 'missing', 'noise'],
    defectSizes: MISTRAL_DEFECTS,
    soxReverb: [86, 0, 58, 0, 5, -7],
    floorDb: [-65, -58, -69, -61],
    sentences: [
      'Tha an latha breagha an-diugh.',
      'Chaidh mi dhan bhaile an-de.',
      'Tha an cat na chadal air an t-sofa.',
      'Bidh an t-uisge ann a-maireach.',
      'Tha am buth duinte a-nochd.',
    ],
  },
  {
    seed: 5612,
    voice: 'qu+f1',
    wordsPerMinute: 250,
    espeakPitch: 90,
    takes: 5,
    latencyMs: [0, 35, 35, 0, 0],
    kinds: ['detune', 'missing', 'late', 'level', 'early'],
    defectSizes: SIROCCO_DEFECTS,
    irRoom: {
      rt60Seconds: 0.25,
      wet: 0.26,
      preDelayMs: 8,
      dampingHz: 4200,
      reflections: [
        [9, 0.15],
        [17, 0.08],
      ],
    },
    sentences: [
      'Noqaqa yachaywasiman rini.',
      'Intiqa sumaqtam kanchan.',
      'Paraqa urqupi chayamun.',
      'Wasiyqa hatunmi kachkan.',
      'Mamayqa mikhunata ruran.',
    ],
  },
];

/** Voices of held-out-40 (in no set before it): a bright straight tenor, a slow wide mezzo, a dark drifting bass. */
const VALLENATO_TENOR: VoiceStyle = {
  name: 'vallenato tenor',
  formantScale: 1.04,
  vibratoHz: 6.9,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.09,
  driftCents: 3,
  breath: 0.04,
  openPhase: 0.63,
  closePhase: 0.1,
};
const SARDANA_MEZZO: VoiceStyle = {
  name: 'sardana mezzo',
  formantScale: 1.09,
  vibratoHz: 5.6,
  vibratoCents: 28,
  vibratoDelaySeconds: 0.3,
  driftCents: 6,
  breath: 0.11,
  openPhase: 0.55,
  closePhase: 0.15,
};
const KECAK_BASS: VoiceStyle = {
  name: 'kecak bass',
  formantScale: 0.9,
  vibratoHz: 4.4,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.5,
  driftCents: 10,
  breath: 0.07,
  openPhase: 0.59,
  closePhase: 0.12,
};
/**
 * Defect sizes of held-out-40, in proportions no set used: the sound defects grow together and against the timing
 * (held-out-39 opposed pitch to timing but kept level, bursts and clipping apart from pitch). BORA_DEFECTS near
 * timing (late and early 30–36 ms) beside the deepest detunes (62–70 cents), level drops (16.5–19 dB), the loudest
 * bursts (−17…−14 dBFS) and the hardest clipping (18–21 dB) of any table; LEVANTE_DEFECTS the widest timing of any
 * table (late and early 125–140 ms) beside slight detunes (21–25 cents), level drops (4–5 dB), quiet bursts
 * (−50…−46 dBFS) and light clipping (5–6 dB).
 */
const BORA_DEFECTS = {
  late: [30, 36],
  early: [30, 36],
  detune: [62, 70],
  level: [16.5, 19],
  noise: [-17, -14],
  clip: [18, 21],
} as const;
const LEVANTE_DEFECTS = {
  late: [125, 140],
  early: [125, 140],
  detune: [21, 25],
  level: [4, 5],
  noise: [-50, -46],
  clip: [5, 6],
} as const;

/**
 * The fortieth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset60, while h-comp59's
 * retrained take model is judged on held-out-39 — every earlier set is tuning material now; the base's baseline
 * only), the second judge of h-comp59's model, made differently from every earlier comp set: **defect sizes in
 * proportions no set used** (the sound defects together, against the timing: BORA_DEFECTS near timing 30–36 ms beside
 * the deepest detunes 62–70 cents, level drops 16.5–19 dB, loudest bursts −17…−14 dBFS and hardest clipping 18–21 dB
 * of any table; LEVANTE_DEFECTS the widest timing 125–140 ms beside slight detunes 21–25 cents, level 4–5 dB, quiet
 * bursts −50…−46 dBFS, light clipping 5–6 dB); **tuned take programs on banks that never played them** (every GM
 * program but the percussive and effect ones has been a take program: 71 clarinet from the OPL-3 FM bank, 42 cello
 * from FluidR3 through TiMidity++, 68 oboe from sf_GMbank, 73 flute from TimGM6mb — no set rendered these programs
 * from these banks; each section's median pitch checked against its guide before the commit) under guide programs
 * no set used as guide (114 steel drums, 103 FX sci-fi), on renderer settings no set used; take latencies no
 * set used (every take latent and none at 0 (5701, 5705, 5710), a latency beyond the spec's own timing sizes beside
 * takes at 0, sessions 190 and 205 ms late); SoX rooms no set used with pre-delays over every earlier room's (100,
 * 120 and 90 ms; one undamped room with a wet gain over 0 dB); convolution rooms no set used (a white 1.9 s tail at
 * wet 0.15, a room with one slapback reflection at 45 ms, a 0.2 s booth on speech); floors per take up to −50 dBFS;
 * three voices in no set (vallenato tenor, sardana mezzo, kecak bass), vowels alone no set used (i, e), timing jitter
 * 29 ms and pitch jitter 21 cents, sections of 38 and 41 beats; speech from espeak-ng Aragonese (an+f5, pitch 20,
 * 92 wpm) and Guarani (gn+m4, pitch 95, 235 wpm); takes at 12, 13, 95 and 97 kHz; seeds 5701–5712. 10 songs × 6
 * sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction (one clean
 * take).
 */
export const HELD_OUT_40: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5701,
        program: 71,
        guideProgram: 114,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.2, reverbLevel: 0.7 },
        sampleRate: 13000,
        tonic: 60,
        bpm: 100,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'level'],
        defectSizes: LEVANTE_DEFECTS,
        latencyMs: [15, 45, 90, 160],
        floorDb: [-61, -50, -64, -57],
      },
      {
        seed: 5702,
        program: 42,
        guideProgram: 103,
        timidity: { reverb: 105, sf2: SF2.fluidR3 },
        sampleRate: 12000,
        tonic: 50,
        bpm: 90,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'clip', 'missing', 'noise'],
        defectSizes: BORA_DEFECTS,
        latencyMs: 190,
      },
      {
        seed: 5703,
        program: 68,
        guideProgram: 114,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.75, reverbLevel: 0.1 },
        sampleRate: 95000,
        tonic: 65,
        bpm: 112,
        takes: 5,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['level', 'late', 'missing', 'noise', 'clip'],
        defectSizes: LEVANTE_DEFECTS,
      },
      {
        seed: 5704,
        program: 73,
        guideProgram: 103,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.45, reverbLevel: 0.15 },
        sampleRate: 13000,
        tonic: 67,
        bpm: 96,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'early', 'missing', 'level', 'late'],
        defectSizes: BORA_DEFECTS,
        latencyMs: [0, 0, 155, 0, 0],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5705,
        voice: VALLENATO_TENOR,
        tonic: 53,
        bpm: 108,
        takes: 5,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'late', 'clip'],
        defectSizes: BORA_DEFECTS,
        soxReverb: [83, 2, 94, 0, 100, 2],
        latencyMs: [12, 24, 36, 48, 60],
        sampleRate: 97000,
      },
      {
        seed: 5706,
        voice: SARDANA_MEZZO,
        tonic: 62,
        bpm: 94,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['late', 'level', 'missing', 'early', 'detune'],
        defectSizes: LEVANTE_DEFECTS,
        irRoom: { rt60Seconds: 1.9, wet: 0.15, preDelayMs: 30 },
        floorDb: [-68, -59, -72, -61, -65],
        vowels: ['i'],
        sampleRate: 12000,
      },
      {
        seed: 5707,
        voice: KECAK_BASS,
        tonic: 45,
        bpm: 84,
        takes: 4,
        scale: 'natural',
        rhythm: 'swing',
        kinds: ['missing', 'early', 'level', 'noise'],
        defectSizes: BORA_DEFECTS,
        placement: 'runs',
        timingJitterMs: 29,
        pitchJitterCents: 21,
        latencyMs: [0, 130, 0, 0],
        floorDb: [-60, -66, -70, -57],
        sampleRate: 95000,
      },
      {
        seed: 5708,
        voice: VALLENATO_TENOR,
        tonic: 57,
        bpm: 116,
        takes: 6,
        scale: 'phrygian',
        rhythm: 'sixteenth',
        kinds: ['late', 'early', 'detune', 'missing', 'level', 'noise'],
        soxReverb: [58, 65, 45, 0, 120, -2],
        latencyMs: 205,
        sectionBeats: 38,
        sampleRate: 13000,
      },
      {
        seed: 5709,
        voice: SARDANA_MEZZO,
        tonic: 64,
        bpm: 102,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['clip', 'missing', 'late', 'detune'],
        defectSizes: LEVANTE_DEFECTS,
        irRoom: { rt60Seconds: 0.6, wet: 0.3, preDelayMs: 5, dampingHz: 1100, reflections: [[45, 0.4]] },
        latencyMs: [0, 0, 0, 230],
        vowels: ['e'],
        sectionBeats: 41,
        sampleRate: 97000,
      },
      {
        seed: 5710,
        voice: KECAK_BASS,
        tonic: 48,
        bpm: 98,
        takes: 5,
        scale: 'melodic',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'late', 'level', 'detune'],
        latencyMs: [60, 20, 60, 20, 120],
        floorDb: [-63, -71, -58, -67, -60],
        sampleRate: 12000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_40_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5711,
    voice: 'an+f5',
    wordsPerMinute: 92,
    espeakPitch: 20,
    takes: 4,
    latencyMs: [0, 34, 0, 0],
    kinds: ['detune', 'missing', 'level', 'early'],
    defectSizes: BORA_DEFECTS,
    soxReverb: [90, 4, 62, 0, 90, -1],
    floorDb: [-66, -54, -62, -58],
    sentences: [
      'A casa de o lugar ye chicota y vieja.',
      'Os ninos chugan en a plaza.',
      'Manyana plevera en a montanya.',
      'O tren sale a las ueito.',
      'Mi chirmano bive en Uesca.',
    ],
  },
  {
    seed: 5712,
    voice: 'gn+m4',
    wordsPerMinute: 235,
    espeakPitch: 95,
    takes: 5,
    latencyMs: [0, 0, 150, 0, 0],
    kinds: ['late', 'detune', 'missing', 'noise', 'level'],
    defectSizes: LEVANTE_DEFECTS,
    irRoom: {
      rt60Seconds: 0.2,
      wet: 0.33,
      preDelayMs: 2,
      dampingHz: 5000,
      reflections: [
        [3, 0.3],
        [6, 0.2],
      ],
    },
    sentences: [
      'Ko ara hakuve.',
      'Che sy oho merkadope.',
      'Pe mitã ohuga okapy.',
      'Ama ou ko pyharepe.',
      'Pe jagua oke ogape.',
    ],
  },
];

/** Voices of held-out-41 (in no set before it): a quick bright tenor, a dark breathy alto, a steady low bass. */
const JOROPO_TENOR: VoiceStyle = {
  name: 'joropo tenor',
  formantScale: 1.01,
  vibratoHz: 7.2,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.05,
  driftCents: 2,
  breath: 0.03,
  openPhase: 0.66,
  closePhase: 0.08,
};
const TONADA_ALTO: VoiceStyle = {
  name: 'tonada alto',
  formantScale: 1.12,
  vibratoHz: 5,
  vibratoCents: 32,
  vibratoDelaySeconds: 0.35,
  driftCents: 8,
  breath: 0.13,
  openPhase: 0.52,
  closePhase: 0.17,
};
const ORATORIO_BASS: VoiceStyle = {
  name: 'oratorio bass',
  formantScale: 0.88,
  vibratoHz: 4.8,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.4,
  driftCents: 5,
  breath: 0.05,
  openPhase: 0.48,
  closePhase: 0.14,
};
/**
 * Defect sizes of held-out-41, in proportions no set used: every defect at its faintest in one table, and in the
 * other the level drops and clipping past every table beside timing, detunes and bursts of middle size. FAINT_DEFECTS
 * under every earlier table's smallest size on every side (late and early 21–24 ms, detunes 14–18 cents, level drops
 * 2.5–3.5 dB, bursts −58…−54 dBFS, clipping 1.5–2.5 dB); STARK_DEFECTS level drops of 20–23 dB and clipping of
 * 22–25 dB (over every table's) beside late and early 58–66 ms, detunes 40–46 cents and bursts −34…−30 dBFS.
 */
const FAINT_DEFECTS = {
  late: [21, 24],
  early: [21, 24],
  detune: [14, 18],
  level: [2.5, 3.5],
  noise: [-58, -54],
  clip: [1.5, 2.5],
} as const;
const STARK_DEFECTS = {
  late: [58, 66],
  early: [58, 66],
  detune: [40, 46],
  level: [20, 23],
  noise: [-34, -30],
  clip: [22, 25],
} as const;

/**
 * The forty-first held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset62, while h-comp62's
 * gated take model is judged on it — every earlier set is tuning material now; the base's baseline only), made
 * differently from every earlier comp set: **defect sizes in proportions no set used** (FAINT_DEFECTS every size under
 * every earlier table's smallest: timing 21–24 ms, detunes 14–18 cents, level drops 2.5–3.5 dB, bursts −58…−54 dBFS,
 * clipping 1.5–2.5 dB; STARK_DEFECTS the deepest level drops 20–23 dB and hardest clipping 22–25 dB of any table beside
 * timing 58–66 ms, detunes 40–46 cents, bursts −34…−30 dBFS); **take and guide programs keyed on their bank** (tuned
 * take programs no set rendered from their bank: 40 violin from MuseScore General, 56 trumpet from FluidR3Mono, 65
 * alto sax from the OPL-3 FM bank, 57 trombone from sf_GMbank; guides tuned too and new as guides to their bank: 68
 * oboe, 71 clarinet, 52 choir aahs, 64 soprano sax; every section's median pitch checked against its guide before the
 * commit), fluidsynth settings no set used; SoX rooms smaller than any (room scale 12 and 18 %); convolution rooms no
 * set used (the shortest and wettest white tail, 0.15 s at wet 0.6; a flutter echo of four reflections 20–80 ms; a
 * 1.3 s tail damped at 700 Hz on speech); take latencies no set used; floors per take up to −47 dBFS; three voices
 * in no set (joropo tenor, tonada alto, oratorio bass), vowels alone no set used (a, u), timing jitter 27 ms and
 * pitch jitter 19 cents, sections of 39 and 40 beats; speech from espeak-ng Lojban (jbo+m8, pitch 10, 82 wpm) and
 * Classical Nahuatl (nci+f2, pitch 99, 260 wpm); takes at 11, 94 and 98 kHz; seeds 5801–5812. 10 songs × 6 sections
 * (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_41: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5801,
        program: 40,
        guideProgram: 68,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.25, reverbLevel: 0.45 },
        sampleRate: 11000,
        tonic: 67,
        bpm: 104,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: FAINT_DEFECTS,
        latencyMs: [0, 22, 0, 22],
        floorDb: [-59, -47, -62, -55],
      },
      {
        seed: 5802,
        program: 56,
        guideProgram: 71,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.65, reverbLevel: 0.25 },
        sampleRate: 11000,
        tonic: 62,
        bpm: 92,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['level', 'clip', 'missing', 'noise', 'early'],
        defectSizes: STARK_DEFECTS,
        latencyMs: 215,
      },
      {
        seed: 5803,
        program: 65,
        guideProgram: 52,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.1, reverbLevel: 0.2 },
        sampleRate: 11000,
        tonic: 58,
        bpm: 118,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['detune', 'noise', 'missing', 'clip'],
        defectSizes: FAINT_DEFECTS,
      },
      {
        seed: 5804,
        program: 57,
        guideProgram: 64,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.35, reverbLevel: 0.55 },
        sampleRate: 94000,
        tonic: 53,
        bpm: 86,
        takes: 5,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['early', 'level', 'missing', 'late', 'clip'],
        defectSizes: STARK_DEFECTS,
        latencyMs: [5, 10, 15, 20, 25],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5805,
        voice: JOROPO_TENOR,
        tonic: 55,
        bpm: 112,
        takes: 5,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['late', 'detune', 'missing', 'noise', 'early'],
        defectSizes: FAINT_DEFECTS,
        soxReverb: [72, 30, 12, 0, 40, -1],
        latencyMs: [0, 0, 170, 0, 170],
        sampleRate: 98000,
      },
      {
        seed: 5806,
        voice: TONADA_ALTO,
        tonic: 60,
        bpm: 90,
        takes: 4,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'clip', 'late'],
        defectSizes: STARK_DEFECTS,
        irRoom: { rt60Seconds: 0.15, wet: 0.6, preDelayMs: 1 },
        floorDb: [-64, -56, -69, -60],
        vowels: ['a'],
        sampleRate: 94000,
      },
      {
        seed: 5807,
        voice: ORATORIO_BASS,
        tonic: 43,
        bpm: 80,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['detune', 'early', 'missing', 'level'],
        defectSizes: FAINT_DEFECTS,
        placement: 'runs',
        timingJitterMs: 27,
        pitchJitterCents: 19,
        latencyMs: [45, 0, 0, 0],
        floorDb: [-66, -58, -61, -70],
        sampleRate: 11000,
      },
      {
        seed: 5808,
        voice: JOROPO_TENOR,
        tonic: 59,
        bpm: 120,
        takes: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['noise', 'late', 'missing', 'detune', 'early', 'level'],
        soxReverb: [88, 3, 18, 0, 35, -3],
        latencyMs: 240,
        sectionBeats: 39,
        sampleRate: 98000,
      },
      {
        seed: 5809,
        voice: TONADA_ALTO,
        tonic: 63,
        bpm: 100,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['missing', 'detune', 'late', 'clip', 'noise'],
        defectSizes: STARK_DEFECTS,
        irRoom: {
          rt60Seconds: 0.4,
          wet: 0.3,
          preDelayMs: 3,
          dampingHz: 2800,
          reflections: [
            [20, 0.3],
            [40, 0.22],
            [60, 0.16],
            [80, 0.1],
          ],
        },
        latencyMs: [0, 62, 0, 0, 124],
        vowels: ['u'],
        sectionBeats: 40,
        sampleRate: 94000,
      },
      {
        seed: 5810,
        voice: ORATORIO_BASS,
        tonic: 47,
        bpm: 96,
        takes: 5,
        scale: 'natural',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'early', 'level', 'noise'],
        latencyMs: [30, 90, 30, 90, 30],
        floorDb: [-57, -68, -63, -60, -65],
        sampleRate: 98000,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_41_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5811,
    voice: 'jbo+m8',
    wordsPerMinute: 82,
    espeakPitch: 10,
    takes: 4,
    latencyMs: [0, 0, 23, 0],
    kinds: ['detune', 'missing', 'late', 'level'],
    defectSizes: FAINT_DEFECTS,
    irRoom: { rt60Seconds: 1.3, wet: 0.2, preDelayMs: 16, dampingHz: 700 },
    floorDb: [-63, -52, -60, -56],
    sentences: [
      'mi klama le zarci.',
      'le mlatu cu sipna.',
      'mi nelci le ckafi.',
      'le tricu cu barda.',
      'do citka le plise.',
    ],
  },
  {
    seed: 5812,
    voice: 'nci+f2',
    wordsPerMinute: 260,
    espeakPitch: 99,
    takes: 5,
    latencyMs: [0, 0, 0, 180, 0],
    kinds: ['clip', 'detune', 'missing', 'noise', 'level'],
    defectSizes: STARK_DEFECTS,
    soxReverb: [64, 45, 15, 0, 28, -4],
    sentences: [
      'Nehuatl nitlacua in tlaxcalli.',
      'In cihuatl quitta in calli.',
      'Tonatiuh tlanextia.',
      'In pilli mococoa.',
      'Ticnequi atl.',
    ],
  },
];

/** Voices of held-out-42 (in no set before it): a light high soprano, a straight-toned loose tenor, a still bass. */
const COLORATURA_SOPRANO: VoiceStyle = {
  name: 'coloratura soprano',
  formantScale: 1.16,
  vibratoHz: 6.2,
  vibratoCents: 28,
  vibratoDelaySeconds: 0.2,
  driftCents: 3,
  breath: 0.04,
  openPhase: 0.58,
  closePhase: 0.1,
};
const SACRED_HARP_TENOR: VoiceStyle = {
  name: 'sacred harp tenor',
  formantScale: 1.0,
  vibratoHz: 5.6,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.5,
  driftCents: 9,
  breath: 0.08,
  openPhase: 0.62,
  closePhase: 0.12,
};
const PLAINCHANT_BASS: VoiceStyle = {
  name: 'plainchant bass',
  formantScale: 0.86,
  vibratoHz: 4.2,
  vibratoCents: 10,
  vibratoDelaySeconds: 0.6,
  driftCents: 4,
  breath: 0.06,
  openPhase: 0.5,
  closePhase: 0.15,
};
/**
 * held-out-42's two spreads of defect size: FAINT (held-out-41's faint sizes and a little round them: late and early
 * 20–26 ms, detunes 12–20 cents, level drops 2–4 dB, bursts −56…−48 dBFS, clipping 1.5–4 dB) and ORDINARY
 * (defectAmount's own ranges: 30–120 ms, 20–60 cents, 8–14 dB, −24…−16 dBFS, 6–12 dB).
 */
export const FAINT_SPREAD = {
  late: [20, 26],
  early: [20, 26],
  detune: [12, 20],
  level: [2, 4],
  noise: [-56, -48],
  clip: [1.5, 4],
} as const;
export const ORDINARY_SPREAD = {
  late: [30, 120],
  early: [30, 120],
  detune: [20, 60],
  level: [8, 14],
  noise: [-24, -16],
  clip: [6, 12],
} as const;
const MIXED_KINDS = ['late', 'early', 'detune', 'level', 'noise', 'clip'] as const;
/**
 * A song's defect table of held-out-42, a realistic mix: per kind (in the order late, early, detune, level, noise,
 * clip) `F` draws that kind's sizes from the faint spread, `O` from the ordinary one — e.g. 'FOOFOF' (held-out-43:
 * its own two spreads given).
 */
export function mixedSizes(
  mask: string,
  faint: Record<(typeof MIXED_KINDS)[number], readonly [number, number]> = FAINT_SPREAD,
  ordinary: Record<(typeof MIXED_KINDS)[number], readonly [number, number]> = ORDINARY_SPREAD,
): Record<(typeof MIXED_KINDS)[number], readonly [number, number]> {
  if (!/^[FO]{6}$/.test(mask)) throw new Error(`mixedSizes: ${mask}`);
  const table = {} as Record<(typeof MIXED_KINDS)[number], readonly [number, number]>;
  MIXED_KINDS.forEach((k, i) => (table[k] = (mask[i] === 'F' ? faint : ordinary)[k]));
  return table;
}

/**
 * The forty-second held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset63, while h-comp63's
 * take model is judged on it — every earlier set is tuning material now; the base's baseline only), made differently
 * from every earlier comp set: **defect sizes a realistic mix** (each song's table mixes the faint spread — late and
 * early 20–26 ms, detunes 12–20 cents, level drops 2–4 dB, bursts −56…−48 dBFS, clipping 1.5–4 dB — and the ordinary
 * one, defectAmount's own ranges, kind by kind: of the 48 (spec, kind) cells the specs' bags draw from, 24 faint and
 * 24 ordinary; the test counts them); **take and guide programs keyed on their bank** (fluidsynth, settings no set
 * used: 71 clarinet under a 73 flute guide from FluidR3_GM, 68 oboe under 40 violin from TimGM6mb, 41 viola under 69
 * english horn from MuseScore General, 70 bassoon under 42 cello from FluidR3Mono; each new to its bank as take and as
 * guide); **sample rates of real devices no set used** (11.025, 37.8, 47.25 and 88.2 kHz); SoX rooms and convolution
 * rooms no set used (a 0.7 s white tail, a 1.1 s damped room with two reflections 14 and 27 ms, a short bright room on
 * speech); take latencies no set used; floors per take; three voices in no set (coloratura soprano, sacred harp tenor,
 * plainchant bass); a tight singer (timing jitter 3 ms, pitch jitter 1 cent) and a loose one (25 ms, 17 cents);
 * consonant shares 1 and 0.1; sections of 42 and 43 beats; speech from espeak-ng Oromo (om+m3, pitch 62, 86 wpm) and
 * K'iche' (quc+f4, pitch 15, 245 wpm); seeds 5901–5912. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5
 * sentences = 70 sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_42: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 5901,
        program: 71,
        guideProgram: 73,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.2, reverbLevel: 0.25 },
        sampleRate: 37800,
        tonic: 62,
        bpm: 100,
        takes: 5,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'level', 'noise'],
        defectSizes: mixedSizes('FOOFOF'),
        latencyMs: [0, 0, 24, 0, 0],
        floorDb: [-66, -58, -70, -61, -64],
      },
      {
        seed: 5902,
        program: 68,
        guideProgram: 40,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.6, reverbLevel: 0.7 },
        sampleRate: 47250,
        tonic: 67,
        bpm: 94,
        takes: 5,
        scale: 'melodic',
        rhythm: 'dotted',
        kinds: ['early', 'clip', 'missing', 'detune', 'level'],
        defectSizes: mixedSizes('OFFOOO'),
        latencyMs: 185,
      },
      {
        seed: 5903,
        program: 41,
        guideProgram: 69,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.55, reverbLevel: 0.3 },
        sampleRate: 88200,
        tonic: 60,
        bpm: 108,
        takes: 4,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['late', 'early', 'missing', 'noise', 'detune'],
        defectSizes: mixedSizes('OFOOFO'),
      },
      {
        seed: 5904,
        program: 70,
        guideProgram: 42,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.4, reverbLevel: 0.5 },
        sampleRate: 11025,
        tonic: 46,
        bpm: 84,
        takes: 5,
        scale: 'phrygian',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixedSizes('FOFOOF'),
        latencyMs: [12, 0, 47, 0, 12],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 5905,
        voice: COLORATURA_SOPRANO,
        tonic: 69,
        bpm: 116,
        takes: 5,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['late', 'detune', 'missing', 'early', 'level'],
        defectSizes: mixedSizes('OFOFOO'),
        soxReverb: [58, 35, 45, 0, 24, -8],
        latencyMs: [0, 21, 0, 75, 0],
        sampleRate: 88200,
      },
      {
        seed: 5906,
        voice: SACRED_HARP_TENOR,
        tonic: 57,
        bpm: 98,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'level', 'noise', 'early'],
        defectSizes: mixedSizes('OOFOFO'),
        irRoom: { rt60Seconds: 0.7, wet: 0.45, preDelayMs: 7 },
        consonantShare: 1,
        floorDb: [-62, -71, -59, -66, -68],
        sampleRate: 47250,
      },
      {
        seed: 5907,
        voice: PLAINCHANT_BASS,
        tonic: 41,
        bpm: 76,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'early', 'detune', 'clip'],
        defectSizes: mixedSizes('FOFOOO'),
        timingJitterMs: 3,
        pitchJitterCents: 1,
        latencyMs: [0, 0, 0, 26],
        sampleRate: 37800,
      },
      {
        seed: 5908,
        voice: COLORATURA_SOPRANO,
        tonic: 71,
        bpm: 122,
        takes: 6,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['level', 'late', 'missing', 'noise', 'detune', 'early'],
        defectSizes: mixedSizes('OFOFOF'),
        soxReverb: [74, 12, 66, 0, 8, -4],
        latencyMs: 195,
        sectionBeats: 42,
        sampleRate: 11025,
      },
      {
        seed: 5909,
        voice: SACRED_HARP_TENOR,
        tonic: 60,
        bpm: 88,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['early', 'missing', 'detune', 'level', 'clip'],
        defectSizes: mixedSizes('FFOFOF'),
        irRoom: {
          rt60Seconds: 1.1,
          wet: 0.3,
          preDelayMs: 9,
          dampingHz: 1500,
          reflections: [
            [14, 0.28],
            [27, 0.16],
          ],
        },
        consonantShare: 0.1,
        latencyMs: [0, 58, 0, 0, 22],
        sectionBeats: 43,
        sampleRate: 88200,
      },
      {
        seed: 5910,
        voice: PLAINCHANT_BASS,
        tonic: 45,
        bpm: 102,
        takes: 5,
        scale: 'natural',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'level', 'noise', 'early'],
        defectSizes: mixedSizes('FOFOFO'),
        placement: 'runs',
        timingJitterMs: 25,
        pitchJitterCents: 17,
        latencyMs: [40, 40, 0, 40, 100],
        floorDb: [-60, -67, -63, -72, -58],
        sampleRate: 47250,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_42_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 5911,
    voice: 'om+m3',
    wordsPerMinute: 86,
    espeakPitch: 62,
    takes: 4,
    latencyMs: [0, 25, 0, 0],
    kinds: ['detune', 'missing', 'late', 'level'],
    defectSizes: mixedSizes('OFOFOO'),
    irRoom: { rt60Seconds: 0.5, wet: 0.25, preDelayMs: 4, dampingHz: 3200 },
    floorDb: [-64, -57, -69, -61],
    sentences: [
      'Nagaan bulte.',
      'Bishaan dhugi.',
      'Mana keenya dhufi.',
      'Ani barataa dha.',
      'Harki koo qulqulluu dha.',
    ],
  },
  {
    seed: 5912,
    voice: 'quc+f4',
    wordsPerMinute: 245,
    espeakPitch: 15,
    takes: 5,
    latencyMs: [0, 0, 140, 0, 70],
    kinds: ['early', 'missing', 'detune', 'noise', 'level'],
    defectSizes: mixedSizes('FOFOOF'),
    soxReverb: [48, 50, 38, 0, 18, -2],
    sentences: ['Utz awach.', "Jas ab'i?", "Kinwaj ja'.", "Le ak'al kawarik.", 'Xinwil le ja.'],
  },
];

/** Voices of held-out-43 (in no set before it): a full bright soprano, a high light baritone, a nimble comic bass. */
const SPINTO_SOPRANO: VoiceStyle = {
  name: 'spinto soprano',
  formantScale: 1.14,
  vibratoHz: 5.9,
  vibratoCents: 46,
  vibratoDelaySeconds: 0.25,
  driftCents: 6,
  breath: 0.05,
  openPhase: 0.57,
  closePhase: 0.11,
};
const BARITENOR: VoiceStyle = {
  name: 'baritenor',
  formantScale: 0.98,
  vibratoHz: 5.3,
  vibratoCents: 24,
  vibratoDelaySeconds: 0.35,
  driftCents: 7,
  breath: 0.07,
  openPhase: 0.61,
  closePhase: 0.13,
};
const BASSO_BUFFO: VoiceStyle = {
  name: 'basso buffo',
  formantScale: 0.88,
  vibratoHz: 5.0,
  vibratoCents: 20,
  vibratoDelaySeconds: 0.15,
  driftCents: 8,
  breath: 0.09,
  openPhase: 0.53,
  closePhase: 0.14,
};
/**
 * held-out-43's two spreads of defect size, their edges other than held-out-42's: FAINT_SPREAD_43 (late and early
 * 18–28 ms, detunes 10–22 cents, level drops 1.5–4.5 dB, bursts −58…−50 dBFS, clipping 1.2–3.5 dB) and
 * ORDINARY_SPREAD_43 (inside defectAmount's own ranges: 35–110 ms, 24–55 cents, 8.5–13 dB, −23…−17 dBFS, 6.5–11 dB).
 */
export const FAINT_SPREAD_43 = {
  late: [18, 28],
  early: [18, 28],
  detune: [10, 22],
  level: [1.5, 4.5],
  noise: [-58, -50],
  clip: [1.2, 3.5],
} as const;
export const ORDINARY_SPREAD_43 = {
  late: [35, 110],
  early: [35, 110],
  detune: [24, 55],
  level: [8.5, 13],
  noise: [-23, -17],
  clip: [6.5, 11],
} as const;
const mixed43 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_43, ORDINARY_SPREAD_43);

/**
 * The forty-third held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset64, the next session's
 * judge; the base's baseline only), made differently from every earlier comp set: **defect sizes a realistic mix with
 * other spreads' edges** (each song's table mixes FAINT_SPREAD_43 — late and early 18–28 ms, detunes 10–22 cents,
 * level drops 1.5–4.5 dB, bursts −58…−50 dBFS, clipping 1.2–3.5 dB — and ORDINARY_SPREAD_43 — 35–110 ms, 24–55 cents,
 * 8.5–13 dB, −23…−17 dBFS, 6.5–11 dB — kind by kind: of the 48 (spec, kind) cells the specs' bags draw from, 28 faint
 * and 20 ordinary; the test counts them); **take and guide programs new to their bank** (fluidsynth, settings no set
 * used: 64 soprano sax under a 74 recorder guide from the OPL-3 FM bank, 57 trombone under 70 bassoon from MuseScore
 * General, 71 clarinet under 73 flute from TimGM6mb, 65 alto sax under 60 french horn from sf_GMbank); **sample rates
 * of real devices no set used** (44.056 kHz, NTSC video's 44.1; 47.952 kHz, 48 kHz pulled down; 50.4 kHz, the
 * Mitsubishi X-80's); SoX rooms and convolution rooms no set used; take latencies no set used; floors per take; three
 * voices in no set (spinto soprano, baritenor, basso buffo: six sung songs); a tight singer (timing jitter 1.5 ms,
 * pitch jitter 0.5 cent) and a loose one (28 ms, 6.5 cents); consonant shares 0.5 and 0.7; sections of 44 and 46
 * beats; speech from espeak-ng Greenlandic (kl+m1, pitch 57, 78 wpm) and Lule Saami (smj+f2, pitch 7, 225 wpm); seeds
 * 6001–6012. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, every one clearly best by
 * construction (one clean take).
 */
export const HELD_OUT_43: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 6001,
        program: 64,
        guideProgram: 74,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.25, reverbLevel: 0.55 },
        sampleRate: 47952,
        tonic: 62,
        bpm: 104,
        takes: 5,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'level', 'noise'],
        defectSizes: mixed43('FOFOOF'),
        latencyMs: [0, 0, 0, 22, 0],
        floorDb: [-65, -59, -71, -62, -68],
      },
      {
        seed: 6002,
        program: 57,
        guideProgram: 70,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.45, reverbLevel: 0.65 },
        sampleRate: 44056,
        tonic: 50,
        bpm: 90,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['early', 'clip', 'missing', 'detune', 'level'],
        defectSizes: mixed43('OFOFOF'),
        latencyMs: 210,
      },
      {
        seed: 6003,
        program: 71,
        guideProgram: 73,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.15, reverbLevel: 0.35 },
        sampleRate: 50400,
        tonic: 58,
        bpm: 112,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['late', 'early', 'missing', 'noise', 'detune'],
        defectSizes: mixed43('OOFOFO'),
      },
      {
        seed: 6004,
        program: 65,
        guideProgram: 60,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.3, reverbLevel: 0.75 },
        sampleRate: 47952,
        tonic: 56,
        bpm: 86,
        takes: 5,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixed43('FOOFOO'),
        latencyMs: [0, 18, 0, 64, 18],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 6005,
        voice: SPINTO_SOPRANO,
        tonic: 67,
        bpm: 110,
        takes: 5,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'detune', 'missing', 'early', 'level'],
        defectSizes: mixed43('FOFOOO'),
        soxReverb: [58, 25, 52, 0, 21, -10],
        latencyMs: [0, 0, 27, 0, 0],
        sampleRate: 50400,
      },
      {
        seed: 6006,
        voice: BARITENOR,
        tonic: 55,
        bpm: 96,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'level', 'noise', 'early'],
        defectSizes: mixed43('OFOFOO'),
        irRoom: { rt60Seconds: 0.85, wet: 0.35, preDelayMs: 12 },
        consonantShare: 0.5,
        floorDb: [-61, -70, -58, -67, -64],
        sampleRate: 44056,
      },
      {
        seed: 6007,
        voice: BASSO_BUFFO,
        tonic: 43,
        bpm: 118,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'early', 'detune', 'clip'],
        defectSizes: mixed43('OFFOOF'),
        timingJitterMs: 1.5,
        pitchJitterCents: 0.5,
        latencyMs: [33, 0, 0, 33],
        sampleRate: 47952,
      },
      {
        seed: 6008,
        voice: SPINTO_SOPRANO,
        tonic: 70,
        bpm: 92,
        takes: 6,
        scale: 'melodic',
        rhythm: 'straight',
        kinds: ['level', 'late', 'missing', 'noise', 'detune', 'early'],
        defectSizes: mixed43('FOOFFO'),
        soxReverb: [82, 8, 78, 0, 6, -6],
        latencyMs: 225,
        sectionBeats: 44,
        sampleRate: 44056,
      },
      {
        seed: 6009,
        voice: BARITENOR,
        tonic: 53,
        bpm: 100,
        takes: 5,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['early', 'missing', 'detune', 'level', 'clip'],
        defectSizes: mixed43('OFFOOO'),
        irRoom: {
          rt60Seconds: 0.6,
          wet: 0.28,
          preDelayMs: 8,
          dampingHz: 2100,
          reflections: [
            [10, 0.22],
            [23, 0.12],
          ],
        },
        consonantShare: 0.7,
        latencyMs: [0, 44, 0, 0, 19],
        sectionBeats: 46,
        sampleRate: 50400,
      },
      {
        seed: 6010,
        voice: BASSO_BUFFO,
        tonic: 40,
        bpm: 80,
        takes: 5,
        scale: 'natural',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'level', 'noise', 'early'],
        defectSizes: mixed43('OFOFOO'),
        placement: 'runs',
        timingJitterMs: 28,
        pitchJitterCents: 6.5,
        latencyMs: [50, 50, 0, 50, 110],
        floorDb: [-68, -62, -74, -60, -65],
        sampleRate: 47952,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_43_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 6011,
    voice: 'kl+m1',
    wordsPerMinute: 78,
    espeakPitch: 57,
    takes: 4,
    latencyMs: [0, 0, 20, 0],
    kinds: ['detune', 'missing', 'late', 'level'],
    defectSizes: mixed43('FOOFOO'),
    irRoom: { rt60Seconds: 0.4, wet: 0.2, preDelayMs: 5, dampingHz: 2700 },
    floorDb: [-63, -56, -70, -60],
    sentences: [
      'Aluu, qanoq ippit?',
      'Qujanaq.',
      'Nuuk illoqarfiuvoq.',
      'Uanga ilinniartuuvunga.',
      'Kalaallit Nunaat kusanartoq.',
    ],
  },
  {
    seed: 6012,
    voice: 'smj+f2',
    wordsPerMinute: 225,
    espeakPitch: 7,
    takes: 5,
    latencyMs: [0, 120, 0, 0, 60],
    kinds: ['early', 'missing', 'detune', 'noise', 'level'],
    defectSizes: mixed43('OFFOFO'),
    soxReverb: [54, 40, 33, 0, 12, -3],
    sentences: ['Buorre biejvve.', 'Gåktu manná?', 'Mån lev Jåhkåmåhkes.', 'Dát l stuor dállo.', 'Giella l ájnas.'],
  },
];

/** Voices of held-out-44 (in no set before it): a warm lyric baritone, a dark wide mezzo, a high light French tenor. */
const LYRIC_BARITONE: VoiceStyle = {
  name: 'lyric baritone',
  formantScale: 0.93,
  vibratoHz: 5.5,
  vibratoCents: 30,
  vibratoDelaySeconds: 0.3,
  driftCents: 5,
  breath: 0.055,
  openPhase: 0.59,
  closePhase: 0.12,
};
const DRAMATIC_MEZZO: VoiceStyle = {
  name: 'dramatic mezzo',
  formantScale: 1.07,
  vibratoHz: 5.8,
  vibratoCents: 52,
  vibratoDelaySeconds: 0.22,
  driftCents: 7,
  breath: 0.045,
  openPhase: 0.56,
  closePhase: 0.1,
};
const HAUTE_CONTRE: VoiceStyle = {
  name: 'haute-contre',
  formantScale: 1.05,
  vibratoHz: 6.4,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.4,
  driftCents: 4,
  breath: 0.065,
  openPhase: 0.63,
  closePhase: 0.09,
};
/**
 * held-out-44's two spreads of defect size, every edge other than held-out-42's and held-out-43's: FAINT_SPREAD_44
 * (late 19–30 ms, early 17–25 ms, detunes 11–21 cents, level drops 2.5–5 dB, bursts −60…−52 dBFS, clipping 1–3 dB)
 * and ORDINARY_SPREAD_44 (inside defectAmount's own ranges: late 40–100 ms, early 32–90 ms, detunes 25–50 cents,
 * level drops 9–12.5 dB, bursts −22…−18 dBFS, clipping 7–10.5 dB).
 */
export const FAINT_SPREAD_44 = {
  late: [19, 30],
  early: [17, 25],
  detune: [11, 21],
  level: [2.5, 5],
  noise: [-60, -52],
  clip: [1, 3],
} as const;
export const ORDINARY_SPREAD_44 = {
  late: [40, 100],
  early: [32, 90],
  detune: [25, 50],
  level: [9, 12.5],
  noise: [-22, -18],
  clip: [7, 10.5],
} as const;
const mixed44 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_44, ORDINARY_SPREAD_44);

/**
 * The forty-fourth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset65, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **defect sizes a
 * realistic mix with spreads' edges other than held-out-42's and 43's** (each song's table mixes FAINT_SPREAD_44 —
 * late 19–30 ms, early 17–25 ms, detunes 11–21 cents, level drops 2.5–5 dB, bursts −60…−52 dBFS, clipping 1–3 dB —
 * and ORDINARY_SPREAD_44 — late 40–100 ms, early 32–90 ms, 25–50 cents, 9–12.5 dB, −22…−18 dBFS, 7–10.5 dB — kind
 * by kind: of the 46 (spec, kind) cells the specs' bags draw from, 27 faint and 19 ordinary; the test counts them);
 * **take and guide programs new to their bank** (fluidsynth, settings no set used: 66 tenor sax under a 68 oboe guide
 * from FluidR3Mono, 69 english horn under 71 clarinet from sf_GMbank, 56 trumpet under 71 clarinet from FluidR3_GM,
 * 68 oboe under 66 tenor sax from the OPL-3 FM bank); **sample rates of real devices no set used** (18.9 kHz, CD-ROM
 * XA's level C; 22.254 kHz, the early Macintosh's; 48.048 kHz, 48 kHz pulled up); SoX rooms and convolution rooms no
 * set used; take latencies no set used; floors per take; three voices in no set (lyric baritone, dramatic mezzo,
 * haute-contre: six sung songs); a tight singer (timing jitter 2.5 ms, pitch jitter 1.5 cents) and a loose one
 * (22.5 ms, 9.5 cents); consonant shares 0.35 and 0.85; sections of 45 beats; speech from espeak-ng Latgalian (ltg+m2,
 * pitch 33, 102 wpm) and Kurdish (ku+f3, pitch 83, 212 wpm); seeds 6101–6112. 10 songs × 6 sections (60 with a MIDI
 * guide) + 2 × 5 sentences = 70 sections, every one clearly best by construction (one clean take).
 */
export const HELD_OUT_44: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 6101,
        program: 66,
        guideProgram: 68,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.35, reverbLevel: 0.45 },
        sampleRate: 18900,
        tonic: 57,
        bpm: 98,
        takes: 5,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed44('FFOFFO'),
        latencyMs: [0, 21, 0, 0, 0],
        floorDb: [-63, -69, -57, -66, -72],
      },
      {
        seed: 6102,
        program: 69,
        guideProgram: 71,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.5, reverbLevel: 0.2 },
        sampleRate: 48048,
        tonic: 60,
        bpm: 88,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'sixteenth',
        kinds: ['late', 'clip', 'missing', 'detune'],
        defectSizes: mixed44('OOFOOF'),
        latencyMs: 155,
      },
      {
        seed: 6103,
        program: 56,
        guideProgram: 71,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.1, reverbLevel: 0.6 },
        sampleRate: 22254,
        tonic: 55,
        bpm: 120,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'early', 'noise', 'detune'],
        defectSizes: mixed44('FOFFOO'),
      },
      {
        seed: 6104,
        program: 68,
        guideProgram: 66,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.65, reverbLevel: 0.4 },
        sampleRate: 18900,
        tonic: 64,
        bpm: 92,
        takes: 5,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'detune', 'level', 'clip'],
        defectSizes: mixed44('FOFOOO'),
        latencyMs: [15, 0, 0, 15, 70],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 6105,
        voice: DRAMATIC_MEZZO,
        tonic: 62,
        bpm: 104,
        takes: 5,
        scale: 'natural',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'level', 'noise'],
        defectSizes: mixed44('OFFOFO'),
        soxReverb: [62, 30, 48, 0, 17, -9],
        latencyMs: [0, 0, 0, 0, 24],
        sampleRate: 48048,
      },
      {
        seed: 6106,
        voice: LYRIC_BARITONE,
        tonic: 50,
        bpm: 94,
        takes: 5,
        scale: 'lydian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'level', 'detune', 'early'],
        defectSizes: mixed44('OFOFOO'),
        irRoom: { rt60Seconds: 0.75, wet: 0.4, preDelayMs: 15 },
        consonantShare: 0.35,
        floorDb: [-66, -60, -72, -63, -69],
        sampleRate: 22254,
      },
      {
        seed: 6107,
        voice: HAUTE_CONTRE,
        tonic: 59,
        bpm: 112,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'late', 'clip'],
        defectSizes: mixed44('FOOOOF'),
        timingJitterMs: 2.5,
        pitchJitterCents: 1.5,
        latencyMs: [0, 28, 28, 0],
        sampleRate: 18900,
      },
      {
        seed: 6108,
        voice: DRAMATIC_MEZZO,
        tonic: 65,
        bpm: 86,
        takes: 6,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'early', 'level', 'late', 'detune'],
        defectSizes: mixed44('OFFFOO'),
        soxReverb: [70, 18, 60, 0, 9, -7],
        latencyMs: 220,
        sectionBeats: 45,
        sampleRate: 48048,
      },
      {
        seed: 6109,
        voice: LYRIC_BARITONE,
        tonic: 48,
        bpm: 100,
        takes: 5,
        scale: 'melodic',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'early', 'detune', 'clip'],
        defectSizes: mixed44('OOFFOO'),
        irRoom: {
          rt60Seconds: 0.5,
          wet: 0.32,
          preDelayMs: 6,
          dampingHz: 1700,
          reflections: [
            [12, 0.25],
            [31, 0.1],
          ],
        },
        consonantShare: 0.85,
        latencyMs: [0, 0, 52, 0, 17],
        sampleRate: 48048,
      },
      {
        seed: 6110,
        voice: HAUTE_CONTRE,
        tonic: 57,
        bpm: 84,
        takes: 5,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed44('FFOOOO'),
        placement: 'runs',
        timingJitterMs: 22.5,
        pitchJitterCents: 9.5,
        latencyMs: [30, 0, 30, 30, 90],
        floorDb: [-59, -64, -70, -67, -61],
        sampleRate: 22254,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_44_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 6111,
    voice: 'ltg+m2',
    wordsPerMinute: 102,
    espeakPitch: 33,
    takes: 4,
    latencyMs: [0, 0, 0, 23],
    kinds: ['late', 'missing', 'detune', 'level'],
    defectSizes: mixed44('FOOFOO'),
    irRoom: { rt60Seconds: 0.35, wet: 0.22, preDelayMs: 3, dampingHz: 2900 },
    floorDb: [-62, -68, -55, -65],
    sentences: ['Lobs reits.', 'Kai tev īt?', 'Es dzeivoju Latgolā.', 'Iudiņs ir auksts.', 'Paļdis par maizi.'],
  },
  {
    seed: 6112,
    voice: 'ku+f3',
    wordsPerMinute: 212,
    espeakPitch: 83,
    takes: 5,
    latencyMs: [0, 95, 0, 0, 45],
    kinds: ['early', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed44('OOFOFO'),
    soxReverb: [46, 55, 36, 0, 14, -5],
    sentences: ['Rojbaş.', 'Tu çawa yî?', 'Ez xwendekar im.', 'Av sar e.', 'Mala me mezin e.'],
  },
];

/** Voices of held-out-45 (in no set before it): a light agile tenor, a broad dark baritone, a warm round mezzo. */
const LEGGERO_TENOR: VoiceStyle = {
  name: 'leggero tenor',
  formantScale: 1.02,
  vibratoHz: 6.1,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.18,
  driftCents: 3,
  breath: 0.035,
  openPhase: 0.47,
  closePhase: 0.13,
};
const VERDI_BARITONE: VoiceStyle = {
  name: 'Verdi baritone',
  formantScale: 0.91,
  vibratoHz: 5.3,
  vibratoCents: 44,
  vibratoDelaySeconds: 0.27,
  driftCents: 6,
  breath: 0.025,
  openPhase: 0.53,
  closePhase: 0.14,
};
const LYRIC_MEZZO: VoiceStyle = {
  name: 'lyric mezzo',
  formantScale: 1.09,
  vibratoHz: 5.6,
  vibratoCents: 38,
  vibratoDelaySeconds: 0.33,
  driftCents: 5,
  breath: 0.075,
  openPhase: 0.61,
  closePhase: 0.11,
};
/**
 * held-out-45's two spreads of defect size, every edge other than held-out-42's, 43's and 44's: FAINT_SPREAD_45
 * (late 16–27 ms, early 21–29 ms, detunes 9–19 cents, level drops 1.8–4.2 dB, bursts −59…−51 dBFS, clipping 1.3–3.8
 * dB) and ORDINARY_SPREAD_45 (inside defectAmount's own ranges: late 33–115 ms, early 38–105 ms, detunes 22–58
 * cents, level drops 8.2–13.5 dB, bursts −21…−17.5 dBFS, clipping 6.2–11.5 dB). A section is **clearly best** where
 * every take but the clean one carries a missing phrase or a defect of the ordinary spread (a size inside the issue's
 * own ranges); where some take carries only a faint defect, the clean take is best by construction but not clearly.
 */
export const FAINT_SPREAD_45 = {
  late: [16, 27],
  early: [21, 29],
  detune: [9, 19],
  level: [1.8, 4.2],
  noise: [-59, -51],
  clip: [1.3, 3.8],
} as const;
export const ORDINARY_SPREAD_45 = {
  late: [33, 115],
  early: [38, 105],
  detune: [22, 58],
  level: [8.2, 13.5],
  noise: [-21, -17.5],
  clip: [6.2, 11.5],
} as const;
const mixed45 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_45, ORDINARY_SPREAD_45);

/**
 * The forty-fifth held-out set (spec committed before shub's one run on it; 2026-12-05, h-cset66, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **defect sizes a
 * realistic mix with spreads' edges other than held-out-42's, 43's and 44's** (each song's table mixes
 * FAINT_SPREAD_45 — late 16–27 ms, early 21–29 ms, detunes 9–19 cents, level drops 1.8–4.2 dB, bursts −59…−51 dBFS,
 * clipping 1.3–3.8 dB — and ORDINARY_SPREAD_45 — late 33–115 ms, early 38–105 ms, 22–58 cents, 8.2–13.5 dB,
 * −21…−17.5 dBFS, 6.2–11.5 dB — kind by kind: of the 43 (spec, kind) cells the specs' bags draw from, 15 faint and
 * 28 ordinary, nine of the twelve specs with one faint kind only, so that a share of sections is **clearly best**:
 * every other take a missing phrase or an ordinary defect, 21 of the 70 sections by the generator's plan, 60 of the
 * 200 readings over the three modes; the test counts the cells, RESULTS the sections); **take and guide programs
 * new to their bank** (fluidsynth, settings no set used: 42 cello under a 41 viola guide from TimGM6mb, 67 baritone
 * sax under 56 trumpet from sf_GMbank, 70 bassoon under 66 tenor sax from MuseScore General, 60 french horn under 57
 * trombone from FluidR3_GM); **sample rates of real devices no set used** (25.033 and 50.066 kHz, the Atari STE's
 * DMA sound; 44.144 kHz, 44.1 kHz pulled up for film); SoX rooms and convolution rooms no set used; take latencies no
 * set used; floors per take; three voices in no set (leggero tenor, Verdi baritone, lyric mezzo: six sung songs); a
 * tight singer (timing jitter 3.5 ms, pitch jitter 2.5 cents) and a loose one (19.5 ms, 7.5 cents); consonant shares
 * 0.25 and 0.55; sections of 47 beats; speech from espeak-ng Belarusian (be+m4, pitch 42, 108 wpm) and Kyrgyz (ky+f4,
 * pitch 68, 196 wpm); seeds 6201–6212. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections,
 * each with one clean take.
 */
export const HELD_OUT_45: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 6201,
        program: 42,
        guideProgram: 41,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.3, reverbLevel: 0.5 },
        sampleRate: 25033,
        tonic: 50,
        bpm: 90,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'level', 'noise'],
        defectSizes: mixed45('OOOOFO'),
        latencyMs: [0, 0, 26, 0],
      },
      {
        seed: 6202,
        program: 67,
        guideProgram: 56,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.55, reverbLevel: 0.25 },
        sampleRate: 44144,
        tonic: 48,
        bpm: 108,
        takes: 5,
        scale: 'blues',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'early', 'clip', 'level'],
        defectSizes: mixed45('OFOOOO'),
        latencyMs: 180,
      },
      {
        seed: 6203,
        program: 70,
        guideProgram: 66,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.15, reverbLevel: 0.35 },
        sampleRate: 50066,
        tonic: 53,
        bpm: 96,
        takes: 4,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'detune', 'noise'],
        defectSizes: mixed45('FOOOOO'),
      },
      {
        seed: 6204,
        program: 60,
        guideProgram: 57,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.8, reverbLevel: 0.1 },
        sampleRate: 25033,
        tonic: 55,
        bpm: 100,
        takes: 5,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixed45('OOFOOO'),
        latencyMs: [0, 35, 0, 35, 0],
        floorDb: [-68, -61, -74, -65, -70],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 6205,
        voice: LYRIC_MEZZO,
        tonic: 64,
        bpm: 102,
        takes: 4,
        scale: 'minor',
        rhythm: 'sixteenth',
        kinds: ['early', 'missing', 'noise', 'level'],
        defectSizes: mixed45('OFOOOO'),
        soxReverb: [58, 22, 41, 0, 11, -6],
        latencyMs: [0, 0, 19, 0],
        sampleRate: 44144,
      },
      {
        seed: 6206,
        voice: VERDI_BARITONE,
        tonic: 47,
        bpm: 88,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'detune', 'level', 'early'],
        defectSizes: mixed45('FOOFOO'),
        irRoom: { rt60Seconds: 0.65, wet: 0.28, preDelayMs: 9, dampingHz: 2200 },
        consonantShare: 0.25,
        floorDb: [-70, -64, -58, -67, -73],
        sampleRate: 50066,
      },
      {
        seed: 6207,
        voice: LEGGERO_TENOR,
        tonic: 60,
        bpm: 118,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'clip', 'early'],
        defectSizes: mixed45('OOOOOF'),
        timingJitterMs: 3.5,
        pitchJitterCents: 2.5,
        latencyMs: [40, 0, 0, 40],
        sampleRate: 25033,
      },
      {
        seed: 6208,
        voice: LYRIC_MEZZO,
        tonic: 62,
        bpm: 126,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'late', 'level', 'detune', 'early'],
        defectSizes: mixed45('OFOOFO'),
        soxReverb: [84, 12, 66, 0, 7, -9.5],
        latencyMs: 265,
        sectionBeats: 47,
        sampleRate: 44144,
      },
      {
        seed: 6209,
        voice: VERDI_BARITONE,
        tonic: 45,
        bpm: 92,
        takes: 4,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'early', 'noise'],
        defectSizes: mixed45('OOOFOO'),
        irRoom: { rt60Seconds: 0.95, wet: 0.18, preDelayMs: 22 },
        consonantShare: 0.55,
        latencyMs: [0, 63, 0, 0],
        sampleRate: 50066,
      },
      {
        seed: 6210,
        voice: LEGGERO_TENOR,
        tonic: 59,
        bpm: 80,
        takes: 5,
        scale: 'phrygian',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'noise', 'detune', 'clip'],
        defectSizes: mixed45('FOOOOO'),
        placement: 'runs',
        timingJitterMs: 19.5,
        pitchJitterCents: 7.5,
        latencyMs: [18, 0, 18, 0, 75],
        floorDb: [-62, -71, -66, -59, -68],
        sampleRate: 25033,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_45_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 6211,
    voice: 'be+m4',
    wordsPerMinute: 108,
    espeakPitch: 42,
    takes: 4,
    latencyMs: [0, 24, 0, 0],
    kinds: ['late', 'missing', 'detune', 'level'],
    defectSizes: mixed45('OOFOOO'),
    irRoom: { rt60Seconds: 0.4, wet: 0.2, preDelayMs: 5, dampingHz: 3300 },
    floorDb: [-64, -70, -57, -61],
    sentences: ['Добры дзень.', 'Як справы?', 'Я жыву ў Мінску.', 'Вада халодная.', 'Дзякуй за хлеб.'],
  },
  {
    seed: 6212,
    voice: 'ky+f4',
    wordsPerMinute: 196,
    espeakPitch: 68,
    takes: 5,
    latencyMs: [0, 0, 85, 0, 30],
    kinds: ['early', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed45('OFOFOO'),
    soxReverb: [38, 64, 29, 0, 16, -4],
    sentences: ['Саламатсызбы.', 'Кандайсыз?', 'Мен Бишкекте жашайм.', 'Суу муздак.', 'Нан үчүн рахмат.'],
  },
];

/** Voices of held-out-46 (in no set before it): a heavy wide soprano, a quick bright buffo, a sweet light tenor. */
const WAGNERIAN_SOPRANO: VoiceStyle = {
  name: 'Wagnerian soprano',
  formantScale: 1.13,
  vibratoHz: 5.2,
  vibratoCents: 52,
  vibratoDelaySeconds: 0.21,
  driftCents: 7,
  breath: 0.03,
  openPhase: 0.51,
  closePhase: 0.15,
};
const BUFFO_BARITONE: VoiceStyle = {
  name: 'buffo baritone',
  formantScale: 0.94,
  vibratoHz: 6.3,
  vibratoCents: 27,
  vibratoDelaySeconds: 0.12,
  driftCents: 4,
  breath: 0.045,
  openPhase: 0.56,
  closePhase: 0.12,
};
const TENORE_DI_GRAZIA: VoiceStyle = {
  name: 'tenore di grazia',
  formantScale: 1.04,
  vibratoHz: 5.9,
  vibratoCents: 31,
  vibratoDelaySeconds: 0.24,
  driftCents: 2.5,
  breath: 0.065,
  openPhase: 0.44,
  closePhase: 0.1,
};
/**
 * held-out-46's two spreads of defect size, every edge other than held-out-42's, 43's, 44's and 45's: FAINT_SPREAD_46
 * (late 17–25 ms, early 19–27 ms, detunes 10.5–18 cents, level drops 2.2–3.8 dB, bursts −57…−49 dBFS, clipping
 * 1.1–3.2 dB) and ORDINARY_SPREAD_46 (inside defectAmount's own ranges: late 36–108 ms, early 34–96 ms, detunes
 * 26–52 cents, level drops 8.8–12.8 dB, bursts −23.5…−19 dBFS, clipping 6.8–10.8 dB). Clearly best as held-out-45's:
 * every take but the clean one a missing phrase or an ordinary defect.
 */
export const FAINT_SPREAD_46 = {
  late: [17, 25],
  early: [19, 27],
  detune: [10.5, 18],
  level: [2.2, 3.8],
  noise: [-57, -49],
  clip: [1.1, 3.2],
} as const;
export const ORDINARY_SPREAD_46 = {
  late: [36, 108],
  early: [34, 96],
  detune: [26, 52],
  level: [8.8, 12.8],
  noise: [-23.5, -19],
  clip: [6.8, 10.8],
} as const;
const mixed46 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_46, ORDINARY_SPREAD_46);

/**
 * The forty-sixth held-out set (spec committed before shub's one run on it; 2026-12-06, h-cset67, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **defect sizes a
 * realistic mix with spreads' edges other than held-out-42's, 43's, 44's and 45's** (FAINT_SPREAD_46 and
 * ORDINARY_SPREAD_46 kind by kind; the test counts the cells), **a share of sections clearly best** (every other take
 * a missing phrase or an ordinary defect, ordinary level drops and detunes among them: RESULTS counts the sections
 * on the generator's plan); **take and guide programs new to their bank** (fluidsynth, settings no set used: 71
 * clarinet under a 74 recorder guide from sf_GMbank, 73 flute under 69 english horn from the OPL3 bank, 65 alto sax
 * under 70 bassoon from FluidR3Mono, 56 trumpet under 60 french horn from TimGM6mb); **sample rates of a real device
 * no set used** (the Game Boy Advance sound driver's 21.024, 31.536 and 42.048 kHz); SoX rooms and convolution rooms
 * no set used; take latencies no set used; floors per take; three voices in no set (Wagnerian soprano, buffo
 * baritone, tenore di grazia: six sung songs); a tight singer (timing jitter 2 ms, pitch jitter 3.5 cents) and a
 * loose one (24.5 ms, 8.5 cents); consonant shares 0.15 and 0.45; sections of 48 beats; speech from espeak-ng Tatar
 * (tt+m6, pitch 38, 118 wpm) and Nepali (ne+f2, pitch 72, 172 wpm); seeds 6301–6312. 10 songs × 6 sections (60 with
 * a MIDI guide) + 2 × 5 sentences = 70 sections, each with one clean take.
 */
export const HELD_OUT_46: (Song15 & FloorSpec)[] = [
  ...(
    [
      {
        seed: 6301,
        program: 71,
        guideProgram: 74,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.45, reverbLevel: 0.3 },
        sampleRate: 21024,
        tonic: 57,
        bpm: 94,
        takes: 5,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'detune', 'late', 'noise'],
        defectSizes: mixed46('FOOOFO'),
        latencyMs: [0, 0, 0, 32, 0],
      },
      {
        seed: 6302,
        program: 73,
        guideProgram: 69,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.27, reverbLevel: 0.61 },
        sampleRate: 42048,
        tonic: 65,
        bpm: 112,
        takes: 4,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'early', 'level'],
        defectSizes: mixed46('OFOOOO'),
        latencyMs: 143,
      },
      {
        seed: 6303,
        program: 65,
        guideProgram: 70,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.7, reverbLevel: 0.15 },
        sampleRate: 31536,
        tonic: 55,
        bpm: 86,
        takes: 5,
        scale: 'blues',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'level', 'clip', 'detune'],
        defectSizes: mixed46('FOOOOF'),
        floorDb: [-66, -60, -72, -63, -69],
      },
      {
        seed: 6304,
        program: 56,
        guideProgram: 60,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.9, reverbLevel: 0.2 },
        sampleRate: 21024,
        tonic: 58,
        bpm: 104,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'detune', 'level'],
        defectSizes: mixed46('OOOOFO'),
        latencyMs: [0, 44, 0, 0],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
  ...(
    [
      {
        seed: 6305,
        voice: WAGNERIAN_SOPRANO,
        tonic: 67,
        bpm: 96,
        takes: 5,
        scale: 'minor',
        rhythm: 'sixteenth',
        kinds: ['level', 'missing', 'early', 'detune', 'noise'],
        defectSizes: mixed46('OFOOFO'),
        soxReverb: [62, 28, 47, 0, 13, -7],
        latencyMs: [0, 0, 29, 0, 0],
        sampleRate: 31536,
      },
      {
        seed: 6306,
        voice: BUFFO_BARITONE,
        tonic: 48,
        bpm: 116,
        takes: 4,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'late', 'level'],
        defectSizes: mixed46('FOOOOO'),
        irRoom: { rt60Seconds: 0.58, wet: 0.24, preDelayMs: 12, dampingHz: 2400 },
        consonantShare: 0.15,
        floorDb: [-69, -63, -75, -60],
        sampleRate: 42048,
      },
      {
        seed: 6307,
        voice: TENORE_DI_GRAZIA,
        tonic: 58,
        bpm: 100,
        takes: 5,
        scale: 'lydian',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'clip', 'level', 'detune'],
        defectSizes: mixed46('OOFOOF'),
        timingJitterMs: 2,
        pitchJitterCents: 3.5,
        latencyMs: [36, 0, 0, 36, 0],
        sampleRate: 21024,
      },
      {
        seed: 6308,
        voice: WAGNERIAN_SOPRANO,
        tonic: 65,
        bpm: 84,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'level', 'late'],
        defectSizes: mixed46('OOOFOO'),
        soxReverb: [78, 16, 59, 0, 9, -8.5],
        latencyMs: 234,
        sectionBeats: 48,
        sampleRate: 31536,
      },
      {
        seed: 6309,
        voice: BUFFO_BARITONE,
        tonic: 46,
        bpm: 90,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'late', 'detune', 'noise'],
        defectSizes: mixed46('OOOOFO'),
        irRoom: { rt60Seconds: 1.05, wet: 0.16, preDelayMs: 26 },
        consonantShare: 0.45,
        latencyMs: [0, 0, 0, 58, 0],
        sampleRate: 42048,
      },
      {
        seed: 6310,
        voice: TENORE_DI_GRAZIA,
        tonic: 57,
        bpm: 122,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: mixed46('FOOOOO'),
        placement: 'runs',
        timingJitterMs: 24.5,
        pitchJitterCents: 8.5,
        latencyMs: [22, 0, 22, 70],
        floorDb: [-61, -70, -65, -58],
        sampleRate: 21024,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6 })),
];
export const HELD_OUT_46_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec)[] = [
  {
    seed: 6311,
    voice: 'tt+m6',
    wordsPerMinute: 118,
    espeakPitch: 38,
    takes: 5,
    latencyMs: [0, 0, 0, 27, 0],
    kinds: ['late', 'missing', 'level', 'detune', 'noise'],
    defectSizes: mixed46('FOOFOO'),
    irRoom: { rt60Seconds: 0.45, wet: 0.22, preDelayMs: 7, dampingHz: 3800 },
    floorDb: [-63, -68, -59, -65, -72],
    sentences: ['Исәнмесез.', 'Хәлләр ничек?', 'Мин Казанда яшим.', 'Су салкын.', 'Икмәк өчен рәхмәт.'],
  },
  {
    seed: 6312,
    voice: 'ne+f2',
    wordsPerMinute: 172,
    espeakPitch: 72,
    takes: 4,
    latencyMs: [0, 92, 0, 35],
    kinds: ['early', 'missing', 'detune', 'level'],
    defectSizes: mixed46('OFOOOO'),
    soxReverb: [44, 58, 33, 0, 18, -3],
    sentences: ['नमस्ते।', 'तपाईंलाई कस्तो छ?', 'म काठमाडौंमा बस्छु।', 'पानी चिसो छ।', 'रोटीको लागि धन्यवाद।'],
  },
];

/** Voices of held-out-47 (in no set before): a ringing verismo tenor, an agile Rossini mezzo, a deep Russian bass. */
const VERISMO_TENOR: VoiceStyle = {
  name: 'verismo tenor',
  formantScale: 1.03,
  vibratoHz: 5.6,
  vibratoCents: 46,
  vibratoDelaySeconds: 0.17,
  driftCents: 5.5,
  breath: 0.055,
  openPhase: 0.47,
  closePhase: 0.14,
};
const ROSSINI_MEZZO: VoiceStyle = {
  name: 'Rossini mezzo',
  formantScale: 1.08,
  vibratoHz: 6.6,
  vibratoCents: 38,
  vibratoDelaySeconds: 0.15,
  driftCents: 3.5,
  breath: 0.075,
  openPhase: 0.53,
  closePhase: 0.16,
};
const RUSSIAN_BASS: VoiceStyle = {
  name: 'Russian bass',
  formantScale: 0.84,
  vibratoHz: 5.1,
  vibratoCents: 33,
  vibratoDelaySeconds: 0.28,
  driftCents: 6.5,
  breath: 0.035,
  openPhase: 0.42,
  closePhase: 0.11,
};
/**
 * held-out-47's two spreads of defect size, every edge other than held-out-42's to 46's: FAINT_SPREAD_47 (late
 * 18.5–26.5 ms, early 17.5–25.5 ms, detunes 11.5–19.5 cents, level drops 2.4–4.4 dB, bursts −55…−47 dBFS, clipping
 * 1.4–3.4 dB) and ORDINARY_SPREAD_47 (inside defectAmount's own ranges: late 38–104 ms, early 31–98 ms, detunes
 * 23–54 cents, level drops 8.6–13.2 dB, bursts −22.5…−18.5 dBFS, clipping 6.4–11.2 dB). Clearly best as held-out-46's:
 * every take but the clean one a missing phrase or an ordinary defect.
 */
export const FAINT_SPREAD_47 = {
  late: [18.5, 26.5],
  early: [17.5, 25.5],
  detune: [11.5, 19.5],
  level: [2.4, 4.4],
  noise: [-55, -47],
  clip: [1.4, 3.4],
} as const;
export const ORDINARY_SPREAD_47 = {
  late: [38, 104],
  early: [31, 98],
  detune: [23, 54],
  level: [8.6, 13.2],
  noise: [-22.5, -18.5],
  clip: [6.4, 11.2],
} as const;
const mixed47 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_47, ORDINARY_SPREAD_47);
/**
 * held-out-47's ordinary traits of real takes (OrdinaryTraits), on every take: the played songs a vibrato of their
 * own (8–22 cents at 4.8–6.2 Hz), scoops into a third of the notes (40–100 cents, 50–110 ms), breaths before 70 % of
 * the phrases (20–30 dB under the phrase), swells of up to ±2 dB, 40 % of the phrases let go up to 120 ms early; the
 * sung songs (the voice's own vibrato) scoops into 40 % of the notes (50–120 cents, 60–130 ms), breaths before 80 %
 * (18–28 dB under), swells of up to ±2.5 dB, 40 % let go up to 150 ms early; the spoken takes breaths before 80 % of
 * the sentences (16–26 dB under) and swells of up to ±3 dB.
 */
const PLAYED_47: OrdinaryTraits = {
  vibratoCents: [8, 22],
  vibratoHz: [4.8, 6.2],
  scoopShare: 0.33,
  scoopCents: [40, 100],
  scoopMs: [50, 110],
  breathShare: 0.7,
  breathDb: [20, 30],
  swellDb: 2,
  releaseShare: 0.4,
  releaseMs: 120,
};
const SUNG_47: OrdinaryTraits = {
  scoopShare: 0.4,
  scoopCents: [50, 120],
  scoopMs: [60, 130],
  breathShare: 0.8,
  breathDb: [18, 28],
  swellDb: 2.5,
  releaseShare: 0.4,
  releaseMs: 150,
};
const SPOKEN_47: OrdinaryTraits = { breathShare: 0.8, breathDb: [16, 26], swellDb: 3 };

/**
 * The forty-seventh held-out set (spec committed before shub's one run on it; 2026-12-06, h-cset68, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **the ordinary traits
 * of real takes on every take, the clean one too** (OrdinaryTraits: a vibrato of the played takes' own, scoops into
 * notes, breaths before phrases, swells and early releases; no set had them); **defect sizes a realistic mix with
 * spreads' edges other than held-out-42's to 46's** (FAINT_SPREAD_47 and ORDINARY_SPREAD_47 kind by kind; the test
 * counts the cells), **a share of sections clearly best** (every other take a missing phrase or an ordinary defect:
 * RESULTS counts the sections on the generator's plan); **take and guide programs new to their bank** (fluidsynth,
 * settings no set used: 66 tenor sax under a 41 viola guide from MuseScore General, 40 violin under 57 trombone from
 * the OPL3 bank, 69 english horn under 56 trumpet from FluidR3, 64 soprano sax under 74 recorder from TimGM6mb);
 * **sample rates of a real device no set used** (the Amiga's Paula at PAL periods 214 — ProTracker's C-3 —, 160 and
 * 124: 16.574, 22.168 and 28.604 kHz); SoX rooms and convolution rooms no set used; take latencies no set used;
 * floors per take; three voices in no set (verismo tenor, Rossini mezzo, Russian bass: six sung songs); a tight
 * singer (timing jitter 4.5 ms, pitch jitter 5.5 cents) and a loose one (21.5 ms, 12.5 cents); consonant shares 0.38
 * and 0.62; sections of 49 beats; speech from espeak-ng Amharic (am+m1, pitch 47, 122 wpm) and Malayalam (ml+f4,
 * pitch 64, 168 wpm); seeds 6401–6412. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections,
 * each with one clean take.
 */
export const HELD_OUT_47: (Song15 & FloorSpec & OrdinarySpec)[] = [
  ...(
    [
      {
        seed: 6401,
        program: 66,
        guideProgram: 41,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.33, reverbLevel: 0.52 },
        sampleRate: 22168,
        tonic: 55,
        bpm: 98,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'detune', 'level', 'noise'],
        defectSizes: mixed47('FOOOFO'),
        latencyMs: [0, 0, 41, 0, 0],
      },
      {
        seed: 6402,
        program: 40,
        guideProgram: 57,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.62, reverbLevel: 0.44 },
        sampleRate: 28604,
        tonic: 67,
        bpm: 88,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'early', 'level'],
        defectSizes: mixed47('OOFOOO'),
        latencyMs: 151,
      },
      {
        seed: 6403,
        program: 69,
        guideProgram: 56,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.84, reverbLevel: 0.26 },
        sampleRate: 16574,
        tonic: 60,
        bpm: 108,
        takes: 5,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'clip', 'late', 'detune'],
        defectSizes: mixed47('OOOFOF'),
        floorDb: [-67, -61, -73, -64, -70],
      },
      {
        seed: 6404,
        program: 64,
        guideProgram: 74,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.18, reverbLevel: 0.78 },
        sampleRate: 22168,
        tonic: 62,
        bpm: 118,
        takes: 4,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'detune', 'early'],
        defectSizes: mixed47('OFOOOO'),
        latencyMs: [0, 0, 53, 0],
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6, ordinary: PLAYED_47 })),
  ...(
    [
      {
        seed: 6405,
        voice: VERISMO_TENOR,
        tonic: 57,
        bpm: 92,
        takes: 5,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed47('OFOOFO'),
        soxReverb: [66, 24, 52, 0, 15, -6],
        latencyMs: [0, 33, 0, 0, 0],
        sampleRate: 28604,
      },
      {
        seed: 6406,
        voice: ROSSINI_MEZZO,
        tonic: 64,
        bpm: 126,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'late', 'level'],
        defectSizes: mixed47('OOFOOO'),
        irRoom: { rt60Seconds: 0.68, wet: 0.2, preDelayMs: 9, dampingHz: 3400 },
        consonantShare: 0.38,
        floorDb: [-70, -64, -58, -67],
        sampleRate: 16574,
      },
      {
        seed: 6407,
        voice: RUSSIAN_BASS,
        tonic: 43,
        bpm: 80,
        takes: 5,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixed47('FOOOOF'),
        timingJitterMs: 4.5,
        pitchJitterCents: 5.5,
        latencyMs: [27, 0, 0, 27, 0],
        sampleRate: 22168,
      },
      {
        seed: 6408,
        voice: VERISMO_TENOR,
        tonic: 55,
        bpm: 86,
        takes: 4,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed47('OOOOFO'),
        soxReverb: [73, 19, 57, 0, 11, -7.5],
        latencyMs: 198,
        sectionBeats: 49,
        sampleRate: 28604,
      },
      {
        seed: 6409,
        voice: ROSSINI_MEZZO,
        tonic: 62,
        bpm: 102,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed47('FOOOOO'),
        irRoom: { rt60Seconds: 1.4, wet: 0.14, preDelayMs: 31 },
        consonantShare: 0.62,
        latencyMs: [0, 0, 0, 0, 49],
        sampleRate: 16574,
      },
      {
        seed: 6410,
        voice: RUSSIAN_BASS,
        tonic: 45,
        bpm: 112,
        takes: 4,
        scale: 'blues',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'level'],
        defectSizes: mixed47('OFOOOO'),
        placement: 'runs',
        timingJitterMs: 21.5,
        pitchJitterCents: 12.5,
        latencyMs: [18, 0, 18, 63],
        floorDb: [-59, -68, -62, -56],
        sampleRate: 22168,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6, ordinary: SUNG_47 })),
];
export const HELD_OUT_47_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec & OrdinarySpec)[] =
  [
    {
      seed: 6411,
      voice: 'am+m1',
      wordsPerMinute: 122,
      espeakPitch: 47,
      takes: 5,
      latencyMs: [0, 0, 38, 0, 0],
      kinds: ['late', 'missing', 'level', 'detune', 'noise'],
      defectSizes: mixed47('FOOOFO'),
      irRoom: { rt60Seconds: 0.52, wet: 0.2, preDelayMs: 6, dampingHz: 1200 },
      floorDb: [-64, -70, -61, -67, -73],
      ordinary: SPOKEN_47,
      sentences: ['ሰላም።', 'እንዴት ነህ?', 'እኔ በአዲስ አበባ እኖራለሁ።', 'ውሃው ቀዝቃዛ ነው።', 'ስለ ዳቦው አመሰግናለሁ።'],
    },
    {
      seed: 6412,
      voice: 'ml+f4',
      wordsPerMinute: 168,
      espeakPitch: 64,
      takes: 4,
      latencyMs: [0, 84, 0, 31],
      kinds: ['early', 'missing', 'detune', 'level'],
      defectSizes: mixed47('OFOOOO'),
      soxReverb: [57, 48, 36, 0, 19, -4],
      ordinary: SPOKEN_47,
      sentences: ['നമസ്കാരം.', 'സുഖമാണോ?', 'ഞാൻ കൊച്ചിയിൽ താമസിക്കുന്നു.', 'വെള്ളം തണുത്തതാണ്.', 'റൊട്ടിക്ക് നന്ദി.'],
    },
  ];

/** Voices of held-out-48 (in no set before it): a Broadway baritone, an a-cappella alto, a Baroque countertenor. */
const BROADWAY_BARITONE: VoiceStyle = {
  name: 'Broadway baritone',
  formantScale: 0.95,
  vibratoHz: 5.9,
  vibratoCents: 42,
  vibratoDelaySeconds: 0.22,
  driftCents: 4.5,
  breath: 0.05,
  openPhase: 0.45,
  closePhase: 0.13,
};
const A_CAPPELLA_ALTO: VoiceStyle = {
  name: 'a-cappella alto',
  formantScale: 1.11,
  vibratoHz: 5.3,
  vibratoCents: 24,
  vibratoDelaySeconds: 0.31,
  driftCents: 3,
  breath: 0.065,
  openPhase: 0.5,
  closePhase: 0.15,
};
const BAROQUE_COUNTERTENOR: VoiceStyle = {
  name: 'Baroque countertenor',
  formantScale: 1.06,
  vibratoHz: 6.3,
  vibratoCents: 28,
  vibratoDelaySeconds: 0.26,
  driftCents: 2.5,
  breath: 0.045,
  openPhase: 0.48,
  closePhase: 0.12,
};
/**
 * held-out-48's two spreads of defect size, every edge other than held-out-42's to 47's: FAINT_SPREAD_48 (late
 * 19.5–27.5 ms, early 18.5–24.5 ms, detunes 12.5–20.5 cents, level drops 2.6–4.6 dB, bursts −54…−46 dBFS, clipping
 * 1.6–3.6 dB) and ORDINARY_SPREAD_48 (inside defectAmount's own ranges: late 37–102 ms, early 33–94 ms, detunes
 * 21–51 cents, level drops 8.4–12.6 dB, bursts −22.8…−17.2 dBFS, clipping 6.6–10.6 dB). Clearly best as held-out-47's:
 * every take but the clean one a missing phrase or an ordinary defect.
 */
export const FAINT_SPREAD_48 = {
  late: [19.5, 27.5],
  early: [18.5, 24.5],
  detune: [12.5, 20.5],
  level: [2.6, 4.6],
  noise: [-54, -46],
  clip: [1.6, 3.6],
} as const;
export const ORDINARY_SPREAD_48 = {
  late: [37, 102],
  early: [33, 94],
  detune: [21, 51],
  level: [8.4, 12.6],
  noise: [-22.8, -17.2],
  clip: [6.6, 10.6],
} as const;
const mixed48 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_48, ORDINARY_SPREAD_48);
/**
 * held-out-48's performers (Performer). Vibrato of the played takes from string players' measured extents, 0.2–0.35
 * semitone peak to peak (Seashore 1938, Meyer 1992, as Timmers & Desain 2000 sum them up: ±10–17.5 cents), at
 * 5.2–6.8 Hz (singers' and players' 5.5–8 Hz, the rate rising toward the note's end: Prame 1994, JASA 96); the sung
 * takes keep their voice's own vibrato. Intonation: a take's notes σ 4–5 cents and its phrase drift σ 3–5 cents (a
 * few cents: Mauch, Frieler & Dixon 2014, JASA 136, measured a median drift of 11 cents over a whole ~50 s song).
 * **The guide's person** errs as a guide singer does: its notes σ 14 cents (median |error| 9.4 cents, half of the
 * 19 cents median note error Mauch et al. measured over singers of every ability), its phrase drift σ 6 cents, each
 * phrase entered early or late by σ 16 ms (at most 40 ms; ensemble players' onsets differ by 30–50 ms, Rasch 1979) —
 * the spoken guide σ 8 cents per sentence, entries σ 22 ms (at most 55 ms). Breaths and their sizes: 0.25–0.5 s
 * (speech 0.3–0.6 s), 22–34 dB under the phrase (the bowed takes' rarer, 30–38 dB): the levels chosen, no measured
 * level found to cite.
 */
const WIND_48: Performer = {
  vibratoCents: [9, 18],
  vibratoHz: [5.2, 6.8],
  vibratoOnsetS: [0.12, 0.32],
  glideShare: 0.25,
  glideCents: 250,
  glideMs: [35, 90],
  noteCents: 4,
  driftCents: 3,
  attackShare: 0.5,
  attackMs: [12, 35],
  attackDb: [20, 30],
  breathShare: 0.6,
  breathSeconds: [0.25, 0.5],
  breathDb: [24, 34],
  fadeDb: 3,
};
const BOWED_48: Performer = {
  vibratoCents: [10, 17.5],
  vibratoHz: [5.4, 6.6],
  vibratoOnsetS: [0.1, 0.25],
  glideShare: 0.3,
  glideCents: 300,
  glideMs: [40, 110],
  noteCents: 5,
  driftCents: 3,
  attackShare: 0.6,
  attackMs: [15, 40],
  attackDb: [22, 32],
  breathShare: 0.2,
  breathSeconds: [0.2, 0.35],
  breathDb: [30, 38],
  fadeDb: 2.5,
};
const SUNG_48: Performer = {
  glideShare: 0.35,
  glideCents: 300,
  glideMs: [50, 130],
  noteCents: 5,
  driftCents: 5,
  attackShare: 0.25,
  attackMs: [8, 20],
  attackDb: [24, 34],
  breathShare: 0.75,
  breathSeconds: [0.25, 0.5],
  breathDb: [22, 32],
  fadeDb: 3,
};
const SPOKEN_48: Performer = {
  glideShare: 0,
  glideCents: 0,
  glideMs: [0, 0],
  noteCents: 4,
  driftCents: 0,
  attackShare: 0,
  attackMs: [0, 0],
  attackDb: [0, 0],
  breathShare: 0.7,
  breathSeconds: [0.3, 0.6],
  breathDb: [20, 30],
  fadeDb: 2.5,
};
const GUIDE_PLAYED_48: Performer = {
  vibratoCents: [12, 24],
  vibratoHz: [5.3, 6.4],
  vibratoOnsetS: [0.15, 0.35],
  glideShare: 0.3,
  glideCents: 250,
  glideMs: [40, 100],
  noteCents: 14,
  driftCents: 6,
  attackShare: 0.3,
  attackMs: [10, 30],
  attackDb: [22, 32],
  breathShare: 0.6,
  breathSeconds: [0.25, 0.5],
  breathDb: [22, 32],
  fadeDb: 3,
  entryMs: 16,
};
const GUIDE_SUNG_48: Performer = { ...SUNG_48, noteCents: 14, driftCents: 6, breathShare: 0.7, entryMs: 16 };
const GUIDE_SPOKEN_48: Performer = { ...SPOKEN_48, noteCents: 8, entryMs: 22 };

/**
 * The forty-eighth held-out set (spec committed before shub's one run on it; 2026-12-06, h-cset69, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **every take played
 * or sung by a performer of held-out-48's own model** (Performer: notes read at their own rate and spliced at their
 * onsets; per-note vibrato of measured extents and rates on the played takes, glides from the previous note, note
 * intonation and a phrase drift, noise at note starts, breaths shaped as inhalations, phrase-final fades) and, new,
 * **the guide vocal sung by a person too** (its own traits, note errors σ 14 cents, phrase drift σ 6 cents and phrase
 * entries σ 16 ms; the spoken guide σ 8 cents and 22 ms); **defect sizes a realistic mix with spreads' edges other
 * than held-out-42's to 47's** (FAINT_SPREAD_48 and ORDINARY_SPREAD_48 kind by kind; the test counts the cells),
 * **a share of sections clearly best** (every other take a missing phrase or an ordinary defect: RESULTS counts the
 * sections on the generator's plan); **take and guide programs new to their bank** (fluidsynth, settings no set used:
 * 65 alto sax under a 54 synth-voice guide from FluidR3, 42 cello under 73 flute from FluidR3Mono, 40 violin under 52
 * choir aahs from the sf_GMbank, 68 oboe under 53 voice oohs from MuseScore General); **sample rates of a real device
 * no set used** (the Atari Falcon030's codec, 25.175 MHz / 256 / 5, 4 and 3: 19.668, 24.585 and 32.78 kHz); SoX
 * rooms and convolution rooms no set used; take latencies no set used; floors per take; three voices in no set
 * (Broadway baritone, a-cappella alto, Baroque countertenor: six sung songs); a tight singer (timing jitter 5.5 ms,
 * pitch jitter 4.5 cents) and a loose one (18.5 ms, 11.5 cents); consonant shares 0.33 and 0.68; sections of 50
 * beats; speech from espeak-ng Telugu (te+David, pitch 52, 132 wpm) and Punjabi (pa+f3, pitch 77, 176 wpm); seeds
 * 6501–6512. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, each with one clean take.
 */
export const HELD_OUT_48: (Song15 & FloorSpec & PerformerSpec)[] = [
  ...(
    [
      {
        seed: 6501,
        program: 65,
        guideProgram: 54,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.27, reverbLevel: 0.63 },
        sampleRate: 24585,
        tonic: 58,
        bpm: 94,
        takes: 5,
        scale: 'melodic',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed48('OFFOOO'),
        latencyMs: [0, 0, 0, 36, 0],
        performer: WIND_48,
      },
      {
        seed: 6502,
        program: 42,
        guideProgram: 73,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.71, reverbLevel: 0.37 },
        sampleRate: 32780,
        tonic: 48,
        bpm: 84,
        takes: 4,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'detune', 'clip'],
        defectSizes: mixed48('FOOOOF'),
        latencyMs: 122,
        performer: BOWED_48,
      },
      {
        seed: 6503,
        program: 40,
        guideProgram: 52,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.46, reverbLevel: 0.58 },
        sampleRate: 19668,
        tonic: 67,
        bpm: 112,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'late', 'level', 'noise'],
        defectSizes: mixed48('FOOOOO'),
        floorDb: [-69, -63, -72, -60, -66],
        performer: BOWED_48,
      },
      {
        seed: 6504,
        program: 68,
        guideProgram: 53,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.93, reverbLevel: 0.22 },
        sampleRate: 24585,
        tonic: 64,
        bpm: 104,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'early', 'detune'],
        defectSizes: mixed48('OOOFOO'),
        latencyMs: [0, 47, 0, 0],
        performer: WIND_48,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec & PerformerSpec)[]
  ).map((o) => ({ ...o, sections: 6, guideSinger: GUIDE_PLAYED_48 })),
  ...(
    [
      {
        seed: 6505,
        voice: BROADWAY_BARITONE,
        tonic: 50,
        bpm: 96,
        takes: 5,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'level', 'noise'],
        defectSizes: mixed48('OOOFFO'),
        soxReverb: [61, 33, 44, 0, 13, -5.5],
        latencyMs: [0, 0, 29, 0, 58],
        sampleRate: 32780,
      },
      {
        seed: 6506,
        voice: A_CAPPELLA_ALTO,
        tonic: 60,
        bpm: 118,
        takes: 4,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'early', 'level'],
        defectSizes: mixed48('OOOFOO'),
        irRoom: { rt60Seconds: 0.81, wet: 0.17, preDelayMs: 13, dampingHz: 2700 },
        consonantShare: 0.33,
        floorDb: [-66, -72, -60, -69],
        sampleRate: 19668,
      },
      {
        seed: 6507,
        voice: BAROQUE_COUNTERTENOR,
        tonic: 62,
        bpm: 76,
        takes: 5,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'early', 'clip', 'detune'],
        defectSizes: mixed48('OOOFOF'),
        timingJitterMs: 5.5,
        pitchJitterCents: 4.5,
        latencyMs: [22, 0, 0, 0, 22],
        sampleRate: 24585,
      },
      {
        seed: 6508,
        voice: BROADWAY_BARITONE,
        tonic: 47,
        bpm: 90,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'late'],
        defectSizes: mixed48('FOOOOO'),
        soxReverb: [78, 12, 61, 0, 9, -8],
        latencyMs: 173,
        sectionBeats: 50,
        sampleRate: 32780,
      },
      {
        seed: 6509,
        voice: A_CAPPELLA_ALTO,
        tonic: 57,
        bpm: 108,
        takes: 5,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed48('OFOOFO'),
        irRoom: { rt60Seconds: 1.15, wet: 0.12, preDelayMs: 24 },
        consonantShare: 0.68,
        latencyMs: [0, 0, 0, 44, 0],
        sampleRate: 19668,
      },
      {
        seed: 6510,
        voice: BAROQUE_COUNTERTENOR,
        tonic: 65,
        bpm: 100,
        takes: 4,
        scale: 'blues',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: mixed48('OOFOOO'),
        placement: 'runs',
        timingJitterMs: 18.5,
        pitchJitterCents: 11.5,
        latencyMs: [0, 21, 57, 21],
        floorDb: [-61, -57, -70, -64],
        sampleRate: 24585,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6, performer: SUNG_48, guideSinger: GUIDE_SUNG_48 })),
];
export const HELD_OUT_48_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec & PerformerSpec)[] =
  [
    {
      seed: 6511,
      voice: 'te+David',
      wordsPerMinute: 132,
      espeakPitch: 52,
      takes: 5,
      latencyMs: [0, 0, 0, 0, 42],
      kinds: ['early', 'missing', 'level', 'detune', 'noise'],
      defectSizes: mixed48('OFOOOO'),
      irRoom: { rt60Seconds: 0.44, wet: 0.22, preDelayMs: 5, dampingHz: 1600 },
      floorDb: [-68, -62, -71, -65, -59],
      performer: SPOKEN_48,
      guideSinger: GUIDE_SPOKEN_48,
      sentences: ['నమస్కారం.', 'మీరు ఎలా ఉన్నారు?', 'నేను ఇంట్లో ఉంటాను.', 'నీళ్ళు చల్లగా ఉన్నాయి.', 'ధన్యవాదాలు.'],
    },
    {
      seed: 6512,
      voice: 'pa+f3',
      wordsPerMinute: 176,
      espeakPitch: 77,
      takes: 4,
      latencyMs: [0, 67, 0, 26],
      kinds: ['late', 'missing', 'detune', 'level'],
      defectSizes: mixed48('OOOFOO'),
      soxReverb: [52, 57, 41, 0, 23, -3.5],
      performer: SPOKEN_48,
      guideSinger: GUIDE_SPOKEN_48,
      sentences: ['ਸਤ ਸ੍ਰੀ ਅਕਾਲ।', 'ਤੁਸੀਂ ਕਿਵੇਂ ਹੋ?', 'ਮੈਂ ਘਰ ਵਿੱਚ ਹਾਂ।', 'ਪਾਣੀ ਠੰਡਾ ਹੈ।', 'ਰੋਟੀ ਲਈ ਧੰਨਵਾਦ।'],
    },
  ];

/** Voices of held-out-49 (in no set before it): a musical-theatre belter, an operetta tenor, a cantata bass. */
const THEATRE_BELTER: VoiceStyle = {
  name: 'musical-theatre belter',
  formantScale: 1.08,
  vibratoHz: 5.6,
  vibratoCents: 31,
  vibratoDelaySeconds: 0.36,
  driftCents: 3.5,
  breath: 0.035,
  openPhase: 0.42,
  closePhase: 0.11,
};
const OPERETTA_TENOR: VoiceStyle = {
  name: 'operetta tenor',
  formantScale: 1.01,
  vibratoHz: 5.1,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.41,
  driftCents: 2,
  breath: 0.055,
  openPhase: 0.53,
  closePhase: 0.14,
};
const CANTATA_BASS: VoiceStyle = {
  name: 'cantata bass',
  formantScale: 0.89,
  vibratoHz: 5.4,
  vibratoCents: 37,
  vibratoDelaySeconds: 0.24,
  driftCents: 4,
  breath: 0.06,
  openPhase: 0.47,
  closePhase: 0.16,
};
/**
 * held-out-49's two spreads of defect size, every edge other than held-out-42's to 48's: FAINT_SPREAD_49 (late
 * 20.5–28.5 ms, early 17.8–25.8 ms, detunes 11.8–19.8 cents, level drops 2.3–4.3 dB, bursts −53…−45.5 dBFS, clipping
 * 1.35–3.3 dB) and ORDINARY_SPREAD_49 (inside defectAmount's own ranges: late 39–98 ms, early 36–89 ms, detunes
 * 22.5–49 cents, level drops 8.3–12.2 dB, bursts −23.4…−17.6 dBFS, clipping 6.3–10.2 dB). Clearly best as held-out-47's
 * and 48's: every take but the clean one a missing phrase or an ordinary defect.
 */
export const FAINT_SPREAD_49 = {
  late: [20.5, 28.5],
  early: [17.8, 25.8],
  detune: [11.8, 19.8],
  level: [2.3, 4.3],
  noise: [-53, -45.5],
  clip: [1.35, 3.3],
} as const;
export const ORDINARY_SPREAD_49 = {
  late: [39, 98],
  early: [36, 89],
  detune: [22.5, 49],
  level: [8.3, 12.2],
  noise: [-23.4, -17.6],
  clip: [6.3, 10.2],
} as const;
const mixed49 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_49, ORDINARY_SPREAD_49);
/**
 * held-out-49's phrasing (Phrasing), sizes and where they come from. Rubato: the tempo arch — slower at a phrase's
 * beginning and end, faster in its middle (Todd 1992, JASA 91; the parabolic timing of Repp 1992, JASA 92; the phrase
 * arches of Chaffin et al. 2016, Front. Psychol. 7:1490) — sized for a take played to a click, far under those
 * concert measurements: the middle onsets 4–14 ms early (sung 5–18), the last note 10–30 ms late (sung 15–40; spoken
 * none) — **chosen**. Dynamics arcs (phrase-level dynamics shapes as Repp 1999, JASA 105, measured pianists'): 2–5 dB
 * peak to peak (sung 3–6), crescendo / decrescendo / arch 35 / 35 / 30 % (sung 30 / 30 / 40; spoken a declination,
 * decrescendo 80 %) — **chosen**. Late vibrato on the played takes only (the sung takes keep their voice's own):
 * notes of 0.45 s or longer, from 35–60 % of the note, extents ±10.5–17 cents on the bowed take (inside string
 * players' 0.2–0.35 semitone peak to peak: Seashore 1938 as Timmers & Desain 2000 sum it up) at 5.6–6.6 Hz, ±7–15
 * cents on the winds at 5–6 Hz (narrower: a choice). Note-end falls of 15–45 cents over 60–140 ms on 30 % of the
 * played phrases' last notes (sung 20–60 cents over 80–180 ms on 40 %; spoken 25–60 cents over 150–300 ms on 70 %: a
 * sentence's final lowering) — **chosen, no measured size found**. Consonant onsets: sung 35 % of the notes, 35–75 ms
 * under a 550 Hz low-pass, 7–13 dB under (a nasal murmur's energy sits low: Fujimura 1962, JASA 34; the level
 * chosen); played 45 % (winds) and 55 % (bowed), 12–30 / 18–40 ms, 1200 / 900 Hz, 4–9 / 5–10 dB — **chosen**.
 * Breaths between phrases (breaths are in most song recordings: Ruinskiy & Lavner 2007, IEEE TASLP 15): before 70 %
 * of the wind phrases (0.2–0.42 s, 26–36 dB under), 15 % of the bowed (0.18–0.3 s, 32–40 dB), 80 % of the sung
 * (0.25–0.55 s, 20–30 dB), 75 % of the sentences (0.3–0.6 s, 18–28 dB) — durations and levels **chosen**. **The
 * guide's person**: its notes off by σ 11 cents (played guide) or 12 (sung) — a session guide singer, under the
 * 19-cent median note error Mauch, Frieler & Dixon 2014 (JASA 136) measured over singers of every ability, and under
 * held-out-48's 14 — each phrase entered σ 13 ms (sung 14; at most 2.5 σ), the spoken guide σ 7 cents per sentence and
 * σ 18 ms; its own arches, arcs, falls and breaths as the takes'.
 */
const WIND_49: Phrasing = {
  archMs: [4, 14],
  finalMs: [10, 30],
  arcDb: [2, 5],
  arcShares: [0.35, 0.35, 0.3],
  vibrato: { minS: 0.45, at: [0.35, 0.6], cents: [7, 15], hz: [5, 6] },
  fallShare: 0.3,
  fallCents: [15, 45],
  fallMs: [60, 140],
  onsetShare: 0.45,
  onsetMs: [12, 30],
  onsetHz: 1200,
  onsetDb: [4, 9],
  breathShare: 0.7,
  breathSeconds: [0.2, 0.42],
  breathDb: [26, 36],
};
const BOWED_49: Phrasing = {
  ...WIND_49,
  vibrato: { minS: 0.45, at: [0.35, 0.6], cents: [10.5, 17], hz: [5.6, 6.6] },
  onsetShare: 0.55,
  onsetMs: [18, 40],
  onsetHz: 900,
  onsetDb: [5, 10],
  breathShare: 0.15,
  breathSeconds: [0.18, 0.3],
  breathDb: [32, 40],
};
const SUNG_49: Phrasing = {
  archMs: [5, 18],
  finalMs: [15, 40],
  arcDb: [3, 6],
  arcShares: [0.3, 0.3, 0.4],
  fallShare: 0.4,
  fallCents: [20, 60],
  fallMs: [80, 180],
  onsetShare: 0.35,
  onsetMs: [35, 75],
  onsetHz: 550,
  onsetDb: [7, 13],
  breathShare: 0.8,
  breathSeconds: [0.25, 0.55],
  breathDb: [20, 30],
};
const SPOKEN_49: Phrasing = {
  archMs: [0, 0],
  finalMs: [0, 0],
  arcDb: [2, 5],
  arcShares: [0.1, 0.8, 0.1],
  fallShare: 0.7,
  fallCents: [25, 60],
  fallMs: [150, 300],
  onsetShare: 0,
  onsetMs: [0, 0],
  onsetHz: 1000,
  onsetDb: [0, 0],
  breathShare: 0.75,
  breathSeconds: [0.3, 0.6],
  breathDb: [18, 28],
};
const GUIDE_PLAYED_49: Phrasing = { ...WIND_49, noteCents: 11, entryMs: 13 };
const GUIDE_SUNG_49: Phrasing = { ...SUNG_49, noteCents: 12, entryMs: 14 };
const GUIDE_SPOKEN_49: Phrasing = { ...SPOKEN_49, noteCents: 7, entryMs: 18 };

/**
 * The forty-ninth held-out set (spec committed before shub's one run on it; 2026-12-06, h-cset72, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **every take played
 * or sung by a performer of a third model, phrasing** (Phrasing: a rubato of the tempo arch moving each note's audio
 * as a block — held-out-48 kept every onset where it was played —, dynamics arcs per phrase, vibrato that starts late
 * in long notes, note-end pitch falls, consonant onsets, breaths between phrases; sizes and sources at WIND_49) and
 * **the guide vocal sung by a person too** (its notes σ 11–12 cents, phrase entries σ 13–14 ms; the spoken guide σ 7
 * cents and 18 ms); **defect sizes a realistic mix with spreads' edges other than held-out-42's to 48's**
 * (FAINT_SPREAD_49 and ORDINARY_SPREAD_49 kind by kind; the test counts the cells), **a share of sections clearly
 * best** (every other take a missing phrase or an ordinary defect: RESULTS counts them on the generator's plan);
 * **take and guide programs new to their bank** (fluidsynth, settings no set used: 70 bassoon under an 85 voice lead
 * from TimGM6mb, 41 viola under 53 voice oohs from the sf_GMbank, 66 tenor sax under 54 synth voice from the OPL-3 FM
 * bank, 71 clarinet under 52 choir aahs from FluidR3Mono); **sample rates of a real device no set used** (the Sound
 * Blaster's DSP time constants, 1 MHz / 60, 45 and 30: 16.667, 22.222 and 33.333 kHz); SoX rooms and convolution
 * rooms no set used; take latencies no set used; floors per take; three voices in no set (musical-theatre belter,
 * operetta tenor, cantata bass: six sung songs); a tight singer (timing jitter 6.5 ms, pitch jitter 3.25 cents) and a
 * loose one (17.5 ms, 10.5 cents); consonant shares 0.42 and 0.57; sections of 51 beats; speech from espeak-ng Kannada
 * (kn+Pedro, pitch 48, 126 wpm) and Marathi (mr+Benjamin, pitch 67, 158 wpm); seeds 6601–6612. 10 songs × 6 sections
 * (60 with a MIDI guide) + 2 × 5 sentences = 70 sections, each with one clean take.
 */
export const HELD_OUT_49: (Song15 & FloorSpec & PhrasingSpec)[] = [
  ...(
    [
      {
        seed: 6601,
        program: 70,
        guideProgram: 85,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.39, reverbLevel: 0.48 },
        sampleRate: 22222,
        tonic: 50,
        bpm: 88,
        takes: 5,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'detune', 'level', 'noise'],
        defectSizes: mixed49('OOFOOO'),
        latencyMs: [0, 0, 33, 0, 0],
        phrasing: WIND_49,
      },
      {
        seed: 6602,
        program: 41,
        guideProgram: 53,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.57, reverbLevel: 0.31 },
        sampleRate: 33333,
        tonic: 57,
        bpm: 72,
        takes: 4,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'clip'],
        defectSizes: mixed49('OOOOOF'),
        latencyMs: 141,
        phrasing: BOWED_49,
      },
      {
        seed: 6603,
        program: 66,
        guideProgram: 54,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.22, reverbLevel: 0.69 },
        sampleRate: 16667,
        tonic: 55,
        bpm: 120,
        takes: 5,
        scale: 'blues',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'early', 'level', 'noise'],
        defectSizes: mixed49('OOFOOO'),
        floorDb: [-70, -64, -67, -58, -61],
        phrasing: WIND_49,
      },
      {
        seed: 6604,
        program: 71,
        guideProgram: 52,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.88, reverbLevel: 0.29 },
        sampleRate: 22222,
        tonic: 62,
        bpm: 100,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'late', 'detune'],
        defectSizes: mixed49('FOFOOO'),
        latencyMs: [0, 0, 52, 18],
        phrasing: WIND_49,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec & PhrasingSpec)[]
  ).map((o) => ({ ...o, sections: 6, guidePhrasing: GUIDE_PLAYED_49 })),
  ...(
    [
      {
        seed: 6605,
        voice: THEATRE_BELTER,
        tonic: 57,
        bpm: 104,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed49('OOOOFO'),
        soxReverb: [67, 28, 52, 0, 17, -6.5],
        latencyMs: [0, 38, 0, 0, 61],
        sampleRate: 33333,
      },
      {
        seed: 6606,
        voice: OPERETTA_TENOR,
        tonic: 59,
        bpm: 92,
        takes: 4,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'early', 'level'],
        defectSizes: mixed49('OOFFOO'),
        irRoom: { rt60Seconds: 0.93, wet: 0.15, preDelayMs: 11, dampingHz: 3100 },
        consonantShare: 0.42,
        floorDb: [-63, -70, -67, -59],
        sampleRate: 16667,
      },
      {
        seed: 6607,
        voice: CANTATA_BASS,
        tonic: 45,
        bpm: 80,
        takes: 5,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'early', 'clip', 'detune'],
        defectSizes: mixed49('OFOOOO'),
        timingJitterMs: 6.5,
        pitchJitterCents: 3.25,
        latencyMs: [0, 0, 27, 0, 27],
        sampleRate: 22222,
      },
      {
        seed: 6608,
        voice: THEATRE_BELTER,
        tonic: 55,
        bpm: 86,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'late'],
        defectSizes: mixed49('FOOOFO'),
        soxReverb: [83, 9, 58, 0, 19, -7.5],
        latencyMs: 158,
        sectionBeats: 51,
        sampleRate: 33333,
      },
      {
        seed: 6609,
        voice: OPERETTA_TENOR,
        tonic: 60,
        bpm: 112,
        takes: 5,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed49('OOOOFO'),
        irRoom: { rt60Seconds: 1.27, wet: 0.1, preDelayMs: 31 },
        consonantShare: 0.57,
        latencyMs: [0, 0, 49, 0, 0],
        sampleRate: 16667,
      },
      {
        seed: 6610,
        voice: CANTATA_BASS,
        tonic: 48,
        bpm: 98,
        takes: 4,
        scale: 'phrygian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: mixed49('FOOFOO'),
        placement: 'runs',
        timingJitterMs: 17.5,
        pitchJitterCents: 10.5,
        latencyMs: [0, 24, 0, 63],
        floorDb: [-62, -58, -71, -66],
        sampleRate: 22222,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6, phrasing: SUNG_49, guidePhrasing: GUIDE_SUNG_49 })),
];
export const HELD_OUT_49_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec & PhrasingSpec)[] =
  [
    {
      seed: 6611,
      voice: 'kn+Pedro',
      wordsPerMinute: 126,
      espeakPitch: 48,
      takes: 5,
      latencyMs: [0, 31, 0, 0, 0],
      kinds: ['late', 'missing', 'level', 'detune', 'noise'],
      defectSizes: mixed49('FOOFOO'),
      irRoom: { rt60Seconds: 0.52, wet: 0.19, preDelayMs: 7, dampingHz: 1900 },
      floorDb: [-66, -60, -69, -63, -57],
      phrasing: SPOKEN_49,
      guidePhrasing: GUIDE_SPOKEN_49,
      sentences: ['ನಮಸ್ಕಾರ.', 'ನೀವು ಹೇಗಿದ್ದೀರಿ?', 'ನಾನು ಮನೆಯಲ್ಲಿ ಇದ್ದೇನೆ.', 'ಇಂದು ಮಳೆ ಬರುತ್ತಿದೆ.', 'ಧನ್ಯವಾದಗಳು.'],
    },
    {
      seed: 6612,
      voice: 'mr+Benjamin',
      wordsPerMinute: 158,
      espeakPitch: 67,
      takes: 4,
      latencyMs: [0, 0, 59, 0],
      kinds: ['early', 'missing', 'detune', 'level'],
      defectSizes: mixed49('OFOOOO'),
      soxReverb: [47, 62, 36, 0, 21, -4.5],
      phrasing: SPOKEN_49,
      guidePhrasing: GUIDE_SPOKEN_49,
      sentences: ['नमस्कार.', 'तुम्ही कसे आहात?', 'मी घरी आहे.', 'आज पाऊस पडत आहे.', 'खूप धन्यवाद.'],
    },
  ];

/** Voices of held-out-50 (in no set before it): a session soprano, a folk-rock tenor, a cabaret bass. */
const SESSION_SOPRANO: VoiceStyle = {
  name: 'session soprano',
  formantScale: 1.11,
  vibratoHz: 5.7,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.31,
  driftCents: 2.5,
  breath: 0.045,
  openPhase: 0.49,
  closePhase: 0.12,
};
const FOLK_ROCK_TENOR: VoiceStyle = {
  name: 'folk-rock tenor',
  formantScale: 0.99,
  vibratoHz: 4.9,
  vibratoCents: 11,
  vibratoDelaySeconds: 0.46,
  driftCents: 3,
  breath: 0.07,
  openPhase: 0.56,
  closePhase: 0.13,
};
const CABARET_BASS: VoiceStyle = {
  name: 'cabaret bass',
  formantScale: 0.87,
  vibratoHz: 5.2,
  vibratoCents: 27,
  vibratoDelaySeconds: 0.27,
  driftCents: 4.5,
  breath: 0.05,
  openPhase: 0.45,
  closePhase: 0.17,
};
/**
 * held-out-50's two spreads of defect size, every edge other than held-out-42's to 49's: FAINT_SPREAD_50 (late
 * 21.5–27.8 ms, early 17.2–25.2 ms, detunes 12.2–19.2 cents, level drops 2.7–4.55 dB, bursts −52.5…−45.8 dBFS,
 * clipping 1.55–3.15 dB) and ORDINARY_SPREAD_50 (inside defectAmount's own ranges: late 41–95 ms, early 37–86 ms,
 * detunes 23.5–47 cents, level drops 8.7–12.4 dB, bursts −22.6…−18.2 dBFS, clipping 6.9–10.4 dB). Clearly best as
 * held-out-47's to 49's: every take but the clean one a missing phrase or an ordinary defect.
 */
export const FAINT_SPREAD_50 = {
  late: [21.5, 27.8],
  early: [17.2, 25.2],
  detune: [12.2, 19.2],
  level: [2.7, 4.55],
  noise: [-52.5, -45.8],
  clip: [1.55, 3.15],
} as const;
export const ORDINARY_SPREAD_50 = {
  late: [41, 95],
  early: [37, 86],
  detune: [23.5, 47],
  level: [8.7, 12.4],
  noise: [-22.6, -18.2],
  clip: [6.9, 10.4],
} as const;
const mixed50 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_50, ORDINARY_SPREAD_50);
/**
 * held-out-50's deliveries (Delivery), sizes and where they come from. **Intonation sag**: each phrase drifts flat
 * by `sagCents` at its end, most of it early (`(1 − e^(−3u)) / (1 − e^(−3))`, u the place in the phrase), and the
 * next entry starts in tune again — sung 5–12 cents, winds 3–8, bowed 2–6 (**chosen**: a take sung to a backing track,
 * far under the drift over whole unaccompanied songs that Mauch, Frieler & Dixon 2014, JASA 136, measured); speech a
 * declination of 40–110 cents over the sentence (a falling baseline as 't Hart, Collier & Cohen 1990 describe, its
 * size **chosen** far under theirs: espeak-ng's own intonation already falls), drawn per sentence and **shared by
 * every take and the guide** (one speaker reading one script). **Portamento** between legato notes (within 60 ms of
 * the previous note's end, intervals of at most 5 semitones) as a second-order step response — the overshoot and
 * settling Saitou et al. 2005 (Speech Communication 46) fitted to sung F0 —: 10–90 % transition times 70–160 ms on
 * 70 % of the sung legato notes, overshoot 6–18 % of the interval (at most 40 cents); bowed 25 % of them, 60–120 ms,
 * 3–8 % (a string player's audible slides); the winds none. Rising transitions start at the onset, falling ones a
 * transition time before it (the higher note leaves early), so a reading never runs into the next note. Times and
 * shares **chosen**. **Vowel change inside long notes** (sung notes ≥ 0.6 s, half of them): a resonance of +4…+8 dB
 * (peaking, Q 2.5) moving between 600 and 1100 Hz (a first formant's range from close to open vowels: Peterson &
 * Barney 1952, JASA 24) either way over the note's middle 60 % — sizes **chosen**. **Register change**: the part's top
 * notes (its highest pitch and up to 2 semitones under) sung lighter — the highs above a 1.5 kHz one-pole split
 * 4–7 dB under and the note 1–2.5 dB quieter, crossfaded over 30 ms (a head register's steeper source spectrum; sizes
 * **chosen**). **Feel against the beat**: each take pushed or laid back as a whole by 2–9 ms (sung; winds and bowed
 * 2–6), either way — Friberg & Sundström 2002 (Music Perception 19) measured soloists far behind the beat in jazz; a
 * take to a click is far tighter: **chosen**. **Mic distance**: each take sung or played at a distance 0.8–1.25 times
 * a nominal one (a performer leaning in or back: **chosen**), its level by the inverse square law (±1.9 dB) and the
 * lows under 180 Hz by 1.5 times that (a directional mic's proximity effect: **chosen** ratio). Speech: the
 * declination and the mic only. **The guide's person** (a session guide singer, not held-out-48's or 49's: no phrase
 * entries off): its notes off by σ 9 cents (played guides) or 10 (sung), at most 2.5 σ — under the 19-cent median
 * Mauch et al. 2014 measured over singers of every ability and under held-out-49's 11–12 —, its own sag and
 * portamento, and the whole guide laid back 5–10 ms behind the click; the spoken guide σ 3 cents per sentence, no
 * timing error, its declination the takes' (so the spoken takes against it read fairly: the clean take is the one
 * with no defect, and the guide differs from it by 3 cents σ and its mic alone).
 */
const WIND_50: Delivery = {
  sagCents: [3, 8],
  feelMs: [2, 6],
  micRatio: [0.8, 1.25],
  proximity: 1.5,
};
const BOWED_50: Delivery = {
  ...WIND_50,
  sagCents: [2, 6],
  portamento: { share: 0.25, ms: [60, 120], overshoot: [0.03, 0.08] },
};
const SUNG_50: Delivery = {
  sagCents: [5, 12],
  portamento: { share: 0.7, ms: [70, 160], overshoot: [0.06, 0.18] },
  vowel: { minS: 0.6, share: 0.5, hz: [600, 1100], db: [4, 8] },
  register: { below: 2, highsDb: [4, 7], levelDb: [1, 2.5] },
  feelMs: [2, 9],
  micRatio: [0.8, 1.25],
  proximity: 1.5,
};
const SPOKEN_50: Delivery = {
  sagCents: [40, 110],
  sagShared: true,
  feelMs: [0, 0],
  micRatio: [0.8, 1.25],
  proximity: 1.5,
};
const GUIDE_PLAYED_50: Delivery = { ...WIND_50, micRatio: [1, 1], noteCents: 9, feelMs: [5, 10], laidBack: true };
const GUIDE_SUNG_50: Delivery = { ...SUNG_50, micRatio: [1, 1], noteCents: 10, feelMs: [5, 10], laidBack: true };
const GUIDE_SPOKEN_50: Delivery = { ...SPOKEN_50, micRatio: [1, 1], noteCents: 3 };

/**
 * The fiftieth held-out set (spec committed before shub's one run on it; 2026-12-06, h-cset74, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **every take played or
 * sung by a performer of a fourth model, delivery** (Delivery: an intonation sag over each phrase corrected at the next
 * entry, portamento as a second-order step with overshoot, vowel changes inside long notes, a lighter register on the
 * top notes, each take pushed or laid back against the beat, each take's mic distance; sizes and sources at WIND_50)
 * and **the guide vocal sung by a person of its own** (notes σ 9–10 cents, its own sag and portamento, laid back 5–10
 * ms; the spoken guide σ 3 cents); **defect sizes a realistic mix with spreads' edges other than held-out-42's to
 * 49's** (FAINT_SPREAD_50 and ORDINARY_SPREAD_50); **a share of sections clearly best**; **take and guide programs new
 * to their bank** (fluidsynth, settings no set used: 74 recorder under 53 voice oohs from the OPL-3 FM bank, 69 English
 * horn under 54 synth voice from TimGM6mb, 110 fiddle under 52 choir aahs from MuseScore General, 68 oboe under 85
 * voice lead from FluidR3Mono); **sample rates of a real device no set used** (the Gravis UltraSound's GF1, 617.4 kHz /
 * active voices at 30, 24 and 18: 20.58, 25.725 and 34.3 kHz); SoX rooms and convolution rooms no set used; take
 * latencies no set used; floors per take; three voices in no set (session soprano, folk-rock tenor, cabaret bass: six
 * sung songs); a tight singer (timing jitter 7.5 ms, pitch jitter 2.75 cents) and a loose one (16.5 ms, 9.75 cents);
 * consonant shares 0.47 and 0.64; sections of 52 beats; speech from espeak-ng Gujarati (gu+steph3, pitch 58, 137 wpm)
 * and Sinhala (si+Gene2, pitch 44, 147 wpm); seeds 6701–6712. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5
 * sentences = 70 sections, each with one clean take.
 */
export const HELD_OUT_50: (Song15 & FloorSpec & DeliverySpec)[] = [
  ...(
    [
      {
        seed: 6701,
        program: 74,
        guideProgram: 53,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.31, reverbLevel: 0.62 },
        sampleRate: 25725,
        tonic: 62,
        bpm: 94,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'detune', 'level', 'noise'],
        defectSizes: mixed50('OOOFOO'),
        latencyMs: [0, 0, 0, 43, 0],
        delivery: WIND_50,
      },
      {
        seed: 6702,
        program: 69,
        guideProgram: 54,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.74, reverbLevel: 0.18 },
        sampleRate: 34300,
        tonic: 55,
        bpm: 76,
        takes: 4,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'detune', 'clip'],
        defectSizes: mixed50('FOFOOO'),
        latencyMs: 127,
        delivery: WIND_50,
      },
      {
        seed: 6703,
        program: 110,
        guideProgram: 52,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.46, reverbLevel: 0.53 },
        sampleRate: 20580,
        tonic: 64,
        bpm: 116,
        takes: 5,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'late', 'level', 'noise'],
        defectSizes: mixed50('OOFOOO'),
        floorDb: [-68, -61, -65, -57, -63],
        delivery: BOWED_50,
      },
      {
        seed: 6704,
        program: 68,
        guideProgram: 85,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.83, reverbLevel: 0.41 },
        sampleRate: 25725,
        tonic: 60,
        bpm: 104,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'early', 'detune'],
        defectSizes: mixed50('OOOFOO'),
        latencyMs: [0, 37, 0, 21],
        delivery: WIND_50,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec & DeliverySpec)[]
  ).map((o) => ({ ...o, sections: 6, guideDelivery: GUIDE_PLAYED_50 })),
  ...(
    [
      {
        seed: 6705,
        voice: SESSION_SOPRANO,
        tonic: 64,
        bpm: 96,
        takes: 5,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed50('OOOFFO'),
        soxReverb: [58, 41, 47, 0, 23, -5.5],
        latencyMs: [0, 0, 29, 0, 56],
        sampleRate: 34300,
      },
      {
        seed: 6706,
        voice: FOLK_ROCK_TENOR,
        tonic: 57,
        bpm: 84,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'early', 'level'],
        defectSizes: mixed50('OFOOOO'),
        irRoom: { rt60Seconds: 0.71, wet: 0.17, preDelayMs: 14, dampingHz: 2700 },
        consonantShare: 0.47,
        floorDb: [-66, -59, -70, -62],
        sampleRate: 20580,
      },
      {
        seed: 6707,
        voice: CABARET_BASS,
        tonic: 47,
        bpm: 78,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixed50('FOFOOO'),
        timingJitterMs: 7.5,
        pitchJitterCents: 2.75,
        latencyMs: [0, 33, 0, 0, 33],
        sampleRate: 25725,
      },
      {
        seed: 6708,
        voice: SESSION_SOPRANO,
        tonic: 62,
        bpm: 90,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'noise', 'early'],
        defectSizes: mixed50('OFOOOO'),
        soxReverb: [76, 17, 64, 0, 13, -8.5],
        latencyMs: 149,
        sectionBeats: 52,
        sampleRate: 34300,
      },
      {
        seed: 6709,
        voice: FOLK_ROCK_TENOR,
        tonic: 59,
        bpm: 108,
        takes: 5,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed50('OFOOFO'),
        irRoom: { rt60Seconds: 1.12, wet: 0.12, preDelayMs: 23 },
        consonantShare: 0.64,
        latencyMs: [0, 0, 0, 0, 47],
        sampleRate: 20580,
      },
      {
        seed: 6710,
        voice: CABARET_BASS,
        tonic: 45,
        bpm: 100,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: mixed50('OOFOOO'),
        placement: 'runs',
        timingJitterMs: 16.5,
        pitchJitterCents: 9.75,
        latencyMs: [0, 0, 26, 58],
        floorDb: [-60, -67, -63, -70],
        sampleRate: 25725,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6, delivery: SUNG_50, guideDelivery: GUIDE_SUNG_50 })),
];
export const HELD_OUT_50_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec & DeliverySpec)[] =
  [
    {
      seed: 6711,
      voice: 'gu+steph3',
      wordsPerMinute: 137,
      espeakPitch: 58,
      takes: 5,
      latencyMs: [0, 0, 0, 28, 0],
      kinds: ['late', 'missing', 'level', 'detune', 'noise'],
      defectSizes: mixed50('FOOOFO'),
      irRoom: { rt60Seconds: 0.44, wet: 0.21, preDelayMs: 5, dampingHz: 2300 },
      floorDb: [-64, -58, -70, -61, -67],
      delivery: SPOKEN_50,
      guideDelivery: GUIDE_SPOKEN_50,
      sentences: ['નમસ્તે.', 'તમે કેમ છો?', 'હું ઘરે છું.', 'આજે વરસાદ પડે છે.', 'ખૂબ આભાર.'],
    },
    {
      seed: 6712,
      voice: 'si+Gene2',
      wordsPerMinute: 147,
      espeakPitch: 44,
      takes: 4,
      latencyMs: [0, 54, 0, 0],
      kinds: ['early', 'missing', 'detune', 'level'],
      defectSizes: mixed50('OFOFOO'),
      soxReverb: [39, 55, 29, 0, 27, -3.5],
      delivery: SPOKEN_50,
      guideDelivery: GUIDE_SPOKEN_50,
      sentences: ['ආයුබෝවන්.', 'ඔබට කොහොමද?', 'මම ගෙදර ඉන්නවා.', 'අද වැස්ස වහිනවා.', 'බොහොම ස්තූතියි.'],
    },
  ];

/** Voices of held-out-51 (in no set before it): a cumbia mezzo, a skiffle tenor, a motet bass. */
const CUMBIA_MEZZO: VoiceStyle = {
  name: 'cumbia mezzo',
  formantScale: 1.07,
  vibratoHz: 6.1,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.36,
  driftCents: 3.5,
  breath: 0.065,
  openPhase: 0.52,
  closePhase: 0.14,
};
const SKIFFLE_TENOR: VoiceStyle = {
  name: 'skiffle tenor',
  formantScale: 1.01,
  vibratoHz: 5.4,
  vibratoCents: 9,
  vibratoDelaySeconds: 0.52,
  driftCents: 5.5,
  breath: 0.085,
  openPhase: 0.58,
  closePhase: 0.11,
};
const MOTET_BASS: VoiceStyle = {
  name: 'motet bass',
  formantScale: 0.86,
  vibratoHz: 5.05,
  vibratoCents: 31,
  vibratoDelaySeconds: 0.22,
  driftCents: 2,
  breath: 0.035,
  openPhase: 0.47,
  closePhase: 0.19,
};
/**
 * held-out-51's two spreads of defect size, every edge other than held-out-42's to 50's: FAINT_SPREAD_51 (late
 * 20.4–26.6 ms, early 16.3–23.8 ms, detunes 11.6–18.4 cents, level drops 2.35–4.15 dB, bursts −51.2…−44.6 dBFS,
 * clipping 1.7–3.35 dB) and ORDINARY_SPREAD_51 (inside defectAmount's own ranges: late 43–92 ms, early 39–83 ms,
 * detunes 24.5–45 cents, level drops 8.45–12.9 dB, bursts −23.1…−18.9 dBFS, clipping 7.2–10.65 dB). Clearly best as
 * held-out-47's to 50's: every take but the clean one a missing phrase or an ordinary defect.
 */
export const FAINT_SPREAD_51 = {
  late: [20.4, 26.6],
  early: [16.3, 23.8],
  detune: [11.6, 18.4],
  level: [2.35, 4.15],
  noise: [-51.2, -44.6],
  clip: [1.7, 3.35],
} as const;
export const ORDINARY_SPREAD_51 = {
  late: [43, 92],
  early: [39, 83],
  detune: [24.5, 45],
  level: [8.45, 12.9],
  noise: [-23.1, -18.9],
  clip: [7.2, 10.65],
} as const;
const mixed51 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_51, ORDINARY_SPREAD_51);
/**
 * held-out-51's sessions (Session), sizes and where they come from. **Fatigue over the session**: the takes were
 * recorded in their order (take 0 first), take k of K tired by k / (K − 1), and through a take its fatigue grows
 * with the time into it (linear): at the session's end (the last take's end) the voice or the player sits `flatCents`
 * flat, `levelDb` quieter and its highs over 2.5 kHz `darkDb` under — sung 3–8 cents, 1–2.5 dB, 2–5 dB; winds 2–5
 * cents, 0.5–1.5 dB, 1–3 dB; bowed 1.5–4 cents, 0.5–1.2 dB, 1–2.5 dB; speech no pitch, 1–2 dB, 2–4 dB (vocal fatigue
 * lowers the voice's high-frequency energy and its level, and sung pitch sags with it: the direction is the
 * literature's — e.g. Welham & Maclagan 2003, J. Voice 17, a review of vocal fatigue —, every size **chosen**, small
 * against a defect). **Mic technique: phrases sung or played off the mic's axis** — a share of the phrases (sung 0.3,
 * winds and bowed 0.2, speech 0.25) with the highs over 3 kHz `highsDb` under (sung 4–9 dB, played 3–6, speech 4–8)
 * and the level `levelDb` under (0.5–1.5 dB), ramped in and out over 60 ms (a cardioid's off-axis highs fall first;
 * sizes **chosen**). Fatigue and off-axis phrases never raise a level (gain ≤ 0 dB before every room: no clean take
 * clipped by a SoX room, held-out-50's flaw) and are left out of a take's clipped and noise-burst sections (their
 * defect's size kept). **The room's own noise**: a mains hum on every take of a spec, after the room, the latency and
 * the floors (electrical, not reverberated) — 50 or 60 Hz per spec with its harmonics up to the sixth (amplitudes 1,
 * 0.55, 0.4, 0.28, 0.18, 0.1: a rectified supply's buzz), each take at its own level in `humDb` dBFS RMS (sung and
 * played −64…−56, speech −66…−58; a take's cable and placement; **chosen**, quieter than the faint bursts). **The
 * guide's person** (a guide singer who **rushes**; not held-out-48's, 49's or 50's persons: no sag, no lay-back, no
 * phrase entry off): every note entered early by its own half-normal draw (σ 6 ms sung and played, at most 15 ms;
 * the note's reading starts that early, its pitch unmoved), its notes off by σ 8 cents (sung) or 7 (played), at most
 * 2.5 σ; fresh (no fatigue), no off-axis phrase, no hum. The spoken guide: each sentence off by σ 4 cents and entered
 * early by σ 4 ms (at most 10), the clean rendering of the same sentences (its truth the clean take, as every mode).
 */
const WIND_51: Session = {
  flatCents: [2, 5],
  levelDb: [0.5, 1.5],
  darkDb: [1, 3],
  offAxis: { share: 0.2, highsDb: [3, 6], levelDb: [0.5, 1.5] },
  humDb: [-64, -56],
};
const BOWED_51: Session = { ...WIND_51, flatCents: [1.5, 4], levelDb: [0.5, 1.2], darkDb: [1, 2.5] };
const SUNG_51: Session = {
  flatCents: [3, 8],
  levelDb: [1, 2.5],
  darkDb: [2, 5],
  offAxis: { share: 0.3, highsDb: [4, 9], levelDb: [0.5, 1.5] },
  humDb: [-64, -56],
};
const SPOKEN_51: Session = {
  flatCents: [0, 0],
  levelDb: [1, 2],
  darkDb: [2, 4],
  offAxis: { share: 0.25, highsDb: [4, 8], levelDb: [0.5, 1.5] },
  humDb: [-66, -58],
};
const GUIDE_PLAYED_51: Session = { flatCents: [0, 0], levelDb: [0, 0], darkDb: [0, 0], noteCents: 7, rushMs: 6 };
const GUIDE_SUNG_51: Session = { ...GUIDE_PLAYED_51, noteCents: 8 };
const GUIDE_SPOKEN_51: Session = { ...GUIDE_PLAYED_51, noteCents: 4, rushMs: 4, rushMaxMs: 10 };

/**
 * The fifty-first held-out set (spec committed before shub's one run on it; 2026-12-06, h-cset75, the judge of this
 * round's comp change; the base's baseline only), made differently from every earlier comp set: **every take played
 * or sung by a performer of a fifth model, a session** (Session: fatigue over the session — later takes and later
 * in a take flatter, quieter and darker —, phrases off the mic's axis, and the room's own mains hum on every take;
 * sizes and sources at WIND_51) and **the guide by a person of its own who rushes** (each note entered early,
 * half-normal σ 6 ms, notes σ 7–8 cents; the spoken guide σ 4 cents and 4 ms); **spoken takes render their detune**
 * (`renderDetune`: the detuned sentence read 2^(cents/1200) faster or slower, no set before did); **defect sizes a
 * realistic mix with spreads' edges other than held-out-42's to 50's** (FAINT_SPREAD_51 and ORDINARY_SPREAD_51);
 * **a share of sections clearly best**; **take and guide programs new to their bank** (fluidsynth, settings no set
 * used: 73 flute under 54 synth voice from the Csound GM bank, 64 soprano sax under 85 voice lead from MuseScore
 * General, 40 violin under 68 oboe from FluidR3_GM, 72 clarinet under 91 choir pad from the OPL-3 FM bank); **sample
 * rates of a real device no set used** (the Sound Blaster's DMA time constant, 1 MHz / (256 − TC) at TC 200, 210
 * and 220: 17.857, 21.739 and 27.778 kHz); SoX rooms and convolution rooms no set used; take latencies no set used;
 * floors per take; three voices in no set (cumbia mezzo, skiffle tenor, motet bass: six sung songs); a tight
 * singer (timing jitter 8.5 ms, pitch jitter 3.75 cents) and a loose one (15.5 ms, 10.25 cents); consonant shares
 * 0.53 and 0.72; sections of 53 beats; speech from espeak-ng Urdu (ur+Nguyen, pitch 53, 133 wpm) and Assamese
 * (as+Tweaky, pitch 36, 153 wpm); seeds 6801–6812. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5 sentences =
 * 70 sections, each with one clean take.
 */
export const HELD_OUT_51: (Song15 & FloorSpec & SessionSpec)[] = [
  ...(
    [
      {
        seed: 6801,
        program: 73,
        guideProgram: 54,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.37, reverbLevel: 0.29 },
        sampleRate: 21739,
        tonic: 65,
        bpm: 92,
        takes: 5,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'noise', 'level'],
        defectSizes: mixed51('OOFOFO'),
        latencyMs: [0, 0, 0, 39, 0],
        session: WIND_51,
      },
      {
        seed: 6802,
        program: 64,
        guideProgram: 85,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.58, reverbLevel: 0.24 },
        sampleRate: 27778,
        tonic: 58,
        bpm: 84,
        takes: 4,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'clip', 'detune'],
        defectSizes: mixed51('OFOOOO'),
        latencyMs: 163,
        session: WIND_51,
      },
      {
        seed: 6803,
        program: 40,
        guideProgram: 68,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.66, reverbLevel: 0.36 },
        sampleRate: 17857,
        tonic: 67,
        bpm: 110,
        takes: 5,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'late', 'level', 'noise'],
        defectSizes: mixed51('FOFOOO'),
        floorDb: [-66, -60, -69, -58, -63],
        session: BOWED_51,
      },
      {
        seed: 6804,
        program: 72,
        guideProgram: 91,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.22, reverbLevel: 0.47 },
        sampleRate: 21739,
        tonic: 55,
        bpm: 100,
        takes: 4,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'early', 'detune'],
        defectSizes: mixed51('OFOOOO'),
        latencyMs: [0, 44, 0, 17],
        session: WIND_51,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec & SessionSpec)[]
  ).map((o) => ({ ...o, sections: 6, guideSession: GUIDE_PLAYED_51 })),
  ...(
    [
      {
        seed: 6805,
        voice: CUMBIA_MEZZO,
        tonic: 57,
        bpm: 88,
        takes: 5,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed51('OOOFOO'),
        soxReverb: [44, 62, 38, 0, 19, -6.5],
        latencyMs: [0, 0, 0, 0, 31],
        sampleRate: 27778,
      },
      {
        seed: 6806,
        voice: SKIFFLE_TENOR,
        tonic: 60,
        bpm: 80,
        takes: 4,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'early', 'level'],
        defectSizes: mixed51('OOOFOO'),
        irRoom: { rt60Seconds: 0.83, wet: 0.15, preDelayMs: 11, dampingHz: 3100 },
        consonantShare: 0.53,
        floorDb: [-62, -69, -57, -65],
        sampleRate: 17857,
      },
      {
        seed: 6807,
        voice: MOTET_BASS,
        tonic: 50,
        bpm: 72,
        takes: 5,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixed51('OOOOOF'),
        timingJitterMs: 8.5,
        pitchJitterCents: 3.75,
        latencyMs: [0, 46, 0, 0, 46],
        sampleRate: 21739,
      },
      {
        seed: 6808,
        voice: CUMBIA_MEZZO,
        tonic: 55,
        bpm: 94,
        takes: 4,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'noise', 'early'],
        defectSizes: mixed51('OFFOOO'),
        soxReverb: [67, 23, 71, 0, 9, -7.5],
        latencyMs: 137,
        sectionBeats: 53,
        sampleRate: 27778,
      },
      {
        seed: 6809,
        voice: SKIFFLE_TENOR,
        tonic: 62,
        bpm: 104,
        takes: 5,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'level', 'detune', 'noise'],
        defectSizes: mixed51('OOOFFO'),
        irRoom: { rt60Seconds: 1.31, wet: 0.09, preDelayMs: 29 },
        consonantShare: 0.72,
        latencyMs: [0, 0, 0, 0, 53],
        sampleRate: 17857,
      },
      {
        seed: 6810,
        voice: MOTET_BASS,
        tonic: 48,
        bpm: 98,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'detune', 'level'],
        defectSizes: mixed51('OOFOOO'),
        placement: 'runs',
        timingJitterMs: 15.5,
        pitchJitterCents: 10.25,
        latencyMs: [0, 0, 37, 62],
        floorDb: [-59, -66, -62, -71],
        sampleRate: 21739,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec)[]
  ).map((o) => ({ ...o, sections: 6, session: SUNG_51, guideSession: GUIDE_SUNG_51 })),
];
export const HELD_OUT_51_SPEECH: (LatencySpeech & { soxReverb?: RoomSong['soxReverb'] } & FloorSpec & SessionSpec)[] = [
  {
    seed: 6811,
    voice: 'ur+Nguyen',
    wordsPerMinute: 133,
    espeakPitch: 53,
    takes: 5,
    latencyMs: [0, 0, 35, 0, 0],
    kinds: ['late', 'missing', 'level', 'detune', 'noise'],
    defectSizes: mixed51('FOOOFO'),
    irRoom: { rt60Seconds: 0.52, wet: 0.19, preDelayMs: 7, dampingHz: 2900 },
    floorDb: [-63, -57, -69, -60, -66],
    renderDetune: true,
    session: SPOKEN_51,
    guideSession: GUIDE_SPOKEN_51,
    sentences: ['السلام علیکم۔', 'آپ کیسے ہیں؟', 'میں گھر پر ہوں۔', 'آج بارش ہو رہی ہے۔', 'بہت شکریہ۔'],
  },
  {
    seed: 6812,
    voice: 'as+Tweaky',
    wordsPerMinute: 153,
    espeakPitch: 36,
    takes: 4,
    latencyMs: [0, 0, 48, 0],
    kinds: ['early', 'missing', 'detune', 'level'],
    defectSizes: mixed51('OOFFOO'),
    soxReverb: [31, 47, 24, 0, 17, -4.5],
    renderDetune: true,
    session: SPOKEN_51,
    guideSession: GUIDE_SPOKEN_51,
    sentences: ['নমস্কাৰ।', 'আপুনি কেনে আছে?', 'মই ঘৰত আছোঁ।', 'আজি বৰষুণ দিছে।', 'বহুত ধন্যবাদ।'],
  },
];

/** Voices of held-out-52 (in no set before it): a palm-wine tenor, an oratorio contralto, a milonga baritone. */
const PALM_WINE_TENOR: VoiceStyle = {
  name: 'palm-wine tenor',
  formantScale: 1.03,
  vibratoHz: 5.7,
  vibratoCents: 13,
  vibratoDelaySeconds: 0.41,
  driftCents: 4.5,
  breath: 0.075,
  openPhase: 0.55,
  closePhase: 0.13,
};
const ORATORIO_CONTRALTO: VoiceStyle = {
  name: 'oratorio contralto',
  formantScale: 1.09,
  vibratoHz: 5.25,
  vibratoCents: 23,
  vibratoDelaySeconds: 0.27,
  driftCents: 2.5,
  breath: 0.045,
  openPhase: 0.49,
  closePhase: 0.17,
};
const MILONGA_BARITONE: VoiceStyle = {
  name: 'milonga baritone',
  formantScale: 0.93,
  vibratoHz: 6.35,
  vibratoCents: 19,
  vibratoDelaySeconds: 0.31,
  driftCents: 6.5,
  breath: 0.095,
  openPhase: 0.61,
  closePhase: 0.12,
};
/**
 * held-out-52's two spreads of defect size, every edge other than held-out-42's to 51's: FAINT_SPREAD_52 (late
 * 19.3–25.7 ms, early 17.6–24.9 ms, detunes 10.9–17.3 cents, level drops 2.65–3.85 dB, bursts −56.7…−47.3 dBFS — the
 * quietest under the noisiest chains' floors —, clipping 1.85–3.55 dB) and ORDINARY_SPREAD_52 (inside defectAmount's
 * own ranges: late 46.5–96.5 ms, early 42.5–88.5 ms, detunes 26.5–47.5 cents, level drops 8.65–12.35 dB, bursts
 * −22.3…−17.7 dBFS, clipping 7.35–10.85 dB). Clearly best as held-out-47's to 51's: every take but the clean one a
 * missing phrase or an ordinary defect.
 */
export const FAINT_SPREAD_52 = {
  late: [19.3, 25.7],
  early: [17.6, 24.9],
  detune: [10.9, 17.3],
  level: [2.65, 3.85],
  noise: [-56.7, -47.3],
  clip: [1.85, 3.55],
} as const;
export const ORDINARY_SPREAD_52 = {
  late: [46.5, 96.5],
  early: [42.5, 88.5],
  detune: [26.5, 47.5],
  level: [8.65, 12.35],
  noise: [-22.3, -17.7],
  clip: [7.35, 10.85],
} as const;
const mixed52 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_52, ORDINARY_SPREAD_52);
/**
 * held-out-52's recordings (Recording, Chain), sizes **chosen** (no measurement behind them beyond common studio
 * practice): articulation `hold` (winds 0.78–0.97 of a note, bowed 0.82–0.98, sung 0.85–0.98, speech none), weak-beat
 * notes `accentDb` under (winds 0.5–2, bowed 0.8–2.5, sung 0.5–1.5), breaths `breathDb` under the phrase (sung 14–24
 * dB, winds 18–28, bowed 26–36 — a string player's breath faint on the mic —, speech 14–22), rooms RT60 0.25–0.9 s
 * wet 0.06–0.2 (sung 0.3–1.1 s, 0.08–0.22; speech 0.2–0.7 s, 0.05–0.15), and every take's chain: hiss −84…−62 dBFS,
 * hum −80…−58, fan −76…−52, preamp −80…−60 (each but the hiss present with probability 0.65), so a take's floor lies
 * between about −84 and −50 dBFS: a noisy take's floor over the quietest faint bursts (−56.7). The guide's person
 * plays or sings at A 441–442.5 Hz (the whole part 4–9 cents sharp; spoken guide 2–5), detached (0.88–0.95) with
 * its own breaths (played guides 24–32 dB under, sung 16–24, spoken 16–22), no room, no floor.
 */
const CHAIN_52: Chain = { hissDb: [-84, -62], humDb: [-80, -58], fanDb: [-76, -52], preampDb: [-80, -60] };
const WIND_52: Recording = {
  hold: [0.78, 0.97],
  accentDb: [0.5, 2],
  breathDb: [18, 28],
  rt60: [0.25, 0.9],
  wet: [0.06, 0.2],
  chain: CHAIN_52,
};
const BOWED_52: Recording = { ...WIND_52, hold: [0.82, 0.98], accentDb: [0.8, 2.5], breathDb: [26, 36] };
const SUNG_52: Recording = { ...WIND_52, hold: [0.85, 0.98], accentDb: [0.5, 1.5], breathDb: [14, 24] };
const SUNG_ROOM_52: Recording = { ...SUNG_52, rt60: [0.3, 1.1], wet: [0.08, 0.22] };
const SPOKEN_52: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathDb: [14, 22],
  rt60: [0.2, 0.7],
  wet: [0.05, 0.15],
  chain: CHAIN_52,
};
const GUIDE_PLAYED_52: Recording = { hold: [0.88, 0.95], accentDb: [0.5, 1], breathDb: [24, 32], tuneCents: [4, 9] };
const GUIDE_SUNG_52: Recording = { ...GUIDE_PLAYED_52, breathDb: [16, 24] };
const GUIDE_SPOKEN_52: Recording = { hold: [1, 1], accentDb: [0, 0], breathDb: [16, 22], tuneCents: [2, 5] };

/**
 * The fifty-second held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset76, the judge of this
 * round's comp change — a take's noise read against its own usual floor —; the base's baseline only), made
 * differently from every earlier comp set: **every take by a performer of a sixth model, articulation and metric
 * accent** (notes held 0.78–0.98 of their length per take, weak beats under), with **breaths before every phrase**,
 * and **each take recorded in its own room through its own chain** (a Schroeder room per take, RT60 0.2–1.1 s; a
 * steady floor per take of hiss, mains hum, fan and preamp noise at its own levels, −84…−50 dBFS); **the guide by a
 * person of its own** at A 441–442.5 Hz (4–9 cents sharp), detached, breathing; **spoken takes render their detune**;
 * **defect sizes a realistic mix with spreads' edges other than held-out-42's to 51's**, bursts of several sizes
 * (faint −56.7…−47.3 dBFS, some under a noisy take's floor; ordinary −22.3…−17.7); **a share of sections clearly
 * best**; **take and guide programs new to their bank** (fluidsynth, settings no set used: 65 alto sax under 53
 * voice oohs from TimGM6mb, 42 cello under 71 clarinet from the OPL-3 FM bank, 69 English horn under 56 trumpet from
 * MuseScore General, 70 bassoon under 60 French horn from FluidR3_GM); **sample rates of a real device no set used**
 * (the Amiga's Paula at PAL periods 146, 162 and 190: 3 546 895 Hz / period = 24.294, 21.894 and 18.668 kHz); take
 * latencies no set used; three voices in no set (palm-wine tenor, oratorio contralto, milonga baritone: six sung
 * songs); a tight singer (timing jitter 9.5 ms, pitch jitter 4.25 cents) and a loose one (13.5 ms, 8.75 cents);
 * consonant shares 0.44 and 0.67; sections of 54 beats; speech from espeak-ng Odia (or+grandma, pitch 41, 143 wpm)
 * and Burmese (my+croak, pitch 63, 162 wpm); seeds 6901–6912. 10 songs × 6 sections (60 with a MIDI guide) + 2 × 5
 * sentences = 70 sections, each with one clean take.
 */
export const HELD_OUT_52: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 6901,
        program: 65,
        guideProgram: 53,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.41, reverbLevel: 0.18 },
        sampleRate: 24294,
        tonic: 62,
        bpm: 96,
        takes: 5,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune', 'level'],
        defectSizes: mixed52('OOFFFO'),
        latencyMs: [0, 0, 51, 0, 0],
        recording: WIND_52,
      },
      {
        seed: 6902,
        program: 42,
        guideProgram: 71,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.27, reverbLevel: 0.33 },
        sampleRate: 18668,
        tonic: 52,
        bpm: 86,
        takes: 4,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'early'],
        defectSizes: mixed52('OOOOFO'),
        latencyMs: 147,
        recording: BOWED_52,
      },
      {
        seed: 6903,
        program: 69,
        guideProgram: 56,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.49, reverbLevel: 0.21 },
        sampleRate: 21894,
        tonic: 64,
        bpm: 108,
        takes: 5,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'noise', 'early', 'clip'],
        defectSizes: mixed52('OFOOOF'),
        recording: WIND_52,
      },
      {
        seed: 6904,
        program: 70,
        guideProgram: 60,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.34, reverbLevel: 0.12 },
        sampleRate: 24294,
        tonic: 50,
        bpm: 78,
        takes: 4,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'detune', 'noise'],
        defectSizes: mixed52('FOFOOO'),
        latencyMs: [0, 27, 0, 0],
        recording: WIND_52,
      },
    ] as (Omit<SynthTakeOptions, 'sections'> & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, sections: 6, guideRecording: GUIDE_PLAYED_52 })),
  ...(
    [
      {
        seed: 6905,
        voice: PALM_WINE_TENOR,
        tonic: 59,
        bpm: 90,
        takes: 5,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'detune', 'level', 'late'],
        defectSizes: mixed52('FOOOOO'),
        latencyMs: [0, 0, 0, 57, 0],
        sampleRate: 21894,
        recording: SUNG_52,
      },
      {
        seed: 6906,
        voice: ORATORIO_CONTRALTO,
        tonic: 55,
        bpm: 74,
        takes: 4,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed52('OOFOOO'),
        consonantShare: 0.44,
        sampleRate: 18668,
        recording: SUNG_ROOM_52,
      },
      {
        seed: 6907,
        voice: MILONGA_BARITONE,
        tonic: 48,
        bpm: 102,
        takes: 5,
        scale: 'minor',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'level', 'noise', 'clip'],
        defectSizes: mixed52('OOOFOF'),
        timingJitterMs: 9.5,
        pitchJitterCents: 4.25,
        latencyMs: [0, 33, 0, 0, 66],
        sampleRate: 24294,
        recording: SUNG_52,
      },
      {
        seed: 6908,
        voice: PALM_WINE_TENOR,
        tonic: 61,
        bpm: 84,
        takes: 4,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'noise', 'level'],
        defectSizes: mixed52('FOOOOO'),
        latencyMs: 129,
        sectionBeats: 54,
        sampleRate: 21894,
        recording: SUNG_ROOM_52,
      },
      {
        seed: 6909,
        voice: ORATORIO_CONTRALTO,
        tonic: 57,
        bpm: 112,
        takes: 5,
        scale: 'lydian',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'early', 'noise', 'detune'],
        defectSizes: mixed52('OOOFFO'),
        consonantShare: 0.67,
        latencyMs: [0, 0, 0, 0, 44],
        sampleRate: 18668,
        recording: SUNG_52,
      },
      {
        seed: 6910,
        voice: MILONGA_BARITONE,
        tonic: 47,
        bpm: 92,
        takes: 4,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed52('OOFOOO'),
        placement: 'runs',
        timingJitterMs: 13.5,
        pitchJitterCents: 8.75,
        latencyMs: [0, 0, 58, 19],
        sampleRate: 24294,
        recording: SUNG_ROOM_52,
      },
    ] as (Omit<RoomSong, 'sections'> & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, sections: 6, guideRecording: GUIDE_SUNG_52 })),
];
export const HELD_OUT_52_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 6911,
    voice: 'or+grandma',
    wordsPerMinute: 143,
    espeakPitch: 41,
    takes: 5,
    latencyMs: [0, 0, 0, 41, 0],
    kinds: ['noise', 'missing', 'late', 'detune', 'level'],
    defectSizes: mixed52('FOFOFO'),
    renderDetune: true,
    recording: SPOKEN_52,
    guideRecording: GUIDE_SPOKEN_52,
    sentences: ['ନମସ୍କାର।', 'ଆପଣ କେମିତି ଅଛନ୍ତି?', 'ମୁଁ ଘରେ ଅଛି।', 'ଆଜି ବର୍ଷା ହେଉଛି।', 'ବହୁତ ଧନ୍ୟବାଦ।'],
  },
  {
    seed: 6912,
    voice: 'my+croak',
    wordsPerMinute: 162,
    espeakPitch: 63,
    takes: 4,
    latencyMs: [0, 29, 0, 0],
    kinds: ['detune', 'missing', 'noise', 'early'],
    defectSizes: mixed52('OOOOFO'),
    renderDetune: true,
    recording: SPOKEN_52,
    guideRecording: GUIDE_SPOKEN_52,
    sentences: ['မင်္ဂလာပါ။', 'နေကောင်းလား။', 'ကျွန်တော် အိမ်မှာ ရှိတယ်။', 'ဒီနေ့ မိုးရွာတယ်။', 'ကျေးဇူးတင်ပါတယ်။'],
  },
];

/** Voices of held-out-53 (in no set before it): a séga mezzo, a gospel bass-baritone, a dangdut soprano. */
const SEGA_MEZZO: VoiceStyle = {
  name: 'séga mezzo',
  formantScale: 1.06,
  vibratoHz: 5.45,
  vibratoCents: 27,
  vibratoDelaySeconds: 0.36,
  driftCents: 5.5,
  breath: 0.085,
  openPhase: 0.52,
  closePhase: 0.15,
};
const GOSPEL_BASS_BARITONE: VoiceStyle = {
  name: 'gospel bass-baritone',
  formantScale: 0.91,
  vibratoHz: 5.95,
  vibratoCents: 21,
  vibratoDelaySeconds: 0.22,
  driftCents: 3.5,
  breath: 0.065,
  openPhase: 0.58,
  closePhase: 0.11,
};
const DANGDUT_SOPRANO: VoiceStyle = {
  name: 'dangdut soprano',
  formantScale: 1.13,
  vibratoHz: 6.15,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.46,
  driftCents: 3,
  breath: 0.055,
  openPhase: 0.47,
  closePhase: 0.18,
};
/**
 * held-out-53's two spreads of defect size, every edge other than held-out-42's to 52's: FAINT_SPREAD_53 (late
 * 18.6–24.4 ms, early 16.8–23.7 ms, detunes 10.4–16.6 cents, level drops 2.45–3.55 dB, bursts −57.9…−45.9 dBFS — the
 * quietest under the noisiest chains' floors —, clipping 1.65–3.25 dB) and ORDINARY_SPREAD_53 (inside defectAmount's
 * own ranges: late 44.5–92.5 ms, early 41.5–86.5 ms, detunes 25.5–45.5 cents, level drops 8.35–11.85 dB, bursts
 * −23.3…−18.3 dBFS, clipping 6.85–10.35 dB).
 */
export const FAINT_SPREAD_53 = {
  late: [18.6, 24.4],
  early: [16.8, 23.7],
  detune: [10.4, 16.6],
  level: [2.45, 3.55],
  noise: [-57.9, -45.9],
  clip: [1.65, 3.25],
} as const;
export const ORDINARY_SPREAD_53 = {
  late: [44.5, 92.5],
  early: [41.5, 86.5],
  detune: [25.5, 45.5],
  level: [8.35, 11.85],
  noise: [-23.3, -18.3],
  clip: [6.85, 10.35],
} as const;
const mixed53 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_53, ORDINARY_SPREAD_53);
/**
 * held-out-53's recordings and its performers' dynamics (Dynamics), sizes **chosen** (no measurement behind them
 * beyond common practice): articulation `hold` (winds 0.8–0.98, bowed 0.84–0.99, reeds and harmonica 0.76–0.95, sung
 * 0.86–0.99), weak beats `accentDb` under (0.4–1.8 dB; sung 0.3–1.2), breaths (winds 16–26 dB under the phrase, bowed
 * 24–34, sung 12–22, speech 15–23), rooms RT60 0.3–1.0 s wet 0.05–0.18 (a sung church room 0.6–1.4 s, 0.1–0.25;
 * speech 0.15–0.6 s, 0.04–0.12), every take's chain: hiss −86…−63 dBFS, hum −82…−57, fan −79…−51, preamp −83…−59
 * (each but the hiss with probability 0.65), a take's floor between about −86 and −49 dBFS. The performers' hairpins:
 * each phrase swells to its peak at 0.45–0.75 of its length from `swellDb` under and falls back 0.7 of that
 * (played 1.5–4 dB, sung 2–5, speech 1–2.5), and a mic sway of `swayDb` (played 0.3–1, sung 0.6–2, speech 0.4–1.4) at
 * 0.07–0.3 Hz. The guide's person plays or sings flat at A 437.2–439 Hz (−11…−4 cents; spoken −5…−2), detached
 * (0.9–0.97), its own hairpins (1–2.5 dB) and breaths, no room, no floor.
 */
const CHAIN_53: Chain = { hissDb: [-86, -63], humDb: [-82, -57], fanDb: [-79, -51], preampDb: [-83, -59] };
const WIND_53: Recording = {
  hold: [0.8, 0.98],
  accentDb: [0.4, 1.8],
  breathDb: [16, 26],
  rt60: [0.3, 1],
  wet: [0.05, 0.18],
  chain: CHAIN_53,
};
const BOWED_53: Recording = { ...WIND_53, hold: [0.84, 0.99], breathDb: [24, 34] };
const REED_53: Recording = { ...WIND_53, hold: [0.76, 0.95] };
const SUNG_53: Recording = { ...WIND_53, hold: [0.86, 0.99], accentDb: [0.3, 1.2], breathDb: [12, 22] };
const SUNG_CHURCH_53: Recording = { ...SUNG_53, rt60: [0.6, 1.4], wet: [0.1, 0.25] };
const SPOKEN_53: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathDb: [15, 23],
  rt60: [0.15, 0.6],
  wet: [0.04, 0.12],
  chain: CHAIN_53,
};
const GUIDE_PLAYED_53: Recording = { hold: [0.9, 0.97], accentDb: [0.4, 1], breathDb: [22, 30], tuneCents: [-11, -4] };
const GUIDE_SUNG_53: Recording = { ...GUIDE_PLAYED_53, breathDb: [15, 23] };
const GUIDE_SPOKEN_53: Recording = { hold: [1, 1], accentDb: [0, 0], breathDb: [17, 23], tuneCents: [-5, -2] };
const PLAYED_DYN_53: Dynamics = { swellDb: [1.5, 4], peakAt: [0.45, 0.75], swayDb: [0.3, 1], swayHz: [0.07, 0.3] };
const SUNG_DYN_53: Dynamics = { ...PLAYED_DYN_53, swellDb: [2, 5], swayDb: [0.6, 2] };
const SPOKEN_DYN_53: Dynamics = { ...PLAYED_DYN_53, swellDb: [1, 2.5], swayDb: [0.4, 1.4] };
const GUIDE_DYN_53: Dynamics = { swellDb: [1, 2.5], peakAt: [0.5, 0.7], swayDb: [0, 0], swayHz: [0.1, 0.1] };

/**
 * The fifty-third held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset77, the judge of this
 * round's comp change — a take's noise read against its usual floor in its other sections —; the base's baseline
 * only), made differently from every earlier comp set: **every take by a performer of a seventh model, a phrase's
 * dynamics** (each phrase a hairpin, swelling to its peak and falling back, and the player or singer swaying on the
 * mic: Dynamics, `dynamicsPart`) over held-out-52's recording (articulation, accents, breaths, each take its own room
 * and its own chain at its own levels, −86…−49 dBFS); **the guide by a person of its own** flat at A 437.2–439 Hz;
 * **songs of two and three sections** beside songs of six (as real sessions have them); spoken takes render their
 * detune; defect sizes a realistic mix with spreads' edges other than held-out-42's to 52's, bursts of several sizes
 * (faint −57.9…−45.9 dBFS, some under a noisy take's floor; ordinary −23.3…−18.3); a share of sections clearly best;
 * take and guide programs new to their bank (fluidsynth settings no set used); **sample rates of real devices no set
 * used** (the Apple IIGS's Ensoniq DOC at 32 oscillators, 894 886 Hz / 34 = 26.32 kHz; the Mega Drive's YM2612,
 * 7 670 453 Hz / 144 = 53.267 kHz; the Neo Geo's YM2610, 8 MHz / 144 = 55.556 kHz); take latencies no set used; three
 * voices in no set (séga mezzo, gospel bass-baritone, dangdut soprano: six sung songs); a tight singer (timing
 * jitter 6.75 ms, pitch jitter 3.35 cents) and a loose one (15.75 ms, 10.35 cents); consonant shares 0.41 and 0.73;
 * sections of 56 beats; speech from espeak-ng Thai (th+f5, pitch 59, 149 wpm) and Cantonese (yue+m7, pitch 31,
 * 139 wpm); seeds 7001–7015. 7 played songs (6, 6, 3, 6, 2, 6, 6 sections) + 6 sung (6, 2, 6, 3, 6, 6) = 64 sections
 * with a MIDI guide, + 2 × 5 sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_53: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7001,
        program: 67,
        guideProgram: 65,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.37, reverbLevel: 0.23 },
        sampleRate: 26320,
        tonic: 55,
        bpm: 94,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'early', 'level', 'detune'],
        defectSizes: mixed53('OFOOOO'),
        latencyMs: [0, 0, 37, 0, 0],
        recording: REED_53,
      },
      {
        seed: 7002,
        program: 41,
        guideProgram: 68,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.22, reverbLevel: 0.29 },
        sampleRate: 53267,
        tonic: 62,
        bpm: 72,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'detune'],
        defectSizes: mixed53('OOOOFO'),
        latencyMs: 113,
        recording: BOWED_53,
      },
      {
        seed: 7003,
        program: 66,
        guideProgram: 41,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.46, reverbLevel: 0.16 },
        sampleRate: 55556,
        tonic: 67,
        bpm: 118,
        takes: 4,
        sections: 3,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['clip', 'missing', 'noise', 'late'],
        defectSizes: mixed53('OOOOFF'),
        latencyMs: [0, 23, 0, 0],
        recording: REED_53,
      },
      {
        seed: 7004,
        program: 22,
        guideProgram: 57,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.31, reverbLevel: 0.27 },
        sampleRate: 26320,
        tonic: 57,
        bpm: 104,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['level', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed53('OOOFOO'),
        recording: REED_53,
      },
      {
        seed: 7005,
        program: 110,
        guideProgram: 70,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.53, reverbLevel: 0.14 },
        sampleRate: 53267,
        tonic: 64,
        bpm: 88,
        takes: 4,
        sections: 2,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed53('OOFFOO'),
        latencyMs: [0, 0, 0, 61],
        recording: BOWED_53,
      },
      {
        seed: 7006,
        program: 74,
        guideProgram: 42,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.28, reverbLevel: 0.31 },
        sampleRate: 55556,
        tonic: 72,
        bpm: 80,
        takes: 5,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'noise', 'clip'],
        defectSizes: mixed53('OOOOOF'),
        latencyMs: [0, 0, 0, 0, 59],
        recording: WIND_53,
      },
      {
        seed: 7007,
        program: 59,
        guideProgram: 21,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.43, reverbLevel: 0.19 },
        sampleRate: 26320,
        tonic: 45,
        bpm: 98,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'level', 'late'],
        defectSizes: mixed53('FOOFOO'),
        placement: 'runs',
        latencyMs: [0, 83, 0, 0],
        recording: WIND_53,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_53, dynamics: PLAYED_DYN_53, guideDynamics: GUIDE_DYN_53 })),
  ...(
    [
      {
        seed: 7008,
        voice: SEGA_MEZZO,
        tonic: 57,
        bpm: 76,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed53('OFFOFO'),
        latencyMs: [0, 0, 0, 38, 0],
        sampleRate: 53267,
        recording: SUNG_53,
      },
      {
        seed: 7009,
        voice: GOSPEL_BASS_BARITONE,
        tonic: 46,
        bpm: 66,
        takes: 4,
        sections: 2,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed53('OOFOFO'),
        consonantShare: 0.41,
        sampleRate: 26320,
        recording: SUNG_CHURCH_53,
      },
      {
        seed: 7010,
        voice: DANGDUT_SOPRANO,
        tonic: 69,
        bpm: 100,
        takes: 5,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'level', 'noise', 'clip'],
        defectSizes: mixed53('FOOOOO'),
        timingJitterMs: 6.75,
        pitchJitterCents: 3.35,
        latencyMs: [0, 0, 29, 0, 71],
        sampleRate: 55556,
        recording: SUNG_53,
      },
      {
        seed: 7011,
        voice: SEGA_MEZZO,
        tonic: 59,
        bpm: 84,
        takes: 4,
        sections: 3,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed53('OFOOOO'),
        latencyMs: 97,
        sectionBeats: 56,
        sampleRate: 26320,
        recording: SUNG_53,
      },
      {
        seed: 7012,
        voice: GOSPEL_BASS_BARITONE,
        tonic: 48,
        bpm: 92,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['level', 'missing', 'detune', 'noise', 'late'],
        defectSizes: mixed53('OOFOFO'),
        consonantShare: 0.73,
        timingJitterMs: 15.75,
        pitchJitterCents: 10.35,
        latencyMs: [0, 53, 0, 0, 0],
        sampleRate: 53267,
        recording: SUNG_CHURCH_53,
      },
      {
        seed: 7013,
        voice: DANGDUT_SOPRANO,
        tonic: 66,
        bpm: 110,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'early', 'level'],
        defectSizes: mixed53('OOOOFO'),
        placement: 'runs',
        latencyMs: [0, 0, 17, 0],
        sampleRate: 55556,
        recording: SUNG_53,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_53, dynamics: SUNG_DYN_53, guideDynamics: GUIDE_DYN_53 })),
];
export const HELD_OUT_53_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7014,
    voice: 'th+f5',
    wordsPerMinute: 149,
    espeakPitch: 59,
    takes: 5,
    latencyMs: [0, 0, 34, 0, 0],
    kinds: ['noise', 'missing', 'detune', 'late', 'level'],
    defectSizes: mixed53('FOOOFO'),
    renderDetune: true,
    recording: SPOKEN_53,
    guideRecording: GUIDE_SPOKEN_53,
    dynamics: SPOKEN_DYN_53,
    guideDynamics: GUIDE_DYN_53,
    sentences: ['สวัสดีครับ', 'คุณสบายดีไหม', 'ผมอยู่ที่บ้าน', 'วันนี้ฝนตก', 'ขอบคุณมากครับ'],
  },
  {
    seed: 7015,
    voice: 'yue+m7',
    wordsPerMinute: 139,
    espeakPitch: 31,
    takes: 4,
    latencyMs: [0, 0, 0, 43],
    kinds: ['early', 'missing', 'noise', 'detune'],
    defectSizes: mixed53('OFOOOO'),
    renderDetune: true,
    recording: SPOKEN_53,
    guideRecording: GUIDE_SPOKEN_53,
    dynamics: SPOKEN_DYN_53,
    guideDynamics: GUIDE_DYN_53,
    sentences: ['你好。', '你今日點呀？', '我喺屋企。', '今日落雨。', '多謝晒。'],
  },
];

/** Voices of held-out-54 (in no set before it): a kundiman soprano, an mbalax bass, a huapango falsetto. */
const KUNDIMAN_SOPRANO: VoiceStyle = {
  name: 'kundiman soprano',
  formantScale: 1.115,
  vibratoHz: 5.65,
  vibratoCents: 24,
  vibratoDelaySeconds: 0.41,
  driftCents: 4.5,
  breath: 0.075,
  openPhase: 0.49,
  closePhase: 0.16,
};
const MBALAX_BASS: VoiceStyle = {
  name: 'mbalax bass',
  formantScale: 0.895,
  vibratoHz: 5.35,
  vibratoCents: 19,
  vibratoDelaySeconds: 0.27,
  driftCents: 6.5,
  breath: 0.095,
  openPhase: 0.61,
  closePhase: 0.12,
};
const HUAPANGO_FALSETTO: VoiceStyle = {
  name: 'huapango falsetto',
  formantScale: 1.085,
  vibratoHz: 6.35,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.19,
  driftCents: 2.5,
  breath: 0.115,
  openPhase: 0.66,
  closePhase: 0.09,
};
/**
 * held-out-54's two spreads of defect size, every edge other than held-out-42's to 53's: FAINT_SPREAD_54 (late
 * 19.2–25.3 ms, early 17.3–24.6 ms, detunes 10.7–17.1 cents, level drops 2.28–3.65 dB, bursts −61.3…−47.1 dBFS — the
 * quietest under the noisiest chains' floors —, clipping 1.75–3.45 dB) and ORDINARY_SPREAD_54 (inside defectAmount's
 * own ranges: late 43.5–93.5 ms, early 40.5–88.8 ms, detunes 24.7–46.5 cents, level drops 8.55–12.25 dB, bursts
 * −23.6…−18.1 dBFS, clipping 6.75–10.45 dB).
 */
export const FAINT_SPREAD_54 = {
  late: [19.2, 25.3],
  early: [17.3, 24.6],
  detune: [10.7, 17.1],
  level: [2.28, 3.65],
  noise: [-61.3, -47.1],
  clip: [1.75, 3.45],
} as const;
export const ORDINARY_SPREAD_54 = {
  late: [43.5, 93.5],
  early: [40.5, 88.8],
  detune: [24.7, 46.5],
  level: [8.55, 12.25],
  noise: [-23.6, -18.1],
  clip: [6.75, 10.45],
} as const;
const mixed54 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_54, ORDINARY_SPREAD_54);
/**
 * held-out-54's recordings, sizes **chosen** (no measurement behind them beyond common practice): articulation `hold`
 * (winds 0.82–0.97, bowed 0.86–0.99, reeds 0.78–0.94, sung 0.87–0.99), weak beats `accentDb` under (0.5–1.6 dB; sung
 * 0.3–1.1), **the performer's breathing** (Breathing: inhales winds 14–24 dB under the phrase, mouth in 70–95 % of
 * them, bowed 22–32 dB, mouth 20–50 %, sung 10–20 dB, mouth 60–95 %, speech 13–23 dB, mouth 50–85 %; exhales after
 * 30–45 % of the phrases, 22–34 dB under), rooms RT60 0.35–1.1 s wet 0.06–0.2 (speech 0.18–0.65 s, 0.04–0.13), every
 * take's chain: hiss −88…−64 dBFS, hum −84…−58, fan −80…−52, preamp −85…−60 (each but the hiss with probability 0.65).
 * The bursts (Bursts): all seven shapes on every spec. The guide's person: in tune, detached (0.9–0.98), breathing (its
 * own Breathing, 16–28 dB under), no room, no floor, no burst.
 */
const CHAIN_54: Chain = { hissDb: [-88, -64], humDb: [-84, -58], fanDb: [-80, -52], preampDb: [-85, -60] };
const BREATH_WIND_54: Breathing = {
  mouthShare: [0.7, 0.95],
  inhaleSeconds: [0.22, 0.5],
  gapSeconds: [0.04, 0.12],
  inhaleDb: [14, 24],
  exhaleShare: 0.35,
  exhaleDb: [24, 34],
};
const BREATH_BOWED_54: Breathing = { ...BREATH_WIND_54, mouthShare: [0.2, 0.5], inhaleDb: [22, 32], exhaleShare: 0.3 };
const BREATH_SUNG_54: Breathing = {
  ...BREATH_WIND_54,
  mouthShare: [0.6, 0.95],
  inhaleSeconds: [0.25, 0.55],
  inhaleDb: [10, 20],
  exhaleShare: 0.45,
  exhaleDb: [22, 32],
};
const BREATH_SPOKEN_54: Breathing = {
  mouthShare: [0.5, 0.85],
  inhaleSeconds: [0.2, 0.45],
  gapSeconds: [0.05, 0.14],
  inhaleDb: [13, 23],
  exhaleShare: 0.4,
  exhaleDb: [23, 33],
};
const BURSTS_54: Bursts = { kinds: ['cough', 'throat', 'rustle', 'creak', 'bump', 'pop', 'hiss'] };
const WIND_54: Recording = {
  hold: [0.82, 0.97],
  accentDb: [0.5, 1.6],
  breathing: BREATH_WIND_54,
  rt60: [0.35, 1.1],
  wet: [0.06, 0.2],
  chain: CHAIN_54,
};
const BOWED_54: Recording = { ...WIND_54, hold: [0.86, 0.99], breathing: BREATH_BOWED_54 };
const REED_54: Recording = { ...WIND_54, hold: [0.78, 0.94] };
const SUNG_54: Recording = { ...WIND_54, hold: [0.87, 0.99], accentDb: [0.3, 1.1], breathing: BREATH_SUNG_54 };
const SPOKEN_54: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_54,
  rt60: [0.18, 0.65],
  wet: [0.04, 0.13],
  chain: CHAIN_54,
};
const GUIDE_PLAYED_54: Recording = {
  hold: [0.9, 0.98],
  accentDb: [0.3, 0.9],
  breathing: { ...BREATH_WIND_54, inhaleDb: [20, 28] },
};
const GUIDE_SUNG_54: Recording = { ...GUIDE_PLAYED_54, breathing: { ...BREATH_SUNG_54, inhaleDb: [16, 24] } };
const GUIDE_SPOKEN_54: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_54, inhaleDb: [17, 25] },
};

/**
 * The fifty-fourth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset78, the judge of this
 * round's comp change — faint noise bursts told from breaths and room tails by their shape —; the base's baseline
 * only), made differently from every earlier comp set: **every take by a performer of an eighth model, the
 * performer's breathing** (Breathing, `breathePart`: an inhale of the performer's habit — mouth or nose, its own
 * resonances, rise, flutter and glottal stop — before every phrase, a released breath after some, on every take, the
 * clean one too), **noise bursts of realistic and varied shape** (Bursts, `planBursts`: a cough and a throat-clear
 * from espeak-ng, a page turn or clothing rustle with its impacts, a chair's creak, a mic bump, a plosive's pop, and
 * the earlier sets' burst, from −61.3 dBFS — under a noisy take's floor — to −18.1), each take in its own room and
 * chain (held-out-52's, new sizes: room tails after every phrase and breath); the guide by a person in tune,
 * breathing; songs of 2 and 3 sections beside 6; spoken takes render their detune; defect sizes a realistic mix with
 * spreads' edges other than 42's to 53's; a share of sections clearly best; take and guide programs new to their bank
 * (fluidsynth settings no set used); **the Game Boy Advance's mixing rates** (its sound driver's 18 157, 26 758 and
 * 36 314 Hz; no set used); **tempi of half beats per minute** (no set used) and **tonics no set used** (37, 39, 42,
 * 75, 77, 78); take latencies no set used; three voices in no set (kundiman soprano, mbalax bass, huapango falsetto);
 * a tight singer (timing jitter 4.75 ms, pitch jitter 2.65 cents) and a loose one (18.25 ms, 11.65 cents); consonant
 * shares 0.46 and 0.77; sections of 57 beats; speech from espeak-ng Arabic (ar+Andy, pitch 46, 142 wpm) and Uyghur
 * (ug+Annie, pitch 27, 163 wpm); seeds 7101–7115. 7 played songs (6, 6, 3, 6, 6, 2, 6 sections) + 6 sung (6, 6, 6, 3,
 * 2, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_54: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7101,
        program: 72,
        guideProgram: 54,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.33, reverbLevel: 0.21 },
        sampleRate: 18157,
        tonic: 75,
        bpm: 93.5,
        takes: 5,
        sections: 6,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune', 'level'],
        defectSizes: mixed54('OOOFOO'),
        latencyMs: [0, 0, 0, 44.5, 0],
        recording: REED_54,
      },
      {
        seed: 7102,
        program: 61,
        guideProgram: 80,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.27, reverbLevel: 0.34 },
        sampleRate: 26758,
        tonic: 42,
        bpm: 77.5,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'level'],
        defectSizes: mixed54('OOOFOO'),
        latencyMs: 101,
        recording: WIND_54,
      },
      {
        seed: 7103,
        program: 49,
        guideProgram: 79,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.41, reverbLevel: 0.12 },
        sampleRate: 36314,
        tonic: 39,
        bpm: 68.5,
        takes: 4,
        sections: 3,
        scale: 'dorian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'clip'],
        defectSizes: mixed54('OOFOOO'),
        latencyMs: [0, 31.5, 0, 0],
        recording: BOWED_54,
      },
      {
        seed: 7104,
        program: 72,
        guideProgram: 67,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.36, reverbLevel: 0.24 },
        sampleRate: 18157,
        tonic: 77,
        bpm: 108.5,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'noise', 'early', 'late'],
        defectSizes: mixed54('OFOOOO'),
        recording: REED_54,
      },
      {
        seed: 7105,
        program: 66,
        guideProgram: 42,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.48, reverbLevel: 0.17 },
        sampleRate: 26758,
        tonic: 37,
        bpm: 84.5,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'detune'],
        defectSizes: mixed54('FOOOOO'),
        latencyMs: [0, 0, 67, 0],
        recording: REED_54,
      },
      {
        seed: 7106,
        program: 64,
        guideProgram: 40,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.19, reverbLevel: 0.28 },
        sampleRate: 36314,
        tonic: 78,
        bpm: 99.5,
        takes: 5,
        sections: 2,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['clip', 'missing', 'noise', 'early', 'detune'],
        defectSizes: mixed54('OOFOFF'),
        latencyMs: [0, 0, 0, 0, 26],
        recording: REED_54,
      },
      {
        seed: 7107,
        program: 62,
        guideProgram: 82,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.44, reverbLevel: 0.26 },
        sampleRate: 18157,
        tonic: 39,
        bpm: 116.5,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'level', 'late'],
        defectSizes: mixed54('FOOOFO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 88],
        recording: WIND_54,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_54, bursts: BURSTS_54 })),
  ...(
    [
      {
        seed: 7108,
        voice: KUNDIMAN_SOPRANO,
        tonic: 75,
        bpm: 72.5,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed54('OOOOFO'),
        latencyMs: [0, 0, 52, 0, 0],
        sampleRate: 26758,
        recording: SUNG_54,
      },
      {
        seed: 7109,
        voice: MBALAX_BASS,
        tonic: 37,
        bpm: 96.5,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed54('FOFOOO'),
        consonantShare: 0.46,
        sampleRate: 18157,
        recording: SUNG_54,
      },
      {
        seed: 7110,
        voice: HUAPANGO_FALSETTO,
        tonic: 77,
        bpm: 104.5,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'level', 'noise', 'clip'],
        defectSizes: mixed54('FOOOOF'),
        timingJitterMs: 4.75,
        pitchJitterCents: 2.65,
        latencyMs: [0, 0, 36, 0, 79],
        sampleRate: 36314,
        recording: SUNG_54,
      },
      {
        seed: 7111,
        voice: KUNDIMAN_SOPRANO,
        tonic: 77,
        bpm: 81.5,
        takes: 4,
        sections: 3,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed54('OOOOFO'),
        latencyMs: 93,
        sectionBeats: 57,
        sampleRate: 18157,
        recording: SUNG_54,
      },
      {
        seed: 7112,
        voice: MBALAX_BASS,
        tonic: 42,
        bpm: 88.5,
        takes: 5,
        sections: 2,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'detune', 'noise', 'late'],
        defectSizes: mixed54('OOOFOO'),
        consonantShare: 0.77,
        timingJitterMs: 18.25,
        pitchJitterCents: 11.65,
        latencyMs: [0, 47, 0, 0, 0],
        sampleRate: 26758,
        recording: SUNG_54,
      },
      {
        seed: 7113,
        voice: HUAPANGO_FALSETTO,
        tonic: 75,
        bpm: 112.5,
        takes: 4,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'early', 'level'],
        defectSizes: mixed54('OOOFFO'),
        placement: 'runs',
        latencyMs: [0, 0, 21, 0],
        sampleRate: 36314,
        recording: SUNG_54,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_54, bursts: BURSTS_54 })),
];
export const HELD_OUT_54_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7114,
    voice: 'ar+Andy',
    wordsPerMinute: 142,
    espeakPitch: 46,
    takes: 5,
    latencyMs: [0, 0, 0, 39.5, 0],
    kinds: ['noise', 'missing', 'detune', 'early', 'level'],
    defectSizes: mixed54('OFOFFO'),
    renderDetune: true,
    recording: SPOKEN_54,
    guideRecording: GUIDE_SPOKEN_54,
    bursts: BURSTS_54,
    sentences: ['مرحبا.', 'كيف حالك؟', 'أنا في البيت.', 'اليوم ممطر.', 'شكرا جزيلا.'],
  },
  {
    seed: 7115,
    voice: 'ug+Annie',
    wordsPerMinute: 163,
    espeakPitch: 27,
    takes: 4,
    latencyMs: [0, 0, 28, 0],
    kinds: ['late', 'missing', 'noise', 'detune'],
    defectSizes: mixed54('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_54,
    guideRecording: GUIDE_SPOKEN_54,
    bursts: BURSTS_54,
    sentences: ['ياخشىمۇسىز.', 'ئەھۋالىڭىز قانداق؟', 'مەن ئۆيدە.', 'بۈگۈن يامغۇر ياغدى.', 'كۆپ رەھمەت.'],
  },
];

/** Voices of held-out-55 (in no set before it): a benga tenor, a mento contralto, a khoomei bass. */
const BENGA_TENOR: VoiceStyle = {
  name: 'benga tenor',
  formantScale: 1.035,
  vibratoHz: 5.85,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.23,
  driftCents: 3.5,
  breath: 0.085,
  openPhase: 0.57,
  closePhase: 0.13,
};
const MENTO_CONTRALTO: VoiceStyle = {
  name: 'mento contralto',
  formantScale: 0.985,
  vibratoHz: 5.15,
  vibratoCents: 22,
  vibratoDelaySeconds: 0.36,
  driftCents: 5.5,
  breath: 0.105,
  openPhase: 0.63,
  closePhase: 0.11,
};
const KHOOMEI_BASS: VoiceStyle = {
  name: 'khoomei bass',
  formantScale: 0.875,
  vibratoHz: 4.95,
  vibratoCents: 13,
  vibratoDelaySeconds: 0.31,
  driftCents: 7.5,
  breath: 0.065,
  openPhase: 0.53,
  closePhase: 0.17,
};
/**
 * held-out-55's two spreads of defect size, every edge other than held-out-42's to 54's: FAINT_SPREAD_55 (late
 * 18.7–24.1 ms, early 16.9–23.65 ms, detunes 11.3–16.4 cents, level drops 2.41–3.52 dB, bursts −60.7…−46.3 dBFS — the
 * quietest under the noisiest chains' floors —, clipping 1.95–3.05 dB) and ORDINARY_SPREAD_55 (inside defectAmount's
 * own ranges: late 42.5–91.5 ms, early 39.5–85.5 ms, detunes 25.3–44.5 cents, level drops 8.25–12.05 dB, bursts
 * −23.2…−17.9 dBFS, clipping 6.55–10.15 dB).
 */
export const FAINT_SPREAD_55 = {
  late: [18.7, 24.1],
  early: [16.9, 23.65],
  detune: [11.3, 16.4],
  level: [2.41, 3.52],
  noise: [-60.7, -46.3],
  clip: [1.95, 3.05],
} as const;
export const ORDINARY_SPREAD_55 = {
  late: [42.5, 91.5],
  early: [39.5, 85.5],
  detune: [25.3, 44.5],
  level: [8.25, 12.05],
  noise: [-23.2, -17.9],
  clip: [6.55, 10.15],
} as const;
const mixed55 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_55, ORDINARY_SPREAD_55);
/**
 * held-out-55's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 13–23 dB
 * under the phrase, mouth in 65–90 %, bowed 21–31 dB, mouth 25–55 %, sung 11–21 dB, mouth 55–90 %, speech 12–22 dB,
 * mouth 45–80 %; exhales after 30–50 % of the phrases, 21–33 dB under), **the performer's tone colour** (Colour:
 * corner 1.1–2.4 kHz, phrase gain −0.3…+0.45, attacks +0.1…+0.5 over 40–140 ms; the guide's person −0.1…+0.15,
 * attacks 0–0.15), articulation `hold` (winds 0.8–0.96, bowed 0.85–0.98, reeds 0.79–0.93, sung 0.86–0.98), weak
 * beats `accentDb` under (0.4–1.5 dB; sung 0.3–1.2), rooms RT60 0.3–1.2 s wet 0.05–0.21 (speech 0.2–0.7 s,
 * 0.05–0.14), every take's chain: hiss −87…−63 dBFS, hum −83…−57, fan −79…−51, preamp −86…−61. The bursts (Bursts):
 * five shapes no set used (sniff, smack, crackle, buzz, rumble) with 54's cough, rustle and hiss, 40 % of them in the
 * middle of their rest (the rest at the phrase's edge). The guide's person: in tune, detached (0.9–0.97), breathing,
 * its own colour, no room, no floor, no burst.
 */
const CHAIN_55: Chain = { hissDb: [-87, -63], humDb: [-83, -57], fanDb: [-79, -51], preampDb: [-86, -61] };
const BREATH_WIND_55: Breathing = {
  mouthShare: [0.65, 0.9],
  inhaleSeconds: [0.2, 0.48],
  gapSeconds: [0.05, 0.13],
  inhaleDb: [13, 23],
  exhaleShare: 0.3,
  exhaleDb: [23, 33],
};
const BREATH_BOWED_55: Breathing = {
  ...BREATH_WIND_55,
  mouthShare: [0.25, 0.55],
  inhaleDb: [21, 31],
  exhaleShare: 0.35,
};
const BREATH_SUNG_55: Breathing = {
  ...BREATH_WIND_55,
  mouthShare: [0.55, 0.9],
  inhaleSeconds: [0.24, 0.52],
  inhaleDb: [11, 21],
  exhaleShare: 0.5,
  exhaleDb: [21, 31],
};
const BREATH_SPOKEN_55: Breathing = {
  mouthShare: [0.45, 0.8],
  inhaleSeconds: [0.18, 0.42],
  gapSeconds: [0.06, 0.15],
  inhaleDb: [12, 22],
  exhaleShare: 0.45,
  exhaleDb: [22, 32],
};
const COLOUR_55: Colour = {
  cornerHz: [1100, 2400],
  phraseGain: [-0.3, 0.45],
  attackGain: [0.1, 0.5],
  attackSeconds: [0.04, 0.14],
};
const GUIDE_COLOUR_55: Colour = { ...COLOUR_55, phraseGain: [-0.1, 0.15], attackGain: [0, 0.15] };
const BURSTS_55: Bursts = {
  kinds: ['sniff', 'smack', 'crackle', 'buzz', 'rumble', 'cough', 'rustle', 'hiss'],
  middleShare: 0.4,
};
const WIND_55: Recording = {
  hold: [0.8, 0.96],
  accentDb: [0.4, 1.5],
  breathing: BREATH_WIND_55,
  rt60: [0.3, 1.2],
  wet: [0.05, 0.21],
  chain: CHAIN_55,
};
const BOWED_55: Recording = { ...WIND_55, hold: [0.85, 0.98], breathing: BREATH_BOWED_55 };
const REED_55: Recording = { ...WIND_55, hold: [0.79, 0.93] };
const SUNG_55: Recording = { ...WIND_55, hold: [0.86, 0.98], accentDb: [0.3, 1.2], breathing: BREATH_SUNG_55 };
const SPOKEN_55: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_55,
  rt60: [0.2, 0.7],
  wet: [0.05, 0.14],
  chain: CHAIN_55,
};
const GUIDE_PLAYED_55: Recording = {
  hold: [0.9, 0.97],
  accentDb: [0.3, 0.9],
  breathing: { ...BREATH_WIND_55, inhaleDb: [19, 27] },
};
const GUIDE_SUNG_55: Recording = { ...GUIDE_PLAYED_55, breathing: { ...BREATH_SUNG_55, inhaleDb: [17, 25] } };
const GUIDE_SPOKEN_55: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_55, inhaleDb: [16, 24] },
};
const PERFORMED_55 = { colour: COLOUR_55, guideColour: GUIDE_COLOUR_55, bursts: BURSTS_55 };

/**
 * The fifty-fifth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset79, the next comp judge;
 * the base's baseline only), made differently from every earlier comp set: **every take by a performer of a ninth
 * model, the performer's tone colour** (Colour, `colourPart`: each phrase its own brightness, each attack brighter
 * than its sustain, each phrase's RMS kept; on every take, the clean one too), held-out-54's breathing at new sizes
 * (breaths before every phrase, some after, on every take) and each take in its own room and chain (room tails after
 * every phrase and breath, clean takes too); **noise bursts of five shapes no set used** (a sniff, a lip smack, a
 * cable's crackle, a phone's GSM buzz, distant traffic's rumble; with 54's cough, rustle and hiss), from −60.7 dBFS —
 * under a noisy take's floor — to −17.9, 40 % in the middle of their rest and the rest at the phrase's edge; the
 * guide by a person in tune, breathing, its own mild colour; songs of 2 and 3 sections beside 6; spoken takes render
 * their detune; defect sizes a realistic mix with spreads' edges other than 42's to 54's; take and guide programs new
 * to their bank; **the rates of the Atari STE's DMA sound, the SNES's DSP and the Nintendo DS** (12 517, 32 040 and
 * 32 728 Hz; no set used); **tempi of quarter beats per minute** (no set used) and **tonics no set used** (35, 36,
 * 79, 80, 81); take latencies no set used; three voices in no set (benga tenor, mento contralto, khoomei bass); a
 * tight singer (timing jitter 5.25 ms, pitch jitter 2.15 cents) and a loose one (17.75 ms, 12.35 cents); consonant
 * shares 0.37 and 0.83; sections of 55 beats; speech from espeak-ng Bashkir (ba+Storm, pitch 34, 151 wpm) and Sindhi
 * (sd+Gene, pitch 61, 157 wpm); seeds 7201–7215. 7 played songs (6, 3, 6, 6, 2, 6, 6 sections) + 6 sung (6, 6, 2,
 * 6, 3, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_55: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7201,
        program: 73,
        guideProgram: 75,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.29, reverbLevel: 0.23 },
        sampleRate: 32040,
        tonic: 79,
        bpm: 91.25,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'early', 'detune', 'level'],
        defectSizes: mixed55('OOFOOO'),
        latencyMs: [0, 0, 46.5, 0, 0],
        recording: WIND_55,
      },
      {
        seed: 7202,
        program: 77,
        guideProgram: 76,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.38, reverbLevel: 0.31 },
        sampleRate: 32728,
        tonic: 80,
        bpm: 73.75,
        takes: 4,
        sections: 3,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'level'],
        defectSizes: mixed55('OOOOFO'),
        latencyMs: 58.5,
        recording: WIND_55,
      },
      {
        seed: 7203,
        program: 57,
        guideProgram: 74,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.23, reverbLevel: 0.15 },
        sampleRate: 12517,
        tonic: 36,
        bpm: 66.25,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed55('FOOOOO'),
        latencyMs: [0, 0, 0, 33.5, 0],
        recording: REED_55,
      },
      {
        seed: 7204,
        program: 75,
        guideProgram: 69,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.45, reverbLevel: 0.19 },
        sampleRate: 32040,
        tonic: 81,
        bpm: 106.75,
        takes: 4,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed55('OOOOFO'),
        recording: WIND_55,
      },
      {
        seed: 7205,
        program: 70,
        guideProgram: 72,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.31, reverbLevel: 0.27 },
        sampleRate: 32728,
        tonic: 35,
        bpm: 97.25,
        takes: 5,
        sections: 2,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['clip', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed55('OOOFOF'),
        latencyMs: [0, 71.5, 0, 0, 0],
        recording: REED_55,
      },
      {
        seed: 7206,
        program: 69,
        guideProgram: 66,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.52, reverbLevel: 0.22 },
        sampleRate: 12517,
        tonic: 80,
        bpm: 82.75,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'detune', 'early'],
        defectSizes: mixed55('OFOOOO'),
        latencyMs: [0, 0, 0, 83.5],
        recording: REED_55,
      },
      {
        seed: 7207,
        program: 78,
        guideProgram: 79,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.17, reverbLevel: 0.36 },
        sampleRate: 32040,
        tonic: 79,
        bpm: 118.25,
        takes: 5,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'late', 'detune'],
        defectSizes: mixed55('OOFFFO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 97.5],
        recording: BOWED_55,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_55, ...PERFORMED_55 })),
  ...(
    [
      {
        seed: 7208,
        voice: BENGA_TENOR,
        tonic: 36,
        bpm: 76.25,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'late', 'detune', 'early'],
        defectSizes: mixed55('OOOOFO'),
        latencyMs: [0, 62.5, 0, 0, 0],
        sampleRate: 32728,
        recording: SUNG_55,
      },
      {
        seed: 7209,
        voice: MENTO_CONTRALTO,
        tonic: 79,
        bpm: 94.75,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed55('OOFOOO'),
        consonantShare: 0.37,
        sampleRate: 12517,
        recording: SUNG_55,
      },
      {
        seed: 7210,
        voice: KHOOMEI_BASS,
        tonic: 35,
        bpm: 87.25,
        takes: 5,
        sections: 2,
        scale: 'dorian',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'noise', 'clip', 'level'],
        defectSizes: mixed55('FOOOFO'),
        timingJitterMs: 5.25,
        pitchJitterCents: 2.15,
        latencyMs: [0, 0, 29.5, 0, 0],
        sampleRate: 32040,
        recording: SUNG_55,
      },
      {
        seed: 7211,
        voice: BENGA_TENOR,
        tonic: 80,
        bpm: 102.25,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed55('OFOOOO'),
        latencyMs: 41.5,
        sampleRate: 32728,
        recording: SUNG_55,
      },
      {
        seed: 7212,
        voice: MENTO_CONTRALTO,
        tonic: 81,
        bpm: 79.75,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'detune', 'noise', 'late'],
        defectSizes: mixed55('OOOFFO'),
        consonantShare: 0.83,
        timingJitterMs: 17.75,
        pitchJitterCents: 12.35,
        latencyMs: [0, 0, 0, 54.5, 0],
        sectionBeats: 55,
        sampleRate: 12517,
        recording: SUNG_55,
      },
      {
        seed: 7213,
        voice: KHOOMEI_BASS,
        tonic: 36,
        bpm: 110.75,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'level'],
        defectSizes: mixed55('FOOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 76.5, 0],
        sampleRate: 32040,
        recording: SUNG_55,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_55, ...PERFORMED_55 })),
];
export const HELD_OUT_55_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7214,
    voice: 'ba+Storm',
    wordsPerMinute: 151,
    espeakPitch: 34,
    takes: 5,
    latencyMs: [0, 0, 35.5, 0, 0],
    kinds: ['noise', 'missing', 'detune', 'late', 'level'],
    defectSizes: mixed55('FOOFOO'),
    renderDetune: true,
    recording: SPOKEN_55,
    guideRecording: GUIDE_SPOKEN_55,
    ...PERFORMED_55,
    sentences: ['Һаумыһығыҙ.', 'Хәлдәрегеҙ нисек?', 'Мин өйҙә.', 'Бөгөн ямғыр яуа.', 'Рәхмәт.'],
  },
  {
    seed: 7215,
    voice: 'sd+Gene',
    wordsPerMinute: 157,
    espeakPitch: 61,
    takes: 4,
    latencyMs: [0, 68.5, 0, 0],
    kinds: ['early', 'missing', 'noise', 'detune'],
    defectSizes: mixed55('OOOOFO'),
    renderDetune: true,
    recording: SPOKEN_55,
    guideRecording: GUIDE_SPOKEN_55,
    ...PERFORMED_55,
    sentences: ['سلام.', 'توهان ڪيئن آهيو؟', 'مان گهر ۾ آهيان.', 'اڄ مينهن پيو وسي.', 'مهرباني.'],
  },
];

/** Voices of held-out-56 (in no set before it): a soukous tenor, a chutney mezzo, a chakrulo bass. */
const SOUKOUS_TENOR: VoiceStyle = {
  name: 'soukous tenor',
  formantScale: 1.025,
  vibratoHz: 6.05,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.21,
  driftCents: 4.5,
  breath: 0.075,
  openPhase: 0.59,
  closePhase: 0.12,
};
const CHUTNEY_MEZZO: VoiceStyle = {
  name: 'chutney mezzo',
  formantScale: 1.095,
  vibratoHz: 5.45,
  vibratoCents: 26,
  vibratoDelaySeconds: 0.29,
  driftCents: 6.5,
  breath: 0.115,
  openPhase: 0.61,
  closePhase: 0.145,
};
const CHAKRULO_BASS: VoiceStyle = {
  name: 'chakrulo bass',
  formantScale: 0.885,
  vibratoHz: 4.65,
  vibratoCents: 19,
  vibratoDelaySeconds: 0.38,
  driftCents: 5.25,
  breath: 0.055,
  openPhase: 0.51,
  closePhase: 0.165,
};
/**
 * held-out-56's two spreads of defect size, every edge other than held-out-42's to 55's: FAINT_SPREAD_56 (late
 * 19.45–25.15 ms, early 17.45–24.35 ms, detunes 10.85–17.2 cents, level drops 2.27–3.68 dB, bursts −61.4…−45.7 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 1.8–3.1 dB) and ORDINARY_SPREAD_56 (inside
 * defectAmount's own ranges: late 44.25–93.75 ms, early 41.25–87.5 ms, detunes 26.3–46.25 cents, level drops
 * 8.15–12.15 dB, bursts −22.7…−17.3 dBFS, clipping 6.95–10.55 dB).
 */
export const FAINT_SPREAD_56 = {
  late: [19.45, 25.15],
  early: [17.45, 24.35],
  detune: [10.85, 17.2],
  level: [2.27, 3.68],
  noise: [-61.4, -45.7],
  clip: [1.8, 3.1],
} as const;
export const ORDINARY_SPREAD_56 = {
  late: [44.25, 93.75],
  early: [41.25, 87.5],
  detune: [26.3, 46.25],
  level: [8.15, 12.15],
  noise: [-22.7, -17.3],
  clip: [6.95, 10.55],
} as const;
const mixed56 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_56, ORDINARY_SPREAD_56);
/**
 * held-out-56's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds
 * 14.5–24.5 dB under the phrase, mouth in 60–88 %, bowed 22–30 dB, mouth 30–60 %, sung 10.5–20.5 dB, mouth 50–85 %,
 * speech 12.5–21.5 dB, mouth 40–75 %; exhales after 25–50 % of the phrases, 20.5–32.5 dB under), **the performer's
 * onsets and releases** (Onsets: aspirated onsets in 30–75 % of the phrases, 40–110 ms of air 14–24 dB under the
 * phrase, the voice faded in over 30–90 ms; the others hard, clicks 10–20 dB under, 0.8–2.2 dB of overshoot; creaky
 * releases in 25–60 % of the phrases, 60–160 ms at 35–70 Hz; the others an aspirated puff of 60–150 ms 16–26 dB
 * under; the guide's person aspirated in 20–40 %, air 20–28 dB under, clicks 18–26, overshoot 0.3–0.9 dB, creak in
 * 10–25 %, puffs 22–30 dB under), articulation `hold` (winds 0.81–0.95, bowed 0.84–0.97, reeds 0.78–0.92, sung
 * 0.85–0.97), weak beats `accentDb` under (0.45–1.45 dB; sung 0.35–1.25), rooms RT60 0.25–1.3 s wet 0.04–0.22
 * (speech 0.15–0.75 s, 0.04–0.15), every take's chain: hiss −88.5…−62.5 dBFS, hum −84…−56.5, fan −80…−50.5, preamp
 * −87…−60.5. The bursts (Bursts): five shapes no set used (door, snap, bleed, flip, zip), 55 % of them in the middle
 * of their rest (the rest at the phrase's edge). The guide's person: in tune, detached (0.89–0.96), breathing, its
 * own onsets, no room, no floor, no burst.
 */
const CHAIN_56: Chain = { hissDb: [-88.5, -62.5], humDb: [-84, -56.5], fanDb: [-80, -50.5], preampDb: [-87, -60.5] };
const BREATH_WIND_56: Breathing = {
  mouthShare: [0.6, 0.88],
  inhaleSeconds: [0.22, 0.5],
  gapSeconds: [0.045, 0.125],
  inhaleDb: [14.5, 24.5],
  exhaleShare: 0.35,
  exhaleDb: [22.5, 32.5],
};
const BREATH_BOWED_56: Breathing = { ...BREATH_WIND_56, mouthShare: [0.3, 0.6], inhaleDb: [22, 30], exhaleShare: 0.25 };
const BREATH_SUNG_56: Breathing = {
  ...BREATH_WIND_56,
  mouthShare: [0.5, 0.85],
  inhaleSeconds: [0.26, 0.5],
  inhaleDb: [10.5, 20.5],
  exhaleShare: 0.4,
  exhaleDb: [20.5, 30.5],
};
const BREATH_SPOKEN_56: Breathing = {
  mouthShare: [0.4, 0.75],
  inhaleSeconds: [0.2, 0.4],
  gapSeconds: [0.055, 0.145],
  inhaleDb: [12.5, 21.5],
  exhaleShare: 0.5,
  exhaleDb: [21.5, 31.5],
};
const ONSETS_56: Onsets = {
  aspirateShare: [0.3, 0.75],
  aspirateSeconds: [0.04, 0.11],
  aspirateDb: [14, 24],
  fadeSeconds: [0.03, 0.09],
  clickDb: [10, 20],
  overshootDb: [0.8, 2.2],
  fryShare: [0.25, 0.6],
  frySeconds: [0.06, 0.16],
  fryHz: [35, 70],
  releaseDb: [16, 26],
  releaseSeconds: [0.06, 0.15],
};
const GUIDE_ONSETS_56: Onsets = {
  ...ONSETS_56,
  aspirateShare: [0.2, 0.4],
  aspirateDb: [20, 28],
  clickDb: [18, 26],
  overshootDb: [0.3, 0.9],
  fryShare: [0.1, 0.25],
  releaseDb: [22, 30],
};
const BURSTS_56: Bursts = { kinds: ['door', 'snap', 'bleed', 'flip', 'zip'], middleShare: 0.55 };
const WIND_56: Recording = {
  hold: [0.81, 0.95],
  accentDb: [0.45, 1.45],
  breathing: BREATH_WIND_56,
  rt60: [0.25, 1.3],
  wet: [0.04, 0.22],
  chain: CHAIN_56,
};
const BOWED_56: Recording = { ...WIND_56, hold: [0.84, 0.97], breathing: BREATH_BOWED_56 };
const REED_56: Recording = { ...WIND_56, hold: [0.78, 0.92] };
const SUNG_56: Recording = { ...WIND_56, hold: [0.85, 0.97], accentDb: [0.35, 1.25], breathing: BREATH_SUNG_56 };
const SPOKEN_56: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_56,
  rt60: [0.15, 0.75],
  wet: [0.04, 0.15],
  chain: CHAIN_56,
};
const GUIDE_PLAYED_56: Recording = {
  hold: [0.89, 0.96],
  accentDb: [0.25, 0.85],
  breathing: { ...BREATH_WIND_56, inhaleDb: [18.5, 26.5] },
};
const GUIDE_SUNG_56: Recording = { ...GUIDE_PLAYED_56, breathing: { ...BREATH_SUNG_56, inhaleDb: [16.5, 24.5] } };
const GUIDE_SPOKEN_56: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_56, inhaleDb: [15.5, 23.5] },
};
const PERFORMED_56 = { onsets: ONSETS_56, guideOnsets: GUIDE_ONSETS_56, bursts: BURSTS_56 };

/**
 * The fifty-sixth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset80, the next comp judge
 * after held-out-55; the base's baseline only), made differently from every earlier comp set: **every take by a
 * performer of a tenth model, the performer's onsets and releases** (Onsets, `onsetPart`: each phrase entered
 * aspirated — air before the tone, the tone faded in — or hard — a glottal or tongued click and an overshoot —, each
 * phrase let go in creak — the tone chopped by an irregular 35–70 Hz pulse train — or on an aspirated puff; on every
 * take, the clean one too), held-out-54's breathing at new sizes (breaths before every phrase, some after, on every
 * take) and each take in its own room and chain (room tails after every phrase, onset, release and breath, clean takes
 * too); **noise bursts of five shapes no set used** (a door shut in the next room, a finger snap, the click track's
 * bleed from the headphones at the song's beat, a page turned close to the mic, a jacket's zip), from −61.4 dBFS —
 * under a noisy take's floor — to −17.3, 55 % in the middle of their rest and the rest at the phrase's edge; the guide
 * by a person in tune, breathing, its own milder onsets; songs of 2 and 3 sections beside 6; spoken takes render their
 * detune; defect sizes a realistic mix with spreads' edges other than 42's to 55's; take and guide programs new to
 * their bank; **the rates of the Sharp X68000's ADPCM, the NEC PC-9801-86 board and the Yamaha OPL chips** (15 625,
 * 33 075 and 49 716 Hz; no set used); **tempi of fifths of a beat per minute** (no set used) and **tonics no set
 * used** (33, 34, 82, 83, 84); take latencies no set used; three voices in no set (soukous tenor, chutney mezzo,
 * chakrulo bass); a tight singer (timing jitter 4.25 ms, pitch jitter 1.85 cents) and a loose one (16.25 ms, 13.45
 * cents); consonant shares 0.52 and 0.88; sections of 58 beats; speech from espeak-ng Chuvash (cv+iven2, pitch 37,
 * 146 wpm) and Konkani (kok+steph3, pitch 49, 167 wpm); seeds 7301–7315. 7 played songs (6, 2, 6, 6, 3, 6, 6
 * sections) + 6 sung (6, 3, 6, 6, 6, 2) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74 sections, each with
 * one clean take.
 */
export const HELD_OUT_56: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7301,
        program: 58,
        guideProgram: 82,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.34, reverbLevel: 0.29 },
        sampleRate: 15625,
        tonic: 34,
        bpm: 74.8,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune', 'level'],
        defectSizes: mixed56('OOOFOO'),
        latencyMs: [0, 0, 0, 52.5, 0],
        recording: WIND_56,
      },
      {
        seed: 7302,
        program: 85,
        guideProgram: 81,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.26, reverbLevel: 0.37 },
        sampleRate: 33075,
        tonic: 82,
        bpm: 98.4,
        takes: 4,
        sections: 2,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'level'],
        defectSizes: mixed56('OOOOFO'),
        latencyMs: 64.5,
        recording: WIND_56,
      },
      {
        seed: 7303,
        program: 23,
        guideProgram: 19,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.47, reverbLevel: 0.14 },
        sampleRate: 49716,
        tonic: 33,
        bpm: 67.4,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'clip', 'early'],
        defectSizes: mixed56('OFOOOO'),
        latencyMs: [0, 0, 27.5, 0, 0],
        recording: REED_56,
      },
      {
        seed: 7304,
        program: 79,
        guideProgram: 52,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.21, reverbLevel: 0.26 },
        sampleRate: 15625,
        tonic: 83,
        bpm: 113.6,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'noise', 'detune'],
        defectSizes: mixed56('OOOOFO'),
        recording: WIND_56,
      },
      {
        seed: 7305,
        program: 59,
        guideProgram: 61,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.39, reverbLevel: 0.18 },
        sampleRate: 33075,
        tonic: 84,
        bpm: 90.6,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['clip', 'missing', 'noise', 'early', 'level'],
        defectSizes: mixed56('OFOOOF'),
        latencyMs: [0, 43.5, 0, 0, 0],
        recording: WIND_56,
      },
      {
        seed: 7306,
        program: 67,
        guideProgram: 60,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.55, reverbLevel: 0.24 },
        sampleRate: 49716,
        tonic: 33,
        bpm: 83.2,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'detune', 'late'],
        defectSizes: mixed56('FOOOOO'),
        latencyMs: [0, 0, 0, 77.5],
        recording: REED_56,
      },
      {
        seed: 7307,
        program: 43,
        guideProgram: 50,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.18, reverbLevel: 0.33 },
        sampleRate: 15625,
        tonic: 34,
        bpm: 121.8,
        takes: 5,
        sections: 6,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'late', 'detune'],
        defectSizes: mixed56('OOFOFO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 91.5],
        recording: BOWED_56,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_56, ...PERFORMED_56 })),
  ...(
    [
      {
        seed: 7308,
        voice: SOUKOUS_TENOR,
        tonic: 33,
        bpm: 78.6,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'early', 'detune', 'late'],
        defectSizes: mixed56('OOFOOO'),
        latencyMs: [0, 0, 0, 61.5, 0],
        sampleRate: 33075,
        recording: SUNG_56,
      },
      {
        seed: 7309,
        voice: CHUTNEY_MEZZO,
        tonic: 83,
        bpm: 96.2,
        takes: 4,
        sections: 3,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed56('OOOFOO'),
        consonantShare: 0.52,
        latencyMs: [0, 0, 0, 34.5],
        sampleRate: 15625,
        recording: SUNG_56,
      },
      {
        seed: 7310,
        voice: CHAKRULO_BASS,
        tonic: 34,
        bpm: 88.8,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'noise', 'clip', 'level'],
        defectSizes: mixed56('OOOOFO'),
        timingJitterMs: 4.25,
        pitchJitterCents: 1.85,
        latencyMs: [0, 0, 37.5, 0, 0],
        sampleRate: 49716,
        recording: SUNG_56,
      },
      {
        seed: 7311,
        voice: SOUKOUS_TENOR,
        tonic: 82,
        bpm: 105.4,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed56('OOFOOO'),
        latencyMs: 49.5,
        sampleRate: 33075,
        recording: SUNG_56,
      },
      {
        seed: 7312,
        voice: CHUTNEY_MEZZO,
        tonic: 84,
        bpm: 81.6,
        takes: 5,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'detune', 'noise', 'late'],
        defectSizes: mixed56('FOOFOO'),
        consonantShare: 0.88,
        timingJitterMs: 16.25,
        pitchJitterCents: 13.45,
        latencyMs: [0, 0, 0, 0, 73.5],
        sectionBeats: 58,
        sampleRate: 15625,
        recording: SUNG_56,
      },
      {
        seed: 7313,
        voice: CHAKRULO_BASS,
        tonic: 33,
        bpm: 117.2,
        takes: 4,
        sections: 2,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'level'],
        defectSizes: mixed56('OOOOFO'),
        placement: 'runs',
        sampleRate: 49716,
        recording: SUNG_56,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_56, ...PERFORMED_56 })),
];
export const HELD_OUT_56_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7314,
    voice: 'cv+iven2',
    wordsPerMinute: 146,
    espeakPitch: 37,
    takes: 5,
    latencyMs: [0, 0, 0, 0, 66.5],
    kinds: ['noise', 'missing', 'detune', 'early', 'level'],
    defectSizes: mixed56('OFFOOO'),
    renderDetune: true,
    recording: SPOKEN_56,
    guideRecording: GUIDE_SPOKEN_56,
    ...PERFORMED_56,
    sentences: ['Салам.', 'Эсир мӗнле пурӑнатӑр?', 'Эпӗ килте.', 'Паян ҫумӑр ҫӑвать.', 'Тавах.'],
  },
  {
    seed: 7315,
    voice: 'kok+steph3',
    wordsPerMinute: 167,
    espeakPitch: 49,
    takes: 4,
    latencyMs: [0, 86.5, 0, 0],
    kinds: ['late', 'missing', 'noise', 'detune'],
    defectSizes: mixed56('OOOOFO'),
    renderDetune: true,
    recording: SPOKEN_56,
    guideRecording: GUIDE_SPOKEN_56,
    ...PERFORMED_56,
    sentences: ['नमस्कार.', 'तुमी कशे आसात?', 'हांव घरा आसां.', 'आयज पावस पडटा.', 'देव बरें करूं.'],
  },
];

/** Voices of held-out-57 (in no set before it): a gwoka baritone, a taarab soprano, a bomba tenor. */
const GWOKA_BARITONE: VoiceStyle = {
  name: 'gwoka baritone',
  formantScale: 0.935,
  vibratoHz: 5.15,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.33,
  driftCents: 4.75,
  breath: 0.065,
  openPhase: 0.535,
  closePhase: 0.155,
};
const TAARAB_SOPRANO: VoiceStyle = {
  name: 'taarab soprano',
  formantScale: 1.135,
  vibratoHz: 5.85,
  vibratoCents: 29,
  vibratoDelaySeconds: 0.24,
  driftCents: 6.25,
  breath: 0.125,
  openPhase: 0.625,
  closePhase: 0.135,
};
const BOMBA_TENOR: VoiceStyle = {
  name: 'bomba tenor',
  formantScale: 1.04,
  vibratoHz: 6.35,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.19,
  driftCents: 3.75,
  breath: 0.085,
  openPhase: 0.575,
  closePhase: 0.115,
};
/**
 * held-out-57's two spreads of defect size, every edge other than held-out-42's to 56's: FAINT_SPREAD_57 (late
 * 21.35–27.05 ms, early 18.65–25.55 ms, detunes 11.35–17.85 cents, level drops 2.43–3.81 dB, bursts −60.2…−44.3 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 1.92–3.28 dB) and ORDINARY_SPREAD_57 (inside
 * defectAmount's own ranges: late 46.75–91.25 ms, early 43.75–85.25 ms, detunes 27.6–44.85 cents, level drops
 * 8.75–11.95 dB, bursts −21.9…−16.6 dBFS, clipping 7.15–10.25 dB).
 */
export const FAINT_SPREAD_57 = {
  late: [21.35, 27.05],
  early: [18.65, 25.55],
  detune: [11.35, 17.85],
  level: [2.43, 3.81],
  noise: [-60.2, -44.3],
  clip: [1.92, 3.28],
} as const;
export const ORDINARY_SPREAD_57 = {
  late: [46.75, 91.25],
  early: [43.75, 85.25],
  detune: [27.6, 44.85],
  level: [8.75, 11.95],
  noise: [-21.9, -16.6],
  clip: [7.15, 10.25],
} as const;
const mixed57 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_57, ORDINARY_SPREAD_57);
/**
 * held-out-57's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds
 * 13.5–23.5 dB under the phrase, mouth in 55–85 %, bowed 21–29 dB, mouth 25–55 %, sung 11.5–21.5 dB, mouth 45–80 %,
 * speech 13.5–22.5 dB, mouth 35–70 %; exhales after 30–45 % of the phrases, 21.5–33.5 dB under), **the singer's
 * scoops into notes** (Scoops: the phrase's first note scooped in 45–85 % of the phrases, the others in 12–35 %, from
 * 30–110 cents flat over 45–130 ms, settled over 2–3.5 × the glide; the guide's person in 5–20 % and 3–10 %, 8–25
 * cents), articulation `hold` (winds 0.8–0.94, bowed 0.83–0.96, reeds 0.79–0.93, sung 0.84–0.96), weak beats
 * `accentDb` under (0.5–1.5 dB; sung 0.4–1.3), rooms RT60 0.3–1.35 s wet 0.05–0.23 (speech 0.2–0.8 s, 0.05–0.16),
 * every take's chain: hiss −87.5…−61.5 dBFS, hum −83…−55.5, fan −79…−49.5, preamp −86…−59.5. The bursts (Bursts):
 * four shapes no set used (mouse, roll, bark, chirp), 45 % of them in the middle of their rest (the rest at the
 * phrase's edge). The guide's person: in tune, detached (0.88–0.95), breathing, its own milder scoops, no room, no
 * floor, no burst.
 */
const CHAIN_57: Chain = { hissDb: [-87.5, -61.5], humDb: [-83, -55.5], fanDb: [-79, -49.5], preampDb: [-86, -59.5] };
const BREATH_WIND_57: Breathing = {
  mouthShare: [0.55, 0.85],
  inhaleSeconds: [0.24, 0.52],
  gapSeconds: [0.05, 0.13],
  inhaleDb: [13.5, 23.5],
  exhaleShare: 0.3,
  exhaleDb: [23.5, 33.5],
};
const BREATH_BOWED_57: Breathing = {
  ...BREATH_WIND_57,
  mouthShare: [0.25, 0.55],
  inhaleDb: [21, 29],
  exhaleShare: 0.3,
};
const BREATH_SUNG_57: Breathing = {
  ...BREATH_WIND_57,
  mouthShare: [0.45, 0.8],
  inhaleSeconds: [0.25, 0.48],
  inhaleDb: [11.5, 21.5],
  exhaleShare: 0.45,
  exhaleDb: [21.5, 31.5],
};
const BREATH_SPOKEN_57: Breathing = {
  mouthShare: [0.35, 0.7],
  inhaleSeconds: [0.19, 0.38],
  gapSeconds: [0.06, 0.15],
  inhaleDb: [13.5, 22.5],
  exhaleShare: 0.4,
  exhaleDb: [22.5, 32.5],
};
const SCOOPS_57: Scoops = {
  firstShare: [0.45, 0.85],
  otherShare: [0.12, 0.35],
  cents: [30, 110],
  seconds: [0.045, 0.13],
  recover: [2, 3.5],
};
const GUIDE_SCOOPS_57: Scoops = { ...SCOOPS_57, firstShare: [0.05, 0.2], otherShare: [0.03, 0.1], cents: [8, 25] };
const BURSTS_57: Bursts = { kinds: ['mouse', 'roll', 'bark', 'chirp'], middleShare: 0.45 };
const WIND_57: Recording = {
  hold: [0.8, 0.94],
  accentDb: [0.5, 1.5],
  breathing: BREATH_WIND_57,
  rt60: [0.3, 1.35],
  wet: [0.05, 0.23],
  chain: CHAIN_57,
};
const BOWED_57: Recording = { ...WIND_57, hold: [0.83, 0.96], breathing: BREATH_BOWED_57 };
const REED_57: Recording = { ...WIND_57, hold: [0.79, 0.93] };
const SUNG_57: Recording = { ...WIND_57, hold: [0.84, 0.96], accentDb: [0.4, 1.3], breathing: BREATH_SUNG_57 };
const SPOKEN_57: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_57,
  rt60: [0.2, 0.8],
  wet: [0.05, 0.16],
  chain: CHAIN_57,
};
const GUIDE_PLAYED_57: Recording = {
  hold: [0.88, 0.95],
  accentDb: [0.3, 0.9],
  breathing: { ...BREATH_WIND_57, inhaleDb: [17.5, 25.5] },
};
const GUIDE_SUNG_57: Recording = { ...GUIDE_PLAYED_57, breathing: { ...BREATH_SUNG_57, inhaleDb: [15.5, 23.5] } };
const GUIDE_SPOKEN_57: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_57, inhaleDb: [16.5, 24.5] },
};
const PERFORMED_57 = { scoops: SCOOPS_57, guideScoops: GUIDE_SCOOPS_57, bursts: BURSTS_57 };

/**
 * The fifty-seventh held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset82, the next comp
 * judge after held-out-56; the base's baseline only), made differently from every earlier comp set: **every take by a
 * performer of an eleventh model, a singer who scoops into notes** (Scoops, `scoopPart`: a share of the notes — more
 * of the phrases' first notes — entered 30–110 cents flat and glided up over 45–130 ms, settling with a small
 * overshoot sized so no onset moves; on every take, the clean one too), held-out-54's breathing at new sizes (breaths
 * before every phrase, some after, on every take) and each take in its own room and chain (room tails after every
 * phrase and breath, clean takes too); **noise bursts of four shapes no set used** (a mouse clicked on the desk, an
 * office chair rolled, a dog barking far off, a phone's ring-tone chirp), from −60.2 dBFS — under a noisy take's floor
 * — to −16.6, 45 % in the middle of their rest and the rest at the phrase's edge; the guide by a person in tune,
 * breathing, its own milder scoops; songs of 2 and 3 sections beside 6; spoken takes render their detune; defect sizes
 * a realistic mix with spreads' edges other than 42's to 56's; take and guide programs new to their bank; **the rates
 * of the Macintosh's 11 127 Hz, the Amiga's PAL Paula at period 123 and the Game Boy Advance's mixer** (11 127, 28 867
 * and 32 768 Hz; no set used); **tempi of odd eighths of a beat per minute** (no set used) and **tonics no set used**
 * (31, 32, 85, 86, 87); take latencies no set used; three voices in no set (gwoka baritone, taarab soprano, bomba
 * tenor); a tight singer (timing jitter 5.75 ms, pitch jitter 2.35 cents) and a loose one (14.75 ms, 11.85 cents);
 * consonant shares 0.49 and 0.86; sections of 59 beats; speech from espeak-ng Western Armenian (hyw+Andy, pitch
 * 43, 154 wpm) and Nogai (nog+Denis, pitch 54, 166 wpm); seeds 7401–7415. 7 played songs (6, 3, 6, 6, 2, 6, 6
 * sections) + 6 sung (6, 6, 2, 6, 3, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74 sections, each with
 * one clean take.
 */
export const HELD_OUT_57: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7401,
        program: 56,
        guideProgram: 72,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.31, reverbLevel: 0.27 },
        sampleRate: 28867,
        tonic: 85,
        bpm: 71.375,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed57('OOFOOO'),
        latencyMs: [0, 0, 47.5, 0, 0],
        recording: WIND_57,
      },
      {
        seed: 7402,
        program: 80,
        guideProgram: 73,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.23, reverbLevel: 0.35 },
        sampleRate: 32768,
        tonic: 31,
        bpm: 95.625,
        takes: 4,
        sections: 3,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'early', 'level'],
        defectSizes: mixed57('OOOFOO'),
        latencyMs: 28.5,
        recording: WIND_57,
      },
      {
        seed: 7403,
        program: 59,
        guideProgram: 66,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.44, reverbLevel: 0.16 },
        sampleRate: 11127,
        tonic: 32,
        bpm: 64.875,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'noise', 'clip', 'detune'],
        defectSizes: mixed57('FOOOOO'),
        latencyMs: [0, 0, 0, 0, 69.5],
        recording: REED_57,
      },
      {
        seed: 7404,
        program: 74,
        guideProgram: 71,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.19, reverbLevel: 0.28 },
        sampleRate: 28867,
        tonic: 86,
        bpm: 108.125,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed57('OFOOOO'),
        recording: WIND_57,
      },
      {
        seed: 7405,
        program: 72,
        guideProgram: 68,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.36, reverbLevel: 0.21 },
        sampleRate: 32768,
        tonic: 87,
        bpm: 86.375,
        takes: 5,
        sections: 2,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed57('OOOOFF'),
        latencyMs: [0, 36.5, 0, 0, 0],
        recording: WIND_57,
      },
      {
        seed: 7406,
        program: 73,
        guideProgram: 69,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.53, reverbLevel: 0.19 },
        sampleRate: 28867,
        tonic: 85,
        bpm: 79.625,
        takes: 4,
        sections: 6,
        scale: 'phrygian',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed57('OOFOOO'),
        latencyMs: [0, 0, 81.5, 0],
        recording: REED_57,
      },
      {
        seed: 7407,
        program: 44,
        guideProgram: 77,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.16, reverbLevel: 0.31 },
        sampleRate: 32768,
        tonic: 32,
        bpm: 117.875,
        takes: 5,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'level', 'detune'],
        defectSizes: mixed57('OOFFOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 94.5, 0],
        recording: BOWED_57,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_57, ...PERFORMED_57 })),
  ...(
    [
      {
        seed: 7408,
        voice: GWOKA_BARITONE,
        tonic: 31,
        bpm: 74.125,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed57('OFOOOO'),
        latencyMs: [0, 0, 0, 42.5, 0],
        sampleRate: 28867,
        recording: SUNG_57,
      },
      {
        seed: 7409,
        voice: TAARAB_SOPRANO,
        tonic: 86,
        bpm: 99.375,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'detune', 'level'],
        defectSizes: mixed57('OOFOOO'),
        consonantShare: 0.49,
        latencyMs: [0, 59.5, 0, 0],
        sampleRate: 32768,
        recording: SUNG_57,
      },
      {
        seed: 7410,
        voice: BOMBA_TENOR,
        tonic: 85,
        bpm: 83.875,
        takes: 5,
        sections: 2,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['clip', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed57('OOOFOO'),
        timingJitterMs: 5.75,
        pitchJitterCents: 2.35,
        latencyMs: [0, 0, 0, 0, 74.5],
        sampleRate: 11127,
        recording: SUNG_57,
      },
      {
        seed: 7411,
        voice: GWOKA_BARITONE,
        tonic: 32,
        bpm: 102.125,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'early'],
        defectSizes: mixed57('OFOOFO'),
        latencyMs: 88.5,
        sampleRate: 32768,
        recording: SUNG_57,
      },
      {
        seed: 7412,
        voice: TAARAB_SOPRANO,
        tonic: 87,
        bpm: 69.625,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'detune', 'noise', 'late'],
        defectSizes: mixed57('FOOFOO'),
        consonantShare: 0.86,
        timingJitterMs: 14.75,
        pitchJitterCents: 11.85,
        latencyMs: [0, 0, 38.5, 0, 0],
        sectionBeats: 59,
        sampleRate: 28867,
        recording: SUNG_57,
      },
      {
        seed: 7413,
        voice: BOMBA_TENOR,
        tonic: 31,
        bpm: 112.375,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'level', 'detune'],
        defectSizes: mixed57('OOOFOO'),
        placement: 'runs',
        sampleRate: 11127,
        recording: SUNG_57,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_57, ...PERFORMED_57 })),
];
export const HELD_OUT_57_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7414,
    voice: 'hyw+Andy',
    wordsPerMinute: 154,
    espeakPitch: 43,
    takes: 5,
    latencyMs: [0, 0, 0, 56.5, 0],
    kinds: ['early', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed57('OFOOFO'),
    renderDetune: true,
    recording: SPOKEN_57,
    guideRecording: GUIDE_SPOKEN_57,
    ...PERFORMED_57,
    sentences: ['Բարեւ։', 'Ինչպէ՞ս էք։', 'Ես տունն եմ։', 'Այսօր անձրեւ կու գայ։', 'Շնորհակալ եմ։'],
  },
  {
    seed: 7415,
    voice: 'nog+Denis',
    wordsPerMinute: 166,
    espeakPitch: 54,
    takes: 4,
    latencyMs: [0, 0, 63.5, 0],
    kinds: ['noise', 'missing', 'late', 'detune'],
    defectSizes: mixed57('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_57,
    guideRecording: GUIDE_SPOKEN_57,
    ...PERFORMED_57,
    sentences: ['Салам.', 'Сиз калай турасыз?', 'Мен уйдеман.', 'Бугун янъгыр явады.', 'Рахмет.'],
  },
];

/** Voices of held-out-58 (in no set before it): a palmwine baritone, a sevdalinka mezzo, a mbube bass. */
const PALMWINE_BARITONE: VoiceStyle = {
  name: 'palmwine baritone',
  formantScale: 0.945,
  vibratoHz: 5.45,
  vibratoCents: 21,
  vibratoDelaySeconds: 0.27,
  driftCents: 5.15,
  breath: 0.075,
  openPhase: 0.545,
  closePhase: 0.165,
};
const SEVDALINKA_MEZZO: VoiceStyle = {
  name: 'sevdalinka mezzo',
  formantScale: 1.085,
  vibratoHz: 5.65,
  vibratoCents: 25,
  vibratoDelaySeconds: 0.31,
  driftCents: 5.85,
  breath: 0.115,
  openPhase: 0.605,
  closePhase: 0.145,
};
const MBUBE_BASS: VoiceStyle = {
  name: 'mbube bass',
  formantScale: 0.905,
  vibratoHz: 4.95,
  vibratoCents: 9,
  vibratoDelaySeconds: 0.37,
  driftCents: 3.35,
  breath: 0.055,
  openPhase: 0.515,
  closePhase: 0.175,
};
/**
 * held-out-58's two spreads of defect size, every edge other than held-out-42's to 57's: FAINT_SPREAD_58 (late
 * 22.65–28.15 ms, early 19.35–26.45 ms, detunes 10.95–18.85 cents, level drops 2.17–3.63 dB, bursts −61.6…−45.4 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 1.83–3.41 dB) and ORDINARY_SPREAD_58 (inside
 * defectAmount's own ranges: late 48.85–93.65 ms, early 42.85–87.15 ms, detunes 26.35–46.15 cents, level drops
 * 8.85–12.45 dB, bursts −22.9…−16.2 dBFS, clipping 7.05–10.75 dB).
 */
export const FAINT_SPREAD_58 = {
  late: [22.65, 28.15],
  early: [19.35, 26.45],
  detune: [10.95, 18.85],
  level: [2.17, 3.63],
  noise: [-61.6, -45.4],
  clip: [1.83, 3.41],
} as const;
export const ORDINARY_SPREAD_58 = {
  late: [48.85, 93.65],
  early: [42.85, 87.15],
  detune: [26.35, 46.15],
  level: [8.85, 12.45],
  noise: [-22.9, -16.2],
  clip: [7.05, 10.75],
} as const;
const mixed58 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_58, ORDINARY_SPREAD_58);
/**
 * held-out-58's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 14.5–24.5
 * dB under the phrase, mouth in 50–80 %, bowed 20–28 dB, mouth 30–60 %, sung 12.5–20.5 dB, mouth 40–75 %, speech
 * 12.5–21.5 dB, mouth 30–65 %; exhales after 25–40 % of the phrases, 22.5–34.5 dB under), **the performer's vibrato
 * that widens on long notes** (Widening: on notes of 0.26–0.34 s or longer, from 0.11–0.22 s into the note, 4.7–6.1 Hz,
 * starting at 5–12 cents and widening by 28–55 cents a second held, up to 38–62 cents; the guide's person 2–5 cents
 * widening 4–9, up to 8–14), **a single loud breath before a phrase on clean takes** (LoudBreath: a gasp 3–8 dB under
 * the next phrase, its peak at most 0.7 of the phrase's, in 35 % of the phrases whose breath falls in a section where
 * the take is the clean one), **a click track's bleed** from the headphones on one take of five songs (ClickBleed:
 * −63…−47 dBFS at its loudest 50 ms, every beat, the bar's first higher), articulation `hold` (winds 0.81–0.95, bowed
 * 0.84–0.97, reeds 0.78–0.92, plucked 0.86–0.97, sung 0.83–0.95), weak beats `accentDb` under (0.6–1.6 dB; sung
 * 0.3–1.2), rooms RT60 0.35–1.45 s wet 0.06–0.24 (speech 0.25–0.85 s, 0.04–0.15), every take's chain: hiss −88.5…−62.5
 * dBFS, hum −84…−56.5, fan −78…−50.5, preamp −87…−60.5. The bursts (Bursts): four shapes no set used (farcough, fridge,
 * bird, lighter), 40 % of them in the middle of their rest (the rest at the phrase's edge). The guide's person: in
 * tune, detached (0.87–0.94), breathing, its own narrow vibrato, no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_58: Chain = { hissDb: [-88.5, -62.5], humDb: [-84, -56.5], fanDb: [-78, -50.5], preampDb: [-87, -60.5] };
const BREATH_WIND_58: Breathing = {
  mouthShare: [0.5, 0.8],
  inhaleSeconds: [0.23, 0.5],
  gapSeconds: [0.06, 0.14],
  inhaleDb: [14.5, 24.5],
  exhaleShare: 0.25,
  exhaleDb: [24.5, 34.5],
};
const BREATH_BOWED_58: Breathing = {
  ...BREATH_WIND_58,
  mouthShare: [0.3, 0.6],
  inhaleDb: [20, 28],
  exhaleShare: 0.25,
};
const BREATH_SUNG_58: Breathing = {
  ...BREATH_WIND_58,
  mouthShare: [0.4, 0.75],
  inhaleSeconds: [0.26, 0.5],
  inhaleDb: [12.5, 20.5],
  exhaleShare: 0.4,
  exhaleDb: [22.5, 32.5],
};
const BREATH_SPOKEN_58: Breathing = {
  mouthShare: [0.3, 0.65],
  inhaleSeconds: [0.2, 0.36],
  gapSeconds: [0.05, 0.14],
  inhaleDb: [12.5, 21.5],
  exhaleShare: 0.35,
  exhaleDb: [23.5, 33.5],
};
const WIDENING_58: Widening = {
  minSeconds: [0.26, 0.34],
  delaySeconds: [0.11, 0.22],
  hz: [4.7, 6.1],
  startCents: [5, 12],
  widenCents: [28, 55],
  maxCents: [38, 62],
};
const GUIDE_WIDENING_58: Widening = { ...WIDENING_58, startCents: [2, 5], widenCents: [4, 9], maxCents: [8, 14] };
const LOUD_BREATH_58: LoudBreath = { share: 0.35, db: [3, 8], seconds: [0.3, 0.52], gapSeconds: [0.04, 0.1] };
const BURSTS_58: Bursts = { kinds: ['farcough', 'fridge', 'bird', 'lighter'], middleShare: 0.4 };
const WIND_58: Recording = {
  hold: [0.81, 0.95],
  accentDb: [0.6, 1.6],
  breathing: BREATH_WIND_58,
  rt60: [0.35, 1.45],
  wet: [0.06, 0.24],
  chain: CHAIN_58,
};
const BOWED_58: Recording = { ...WIND_58, hold: [0.84, 0.97], breathing: BREATH_BOWED_58 };
const REED_58: Recording = { ...WIND_58, hold: [0.78, 0.92] };
const PLUCKED_58: Recording = { ...WIND_58, hold: [0.86, 0.97], breathing: BREATH_BOWED_58 };
const SUNG_58: Recording = { ...WIND_58, hold: [0.83, 0.95], accentDb: [0.3, 1.2], breathing: BREATH_SUNG_58 };
const SPOKEN_58: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_58,
  rt60: [0.25, 0.85],
  wet: [0.04, 0.15],
  chain: CHAIN_58,
};
const GUIDE_PLAYED_58: Recording = {
  hold: [0.87, 0.94],
  accentDb: [0.4, 1],
  breathing: { ...BREATH_WIND_58, inhaleDb: [18.5, 26.5] },
};
const GUIDE_SUNG_58: Recording = { ...GUIDE_PLAYED_58, breathing: { ...BREATH_SUNG_58, inhaleDb: [16.5, 24.5] } };
const GUIDE_SPOKEN_58: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_58, inhaleDb: [17.5, 25.5] },
};
const PERFORMED_58 = { vibrato: WIDENING_58, guideVibrato: GUIDE_WIDENING_58, loudBreath: LOUD_BREATH_58 };
const bleed58 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-63, -47] } });

/**
 * The fifty-eighth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset83, the next comp
 * judge after held-out-57; the base's baseline only), made differently from every earlier comp set: **every song
 * take by a performer of a twelfth model, one whose vibrato widens on long notes** (Widening, `widenPart`: from a
 * delay into each note long enough, a vibrato that starts narrow and widens the longer the note is held, faded out
 * before the note's end, the pitch moved by a varying delay that is zero at both ends so no onset moves; on every
 * song take, the clean one too, and the guide's person narrower; speech none), held-out-54's breathing at new sizes
 * (breaths before every phrase, some after, on every take) and each take in its own room and chain (room tails after
 * every phrase and breath, clean takes too); **a single loud breath before a phrase on clean takes** (LoudBreath: a
 * gasp 3–8 dB under the next phrase, placed only where it falls in a section whose clean take it is — in a song the
 * rest before the next section, where bursts lie); **a click track's bleed on one take of five songs** (ClickBleed:
 * the headphones' click, every beat over the whole take, at the mic); **noise bursts of four shapes no set used** (a
 * cough far off down the hall, a fridge's compressor switching on, a bird outside the window, a lighter's flint
 * struck by the mic), from −61.6 dBFS — under a noisy take's floor — to −16.2, 40 % in the middle of their rest and
 * the rest at the phrase's edge; the guide by a person in tune, breathing, its own narrow vibrato; songs of 2 and 3
 * sections beside 6; spoken takes render their detune; defect sizes a realistic mix with spreads' edges other than
 * 42's to 57's; take and guide programs new to their bank; **the Atari Falcon030 codec's rates** (12 292, 14 049 and
 * 16 390 Hz: 98 340 Hz over 8, 7 and 6; no set used); **tempi of odd sixteenths of a beat per minute** (no set used)
 * and **tonics no set used** (29, 30, 88, 89, 90); take latencies of quarter milliseconds (no set used); three voices
 * in no set (palmwine baritone, sevdalinka mezzo, mbube bass); a tight singer (timing jitter 7.25 ms, pitch jitter
 * 3.15 cents) and a loose one (12.5 ms, 9.15 cents); consonant shares 0.51 and 0.79; sections of 61 beats; speech
 * from espeak-ng Bishnupriya Manipuri (bpy+Belinda, pitch 39, 148 wpm) and Shan (shn+Zac, pitch 56, 173 wpm); seeds
 * 7501–7515. 7 played songs (6, 6, 3, 6, 6, 2, 6 sections) + 6 sung (6, 6, 3, 6, 2, 6) = 64 sections with a MIDI
 * guide, + 2 × 5 sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_58: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7501,
        program: 22,
        guideProgram: 83,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.273, reverbLevel: 0.331 },
        sampleRate: 16390,
        tonic: 89,
        bpm: 72.4375,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'detune', 'late'],
        defectSizes: mixed58('OOFOOO'),
        latencyMs: [0, 0, 0, 52.75, 0],
        recording: REED_58,
        ...bleed58(1),
      },
      {
        seed: 7502,
        program: 24,
        guideProgram: 46,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.481, reverbLevel: 0.183 },
        sampleRate: 12292,
        tonic: 30,
        bpm: 93.1875,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'early', 'detune'],
        defectSizes: mixed58('OFOOOO'),
        latencyMs: 33.25,
        recording: PLUCKED_58,
      },
      {
        seed: 7503,
        program: 61,
        guideProgram: 80,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.213, reverbLevel: 0.262 },
        sampleRate: 14049,
        tonic: 88,
        bpm: 66.6875,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'noise', 'clip', 'level'],
        defectSizes: mixed58('OOOFOO'),
        latencyMs: [0, 71.25, 0, 0, 0],
        recording: WIND_58,
      },
      {
        seed: 7504,
        program: 62,
        guideProgram: 76,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.392, reverbLevel: 0.227 },
        sampleRate: 16390,
        tonic: 29,
        bpm: 104.8125,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'level'],
        defectSizes: mixed58('OOOFOO'),
        recording: WIND_58,
        ...bleed58(2),
      },
      {
        seed: 7505,
        program: 79,
        guideProgram: 75,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.172, reverbLevel: 0.369 },
        sampleRate: 12292,
        tonic: 90,
        bpm: 81.3125,
        takes: 5,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'early', 'clip'],
        defectSizes: mixed58('OOOOFO'),
        latencyMs: [0, 0, 0, 0, 44.25],
        recording: WIND_58,
      },
      {
        seed: 7506,
        program: 57,
        guideProgram: 79,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.583, reverbLevel: 0.142 },
        sampleRate: 14049,
        tonic: 30,
        bpm: 87.5625,
        takes: 4,
        sections: 2,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'late', 'level'],
        defectSizes: mixed58('OOOFOO'),
        latencyMs: [0, 0, 86.75, 0],
        recording: REED_58,
      },
      {
        seed: 7507,
        program: 87,
        guideProgram: 3,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.341, reverbLevel: 0.287 },
        sampleRate: 16390,
        tonic: 89,
        bpm: 115.9375,
        takes: 5,
        sections: 6,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'detune', 'early'],
        defectSizes: mixed58('OFOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 97.25],
        recording: BOWED_58,
        ...bleed58(0),
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_58, ...PERFORMED_58, bursts: BURSTS_58 })),
  ...(
    [
      {
        seed: 7508,
        voice: PALMWINE_BARITONE,
        tonic: 30,
        bpm: 76.0625,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed58('OOFOOO'),
        latencyMs: [0, 0, 57.25, 0, 0],
        sampleRate: 16390,
        recording: SUNG_58,
      },
      {
        seed: 7509,
        voice: SEVDALINKA_MEZZO,
        tonic: 89,
        bpm: 68.8125,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'detune', 'early'],
        defectSizes: mixed58('OOFOOO'),
        consonantShare: 0.51,
        latencyMs: [0, 0, 0, 38.75],
        sampleRate: 14049,
        recording: SUNG_58,
        ...bleed58(3),
      },
      {
        seed: 7510,
        voice: MBUBE_BASS,
        tonic: 29,
        bpm: 97.4375,
        takes: 5,
        sections: 3,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['clip', 'missing', 'noise', 'late', 'detune'],
        defectSizes: mixed58('FOOOOO'),
        timingJitterMs: 7.25,
        pitchJitterCents: 3.15,
        latencyMs: [0, 0, 0, 0, 66.25],
        sampleRate: 12292,
        recording: SUNG_58,
      },
      {
        seed: 7511,
        voice: PALMWINE_BARITONE,
        tonic: 88,
        bpm: 109.5625,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'noise', 'level'],
        defectSizes: mixed58('OOOOFO'),
        latencyMs: 91.75,
        sampleRate: 16390,
        recording: SUNG_58,
      },
      {
        seed: 7512,
        voice: SEVDALINKA_MEZZO,
        tonic: 90,
        bpm: 63.9375,
        takes: 5,
        sections: 2,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'detune', 'noise', 'early'],
        defectSizes: mixed58('OOOFOO'),
        consonantShare: 0.79,
        timingJitterMs: 12.5,
        pitchJitterCents: 9.15,
        latencyMs: [0, 0, 41.75, 0, 0],
        sectionBeats: 61,
        sampleRate: 14049,
        recording: SUNG_58,
        ...bleed58(4),
      },
      {
        seed: 7513,
        voice: MBUBE_BASS,
        tonic: 88,
        bpm: 119.6875,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'level', 'detune'],
        defectSizes: mixed58('OOOFOO'),
        placement: 'runs',
        sampleRate: 12292,
        recording: SUNG_58,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_58, ...PERFORMED_58, bursts: BURSTS_58 })),
];
export const HELD_OUT_58_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7514,
    voice: 'bpy+Belinda',
    wordsPerMinute: 148,
    espeakPitch: 39,
    takes: 5,
    latencyMs: [0, 0, 0, 0, 62.25],
    kinds: ['late', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed58('OOOOFO'),
    renderDetune: true,
    recording: SPOKEN_58,
    guideRecording: GUIDE_SPOKEN_58,
    loudBreath: LOUD_BREATH_58,
    bursts: BURSTS_58,
    sentences: ['নমস্কার।', 'তি কিসাদে আসত?', 'মি ঘরে আসু।', 'আজি দেও বারের।', 'ধন্যবাদ।'],
  },
  {
    seed: 7515,
    voice: 'shn+Zac',
    wordsPerMinute: 173,
    espeakPitch: 56,
    takes: 4,
    latencyMs: [0, 48.25, 0, 0],
    kinds: ['noise', 'missing', 'early', 'detune'],
    defectSizes: mixed58('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_58,
    guideRecording: GUIDE_SPOKEN_58,
    loudBreath: LOUD_BREATH_58,
    bursts: BURSTS_58,
    sentences: ['မႂ်ႇသုင်ၶႃႈ။', 'ၸဝ်ႈၵဝ်ႇယူႇလီယူႇႁႃႉ?', 'ၵဝ်ယူႇႁိူၼ်း။', 'မိူဝ်ႈၼႆႉၾူၼ်တူၵ်း။', 'ယိၼ်းလီၼမ်ႉ။'],
  },
];

/** Voices of held-out-59 (in no set before it): a polska soprano, a kolo tenor, a halling bass. */
const POLSKA_SOPRANO: VoiceStyle = {
  name: 'polska soprano',
  formantScale: 1.115,
  vibratoHz: 5.85,
  vibratoCents: 23,
  vibratoDelaySeconds: 0.29,
  driftCents: 4.65,
  breath: 0.105,
  openPhase: 0.625,
  closePhase: 0.135,
};
const KOLO_TENOR: VoiceStyle = {
  name: 'kolo tenor',
  formantScale: 1.015,
  vibratoHz: 5.35,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.23,
  driftCents: 5.45,
  breath: 0.085,
  openPhase: 0.565,
  closePhase: 0.155,
};
const HALLING_BASS: VoiceStyle = {
  name: 'halling bass',
  formantScale: 0.915,
  vibratoHz: 4.85,
  vibratoCents: 11,
  vibratoDelaySeconds: 0.41,
  driftCents: 3.65,
  breath: 0.065,
  openPhase: 0.535,
  closePhase: 0.185,
};
/**
 * held-out-59's two spreads of defect size, every edge other than held-out-42's to 58's: FAINT_SPREAD_59 (late
 * 23.35–28.85 ms, early 19.85–26.05 ms, detunes 11.45–19.15 cents, level drops 2.29–3.73 dB, bursts −62.2…−45.6 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 1.93–3.51 dB) and ORDINARY_SPREAD_59 (inside
 * defectAmount's own ranges: late 49.35–92.85 ms, early 43.35–86.65 ms, detunes 26.85–45.65 cents, level drops
 * 8.95–12.1 dB, bursts −22.4…−16.4 dBFS, clipping 7.25–10.3 dB).
 */
export const FAINT_SPREAD_59 = {
  late: [23.35, 28.85],
  early: [19.85, 26.05],
  detune: [11.45, 19.15],
  level: [2.29, 3.73],
  noise: [-62.2, -45.6],
  clip: [1.93, 3.51],
} as const;
export const ORDINARY_SPREAD_59 = {
  late: [49.35, 92.85],
  early: [43.35, 86.65],
  detune: [26.85, 45.65],
  level: [8.95, 12.1],
  noise: [-22.4, -16.4],
  clip: [7.25, 10.3],
} as const;
const mixed59 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_59, ORDINARY_SPREAD_59);
/**
 * held-out-59's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 15–25 dB
 * under the phrase, mouth in 45–80 %, bowed 19.5–27.5 dB, mouth 30–55 %, sung 13–21 dB, mouth 45–75 %, speech 13–22
 * dB, mouth 35–65 %; exhales after 25–45 % of the phrases, 23–35 dB under), **the performer's level following the
 * melody's register** (Register: 0.35–0.7 dB a semitone from the phrase's mean pitch, at most ±4–7 dB, eased over
 * 20–50 ms; the guide's person 0.08–0.18 dB a semitone, at most ±1–2 dB), **a single loud breath before a phrase on
 * clean takes** (held-out-58's LoudBreath at new sizes: a gasp 2.5–7.5 dB under the next phrase, its peak at most 0.7
 * of the phrase's, in 40 % of the phrases whose breath falls in a section where the take is the clean one), **a click
 * track's bleed** from the headphones on one take of five songs (held-out-58's ClickBleed: −61…−45 dBFS at its loudest
 * 50 ms), articulation `hold` (winds 0.8–0.94, bowed 0.85–0.97, reeds 0.79–0.93, plucked 0.87–0.97, sung 0.82–0.95),
 * weak beats `accentDb` under (0.5–1.5 dB; sung 0.35–1.25), rooms RT60 0.4–1.5 s wet 0.07–0.25 (speech 0.3–0.9 s,
 * 0.05–0.16), every take's chain: hiss −89…−63 dBFS, hum −83.5…−57, fan −78.5…−51, preamp −86.5…−61. The bursts
 * (Bursts): four shapes no set used (kettle, tablebuzz, latch, pen), 45 % of them in the middle of their rest (the
 * rest at the phrase's edge). The guide's person: in tune, detached (0.86–0.93), breathing, its own narrow register
 * lean, no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_59: Chain = { hissDb: [-89, -63], humDb: [-83.5, -57], fanDb: [-78.5, -51], preampDb: [-86.5, -61] };
const BREATH_WIND_59: Breathing = {
  mouthShare: [0.45, 0.8],
  inhaleSeconds: [0.22, 0.48],
  gapSeconds: [0.05, 0.13],
  inhaleDb: [15, 25],
  exhaleShare: 0.25,
  exhaleDb: [25, 35],
};
const BREATH_BOWED_59: Breathing = {
  ...BREATH_WIND_59,
  mouthShare: [0.3, 0.55],
  inhaleDb: [19.5, 27.5],
  exhaleShare: 0.3,
};
const BREATH_SUNG_59: Breathing = {
  ...BREATH_WIND_59,
  mouthShare: [0.45, 0.75],
  inhaleSeconds: [0.25, 0.48],
  inhaleDb: [13, 21],
  exhaleShare: 0.45,
  exhaleDb: [23, 33],
};
const BREATH_SPOKEN_59: Breathing = {
  mouthShare: [0.35, 0.65],
  inhaleSeconds: [0.19, 0.35],
  gapSeconds: [0.05, 0.13],
  inhaleDb: [13, 22],
  exhaleShare: 0.35,
  exhaleDb: [24, 34],
};
const REGISTER_59: Register = { dbPerSemitone: [0.35, 0.7], maxDb: [4, 7], glideSeconds: [0.02, 0.05] };
const GUIDE_REGISTER_59: Register = { dbPerSemitone: [0.08, 0.18], maxDb: [1, 2], glideSeconds: [0.02, 0.05] };
const LOUD_BREATH_59: LoudBreath = { share: 0.4, db: [2.5, 7.5], seconds: [0.28, 0.5], gapSeconds: [0.05, 0.11] };
const BURSTS_59: Bursts = { kinds: ['kettle', 'tablebuzz', 'latch', 'pen'], middleShare: 0.45 };
const WIND_59: Recording = {
  hold: [0.8, 0.94],
  accentDb: [0.5, 1.5],
  breathing: BREATH_WIND_59,
  rt60: [0.4, 1.5],
  wet: [0.07, 0.25],
  chain: CHAIN_59,
};
const BOWED_59: Recording = { ...WIND_59, hold: [0.85, 0.97], breathing: BREATH_BOWED_59 };
const REED_59: Recording = { ...WIND_59, hold: [0.79, 0.93] };
const PLUCKED_59: Recording = { ...WIND_59, hold: [0.87, 0.97], breathing: BREATH_BOWED_59 };
const SUNG_59: Recording = { ...WIND_59, hold: [0.82, 0.95], accentDb: [0.35, 1.25], breathing: BREATH_SUNG_59 };
const SPOKEN_59: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_59,
  rt60: [0.3, 0.9],
  wet: [0.05, 0.16],
  chain: CHAIN_59,
};
const GUIDE_PLAYED_59: Recording = {
  hold: [0.86, 0.93],
  accentDb: [0.35, 0.95],
  breathing: { ...BREATH_WIND_59, inhaleDb: [19, 27] },
};
const GUIDE_SUNG_59: Recording = { ...GUIDE_PLAYED_59, breathing: { ...BREATH_SUNG_59, inhaleDb: [17, 25] } };
const GUIDE_SPOKEN_59: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_59, inhaleDb: [18, 26] },
};
const PERFORMED_59 = { register: REGISTER_59, guideRegister: GUIDE_REGISTER_59, loudBreath: LOUD_BREATH_59 };
const bleed59 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-61, -45] } });

/**
 * The fifty-ninth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset85, the next comp judge
 * after held-out-58; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of a thirteenth model, one whose level follows the melody's register** (Register, `registerPart`: each
 * note louder or softer by its distance in semitones from its phrase's mean pitch, the phrase's level kept, eased so
 * no onset moves; on every song take, the clean one too, and the guide's person lighter; speech none — none of 47's to
 * 58's models), held-out-54's breathing at new sizes (breaths before every phrase, some after, on every take) and each
 * take in its own room and chain (room tails after every phrase and breath, clean takes too); **a single loud breath
 * before a phrase on clean takes** (held-out-58's LoudBreath at new sizes); **a click track's bleed on one take of five
 * songs** (held-out-58's ClickBleed, new levels); **noise bursts of four shapes no set used** (a kettle near the boil
 * next door, a phone buzzing on a wooden table, a door's latch, a ballpoint pen clicked by the mic), from −62.2 dBFS —
 * under a noisy take's floor — to −16.4, 45 % in the middle of their rest and the rest at the phrase's edge; the guide
 * by a person in tune, breathing; songs of 2 and 3 sections beside 6; spoken takes render their detune; defect sizes a
 * realistic mix with spreads' edges other than 42's to 58's; take and guide programs new to their bank; **the Amiga's
 * Paula rates** (PAL clock 3 546 895 Hz over periods 222, 256 and 296: 15 977, 13 855 and 11 983 Hz; no set used);
 * **tempi of odd thirty-seconds of a beat per minute** (no set used) and **tonics no set used** (27, 28, 91, 92);
 * take latencies of odd eighths of a millisecond (no set used); three voices in no set (polska soprano, kolo tenor,
 * halling bass); a tight singer (timing jitter 6.35 ms, pitch jitter 2.95 cents) and a loose one (13.85 ms, 9.85
 * cents); consonant shares 0.54 and 0.76; sections of 60 beats; speech from espeak-ng Ancient Greek (grc+Andy, pitch
 * 51, 141 wpm) and Quenya (qya+Annie, pitch 66, 164 wpm); seeds 7601–7615. 7 played songs (6, 3, 6, 6, 2, 6, 6
 * sections) + 6 sung (6, 6, 2, 6, 3, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74 sections, each with one
 * clean take.
 */
export const HELD_OUT_59: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7601,
        program: 48,
        guideProgram: 40,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.297, reverbLevel: 0.309 },
        sampleRate: 15977,
        tonic: 91,
        bpm: 73.28125,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed59('OOOFOO'),
        latencyMs: [0, 0, 0, 0, 53.125],
        recording: BOWED_59,
        ...bleed59(1),
      },
      {
        seed: 7602,
        program: 75,
        guideProgram: 64,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.457, reverbLevel: 0.196 },
        sampleRate: 11983,
        tonic: 27,
        bpm: 94.71875,
        takes: 4,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'clip'],
        defectSizes: mixed59('FOOOOO'),
        latencyMs: [0, 34.375, 0, 0],
        recording: WIND_59,
      },
      {
        seed: 7603,
        program: 57,
        guideProgram: 70,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.238, reverbLevel: 0.274 },
        sampleRate: 13855,
        tonic: 92,
        bpm: 67.84375,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'late', 'detune', 'level'],
        defectSizes: mixed59('OOFOOO'),
        latencyMs: 72.625,
        recording: WIND_59,
        ...bleed59(0),
      },
      {
        seed: 7604,
        program: 60,
        guideProgram: 74,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.366, reverbLevel: 0.241 },
        sampleRate: 15977,
        tonic: 28,
        bpm: 105.59375,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'detune'],
        defectSizes: mixed59('OFOOOO'),
        recording: WIND_59,
      },
      {
        seed: 7605,
        program: 74,
        guideProgram: 73,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.188, reverbLevel: 0.352 },
        sampleRate: 13855,
        tonic: 91,
        bpm: 82.15625,
        takes: 5,
        sections: 2,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['level', 'missing', 'noise', 'late', 'clip'],
        defectSizes: mixed59('OOOOOF'),
        latencyMs: [0, 0, 45.875, 0, 0],
        recording: WIND_59,
      },
      {
        seed: 7606,
        program: 72,
        guideProgram: 67,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.561, reverbLevel: 0.158 },
        sampleRate: 11983,
        tonic: 28,
        bpm: 88.46875,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'early', 'level'],
        defectSizes: mixed59('OOOOFO'),
        latencyMs: [0, 0, 0, 87.125],
        recording: REED_59,
        ...bleed59(2),
      },
      {
        seed: 7607,
        program: 25,
        guideProgram: 75,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.319, reverbLevel: 0.298 },
        sampleRate: 15977,
        tonic: 92,
        bpm: 114.90625,
        takes: 5,
        sections: 6,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'detune', 'late'],
        defectSizes: mixed59('OOFOOO'),
        placement: 'runs',
        latencyMs: [98.375, 0, 0, 0, 0],
        recording: PLUCKED_59,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_59, ...PERFORMED_59, bursts: BURSTS_59 })),
  ...(
    [
      {
        seed: 7608,
        voice: KOLO_TENOR,
        tonic: 28,
        bpm: 77.65625,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'detune', 'level'],
        defectSizes: mixed59('FOOOOO'),
        latencyMs: [0, 0, 0, 58.625, 0],
        sampleRate: 13855,
        recording: SUNG_59,
      },
      {
        seed: 7609,
        voice: POLSKA_SOPRANO,
        tonic: 92,
        bpm: 69.34375,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'level', 'early'],
        defectSizes: mixed59('OOOFOO'),
        consonantShare: 0.54,
        latencyMs: [0, 39.875, 0, 0],
        sampleRate: 15977,
        recording: SUNG_59,
        ...bleed59(3),
      },
      {
        seed: 7610,
        voice: HALLING_BASS,
        tonic: 27,
        bpm: 98.78125,
        takes: 5,
        sections: 2,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed59('OOFOOO'),
        timingJitterMs: 6.35,
        pitchJitterCents: 2.95,
        latencyMs: [67.375, 0, 0, 0, 0],
        sectionBeats: 60,
        sampleRate: 11983,
        recording: SUNG_59,
      },
      {
        seed: 7611,
        voice: KOLO_TENOR,
        tonic: 91,
        bpm: 110.09375,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'level'],
        defectSizes: mixed59('OOOOFO'),
        latencyMs: 92.125,
        sampleRate: 13855,
        recording: SUNG_59,
      },
      {
        seed: 7612,
        voice: POLSKA_SOPRANO,
        tonic: 91,
        bpm: 64.53125,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'detune', 'noise', 'late'],
        defectSizes: mixed59('OOFOOO'),
        consonantShare: 0.76,
        timingJitterMs: 13.85,
        pitchJitterCents: 9.85,
        latencyMs: [0, 0, 42.625, 0, 0],
        sampleRate: 15977,
        recording: SUNG_59,
        ...bleed59(1),
      },
      {
        seed: 7613,
        voice: HALLING_BASS,
        tonic: 28,
        bpm: 118.40625,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'detune', 'early'],
        defectSizes: mixed59('OOFOOO'),
        placement: 'runs',
        sampleRate: 11983,
        recording: SUNG_59,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_59, ...PERFORMED_59, bursts: BURSTS_59 })),
];
export const HELD_OUT_59_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7614,
    voice: 'grc+Andy',
    wordsPerMinute: 141,
    espeakPitch: 51,
    takes: 5,
    latencyMs: [0, 0, 63.875, 0, 0],
    kinds: ['detune', 'missing', 'noise', 'late', 'level'],
    defectSizes: mixed59('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_59,
    guideRecording: GUIDE_SPOKEN_59,
    loudBreath: LOUD_BREATH_59,
    bursts: BURSTS_59,
    sentences: ['χαῖρε.', 'πῶς ἔχεις;', 'ἐν οἴκῳ εἰμί.', 'σήμερον ὕει.', 'χάριν σοι ἔχω.'],
  },
  {
    seed: 7615,
    voice: 'qya+Annie',
    wordsPerMinute: 164,
    espeakPitch: 66,
    takes: 4,
    latencyMs: [0, 0, 0, 49.125],
    kinds: ['noise', 'missing', 'early', 'detune'],
    defectSizes: mixed59('OFOOOO'),
    renderDetune: true,
    recording: SPOKEN_59,
    guideRecording: GUIDE_SPOKEN_59,
    loudBreath: LOUD_BREATH_59,
    bursts: BURSTS_59,
    sentences: ['Aiya!', 'Manen nalye?', 'Nanye coanyasse.', 'Síra lantëa miste.', 'Hantanyel.'],
  },
];

/** Voices of held-out-60 (in no set before it): a schottische soprano, a hambo tenor, a jig bass. */
const SCHOTTISCHE_SOPRANO: VoiceStyle = {
  name: 'schottische soprano',
  formantScale: 1.105,
  vibratoHz: 5.95,
  vibratoCents: 21,
  vibratoDelaySeconds: 0.27,
  driftCents: 4.35,
  breath: 0.095,
  openPhase: 0.615,
  closePhase: 0.145,
};
const HAMBO_TENOR: VoiceStyle = {
  name: 'hambo tenor',
  formantScale: 1.025,
  vibratoHz: 5.45,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.21,
  driftCents: 5.15,
  breath: 0.075,
  openPhase: 0.575,
  closePhase: 0.165,
};
const JIG_BASS: VoiceStyle = {
  name: 'jig bass',
  formantScale: 0.925,
  vibratoHz: 4.75,
  vibratoCents: 13,
  vibratoDelaySeconds: 0.39,
  driftCents: 3.85,
  breath: 0.055,
  openPhase: 0.545,
  closePhase: 0.175,
};
/**
 * held-out-60's two spreads of defect size, every edge other than held-out-42's to 59's: FAINT_SPREAD_60 (late
 * 22.85–28.35 ms, early 20.35–25.65 ms, detunes 11.85–18.65 cents, level drops 2.37–3.61 dB, bursts −61.15…−46.2 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.05–3.29 dB) and ORDINARY_SPREAD_60 (inside
 * defectAmount's own ranges: late 50.65–91.35 ms, early 44.15–85.85 ms, detunes 27.35–44.55 cents, level drops
 * 9.15–11.65 dB, bursts −21.6…−16.8 dBFS, clipping 7.45–9.85 dB).
 */
export const FAINT_SPREAD_60 = {
  late: [22.85, 28.35],
  early: [20.35, 25.65],
  detune: [11.85, 18.65],
  level: [2.37, 3.61],
  noise: [-61.15, -46.2],
  clip: [2.05, 3.29],
} as const;
export const ORDINARY_SPREAD_60 = {
  late: [50.65, 91.35],
  early: [44.15, 85.85],
  detune: [27.35, 44.55],
  level: [9.15, 11.65],
  noise: [-21.6, -16.8],
  clip: [7.45, 9.85],
} as const;
const mixed60 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_60, ORDINARY_SPREAD_60);
/**
 * held-out-60's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds
 * 14.5–24.5 dB under the phrase, mouth in 40–75 %, bowed 18.5–26.5 dB, mouth 35–60 %, sung 12.5–20.5 dB, mouth 50–80 %,
 * speech 12.5–21.5 dB, mouth 30–60 %; exhales after 20–40 % of the phrases, 22–34 dB under), **the performer rushing
 * the ends of phrases** (Rush: the last 30–50 % of a phrase's notes entered early, growing as the square of their place
 * to 8–18 ms on its last note, each note's audio moved whole so its pitch is kept; the phrase's entry kept), **a single
 * loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes: a gasp 3–8 dB under the next
 * phrase, its peak at most 0.7 of the phrase's, in 45 % of the phrases whose breath falls in a section where the take
 * is the clean one), **a click track's bleed** from the headphones on one take of five songs (held-out-58's
 * ClickBleed: −60.5…−44.5 dBFS at its loudest 50 ms), articulation `hold` (winds 0.81–0.95, bowed 0.86–0.98, reeds
 * 0.78–0.92, plucked 0.88–0.98, sung 0.83–0.96), weak beats `accentDb` under (0.45–1.45 dB; sung 0.3–1.2), rooms RT60
 * 0.45–1.55 s wet 0.08–0.26 (speech 0.35–0.95 s, 0.06–0.17), every take's chain: hiss −88.5…−62.5 dBFS, hum
 * −84…−56.5, fan −79…−50.5, preamp −87…−60.5. The bursts (Bursts): four shapes no set used (a cup set down, keys
 * jingled, a tap's drips, a fingernail on the mic's grille), 50 % of them in the middle of their rest (the rest at the
 * phrase's edge). The guide's person: in tune, detached (0.87–0.94), breathing, steady (no rush), no room, no floor,
 * no burst, no loud breath, no click.
 */
const CHAIN_60: Chain = { hissDb: [-88.5, -62.5], humDb: [-84, -56.5], fanDb: [-79, -50.5], preampDb: [-87, -60.5] };
const BREATH_WIND_60: Breathing = {
  mouthShare: [0.4, 0.75],
  inhaleSeconds: [0.21, 0.46],
  gapSeconds: [0.06, 0.14],
  inhaleDb: [14.5, 24.5],
  exhaleShare: 0.2,
  exhaleDb: [24, 34],
};
const BREATH_BOWED_60: Breathing = {
  ...BREATH_WIND_60,
  mouthShare: [0.35, 0.6],
  inhaleDb: [18.5, 26.5],
  exhaleShare: 0.25,
};
const BREATH_SUNG_60: Breathing = {
  ...BREATH_WIND_60,
  mouthShare: [0.5, 0.8],
  inhaleSeconds: [0.24, 0.46],
  inhaleDb: [12.5, 20.5],
  exhaleShare: 0.4,
  exhaleDb: [22, 32],
};
const BREATH_SPOKEN_60: Breathing = {
  mouthShare: [0.3, 0.6],
  inhaleSeconds: [0.18, 0.34],
  gapSeconds: [0.06, 0.14],
  inhaleDb: [12.5, 21.5],
  exhaleShare: 0.3,
  exhaleDb: [23, 33],
};
const RUSH_60: Rush = { share: [0.3, 0.5], ms: [8, 18] };
const LOUD_BREATH_60: LoudBreath = { share: 0.45, db: [3, 8], seconds: [0.26, 0.46], gapSeconds: [0.06, 0.12] };
const BURSTS_60: Bursts = { kinds: ['cup', 'keys', 'drip', 'nail'], middleShare: 0.5 };
const WIND_60: Recording = {
  hold: [0.81, 0.95],
  accentDb: [0.45, 1.45],
  breathing: BREATH_WIND_60,
  rt60: [0.45, 1.55],
  wet: [0.08, 0.26],
  chain: CHAIN_60,
};
const BOWED_60: Recording = { ...WIND_60, hold: [0.86, 0.98], breathing: BREATH_BOWED_60 };
const REED_60: Recording = { ...WIND_60, hold: [0.78, 0.92] };
const PLUCKED_60: Recording = { ...WIND_60, hold: [0.88, 0.98], breathing: BREATH_BOWED_60 };
const SUNG_60: Recording = { ...WIND_60, hold: [0.83, 0.96], accentDb: [0.3, 1.2], breathing: BREATH_SUNG_60 };
const SPOKEN_60: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_60,
  rt60: [0.35, 0.95],
  wet: [0.06, 0.17],
  chain: CHAIN_60,
};
const GUIDE_PLAYED_60: Recording = {
  hold: [0.87, 0.94],
  accentDb: [0.3, 0.9],
  breathing: { ...BREATH_WIND_60, inhaleDb: [18.5, 26.5] },
};
const GUIDE_SUNG_60: Recording = { ...GUIDE_PLAYED_60, breathing: { ...BREATH_SUNG_60, inhaleDb: [16.5, 24.5] } };
const GUIDE_SPOKEN_60: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_60, inhaleDb: [17.5, 25.5] },
};
const PERFORMED_60 = { rush: RUSH_60, loudBreath: LOUD_BREATH_60 };
const bleed60 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-60.5, -44.5] } });

/**
 * The sixtieth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset86, the next comp judge
 * after held-out-59; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of a fourteenth model, one who rushes the ends of phrases** (Rush, `rushPart`: the last notes of every
 * phrase entered early, more the later the note, up to 8–18 ms on the phrase's last, each note's audio moved whole so
 * no pitch changes, the phrase's entry kept; on every song take, the clean one too; the guide's person steady; speech
 * none — none of 47's to 59's models), held-out-54's breathing at new sizes (breaths before every phrase, some after,
 * on every take) and each take in its own room and chain (room tails after every phrase and breath, clean takes too);
 * **a single loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes); **a click track's
 * bleed on one take of five songs** (held-out-58's ClickBleed, new levels); **noise bursts of four shapes no set
 * used** (a cup set down on a table, a bunch of keys jingled, a tap dripping in the kitchen, a fingernail tapping the
 * mic's grille), from −61.15 dBFS — under a noisy take's floor — to −16.8, 50 % in the middle of their rest and the
 * rest at the phrase's edge; the guide by a person in tune, breathing; songs of 2 and 3 sections beside 6; spoken takes
 * render their detune; defect sizes a realistic mix with spreads' edges other than 42's to 59's; take and guide
 * programs new to their bank; **the Sound Blaster's time-constant rates** (1 MHz / (256 − TC) for TC 180, 188 and 190:
 * 13 158, 14 706 and 15 152 Hz; no set used); **tempi of odd sixty-fourths of a beat per minute** (no set used) and
 * **tonics no set used** (25, 26, 93, 94); take latencies of odd sixteenths of a millisecond (no set used); three
 * voices in no set (schottische soprano, hambo tenor, jig bass); a tight singer (timing jitter 6.15 ms, pitch
 * jitter 2.45 cents) and a loose one (14.35 ms, 10.65 cents); consonant shares 0.43 and 0.81; sections of 62 beats;
 * speech from espeak-ng Sindarin (sjn+Gustave, pitch 69, 144 wpm) and Klingon (piqd+Alicia, pitch 73, 169 wpm);
 * seeds 7701–7715. 7 played songs (6, 6, 3, 6, 6, 2, 6 sections) + 6 sung (6, 2, 6, 6, 3, 6) = 64 sections with a MIDI
 * guide, + 2 × 5 sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_60: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7701,
        program: 58,
        guideProgram: 72,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.283, reverbLevel: 0.317 },
        sampleRate: 15152,
        tonic: 25,
        bpm: 72.203125,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'detune', 'late'],
        defectSizes: mixed60('OOFOOO'),
        latencyMs: [0, 0, 51.0625, 0, 0],
        recording: WIND_60,
        ...bleed60(3),
      },
      {
        seed: 7702,
        program: 79,
        guideProgram: 40,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.443, reverbLevel: 0.207 },
        sampleRate: 13158,
        tonic: 94,
        bpm: 96.546875,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'level'],
        defectSizes: mixed60('OFOOOO'),
        latencyMs: [36.3125, 0, 0, 0],
        recording: WIND_60,
      },
      {
        seed: 7703,
        program: 41,
        guideProgram: 65,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.251, reverbLevel: 0.263 },
        sampleRate: 14706,
        tonic: 26,
        bpm: 68.734375,
        takes: 5,
        sections: 3,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['late', 'missing', 'noise', 'clip', 'detune'],
        defectSizes: mixed60('FOOOOO'),
        latencyMs: 74.5625,
        recording: BOWED_60,
        ...bleed60(0),
      },
      {
        seed: 7704,
        program: 75,
        guideProgram: 67,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.379, reverbLevel: 0.229 },
        sampleRate: 15152,
        tonic: 93,
        bpm: 104.078125,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'early'],
        defectSizes: mixed60('OOOOFO'),
        recording: WIND_60,
      },
      {
        seed: 7705,
        program: 64,
        guideProgram: 66,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.197, reverbLevel: 0.341 },
        sampleRate: 13158,
        tonic: 26,
        bpm: 83.390625,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'level', 'late', 'early'],
        defectSizes: mixed60('OOOFOO'),
        latencyMs: [0, 0, 0, 44.9375, 0],
        recording: REED_60,
        ...bleed60(1),
      },
      {
        seed: 7706,
        program: 74,
        guideProgram: 65,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.547, reverbLevel: 0.171 },
        sampleRate: 14706,
        tonic: 94,
        bpm: 89.859375,
        takes: 4,
        sections: 2,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['clip', 'missing', 'noise', 'detune'],
        defectSizes: mixed60('OOOOOF'),
        latencyMs: [0, 88.1875, 0, 0],
        recording: WIND_60,
      },
      {
        seed: 7707,
        program: 24,
        guideProgram: 59,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.331, reverbLevel: 0.287 },
        sampleRate: 15152,
        tonic: 25,
        bpm: 112.671875,
        takes: 5,
        sections: 6,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'early', 'detune'],
        defectSizes: mixed60('OOFOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 97.6875],
        recording: PLUCKED_60,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_60, ...PERFORMED_60, bursts: BURSTS_60 })),
  ...(
    [
      {
        seed: 7708,
        voice: HAMBO_TENOR,
        tonic: 26,
        bpm: 76.328125,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed60('FOOOOO'),
        latencyMs: [0, 57.4375, 0, 0, 0],
        sampleRate: 14706,
        recording: SUNG_60,
      },
      {
        seed: 7709,
        voice: JIG_BASS,
        tonic: 25,
        bpm: 99.140625,
        takes: 4,
        sections: 2,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'clip', 'early'],
        defectSizes: mixed60('OOOOFO'),
        timingJitterMs: 6.15,
        pitchJitterCents: 2.45,
        latencyMs: [0, 0, 41.8125, 0],
        sectionBeats: 62,
        sampleRate: 13158,
        recording: SUNG_60,
        ...bleed60(2),
      },
      {
        seed: 7710,
        voice: SCHOTTISCHE_SOPRANO,
        tonic: 93,
        bpm: 70.984375,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'early', 'detune'],
        defectSizes: mixed60('OOFOOO'),
        consonantShare: 0.43,
        latencyMs: 69.3125,
        sampleRate: 15152,
        recording: SUNG_60,
      },
      {
        seed: 7711,
        voice: HAMBO_TENOR,
        tonic: 94,
        bpm: 108.453125,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['late', 'missing', 'noise', 'level'],
        defectSizes: mixed60('OOOFOO'),
        latencyMs: [0, 0, 0, 93.5625],
        sampleRate: 14706,
        recording: SUNG_60,
        ...bleed60(1),
      },
      {
        seed: 7712,
        voice: SCHOTTISCHE_SOPRANO,
        tonic: 93,
        bpm: 65.796875,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'noise', 'level'],
        defectSizes: mixed60('OFOOOO'),
        consonantShare: 0.81,
        timingJitterMs: 14.35,
        pitchJitterCents: 10.65,
        latencyMs: [46.0625, 0, 0, 0, 0],
        sampleRate: 15152,
        recording: SUNG_60,
      },
      {
        seed: 7713,
        voice: JIG_BASS,
        tonic: 26,
        bpm: 117.015625,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed60('OOFOOO'),
        placement: 'runs',
        sampleRate: 13158,
        recording: SUNG_60,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_60, ...PERFORMED_60, bursts: BURSTS_60 })),
];
export const HELD_OUT_60_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7714,
    voice: 'sjn+Gustave',
    wordsPerMinute: 144,
    espeakPitch: 69,
    takes: 5,
    latencyMs: [0, 0, 0, 62.1875, 0],
    kinds: ['noise', 'missing', 'detune', 'early', 'level'],
    defectSizes: mixed60('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_60,
    guideRecording: GUIDE_SPOKEN_60,
    loudBreath: LOUD_BREATH_60,
    bursts: BURSTS_60,
    sentences: ['Mae govannen.', 'Man eneth lín?', 'Im Elrond.', 'Naur an edraith ammen.', 'Le hannon.'],
  },
  {
    seed: 7715,
    voice: 'piqd+Alicia',
    wordsPerMinute: 169,
    espeakPitch: 73,
    takes: 4,
    latencyMs: [0, 48.9375, 0, 0],
    kinds: ['late', 'missing', 'noise', 'detune'],
    defectSizes: mixed60('FOOOOO'),
    renderDetune: true,
    recording: SPOKEN_60,
    guideRecording: GUIDE_SPOKEN_60,
    loudBreath: LOUD_BREATH_60,
    bursts: BURSTS_60,
    sentences: ['nuqneH.', "Qapla'!", "jIyajbe'.", 'tlhIngan maH!', "bIjeghbe'chugh vaj bIHegh."],
  },
];

/** Voices of held-out-61 (in no set before it): a strathspey alto, a reel tenor, a hornpipe baritone. */
const STRATHSPEY_ALTO: VoiceStyle = {
  name: 'strathspey alto',
  formantScale: 1.065,
  vibratoHz: 5.65,
  vibratoCents: 18,
  vibratoDelaySeconds: 0.23,
  driftCents: 4.65,
  breath: 0.085,
  openPhase: 0.595,
  closePhase: 0.155,
};
const REEL_TENOR: VoiceStyle = {
  name: 'reel tenor',
  formantScale: 1.015,
  vibratoHz: 5.35,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.19,
  driftCents: 5.35,
  breath: 0.07,
  openPhase: 0.565,
  closePhase: 0.17,
};
const HORNPIPE_BARITONE: VoiceStyle = {
  name: 'hornpipe baritone',
  formantScale: 0.955,
  vibratoHz: 4.95,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.33,
  driftCents: 4.05,
  breath: 0.06,
  openPhase: 0.555,
  closePhase: 0.185,
};
/**
 * held-out-61's two spreads of defect size, every edge other than held-out-42's to 60's: FAINT_SPREAD_61 (late
 * 22.55–28.05 ms, early 20.15–25.85 ms, detunes 11.65–18.75 cents, level drops 2.39–3.59 dB, bursts −61.35…−46.4 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.07–3.31 dB) and ORDINARY_SPREAD_61 (inside
 * defectAmount's own ranges: late 50.85–91.15 ms, early 44.35–85.65 ms, detunes 27.15–44.75 cents, level drops
 * 9.05–11.55 dB, bursts −21.4…−16.7 dBFS, clipping 7.55–9.75 dB).
 */
export const FAINT_SPREAD_61 = {
  late: [22.55, 28.05],
  early: [20.15, 25.85],
  detune: [11.65, 18.75],
  level: [2.39, 3.59],
  noise: [-61.35, -46.4],
  clip: [2.07, 3.31],
} as const;
export const ORDINARY_SPREAD_61 = {
  late: [50.85, 91.15],
  early: [44.35, 85.65],
  detune: [27.15, 44.75],
  level: [9.05, 11.55],
  noise: [-21.4, -16.7],
  clip: [7.55, 9.75],
} as const;
const mixed61 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_61, ORDINARY_SPREAD_61);
/**
 * held-out-61's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 15–25 dB
 * under the phrase, mouth in 45–70 %, bowed 19–27 dB, mouth 30–55 %, sung 13–21 dB, mouth 55–85 %, speech 13–22 dB,
 * mouth 35–65 %; exhales after 20–35 % of the phrases, 21–33 dB under), **the performer dragging the first note of
 * each phrase** (Drag: the phrase's first note entered 9–20 ms late, × 0.7–1 a phrase, its audio moved whole so its
 * pitch is kept, the part back in step from the phrase's second note on), **a single loud breath before a phrase on
 * clean takes** (held-out-58's LoudBreath at new sizes: a gasp 2.5–7.5 dB under the next phrase, its peak at most 0.7
 * of the phrase's, in 50 % of the phrases whose breath falls in a section where the take is the clean one), **a click
 * track's bleed** from the headphones on one take of five songs (held-out-58's ClickBleed: −59.5…−43.5 dBFS at its
 * loudest 50 ms), articulation `hold` (winds 0.8–0.94, bowed 0.87–0.97, reeds 0.79–0.91, plucked 0.89–0.97, sung
 * 0.84–0.95), weak beats `accentDb` under (0.5–1.5 dB; sung 0.35–1.25), rooms RT60 0.5–1.6 s wet 0.09–0.25 (speech
 * 0.3–0.9 s, 0.05–0.16), every take's chain: hiss −88…−62 dBFS, hum −83.5…−56, fan −78.5…−50, preamp −86.5…−60. The
 * bursts (Bursts): four shapes no set used (a sneeze, a siren far off, a mic stand knocked, gaffer tape pulled off),
 * 55 % of them in the middle of their rest (the rest at the phrase's edge). The guide's person: in tune, detached
 * (0.86–0.93), breathing, steady (no drag), no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_61: Chain = { hissDb: [-88, -62], humDb: [-83.5, -56], fanDb: [-78.5, -50], preampDb: [-86.5, -60] };
const BREATH_WIND_61: Breathing = {
  mouthShare: [0.45, 0.7],
  inhaleSeconds: [0.22, 0.44],
  gapSeconds: [0.07, 0.15],
  inhaleDb: [15, 25],
  exhaleShare: 0.25,
  exhaleDb: [23, 33],
};
const BREATH_BOWED_61: Breathing = {
  ...BREATH_WIND_61,
  mouthShare: [0.3, 0.55],
  inhaleDb: [19, 27],
  exhaleShare: 0.2,
};
const BREATH_SUNG_61: Breathing = {
  ...BREATH_WIND_61,
  mouthShare: [0.55, 0.85],
  inhaleSeconds: [0.25, 0.48],
  inhaleDb: [13, 21],
  exhaleShare: 0.35,
  exhaleDb: [21, 31],
};
const BREATH_SPOKEN_61: Breathing = {
  mouthShare: [0.35, 0.65],
  inhaleSeconds: [0.17, 0.33],
  gapSeconds: [0.07, 0.15],
  inhaleDb: [13, 22],
  exhaleShare: 0.25,
  exhaleDb: [22, 32],
};
const DRAG_61: Drag = { ms: [9, 20], spread: [0.7, 1] };
const LOUD_BREATH_61: LoudBreath = { share: 0.5, db: [2.5, 7.5], seconds: [0.24, 0.44], gapSeconds: [0.07, 0.13] };
const BURSTS_61: Bursts = { kinds: ['sneeze', 'siren', 'stand', 'tape'], middleShare: 0.55 };
const WIND_61: Recording = {
  hold: [0.8, 0.94],
  accentDb: [0.5, 1.5],
  breathing: BREATH_WIND_61,
  rt60: [0.5, 1.6],
  wet: [0.09, 0.25],
  chain: CHAIN_61,
};
const BOWED_61: Recording = { ...WIND_61, hold: [0.87, 0.97], breathing: BREATH_BOWED_61 };
const REED_61: Recording = { ...WIND_61, hold: [0.79, 0.91] };
const PLUCKED_61: Recording = { ...WIND_61, hold: [0.89, 0.97], breathing: BREATH_BOWED_61 };
const SUNG_61: Recording = { ...WIND_61, hold: [0.84, 0.95], accentDb: [0.35, 1.25], breathing: BREATH_SUNG_61 };
const SPOKEN_61: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_61,
  rt60: [0.3, 0.9],
  wet: [0.05, 0.16],
  chain: CHAIN_61,
};
const GUIDE_PLAYED_61: Recording = {
  hold: [0.86, 0.93],
  accentDb: [0.35, 0.95],
  breathing: { ...BREATH_WIND_61, inhaleDb: [19, 27] },
};
const GUIDE_SUNG_61: Recording = { ...GUIDE_PLAYED_61, breathing: { ...BREATH_SUNG_61, inhaleDb: [17, 25] } };
const GUIDE_SPOKEN_61: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_61, inhaleDb: [18, 26] },
};
const PERFORMED_61 = { drag: DRAG_61, loudBreath: LOUD_BREATH_61 };
const bleed61 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-59.5, -43.5] } });

/**
 * The sixty-first held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset87, the next comp judge
 * after held-out-60; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of a fifteenth model, one who drags the first note of each phrase** (Drag, `dragPart`: each phrase's
 * first note entered 9–20 ms late (per take, × 0.7–1 per phrase), its audio moved whole so no pitch changes, the
 * note shortened by as much, the phrase's other notes in time; on every song take, the clean one too; the guide's
 * person steady; speech none — none of 47's to 60's models), held-out-54's breathing at new sizes (breaths before
 * every phrase, some after, on every take) and each take in its own room and chain (room tails after every phrase and
 * breath, clean takes too); **a single loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new
 * sizes); **a click track's bleed on one take of five songs** (held-out-58's ClickBleed, new levels); **noise bursts of
 * four shapes no set used** (a sneeze in the room, a siren far off through the window, a mic stand knocked, gaffer
 * tape pulled off a case), from −61.35 dBFS — under a noisy take's floor — to −16.7, 55 % in the middle of their rest
 * and the rest at the phrase's edge; the guide by a person in tune, breathing; songs of 2 and 3 sections beside 6;
 * spoken takes render their detune; defect sizes a realistic mix with spreads' edges other than 42's to 60's; take and
 * guide programs new to their bank; **the Gravis UltraSound's rates** (617 400 Hz / active voices for 15, 19 and 20
 * voices: 41 160, 32 495 and 30 870 Hz; no set used); **tempi of odd hundred-twenty-eighths of a beat per minute** (no
 * set used); tonics the least used before (38, 44, 73, 78: each once — every tonic from 25 to 94 has been used, and 60
 * used the extremes); take latencies of odd thirty-seconds of a millisecond (no set used); three voices in no set
 * (strathspey alto, reel tenor, hornpipe baritone); a tight singer (timing jitter 5.85 ms, pitch jitter 2.85 cents) and
 * a loose one (15.25 ms, 11.35 cents); consonant shares 0.39 and 0.84; sections of 63 beats; speech from espeak-ng
 * Lang Belta (qdb+announcer, pitch 71, 152 wpm) and Hakka (hak+iven4, pitch 74, 171 wpm); seeds 7716–7730.
 * 7 played songs (6, 3, 6, 6, 2, 6, 6 sections) + 6 sung (6, 6, 2, 6, 3, 6) = 64 sections with a MIDI guide, + 2 × 5
 * sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_61: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7716,
        program: 21,
        guideProgram: 56,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.267, reverbLevel: 0.323 },
        sampleRate: 30870,
        tonic: 44,
        bpm: 71.4140625,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed61('OOOFOO'),
        latencyMs: [0, 53.03125, 0, 0, 0],
        recording: REED_61,
        ...bleed61(2),
      },
      {
        seed: 7717,
        program: 22,
        guideProgram: 42,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.437, reverbLevel: 0.213 },
        sampleRate: 41160,
        tonic: 73,
        bpm: 94.2890625,
        takes: 4,
        sections: 3,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'early'],
        defectSizes: mixed61('OOOOFO'),
        latencyMs: [0, 0, 38.28125, 0],
        recording: REED_61,
      },
      {
        seed: 7718,
        program: 59,
        guideProgram: 72,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.259, reverbLevel: 0.271 },
        sampleRate: 32495,
        tonic: 38,
        bpm: 67.0546875,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'detune', 'clip'],
        defectSizes: mixed61('OOFOOO'),
        latencyMs: 71.59375,
        recording: WIND_61,
        ...bleed61(4),
      },
      {
        seed: 7719,
        program: 79,
        guideProgram: 77,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.383, reverbLevel: 0.233 },
        sampleRate: 30870,
        tonic: 78,
        bpm: 101.6328125,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'noise', 'detune'],
        defectSizes: mixed61('OOFOOO'),
        recording: WIND_61,
      },
      {
        seed: 7720,
        program: 60,
        guideProgram: 65,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.203, reverbLevel: 0.347 },
        sampleRate: 41160,
        tonic: 44,
        bpm: 85.3984375,
        takes: 5,
        sections: 2,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'clip', 'late', 'early'],
        defectSizes: mixed61('FOOOOO'),
        latencyMs: [0, 0, 0, 46.84375, 0],
        recording: WIND_61,
      },
      {
        seed: 7721,
        program: 40,
        guideProgram: 72,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.539, reverbLevel: 0.177 },
        sampleRate: 32495,
        tonic: 73,
        bpm: 88.1171875,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed61('OOOFOO'),
        latencyMs: [92.21875, 0, 0, 0],
        recording: BOWED_61,
        ...bleed61(0),
      },
      {
        seed: 7722,
        program: 67,
        guideProgram: 48,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.327, reverbLevel: 0.293 },
        sampleRate: 30870,
        tonic: 38,
        bpm: 109.8203125,
        takes: 5,
        sections: 6,
        scale: 'phrygian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'early', 'detune'],
        defectSizes: mixed61('OFOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 59.65625],
        recording: REED_61,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_61, ...PERFORMED_61, bursts: BURSTS_61 })),
  ...(
    [
      {
        seed: 7723,
        voice: REEL_TENOR,
        tonic: 44,
        bpm: 78.5234375,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'detune', 'level'],
        defectSizes: mixed61('FOOOOO'),
        latencyMs: [0, 0, 42.40625, 0, 0],
        sampleRate: 32495,
        recording: SUNG_61,
        ...bleed61(3),
      },
      {
        seed: 7724,
        voice: STRATHSPEY_ALTO,
        tonic: 73,
        bpm: 97.2265625,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'early', 'detune'],
        defectSizes: mixed61('OOFOOO'),
        consonantShare: 0.39,
        latencyMs: 66.96875,
        sampleRate: 41160,
        recording: SUNG_61,
      },
      {
        seed: 7725,
        voice: HORNPIPE_BARITONE,
        tonic: 38,
        bpm: 69.7578125,
        takes: 5,
        sections: 2,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['clip', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed61('OOOOOF'),
        timingJitterMs: 5.85,
        pitchJitterCents: 2.85,
        latencyMs: [0, 0, 0, 50.15625, 0],
        sectionBeats: 63,
        sampleRate: 30870,
        recording: SUNG_61,
      },
      {
        seed: 7726,
        voice: REEL_TENOR,
        tonic: 78,
        bpm: 114.3359375,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed61('OOFOOO'),
        latencyMs: [0, 44.53125, 0, 0],
        sampleRate: 41160,
        recording: SUNG_61,
        ...bleed61(1),
      },
      {
        seed: 7727,
        voice: STRATHSPEY_ALTO,
        tonic: 44,
        bpm: 63.9296875,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'detune', 'noise', 'early'],
        defectSizes: mixed61('OOOFOO'),
        consonantShare: 0.84,
        timingJitterMs: 15.25,
        pitchJitterCents: 11.35,
        latencyMs: [0, 0, 0, 0, 81.78125],
        sampleRate: 32495,
        recording: SUNG_61,
      },
      {
        seed: 7728,
        voice: HORNPIPE_BARITONE,
        tonic: 73,
        bpm: 81.0859375,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed61('FOOOOO'),
        placement: 'runs',
        sampleRate: 30870,
        recording: SUNG_61,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_61, ...PERFORMED_61, bursts: BURSTS_61 })),
];
export const HELD_OUT_61_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7729,
    voice: 'qdb+announcer',
    wordsPerMinute: 152,
    espeakPitch: 71,
    takes: 5,
    latencyMs: [0, 0, 57.46875, 0, 0],
    kinds: ['detune', 'missing', 'noise', 'late', 'level'],
    defectSizes: mixed61('OOOOFO'),
    renderDetune: true,
    recording: SPOKEN_61,
    guideRecording: GUIDE_SPOKEN_61,
    loudBreath: LOUD_BREATH_61,
    bursts: BURSTS_61,
    sentences: ['Oye, kopeng!', 'Ke to pensa?', 'Mi pampa beltalowda.', 'Sasa ke, bosmang?', 'Taki, kopeng.'],
  },
  {
    seed: 7730,
    voice: 'hak+iven4',
    wordsPerMinute: 171,
    espeakPitch: 74,
    takes: 4,
    latencyMs: [0, 0, 0, 63.84375],
    kinds: ['early', 'missing', 'noise', 'detune'],
    defectSizes: mixed61('OFOOOO'),
    renderDetune: true,
    recording: SPOKEN_61,
    guideRecording: GUIDE_SPOKEN_61,
    loudBreath: LOUD_BREATH_61,
    bursts: BURSTS_61,
    sentences: ['你好。', '食飽吂？', '承蒙你。', '今晡日天氣當好。', '你愛去哪位？'],
  },
];

/** Voices of held-out-62 (in no set before it): a mazurka mezzo, a hopak tenor, a bourree baritone. */
const MAZURKA_MEZZO: VoiceStyle = {
  name: 'mazurka mezzo',
  formantScale: 1.045,
  vibratoHz: 5.55,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.21,
  driftCents: 4.45,
  breath: 0.08,
  openPhase: 0.585,
  closePhase: 0.16,
};
const HOPAK_TENOR: VoiceStyle = {
  name: 'hopak tenor',
  formantScale: 1.005,
  vibratoHz: 5.25,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.2,
  driftCents: 5.15,
  breath: 0.065,
  openPhase: 0.57,
  closePhase: 0.175,
};
const BOURREE_BARITONE: VoiceStyle = {
  name: 'bourree baritone',
  formantScale: 0.965,
  vibratoHz: 5.05,
  vibratoCents: 13,
  vibratoDelaySeconds: 0.31,
  driftCents: 4.25,
  breath: 0.055,
  openPhase: 0.56,
  closePhase: 0.18,
};
/**
 * held-out-62's two spreads of defect size, every edge other than held-out-42's to 61's: FAINT_SPREAD_62 (late
 * 22.75–27.95 ms, early 20.45–25.75 ms, detunes 11.75–18.55 cents, level drops 2.47–3.53 dB, bursts −61.05…−46.6 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.11–3.27 dB) and ORDINARY_SPREAD_62 (inside
 * defectAmount's own ranges: late 51.35–90.65 ms, early 44.85–85.15 ms, detunes 27.45–44.35 cents, level drops
 * 9.25–11.45 dB, bursts −21.2…−16.9 dBFS, clipping 7.65–9.65 dB).
 */
export const FAINT_SPREAD_62 = {
  late: [22.75, 27.95],
  early: [20.45, 25.75],
  detune: [11.75, 18.55],
  level: [2.47, 3.53],
  noise: [-61.05, -46.6],
  clip: [2.11, 3.27],
} as const;
export const ORDINARY_SPREAD_62 = {
  late: [51.35, 90.65],
  early: [44.85, 85.15],
  detune: [27.45, 44.35],
  level: [9.25, 11.45],
  noise: [-21.2, -16.9],
  clip: [7.65, 9.65],
} as const;
const mixed62 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_62, ORDINARY_SPREAD_62);
/**
 * held-out-62's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 16–24 dB
 * under the phrase, mouth in 40–65 %, bowed 18–26 dB, mouth 30–50 %, sung 14–22 dB, mouth 60–85 %, speech 14–21 dB,
 * mouth 35–60 %; exhales after 20–30 % of the phrases, 22–32 dB under), **the performer ornamenting notes with cuts**
 * (Cuts: a grace note 180–420 cents over the note, 18–36 ms at its onset, on 25–45 % a take of the notes of 0.2 s or
 * longer, the note's own audio read higher, no onset moved), **a single loud breath before a phrase on clean takes**
 * (held-out-58's LoudBreath at new sizes: a gasp 3–7 dB under the next phrase, its peak at most 0.7 of the phrase's,
 * in 50 % of the phrases whose breath falls in a section where the take is the clean one), **a click track's bleed**
 * from the headphones on one take of five songs (held-out-58's ClickBleed: −58.5…−44.5 dBFS at its loudest 50 ms),
 * articulation `hold` (winds 0.81–0.93, bowed 0.88–0.96, reeds 0.8–0.9, plucked 0.9–0.96, sung 0.85–0.94), weak beats
 * `accentDb` under (0.55–1.45 dB; sung 0.4–1.2), rooms RT60 0.55–1.55 s wet 0.1–0.24 (speech 0.35–0.85 s,
 * 0.06–0.15), every take's chain: hiss −87.5…−62.5 dBFS, hum −83…−56.5, fan −78…−50.5, preamp −86…−60.5. The bursts
 * (Bursts): four shapes no set used (a chair's squeak on the floor, two glasses clinked, footsteps passing, a finger
 * tapping the mic), 45 % of them in the middle of their rest (the rest at the phrase's edge). The guide's person: in
 * tune, detached (0.85–0.92), breathing, plain (no cuts), no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_62: Chain = { hissDb: [-87.5, -62.5], humDb: [-83, -56.5], fanDb: [-78, -50.5], preampDb: [-86, -60.5] };
const BREATH_WIND_62: Breathing = {
  mouthShare: [0.4, 0.65],
  inhaleSeconds: [0.21, 0.42],
  gapSeconds: [0.08, 0.16],
  inhaleDb: [16, 24],
  exhaleShare: 0.25,
  exhaleDb: [22, 32],
};
const BREATH_BOWED_62: Breathing = {
  ...BREATH_WIND_62,
  mouthShare: [0.3, 0.5],
  inhaleDb: [18, 26],
  exhaleShare: 0.2,
};
const BREATH_SUNG_62: Breathing = {
  ...BREATH_WIND_62,
  mouthShare: [0.6, 0.85],
  inhaleSeconds: [0.24, 0.46],
  inhaleDb: [14, 22],
  exhaleShare: 0.3,
  exhaleDb: [22, 30],
};
const BREATH_SPOKEN_62: Breathing = {
  mouthShare: [0.35, 0.6],
  inhaleSeconds: [0.18, 0.32],
  gapSeconds: [0.08, 0.14],
  inhaleDb: [14, 21],
  exhaleShare: 0.2,
  exhaleDb: [22, 31],
};
const CUTS_62: Cuts = { share: [0.25, 0.45], cents: [180, 420], ms: [18, 36], minSeconds: 0.2 };
const LOUD_BREATH_62: LoudBreath = { share: 0.5, db: [3, 7], seconds: [0.22, 0.42], gapSeconds: [0.08, 0.14] };
const BURSTS_62: Bursts = { kinds: ['squeak', 'clink', 'steps', 'tap'], middleShare: 0.45 };
const WIND_62: Recording = {
  hold: [0.81, 0.93],
  accentDb: [0.55, 1.45],
  breathing: BREATH_WIND_62,
  rt60: [0.55, 1.55],
  wet: [0.1, 0.24],
  chain: CHAIN_62,
};
const BOWED_62: Recording = { ...WIND_62, hold: [0.88, 0.96], breathing: BREATH_BOWED_62 };
const REED_62: Recording = { ...WIND_62, hold: [0.8, 0.9] };
const PLUCKED_62: Recording = { ...WIND_62, hold: [0.9, 0.96], breathing: BREATH_BOWED_62 };
const SUNG_62: Recording = { ...WIND_62, hold: [0.85, 0.94], accentDb: [0.4, 1.2], breathing: BREATH_SUNG_62 };
const SPOKEN_62: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_62,
  rt60: [0.35, 0.85],
  wet: [0.06, 0.15],
  chain: CHAIN_62,
};
const GUIDE_PLAYED_62: Recording = {
  hold: [0.85, 0.92],
  accentDb: [0.4, 0.9],
  breathing: { ...BREATH_WIND_62, inhaleDb: [20, 27] },
};
const GUIDE_SUNG_62: Recording = { ...GUIDE_PLAYED_62, breathing: { ...BREATH_SUNG_62, inhaleDb: [18, 25] } };
const GUIDE_SPOKEN_62: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_62, inhaleDb: [19, 26] },
};
const PERFORMED_62 = { cuts: CUTS_62, loudBreath: LOUD_BREATH_62 };
const bleed62 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-58.5, -44.5] } });

/**
 * The sixty-second held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset89, the next comp judge
 * after held-out-61; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of a sixteenth model, one who ornaments notes with cuts** (Cuts, `cutPart`: a grace note 180–420 cents
 * over the note (drawn per cut), 18–36 ms long at the note's onset, on 25–45 % (per take) of the notes of 0.2 s or
 * longer; the note's own audio read higher for the grace, then in step again, so no onset moves; on every song take,
 * the clean one too; the guide's person plain; speech none — none of 47's to 61's models), held-out-54's breathing at
 * new sizes (breaths before every phrase, some after, on every take) and each take in its own room and chain (room
 * tails after every phrase and breath, clean takes too); **a single loud breath before a phrase on clean takes**
 * (held-out-58's LoudBreath at new sizes); **a click track's bleed on one take of five songs** (held-out-58's
 * ClickBleed, new levels); **noise bursts of four shapes no set used** (a chair's squeak on the floor, two glasses
 * clinked, footsteps passing, a finger tapping the mic), from −61.05 dBFS — under a noisy take's floor — to −16.9, 45 %
 * in the middle of their rest and the rest at the phrase's edge; the guide by a person in tune, breathing; songs of 2
 * and 3 sections beside 6; spoken takes render their detune; defect sizes a realistic mix with spreads' edges other
 * than 42's to 61's; take and guide programs new to their bank; **four-fifths rates** (four fifths of 42, 44.1 and
 * 48 kHz: 33 600, 35 280 and 38 400 Hz; no set used; inside 61's 30 870–41 160 Hz); **tempi of odd tenths of a beat
 * per minute** (no set used; inside 61's 63.9–114.3); tonics the least used before inside 61's 38–78 (42, 49, 54, 76:
 * two or three uses each); take latencies of odd sixty-fourths of a millisecond (no set used); three voices in no set
 * (mazurka mezzo, hopak tenor, bourree baritone); a tight singer (timing jitter 6.25 ms, pitch jitter 3.05 cents) and a
 * loose one (14.55 ms, 10.85 cents); consonant shares 0.48 and 0.78; sections of 64 beats; speech from espeak-ng
 * Cherokee (chr+klatt4, pitch 76, 156 wpm; no set read Cherokee) and Central Vietnamese (vi-vn-x-central+Annie, pitch
 * 78, 161 wpm; Vietnamese read before in its northern voice only); seeds 7731–7745.
 * 7 played songs (6, 6, 2, 6, 3, 6, 6 sections) + 6 sung (6, 3, 6, 6, 2, 6) = 64 sections with a MIDI guide, + 2 × 5
 * sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_62: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7731,
        program: 26,
        guideProgram: 41,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.273, reverbLevel: 0.317 },
        sampleRate: 35280,
        tonic: 49,
        bpm: 73.9,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'early', 'level'],
        defectSizes: mixed62('OOFOOO'),
        latencyMs: [0, 0, 53.015625, 0, 0],
        recording: PLUCKED_62,
        ...bleed62(1),
      },
      {
        seed: 7732,
        program: 83,
        guideProgram: 4,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.431, reverbLevel: 0.219 },
        sampleRate: 38400,
        tonic: 76,
        bpm: 97.3,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'clip'],
        defectSizes: mixed62('OOOOOF'),
        latencyMs: [38.109375, 0, 0, 0],
        recording: WIND_62,
      },
      {
        seed: 7733,
        program: 109,
        guideProgram: 1,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.263, reverbLevel: 0.277 },
        sampleRate: 33600,
        tonic: 54,
        bpm: 84.1,
        takes: 5,
        sections: 2,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'detune', 'late'],
        defectSizes: mixed62('FOOOOO'),
        latencyMs: 71.453125,
        recording: REED_62,
      },
      {
        seed: 7734,
        program: 111,
        guideProgram: 16,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.377, reverbLevel: 0.239 },
        sampleRate: 35280,
        tonic: 42,
        bpm: 108.7,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'sixteenth',
        kinds: ['level', 'missing', 'noise', 'detune'],
        defectSizes: mixed62('OOOFOO'),
        recording: REED_62,
        ...bleed62(3),
      },
      {
        seed: 7735,
        program: 105,
        guideProgram: 19,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.209, reverbLevel: 0.341 },
        sampleRate: 38400,
        tonic: 49,
        bpm: 66.7,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'late', 'clip', 'early'],
        defectSizes: mixed62('OOOOFO'),
        latencyMs: [0, 46.796875, 0, 0, 0],
        recording: PLUCKED_62,
      },
      {
        seed: 7736,
        program: 75,
        guideProgram: 21,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.533, reverbLevel: 0.183 },
        sampleRate: 33600,
        tonic: 76,
        bpm: 91.7,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed62('OOFOOO'),
        latencyMs: [0, 0, 0, 92.234375],
        recording: WIND_62,
        ...bleed62(2),
      },
      {
        seed: 7737,
        program: 110,
        guideProgram: 23,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.321, reverbLevel: 0.299 },
        sampleRate: 35280,
        tonic: 54,
        bpm: 103.9,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'early', 'detune'],
        defectSizes: mixed62('OFOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 59.671875, 0],
        recording: BOWED_62,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_62, ...PERFORMED_62, bursts: BURSTS_62 })),
  ...(
    [
      {
        seed: 7738,
        voice: HOPAK_TENOR,
        tonic: 54,
        bpm: 79.3,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'detune', 'level'],
        defectSizes: mixed62('OOOFOO'),
        latencyMs: [0, 42.390625, 0, 0, 0],
        sampleRate: 38400,
        recording: SUNG_62,
        ...bleed62(4),
      },
      {
        seed: 7739,
        voice: MAZURKA_MEZZO,
        tonic: 76,
        bpm: 70.1,
        takes: 4,
        sections: 3,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'early', 'detune'],
        defectSizes: mixed62('OOFOOO'),
        consonantShare: 0.48,
        latencyMs: 66.984375,
        sampleRate: 33600,
        recording: SUNG_62,
      },
      {
        seed: 7740,
        voice: BOURREE_BARITONE,
        tonic: 42,
        bpm: 88.9,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['clip', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed62('OOOOOF'),
        timingJitterMs: 6.25,
        pitchJitterCents: 3.05,
        latencyMs: [0, 0, 0, 0, 50.171875],
        sampleRate: 35280,
        recording: SUNG_62,
      },
      {
        seed: 7741,
        voice: HOPAK_TENOR,
        tonic: 49,
        bpm: 111.3,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed62('OOOOFO'),
        latencyMs: [0, 0, 44.546875, 0],
        sampleRate: 33600,
        recording: SUNG_62,
        ...bleed62(0),
      },
      {
        seed: 7742,
        voice: MAZURKA_MEZZO,
        tonic: 54,
        bpm: 64.3,
        takes: 5,
        sections: 2,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'detune', 'noise', 'early'],
        defectSizes: mixed62('OFOOOO'),
        consonantShare: 0.78,
        timingJitterMs: 14.55,
        pitchJitterCents: 10.85,
        latencyMs: [0, 0, 81.765625, 0, 0],
        sectionBeats: 64,
        sampleRate: 38400,
        recording: SUNG_62,
      },
      {
        seed: 7743,
        voice: BOURREE_BARITONE,
        tonic: 42,
        bpm: 76.3,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed62('FOOOOO'),
        placement: 'runs',
        sampleRate: 35280,
        recording: SUNG_62,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_62, ...PERFORMED_62, bursts: BURSTS_62 })),
];
export const HELD_OUT_62_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7744,
    voice: 'chr+klatt4',
    wordsPerMinute: 156,
    espeakPitch: 76,
    takes: 5,
    latencyMs: [0, 0, 0, 57.484375, 0],
    kinds: ['detune', 'missing', 'noise', 'late', 'level'],
    defectSizes: mixed62('OOOOFO'),
    renderDetune: true,
    recording: SPOKEN_62,
    guideRecording: GUIDE_SPOKEN_62,
    loudBreath: LOUD_BREATH_62,
    bursts: BURSTS_62,
    sentences: ['Osiyo!', 'Tohiju?', 'Wado, osda.', 'Tsalagi gawonihisdi.', 'Gado dedadoa?'],
  },
  {
    seed: 7745,
    voice: 'vi-vn-x-central+Annie',
    wordsPerMinute: 161,
    espeakPitch: 78,
    takes: 4,
    latencyMs: [63.828125, 0, 0, 0],
    kinds: ['early', 'missing', 'noise', 'detune'],
    defectSizes: mixed62('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_62,
    guideRecording: GUIDE_SPOKEN_62,
    loudBreath: LOUD_BREATH_62,
    bursts: BURSTS_62,
    sentences: ['Mệ ơi!', 'Răng rứa?', 'Mần chi rứa?', 'Đi mô rứa?', 'Ngon lắm tê.'],
  },
];

/** Voices of held-out-63 (in no set before it): a polka alto, a tarantella tenor, a hornpipe bass. */
const POLKA_ALTO: VoiceStyle = {
  name: 'polka alto',
  formantScale: 1.035,
  vibratoHz: 5.45,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.23,
  driftCents: 4.65,
  breath: 0.075,
  openPhase: 0.575,
  closePhase: 0.165,
};
const TARANTELLA_TENOR: VoiceStyle = {
  name: 'tarantella tenor',
  formantScale: 1.015,
  vibratoHz: 5.35,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.19,
  driftCents: 5.05,
  breath: 0.06,
  openPhase: 0.565,
  closePhase: 0.17,
};
const HORNPIPE_BASS: VoiceStyle = {
  name: 'hornpipe bass',
  formantScale: 0.955,
  vibratoHz: 4.95,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.29,
  driftCents: 4.35,
  breath: 0.05,
  openPhase: 0.555,
  closePhase: 0.185,
};
/**
 * held-out-63's two spreads of defect size, every edge other than held-out-42's to 62's: FAINT_SPREAD_63 (late
 * 23.15–28.45 ms, early 20.65–25.35 ms, detunes 11.95–18.35 cents, level drops 2.53–3.47 dB, bursts −60.35…−46.15 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.17–3.21 dB) and ORDINARY_SPREAD_63 (inside
 * defectAmount's own ranges: late 52.15–89.85 ms, early 45.35–84.65 ms, detunes 27.85–43.95 cents, level drops
 * 9.35–11.35 dB, bursts −20.85…−17.15 dBFS, clipping 7.85–9.45 dB).
 */
export const FAINT_SPREAD_63 = {
  late: [23.15, 28.45],
  early: [20.65, 25.35],
  detune: [11.95, 18.35],
  level: [2.53, 3.47],
  noise: [-60.35, -46.15],
  clip: [2.17, 3.21],
} as const;
export const ORDINARY_SPREAD_63 = {
  late: [52.15, 89.85],
  early: [45.35, 84.65],
  detune: [27.85, 43.95],
  level: [9.35, 11.35],
  noise: [-20.85, -17.15],
  clip: [7.85, 9.45],
} as const;
const mixed63 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_63, ORDINARY_SPREAD_63);
/**
 * held-out-63's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 15–23 dB
 * under the phrase, mouth in 45–70 %, bowed 17–25 dB, mouth 30–55 %, sung 13–21 dB, mouth 55–80 %, speech 15–22 dB,
 * mouth 40–65 %; exhales after 15–30 % of the phrases, 21–31 dB under), **the performer's long notes drooping flat and
 * corrected** (Droop: on 40–70 % a take of the notes of 0.45 s or longer, 80–160 ms in, the pitch sinking 14–32 cents
 * flat by a line, then back in tune over 70–140 ms ending 30 ms before the note's end; no onset moved), **a single loud
 * breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes: a gasp 3.5–7.5 dB under the next
 * phrase, in 55 % of the phrases whose breath falls in a section where the take is the clean one), **a click track's
 * bleed** from the headphones on one take of five songs (held-out-58's ClickBleed: −57.5…−45.5 dBFS at its loudest
 * 50 ms), articulation `hold` (winds 0.82–0.94, bowed 0.87–0.95, reeds 0.79–0.89, plucked 0.89–0.95, sung 0.84–0.93),
 * weak beats `accentDb` under (0.5–1.4 dB; sung 0.35–1.15), rooms RT60 0.5–1.5 s wet 0.09–0.23 (speech 0.3–0.8 s,
 * 0.05–0.14), every take's chain: hiss −88…−63 dBFS, hum −83.5…−57, fan −78.5…−51, preamp −86.5…−61. The bursts
 * (Bursts): four shapes no set used (knuckles knocking on a door, a bicycle bell outside, a hand clap, a hand shifting
 * on the mic's body), 40 % of them in the middle of their rest (the rest at the phrase's edge). The guide's person: in
 * tune, detached (0.84–0.91), breathing, steady (no droop), no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_63: Chain = { hissDb: [-88, -63], humDb: [-83.5, -57], fanDb: [-78.5, -51], preampDb: [-86.5, -61] };
const BREATH_WIND_63: Breathing = {
  mouthShare: [0.45, 0.7],
  inhaleSeconds: [0.2, 0.4],
  gapSeconds: [0.07, 0.15],
  inhaleDb: [15, 23],
  exhaleShare: 0.2,
  exhaleDb: [21, 31],
};
const BREATH_BOWED_63: Breathing = {
  ...BREATH_WIND_63,
  mouthShare: [0.3, 0.55],
  inhaleDb: [17, 25],
  exhaleShare: 0.15,
};
const BREATH_SUNG_63: Breathing = {
  ...BREATH_WIND_63,
  mouthShare: [0.55, 0.8],
  inhaleSeconds: [0.23, 0.45],
  inhaleDb: [13, 21],
  exhaleShare: 0.3,
  exhaleDb: [21, 29],
};
const BREATH_SPOKEN_63: Breathing = {
  mouthShare: [0.4, 0.65],
  inhaleSeconds: [0.17, 0.31],
  gapSeconds: [0.07, 0.13],
  inhaleDb: [15, 22],
  exhaleShare: 0.15,
  exhaleDb: [21, 30],
};
const DROOP_63: Droop = {
  share: [0.4, 0.7],
  cents: [14, 32],
  onsetS: [0.08, 0.16],
  correctMs: [70, 140],
  minSeconds: 0.45,
};
const LOUD_BREATH_63: LoudBreath = { share: 0.55, db: [3.5, 7.5], seconds: [0.2, 0.4], gapSeconds: [0.07, 0.13] };
const BURSTS_63: Bursts = { kinds: ['knock', 'bell', 'clap', 'handle'], middleShare: 0.4 };
const WIND_63: Recording = {
  hold: [0.82, 0.94],
  accentDb: [0.5, 1.4],
  breathing: BREATH_WIND_63,
  rt60: [0.5, 1.5],
  wet: [0.09, 0.23],
  chain: CHAIN_63,
};
const BOWED_63: Recording = { ...WIND_63, hold: [0.87, 0.95], breathing: BREATH_BOWED_63 };
const REED_63: Recording = { ...WIND_63, hold: [0.79, 0.89] };
const PLUCKED_63: Recording = { ...WIND_63, hold: [0.89, 0.95], breathing: BREATH_BOWED_63 };
const SUNG_63: Recording = { ...WIND_63, hold: [0.84, 0.93], accentDb: [0.35, 1.15], breathing: BREATH_SUNG_63 };
const SPOKEN_63: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_63,
  rt60: [0.3, 0.8],
  wet: [0.05, 0.14],
  chain: CHAIN_63,
};
const GUIDE_PLAYED_63: Recording = {
  hold: [0.84, 0.91],
  accentDb: [0.35, 0.85],
  breathing: { ...BREATH_WIND_63, inhaleDb: [19, 26] },
};
const GUIDE_SUNG_63: Recording = { ...GUIDE_PLAYED_63, breathing: { ...BREATH_SUNG_63, inhaleDb: [17, 24] } };
const GUIDE_SPOKEN_63: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_63, inhaleDb: [20, 27] },
};
const PERFORMED_63 = { droop: DROOP_63, loudBreath: LOUD_BREATH_63 };
const bleed63 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-57.5, -45.5] } });

/**
 * The sixty-third held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset91, the next comp judge
 * after held-out-62; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of a seventeenth model, one whose long notes droop flat and are corrected** (Droop, `droopPart`: on 40–70 %
 * (per take) of the notes of 0.45 s or longer, from 80–160 ms into the note the pitch sinks by a line to 14–32 cents
 * flat (drawn per note), then comes back in tune over 70–140 ms (a raised cosine) ending 30 ms before the note's end,
 * the note read at that varying rate and back in step at its end, so no onset moves; on every song take, the clean one
 * too; the guide's person steady; speech none — none of 47's to 62's models), held-out-54's breathing at new sizes
 * (breaths before every phrase, some after, on every take) and each take in its own room and chain (room tails after
 * every phrase and breath, clean takes too); **a single loud breath before a phrase on clean takes** (held-out-58's
 * LoudBreath at new sizes); **a click track's bleed on one take of five songs** (held-out-58's ClickBleed, new levels);
 * **noise bursts of four shapes no set used** (knuckles on a door, a bicycle bell outside, a hand clap, a hand shifting
 * on the mic's body), from −60.35 dBFS — under a noisy take's floor — to −17.15, 40 % in the middle of their rest and
 * the rest at the phrase's edge; the guide by a person in tune, breathing; songs of 2 and 3 sections beside 6; spoken
 * takes render their detune; defect sizes a realistic mix with spreads' edges other than 42's to 62's; take and guide
 * programs new to their bank; **rates of odd multiples of 1050 Hz** (34 650, 36 750 and 38 850 Hz; no set used; inside
 * 61's 30 870–41 160 Hz); **tempi of odd twentieths of a beat per minute other than quarters** (no set used; inside
 * 61's 63.9–114.3); tonics the least used before inside 61's 38–78 (40, 51, 75, 77: three uses each); take latencies
 * of odd 128ths of a millisecond (no set used); three voices in no set (polka alto, tarantella tenor, hornpipe bass);
 * a tight singer (timing jitter 5.65 ms, pitch jitter 2.55 cents) and a loose one (13.65 ms, 11.15 cents); consonant
 * shares 0.58 and 0.71; sections of 65 beats; speech from espeak-ng European Portuguese (pt+Storm, pitch 79, 159 wpm;
 * no set read pt, Brazilian Portuguese only) and Latin American Spanish (es-419+f1, pitch 81, 174 wpm; no set read
 * es-419); seeds 7746–7760.
 * 7 played songs (6, 6, 3, 6, 2, 6, 6 sections) + 6 sung (6, 2, 6, 6, 3, 6) = 64 sections with a MIDI guide, + 2 × 5
 * sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_63: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7746,
        program: 23,
        guideProgram: 42,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.287, reverbLevel: 0.303 },
        sampleRate: 36750,
        tonic: 51,
        bpm: 72.35,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'detune', 'early'],
        defectSizes: mixed63('OOOFOO'),
        latencyMs: [0, 0, 0, 47.0078125, 0],
        recording: REED_63,
        ...bleed63(2),
      },
      {
        seed: 7747,
        program: 107,
        guideProgram: 6,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.447, reverbLevel: 0.207 },
        sampleRate: 38850,
        tonic: 77,
        bpm: 98.65,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'detune'],
        defectSizes: mixed63('OOFOOO'),
        latencyMs: [0, 41.1171875, 0, 0],
        recording: PLUCKED_63,
      },
      {
        seed: 7748,
        program: 67,
        guideProgram: 0,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.241, reverbLevel: 0.289 },
        sampleRate: 34650,
        tonic: 40,
        bpm: 85.15,
        takes: 5,
        sections: 3,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed63('OFOOOO'),
        latencyMs: 69.3671875,
        recording: REED_63,
      },
      {
        seed: 7749,
        program: 22,
        guideProgram: 2,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.359, reverbLevel: 0.251 },
        sampleRate: 36750,
        tonic: 75,
        bpm: 106.45,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'level'],
        defectSizes: mixed63('OOOOFO'),
        recording: REED_63,
        ...bleed63(1),
      },
      {
        seed: 7750,
        program: 109,
        guideProgram: 8,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.223, reverbLevel: 0.327 },
        sampleRate: 38850,
        tonic: 51,
        bpm: 67.85,
        takes: 5,
        sections: 2,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'late', 'clip', 'early'],
        defectSizes: mixed63('FOOOOO'),
        latencyMs: [0, 0, 55.6484375, 0, 0],
        recording: WIND_63,
      },
      {
        seed: 7751,
        program: 79,
        guideProgram: 24,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.517, reverbLevel: 0.193 },
        sampleRate: 34650,
        tonic: 77,
        bpm: 93.55,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'noise', 'detune'],
        defectSizes: mixed63('OOFOOO'),
        latencyMs: [88.9296875, 0, 0, 0],
        recording: WIND_63,
        ...bleed63(3),
      },
      {
        seed: 7752,
        program: 46,
        guideProgram: 12,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.339, reverbLevel: 0.281 },
        sampleRate: 36750,
        tonic: 40,
        bpm: 79.95,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed63('FOOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 61.2890625],
        recording: BOWED_63,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_63, ...PERFORMED_63, bursts: BURSTS_63 })),
  ...(
    [
      {
        seed: 7753,
        voice: TARANTELLA_TENOR,
        tonic: 51,
        bpm: 81.05,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed63('OOFOOO'),
        latencyMs: [0, 0, 43.6640625, 0, 0],
        sampleRate: 38850,
        recording: SUNG_63,
        ...bleed63(0),
      },
      {
        seed: 7754,
        voice: POLKA_ALTO,
        tonic: 75,
        bpm: 69.45,
        takes: 4,
        sections: 2,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'early', 'detune'],
        defectSizes: mixed63('OFOOOO'),
        consonantShare: 0.58,
        latencyMs: 65.5546875,
        sampleRate: 36750,
        recording: SUNG_63,
      },
      {
        seed: 7755,
        voice: HORNPIPE_BASS,
        tonic: 40,
        bpm: 90.15,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['clip', 'missing', 'noise', 'early', 'late'],
        defectSizes: mixed63('OOOOOF'),
        timingJitterMs: 5.65,
        pitchJitterCents: 2.55,
        latencyMs: [0, 0, 0, 51.8203125, 0],
        sampleRate: 34650,
        recording: SUNG_63,
      },
      {
        seed: 7756,
        voice: TARANTELLA_TENOR,
        tonic: 51,
        bpm: 108.35,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'noise', 'detune'],
        defectSizes: mixed63('OOOOFO'),
        latencyMs: [0, 0, 0, 45.4609375],
        sampleRate: 38850,
        recording: SUNG_63,
        ...bleed63(2),
      },
      {
        seed: 7757,
        voice: POLKA_ALTO,
        tonic: 77,
        bpm: 65.55,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'detune', 'noise', 'level'],
        defectSizes: mixed63('OOOFOO'),
        consonantShare: 0.71,
        timingJitterMs: 13.65,
        pitchJitterCents: 11.15,
        latencyMs: [79.1015625, 0, 0, 0, 0],
        sectionBeats: 65,
        sampleRate: 34650,
        recording: SUNG_63,
      },
      {
        seed: 7758,
        voice: HORNPIPE_BASS,
        tonic: 40,
        bpm: 77.85,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune'],
        defectSizes: mixed63('FOOOOO'),
        placement: 'runs',
        sampleRate: 36750,
        recording: SUNG_63,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_63, ...PERFORMED_63, bursts: BURSTS_63 })),
];
export const HELD_OUT_63_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7759,
    voice: 'pt+Storm',
    wordsPerMinute: 159,
    espeakPitch: 79,
    takes: 5,
    latencyMs: [0, 0, 58.5234375, 0, 0],
    kinds: ['detune', 'missing', 'noise', 'early', 'level'],
    defectSizes: mixed63('OOOFOO'),
    renderDetune: true,
    recording: SPOKEN_63,
    guideRecording: GUIDE_SPOKEN_63,
    loudBreath: LOUD_BREATH_63,
    bursts: BURSTS_63,
    sentences: ['Olá, tudo bem?', 'Onde fica a estação?', 'Obrigado, amigo.', 'Está frio hoje.', 'Até amanhã!'],
  },
  {
    seed: 7760,
    voice: 'es-419+f1',
    wordsPerMinute: 174,
    espeakPitch: 81,
    takes: 4,
    latencyMs: [0, 0, 0, 62.7421875],
    kinds: ['late', 'missing', 'noise', 'detune'],
    defectSizes: mixed63('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_63,
    guideRecording: GUIDE_SPOKEN_63,
    loudBreath: LOUD_BREATH_63,
    bursts: BURSTS_63,
    sentences: ['¡Hola, compadre!', '¿Qué onda?', 'Ahorita vengo.', '¿Dónde queda el mercado?', 'Nos vemos, pues.'],
  },
];

/** Voices of held-out-64 (in no set before it): a gavotte soprano, a farandole mezzo, a landler bass. */
const GAVOTTE_SOPRANO: VoiceStyle = {
  name: 'gavotte soprano',
  formantScale: 1.065,
  vibratoHz: 5.55,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.21,
  driftCents: 4.85,
  breath: 0.07,
  openPhase: 0.585,
  closePhase: 0.155,
};
const FARANDOLE_MEZZO: VoiceStyle = {
  name: 'farandole mezzo',
  formantScale: 1.045,
  vibratoHz: 5.25,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.25,
  driftCents: 4.55,
  breath: 0.065,
  openPhase: 0.57,
  closePhase: 0.175,
};
const LANDLER_BASS: VoiceStyle = {
  name: 'landler bass',
  formantScale: 0.945,
  vibratoHz: 4.85,
  vibratoCents: 13,
  vibratoDelaySeconds: 0.31,
  driftCents: 4.25,
  breath: 0.045,
  openPhase: 0.545,
  closePhase: 0.19,
};
/**
 * held-out-64's two spreads of defect size, every edge other than held-out-42's to 63's: FAINT_SPREAD_64 (late
 * 23.65–28.75 ms, early 20.95–25.45 ms, detunes 12.15–18.45 cents, level drops 2.57–3.43 dB, bursts −60.65…−46.45 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.13–3.23 dB) and ORDINARY_SPREAD_64 (inside
 * defectAmount's own ranges: late 52.35–89.65 ms, early 45.55–84.45 ms, detunes 28.05–43.75 cents, level drops
 * 9.45–11.25 dB, bursts −20.65…−17.35 dBFS, clipping 7.95–9.35 dB).
 */
export const FAINT_SPREAD_64 = {
  late: [23.65, 28.75],
  early: [20.95, 25.45],
  detune: [12.15, 18.45],
  level: [2.57, 3.43],
  noise: [-60.65, -46.45],
  clip: [2.13, 3.23],
} as const;
export const ORDINARY_SPREAD_64 = {
  late: [52.35, 89.65],
  early: [45.55, 84.45],
  detune: [28.05, 43.75],
  level: [9.45, 11.25],
  noise: [-20.65, -17.35],
  clip: [7.95, 9.35],
} as const;
const mixed64 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_64, ORDINARY_SPREAD_64);
/**
 * held-out-64's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 14–22 dB
 * under the phrase, mouth in 40–65 %, bowed 16–24 dB, mouth 25–50 %, sung 12–20 dB, mouth 60–85 %, speech 14–21 dB,
 * mouth 35–60 %; exhales after 10–25 % of the phrases, 20–30 dB under), **the performer rushing runs of short notes**
 * (RunRush: in every run of two or more notes of at most 0.8 beat each, ≤ 0.3 beat apart, the run's notes after its
 * first entered early, the more so the later, its last 12–30 ms (per take) × 0.6–1 (per run) early, the part back in
 * step at the next note), **a single loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new
 * sizes: a gasp 3–7 dB under the next phrase, in 60 % of the phrases whose breath falls in a section where the take is
 * the clean one), **a click track's bleed** from the headphones on one take of five songs (held-out-58's ClickBleed:
 * −56.5…−44.5 dBFS at its loudest 50 ms), articulation `hold` (winds 0.83–0.93, bowed 0.88–0.96, reeds 0.8–0.9,
 * brass 0.81–0.91, sung 0.85–0.94), weak beats `accentDb` under (0.45–1.35 dB; sung 0.3–1.1), rooms RT60 0.45–1.45 s
 * wet 0.08–0.22 (speech 0.25–0.75 s, 0.04–0.13), every take's chain: hiss −87.5…−62.5 dBFS, hum −84…−56.5, fan
 * −79…−50.5, preamp −87…−60.5. The bursts (Bursts): four shapes no set used (someone whistling outside, paper
 * crumpled, a book dropped on the floor, a person blowing on the mic), 35 % of them in the middle of their rest (the
 * rest at the phrase's edge). The guide's person: in tune, detached (0.85–0.92), breathing, steady (no rush), no
 * room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_64: Chain = { hissDb: [-87.5, -62.5], humDb: [-84, -56.5], fanDb: [-79, -50.5], preampDb: [-87, -60.5] };
const BREATH_WIND_64: Breathing = {
  mouthShare: [0.4, 0.65],
  inhaleSeconds: [0.19, 0.39],
  gapSeconds: [0.08, 0.16],
  inhaleDb: [14, 22],
  exhaleShare: 0.15,
  exhaleDb: [20, 30],
};
const BREATH_BOWED_64: Breathing = {
  ...BREATH_WIND_64,
  mouthShare: [0.25, 0.5],
  inhaleDb: [16, 24],
  exhaleShare: 0.1,
};
const BREATH_SUNG_64: Breathing = {
  ...BREATH_WIND_64,
  mouthShare: [0.6, 0.85],
  inhaleSeconds: [0.22, 0.44],
  inhaleDb: [12, 20],
  exhaleShare: 0.25,
  exhaleDb: [20, 28],
};
const BREATH_SPOKEN_64: Breathing = {
  mouthShare: [0.35, 0.6],
  inhaleSeconds: [0.16, 0.3],
  gapSeconds: [0.08, 0.14],
  inhaleDb: [14, 21],
  exhaleShare: 0.1,
  exhaleDb: [20, 29],
};
const RUNS_64: RunRush = { maxBeats: 0.8, gapBeats: 0.3, minRun: 2, ms: [12, 30], spread: [0.6, 1] };
const LOUD_BREATH_64: LoudBreath = { share: 0.6, db: [3, 7], seconds: [0.21, 0.41], gapSeconds: [0.08, 0.14] };
const BURSTS_64: Bursts = { kinds: ['whistle', 'crumple', 'drop', 'blow'], middleShare: 0.35 };
const WIND_64: Recording = {
  hold: [0.83, 0.93],
  accentDb: [0.45, 1.35],
  breathing: BREATH_WIND_64,
  rt60: [0.45, 1.45],
  wet: [0.08, 0.22],
  chain: CHAIN_64,
};
const BOWED_64: Recording = { ...WIND_64, hold: [0.88, 0.96], breathing: BREATH_BOWED_64 };
const REED_64: Recording = { ...WIND_64, hold: [0.8, 0.9] };
const BRASS_64: Recording = { ...WIND_64, hold: [0.81, 0.91] };
const SUNG_64: Recording = { ...WIND_64, hold: [0.85, 0.94], accentDb: [0.3, 1.1], breathing: BREATH_SUNG_64 };
const SPOKEN_64: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_64,
  rt60: [0.25, 0.75],
  wet: [0.04, 0.13],
  chain: CHAIN_64,
};
const GUIDE_PLAYED_64: Recording = {
  hold: [0.85, 0.92],
  accentDb: [0.3, 0.8],
  breathing: { ...BREATH_WIND_64, inhaleDb: [18, 25] },
};
const GUIDE_SUNG_64: Recording = { ...GUIDE_PLAYED_64, breathing: { ...BREATH_SUNG_64, inhaleDb: [16, 23] } };
const GUIDE_SPOKEN_64: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_64, inhaleDb: [19, 26] },
};
const PERFORMED_64 = { runs: RUNS_64, loudBreath: LOUD_BREATH_64 };
const bleed64 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-56.5, -44.5] } });

/**
 * The sixty-fourth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset92, the next comp judge
 * after held-out-63; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of an eighteenth model, one who rushes runs of short notes** (RunRush, `runRushPart`: in every run of two
 * or more notes of at most 0.8 beat, each ≤ 0.3 beat after the one before, the run's j-th of c notes entered early by
 * `ms` (12–30, per take) × `spread` (0.6–1, per run) × j / (c − 1), its first note on time; each note's audio moved
 * whole, no pitch changed, the part back in step 25 ms before the note after the run; on every song take, the clean one
 * too; the guide's person steady; speech none — none of 47's to 63's models), held-out-54's breathing at new sizes
 * (breaths before every phrase, some after, on every take) and each take in its own room and chain (room tails after
 * every phrase and breath, clean takes too); **a single loud breath before a phrase on clean takes** (held-out-58's
 * LoudBreath at new sizes); **a click track's bleed on one take of five songs** (held-out-58's ClickBleed, new levels);
 * **noise bursts of four shapes no set used** (someone whistling outside, paper crumpled, a book dropped on the floor,
 * a person blowing on the mic), from −60.65 dBFS — under a noisy take's floor — to −17.35, 35 % in the middle of their
 * rest and the rest at the phrase's edge; the guide by a person in tune, breathing; songs of 2 and 3 sections beside 6;
 * spoken takes render their detune; defect sizes a realistic mix with spreads' edges other than 42's to 63's; take and
 * guide programs new to their bank; **rates of odd multiples of 882 Hz** (32 634, 34 398 and 37 926 Hz; no set used;
 * inside 61's 30 870–41 160 Hz); **tempi of fortieths of a beat per minute in lowest terms** (none an eighth or a
 * twentieth; no set used; inside 61's 63.9–114.3); tonics the least used before inside 61's 38–78 (39: two uses; 78:
 * three; 38, 74: four); take latencies of odd 256ths of a millisecond (no set used); three voices in no set (gavotte
 * soprano, farandole mezzo, landler bass); a tight singer (timing jitter 6.85 ms, pitch jitter 2.25 cents) and a loose
 * one (12.85 ms, 10.95 cents); consonant shares 0.63 and 0.74; speech from espeak-ng Belgian French (fr-be+Annie, pitch
 * 82, 136 wpm; no set read fr-be) and Southern Vietnamese (vi-vn-x-south+m2, pitch 84, 138 wpm; no set read it); seeds
 * 7761–7775. 7 played songs (6, 6, 3, 6, 2, 6, 6 sections) + 6 sung (6, 2, 6, 6, 3, 6) = 64 sections with a MIDI guide,
 * + 2 × 5 sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_64: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7761,
        program: 19,
        guideProgram: 4,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.293, reverbLevel: 0.297 },
        sampleRate: 34398,
        tonic: 38,
        bpm: 74.675,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'noise', 'detune', 'early'],
        defectSizes: mixed64('OOOFOO'),
        latencyMs: [0, 0, 44.01171875, 0],
        recording: REED_64,
        ...bleed64(2),
      },
      {
        seed: 7762,
        program: 48,
        guideProgram: 1,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.453, reverbLevel: 0.213 },
        sampleRate: 37926,
        tonic: 74,
        bpm: 96.325,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'noise', 'detune', 'clip'],
        defectSizes: mixed64('FOOOOO'),
        latencyMs: [0, 52.98828125, 0, 0],
        recording: BOWED_64,
      },
      {
        seed: 7763,
        program: 43,
        guideProgram: 5,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.247, reverbLevel: 0.283 },
        sampleRate: 32634,
        tonic: 39,
        bpm: 83.975,
        takes: 5,
        sections: 3,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed64('OFOOOO'),
        latencyMs: 61.08984375,
        recording: BOWED_64,
      },
      {
        seed: 7764,
        program: 61,
        guideProgram: 11,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.367, reverbLevel: 0.243 },
        sampleRate: 34398,
        tonic: 74,
        bpm: 104.825,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'level', 'late'],
        defectSizes: mixed64('OOOOFO'),
        recording: BRASS_64,
        ...bleed64(1),
      },
      {
        seed: 7765,
        program: 56,
        guideProgram: 0,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.229, reverbLevel: 0.321 },
        sampleRate: 37926,
        tonic: 78,
        bpm: 68.525,
        takes: 5,
        sections: 2,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'late', 'clip', 'early'],
        defectSizes: mixed64('OFOOOO'),
        latencyMs: [0, 0, 73.13671875, 0, 0],
        recording: BRASS_64,
      },
      {
        seed: 7766,
        program: 41,
        guideProgram: 16,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.523, reverbLevel: 0.187 },
        sampleRate: 32634,
        tonic: 78,
        bpm: 91.175,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['late', 'missing', 'noise', 'detune', 'early'],
        defectSizes: mixed64('OOFOOO'),
        latencyMs: [86.19140625, 0, 0, 0],
        recording: BOWED_64,
        ...bleed64(3),
      },
      {
        seed: 7767,
        program: 58,
        guideProgram: 24,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.333, reverbLevel: 0.269 },
        sampleRate: 34398,
        tonic: 38,
        bpm: 78.425,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed64('FOOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 57.26171875],
        recording: BRASS_64,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_64, ...PERFORMED_64, bursts: BURSTS_64 })),
  ...(
    [
      {
        seed: 7768,
        voice: LANDLER_BASS,
        tonic: 39,
        bpm: 82.575,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed64('OOFOOO'),
        latencyMs: [0, 0, 49.33984375, 0, 0],
        sampleRate: 37926,
        recording: SUNG_64,
        ...bleed64(0),
      },
      {
        seed: 7769,
        voice: GAVOTTE_SOPRANO,
        tonic: 78,
        bpm: 71.075,
        takes: 4,
        sections: 2,
        scale: 'minor',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'early', 'detune', 'level'],
        defectSizes: mixed64('OOOFOO'),
        consonantShare: 0.63,
        latencyMs: 66.41796875,
        sampleRate: 34398,
        recording: SUNG_64,
      },
      {
        seed: 7770,
        voice: FARANDOLE_MEZZO,
        tonic: 74,
        bpm: 88.325,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'sixteenth',
        kinds: ['clip', 'missing', 'noise', 'early', 'late'],
        defectSizes: mixed64('OOOOOF'),
        timingJitterMs: 6.85,
        pitchJitterCents: 2.25,
        latencyMs: [0, 0, 0, 80.49609375, 0],
        sampleRate: 32634,
        recording: SUNG_64,
      },
      {
        seed: 7771,
        voice: LANDLER_BASS,
        tonic: 38,
        bpm: 106.275,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'noise', 'detune', 'late'],
        defectSizes: mixed64('OOOFOO'),
        latencyMs: [0, 0, 0, 42.57421875],
        sampleRate: 37926,
        recording: SUNG_64,
        ...bleed64(2),
      },
      {
        seed: 7772,
        voice: GAVOTTE_SOPRANO,
        tonic: 78,
        bpm: 66.725,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'detune', 'noise', 'level'],
        defectSizes: mixed64('OOOOFO'),
        consonantShare: 0.74,
        timingJitterMs: 12.85,
        pitchJitterCents: 10.95,
        latencyMs: [69.65234375, 0, 0, 0, 0],
        sampleRate: 32634,
        recording: SUNG_64,
      },
      {
        seed: 7773,
        voice: FARANDOLE_MEZZO,
        tonic: 74,
        bpm: 76.225,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune', 'early'],
        defectSizes: mixed64('FOOOOO'),
        placement: 'runs',
        sampleRate: 34398,
        recording: SUNG_64,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_64, ...PERFORMED_64, bursts: BURSTS_64 })),
];
export const HELD_OUT_64_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7774,
    voice: 'fr-be+Annie',
    wordsPerMinute: 136,
    espeakPitch: 82,
    takes: 5,
    latencyMs: [0, 0, 54.73046875, 0, 0],
    kinds: ['detune', 'missing', 'noise', 'late', 'level'],
    defectSizes: mixed64('OOOFOO'),
    renderDetune: true,
    recording: SPOKEN_64,
    guideRecording: GUIDE_SPOKEN_64,
    loudBreath: LOUD_BREATH_64,
    bursts: BURSTS_64,
    sentences: ['Bonjour, ça va ?', 'Il a septante ans.', 'Une fois, on y va.', 'Quel temps fait-il ?', 'À tantôt !'],
  },
  {
    seed: 7775,
    voice: 'vi-vn-x-south+m2',
    wordsPerMinute: 138,
    espeakPitch: 84,
    takes: 4,
    latencyMs: [0, 0, 0, 77.80859375],
    kinds: ['early', 'missing', 'noise', 'detune', 'clip'],
    defectSizes: mixed64('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_64,
    guideRecording: GUIDE_SPOKEN_64,
    loudBreath: LOUD_BREATH_64,
    bursts: BURSTS_64,
    sentences: ['Xin chào anh.', 'Hôm nay trời nóng quá.', 'Cảm ơn nhiều nha.', 'Chợ ở đâu vậy?', 'Hẹn gặp lại!'],
  },
];

/** Voices of held-out-65 (in no set before it): a sarabande soprano, a musette alto, a bransle bass. */
const SARABANDE_SOPRANO: VoiceStyle = {
  name: 'sarabande soprano',
  formantScale: 1.055,
  vibratoHz: 5.45,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.23,
  driftCents: 4.65,
  breath: 0.075,
  openPhase: 0.595,
  closePhase: 0.165,
};
const MUSETTE_ALTO: VoiceStyle = {
  name: 'musette alto',
  formantScale: 1.025,
  vibratoHz: 5.15,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.27,
  driftCents: 4.45,
  breath: 0.06,
  openPhase: 0.565,
  closePhase: 0.18,
};
const BRANSLE_BASS: VoiceStyle = {
  name: 'bransle bass',
  formantScale: 0.935,
  vibratoHz: 4.75,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.33,
  driftCents: 4.15,
  breath: 0.05,
  openPhase: 0.535,
  closePhase: 0.195,
};
/**
 * held-out-65's two spreads of defect size, every edge other than held-out-42's to 64's: FAINT_SPREAD_65 (late
 * 23.95–28.55 ms, early 21.15–25.95 ms, detunes 12.35–18.15 cents, level drops 2.61–3.39 dB, bursts −60.45…−46.85 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.19–3.17 dB) and ORDINARY_SPREAD_65 (inside
 * defectAmount's own ranges: late 52.85–88.95 ms, early 45.95–83.85 ms, detunes 28.35–43.45 cents, level drops
 * 9.55–11.15 dB, bursts −20.75…−17.45 dBFS, clipping 7.75–9.55 dB).
 */
export const FAINT_SPREAD_65 = {
  late: [23.95, 28.55],
  early: [21.15, 25.95],
  detune: [12.35, 18.15],
  level: [2.61, 3.39],
  noise: [-60.45, -46.85],
  clip: [2.19, 3.17],
} as const;
export const ORDINARY_SPREAD_65 = {
  late: [52.85, 88.95],
  early: [45.95, 83.85],
  detune: [28.35, 43.45],
  level: [9.55, 11.15],
  noise: [-20.75, -17.45],
  clip: [7.75, 9.55],
} as const;
const mixed65 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_65, ORDINARY_SPREAD_65);
/**
 * held-out-65's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 15–23 dB
 * under the phrase, mouth in 35–60 %, bowed 17–25 dB, mouth 20–45 %, sung 13–21 dB, mouth 55–80 %, speech 15–22 dB,
 * mouth 30–55 %; exhales after 10–25 % of the phrases, 21–30 dB under), **the performer's long notes wavering in
 * level** (Tremolo: on 45–80 % of the notes of 0.45 s or longer (per take), from 0.1–0.25 s into the note, a 4.2–6.4
 * Hz dip of 1.2–3.2 dB (per note) rising in over 0.15 s and let go 40 ms before the note's end; no note moved, no
 * level raised), **a single loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes: a gasp
 * 3.5–6.5 dB under the next phrase, in 55 % of the phrases whose breath falls in a section where the take is the clean
 * one), **a click track's bleed** from the headphones on one take of five songs (held-out-58's ClickBleed:
 * −57…−45.5 dBFS at its loudest 50 ms), articulation `hold` (winds 0.84–0.94, bowed 0.87–0.95, reeds 0.81–0.91,
 * brass 0.82–0.92, sung 0.86–0.95), weak beats `accentDb` under (0.4–1.3 dB; sung 0.35–1.15), rooms RT60 0.5–1.4 s
 * wet 0.09–0.21 (speech 0.3–0.7 s, 0.05–0.12), every take's chain: hiss −88…−63 dBFS, hum −83.5…−57, fan −79.5…−50.5,
 * preamp −86.5…−61. The bursts (Bursts): four shapes no set used (an appliance beeping in the next room, a chair
 * scraped on the floor, someone laughing in the control room, a finger rubbing the mic's grille), 40 % of them in the
 * middle of their rest (the rest at the phrase's edge). The guide's person: in tune, detached (0.86–0.93), breathing,
 * steady (no tremolo), no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_65: Chain = { hissDb: [-88, -63], humDb: [-83.5, -57], fanDb: [-79.5, -50.5], preampDb: [-86.5, -61] };
const BREATH_WIND_65: Breathing = {
  mouthShare: [0.35, 0.6],
  inhaleSeconds: [0.2, 0.38],
  gapSeconds: [0.09, 0.15],
  inhaleDb: [15, 23],
  exhaleShare: 0.15,
  exhaleDb: [21, 30],
};
const BREATH_BOWED_65: Breathing = {
  ...BREATH_WIND_65,
  mouthShare: [0.2, 0.45],
  inhaleDb: [17, 25],
  exhaleShare: 0.1,
};
const BREATH_SUNG_65: Breathing = {
  ...BREATH_WIND_65,
  mouthShare: [0.55, 0.8],
  inhaleSeconds: [0.23, 0.43],
  inhaleDb: [13, 21],
  exhaleShare: 0.25,
  exhaleDb: [21, 29],
};
const BREATH_SPOKEN_65: Breathing = {
  mouthShare: [0.3, 0.55],
  inhaleSeconds: [0.17, 0.31],
  gapSeconds: [0.09, 0.15],
  inhaleDb: [15, 22],
  exhaleShare: 0.1,
  exhaleDb: [21, 29],
};
const TREMOLO_65: Tremolo = {
  share: [0.45, 0.8],
  minSeconds: 0.45,
  onsetS: [0.1, 0.25],
  hz: [4.2, 6.4],
  db: [1.2, 3.2],
  riseS: 0.15,
};
const LOUD_BREATH_65: LoudBreath = { share: 0.55, db: [3.5, 6.5], seconds: [0.22, 0.4], gapSeconds: [0.09, 0.15] };
const BURSTS_65: Bursts = { kinds: ['beep', 'chair', 'laugh', 'rub'], middleShare: 0.4 };
const WIND_65: Recording = {
  hold: [0.84, 0.94],
  accentDb: [0.4, 1.3],
  breathing: BREATH_WIND_65,
  rt60: [0.5, 1.4],
  wet: [0.09, 0.21],
  chain: CHAIN_65,
};
const BOWED_65: Recording = { ...WIND_65, hold: [0.87, 0.95], breathing: BREATH_BOWED_65 };
const REED_65: Recording = { ...WIND_65, hold: [0.81, 0.91] };
const BRASS_65: Recording = { ...WIND_65, hold: [0.82, 0.92] };
const SUNG_65: Recording = { ...WIND_65, hold: [0.86, 0.95], accentDb: [0.35, 1.15], breathing: BREATH_SUNG_65 };
const SPOKEN_65: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_65,
  rt60: [0.3, 0.7],
  wet: [0.05, 0.12],
  chain: CHAIN_65,
};
const GUIDE_PLAYED_65: Recording = {
  hold: [0.86, 0.93],
  accentDb: [0.3, 0.8],
  breathing: { ...BREATH_WIND_65, inhaleDb: [19, 26] },
};
const GUIDE_SUNG_65: Recording = { ...GUIDE_PLAYED_65, breathing: { ...BREATH_SUNG_65, inhaleDb: [17, 24] } };
const GUIDE_SPOKEN_65: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_65, inhaleDb: [20, 27] },
};
const PERFORMED_65 = { tremolo: TREMOLO_65, loudBreath: LOUD_BREATH_65 };
const bleed65 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-57, -45.5] } });

/**
 * The sixty-fifth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset96, the next comp judge
 * after held-out-64; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of a nineteenth model, one whose long notes waver in level** (Tremolo, `tremoloPart`: on 45–80 % (per
 * take) of the notes of 0.45 s or longer, from 0.1–0.25 s into the note, the level dipping 1.2–3.2 dB (per note) at
 * 4.2–6.4 Hz, the depth rising in over 0.15 s and gone 40 ms before the note's end; gain only, never over 1, no note
 * moved and no pitch changed; on every song take, the clean one too; the guide's person steady; speech none — none of
 * 47's to 64's models), held-out-54's breathing at new sizes (breaths before every phrase, some after, on every take)
 * and each take in its own room and chain (room tails after every phrase and breath, clean takes too); **a single loud
 * breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes); **a click track's bleed on one take
 * of five songs** (held-out-58's ClickBleed, new levels); **noise bursts of four shapes no set used** (an appliance
 * beeping in the next room, a chair scraped on the floor, someone laughing in the control room, a finger rubbing the
 * mic's grille), from −60.45 dBFS — under a noisy take's floor — to −17.45, 40 % in the middle of their rest and the
 * rest at the phrase's edge; the guide by a person in tune, breathing; songs of 2 and 3 sections beside 6; spoken takes
 * render their detune; defect sizes a realistic mix with spreads' edges other than 42's to 64's; take and guide
 * programs new to their bank; **rates of odd multiples of 1225 Hz** (35 525, 37 975 and 40 425 Hz; no set used; inside
 * 61's 30 870–41 160 Hz); **tempi of fiftieths of a beat per minute in lowest terms** (none a tenth; no set used;
 * inside 61's–64's 63.9–114.3); tonics the least used before inside 61's 38–78 (68: four uses; 41, 42, 44: five); take
 * latencies of odd 512ths of a millisecond (no set used); three voices in no set (sarabande soprano, musette alto,
 * bransle bass); a tight singer (timing jitter 7.65 ms, pitch jitter 2.05 cents) and a loose one (13.15 ms, 11.45
 * cents); consonant shares 0.61 and 0.69; speech from espeak-ng Swiss French (fr-ch+f4, pitch 86, 128 wpm; no set read
 * fr-ch) and Latvian Russian (ru-lv+m4, pitch 88, 134 wpm; no set read ru-lv); seeds 7776–7790. 7 played songs (6, 3,
 * 6, 6, 6, 2, 6 sections) + 6 sung (6, 6, 2, 6, 3, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74
 * sections, each with one clean take.
 */
export const HELD_OUT_65: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7776,
        program: 50,
        guideProgram: 2,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.311, reverbLevel: 0.277 },
        sampleRate: 37975,
        tonic: 44,
        bpm: 73.14,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed65('OOOOFO'),
        latencyMs: [0, 45.197265625, 0, 0],
        recording: BOWED_65,
        ...bleed65(3),
      },
      {
        seed: 7777,
        program: 63,
        guideProgram: 5,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.437, reverbLevel: 0.229 },
        sampleRate: 40425,
        tonic: 68,
        bpm: 95.86,
        takes: 5,
        sections: 3,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'clip', 'early'],
        defectSizes: mixed65('OOOOOF'),
        latencyMs: 53.619140625,
        recording: BRASS_65,
      },
      {
        seed: 7778,
        program: 49,
        guideProgram: 4,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.263, reverbLevel: 0.301 },
        sampleRate: 35525,
        tonic: 41,
        bpm: 84.22,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'sixteenth',
        kinds: ['early', 'missing', 'noise', 'detune', 'late'],
        defectSizes: mixed65('FOOOOO'),
        latencyMs: [0, 0, 60.150390625, 0],
        recording: BOWED_65,
      },
      {
        seed: 7779,
        program: 20,
        guideProgram: 8,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.381, reverbLevel: 0.251 },
        sampleRate: 37975,
        tonic: 68,
        bpm: 104.38,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'noise', 'detune', 'late'],
        defectSizes: mixed65('OOOFOO'),
        recording: REED_65,
        ...bleed65(0),
      },
      {
        seed: 7780,
        program: 61,
        guideProgram: 2,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.217, reverbLevel: 0.333 },
        sampleRate: 40425,
        tonic: 42,
        bpm: 68.94,
        takes: 5,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixed65('OOFOOO'),
        latencyMs: [0, 0, 0, 71.845703125, 0],
        recording: BRASS_65,
      },
      {
        seed: 7781,
        program: 59,
        guideProgram: 0,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.509, reverbLevel: 0.193 },
        sampleRate: 35525,
        tonic: 68,
        bpm: 91.46,
        takes: 5,
        sections: 2,
        scale: 'lydian',
        rhythm: 'dotted',
        kinds: ['missing', 'noise', 'early', 'level', 'late'],
        defectSizes: mixed65('OFOOOO'),
        latencyMs: [84.490234375, 0, 0, 0, 0],
        recording: BRASS_65,
      },
      {
        seed: 7782,
        program: 18,
        guideProgram: 16,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.347, reverbLevel: 0.263 },
        sampleRate: 37975,
        tonic: 44,
        bpm: 78.62,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'straight',
        kinds: ['detune', 'missing', 'noise', 'late', 'level'],
        defectSizes: mixed65('OOFOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 58.759765625, 0, 0],
        recording: REED_65,
        ...bleed65(4),
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_65, ...PERFORMED_65, bursts: BURSTS_65 })),
  ...(
    [
      {
        seed: 7783,
        voice: BRANSLE_BASS,
        tonic: 41,
        bpm: 82.78,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['level', 'missing', 'noise', 'late', 'detune'],
        defectSizes: mixed65('OOOFOO'),
        latencyMs: [0, 0, 0, 49.318359375, 0],
        sampleRate: 35525,
        recording: SUNG_65,
        ...bleed65(1),
      },
      {
        seed: 7784,
        voice: SARABANDE_SOPRANO,
        tonic: 68,
        bpm: 70.98,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'early', 'detune', 'clip'],
        defectSizes: mixed65('OFOOOO'),
        consonantShare: 0.61,
        latencyMs: 66.400390625,
        sampleRate: 40425,
        recording: SUNG_65,
      },
      {
        seed: 7785,
        voice: MUSETTE_ALTO,
        tonic: 44,
        bpm: 88.54,
        takes: 5,
        sections: 2,
        scale: 'minor',
        rhythm: 'sixteenth',
        kinds: ['early', 'missing', 'noise', 'level', 'late'],
        defectSizes: mixed65('OOOFOO'),
        timingJitterMs: 7.65,
        pitchJitterCents: 2.05,
        latencyMs: [0, 79.958984375, 0, 0, 0],
        sampleRate: 37975,
        recording: SUNG_65,
      },
      {
        seed: 7786,
        voice: BRANSLE_BASS,
        tonic: 42,
        bpm: 106.06,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed65('OFOOOO'),
        latencyMs: [43.115234375, 0, 0, 0],
        sampleRate: 40425,
        recording: SUNG_65,
        ...bleed65(2),
      },
      {
        seed: 7787,
        voice: SARABANDE_SOPRANO,
        tonic: 68,
        bpm: 66.42,
        takes: 5,
        sections: 3,
        scale: 'pentatonic',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'detune', 'noise', 'clip'],
        defectSizes: mixed65('FOOOOO'),
        consonantShare: 0.69,
        timingJitterMs: 13.15,
        pitchJitterCents: 11.45,
        latencyMs: [0, 0, 0, 0, 69.677734375],
        sampleRate: 35525,
        recording: SUNG_65,
      },
      {
        seed: 7788,
        voice: MUSETTE_ALTO,
        tonic: 44,
        bpm: 76.34,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'late', 'detune', 'early'],
        defectSizes: mixed65('OOOOFO'),
        placement: 'runs',
        sampleRate: 37975,
        recording: SUNG_65,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_65, ...PERFORMED_65, bursts: BURSTS_65 })),
];
export const HELD_OUT_65_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7789,
    voice: 'fr-ch+f4',
    wordsPerMinute: 128,
    espeakPitch: 86,
    takes: 4,
    latencyMs: [0, 0, 56.240234375, 0],
    kinds: ['late', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed65('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_65,
    guideRecording: GUIDE_SPOKEN_65,
    loudBreath: LOUD_BREATH_65,
    bursts: BURSTS_65,
    sentences: [
      'Salut, ça joue ?',
      'Il a huitante ans.',
      'On se voit à midi.',
      'Tu viens quand ?',
      'Adieu, à bientôt !',
    ],
  },
  {
    seed: 7790,
    voice: 'ru-lv+m4',
    wordsPerMinute: 134,
    espeakPitch: 88,
    takes: 5,
    latencyMs: [0, 0, 0, 75.544921875, 0],
    kinds: ['early', 'missing', 'noise', 'clip', 'detune'],
    defectSizes: mixed65('OFOOOO'),
    renderDetune: true,
    recording: SPOKEN_65,
    guideRecording: GUIDE_SPOKEN_65,
    loudBreath: LOUD_BREATH_65,
    bursts: BURSTS_65,
    sentences: ['Здравствуйте!', 'Как у вас дела?', 'Где здесь вокзал?', 'Сегодня холодно.', 'До свидания!'],
  },
];

/** Voices of held-out-66 (in no set before it): a pavane soprano, a courante alto, a galliard bass. */
const PAVANE_SOPRANO: VoiceStyle = {
  name: 'pavane soprano',
  formantScale: 1.065,
  vibratoHz: 5.55,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.21,
  driftCents: 4.75,
  breath: 0.08,
  openPhase: 0.605,
  closePhase: 0.155,
};
const COURANTE_ALTO: VoiceStyle = {
  name: 'courante alto',
  formantScale: 1.035,
  vibratoHz: 5.25,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.25,
  driftCents: 4.55,
  breath: 0.065,
  openPhase: 0.575,
  closePhase: 0.17,
};
const GALLIARD_BASS: VoiceStyle = {
  name: 'galliard bass',
  formantScale: 0.925,
  vibratoHz: 4.85,
  vibratoCents: 11,
  vibratoDelaySeconds: 0.31,
  driftCents: 4.05,
  breath: 0.045,
  openPhase: 0.545,
  closePhase: 0.205,
};
/**
 * held-out-66's two spreads of defect size, every edge other than held-out-42's to 65's: FAINT_SPREAD_66 (late
 * 24.15–28.65 ms, early 21.35–26.15 ms, detunes 12.55–18.25 cents, level drops 2.67–3.41 dB, bursts −60.55…−46.65 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.23–3.19 dB) and ORDINARY_SPREAD_66 (inside
 * defectAmount's own ranges: late 53.05–89.15 ms, early 46.15–84.05 ms, detunes 28.55–43.65 cents, level drops
 * 9.65–11.05 dB, bursts −20.55…−17.55 dBFS, clipping 7.6–9.6 dB).
 */
export const FAINT_SPREAD_66 = {
  late: [24.15, 28.65],
  early: [21.35, 26.15],
  detune: [12.55, 18.25],
  level: [2.67, 3.41],
  noise: [-60.55, -46.65],
  clip: [2.23, 3.19],
} as const;
export const ORDINARY_SPREAD_66 = {
  late: [53.05, 89.15],
  early: [46.15, 84.05],
  detune: [28.55, 43.65],
  level: [9.65, 11.05],
  noise: [-20.55, -17.55],
  clip: [7.6, 9.6],
} as const;
const mixed66 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_66, ORDINARY_SPREAD_66);
/**
 * held-out-66's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 14–22 dB
 * under the phrase, mouth in 40–65 %, bowed 16–24 dB, mouth 25–50 %, sung 12–20 dB, mouth 50–75 %, speech 16–23 dB,
 * mouth 35–60 %; exhales after 10–20 % of the phrases, 22–31 dB under), **the performer clipping each phrase's last
 * note short** (PhraseClip: in 50–90 % of the phrases (per take) whose last note lasts 0.25 s or more, the note
 * stopped after 45–75 % of its length (per phrase), faded out over 12–25 ms and silent to the next phrase; no note
 * moved, no level raised), **a single loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new
 * sizes: a gasp 3–6 dB under the next phrase, in 50 % of the phrases whose breath falls in a section where the take is
 * the clean one), **a click track's bleed** from the headphones on one take of five songs (held-out-58's ClickBleed:
 * −56.5…−45 dBFS at its loudest 50 ms), articulation `hold` (winds 0.83–0.93, bowed 0.86–0.96, reeds 0.8–0.9, brass
 * 0.81–0.91, sung 0.85–0.94), weak beats `accentDb` under (0.45–1.35 dB; sung 0.3–1.1), rooms RT60 0.45–1.35 s wet
 * 0.08–0.2 (speech 0.25–0.65 s, 0.06–0.13), every take's chain: hiss −88.5…−62.5 dBFS, hum −84…−56.5, fan −80…−50,
 * preamp −87…−60.5. The bursts (Bursts): four shapes no set used (hammering somewhere in the building, someone sighing
 * in the control room, a car passing outside, a headphone cable handled against the mic), 45 % of them in the middle of
 * their rest (the rest at the phrase's edge). The guide's person: in tune, detached (0.85–0.92), breathing, every
 * note held to its end (no clipping short), no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_66: Chain = { hissDb: [-88.5, -62.5], humDb: [-84, -56.5], fanDb: [-80, -50], preampDb: [-87, -60.5] };
const BREATH_WIND_66: Breathing = {
  mouthShare: [0.4, 0.65],
  inhaleSeconds: [0.19, 0.37],
  gapSeconds: [0.08, 0.14],
  inhaleDb: [14, 22],
  exhaleShare: 0.15,
  exhaleDb: [22, 31],
};
const BREATH_BOWED_66: Breathing = {
  ...BREATH_WIND_66,
  mouthShare: [0.25, 0.5],
  inhaleDb: [16, 24],
  exhaleShare: 0.1,
};
const BREATH_SUNG_66: Breathing = {
  ...BREATH_WIND_66,
  mouthShare: [0.5, 0.75],
  inhaleSeconds: [0.22, 0.42],
  inhaleDb: [12, 20],
  exhaleShare: 0.2,
  exhaleDb: [22, 30],
};
const BREATH_SPOKEN_66: Breathing = {
  mouthShare: [0.35, 0.6],
  inhaleSeconds: [0.16, 0.3],
  gapSeconds: [0.08, 0.14],
  inhaleDb: [16, 23],
  exhaleShare: 0.1,
  exhaleDb: [22, 30],
};
const PHRASE_CLIP_66: PhraseClip = {
  share: [0.5, 0.9],
  minSeconds: 0.25,
  keep: [0.45, 0.75],
  releaseS: [0.012, 0.025],
};
const LOUD_BREATH_66: LoudBreath = { share: 0.5, db: [3, 6], seconds: [0.2, 0.38], gapSeconds: [0.08, 0.14] };
const BURSTS_66: Bursts = { kinds: ['hammer', 'sigh', 'car', 'cable'], middleShare: 0.45 };
const WIND_66: Recording = {
  hold: [0.83, 0.93],
  accentDb: [0.45, 1.35],
  breathing: BREATH_WIND_66,
  rt60: [0.45, 1.35],
  wet: [0.08, 0.2],
  chain: CHAIN_66,
};
const BOWED_66: Recording = { ...WIND_66, hold: [0.86, 0.96], breathing: BREATH_BOWED_66 };
const REED_66: Recording = { ...WIND_66, hold: [0.8, 0.9] };
const BRASS_66: Recording = { ...WIND_66, hold: [0.81, 0.91] };
const SUNG_66: Recording = { ...WIND_66, hold: [0.85, 0.94], accentDb: [0.3, 1.1], breathing: BREATH_SUNG_66 };
const SPOKEN_66: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_66,
  rt60: [0.25, 0.65],
  wet: [0.06, 0.13],
  chain: CHAIN_66,
};
const GUIDE_PLAYED_66: Recording = {
  hold: [0.85, 0.92],
  accentDb: [0.3, 0.8],
  breathing: { ...BREATH_WIND_66, inhaleDb: [18, 25] },
};
const GUIDE_SUNG_66: Recording = { ...GUIDE_PLAYED_66, breathing: { ...BREATH_SUNG_66, inhaleDb: [16, 23] } };
const GUIDE_SPOKEN_66: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_66, inhaleDb: [21, 28] },
};
const PERFORMED_66 = { phraseClip: PHRASE_CLIP_66, loudBreath: LOUD_BREATH_66 };
const bleed66 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-56.5, -45] } });

/**
 * The sixty-sixth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset97, the next comp judge
 * after held-out-65; the base's baseline only), made differently from every earlier comp set: **every song take by a
 * performer of a twentieth model, one who clips each phrase's last note short** (PhraseClip, `phraseClipPart`: in
 * 50–90 % (per take) of the phrases whose last note lasts 0.25 s or more, the note stopped after 45–75 % of its length
 * (per phrase), a 12–25 ms raised-cosine fade, then silence until the next phrase's first note (its synth or voice
 * tail gone); gain only, never over 1, no note moved and no pitch changed; on every song take, the clean one too; the
 * guide's person holds every note; speech none — none of 47's to 65's models), held-out-54's breathing at new sizes
 * (breaths before every phrase, some after, on every take) and each take in its own room and chain (room tails after
 * every phrase and breath, clean takes too); **a single loud breath before a phrase on clean takes** (held-out-58's
 * LoudBreath at new sizes); **a click track's bleed on one take of five songs** (held-out-58's ClickBleed, new
 * levels); **noise bursts of four shapes no set used** (hammering somewhere in the building, someone sighing in the
 * control room, a car passing outside, a headphone cable handled against the mic), from −60.55 dBFS — under a noisy
 * take's floor — to −17.55, 45 % in the middle of their rest and the rest at the phrase's edge; the guide by a person
 * in tune, breathing; songs of 2 and 3 sections beside 6; spoken takes render their detune; defect sizes a realistic
 * mix with spreads' edges other than 42's to 65's; take and guide programs new to their bank; **rates of odd multiples
 * of 2100 Hz** (31 500, 35 700 and 39 900 Hz; no set used; inside 61's 30 870–41 160 Hz); **tempi of hundredths of a
 * beat per minute in lowest terms** (no set used; inside 61's–65's 63.9–114.3); tonics the least used before inside
 * 61's 38–78 (39: four uses; 73, 75: five; 49: six, for the low parts, 76 too high for them); take latencies of
 * odd 1024ths of a millisecond (no set used); three voices in no set (pavane soprano, courante alto, galliard bass); a
 * tight singer (timing jitter 7.15 ms, pitch jitter 2.6 cents) and a loose one (12.35 ms, 11.75 cents); consonant
 * shares 0.59 and 0.66; speech from espeak-ng Persian in Latin script (fa-latn+f5, pitch 87, 127 wpm; no set read
 * fa-latn) and Mandarin from pinyin (cmn-latn-pinyin+m5, pitch 89, 131
 * wpm; no set read cmn-latn-pinyin); seeds 7791–7805. 7 played songs (6, 6, 2, 6, 3, 6, 6 sections) + 6 sung (6, 3, 6,
 * 6, 2, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_66: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7791,
        program: 51,
        guideProgram: 0,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.323, reverbLevel: 0.271 },
        sampleRate: 35700,
        tonic: 73,
        bpm: 72.13,
        takes: 4,
        sections: 6,
        scale: 'dorian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'detune', 'level'],
        defectSizes: mixed66('OOOOFO'),
        latencyMs: [0, 46.5322265625, 0, 0],
        recording: BOWED_66,
        ...bleed66(2),
      },
      {
        seed: 7792,
        program: 19,
        guideProgram: 11,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.449, reverbLevel: 0.223 },
        sampleRate: 39900,
        tonic: 49,
        bpm: 96.47,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed66('OFOOOO'),
        latencyMs: 61.9677734375,
        recording: REED_66,
      },
      {
        seed: 7793,
        program: 60,
        guideProgram: 8,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.275, reverbLevel: 0.307 },
        sampleRate: 31500,
        tonic: 49,
        bpm: 83.29,
        takes: 4,
        sections: 2,
        scale: 'mixolydian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'early', 'late'],
        defectSizes: mixed66('FOOOOO'),
        latencyMs: [0, 0, 69.8134765625, 0],
        recording: BRASS_66,
      },
      {
        seed: 7794,
        program: 48,
        guideProgram: 1,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.393, reverbLevel: 0.245 },
        sampleRate: 35700,
        tonic: 75,
        bpm: 105.31,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'late', 'detune'],
        defectSizes: mixed66('OOOOFO'),
        recording: BOWED_66,
        ...bleed66(4),
      },
      {
        seed: 7795,
        program: 42,
        guideProgram: 10,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.229, reverbLevel: 0.327 },
        sampleRate: 39900,
        tonic: 39,
        bpm: 69.83,
        takes: 4,
        sections: 3,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['noise', 'missing', 'detune', 'clip', 'early'],
        defectSizes: mixed66('OOOOOF'),
        latencyMs: [57.7607421875, 0, 0, 0],
        recording: BOWED_66,
      },
      {
        seed: 7796,
        program: 61,
        guideProgram: 4,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.497, reverbLevel: 0.199 },
        sampleRate: 31500,
        tonic: 49,
        bpm: 90.17,
        takes: 5,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['missing', 'noise', 'late', 'level', 'early'],
        defectSizes: mixed66('OOOFOO'),
        latencyMs: [0, 0, 0, 70.5244140625, 0],
        recording: BRASS_66,
        ...bleed66(0),
      },
      {
        seed: 7797,
        program: 32,
        guideProgram: 13,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.359, reverbLevel: 0.257 },
        sampleRate: 35700,
        tonic: 39,
        bpm: 79.61,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'late', 'clip'],
        defectSizes: mixed66('OOOOOF'),
        placement: 'runs',
        latencyMs: [0, 60.8193359375, 0, 0],
        recording: REED_66,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_66, ...PERFORMED_66, bursts: BURSTS_66 })),
  ...(
    [
      {
        seed: 7798,
        voice: GALLIARD_BASS,
        tonic: 39,
        bpm: 81.93,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['level', 'missing', 'noise', 'early', 'detune'],
        defectSizes: mixed66('OOFOOO'),
        latencyMs: [0, 0, 58.3896484375, 0, 0],
        sampleRate: 31500,
        recording: SUNG_66,
        ...bleed66(3),
      },
      {
        seed: 7799,
        voice: PAVANE_SOPRANO,
        tonic: 73,
        bpm: 71.07,
        takes: 4,
        sections: 3,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['noise', 'missing', 'late', 'detune', 'clip'],
        defectSizes: mixed66('FOOOOO'),
        consonantShare: 0.59,
        latencyMs: 77.8681640625,
        sampleRate: 39900,
        recording: SUNG_66,
      },
      {
        seed: 7800,
        voice: COURANTE_ALTO,
        tonic: 49,
        bpm: 87.39,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'triplet',
        kinds: ['early', 'missing', 'noise', 'level', 'late'],
        defectSizes: mixed66('OOOFOO'),
        timingJitterMs: 7.15,
        pitchJitterCents: 2.6,
        latencyMs: [0, 0, 0, 0, 48.0927734375],
        sampleRate: 35700,
        recording: SUNG_66,
      },
      {
        seed: 7801,
        voice: GALLIARD_BASS,
        tonic: 49,
        bpm: 107.23,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed66('OFOOOO'),
        latencyMs: [73.6748046875, 0, 0, 0],
        sampleRate: 39900,
        recording: SUNG_66,
        ...bleed66(1),
      },
      {
        seed: 7802,
        voice: PAVANE_SOPRANO,
        tonic: 75,
        bpm: 65.91,
        takes: 5,
        sections: 2,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'detune', 'clip'],
        defectSizes: mixed66('OOOOOF'),
        consonantShare: 0.66,
        timingJitterMs: 12.35,
        pitchJitterCents: 11.75,
        latencyMs: [0, 53.7900390625, 0, 0, 0],
        sampleRate: 31500,
        recording: SUNG_66,
      },
      {
        seed: 7803,
        voice: COURANTE_ALTO,
        tonic: 73,
        bpm: 75.49,
        takes: 4,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'early', 'detune', 'level'],
        defectSizes: mixed66('OOFOOO'),
        placement: 'runs',
        sampleRate: 35700,
        recording: SUNG_66,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_66, ...PERFORMED_66, bursts: BURSTS_66 })),
];
export const HELD_OUT_66_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7804,
    voice: 'fa-latn+f5',
    wordsPerMinute: 127,
    espeakPitch: 87,
    takes: 5,
    latencyMs: [0, 0, 0, 71.9873046875, 0],
    kinds: ['early', 'missing', 'noise', 'level', 'detune'],
    defectSizes: mixed66('OOOFOO'),
    renderDetune: true,
    recording: SPOKEN_66,
    guideRecording: GUIDE_SPOKEN_66,
    loudBreath: LOUD_BREATH_66,
    bursts: BURSTS_66,
    sentences: ['Salaam, haalet chetore?', 'Emrooz hava garm ast.', 'Ketab ro bede.', 'Koja miri?', 'Khodahafez!'],
  },
  {
    seed: 7805,
    voice: 'cmn-latn-pinyin+m5',
    wordsPerMinute: 131,
    espeakPitch: 89,
    takes: 4,
    latencyMs: [0, 0, 72.3193359375, 0],
    kinds: ['late', 'missing', 'noise', 'clip', 'detune'],
    defectSizes: mixed66('FOOOOO'),
    renderDetune: true,
    recording: SPOKEN_66,
    guideRecording: GUIDE_SPOKEN_66,
    loudBreath: LOUD_BREATH_66,
    bursts: BURSTS_66,
    sentences: ['ni3 hao3!', 'jin1 tian1 hen3 leng3.', 'ni3 qu4 na3 li3?', 'wo3 men5 zou3 ba5.', 'zai4 jian4!'],
  },
];

/** Voices of held-out-67 (in no set before it): a chaconne mezzo, a passacaglia tenor, a rigaudon baritone. */
const CHACONNE_MEZZO: VoiceStyle = {
  name: 'chaconne mezzo',
  formantScale: 1.045,
  vibratoHz: 5.35,
  vibratoCents: 16,
  vibratoDelaySeconds: 0.23,
  driftCents: 4.65,
  breath: 0.07,
  openPhase: 0.595,
  closePhase: 0.165,
};
const PASSACAGLIA_TENOR: VoiceStyle = {
  name: 'passacaglia tenor',
  formantScale: 0.985,
  vibratoHz: 5.15,
  vibratoCents: 14,
  vibratoDelaySeconds: 0.27,
  driftCents: 4.35,
  breath: 0.055,
  openPhase: 0.565,
  closePhase: 0.185,
};
const RIGAUDON_BARITONE: VoiceStyle = {
  name: 'rigaudon baritone',
  formantScale: 0.945,
  vibratoHz: 4.95,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.29,
  driftCents: 4.15,
  breath: 0.05,
  openPhase: 0.555,
  closePhase: 0.195,
};
/**
 * held-out-67's two spreads of defect size, every edge other than held-out-42's to 66's: FAINT_SPREAD_67 (late
 * 23.85–29.35 ms, early 20.55–25.9 ms, detunes 11.9–17.65 cents, level drops 2.55–3.49 dB, bursts −60.6…−46.35 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.15–3.33 dB) and ORDINARY_SPREAD_67 (inside
 * defectAmount's own ranges: late 52.45–88.65 ms, early 45.85–83.35 ms, detunes 28.25–43.15 cents, level drops
 * 9.5–10.95 dB, bursts −20.35…−17.4 dBFS, clipping 7.5–9.4 dB).
 */
export const FAINT_SPREAD_67 = {
  late: [23.85, 29.35],
  early: [20.55, 25.9],
  detune: [11.9, 17.65],
  level: [2.55, 3.49],
  noise: [-60.6, -46.35],
  clip: [2.15, 3.33],
} as const;
export const ORDINARY_SPREAD_67 = {
  late: [52.45, 88.65],
  early: [45.85, 83.35],
  detune: [28.25, 43.15],
  level: [9.5, 10.95],
  noise: [-20.35, -17.4],
  clip: [7.5, 9.4],
} as const;
const mixed67 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_67, ORDINARY_SPREAD_67);
/**
 * held-out-67's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 15–21 dB
 * under the phrase, mouth in 35–60 %, bowed 17–23 dB, mouth 20–45 %, sung 13–19 dB, mouth 55–80 %, speech 15–22 dB,
 * mouth 30–55 %; exhales after 10–20 % of the phrases, 23–32 dB under), **the performer's held notes drifting sharp
 * as they swell** (SharpSwell: on 45–80 % (per take) of the notes of 0.4 s or more, from 30–80 ms into the note, the
 * pitch rising 8–22 cents by the note's end while its level swells from 2–5 dB under to its own; never raised, no
 * note moved, the next note in tune), **a single loud breath before a phrase on clean takes** (held-out-58's
 * LoudBreath at new sizes: a gasp 2.5–5.5 dB under the next phrase, in 45 % of the phrases whose breath falls in a
 * section where the take is the clean one), **a click track's bleed** from the headphones on one take of five songs
 * (held-out-58's ClickBleed: −57…−45.5 dBFS at its loudest 50 ms), articulation `hold` (winds 0.84–0.94, bowed
 * 0.87–0.97, brass 0.82–0.92, sung 0.86–0.95), weak beats `accentDb` under (0.4–1.3 dB; sung 0.35–1.05), rooms RT60
 * 0.5–1.4 s wet 0.07–0.19 (speech 0.3–0.7 s, 0.05–0.12), every take's chain: hiss −89…−63 dBFS, hum −85…−57, fan
 * −81…−50.5, preamp −88…−61. The bursts (Bursts): four shapes no set used (a wind-up timer ticking in the room, the
 * producer's talkback leaking from the headphones into the mic, a gust of wind against the window, someone brushing a
 * guitar's open strings in the room), 30 % of them in the middle of their rest (the rest at the phrase's edge). The
 * guide's person: in tune, detached (0.84–0.91), breathing, every note steady (no swell, no drift), no room, no floor,
 * no burst, no loud breath, no click.
 */
const CHAIN_67: Chain = { hissDb: [-89, -63], humDb: [-85, -57], fanDb: [-81, -50.5], preampDb: [-88, -61] };
const BREATH_WIND_67: Breathing = {
  mouthShare: [0.35, 0.6],
  inhaleSeconds: [0.18, 0.36],
  gapSeconds: [0.07, 0.13],
  inhaleDb: [15, 21],
  exhaleShare: 0.15,
  exhaleDb: [23, 32],
};
const BREATH_BOWED_67: Breathing = {
  ...BREATH_WIND_67,
  mouthShare: [0.2, 0.45],
  inhaleDb: [17, 23],
  exhaleShare: 0.1,
};
const BREATH_SUNG_67: Breathing = {
  ...BREATH_WIND_67,
  mouthShare: [0.55, 0.8],
  inhaleSeconds: [0.21, 0.41],
  inhaleDb: [13, 19],
  exhaleShare: 0.2,
  exhaleDb: [23, 31],
};
const BREATH_SPOKEN_67: Breathing = {
  mouthShare: [0.3, 0.55],
  inhaleSeconds: [0.15, 0.29],
  gapSeconds: [0.07, 0.13],
  inhaleDb: [15, 22],
  exhaleShare: 0.1,
  exhaleDb: [23, 31],
};
const SHARP_SWELL_67: SharpSwell = {
  share: [0.45, 0.8],
  minSeconds: 0.4,
  onsetS: [0.03, 0.08],
  cents: [8, 22],
  db: [2, 5],
};
const LOUD_BREATH_67: LoudBreath = { share: 0.45, db: [2.5, 5.5], seconds: [0.21, 0.37], gapSeconds: [0.07, 0.13] };
const BURSTS_67: Bursts = { kinds: ['clock', 'talkback', 'gust', 'strum'], middleShare: 0.3 };
const WIND_67: Recording = {
  hold: [0.84, 0.94],
  accentDb: [0.4, 1.3],
  breathing: BREATH_WIND_67,
  rt60: [0.5, 1.4],
  wet: [0.07, 0.19],
  chain: CHAIN_67,
};
const BOWED_67: Recording = { ...WIND_67, hold: [0.87, 0.97], breathing: BREATH_BOWED_67 };
const BRASS_67: Recording = { ...WIND_67, hold: [0.82, 0.92] };
const SUNG_67: Recording = { ...WIND_67, hold: [0.86, 0.95], accentDb: [0.35, 1.05], breathing: BREATH_SUNG_67 };
const SPOKEN_67: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_67,
  rt60: [0.3, 0.7],
  wet: [0.05, 0.12],
  chain: CHAIN_67,
};
const GUIDE_PLAYED_67: Recording = {
  hold: [0.84, 0.91],
  accentDb: [0.35, 0.85],
  breathing: { ...BREATH_WIND_67, inhaleDb: [19, 26] },
};
const GUIDE_SUNG_67: Recording = { ...GUIDE_PLAYED_67, breathing: { ...BREATH_SUNG_67, inhaleDb: [17, 24] } };
const GUIDE_SPOKEN_67: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_67, inhaleDb: [20, 27] },
};
const PERFORMED_67 = { swell: SHARP_SWELL_67, loudBreath: LOUD_BREATH_67 };
const bleed67 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-57, -45.5] } });

/**
 * The sixty-seventh held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset99, the next comp
 * judge after held-out-66; the base's baseline only), made differently from every earlier comp set: **every song take
 * by a performer of a twenty-first model, one whose held notes drift sharp as they swell** (SharpSwell, `swellPart`:
 * on 45–80 % (per take) of the notes of 0.4 s or longer, from 30–80 ms into the note, the pitch rising along a raised
 * cosine to 8–22 cents sharp at the note's end while the level swells from 2–5 dB under to the note's own; the next
 * note read in tune again; never raised over the part, no note moved; on every song take, the clean one too; the
 * guide's person steady; speech none — none of 47's to 66's models), held-out-54's breathing at new sizes (breaths
 * before every phrase, some after, on every take) and each take in its own room and chain (room tails after every
 * phrase and breath, clean takes too); **a single loud breath before a phrase on clean takes** (held-out-58's
 * LoudBreath at new sizes); **a click track's bleed on one take of five songs** (held-out-58's ClickBleed, new
 * levels); **noise bursts of four shapes no set used** (a wind-up timer ticking, the producer's talkback leaking from
 * the headphones into the mic, a gust of wind against the window, a guitar's open strings brushed), from −60.6 dBFS
 * — under a noisy take's floor — to −17.4, 30 % in the middle of their rest and the rest at the phrase's edge; the
 * guide by a person in tune, breathing; songs of 2 and 3 sections beside 6; spoken takes render their detune; defect
 * sizes a realistic mix with spreads' edges other than 42's to 66's; take and guide programs new to their bank;
 * **rates of odd multiples of 1920 Hz** (48 kHz / 25: 32 640, 36 480 and 40 320 Hz; no set used; inside 61's 30 870–41
 * 160 Hz); **tempi of thousandths of a beat per minute in lowest terms** (no set used; inside 61's–66's 63.9–114.3);
 * tonics the least used before inside 61's 38–78 (76: five uses; 54, 77: six; 41: seven, for the low parts); take
 * latencies of odd 2048ths of a millisecond (no set used); three voices in no set (chaconne mezzo, passacaglia tenor,
 * rigaudon baritone); a tight singer (timing jitter 6.95 ms, pitch jitter 3.85 cents) and a loose one (12.65 ms, 10.15
 * cents); consonant shares 0.56 and 0.82; speech from espeak-ng Pyash (py+m3, pitch 32, 123 wpm; no set read py) and
 * French of France (fr-fr+f3, pitch 93, 129 wpm; no set read the code fr-fr); seeds 7806–7820. 7 played songs (6, 6,
 * 2, 6, 3, 6, 6 sections) + 6 sung (6, 3, 6, 6, 2, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74
 * sections, each with one clean take.
 */
export const HELD_OUT_67: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7806,
        program: 49,
        guideProgram: 5,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.317, reverbLevel: 0.263 },
        sampleRate: 36480,
        tonic: 77,
        bpm: 73.217,
        takes: 4,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'level', 'detune'],
        defectSizes: mixed67('OOOFOO'),
        latencyMs: [0, 0, 47.30029296875, 0],
        recording: BOWED_67,
        ...bleed67(1),
      },
      {
        seed: 7807,
        program: 52,
        guideProgram: 7,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.437, reverbLevel: 0.219 },
        sampleRate: 40320,
        tonic: 54,
        bpm: 86.843,
        takes: 5,
        sections: 6,
        scale: 'minor',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'clip', 'early'],
        defectSizes: mixed67('FOOOOO'),
        latencyMs: 62.80029296875,
        recording: WIND_67,
      },
      {
        seed: 7808,
        program: 58,
        guideProgram: 12,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.283, reverbLevel: 0.301 },
        sampleRate: 32640,
        tonic: 41,
        bpm: 68.391,
        takes: 4,
        sections: 2,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['detune', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed67('OOFOOO'),
        latencyMs: [0, 0, 0, 71.39990234375],
        recording: BRASS_67,
      },
      {
        seed: 7809,
        program: 50,
        guideProgram: 4,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.401, reverbLevel: 0.239 },
        sampleRate: 36480,
        tonic: 76,
        bpm: 95.109,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'noise', 'early', 'clip'],
        defectSizes: mixed67('OOOOOF'),
        recording: BOWED_67,
        ...bleed67(3),
      },
      {
        seed: 7810,
        program: 75,
        guideProgram: 6,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.241, reverbLevel: 0.331 },
        sampleRate: 40320,
        tonic: 77,
        bpm: 104.677,
        takes: 4,
        sections: 3,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'detune', 'clip', 'late'],
        defectSizes: mixed67('OOOOFO'),
        latencyMs: [58.60009765625, 0, 0, 0],
        recording: WIND_67,
      },
      {
        seed: 7811,
        program: 60,
        guideProgram: 2,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.493, reverbLevel: 0.189 },
        sampleRate: 32640,
        tonic: 54,
        bpm: 79.533,
        takes: 5,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'dotted',
        kinds: ['missing', 'noise', 'early', 'level', 'late'],
        defectSizes: mixed67('OFOOOO'),
        latencyMs: [0, 66.20068359375, 0, 0, 0],
        recording: BRASS_67,
        ...bleed67(4),
      },
      {
        seed: 7812,
        program: 81,
        guideProgram: 25,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.353, reverbLevel: 0.251 },
        sampleRate: 36480,
        tonic: 76,
        bpm: 91.061,
        takes: 4,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'noise', 'late', 'clip'],
        defectSizes: mixed67('FOOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 53.89990234375, 0],
        recording: WIND_67,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_67, ...PERFORMED_67, bursts: BURSTS_67 })),
  ...(
    [
      {
        seed: 7813,
        voice: RIGAUDON_BARITONE,
        tonic: 41,
        bpm: 77.289,
        takes: 5,
        sections: 6,
        scale: 'major',
        rhythm: 'swing',
        kinds: ['early', 'missing', 'noise', 'detune', 'level'],
        defectSizes: mixed67('OOOFOO'),
        latencyMs: [0, 0, 0, 74.10009765625, 0],
        sampleRate: 36480,
        recording: SUNG_67,
        ...bleed67(2),
      },
      {
        seed: 7814,
        voice: CHACONNE_MEZZO,
        tonic: 77,
        bpm: 100.423,
        takes: 4,
        sections: 3,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'clip', 'detune'],
        defectSizes: mixed67('OOOOOF'),
        consonantShare: 0.56,
        latencyMs: 49.70068359375,
        sampleRate: 32640,
        recording: SUNG_67,
      },
      {
        seed: 7815,
        voice: PASSACAGLIA_TENOR,
        tonic: 54,
        bpm: 70.847,
        takes: 5,
        sections: 6,
        scale: 'lydian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed67('OFOOOO'),
        timingJitterMs: 6.95,
        pitchJitterCents: 3.85,
        latencyMs: [69.30029296875, 0, 0, 0, 0],
        sampleRate: 40320,
        recording: SUNG_67,
      },
      {
        seed: 7816,
        voice: RIGAUDON_BARITONE,
        tonic: 41,
        bpm: 88.959,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'early', 'late'],
        defectSizes: mixed67('OOFOOO'),
        latencyMs: [0, 56.39990234375, 0, 0],
        sampleRate: 32640,
        recording: SUNG_67,
        ...bleed67(0),
      },
      {
        seed: 7817,
        voice: CHACONNE_MEZZO,
        tonic: 76,
        bpm: 66.713,
        takes: 5,
        sections: 2,
        scale: 'dorian',
        rhythm: 'sixteenth',
        kinds: ['level', 'missing', 'noise', 'detune', 'clip'],
        defectSizes: mixed67('OOOOFO'),
        consonantShare: 0.82,
        timingJitterMs: 12.65,
        pitchJitterCents: 10.15,
        latencyMs: [0, 0, 63.70068359375, 0, 0],
        sampleRate: 36480,
        recording: SUNG_67,
      },
      {
        seed: 7818,
        voice: PASSACAGLIA_TENOR,
        tonic: 54,
        bpm: 82.171,
        takes: 4,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune', 'level'],
        defectSizes: mixed67('FOOOOO'),
        placement: 'runs',
        sampleRate: 40320,
        recording: SUNG_67,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_67, ...PERFORMED_67, bursts: BURSTS_67 })),
];
export const HELD_OUT_67_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7819,
    voice: 'py+m3',
    wordsPerMinute: 123,
    espeakPitch: 32,
    takes: 4,
    latencyMs: [0, 51.20068359375, 0, 0],
    kinds: ['early', 'missing', 'noise', 'clip', 'level'],
    defectSizes: mixed67('OOOOOF'),
    renderDetune: true,
    recording: SPOKEN_67,
    guideRecording: GUIDE_SPOKEN_67,
    loudBreath: LOUD_BREATH_67,
    bursts: BURSTS_67,
    sentences: ['pyash tyin hyik.', 'djan kya syal ti.', 'hwak pwin lat mo?', 'tsyin dwe kasy.', 'nyal fyet!'],
  },
  {
    seed: 7820,
    voice: 'fr-fr+f3',
    wordsPerMinute: 129,
    espeakPitch: 93,
    takes: 5,
    latencyMs: [0, 0, 0, 0, 72.60009765625],
    kinds: ['late', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed67('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_67,
    guideRecording: GUIDE_SPOKEN_67,
    loudBreath: LOUD_BREATH_67,
    bursts: BURSTS_67,
    sentences: [
      'Bonjour, comment allez-vous ?',
      'Il pleut depuis ce matin.',
      'Passez-moi le sel.',
      'Où est la gare ?',
      'À demain !',
    ],
  },
];

/** Voices of held-out-68 (in no set before it): a forlana mezzo, a tambourin tenor, a loure baritone. */
const FORLANA_MEZZO: VoiceStyle = {
  name: 'forlana mezzo',
  formantScale: 1.055,
  vibratoHz: 5.45,
  vibratoCents: 17,
  vibratoDelaySeconds: 0.215,
  driftCents: 4.55,
  breath: 0.075,
  openPhase: 0.605,
  closePhase: 0.155,
};
const TAMBOURIN_TENOR: VoiceStyle = {
  name: 'tambourin tenor',
  formantScale: 0.975,
  vibratoHz: 5.05,
  vibratoCents: 13,
  vibratoDelaySeconds: 0.255,
  driftCents: 4.45,
  breath: 0.06,
  openPhase: 0.575,
  closePhase: 0.175,
};
const LOURE_BARITONE: VoiceStyle = {
  name: 'loure baritone',
  formantScale: 0.935,
  vibratoHz: 4.85,
  vibratoCents: 11,
  vibratoDelaySeconds: 0.305,
  driftCents: 4.05,
  breath: 0.045,
  openPhase: 0.545,
  closePhase: 0.205,
};
/**
 * held-out-68's two spreads of defect size, every edge other than held-out-42's to 67's: FAINT_SPREAD_68 (late
 * 24.37–28.63 ms, early 20.85–26.17 ms, detunes 12.13–17.35 cents, level drops 2.51–3.57 dB, bursts −59.85…−47.15 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.25–3.47 dB) and ORDINARY_SPREAD_68 (inside
 * defectAmount's own ranges: late 51.85–87.15 ms, early 46.35–82.65 ms, detunes 28.65–42.35 cents, level drops
 * 9.37–11.13 dB, bursts −20.63…−17.85 dBFS, clipping 7.37–9.15 dB).
 */
export const FAINT_SPREAD_68 = {
  late: [24.37, 28.63],
  early: [20.85, 26.17],
  detune: [12.13, 17.35],
  level: [2.51, 3.57],
  noise: [-59.85, -47.15],
  clip: [2.25, 3.47],
} as const;
export const ORDINARY_SPREAD_68 = {
  late: [51.85, 87.15],
  early: [46.35, 82.65],
  detune: [28.65, 42.35],
  level: [9.37, 11.13],
  noise: [-20.63, -17.85],
  clip: [7.37, 9.15],
} as const;
const mixed68 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_68, ORDINARY_SPREAD_68);
/**
 * held-out-68's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 14–20 dB
 * under the phrase, mouth in 40–65 %, bowed 16–22 dB, mouth 15–40 %, sung 12–18 dB, mouth 60–85 %, speech 14–21 dB,
 * mouth 25–50 %; exhales after 10–25 % of the phrases, 22–31 dB under), **the performer's aspirated attacks**
 * (Aspirate: on 40–75 % (per take) of the notes of 0.15 s or more, an audible `h` of breath at the note's start —
 * 30–75 ms of noise between 1.1 and 5.5 kHz, 15–23 dB under the note's first 0.2 s, from 8 ms before the onset,
 * dying away —; added, no note moved, the part itself untouched), **a single loud breath before a phrase on clean
 * takes** (held-out-58's LoudBreath at new sizes: a gasp 3–6 dB under the next phrase, in 40 % of the phrases whose
 * breath falls in a section where the take is the clean one), **a click track's bleed** from the headphones on one
 * take of four songs (held-out-58's ClickBleed: −56…−44.5 dBFS at its loudest 50 ms), articulation `hold` (winds
 * 0.83–0.93, bowed 0.88–0.96, brass 0.81–0.91, sung 0.85–0.94), weak beats `accentDb` under (0.45–1.25 dB; sung
 * 0.3–1.1), rooms RT60 0.45–1.35 s wet 0.06–0.18 (speech 0.25–0.65 s, 0.045–0.11), every take's chain: hiss
 * −90…−62 dBFS, hum −86…−56, fan −82…−50, preamp −89…−60. The bursts (Bursts): four shapes no set used (an aerosol
 * spray in the room, a cat purring in the room, a phone's notification chime in the room, a finger brushing the mic's
 * grille), 35 % of them in the middle of their rest (the rest at the phrase's edge). The guide's person: in tune,
 * detached (0.83–0.9), breathing, no aspirated attack, no room, no floor, no burst, no loud breath, no click.
 */
const CHAIN_68: Chain = { hissDb: [-90, -62], humDb: [-86, -56], fanDb: [-82, -50], preampDb: [-89, -60] };
const BREATH_WIND_68: Breathing = {
  mouthShare: [0.4, 0.65],
  inhaleSeconds: [0.17, 0.35],
  gapSeconds: [0.065, 0.125],
  inhaleDb: [14, 20],
  exhaleShare: 0.15,
  exhaleDb: [22, 31],
};
const BREATH_BOWED_68: Breathing = {
  ...BREATH_WIND_68,
  mouthShare: [0.15, 0.4],
  inhaleDb: [16, 22],
  exhaleShare: 0.1,
};
const BREATH_SUNG_68: Breathing = {
  ...BREATH_WIND_68,
  mouthShare: [0.6, 0.85],
  inhaleSeconds: [0.2, 0.4],
  inhaleDb: [12, 18],
  exhaleShare: 0.25,
  exhaleDb: [22, 30],
};
const BREATH_SPOKEN_68: Breathing = {
  mouthShare: [0.25, 0.5],
  inhaleSeconds: [0.14, 0.28],
  gapSeconds: [0.065, 0.125],
  inhaleDb: [14, 21],
  exhaleShare: 0.1,
  exhaleDb: [22, 30],
};
const ASPIRATE_68: Aspirate = {
  share: [0.4, 0.75],
  minSeconds: 0.15,
  seconds: [0.03, 0.075],
  db: [15, 23],
};
const LOUD_BREATH_68: LoudBreath = { share: 0.4, db: [3, 6], seconds: [0.2, 0.36], gapSeconds: [0.065, 0.125] };
const BURSTS_68: Bursts = { kinds: ['spray', 'purr', 'chime', 'grille'], middleShare: 0.35 };
const WIND_68: Recording = {
  hold: [0.83, 0.93],
  accentDb: [0.45, 1.25],
  breathing: BREATH_WIND_68,
  rt60: [0.45, 1.35],
  wet: [0.06, 0.18],
  chain: CHAIN_68,
};
const BOWED_68: Recording = { ...WIND_68, hold: [0.88, 0.96], breathing: BREATH_BOWED_68 };
const BRASS_68: Recording = { ...WIND_68, hold: [0.81, 0.91] };
const SUNG_68: Recording = { ...WIND_68, hold: [0.85, 0.94], accentDb: [0.3, 1.1], breathing: BREATH_SUNG_68 };
const SPOKEN_68: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_68,
  rt60: [0.25, 0.65],
  wet: [0.045, 0.11],
  chain: CHAIN_68,
};
const GUIDE_PLAYED_68: Recording = {
  hold: [0.83, 0.9],
  accentDb: [0.3, 0.8],
  breathing: { ...BREATH_WIND_68, inhaleDb: [18, 25] },
};
const GUIDE_SUNG_68: Recording = { ...GUIDE_PLAYED_68, breathing: { ...BREATH_SUNG_68, inhaleDb: [16, 23] } };
const GUIDE_SPOKEN_68: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_68, inhaleDb: [19, 26] },
};
const PERFORMED_68 = { aspirate: ASPIRATE_68, loudBreath: LOUD_BREATH_68 };
const bleed68 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-56, -44.5] } });

/**
 * The sixty-eighth held-out set (spec committed before shub's one run on it; 2026-12-07, h-cset99b, the next comp
 * judge after held-out-67; the base's baseline only), made differently from every earlier comp set: **every song take
 * by a performer of a twenty-second model, one whose attacks are aspirated** (Aspirate, `aspiratePart`: on 40–75 %
 * (per take) of the notes of 0.15 s or longer, an audible `h` — 30–75 ms of breath noise between 1.1 and 5.5 kHz,
 * 15–23 dB under the note's first 0.2 s, from 8 ms before the onset, dying away — added to the dry part; no note
 * moved, nothing taken away; on every song take, the clean one too; the guide's person plain; speech none — none of
 * 47's to 67's models), held-out-54's breathing at new sizes (breaths before every phrase, some after, on every take)
 * and each take in its own room and chain (room tails after every phrase and breath, clean takes too); **a single
 * loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes); **a click track's bleed on one
 * take of four songs** (held-out-58's ClickBleed, new levels); **noise bursts of four shapes no set used** (an aerosol
 * spray, a cat purring, a phone's notification chime, a finger brushing the mic's grille), from −59.85 dBFS — under a
 * noisy take's floor — to −17.85, 35 % in the middle of their rest and the rest at the phrase's edge; the guide by a
 * person in tune, breathing; songs of 2 and 3 sections beside 6; spoken takes render their detune; defect sizes a
 * realistic mix with spreads' edges other than 42's to 67's; take and guide programs new to their bank; **rates of
 * multiples of 3520 Hz** (8 × 440: 31 680, 35 200 and 38 720 Hz; no set used; inside 61's 30 870–41 160 Hz); **tempi of
 * ten-thousandths of a beat per minute in lowest terms** (no set used; inside 61's–67's 63.9–114.3); tonics among the
 * least used before inside 61's 38–78 (40, 56, 71, 75; 40 for the low parts); take latencies of odd 4096ths of a
 * millisecond (no set used); three voices in no set (forlana mezzo, tambourin tenor, loure baritone); a tight singer
 * (timing jitter 7.35 ms, pitch jitter 3.45 cents) and a loose one (12.95 ms, 10.45 cents); consonant shares 0.465 and
 * 0.87; speech from espeak-ng English of England (en-gb+m4, pitch 28, 117 wpm; no set read the code en-gb, only its
 * Scottish, RP and regional variants) and Albanian (sq+f2, pitch 92, 121 wpm; read once before, by held-out-20: every
 * other espeak-ng code installed has been read); seeds 7821–7835. 7 played songs (6, 6, 3, 6, 2, 6, 6 sections) +
 * 6 sung (6, 6, 2, 6, 3, 6) = 64 sections with a MIDI guide, + 2 × 5 sentences = 74 sections, each with one clean
 * take; 34 clearly best (every other take missing or at an ordinary size; the defect draws replayed).
 */
export const HELD_OUT_68: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7821,
        program: 89,
        guideProgram: 65,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.329, reverbLevel: 0.257 },
        sampleRate: 35200,
        tonic: 56,
        bpm: 71.4263,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['late', 'missing', 'noise', 'detune', 'level'],
        defectSizes: mixed68('OOFOOO'),
        latencyMs: [0, 0, 44.699951171875, 0, 0],
        recording: BOWED_68,
        ...bleed68(2),
      },
      {
        seed: 7822,
        program: 53,
        guideProgram: 20,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.449, reverbLevel: 0.211 },
        sampleRate: 38720,
        tonic: 75,
        bpm: 84.9317,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['early', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed68('OOOOFO'),
        latencyMs: 61.300048828125,
        recording: WIND_68,
      },
      {
        seed: 7823,
        program: 62,
        guideProgram: 59,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.271, reverbLevel: 0.313 },
        sampleRate: 31680,
        tonic: 40,
        bpm: 66.2849,
        takes: 5,
        sections: 3,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'early', 'late'],
        defectSizes: mixed68('FOOOOO'),
        latencyMs: [0, 0, 0, 52.900146484375, 0],
        recording: BRASS_68,
      },
      {
        seed: 7824,
        program: 43,
        guideProgram: 80,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.413, reverbLevel: 0.227 },
        sampleRate: 35200,
        tonic: 71,
        bpm: 97.0741,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'noise', 'late', 'clip'],
        defectSizes: mixed68('OOOFOO'),
        recording: BOWED_68,
        ...bleed68(0),
      },
      {
        seed: 7825,
        program: 77,
        guideProgram: 43,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.253, reverbLevel: 0.337 },
        sampleRate: 38720,
        tonic: 75,
        bpm: 106.3189,
        takes: 5,
        sections: 2,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'early', 'detune', 'clip'],
        defectSizes: mixed68('OFOOOO'),
        latencyMs: [68.100341796875, 0, 0, 0, 0],
        recording: WIND_68,
      },
      {
        seed: 7826,
        program: 58,
        guideProgram: 57,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.479, reverbLevel: 0.187 },
        sampleRate: 31680,
        tonic: 56,
        bpm: 78.5523,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['missing', 'noise', 'late', 'level', 'early'],
        defectSizes: mixed68('OOOFOO'),
        latencyMs: [0, 57.500244140625, 0, 0],
        recording: BRASS_68,
        ...bleed68(3),
      },
      {
        seed: 7827,
        program: 89,
        guideProgram: 44,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.347, reverbLevel: 0.243 },
        sampleRate: 35200,
        tonic: 71,
        bpm: 89.6377,
        takes: 5,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'clip', 'late'],
        defectSizes: mixed68('FOOOOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 70.900146484375],
        recording: WIND_68,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_68, ...PERFORMED_68, bursts: BURSTS_68 })),
  ...(
    [
      {
        seed: 7828,
        voice: LOURE_BARITONE,
        tonic: 40,
        bpm: 75.8131,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'level', 'detune'],
        defectSizes: mixed68('OOOOFO'),
        latencyMs: [0, 49.300048828125, 0, 0],
        sampleRate: 38720,
        recording: SUNG_68,
        ...bleed68(1),
      },
      {
        seed: 7829,
        voice: FORLANA_MEZZO,
        tonic: 75,
        bpm: 101.2967,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'early', 'clip', 'detune'],
        defectSizes: mixed68('OOFOOO'),
        consonantShare: 0.465,
        latencyMs: 65.699951171875,
        sampleRate: 31680,
        recording: SUNG_68,
      },
      {
        seed: 7830,
        voice: TAMBOURIN_TENOR,
        tonic: 56,
        bpm: 69.4709,
        takes: 4,
        sections: 2,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'level', 'late'],
        defectSizes: mixed68('FOOOOO'),
        timingJitterMs: 7.35,
        pitchJitterCents: 3.45,
        latencyMs: [0, 0, 59.100341796875, 0],
        sampleRate: 35200,
        recording: SUNG_68,
      },
      {
        seed: 7831,
        voice: LOURE_BARITONE,
        tonic: 40,
        bpm: 92.1853,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed68('OFOOOO'),
        latencyMs: [73.300048828125, 0, 0, 0, 0],
        sampleRate: 31680,
        recording: SUNG_68,
      },
      {
        seed: 7832,
        voice: FORLANA_MEZZO,
        tonic: 71,
        bpm: 64.7291,
        takes: 4,
        sections: 3,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['level', 'missing', 'noise', 'detune', 'clip'],
        defectSizes: mixed68('OOOOOF'),
        consonantShare: 0.87,
        timingJitterMs: 12.95,
        pitchJitterCents: 10.45,
        latencyMs: [0, 0, 0, 46.100341796875],
        sampleRate: 38720,
        recording: SUNG_68,
      },
      {
        seed: 7833,
        voice: TAMBOURIN_TENOR,
        tonic: 56,
        bpm: 83.3419,
        takes: 5,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune', 'level'],
        defectSizes: mixed68('OOFOOO'),
        placement: 'runs',
        sampleRate: 35200,
        recording: SUNG_68,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_68, ...PERFORMED_68, bursts: BURSTS_68 })),
];
export const HELD_OUT_68_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7834,
    voice: 'en-gb+m4',
    wordsPerMinute: 117,
    espeakPitch: 28,
    takes: 5,
    latencyMs: [0, 0, 54.500244140625, 0, 0],
    kinds: ['late', 'missing', 'noise', 'clip', 'level'],
    defectSizes: mixed68('OOOFOO'),
    renderDetune: true,
    recording: SPOKEN_68,
    guideRecording: GUIDE_SPOKEN_68,
    loudBreath: LOUD_BREATH_68,
    bursts: BURSTS_68,
    sentences: [
      'The kettle has just boiled.',
      'Mind the gap on the platform.',
      'Is the post office still open?',
      'Fetch your wellies!',
      'Tea at four, then.',
    ],
  },
  {
    seed: 7835,
    voice: 'sq+f2',
    wordsPerMinute: 121,
    espeakPitch: 92,
    takes: 4,
    latencyMs: [0, 0, 0, 63.900146484375],
    kinds: ['early', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed68('OFOOOO'),
    renderDetune: true,
    recording: SPOKEN_68,
    guideRecording: GUIDE_SPOKEN_68,
    loudBreath: LOUD_BREATH_68,
    bursts: BURSTS_68,
    sentences: ['Mirëdita, si jeni?', 'Ku është stacioni?', 'Bie shi sot.', 'Më jep bukën.', 'Shihemi nesër!'],
  },
];

/** Voices of held-out-69 (in no set before it): a bourrée soprano, a gigue alto, an allemande baritone. */
const BOURREE_SOPRANO: VoiceStyle = {
  name: 'bourrée soprano',
  formantScale: 1.115,
  vibratoHz: 5.75,
  vibratoCents: 21,
  vibratoDelaySeconds: 0.185,
  driftCents: 4.85,
  breath: 0.085,
  openPhase: 0.635,
  closePhase: 0.135,
};
const GIGUE_ALTO: VoiceStyle = {
  name: 'gigue alto',
  formantScale: 1.035,
  vibratoHz: 5.35,
  vibratoCents: 15,
  vibratoDelaySeconds: 0.235,
  driftCents: 4.35,
  breath: 0.065,
  openPhase: 0.595,
  closePhase: 0.165,
};
const ALLEMANDE_BARITONE: VoiceStyle = {
  name: 'allemande baritone',
  formantScale: 0.925,
  vibratoHz: 4.75,
  vibratoCents: 12,
  vibratoDelaySeconds: 0.295,
  driftCents: 3.95,
  breath: 0.05,
  openPhase: 0.555,
  closePhase: 0.195,
};
/**
 * held-out-69's two spreads of defect size, every edge other than held-out-42's to 68's: FAINT_SPREAD_69 (late
 * 24.41–28.57 ms, early 20.93–26.09 ms, detunes 12.21–17.27 cents, level drops 2.59–3.67 dB, bursts −59.65…−47.35 dBFS
 * — the quietest under the noisiest chains' floors —, clipping 2.29–3.43 dB) and ORDINARY_SPREAD_69 (inside
 * defectAmount's own ranges: late 51.93–87.07 ms, early 46.43–82.57 ms, detunes 28.73–42.27 cents, level drops
 * 9.41–11.07 dB, bursts −20.57…−17.93 dBFS, clipping 7.41–9.07 dB).
 */
export const FAINT_SPREAD_69 = {
  late: [24.41, 28.57],
  early: [20.93, 26.09],
  detune: [12.21, 17.27],
  level: [2.59, 3.67],
  noise: [-59.65, -47.35],
  clip: [2.29, 3.43],
} as const;
export const ORDINARY_SPREAD_69 = {
  late: [51.93, 87.07],
  early: [46.43, 82.57],
  detune: [28.73, 42.27],
  level: [9.41, 11.07],
  noise: [-20.57, -17.93],
  clip: [7.41, 9.07],
} as const;
const mixed69 = (mask: string) => mixedSizes(mask, FAINT_SPREAD_69, ORDINARY_SPREAD_69);
/**
 * held-out-69's recordings, sizes **chosen**: held-out-54's breathing (Breathing) at new sizes (inhales winds 13–19 dB
 * under the phrase, mouth in 45–70 %, bowed 15–21 dB, mouth 20–45 %, sung 11–17 dB, mouth 55–80 %, speech 13–20 dB,
 * mouth 30–55 %; exhales after 10–20 % of the phrases, 21–30 dB under), **the performer's nasal notes** (Nasal: on
 * 35–70 % (per take) of the notes of 0.2 s or more, a nasal murmur's resonance at 230–330 Hz added and an
 * anti-resonance at 850–1350 Hz taken away, each at 0.45–0.8 of the part, the note kept at its own RMS; no note moved,
 * no pitch changed), **a single loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes:
 * a gasp 3.5–6.5 dB under the next phrase, in 35 % of the phrases whose breath falls in a section where the take is
 * the clean one), **a click track's bleed** from the headphones on one take of four songs (held-out-58's ClickBleed:
 * −55.5…−44 dBFS at its loudest 50 ms), articulation `hold` (winds 0.84–0.94, bowed 0.87–0.95, brass 0.82–0.92, sung
 * 0.86–0.95), weak beats `accentDb` under (0.4–1.2 dB; sung 0.35–1.05), rooms RT60 0.4–1.3 s wet 0.07–0.19 (speech
 * 0.2–0.6 s, 0.05–0.12), every take's chain: hiss −91…−63 dBFS, hum −87…−57, fan −83…−51, preamp −90…−61. The bursts
 * (Bursts): four shapes no set used (a keyboard typed in the control room, a power drill in the building, a can
 * opened in the room, the mic's shock mount knocked), 25 % of them in the middle of their rest (the rest at the
 * phrase's edge). The guide's person: in tune, detached (0.84–0.91), breathing, no nasal note, no room, no floor, no
 * burst, no loud breath, no click.
 */
const CHAIN_69: Chain = { hissDb: [-91, -63], humDb: [-87, -57], fanDb: [-83, -51], preampDb: [-90, -61] };
const BREATH_WIND_69: Breathing = {
  mouthShare: [0.45, 0.7],
  inhaleSeconds: [0.16, 0.34],
  gapSeconds: [0.06, 0.12],
  inhaleDb: [13, 19],
  exhaleShare: 0.15,
  exhaleDb: [21, 30],
};
const BREATH_BOWED_69: Breathing = {
  ...BREATH_WIND_69,
  mouthShare: [0.2, 0.45],
  inhaleDb: [15, 21],
  exhaleShare: 0.1,
};
const BREATH_SUNG_69: Breathing = {
  ...BREATH_WIND_69,
  mouthShare: [0.55, 0.8],
  inhaleSeconds: [0.19, 0.39],
  inhaleDb: [11, 17],
  exhaleShare: 0.2,
  exhaleDb: [21, 29],
};
const BREATH_SPOKEN_69: Breathing = {
  mouthShare: [0.3, 0.55],
  inhaleSeconds: [0.13, 0.27],
  gapSeconds: [0.06, 0.12],
  inhaleDb: [13, 20],
  exhaleShare: 0.1,
  exhaleDb: [21, 29],
};
const NASAL_69: Nasal = {
  share: [0.35, 0.7],
  minSeconds: 0.2,
  murmurHz: [230, 330],
  zeroHz: [850, 1350],
  depth: [0.45, 0.8],
};
const LOUD_BREATH_69: LoudBreath = { share: 0.35, db: [3.5, 6.5], seconds: [0.22, 0.38], gapSeconds: [0.06, 0.12] };
const BURSTS_69: Bursts = { kinds: ['typing', 'drill', 'fizz', 'mount'], middleShare: 0.25 };
const WIND_69: Recording = {
  hold: [0.84, 0.94],
  accentDb: [0.4, 1.2],
  breathing: BREATH_WIND_69,
  rt60: [0.4, 1.3],
  wet: [0.07, 0.19],
  chain: CHAIN_69,
};
const BOWED_69: Recording = { ...WIND_69, hold: [0.87, 0.95], breathing: BREATH_BOWED_69 };
const BRASS_69: Recording = { ...WIND_69, hold: [0.82, 0.92] };
const SUNG_69: Recording = { ...WIND_69, hold: [0.86, 0.95], accentDb: [0.35, 1.05], breathing: BREATH_SUNG_69 };
const SPOKEN_69: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: BREATH_SPOKEN_69,
  rt60: [0.2, 0.6],
  wet: [0.05, 0.12],
  chain: CHAIN_69,
};
const GUIDE_PLAYED_69: Recording = {
  hold: [0.84, 0.91],
  accentDb: [0.35, 0.85],
  breathing: { ...BREATH_WIND_69, inhaleDb: [17, 24] },
};
const GUIDE_SUNG_69: Recording = { ...GUIDE_PLAYED_69, breathing: { ...BREATH_SUNG_69, inhaleDb: [15, 22] } };
const GUIDE_SPOKEN_69: Recording = {
  hold: [1, 1],
  accentDb: [0, 0],
  breathing: { ...BREATH_SPOKEN_69, inhaleDb: [18, 25] },
};
const PERFORMED_69 = { nasal: NASAL_69, loudBreath: LOUD_BREATH_69 };
const bleed69 = (take: number): { clickBleed: ClickBleed } => ({ clickBleed: { takes: [take], db: [-55.5, -44] } });

/**
 * The sixty-ninth held-out set (spec committed before shub's one run on it; 2026-12-08, h-cset100, the next comp
 * judge after held-out-68; the base's baseline only), made differently from every earlier comp set: **every song take
 * by a performer of a twenty-third model, one who sings some notes through the nose** (Nasal, `nasalPart`: on 35–70 %
 * (per take) of the notes of 0.2 s or longer, a nasal murmur's resonance at 230–330 Hz added and an anti-resonance at
 * 850–1350 Hz taken away, each at 0.45–0.8 of the part, the note kept at its own RMS, blended in and out over 20 ms;
 * no note moved, no pitch changed; on every song take, the clean one too; the guide's person open; speech none — none
 * of 47's to 68's models), held-out-54's breathing at new sizes (breaths before every phrase, some after, on every
 * take) and each take in its own room and chain (room tails after every phrase and breath, clean takes too); **a
 * single loud breath before a phrase on clean takes** (held-out-58's LoudBreath at new sizes); **a click track's
 * bleed on one take of four songs** (held-out-58's ClickBleed, new levels); **noise bursts of four shapes no set
 * used** (a keyboard typed in the control room, a power drill in the building, a can opened, the mic's shock mount
 * knocked), from −59.65 dBFS — under a noisy take's floor — to −17.93, 25 % in the middle of their rest and the rest
 * at the phrase's edge; the guide by a person in tune, breathing; songs of 2 and 3 sections beside 6; spoken takes
 * render their detune; defect sizes a realistic mix with spreads' edges other than 42's to 68's; take and guide
 * programs new to their bank; **rates of multiples of 3584 Hz** (7 × 512: 32 256, 35 840 and 39 424 Hz; no set used
 * one; inside 61's 30 870–41 160 Hz); **tempi of sevenths of a beat per minute** (no set used one; inside 61's–68's
 * 63.9–114.3); tonics among the least used before inside 61's 38–78 (42, 51, 61, 70; 42 for the low parts); take
 * latencies of odd 8192ths of a millisecond (no set used); three voices in no set (bourrée soprano, gigue alto,
 * allemande baritone); a tight singer (timing jitter 7.55 ms, pitch jitter 3.65 cents) and a loose one (13.35 ms,
 * 9.65 cents); consonant shares 0.535 and 0.915; speech from espeak-ng Italian (it+f5, pitch 23, 111 wpm) and Polish
 * (pl+m6, pitch 96, 124 wpm), both read once before (held-out-7's it+Marco, held-out-8's pl+Linda: no espeak-ng code
 * installed is unread but chr-US-Qaaa-x-west, Cherokee's one voice, read before as chr); seeds 7836–7850. 7 played
 * songs (6, 6, 2, 6, 3, 6, 6 sections) + 6 sung (6, 3, 6, 6, 2, 6) = 64 sections with a MIDI guide, + 2 × 5
 * sentences = 74 sections, each with one clean take.
 */
export const HELD_OUT_69: (Song15 & FloorSpec & RecordingSpec)[] = [
  ...(
    [
      {
        seed: 7836,
        program: 20,
        guideProgram: 90,
        fluidsynth: { sf2: SF2.opl3, roomSize: 0.337, reverbLevel: 0.263 },
        sampleRate: 35840,
        tonic: 61,
        bpm: 500 / 7,
        takes: 5,
        sections: 6,
        scale: 'dorian',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'level', 'late'],
        defectSizes: mixed69('OOOFOO'),
        latencyMs: [0, 0, 0, 45.3001708984375, 0],
        recording: WIND_69,
        ...bleed69(1),
      },
      {
        seed: 7837,
        program: 92,
        guideProgram: 26,
        fluidsynth: { sf2: SF2.fluidR3, roomSize: 0.457, reverbLevel: 0.219 },
        sampleRate: 39424,
        tonic: 70,
        bpm: 590 / 7,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'detune', 'clip'],
        defectSizes: mixed69('FOOOOO'),
        latencyMs: 61.7000732421875,
        recording: BOWED_69,
      },
      {
        seed: 7838,
        program: 21,
        guideProgram: 76,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.283, reverbLevel: 0.307 },
        sampleRate: 32256,
        tonic: 42,
        bpm: 465 / 7,
        takes: 5,
        sections: 2,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['detune', 'missing', 'noise', 'late', 'early'],
        defectSizes: mixed69('OFOOOO'),
        latencyMs: [0, 52.5001220703125, 0, 0, 0],
        recording: WIND_69,
      },
      {
        seed: 7839,
        program: 63,
        guideProgram: 21,
        fluidsynth: { sf2: soundfontPath('MuseScoreGeneral'), roomSize: 0.421, reverbLevel: 0.233 },
        sampleRate: 35840,
        tonic: 51,
        bpm: 680 / 7,
        takes: 4,
        sections: 6,
        scale: 'harmonic',
        rhythm: 'swing',
        kinds: ['level', 'missing', 'noise', 'clip', 'early'],
        defectSizes: mixed69('OOOOFO'),
        recording: BRASS_69,
        ...bleed69(3),
      },
      {
        seed: 7840,
        program: 49,
        guideProgram: 16,
        fluidsynth: { sf2: SF2.csound, roomSize: 0.259, reverbLevel: 0.331 },
        sampleRate: 39424,
        tonic: 70,
        bpm: 745 / 7,
        takes: 5,
        sections: 3,
        scale: 'lydian',
        rhythm: 'sixteenth',
        kinds: ['noise', 'missing', 'late', 'detune', 'level'],
        defectSizes: mixed69('OOFOOO'),
        latencyMs: [68.3001708984375, 0, 0, 0, 0],
        recording: BOWED_69,
      },
      {
        seed: 7841,
        program: 43,
        guideProgram: 19,
        fluidsynth: { sf2: soundfontPath('FluidR3Mono'), roomSize: 0.467, reverbLevel: 0.173 },
        sampleRate: 32256,
        tonic: 42,
        bpm: 550 / 7,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['missing', 'noise', 'early', 'clip', 'late'],
        defectSizes: mixed69('OOOOOF'),
        latencyMs: [0, 0, 57.9000244140625, 0],
        recording: BOWED_69,
        ...bleed69(0),
      },
      {
        seed: 7842,
        program: 50,
        guideProgram: 23,
        fluidsynth: { sf2: soundfontPath('TimGM6mb'), roomSize: 0.353, reverbLevel: 0.249 },
        sampleRate: 35840,
        tonic: 61,
        bpm: 628 / 7,
        takes: 5,
        sections: 6,
        scale: 'pentatonic',
        rhythm: 'dotted',
        kinds: ['detune', 'missing', 'noise', 'level', 'late'],
        defectSizes: mixed69('OOOFOO'),
        placement: 'runs',
        latencyMs: [0, 0, 0, 0, 70.5001220703125],
        recording: BOWED_69,
      },
    ] as (SynthTakeOptions & { latencyMs?: number | number[] } & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_PLAYED_69, ...PERFORMED_69, bursts: BURSTS_69 })),
  ...(
    [
      {
        seed: 7843,
        voice: ALLEMANDE_BARITONE,
        tonic: 42,
        bpm: 531 / 7,
        takes: 4,
        sections: 6,
        scale: 'minor',
        rhythm: 'straight',
        kinds: ['late', 'missing', 'noise', 'detune', 'early'],
        defectSizes: mixed69('OOFOOO'),
        latencyMs: [0, 49.0999755859375, 0, 0],
        sampleRate: 39424,
        recording: SUNG_69,
        ...bleed69(2),
      },
      {
        seed: 7844,
        voice: BOURREE_SOPRANO,
        tonic: 70,
        bpm: 709 / 7,
        takes: 5,
        sections: 3,
        scale: 'dorian',
        rhythm: 'swing',
        kinds: ['noise', 'missing', 'early', 'clip', 'level'],
        defectSizes: mixed69('OFOOOO'),
        consonantShare: 0.535,
        latencyMs: 65.9000244140625,
        sampleRate: 32256,
        recording: SUNG_69,
      },
      {
        seed: 7845,
        voice: GIGUE_ALTO,
        tonic: 61,
        bpm: 487 / 7,
        takes: 4,
        sections: 6,
        scale: 'major',
        rhythm: 'dotted',
        kinds: ['early', 'missing', 'noise', 'late', 'detune'],
        defectSizes: mixed69('FOOOOO'),
        timingJitterMs: 7.55,
        pitchJitterCents: 3.65,
        latencyMs: [0, 0, 59.3001708984375, 0],
        sampleRate: 35840,
        recording: SUNG_69,
      },
      {
        seed: 7846,
        voice: ALLEMANDE_BARITONE,
        tonic: 42,
        bpm: 645 / 7,
        takes: 5,
        sections: 6,
        scale: 'mixolydian',
        rhythm: 'triplet',
        kinds: ['level', 'missing', 'noise', 'late', 'clip'],
        defectSizes: mixed69('OOOOFO'),
        latencyMs: [73.0999755859375, 0, 0, 0, 0],
        sampleRate: 32256,
        recording: SUNG_69,
      },
      {
        seed: 7847,
        voice: BOURREE_SOPRANO,
        tonic: 70,
        bpm: 452 / 7,
        takes: 4,
        sections: 2,
        scale: 'harmonic',
        rhythm: 'sixteenth',
        kinds: ['detune', 'missing', 'noise', 'level', 'early'],
        defectSizes: mixed69('OOOFOO'),
        consonantShare: 0.915,
        timingJitterMs: 13.35,
        pitchJitterCents: 9.65,
        latencyMs: [0, 0, 0, 46.3001708984375],
        sampleRate: 39424,
        recording: SUNG_69,
      },
      {
        seed: 7848,
        voice: GIGUE_ALTO,
        tonic: 51,
        bpm: 583 / 7,
        takes: 5,
        sections: 6,
        scale: 'lydian',
        rhythm: 'straight',
        kinds: ['noise', 'missing', 'late', 'detune', 'clip'],
        defectSizes: mixed69('FOOOOO'),
        placement: 'runs',
        sampleRate: 35840,
        recording: SUNG_69,
      },
    ] as (RoomSong & FloorSpec & RecordingSpec)[]
  ).map((o) => ({ ...o, guideRecording: GUIDE_SUNG_69, ...PERFORMED_69, bursts: BURSTS_69 })),
];
export const HELD_OUT_69_SPEECH: (LatencySpeech & FloorSpec & RecordingSpec)[] = [
  {
    seed: 7849,
    voice: 'it+f5',
    wordsPerMinute: 111,
    espeakPitch: 23,
    takes: 5,
    latencyMs: [0, 0, 54.0999755859375, 0, 0],
    kinds: ['early', 'missing', 'noise', 'clip', 'level'],
    defectSizes: mixed69('OFOOOO'),
    renderDetune: true,
    recording: SPOKEN_69,
    guideRecording: GUIDE_SPOKEN_69,
    loudBreath: LOUD_BREATH_69,
    bursts: BURSTS_69,
    sentences: [
      'Buongiorno, come sta?',
      'Il treno parte alle otto.',
      'Dove si trova il museo?',
      'Chiudi la finestra!',
      'Ci vediamo stasera.',
    ],
  },
  {
    seed: 7850,
    voice: 'pl+m6',
    wordsPerMinute: 124,
    espeakPitch: 96,
    takes: 4,
    latencyMs: [0, 0, 0, 63.7000732421875],
    kinds: ['late', 'missing', 'noise', 'detune', 'level'],
    defectSizes: mixed69('OOFOOO'),
    renderDetune: true,
    recording: SPOKEN_69,
    guideRecording: GUIDE_SPOKEN_69,
    loudBreath: LOUD_BREATH_69,
    bursts: BURSTS_69,
    sentences: [
      'Dzień dobry, jak się masz?',
      'Gdzie jest poczta?',
      'Dziś jest zimno.',
      'Zamknij drzwi!',
      'Do zobaczenia.',
    ],
  },
];

/**
 * Each take its own steady noise floor (held-out-33): seeded white noise at `floorDb[k]` dBFS RMS added to take k
 * over its whole length (after the room and the latency: a preamp's or a room's hiss, not reverberated).
 */
export function floorTakes(set: TakeSet, floorDb: readonly number[] | undefined, seed: number): TakeSet {
  if (!floorDb) return set;
  const takes = set.takes.map((t, k) => {
    const gauss = gaussOf(mulberry32(seed * 7727 + k * 53 + 11));
    const a = 10 ** (floorDb[k]! / 20);
    return Float64Array.from(t, (v) => v + a * gauss());
  });
  return { ...set, takes };
}

/**
 * What real clean takes have besides their defects (held-out-47; no set before it), on every take alike — each take
 * its own draws, the clean one too, so a measure that reads them as a defect misreads the clean take as often as any:
 * a vibrato of the take's own (cents drawn per take in `vibratoCents`, rate in `vibratoHz`, on notes of 0.3 s or
 * longer from 0.18 s into the note), scoops into notes (a share `scoopShare` of the notes start `scoopCents` below
 * and reach the note within `scoopMs`, falling as (1 − u)²), breaths before phrases (a share `breathShare`: 0.2–0.35 s
 * of noise through a one-pole high-pass at 700 Hz and low-pass at 3 kHz, rising and falling, ending 40–100 ms before
 * the phrase, `breathDb` under the phrase's RMS), and phrasing (a swell or fade of up to `swellDb` across the phrase,
 * 0 dB on average, and in a share `releaseShare` of the phrases the last note let go up to `releaseMs` early). The
 * pitch moves by a varying delay (the pitch's integral; cubic interpolation), the delay given back in the rests
 * between notes at 0.5 % (9 cents on the release tails); no phrasing in a take's clipped or noise-burst sections (the
 * defect's own size kept). The notes are the melody's, moved by the take's late or early entry; speech (no melody)
 * has breaths and phrasing only, its phrase the sentence (`leadSeconds` after its section's start). Applied to the
 * dry takes, before the rooms, the latency and the floors; the guide is left as it was.
 */
export interface OrdinaryTraits {
  vibratoCents?: readonly [number, number];
  vibratoHz?: readonly [number, number];
  scoopShare?: number;
  scoopCents?: readonly [number, number];
  scoopMs?: readonly [number, number];
  breathShare: number;
  breathDb: readonly [number, number];
  swellDb: number;
  releaseShare?: number;
  releaseMs?: number;
}
/** A held-out-47 spec: the ordinary traits of real takes on every take. */
type OrdinarySpec = { ordinary?: OrdinaryTraits };

/** The takes of a set with OrdinaryTraits (speech: `lead`/`tail` s, the sentence's place in its section). */
export function ordinaryTakes(
  set: TakeSet,
  o: OrdinaryTraits | undefined,
  seed: number,
  speech?: { lead: number; tail: number },
): TakeSet {
  if (!o) return set;
  const fs = set.sampleRate;
  const beat = set.bpm > 0 ? 60 / set.bpm : 0;
  const between = (r: () => number, [a, b]: readonly [number, number]) => a + (b - a) * r();
  const takes = set.takes.map((x, k) => {
    const r = mulberry32(seed * 9157 + k * 131 + 7);
    const gauss = gaussOf(mulberry32(seed * 3571 + k * 61 + 3));
    const n = x.length;
    const defectOf = (s: number) => set.defects.find((d) => d.take === k && d.section === s);
    const shiftOf = (s: number) => {
      const d = defectOf(s);
      return d?.kind === 'late' || d?.kind === 'early' ? d.amount / 1000 : 0;
    };
    // the take's notes (s) and phrases per section, moved by its late or early entry
    const notes: { from: number; to: number }[] = [];
    const phrases: { s: number; from: number; to: number }[] = [];
    if (speech)
      set.sections.forEach((sec, s) => {
        if (defectOf(s)?.kind === 'missing') return;
        const sh = shiftOf(s);
        phrases.push({ s, from: sec.startSeconds + speech.lead + sh, to: sec.endSeconds - speech.tail + sh });
      });
    else
      set.sections.forEach((sec, s) => {
        if (defectOf(s)?.kind === 'missing') return;
        const sh = shiftOf(s);
        const mine = set.melody
          .filter((m) => Math.floor(m.beat / set.beatsPerSection) === s)
          .map((m) => ({ from: m.beat * beat + sh, to: (m.beat + m.lengthBeats) * beat + sh }));
        if (mine.length === 0) return;
        notes.push(...mine);
        phrases.push({ s, from: mine[0]!.from, to: mine[mine.length - 1]!.to });
      });
    // the pitch, cents per sample: the take's vibrato and its scoops
    const cents = new Float64Array(n);
    const sounding = new Uint8Array(n);
    const vib = o.vibratoCents ? between(r, o.vibratoCents) : 0;
    const rate = o.vibratoHz ? between(r, o.vibratoHz) : 5.5;
    for (const note of notes) {
      const a = Math.max(0, Math.round(note.from * fs));
      const b = Math.min(n, Math.round(note.to * fs));
      for (let i = a; i < Math.min(n, b + Math.round(0.05 * fs)); i++) sounding[i] = 1;
      if (vib > 0 && note.to - note.from >= 0.3)
        for (let i = a + Math.round(0.18 * fs); i < b; i++) {
          const t = i / fs - note.from;
          cents[i]! += vib * Math.min(1, (t - 0.18) / 0.25) * Math.sin(2 * Math.PI * rate * (t - 0.18));
        }
      if (o.scoopShare && r() < o.scoopShare) {
        const depth = between(r, o.scoopCents!);
        const len = Math.round((between(r, o.scoopMs!) / 1000) * fs);
        for (let i = a; i < Math.min(b, a + len); i++) cents[i]! -= depth * (1 - (i - a) / len) ** 2;
      }
    }
    let y: Float64Array = x;
    if (notes.length > 0) {
      // the delay (samples) is the pitch's integral; given back in the rests
      y = new Float64Array(n);
      let delay = 0;
      for (let i = 0; i < n; i++) {
        if (sounding[i]) delay += 1 - 2 ** (cents[i]! / 1200);
        else delay = delay > 0 ? Math.max(0, delay - 0.005) : Math.min(0, delay + 0.005);
        const at = i - delay;
        const j = Math.floor(at);
        const f = at - j;
        const p = (q: number) => x[Math.max(0, Math.min(n - 1, q))]!;
        const [p0, p1, p2, p3] = [p(j - 1), p(j), p(j + 1), p(j + 2)];
        y[i] = p1 + 0.5 * f * (p2 - p0 + f * (2 * p0 - 5 * p1 + 4 * p2 - p3 + f * (3 * (p1 - p2) + p3 - p0)));
      }
    } else y = Float64Array.from(x);
    // phrasing: a swell or fade across the phrase (0 dB on average), the last note let go early
    for (const ph of phrases) {
      const kind = defectOf(ph.s)?.kind;
      if (kind === 'clip' || kind === 'noise') continue;
      const swell = (r() * 2 - 1) * o.swellDb;
      const release = o.releaseShare && r() < o.releaseShare ? (r() * (o.releaseMs ?? 0)) / 1000 : 0;
      const a = Math.max(0, Math.round((ph.from - 0.05) * fs));
      const b = Math.round((ph.to + 0.12) * fs);
      // the gate opens again 0.25 s after the phrase (the release tail mostly gone, before any burst or breath)
      const open = Math.round((ph.to + 0.25) * fs);
      const from = ph.from * fs;
      const to = ph.to * fs;
      const cut = (ph.to - release) * fs;
      const fade = 0.03 * fs;
      for (let i = a; i < Math.min(n, Math.max(b, release > 0 ? open : 0)); i++) {
        // the swell's dB: 0 at a, −swell/2 at the phrase's start to +swell/2 at its end, 0 again at b
        const db =
          i < from
            ? ((-swell / 2) * (i - a)) / Math.max(1, from - a)
            : i < to
              ? swell * ((i - from) / Math.max(1, to - from) - 0.5)
              : i < b
                ? ((swell / 2) * (b - i)) / Math.max(1, b - to)
                : 0;
        // the early release: down over 30 ms to nothing, open again over 30 ms before `open`
        const gate =
          release > 0 ? Math.min(1, Math.max(0, (cut - i) / fade) + Math.max(0, (i - (open - fade)) / fade)) : 1;
        y[i]! *= 10 ** (db / 20) * gate;
      }
    }
    // breaths before phrases: band-passed noise, under the phrase's RMS
    const hp = Math.exp((-2 * Math.PI * 700) / fs);
    const lp = Math.exp((-2 * Math.PI * 3000) / fs);
    for (const ph of phrases) {
      if (r() >= o.breathShare) continue;
      const sec = set.sections[ph.s]!;
      const end = ph.from - (0.04 + 0.06 * r());
      const start = Math.max(end - (0.2 + 0.15 * r()), sec.startSeconds - 0.1, 0);
      const dbUnder = between(r, o.breathDb);
      if (end - start < 0.12) continue;
      let energy = 0;
      const pa = Math.max(0, Math.round(ph.from * fs));
      const pb = Math.min(n, Math.round(ph.to * fs));
      for (let i = pa; i < pb; i++) energy += y[i]! ** 2;
      const rms = Math.sqrt(energy / Math.max(1, pb - pa));
      const a = Math.round(start * fs);
      const len = Math.round((end - start) * fs);
      const breath = new Float64Array(len);
      let low = 0;
      let high = 0;
      let prev = 0;
      let e = 0;
      for (let i = 0; i < len; i++) {
        const w = gauss();
        high = hp * (high + w - prev);
        prev = w;
        low = (1 - lp) * high + lp * low;
        // rising over 60 % of the breath, falling over the rest
        const u = i / len;
        breath[i] = low * Math.sin((Math.PI / 2) * (u < 0.6 ? u / 0.6 : (1 - u) / 0.4)) ** 2;
        e += breath[i]! ** 2;
      }
      const g = (rms * 10 ** (-dbUnder / 20)) / Math.sqrt(e / len || 1);
      for (let i = 0; i < len && a + i < n; i++) y[a + i]! += g * breath[i]!;
    }
    return y;
  });
  return { ...set, takes };
}

/**
 * held-out-48's model of a performer (no set before it; made differently from held-out-47's OrdinaryTraits): every
 * take — and, new, the guide vocal of the guide mode — played or sung by a person. Each note is read from the rendered
 * take at its own varying rate (`2^(cents/1200)` source samples per output sample, Catmull–Rom interpolation) from its
 * onset, and the next note is spliced in at its own onset (a 12 ms raised-cosine crossfade; a phrase's first note
 * 120 ms before it, in the rest): the pitch moves and every note still starts where it was played, whatever its
 * intonation (held-out-47 moved the pitch by one running delay, given back in the rests). The pitch of a note: its
 * intonation error (normal, σ `noteCents`, at most 2.5 σ) plus the phrase's drift (a line from 0 to the phrase's own
 * end drift, normal σ `driftCents`); a vibrato per note where `vibratoCents` is given (extent and rate drawn per note,
 * starting `vibratoOnsetS` into it and fading in over 0.2 s, the rate rising 12 % over the note's last 40 %, the extent
 * wobbling ±20 % at 0.7 Hz); a glide from the previous note's pitch into a share `glideShare` of the legato notes
 * (within 60 ms of the previous note's end; 50–100 % of the interval, at most `glideCents`, over `glideMs`, a
 * raised-cosine fall). Added after the reading: a noise transient at a share `attackShare` of the notes' starts
 * (a tongue, a bow or a consonant: `attackMs` long, its first difference through a one-pole low-pass at 6 kHz, 2 ms
 * up and decaying, `attackDb` under the note); breaths before a share `breathShare` of the phrases (`breathSeconds`
 * long and ending 30–120 ms before the phrase, inside the phrase's own section; noise through two resonances near a
 * central vowel's first formants, 500–800 and 1300–1800 Hz, beside a falling broad slope — Werner et al. 2023, JSLHR
 * 66: inhalation spectra falling with weak peaks under 3 kHz, most like a schwa — rising over 70 % and falling over
 * the rest, `breathDb` under the phrase, the first phrase's 4 dB quieter — inhalations inside speech are louder than
 * those that start it, Werner et al., Interspeech 2021); a fade of the phrase's last note by up to `fadeDb` (back over
 * 0.3 s after it). A guide's person (`entryMs`) also enters each phrase early or late (normal, σ `entryMs`, at most
 * 2.5 σ: the phrase's notes and breath moved together). No fade in a take's clipped or noise-burst sections (their
 * defect's size kept). Speech: a sentence is one note and one phrase (`lead`/`tail` s in its section).
 */
export interface Performer {
  vibratoCents?: readonly [number, number];
  vibratoHz?: readonly [number, number];
  vibratoOnsetS?: readonly [number, number];
  glideShare: number;
  glideCents: number;
  glideMs: readonly [number, number];
  noteCents: number;
  driftCents: number;
  attackShare: number;
  attackMs: readonly [number, number];
  attackDb: readonly [number, number];
  breathShare: number;
  breathSeconds: readonly [number, number];
  breathDb: readonly [number, number];
  fadeDb: number;
  entryMs?: number;
}
/** Catmull–Rom interpolation of `x` at a fractional sample position (the ends held). */
function catmullRom(x: Float64Array, pos: number): number {
  const n = x.length;
  const j = Math.floor(pos);
  const f = pos - j;
  const q = (i: number) => x[Math.max(0, Math.min(n - 1, i))]!;
  const [a, b, c, d] = [q(j - 1), q(j), q(j + 1), q(j + 2)];
  return b + 0.5 * f * (c - a + f * (2 * a - 5 * b + 4 * c - d + f * (3 * (b - c) + d - a)));
}

/**
 * Readings of `x` spliced end to end (held-out-48's and held-out-49's performers): reading k starts at output sample
 * `at` from source position `src` (the first at 0), advances by `2^(cents(i)/1200)` source samples per output sample
 * from `at` on (1 before it), and is crossfaded in by a raised cosine over ±`xf` samples about `at` while the previous
 * reading fades out.
 */
function spliceReadings(
  x: Float64Array,
  all: readonly { at: number; src: number; cents: (i: number) => number }[],
  xf: number,
): Float64Array {
  const n = x.length;
  const y = new Float64Array(n);
  all.forEach((s, k) => {
    const next = all[k + 1];
    const from = Math.max(0, k === 0 ? 0 : s.at - xf);
    const to = Math.min(n, next ? next.at + xf : n);
    // the window's rise about this start (complementary to the previous reading's fall)
    const rise = (i: number, a: number) =>
      i >= a + xf ? 1 : i < a - xf ? 0 : (1 - Math.cos((Math.PI * (i - a + xf)) / (2 * xf))) / 2;
    let pos = s.src + (from - s.at);
    for (let i = from; i < to; i++) {
      const g = (k === 0 ? 1 : rise(i, s.at)) * (next ? 1 - rise(i, next.at) : 1);
      y[i]! += g * catmullRom(x, pos);
      const c = i >= s.at ? s.cents(i) : 0;
      pos += 2 ** (c / 1200);
    }
  });
  return y;
}

/** A held-out-48 spec: its takes' performer and its guide's. */
type PerformerSpec = { performer?: Performer; guideSinger?: Performer };

/** One performance of a rendered part: its notes (s, MIDI pitch, phrase) and phrases (section; fade allowed). */
function performPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  phrases: readonly { section: { startSeconds: number }; fade: boolean }[],
  p: Performer,
  seed: number,
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const gauss = gaussOf(mulberry32(seed * 7 + 5));
  const between = ([a, b]: readonly [number, number]) => a + (b - a) * r();
  const clipped = (sigma: number, z: number) => sigma * Math.max(-2.5, Math.min(2.5, z));
  const entry = phrases.map(() => (p.entryMs ? clipped(p.entryMs, gauss()) / 1000 : 0));
  const drift = phrases.map(() => clipped(p.driftCents, gauss()));
  const span = phrases.map((_, q) => {
    const mine = notes.filter((m) => m.phrase === q);
    return mine.length ? { from: mine[0]!.on, to: mine[mine.length - 1]!.off } : { from: 0, to: 0 };
  });
  // per note: where its reading starts (output and source, samples) and its pitch over it (cents per output sample)
  const starts: { at: number; src: number; cents: Float64Array }[] = [];
  notes.forEach((m, k) => {
    const first = k === 0 || notes[k - 1]!.phrase !== m.phrase;
    const pre = first ? 0.12 : 0;
    const at = Math.round((m.on + entry[m.phrase]! - pre) * fs);
    const end = k + 1 < notes.length ? Math.round((notes[k + 1]!.on + entry[notes[k + 1]!.phrase]!) * fs) : n;
    const len = Math.max(0, Math.min(n, end) - at);
    const cents = new Float64Array(len);
    const lead = Math.round(pre * fs);
    const noteLen = Math.round((m.off - m.on) * fs);
    const error = clipped(p.noteCents, gauss());
    const sp = span[m.phrase]!;
    const vib = p.vibratoCents && m.off - m.on >= 0.25;
    const [extent, rate, onset, wobble] = vib
      ? [between(p.vibratoCents!), between(p.vibratoHz!), between(p.vibratoOnsetS!), 2 * Math.PI * r()]
      : [0, 0, 0, 0];
    const prev = notes[k - 1];
    const glide =
      !first && prev && m.on - prev.off < 0.06 && r() < p.glideShare
        ? {
            cents: Math.max(-p.glideCents, Math.min(p.glideCents, (prev.pitch - m.pitch) * 100 * (0.5 + 0.5 * r()))),
            len: Math.round((between(p.glideMs) / 1000) * fs),
          }
        : null;
    let phase = 0;
    for (let i = lead; i < Math.min(len, lead + noteLen); i++) {
      const tau = (i - lead) / fs;
      const t = m.on + tau;
      let c = error + (drift[m.phrase]! * (t - sp.from)) / Math.max(0.1, sp.to - sp.from);
      if (vib && tau >= onset) {
        const u = tau / Math.max(1e-3, m.off - m.on);
        phase += (2 * Math.PI * rate * (1 + 0.12 * Math.max(0, (u - 0.6) / 0.4))) / fs;
        const depth =
          extent * Math.min(1, (tau - onset) / 0.2) * (1 + 0.2 * Math.sin(2 * Math.PI * 0.7 * tau + wobble));
        c += depth * Math.sin(phase);
      }
      if (glide && i - lead < glide.len) c += (glide.cents * (1 + Math.cos((Math.PI * (i - lead)) / glide.len))) / 2;
      cents[i] = c;
    }
    starts.push({ at, src: Math.round((m.on - pre) * fs), cents });
  });
  // the part before the first note read as it is; each note's reading crossfaded in over 12 ms about its start
  const y = spliceReadings(
    x,
    [{ at: 0, src: 0, cents: new Float64Array(0) }, ...starts].map((s) => ({
      at: s.at,
      src: s.src,
      cents: (i: number) => (i >= s.at && i - s.at < s.cents.length ? s.cents[i - s.at]! : 0),
    })),
    Math.round(0.006 * fs),
  );
  const rmsOf = (a: number, b: number) => {
    let e = 0;
    const [i0, i1] = [Math.max(0, Math.round(a * fs)), Math.min(n, Math.round(b * fs))];
    for (let i = i0; i < i1; i++) e += y[i]! ** 2;
    return Math.sqrt(e / Math.max(1, i1 - i0));
  };
  // a noise transient at a share of the notes' starts
  notes.forEach((m) => {
    if (r() >= p.attackShare) return;
    const a = Math.round((m.on + entry[m.phrase]!) * fs);
    const len = Math.round((between(p.attackMs) / 1000) * fs);
    const g =
      rmsOf(m.on + entry[m.phrase]!, Math.min(m.off, m.on + 0.3) + entry[m.phrase]!) *
      10 ** (-between(p.attackDb) / 20);
    const lp = Math.exp((-2 * Math.PI * 6000) / fs);
    let [prev, low, e] = [0, 0, 0];
    const burst = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      const w = gauss();
      low = (1 - lp) * (w - prev) + lp * low;
      prev = w;
      burst[i] = low * Math.min(1, i / (0.002 * fs)) * Math.exp((-4 * i) / len);
      e += burst[i]! ** 2;
    }
    const k = g / Math.sqrt(e / Math.max(1, len) || 1);
    for (let i = 0; i < len && a + i < n; i++) if (a + i >= 0) y[a + i]! += k * burst[i]!;
  });
  // a fade of the phrase's last note, back over 0.3 s after it
  phrases.forEach((ph, q) => {
    const last = notes.filter((m) => m.phrase === q).at(-1);
    if (!last || !ph.fade) return;
    const fade = r() * p.fadeDb;
    const [on, off] = [(last.on + entry[q]!) * fs, (last.off + entry[q]!) * fs];
    const back = off + 0.3 * fs;
    for (let i = Math.max(0, Math.round(on)); i < Math.min(n, Math.round(back)); i++) {
      const db = i < off ? (-fade * (i - on)) / Math.max(1, off - on) : (-fade * (back - i)) / (back - off);
      y[i]! *= 10 ** (db / 20);
    }
  });
  // breaths before a share of the phrases, inside the phrase's own section
  phrases.forEach((ph, q) => {
    if (span[q]!.to <= span[q]!.from || r() >= p.breathShare) return;
    const start = span[q]!.from + entry[q]!;
    const end = start - (0.03 + 0.09 * r());
    const from = Math.max(end - between(p.breathSeconds), ph.section.startSeconds - 0.05, 0);
    const dbUnder = between(p.breathDb) + (q === 0 ? 4 : 0);
    const [f1, f2] = [500 + 300 * r(), 1300 + 500 * r()];
    if (end - from < 0.12) return;
    const len = Math.round((end - from) * fs);
    const a = Math.round(from * fs);
    const reson = (f: number, bw: number) => {
      const rr = Math.exp((-Math.PI * bw) / fs);
      const c = 2 * rr * Math.cos((2 * Math.PI * f) / fs);
      let [y1, y2] = [0, 0];
      return (v: number) => {
        const out = (1 - rr) * v + c * y1 - rr * rr * y2;
        y2 = y1;
        y1 = out;
        return out;
      };
    };
    const [r1, r2] = [reson(f1, 200), reson(f2, 300)];
    const slope = Math.exp((-2 * Math.PI * 1500) / fs);
    let low = 0;
    let e = 0;
    const breath = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      const w = gauss();
      low = (1 - slope) * w + slope * low;
      const u = i / len;
      const env = Math.sin((Math.PI / 2) * (u < 0.7 ? u / 0.7 : (1 - u) / 0.3));
      breath[i] = (r1(w) + 0.7 * r2(w) + 0.5 * low) * env;
      e += breath[i]! ** 2;
    }
    const g =
      (rmsOf(span[q]!.from + entry[q]!, span[q]!.to + entry[q]!) * 10 ** (-dbUnder / 20)) / Math.sqrt(e / len || 1);
    for (let i = 0; i < len && a + i < n; i++) y[a + i]! += g * breath[i]!;
  });
  return y;
}

/**
 * The notes a part plays (held-out-48's and 49's performers): take `take`'s (null: the guide's), the melody's moved by
 * the take's late or early entry and none in its missing phrases; speech one note per sentence (`lead`/`tail` s in its
 * section). Each section's notes one phrase; a phrase may be shaped unless its section carries a clip or a burst.
 */
function partNotes(set: TakeSet, take: number | null, speech?: { lead: number; tail: number }) {
  const beat = set.bpm > 0 ? 60 / set.bpm : 0;
  const defectOf = (s: number) =>
    take === null ? undefined : set.defects.find((d) => d.take === take && d.section === s);
  const notes: { on: number; off: number; pitch: number; phrase: number }[] = [];
  const phrases: { section: { startSeconds: number }; fade: boolean }[] = [];
  set.sections.forEach((sec, s) => {
    const d = defectOf(s);
    if (d?.kind === 'missing') return;
    const shift = d?.kind === 'late' || d?.kind === 'early' ? d.amount / 1000 : 0;
    const mine = speech
      ? [{ on: sec.startSeconds + speech.lead + shift, off: sec.endSeconds - speech.tail + shift, pitch: 0 }]
      : set.melody
          .filter((m) => Math.floor(m.beat / set.beatsPerSection) === s)
          .map((m) => ({ on: m.beat * beat + shift, off: (m.beat + m.lengthBeats) * beat + shift, pitch: m.pitch }));
    if (mine.length === 0) return;
    for (const m of mine) notes.push({ ...m, phrase: phrases.length });
    phrases.push({ section: sec, fade: d?.kind !== 'clip' && d?.kind !== 'noise' });
  });
  return { notes, phrases };
}

/**
 * The takes of a set played or sung by `performer` and its guide by `guideSinger` (PerformerSpec; held-out-48). The
 * notes are the melody's, a take's moved by its late or early entry and none in its missing phrases; speech: one note
 * per sentence (`lead`/`tail` s in its section). Applied to the dry takes and guide, before the rooms, the latency and
 * the floors.
 */
export function performedTakes(
  set: TakeSet,
  spec: PerformerSpec,
  seed: number,
  speech?: { lead: number; tail: number },
): TakeSet {
  if (!spec.performer && !spec.guideSinger) return set;
  const partOf = (take: number | null) => partNotes(set, take, speech);
  const takes = spec.performer
    ? set.takes.map((x, k) => {
        const { notes, phrases } = partOf(k);
        return performPart(x, set.sampleRate, notes, phrases, spec.performer!, seed * 7393 + k * 211 + 17);
      })
    : set.takes;
  const guide = spec.guideSinger
    ? (() => {
        const { notes, phrases } = partOf(null);
        return performPart(set.guide, set.sampleRate, notes, phrases, spec.guideSinger!, seed * 6029 + 991);
      })()
    : set.guide;
  return { ...set, takes, guide };
}

/**
 * held-out-49's model of a performer (a third; made differently from held-out-47's OrdinaryTraits, which moved the
 * pitch by one running delay given back in the rests, and from held-out-48's Performer, which read every note at its
 * own rate from its own onset, so no note moved in time): **phrasing**. Per phrase (a section's notes) a **rubato** of
 * the tempo arch — the phrase's inner onsets early by up to `archMs` at its middle (`−sin(πu)`, u the onset's place in
 * the phrase from its first note's onset, 0, to its last's, 1) and its last quarter late by up to `finalMs` (`((u −
 * 0.75)/0.25)²`: phrase-final lengthening), the first onset where it was played; each note's audio moved as a block
 * by its own displacement (read from the rendered take at rate 1, the displacement changed inside the previous note,
 * `max(40 ms, 25 %)` past its onset, or in the rest 0.1 s before a phrase: a 20 ms raised-cosine crossfade at the
 * lag within half the note's period that best matches the two readings, so a sustained tone splices in phase and the
 * pitch is untouched; a note after one shorter than 0.12 s keeps the previous displacement); a **dynamics arc** over
 * the phrase (crescendo, decrescendo or an arch — messa di voce — by the shares `arcShares`, `arcDb` peak to peak,
 * zero-mean in dB across the phrase, in 50 ms and out over 0.3 s; none in a take's clipped or noise-burst sections);
 * **vibrato that starts late in long notes** (`vibrato`: notes of `minS` s or longer, from a share `at` of the note on,
 * reaching its extent over 0.25 s at a steady rate; held-out-48's started 0.1–0.35 s in with its rate rising);
 * **note-end pitch falls** (a share `fallShare` of the phrases' last notes falling by `fallCents` over their last
 * `fallMs`, `−F·v²`); **consonant onsets** (a share `onsetShare` of the notes begin dark and quiet: their first
 * `onsetMs` through a one-pole low-pass at `onsetHz`, `onsetDb` under (reached over 4 ms), crossfaded to the note by a
 * raised cosine — a nasal or voiced consonant's murmur on the sung takes, a soft tongue or bow start on the played
 * ones; held-out-48 added a noise transient); **breaths between phrases** (a share `breathShare`, `breathSeconds`
 * long ending 40–150 ms before the phrase, at least 50 ms after the previous phrase's last note: noise through a
 * 250 Hz high-pass, a 5 kHz low-pass and a resonance at 0.9–1.4 kHz, rising over 40 % and falling over 60 %,
 * `breathDb` under the phrase's RMS). A
 * guide's person (`noteCents`, `entryMs`) also sings each note off by its own error (normal, at most 2.5 σ) and enters
 * each phrase early or late (normal σ `entryMs`, at most 2.5 σ: the whole phrase moved, its breath too). Speech: one
 * note per sentence (no rubato inside it: its entry, arc, fall and breath only).
 */
export interface Phrasing {
  archMs: readonly [number, number];
  finalMs: readonly [number, number];
  arcDb: readonly [number, number];
  arcShares: readonly [number, number, number];
  vibrato?: {
    minS: number;
    at: readonly [number, number];
    cents: readonly [number, number];
    hz: readonly [number, number];
  };
  fallShare: number;
  fallCents: readonly [number, number];
  fallMs: readonly [number, number];
  onsetShare: number;
  onsetMs: readonly [number, number];
  onsetHz: number;
  onsetDb: readonly [number, number];
  breathShare: number;
  breathSeconds: readonly [number, number];
  breathDb: readonly [number, number];
  noteCents?: number;
  entryMs?: number;
}
/** A held-out-49 spec: its takes' phrasing and its guide person's. */
type PhrasingSpec = { phrasing?: Phrasing; guidePhrasing?: Phrasing };

/** One phrased performance of a rendered part (Phrasing): its notes (s, MIDI pitch, phrase) and phrases. */
function phrasePart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  phrases: readonly { section: { startSeconds: number }; fade: boolean }[],
  p: Phrasing,
  seed: number,
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const gauss = gaussOf(mulberry32(seed * 11 + 3));
  const between = ([a, b]: readonly [number, number]) => a + (b - a) * r();
  const clipped = (sigma: number, z: number) => sigma * Math.max(-2.5, Math.min(2.5, z));
  const total = p.arcShares[0] + p.arcShares[1] + p.arcShares[2];
  const per = phrases.map((_, q) => {
    const mine = notes.filter((m) => m.phrase === q);
    const u = r() * total;
    return {
      first: mine[0]?.on ?? 0,
      last: mine.at(-1)?.on ?? 0,
      entry: p.entryMs ? clipped(p.entryMs, gauss()) / 1000 : 0,
      arch: between(p.archMs) / 1000,
      final: between(p.finalMs) / 1000,
      arc: between(p.arcDb),
      shape: u < p.arcShares[0] ? 'crescendo' : u < p.arcShares[0] + p.arcShares[1] ? 'decrescendo' : 'arch',
    };
  });
  // each note's displacement (s): the phrase's entry, the arch, the final lengthening; set inside the previous note
  // (or the rest before its phrase) at output sample `at`; kept after a short note (or one too near the last splice)
  const win = Math.round(0.01 * fs);
  const moved: number[] = [];
  const splices: { note: number; at: number }[] = [];
  notes.forEach((m, k) => {
    const ph = per[m.phrase]!;
    const u = ph.last > ph.first ? (m.on - ph.first) / (ph.last - ph.first) : 0;
    const want = ph.entry - ph.arch * Math.sin(Math.PI * u) + ph.final * Math.max(0, (u - 0.75) / 0.25) ** 2;
    const prev = notes[k - 1];
    const first = !prev || prev.phrase !== m.phrase;
    const at = Math.round(
      (first ? m.on + want - 0.1 : prev.on + moved[k - 1]! + Math.max(0.04, 0.25 * (prev.off - prev.on))) * fs,
    );
    const free = (first || prev.off - prev.on >= 0.12) && at > (splices.at(-1)?.at ?? 0) + 2 * win && at < n - win;
    moved.push(free ? want : (moved[k - 1] ?? 0));
    if (free) splices.push({ note: k, at });
  });
  // the pitch over the output (cents): a guide's note errors, late vibrato, note-end falls
  const cents = new Float64Array(n);
  notes.forEach((m, k) => {
    const [a, b] = [Math.round((m.on + moved[k]!) * fs), Math.min(n, Math.round((m.off + moved[k]!) * fs))];
    const error = p.noteCents ? clipped(p.noteCents, gauss()) : 0;
    const len = (m.off - m.on) * fs;
    const v = p.vibrato && m.off - m.on >= p.vibrato.minS ? p.vibrato : null;
    const [start, extent, rate] = v ? [between(v.at) * len, between(v.cents), between(v.hz)] : [0, 0, 0];
    const next = notes[k + 1];
    const last = !next || next.phrase !== m.phrase;
    const fall = last && r() < p.fallShare ? { c: between(p.fallCents), len: between(p.fallMs) * 0.001 * fs } : null;
    for (let i = Math.max(0, a); i < b; i++) {
      let c = error;
      const j = i - a;
      if (v && j >= start)
        c += extent * Math.min(1, (j - start) / (0.25 * fs)) * Math.sin((2 * Math.PI * rate * (j - start)) / fs);
      if (fall && b - i <= fall.len) c -= fall.c * (1 - (b - i) / fall.len) ** 2;
      cents[i] = c;
    }
  });
  const phase = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) phase[i + 1] = phase[i]! + 2 ** (cents[i]! / 1200);
  // the readings: each spliced note's displacement set inside the previous note (or the rest before its phrase), at
  // the lag within half its period where the two readings match best
  const readings: { at: number; offset: number }[] = [{ at: 0, offset: 0 }];
  splices.forEach(({ note: k, at }) => {
    const m = notes[k]!;
    const prev = notes[k - 1];
    const first = !prev || prev.phrase !== m.phrase;
    const before = readings.at(-1)!;
    const target = Math.round((m.on + moved[k]!) * fs);
    let offset = m.on * fs - phase[Math.min(n, target)]!;
    // in the rest before a phrase no search; inside a note within half its period (speech's: 12 ms), at most 8 ms
    const pitch = first || !prev ? 0 : prev.pitch;
    const period = pitch > 0 ? fs / (440 * 2 ** ((pitch - 69) / 12)) : 0.012 * fs;
    const reach = first ? 0 : Math.min(Math.round(0.008 * fs), Math.round(period / 2));
    const was = Math.round(before.offset + phase[at]!);
    const now = Math.round(offset + phase[at]!);
    let [best, lag] = [-Infinity, 0];
    for (const l of [0, ...Array.from({ length: 2 * reach + 1 }, (_, i) => i - reach)]) {
      let [xy, yy] = [0, 0];
      for (let j = -win; j < win; j++) {
        const u = x[Math.max(0, Math.min(n - 1, now + l + j))]!;
        xy += x[Math.max(0, Math.min(n - 1, was + j))]! * u;
        yy += u * u;
      }
      const score = yy > 0 ? xy / Math.sqrt(yy) : 0;
      if (score > best + 1e-12) [best, lag] = [score, l];
    }
    offset += lag;
    readings.push({ at, offset });
  });
  const y = spliceReadings(
    x,
    readings.map((s) => ({ at: s.at, src: s.offset + phase[s.at]!, cents: (i: number) => cents[i]! })),
    win,
  );
  const rmsOf = (a: number, b: number) => {
    let e = 0;
    const [i0, i1] = [Math.max(0, Math.round(a * fs)), Math.min(n, Math.round(b * fs))];
    for (let i = i0; i < i1; i++) e += y[i]! ** 2;
    return Math.sqrt(e / Math.max(1, i1 - i0));
  };
  const spans = phrases.map((_, q) => {
    const ks = notes.flatMap((m, k) => (m.phrase === q ? [k] : []));
    return ks.length
      ? { from: notes[ks[0]!]!.on + moved[ks[0]!]!, to: notes[ks.at(-1)!]!.off + moved[ks.at(-1)!]! }
      : { from: 0, to: 0 };
  });
  // consonant onsets: a note's first ms dark and quiet, crossfaded to the note
  notes.forEach((m, k) => {
    if (r() >= p.onsetShare) return;
    const a = Math.round((m.on + moved[k]!) * fs);
    const len = Math.round(between(p.onsetMs) * 0.001 * fs);
    const g = 10 ** (-between(p.onsetDb) / 20);
    const lp = Math.exp((-2 * Math.PI * p.onsetHz) / fs);
    let low = a > 0 ? y[a - 1]! : 0;
    const ramp = 0.004 * fs;
    for (let j = 0; j < len && a + j < n; j++) {
      if (a + j < 0) continue;
      low = (1 - lp) * y[a + j]! + lp * low;
      // in over 4 ms (no step where the previous note still sounds), then back to the note by a raised cosine
      const w = (Math.min(1, j / ramp) * (1 + Math.cos((Math.PI * j) / len))) / 2;
      y[a + j] = w * g * low + (1 - w) * y[a + j]!;
    }
  });
  // the dynamics arc of each phrase (zero-mean in dB), in over 50 ms and out over 0.3 s
  phrases.forEach((ph, q) => {
    const { from, to } = spans[q]!;
    if (!ph.fade || to <= from) return;
    const { arc, shape } = per[q]!;
    const db = (u: number) =>
      shape === 'crescendo'
        ? arc * (u - 0.5)
        : shape === 'decrescendo'
          ? arc * (0.5 - u)
          : arc * (Math.sin(Math.PI * u) - 2 / Math.PI);
    const [a, b] = [Math.max(0, Math.round((from - 0.05) * fs)), Math.min(n, Math.round((to + 0.3) * fs))];
    for (let i = a; i < b; i++) {
      const t = i / fs;
      const level =
        t < from
          ? (db(0) * (t - from + 0.05)) / 0.05
          : t > to
            ? (db(1) * (to + 0.3 - t)) / 0.3
            : db((t - from) / (to - from));
      y[i]! *= 10 ** (level / 20);
    }
  });
  // breaths between phrases
  phrases.forEach((ph, q) => {
    const { from, to } = spans[q]!;
    if (to <= from || r() >= p.breathShare) return;
    const end = from - (0.04 + 0.11 * r());
    const earliest = Math.max(ph.section.startSeconds - 0.05, q > 0 ? spans[q - 1]!.to + 0.05 : 0, 0);
    const start = Math.max(end - between(p.breathSeconds), earliest);
    const dbUnder = between(p.breathDb);
    const f0 = 900 + 500 * r();
    if (end - start < 0.12) return;
    const len = Math.round((end - start) * fs);
    const a = Math.round(start * fs);
    const [hp, lp] = [Math.exp((-2 * Math.PI * 250) / fs), Math.exp((-2 * Math.PI * 5000) / fs)];
    const rr = Math.exp((-Math.PI * 500) / fs);
    const c = 2 * rr * Math.cos((2 * Math.PI * f0) / fs);
    let [prev, high, low, y1, y2, e] = [0, 0, 0, 0, 0, 0];
    const breath = new Float64Array(len);
    for (let i = 0; i < len; i++) {
      const w = gauss();
      high = hp * (high + w - prev);
      prev = w;
      low = (1 - lp) * high + lp * low;
      const res = (1 - rr) * low + c * y1 - rr * rr * y2;
      [y2, y1] = [y1, res];
      const u = i / len;
      breath[i] = (0.6 * low + res) * Math.sin((Math.PI / 2) * (u < 0.4 ? u / 0.4 : (1 - u) / 0.6));
      e += breath[i]! ** 2;
    }
    const g = (rmsOf(from, to) * 10 ** (-dbUnder / 20)) / Math.sqrt(e / len || 1);
    for (let i = 0; i < len && a + i < n; i++) if (a + i >= 0) y[a + i]! += g * breath[i]!;
  });
  return y;
}

/**
 * The takes of a set phrased by `phrasing` and its guide by `guidePhrasing` (PhrasingSpec; held-out-49), the notes as
 * partNotes gives them. Applied to the dry takes and guide, before the rooms, the latency and the floors; a set with
 * neither returned as it was.
 */
export function phrasedTakes(
  set: TakeSet,
  spec: PhrasingSpec,
  seed: number,
  speech?: { lead: number; tail: number },
): TakeSet {
  if (!spec.phrasing && !spec.guidePhrasing) return set;
  const takes = spec.phrasing
    ? set.takes.map((x, k) => {
        const { notes, phrases } = partNotes(set, k, speech);
        return phrasePart(x, set.sampleRate, notes, phrases, spec.phrasing!, seed * 8111 + k * 307 + 29);
      })
    : set.takes;
  const guide = spec.guidePhrasing
    ? (() => {
        const { notes, phrases } = partNotes(set, null, speech);
        return phrasePart(set.guide, set.sampleRate, notes, phrases, spec.guidePhrasing!, seed * 5171 + 613);
      })()
    : set.guide;
  return { ...set, takes, guide };
}

/**
 * held-out-50's model of a performer (a fourth; made differently from held-out-47's OrdinaryTraits — one running delay
 * given back in the rests, vibrato, scoops, swells, breaths —, held-out-48's Performer — each note at its own rate,
 * signed phrase drift, raised-cosine glides, onset noise, breaths, fades — and held-out-49's Phrasing — notes moved as
 * blocks by a rubato, dynamics arcs, late vibrato, falls, consonant onsets, breaths): **delivery**. Each note read from
 * the rendered take at its own varying rate from its onset (a phrase's first note 0.12 s before, in the rest) and
 * spliced at its onset by a 12 ms raised cosine (spliceReadings), so every onset stays where it was played. The pitch:
 * an **intonation sag**, each phrase flat by `sagCents` at its end, most of it early (`(1 − e^(−3u)) / (1 − e^(−3))`, u
 * the place in the phrase), the next entry in tune again (`sagShared`: drawn per sentence and the same in every take
 * and the guide); **portamento** into a share of the legato notes (within 60 ms of the previous note's end, at most 5
 * semitones apart) as an underdamped second-order step response from the previous pitch — a 10–90 % time `ms`, an
 * overshoot `overshoot` of the interval (at most 40 cents) —, a rising one from the onset, a falling one a transition
 * time before it (the higher note leaves early: no reading runs into the next note); a guide's person (`noteCents`)
 * each note off by its own error (normal, at most 2.5 σ). Over the readings: a **vowel change** inside a share of the
 * long notes (a peaking resonance, Q 2.5, +`db`, its centre moving between the two `hz` either way over the note's
 * middle 60 %, in and out over 40 ms); a **register change** on the part's top notes (its highest pitch and up to
 * `below` semitones under: the highs above a 1.5 kHz one-pole split `highsDb` under and the note `levelDb` quieter,
 * crossfaded over 30 ms); neither in a take's clipped or noise-burst sections. Then the take's **mic distance** (a
 * ratio `micRatio` of a nominal one: level by the inverse square law, the lows under 180 Hz by `proximity` times that;
 * not in a take's clipped or noise-burst sections, which keep their defect's size) and its **feel** (the whole take
 * pushed or laid back by `feelMs`, either way; `laidBack`: late only). Speech: one note per sentence (its sag a
 * declination).
 */
export interface Delivery {
  sagCents: readonly [number, number];
  sagShared?: boolean;
  portamento?: { share: number; ms: readonly [number, number]; overshoot: readonly [number, number] };
  vowel?: { minS: number; share: number; hz: readonly [number, number]; db: readonly [number, number] };
  register?: { below: number; highsDb: readonly [number, number]; levelDb: readonly [number, number] };
  feelMs: readonly [number, number];
  laidBack?: boolean;
  micRatio: readonly [number, number];
  proximity: number;
  noteCents?: number;
}
/** A held-out-50 spec: its takes' delivery and its guide person's. */
type DeliverySpec = { delivery?: Delivery; guideDelivery?: Delivery };

/** An underdamped second-order step response (0 → 1) with overshoot `os` and 10–90 % time `rise` s, at `t` s. */
function stepResponse(t: number, os: number, rise: number): number {
  if (t <= 0) return 0;
  const z = -Math.log(os) / Math.sqrt(Math.PI ** 2 + Math.log(os) ** 2);
  const wn = (1 - 0.4167 * z + 2.917 * z * z) / rise;
  const wd = wn * Math.sqrt(1 - z * z);
  return 1 - Math.exp(-z * wn * t) * (Math.cos(wd * t) + (z / Math.sqrt(1 - z * z)) * Math.sin(wd * t));
}

/** One delivered performance of a rendered part (Delivery): its notes (s, MIDI pitch, phrase) and phrases. */
function deliverPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  phrases: readonly { section: { startSeconds: number }; fade: boolean }[],
  p: Delivery,
  seed: number,
  shared: (q: number) => number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const gauss = gaussOf(mulberry32(seed * 13 + 7));
  const between = ([a, b]: readonly [number, number]) => a + (b - a) * r();
  const clipped = (sigma: number, z: number) => sigma * Math.max(-2.5, Math.min(2.5, z));
  const span = phrases.map((_, q) => {
    const mine = notes.filter((m) => m.phrase === q);
    return mine.length ? { from: mine[0]!.on, to: mine.at(-1)!.off } : { from: 0, to: 0 };
  });
  const sag = phrases.map((_, q) => (p.sagShared ? shared(q) : between(p.sagCents)));
  // the pitch over the output (cents from the note being read): sag, the guide's note errors, portamento
  const cents = new Float64Array(n);
  // each note's reading starts at its onset (a phrase's first 0.12 s before it), at least 12 ms after the last's
  const at: number[] = [];
  notes.forEach((m, k) => {
    const first = k === 0 || notes[k - 1]!.phrase !== m.phrase;
    const want = Math.max(0, Math.round((m.on - (first ? 0.12 : 0)) * fs));
    at.push(k === 0 ? want : Math.min(Math.round(m.on * fs), Math.max(want, at[k - 1]! + Math.round(0.012 * fs))));
  });
  const error = notes.map(() => (p.noteCents ? clipped(p.noteCents, gauss()) : 0));
  notes.forEach((m, k) => {
    const end = k + 1 < notes.length ? Math.min(n, at[k + 1]!) : n;
    const sp = span[m.phrase]!;
    for (let i = at[k]!; i < end; i++) {
      const u = Math.max(0, Math.min(1, (i / fs - sp.from) / Math.max(0.1, sp.to - sp.from)));
      cents[i] = error[k]! - (sag[m.phrase]! * (1 - Math.exp(-3 * u))) / (1 - Math.exp(-3));
    }
  });
  const pm = p.portamento;
  if (pm)
    notes.forEach((m, k) => {
      const prev = notes[k - 1];
      const legato = prev && prev.phrase === m.phrase && m.on - prev.off < 0.06;
      if (!legato || Math.abs(m.pitch - prev.pitch) > 5 || m.pitch === prev.pitch || r() >= pm.share) return;
      const rise = between(pm.ms) / 1000;
      const os = Math.min(between(pm.overshoot), 40 / (100 * Math.abs(m.pitch - prev.pitch)));
      const jump = 100 * (m.pitch - prev.pitch) + error[k]! - error[k - 1]!;
      // a falling transition starts a transition time before the onset (on the previous, higher note)
      const t0 = m.on - (jump < 0 ? rise : 0);
      const [a, b] = [Math.max(0, Math.round(t0 * fs)), Math.min(n, Math.round((m.on + 6 * rise) * fs))];
      const onset = Math.round(m.on * fs);
      for (let i = Math.max(a, at[k - 1]!); i < b && (k + 1 >= notes.length || i < at[k + 1]!); i++) {
        const s = stepResponse(i / fs - t0, os, rise);
        // before the onset the previous note's reading moves toward the new pitch; after it the new note's from the old
        cents[i]! += i < onset ? jump * s : -jump * (1 - s);
      }
    });
  const y = spliceReadings(
    x,
    [{ at: 0, src: 0 }, ...notes.map((m, k) => ({ at: at[k]!, src: at[k]! }))].map((s, k, all) => {
      const end = k + 1 < all.length ? all[k + 1]!.at : n;
      return { ...s, cents: (i: number) => cents[Math.min(i, end - 1)]! };
    }),
    Math.round(0.006 * fs),
  );
  // vowel changes and the register, in the phrases whose section carries neither a clip nor a burst
  const top = Math.max(...notes.map((m) => m.pitch));
  notes.forEach((m) => {
    if (!phrases[m.phrase]!.fade) return;
    const [a, b] = [Math.max(0, Math.round(m.on * fs)), Math.min(n, Math.round(m.off * fs))];
    const v = p.vowel;
    if (v && m.off - m.on >= v.minS && r() < v.share) {
      const [f1, f2] = r() < 0.5 ? [v.hz[0], v.hz[1]] : [v.hz[1], v.hz[0]];
      const peak = between(v.db);
      const ramp = 0.04 * fs;
      let [x1, x2, y1, y2] = [0, 0, 0, 0];
      for (let i = a; i < b; i++) {
        const u = (i - a) / Math.max(1, b - a);
        const f = f1 + (f2 - f1) * Math.max(0, Math.min(1, (u - 0.2) / 0.6));
        const g = peak * Math.min(1, (i - a) / ramp, (b - i) / ramp);
        // a peaking biquad (RBJ), its coefficients at this sample
        const A = 10 ** (g / 40);
        const w = (2 * Math.PI * f) / fs;
        const al = Math.sin(w) / (2 * 2.5);
        const a0 = 1 + al / A;
        const out =
          ((1 + al * A) * y[i]! - 2 * Math.cos(w) * x1 + (1 - al * A) * x2 + 2 * Math.cos(w) * y1 - (1 - al / A) * y2) /
          a0;
        [x2, x1, y2, y1] = [x1, y[i]!, y1, out];
        y[i] = out;
      }
    }
    const reg = p.register;
    if (reg && m.pitch >= top - reg.below && m.pitch > 0) {
      const [highs, level] = [1 - 10 ** (-between(reg.highsDb) / 20), 1 - 10 ** (-between(reg.levelDb) / 20)];
      const lp = Math.exp((-2 * Math.PI * 1500) / fs);
      const xf = Math.round(0.03 * fs);
      let low = a > 0 ? y[a - 1]! : 0;
      for (let i = Math.max(0, a - xf); i < Math.min(n, b + xf); i++) {
        low = (1 - lp) * y[i]! + lp * low;
        const w = i < a ? 1 - (a - i) / xf : i >= b ? 1 - (i - b + 1) / xf : 1;
        y[i] = (1 - w * level) * (y[i]! - w * highs * (y[i]! - low));
      }
    }
  });
  // the mic's distance: level by the inverse square law, the lows by `proximity` times that
  const db = -20 * Math.log10(between(p.micRatio));
  const [gain, lows] = [10 ** (db / 20), 10 ** ((p.proximity * db) / 20) / 10 ** (db / 20) - 1];
  const lp = Math.exp((-2 * Math.PI * 180) / fs);
  // not in a take's clipped or noise-burst sections (their defect's size kept: clipped at full scale), 50 ms ramps
  const ramp = 0.05 * fs;
  const mic = Float64Array.from({ length: n }, () => 1);
  for (const sec of keep) {
    const [a, b] = [sec.startSeconds * fs, sec.endSeconds * fs];
    for (let i = Math.max(0, Math.floor(a - ramp)); i < Math.min(n, Math.ceil(b + ramp)); i++)
      mic[i] = Math.min(mic[i]!, Math.max(0, (a - i) / ramp, (i - b) / ramp));
  }
  let low = 0;
  for (let i = 0; i < n; i++) {
    low = (1 - lp) * y[i]! + lp * low;
    y[i] = y[i]! + mic[i]! * (gain * (y[i]! + lows * low) - y[i]!);
  }
  // the feel: the whole take pushed (early) or laid back (late)
  const ms = between(p.feelMs) * (p.laidBack || r() < 0.5 ? 1 : -1);
  const shift = Math.round((ms / 1000) * fs);
  if (shift === 0) return y;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = i - shift;
    if (j >= 0 && j < n) out[i] = y[j]!;
  }
  return out;
}

/**
 * The takes of a set delivered by `delivery` and its guide by `guideDelivery` (DeliverySpec; held-out-50), the notes
 * as partNotes gives them; a shared sag (speech's declination) drawn per section from the set's seed. Applied to the
 * dry takes and guide, before the rooms, the latency and the floors; a set with neither returned as it was.
 */
export function deliveredTakes(
  set: TakeSet,
  spec: DeliverySpec,
  seed: number,
  speech?: { lead: number; tail: number },
): TakeSet {
  if (!spec.delivery && !spec.guideDelivery) return set;
  const part = (x: Float64Array, take: number | null, p: Delivery, s: number) => {
    const { notes, phrases } = partNotes(set, take, speech);
    const shared = (q: number) => {
      const [a, b] = p.sagCents;
      const s = set.sections.findIndex((sec) => sec === phrases[q]!.section);
      return a + (b - a) * mulberry32(seed * 3331 + s * 17 + 5)();
    };
    const keep = set.defects
      .filter((d) => d.take === take && (d.kind === 'clip' || d.kind === 'noise'))
      .map((d) => set.sections[d.section]!);
    return deliverPart(x, set.sampleRate, notes, phrases, p, s, shared, keep);
  };
  const takes = spec.delivery
    ? set.takes.map((x, k) => part(x, k, spec.delivery!, seed * 9013 + k * 401 + 37))
    : set.takes;
  const guide = spec.guideDelivery ? part(set.guide, null, spec.guideDelivery, seed * 4519 + 227) : set.guide;
  return { ...set, takes, guide };
}

/**
 * held-out-51's model of a performer (a fifth; made differently from held-out-47's OrdinaryTraits, held-out-48's
 * Performer, held-out-49's Phrasing and held-out-50's Delivery — none of their sag, drift, glides, rubato, arcs,
 * vibrato, breaths, fades, portamento, vowels, register, feel or mic distance): **a session**. **Fatigue over the
 * session**: take k of K (recorded in their order) tired by `tired` = k / (K − 1), growing linearly through the take;
 * at the take's end `tired` × `flatCents` flat (each note read from the rendered take at its own rate from its onset
 * and spliced there by spliceReadings, so every onset stays where it was played), `tired` × `levelDb` quieter and its
 * highs over a 2.5 kHz one-pole split `tired` × `darkDb` under. **Phrases off the mic's axis** (`offAxis`): a share
 * of the phrases with the highs over a 3 kHz split `highsDb` under and the level `levelDb` under, ramped over 60 ms
 * before the phrase's first onset and after its last note. Neither raises a level anywhere (a split's low band plus
 * its highs scaled by ≤ 1 is a convex mix of the signal and its running average) and neither touches a take's clipped
 * or noise-burst sections (50 ms ramps; their defect's size kept). A guide's person (`noteCents`, `rushMs`): each note
 * off by its own error (normal, at most 2.5 σ) and entered early by a half-normal draw of σ `rushMs` (at most
 * `rushMaxMs`, default 15): the note's reading starts that early in the output, its pitch unmoved. Speech: one note
 * per sentence. The room's own mains hum (`humDb`) is humTakes', after the rooms.
 */
export interface Session {
  flatCents: readonly [number, number];
  levelDb: readonly [number, number];
  darkDb: readonly [number, number];
  offAxis?: { share: number; highsDb: readonly [number, number]; levelDb: readonly [number, number] };
  humDb?: readonly [number, number];
  noteCents?: number;
  rushMs?: number;
  rushMaxMs?: number;
}
/** A held-out-51 spec: its takes' session and its guide person's. */
type SessionSpec = { session?: Session; guideSession?: Session };

/** One take (or the guide) of a session (Session), `tired` 0…1 at its end. */
function sessionPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  phrases: readonly { section: { startSeconds: number }; fade: boolean }[],
  p: Session,
  seed: number,
  tired: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const gauss = gaussOf(mulberry32(seed * 13 + 7));
  const between = ([a, b]: readonly [number, number]) => a + (b - a) * r();
  const flat = tired * between(p.flatCents);
  const [levelDb, darkDb] = [tired * between(p.levelDb), tired * between(p.darkDb)];
  const error = notes.map(() => (p.noteCents ? p.noteCents * Math.max(-2.5, Math.min(2.5, gauss())) : 0));
  const early = notes.map(() => (p.rushMs ? Math.min(p.rushMaxMs ?? 15, Math.abs(gauss()) * p.rushMs) : 0));
  let y = x;
  if (flat > 0 || p.noteCents || p.rushMs) {
    // each note's reading from its onset in the source, placed `early` ms before it, at least 12 ms after the last's
    const gap = Math.round(0.012 * fs);
    const at: number[] = [];
    notes.forEach((m, k) => at.push(Math.max((k ? at[k - 1]! : 0) + gap, Math.round((m.on - early[k]! / 1000) * fs))));
    y = spliceReadings(
      x,
      [{ at: 0, src: 0, e: 0 }, ...notes.map((m, k) => ({ at: at[k]!, src: Math.round(m.on * fs), e: error[k]! }))].map(
        (s) => ({ at: s.at, src: s.src, cents: (i: number) => s.e - (flat * i) / n }),
      ),
      Math.round(0.006 * fs),
    );
  }
  // where the level and tone may change: not in a take's clipped or noise-burst sections (50 ms ramps)
  const ramp = 0.05 * fs;
  const free = Float64Array.from({ length: n }, () => 1);
  for (const sec of keep) {
    const [a, b] = [sec.startSeconds * fs, sec.endSeconds * fs];
    for (let i = Math.max(0, Math.floor(a - ramp)); i < Math.min(n, Math.ceil(b + ramp)); i++)
      free[i] = Math.min(free[i]!, Math.max(0, (a - i) / ramp, (i - b) / ramp));
  }
  // the phrases off the mic's axis: [highs' gain − 1, level's gain − 1] at full weight, and the weight over the take
  const axis = new Float64Array(n);
  const off = p.offAxis;
  let [axisHighs, axisLevel] = [0, 0];
  if (off) {
    [axisHighs, axisLevel] = [10 ** (-between(off.highsDb) / 20) - 1, 10 ** (-between(off.levelDb) / 20) - 1];
    const xf = 0.06 * fs;
    phrases.forEach((_, q) => {
      const mine = notes.filter((m) => m.phrase === q);
      if (r() >= off.share || mine.length === 0) return;
      const [a, b] = [mine[0]!.on * fs, mine.at(-1)!.off * fs];
      for (let i = Math.max(0, Math.floor(a - xf)); i < Math.min(n, Math.ceil(b + xf)); i++)
        axis[i] = Math.max(axis[i]!, Math.min(1, (i - (a - xf)) / xf, (b + xf - i) / xf));
    });
  }
  if (levelDb === 0 && darkDb === 0 && !off) return y;
  const out = new Float64Array(n);
  const [lpDark, lpAxis] = [Math.exp((-2 * Math.PI * 2500) / fs), Math.exp((-2 * Math.PI * 3000) / fs)];
  let [lowDark, lowAxis] = [0, 0];
  for (let i = 0; i < n; i++) {
    const f = (free[i]! * i) / n;
    const w = free[i]! * axis[i]!;
    lowDark = (1 - lpDark) * y[i]! + lpDark * lowDark;
    let v = lowDark + 10 ** ((-darkDb * f) / 20) * (y[i]! - lowDark);
    lowAxis = (1 - lpAxis) * v + lpAxis * lowAxis;
    v = lowAxis + (1 + w * axisHighs) * (v - lowAxis);
    out[i] = v * 10 ** ((-levelDb * f) / 20) * (1 + w * axisLevel);
  }
  return out;
}

/**
 * The takes of a set recorded in a session (SessionSpec; held-out-51) — take k of K tired by k / (K − 1) — and its
 * guide by `guideSession` (fresh), the notes as partNotes gives them. Applied to the dry takes and guide, before the
 * rooms, the latency and the floors (humTakes after them); a set with neither returned as it was.
 */
export function sessionTakes(
  set: TakeSet,
  spec: SessionSpec,
  seed: number,
  speech?: { lead: number; tail: number },
): TakeSet {
  if (!spec.session && !spec.guideSession) return set;
  const part = (x: Float64Array, take: number | null, p: Session, s: number, tired: number) => {
    const { notes, phrases } = partNotes(set, take, speech);
    const keep = set.defects
      .filter((d) => take !== null && d.take === take && (d.kind === 'clip' || d.kind === 'noise'))
      .map((d) => set.sections[d.section]!);
    return sessionPart(x, set.sampleRate, notes, phrases, p, s, tired, keep);
  };
  const K = set.takes.length;
  const takes = spec.session
    ? set.takes.map((x, k) => part(x, k, spec.session!, seed * 7717 + k * 523 + 41, K > 1 ? k / (K - 1) : 0))
    : set.takes;
  const guide = spec.guideSession ? part(set.guide, null, spec.guideSession, seed * 6007 + 311, 0) : set.guide;
  return { ...set, takes, guide };
}

/**
 * The room's own mains hum on every take of a session (Session.humDb; held-out-51), after the rooms, the latency and
 * the floors (electrical: not reverberated): 50 or 60 Hz (one per spec, seeded) and its harmonics to the sixth at
 * amplitudes 1, 0.55, 0.4, 0.28, 0.18, 0.1, each take at its own RMS level drawn in `humDb` dBFS and its own phases.
 * The guide has none.
 */
export function humTakes(set: TakeSet, spec: SessionSpec, seed: number): TakeSet {
  const db = spec.session?.humDb;
  if (!db) return set;
  const r = mulberry32(seed * 2957 + 61);
  const hz = r() < 0.5 ? 50 : 60;
  const amps = [1, 0.55, 0.4, 0.28, 0.18, 0.1];
  const rms = Math.sqrt(amps.reduce((e, a) => e + (a * a) / 2, 0));
  const w = (2 * Math.PI * hz) / set.sampleRate;
  const takes = set.takes.map((t) => {
    const level = 10 ** ((db[0] + (db[1] - db[0]) * r()) / 20) / rms;
    const phases = amps.map(() => 2 * Math.PI * r());
    const out = Float64Array.from(t);
    for (let i = 0; i < out.length; i++) {
      let h = 0;
      for (let j = 0; j < amps.length; j++) h += amps[j]! * Math.sin(w * (j + 1) * i + phases[j]!);
      out[i]! += level * h;
    }
    return out;
  });
  return { ...set, takes };
}

/**
 * held-out-52's model (a sixth performer model, made apart from held-out-47's OrdinaryTraits, 48's performer, 49's
 * phrasing, 50's delivery and 51's session): **a player's articulation and metric accent**, and **each take recorded
 * on its own day, in its own room, through its own chain**. Articulation: a take's notes held for `hold` of their
 * length (drawn per take; legato near 1, detached lower) and let go over 30 ms, silent to the next note's onset less
 * 5 ms (so the rests hold only the take's room tail, breaths and floor); notes off the bar's strong beats (not on an
 * even beat) `accentDb` under (drawn per take). Breaths before every phrase: 0.18–0.4 s of noise through a one-pole
 * high-pass at 400 Hz and low-pass at 5 kHz, a sin² swell, ending 30–90 ms before the phrase's first onset,
 * `breathDb` under the phrase's RMS (drawn per phrase). The room: a Schroeder reverb of the take's own (four
 * damped combs of 29.7, 37.1, 41.1 and 43.7 ms scaled by 0.7–1.3, two all-passes of 5 and 1.7 ms at 0.7), RT60 in
 * `rt60` s and wet share in `wet` per take, energy-normalised (each comb by √(1 − g²) / 2), out = (1 − wet) · dry +
 * wet · reverb. The guide's person (`tuneCents`): the whole guide part tuned sharp by one draw (a guide instrument at
 * A 441–442.5 Hz; each note read from just before its onset, no onset moved), its own articulation and breaths, no
 * room, no floor. Articulation, accents and breaths spare a take's clipped and noise-burst sections (50 ms ramps; the
 * defect's size kept); the room covers the whole take. Speech: one note per sentence, no articulation or accent.
 * Applied to the dry takes and guide before the latency; the chain (Chain) after it.
 */
export interface Recording {
  hold: readonly [number, number];
  accentDb: readonly [number, number];
  /** held-out-52's breaths (dB under the phrase); none when absent (held-out-54 breathes by `breathing`) */
  breathDb?: readonly [number, number];
  rt60?: readonly [number, number];
  wet?: readonly [number, number];
  tuneCents?: readonly [number, number];
  chain?: Chain;
  /** held-out-54: the performer's breathing (Breathing), in place of `breathDb`'s breaths */
  breathing?: Breathing;
}
/**
 * A take's recording chain (held-out-52): its own steady floor, four parts each at its own level in dBFS RMS drawn
 * per take — hiss (white; always), mains hum (the spec's 50 or 60 Hz and harmonics to the fifth at weights drawn per
 * take), a fan (white through two one-pole low-passes at 250–600 Hz, its level swaying ±1.5 dB at 0.2–0.7 Hz) and
 * preamp noise (pink, Kellet's economy filter) — hum, fan and preamp each present with probability 0.65. After the
 * rooms and the latency; the guide has none.
 */
export interface Chain {
  hissDb: readonly [number, number];
  humDb: readonly [number, number];
  fanDb: readonly [number, number];
  preampDb: readonly [number, number];
}
/** A held-out-52 spec: its takes' recording and its guide person's. */
type RecordingSpec = {
  recording?: Recording;
  guideRecording?: Recording;
  /** held-out-53: its performers' dynamics and its guide person's (Dynamics) */
  dynamics?: Dynamics;
  guideDynamics?: Dynamics;
  /** held-out-54: its bursts' shapes (Bursts; planBursts) */
  bursts?: Bursts;
  /** held-out-55: its performers' tone colour and its guide person's (Colour; colourPart) */
  colour?: Colour;
  guideColour?: Colour;
  /** held-out-56: its performers' onsets and releases and its guide person's (Onsets; onsetPart) */
  onsets?: Onsets;
  guideOnsets?: Onsets;
  /** held-out-57: its singers' scoops into notes and its guide person's (Scoops; scoopPart) */
  scoops?: Scoops;
  guideScoops?: Scoops;
  /** held-out-58: its performers' widening vibrato and its guide person's (Widening; widenPart; songs only) */
  vibrato?: Widening;
  guideVibrato?: Widening;
  /** held-out-58: a single loud breath before a phrase on clean takes (LoudBreath; loudBreathPart) */
  loudBreath?: LoudBreath;
  /** held-out-58: a click track's bleed on some takes (ClickBleed; clickBleedOf; songs only) */
  clickBleed?: ClickBleed;
  /** held-out-59: its performers' register-led level and its guide person's (Register; registerPart; songs only) */
  register?: Register;
  guideRegister?: Register;
  /** held-out-60: its performers rushing the ends of phrases (Rush; rushPart; song takes only, the guide steady) */
  rush?: Rush;
  /** held-out-61: its performers dragging the first note of each phrase (Drag; dragPart; song takes only) */
  drag?: Drag;
  /** held-out-62: its performers ornamenting notes with cuts (Cuts; cutPart; song takes only, the guide plain) */
  cuts?: Cuts;
  /** held-out-63: its performers' long notes drooping flat, then corrected (Droop; droopPart; song takes only) */
  droop?: Droop;
  /** held-out-64: its performers rushing runs of short notes (RunRush; runRushPart; song takes only) */
  runs?: RunRush;
  /** held-out-65: its performers' long notes wavering in level (Tremolo; tremoloPart; song takes only) */
  tremolo?: Tremolo;
  /** held-out-66: its performers clipping each phrase's last note short (PhraseClip; phraseClipPart; songs only) */
  phraseClip?: PhraseClip;
  /** held-out-67: its performers' held notes drifting sharp as they swell (SharpSwell; swellPart; songs only) */
  swell?: SharpSwell;
  /** held-out-68: its performers' aspirated attacks (Aspirate; aspiratePart; songs only) */
  aspirate?: Aspirate;
  /** held-out-69: its performers singing some notes through the nose (Nasal; nasalPart; songs only) */
  nasal?: Nasal;
};

/** One take (or the guide) of held-out-52 (Recording): articulation, accents, breaths, the take's room. */
function recordPart(
  x: Float64Array,
  fs: number,
  beat: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  p: Recording,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
  dry?: (y: Float64Array, hold: number) => void,
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([a, b]: readonly [number, number]) => a + (b - a) * r();
  const [hold, accent] = [between(p.hold), between(p.accentDb)];
  const tune = p.tuneCents ? between(p.tuneCents) : 0;
  let y = Float64Array.from(x);
  // the part tuned sharp, each note read from 15 ms before its onset (the splice's crossfade done by then), so the
  // faster reading moves no onset (read from 0 on, 8 cents would run 0.46 % ahead: a second in a four-minute song)
  if (tune !== 0) {
    const lead = Math.round(0.015 * fs);
    const at = [0, ...notes.map((m) => Math.round(m.on * fs) - lead)].filter((v, k, a) => k === 0 || v > a[k - 1]!);
    const starts = at.map((v) => ({ at: v, src: v, cents: () => tune }));
    y = spliceReadings(x, starts, Math.round(0.006 * fs)) as Float64Array<ArrayBuffer>;
  }
  // where the level may change: not in a take's clipped or noise-burst sections (50 ms ramps)
  const ramp = 0.05 * fs;
  const free = Float64Array.from({ length: n }, () => 1);
  for (const sec of keep) {
    const [a, b] = [sec.startSeconds * fs, sec.endSeconds * fs];
    for (let i = Math.max(0, Math.floor(a - ramp)); i < Math.min(n, Math.ceil(b + ramp)); i++)
      free[i] = Math.min(free[i]!, Math.max(0, (a - i) / ramp, (i - b) / ramp));
  }
  // articulation and accents: a gain per sample, 1 where untouched
  const gain = Float64Array.from({ length: n }, () => 1);
  const [letGo, rise] = [0.03 * fs, 0.005 * fs];
  notes.forEach((m, k) => {
    const weak =
      beat > 0 && !(Math.abs(m.on / beat - Math.round(m.on / beat)) < 0.1 && Math.round(m.on / beat) % 2 === 0);
    const g = weak ? 10 ** (-accent / 20) : 1;
    const next = notes[k + 1];
    const end = next ? next.on * fs - rise : n;
    const cut = (m.on + hold * (m.off - m.on)) * fs;
    for (let i = Math.max(0, Math.floor(m.on * fs)); i < Math.min(n, end); i++) {
      const t = i < cut ? 1 : Math.max(0, 1 - (i - cut) / letGo);
      gain[i] = g * t;
    }
    if (next) for (let i = Math.max(0, Math.floor(end)); i < Math.min(n, next.on * fs); i++) gain[i] = (i - end) / rise;
  });
  for (let i = 0; i < n; i++) y[i] = y[i]! * (1 - free[i]! * (1 - gain[i]!));
  // breaths before every phrase, under the phrase's RMS (held-out-54: the performer's breathing)
  if (p.breathing) breathePart(y, fs, notes, p.breathing, seed * 29 + 11);
  const gauss = gaussOf(mulberry32(seed * 17 + 5));
  const phrases = p.breathDb && !p.breathing ? [...new Set(notes.map((m) => m.phrase))] : [];
  for (const q of phrases) {
    const mine = notes.filter((m) => m.phrase === q);
    let e = 0;
    let c = 0;
    for (const m of mine) for (let i = Math.round(m.on * fs); i < Math.min(n, m.off * fs); i++, c++) e += y[i]! ** 2;
    const level = (c ? Math.sqrt(e / c) : 0) * 10 ** (-between(p.breathDb!) / 20);
    const len = Math.round(between([0.18, 0.4]) * fs);
    const to = Math.round((mine[0]!.on - between([0.03, 0.09])) * fs);
    const from = to - len;
    if (from < 0 || level === 0) continue;
    const [hp, lp] = [Math.exp((-2 * Math.PI * 400) / fs), Math.exp((-2 * Math.PI * 5000) / fs)];
    const b = new Float64Array(len);
    let [low, out, e2] = [0, 0, 0];
    for (let i = 0; i < len; i++) {
      const v = gauss();
      low = (1 - hp) * v + hp * low;
      out = (1 - lp) * (v - low) + lp * out;
      b[i] = out * Math.sin((Math.PI * i) / len) ** 2;
      e2 += b[i]! ** 2;
    }
    const k = level / Math.sqrt(e2 / len);
    for (let i = 0; i < len; i++) y[from + i]! += free[from + i]! * k * b[i]!;
  }
  dry?.(y, hold);
  if (!p.rt60 || !p.wet) return y;
  // the take's own room
  const [rt, wet, scale] = [between(p.rt60), between(p.wet), between([0.7, 1.3])];
  const rev = new Float64Array(n);
  for (const ms of [29.7, 37.1, 41.1, 43.7]) {
    const d = Math.max(1, Math.round((ms * scale * fs) / 1000));
    const g = 10 ** ((-3 * d) / fs / rt);
    const [damp, norm] = [0.3, Math.sqrt(1 - g * g) / 2];
    const buf = new Float64Array(n);
    let lowc = 0;
    for (let i = 0; i < n; i++) {
      const back = i >= d ? buf[i - d]! : 0;
      lowc = (1 - damp) * back + damp * lowc;
      buf[i] = y[i]! + g * lowc;
      rev[i]! += norm * back;
    }
  }
  for (const [ms, g] of [
    [5, 0.7],
    [1.7, 0.7],
  ] as const) {
    const d = Math.max(1, Math.round((ms * fs) / 1000));
    const inp = Float64Array.from(rev);
    for (let i = 0; i < n; i++) rev[i] = -g * inp[i]! + (i >= d ? inp[i - d]! + g * rev[i - d]! : 0);
  }
  for (let i = 0; i < n; i++) y[i] = (1 - wet) * y[i]! + wet * rev[i]!;
  return y;
}

/**
 * The takes of held-out-52 recorded each on its own day (RecordingSpec.recording: articulation, accents, breaths, the
 * take's room) and the guide by its person (`guideRecording`), the notes as partNotes gives them. Applied to the dry
 * takes and guide, before the latency (chainTakes after it); a set with neither returned as it was.
 */
export function recordTakes(
  set: TakeSet,
  spec: RecordingSpec,
  seed: number,
  speech?: { lead: number; tail: number },
): TakeSet {
  if (!spec.recording && !spec.guideRecording) return set;
  const beat = !speech && set.bpm > 0 ? 60 / set.bpm : 0;
  // held-out-54: the bursts of their shapes, in the room (before the take's room) or at the mic (after it)
  const { defects, bursts } = planBursts(set, spec as BurstSpec, seed, speech);
  const addBursts = (y: Float64Array, take: number | null, mic: boolean) => {
    for (const b of bursts)
      if (b.take === take && b.mic === mic)
        for (let i = 0; i < b.x.length && b.at + i < y.length; i++) if (b.at + i >= 0) y[b.at + i]! += b.x[i]!;
  };
  const part = (x: Float64Array, take: number | null, p: Recording, s: number) => {
    const planned = partNotes(set, take, speech).notes;
    const keep = set.defects
      .filter((d) => take !== null && d.take === take && (d.kind === 'clip' || d.kind === 'noise'))
      .map((d) => set.sections[d.section]!);
    // held-out-60: the performer rushing the ends of phrases, on the dry part first (song takes only); its notes moved
    // with it for every part after (articulation, breaths, loud breaths)
    // held-out-61: the performer dragging the first note of each phrase, on the dry part first (song takes only); its
    // notes moved with it for every part after
    // held-out-62: the performer's cuts (grace notes), on the dry part before anything else (song takes only); no
    // note moved
    const cut = speech || take === null ? undefined : spec.cuts;
    const cutUp = cut ? cutPart(x, set.sampleRate, planned, cut, s * 59 + 43, keep).y : x;
    // held-out-63: the performer's long notes drooping flat and corrected, on the dry part (song takes only); no note
    // moved
    const droop = speech || take === null ? undefined : spec.droop;
    const drooped = droop ? droopPart(cutUp, set.sampleRate, planned, droop, s * 61 + 47, keep).y : cutUp;
    // held-out-64: the performer rushing runs of short notes, on the dry part after the droop (song takes only); its
    // notes moved with it for every part after
    const runs = speech || take === null ? undefined : spec.runs;
    const { y: ornamented, notes: ran } = runs
      ? runRushPart(drooped, set.sampleRate, beat, planned, runs, s * 67 + 53, keep)
      : { y: drooped, notes: planned };
    const drag = speech || take === null ? undefined : spec.drag;
    const dragged = drag
      ? dragPart(ornamented, set.sampleRate, ran, drag, s * 53 + 41, keep)
      : { y: ornamented, notes: ran };
    const rush = speech || take === null ? undefined : spec.rush;
    const { y: rushed, notes } = rush
      ? rushPart(dragged.y, set.sampleRate, dragged.notes, rush, s * 47 + 37, keep)
      : dragged;
    // held-out-65: the performer's long notes wavering in level, on the dry part after the rush (song takes only); no
    // note moved
    const trem = speech || take === null ? undefined : spec.tremolo;
    const trembled = trem ? tremoloPart(rushed, set.sampleRate, notes, trem, s * 71 + 59, keep).y : rushed;
    // held-out-66: the performer clipping each phrase's last note short, on the dry part after the tremolo (song takes
    // only); no note moved
    const pc = speech || take === null ? undefined : spec.phraseClip;
    const ended = pc ? phraseClipPart(trembled, set.sampleRate, notes, pc, s * 73 + 61, keep).y : trembled;
    // held-out-67: the performer's held notes drifting sharp as they swell, on the dry part after the phrase clip (song
    // takes only); no note moved
    const sw = speech || take === null ? undefined : spec.swell;
    const swelled = sw ? swellPart(ended, set.sampleRate, notes, sw, s * 79 + 67, keep).y : ended;
    // held-out-68: the performer's aspirated attacks, added to the dry part after the swell (song takes only); no
    // note moved
    const ah = speech || take === null ? undefined : spec.aspirate;
    const aspirated = ah ? aspiratePart(swelled, set.sampleRate, notes, ah, s * 83 + 71, keep).y : swelled;
    // held-out-69: the performer singing some notes through the nose, on the dry part after the aspirated attacks
    // (song takes only); no note moved
    const na = speech || take === null ? undefined : spec.nasal;
    const shaken = na ? nasalPart(aspirated, set.sampleRate, notes, na, s * 89 + 73, keep).y : aspirated;
    // held-out-57: the singer's scoops into notes, on the dry part
    // held-out-58: the performer's vibrato widening on long notes, on the dry part first (songs only)
    // held-out-59: the performer's level following the melody's register, on the dry part first (songs only)
    const reg = speech ? undefined : take === null ? spec.guideRegister : spec.register;
    const registered = reg ? registerPart(shaken, set.sampleRate, notes, reg, s * 43 + 31, keep) : shaken;
    const vib = speech ? undefined : take === null ? spec.guideVibrato : spec.vibrato;
    const vibrant = vib ? widenPart(registered, set.sampleRate, notes, vib, s * 23 + 17, keep) : registered;
    const sc = take === null ? spec.guideScoops : spec.scoops;
    const scooped = sc ? scoopPart(vibrant, set.sampleRate, notes, sc, s * 19 + 13, keep) : vibrant;
    const dyn = take === null ? spec.guideDynamics : spec.dynamics;
    const dynamic = dyn ? dynamicsPart(scooped, set.sampleRate, notes, dyn, s * 7 + 3, keep) : scooped;
    const col = take === null ? spec.guideColour : spec.colour;
    const played = col ? colourPart(dynamic, set.sampleRate, notes, col, s * 11 + 5, keep) : dynamic;
    const ons = take === null ? spec.guideOnsets : spec.onsets;
    const y = recordPart(played, set.sampleRate, beat, notes, p, s, keep, (dry, hold) => {
      // held-out-56: the performer's onsets and releases on the articulated part, before the room's bursts
      if (ons) onsetPart(dry, set.sampleRate, notes, ons, hold, s * 13 + 9, keep);
      // held-out-58: a single loud breath before a phrase on a take where it lies in the take's clean section
      if (spec.loudBreath && take !== null) loudBreathPart(dry, set, take, notes, spec.loudBreath, s * 37 + 29);
      addBursts(dry, take, false);
    });
    addBursts(y, take, true);
    // held-out-58: the click track's bleed at the mic (songs only)
    const click =
      spec.clickBleed && take !== null && !speech
        ? clickBleedOf(set, spec.clickBleed, take, y.length, s * 41 + 3)
        : undefined;
    if (click) for (let i = 0; i < y.length; i++) y[i]! += click[i]!;
    return y;
  };
  const takes = spec.recording
    ? set.takes.map((x, k) => part(x, k, spec.recording!, seed * 8311 + k * 617 + 23))
    : set.takes;
  const guide = spec.guideRecording ? part(set.guide, null, spec.guideRecording, seed * 5903 + 127) : set.guide;
  return { ...set, takes, guide, defects };
}

/** Each take's own chain (Recording.chain; held-out-52): its steady floor added after the rooms and the latency. */
export function chainTakes(set: TakeSet, spec: RecordingSpec, seed: number): TakeSet {
  const c = spec.recording?.chain;
  if (!c) return set;
  const fs = set.sampleRate;
  const mains = mulberry32(seed * 3301 + 7)() < 0.5 ? 50 : 60;
  const takes = set.takes.map((t, k) => {
    const r = mulberry32(seed * 4421 + k * 97 + 3);
    const gauss = gaussOf(mulberry32(seed * 4423 + k * 89 + 5));
    const between = ([a, b]: readonly [number, number]) => a + (b - a) * r();
    const n = t.length;
    const out = Float64Array.from(t);
    const add = (x: Float64Array, db: number) => {
      let e = 0;
      for (let i = 0; i < n; i++) e += x[i]! ** 2;
      const g = 10 ** (db / 20) / Math.sqrt(e / n || 1);
      for (let i = 0; i < n; i++) out[i]! += g * x[i]!;
    };
    add(
      Float64Array.from({ length: n }, () => gauss()),
      between(c.hissDb),
    );
    const [hasHum, hasFan, hasPre] = [r() < 0.65, r() < 0.65, r() < 0.65];
    const [humDb, fanDb, preDb] = [between(c.humDb), between(c.fanDb), between(c.preampDb)];
    if (hasHum) {
      const amps = [1, ...[0, 0, 0, 0].map(() => 0.1 + 0.6 * r())];
      const phases = amps.map(() => 2 * Math.PI * r());
      const w = (2 * Math.PI * mains) / fs;
      const h = Float64Array.from({ length: n }, (_, i) =>
        amps.reduce((s, a, j) => s + a * Math.sin(w * (j + 1) * i + phases[j]!), 0),
      );
      add(h, humDb);
    }
    if (hasFan) {
      const [lp, sway, ph] = [Math.exp((-2 * Math.PI * between([250, 600])) / fs), between([0.2, 0.7]), 6.3 * r()];
      let [a, b] = [0, 0];
      const f = Float64Array.from({ length: n }, (_, i) => {
        a = (1 - lp) * gauss() + lp * a;
        b = (1 - lp) * a + lp * b;
        return b * 10 ** ((1.5 * Math.sin((2 * Math.PI * sway * i) / fs + ph)) / 20);
      });
      add(f, fanDb);
    }
    if (hasPre) {
      let [b0, b1, b2] = [0, 0, 0];
      const pk = Float64Array.from({ length: n }, () => {
        const w = gauss();
        b0 = 0.99765 * b0 + w * 0.099046;
        b1 = 0.963 * b1 + w * 0.2965164;
        b2 = 0.57 * b2 + w * 1.0526913;
        return b0 + b1 + b2 + w * 0.1848;
      });
      add(pk, preDb);
    }
    return out;
  });
  return { ...set, takes };
}

/**
 * held-out-53's model (a seventh performer model, made apart from 47's to 52's): **a phrase's dynamics**. Each phrase
 * (a section's notes; a sentence) a hairpin: from `swellDb` under (drawn per phrase) it swells as (1 − u/p)² to its
 * peak at `peakAt` p of the phrase (u its share of the phrase's span, first onset to last offset) and falls back as
 * ((u − p)/(1 − p))² to 0.7 of that at its end, the phrase's tail after it held there; and the performer sways on the
 * mic: a gain `swayDb` · (½ + ½ sin(2π f t + φ)) under, f in `swayHz` and φ drawn per take. No gain over 0 dB; a
 * take's clipped and burst sections spared (50 ms ramps; the defect's size kept). Applied to the dry take before its
 * recording (recordTakes: articulation, breaths, room), the guide's by its person likewise (`guideDynamics`).
 */
export interface Dynamics {
  swellDb: readonly [number, number];
  peakAt: readonly [number, number];
  swayDb: readonly [number, number];
  swayHz: readonly [number, number];
}

/** One take (or the guide) of held-out-53 played with its performer's dynamics (Dynamics). */
export function dynamicsPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  d: Dynamics,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([a, b]: readonly [number, number]) => a + (b - a) * r();
  const db = new Float64Array(n);
  const phrases = [...new Set(notes.map((m) => m.phrase))];
  phrases.forEach((q, j) => {
    const mine = notes.filter((m) => m.phrase === q);
    const [a, b] = [mine[0]!.on, Math.max(...mine.map((m) => m.off))];
    const nextOn = notes.find((m) => m.phrase === phrases[j + 1])?.on ?? n / fs;
    const [swell, p] = [between(d.swellDb), between(d.peakAt)];
    for (let i = Math.max(0, Math.floor(a * fs)); i < Math.min(n, nextOn * fs); i++) {
      const u = Math.min(1, (i / fs - a) / (b - a || 1));
      db[i] = u < p ? -swell * (1 - u / p) ** 2 : -0.7 * swell * ((u - p) / (1 - p)) ** 2;
    }
  });
  const [depth, f, phi] = [between(d.swayDb), between(d.swayHz), 2 * Math.PI * r()];
  const ramp = 0.05 * fs;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let free = 1;
    for (const sec of keep) {
      const [s0, s1] = [sec.startSeconds * fs, sec.endSeconds * fs];
      if (i > s0 - ramp && i < s1 + ramp) free = Math.min(free, Math.max(0, (s0 - i) / ramp, (i - s1) / ramp));
    }
    const g = db[i]! - depth * (0.5 + 0.5 * Math.sin((2 * Math.PI * f * i) / fs + phi));
    y[i] = x[i]! * (1 - free * (1 - 10 ** (g / 20)));
  }
  return y;
}

/**
 * held-out-54's performer model (an eighth, made apart from 47's to 53's): **a performer's breathing**. Before every
 * phrase an inhale of the performer's habit — through the mouth (noise through three resonances of an open vocal
 * tract, 480–850, 1100–1900 and 2300–3100 Hz, bandwidths 180–420 Hz, weights 1, 0.6, 0.35, over a one-pole high-pass
 * at 250 Hz) or through the nose (two resonances 1.8–2.8 and 3.2–4.6 kHz over a high-pass at 1.2 kHz), the mouth in a
 * share of the phrases drawn per take in `mouthShare` — `inhaleSeconds` long, rising over its first 55–75 % (sin²),
 * easing 30 % to its end and stopping within 15–30 ms as the glottis closes, with a flutter of ±20 % at 9–22 Hz, ending
 * `gapSeconds` before the phrase, `inhaleDb` under the phrase's RMS; after a share `exhaleShare` of the phrases a
 * released breath (noise through two one-pole low-passes at 1.4–2.6 kHz, 0.18–0.4 s, a 30 ms rise and a (1 − u)² fall)
 * `exhaleDb` under the phrase, from 40–160 ms after its last note. Every take alike, the clean one too (a breath is
 * no defect), never masked by a take's defects (a breath adds; it changes no defect's size). Applied after the
 * articulation and before the room (recordPart), so the room's tail follows each phrase and each breath. Sizes
 * **chosen** (common practice for close-miked voices and winds, no measurement behind them).
 */
export interface Breathing {
  mouthShare: readonly [number, number];
  inhaleSeconds: readonly [number, number];
  gapSeconds: readonly [number, number];
  inhaleDb: readonly [number, number];
  exhaleShare: number;
  exhaleDb: readonly [number, number];
}

/** A two-pole resonance (centre `hz`, bandwidth `bw` Hz) of x, in place into a new array. */
function resonance54(x: Float64Array, fs: number, hz: number, bw: number): Float64Array {
  const rr = Math.exp((-Math.PI * bw) / fs);
  const [a1, a2] = [-2 * rr * Math.cos((2 * Math.PI * hz) / fs), rr * rr];
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++)
    y[i] = (1 - rr) * x[i]! - a1 * (i > 0 ? y[i - 1]! : 0) - a2 * (i > 1 ? y[i - 2]! : 0);
  return y;
}
/** One-pole high-pass (`hp` true) or low-pass of x at `hz`. */
function onePole54(x: Float64Array, fs: number, hz: number, hp: boolean): Float64Array {
  const a = Math.exp((-2 * Math.PI * hz) / fs);
  let low = 0;
  return Float64Array.from(x, (v) => {
    low = (1 - a) * v + a * low;
    return hp ? v - low : low;
  });
}
const rmsOf54 = (x: Float64Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / (x.length || 1));

/** A take (or the guide) of held-out-54 breathing (Breathing): inhales before its phrases, some exhales after. */
export function breathePart(
  y: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  b: Breathing,
  seed: number,
): void {
  const n = y.length;
  const r = mulberry32(seed);
  const gauss = gaussOf(mulberry32(seed * 13 + 7));
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const mouth = between(b.mouthShare);
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  const add = (at: number, x: Float64Array, level: number) => {
    const k = level / (rmsOf54(x) || 1);
    for (let i = 0; i < x.length; i++) if (at + i >= 0 && at + i < n) y[at + i]! += k * x[i]!;
  };
  for (const q of [...new Set(notes.map((m) => m.phrase))]) {
    const mine = notes.filter((m) => m.phrase === q);
    let [e, c] = [0, 0];
    for (const m of mine) for (let i = Math.round(m.on * fs); i < Math.min(n, m.off * fs); i++, c++) e += y[i]! ** 2;
    const phrase = c ? Math.sqrt(e / c) : 0;
    // the inhale (every draw made whether or not it is placed: a phrase's draws never move another's)
    const len = Math.round(between(b.inhaleSeconds) * fs);
    const to = Math.round((mine[0]!.on - between(b.gapSeconds)) * fs);
    const level = phrase * 10 ** (-between(b.inhaleDb) / 20);
    const [peak, stop, flutter, ph] = [between([0.55, 0.75]), between([0.015, 0.03]) * fs, between([9, 22]), 6.3 * r()];
    const byMouth = r() < mouth;
    const [f1, f2, f3] = [between([480, 850]), between([1100, 1900]), between([2300, 3100])];
    const [w1, w2, w3] = [between([180, 420]), between([180, 420]), between([180, 420])];
    const [n1, n2] = [between([1800, 2800]), between([3200, 4600])];
    if (len > 0 && to - len >= 0 && level > 0) {
      const src = noise(len);
      let x: Float64Array;
      if (byMouth) {
        const hp = onePole54(src, fs, 250, true);
        const [a, bb, cc] = [resonance54(hp, fs, f1, w1), resonance54(hp, fs, f2, w2), resonance54(hp, fs, f3, w3)];
        const [ka, kb, kc] = [1 / (rmsOf54(a) || 1), 0.6 / (rmsOf54(bb) || 1), 0.35 / (rmsOf54(cc) || 1)];
        x = Float64Array.from(a, (v, i) => ka * v + kb * bb[i]! + kc * cc[i]!);
      } else {
        const hp = onePole54(src, fs, 1200, true);
        const [a, bb] = [resonance54(hp, fs, n1, 350), resonance54(hp, fs, n2, 500)];
        const [ka, kb] = [1 / (rmsOf54(a) || 1), 0.7 / (rmsOf54(bb) || 1)];
        x = Float64Array.from(a, (v, i) => ka * v + kb * bb[i]!);
      }
      for (let i = 0; i < len; i++) {
        const u = i / len;
        const env = u < peak ? Math.sin(((Math.PI / 2) * u) / peak) ** 2 : 1 - (0.3 * (u - peak)) / (1 - peak);
        const end = Math.min(1, (len - i) / stop);
        x[i] = x[i]! * env * end * (1 + 0.2 * Math.sin((2 * Math.PI * flutter * i) / fs + ph));
      }
      add(to - len, x, level);
    }
    // the exhale after the phrase
    const out = r() < b.exhaleShare;
    const [elen, from, edb, lp] = [
      Math.round(between([0.18, 0.4]) * fs),
      Math.round((Math.max(...mine.map((m) => m.off)) + between([0.04, 0.16])) * fs),
      between(b.exhaleDb),
      between([1400, 2600]),
    ];
    if (out && phrase > 0 && from + elen < n) {
      const x = onePole54(onePole54(noise(elen), fs, lp, false), fs, lp, false);
      const rise = 0.03 * fs;
      for (let i = 0; i < elen; i++) x[i] = x[i]! * Math.min(1, i / rise) * (1 - i / elen) ** 2;
      add(from, x, phrase * 10 ** (-edb / 20));
    }
  }
}

/**
 * held-out-55's performer model (a ninth, made apart from 47's to 54's): **a performer's tone colour**. Each phrase
 * its own brightness — the part's upper partials (a one-pole high-pass at `cornerHz`, drawn per take) added back at
 * a gain drawn per phrase in `phraseGain` (−0.3 darker … +0.45 brighter) — and each note's attack brighter than its
 * sustain (a further `attackGain` on the upper partials, decaying over `attackSeconds`), the phrase's gain reached
 * over 60 ms from the previous one; the part then scaled so each phrase keeps its own RMS (a colour, not a level: no
 * level defect's size moved). Every take alike, the clean one too; a take's clipped and noise-burst sections spared
 * (50 ms ramps; the defect's size kept). Applied to the dry part before the articulation, breaths and room
 * (recordTakes). Sizes **chosen** (a singer's or player's brightening with effort, no measurement behind them).
 */
export interface Colour {
  cornerHz: readonly [number, number];
  phraseGain: readonly [number, number];
  attackGain: readonly [number, number];
  attackSeconds: readonly [number, number];
}
/** A take (or the guide) of held-out-55 played with its performer's tone colour (Colour). */
export function colourPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  c: Colour,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const high = onePole54(x, fs, between(c.cornerHz), true);
  const [attack, tau] = [between(c.attackGain), between(c.attackSeconds) * fs];
  const phrases = [...new Set(notes.map((m) => m.phrase))];
  const gains = new Map(phrases.map((q) => [q, between(c.phraseGain)]));
  // the gain on the upper partials, sample by sample: the phrase's (60 ms glide) plus each note's attack
  const g = new Float64Array(n);
  const glide = 0.06 * fs;
  let prev = 0;
  notes.forEach((m, k) => {
    const target = gains.get(m.phrase)!;
    const from = Math.max(0, Math.round(m.on * fs));
    const next = notes[k + 1];
    const to = Math.min(n, next ? Math.round(next.on * fs) : n);
    for (let i = from; i < to; i++) {
      const u = Math.min(1, (i - from) / glide);
      g[i] =
        (m === notes[0] || notes[k - 1]!.phrase !== m.phrase ? prev + (target - prev) * u : target) +
        attack * Math.exp(-(i - from) / tau);
    }
    prev = target;
  });
  const ramp = 0.05 * fs;
  const free = Float64Array.from({ length: n }, () => 1);
  for (const sec of keep) {
    const [a, b] = [sec.startSeconds * fs, sec.endSeconds * fs];
    for (let i = Math.max(0, Math.floor(a - ramp)); i < Math.min(n, Math.ceil(b + ramp)); i++)
      free[i] = Math.min(free[i]!, Math.max(0, (a - i) / ramp, (i - b) / ramp));
  }
  const y = Float64Array.from(x, (v, i) => v + free[i]! * g[i]! * high[i]!);
  // each phrase keeps its RMS (over its notes' span, to the next phrase's first onset)
  phrases.forEach((q, k) => {
    const mine = notes.filter((m) => m.phrase === q);
    const nextQ = phrases[k + 1];
    const a = Math.max(0, Math.round(mine[0]!.on * fs));
    const nextOn = nextQ === undefined ? n : notes.find((m) => m.phrase === nextQ)!.on * fs;
    const b = Math.min(n, Math.round(nextOn));
    let [ex, ey] = [0, 0];
    for (let i = a; i < b; i++) ((ex += x[i]! ** 2), (ey += y[i]! ** 2));
    const k2 = ey > 0 ? Math.sqrt(ex / ey) : 1;
    for (let i = a; i < b; i++) y[i] = x[i]! + (y[i]! * k2 - x[i]!) * free[i]!;
  });
  return y;
}

/**
 * held-out-56's performer model (a tenth, made apart from 47's to 55's): **a performer's onsets and releases**. Each
 * phrase's first note is entered either aspirated — a breathy onset (a wind's air before the tone speaks): noise
 * through a one-pole high-pass at 500 Hz and a low-pass at 3.5–6 kHz from `aspirateSeconds` before the onset to 40 ms
 * into the note (a sin² rise, a linear fall), `aspirateDb` under the phrase's RMS (over the lead-in), the voice itself
 * faded in from 0.15 over `fadeSeconds` (sin²) — or hard — a glottal stop's or a tongue's attack: 1–3 pulses 5–9 ms
 * apart, the last 5–9 ms before the onset, each a 1–3 ms noise impulse through a resonance at 0.4–1.2 kHz (250 Hz wide)
 * decaying over 4 ms, `clickDb` under the phrase's RMS (their own RMS), and the note's first 15–35 ms up to
 * `overshootDb` over (falling linearly; lowered where it would take the part over 0.97) —, aspirated in a share of the
 * phrases drawn per take in `aspirateShare`. Each phrase's last note is let go either in creak — vocal fry (a bow's
 * crunch, a reed's rattle): over its sounding end's last `frySeconds` (at most 40 % of the held note) the part chopped
 * by an irregular pulse train at `fryHz` (periods ±20 %, each pulse decaying over 2.5 ms), the chop's depth rising as
 * u² to 0.85 — or on an aspirated release: a noise puff (high-pass 500 Hz, low-pass 2–4 kHz) from 10 ms before the
 * sounding end, `releaseSeconds` long, a 10 ms rise and a (1 − u)² fall, `releaseDb` under the phrase — creak in a
 * share drawn per take in `fryShare`. The sounding end is the articulation's (recordPart: the note held for `hold` of
 * its length and let go over 30 ms). Every take alike, the clean one too; every draw made whether or not it is placed
 * (a phrase's draws never move another's); a take's clipped and noise-burst sections spared (50 ms ramps; the defect's
 * size kept). Applied to the articulated, breathing part before the room (recordTakes), so the room's tail follows each
 * onset and release. Sizes **chosen** (common singing and wind practice, no measurement behind them).
 */
export interface Onsets {
  aspirateShare: readonly [number, number];
  aspirateSeconds: readonly [number, number];
  aspirateDb: readonly [number, number];
  fadeSeconds: readonly [number, number];
  clickDb: readonly [number, number];
  overshootDb: readonly [number, number];
  fryShare: readonly [number, number];
  frySeconds: readonly [number, number];
  fryHz: readonly [number, number];
  releaseDb: readonly [number, number];
  releaseSeconds: readonly [number, number];
}
/** A take (or the guide) of held-out-56 entered and let go by its performer (Onsets), in place. */
export function onsetPart(
  y: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  o: Onsets,
  hold: number,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): void {
  const n = y.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const [aspShare, fryShare] = [between(o.aspirateShare), between(o.fryShare)];
  const ramp = 0.05 * fs;
  const free = Float64Array.from({ length: n }, () => 1);
  for (const sec of keep) {
    const [a, b] = [sec.startSeconds * fs, sec.endSeconds * fs];
    for (let i = Math.max(0, Math.floor(a - ramp)); i < Math.min(n, Math.ceil(b + ramp)); i++)
      free[i] = Math.min(free[i]!, Math.max(0, (a - i) / ramp, (i - b) / ramp));
  }
  const gain = Float64Array.from({ length: n }, () => 1);
  const add = new Float64Array(n);
  const put = (at: number, x: Float64Array, k: number) => {
    for (let i = 0; i < x.length; i++) if (at + i >= 0 && at + i < n) add[at + i]! += k * x[i]!;
  };
  const phrases = [...new Set(notes.map((m) => m.phrase))];
  for (const q of phrases) {
    const mine = notes.filter((m) => m.phrase === q);
    const [first, last] = [mine[0]!, mine.at(-1)!];
    let [e, c] = [0, 0];
    for (const m of mine)
      for (let i = Math.max(0, Math.round(m.on * fs)); i < Math.min(n, m.off * fs); i++, c++) e += y[i]! ** 2;
    const phrase = c ? Math.sqrt(e / c) : 0;
    // every draw made whether or not it is placed
    const aspirated = r() < aspShare;
    const [lead, aDb, fade, lp] = [
      between(o.aspirateSeconds),
      between(o.aspirateDb),
      between(o.fadeSeconds),
      between([3500, 6000]),
    ];
    const [pulses, gap, cDb, res, over, overLen] = [
      1 + Math.floor(r() * 3),
      between([0.005, 0.009]),
      between(o.clickDb),
      between([400, 1200]),
      between(o.overshootDb),
      between([0.015, 0.035]),
    ];
    const creak = r() < fryShare;
    const [fLen, fHz, rDb, rLen, rLp] = [
      between(o.frySeconds),
      between(o.fryHz),
      between(o.releaseDb),
      between(o.releaseSeconds),
      between([2000, 4000]),
    ];
    if (phrase === 0) continue;
    const gauss = gaussOf(mulberry32(seed * 31 + q * 13 + 7));
    const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
    const shape = mulberry32(seed * 37 + q * 11 + 3);
    const on = Math.round(first.on * fs);
    if (aspirated) {
      const [a, b] = [Math.round(lead * fs), Math.round(0.04 * fs)];
      const x = onePole54(onePole54(noise(a + b), fs, 500, true), fs, lp, false);
      for (let i = 0; i < a + b; i++) x[i] = x[i]! * (i < a ? Math.sin(((Math.PI / 2) * i) / a) ** 2 : 1 - (i - a) / b);
      put(on - a, x, (phrase * 10 ** (-aDb / 20)) / (rmsOf54(x.subarray(0, a)) || 1));
      const f = Math.round(fade * fs);
      for (let i = 0; i < f && on + i < n; i++)
        if (on + i >= 0) gain[on + i] = 0.15 + 0.85 * Math.sin(((Math.PI / 2) * i) / f) ** 2;
    } else {
      const step = Math.round(gap * fs);
      const x = new Float64Array(pulses * step + Math.round(0.02 * fs));
      for (let p = 0; p < pulses; p++) {
        const w = Math.max(1, Math.round((0.001 + 0.002 * shape()) * fs));
        const imp = Float64Array.from({ length: Math.round(0.02 * fs) }, (_, i) => (i < w ? gauss() * (1 - i / w) : 0));
        const z = resonance54(imp, fs, res, 250);
        for (let i = 0; i < z.length; i++) x[p * step + i]! += z[i]! * Math.exp(-i / (0.004 * fs));
      }
      put(on - pulses * step, x, (phrase * 10 ** (-cDb / 20)) / (rmsOf54(x) || 1));
      const len = Math.round(overLen * fs);
      let peak = 0;
      for (let i = 0; i < len && on + i < n; i++) if (on + i >= 0) peak = Math.max(peak, Math.abs(y[on + i]!));
      const top = peak > 0 ? Math.min(over, 20 * Math.log10(0.97 / peak)) : over;
      for (let i = 0; i < len && on + i < n; i++)
        if (on + i >= 0) gain[on + i] = 10 ** ((Math.max(0, top) * (1 - i / len)) / 20);
    }
    // the sounding end: the articulation's cut and its 30 ms let-go
    const held = (last.off - last.on) * hold;
    const end = Math.round((last.on + held + 0.03) * fs);
    if (creak) {
      const len = Math.round(Math.min(fLen, 0.4 * held) * fs);
      const from = end - len;
      let [tp, next] = [0, 0];
      for (let i = 0; i < len; i++) {
        if (i >= next) [tp, next] = [i, i + (fs / fHz) * (0.8 + 0.4 * shape())];
        const pulse = Math.exp(-(i - tp) / (0.0025 * fs));
        const depth = 0.85 * (i / len) ** 2;
        if (from + i >= 0 && from + i < n) gain[from + i] = gain[from + i]! * (1 - depth * (1 - pulse));
      }
    } else {
      const len = Math.round(rLen * fs);
      const x = onePole54(onePole54(noise(len), fs, 500, true), fs, rLp, false);
      for (let i = 0; i < len; i++) x[i] = x[i]! * Math.min(1, i / (0.01 * fs)) * (1 - i / len) ** 2;
      put(end - Math.round(0.01 * fs), x, (phrase * 10 ** (-rDb / 20)) / (rmsOf54(x) || 1));
    }
  }
  for (let i = 0; i < n; i++) y[i] = y[i]! * (1 - free[i]! * (1 - gain[i]!)) + free[i]! * add[i]!;
}

/**
 * held-out-57's performer model (an eleventh, made apart from 47's to 56's): **a singer who scoops into notes**. A
 * scooped note starts `cents` flat (drawn per note) and glides up to its pitch over `seconds` (the offset falling as
 * (1 − u)²), then overshoots a little and settles: over `recover` × the glide the pitch rises over it by a sine arch
 * sized so the part's reading catches up exactly (the overshoot's peak about 0.2–0.3 of the scoop's depth), so no
 * onset and no later sample moves; glide and settle at most 60 % of the note. The phrase's first note scooped in a
 * share drawn per take in `firstShare`, the others in `otherShare`. The pitch moved by reading the part at a varying
 * rate (Catmull–Rom) from the note's onset on. Every take alike, the clean one too; every draw made whether or not it
 * is placed; a take's clipped and noise-burst sections spared (50 ms ramps; the defect's size kept). Applied to the
 * dry part before its dynamics, articulation, breaths and room (recordTakes). Sizes **chosen** (a pop or gospel
 * singer's scoop, common practice, no measurement behind them).
 */
export interface Scoops {
  firstShare: readonly [number, number];
  otherShare: readonly [number, number];
  cents: readonly [number, number];
  seconds: readonly [number, number];
  recover: readonly [number, number];
}
/** A take (or the guide) of held-out-57 scooped into by its singer (Scoops); a new part. */
export function scoopPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  s: Scoops,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const [firstShare, otherShare] = [between(s.firstShare), between(s.otherShare)];
  const ramp = 0.05 * fs;
  const free = Float64Array.from({ length: n }, () => 1);
  for (const sec of keep) {
    const [a, b] = [sec.startSeconds * fs, sec.endSeconds * fs];
    for (let i = Math.max(0, Math.floor(a - ramp)); i < Math.min(n, Math.ceil(b + ramp)); i++)
      free[i] = Math.min(free[i]!, Math.max(0, (a - i) / ramp, (i - b) / ramp));
  }
  const y = Float64Array.from(x);
  notes.forEach((m, k) => {
    const first = k === 0 || notes[k - 1]!.phrase !== m.phrase;
    // every draw made whether or not it is placed
    const [u, depth, glide, settle] = [r(), between(s.cents), between(s.seconds), between(s.recover)];
    if (u >= (first ? firstShare : otherShare)) return;
    const on = Math.round(m.on * fs);
    const room = 0.6 * (m.off - m.on) * fs;
    const fit = Math.min(1, room / (glide * fs * (1 + settle)));
    const L = Math.max(1, Math.floor(glide * fs * fit));
    const M = Math.max(1, Math.floor(glide * fs * settle * fit));
    if (on < 0 || on + L + M + 3 >= n) return;
    const rate = new Float64Array(L + M);
    let lag = 0;
    for (let i = 0; i < L; i++) {
      rate[i] = 2 ** ((-depth * (1 - i / L) ** 2) / 1200);
      lag += 1 - rate[i]!;
    }
    // the overshoot's arch sized so the reading catches up (two refinements of the linear guess)
    let over = (lag * 1200 * Math.PI) / (Math.LN2 * 2 * M);
    for (let t = 0; t < 3; t++) {
      let gain = 0;
      for (let j = 0; j < M; j++) gain += 2 ** ((over * Math.sin((Math.PI * j) / M)) / 1200) - 1;
      if (gain > 0) over *= lag / gain;
    }
    for (let j = 0; j < M; j++) rate[L + j] = 2 ** ((over * Math.sin((Math.PI * j) / M)) / 1200);
    let pos = on;
    for (let i = 0; i < L + M; i++) {
      const f = free[on + i]!;
      y[on + i] = x[on + i]! + f * (catmullRom(x, pos) - x[on + i]!);
      pos += rate[i]!;
    }
  });
  return y;
}

/**
 * held-out-61's performer model (a fifteenth, made apart from 47's to 60's): **a performer who drags the first note
 * of each phrase** — a singer or player settling into a phrase behind the beat, its entry late and the rest of the
 * phrase in time. In every phrase the first note is entered late by `ms` (drawn per take) times `spread` (drawn per
 * phrase); its audio is moved whole (read from 25 ms before its onset, 6 ms crossfades: held-out-48's
 * `spliceReadings`), so no pitch changes, and the part comes back into step 25 ms before the phrase's second note, the
 * first note shortened by as much (or, a phrase of one note, in the rest after it: midway to the next phrase's entry,
 * or 0.3 s after its offset). Not 60's rush (the phrase's last notes early, its entry kept), nor 49's rubato (an arch
 * inside the phrase, its ends in place), nor 51's guide person (every note off by a random draw), nor 47's–59's
 * others. Every take alike, the clean one too; a phrase touching a take's clipped or noise-burst section spared (the
 * defect's size kept). Applied to the dry part first (recordTakes); the moved notes go to every part after it. Song
 * takes only (a spec's `drag`; the guide's person steady). Sizes **chosen** (common practice, no measurement).
 */
export interface Drag {
  ms: readonly [number, number];
  spread: readonly [number, number];
}
/** A take of held-out-61 with its performer dragging each phrase's first note (Drag): the part and its moved notes. */
export function dragPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  g: Drag,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; notes: { on: number; off: number; pitch: number; phrase: number }[] } {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const most = between(g.ms) / 1000;
  const [lead, xf] = [Math.round(0.025 * fs), Math.round(0.006 * fs)];
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const moved = notes.map((m) => ({ ...m }));
  const starts: { at: number; src: number; cents: () => number }[] = [{ at: 0, src: 0, cents: () => 0 }];
  const phrases = [...new Set(notes.map((m) => m.phrase))];
  phrases.forEach((q, j) => {
    const late = most * between(g.spread);
    const mine = notes
      .map((m, k) => ({ m, k }))
      .filter(({ m }) => m.phrase === q)
      .sort((a, b) => a.m.on - b.m.on);
    if (mine.some(({ m }) => kept(m.on) || kept(m.off))) return;
    const { m: first, k } = mine[0]!;
    const second = mine[1]?.m;
    const nextOn = notes.filter((m) => m.phrase === phrases[j + 1]).reduce((a, m) => Math.min(a, m.on), Infinity);
    const back = second
      ? Math.round(second.on * fs) - lead
      : Math.round(
          Number.isFinite(nextOn) ? Math.min((first.off + nextOn) / 2, nextOn - 0.05) * fs : (first.off + 0.3) * fs,
        );
    const src = Math.round(first.on * fs) - lead;
    const at = src + Math.round(late * fs);
    const lastAt = starts[starts.length - 1]!.at;
    if (src < lastAt + 3 * xf || back < at + 3 * xf) return;
    starts.push({ at, src, cents: () => 0 });
    if (back < n) starts.push({ at: back, src: back, cents: () => 0 });
    const shift = (at - src) / fs;
    moved[k]!.on = first.on + shift;
    moved[k]!.off = first.off * fs >= back ? first.off : Math.min(first.off + shift, back / fs);
  });
  const y = starts.length > 1 ? (spliceReadings(x, starts, xf) as Float64Array<ArrayBuffer>) : Float64Array.from(x);
  return { y, notes: moved };
}

/**
 * held-out-62's performer model (a sixteenth, made apart from 47's to 61's): **a performer who ornaments notes with
 * cuts** — a folk fiddler's, piper's or singer's grace note: the note's first moment flicked up to a higher pitch and
 * back. On a share `share` of the notes of `minSeconds` or longer (drawn per take; each note's draw its own), the
 * note's first `ms` (drawn per cut) is read `cents` higher (drawn per cut) from its onset on, 3 ms crossfades at both
 * ends (held-out-48's `spliceReadings`), then the note is read in step again, so no onset moves and nothing after the
 * grace changes. Not 57's scoops (from below, a glide), nor 58's widening vibrato, nor 50's portamento, nor 47's–61's
 * others. Every take alike, the clean one too; every draw made whether or not it is placed; a note touching a take's
 * clipped or noise-burst section spared (the defect's size kept). Applied to the dry part first (recordTakes), before
 * every other trait. Song takes only (a spec's `cuts`; the guide's person plain). Sizes **chosen** (common practice
 * in Irish and Scottish playing, no measurement behind them).
 */
export interface Cuts {
  share: readonly [number, number];
  cents: readonly [number, number];
  ms: readonly [number, number];
  minSeconds: number;
}
/** A take of held-out-62 with its performer's cuts (Cuts): a new part, and where each grace lies (s, cents). */
export function cutPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  c: Cuts,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; cuts: { on: number; off: number; cents: number }[] } {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const share = between(c.share);
  const xf = Math.round(0.003 * fs);
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const starts: { at: number; src: number; cents: () => number }[] = [{ at: 0, src: 0, cents: () => 0 }];
  const cuts: { on: number; off: number; cents: number }[] = [];
  for (const m of [...notes].sort((a, b) => a.on - b.on)) {
    // every draw made whether or not it is placed
    const [u, up, len] = [r(), between(c.cents), between(c.ms) / 1000];
    if (u >= share || m.off - m.on < c.minSeconds || kept(m.on) || kept(m.off)) continue;
    const [at, back] = [Math.round(m.on * fs), Math.round((m.on + len) * fs)];
    if (at - xf < 0 || back + xf >= n || at < starts[starts.length - 1]!.at + 3 * xf) continue;
    starts.push({ at, src: at, cents: () => up }, { at: back, src: back, cents: () => 0 });
    cuts.push({ on: at / fs, off: back / fs, cents: up });
  }
  const y = starts.length > 1 ? (spliceReadings(x, starts, xf) as Float64Array<ArrayBuffer>) : Float64Array.from(x);
  return { y, cuts };
}

/**
 * held-out-63's performer model (a seventeenth, made apart from 47's to 62's): **a performer whose long notes droop
 * flat and are corrected** — a singer or player whose support sags on a held note and whose ear pulls it back up
 * before the note ends. On a share `share` of the notes of `minSeconds` or longer (drawn per take; each note's draw its
 * own), from `onsetS` into the note (drawn per note) the pitch sinks by a line to `cents` flat (drawn per note),
 * reached `correctMs` (drawn per note) + 30 ms before the note's end, then comes back in tune over `correctMs` (a
 * raised cosine) and holds in tune for the last 30 ms; the note is read at that varying rate (held-out-48's
 * `spliceReadings`, 5 ms crossfades) and back in step at its end, so no onset moves and nothing outside the note
 * changes. A note whose drift would last under 0.15 s is left. Not 50's intonation sag (a phrase's pitch sinking to its
 * end, never corrected), nor 58's widening vibrato, nor 57's scoops, nor 62's cuts, nor 47's–61's others. Every take
 * alike, the clean one too; every draw made whether or not it is placed; a note touching a take's clipped or
 * noise-burst section spared (the defect's size kept). Applied to the dry part after 62's cuts (none in its set) and
 * before every other trait. Song takes only (a spec's `droop`; the guide's person steady). Sizes **chosen** (no
 * measurement behind them).
 */
export interface Droop {
  share: readonly [number, number];
  cents: readonly [number, number];
  onsetS: readonly [number, number];
  correctMs: readonly [number, number];
  minSeconds: number;
}
/** A take of held-out-63 with its performer's drooping notes (Droop): a new part, and each droop (s, cents flat). */
export function droopPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  d: Droop,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; droops: { from: number; low: number; to: number; cents: number }[] } {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const share = between(d.share);
  const xf = Math.round(0.005 * fs);
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const starts: { at: number; src: number; cents: (i: number) => number }[] = [{ at: 0, src: 0, cents: () => 0 }];
  const droops: { from: number; low: number; to: number; cents: number }[] = [];
  for (const m of [...notes].sort((a, b) => a.on - b.on)) {
    // every draw made whether or not it is placed
    const [u, depth, lead, fix] = [r(), between(d.cents), between(d.onsetS), between(d.correctMs) / 1000];
    if (u >= share || m.off - m.on < d.minSeconds || kept(m.on) || kept(m.off)) continue;
    const [from, low, to] = [m.on + lead, m.off - 0.03 - fix, m.off - 0.03];
    if (low - from < 0.15) continue;
    const [at, back] = [Math.round(from * fs), Math.round(m.off * fs)];
    if (at - xf < 0 || back + xf >= n || at < starts[starts.length - 1]!.at + 3 * xf) continue;
    const cents = (i: number) => {
      const t = i / fs;
      if (t < low) return (-depth * (t - from)) / (low - from);
      if (t < to) return (-depth * (1 + Math.cos((Math.PI * (t - low)) / (to - low)))) / 2;
      return 0;
    };
    starts.push({ at, src: at, cents }, { at: back, src: back, cents: () => 0 });
    droops.push({ from, low, to, cents: depth });
  }
  const y = starts.length > 1 ? (spliceReadings(x, starts, xf) as Float64Array<ArrayBuffer>) : Float64Array.from(x);
  return { y, droops };
}

/**
 * held-out-64's performer model (an eighteenth, made apart from 47's to 63's): **a performer who rushes runs of short
 * notes** — a singer or player hurrying through a passage of quick notes, each arriving a little earlier than the last,
 * and settling on the note after it. A run is two or more notes in a row (by onset, one phrase) each at most `maxBeats`
 * beats long and entered at most `gapBeats` beats after the one before ends (the melody's breath gaps allowed); its
 * j-th of c notes (j from 0) is entered early by `ms` (drawn per take) × `spread` (drawn per run) × j / (c − 1), so its
 * first note is on time and its last the most early. Each rushed note's audio is moved whole (read from 25 ms before
 * its onset, 6 ms crossfades: held-out-48's `spliceReadings`), so no pitch changes; the part comes back into step 25 ms
 * + the run's rush before the next note after the run (its onset kept; the part's last rush-long stretch before it
 * heard twice, the run's last note held on that much longer), or 0.3 s after the run's end when no note follows. Not
 * 60's rush (a phrase's last notes, whatever their length), nor 61's drag (the phrase's first note late), nor 49's
 * rubato (an arch in the phrase), nor 51's guide person (every note off by a random draw), nor 47's–63's others. Every
 * take alike, the clean one too; every draw made whether or not a run is placed; a run touching a take's clipped or
 * noise-burst section spared (the defect's size kept). Applied to the dry part after 63's droop and before 61's drag
 * (recordTakes; none of those in its set); the moved notes go to every part after it. Song takes only (a spec's `runs`;
 * the guide's person steady). Sizes **chosen** (common practice, no measurement behind them).
 */
export interface RunRush {
  maxBeats: number;
  gapBeats: number;
  minRun: number;
  ms: readonly [number, number];
  spread: readonly [number, number];
}
/** A take of held-out-64 with its performer rushing runs of short notes (RunRush): the part, its notes, its runs. */
export function runRushPart(
  x: Float64Array,
  fs: number,
  beat: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  g: RunRush,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): {
  y: Float64Array;
  notes: { on: number; off: number; pitch: number; phrase: number }[];
  runs: { from: number; to: number; ms: number }[];
} {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const most = between(g.ms) / 1000;
  const [lead, xf] = [Math.round(0.025 * fs), Math.round(0.006 * fs)];
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const order = notes.map((m, k) => ({ m, k })).sort((a, b) => a.m.on - b.m.on);
  const moved = notes.map((m) => ({ ...m }));
  const starts: { at: number; src: number; cents: () => number }[] = [{ at: 0, src: 0, cents: () => 0 }];
  const runs: { from: number; to: number; ms: number }[] = [];
  const short = (i: number) => order[i]!.m.off - order[i]!.m.on <= g.maxBeats * beat + 1e-9;
  const joins = (i: number) =>
    order[i]!.m.phrase === order[i - 1]!.m.phrase && order[i]!.m.on - order[i - 1]!.m.off <= g.gapBeats * beat + 1e-9;
  let i = 0;
  while (i < order.length) {
    let j = i;
    if (short(i)) while (j + 1 < order.length && short(j + 1) && joins(j + 1)) j++;
    if (j - i + 1 < g.minRun) {
      i = j + 1;
      continue;
    }
    // every draw made whether or not the run is placed
    const e = most * between(g.spread);
    const run = order.slice(i, j + 1);
    const after = order[j + 1]?.m;
    i = j + 1;
    if (run.some(({ m }) => kept(m.on) || kept(m.off)) || (after && kept(after.on))) continue;
    const c = run.length;
    const early = run.map((_, q) => (e * q) / (c - 1));
    const ats = run.map(({ m }, q) => Math.round(m.on * fs) - lead - Math.round(early[q]! * fs));
    const back = after
      ? Math.round(after.on * fs) - lead - Math.round(e * fs)
      : Math.round((run[c - 1]!.m.off + 0.3) * fs);
    const lastAt = starts[starts.length - 1]!.at;
    const ordered = ats.every((a, q) => q === 0 || a > ats[q - 1]! + 3 * xf);
    if (!ordered || ats[1]! < lastAt + 3 * xf || back < ats[c - 1]! + 3 * xf || back >= n) continue;
    for (let q = 1; q < c; q++) starts.push({ at: ats[q]!, src: ats[q]! + Math.round(early[q]! * fs), cents: () => 0 });
    // back in step: from `back` the part read where it was
    starts.push({ at: back, src: back, cents: () => 0 });
    run.forEach(({ k }, q) => {
      const m = notes[k]!;
      const next = q + 1 < c ? notes[run[q + 1]!.k]!.on - early[q + 1]! : Infinity;
      moved[k]!.on = m.on - early[q]!;
      moved[k]!.off = q + 1 < c ? Math.min(m.off - early[q]!, next) : m.off;
    });
    runs.push({ from: run[0]!.m.on, to: run[c - 1]!.m.off, ms: e * 1000 });
  }
  const y = starts.length > 1 ? (spliceReadings(x, starts, xf) as Float64Array<ArrayBuffer>) : Float64Array.from(x);
  return { y, notes: moved, runs };
}

/**
 * held-out-65's performer model (a nineteenth, made apart from 47's to 64's): **a performer whose long notes waver in
 * level** — a singer's or player's tremolo, the breath pulsing on a held note. On a share `share` (drawn per take) of
 * the notes of `minSeconds` or longer, from `onsetS` into the note (drawn per note), the level dips by up to `db`
 * (drawn per note) at `hz` (drawn per note): the gain 10^(−db · w(t) · (1 − cos 2π hz (t − t0)) / 2 / 20), its depth
 * w rising as a raised cosine over `riseS` and falling to 0 over the 40 ms before the note's end, so the level is never
 * raised, no note moves and no pitch changes. Not 58's widening vibrato (pitch), nor 53's hairpin (one swell a
 * phrase), nor 59's register-led level, nor 47's–64's others. Every take alike, the clean one too; every draw made
 * whether or not it is placed; a note touching a take's clipped or noise-burst section spared (the defect's size
 * kept). Applied to the dry part after 60's rush and before 59's register (recordTakes; none of those in its set). Song
 * takes only (a spec's `tremolo`; the guide's person steady). Sizes **chosen** (common practice, no measurement behind
 * them).
 */
export interface Tremolo {
  share: readonly [number, number];
  minSeconds: number;
  onsetS: readonly [number, number];
  hz: readonly [number, number];
  db: readonly [number, number];
  riseS: number;
}
/** A take of held-out-65 with its performer's tremolo (Tremolo): a new part, and each wavering note (s, Hz, dB). */
export function tremoloPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number }[],
  t: Tremolo,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; shaken: { from: number; to: number; hz: number; db: number }[] } {
  const y = Float64Array.from(x);
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const share = between(t.share);
  const kept = (s: number) => keep.some((sec) => s > sec.startSeconds - 0.05 && s < sec.endSeconds + 0.05);
  const shaken: { from: number; to: number; hz: number; db: number }[] = [];
  for (const m of [...notes].sort((a, b) => a.on - b.on)) {
    // every draw made whether or not it is placed
    const [u, lead, hz, db] = [r(), between(t.onsetS), between(t.hz), between(t.db)];
    if (u >= share || m.off - m.on < t.minSeconds || kept(m.on) || kept(m.off)) continue;
    const [from, to] = [m.on + lead, m.off - 0.04];
    if (to - from < 0.1) continue;
    const [a, b] = [Math.max(0, Math.round(from * fs)), Math.min(y.length, Math.round(m.off * fs))];
    for (let i = a; i < b; i++) {
      const s = i / fs - from;
      const rise = s < t.riseS ? (1 - Math.cos((Math.PI * s) / t.riseS)) / 2 : 1;
      const fall = i / fs > to ? Math.max(0, (1 + Math.cos((Math.PI * (i / fs - to)) / 0.04)) / 2) : 1;
      const dip = (db * rise * fall * (1 - Math.cos(2 * Math.PI * hz * s))) / 2;
      y[i] = y[i]! * 10 ** (-dip / 20);
    }
    shaken.push({ from, to: m.off, hz, db });
  }
  return { y, shaken };
}

/**
 * held-out-66's performer model (a twentieth, made apart from 47's to 65's): **a performer who clips each phrase's
 * last note short** — a singer or player letting go of the phrase's close early, the last note stopped well before its
 * written end. In a share `share` (drawn per take) of the phrases whose last note lasts `minSeconds` or more, that note
 * keeps `keep` of its length (drawn per phrase), then fades out over `releaseS` (drawn per phrase, a raised cosine) and
 * stays silent until 20 ms before the next phrase's first note (the part's own release tail gone with it; at the part's
 * end, to its end). Gain only, never over 1: no note moves, no pitch changes, nothing before the cut changes. Not 52's
 * articulation `hold` (every note, a little), nor 60's rushed phrase ends (timing), nor 62's cuts (grace notes), nor
 * 47's–65's others. Every take alike, the clean one too; every draw made whether or not it is placed; a phrase whose
 * last note touches a take's clipped or noise-burst section spared (the defect's size kept). Applied to the dry part
 * after 65's tremolo and before 59's register (recordTakes; none of those in its set). Song takes only (a spec's
 * `phraseClip`; the guide's person holds every note). Sizes **chosen** (common practice, no measurement behind them).
 */
export interface PhraseClip {
  share: readonly [number, number];
  minSeconds: number;
  keep: readonly [number, number];
  releaseS: readonly [number, number];
}
/** A take of held-out-66 with its phrase ends clipped short (PhraseClip): a new part, and each cut (s, s, s). */
export function phraseClipPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  c: PhraseClip,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; clipped: { at: number; release: number; until: number }[] } {
  const y = Float64Array.from(x);
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const share = between(c.share);
  const kept = (s: number) => keep.some((sec) => s > sec.startSeconds - 0.05 && s < sec.endSeconds + 0.05);
  const clipped: { at: number; release: number; until: number }[] = [];
  const phrases = [...new Set([...notes].sort((a, b) => a.on - b.on).map((m) => m.phrase))];
  phrases.forEach((q, j) => {
    // every draw made whether or not it is placed
    const [u, part, release] = [r(), between(c.keep), between(c.releaseS)];
    const mine = notes.filter((m) => m.phrase === q).sort((a, b) => a.on - b.on);
    const last = mine[mine.length - 1];
    if (!last || u >= share || last.off - last.on < c.minSeconds || kept(last.on) || kept(last.off)) return;
    const nextOn = notes.filter((m) => m.phrase === phrases[j + 1]).reduce((a, m) => Math.min(a, m.on), Infinity);
    const at = last.on + part * (last.off - last.on);
    const until = Number.isFinite(nextOn) ? Math.max(last.off, nextOn - 0.02) : x.length / fs;
    if (keep.some((sec) => at < sec.endSeconds + 0.05 && until > sec.startSeconds - 0.05)) return;
    const [a, b] = [Math.max(0, Math.round(at * fs)), Math.min(y.length, Math.round(until * fs))];
    for (let i = a; i < b; i++) {
      const s = i / fs - at;
      y[i] = s < release ? y[i]! * ((1 + Math.cos((Math.PI * s) / release)) / 2) : 0;
    }
    clipped.push({ at, release, until });
  });
  return { y, clipped };
}

/**
 * held-out-67's performer model (a twenty-first, made apart from 47's to 66's): **a performer whose held notes drift
 * sharp as they swell** — a singer or player leaning into a long note, pushing it louder and, with the push, a little
 * sharp by its end. On a share `share` (drawn per take) of the notes lasting `minSeconds` or more, from `onsetS` into
 * the note (drawn per note) the pitch rises along a raised cosine to `cents` sharp (drawn per note) 30 ms before the
 * note's end and holds it there, while the level, from the note's start `db` under its own (drawn per note; a 10 ms
 * ramp at the onset), swells along the same curve to the note's own level by then; at the note's end the next note is
 * read in tune again (a 5 ms crossfade, held-out-63's splice). Gain only downward (never over the part), no note
 * moved; reading sharp shortens the note by under 10 ms. Not 58's widening vibrato (pitch width, not centre), nor 63's
 * droop (flat, then corrected), nor 53's phrase dynamics (level alone, whole phrases), nor 65's tremolo, nor 47's–66's
 * others. Every take alike, the clean one too; every draw made whether or not it is placed; a note touching a take's
 * clipped or noise-burst section spared (the defect's size kept). Applied to the dry part after 66's phrase clip and
 * before 59's register (recordTakes; none of those in its set). Song takes only (a spec's `swell`; the guide's person
 * holds each note steady). Sizes **chosen** (common practice, no measurement behind them).
 */
export interface SharpSwell {
  share: readonly [number, number];
  minSeconds: number;
  onsetS: readonly [number, number];
  cents: readonly [number, number];
  db: readonly [number, number];
}
/** A take of held-out-67 with its held notes drifting sharp as they swell (SharpSwell): a new part, and each swell. */
export function swellPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number }[],
  w: SharpSwell,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; swells: { on: number; from: number; top: number; off: number; cents: number; db: number }[] } {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const share = between(w.share);
  const xf = Math.round(0.005 * fs);
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const starts: { at: number; src: number; cents: (i: number) => number }[] = [{ at: 0, src: 0, cents: () => 0 }];
  const swells: { on: number; from: number; top: number; off: number; cents: number; db: number }[] = [];
  for (const m of [...notes].sort((a, b) => a.on - b.on)) {
    // every draw made whether or not it is placed
    const [u, lead, sharp, db] = [r(), between(w.onsetS), between(w.cents), between(w.db)];
    if (u >= share || m.off - m.on < w.minSeconds || kept(m.on) || kept(m.off)) continue;
    const [from, top] = [m.on + lead, m.off - 0.03];
    if (top - from < 0.2) continue;
    const [at, back] = [Math.round(from * fs), Math.round(m.off * fs)];
    if (Math.round(m.on * fs) - xf < 0 || back + xf >= n || at < starts[starts.length - 1]!.at + 3 * xf) continue;
    const cents = (i: number) => {
      const t = i / fs;
      return t < top ? (sharp * (1 - Math.cos((Math.PI * (t - from)) / (top - from)))) / 2 : sharp;
    };
    starts.push({ at, src: at, cents }, { at: back, src: back, cents: () => 0 });
    swells.push({ on: m.on, from, top, off: m.off, cents: sharp, db });
  }
  const y = starts.length > 1 ? (spliceReadings(x, starts, xf) as Float64Array<ArrayBuffer>) : Float64Array.from(x);
  for (const sw of swells) {
    const ramp = 0.01;
    const [a, b] = [Math.round(sw.on * fs), Math.min(n, Math.round(sw.off * fs))];
    for (let i = a; i < b; i++) {
      const t = i / fs;
      const rise =
        t < sw.from ? 0 : t < sw.top ? (1 - Math.cos((Math.PI * (t - sw.from)) / (sw.top - sw.from))) / 2 : 1;
      const into = t - sw.on < ramp ? (1 - Math.cos((Math.PI * (t - sw.on)) / ramp)) / 2 : 1;
      y[i] = y[i]! * 10 ** (-(sw.db * into * (1 - rise)) / 20);
    }
  }
  return { y, swells };
}

/**
 * held-out-68's performer model (a twenty-second, made apart from 47's to 67's): **a performer whose attacks are
 * aspirated** — a singer or player starting notes on a breath, an audible `h` before the tone speaks. On a share
 * `share` (drawn per take) of the notes lasting `minSeconds` or more, `seconds` (drawn per note) of breath noise
 * (band-passed between 1.1 and 5.5 kHz by one-pole filters, two each way) is added from 8 ms before the note's onset,
 * rising over 5 ms and dying away along a raised cosine, its RMS `db` (drawn per note) under the part's RMS over the
 * note's first 0.2 s. Added only: the part itself untouched, no note moved, nothing taken away. Not 57's scoops
 * (pitch), nor 54's breathing (between phrases), nor 62's cuts, nor 47's–67's others. Every take alike, the clean
 * one too; every draw made whether or not it is placed; a note touching a take's clipped or noise-burst section spared
 * (the defect's size kept); a silent note (RMS 0) spared. Applied to the dry part after 67's swell (recordTakes; not in
 * its set). Song takes only (a spec's `aspirate`; the guide's person starts plainly). Sizes **chosen** (common
 * practice, no measurement behind them).
 */
export interface Aspirate {
  share: readonly [number, number];
  minSeconds: number;
  seconds: readonly [number, number];
  db: readonly [number, number];
}
/** A take of held-out-68 with its aspirated attacks (Aspirate): a new part, and each attack's breath. */
export function aspiratePart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number }[],
  a: Aspirate,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; breaths: { on: number; from: number; seconds: number; db: number }[] } {
  const n = x.length;
  const r = mulberry32(seed);
  const gauss = gaussOf(r);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const share = between(a.share);
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const y = Float64Array.from(x);
  const breaths: { on: number; from: number; seconds: number; db: number }[] = [];
  for (const m of [...notes].sort((p, q) => p.on - q.on)) {
    // every draw made whether or not it is placed
    const [u, seconds, db] = [r(), between(a.seconds), between(a.db)];
    const len = Math.max(2, Math.round(seconds * fs));
    const src = Float64Array.from({ length: len }, () => gauss());
    if (u >= share || m.off - m.on < a.minSeconds || kept(m.on) || kept(m.off)) continue;
    const from = Math.round((m.on - 0.008) * fs);
    const [on, end] = [Math.round(m.on * fs), Math.min(n, Math.round((m.on + Math.min(0.2, m.off - m.on)) * fs))];
    if (from < 0 || from + len >= n || end <= on) continue;
    let e = 0;
    for (let i = on; i < end; i++) e += x[i]! ** 2;
    const ref = Math.sqrt(e / (end - on));
    if (ref === 0) continue;
    const band = onePole54(
      onePole54(onePole54(onePole54(src, fs, 1100, true), fs, 1100, true), fs, 5500, false),
      fs,
      5500,
      false,
    );
    const rise = Math.max(1, Math.round(0.005 * fs));
    const env = Float64Array.from(band, (_, i) =>
      i < rise ? (1 - Math.cos((Math.PI * i) / rise)) / 2 : (1 + Math.cos((Math.PI * (i - rise)) / (len - rise))) / 2,
    );
    let be = 0;
    for (let i = 0; i < len; i++) be += (band[i]! * env[i]!) ** 2;
    const scale = (ref * 10 ** (-db / 20)) / Math.sqrt(be / len || 1);
    for (let i = 0; i < len; i++) y[from + i]! += scale * band[i]! * env[i]!;
    breaths.push({ on: m.on, from: from / fs, seconds: len / fs, db });
  }
  return { y, breaths };
}

/**
 * held-out-69's performer model (a twenty-third, made apart from 47's to 68's): **a performer who sings some notes
 * through the nose** — a nasal, "honky" colour on a note: the velum lowered, a nasal murmur's resonance low in the
 * spectrum and an anti-resonance (the nasal cavity's zero) in the first formant's region. On a share `share` (drawn
 * per take) of the notes lasting `minSeconds` or more, the note's part gains a resonance at `murmurHz` (drawn per
 * take, 100 Hz wide, unit gain at its centre) and loses one at `zeroHz` (drawn per take, 250 Hz wide, unit gain at its
 * centre), each at `depth` (drawn per note) of the part; the coloured note is scaled back to the note's own RMS (a
 * colour, not a level: no level defect's size moved) and blended in over 20 ms from the onset and out over the note's
 * last 20 ms (raised cosines), so the part outside the note is exact. No note moved, no pitch changed. Not 55's tone
 * colour (a phrase's brightness, its upper partials), nor 68's aspirated attacks (noise added), nor 47's–68's others.
 * Every take alike, the clean one too; every draw made whether or not it is placed; a note touching a take's clipped
 * or noise-burst section spared (the defect's size kept); a silent note spared. Applied to the dry part after 68's
 * aspirated attacks (recordTakes; not in its set). Song takes only (a spec's `nasal`; the guide's person open).
 * Sizes **chosen** (common practice, no measurement behind them).
 */
export interface Nasal {
  share: readonly [number, number];
  minSeconds: number;
  murmurHz: readonly [number, number];
  zeroHz: readonly [number, number];
  depth: readonly [number, number];
}
/** 54's resonance at `hz` (`bw` wide) run forward and back (zero phase), scaled to unit gain at its centre. */
function unitResonance(x: Float64Array, fs: number, hz: number, bw: number): Float64Array {
  const rr = Math.exp((-Math.PI * bw) / fs);
  const w = (2 * Math.PI * hz) / fs;
  const [a1, a2] = [-2 * rr * Math.cos(w), rr * rr];
  const re = 1 + a1 * Math.cos(w) + a2 * Math.cos(2 * w);
  const im = -a1 * Math.sin(w) - a2 * Math.sin(2 * w);
  const gain = ((1 - rr) / Math.hypot(re, im)) ** 2;
  const back = resonance54(resonance54(x, fs, hz, bw).reverse(), fs, hz, bw).reverse();
  return back.map((v) => v / gain);
}
/** A take of held-out-69 with some notes sung through the nose (Nasal): a new part, and each nasal note. */
export function nasalPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number }[],
  a: Nasal,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; nasal: { on: number; off: number; depth: number }[]; murmurHz: number; zeroHz: number } {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const [share, murmurHz, zeroHz] = [between(a.share), between(a.murmurHz), between(a.zeroHz)];
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const y = Float64Array.from(x);
  const nasal: { on: number; off: number; depth: number }[] = [];
  const fade = Math.max(1, Math.round(0.02 * fs));
  for (const m of [...notes].sort((p, q) => p.on - q.on)) {
    // every draw made whether or not it is placed
    const [u, depth] = [r(), between(a.depth)];
    if (u >= share || m.off - m.on < a.minSeconds || kept(m.on) || kept(m.off)) continue;
    const [on, off] = [Math.max(0, Math.round(m.on * fs)), Math.min(n, Math.round(m.off * fs))];
    if (off - on < 2 * fade + 2) continue;
    // the filters run from 30 ms before the onset (their own settling), read from the onset
    const lead = Math.min(on, Math.round(0.03 * fs));
    const seg = x.subarray(on - lead, off);
    const [mur, zero] = [unitResonance(seg, fs, murmurHz, 100), unitResonance(seg, fs, zeroHz, 250)];
    const col = Float64Array.from({ length: off - on }, (_, i) => {
      const k = i + lead;
      return seg[k]! + depth * (mur[k]! - zero[k]!);
    });
    let [e0, e1] = [0, 0];
    for (let i = on; i < off; i++) e0 += x[i]! ** 2;
    for (const v of col) e1 += v * v;
    if (e0 === 0 || e1 === 0) continue;
    const g = Math.sqrt(e0 / e1);
    for (let i = 0; i < off - on; i++) {
      const edge = Math.min(i, off - on - 1 - i);
      const w = edge >= fade ? 1 : (1 - Math.cos((Math.PI * edge) / fade)) / 2;
      y[on + i] = x[on + i]! + w * (g * col[i]! - x[on + i]!);
    }
    nasal.push({ on: m.on, off: m.off, depth });
  }
  return { y, nasal, murmurHz, zeroHz };
}

/**
 * held-out-60's performer model (a fourteenth, made apart from 47's to 59's): **a performer who rushes the ends of
 * phrases** — a singer or player pressing on towards the phrase's close, its last notes entered early, the more so
 * the later the note. In every phrase the last `share` of its notes (drawn per take; at least one, never its first:
 * the phrase's entry kept) are entered early, the j-th of those c notes by `ms` (drawn per take) times (j / c)², so the
 * phrase's last note is `ms` early. Each rushed note's audio is moved whole (read from 25 ms before its onset, 6 ms
 * crossfades: held-out-48's `spliceReadings`), so no pitch changes and each note keeps its own length but for what
 * the next note's earlier entry cuts; the part comes back into step in the rest after the phrase (midway between the
 * phrase's last offset and the next phrase's entry, or 0.3 s after the last offset). Not 49's rubato (an arch inside
 * the phrase, its ends in place), nor 51's guide person (every note early by a random draw), nor 47's–59's others.
 * Every take alike, the clean one too; a phrase touching a take's clipped or noise-burst section spared (the defect's
 * size kept). Applied to the dry part first (recordTakes); the moved notes go to every part after it. Song takes only
 * (a spec's `rush`; the guide's person steady). Sizes **chosen** (common practice, no measurement behind them).
 */
export interface Rush {
  share: readonly [number, number];
  ms: readonly [number, number];
}
/** A take of held-out-60 with its performer rushing the ends of phrases (Rush): the part and its moved notes. */
export function rushPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  g: Rush,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): { y: Float64Array; notes: { on: number; off: number; pitch: number; phrase: number }[] } {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const [share, most] = [between(g.share), between(g.ms) / 1000];
  const [lead, xf] = [Math.round(0.025 * fs), Math.round(0.006 * fs)];
  const kept = (t: number) => keep.some((sec) => t > sec.startSeconds - 0.05 && t < sec.endSeconds + 0.05);
  const early = notes.map(() => 0);
  const starts: { at: number; src: number; cents: () => number }[] = [{ at: 0, src: 0, cents: () => 0 }];
  const phrases = [...new Set(notes.map((m) => m.phrase))];
  phrases.forEach((q, j) => {
    const mine = notes
      .map((m, k) => ({ m, k }))
      .filter(({ m }) => m.phrase === q)
      .sort((a, b) => a.m.on - b.m.on);
    const count = Math.min(mine.length - 1, Math.max(1, Math.round(share * mine.length)));
    if (count < 1 || mine.some(({ m }) => kept(m.on) || kept(m.off))) return;
    const last = mine[mine.length - 1]!.m;
    const nextOn = notes.filter((m) => m.phrase === phrases[j + 1]).reduce((a, m) => Math.min(a, m.on), Infinity);
    const back = Math.round(
      Number.isFinite(nextOn) ? Math.min((last.off + nextOn) / 2, nextOn - 0.05) * fs : (last.off + 0.3) * fs,
    );
    mine.slice(mine.length - count).forEach(({ m, k }, i) => {
      early[k] = most * ((i + 1) / count) ** 2;
      const src = Math.round(m.on * fs) - lead;
      starts.push({ at: src - Math.round(early[k]! * fs), src, cents: () => 0 });
    });
    const lastAt = starts[starts.length - 1]!.at;
    if (back < n && back > lastAt + 3 * xf) starts.push({ at: back, src: back, cents: () => 0 });
  });
  const y = starts.length > 1 ? (spliceReadings(x, starts, xf) as Float64Array<ArrayBuffer>) : Float64Array.from(x);
  return { y, notes: notes.map((m, k) => ({ ...m, on: m.on - early[k]!, off: m.off - early[k]! })) };
}

/**
 * held-out-59's performer model (a thirteenth, made apart from 47's to 58's): **a level that follows the melody's
 * register** — a singer or wind player louder on the high notes of a phrase and softer on its low ones (more breath
 * pressure up high). In every phrase each note's gain is `dbPerSemitone` (drawn per take) times its pitch's distance
 * in semitones from the phrase's mean pitch (weighted by the notes' lengths), clipped to ±`maxDb` (drawn per take), the
 * phrase's length-weighted mean gain taken out (its level kept); held from the note's onset to the next one's (the
 * phrase's last to the next phrase's first), eased by a one-pole of `glideSeconds` (drawn per take) so a change lags
 * into its note and no onset moves. Not 53's swell (a shape in time, whatever the notes) nor 47's–58's others. Every
 * take alike, the clean one too; a take's clipped and noise-burst sections spared (50 ms ramps; the defect's size
 * kept). Applied to the dry part first (recordTakes). Songs only (a spec's `register`). Sizes **chosen** (common
 * practice, no measurement behind them).
 */
export interface Register {
  dbPerSemitone: readonly [number, number];
  maxDb: readonly [number, number];
  glideSeconds: readonly [number, number];
}
/** A take (or the guide) of held-out-59 with its performer's register-led level (Register); a new part. */
export function registerPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number; pitch: number; phrase: number }[],
  g: Register,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const [slope, max, glide] = [between(g.dbPerSemitone), between(g.maxDb), between(g.glideSeconds)];
  const target = new Float64Array(n);
  const phrases = [...new Set(notes.map((m) => m.phrase))];
  phrases.forEach((q, j) => {
    const mine = notes.filter((m) => m.phrase === q).sort((a, b) => a.on - b.on);
    const w = mine.map((m) => Math.max(0, m.off - m.on));
    const total = w.reduce((s, v) => s + v, 0) || 1;
    const mean = mine.reduce((s, m, k) => s + m.pitch * w[k]!, 0) / total;
    const raw = mine.map((m) => Math.max(-max, Math.min(max, slope * (m.pitch - mean))));
    const centre = raw.reduce((s, v, k) => s + v * w[k]!, 0) / total;
    const nextOn = notes.find((m) => m.phrase === phrases[j + 1])?.on ?? n / fs;
    mine.forEach((m, k) => {
      const to = k + 1 < mine.length ? mine[k + 1]!.on : nextOn;
      for (let i = Math.max(0, Math.round(m.on * fs)); i < Math.min(n, Math.round(to * fs)); i++)
        target[i] = raw[k]! - centre;
    });
  });
  const a = Math.exp(-1 / (glide * fs));
  const ramp = 0.05 * fs;
  const y = new Float64Array(n);
  let db = 0;
  for (let i = 0; i < n; i++) {
    db = a * db + (1 - a) * target[i]!;
    let free = 1;
    for (const sec of keep) {
      const [s0, s1] = [sec.startSeconds * fs, sec.endSeconds * fs];
      if (i > s0 - ramp && i < s1 + ramp) free = Math.min(free, Math.max(0, (s0 - i) / ramp, (i - s1) / ramp));
    }
    y[i] = x[i]! * 10 ** ((free * db) / 20);
  }
  return y;
}

/**
 * held-out-58's performer model (a twelfth, made apart from 47's to 57's): **a vibrato that widens on long notes**. On
 * each note at least `minSeconds` long (drawn per take) a vibrato starts `delaySeconds` into the note (drawn per take),
 * at `hz` (drawn per take, each note ±4 % of it), `startCents` deep (drawn per take) and widening by `widenCents` a
 * second held up to `maxCents` (drawn per take): a long note ends wide, a short one narrow. Faded in over its first
 * 0.12 s and out over 0.08 s before 40 ms ahead of the note's end. The pitch moved by a varying delay D (the
 * vibrato's integral: D(τ) = fs · ln 2 / 1200 · c(τ) · sin(2π f τ) / (2π f), c the depth with its fades; Catmull–Rom)
 * that is zero at the window's both ends, so no onset and no sample outside the window moves and the note's mean pitch
 * stays. Every take alike, the clean one too; every draw made whether or not it is placed; a take's clipped and
 * noise-burst sections spared (50 ms ramps; the defect's size kept). Applied to the dry part first, before its
 * articulation, breaths and room (recordTakes). Songs only (a spec's `vibrato`). Sizes **chosen** (a singer's or
 * wind player's habit, common practice, no measurement behind them).
 */
export interface Widening {
  minSeconds: readonly [number, number];
  delaySeconds: readonly [number, number];
  hz: readonly [number, number];
  startCents: readonly [number, number];
  widenCents: readonly [number, number];
  maxCents: readonly [number, number];
}
/** A take (or the guide) of held-out-58 with its performer's widening vibrato (Widening); a new part. */
export function widenPart(
  x: Float64Array,
  fs: number,
  notes: readonly { on: number; off: number }[],
  w: Widening,
  seed: number,
  keep: readonly { startSeconds: number; endSeconds: number }[],
): Float64Array {
  const n = x.length;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const [min, delay, hz] = [between(w.minSeconds), between(w.delaySeconds), between(w.hz)];
  const [start, widen, max] = [between(w.startCents), between(w.widenCents), between(w.maxCents)];
  const ramp = 0.05 * fs;
  const free = Float64Array.from({ length: n }, () => 1);
  for (const sec of keep) {
    const [a, b] = [sec.startSeconds * fs, sec.endSeconds * fs];
    for (let i = Math.max(0, Math.floor(a - ramp)); i < Math.min(n, Math.ceil(b + ramp)); i++)
      free[i] = Math.min(free[i]!, Math.max(0, (a - i) / ramp, (i - b) / ramp));
  }
  const y = Float64Array.from(x);
  for (const m of notes) {
    const f = hz * (0.96 + 0.08 * r());
    if (m.off - m.on < min) continue;
    const [a, b] = [Math.round((m.on + delay) * fs), Math.round((m.off - 0.04) * fs)];
    const len = b - a;
    if (a < 0 || b + 3 >= n || len < 0.25 * fs) continue;
    const [fadeIn, fadeOut] = [0.12 * fs, 0.08 * fs];
    for (let i = 0; i < len; i++) {
      const tau = i / fs;
      const c = Math.min(max, start + widen * tau) * Math.min(1, i / fadeIn, (len - i) / fadeOut);
      const d = ((fs * Math.LN2) / 1200) * c * (Math.sin(2 * Math.PI * f * tau) / (2 * Math.PI * f));
      y[a + i] = x[a + i]! + free[a + i]! * (catmullRom(x, a + i + d) - x[a + i]!);
    }
  }
  return y;
}

/**
 * held-out-58's **single loud breath before a phrase on a clean take** (LoudBreath): for every phrase of a take a gasp
 * through the mouth (held-out-54's inhale, `seconds` long, ending `gapSeconds` before the phrase, `db` under the
 * phrase's RMS; drawn per phrase, every draw made), placed in a share `share` of the phrases whose gasp's middle falls
 * in a section whose clean take (the set's `best`) this take is — in a song the final rest of the section before the
 * phrase, where a take's bursts lie; in speech the sentence's own lead; its peak at most 0.7 of the phrase's peak
 * (scaled down when over). On the dry part after the performer's own
 * breathing, before the room (recordTakes); the guide none. A breath is no defect: the defect table is unchanged.
 * Sizes **chosen** (a singer's catch breath on a close mic).
 */
export interface LoudBreath {
  share: number;
  db: readonly [number, number];
  seconds: readonly [number, number];
  gapSeconds: readonly [number, number];
}
/** Loud breaths (LoudBreath) on take `take` of `set`, in place on its dry part y; the sections they lie in. */
export function loudBreathPart(
  y: Float64Array,
  set: TakeSet,
  take: number,
  notes: readonly { on: number; off: number; phrase: number }[],
  b: LoudBreath,
  seed: number,
): number[] {
  const fs = set.sampleRate;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const placed: number[] = [];
  for (const q of [...new Set(notes.map((m) => m.phrase))]) {
    const mine = notes.filter((m) => m.phrase === q);
    const [u, len, gap, db] = [r(), between(b.seconds), between(b.gapSeconds), between(b.db)];
    const mid = mine[0]!.on - gap - len / 2;
    const s = set.sections.findIndex((sec) => mid >= sec.startSeconds && mid < sec.endSeconds);
    if (u >= b.share || s < 0 || set.best[s] !== take || mine[0]!.on - gap - len < 0) continue;
    const breath: Breathing = {
      mouthShare: [1, 1],
      inhaleSeconds: [len, len],
      gapSeconds: [gap, gap],
      inhaleDb: [db, db],
      exhaleShare: 0,
      exhaleDb: [60, 60],
    };
    // the gasp's peak at most 0.7 of the phrase's (a catch breath is loud, never louder than the phrase's peaks)
    const z = Float64Array.from(y);
    breathePart(z, fs, mine, breath, seed * 31 + q * 7 + 1);
    let [gp, pp] = [0, 0];
    for (let i = 0; i < y.length; i++) gp = Math.max(gp, Math.abs(z[i]! - y[i]!));
    for (const m of mine)
      for (let i = Math.round(m.on * fs); i < Math.min(y.length, m.off * fs); i++) pp = Math.max(pp, Math.abs(y[i]!));
    const g = gp > 0.7 * pp && gp > 0 ? (0.7 * pp) / gp : 1;
    for (let i = 0; i < y.length; i++) y[i]! += g * (z[i]! - y[i]!);
    placed.push(s);
  }
  return placed;
}

/**
 * held-out-58's **click track's bleed** (ClickBleed): on the takes `takes` the headphones' click leaks into the mic
 * over the whole take — every beat (the song's grid, from 0 s) a 2–3 kHz sine click (drawn per take; the bar's first
 * of four at 1.5 × it) decaying over 4–8 ms, 25 ms long, through a one-pole high-pass at 700 Hz (the headphones'
 * small drivers), its loudest 50 ms at `db` dBFS (drawn per take). At the mic, after the take's room and before the
 * latency (the performer heard it in time; the latency moves it with the take). No defect: the table is unchanged.
 * Songs only. Sizes **chosen** (a tracking session's open-back headphones).
 */
export interface ClickBleed {
  takes: readonly number[];
  db: readonly [number, number];
}
/** The click bleed (ClickBleed) of take `take`, to add to it (length n), or undefined when it has none. */
export function clickBleedOf(set: TakeSet, c: ClickBleed, take: number, n: number, seed: number) {
  if (!c.takes.includes(take) || !(set.bpm > 0)) return undefined;
  const fs = set.sampleRate;
  const r = mulberry32(seed);
  const between = ([lo, hi]: readonly [number, number]) => lo + (hi - lo) * r();
  const [f, tau, db] = [between([2000, 3000]), between([0.004, 0.008]) * fs, between(c.db)];
  const beat = (60 / set.bpm) * fs;
  const x = new Float64Array(n);
  const len = Math.round(0.025 * fs);
  for (let k = 0; k * beat < n; k++) {
    const at = Math.round(k * beat);
    const hz = Math.min(0.45 * fs, k % 4 === 0 ? 1.5 * f : f);
    for (let i = 0; i < len && at + i < n; i++) x[at + i] = Math.sin((2 * Math.PI * hz * i) / fs) * Math.exp(-i / tau);
  }
  const hp = onePole54(x, fs, 700, true);
  const k = 10 ** (db / 20) / (loudest50(hp, fs) || 1);
  return hp.map((v) => v * k);
}

/**
 * held-out-54's recording model: **noise bursts of realistic and varied shape**, the burst a take carries in a
 * section's final rest (the defect) drawn per burst from the spec's `kinds` in a shuffled bag: `cough` (espeak-ng's
 * whispered "kuh", once or twice 0.12–0.2 s apart, read 0.85–1.2× fast), `throat` (a throat-clear: espeak-ng's voiced
 * [[@h'Em]] at pitch 8, 14 or 20, read 0.85–1.15× fast), `rustle` (a page turn or clothing: noise through a one-pole
 * high-pass at 700–1400 Hz and low-pass at 3–7 kHz, 0.25–0.5 s under a sin² swell and a crackle, with 3–6 short
 * impacts of 2–8 ms decay), `creak` (a chair: an irregular stick-slip pulse train at 18–45 Hz gliding ×0.7–1.5 through
 * three resonances at 150–950 Hz, 15–40 Hz wide, 0.2–0.45 s), `bump` (the mic stand knocked: a 40–95 Hz thump
 * falling to 0.7 of its pitch with a 30–80 ms decay and a 3 ms click), `pop` (a plosive's puff on the capsule: noise
 * through two one-pole low-passes at 90–220 Hz over a 25–50 Hz half cycle, 4 ms attack, 25–60 ms decay) and `hiss`
 * (the earlier sets' burst: uniform noise under a sine window, 0.15–0.3 s). Its size the defect's (dBFS): the loudest
 * 50 ms of the burst at that RMS (as the earlier burst's middle), drawn in the spec's `defectSizes.noise` by the
 * burst's own seed (the fixture's own burst made silent: `quietBursts`). Where: from 0.05 s after the section's last
 * note (or 1.35 beats before its end, the later), cut with a 15 ms fade 0.25 beat before the section's end (speech:
 * from 0.12–0.2 s after the sentence's tail starts to 60 ms before the section's end). Cough, throat, rustle and creak
 * sound in the room (added before the take's room), bump and pop at the mic (after it). Sizes and shapes **chosen**.
 */
export type BurstKind =
  | 'cough'
  | 'throat'
  | 'rustle'
  | 'creak'
  | 'bump'
  | 'pop'
  | 'hiss'
  | 'sniff'
  | 'smack'
  | 'crackle'
  | 'buzz'
  | 'rumble'
  | 'door'
  | 'snap'
  | 'bleed'
  | 'flip'
  | 'zip'
  | 'mouse'
  | 'roll'
  | 'bark'
  | 'chirp'
  | 'farcough'
  | 'fridge'
  | 'bird'
  | 'lighter'
  | 'kettle'
  | 'tablebuzz'
  | 'latch'
  | 'pen'
  | 'cup'
  | 'keys'
  | 'drip'
  | 'nail'
  | 'sneeze'
  | 'siren'
  | 'stand'
  | 'tape'
  | 'squeak'
  | 'clink'
  | 'steps'
  | 'tap'
  | 'knock'
  | 'bell'
  | 'clap'
  | 'handle'
  | 'whistle'
  | 'crumple'
  | 'drop'
  | 'blow'
  | 'beep'
  | 'chair'
  | 'laugh'
  | 'rub'
  | 'hammer'
  | 'sigh'
  | 'car'
  | 'cable'
  | 'clock'
  | 'talkback'
  | 'gust'
  | 'strum'
  | 'spray'
  | 'purr'
  | 'chime'
  | 'grille'
  | 'typing'
  | 'drill'
  | 'fizz'
  | 'mount';
export interface Bursts {
  kinds: readonly BurstKind[];
  /**
   * held-out-55: the share of bursts put in the middle of their rest (centred between the rest's start and its end,
   * its own draw) rather than at the phrase's edge; none when absent (held-out-54's placement, its draws unmoved)
   */
  middleShare?: number;
}
type BurstSpec = { bursts?: Bursts; defectSizes?: { noise?: readonly [number, number] } };
/** A spec of held-out-54 with its fixture's own bursts made silent (−300 dBFS: the same draws, nothing heard). */
export function quietBursts<T extends object>(x: T): T {
  const b = x as T & BurstSpec;
  return b.bursts ? ({ ...b, defectSizes: { ...b.defectSizes, noise: [-300, -300] } } as T) : x;
}
const espeakClips54 = new Map<string, Float64Array>();
/** An espeak-ng rendering (22.05 kHz), silence trimmed at 2 % of its peak; kept for the process. */
function espeak54(args: string[]): Float64Array {
  const key = args.join('\u0000');
  const had = espeakClips54.get(key);
  if (had) return had;
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-burst-'));
  try {
    const file = path.join(dir, 'b.wav');
    const r = spawnSync('espeak-ng', [...args.slice(0, -1), '-w', file, args.at(-1)!]);
    if (r.status !== 0) throw new Error(`espeak-ng ${args.join(' ')}: ${String(r.stderr)}`);
    const x = readPcmWav(file).planar[0]!;
    const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    let [a, b] = [0, x.length - 1];
    while (a < b && Math.abs(x[a]!) < 0.02 * peak) a++;
    while (b > a && Math.abs(x[b]!) < 0.02 * peak) b--;
    const clip = Float64Array.from(x.subarray(a, b + 1));
    espeakClips54.set(key, clip);
    return clip;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
/** x (at 22.05 kHz) read `speed`× fast at fs. */
const readAt54 = (x: Float64Array, fs: number, speed: number) => {
  const step = (22050 / fs) * speed;
  const len = Math.floor((x.length - 1) / step);
  return Float64Array.from({ length: len }, (_, i) => catmullRom(x, i * step));
};
/** One burst's sound (unscaled) of its kind (`beat` s: the song's, for held-out-56's click bleed; 0 for speech). */
export function burstSound(kind: BurstKind, fs: number, r: () => number, beat = 0): Float64Array {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  const sec = (s: number) => Math.round(s * fs);
  switch (kind) {
    case 'cough': {
      const one = readAt54(espeak54(['-v', 'en+whisper', '-s', '260', 'kuh']), fs, between(0.85, 1.2));
      if (r() < 0.5) return one;
      const gap = sec(between(0.12, 0.2));
      const two = new Float64Array(one.length + gap + one.length);
      const g = between(0.6, 0.9);
      two.set(one);
      for (let i = 0; i < one.length; i++) two[one.length + gap + i]! += g * one[i]!;
      return two;
    }
    case 'throat': {
      const pitch = ['8', '14', '20'][Math.floor(r() * 3)]!;
      return readAt54(espeak54(['-v', 'en', '-p', pitch, '-s', '220', "[[@h'Em]]"]), fs, between(0.85, 1.15));
    }
    case 'rustle': {
      const len = sec(between(0.25, 0.5));
      const swish = onePole54(onePole54(noise(len), fs, between(700, 1400), true), fs, between(3000, 7000), false);
      const crackle = onePole54(
        Float64Array.from({ length: len }, () => gauss() ** 2),
        fs,
        40,
        false,
      );
      const cm = rmsOf54(crackle) || 1;
      for (let i = 0; i < len; i++)
        swish[i] = swish[i]! * Math.sin((Math.PI * i) / len) ** 2 * (0.4 + crackle[i]! / cm);
      const level = rmsOf54(swish);
      const hits = 3 + Math.floor(r() * 4);
      for (let h = 0; h < hits; h++) {
        const [at, tau, g] = [Math.floor(r() * len * 0.9), between(0.002, 0.008) * fs, between(2, 4) * level];
        const click = onePole54(noise(Math.round(5 * tau)), fs, 1000, true);
        for (let i = 0; i < click.length && at + i < len; i++) swish[at + i]! += g * click[i]! * Math.exp(-i / tau);
      }
      return swish;
    }
    case 'creak': {
      const len = sec(between(0.2, 0.45));
      const [f0, glide] = [between(18, 45), between(0.7, 1.5)];
      const pulses = new Float64Array(len);
      let t = 0;
      while (t < len) {
        pulses[Math.floor(t)] = 0.6 + 0.8 * r();
        const f = f0 * glide ** (t / len);
        t += (fs / f) * (0.85 + 0.3 * r());
      }
      const out = new Float64Array(len);
      for (let k = 0; k < 3; k++) {
        const y = resonance54(pulses, fs, between(150, 950), between(15, 40));
        const w = between(0.5, 1) / (rmsOf54(y) || 1);
        for (let i = 0; i < len; i++) out[i]! += w * y[i]!;
      }
      const [rise, fall] = [0.02 * fs, 0.04 * fs];
      for (let i = 0; i < len; i++) out[i] = out[i]! * Math.min(1, i / rise, (len - i) / fall);
      return out;
    }
    case 'bump': {
      const len = sec(between(0.2, 0.35));
      const [f, tau] = [between(40, 95), between(0.03, 0.08) * fs];
      const out = new Float64Array(len);
      let phase = 0;
      for (let i = 0; i < len; i++) {
        phase += (2 * Math.PI * f * (1 - 0.3 * Math.min(1, i / (3 * tau)))) / fs;
        out[i] = Math.sin(phase) * Math.exp(-i / tau) * Math.min(1, i / (0.002 * fs));
      }
      const click = sec(0.003);
      for (let i = 0; i < click; i++) out[i]! += 0.3 * gauss() * (1 - i / click);
      return out;
    }
    case 'pop': {
      const len = sec(between(0.12, 0.25));
      const lp = between(90, 220);
      const puff = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const pm = rmsOf54(puff) || 1;
      const [f, tau, attack] = [between(25, 50), between(0.025, 0.06) * fs, 0.004 * fs];
      return Float64Array.from(puff, (v, i) => {
        const half = i < fs / (2 * f) ? Math.sin((2 * Math.PI * f * i) / fs) : 0;
        return (v / pm + 1.5 * half) * Math.min(1, i / attack) * Math.exp(-i / tau);
      });
    }
    case 'hiss': {
      const len = sec(between(0.15, 0.3));
      return Float64Array.from({ length: len }, (_, i) => (r() * 2 - 1) * Math.sin((Math.PI * i) / len));
    }
    // held-out-55's shapes (burstSound55)
    case 'sniff':
    case 'smack':
    case 'crackle':
    case 'buzz':
    case 'rumble':
      return burstSound55(kind, fs, r);
    // held-out-56's shapes (burstSound56)
    case 'door':
    case 'snap':
    case 'bleed':
    case 'flip':
    case 'zip':
      return burstSound56(kind, fs, r, beat);
    // held-out-57's shapes (burstSound57)
    case 'mouse':
    case 'roll':
    case 'bark':
    case 'chirp':
      return burstSound57(kind, fs, r);
    // held-out-58's shapes (burstSound58)
    case 'farcough':
    case 'fridge':
    case 'bird':
    case 'lighter':
      return burstSound58(kind, fs, r);
    // held-out-59's shapes (burstSound59)
    case 'kettle':
    case 'tablebuzz':
    case 'latch':
    case 'pen':
      return burstSound59(kind, fs, r);
    // held-out-60's shapes (burstSound60)
    case 'cup':
    case 'keys':
    case 'drip':
    case 'nail':
      return burstSound60(kind, fs, r);
    // held-out-61's shapes (burstSound61)
    case 'sneeze':
    case 'siren':
    case 'stand':
    case 'tape':
      return burstSound61(kind, fs, r);
    // held-out-62's shapes (burstSound62)
    case 'squeak':
    case 'clink':
    case 'steps':
    case 'tap':
      return burstSound62(kind, fs, r);
    // held-out-63's shapes (burstSound63)
    case 'knock':
    case 'bell':
    case 'clap':
    case 'handle':
      return burstSound63(kind, fs, r);
    // held-out-64's shapes (burstSound64)
    case 'whistle':
    case 'crumple':
    case 'drop':
    case 'blow':
      return burstSound64(kind, fs, r);
    // held-out-65's shapes (burstSound65)
    case 'beep':
    case 'chair':
    case 'laugh':
    case 'rub':
      return burstSound65(kind, fs, r);
    // held-out-66's shapes (burstSound66)
    case 'hammer':
    case 'sigh':
    case 'car':
    case 'cable':
      return burstSound66(kind, fs, r);
    // held-out-67's shapes (burstSound67)
    case 'clock':
    case 'talkback':
    case 'gust':
    case 'strum':
      return burstSound67(kind, fs, r);
    // held-out-68's shapes (burstSound68)
    case 'spray':
    case 'purr':
    case 'chime':
    case 'grille':
      return burstSound68(kind, fs, r);
    // held-out-69's shapes (burstSound69)
    case 'typing':
    case 'drill':
    case 'fizz':
    case 'mount':
      return burstSound69(kind, fs, r);
  }
}
/**
 * held-out-55's burst shapes (none before it): `sniff` (a quick nasal intake: noise through a one-pole high-pass at
 * 1.5–2.5 kHz and two resonances at 2.2–3.2 and 4–5.5 kHz, 0.12–0.28 s, once or twice 60–120 ms apart, a fast rise and
 * an abrupt stop), `smack` (a lip smack: two or three clicks 25–70 ms apart, each a 1–4 ms noise impulse through a
 * resonance at 1.2–2.8 kHz, 300 Hz wide, decaying in 3–9 ms), `crackle` (a cable's bad contact: 6–25 impulses of
 * random sign and size in 0.1–0.35 s, clustered (exponential gaps), each a 0.3–1.5 ms click through a one-pole
 * high-pass at 300 Hz, with a 3–8 ms dropout hum of 50 Hz under a share of them), `buzz` (a phone near the cable: GSM
 * frames' 217 Hz pulse train, 0.58 ms bursts, in 2–4 packets of 50–120 ms 0.05–0.2 s apart, through a one-pole
 * high-pass at 150 Hz) and `rumble` (distant traffic: noise through two one-pole low-passes at 35–90 Hz, 0.3–0.6 s, a
 * slow swell and fall, under a 20–45 Hz component of a passing engine). Sniff, smack and rumble sound in the room;
 * crackle and buzz at the mic (in the cable, after the room). Sizes and shapes **chosen**.
 */
function burstSound55(kind: 'sniff' | 'smack' | 'crackle' | 'buzz' | 'rumble', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  switch (kind) {
    case 'sniff': {
      const one = () => {
        const len = sec(between(0.12, 0.28));
        const hp = onePole54(noise(len), fs, between(1500, 2500), true);
        const [a, b] = [
          resonance54(hp, fs, nyq(between(2200, 3200)), 400),
          resonance54(hp, fs, nyq(between(4000, 5500)), 700),
        ];
        const [ka, kb] = [1 / (rmsOf54(a) || 1), 0.6 / (rmsOf54(b) || 1)];
        const [rise, stop] = [0.02 * fs, 0.006 * fs];
        return Float64Array.from(a, (v, i) => (ka * v + kb * b[i]!) * Math.min(1, i / rise, (len - i) / stop));
      };
      const first = one();
      if (r() < 0.5) return first;
      const [gap, second] = [sec(between(0.06, 0.12)), one()];
      const out = new Float64Array(first.length + gap + second.length);
      out.set(first);
      const g = between(0.6, 1);
      for (let i = 0; i < second.length; i++) out[first.length + gap + i] = g * second[i]!;
      return out;
    }
    case 'smack': {
      const count = 2 + Math.floor(r() * 2);
      const at: number[] = [0];
      for (let k = 1; k < count; k++) at.push(at[k - 1]! + sec(between(0.025, 0.07)));
      const out = new Float64Array(at.at(-1)! + sec(0.04));
      for (const a of at) {
        const imp = new Float64Array(sec(0.03));
        const w = sec(between(0.001, 0.004));
        for (let i = 0; i < w; i++) imp[i] = gauss() * (1 - i / w);
        const y = resonance54(imp, fs, nyq(between(1200, 2800)), 300);
        const [tau, g] = [between(0.003, 0.009) * fs, between(0.5, 1) / (Math.max(...y.map(Math.abs)) || 1)];
        for (let i = 0; i < y.length && a + i < out.length; i++) out[a + i]! += g * y[i]! * Math.exp(-i / tau);
      }
      return out;
    }
    case 'crackle': {
      const len = sec(between(0.1, 0.35));
      const out = new Float64Array(len);
      const count = 6 + Math.floor(r() * 20);
      let t = 0;
      for (let k = 0; k < count && t < len; k++) {
        const w = sec(between(0.0003, 0.0015));
        const g = (r() < 0.5 ? -1 : 1) * between(0.3, 1);
        for (let i = 0; i < w && t + i < len; i++) out[t + i]! += g * (1 - i / w);
        if (r() < 0.3) {
          const d = sec(between(0.003, 0.008));
          for (let i = 0; i < d && t + i < len; i++) out[t + i]! += 0.15 * Math.sin((2 * Math.PI * 50 * i) / fs);
        }
        t += Math.round((-Math.log(1 - r() * 0.999) * len) / count);
      }
      return onePole54(out, fs, 300, true);
    }
    case 'buzz': {
      const packets = 2 + Math.floor(r() * 3);
      const parts: Float64Array[] = [];
      for (let k = 0; k < packets; k++) {
        const len = sec(between(0.05, 0.12));
        const x = new Float64Array(len + sec(between(0.05, 0.2)));
        const [period, width] = [fs / 217, sec(0.00058)];
        for (let p = 0; p < len; p += period)
          for (let i = 0; i < width && Math.floor(p) + i < len; i++) x[Math.floor(p) + i] = 1;
        parts.push(x);
      }
      const out = new Float64Array(parts.reduce((n, x) => n + x.length, 0));
      let at = 0;
      for (const x of parts) (out.set(x, at), (at += x.length));
      return onePole54(out, fs, 150, true);
    }
    case 'rumble': {
      const len = sec(between(0.3, 0.6));
      const lp = between(35, 90);
      const x = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const xm = rmsOf54(x) || 1;
      const [f, ph] = [between(20, 45), 6.3 * r()];
      return Float64Array.from(x, (v, i) => {
        const u = i / len;
        return (v / xm + 0.5 * Math.sin((2 * Math.PI * f * i) / fs + ph)) * Math.sin(Math.PI * u) ** 2;
      });
    }
  }
}
/**
 * held-out-56's burst shapes (none before it): `door` (a door shut in the next room: the latch's click — a 2–4 ms
 * noise impulse through a resonance at 1.8–3.5 kHz, 400 Hz wide — then 20–70 ms later the slam, a 55–110 Hz sine
 * decaying over 40–90 ms under noise through two one-pole low-passes at 250–500 Hz decaying over 60–120 ms, the whole
 * through a one-pole low-pass at 0.9–1.6 kHz, the wall; 0.3–0.5 s), `snap` (a finger snap: 3–8 ms of the fingers'
 * friction, noise through a one-pole high-pass at 2 kHz rising, then the snap, a 0.5–1 ms impulse through resonances at
 * 1.8–2.6 kHz (500 Hz wide) and 3–4.5 kHz (800 Hz wide) decaying over 6–15 ms), `bleed` (the click track heard from
 * the headphones: 2–4 clicks at the song's beat — speech: a 90–120 bpm click —, each a 1 kHz blip (the first 1.5 kHz
 * in half the bursts, the bar's accent) of 8–20 ms, 1 ms rise, 4 ms decay, through a one-pole high-pass at 400 Hz, the
 * headphones' thin sound), `flip` (a page turned close to the mic: 0.25–0.45 s of noise through a one-pole high-pass
 * at 150 Hz and low-pass at 1.5–3 kHz under a sin swell, the page's air on the capsule as a 70–140 Hz half cycle at
 * the swell's peak, and 2–5 crinkles of 2–6 ms decay through a high-pass at 2 kHz) and `zip` (a jacket's zip: 0.2–0.5
 * s of tooth clicks at a rate rising from 80–150 to 250–450 a second and easing back over the last quarter, each a
 * noise tick decaying over 1–2 ms, through a resonance at 2.5–5 kHz, 1.5 kHz wide, the level swaying ±30 % at 3–8 Hz).
 * Door, snap and zip sound in the room; bleed and flip at the mic (after the room). Sizes and shapes **chosen**.
 */
function burstSound56(kind: 'door' | 'snap' | 'bleed' | 'flip' | 'zip', fs: number, r: () => number, beat: number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  const impulse = (len: number, w: number) => Float64Array.from({ length: len }, (_, i) => (i < w ? gauss() : 0));
  switch (kind) {
    case 'door': {
      const len = sec(between(0.3, 0.5));
      const out = new Float64Array(len);
      const latch = resonance54(impulse(sec(0.03), sec(between(0.002, 0.004))), fs, nyq(between(1800, 3500)), 400);
      const lm = Math.max(...latch.map(Math.abs)) || 1;
      for (let i = 0; i < latch.length && i < len; i++) out[i]! += (0.5 * latch[i]!) / lm;
      const at = sec(between(0.02, 0.07));
      const [f, tau, lp, ntau] = [
        between(55, 110),
        between(0.04, 0.09) * fs,
        between(250, 500),
        between(0.06, 0.12) * fs,
      ];
      const body = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const bm = rmsOf54(body) || 1;
      for (let i = 0; at + i < len; i++) {
        const rise = Math.min(1, i / (0.003 * fs));
        out[at + i]! +=
          rise *
          (Math.sin((2 * Math.PI * f * i) / fs) * Math.exp(-i / tau) + (0.7 * body[i]! * Math.exp(-i / ntau)) / bm);
      }
      return onePole54(out, fs, between(900, 1600), false);
    }
    case 'snap': {
      const len = sec(between(0.06, 0.1));
      const out = new Float64Array(len);
      const rub = sec(between(0.003, 0.008));
      const fr = onePole54(noise(rub), fs, 2000, true);
      for (let i = 0; i < rub; i++) out[i] = 0.15 * fr[i]! * (i / rub);
      const hit = impulse(len - rub, sec(between(0.0005, 0.001)));
      const [a, b] = [
        resonance54(hit, fs, nyq(between(1800, 2600)), 500),
        resonance54(hit, fs, nyq(between(3000, 4500)), 800),
      ];
      const [ka, kb] = [1 / (Math.max(...a.map(Math.abs)) || 1), 0.6 / (Math.max(...b.map(Math.abs)) || 1)];
      const tau = between(0.006, 0.015) * fs;
      for (let i = 0; i < a.length; i++) out[rub + i]! += (ka * a[i]! + kb * b[i]!) * Math.exp(-i / tau);
      return out;
    }
    case 'bleed': {
      const period = beat > 0 ? beat : 60 / between(90, 120);
      const clicks = 2 + Math.floor(r() * 3);
      const accent = r() < 0.5;
      const out = new Float64Array(Math.round((clicks - 1) * period * fs) + sec(0.03));
      for (let k = 0; k < clicks; k++) {
        const [at, w, hz] = [Math.round(k * period * fs), sec(between(0.008, 0.02)), k === 0 && accent ? 1500 : 1000];
        for (let i = 0; i < w && at + i < out.length; i++)
          out[at + i]! +=
            Math.sin((2 * Math.PI * hz * i) / fs) * Math.min(1, i / (0.001 * fs)) * Math.exp(-i / (0.004 * fs));
      }
      return onePole54(out, fs, 400, true);
    }
    case 'flip': {
      const len = sec(between(0.25, 0.45));
      const swish = onePole54(onePole54(noise(len), fs, 150, true), fs, between(1500, 3000), false);
      const sm = rmsOf54(swish) || 1;
      const [peak, f] = [Math.floor(between(0.3, 0.6) * len), between(70, 140)];
      const out = Float64Array.from(swish, (v, i) => (v / sm) * Math.sin((Math.PI * i) / len));
      const half = Math.round(fs / (2 * f));
      for (let i = 0; i < half && peak + i < len; i++) out[peak + i]! += 2 * Math.sin((Math.PI * i) / half);
      const hits = 2 + Math.floor(r() * 4);
      for (let h = 0; h < hits; h++) {
        const [at, tau] = [Math.floor(r() * len * 0.9), between(0.002, 0.006) * fs];
        const c = onePole54(noise(Math.round(5 * tau)), fs, 2000, true);
        for (let i = 0; i < c.length && at + i < len; i++) out[at + i]! += 1.5 * c[i]! * Math.exp(-i / tau);
      }
      return out;
    }
    case 'zip': {
      const len = sec(between(0.2, 0.5));
      const [f0, f1, hz, tau] = [
        between(80, 150),
        between(250, 450),
        nyq(between(2500, 5000)),
        between(0.001, 0.002) * fs,
      ];
      const [sway, ph] = [between(3, 8), 6.3 * r()];
      const ticks = new Float64Array(len);
      let t = 0;
      while (t < len) {
        const u = t / len;
        const g = 1 + 0.3 * Math.sin((2 * Math.PI * sway * t) / fs + ph);
        for (let i = 0; i < 5 * tau && Math.floor(t) + i < len; i++)
          ticks[Math.floor(t) + i]! += g * gauss() * Math.exp(-i / tau);
        const rate = u < 0.75 ? f0 + (f1 - f0) * (u / 0.75) : f1 - (f1 - f0) * ((u - 0.75) / 0.25);
        t += fs / rate;
      }
      return resonance54(ticks, fs, hz, 1500);
    }
  }
}
/**
 * held-out-57's burst shapes (none before it): `mouse` (a mouse clicked on the desk by the mic: a press and 60–110 ms
 * later a release, each a 0.5–1.5 ms noise impulse through a resonance at 3–6 kHz, 1 kHz wide, decaying over 2–5 ms,
 * the release 0.5–0.8 of the press, with a 150–300 Hz thud of the desk under the press decaying over 8–15 ms), `roll`
 * (an office chair rolled on the floor: 0.3–0.6 s of noise through two one-pole low-passes at 300–700 Hz, its level
 * swaying by the casters' turn, 6–14 Hz, 40–70 % deep, under a slow swell and fall, with 2–5 grit ticks through a
 * high-pass at 1.5 kHz), `bark` (a dog far off: one or two barks 0.15–0.25 s apart, each 80–150 ms, a harmonic tone at
 * 350–600 Hz falling to 0.8 of it, eight partials at 1/k, under 30 % noise, a 5 ms attack and a (1 − u)^1.5 fall,
 * through a one-pole low-pass at 1.2–2 kHz — the distance and a wall) and `chirp` (a phone's ring-tone chirp: 2–4
 * beeps of 50–110 ms 30–70 ms apart, each a sine gliding up from 1.4–2.4 kHz by ×1.15–1.35, 4 ms ramps, through a
 * one-pole high-pass at 600 Hz, the phone's small speaker). Roll and bark sound in the room; mouse and chirp at the mic
 * (on the desk beside it, after the room). Sizes and shapes **chosen**.
 */
function burstSound57(kind: 'mouse' | 'roll' | 'bark' | 'chirp', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  switch (kind) {
    case 'mouse': {
      const gap = sec(between(0.06, 0.11));
      const out = new Float64Array(gap + sec(0.04));
      const click = (at: number, g: number) => {
        const w = sec(between(0.0005, 0.0015));
        const imp = Float64Array.from({ length: sec(0.02) }, (_, i) => (i < w ? gauss() : 0));
        const y = resonance54(imp, fs, nyq(between(3000, 6000)), 1000);
        const [tau, m] = [between(0.002, 0.005) * fs, Math.max(...y.map(Math.abs)) || 1];
        for (let i = 0; i < y.length && at + i < out.length; i++) out[at + i]! += (g * y[i]! * Math.exp(-i / tau)) / m;
      };
      click(0, 1);
      const [f, tau] = [between(150, 300), between(0.008, 0.015) * fs];
      for (let i = 0; i < sec(0.05) && i < out.length; i++)
        out[i]! += 0.4 * Math.sin((2 * Math.PI * f * i) / fs) * Math.exp(-i / tau);
      click(gap, between(0.5, 0.8));
      return out;
    }
    case 'roll': {
      const len = sec(between(0.3, 0.6));
      const lp = between(300, 700);
      const x = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const xm = rmsOf54(x) || 1;
      const [f, depth, ph] = [between(6, 14), between(0.4, 0.7), 6.3 * r()];
      const out = Float64Array.from(x, (v, i) => {
        const u = i / len;
        const sway = 1 - depth * (0.5 + 0.5 * Math.sin((2 * Math.PI * f * i) / fs + ph));
        return (v / xm) * sway * Math.sin(Math.PI * u) ** 2;
      });
      const ticks = 2 + Math.floor(r() * 4);
      const grit = new Float64Array(len);
      for (let k = 0; k < ticks; k++) {
        const at = Math.floor(r() * len);
        const g = between(0.5, 1.5);
        for (let i = 0; i < sec(0.002) && at + i < len; i++) grit[at + i]! += g * gauss() * (1 - i / sec(0.002));
      }
      const hp = onePole54(grit, fs, nyq(1500), true);
      for (let i = 0; i < len; i++) out[i]! += hp[i]!;
      return out;
    }
    case 'bark': {
      const one = () => {
        const len = sec(between(0.08, 0.15));
        const f0 = between(350, 600);
        const y = new Float64Array(len);
        let ph = 0;
        for (let i = 0; i < len; i++) {
          const u = i / len;
          ph += (2 * Math.PI * f0 * (1 - 0.2 * u)) / fs;
          let v = 0;
          for (let k = 1; k <= 8; k++) if (k * f0 < 0.45 * fs) v += Math.sin(k * ph) / k;
          y[i] = (v + 0.3 * gauss()) * Math.min(1, i / (0.005 * fs)) * (1 - u) ** 1.5;
        }
        return y;
      };
      const first = one();
      const two = r() < 0.5;
      const [gap, second] = [sec(between(0.15, 0.25)), one()];
      const out = new Float64Array(first.length + (two ? gap + second.length : 0));
      out.set(first);
      if (two) out.set(second, first.length + gap);
      return onePole54(out, fs, nyq(between(1200, 2000)), false);
    }
    case 'chirp': {
      const beeps = 2 + Math.floor(r() * 3);
      const parts: Float64Array[] = [];
      for (let k = 0; k < beeps; k++) {
        const len = sec(between(0.05, 0.11));
        const [f0, up] = [nyq(between(1400, 2400)), between(1.15, 1.35)];
        const ramp = 0.004 * fs;
        let ph = 0;
        const x = new Float64Array(len + sec(between(0.03, 0.07)));
        for (let i = 0; i < len; i++) {
          ph += (2 * Math.PI * Math.min(0.45 * fs, f0 * (1 + (up - 1) * (i / len)))) / fs;
          x[i] = Math.sin(ph) * Math.min(1, i / ramp, (len - i) / ramp);
        }
        parts.push(x);
      }
      const out = new Float64Array(parts.reduce((n, x) => n + x.length, 0));
      let at = 0;
      for (const x of parts) (out.set(x, at), (at += x.length));
      return onePole54(out, fs, 600, true);
    }
  }
}
/**
 * held-out-58's burst shapes (none before it): `farcough` (a cough far off down the hall: held-out-54's whispered
 * espeak-ng "kuh" read 0.8–1.1× fast, once or twice 0.15–0.3 s apart, through two one-pole low-passes at 700–1300 Hz
 * after a smear by a 60–120 ms exponential noise tail (the far room, at 0.6 of the direct sound's energy)), `fridge` (a
 * fridge's compressor switching on in the next room: a relay's click (a 1–2 ms impulse through a 2–3.5 kHz resonance),
 * a motor's thump (25–40 Hz, half a cycle's rise, decaying over 40–80 ms) and its hum rising over 0.1–0.25 s to a
 * steady level with a 8–15 % wobble at 3–7 Hz: twice the mains (50 or 60 Hz, drawn) and its third and fifth harmonic,
 * 0.35–0.6 s in all), `bird` (a songbird outside the window: 3–7 notes of 40–120 ms 20–60 ms apart, each a sine
 * sweeping from 3–5.5 kHz by ×0.65–1.35 with a 20–40 Hz trill of ±6 %, 3 ms ramps, through a one-pole low-pass at
 * 2.5–4 kHz, the glass) and `lighter` (a flint lighter struck by the mic: the wheel's 15–35 ms rasp of noise
 * through a high-pass at 2 kHz with 3–8 grit clicks, the flint's click at its end (a 0.5–1 ms impulse, a 4–7 kHz
 * resonance), then the flame's soft whoosh (noise through a low-pass at 400–900 Hz, 0.1–0.25 s, a quarter of the
 * click's level), once or twice, the second 0.12–0.3 s later). Farcough, fridge and bird sound in the room; lighter
 * at the mic. Every frequency clamped to 0.45 fs. Sizes and shapes **chosen**.
 */
function burstSound58(kind: 'farcough' | 'fridge' | 'bird' | 'lighter', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  switch (kind) {
    case 'farcough': {
      const one = () => readAt54(espeak54(['-v', 'en+whisper', '-s', '260', 'kuh']), fs, between(0.8, 1.1));
      const first = one();
      const two = r() < 0.5;
      const [gap, second] = [sec(between(0.15, 0.3)), one()];
      const dry = new Float64Array(first.length + (two ? gap + second.length : 0));
      dry.set(first);
      if (two)
        dry.set(
          second.map((v) => v * 0.8),
          first.length + gap,
        );
      const lp = between(700, 1300);
      const tl = sec(between(0.06, 0.12));
      const tail = Float64Array.from(noise(tl), (v, i) => v * Math.exp((-4 * i) / tl));
      const te = Math.sqrt(tail.reduce((s, v) => s + v * v, 0)) || 1;
      const out = new Float64Array(dry.length + tl);
      for (let i = 0; i < dry.length; i++) {
        out[i]! += dry[i]!;
        if (dry[i] !== 0) for (let j = 0; j < tl; j++) out[i + j]! += (Math.sqrt(0.6) * dry[i]! * tail[j]!) / te;
      }
      return onePole54(onePole54(out, fs, nyq(lp), false), fs, nyq(lp), false);
    }
    case 'fridge': {
      const len = sec(between(0.35, 0.6));
      const out = new Float64Array(len);
      const w = sec(between(0.001, 0.002));
      const imp = Float64Array.from({ length: sec(0.02) }, (_, i) => (i < w ? gauss() : 0));
      const click = resonance54(imp, fs, nyq(between(2000, 3500)), 600);
      const cm = Math.max(...click.map(Math.abs)) || 1;
      for (let i = 0; i < click.length && i < len; i++) out[i]! += (0.6 * click[i]!) / cm;
      const [tf, ttau] = [between(25, 40), between(0.04, 0.08) * fs];
      for (let i = 0; i < len; i++)
        out[i]! += 0.8 * Math.sin((2 * Math.PI * tf * i) / fs) * Math.exp(-i / ttau) * Math.min(1, i / (fs / (4 * tf)));
      const mains = r() < 0.5 ? 50 : 60;
      const [rise, wob, wf, ph] = [between(0.1, 0.25) * fs, between(0.08, 0.15), between(3, 7), 6.3 * r()];
      for (let i = 0; i < len; i++) {
        const t = i / fs;
        let h = 0;
        for (const [k, g] of [
          [2, 1],
          [6, 0.4],
          [10, 0.2],
        ] as const)
          if (k * mains < 0.45 * fs) h += g * Math.sin(2 * Math.PI * k * mains * t);
        const env = Math.min(1, i / rise) ** 2 * (1 + wob * Math.sin(2 * Math.PI * wf * t + ph));
        out[i]! += 0.35 * h * env * Math.min(1, (len - i) / (0.02 * fs));
      }
      return out;
    }
    case 'bird': {
      const notes = 3 + Math.floor(r() * 5);
      const parts: Float64Array[] = [];
      for (let k = 0; k < notes; k++) {
        const len = sec(between(0.04, 0.12));
        const [f0, sweep, trill, ph] = [between(3000, 5500), between(0.65, 1.35), between(20, 40), 6.3 * r()];
        const x = new Float64Array(len + sec(between(0.02, 0.06)));
        const ramp = 0.003 * fs;
        let p = 0;
        for (let i = 0; i < len; i++) {
          const u = i / len;
          const f = f0 * (1 + (sweep - 1) * u) * (1 + 0.06 * Math.sin((2 * Math.PI * trill * i) / fs + ph));
          p += (2 * Math.PI * nyq(f)) / fs;
          x[i] = Math.sin(p) * Math.min(1, i / ramp, (len - i) / ramp);
        }
        parts.push(x);
      }
      const out = new Float64Array(parts.reduce((s, x) => s + x.length, 0));
      let at = 0;
      for (const x of parts) (out.set(x, at), (at += x.length));
      return onePole54(out, fs, nyq(between(2500, 4000)), false);
    }
    case 'lighter': {
      const strike = () => {
        const rasp = sec(between(0.015, 0.035));
        const whoosh = sec(between(0.1, 0.25));
        const x = new Float64Array(rasp + whoosh);
        const hp = onePole54(noise(rasp), fs, nyq(2000), true);
        for (let i = 0; i < rasp; i++) x[i] = 0.3 * hp[i]! * Math.sin((Math.PI * i) / rasp);
        const grit = 3 + Math.floor(r() * 6);
        for (let g = 0; g < grit; g++) x[Math.floor(r() * rasp)]! += between(-0.6, 0.6);
        const w = sec(between(0.0005, 0.001));
        const imp = Float64Array.from({ length: sec(0.015) }, (_, i) => (i < w ? gauss() : 0));
        const click = resonance54(imp, fs, nyq(between(4000, 7000)), 900);
        const cm = Math.max(...click.map(Math.abs)) || 1;
        for (let i = 0; i < click.length && rasp + i < x.length; i++) x[rasp + i]! += click[i]! / cm;
        const flame = onePole54(noise(whoosh), fs, nyq(between(400, 900)), false);
        const fm = Math.max(...flame.map(Math.abs)) || 1;
        for (let i = 0; i < whoosh; i++)
          x[rasp + i]! += (0.25 * flame[i]! * Math.sin((Math.PI * i) / whoosh) ** 2) / fm;
        return x;
      };
      const first = strike();
      if (r() < 0.5) return first;
      const [gap, second] = [sec(between(0.12, 0.3)), strike()];
      const out = new Float64Array(first.length + gap + second.length);
      out.set(first);
      out.set(second, first.length + gap);
      return out;
    }
  }
}
/**
 * held-out-59's burst shapes (none before it): `kettle` (a kettle near the boil in the kitchen next door: noise
 * through two one-pole low-passes at 250–600 Hz swelling over 0.3–0.55 s, 8–20 bubble pops (2–6 ms decaying sines at
 * 300–900 Hz) and the last 40 % a whistle starting at 1.8–2.6 kHz rising by 4–10 %, its level at 0.2–0.4 of the
 * rumble's peak), `tablebuzz` (a phone's vibration motor on a wooden table: 2 or 3 pulses of 0.12–0.25 s 0.06–0.14 s
 * apart, a 140–210 Hz rattle (the motor's fundamental, a clipped sine with its odd harmonics) through the table's
 * resonance at 350–800 Hz, 180 Hz wide, 8 ms ramps), `latch` (a door's latch in the room: the handle's bolt drawn back
 * (a 1–3 ms noise impulse through resonances at 1.4–2.8 and 3.8–5.5 kHz decaying over 10–25 ms) and its snap home
 * 0.08–0.22 s later (the same at 1.3× level), with the door's knock (a 70–140 Hz sine decaying over 30–60 ms) under the
 * snap) and `pen` (a ballpoint pen clicked by the mic: press and release 0.07–0.2 s apart, each a 0.3–0.8 ms impulse
 * through a 5–8 kHz resonance and a 2–3.5 kHz one (at half), decaying within 2–5 ms, the release at 0.6–0.9 of the
 * press; once or twice, the second 0.25–0.45 s later). Kettle, tablebuzz and latch sound in the room; pen at the mic.
 * Every frequency clamped to 0.45 fs. Sizes and shapes **chosen**.
 */
function burstSound59(kind: 'kettle' | 'tablebuzz' | 'latch' | 'pen', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const clickOf = (ms: [number, number], hz: [number, number][], bw: number) => {
    const w = sec(between(ms[0], ms[1]) / 1000);
    const imp = Float64Array.from({ length: sec(0.03) }, (_, i) => (i < w ? gauss() : 0));
    const out = new Float64Array(imp.length);
    hz.forEach(([lo, hi], k) => {
      const x = resonance54(imp, fs, nyq(between(lo, hi)), bw);
      const m = peakOf(x);
      for (let i = 0; i < out.length; i++) out[i]! += (x[i]! / m) * (k === 0 ? 1 : 0.5);
    });
    return out;
  };
  switch (kind) {
    case 'kettle': {
      const len = sec(between(0.3, 0.55));
      const lp = between(250, 600);
      const rum = onePole54(onePole54(noise(len), fs, nyq(lp), false), fs, nyq(lp), false);
      const rm = peakOf(rum);
      const out = Float64Array.from(
        rum,
        (v, i) => (v / rm) * Math.min(1, i / len + 0.2) * Math.min(1, (len - i) / (0.02 * fs)),
      );
      const pops = 8 + Math.floor(r() * 13);
      for (let p = 0; p < pops; p++) {
        const [at, f, d] = [Math.floor(r() * len), between(300, 900), sec(between(0.002, 0.006))];
        for (let i = 0; i < 4 * d && at + i < len; i++)
          out[at + i]! += 0.5 * Math.sin((2 * Math.PI * nyq(f) * i) / fs) * Math.exp(-i / d);
      }
      const [w0, rise, lvl] = [between(1800, 2600), between(0.04, 0.1), between(0.2, 0.4)];
      const from = Math.floor(0.6 * len);
      let ph = 0;
      for (let i = from; i < len; i++) {
        const u = (i - from) / (len - from);
        ph += (2 * Math.PI * nyq(w0 * (1 + rise * u))) / fs;
        out[i]! += lvl * Math.sin(ph) * Math.min(1, u * 5, (len - i) / (0.02 * fs));
      }
      return out;
    }
    case 'tablebuzz': {
      const pulses = 2 + Math.floor(r() * 2);
      const [f0, table] = [between(140, 210), between(350, 800)];
      const parts: Float64Array[] = [];
      for (let k = 0; k < pulses; k++) {
        const len = sec(between(0.12, 0.25));
        const x = new Float64Array(len + (k < pulses - 1 ? sec(between(0.06, 0.14)) : 0));
        const ramp = 0.008 * fs;
        for (let i = 0; i < len; i++) {
          const s = Math.sin((2 * Math.PI * f0 * i) / fs);
          x[i] = Math.max(-0.6, Math.min(0.6, s)) * Math.min(1, i / ramp, (len - i) / ramp);
        }
        parts.push(x);
      }
      const raw = new Float64Array(parts.reduce((s, x) => s + x.length, 0));
      let at = 0;
      for (const x of parts) (raw.set(x, at), (at += x.length));
      const body = resonance54(raw, fs, nyq(table), 180);
      const bm = peakOf(body);
      return Float64Array.from(raw, (v, i) => 0.3 * v + (0.7 * body[i]!) / bm);
    }
    case 'latch': {
      const gap = sec(between(0.08, 0.22));
      const drawn = clickOf(
        [1, 3],
        [
          [1400, 2800],
          [3800, 5500],
        ],
        400,
      );
      const snap = clickOf(
        [1, 3],
        [
          [1400, 2800],
          [3800, 5500],
        ],
        400,
      );
      const [kf, ktau] = [between(70, 140), between(0.03, 0.06) * fs];
      const out = new Float64Array(gap + Math.max(snap.length, sec(0.2)));
      for (let i = 0; i < drawn.length; i++) out[i]! += drawn[i]!;
      for (let i = 0; i < snap.length; i++) out[gap + i]! += 1.3 * snap[i]!;
      for (let i = 0; gap + i < out.length; i++)
        out[gap + i]! += 0.6 * Math.sin((2 * Math.PI * kf * i) / fs) * Math.exp(-i / ktau);
      return out;
    }
    case 'pen': {
      const click = () => {
        const gap = sec(between(0.07, 0.2));
        const [press, release] = [
          clickOf(
            [0.3, 0.8],
            [
              [5000, 8000],
              [2000, 3500],
            ],
            900,
          ),
          clickOf(
            [0.3, 0.8],
            [
              [5000, 8000],
              [2000, 3500],
            ],
            900,
          ),
        ];
        const g = between(0.6, 0.9);
        const x = new Float64Array(gap + release.length);
        for (let i = 0; i < press.length; i++) x[i]! += press[i]!;
        for (let i = 0; i < release.length; i++) x[gap + i]! += g * release[i]!;
        return x;
      };
      const first = click();
      if (r() < 0.5) return first;
      const [gap, second] = [sec(between(0.25, 0.45)), click()];
      const out = new Float64Array(first.length + gap + second.length);
      out.set(first);
      out.set(second, first.length + gap);
      return out;
    }
  }
}
/**
 * held-out-60's burst shapes (none before it): `cup` (a ceramic cup set down on a wooden table: the table's thud, a
 * 90–160 Hz sine decaying over 15–35 ms, under the cup's ring, three partials at f, 2.3–2.5 f and 4–4.4 f with f at
 * 1.6–2.6 kHz, decaying over 120, 70 and 40 ms (× 0.7–1.3), at 0.4–0.7 of the thud; in half of them the cup settles,
 * the same ring at 0.3–0.6 again 15–40 ms later), `keys` (a bunch of keys jingled: 12–30 clinks over 0.25–0.6 s,
 * denser in its middle (a sin² density), each a 0.5–1.5 ms noise impulse through a resonance at 2.5–6 kHz, 300 Hz
 * wide, at 0.3–1), `drip` (a tap dripping into a sink in the kitchen: 2–4 drops 0.18–0.35 s apart, each a soft 1 ms
 * impact and a sine rising from 700–1100 Hz by 30–70 % over 8–20 ms, decaying over 10–25 ms) and `nail` (a fingernail
 * tapping the mic's grille: 2–4 taps 0.09–0.2 s apart, each a 0.2–0.6 ms impulse through the grille's resonances at
 * 3–5.5 kHz (500 Hz wide) and 6–9 kHz (700 Hz wide, at 0.6), with the capsule's thump under it, a 40–80 Hz
 * half-sine of 6–12 ms at 0.15–0.3). Cup, keys and drip sound in the room; nail at the mic. Every frequency clamped to
 * 0.45 fs. Sizes and shapes **chosen**.
 */
function burstSound60(kind: 'cup' | 'keys' | 'drip' | 'nail', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  // a short noise impulse of w seconds through a resonance at hz (bw Hz wide), peak 1, `len` s long
  const struck = (w: number, hz: number, bw: number, len: number) => {
    const imp = Float64Array.from({ length: sec(len) }, (_, i) => (i < sec(w) ? gauss() : 0));
    const x = resonance54(imp, fs, nyq(hz), bw);
    const m = peakOf(x);
    return x.map((v) => v / m);
  };
  const ring = (f: number, stretch: number) => {
    const parts = [
      [1, 0.12, 1],
      [between(2.3, 2.5), 0.07, 0.6],
      [between(4, 4.4), 0.04, 0.35],
    ] as const;
    const x = new Float64Array(sec(0.5));
    for (const [ratio, tau, level] of parts) {
      const [hz, t] = [nyq(f * ratio), tau * stretch * fs];
      for (let i = 0; i < x.length; i++) x[i]! += level * Math.sin((2 * Math.PI * hz * i) / fs) * Math.exp(-i / t);
    }
    return x;
  };
  switch (kind) {
    case 'cup': {
      const [thudHz, thudTau] = [between(90, 160), between(0.015, 0.035) * fs];
      const [f, stretch, lvl] = [between(1600, 2600), between(0.7, 1.3), between(0.4, 0.7)];
      const settle = r() < 0.5 ? { at: sec(between(0.015, 0.04)), g: between(0.3, 0.6) } : undefined;
      const body = ring(f, stretch);
      const out = new Float64Array(body.length + (settle?.at ?? 0));
      for (let i = 0; i < out.length; i++) out[i] = Math.sin((2 * Math.PI * thudHz * i) / fs) * Math.exp(-i / thudTau);
      for (let i = 0; i < body.length; i++) out[i]! += lvl * body[i]!;
      if (settle) for (let i = 0; i < body.length; i++) out[settle.at + i]! += settle.g * lvl * body[i]!;
      return out;
    }
    case 'keys': {
      const len = sec(between(0.25, 0.6));
      const clinks = 12 + Math.floor(r() * 19);
      const out = new Float64Array(len + sec(0.03));
      for (let c = 0; c < clinks; c++) {
        // a sin² density: the place drawn by rejection
        let u = r();
        while (r() > Math.sin(Math.PI * u) ** 2) u = r();
        const at = Math.floor(u * len);
        const x = struck(between(0.0005, 0.0015), between(2500, 6000), 300, 0.03);
        const a = between(0.3, 1);
        for (let i = 0; i < x.length && at + i < out.length; i++) out[at + i]! += a * x[i]!;
      }
      return out;
    }
    case 'drip': {
      const drops = 2 + Math.floor(r() * 3);
      const gaps = Array.from({ length: drops - 1 }, () => sec(between(0.18, 0.35)));
      const out = new Float64Array(gaps.reduce((a, b) => a + b, 0) + sec(0.1));
      let at = 0;
      for (let d = 0; d < drops; d++) {
        const [f0, rise, glide, tau] = [
          between(700, 1100),
          between(0.3, 0.7),
          between(0.008, 0.02),
          between(0.01, 0.025),
        ];
        const tap = struck(0.001, 2000, 1500, 0.01);
        for (let i = 0; i < tap.length; i++) out[at + i]! += 0.3 * tap[i]!;
        let ph = 0;
        for (let i = 0; i < sec(5 * tau) && at + i < out.length; i++) {
          const t = i / fs;
          ph += (2 * Math.PI * nyq(f0 * (1 + rise * Math.min(1, t / glide)))) / fs;
          out[at + i]! += Math.sin(ph) * Math.exp(-t / tau) * Math.min(1, t / 0.001);
        }
        at += gaps[d] ?? 0;
      }
      return out;
    }
    case 'nail': {
      const taps = 2 + Math.floor(r() * 3);
      const gaps = Array.from({ length: taps - 1 }, () => sec(between(0.09, 0.2)));
      const out = new Float64Array(gaps.reduce((a, b) => a + b, 0) + sec(0.03));
      let at = 0;
      for (let t = 0; t < taps; t++) {
        const w = between(0.0002, 0.0006);
        const hi = struck(w, between(3000, 5500), 500, 0.02);
        const top = struck(w, between(6000, 9000), 700, 0.02);
        const [thumpHz, thumpLen, thumpG] = [between(40, 80), sec(between(0.006, 0.012)), between(0.15, 0.3)];
        for (let i = 0; i < hi.length && at + i < out.length; i++) out[at + i]! += hi[i]! + 0.6 * top[i]!;
        for (let i = 0; i < thumpLen && at + i < out.length; i++)
          out[at + i]! += thumpG * Math.sin((Math.PI * i) / thumpLen) * Math.sin((2 * Math.PI * thumpHz * i) / fs);
        at += gaps[t] ?? 0;
      }
      return out;
    }
  }
}
/**
 * held-out-61's burst shapes (none before it): `sneeze` (a person sneezing in the room: the "ah", 0.12–0.25 s of
 * breathy noise through two vowel resonances at 650–900 Hz and 1.1–1.4 kHz (250 and 350 Hz wide) swelling in, a
 * 20–60 ms catch, then the "choo", 60–120 ms of noise through a 2.5–4.5 kHz resonance 1.5 kHz wide, rising in 3 ms
 * and decaying over 30–60 ms, the "ah" at 0.2–0.4 of it), `siren` (an ambulance's wail far off through a window: a
 * tone and its second and third partials at 0.35 and 0.12, sweeping between 650–800 Hz and 1.2–1.5 kHz as a sine of
 * 0.8–1.6 Hz, over 0.5–0.9 s with 0.12 s fades), `stand` (a mic stand knocked: a 60–110 Hz thump of 15–30 ms under
 * the tube's ring, partials at f, 2.76 f and 5.4 f (a free bar's) with f at 350–650 Hz, decaying over 150, 80 and
 * 40 ms × 0.7–1.3, at 0.3–0.5 of the thump) and `tape` (gaffer tape pulled off a case: 0.15–0.4 s of tearing, 150–400
 * impulses a second, more towards its end, each a 0.1–0.3 ms noise impulse through a 1.5–4 kHz resonance 1 kHz wide,
 * at 0.3–1). Sneeze, siren and tape sound in the room; stand at the mic. Every frequency clamped to 0.45 fs. Sizes and
 * shapes **chosen**.
 */
function burstSound61(kind: 'sneeze' | 'siren' | 'stand' | 'tape', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const band = (len: number, hz: number, bw: number) => {
    const x = resonance54(
      Float64Array.from({ length: len }, () => gauss()),
      fs,
      nyq(hz),
      bw,
    );
    const m = peakOf(x);
    return x.map((v) => v / m);
  };
  switch (kind) {
    case 'sneeze': {
      const [ah, gap, choo] = [sec(between(0.12, 0.25)), sec(between(0.02, 0.06)), sec(between(0.06, 0.12))];
      const [f1, f2, hot, tau, lvl] = [
        between(650, 900),
        between(1100, 1400),
        between(2500, 4500),
        between(0.03, 0.06) * fs,
        between(0.2, 0.4),
      ];
      const [a1, a2, c] = [band(ah, f1, 250), band(ah, f2, 350), band(choo + sec(0.2), hot, 1500)];
      const out = new Float64Array(ah + gap + c.length);
      for (let i = 0; i < ah; i++) out[i] = (lvl * (a1[i]! + 0.6 * a2[i]!) * (i / ah) ** 1.5) / 1.6;
      const rise = sec(0.003);
      for (let i = 0; i < c.length; i++)
        out[ah + gap + i] = c[i]! * Math.min(1, i / rise) * (i < choo ? 1 : Math.exp(-(i - choo) / tau));
      return out;
    }
    case 'siren': {
      const len = sec(between(0.5, 0.9));
      const [lo, hi, rate, fade] = [between(650, 800), between(1200, 1500), between(0.8, 1.6), sec(0.12)];
      const phase0 = 2 * Math.PI * r();
      const out = new Float64Array(len);
      let ph = 0;
      for (let i = 0; i < len; i++) {
        const f = lo + ((hi - lo) * (1 + Math.sin(phase0 + (2 * Math.PI * rate * i) / fs))) / 2;
        ph += (2 * Math.PI * f) / fs;
        const env = Math.min(1, i / fade, (len - 1 - i) / fade);
        out[i] =
          env *
          (Math.sin(ph) +
            (2 * f < 0.45 * fs ? 0.35 * Math.sin(2 * ph) : 0) +
            (3 * f < 0.45 * fs ? 0.12 * Math.sin(3 * ph) : 0));
      }
      return out;
    }
    case 'stand': {
      const [thumpHz, thumpLen] = [between(60, 110), sec(between(0.015, 0.03))];
      const [f, stretch, lvl] = [between(350, 650), between(0.7, 1.3), between(0.3, 0.5)];
      const out = new Float64Array(sec(0.6));
      for (let i = 0; i < thumpLen; i++)
        out[i] = Math.sin((Math.PI * i) / thumpLen) * Math.sin((2 * Math.PI * thumpHz * i) / fs);
      for (const [ratio, tau, level] of [
        [1, 0.15, 1],
        [2.76, 0.08, 0.6],
        [5.4, 0.04, 0.35],
      ] as const) {
        const [hz, t] = [nyq(f * ratio), tau * stretch * fs];
        for (let i = 0; i < out.length; i++)
          out[i]! += lvl * level * Math.sin((2 * Math.PI * hz * i) / fs) * Math.exp(-i / t);
      }
      return out;
    }
    case 'tape': {
      const len = sec(between(0.15, 0.4));
      const mean = between(150, 400);
      const out = new Float64Array(len + sec(0.01));
      let t = 0;
      while (true) {
        // more impulses towards the end: the rate rising from 0.5 to 1.5 × the mean
        t += -Math.log(1 - r()) / (mean * (0.5 + t / (len / fs)));
        const at = Math.round(t * fs);
        if (at >= len) break;
        const w = sec(between(0.0001, 0.0003));
        const imp = Float64Array.from({ length: sec(0.01) }, (_, i) => (i < w ? gauss() : 0));
        const x = resonance54(imp, fs, nyq(between(1500, 4000)), 1000);
        const k = between(0.3, 1) / peakOf(x);
        for (let i = 0; i < x.length && at + i < out.length; i++) out[at + i]! += k * x[i]!;
      }
      return out;
    }
  }
}
/**
 * held-out-62's burst shapes (none before it): `squeak` (a chair shifted on a wooden floor: a stick-slip squeal, a
 * pulse train whose rate slides from 180–300 Hz to 300–450 Hz and back over 0.2–0.45 s, each pulse a 0.3 ms impulse
 * through a 1–2 kHz resonance 600 Hz wide, with 0.15 of noise under it, 20 ms fades), `clink` (two glasses touched:
 * two strikes 40–120 ms apart, the second at 0.3–0.6 of the first, each four inharmonic partials at f, 2.32 f, 4.25 f
 * and 6.63 f (f 1.6–2.6 kHz, clamped to 0.45 fs), at 1, 0.5, 0.3 and 0.15, decaying over 0.25–0.45 s ÷ the partial's
 * number), `steps` (footsteps passing: 2–3 steps 0.3–0.45 s apart, each a heel's thud of 70–140 Hz over 25–50 ms and
 * a sole's scuff of 30–60 ms of noise through a 600–1200 Hz resonance 800 Hz wide at 0.2–0.4, the steps rising then
 * falling by 3 dB) and `tap` (a finger tapping the mic's grille: 1–3 taps 70–180 ms apart, each a proximity thump of
 * 90–200 Hz over 8–15 ms under a 0.2 ms click through a 3–5 kHz resonance 1.5 kHz wide at 0.2–0.4). Squeak, clink and
 * steps sound in the room; tap at the mic. Sizes and shapes **chosen**.
 */
function burstSound62(kind: 'squeak' | 'clink' | 'steps' | 'tap', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const band = (x: Float64Array, hz: number, bw: number) => {
    const y = resonance54(x, fs, nyq(hz), bw);
    const m = peakOf(y);
    return y.map((v) => v / m);
  };
  switch (kind) {
    case 'squeak': {
      const len = sec(between(0.2, 0.45));
      const [lo, hi, res, fade] = [between(180, 300), between(300, 450), between(1000, 2000), sec(0.02)];
      const w = sec(0.0003);
      const imp = new Float64Array(len);
      let t = 0;
      while (true) {
        const u = t / len;
        t += fs / (lo + (hi - lo) * Math.sin(Math.PI * u));
        const at = Math.round(t);
        if (at + w >= len) break;
        for (let i = 0; i < w; i++) imp[at + i] = 1 - i / w;
      }
      const out = band(imp, res, 600);
      for (let i = 0; i < len; i++) out[i] = (out[i]! + 0.15 * gauss()) * Math.min(1, i / fade, (len - 1 - i) / fade);
      return out;
    }
    case 'clink': {
      const [gap, second, f] = [sec(between(0.04, 0.12)), between(0.3, 0.6), between(1600, 2600)];
      const decay = between(0.25, 0.45);
      const out = new Float64Array(gap + sec(0.5));
      for (const [at, g] of [
        [0, 1],
        [gap, second],
      ] as const)
        [
          [1, 1],
          [2.32, 0.5],
          [4.25, 0.3],
          [6.63, 0.15],
        ].forEach(([ratio, level], k) => {
          const [hz, tau, ph] = [nyq(f * ratio!), (decay / (k + 1)) * fs, 2 * Math.PI * r()];
          for (let i = 0; at + i < out.length; i++)
            out[at + i]! += g * level! * Math.sin((2 * Math.PI * hz * i) / fs + ph) * Math.exp(-i / tau);
        });
      return out;
    }
    case 'steps': {
      const count = r() < 0.5 ? 2 : 3;
      const gaps = Array.from({ length: count - 1 }, () => sec(between(0.3, 0.45)));
      const out = new Float64Array(gaps.reduce((a, b) => a + b, 0) + sec(0.12));
      let at = 0;
      for (let s = 0; s < count; s++) {
        const g = 10 ** ((-3 * Math.abs(s - (count - 1) / 2)) / ((count - 1) / 2) / 20);
        const [hz, thud, scuff] = [between(70, 140), sec(between(0.025, 0.05)), sec(between(0.03, 0.06))];
        const sole = band(
          Float64Array.from({ length: scuff }, () => gauss()),
          between(600, 1200),
          800,
        );
        const sLvl = between(0.2, 0.4);
        for (let i = 0; i < thud && at + i < out.length; i++)
          out[at + i]! += g * Math.sin((2 * Math.PI * hz * i) / fs) * Math.exp((-4 * i) / thud);
        for (let i = 0; i < scuff && at + i < out.length; i++)
          out[at + i]! += g * sLvl * sole[i]! * Math.sin((Math.PI * i) / scuff);
        at += gaps[s] ?? 0;
      }
      return out;
    }
    case 'tap': {
      const count = 1 + Math.floor(3 * r());
      const gaps = Array.from({ length: count - 1 }, () => sec(between(0.07, 0.18)));
      const out = new Float64Array(gaps.reduce((a, b) => a + b, 0) + sec(0.03));
      let at = 0;
      for (let s = 0; s < count; s++) {
        const [hz, len, lvl] = [between(90, 200), sec(between(0.008, 0.015)), between(0.2, 0.4)];
        const w = sec(0.0002);
        const click = band(
          Float64Array.from({ length: sec(0.01) }, (_, i) => (i < w ? gauss() : 0)),
          between(3000, 5000),
          1500,
        );
        for (let i = 0; i < len && at + i < out.length; i++)
          out[at + i]! += Math.sin((Math.PI * i) / len) * Math.sin((2 * Math.PI * hz * i) / fs);
        for (let i = 0; i < click.length && at + i < out.length; i++) out[at + i]! += lvl * click[i]!;
        at += gaps[s] ?? 0;
      }
      return out;
    }
  }
}
/**
 * held-out-63's burst shapes (none before it): `knock` (knuckles on a door: 2–4 knocks 0.11–0.2 s apart, each a
 * wooden panel's two modes at 140–260 Hz and 2.3–3.1 times it decaying in 18–40 ms under a 1 ms click through a
 * 1.5–2.5 kHz resonance 1 kHz wide at 0.3–0.5, the knocks at 1 to 0.7), `bell` (a bicycle bell outside: one or two
 * rings 0.12–0.22 s apart, each a struck dome's partials at f, 1.48 f, 2.09 f and 2.78 f (f 2.6–3.6 kHz, clamped to
 * 0.45 fs) at 1, 0.6, 0.35 and 0.2, two of them beating 4–9 Hz, decaying over 0.3–0.6 s ÷ the partial's number, under
 * a one-pole low-pass at 5 kHz — through a window), `clap` (a hand clap: one or two claps 0.25–0.4 s apart, each 2–4
 * noise bursts 3–8 ms apart through a 900–1600 Hz resonance 900 Hz wide, decaying in 6–14 ms) and `handle` (a hand
 * shifting on the mic's body: 0.15–0.35 s of noise through two one-pole low-passes at 150–300 Hz under a sin² swell,
 * 2–5 thumps of 30–70 Hz over 10–25 ms, and a scrape of noise through a 2–4 kHz resonance 2 kHz wide at 0.15–0.3).
 * Knock, bell and clap sound in the room; handle at the mic. Sizes and shapes **chosen**.
 */
function burstSound63(kind: 'knock' | 'bell' | 'clap' | 'handle', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const nyq = (hz: number) => Math.min(hz, 0.45 * fs);
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const band = (x: Float64Array, hz: number, bw: number) => {
    const y = resonance54(x, fs, nyq(hz), bw);
    const m = peakOf(y);
    return y.map((v) => v / m);
  };
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  switch (kind) {
    case 'knock': {
      const count = 2 + Math.floor(3 * r());
      const gaps = Array.from({ length: count - 1 }, () => sec(between(0.11, 0.2)));
      const out = new Float64Array(gaps.reduce((a, b) => a + b, 0) + sec(0.12));
      let at = 0;
      for (let k = 0; k < count; k++) {
        const g = 1 - (0.3 * k) / Math.max(1, count - 1);
        const [f, ratio, tau, lvl] = [
          between(140, 260),
          between(2.3, 3.1),
          between(0.018, 0.04) * fs,
          between(0.3, 0.5),
        ];
        const click = band(
          Float64Array.from({ length: sec(0.012) }, (_, i) => (i < sec(0.001) ? gauss() : 0)),
          between(1500, 2500),
          1000,
        );
        for (let i = 0; at + i < out.length && i < 6 * tau; i++)
          out[at + i]! +=
            g *
            Math.exp(-i / tau) *
            (Math.sin((2 * Math.PI * f * i) / fs) + 0.4 * Math.sin((2 * Math.PI * nyq(f * ratio) * i) / fs));
        for (let i = 0; i < click.length && at + i < out.length; i++) out[at + i]! += g * lvl * click[i]!;
        at += gaps[k] ?? 0;
      }
      return out;
    }
    case 'bell': {
      const count = r() < 0.5 ? 1 : 2;
      const gap = sec(between(0.12, 0.22));
      const [f, decay, beat] = [between(2600, 3600), between(0.3, 0.6), between(4, 9)];
      const out = new Float64Array(gap * (count - 1) + sec(0.6));
      for (let k = 0; k < count; k++)
        [
          [1, 1],
          [1.48, 0.6],
          [2.09, 0.35],
          [2.78, 0.2],
        ].forEach(([ratio, level], j) => {
          const [hz, tau, ph] = [nyq(f * ratio!), (decay / (j + 1)) * fs, 2 * Math.PI * r()];
          const wobble = j < 2 ? (i: number) => 1 + 0.3 * Math.sin((2 * Math.PI * beat * i) / fs) : () => 1;
          for (let i = 0; k * gap + i < out.length; i++)
            out[k * gap + i]! +=
              (k ? 0.8 : 1) * level! * wobble(i) * Math.sin((2 * Math.PI * hz * i) / fs + ph) * Math.exp(-i / tau);
        });
      const a = Math.exp((-2 * Math.PI * nyq(5000)) / fs);
      let low = 0;
      return out.map((v) => (low = (1 - a) * v + a * low));
    }
    case 'clap': {
      const count = r() < 0.5 ? 1 : 2;
      const gap = sec(between(0.25, 0.4));
      const out = new Float64Array(gap * (count - 1) + sec(0.08));
      for (let k = 0; k < count; k++) {
        const bursts = 2 + Math.floor(3 * r());
        let at = k * gap;
        for (let b = 0; b < bursts; b++) {
          const [tau, len] = [between(0.006, 0.014) * fs, sec(0.05)];
          const x = band(
            Float64Array.from(noise(len), (v, i) => v * Math.exp(-i / tau)),
            between(900, 1600),
            900,
          );
          for (let i = 0; i < len && at + i < out.length; i++) out[at + i]! += (b === bursts - 1 ? 1 : 0.5) * x[i]!;
          at += sec(between(0.003, 0.008));
        }
      }
      return out;
    }
    case 'handle': {
      const len = sec(between(0.15, 0.35));
      const lp = between(150, 300);
      const rumble = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const rm = peakOf(rumble);
      const scrape = band(noise(len), between(2000, 4000), 2000);
      const sLvl = between(0.15, 0.3);
      const out = Float64Array.from(
        rumble,
        (v, i) => (v / rm + sLvl * scrape[i]!) * Math.sin((Math.PI * i) / len) ** 2,
      );
      const thumps = 2 + Math.floor(4 * r());
      for (let k = 0; k < thumps; k++) {
        const [at, hz, tl] = [Math.floor(r() * len * 0.8), between(30, 70), sec(between(0.01, 0.025))];
        for (let i = 0; i < tl && at + i < len; i++)
          out[at + i]! += Math.sin((Math.PI * i) / tl) * Math.sin((2 * Math.PI * hz * i) / fs);
      }
      return out;
    }
  }
}
/**
 * held-out-64's burst shapes (none before it): `whistle` (someone whistling outside: one or two notes 0.12–0.3 s
 * each, 40–90 ms apart, a sine at 1.3–2.4 kHz (clamped to 0.4 fs) gliding 2–5 semitones up or down across the note,
 * a 5–7 Hz vibrato of 20–40 cents, 25 ms rise and fall, and breath noise through a 250 Hz-wide resonance at the tone
 * at 0.06–0.12), `crumple` (paper crumpled in a hand: 0.25–0.55 s of 25–70 crackles at exponential gaps, each a
 * 0.4–2.5 ms noise burst through a one-pole high-pass at 1.2 kHz, sizes log-uniform over 20 dB, under a sin^0.5
 * envelope), `drop` (a book dropped on the floor: a 55–110 Hz thud decaying in 35–80 ms under a 6–14 ms slap of noise
 * through a 400–900 Hz resonance 600 Hz wide at 0.4–0.7, and a bounce 60–130 ms later at 0.25–0.45 of it) and `blow`
 * (a person blowing on the mic to test it: one or two puffs 0.15–0.3 s apart, each 0.1–0.22 s of noise through two
 * one-pole low-passes at 250–500 Hz, rising in 8 ms and falling as an exponential of 30–70 ms, with a one-pole
 * high-passed hiss at 1.5 kHz at 0.1–0.2). Whistle, crumple and drop sound in the room; blow at the mic. Sizes and
 * shapes **chosen**.
 */
function burstSound64(kind: 'whistle' | 'crumple' | 'drop' | 'blow', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  switch (kind) {
    case 'whistle': {
      const count = r() < 0.5 ? 1 : 2;
      const lens = Array.from({ length: count }, () => sec(between(0.12, 0.3)));
      const gap = sec(between(0.04, 0.09));
      const out = new Float64Array(lens.reduce((a, b) => a + b, 0) + gap * (count - 1));
      let at = 0;
      for (const len of lens) {
        const [f0, glide, vib, vibHz, air] = [
          Math.min(between(1300, 2400), 0.4 * fs),
          (r() < 0.5 ? -1 : 1) * between(2, 5),
          between(20, 40),
          between(5, 7),
          between(0.06, 0.12),
        ];
        const ramp = sec(0.025);
        let ph = 0;
        const tone = new Float64Array(len);
        for (let i = 0; i < len; i++) {
          const cents = (100 * glide * i) / len + vib * Math.sin((2 * Math.PI * vibHz * i) / fs);
          ph += (2 * Math.PI * Math.min(f0 * 2 ** (cents / 1200), 0.45 * fs)) / fs;
          tone[i] = Math.sin(ph);
        }
        const breath = resonance54(noise(len), fs, f0, 250);
        const bm = peakOf(breath);
        for (let i = 0; i < len; i++) {
          const env = Math.min(1, i / ramp, (len - 1 - i) / ramp);
          out[at + i] = env * (tone[i]! + (air * breath[i]!) / bm);
        }
        at += len + gap;
      }
      return out;
    }
    case 'crumple': {
      const len = sec(between(0.25, 0.55));
      const count = 25 + Math.floor(46 * r());
      const out = new Float64Array(len);
      let t = 0;
      for (let k = 0; k < count; k++) {
        t += (-Math.log(1 - r()) * len) / count;
        const [at, cl, size] = [Math.floor(t) % len, sec(between(0.0004, 0.0025)), 10 ** (-between(0, 20) / 20)];
        const click = onePole54(noise(cl + sec(0.002)), fs, 1200, true);
        for (let i = 0; i < click.length && at + i < len; i++) out[at + i]! += size * click[i]! * (i < cl ? 1 : 0.3);
      }
      return out.map((v, i) => v * Math.sqrt(Math.sin((Math.PI * (i + 0.5)) / len)));
    }
    case 'drop': {
      const [f, tau, slap, sLvl, bounce, bLvl] = [
        between(55, 110),
        between(0.035, 0.08) * fs,
        sec(between(0.006, 0.014)),
        between(0.4, 0.7),
        sec(between(0.06, 0.13)),
        between(0.25, 0.45),
      ];
      const one = new Float64Array(Math.ceil(6 * tau));
      for (let i = 0; i < one.length; i++) one[i] = Math.exp(-i / tau) * Math.sin((2 * Math.PI * f * i) / fs);
      const hit = resonance54(
        Float64Array.from(noise(slap), (v, i) => v * (1 - i / slap)),
        fs,
        between(400, 900),
        600,
      );
      const hm = peakOf(hit);
      for (let i = 0; i < hit.length && i < one.length; i++) one[i]! += (sLvl * hit[i]!) / hm;
      const out = new Float64Array(bounce + one.length);
      for (let i = 0; i < one.length; i++) {
        out[i]! += one[i]!;
        out[bounce + i]! += bLvl * one[i]!;
      }
      return out;
    }
    case 'blow': {
      const count = r() < 0.5 ? 1 : 2;
      const gap = sec(between(0.15, 0.3));
      const lens = Array.from({ length: count }, () => sec(between(0.1, 0.22)));
      const out = new Float64Array(gap * (count - 1) + Math.max(...lens));
      lens.forEach((len, k) => {
        const lp = between(250, 500);
        const low = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
        const lm = peakOf(low);
        const hiss = onePole54(noise(len), fs, 1500, true);
        const hm = peakOf(hiss);
        const [decay, hLvl, rise] = [between(0.03, 0.07) * fs, between(0.1, 0.2), sec(0.008)];
        for (let i = 0; i < len && k * gap + i < out.length; i++)
          out[k * gap + i]! +=
            Math.min(1, i / rise) * Math.exp(-Math.max(0, i - rise) / decay) * (low[i]! / lm + (hLvl * hiss[i]!) / hm);
      });
      return out;
    }
  }
}
/**
 * held-out-65's burst shapes (none before it): `beep` (an appliance beeping in the next room: two or three beeps of
 * 60–120 ms, 40–90 ms apart, a sine at 2–3.4 kHz (clamped to 0.4 fs) with its third harmonic (clamped likewise) at
 * 0.15–0.3, 3 ms rise and fall), `chair` (a chair scraped on the floor: 0.2–0.5 s of stick-slip, ticks at 25–45 Hz
 * rising 1.2–1.6× across the scrape, each a 2–4 ms decaying sine at 500–1100 Hz (the same ratio up) with a little
 * noise, under a sin^0.7 envelope), `laugh` (someone laughing in the control room: three to six "ha"s 0.16–0.22 s
 * apart, each 0.07–0.13 s of a 150–280 Hz buzz (harmonics to 3 kHz at 1/k, the pitch falling 10–20 % over the laugh)
 * through two resonances (650–900 Hz, 1100–1400 Hz) with a breathy onset, 8 ms rise and an exponential fall) and `rub`
 * (a finger rubbing the mic's grille: 0.15–0.4 s of noise through two one-pole low-passes at 600–1200 Hz, strokes at
 * 6–12 Hz (|sin|), and scratches — 0.3 ms high-passed ticks at 2 kHz, 150–400 a second, at 0.2–0.4). Beep, chair and
 * laugh sound in the room; rub at the mic. Sizes and shapes **chosen**.
 */
function burstSound65(kind: 'beep' | 'chair' | 'laugh' | 'rub', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  switch (kind) {
    case 'beep': {
      const count = r() < 0.5 ? 2 : 3;
      const [len, gap, f, h3] = [
        sec(between(0.06, 0.12)),
        sec(between(0.04, 0.09)),
        between(2000, 3400),
        between(0.15, 0.3),
      ];
      const [f1, f3, ramp] = [Math.min(f, 0.4 * fs), Math.min(3 * f, 0.45 * fs), sec(0.003)];
      const out = new Float64Array(count * len + (count - 1) * gap);
      for (let k = 0; k < count; k++)
        for (let i = 0; i < len; i++) {
          const env = Math.min(1, i / ramp, (len - 1 - i) / ramp);
          const w = (2 * Math.PI * i) / fs;
          out[k * (len + gap) + i] = env * (Math.sin(w * f1) + h3 * Math.sin(w * f3));
        }
      return out;
    }
    case 'chair': {
      const len = sec(between(0.2, 0.5));
      const [rate, up, f0] = [between(25, 45), between(1.2, 1.6), between(500, 1100)];
      const out = new Float64Array(len);
      let t = 0;
      while (t < len) {
        const u = t / len;
        const ratio = 1 + (up - 1) * u;
        const [f, tau, tick] = [Math.min(f0 * ratio, 0.4 * fs), between(0.002, 0.004) * fs, between(0.6, 1)];
        for (let i = 0; i < 6 * tau && t + i < len; i++)
          out[Math.floor(t) + i]! +=
            tick * Math.exp(-i / tau) * (Math.sin((2 * Math.PI * f * i) / fs) + 0.15 * gauss());
        t += fs / (rate * ratio);
      }
      return out.map((v, i) => v * Math.sin((Math.PI * (i + 0.5)) / len) ** 0.7);
    }
    case 'laugh': {
      const count = 3 + Math.floor(4 * r());
      const [period, fall, fHi] = [sec(between(0.16, 0.22)), between(0.1, 0.2), between(150, 280)];
      const [F1, F2] = [between(650, 900), between(1100, 1400)];
      const lens = Array.from({ length: count }, () => sec(between(0.07, 0.13)));
      const out = new Float64Array((count - 1) * period + Math.max(...lens));
      lens.forEach((len, k) => {
        const f = Math.min(fHi * (1 - (fall * k) / Math.max(1, count - 1)), 0.1 * fs);
        const src = new Float64Array(len);
        for (let h = 1; h * f <= Math.min(3000, 0.45 * fs); h++)
          for (let i = 0; i < len; i++) src[i]! += Math.sin((2 * Math.PI * h * f * i) / fs) / h;
        const breathy = sec(0.025);
        for (let i = 0; i < breathy && i < len; i++)
          src[i]! = src[i]! * (i / breathy) + 0.8 * gauss() * (1 - i / breathy);
        const a = resonance54(src, fs, F1, 250);
        const b = resonance54(src, fs, F2, 300);
        const [am, bm, rise, decay] = [peakOf(a), peakOf(b), sec(0.008), between(0.03, 0.05) * fs];
        for (let i = 0; i < len; i++)
          out[k * period + i]! +=
            Math.min(1, i / rise) * Math.exp(-Math.max(0, i - rise) / decay) * (a[i]! / am + (0.6 * b[i]!) / bm);
      });
      return out;
    }
    case 'rub': {
      const len = sec(between(0.15, 0.4));
      const lp = between(600, 1200);
      const low = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const lm = peakOf(low);
      const [strokes, perSecond, sLvl] = [between(6, 12), between(150, 400), between(0.2, 0.4)];
      const out = Float64Array.from(low, (v, i) => (Math.abs(Math.sin((Math.PI * strokes * i) / fs)) * v) / lm);
      const count = Math.max(1, Math.round((perSecond * len) / fs));
      for (let k = 0; k < count; k++) {
        const at = Math.floor(r() * len);
        const tick = onePole54(noise(sec(0.0003) + sec(0.001)), fs, 2000, true);
        const tm = peakOf(tick);
        for (let i = 0; i < tick.length && at + i < len; i++) out[at + i]! += (sLvl * tick[i]!) / tm;
      }
      return out;
    }
  }
}
/**
 * held-out-66's burst shapes (none before it): `hammer` (hammering somewhere in the building: two to four blows
 * 0.22–0.4 s apart, each a 70–160 Hz sine decaying over 25–50 ms with a 3 ms noise click low-passed at 1.5–3 kHz at
 * 0.3–0.5), `sigh` (someone sighing in the control room: 0.35–0.7 s of noise through two resonances (500–800 Hz,
 * 1100–1600 Hz) with a faint 110–190 Hz voicing at 0.2–0.35 falling 15–25 %, rising over its first quarter and dying
 * away as a half sine), `car` (a car passing outside: 0.5–0.9 s of noise low-passed twice at 150–350 Hz with a 55–95 Hz
 * hum at 0.3–0.6 falling 6–12 % across it (its Doppler shift), under a sin² envelope) and `cable` (a headphone cable
 * handled against the mic: 0.12–0.3 s of an 80–160 Hz rumble (noise low-passed twice) at 0.3–0.6 with 20–60 crackles,
 * each 0.5 ms of noise high-passed at 800 Hz). Hammer, sigh and car sound in the room; cable at the mic. Sizes and
 * shapes **chosen**.
 */
function burstSound66(kind: 'hammer' | 'sigh' | 'car' | 'cable', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  switch (kind) {
    case 'hammer': {
      const count = 2 + Math.floor(3 * r());
      const [period, f, tau, lp, click] = [
        sec(between(0.22, 0.4)),
        between(70, 160),
        between(0.025, 0.05) * fs,
        between(1500, 3000),
        between(0.3, 0.5),
      ];
      const len = sec(0.2);
      const out = new Float64Array((count - 1) * period + len);
      for (let k = 0; k < count; k++) {
        const tick = onePole54(noise(sec(0.003)), fs, lp, false);
        const tm = peakOf(tick);
        for (let i = 0; i < len; i++) {
          const c = i < tick.length ? (click * tick[i]!) / tm : 0;
          out[k * period + i]! += Math.exp(-i / tau) * Math.sin((2 * Math.PI * f * i) / fs) + c;
        }
      }
      return out;
    }
    case 'sigh': {
      const len = sec(between(0.35, 0.7));
      const [F1, F2, f0, fall, voiced] = [
        between(500, 800),
        between(1100, 1600),
        between(110, 190),
        between(0.15, 0.25),
        between(0.2, 0.35),
      ];
      const src = noise(len);
      const a = resonance54(src, fs, F1, 300);
      const b = resonance54(src, fs, F2, 400);
      const [am, bm] = [peakOf(a), peakOf(b)];
      let phase = 0;
      return Float64Array.from(a, (v, i) => {
        const u = i / len;
        phase += (2 * Math.PI * f0 * (1 - fall * u)) / fs;
        const env = u < 0.25 ? Math.sin((Math.PI * u) / 0.5) : Math.sin((Math.PI * (1 - (u - 0.25) / 0.75)) / 2);
        return env * (v / am + (0.7 * b[i]!) / bm + voiced * Math.sin(phase));
      });
    }
    case 'car': {
      const len = sec(between(0.5, 0.9));
      const [lp, f0, hum, fall] = [between(150, 350), between(55, 95), between(0.3, 0.6), between(0.06, 0.12)];
      const low = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const lm = peakOf(low);
      let phase = 0;
      return Float64Array.from(low, (v, i) => {
        const u = i / len;
        phase += (2 * Math.PI * f0 * (1 - fall * u)) / fs;
        return Math.sin(Math.PI * u) ** 2 * (v / lm + hum * Math.sin(phase));
      });
    }
    case 'cable': {
      const len = sec(between(0.12, 0.3));
      const [lp, lvl, count] = [between(80, 160), between(0.3, 0.6), 20 + Math.floor(41 * r())];
      const low = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const lm = peakOf(low);
      const out = Float64Array.from(low, (v) => (lvl * v) / lm);
      for (let k = 0; k < count; k++) {
        const at = Math.floor(r() * len);
        const tick = onePole54(noise(sec(0.0005)), fs, 800, true);
        const tm = peakOf(tick);
        const amp = between(0.4, 1);
        for (let i = 0; i < tick.length && at + i < len; i++) out[at + i]! += (amp * tick[i]!) / tm;
      }
      return out;
    }
  }
}
/**
 * held-out-67's burst shapes (none before it): `clock` (a wind-up timer ticking in the room: three to six ticks
 * 0.18–0.3 s apart, each 2 ms of noise through a 2.5–4.5 kHz resonance, decaying over 4–9 ms), `talkback` (the
 * producer's talkback leaking from the headphones into the mic: 0.3–0.6 s of a 110–220 Hz buzz through resonances at
 * 600–900 and 1400–2200 Hz, high-passed at 300 Hz and low-passed at 3 kHz — a headphone's small speaker —, in two or
 * three syllables), `gust` (a gust of wind against the window: 0.6–1.1 s of noise low-passed twice at 400–900 Hz,
 * rising and falling as sin^1.5 with a 3–7 Hz flutter of depth 0.2–0.4) and `strum` (someone brushing a guitar's open
 * strings in the room: four to six of E2 A2 D3 G3 B3 E4 as plucked strings (Karplus–Strong, loop gain 0.992–0.997),
 * 8–25 ms apart, 0.5–0.9 s in all). Clock, gust and strum sound in the room; talkback at the mic. Sizes and shapes
 * **chosen**.
 */
function burstSound67(kind: 'clock' | 'talkback' | 'gust' | 'strum', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  switch (kind) {
    case 'clock': {
      const count = 3 + Math.floor(4 * r());
      const [period, f, tau] = [sec(between(0.18, 0.3)), between(2500, 4500), between(0.004, 0.009) * fs];
      const len = sec(0.05);
      const out = new Float64Array((count - 1) * period + len);
      for (let k = 0; k < count; k++) {
        const src = new Float64Array(len);
        src.set(noise(sec(0.002)));
        const tick = resonance54(src, fs, f, 600);
        const tm = peakOf(tick);
        const amp = between(0.7, 1);
        for (let i = 0; i < len; i++) out[k * period + i]! += (amp * Math.exp(-i / tau) * tick[i]!) / tm;
      }
      return out;
    }
    case 'talkback': {
      const len = sec(between(0.3, 0.6));
      const [f0, F1, F2, syll] = [between(110, 220), between(600, 900), between(1400, 2200), 2 + Math.floor(2 * r())];
      let phase = 0;
      const buzz = Float64Array.from({ length: len }, (_, i) => {
        phase = (phase + (f0 * (1 + 0.08 * Math.sin((2 * Math.PI * 3 * i) / fs))) / fs) % 1;
        return 2 * phase - 1 + 0.1 * gauss();
      });
      const a = resonance54(buzz, fs, F1, 200);
      const b = resonance54(buzz, fs, F2, 300);
      const [am, bm] = [peakOf(a), peakOf(b)];
      const mixed = Float64Array.from(a, (v, i) => v / am + (0.6 * b[i]!) / bm);
      const band = onePole54(onePole54(mixed, fs, 300, true), fs, 3000, false);
      return Float64Array.from(band, (v, i) => v * Math.abs(Math.sin((Math.PI * syll * i) / len)));
    }
    case 'gust': {
      const len = sec(between(0.6, 1.1));
      const [lp, hz, depth] = [between(400, 900), between(3, 7), between(0.2, 0.4)];
      const low = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const lm = peakOf(low);
      return Float64Array.from(low, (v, i) => {
        const u = i / len;
        const flutter = 1 - depth * (0.5 + 0.5 * Math.sin((2 * Math.PI * hz * i) / fs));
        return Math.sin(Math.PI * u) ** 1.5 * flutter * (v / lm);
      });
    }
    case 'strum': {
      const len = sec(between(0.5, 0.9));
      const open = [82.41, 110, 146.83, 196, 246.94, 329.63];
      const count = 4 + Math.floor(3 * r());
      const [gain, gap] = [between(0.992, 0.997), between(0.008, 0.025)];
      const out = new Float64Array(len);
      for (let k = 0; k < count; k++) {
        const f = open[open.length - count + k]!;
        const d = Math.max(2, Math.round(fs / f));
        const line = noise(d);
        const start = Math.round(k * gap * fs);
        const amp = between(0.6, 1);
        for (let i = 0; start + i < len; i++) {
          const j = i % d;
          const v = line[j]!;
          line[j] = (gain * (v + line[(j + 1) % d]!)) / 2;
          out[start + i]! += amp * v;
        }
      }
      return out;
    }
  }
}
/**
 * held-out-68's burst shapes (none before it): `spray` (an aerosol spray in the room: 0.4–0.9 s of noise high-passed
 * twice at 2–4 kHz, a 15 ms attack, a 2–4 % flutter, a 30 ms release), `purr` (a cat purring in the room: 0.6–1.2 s
 * of noise low-passed twice at 150–300 Hz, pulsed at 22–30 Hz, in two breaths, in and out), `chime` (a phone's
 * notification in the room: two or three tones 0.12–0.2 s apart at 1–2 kHz stepping by a major third or a fifth, each
 * with its octave at 0.3, dying over 0.15–0.3 s) and `grille` (a finger brushing the mic's grille: a 60–120 Hz thump
 * dying over 30 ms, then 0.15–0.35 s of six to twelve scratches of noise through a 1.5–3 kHz resonance). Spray, purr
 * and chime sound in the room; grille at the mic. Sizes and shapes **chosen**.
 */
function burstSound68(kind: 'spray' | 'purr' | 'chime' | 'grille', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  switch (kind) {
    case 'spray': {
      const len = sec(between(0.4, 0.9));
      const [hp, depth] = [between(2000, 4000), between(0.02, 0.04)];
      const high = onePole54(onePole54(noise(len), fs, hp, true), fs, hp, true);
      const [att, rel] = [sec(0.015), sec(0.03)];
      return Float64Array.from(high, (v, i) => {
        const edge = Math.min(1, i / att, (len - 1 - i) / rel);
        return edge * (1 - depth * r()) * v;
      });
    }
    case 'purr': {
      const len = sec(between(0.6, 1.2));
      const [lp, hz] = [between(150, 300), between(22, 30)];
      const low = onePole54(onePole54(noise(len), fs, lp, false), fs, lp, false);
      const lm = peakOf(low);
      return Float64Array.from(low, (v, i) => {
        const u = i / len;
        const pulse = Math.sin((Math.PI * hz * i) / fs) ** 2;
        return Math.abs(Math.sin(2 * Math.PI * u)) ** 0.5 * (0.3 + 0.7 * pulse) * (v / lm);
      });
    }
    case 'chime': {
      const count = 2 + Math.floor(2 * r());
      const [gap, f0, step, tau] = [
        between(0.12, 0.2),
        between(1000, 2000),
        r() < 0.5 ? 1.25 : 1.5,
        between(0.15, 0.3),
      ];
      const len = sec((count - 1) * gap + 4 * tau);
      const out = new Float64Array(len);
      for (let k = 0; k < count; k++) {
        const f = f0 * step ** k;
        const start = sec(k * gap);
        for (let i = 0; start + i < len; i++) {
          const t = i / fs;
          const w = 2 * Math.PI * f * t;
          out[start + i]! += Math.exp(-t / tau) * Math.min(1, i / 16) * (Math.sin(w) + 0.3 * Math.sin(2 * w));
        }
      }
      return out;
    }
    case 'grille': {
      const len = sec(between(0.15, 0.35));
      const [f, thumpHz, grains] = [between(1500, 3000), between(60, 120), 6 + Math.floor(7 * r())];
      const scratch = resonance54(noise(len), fs, f, 1500);
      const sm = peakOf(scratch);
      const env = new Float64Array(len);
      const g = sec(0.012);
      for (let k = 0; k < grains; k++) {
        const at = Math.floor(r() * Math.max(1, len - g));
        const amp = between(0.4, 1);
        for (let i = 0; i < g && at + i < len; i++) env[at + i]! += amp * Math.sin((Math.PI * i) / g);
      }
      return Float64Array.from(scratch, (v, i) => {
        const t = i / fs;
        return 0.6 * env[i]! * (v / sm) + Math.exp(-t / 0.03) * Math.sin(2 * Math.PI * thumpHz * t);
      });
    }
  }
}
/**
 * held-out-69's burst shapes (none before it): `typing` (a keyboard typed in the control room: four to nine key
 * clicks 70–180 ms apart, each 2–5 ms of noise through a 2.5–4.5 kHz resonance dying over 6 ms over a 150–300 Hz
 * thock dying over 10 ms), `drill` (a power drill in the building: 0.4–1 s of a 90–160 Hz motor's tone, eight
 * harmonics at 1/k, spinning up from 60 % of its speed over 80–150 ms, low-passed at 0.8–1.5 kHz, a 20 ms attack and a
 * 40 ms release), `fizz` (a can opened in the room: a 3 ms click through a 1.5–2.5 kHz resonance, then 0.3–0.7 s of
 * noise high-passed twice at 3–5 kHz, crackling (each millisecond at 0.2–1 of the envelope) and dying over 0.15–0.3 s)
 * and `mount` (the mic's shock mount knocked: a 40–80 Hz thump dying over 40 ms under a 25–45 Hz sway dying over
 * 0.15–0.3 s, 0.3–0.6 s in all). Typing, drill and fizz sound in the room; mount at the mic. Sizes and shapes
 * **chosen**.
 */
function burstSound69(kind: 'typing' | 'drill' | 'fizz' | 'mount', fs: number, r: () => number) {
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const gauss = gaussOf(r);
  const sec = (s: number) => Math.max(1, Math.round(s * fs));
  const peakOf = (x: Float64Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const noise = (len: number) => Float64Array.from({ length: len }, () => gauss());
  switch (kind) {
    case 'typing': {
      const count = 4 + Math.floor(6 * r());
      const gaps = Array.from({ length: count - 1 }, () => between(0.07, 0.18));
      const [f, thockHz] = [between(2500, 4500), between(150, 300)];
      const len = sec(gaps.reduce((u, v) => u + v, 0) + 0.03);
      const out = new Float64Array(len);
      let at = 0;
      for (let k = 0; k < count; k++) {
        const click = resonance54(noise(sec(between(0.002, 0.005))), fs, f, 600);
        const cm = peakOf(click);
        const start = sec(at);
        for (let i = 0; start + i < len && i < sec(0.03); i++) {
          const t = i / fs;
          const c = i < click.length ? click[i]! / cm : 0;
          out[start + i]! += Math.exp(-t / 0.006) * c + 0.5 * Math.exp(-t / 0.01) * Math.sin(2 * Math.PI * thockHz * t);
        }
        at += gaps[k] ?? 0;
      }
      return out;
    }
    case 'drill': {
      const len = sec(between(0.4, 1));
      const [hz, spin, lp] = [between(90, 160), between(0.08, 0.15), between(800, 1500)];
      const [att, rel] = [sec(0.02), sec(0.04)];
      let phase = 0;
      const tone = Float64Array.from({ length: len }, (_, i) => {
        const t = i / fs;
        phase += (2 * Math.PI * hz * (t < spin ? 0.6 + (0.4 * t) / spin : 1)) / fs;
        let v = 0;
        for (let k = 1; k <= 8; k++) v += Math.sin(k * phase) / k;
        return v * Math.min(1, i / att, (len - 1 - i) / rel);
      });
      return onePole54(tone, fs, lp, false);
    }
    case 'fizz': {
      const len = sec(between(0.3, 0.7));
      const [f, hp, tau] = [between(1500, 2500), between(3000, 5000), between(0.15, 0.3)];
      const click = resonance54(noise(sec(0.003)), fs, f, 400);
      const hiss = onePole54(onePole54(noise(len), fs, hp, true), fs, hp, true);
      const [cm, hm] = [peakOf(click), peakOf(hiss)];
      const ms = sec(0.001);
      let crackle = 1;
      return Float64Array.from(hiss, (v, i) => {
        if (i % ms === 0) crackle = between(0.2, 1);
        const t = i / fs;
        return (
          (i < click.length ? click[i]! / cm : 0) + 0.7 * crackle * Math.exp(-t / tau) * Math.min(1, i / 16) * (v / hm)
        );
      });
    }
    case 'mount': {
      const len = sec(between(0.3, 0.6));
      const [thumpHz, swayHz, tau] = [between(40, 80), between(25, 45), between(0.15, 0.3)];
      return Float64Array.from({ length: len }, (_, i) => {
        const t = i / fs;
        const edge = Math.min(1, i / 16, (len - 1 - i) / sec(0.02));
        return (
          edge *
          (Math.exp(-t / 0.04) * Math.sin(2 * Math.PI * thumpHz * t) +
            0.6 * Math.exp(-t / tau) * Math.sin(2 * Math.PI * swayHz * t))
        );
      });
    }
  }
}
/** RMS of x's loudest 50 ms (10 ms steps). */
function loudest50(x: Float64Array, fs: number): number {
  const w = Math.min(x.length, Math.round(0.05 * fs));
  let most = 0;
  for (let a = 0; a + w <= x.length; a += Math.max(1, Math.round(0.01 * fs))) {
    let e = 0;
    for (let i = a; i < a + w; i++) e += x[i]! ** 2;
    most = Math.max(most, e / w);
  }
  return Math.sqrt(most);
}
/** The bursts of a held-out-54 set (Bursts): where each lies, its scaled sound, whether at the mic; its size. */
export function planBursts(
  set: TakeSet,
  spec: BurstSpec,
  seed: number,
  speech?: { lead: number; tail: number },
): { defects: Defect[]; bursts: { take: number; at: number; x: Float64Array; mic: boolean; kind: BurstKind }[] } {
  if (!spec.bursts) return { defects: set.defects, bursts: [] };
  const fs = set.sampleRate;
  const beat = set.bpm > 0 ? 60 / set.bpm : 0;
  const bag = mulberry32(seed * 6007 + 41);
  let kinds: BurstKind[] = [];
  const range = spec.defectSizes?.noise ?? [-24, -16];
  const bursts: { take: number; at: number; x: Float64Array; mic: boolean; kind: BurstKind }[] = [];
  const defects = set.defects.map((d) => {
    if (d.kind !== 'noise') return d;
    if (kinds.length === 0) {
      kinds = [...spec.bursts!.kinds];
      for (let i = kinds.length - 1; i > 0; i--) {
        const j = Math.floor(bag() * (i + 1));
        [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
      }
    }
    const kind = kinds.pop()!;
    const r = mulberry32(seed * 7307 + d.take * 131 + d.section * 17 + 5);
    const amount = range[0] + (range[1] - range[0]) * r();
    const sec = set.sections[d.section]!;
    let from: number;
    let to: number;
    if (speech) {
      from = sec.endSeconds - speech.tail + 0.12 + 0.08 * r();
      to = sec.endSeconds - 0.06;
    } else {
      const last = Math.max(
        sec.startSeconds,
        ...set.melody
          .filter((m) => Math.floor(m.beat / set.beatsPerSection) === d.section)
          .map((m) => (m.beat + m.lengthBeats) * beat),
      );
      from = Math.max(last + 0.05, sec.endSeconds - 1.35 * beat) + 0.1 * beat * r();
      to = sec.endSeconds - 0.25 * beat;
    }
    let x = burstSound(kind, fs, r, beat);
    // held-out-55: a share of the bursts in the middle of their rest (its own draw; 54's draws unmoved)
    const mid = spec.bursts!.middleShare;
    if (mid !== undefined && mulberry32(seed * 4409 + d.take * 37 + d.section * 7 + 3)() < mid)
      from = Math.max(from, (from + to) / 2 - x.length / fs / 2);
    const room = Math.round((to - from) * fs);
    if (x.length > room) {
      x = x.slice(0, Math.max(1, room));
      const fade = Math.min(x.length, Math.round(0.015 * fs));
      for (let i = 0; i < fade; i++) x[x.length - 1 - i] = x[x.length - 1 - i]! * (i / fade);
    }
    const k = 10 ** (amount / 20) / (loudest50(x, fs) || 1);
    bursts.push({
      take: d.take,
      at: Math.round(from * fs),
      x: x.map((v) => v * k),
      mic:
        kind === 'bump' ||
        kind === 'pop' ||
        kind === 'crackle' ||
        kind === 'buzz' ||
        kind === 'bleed' ||
        kind === 'flip' ||
        kind === 'mouse' ||
        kind === 'chirp' ||
        kind === 'lighter' ||
        kind === 'pen' ||
        kind === 'nail' ||
        kind === 'stand' ||
        kind === 'tap' ||
        kind === 'handle' ||
        kind === 'blow' ||
        kind === 'rub' ||
        kind === 'cable' ||
        kind === 'talkback' ||
        kind === 'grille' ||
        kind === 'mount',
      kind,
    });
    return { ...d, amount };
  });
  return { defects, bursts };
}

/**
 * (h-comp69, `--traits`) A second model of real takes' ordinary traits, made apart from held-out-47's OrdinaryTraits
 * (its own seeds, sizes and forms), for tuning only: applied to an earlier set's specs so that a measure's reading of
 * the traits on a clean take is counted on sets other than held-out-47. Every take alike, the clean one too, and —
 * new — the guide vocal with a small error of its own (a sung guide is no tuner). Pitch: a vibrato whose depth
 * (12–30 cents) and rate (4.4–6.8 Hz) drift along the note (on notes ≥ 0.35 s, fading in over 0.3 s), scoops from
 * below into 45 % of the notes (30–90 cents, 40–90 ms, linear), falls off 25 % of the notes' ends (up to 70 cents
 * over their last 60 ms); the pitch made by a linearly interpolated varying delay that relaxes back in the rests
 * (time constant 40 ms). Level: a slow swell, a random walk of ±2.5 dB at most low-passed at 0.4 Hz over the whole
 * take, and soft attacks (25–70 ms rising) on half of the phrases' first notes; 30 % of the phrases' last notes let
 * go 20–100 ms early. Breaths: before 75 % of the phrases, 0.15–0.45 s of noise through a resonant band-pass
 * (1.2–2.2 kHz, Q 0.8) under a Hann window, 15–30 dB under the phrase's RMS, ending 30–120 ms before it. The guide
 * vocal: each note detuned by ±3–10 cents and a vibrato of its own of 10–20 cents. Speech has breaths, swells and
 * soft attacks only (its phrase the sentence). Seeds: the song's seed × 4099 + take × 97 (+ 29 for the guide).
 */
export function ownTraits69(set: TakeSet, seed: number, speech?: { lead: number; tail: number }): TakeSet {
  const fs = set.sampleRate;
  const beat = set.bpm > 0 ? 60 / set.bpm : 0;
  const span = (r: () => number, a: number, b: number) => a + (b - a) * r();
  const phrasesOf = (k: number) => {
    const defectOf = (s: number) => set.defects.find((d) => d.take === k && d.section === s);
    const out: { s: number; notes: { from: number; to: number }[]; from: number; to: number; skip: boolean }[] = [];
    set.sections.forEach((sec, s) => {
      const d = defectOf(s);
      if (d?.kind === 'missing') return;
      const sh = k >= 0 && (d?.kind === 'late' || d?.kind === 'early') ? d.amount / 1000 : 0;
      const skip = d?.kind === 'clip' || d?.kind === 'noise' || d?.kind === 'level';
      if (speech) {
        const from = sec.startSeconds + speech.lead + sh;
        out.push({ s, notes: [], from, to: sec.endSeconds - speech.tail + sh, skip });
        return;
      }
      const notes = set.melody
        .filter((m) => Math.floor(m.beat / set.beatsPerSection) === s)
        .map((m) => ({ from: m.beat * beat + sh, to: (m.beat + m.lengthBeats) * beat + sh }));
      if (notes.length > 0) out.push({ s, notes, from: notes[0]!.from, to: notes[notes.length - 1]!.to, skip });
    });
    return out;
  };
  const bend = (x: Float64Array, cents: Float64Array, held: Uint8Array) => {
    const n = x.length;
    const y = new Float64Array(n);
    const relax = Math.exp(-1 / (0.04 * fs));
    let delay = 0;
    for (let i = 0; i < n; i++) {
      delay = held[i] ? delay + (1 - 2 ** (cents[i]! / 1200)) : delay * relax;
      const at = Math.min(n - 1, Math.max(0, i - delay));
      const j = Math.floor(at);
      const f = at - j;
      y[i] = x[j]! * (1 - f) + (x[Math.min(n - 1, j + 1)] ?? 0) * f;
    }
    return y;
  };
  const takes = set.takes.map((x, k) => {
    const r = mulberry32(seed * 4099 + k * 97 + 5);
    const noise = gaussOf(mulberry32(seed * 4099 + k * 97 + 17));
    const n = x.length;
    const phrases = phrasesOf(k);
    let y: Float64Array = Float64Array.from(x);
    if (!speech) {
      const cents = new Float64Array(n);
      const held = new Uint8Array(n);
      const depth0 = span(r, 12, 30);
      const rate0 = span(r, 4.4, 6.8);
      for (const ph of phrases) {
        if (ph.skip) continue;
        for (const note of ph.notes) {
          const a = Math.max(0, Math.round(note.from * fs));
          const b = Math.min(n, Math.round(note.to * fs));
          for (let i = a; i < Math.min(n, b + Math.round(0.03 * fs)); i++) held[i] = 1;
          const len = note.to - note.from;
          if (len >= 0.35) {
            const depth = depth0 * span(r, 0.7, 1.2);
            const rate = rate0 * span(r, 0.9, 1.1);
            let phase = r() * 2 * Math.PI;
            for (let i = a; i < b; i++) {
              const t = (i - a) / fs;
              phase += (2 * Math.PI * rate * (1 + 0.05 * Math.sin(2 * Math.PI * 0.7 * t))) / fs;
              cents[i]! += depth * Math.min(1, t / 0.3) * Math.sin(phase);
            }
          }
          if (r() < 0.45) {
            const under = span(r, 30, 90);
            const m = Math.round((span(r, 40, 90) / 1000) * fs);
            for (let i = a; i < Math.min(b, a + m); i++) cents[i]! -= under * (1 - (i - a) / m);
          }
          if (r() < 0.25) {
            const fall = span(r, 20, 70);
            const m = Math.round(0.06 * fs);
            for (let i = Math.max(a, b - m); i < b; i++) cents[i]! -= fall * ((i - (b - m)) / m);
          }
        }
      }
      y = bend(x, cents, held);
    }
    // a slow swell over the whole take: a random walk low-passed at 0.4 Hz, at most ±2.5 dB
    const step = Math.round(fs / 100);
    const walk: number[] = [];
    let w = 0;
    let s = 0;
    const lp = Math.exp((-2 * Math.PI * 0.4) / 100);
    for (let i = 0; i <= n / step + 1; i++) {
      w += noise() * 0.6;
      w *= 0.995;
      s = lp * s + (1 - lp) * w;
      walk.push(s);
    }
    const peak = Math.max(1e-9, ...walk.map(Math.abs));
    const swellDb = span(r, 1, 2.5);
    for (let i = 0; i < n; i++) {
      const u = i / step;
      const j = Math.floor(u);
      const v = walk[j]! + (walk[j + 1]! - walk[j]!) * (u - j);
      y[i]! *= 10 ** (((v / peak) * swellDb) / 20);
    }
    for (const ph of phrases) {
      if (ph.skip) continue;
      // soft attacks on half of the phrases, early releases on 30 %
      if (r() < 0.5) {
        const a = Math.max(0, Math.round(ph.from * fs));
        const m = Math.round((span(r, 25, 70) / 1000) * fs);
        for (let i = a; i < Math.min(n, a + m); i++) y[i]! *= (i - a) / m;
      }
      if (!speech && r() < 0.3) {
        const cut = Math.round((ph.to - span(r, 0.02, 0.1)) * fs);
        const fade = Math.round(0.02 * fs);
        const end = Math.round((ph.to + 0.2) * fs);
        for (let i = Math.max(0, cut); i < Math.min(n, end); i++) y[i]! *= Math.max(0, 1 - (i - cut) / fade);
      }
    }
    // breaths: band-passed noise under a Hann window before the phrases
    for (const ph of phrases) {
      if (r() >= 0.75) continue;
      const len = span(r, 0.15, 0.45);
      const end = ph.from - span(r, 0.03, 0.12);
      const start = Math.max(0, end - len, set.sections[ph.s]!.startSeconds - 0.15);
      const a = Math.round(start * fs);
      const m = Math.round((end - start) * fs);
      if (m < 0.1 * fs) continue;
      const pa = Math.max(0, Math.round(ph.from * fs));
      const pb = Math.min(n, Math.round(ph.to * fs));
      let e = 0;
      for (let i = pa; i < pb; i++) e += y[i]! ** 2;
      const rms = Math.sqrt(e / Math.max(1, pb - pa));
      // a two-pole resonator (RBJ band-pass, constant peak gain)
      const f0 = span(r, 1200, 2200);
      const w0 = (2 * Math.PI * f0) / fs;
      const alpha = Math.sin(w0) / (2 * 0.8);
      const [b0, a0, a1, a2] = [alpha, 1 + alpha, -2 * Math.cos(w0), 1 - alpha];
      const out = new Float64Array(m);
      let [x1, x2, y1, y2] = [0, 0, 0, 0];
      let eb = 0;
      for (let i = 0; i < m; i++) {
        const v = noise();
        const o = (b0 * v - b0 * x2 - a1 * y1 - a2 * y2) / a0;
        [x2, x1, y2, y1] = [x1, v, y1, o];
        out[i] = o * Math.sin((Math.PI * i) / m) ** 2;
        eb += out[i]! ** 2;
      }
      const g = (rms * 10 ** (-span(r, 15, 30) / 20)) / Math.sqrt(eb / m || 1);
      for (let i = 0; i < m && a + i < n; i++) y[a + i]! += g * out[i]!;
    }
    return y;
  });
  // the guide vocal's own error: each section detuned a little, a vibrato of its own
  let guide = set.guide;
  if (!speech) {
    const r = mulberry32(seed * 4099 + 29);
    const n = guide.length;
    const cents = new Float64Array(n);
    const held = new Uint8Array(n);
    const depth = span(r, 10, 20);
    const rate = span(r, 4.6, 6.2);
    for (const m of set.melody) {
      const off = (r() < 0.5 ? -1 : 1) * span(r, 3, 10);
      const a = Math.max(0, Math.round(m.beat * beat * fs));
      const b = Math.min(n, Math.round((m.beat + m.lengthBeats) * beat * fs));
      for (let i = a; i < b; i++) {
        held[i] = 1;
        cents[i] = off + depth * Math.min(1, (i - a) / (0.3 * fs)) * Math.sin((2 * Math.PI * rate * (i - a)) / fs);
      }
    }
    guide = bend(guide, cents, held);
  }
  return { ...set, takes, guide };
}

/** Every take of a set through SoX's reverb (reverberance %, or its full settings; wet and dry; the length kept). */
export function soxReverbTakes(set: TakeSet, reverberance: RoomSong['soxReverb'], dir: string): TakeSet {
  if (!reverberance) return set;
  const settings = typeof reverberance === 'number' ? [reverberance] : reverberance;
  const takes = set.takes.map((t, k) => {
    const dry = path.join(dir, `dry${k}.wav`);
    const wet = path.join(dir, `wet${k}.wav`);
    writeWav(dry, [t], set.sampleRate, 'f32');
    const r = spawnSync('sox', [dry, '-b', '24', '-e', 'signed-integer', wet, 'reverb', ...settings.map(String)]);
    if (r.status !== 0) throw new Error(`sox reverb failed: ${String(r.stderr)}`);
    const x = readPcmWav(wet).planar[0]!;
    const out = new Float64Array(t.length);
    out.set(x.subarray(0, t.length));
    rmSync(dry);
    rmSync(wet);
    return out;
  });
  return { ...set, takes };
}

/**
 * A room made by convolution (held-out-32; no set before it): a made impulse response — the direct sound, then after
 * `preDelayMs` a tail of seeded Gaussian noise decaying by 60 dB from there to `rt60Seconds` after the direct sound
 * (where it ends), its energy `wet`² of the direct sound's — applied to every take by SoX's `fir` (a convolution),
 * the whole response scaled by 0.5 (−6 dB, the same for every take: their levels relative to each other kept) so the
 * sum stays off full scale.
 */
export interface IrRoom {
  rt60Seconds: number;
  wet: number;
  preDelayMs: number;
  /**
   * (held-out-33) The tail darkened: its noise through a one-pole low-pass at this frequency, Hz, before its energy
   * is set (absent: the white tail of held-out-32).
   */
  dampingHz?: number;
  /** (held-out-33) Discrete early reflections before the tail: [ms after the direct sound, gain of the direct's]. */
  reflections?: readonly (readonly [number, number])[];
}

/** Every take of a set through a made impulse response (IrRoom), the length kept. */
export function irRoomTakes(set: TakeSet, room: IrRoom | undefined, seed: number, dir: string): TakeSet {
  if (!room) return set;
  const fs = set.sampleRate;
  const n = Math.round(room.rt60Seconds * fs);
  const start = Math.round((room.preDelayMs / 1000) * fs);
  const gauss = gaussOf(mulberry32(seed * 6151 + 29));
  const tail = new Float64Array(n);
  let energy = 0;
  for (let i = start; i < n; i++) {
    tail[i] = gauss() * 10 ** ((-3 * (i - start)) / (n - start));
    energy += tail[i]! ** 2;
  }
  if (room.dampingHz !== undefined) {
    // a one-pole low-pass on the tail (held-out-33), its energy read again
    const a = Math.exp((-2 * Math.PI * room.dampingHz) / fs);
    let y = 0;
    energy = 0;
    for (let i = start; i < n; i++) {
      y = (1 - a) * tail[i]! + a * y;
      tail[i] = y;
      energy += y ** 2;
    }
  }
  const g = room.wet / Math.sqrt(energy);
  // discrete reflections (held-out-33), added after the tail's gain (their gains are of the direct sound's)
  for (const [ms, gain] of room.reflections ?? []) {
    const i = Math.round((ms / 1000) * fs);
    if (i > 0 && i < n) tail[i] = tail[i]! + gain / g;
  }
  // SoX's fir takes the filter as linear-phase and moves the output earlier by ⌊(n − 1) / 2⌋ samples: as many zeros
  // before each take keep the direct sound where it was (checked on an impulse: the same sample). (Zeros before the
  // response instead would double its length: SoX then wrote silence for a 1.2 s response at 75 kHz.)
  const shift = Math.floor((n - 1) / 2);
  const coefs = Array.from(tail, (v, i) => 0.5 * (i === 0 ? 1 : v * g));
  const coefFile = path.join(dir, 'ir.txt');
  writeFileSync(coefFile, coefs.map((c) => c.toPrecision(8)).join('\n'));
  const takes = set.takes.map((t, k) => {
    const dry = path.join(dir, `dry${k}.wav`);
    const wet = path.join(dir, `wet${k}.wav`);
    const padded = new Float64Array(shift + t.length);
    padded.set(t, shift);
    writeWav(dry, [padded], fs, 'f32');
    const r = spawnSync('sox', [dry, '-b', '24', '-e', 'signed-integer', wet, 'fir', coefFile]);
    if (r.status !== 0) throw new Error(`sox fir failed: ${String(r.stderr)}`);
    const x = readPcmWav(wet).planar[0]!;
    if (x.length < t.length) throw new Error(`sox fir wrote ${x.length} samples, not ${t.length}`);
    const out = new Float64Array(t.length);
    out.set(x.subarray(0, t.length));
    rmSync(dry);
    rmSync(wet);
    return out;
  });
  rmSync(coefFile);
  return { ...set, takes };
}

/** Gaussian-ish (σ ≈ 1) from six uniforms, as fixtures/takes.ts draws its performer's variation. */
const gaussOf = (r: () => number) => () => {
  let x = 0;
  for (let k = 0; k < 6; k++) x += r();
  return (x - 3) * Math.SQRT2;
};

/**
 * Takes of spoken sentences (espeak-ng renders each once; it is deterministic): one sentence per
 * section, 0.35 s after the section starts and 0.65 s before it ends (or the spec's lead and tail); every
 * take with its own level (±1 dB), sentence timing (±8 ms), room noise (−72 dBFS), and in each section one
 * clean take while
 * each other take carries one defect (drawn from a shuffled bag of `kinds`, as fixtures/takes.ts):
 * late/early 30…120 ms, a noise burst in the pause after the sentence, clipping, the sentence left
 * out, or a level drop of 8…14 dB. The guide vocal is the clean rendering on the same timeline.
 */
export function speechTakeSet(o: SpeechSpec, dir: string): TakeSet {
  const rand = mulberry32(o.seed * 7919 + 13);
  const clips = o.sentences.map((text, i) => {
    const file = path.join(dir, `sentence${i}.wav`);
    // 'festival:<voice>': festival's text2wave (its own speaking rate), else an espeak-ng voice
    const r = o.voice.startsWith('festival:')
      ? spawnSync(
          'text2wave',
          ['-o', file, '-eval', `(voice_${o.voice.slice(9)})`, ...(o.festivalEval ?? []).flatMap((e) => ['-eval', e])],
          { input: text },
        )
      : spawnSync('espeak-ng', [
          '-v',
          o.voice,
          '-s',
          String(o.wordsPerMinute),
          ...(o.espeakPitch === undefined ? [] : ['-p', String(o.espeakPitch)]),
          '-w',
          file,
          text,
        ]);
    if (r.status !== 0) throw new Error(`${o.voice} failed: ${String(r.stderr)}`);
    return readPcmWav(file);
  });
  const fs = clips[0]!.rate;
  const lead = o.leadSeconds ?? 0.35;
  const tail = o.tailSeconds ?? 0.65;
  const sections: TakeSet['sections'] = [];
  let t = 0;
  clips.forEach((c, i) => {
    const len = c.planar[0]!.length / fs;
    // the next sentence starts exactly where this one's section ends
    const end = t + lead + len + tail;
    sections.push({ name: `Sentence ${i + 1}`, startSeconds: t, endSeconds: end });
    t = end;
  });
  const total = Math.round(t * fs) + 1;
  const defects: Defect[] = [];
  const best: number[] = [];
  const draw = defectDrawer(o.takes, o.kinds, rand);
  let run = 0;
  sections.forEach((_, si) => {
    let clean: number;
    if (o.placement === 'runs' && run > 0) clean = best[si - 1]!;
    else {
      clean = Math.floor(rand() * o.takes);
      if (o.placement === 'runs') run = 1 + Math.floor(rand() * 3);
    }
    run--;
    best.push(clean);
    for (let k = 0; k < o.takes; k++) {
      if (k === clean) continue;
      const kind = draw(k);
      defects.push({ take: k, section: si, kind, amount: defectAmount(kind, rand, 1, o.defectSizes?.[kind]) });
    }
  });
  const place = (out: Float64Array, si: number, shiftS: number, gain: number, cents = 0) => {
    const x = clips[si]!.planar[0]!;
    const at = Math.round((sections[si]!.startSeconds + lead + shiftS) * fs);
    const rate = 2 ** (cents / 1200);
    const len = Math.floor((x.length - 1) / rate) + 1;
    for (let i = 0; i < len; i++)
      if (at + i >= 0 && at + i < out.length) out[at + i]! += (cents ? catmullRom(x, i * rate) : x[i]!) * gain;
  };
  const guide = new Float64Array(total);
  sections.forEach((_, si) => place(guide, si, 0, 0.8));
  const takes: Float64Array[] = [];
  for (let k = 0; k < o.takes; k++) {
    const r = mulberry32(o.seed * 104729 + k * 31 + 1);
    const g = gaussOf(r);
    const take = new Float64Array(total);
    const takeGain = 0.8 * 10 ** (g() / 20);
    const mine = (si: number) => defects.find((d) => d.take === k && d.section === si);
    sections.forEach((_, si) => {
      const d = mine(si);
      if (d?.kind === 'missing') return;
      const shift = (d?.kind === 'late' || d?.kind === 'early' ? d.amount / 1000 : 0) + g() * 0.008;
      const detune = o.renderDetune && d?.kind === 'detune' ? d.amount : 0;
      place(take, si, shift, takeGain * (d?.kind === 'level' ? 10 ** (-d.amount / 20) : 1), detune);
    });
    for (let i = 0; i < total; i++) take[i]! += (r() * 2 - 1) * 10 ** (-72 / 20);
    for (const d of defects) {
      if (d.take !== k) continue;
      const sec = sections[d.section]!;
      const a = Math.round(sec.startSeconds * fs);
      const b = Math.min(total, Math.round(sec.endSeconds * fs));
      if (d.kind === 'clip') {
        let peak = 0;
        for (let i = a; i < b; i++) peak = Math.max(peak, Math.abs(take[i]!));
        const gain = peak > 0 ? 10 ** (d.amount / 20) / peak : 1;
        for (let i = a; i < b; i++) take[i] = Math.max(-1, Math.min(1, take[i]! * gain));
      } else if (d.kind === 'noise') {
        const from = Math.round((sec.endSeconds - tail + 0.2) * fs);
        const len = Math.round((0.15 + 0.15 * r()) * fs);
        const amp = 10 ** (d.amount / 20) * Math.sqrt(3);
        for (let i = from; i < Math.min(total, from + len); i++)
          take[i]! += (r() * 2 - 1) * amp * Math.sin((Math.PI * (i - from)) / len);
      }
    }
    takes.push(take);
  }
  return { sampleRate: fs, bpm: 0, beatsPerSection: 0, sections, melody: [], takes, defects, best, guide, key: '' };
}

type Mode = 'midi' | 'guide' | 'none';

/** A song's truth and its takes' features (the --cache file). */
interface Cached {
  sections: TakeSet['sections'];
  defects: Defect[];
  best: number[];
  key: string;
  features: TakeFeatures[];
  /** The guide vocal's features (caches built since h-comp22; older ones have none: no guide-vocal run). */
  guide?: TakeFeatures;
}
const TYPED = ['ms', 'kms', 'fine', 'f0', 'dms'] as const;
/** A grid's fit for the log: "unjudged" where fewer than 8 shared starts could judge it (gridFit's null). */
const fitText = (fit: number | null | undefined) => (fit == null ? 'unjudged' : fit.toFixed(2));

function saveCached(file: string, c: Cached): void {
  const plain = (f: TakeFeatures) => ({
    ...f,
    ...Object.fromEntries(TYPED.filter((k) => f[k]).map((k) => [k, Array.from(f[k]!)])),
    clips: Array.from(f.clips),
  });
  writeFileSync(
    file,
    JSON.stringify({ ...c, features: c.features.map(plain), ...(c.guide ? { guide: plain(c.guide) } : {}) }),
  );
}
function loadCached(file: string): Cached {
  const c = JSON.parse(readFileSync(file, 'utf8')) as Cached;
  const typed = (f: TakeFeatures) => ({
    ...f,
    ...Object.fromEntries(TYPED.filter((k) => f[k]).map((k) => [k, Float32Array.from(f[k] as unknown as number[])])),
    clips: Uint16Array.from(f.clips as unknown as number[]),
  });
  c.features = c.features.map(typed);
  if (c.guide) c.guide = typed(c.guide);
  return c;
}
/**
 * The command's choice on cached features (gain match, measures, choice), in its result's shape: no guide,
 * the MIDI guide the command would read (`notes`: the song's melody written as the eval writes guide.mid
 * and read back by the command's reader), or (`vocal`) the cached guide vocal's features.
 */
function fastComp(c: Cached, notes?: GuideNote[], vocal?: TakeFeatures) {
  const takes = c.features;
  const gm = matchGains(takes.map((t) => voicedLoudness(t)));
  const gains = gm.gainsDb.map((g) => 10 ** (g / 20));
  const key = c.key ? parseKey(c.key) : undefined;
  const out = measureTakes({
    takes,
    gains,
    sections: c.sections,
    guide: notes
      ? { kind: 'midi', notes }
      : vocal
        ? { kind: 'audio', features: vocal }
        : key
          ? { kind: 'none', key }
          : { kind: 'none' },
  });
  const names = takes.map((_, k) => `take${k + 1}.wav`);
  const ctx = takeContext(out);
  const choices = chooseTakes(
    c.sections,
    out.measures,
    parseWeights(undefined).weights,
    names,
    undefined,
    undefined,
    undefined,
    ctx,
  );
  const g = out.grid ?? out.rejectedGrid;
  // `--pitch-shared`: the guide vocal's distance from the notes and the pitch offset the takes share (h-comp74)
  if (process.argv.includes('--pitch-shared') && (notes || vocal))
    console.log(
      `  ${notes ? 'midi' : 'guide'} off tone ${out.guideOffToneCents?.toFixed(1) ?? '–'} cents, pitch shared ` +
        (out.pitchSharedCents ? out.pitchSharedCents.map((x) => x.toFixed(1)).join(' ') : 'none'),
    );
  // `--lags`: each take × section's entry offset before the shared one is taken off, with its true defect
  if (process.argv.includes('--lags') && (notes || vocal)) {
    console.log(`  ${notes ? 'midi' : 'guide'} shared offset ${out.timingOffsetMs.toFixed(0)} ms`);
    out.measures.forEach((row, si) =>
      console.log(
        `   §${si + 1} ` +
          row
            .map((m, k) => {
              const d = c.defects.find((x) => x.section === si && x.take === k);
              const lag = m.timingMs === null ? '–' : (m.timingMs + out.timingOffsetMs).toFixed(0);
              const tag = d
                ? `${d.kind}${d.kind === 'late' || d.kind === 'early' ? Math.round(d.amount) : ''}`
                : 'CLEAN';
              return `${lag}(${tag})${choices[si]!.chosen === k ? '*' : ''}`;
            })
            .join(' '),
      ),
    );
  }
  return {
    decisions: [
      {
        decision: 'timing reference',
        value: notes
          ? 'MIDI guide'
          : vocal
            ? 'guide vocal'
            : out.grid
              ? 'note-start grid'
              : out.phraseLead?.offLead.some(Boolean)
                ? `phrase lead in ${out.phraseLead.offLead.filter(Boolean).length} sections`
                : 'largest group of agreeing takes',
        reason:
          (g
            ? `${(g.periodSeconds * 1000).toFixed(1)} ms fit ${fitText(g.fit)}${out.grid ? '' : ' rejected'}` +
              (g.candidates ?? []).map((x) => ` [${(x.periodSeconds * 1000).toFixed(1)} ${fitText(x.fit)}]`).join('')
            : '') +
          (out.phraseLead
            ? ` lead ${(out.phraseLead.leadSeconds * 1000).toFixed(0)} ms spread ` +
              `${(out.phraseLead.spreadSeconds * 1000).toFixed(1)} ms`
            : ''),
      },
    ],
    sections: choices.map((x, si) => ({
      name: x.section.name,
      chosen: x.chosen,
      why: x.why,
      scores: x.scores.map((y) => ({
        take: y.take,
        defects: y.defects,
        totalPoints: y.total,
        points: y.points,
        measures: out.measures[si]![y.take],
        latencyMs: ctx.latencyMs[y.take],
      })),
    })),
  };
}
const ALL_MODES: Mode[] = ['midi', 'guide', 'none'];
// `--modes none` (comma list) runs only some references (while iterating)
const MODES: Mode[] = process.argv.includes('--modes')
  ? (process.argv[process.argv.indexOf('--modes') + 1]!.split(',') as Mode[])
  : ALL_MODES;

async function speed(): Promise<void> {
  const ffmpeg = resolveFfmpeg(undefined, undefined, process.env, null);
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-comp-speed-'));
  try {
    const set = makeTakeSet({ seed: 7, sections: 6, takes: 8, sampleRate: 44100, voice: VOICES.tenor });
    const seconds = 240;
    const takes = set.takes.map((t, k) => {
      const long = new Float64Array(seconds * 44100);
      for (let i = 0; i < long.length; i++) long[i] = t[i % t.length]!;
      const file = path.join(dir, `take${k + 1}.wav`);
      writeWav(file, [long], 44100, 's24');
      return file;
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await comp({ ffmpeg, store: new NoStore(), takes, output: path.join(dir, 'comp.wav') });
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const audio = takes.length * seconds;
    console.log(
      `speed: ${takes.length} takes × ${seconds} s (${r.sections.length} auto sections): wall ${wall.toFixed(1)} s ` +
        `(${(audio / wall).toFixed(0)}× real time), CPU ${cpuSeconds.toFixed(1)} s ` +
        `(${(audio / cpuSeconds).toFixed(0)}× real time per CPU second)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const tables: Record<string, ParameterSpec>[] = [
    COMP_CHOICE_PARAMETERS,
    COMP_FRAME_PARAMETERS,
    COMP_MEASURE_PARAMETERS,
    COMP_POINT_SCALES,
  ];
  process.argv.forEach((a, i) => {
    if (a !== '--param') return;
    const flag = process.argv[i + 1]!;
    const name = flag.split('=')[0]!;
    if (!tables.some((t) => name in t)) throw new Error(`--param: no comp parameter '${name}' the bench reads`);
    // checked by `shub comp --param`'s own step (a declared name, a number in its range), then set for the whole run
    resolveParams(COMP_PARAMETERS, [flag]);
    const spec = parameterSpec(COMP_PARAMETERS, name);
    spec.value = Number(flag.slice(name.length + 1));
    console.log(`${name} = ${spec.value} ${spec.unit}`);
  });
  // (`--speed` after the parameters: `--speed --param …` times the engine with them moved)
  if (process.argv.includes('--speed')) return speed();
  const which = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : 'both';
  const ffmpeg = resolveFfmpeg(undefined, undefined, process.env, null);
  // `--traits`: h-comp69's own model of real takes' ordinary traits on the set's takes (ownTraits69; tuning only)
  const traits = process.argv.includes('--traits');
  const traitsOf = (set: TakeSet, seed: number, speech?: { lead: number; tail: number }) =>
    traits ? ownTraits69(set, seed, speech) : set;
  // `midi`: the song's MIDI guide as the command reads it (the melody is drawn before any take is sung:
  // a set of no takes has it)
  type Item = { seed: number; build: (dir: string) => TakeSet; speech: boolean; midi?: () => GuideNote[] };
  const sung = (xs: TakeSetOptions[]): Item[] =>
    xs.map((x) => ({
      seed: x.seed,
      build: (dir: string) =>
        chainTakes(
          humTakes(
            floorTakes(
              delayTakes(
                irRoomTakes(
                  'program' in x
                    ? traitsOf(
                        recordTakes(
                          sessionTakes(
                            deliveredTakes(
                              phrasedTakes(
                                performedTakes(
                                  ordinaryTakes(
                                    makeSynthTakeSet(quietBursts(x) as SynthTakeOptions),
                                    (x as OrdinarySpec).ordinary,
                                    x.seed,
                                  ),
                                  x as PerformerSpec,
                                  x.seed,
                                ),
                                x as PhrasingSpec,
                                x.seed,
                              ),
                              x as DeliverySpec,
                              x.seed,
                            ),
                            x as SessionSpec,
                            x.seed,
                          ),
                          x as RecordingSpec,
                          x.seed,
                        ),
                        x.seed,
                      )
                    : soxReverbTakes(
                        traitsOf(
                          recordTakes(
                            sessionTakes(
                              deliveredTakes(
                                phrasedTakes(
                                  performedTakes(
                                    ordinaryTakes(makeTakeSet(quietBursts(x)), (x as OrdinarySpec).ordinary, x.seed),
                                    x as PerformerSpec,
                                    x.seed,
                                  ),
                                  x as PhrasingSpec,
                                  x.seed,
                                ),
                                x as DeliverySpec,
                                x.seed,
                              ),
                              x as SessionSpec,
                              x.seed,
                            ),
                            x as RecordingSpec,
                            x.seed,
                          ),
                          x.seed,
                        ),
                        (x as RoomSong).soxReverb,
                        dir,
                      ),
                  (x as FloorSpec).irRoom,
                  x.seed,
                  dir,
                ),
                (x as LatencySong).latencyMs,
              ),
              (x as FloorSpec).floorDb,
              x.seed,
            ),
            x as SessionSpec,
            x.seed,
          ),
          x as RecordingSpec,
          x.seed,
        ),
      speech: false,
      midi: () => {
        const plan = makeTakeSet({ ...x, takes: 0 });
        return readMidiNotes(writeMidi(plan.bpm, [{ channel: 0, program: 52, notes: plan.melody }]));
      },
    }));
  const sets: [string, Item[]][] = [];
  if (which === 'both' || which === 'tuning') sets.push(['tuning', sung(TUNING)]);
  if (which === 'tuning-more') sets.push(['tuning-more', sung(TUNING_MORE)]);
  if (which === 'both' || which === 'held-out') sets.push(['held-out', sung(HELD_OUT)]);
  if (which === 'held-out-2') sets.push(['held-out-2', sung(HELD_OUT_2)]);
  const withSpeech: [string, TakeSetOptions[], SpeechSpec[]][] = [
    ['held-out-3', HELD_OUT_3, HELD_OUT_3_SPEECH],
    ['held-out-4', HELD_OUT_4, HELD_OUT_4_SPEECH],
    ['held-out-5', HELD_OUT_5, HELD_OUT_5_SPEECH],
    ['held-out-6', HELD_OUT_6, HELD_OUT_6_SPEECH],
    ['held-out-7', HELD_OUT_7, HELD_OUT_7_SPEECH],
    ['held-out-8', HELD_OUT_8, HELD_OUT_8_SPEECH],
    ['held-out-9', HELD_OUT_9, HELD_OUT_9_SPEECH],
    ['held-out-10', HELD_OUT_10, HELD_OUT_10_SPEECH],
    ['held-out-11', HELD_OUT_11, HELD_OUT_11_SPEECH],
    ['held-out-12', HELD_OUT_12, HELD_OUT_12_SPEECH],
    ['held-out-13', HELD_OUT_13, HELD_OUT_13_SPEECH],
    ['held-out-14', HELD_OUT_14, HELD_OUT_14_SPEECH],
    ['held-out-15', HELD_OUT_15, HELD_OUT_15_SPEECH],
    ['held-out-16', HELD_OUT_16, []],
    ['held-out-17', HELD_OUT_17, []],
    ['held-out-18', HELD_OUT_18, HELD_OUT_18_SPEECH],
    ['held-out-19', HELD_OUT_19, HELD_OUT_19_SPEECH],
    ['held-out-20', HELD_OUT_20, HELD_OUT_20_SPEECH],
    ['held-out-21', HELD_OUT_21, HELD_OUT_21_SPEECH],
    ['held-out-22', HELD_OUT_22, HELD_OUT_22_SPEECH],
    ['held-out-23', HELD_OUT_23, HELD_OUT_23_SPEECH],
    ['held-out-24', HELD_OUT_24, HELD_OUT_24_SPEECH],
    ['held-out-25', HELD_OUT_25, HELD_OUT_25_SPEECH],
    ['held-out-26', HELD_OUT_26, HELD_OUT_26_SPEECH],
    ['held-out-27', HELD_OUT_27, HELD_OUT_27_SPEECH],
    ['held-out-28', HELD_OUT_28, HELD_OUT_28_SPEECH],
    ['held-out-29', HELD_OUT_29, HELD_OUT_29_SPEECH],
    ['held-out-30', HELD_OUT_30, HELD_OUT_30_SPEECH],
    ['held-out-31', HELD_OUT_31, HELD_OUT_31_SPEECH],
    ['held-out-32', HELD_OUT_32, HELD_OUT_32_SPEECH],
    ['held-out-33', HELD_OUT_33, HELD_OUT_33_SPEECH],
    ['held-out-34', HELD_OUT_34, HELD_OUT_34_SPEECH],
    ['held-out-35', HELD_OUT_35, HELD_OUT_35_SPEECH],
    ['held-out-36', HELD_OUT_36, HELD_OUT_36_SPEECH],
    ['held-out-37', HELD_OUT_37, HELD_OUT_37_SPEECH],
    ['held-out-38', HELD_OUT_38, HELD_OUT_38_SPEECH],
    ['held-out-39', HELD_OUT_39, HELD_OUT_39_SPEECH],
    ['held-out-40', HELD_OUT_40, HELD_OUT_40_SPEECH],
    ['held-out-41', HELD_OUT_41, HELD_OUT_41_SPEECH],
    ['held-out-42', HELD_OUT_42, HELD_OUT_42_SPEECH],
    ['held-out-43', HELD_OUT_43, HELD_OUT_43_SPEECH],
    ['held-out-44', HELD_OUT_44, HELD_OUT_44_SPEECH],
    ['held-out-45', HELD_OUT_45, HELD_OUT_45_SPEECH],
    ['held-out-46', HELD_OUT_46, HELD_OUT_46_SPEECH],
    ['held-out-47', HELD_OUT_47, HELD_OUT_47_SPEECH],
    ['held-out-48', HELD_OUT_48, HELD_OUT_48_SPEECH],
    ['held-out-49', HELD_OUT_49, HELD_OUT_49_SPEECH],
    ['held-out-50', HELD_OUT_50, HELD_OUT_50_SPEECH],
    ['held-out-51', HELD_OUT_51, HELD_OUT_51_SPEECH],
    ['held-out-52', HELD_OUT_52, HELD_OUT_52_SPEECH],
    ['held-out-53', HELD_OUT_53, HELD_OUT_53_SPEECH],
    ['held-out-54', HELD_OUT_54, HELD_OUT_54_SPEECH],
    ['held-out-55', HELD_OUT_55, HELD_OUT_55_SPEECH],
    ['held-out-56', HELD_OUT_56, HELD_OUT_56_SPEECH],
    ['held-out-57', HELD_OUT_57, HELD_OUT_57_SPEECH],
    ['held-out-58', HELD_OUT_58, HELD_OUT_58_SPEECH],
    ['held-out-59', HELD_OUT_59, HELD_OUT_59_SPEECH],
    ['held-out-60', HELD_OUT_60, HELD_OUT_60_SPEECH],
    ['held-out-61', HELD_OUT_61, HELD_OUT_61_SPEECH],
    ['held-out-62', HELD_OUT_62, HELD_OUT_62_SPEECH],
    ['held-out-63', HELD_OUT_63, HELD_OUT_63_SPEECH],
    ['held-out-64', HELD_OUT_64, HELD_OUT_64_SPEECH],
    ['held-out-65', HELD_OUT_65, HELD_OUT_65_SPEECH],
    ['held-out-66', HELD_OUT_66, HELD_OUT_66_SPEECH],
    ['held-out-67', HELD_OUT_67, HELD_OUT_67_SPEECH],
    ['held-out-68', HELD_OUT_68, HELD_OUT_68_SPEECH],
    ['held-out-69', HELD_OUT_69, HELD_OUT_69_SPEECH],
  ];
  for (const [name, songs, speech] of withSpeech)
    if (which === name)
      sets.push([
        traits ? `${name}-traits` : name,
        [
          ...sung(songs),
          ...speech.map((x) => ({
            seed: x.seed,
            // held-out-31: spoken takes in a room too
            build: (dir: string) =>
              chainTakes(
                humTakes(
                  floorTakes(
                    delayTakes(
                      irRoomTakes(
                        soxReverbTakes(
                          traitsOf(
                            recordTakes(
                              sessionTakes(
                                deliveredTakes(
                                  phrasedTakes(
                                    performedTakes(
                                      ordinaryTakes(
                                        speechTakeSet(quietBursts(x), dir),
                                        (x as OrdinarySpec).ordinary,
                                        x.seed,
                                        {
                                          lead: x.leadSeconds ?? 0.35,
                                          tail: x.tailSeconds ?? 0.65,
                                        },
                                      ),
                                      x as PerformerSpec,
                                      x.seed,
                                      { lead: x.leadSeconds ?? 0.35, tail: x.tailSeconds ?? 0.65 },
                                    ),
                                    x as PhrasingSpec,
                                    x.seed,
                                    { lead: x.leadSeconds ?? 0.35, tail: x.tailSeconds ?? 0.65 },
                                  ),
                                  x as DeliverySpec,
                                  x.seed,
                                  { lead: x.leadSeconds ?? 0.35, tail: x.tailSeconds ?? 0.65 },
                                ),
                                x as SessionSpec,
                                x.seed,
                                { lead: x.leadSeconds ?? 0.35, tail: x.tailSeconds ?? 0.65 },
                              ),
                              x as RecordingSpec,
                              x.seed,
                              { lead: x.leadSeconds ?? 0.35, tail: x.tailSeconds ?? 0.65 },
                            ),
                            x.seed,
                            { lead: x.leadSeconds ?? 0.35, tail: x.tailSeconds ?? 0.65 },
                          ),
                          (x as { soxReverb?: RoomSong['soxReverb'] }).soxReverb,
                          dir,
                        ),
                        (x as FloorSpec).irRoom,
                        x.seed,
                        dir,
                      ),
                      (x as LatencySpeech).latencyMs,
                    ),
                    (x as FloorSpec).floorDb,
                    x.seed,
                  ),
                  x as SessionSpec,
                  x.seed,
                ),
                x as RecordingSpec,
                x.seed,
              ),
            speech: true,
          })),
        ],
      ]);
  // `--seeds 5,10`: only these songs of the set (while iterating)
  const only = process.argv.includes('--seeds')
    ? new Set(process.argv[process.argv.indexOf('--seeds') + 1]!.split(',').map(Number))
    : null;
  if (process.argv.includes('--truth')) {
    for (const [name, all] of sets) truthOf(name, only ? all.filter((x) => only.has(x.seed)) : all);
    return;
  }
  for (const [name, all] of sets) {
    const specs = only ? all.filter((x) => only.has(x.seed)) : all;
    const right: Record<Mode, number> = { midi: 0, guide: 0, none: 0 };
    const counted: Record<Mode, number> = { midi: 0, guide: 0, none: 0 };
    const speechRight: Record<Mode, number> = { midi: 0, guide: 0, none: 0 };
    let speechTotal = 0;
    // sections where two or more takes share a timing defect (late or early entry)
    const shared: Record<Mode, { n: number; right: number }> = {
      midi: { n: 0, right: 0 },
      guide: { n: 0, right: 0 },
      none: { n: 0, right: 0 },
    };
    // defect flags against the truth: clean takes flagged, takes with a defect not flagged (of all take × sections)
    const flags: Record<Mode, { cleanFlagged: number; defectMissed: number; cells: number }> = {
      midi: { cleanFlagged: 0, defectMissed: 0, cells: 0 },
      guide: { cleanFlagged: 0, defectMissed: 0, cells: 0 },
      none: { cleanFlagged: 0, defectMissed: 0, cells: 0 },
    };
    const flagNotes: string[] = [];
    // (h-cset100) the clearly-best sections' choices, and the misses by the chosen take's defect (kind, F faint or
    // O ordinary)
    const clear: Record<Mode, { n: number; right: number }> = {
      midi: { n: 0, right: 0 },
      guide: { n: 0, right: 0 },
      none: { n: 0, right: 0 },
    };
    const missClass = new Map<string, Record<Mode, number>>();
    const cells: unknown[] = [];
    let total = 0;
    const misses: string[] = [];
    const cacheDir = process.argv.includes('--cache') ? process.argv[process.argv.indexOf('--cache') + 1]! : null;
    for (const spec of specs) {
      const dir = mkdtempSync(path.join(tmpdir(), 'shub-comp-eval-'));
      const label = spec.speech ? 'speech seed' : 'seed';
      try {
        const cacheFile = cacheDir ? path.join(cacheDir, `${name}-${spec.seed}.json`) : null;
        if (cacheFile && existsSync(cacheFile)) {
          const c = loadCached(cacheFile);
          // `--add-dms`: a cache written before h-comp92 gains each take's (and the guide's) first-difference
          // energy, the set rendered again and metered in memory (no pitch, no onsets); the file is replaced, not
          // written through (a hard-linked copy of another cache stays as it was)
          if (process.argv.includes('--add-dms') && !c.features[0]?.dms) {
            const set = spec.build(dir);
            const dmsOf = (pcm: Float64Array, f: TakeFeatures) => {
              const m = new FrameMeter(set.sampleRate, 1, native().kWeightingCoefficients(set.sampleRate));
              for (let i = 0; i < pcm.length; i += 65536)
                m.add([Float32Array.from(pcm.subarray(i, Math.min(pcm.length, i + 65536)))]);
              const r = m.finish();
              const sum = (x: Float32Array) => x.reduce((u, v) => u + v, 0);
              // the render is the cached one: as many frames, the same energy
              if (r.ms.length !== f.ms.length || Math.abs(sum(r.ms) - sum(f.ms)) > 1e-4 * sum(f.ms))
                throw new Error(`${cacheFile}: ${r.ms.length} frames, cached ${f.ms.length}; not the cached render`);
              return r.dms!;
            };
            c.features = c.features.map((f, k) => ({ ...f, dms: dmsOf(set.takes[k]!, f) }));
            if (c.guide) c.guide = { ...c.guide, dms: dmsOf(set.guide, c.guide) };
            rmSync(cacheFile);
            saveCached(cacheFile, c);
          }
          const set = { ...c, takes: c.features } as unknown as TakeSet;
          total += set.sections.length;
          if (spec.speech) speechTotal += set.sections.length;
          if (MODES.includes('none')) await scoreRun('none', set, fastComp(c));
          if (MODES.includes('midi') && spec.midi) await scoreRun('midi', set, fastComp(c, spec.midi()));
          if (MODES.includes('guide') && c.guide) await scoreRun('guide', set, fastComp(c, undefined, c.guide));
          continue;
        }
        const set = spec.build(dir);
        const rate = set.sampleRate;
        const takes = set.takes.map((t, k) => {
          const file = path.join(dir, `take${k + 1}.wav`);
          writeWav(file, [t], rate, 'f32');
          return file;
        });
        writeWav(path.join(dir, 'guide.wav'), [set.guide], rate, 'f32');
        if (!spec.speech)
          writeFileSync(
            path.join(dir, 'guide.mid'),
            writeMidi(set.bpm, [{ channel: 0, program: 52, notes: set.melody }]),
          );
        writeFileSync(
          path.join(dir, 'sections.yaml'),
          set.sections
            .map((s) => `- { name: ${s.name}, startSeconds: ${s.startSeconds}, endSeconds: ${s.endSeconds} }`)
            .join('\n'),
        );
        total += set.sections.length;
        if (spec.speech) speechTotal += set.sections.length;
        if (cacheFile) {
          const features = [];
          for (const t of takes) features.push((await measureFile(t, { ffmpeg })).features);
          const guide = (await measureFile(path.join(dir, 'guide.wav'), { ffmpeg })).features;
          const c: Cached = {
            sections: set.sections,
            defects: set.defects,
            best: set.best,
            key: set.key,
            features,
            guide,
          };
          saveCached(cacheFile, c);
          const back = loadCached(cacheFile);
          if (MODES.includes('none')) await scoreRun('none', set, fastComp(back));
          if (MODES.includes('midi') && spec.midi) await scoreRun('midi', set, fastComp(back, spec.midi()));
          if (MODES.includes('guide')) await scoreRun('guide', set, fastComp(back, undefined, back.guide));
          continue;
        }
        // speech: no MIDI melody, no key
        for (const mode of MODES.filter((m) => !spec.speech || m !== 'midi')) {
          const r = await comp({
            ffmpeg,
            store: new NoStore(),
            takes,
            output: path.join(dir, `comp-${mode}.wav`),
            sections: path.join(dir, 'sections.yaml'),
            ...(mode === 'midi' ? { guide: path.join(dir, 'guide.mid') } : {}),
            ...(mode === 'guide' ? { guide: path.join(dir, 'guide.wav') } : {}),
            ...(mode === 'none' && set.key ? { key: set.key } : {}),
          });
          await scoreRun(mode, set, r);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      /** Counts one run's choices against the truth. */
      async function scoreRun(
        mode: Mode,
        set: Pick<TakeSet, 'sections' | 'defects' | 'best'>,
        r: {
          decisions: { decision: string; value?: unknown; reason?: string }[];
          sections: {
            name: string;
            chosen: number;
            why: string;
            scores: { take: number; defects: string[]; totalPoints: number }[];
          }[];
        },
      ): Promise<void> {
        counted[mode] += set.sections.length;
        const ref = r.decisions.find((d) => d.decision === 'timing reference');
        if (verbose && ref) misses.push(`${mode} ${label} ${spec.seed}: timing reference ${ref.value} ${ref.reason}`);
        r.sections.forEach((s, i) => {
          for (const x of s.scores) {
            const truth = set.defects.find((d) => d.section === i && d.take === x.take);
            cells.push({ mode, seed: spec.seed, section: i, best: set.best[i], truth, ...x });
            flags[mode].cells++;
            if (!truth && x.defects.length) {
              flags[mode].cleanFlagged++;
              flagNotes.push(`${mode} ${label} ${spec.seed} ${s.name} take ${x.take}: clean, flagged ${x.defects}`);
            }
            if (truth && !x.defects.length) {
              flags[mode].defectMissed++;
              flagNotes.push(
                `${mode} ${label} ${spec.seed} ${s.name} take ${x.take}: ${truth.kind} ${Math.round(truth.amount)} ` +
                  `not flagged (${x.totalPoints} points)`,
              );
            }
          }
          const timingDefects = set.defects.filter(
            (x) => x.section === i && (x.kind === 'late' || x.kind === 'early'),
          ).length;
          if (timingDefects >= 2) {
            shared[mode].n++;
            if (s.chosen === set.best[i]) shared[mode].right++;
          }
          if (s.chosen === set.best[i] && spec.speech) speechRight[mode]++;
          if (clearlyBest(set, i)) {
            clear[mode].n++;
            if (s.chosen === set.best[i]) clear[mode].right++;
          }
          if (s.chosen === set.best[i]) right[mode]++;
          else {
            const chosen = set.defects.find((x) => x.section === i && x.take === s.chosen);
            const key = chosen ? `${chosen.kind} ${faintDefect(chosen) ? 'F' : 'O'}` : 'no defect';
            if (!missClass.has(key)) missClass.set(key, { midi: 0, guide: 0, none: 0 });
            missClass.get(key)![mode]++;
            const d = set.defects
              .filter((x) => x.section === i)
              .map((x) => `${x.take}:${x.kind}:${Math.round(x.amount)}`)
              .join(' ');
            misses.push(
              `${mode} ${label} ${spec.seed} ${s.name}: chose ${s.chosen}, clean ${set.best[i]} (${d}); ${s.why}`,
            );
          }
        });
      }
    }
    const pct = (m: Mode) =>
      counted[m] ? `${right[m]}/${counted[m]} (${((100 * right[m]) / counted[m]).toFixed(1)} %)` : 'not run';
    console.log(
      `${name}: ${specs.length} songs, ${total} sections; chosen = clean take: MIDI guide ${pct('midi')}, ` +
        `guide vocal ${pct('guide')}, no guide (key) ${pct('none')}`,
    );
    if (speechTotal)
      console.log(
        `  of which speech (espeak-ng, festival): ${speechTotal} sections; chosen = clean: ` +
          `guide vocal ${speechRight.guide}, no guide ${speechRight.none}`,
      );
    console.log(
      `  sections with two or more timing defects: ${shared.none.n}; chosen = clean: ` +
        MODES.flatMap((m) => (m in shared ? [`${m} ${shared[m].right}/${shared[m].n}`] : [])).join(', '),
    );
    for (const mode of MODES.filter((m) => m in flags))
      console.log(
        `  defect flags (${mode}): ${flags[mode].cleanFlagged} clean take × sections flagged, ` +
          `${flags[mode].defectMissed} with a defect not flagged, of ${flags[mode].cells}`,
      );
    console.log(
      '  clearly best (every other take missing or ordinary), chosen = clean: ' +
        MODES.map((m) => `${m} ${clear[m].right}/${clear[m].n}`).join(', '),
    );
    const byCount = [...missClass].sort(
      (p, q) => q[1].midi + q[1].guide + q[1].none - p[1].midi - p[1].guide - p[1].none,
    );
    console.log(
      `  misses by the chosen take's defect (${MODES.join(' / ')}): ` +
        byCount.map(([k, c]) => `${k} ${MODES.map((m) => c[m]).join('/')}`).join(', '),
    );
    if (verbose) for (const m of [...misses, ...flagNotes]) console.log(`  ${m}`);
    const dump = process.argv.indexOf('--dump');
    if (dump > 0) writeFileSync(`${process.argv[dump + 1]}-${name}.json`, JSON.stringify(cells));
  }
}

/** A defect under defectAmount's own range (a burst quieter than its −24 dBFS): faint; missing is no size. */
function faintDefect(d: Defect): boolean {
  if (d.kind === 'missing') return false;
  const edge = defectAmount(d.kind, () => 0, 1);
  return d.kind === 'noise' ? d.amount < edge : Math.abs(d.amount) < Math.abs(edge);
}
/** Section i clearly best: every take but the clean one missing or at an ordinary size (no faint defect). */
function clearlyBest(set: Pick<TakeSet, 'defects' | 'best'>, i: number): boolean {
  return !set.defects.some((d) => d.section === i && d.take !== set.best[i] && faintDefect(d));
}
/**
 * `--truth` (h-cset100): a set's generator only, no comp code — each spec built as the run builds it and read
 * against its defect table: sections, readings (MIDI on songs, guide vocal and no guide on all), the sections
 * **clearly best** (every take but the clean one missing or at an ordinary size: no size under defectAmount's own
 * range, a burst no quieter than its −24 dBFS), samples clipped (|x| ≥ 0.999) in the clean take's sections, the
 * clean takes' and guides' peaks, the defects by kind, and a sha256 of each spec's takes, guide and defect table
 * (the render's identity).
 */
function truthOf(name: string, specs: { seed: number; build: (dir: string) => TakeSet; speech: boolean }[]): void {
  let [sections, readings, clear, clearReadings, clipped] = [0, 0, 0, 0, 0];
  const kinds = new Map<string, number>();
  const peaks: number[][] = [[], []];
  const range = (x: number[]) => `${Math.min(...x).toFixed(3)}–${Math.max(...x).toFixed(3)}`;
  for (const spec of specs) {
    const dir = mkdtempSync(path.join(tmpdir(), 'shub-comp-truth-'));
    try {
      const set = spec.build(dir);
      const hash = createHash('sha256');
      for (const x of [...set.takes, set.guide]) hash.update(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
      hash.update(JSON.stringify(set.defects));
      const per = spec.speech ? 2 : 3;
      const mine: number[] = [];
      const first = peaks[0]!.length;
      set.sections.forEach((sec, i) => {
        const clean = set.takes[set.best[i]!]!;
        const [a, b] = [Math.round(sec.startSeconds * set.sampleRate), Math.round(sec.endSeconds * set.sampleRate)];
        for (let k = a; k < Math.min(b, clean.length); k++) if (Math.abs(clean[k]!) >= 0.999) clipped++;
        peaks[0]!.push(clean.subarray(a, b).reduce((m, v) => Math.max(m, Math.abs(v)), 0));
        if (clearlyBest(set, i)) mine.push(i);
      });
      peaks[1]!.push(set.guide.reduce((m, v) => Math.max(m, Math.abs(v)), 0));
      for (const d of set.defects) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
      sections += set.sections.length;
      readings += per * set.sections.length;
      clear += mine.length;
      clearReadings += per * mine.length;
      console.log(
        `${name} ${spec.speech ? 'speech ' : ''}seed ${spec.seed}: ${set.sections.length} sections, clearly best ` +
          `${mine.map((i) => set.sections[i]!.name).join(' ') || 'none'}; clean-take peaks ` +
          `${range(peaks[0]!.slice(first))}; sha256 ${hash.digest('hex').slice(0, 16)}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(
    `${name}: ${sections} sections, ${readings} readings; clearly best ${clear} sections (${clearReadings} ` +
      `readings); clipped samples in clean takes' sections ${clipped}; clean-take peaks ${range(peaks[0]!)}, guide ` +
      `peaks ${range(peaks[1]!)}; defects ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
