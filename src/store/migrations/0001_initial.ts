/**
 * The shub schema (SPEC §8): runs and what they read, wrote, measured, checked and decided.
 * Assets are files identified by their bytes (sha256); every other table hangs off a run and goes
 * with it (ON DELETE CASCADE).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const initial: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('runs')
      .addColumn('id', 'uuid', (c) => c.primaryKey())
      .addColumn('command', 'text', (c) => c.notNull())
      .addColumn('args', sql`text[]`, (c) => c.notNull())
      .addColumn('shub_version', 'text', (c) => c.notNull())
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ended_at', 'timestamptz', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('ok', 'partial', 'failed')`))
      .addColumn('exit_code', 'integer', (c) => c.notNull())
      .addColumn('errors', 'jsonb', (c) => c.notNull())
      // the printed results of commands without a table of their own; null for analyze (see analyses)
      .addColumn('results', 'jsonb')
      .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('assets')
      .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('sha256', sql`char(64)`, (c) => c.notNull().unique())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'bigint')
      .addColumn('container', 'text')
      .addColumn('codec', 'text')
      .addColumn('sample_rate', 'integer')
      .addColumn('channels', 'integer')
      .addColumn('bit_depth', 'integer')
      .addColumn('frames', 'bigint')
      .addColumn('duration_seconds', 'double precision')
      .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();

    await db.schema
      .createTable('run_inputs')
      .addColumn('run_id', 'uuid', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'bigint', (c) => c.notNull())
      // null when the input was never read far enough to be hashed
      .addColumn('asset_id', 'bigint', (c) => c.references('assets.id'))
      .addColumn('format', 'jsonb')
      .addPrimaryKeyConstraint('run_inputs_pk', ['run_id', 'seq'])
      .execute();

    await db.schema
      .createTable('outputs')
      .addColumn('run_id', 'uuid', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('asset_id', 'bigint', (c) => c.notNull().references('assets.id'))
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('outputs_pk', ['run_id', 'seq'])
      .execute();

    await db.schema
      .createTable('analyses')
      .addColumn('run_id', 'uuid', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('asset_id', 'bigint', (c) => c.references('assets.id'))
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('integrated_lufs', 'double precision')
      .addColumn('loudness_range_lu', 'double precision')
      .addColumn('true_peak_dbtp', 'double precision')
      .addColumn('bpm', 'double precision')
      .addColumn('musical_key', 'text')
      .addColumn('result', 'jsonb', (c) => c.notNull())
      .addPrimaryKeyConstraint('analyses_pk', ['run_id', 'seq'])
      .execute();

    await db.schema
      .createTable('decisions')
      .addColumn('run_id', 'uuid', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      // SQL NULL: no value given; JSON null: the value null
      .addColumn('value', 'jsonb')
      .addColumn('unit', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('inputs', 'jsonb')
      .addColumn('alternatives', 'jsonb')
      .addColumn('confidence', 'double precision')
      .addPrimaryKeyConstraint('decisions_pk', ['run_id', 'seq'])
      .execute();

    await db.schema
      .createTable('validations')
      .addColumn('run_id', 'uuid', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      // position of the file's result in the run's results
      .addColumn('result_seq', 'integer', (c) => c.notNull())
      .addColumn('asset_id', 'bigint', (c) => c.references('assets.id'))
      .addColumn('file', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('passed', 'boolean', (c) => c.notNull())
      .addColumn('checks', 'jsonb', (c) => c.notNull())
      .addPrimaryKeyConstraint('validations_pk', ['run_id', 'seq'])
      .execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    for (const table of ['validations', 'decisions', 'analyses', 'outputs', 'run_inputs', 'assets', 'runs']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
