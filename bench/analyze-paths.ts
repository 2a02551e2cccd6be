/**
 * Where `shub analyze F --json` (all features) spends its CPU, piece by piece, each piece alone in this process
 * (CPU seconds, user + system, all threads: a figure the machine's load barely moves), and the longest
 * single-thread path that follows: on 2 idle cores the wall time is about max(CPU / 2, that path).
 *
 *   node dist/bench/analyze-paths.js [F] [--reps N]
 *
 * (F: default bench/out/music-6min-48k-24bit.wav; `npm run bench` makes it.) With --reps N each piece is measured N
 * times and the least CPU is kept: on a loaded machine the other processes only ever add to a piece's CPU time.
 *
 * Pieces: reading the file with its sha256 (no consumer); each native consumer of the audio pass alone (the
 * level meter, the shared STFT, the onset flux, the pitch tracker), less the reading; the pitch HMM's decoding
 * (its finish); the post-processing tasks (onsets, tempo, key), each one call on this thread.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAudio } from '../src/io/audio.js';
import type { AudioFormat } from '../src/io/format.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';
import { createLevelMeter } from '../src/engines/levels/index.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import { feedSource, type PcmSink } from '../src/engines/analysis/pipeline.js';
import { stftLayout } from '../src/engines/analysis/params.js';
import { onsets, tempo, key } from '../src/commands/analyze-post.js';
import type { FeatureReport } from '../src/native.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const repsAt = args.indexOf('--reps');
const reps = repsAt >= 0 ? Math.max(1, Number(args.splice(repsAt, 2)[1]) || 1) : 1;
const file = args[0] ?? path.join(ROOT, 'bench', 'out', 'music-6min-48k-24bit.wav');

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

/** The least CPU of `reps` audio passes through `make()`'s consumers (feed and finish apart). */
async function pass(make: (f: AudioFormat) => PcmSink[]) {
  let best = await pass1(make);
  for (let i = 1; i < reps; i++) {
    const r = await pass1(make);
    best = { feed: Math.min(best.feed, r.feed), finish: Math.min(best.finish, r.finish), reports: best.reports };
  }
  return best;
}

/** CPU seconds of one audio pass through `make()`'s consumers, and what finish gives back. */
async function pass1(make: (f: AudioFormat) => PcmSink[]) {
  const source = await openAudio(file, { ffmpeg: resolveFfmpeg() });
  try {
    const sinks = make(source.format);
    const c0 = cpu();
    await feedSource(source, sinks);
    await source.sha256();
    const c1 = cpu();
    const reports: FeatureReport[] = [];
    for (const s of sinks) {
      const fx = s as Partial<{ finishAsync(): Promise<FeatureReport> }>;
      if (fx.finishAsync) reports.push(await fx.finishAsync());
    }
    return { feed: c1 - c0, finish: cpu() - c1, reports };
  } finally {
    await source.close();
  }
}

const load0 = loadavg()[0]!;
const only = (f: { frames: number | null }) => ({ expectedFrames: f.frames ?? 0, fineEnvelope: false });
const read = await pass(() => []);
const meter = await pass((f) => [createLevelMeter(f, { curves: false })]);
const stft = await pass((f) => [
  createFeatureExtractor(f, { spectrum: true, pitch: false }, {}, { expectedFrames: f.frames ?? 0 }),
]);
const flux = await pass((f) => [
  createFeatureExtractor(f, { spectrum: false, pitch: false, onsets: true }, {}, only(f)),
]);
const yin = await pass((f) => [createFeatureExtractor(f, { spectrum: false, pitch: true }, {}, only(f))]);

const source = await openAudio(file, { ffmpeg: resolveFfmpeg() });
const { sampleRate } = source.format;
await source.close();
const { windowSamples } = stftLayout(sampleRate);
const r = { ...stft.reports[0]!, ...pick(flux.reports[0]!) };
function pick(f: FeatureReport) {
  return { onsetFlux: f.onsetFlux, onsetFluxGroups: f.onsetFluxGroups, onsetHopSeconds: f.onsetHopSeconds };
}
const timed = (fn: () => unknown) => {
  const c0 = cpu();
  fn();
  return cpu() - c0;
};
// the engines' first call also compiles them: the second call is timed
const post = {
  onsets: () => onsets({ report: r, sampleRate, windowSamples }),
  tempo: () => tempo({ report: r, sampleRate, windowSamples }),
  key: () => key({ report: r, file }),
};
const postCpu = Object.fromEntries(
  Object.entries(post).map(([k, fn]) => {
    timed(fn);
    let best = timed(fn);
    for (let i = 1; i < reps; i++) best = Math.min(best, timed(fn));
    return [k, best];
  }),
) as Record<keyof typeof post, number>;

const rows: [string, number][] = [
  ['read + sha256 (main thread)', read.feed],
  ['level meter', meter.feed - read.feed],
  ['shared STFT (spectral, tempo and key series)', stft.feed - read.feed],
  ['onset flux (second STFT)', flux.feed - read.feed],
  ['pitch: decimation, YIN, candidates, HMM forward', yin.feed - read.feed],
  ['pitch: Viterbi decoding (finish)', yin.finish],
  ['post: onsets', postCpu.onsets],
  ['post: tempo (with its own mel onsets)', postCpu.tempo],
  ['post: key', postCpu.key],
];
console.log(
  `file: ${file}; least of ${reps} run(s) per piece; load average ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`,
);
console.log('| piece | CPU s |\n|---|---|');
for (const [k, v] of rows) console.log(`| ${k} | ${v.toFixed(3)} |`);
const sinks = [meter.feed - read.feed, stft.feed - read.feed, flux.feed - read.feed, yin.feed - read.feed];
const passSum = sinks.reduce((a, b) => a + b, 0) + read.feed;
const after = [yin.finish, postCpu.onsets, postCpu.tempo, postCpu.key];
const afterSum = after.reduce((a, b) => a + b, 0);
/** On 2 cores: at least half the work, and at least the longest single-thread piece. */
const path2 = (sum: number, ...pieces: number[]) => Math.max(sum / 2, ...pieces);
const passNow = path2(passSum, ...sinks);
const afterNow = path2(afterSum, yin.finish, postCpu.onsets, postCpu.tempo);
// the layout before (h-speed3): the onset flux inside the shared STFT's consumer, onsets then tempo on one thread
const passThen = path2(passSum, sinks[0]!, sinks[1]! + sinks[2]!, sinks[3]!);
const afterThen = path2(afterSum, yin.finish, postCpu.onsets + postCpu.tempo);
console.log(
  `\naudio pass: ${passSum.toFixed(3)} CPU s, on 2 cores at least ${passNow.toFixed(3)} s; after it: ` +
    `${afterSum.toFixed(3)} CPU s, at least ${afterNow.toFixed(3)} s; longest path ≈ ` +
    `${(passNow + afterNow).toFixed(3)} s plus start-up. The same pieces laid out as before (flux inside the ` +
    `STFT's consumer, onsets then tempo on one thread): ${(passThen + afterThen).toFixed(3)} s.`,
);
