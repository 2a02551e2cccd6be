/**
 * Error classes carrying the exit code of SPEC §3. Only bin/shub.js calls process.exit;
 * everything else throws one of these, and the CLI prints `error: <message>` on one line.
 */

/** Exit codes (SPEC §3). With several inputs the worst (highest) one wins. */
export const ExitCode = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  input: 3,
  environment: 4,
  internal: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class ShubError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, config or recipe (exit 2). */
export class UsageError extends ShubError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** An input file is missing, unreadable or not audio (exit 3). The message starts with the file. */
export class InputError extends ShubError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`, ExitCode.input);
  }
}

/** Something the machine must provide is missing: ffmpeg, a database, REAPER (exit 4). */
export class EnvironmentError extends ShubError {
  constructor(message: string) {
    super(message, ExitCode.environment);
  }
}

/** Exit code for any thrown value: ShubErrors carry theirs, anything else is internal (5). */
export function exitCodeOf(err: unknown): ExitCode {
  return err instanceof ShubError ? err.exitCode : ExitCode.internal;
}

/** The one-line text shown for an error; stack traces only with --debug. */
export function describeError(err: unknown, debug = false): string {
  if (debug && err instanceof Error && err.stack) return err.stack;
  if (err instanceof ShubError) return err.message;
  const text = err instanceof Error ? err.message : String(err);
  return `internal error: ${text.split('\n')[0]} (rerun with --debug for details and report it)`;
}
