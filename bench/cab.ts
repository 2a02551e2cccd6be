/**
 * Cabinet IR and built-in amp throughput (issue 14): a 1 s cabinet IR (48,000 taps) on a 5-minute
 * 48 kHz 24-bit mono DI, the whole stage (read + decode the DI with openAudio, cabStage: IR read,
 * partitioned FFT convolution, flush), against ffmpeg's `afir` on the same files in the same run
 * (the bundled @ffmpeg-installer binary, output discarded with `-f null`, one filter thread); and
 * the built-in amp's and the overdrive's real-time factors on the same DI. Material is generated
 * once into bench/out/cab/ (plucked-string DI, decaying-noise IR). Not part of `npm test`.
 *
 *   node dist/bench/cab.js [--minutes 5] [--block N] [--no-amp]
 *   (one core: taskset -c 0 env UV_THREADPOOL_SIZE=1 node dist/bench/cab.js)
 *
 * Prints wall and CPU seconds and real-time factors (audio seconds / CPU seconds, and / wall).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wavHeader } from '../src/io/wav.js';
import { openAudio } from '../src/io/audio.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';
import { cabStage } from '../src/engines/reamp/cab.js';
import { builtinAmpStage, overdriveStage } from '../src/engines/reamp/amp.js';
import { reampNative } from '../src/engines/reamp/amp-native.js';
import { mulberry32 } from '../src/engines/random.js';
import type { RigStage } from '../src/engines/reamp/stage.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 5);
const BLOCK = arg('block', 0);
const RATE = 48000;
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, '..', '..', 'bench', 'out', 'cab');
const DI = path.join(OUT, `di-${MINUTES}min.wav`);
const IR = path.join(OUT, 'ir-1s.wav');

function s24(buf: Buffer, at: number, v: number): void {
  buf.writeIntLE(Math.max(-8388608, Math.min(8388607, Math.round(v * 8388607))), at, 3);
}

/** Karplus–Strong plucks at random pitches every 0.25–0.6 s: a guitar-like DI, 24-bit mono. */
function writeDi(file: string): void {
  const frames = MINUTES * 60 * RATE;
  const fd = openSync(file, 'w');
  writeSync(fd, wavHeader({ sampleRate: RATE, channels: 1, format: 's24', dataBytes: frames * 3 }));
  const random = mulberry32(12345);
  const rnd = () => random() * 2 - 1;
  let line = new Float64Array(200);
  let pos = 0;
  let next = 0;
  const chunk = 48000;
  const buf = Buffer.alloc(chunk * 3);
  for (let at = 0; at < frames; at += chunk) {
    const n = Math.min(chunk, frames - at);
    for (let i = 0; i < n; i++) {
      if (at + i >= next) {
        const f = 82 * 2 ** ((Math.abs(rnd()) * 36) / 12);
        line = Float64Array.from({ length: Math.round(RATE / f) }, () => 0.4 * rnd());
        pos = 0;
        next = at + i + Math.round(RATE * (0.25 + 0.35 * Math.abs(rnd())));
      }
      const j = (pos + 1) % line.length;
      const v = line[pos]!;
      line[pos] = 0.996 * 0.5 * (v + line[j]!);
      pos = j;
      s24(buf, 3 * i, v);
    }
    writeSync(fd, buf, 0, n * 3);
  }
  closeSync(fd);
}

function writeIr(file: string): void {
  const random = mulberry32(777);
  const rnd = () => random() * 2 - 1;
  const buf = Buffer.alloc(RATE * 3);
  for (let i = 0; i < RATE; i++) s24(buf, 3 * i, 0.5 * rnd() * Math.exp((-6 * i) / RATE));
  const fd = openSync(file, 'w');
  writeSync(fd, wavHeader({ sampleRate: RATE, channels: 1, format: 's24', dataBytes: buf.length }));
  writeSync(fd, buf);
  closeSync(fd);
}

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

/** The DI through a stage, read and decoded block by block as a command would. */
async function throughStage(make: () => Promise<RigStage>): Promise<number> {
  const stage = await make();
  const src = await openAudio(DI, { ffmpeg: resolveFfmpeg() });
  let frames = 0;
  try {
    for (let b = await src.read(); b; b = await src.read()) {
      const planes = reampNative().reampDecodePcm(b.pcm, b.format, b.frames, 1);
      frames += (await stage.process(planes))[0]!.length;
    }
    frames += (await stage.flush())[0]!.length;
  } finally {
    await src.close();
  }
  return frames;
}

function ffmpegAfir(extra: string): Timing {
  const ff = resolveFfmpeg().path;
  const args = ['-hide_banner', '-nostats', '-filter_threads', '1', '-i', DI, '-i', IR];
  args.push('-filter_complex', `[0:a][1:a]afir=gtype=none${extra}`, '-f', 'null', '-');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', ff, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg afir failed: ${r.stderr.slice(-500)}`);
  const last = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall: last[0]!, cpu: last[1]! + last[2]! };
}

const fmt = (seconds: number, t: Timing) =>
  `wall ${t.wall.toFixed(2)} s (${(seconds / t.wall).toFixed(0)}× RT), CPU ${t.cpu.toFixed(2)} s ` +
  `(${(seconds / t.cpu).toFixed(0)}× RT)`;

mkdirSync(OUT, { recursive: true });
if (!existsSync(DI)) writeDi(DI);
if (!existsSync(IR)) writeIr(IR);
const seconds = MINUTES * 60;
console.log(`DI: ${seconds} s, 48 kHz 24-bit mono; IR: 1 s (48,000 taps); load ${process.env.LOAD ?? ''}`);

let frames = 0;
const cab = await timed(async () => {
  frames = await throughStage(() => cabStage([{ file: IR, levelDb: 0 }], RATE, BLOCK ? { blockSize: BLOCK } : {}));
});
if (frames !== seconds * RATE) throw new Error(`cab stage returned ${frames} frames`);
console.log(`shub cabStage${BLOCK ? ` (block ${BLOCK})` : ''}: ${fmt(seconds, cab)}`);
const af = ffmpegAfir('');
console.log(`ffmpeg afir (defaults): ${fmt(seconds, af)}`);
const afBig = ffmpegAfir(':minp=8192:maxp=8192');
console.log(`ffmpeg afir (minp=maxp=8192): ${fmt(seconds, afBig)}`);
console.log(
  `peer ratio (CPU): ${(af.cpu / cab.cpu).toFixed(1)}× faster than afir defaults, ` +
    `${(afBig.cpu / cab.cpu).toFixed(1)}× than afir 8192`,
);

if (!process.argv.includes('--no-amp')) {
  for (const voice of ['clean', 'crunch', 'lead'] as const) {
    const t = await timed(() => throughStage(async () => builtinAmpStage({ voice, gainDb: 12 }, RATE)));
    console.log(`built-in amp (${voice}, 16× preamp / 8× power amp): ${fmt(seconds, t)}`);
  }
  const od = await timed(() => throughStage(async () => overdriveStage({}, RATE)));
  console.log(`overdrive (16×): ${fmt(seconds, od)}`);
}
