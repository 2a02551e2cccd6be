/** Indexes for `shub history` and for the questions studios ask: which runs touched this file, and when. */
import type { Kysely, Migration } from 'kysely';

const INDEXES: [name: string, table: string, columns: string[]][] = [
  ['runs_started_at_idx', 'runs', ['started_at']],
  ['runs_command_started_at_idx', 'runs', ['command', 'started_at']],
  ['run_inputs_path_idx', 'run_inputs', ['path']],
  ['run_inputs_asset_idx', 'run_inputs', ['asset_id']],
  ['outputs_asset_idx', 'outputs', ['asset_id']],
  ['analyses_asset_idx', 'analyses', ['asset_id']],
  ['validations_asset_idx', 'validations', ['asset_id']],
  ['decisions_engine_idx', 'decisions', ['engine', 'decision']],
];

export const historyIndexes: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    for (const [name, table, columns] of INDEXES)
      await db.schema.createIndex(name).on(table).columns(columns).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
  },
};
