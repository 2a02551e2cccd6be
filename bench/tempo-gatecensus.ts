/**
 * The "no beat" gate's census (h-tgate63): for every song and stem of tempo sets 21–40 (and the plain grooves) and
 * every no-beat input the gate was tuned and judged on (bench/tempo-gate.ts's 70 speech and noise files, gate
 * held-out 1), the gate's evidence — the periodicity (full band, beat envelope, kick and snare), the tuned-note
 * concentration and the pattern repeat at the periodicity's tempo — and the engine's reading (tempo or null).
 * Music the gate refuses and no-beat inputs near the gate are listed; one JSON line a file into --out.
 *
 *   node dist/bench/tempo-gatecensus.js [--sets 21,…,40,plain] [--no-music] [--no-speech] [--cache-dir DIR …]
 *                                       [--out FILE]
 *
 * --cache-dir: other worktrees' bench/out/tempo-features, read only (a cache older than its audio, or written before
 * the flux groups, is recomputed into /tmp/h-tgate63/features). Not part of `npm test`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { TruthFile } from '../fixtures/groundtruth.js';
import { tempoPlainSet, TEMPO_PLAIN_DIR } from '../fixtures/tempoplain.js';
import { gateHeldOut1Set } from '../fixtures/gateheldout1.js';
import {
  beatGateEvidence,
  estimateTempoWithDecision,
  periodicityEvidence,
  type TempoInput,
} from '../src/engines/tempo/index.js';
import { computeFeatures, saveFeatures } from './tempo-features.js';
import { nonMusic } from './tempo-gate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const has = (flag: string) => process.argv.includes(flag);
const argOf = (flag: string, def: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const cacheDirs = process.argv.flatMap((a, i) => (a === '--cache-dir' ? [process.argv[i + 1]!] : []));
const SCRATCH = '/tmp/h-tgate63/features';

async function inputOf(f: TruthFile): Promise<TempoInput> {
  const base = `${path.basename(f.file)}.json`;
  const audio = statSync(f.file).mtimeMs;
  for (const dir of [SCRATCH, path.join(OUT, 'tempo-features'), ...cacheDirs]) {
    const c = path.join(dir, base);
    if (!existsSync(c) || statSync(c).mtimeMs < audio) continue;
    const input = JSON.parse(readFileSync(c, 'utf8')) as TempoInput;
    if (input.pitchClass && input.flux && input.bandEnergy) return input;
  }
  const { input } = await computeFeatures(f);
  saveFeatures(path.join(SCRATCH, base), input);
  return input;
}

async function musicFiles(n: string): Promise<TruthFile[]> {
  if (n === 'plain') return tempoPlainSet(TEMPO_PLAIN_DIR(ROOT)).files;
  const mod = (await import(`../fixtures/tempo${n}.js`)) as Record<string, (dir: string) => { files: TruthFile[] }>;
  return mod[`tempo${n}Set`]!(path.join(OUT, `tempo-heldout${n}`)).files;
}

interface Row {
  set: string;
  name: string;
  music: boolean;
  truth: number;
  bpm: number | null;
  reason?: string;
  zFull: number;
  zBeat: number;
  zKs: number;
  zBpm: number;
  tuning?: number;
  pattern?: number;
  patternBeats?: number;
}

/** The gate's evidence of one input and the engine's reading. */
export function censusRow(set: string, name: string, music: boolean, truth: number, input: TempoInput): Row {
  const e = periodicityEvidence(input);
  const zBpm = e.zRefMax === e.zRef ? e.bpm! : e.bpmBeat!;
  const g = beatGateEvidence(input, zBpm);
  const { tempo } = estimateTempoWithDecision(input);
  const r3 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1000) / 1000);
  return {
    set,
    name,
    music,
    truth,
    bpm: tempo.bpm,
    ...(tempo.bpm === null ? { reason: tempo.reason } : {}),
    zFull: r3(e.zRef)!,
    zBeat: r3(e.zRefMax)!,
    zKs: r3(e.zRefKickSnare)!,
    zBpm: r3(zBpm)!,
    tuning: r3(g.tuning),
    pattern: r3(g.pattern),
    patternBeats: g.patternBeats,
  };
}

async function main() {
  const rows: Row[] = [];
  const sets = argOf('--sets', [...Array.from({ length: 20 }, (_, i) => String(21 + i)), 'plain'].join(','));
  if (!has('--no-music'))
    for (const n of sets.split(',')) {
      for (const f of await musicFiles(n)) {
        if (f.kind === 'kit' || !existsSync(f.file)) continue;
        rows.push(censusRow(`tempo${n}`, f.name, true, f.bpm, await inputOf(f)));
      }
      console.error(`tempo${n} done`);
    }
  if (!has('--no-speech')) {
    for (const f of nonMusic()) rows.push(censusRow('gate tuning', f.name, false, 0, await inputOf(f)));
    for (const f of gateHeldOut1Set(path.join(OUT, 'gate-heldout1'))) {
      const t: TruthFile = { name: f.name, file: f.file, kind: 'loop', bpm: f.bpm, beats: [], downbeats: [] };
      rows.push(
        censusRow(f.hard ? 'gate held-out 1 (hard)' : 'gate held-out 1', f.name, f.music, f.bpm, await inputOf(t)),
      );
    }
  }
  const out = argOf('--out', '/tmp/h-tgate63/census.jsonl');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const fx = (x: number | undefined, d: number) => (x === undefined || x === null ? '—' : x.toFixed(d));
  const show = (r: Row) =>
    `| ${r.set} | ${r.name} | ${r.truth ? fx(r.truth, 1) : '—'} | ${r.bpm === null ? 'null' : fx(r.bpm, 1)} | ` +
    `${fx(r.zFull, 2)} / ${fx(r.zBeat, 2)} / ${fx(r.zKs, 2)} at ${fx(r.zBpm, 1)} | ` +
    `${fx(r.tuning, 3)} | ${fx(r.pattern, 2)}${r.patternBeats ? ` (B ${r.patternBeats})` : ''} |`;
  console.log('| set | file | truth | reading | z full / max / kick-snare at BPM | tuning | pattern |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows.filter((x) => x.music && x.bpm === null)) console.log(show(r));
  console.log('\nno-beat inputs (and the hard cases), every one:');
  for (const r of rows.filter((x) => !x.music).sort((a, b) => b.zBeat - a.zBeat)) console.log(show(r));
}

await main();
