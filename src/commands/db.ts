/**
 * `shub db migrate` and `shub db status`: the PostgreSQL store's schema (SPEC §8). Migrations are
 * kysely migrations shipped inside shub; concurrent `db migrate` calls serialize on a lock.
 */
import { ExitCode, UsageError } from '../errors.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import type { JsonFlag } from './options.js';
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
    // the job queue's schema (shub_queue) too: pg-boss creates or updates its tables on start
    if (!options.down) await (await import('../queue/boss.js')).migrateQueue(options.database!.url);
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

// ---- the command line -----------------------------------------------------------------------

export interface DbFlags extends JsonFlag {
  db?: string;
  down?: boolean;
}

export const dbCommand = defineCommand({
  name: 'db',
  description: 'PostgreSQL run store: create/update the schema and show its state',
  examples: ['shub db migrate --db postgres://shub@localhost/shub', 'shub db status'],
  exitCodes: { 0: 'ok', 1: 'migrations pending (status)', 2: 'no database named', 4: 'database unreachable' },
  subcommands: [
    {
      name: 'migrate',
      description: 'create or update the shub schema (runs, assets, analyses, decisions, outputs, validations)',
      options: (cmd) => cmd.option('--down', 'roll back the latest migration instead of applying pending ones'),
      shared: { json: 'print the result as one JSON object', store: 'db' },
      examples: [
        'shub db migrate --db postgres://shub@localhost/shub',
        'SHUB_DATABASE_URL=postgres://shub@db.studio/shub shub db migrate',
      ],
      exitCodes: { 0: 'ok', 2: 'no database named', 4: 'database unreachable or a migration failed' },
      note: 'Safe to run again and from several jobs at once (migrations take a lock).',
      run: (ctx, flags: DbFlags) => dbCli(ctx, 'migrate', flags),
    },
    {
      name: 'status',
      description: 'list the schema migrations: applied, pending, or unknown to this shub',
      shared: { json: 'print the result as one JSON object', store: 'db' },
      examples: ['shub db status --db postgres://shub@localhost/shub', 'shub db status || shub db migrate'],
      exitCodes: {
        0: 'up to date',
        1: 'migrations pending (or unknown)',
        2: 'no database named',
        4: 'database unreachable',
      },
      run: (ctx, flags: DbFlags) => dbCli(ctx, 'status', flags),
    },
  ],
});

/** `shub db migrate|status`: prints the schema state; status exits 1 when migrations are pending. */
export async function dbCli(ctx: CliContext, action: 'migrate' | 'status', flags: DbFlags): Promise<number> {
  return withSession(ctx, 'db', {}, async (s) => {
    const [{ chooseDatabase }, { formatDbStatus }] = await Promise.all([
      import('../store/open.js'),
      import('../ui/history-text.js'),
    ]);
    const database = chooseDatabase({ dbUrl: flags.db, config: s.config, env: ctx.io.env });
    const result =
      action === 'migrate' ? await dbMigrate({ database, down: flags.down ?? false }) : await dbStatus({ database });
    s.output<DbStatusResult>(flags, { format: formatDbStatus }).result(result);
    return action === 'status' && !result.upToDate ? ExitCode.checkFailed : ExitCode.ok;
  });
}
