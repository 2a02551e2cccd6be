/**
 * `shub comp` take choice against the by-construction best (issue 15): songs of two-bar sections
 * sung four times by fixtures/voice.ts with one clean take per section and one defect on each
 * other take there (fixtures/takes.ts). Tuning set: the tenor, seeds 1–4 (the measures' scales
 * and weights were set on it); held out: baritone, alto and soprano with other seeds, tonics and
 * tempi. Per reference (MIDI guide, guide vocal, none = consensus): sections where the chosen take
 * is the clean one. Every section here is "clearly best" (exactly one clean take).
 * Usage: node dist/bench/comp-eval.js [--verbose] [--set tuning|held-out]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeTakeSet, type TakeSetOptions } from '../fixtures/takes.js';
import { VOICES } from '../fixtures/voice.js';
import { writeWav } from '../fixtures/signals.js';
import { writeMidi } from '../fixtures/midi.js';
import { comp } from '../src/commands/comp.js';
import { NoStore } from '../src/store/none.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';

const FS = 22050;
export const TUNING: TakeSetOptions[] = [1, 2, 3, 4].map((seed) => ({
  seed,
  sections: 6,
  takes: 4,
  sampleRate: FS,
  voice: VOICES.tenor,
}));
export const HELD_OUT: TakeSetOptions[] = [
  { seed: 201, voice: VOICES.baritone, tonic: 50, bpm: 92 },
  { seed: 202, voice: VOICES.alto, tonic: 60, bpm: 108 },
  { seed: 203, voice: VOICES.soprano, tonic: 67, bpm: 100 },
  { seed: 204, voice: VOICES.baritone, tonic: 52, bpm: 120 },
  { seed: 205, voice: VOICES.alto, tonic: 58, bpm: 84 },
  { seed: 206, voice: VOICES.soprano, tonic: 69, bpm: 96 },
  { seed: 207, voice: VOICES.baritone, tonic: 48, bpm: 104 },
  { seed: 208, voice: VOICES.alto, tonic: 62, bpm: 112 },
  { seed: 209, voice: VOICES.soprano, tonic: 65, bpm: 90 },
  { seed: 210, voice: VOICES.alto, tonic: 57, bpm: 100 },
].map((o) => ({ ...o, sections: 7, takes: 4, sampleRate: FS }));

type Mode = 'midi' | 'guide' | 'none';
const MODES: Mode[] = ['midi', 'guide', 'none'];

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const which = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : 'both';
  const ffmpeg = resolveFfmpeg(undefined, undefined, process.env, null);
  const sets: [string, TakeSetOptions[]][] = [];
  if (which !== 'held-out') sets.push(['tuning', TUNING]);
  if (which !== 'tuning') sets.push(['held-out', HELD_OUT]);
  for (const [name, specs] of sets) {
    const right: Record<Mode, number> = { midi: 0, guide: 0, none: 0 };
    let total = 0;
    const misses: string[] = [];
    for (const spec of specs) {
      const dir = mkdtempSync(path.join(tmpdir(), 'shub-comp-eval-'));
      try {
        const set = makeTakeSet(spec);
        const takes = set.takes.map((t, k) => {
          const file = path.join(dir, `take${k + 1}.wav`);
          writeWav(file, [t], FS, 'f32');
          return file;
        });
        writeWav(path.join(dir, 'guide.wav'), [set.guide], FS, 'f32');
        writeFileSync(
          path.join(dir, 'guide.mid'),
          writeMidi(set.bpm, [{ channel: 0, program: 52, notes: set.melody }]),
        );
        writeFileSync(
          path.join(dir, 'sections.yaml'),
          set.sections
            .map((s) => `- { name: ${s.name}, startSeconds: ${s.startSeconds}, endSeconds: ${s.endSeconds} }`)
            .join('\n'),
        );
        total += set.sections.length;
        for (const mode of MODES) {
          const r = await comp({
            ffmpeg,
            store: new NoStore(),
            takes,
            output: path.join(dir, `comp-${mode}.wav`),
            sections: path.join(dir, 'sections.yaml'),
            ...(mode === 'midi' ? { guide: path.join(dir, 'guide.mid') } : {}),
            ...(mode === 'guide' ? { guide: path.join(dir, 'guide.wav') } : {}),
            ...(mode === 'none' ? { key: set.key } : {}),
          });
          r.sections.forEach((s, i) => {
            if (s.chosen === set.best[i]) right[mode]++;
            else {
              const d = set.defects
                .filter((x) => x.section === i)
                .map((x) => `${x.take}:${x.kind}:${Math.round(x.amount)}`)
                .join(' ');
              misses.push(
                `${mode} seed ${spec.seed} ${s.name}: chose ${s.chosen}, clean ${set.best[i]} (${d}); ${s.why}`,
              );
            }
          });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const pct = (x: number) => `${x}/${total} (${((100 * x) / total).toFixed(1)} %)`;
    console.log(
      `${name}: ${specs.length} songs, ${total} sections; chosen = clean take: MIDI guide ${pct(right.midi)}, ` +
        `guide vocal ${pct(right.guide)}, no guide (key) ${pct(right.none)}`,
    );
    if (verbose) for (const m of misses) console.log(`  ${m}`);
  }
}

await main();
