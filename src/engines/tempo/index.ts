/**
 * Tempo, beats and downbeats (SPEC §5 `tempo`) from the onset-strength envelope.
 *
 * Tempo: autocorrelation of the mean-removed envelope; each candidate tempo is scored by the
 * correlation at its beat period and (with halving weights) at 2, 3 and 4 periods, times a
 * log-normal prior on tempo (metrical-level preference), on a 0.05 BPM grid. Beats: dynamic
 * programming beat tracker (Ellis 2007, "Beat tracking by dynamic programming"), each beat then
 * snapped to a detected onset within a quarter period; the reported BPM is the slope of a
 * straight-line fit of the beat times. Downbeats: 4/4 assumed; the bar phase whose beats carry
 * the most low-frequency onset strength and harmonic change.
 */
import { TEMPO_PARAMETERS, checkParameter } from '../analysis/params.js';
import { pickPeaks } from '../onsets/index.js';

export interface TempoCandidate {
  bpm: number;
  confidence: number;
}

export interface Tempo {
  /** Null when there is no periodic onset structure (silence, a single event). */
  bpm: number | null;
  confidence: number;
  /** Seconds. */
  beats: number[];
  downbeats: number[];
  alternatives: TempoCandidate[];
}

export interface TempoInput {
  odf: ArrayLike<number>;
  /** Low-band onset strength per frame (kick). */
  odfLow?: ArrayLike<number>;
  /** 12 chroma values per frame, frame-major. */
  chroma?: ArrayLike<number>;
  hopSeconds: number;
  /** Refined onset times, seconds (beats are snapped to them). */
  onsetTimes?: number[];
}

const NO_TEMPO: Tempo = { bpm: null, confidence: 0, beats: [], downbeats: [], alternatives: [] };

/** Weights of the autocorrelation at 1, 2, 3 and 4 beat periods. */
export const TEMPO_COMB = [1, 0.5, 0.25, 0.125] as const;

/** Normalized autocorrelation r[0..maxLag] of x − mean(x). */
export function autocorrelation(x: ArrayLike<number>, maxLag: number): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= Math.max(1, n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = x[i]! - mean;
  const r = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag && lag < n; lag++) {
    let s = 0;
    for (let i = 0; i + lag < n; i++) s += y[i]! * y[i + lag]!;
    r[lag] = s;
  }
  const r0 = r[0]!;
  if (r0 > 0) for (let lag = 0; lag <= maxLag; lag++) r[lag] = r[lag]! / r0;
  return r;
}

function at(r: Float64Array, lag: number): number {
  const i = Math.floor(lag);
  if (i + 1 >= r.length) return 0;
  const f = lag - i;
  return r[i]! * (1 - f) + r[i + 1]! * f;
}

export interface TempoOptions {
  priorCenterBpm?: number;
  priorOctaves?: number;
  /** Weights of the autocorrelation at 1, 2, 3 and 4 beat periods. */
  comb?: readonly number[];
}

/** Tempo salience on a BPM grid (prior applied), for inspection and tests. */
export function tempoSalience(odf: ArrayLike<number>, frameRate: number, options: TempoOptions = {}): { bpm: number[]; score: number[] } {
  const minBpm = checkParameter('minBpm', TEMPO_PARAMETERS.minBpm);
  const maxBpm = checkParameter('maxBpm', TEMPO_PARAMETERS.maxBpm);
  const center = checkParameter('priorCenterBpm', TEMPO_PARAMETERS.priorCenterBpm, options.priorCenterBpm);
  const sigma = checkParameter('priorOctaves', TEMPO_PARAMETERS.priorOctaves, options.priorOctaves);
  const comb = options.comb ?? TEMPO_COMB;
  const maxLag = Math.ceil((comb.length * 60 * frameRate) / minBpm) + 2;
  const r = autocorrelation(odf, maxLag);
  const bpm: number[] = [];
  const score: number[] = [];
  for (let b = minBpm; b <= maxBpm + 1e-9; b += 0.05) {
    const lag = (60 * frameRate) / b;
    let s = 0;
    comb.forEach((w, k) => (s += w * at(r, (k + 1) * lag)));
    const prior = Math.exp(-0.5 * (Math.log2(b / center) / sigma) ** 2);
    bpm.push(b);
    score.push(Math.max(0, s) * prior);
  }
  return { bpm, score };
}

/** Beat frames by dynamic programming for a given period (frames). */
export function trackBeats(odf: ArrayLike<number>, period: number, tightness = TEMPO_PARAMETERS.beatTightness.value): number[] {
  const n = odf.length;
  if (n === 0 || !(period > 1)) return [];
  let mean = 0;
  for (let i = 0; i < n; i++) mean += odf[i]!;
  mean /= n;
  let sd = 0;
  for (let i = 0; i < n; i++) sd += (odf[i]! - mean) ** 2;
  sd = Math.sqrt(sd / n) || 1;
  const local = new Float64Array(n);
  for (let i = 0; i < n; i++) local[i] = odf[i]! / sd;
  const score = new Float64Array(n);
  const back = new Int32Array(n).fill(-1);
  const lo = Math.max(1, Math.round(period / 2));
  const hi = Math.round(2 * period);
  for (let t = 0; t < n; t++) {
    let best = 0;
    let arg = -1;
    for (let tau = t - hi; tau <= t - lo; tau++) {
      if (tau < 0) continue;
      const v = score[tau]! - tightness * Math.log((t - tau) / period) ** 2;
      if (arg < 0 || v > best) {
        best = v;
        arg = tau;
      }
    }
    score[t] = local[t]! + (arg >= 0 ? Math.max(0, best) : 0);
    back[t] = arg >= 0 && best > 0 ? arg : -1;
  }
  // the last beat: best cumulative score within the final period
  let end = n - 1;
  for (let t = Math.max(0, n - Math.ceil(period)); t < n; t++) if (score[t]! > score[end]!) end = t;
  const beats: number[] = [];
  for (let t = end; t >= 0; t = back[t]!) beats.push(t);
  return beats.reverse();
}

/** odf/σ(odf) + ½·odfLow/σ(odfLow). */
function withLowBand(odf: ArrayLike<number>, low: ArrayLike<number>): Float64Array {
  const sd = (x: ArrayLike<number>) => {
    let m = 0;
    for (let i = 0; i < x.length; i++) m += x[i]!;
    m /= Math.max(1, x.length);
    let v = 0;
    for (let i = 0; i < x.length; i++) v += (x[i]! - m) ** 2;
    return Math.sqrt(v / Math.max(1, x.length)) || 1;
  };
  const a = sd(odf);
  const b = sd(low);
  return Float64Array.from(odf, (v, i) => v / a + (0.5 * (low[i] ?? 0)) / b);
}

function fitSlope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - mx) * (ys[i]! - my);
    den += (i - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}

function localPeaks(score: number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < score.length; i++) {
    const l = i > 0 ? score[i - 1]! : -Infinity;
    const r = i + 1 < score.length ? score[i + 1]! : -Infinity;
    if (score[i]! > 0 && score[i]! >= l && score[i]! > r) idx.push(i);
  }
  return idx.sort((a, b) => score[b]! - score[a]!);
}

export function estimateTempo(input: TempoInput, options: TempoOptions = {}): Tempo {
  const { odf, hopSeconds } = input;
  const frameRate = 1 / hopSeconds;
  const peaks = pickPeaks(odf, frameRate);
  if (peaks.length < 4) return NO_TEMPO;
  const sal = tempoSalience(odf, frameRate, options);
  const ranked = localPeaks(sal.score);
  if (ranked.length === 0) return NO_TEMPO;
  const bestScore = sal.score[ranked[0]!]!;
  const bestBpm = sal.bpm[ranked[0]!]!;
  const distinct = ranked.find((i) => Math.abs(sal.bpm[i]! / bestBpm - 1) > 0.04);
  const confidence = distinct === undefined ? 1 : (bestScore - sal.score[distinct]!) / bestScore;

  const period = (60 * frameRate) / bestBpm;
  // beats are tracked on the envelope plus its low band (kick, bass): it puts the beat on the
  // pulse rather than on loud (e.g. swung) off-beat hi-hats
  let beatFrames = trackBeats(input.odfLow ? withLowBand(odf, input.odfLow) : odf, period);
  // trim beats in the silence before the first and after the last onset
  const first = peaks[0]! - period / 2;
  const last = peaks[peaks.length - 1]! + period / 2;
  beatFrames = beatFrames.filter((b) => b >= first && b <= last);
  let beats = beatFrames.map((f) => f * hopSeconds);
  const onsets = input.onsetTimes ?? [];
  if (onsets.length && beats.length) {
    const tol = Math.min(0.07, (period * hopSeconds) / 4);
    const snapped: (number | null)[] = beats.map((b) => {
      let best: number | null = null;
      for (const o of nearby(onsets, b, tol)) if (best === null || Math.abs(o - b) < Math.abs(best - b)) best = o;
      return best;
    });
    const lags = snapped.flatMap((s, i) => (s === null ? [] : [s - beats[i]!])).sort((a, b) => a - b);
    const lag = lags.length ? lags[Math.floor(lags.length / 2)]! : 0;
    beats = beats.map((b, i) => snapped[i] ?? Math.max(0, b + lag));
  }
  let bpm = bestBpm;
  if (beats.length >= 8) {
    const slope = fitSlope(beats);
    if (slope > 0 && Math.abs(60 / slope / bestBpm - 1) < 0.04) bpm = 60 / slope;
  }
  const downbeats = pickDownbeats(beatFrames, input);
  const alternatives: TempoCandidate[] = [];
  for (const f of [0.5, 2, 2 / 3, 1.5]) {
    const b = bestBpm * f;
    const i = Math.round((b - sal.bpm[0]!) / 0.05);
    if (i < 0 || i >= sal.score.length) continue;
    let s = 0;
    for (let j = Math.max(0, i - 10); j <= Math.min(sal.score.length - 1, i + 10); j++) s = Math.max(s, sal.score[j]!);
    alternatives.push({ bpm: Math.round(bpm * f * 100) / 100, confidence: Math.round((s / bestScore) * 1000) / 1000 });
  }
  alternatives.sort((a, b) => b.confidence - a.confidence);
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return {
    bpm: Math.round(bpm * 100) / 100,
    confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000,
    beats: beats.map(r4),
    downbeats: downbeats.map((i) => r4(beats[i]!)),
    alternatives: alternatives.slice(0, 3),
  };
}

function* nearby(sorted: number[], t: number, tol: number): Generator<number> {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t - tol) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && sorted[i]! <= t + tol; i++) yield sorted[i]!;
}

/** Indices (into beatFrames) of the downbeats: 4/4, phase with most bass onset + harmonic change. */
function pickDownbeats(beatFrames: number[], input: TempoInput): number[] {
  const n = beatFrames.length;
  if (n < 4) return n ? [0] : [];
  const low = input.odfLow;
  const chroma = input.chroma;
  const frames = input.odf.length;
  const bass = beatFrames.map((f) => {
    if (!low) return 0;
    let m = 0;
    for (let j = Math.max(0, f - 2); j <= Math.min(frames - 1, f + 2); j++) m = Math.max(m, low[j]!);
    return m;
  });
  const beatChroma = beatFrames.map((f, i) => {
    const v = new Array<number>(12).fill(0);
    if (!chroma) return v;
    const end = i + 1 < n ? beatFrames[i + 1]! : Math.min(frames, f + 1);
    for (let t = f; t < end; t++) for (let k = 0; k < 12; k++) v[k]! += chroma[t * 12 + k] ?? 0;
    const s = Math.hypot(...v) || 1;
    return v.map((x) => x / s);
  });
  const change = beatChroma.map((c, i) => (i === 0 ? 0 : 1 - c.reduce((a, x, k) => a + x * beatChroma[i - 1]![k]!, 0)));
  const norm = (xs: number[]) => {
    const m = Math.max(...xs) || 1;
    return xs.map((x) => x / m);
  };
  const b = norm(bass);
  const c = norm(change);
  let best = 0;
  let bestScore = -Infinity;
  for (let phase = 0; phase < 4; phase++) {
    let s = 0;
    let k = 0;
    for (let i = phase; i < n; i += 4, k++) s += b[i]! + c[i]!;
    s /= Math.max(1, k);
    if (s > bestScore) {
      bestScore = s;
      best = phase;
    }
  }
  const out: number[] = [];
  for (let i = best; i < n; i += 4) out.push(i);
  return out;
}
