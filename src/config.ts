/**
 * Configuration through cosmiconfig (module name `shub`: shub.config.yaml, .shubrc, package.json
 * "shub", …), validated by one zod schema. Precedence: CLI flags > environment variables >
 * config file > defaults (SPEC §3).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ShubConfig } from './config-schema.js';
import { UsageError } from './errors.js';

/** Where cosmiconfig looks, in order: its defaults plus the YAML/JSON spellings of shub.config.*. */
const SEARCH_PLACES = [
  'package.json',
  '.shubrc',
  '.shubrc.json',
  '.shubrc.yaml',
  '.shubrc.yml',
  'shub.config.yaml',
  'shub.config.yml',
  'shub.config.json',
  'shub.config.js',
  'shub.config.mjs',
  'shub.config.cjs',
];

export type { ShubConfig };

export interface LoadedConfig {
  config: ShubConfig;
  /** The file the config came from, or null when defaults were used. */
  filepath: string | null;
}

/** Finds and validates the config (in `cwd`, or exactly `explicitFile`). Errors are UsageErrors (exit 2). */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<LoadedConfig> {
  if (!explicitFile && !mayHaveConfig(cwd)) return defaults(cwd);
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('shub', { searchPlaces: SEARCH_PLACES });
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = explicitFile ? await explorer.load(path.resolve(cwd, explicitFile)) : await explorer.search(cwd);
  } catch (err) {
    const where = explicitFile ?? 'shub config';
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${where}: config file not found; check --config`);
    throw new UsageError(`${where}: cannot be parsed (${(err as Error).message.split('\n')[0]}); fix the syntax`);
  }
  const raw = found && !found.isEmpty ? found.config : {};
  const { configSchema } = await import('./config-schema.js'); // zod costs ~40 ms of start-up
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || '(top level)';
    throw new UsageError(`${found?.filepath ?? 'config'}: ${key}: ${issue.message}; see README "Configuration"`);
  }
  const config = parsed.data;
  if (found?.filepath) config.store.dir = path.resolve(path.dirname(found.filepath), config.store.dir);
  else config.store.dir = path.resolve(cwd, config.store.dir);
  return { config, filepath: found?.filepath ?? null };
}

/**
 * A cheap look before loading cosmiconfig (~15 ms): is any search place present? Start-up time
 * matters when a CI job runs shub on hundreds of files one process at a time.
 */
function mayHaveConfig(cwd: string): boolean {
  for (const name of SEARCH_PLACES) {
    const file = path.join(cwd, name);
    if (!existsSync(file)) continue;
    if (name !== 'package.json') return true;
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).shub !== undefined) return true;
    } catch {
      return true; // let cosmiconfig report the broken file
    }
  }
  return false;
}

function defaults(cwd: string): LoadedConfig {
  return { config: { store: { dir: path.resolve(cwd, '.shub') }, ffmpeg: {} }, filepath: null };
}
