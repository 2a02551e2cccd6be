/**
 * `--param NAME=VALUE` (repeatable): a declared parameter of the engines a command runs, moved from its default
 * for one run (the selectable models: onsets' `onsetModelPreset`, tempo's `levelModelPreset`, drums' `model`, …).
 * One parse-validate-apply step for every command that takes it (analyze, the drums verbs, comp, the queue's
 * analyze jobs) and for the benches' `--params` (eval-onsets, the drums benches, comp-eval): a name not declared,
 * a value out of its declared range, not a number or not an integer where one is declared is a usage error (exit 2)
 * naming the parameter, its range and unit. The values equal to their defaults are dropped: the result, the run's
 * record and the queue's singleton key name only the parameters that differ.
 */
import { UsageError } from '../errors.js';
import { inRange, rangeText, withParameterValues, type ParameterSpec } from '../engines/analysis/params.js';
import type { Decision } from '../store/types.js';

/** A command's engines' parameters: their tables by a short name (the prefix of a name two tables share). */
export interface ParameterTables {
  tables: Readonly<Record<string, Readonly<Record<string, ParameterSpec>>>>;
  /** A model parameter's shipped presets: its only accepted values. */
  choices?: ReadonlyMap<ParameterSpec, readonly number[]>;
}

/** The chosen values by canonical name: the parameter's own name, `TABLE.name` where two tables share it. */
export type ParameterValues = Record<string, number>;

/** commander's collector for the repeatable `--param NAME=VALUE`. */
export const collectParam = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `--param`'s help line; `list`: the command that prints the names (another verb's where this one has none). */
export const paramFlagHelp = (engines: string, list = '--param list'): string =>
  `set a parameter of the ${engines} engines for this run, NAME=VALUE (repeatable; the selectable models among ` +
  `them); \`${list}\` prints every NAME with its default, range and unit`;

/**
 * A params module's tables picked by `keep`, each under its export's name less `prefix` and `_PARAMETERS`, in camel
 * case (`COMP_POINT_SCALES` → `pointScales`, `STEM_RING_PARAMETERS` → `stemRing`).
 */
export function tablesByName(
  module: Readonly<Record<string, unknown>>,
  keep: (exportName: string) => boolean,
  prefix = '',
): Record<string, Readonly<Record<string, ParameterSpec>>> {
  return Object.fromEntries(
    Object.entries(module)
      .filter(([k]) => keep(k))
      .map(([k, t]) => [
        k
          .slice(prefix.length)
          .replace(/_PARAMETERS$/, '')
          .toLowerCase()
          .replace(/_(.)/g, (_m, c: string) => c.toUpperCase()),
        t as Readonly<Record<string, ParameterSpec>>,
      ]),
  );
}

interface Entry {
  canonical: string;
  spec: ParameterSpec;
}

const seen = new WeakMap<ParameterTables, Map<string, Entry>>();

/** Every parameter of the tables under its canonical name (bare unless another table has the same name). */
function entries(set: ParameterTables): Map<string, Entry> {
  const known = seen.get(set);
  if (known) return known;
  const { tables } = set;
  const count = new Map<string, number>();
  for (const t of Object.values(tables)) for (const n of Object.keys(t)) count.set(n, (count.get(n) ?? 0) + 1);
  const out = new Map<string, Entry>();
  for (const [table, t] of Object.entries(tables))
    for (const [n, spec] of Object.entries(t)) {
      const canonical = count.get(n)! > 1 ? `${table}.${n}` : n;
      out.set(canonical, { canonical, spec });
    }
  seen.set(set, out);
  return out;
}

/** The declared spec of a canonical name (as resolveParams returns them): a bench that sets it for its whole run. */
export function parameterSpec(tables: ParameterTables, name: string): ParameterSpec {
  return lookup(tables, name, '--param').spec;
}

function lookup(tables: ParameterTables, name: string, flag: string): Entry {
  const all = entries(tables);
  const found = all.get(name);
  if (found) return found;
  const shared = [...all.keys()].filter((k) => k.endsWith(`.${name}`));
  if (shared.length)
    throw new UsageError(`${flag}: '${name}' is a parameter of several engines; name one: ${shared.join(', ')}`);
  throw new UsageError(`${flag}: no parameter '${name}' in this command's engines; \`${flag} list\` prints them`);
}

/**
 * `--param` flags (NAME=VALUE strings, or a job's stored values) checked against the tables: the values that
 * differ from their defaults, keys sorted. Throws UsageError (exit 2) naming the parameter, its range and unit.
 */
export function resolveParams(
  tables: ParameterTables,
  given: readonly string[] | Readonly<Record<string, unknown>> | undefined,
  flag = '--param',
): ParameterValues {
  const pairs: [string, string][] = Array.isArray(given)
    ? (given as readonly string[]).map((f) => {
        const m = /^([A-Za-z0-9_.]+)=(.*)$/.exec(f);
        if (!m) throw new UsageError(`${flag}: expected NAME=VALUE (e.g. onsetModelPreset=92), got '${f}'`);
        return [m[1]!, m[2]!];
      })
    : Object.entries(given ?? {}).map(([k, v]) => [k, String(v)]);
  const out: ParameterValues = {};
  for (const [name, text] of pairs) {
    const { canonical, spec } = lookup(tables, name, flag);
    const value = Number(text);
    if (text.trim() === '' || !inRange(spec, value))
      throw new UsageError(
        `${flag} ${canonical}: expected ${spec.integer ? 'an integer' : 'a number'} in ${rangeText(spec)}, ` +
          `got '${text}' (default ${spec.value})`,
      );
    const shipped = tables.choices?.get(spec);
    if (shipped && !shipped.includes(value))
      throw new UsageError(
        `${flag} ${canonical}: no such preset ${value}; shipped: ${shipped.join(', ')} (default ${spec.value})`,
      );
    if (value === spec.value) delete out[canonical];
    else out[canonical] = value;
  }
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, out[k]!]),
  );
}

/** Runs `fn` (synchronous) with the values set in the engines' tables, then restores the defaults. */
export function withParams<T>(tables: ParameterTables, values: ParameterValues | undefined, fn: () => T): T {
  if (!values || Object.keys(values).length === 0) return fn();
  return withParameterValues(
    Object.entries(values).map(([k, v]) => [lookup(tables, k, '--param').spec, v] as const),
    fn,
  );
}

/** `onsetModelPreset 92 (default 87), onsetModelShortWindowSeconds 0.02 s (default 0 s)`: for the run's record. */
export function describeParams(tables: ParameterTables, values: ParameterValues): string {
  return Object.entries(values)
    .map(([k, v]) => {
      const { spec } = lookup(tables, k, '--param');
      // a model's round is its name, not a quantity
      const unit = spec.unit && !spec.unit.includes('round') ? ` ${spec.unit}` : '';
      return `${k} ${v}${unit} (default ${spec.value}${unit})`;
    })
    .join(', ');
}

/**
 * A run's parameters checked (resolveParams) and, when any differs from its default, logged as the run's decision
 * `ENGINE.parameters` ("parameters: onsetModelPreset 92 (default 87) (--param)"); the values returned.
 */
export function recordParams(
  recorder: { decide(d: Decision): void },
  engine: string,
  tables: ParameterTables,
  given: Readonly<Record<string, unknown>> | undefined,
): ParameterValues {
  const values = resolveParams(tables, given ?? {});
  if (Object.keys(values).length)
    recorder.decide({
      engine: `${engine}.parameters`,
      decision: 'parameters',
      value: values,
      reason: `parameters: ${describeParams(tables, values)} (--param)`,
    });
  return values;
}

/** `--param list`: every parameter, one line each: name, default, range and unit. */
export function listParams(tables: ParameterTables): string {
  const rows = [...entries(tables).values()].sort((a, b) => a.canonical.localeCompare(b.canonical));
  const width = Math.max(...rows.map((r) => r.canonical.length));
  return rows
    .map((r) => {
      const shipped = tables.choices?.get(r.spec);
      const kind = shipped ? ` (one of ${shipped.join(', ')})` : r.spec.integer ? ' (integer)' : '';
      return `${r.canonical.padEnd(width)}  ${String(r.spec.value).padStart(8)}  ${rangeText(r.spec)}${kind}`;
    })
    .join('\n');
}
