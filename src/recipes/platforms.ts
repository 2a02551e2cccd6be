/**
 * Delivery targets (presets/platforms.yaml) as data: one zod schema for the built-in file and for
 * targets users add or override in their config. Errors name the file, the line and the key.
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { $ZodIssue } from 'zod/v4/core';
import { UsageError } from '../errors.js';
import type { TargetFields } from './platforms-schema.js';

export type Platform = TargetFields & { id: string };

/** The built-in presets file. */
export const PLATFORMS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'presets',
  'platforms.yaml',
);

/** The ceiling that applies to a master of `integratedLufs` (the stricter one above louderThan). */
export function truePeakCeilingFor(p: Platform, integratedLufs: number | null): number {
  if (p.louderThan && integratedLufs !== null && integratedLufs > p.louderThan.integratedLufs) {
    return Math.min(p.truePeakCeilingDbtp, p.louderThan.truePeakCeilingDbtp);
  }
  return p.truePeakCeilingDbtp;
}

function issueText(issue: $ZodIssue): string {
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
  if (Object.keys(userPlatforms).length === 0) {
    const compiled = await readCompiled(file, text);
    if (compiled) return compiled;
  }
  return parsePlatforms(text, file, userPlatforms, configFile);
}

/** The build's copy of the shipped presets (see compile-presets.ts), if it matches `text`. */
async function readCompiled(file: string, text: string): Promise<Map<string, Platform> | undefined> {
  if (file !== PLATFORMS_FILE) return undefined;
  try {
    const c = JSON.parse(await readFile(COMPILED_PLATFORMS_FILE, 'utf8')) as CompiledPlatforms;
    if (c.sourceSha256 !== sha256(text)) return undefined;
    return new Map(c.targets.map((t) => [t.id, t]));
  } catch {
    return undefined;
  }
}

export interface CompiledPlatforms {
  sourceSha256: string;
  targets: Platform[];
}

/** Where `npm install` / `npm test` put the validated presets (dist/presets/platforms.json). */
export const COMPILED_PLATFORMS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'presets',
  'platforms.json',
);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parses and validates presets text (yaml + zod, loaded only here) and applies the user's overrides. */
export async function parsePlatforms(
  text: string,
  file: string,
  userPlatforms: Record<string, Record<string, unknown>>,
  configFile: string | null,
): Promise<Map<string, Platform>> {
  const [{ LineCounter, parseDocument }, { fileSchema, targetSchema }] = await Promise.all([
    import('yaml'),
    import('./platforms-schema.js'),
  ]);
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
        throw new UsageError(
          `${cfg}: platforms.${id}.extends: unknown platform '${String(parent)}'; known: ${[...out.keys()].join(', ')}`,
        );
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
  const ids = [
    ...new Set(
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) throw new UsageError(`--platform: name at least one of ${[...all.keys()].join(', ')}`);
  return ids.map((id) => {
    const p = all.get(id);
    if (!p) throw new UsageError(`--platform: unknown platform '${id}'; known: ${[...all.keys()].join(', ')}`);
    return p;
  });
}
