/**
 * Configuration through cosmiconfig (module name `shub`: shub.config.yaml, .shubrc, package.json
 * "shub", …), validated by one zod schema. Precedence: CLI flags > environment variables >
 * config file > defaults (SPEC §3).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
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
  /** HOME and XDG_CONFIG_HOME (default: the process's): where the search stops and the user-level config is. */
  env?: NodeJS.ProcessEnv;
}

export interface LoadedConfig {
  config: ShubConfig;
  /** The file the config came from (the project's over the user's), or null when defaults were used. */
  filepath: string | null;
  /** Every config file applied, the user-level one first (later files override earlier ones key by key). */
  files: string[];
  /** For each `platforms.<id>.<field>` set in a config: the file that set it (the last one applied). */
  platformSources: Record<string, Record<string, string>>;
}

/** The user-level config files, in the order tried: $XDG_CONFIG_HOME/shub/ (default ~/.config/shub/). */
export function userConfigPlaces(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env.HOME || homedir();
  const base = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return ['config.yaml', 'config.yml', 'config.json', 'shub.config.yaml', 'shub.config.yml'].map((n) =>
    path.join(base, 'shub', n),
  );
}

/**
 * The user-level config (see userConfigPlaces) merged under the project config, which is searched
 * from `cwd` up to the home folder (or the filesystem root when `cwd` is outside it), as cosmiconfig
 * does; `explicitFile` (--config) replaces the project config. Project values override the user's
 * key by key (platforms field by field).
 */
export async function loadConfig(
  cwd: string,
  explicitFile?: string,
  options: LoadConfigOptions = {},
): Promise<LoadedConfig> {
  const env = options.env ?? process.env;
  const userFile = userConfigPlaces(env).find((f) => existsSync(f));
  const layers: LoadedLayer[] = [];
  if (userFile) layers.push(await loadOne(cwd, undefined, userFile, options));
  const project = explicitFile ? undefined : findConfigUp(cwd, env.HOME || homedir());
  if (explicitFile || (project && project !== userFile))
    layers.push(await loadOne(cwd, explicitFile, project, options));
  if (layers.length === 0) return defaults(cwd);
  if (layers.length === 1) return layers[0]!;
  const [user, proj] = layers as [LoadedLayer, LoadedLayer];
  const platforms: Record<string, Record<string, unknown>> = { ...user.config.platforms };
  for (const [id, fields] of Object.entries(proj.config.platforms ?? {})) {
    platforms[id] = { ...platforms[id], ...fields };
  }
  const sources = { ...user.platformSources };
  for (const [id, fields] of Object.entries(proj.platformSources)) sources[id] = { ...sources[id], ...fields };
  const projectRaw = proj.raw ?? {};
  const config: ShubConfig = { ...user.config };
  for (const key of Object.keys(projectRaw) as (keyof ShubConfig)[]) {
    (config as Record<string, unknown>)[key] = proj.config[key];
  }
  if (Object.keys(platforms).length > 0) config.platforms = platforms;
  return { config, filepath: proj.filepath, files: [user.filepath!, proj.filepath!], platformSources: sources };
}

/** The top-level keys a config file set (to merge it over another). */
interface LoadedLayer extends LoadedConfig {
  raw?: Record<string, unknown>;
}

/**
 * Finds and validates the config (in `cwd`, or exactly `explicitFile`). Errors are UsageErrors (exit 2),
 * among them a config found by searching that names a program (ffmpeg.path, reaper.path) or is a
 * script while it is not trusted (see `untrustedBecause`).
 */
async function loadOne(
  cwd: string,
  explicitFile: string | undefined,
  searched: string | undefined,
  options: LoadConfigOptions,
): Promise<LoadedLayer> {
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
  const [{ configSchema, EXECUTABLE_KEYS }, { issueText, valueAtPath }] = await Promise.all([
    import('./config-schema.js'), // loaded only when a config file is found
    import('./recipes/issue.js'),
  ]);
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    // every problem at once: fixing one at a time and re-running is a waste of the user's time
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(top level)'}: ${issueText(i, valueAtPath(raw, i.path))}`,
    );
    const n = problems.length;
    throw new UsageError(
      `${found?.filepath ?? 'config'}: ${n === 1 ? '' : `${n} problems: `}${problems.join('; ')}; ` +
        'see README "Configuration"',
    );
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
  const filepath = found?.filepath ?? null;
  const platformSources: Record<string, Record<string, string>> = {};
  for (const [id, fields] of Object.entries(config.platforms ?? {})) {
    platformSources[id] = Object.fromEntries(Object.keys(fields).map((k) => [k, filepath ?? 'config']));
  }
  const files = filepath ? [filepath] : [];
  return { config, filepath, files, platformSources, raw: (raw ?? {}) as Record<string, unknown> };
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

/**
 * The config file cosmiconfig's search finds from `cwd` upwards: in each folder the first search
 * place present; the search stops after `home` (or at the root when `cwd` is not inside `home`).
 */
export function findConfigUp(cwd: string, home: string): string | undefined {
  let dir = path.resolve(cwd);
  const stop = path.resolve(home);
  for (;;) {
    const found = findConfig(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
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
  return {
    config: { store: { dir: path.resolve(cwd, '.shub') }, ffmpeg: {} },
    filepath: null,
    files: [],
    platformSources: {},
  };
}
