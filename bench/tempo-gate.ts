/**
 * The tempo engine's "is there a beat at all" gate, measured across material (h-tempo6): for every file of the
 * chosen sets and for speech and noise (fixtures/signals.ts speechLike, white and pink noise; espeak-ng and
 * festival speech when installed), the gate statistics the engine could use, and where music and non-music fall.
 *
 *   node dist/bench/tempo-gate.js [--cached-only] [--tuning] [--held-out-2] [--held-out-3] [--held-out-4]
 *                                 [--held-out-5] [--files]
 *
 * Not part of `npm test`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { groundTruthSet, heldOutSet, tempoTuningSet, type TruthFile } from '../fixtures/groundtruth.js';
import { heldOutDrumSet } from '../fixtures/drumtruth.js';
import { tempo3Set, tempoHeldOut2Set } from '../fixtures/tempotruth.js';
import { tempo4Set } from '../fixtures/tempo4.js';
import { tempo5Set } from '../fixtures/tempo5.js';
import { noise, pinkNoise, speechLike, writeWav } from '../fixtures/signals.js';
import { periodicityEvidence } from '../src/engines/tempo/index.js';
import { features, isCached } from './tempo-features.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const has = (flag: string) => process.argv.includes(flag);

/** Speech and noise files (written once into bench/out/tempo-gate). */
function nonMusic(): TruthFile[] {
  const dir = path.join(OUT, 'tempo-gate');
  mkdirSync(dir, { recursive: true });
  const FS = 44100;
  const out: TruthFile[] = [];
  const add = (name: string, make: () => void) => {
    const file = path.join(dir, `${name}.wav`);
    if (!existsSync(file)) make.call(null);
    if (existsSync(file)) out.push({ name, file, kind: 'loop', bpm: 0, beats: [], downbeats: [] });
  };
  for (const seed of [3, 11, 21, 33, 47])
    add(`speechlike-${seed}`, () => {
      const x = speechLike(20, FS, seed);
      writeWav(path.join(dir, `speechlike-${seed}.wav`), [x, x], FS, 's16');
    });
  for (const seed of [5, 9])
    add(`white-${seed}`, () => {
      const x = noise(20 * FS, 0.3, seed);
      writeWav(path.join(dir, `white-${seed}.wav`), [x, x], FS, 's16');
    });
  for (const seed of [6, 8])
    add(`pink-${seed}`, () => {
      const x = pinkNoise(20 * FS, 0.3, seed);
      writeWav(path.join(dir, `pink-${seed}.wav`), [x, x], FS, 's16');
    });
  const texts: [string, string][] = [
    [
      'en',
      'The quick brown fox jumps over the lazy dog. Spoken words have no key and no tempo at all, however ' +
        'long we keep talking.',
    ],
    ['de', 'Guten Morgen, meine Damen und Herren. Heute sprechen wir über das Wetter und über Musik ohne Melodie.'],
    ['en-us', 'One, two, three, four, five, six, seven, eight, nine, ten. Counting at a steady pace is not a beat.'],
    ['fr', 'Il était une fois une petite ville au bord de la mer, où les gens parlaient lentement le soir.'],
    ['es', 'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, vivía un hidalgo de los de lanza.'],
  ];
  texts.forEach(([voice, words], i) =>
    add(`espeak-${voice}-${i}`, () => {
      spawnSync('espeak-ng', ['-v', voice, '-w', path.join(dir, `espeak-${voice}-${i}.wav`), words]);
    }),
  );
  ['The rain in Spain stays mainly in the plain, they said, and nobody believed them.'].forEach((words, i) =>
    add(`festival-${i}`, () => {
      spawnSync('text2wave', ['-o', path.join(dir, `festival-${i}.wav`)], { input: words });
    }),
  );
  return out;
}

async function main() {
  const sets: [string, TruthFile[]][] = [];
  if (has('--tuning')) {
    const tuningDir = path.join(OUT, 'truth');
    const patternDir = path.join(OUT, 'drum-truth-tuning');
    mkdirSync(tuningDir, { recursive: true });
    mkdirSync(patternDir, { recursive: true });
    sets.push([
      'tuning',
      [
        ...groundTruthSet(tuningDir),
        ...tempoTuningSet(tuningDir),
        ...heldOutDrumSet(patternDir, { tuning: true }).files,
      ],
    ]);
    const heldDir = path.join(OUT, 'held-out');
    mkdirSync(heldDir, { recursive: true });
    sets.push(['held-out 1', heldOutSet(heldDir)]);
  }
  const dirOf = (n: string) => {
    const d = path.join(OUT, n);
    mkdirSync(d, { recursive: true });
    return d;
  };
  if (has('--held-out-2')) sets.push(['held-out 2', tempoHeldOut2Set(dirOf('tempo-heldout2')).files]);
  if (has('--held-out-3')) sets.push(['held-out 3', tempo3Set(dirOf('tempo-heldout3')).files]);
  if (has('--held-out-4')) sets.push(['held-out 4', tempo4Set(dirOf('tempo-heldout4')).files]);
  if (has('--held-out-5')) sets.push(['held-out 5', tempo5Set(dirOf('tempo-heldout5')).files]);
  sets.push(['speech and noise', nonMusic()]);
  const rows: { set: string; name: string; music: boolean; e: ReturnType<typeof periodicityEvidence> }[] = [];
  for (const [set, files] of sets)
    for (const f of files) {
      // --cached-only: music files whose envelopes are cached (a partial run on a loaded machine)
      if (has('--cached-only') && set !== 'speech and noise' && !isCached(f)) continue;
      const { input } = await features(f);
      rows.push({ set, name: f.name, music: set !== 'speech and noise', e: periodicityEvidence(input) });
    }
  const keys = Object.keys(rows[0]!.e);
  const f3 = (x: number) => x.toFixed(3);
  if (has('--files'))
    for (const r of rows) console.log(`${r.set} | ${r.name} | ${keys.map((k) => `${k} ${f3(r.e[k]!)}`).join(' | ')}`);
  console.log(
    '\n| statistic | non-music max | ' + sets.map(([s]) => `${s}: min / 5 % / below gate`).join(' | ') + ' |',
  );
  for (const k of keys) {
    const non = rows.filter((r) => !r.music).map((r) => r.e[k]!);
    const maxNon = Math.max(...non);
    const cells = sets.map(([s]) => {
      const xs = rows
        .filter((r) => r.set === s)
        .map((r) => r.e[k]!)
        .sort((a, b) => a - b);
      const below = xs.filter((x) => x <= maxNon).length;
      return `${f3(xs[0]!)} / ${f3(xs[Math.floor(xs.length * 0.05)]!)} / ${below} of ${xs.length}`;
    });
    console.log(`| ${k} | ${f3(maxNon)} | ${cells.join(' | ')} |`);
  }
}

await main();
