/**
 * The command line: declares every working command with commander and lazy-imports the command
 * function that does the work. Returns the exit code; only bin/shub.js exits.
 */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, describeError, exitCodeOf, UsageError, EnvironmentError } from './errors.js';
import { shubVersion } from './store/run.js';
import type { ShubConfig } from './config.js';
import type { Store } from './store/types.js';

interface GlobalOptions {
  config?: string;
  debug?: boolean;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs: expected a whole number from 1 to 256, got '${value}'`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let exitCode: number = ExitCode.ok;
  const writeErr = (s: string) => process.stderr.write(s);

  program
    .name('shub')
    .description('Audio production toolkit: loudness analysis with a native DSP core')
    .version(shubVersion(), '-V, --version')
    .option('--config <file>', 'config file to use instead of searching for shub.config.* / .shubrc')
    .option('--debug', 'show stack traces on errors')
    .showHelpAfterError('(run `shub --help` for usage)')
    .configureOutput({ writeErr, outputError: (str, write) => write(str) })
    .exitOverride();

  const { ANALYZE_FEATURES } = await import('./commands/analyze.js');
  program
    .command('analyze')
    .description('measure loudness (EBU R128 / BS.1770-4), true peak, LRA and level statistics')
    .argument('<files...>', 'audio files: WAV (PCM/float, RF64), FLAC, MP3, AAC/M4A, Ogg/Opus, AIFF')
    .addOption(
      new Option('--features <list>', `comma-separated: ${Object.entries(ANALYZE_FEATURES).map(([k, v]) => `${k} (${v})`).join('; ')}`).default(Object.keys(ANALYZE_FEATURES).join(',')),
    )
    .option('--json', 'print one JSON object per file per line (NDJSON) instead of a table')
    .option('--curves', 'add momentary and short-term loudness series (100 ms hop)')
    .option('-j, --jobs <n>', 'files analyzed in parallel (default: number of cores)', parseJobs)
    .option('--ffmpeg <path>', 'ffmpeg binary for non-WAV input (default: SHUB_FFMPEG, config, bundled, PATH)')
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .addHelpText(
      'after',
      '\nExamples:\n  shub analyze mix.wav\n  shub analyze album/*.flac --json | jq .levels.integratedLufs\n  shub analyze take.wav --curves --json > take.json\n\nExit codes: 0 ok, 2 usage/config, 3 unreadable input (others still analyzed), 4 missing ffmpeg, 5 internal.',
    )
    .action(async (files: string[], opts: { features: string; json?: boolean; curves?: boolean; jobs?: number; ffmpeg?: string; storeDir?: string }) => {
      const globals = program.opts<GlobalOptions>();
      exitCode = await runAnalyze(files, opts, globals, argv);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    const debug = program.opts<GlobalOptions>().debug ?? argv.includes('--debug');
    process.stderr.write(`error: ${describeError(err, debug)}\n`);
    return exitCodeOf(err);
  }
  return exitCode;
}

async function runAnalyze(
  files: string[],
  opts: { features: string; json?: boolean; curves?: boolean; jobs?: number; ffmpeg?: string; storeDir?: string },
  globals: GlobalOptions,
  argv: string[],
): Promise<number> {
  const [{ analyze, parseFeatures }, { loadConfig }, { resolveFfmpeg }, { formatAnalyzeText }] = await Promise.all([
    import('./commands/analyze.js'),
    import('./config.js'),
    import('./io/ffmpeg.js'),
    import('./ui/analyze-text.js'),
  ]);
  const features = parseFeatures(opts.features);
  const { config } = await loadConfig(process.cwd(), globals.config);
  const store = await openStoreForCli(opts.storeDir, config);
  const ffmpeg = resolveFfmpeg(opts.ffmpeg, config.ffmpeg.path);

  // ink takes ~0.4 s to load: start working at once and attach the bars when it is ready
  const progress = process.stderr.isTTY ? lazyProgress(files.length) : undefined;
  let first = true;
  try {
    const outcome = await analyze({
      files,
      features,
      curves: opts.curves ?? false,
      jobs: opts.jobs ?? config.jobs,
      ffmpeg,
      store,
      args: ['analyze', ...argv.slice(argv.indexOf('analyze') + 1)],
      onResult: (r) => {
        if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        else {
          process.stdout.write(`${first ? '' : '\n'}${formatAnalyzeText(r)}\n`);
          first = false;
        }
      },
      onError: (file, e) => {
        progress?.update(file, 1);
        process.stderr.write(`error: ${describeError(e, globals.debug)}\n`);
      },
      onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
      ...(progress ? { onProgress: (file: string, fraction: number) => progress.update(file, fraction) } : {}),
    });
    return outcome.exitCode;
  } finally {
    await progress?.stop();
  }
}

/** Progress that records updates until the ink view has loaded, then renders them. */
function lazyProgress(total: number) {
  const latest = new Map<string, number>();
  let view: { update(file: string, fraction: number): void; stop(): void } | undefined;
  let stopped = false;
  const ready = import('./ui/progress.js').then((m) => {
    if (stopped) return;
    view = m.startProgress(total, process.stderr);
    for (const [file, fraction] of latest) view.update(file, fraction);
  });
  return {
    update(file: string, fraction: number) {
      if (view) view.update(file, fraction);
      else latest.set(file, fraction);
    },
    async stop() {
      stopped = true;
      await ready.catch(() => undefined);
      view?.stop();
    },
  };
}

/**
 * The run store for this invocation, checked before any audio is processed: a run is never done
 * without its record (SPEC §3).
 */
async function openStoreForCli(storeDirFlag: string | undefined, config: ShubConfig): Promise<Store> {
  const dir = storeDirFlag ?? config.store.dir;
  await ensureWritable(dir);
  const { JsonStore } = await import('./store/json.js');
  return new JsonStore(dir);
}

async function ensureWritable(dir: string): Promise<void> {
  const { mkdir, access, constants } = await import('node:fs/promises');
  const path = await import('node:path');
  try {
    await mkdir(path.join(dir, 'runs'), { recursive: true });
    await access(path.join(dir, 'runs'), constants.W_OK);
  } catch (err) {
    throw new EnvironmentError(`run store ${dir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); fix its permissions or set --store-dir / config store.dir`);
  }
}
