/**
 * The stems dumped by `drums-classdev.js OUT --stems` (truth and the hits before the stem's second pass), read back
 * for the offline scripts (drums-classdev-score.ts, drums-classdev-misses.ts; one reader, h-debt48), and the
 * `name=value` arguments that set a drums parameter for their run.
 */
import { readFileSync } from 'node:fs';
import { DRUMS_DETECT_PARAMETERS } from '../src/commands/drums.js';
import { parameterSpec, resolveParams } from '../src/commands/params.js';
import type { FoundHit } from '../src/engines/drums/stem.js';

export interface DumpedStem {
  set: string;
  kit: string;
  stem: string;
  rate: number;
  truth: { t: number; piece: string }[];
  found: FoundHit[];
}

/** One dumped stem from its JSON line (JSON has no Infinity / NaN: null to NaN, decay unknown; nextMs to Infinity). */
export function parseDumpedStem(line: string): DumpedStem {
  const s = JSON.parse(line) as DumpedStem;
  for (const h of s.found) {
    const f = h.features as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(f))
      if (v === null) f[k] = k === 'nextMs' ? Infinity : NaN;
      else if (Array.isArray(v)) f[k] = v.map((x) => (x === null ? NaN : x));
  }
  return s;
}

/** Every stem of a dump file (JSON lines). */
export function readStemDump(file: string): DumpedStem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map(parseDumpedStem);
}

/** Sets each `name=value` of args in the first of tables that declares name; an unknown name throws. */
export function setParameters(args: string[], tables: Record<string, { value: number }>[]): void {
  for (const a of args.filter((x) => x.includes('='))) {
    const [k, v] = a.split('=');
    const table = tables.find((t) => k! in t);
    if (!table) throw new Error(`no parameter ${k}`);
    table[k!]!.value = Number(v);
  }
}

/**
 * `--param name=value` (repeatable) in args: a declared parameter of the drum detection engines (the tables of
 * `shub drums detect --param`, DRUMS_DETECT_PARAMETERS) set for the run, checked by the command's own step
 * (src/commands/params.ts: range, integers, shipped presets; h-dx67: `--param model=56` runs the engine on gbm56's
 * preset); the names set. The bench is one run: the values stay set for its process.
 */
export function setDrumParamFlags(args: string[]): string[] {
  const pairs = args.flatMap((a, i) => (a === '--param' ? [args[i + 1] ?? ''] : []));
  const values = resolveParams(DRUMS_DETECT_PARAMETERS, pairs);
  for (const [k, v] of Object.entries(values)) parameterSpec(DRUMS_DETECT_PARAMETERS, k).value = v;
  return pairs.map((a) => a.split('=')[0]!);
}
