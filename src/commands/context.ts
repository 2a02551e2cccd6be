/**
 * The command-line glue every command uses, written once: load the config → resolve ffmpeg →
 * open the run store before any audio is read (a named database that is unreachable fails here,
 * exit 4) → lazy ink progress only when stderr is a TTY → each result to stdout (NDJSON with
 * --json, text otherwise) and each error to stderr, redacted, one line (with --json also its own
 * `{"file","error"}` line on stdout) → progress and store closed in `finally`.
 *
 * Commands declare themselves with `defineCommand` (src/commands/<name>.ts); src/cli.ts registers
 * them. Nothing here exits the process: actions return the exit code.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { describeError, exitCodeOf, ExitCode, type ShubError } from '../errors.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import type { ShubConfig } from '../config.js';
import type { RunRecord, SaveOptions, Store } from '../store/types.js';
import { redactText } from '../store/redact.js';
import { oneLine, textOnly } from '../io/names.js';
import { setReadWarningSink } from '../io/verdict.js';
import { shubVersion, uuidv7 } from '../store/run.js';
import type { BatchContext, Envelope, RunContext } from './batch.js';
import type { AudioOutputFormat, AudioOutputRules, StdoutAudio } from '../io/outputs.js';
import {
  addExamples,
  addSharedOptions,
  type ExitCodeHelp,
  type FfmpegFlag,
  type InputFlags,
  type JobsFlag,
  type JsonFlag,
  type SharedOptions,
  type StoreFlags,
} from './options.js';

/** Where a command reads and writes: the process's streams in the CLI, buffers in tests. */
export interface CliIo {
  /** Results; also audio and reports sent to stdout with `-o -` (bytes). */
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Read for a `-` file argument (paths from stdin); absent: `-` is a usage error. */
  stdin?: AsyncIterable<Buffer | string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** `shub --config FILE --debug …`: options of the root command. */
export interface GlobalOptions {
  config?: string;
  /** Let a config found by searching name programs (ffmpeg.path, reaper.path) and load script configs. */
  trustConfig?: boolean;
  debug?: boolean;
  /** `--quiet`: print nothing but errors (no results, warnings or progress). */
  quiet?: boolean;
}

/** What a command's registration gets from the CLI. */
export interface CliContext {
  io: CliIo;
  /** The root command's options, read when an action runs. */
  globals(): GlobalOptions;
  /** The command line from `command` on, for the run record. */
  argsOf(command: string): string[];
  /** Wraps an action returning an exit code into a commander action. */
  action<A extends unknown[]>(run: (...args: A) => Promise<number>): (...args: A) => Promise<void>;
}

/**
 * A command as data: what `shub <name> --help` shows and the function its action runs. The
 * typed command function is called by `run` with parsed flags; no argv below this point.
 */
export interface CommandSpec {
  name: string;
  description: string;
  /** Positional arguments: [`<files...>`, what they are]. */
  arguments?: [string, string][];
  /** The command's own options (the shared ones come from `shared`). */
  options?: (cmd: Command) => unknown;
  shared?: SharedOptions;
  /** Command lines a user can paste; each starts with `shub <name>`. */
  examples: string[];
  exitCodes: ExitCodeHelp;
  note?: string;
  subcommands?: CommandSpec[];
  /** The action: positional arguments then the flags, as commander parsed them; returns the exit code. */
  run?: (ctx: CliContext, ...args: never[]) => Promise<number>;
}

/** One command module's entry for the registry in src/cli.ts. */
export interface CommandDefinition {
  name: string;
  /** Adds the command (its arguments, options, help with examples and exit codes) to `parent`. */
  register(parent: Command, ctx: CliContext): Command;
}

export function defineCommand(spec: CommandSpec): CommandDefinition {
  return {
    name: spec.name,
    register(parent, ctx) {
      const cmd = parent.command(spec.name).description(spec.description);
      for (const [name, what] of spec.arguments ?? []) cmd.argument(name, what);
      spec.options?.(cmd);
      addSharedOptions(cmd, spec.shared ?? {});
      addExamples(cmd, spec.examples, spec.exitCodes, spec.note);
      for (const sub of spec.subcommands ?? []) defineCommand(sub).register(cmd, ctx);
      const run = spec.run as ((ctx: CliContext, ...args: unknown[]) => Promise<number>) | undefined;
      // commander passes the positional arguments, the options, then the command itself
      if (run) cmd.action(ctx.action((...args: unknown[]) => run(ctx, ...args.slice(0, -1))));
      return cmd;
    },
  };
}

/** The CLI context over `io`; `exitCode` holds what the last action returned. */
export function cliContext(program: Command, argv: string[], io: CliIo): CliContext & { exitCode: number } {
  const ctx = {
    io,
    exitCode: ExitCode.ok as number,
    globals: () => program.opts<GlobalOptions>(),
    argsOf: (command: string) => [command, ...argv.slice(argv.indexOf(command) + 1)],
    action:
      <A extends unknown[]>(run: (...args: A) => Promise<number>) =>
      async (...args: A) => {
        ctx.exitCode = await run(...args);
      },
  };
  return ctx;
}

/** The one-line error text of SPEC §3 (stack only with --debug), with any database password hidden. */
export function errorLine(err: unknown, debug = false): string {
  const text = redactText(describeError(err, debug));
  // one line whatever a file name holds (stack traces with --debug keep their lines)
  return `error: ${debug && err instanceof Error && err.stack ? text : oneLine(text)}\n`;
}

/** How results are printed without --json. */
export interface TextFormat<R> {
  format: (result: R) => string;
  /** Put a blank line between results (multi-line reports). */
  blankLineBetween?: boolean;
}

/**
 * stdout and stderr of one invocation. With --json every result is one line and every failed
 * input gets `{"file","error":{"code","message"},"runId","shubVersion"}`; errors also go to stderr.
 */
export class Output<R> {
  private first = true;
  /** stdout was closed by its reader (`shub … | head`): results stop quietly, the work and its run record go on. */
  private closed = false;

  constructor(
    private readonly io: CliIo,
    private readonly json: boolean,
    private readonly text: TextFormat<R>,
    private readonly runId: string,
    private readonly debug: boolean,
    /** Options: `quiet` prints errors only; `resultsOnStderr` when stdout carries audio or a report (`-o -`). */
    private readonly mode: { quiet?: boolean; resultsOnStderr?: boolean } = {},
  ) {
    if (mode.resultsOnStderr) this.out = (text) => this.io.stderr.write(text);
    (io.stdout as Partial<NodeJS.EventEmitter>).on?.('error', this.onStdoutError);
  }

  private readonly onStdoutError = (err: NodeJS.ErrnoException): void => {
    if (err.code !== 'EPIPE' && !this.closed)
      this.io.stderr.write(`warning: stdout failed (${err.code ?? err.message})\n`);
    this.closed = true;
  };

  /** The invocation is over: stop listening on stdout, which outlives it (runs in one process). */
  dispose(): void {
    (this.io.stdout as Partial<NodeJS.EventEmitter>).off?.('error', this.onStdoutError);
  }

  /** Where lines go: the streams, or around a progress display on the same terminal (`showingProgress`). */
  private out: (text: string) => unknown = (text) => this.io.stdout.write(text);
  private err = (text: string): unknown => this.io.stderr.write(text);

  /** Progress is drawn on the terminal: results and errors go out through it, never behind its back. */
  showingProgress(progress: Pick<ProgressView, 'writeResults' | 'writeStream'>): void {
    this.out = this.mode.resultsOnStderr ? (text) => progress.writeStream(text) : (text) => progress.writeResults(text);
    this.err = (text) => progress.writeStream(text);
  }

  private write(text: string): void {
    if (!this.closed && !this.mode.quiet) this.out(text);
  }

  result(result: R): void {
    if (this.json) this.write(`${JSON.stringify(result)}\n`);
    else {
      const gap = this.first || !this.text.blankLineBetween ? '' : '\n';
      // names are quoted by the formats; any other control character (an ANSI escape in a strip name) is shown escaped
      this.write(`${gap}${textOnly(this.text.format(result))}\n`);
    }
    this.first = false;
  }

  /** Several results: with --json one line each, otherwise `table` of them all (history). */
  list(results: R[], table: (results: R[]) => string): void {
    if (this.json) for (const r of results) this.result(r);
    else this.write(`${textOnly(table(results))}\n`);
  }

  /** A failed input: one line on stderr; with --json also its line on stdout. */
  error(file: string, err: unknown): void {
    this.err(errorLine(err, this.debug));
    if (!this.json) return;
    const code = exitCodeOf(err);
    const line: { file: string; error: { code: string; exitCode: number; message: string } } & Envelope = {
      file,
      error: { code: ERROR_CODES[code], exitCode: code, message: redactText(describeError(err)) },
      runId: this.runId,
      shubVersion: shubVersion(),
    };
    this.write(`${JSON.stringify(line)}\n`);
  }

  warning(message: string): void {
    if (!this.mode.quiet) this.err(`warning: ${oneLine(message)}\n`);
  }
}

/** The `error.code` of a --json error line, by exit code. */
export const ERROR_CODES: Record<ExitCode, string> = {
  0: 'ok',
  1: 'check-failed',
  2: 'usage',
  3: 'unreadable-input',
  4: 'environment',
  5: 'internal',
};

interface ProgressView {
  update(file: string, fraction: number): void;
  /** A result line for stdout, written around the progress frame (which shares the terminal). */
  writeResults(text: string): void;
  /** An error or warning line for stderr, written around the progress frame. */
  writeStream(text: string): void;
  stop(): Promise<void>;
}

/** Progress that records updates until the ink view has loaded (~0.4 s), then renders them. */
function lazyProgress(total: number, stream: NodeJS.WriteStream, results: NodeJS.WritableStream): ProgressView {
  const latest = new Map<string, number>();
  let view: (Omit<ProgressView, 'stop'> & { stop(): void }) | undefined;
  let stopped = false;
  const ready = import('../ui/progress.js').then((m) => {
    if (stopped) return;
    view = m.startProgress(total, stream, results);
    for (const [file, fraction] of latest) view.update(file, fraction);
  });
  return {
    update(file, fraction) {
      if (view) view.update(file, fraction);
      else latest.set(file, fraction);
    },
    writeResults(text) {
      if (view && !stopped) view.writeResults(text);
      else results.write(text);
    },
    writeStream(text) {
      if (view && !stopped) view.writeStream(text);
      else stream.write(text);
    },
    async stop() {
      stopped = true;
      await ready.catch(() => undefined);
      view?.stop();
    },
  };
}

/** One invocation's config, ffmpeg, store, run id and output; closed by `withSession`. */
export class Session {
  readonly runId = uuidv7();
  private store_: Store | undefined;
  private progress_: ProgressView | undefined;
  private stopOnInterrupt: (() => void) | undefined;
  /** stdout carries data (audio or a report for `-o -`, `--junit -`): results go to stderr. */
  private stdoutTaken = false;
  /** The single audio output bound for stdout (`-o -`), written to a temporary file first. */
  private audio: StdoutAudio | undefined;
  /** The outputs handed out, disposed on close. */
  private readonly outputs: { dispose(): void }[] = [];
  /** Every config file applied (user-level first) and which one set each `platforms.<id>.<field>`. */
  configFiles: string[] = [];
  platformSources: Record<string, Record<string, string>> = {};

  private constructor(
    readonly ctx: CliContext,
    readonly command: string,
    readonly config: ShubConfig,
    /** The config file used, or null for the defaults. */
    readonly configFile: string | null,
    readonly ffmpeg: FfmpegChoice,
  ) {}

  static async start(ctx: CliContext, command: string, flags: FfmpegFlag): Promise<Session> {
    const [{ loadConfig }, { resolveFfmpeg }] = await Promise.all([import('../config.js'), import('../io/ffmpeg.js')]);
    const { config: file, debug, trustConfig } = ctx.globals();
    const loaded = await loadConfig(ctx.io.cwd, file, { trust: trustConfig ?? false, env: ctx.io.env });
    const { config, filepath } = loaded;
    const ffmpeg = resolveFfmpeg(flags.ffmpeg, config.ffmpeg.path, ctx.io.env, filepath);
    if (debug) ctx.io.stderr.write(`debug: ffmpeg ${ffmpeg.path} (from ${ffmpeg.source})\n`); // issue 18 point 13
    const session = new Session(ctx, command, config, filepath, ffmpeg);
    session.configFiles = loaded.files;
    session.platformSources = loaded.platformSources;
    return session;
  }

  get debug(): boolean {
    return this.ctx.globals().debug ?? false;
  }

  get quiet(): boolean {
    return this.ctx.globals().quiet ?? false;
  }

  /** stdout will carry an audio file or a report (`-o -`): results and error lines go to stderr. */
  stdoutCarriesData(): void {
    this.stdoutTaken = true;
  }

  /**
   * What `-o` names for a command writing `rules.count` audio files (src/io/outputs.ts): the path to
   * hand the command function (a folder, a file, or for `-o -` a temporary file sent to stdout by
   * `sendAudio`) and the format an extension or `--format` picked.
   */
  async audioOutput(
    output: string,
    rules: AudioOutputRules & { inputs?: string[] },
  ): Promise<{ output: string; format: AudioOutputFormat | undefined }> {
    const { isStdout, namesFolder, OutputPlan, resolveAudioOutput, StdoutAudio } = await import('../io/outputs.js');
    // an input named as the output is refused as such first (the command checks every output again)
    if (rules.inputs && !isStdout(output) && !namesFolder(output))
      new OutputPlan(rules.inputs, true).claim(output, 'output');
    const target = resolveAudioOutput(output, rules);
    if (target.kind === 'folder') return { output: target.dir, format: target.format };
    if (target.kind === 'file') return { output: target.path, format: target.format };
    this.stdoutCarriesData();
    this.audio = await StdoutAudio.create(target.format);
    return { output: this.audio.path, format: target.format };
  }

  /**
   * `-o` of a command writing one audio file from `input` (mix, render): a folder gets
   * `<input name>.<ext>` in it; returns the path to write (a temporary one for `-o -`).
   */
  async oneAudioOutput(
    output: string,
    input: string,
    command: string,
    supported?: readonly AudioOutputFormat[],
  ): Promise<string> {
    const chosen = await this.audioOutput(output, {
      inputs: [input],
      count: 1,
      defaultFormat: 'wav',
      command,
      ...(supported ? { supported } : {}),
    });
    const { namesFolder, isStdout, AUDIO_OUTPUT_FORMATS } = await import('../io/outputs.js');
    if (isStdout(output) || !namesFolder(output)) return chosen.output;
    const extension = AUDIO_OUTPUT_FORMATS[chosen.format ?? 'wav'].extension;
    return path.join(chosen.output, `${path.basename(input, path.extname(input))}.${extension}`);
  }

  /** After the run: a successful run's `-o -` audio goes to stdout (a failed one sends nothing). */
  async sendAudio(exitCode: number): Promise<number> {
    if (this.audio && exitCode === ExitCode.ok) await this.audio.send(this.ctx.io.stdout);
    return exitCode;
  }

  /** A result as printed: a `-o -` temporary path is shown as `-`. */
  private shown<R>(result: R): R {
    return this.audio ? this.audio.shown(result) : result;
  }

  /** The input files the arguments name (`-`, folders with --recursive, quoted globs: src/io/inputs.ts). */
  async inputs(files: string[], flags: InputFlags): Promise<string[]> {
    const { expandInputs, readAll } = await import('../io/inputs.js');
    const stdin = this.ctx.io.stdin;
    return expandInputs(files, {
      recursive: flags.recursive ?? false,
      nul: flags.null ?? false,
      cwd: this.ctx.io.cwd,
      ...(stdin ? { readStdin: () => readAll(stdin) } : {}),
    });
  }

  /**
   * The run store (--db > SHUB_DATABASE_URL > config store.url > the JSON folder), opened and
   * checked now, before any audio is read: a run is never done without its record (SPEC §3).
   */
  async openStore(flags: StoreFlags, mode: 'write' | 'read' = 'write'): Promise<Store> {
    const [{ openStore }, { onInterrupt }, { unfinishedRuns }] = await Promise.all([
      import('../store/open.js'),
      import('../interrupt.js'),
      import('../store/run.js'),
    ]);
    if (flags.store === false) {
      // --no-store (only the commands that record a run take it)
      const { NoStore } = await import('../store/none.js');
      this.store_ = new NoStore();
      return this.store_;
    }
    this.store_ = await openStore({
      dbUrl: flags.db,
      storeDir: flags.storeDir ?? this.config.store.dir,
      config: this.config,
      env: this.ctx.io.env,
      mode,
    });
    const audio = this.audio;
    if (audio) {
      // `-o -`: the run records its output as `-`, not the temporary file it was written to
      this.store_ = new Proxy(this.store_, {
        get(target, key) {
          if (key === 'saveRun')
            return (run: RunRecord, options?: SaveOptions) => target.saveRun(audio.shown(run), options);
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }
    const store = this.store_;
    // SIGINT/SIGTERM: the unfinished run is recorded as interrupted (its temporaries are already gone)
    this.stopOnInterrupt = onInterrupt(async (_signal, exitCode) => {
      for (const run of unfinishedRuns()) await store.saveRun(run.finish(exitCode, true)).catch(() => undefined);
    });
    return this.store_;
  }

  /** stdout/stderr for this invocation's results. */
  output<R>(flags: JsonFlag, text: TextFormat<R>): Output<R> {
    const output = new Output<R>(this.ctx.io, flags.json ?? false, text, this.runId, this.debug, {
      quiet: this.quiet,
      resultsOnStderr: this.stdoutTaken,
    });
    this.outputs.push(output);
    return output;
  }

  /** The plain run options every command function takes (the store must be open). */
  runContext(output: { warning(message: string): void }): Required<RunContext> {
    if (!this.store_) throw new Error('internal: the store is opened before the command runs');
    setReadWarningSink((w) => output.warning(w)); // what openAudio finds while reading (src/io/verdict.ts)
    return {
      ffmpeg: this.ffmpeg,
      store: this.store_,
      args: this.ctx.argsOf(this.command),
      runId: this.runId,
      onWarning: (w) => output.warning(w),
    };
  }

  /**
   * A batch command's context, with the store opened first: each result printed as it comes,
   * each failed input reported, progress on a TTY, --jobs (or config jobs) applied.
   */
  async batch<R>(
    args: string[],
    flags: JsonFlag & JobsFlag & StoreFlags & InputFlags,
    text: TextFormat<R>,
  ): Promise<BatchContext<R>> {
    const files = await this.inputs(args, flags);
    await this.openStore(flags);
    const output = this.output(flags, text);
    const stream = this.ctx.io.stderr as NodeJS.WriteStream;
    this.progress_ =
      stream.isTTY && !this.quiet
        ? lazyProgress(files.length, stream, this.ctx.io.stdout as NodeJS.WritableStream)
        : undefined;
    const progress = this.progress_;
    if (progress) output.showingProgress(progress);
    const jobs = flags.jobs ?? this.config.jobs;
    return {
      ...this.runContext(output),
      files,
      ...(jobs ? { jobs } : {}),
      onResult: (r) => output.result(this.shown(r as R)),
      onError: (file: string, e: ShubError | Error) => {
        progress?.update(file, 1);
        output.error(file, e);
      },
      ...(progress ? { onProgress: (file: string, fraction: number) => progress.update(file, fraction) } : {}),
    };
  }

  /**
   * A single-input command (mix, render), with the store opened first: its result printed, or its
   * failure reported as that input's error (stderr; with --json also a line on stdout) and
   * returned as the exit code.
   */
  async one<R>(
    file: string,
    flags: JsonFlag & StoreFlags,
    text: TextFormat<R>,
    work: (context: Required<RunContext>) => Promise<R>,
  ): Promise<number> {
    await this.openStore(flags);
    const output = this.output(flags, text);
    let result: R;
    try {
      result = await work(this.runContext(output));
    } catch (err) {
      output.error(file, err);
      return exitCodeOf(err);
    }
    output.result(this.shown(result));
    return ExitCode.ok;
  }

  async close(): Promise<void> {
    for (const output of this.outputs) output.dispose();
    await this.audio?.dispose();
    this.stopOnInterrupt?.();
    await this.progress_?.stop();
    await this.store_?.close();
  }
}

/** Starts a session, runs `work`, and closes progress and store whatever happens. */
export async function withSession(
  ctx: CliContext,
  command: string,
  flags: FfmpegFlag,
  work: (s: Session) => Promise<number>,
): Promise<number> {
  const session = await Session.start(ctx, command, flags);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
