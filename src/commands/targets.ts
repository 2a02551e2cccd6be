/**
 * `shub targets` (SPEC's `presets`): every delivery target with its values and where each came
 * from (presets/platforms.yaml:line or the config file that set it). Also the target flags master
 * and validate share: the ad-hoc target (`--lufs -14 --ceiling -1 --lra 10`) and the names in --help.
 */
import type { Command } from 'commander';
import { ExitCode, UsageError } from '../errors.js';
import type { Platform } from '../recipes/platforms.js';
import { defineCommand, withSession, type CliContext, type Session } from './context.js';
import type { JsonFlag } from './options.js';

/** One target as `shub targets --json` prints it. */
export interface TargetListing {
  id: string;
  name: string;
  values: Record<string, unknown>;
  /** For each key of `values`: `presets/platforms.yaml:31` or the config file that set it. */
  sources: Record<string, string>;
}

/** Every target (built-in and from config) with its values and their sources, in file order. */
export async function listTargets(session: Session): Promise<TargetListing[]> {
  const { loadTargetsWithSources } = await import('../recipes/platforms.js');
  const { targets, sources } = await loadTargetsWithSources(
    session.config.platforms ?? {},
    session.configFile,
    session.platformSources,
  );
  return [...targets.values()].map((t) => {
    const { id, name, ...values } = t;
    const src = sources.get(id) ?? {};
    return { id, name, values, sources: Object.fromEntries(Object.keys(values).map((k) => [k, src[k] ?? '?'])) };
  });
}

/** The text form: a block per target, one value per line with its source. */
export function formatTargets(list: TargetListing[]): string {
  return list
    .map((t) => {
      const keys = Object.keys(t.values);
      const rows = keys.map((k) => [k, JSON.stringify(t.values[k]), t.sources[k] ?? '']);
      const w0 = Math.max(...rows.map((r) => r[0]!.length));
      const w1 = Math.max(...rows.map((r) => r[1]!.length));
      const lines = rows.map(([k, v, s]) => `  ${k!.padEnd(w0)}  ${v!.padEnd(w1)}  ${s}`.trimEnd());
      return [`${t.id}  ${t.name}`, ...lines].join('\n');
    })
    .join('\n\n');
}

// ---- the target flags of master and validate -----------------------------------------------

export interface AdHocFlags {
  lufs?: number;
  ceiling?: number;
  lra?: number;
}

function parseNumber(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag}: expected a number, got '${value}'`);
    return n;
  };
}

/** `--lufs`, `--ceiling`, `--lra` and the built-in target names at the end of --help. */
export function addTargetOptions(cmd: Command, names: () => string): Command {
  return cmd
    .option(
      '--lufs <LUFS>',
      'an ad-hoc target instead of (or besides) named ones: integrated loudness',
      parseNumber('--lufs'),
    )
    .option('--ceiling <dBTP>', "the ad-hoc target's true-peak ceiling (default -1)", parseNumber('--ceiling'))
    .option('--lra <LU>', "the ad-hoc target's largest loudness range", parseNumber('--lra'))
    .addHelpText('after', names);
}

/**
 * The targets named by `list` (through `flag`, e.g. `--target`) and the ad-hoc one of the flags
 * (id `custom`), loaded with the config's targets. Neither given is a usage error.
 */
export async function resolveTargets(
  session: Session,
  list: string | undefined,
  flag: string,
  adHoc: AdHocFlags,
): Promise<Platform[]> {
  const { loadPlatforms, selectPlatforms, adHocTarget } = await import('../recipes/platforms.js');
  const all = await loadPlatforms(session.config.platforms ?? {}, session.configFile);
  const custom = await adHocTarget(adHoc, all);
  const named = list !== undefined ? selectPlatforms(all, list, flag) : [];
  if (!custom && named.length === 0) throw new UsageError(`name a target with ${flag} or give one with --lufs`);
  return custom ? [...named, custom] : named;
}

// ---- the command line -----------------------------------------------------------------------

export const targetsCommand = defineCommand({
  name: 'targets',
  description: 'every delivery target (built-in and from your config) with its values and where each came from',
  shared: { json: 'print one JSON object per target per line (NDJSON): id, name, values, sources' },
  examples: ['shub targets', "shub targets --json | jq -r 'select(.values.integratedLufs == -14) | .id'"],
  exitCodes: { 0: 'ok', 2: 'bad config (every problem listed)', 4: 'not used (no database is opened)' },
  note:
    'Values come from presets/platforms.yaml (file:line), from the user-level config ' +
    '(~/.config/shub/config.yaml) or from the shub config found from this folder up to your home folder.',
  run: targetsCli,
});

export async function targetsCli(ctx: CliContext, flags: JsonFlag): Promise<number> {
  return withSession(ctx, 'targets', {}, async (s) => {
    const list = await listTargets(s);
    const output = s.output<TargetListing>(flags, { format: (t) => formatTargets([t]) });
    output.list(list, formatTargets);
    return ExitCode.ok;
  });
}
