/**
 * Loudness and level statistics of one audio stream (SPEC §5 `levels`): BS.1770-4 loudness,
 * EBU Tech 3342 LRA, BS.1770-4 Annex 2 true peak, and the quality statistics. The work is done
 * by the native LevelMeter, fed block by block off the main thread; this module only maps its
 * linear figures to the documented dB fields.
 */
import { native, type LevelMeter, type LevelMeterResult } from '../../native.js';
import type { AudioSource } from '../../io/audio.js';
import type { AudioFormat } from '../../io/format.js';
import { feedSource } from '../analysis/pipeline.js';
import { channelWeights } from './weights.js';

export interface ChannelLevels {
  samplePeakDbfs: number | null;
  truePeakDbtp: number | null;
  rmsDbfs: number | null;
  dcOffset: number;
}

/** SPEC §5 `levels`, field names exactly as specified. dB values of silence (−∞) are null. */
export interface Levels {
  integratedLufs: number | null;
  loudnessRangeLu: number | null;
  momentaryMaxLufs: number | null;
  shortTermMaxLufs: number | null;
  truePeakDbtp: number | null;
  samplePeakDbfs: number | null;
  rmsDbfs: number | null;
  crestFactorDb: number | null;
  plrDb: number | null;
  clippedSamples: number;
  dcOffset: number[];
  phaseCorrelation: number | null;
  monoLoudnessDropLu: number | null;
  noiseFloorDbfs: number | null;
  dynamicRangeDr: number | null;
  silence: { leadingSeconds: number; trailingSeconds: number };
  channels: ChannelLevels[];
}

export interface LoudnessCurves {
  hopSeconds: number;
  momentaryStartSeconds: number;
  momentaryLufs: (number | null)[];
  shortTermStartSeconds: number;
  shortTermLufs: (number | null)[];
}

export interface LevelsOutput {
  levels: Levels;
  curves?: LoudnessCurves;
  /** Sample frames actually decoded. */
  frames: number;
}

export interface MeasureLevelsOptions {
  curves?: boolean;
  /** Called after each block with the frames done so far (for progress). */
  onProgress?: (framesDone: number) => void;
}

/** Linear amplitude → dBFS, null for 0. Rounded to 0.01 dB: finer digits are noise. */
export function amplitudeDb(x: number): number | null {
  return x > 0 ? round(20 * Math.log10(x), 2) : null;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  // + 0 turns −0 (a tiny negative value rounded) into 0: JSON has no −0, so a stored run reads back equal
  return Math.round(x * f) / f + 0;
}

function roundOrNull(x: number | null, digits = 2): number | null {
  return x === null ? null : round(x, digits);
}

/** A native level meter for a source's format (BS.1770-4 channel weights from its speakers). */
export function createLevelMeter(
  format: AudioFormat,
  options: { curves?: boolean; peakWindowFrames?: number } = {},
): LevelMeter {
  return new (native().LevelMeter)({
    sampleRate: format.sampleRate,
    channels: format.channels,
    channelWeights: channelWeights(format.speakers),
    curves: options.curves ?? false,
    ...(options.peakWindowFrames ? { peakWindowFrames: options.peakWindowFrames } : {}),
  });
}

/** Meters `source` to the end. Throws InputError for NaN/Inf samples (a broken float file). */
export async function measureLevels(source: AudioSource, options: MeasureLevelsOptions = {}): Promise<LevelsOutput> {
  const meter = createLevelMeter(source.format, options);
  await feedSource(source, [meter], options.onProgress);
  return toLevels(meter.result(), options.curves ?? false);
}

/** Maps the native meter's linear figures to SPEC §5 fields. */
export function toLevels(m: LevelMeterResult, withCurves: boolean): LevelsOutput {
  const truePeak = Math.max(0, ...m.truePeak);
  const samplePeak = Math.max(0, ...m.samplePeak);
  const truePeakDbtp = amplitudeDb(truePeak);
  const samplePeakDbfs = amplitudeDb(samplePeak);
  const rmsDbfs = amplitudeDb(m.rmsAll);
  const integratedLufs = roundOrNull(m.integratedLufs);
  const levels: Levels = {
    integratedLufs,
    loudnessRangeLu: roundOrNull(m.loudnessRangeLu),
    momentaryMaxLufs: roundOrNull(m.momentaryMaxLufs),
    shortTermMaxLufs: roundOrNull(m.shortTermMaxLufs),
    truePeakDbtp,
    samplePeakDbfs,
    rmsDbfs,
    crestFactorDb: samplePeakDbfs !== null && rmsDbfs !== null ? round(samplePeakDbfs - rmsDbfs, 2) : null,
    plrDb: truePeakDbtp !== null && integratedLufs !== null ? round(truePeakDbtp - integratedLufs, 2) : null,
    clippedSamples: m.clippedSamples,
    dcOffset: m.mean.map((x) => round(x, 6)),
    phaseCorrelation: roundOrNull(m.phaseCorrelation, 3),
    monoLoudnessDropLu: roundOrNull(m.monoLoudnessDropLu),
    noiseFloorDbfs: roundOrNull(m.noiseFloorDbfs, 1),
    dynamicRangeDr: m.dynamicRangeDr,
    silence: { leadingSeconds: round(m.leadingSilenceSeconds, 3), trailingSeconds: round(m.trailingSilenceSeconds, 3) },
    channels: m.truePeak.map((tp, i) => ({
      samplePeakDbfs: amplitudeDb(m.samplePeak[i] ?? 0),
      truePeakDbtp: amplitudeDb(tp),
      rmsDbfs: amplitudeDb(m.rms[i] ?? 0),
      dcOffset: round(m.mean[i] ?? 0, 6),
    })),
  };
  const out: LevelsOutput = { levels, frames: m.frames };
  if (withCurves && m.curves) {
    const r = (xs: (number | null)[]) => xs.map((x) => (x === null ? null : round(x, 2)));
    out.curves = { ...m.curves, momentaryLufs: r(m.curves.momentaryLufs), shortTermLufs: r(m.curves.shortTermLufs) };
  }
  return out;
}
