/**
 * Drum sessions and kits (issue 13): YAML → zod → checks, with the mix loader's YAML limits and its
 * `session.yaml:4 tracks[1].instrument: expected one of kick, …` errors (exit 2). Paths are relative
 * to the YAML file and must exist when it loads.
 *
 * ```yaml
 * # session
 * tracks:
 *   - { name: Kick In, file: kick.wav, instrument: kick }
 *   - { name: OH, file: oh.wav, instrument: overheads }
 * # kit
 * kick:
 *   layers:
 *     - { velocity: [1, 70], files: [kick/soft-1.wav, kick/soft-2.wav] }
 *     - { velocity: [71, 127], file: kick/hard.wav }
 * ```
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { readLimited, resolveLimits, type Limits } from '../engines/mix/limits.js';
import { parseYamlWithLines, zodError, type KeyPath } from './mix.js';

export const INSTRUMENTS = [
  'kick',
  'snare',
  'tom',
  'hihat',
  'ride',
  'crash',
  'overheads',
  'room',
  'percussion',
  'mix',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];
/** Instruments a kit can replace (a close mic's drum, or a class found on a `mix` track). */
export const KIT_PIECES = ['kick', 'snare', 'tom', 'hihat', 'ride', 'crash', 'percussion'] as const;
export type KitPieceName = (typeof KIT_PIECES)[number];
/** Mics that hear the whole kit: moved with the rest, never triggered. */
export const AMBIENT: readonly Instrument[] = ['overheads', 'room'];
export const MAX_TRACKS = 64;

export interface SessionTrack {
  name: string;
  /** Absolute path. */
  file: string;
  instrument: Instrument;
}

export interface DrumSessionFile {
  /** The session file, or null for plain files (one `mix` track each). */
  file: string | null;
  tracks: SessionTrack[];
}

const existing = (dir: string, f: string, locate: () => string, what: string): string => {
  const abs = path.resolve(dir, f);
  let ok = false;
  try {
    ok = statSync(abs).isFile();
  } catch {
    ok = false;
  }
  if (!ok)
    throw new UsageError(`${locate()}: no such file '${f}' (looked for ${abs}); paths are relative to the ${what}`);
  return abs;
};

/** Is this argument a drum session (YAML) rather than an audio file? */
export const isSessionFile = (f: string): boolean => /\.ya?ml$/i.test(f);

export async function loadDrumSession(
  sessionFile: string,
  limits: Limits = resolveLimits(undefined),
): Promise<DrumSessionFile> {
  const text = await readLimited(sessionFile, limits, 'drum session');
  const { data, locate, valueAt } = await parseYamlWithLines(text, sessionFile);
  const { sessionSchema } = await import('./drums-schema.js');
  const parsed = sessionSchema.safeParse(data ?? {});
  if (!parsed.success) throw zodError(parsed.error.issues[0]!, locate, valueAt);
  const dir = path.dirname(path.resolve(sessionFile));
  const names = new Map<string, number>();
  const tracks = parsed.data.tracks.map((t, i) => {
    const at: KeyPath = ['tracks', i];
    const before = names.get(t.name);
    if (before !== undefined)
      throw new UsageError(
        `${locate([...at, 'name'])}: the name '${t.name}' is already used by tracks[${before}]; names must be unique`,
      );
    names.set(t.name, i);
    return {
      name: t.name,
      instrument: t.instrument,
      file: existing(dir, t.file, () => locate([...at, 'file']), 'session file'),
    };
  });
  if (!tracks.some((t) => !AMBIENT.includes(t.instrument)))
    throw new UsageError(
      `${locate(['tracks'])}: no close mic (only overheads/room); add the close mics (kick, snare, …) or a ` +
        "whole-kit stem as instrument 'mix'",
    );
  return { file: sessionFile, tracks };
}

/** Plain audio files: one `mix` track each, named after the file. */
export function plainSession(files: string[]): DrumSessionFile {
  return {
    file: null,
    tracks: files.map((f) => ({ name: path.basename(f, path.extname(f)), file: path.resolve(f), instrument: 'mix' })),
  };
}

// ---- kits ------------------------------------------------------------------------------------

export interface KitLayer {
  velocity: [number, number];
  /** Absolute paths: round-robin alternatives. */
  files: string[];
  /** `kit.yaml:7 kick.layers[1]` for messages. */
  at: string;
}

export interface LoadedKit {
  file: string;
  pieces: Partial<Record<KitPieceName, KitLayer[]>>;
  /** Every sample file (absolute), for the run record. */
  files: string[];
  locate(p: KeyPath): string;
}

export async function loadKit(kitFile: string, limits: Limits = resolveLimits(undefined)): Promise<LoadedKit> {
  const text = await readLimited(kitFile, limits, 'kit');
  const { data, locate, valueAt } = await parseYamlWithLines(text, kitFile);
  const { kitSchema } = await import('./drums-schema.js');
  const parsed = kitSchema.safeParse(data ?? {});
  if (!parsed.success) throw zodError(parsed.error.issues[0]!, locate, valueAt);
  const dir = path.dirname(path.resolve(kitFile));
  const files: string[] = [];
  const pieces: LoadedKit['pieces'] = {};
  for (const piece of KIT_PIECES) {
    const spec = parsed.data[piece];
    if (!spec) continue;
    pieces[piece] = spec.layers.map((l, i) => {
      const at: KeyPath = [piece, 'layers', i];
      if ((l.file === undefined) === (l.files === undefined))
        throw new UsageError(`${locate(at)}: give either file: (one sample) or files: (round-robin alternatives)`);
      if (l.velocity[0] > l.velocity[1])
        throw new UsageError(`${locate([...at, 'velocity'])}: the range [${l.velocity.join(', ')}] runs backwards`);
      const list = l.files ?? [l.file!];
      const key = l.files ? 'files' : 'file';
      const abs = list.map((f, k) =>
        existing(dir, f, () => locate(l.files ? [...at, key, k] : [...at, key]), 'kit file'),
      );
      files.push(...abs);
      return { velocity: [l.velocity[0], l.velocity[1]], files: abs, at: locate(at) };
    });
    // every velocity 1–127 finds a layer
    for (let v = 1; v <= 127; v++)
      if (!pieces[piece]!.some((l) => v >= l.velocity[0] && v <= l.velocity[1]))
        throw new UsageError(
          `${locate([piece, 'layers'])}: no layer covers velocity ${v}; the layers' ranges must cover 1–127`,
        );
  }
  if (Object.keys(pieces).length === 0)
    throw new UsageError(
      `${path.relative(process.cwd(), kitFile) || kitFile}: the kit names no instrument; ` +
        'add e.g. kick: { layers: [...] }',
    );
  return { file: kitFile, pieces, files, locate };
}
