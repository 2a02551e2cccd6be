/**
 * Evaluation of `shub analyze` tempo, beats, key and onsets against the project's own ground
 * truth (fixtures/groundtruth.ts: in-process npm SoundFont renders (spessasynth_core, FluidR3Mono)
 * of MIDI with known tempo/key/beats, their drum stems, humanized GM drum loops in other kits and
 * soundfonts, and — where Debian's hydrogen-drumkits is installed — Hydrogen-kit drum stems placed
 * sample-exactly), scored with
 * the standard metrics next to the peers on the same files:
 *   aubio (Debian aubio-tools): `aubio tempo|beat|onset FILE`
 *   Queen Mary Vamp plugins (inside Debian's ardour; host from vamp-examples):
 *     VAMP_PATH=/usr/lib/ardour7/vamp vamp-simple-host libardourvampplugins:qm-{tempotracker:tempo,
 *     tempotracker:beats,keydetector:key,onsetdetector:onsets} FILE
 * Not part of `npm test`.
 *
 *   npm run eval                (renders into bench/out/truth/, prints a Markdown report)
 *   npm run eval -- --no-peers  (shub only)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groundTruthSet, keyName, type TruthFile } from '../fixtures/groundtruth.js';
import { fMeasure, keyScore, matchEvents, tempoAcc1, tempoAcc2, type KeyLabel, type MatchResult } from './metrics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const TRUTH = path.join(OUT, 'truth');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const VAMP_PATH = '/usr/lib/ardour7/vamp';
const PEERS = !process.argv.includes('--no-peers');
const VERBOSE = process.argv.includes('--verbose');

interface Estimate {
  bpm: number | null;
  beats: number[] | null;
  key: KeyLabel | null | undefined;
  onsets: number[] | null;
}

const NAMES: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };
function parseKey(label: string): KeyLabel | null {
  const m = /([A-G])([#b]?)\S*\s+(?:\/\s*\S+\s+)?(major|minor)/i.exec(label);
  if (!m) return null;
  const tonic = (NAMES[m[1]!.toUpperCase()]! + (m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0) + 12) % 12;
  return { tonic, mode: m[3]!.toLowerCase() as 'major' | 'minor' };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function shubAll(files: TruthFile[]): Map<string, Estimate> {
  const out = run(process.execPath, [
    SHUB,
    'analyze',
    ...files.map((f) => f.file),
    '--features',
    'tempo,key,onsets',
    '--json',
    '--store-dir',
    path.join(OUT, 'store'),
  ]);
  const map = new Map<string, Estimate>();
  for (const line of out.split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    map.set(r.file, {
      bpm: r.tempo.bpm,
      beats: r.tempo.beats,
      key: r.key?.key ? { tonic: NAMES[r.key.tonic[0]]! + (r.key.tonic.length > 1 ? 1 : 0), mode: r.key.mode } : null,
      onsets: r.onsets.times,
    });
  }
  return map;
}

const times = (text: string) =>
  text
    .split('\n')
    .map((l) => parseFloat(l))
    .filter((x) => Number.isFinite(x));

function aubio(file: string): Estimate {
  const bpm = parseFloat(run('aubio', ['tempo', file]));
  return {
    bpm: Number.isFinite(bpm) ? bpm : null,
    beats: times(run('aubio', ['beat', file])),
    key: undefined,
    onsets: times(run('aubio', ['onset', file])),
  };
}

/** vamp-simple-host rows: "  t: value label". */
function vamp(plugin: string, file: string): { t: number; rest: string }[] {
  const text = run('vamp-simple-host', [`libardourvampplugins:${plugin}`, file], { VAMP_PATH });
  return text.split('\n').flatMap((l) => {
    const m = /^\s*(-?[\d.]+):\s*(.*)$/.exec(l);
    return m ? [{ t: parseFloat(m[1]!), rest: m[2]! }] : [];
  });
}

/** The value held longest over a piecewise-constant series ending at `end` seconds. */
function longest<T>(rows: { t: number; v: T }[], end: number, key: (v: T) => string): T | null {
  const dur = new Map<string, { v: T; d: number }>();
  rows.forEach((r, i) => {
    const d = (rows[i + 1]?.t ?? end) - r.t;
    const k = key(r.v);
    dur.set(k, { v: r.v, d: (dur.get(k)?.d ?? 0) + d });
  });
  let best: { v: T; d: number } | null = null;
  for (const x of dur.values()) if (!best || x.d > best.d) best = x;
  return best ? best.v : null;
}

function qm(file: string, truth: TruthFile): Estimate {
  const end = truth.beats[truth.beats.length - 1]! + 60 / truth.bpm;
  const tempoRows = vamp('qm-tempotracker:tempo', file).map((r) => ({ t: r.t, v: parseFloat(r.rest) }));
  const bpm = longest(tempoRows, end, (v) => v.toFixed(1));
  const beats = vamp('qm-tempotracker:beats', file).map((r) => r.t);
  const keyRows = truth.key
    ? vamp('qm-keydetector:key', file).map((r) => ({ t: r.t, v: parseKey(r.rest.replace(/^\d+\s+/, '')) }))
    : [];
  const key = truth.key ? longest(keyRows, end, (v) => (v ? `${v.tonic}${v.mode}` : 'none')) : undefined;
  const onsets = truth.onsets ? vamp('qm-onsetdetector:onsets', file).map((r) => r.t) : null;
  return { bpm, beats, key, onsets };
}

interface Score {
  acc1: number[];
  acc2: number[];
  key: number[];
  onset: MatchResult[];
  beat: MatchResult[];
}

function emptyScore(): Score {
  return { acc1: [], acc2: [], key: [], onset: [], beat: [] };
}

function score(s: Score, truth: TruthFile, est: Estimate): void {
  s.acc1.push(tempoAcc1(est.bpm, truth.bpm) ? 1 : 0);
  s.acc2.push(tempoAcc2(est.bpm, truth.bpm) ? 1 : 0);
  if (est.beats) s.beat.push(matchEvents(est.beats, truth.beats, 0.07));
  if (truth.key && est.key !== undefined) s.key.push(keyScore(est.key, truth.key));
  if (truth.onsets && est.onsets && truth.kind !== 'loop' && truth.kind !== 'song')
    s.onset.push(matchEvents(est.onsets, truth.onsets, 0.05));
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
function pooled(ms: MatchResult[]): { f: number; offsetMs: number; n: number } {
  const tot = ms.reduce((a, m) => ({ tp: a.tp + m.tp, fp: a.fp + m.fp, fn: a.fn + m.fn }), { tp: 0, fp: 0, fn: 0 });
  const offs = ms.flatMap((m) => m.offsets);
  return { f: fMeasure(tot), offsetMs: mean(offs) * 1000, n: ms.length };
}
const meanF = (ms: MatchResult[]) => mean(ms.map(fMeasure));

async function main() {
  mkdirSync(TRUTH, { recursive: true });
  const set = groundTruthSet(TRUTH);
  const tools: [string, (t: TruthFile) => Estimate][] = [];
  const shub = shubAll(set);
  tools.push(['shub', (t) => shub.get(t.file)!]);
  if (PEERS) {
    tools.push(['aubio 0.4.9', (t) => aubio(t.file)]);
    tools.push(['QM Vamp (ardour 7)', (t) => qm(t.file, t)]);
  }
  const scores = new Map<string, Score>(tools.map(([n]) => [n, emptyScore()]));
  const rows: string[] = [];
  for (const t of set) {
    const cells: string[] = [];
    for (const [name, est] of tools) {
      const e = est(t);
      score(scores.get(name)!, t, e);
      if (VERBOSE)
        cells.push(
          `${name}: ${e.bpm?.toFixed(1)} ${e.key ? keyName(e.key) : e.key}` +
            ` beatF ${e.beats ? fMeasure(matchEvents(e.beats, t.beats, 0.07)).toFixed(2) : '-'}` +
            ` onsetF ${e.onsets && t.onsets ? fMeasure(matchEvents(e.onsets, t.onsets, 0.05)).toFixed(3) : '-'}`,
        );
    }
    if (VERBOSE)
      rows.push(`${t.name} (${t.bpm.toFixed(1)}${t.key ? ', ' + keyName(t.key) : ''}): ${cells.join(' | ')}`);
  }
  if (VERBOSE) console.error(rows.join('\n'));
  const counts = {
    tempo: set.length,
    key: set.filter((t) => t.key).length,
    onsets: set.filter((t) => t.onsets && (t.kind === 'drum-stem' || t.kind === 'kit')).length,
  };
  const report: string[] = [];
  report.push(
    `Ground truth: ${set.length} files (${set.filter((t) => t.kind === 'song').length} songs rendered by ` +
      `spessasynth_core + FluidR3Mono, ${set.filter((t) => t.kind === 'drum-stem').length} of their drum stems, ` +
      `${set.filter((t) => t.kind === 'kit').length} Hydrogen-kit drum stems, ` +
      `${set.filter((t) => t.kind === 'loop').length} GM drum loops).`,
    '',
  );
  report.push(
    '| metric | files | ' + tools.map(([n]) => n).join(' | ') + ' |',
    '|---|---|' + tools.map(() => '---|').join(''),
  );
  const line = (label: string, n: number, f: (s: Score) => string) =>
    report.push(`| ${label} | ${n} | ${tools.map(([name]) => f(scores.get(name)!)).join(' | ')} |`);
  line('tempo Acc1 (±4 %)', counts.tempo, (s) => mean(s.acc1).toFixed(3));
  line('tempo Acc2 (octave errors allowed)', counts.tempo, (s) => mean(s.acc2).toFixed(3));
  line('beat F-measure (±70 ms), mean over files', counts.tempo, (s) => meanF(s.beat).toFixed(3));
  line('key MIREX weighted score', counts.key, (s) =>
    s.key.length ? mean(s.key).toFixed(3) : 'n/a (no key detector)',
  );
  line('key exactly right', counts.key, (s) =>
    s.key.length ? `${s.key.filter((x) => x === 1).length}/${s.key.length}` : 'n/a',
  );
  // four decimals: the tools differ by a handful of hits out of ~2600
  line('onset F-measure (±50 ms), drum stems, pooled', counts.onsets, (s) => pooled(s.onset).f.toFixed(4));
  line('onset F-measure, mean over files', counts.onsets, (s) => meanF(s.onset).toFixed(4));
  line('onset mean offset (est − truth)', counts.onsets, (s) => `${pooled(s.onset).offsetMs.toFixed(2)} ms`);
  const text = report.join('\n');
  writeFileSync(path.join(OUT, 'eval.md'), `${text}\n`);
  console.log(text);
}

await main();
