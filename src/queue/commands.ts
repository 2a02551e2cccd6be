/**
 * Queue jobs run the very command functions of the CLI (`analyze`, `validate`, `master`) with
 * plain options. `queue submit` parses a command's options with that command's own definition
 * (same flags, same parsers, same messages), keeps the ones that describe the work (paths made
 * absolute) and drops those of the submitting machine (--json, --jobs, --db, --store-dir, --ffmpeg,
 * and --no-store: a worker records every job); the worker turns those options into the command
 * function's options exactly as the CLI does (`prepareJob`), so a bad option is refused at submit
 * time and never reaches a worker.
 */
import path from 'node:path';
import { formatNamedByOutput, resolveAudioOutput } from '../io/outputs.js';
import { Command, CommanderError } from 'commander';
import type { ShubConfig } from '../config.js';
import { describeError, exitCodeOf, UsageError, type ShubError } from '../errors.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import { redactText } from '../store/redact.js';
import type { Store } from '../store/types.js';
import type { CliContext, CliIo, CommandDefinition } from '../commands/context.js';
import type { MasterFormat } from '../commands/master.js';
import type { JobOutcome, QueueCommand } from './boss.js';

/** Flags of the submitting machine, not of the work: never stored in a job. */
const LOCAL_FLAGS = ['json', 'jobs', 'db', 'storeDir', 'store', 'ffmpeg'];
/** Flags naming files: made absolute at submit. */
const PATH_FLAGS = ['output', 'reference'];

async function definitionOf(command: QueueCommand): Promise<CommandDefinition> {
  if (command === 'master') return (await import('../commands/master.js')).masterCommand;
  if (command === 'validate') return (await import('../commands/validate.js')).validateCommand;
  return (await import('../commands/analyze.js')).analyzeCommand;
}

/** `argv` (options and files after the command name) parsed by the command's own definition. */
export async function parseCommandArgs(
  command: QueueCommand,
  argv: string[],
  io: CliIo,
): Promise<{ files: string[]; flags: Record<string, unknown> }> {
  let captured: unknown[] | undefined;
  let errors = '';
  const program = new Command()
    .name('shub queue submit')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: (s) => (errors += s), outputError: (s, w) => w(s) });
  const ctx: CliContext = {
    io,
    globals: () => ({}),
    argsOf: () => [],
    action:
      () =>
      async (...args: unknown[]) => {
        captured = args;
      },
  };
  (await definitionOf(command)).register(program, ctx);
  try {
    await program.parseAsync([command, ...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError)
      throw new UsageError(`queue submit ${command}: ${errors.trim().replace(/^error: /, '') || err.message}`);
    throw err;
  }
  // analyze's files are optional for `--param list` alone: a job needs one
  if (!captured || (captured[0] as string[]).length === 0)
    throw new UsageError(`queue submit ${command}: no files given`);
  return { files: captured[0] as string[], flags: captured[1] as Record<string, unknown> };
}

/** The options a job stores: the work's flags only, paths absolute (from `cwd`). */
export function jobOptions(command: QueueCommand, flags: Record<string, unknown>, cwd: string) {
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(flags)) {
    if (LOCAL_FLAGS.includes(k) || v === undefined) continue;
    if (k === 'codecCheck' && v === true) continue; // the default of master's --no-codec-check
    options[k] = PATH_FLAGS.includes(k) && typeof v === 'string' ? path.resolve(cwd, v) : v;
  }
  if (command === 'validate' && options.junit !== undefined)
    throw new UsageError('queue submit validate: --junit is not available for queued jobs (one report per job)');
  return options;
}

/** `--param` flags (or a job's stored values) checked: the values that differ from their defaults. */
async function analyzeParams(given: unknown): Promise<Record<string, number>> {
  const [{ resolveParams }, { ANALYZE_PARAMETERS }] = await Promise.all([
    import('../commands/params.js'),
    import('../commands/analyze-post.js'),
  ]);
  return resolveParams(ANALYZE_PARAMETERS, given as string[] | Record<string, unknown> | undefined);
}

/**
 * A job's options in their canonical form: analyze's `--param` flags as the values that differ from their
 * defaults, by name (the order of the flags, `92.0` for `92` and a default given again make no other job; other
 * values do: the singleton key reads them).
 */
export async function canonicalJobOptions(command: QueueCommand, options: Record<string, unknown>) {
  if (command !== 'analyze' || options.param === undefined) return options;
  const { param, ...rest } = options;
  const params = await analyzeParams(param);
  return Object.keys(params).length ? { ...rest, param: params } : rest;
}

/** What a job runs with on this machine. */
export interface JobEnvironment {
  config: ShubConfig;
  configFile: string | null;
  ffmpeg: FfmpegChoice;
}

/** The command function's own options from a job's options; throws UsageError for bad ones. */
export type PreparedJob = (
  file: string,
  context: { store: Store; runId: string; args: string[]; onWarning: (w: string) => void; overwrite?: boolean },
) => Promise<JobOutcome>;

export async function prepareJob(
  command: QueueCommand,
  options: Record<string, unknown>,
  env: JobEnvironment,
  inputCount = 1,
): Promise<PreparedJob> {
  const platforms = async (list: string) => {
    const { loadPlatforms, selectPlatforms } = await import('../recipes/platforms.js');
    return selectPlatforms(await loadPlatforms(env.config.platforms ?? {}, env.configFile), list);
  };
  const base = (file: string, c: Parameters<PreparedJob>[1], errors: (ShubError | Error)[]) => ({
    ffmpeg: env.ffmpeg,
    store: c.store,
    args: c.args,
    runId: c.runId,
    onWarning: c.onWarning,
    files: [file],
    jobs: 1,
    onError: (_f: string, e: ShubError | Error) => errors.push(e),
  });
  const outcome = (exitCode: number, runId: string, errors: Error[]): JobOutcome => ({
    exitCode,
    runId,
    ...(errors[0] ? { message: redactText(describeError(errors[0])) } : {}),
  });
  const guard =
    (work: PreparedJob): PreparedJob =>
    async (file, c) => {
      try {
        return await work(file, c);
      } catch (err) {
        return { exitCode: exitCodeOf(err), runId: c.runId, message: redactText(describeError(err)) };
      }
    };

  if (command === 'master') {
    const m = await import('../commands/master.js');
    const { MASTER_STYLES } = await import('../engines/master/plan.js');
    const { oneOf } = await import('../commands/options.js');
    const style = oneOf('--style', String(options.style), Object.keys(MASTER_STYLES) as (keyof typeof MASTER_STYLES)[]);
    const format =
      options.format === undefined
        ? undefined
        : oneOf('--format', String(options.format), Object.keys(m.MASTER_FORMATS) as MasterFormat[]);
    if (!options.target && !options.reference)
      throw new UsageError(
        'name the delivery targets with --target (e.g. --target spotify,apple-music,cd) or give --reference',
      );
    const targets = options.target ? await platforms(String(options.target)) : [];
    const given = options.output as string | undefined;
    // one job masters one file: `-o out` read for the whole batch (a folder when it writes several) stays that
    const output =
      given !== undefined &&
      !given.endsWith('/') &&
      resolveAudioOutput(given, {
        count: inputCount * Math.max(1, targets.length),
        defaultFormat: 'wav',
        command: 'master',
      }).kind === 'folder'
        ? `${given}/`
        : given;
    const specs = targets.map((t) =>
      m.targetSpecFor(t, format ?? formatNamedByOutput(output, inputCount * targets.length)),
    );
    // -o naming one file is for one input and one target (checked for the whole batch at submit)
    if (output !== undefined) m.outputPaths(path.join(path.sep, 'input.wav'), specs, output, inputCount);
    return guard(async (file, c) => {
      const errors: Error[] = [];
      const done = await m.master({
        ...base(file, c, errors),
        targets,
        ...(options.reference ? { reference: String(options.reference) } : {}),
        style,
        ...(output ? { output } : {}),
        ...(format ? { format } : {}),
        overwrite: Boolean(options.overwrite) || Boolean(c.overwrite),
        noiseShaping: Boolean(options.noiseShaping),
        multiband: Boolean(options.multiband),
        codecCheck: options.codecCheck !== false,
      });
      return outcome(done.exitCode, c.runId, errors);
    });
  }
  if (command === 'validate') {
    const { validate } = await import('../commands/validate.js');
    const list = await platforms(String(options.platform));
    return guard(async (file, c) => {
      const errors: Error[] = [];
      const done = await validate({
        ...base(file, c, errors),
        platforms: list,
        codecCheck: Boolean(options.codecCheck),
      });
      return outcome(done.exitCode, c.runId, errors);
    });
  }
  const { analyze, parseFeatures } = await import('../commands/analyze.js');
  const features = parseFeatures(String(options.features));
  const params = await analyzeParams(options.param);
  return guard(async (file, c) => {
    const errors: Error[] = [];
    const done = await analyze({ ...base(file, c, errors), features, curves: Boolean(options.curves), params });
    return outcome(done.exitCode, c.runId, errors);
  });
}
