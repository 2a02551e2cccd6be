/**
 * The command line: declares every working command with commander and lazy-imports the command
 * function that does the work. Returns the exit code; only bin/shub.js exits.
 */
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, describeError, exitCodeOf, UsageError } from './errors.js';
import { shubVersion } from './store/run.js';
import { redactText } from './store/redact.js';
import type { ShubConfig } from './config.js';
import type { Store } from './store/types.js';

interface GlobalOptions {
  config?: string;
  debug?: boolean;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(`--jobs: expected a whole number from 1 to 256, got '${value}'`);
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
      new Option(
        '--features <list>',
        `comma-separated: ${Object.entries(ANALYZE_FEATURES)
          .map(([k, v]) => `${k} (${v})`)
          .join('; ')}`,
      ).default(Object.keys(ANALYZE_FEATURES).join(',')),
    )
    .option('--json', 'print one JSON object per file per line (NDJSON) instead of a table')
    .option('--curves', 'add momentary and short-term loudness series (100 ms hop)')
    .option('-j, --jobs <n>', 'files analyzed in parallel (default: number of cores)', parseJobs)
    .option('--ffmpeg <path>', 'ffmpeg binary for non-WAV input (default: SHUB_FFMPEG, config, bundled, PATH)')
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .option(
      '--db <url>',
      'record the run in this PostgreSQL database instead (default: SHUB_DATABASE_URL, config store.url)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  shub analyze mix.wav\n  shub analyze album/*.flac --json | jq .levels.integratedLufs\n  shub analyze take.wav --curves --json > take.json\n  shub analyze stems/*.wav --db postgres://shub@db.studio/shub\n\nExit codes: 0 ok, 2 usage/config, 3 unreadable input (others still analyzed), 4 missing ffmpeg or database unreachable/not migrated, 5 internal.',
    )
    .action(
      async (
        files: string[],
        opts: {
          features: string;
          json?: boolean;
          curves?: boolean;
          jobs?: number;
          ffmpeg?: string;
          storeDir?: string;
          db?: string;
        },
      ) => {
        const globals = program.opts<GlobalOptions>();
        exitCode = await runAnalyze(files, opts, globals, argv);
      },
    );

  program
    .command('validate')
    .description(
      'check files against delivery specs (loudness, true peak, LRA, format, clipping, DC, silence, mono) for CI',
    )
    .argument('<files...>', 'audio files to check')
    .requiredOption(
      '-p, --platform <list>',
      'comma-separated targets from presets/platforms.yaml or your config, e.g. spotify,apple-music,ebu-r128',
    )
    .option('--json', 'print one JSON object per file per line (NDJSON)')
    .option('--junit <file>', 'also write a JUnit XML report (one testcase per file × platform × check)')
    .option('--codec-check', 'also check the true peak after AAC 256k / MP3 320k / Opus encode-decode round trips')
    .option('-j, --jobs <n>', 'files checked in parallel (default: number of cores)', parseJobs)
    .option('--ffmpeg <path>', 'ffmpeg binary for non-WAV input and codec checks')
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .option(
      '--db <url>',
      'record the run in this PostgreSQL database instead (default: SHUB_DATABASE_URL, config store.url)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  shub validate master.wav --platform spotify,apple-music\n  shub validate deliverables/*.wav --platform ebu-r128 --junit reports/loudness.xml\n  shub validate album/*.flac --platform spotify --codec-check --json\n\nExit codes: 0 all checks pass, 1 a check failed, 2 unknown platform or bad config, 3 unreadable input (others still checked), 4 missing ffmpeg or database unreachable/not migrated.',
    )
    .action(async (files: string[], opts: ValidateCliOptions) => {
      exitCode = await runValidate(files, opts, program.opts<GlobalOptions>(), argv);
    });

  program
    .command('master')
    .description(
      'master mixes to delivery targets: chain planned from the analysis, loudness iterated until the written files measure on target',
    )
    .argument('<files...>', 'mixes to master (WAV/FLAC/MP3/AAC/Opus/AIFF)')
    .option(
      '-t, --target <list>',
      'comma-separated targets from presets/platforms.yaml or your config, e.g. spotify,apple-music,cd',
    )
    .option('-r, --reference <file>', 'match this reference master: mid/side tonal balance, width and loudness')
    .option('-s, --style <style>', 'transparent (gain + true-peak limiting only) | balanced | loud', 'balanced')
    .option(
      '-o, --output <path>',
      'folder for the masters (named <mix>.<target>.<ext>), or a file for one mix and one target (default: beside the mix)',
    )
    .option(
      '-f, --format <format>',
      "deliver every target as wav | flac | mp3 | aac | opus (default: each target's own format)",
    )
    .option(
      '--noise-shaping',
      "shape the 16-bit dither noise away from the ear's most sensitive band (F-weighted error feedback)",
    )
    .option('--multiband', 'add three-band compression (200 Hz / 3 kHz crossovers) after the glue compressor')
    .option('-y, --overwrite', 'replace existing outputs')
    .option('--json', 'print one JSON object per mix per line (NDJSON)')
    .option('-j, --jobs <n>', 'mixes mastered in parallel (default: number of cores)', parseJobs)
    .option('--ffmpeg <path>', 'ffmpeg binary for non-WAV input and FLAC/MP3/AAC/Opus output')
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .option(
      '--db <url>',
      'record the run in this PostgreSQL database instead (default: SHUB_DATABASE_URL, config store.url)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  shub master mix.wav --target spotify,apple-music,cd -o masters/\n  shub master album/*.wav --target spotify --json > report.ndjson\n  shub master mix.wav --reference ref.wav -o mix.matched.wav\n\nExit codes: 0 every target met, 1 a target could not be met within the style (reported, no file), 2 usage/config error or existing output without -y, 3 unreadable input, 4 missing ffmpeg or database unreachable.',
    )
    .action(async (files: string[], opts: MasterCliOptions) => {
      exitCode = await runMaster(files, opts, program.opts<GlobalOptions>(), argv);
    });

  // ---- mix and render (src/commands/mix.ts, render.ts hold the glue) ---------------------------
  program
    .command('mix')
    .description('render a multitrack mix from a YAML recipe (gain, pan, EQ, dynamics, buses, sends, automation)')
    .argument('<recipe>', 'mix recipe (YAML, SPEC §7b); stem paths are relative to it')
    .requiredOption('-o, --output <file>', 'the mix: 32-bit float WAV')
    .option('--rpp <file>', 'also write a REAPER session playing printed stems (written to <session>-stems/)')
    .option('--json', 'print the result as one JSON object')
    .option('-y, --overwrite', 'replace existing outputs')
    .option('--ffmpeg <path>', 'ffmpeg binary for non-WAV stems')
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .option('--db <url>', 'record the run in this PostgreSQL database instead')
    .addHelpText(
      'after',
      '\nExamples:\n  shub mix song.yaml -o mix.wav\n  shub mix song.yaml -o mix.wav --rpp session/song.rpp --json | jq .levels\n\nExit codes: 0 ok, 2 recipe error (file:line key), 3 unreadable stem, 4 missing ffmpeg or database, 5 internal.',
    )
    .action(async (recipe: string, opts: import('./commands/mix.js').MixCliOptions) => {
      const { mixCli } = await import('./commands/mix.js');
      exitCode = await mixCli(recipe, opts, program.opts<GlobalOptions>().config, [
        'mix',
        ...argv.slice(argv.indexOf('mix') + 1),
      ]);
    });
  program
    .command('render')
    .description('render a session (mix recipe or REAPER .RPP) natively or through a headless REAPER')
    .argument('<session>', 'a mix recipe (.yaml) or a REAPER project (.rpp)')
    .requiredOption('-o, --output <file>', 'the rendered WAV')
    .option('--backend <name>', 'native (recipes and plugin-free RPP) or reaper', 'native')
    .option('--reaper <path>', 'REAPER binary (default: SHUB_REAPER, config reaper.path, PATH)')
    .option('--timeout <seconds>', 'give up on REAPER after this long', '600')
    .option('--json', 'print the result as one JSON object')
    .option('-y, --overwrite', 'replace an existing output')
    .option('--ffmpeg <path>', 'ffmpeg binary for non-WAV sources')
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .option('--db <url>', 'record the run in this PostgreSQL database instead')
    .addHelpText(
      'after',
      '\nExamples:\n  shub render song.yaml -o mix.wav\n  shub render session.rpp -o check.wav\n  shub render session.rpp -o final.wav --backend reaper --reaper /opt/REAPER/reaper\n\nExit codes: 0 ok, 2 bad session or something the native backend cannot render (use --backend reaper), 3 unreadable source, 4 REAPER/ffmpeg/database missing, 5 internal.',
    )
    .action(async (session: string, opts: import('./commands/render.js').RenderCliOptions) => {
      const { renderCli } = await import('./commands/render.js');
      exitCode = await renderCli(session, opts, program.opts<GlobalOptions>().config, [
        'render',
        ...argv.slice(argv.indexOf('render') + 1),
      ]);
    });

  // ---- the run store: PostgreSQL schema, history and the decision log --------------------------
  const dbHelp = 'PostgreSQL database (default: SHUB_DATABASE_URL, then config store.url)';
  const db = program.command('db').description('PostgreSQL run store: create/update the schema and show its state');
  db.command('migrate')
    .description('create or update the shub schema (runs, assets, analyses, decisions, outputs, validations)')
    .option('--db <url>', dbHelp)
    .option('--down', 'roll back the latest migration instead of applying pending ones')
    .option('--json', 'print the result as one JSON object')
    .addHelpText(
      'after',
      '\nExamples:\n  shub db migrate --db postgres://shub@localhost/shub\n  SHUB_DATABASE_URL=postgres://shub@db.studio/shub shub db migrate\n\nSafe to run again and from several jobs at once (migrations take a lock).\nExit codes: 0 ok, 2 no database named, 4 database unreachable or a migration failed.',
    )
    .action(async (opts: { db?: string; down?: boolean; json?: boolean }) => {
      exitCode = await runDb('migrate', opts, program.opts<GlobalOptions>());
    });
  db.command('status')
    .description('list the schema migrations: applied, pending, or unknown to this shub')
    .option('--db <url>', dbHelp)
    .option('--json', 'print the result as one JSON object')
    .addHelpText(
      'after',
      '\nExamples:\n  shub db status --db postgres://shub@localhost/shub\n  shub db status || shub db migrate\n\nExit codes: 0 up to date, 1 migrations pending (or unknown), 2 no database named, 4 database unreachable.',
    )
    .action(async (opts: { db?: string; json?: boolean }) => {
      exitCode = await runDb('status', opts, program.opts<GlobalOptions>());
    });
  program
    .command('history')
    .description('list recorded runs, newest first (from the JSON store or the database)')
    .option(
      '--file <path>',
      'only runs that read this file: its path as given or absolute, or its sha256 (the file is hashed if it exists)',
    )
    .option('--command <name>', 'only runs of this command, e.g. analyze')
    .option(
      '--since <when>',
      'only runs started since a date/time (2025-03-01, 2025-03-01T14:00) or within an age (30m, 12h, 7d)',
    )
    .option('-n, --limit <n>', 'at most this many runs (the newest)', parseLimit)
    .option('--json', 'print one JSON object per run per line (NDJSON)')
    .option('--db <url>', dbHelp)
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .addHelpText(
      'after',
      '\nExamples:\n  shub history\n  shub history --file master.wav --command analyze --since 7d\n  shub history --db postgres://shub@db.studio/shub --json | jq -r .runId\n\nExit codes: 0 ok, 2 bad option, 4 database unreachable or not migrated.',
    )
    .action(async (opts: ReadBackCliOptions) => {
      exitCode = await runReadBack('history', undefined, opts, program.opts<GlobalOptions>());
    });
  program
    .command('show')
    .description("one run's record: inputs, outputs, results, errors and the decision log")
    .argument('<run>', 'run id, or its first characters (as `shub history` lists them)')
    .option('--json', 'print the run record as one JSON object')
    .option('--db <url>', dbHelp)
    .option('--store-dir <dir>', 'folder of the JSON run store (default: .shub)')
    .addHelpText(
      'after',
      '\nExamples:\n  shub show 0196f3a2-7c41-7d3e-9a0b-2f5e8c1d4b6a\n  shub show 0196f3a2-7c41 --json | jq .decisions\n\nExit codes: 0 ok, 2 no such run (or an ambiguous prefix), 4 database unreachable or not migrated.',
    )
    .action(async (runId: string, opts: ReadBackCliOptions) => {
      exitCode = await runReadBack('show', runId, opts, program.opts<GlobalOptions>());
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return ExitCode.ok;
      return ExitCode.usage;
    }
    const debug = program.opts<GlobalOptions>().debug ?? argv.includes('--debug');
    process.stderr.write(`error: ${redactText(describeError(err, debug))}\n`); // no database password, even in a stack
    return exitCodeOf(err);
  }
  return exitCode;
}

async function runAnalyze(
  files: string[],
  opts: {
    features: string;
    json?: boolean;
    curves?: boolean;
    jobs?: number;
    ffmpeg?: string;
    storeDir?: string;
    db?: string;
  },
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
  const ffmpeg = resolveFfmpeg(opts.ffmpeg, config.ffmpeg.path);
  const store = await openStoreForCli(opts.storeDir, config, opts.db);

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
        process.stderr.write(`error: ${redactText(describeError(e, globals.debug))}\n`);
      },
      onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
      ...(progress ? { onProgress: (file: string, fraction: number) => progress.update(file, fraction) } : {}),
    });
    return outcome.exitCode;
  } finally {
    await progress?.stop();
    await store.close();
  }
}

interface MasterCliOptions {
  target?: string;
  reference?: string;
  style: string;
  output?: string;
  format?: string;
  noiseShaping?: boolean;
  multiband?: boolean;
  overwrite?: boolean;
  json?: boolean;
  jobs?: number;
  ffmpeg?: string;
  storeDir?: string;
  db?: string;
}

async function runMaster(
  files: string[],
  opts: MasterCliOptions,
  globals: GlobalOptions,
  argv: string[],
): Promise<number> {
  const [
    { master, MASTER_FORMATS },
    { MASTER_STYLES },
    { loadConfig },
    { resolveFfmpeg },
    { formatMasterText },
    { loadPlatforms, selectPlatforms },
  ] = await Promise.all([
    import('./commands/master.js'),
    import('./engines/master/plan.js'),
    import('./config.js'),
    import('./io/ffmpeg.js'),
    import('./ui/master-text.js'),
    import('./recipes/platforms.js'),
  ]);
  if (!(opts.style in MASTER_STYLES))
    throw new UsageError(`--style must be one of ${Object.keys(MASTER_STYLES).join(', ')}, got '${opts.style}'`);
  if (opts.format !== undefined && !(opts.format in MASTER_FORMATS))
    throw new UsageError(`--format must be one of ${Object.keys(MASTER_FORMATS).join(', ')}, got '${opts.format}'`);
  if (!opts.target && !opts.reference)
    throw new UsageError(
      'name the delivery targets with --target (e.g. --target spotify,apple-music,cd) or give --reference',
    );
  const { config, filepath } = await loadConfig(process.cwd(), globals.config);
  const targets = opts.target
    ? selectPlatforms(await loadPlatforms(config.platforms ?? {}, filepath), opts.target)
    : [];
  const ffmpeg = resolveFfmpeg(opts.ffmpeg, config.ffmpeg.path);
  const store = await openStoreForCli(opts.storeDir, config, opts.db);
  const progress = process.stderr.isTTY ? lazyProgress(files.length) : undefined;
  try {
    const outcome = await master({
      files,
      targets,
      ...(opts.reference ? { reference: opts.reference } : {}),
      style: opts.style as keyof typeof MASTER_STYLES,
      ...(opts.output ? { output: opts.output } : {}),
      ...(opts.format ? { format: opts.format as keyof typeof MASTER_FORMATS } : {}),
      overwrite: opts.overwrite ?? false,
      noiseShaping: opts.noiseShaping ?? false,
      multiband: opts.multiband ?? false,
      ...((opts.jobs ?? config.jobs) ? { jobs: opts.jobs ?? config.jobs } : {}),
      ffmpeg,
      store,
      args: ['master', ...argv.slice(argv.indexOf('master') + 1)],
      onResult: (r) => process.stdout.write(opts.json ? `${JSON.stringify(r)}\n` : `${formatMasterText(r)}\n`),
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
    await store.close();
  }
}

interface ValidateCliOptions {
  platform: string;
  json?: boolean;
  junit?: string;
  codecCheck?: boolean;
  jobs?: number;
  ffmpeg?: string;
  storeDir?: string;
  db?: string;
}

async function runValidate(
  files: string[],
  opts: ValidateCliOptions,
  globals: GlobalOptions,
  argv: string[],
): Promise<number> {
  const [{ validate }, { loadConfig }, { resolveFfmpeg }, { formatValidateText }] = await Promise.all([
    import('./commands/validate.js'),
    import('./config.js'),
    import('./io/ffmpeg.js'),
    import('./ui/validate-text.js'),
  ]);
  const { config, filepath } = await loadConfig(process.cwd(), globals.config);
  // the presets load (yaml + zod) while the first files are being measured
  const platforms = import('./recipes/platforms.js').then(async ({ loadPlatforms, selectPlatforms }) =>
    selectPlatforms(await loadPlatforms(config.platforms ?? {}, filepath), opts.platform),
  );
  platforms.catch(() => undefined);
  const ffmpeg = resolveFfmpeg(opts.ffmpeg, config.ffmpeg.path);
  const store = await openStoreForCli(opts.storeDir, config, opts.db);
  const progress = process.stderr.isTTY ? lazyProgress(files.length) : undefined;
  const unreadable: { file: string; message: string }[] = [];
  let first = true;
  try {
    const outcome = await validate({
      files,
      platforms,
      codecCheck: opts.codecCheck ?? false,
      ...((opts.jobs ?? config.jobs) ? { jobs: opts.jobs ?? config.jobs } : {}),
      ffmpeg,
      store,
      args: ['validate', ...argv.slice(argv.indexOf('validate') + 1)],
      onResult: (r) => {
        if (opts.json) process.stdout.write(`${JSON.stringify(r)}\n`);
        else {
          process.stdout.write(`${first ? '' : '\n'}${formatValidateText(r)}\n`);
          first = false;
        }
      },
      onError: (file, e) => {
        progress?.update(file, 1);
        unreadable.push({ file, message: describeError(e) });
        process.stderr.write(`error: ${describeError(e, globals.debug)}\n`);
      },
      onWarning: (w) => process.stderr.write(`warning: ${w}\n`),
      ...(progress ? { onProgress: (file: string, fraction: number) => progress.update(file, fraction) } : {}),
    });
    if (opts.junit) {
      const [{ formatJunit }, { writeFileAtomic }] = await Promise.all([
        import('./ui/junit.js'),
        import('./io/atomic.js'),
      ]);
      await writeFileAtomic(
        opts.junit,
        formatJunit(
          (await platforms).map((p) => p.id),
          outcome.results,
          unreadable,
        ),
      );
    }
    return outcome.exitCode;
  } finally {
    await progress?.stop();
    await store.close();
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
async function openStoreForCli(
  storeDirFlag: string | undefined,
  config: ShubConfig,
  dbFlag?: string,
  mode: 'write' | 'read' = 'write',
): Promise<Store> {
  // --db > SHUB_DATABASE_URL > config store.url > the JSON store; a named database is connected and
  // its schema checked here (exit 4 when unreachable or not migrated), before any audio is read
  const { openStore } = await import('./store/open.js');
  return openStore({ dbUrl: dbFlag, storeDir: storeDirFlag ?? config.store.dir, config, env: process.env, mode });
}

/** `shub db migrate|status`: prints the schema state; status exits 1 when migrations are pending. */
async function runDb(
  action: 'migrate' | 'status',
  opts: { db?: string; down?: boolean; json?: boolean },
  globals: GlobalOptions,
): Promise<number> {
  const [{ loadConfig }, { chooseDatabase }, { dbMigrate, dbStatus }, { formatDbStatus }] = await Promise.all([
    import('./config.js'),
    import('./store/open.js'),
    import('./commands/db.js'),
    import('./ui/history-text.js'),
  ]);
  const { config } = await loadConfig(process.cwd(), globals.config);
  const database = chooseDatabase({ dbUrl: opts.db, config, env: process.env });
  const result =
    action === 'migrate' ? await dbMigrate({ database, down: opts.down ?? false }) : await dbStatus({ database });
  process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${formatDbStatus(result)}\n`);
  return action === 'status' && !result.upToDate ? ExitCode.checkFailed : ExitCode.ok;
}

interface ReadBackCliOptions {
  json?: boolean;
  db?: string;
  storeDir?: string;
  file?: string;
  command?: string;
  since?: string;
  limit?: number;
}

/** `shub history` and `shub show`: read runs back from whichever store is selected. */
async function runReadBack(
  what: 'history' | 'show',
  runId: string | undefined,
  opts: ReadBackCliOptions,
  globals: GlobalOptions,
): Promise<number> {
  const [{ loadConfig }, { formatHistory, formatRun }] = await Promise.all([
    import('./config.js'),
    import('./ui/history-text.js'),
  ]);
  const { config } = await loadConfig(process.cwd(), globals.config);
  const store = await openStoreForCli(opts.storeDir, config, opts.db, 'read');
  try {
    if (what === 'history') {
      const { history } = await import('./commands/history.js');
      const runs = await history({
        store,
        ...(opts.file !== undefined ? { file: opts.file } : {}),
        ...(opts.command !== undefined ? { command: opts.command } : {}),
        ...(opts.since !== undefined ? { since: opts.since } : {}),
        ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      });
      process.stdout.write(opts.json ? runs.map((r) => `${JSON.stringify(r)}\n`).join('') : `${formatHistory(runs)}\n`);
    } else {
      const { show } = await import('./commands/show.js');
      const run = await show({ store, runId: runId! });
      process.stdout.write(opts.json ? `${JSON.stringify(run)}\n` : `${formatRun(run)}\n`);
    }
    return ExitCode.ok;
  } finally {
    await store.close();
  }
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--limit: expected a whole number of 1 or more, got '${value}'`);
  return n;
}
