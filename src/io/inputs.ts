/**
 * What file arguments name (SPEC §3, issue 17 point 5), read in one place for every command that
 * takes a list of inputs:
 * - `-`: paths read from stdin, one per line (`\r\n` accepted), or NUL-separated with `-0`
 *   (for `find -print0`); empty entries are skipped; at most one `-`.
 * - a directory: with `--recursive`, the audio files below it (by extension), sorted; without it
 *   it stays an argument, and reading it fails as that input's error (exit 3, its own --json line).
 * - a quoted glob (`'album/*.wav'`, `'stems/**\/*.flac'`): expanded by shub, sorted; `*`, `?`,
 *   `[abc]`/`[!abc]` within a name and `**` for any depth. A pattern that matches nothing, like a
 *   missing file, is kept as it is, so that it gets its own error line (outputs match inputs).
 * Anything else is a path, kept as given (an existing file whose name has `*` is that file).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { quotePath } from './names.js';

/** Extensions of the audio files a folder contributes with --recursive (SPEC §3 input formats). */
export const AUDIO_INPUT_EXTENSIONS = [
  'wav',
  'wave',
  'rf64',
  'w64',
  'bwf',
  'flac',
  'mp3',
  'm4a',
  'mp4',
  'aac',
  'ogg',
  'oga',
  'opus',
  'aif',
  'aiff',
  'aifc',
] as const;

export interface InputRules {
  /** Folders contribute the audio files below them. */
  recursive?: boolean;
  /** `-` reads NUL-separated paths (`-0`). */
  nul?: boolean;
  /** Reads all of stdin (the CLI: process.stdin). Needed only when an argument is `-`. */
  readStdin?: () => Promise<string>;
  /** Where relative paths and patterns are resolved; default process.cwd(). */
  cwd?: string;
}

const GLOB_CHARS = /[*?[]/;

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

const isAudioName = (name: string) =>
  (AUDIO_INPUT_EXTENSIONS as readonly string[]).includes(path.extname(name).slice(1).toLowerCase());

/** The audio files below `dir` (hidden entries skipped, symbolic links to folders not followed), sorted. */
export function audioFilesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const entry of listDir(dir)) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...audioFilesBelow(p));
    else if ((entry.isFile() || (entry.isSymbolicLink() && !isDirectory(p))) && isAudioName(entry.name)) out.push(p);
  }
  return out;
}

/** A regular expression for one path segment of a glob (`*`, `?`, `[...]`), anchored. */
export function segmentPattern(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = segment.slice(i + 1, end);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        re += `[${negate ? '^' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The paths matching `pattern` (relative to `cwd` unless absolute), sorted; hidden names only when asked for. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = path.isAbsolute(pattern);
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let bases: string[] = [absolute ? '/' : ''];
  if (absolute) parts.shift();
  const resolve = (p: string) => (absolute ? p : path.resolve(cwd, p || '.'));
  for (const [k, part] of parts.entries()) {
    const last = k === parts.length - 1;
    const next: string[] = [];
    if (part === '**') {
      // any depth, including none
      const walk = (base: string) => {
        next.push(base);
        for (const e of listDir(resolve(base)))
          if (!e.name.startsWith('.') && e.isDirectory()) walk(base ? path.join(base, e.name) : e.name);
      };
      for (const b of bases) walk(b);
    } else if (!GLOB_CHARS.test(part)) {
      for (const b of bases) {
        const p = b ? path.join(b, part) : part;
        if (exists(resolve(p))) next.push(p);
      }
    } else {
      const re = segmentPattern(part);
      for (const b of bases)
        for (const e of listDir(resolve(b))) {
          if (e.name.startsWith('.') && !part.startsWith('.')) continue;
          if (!re.test(e.name)) continue;
          const p = b ? path.join(b, e.name) : e.name;
          if (last || isDirectory(resolve(p))) next.push(p);
        }
    }
    bases = [...new Set(next)];
  }
  // a trailing ** names folders; only files are inputs
  return bases.filter((b) => b && !isDirectory(resolve(b))).sort();
}

/** Splits what stdin held into paths: lines (or NUL-separated with `nul`), empty entries dropped. */
export function splitPathList(text: string, nul: boolean): string[] {
  return (nul ? text.split('\0') : text.split(/\r?\n/)).filter((p) => p !== '');
}

/**
 * The input files the arguments name, in argument order (each glob's and folder's matches sorted).
 * Throws a UsageError for a second `-`, `-` with nothing on stdin, or a folder with no audio files.
 */
export async function expandInputs(args: readonly string[], rules: InputRules = {}): Promise<string[]> {
  const cwd = rules.cwd ?? process.cwd();
  const out: string[] = [];
  let stdinUsed = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinUsed) throw new UsageError('- (paths from stdin) can be given only once');
      stdinUsed = true;
      if (!rules.readStdin) throw new UsageError('- reads paths from stdin, which this command cannot read');
      const listed = splitPathList(await rules.readStdin(), rules.nul ?? false);
      if (listed.length === 0)
        throw new UsageError(
          `- reads input paths from stdin, but it held none; pipe them in (e.g. find . -name '*.wav' | shub …)`,
        );
      out.push(...listed);
      continue;
    }
    const abs = path.resolve(cwd, arg);
    // without --recursive a folder stays an argument: it gets its own error (exit 3), so outputs match inputs
    if (rules.recursive && isDirectory(abs)) {
      const found = audioFilesBelow(abs).map((f) => (path.isAbsolute(arg) ? f : path.relative(cwd, f)));
      if (found.length === 0)
        throw new UsageError(
          `${quotePath(arg)} holds no audio files (${AUDIO_INPUT_EXTENSIONS.map((e) => `.${e}`).join(' ')})`,
        );
      out.push(...found);
      continue;
    }
    if (!exists(abs) && GLOB_CHARS.test(arg)) {
      const matched = expandGlob(arg, cwd);
      out.push(...(matched.length ? matched : [arg]));
      continue;
    }
    out.push(arg);
  }
  return out;
}

/** All of a readable stream as text (stdin for `-`). */
export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}
