/**
 * `shub analyze`: the story of one run — open each input → meter it → print its result as soon
 * as the inputs before it are printed → record the run. A bad file is reported and the others
 * still run; the exit code is the worst seen (SPEC §3).
 */
import { availableParallelism } from 'node:os';
import { ExitCode, InputError, ShubError, UsageError, exitCodeOf, describeError } from '../errors.js';
import { openAudio } from '../io/audio.js';
import type { AudioFormat } from '../io/format.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import { measureLevels, round, type Levels, type LoudnessCurves } from '../engines/levels/index.js';
import { channelWeights } from '../engines/levels/weights.js';
import { native } from '../native.js';
import { RunRecorder } from '../store/run.js';
import type { Decision, RunRecord, Store } from '../store/types.js';

/** The features `analyze` can compute, each with what it adds. The CLI's help is built from this. */
export const ANALYZE_FEATURES = {
  levels: 'loudness (BS.1770-4 / EBU R128), true peak, LRA and level statistics',
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
}

export interface AnalyzeOptions {
  files: string[];
  features?: AnalyzeFeature[];
  curves?: boolean;
  /** Files processed at once; default: number of cores. */
  jobs?: number;
  ffmpeg: FfmpegChoice;
  store: Store;
  /** The command line as typed, for the run record. */
  args?: string[];
  /** Each result, in input order, as soon as it and all before it are done. */
  onResult?: (result: AnalyzeResult) => void;
  /** Each failed input, in input order. */
  onError?: (file: string, error: ShubError | Error) => void;
  onWarning?: (message: string) => void;
  onProgress?: (file: string, fraction: number) => void;
}

export interface AnalyzeOutcome {
  exitCode: ExitCode;
  results: AnalyzeResult[];
  run: RunRecord;
  runFile: string;
}

/** Parses `--features a,b` against the registry; unknown names are a usage error listing the known ones. */
export function parseFeatures(list: string): AnalyzeFeature[] {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const known = Object.keys(ANALYZE_FEATURES);
  for (const n of names) {
    if (!known.includes(n)) throw new UsageError(`--features: unknown feature '${n}'; available: ${known.join(', ')}`);
  }
  if (names.length === 0) throw new UsageError(`--features: give at least one of ${known.join(', ')}`);
  return [...new Set(names)] as AnalyzeFeature[];
}

type Outcome = { ok: true; result: AnalyzeResult; decisions: Decision[] } | { ok: false; error: unknown };

export async function analyze(options: AnalyzeOptions): Promise<AnalyzeOutcome> {
  if (options.files.length === 0) throw new UsageError('analyze: give at least one audio file, e.g. `shub analyze mix.wav`');
  const features = options.features ?? (Object.keys(ANALYZE_FEATURES) as AnalyzeFeature[]);
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), options.files.length));
  const recorder = new RunRecorder('analyze', options.args ?? []);

  const outcomes: (Outcome | undefined)[] = new Array(options.files.length);
  let emitted = 0;
  let worst: ExitCode = ExitCode.ok;
  const results: AnalyzeResult[] = [];
  const flush = () => {
    while (emitted < outcomes.length && outcomes[emitted]) {
      const o = outcomes[emitted]!;
      const file = options.files[emitted]!;
      if (o.ok) {
        results.push(o.result);
        recorder.results.push(o.result);
        for (const d of o.decisions) recorder.decide(d);
        options.onResult?.(o.result);
      } else {
        const code = exitCodeOf(o.error);
        worst = Math.max(worst, code) as ExitCode;
        recorder.errors.push({ file, message: describeError(o.error), exitCode: code });
        options.onError?.(file, o.error instanceof Error ? o.error : new Error(String(o.error)));
      }
      emitted++;
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < options.files.length) {
      const index = next++;
      const file = options.files[index]!;
      try {
        outcomes[index] = { ok: true, ...(await analyzeOne(file, features, options, recorder)) };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
      flush();
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));

  const run = recorder.finish(worst);
  const runFile = await options.store.saveRun(run);
  return { exitCode: worst, results, run, runFile };
}

async function analyzeOne(
  file: string,
  features: AnalyzeFeature[],
  options: AnalyzeOptions,
  recorder: RunRecorder,
): Promise<{ result: AnalyzeResult; decisions: Decision[] }> {
  const source = await openAudio(file, { ffmpeg: options.ffmpeg });
  try {
    for (const w of source.warnings) options.onWarning?.(w);
    const { format } = source;
    const decisions = describeChoices(file, format);
    const expectedFrames = format.frames;
    const onProgress = options.onProgress && expectedFrames
      ? (done: number) => options.onProgress!(file, Math.min(1, done / expectedFrames))
      : options.onProgress && format.durationSeconds
        ? (done: number) => options.onProgress!(file, Math.min(1, done / (format.durationSeconds! * format.sampleRate)))
        : undefined;

    let levels: Awaited<ReturnType<typeof measureLevels>> | undefined;
    if (features.includes('levels')) {
      levels = await measureLevels(source, { curves: options.curves ?? false, ...(onProgress ? { onProgress } : {}) });
    }
    const sha256 = await source.sha256();
    const frames = levels?.frames ?? format.frames;
    const { speakers: _speakers, ...rest } = format;
    const reported: ReportedFormat = {
      ...rest,
      frames,
      durationSeconds: frames === null ? format.durationSeconds : round(frames / format.sampleRate, 6),
    };
    recorder.inputs.push({ path: file, sizeBytes: source.sizeBytes, sha256, format: reported });
    const result: AnalyzeResult = { file, sha256, format: reported };
    if (levels) {
      result.levels = levels.levels;
      if (levels.curves) result.curves = levels.curves;
      if (frames === 0) throw new InputError(file, 'contains no audio frames (0 samples); re-export it');
    }
    options.onProgress?.(file, 1);
    return { result, decisions };
  } finally {
    await source.close();
  }
}

/** The choices analyze makes per file, for the decision log. */
function describeChoices(file: string, format: AudioFormat): Decision[] {
  const weights = channelWeights(format.speakers);
  const factor = native().truePeakOversampling(format.sampleRate);
  const nativeWav = format.container === 'wav' || format.container === 'rf64';
  return [
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
      reason: `BS.1770-4 Annex 2 asks for >= 4x below 192 kHz; at ${format.sampleRate} Hz shub scans at ${factor}x and refines candidate peaks at 32x`,
      inputs: { file, sampleRate: format.sampleRate },
    },
  ];
}
