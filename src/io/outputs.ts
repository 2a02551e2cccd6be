/**
 * Every rule about outputs, in one module. What `-o` names (issue 17 point 4): `-` is stdout, an
 * existing directory or a trailing `/` a folder, anything else a file whose extension picks the
 * format (`resolveAudioOutput`); single audio outputs reach stdout through a finished temporary
 * file (`StdoutAudio`), reports through `writeReport`.
 *
 * Which paths a run may write (SPEC §3, issue 18): every output is checked before any work, in one
 * place. An output is refused when it is an input of the run (same file after resolving symbolic
 * and hard links), another output of the same run, a directory, device, FIFO or socket, below a
 * regular file, or on a kernel pseudo-filesystem (/proc, /sys, /dev); an existing regular file is
 * replaced only with -y/--overwrite. The checks use the path as the user gave it, so every refusal
 * names it.
 */
import { createReadStream, lstatSync, realpathSync, statfsSync, statSync, type Stats } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import {
  registerTemporary,
  releaseTemporary,
  removeTemporary,
  renameTemporary,
  temporarySibling,
  writeFileAtomic,
} from './atomic.js';
import { encodeFile, LOSSY_CHECK_CODECS, lossyEncoderArgs, type FfmpegChoice } from './ffmpeg.js';
import { hashFile } from './hash.js';
import { quotePath } from './names.js';

/** statfs magic numbers of kernel pseudo-filesystems: writing there reaches the kernel, not a disk. */
const PSEUDO_FILESYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0xcafe4a11, 'bpf'],
  [0x6e736673, 'nsfs'],
  [0x42494e4d, 'binfmt_misc'],
  [0x67596969, 'rpc_pipefs'],
]);
/** Folders whose contents are devices or kernel state whatever filesystem backs them. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** Two outputs of one run would be the same file: the whole run is refused before any work. */
export class OutputCollision extends UsageError {}

const identity = (st: Stats) => `${st.dev}:${st.ino}`;

function kindOf(st: Stats): string {
  if (st.isFile()) return 'a file';
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function statOrNull(p: string, follow = true): Stats | null {
  try {
    return follow ? statSync(p) : lstatSync(p);
  } catch {
    return null;
  }
}

/** The outputs of one run, checked against its inputs and against each other. */
export class OutputPlan {
  /** Input identities (device:inode) → the input's path as given. */
  private readonly inputIds = new Map<string, string>();
  /** Real paths of the inputs (for outputs that do not exist yet but reach an input through links). */
  private readonly inputReal = new Map<string, string>();
  /** Real target path of each claimed output → [its path as given, what it is for]. */
  private readonly claimed = new Map<string, [string, string]>();

  constructor(
    inputs: Iterable<string>,
    private readonly overwrite: boolean,
  ) {
    for (const input of inputs) this.addInput(input);
  }

  /** Another input of the run (e.g. a recipe's stems once the recipe is read). */
  addInput(input: string): void {
    const st = statOrNull(input);
    if (!st) return;
    this.inputIds.set(identity(st), input);
    try {
      this.inputReal.set(realpathSync(input), input);
    } catch {
      // stat worked, so realpath only fails on a race; the identity check still holds
    }
  }

  /**
   * Checks `out` (a file the run will write, `role` saying what it is) and claims it for this run.
   * Throws a UsageError (exit 2) naming it; returns the absolute path.
   */
  claim(out: string, role: string): string {
    const shown = quotePath(out);
    if (out.includes('\0')) throw new UsageError(`${shown}: a path cannot contain a NUL byte`);
    const abs = path.resolve(out);
    const folder = this.checkFolder(out, path.dirname(abs));
    const st = statOrNull(abs);
    if (st) {
      const input = this.inputIds.get(identity(st));
      if (input !== undefined)
        throw new UsageError(
          `${shown}: is ${input === out ? 'an input' : `the input ${quotePath(input)}`} of this run; ` +
            'inputs are never overwritten (choose another output path)',
        );
      if (!st.isFile()) throw new UsageError(`${shown}: is ${kindOf(st)}; name a regular file for the ${role}`);
    } else if (statOrNull(abs, false)) {
      throw new UsageError(`${shown}: is a symbolic link to nothing; remove it or choose another output path`);
    }
    const real = st ? realpathSync(abs) : path.join(folder, path.basename(abs));
    const input = this.inputReal.get(real);
    if (input !== undefined)
      throw new UsageError(`${shown}: is the input ${quotePath(input)} of this run; choose another output path`);
    const earlier = this.claimed.get(real);
    if (earlier)
      throw new OutputCollision(
        `${shown}: would be written twice in this run (${earlier[1]} and ${role}${
          earlier[0] === out ? '' : `; also named ${quotePath(earlier[0])}`
        }); give each output its own path`,
      );
    if (st && !this.overwrite) throw new UsageError(`${shown}: already exists; pass -y/--overwrite to replace it`);
    this.claimed.set(real, [out, role]);
    return abs;
  }

  /**
   * Checks a folder the run will create files in (stems, a store): not a file, not a system
   * folder. Returns the real path of the folder (as far as it exists) joined with the rest.
   */
  checkFolder(shownFor: string, dir: string): string {
    let existing = dir;
    const missing: string[] = [];
    for (;;) {
      const st = statOrNull(existing);
      if (st) {
        if (!st.isDirectory())
          throw new UsageError(
            `${quotePath(shownFor)}: ${quotePath(existing)} is ${kindOf(st)}, ` +
              'not a folder; choose another output path',
          );
        break;
      }
      const link = statOrNull(existing, false);
      // a folder another process made between the two looks (four `shub` runs creating one store): look again
      if (link && !link.isSymbolicLink()) continue;
      if (link) throw new UsageError(`${quotePath(shownFor)}: ${quotePath(existing)} is a symbolic link to nothing`);
      const up = path.dirname(existing);
      if (up === existing) break;
      missing.unshift(path.basename(existing));
      existing = up;
    }
    const real = realpathSync(existing);
    const system = SYSTEM_FOLDERS.find((f) => real === f || real.startsWith(`${f}/`));
    let pseudo: string | undefined;
    try {
      pseudo = PSEUDO_FILESYSTEMS.get(Number(statfsSync(real).type));
    } catch {
      pseudo = undefined;
    }
    if (system || pseudo)
      throw new UsageError(
        `${quotePath(shownFor)}: ${real} is ${pseudo ? `on the kernel's ${pseudo} filesystem` : 'a system folder'}, ` +
          'not storage; choose an output path on a disk',
      );
    return path.join(real, ...missing);
  }
}

// ---- what `-o` names (SPEC §3 "-o means what it says", issue 17 point 4) ---------------------

/** The audio formats shub writes; the ffmpeg-encoded ones need the bundled (or a named) ffmpeg. */
export const AUDIO_OUTPUT_FORMATS = {
  wav: { extension: 'wav', describe: 'WAV' },
  flac: { extension: 'flac', describe: 'FLAC' },
  mp3: { extension: 'mp3', describe: 'MP3' },
  aac: { extension: 'm4a', describe: 'AAC (M4A)' },
  opus: { extension: 'opus', describe: 'Opus (Ogg)' },
} as const;
export type AudioOutputFormat = keyof typeof AUDIO_OUTPUT_FORMATS;

/** File extensions (lower case, no dot) and the format each one names. */
export const AUDIO_EXTENSIONS: Readonly<Record<string, AudioOutputFormat>> = {
  wav: 'wav',
  wave: 'wav',
  flac: 'flac',
  mp3: 'mp3',
  m4a: 'aac',
  aac: 'aac',
  opus: 'opus',
  ogg: 'opus',
};

/** Formats that may go to stdout (`-o -`): a finished WAV or FLAC file, streamed. */
export const STDOUT_AUDIO_FORMATS: readonly AudioOutputFormat[] = ['wav', 'flac'];

/** `-` names stdout (for reports, JSON, JUnit and single audio outputs). */
export const isStdout = (output: string | undefined): output is '-' => output === '-';

/** An existing directory, or a path ending in `/`, names a folder; anything else names a file. */
export function namesFolder(output: string): boolean {
  if (output.endsWith('/') || output.endsWith(path.sep)) return true;
  return statOrNull(output)?.isDirectory() ?? false;
}

/**
 * The format a file name's extension picks: a format, `null` without an extension, or a
 * UsageError for an extension that names no audio format shub writes.
 */
export function formatOfExtension(output: string): AudioOutputFormat | null {
  const ext = path.extname(output).slice(1).toLowerCase();
  if (!ext) return null;
  const format = AUDIO_EXTENSIONS[ext];
  if (!format)
    throw new UsageError(
      `-o ${quotePath(output)}: .${ext} names no audio format shub writes; use ` +
        `${Object.keys(AUDIO_EXTENSIONS)
          .map((e) => `.${e}`)
          .join(' ')}, or end a folder name with /`,
    );
  return format;
}

/** What one `-o` names for a command writing `count` audio outputs. */
export type AudioOutputTarget =
  | { kind: 'stdout'; format: AudioOutputFormat }
  | { kind: 'folder'; dir: string; format: AudioOutputFormat | undefined }
  | { kind: 'file'; path: string; format: AudioOutputFormat };

export interface AudioOutputRules {
  /** How many audio files the run writes (inputs × targets, DIs × variants, …). */
  count: number;
  /** `--format`, when the command has it. */
  formatFlag?: AudioOutputFormat | undefined;
  /** The format without `--format` or an extension. */
  defaultFormat: AudioOutputFormat;
  /** The formats the command writes (default: all). */
  supported?: readonly AudioOutputFormat[];
  /** The command, for messages (`mix`, `master`). */
  command: string;
}

/**
 * The one reading of `-o` for audio (SPEC §3): `-` is stdout (one output, WAV or FLAC); an existing
 * directory or a trailing `/` is a folder; otherwise a file whose extension picks the format (a
 * conflict with `--format` is a usage error), and a name without an extension is a file in
 * `--format` (or the default) when the run writes one output and a folder when it writes several.
 */
export function resolveAudioOutput(output: string, rules: AudioOutputRules): AudioOutputTarget {
  const supported = rules.supported ?? (Object.keys(AUDIO_OUTPUT_FORMATS) as AudioOutputFormat[]);
  const check = (format: AudioOutputFormat, why: string) => {
    if (!supported.includes(format))
      throw new UsageError(
        `${why} ${AUDIO_OUTPUT_FORMATS[format].describe}, but ${rules.command} writes ` +
          `${supported.map((f) => AUDIO_OUTPUT_FORMATS[f].describe).join(' or ')}`,
      );
    return format;
  };
  if (rules.formatFlag) check(rules.formatFlag, `--format asks for`);
  if (isStdout(output)) {
    if (rules.count !== 1)
      throw new UsageError(
        `-o - sends one audio file to stdout, but this ${rules.command} run writes ${rules.count}; ` +
          'give a folder (e.g. -o out/) instead',
      );
    const format = rules.formatFlag ?? rules.defaultFormat;
    if (!STDOUT_AUDIO_FORMATS.includes(format))
      throw new UsageError(
        `-o - streams WAV or FLAC; ${AUDIO_OUTPUT_FORMATS[format].describe} needs a file name (e.g. -o out.` +
          `${AUDIO_OUTPUT_FORMATS[format].extension})`,
      );
    return { kind: 'stdout', format: check(format, '-o - asks for') };
  }
  if (namesFolder(output)) return { kind: 'folder', dir: output, format: rules.formatFlag };
  const byExtension = formatOfExtension(output);
  if (byExtension === null && rules.count !== 1) return { kind: 'folder', dir: output, format: rules.formatFlag };
  if (rules.count !== 1)
    throw new UsageError(
      `-o ${quotePath(output)} names a file, but this ${rules.command} run writes ${rules.count}; ` +
        `give a folder instead (e.g. -o ${quotePath(path.join(path.dirname(output), 'out'))}/)`,
    );
  if (byExtension && rules.formatFlag && byExtension !== rules.formatFlag)
    throw new UsageError(
      `-o ${quotePath(output)} names ${AUDIO_OUTPUT_FORMATS[byExtension].describe} but --format is ` +
        `${rules.formatFlag}; drop --format or name a .${AUDIO_OUTPUT_FORMATS[rules.formatFlag].extension} file`,
    );
  const format = byExtension ?? rules.formatFlag ?? rules.defaultFormat;
  return { kind: 'file', path: output, format: check(format, `-o ${quotePath(output)} names`) };
}

/**
 * The format `output` names when it is one file with an audio extension (a run of `count` outputs
 * into a file whose extension picks the format), else undefined: for command functions called
 * without the CLI (the queue's workers), so `-o song.flac` is FLAC there too.
 */
export function formatNamedByOutput(output: string | undefined, count: number): AudioOutputFormat | undefined {
  if (output === undefined || count !== 1 || isStdout(output) || namesFolder(output)) return undefined;
  return formatOfExtension(output) ?? undefined;
}

/** `output` with a trailing `/` when, for a run of `count` outputs, it names a folder (for jobs split per file). */
export function folderForBatch(output: string, count: number): string {
  if (output.endsWith('/') || isStdout(output)) return output;
  const kind = resolveAudioOutput(output, { count, defaultFormat: 'wav', command: 'master' }).kind;
  return kind === 'folder' ? `${output}/` : output;
}

/** Anything a finished file or report can be streamed to (process.stdout in the CLI). */
export interface ByteSink {
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * A single audio output bound for stdout: the command writes (and verifies) a temporary file, and
 * only a run that succeeded sends it; a WAV header needs the data size, so nothing is streamed
 * before the file is complete. The temporary folder is removed whatever happens.
 */
export class StdoutAudio {
  private constructor(
    private readonly dir: string,
    /** Where the command writes the file. */
    readonly path: string,
    readonly format: AudioOutputFormat,
  ) {}

  static async create(format: AudioOutputFormat): Promise<StdoutAudio> {
    const dir = registerTemporary(await mkdtemp(path.join(tmpdir(), 'shub-stdout-')));
    return new StdoutAudio(dir, path.join(dir, `stdout.${AUDIO_OUTPUT_FORMATS[format].extension}`), format);
  }

  /** `value` (a result) with every mention of the temporary path shown as `-`. */
  shown<T>(value: T): T {
    const json = JSON.stringify(value);
    if (json === undefined) return value;
    const inner = JSON.stringify(this.path).slice(1, -1);
    return JSON.parse(json.split(inner).join('-')) as T;
  }

  /** Copies the written file to `sink`, honouring back-pressure. */
  async send(sink: ByteSink): Promise<void> {
    for await (const chunk of createReadStream(this.path, { highWaterMark: 1 << 20 })) {
      if (sink.write(chunk as Buffer) === false && sink.once) await new Promise<void>((r) => sink.once!('drain', r));
    }
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    releaseTemporary(this.dir);
  }
}

/** Writes a text report (JUnit XML, HTML) to a file atomically, or to `stdout` for `-`. */
export async function writeReport(output: string, text: string, stdout: ByteSink): Promise<void> {
  if (isStdout(output)) {
    stdout.write(text);
    return;
  }
  await mkdir(path.dirname(path.resolve(output)), { recursive: true });
  await writeFileAtomic(output, text);
}

/** ffmpeg encoder arguments for a format shub encodes from a finished WAV (FLAC keeps up to 24 bits). */
export function encoderArgsFor(format: Exclude<AudioOutputFormat, 'wav'>): string[] {
  if (format === 'flac') return ['-c:a', 'flac', '-compression_level', '5'];
  return lossyEncoderArgs(format, LOSSY_CHECK_CODECS[format].kbps);
}

/**
 * Encodes the finished temporary WAV `wav` to `target` in `format` (through a temporary beside the
 * target, renamed into place when complete), removes the WAV, and returns the target's sha256.
 */
export async function encodeWavInto(
  wav: string,
  target: string,
  format: Exclude<AudioOutputFormat, 'wav'>,
  ffmpeg: FfmpegChoice,
): Promise<string> {
  const tmp = temporarySibling(target, `.${AUDIO_OUTPUT_FORMATS[format].extension}`);
  try {
    await encodeFile(wav, tmp, encoderArgsFor(format), AUDIO_OUTPUT_FORMATS[format].describe, ffmpeg);
    await renameTemporary(tmp, target);
  } finally {
    await removeTemporary(tmp);
    await removeTemporary(wav);
  }
  return hashFile(target);
}
