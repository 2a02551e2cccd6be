/**
 * The job queue of `shub queue` and `shub worker` (issue 16, SPEC §8b): pg-boss 10 on the same
 * PostgreSQL database as the run store, its tables in their own schema (`shub_queue`). One queue
 * per command (`shub.master`, …) with explicit retries (default 2, exponential backoff) and a
 * dead-letter queue (`shub.dead-letter`) that a job enters after its last attempt, or at once when
 * retrying cannot help (unreadable input, bad options: exit 2/3).
 *
 * The database URL lives only in this process: job payloads hold the command, the absolute input
 * path and the command's plain options, never the URL; every message shows it redacted.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { EnvironmentError } from '../errors.js';
import { redactText, redactUrl } from '../store/redact.js';

/** The PostgreSQL schema of the queue's tables (the run store's tables stay in `public`). */
export const QUEUE_SCHEMA = 'shub_queue';

/** The batch commands a job can run. */
export const QUEUE_COMMANDS = ['analyze', 'validate', 'master'] as const;
export type QueueCommand = (typeof QUEUE_COMMANDS)[number];

/** Where a job goes after its last attempt (or at once when retrying cannot help). */
export const DEAD_LETTER_QUEUE = 'shub.dead-letter';

export const queueName = (command: QueueCommand): string => `shub.${command}`;
export const commandOfQueue = (name: string): QueueCommand | null =>
  (QUEUE_COMMANDS as readonly string[]).includes(name.slice(5)) && name.startsWith('shub.')
    ? (name.slice(5) as QueueCommand)
    : null;

/** Retries after the first attempt (so 3 attempts in all). */
export const DEFAULT_RETRY_LIMIT = 2;
/** Seconds before the first retry; pg-boss doubles it each time (with jitter). */
export const DEFAULT_RETRY_DELAY_S = 5;
/** A job's expiry: this many seconds plus EXPIRY_PER_AUDIO_SECOND × the input's duration. */
export const EXPIRY_BASE_S = 10;
export const EXPIRY_PER_AUDIO_SECOND = 10;
/** Expiry when the input's duration is unknown (a container that does not say): one hour. */
export const EXPIRY_UNKNOWN_S = 3600;
/** pg-boss refuses expiries of 24 h or more. */
const EXPIRY_MAX_S = 23 * 3600;

/** A job's expiry [s] from its input's duration [s]: 10 s + 10 × duration (SPEC §8b). */
export function expirySeconds(durationSeconds: number | null): number {
  if (durationSeconds === null || !Number.isFinite(durationSeconds)) return EXPIRY_UNKNOWN_S;
  return Math.min(EXPIRY_MAX_S, Math.ceil(EXPIRY_BASE_S + EXPIRY_PER_AUDIO_SECOND * durationSeconds));
}

/** What a job carries: no database URL, no argv, only what the command function needs. */
export interface JobData {
  command: QueueCommand;
  /** The input, absolute. */
  file: string;
  /** The command's options as plain JSON (paths absolute), canonical (keys sorted). */
  options: Record<string, unknown>;
  /** The input's sha256 when it was submitted. */
  sha256: string;
}

/** What a job's output holds when it ends (pg-boss `output`). */
export interface JobOutcome {
  exitCode: number;
  runId?: string;
  message?: string;
  /** false when the job was failed at once because retrying cannot help. */
  retryable?: boolean;
}

/** JSON with object keys sorted, so equal options give equal text. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(value));
}

/** The singleton key of a job: the input's content, the command and its canonical options. */
export function singletonKeyOf(command: QueueCommand, sha256: string, options: Record<string, unknown>): string {
  return createHash('sha256')
    .update(`${command}\n${sha256}\n${canonicalJson(options)}`)
    .digest('hex');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface OpenQueueOptions {
  /** Run pg-boss maintenance (expiring jobs of dead workers, archiving): workers do, submit does not. */
  supervise?: boolean;
  /** Seconds between maintenance runs (default 30; SHUB_QUEUE_MAINTENANCE_SECONDS). */
  maintenanceSeconds?: number;
  /** Connections in the pool. */
  max?: number;
  onError?: (message: string) => void;
}

/** A started pg-boss on `url` with the queues created; an unreachable database is exit 4. */
export async function openQueue(url: string, options: OpenQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: 'shub-queue',
    max: options.max ?? 4,
    supervise: options.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    // completed jobs stay in the job table a week, then in the archive for ten years: re-submitting a
    // file that was done must not enqueue it again (the singleton check reads both); a row per job
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 3650,
  });
  boss.on('error', (err: Error) => options.onError?.(redactText(err.message, [passwordOf(url)])));
  try {
    await boss.start();
    await createQueues(boss);
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw queueError(url, err, 'open the job queue in');
  }
  return boss;
}

function passwordOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).password) || null;
  } catch {
    return null;
  }
}

/** A database failure as exit 4, the URL without its password. */
export function queueError(url: string, err: unknown, what: string): EnvironmentError {
  const message = err instanceof Error ? err.message : String(err);
  return new EnvironmentError(`cannot ${what} ${redactUrl(url)}: ${redactText(message, [passwordOf(url)])}`);
}

/** The dead-letter queue, then one queue per command with explicit retries pointing at it (idempotent). */
export async function createQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retryLimit: 0 });
  for (const command of QUEUE_COMMANDS) {
    const name = queueName(command);
    await boss.createQueue(name, {
      name,
      retryLimit: DEFAULT_RETRY_LIMIT,
      retryDelay: DEFAULT_RETRY_DELAY_S,
      retryBackoff: true,
      deadLetter: DEAD_LETTER_QUEUE,
    });
  }
}

/** `shub db migrate`: the queue's schema and queues (pg-boss creates or migrates its tables on start). */
export async function migrateQueue(url: string): Promise<void> {
  // concurrent `db migrate` calls: pg-boss's own start can deadlock against itself, so one at a time
  const client = new pg.Client({ connectionString: url, application_name: 'shub-queue' });
  try {
    await client.connect();
    await client.query(`select pg_advisory_lock(hashtext('shub.queue.migrate'))`);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw queueError(url, err, 'migrate the job queue in');
  }
  try {
    const boss = await openQueue(url);
    await boss.stop({ graceful: false, wait: true });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs SQL on pg-boss's pool (the queue's own tables only). */
export async function sql<T = Record<string, unknown>>(boss: PgBoss, text: string, values: unknown[] = []) {
  const db = boss.getDb() as { executeSql(text: string, values: unknown[]): Promise<{ rows: T[] }> };
  return (await db.executeSql(text, values)).rows;
}
