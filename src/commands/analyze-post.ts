/**
 * `analyze`'s post-processing of one file's feature report: onsets, tempo (from the mel envelope's
 * own onsets: independent of the onsets task) and key, each a plain call of the pure engines, run
 * on the threads of analyze-post-pool.ts or in the calling thread.
 */
import { detectOnsets, type Onsets } from '../engines/onsets/index.js';
import { estimateTempoWithDecision, type Tempo } from '../engines/tempo/index.js';
import { analyzeKey, keyBlockFrames, type Key, type NoKey } from '../engines/key/index.js';
import type { FeatureReport } from '../native.js';
import type { Decision } from '../store/types.js';

/** The report series both the onsets engine and tempo read. */
type EnvelopeSeries =
  'odf' | 'hopSeconds' | 'fineEnergy' | 'tickSamples' | 'onsetFlux' | 'onsetFluxGroups' | 'onsetHopSeconds';

/** The report series the onsets engine reads (copied to the worker). */
export interface OnsetsInput {
  report: Pick<FeatureReport, EnvelopeSeries | 'onsetNoveltyCoherence'>;
  sampleRate: number;
  /** STFT window, samples (the onset engine places onsets within it). */
  windowSamples: number;
  /** The fine envelope's rises (onsetFineRises), when set up once for both onsets and tempo. */
  rises?: ArrayLike<number>;
}

/** The report series tempo reads (copied to the worker). */
export interface TempoInput {
  report: Pick<FeatureReport, EnvelopeSeries | 'odfLow' | 'chroma' | 'pitchClass'>;
  sampleRate: number;
  windowSamples: number;
  /** The fine envelope's rises (onsetFineRises), when set up once for both onsets and tempo. */
  rises?: ArrayLike<number>;
}

export interface OnsetsOutput {
  onsets: Onsets;
}

export interface TempoOutput {
  tempo: Tempo;
  /** The metrical level chosen, with the competing levels and their evidence. */
  decision?: Decision;
}

const melOnsetInput = (
  report: Pick<FeatureReport, 'odf' | 'hopSeconds' | 'fineEnergy' | 'tickSamples'>,
  sampleRate: number,
  windowSamples: number,
  rises: ArrayLike<number> | undefined,
) => ({
  odf: report.odf,
  hopSeconds: report.hopSeconds,
  windowSeconds: windowSamples / sampleRate,
  fineEnergy: report.fineEnergy,
  tickSeconds: report.tickSamples / sampleRate,
  ...(rises ? { rises } : {}),
});

/** Onsets: from the onset flux when the extractor made it, else from the mel envelope. */
export function onsets({ report, sampleRate, windowSamples, rises }: OnsetsInput): OnsetsOutput {
  const mel = melOnsetInput(report, sampleRate, windowSamples, rises);
  const flux =
    report.onsetFluxGroups > 0 && report.onsetFlux?.length
      ? { values: report.onsetFlux, groups: report.onsetFluxGroups, hopSeconds: report.onsetHopSeconds }
      : undefined;
  const coherence = report.onsetNoveltyCoherence?.length ? { noveltyCoherence: report.onsetNoveltyCoherence } : {};
  return { onsets: detectOnsets(flux ? { ...mel, flux, ...coherence } : mel) };
}

/**
 * Tempo from the onset envelope, the mel envelope's onsets (as before the onset flux existed; independent of the
 * onsets task, so that the two run side by side), the chroma and the pitch-class profile.
 */
export function tempo({ report, sampleRate, windowSamples, rises }: TempoInput): TempoOutput {
  const tempoOnsets = detectOnsets(melOnsetInput(report, sampleRate, windowSamples, rises));
  const estimate = estimateTempoWithDecision({
    odf: report.odf,
    odfLow: report.odfLow,
    chroma: report.chroma,
    pitchClass: report.pitchClass,
    hopSeconds: report.hopSeconds,
    onsetTimes: tempoOnsets.times,
    // the onset flux's groups: kick and snare bands for the beat phase and the ternary check
    ...(report.onsetFluxGroups > 0 && report.onsetFlux?.length
      ? { flux: { values: report.onsetFlux, groups: report.onsetFluxGroups, hopSeconds: report.onsetHopSeconds } }
      : {}),
  });
  return { tempo: estimate.tempo, ...(estimate.decision ? { decision: estimate.decision } : {}) };
}

/** The report series key reads (copied to the worker). */
export interface KeyInput {
  report: Pick<
    FeatureReport,
    'pitchClass' | 'bassPitchClass' | 'pitchClassBlocks' | 'bassPitchClassBlocks' | 'hopSeconds'
  >;
  file: string;
}

export interface KeyOutput {
  key: Key | NoKey;
  decision?: Decision;
}

/** The key from the whole-file and per-block pitch-class profiles. */
export function key({ report, file }: KeyInput): KeyOutput {
  const blocks = { full: report.pitchClassBlocks, bass: report.bassPitchClassBlocks };
  const seconds = keyBlockFrames(report.hopSeconds) * report.hopSeconds;
  const k = analyzeKey(report.pitchClass, report.bassPitchClass, { ...blocks, seconds }, { file });
  return { key: k.result, ...(k.decision ? { decision: k.decision } : {}) };
}

export type PostTask =
  { kind: 'onsets'; input: OnsetsInput } | { kind: 'tempo'; input: TempoInput } | { kind: 'key'; input: KeyInput };
export type AnyOutput = OnsetsOutput | TempoOutput | KeyOutput;
export type PostOutput<T extends PostTask> = T extends { kind: 'onsets' }
  ? OnsetsOutput
  : T extends { kind: 'tempo' }
    ? TempoOutput
    : KeyOutput;

/** Runs one task in the calling thread (the worker's body, and the pool's fallback). */
export function runPostTask<T extends PostTask>(task: T): PostOutput<T> {
  const out: AnyOutput =
    task.kind === 'onsets' ? onsets(task.input) : task.kind === 'tempo' ? tempo(task.input) : key(task.input);
  return out as PostOutput<T>;
}
