/**
 * `npm test`'s runner: every `*.test.js` below dist/test (or below the folders and files given as
 * arguments) in one node:test run, `SHUB_TEST_CONCURRENCY` files at a time (default 2), the longest
 * files first. `node --test dist/test/` starts the files in name order, so the longest ones (queue,
 * store, ui) came last and ran alone at the end while the other slot had nothing left; it also ran
 * the helper modules as if they were test files. Same reporters as `node --test`: spec on a terminal,
 * TAP otherwise; exit code 1 when a test fails.
 */
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The longest files, longest first: seconds each took in a fresh-clone `.ci/run` on the idle 2-core
 * machine (2 files at a time; the runner's own per-file times, hooks included; 2026-12-02, main 6c71a1c); master
 * and tty-output scaled by their CPU cuts of 2026-12-04 (h-testtime32), fuzz and damaged-corpus by theirs of the
 * same day (h-testtime33: their mix runs in reused processes; bench/RESULTS.md "Test time"), cli-db by its paired
 * CPU cuts (h-testtime34: its sequential command lines in reused processes).
 * Every other file follows in name order. A file missing here only costs time; a stale name fails
 * test/runner.test.ts.
 */
export const LONGEST: readonly (readonly [string, number])[] = [
  ['queue/queue.test.js', 151],
  ['commands/master-validate.test.js', 117],
  ['store/cli-db.test.js', 61],
  ['io/damaged-corpus.test.js', 44],
  ['commands/master.test.js', 42],
  ['io/fuzz.test.js', 39],
  ['ui/tty-output.test.js', 38],
  ['io/untrusted-output.test.js', 36],
  ['io/damaged-input.test.js', 34],
  ['commands/report.test.js', 30],
  ['commands/analyze.test.js', 28],
  ['engines/groundtruth.test.js', 25],
  ['commands/drums.test.js', 24],
  ['commands/tag.test.js', 24],
  ['engines/reamp/nam.test.js', 24],
  ['format.test.js', 23],
  ['peers/loudgain.test.js', 22],
  ['commands/reamp.test.js', 20],
  ['commands/validate.test.js', 18],
  ['commands/comp.test.js', 17],
  ['commands/mix-bounds.test.js', 13],
  ['commands/targets.test.js', 13],
  ['engines/key.test.js', 13],
  ['io/untrusted-input.test.js', 12],
  ['commands/master-outputs.test.js', 11],
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [f] of LONGEST)
    if (!existsSync(path.join(here, f))) console.warn(`test/run.ts: LONGEST lists ${f}, which does not exist`);
  const concurrency = Number(process.env.SHUB_TEST_CONCURRENCY ?? 2);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    console.error(`SHUB_TEST_CONCURRENCY=${process.env.SHUB_TEST_CONCURRENCY}: give a whole number of files, e.g. 2`);
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const stream = run({ files: ordered(args.length > 0 ? args : [here]), concurrency });
  stream.on('test:fail', (data) => {
    if (!data.todo) process.exitCode = 1;
  });
  // each file's whole time (its hooks and child process included), printed at the end: what LONGEST is made from
  const spans = new Map<string, number>();
  stream.on('test:complete', (data: { name: string; file?: string; details: { duration_ms: number } }) => {
    if (data.file && path.resolve(data.name) === data.file) spans.set(data.file, data.details.duration_ms);
  });
  stream.on('end', () => {
    const longest = [...spans]
      .map(([f, ms]) => [path.relative(here, f), Math.round(ms / 1000)] as const)
      .sort((x, y) => y[1] - x[1])
      .slice(0, 30);
    console.error(`# longest files (seconds each): ${longest.map(([f, s]) => `${f} ${s}`).join(', ')}`);
  });
  (process.stdout.isTTY ? stream.compose(new spec()) : stream.compose(tap)).pipe(process.stdout);
}
