/** Run records and the decision log (SPEC §3). Every store holds exactly this information. */
import type { AudioFormat } from '../io/format.js';

/** One choice an engine made, with why. */
export interface Decision {
  engine: string;
  decision: string;
  value: unknown;
  unit?: string;
  reason: string;
  inputs?: Record<string, unknown>;
  alternatives?: { value: unknown; why_not: string }[];
  confidence?: number;
}

export interface RunInput {
  path: string;
  sizeBytes: number;
  sha256: string | null;
  format: Omit<AudioFormat, 'speakers'> | null;
}

export interface RunOutput {
  path: string;
  sha256: string;
  role: string;
}

export interface RunError {
  file: string | null;
  message: string;
  exitCode: number;
}

export type RunStatus = 'ok' | 'partial' | 'failed' | 'interrupted';

/** The queue job a run was done for (`shub worker`, SPEC §8b); absent for runs started by hand. */
export interface RunJob {
  /** pg-boss job id. */
  id: string;
  /** Queue name, e.g. `shub.master`. */
  queue: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** The worker that ran it (`<host>:<pid>:<uuid>`). */
  worker: string;
}

export interface RunRecord {
  runId: string;
  command: string;
  args: string[];
  shubVersion: string;
  host: string;
  startedAt: string;
  endedAt: string;
  status: RunStatus;
  exitCode: number;
  inputs: RunInput[];
  outputs: RunOutput[];
  results: unknown[];
  errors: RunError[];
  decisions: Decision[];
  job?: RunJob;
}

/** One line of `shub history`: a run without its results and decisions. Both stores return exactly this. */
export interface RunSummary {
  runId: string;
  command: string;
  status: RunStatus;
  exitCode: number;
  startedAt: string;
  endedAt: string;
  host: string;
  shubVersion: string;
  args: string[];
  /** Input paths, in input order. */
  files: string[];
  inputCount: number;
  outputCount: number;
  resultCount: number;
  errorCount: number;
  decisionCount: number;
}

/** What `shub history` asks a store for. Runs come newest first. */
export interface HistoryQuery {
  /** Runs with an input or an output whose path is one of `paths`, or whose sha256 is `sha256`. */
  file?: { paths: string[]; sha256: string | null };
  command?: string;
  /** Runs started at or after this instant. */
  since?: Date;
  /** At most this many runs (the newest); default all. */
  limit?: number;
}

/** A query inside a save's database transaction: the rows it returns. */
export type TransactionQuery = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface SaveOptions {
  /**
   * Checked in the save's own database transaction, before the run is written: `true` writes the run;
   * a string (why not) writes nothing and saveRun returns `not recorded: <why>`. The rows it locks stay
   * locked, and the rows it changes commit, with the run. PostgreSQL only: the JSON store refuses it.
   */
  onlyIf?: (query: TransactionQuery) => Promise<true | string>;
}

export interface Store {
  /** `json` or `postgres`. */
  readonly kind: 'json' | 'postgres' | 'none';
  /** Where runs go, fit for messages: a folder, or a database URL with its password hidden. */
  readonly location: string;
  /**
   * Persists a finished run with its inputs, outputs, results and decisions; atomic: a reader
   * never sees half a record. Arguments are stored with any password redacted. Returns where the
   * run went (a file, or `<database>#<runId>`).
   */
  saveRun(run: RunRecord, options?: SaveOptions): Promise<string>;
  /** Runs matching `query`, newest first. */
  listRuns(query?: HistoryQuery): Promise<RunSummary[]>;
  /**
   * The whole run record, by id or by a unique id prefix (at least 4 characters); null when no run
   * matches. An ambiguous prefix is a UsageError.
   */
  getRun(idOrPrefix: string): Promise<RunRecord | null>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
  /** Records that could not be read and were skipped by listRuns/getRun (one line each, naming the file). */
  readonly warnings?: readonly string[];
}
