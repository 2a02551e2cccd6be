/**
 * Rig variations, their blend, and matching a reference (issue 14 point 5).
 *
 * - `--variations N`: variant 1 is the rig as written; the others move the amp's input gain (±step,
 *   a gain just before the first amp or overdrive) and the blend of the cab's first two IRs (the
 *   "mic mix": first IR up by half the tilt, second down by half), in a fixed order. Moves the
 *   rig cannot make (no amp, fewer than two IRs) are skipped. Each print's third-octave tonal
 *   balance (the analysis engine's, src/engines/spectral) is measured and logged.
 * - `--blend`: the chosen variants' prints averaged sample by sample (they share the DI, so they
 *   are time-aligned), then normalised like any print.
 * - `--match ref.wav`: the print's tonal balance against the reference's, fitted with peaking
 *   filters by the master engine's matcher (src/engines/master/plan.ts matchTonalBalance) and run
 *   over the print as an EQ (the mix engine's biquads) before the normalisation.
 */
import { InputError } from '../../errors.js';
import { openAudio } from '../../io/audio.js';
import type { FfmpegChoice } from '../../io/ffmpeg.js';
import { removeTemporary, temporarySibling } from '../../io/atomic.js';
import type { Decision } from '../../store/types.js';
import { matchTonalBalance } from '../master/plan.js';
import { measureTonalBalance, toOctaveBands, type TonalBand } from '../spectral/index.js';
import { VARIATION_PARAMETERS } from './params.js';
import { copyThrough, Decoder, MeteredWriter, type PrintMeasure, type Variant } from './chain.js';
import { pedalStage } from './pedals.js';
import type { RigStage } from './stage.js';

/** The moves in order, in steps (amp gain steps, IR tilt steps). */
const MOVES: readonly [number, number][] = [
  [0, 0],
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
  [2, 0],
  [-2, 0],
  [0, 2],
  [0, -2],
  [2, 2],
  [-2, -2],
  [2, -2],
  [-2, 2],
];

/** N variants of a rig that has (or not) an amp and a cab of two or more IRs. */
export function variants(count: number, canAmp: boolean, canTilt: boolean): Variant[] {
  const a = VARIATION_PARAMETERS.ampGainStepDb.value;
  const t = VARIATION_PARAMETERS.irTiltStepDb.value;
  const usable = MOVES.filter(([x, y]) => (canAmp || x === 0) && (canTilt || y === 0));
  return usable.slice(0, count).map(([x, y]) => ({ ampGainDb: x * a, irTiltDb: y * t }));
}

/** Octave bands of a tonal balance, as a compact log value. */
export function octaveSummary(bands: TonalBand[] | null): { hz: number; db: number | null }[] {
  if (!bands) return [];
  return toOctaveBands(bands).map((b) => ({
    hz: Math.round(Math.sqrt(b.bandHz[0] * b.bandHz[1])),
    db: b.levelDb,
  }));
}

/** A reference's third-octave tonal balance (read once per run). */
export async function referenceBalance(file: string, ffmpeg: FfmpegChoice): Promise<TonalBand[]> {
  const source = await openAudio(file, { ffmpeg });
  try {
    return await measureTonalBalance(source);
  } finally {
    await source.close();
  }
}

/** The matching EQ of a print against a reference, as an EQ stage and its decision. */
export function matchStage(
  measure: PrintMeasure,
  reference: { file: string; balance: TonalBand[] },
  sampleRate: number,
  channels: 1 | 2,
  file: string,
): { stages: RigStage[]; decisions: Decision[] } | null {
  if (!measure.tonalBalance) return null;
  const fit = matchTonalBalance(measure.tonalBalance, reference.balance, sampleRate);
  const decision: Decision = {
    engine: 'reamp.match',
    decision: 'eqBands',
    value: fit.bands,
    reason:
      `match ${reference.file}'s tonal balance: third-octave differences (mean removed) fitted with ` +
      `${fit.bands.length} peaking filters by the master engine's matcher; residual ${fit.residualDb.toFixed(2)} dB ` +
      'per band',
    inputs: { file, reference: reference.file, wantDb: fit.wantDb, bandsHz: fit.bandsHz },
  };
  if (fit.bands.length === 0) return { stages: [], decisions: [decision] };
  return {
    stages: [pedalStage({ type: 'eq', bands: fit.bands }, channels, sampleRate, 'match eq')],
    decisions: [decision],
  };
}

/**
 * The average of time-aligned float prints (same rate, width and length) into `output`,
 * normalised by `gainFor` (from the blend's first-pass measure). Two passes, bounded memory.
 */
export async function blendPrints(
  files: string[],
  output: string,
  sampleRate: number,
  channels: 1 | 2,
  gainFor: (m: PrintMeasure) => number,
  ffmpeg: FfmpegChoice,
): Promise<{ measure: PrintMeasure & { sha256: string | null }; gainDb: number }> {
  const tmp = temporarySibling(output, '.wav');
  try {
    const sources = await Promise.all(files.map((f) => openAudio(f, { ffmpeg })));
    const sink = await MeteredWriter.open(tmp, sampleRate, channels, false);
    try {
      const iters = sources.map((s) => new Decoder(sampleRate, channels, 0).blocks(s));
      const k = 1 / files.length;
      for (;;) {
        const next = await Promise.all(iters.map((it) => it.next()));
        const done = next.filter((r) => r.done).length;
        if (done === next.length) break;
        if (done > 0) throw new InputError(files[0]!, 'the variant prints differ in length; cannot blend them');
        const blocks = next.map((r) => r.value as Float32Array[]);
        const n = blocks[0]![0]!.length;
        if (blocks.some((b) => b[0]!.length !== n))
          throw new InputError(files[0]!, 'the variant prints differ in block layout; cannot blend them');
        const sum = Array.from({ length: channels }, () => new Float32Array(n));
        for (const b of blocks)
          for (let c = 0; c < channels; c++) {
            const s = sum[c]!;
            const x = b[c]!;
            for (let i = 0; i < n; i++) s[i]! += k * x[i]!;
          }
        await sink.write(sum);
      }
      const first = await sink.finish(false);
      const gain = gainFor(first);
      const measure = await copyThrough(tmp, output, sampleRate, channels, [], 10 ** (gain / 20), {
        ffmpeg,
        tonal: true,
      });
      return { measure, gainDb: gain };
    } catch (err) {
      await sink.abort();
      throw err;
    } finally {
      for (const s of sources) await s.close();
    }
  } finally {
    await removeTemporary(tmp);
  }
}
