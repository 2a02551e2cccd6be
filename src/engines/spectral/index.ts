/**
 * Spectral features and tonal balance (SPEC §5 `spectral`) from the shared STFT of the native
 * FeatureExtractor: means over the non-silent frames of the mono mix.
 *
 * - centroidHz, bandwidthHz: first moment and spread of the magnitude spectrum (as librosa).
 * - rolloffHz: frequency below which 85 % of the spectral energy lies.
 * - flatness: geometric / arithmetic mean of the power spectrum (0 = a pure tone, ≈ 0.56 = white noise).
 * - flux: Euclidean distance between L2-normalized magnitude spectra of consecutive frames (0…√2).
 * - zeroCrossingRate: sign changes per pair of consecutive samples (a sine of f Hz: 2f / sampleRate).
 * - mfcc: 13 means; chroma: 12 (C first), tuning-corrected, max = 1; contrast: dB per octave band
 *   (Jiang et al. 2002; bands 0–200, 200–400 … 6400 Hz–Nyquist).
 * - tonalBalance: IEC 61260 third-octave bands (25 Hz–20 kHz), mean power per band in dB relative
 *   to full scale, so that the bands' powers add up to the file's mean square (rmsDbfs).
 */
import { native, type FeatureExtractor, type FeatureExtractorOptions, type FeatureReport } from '../../native.js';
import type { AudioSource } from '../../io/audio.js';
import type { AudioFormat } from '../../io/format.js';
import { feedSource } from '../analysis/pipeline.js';
import {
  CHROMA_PARAMETERS,
  onsetFluxOptions,
  SPECTRAL_PARAMETERS,
  STFT_PARAMETERS,
  stftLayout,
  tickSamples,
} from '../analysis/params.js';
import { keyBlockFrames, tuningAwareChroma } from '../key/index.js';
import { pitchExtractorOptions, type PitchParameterValues } from '../pitch/index.js';

export interface TonalBand {
  /** Band edges, Hz. */
  bandHz: [number, number];
  /** Mean power in the band, dB re full scale (a full-scale sine inside the band reads −3.01); null if none. */
  levelDb: number | null;
}

export interface Spectral {
  centroidHz: number | null;
  rolloffHz: number | null;
  flatness: number | null;
  flux: number | null;
  zeroCrossingRate: number;
  bandwidthHz: number | null;
  mfcc: number[] | null;
  chroma: number[] | null;
  contrast: (number | null)[];
  tonalBalance: TonalBand[];
}

export type BandResolution = 'octave' | 'third-octave';

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const roundOrNull = (x: number | null, digits: number) => (x === null ? null : round(x, digits));

/** The native extractor for a source's format: the shared STFT plus, optionally, the pYIN tracker. */
export function createFeatureExtractor(
  format: Pick<AudioFormat, 'sampleRate' | 'channels'>,
  /** onsets: also the onsets engine's finer flux (ONSET_FLUX_PARAMETERS). */
  which: { spectrum: boolean; pitch: boolean; onsets?: boolean },
  pitchOverrides: Partial<PitchParameterValues> = {},
  /** Options other than the declared parameters' (benches: e.g. one key block per frame). */
  overrides: Partial<FeatureExtractorOptions> = {},
): FeatureExtractor {
  const { windowSamples, hopSamples } = stftLayout(format.sampleRate);
  return new (native().FeatureExtractor)({
    sampleRate: format.sampleRate,
    channels: format.channels,
    windowSamples,
    hopSamples,
    spectrum: which.spectrum,
    pitch: which.pitch,
    melBands: SPECTRAL_PARAMETERS.melBands.value,
    mfccCoefficients: SPECTRAL_PARAMETERS.mfccCoefficients.value,
    melMinHz: SPECTRAL_PARAMETERS.melMinHz.value,
    melMaxHz: SPECTRAL_PARAMETERS.melMaxHz.value,
    rolloffFraction: SPECTRAL_PARAMETERS.rolloffFraction.value,
    chromaMinHz: CHROMA_PARAMETERS.minHz.value,
    chromaMaxHz: CHROMA_PARAMETERS.maxHz.value,
    tuningGateMaxHz: CHROMA_PARAMETERS.tuningGateMaxHz.value,
    chromaHarmonics: CHROMA_PARAMETERS.harmonics.value,
    pitchClassBlockFrames: which.spectrum ? keyBlockFrames(hopSamples / format.sampleRate) : 0,
    activeFloorDbfs: STFT_PARAMETERS.activeFloorDbfs.value,
    tickSamples: tickSamples(format.sampleRate),
    ...pitchExtractorOptions(pitchOverrides),
    ...(which.onsets ? onsetFluxOptions(format.sampleRate) : {}),
    ...overrides,
  });
}

/** Nominal band edges (IEC 61260-1 base-10 midbands): third-octave 25 Hz–20 kHz, octave 31.5 Hz–16 kHz. */
export function bandEdges(resolution: BandResolution): [number, number][] {
  const step = resolution === 'octave' ? 3 : 1;
  const [first, last] = resolution === 'octave' ? [-15, 12] : [-16, 13];
  const out: [number, number][] = [];
  for (let x = first; x <= last; x += step) {
    const mid = 1000 * 10 ** (x / 10);
    const half = 10 ** (step / 20);
    out.push([mid / half, mid * half]);
  }
  return out;
}

/**
 * Tonal balance from a mean one-sided power spectrum (bin k at k·binHz; Σ power = mean square):
 * each bin's power is shared among bands in proportion to the overlap of [f − Δ/2, f + Δ/2] with
 * the band. Bands starting at or above Nyquist are left out. Pure: also used by `master --reference`
 * to compare two files' balances.
 */
export function tonalBalance(
  meanPower: ArrayLike<number>,
  binHz: number,
  sampleRate: number,
  resolution: BandResolution = 'third-octave',
): TonalBand[] {
  const nyquist = sampleRate / 2;
  const bands = bandEdges(resolution).filter(([lo]) => lo < nyquist);
  return bands.map(([lo, hi]) => {
    let sum = 0;
    const kFirst = Math.max(0, Math.floor(lo / binHz - 0.5));
    const kLast = Math.min(meanPower.length - 1, Math.ceil(hi / binHz + 0.5));
    for (let k = kFirst; k <= kLast; k++) {
      const a = Math.max(lo, (k - 0.5) * binHz);
      const b = Math.min(hi, (k + 0.5) * binHz);
      if (b > a) sum += meanPower[k]! * ((b - a) / binHz);
    }
    return {
      bandHz: [round(lo, 1), round(Math.min(hi, nyquist), 1)] as [number, number],
      levelDb: sum > 0 ? round(10 * Math.log10(sum), 2) : null,
    };
  });
}

/** Third-octave levels summed by threes into octave bands (same edges as bandEdges('octave')). */
export function toOctaveBands(thirdOctave: TonalBand[]): TonalBand[] {
  const out: TonalBand[] = [];
  for (let i = 1; i + 1 < thirdOctave.length; i += 3) {
    const group = thirdOctave.slice(i - 1, i + 2);
    const sum = group.reduce((s, b) => s + (b.levelDb === null ? 0 : 10 ** (b.levelDb / 10)), 0);
    out.push({
      bandHz: [group[0]!.bandHz[0], group[group.length - 1]!.bandHz[1]],
      levelDb: sum > 0 ? round(10 * Math.log10(sum), 2) : null,
    });
  }
  return out;
}

/** SPEC §5 `spectral` from a finished extractor's report. */
export function spectralSummary(r: FeatureReport, sampleRate: number): Spectral {
  const active = r.activeFrames > 0;
  const { chroma } = tuningAwareChroma(r.pitchClass);
  const chromaMax = Math.max(...chroma);
  return {
    centroidHz: roundOrNull(r.centroidHz, 1),
    rolloffHz: roundOrNull(r.rolloffHz, 1),
    flatness: roundOrNull(r.flatness, 4),
    flux: roundOrNull(r.flux, 4),
    zeroCrossingRate: round(r.zeroCrossingRate, 5),
    bandwidthHz: roundOrNull(r.bandwidthHz, 1),
    mfcc: active && r.mfcc.length ? r.mfcc.map((x) => round(x, 3)) : null,
    chroma: active && chromaMax > 0 ? chroma.map((x) => round(x / chromaMax, 3)) : null,
    contrast: r.contrastDb.map((x) => roundOrNull(x, 2)),
    tonalBalance: tonalBalance(r.meanPower, r.binHz, sampleRate, 'third-octave'),
  };
}

/** Reads `source` once and returns its tonal balance (the STFT part of the extractor only). */
export async function measureTonalBalance(
  source: AudioSource,
  resolution: BandResolution = 'third-octave',
): Promise<TonalBand[]> {
  const fx = createFeatureExtractor(source.format, { spectrum: true, pitch: false });
  await feedSource(source, [fx]);
  const r = fx.finish();
  return tonalBalance(r.meanPower, r.binHz, source.format.sampleRate, resolution);
}
