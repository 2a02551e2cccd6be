/**
 * `npm test`'s runner: every `*.test.js` below dist/test (or below the folders and files given as
 * arguments) in one node:test run, `SHUB_TEST_CONCURRENCY` files at a time (default 2), the longest
 * files first. `node --test dist/test/` starts the files in name order, so the longest ones (queue,
 * store, ui) came last and ran alone at the end while the other slot had nothing left; it also ran
 * the helper modules as if they were test files. The short files that touch no process-wide state run
 * BATCH_FILES to a process (`batches`): a process of their own cost each ≈ 0.5 CPU-s of Node's start and of the
 * module loader compiling the fixtures and the npm synthesizer again. Same reporters as `node --test`: spec on a
 * terminal, TAP otherwise; exit code 1 when a test fails.
 */
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The longest files, longest first (seconds each; h-suite92, 2026-12-07): every file named here before, and every
 * fixture file of 7 s or more. Fixture files: CPU-s of each file run alone (`SHUB_TEST_CONCURRENCY=1 /usr/bin/time
 * node dist/test/run.js FILE`, one file at a time, on this 2-core machine under other helpers' load: near a file's idle
 * seconds where both were measured, drumclass42 18 / 21, tempo42 6 / 6); the rest: the runner's own per-file seconds
 * in the integrator's clean-clone `.ci/run` of main b4c9a751 (idle, 2 files at a time, 415 s in all). Every other file
 * follows in name order. A file missing here only costs time; a stale name fails test/runner.test.ts. Files that
 * start parallel work of their own (ui/tty-output and the io files: `-j 2` or two cases at a time; queue: three
 * workers) still take one of the two slots.
 */
export const LONGEST: readonly (readonly [string, number])[] = [
  ['fixtures/tempo56.test.js', 58],
  ['queue/queue.test.js', 41],
  ['format.test.js', 31],
  ['commands/master-validate.test.js', 30],
  ['commands/master.test.js', 20],
  ['fixtures/drumclass42.test.js', 18],
  ['engines/groundtruth.test.js', 17],
  ['ui/tty-output.test.js', 17],
  ['engines/reamp/nam.test.js', 15],
  ['io/untrusted-output.test.js', 13],
  ['commands/analyze.test.js', 12],
  ['commands/report.test.js', 12],
  ['fixtures/tempo54.test.js', 12],
  ['store/cli-db.test.js', 12],
  ['io/fuzz.test.js', 11],
  ['queue/record-once.test.js', 11],
  ['fixtures/tempo55.test.js', 10],
  ['peers/loudgain.test.js', 10],
  ['engines/key.test.js', 9],
  ['io/damaged-corpus.test.js', 9],
  ['commands/comp.test.js', 8],
  ['commands/drums.test.js', 8],
  ['commands/tag.test.js', 8],
  ['fixtures/onsetheld43.test.js', 8],
  ['fixtures/onsetheld44.test.js', 8],
  ['fixtures/onsetheld46.test.js', 8],
  ['fixtures/onsetheld47.test.js', 8],
  ['fixtures/onsetheld48.test.js', 8],
  ['io/damaged-input.test.js', 8],
  ['fixtures/onsetheld42.test.js', 7],
  ['fixtures/onsetheld45.test.js', 7],
  ['fixtures/tempo57.test.js', 7],
  ['commands/reamp.test.js', 6],
  ['commands/validate.test.js', 6],
  ['fixtures/tempo42.test.js', 6],
  ['commands/master-outputs.test.js', 5],
  ['commands/mix-bounds.test.js', 5],
  ['commands/targets.test.js', 5],
  ['fixtures/onsetheld35.test.js', 4],
  ['fixtures/onsetheld37.test.js', 4],
  ['fixtures/onsetheld39.test.js', 4],
  ['fixtures/onsetheld40.test.js', 4],
  ['fixtures/tempo35.test.js', 4],
  ['io/untrusted-input.test.js', 4],
  ['store/test-server.test.js', 4],
  ['fixtures/onsetheld34.test.js', 3],
  ['store/postgres.test.js', 3],
];

function testFiles(root: string): string[] {
  if (statSync(root).isFile()) return [root];
  const out: string[] = [];
  for (const e of readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

/** The files under `roots`, the LONGEST ones first (in that order), then the rest by name. */
export function ordered(roots: string[]): string[] {
  const files = [...new Set(roots.flatMap((r) => testFiles(path.resolve(r))))].sort();
  const rank = new Map(LONGEST.map(([f], i) => [path.join(here, f), i]));
  const first = files.filter((f) => rank.has(f)).sort((a, b) => rank.get(a)! - rank.get(b)!);
  return [...first, ...files.filter((f) => !rank.has(f))];
}

/** Files a batch process runs, one after another (37 short fixture files: 46.4 CPU-s one process each, 23.9 in one). */
export const BATCH_FILES = 12;

/**
 * What keeps a file in a process of its own: hooks (a process's root runs a file's top-level hooks around every file
 * in it) and process-wide state a file sets or reads (environment, working directory, exit code, signal handlers,
 * mocks, globals, the process's own resource figures).
 */
const OWN_PROCESS = new RegExp(
  [
    String.raw`\b(?:before|after|beforeEach|afterEach)\(`,
    String.raw`process\.(?:env|chdir|on\(|once\(|exitCode|exit\(|umask|memoryUsage|resourceUsage|cpuUsage)`,
    String.raw`\bmock\b`,
    String.raw`globalThis\.`,
  ].join('|'),
);

/**
 * `ordered`'s files as the runner starts them: the LONGEST ones alone, then the short files that touch no
 * process-wide state (OWN_PROCESS) in batches of BATCH_FILES (name order), then the other short files alone.
 */
export function batches(files: string[]): string[][] {
  const long = new Set(LONGEST.map(([f]) => path.join(here, f)));
  const shared = files.filter((f) => !long.has(f) && !OWN_PROCESS.test(readFileSync(f, 'utf8')));
  if (shared.length < 2) return files.map((f) => [f]);
  const together = new Set(shared);
  const out = files.filter((f) => long.has(f)).map((f) => [f]);
  for (let i = 0; i < shared.length; i += BATCH_FILES) out.push(shared.slice(i, i + BATCH_FILES));
  return [...out, ...files.filter((f) => !long.has(f) && !together.has(f)).map((f) => [f])];
}

/** A batch's module: imports its files in turn; a file that fails to load is a failing test named after it. */
export const batchModule = (files: string[]): string =>
  "import { test } from 'node:test';\n" +
  `for (const file of ${JSON.stringify(files.map((f) => pathToFileURL(f).href))}) {\n` +
  '  try {\n    await import(file);\n  } catch (error) {\n' +
  '    test(`${decodeURI(new URL(file).pathname)} loads`, () => {\n      throw error;\n    });\n  }\n}\n';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [f] of LONGEST)
    if (!existsSync(path.join(here, f))) console.warn(`test/run.ts: LONGEST lists ${f}, which does not exist`);
  const concurrency = Number(process.env.SHUB_TEST_CONCURRENCY ?? 2);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    console.error(`SHUB_TEST_CONCURRENCY=${process.env.SHUB_TEST_CONCURRENCY}: give a whole number of files, e.g. 2`);
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const groups = batches(ordered(args.length > 0 ? args : [here]));
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-test-batches-'));
  const label = new Map<string, string>();
  const files = groups.map((g, i) => {
    if (g.length === 1) return g[0]!;
    const file = path.join(dir, `batch-${String(i).padStart(3, '0')}.test.mjs`);
    writeFileSync(file, batchModule(g));
    label.set(file, `[${g.map((f) => path.relative(here, f)).join(' ')}]`);
    return file;
  });
  const stream = run({ files, concurrency });
  stream.on('test:fail', (data) => {
    if (!data.todo) process.exitCode = 1;
  });
  // each file's whole time (its hooks and child process included), every file's printed at the end, longest first:
  // what LONGEST is made from
  const spans = new Map<string, number>();
  stream.on('test:complete', (data: { name: string; file?: string; details: { duration_ms: number } }) => {
    if (data.file && path.resolve(data.name) === data.file) spans.set(data.file, data.details.duration_ms);
  });
  stream.on('end', () => {
    rmSync(dir, { recursive: true, force: true });
    const longest = [...spans]
      .map(([f, ms]) => [label.get(f) ?? path.relative(here, f), Math.round(ms / 1000)] as const)
      .sort((x, y) => y[1] - x[1]);
    console.error(`# files, longest first (seconds each): ${longest.map(([f, s]) => `${f} ${s}`).join(', ')}`);
  });
  (process.stdout.isTTY ? stream.compose(new spec()) : stream.compose(tap)).pipe(process.stdout);
}
