/** `shub show RUN_ID`: one run's whole record — inputs, outputs, results, errors and the decision log. */
import { ExitCode, UsageError } from '../errors.js';
import type { RunRecord, Store } from '../store/types.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import type { JsonFlag, StoreFlags } from './options.js';

export interface ShowOptions {
  store: Store;
  /** A run id, or its first 4+ characters. */
  runId: string;
}

export async function show(options: ShowOptions): Promise<RunRecord> {
  const run = await options.store.getRun(options.runId);
  if (!run) {
    throw new UsageError(
      `no run '${options.runId}' in the ${options.store.kind} store ${options.store.location}; list runs with ` +
        `\`shub history\``,
    );
  }
  return run;
}

// ---- the command line -----------------------------------------------------------------------

export const showCommand = defineCommand({
  name: 'show',
  description: "one run's record: inputs, outputs, results, errors and the decision log",
  arguments: [
    ['<run>', 'run id, its first characters, or the short id `shub history` lists (a prefix of its random part)'],
  ],
  shared: { json: 'print the run record as one JSON object', store: 'read' },
  examples: ['shub show 0196f3a2-7c41-7d3e-9a0b-2f5e8c1d4b6a', 'shub show 0196f3a2-7c41 --json | jq .decisions'],
  exitCodes: { 0: 'ok', 2: 'no such run (or an ambiguous prefix)', 4: 'database unreachable or not migrated' },
  run: showCli,
});

/** `shub show RUN`: the record from the selected store. */
export async function showCli(ctx: CliContext, runId: string, flags: JsonFlag & StoreFlags): Promise<number> {
  return withSession(ctx, 'show', {}, async (s) => {
    const store = await s.openStore(flags, 'read');
    const { formatRun } = await import('../ui/history-text.js');
    const output = s.output<RunRecord>(flags, { format: formatRun });
    let run: RunRecord;
    try {
      run = await show({ store, runId });
    } finally {
      for (const w of store.warnings ?? []) output.warning(w); // a damaged run file, skipped
    }
    output.result(run);
    return ExitCode.ok;
  });
}
