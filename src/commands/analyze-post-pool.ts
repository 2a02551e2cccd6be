/**
 * The worker threads of `analyze`'s post-processing (analyze-post.ts). A pool is shared by the batch,
 * so `--jobs N` runs N files' onsets, tempo and key side by side while the main thread reads the next
 * files' audio and prints results. One file at a time keeps onsets and tempo in the calling thread,
 * which would only wait, and gives key to one thread that the launcher started before the command's
 * modules were loaded (prestartPostThread): its start-up (isolate, the engines' modules) runs on the
 * core that is idle while the main thread loads, and key then runs beside onsets and tempo.
 * This module imports no engine, so the launcher can load it first.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnyOutput, PostOutput, PostTask } from './analyze-post.js';

export interface PostReply {
  id: number;
  out?: AnyOutput;
  error?: { name: string; message: string; stack?: string };
}

interface Pending {
  id: number;
  task: PostTask;
  transfer: ArrayBuffer[];
  resolve: (out: AnyOutput) => void;
  reject: (e: Error) => void;
}

const spawnWorker = (): Worker => {
  const w = new Worker(new URL('./analyze-post-worker.js', import.meta.url));
  w.unref();
  return w;
};

/** The thread started by prestartPostThread, until a pool takes it. */
let prestarted: Worker | undefined;

/**
 * Starts one post-processing thread now, for the pool of the `analyze` run about to be set up (the
 * launcher calls it before loading the command). A thread no pool takes is ended by `dropPrestarted`
 * and never keeps the process alive.
 */
export function prestartPostThread(): void {
  if (prestarted) return;
  const w = spawnWorker();
  prestarted = w;
  // a thread that ends before a pool takes it (it could not load its modules) is not taken: the pool spawns one
  w.on('error', () => undefined);
  w.once('exit', () => {
    if (prestarted === w) prestarted = undefined;
  });
}

/** Whether a prestarted thread is waiting for a pool. */
export function hasPrestarted(): boolean {
  return prestarted !== undefined;
}

/** Ends the prestarted thread (a run that has no post-processing). */
export async function dropPrestarted(): Promise<void> {
  const w = prestarted;
  prestarted = undefined;
  await w?.terminate();
}

/**
 * Worker threads for post-processing tasks, first come first served. Workers are started at once
 * (their start-up overlaps the audio pass; a prestarted one is taken first) and ended by close();
 * an idle pool does not keep the process alive.
 */
export class PostPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private nextId = 0;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = i === 0 && prestarted ? prestarted : spawnWorker();
      if (w === prestarted) prestarted = undefined;
      this.idle.push(this.watch(w));
    }
  }

  /**
   * Threads for a batch running `jobs` files at once: two per file (onsets beside tempo: the longest
   * tasks; key follows on the first free one), at most the cores. One file at a time: none of its own (with
   * the engines' loops native, native/src/post.cc, its onsets, tempo and key take less than a thread's
   * start-up: isolate, modules, compilation of the engines), only a prestarted thread, for key.
   */
  static sizeFor(jobs: number): number {
    return jobs <= 1 ? (prestarted ? 1 : 0) : Math.min(2 * jobs, availableParallelism());
  }

  /** Runs `task` on a worker; the buffers in `transfer` are moved to it (detached here), the rest is copied. */
  run<T extends PostTask>(task: T, transfer: ArrayBuffer[] = []): Promise<PostOutput<T>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, transfer, resolve: resolve as Pending['resolve'], reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    for (const p of this.queue.splice(0)) p.reject(new Error('analyze: post-processing pool closed'));
    for (const [, p] of this.busy) p.reject(new Error('analyze: post-processing pool closed'));
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private watch(w: Worker): Worker {
    w.on('message', (reply: PostReply) => {
      const p = this.busy.get(w);
      if (!p || p.id !== reply.id) return;
      this.busy.delete(w);
      this.idle.push(w);
      if (reply.error) {
        const e = new Error(reply.error.message);
        e.name = reply.error.name;
        if (reply.error.stack) e.stack = reply.error.stack;
        p.reject(e);
      } else p.resolve(reply.out!);
      this.dispatch();
    });
    w.on('error', (e) => this.lose(w, e));
    w.on('exit', (code) => {
      if (this.busy.has(w) || this.idle.includes(w))
        this.lose(w, new Error(`analyze: a post-processing thread exited (code ${code})`));
    });
    return w;
  }

  /** A worker died: its task fails, and a new worker takes its place. */
  private lose(w: Worker, e: Error): void {
    const p = this.busy.get(w);
    this.busy.delete(w);
    const i = this.idle.indexOf(w);
    if (i >= 0) this.idle.splice(i, 1);
    p?.reject(e);
    this.idle.push(this.watch(spawnWorker()));
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length && this.idle.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.busy.set(w, p);
      w.ref();
      w.postMessage({ id: p.id, task: p.task }, p.transfer);
    }
    for (const w of this.idle) w.unref();
  }
}
