/**
 * Error classes carrying the exit code of SPEC §3. Only bin/shub.js calls process.exit;
 * everything else throws one of these, and the CLI prints `error: <message>` on one line.
 */
import { quotePath } from './io/names.js';

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
    super(`${quotePath(file)}: ${problem}`, ExitCode.input);
  }
}

/**
 * The input was read, but the command cannot do what was asked with it (exit 1, as a target
 * master could not meet): e.g. nothing loud enough to measure. The message starts with the file.
 */
export class CannotMeetError extends ShubError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${quotePath(file)}: ${problem}`, ExitCode.checkFailed);
  }
}

/** Something the machine must provide is missing: ffmpeg, a database, REAPER (exit 4). */
export class EnvironmentError extends ShubError {
  constructor(message: string) {
    super(message, ExitCode.environment);
  }
}

/**
 * System errors that reach the top without a ShubError around them (mostly from writing outputs
 * and run records): the machine's fault (exit 4) or the path the user gave (exit 2), never 5.
 */
const ERRNO: Record<string, [ExitCode, string]> = {
  ENOSPC: [ExitCode.environment, 'no space left on the device; free some space or write somewhere else'],
  EDQUOT: [ExitCode.environment, 'disk quota exceeded; free some space or write somewhere else'],
  EFBIG: [ExitCode.environment, 'file too large for this file system or ulimit -f'],
  EROFS: [ExitCode.environment, 'is on a read-only file system; write somewhere else'],
  EIO: [ExitCode.environment, 'input/output error from the device; check the disk'],
  EMFILE: [ExitCode.environment, 'too many open files in this process; raise the limit (ulimit -n) or lower --jobs'],
  ENFILE: [ExitCode.environment, 'too many open files on this system; close other programs or raise the system limit'],
  ENOMEM: [ExitCode.environment, 'out of memory; free memory or lower --jobs'],
  ENOTDIR: [ExitCode.usage, 'a part of the path is a file, not a folder; choose another path'],
  EISDIR: [ExitCode.usage, 'is a directory; name a file'],
  ENAMETOOLONG: [ExitCode.usage, 'the name is too long'],
  ELOOP: [ExitCode.usage, 'too many levels of symbolic links'],
  EACCES: [ExitCode.usage, 'permission denied; choose a path you can write'],
  EPERM: [ExitCode.usage, 'operation not permitted; choose a path you can write'],
  EEXIST: [ExitCode.usage, 'already exists'],
};

function errnoOf(err: unknown): { code: string; path?: string } | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!(err instanceof Error) || typeof e?.code !== 'string' || !(e.code in ERRNO)) return undefined;
  return { code: e.code, ...(typeof e.path === 'string' ? { path: e.path } : {}) };
}

/**
 * The machine running out of file descriptors or memory while doing something to an input (opening or
 * hashing it): the EnvironmentError (exit 4) saying so, or undefined for any other error.
 */
export function environmentFault(err: unknown, doing: string): EnvironmentError | undefined {
  const errno = errnoOf(err);
  if (!errno || !['EMFILE', 'ENFILE', 'ENOMEM'].includes(errno.code)) return undefined;
  return new EnvironmentError(`${doing} failed (${errno.code}): ${ERRNO[errno.code]![1]}`);
}

/** Exit code for any thrown value: ShubErrors carry theirs, system errors theirs, anything else is internal (5). */
export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof ShubError) return err.exitCode;
  const errno = errnoOf(err);
  return errno ? ERRNO[errno.code]![0] : ExitCode.internal;
}

/** The one-line text shown for an error; stack traces only with --debug. */
export function describeError(err: unknown, debug = false): string {
  if (debug && err instanceof Error && err.stack) return err.stack;
  if (err instanceof ShubError) return err.message;
  const errno = errnoOf(err);
  if (errno) return `${errno.path ?? 'writing an output'}: ${ERRNO[errno.code]![1]} (${errno.code})`;
  const text = err instanceof Error ? err.message : String(err);
  return `internal error: ${text.split('\n')[0]} (rerun with --debug for details and report it)`;
}
