/**
 * `shub history`: the runs a store holds, newest first, filtered by input file, command and start
 * time. Both stores answer with the same summaries.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import type { HistoryQuery, RunSummary, Store } from '../store/types.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import { parseLimit, type JsonFlag, type StoreFlags } from './options.js';

export interface HistoryOptions {
  store: Store;
  /**
   * Runs that read or wrote this file: matched by the path as given, its absolute path, or its sha256
   * (a 64-hex string, or the hash of the file if it exists).
   */
  file?: string;
  command?: string;
  /** An ISO date or time (`2025-03-01`, `2025-03-01T14:00`), or an age: `30m`, `12h`, `7d`, `2w`. */
  since?: string;
  limit?: number;
  /** Folder relative paths are resolved against (default: the process's). */
  cwd?: string;
  /** "Now" for ages in `since` (default: the clock). */
  now?: Date;
}

export async function history(options: HistoryOptions): Promise<RunSummary[]> {
  const query: HistoryQuery = {};
  if (options.command !== undefined) query.command = options.command;
  if (options.since !== undefined) query.since = parseSince(options.since, options.now ?? new Date());
  if (options.limit !== undefined) query.limit = options.limit;
  if (options.file !== undefined) query.file = await fileQuery(options.file, options.cwd ?? process.cwd());
  return options.store.listRuns(query);
}

const AGE_UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--since` as an instant: an ISO date/time, or an age before `now` such as `7d`. */
export function parseSince(value: string, now: Date): Date {
  const v = value.trim();
  const age = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/i.exec(v);
  if (age) return new Date(now.getTime() - Number(age[1]) * AGE_UNITS_MS[age[2]!.toLowerCase()]!);
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    // a bare date or date-time means local time, as a person typing it means
    const t = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00` : v.replace(' ', 'T'));
    if (!Number.isNaN(t.getTime())) return t;
  }
  throw new UsageError(
    `--since: expected a date like 2025-03-01 or 2025-03-01T14:00, or an age like 12h or 7d, got '${value}'`,
  );
}

async function fileQuery(file: string, cwd: string): Promise<NonNullable<HistoryQuery['file']>> {
  const abs = path.resolve(cwd, file);
  const paths = [...new Set([file, abs])];
  if (/^[0-9a-f]{64}$/i.test(file)) return { paths, sha256: file.toLowerCase() };
  let sha256: string | null = null;
  try {
    if ((await stat(abs)).isFile()) sha256 = await sha256Of(abs);
  } catch {
    // not on disk (any more): match by path only
  }
  return { paths, sha256 };
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

// ---- the command line -----------------------------------------------------------------------

export interface HistoryFlags extends JsonFlag, StoreFlags {
  file?: string;
  command?: string;
  since?: string;
  limit?: number;
}

export const historyCommand = defineCommand({
  name: 'history',
  description: 'list recorded runs, newest first (from the JSON store or the database)',
  options: (cmd) =>
    cmd
      .option(
        '--file <path>',
        'only runs that read or wrote this file: its path as given or absolute, or its sha256 (hashed if it exists)',
      )
      .option('--command <name>', 'only runs of this command, e.g. analyze')
      .option(
        '--since <when>',
        'only runs started since a date/time (2025-03-01, 2025-03-01T14:00) or within an age (30m, 12h, 7d)',
      )
      .option('-n, --limit <n>', 'at most this many runs (the newest)', parseLimit),
  shared: { json: 'print one JSON object per run per line (NDJSON)', store: 'read' },
  examples: [
    'shub history',
    'shub history --file master.wav --command analyze --since 7d',
    'shub history --db postgres://shub@db.studio/shub --json | jq -r .runId',
  ],
  exitCodes: { 0: 'ok', 2: 'bad option', 4: 'database unreachable or not migrated' },
  run: historyCli,
});

/** `shub history`: the runs of the selected store, one line each. */
export async function historyCli(ctx: CliContext, flags: HistoryFlags): Promise<number> {
  return withSession(ctx, 'history', {}, async (s) => {
    const store = await s.openStore(flags, 'read');
    const runs = await history({
      store,
      cwd: ctx.io.cwd,
      ...(flags.file !== undefined ? { file: flags.file } : {}),
      ...(flags.command !== undefined ? { command: flags.command } : {}),
      ...(flags.since !== undefined ? { since: flags.since } : {}),
      ...(flags.limit !== undefined ? { limit: flags.limit } : {}),
    });
    const { formatHistory } = await import('../ui/history-text.js');
    const output = s.output<RunSummary>(flags, { format: (r) => formatHistory([r]) });
    for (const w of store.warnings ?? []) output.warning(w); // damaged run files, skipped
    output.list(runs, formatHistory);
    return ExitCode.ok;
  });
}
