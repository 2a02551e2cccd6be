/**
 * `shub analyze`: the story of one run — open each input → meter it → print its result as soon
 * as the inputs before it are printed → record the run. A bad file is reported and the others
 * still run; the exit code is the worst seen (SPEC §3).
 */
import { availableParallelism } from 'node:os';
import { Option } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { openAudio, ReadBuffers } from '../io/audio.js';
import type { AudioFormat } from '../io/format.js';
import { createLevelMeter, round, toLevels, type Levels, type LoudnessCurves } from '../engines/levels/index.js';
import { feedSource, type PcmSink } from '../engines/analysis/pipeline.js';
import { STFT_PARAMETERS, stftLayout } from '../engines/analysis/params.js';
import { createFeatureExtractor, spectralSummary, type Spectral } from '../engines/spectral/index.js';
import { onsetFineRises, type Onsets } from '../engines/onsets/index.js';
import type { Tempo } from '../engines/tempo/index.js';
import type { Key, NoKey } from '../engines/key/index.js';
import { summarizePitch, type Pitch } from '../engines/pitch/index.js';
import { channelWeights } from '../engines/levels/weights.js';
import { native, type FeatureReport } from '../native.js';
import { RunRecorder } from '../store/run.js';
import type { Decision } from '../store/types.js';
import { ANALYZE_PARAMETERS, PostPool, runPostTask, type PostTask } from './analyze-post.js';
import { collectParam, listParams, paramFlagHelp, recordParams, resolveParams, withParams } from './params.js';
import type { ParameterValues } from './params.js';
import { runBatch, saveBatch, type BatchContext, type BatchOutcome, type JobOutput } from './batch.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import { type FfmpegFlag, type JobsFlag, type JsonFlag, type StoreFlags } from './options.js';

/** The features `analyze` can compute, each with what it adds. The CLI's help is built from this. */
export const ANALYZE_FEATURES = {
  levels: 'loudness (BS.1770-4 / EBU R128), true peak, LRA and level statistics',
  spectral: 'centroid, roll-off, flatness, flux, ZCR, bandwidth, MFCC, chroma, contrast, third-octave tonal balance',
  tempo: 'tempo (BPM) with confidence and alternatives, beats and downbeats; null with a reason when there is no beat',
  key: 'musical key (24 keys, tuning-aware) with confidence and alternatives; null with a reason when nothing is tuned',
  onsets: 'onset times (placed to 0.5 ms) and strengths',
  pitch:
    'f0 track (pYIN: candidates + HMM voicing) for monophonic material: median Hz and voiced ratio; null with a ' +
    'reason without steady notes',
} as const;
export type AnalyzeFeature = keyof typeof ANALYZE_FEATURES;

export type ReportedFormat = Omit<AudioFormat, 'speakers'>;

/** One NDJSON line of `analyze --json` (SPEC §5). */
export interface AnalyzeResult {
  file: string;
  sha256: string;
  format: ReportedFormat;
  levels?: Levels;
  curves?: LoudnessCurves;
  spectral?: Spectral;
  tempo?: Tempo;
  key?: Key | NoKey;
  onsets?: Onsets;
  pitch?: Pitch;
  /** The `--param` values this run used (those that differ from their defaults); absent when none. */
  parameters?: ParameterValues;
}

export interface AnalyzeOptions extends BatchContext<AnalyzeResult> {
  features?: AnalyzeFeature[];
  curves?: boolean;
  /** Add `pitch.frames` (the f0 track, one entry per ~10 ms): `--pitch-frames`. */
  pitchFrames?: boolean;
  /** `--param`: the engines' parameters moved from their defaults (resolveParams against ANALYZE_PARAMETERS). */
  params?: ParameterValues;
}

export type AnalyzeOutcome = BatchOutcome<AnalyzeResult>;

/** Parses `--features a,b` against the registry; unknown names are a usage error listing the known ones. */
export function parseFeatures(list: string): AnalyzeFeature[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = Object.keys(ANALYZE_FEATURES);
  for (const n of names) {
    if (!known.includes(n)) throw new UsageError(`--features: unknown feature '${n}'; available: ${known.join(', ')}`);
  }
  if (names.length === 0) throw new UsageError(`--features: give at least one of ${known.join(', ')}`);
  return [...new Set(names)] as AnalyzeFeature[];
}

export async function analyze(options: AnalyzeOptions): Promise<AnalyzeOutcome> {
  if (options.files.length === 0)
    throw new UsageError('analyze: give at least one audio file, e.g. `shub analyze mix.wav`');
  const features = options.features ?? (Object.keys(ANALYZE_FEATURES) as AnalyzeFeature[]);
  const recorder = new RunRecorder('analyze', options.args ?? [], options.runId);
  const params = recordParams(recorder, 'analyze', ANALYZE_PARAMETERS, options.params);
  // onsets, tempo and key run on worker threads, started now so that they are ready after the audio pass
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), options.files.length));
  const post =
    PostPool.sizeFor(jobs) > 0 && features.some((f) => f === 'onsets' || f === 'tempo' || f === 'key')
      ? await PostPool.start(PostPool.sizeFor(jobs))
      : undefined;
  // the read blocks of the files in flight, in 2 MB pages (touched whole once a file: no page fault per 4 kB)
  const buffers = new ReadBuffers(jobs, hugeBuffer);
  try {
    const batch = await runBatch<AnalyzeResult>(recorder, {
      files: options.files,
      jobs,
      onResult: options.onResult,
      onError: options.onError,
      job: (file) => analyzeOne(file, features, { ...options, params }, post, buffers, jobs === 1),
    });
    return await saveBatch(recorder, options.store, batch);
  } finally {
    await post?.close();
  }
}

async function analyzeOne(
  file: string,
  features: AnalyzeFeature[],
  options: AnalyzeOptions,
  /** The batch's post-processing threads; none for one file at a time (this thread runs the engines). */
  post: PostPool | undefined,
  buffers: ReadBuffers,
  /**
   * One file at a time: a WAV file's hash is taken on a thread below the others (src/native.ts sha256Fd), in the
   * time the pass and the post chain leave a core idle, or joins the one the launcher started (bin/shub.js
   * prehash). With files in parallel, another file's pass could hold that thread back while this file waits for
   * it: the main thread hashes each block as it is read.
   */
  hashBelow: boolean,
): Promise<JobOutput<AnalyzeResult>> {
  const source = await openAudio(file, {
    ffmpeg: options.ffmpeg,
    buffers,
    hashBeside: hashBelow ? sha256Below : undefined,
  });
  try {
    for (const w of source.warnings) options.onWarning?.(w);
    const { format } = source;
    const decisions = describeChoices(file, format, features);
    const expectedFrames = format.frames;
    const onProgress =
      options.onProgress && expectedFrames
        ? (done: number) => options.onProgress!(file, Math.min(1, done / expectedFrames))
        : options.onProgress && format.durationSeconds
          ? (done: number) =>
              options.onProgress!(file, Math.min(1, done / (format.durationSeconds! * format.sampleRate)))
          : undefined;

    // one pass over the audio: every block goes to each native consumer that a feature needs
    const needsStft = features.some((f) => f === 'spectral' || f === 'tempo' || f === 'key' || f === 'onsets');
    const needsPitch = features.includes('pitch');
    const meter = features.includes('levels')
      ? createLevelMeter(format, { curves: options.curves ?? false })
      : undefined;
    // the STFT, the onsets engine's finer flux and the pYIN tracker are separate consumers so that they share
    // the cores; the flux only when onsets are asked for (tempo reads the shared STFT's envelopes)
    // the series are allocated once from the header's frame count; only the STFT's extractor keeps the fine
    // energy envelope (onset placement)
    const sized = { expectedFrames: format.frames ?? 0 };
    const only = { ...sized, fineEnvelope: false };
    const stft = needsStft ? createFeatureExtractor(format, { spectrum: true, pitch: false }, {}, sized) : undefined;
    const flux =
      needsStft && (features.includes('onsets') || features.includes('tempo'))
        ? createFeatureExtractor(format, { spectrum: false, pitch: false, onsets: true }, {}, only)
        : undefined;
    const yin = needsPitch ? createFeatureExtractor(format, { spectrum: false, pitch: true }, {}, only) : undefined;
    // the PCM is decoded to its mono mix once: the first extractor (the flux, else the STFT) writes each block's
    // mono mix, the others (the STFT, the pitch tracker) take it one block later beside the next block's consumers
    const [monoFrom, ...monoTo] = [flux, stft, yin].filter((s): s is NonNullable<typeof s> => s !== undefined);
    const relay = monoFrom && monoTo.length ? { from: monoFrom, to: monoTo, allocate: hugeBuffer } : undefined;
    const sinks: PcmSink[] = [meter, relay ? relay.from : (stft ?? yin)].filter(
      (s): s is NonNullable<typeof s> => s !== undefined,
    );
    const decoded = await feedSource(source, sinks, onProgress, relay);
    // the extractors' last frames and the pitch HMM's decoding run on the libuv pool; onsets, tempo and
    // key start as soon as the STFT's report is there
    const yinDone = yin?.finishAsync();
    yinDone?.catch(() => undefined); // awaited below; a rejection must not go unhandled meanwhile
    const fluxDone = flux?.finishAsync();
    fluxDone?.catch(() => undefined);
    const stftOnly = await stft?.finishAsync();
    const fluxReport = await fluxDone;
    const stftReport =
      stftOnly && fluxReport
        ? {
            ...stftOnly,
            onsetFlux: fluxReport.onsetFlux,
            onsetFluxGroups: fluxReport.onsetFluxGroups,
            onsetHopSeconds: fluxReport.onsetHopSeconds,
            onsetNoveltyCoherence: fluxReport.onsetNoveltyCoherence,
            onsetBandEnergy: fluxReport.onsetBandEnergy,
            onsetBandEnergyBands: fluxReport.onsetBandEnergyBands,
          }
        : stftOnly;
    const derived = stftReport
      ? startFeatures(stftReport, features, format.sampleRate, file, post, options.params)
      : undefined;
    derived?.catch(() => undefined);
    const levels = meter ? toLevels(meter.result(), options.curves ?? false) : undefined;
    const yinReport = await yinDone;
    const report =
      stftReport && yinReport
        ? {
            ...stftReport,
            pitchHz: yinReport.pitchHz,
            pitchConfidence: yinReport.pitchConfidence,
            pitchHopSeconds: yinReport.pitchHopSeconds,
            pitchStartSeconds: yinReport.pitchStartSeconds,
          }
        : (stftReport ?? yinReport);
    const sha256 = await source.sha256();
    const frames = levels?.frames ?? report?.frames ?? (sinks.length ? decoded : format.frames);
    const { speakers: _speakers, ...rest } = format;
    const reported: ReportedFormat = {
      ...rest,
      frames,
      durationSeconds: frames === null ? format.durationSeconds : round(frames / format.sampleRate, 6),
    };
    const input = { path: file, sizeBytes: source.sizeBytes, sha256, format: reported };
    const result: AnalyzeResult = { file, sha256, format: reported };
    if (sinks.length && frames === 0) throw new InputError(file, 'contains no audio frames (0 samples); re-export it');
    if (levels) {
      result.levels = levels.levels;
      if (levels.curves) result.curves = levels.curves;
    }
    if (report) {
      if (features.includes('spectral')) result.spectral = spectralSummary(report, format.sampleRate);
      const d = await derived;
      if (d?.tempo) result.tempo = d.tempo;
      if (d?.key) result.key = d.key;
      if (d?.onsets) result.onsets = d.onsets;
      if (features.includes('pitch')) result.pitch = summarizePitch(report, options.pitchFrames ?? false);
      decisions.push(...(d?.decisions ?? []));
    }
    if (options.params && Object.keys(options.params).length) result.parameters = options.params;
    options.onProgress?.(file, 1);
    return { result, input, decisions };
  } finally {
    await source.close();
  }
}

/** The sha256 of an open file on a thread below the process's others (src/native.ts sha256Fd). */
const sha256Below = (fd: number, bytes: number): Promise<string> => native().sha256Fd(fd, bytes);

/** Zeroed memory from 1 MB up in 2 MB pages of its own (src/native.ts hugeArrayBuffer). */
const hugeBuffer = (bytes: number): ArrayBuffer => native().hugeArrayBuffer(bytes);

/**
 * Onsets, tempo and key from the shared STFT's report, on the post-processing threads (in this
 * thread without a pool); the engines' choices (metrical level, key) come back as decisions, in that order.
 * One file at a time (`--jobs 1`) has no pool: this thread has nothing else to do until they are done, and with
 * the engines' loops native (native/src/post.cc) the three take less than a thread's start-up.
 */
async function startFeatures(
  report: FeatureReport,
  features: AnalyzeFeature[],
  sampleRate: number,
  file: string,
  post: PostPool | undefined,
  /** `--param`: set around each engine call (runPostTask), and around the shared rises found here. */
  params: ParameterValues | undefined,
): Promise<{ onsets?: Onsets; tempo?: Tempo; key?: Key | NoKey; decisions: Decision[] }> {
  const wantsTempo = features.includes('tempo');
  const wantsOnsets = features.includes('onsets');
  const pooled = { tempo: post !== undefined, onsets: post !== undefined, key: post !== undefined };
  // the series go to the threads as copies owned by JavaScript (cloning them costs far more than this copy; the
  // native report's own buffers stay here): moved to the one thread that reads them, shared when both do
  const transfer = { onsets: [] as ArrayBuffer[], tempo: [] as ArrayBuffer[] };
  const moved = <A extends Float32Array>(a: A, to: ArrayBuffer[], onPool: boolean): A => {
    if (!onPool) return a;
    const own = a.slice() as A;
    to.push(own.buffer as ArrayBuffer);
    return own;
  };
  const shared = (a: Float32Array): Float32Array => {
    if (!(pooled.onsets && pooled.tempo && wantsOnsets && wantsTempo)) return a;
    const own = new Float32Array(new SharedArrayBuffer(a.byteLength));
    own.set(a);
    return own;
  };
  const odf = shared(report.odf);
  const fineEnergy = shared(report.fineEnergy);
  // the onset flux's groups: the onsets' peaks and the tempo's kick and snare bands (h-tempo8)
  const onsetFlux = shared(report.onsetFlux);
  // the band energies: the onsets' echo model and the tempo's snare hits (h-tempo24)
  const bandEnergy = shared(report.onsetBandEnergy);
  // odf and fineEnergy: the shared copy when both tasks read them, else a moved copy
  const own = (a: Float32Array, to: ArrayBuffer[], onPool: boolean) =>
    a.buffer instanceof SharedArrayBuffer ? a : moved(a, to, onPool);
  const { windowSamples } = stftLayout(sampleRate);
  // the fine envelope's rises: the same for the onsets and tempo's mel onsets, so found once here for both
  const rises =
    wantsOnsets && wantsTempo
      ? withParams(ANALYZE_PARAMETERS, params, () => onsetFineRises(report.fineEnergy, report.tickSamples / sampleRate))
      : undefined;
  const withRunParams = params && Object.keys(params).length ? { params } : {};
  const onsetsTask = () => ({
    ...withRunParams,
    kind: 'onsets' as const,
    input: {
      report: {
        odf: own(odf, transfer.onsets, pooled.onsets),
        hopSeconds: report.hopSeconds,
        fineEnergy: own(fineEnergy, transfer.onsets, pooled.onsets),
        tickSamples: report.tickSamples,
        onsetFlux: own(onsetFlux, transfer.onsets, pooled.onsets),
        onsetFluxGroups: report.onsetFluxGroups,
        onsetHopSeconds: report.onsetHopSeconds,
        // the novelty's coherence: the onsets task alone reads it
        onsetNoveltyCoherence: moved(report.onsetNoveltyCoherence, transfer.onsets, pooled.onsets),
        onsetBandEnergy: own(bandEnergy, transfer.onsets, pooled.onsets),
        onsetBandEnergyBands: report.onsetBandEnergyBands,
      },
      sampleRate,
      windowSamples,
      ...(rises ? { rises } : {}),
    },
  });
  const tempoTask = () => ({
    ...withRunParams,
    kind: 'tempo' as const,
    input: {
      report: {
        odf: own(odf, transfer.tempo, pooled.tempo),
        odfLow: moved(report.odfLow, transfer.tempo, pooled.tempo),
        chroma: moved(report.chroma, transfer.tempo, pooled.tempo),
        pitchClass: report.pitchClass,
        hopSeconds: report.hopSeconds,
        fineEnergy: own(fineEnergy, transfer.tempo, pooled.tempo),
        tickSamples: report.tickSamples,
        onsetFlux: own(onsetFlux, transfer.tempo, pooled.tempo),
        onsetFluxGroups: report.onsetFluxGroups,
        onsetHopSeconds: report.onsetHopSeconds,
        onsetBandEnergy: own(bandEnergy, transfer.tempo, pooled.tempo),
        onsetBandEnergyBands: report.onsetBandEnergyBands,
      },
      sampleRate,
      windowSamples,
      ...(rises ? { rises } : {}),
    },
  });
  const keyTask = {
    ...withRunParams,
    kind: 'key' as const,
    input: {
      report: {
        pitchClass: report.pitchClass,
        bassPitchClass: report.bassPitchClass,
        pitchClassBlocks: report.pitchClassBlocks,
        bassPitchClassBlocks: report.bassPitchClassBlocks,
        hopSeconds: report.hopSeconds,
        gatePitchClass: report.gatePitchClass,
      },
      file,
    },
  };
  // tempo first: the tasks run here start once it is on its thread
  const run = <T extends PostTask>(task: T, buffers: ArrayBuffer[], onPool: boolean) =>
    onPool && post ? post.run(task, buffers) : Promise.resolve(runPostTask(task));
  const tempoDone = wantsTempo ? run(tempoTask(), transfer.tempo, pooled.tempo) : undefined;
  tempoDone?.catch(() => undefined);
  const onsetsDone = wantsOnsets ? run(onsetsTask(), transfer.onsets, pooled.onsets) : undefined;
  onsetsDone?.catch(() => undefined);
  const keyDone = features.includes('key') ? run(keyTask, [], pooled.key) : undefined;
  keyDone?.catch(() => undefined);
  const out: { onsets?: Onsets; tempo?: Tempo; key?: Key | NoKey; decisions: Decision[] } = { decisions: [] };
  const o = await onsetsDone;
  if (o) out.onsets = o.onsets;
  const r = await tempoDone;
  if (r?.tempo) out.tempo = r.tempo;
  if (r?.decision) out.decisions.push({ ...r.decision, inputs: { file, ...r.decision.inputs } });
  const k = await keyDone;
  if (k) {
    out.key = k.key;
    if (k.decision) out.decisions.push(k.decision);
  }
  return out;
}

/** The choices analyze makes per file, for the decision log. */
function describeChoices(file: string, format: AudioFormat, features: AnalyzeFeature[]): Decision[] {
  const weights = channelWeights(format.speakers);
  const factor = native().truePeakOversampling(format.sampleRate);
  const nativeWav = format.container === 'wav' || format.container === 'rf64';
  const analysis: Decision[] = [];
  if (features.some((f) => f !== 'levels' && f !== 'pitch')) {
    const { windowSamples, hopSamples } = stftLayout(format.sampleRate);
    analysis.push({
      engine: 'analyze.stft',
      decision: 'window',
      value: { windowSamples, hopSamples },
      unit: 'samples',
      reason:
        `one Hann-windowed STFT shared by ` +
        `${features.filter((f) => f !== 'levels' && f !== 'pitch').join(', ')}: the power of two nearest ` +
        `${STFT_PARAMETERS.windowSeconds.value * 1000} ms at ${format.sampleRate} Hz, hop ` +
        `${STFT_PARAMETERS.hopFraction.value * 100} % of the window`,
      inputs: { file, sampleRate: format.sampleRate },
    });
  }
  return [
    ...analysis,
    {
      engine: 'io.decode',
      decision: 'decoder',
      value: nativeWav ? 'native-wav' : 'ffmpeg',
      reason: nativeWav
        ? `${format.codec} in ${format.container} is read by shub's own streaming WAV reader`
        : `${format.codec} in ${format.container} is decoded by ffmpeg to 32-bit float`,
      inputs: { file, container: format.container, codec: format.codec },
    },
    {
      engine: 'levels.loudness',
      decision: 'channelWeights',
      value: weights,
      reason: `BS.1770-4 weights for speakers ${format.speakers.join(' ')} (LFE excluded, surrounds 1.41)`,
      inputs: { file, speakers: format.speakers },
    },
    {
      engine: 'levels.truePeak',
      decision: 'oversampling',
      value: factor,
      unit: 'x',
      reason:
        `BS.1770-4 Annex 2 asks for >= 4x below 192 kHz; at ${format.sampleRate} Hz shub scans at ${factor}x ` +
        `and refines candidate peaks at 32x`,
      inputs: { file, sampleRate: format.sampleRate },
    },
  ];
}

// ---- the command line -----------------------------------------------------------------------

export interface AnalyzeFlags extends JsonFlag, JobsFlag, FfmpegFlag, StoreFlags {
  features: string;
  curves?: boolean;
  pitchFrames?: boolean;
  /** `--param NAME=VALUE`, repeatable; in a queued job, the resolved values. */
  param?: string[] | ParameterValues;
}

export const analyzeCommand = defineCommand({
  name: 'analyze',
  description: 'measure loudness (EBU R128 / BS.1770-4), true peak, LRA, levels, spectrum, tempo, key, onsets, pitch',
  // optional for `--param list` alone; without it a run needs one (analyzeCli)
  arguments: [['[files...]', 'audio files: WAV (PCM/float, RF64), FLAC, MP3, AAC/M4A, Ogg/Opus, AIFF']],
  options: (cmd) =>
    cmd
      .addOption(
        new Option(
          '--features <list>',
          `comma-separated: ${Object.entries(ANALYZE_FEATURES)
            .map(([k, v]) => `${k} (${v})`)
            .join('; ')}`,
        ).default(Object.keys(ANALYZE_FEATURES).join(',')),
      )
      .option('--curves', 'add momentary and short-term loudness series (100 ms hop)')
      .option(
        '--pitch-frames',
        'add pitch.frames to the JSON: per ~10 ms frame { t, hz (null when unvoiced), confidence (voiced prob.) }',
      )
      .option('--param <name=value>', paramFlagHelp('onsets, tempo and key'), collectParam),
  shared: { json: true, jobs: 'files analyzed', ffmpeg: 'non-WAV input', store: 'store', inputs: true },
  examples: [
    'shub analyze mix.wav',
    'shub analyze album/*.flac --json | jq .levels.integratedLufs',
    'shub analyze take.wav --curves --json > take.json',
    'shub analyze vocal.wav --features pitch --pitch-frames --json | jq .pitch.frames',
    'shub analyze kit.wav --features onsets --param onsetModelPreset=92 --param onsetModelShortWindowSeconds=0.02',
    'shub analyze --param list',
    'shub analyze stems/*.wav --db postgres://shub@db.studio/shub',
  ],
  exitCodes: {
    0: 'ok',
    2: 'usage/config',
    3: 'unreadable input (others still analyzed)',
    4: 'missing ffmpeg or database unreachable/not migrated',
    5: 'internal',
  },
  run: analyzeCli,
});

/** `shub analyze`: the flags checked, then `analyze` with the shared glue. */
export async function analyzeCli(ctx: CliContext, files: string[], flags: AnalyzeFlags): Promise<number> {
  if (Array.isArray(flags.param) && flags.param.includes('list')) {
    ctx.io.stdout.write(`${listParams(ANALYZE_PARAMETERS)}\n`);
    return 0;
  }
  if (files.length === 0) throw new UsageError("missing required argument 'files'");
  const features = parseFeatures(flags.features);
  const params = resolveParams(ANALYZE_PARAMETERS, flags.param);
  return withSession(ctx, 'analyze', flags, async (s) => {
    const { formatAnalyzeText } = await import('../ui/analyze-text.js');
    const text = { format: formatAnalyzeText, blankLineBetween: true };
    const outcome = await analyze({
      ...(await s.batch(files, flags, text)),
      features,
      curves: flags.curves ?? false,
      pitchFrames: flags.pitchFrames ?? false,
      params,
    });
    return outcome.exitCode;
  });
}
