/**
 * What bin/shub.js runs: `shub <command> …` loads only that command's module (a run of `analyze`
 * does not parse the code of the other fifteen commands: about a tenth of a second on a small
 * machine); `shub --version` loads the program alone; anything else (`shub --help`, global options
 * first, an unknown name) goes through cli.ts with every command. The same program parses every
 * way (program.ts). After a full build bin/shub.js loads all this from one bundle per command
 * (src/bundle.ts).
 */
import type { CommandDefinition } from './commands/context.js';

/** Each command's module, by the name it is called with (test/launch.test.ts checks it against COMMANDS). */
export const COMMAND_LOADERS: Readonly<Record<string, () => Promise<CommandDefinition>>> = {
  analyze: async () => (await import('./commands/analyze.js')).analyzeCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  master: async () => (await import('./commands/master.js')).masterCommand,
  mix: async () => (await import('./commands/mix.js')).mixCommand,
  render: async () => (await import('./commands/render.js')).renderCommand,
  reamp: async () => (await import('./commands/reamp.js')).reampCommand,
  drums: async () => (await import('./commands/drums.js')).drumsCommand,
  comp: async () => (await import('./commands/comp.js')).compCommand,
  db: async () => (await import('./commands/db.js')).dbCommand,
  history: async () => (await import('./commands/history.js')).historyCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  targets: async () => (await import('./commands/targets.js')).targetsCommand,
  tag: async () => (await import('./commands/tag.js')).tagCommand,
  queue: async () => (await import('./commands/queue.js')).queueCommand,
  worker: async () => (await import('./commands/worker.js')).workerCommand,
};

/** Runs the command line; returns the exit code. */
export async function launch(argv: string[]): Promise<number> {
  const name = argv[0];
  // `shub --version`: the program alone (commander prints it), no command's code
  if (argv.length === 1 && (name === '--version' || name === '-V'))
    return (await import('./program.js')).runProgram(argv, []);
  const load = name !== undefined && Object.hasOwn(COMMAND_LOADERS, name) ? COMMAND_LOADERS[name] : undefined;
  if (load) {
    const [{ runProgram }, command] = await Promise.all([import('./program.js'), load()]);
    return runProgram(argv, [command]);
  }
  const { main } = await import('./cli.js');
  return main(argv);
}
