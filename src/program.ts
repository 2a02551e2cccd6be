/**
 * The shub program: global options, the given commands registered, errors mapped to exit codes
 * (SPEC §3). It imports no command itself: cli.ts passes every command, and the launcher
 * (launch.ts) only the one named on the command line, so that a run loads no other command's code.
 */
import { Command, CommanderError } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, exitCodeOf, UsageError } from './errors.js';
import { quotePath } from './io/names.js';
import { shubVersion } from './store/run.js';
import { cliContext, errorLine, type CliIo, type CommandDefinition } from './commands/context.js';

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

/** Parses `argv` against `commands` and runs the command named; returns the exit code. */
export async function runProgram(
  argv: string[],
  commands: readonly CommandDefinition[],
  io: CliIo = processIo(),
): Promise<number> {
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
  for (const command of commands) command.register(program, ctx);
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
