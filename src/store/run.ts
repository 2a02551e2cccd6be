import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Decision, RunError, RunInput, RunOutput, RunRecord, RunStatus, Store } from './types.js';
import { describeError, exitCodeOf } from '../errors.js';

/** A time-ordered UUID version 7 (RFC 9562): 48-bit Unix ms, version, 74 random bits. */
export function uuidv7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let versionCache: string | undefined;
/** shub's version from package.json. */
export function shubVersion(): string {
  if (versionCache) return versionCache;
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    try {
      versionCache = (JSON.parse(readFileSync(path.join(here, up, 'package.json'), 'utf8')) as { version: string })
        .version;
      return versionCache;
    } catch {
      // try the next level
    }
  }
  return 'unknown';
}

/** Runs being recorded now, by run id (the latest recorder of a run id wins): saved as interrupted on SIGINT. */
const liveRecorders = new Map<string, RunRecorder>();

/** The runs of this process that have not finished (for the interrupt handler). */
export function unfinishedRuns(): RunRecorder[] {
  return [...liveRecorders.values()];
}

/** Collects one run's record while a command works. */
export class RunRecorder {
  readonly startedAt = new Date();
  readonly inputs: RunInput[] = [];
  readonly outputs: RunOutput[] = [];
  readonly results: unknown[] = [];
  readonly errors: RunError[] = [];
  readonly decisions: Decision[] = [];

  constructor(
    readonly command: string,
    readonly args: string[],
    /** The caller's id for this run (a CLI prints it before the run ends); default a new UUID v7. */
    readonly runId: string = uuidv7(),
  ) {
    liveRecorders.set(runId, this);
  }

  decide(d: Decision): void {
    this.decisions.push(d);
  }

  /** The recorder is not needed (the work it stood by for finished with its own record). */
  discard(): void {
    if (liveRecorders.get(this.runId) === this) liveRecorders.delete(this.runId);
  }

  /** The record, status from the exit code (or `interrupted`); the run is no longer live. */
  finish(exitCode: number, interrupted = false): RunRecord {
    if (liveRecorders.get(this.runId) === this) liveRecorders.delete(this.runId);
    const status: RunStatus = interrupted
      ? 'interrupted'
      : exitCode === 0
        ? 'ok'
        : this.results.length > 0
          ? 'partial'
          : 'failed';
    return {
      runId: this.runId,
      command: this.command,
      args: this.args,
      shubVersion: shubVersion(),
      host: hostname(),
      startedAt: this.startedAt.toISOString(),
      endedAt: new Date().toISOString(),
      status,
      exitCode,
      inputs: this.inputs,
      outputs: this.outputs,
      results: this.results,
      errors: this.errors,
      decisions: this.decisions,
    };
  }
}

/**
 * Runs a command whose failure must still leave its run record (SPEC §3: every invocation is a
 * run): when `work` throws, a `failed` run carrying the error is saved (best effort: a store that
 * cannot save does not hide the original error), and the error is rethrown.
 */
export async function recordingFailure<T>(
  store: Store,
  command: string,
  args: string[],
  file: string | null,
  work: () => Promise<T>,
  runId?: string,
): Promise<T> {
  const recorder = new RunRecorder(command, args, runId);
  try {
    const done = await work();
    recorder.discard();
    return done;
  } catch (err) {
    recorder.errors.push({ file, message: describeError(err), exitCode: exitCodeOf(err) });
    await store.saveRun(recorder.finish(exitCodeOf(err))).catch(() => undefined);
    throw err;
  }
}
