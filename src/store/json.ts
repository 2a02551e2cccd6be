import path from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import type { RunRecord, Store } from './types.js';

/** The default store: one JSON file per run under `<dir>/runs/<runId>.json`, each written atomically. */
export class JsonStore implements Store {
  constructor(readonly dir: string) {}

  runPath(runId: string): string {
    return path.join(this.dir, 'runs', `${runId}.json`);
  }

  async saveRun(run: RunRecord): Promise<string> {
    const file = this.runPath(run.runId);
    await writeFileAtomic(file, `${JSON.stringify(run, null, 2)}\n`);
    return file;
  }
}
