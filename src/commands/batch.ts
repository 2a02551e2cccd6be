/**
 * Runs one job per input file, `jobs` at a time, and hands results and errors on in input order
 * as soon as all earlier inputs are done. A failing input never stops the others; the exit code
 * is the worst seen (SPEC §3). Results, inputs, errors and decisions go into the run record.
 */
import { availableParallelism } from 'node:os';
import { ExitCode, describeError, exitCodeOf } from '../errors.js';
import type { RunRecorder } from '../store/run.js';
import type { Decision, RunInput } from '../store/types.js';

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
  onResult?: (result: R) => void;
  onError?: (file: string, error: Error) => void;
}

export async function runBatch<R>(
  recorder: RunRecorder,
  options: BatchOptions<R>,
): Promise<{ exitCode: ExitCode; results: R[] }> {
  const { files } = options;
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const settled: ({ ok: true; out: JobOutput<R> } | { ok: false; error: unknown } | undefined)[] = new Array(
    files.length,
  );
  const results: R[] = [];
  let worst: ExitCode = ExitCode.ok;
  let emitted = 0;
  const flush = () => {
    while (emitted < files.length && settled[emitted]) {
      const s = settled[emitted]!;
      const file = files[emitted]!;
      if (s.ok) {
        results.push(s.out.result);
        recorder.results.push(s.out.result);
        recorder.inputs.push(s.out.input);
        for (const d of s.out.decisions) recorder.decide(d);
        worst = Math.max(worst, s.out.exitCode ?? ExitCode.ok) as ExitCode;
        options.onResult?.(s.out.result);
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
