/**
 * `analyze`'s post-processing of one file's feature report, off the main thread: onsets, tempo
 * (from the mel envelope's own onsets: independent of the onsets task) and key, each a plain call
 * of the pure engines. A small pool of worker threads is shared by the batch, so `--jobs N` runs N
 * files' post-processing side by side while the main thread reads the next files' audio and prints
 * results. One file at a time has no pool: the calling thread, which would only wait, runs the three (their
 * numeric loops are native, native/src/post.cc), beside the pitch HMM's decoding on the libuv pool.
 * The workers start with the batch, so their start-up overlaps the first file's audio pass.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { detectOnsets, type Onsets } from '../engines/onsets/index.js';
import { estimateTempoWithDecision, type Tempo } from '../engines/tempo/index.js';
import { analyzeKey, keyBlocks, type Key, type NoKey } from '../engines/key/index.js';
import type { FeatureReport } from '../native.js';
import {
  KEY_PARAMETERS,
  ONSET_PARAMETERS,
  TEMPO_PARAMETERS,
  onsetEnergyBandLowHz,
} from '../engines/analysis/params.js';
import type { ParameterSpec } from '../engines/analysis/params.js';
import { PEAK_MODEL_ROUNDS } from '../engines/onsets/peak-model.js';
import { LEVEL_MODEL_ROUNDS } from '../engines/tempo/level-model.js';
import { KEY_COMBINER_ROUNDS } from '../engines/key/model.js';
import type { Decision } from '../store/types.js';
import { withParams, type ParameterTables, type ParameterValues } from './params.js';

/**
 * What `analyze --param` can set: the parameters of the engines the post-processing runs (onsets, tempo, key),
 * read in the task's own call (the worker thread's, or this thread's without a pool). Not the onsets' tickSeconds:
 * the native extractor reads it (the fine envelope's tick) before the tasks.
 */
export const ANALYZE_PARAMETERS: ParameterTables = {
  tables: {
    onsets: Object.fromEntries(Object.entries(ONSET_PARAMETERS).filter(([k]) => k !== 'tickSeconds')),
    tempo: TEMPO_PARAMETERS,
    key: KEY_PARAMETERS,
  },
  choices: new Map<ParameterSpec, readonly number[]>([
    [ONSET_PARAMETERS.onsetModelPreset, PEAK_MODEL_ROUNDS],
    [TEMPO_PARAMETERS.levelModelPreset, LEVEL_MODEL_ROUNDS],
    [KEY_PARAMETERS.keyModelPreset, KEY_COMBINER_ROUNDS],
  ]),
};

/** The report series both the onsets engine and tempo read. */
type EnvelopeSeries =
  'odf' | 'hopSeconds' | 'fineEnergy' | 'tickSamples' | 'onsetFlux' | 'onsetFluxGroups' | 'onsetHopSeconds';

/** The report series the onsets engine reads (copied to the worker). */
export interface OnsetsInput {
  report: Pick<FeatureReport, EnvelopeSeries | 'onsetNoveltyCoherence'> &
    Partial<Pick<FeatureReport, 'onsetBandEnergy' | 'onsetBandEnergyBands'>>;
  sampleRate: number;
  /** STFT window, samples (the onset engine places onsets within it). */
  windowSamples: number;
  /** The fine envelope's rises (onsetFineRises), when set up once for both onsets and tempo. */
  rises?: ArrayLike<number>;
}

/** The report series tempo reads (copied to the worker). */
export interface TempoInput {
  report: Pick<FeatureReport, EnvelopeSeries | 'odfLow' | 'chroma' | 'pitchClass'> &
    Partial<Pick<FeatureReport, 'onsetBandEnergy' | 'onsetBandEnergyBands'>>;
  sampleRate: number;
  windowSamples: number;
  /** The fine envelope's rises (onsetFineRises), when set up once for both onsets and tempo. */
  rises?: ArrayLike<number>;
}

export interface OnsetsOutput {
  onsets: Onsets;
}

export interface TempoOutput {
  tempo: Tempo;
  /** The metrical level chosen, with the competing levels and their evidence. */
  decision?: Decision;
}

const melOnsetInput = (
  report: Pick<FeatureReport, 'odf' | 'hopSeconds' | 'fineEnergy' | 'tickSamples'>,
  sampleRate: number,
  windowSamples: number,
  rises: ArrayLike<number> | undefined,
) => ({
  odf: report.odf,
  hopSeconds: report.hopSeconds,
  windowSeconds: windowSamples / sampleRate,
  fineEnergy: report.fineEnergy,
  tickSeconds: report.tickSamples / sampleRate,
  ...(rises ? { rises } : {}),
});

/** Onsets: from the onset flux when the extractor made it, else from the mel envelope. */
export function onsets({ report, sampleRate, windowSamples, rises }: OnsetsInput): OnsetsOutput {
  const mel = melOnsetInput(report, sampleRate, windowSamples, rises);
  const flux =
    report.onsetFluxGroups > 0 && report.onsetFlux?.length
      ? { values: report.onsetFlux, groups: report.onsetFluxGroups, hopSeconds: report.onsetHopSeconds }
      : undefined;
  const coherence = report.onsetNoveltyCoherence?.length ? { noveltyCoherence: report.onsetNoveltyCoherence } : {};
  // the band energies for the echo model (a delay line's repeats are not onsets) and, with their lower edges, the
  // choke onsets (an open hat's ring cut by a closed hat)
  const energy =
    report.onsetBandEnergyBands && report.onsetBandEnergy?.length
      ? {
          bandEnergy: {
            values: report.onsetBandEnergy,
            bands: report.onsetBandEnergyBands,
            lowHz: onsetEnergyBandLowHz(sampleRate),
          },
        }
      : {};
  return { onsets: detectOnsets(flux ? { ...mel, flux, ...coherence, ...energy } : mel) };
}

/**
 * Tempo from the onset envelope, the mel envelope's onsets (as before the onset flux existed; independent of the
 * onsets task, so that the two run side by side), the chroma and the pitch-class profile.
 */
export function tempo({ report, sampleRate, windowSamples, rises }: TempoInput): TempoOutput {
  const tempoOnsets = detectOnsets(melOnsetInput(report, sampleRate, windowSamples, rises));
  const estimate = estimateTempoWithDecision({
    odf: report.odf,
    odfLow: report.odfLow,
    chroma: report.chroma,
    pitchClass: report.pitchClass,
    hopSeconds: report.hopSeconds,
    onsetTimes: tempoOnsets.times,
    // the onset flux's groups: kick and snare bands for the beat phase and the ternary check
    ...(report.onsetFluxGroups > 0 && report.onsetFlux?.length
      ? { flux: { values: report.onsetFlux, groups: report.onsetFluxGroups, hopSeconds: report.onsetHopSeconds } }
      : {}),
    // the band energies: the snare hits by spectral shape (h-tempo24)
    ...(report.onsetBandEnergyBands && report.onsetBandEnergy?.length
      ? {
          bandEnergy: {
            values: report.onsetBandEnergy,
            bands: report.onsetBandEnergyBands,
            hopSeconds: report.onsetHopSeconds,
            lowHz: onsetEnergyBandLowHz(sampleRate),
          },
        }
      : {}),
  });
  return { tempo: estimate.tempo, ...(estimate.decision ? { decision: estimate.decision } : {}) };
}

/** The report series key reads (copied to the worker). */
export interface KeyInput {
  report: Pick<
    FeatureReport,
    'pitchClass' | 'bassPitchClass' | 'pitchClassBlocks' | 'bassPitchClassBlocks' | 'hopSeconds' | 'gatePitchClass'
  >;
  file: string;
}

export interface KeyOutput {
  key: Key | NoKey;
  decision?: Decision;
}

/** The key from the whole-file and per-block pitch-class profiles. */
export function key({ report, file }: KeyInput): KeyOutput {
  const k = analyzeKey(report.pitchClass, report.bassPitchClass, keyBlocks(report), { file });
  return { key: k.result, ...(k.decision ? { decision: k.decision } : {}) };
}

/** A task: its input, and the run's `--param` values (set for the task's call only). */
export type PostTask = (
  { kind: 'onsets'; input: OnsetsInput } | { kind: 'tempo'; input: TempoInput } | { kind: 'key'; input: KeyInput }
) & { params?: ParameterValues };
type AnyOutput = OnsetsOutput | TempoOutput | KeyOutput;
type PostOutput<T extends PostTask> = T extends { kind: 'onsets' }
  ? OnsetsOutput
  : T extends { kind: 'tempo' }
    ? TempoOutput
    : KeyOutput;

/**
 * Runs one task in the calling thread (the worker's body, and the pool's fallback), with the run's parameters set
 * for this synchronous call only: another job's task in the same thread runs before or after it, never inside.
 */
export function runPostTask<T extends PostTask>(task: T): PostOutput<T> {
  const out: AnyOutput = withParams(ANALYZE_PARAMETERS, task.params, () =>
    task.kind === 'onsets' ? onsets(task.input) : task.kind === 'tempo' ? tempo(task.input) : key(task.input),
  );
  return out as PostOutput<T>;
}

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

/**
 * Worker threads for post-processing tasks, first come first served. Workers are started at once
 * (their start-up overlaps the audio pass) and ended by close(); an idle pool does not keep the
 * process alive.
 */
export class PostPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private nextId = 0;

  /** A pool of `size` threads (node:worker_threads is loaded here: a run of one file has no pool). */
  static async start(size: number): Promise<PostPool> {
    return new PostPool(size, (await import('node:worker_threads')).Worker);
  }

  private constructor(
    size: number,
    private readonly WorkerThread: typeof Worker,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  /**
   * Threads for a batch running `jobs` files at once: two per file (onsets beside tempo: the longest
   * tasks; key follows on the first free one), at most the cores. None for one file at a time: with the
   * engines' loops native (native/src/post.cc) its onsets, tempo and key take less than a thread's start-up
   * (isolate, modules, compilation of the engines), so the calling thread, which would only wait, runs them.
   */
  static sizeFor(jobs: number): number {
    return jobs <= 1 ? 0 : Math.min(2 * jobs, availableParallelism());
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

  private spawn(): Worker {
    const w = new this.WorkerThread(new URL('./analyze-post-worker.js', import.meta.url));
    w.unref();
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
    this.idle.push(this.spawn());
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
