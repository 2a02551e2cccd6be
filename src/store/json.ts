import { readdir, readFile } from 'node:fs/promises';
import { matchesShortId } from './run.js';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { redactArgs, redactText } from './redact.js';
import type { HistoryQuery, RunRecord, RunSummary, SaveOptions, Store } from './types.js';

const RUN_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json$/;

/** The default store: one JSON file per run under `<dir>/runs/<runId>.json`, each written atomically. */
export class JsonStore implements Store {
  readonly kind = 'json' as const;
  /** Run files skipped because they are damaged, one line each (history and show print them as warnings). */
  readonly warnings: string[] = [];

  constructor(readonly dir: string) {}

  get location(): string {
    return this.dir;
  }

  runPath(runId: string): string {
    return path.join(this.dir, 'runs', `${runId}.json`);
  }

  async saveRun(run: RunRecord, options: SaveOptions = {}): Promise<string> {
    // a file cannot share a transaction with a condition: refused rather than saved unconditionally
    if (options.onlyIf) throw new Error('the JSON store cannot save a run under a condition (PostgreSQL only)');
    const file = this.runPath(run.runId);
    await writeFileAtomic(file, `${JSON.stringify(redactRun(run), null, 2)}\n`);
    return file;
  }

  async listRuns(query: HistoryQuery = {}): Promise<RunSummary[]> {
    const names = await this.runFiles();
    // run ids are UUIDv7: their first 48 bits are the start time in ms, so old files need not be read
    const cutoff = query.since ? query.since.getTime() - 60_000 : -Infinity;
    const runs: RunRecord[] = [];
    for (const name of names) {
      if (uuidTime(name) < cutoff) continue;
      const run = await this.readRun(path.join(this.dir, 'runs', name));
      if (run && matches(run, query)) runs.push(run);
    }
    runs.sort(newestFirst);
    return (query.limit ? runs.slice(0, query.limit) : runs).map(summarize);
  }

  async getRun(idOrPrefix: string): Promise<RunRecord | null> {
    const prefix = checkRunIdPrefix(idOrPrefix);
    // a prefix of the id, or of its random part (the short id `shub history` shows)
    const names = (await this.runFiles()).filter(
      (n) => n.startsWith(prefix) || matchesShortId(n.slice(0, -'.json'.length), prefix),
    );
    if (names.length > 1)
      throw ambiguous(
        idOrPrefix,
        names.map((n) => n.slice(0, -'.json'.length)),
      );
    return names[0] ? this.readRun(path.join(this.dir, 'runs', names[0])) : null;
  }

  async close(): Promise<void> {
    // nothing held open
  }

  private async runFiles(): Promise<string[]> {
    try {
      return (await readdir(path.join(this.dir, 'runs'))).filter((n) => RUN_FILE.test(n)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  /** A run file, or null (with a warning naming it) when it cannot be read, parsed or is not a run record. */
  private async readRun(file: string): Promise<RunRecord | null> {
    let problem: string | null;
    let run: unknown;
    try {
      run = JSON.parse(await readFile(file, 'utf8'));
      problem = runRecordProblem(run);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problem = code
        ? `cannot be read (${code})`
        : `is not JSON (${(err as Error).message.replace(/\s+/g, ' ').slice(0, 80)})`;
    }
    if (problem === null) return run as RunRecord;
    this.warnings.push(`${file}: skipped, not a valid run record: ${problem}; repair or remove the file`);
    return null;
  }
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What is wrong with a parsed run file, or null when it has every field that history and show use,
 * of the right type (a hand-edited or damaged file must not stop the listing).
 */
export function runRecordProblem(x: unknown): string | null {
  if (!isObject(x)) return 'expected a JSON object';
  for (const key of ['runId', 'command', 'shubVersion', 'host', 'status', 'startedAt', 'endedAt'] as const)
    if (!isString(x[key])) return `${key}: expected a string`;
  if (Number.isNaN(Date.parse(x.startedAt as string))) return 'startedAt: expected a date';
  if (typeof x.exitCode !== 'number') return 'exitCode: expected a number';
  if (!Array.isArray(x.args) || !x.args.every(isString)) return 'args: expected a list of strings';
  const lists = { inputs: x.inputs, outputs: x.outputs, results: x.results, errors: x.errors, decisions: x.decisions };
  for (const [key, v] of Object.entries(lists)) if (!Array.isArray(v)) return `${key}: expected a list`;
  const bad = (key: string, items: unknown[], ok: (o: Record<string, unknown>) => boolean) => {
    const i = items.findIndex((o) => !isObject(o) || !ok(o));
    return i < 0 ? null : `${key}[${i}]: not a valid entry`;
  };
  return (
    bad('inputs', x.inputs as unknown[], (o) => isString(o.path) && (o.format === null || isObject(o.format))) ??
    bad('outputs', x.outputs as unknown[], (o) => isString(o.path) && isString(o.sha256) && isString(o.role)) ??
    bad('errors', x.errors as unknown[], (o) => isString(o.message) && typeof o.exitCode === 'number') ??
    bad(
      'decisions',
      x.decisions as unknown[],
      (o) =>
        isString(o.engine) &&
        isString(o.decision) &&
        isString(o.reason) &&
        (o.alternatives === undefined || (Array.isArray(o.alternatives) && o.alternatives.every(isObject))) &&
        (o.inputs === undefined || isObject(o.inputs)),
    )
  );
}

/** The record as stored: arguments and error messages with any password hidden. */
export function redactRun(run: RunRecord): RunRecord {
  return {
    ...run,
    args: redactArgs(run.args),
    errors: run.errors.map((e) => ({
      ...e,
      file: e.file === null ? null : redactText(e.file),
      message: redactText(e.message),
    })),
  };
}

/** The history line of a run (both stores give exactly this). */
export function summarize(run: RunRecord): RunSummary {
  return {
    runId: run.runId,
    command: run.command,
    status: run.status,
    exitCode: run.exitCode,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    host: run.host,
    shubVersion: run.shubVersion,
    args: run.args,
    files: run.inputs.map((i) => i.path),
    inputCount: run.inputs.length,
    outputCount: run.outputs.length,
    resultCount: run.results.length,
    errorCount: run.errors.length,
    decisionCount: run.decisions.length,
  };
}

/** Does `run` satisfy every condition of `query`? */
export function matches(run: RunRecord, query: HistoryQuery): boolean {
  if (query.command !== undefined && run.command !== query.command) return false;
  if (query.since && Date.parse(run.startedAt) < query.since.getTime()) return false;
  if (query.file) {
    const { paths, sha256 } = query.file;
    // runs that read the file, and the runs that wrote it
    const named = (f: { path: string; sha256: string | null }) =>
      paths.includes(f.path) || (sha256 !== null && f.sha256 === sha256);
    if (!run.inputs.some(named) && !run.outputs.some(named)) return false;
  }
  return true;
}

export function newestFirst(a: { startedAt: string; runId: string }, b: { startedAt: string; runId: string }): number {
  const t = Date.parse(b.startedAt) - Date.parse(a.startedAt);
  return t !== 0 ? t : a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0;
}

/** A run id or a prefix of one (at least 4 hex digits), lower-cased; anything else is a usage error. */
export function checkRunIdPrefix(idOrPrefix: string): string {
  const s = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f][0-9a-f-]{3,35}$/.test(s)) {
    throw new UsageError(
      `'${idOrPrefix}' is not a run id; give a full run id or its first 4+ characters, as \`shub history\` lists them`,
    );
  }
  return s;
}

export function ambiguous(prefix: string, ids: string[]): UsageError {
  return new UsageError(
    `run id prefix '${prefix}' matches ${ids.length} runs ` +
      `(${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}); give more characters`,
  );
}

function uuidTime(name: string): number {
  return parseInt(name.slice(0, 8) + name.slice(9, 13), 16);
}
