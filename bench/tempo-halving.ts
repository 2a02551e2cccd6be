/**
 * The two-beat check's evidence (h-tempo9) on the tuning material: for every file the level chosen, its class
 * against the truth (right, read at half, at double, other), and the drum bands' strength on the chosen beats, half-
 * way between them and at the quarter positions (beatProfile of the onset flux groups), with the level at twice the
 * tempo's score relative to the chosen one's — the numbers the check was chosen from.
 *
 *   node dist/bench/tempo-halving.js [--tuning | --tuning-songs] [--held-out-1] [--held-out-2] [--held-out-3]
 *     [--held-out-4] [--held-out-7] [--set name=value,…]
 *
 * Reads the feature cache of bench/tempo-features.ts (renders what is missing). Not part of `npm test`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { groundTruthSet, heldOutSet, tempoTuningSet, type TruthFile } from '../fixtures/groundtruth.js';
import { heldOutDrumSet } from '../fixtures/drumtruth.js';
import { tempo3Set, tempoHeldOut2Set } from '../fixtures/tempotruth.js';
import { tempo4Set } from '../fixtures/tempo4.js';
import { tempo7Set } from '../fixtures/tempo7.js';
import { TEMPO_PARAMETERS, type ParameterSpec } from '../src/engines/analysis/params.js';
import { estimateTempoWithDecision } from '../src/engines/tempo/index.js';
import { features } from './tempo-features.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const has = (f: string) => process.argv.includes(f);
const dir = (d: string) => {
  const p = path.join(OUT, d);
  mkdirSync(p, { recursive: true });
  return p;
};

const setAt = process.argv.indexOf('--set');
if (setAt >= 0)
  for (const a of process.argv[setAt + 1]!.split(',')) {
    const [name, value] = a.split('=');
    (TEMPO_PARAMETERS[name as keyof typeof TEMPO_PARAMETERS] as ParameterSpec).value = Number(value);
  }

const sets: [string, () => TruthFile[]][] = [];
if (has('--tuning'))
  sets.push([
    'tuning',
    () => [
      ...groundTruthSet(dir('truth')),
      ...tempoTuningSet(dir('truth')),
      ...heldOutDrumSet(dir('drum-truth-tuning'), { tuning: true }).files,
    ],
  ]);
if (has('--tuning-songs'))
  sets.push(['tuning songs', () => [...groundTruthSet(dir('truth')), ...tempoTuningSet(dir('truth'))]]);
if (has('--held-out-1')) sets.push(['held-out 1', () => heldOutSet(dir('held-out'))]);
if (has('--held-out-2')) sets.push(['held-out 2', () => tempoHeldOut2Set(dir('tempo-heldout2')).files]);
if (has('--held-out-3')) sets.push(['held-out 3', () => tempo3Set(dir('tempo-heldout3')).files]);
if (has('--held-out-4')) sets.push(['held-out 4', () => tempo4Set(dir('tempo-heldout4')).files]);
if (has('--held-out-7')) sets.push(['held-out 7', () => tempo7Set(dir('tempo-heldout7')).files]);

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const rel = (a: number, b: number) => Math.abs(a / b - 1) <= 0.04;

for (const [label, files] of sets) {
  console.log(`\n## ${label}`);
  for (const truth of files()) {
    const { input } = await features(truth);
    const { tempo, decision } = estimateTempoWithDecision(input);
    if (tempo.bpm === null) continue;
    const cls = rel(tempo.bpm, truth.bpm)
      ? 'right'
      : rel(tempo.bpm * 2, truth.bpm)
        ? 'HALF'
        : rel(tempo.bpm, truth.bpm * 2)
          ? 'double'
          : 'other';
    const check = decision?.inputs.twoBeatCheck as string | undefined;
    console.log(
      `${cls}\t${truth.kind === 'song' ? 'song' : 'drums'}\t${f2(tempo.bpm)}\t${truth.bpm}\t` +
        `${check ?? '-'}\t${truth.name}`,
    );
  }
}
