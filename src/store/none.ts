/**
 * `--no-store`: a run that is not recorded (a throwaway check). It saves nothing and holds nothing;
 * the run id is still printed with every result, so the output says which run it was.
 */
import type { HistoryQuery, RunRecord, RunSummary, Store } from './types.js';

export class NoStore implements Store {
  readonly kind = 'none' as const;
  readonly location = 'nowhere (--no-store)';

  async saveRun(run: RunRecord): Promise<string> {
    return `not recorded (--no-store): ${run.runId}`;
  }

  async listRuns(_query?: HistoryQuery): Promise<RunSummary[]> {
    return [];
  }

  async getRun(_idOrPrefix: string): Promise<RunRecord | null> {
    return null;
  }

  async close(): Promise<void> {}
}
