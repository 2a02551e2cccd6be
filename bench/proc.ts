/** Child processes for the bench scripts. */
import { spawnSync } from 'node:child_process';

/** Runs cmd with args (env added to this process's), returns its stdout; throws with its stderr when it fails. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}
