/**
 * `shub db migrate` and `shub db status`: the PostgreSQL store's schema (SPEC §8). Migrations are
 * kysely migrations shipped inside shub; concurrent `db migrate` calls serialize on a lock.
 */
import { UsageError } from '../errors.js';
import type { DatabaseChoice } from '../store/open.js';
import type { MigrationStep } from '../store/postgres.js';

export interface DbOptions {
  /** The database (from --db, SHUB_DATABASE_URL or config store.url); null when none was named. */
  database: DatabaseChoice | null;
}

export interface DbMigrateOptions extends DbOptions {
  /** Roll back the latest migration instead of applying the pending ones. */
  down?: boolean;
}

export interface MigrationState {
  name: string;
  state: 'applied' | 'pending' | 'unknown';
  executedAt: string | null;
}

export interface DbStatusResult {
  /** The database URL with its password hidden. */
  database: string;
  migrations: MigrationState[];
  /** Every migration this shub knows is applied and none it does not know. */
  upToDate: boolean;
}

export interface DbMigrateResult extends DbStatusResult {
  /** What this call did, in order (empty when there was nothing to do). */
  steps: MigrationStep[];
}

function need(database: DatabaseChoice | null, command: string): DatabaseChoice {
  if (!database) {
    throw new UsageError(
      `${command}: no database named; pass --db postgres://USER@HOST/DB, or set SHUB_DATABASE_URL or config store.url`,
    );
  }
  return database;
}

/** Applies every pending migration (or, with `down`, rolls back the latest one). */
export async function dbMigrate(options: DbMigrateOptions): Promise<DbMigrateResult> {
  const { openDatabase } = await import('../store/open.js');
  const store = await openDatabase(need(options.database, 'db migrate'), { checkSchema: false });
  try {
    const steps = await store.migrate(options.down ? 'down' : 'latest');
    return { ...(await statusOf(store)), steps };
  } finally {
    await store.close();
  }
}

/** Which migrations the database has run and which are pending. */
export async function dbStatus(options: DbOptions): Promise<DbStatusResult> {
  const { openDatabase } = await import('../store/open.js');
  const store = await openDatabase(need(options.database, 'db status'), { checkSchema: false });
  try {
    return await statusOf(store);
  } finally {
    await store.close();
  }
}

async function statusOf(store: import('../store/postgres.js').PostgresStore): Promise<DbStatusResult> {
  const state = await store.schemaState().catch((err: unknown) => {
    throw store.explain(err, 'read the schema state of');
  });
  const migrations: MigrationState[] = [
    ...state.applied.map((a) => ({
      name: a.name,
      state: state.unknown.includes(a.name) ? ('unknown' as const) : ('applied' as const),
      executedAt: a.executedAt,
    })),
    ...state.pending.map((name) => ({ name, state: 'pending' as const, executedAt: null })),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { database: store.location, migrations, upToDate: state.pending.length === 0 && state.unknown.length === 0 };
}
