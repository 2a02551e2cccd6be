/**
 * What a report draws from an audio file (issue 19): the loudness curves (momentary and short-term,
 * one value per 100 ms), the whole-file levels with the LRA band, the third-octave tonal balance and
 * the true peak of each second (the level meter's own windows: one true-peak scan). One read of the
 * file, every consumer fed the same block (the analysis pipeline); memory holds the compact curves,
 * never the PCM.
 */
import { openAudio } from '../../io/audio.js';
import type { FfmpegChoice } from '../../io/ffmpeg.js';
import type { AudioFormat } from '../../io/format.js';
import { feedSource } from '../analysis/pipeline.js';
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
  /** The short-term levels the loudness range spans (EBU Tech 3342's 10th and 95th percentiles), LUFS. */
  loudnessRangeBandLufs: [number, number] | null;
  /** True peak of each OVERS_WINDOW_SECONDS window, dBTP (null for digital silence). */
  windowTruePeakDbtp: (number | null)[];
}

export async function measureForReport(file: string, ffmpeg: FfmpegChoice): Promise<ReportMeasure> {
  const source = await openAudio(file, { ffmpeg });
  try {
    const { format } = source;
    const meter = createLevelMeter(format, {
      curves: true,
      peakWindowFrames: Math.round(OVERS_WINDOW_SECONDS * format.sampleRate),
    });
    const fx = createFeatureExtractor(format, { spectrum: true, pitch: false });
    await feedSource(source, [meter, fx]);
    const result = meter.result();
    const levels = toLevels(result, true);
    const low = result.loudnessRangeLowLufs;
    const high = result.loudnessRangeHighLufs;
    const r = fx.finish();
    return {
      file,
      format,
      sha256: await source.sha256(),
      levels: levels.levels,
      curves: levels.curves!,
      tonalBalance: tonalBalance(r.meanPower, r.binHz, format.sampleRate, 'third-octave'),
      windowTruePeakDbtp: (result.windowTruePeak ?? []).map((tp) =>
        tp > 0 ? Math.round(2000 * Math.log10(tp)) / 100 : null,
      ),
      loudnessRangeBandLufs: low !== null && high !== null ? [low, high] : null,
    };
  } finally {
    await source.close();
  }
}
