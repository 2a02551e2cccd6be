/**
 * `shub validate` throughput on 100 thirty-second files (no codec check), against
 * `shub analyze --features levels` on the same files, both with --jobs 2, alternated, median of N.
 *
 *   node dist/bench/validate.js [--runs 3]     (needs bench/out/music-6min-48k-24bit.wav: run bench/run.js first)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function files(): string[] {
  const six = path.join(OUT, 'music-6min-48k-24bit.wav');
  if (!existsSync(six)) throw new Error(`${six} is missing: run node dist/bench/run.js first`);
  const dir = path.join(OUT, 'thirty');
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: 100 }, (_, i) => {
    const f = path.join(dir, `clip-${String(i).padStart(3, '0')}.wav`);
    if (!existsSync(f)) {
      // 30 s excerpts at varied offsets and gains (some hot, some quiet), 44.1 kHz 16-bit like typical deliverables
      const r = spawnSync(
        'sox',
        [six, '-b', '16', '-r', '44100', f, 'trim', String((i * 3) % 330), '30', 'gain', String(-12 + (i % 7) * 2)],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(r.stderr);
    }
    return f;
  });
}

function time(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [SHUB, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`shub ${args[0]} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const list = files();
const store = ['--store-dir', path.join(OUT, 'store')];
const validateArgs = [
  'validate',
  ...list,
  '--platform',
  'spotify,apple-music,ebu-r128',
  '--jobs',
  '2',
  '--json',
  ...store,
];
const analyzeArgs = ['analyze', ...list, '--features', 'levels', '--jobs', '2', '--json', ...store];
time(analyzeArgs); // warm the page cache
const tv: number[] = [];
const ta: number[] = [];
for (let i = 0; i < RUNS; i++) {
  tv.push(time(validateArgs));
  ta.push(time(analyzeArgs));
}
const v = median(tv);
const a = median(ta);
console.log(`| command | median s | runs (s) | files/s | audio × real time |`);
console.log(`|---|---|---|---|---|`);
console.log(
  `| \`shub validate <100 files> --platform spotify,apple-music,ebu-r128 --jobs 2 --json\` | ` +
    `${(v / 1000).toFixed(2)} | ${tv.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${(100000 / v).toFixed(1)} | ` +
    `${((100 * 30) / (v / 1000)).toFixed(0)}× |`,
);
console.log(
  `| \`shub analyze <100 files> --features levels --jobs 2 --json\` | ${(a / 1000).toFixed(2)} | ` +
    `${ta.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${(100000 / a).toFixed(1)} | ` +
    `${((100 * 30) / (a / 1000)).toFixed(0)}× |`,
);
console.log(`\nvalidate / analyze time ratio: ${(v / a).toFixed(3)} (≤ 1 means validate is at least as fast)`);
