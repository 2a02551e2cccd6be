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
import { fileURLToPath, pathToFileURL } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { groundTruthSet, heldOutSet, tempoTuningSet, type TruthFile } from '../fixtures/groundtruth.js';
import { heldOutDrumSet } from '../fixtures/drumtruth.js';
import { tempo3Set, tempoHeldOut2Set } from '../fixtures/tempotruth.js';
import { tempo4Set } from '../fixtures/tempo4.js';
import { tempo5Set } from '../fixtures/tempo5.js';
import { tempo6Set } from '../fixtures/tempo6.js';
import { tempo7Set } from '../fixtures/tempo7.js';
import { tempo8Set } from '../fixtures/tempo8.js';
import { tempo9Set } from '../fixtures/tempo9.js';
import { tempo10Set } from '../fixtures/tempo10.js';
import { tempo11OddSet, tempo11Set } from '../fixtures/tempo11.js';
import { tempo12Set } from '../fixtures/tempo12.js';
import { tempo13Set } from '../fixtures/tempo13.js';
import { tempo14Set } from '../fixtures/tempo14.js';
import { noise, noiseSource, pinkNoise, speechLike, writeWav } from '../fixtures/signals.js';
import { beatGateEvidence, periodicityEvidence } from '../src/engines/tempo/index.js';
import { features, isCached } from './tempo-features.js';
import { gateHeldOut1Set } from '../fixtures/gateheldout1.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const has = (flag: string) => process.argv.includes(flag);

/** Brown (1/f²) noise: white noise integrated with a slow leak, scaled to peak `amp`. */
function brownNoise(frames: number, amp: number, seed: number): Float64Array {
  const w = noise(frames, 1, seed);
  const out = new Float64Array(frames);
  let y = 0;
  for (let i = 0; i < frames; i++) out[i] = y = 0.998 * y + 0.05 * w[i]!;
  return scalePeak(out, amp);
}

function scalePeak(x: Float64Array, amp: number): Float64Array {
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  if (peak > 0) for (let i = 0; i < x.length; i++) x[i]! *= amp / peak;
  return x;
}

/** Crowd-like noise: pink-noise bursts of 0.1–1.2 s, random gaps and levels, over a pink floor. */
function crowdNoise(frames: number, fs: number, seed: number): Float64Array {
  const rnd = noiseSource(seed);
  const floor = pinkNoise(frames, 0.05, seed + 1);
  const burst = pinkNoise(frames, 1, seed + 2);
  const x = Float64Array.from(floor);
  for (let t = Math.round(rnd() * fs * 0.3); t < frames;) {
    const len = Math.round((0.1 + 1.1 * rnd()) * fs);
    const g = 0.1 + 0.5 * rnd();
    for (let i = 0; i < len && t + i < frames; i++) x[t + i]! += g * Math.sin((Math.PI * i) / len) * burst[t + i]!;
    t += Math.round(len * (0.3 + rnd()) + 0.05 * fs * rnd());
  }
  return scalePeak(x, 0.5);
}

/** Rain-like clicks: Poisson drops (about `rate` a second) of 1–6 ms decaying noise, random levels, a soft hiss. */
function rainClicks(frames: number, fs: number, rate: number, seed: number): Float64Array {
  const rnd = noiseSource(seed);
  const x = noise(frames, 0.01, seed + 3);
  for (let t = 0; t < frames;) {
    t += Math.round((-Math.log(1 - rnd()) / rate) * fs);
    const len = Math.round((0.001 + 0.005 * rnd()) * fs);
    const g = 0.05 + 0.95 * rnd() ** 2;
    for (let i = 0; i < len && t + i < frames; i++) x[t + i]! += g * Math.exp((-5 * i) / len) * (2 * rnd() - 1);
  }
  return scalePeak(x, 0.5);
}

/**
 * The texts of the tuning speech (h-gate19): per espeak-ng voice one sentence, said twice in one render; h-tempo17's 15
 * renders are these at 130, 160 and 190 words a minute.
 */
export const GATE_TUNING_TEXTS: readonly (readonly [string, string])[] = [
  ['en-us', 'One, two, three, four, five, six, seven, eight, nine, ten. Counting at a steady pace is not a beat.'],
  [
    'en',
    'The quick brown fox jumps over the lazy dog. Spoken words have no key and no tempo at all, however long we ' +
      'keep talking.',
  ],
  ['de', 'Guten Morgen, meine Damen und Herren. Heute sprechen wir über das Wetter und über Musik ohne Melodie.'],
  ['fr', 'Il était une fois une petite ville au bord de la mer, où les gens parlaient lentement le soir.'],
  ['es', 'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, vivía un hidalgo de los de lanza.'],
];

/** Speech and noise files (written once into bench/out/tempo-gate): the gate's tuning non-music. */
/** The gate's tuning speech and noise (70 files, rendered once into bench/out/tempo-gate). */
export function nonMusic(): TruthFile[] {
  const dir = path.join(OUT, 'tempo-gate');
  mkdirSync(dir, { recursive: true });
  const FS = 44100;
  const out: TruthFile[] = [];
  const add = (name: string, make: (file: string) => void) => {
    const file = path.join(dir, `${name}.wav`);
    if (!existsSync(file)) make(file);
    if (existsSync(file)) out.push({ name, file, kind: 'loop', bpm: 0, beats: [], downbeats: [] });
  };
  const wav = (x: Float64Array) => (file: string) => writeWav(file, [x, x], FS, 's16');
  // speechLike: seeds 1–30 (h-tempo17 found seeds 8 and 29 given a tempo) and the earlier 33, 47
  for (let seed = 1; seed <= 30; seed++) add(`speechlike-${seed}`, (file) => wav(speechLike(20, FS, seed))(file));
  for (const seed of [33, 47]) add(`speechlike-${seed}`, (file) => wav(speechLike(20, FS, seed))(file));
  for (const seed of [5, 9]) add(`white-${seed}`, (file) => wav(noise(20 * FS, 0.3, seed))(file));
  for (const seed of [6, 8]) add(`pink-${seed}`, (file) => wav(pinkNoise(20 * FS, 0.3, seed))(file));
  for (const seed of [7, 10]) add(`brown-${seed}`, (file) => wav(brownNoise(20 * FS, 0.4, seed))(file));
  for (const seed of [12, 13]) add(`crowd-${seed}`, (file) => wav(crowdNoise(20 * FS, FS, seed))(file));
  for (const [seed, rate] of [
    [14, 8],
    [15, 40],
    [16, 150],
  ] as const)
    add(`rain-${rate}-${seed}`, (file) => wav(rainClicks(20 * FS, FS, rate, seed))(file));
  // espeak-ng: each sentence once at the default rate (h-tempo6's five) and said twice at 130, 160, 190 words/min
  GATE_TUNING_TEXTS.forEach(([voice, words], i) => {
    add(`espeak-${voice}-${i}`, (file) => spawnSync('espeak-ng', ['-v', voice, '-w', file, words]));
    for (const wpm of [130, 160, 190])
      add(`espeak-${voice}-${wpm}`, (file) =>
        spawnSync('espeak-ng', ['-v', voice, '-s', String(wpm), '-w', file, `${words} ${words}`]),
      );
  });
  // Festival (its one installed voice, kal_diphone)
  [
    'The rain in Spain stays mainly in the plain, they said, and nobody believed them.',
    'Please call Stella. Ask her to bring these things with her from the store: six spoons of fresh snow peas, ' +
      'five thick slabs of blue cheese, and maybe a snack for her brother Bob.',
    'We also need a small plastic snake and a big toy frog for the kids. She can scoop these things into three ' +
      'red bags, and we will go meet her Wednesday at the train station.',
  ].forEach((words, i) => add(`festival-${i}`, (file) => spawnSync('text2wave', ['-o', file], { input: words })));
  // speech over a quiet room tone: pink noise 35 dB under the speech's peak, mixed by SoX
  const tone = path.join(dir, 'roomtone.wav');
  if (!existsSync(tone)) writeWav(tone, [pinkNoise(30 * FS, 0.018, 31), pinkNoise(30 * FS, 0.018, 32)], FS, 's16');
  for (const src of ['espeak-en-160', 'espeak-de-130', 'festival-1', 'speechlike-8']) {
    const speech = path.join(dir, `${src}.wav`);
    if (!existsSync(speech)) continue;
    add(`${src}-roomtone`, (file) => {
      // the speech as 44.1 kHz stereo first (espeak-ng writes 22.05 kHz mono, Festival 16 kHz)
      const tmp = `${file}.tmp.wav`;
      spawnSync('sox', [speech, '-r', '44100', '-c', '2', '-b', '16', tmp]);
      spawnSync('sox', ['-m', tmp, tone, '-b', '16', file, 'trim', '0', `${20}`]);
      spawnSync('rm', ['-f', tmp]);
    });
  }
  return out;
}

/**
 * --gate-held-out-1 [--render-only] [--shub BIN]: gate held-out 1 (fixtures/gateheldout1.ts) through the CLI
 * (`analyze --features tempo --json`; BIN: another checkout's bin/shub.js, for the code before): per file the tempo or
 * the null reason, then speech/noise files given a tempo and music files without one.
 */
async function gateHeldOut(): Promise<void> {
  const files = gateHeldOut1Set(path.join(OUT, 'gate-heldout1'));
  const nMusicFiles = files.filter((f) => f.music).length;
  console.log(`gate held-out 1: ${files.length - nMusicFiles} speech/noise, ${nMusicFiles} music`);
  if (has('--render-only')) return;
  const at = process.argv.indexOf('--shub');
  const bin = at >= 0 ? process.argv[at + 1]! : path.join(ROOT, 'bin', 'shub.js');
  const store = path.join(OUT, `gate-store-${process.pid}`);
  const r = spawnSync(
    process.execPath,
    [bin, 'analyze', ...files.map((f) => f.file), '--features', 'tempo', '--json', '--store-dir', store],
    { encoding: 'utf8', maxBuffer: 1 << 28, cwd: path.dirname(path.dirname(bin)) },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  const rows = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { file: string; tempo: { bpm: number | null; reason?: string } });
  const byFile = new Map(rows.map((x) => [path.resolve(x.file), x.tempo]));
  let falseTempo = 0;
  let lost = 0;
  let hardTempo = 0;
  for (const f of files) {
    const t = byFile.get(path.resolve(f.file));
    const bpm = t?.bpm ?? null;
    const bad = f.music ? bpm === null : bpm !== null;
    if (bad && f.hard) hardTempo++;
    else if (bad && f.music) lost++;
    else if (bad) falseTempo++;
    console.log(
      `${f.music ? 'music' : f.hard ? 'hard ' : 'non  '} | ${f.name} | ` +
        `${bpm === null ? `null (${t?.reason})` : bpm.toFixed(2)}` +
        `${f.music ? ` | written ${f.bpm}` : ''}${bad ? ' | WRONG' : ''}`,
    );
  }
  const nNon = files.filter((f) => !f.music && !f.hard).length;
  const nHard = files.filter((f) => f.hard).length;
  const nMusic = files.filter((f) => f.music).length;
  console.log(
    `\nspeech/noise given a tempo: ${falseTempo} of ${nNon}; hard cases (counting, poetry) given a tempo: ` +
      `${hardTempo} of ${nHard}; music without a tempo: ${lost} of ${nMusic}`,
  );
}

async function main() {
  if (has('--gate-held-out-1')) return gateHeldOut();
  const dirOf = (n: string) => {
    const d = path.join(OUT, n);
    mkdirSync(d, { recursive: true });
    return d;
  };
  // each set rendered when its turn comes (in the order of the switches), its files analysed right after
  const table: [string, string, () => TruthFile[]][] = [
    [
      '--tuning',
      'tuning',
      () => [
        ...groundTruthSet(dirOf('truth')),
        ...tempoTuningSet(dirOf('truth')),
        ...heldOutDrumSet(dirOf('drum-truth-tuning'), { tuning: true }).files,
      ],
    ],
    ['--held-out-1', 'held-out 1', () => heldOutSet(dirOf('held-out'))],
    ['--held-out-2', 'held-out 2', () => tempoHeldOut2Set(dirOf('tempo-heldout2')).files],
    ['--held-out-3', 'held-out 3', () => tempo3Set(dirOf('tempo-heldout3')).files],
    ['--held-out-4', 'held-out 4', () => tempo4Set(dirOf('tempo-heldout4')).files],
    ['--held-out-5', 'held-out 5', () => tempo5Set(dirOf('tempo-heldout5')).files],
    ['--held-out-6', 'held-out 6', () => tempo6Set(dirOf('tempo-heldout6')).files],
    ['--held-out-7', 'held-out 7', () => tempo7Set(dirOf('tempo-heldout7')).files],
    ['--held-out-8', 'held-out 8', () => tempo8Set(dirOf('tempo-heldout8')).files],
    ['--held-out-9', 'held-out 9', () => tempo9Set(dirOf('tempo-heldout9')).files],
    ['--held-out-10', 'held-out 10', () => tempo10Set(dirOf('tempo-heldout10')).files],
    ['--held-out-11', 'held-out 11', () => tempo11Set(dirOf('tempo-heldout11')).files],
    ['--odd-tuning', 'odd-meter tuning', () => tempo11OddSet(dirOf('tempo-odd-tuning')).files],
    ['--held-out-12', 'held-out 12', () => tempo12Set(dirOf('tempo-heldout12')).files],
    ['--held-out-13', 'held-out 13', () => tempo13Set(dirOf('tempo-heldout13')).files],
    ['--held-out-14', 'held-out 14', () => tempo14Set(dirOf('tempo-heldout14')).files],
  ];
  const order = table
    .filter(([flag]) => has(flag))
    .sort(([a], [b]) => process.argv.indexOf(a) - process.argv.indexOf(b));
  const sets: [string, () => TruthFile[]][] = order.map(([, name, make]) => [name, make]);
  if (!has('--no-speech')) sets.push(['speech and noise', nonMusic]);
  const rows: { set: string; name: string; music: boolean; e: Record<string, number> }[] = [];
  const f3 = (x: number) => x.toFixed(3);
  for (const [set, make] of sets)
    for (const f of make()) {
      // --cached-only: music files whose envelopes are cached (a partial run on a loaded machine)
      if (has('--cached-only') && set !== 'speech and noise' && !isCached(f)) continue;
      const { input } = await features(f);
      const e = periodicityEvidence(input);
      if (has('--candidates')) {
        // the second test's statistics (beatGateEvidence) at the periodicity's tempo (the larger of the two envelopes)
        const g = beatGateEvidence(input, e.zRefMax === e.zRef ? e.bpm! : e.bpmBeat!);
        e.tuning = g.tuning ?? NaN;
        e.pattern = g.pattern ?? NaN;
      }
      rows.push({ set, name: f.name, music: set !== 'speech and noise', e });
      if (has('--files'))
        console.log(
          `${set} | ${f.name} | ${Object.keys(e)
            .map((k) => `${k} ${f3(e[k]!)}`)
            .join(' | ')}`,
        );
    }
  const keys = Object.keys(rows[0]!.e);
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

// run as a script only (bench/tempo-gatecensus.ts imports nonMusic)
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
