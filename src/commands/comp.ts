/**
 * `shub comp TAKES... -o comp.wav`: score every take of every section, pick the best per section,
 * assemble a seamless comp (issue 15, SPEC §7c). The story of one run: claim the outputs → open
 * every take (one rate, mono or stereo) and stream it once into compact frame features (energy,
 * K-weighted energy, clips, the pitch engine's f0, the onset engine's onsets) → sections (YAML,
 * bars or automatic) and the guide (MIDI, a guide vocal, or none) → gain match on voiced loudness
 * → measures, points and the choice (Viterbi with a switch cost) → seams at low-energy points →
 * stream the takes again and write the comp (equal-power crossfades, elsewhere the chosen take
 * times its gain, sample for sample) → the REAPER session (`--rpp`) → the run record, every
 * section's decision with every take's points and why the runner-up lost.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { openAudio, type AudioSource } from '../io/audio.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import { quotePath } from '../io/names.js';
import { OutputPlan } from '../io/outputs.js';
import { WavWriter } from '../io/wav-writer.js';
import { writeFileAtomic } from '../io/atomic.js';
import { hashFile } from '../io/hash.js';
import { native } from '../native.js';
import { feedSource } from '../engines/analysis/pipeline.js';
import { stftLayout } from '../engines/analysis/params.js';
import { createFeatureExtractor } from '../engines/spectral/index.js';
import { summarizePitch } from '../engines/pitch/index.js';
import { detectOnsets, onsetInput } from '../engines/onsets/index.js';
import { reampNative } from '../engines/reamp/amp-native.js';
import { FrameMeter, withPitch, type TakeFeatures } from '../engines/comp/features.js';
import {
  activity,
  fineActivity,
  measureTakes,
  parseKey,
  voicedLoudness,
  type Guide,
  type Section,
  type TakeSectionMeasures,
} from '../engines/comp/measures.js';
import { chooseTakes, parseWeights, type ModelDecision, type Points } from '../engines/comp/choice.js';
import { takeContext, type TakeContext } from '../engines/comp/take-model.js';
import { CompAssembler, matchGains, placeSeams, type Seam } from '../engines/comp/assembly.js';
import { autoSections, barSections } from '../engines/comp/sections.js';
import { GuideError, readMidiNotes } from '../engines/comp/guide.js';
import * as COMP_TABLES from '../engines/comp/params.js';
import {
  COMP_ASSEMBLY_PARAMETERS,
  COMP_MEASURE_PARAMETERS,
  COMP_SECTION_PARAMETERS,
  type Weights,
} from '../engines/comp/params.js';
import { collectParam, listParams, paramFlagHelp, recordParams, resolveParams, tablesByName } from './params.js';
import { withParams } from './params.js';
import type { ParameterTables, ParameterValues } from './params.js';
import { RunRecorder, recordingFailure } from '../store/run.js';
import type { Decision, RunInput } from '../store/types.js';
import { envelope, type Reported, type RunContext } from './batch.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import type { FfmpegFlag, JsonFlag, OverwriteFlag, StoreFlags } from './options.js';
import { buildCompSession } from '../rpp/comp.js';

/**
 * What `shub comp --param` can set: every table of src/engines/comp/params.ts (frame, measure, pointScales, choice,
 * assembly, section; not the pitch or onset engines' tables: comp runs those while it streams a take, not in the
 * synchronous calls the values are set around), by its name without `COMP_` and `_PARAMETERS` in camel case.
 */
export const COMP_PARAMETERS: ParameterTables = {
  tables: tablesByName(COMP_TABLES, (k) => k.startsWith('COMP_'), 'COMP_'),
};

export interface CompOptions extends RunContext {
  takes: string[];
  /** `--param`: comp's parameters moved from their defaults for this run (COMP_PARAMETERS). */
  params?: ParameterValues;
  output: string;
  sections?: string;
  bars?: { bars: number; bpm: number };
  auto?: boolean;
  guide?: string;
  key?: string;
  /** `--weights` text: a preset and/or measure=weight pairs. */
  weights?: string;
  crossfadeMs?: number;
  rpp?: string;
  overwrite?: boolean;
}

export interface CompTakeResult {
  file: string;
  channels: number;
  durationSeconds: number;
  voicedLufs: number | null;
  gainDb: number;
  /** The linear gain applied (unrounded): comp = gain × take outside crossfades. */
  gain: number;
  gainBounded: boolean;
  /** The take's own latency against the others (ms, after timingOffsetMs), taken off its timing; 0 when none. */
  latencyMs: number;
}

export interface CompSectionResult {
  name: string;
  startSeconds: number;
  endSeconds: number;
  /** Index into `takes` of the take chosen. */
  chosen: number;
  runnerUp: number | null;
  why: string;
  keptForContinuity: boolean;
  /** When the take model chose (`takeModel` 1): its preset, every take's score and largest terms, the rules' pick. */
  model?: CompModelJson;
  scores: {
    take: number;
    totalPoints: number;
    points: Points;
    /** Measures on which the take carries a defect here (it is then never chosen over a take without one). */
    defects: string[];
    measures: TakeSectionMeasures;
  }[];
}

export interface CompModelJson {
  preset: string;
  /**
   * Per take: its model score and its largest terms (feature, value, weight × value, and that less the section's
   * mean), the farthest from the section's mean first.
   */
  takes: {
    take: string;
    score: number;
    terms: { feature: string; value: number; contribution: number; overMean: number }[];
  }[];
  /** The rules' choice when not the model's (take name), else null. */
  rulesChose: string | null;
  /** Gated (`takeModelGate` 1): the takes the rules' gates removed before the model chose, and why. */
  removed?: { take: string; why: string }[];
}

/** "take2 1.23, take1 0.40": every take's model score, highest first. */
function modelScores(m: ModelDecision, names: string[]): string {
  return [...m.takes]
    .sort((a, b) => b.score - a.score || a.take - b.take)
    .map((x) => `${names[x.take]} ${x.score.toFixed(2)}`)
    .join(', ');
}

function modelJson(m: ModelDecision, names: string[]): CompModelJson {
  return {
    preset: m.preset,
    takes: m.takes.map((x) => ({
      take: names[x.take]!,
      score: round(x.score, 4),
      terms: x.terms.map((t) => ({
        feature: t.feature,
        value: round(t.value, 4),
        contribution: round(t.contribution, 4),
        overMean: round(t.overMean, 4),
      })),
    })),
    rulesChose: m.rulesChose === null ? null : names[m.rulesChose]!,
    ...(m.removed ? { removed: m.removed.map((g) => ({ take: names[g.take]!, why: g.why })) } : {}),
  };
}

export interface CompCrossfade {
  section: number;
  fromTake: number;
  toTake: number;
  boundarySeconds: number;
  startSeconds: number;
  lengthMs: number;
  startFrame: number;
  lengthFrames: number;
  inGap: boolean;
}

export interface CompResult {
  file: string;
  output: string;
  sha256: string;
  sampleRate: number;
  channels: number;
  frames: number;
  durationSeconds: number;
  reference: 'midi' | 'guide' | 'consensus' | 'none';
  tuningCents: number;
  /** Entry offset all takes share against the reference (median), ms; each take's timing is taken less it. */
  timingOffsetMs: number;
  weights: { preset: string } & Weights;
  sectionsFrom: 'file' | 'bars' | 'auto' | 'whole';
  targetLufs: number | null;
  takes: CompTakeResult[];
  sections: CompSectionResult[];
  crossfades: CompCrossfade[];
  session?: string;
  /** The `--param` values this run used (those that differ from their defaults); absent when none. */
  parameters?: ParameterValues;
  decisions: Decision[];
}

export async function comp(options: CompOptions): Promise<Reported<CompResult>> {
  return recordingFailure(
    options.store,
    'comp',
    options.args ?? [],
    options.takes[0] ?? null,
    () => compRun(options),
    options.runId,
  );
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const roundOrNull = (x: number | null, d: number) => (x === null ? null : round(x, d));

/** Reads exact runs of frames from a source as planar float, zeros past its end. */
class FrameReader {
  private parts: Float32Array[][] = [];
  private have = 0;
  private ended = false;
  constructor(
    readonly source: AudioSource,
    readonly channels: number,
  ) {}
  async read(n: number): Promise<Float32Array[]> {
    while (this.have < n && !this.ended) {
      const block = await this.source.read();
      if (!block) {
        this.ended = true;
        break;
      }
      const planes = reampNative().reampDecodePcm(block.pcm, block.format, block.frames, this.channels);
      this.parts.push(planes);
      this.have += block.frames;
    }
    const out = Array.from({ length: this.channels }, () => new Float32Array(n));
    let at = 0;
    while (at < n && this.parts.length) {
      const p = this.parts[0]!;
      const take = Math.min(n - at, p[0]!.length);
      for (let c = 0; c < this.channels; c++) out[c]!.set(p[c]!.subarray(0, take), at);
      at += take;
      this.have -= take;
      if (take === p[0]!.length) this.parts.shift();
      else this.parts[0] = p.map((x) => x.subarray(take));
    }
    return out;
  }
}

/** Opens a take (exit 3 when unreadable) and checks its channels (1 or 2). */
async function openTake(file: string, ffmpeg: FfmpegChoice, warn?: (m: string) => void): Promise<AudioSource> {
  const s = await openAudio(file, { ffmpeg, ...(warn ? { onWarning: warn } : {}) });
  if (s.format.channels > 2) {
    await s.close();
    throw new UsageError(
      `${quotePath(file)}: has ${s.format.channels} channels; takes are mono or stereo (split it, e.g. ` +
        `\`ffmpeg -i ${path.basename(file)} -ac 2 out.wav\`)`,
    );
  }
  return s;
}

/** One streaming pass over an audio file: frame features, the pitch engine's f0 and the onset engine's onsets. */
/** One pass over a take: its features (exported for bench/comp-eval.ts's feature cache). */
export async function measureFile(
  file: string,
  o: Pick<CompOptions, 'ffmpeg' | 'onWarning' | 'params'>,
): Promise<{ features: TakeFeatures; input: RunInput }> {
  const source = await openTake(file, o.ffmpeg, o.onWarning);
  try {
    const { sampleRate, channels } = source.format;
    // the meter reads its frame parameters (frameSeconds, fineSeconds, clipLevel) when made: set around that call
    const meter = withParams(
      COMP_PARAMETERS,
      o.params,
      () => new FrameMeter(sampleRate, channels, native().kWeightingCoefficients(sampleRate)),
    );
    const fx = createFeatureExtractor(source.format, { spectrum: true, pitch: true });
    const decoder = {
      addPcm: async (pcm: Uint8Array, format: Parameters<typeof fx.addPcm>[1], frames: number) => {
        meter.add(reampNative().reampDecodePcm(pcm, format, frames, channels));
        return { nonFiniteSamples: 0, firstNonFiniteFrame: -1 } as Awaited<ReturnType<typeof fx.addPcm>>;
      },
    };
    await feedSource(source, [fx, decoder]);
    const report = fx.finish();
    const pitch = summarizePitch(report, true);
    const onsets = detectOnsets(onsetInput(report, sampleRate, stftLayout(sampleRate).windowSamples));
    const features = withPitch(
      meter.finish(),
      (pitch.frames ?? []).map((f) => ({ t: f.t, hz: f.hz })),
      onsets.times,
    );
    const { speakers: _s, ...format } = source.format;
    return {
      features,
      input: { path: file, sizeBytes: source.sizeBytes, sha256: await source.sha256(), format },
    };
  } finally {
    await source.close();
  }
}

async function loadGuide(
  file: string,
  o: CompOptions,
  sampleRate: number,
  totalSeconds: number,
): Promise<{ guide: Guide; input: RunInput }> {
  const tolerance = withParams(
    COMP_PARAMETERS,
    o.params,
    () => COMP_SECTION_PARAMETERS.guideLengthToleranceSeconds.value,
  );
  const ext = path.extname(file).toLowerCase();
  if (ext === '.mid' || ext === '.midi' || ext === '.smf') {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new InputError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    let notes;
    try {
      notes = readMidiNotes(bytes);
    } catch (err) {
      if (err instanceof GuideError) throw new InputError(file, `${err.message}; give a MIDI melody or a guide WAV`);
      throw err;
    }
    const end = Math.max(...notes.map((n) => n.offSeconds));
    if (end > totalSeconds + tolerance)
      throw new UsageError(
        `${quotePath(file)}: the guide melody runs to ${end.toFixed(2)} s but the longest take is ` +
          `${totalSeconds.toFixed(2)} s; is it the guide of another song (or another tempo)?`,
      );
    const { createHash } = await import('node:crypto');
    return {
      guide: { kind: 'midi', notes },
      input: {
        path: file,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        format: null,
      },
    };
  }
  const m = await measureFile(file, o);
  if (m.features.sampleRate !== sampleRate)
    throw new UsageError(
      `${quotePath(file)}: the guide is ${m.features.sampleRate} Hz but the takes are ${sampleRate} Hz; resample it ` +
        `(e.g. \`ffmpeg -i ${path.basename(file)} -ar ${sampleRate} guide.wav\`)`,
    );
  const guideSeconds = m.features.frames / sampleRate;
  if (Math.abs(guideSeconds - totalSeconds) > tolerance)
    throw new UsageError(
      `${quotePath(file)}: the guide is ${guideSeconds.toFixed(2)} s long but the longest take is ` +
        `${totalSeconds.toFixed(2)} s; a guide shares the takes' timeline (export it from the same start)`,
    );
  return { guide: { kind: 'audio', features: m.features }, input: m.input };
}

async function compRun(o: CompOptions): Promise<Reported<CompResult>> {
  const recorder = new RunRecorder('comp', o.args ?? [], o.runId);
  const decisions: Decision[] = [];
  if (o.takes.length === 0) throw new UsageError('comp needs at least one take');
  const modes = [o.sections ? '--sections' : '', o.bars ? '--bars' : '', o.auto ? '--auto' : ''].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')}: give one way to find the sections`);
  const { weights, preset } = parseWeights(o.weights);
  const key = o.key ? parseKey(o.key) : undefined;
  if (o.key && !key) throw new UsageError(`--key: expected a key such as "A minor" or "F# major", got '${o.key}'`);
  // the --param values checked (a bad one: exit 2 before anything is read or written) and logged as a decision
  const params = recordParams({ decide: (d) => decisions.push(d) }, 'comp', COMP_PARAMETERS, o.params);
  // every output claimed before any work
  const plan = new OutputPlan(
    [...o.takes, ...(o.sections ? [o.sections] : []), ...(o.guide ? [o.guide] : [])],
    !!o.overwrite,
  );
  plan.claim(o.output, 'comp');
  if (o.rpp) plan.claim(o.rpp, 'REAPER session');
  const loadedSections = o.sections ? await (await import('../recipes/sections.js')).loadSections(o.sections) : null;

  // one pass over every take: features only
  const takes: TakeFeatures[] = [];
  for (const file of o.takes) {
    const m = await measureFile(file, { ...o, params });
    const first = takes[0];
    if (first && m.features.sampleRate !== first.sampleRate)
      throw new UsageError(
        `${quotePath(file)}: is ${m.features.sampleRate} Hz but ${quotePath(o.takes[0]!)} is ${first.sampleRate} Hz; ` +
          `takes of one comp share a sample rate (resample, e.g. \`ffmpeg -i ${path.basename(file)} -ar ` +
          `${first.sampleRate} out.wav\`)`,
      );
    takes.push(m.features);
    recorder.inputs.push(m.input);
  }
  const fs = takes[0]!.sampleRate;
  const totalFrames = Math.max(...takes.map((t) => t.frames));
  const totalSeconds = totalFrames / fs;
  const channels = Math.max(...takes.map((t) => t.channels));
  const names = o.takes.map((f) => path.basename(f));
  for (const [k, t] of takes.entries())
    if (t.frames < totalFrames)
      decisions.push({
        engine: 'comp.takes',
        decision: 'shorterTake',
        value: round(t.frames / fs, 3),
        unit: 's',
        reason:
          `${names[k]} ends ${round((totalFrames - t.frames) / fs, 3)} s before the longest take; ` +
          'it is silent after its end',
        inputs: { file: o.takes[k] },
      });

  // the guide read before the synchronous part (one take: never read)
  let guide: Guide | undefined;
  if (takes.length > 1 && o.guide) {
    const g = await loadGuide(o.guide, { ...o, params }, fs, totalSeconds);
    guide = g.guide;
    recorder.inputs.push(g.input);
  }

  // sections, gains, measures, the choice and the seams: one synchronous call, the --param values set around it
  const scored = withParams(COMP_PARAMETERS, params, () => {
    // sections
    let sections: Section[];
    let sectionsFrom: CompResult['sectionsFrom'];
    // gain match first: --auto and the measures work on gain-matched takes
    const loud = takes.map((t) => voicedLoudness(t));
    const gm = matchGains(loud);
    const gains = gm.gainsDb.map((g) => 10 ** (g / 20));
    if (loadedSections) {
      sectionsFrom = 'file';
      sections = loadedSections.sections.map((s, i) => {
        if (s.startSeconds >= totalSeconds)
          throw new UsageError(
            `${loadedSections.locate(i, 'startSeconds')}: section "${s.name}" (${s.startSeconds}–${s.endSeconds} s) ` +
              `lies outside the takes (the longest is ${round(totalSeconds, 3)} s); fix the times or give the right ` +
              'takes',
          );
        if (s.endSeconds <= totalSeconds) return s;
        decisions.push({
          engine: 'comp.sections',
          decision: s.name,
          value: round(totalSeconds, 6),
          unit: 's',
          reason: `"${s.name}" ends at ${s.endSeconds} s, after the longest take (${round(totalSeconds, 3)} s): cut`,
        });
        return { ...s, endSeconds: totalSeconds };
      });
    } else if (o.bars) {
      sections = barSections(o.bars.bars, o.bars.bpm, totalSeconds);
      sectionsFrom = 'bars';
      decisions.push({
        engine: 'comp.sections',
        decision: 'bars',
        value: sections.length,
        unit: 'sections',
        reason:
          `every ${o.bars.bars} bar(s) of ${COMP_SECTION_PARAMETERS.beatsPerBar.value} beats ` +
          `at ${o.bars.bpm} BPM from 0 s`,
      });
    } else if (takes.length > 1) {
      const hopS = takes[0]!.hop / fs;
      const auto = autoSections(
        takes.map((t, k) => activity(t, gains[k]!)),
        hopS,
        totalSeconds,
      );
      sections = auto.sections;
      sectionsFrom = 'auto';
      const spans = auto.boundaries.map((b) => `${round(b.fromSeconds, 2)}–${round(b.toSeconds, 2)} s`).join(', ');
      decisions.push({
        engine: 'comp.sections',
        decision: 'auto',
        value: auto.boundaries.map((b) => round(b.atSeconds, 3)),
        unit: 's',
        reason:
          `${sections.length} phrase section(s): a boundary in the middle of each stretch of at least ` +
          `${COMP_SECTION_PARAMETERS.minSilenceSeconds.value} s where most takes have no voice ` +
          `(${spans || 'none'})`,
      });
    } else {
      sections = [{ name: 'Whole take', startSeconds: 0, endSeconds: totalSeconds }];
      sectionsFrom = 'whole';
    }

    for (const [k, g] of gm.gainsDb.entries())
      decisions.push({
        engine: 'comp.gain',
        decision: names[k]!,
        value: round(g, 2),
        unit: 'dB',
        reason:
          loud[k] === null
            ? `${names[k]} has no voiced frames; left at 0 dB`
            : `${names[k]}'s voiced loudness ${round(loud[k]!, 2)} LUFS matched to the takes' median ` +
              `${round(gm.targetLufs!, 2)} LUFS` +
              (gm.bounded[k] ? ` (bounded to ±${COMP_ASSEMBLY_PARAMETERS.maxGainDb.value} dB)` : ''),
        inputs: { voicedLufs: roundOrNull(loud[k]!, 2) },
      });

    // one take: copied (with its gain at 0 dB), with a warning
    let reference: CompResult['reference'] = 'none';
    let tuning = 0;
    let timingOffset = 0;
    let takeLatency: number[] = [];
    let choices: ReturnType<typeof chooseTakes> = [];
    let context: TakeContext | undefined;
    let measures: TakeSectionMeasures[][] = [];
    let seams: Seam[] = [];
    const appliedGains = takes.length === 1 ? [1] : gains;
    if (takes.length === 1) {
      o.onWarning?.(`only one take (${quotePath(o.takes[0]!)}): the comp is a copy of it`);
      decisions.push({
        engine: 'comp.choice',
        decision: 'copy',
        value: names[0],
        reason: 'one take only: nothing to choose, the comp is the take itself',
      });
    } else {
      const crossfadeMs = o.crossfadeMs ?? COMP_ASSEMBLY_PARAMETERS.crossfadeMs.value;
      const out = measureTakes({
        takes,
        gains,
        sections,
        guide: guide ?? (key ? { kind: 'none', key } : { kind: 'none' }),
      });
      reference = out.reference;
      tuning = out.tuningCents;
      timingOffset = out.timingOffsetMs;
      takeLatency = out.takeLatencyMs;
      measures = out.measures;
      context = takeContext(out);
      const P = COMP_MEASURE_PARAMETERS;
      takeLatency.forEach((ms, k) => {
        if (ms !== 0)
          decisions.push({
            engine: 'comp.measures',
            decision: 'take latency',
            value: `${o.takes[k]}: ${round(ms, 1)} ms`,
            reason:
              `at least ${round(100 * P.takeLatencyShare.value, 0)} % of its entries (one per section, ` +
              `${P.takeLatencyMinSections.value} sections or more) lay in one window ${round(ms, 1)} ms from the ` +
              'offset the takes share: a take recorded with a latency of its own, taken off its timing; ' +
              'alternative: its entries read as late or early singing',
          });
      });
      if (out.timingSearchMs && out.timingSearchMs[1] > COMP_MEASURE_PARAMETERS.maxLagSeconds.value * 1000 + 1)
        decisions.push({
          engine: 'comp.measures',
          decision: 'timing search range',
          value: `${round(out.timingSearchMs[0], 0)}…${round(out.timingSearchMs[1], 0)} ms`,
          reason:
            `${round(100 * (out.atLateCap ?? 0), 0)} % of the entry offsets lay at the late end of the first search ` +
            `(${round(COMP_MEASURE_PARAMETERS.maxLagSeconds.value * 1000, 0)} ms; at least ` +
            `${round(100 * COMP_MEASURE_PARAMETERS.lagCapShare.value, 0)} % extend it): a session's latency plus a ` +
            'slow attack; alternative: the first range (every such take read at its end, late or not)',
        });
      if (out.scale && out.scale.added.length > 0) {
        const NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
        decisions.push({
          engine: 'comp.measures',
          decision: 'scale tones',
          value: out.scale.pitchClasses.map((pc) => NAMES[pc]).join(' '),
          reason:
            `${out.scale.added.map((pc) => NAMES[pc]).join(', ')} outside ${out.scale.name}: more than half of the ` +
            `takes hold ${round(100 * COMP_MEASURE_PARAMETERS.scaleToneShare.value, 0)} % of their voiced frames ` +
            `within ${COMP_MEASURE_PARAMETERS.scaleToneCents.value} cents of each (the song's own tones, e.g. a ` +
            "harmonic minor's raised seventh); alternatives: the key's seven tones only (in-tune raised sevenths " +
            'read as 100-cent defects), every semitone (a take 60 cents off reads 40)',
        });
      }
      // sections whose takes nearest the phrase lead lie clearly nearer it than the group in time by agreement
      // (or, with a grid, than a group holding takes a whole line off): read against the lead
      const nearerText = () => {
        const at = sections.filter((_, si) => out.phraseLead?.used && out.phraseLead.nearer?.[si]);
        return at.length
          ? `; in ${at.map((x) => x.name).join(', ')} the takes whose ` +
              `${out.grid ? 'first note starts' : 'phrase starts'} ` +
              `nearest the sections' lead (${round(out.phraseLead!.leadSeconds * 1000, 0)} ms after their starts) ` +
              'lie ' +
              `over ${round(COMP_MEASURE_PARAMETERS.phraseLeadMarginSpreads.value, 1)} of its spreads ` +
              `(${round(out.phraseLead!.spreadSeconds * 1000, 1)} ms) nearer it than the takes in time by ` +
              `${out.grid ? 'the grid' : 'agreement'}: there they are the timing reference (alternatives: the ` +
              `agreeing group alone, which a late or early majority or a take a whole grid line off outvotes)`
          : '';
      };
      if (out.reference === 'consensus')
        decisions.push({
          engine: 'comp.measures',
          decision: 'timing reference',
          value: out.grid
            ? 'note-start grid'
            : out.phraseLead?.offLead.some(Boolean) || out.phraseLead?.tieBroken?.some(Boolean)
              ? "largest group of agreeing takes; the sections' phrase lead where it lies far off or the takes tie"
              : 'largest group of agreeing takes',
          reason: out.grid
            ? "the note starts on the takes' pitch tracks lie on a " +
              `${round(out.grid.periodSeconds * 1000, 1)} ms grid ` +
              `(resultant ${round(out.grid.strength, 2)}` +
              (out.grid.fit != null ? `, fit ${round(out.grid.fit, 2)}` : '') +
              `): in each section the takes whose note starts lie on it are ` +
              'the timing reference' +
              nearerText()
            : "the note starts on the takes' pitch tracks lie on no fixed grid" +
              (out.rejectedGrid
                ? ` (the best, ${round(out.rejectedGrid.periodSeconds * 1000, 1)} ms, holds ` +
                  `${round(100 * (out.rejectedGrid.fit ?? 0), 0)} % of the note starts most takes share beyond ` +
                  `chance, under ${round(100 * COMP_MEASURE_PARAMETERS.gridMinFit.value, 0)} %)`
                : '') +
              ': in each section the largest group of takes whose entries agree is the timing reference' +
              (out.phraseLead?.used
                ? `; the sections' phrases start ${round(out.phraseLead.leadSeconds * 1000, 0)} ms after their ` +
                  `starts (median over ${out.phraseLead.sections} sections, which lie ` +
                  `${round(out.phraseLead.spreadSeconds * 1000, 1)} ms from it, median; read from each take's ` +
                  `${out.phraseLead.clock ?? 'first sound'}` +
                  (out.phraseLead.offToneCents != null
                    ? `: the voice lies ${round(out.phraseLead.offToneCents, 1)} cents off a semitone (median; ` +
                      `notes within ${round(COMP_MEASURE_PARAMETERS.noteClockCents.value, 0)})`
                    : '') +
                  ')' +
                  (out.phraseLead.offLead.some(Boolean)
                    ? `; in ${sections
                        .filter((_, si) => out.phraseLead!.offLead[si])
                        .map((x) => x.name)
                        .join(', ')} that group's phrase starts over ` +
                      `${round(COMP_MEASURE_PARAMETERS.phraseLeadOutlierSpreads.value, 1)} times as far off: ` +
                      'there the takes whose phrase starts at the lead are the timing reference'
                    : '') +
                  (out.phraseLead.tieBroken?.some(Boolean)
                    ? `; in ${sections
                        .filter((_, si) => out.phraseLead!.tieBroken![si])
                        .map((x) => x.name)
                        .join(', ')} two groups of takes were as good and the lead tells them apart (one ` +
                      `lies over ${round(COMP_MEASURE_PARAMETERS.consensusToleranceSeconds.value * 1000, 0)} ms ` +
                      'nearer it): there the takes whose phrase starts at the lead are the timing reference'
                    : '') +
                  nearerText()
                : ''),
          ...(out.grid
            ? {
                inputs: {
                  periodSeconds: round(out.grid.periodSeconds, 5),
                  strength: round(out.grid.strength, 3),
                  ...(out.grid.fit != null ? { fit: round(out.grid.fit, 3) } : {}),
                },
              }
            : {}),
        });
      // no reference outside the takes (no guide, grid or phrase lead) and no majority in time: the timing
      // measure cannot say which takes are in time there (takes late or early together would read in time)
      if (out.reference === 'consensus' && !out.grid)
        out.inTime?.forEach((x, si) => {
          if (
            x.voiced > 1 &&
            2 * x.inTime <= x.voiced &&
            !out.phraseLead?.offLead[si] &&
            !out.phraseLead?.tieBroken?.[si] &&
            !out.phraseLead?.nearer?.[si]
          )
            decisions.push({
              engine: 'comp.measures',
              decision: 'timing not decisive',
              value: sections[si]!.name,
              reason:
                `only ${x.inTime} of the ${x.voiced} takes with voice here agree on the entry, and nothing outside ` +
                'the takes (a guide, a grid, a phrase lead the sections share) says which are in time',
              inputs: { section: si, inTime: x.inTime, voiced: x.voiced },
            });
        });
      choices = chooseTakes(sections, measures, weights, names, undefined, undefined, undefined, context);
      for (const [s, c] of choices.entries()) {
        const pts = (t: number) => round(c.scores[t]!.total, 2);
        const m = c.model;
        // the take model chose (takeModel 1): it is named with every take's score, and the rules' pick beside
        const reason = m
          ? `the take model ${m.preset} chose ${names[c.chosen]}: score ${modelScores(m, names)}` +
            (m.rulesChose === null
              ? `; the rules chose it too (${pts(c.chosen)} points)`
              : `; the rules chose ${names[m.rulesChose]} (${pts(m.rulesChose)} points against ${pts(c.chosen)})`) +
            (c.why ? `; ${c.why}` : '')
          : `${names[c.chosen]} scored ${pts(c.chosen)} points` +
            (c.keptForContinuity ? ' (kept from the previous section: a change would not gain enough)' : '') +
            (c.why ? `; ${c.why}` : '');
        decisions.push({
          engine: 'comp.choice',
          decision: c.section.name,
          value: names[c.chosen],
          reason,
          inputs: {
            section: s,
            startSeconds: c.section.startSeconds,
            endSeconds: c.section.endSeconds,
            points: Object.fromEntries(c.scores.map((x) => [names[x.take], round(x.total, 3)])),
            ...(m ? { model: modelJson(m, names) } : {}),
          },
          alternatives: c.scores
            .filter((x) => x.take !== c.chosen)
            .map((x) => ({
              value: names[x.take],
              why_not: m
                ? `model score ${round(m.takes[x.take]!.score, 2)} against ${round(m.takes[c.chosen]!.score, 2)}` +
                  ` (${pts(x.take)} points against ${pts(c.chosen)})`
                : `${pts(x.take)} points against ${pts(c.chosen)}`,
            })),
        });
      }
      seams = placeSeams({
        sections,
        chosen: choices.map((c) => c.chosen),
        takes,
        gains,
        activity: takes.map((t, k) => activity(t, gains[k]!)),
        fineActivity: takes.map((t, k) => fineActivity(t, gains[k]!)),
        totalFrames,
        crossfadeMs,
      });
      for (const s of seams)
        decisions.push({
          engine: 'comp.seam',
          decision: sections[s.section]!.name,
          value: round(s.startFrame / fs, 4),
          unit: 's',
          reason:
            `${names[s.from]} → ${names[s.to]}: equal-power crossfade of ` +
            `${round((s.lengthFrames / fs) * 1000, 1)} ms ` +
            `at the lowest-energy point (${round(s.energyDbfs, 1)} dBFS) within ±` +
            `${COMP_ASSEMBLY_PARAMETERS.searchSeconds.value} s of ${round(s.boundarySeconds, 3)} s` +
            (s.inGap ? ', where neither take has voice' : '; no gap without voice there, so inside the sound'),
        });
    }

    return {
      sections,
      sectionsFrom,
      loud,
      gm,
      gains,
      reference,
      tuning,
      timingOffset,
      takeLatency,
      choices,
      measures,
      seams,
      appliedGains,
    };
  });
  const { sections, sectionsFrom, loud, gm, gains, reference, tuning, timingOffset, takeLatency } = scored;
  const { choices, measures, seams, appliedGains } = scored;

  // assembly: stream every take again, write the comp
  const writer = await WavWriter.create(o.output, { sampleRate: fs, channels, format: 'f32' });
  let sha256: string;
  try {
    const assembler = new CompAssembler({
      channels,
      firstTake: choices[0]?.chosen ?? 0,
      seams,
      gains: appliedGains,
    });
    const readers: FrameReader[] = [];
    try {
      for (const [k, file] of o.takes.entries())
        readers.push(new FrameReader(await openTake(file, o.ffmpeg), takes[k]!.channels));
      const block = 65536;
      const inter = new Float32Array(block * channels);
      for (let from = 0; from < totalFrames; from += block) {
        const n = Math.min(block, totalFrames - from);
        const need = assembler.takesFor(from, n);
        // every take is read in step (streams go forward only); only the needed ones are used
        const read = await Promise.all(readers.map((r) => r.read(n)));
        const got = read.map((b, k) => (need.has(k) ? b : undefined));
        const out = assembler.process(from, n, got);
        for (let i = 0; i < n; i++) for (let c = 0; c < channels; c++) inter[i * channels + c] = out[c]![i]!;
        await writer.write(inter.subarray(0, n * channels));
      }
    } finally {
      await Promise.all(readers.map((r) => r.source.close().catch(() => undefined)));
    }
    sha256 = await writer.finish();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  recorder.outputs.push({ path: o.output, sha256, role: 'comp' });
  if (o.rpp) {
    await writeFileAtomic(
      o.rpp,
      buildCompSession({
        sessionFile: o.rpp,
        comp: o.output,
        takes: o.takes,
        sampleRate: fs,
        totalFrames,
        takeFrames: takes.map((t) => t.frames),
        sections,
        chosen: choices.length ? choices.map((c) => c.chosen) : sections.map(() => 0),
        gains: appliedGains,
        seams,
      }),
    );
    recorder.outputs.push({ path: o.rpp, sha256: await hashFile(o.rpp), role: 'comp:session' });
  }

  const result = envelope<CompResult>(
    {
      file: o.takes[0]!,
      output: o.output,
      sha256,
      sampleRate: fs,
      channels,
      frames: totalFrames,
      durationSeconds: round(totalSeconds, 6),
      reference,
      tuningCents: round(tuning, 2),
      timingOffsetMs: round(timingOffset, 1),
      weights: { preset, ...weights },
      sectionsFrom,
      targetLufs: roundOrNull(gm.targetLufs, 2),
      takes: takes.map((t, k) => ({
        file: o.takes[k]!,
        channels: t.channels,
        durationSeconds: round(t.frames / fs, 6),
        voicedLufs: roundOrNull(loud[k]!, 2),
        gainDb: round(20 * Math.log10(appliedGains[k]!), 3),
        gain: appliedGains[k]!,
        gainBounded: takes.length > 1 && gm.bounded[k]!,
        latencyMs: round(takeLatency[k] ?? 0, 1),
      })),
      sections: sections.map((s, i) => {
        const c = choices[i];
        return {
          name: s.name,
          startSeconds: s.startSeconds,
          endSeconds: s.endSeconds,
          chosen: c?.chosen ?? 0,
          runnerUp: c?.runnerUp ?? null,
          why: c?.why ?? '',
          keptForContinuity: c?.keptForContinuity ?? false,
          ...(c?.model ? { model: modelJson(c.model, names) } : {}),
          scores: (c?.scores ?? []).map((x) => ({
            take: x.take,
            totalPoints: round(x.total, 3),
            points: Object.fromEntries(Object.entries(x.points).map(([k, v]) => [k, round(v, 3)])) as Points,
            defects: x.defects,
            measures: roundMeasures(measures[i]![x.take]!),
          })),
        };
      }),
      crossfades: seams.map((s) => ({
        section: s.section,
        fromTake: s.from,
        toTake: s.to,
        boundarySeconds: round(s.boundarySeconds, 4),
        startSeconds: round(s.startFrame / fs, 6),
        lengthMs: round((s.lengthFrames / fs) * 1000, 3),
        startFrame: s.startFrame,
        lengthFrames: s.lengthFrames,
        inGap: s.inGap,
      })),
      ...(o.rpp ? { session: o.rpp } : {}),
      ...(Object.keys(params).length ? { parameters: params } : {}),
      decisions,
    },
    recorder.runId,
  );
  for (const d of decisions) recorder.decide(d);
  recorder.results.push(result);
  await o.store.saveRun(recorder.finish(0));
  return result;
}

function roundMeasures(m: TakeSectionMeasures): TakeSectionMeasures {
  const out = { ...m } as Record<string, number | null>;
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'number') out[k] = round(v, k.endsWith('Fraction') ? 4 : 2);
  return out as unknown as TakeSectionMeasures;
}

// ---- the command line -----------------------------------------------------------------------

export interface CompFlags extends JsonFlag, FfmpegFlag, StoreFlags, OverwriteFlag {
  output?: string;
  sections?: string;
  bars?: string;
  bpm?: string;
  auto?: boolean;
  guide?: string;
  key?: string;
  weights?: string;
  crossfadeMs?: string;
  rpp?: string;
  /** `--param NAME=VALUE`, repeatable. */
  param?: string[];
}

function positive(flag: string, value: string, lo: number, hi: number): number {
  const v = Number(value);
  if (value.trim() === '' || !Number.isFinite(v) || v < lo || v > hi)
    throw new UsageError(`${flag}: expected a number in [${lo}, ${hi}], got '${value}'`);
  return v;
}

export const compCommand = defineCommand({
  name: 'comp',
  description: 'score takes section by section, pick the best of each and assemble a seamless comp',
  arguments: [['[takes...]', 'takes of one part recorded against the same timeline (one sample rate, mono or stereo)']],
  options: (cmd) =>
    cmd
      .option('--sections <file>', 'sections YAML: - { name, startSeconds, endSeconds } (docs/sections.md)')
      .option('--bars <n>', 'sections of N bars on a tempo grid from 0 s (with --bpm)')
      .option('--bpm <x>', 'tempo of the --bars grid')
      .option('--auto', 'phrase sections where most takes are silent for 150 ms or more (the default)')
      .option('--guide <file>', 'the melody: a MIDI file (notes and note-ons) or a guide vocal (its f0 and onsets)')
      .option('--key <key>', 'without a guide: pitch against the nearest tone of this key, e.g. "A minor"')
      .option(
        '--weights <list>',
        'a preset (vocal-pop, vocal-natural, instrument) and/or measure=weight pairs, e.g. vocal-natural,pitch=2 ' +
          '(measures: pitch stability timing noise clipping level missing)',
      )
      .option(
        '--crossfade-ms <ms>',
        `crossfade length at a seam (default ${COMP_ASSEMBLY_PARAMETERS.crossfadeMs.value})`,
      )
      .option(
        '--rpp <file>',
        'also write a REAPER session: one item per section holding every take, the chosen one active',
      )
      .option('--param <name=value>', paramFlagHelp('comp'), collectParam),
  shared: {
    // required unless `--param list` (checked in compCli)
    output: { description: 'the comp (32-bit float WAV)' },
    overwrite: true,
    json: 'print the result as one JSON object (one line)',
    ffmpeg: 'non-WAV takes',
    store: 'store',
  },
  examples: [
    'shub comp take1.wav take2.wav take3.wav -o comp.wav',
    'shub comp takes/*.wav -o comp.wav --sections sections.yaml --guide melody.mid --rpp comp.rpp',
    'shub comp t1.wav t2.wav t3.wav -o comp.wav --bars 4 --bpm 96 --key "A minor" --weights vocal-natural --json',
    'shub comp t1.wav t2.wav t3.wav -o comp.wav --param takeModel=1 --param breathLoudSeconds=0.6',
  ],
  exitCodes: {
    0: 'ok',
    2: 'usage or sections error (file:line key); takes at different rates; a guide of another length',
    3: 'an unreadable take or guide',
    4: 'missing ffmpeg or database',
    5: 'internal',
  },
  run: compCli,
});

export async function compCli(ctx: CliContext, files: string[], flags: CompFlags): Promise<number> {
  if (flags.param?.includes('list')) {
    ctx.io.stdout.write(`${listParams(COMP_PARAMETERS)}\n`);
    return 0;
  }
  if (files.length === 0) throw new UsageError("missing required argument 'takes'");
  const output = flags.output;
  if (output === undefined) throw new UsageError("required option '-o, --output <path>' not specified");
  // checked before anything is read or written (a bad value: exit 2)
  const params = resolveParams(COMP_PARAMETERS, flags.param);
  let bars: { bars: number; bpm: number } | undefined;
  if (flags.bars !== undefined || flags.bpm !== undefined) {
    if (flags.bars === undefined || flags.bpm === undefined)
      throw new UsageError('--bars and --bpm go together: sections of N bars need the tempo');
    const b = positive('--bars', flags.bars, 1, 1000);
    if (!Number.isInteger(b)) throw new UsageError(`--bars: expected a whole number of bars, got '${flags.bars}'`);
    bars = { bars: b, bpm: positive('--bpm', flags.bpm, 20, 400) };
  }
  const [lo, hi] = COMP_ASSEMBLY_PARAMETERS.crossfadeMs.range;
  const crossfadeMs =
    flags.crossfadeMs === undefined ? undefined : positive('--crossfade-ms', flags.crossfadeMs, lo, hi);
  return withSession(ctx, 'comp', flags, async (s) => {
    const takes = await s.inputs(files, {});
    return s.one(takes[0] ?? 'comp', flags, { format: formatCompText }, (context) =>
      comp({
        ...context,
        takes,
        output,
        ...(flags.sections ? { sections: flags.sections } : {}),
        ...(bars ? { bars } : {}),
        ...(flags.auto ? { auto: true } : {}),
        ...(flags.guide ? { guide: flags.guide } : {}),
        ...(flags.key ? { key: flags.key } : {}),
        ...(flags.weights ? { weights: flags.weights } : {}),
        ...(crossfadeMs !== undefined ? { crossfadeMs } : {}),
        ...(flags.rpp ? { rpp: flags.rpp } : {}),
        ...(Object.keys(params).length ? { params } : {}),
        overwrite: flags.overwrite ?? false,
      }),
    );
  });
}

export function formatCompText(r: CompResult): string {
  const name = (k: number) => path.basename(r.takes[k]!.file);
  const lines = [
    `${quotePath(r.output)}  ${r.durationSeconds.toFixed(2)} s  ${r.sampleRate} Hz  ${r.takes.length} takes  ` +
      `${r.sections.length} sections (${r.sectionsFrom})  reference: ${r.reference}`,
  ];
  for (const t of r.takes)
    lines.push(
      `  take ${quotePath(path.basename(t.file))}  ` +
        `voiced ${t.voicedLufs === null ? '-inf' : t.voicedLufs.toFixed(1)} ` +
        `LUFS  gain ${t.gainDb >= 0 ? '+' : ''}${t.gainDb.toFixed(2)} dB`,
    );
  for (const s of r.sections) {
    const pts = s.scores.map((x) => `${name(x.take)} ${x.totalPoints.toFixed(2)}`).join(', ');
    lines.push(
      `  ${s.name.padEnd(14)} ${s.startSeconds.toFixed(2).padStart(7)}–${s.endSeconds.toFixed(2).padEnd(7)} → ` +
        `${quotePath(name(s.chosen))}${pts ? `  (points: ${pts})` : ''}`,
    );
    if (s.model) {
      const top = (t: CompModelJson['takes'][number]) =>
        t.terms.map(
          (x) => `${x.feature} = ${x.value.toFixed(2)}: ${x.overMean >= 0 ? '+' : ''}${x.overMean.toFixed(2)}`,
        );
      lines.push(
        `      chosen by the take model ${s.model.preset}: ` +
          [...s.model.takes]
            .sort((a, b) => b.score - a.score)
            .map((t) => `${t.take} ${t.score.toFixed(2)}`)
            .join(', ') +
          (s.model.rulesChose === null ? '' : `; the rules chose ${s.model.rulesChose}`),
      );
      lines.push(`      its terms against the section's mean: ${top(s.model.takes[s.chosen]!).join('; ')}`);
    }
    if (s.why) lines.push(`      ${s.why}`);
  }
  for (const c of r.crossfades)
    lines.push(
      `  crossfade ${c.startSeconds.toFixed(3)} s ${c.lengthMs.toFixed(1)} ms ${name(c.fromTake)} → ${name(c.toTake)}` +
        `${c.inGap ? '' : ' (inside the sound: no gap)'}`,
    );
  if (r.session) lines.push(`session ${quotePath(r.session)}`);
  return lines.join('\n');
}
