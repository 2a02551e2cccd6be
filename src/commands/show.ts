/** `shub show RUN_ID`: one run's whole record — inputs, outputs, results, errors and the decision log. */
import { UsageError } from '../errors.js';
import type { RunRecord, Store } from '../store/types.js';

export interface ShowOptions {
  store: Store;
  /** A run id, or its first 4+ characters. */
  runId: string;
}

export async function show(options: ShowOptions): Promise<RunRecord> {
  const run = await options.store.getRun(options.runId);
  if (!run) {
    throw new UsageError(
      `no run '${options.runId}' in the ${options.store.kind} store ${options.store.location}; list runs with \`shub history\``,
    );
  }
  return run;
}
