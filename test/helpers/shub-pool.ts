/**
 * `shub` command lines run in reused processes (test/helpers/shub-child.ts), for tests that run many small ones
 * (io/fuzz, io/damaged-corpus, store/cli-db): one Node start-up and bundle load per process instead of per command line
 * (about 0.2 CPU-s each here). Each process runs one command line at a time, so what a fresh process would show is
 * still seen per command line: its exit code, stdout and stderr (the process's own pipes, the addon's writes included),
 * a signal (a crash in the addon ends the process: reported for the command line it was running, and the next one gets
 * a new process), a hang (the process group is killed after the timeout, as bench/fuzz.ts runShub does). `strays` holds
 * what happened between command lines (output, or a process ending while idle): a test asserts it empty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runShub, type Outcome } from '../../bench/fuzz.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'shub-child.js');

/** What the child is asked to do: a command line, or (the pool's own test) to crash, throw or hang. */
export type Request =
  { args: string[]; cwd: string; env?: Record<string, string | null> } | { selfTest: 'SIGSEGV' | 'throw' | 'hang' };

/**
 * A command line's own environment on top of the process's: a value sets the variable, `undefined` removes it (sent
 * as null over IPC). The child applies it to process.env just before the command line and restores it just after;
 * only for variables shub reads when a command runs (SHUB_DATABASE_URL, NO_COLOR …), not for those the bundle or a
 * library reads once at load (UV_THREADPOOL_SIZE, pg's defaults from PGUSER/USER …): those need a fresh process.
 */
export type CaseEnv = Record<string, string | undefined>;

interface Running {
  args: string[];
  t0: number;
  timer?: NodeJS.Timeout;
  timedOut: boolean;
  code?: number;
  done: (o: Outcome) => void;
}

class Child {
  readonly proc: ChildProcess;
  private readonly mark = `\u0001shub-pool-end-${randomBytes(8).toString('hex')}\u0001`;
  private out = Buffer.alloc(0);
  private err = Buffer.alloc(0);
  private running?: Running;
  private readonly ready: Promise<void>;
  alive = true;
  closing = false;

  constructor(
    readonly command: string,
    private readonly strays: string[],
  ) {
    this.proc = spawn(process.execPath, [CHILD, command, this.mark], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let started: () => void;
    this.ready = new Promise((resolve) => (started = resolve));
    this.proc.stdout!.on('data', (b: Buffer) => {
      this.out = Buffer.concat([this.out, b]);
      this.settle();
    });
    this.proc.stderr!.on('data', (b: Buffer) => {
      this.err = Buffer.concat([this.err, b]);
      this.settle();
    });
    this.proc.on('message', (m: { ready?: boolean; code?: number }) => {
      if (m.ready) started();
      else if (this.running) {
        this.running.code = m.code;
        this.settle();
      }
    });
    this.proc.on('error', (err) => this.strays.push(`a ${command} process: ${err.message}`));
    this.proc.on('close', (code, signal) => {
      this.alive = false;
      started();
      const r = this.running;
      if (r) {
        this.running = undefined;
        clearTimeout(r.timer);
        r.done({
          args: r.args,
          code,
          signal: r.timedOut ? null : signal,
          timedOut: r.timedOut,
          stdout: this.out.toString('utf8'),
          stderr: this.err.toString('utf8'),
          ms: Date.now() - r.t0,
        });
      } else if (!this.closing) {
        const left = this.err.toString('utf8').trim();
        this.strays.push(
          `a ${this.command} process ended between command lines (${signal ?? code})${left && `: ${left}`}`,
        );
      }
    });
  }

  /** Runs `req` (one at a time); the timeout starts once the process has loaded shub. */
  async run(req: Request, timeoutMs: number): Promise<Outcome> {
    await this.ready;
    const args = 'args' in req ? req.args : [req.selfTest];
    return new Promise((done) => {
      const r: Running = { args, t0: Date.now(), timedOut: false, done };
      this.running = r;
      if (!this.alive) {
        // it ended while loading: the close event has passed, say so for this command line
        this.running = undefined;
        done({
          args,
          code: this.proc.exitCode,
          signal: this.proc.signalCode,
          timedOut: false,
          stdout: '',
          ms: 0,
          stderr: this.err.toString('utf8'),
        });
        return;
      }
      r.timer = setTimeout(() => {
        r.timedOut = true;
        this.kill();
      }, timeoutMs);
      // a child that has just died: its close event ends this command line
      this.proc.send(req, () => undefined);
    });
  }

  /** Ends the command line when its exit code and both marks are in. */
  private settle(): void {
    const r = this.running;
    if (!r) {
      if (this.out.length || this.err.length) {
        const text = Buffer.concat([this.out, this.err]).toString('utf8');
        this.strays.push(`output between command lines of ${this.command}: ${JSON.stringify(text.slice(0, 200))}`);
        this.out = Buffer.alloc(0);
        this.err = Buffer.alloc(0);
      }
      return;
    }
    const o = this.out.indexOf(this.mark);
    const e = this.err.indexOf(this.mark);
    if (r.code === undefined || o < 0 || e < 0) return;
    const stdout = this.out.subarray(0, o).toString('utf8');
    const stderr = this.err.subarray(0, e).toString('utf8');
    this.out = this.out.subarray(o + this.mark.length);
    this.err = this.err.subarray(e + this.mark.length);
    this.running = undefined;
    clearTimeout(r.timer);
    r.done({ args: r.args, code: r.code, signal: null, timedOut: false, stdout, stderr, ms: Date.now() - r.t0 });
    this.settle();
  }

  /** Kills the process group (the child and any ffmpeg it started). */
  kill(): void {
    try {
      process.kill(-this.proc.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Reused shub processes, one per command line in flight, each loaded with that command's bundle. */
export class ShubPool {
  /** What happened outside any command line: must stay empty. */
  readonly strays: string[] = [];
  /** Processes started (a crash or hang costs one more). */
  started = 0;
  runs = 0;
  private readonly idle: Child[] = [];

  /** Runs `shub ARGS` in `cwd` as runShub does (stdout/stderr as text, the group killed after `timeoutMs`). */
  run(args: string[], cwd: string, timeoutMs = 60_000, env?: CaseEnv): Promise<Outcome> {
    const req: Request = { args, cwd };
    if (env) req.env = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? null]));
    return this.request(req, timeoutMs, args[0] ?? '');
  }

  /** The pool's own test: a process asked to crash, throw or hang, as `command`'s process. */
  selfTest(kind: 'SIGSEGV' | 'throw' | 'hang', command: string, timeoutMs: number): Promise<Outcome> {
    return this.request({ selfTest: kind }, timeoutMs, command);
  }

  private async request(req: Request, timeoutMs: number, command: string): Promise<Outcome> {
    if (!/^[a-z]+$/.test(command)) throw new Error(`ShubPool: ${JSON.stringify(command)} is not a command name`);
    const at = this.idle.findIndex((c) => c.command === command);
    let child: Child;
    if (at >= 0) child = this.idle.splice(at, 1)[0]!;
    else {
      child = new Child(command, this.strays);
      this.started++;
    }
    this.runs++;
    const o = await child.run(req, timeoutMs);
    if (child.alive) this.idle.push(child);
    return o;
  }

  /** Ends the idle processes. */
  close(): void {
    for (const c of this.idle.splice(0)) {
      c.closing = true;
      c.kill();
    }
  }
}

/**
 * A runner on `pool` that runs the command lines `pick` chooses a second time in a fresh process (runShub), after
 * `reset` has removed what the first run wrote, and keeps both ends: `differences` lists those that differ in exit
 * code, signal, hang, stdout or stderr — a reused process must end each command line as a fresh one does.
 */
export function crossChecked(
  pool: ShubPool,
  pick: (args: string[]) => boolean,
  reset: (args: string[]) => void,
): {
  run: (args: string[], cwd: string, timeoutMs: number) => Promise<Outcome>;
  checked: () => number;
  differences: string[];
} {
  const differences: string[] = [];
  let checked = 0;
  const run = async (args: string[], cwd: string, timeoutMs: number): Promise<Outcome> => {
    const reused = await pool.run(args, cwd, timeoutMs);
    if (!pick(args)) return reused;
    reset(args);
    const fresh = await runShub(args, cwd, timeoutMs);
    checked++;
    const end = (o: Outcome) => ({
      code: o.code,
      signal: o.signal,
      timedOut: o.timedOut,
      stdout: o.stdout,
      stderr: o.stderr,
    });
    if (JSON.stringify(end(reused)) !== JSON.stringify(end(fresh)))
      differences.push(
        `shub ${args.join(' ')}: reused ${JSON.stringify(end(reused))}, fresh ${JSON.stringify(end(fresh))}`,
      );
    return reused;
  };
  return { run, checked: () => checked, differences };
}
