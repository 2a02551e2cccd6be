/**
 * SIGINT, SIGTERM and SIGHUP (issue 18 point 10): every temporary file of the run is removed at
 * once (synchronously, before anything else can fail), each unfinished run is recorded as
 * `interrupted` (best effort, a few seconds at most), and shub exits 128 + the signal number. A
 * second signal exits at once. ffmpeg children are killed on exit (execa's cleanup) and die with
 * shub in any case (they watch their parent).
 */
import { removeLiveTemporaries } from './io/atomic.js';

type Hook = (signal: NodeJS.Signals, exitCode: number) => Promise<void>;
const hooks = new Set<Hook>();

/** How long recording the interrupted run may take before shub exits anyway. */
export const INTERRUPT_GRACE_MS = 5000;

const SIGNALS: [NodeJS.Signals, number][] = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

/** Runs `hook` on an interrupt (e.g. saving the open run); returns the function that removes it. */
export function onInterrupt(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

let gracefulStop: ((signal: NodeJS.Signals) => void) | undefined;

/**
 * A long-running command that stops on its own (`shub worker`): while set, the first signal only
 * calls `handler` (no exit, nothing removed); a second signal interrupts as usual. Returns the unset.
 */
export function setGracefulStop(handler: (signal: NodeJS.Signals) => void): () => void {
  gracefulStop = handler;
  return () => {
    if (gracefulStop === handler) gracefulStop = undefined;
  };
}

/** Installs the handlers; `exit` is the launcher's process.exit. */
export function installInterruptHandlers(exit: (code: number) => void, stderr: { write(s: string): unknown }): void {
  let stopping = false;
  for (const [signal, code] of SIGNALS) {
    process.on(signal, () => {
      const graceful = gracefulStop;
      if (graceful) {
        gracefulStop = undefined;
        graceful(signal);
        return;
      }
      const removed = removeLiveTemporaries();
      if (stopping) {
        removeLiveTemporaries();
        exit(code);
      }
      stopping = true;
      stderr.write(
        `error: interrupted by ${signal}; ${removed} temporary file${removed === 1 ? '' : 's'} removed, ` +
          'no output left half-written\n',
      );
      const timer = setTimeout(() => {
        removeLiveTemporaries();
        exit(code);
      }, INTERRUPT_GRACE_MS);
      void Promise.allSettled([...hooks].map((h) => h(signal, code))).then(() => {
        clearTimeout(timer);
        removeLiveTemporaries();
        exit(code);
      });
    });
  }
}
