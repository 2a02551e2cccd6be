/**
 * The zod schemas of a drum session and a kit (src/recipes/drums.ts), in a module of their own: zod
 * and its locale modules load only when a YAML file is parsed, not for `shub drums --help` or plain
 * audio files.
 */
import { z } from 'zod/v3';
import { INSTRUMENTS, KIT_PIECES, MAX_TRACKS, type KitPieceName } from './drums.js';

const file = z.string().min(1).describe('path relative to the YAML file');

export const sessionSchema = z
  .object({
    description: z.string().optional(),
    tracks: z
      .array(
        z
          .object({
            name: z.string().min(1).max(200),
            file,
            instrument: z.enum(INSTRUMENTS),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_TRACKS),
  })
  .strict();

const velocity = z.number().int().min(1).max(127);
const layerSchema = z
  .object({
    velocity: z.tuple([velocity, velocity], { errorMap: () => ({ message: 'expected a [low, high] velocity pair' }) }),
    file: file.optional(),
    files: z.array(file).min(1).max(64).optional(),
  })
  .strict();
const pieceSchema = z.object({ layers: z.array(layerSchema).min(1).max(32) }).strict();
export const kitSchema = z
  .object(
    Object.fromEntries(KIT_PIECES.map((k) => [k, pieceSchema.optional()])) as Record<
      KitPieceName,
      z.ZodOptional<typeof pieceSchema>
    >,
  )
  .extend({ description: z.string().optional() })
  .strict();
