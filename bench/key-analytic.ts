/**
 * Analytic training songs for the key's learned combiner (issue 12 point 3, h-key57): the key tests' kind of
 * material (test/helpers/key-songs.ts `progression`: triads of harmonic tones over a bass, 22.05 kHz), made here from
 * Roman-numeral progressions in all 24 keys with seeds and progressions of their own (none of the tests' chord lists):
 * cadencing and open loops, relative-leaning minor, Mixolydian and Dorian vamps, I–IV loops, a tonic pedal, a steady
 * held tonic above the chords, chord lengths 0.6–1.8 s, detuned ±45 cents. The truth is the key the progression was
 * written in (Mixolydian → its major tonic, Dorian → its minor tonic). Writes bench/key-learn.ts's dump lines (the
 * engine's 24 candidates' evidence and song facts through EstimateKeyOptions.onEvidence, main's output unchanged).
 *
 *   node dist/bench/key-analytic.js --songs=240 --seed=57000 --set='analytic57 A' --dump=/tmp/h-key57/analyticA.jsonl
 *
 * Not part of `npm test`.
 */
import { writeFileSync } from 'node:fs';
import { analyzeKey, keyBlocks } from '../src/engines/key/index.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import { KEY_SONG_RATE, progression } from '../test/helpers/key-songs.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/** A chord as semitones above the key's tonic and its quality. */
type Numeral = [number, 'maj' | 'min' | 'dim' | 'dom7' | 'maj7' | 'min7' | 'sus'];
const N: Record<string, Numeral> = {
  I: [0, 'maj'],
  Imaj7: [0, 'maj7'],
  ii: [2, 'min'],
  ii7: [2, 'min7'],
  iii: [4, 'min'],
  IV: [5, 'maj'],
  V: [7, 'maj'],
  V7: [7, 'dom7'],
  vi: [9, 'min'],
  bVII: [10, 'maj'],
  i: [0, 'min'],
  i7: [0, 'min7'],
  iidim: [2, 'dim'],
  bIII: [3, 'maj'],
  iv: [5, 'min'],
  v: [7, 'min'],
  bVI: [8, 'maj'],
  bII: [1, 'maj'],
  Vsus: [7, 'sus'],
};
const QUALITY = {
  maj: [0, 4, 7],
  min: [0, 3, 7],
  dim: [0, 3, 6],
  dom7: [0, 4, 7, 10],
  maj7: [0, 4, 7, 11],
  min7: [0, 3, 7, 10],
  sus: [0, 5, 7],
};

/** [name, mode of the truth, the loop, whether it cadences into the tonic at the end] */
const FAMILIES: [string, 'major' | 'minor', string[], boolean][] = [
  ['I-ii-V-I', 'major', ['I', 'ii', 'V', 'I'], true],
  ['I-vi-ii-V7', 'major', ['I', 'vi', 'ii', 'V7'], true],
  ['I-V-vi-IV', 'major', ['I', 'V', 'vi', 'IV'], false],
  ['I-vi-IV-V', 'major', ['I', 'vi', 'IV', 'V'], true],
  ['vi-IV-I-V', 'major', ['vi', 'IV', 'I', 'V'], false],
  ['IV-I-V-vi', 'major', ['IV', 'I', 'V', 'vi'], false],
  ['ii7-V7-Imaj7', 'major', ['ii7', 'V7', 'Imaj7', 'Imaj7'], true],
  ['I-IV-I-V', 'major', ['I', 'IV', 'I', 'V'], true],
  ['I-IV-V-IV', 'major', ['I', 'IV', 'V', 'IV'], false],
  ['I-bVII-IV-I', 'major', ['I', 'bVII', 'IV', 'I'], false],
  ['I-bVII (Mixolydian vamp)', 'major', ['I', 'bVII'], false],
  ['I-IV (vamp)', 'major', ['I', 'IV'], false],
  ['Imaj7-IV (vamp)', 'major', ['Imaj7', 'IV'], false],
  ['I-IV-IV', 'major', ['I', 'IV', 'IV'], false],
  ['I-iii-IV-V', 'major', ['I', 'iii', 'IV', 'V'], true],
  ['i-iv-V-i', 'minor', ['i', 'iv', 'V', 'i'], true],
  ['i-iidim-V7-i', 'minor', ['i', 'iidim', 'V7', 'i'], true],
  ['i-bVI-bIII-bVII', 'minor', ['i', 'bVI', 'bIII', 'bVII'], false],
  ['i-bVII-bVI-V', 'minor', ['i', 'bVII', 'bVI', 'V'], true],
  ['i-bVII-bVI-bVII', 'minor', ['i', 'bVII', 'bVI', 'bVII'], false],
  ['i-bIII-bVII-i', 'minor', ['i', 'bIII', 'bVII', 'i'], false],
  ['i-bVII-bIII-bVII', 'minor', ['i', 'bVII', 'bIII', 'bVII'], false],
  ['i-bIII-bVI-bVII', 'minor', ['i', 'bIII', 'bVI', 'bVII'], false],
  ['i-iv-bVII-bIII', 'minor', ['i', 'iv', 'bVII', 'bIII'], false],
  ['i-IV (Dorian vamp)', 'minor', ['i', 'IV'], false],
  ['i7-IV-i7-v (Dorian)', 'minor', ['i7', 'IV', 'i7', 'v'], false],
  ['i-iv (vamp)', 'minor', ['i', 'iv'], false],
  ['i-bVI-iv-V', 'minor', ['i', 'bVI', 'iv', 'V'], true],
  ['i-v-bVI-bVII', 'minor', ['i', 'v', 'bVI', 'bVII'], false],
  ['i-bII-bVII-i (Phrygian)', 'minor', ['i', 'bII', 'bVII', 'i'], false],
];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface AnalyticSong {
  name: string;
  tonic: number;
  mode: 'major' | 'minor';
  x: Float32Array;
}

/** A numeral's triad in [register, register + 12), its bass two octaves under the root or the pedal's pitch class. */
function chordOf(name: string, tonic: number, register: number, pedal: number | null): [number[], number] {
  const [step, q] = N[name]!;
  const root = (tonic + step) % 12;
  const inRegister = (pc: number) => register + ((((pc - register) % 12) + 12) % 12);
  const notes = QUALITY[q].map((iv) => inRegister((root + iv) % 12));
  const rootNote = inRegister(root);
  const bass = pedal !== null ? 36 + ((((pedal - 36) % 12) + 12) % 12) : rootNote - 24 + (rootNote - 24 < 36 ? 12 : 0);
  return [notes.sort((a, b) => a - b), bass];
}

/** Four harmonics (1/h) added to x from `start` for `len` samples: level, or decaying with time constant `decay` s. */
function addTone(x: Float32Array, midi: number, cents: number, start: number, len: number, gain: number, decay = 0) {
  const f = 440 * 2 ** ((midi - 69 + cents / 100) / 12);
  for (let h = 1; h <= 4; h++)
    for (let i = 0; i < len && start + i < x.length; i++) {
      const env = Math.min(1, i / 200, (len - i) / 200) * (decay > 0 ? Math.exp(-i / (decay * KEY_SONG_RATE)) : 1);
      x[start + i]! += (gain / h) * env * Math.sin((2 * Math.PI * h * f * i) / KEY_SONG_RATE);
    }
}

/** One song: the family's loop 2–4 times in a key, its options drawn from the seed. */
export function analyticSong(seed: number): AnalyticSong {
  const r = rng(seed * 2654435761);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const [family, mode, loop, cadences] = pick(FAMILIES);
  const tonic = Math.floor(r() * 12);
  const seconds = 0.6 + 1.2 * r();
  const cents = Math.round(-45 + 90 * r());
  const repeats = loop.length <= 2 ? 4 + Math.floor(r() * 3) : 2 + Math.floor(r() * 3);
  const pedal = r() < 0.2;
  const held = r() < 0.2;
  // the ending: a final tonic chord (cadencing loops mostly), or the loop stopped where it is
  const finalTonic = cadences ? r() < 0.8 : r() < 0.35;
  const register = 55 + Math.floor(r() * 6);
  const names: string[] = [];
  for (let k = 0; k < repeats; k++) names.push(...loop);
  if (finalTonic) names.push(mode === 'major' ? 'I' : 'i');
  const x = progression(
    names.map((n) => chordOf(n, tonic, register, pedal ? tonic : null)),
    seconds,
    cents,
  );
  if (held) {
    // a steady tonic an octave above the chords over every tonic chord
    const len = Math.round(seconds * KEY_SONG_RATE);
    const note = register + 12 + ((((tonic - register) % 12) + 12) % 12);
    names.forEach((n, c) => {
      if (N[n]![0] === 0) addTone(x, note, cents, Math.round(c * seconds * KEY_SONG_RATE), len, 0.15);
    });
  }
  const opts = [pedal ? 'pedal' : '', held ? 'held' : '', finalTonic ? 'final' : 'open'].filter(Boolean).join('-');
  return { name: `analytic-${seed}-${tonic}-${mode}-${family}-${opts}`, tonic, mode, x };
}

/**
 * h-key71's families (`--families=d`): what decides a key when the chords leave it open, each both ways where the
 * chords are a relative pair. [name, mode, loop, the voice above the chords, the endings drawn from]:
 * - held: a steady tonic an octave above the chords over each tonic chord (the loop of a relative pair, which key's
 *   tonic chord carries it decides), ending on the relative key's chord, the tonic chord or where the loop stops;
 * - melody: a top voice resting on the tonic over every chord (the loop of a relative pair, stopped where it is);
 * - bright: a minor tonic chord under a loud, decaying major-third partial (a bright sample's 5th partial of the
 *   root) with the minor third sung over the chord's second half, so the chord reads major and the melody minor;
 * - dominant pedal: a cadencing loop over the dominant held in the bass (no voice above).
 */
const FAMILIES_D: [
  string,
  'major' | 'minor',
  string[],
  'held' | 'melody' | 'bright' | 'dominant pedal',
  ('rel' | 'final' | 'open')[],
][] = [
  ['bVI-bIII-bVII-i', 'minor', ['bVI', 'bIII', 'bVII', 'i'], 'held', ['rel', 'final', 'open']],
  ['IV-I-V-vi', 'major', ['IV', 'I', 'V', 'vi'], 'held', ['rel', 'final', 'open']],
  ['bVII-i-bVI-bIII', 'minor', ['bVII', 'i', 'bVI', 'bIII'], 'held', ['rel', 'open']],
  ['V-vi-IV-I', 'major', ['V', 'vi', 'IV', 'I'], 'held', ['rel', 'open']],
  ['vi-IV-I-V', 'major', ['vi', 'IV', 'I', 'V'], 'melody', ['open']],
  ['i-bVI-bIII-bVII', 'minor', ['i', 'bVI', 'bIII', 'bVII'], 'melody', ['open']],
  ['I-V-vi-IV', 'major', ['I', 'V', 'vi', 'IV'], 'melody', ['open']],
  ['bIII-bVII-i-bVI', 'minor', ['bIII', 'bVII', 'i', 'bVI'], 'melody', ['open']],
  ['i-iv-bVII-V', 'minor', ['i', 'iv', 'bVII', 'V'], 'bright', ['final']],
  ['i-bVI-iv-V', 'minor', ['i', 'bVI', 'iv', 'V'], 'bright', ['final', 'open']],
  ['i-v-iv-V', 'minor', ['i', 'v', 'iv', 'V'], 'bright', ['final']],
  ['i-bII-iv-V', 'minor', ['i', 'bII', 'iv', 'V'], 'bright', ['final', 'open']],
  ['I-ii-V-I', 'major', ['I', 'ii', 'V', 'I'], 'dominant pedal', ['final']],
  ['I-IV-I-V', 'major', ['I', 'IV', 'I', 'V'], 'dominant pedal', ['final']],
  ['i-iv-V-i', 'minor', ['i', 'iv', 'V', 'i'], 'dominant pedal', ['final']],
];

/** A song of FAMILIES_D (h-key71): the loop 2–4 times in a key, its voice's level and ending drawn from the seed. */
export function analyticSongD(seed: number): AnalyticSong {
  const r = rng(seed * 2654435761);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const [family, mode, loop, voice, endings] = pick(FAMILIES_D);
  const tonic = Math.floor(r() * 12);
  const seconds = 0.8 + 1.0 * r();
  const cents = Math.round(-45 + 90 * r());
  const repeats = 2 + Math.floor(r() * 3);
  const register = 55 + Math.floor(r() * 6);
  const ending = pick(endings);
  const gain = 0.1 + 0.15 * r();
  const names: string[] = [];
  for (let k = 0; k < repeats; k++) names.push(...loop);
  const rel = mode === 'major' ? 'vi' : 'bIII';
  if (ending === 'rel') names.push(rel, ...(r() < 0.5 ? [rel] : []));
  if (ending === 'final') names.push(mode === 'major' ? 'I' : 'i');
  const x = progression(
    names.map((n) => chordOf(n, tonic, register, voice === 'dominant pedal' ? (tonic + 7) % 12 : null)),
    seconds,
    cents,
  );
  const len = Math.round(seconds * KEY_SONG_RATE);
  const tonicNote = register + 12 + ((((tonic - register) % 12) + 12) % 12);
  names.forEach((n, c) => {
    const start = Math.round(c * seconds * KEY_SONG_RATE);
    if (voice === 'melody') addTone(x, tonicNote, cents, start, len, gain);
    else if (voice === 'dominant pedal' || N[n]![0] !== 0) return;
    else if (voice === 'held') addTone(x, tonicNote, cents, start, len, gain);
    else {
      // the major third's partial, loud and decaying with the chord; the minor third sung over the second half
      addTone(x, tonicNote + 4, cents, start, len, 0.3 + 0.3 * r(), 0.8);
      addTone(x, tonicNote + 3, cents, start + Math.round(len / 2), len - Math.round(len / 2), gain);
    }
  });
  return { name: `analyticD-${seed}-${tonic}-${mode}-${family}-${voice}-${ending}`, tonic, mode, x };
}

function main() {
  const songs = Number(arg('songs', '240'));
  const seed = Number(arg('seed', '57000'));
  const set = arg('set', 'analytic57');
  const dump = arg('dump', '');
  if (!dump) throw new Error('--dump=FILE');
  const out: string[] = [];
  const make = arg('families', '') === 'd' ? analyticSongD : analyticSong;
  for (let i = 0; i < songs; i++) {
    const s = make(seed + i);
    const fx = createFeatureExtractor({ sampleRate: KEY_SONG_RATE, channels: 1 }, { spectrum: true, pitch: false });
    fx.addFloat(s.x);
    const r = fx.finish();
    const blocks = keyBlocks(r);
    analyzeKey(r.pitchClass, r.bassPitchClass, blocks, {
      params: { keyModel: 0 },
      onEvidence: (evidence, facts) => {
        out.push(JSON.stringify({ set, name: s.name, truth: { tonic: s.tonic, mode: s.mode }, facts, evidence }));
      },
    });
  }
  writeFileSync(dump, out.join('\n') + '\n');
  console.error(`key-analytic: ${out.length} songs' evidence written to ${dump}`);
}

if (process.argv[1]?.endsWith('key-analytic.js')) main();
