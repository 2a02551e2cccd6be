/**
 * One processor of a reamp rig's chain (issue 14): a streaming transform over planar blocks.
 *
 * Contract every stage keeps, so that the chain (src/engines/reamp/chain.ts) can join any of them:
 * - `process(block)` takes planar channels (`channelsIn` arrays of equal length, float, nominal
 *   ±1 full scale) and returns planar output (`channelsOut` arrays of equal length). The output of
 *   one call may be shorter or longer than its input (a resampling or block-latency stage), but
 *   over a whole stream `sum(process outputs) + flush()` has exactly as many frames as went in,
 *   and output frame n is the response to input frame n: no latency, time-aligned.
 * - `flush()` ends the stream and returns the remaining frames; the stage is not used after it.
 * - Work of any size runs off the main thread (native AsyncWorker), so `--jobs` scales.
 * - `decisions` lists what the stage chose when it was built (resampling, calibration, …), in the
 *   store's decision shape, for the run record.
 */
import type { Decision } from '../../store/types.js';

export interface RigStage {
  /** The rig's name for it, e.g. `amp (nam: plexi.nam)`. */
  readonly name: string;
  readonly channelsIn: 1 | 2;
  readonly channelsOut: 1 | 2;
  readonly decisions: readonly Decision[];
  process(block: Float32Array[]): Promise<Float32Array[]>;
  flush(): Promise<Float32Array[]>;
}
