/**
 * `shub drums` throughput and memory (issue 13): a session of 8 mics × 3 minutes (48 kHz, 32-bit
 * float WAV: kick, snare, hat, tom close mics, overheads, room and two more close mics carrying
 * the kick and snare again as "in"/"bottom" mics), made by tiling the fixture groove; `detect` and
 * `replace` timed as whole processes (/usr/bin/time: wall and user+system CPU seconds, peak RSS).
 * Usage: node dist/bench/drums-speed.js [--minutes 3] [--detect-only] [--mix] [--keep DIR] (--mix: a whole-kit stem
 * too, h-dx67)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drumSession, writeDrumSession, writeOneShotKit } from '../fixtures/drumkit.js';
import { ROOT } from '../test/helpers/cli.js';

const minutes = Number(process.argv[process.argv.indexOf('--minutes') + 1] ?? 3) || 3;
const keepAt = process.argv.indexOf('--keep');
const dir =
  keepAt > 0 ? path.resolve(process.argv[keepAt + 1]!) : path.join(os.tmpdir(), `shub-drums-speed-${process.pid}`);
mkdirSync(path.join(dir, 'kit'), { recursive: true });
const s = drumSession({ font: 'FluidR3Mono', seed: 1, bpm: 120, bars: 8 });
const frames = Math.round(minutes * 60 * s.rate);
// --mix (h-dx67): a ninth track, the session's mics summed as a whole-kit stem (instrument mix), so detect runs the
// stem's classification and its model too
const kitMix = s.mics[0]!.samples.map((_, i) => s.mics.reduce((a, m) => a + m.samples[i]!, 0) / s.mics.length);
const mics = [
  ...s.mics,
  { ...s.mics[0]!, name: 'kick sub' },
  { ...s.mics[1]!, name: 'snare bottom' },
  ...(process.argv.includes('--mix') ? [{ ...s.mics[0]!, name: 'kit mix', instrument: 'mix', samples: kitMix }] : []),
];
const loop = s.frames - s.rate; // the groove without its last second of tail
const tiled = mics.map((m) => ({
  ...m,
  samples: Float64Array.from({ length: frames }, (_, i) => m.samples[i % loop]!),
}));
writeDrumSession(dir, tiled, s.rate);
writeOneShotKit(dir, 'TimGM6mb', ['kick', 'snare', 'hihat', 'tom'], s.rate);
const shub = path.join(ROOT, 'bin', 'shub.js');
const measure = (args: string[]) => {
  const r = execFileSync(
    '/bin/sh',
    ['-c', `/usr/bin/time -f 'TIME %e %U %S %M' "${process.execPath}" "${shub}" ${args.join(' ')} 2>&1 >/dev/null`],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r);
  if (!m) throw new Error(r);
  return { seconds: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Math.round(Number(m[4]) / 1024) };
};
const audioSeconds = minutes * 60;
for (const [name, args] of [
  ['detect', ['drums', 'detect', 'session.yaml', '--json', '--no-store']],
  ['replace', ['drums', 'replace', 'session.yaml', '--kit', 'kit.yaml', '-o', 'out/', '-y', '--no-store']],
] as const) {
  if (name === 'replace' && process.argv.includes('--detect-only')) continue;
  // the machine is shared: the load average beside every timing (CPU seconds inflate with it)
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join('/');
  const r = measure([...args]);
  console.log(
    `${name}: ${mics.length} mics × ${minutes} min: ${r.seconds.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU ` +
      `(${(audioSeconds / r.cpu).toFixed(1)}× real time per core), peak RSS ${r.rssMb} MB, load ${load}`,
  );
}
if (keepAt < 0) rmSync(dir, { recursive: true, force: true });
