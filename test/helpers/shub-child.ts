/**
 * A reused `shub` process for test/helpers/shub-pool.ts: started as `node shub-child.js COMMAND MARK`, it loads COMMAND
 * the way bin/shub.js does (the same bundle, thread pool size and interrupt handlers), then runs one command line per
 * IPC message `{ args, cwd, env }` through the same `launch` (`env`: the command line's own environment variables, null
 * to unset, applied to process.env before it and restored after) — its output on this process's own stdout and stderr
 * (pipes: written synchronously on Linux, so the addon's own writes stay in order), then MARK on both, then sends `{
 * code }`. A crash (a signal from the addon, an uncaught throw) ends this process, and the pool reports it for the
 * command line it was running. What is not done: bin/shub.js's `exitNow` (this process goes on) and the code cache
 * save; what is undone after each command line: the stdout 'error' listener it added and its environment (below).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const require = createRequire(import.meta.url);

interface Launcher {
  bundled(name: string | undefined): string | undefined;
  loadBundle(file: string): { exports: Exports };
  threadPoolSize(command: string | undefined): string;
}
interface Exports {
  installInterruptHandlers(exit: (code: number) => void, stderr: { write(s: string): unknown }): void;
  launch(argv: string[]): Promise<number>;
}

const [command, mark] = process.argv.slice(2) as [string, string];
const bin = require(path.join(ROOT, 'bin', 'shub.js')) as Launcher;
process.env.UV_THREADPOOL_SIZE = bin.threadPoolSize(command);
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
const file = bin.bundled(command);
const { installInterruptHandlers, launch }: Exports = file
  ? bin.loadBundle(file).exports
  : {
      ...((await import(path.join(ROOT, 'dist', 'src', 'interrupt.js'))) as Exports),
      ...((await import(path.join(ROOT, 'dist', 'src', 'launch.js'))) as Exports),
    };
installInterruptHandlers((code) => process.exit(code), process.stderr);

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

let queue = Promise.resolve();
type Message =
  { args: string[]; cwd: string; env?: Record<string, string | null> } | { selfTest: 'SIGSEGV' | 'throw' | 'hang' };
process.on('message', (m: Message) => {
  queue = queue.then(async () => {
    // the pool's own test (test/io/fuzz.test.ts): what a crash in the addon, a bug and a hang look like from outside
    if ('selfTest' in m) {
      if (m.selfTest === 'SIGSEGV') process.kill(process.pid, 'SIGSEGV');
      else if (m.selfTest === 'throw')
        setImmediate(() => {
          throw new Error('shub-child self-test: an uncaught throw');
        });
      await new Promise(() => {});
      return;
    }
    process.chdir(m.cwd);
    // each command line's Output adds an 'error' listener on stdout (src/commands/context.ts) that a one-shot process
    // never removes: taken off again here, as a fresh process would not have it (the 11th would print Node's
    // MaxListenersExceededWarning)
    const before = process.stdout.listeners('error');
    // the command line's own environment (null: unset), restored after it as it was
    const saved = Object.keys(m.env ?? {}).map((k) => [k, process.env[k]] as const);
    const apply = (entries: Iterable<readonly [string, string | null | undefined]>) => {
      for (const [k, v] of entries)
        if (v === null || v === undefined) delete process.env[k];
        else process.env[k] = v;
    };
    apply(Object.entries(m.env ?? {}));
    let code: number;
    try {
      code = await launch(m.args);
    } finally {
      apply(saved);
    }
    for (const l of process.stdout.listeners('error'))
      if (!before.includes(l)) process.stdout.off('error', l as (...a: unknown[]) => void);
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.stdout.write(mark);
    process.stderr.write(mark);
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.send!({ code });
  });
});
// the pool has gone (its test process ended): so does this process
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
