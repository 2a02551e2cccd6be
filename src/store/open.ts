/**
 * Which run store an invocation uses (SPEC §3): `--db URL`, else `SHUB_DATABASE_URL`, else config
 * `store.url` — PostgreSQL; else the JSON store folder. The store is opened and checked here, before
 * any audio is processed: a database that is named but unreachable or not migrated fails the
 * command at once (exit 4) and nothing is written anywhere.
 */
import { EnvironmentError, UsageError } from '../errors.js';
import type { ShubConfig } from '../config.js';
import { redactUrl } from './redact.js';
import type { Store } from './types.js';
import type { PostgresStore } from './postgres.js';

export interface OpenStoreOptions {
  /** `--db URL`, if given. */
  dbUrl?: string | undefined;
  /** The JSON store folder (from --store-dir or config store.dir), used when no database is named. */
  storeDir: string;
  config: ShubConfig;
  env?: NodeJS.ProcessEnv;
  /** `write` (default): a JSON folder must be writable; `read`: it is only read (history, show). */
  mode?: 'write' | 'read';
}

export interface DatabaseChoice {
  url: string;
  /** Where it came from, for messages: `--db`, `SHUB_DATABASE_URL` or `config store.url`. */
  source: string;
}

/** The database named by flag, environment or config (in that order), or null for the JSON store. */
export function chooseDatabase(opts: {
  dbUrl?: string | undefined;
  config: ShubConfig;
  env?: NodeJS.ProcessEnv;
}): DatabaseChoice | null {
  const env = opts.env ?? process.env;
  const candidates: [string | undefined, string][] = [
    [opts.dbUrl, '--db'],
    [env.SHUB_DATABASE_URL, 'SHUB_DATABASE_URL'],
    [opts.config.store.url, 'config store.url'],
  ];
  for (const [url, source] of candidates) {
    if (url === undefined || url.trim() === '') continue;
    if (!/^postgres(ql)?:\/\/./i.test(url.trim())) {
      throw new UsageError(`${source}: expected a postgres:// or postgresql:// URL, got '${redactUrl(url)}'`);
    }
    return { url: url.trim(), source };
  }
  return null;
}

/** Opens the run store for a command: PostgreSQL (connected, schema checked) or the JSON folder. */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const db = chooseDatabase(opts);
  if (db) return openDatabase(db, { checkSchema: true });
  if ((opts.mode ?? 'write') === 'write') await ensureWritable(opts.storeDir);
  const { JsonStore } = await import('./json.js');
  return new JsonStore(opts.storeDir);
}

/** Connects to a database; `checkSchema: false` for `shub db migrate/status`, which work on any schema state. */
export async function openDatabase(db: DatabaseChoice, options: { checkSchema: boolean }): Promise<PostgresStore> {
  const { PostgresStore } = await import('./postgres.js'); // kysely + pg load only when a database is in use
  return PostgresStore.connect(db.url, { checkSchema: options.checkSchema, source: db.source });
}

async function ensureWritable(dir: string): Promise<void> {
  const { mkdir, access, constants } = await import('node:fs/promises');
  const path = await import('node:path');
  const { OutputPlan } = await import('../io/outputs.js');
  try {
    // not below a file, not under /proc, /sys or /dev (a recursive mkdir there never ends)
    new OutputPlan([], false).checkFolder(dir, path.resolve(dir, 'runs'));
  } catch (err) {
    throw new EnvironmentError(
      `run store ${dir} is not writable (${(err as Error).message}); set --store-dir / config store.dir`,
    );
  }
  try {
    await mkdir(path.join(dir, 'runs'), { recursive: true });
    await access(path.join(dir, 'runs'), constants.W_OK);
  } catch (err) {
    throw new EnvironmentError(
      `run store ${dir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); fix its ` +
        `permissions or set --store-dir / config store.dir`,
    );
  }
}
