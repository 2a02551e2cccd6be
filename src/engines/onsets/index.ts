/**
 * Onsets (SPEC §5 `onsets`): peaks of an onset-strength envelope picked with a local-maximum + local-median rule
 * (Böck, Krebs & Schedl 2012), each then placed on the fine energy envelope at the physical start of its attack
 * (tick resolution, 0.5 ms) — the envelope frame alone is only good to ±1 hop. The envelope is the onset flux when
 * the extractor made it (`analyze --features onsets`: a 23 ms / 5.8 ms STFT, log filterbank, SuperFlux rise per
 * frequency group, Böck & Widmer 2013, each group normalized by its own loud frames; peaks of the groups' mean and
 * of each group on its own), else the shared STFT's mel envelope (tempo's onset times, comp). With the flux's
 * timbre novelty column, peaks of the novelty far from every other onset add onsets (a hat inside a ringing or
 * choked open hat: no group's energy rises there). Under a sustained wash (a ride, a brush swish) a flux peak counts
 * only when it rises above the wash's own fluctuation or changes the timbre (washPeaks); in a decaying tail (a room's
 * or hall's reverb, a cymbal's ring) a flux onset counts only when it changes the timbre, rises loudly in some group,
 * adds energy or stands far out of its band's fluctuation (tailOnsets); a flux onset whose rise is not coherent
 * across the timbre novelty's filters (a cymbal's beating, a brush's grain, an echo) counts only when it adds
 * energy (incoherentOnsets).
 */
import { native, postSeries, type FeatureReport } from '../../native.js';
import { ONSET_FLUX_PARAMETERS, ONSET_PARAMETERS, checkParameter, onsetEnergyBandLowHz } from '../analysis/params.js';
import { lowerBound } from '../order.js';
import {
  ORDINARY_RUNS_ROUND,
  SUB_SOURCE,
  acceptPeaks,
  peakFeatures,
  peakModel,
  readsContext,
  type PeakCandidate,
} from './peak-model.js';

/**
 * Frequency groups of the native onset flux (its group edges + 1). A flux with one column more carries the timbre
 * novelty last (ONSET_FLUX_PARAMETERS.noveltyMinHz).
 */
const FLUX_BAND_GROUPS = Object.keys(ONSET_FLUX_PARAMETERS).filter((k) => /GroupHz$/.test(k)).length + 1;

export interface Onsets {
  /** Seconds from the start of the file, ascending. */
  times: number[];
  /** Onset strength: the mean rise of the mel band levels at the onset, dB. */
  strengths: number[];
}

export interface OnsetInput {
  odf: ArrayLike<number>;
  hopSeconds: number;
  windowSeconds: number;
  fineEnergy: ArrayLike<number>;
  tickSeconds: number;
  /**
   * The onset flux (native `onsetFlux`: `groups` values per frame, frame-major, frame i centered at
   * i·hopSeconds). When present the peaks are picked on it; odf then only gives the strengths. With one column
   * more than the native frequency groups, the last one is the timbre novelty.
   */
  flux?: { values: ArrayLike<number>; groups: number; hopSeconds: number };
  /**
   * The timbre novelty's coherence per onset flux frame (native `onsetNoveltyCoherence`, with the novelty column):
   * a novelty peak counts only where it reaches noveltyCoherence. Without it every novelty peak counts.
   */
  noveltyCoherence?: ArrayLike<number>;
  /**
   * The fine envelope's rises, ticks (onsetFineRises of fineEnergy and tickSeconds with the same parameters), when
   * the caller computed them once for several detections on one envelope; else computed here.
   */
  rises?: ArrayLike<number>;
  /**
   * The band energies (native `onsetBandEnergy`: `bands` values per onset flux frame, frame-major, linear power), for
   * the echo model (echoRepeats); without them no onset is tested as a repeat. lowHz: each band's lower edge (Hz;
   * onsetEnergyBandLowHz), for the choke onsets (chokeOnsets); without it none are sought.
   */
  bandEnergy?: { values: ArrayLike<number>; bands: number; lowHz?: readonly number[] };
}

/** One value per ONSET_PARAMETERS entry (the defaults unless a caller, e.g. bench/eval-onsets.ts, moves one). */
export type OnsetParameterValues = { -readonly [K in keyof typeof ONSET_PARAMETERS]: number };

export function onsetDefaults(): OnsetParameterValues {
  return Object.fromEntries(
    Object.entries(ONSET_PARAMETERS).map(([k, spec]) => [k, spec.value]),
  ) as OnsetParameterValues;
}

export function onsetInput(r: FeatureReport, sampleRate: number, windowSamples: number): OnsetInput {
  const lowHz = r.onsetBandEnergyBands > 0 ? onsetEnergyBandLowHz(sampleRate) : [];
  return {
    odf: r.odf,
    hopSeconds: r.hopSeconds,
    windowSeconds: windowSamples / sampleRate,
    fineEnergy: r.fineEnergy,
    tickSeconds: r.tickSamples / sampleRate,
    ...(r.onsetFluxGroups > 0 && r.onsetFlux?.length
      ? { flux: { values: r.onsetFlux, groups: r.onsetFluxGroups, hopSeconds: r.onsetHopSeconds } }
      : {}),
    ...(r.onsetNoveltyCoherence?.length ? { noveltyCoherence: r.onsetNoveltyCoherence } : {}),
    ...(r.onsetBandEnergyBands > 0 && r.onsetBandEnergy?.length
      ? {
          bandEnergy: {
            values: r.onsetBandEnergy,
            bands: r.onsetBandEnergyBands,
            ...(lowHz.length === r.onsetBandEnergyBands ? { lowHz } : {}),
          },
        }
      : {}),
  };
}

/**
 * One envelope from the onset flux groups: each group divided by the strength that fluxScaleTopFraction of its
 * frames exceed (its own loud hits: a soft hat in the top group counts as much as a kick in the low one), then
 * the power mean of order fluxCombinePower across the groups.
 */
export function fluxEnvelope(
  flux: NonNullable<OnsetInput['flux']>,
  params: OnsetParameterValues = onsetDefaults(),
  columns: FluxColumns = fluxColumns(flux, params),
): Float64Array {
  const { values, groups } = flux;
  const n = Math.floor(values.length / groups);
  const power = checkParameter('fluxCombinePower', ONSET_PARAMETERS.fluxCombinePower, params.fluxCombinePower);
  const series = columns.series;
  const inv = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    const scale = columns.scales[g]!;
    inv[g] = scale > 0 ? 1 / scale : 0;
  }
  // per frame: the power mean of the scaled groups (native/src/post.cc powerMean)
  return n > 0 ? native().postPowerMean(series, groups, inv, power) : new Float64Array(0);
}

/**
 * Frames where one frequency group of the onset flux, divided by the value fluxScaleTopFraction of its frames
 * exceed, peaks (largest within ± fluxPeakWindowSeconds) above its own local median (± fluxMedianSeconds) by
 * fluxGroupDeltaFraction: a hit that rises in one group only (a flam's main stroke beside its grace note, a snare
 * under a cymbal's wash) even where the mean of the groups has a larger peak within the peak window.
 */
export function fluxGroupPeaks(
  flux: NonNullable<OnsetInput['flux']>,
  params: OnsetParameterValues = onsetDefaults(),
  columns: FluxColumns = fluxColumns(flux, params),
): number[] {
  const delta = checkParameter(
    'fluxGroupDeltaFraction',
    ONSET_PARAMETERS.fluxGroupDeltaFraction,
    params.fluxGroupDeltaFraction,
  );
  return columnPeaks(columns, flux.hopSeconds, delta, params);
}

/** A series' columns (frames × groups), each with its scale and divided by it (none where that is 0). */
export interface FluxColumns {
  series: ReturnType<typeof postSeries>;
  groups: number;
  scales: Float64Array;
  scaled: (Float64Array | undefined)[];
}

/**
 * The scales and scaled columns of a flux's groups, found once for the envelope, the group peaks and the wash test
 * of one detection: each group's column copied out once, its scale the value fluxScaleTopFraction of its frames
 * exceed (its own loud hits; its largest when that is 0), then divided by it in place (the division
 * native/src/post.cc column makes: the same doubles).
 */
export function fluxColumns(
  flux: Pick<NonNullable<OnsetInput['flux']>, 'values' | 'groups'>,
  params: OnsetParameterValues,
): FluxColumns {
  const q =
    1 - checkParameter('fluxScaleTopFraction', ONSET_PARAMETERS.fluxScaleTopFraction, params.fluxScaleTopFraction);
  const series = postSeries(flux.values);
  const scales = new Float64Array(flux.groups);
  const scaled: (Float64Array | undefined)[] = [];
  for (let g = 0; g < flux.groups; g++) {
    const col = native().postColumn(series, flux.groups, g, 1);
    const scale = percentile(col, q) || percentile(col, 1);
    scales[g] = scale;
    // the column copied out again divided by its scale (values[t] / 1 / scale = values[t] / scale: the same doubles):
    // a loop here, run once per group and cold, boxes two doubles per frame (≈ 1 MB of V8's young heap per group
    // on 6 minutes); a scale beyond the addon's range (infinite) keeps that loop
    if (scale > 0 && scale <= Number.MAX_VALUE) scaled.push(native().postColumn(series, flux.groups, g, scale));
    else if (scale > 0) {
      for (let t = 0; t < col.length; t++) col[t] = col[t]! / scale;
      scaled.push(col);
    } else scaled.push(undefined);
  }
  return { series, groups: flux.groups, scales, scaled };
}

/**
 * Whether x[t] is the largest of x within ± frames (ties: the first) — the native pickPeaks' local-maximum test, so
 * that of its peaks picked within ± w those largest within ± W ≥ w are its peaks picked within ± W: its median test
 * reads no window, and of two peaks closer than its minimum gap it keeps the larger (the first of equals), which a
 * peak largest within ± W (W ≥ the gap) always is.
 */
function largestWithin(x: ArrayLike<number>, t: number, frames: number): boolean {
  const v = x[t]!;
  for (let j = Math.max(0, t - frames); j <= Math.min(x.length - 1, t + frames); j++) {
    const u = x[j]!;
    if (u > v || (u === v && j < t)) return false;
  }
  return true;
}

/**
 * Peaks of each column of a frames × `columns` series, each divided by its own scale (the value
 * fluxScaleTopFraction of its frames exceed), picked over its local median by `deltaFraction` (± fluxMedianSeconds,
 * largest within ± fluxPeakWindowSeconds) and out of a valley: the frames where any column peaks, in order. With
 * `wider`, the frames where a column's peak is also the largest within ± wider.frames go into wider.peaks (its peaks
 * picked with that window, in the same pass: largestWithin).
 */
function columnPeaks(
  columns: FluxColumns,
  hopSeconds: number,
  deltaFraction: number,
  params: OnsetParameterValues,
  wider?: { frames: number; peaks: Set<number> },
): number[] {
  const pick = {
    ...params,
    deltaFraction,
    medianSeconds: params.fluxMedianSeconds,
    peakWindowSeconds: params.fluxPeakWindowSeconds,
    scaleTopFraction: params.fluxScaleTopFraction,
  };
  const all = new Set<number>();
  const valley = valleyOptions(hopSeconds, params);
  for (const col of columns.scaled) {
    if (!col) continue;
    // a column divided by its own scale (fluxColumns: the same fraction) has scale 1 exactly: division by a positive
    // number keeps the values' order, so the value at the quantile's rank is scale / scale (or, for a zero quantile,
    // 0, and the maximum's max / max) — unless a NaN leaves the order undefined
    // (TypedArray includes finds NaN without boxing each frame's double, as a cold loop here did: ≈ 8 MB of V8's young
    // heap on 6 minutes)
    const known = col.includes(NaN) ? undefined : 1;
    const peaks = pickPeaks(col, 1 / hopSeconds, pick, known);
    for (const t of valleyPeaks(col, peaks, valley.frames, valley.fraction)) {
      all.add(t);
      if (wider && largestWithin(col, t, wider.frames)) wider.peaks.add(t);
    }
  }
  return [...all].sort((a, b) => a - b);
}

/**
 * Frames where the timbre novelty (divided by the value fluxScaleTopFraction of its frames exceed) peaks (largest
 * within ± fluxPeakWindowSeconds) above its local median (± fluxMedianSeconds) by noveltyDeltaFraction.
 */
export function noveltyPeaks(
  novelty: ArrayLike<number>,
  hopSeconds: number,
  params: OnsetParameterValues = onsetDefaults(),
): number[] {
  const delta = checkParameter(
    'noveltyDeltaFraction',
    ONSET_PARAMETERS.noveltyDeltaFraction,
    params.noveltyDeltaFraction,
  );
  return pickPeaks(novelty, 1 / hopSeconds, {
    ...params,
    scaleTopFraction: params.fluxScaleTopFraction,
    deltaFraction: delta,
    medianSeconds: params.fluxMedianSeconds,
    peakWindowSeconds: params.fluxPeakWindowSeconds,
  });
}

/**
 * The peaks of `col` that rise out of a valley: somewhere within `frames` before the peak the column is at most
 * `fraction` of the peak. A hit's flux comes out of the steady ring before it (≈ 0); the slow swell of a ringing
 * cymbal's beating partials or of a brush swish climbs over many frames and is not a hit (fraction 1: all kept).
 */
export function valleyPeaks(col: ArrayLike<number>, peaks: number[], frames: number, fraction: number): number[] {
  if (fraction >= 1) return peaks;
  return peaks.filter((p) => {
    const level = fraction * col[p]!;
    for (let i = Math.max(0, p - frames); i < p; i++) if (col[i]! <= level) return true;
    return p - frames < 0;
  });
}

/**
 * Lead peaks: the frames of `col` that are the largest within ± fluxLeadPeakSeconds (picked over the local median as
 * `pick` picks) but not within ± its peakWindowSeconds, because a larger frame follows within that window — and only
 * where nothing larger precedes them within it and `col` falls to fluxLeadDipFraction of the frame before the larger
 * one (two strokes, a drag or a grace note before an accent, not the two halves of one rise). With
 * fluxTrailDipFraction > 0, also those after a larger frame within that window (a 32nd-note roll's strokes 42–60 ms
 * apart, each within the peak window of a louder one) where `col` fell to that fraction of them between the two.
 * Ascending; none of `peaks`. `trails`, when given, receives those of them after a larger frame (the trail peaks).
 */
export function leadPeaks(
  col: ArrayLike<number>,
  peaks: readonly number[],
  hopSeconds: number,
  pick: OnsetParameterValues,
  params: OnsetParameterValues,
  trails?: Set<number>,
): number[] {
  const seconds = checkParameter(
    'fluxLeadPeakSeconds',
    ONSET_PARAMETERS.fluxLeadPeakSeconds,
    params.fluxLeadPeakSeconds,
  );
  if (!(seconds > 0)) return [];
  const fraction = checkParameter(
    'fluxLeadDipFraction',
    ONSET_PARAMETERS.fluxLeadDipFraction,
    params.fluxLeadDipFraction,
  );
  const trail = checkParameter(
    'fluxTrailDipFraction',
    ONSET_PARAMETERS.fluxTrailDipFraction,
    params.fluxTrailDipFraction,
  );
  const trailPeak = checkParameter(
    'fluxTrailPeakFraction',
    ONSET_PARAMETERS.fluxTrailPeakFraction,
    params.fluxTrailPeakFraction,
  );
  const wide = Math.max(1, Math.round(pick.peakWindowSeconds / hopSeconds));
  const known = new Set(peaks);
  return pickPeaks(col, 1 / hopSeconds, { ...pick, peakWindowSeconds: seconds }).filter((p) => {
    if (known.has(p)) return false;
    const v = col[p]!;
    // a larger frame before it: a stroke of its own only where `col` fell to fluxTrailDipFraction of it between
    // (a roll's next stroke after a louder one; 0: none, a lead peak only)
    let back = v;
    let larger = false;
    for (let i = p - 1; i >= Math.max(0, p - wide); i--) {
      if (col[i]! > v) {
        if (!(trail > 0) || !(back <= trail * v)) return false;
        // … and it at least fluxTrailPeakFraction of the larger one's peak (a roll's strokes are alike)
        let top = col[i]!;
        for (let k = i - 1; k >= Math.max(0, p - wide) && col[k]! >= top; k--) top = col[k]!;
        if (v < trailPeak * top) return false;
        larger = true;
        break;
      }
      back = Math.min(back, col[i]!);
    }
    let dip = v;
    let kept = larger;
    for (let i = p + 1; i <= Math.min(col.length - 1, p + wide); i++) {
      if (col[i]! > v) {
        kept = dip <= fraction * v;
        break;
      }
      dip = Math.min(dip, col[i]!);
    }
    // nothing larger follows: kept only as a trail peak (a larger frame before it, out of the dip above)
    if (kept && larger) trails?.add(p);
    return kept;
  });
}

function valleyOptions(hopSeconds: number, params: OnsetParameterValues): { frames: number; fraction: number } {
  const seconds = checkParameter('fluxValleySeconds', ONSET_PARAMETERS.fluxValleySeconds, params.fluxValleySeconds);
  return {
    frames: Math.max(1, Math.round(seconds / hopSeconds)),
    fraction: checkParameter('fluxValleyFraction', ONSET_PARAMETERS.fluxValleyFraction, params.fluxValleyFraction),
  };
}

/**
 * The flux peaks that stand out of a sustained wash (a ride's ring, a brush swish): in some frequency group the peak
 * rises above the wash by more than washRiseMads of its median absolute deviation (washRises), or the timbre
 * novelty (divided by its scale) reaches washNoveltyFraction within ± 3 frames. The
 * bounces and swells of a wash — beating partials, a swish's grain — are no larger than the wash's own fluctuation
 * and do not change its timbre; a hit in a quiet context always passes (the deviation there is ≈ 0).
 */
export function washPeaks(
  peaks: number[],
  bands: NonNullable<OnsetInput['flux']>,
  novelty: ArrayLike<number> | undefined,
  params: OnsetParameterValues = onsetDefaults(),
  columns: FluxColumns = fluxColumns(bands, params),
): number[] {
  const mads = checkParameter('washRiseMads', ONSET_PARAMETERS.washRiseMads, params.washRiseMads);
  if (!(mads > 0) || peaks.length === 0) return peaks;
  const novFraction = checkParameter(
    'washNoveltyFraction',
    ONSET_PARAMETERS.washNoveltyFraction,
    params.washNoveltyFraction,
  );
  const novScale = novelty && novelty.length ? percentile(novelty, 1 - params.fluxScaleTopFraction) : 0;
  const rises = washRises(peaks, bands, params, columns);
  return peaks.filter((p, k) => {
    if (novScale > 0)
      for (let i = Math.max(0, p - 3); i <= Math.min(novelty!.length - 1, p + 3); i++)
        if (novelty![i]! >= novFraction * novScale) return true;
    return rises[k]! > mads;
  });
}

/**
 * For each frame in `peaks`: how far, in median absolute deviations, the flux rises above a sustained wash — the
 * largest over the frequency groups that carry the peak (each divided by its scale; the peak, largest of the frame
 * and its neighbours, at least washDominantFraction of the largest group's) of the peak less the group's median over
 * [p − washSeconds, p − washGapSeconds], over the deviation there (at least washMadFloor). Infinity where the window
 * is too short to tell (the file's start).
 */
export function washRises(
  peaks: number[],
  bands: NonNullable<OnsetInput['flux']>,
  params: OnsetParameterValues = onsetDefaults(),
  columns: FluxColumns = fluxColumns(bands, params),
): Float64Array {
  const hop = bands.hopSeconds;
  const back = Math.max(
    1,
    Math.round(checkParameter('washSeconds', ONSET_PARAMETERS.washSeconds, params.washSeconds) / hop),
  );
  const gap = Math.round(
    checkParameter('washGapSeconds', ONSET_PARAMETERS.washGapSeconds, params.washGapSeconds) / hop,
  );
  const madFloor = checkParameter('washMadFloor', ONSET_PARAMETERS.washMadFloor, params.washMadFloor);
  const dominant = checkParameter(
    'washDominantFraction',
    ONSET_PARAMETERS.washDominantFraction,
    params.washDominantFraction,
  );
  const cols = columns.scaled.filter((c): c is Float64Array => c !== undefined);
  // per peak, over the groups that carry it (at least washDominantFraction of the largest group's peak): the window
  // [p − back, p − gap)'s median and median absolute deviation (native/src/post.cc washRises: a cold loop here,
  // ≈ 50 ms of the main thread on 6 minutes)
  return native().postWashRises(cols, Int32Array.from(peaks), back, gap, madFloor, dominant);
}

/**
 * For each placed flux onset (time `t` s, peak frame `p`): whether it is kept by the tail test. In a decaying tail
 * (a room's or hall's reverb, a cymbal's ring) the flux bumps at each echo and beat; such a bump is dropped when
 * the timbre novelty within ± 3 frames stays below tailNoveltyFraction of its scale, every frequency group stays
 * below tailFluxFraction of its scale, the fine energy over tailSpanSeconds from t is less than tailRiseDb above
 * its mean over the tailLookbackSeconds before t, and no group carrying the peak rises above its own fluctuation by
 * tailWashMads (washRises). A hit in the tail changes the timbre, rises loudly in some band, adds energy to the tail
 * or stands far out of its band's fluctuation.
 */
export function tailOnsets(
  onsets: readonly { t: number; p: number }[],
  novelty: ArrayLike<number>,
  bands: NonNullable<OnsetInput['flux']>,
  columns: FluxColumns,
  fineEnergy: ArrayLike<number>,
  tickSeconds: number,
  params: OnsetParameterValues = onsetDefaults(),
): boolean[] {
  const novFraction = checkParameter(
    'tailNoveltyFraction',
    ONSET_PARAMETERS.tailNoveltyFraction,
    params.tailNoveltyFraction,
  );
  if (!(novFraction > 0)) return onsets.map(() => true);
  const fluxFraction = checkParameter('tailFluxFraction', ONSET_PARAMETERS.tailFluxFraction, params.tailFluxFraction);
  const washMads = checkParameter('tailWashMads', ONSET_PARAMETERS.tailWashMads, params.tailWashMads);
  const riseRatio = 10 ** (checkParameter('tailRiseDb', ONSET_PARAMETERS.tailRiseDb, params.tailRiseDb) / 10);
  const { after, before } = tailSpans(tickSeconds, params);
  const novScale = percentile(novelty, 1 - params.fluxScaleTopFraction);
  const quiet = onsets.map(({ t, p }) => {
    for (let i = Math.max(0, p - 3); i <= Math.min(novelty.length - 1, p + 3); i++)
      if (novelty[i]! >= novFraction * novScale) return false;
    for (const col of columns.scaled)
      if (col && Math.max(col[p - 1] ?? 0, col[p] ?? 0, col[p + 1] ?? 0) >= fluxFraction) return false;
    const rise = energyRise(fineEnergy, t, tickSeconds, after, before);
    return rise !== undefined && rise < riseRatio;
  });
  // … and no group rises far above its own fluctuation there (the wash statistics of the quiet ones only)
  const candidates = onsets.filter((_, k) => quiet[k]).map((o) => o.p);
  const rises = washRises(candidates, bands, params, columns);
  let c = 0;
  return quiet.map((q) => !q || !(rises[c++]! < washMads));
}

/** The spans tailOnsets and incoherentOnsets compare the fine energy over: after and before an onset, ticks. */
function tailSpans(tickSeconds: number, params: OnsetParameterValues): { after: number; before: number } {
  const ticks = (seconds: number) => Math.max(1, Math.round(seconds / tickSeconds));
  return {
    after: ticks(checkParameter('tailSpanSeconds', ONSET_PARAMETERS.tailSpanSeconds, params.tailSpanSeconds)),
    before: ticks(
      checkParameter('tailLookbackSeconds', ONSET_PARAMETERS.tailLookbackSeconds, params.tailLookbackSeconds),
    ),
  };
}

/**
 * The fine energy's mean over `after` ticks from the onset at `t` s over its mean over the `before` ticks before
 * (a ratio); undefined at the file's start (fewer than `before` ticks before).
 */
function energyRise(
  fineEnergy: ArrayLike<number>,
  t: number,
  tickSeconds: number,
  after: number,
  before: number,
): number | undefined {
  const tick = Math.round(t / tickSeconds);
  if (tick - before < 0) return undefined;
  const mean = (from: number, to: number) => {
    let sum = 0;
    const hi = Math.min(fineEnergy.length, to);
    for (let i = from; i < hi; i++) sum += fineEnergy[i]!;
    return hi > from ? sum / (hi - from) : 0;
  };
  const base = mean(tick - before, tick);
  const next = mean(tick, tick + after);
  return base > 0 ? next / base : Infinity;
}

/**
 * For each placed flux onset (time `t` s, peak frame `p`): whether it is kept by the coherence test. A hit raises
 * nearly every filter of the timbre novelty at once (coherence 0.5–0.95); the beating of a cymbal's partials, the
 * grain of a brush swish or an echo in a tail raise some filters and lower others (below 0.3). An onset whose
 * coherence (`coherence`, the native measure noveltyCoherence reads) stays below incoherentCoherence within ± 1 frame
 * of its peak is kept only when the fine energy over tailSpanSeconds from t is at least incoherentRiseDb above its
 * mean over the tailLookbackSeconds before (a hit in one band — a kick under a ride — still adds energy).
 */
export function incoherentOnsets(
  onsets: readonly { t: number; p: number }[],
  coherence: ArrayLike<number>,
  fineEnergy: ArrayLike<number>,
  tickSeconds: number,
  params: OnsetParameterValues = onsetDefaults(),
): boolean[] {
  const least = checkParameter('incoherentCoherence', ONSET_PARAMETERS.incoherentCoherence, params.incoherentCoherence);
  if (!(least > 0) || coherence.length === 0) return onsets.map(() => true);
  const ratio =
    10 ** (checkParameter('incoherentRiseDb', ONSET_PARAMETERS.incoherentRiseDb, params.incoherentRiseDb) / 10);
  const { after, before } = tailSpans(tickSeconds, params);
  return onsets.map(({ t, p }) => {
    for (let i = Math.max(0, p - 1); i <= Math.min(coherence.length - 1, p + 1); i++)
      if (coherence[i]! >= least) return true;
    const rise = energyRise(fineEnergy, t, tickSeconds, after, before);
    return rise === undefined || rise >= ratio;
  });
}

/** Distance from t to the nearest of the ascending xs (Infinity when there are none). */
function nearest(xs: number[], t: number): number {
  const lo = lowerBound(xs, t);
  return Math.min(lo < xs.length ? xs[lo]! - t : Infinity, lo > 0 ? t - xs[lo - 1]! : Infinity);
}

/** The value at rank floor(q·(n − 1)) of xs in ascending order (a selection, native); 0 for none. */
function percentile(xs: ArrayLike<number>, q: number): number {
  return xs.length ? native().postQuantile(postSeries(xs), q) : 0;
}

/**
 * Frame indices of onset peaks in the envelope: local maxima (± peakWindowSeconds) that exceed the local median
 * (± medianSeconds: an adaptive threshold that a dense hi-hat pattern raises and a lone loud hit does not) by
 * deltaFraction of the envelope's scaleTopFraction strength, at least minIntervalSeconds apart.
 */
export function pickPeaks(
  odf: ArrayLike<number>,
  frameRate: number,
  params: OnsetParameterValues = onsetDefaults(),
  /** The scale below, when the caller knows it (a column already divided by its own scale: 1). */
  knownScale?: number,
): number[] {
  const q = 1 - checkParameter('scaleTopFraction', ONSET_PARAMETERS.scaleTopFraction, params.scaleTopFraction);
  // the percentile, or the maximum when fewer frames than that carry any onset
  const scale = knownScale ?? (percentile(odf, q) || percentile(odf, 1));
  if (!(scale > 0)) return [];
  const delta = checkParameter('deltaFraction', ONSET_PARAMETERS.deltaFraction, params.deltaFraction) * scale;
  const avg = Math.max(
    1,
    Math.round(checkParameter('medianSeconds', ONSET_PARAMETERS.medianSeconds, params.medianSeconds) * frameRate),
  );
  const maxW = Math.max(
    1,
    Math.round(
      checkParameter('peakWindowSeconds', ONSET_PARAMETERS.peakWindowSeconds, params.peakWindowSeconds) * frameRate,
    ),
  );
  const minGap = Math.max(
    1,
    Math.round(
      checkParameter('minIntervalSeconds', ONSET_PARAMETERS.minIntervalSeconds, params.minIntervalSeconds) * frameRate,
    ),
  );
  // the local-maximum, local-median and minimum-interval tests (native/src/post.cc pickPeaks; a frame's median
  // is the middle value, or the mean of the two middle ones, of odf[t − avg, t + avg])
  return Array.from(native().postPickPeaks(postSeries(odf), delta, avg, maxW, minGap));
}

/**
 * The tick in [fromTick, toTick) where the energy of the following `span` ticks most exceeds that of the
 * preceding ones (log ratio): the start of the attack. The preceding energy is the largest `span`-tick sum
 * within `lookback` ticks before (a low tone's ripple within its period is not a rise); `floor` (mean energy per
 * tick) is added to both sides, so that rises far below the hit's own level (the first, inaudible samples of a
 * sample's lead-in, noise) do not count.
 */
export function steepestRise(
  fine: ArrayLike<number>,
  fromTick: number,
  toTick: number,
  span: number,
  floor = 1e-12 / span,
  lookback = span,
): number {
  // running span sums, their lagged maximum (a monotonic deque) and the largest ratio: native/src/post.cc
  return native().postSteepestRise(postSeries(fine), fromTick, toTick, span, floor, lookback);
}

/**
 * The physical start of the hit whose steepest rise is at tick `rise`: the first tick from two spans before it
 * where the energy above the background (the loudest tick within `lookback` ticks before that: the crest of a
 * low tone's ripple or of a ringing cymbal) reaches `ratio` of the hit's own rise (to its loudest tick within
 * `attack` ticks), interpolated within the tick (fractional ticks). When the hit does not rise above its
 * background, the rise itself.
 */
export function attackStart(
  fine: ArrayLike<number>,
  rise: number,
  span: number,
  attack: number,
  ratio: number,
  lookback = span,
  backtrack?: { ticks: number; ratio: number },
): number {
  // the level crossing, then (backtrack.ticks > 0) backtrackStart: native/src/post.cc attackStart (these loops ran
  // cold, once per placed onset)
  const ticks = backtrack && backtrack.ticks > 0 ? backtrack.ticks : 0;
  return native().postAttackStart(postSeries(fine), rise, span, attack, ratio, lookback, ticks, backtrack?.ratio ?? 0);
}

/**
 * A slow attack (a shaker, a swelling cymbal, a brush) reaches attackStart's level after it leaves the floor:
 * from `start`, back along the rise (the energy over ± 1 tick falls tick by tick going back) to where it stops
 * falling (the floor or the previous hit's decay), at most `ticks` back and not into ticks below `ratio` of the
 * hit's loudest tick (a one-shot's inaudible lead-in); then the first tick above twice the one before that valley
 * (native/src/post.cc backtrackStart).
 */
export function backtrackStart(
  fine: ArrayLike<number>,
  start: number,
  rise: number,
  attack: number,
  backtrack: { ticks: number; ratio: number },
): number {
  return native().postBacktrackStart(postSeries(fine), start, rise, attack, backtrack.ticks, backtrack.ratio);
}

/**
 * Attacks that the frame envelope cannot separate (a flam's grace note 20–40 ms ahead of its main stroke, a hit
 * inside another's frame): ticks where the broadband energy of the following span rises fineRiseDb above the
 * loudest span of the lookback before it, at a level within fineLevelDb of the loudest tick within ±
 * fineContextSeconds, each the largest rise within ± minIntervalSeconds.
 */
export function fineRises(
  fine: ArrayLike<number>,
  span: number,
  lookback: number,
  tickSeconds: number,
  params: OnsetParameterValues,
): number[] {
  const n = fine.length;
  const riseDb = checkParameter('fineRiseDb', ONSET_PARAMETERS.fineRiseDb, params.fineRiseDb);
  const levelRatio = 10 ** (checkParameter('fineLevelDb', ONSET_PARAMETERS.fineLevelDb, params.fineLevelDb) / 10);
  const ctx = Math.round(
    checkParameter('fineContextSeconds', ONSET_PARAMETERS.fineContextSeconds, params.fineContextSeconds) / tickSeconds,
  );
  const gap = Math.max(1, Math.round(params.minIntervalSeconds / tickSeconds));
  const back = Math.max(span, lookback);
  if (n < back + span + 1) return [];
  // one pass with rings (memory O(back + ctx + gap), not O(n): an hour has 7.2 million ticks), native/src/post.cc
  // fineRises: span sums Σ fine[i, i + span), their maximum over [i − back, i − span], the maximum of fine over
  // i ± ctx, and the local-maximum test over ± gap on the rise ratios (riseDb as a ratio: the same order as dB)
  return Array.from(
    native().postFineRises(postSeries(fine), span, lookback, 10 ** (riseDb / 10), levelRatio, ctx, gap),
  );
}

/**
 * The band energies' rise per band and frame (bands × frames: band b's frames at [b·n, (b + 1)·n), so that each band's
 * column is one run): the largest of frames f+1..f+3 less frame f−3, ≥ 0.
 */
export function bandRises(energy: NonNullable<OnsetInput['bandEnergy']>): Float64Array {
  // (tried: frames f+2 less f−2, f+1..f+2 less f−2, f+2..f+3 less f−2, f+2 less f−3: held-out 12 / 13 0.8616 /
  // 0.8626, 0.8583 / 0.8774, 0.8607 / 0.8723, 0.8617 / 0.8661 against 0.8640 / 0.8786 with one delay)
  // (native: one pass row by row over the energies, each band's rise written to its column, in Math.max's order; the
  // TypeScript rule it replaced is test/native/post.test.ts's bandRisesRule)
  return native().postBandRises(postSeries(energy.values), energy.bands);
}

/** A delay line found in a file: its delay (onset flux frames) and per band the power gain of its repeats (0: none). */
export interface EchoLine {
  delayFrames: number;
  gains: Float64Array;
  /** The bands with enough sources at that delay. */
  evaluated: number;
}

/** The most sources per band and delay the echo model reads (spread over the file), and the fewest it needs. */
const ECHO_MAX_SOURCES = 256;
const ECHO_MIN_SOURCES = 8;

/**
 * The delay lines of a file (none, or up to echoMaxDelays; echoQuantile … echoMaxLagSeconds): for each delay and
 * band, the ratios of the rise one delay after each source onset (largest of ± 1 frame) to its own rise; the band
 * echoes where their echoQuantile quantile (the gain) is within echoMinGain–echoMaxGain, their median is within
 * echoSpreadDb of it and no delay within ± 3 frames has a gain larger by more than twice echoSpreadDb. The delays
 * with the most echoing bands (at least echoBandFraction of the bands with sources; ties: the larger mean gain) win.
 * `scales`: each band's scale.
 */
export function echoLines(
  rise: Float64Array,
  bands: number,
  scales: Float64Array,
  onsetFrames: readonly number[],
  hopSeconds: number,
  params: OnsetParameterValues = onsetDefaults(),
): EchoLine[] {
  const q = checkParameter('echoQuantile', ONSET_PARAMETERS.echoQuantile, params.echoQuantile);
  const maxDelays = checkParameter('echoMaxDelays', ONSET_PARAMETERS.echoMaxDelays, params.echoMaxDelays);
  if (!(q > 0) || bands === 0 || maxDelays < 1) return [];
  const spread = 10 ** (checkParameter('echoSpreadDb', ONSET_PARAMETERS.echoSpreadDb, params.echoSpreadDb) / 10);
  const minGain = checkParameter('echoMinGain', ONSET_PARAMETERS.echoMinGain, params.echoMinGain);
  const maxGain = checkParameter('echoMaxGain', ONSET_PARAMETERS.echoMaxGain, params.echoMaxGain);
  const bandFraction = checkParameter('echoBandFraction', ONSET_PARAMETERS.echoBandFraction, params.echoBandFraction);
  const srcFraction = checkParameter(
    'echoSourceFraction',
    ONSET_PARAMETERS.echoSourceFraction,
    params.echoSourceFraction,
  );
  const lo = Math.max(
    2,
    Math.round(
      checkParameter('echoMinLagSeconds', ONSET_PARAMETERS.echoMinLagSeconds, params.echoMinLagSeconds) / hopSeconds,
    ),
  );
  const hi = Math.round(
    checkParameter('echoMaxLagSeconds', ONSET_PARAMETERS.echoMaxLagSeconds, params.echoMaxLagSeconds) / hopSeconds,
  );
  const n = Math.floor(rise.length / bands);
  // per band its sources (at most ECHO_MAX_SOURCES, spread over the file: every step-th of those whose rise reaches
  // echoSourceFraction of the band's scale, step = max(1, count / ECHO_MAX_SOURCES)); per delay and band over the
  // band's column the ratios of the rise one delay after each source (largest of ± 1 frame) to its own — a source at
  // most echoMaxGain of the rise one delay before it may itself be a repeat (whose own repeat a delay without
  // feedback does not make): not a source at that delay —, and their two ranks (a partial selection):
  // the gain and the median ratio (NaN: too few sources). Native (post.cc echoRanks); the TypeScript rule it
  // replaced is test/native/post.test.ts's echoRanksRule. (A frame that is not an integer in range is no source.)
  const lags = Math.max(0, hi - lo + 1);
  const frames = Int32Array.from(onsetFrames, (f) => (Number.isInteger(f) && f >= 0 && f < n ? f : -1));
  const ranks = native().postEchoRanks(
    rise,
    bands,
    scales,
    frames,
    lo,
    Math.max(lo - 1, hi),
    srcFraction,
    maxGain,
    q,
    ECHO_MAX_SOURCES,
    ECHO_MIN_SOURCES,
  );
  const gain = ranks.subarray(0, lags * bands);
  const median = ranks.subarray(lags * bands);
  // a band echoes at a delay where its gain is within range, the ratios pile up at it, and no delay within ± 3
  // frames has a gain larger by more than twice echoSpreadDb (a sound repeated exactly one period apart gives,
  // 1–2 frames off that period, a fixed part of its rise: the period itself, its full rise, is far larger)
  const candidates: { line: EchoLine; count: number; mean: number }[] = [];
  for (let d = lo; d <= hi; d++) {
    const gains = new Float64Array(bands);
    let count = 0;
    let sum = 0;
    let evaluated = 0;
    for (let b = 0; b < bands; b++) {
      const g = gain[(d - lo) * bands + b]!;
      if (Number.isNaN(g)) continue;
      evaluated++;
      if (!(g >= minGain && g <= maxGain && median[(d - lo) * bands + b]! <= g * spread)) continue;
      let peak = true;
      for (let e = Math.max(lo, d - 3); e <= Math.min(hi, d + 3) && peak; e++)
        if (gain[(e - lo) * bands + b]! > g * spread * spread) peak = false;
      if (!peak) continue;
      gains[b] = g;
      count++;
      sum += g;
    }
    if (count > 0 && count >= bandFraction * evaluated)
      candidates.push({ line: { delayFrames: d, gains, evaluated }, count, mean: sum / count });
  }
  // the delays with the most echoing bands (ties: the larger mean gain), at least 3 frames apart (one repeat's rise
  // is seen at ± 1 frame of its delay)
  candidates.sort((a, b) => b.count - a.count || b.mean - a.mean);
  const lines: EchoLine[] = [];
  for (const c of candidates) {
    if (lines.length >= maxDelays) break;
    if (lines.every((l) => Math.abs(l.delayFrames - c.line.delayFrames) >= 3)) lines.push(c.line);
  }
  return lines;
}

/**
 * For each onset (time `t` s): whether it is kept by the echo model (echoMarginDb … echoExplainedFraction). With
 * delay lines found (echoLines) an onset is a repeat — dropped — when in every band its rise is at most echoMarginDb
 * above the largest over the delays of the band's gain times the rise one delay before (largest of ± 1 frame), plus
 * echoExcessFraction of the band's scale, and that prediction explains at least echoExplainedFraction of its rise
 * (each band divided by its scale). A hit played on a repeat rises in its own band beyond the prediction; a darker
 * repeat predicts nothing in the top bands.
 */
export function echoRepeats(
  onsets: readonly { t: number }[],
  energy: NonNullable<OnsetInput['bandEnergy']>,
  hopSeconds: number,
  params: OnsetParameterValues = onsetDefaults(),
  found?: { rise: Float64Array; scales: Float64Array; lines: EchoLine[] },
): boolean[] {
  const bands = energy.bands;
  const rise = found?.rise ?? bandRises(energy);
  const n = Math.floor(rise.length / bands);
  const frames = onsets.map((o) => Math.min(n - 1, Math.max(0, Math.round(o.t / hopSeconds))));
  const scales = found?.scales ?? bandScales(rise, bands, params);
  const lines = found ? found.lines : echoLines(rise, bands, scales, frames, hopSeconds, params);
  if (lines.length === 0) return onsets.map(() => true);
  const margin = 10 ** (checkParameter('echoMarginDb', ONSET_PARAMETERS.echoMarginDb, params.echoMarginDb) / 10);
  const excess = checkParameter('echoExcessFraction', ONSET_PARAMETERS.echoExcessFraction, params.echoExcessFraction);
  const explained = checkParameter(
    'echoExplainedFraction',
    ONSET_PARAMETERS.echoExplainedFraction,
    params.echoExplainedFraction,
  );
  return frames.map((f) => {
    if (lines.every((l) => f - l.delayFrames < 1)) return true;
    let total = 0;
    let covered = 0;
    for (let b = 0; b < bands; b++) {
      const s = scales[b]!;
      if (!(s > 0)) continue;
      const r = rise[b * n + f]!;
      // the prediction: the largest over the delays of the gain times the rise one delay before (± 1 frame)
      let pred = 0;
      for (const l of lines) {
        const at = f - l.delayFrames;
        if (at < 1 || !(l.gains[b]! > 0)) continue;
        const before = Math.max(rise[b * n + at - 1]!, rise[b * n + at]!, rise[b * n + Math.min(n - 1, at + 1)]!);
        pred = Math.max(pred, margin * l.gains[b]! * before);
      }
      if (r > pred + excess * s) return true;
      total += r / s;
      covered += Math.min(r, pred) / s;
    }
    return !(total > 0 && covered >= explained * total);
  });
}

/**
 * Choke onsets (s): a closed or pedal hat that cuts an open hat's ring (disco's choke) is often inaudible under the
 * ring and raises no band — the ring's sudden end is its evidence. Over the band energies at or above chokeMinHz
 * (their power summed per frame), a frame f counts when the sum falls by chokeDropDb from f to f + chokeSpanSeconds
 * and stays that far down for chokeHoldSeconds, when over chokeRingSeconds before f it stayed within chokeRingDb of
 * f's either way (a steady ring; not a closed hat's own decay after its attack, nor a burst's peak), when at least
 * chokeBandFraction of those bands each fall by chokeBandDropDb (the whole cymbal is cut) and when f's sum is at least
 * chokeLevelDb re the file's loudest frame. The onset is the last frame before the fall still within 1 dB of f
 * (frames are centred at i·hopSeconds). Linear power throughout: one native pass of sums and ratio tests
 * (postChokeStarts), the band test only for candidates.
 */
export function chokeOnsets(
  energy: NonNullable<OnsetInput['bandEnergy']>,
  hopSeconds: number,
  params: OnsetParameterValues = onsetDefaults(),
): number[] {
  const dropDb = checkParameter('chokeDropDb', ONSET_PARAMETERS.chokeDropDb, params.chokeDropDb);
  const minHz = checkParameter('chokeMinHz', ONSET_PARAMETERS.chokeMinHz, params.chokeMinHz);
  if (!(dropDb > 0) || !energy.lowHz || energy.lowHz.length !== energy.bands) return [];
  const B = energy.bands;
  const b0 = energy.lowHz.findIndex((hz) => hz >= minHz);
  if (b0 < 0) return [];
  const frames = (k: 'chokeSpanSeconds' | 'chokeHoldSeconds' | 'chokeRingSeconds', least: number) =>
    Math.max(least, Math.round(checkParameter(k, ONSET_PARAMETERS[k], params[k]) / hopSeconds));
  const span = frames('chokeSpanSeconds', 1);
  const hold = frames('chokeHoldSeconds', 0);
  const ring = frames('chokeRingSeconds', 0);
  const drop = 10 ** (-dropDb / 10);
  const ringDb = checkParameter('chokeRingDb', ONSET_PARAMETERS.chokeRingDb, params.chokeRingDb);
  const [ringHigh, ringLow] = [10 ** (ringDb / 10), 10 ** (-ringDb / 10)];
  const bandDrop =
    10 ** (-checkParameter('chokeBandDropDb', ONSET_PARAMETERS.chokeBandDropDb, params.chokeBandDropDb) / 10);
  const fraction = checkParameter('chokeBandFraction', ONSET_PARAMETERS.chokeBandFraction, params.chokeBandFraction);
  const level = 10 ** (checkParameter('chokeLevelDb', ONSET_PARAMETERS.chokeLevelDb, params.chokeLevelDb) / 10);
  const within1Db = 10 ** (-1 / 10);
  // native/src/post_cold.cc chokeStarts: the same tests in the same order, without a cold JavaScript pass over
  // every frame on the post chain's critical path (bench/RESULTS.md, h-onset33)
  const starts = native().postChokeStarts(
    postSeries(energy.values),
    B,
    b0,
    span,
    hold,
    ring,
    drop,
    ringHigh,
    ringLow,
    bandDrop,
    fraction,
    level,
    within1Db,
  );
  return Array.from(starts, (f) => f * hopSeconds);
}

/** Each band's scale: the rise that fluxScaleTopFraction of its frames exceed (its own loud hits). */
export function bandScales(rise: Float64Array, bands: number, params: OnsetParameterValues): Float64Array {
  const n = Math.floor(rise.length / bands);
  const scales = new Float64Array(bands);
  for (let b = 0; b < bands; b++) {
    const col = rise.subarray(b * n, (b + 1) * n);
    scales[b] = percentile(col, 1 - params.fluxScaleTopFraction) || percentile(col, 1);
  }
  return scales;
}

/** The rise span and lookback of the fine envelope, ticks. */
function riseTicks(tickSeconds: number, params: OnsetParameterValues): { span: number; lookback: number } {
  const span = Math.max(
    1,
    Math.round(
      checkParameter('riseSpanSeconds', ONSET_PARAMETERS.riseSpanSeconds, params.riseSpanSeconds) / tickSeconds,
    ),
  );
  const lookback = Math.round(
    checkParameter('riseLookbackSeconds', ONSET_PARAMETERS.riseLookbackSeconds, params.riseLookbackSeconds) /
      tickSeconds,
  );
  return { span, lookback };
}

/**
 * The fine envelope's rises (fineRises) as detectOnsets finds them with these parameters: for a caller that
 * detects onsets more than once on one envelope (analyze's onsets and tempo's mel onsets) and passes them as
 * OnsetInput.rises.
 */
export function onsetFineRises(
  fineEnergy: ArrayLike<number>,
  tickSeconds: number,
  params: OnsetParameterValues = onsetDefaults(),
): number[] {
  const { span, lookback } = riseTicks(tickSeconds, params);
  return fineRises(fineEnergy, span, lookback, tickSeconds, params);
}

/** The onset flux split into its frequency groups and, when the extractor made it, the timbre novelty column. */
export function splitFlux(flux: NonNullable<OnsetInput['flux']>): {
  bands: NonNullable<OnsetInput['flux']>;
  novelty?: Float64Array;
} {
  if (flux.groups !== FLUX_BAND_GROUPS + 1) return { bands: flux };
  const g = FLUX_BAND_GROUPS;
  // native (post_cold.cc): this loop over every frame ran once per file, cold
  const [values, novelty] = native().postSplitFlux(postSeries(flux.values), g);
  return { bands: { values, groups: g, hopSeconds: flux.hopSeconds }, novelty };
}

/** The strength of an onset at `t` s: the mel envelope's (dB) larger value at the frame nearest it and the next. */
function strengthAt(odf: ArrayLike<number>, hopSeconds: number, t: number): number {
  const i = Math.min(odf.length - 1, Math.max(0, Math.round(t / hopSeconds)));
  return Math.max(odf[i] ?? 0, odf[Math.min(odf.length - 1, i + 1)] ?? 0);
}

/** What detectOnsets places its peaks with (ticks of the fine envelope, seconds, ratios). */
interface Placement {
  fineEnergy: ArrayLike<number>;
  /** The envelope the peaks were picked on (its value decides between two onsets too close together). */
  env: ArrayLike<number>;
  odf: ArrayLike<number>;
  hopSeconds: number;
  tickSeconds: number;
  /** The mel envelope's (odf's) hop, s. */
  melHopSeconds: number;
  /** The strength read from odf near the placed time (onset flux), else odf at the peak frame. */
  strengthNear: boolean;
  before: number;
  after: number;
  span: number;
  lookback: number;
  floorRatio: number;
  attackTicks: number;
  startRatio: number;
  backtrack: { ticks: number; ratio: number };
  minIntervalSeconds: number;
}

/**
 * Each peak frame's onset: the steepest rise of the fine envelope within the frame's window, placed at its attack;
 * of two closer than minIntervalSeconds, the one with the larger envelope value. A function of its own, with one
 * argument shape for every caller: its loop is compiled once, not as an on-stack replacement of detectOnsets.
 */
function placePeaks(peaks: readonly number[], o: Placement): { t: number; s: number; e: number; p: number }[] {
  const { fineEnergy, env, odf, hopSeconds, tickSeconds, melHopSeconds, strengthNear, span, lookback } = o;
  // each frame's window [center − before, center + after] (the rise that made this frame's flux lies inside it;
  // it may only just have entered it: dB flux reacts to a sound at the window's edge), the steepest rise within it
  // above the floor (floorRatio × the window's loudest tick) and its attack start (steepestRise, attackStart):
  // native/src/post.cc placeRises
  const times = native().postPlaceRises(
    postSeries(fineEnergy),
    Int32Array.from(peaks),
    hopSeconds,
    tickSeconds,
    o.before,
    o.after,
    span,
    o.floorRatio,
    lookback,
    o.attackTicks,
    o.startRatio,
    o.backtrack.ticks > 0 ? o.backtrack.ticks : 0,
    o.backtrack.ratio,
  );
  const out: { t: number; s: number; e: number; p: number }[] = [];
  for (let k = 0; k < peaks.length; k++) {
    const p = peaks[k]!;
    const t = times[k]!;
    const s = strengthNear ? strengthAt(odf, melHopSeconds, t) : odf[p]!;
    const e = env[p]!;
    const last = out[out.length - 1];
    if (last && t - last.t < o.minIntervalSeconds) {
      if (e > last.e) out[out.length - 1] = { t, s, e, p };
      continue;
    }
    out.push({ t, s, e, p });
  }
  return out;
}

/** The peak picking options of the onset flux envelope: pickPeaks' own with the flux's delta, median and window. */
export function fluxPick(params: OnsetParameterValues = onsetDefaults()): OnsetParameterValues {
  return {
    ...params,
    deltaFraction: params.fluxDeltaFraction,
    medianSeconds: params.fluxMedianSeconds,
    peakWindowSeconds: params.fluxPeakWindowSeconds,
  };
}

/** What the rules decided on the way, for the peak model's flags (ruleFlags): frames (wash) and times (the rest). */
interface RuleTrace {
  wash: number[];
  lead: number[];
  tail: number[];
  incoherent: number[];
  echo: number[];
  rise: Set<number>;
  novelty: Set<number>;
  choke: Set<number>;
}
const newTrace = (): RuleTrace => ({
  wash: [],
  lead: [],
  tail: [],
  incoherent: [],
  echo: [],
  rise: new Set(),
  novelty: new Set(),
  choke: new Set(),
});

/**
 * A candidate's rule flags, in peak-model.ts RULE_FLAGS' order: the kind of peak or onset it is (a lead or trail
 * peak, a group's peak the envelope did not pick, a fine rise's, the novelty's or a choke's onset) and which rule
 * dropped an onset or peak at it (within minIntervalSeconds; the wash test's peaks within ± 1 frame).
 */
function ruleFlags(
  c: PeakCandidate,
  trace: RuleTrace,
  kinds: { lead: Set<number>; trail: Set<number>; group: Set<number> },
  minInterval: number,
): number[] {
  const near = (ts: number[]) => (ts.some((t) => Math.abs(t - c.t) < minInterval) ? 1 : 0);
  const peak = c.main && c.source === 0;
  return [
    peak && kinds.lead.has(c.p) ? 1 : 0,
    peak && kinds.trail.has(c.p) ? 1 : 0,
    peak && kinds.group.has(c.p) ? 1 : 0,
    c.main && trace.rise.has(c.t) ? 1 : 0,
    c.main && trace.novelty.has(c.t) ? 1 : 0,
    c.main && trace.choke.has(c.t) ? 1 : 0,
    near(trace.lead),
    c.p >= 0 && trace.wash.some((p) => Math.abs(p - c.p) <= 1) ? 1 : 0,
    near(trace.tail),
    near(trace.incoherent),
    near(trace.echo),
  ];
}

/** detectOnsets' options that leave its output unchanged. */
export interface DetectOptions {
  /**
   * Every candidate peak with its features (peak-model.ts peakFeatures; the bench's dump, bench/onset-learn.ts):
   * main's onsets and the low-floor peaks (onsetModelFloor) none of them is near.
   */
  onCandidates?: (candidates: readonly Readonly<PeakCandidate>[]) => void;
}

export function detectOnsets(
  input: OnsetInput,
  params: OnsetParameterValues = onsetDefaults(),
  options: DetectOptions = {},
): Onsets {
  const { odf, fineEnergy, tickSeconds } = input;
  const split = input.flux ? splitFlux(input.flux) : undefined;
  if (split) input = { ...input, flux: split.bands };
  // the onset flux when the extractor made it (analyze --features onsets), else the shared STFT's mel envelope
  // the groups' scales and scaled columns, once for the envelope, the group peaks and the wash test
  const columns = input.flux ? fluxColumns(input.flux, params) : undefined;
  const env = input.flux ? fluxEnvelope(input.flux, params, columns) : odf;
  const hopSeconds = input.flux ? input.flux.hopSeconds : input.hopSeconds;
  const pick = input.flux ? fluxPick(params) : params;
  // the mean envelope's peaks and, with the onset flux, each group's own (one onset per rise: placement and the
  // minimum interval below merge the picks of one hit)
  const valley = valleyOptions(hopSeconds, params);
  const envPeaks = pickPeaks(env, 1 / hopSeconds, pick);
  const fluxGroupPeaksOnce = input.flux ? fluxGroupPeaks(input.flux, params, columns) : [];
  // … and the envelope's lead peaks (a stroke just before a larger one: leadPeaks), tested for a rise once placed
  const trailPeaks = new Set<number>();
  const leads = input.flux
    ? valleyPeaks(env, leadPeaks(env, envPeaks, hopSeconds, pick, params, trailPeaks), valley.frames, valley.fraction)
    : [];
  // … each standing out of any sustained wash (washPeaks)
  // the rules' decisions, kept for the peak model's features (ruleFlags) when it is asked for
  const trace = newTrace();
  const unwashed = input.flux
    ? [
        ...new Set([...valleyPeaks(env, envPeaks, valley.frames, valley.fraction), ...leads, ...fluxGroupPeaksOnce]),
      ].sort((a, b) => a - b)
    : [];
  const peaks = input.flux
    ? washPeaks(unwashed, input.flux, split?.novelty, params, columns)
    : pickPeaks(env, 1 / hopSeconds, pick);
  if (input.flux) {
    const washed = new Set(peaks);
    trace.wash = unwashed.filter((p) => !washed.has(p));
  }
  const strength = (t: number) => strengthAt(odf, input.hopSeconds, t);
  const { span, lookback } = riseTicks(tickSeconds, params);
  const before = input.flux
    ? checkParameter(
        'fluxSearchBeforeSeconds',
        ONSET_PARAMETERS.fluxSearchBeforeSeconds,
        params.fluxSearchBeforeSeconds,
      )
    : checkParameter('searchBeforeSeconds', ONSET_PARAMETERS.searchBeforeSeconds, params.searchBeforeSeconds);
  const after = input.flux
    ? checkParameter('fluxSearchAfterSeconds', ONSET_PARAMETERS.fluxSearchAfterSeconds, params.fluxSearchAfterSeconds)
    : checkParameter('searchAfterSeconds', ONSET_PARAMETERS.searchAfterSeconds, params.searchAfterSeconds);
  const floorRatio = 10 ** (checkParameter('riseFloorDb', ONSET_PARAMETERS.riseFloorDb, params.riseFloorDb) / 10);
  const attackTicks = Math.max(
    1,
    Math.round(checkParameter('attackSeconds', ONSET_PARAMETERS.attackSeconds, params.attackSeconds) / tickSeconds),
  );
  const startRatio = 10 ** (checkParameter('startLevelDb', ONSET_PARAMETERS.startLevelDb, params.startLevelDb) / 10);
  const backtrack = {
    ticks: Math.round(
      checkParameter('backtrackSeconds', ONSET_PARAMETERS.backtrackSeconds, params.backtrackSeconds) / tickSeconds,
    ),
    ratio: 10 ** (checkParameter('backtrackLevelDb', ONSET_PARAMETERS.backtrackLevelDb, params.backtrackLevelDb) / 10),
  };
  // e: the envelope value that decides between two onsets closer than minIntervalSeconds
  const placement: Placement = {
    fineEnergy,
    env,
    odf,
    hopSeconds,
    tickSeconds,
    melHopSeconds: input.hopSeconds,
    // strengths from the mel envelope near the placed time (onset flux), else the peak frame's own
    strengthNear: input.flux !== undefined,
    before,
    after,
    span,
    lookback,
    floorRatio,
    attackTicks,
    startRatio,
    backtrack,
    minIntervalSeconds: params.minIntervalSeconds,
  };
  const out = placePeaks(peaks, placement);
  // a lead peak's onset only where it adds energy (fluxLeadRiseDb; unless a peak of its own picked that frame too)
  if (leads.length) {
    const lead = new Set(leads);
    const own = new Set(fluxGroupPeaksOnce);
    const ratio = 10 ** (checkParameter('fluxLeadRiseDb', ONSET_PARAMETERS.fluxLeadRiseDb, params.fluxLeadRiseDb) / 10);
    // a trail peak (leadPeaks: a larger frame within the peak window before it) against fluxTrailRiseDb
    const trailRatio =
      10 ** (checkParameter('fluxTrailRiseDb', ONSET_PARAMETERS.fluxTrailRiseDb, params.fluxTrailRiseDb) / 10);
    const spans = tailSpans(tickSeconds, params);
    const keep = out.map(({ t, p }) => {
      if (!lead.has(p) || own.has(p)) return true;
      const rise = energyRise(fineEnergy, t, tickSeconds, spans.after, spans.before);
      return rise === undefined || rise >= (trailPeaks.has(p) ? trailRatio : ratio);
    });
    trace.lead = out.filter((_, k) => !keep[k]).map((o) => o.t);
    out.splice(0, out.length, ...out.filter((_, k) => keep[k]));
  }
  // flux onsets in a decaying tail that neither change the timbre, nor rise loudly, nor add energy (tailOnsets)
  if (split?.novelty && columns) {
    const keep = tailOnsets(out, split.novelty, input.flux!, columns, fineEnergy, tickSeconds, params);
    trace.tail = out.filter((_, k) => !keep[k]).map((o) => o.t);
    out.splice(0, out.length, ...out.filter((_, k) => keep[k]));
  }
  // … and flux onsets whose rise is incoherent across the novelty's filters that do not rise loudly
  if (input.noveltyCoherence) {
    const keep = incoherentOnsets(out, input.noveltyCoherence, fineEnergy, tickSeconds, params);
    trace.incoherent = out.filter((_, k) => !keep[k]).map((o) => o.t);
    out.splice(0, out.length, ...out.filter((_, k) => keep[k]));
  }
  const rises = input.rises ?? fineRises(fineEnergy, span, lookback, tickSeconds, params);
  // a rise counts where no placed onset is within minIntervalSeconds: the nearest one, found by bisection
  const placed = out.map((o) => o.t).sort((a, b) => a - b);
  const extra = Array.from(rises).filter((tick) => nearest(placed, tick * tickSeconds) >= params.minIntervalSeconds);
  for (const rise of extra) {
    const t = Math.max(
      0,
      attackStart(fineEnergy, rise, span, attackTicks, startRatio, lookback, backtrack) * tickSeconds,
    );
    out.push({ t, s: strength(t), e: 0, p: -1 });
    trace.rise.add(t);
  }
  // timbre novelty: a hat inside a ringing or choked open hat, where no group's flux rises; only where no other
  // onset is near (the novelty of a hit the flux found is not a second onset)
  if (split?.novelty) {
    const exclusion = checkParameter(
      'noveltyExclusionSeconds',
      ONSET_PARAMETERS.noveltyExclusionSeconds,
      params.noveltyExclusionSeconds,
    );
    const found = out.map((o) => o.t).sort((a, b) => a - b);
    const lead = checkParameter('noveltyLeadSeconds', ONSET_PARAMETERS.noveltyLeadSeconds, params.noveltyLeadSeconds);
    const edgeFraction = checkParameter(
      'noveltyEdgeFraction',
      ONSET_PARAMETERS.noveltyEdgeFraction,
      params.noveltyEdgeFraction,
    );
    const maxBack = Math.round(params.fluxPeakWindowSeconds / hopSeconds);
    const coherence = input.noveltyCoherence;
    const minCoherence = checkParameter('noveltyCoherence', ONSET_PARAMETERS.noveltyCoherence, params.noveltyCoherence);
    const washMads = checkParameter('noveltyWashMads', ONSET_PARAMETERS.noveltyWashMads, params.noveltyWashMads);
    const candidates = noveltyPeaks(split.novelty, hopSeconds, params);
    // … whose rise is coherent across the novelty's filters, or that rises out of any sustained wash in some group
    // (a ride's or a brush's own fluctuation does neither; a hat in a quiet context or an open hat's ring does)
    const rises = coherence && minCoherence > 0 ? washRises(candidates, input.flux!, params, columns) : [];
    const coherent = (p: number, k: number) => {
      if (!coherence || !(minCoherence > 0) || rises[k]! >= washMads) return true;
      for (let i = Math.max(0, p - 1); i <= Math.min(coherence.length - 1, p + 1); i++)
        if (coherence[i]! >= minCoherence) return true;
      return false;
    };
    const minDb = checkParameter('noveltyMinDb', ONSET_PARAMETERS.noveltyMinDb, params.noveltyMinDb);
    for (const [c, p] of candidates.entries()) {
      if (!coherent(p, c) || split.novelty[p]! < minDb) continue;
      // no energy rise marks these hits (the level is flat or falling): placed from the novelty itself
      // … at the rising edge of the novelty peak: the first frame from which it stays at or above
      // noveltyEdgeFraction of the peak (a choke's shape change peaks once the open hat has faded)
      const edge = split.novelty[p]! * edgeFraction;
      let k = p;
      while (k > 0 && p - k < maxBack && split.novelty[k - 1]! >= edge) k--;
      const t = Math.max(0, k * hopSeconds - lead);
      if (nearest(found, t) <= exclusion) continue;
      out.push({ t, s: strength(t), e: 0, p: -1 });
      trace.novelty.add(t);
    }
  }
  out.sort((a, b) => a.t - b.t);
  // a delay line's repeats (echoRepeats), over every onset found
  if (input.bandEnergy && input.flux && params.echoQuantile > 0) {
    const keep = echoRepeats(out, input.bandEnergy, input.flux.hopSeconds, params);
    trace.echo = out.filter((_, k) => !keep[k]).map((o) => o.t);
    out.splice(0, out.length, ...out.filter((_, k) => keep[k]));
  }
  // an open hat's ring cut by a closed or pedal hat that raised no band (chokeOnsets), where no onset is near and
  // none was found just before it (after the echo test: a choke is no repeat)
  if (input.bandEnergy && input.flux) {
    const chokes = chokeOnsets(input.bandEnergy, input.flux.hopSeconds, params);
    if (chokes.length) {
      const exclusion = checkParameter(
        'chokeExclusionSeconds',
        ONSET_PARAMETERS.chokeExclusionSeconds,
        params.chokeExclusionSeconds,
      );
      const quiet = checkParameter('chokeQuietSeconds', ONSET_PARAMETERS.chokeQuietSeconds, params.chokeQuietSeconds);
      const found = out.map((o) => o.t);
      for (const t of chokes) {
        if (nearest(found, t) <= exclusion) continue;
        // the onset found last before it (found is ascending)
        const before = lowerBound(found, t) - 1;
        if (before >= 0 && t - found[before]! < quiet) continue;
        out.push({ t, s: strength(t), e: 0, p: -1 });
        trace.choke.add(t);
      }
      out.sort((a, b) => a.t - b.t);
    }
  }
  const model = checkParameter('onsetModel', ONSET_PARAMETERS.onsetModel, params.onsetModel) > 0;
  if ((options.onCandidates || model) && input.flux && columns) {
    // the candidates: main's onsets and the envelope's and groups' peaks over a low floor, placed as main's
    // (over a peak window of onsetModelWindowSeconds: a grace stroke 40 ms before its main stroke is a peak too)
    const floor = checkParameter('onsetModelFloor', ONSET_PARAMETERS.onsetModelFloor, params.onsetModelFloor);
    const window = checkParameter(
      'onsetModelWindowSeconds',
      ONSET_PARAMETERS.onsetModelWindowSeconds,
      params.onsetModelWindowSeconds,
    );
    // … and the short-window candidates (h-onset89): the same floor's peaks within ± onsetModelShortWindowSeconds
    // that no candidate is near (a closed hat or a flam's stroke merged into a louder stroke's peak by the window).
    // When on, one pass picks both (h-onset92): the window's peaks are the short window's peaks that are the largest
    // within ± the window (largestWithin; the same frames as picking them again, the dumps' rows equal)
    const short = checkParameter(
      'onsetModelShortWindowSeconds',
      ONSET_PARAMETERS.onsetModelShortWindowSeconds,
      params.onsetModelShortWindowSeconds,
    );
    const first = short > 0 && short <= window ? short : window;
    const frames = Math.max(1, Math.round(window / hopSeconds));
    const lowPick = { ...pick, deltaFraction: pick.deltaFraction * floor, peakWindowSeconds: first };
    const wider = first < window ? { frames, peaks: new Set<number>() } : undefined;
    const envFirst = pickPeaks(env, 1 / hopSeconds, lowPick);
    const colFirst = columnPeaks(
      columns,
      hopSeconds,
      params.fluxGroupDeltaFraction * floor,
      { ...params, fluxPeakWindowSeconds: first },
      wider,
    );
    const low = wider
      ? [...new Set([...envFirst.filter((p) => largestWithin(env, p, frames)), ...wider.peaks])].sort((a, b) => a - b)
      : [...new Set([...envFirst, ...colFirst])].sort((a, b) => a - b);
    const mainTimes = out.map((o) => o.t).sort((a, b) => a - b);
    const cands: PeakCandidate[] = out.map((o) => ({ t: o.t, p: o.p, s: o.s, main: 1, source: o.p >= 0 ? 0 : 1 }));
    for (const o of placePeaks(low, placement))
      if (nearest(mainTimes, o.t) >= params.minIntervalSeconds)
        cands.push({ t: o.t, p: o.p, s: o.s, main: 0, source: 2 });
    // the envelope's and groups' peaks over the floor, each the largest within ± w
    const peaksWithin = (w: number) => [
      ...new Set([
        ...pickPeaks(env, 1 / hopSeconds, { ...lowPick, peakWindowSeconds: w }),
        ...columnPeaks(columns, hopSeconds, params.fluxGroupDeltaFraction * floor, {
          ...params,
          fluxPeakWindowSeconds: w,
        }),
      ]),
    ];
    const taken = new Set(low);
    if (short > 0) {
      const shortPeaks = (wider ? [...new Set([...envFirst, ...colFirst])] : peaksWithin(short))
        .filter((p) => !taken.has(p))
        .sort((a, b) => a - b);
      const near = cands.map((c) => c.t).sort((a, b) => a - b);
      for (const o of placePeaks(shortPeaks, placement))
        if (nearest(near, o.t) >= params.minIntervalSeconds) cands.push({ t: o.t, p: o.p, s: o.s, main: 0, source: 3 });
      for (const p of shortPeaks) taken.add(p);
    }
    // … and the sub-window candidates (h-onset100): the same floor's peaks within ± onsetModelSubWindowSeconds that
    // no candidate is near (a flam's, a drag's or a 32nd's stroke 20–50 ms from a louder one whose peak even the short
    // window merges: its envelope or a group's column peaks on the louder stroke's flank)
    const sub = checkParameter(
      'onsetModelSubWindowSeconds',
      ONSET_PARAMETERS.onsetModelSubWindowSeconds,
      params.onsetModelSubWindowSeconds,
    );
    if (sub > 0) {
      const subPeaks = peaksWithin(sub)
        .filter((p) => !taken.has(p))
        .sort((a, b) => a - b);
      const near = cands.map((c) => c.t).sort((a, b) => a - b);
      for (const o of placePeaks(subPeaks, placement))
        if (nearest(near, o.t) >= params.minIntervalSeconds)
          cands.push({ t: o.t, p: o.p, s: o.s, main: 0, source: SUB_SOURCE });
    }
    cands.sort((a, b) => a.t - b.t);
    const own = new Set(fluxGroupPeaksOnce);
    const kinds = {
      lead: new Set(leads),
      trail: trailPeaks,
      group: new Set([...own].filter((p) => !envPeaks.includes(p))),
    };
    for (const c of cands) c.flags = ruleFlags(c, trace, kinds, params.minIntervalSeconds);
    const spans = tailSpans(tickSeconds, params);
    const round = checkParameter('onsetModelPreset', ONSET_PARAMETERS.onsetModelPreset, params.onsetModelPreset);
    peakFeatures(cands, {
      // the context evidence (h-onset66) only where it is read: a dump, or a preset whose trees read it
      context:
        options.onCandidates !== undefined ||
        (model && [round, peakModel(round).ordinary ?? round].some((r) => readsContext(peakModel(r)))),
      env,
      hopSeconds,
      columns: columns.scaled,
      groups: FLUX_BAND_GROUPS,
      ...(split?.novelty ? { novelty: split.novelty } : {}),
      ...(input.noveltyCoherence ? { coherence: input.noveltyCoherence } : {}),
      fineEnergy,
      tickSeconds,
      ...(input.bandEnergy ? { bandEnergy: input.bandEnergy } : {}),
      medianFrames: Math.max(1, Math.round(params.fluxMedianSeconds / hopSeconds)),
      riseAfter: spans.after,
      riseBefore: spans.before,
      ordinaryRuns: round >= ORDINARY_RUNS_ROUND,
    });
    options.onCandidates?.(cands);
    // the model reads only what it was trained on: the onset flux's groups, its timbre novelty and coherence and
    // the band energies (an input without them, e.g. a hand-made envelope, keeps the rules' onsets)
    const evidence =
      split?.novelty !== undefined &&
      input.noveltyCoherence !== undefined &&
      input.bandEnergy !== undefined &&
      columns.scaled.length === FLUX_BAND_GROUPS;
    if (model && evidence) {
      const threshold = checkParameter(
        'onsetModelThreshold',
        ONSET_PARAMETERS.onsetModelThreshold,
        params.onsetModelThreshold,
      );
      // a window model (h-onset97): the ordinary candidates its `ordinary` preset's, the window's its own
      // … and a sub-window model (h-onset100): the short window's candidates its `window` preset's
      const m = peakModel(round);
      const windows = m.window !== undefined ? [peakModel(m.window), m] : [m];
      const kept =
        m.ordinary !== undefined
          ? acceptPeaks(cands, peakModel(m.ordinary), threshold, params.minIntervalSeconds, windows)
          : acceptPeaks(cands, m, threshold, params.minIntervalSeconds);
      out.splice(0, out.length, ...kept.map((c) => ({ t: c.t, s: c.s, e: 0, p: c.p })));
    }
  }
  return {
    times: out.map((o) => Math.round(o.t * 10000) / 10000),
    strengths: out.map((o) => Math.round(o.s * 100) / 100),
  };
}
