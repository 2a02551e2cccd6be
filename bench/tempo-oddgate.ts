/**
 * The "no beat" gate at bar lags (h-tempo15, issue 12 point 2): for the odd-meter files the gate calls beatless
 * (held-out 11, the odd-meter tuning set) and for speech and noise, the gate's statistic (zRef, the best comb
 * periodicity in σ of the envelope's own spread) next to the envelope autocorrelation at a 5- or 7-beat bar lag in
 * the same σ: at the true beat for the music, the largest over the tempo grid (40–240 BPM) for speech and noise.
 *
 *   node dist/bench/tempo-oddgate.js
 *
 * Not part of `npm test`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { TruthFile } from '../fixtures/groundtruth.js';
import { tempo11OddSet, tempo11Set } from '../fixtures/tempo11.js';
import { noise, pinkNoise, speechLike, writeWav } from '../fixtures/signals.js';
import { autocorrelation, envelopeEvidence, estimateTempo } from '../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS } from '../src/engines/analysis/params.js';
import { features } from './tempo-features.js';

const OUT = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'), 'bench', 'out');

function nonMusic(): TruthFile[] {
  const dir = path.join(OUT, 'tempo-gate');
  mkdirSync(dir, { recursive: true });
  const out: TruthFile[] = [];
  const add = (name: string, make: (file: string) => void) => {
    const file = path.join(dir, `${name}.wav`);
    if (!existsSync(file)) make(file);
    if (existsSync(file)) out.push({ name, file, kind: 'loop', bpm: 0, beats: [], downbeats: [] });
  };
  for (const seed of [3, 11, 21, 33, 47])
    add(`speechlike-${seed}`, (f) => writeWav(f, [speechLike(20, 44100, seed)], 44100, 's16'));
  add('white-5', (f) => writeWav(f, [noise(20 * 44100, 0.3, 5)], 44100, 's16'));
  add('pink-6', (f) => writeWav(f, [pinkNoise(20 * 44100, 0.3, 6)], 44100, 's16'));
  const words = 'One, two, three, four, five, six, seven, eight, nine, ten. Counting at a steady pace is not a beat.';
  add('espeak-en-us-2', (f) => spawnSync('espeak-ng', ['-v', 'en-us', '-w', f, words]));
  return out;
}

const music = [
  ...tempo11Set(path.join(OUT, 'tempo-heldout11')).files,
  ...tempo11OddSet(path.join(OUT, 'tempo-odd-tuning')).files,
];
console.log('| file | gate zRef (full / beat env) | bar-lag z: 5 beats | 7 beats | tempo |');
console.log('|---|---|---|---|---|');
for (const t of [...music, ...nonMusic()]) {
  const { input } = await features(t);
  const fr = 1 / input.hopSeconds;
  const tempo = estimateTempo(input);
  if (t.bpm > 0 && tempo.bpm !== null) continue;
  const low = input.odfLow!;
  const beatEnv = Float64Array.from(input.odf, (v, i) => v + (low[i] ?? 0));
  const ev = [envelopeEvidence(input.odf, fr), envelopeEvidence(beatEnv, fr)];
  const barZ = (m: number) => {
    let best = 0;
    for (const env of [input.odf, beatEnv]) {
      const r = autocorrelation(env, Math.ceil((m * 60 * fr) / 40) + 2);
      const J = Math.max(1, Math.round(TEMPO_PARAMETERS.periodicityShortLagSeconds.value * fr));
      let s2 = 0;
      for (let j = 1; j <= J; j++) s2 += r[j]! ** 2;
      const sd = Math.sqrt(
        (1 + 2 * s2) / Math.min(env.length, Math.round(TEMPO_PARAMETERS.periodicityReferenceSeconds.value * fr)),
      );
      const bpms = t.bpm > 0 ? [t.bpm] : Array.from({ length: 401 }, (_, k) => 40 + k / 2);
      for (const bpm of bpms) {
        const lag = (m * 60 * fr) / bpm;
        let v = 0;
        for (let d = -1; d <= 1; d++) v = Math.max(v, r[Math.round(lag) + d] ?? 0);
        best = Math.max(best, v / sd);
      }
    }
    return best;
  };
  console.log(
    `| ${t.name} | ${ev[0]!.zRef.toFixed(1)} / ${ev[1]!.zRef.toFixed(1)} | ${barZ(5).toFixed(1)} | ` +
      `${barZ(7).toFixed(1)} | ${tempo.bpm ?? 'none'} |`,
  );
}
