/**
 * The worker loop of `shub worker`: `concurrency` slots, each fetching one job at a time from the
 * command queues (round robin) with pg-boss `fetch`, running it, and ending it by its exit code:
 * 0/1 → completed; 2/3 (bad options, unreadable input: retrying cannot help) → failed at once with
 * no attempts left, so pg-boss moves it to the dead-letter queue; 4/5 (environment) → failed, and
 * retried by pg-boss while attempts remain. Each only while the attempt still holds the job (an attempt
 * that outlived its expiry ends nothing: `expired`). `stop()` stops fetching, waits for the running jobs up
 * to a timeout, and hands back those still running (queued again, the attempt not counted).
 */
import { hostname } from 'node:os';
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { ExitCode } from '../errors.js';
import { uuidv7 } from '../store/run.js';
import type { RunJob, RunRecord, SaveOptions, TransactionQuery } from '../store/types.js';
import { QUEUE_SCHEMA, queueName, sql, type JobData, type JobOutcome, type QueueCommand } from './boss.js';

export interface QueuedJob {
  id: string;
  queue: string;
  data: JobData;
  /** 1 for the first try. */
  attempt: number;
  /** Attempts pg-boss allows in all (retryLimit + 1). */
  attempts: number;
  /** Seconds the job may run before pg-boss expires it. */
  expireInSeconds: number;
  /** The previous attempt expired (its worker died or hung): pg-boss failed it by timeout. */
  previousExpired: boolean;
}

/**
 * How a job ended for this worker. `expired`: the job outlived its `expireInSeconds` and pg-boss
 * took it back (retried elsewhere or failed by timeout): this attempt's result is discarded.
 */
export type JobEnd = 'completed' | 'retrying' | 'dead-lettered' | 'handed-back' | 'expired';

export interface JobEvent {
  jobId: string;
  command: QueueCommand;
  file: string;
  attempt: number;
  state: JobEnd;
  exitCode: number | null;
  runId?: string;
  error?: string;
}

export interface WorkerLoopOptions {
  commands: QueueCommand[];
  concurrency: number;
  /** Exit when the queues are empty instead of waiting for jobs. */
  once?: boolean;
  /** Stop fetching after this many jobs. */
  maxJobs?: number;
  /** Milliseconds between polls of empty queues. */
  pollMs?: number;
  /** `hold`: what this attempt may ask about itself; its runs are saved under it (`hold.saveHeld`). */
  run: (job: QueuedJob, workerId: string, hold: AttemptHold) => Promise<JobOutcome>;
  onJob: (event: JobEvent) => void;
}

export type SaveCondition = NonNullable<SaveOptions['onlyIf']>;

/** What a running attempt may ask about itself. */
export interface AttemptHold {
  /** Whether this attempt still holds the job (it has not expired). */
  owns(): Promise<boolean>;
  /**
   * Saves this attempt's run under its hold: `save` with the condition (`holdingAttempt`) for the save's
   * transaction; what `save` returns. The worker knows then whether a failed run's save, committed, failed the job.
   */
  saveHeld(run: RunRecord, save: (onlyIf: SaveCondition) => Promise<string>): Promise<string>;
  /**
   * Whether this was the job's last attempt and pg-boss failed it by timeout (it outlived its expiry): not
   * when its own failed run's save failed it (`holdingAttempt`), which leaves the job failed at this count too.
   */
  expiredAsLast(): Promise<boolean>;
}

/** Exit codes that complete a job (0 ok, 1 checks failed); the others fail it. */
export const completesJob = (exitCode: number): boolean =>
  exitCode === ExitCode.ok || exitCode === ExitCode.checkFailed;

/** Exit codes that fail a job for good (2 usage, 3 input: retrying cannot fix them); the others are retried. */
export const retryableExit = (exitCode: number): boolean => exitCode !== ExitCode.usage && exitCode !== ExitCode.input;

/**
 * Where an attempt stands: `holds` while it is the job's active attempt; `completed` once its
 * successful run was saved (the save completes the job: `holdingAttempt`); pg-boss moves an expired
 * job out of `active` (to retry, or to failed when no attempts are left) and a later fetch bumps its
 * retry count, so an attempt that outlived its expiry finds `retried` (another attempt comes or came)
 * or `failed` (this was the last attempt: it ended failed by timeout).
 */
export async function attemptState(
  boss: PgBoss,
  job: QueuedJob,
): Promise<'holds' | 'completed' | 'retried' | 'failed'> {
  const [row] = await sql(
    boss,
    `select state::text as state, retry_count as "retryCount" from ${QUEUE_SCHEMA}.job where name = $1 and id = $2`,
    [job.queue, job.id],
  );
  const same = row?.retryCount === job.attempt - 1;
  if (same && row?.state === 'active') return 'holds';
  if (same && row?.state === 'completed') return 'completed';
  return same && row?.state === 'failed' ? 'failed' : 'retried';
}

const ownsJob = async (boss: PgBoss, job: QueuedJob): Promise<boolean> => (await attemptState(boss, job)) === 'holds';

/**
 * The condition a job's run is saved under, in the save's own transaction: the job's row locked
 * (`for update`: pg-boss's expiry, which deletes and re-inserts an expired job's row, waits for the
 * save to commit, then finds it no longer active), this attempt still its active one, and the job ended
 * in the same transaction: completed for a run that completes it (exit 0/1), failed otherwise (`failHeld`:
 * retried, or failed for good for exit 2/3 or the last attempt), so that an expiry just after the save
 * finds nothing to retry. A check before the save and a completion after it each left a window in which the
 * attempt expired and its retry recorded a second success (h-debt60: 42 for 40); a fail after it, a failed
 * run and the retry's "attempt N expired" record for one attempt (h-debt63).
 */
export function holdingAttempt(boss: PgBoss, job: Pick<RunJob, 'id' | 'queue' | 'attempt'>, run: RunRecord) {
  return async (query: TransactionQuery): Promise<true | string> => {
    const [row] = await query(
      `select state::text as state, retry_count as "retryCount" from ${QUEUE_SCHEMA}.job
       where name = $1 and id = $2 for update`,
      [job.queue, job.id],
    );
    if (row?.state !== 'active' || row.retryCount !== job.attempt - 1)
      return `job ${job.id} attempt ${job.attempt} expired`;
    if (completesJob(run.exitCode))
      await query(
        `update ${QUEUE_SCHEMA}.job set state = 'completed', completed_on = now(), output = $3::jsonb
         where name = $1 and id = $2`,
        [job.queue, job.id, JSON.stringify({ exitCode: run.exitCode, runId: run.runId })],
      );
    else {
      // the worker puts its outcome (with its message) as the job's output once the run is over
      const outcome = { exitCode: run.exitCode, runId: run.runId, retryable: retryableExit(run.exitCode) };
      const db = { executeSql: async (text: string, values?: unknown[]) => ({ rows: await query(text, values) }) };
      await failHeld(boss, db, job, outcome);
    }
    return true;
  };
}

/**
 * Fails this attempt of a job, only while it holds it, in one transaction on pg-boss's pool: the job's row
 * locked (`for update`) where it is still active at this attempt's retry count, then (not `retryable`) its
 * retry limit set to its retry count, then pg-boss's fail on the same transaction. pg-boss's fail ends every
 * job of that id not yet completed (created, retry, active): unguarded, a fail that came after the attempt's
 * expiry failed the next attempt (retried it, or dead-lettered it). An expiry waits on the lock, then finds
 * the job no longer active. Returns false (nothing changed) when the attempt no longer holds the job.
 */
export async function failHeldAttempt(
  boss: PgBoss,
  job: Pick<QueuedJob, 'id' | 'queue' | 'attempt'>,
  outcome: JobOutcome & { retryable: boolean },
): Promise<boolean> {
  return inQueueTransaction(boss, (db) => failHeld(boss, db, job, outcome));
}

/** `failHeldAttempt`'s body on a transaction `db` of the caller's (pg-boss's pool, or a run's save). */
async function failHeld(
  boss: PgBoss,
  db: PgBoss.Db,
  job: Pick<QueuedJob, 'id' | 'queue' | 'attempt'>,
  outcome: JobOutcome & { retryable: boolean },
): Promise<boolean> {
  const { rows } = await db.executeSql(
    `select 1 from ${QUEUE_SCHEMA}.job where name = $1 and id = $2 and state = 'active' and retry_count = $3
     for update`,
    [job.queue, job.id, job.attempt - 1],
  );
  if (rows.length === 0) return false;
  if (!outcome.retryable)
    await db.executeSql(`update ${QUEUE_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`, [
      job.queue,
      job.id,
    ]);
  await boss.fail(job.queue, job.id, outcome, { db });
  return true;
}

/** pg-boss's executor (its `{ db }` option) on one connection of its own pool, in a transaction. */
async function inQueueTransaction<T>(boss: PgBoss, body: (db: PgBoss.Db) => Promise<T>): Promise<T> {
  // pg-boss 10 opens its own pg.Pool (`Db.pool`, not in its types) unless given a `db`; openQueue never gives one
  const pool = (boss.getDb() as { pool?: pg.Pool }).pool;
  if (!pool) throw new Error('internal: the job queue has no connection pool of its own');
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    const result = await body({ executeSql: (text, values) => client.query(text, values) });
    await client.query('commit');
    return result;
  } catch (err) {
    // a connection that cannot even roll back is dropped from the pool, not reused
    await client.query('rollback').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}

/** How a failed attempt ends: retried while retryable and attempts remain, else failed for good. */
const failedEnd = (job: QueuedJob, exitCode: number): JobEnd =>
  retryableExit(exitCode) && job.attempt < job.attempts ? 'retrying' : 'dead-lettered';

const attemptKey = (job: QueuedJob): string => `${job.id}:${job.attempt}`;

const expiredMessage = (job: QueuedJob): string =>
  `attempt ${job.attempt} outlived its ${job.expireInSeconds} s expiry; its result is discarded`;

export const workerIdOf = (): string => `${hostname()}:${process.pid}:${uuidv7().slice(-12)}`;

export class QueueWorker {
  readonly id = workerIdOf();
  private stopping = false;
  private fetched = 0;
  private readonly wakers = new Set<() => void>();
  private readonly running = new Map<string, { job: QueuedJob; done: Promise<unknown> }>();
  /** A running attempt's failed run whose save committed (and so failed the job: `holdingAttempt`), by `attemptKey`. */
  private readonly failedRuns = new Map<string, RunRecord>();
  private readonly handedBack = new Set<string>();

  constructor(
    private readonly boss: PgBoss,
    private readonly o: WorkerLoopOptions,
  ) {}

  /** Runs until the queues are empty (`once`), `maxJobs` were fetched, or `stop()`. */
  async run(): Promise<void> {
    await Promise.all(Array.from({ length: this.o.concurrency }, (_, i) => this.slot(i)));
  }

  private async slot(index: number): Promise<void> {
    let turn = index;
    while (!this.stopping && (this.o.maxJobs === undefined || this.fetched < this.o.maxJobs)) {
      let job: QueuedJob | null = null;
      for (let k = 0; k < this.o.commands.length && !job && !this.stopping; k++) {
        job = await this.fetch(this.o.commands[turn++ % this.o.commands.length]!);
      }
      if (this.stopping) {
        if (job) await this.handBack(job);
        break;
      }
      if (!job) {
        // --once: done when nothing waits in these queues (a retry waiting for its delay still counts)
        if (this.o.once && !(await this.waiting())) break;
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            this.wakers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, this.o.pollMs ?? 1000);
          this.wakers.add(wake);
        });
        continue;
      }
      this.fetched++;
      const done = this.work(job);
      this.running.set(job.id, { job, done });
      await done;
      this.running.delete(job.id);
    }
  }

  private async waiting(): Promise<boolean> {
    const rows = await sql(
      this.boss,
      `select 1 from ${QUEUE_SCHEMA}.job where name = any($1::text[]) and state in ('created', 'retry') limit 1`,
      [this.o.commands.map(queueName)],
    );
    return rows.length > 0;
  }

  private async fetch(command: QueueCommand): Promise<QueuedJob | null> {
    const name = queueName(command);
    const [job] = await this.boss.fetch<JobData>(name, { batchSize: 1, includeMetadata: true });
    if (!job) return null;
    return {
      id: job.id,
      queue: name,
      data: job.data,
      attempt: job.retryCount + 1,
      attempts: job.retryLimit + 1,
      expireInSeconds: Math.round(Number(job.expireInSeconds)),
      previousExpired: /failed by timeout/.test(JSON.stringify(job.output ?? null)),
    };
  }

  private async work(job: QueuedJob): Promise<void> {
    let outcome: JobOutcome;
    this.failedRuns.delete(attemptKey(job));
    try {
      outcome = await this.o.run(job, this.id, {
        owns: () => ownsJob(this.boss, job),
        saveHeld: async (run, save) => {
          const held = holdingAttempt(this.boss, job, run);
          let failing = false;
          const where = await save(async (query) => {
            const verdict = await held(query);
            failing = verdict === true && !completesJob(run.exitCode);
            return verdict;
          });
          // the save committed (a save that rolled back after its condition ran throws, and failed nothing)
          if (failing) this.failedRuns.set(attemptKey(job), run);
          return where;
        },
        // pg-boss failed it by timeout: not its own failed run's save (which leaves it failed at this count too)
        expiredAsLast: async () =>
          !this.failedRuns.has(attemptKey(job)) && (await attemptState(this.boss, job)) === 'failed',
      });
    } catch (err) {
      outcome = { exitCode: ExitCode.internal, message: err instanceof Error ? err.message : String(err) };
    }
    const failedRun = this.failedRuns.get(attemptKey(job));
    this.failedRuns.delete(attemptKey(job));
    if (this.handedBack.has(job.id)) return;
    const event: JobEvent = {
      jobId: job.id,
      command: job.data.command,
      file: job.data.file,
      attempt: job.attempt,
      state: 'completed',
      exitCode: outcome.exitCode,
      ...(outcome.runId ? { runId: outcome.runId } : {}),
      ...(outcome.message ? { error: outcome.message } : {}),
    };
    const retryable = retryableExit(outcome.exitCode);
    const state = await attemptState(this.boss, job);
    if (failedRun && state !== 'holds') {
      // its failed run's save failed it (holdingAttempt): retried or dead-lettered; the outcome as its output
      // while no later attempt took it (a retry fetched since then runs with it as it is)
      event.state = failedEnd(job, failedRun.exitCode);
      await sql(
        this.boss,
        `update ${QUEUE_SCHEMA}.job set output = $4::jsonb
         where name = $1 and id = $2 and state in ('retry', 'failed') and retry_count = $3`,
        [
          job.queue,
          job.id,
          job.attempt - 1,
          JSON.stringify({ ...outcome, retryable: retryableExit(failedRun.exitCode) }),
        ],
      );
    } else if (state === 'retried' || state === 'failed') {
      // outlived its expiry: pg-boss already retried or failed it; completing or failing it now would
      // end the attempt that holds it (or fail it twice)
      event.state = 'expired';
      event.error = expiredMessage(job);
    } else if (state === 'completed') {
      // its successful run's save completed it (holdingAttempt); the outcome as its output
      await sql(
        this.boss,
        `update ${QUEUE_SCHEMA}.job set output = $4::jsonb
         where name = $1 and id = $2 and state = 'completed' and retry_count = $3`,
        [job.queue, job.id, job.attempt - 1, JSON.stringify(outcome)],
      );
    } else if (completesJob(outcome.exitCode)) {
      // completed only while this attempt holds it (an expiry between the check and here completes nothing)
      await sql(
        this.boss,
        `update ${QUEUE_SCHEMA}.job set state = 'completed', completed_on = now(), output = $4::jsonb
         where name = $1 and id = $2 and state = 'active' and retry_count = $3`,
        [job.queue, job.id, job.attempt - 1, JSON.stringify(outcome)],
      );
    } else {
      // no failed run saved (or its save rolled back): failed here. Usage / input: retrying cannot fix it (no
      // attempts left: pg-boss fails it for good and dead-letters it)
      if (await failHeldAttempt(this.boss, job, { ...outcome, retryable }))
        event.state = failedEnd(job, outcome.exitCode);
      else {
        // it expired between the check above and the fail: pg-boss retried it (perhaps another worker holds it)
        event.state = 'expired';
        event.error = expiredMessage(job);
      }
    }
    this.o.onJob(event);
  }

  /**
   * Puts a fetched job back in the queue as if it had not been started (its attempt does not count), only while
   * this attempt holds it. Returns whether it did.
   */
  private async handBack(job: QueuedJob): Promise<boolean> {
    this.handedBack.add(job.id);
    // only while this attempt holds it: an expired attempt's job may be another worker's next attempt by now
    const back = await sql(
      this.boss,
      `update ${QUEUE_SCHEMA}.job set state = 'created', started_on = null, start_after = now()
       where name = $1 and id = $2 and state = 'active' and retry_count = $3 returning id`,
      [job.queue, job.id, job.attempt - 1],
    );
    // not held: its save completed it or failed it (`holdingAttempt`), or it outlived its expiry
    const failedRun = this.failedRuns.get(attemptKey(job));
    const state: JobEnd =
      back.length > 0
        ? 'handed-back'
        : failedRun
          ? failedEnd(job, failedRun.exitCode)
          : (await attemptState(this.boss, job)) === 'completed'
            ? 'completed'
            : 'expired';
    this.o.onJob({
      jobId: job.id,
      command: job.data.command,
      file: job.data.file,
      attempt: job.attempt,
      state,
      exitCode: failedRun && back.length === 0 ? failedRun.exitCode : null,
      ...(failedRun && back.length === 0 ? { runId: failedRun.runId } : {}),
      ...(state === 'expired' ? { error: expiredMessage(job) } : {}),
    });
    return back.length > 0;
  }

  /**
   * Stops fetching and waits up to `timeoutMs` for the running jobs; those still running are handed
   * back while their attempt holds the job (not when its save ended it, or it expired). Returns how many were
   * still running and how many of them were handed back (their temporaries are the caller's to remove).
   */
  async stop(timeoutMs: number): Promise<{ running: number; handedBack: number }> {
    this.stopping = true;
    for (const wake of [...this.wakers]) wake();
    const running = [...this.running.values()];
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.all(running.map((r) => r.done)).then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!timedOut) return { running: 0, handedBack: 0 };
    const left = [...this.running.values()];
    let handedBack = 0;
    for (const r of left) if (await this.handBack(r.job)) handedBack++;
    return { running: left.length, handedBack };
  }
}
