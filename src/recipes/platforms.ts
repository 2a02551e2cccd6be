/**
 * Delivery targets (presets/platforms.yaml) as data: one zod schema for the built-in file and for
 * targets users add or override in their config. Errors name the file, the line and the key.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';

const dbtp = z.number().min(-30).max(3);
const lufs = z.number().min(-70).max(0);

/** The quality limits every target inherits from `defaults` (SPEC §7). */
const qualitySchema = z.object({
  clippedSamplesMax: z.number().int().min(0).describe('clipped samples allowed'),
  dcOffsetMax: z.number().min(0).max(1).describe('largest |DC offset| per channel, linear'),
  leadingSilenceMaxSeconds: z.number().min(0).describe('seconds below -60 dBFS before the first sound'),
  trailingSilenceMaxSeconds: z.number().min(0).describe('seconds below -60 dBFS after the last sound'),
  monoLoudnessDropMaxLu: z.number().min(0).describe('largest loudness loss of the mono fold-down, LU'),
  phaseCorrelationMin: z.number().min(-1).max(1).describe('lowest overall L/R correlation'),
  codecs: z.array(z.enum(['aac', 'mp3', 'opus'])).describe('lossy codecs checked with --codec-check'),
});

const targetSchema = z
  .object({
    name: z.string().min(1),
    integratedLufs: lufs.nullable().describe('loudness target; null for none'),
    integratedToleranceLu: z.number().positive().max(10).nullable().describe('± window validate accepts; null: no loudness check'),
    truePeakCeilingDbtp: dbtp,
    louderThan: z.object({ integratedLufs: lufs, truePeakCeilingDbtp: dbtp }).strict().optional(),
    loudnessRangeLu: z.object({ min: z.number().min(0).optional(), max: z.number().min(0).optional() }).strict().optional(),
    sampleRatesHz: z.array(z.number().int().min(8000).max(384000)).optional(),
    bitDepths: z.array(z.number().int().refine((b) => [8, 16, 20, 24, 32, 64].includes(b), 'a bit depth of 8, 16, 20, 24, 32 or 64')).optional(),
    channels: z.array(z.number().int().min(1).max(8)).optional(),
    delivery: z
      .object({
        sampleRateHz: z.number().int().min(8000).max(384000),
        bitDepth: z.number().int().refine((b) => [16, 24, 32].includes(b), 'a bit depth of 16, 24 or 32'),
        format: z.enum(['wav', 'flac', 'mp3', 'aac', 'opus']),
        bitrateKbps: z.number().int().min(32).max(512).optional(),
      })
      .strict(),
  })
  .merge(qualitySchema.partial())
  .strict();

const fileSchema = z.object({ defaults: qualitySchema.strict(), targets: z.record(z.string(), z.unknown()) }).strict();

export type Platform = z.infer<typeof targetSchema> & z.infer<typeof qualitySchema> & { id: string };

/** The built-in presets file. */
export const PLATFORMS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'presets', 'platforms.yaml');

/** The ceiling that applies to a master of `integratedLufs` (the stricter one above louderThan). */
export function truePeakCeilingFor(p: Platform, integratedLufs: number | null): number {
  if (p.louderThan && integratedLufs !== null && integratedLufs > p.louderThan.integratedLufs) {
    return Math.min(p.truePeakCeilingDbtp, p.louderThan.truePeakCeilingDbtp);
  }
  return p.truePeakCeilingDbtp;
}

function issueText(issue: z.core.$ZodIssue): string {
  return issue.message;
}

/**
 * Loads the built-in targets and applies the user's `platforms` from config: an existing id is
 * overridden key by key; a new id needs `extends: <id>` or every field. Returns targets by id.
 */
export async function loadPlatforms(
  userPlatforms: Record<string, Record<string, unknown>> = {},
  configFile: string | null = null,
  file = PLATFORMS_FILE,
): Promise<Map<string, Platform>> {
  const text = await readFile(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const rel = path.relative(process.cwd(), file) || file;
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new UsageError(`${rel}:${lines.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}`);
  }
  const where = (keyPath: (string | number)[]) => {
    const node = doc.getIn(keyPath, true) as { range?: [number, number] } | undefined;
    const line = node?.range ? lines.linePos(node.range[0]).line : undefined;
    return `${rel}${line ? `:${line}` : ''} ${keyPath.join('.')}`;
  };
  const parsedFile = fileSchema.safeParse(doc.toJS());
  if (!parsedFile.success) {
    const i = parsedFile.error.issues[0]!;
    throw new UsageError(`${where(i.path as (string | number)[])}: ${issueText(i)}`);
  }
  const { defaults, targets } = parsedFile.data;
  const out = new Map<string, Platform>();
  for (const [id, raw] of Object.entries(targets)) {
    const t = targetSchema.safeParse(raw);
    if (!t.success) {
      const i = t.error.issues[0]!;
      throw new UsageError(`${where(['targets', id, ...(i.path as (string | number)[])])}: ${issueText(i)}`);
    }
    out.set(id, { ...defaults, ...t.data, id });
  }
  const cfg = configFile ? path.relative(process.cwd(), configFile) || configFile : 'config';
  for (const [id, entry] of Object.entries(userPlatforms)) {
    const { extends: parent, ...fields } = entry as { extends?: unknown };
    let base: Partial<Platform> | undefined = out.get(id);
    if (parent !== undefined) {
      if (typeof parent !== 'string' || !out.has(parent)) {
        throw new UsageError(`${cfg}: platforms.${id}.extends: unknown platform '${String(parent)}'; known: ${[...out.keys()].join(', ')}`);
      }
      base = out.get(parent);
    }
    const { id: _id, ...inherited } = base ?? { ...defaults };
    const t = targetSchema.safeParse({ ...inherited, ...fields });
    if (!t.success) {
      const i = t.error.issues[0]!;
      const hint = base ? '' : ` (a new platform needs every field, or 'extends: <platform>')`;
      throw new UsageError(`${cfg}: platforms.${id}.${i.path.join('.')}: ${issueText(i)}${hint}`);
    }
    out.set(id, { ...defaults, ...t.data, id });
  }
  return out;
}

/** Resolves `--platform a,b` to targets; an unknown id is a usage error listing the known ones. */
export function selectPlatforms(all: Map<string, Platform>, list: string): Platform[] {
  const ids = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw new UsageError(`--platform: name at least one of ${[...all.keys()].join(', ')}`);
  return ids.map((id) => {
    const p = all.get(id);
    if (!p) throw new UsageError(`--platform: unknown platform '${id}'; known: ${[...all.keys()].join(', ')}`);
    return p;
  });
}
