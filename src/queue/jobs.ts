/**
 * What `shub queue submit|status|retry|cancel` do to the queue. Submitting is idempotent: a job
 * whose singleton key (input sha256 + command + canonical options) is already queued, active or
 * completed is not enqueued again (unless forced); the check and the insert run in one transaction
 * under an advisory lock, so two submits of the same batch at once enqueue it once.
 */
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { UsageError } from '../errors.js';
import {
  commandOfQueue,
  DEAD_LETTER_QUEUE,
  QUEUE_SCHEMA,
  queueName,
  singletonKeyOf,
  sql,
  type JobData,
  type QueueCommand,
} from './boss.js';

const S = QUEUE_SCHEMA;

export interface SubmitJob extends JobData {
  expireInSeconds: number;
}

export interface SubmitOptions {
  priority?: number;
  force?: boolean;
  retryLimit: number;
  retryDelaySeconds: number;
}

/** One line of `queue submit`: the new job's id, or the id of the job that already does this input. */
export interface Submitted {
  file: string;
  command: QueueCommand;
  jobId: string | null;
  /** The queued/active/completed job with the same singleton key (nothing was enqueued). */
  existing?: { jobId: string; state: string };
}

/** Enqueues one job per input (in one transaction); `url` is used for the connection only. */
export async function submitJobs(
  boss: PgBoss,
  url: string,
  jobs: SubmitJob[],
  options: SubmitOptions,
): Promise<Submitted[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'shub-queue' });
  await client.connect();
  const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
  const out: Submitted[] = [];
  try {
    await client.query('begin');
    await client.query(`select pg_advisory_xact_lock(hashtext('shub.queue.submit'))`);
    for (const job of jobs) {
      const name = queueName(job.command);
      const { expireInSeconds, ...data } = job;
      const singletonKey = singletonKeyOf(job.command, job.sha256, job.options);
      if (!options.force) {
        const found = await client.query<{ id: string; state: string }>(
          `select id, state::text from ${S}.job where name = $1 and singleton_key = $2
             and state in ('created', 'retry', 'active', 'completed')
           union all
           select id, state::text from ${S}.archive where name = $1 and singleton_key = $2 and state = 'completed'
           limit 1`,
          [name, singletonKey],
        );
        if (found.rows[0]) {
          out.push({
            file: job.file,
            command: job.command,
            jobId: null,
            existing: { jobId: found.rows[0].id, state: found.rows[0].state },
          });
          continue;
        }
      }
      const id = await boss.send(name, data, {
        singletonKey,
        expireInSeconds,
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: true,
        deadLetter: DEAD_LETTER_QUEUE,
        ...(options.priority !== undefined ? { priority: options.priority } : {}),
        db,
      });
      out.push({ file: job.file, command: job.command, jobId: id });
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end().catch(() => undefined);
  }
  return out;
}

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueStatus {
  /** Jobs per command and state (dead-lettered: jobs in the dead-letter queue for that command). */
  commands: Record<string, Record<JobState | 'dead-lettered', number>>;
  /** The oldest job waiting to run (created or waiting for a retry). */
  oldestWaiting: { jobId: string; command: string; file: string; createdOn: string } | null;
  /** The most recent failed jobs with their one-line errors (newest first, at most 50). */
  failed: { jobId: string; command: string; file: string; attempts: number; error: string; deadLettered: boolean }[];
}

const emptyCounts = (): Record<JobState | 'dead-lettered', number> => ({
  created: 0,
  retry: 0,
  active: 0,
  completed: 0,
  cancelled: 0,
  failed: 0,
  'dead-lettered': 0,
});

/** Counts per command and state, the oldest waiting job and the failed ones. */
export async function queueStatus(boss: PgBoss): Promise<QueueStatus> {
  const rows = await sql<{ name: string; state: JobState; command: string | null; n: number }>(
    boss,
    `select name, state::text as state, data->>'command' as command, count(*)::int as n from (
       select name, state, data from ${S}.job where name like 'shub.%'
       union all select name, state, data from ${S}.archive where name like 'shub.%') j
     group by 1, 2, 3`,
  );
  const commands: QueueStatus['commands'] = {};
  for (const r of rows) {
    const command = r.name === DEAD_LETTER_QUEUE ? r.command : commandOfQueue(r.name);
    if (!command) continue;
    const counts = (commands[command] ??= emptyCounts());
    if (r.name === DEAD_LETTER_QUEUE) counts['dead-lettered'] += r.n;
    else counts[r.state] += r.n;
  }
  const [oldest] = await sql<{ id: string; name: string; file: string; created_on: Date }>(
    boss,
    `select id, name, data->>'file' as file, created_on from ${S}.job
     where name like 'shub.%' and name <> $1 and state in ('created', 'retry')
     order by created_on limit 1`,
    [DEAD_LETTER_QUEUE],
  );
  const failedRows = await sql<{
    id: string;
    name: string;
    file: string;
    retry_count: number;
    message: string | null;
    dead: boolean;
  }>(
    boss,
    `select j.id, j.name, j.data->>'file' as file, j.retry_count, j.output->>'message' as message,
       exists (select 1 from ${S}.job d where d.name = $1 and d.data = j.data and d.state <> 'cancelled') as dead
     from ${S}.job j
     where j.name like 'shub.%' and j.name <> $1 and j.state = 'failed' order by j.completed_on desc limit 50`,
    [DEAD_LETTER_QUEUE],
  );
  return {
    commands,
    oldestWaiting: oldest
      ? {
          jobId: oldest.id,
          command: commandOfQueue(oldest.name) ?? oldest.name,
          file: oldest.file,
          createdOn: new Date(oldest.created_on).toISOString(),
        }
      : null,
    failed: failedRows.map((r) => ({
      jobId: r.id,
      command: commandOfQueue(r.name) ?? r.name,
      file: r.file,
      attempts: r.retry_count + 1,
      error: oneLineError(r.message),
      deadLettered: r.dead,
    })),
  };
}

const oneLineError = (message: string | null): string => (message ?? 'unknown error').split('\n')[0]!;

async function jobsById(boss: PgBoss, ids: string[]): Promise<{ id: string; name: string; data: unknown }[]> {
  const rows = await sql<{ id: string; name: string; data: unknown }>(
    boss,
    `select id, name, data from ${S}.job where id::text = any($1::text[]) and name like 'shub.%'`,
    [ids],
  );
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new UsageError(`no queued shub job with id ${missing.join(', ')}`);
  return rows;
}

/** Failed jobs back to the queue (one more attempt each); their dead-letter copies are removed. */
export async function retryJobs(boss: PgBoss, target: { ids: string[] } | 'failed'): Promise<string[]> {
  const rows =
    target === 'failed'
      ? await sql<{ id: string; name: string; data: unknown }>(
          boss,
          `select id, name, data from ${S}.job where name like 'shub.%' and name <> $1 and state = 'failed'`,
          [DEAD_LETTER_QUEUE],
        )
      : await jobsById(boss, target.ids);
  const retried: string[] = [];
  for (const r of rows) {
    const [{ n } = { n: 0 }] = await sql<{ n: number }>(
      boss,
      `update ${S}.job set state = 'retry', retry_limit = retry_count + 1, start_after = now()
       where name = $1 and id = $2 and state = 'failed' returning 1 as n`,
      [r.name, r.id],
    );
    if (!n) continue;
    await sql(boss, `delete from ${S}.job where name = $1 and data = $2::jsonb`, [
      DEAD_LETTER_QUEUE,
      JSON.stringify(r.data),
    ]);
    retried.push(r.id);
  }
  return retried;
}

/** Cancels queued jobs (not those already running or done). */
export async function cancelJobs(boss: PgBoss, target: { ids: string[] } | 'queued'): Promise<string[]> {
  const rows =
    target === 'queued'
      ? await sql<{ id: string; name: string }>(
          boss,
          `select id, name from ${S}.job where name like 'shub.%' and name <> $1 and state in ('created', 'retry')`,
          [DEAD_LETTER_QUEUE],
        )
      : await jobsById(boss, target.ids);
  const cancelled: string[] = [];
  for (const r of rows) {
    const done = await sql(
      boss,
      `update ${S}.job set state = 'cancelled', completed_on = now()
       where name = $1 and id = $2 and state in ('created', 'retry') returning 1`,
      [r.name, r.id],
    );
    if (done.length) cancelled.push(r.id);
  }
  return cancelled;
}
