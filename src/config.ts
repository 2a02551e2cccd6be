/**
 * Configuration through cosmiconfig (module name `shub`: shub.config.yaml, .shubrc, package.json
 * "shub", …), validated by one zod schema. Precedence: CLI flags > environment variables >
 * config file > defaults (SPEC §3).
 */
import { cosmiconfig } from 'cosmiconfig';
import { z } from 'zod';
import path from 'node:path';
import { UsageError } from './errors.js';

export const configSchema = z
  .object({
    store: z
      .object({
        dir: z.string().min(1).describe('folder of the JSON run store; runs go to <dir>/runs/<runId>.json').default('.shub'),
      })
      .strict()
      .default({ dir: '.shub' }),
    ffmpeg: z
      .object({ path: z.string().min(1).describe('ffmpeg binary to use instead of the bundled one').optional() })
      .strict()
      .default({}),
    jobs: z.number().int().min(1).max(256).describe('files processed in parallel (default: number of cores)').optional(),
  })
  .strict();

export type ShubConfig = z.infer<typeof configSchema>;

export interface LoadedConfig {
  config: ShubConfig;
  /** The file the config came from, or null when defaults were used. */
  filepath: string | null;
}

/** Finds and validates the config (in `cwd`, or exactly `explicitFile`). Errors are UsageErrors (exit 2). */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<LoadedConfig> {
  const explorer = cosmiconfig('shub', {
    // cosmiconfig's defaults plus the YAML/JSON spellings of shub.config.* that the README documents
    searchPlaces: [
      'package.json', '.shubrc', '.shubrc.json', '.shubrc.yaml', '.shubrc.yml',
      'shub.config.yaml', 'shub.config.yml', 'shub.config.json', 'shub.config.js', 'shub.config.mjs', 'shub.config.cjs',
    ],
  });
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
