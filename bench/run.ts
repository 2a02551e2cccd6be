/**
 * Benchmarks of `shub analyze --features levels` against peers on the same files in the same run
 * (SPEC §9): whole-process wall time, alternated, median of N; peak memory on a 60-minute file;
 * agreement with loudgain (libebur128) on realistic material. Not part of `npm test`.
 *
 *   npm run bench            (writes bench/out/, prints a Markdown report)
 *   npm run bench -- --runs 7
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { realisticMaterial, loudgain, SONGS } from './material.js';
import { renderSong } from '../fixtures/music.js';
import { wavHeader } from '../src/io/wav.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

/** CPU seconds (user + system, all threads) of each timed command, by command: a load-independent figure. */
const cpuSeconds = new Map<string, number[]>();

function time(cmd: string, args: string[], label = cmd): number {
  const cpuFile = path.join(OUT, 'time.txt');
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, cmd, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [user, sys] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
  cpuSeconds.set(label, [...(cpuSeconds.get(label) ?? []), user! + sys!]);
  return ms;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function shubJson(file: string): { levels: { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number } } {
  const r = spawnSync(
    process.execPath,
    [SHUB, 'analyze', file, '--features', 'levels', '--json', '--store-dir', path.join(OUT, 'store')],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

function ffmpegMeasure(file: string): { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number } {
  const r = spawnSync(
    'ffmpeg',
    ['-nostats', '-hide_banner', '-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  const summary = r.stderr.slice(r.stderr.lastIndexOf('Summary:'));
  const num = (re: RegExp) => parseFloat(re.exec(summary)?.[1] ?? 'NaN');
  return {
    integratedLufs: num(/I:\s+(-?[\d.]+) LUFS/),
    loudnessRangeLu: num(/LRA:\s+(-?[\d.]+) LU/),
    truePeakDbtp: num(/Peak:\s+(-?[\d.]+) dBFS/),
  };
}

/** 6 minutes of 48 kHz 24-bit stereo music: several renders concatenated with sox. */
function sixMinuteFile(): string {
  const file = path.join(OUT, 'music-6min-48k-24bit.wav');
  if (existsSync(file)) return file;
  const parts: string[] = [];
  for (const s of SONGS) {
    const p = path.join(OUT, `six-${s.name}.wav`);
    renderSong({ ...s, bars: s.bars * 4 }, p, 48000, Math.min(1.2, s.gain * 1.5));
    parts.push(p);
  }
  const r = spawnSync('sox', [...parts, ...parts, '-b', '24', '-r', '48000', file, 'trim', '0', '360'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return file;
}

/** 60 minutes: the 6-minute data ten times under one header (written streaming, never in memory). */
async function sixtyMinuteFile(six: string): Promise<string> {
  const file = path.join(OUT, 'music-60min-48k-24bit.wav');
  if (existsSync(file)) return file;
  const dataBytes = statSync(six).size - 44;
  const out = createWriteStream(file);
  out.write(wavHeader({ sampleRate: 48000, channels: 2, format: 's24', dataBytes: dataBytes * 10 }));
  for (let i = 0; i < 10; i++) {
    for await (const chunk of createReadStream(six, { start: 44 })) if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

/** Peak resident set size of one run of `cmd`, in MB: GNU time's report, or the kernel's rusage of the child read
 * through python3 where GNU time is not installed; null when neither is there. */
function peakRssMb(cmd: string, args: string[]): number | null {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
    return kb ? Number(kb) / 1024 : null;
  }
  const py =
    'import resource,subprocess,sys\n' +
    'subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\n' +
    'print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)';
  const r = spawnSync('python3', ['-c', py, cmd, ...args], { encoding: 'utf8' });
  const kb = /^(\d+)/.exec(r.stdout ?? '')?.[1];
  return kb ? Number(kb) / 1024 : null;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const report: string[] = [];
  const ffv = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' }).stdout.split('\n')[0];
  const lgv = spawnSync('loudgain', ['--version'], { encoding: 'utf8' })
    .stdout.split('\n')
    .slice(0, 2)
    .join(' ')
    .replace(/\s+/g, ' ');
  report.push(`Peers: ${ffv}; ${lgv}; node ${process.version}; ${RUNS} alternated runs, median.`, '');

  // --- speed
  const six = sixMinuteFile();
  const shubArgs = [SHUB, 'analyze', six, '--features', 'levels', '--json', '--store-dir', path.join(OUT, 'store')];
  const ffArgs = ['-nostats', '-i', six, '-af', 'ebur128=peak=true', '-f', 'null', '-'];
  const lgArgs = ['-O', '-k', six];
  time(process.execPath, shubArgs); // warm the page cache
  // every feature (levels, spectral, tempo, key, onsets, pitch): issue 12 point 8 asks for >= 1.5x ffmpeg's speed
  const allArgs = [SHUB, 'analyze', six, '--json', '--store-dir', path.join(OUT, 'store')];
  const t = { shub: [] as number[], all: [] as number[], ffmpeg: [] as number[], loudgain: [] as number[] };
  const loadBefore = loadavg()[0]!;
  for (let i = 0; i < RUNS; i++) {
    t.shub.push(time(process.execPath, shubArgs, 'shub'));
    t.all.push(time(process.execPath, allArgs, 'all'));
    t.ffmpeg.push(time('ffmpeg', ffArgs));
    t.loudgain.push(time('loudgain', lgArgs));
  }
  const loadAfter = loadavg()[0]!;
  const cpu = (label: string) => median(cpuSeconds.get(label) ?? [NaN]);
  const m = { shub: median(t.shub), all: median(t.all), ffmpeg: median(t.ffmpeg), loudgain: median(t.loudgain) };
  report.push('### Speed: 6-minute 48 kHz 24-bit stereo WAV, whole process', '');
  report.push('| tool | command | median ms | runs (ms) | shub is faster by |', '|---|---|---|---|---|');
  report.push(
    `| shub | \`shub analyze F --features levels --json\` | ${m.shub.toFixed(0)} | ` +
      `${t.shub.map((x) => x.toFixed(0)).join(', ')} | — |`,
  );
  report.push(
    `| shub | \`shub analyze F --json\` (all features) | ${m.all.toFixed(0)} | ` +
      `${t.all.map((x) => x.toFixed(0)).join(', ')} | ffmpeg / this: ${(m.ffmpeg / m.all).toFixed(2)}× |`,
  );
  const cpuNote =
    `Load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (${availableParallelism()} ` +
    `cores). CPU seconds (user + system, median): shub levels ${cpu('shub').toFixed(2)}, shub all features ` +
    `${cpu('all').toFixed(2)}, ffmpeg ${cpu('ffmpeg').toFixed(2)} (ffmpeg / all: ` +
    `${(cpu('ffmpeg') / cpu('all')).toFixed(2)}), loudgain ${cpu('loudgain').toFixed(2)}.`;
  report.push(
    `| ffmpeg | \`ffmpeg -nostats -i F -af ebur128=peak=true -f null -\` | ${m.ffmpeg.toFixed(0)} | ` +
      `${t.ffmpeg.map((x) => x.toFixed(0)).join(', ')} | ${(m.ffmpeg / m.shub).toFixed(2)}× |`,
  );
  report.push(
    `| loudgain | \`loudgain -O -k F\` | ${m.loudgain.toFixed(0)} | ` +
      `${t.loudgain.map((x) => x.toFixed(0)).join(', ')} | ${(m.loudgain / m.shub).toFixed(2)}× |`,
    '',
    cpuNote,
    '',
  );

  // --- memory
  const sixty = await sixtyMinuteFile(six);
  const rss = peakRssMb(process.execPath, [
    SHUB,
    'analyze',
    sixty,
    '--features',
    'levels',
    '--json',
    '--store-dir',
    path.join(OUT, 'store'),
  ]);
  const rss6 = peakRssMb(process.execPath, shubArgs);
  const mb = (v: number | null) =>
    v === null ? 'not measured (needs /usr/bin/time or python3)' : `${v.toFixed(0)} MB`;
  report.push('### Memory (maximum resident set size: `/usr/bin/time -v`, else the rusage of the child)', '');
  report.push(
    `| file | peak RSS |`,
    '|---|---|',
    `| 6 min | ${mb(rss6)} |`,
    `| 60 min (${(statSync(sixty).size / 2 ** 30).toFixed(2)} GiB) | ${mb(rss)} |`,
    '',
  );

  // --- agreement
  report.push('### Agreement on realistic material', '');
  report.push(
    '| file | shub I | loudgain I | Δ I | ffmpeg I | shub LRA | loudgain LRA | Δ LRA | shub TP | loudgain TP | ' +
      'ffmpeg TP |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const mat of [...realisticMaterial(OUT), { name: 'the 6-minute bench file', file: six }]) {
    const s = shubJson(mat.file).levels;
    const l = loudgain(mat.file)!;
    const f = ffmpegMeasure(mat.file);
    report.push(
      `| ${mat.name} | ${s.integratedLufs.toFixed(2)} | ${l.integratedLufs.toFixed(2)} | ` +
        `${(s.integratedLufs - l.integratedLufs).toFixed(2)} | ${f.integratedLufs.toFixed(1)} | ` +
        `${s.loudnessRangeLu.toFixed(2)} | ${l.loudnessRangeLu.toFixed(2)} | ` +
        `${(s.loudnessRangeLu - l.loudnessRangeLu).toFixed(2)} | ${s.truePeakDbtp.toFixed(2)} | ` +
        `${l.truePeakDbtp.toFixed(2)} | ${f.truePeakDbtp.toFixed(1)} |`,
    );
  }
  const text = report.join('\n');
  writeFileSync(path.join(OUT, 'report.md'), `${text}\n`);
  console.log(text);
}

await main();
