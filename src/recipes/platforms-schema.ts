/** The zod schema of delivery targets (presets/platforms.yaml and user overrides in config). */
import { z } from 'zod/v3';

const dbtp = z.number().min(-30).max(3);
const lufs = z.number().min(-70).max(0);

/** The quality limits every target inherits from `defaults` (SPEC §7). */
export const qualitySchema = z.object({
  clippedSamplesMax: z.number().int().min(0).describe('clipped samples allowed'),
  dcOffsetMax: z.number().min(0).max(1).describe('largest |DC offset| per channel, linear'),
  leadingSilenceMaxSeconds: z.number().min(0).describe('seconds below -60 dBFS before the first sound'),
  trailingSilenceMaxSeconds: z.number().min(0).describe('seconds below -60 dBFS after the last sound'),
  monoLoudnessDropMaxLu: z.number().min(0).describe('largest loudness loss of the mono fold-down, LU'),
  phaseCorrelationMin: z.number().min(-1).max(1).describe('lowest overall L/R correlation'),
  codecs: z.array(z.enum(['aac', 'mp3', 'opus'])).describe('lossy codecs checked with --codec-check'),
});

export const targetSchema = z
  .object({
    name: z.string().min(1),
    integratedLufs: lufs.nullable().describe('loudness target; null for none'),
    integratedToleranceLu: z
      .number()
      .positive()
      .max(10)
      .nullable()
      .describe('± window validate accepts; null: no loudness check'),
    truePeakCeilingDbtp: dbtp,
    louderThan: z.object({ integratedLufs: lufs, truePeakCeilingDbtp: dbtp }).strict().optional(),
    loudnessRangeLu: z
      .object({ min: z.number().min(0).optional(), max: z.number().min(0).optional() })
      .strict()
      .optional(),
    sampleRatesHz: z.array(z.number().int().min(8000).max(384000)).optional(),
    bitDepths: z
      .array(
        z
          .number()
          .int()
          .refine((b) => [8, 16, 20, 24, 32, 64].includes(b), 'a bit depth of 8, 16, 20, 24, 32 or 64'),
      )
      .optional(),
    channels: z.array(z.number().int().min(1).max(8)).optional(),
    monoInput: z
      .enum(['dual-mono', 'refuse'])
      .optional()
      .describe('what master does with a mono mix when channels excludes 1 (default: refuse)'),
    monoIntegratedLufs: lufs
      .optional()
      .describe('loudness target for mono files (played on two speakers they sound 3 LU louder)'),
    delivery: z
      .object({
        sampleRateHz: z.number().int().min(8000).max(384000),
        bitDepth: z
          .number()
          .int()
          .refine((b) => [16, 24, 32].includes(b), 'a bit depth of 16, 24 or 32'),
        format: z.enum(['wav', 'flac', 'mp3', 'aac', 'opus']),
        bitrateKbps: z.number().int().min(32).max(512).optional(),
      })
      .strict(),
  })
  .merge(qualitySchema.partial())
  .strict();

export const fileSchema = z
  .object({ defaults: qualitySchema.strict(), targets: z.record(z.string(), z.unknown()) })
  .strict();

export type TargetFields = z.infer<typeof targetSchema> & z.infer<typeof qualitySchema>;
