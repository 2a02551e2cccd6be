/**
 * Mix recipes (SPEC §7b): YAML → zod (src/recipes/mix-schema.ts) → cross-checks (unique names,
 * buses that exist, no routing loops) → chains by name (presets/chains/<name>.yaml, or a
 * `chains` folder beside the recipe). Every error is one line naming the file, the line and
 * the key: `mix.yaml:14 tracks[2].gainDb: expected a number, got "loud"` (exit 2).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ZodIssue } from 'zod/v3';
import { UsageError } from '../errors.js';
import { presetPath } from '../presets.js';
import type { ChainPreset, Recipe } from './mix-schema.js';
import { issueText } from './issue.js';
import { overLimit, readLimited, resolveLimits, type Limits } from '../engines/mix/limits.js';

/** The built-in reusable chains. */
export const CHAINS_DIR = presetPath('chains');
/** The built-in example recipes. */
export const RECIPES_DIR = presetPath('recipes');

export type KeyPath = (string | number)[];

/** `tracks[2].gainDb` */
export function keyPathText(p: KeyPath): string {
  let out = '';
  for (const k of p) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  return out || '(top level)';
}

export interface LoadedRecipe {
  /** The recipe file as given, and its folder (stem paths are relative to it). */
  file: string;
  dir: string;
  recipe: Recipe;
  /** `mix.yaml:14 tracks[2].gainDb` for a key path (line when the key is in the file). */
  locate(p: KeyPath): string;
  /** The resolved chain preset of each `chain:` reference, by name. */
  chains: Map<string, ChainPreset>;
}

/** How many times a YAML document may expand its aliases (yaml's maxAliasCount; a bomb expands billions). */
export const MAX_ALIAS_EXPANSIONS = 100;

/**
 * How deep a recipe's YAML may nest ([ and { levels, or indentation columns): a real recipe needs a
 * handful; ten thousand `[` on one line made the parser recurse for 30 s and 3 GB before failing.
 */
export const MAX_YAML_NESTING = { flowLevels: 64, indentColumns: 256 } as const;

/** The first line (1-based) where `text` nests deeper than MAX_YAML_NESTING, or 0. Quotes and comments are skipped. */
export function tooDeepAt(text: string): number {
  let line = 1;
  let depth = 0;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = true;
      indent = 0;
      if (quote === "'" || quote === '"') continue;
      quote = '';
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        if (++indent > MAX_YAML_NESTING.indentColumns) return line;
        continue;
      }
      lineStart = false;
    }
    if (quote === '#') continue;
    if (quote) {
      if (c === quote && (quote === "'" || text[i - 1] !== '\\')) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) quote = '#';
    else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_NESTING.flowLevels) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return 0;
}

/** A YAML document with line lookups for key paths (the approach of src/recipes/platforms.ts). */
export async function parseYamlWithLines(
  text: string,
  file: string,
): Promise<{ data: unknown; locate: (p: KeyPath) => string; valueAt: (p: KeyPath) => unknown }> {
  const rel = path.relative(process.cwd(), file) || file;
  const deep = tooDeepAt(text);
  if (deep)
    throw new UsageError(
      `${rel}:${deep} nests deeper than ${MAX_YAML_NESTING.flowLevels} levels of [ ] / { } or ` +
        `${MAX_YAML_NESTING.indentColumns} columns of indentation; a recipe never needs that, fix the file`,
    );
  const { LineCounter, parseDocument, isMap } = await import('yaml');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new UsageError(`${rel}:${lines.linePos(e.pos[0]).line} ${e.message.split('\n')[0]}; fix the YAML syntax`);
  }
  const locate = (p: KeyPath) => {
    // the deepest node of the path that exists gives the line
    for (let n = p.length; n >= 0; n--) {
      const sub = p.slice(0, n);
      let range: [number, number, number?] | undefined;
      if (n > 0) {
        const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((it) => (it.key as { value?: unknown } | null)?.value === sub[sub.length - 1]);
          range = (pair?.key as { range?: [number, number] } | undefined)?.range;
        }
      }
      if (!range) range = (doc.getIn(sub, true) as { range?: [number, number] } | undefined)?.range;
      if (range) return `${rel}:${lines.linePos(range[0]).line} ${keyPathText(p)}`;
    }
    return `${rel} ${keyPathText(p)}`;
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (err) {
    // yaml refuses alias expansion past maxAliasCount (a "billion laughs" bomb) with a ReferenceError
    if (!/alias/i.test((err as Error).message)) throw err;
    throw new UsageError(
      `${rel}: its YAML aliases expand more than ${MAX_ALIAS_EXPANSIONS} times (an alias bomb?); write the values ` +
        'out, or reuse settings with chain presets',
    );
  }
  return { data, locate, valueAt: (p) => doc.getIn(p) };
}

/** Reads, validates and cross-checks a recipe; chains are resolved from `chainDirs` (then the built-in ones). */
export async function loadRecipe(
  file: string,
  options: { chainDirs?: string[]; limits?: Limits } = {},
): Promise<LoadedRecipe> {
  const limits = options.limits ?? resolveLimits(undefined);
  const text = await readLimited(file, limits, 'recipe');
  const { data, locate, valueAt } = await parseYamlWithLines(text, file);
  checkLimits(data, locate, limits);
  const { recipeSchema } = await import('./mix-schema.js');
  const parsed = recipeSchema.safeParse(data ?? {});
  if (!parsed.success) throw zodError(parsed.error.issues[0]!, locate, valueAt);
  const recipe = parsed.data;
  const dir = path.dirname(path.resolve(file));
  crossCheck(recipe, locate);
  const chainDirs = [...(options.chainDirs ?? []), path.join(dir, 'chains'), CHAINS_DIR];
  const chains = await resolveChains(recipe, locate, chainDirs, limits);
  checkNyquist(recipe, chains, locate);
  return { file, dir, recipe, locate, chains };
}

/**
 * The work limits a recipe can ask for (src/engines/mix/limits.ts), checked on the parsed YAML
 * before the schema so that a huge track list is refused at once: track count and stem offsets.
 */
function checkLimits(data: unknown, locate: (p: KeyPath) => string, limits: Limits): void {
  const tracks = (data as { tracks?: unknown } | null)?.tracks;
  if (!Array.isArray(tracks)) return;
  if (tracks.length > limits.tracks)
    throw new UsageError(`${locate(['tracks'])}: ${overLimit('tracks', `${tracks.length} tracks`, limits)}`);
  tracks.forEach((t, i) => {
    const offset = (t as { offsetSeconds?: unknown } | null)?.offsetSeconds;
    if (typeof offset === 'number' && offset > limits.offsetSeconds)
      throw new UsageError(
        `${locate(['tracks', i, 'offsetSeconds'])}: ${overLimit('offsetSeconds', `an offset of ${offset} s`, limits)}`,
      );
  });
}

/** EQ bands must lie below half the recipe's sample rate (the one range that depends on the rate). */
function checkNyquist(recipe: Recipe, chains: Map<string, ChainPreset>, locate: (p: KeyPath) => string): void {
  const nyquist = recipe.sampleRate / 2;
  const strips: [KeyPath, { eq?: { freqHz: number }[] | undefined; chain?: string | undefined }][] = [
    ...recipe.tracks.map((t, i): [KeyPath, typeof t] => [['tracks', i], t]),
    ...(recipe.buses ?? []).map((b, i): [KeyPath, typeof b] => [['buses', i], b]),
    ...(recipe.master ? [[['master'], recipe.master] as [KeyPath, typeof recipe.master]] : []),
  ];
  for (const [at, strip] of strips) {
    const own = strip.eq !== undefined;
    const bands = own ? strip.eq : strip.chain ? chains.get(strip.chain)?.eq : undefined;
    bands?.forEach((b, k) => {
      if (b.freqHz < nyquist) return;
      const where = own ? locate([...at, 'eq', k, 'freqHz']) : `${locate([...at, 'chain'])} (eq[${k}].freqHz)`;
      throw new UsageError(
        `${where}: ${b.freqHz} Hz is not below half the sample rate (${nyquist} Hz); lower it or raise sampleRate`,
      );
    });
  }
}

export function zodError(
  issue: ZodIssue,
  locate: (p: KeyPath) => string,
  valueAt: (p: KeyPath) => unknown,
): UsageError {
  const p = issue.path as KeyPath;
  if (issue.code === 'unrecognized_keys')
    return new UsageError(
      `${locate([...p, issue.keys[0]!])}: ${issueText(issue, undefined)}; check the spelling (docs/recipes.md ` +
        `and docs/rigs.md list the keys)`,
    );
  return new UsageError(`${locate(p)}: ${issueText(issue, valueAt(p))}`);
}

function crossCheck(recipe: Recipe, locate: (p: KeyPath) => string): void {
  const buses = recipe.buses ?? [];
  const seen = new Map<string, KeyPath>();
  const names: [string, KeyPath][] = [
    ...recipe.tracks.map((t, i): [string, KeyPath] => [t.name, ['tracks', i, 'name']]),
    ...buses.map((b, i): [string, KeyPath] => [b.name, ['buses', i, 'name']]),
  ];
  for (const [name, at] of names) {
    const before = seen.get(name);
    if (before)
      throw new UsageError(
        `${locate(at)}: the name '${name}' is already used at ${locate(before)}; names must be unique`,
      );
    seen.set(name, at);
  }
  const busIndex = new Map(buses.map((b, i) => [b.name, i]));
  const checkBus = (name: string, at: KeyPath) => {
    if (!busIndex.has(name)) {
      const known = buses.map((b) => b.name);
      throw new UsageError(
        `${locate(at)}: no bus named '${name}'; ${known.length ? `buses: ${known.join(', ')}` : 'add it under buses:'}`,
      );
    }
  };
  recipe.tracks.forEach((t, i) => {
    if (t.output) checkBus(t.output, ['tracks', i, 'output']);
    t.sends?.forEach((s, k) => checkBus(s.bus, ['tracks', i, 'sends', k, 'bus']));
    for (const key of ['gainDb', 'pan'] as const) {
      const pts = t.automation?.[key];
      pts?.forEach((pt, k) => {
        if (k > 0 && pt[0] < pts[k - 1]![0])
          throw new UsageError(
            `${locate(['tracks', i, 'automation', key, k])}: breakpoint times must not decrease (${pt[0]} s ` +
              `after ${pts[k - 1]![0]} s)`,
          );
      });
    }
  });
  // bus → bus edges must not loop
  const edges = buses.map((b, i) => {
    const out: [number, KeyPath][] = [];
    if (b.output) {
      checkBus(b.output, ['buses', i, 'output']);
      out.push([busIndex.get(b.output)!, ['buses', i, 'output']]);
    }
    b.sends?.forEach((s, k) => {
      checkBus(s.bus, ['buses', i, 'sends', k, 'bus']);
      out.push([busIndex.get(s.bus)!, ['buses', i, 'sends', k, 'bus']]);
    });
    return out;
  });
  const state = new Array<number>(buses.length).fill(0);
  const visit = (i: number, via: KeyPath | null): void => {
    if (state[i] === 2) return;
    if (state[i] === 1)
      throw new UsageError(
        `${locate(via ?? ['buses', i])}: routing loop through bus '${buses[i]!.name}'; a bus cannot feed itself`,
      );
    state[i] = 1;
    for (const [j, at] of edges[i]!) visit(j, at);
    state[i] = 2;
  };
  for (let i = 0; i < buses.length; i++) visit(i, null);
}

async function resolveChains(
  recipe: Recipe,
  locate: (p: KeyPath) => string,
  dirs: string[],
  limits: Limits,
): Promise<Map<string, ChainPreset>> {
  const refs: [string, KeyPath][] = [];
  recipe.tracks.forEach((t, i) => t.chain && refs.push([t.chain, ['tracks', i, 'chain']]));
  (recipe.buses ?? []).forEach((b, i) => b.chain && refs.push([b.chain, ['buses', i, 'chain']]));
  if (recipe.master?.chain) refs.push([recipe.master.chain, ['master', 'chain']]);
  const out = new Map<string, ChainPreset>();
  for (const [name, at] of refs) {
    if (out.has(name)) continue;
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name))
      throw new UsageError(`${locate(at)}: chain names are words joined by - or _, got '${name}'`);
    const file = dirs.map((d) => path.join(d, `${name}.yaml`)).find((f) => existsSync(f));
    if (!file)
      throw new UsageError(
        `${locate(at)}: no chain named '${name}'; available: ${listChains(dirs).join(', ') || '(none)'}`,
      );
    out.set(name, await loadChain(file, limits));
  }
  return out;
}

/** Chain names available in `dirs` (for messages and `shub presets`). */
export function listChains(dirs: string[] = [CHAINS_DIR]): string[] {
  const names = new Set<string>();
  for (const d of dirs) {
    try {
      for (const f of readdirSync(d)) if (f.endsWith('.yaml')) names.add(f.slice(0, -5));
    } catch {
      // a folder that does not exist has no chains
    }
  }
  return [...names].sort();
}

export async function loadChain(file: string, limits: Limits = resolveLimits(undefined)): Promise<ChainPreset> {
  const text = await readLimited(file, limits, 'chain');
  const { data, locate, valueAt } = await parseYamlWithLines(text, file);
  const { chainPresetSchema } = await import('./mix-schema.js');
  const parsed = chainPresetSchema.safeParse(data ?? {});
  if (!parsed.success) throw zodError(parsed.error.issues[0]!, locate, valueAt);
  return parsed.data;
}
