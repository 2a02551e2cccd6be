/**
 * Mixer throughput: 32 tracks × 5 minutes (24 mono + 8 stereo 24-bit 48 kHz stems, generated
 * once into bench/out/mix/), each with a 3-band EQ and a compressor, two buses (a group
 * compressor and a reverb return), master EQ + compressor; rendered by `mix()` in-process.
 * Run on one core and measure memory:
 *   taskset -c 0 /usr/bin/time -v node dist/bench/mix.js [--tracks 32] [--minutes 5]
 * Prints the real-time factor (audio seconds / wall seconds).
 */
import { existsSync, mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { wavHeader } from '../src/io/wav.js';
import { JsonStore } from '../src/store/json.js';
import { mix } from '../src/commands/mix.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TRACKS = arg('tracks', 32);
const MINUTES = arg('minutes', 5);
/** --no-compressor: the same session without track compressors (to see their share). */
const COMPRESSORS = !process.argv.includes('--no-compressor');
const RATE = 48000;
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, '..', '..', 'bench', 'out', 'mix');

/** A stem: decaying noise bursts on a beat grid plus a low sine, 24-bit, written in chunks. */
function writeStem(file: string, channels: number, seed: number): void {
  const frames = MINUTES * 60 * RATE;
  const fd = openSync(file, 'w');
  writeSync(fd, wavHeader({ sampleRate: RATE, channels, format: 's24', dataBytes: frames * channels * 3 }));
  const chunk = 48000;
  const buf = Buffer.alloc(chunk * channels * 3);
  let s = seed >>> 0 || 1;
  const period = Math.round(RATE * (0.25 + (seed % 7) * 0.05));
  const f0 = 40 + seed * 17;
  for (let at = 0; at < frames; at += chunk) {
    const n = Math.min(chunk, frames - at);
    let p = 0;
    for (let i = 0; i < n; i++) {
      const t = at + i;
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      const env = Math.exp(-((t % period) / (0.05 * RATE)));
      const x = 0.3 * env * ((s / 0xffffffff) * 2 - 1) + 0.1 * Math.sin((2 * Math.PI * f0 * t) / RATE);
      for (let c = 0; c < channels; c++) {
        const v = Math.max(-8388608, Math.min(8388607, Math.round(x * (c ? 0.9 : 1) * 8388607)));
        buf.writeIntLE(v, p, 3);
        p += 3;
      }
    }
    writeSync(fd, buf, 0, p);
  }
  closeSync(fd);
}

const COMPRESSOR_LINE = '    compressor: { thresholdDb: -20, ratio: 3, attackMs: 10, releaseMs: 120 }\n';
const SEND_LINE = '    sends: [ { bus: Verb, levelDb: -15 } ]\n';

async function main() {
  mkdirSync(OUT, { recursive: true });
  const tracks: string[] = [];
  for (let i = 0; i < TRACKS; i++) {
    const channels = i % 4 === 3 ? 2 : 1;
    const name = `stem-${MINUTES}min-${String(i).padStart(2, '0')}-${channels}ch.wav`;
    if (!existsSync(path.join(OUT, name))) {
      process.stderr.write(`generating ${name}\n`);
      writeStem(path.join(OUT, name), channels, i + 1);
    }
    tracks.push(`  - name: T${i}
    file: ${name}
    pan: ${((i % 9) - 4) / 4}
    eq:
      - { type: highpass, freqHz: 40 }
      - { type: peak, freqHz: ${300 + 100 * i}, gainDb: -2, q: 1.5 }
      - { type: highshelf, freqHz: 8000, gainDb: 1.5 }
${COMPRESSORS ? COMPRESSOR_LINE : ''}${i % 8 === 0 ? '    output: Group\n' : ''}${i % 5 === 0 ? SEND_LINE : ''}`);
  }
  const recipe = path.join(OUT, `bench-${TRACKS}x${MINUTES}${COMPRESSORS ? '' : '-nocomp'}.yaml`);
  writeFileSync(
    recipe,
    `sampleRate: ${RATE}
tailSeconds: 0
tracks:
${tracks.join('')}buses:
  - name: Group
    compressor: { thresholdDb: -18, ratio: 2 }
  - name: Verb
    reverb: { decaySeconds: 1.5 }
master:
  eq: [ { type: lowshelf, freqHz: 80, gainDb: 1 } ]
  compressor: { thresholdDb: -12, ratio: 2 }
`,
  );
  const store = new JsonStore(path.join(OUT, 'store'));
  const t0 = process.hrtime.bigint();
  const { result } = await mix({
    recipe,
    output: path.join(OUT, 'mix.wav'),
    overwrite: true,
    ffmpeg: resolveFfmpeg(),
    store,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const audio = result.durationSeconds;
  process.stdout.write(
    `${TRACKS} tracks × ${MINUTES} min: rendered ${audio.toFixed(1)} s of audio in ${seconds.toFixed(2)} s = ` +
      `${(audio / seconds).toFixed(1)}× real time (${result.levels.integratedLufs} LUFS)\n`,
  );
}

await main();
