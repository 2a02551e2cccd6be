/**
 * The damaged-audio corpus of issue 18 as a regression test: every file of fixtures/damaged.ts goes
 * through `analyze --json`, `validate`, `master -t spotify` and `mix` (a recipe whose one stem is
 * the file). analyze, validate and master take the whole corpus in one batch each (as a CI job
 * would: the good files in it still get done); mix runs once per file, in reused processes (test/helpers/shub-pool.ts:
 * a crash, hang or stray output is still seen per file; one file in twelve also mixed by a fresh process, which must
 * end the same way). Each file ends with 0–4
 * (1 only for a failed check), never 5, never a signal, never a hang; a failure is one `error:`
 * line naming the file (warnings allowed), with no stack trace, and leaves no partial output; and
 * the four commands agree on whether the file is readable.
 */
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { damagedCorpus, type DamagedCase } from '../../fixtures/damaged.js';
import { endProblems, firstLine, runShub, type Outcome } from '../../bench/fuzz.js';
import { tempDir } from '../helpers/cli.js';
import { crossChecked, ShubPool } from '../helpers/shub-pool.js';

const { dir, cleanup } = tempDir('shub-damaged-');
after(cleanup);
const corpus = damagedCorpus(path.join(dir, 'corpus'));
const pool = new ShubPool();
after(() => pool.close());
// the mix of the corpus's files 0, 12, 24, … (its recipe work/<name>/recipe.yaml) also run in a fresh process
const freshToo = new Set(
  corpus.filter((_, i) => i % 12 === 0).map((c) => path.join(dir, 'work', c.name, 'recipe.yaml')),
);
const mix = crossChecked(
  pool,
  (args) => freshToo.has(args[1]!),
  (args) => {
    const out = path.dirname(args[args.indexOf('-o') + 1]!);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
  },
);
const BATCH_MS = 900_000;

const AUDIO = /\.(wav|w64|flac|mp3|m4a|aac|opus|ogg|aif|aiff|rf64)$/i;

/** Audio files and hidden (temporary) files left in `folder`, recursively. */
function leftovers(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && (AUDIO.test(e.name) || e.name.startsWith('.')))
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

type Verdict = 'readable' | 'unreadable' | 'invalid';

/** Whether a command's end says the file was read (0, or 1 = a check failed on what was read) or not (3). */
function verdict(cmd: string, o: Pick<Outcome, 'code' | 'stderr'>): Verdict {
  if (o.code === 3) return 'unreadable';
  if (o.code === 0) return 'readable';
  if (o.code === 1 && (cmd === 'validate' || cmd === 'master')) return 'readable';
  // the stem was read, but its sample rate differs from the recipe's: a recipe error about a readable file
  if (o.code === 2 && cmd === 'mix' && /sampleRate/.test(o.stderr)) return 'readable';
  return 'invalid';
}

const BATCHED = ['analyze', 'validate', 'master'] as const;
type Batched = (typeof BATCHED)[number];
const batches = {} as Record<Batched, Outcome>;
const masterDir = path.join(dir, 'work', 'master');

interface Line {
  file?: string;
  error?: { exitCode?: number };
  levels?: unknown;
  platforms?: { passed: boolean }[];
  outputs?: { compliant: boolean }[];
}

/** One file's end in a batch: its exit code from its JSON line, its stderr lines (those naming it). */
function fileOutcome(cmd: Batched, c: DamagedCase): { outcome: Outcome; lines: Line[] } {
  const b = batches[cmd];
  const lines = b.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => l.file === c.file);
  const l = lines[0];
  let code: number | null = null;
  if (l?.error) code = l.error.exitCode ?? null;
  else if (cmd === 'analyze') code = l?.levels ? 0 : null;
  else if (cmd === 'validate') code = l?.platforms ? (l.platforms.every((p) => p.passed) ? 0 : 1) : null;
  else code = l?.outputs ? (l.outputs.every((o) => o.compliant) ? 0 : 1) : null;
  // a file's stderr lines name it (errors and warnings start with the path)
  const stderr = b.stderr
    .split('\n')
    .filter((x) => x.includes(`${c.file}:`))
    .join('\n');
  return { outcome: { ...b, code, stderr }, lines };
}

async function check(c: DamagedCase): Promise<string[]> {
  const work = path.join(dir, 'work', c.name);
  mkdirSync(path.join(work, 'mix'), { recursive: true });
  const recipe = path.join(work, 'recipe.yaml');
  writeFileSync(recipe, `sampleRate: 48000\ntracks:\n  - name: Damaged\n    file: ${JSON.stringify(c.file)}\n`);
  const mixOut = path.join(work, 'mix', 'mix.wav');
  const problems: string[] = [];
  const verdicts: Record<string, Verdict> = {};
  const ends: Record<string, string> = {};
  const judge = (cmd: string, o: Outcome) => {
    const say = (p: string) =>
      problems.push(`${cmd}: ${p} — exit ${o.signal ?? o.code}, stderr: ${JSON.stringify(firstLine(o.stderr))}`);
    for (const p of endProblems(o)) say(p);
    verdicts[cmd] = verdict(cmd, o);
    ends[cmd] = `exit ${o.signal ?? o.code} ${JSON.stringify(firstLine(o.stderr))}`;
    if (verdicts[cmd] === 'invalid' && !o.timedOut && !o.signal && o.code !== 5) say(`exit ${o.code} is not a verdict`);
    return { say, failed: o.code !== 0 && o.code !== 1 };
  };
  for (const cmd of BATCHED) {
    const { outcome, lines } = fileOutcome(cmd, c);
    const { say, failed } = judge(cmd, outcome);
    // SPEC §3: with --json, every input gets exactly one line, an unreadable one with its error
    if (lines.length !== 1) say(`${lines.length} NDJSON lines for the file`);
    if (cmd === 'master') {
      const stem = path.basename(c.file).replace(/\.[^.]+$/, '');
      const left = leftovers(masterDir).filter((f) => path.basename(f).replace(/^\./, '').startsWith(`${stem}.`));
      if (failed && left.length) say(`failed but left ${left.join(', ')}`);
      if (!failed && left.some((f) => path.basename(f).startsWith('.'))) say(`left hidden files ${left.join(', ')}`);
    }
  }
  const o = await mix.run(['mix', recipe, '-o', mixOut, '--store-dir', path.join(work, '.shub')], work, 60_000);
  const { say, failed } = judge('mix', o);
  const left = leftovers(path.dirname(mixOut));
  if (failed && left.length) say(`failed but left ${left.join(', ')}`);
  if (!failed && left.some((f) => path.basename(f).startsWith('.'))) say(`left hidden files ${left.join(', ')}`);
  const distinct = new Set(Object.values(verdicts));
  if (distinct.size > 1)
    problems.push(
      `verdicts differ: ${Object.entries(verdicts)
        .map(([k, v]) => `${k} ${v} (${ends[k]})`)
        .join(', ')}`,
    );
  return problems;
}

describe(`damaged-audio corpus (${corpus.length} files)`, () => {
  before(async () => {
    const files = corpus.map((c) => c.file);
    const store = ['--store-dir', path.join(dir, 'work', '.shub')];
    const args: Record<Batched, string[]> = {
      analyze: ['analyze', ...files, '--json', ...store],
      validate: ['validate', ...files, '-p', 'spotify', '--json', ...store],
      master: ['master', ...files, '-t', 'spotify', '--no-codec-check', '-o', `${masterDir}/`, '--json', ...store],
    };
    for (const cmd of ['analyze', 'validate'] as const) batches[cmd] = await runShub(args[cmd], dir, BATCH_MS);
    // master names its outputs after the input (random.flac → random.spotify.wav): one batch per set of distinct
    // names, each into the same folder, their outputs and lines joined
    const groups: string[][] = [];
    for (const f of files) {
      const stem = path.basename(f).replace(/\.[^.]+$/, '');
      const g = groups.find((g) => !g.some((x) => path.basename(x).replace(/\.[^.]+$/, '') === stem));
      if (g) g.push(f);
      else groups.push([f]);
    }
    const ends: Outcome[] = [];
    for (const g of groups)
      ends.push(
        await runShub([...args.master.slice(0, 1), ...g, ...args.master.slice(1 + files.length)], dir, BATCH_MS),
      );
    batches.master = {
      ...ends[0]!,
      code: Math.max(...ends.map((o) => o.code ?? 99)),
      signal: ends.find((o) => o.signal)?.signal ?? null,
      timedOut: ends.some((o) => o.timedOut),
      stdout: ends.map((o) => o.stdout).join(''),
      stderr: ends.map((o) => o.stderr).join(''),
    };
  });
  it('has at least 57 cases, each a distinct file', () => {
    assert.ok(corpus.length >= 57, `${corpus.length} cases`);
    assert.equal(new Set(corpus.map((c) => c.file)).size, corpus.length);
  });
  it('each batch ends (no signal, hang or exit 5), with no stderr line that is not error:/warning:', () => {
    for (const cmd of BATCHED) assert.deepEqual(endProblems(batches[cmd], corpus.length), [], cmd);
    // the corpus holds unreadable files: the worst exit code of each batch is 3
    for (const cmd of BATCHED) assert.equal(batches[cmd].code, 3, cmd);
  });
  describe('each file', { concurrency: 2 }, () => {
    for (const c of corpus)
      it(`${c.name} (${c.what})`, { timeout: 300_000 }, async () => {
        assert.deepEqual(await check(c), []);
      });
  });
  it('the reused mix processes: no output or ending between files, the same ends as a fresh process', () => {
    assert.equal(pool.runs, corpus.length);
    assert.equal(mix.checked(), freshToo.size);
    assert.ok(freshToo.size >= 5, `${freshToo.size} files`);
    assert.deepEqual(mix.differences, []);
    assert.deepEqual(pool.strays, []);
  });
});
