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
 * Two sets side by side: the tuning set (groundTruthSet: the parameters are chosen on it) and the held-out set
 * (heldOutSet: other soundfonts, seeds, instruments, grooves and tempo distribution; never tuned on).
 *
 *   npm run eval                (renders into bench/out/truth/ and bench/out/held-out/, prints a Markdown report)
 *   npm run eval -- --no-peers  (shub only)
 *   npm run eval -- --tuning | --held-out   (one set only)   --verbose (every file on stderr)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groundTruthSet, heldOutSet, keyName, tempoTuningSet, type TruthFile } from '../fixtures/groundtruth.js';
import { fMeasure, keyScore, matchEvents, tempoAcc1, tempoAcc2, type KeyLabel, type MatchResult } from './metrics.js';
import { run } from './proc.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const TRUTH = path.join(OUT, 'truth');
const HELD_OUT = path.join(OUT, 'held-out');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const VAMP_PATH = '/usr/lib/ardour7/vamp';
const PEERS = !process.argv.includes('--no-peers');
const VERBOSE = process.argv.includes('--verbose');
const TUNING_ONLY = process.argv.includes('--tuning');
const HELD_OUT_ONLY = process.argv.includes('--held-out');

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
  beat: MatchResult[];
  drumAcc1: number[];
  drumAcc2: number[];
  drumBeat: MatchResult[];
  key: number[];
  onset: MatchResult[];
}

function emptyScore(): Score {
  return { acc1: [], acc2: [], beat: [], drumAcc1: [], drumAcc2: [], drumBeat: [], key: [], onset: [] };
}

function score(s: Score, truth: TruthFile, est: Estimate): void {
  const song = truth.kind === 'song';
  (song ? s.acc1 : s.drumAcc1).push(tempoAcc1(est.bpm, truth.bpm) ? 1 : 0);
  (song ? s.acc2 : s.drumAcc2).push(tempoAcc2(est.bpm, truth.bpm) ? 1 : 0);
  if (est.beats) (song ? s.beat : s.drumBeat).push(matchEvents(est.beats, truth.beats, 0.07));
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

interface Tool {
  name: string;
  /** Why the tool is not run (printed as n/a), or null when it runs. */
  unavailable: string | null;
  estimate?: (t: TruthFile) => Estimate;
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function peers(): Tool[] {
  if (!PEERS) return [];
  const aubioMissing = onPath('aubio') ? null : 'aubio not installed (apt-get install aubio-tools)';
  const qmMissing = !onPath('vamp-simple-host')
    ? 'vamp-simple-host not installed (apt-get install vamp-examples)'
    : !existsSync(path.join(VAMP_PATH, 'libardourvampplugins.so'))
      ? `QM plugins missing in ${VAMP_PATH} (apt-get install ardour)`
      : null;
  return [
    { name: 'aubio 0.4.9', unavailable: aubioMissing, estimate: (t) => aubio(t.file) },
    { name: 'QM Vamp (ardour 7)', unavailable: qmMissing, estimate: (t) => qm(t.file, t) },
  ];
}

interface SetResult {
  label: string;
  files: TruthFile[];
  scores: Map<string, Score>;
  misses: string[];
}

function evaluate(label: string, files: TruthFile[], tools: Tool[]): SetResult {
  const shub = shubAll(files);
  const all: Tool[] = [{ name: 'shub', unavailable: null, estimate: (t) => shub.get(t.file)! }, ...tools];
  const scores = new Map<string, Score>(all.map((t) => [t.name, emptyScore()]));
  const misses: string[] = [];
  for (const t of files) {
    const cells: string[] = [];
    for (const tool of all) {
      if (tool.unavailable || !tool.estimate) continue;
      const e = tool.estimate(t);
      score(scores.get(tool.name)!, t, e);
      if (tool.name === 'shub' && t.kind === 'song' && !tempoAcc1(e.bpm, t.bpm))
        misses.push(`${t.name}: ${e.bpm?.toFixed(1) ?? 'null'} BPM`);
      if (VERBOSE)
        cells.push(
          `${tool.name}: ${e.bpm?.toFixed(1)} ${e.key ? keyName(e.key) : e.key}` +
            ` beatF ${e.beats ? fMeasure(matchEvents(e.beats, t.beats, 0.07)).toFixed(2) : '-'}` +
            ` onsetF ${e.onsets && t.onsets ? fMeasure(matchEvents(e.onsets, t.onsets, 0.05)).toFixed(3) : '-'}`,
        );
    }
    if (VERBOSE)
      console.error(
        `${label} ${t.name} (${t.bpm.toFixed(1)}${t.key ? ', ' + keyName(t.key) : ''}): ${cells.join(' | ')}`,
      );
  }
  return { label, files, scores, misses };
}

function describe(r: SetResult): string {
  const n = (k: TruthFile['kind']) => r.files.filter((t) => t.kind === k).length;
  return (
    `${r.label}: ${r.files.length} files (${n('song')} songs, ${n('drum-stem')} of their drum stems, ` +
    `${n('kit')} Hydrogen-kit drum stems, ${n('loop')} GM drum loops)`
  );
}

async function main() {
  mkdirSync(TRUTH, { recursive: true });
  mkdirSync(HELD_OUT, { recursive: true });
  const tools = peers();
  const results: SetResult[] = [];
  // the tuning set includes the tempo tuning songs (tempoTuningSongSpecs: ballads with sixteenth hats, half-time
  // grooves, 6/8, jazz, FluidR3Mono, seeds 1100+) and their stems
  if (!HELD_OUT_ONLY) results.push(evaluate('tuning', [...groundTruthSet(TRUTH), ...tempoTuningSet(TRUTH)], tools));
  if (!TUNING_ONLY) results.push(evaluate('held-out', heldOutSet(HELD_OUT), tools));
  const names = ['shub', ...tools.map((t) => t.name)];
  const report: string[] = [];
  report.push(
    'Tuning set: fixtures/groundtruth.ts songSpecs() (FluidR3Mono, seeds 1000+) and tempoTuningSongSpecs() ' +
      '(seeds 1100+), their drum stems, Hydrogen kits, GM loops; the parameters are chosen on it. ' +
      'Held-out set: heldOutSongSpecs() (TimGM6mb and MuseScore General, seeds 9000+, other instruments, ' +
      'progressions, grooves and tempo distribution) and their drum stems; no parameter is chosen on it.',
    '',
    ...results.map((r) => `- ${describe(r)}`),
    '',
  );
  for (const t of tools) if (t.unavailable) report.push(`- ${t.name}: n/a, ${t.unavailable}`);
  const cols = names.flatMap((n) => results.map((r) => `${n} ${r.label}`));
  report.push(
    `| metric | files (${results.map((r) => r.label).join(' / ')}) | ${cols.join(' | ')} |`,
    '|---|---|' + cols.map(() => '---|').join(''),
  );
  const line = (label: string, count: (s: Score) => number, f: (s: Score) => string) => {
    const counts = results.map((r) => count(r.scores.get('shub')!)).join(' / ');
    const cells = names.flatMap((n) => {
      const tool = tools.find((t) => t.name === n);
      return results.map((r) => (tool?.unavailable ? 'n/a' : f(r.scores.get(n)!)));
    });
    report.push(`| ${label} | ${counts} | ${cells.join(' | ')} |`);
  };
  const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  line(
    'tempo Acc1 (±4 %), songs',
    (s) => s.acc1.length,
    (s) => fmt(mean(s.acc1)),
  );
  line(
    'tempo Acc2 (octave errors allowed), songs',
    (s) => s.acc2.length,
    (s) => fmt(mean(s.acc2)),
  );
  line(
    'beat F-measure (±70 ms), songs, mean over files',
    (s) => s.beat.length,
    (s) => fmt(meanF(s.beat)),
  );
  line(
    'tempo Acc1, drum files (stems, kits, loops)',
    (s) => s.drumAcc1.length,
    (s) => fmt(mean(s.drumAcc1)),
  );
  line(
    'tempo Acc2, drum files',
    (s) => s.drumAcc2.length,
    (s) => fmt(mean(s.drumAcc2)),
  );
  line(
    'beat F-measure, drum files',
    (s) => s.drumBeat.length,
    (s) => fmt(meanF(s.drumBeat)),
  );
  line(
    'key MIREX weighted score',
    (s) => s.key.length,
    (s) => (s.key.length ? fmt(mean(s.key)) : 'n/a (no key detector)'),
  );
  line(
    'key exactly right',
    (s) => s.key.length,
    (s) => (s.key.length ? `${s.key.filter((x) => x === 1).length}/${s.key.length}` : 'n/a'),
  );
  // four decimals: the tools differ by a handful of hits out of thousands
  line(
    'onset F-measure (±50 ms), drum stems, pooled',
    (s) => s.onset.length,
    (s) => fmt(pooled(s.onset).f, 4),
  );
  line(
    'onset F-measure, mean over files',
    (s) => s.onset.length,
    (s) => fmt(meanF(s.onset), 4),
  );
  line(
    'onset mean offset (est − truth)',
    (s) => s.onset.length,
    (s) => `${fmt(pooled(s.onset).offsetMs, 2)} ms`,
  );
  for (const r of results)
    report.push('', `shub tempo misses (Acc1), ${r.label} songs: ${r.misses.length ? r.misses.join('; ') : 'none'}`);
  const text = report.join('\n');
  writeFileSync(path.join(OUT, 'eval.md'), `${text}\n`);
  console.log(text);
}

await main();
