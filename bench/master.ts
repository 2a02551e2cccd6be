/**
 * `shub master` on a set of realistic mixes (renders, real loops, deliberately hot and quiet
 * versions; about -35 to -6 LUFS): every target's written file measured by shub and by loudgain;
 * then the same files through ffmpeg's `loudnorm` (two-pass linear, and dynamic) for the
 * comparable targets: loudness error, true-peak overshoot and time; and the speed per target on
 * one core. Not part of `npm test`.
 *
 *   node dist/bench/master.js                  (needs bench/out/ from node dist/bench/run.js)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { realisticMaterial, loudgain } from './material.js';
import type { MasterResult } from '../src/commands/master.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const WORK = path.join(OUT, 'master');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const STORE = ['--store-dir', path.join(OUT, 'store')];
const TARGETS = ['spotify', 'apple-music', 'youtube', 'ebu-r128', 'cd'];

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { ms: number; stdout: string; stderr: string; status: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

function levels(file: string): { integratedLufs: number; truePeakDbtp: number; plrDb: number } {
  const r = run(process.execPath, [SHUB, 'analyze', file, '--features', 'levels', '--json', ...STORE]);
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout).levels;
}

function sox(args: string[]): void {
  const r = spawnSync('sox', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sox ${args.join(' ')}: ${r.stderr}`);
}

/** The mix set: the bench's renders and loops plus hot and quiet versions. */
function mixes(): string[] {
  mkdirSync(WORK, { recursive: true });
  const base = realisticMaterial(OUT).map((m) => m.file);
  const extra: [string, string[]][] = [
    ['pop-quiet.wav', [path.join(OUT, 'pop-c-major-120.wav'), path.join(WORK, 'pop-quiet.wav'), 'gain', '-16']],
    [
      'pop-hot.wav',
      [path.join(OUT, 'pop-c-major-120.wav'), '-b', '24', path.join(WORK, 'pop-hot.wav'), 'gain', '-l', '9'],
    ],
    [
      'amen-hot.wav',
      [path.join(OUT, 'loop_amen_full-x.flac'), '-b', '24', path.join(WORK, 'amen-hot.wav'), 'gain', '-l', '12'],
    ],
  ];
  for (const [name, args] of extra) if (!existsSync(path.join(WORK, name))) sox(args);
  return [...base, ...extra.map(([n]) => path.join(WORK, n))];
}

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const list = mixes();
const rows: string[] = [];
let worstShub = 0;
let worstLoudgain = 0;
let worstOver = -Infinity;
let compliant = 0;
let outputs = 0;
let masterMs = 0;
const refusedBalanced: string[] = [];
let audioSeconds = 0;
console.log(`## shub master: ${list.length} mixes × ${TARGETS.length} targets\n`);
console.log(
  '| mix | input LUFS | PLR dB | target | shub LUFS | loudgain LUFS | true peak (shub / loudgain) dBTP | ceiling | ' +
    'limiting dB |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const mix of list) {
  const inLv = levels(mix);
  const outDir = path.join(WORK, 'out');
  const r = run(process.execPath, [
    SHUB,
    'master',
    mix,
    '--target',
    TARGETS.join(','),
    '-o',
    outDir,
    '-y',
    '--json',
    ...STORE,
  ]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${mix}: ${r.stderr}`);
  masterMs += r.ms;
  const res = JSON.parse(r.stdout) as MasterResult;
  // a target the default style refuses is reported; it is then tried again with --style loud
  const refused = res.outputs.filter((o) => !o.compliant).map((o) => o.target);
  let loud: MasterResult | undefined;
  if (refused.length) {
    const rl = run(process.execPath, [
      SHUB,
      'master',
      mix,
      '--target',
      refused.join(','),
      '--style',
      'loud',
      '-o',
      outDir,
      '-y',
      '--json',
      ...STORE,
    ]);
    masterMs += rl.ms;
    loud = JSON.parse(rl.stdout) as MasterResult;
  }
  for (const first of res.outputs) {
    outputs++;
    const o = first.compliant ? first : loud!.outputs.find((x) => x.target === first.target)!;
    const style = first.compliant ? '' : ' (loud)';
    if (!first.compliant) refusedBalanced.push(`${path.basename(mix)} ${first.target}: ${first.problem}`);
    if (!o.compliant || !o.file) {
      rows.push(
        `| ${path.basename(mix)} | ${f2(inLv.integratedLufs)} | ${f2(inLv.plrDb)} | ${o.target}${style} | NOT MET: ` +
          `${o.problem} | | | | |`,
      );
      continue;
    }
    compliant++;
    const lg = loudgain(o.file)!;
    const t = o.targetSpec;
    worstShub = Math.max(worstShub, Math.abs(o.achieved!.integratedLufs! - t.integratedLufs));
    worstLoudgain = Math.max(worstLoudgain, Math.abs(lg.integratedLufs - t.integratedLufs));
    worstOver = Math.max(
      worstOver,
      o.achieved!.truePeakDbtp! - t.truePeakCeilingDbtp,
      lg.truePeakDbtp - t.truePeakCeilingDbtp,
    );
    rows.push(
      `| ${path.basename(mix)} | ${f2(inLv.integratedLufs)} | ${f2(inLv.plrDb)} | ${o.target}${style} | ` +
        `${f2(o.achieved!.integratedLufs!)} | ${f2(lg.integratedLufs)} | ${f2(o.achieved!.truePeakDbtp!)} / ` +
        `${f2(lg.truePeakDbtp)} | ${t.truePeakCeilingDbtp} | ${f2(o.limiterMaxGainReductionDb ?? 0)} |`,
    );
  }
  const dur = JSON.parse(
    run(process.execPath, [SHUB, 'analyze', mix, '--features', 'levels', '--json', ...STORE]).stdout,
  ).format.durationSeconds as number;
  audioSeconds += dur;
}
for (const row of rows) console.log(row);
if (refusedBalanced.length)
  console.log(
    `\nRefused by the default (balanced) style and mastered with --style loud ` +
      `instead:\n${refusedBalanced.map((x) => `- ${x}`).join('\n')}`,
  );
console.log(
  `\n${compliant}/${outputs} outputs compliant; worst |loudness error|: shub ${worstShub.toFixed(2)} LU, loudgain ` +
    `${worstLoudgain.toFixed(2)} LU; worst true peak relative to ceiling: ${worstOver.toFixed(2)} dB`,
);
console.log(
  `all ${TARGETS.length} targets per mix: ${(masterMs / 1000).toFixed(1)} s for ${audioSeconds.toFixed(0)} s of ` +
    `audio (${((audioSeconds * TARGETS.length) / (masterMs / 1000)).toFixed(0)}× real time per target, both cores)\n`,
);

// ---- against ffmpeg loudnorm ---------------------------------------------------------------
interface Cmp {
  err: number;
  over: number;
  ms: number;
}
function loudnorm(
  mix: string,
  target: { lufs: number; tp: number; rate: number },
  mode: 'linear' | 'dynamic',
  out: string,
): Cmp {
  const common = ['-hide_banner', '-nostdin', '-y', '-i', mix];
  let ms = 0;
  let filter = `loudnorm=I=${target.lufs}:TP=${target.tp}:LRA=20`;
  if (mode === 'linear') {
    const p1 = run('ffmpeg', [...common, '-af', `${filter}:print_format=json`, '-f', 'null', '-']);
    ms += p1.ms;
    const j = JSON.parse(p1.stderr.slice(p1.stderr.lastIndexOf('{'), p1.stderr.lastIndexOf('}') + 1));
    filter += `:measured_I=${j.input_i}:measured_TP=${j.input_tp}:measured_LRA=${j.input_lra}`;
    filter += `:measured_thresh=${j.input_thresh}:offset=${j.target_offset}:linear=true`;
  }
  const p2 = run('ffmpeg', [...common, '-af', filter, '-ar', String(target.rate), '-c:a', 'pcm_s24le', out]);
  if (p2.status !== 0) throw new Error(p2.stderr);
  ms += p2.ms;
  const lv = levels(out);
  return { err: lv.integratedLufs - target.lufs, over: lv.truePeakDbtp - target.tp, ms };
}

console.log(
  '## against ffmpeg loudnorm (same mixes; spotify -14 LUFS / -1 dBTP at 44.1 kHz, ebu-r128 -23 LUFS / -1 dBTP at ' +
    '48 kHz)\n',
);
console.log(
  '| tool | target | mean \\|error\\| LU | worst \\|error\\| LU | outputs over the ceiling | worst overshoot dB | ' +
    'total time s |',
);
console.log('|---|---|---|---|---|---|---|');
const refusedCmp: string[] = [];
const cmpTargets = [
  { id: 'spotify', lufs: -14, tp: -1, rate: 44100 },
  { id: 'ebu-r128', lufs: -23, tp: -1, rate: 48000 },
];
for (const t of cmpTargets) {
  const stats: Record<string, Cmp[]> = { shub: [], 'loudnorm two-pass linear': [], 'loudnorm dynamic': [] };
  for (const mix of list) {
    const outDir = path.join(WORK, 'cmp');
    mkdirSync(outDir, { recursive: true });
    const r = run(process.execPath, [SHUB, 'master', mix, '--target', t.id, '-o', outDir, '-y', '--json', ...STORE]);
    const o = (JSON.parse(r.stdout) as MasterResult).outputs[0]!;
    if (o.file) {
      const lv = levels(o.file);
      stats.shub!.push({ err: lv.integratedLufs - t.lufs, over: lv.truePeakDbtp - t.tp, ms: r.ms });
    } else {
      refusedCmp.push(`${path.basename(mix)} ${t.id}`);
      stats.shub!.push({ err: NaN, over: NaN, ms: r.ms });
    }
    stats['loudnorm two-pass linear']!.push(loudnorm(mix, t, 'linear', path.join(outDir, 'ln-linear.wav')));
    stats['loudnorm dynamic']!.push(loudnorm(mix, t, 'dynamic', path.join(outDir, 'ln-dynamic.wav')));
  }
  for (const [tool, all] of Object.entries(stats)) {
    const s = all.filter((x) => Number.isFinite(x.err));
    const errs = s.map((x) => Math.abs(x.err));
    console.log(
      `| ${tool} | ${t.id} | ${(errs.reduce((a, b) => a + b, 0) / errs.length).toFixed(2)} | ` +
        `${Math.max(...errs).toFixed(2)} | ${s.filter((x) => x.over > 0).length}/${s.length} | ` +
        `${Math.max(...s.map((x) => x.over)).toFixed(2)} | ${(all.reduce((a, x) => a + x.ms, 0) / 1000).toFixed(1)} ` +
        `|${s.length < all.length ? ` (${all.length - s.length} refused)` : ''}`,
    );
  }
}
if (refusedCmp.length)
  console.log(
    `\nshub refused (reported, exit 1, no file) in the default style: ${refusedCmp.join(', ')}; its errors are over ` +
      `the others.`,
  );

// ---- speed per target on one core ------------------------------------------------------------
const six = path.join(OUT, 'music-6min-48k-24bit.wav');
if (existsSync(six)) {
  const speedDir = path.join(WORK, 'speed');
  rmSync(speedDir, { recursive: true, force: true });
  const one = run(
    'taskset',
    ['-c', '0', process.execPath, SHUB, 'master', six, '--target', 'spotify', '-o', speedDir, '-y', ...STORE],
    { UV_THREADPOOL_SIZE: '1' },
  );
  const five = run(
    'taskset',
    ['-c', '0', process.execPath, SHUB, 'master', six, '--target', TARGETS.join(','), '-o', speedDir, '-y', ...STORE],
    { UV_THREADPOOL_SIZE: '1' },
  );
  console.log('\n## speed on one core (taskset -c 0, UV_THREADPOOL_SIZE=1), 6-minute 48 kHz 24-bit mix\n');
  console.log('| targets | wall s | × real time per target |');
  console.log('|---|---|---|');
  console.log(`| spotify | ${(one.ms / 1000).toFixed(2)} | ${(360 / (one.ms / 1000)).toFixed(0)}× |`);
  console.log(
    `| ${TARGETS.join(', ')} | ${(five.ms / 1000).toFixed(2)} | ` +
      `${((360 * TARGETS.length) / (five.ms / 1000)).toFixed(0)}× |`,
  );
}
