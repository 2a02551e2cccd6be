/**
 * The mastering plan: from the analysis of the input (and of a reference) to the parameters of
 * every stage of the shared chain, each choice a decision with its reason (SPEC §6). Pure.
 */
import type { CompressorOptions, MasterChainOptions } from '../../native.js';
import type { Decision } from '../../store/types.js';
import type { Levels } from '../levels/index.js';
import type { TonalBand } from '../spectral/index.js';
import type { SpeechVerdict } from './speech.js';
import { activeBands, centerOf, fitEq, meanOf, smooth, targetCurveDb } from './eq.js';
import {
  checkParameter,
  COMPRESSOR_PARAMETERS,
  LIMITER_PARAMETERS,
  MASTER_CHAIN_PARAMETERS,
  MASTER_STYLE_PARAMETERS,
  MULTIBAND_PARAMETERS,
} from '../dsp/params.js';

export type MasterStyle = 'transparent' | 'balanced' | 'loud';

export interface StyleSpec {
  highpassHz: number; // 0 = off
  eqMaxDb: number; // 0 = no corrective EQ
  eqDeadbandDb: number; // deviations smaller than this are left alone
  compressor: { ratio: number; aboveRmsDb: number; attackMs: number; releaseMs: number } | null;
  monoBassHz: number; // 0 = never
  limiter: { lookaheadMs: number; releaseMs: number };
  /**
   * Most limiter gain reduction the style accepts before it reports a target as not met: on
   * peaks (null: unbounded — a drum transient held back by 20 dB for a millisecond is not what
   * makes a master sound squashed) and averaged over the programme (which is).
   */
  maxLimiterGainReductionDb: number | null;
  maxMeanLimiterGainReductionDb: number;
  /** Largest loss of loudness range (input LRA − output LRA, LU) the style accepts. */
  maxLraDropLu: number;
  /**
   * Over budget (limiting or LRA loss): refuse the target as "cannot meet" (true), or deliver it
   * with a warning (false: the loud style, whose user asked for loudness first).
   */
  refuseOverBudget: boolean;
}

export const STYLE_SPECS: Record<MasterStyle, StyleSpec> = {
  transparent: {
    highpassHz: 0,
    eqMaxDb: 0,
    eqDeadbandDb: 0,
    compressor: null,
    monoBassHz: 0,
    limiter: { lookaheadMs: 5, releaseMs: 150 },
    maxLimiterGainReductionDb: 4,
    maxMeanLimiterGainReductionDb: 1,
    maxLraDropLu: 1.5,
    refuseOverBudget: true,
  },
  balanced: {
    highpassHz: 20,
    eqMaxDb: 2,
    eqDeadbandDb: 1,
    compressor: { ratio: 1.6, aboveRmsDb: 4, attackMs: 30, releaseMs: 200 },
    monoBassHz: 100,
    limiter: { lookaheadMs: 3, releaseMs: 80 },
    maxLimiterGainReductionDb: 10,
    maxMeanLimiterGainReductionDb: 4,
    maxLraDropLu: 4,
    refuseOverBudget: true,
  },
  loud: {
    highpassHz: 25,
    eqMaxDb: 3,
    eqDeadbandDb: 0.75,
    compressor: { ratio: 2.2, aboveRmsDb: 2, attackMs: 15, releaseMs: 120 },
    monoBassHz: 120,
    limiter: { lookaheadMs: 1.5, releaseMs: 50 },
    maxLimiterGainReductionDb: 18,
    maxMeanLimiterGainReductionDb: 10,
    maxLraDropLu: 8,
    refuseOverBudget: false,
  },
};

/**
 * Rejects a style setting outside its declaration (src/engines/dsp/params.ts): the filters,
 * compressor and limiter against their blocks, the style's own bounds against
 * MASTER_STYLE_PARAMETERS. Runs on every style when this module loads, so an edit that breaks a
 * range fails at once instead of in the middle of a master.
 */
export function checkStyleSpec(style: string, s: StyleSpec): void {
  const at = (key: string) => `STYLE_SPECS.${style}.${key}`;
  checkParameter(at('highpassHz'), MASTER_CHAIN_PARAMETERS.highpassHz, s.highpassHz);
  checkParameter(at('monoBassHz'), MASTER_CHAIN_PARAMETERS.monoBassHz, s.monoBassHz);
  checkParameter(at('eqMaxDb'), MASTER_STYLE_PARAMETERS.eqMaxDb, s.eqMaxDb);
  checkParameter(at('eqDeadbandDb'), MASTER_STYLE_PARAMETERS.eqDeadbandDb, s.eqDeadbandDb);
  if (s.compressor) {
    checkParameter(at('compressor.ratio'), COMPRESSOR_PARAMETERS.ratio, s.compressor.ratio);
    checkParameter(at('compressor.aboveRmsDb'), MASTER_STYLE_PARAMETERS.aboveRmsDb, s.compressor.aboveRmsDb);
    checkParameter(at('compressor.attackMs'), COMPRESSOR_PARAMETERS.attackMs, s.compressor.attackMs);
    checkParameter(at('compressor.releaseMs'), COMPRESSOR_PARAMETERS.releaseMs, s.compressor.releaseMs);
  }
  checkParameter(at('limiter.lookaheadMs'), LIMITER_PARAMETERS.lookaheadMs, s.limiter.lookaheadMs);
  checkParameter(at('limiter.releaseMs'), LIMITER_PARAMETERS.releaseMs, s.limiter.releaseMs);
  if (s.maxLimiterGainReductionDb !== null)
    checkParameter(
      at('maxLimiterGainReductionDb'),
      MASTER_STYLE_PARAMETERS.maxLimiterGainReductionDb,
      s.maxLimiterGainReductionDb,
    );
  checkParameter(
    at('maxMeanLimiterGainReductionDb'),
    MASTER_STYLE_PARAMETERS.maxMeanLimiterGainReductionDb,
    s.maxMeanLimiterGainReductionDb,
  );
  checkParameter(at('maxLraDropLu'), MASTER_STYLE_PARAMETERS.maxLraDropLu, s.maxLraDropLu);
}
for (const [style, spec] of Object.entries(STYLE_SPECS)) checkStyleSpec(style, spec);

const limits = (s: StyleSpec) =>
  (s.maxLimiterGainReductionDb === null
    ? `limiting at most ${s.maxMeanLimiterGainReductionDb} dB on average`
    : `limiting at most ${s.maxLimiterGainReductionDb} dB on peaks, ${s.maxMeanLimiterGainReductionDb} dB on average`) +
  `, LRA loss at most ${s.maxLraDropLu} LU${s.refuseOverBudget ? '' : ' (beyond: a warning)'}`;
const { transparent, balanced, loud } = STYLE_SPECS;

/** One line per style for help and messages, written from STYLE_SPECS (the numbers are not repeated). */
export const MASTER_STYLES: Record<MasterStyle, string> = {
  transparent: `gain and true-peak limiting only (${limits(transparent)})`,
  balanced:
    `subsonic filter, gentle corrective EQ (±${balanced.eqMaxDb} dB), glue compression (~1.5 dB), mono bass, ` +
    limits(balanced),
  loud:
    `stronger corrective EQ (±${loud.eqMaxDb} dB), firmer glue compression (~3 dB), faster limiter, ` + limits(loud),
};

/** What the plan looks at for one file. */
export interface MasterAnalysis {
  file: string;
  sampleRate: number;
  channels: number;
  levels: Levels;
  /** Third-octave tonal balance of the mid (the mono mix) and, for stereo, of the side. */
  mid: TonalBand[];
  side: TonalBand[] | null;
  /** Speech or music (src/engines/master/speech.ts); null/absent when too short to tell. */
  speech?: SpeechVerdict | null;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const sumPowerDb = (bands: TonalBand[], lo = 0, hi = Infinity) => {
  const p = bands
    .filter((b) => centerOf(b) >= lo && centerOf(b) < hi)
    .reduce((s, b) => s + (b.levelDb === null ? 0 : 10 ** (b.levelDb / 10)), 0);
  return p > 0 ? 10 * Math.log10(p) : null;
};

/** Side level relative to mid, dB (overall or within a band of frequencies); null for mono or silence. */
export function sideToMidDb(a: MasterAnalysis, lo = 0, hi = Infinity): number | null {
  if (!a.side) return null;
  const s = sumPowerDb(a.side, lo, hi);
  const m = sumPowerDb(a.mid, lo, hi);
  return s === null || m === null ? null : r2(s - m);
}

/** Third-octave centers from 40 Hz to 16 kHz: where the matching EQ places its filters. */
export const THIRD_OCTAVE_CENTERS = Array.from({ length: 27 }, (_, i) => 40 * 2 ** (i / 3));
/** Octave centers for broad corrective EQ. */
export const OCTAVE_CENTERS = [63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000];

export interface ChainPlan {
  chain: MasterChainOptions;
  decisions: Decision[];
}

/** Crossovers of the optional three-band compressor (LR4). */
export const MULTIBAND_CROSSOVERS_HZ = [MULTIBAND_PARAMETERS.lowHz.value, MULTIBAND_PARAMETERS.highHz.value] as const;

export function planChain(
  input: MasterAnalysis,
  style: MasterStyle,
  reference?: MasterAnalysis,
  options: { multiband?: boolean } = {},
): ChainPlan {
  const s = STYLE_SPECS[style];
  const decisions: Decision[] = [];
  const chain: MasterChainOptions = {};
  const file = input.file;

  // subsonic / DC
  const dc = Math.max(0, ...input.levels.dcOffset.map(Math.abs));
  if (s.highpassHz > 0) {
    chain.highpassHz = s.highpassHz;
    decisions.push({
      engine: 'master.highpass',
      decision: 'cutoff',
      value: s.highpassHz,
      unit: 'Hz',
      reason:
        `${style} style removes DC and subsonic energy below ${s.highpassHz} Hz (4th-order Butterworth) so the ` +
        `limiter does not spend headroom on inaudible ` +
        `content${dc > 0.0005 ? `; this mix has a DC offset of ${dc.toFixed(4)}` : ''}`,
      inputs: { file, dcOffset: input.levels.dcOffset },
      alternatives: [{ value: 0, why_not: 'off only in transparent style' }],
    });
  } else {
    decisions.push({
      engine: 'master.highpass',
      decision: 'cutoff',
      value: null,
      reason: `${style} style does no filtering`,
      inputs: { file, dcOffset: input.levels.dcOffset },
    });
  }

  const sp = input.speech;
  if (sp)
    decisions.push({
      engine: 'master.speech',
      decision: 'content',
      value: sp.speech ? 'speech' : 'music',
      reason:
        `${(100 * sp.pauseRatio).toFixed(1)}% of the envelope's frames between the first and last sound are pauses ` +
        `and ${(100 * sp.syllabicShare).toFixed(0)}% of its modulation lies at 2–8 Hz (syllables): ` +
        (sp.speech ? 'speech' : 'music'),
      inputs: { file, pauseRatio: r2(sp.pauseRatio), syllabicShare: r2(sp.syllabicShare) },
    });
  if (reference) {
    matchReference(input, reference, chain, decisions);
  } else if (s.eqMaxDb > 0 && sp?.speech) {
    decisions.push({
      engine: 'master.eq',
      decision: 'bands',
      value: [],
      reason:
        `the input is speech: shub's corrective EQ curve is a music spectrum, and pulling a voice towards it ` +
        `would boost its bass and treble; no EQ`,
      inputs: { file },
      alternatives: [{ value: 'music curve', why_not: 'a voice has no bass or cymbals to restore' }],
    });
  } else if (s.eqMaxDb > 0) {
    correctiveEq(input, s, style, chain, decisions);
  } else {
    decisions.push({
      engine: 'master.eq',
      decision: 'bands',
      value: [],
      reason: `${style} style applies no EQ`,
      inputs: { file },
    });
  }

  // glue compression: threshold a few dB above the mix's RMS, so only the louder passages are held
  const rms = input.levels.rmsDbfs;
  if (s.compressor && rms !== null && !reference) {
    const c = s.compressor;
    const comp: CompressorOptions = {
      thresholdDb: r2(Math.min(-1, rms + c.aboveRmsDb)),
      ratio: c.ratio,
      kneeDb: 6,
      attackMs: c.attackMs,
      releaseMs: c.releaseMs,
      rms: true,
      rmsWindowMs: 20,
      sidechainHighpassHz: 90,
      linked: true,
    };
    chain.compressor = comp;
    decisions.push({
      engine: 'master.compressor',
      decision: 'glue',
      value: comp,
      reason:
        `${style} style glues the mix with a slow ${c.ratio}:1 RMS compressor whose threshold sits ` +
        `${c.aboveRmsDb} dB above the mix's RMS (${rms.toFixed(1)} dBFS), so only the louder passages are held; ` +
        `the side-chain ignores the sub-bass below 90 Hz to avoid pumping`,
      inputs: { file, rmsDbfs: rms, crestFactorDb: input.levels.crestFactorDb },
      alternatives: [{ value: null, why_not: 'the limiter alone would have to do all the level control' }],
    });
  } else {
    decisions.push({
      engine: 'master.compressor',
      decision: 'glue',
      value: null,
      reason: reference
        ? 'reference matching leaves the dynamics to the limiter (as Matchering does)'
        : rms === null
          ? 'silent input'
          : `${style} style does no compression`,
      inputs: { file },
    });
  }

  if (options.multiband) multiband(input, style, s, chain, decisions);

  // mono bass: fold the low end to mono when it carries side energy
  const lowSide = sideToMidDb(input, 0, 120);
  if (input.channels === 2 && s.monoBassHz > 0 && lowSide !== null && lowSide > -20) {
    chain.monoBassHz = s.monoBassHz;
    decisions.push({
      engine: 'master.width',
      decision: 'monoBassHz',
      value: s.monoBassHz,
      unit: 'Hz',
      reason:
        `the side carries energy below 120 Hz (${lowSide.toFixed(1)} dB re mid); folding the bass below ` +
        `${s.monoBassHz} Hz to mono keeps the low end centred and vinyl/club/mono safe`,
      inputs: { file, lowSideToMidDb: lowSide },
      alternatives: [{ value: 0, why_not: 'out-of-phase bass wastes headroom and cancels on mono systems' }],
    });
  } else if (input.channels === 2) {
    decisions.push({
      engine: 'master.width',
      decision: 'monoBassHz',
      value: null,
      reason:
        s.monoBassHz === 0
          ? `${style} style leaves the stereo image alone`
          : `the bass is already centred (side ${lowSide === null ? 'silent' : `${lowSide.toFixed(1)} dB re mid`} ` +
            `below 120 Hz)`,
      inputs: { file, lowSideToMidDb: lowSide },
    });
  }
  return { chain, decisions };
}

function multiband(
  input: MasterAnalysis,
  style: MasterStyle,
  s: StyleSpec,
  chain: MasterChainOptions,
  decisions: Decision[],
): void {
  if (!s.compressor) {
    decisions.push({
      engine: 'master.multiband',
      decision: 'bands',
      value: null,
      reason: `${style} style does no compression, so --multiband is ignored`,
      inputs: { file: input.file },
    });
    return;
  }
  const [lo, hi] = MULTIBAND_CROSSOVERS_HZ;
  const all = input.side ? [...input.mid, ...input.side] : input.mid;
  const ratio = s.compressor.ratio;
  const bands = (
    [
      [0, lo],
      [lo, hi],
      [hi, Infinity],
    ] as const
  ).map(([a, b], k) => {
    const level = sumPowerDb(all, a, b);
    return {
      thresholdDb: r2(Math.min(-1, (level ?? -60) + s.compressor!.aboveRmsDb)),
      ratio,
      kneeDb: 6,
      attackMs: [40, 20, 8][k]!,
      releaseMs: [250, 150, 90][k]!,
      rms: true,
      rmsWindowMs: [40, 20, 10][k]!,
      linked: true,
    };
  }) as [CompressorOptions, CompressorOptions, CompressorOptions];
  chain.multiband = { lowHz: lo, highHz: hi, bands };
  decisions.push({
    engine: 'master.multiband',
    decision: 'bands',
    value: chain.multiband,
    reason:
      `three bands split at ${lo} Hz and ${hi / 1000} kHz (Linkwitz–Riley, summing flat), each compressed ` +
      `${ratio}:1 from ${s.compressor.aboveRmsDb} dB above its own RMS, slower in the bass and faster in the top, ` +
      `so one band's peaks do not pull the others down`,
    inputs: { file: input.file, bandThresholdsDb: bands.map((b) => b.thresholdDb) },
    alternatives: [{ value: null, why_not: 'single-band glue alone lets a loud bass note duck the whole mix' }],
  });
}

function correctiveEq(
  input: MasterAnalysis,
  s: StyleSpec,
  style: MasterStyle,
  chain: MasterChainOptions,
  decisions: Decision[],
): void {
  const have = activeBands(input.mid, 40, Math.min(16000, input.sampleRate * 0.45));
  if (have.length < 6) {
    decisions.push({
      engine: 'master.eq',
      decision: 'bands',
      value: [],
      reason: 'too little full-range content to judge the tonal balance',
      inputs: { file: input.file },
    });
    return;
  }
  const offset = meanOf(have, (b) => b.levelDb! - targetCurveDb(centerOf(b)));
  // broad strokes: octave smoothing, a dead band, bounded
  const raw = smooth(
    have.map((b) => targetCurveDb(centerOf(b)) - (b.levelDb! - offset)),
    1,
  );
  const want = raw.map((d) => Math.sign(d) * Math.max(0, Math.abs(d) - s.eqDeadbandDb));
  const fit = fitEq(
    have.map((b, k) => ({ bandHz: b.bandHz, db: Math.max(-s.eqMaxDb, Math.min(s.eqMaxDb, want[k]!)) })),
    {
      sampleRate: input.sampleRate,
      centersHz: OCTAVE_CENTERS,
      q: 1.41,
      maxDb: s.eqMaxDb,
    },
  );
  chain.midEq = fit.bands;
  if (input.channels === 2) chain.sideEq = fit.bands;
  const worst = raw.reduce((m, d, k) => (Math.abs(d) > Math.abs(m.d) ? { d, hz: centerOf(have[k]!) } : m), {
    d: 0,
    hz: 0,
  });
  decisions.push({
    engine: 'master.eq',
    decision: 'bands',
    value: fit.bands,
    reason:
      fit.bands.length === 0
        ? `the tonal balance is within ${s.eqDeadbandDb} dB of shub's reference curve after octave smoothing; no ` +
          `EQ needed`
        : `octave-smoothed tonal balance deviates from shub's reference curve by up to ${worst.d.toFixed(1)} dB ` +
          `(at ${Math.round(worst.hz)} Hz); ${style} style corrects deviations beyond ${s.eqDeadbandDb} dB with ` +
          `at most ±${s.eqMaxDb} dB per octave band`,
    inputs: { file: input.file, deviationDb: raw.map(r2), bandsHz: have.map((b) => Math.round(centerOf(b))) },
    alternatives: [
      {
        value: [],
        why_not: 'leaving a clear tonal imbalance makes the loudness target cost more limiting in the heavy bands',
      },
    ],
  });
}

/** Largest gain of one matching filter, dB. */
const MATCH_MAX_DB = 9;

/** The bands active in both balances within [lo, hi] Hz, paired by centre. */
function pairBands(a: TonalBand[], b: TonalBand[], lo: number, hi: number) {
  const bActive = new Set(activeBands(b, lo, hi).map((x) => Math.round(centerOf(x))));
  return activeBands(a, lo, hi)
    .filter((x) => bActive.has(Math.round(centerOf(x))))
    .map((x) => ({ have: x, want: b.find((y) => Math.round(centerOf(y)) === Math.round(centerOf(x)))! }));
}

/**
 * The matching EQ from one tonal balance (`have`) to another (`want`): third-octave differences of
 * the bands active in both (40 Hz to `hiHz`), mean removed (loudness is set elsewhere), fitted with
 * peaking filters of ±9 dB at most. `master --reference` (the mid) and `reamp --match` use it.
 */
export function matchTonalBalance(
  have: TonalBand[],
  want: TonalBand[],
  sampleRate: number,
  hiHz = Math.min(16000, sampleRate * 0.45),
) {
  const maxDb = MATCH_MAX_DB;
  const pairs = pairBands(have, want, 40, hiHz);
  const offset = meanOf(pairs, (p) => p.want.levelDb! - p.have.levelDb!);
  const wantDb = smooth(
    pairs.map((p) => p.want.levelDb! - p.have.levelDb! - offset),
    0,
  );
  const fit = fitEq(
    pairs.map((p, k) => ({ bandHz: p.have.bandHz, db: Math.max(-maxDb, Math.min(maxDb, wantDb[k]!)) })),
    { sampleRate, centersHz: THIRD_OCTAVE_CENTERS, q: 4.32, maxDb },
  );
  return {
    offset,
    want: wantDb,
    fit,
    bands: fit.bands,
    residualDb: fit.residualDb,
    wantDb: wantDb.map(r2),
    bandsHz: pairs.map((p) => Math.round(centerOf(p.have))),
  };
}

function matchReference(
  input: MasterAnalysis,
  ref: MasterAnalysis,
  chain: MasterChainOptions,
  decisions: Decision[],
): void {
  const maxDb = MATCH_MAX_DB;
  const lo = 40;
  const hi = Math.min(16000, input.sampleRate * 0.45, ref.sampleRate * 0.45);
  const pair = (a: TonalBand[], b: TonalBand[]) => pairBands(a, b, lo, hi);
  const mids = pair(input.mid, ref.mid);
  const { offset, want: midWant, fit: midFit } = matchTonalBalance(input.mid, ref.mid, input.sampleRate, hi);
  chain.midEq = midFit.bands;
  decisions.push({
    engine: 'master.eq',
    decision: 'midBands',
    value: midFit.bands,
    reason:
      `match the reference's mid spectrum: third-octave differences (mean removed) fitted with ` +
      `${midFit.bands.length} peaking filters, each within ±${maxDb} dB; residual ${midFit.residualDb.toFixed(2)} ` +
      `dB per band`,
    inputs: {
      file: input.file,
      reference: ref.file,
      wantDb: midWant.map(r2),
      bandsHz: mids.map((p) => Math.round(centerOf(p.have))),
    },
  });
  // side: its shape and its level relative to the mid (that is the stereo width)
  if (input.side && ref.side && input.channels === 2) {
    const sides = pair(input.side, ref.side);
    const sideWant = smooth(
      sides.map((p) => p.want.levelDb! - p.have.levelDb! - offset),
      1,
    );
    const sideFit = fitEq(
      sides.map((p, k) => ({ bandHz: p.have.bandHz, db: Math.max(-maxDb, Math.min(maxDb, sideWant[k]!)) })),
      {
        sampleRate: input.sampleRate,
        centersHz: THIRD_OCTAVE_CENTERS,
        q: 4.32,
        maxDb,
      },
    );
    chain.sideEq = sideFit.bands;
    const inW = sideToMidDb(input);
    const refW = sideToMidDb(ref);
    decisions.push({
      engine: 'master.width',
      decision: 'sideBands',
      value: sideFit.bands,
      reason:
        `match the reference's side spectrum and width (side ${refW?.toFixed(1)} dB re mid in the reference, ` +
        `${inW?.toFixed(1)} dB in the mix); ${sideFit.bands.length} peaking filters on the side, each within ` +
        `±${maxDb} dB`,
      inputs: { file: input.file, reference: ref.file, sideToMidDb: inW, referenceSideToMidDb: refW },
    });
  } else {
    decisions.push({
      engine: 'master.width',
      decision: 'sideBands',
      value: [],
      reason:
        input.channels !== 2
          ? 'the input is not stereo: no side to match'
          : 'the reference is not stereo: its width cannot be matched',
      inputs: { file: input.file, reference: ref.file },
    });
  }
}
