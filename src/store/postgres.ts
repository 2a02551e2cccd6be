/**
 * The PostgreSQL store (SPEC §8), on kysely + pg. It holds the same information as the JSON store:
 * one run = one transaction writing `runs`, the `assets` it read and wrote (upserted by sha256),
 * `run_inputs`, `outputs`, `decisions`, and, derived from the results, `analyses` (analyze) and
 * `validations` (validate). Reading a run back gives the record the JSON store would give.
 *
 * Loaded only when a database URL is in use (kysely and pg cost start-up time).
 */
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type ColumnType,
  type Generated,
  type Transaction,
} from 'kysely';
import { EnvironmentError, ShubError } from '../errors.js';
import { ambiguous, checkRunIdPrefix, redactRun } from './json.js';
import { MIGRATIONS, MIGRATION_LOCK_TABLE, MIGRATION_NAMES, MIGRATION_TABLE } from './migrations/index.js';
import { passwordOf, redactText, redactUrl } from './redact.js';
import type {
  Decision,
  HistoryQuery,
  RunInput,
  RunJob,
  RunOutput,
  RunRecord,
  RunStatus,
  RunSummary,
  SaveOptions,
  Store,
} from './types.js';

type Json = ColumnType<unknown, string | null, string | null>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type BigIntColumn = ColumnType<string, number, number>;
type NullableBigInt = ColumnType<string | null, number | null, number | null>;

interface RunsTable {
  id: string;
  command: string;
  args: string[];
  shub_version: string;
  host: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  status: RunStatus;
  exit_code: number;
  errors: Json;
  results: Json;
  /** The queue job the run was done for (0004); null for runs started by hand. */
  job: Json;
  recorded_at: Generated<Date>;
}
interface AssetsTable {
  id: Generated<string>;
  sha256: string;
  path: string;
  size_bytes: NullableBigInt;
  container: string | null;
  codec: string | null;
  sample_rate: number | null;
  channels: number | null;
  bit_depth: number | null;
  frames: NullableBigInt;
  duration_seconds: number | null;
  first_seen_at: Generated<Date>;
}
interface RunInputsTable {
  run_id: string;
  seq: number;
  path: string;
  size_bytes: BigIntColumn;
  asset_id: NullableBigInt;
  format: Json;
}
interface OutputsTable {
  run_id: string;
  seq: number;
  asset_id: BigIntColumn;
  path: string;
  role: string;
}
interface AnalysesTable {
  run_id: string;
  seq: number;
  asset_id: NullableBigInt;
  file: string;
  integrated_lufs: number | null;
  loudness_range_lu: number | null;
  true_peak_dbtp: number | null;
  bpm: number | null;
  musical_key: string | null;
  result: Json;
}
interface DecisionsTable {
  run_id: string;
  seq: number;
  engine: string;
  decision: string;
  value: Json;
  unit: string | null;
  reason: string;
  inputs: Json;
  alternatives: Json;
  confidence: number | null;
}
interface ValidationsTable {
  run_id: string;
  seq: number;
  result_seq: number;
  asset_id: NullableBigInt;
  file: string;
  platform: string;
  passed: boolean;
  checks: Json;
}
export interface Database {
  runs: RunsTable;
  assets: AssetsTable;
  run_inputs: RunInputsTable;
  outputs: OutputsTable;
  analyses: AnalysesTable;
  decisions: DecisionsTable;
  validations: ValidationsTable;
}

/** Where the URL came from, for messages: `--db`, `SHUB_DATABASE_URL`, `config store.url`. */
export type UrlSource = string;

export interface ConnectOptions {
  /** Fail unless the schema is exactly what this shub expects (default true; `db migrate/status` pass false). */
  checkSchema?: boolean;
  source?: UrlSource;
  /** Connecting gives up after this long (default 3000 ms), so a dead database fails fast. */
  connectTimeoutMs?: number;
}

export interface SchemaState {
  /** Migrations recorded in the database, oldest first, with when they ran. */
  applied: { name: string; executedAt: string }[];
  /** Migrations this shub has that the database has not run. */
  pending: string[];
  /** Migrations the database has run that this shub does not know (a newer shub migrated it). */
  unknown: string[];
}

export interface MigrationStep {
  name: string;
  direction: 'up' | 'down';
  status: 'done' | 'failed' | 'skipped';
}

/** Rows per INSERT statement (PostgreSQL takes at most 65535 parameters per statement). */
const CHUNK = 500;
const SHA256 = /^[0-9a-f]{64}$/;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  readonly db: Kysely<Database>;
  private readonly secrets: (string | null)[];

  private constructor(
    url: string,
    private readonly pool: pg.Pool,
    private readonly source: UrlSource,
  ) {
    this.location = redactUrl(url);
    this.secrets = [passwordOf(url)];
    this.db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }

  /**
   * Connects (failing fast with an EnvironmentError, exit 4, when the database is unreachable) and,
   * unless told otherwise, checks that the schema is migrated and current.
   */
  static async connect(url: string, options: ConnectOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
      max: 4,
      idleTimeoutMillis: 5000,
      application_name: 'shub',
    });
    // an idle connection the server drops must not crash the process; the next query reports it
    pool.on('error', () => undefined);
    const store = new PostgresStore(url, pool, options.source ?? 'the database URL');
    try {
      const state = await store.schemaState();
      if (options.checkSchema ?? true) store.assertCurrent(state);
      return store;
    } catch (err) {
      await store.close().catch(() => undefined);
      throw store.explain(err, 'connect to');
    }
  }

  /** What the database has run against what this shub ships. */
  async schemaState(): Promise<SchemaState> {
    let applied: SchemaState['applied'] = [];
    try {
      const r = await this.pool.query<{ name: string; timestamp: string }>(
        `select name, timestamp from ${MIGRATION_TABLE} order by name`,
      );
      applied = r.rows.map((row) => ({ name: row.name, executedAt: new Date(row.timestamp).toISOString() }));
    } catch (err) {
      if ((err as { code?: string }).code !== '42P01') throw err; // undefined_table: never migrated
    }
    const done = new Set(applied.map((a) => a.name));
    return {
      applied,
      pending: MIGRATION_NAMES.filter((n) => !done.has(n)),
      unknown: applied.map((a) => a.name).filter((n) => !MIGRATION_NAMES.includes(n)),
    };
  }

  private assertCurrent(state: SchemaState): void {
    const how = `run \`shub db migrate\` with the same ${this.source} first`;
    if (state.applied.length === 0) {
      throw new EnvironmentError(`database ${this.location} has no shub schema (not migrated); ${how}`);
    }
    if (state.unknown.length > 0) {
      throw new EnvironmentError(
        `database ${this.location} was migrated by a newer shub (unknown migrations: ${state.unknown.join(', ')}); ` +
          `upgrade shub to use it`,
      );
    }
    if (state.pending.length > 0) {
      throw new EnvironmentError(
        `database ${this.location} schema is out of date (${state.pending.length} migration(s) pending: ` +
          `${state.pending.join(', ')}); ${how}`,
      );
    }
  }

  /**
   * Runs migrations: all pending ones (`latest`) or back one (`down`). Concurrent callers
   * serialize on kysely's lock.
   */
  async migrate(direction: 'latest' | 'down'): Promise<MigrationStep[]> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
    });
    const { error, results = [] } =
      direction === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateDown();
    const steps: MigrationStep[] = results.map((r) => ({
      name: r.migrationName,
      direction: r.direction === 'Up' ? 'up' : 'down',
      status: r.status === 'Success' ? 'done' : r.status === 'Error' ? 'failed' : 'skipped',
    }));
    if (error) {
      const failed = steps.find((s) => s.status === 'failed');
      const what = failed ? `migration ${failed.name} (${failed.direction})` : 'migrating';
      throw this.explain(error, `${what} failed on`);
    }
    return steps;
  }

  async saveRun(run: RunRecord, options: SaveOptions = {}): Promise<string> {
    const r = redactRun(run);
    let refused: string | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        if (options.onlyIf) {
          // the condition and the run in one transaction: nothing can change what it checked before the commit
          const verdict = await options.onlyIf(async (text, values = []) => {
            const { rows } = await trx.executeQuery(CompiledQuery.raw(text, values));
            return rows as Record<string, unknown>[];
          });
          if (verdict !== true) {
            refused = verdict;
            return;
          }
        }
        await trx
          .insertInto('runs')
          .values({
            id: r.runId,
            command: r.command,
            args: r.args,
            shub_version: r.shubVersion,
            host: r.host,
            started_at: r.startedAt,
            ended_at: r.endedAt,
            status: r.status,
            exit_code: r.exitCode,
            errors: JSON.stringify(r.errors),
            results: r.command === 'analyze' ? null : JSON.stringify(r.results),
            // the column exists from 0004 on; a run without a job does not name it
            ...(r.job ? { job: JSON.stringify(r.job) } : {}),
          })
          .execute();
        const assetIds = await upsertAssets(trx, collectAssets(r));
        const idOf = (sha: unknown) => (typeof sha === 'string' && assetIds.has(sha) ? assetIds.get(sha)! : null);
        const idByPath = (file: unknown) => idOf(r.inputs.find((i) => i.path === file && i.sha256)?.sha256);

        await insertRunRows(trx, 'run_inputs', r.runId, r.inputs, (i) => ({
          path: i.path,
          size_bytes: i.sizeBytes,
          asset_id: idOf(i.sha256),
          format: i.format === null || i.format === undefined ? null : JSON.stringify(i.format),
        }));
        await insertRunRows(trx, 'outputs', r.runId, r.outputs, (o) => {
          const id = idOf(o.sha256);
          if (id === null) throw new ShubError(`run output ${o.path} has no valid sha256; cannot record it`, 5);
          return { asset_id: id, path: o.path, role: o.role };
        });
        await insertRunRows(trx, 'decisions', r.runId, r.decisions, (d) => ({
          engine: d.engine,
          decision: d.decision,
          value: jsonOrNull(d.value),
          unit: d.unit ?? null,
          reason: d.reason,
          inputs: jsonOrNull(d.inputs),
          alternatives: jsonOrNull(d.alternatives),
          confidence: d.confidence ?? null,
        }));
        if (r.command === 'analyze') {
          await insertRunRows(trx, 'analyses', r.runId, r.results, (res) => {
            const x = asObject(res);
            const levels = asObject(x.levels);
            return {
              asset_id: idOf(x.sha256) ?? idByPath(x.file),
              file: typeof x.file === 'string' ? x.file : '',
              integrated_lufs: finite(levels.integratedLufs),
              loudness_range_lu: finite(levels.loudnessRangeLu),
              true_peak_dbtp: finite(levels.truePeakDbtp),
              bpm: finite(asObject(x.tempo).bpm),
              musical_key: typeof asObject(x.key).key === 'string' ? (asObject(x.key).key as string) : null,
              result: JSON.stringify(res),
            };
          });
        }
        if (r.command === 'validate') {
          const rows: object[] = [];
          r.results.forEach((res, resultSeq) => {
            const x = asObject(res);
            const assetId = idOf(x.sha256) ?? idByPath(x.file);
            for (const p of Array.isArray(x.platforms) ? x.platforms : []) {
              const platform = asObject(p);
              rows.push({
                run_id: r.runId,
                seq: rows.length,
                result_seq: resultSeq,
                asset_id: assetId,
                file: typeof x.file === 'string' ? x.file : '',
                platform: String(platform.platform ?? ''),
                passed: platform.passed === true,
                checks: JSON.stringify(platform.checks ?? []),
              });
            }
          });
          await insertChunks(trx, 'validations', rows);
        }
      });
    } catch (err) {
      throw this.explain(err, `record run ${run.runId} in`);
    }
    return refused === undefined ? `${this.location}#${run.runId}` : `not recorded: ${refused}`;
  }

  async listRuns(query: HistoryQuery = {}): Promise<RunSummary[]> {
    let q = this.db
      .selectFrom('runs as r')
      .select((eb) => [
        'r.id',
        'r.command',
        'r.status',
        'r.exit_code',
        'r.started_at',
        'r.ended_at',
        'r.host',
        'r.shub_version',
        'r.args',
        sql<
          string[]
        >`coalesce((select array_agg(ri.path order by ri.seq) from run_inputs ri where ri.run_id = r.id), '{}')`.as(
          'files',
        ),
        eb
          .selectFrom('outputs as o')
          .whereRef('o.run_id', '=', 'r.id')
          .select(eb.fn.countAll<string>().as('n'))
          .as('output_count'),
        sql<string>`case when r.results is null
          then (select count(*) from analyses a where a.run_id = r.id)
          else jsonb_array_length(r.results) end`.as('result_count'),
        sql<number>`jsonb_array_length(r.errors)`.as('error_count'),
        eb
          .selectFrom('decisions as d')
          .whereRef('d.run_id', '=', 'r.id')
          .select(eb.fn.countAll<string>().as('n'))
          .as('decision_count'),
      ])
      .orderBy('r.started_at', 'desc')
      .orderBy('r.id', 'desc');
    if (query.command !== undefined) q = q.where('r.command', '=', query.command);
    if (query.since) q = q.where('r.started_at', '>=', query.since);
    if (query.file) {
      const { paths, sha256 } = query.file;
      // runs that read the file, and the runs that wrote it: run_inputs and outputs share these columns
      q = q.where(({ exists, selectFrom, or }) =>
        or(
          (['run_inputs', 'outputs'] as const).map((table) =>
            exists(
              selectFrom(`${table} as f` as 'run_inputs as f')
                .leftJoin('assets as a', 'a.id', 'f.asset_id')
                .whereRef('f.run_id', '=', 'r.id')
                .where((eb) =>
                  eb.or([
                    eb('f.path', 'in', paths.length ? paths : ['']),
                    ...(sha256 ? [eb('a.sha256', '=', sha256)] : []),
                  ]),
                )
                .select(sql`1`.as('one')),
            ),
          ),
        ),
      );
    }
    if (query.limit) q = q.limit(query.limit);
    const rows = await this.guard(() => q.execute(), 'read runs from');
    return rows.map((row) => ({
      runId: row.id,
      command: row.command,
      status: row.status,
      exitCode: row.exit_code,
      startedAt: iso(row.started_at),
      endedAt: iso(row.ended_at),
      host: row.host,
      shubVersion: row.shub_version,
      args: row.args,
      files: row.files,
      inputCount: row.files.length,
      outputCount: Number(row.output_count ?? 0),
      resultCount: Number(row.result_count ?? 0),
      errorCount: Number(row.error_count),
      decisionCount: Number(row.decision_count ?? 0),
    }));
  }

  async getRun(idOrPrefix: string): Promise<RunRecord | null> {
    const prefix = checkRunIdPrefix(idOrPrefix);
    return this.guard(async () => {
      const ids = await this.db
        .selectFrom('runs')
        .select('id')
        // a prefix of the id, or of its random last group (the short id `shub history` shows)
        .where(
          prefix.includes('-')
            ? sql<boolean>`id::text like ${`${prefix}%`}`
            : sql<boolean>`(id::text like ${`${prefix}%`} or substr(id::text, 25) like ${`${prefix}%`})`,
        )
        .orderBy('id')
        .limit(1000)
        .execute();
      if (ids.length > 1)
        throw ambiguous(
          idOrPrefix,
          ids.map((f) => f.id),
        );
      if (!ids[0]) return null;
      const run = await this.db.selectFrom('runs').selectAll().where('id', '=', ids[0].id).executeTakeFirstOrThrow();
      const [inputs, outputs, decisions, analyses] = await Promise.all([
        this.db
          .selectFrom('run_inputs as ri')
          .leftJoin('assets as a', 'a.id', 'ri.asset_id')
          .select(['ri.path', 'ri.size_bytes', 'a.sha256', 'ri.format'])
          .where('ri.run_id', '=', run.id)
          .orderBy('ri.seq')
          .execute(),
        this.db
          .selectFrom('outputs as o')
          .innerJoin('assets as a', 'a.id', 'o.asset_id')
          .select(['o.path', 'a.sha256', 'o.role'])
          .where('o.run_id', '=', run.id)
          .orderBy('o.seq')
          .execute(),
        this.db
          .selectFrom('decisions')
          .selectAll()
          .select(sql<boolean>`value is null`.as('no_value'))
          .where('run_id', '=', run.id)
          .orderBy('seq')
          .execute(),
        run.results === null
          ? this.db.selectFrom('analyses').select('result').where('run_id', '=', run.id).orderBy('seq').execute()
          : Promise.resolve([]),
      ]);
      const record: RunRecord = {
        runId: run.id,
        command: run.command,
        args: run.args,
        shubVersion: run.shub_version,
        host: run.host,
        startedAt: iso(run.started_at),
        endedAt: iso(run.ended_at),
        status: run.status,
        exitCode: run.exit_code,
        inputs: inputs.map((i): RunInput => ({
          path: i.path,
          sizeBytes: Number(i.size_bytes),
          sha256: i.sha256 ?? null,
          format: (i.format ?? null) as RunInput['format'],
        })),
        outputs: outputs.map((o): RunOutput => ({ path: o.path, sha256: o.sha256, role: o.role })),
        results: run.results === null ? analyses.map((a) => a.result) : (run.results as unknown[]),
        errors: run.errors as RunRecord['errors'],
        decisions: decisions.map(toDecision),
        ...(run.job ? { job: run.job as RunJob } : {}),
      };
      return record;
    }, 'read run from');
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  private async guard<T>(work: () => Promise<T>, doing: string): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw this.explain(err, doing);
    }
  }

  /**
   * Any failure as a one-line ShubError whose text holds no password: unreachable, refused login,
   * missing database are environment errors (exit 4) saying what to do.
   */
  explain(err: unknown, doing: string): ShubError {
    const clean = (s: string) => redactText(s, this.secrets);
    if (err instanceof ShubError) {
      err.message = clean(err.message);
      if (err.stack) err.stack = clean(err.stack);
      return err;
    }
    const e = err as {
      code?: string;
      message?: string;
      errors?: { code?: string; message?: string }[];
      cause?: { code?: string };
    };
    const code = e.code ?? e.errors?.[0]?.code ?? e.cause?.code;
    const message = e.message || e.errors?.[0]?.message || String(err);
    const where = `database ${this.location} (from ${this.source})`;
    const fix = 'start it or fix --db / SHUB_DATABASE_URL / config store.url';
    let text: string;
    if (
      code &&
      [
        'ECONNREFUSED',
        'ENOTFOUND',
        'EAI_AGAIN',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'ETIMEDOUT',
        'ECONNRESET',
        'ENOENT',
        'EPIPE',
      ].includes(code)
    ) {
      text = `${where} is unreachable (${code}); ${fix}`;
    } else if (/timeout|terminated unexpectedly|Connection terminated/i.test(message)) {
      text = `${where} is unreachable (${firstLine(message)}); ${fix}`;
    } else if (code === '28P01' || code === '28000') {
      text = `${where} refused the login (${firstLine(message)}); check the user and password`;
    } else if (code === '3D000') {
      text =
        `${where} does not exist (${firstLine(message)}); create it, e.g. \`createdb NAME\`, then run \`shub ` +
        `db migrate\``;
    } else if (code === '42P01' || code === '42703') {
      text = `${where} does not have the tables this shub expects (${firstLine(message)}); run \`shub db migrate\``;
    } else {
      text = `could not ${doing} ${where}: ${firstLine(message)}`;
    }
    const out = new EnvironmentError(clean(text));
    if (err instanceof Error && err.stack) out.stack = `${out.name}: ${out.message}\n${clean(err.stack)}`;
    return out;
  }
}

interface AssetRow {
  sha256: string;
  path: string;
  size_bytes: number | null;
  container: string | null;
  codec: string | null;
  sample_rate: number | null;
  channels: number | null;
  bit_depth: number | null;
  frames: number | null;
  duration_seconds: number | null;
}

/** The files a run touched, by sha256 (inputs never hashed are not assets), in sha256 order. */
function collectAssets(run: RunRecord): AssetRow[] {
  const byHash = new Map<string, AssetRow>();
  const add = (sha: unknown, path: unknown, sizeBytes: unknown, format: unknown) => {
    if (typeof sha !== 'string' || !SHA256.test(sha) || typeof path !== 'string') return;
    const f = asObject(format);
    const row: AssetRow = {
      sha256: sha,
      path,
      size_bytes: finite(sizeBytes),
      container: str(f.container),
      codec: str(f.codec),
      sample_rate: int(f.sampleRate),
      channels: int(f.channels),
      bit_depth: int(f.bitDepth),
      frames: int(f.frames),
      duration_seconds: finite(f.durationSeconds),
    };
    const seen = byHash.get(sha);
    if (!seen) byHash.set(sha, row);
    else
      for (const k of Object.keys(row) as (keyof AssetRow)[])
        if (seen[k] === null) (seen as unknown as Record<string, unknown>)[k] = row[k];
  };
  for (const i of run.inputs) add(i.sha256, i.path, i.sizeBytes, i.format);
  for (const o of run.outputs) add(o.sha256, o.path, null, null);
  if (run.command === 'analyze' || run.command === 'validate') {
    for (const res of run.results) {
      const x = asObject(res);
      add(x.sha256, x.file, null, x.format);
    }
  }
  return [...byHash.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}

/**
 * Inserts new assets and returns every asset's id. One statement, rows in sha256 order: parallel
 * runs touching the same files lock them in the same order, so they wait for each other but never
 * deadlock, and ON CONFLICT means none of them fails on a file another run inserted first.
 */
async function upsertAssets(trx: Transaction<Database>, rows: AssetRow[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const got = await trx
      .insertInto('assets')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('sha256').doUpdateSet((eb) => ({
          size_bytes: eb.fn.coalesce('assets.size_bytes', 'excluded.size_bytes'),
          container: eb.fn.coalesce('assets.container', 'excluded.container'),
          codec: eb.fn.coalesce('assets.codec', 'excluded.codec'),
          sample_rate: eb.fn.coalesce('assets.sample_rate', 'excluded.sample_rate'),
          channels: eb.fn.coalesce('assets.channels', 'excluded.channels'),
          bit_depth: eb.fn.coalesce('assets.bit_depth', 'excluded.bit_depth'),
          frames: eb.fn.coalesce('assets.frames', 'excluded.frames'),
          duration_seconds: eb.fn.coalesce('assets.duration_seconds', 'excluded.duration_seconds'),
        })),
      )
      .returning(['id', 'sha256'])
      .execute();
    for (const g of got) ids.set(g.sha256, g.id);
  }
  return ids;
}

type RunTable = 'run_inputs' | 'outputs' | 'decisions' | 'analyses' | 'validations';

/** One row per item of a run's list, keyed by the run and the item's place in the list (`seq`). */
async function insertRunRows<T>(
  trx: Transaction<Database>,
  table: RunTable,
  runId: string,
  items: readonly T[],
  row: (item: T) => object,
): Promise<void> {
  await insertChunks(
    trx,
    table,
    items.map((item, seq) => ({ run_id: runId, seq, ...row(item) })),
  );
}

async function insertChunks(trx: Transaction<Database>, table: RunTable, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

function toDecision(row: {
  engine: string;
  decision: string;
  value: unknown;
  no_value: boolean;
  unit: string | null;
  reason: string;
  inputs: unknown;
  alternatives: unknown;
  confidence: number | null;
}): Decision {
  // keys in the order the engines write them, so both stores print a decision alike
  const d: Record<string, unknown> = { engine: row.engine, decision: row.decision };
  if (!row.no_value) d.value = row.value; // SQL NULL: no value; JSON null: the value null
  if (row.unit !== null) d.unit = row.unit;
  d.reason = row.reason;
  if (row.inputs !== null) d.inputs = row.inputs;
  if (row.alternatives !== null) d.alternatives = row.alternatives;
  if (row.confidence !== null) d.confidence = row.confidence;
  return d as unknown as Decision;
}

/** jsonb text for a value; SQL NULL for `undefined` (the key is absent). JSON null stays JSON null. */
function jsonOrNull(v: unknown): string | null {
  return v === undefined ? null : JSON.stringify(v);
}

function asObject(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
function int(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}
function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
function iso(d: Date | string): string {
  return (d instanceof Date ? d : new Date(d)).toISOString();
}
function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
