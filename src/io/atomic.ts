/**
 * Temporary files of a run (SPEC §3: a failed or interrupted run leaves no partial file). Every
 * temporary name comes from `temporarySibling`, which keeps it in a process-wide registry until it
 * is renamed into place or removed: an interrupt removes what is left (`removeLiveTemporaries`). A
 * name carries its host and the pid of the process that made it (`.NAME.<host>-<pid>.<8 hex>.tmp[.ext]`),
 * so a later run on the same host writing to the same folder removes the temporaries of a killed run
 * once that pid is gone.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeCrypto, randomBytes } from './lazy-crypto.js';
import { hostname } from 'node:os';

const live = new Set<string>();
const swept = new Set<string>();
const TEMP_NAME = /^\..+\.([0-9a-f]{6})-(\d+)\.[0-9a-f]{8}\.tmp(\.[A-Za-z0-9]{1,8})?$/;
let tag: string | undefined;
/**
 * This machine in temporary names: a pid only means something on the host that made it, and
 * workers on several machines (or containers, whose pids repeat) share output folders. The first
 * 6 hex digits of the host name's sha256, taken at the first call (src/io/lazy-crypto.ts).
 */
export function hostTag(): string {
  tag ??= nodeCrypto().createHash('sha256').update(hostname()).digest('hex').slice(0, 6);
  return tag;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporaries in `dir` left by shub processes that no longer exist (a run killed with
 * SIGKILL or by a power cut). Once per folder and process; returns the names removed.
 */
export function sweepStaleTemporaries(dir: string): string[] {
  const abs = path.resolve(dir);
  if (swept.has(abs)) return [];
  swept.add(abs);
  let names: string[];
  try {
    names = readdirSync(abs);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    // another machine's temporary may belong to a live process there: never ours to judge
    if (!m || m[1] !== hostTag() || alive(Number(m[2]))) continue;
    try {
      rmSync(path.join(abs, name), { force: true });
      removed.push(name);
    } catch {
      // not ours to remove after all (permissions): leave it
    }
  }
  return removed;
}

/**
 * A temporary name in the same folder as `target` (so the final rename is atomic), registered
 * until `releaseTemporary`; `suffix` (e.g. '.wav') is kept at the end for tools that pick a format
 * by extension.
 */
export function temporarySibling(target: string, suffix = ''): string {
  const dir = path.dirname(path.resolve(target));
  sweepStaleTemporaries(dir);
  const tmp = path.join(
    dir,
    `.${path.basename(target)}.${hostTag()}-${process.pid}.${randomBytes(4).toString('hex')}.tmp${suffix}`,
  );
  live.add(tmp);
  return tmp;
}

/** A temporary file or folder made elsewhere (e.g. mkdtemp), removed on an interrupt until released. */
export function registerTemporary(tmp: string): string {
  live.add(tmp);
  return tmp;
}

/** The temporary was renamed into place or removed: nothing left to clean. */
export function releaseTemporary(tmp: string): void {
  live.delete(tmp);
}

/** Removes a temporary (after a failure) and forgets it. */
export async function removeTemporary(tmp: string): Promise<void> {
  await rm(tmp, { force: true });
  live.delete(tmp);
}

/** Renames a temporary into place and forgets it. */
export async function renameTemporary(tmp: string, target: string): Promise<void> {
  await rename(tmp, target);
  live.delete(tmp);
}

/**
 * Synchronously removes every registered temporary (on SIGINT/SIGTERM); returns how many existed.
 * The names stay registered: a file whose creation was already under way when the signal came
 * appears a moment later, and the interrupt handler calls this again just before exiting.
 */
export function removeLiveTemporaries(): number {
  let n = 0;
  for (const tmp of live) {
    try {
      if (!existsSync(tmp)) continue;
      rmSync(tmp, { force: true, recursive: true });
      n++;
    } catch {
      // best effort: an interrupt must not throw
    }
  }
  return n;
}

/** How many temporaries are registered now (tests). */
export function liveTemporaries(): string[] {
  return [...live];
}

/** Creates `tmp` exclusively (never follows a link or reuses a file someone planted there). */
export async function openTemporary(tmp: string) {
  return open(tmp, 'wx', 0o644);
}

/** Writes `data` to `target` atomically: temp file in the same folder, then rename. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = temporarySibling(target);
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await renameTemporary(tmp, target);
  } catch (err) {
    await removeTemporary(tmp);
    throw err;
  }
}
