/**
 * Delivery targets (presets/platforms.yaml) as data: one zod schema for the built-in file and for
 * targets users add or override in their config. Errors name the file, the line and the key.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { presetPath } from '../presets.js';
import { issueText, valueAtPath } from './issue.js';
import type { TargetFields } from './platforms-schema.js';

export type Platform = TargetFields & { id: string };

/** The built-in presets file. */
export const PLATFORMS_FILE = presetPath('platforms.yaml');

/** The ceiling that applies to a master of `integratedLufs` (the stricter one above louderThan). */
export function truePeakCeilingFor(p: Platform, integratedLufs: number | null): number {
  if (p.louderThan && integratedLufs !== null && integratedLufs > p.louderThan.integratedLufs) {
    return Math.min(p.truePeakCeilingDbtp, p.louderThan.truePeakCeilingDbtp);
  }
  return p.truePeakCeilingDbtp;
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
  userSources: Record<string, Record<string, string>> = {},
): Promise<Map<string, Platform>> {
  return (await parseWithSources(text, file, userPlatforms, configFile, userSources)).targets;
}

/** Targets by id and, for each, where each of its values came from (`presets/platforms.yaml:31`, a config). */
export interface TargetsWithSources {
  targets: Map<string, Platform>;
  sources: Map<string, Record<string, string>>;
}

/** The built-in targets with the user's from config, each value with its source (for `shub targets`). */
export async function loadTargetsWithSources(
  userPlatforms: Record<string, Record<string, unknown>> = {},
  configFile: string | null = null,
  userSources: Record<string, Record<string, string>> = {},
  file = PLATFORMS_FILE,
): Promise<TargetsWithSources> {
  return parseWithSources(await readFile(file, 'utf8'), file, userPlatforms, configFile, userSources);
}

async function parseWithSources(
  text: string,
  file: string,
  userPlatforms: Record<string, Record<string, unknown>>,
  configFile: string | null,
  userSources: Record<string, Record<string, string>>,
): Promise<TargetsWithSources> {
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
  const lineOf = (keyPath: (string | number)[]) => {
    const node = doc.getIn(keyPath, true) as { range?: [number, number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  const where = (keyPath: (string | number)[]) => {
    const line = lineOf(keyPath);
    return `${rel}${line ? `:${line}` : ''} ${keyPath.join('.')}`;
  };
  const js: unknown = doc.toJS();
  const parsedFile = fileSchema.safeParse(js);
  if (!parsedFile.success) {
    const i = parsedFile.error.issues[0]!;
    throw new UsageError(`${where(i.path)}: ${issueText(i, valueAtPath(js, i.path))}`);
  }
  const { defaults, targets } = parsedFile.data;
  const out = new Map<string, Platform>();
  const sources = new Map<string, Record<string, string>>();
  const label = file === PLATFORMS_FILE ? 'presets/platforms.yaml' : rel; // the shipped file, wherever installed
  const builtIn = (keyPath: string[]) => {
    const line = lineOf(keyPath);
    return `${label}${line ? `:${line}` : ''}`;
  };
  const defaultSources = Object.fromEntries(Object.keys(defaults).map((k) => [k, builtIn(['defaults', k])]));
  for (const [id, raw] of Object.entries(targets)) {
    const t = targetSchema.safeParse(raw);
    if (!t.success) {
      const i = t.error.issues[0]!;
      throw new UsageError(`${where(['targets', id, ...i.path])}: ${issueText(i, valueAtPath(raw, i.path))}`);
    }
    out.set(id, { ...defaults, ...t.data, id });
    const own = Object.fromEntries(Object.keys(t.data).map((k) => [k, builtIn(['targets', id, k])]));
    sources.set(id, { ...defaultSources, ...own });
  }
  const cfgName = (f: string) => path.relative(process.cwd(), f) || f;
  const cfg = configFile ? cfgName(configFile) : 'config';
  // every problem of the config's targets at once (issue 17 point 6)
  const problems: string[] = [];
  for (const [id, entry] of Object.entries(userPlatforms)) {
    const { extends: parent, ...fields } = entry as { extends?: unknown };
    const from = (field: string) => cfgName(userSources[id]?.[field] ?? configFile ?? 'config');
    let base: Partial<Platform> | undefined = out.get(id);
    let baseSources = sources.get(id) ?? defaultSources;
    if (parent !== undefined) {
      if (typeof parent !== 'string' || !out.has(parent)) {
        const hint = typeof parent === 'string' ? didYouMean(parent, [...out.keys()]) : '';
        problems.push(`${from('extends')}: platforms.${id}.extends: unknown platform '${String(parent)}'${hint}`);
        continue;
      }
      base = out.get(parent);
      baseSources = sources.get(parent)!;
    }
    const { id: _id, ...inherited } = base ?? { ...defaults };
    const merged = { ...inherited, ...fields };
    const t = targetSchema.safeParse(merged);
    if (!t.success) {
      const hint = base ? '' : ` (a new platform needs every field, or 'extends: <platform>')`;
      for (const i of t.error.issues) {
        const key = String(i.path[0] ?? '');
        problems.push(
          `${from(key)}: platforms.${id}.${i.path.join('.')}: ${issueText(i, valueAtPath(merged, i.path))}${hint}`,
        );
      }
      continue;
    }
    out.set(id, { ...defaults, ...t.data, id });
    const setBy = (k: string) => userSources[id]?.[k] ?? configFile ?? 'config'; // absolute: clear from anywhere
    sources.set(id, { ...baseSources, ...Object.fromEntries(Object.keys(fields).map((k) => [k, setBy(k)])) });
  }
  if (problems.length === 1) throw new UsageError(problems[0]!);
  if (problems.length > 1) {
    throw new UsageError(`${cfg}: ${problems.length} problems in platforms: ${problems.join('; ')}`);
  }
  return { targets: out, sources };
}

/** Levenshtein distance (insertions, deletions and substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** ` (did you mean spotify?)` for the closest known name within a third of its length (at least 2), or ''. */
export function didYouMean(name: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  const allowed = Math.max(2, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= allowed ? ` (did you mean ${best}?)` : '';
}

/**
 * The ids of the built-in targets, read synchronously for --help (the `targets:` keys of
 * presets/platforms.yaml, two spaces in); targets from config are listed by `shub targets`.
 */
export function builtInTargetNames(file = PLATFORMS_FILE): string[] {
  try {
    const text = readFileSync(file, 'utf8');
    const body = text.slice(text.search(/^targets:\s*$/m));
    return [...body.matchAll(/^ {2}([a-z0-9][a-z0-9-]*):\s*(#.*)?$/gm)].map((m) => m[1]!);
  } catch {
    return [];
  }
}

/** The sentence --help ends with: every built-in target, and where to see their values. */
export function targetNamesHelp(): string {
  return (
    `\nBuilt-in targets: ${builtInTargetNames().join(', ')}.\n` +
    'Targets added in your config work too; `shub targets` lists every target with its values and sources.'
  );
}

/** `--lufs`, `--ceiling` and `--lra`: a target given on the command line instead of by name. */
export interface AdHocTargetFlags {
  lufs?: number;
  ceiling?: number;
  lra?: number;
}

/** The id of the target made from --lufs/--ceiling/--lra (outputs are named <mix>.custom.<ext>). */
export const AD_HOC_TARGET_ID = 'custom';

/**
 * The target the flags describe, or undefined when none is given: loudness ±1 LU, the ceiling (default
 * -1 dBTP), at most `lra` LU of loudness range, the quality checks every target inherits, delivered as
 * 48 kHz 24-bit WAV (or --format). Checked by the same schema as presets/platforms.yaml.
 */
export async function adHocTarget(
  flags: AdHocTargetFlags,
  defaults: Map<string, Platform>,
): Promise<Platform | undefined> {
  if (flags.lufs === undefined && flags.ceiling === undefined && flags.lra === undefined) return undefined;
  if (flags.lufs === undefined)
    throw new UsageError('--ceiling and --lra make a target together with --lufs; add --lufs');
  const { targetSchema, qualitySchema } = await import('./platforms-schema.js');
  const inherited = [...defaults.values()][0];
  const quality = inherited ? qualitySchema.parse(qualityOf(inherited)) : {};
  const ceiling = flags.ceiling ?? -1;
  const fields = {
    ...quality,
    name: `ad-hoc ${flags.lufs} LUFS, ${ceiling} dBTP${flags.lra !== undefined ? `, LRA <= ${flags.lra} LU` : ''}`,
    integratedLufs: flags.lufs,
    integratedToleranceLu: 1.0,
    truePeakCeilingDbtp: ceiling,
    ...(flags.lra !== undefined ? { loudnessRangeLu: { max: flags.lra } } : {}),
    delivery: { sampleRateHz: 48000, bitDepth: 24, format: 'wav' as const },
  };
  const t = targetSchema.safeParse(fields);
  if (!t.success) {
    const i = t.error.issues[0]!;
    const flag =
      { integratedLufs: '--lufs', truePeakCeilingDbtp: '--ceiling', loudnessRangeLu: '--lra' }[String(i.path[0])] ??
      String(i.path[0]);
    throw new UsageError(`${flag}: ${issueText(i, valueAtPath(fields, i.path))}`);
  }
  return { ...(quality as Platform), ...t.data, id: AD_HOC_TARGET_ID };
}

function qualityOf(p: Platform): Record<string, unknown> {
  const keys = [
    'clippedSamplesMax',
    'dcOffsetMax',
    'leadingSilenceMaxSeconds',
    'trailingSilenceMaxSeconds',
    'monoLoudnessDropMaxLu',
    'phaseCorrelationMin',
    'codecs',
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, p[k]]));
}

/**
 * Resolves `--platform a,b` (or `--target`, named by `flag`) to targets; an unknown id is a usage
 * error with the closest known name and the list of known ones.
 */
export function selectPlatforms(all: Map<string, Platform>, list: string, flag = '--platform'): Platform[] {
  const ids = [
    ...new Set(
      list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const known = [...all.keys()];
  if (ids.length === 0) throw new UsageError(`${flag}: name at least one of ${known.join(', ')}`);
  return ids.map((id) => {
    const p = all.get(id);
    if (!p) {
      throw new UsageError(
        `${flag}: unknown target '${id}'${didYouMean(id, known)}; known: ${known.join(', ')} ` +
          '(`shub targets` lists them with their values)',
      );
    }
    return p;
  });
}
