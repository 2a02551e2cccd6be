/**
 * What a report draws from an audio file (issue 19): the loudness curves (momentary and short-term,
 * one value per 100 ms), the whole-file levels, the third-octave tonal balance and the true-peak
 * overs per second. One read of the file, every consumer fed the same block (the analysis pipeline);
 * memory holds the compact curves, never the PCM.
 */
import { openAudio } from '../../io/audio.js';
import type { FfmpegChoice } from '../../io/ffmpeg.js';
import type { AudioFormat } from '../../io/format.js';
import type { PcmFormat } from '../../native.js';
import { feedSource, type PcmSink } from '../analysis/pipeline.js';
import { createLevelMeter, toLevels, type Levels, type LoudnessCurves } from '../levels/index.js';
import { createFeatureExtractor, tonalBalance, type TonalBand } from '../spectral/index.js';

/** Length of the windows in which true-peak overs are counted, seconds. */
export const OVERS_WINDOW_SECONDS = 1;

export interface ReportMeasure {
  file: string;
  format: AudioFormat;
  /** Hex sha256 of the file as read. */
  sha256: string;
  levels: Levels;
  curves: LoudnessCurves;
  tonalBalance: TonalBand[];
  /** True peak of each OVERS_WINDOW_SECONDS window, dBTP (null for digital silence). */
  windowTruePeakDbtp: (number | null)[];
}

const BYTES: Record<PcmFormat, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 };

/**
 * A sink that meters the true peak of each fixed window with its own native meter (the project's
 * true-peak kernel; a window's first samples see no history from the previous one, which can only
 * read a true peak between two windows' samples a little low).
 */
function windowPeaks(format: AudioFormat, windowFrames: number): PcmSink & { peaks: (number | null)[] } {
  const peaks: (number | null)[] = [];
  let meter = createLevelMeter(format);
  let inWindow = 0;
  const close = () => {
    const r = meter.result();
    const tp = Math.max(0, ...r.truePeak);
    peaks.push(tp > 0 ? Math.round(2000 * Math.log10(tp)) / 100 : null);
    meter = createLevelMeter(format);
    inWindow = 0;
  };
  return {
    peaks,
    async addPcm(pcm: Uint8Array, fmt: PcmFormat, frames: number) {
      const frameBytes = BYTES[fmt] * format.channels;
      let done = 0;
      let nonFinite = 0;
      let first = -1;
      while (done < frames) {
        const n = Math.min(frames - done, windowFrames - inWindow);
        const r = await meter.addPcm(pcm.subarray(done * frameBytes, (done + n) * frameBytes), fmt, n);
        if (r.nonFiniteSamples && first < 0) first = r.firstNonFiniteFrame;
        nonFinite += r.nonFiniteSamples;
        done += n;
        inWindow += n;
        if (inWindow === windowFrames) close();
      }
      return { nonFiniteSamples: nonFinite, firstNonFiniteFrame: first };
    },
    finish() {
      if (inWindow > 0) close();
    },
  } as PcmSink & { peaks: (number | null)[]; finish(): void };
}

export async function measureForReport(file: string, ffmpeg: FfmpegChoice): Promise<ReportMeasure> {
  const source = await openAudio(file, { ffmpeg });
  try {
    const { format } = source;
    const meter = createLevelMeter(format, { curves: true });
    const fx = createFeatureExtractor(format, { spectrum: true, pitch: false });
    const peaks = windowPeaks(format, Math.round(OVERS_WINDOW_SECONDS * format.sampleRate));
    await feedSource(source, [meter, fx, peaks]);
    (peaks as unknown as { finish(): void }).finish();
    const levels = toLevels(meter.result(), true);
    const r = fx.finish();
    return {
      file,
      format,
      sha256: await source.sha256(),
      levels: levels.levels,
      curves: levels.curves!,
      tonalBalance: tonalBalance(r.meanPower, r.binHz, format.sampleRate, 'third-octave'),
      windowTruePeakDbtp: peaks.peaks,
    };
  } finally {
    await source.close();
  }
}

/**
 * The loudness range band as EBU Tech 3342 defines it, from the short-term curve: short-term values
 * above −70 LUFS, then those within 20 LU of their power mean; the band is their 10th to 95th
 * percentile. Null when nothing passes the gates.
 */
export function loudnessRangeBand(shortTermLufs: readonly (number | null)[]): [number, number] | null {
  const abs = shortTermLufs.filter((v): v is number => v !== null && v > -70);
  if (abs.length === 0) return null;
  const mean = 10 * Math.log10(abs.reduce((s, v) => s + 10 ** (v / 10), 0) / abs.length);
  const gated = abs.filter((v) => v > mean - 20).sort((a, b) => a - b);
  if (gated.length === 0) return null;
  const at = (p: number) => gated[Math.min(gated.length - 1, Math.max(0, Math.round(p * (gated.length - 1))))]!;
  return [at(0.1), at(0.95)];
}
