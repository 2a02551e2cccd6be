/**
 * Where the beats go wrong (h-tempo7): for each file of the numbered tempo sets, in process (envelopes cached by
 * tempo-features.ts), the tempo, beat F (±70 ms) and, on the files whose tempo is right, how the beats sit against
 * the truth: the median signed offset of the matched beats, the share of beats on the off-beat (half a period
 * away) and the share of the truth beats missed or extra. Summaries by kind (songs, drum files).
 *
 *   node dist/bench/tempo-beats.js --held-out-5 [--held-out-4] [--held-out-6] [--files]
 *
 * Not part of `npm test`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { TruthFile } from '../fixtures/groundtruth.js';
import { tempoAcc1Set } from '../fixtures/tempotruth.js';
import { tempo4Set } from '../fixtures/tempo4.js';
import { tempo5Set } from '../fixtures/tempo5.js';
import { tempo6Set } from '../fixtures/tempo6.js';
import { estimateTempoWithDecision } from '../src/engines/tempo/index.js';
import { features } from './tempo-features.js';
import { fMeasure, matchEvents } from './metrics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const FILES = process.argv.includes('--files');

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

async function report(label: string, files: TruthFile[]) {
  const rows: { kind: string; ok: boolean; f: number; off: number; offbeat: number; name: string }[] = [];
  for (const t of files) {
    const { input } = await features(t);
    const { tempo } = estimateTempoWithDecision(input);
    const ok = tempoAcc1Set(tempo.bpm, t);
    const m = matchEvents(tempo.beats, t.beats, 0.07);
    const f = fMeasure(m);
    const period = 60 / t.bpm;
    // share of estimated beats nearer the truth's off-beat than to a truth beat
    let off = 0;
    for (const b of tempo.beats) {
      const phase = ((((b - t.beats[0]!) / period) % 1) + 1) % 1;
      if (Math.abs(phase - 0.5) < 0.25) off++;
    }
    const offbeat = tempo.beats.length ? off / tempo.beats.length : 0;
    const r = {
      kind: t.kind === 'song' ? 'song' : 'drum',
      ok,
      f,
      off: median(m.offsets) * 1000,
      offbeat,
      name: t.name,
    };
    rows.push(r);
    if (FILES)
      console.log(
        `${t.name}\t${t.bpm}\t${tempo.bpm}\t${ok ? 'ok' : 'MISS'}\tF ${f.toFixed(3)}\toffset ${r.off.toFixed(1)} ms\t` +
          `off-beat ${offbeat.toFixed(2)}\tbeats ${tempo.beats.length}/${t.beats.length}`,
      );
  }
  for (const kind of ['song', 'drum']) {
    const k = rows.filter((r) => r.kind === kind);
    const ok = k.filter((r) => r.ok);
    const offPhase = ok.filter((r) => r.offbeat > 0.5);
    console.log(
      `${label} ${kind}s: ${k.length}, Acc1 ${ok.length}; beat F all ${mean(k.map((r) => r.f)).toFixed(3)}, ` +
        `right tempo ${mean(ok.map((r) => r.f)).toFixed(3)}, wrong tempo ${mean(
          k.filter((r) => !r.ok).map((r) => r.f),
        ).toFixed(3)}; right tempo on the off-beat: ${offPhase.length}; right tempo and in phase: F ${mean(
          ok.filter((r) => r.offbeat <= 0.5).map((r) => r.f),
        ).toFixed(3)}, median offset ${median(ok.map((r) => r.off)).toFixed(1)} ms`,
    );
  }
}

const sets: [string, string, (d: string) => { files: TruthFile[] }][] = [
  ['--held-out-4', 'tempo-heldout4', tempo4Set],
  ['--held-out-5', 'tempo-heldout5', tempo5Set],
  ['--held-out-6', 'tempo-heldout6', tempo6Set],
];
for (const [flag, dir, make] of sets) {
  if (!process.argv.includes(flag)) continue;
  const d = path.join(OUT, dir);
  mkdirSync(d, { recursive: true });
  await report(flag.slice(2), make(d).files);
}
