/**
 * Benchmark of `shub reamp` with a full rig (issue 14: ≥ 20× real time): gate, compressor, the
 * A1-standard NAM WaveNet (fixtures/nam/wavenet_a1_standard.nam, fast tanh), a stereo cabinet
 * (two 1 s synthetic IRs blended), EQ, delay and reverb, on a 60 s Karplus–Strong DI at 48 kHz,
 * loudness-normalised (two passes over the print). Whole process, wall time, median of N runs,
 * one DI (so one core for the amp). Not part of `npm test`.
 *
 *   node dist/bench/reamp.js [--runs 3] [--seconds 60]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWav } from '../fixtures/signals.js';
import { mulberry32 } from '../src/engines/random.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out', 'reamp');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 3);
const SECONDS = arg('--seconds', 60);
const FS = 48000;

mkdirSync(OUT, { recursive: true });
// the DI: a pluck every half second over a few strings
const n = FS * SECONDS;
const di = new Float64Array(n);
let random = mulberry32(1);
const rnd = () => random() * 2 - 1;
const notes = [82.41, 110, 146.83, 196, 246.94, 329.63];
for (let t0 = 0, j = 0; t0 < n; t0 += FS / 2, j++) {
  const p = Math.round(FS / notes[j % notes.length]!);
  const buf = Float64Array.from({ length: p }, rnd);
  for (let i = 0, k = 0; i < FS && t0 + i < n; i++, k = (k + 1) % p) {
    const y = buf[k]!;
    buf[k] = 0.996 * 0.5 * (y + buf[(k + 1) % p]!);
    di[t0 + i]! += 0.3 * y;
  }
}
writeWav(path.join(OUT, 'di.wav'), [di], FS, 's24');
for (const [name, seed] of [
  ['ir-a.wav', 3],
  ['ir-b.wav', 4],
] as const) {
  random = mulberry32(seed);
  const ir = [0, 1].map(() => Float64Array.from({ length: FS }, (_, i) => 0.3 * rnd() * Math.exp(-i / 2400)));
  writeWav(path.join(OUT, name), ir, FS, 'f32');
}
const model = path.join(ROOT, 'fixtures', 'nam', 'wavenet_a1_standard.nam');
writeFileSync(
  path.join(OUT, 'rig.yaml'),
  [
    'chain:',
    '  - { type: gate, thresholdDb: -65 }',
    '  - { type: compressor, thresholdDb: -20, ratio: 3 }',
    `  - { type: amp, model: nam, file: ${JSON.stringify(model)}, tanh: fast }`,
    '  - { type: cab, ir: [ { file: ir-a.wav, levelDb: 0 }, { file: ir-b.wav, levelDb: -3 } ] }',
    '  - { type: eq, bands: [ { type: highpass, freqHz: 80 } ] }',
    '  - { type: delay, timeMs: 380, feedback: 0.25, mix: 0.15 }',
    '  - { type: reverb, decaySeconds: 1.2, mix: 0.1 }',
    'output: { normalize: loudness, targetLufs: -18 }',
  ].join('\n'),
);
const times: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = process.hrtime.bigint();
  const p = spawnSync(
    process.execPath,
    [SHUB, 'reamp', 'di.wav', '--rig', 'rig.yaml', '-o', 'out.wav', '-y', '--no-store'],
    { cwd: OUT, encoding: 'utf8' },
  );
  if (p.status !== 0) throw new Error(p.stderr);
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
process.stdout.write(
  `| reamp: full rig (gate, compressor, NAM A1-standard fast tanh, stereo cab 2 × 1 s IRs, EQ, delay, reverb; ` +
    `loudness-normalised) | ${SECONDS} s DI, 48 kHz | ${median.toFixed(2)} s wall (median of ${RUNS}: ` +
    `${times.map((t) => t.toFixed(2)).join(', ')}) | ${(SECONDS / median).toFixed(1)}× real time |\n`,
);
