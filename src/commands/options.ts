/**
 * The options several commands share, declared once (the `gh` `cmdutil.AddJSONFlags` idea): every
 * command that takes `--json`, `-j/--jobs`, `--ffmpeg`, `--store-dir`/`--db`, `-y/--overwrite` or
 * `-o/--output` gets it from here, so the flag reads and behaves the same everywhere. Also the help
 * footer every command carries: its examples and its exit codes (SPEC §3).
 */
import { Option, type Command } from 'commander';
import { ExitCode, UsageError } from '../errors.js';

/** `--json`: one JSON object per input per line on stdout (SPEC §3). */
export interface JsonFlag {
  json?: boolean;
}
/** `-j/--jobs N`. */
export interface JobsFlag {
  jobs?: number;
}
/** `--ffmpeg PATH`. */
export interface FfmpegFlag {
  ffmpeg?: string;
}
/** `--store-dir DIR` and `--db URL`. */
export interface StoreFlags {
  storeDir?: string;
  db?: string;
  /** false with `--no-store`: the run is not recorded. */
  store?: boolean;
}
/** `--recursive` and `-0/--null`: how file arguments are read (src/io/inputs.ts). */
export interface InputFlags {
  recursive?: boolean;
  null?: boolean;
}
/** `-y/--overwrite`. */
export interface OverwriteFlag {
  overwrite?: boolean;
}
/** The flags of a command run on a batch of files that writes and records (master, validate): all of the above. */
export interface BatchFlags extends JsonFlag, JobsFlag, FfmpegFlag, StoreFlags, OverwriteFlag, InputFlags {}

export function addJsonOption(cmd: Command, what = 'print one JSON object per input per line (NDJSON)'): Command {
  return cmd.option('--json', what);
}

/** `-j/--jobs N`; `what` says what runs in parallel, e.g. 'files analyzed'. */
export function addJobsOption(cmd: Command, what = 'files processed'): Command {
  return cmd.option('-j, --jobs <n>', `${what} in parallel (default: number of cores)`, parseJobs);
}

export function addFfmpegOption(cmd: Command, needed = 'non-WAV input'): Command {
  return cmd.option('--ffmpeg <path>', `ffmpeg binary for ${needed} (default: SHUB_FFMPEG, config, bundled, PATH)`);
}

const DB_HELP = 'PostgreSQL database (default: SHUB_DATABASE_URL, then config store.url)';

/** `--db` alone: the commands that work on a database, never on the JSON store (`shub db …`). */
export function addDbOption(cmd: Command): Command {
  return cmd.option('--db <url>', DB_HELP);
}

/** `--store-dir` and `--db`: where the run is recorded (or, for history/show, read from). */
export function addStoreOptions(cmd: Command): Command {
  return addDbOption(cmd.option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)'));
}

const NO_STORE_HELP = 'do not record this run (a throwaway check; every run is recorded otherwise)';

/** `--recursive` and `-0/--null` (file arguments: `-` for paths on stdin, folders, quoted globs). */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .option('--recursive', 'a folder argument stands for the audio files below it')
    .option('-0, --null', 'with - (paths from stdin): the paths are NUL-separated (find -print0)');
}

export function addOverwriteOption(cmd: Command, what = 'replace existing outputs'): Command {
  return cmd.option('-y, --overwrite', what);
}

export function addOutputOption(cmd: Command, description: string, options: { required?: boolean } = {}): Command {
  const o = new Option('-o, --output <path>', description);
  if (options.required) o.makeOptionMandatory();
  return cmd.addOption(o);
}

/**
 * The shared options a command takes, as data: `defineCommand` adds them after the command's own
 * options, always in this order and with these words.
 */
export interface SharedOptions {
  /** `-o/--output`: what it names. */
  output?: { description: string; required?: boolean };
  /** `-y/--overwrite`: true for the default words, or what it replaces. */
  overwrite?: true | string;
  /** `--json`: true for one line per input (NDJSON), or what is printed. */
  json?: true | string;
  /** `-j/--jobs`: what runs in parallel, e.g. 'files analyzed'. */
  jobs?: string;
  /** `--ffmpeg`: what ffmpeg is needed for. */
  ffmpeg?: string;
  /** `--recursive` and `-0/--null` for a command whose file arguments may be `-`, folders or globs. */
  inputs?: true;
  /**
   * `--store-dir`, `--db` and `--no-store` (a command that records its run: 'store'), `--store-dir`
   * and `--db` (one that reads the store: 'read'), or `--db` alone ('db').
   */
  store?: 'store' | 'read' | 'db';
}

export function addSharedOptions(cmd: Command, shared: SharedOptions): Command {
  const text = (value: true | string | undefined, fallback?: string) => (value === true ? fallback : value);
  if (shared.output) addOutputOption(cmd, shared.output.description, shared.output);
  if (shared.overwrite) addOverwriteOption(cmd, text(shared.overwrite));
  if (shared.json) addJsonOption(cmd, text(shared.json));
  if (shared.jobs) addJobsOption(cmd, shared.jobs);
  if (shared.ffmpeg) addFfmpegOption(cmd, shared.ffmpeg);
  if (shared.inputs) addInputOptions(cmd);
  if (shared.store === 'store') addStoreOptions(cmd).option('--no-store', NO_STORE_HELP);
  if (shared.store === 'read') addStoreOptions(cmd);
  if (shared.store === 'db') addDbOption(cmd);
  return cmd;
}

/** What each exit code means for one command; the help lists them in order. */
export type ExitCodeHelp = Partial<Record<ExitCode, string>>;

/**
 * The help footer: examples (each a command line a user can paste) and the exit codes. Every
 * command has both; test/commands/cli.test.ts checks it.
 */
export function addExamples(cmd: Command, examples: string[], exitCodes: ExitCodeHelp, note?: string): Command {
  const codes = (Object.entries(exitCodes) as [string, string][])
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([code, what]) => `${code} ${what}`)
    .join(', ');
  const lines = ['', 'Examples:', ...examples.map((e) => `  ${e}`), ''];
  if (note) lines.push(note);
  lines.push(`Exit codes: ${codes}.`);
  return cmd.addHelpText('after', lines.join('\n'));
}

/** `-j/--jobs`: a whole number from 1 to 256. */
export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(`--jobs: expected a whole number from 1 to 256, got '${value}'`);
  return n;
}

/** `-n/--limit`: a whole number of 1 or more. */
export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--limit: expected a whole number of 1 or more, got '${value}'`);
  return n;
}

/** A value that must be one of `choices` (the message lists them). */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got '${value}'`);
  return value as T;
}
