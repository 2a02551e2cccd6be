/**
 * Onsets (SPEC §5 `onsets`): peaks of the onset-strength envelope (a SuperFlux-style rise of the
 * mel band levels, Böck & Widmer 2013) picked with a local-maximum + local-mean rule (Böck,
 * Krebs & Schedl 2012), each then placed on the fine energy envelope at the point of steepest
 * energy rise (tick resolution, 0.5 ms) — the envelope frame alone is only good to ±1 hop.
 */
import type { FeatureReport } from '../../native.js';
import { ONSET_PARAMETERS, checkParameter } from '../analysis/params.js';

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
}

export function onsetInput(r: FeatureReport, sampleRate: number, windowSamples: number): OnsetInput {
  return {
    odf: r.odf,
    hopSeconds: r.hopSeconds,
    windowSeconds: windowSamples / sampleRate,
    fineEnergy: r.fineEnergy,
    tickSeconds: r.tickSamples / sampleRate,
  };
}

function percentile(xs: ArrayLike<number>, q: number): number {
  const a = Float64Array.from(xs as ArrayLike<number>).sort();
  if (a.length === 0) return 0;
  return a[Math.min(a.length - 1, Math.floor(q * (a.length - 1)))]!;
}

/** Frame indices of onset peaks in the envelope. */
export function pickPeaks(odf: ArrayLike<number>, frameRate: number): number[] {
  const n = odf.length;
  // the 99th percentile, or the maximum when fewer than 1 % of the frames carry any onset
  const scale = percentile(odf, 0.99) || percentile(odf, 1);
  if (!(scale > 0)) return [];
  const delta = checkParameter('deltaFraction', ONSET_PARAMETERS.deltaFraction) * scale;
  const avg = Math.max(1, Math.round(checkParameter('medianSeconds', ONSET_PARAMETERS.medianSeconds) * frameRate));
  const maxW = Math.max(1, Math.round(0.03 * frameRate));
  const minGap = Math.max(
    1,
    Math.round(checkParameter('minIntervalSeconds', ONSET_PARAMETERS.minIntervalSeconds) * frameRate),
  );
  // prefix sums for the local mean
  const pre = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) pre[i + 1] = pre[i]! + odf[i]!;
  const peaks: number[] = [];
  for (let t = 0; t < n; t++) {
    const v = odf[t]!;
    if (v <= 0) continue;
    let isMax = true;
    for (let j = Math.max(0, t - maxW); j <= Math.min(n - 1, t + maxW); j++) {
      if (odf[j]! > v || (odf[j]! === v && j < t)) {
        isMax = false;
        break;
      }
    }
    if (!isMax) continue;
    const lo = Math.max(0, t - avg);
    const hi = Math.min(n, t + avg + 1);
    const mean = (pre[hi]! - pre[lo]!) / (hi - lo);
    if (v < mean + delta) continue;
    if (peaks.length && t - peaks[peaks.length - 1]! < minGap) {
      if (v > odf[peaks[peaks.length - 1]!]!) peaks[peaks.length - 1] = t;
      continue;
    }
    peaks.push(t);
  }
  return peaks;
}

/**
 * The tick in [fromTick, toTick) where the energy of the following `span` ticks most exceeds
 * that of the preceding `span` ticks (log ratio): the start of the attack.
 */
export function steepestRise(fine: ArrayLike<number>, fromTick: number, toTick: number, span: number): number {
  const lo = Math.max(span, fromTick);
  const hi = Math.min(fine.length - span, toTick);
  let best = -Infinity;
  let at = Math.max(0, Math.min(fine.length - 1, fromTick));
  for (let i = lo; i < hi; i++) {
    let before = 1e-12;
    let after = 1e-12;
    for (let j = 1; j <= span; j++) before += fine[i - j]!;
    for (let j = 0; j < span; j++) after += fine[i + j]!;
    const ratio = Math.log(after / before);
    if (ratio > best) {
      best = ratio;
      at = i;
    }
  }
  return at;
}

export function detectOnsets(input: OnsetInput): Onsets {
  const { odf, hopSeconds, windowSeconds, fineEnergy, tickSeconds } = input;
  const peaks = pickPeaks(odf, 1 / hopSeconds);
  const span = Math.max(2, Math.round(0.002 / tickSeconds));
  const out: { t: number; s: number }[] = [];
  for (const p of peaks) {
    const center = p * hopSeconds;
    // the rise that made this frame's flux lies inside this frame's window (it may only just have
    // entered it: dB flux reacts to a sound at the window's edge)
    const from = Math.floor((center - windowSeconds / 2 - hopSeconds) / tickSeconds);
    const to = Math.ceil((center + windowSeconds / 2) / tickSeconds);
    const tick = steepestRise(fineEnergy, Math.max(0, from), to, span);
    const t = Math.max(0, tick * tickSeconds);
    const s = odf[p]!;
    const last = out[out.length - 1];
    if (last && t - last.t < ONSET_PARAMETERS.minIntervalSeconds.value) {
      if (s > last.s) out[out.length - 1] = { t, s };
      continue;
    }
    out.push({ t, s });
  }
  return {
    times: out.map((o) => Math.round(o.t * 10000) / 10000),
    strengths: out.map((o) => Math.round(o.s * 100) / 100),
  };
}
