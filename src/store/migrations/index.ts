/**
 * Every migration of the PostgreSQL store, in order, imported statically so that the compiled
 * layout (dist/src/...) does not matter. Names sort in the order they apply; never rename one that
 * has shipped, only add.
 */
import type { Migration } from 'kysely';
import { initial } from './0001_initial.js';
import { historyIndexes } from './0002_history_indexes.js';
import { interruptedRuns } from './0003_interrupted_runs.js';
import { queueJobs } from './0004_queue_jobs.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': initial,
  '0002_history_indexes': historyIndexes,
  '0003_interrupted_runs': interruptedRuns,
  '0004_queue_jobs': queueJobs,
};

/** The migration names, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/** shub's own names for kysely's bookkeeping tables. */
export const MIGRATION_TABLE = 'shub_migration';
export const MIGRATION_LOCK_TABLE = 'shub_migration_lock';
