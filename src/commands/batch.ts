/**
 * What every command function shares: the plain options it runs and records with (no argv, no
 * process globals: SPEC §8b), the envelope every result carries (`runId`, `shubVersion`: SPEC §3),
 * and the batch runner. runBatch runs one job per input file, `jobs` at a time, and hands results
 * and errors on in input order as soon as all earlier inputs are done. A failing input never stops
 * the others; the exit code is the worst seen (SPEC §3). Results, inputs, errors and decisions go
 * into the run record.
 */
import { availableParallelism } from 'node:os';
import { ExitCode, describeError, exitCodeOf, type ShubError } from '../errors.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import { shubVersion, type RunRecorder } from '../store/run.js';
import type { Decision, RunInput, RunRecord, Store } from '../store/types.js';

/** What every command function takes to run and record one invocation. */
export interface RunContext {
  ffmpeg: FfmpegChoice;
  store: Store;
  /** The command line as typed, for the run record. */
  args?: string[];
  /** This run's id; default a new UUID v7. The CLI passes its own to print it before the run ends. */
  runId?: string;
  onWarning?: (message: string) => void;
}

/** A command over a list of input files, one result per file (analyze, validate, master). */
export interface BatchContext<R> extends RunContext {
  files: string[];
  /** Files processed at once; default: number of cores. */
  jobs?: number;
  /** Each result, in input order, as soon as it and all before it are done. */
  onResult?: (result: Reported<R>) => void;
  /** Each failed input, in input order. */
  onError?: (file: string, error: ShubError | Error) => void;
  onProgress?: (file: string, fraction: number) => void;
}

/** The fields every printed (and recorded) result carries (SPEC §3). */
export interface Envelope {
  runId: string;
  shubVersion: string;
}
export type Reported<R> = R & Envelope;

/** `result` with its run's id and the shub version, as printed with --json and kept in the run record. */
export function envelope<R extends object>(result: R, runId: string): Reported<R> {
  return { ...result, runId, shubVersion: shubVersion() };
}

export interface BatchOutcome<R> {
  exitCode: ExitCode;
  results: Reported<R>[];
  run: RunRecord;
  runFile: string;
}

/** The batch's run finished with its worst exit code and saved: the outcome a batch command returns. */
export async function saveBatch<R>(
  recorder: RunRecorder,
  store: Store,
  batch: { exitCode: ExitCode; results: Reported<R>[] },
): Promise<BatchOutcome<R>> {
  const run = recorder.finish(batch.exitCode);
  const runFile = await store.saveRun(run);
  return { ...batch, run, runFile };
}

export interface JobOutput<R> {
  result: R;
  input: RunInput;
  decisions: Decision[];
  /** The exit code this input earns (e.g. 1 when a check failed); default 0. */
  exitCode?: ExitCode;
}

export interface BatchOptions<R> {
  files: string[];
  jobs?: number;
  job: (file: string) => Promise<JobOutput<R>>;
  onResult?: ((result: Reported<R>) => void) | undefined;
  onError?: ((file: string, error: Error) => void) | undefined;
}

export async function runBatch<R extends object>(
  recorder: RunRecorder,
  options: BatchOptions<R>,
): Promise<{ exitCode: ExitCode; results: Reported<R>[] }> {
  const { files } = options;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const settled: ({ ok: true; out: JobOutput<R> } | { ok: false; error: unknown } | undefined)[] = new Array(
    files.length,
  );
  const results: Reported<R>[] = [];
  let worst: ExitCode = ExitCode.ok;
  let emitted = 0;
  const flush = () => {
    while (emitted < files.length && settled[emitted]) {
      const s = settled[emitted]!;
      const file = files[emitted]!;
      if (s.ok) {
        const result = envelope(s.out.result, recorder.runId);
        results.push(result);
        recorder.results.push(result);
        recorder.inputs.push(s.out.input);
        for (const d of s.out.decisions) recorder.decide(d);
        worst = Math.max(worst, s.out.exitCode ?? ExitCode.ok) as ExitCode;
        options.onResult?.(result);
      } else {
        const code = exitCodeOf(s.error);
        worst = Math.max(worst, code) as ExitCode;
        recorder.errors.push({ file, message: describeError(s.error), exitCode: code });
        options.onError?.(file, s.error instanceof Error ? s.error : new Error(String(s.error)));
      }
      emitted++;
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      try {
        settled[index] = { ok: true, out: await options.job(files[index]!) };
      } catch (error) {
        settled[index] = { ok: false, error };
      }
      flush();
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return { exitCode: worst, results };
}
