import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from dist/test/...). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SHUB = path.join(ROOT, 'bin', 'shub.js');
/**
 * How long one shub run may take before it is killed (ms): 120 s, or SHUB_TEST_TIMEOUT_MS on a
 * machine loaded by other work (where a 30 CPU-s master run can take minutes of wall time).
 */
export const TIMEOUT_MS = Number(process.env.SHUB_TEST_TIMEOUT_MS) || 120_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `shub ARGS` as a user would, in `cwd`, with stderr and stdout piped (not a TTY). */
export function shub(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [SHUB, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `shub ARGS` with `input` on stdin; stdout kept as bytes (audio sent to stdout with `-o -`). */
export function shubBytes(
  args: string[],
  cwd: string,
  input: string | Buffer = '',
  env: NodeJS.ProcessEnv = {},
): { code: number; stdout: Buffer; stderr: string } {
  const r = spawnSync(process.execPath, [SHUB, ...args], {
    cwd,
    env: { ...process.env, ...env },
    input,
    maxBuffer: 256 * 1024 * 1024,
    timeout: TIMEOUT_MS,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Parses NDJSON stdout. */
export function ndjson<T = Record<string, unknown>>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** A temp folder removed after the test file. */
export function tempDir(prefix = 'shub-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
