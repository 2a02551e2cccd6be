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

export type RunStatus = 'ok' | 'partial' | 'failed';

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
}

export interface Store {
  /** Persists a finished run; atomic: a reader never sees half a record. */
  saveRun(run: RunRecord): Promise<string>;
}
