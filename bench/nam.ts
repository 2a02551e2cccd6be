/**
 * Benchmark of the Neural Amp Modeler runner (issue 14: the A1-standard WaveNet ≥ 8× faster than
 * `@opendaw/nam-wasm` in the same run, and ≥ 30× real time on one core at 48 kHz, whole process), default
 * `tanh: fast`, on a Karplus–Strong DI at 48 kHz (fixtures/nam-models.ts pluckedDi):
 * - in process: shub's native runner (the addon, blocks of 8192 frames) and nam-wasm (the reference core in
 *   WebAssembly, blocks of 4096) on the same DI, CPU seconds per second of audio; the outputs are compared;
 * - whole process: `shub reamp DI --rig nam.yaml` (the amp alone, no normalisation) pinned to one core with
 *   `taskset -c 0`, wall time from spawn to exit (node start-up, decode, model load and prewarm, write).
 * Not part of `npm test`.
 *
 * - with `--core PATH`: the reference C++ core's own `benchmodel` tool (NeuralAmpModelerCore/tools, built
 *   by you, e.g. `g++ -O3 -march=native -std=c++20 -DNDEBUG -I. -I/usr/include/eigen3 -IDependencies/nlohmann
 *   NAM/*.cpp NAM/wavenet/*.cpp tools/benchmodel.cpp`; nothing of it is in this repository) on the same model, pinned
 *   to one core: it runs 2 s of audio at 48 kHz in 64-frame buffers and prints the milliseconds it took.
 *
 *   node dist/bench/nam.js [--runs 3] [--seconds 60] [--wasm-seconds 20] [--model fixtures/nam/x.nam] [--core PATH]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffDb, pluckedDi } from '../fixtures/nam-models.js';
import { writeWav } from '../fixtures/signals.js';
import { loadNam, nativeNamModel } from '../src/engines/reamp/nam.js';
import { namWasmRun } from '../test/helpers/nam-wasm.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out', 'nam');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('--runs', '3'));
const SECONDS = Number(arg('--seconds', '60'));
const WASM_SECONDS = Number(arg('--wasm-seconds', '20'));
const MODEL = path.resolve(ROOT, arg('--model', 'fixtures/nam/wavenet_a1_standard.nam'));
const CORE = arg('--core', '');
const FS = 48000;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
/** CPU seconds of this process (user + system) while f runs. */
async function cpu<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number; wall: number }> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await f();
  const c = process.cpuUsage(c0);
  return { value, seconds: (c.user + c.system) / 1e6, wall: Number(process.hrtime.bigint() - t0) / 1e9 };
}

mkdirSync(OUT, { recursive: true });
const di = pluckedDi(SECONDS, FS);
writeWav(path.join(OUT, 'di.wav'), [Float64Array.from(di)], FS, 'f32');
const model = await loadNam(MODEL);

// in process: shub
const shubRuns: { seconds: number; wall: number }[] = [];
let y = new Float32Array(0);
for (let r = 0; r < RUNS; r++) {
  const run = await cpu(async () => {
    const nam = nativeNamModel(model, { tanh: 'fast', sampleRate: FS });
    const out = new Float32Array(di.length);
    for (let at = 0; at < di.length; at += 8192) out.set(await nam.process(di.subarray(at, at + 8192)), at);
    return out;
  });
  y = run.value;
  shubRuns.push(run);
}
const shubCpu = median(shubRuns.map((r) => r.seconds)) / SECONDS;
// in process: nam-wasm on the first WASM_SECONDS of the same DI
const part = di.subarray(0, WASM_SECONDS * FS);
const wasm = await cpu(() => namWasmRun(readFileSync(MODEL, 'utf8'), FS, part));
const wasmCpu = wasm.seconds / WASM_SECONDS;
const agreement = diffDb(wasm.value, y.subarray(0, part.length));

// whole process, one core
writeFileSync(
  path.join(OUT, 'nam.yaml'),
  [
    'chain:',
    `  - { type: amp, model: nam, file: ${JSON.stringify(MODEL)}, tanh: fast }`,
    'output: { normalize: none }',
  ].join('\n'),
);
const rest = ['--rig', 'nam.yaml', '-o', 'out.wav', '-y', '--no-store'];
const walls: number[] = [];
const cpus: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = process.hrtime.bigint();
  // /usr/bin/time reports the CPU seconds of the process and its children (user, system)
  const p = spawnSync(
    '/usr/bin/time',
    ['-f', 'cpu %U %S', 'taskset', '-c', '0', process.execPath, SHUB, 'reamp', 'di.wav', ...rest],
    { cwd: OUT, encoding: 'utf8', input: '' },
  );
  walls.push(Number(process.hrtime.bigint() - t0) / 1e9);
  if (p.status !== 0) throw new Error(p.stderr);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(p.stderr);
  if (!m) throw new Error(`no CPU time in: ${p.stderr}`);
  cpus.push(Number(m[1]) + Number(m[2]));
}
const wall = median(walls);
const list = (v: number[]) => v.map((t) => t.toFixed(2)).join(', ');
const name = path.basename(MODEL);
const lines = [
  `model ${name}, ${SECONDS} s DI at 48 kHz (nam-wasm on the first ${WASM_SECONDS} s), tanh fast, ${RUNS} runs`,
  `| runner | CPU s per s of audio | real time | vs nam-wasm |`,
  `|---|---|---|---|`,
  `| shub native, in process (median of ${RUNS}: ${shubRuns.map((r) => r.seconds.toFixed(2)).join(', ')} s CPU) | ` +
    `${shubCpu.toFixed(4)} | ${(1 / shubCpu).toFixed(1)}× | ${(wasmCpu / shubCpu).toFixed(1)}× faster |`,
  `| @opendaw/nam-wasm, in process (${wasm.seconds.toFixed(2)} s CPU) | ${wasmCpu.toFixed(4)} | ` +
    `${(1 / wasmCpu).toFixed(1)}× | 1× |`,
  `| \`shub reamp\` whole process, taskset -c 0, CPU (median of ${RUNS}: ${list(cpus)}` +
    ` s) | ${(median(cpus) / SECONDS).toFixed(4)} | ${(SECONDS / median(cpus)).toFixed(1)}× | |`,
  `| \`shub reamp\` whole process, taskset -c 0, wall (median of ${RUNS}: ${list(walls)}` +
    ` s) | ${(wall / SECONDS).toFixed(4)} | ${(SECONDS / wall).toFixed(1)}× | |`,
  `shub vs nam-wasm on the same ${WASM_SECONDS} s: ${agreement.toFixed(1)} dB relative RMS difference`,
];
if (CORE) {
  // the reference core: benchmodel times its own loop over 2 s of audio (after loading the model)
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const p = spawnSync('taskset', ['-c', '0', CORE, MODEL], { encoding: 'utf8' });
    const m = /([\d.]+)ms\s*$/m.exec(p.stdout);
    if (p.status !== 0 || !m) throw new Error(`--core ${CORE}: ${p.stderr || p.stdout}`);
    ms.push(Number(m[1]));
  }
  const coreCpu = median(ms) / 1000 / 2;
  lines.push(
    `reference core benchmodel (-O3 -march=native, 64-frame buffers, taskset -c 0; median of ${RUNS}: ` +
      `${ms.map((v) => v.toFixed(1)).join(', ')} ms for 2 s): ${(1 / coreCpu).toFixed(1)}× real time; ` +
      `shub in process is ${(coreCpu / shubCpu).toFixed(2)}× its speed`,
  );
}
process.stdout.write(lines.join('\n') + '\n');
