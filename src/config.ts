/**
 * Configuration through cosmiconfig (module name `shub`: shub.config.yaml, .shubrc, package.json
 * "shub", …), validated by one zod schema. Precedence: CLI flags > environment variables >
 * config file > defaults (SPEC §3).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** Script configs: loading one runs its code, so a found one is trusted like a config naming a program. */
const SCRIPT_CONFIG = /\.(c|m)?js$/;

export interface LoadConfigOptions {
  /** --trust-config: use a found config's program paths (and script configs) without the ownership check. */
  trust?: boolean;
}

export interface LoadedConfig {
  config: ShubConfig;
  /** The file the config came from, or null when defaults were used. */
  filepath: string | null;
}

/**
 * Finds and validates the config (in `cwd`, or exactly `explicitFile`). Errors are UsageErrors (exit 2),
 * among them a config found by searching that names a program (ffmpeg.path, reaper.path) or is a
 * script while it is not trusted (see `untrustedBecause`).
 */
export async function loadConfig(
  cwd: string,
  explicitFile?: string,
  options: LoadConfigOptions = {},
): Promise<LoadedConfig> {
  const searched = explicitFile ? undefined : findConfig(cwd);
  if (!explicitFile && !searched) return defaults(cwd);
  if (searched && SCRIPT_CONFIG.test(searched) && !options.trust) {
    const why = untrustedBecause(searched);
    if (why) throw untrusted(searched, 'is a script (loading it runs its code)', why);
  }
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('shub', { searchPlaces: SEARCH_PLACES });
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = await explorer.load(explicitFile ? path.resolve(cwd, explicitFile) : searched!);
  } catch (err) {
    const where = explicitFile ?? searched ?? 'shub config';
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${where}: config file not found; check --config`);
    throw new UsageError(`${where}: cannot be parsed (${(err as Error).message.split('\n')[0]}); fix the syntax`);
  }
  const raw = found && !found.isEmpty ? found.config : {};
  const { configSchema, EXECUTABLE_KEYS } = await import('./config-schema.js'); // zod costs ~40 ms of start-up
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || '(top level)';
    throw new UsageError(`${found?.filepath ?? 'config'}: ${key}: ${issue.message}; see README "Configuration"`);
  }
  const config = parsed.data;
  if (searched && !options.trust) {
    for (const [section, key] of EXECUTABLE_KEYS) {
      const value = (config[section] as Record<string, unknown> | undefined)?.[key];
      if (value === undefined) continue;
      const why = untrustedBecause(searched);
      if (why) throw untrusted(searched, `sets ${section}.${key} to '${String(value)}', a program shub would run`, why);
    }
  }
  if (found?.filepath) config.store.dir = path.resolve(path.dirname(found.filepath), config.store.dir);
  else config.store.dir = path.resolve(cwd, config.store.dir);
  return { config, filepath: found?.filepath ?? null };
}

/**
 * Why a config found by searching may not name programs: it belongs to someone else than the user
 * (or root), others may write it, or shub runs as root (every file there is root's); null when it
 * is trusted.
 */
export function untrustedBecause(file: string): string | null {
  const st = statSync(file);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid && st.uid !== 0)
    return `it belongs to user id ${st.uid}, not to you (${uid})`;
  if (st.mode & 0o022) return `others may write it (mode ${(st.mode & 0o777).toString(8)})`;
  // root owns whatever it unpacks or checks out (a CI job's uploads too): ownership proves nothing
  if (uid === 0) return 'shub runs as root, where owning a file does not mean having written it';
  return null;
}

function untrusted(file: string, what: string, why: string): UsageError {
  return new UsageError(
    `${file}: this config was found in the working folder and ${what}, but ${why}; pass --config ${file} or ` +
      '--trust-config to use it, or remove the setting',
  );
}

/** The config file cosmiconfig's search would take in `cwd` (the first search place present), or undefined. */
function findConfig(cwd: string): string | undefined {
  for (const name of SEARCH_PLACES) {
    const file = path.join(cwd, name);
    if (!existsSync(file)) continue;
    if (name !== 'package.json') return file;
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).shub !== undefined) return file;
    } catch {
      return file; // let cosmiconfig report the broken file
    }
  }
  return undefined;
}

function defaults(cwd: string): LoadedConfig {
  return { config: { store: { dir: path.resolve(cwd, '.shub') }, ffmpeg: {} }, filepath: null };
}
