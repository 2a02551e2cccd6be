/** The one schema of shub's config file (zod): every key with its meaning, range and default. */
import { z } from 'zod';

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
