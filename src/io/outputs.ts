/**
 * Which paths a run may write (SPEC §3, issue 18): every output is checked before any work, in one
 * place. An output is refused when it is an input of the run (same file after resolving symbolic
 * and hard links), another output of the same run, a directory, device, FIFO or socket, below a
 * regular file, or on a kernel pseudo-filesystem (/proc, /sys, /dev); an existing regular file is
 * replaced only with -y/--overwrite. The checks use the path as the user gave it, so every refusal
 * names it.
 */
import { lstatSync, realpathSync, statfsSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
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
      if (statOrNull(existing, false))
        throw new UsageError(`${quotePath(shownFor)}: ${quotePath(existing)} is a symbolic link to nothing`);
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
