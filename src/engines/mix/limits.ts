/**
 * Bounds on the work a recipe or a REAPER project may ask of `shub mix` / `shub render` (issue 18:
 * a small file cannot demand unbounded work). Each limit is declared once here with unit, range
 * and default; config `limits:` (src/config-schema.ts) and `--limit NAME=VALUE` override it, in
 * that order. A session over a limit is the file's fault (exit 2, naming the file, the line/key
 * and how to raise the limit); output that would not fit on its disk is the environment's (exit 4).
 */
import { statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError, InputError, UsageError } from '../../errors.js';
import { inRange, rangeText } from '../dsp/params.js';
import { p } from '../analysis/params.js';
import type { MixGraph } from './graph.js';

/** Every limit is a whole number. */
const limit = (value: number, unit: string, range: [number, number], description: string) =>
  p(value, unit, range, description, true);

/** The limits, by the name `--limit` and config `limits:` use. */
export const MIX_LIMITS = {
  sessionSeconds: limit(
    4 * 3600,
    's',
    [1, 7 * 86400],
    'longest timeline rendered (last item end plus tail); 4 h of 48 kHz float stereo is 5.5 GB',
  ),
  offsetSeconds: limit(4 * 3600, 's', [0, 7 * 86400], 'latest start of a stem or item on the timeline'),
  tracks: limit(2048, 'tracks', [1, 65536], 'tracks of a recipe, or items of a REAPER project'),
  fileBytes: limit(
    16 * 1024 * 1024,
    'bytes',
    [1024, 1 << 30],
    'size of a recipe, chain or .rpp file, checked before parsing',
  ),
} as const;

export type LimitName = keyof typeof MIX_LIMITS;

/** The help of `--limit` (mix, render). */
export const LIMIT_FLAG_HELP =
  'override a work limit, NAME=VALUE (repeatable): ' +
  Object.entries(MIX_LIMITS)
    .map(([k, s]) => `${k} (${s.unit}, default ${s.value})`)
    .join(', ');
export type Limits = Record<LimitName, number>;

/** The defaults, then config `limits:`, then `--limit NAME=VALUE` flags (each checked against its range). */
export function resolveLimits(flags: string[] | string | undefined, config?: Partial<Limits>): Limits {
  const out = Object.fromEntries(Object.entries(MIX_LIMITS).map(([k, s]) => [k, s.value])) as Limits;
  for (const [k, v] of Object.entries(config ?? {})) if (v !== undefined) out[k as LimitName] = v;
  for (const f of typeof flags === 'string' ? [flags] : (flags ?? [])) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(f);
    const name = m?.[1] as LimitName | undefined;
    if (!m || !name || !(name in MIX_LIMITS))
      throw new UsageError(
        `--limit: expected NAME=VALUE with NAME one of ${Object.keys(MIX_LIMITS).join(', ')}, got '${f}'`,
      );
    const spec = MIX_LIMITS[name];
    const v = Number(m[2]);
    if (m[2]!.trim() === '' || !inRange(spec, v))
      throw new UsageError(`--limit ${name}: expected an integer in ${rangeText(spec)}, got '${m[2]}'`);
    out[name] = v;
  }
  return out;
}

/** How to raise a limit, for the end of a message. */
export function raiseHint(name: LimitName): string {
  return `raise it with --limit ${name}=N or \`limits: { ${name}: N }\` in the shub config`;
}

/** `… is over the limit of 14400 s (limits.sessionSeconds); raise it with …` */
export function overLimit(name: LimitName, what: string, limits: Limits): string {
  return `${what} is over the limit of ${limits[name]} ${MIX_LIMITS[name].unit} (limits.${name}); ${raiseHint(name)}`;
}

/**
 * Refuses a recipe or project file over `limits.fileBytes` before it is read or parsed (exit 2);
 * a file that does not exist or cannot be read is left to the reader (its own message).
 */
export function checkFileSize(file: string, limits: Limits): void {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch {
    return;
  }
  // a device or FIFO (/dev/zero) would be read without end
  if (!stat.isFile()) throw new InputError(file, 'is not a regular file; give a recipe or project file');
  const size = stat.size;
  if (size > limits.fileBytes)
    throw new UsageError(`${rel(file)}: ${overLimit('fileBytes', `the file's ${size} bytes`, limits)}`);
}

/** The file as text after the size check (missing or unreadable: exit 3, `what` names the kind of file). */
export async function readLimited(file: string, limits: Limits, what: string): Promise<string> {
  checkFileSize(file, limits);
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      code === 'ENOENT' ? `no such ${what} file; check the path` : `cannot be read (${code ?? (err as Error).message})`,
    );
  }
}

/** commander's collector for the repeatable `--limit NAME=VALUE`. */
export const collectLimit = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A printed stem of a render: the strip it taps, its file and its first timeline frame. */
export interface PlannedPrint {
  strip: number;
  file: string;
  fromFrame: number;
}

/** Bytes of a 32-bit float WAV of `frames` × `channels` (header included). */
export function wavBytes(frames: number, channels: number): number {
  return 44 + Math.max(0, frames) * channels * 4;
}

/**
 * Before rendering `graph`: its length against `limits.sessionSeconds` (exit 2 naming `file` and
 * the clip that ends last), then the projected size of every output (the mix, each printed stem)
 * against the free space of its folder (exit 4 naming the folder, needed and free).
 */
export async function checkRenderBounds(
  graph: MixGraph,
  output: string,
  prints: PlannedPrint[],
  limits: Limits,
  file: string,
): Promise<void> {
  const seconds = graph.totalFrames / graph.sampleRate;
  if (seconds > limits.sessionSeconds) {
    const last = graph.clips.reduce<MixGraph['clips'][number] | undefined>(
      (m, c) => (!m || c.startFrame + c.lengthFrames > m.startFrame + m.lengthFrames ? c : m),
      undefined,
    );
    const where = last
      ? `${last.at} (ends at ${round1((last.startFrame + last.lengthFrames) / graph.sampleRate)} s)`
      : rel(file);
    throw new UsageError(`${where}: ${overLimit('sessionSeconds', `a session of ${round1(seconds)} s`, limits)}`);
  }
  const printChannels = (strip: number) =>
    graph.strips[strip]!.print === 'postPan' ? 2 : graph.strips[strip]!.channels;
  await checkFreeSpace([
    { file: output, bytes: wavBytes(graph.totalFrames, 2) },
    ...prints.map((p) => ({ file: p.file, bytes: wavBytes(graph.totalFrames - p.fromFrame, printChannels(p.strip)) })),
  ]);
}

/** Projected bytes per output, summed per file system folder, against its free space (exit 4). */
export async function checkFreeSpace(outputs: { file: string; bytes: number }[]): Promise<void> {
  const byFolder = new Map<string, { bytes: number; shown: string }>();
  for (const o of outputs) {
    const folder = existingFolder(path.dirname(path.resolve(o.file)));
    const e = byFolder.get(folder) ?? { bytes: 0, shown: path.dirname(o.file) || '.' };
    e.bytes += o.bytes;
    byFolder.set(folder, e);
  }
  // folders on one file system share its free space: sum per device
  const byDevice = new Map<number, { folder: string; shown: string; bytes: number }>();
  for (const [folder, e] of byFolder) {
    const dev = statSync(folder).dev;
    const d = byDevice.get(dev);
    if (d) d.bytes += e.bytes;
    else byDevice.set(dev, { folder, shown: e.shown, bytes: e.bytes });
  }
  for (const d of byDevice.values()) {
    let free: number;
    try {
      const s = await statfs(d.folder);
      free = s.bavail * s.bsize;
    } catch {
      continue; // no statfs here: the write itself reports a full disk
    }
    if (d.bytes > free)
      throw new EnvironmentError(
        `${d.shown}: the render needs ${mb(d.bytes)} but only ${mb(free)} is free there; free some space, write ` +
          `elsewhere, or shorten the session`,
      );
  }
}

/** The folder itself, or its nearest ancestor that exists (outputs' folders are created when writing). */
function existingFolder(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      if (statSync(d).isDirectory()) return d;
    } catch {
      // not there yet
    }
    if (path.dirname(d) === d) return d;
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;
const round1 = (x: number) => Math.round(x * 10) / 10;
const rel = (file: string) => path.relative(process.cwd(), file) || file;
