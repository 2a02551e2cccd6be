/** The one schema of shub's config file (zod): every key with its meaning, range and default. */
import { z } from 'zod/v3';
import { MIX_LIMITS } from './engines/mix/limits.js';
import { zodObjectFor } from './recipes/param-schema.js';

export const configSchema = z
  .object({
    store: z
      .object({
        dir: z
          .string()
          .min(1)
          .describe('folder of the JSON run store; runs go to <dir>/runs/<runId>.json')
          .default('.shub'),
        url: z
          .string()
          .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
          .describe('PostgreSQL database for runs instead of the JSON store (overridden by SHUB_DATABASE_URL and --db)')
          .optional(),
      })
      .strict()
      .default({ dir: '.shub' }),
    ffmpeg: z
      .object({ path: z.string().min(1).describe('ffmpeg binary to use instead of the bundled one').optional() })
      .strict()
      .default({}),
    reaper: z
      .object({
        path: z
          .string()
          .min(1)
          .describe('REAPER binary for `shub render --backend reaper` (overridden by SHUB_REAPER and --reaper)')
          .optional(),
      })
      .strict()
      .optional(),
    jobs: z
      .number()
      .int()
      .min(1)
      .max(256)
      .describe('files processed in parallel (default: number of cores)')
      .optional(),
    limits: zodObjectFor(MIX_LIMITS)
      .strict()
      .describe('work limits of mix and render (src/engines/mix/limits.ts; overridden by --limit NAME=VALUE)')
      .optional(),
    platforms: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'platform ids are lower-case words joined by hyphens'),
        z.record(z.string(), z.unknown()),
      )
      .describe('delivery targets to add or override; each entry is checked against the presets/platforms.yaml schema')
      .optional(),
  })
  .strict();

export type ShubConfig = z.infer<typeof configSchema>;

/**
 * The keys that name a program shub runs. A config found by searching the working folder may set
 * them only when it is trusted (issue 18 point 13): given with --config, allowed with
 * --trust-config, or owned by the user (or root) and writable by nobody else.
 */
export const EXECUTABLE_KEYS = [
  ['ffmpeg', 'path'],
  ['reaper', 'path'],
] as const;
