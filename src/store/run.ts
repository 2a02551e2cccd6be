import { hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { randomBytes } from '../io/lazy-crypto.js';
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

/** Where the last group of a run id starts: 48 random bits (the first 48 bits are the time). */
export const RANDOM_PART_OFFSET = 24;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Short forms of run ids, as `shub history` shows them: a prefix of each id's random last group
 * (never of the time part, which runs started close together share), `minLength` characters or
 * more until each is unique among `runIds`. Ids that are not UUIDs are kept whole.
 */
export function shortRunIds(runIds: string[], minLength = 8): string[] {
  const tails = runIds.map((id) => (UUID.test(id) ? id.slice(RANDOM_PART_OFFSET) : null));
  return runIds.map((id, i) => {
    const tail = tails[i];
    if (tail === null || tail === undefined) return id;
    for (let n = minLength; n < tail.length; n++) {
      const p = tail.slice(0, n);
      if (tails.every((t, j) => j === i || t === null || t === undefined || !t.startsWith(p))) return p;
    }
    return id;
  });
}

/** Whether `prefix` (lower-case, no hyphen) starts the random part of run id `id`. */
export function matchesShortId(id: string, prefix: string): boolean {
  return !prefix.includes('-') && UUID.test(id) && id.slice(RANDOM_PART_OFFSET).toLowerCase().startsWith(prefix);
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

  /** The caller's id for this run (a CLI prints it before the run ends), or a UUID v7 of `startedAt`. */
  readonly runId: string;

  constructor(
    readonly command: string,
    readonly args: string[],
    runId?: string,
  ) {
    this.runId = runId ?? uuidv7(this.startedAt.getTime());
    liveRecorders.set(this.runId, this);
  }

  decide(d: Decision): void {
    this.decisions.push(d);
  }

  /** The recorder is not needed (the work it stood by for finished with its own record). */
  discard(): void {
    if (liveRecorders.get(this.runId) === this) liveRecorders.delete(this.runId);
  }

  /**
   * Saves this run as failed with `err` about `file` (best effort: a store that cannot save does not
   * hide the original error) and hands `err` back for the caller to rethrow.
   */
  async failWith(store: Store, file: string | null, err: unknown): Promise<unknown> {
    this.errors.push({ file, message: describeError(err), exitCode: exitCodeOf(err) });
    await store.saveRun(this.finish(exitCodeOf(err))).catch(() => undefined);
    return err;
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
    throw await recorder.failWith(store, file, err);
  }
}
