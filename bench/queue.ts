/**
 * The queue's overhead (issue 16): 40 generated mixes mastered to spotify by `shub master --jobs 2`
 * on one machine, then by `shub queue submit` + 2 `shub worker --once` processes (concurrency 1
 * each) on a throwaway PostgreSQL: wall time from the submit to the last worker's exit, against the
 * direct run. Runs are alternated. Not part of `npm test`.
 *
 *   node dist/bench/queue.js [--seconds 30] [--runs 2]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { masterLike, writeWav } from '../fixtures/signals.js';
import { startPostgres } from '../test/helpers/pg.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const { values } = parseArgs({ options: { seconds: { type: 'string' }, runs: { type: 'string' } } });
const SECONDS = Number(values.seconds ?? 30);
const RUNS = Number(values.runs ?? 2);
const N = 40;

function shub(args: string[]): void {
  const r = spawnSync(process.execPath, [SHUB, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`shub ${args.join(' ')}: ${r.stderr}`);
}

function worker(url: string): Promise<number | null> {
  const child = spawn(process.execPath, [SHUB, 'worker', '--db', url, '--once', '--commands', 'master'], {
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('exit', resolve));
}

const work = path.join(tmpdir(), `shub-bench-queue-${process.pid}`);
mkdirSync(path.join(work, 'in'), { recursive: true });
const inputs: string[] = [];
for (let i = 0; i < N; i++) {
  const file = path.join(work, 'in', `mix${String(i).padStart(2, '0')}.wav`);
  const planar = await masterLike({
    sampleRate: 44100,
    seconds: SECONDS,
    integratedLufs: -22 + i * 0.1,
    truePeakDbtp: -3,
  });
  writeWav(file, planar, 44100, 's24');
  inputs.push(file);
}
const server = await startPostgres();
const direct: number[] = [];
const queued: number[] = [];
const submits: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    rmSync(path.join(work, 'direct'), { recursive: true, force: true });
    let t0 = performance.now();
    shub([
      'master',
      ...inputs,
      '--target',
      'spotify',
      '-o',
      path.join(work, 'direct'),
      '--jobs',
      '2',
      '--store-dir',
      path.join(work, 'store'),
    ]);
    direct.push(performance.now() - t0);

    const url = await server.createDatabase();
    shub(['db', 'migrate', '--db', url]);
    rmSync(path.join(work, 'queued'), { recursive: true, force: true });
    t0 = performance.now();
    shub(['queue', 'submit', 'master', '--target', 'spotify', ...inputs, '-o', path.join(work, 'queued'), '--db', url]);
    submits.push(performance.now() - t0);
    const codes = await Promise.all([worker(url), worker(url)]);
    queued.push(performance.now() - t0);
    if (codes.some((c) => c !== 0)) throw new Error(`a worker exited ${codes.join(', ')}`);
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
const sec = (x: number) => (x / 1000).toFixed(1);
const row = (what: string, xs: number[]) =>
  `| ${what} | ${xs.map(sec).join(', ')} | ${sec(Math.min(...xs))} | ${sec(median(xs))} |`;
console.log(`| ${N} × ${SECONDS} s mixes → spotify | runs (s) | best (s) | median (s) |`);
console.log('|---|---|---|---|');
console.log(row('`shub master --jobs 2`', direct));
console.log(row('`shub queue submit` + 2 × `shub worker --once`', queued));
console.log(row('… of which `shub queue submit` (hash + probe 40 files, enqueue)', submits));
const pct = (q: number, d: number) => (((q - d) / d) * 100).toFixed(1);
console.log(
  `\nqueue overhead: ${pct(Math.min(...queued), Math.min(...direct))} % (best runs), ` +
    `${pct(median(queued), median(direct))} % (medians); load average ${loadavg()[0]!.toFixed(2)} at the end`,
);
