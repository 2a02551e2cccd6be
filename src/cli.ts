/**
 * The command line: registers the commands and maps errors to exit codes. Each command declares
 * itself (arguments, options, help, examples, exit codes) in src/commands/<name>.ts; adding one
 * touches its module and one line of COMMANDS. Returns the exit code; only bin/shub.js exits.
 */
import { Command, CommanderError } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, exitCodeOf, UsageError } from './errors.js';
import { quotePath } from './io/names.js';
import { shubVersion } from './store/run.js';
import { cliContext, errorLine, type CliIo, type CommandDefinition } from './commands/context.js';
import { analyzeCommand } from './commands/analyze.js';
import { validateCommand } from './commands/validate.js';
import { masterCommand } from './commands/master.js';
import { mixCommand } from './commands/mix.js';
import { renderCommand } from './commands/render.js';
import { reampCommand } from './commands/reamp.js';
import { drumsCommand } from './commands/drums.js';
import { compCommand } from './commands/comp.js';
import { dbCommand } from './commands/db.js';
import { historyCommand } from './commands/history.js';
import { showCommand } from './commands/show.js';
import { queueCommand } from './commands/queue.js';
import { workerCommand } from './commands/worker.js';
import { reportCommand } from './commands/report.js';
import { targetsCommand } from './commands/targets.js';
import { tagCommand } from './commands/tag.js';

/** Every command, in the order `shub --help` lists them. */
export const COMMANDS: readonly CommandDefinition[] = [
  analyzeCommand,
  validateCommand,
  masterCommand,
  mixCommand,
  renderCommand,
  reampCommand,
  drumsCommand,
  compCommand,
  dbCommand,
  historyCommand,
  showCommand,
  reportCommand,
  targetsCommand,
  tagCommand,
  queueCommand,
  workerCommand,
];

/**
 * The first argument before `--` that looks like an option but is the name of a file in `cwd`
 * (issue 18 point 20: a file named `-y` picked up by `shub master *` must not turn overwrite on).
 */
export function optionLookingFiles(argv: string[], cwd: string): string | undefined {
  const end = argv.indexOf('--');
  for (const arg of end < 0 ? argv : argv.slice(0, end)) {
    if (arg.length < 2 || !arg.startsWith('-')) continue;
    if (existsSync(path.resolve(cwd, arg))) return arg;
  }
  return undefined;
}

const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  // created only when a `-` argument is read (touching process.stdin opens the stream)
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
});

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = new Command()
    .name('shub')
    .description('Audio production toolkit: loudness analysis, mastering, validation and mixing with a native DSP core')
    .version(shubVersion(), '-V, --version')
    .option('--config <file>', 'config file to use instead of searching for shub.config.* / .shubrc')
    .option(
      '--trust-config',
      'let the config found in the working folder name programs to run (ffmpeg.path, reaper.path) even when it ' +
        'is not yours alone',
    )
    .option('--debug', 'show stack traces on errors')
    .option('-q, --quiet', 'print nothing but errors (no results, warnings or progress)')
    .showHelpAfterError('(run `shub --help` for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .exitOverride();
  const planted = optionLookingFiles(argv, io.cwd);
  if (planted) {
    io.stderr.write(
      errorLine(
        new UsageError(
          `${quotePath(planted)} is a file in this folder but reads as an option (did a glob like * pick it up?); ` +
            `put -- before the file names (shub master -t spotify -- *) or name it ./${quotePath(planted)}`,
        ),
      ),
    );
    return ExitCode.usage;
  }
  const ctx = cliContext(program, argv, io);
  for (const command of COMMANDS) command.register(program, ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      const shown = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return shown.includes(err.code) ? ExitCode.ok : ExitCode.usage;
    }
    io.stderr.write(errorLine(err, program.opts<{ debug?: boolean }>().debug ?? argv.includes('--debug')));
    return exitCodeOf(err);
  }
  return ctx.exitCode;
}
