/**
 * The command line with every command: each command declares itself (arguments, options, help,
 * examples, exit codes) in src/commands/<name>.ts; adding one touches its module, one line of
 * COMMANDS and one of COMMAND_LOADERS (launch.ts). The program itself is program.ts. Returns the
 * exit code; only bin/shub.js exits.
 */
import type { CliIo, CommandDefinition } from './commands/context.js';
import { runProgram } from './program.js';
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

export { optionLookingFiles } from './program.js';

/** Runs the command line with every command registered; returns the exit code. */
export function main(argv: string[], io?: CliIo): Promise<number> {
  return runProgram(argv, COMMANDS, io);
}
