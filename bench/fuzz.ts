/**
 * Fuzzing shub with damaged input (issue 18 acceptance): a seeded generator mutates the first
 * ~4 KB of valid WAV / FLAC / MP3 files (byte flips, chunk-size edits, truncation, insertions,
 * deletions) and the tree of a valid mix recipe (type swaps, huge / negative / non-finite numbers,
 * "NaN" strings, deep nesting, aliases, missing and unknown keys), runs shub on them and classifies
 * what it sees: crash (signal), hang (timeout), exit 5, and a malformed stderr (a line that is not
 * `error:` / `warning:`, a stack trace, several `error:` lines for one input).
 *
 *   npm run build:ts && node dist/bench/fuzz.js --cases 10000 --seed 1 [--batch 40] [--keep DIR]
 *
 * Audio cases run many files per `shub analyze --json` (one NDJSON line per file); a batch that
 * misbehaves is re-run one file at a time to name the culprit. Recipe cases run `shub mix` one
 * recipe each, on tiny generated stems. Two shub processes at a time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { encodeSine, mp3Sync } from '../fixtures/damaged.js';
import { mulberry32 } from '../src/engines/random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHUB = path.join(ROOT, 'bin', 'shub.js');

// ---------------------------------------------------------------- running shub

export interface Outcome {
  args: string[];
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `shub ARGS` in `cwd` (stdin closed, stdout/stderr piped) and kills its whole process group
 * (shub and any ffmpeg child) after `timeoutMs`.
 */
export function runShub(args: string[], cwd: string, timeoutMs = 60_000): Promise<Outcome> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SHUB, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ args, code, signal: timedOut ? null : signal, timedOut, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Runs `jobs` with at most `concurrency` of them at a time; results in input order. */
export async function pool<T>(concurrency: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return out;
}

/** The first line of stderr (for reports). */
export const firstLine = (s: string) => s.split('\n').find((l) => l.trim()) ?? '';

/**
 * What is wrong with the way a run ended, whatever its input: a signal, a timeout, exit 5 or an
 * exit code outside 0–4, stderr lines that are neither `error:` nor `warning:` (continuations,
 * stack traces), more `error:` lines than `maxErrors`, or none when the exit code is 2–4.
 */
export function endProblems(o: Outcome, maxErrors = 1): string[] {
  const p: string[] = [];
  if (o.timedOut) p.push(`hang: no exit after ${o.ms} ms`);
  else if (o.signal) p.push(`crash: killed by ${o.signal}`);
  else if (o.code === 5) p.push('exit 5 (internal error)');
  else if (o.code === null || o.code < 0 || o.code > 4) p.push(`exit ${o.code}`);
  const lines = o.stderr.split('\n').filter((l) => l.trim());
  const errors = lines.filter((l) => l.startsWith('error: '));
  const other = lines.filter((l) => !/^(error|warning): /.test(l));
  if (other.length)
    p.push(`stderr line(s) that are not error:/warning: (${other.length}), e.g. ${JSON.stringify(other[0])}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(o.stderr)) p.push('stack trace on stderr');
  if (errors.length > maxErrors) p.push(`${errors.length} error: lines (at most ${maxErrors})`);
  if (o.code !== null && o.code >= 2 && o.code <= 4 && errors.length === 0)
    p.push(`exit ${o.code} without an error: line`);
  return p;
}

// ---------------------------------------------------------------- seeded generator

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]!,
    bytes: (n: number) => Buffer.from(Array.from({ length: n }, () => int(256))),
  };
}
export type Rng = ReturnType<typeof prng>;

const INTERESTING_U32 = [0, 1, 2, 3, 4, 7, 8, 15, 16, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000];
const INTERESTING_U32_BIG = [0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 0xfffffff0, 1e9, 4e9];

/** Offsets of 32-bit size fields in the first `limit` bytes: RIFF chunk sizes, FLAC block lengths, ID3 sizes. */
function sizeFields(b: Buffer, kind: AudioKind, limit: number): { at: number; be: boolean; bytes: number }[] {
  const out: { at: number; be: boolean; bytes: number }[] = [];
  if (kind === 'wav') {
    out.push({ at: 4, be: false, bytes: 4 });
    let p = 12;
    while (p + 8 <= Math.min(b.length, limit)) {
      out.push({ at: p + 4, be: false, bytes: 4 });
      if (b.subarray(p, p + 4).toString('latin1') === 'fmt ')
        for (const o of [2, 4, 8, 12, 14]) out.push({ at: p + 8 + o, be: false, bytes: o === 4 || o === 8 ? 4 : 2 });
      const size = b.readUInt32LE(p + 4);
      if (b.subarray(p, p + 4).toString('latin1') === 'data') break;
      p += 8 + size + (size & 1);
    }
  } else if (kind === 'flac') {
    let p = 4;
    while (p + 4 <= Math.min(b.length, limit)) {
      out.push({ at: p + 1, be: true, bytes: 3 });
      if (p === 4) for (const o of [0, 2, 4, 7, 10, 13, 14]) out.push({ at: p + 4 + o, be: true, bytes: 4 });
      const last = (b[p]! & 0x80) !== 0;
      p += 4 + b.readUIntBE(p + 1, 3);
      if (last) break;
    }
  } else {
    if (b.subarray(0, 3).toString('latin1') === 'ID3') out.push({ at: 6, be: true, bytes: 4 });
    const s = mp3Sync(b);
    if (s + 4 <= b.length) out.push({ at: s, be: true, bytes: 4 });
  }
  return out.filter((f) => f.at + f.bytes <= b.length);
}

export type AudioKind = 'wav' | 'flac' | 'mp3';

/** One to four mutations of `valid` in its first ~4 KB; returns the bytes and what was done. */
export function mutateAudio(valid: Buffer, kind: AudioKind, rng: Rng): { bytes: Buffer; what: string } {
  let b = Buffer.from(valid);
  const done: string[] = [];
  const head = () => Math.min(b.length, 4096);
  const n = 1 + rng.int(4);
  for (let k = 0; k < n; k++) {
    const op = rng.int(6);
    if (op === 0 && b.length) {
      const flips = 1 + rng.int(8);
      for (let i = 0; i < flips; i++) {
        const at = rng.int(head());
        b[at] = b[at]! ^ (1 << rng.int(8));
      }
      done.push(`flip ${flips} bit(s)`);
    } else if (op === 1 && b.length) {
      const at = rng.int(head());
      b[at] = rng.pick([0, 0xff, 0x7f, 0x80, rng.int(256)]);
      done.push(`byte @${at}`);
    } else if (op === 2) {
      const fields = sizeFields(b, kind, 4096);
      if (!fields.length) continue;
      const f = rng.pick(fields);
      const max = 2 ** (8 * f.bytes) - 1;
      const cur = b.readUIntBE(f.at, f.bytes);
      const v =
        Math.min(
          max,
          rng.pick([
            rng.pick(INTERESTING_U32),
            rng.pick(INTERESTING_U32_BIG),
            cur + 1,
            Math.max(0, cur - 1),
            cur * 2,
            cur >>> 1,
            rng.int(max + 1),
          ]),
        ) >>> 0;
      if (f.be) b.writeUIntBE(Math.min(v, max), f.at, f.bytes);
      else b.writeUIntLE(Math.min(v, max), f.at, f.bytes);
      done.push(`field @${f.at}=${v}`);
    } else if (op === 3) {
      const len = rng.next() < 0.5 ? rng.int(head() + 1) : rng.int(b.length + 1);
      b = b.subarray(0, len);
      done.push(`truncate to ${len}`);
    } else if (op === 4) {
      const at = rng.int(head() + 1);
      const ins = rng.next() < 0.3 ? Buffer.alloc(1 + rng.int(64)) : rng.bytes(1 + rng.int(64));
      b = Buffer.concat([b.subarray(0, at), ins, b.subarray(at)]);
      done.push(`insert ${ins.length} @${at}`);
    } else if (b.length) {
      const at = rng.int(head());
      const len = 1 + rng.int(32);
      b = Buffer.concat([b.subarray(0, at), b.subarray(at + len)]);
      done.push(`delete ${len} @${at}`);
    }
  }
  return { bytes: b, what: done.join(', ') || 'unchanged' };
}

/** The valid recipe every recipe case starts from (stems a.wav, b.wav beside it). */
export function baseRecipe(): Record<string, unknown> {
  return {
    sampleRate: 48000,
    auto: { gainStaging: true, headroomDb: 6 },
    tracks: [
      {
        name: 'A',
        file: 'a.wav',
        role: 'kick',
        gainDb: -3,
        pan: -0.2,
        polarity: 'normal',
        offsetSeconds: 0.01,
        eq: [
          { type: 'highpass', freqHz: 30 },
          { type: 'peak', freqHz: 1000, gainDb: 2, q: 1.2 },
        ],
        compressor: { thresholdDb: -18, ratio: 4, attackMs: 10, releaseMs: 120 },
        sends: [{ bus: 'Verb', levelDb: -12 }],
        automation: {
          gainDb: [
            [0, -20],
            [0.1, 0],
          ],
        },
      },
      { name: 'B', file: 'b.wav', role: 'bass', gainDb: 0, pan: 0.3 },
    ],
    buses: [{ name: 'Verb', reverb: { decaySeconds: 0.5, preDelayMs: 10 } }],
    master: { eq: [{ type: 'highshelf', freqHz: 8000, gainDb: 1 }], limiter: { ceilingDbtp: -1 } },
  };
}

type Node = unknown;
type Slot = { parent: Record<string, Node> | Node[]; key: string | number };

/** Every (parent, key) place in a parsed recipe. */
function slots(v: Node, out: Slot[] = []): Slot[] {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push({ parent: v, key: i });
      slots(x, out);
    });
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push({ parent: v as Record<string, Node>, key: k });
      slots(x, out);
    }
  return out;
}

const NASTY_VALUES: Node[] = [
  1e308,
  -1e308,
  1e30,
  -1e30,
  2 ** 53 + 1,
  -1,
  -96.5,
  0,
  1e-300,
  -0,
  'NaN',
  'nan',
  '.nan',
  'Infinity',
  '-Infinity',
  '.inf',
  '',
  'loud',
  '1e999',
  '0x10',
  true,
  null,
  [],
  {},
  [1, 2],
  { a: 1 },
  '../../../../etc/passwd',
  '/dev/zero',
  'a'.repeat(5000),
];

/** Mutates a recipe tree (`doc`) in place; returns YAML text, possibly edited as text too. */
export function mutateRecipe(rng: Rng): { text: string; what: string } {
  const doc = baseRecipe();
  const done: string[] = [];
  const n = rng.next() < 0.6 ? 1 : 2 + rng.int(2);
  for (let k = 0; k < n; k++) {
    const all = slots(doc);
    const s = rng.pick(all);
    const get = () => (s.parent as Record<string | number, Node>)[s.key];
    const set = (v: Node) => ((s.parent as Record<string | number, Node>)[s.key] = v);
    const where = String(s.key);
    const op = rng.int(8);
    if (op === 0) {
      const cur = get();
      const v =
        typeof cur === 'number'
          ? rng.pick([String(cur), [cur], { value: cur }, cur > 0, null])
          : rng.pick(NASTY_VALUES);
      set(v);
      done.push(`type swap ${where}`);
    } else if (op === 1) {
      set(rng.pick([1e308, 1e30, 2 ** 53 + 1, 1e9, 86400 * 365, 4e9, 1e6]));
      done.push(`huge ${where}`);
    } else if (op === 2) {
      const cur = get();
      set(typeof cur === 'number' ? -Math.abs(cur || 1) * rng.pick([1, 10, 1e6]) : -1);
      done.push(`negative ${where}`);
    } else if (op === 3) {
      set(rng.pick(['NaN', '.nan', 'Infinity', '-.inf', 'nan', '1e400']));
      done.push(`NaN string ${where}`);
    } else if (op === 4) {
      // written into the text after stringifying (a deep tree would overflow this process's stack)
      const depth = rng.pick([10, 100, 1000, 5000, 20000]);
      set(`__NEST_${depth}_${rng.int(2)}__`);
      done.push(`nest ${depth} ${where}`);
    } else if (op === 5) {
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete s.parent[s.key as string];
      done.push(`delete ${where}`);
    } else if (op === 6) {
      const target = rng.pick(all.filter((x) => !Array.isArray(x.parent))).parent as Record<string, Node>;
      target[rng.pick(['gian', 'file2', '__proto__', 'constructor', 'toString', 'tracks', 'x'.repeat(300)])] =
        rng.pick(NASTY_VALUES);
      done.push('unknown key');
    } else {
      const tracks = doc.tracks as Node[];
      const copies = rng.pick([2, 50, 500]);
      if (Array.isArray(tracks)) for (let i = 0; i < copies; i++) tracks.push(structuredClone(tracks[0] ?? {}));
      done.push(`${copies} more tracks`);
    }
  }
  let text: string;
  try {
    text = stringify(doc, { aliasDuplicateObjects: true });
  } catch {
    text = JSON.stringify(doc);
  }
  text = text.replace(/["']?__NEST_(\d+)_(\d)__["']?/g, (_, d: string, m: string) =>
    m === '0'
      ? '['.repeat(Number(d)) + '1' + ']'.repeat(Number(d))
      : '{x: '.repeat(Number(d)) + '1' + '}'.repeat(Number(d)),
  );
  const t = rng.int(16);
  if (t === 0) {
    // aliases: the first track repeated by reference
    text = text.replace(/^tracks:\n  - /m, 'tracks:\n  - &t\n    ') + '';
    text = text.replace(/^tracks:/m, 'tracks:') + `extra: [*t, *t, *t]\n`;
    done.push('alias');
  } else if (t === 1) {
    // a small alias bomb (9^6 nodes once expanded)
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 6; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    text = lines.join('\n') + '\n' + text;
    done.push('alias bomb');
  } else if (t === 2 && text.length) {
    const at = rng.int(text.length);
    text =
      text.slice(0, at) +
      rng.pick(['\t', ':', '- ', '{', '[', '&', '*', '!!binary ', '%YAML 9\n', '\0']) +
      text.slice(at);
    done.push('text edit');
  } else if (t === 3) {
    text = text.slice(0, rng.int(text.length + 1));
    done.push('text truncated');
  }
  return { text, what: done.join(', ') };
}

// ---------------------------------------------------------------- the harness

export interface Finding {
  /** crash | hang | exit5 | stderr | json: what kind of trouble. */
  kind: string;
  input: 'audio' | 'recipe';
  case: number;
  what: string;
  command: string;
  code: number | null;
  firstStderr: string;
  problem: string;
  /** The first lines of stderr. */
  stderrHead: string;
}

export interface FuzzResult {
  cases: number;
  audioCases: number;
  recipeCases: number;
  seed: number;
  ms: number;
  invocations: number;
  findings: Finding[];
  /** Exit codes seen per input kind (per file for audio). */
  codes: Record<string, number>;
}

const kindOf = (p: string) =>
  p.startsWith('hang') ? 'hang' : p.startsWith('crash') ? 'crash' : p.startsWith('exit') ? 'exit' : 'stderr';

/**
 * Runs `cases` seeded cases (about 80 % audio, 20 % recipes) in `dir` (a temp folder unless given),
 * two shub processes at a time, and returns the figures and findings.
 */
export async function fuzz(o: {
  cases: number;
  seed: number;
  batch?: number;
  concurrency?: number;
  dir?: string;
  recipeShare?: number;
  timeoutMs?: number;
  log?: (s: string) => void;
  /**
   * How the recipe cases' `shub mix` runs (runShub unless given: test/io/fuzz.test.ts passes reused processes,
   * test/helpers/shub-pool.ts). The audio batches always start their own `shub analyze`.
   */
  runMix?: (args: string[], cwd: string, timeoutMs: number) => Promise<Outcome>;
}): Promise<FuzzResult> {
  const t0 = Date.now();
  const dir = o.dir ?? mkdtempSync(path.join(tmpdir(), 'shub-fuzz-'));
  const keep = o.dir !== undefined;
  const batch = o.batch ?? 40;
  const timeoutMs = o.timeoutMs ?? 60_000;
  const rng = prng(o.seed);
  const log = o.log ?? (() => {});
  mkdirSync(path.join(dir, 'base'), { recursive: true });
  const short = ['-t', '0.1'];
  const valid: Record<AudioKind, Buffer> = {
    wav: encodeSine(path.join(dir, 'base', 'base.wav'), [...short, '-c:a', 'pcm_s16le']),
    flac: encodeSine(path.join(dir, 'base', 'base.flac'), short),
    mp3: encodeSine(path.join(dir, 'base', 'base.mp3'), [...short, '-c:a', 'libmp3lame', '-b:a', '64k']),
  };
  const recipeDir = path.join(dir, 'recipes');
  mkdirSync(recipeDir, { recursive: true });
  encodeSine(path.join(recipeDir, 'a.wav'), ['-t', '0.2', '-c:a', 'pcm_s16le']);
  encodeSine(path.join(recipeDir, 'b.wav'), ['-t', '0.2', '-c:a', 'pcm_f32le']);
  const store = ['--store-dir', path.join(dir, 'store')];

  const findings: Finding[] = [];
  const codes: Record<string, number> = {};
  const count = (k: string) => (codes[k] = (codes[k] ?? 0) + 1);
  let invocations = 0;
  const audio: { i: number; file: string; what: string }[] = [];
  const recipes: { i: number; file: string; what: string }[] = [];
  const share = o.recipeShare ?? 0.2;
  for (let i = 0; i < o.cases; i++) {
    if (rng.next() < share) {
      const m = mutateRecipe(rng);
      const file = path.join(recipeDir, `r${i}.yaml`);
      writeFileSync(file, m.text);
      recipes.push({ i, file, what: m.what });
    } else {
      const kind = rng.pick(['wav', 'flac', 'mp3'] as const);
      const m = mutateAudio(valid[kind], kind, rng);
      const sub = path.join(dir, 'audio', String(Math.floor(i / 1000)));
      mkdirSync(sub, { recursive: true });
      const file = path.join(sub, `c${i}.${kind}`);
      writeFileSync(file, m.bytes);
      audio.push({ i, file, what: `${kind}: ${m.what}` });
    }
  }

  const analyzeArgs = (files: string[]) => ['analyze', ...files, '--json', '--features', 'levels', '-j', '1', ...store];
  /** Problems of one analyze run over `files`; null when the batch must be split to name the culprit. */
  const audioProblems = (r: Outcome, files: typeof audio): Finding[] | null => {
    const base = endProblems(r, files.length);
    let rows: { file?: string; error?: { exitCode?: number } }[] = [];
    try {
      rows = r.stdout
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
    } catch {
      base.push('stdout is not NDJSON');
    }
    if (!base.length && rows.length !== files.length)
      base.push(`${rows.length} NDJSON lines for ${files.length} files`);
    const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    const failedRows = rows.filter((row) => row.error).length;
    if (!base.length && errorLines.length !== failedRows)
      base.push(`${errorLines.length} error: lines for ${failedRows} unreadable files`);
    for (const f of files)
      if (errorLines.filter((l) => l.includes(f.file)).length > 1) base.push(`several error: lines name ${f.file}`);
    if (files.length > 1 && (base.length || r.code === 5)) return null;
    if (!base.length) {
      for (const row of rows) count(`analyze:${row.error?.exitCode ?? 0}`);
      return [];
    }
    const c = files[0]!;
    return base.map((problem) => ({
      kind: kindOf(problem),
      input: 'audio' as const,
      case: c.i,
      what: c.what,
      command: `shub analyze ${c.file} --json --features levels`,
      code: r.code,
      firstStderr: firstLine(r.stderr),
      problem,
      stderrHead: r.stderr.split('\n').slice(0, 8).join('\n'),
    }));
  };
  const runAudio = async (files: typeof audio): Promise<void> => {
    invocations++;
    const r = await runShub(analyzeArgs(files.map((f) => f.file)), dir, files.length > 1 ? timeoutMs * 3 : timeoutMs);
    const p = audioProblems(r, files);
    if (p === null) {
      log(`batch of ${files.length} misbehaved (exit ${r.code}); re-running one file at a time`);
      await pool(
        1,
        files.map((f) => () => runAudio([f])),
      );
      return;
    }
    findings.push(...p);
  };
  const runRecipe = async (c: (typeof recipes)[number]): Promise<void> => {
    invocations++;
    const out = path.join(recipeDir, `r${c.i}.out`);
    const r = await (o.runMix ?? runShub)(
      ['mix', c.file, '-o', path.join(out, 'mix.wav'), ...store],
      recipeDir,
      timeoutMs,
    );
    rmSync(out, { recursive: true, force: true });
    count(`mix:${r.code}`);
    if (r.code === 1) findings.push(recipeFinding(c, r, 'exit 1 from mix (no check to fail)'));
    for (const problem of endProblems(r)) findings.push(recipeFinding(c, r, problem));
  };
  const recipeFinding = (c: (typeof recipes)[number], r: Outcome, problem: string): Finding => ({
    kind: kindOf(problem),
    input: 'recipe',
    case: c.i,
    what: c.what,
    command: `shub mix ${c.file} -o OUT/mix.wav`,
    code: r.code,
    firstStderr: firstLine(r.stderr),
    problem,
    stderrHead: r.stderr.split('\n').slice(0, 8).join('\n'),
  });

  const jobs: (() => Promise<void>)[] = [];
  for (let k = 0; k < audio.length; k += batch) jobs.push(() => runAudio(audio.slice(k, k + batch)));
  for (const c of recipes) jobs.push(() => runRecipe(c));
  // interleave so both kinds progress together
  const order = jobs.map((j) => ({ j, key: rng.next() }));
  order.sort((a, b) => a.key - b.key);
  let doneJobs = 0;
  await pool(
    o.concurrency ?? 2,
    order.map(({ j }) => async () => {
      await j();
      if (++doneJobs % 100 === 0) log(`${doneJobs}/${jobs.length} jobs, ${findings.length} findings`);
    }),
  );
  if (keep) writeFileSync(path.join(dir, 'findings.json'), JSON.stringify(findings, null, 1));
  else rmSync(dir, { recursive: true, force: true });
  return {
    cases: o.cases,
    audioCases: audio.length,
    recipeCases: recipes.length,
    seed: o.seed,
    ms: Date.now() - t0,
    invocations,
    findings,
    codes,
  };
}

/** Findings grouped by kind and first stderr line (numbers and paths blurred), for the report. */
export function summarize(findings: Finding[]): { key: string; count: number; example: Finding }[] {
  const groups = new Map<string, { key: string; count: number; example: Finding }>();
  for (const f of findings) {
    const blurred = f.firstStderr
      .replace(/\/[^\s:'"]+/g, 'PATH')
      .replace(/\d+(\.\d+)?/g, 'N')
      .slice(0, 140);
    const key = `${f.input} ${f.kind} exit ${f.code}: ${f.problem.replace(/\d+/g, 'N').slice(0, 60)} | ${blurred}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { key, count: 1, example: f });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

async function main(): Promise<void> {
  const arg = (name: string, dflt: number) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const keepAt = process.argv.indexOf('--keep');
  const cases = arg('--cases', 10_000);
  const seed = arg('--seed', 1);
  const r = await fuzz({
    cases,
    seed,
    batch: arg('--batch', 40),
    concurrency: arg('--concurrency', 2),
    dir: keepAt > 0 ? path.resolve(process.argv[keepAt + 1]!) : undefined,
    log: (s) => process.stderr.write(`${s}\n`),
  });
  const byKind: Record<string, number> = {};
  for (const f of r.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  console.log(`cases ${r.cases} (audio ${r.audioCases}, recipes ${r.recipeCases}), seed ${r.seed}`);
  console.log(`wall time ${(r.ms / 1000).toFixed(1)} s, ${r.invocations} shub invocations`);
  console.log(`exit codes: ${JSON.stringify(r.codes)}`);
  console.log(`findings: ${r.findings.length} ${JSON.stringify(byKind)}`);
  for (const g of summarize(r.findings)) {
    console.log(`  ${g.count} × ${g.key}`);
    console.log(`      e.g. case ${g.example.case} (${g.example.what}): ${g.example.command}`);
  }
  process.exitCode = r.findings.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
