/**
 * ONNX amp models (issue 14 point 2): a `.onnx` network taking float audio shaped [1, n] or
 * [1, 1, n] and returning the same layout, run by onnxruntime-node on the CPU on a worker thread
 * of its own (onnxruntime's `run` computes on the calling thread; one intra-op thread per model, so
 * `--jobs` scales across DIs), block by block with its receptive field carried
 * over: each call gets the last `receptiveField − 1` input samples before the new block, so the
 * output is the same as one run over the whole DI (the start is preceded by silence, as the NAM
 * plugin's prewarm does).
 *
 * The receptive field, first found wins (logged as a decision):
 * 1. `receptiveField:` in the rig;
 * 2. the model's metadata_props key `receptive_field` (or `shub.receptive_field`), read from the
 *    ONNX protobuf (onnxruntime's JS API does not expose custom metadata);
 * 3. measured: a network of unpadded ("valid") convolutions returns n − (rf − 1) samples for n in,
 *    so one probe run gives rf from the lengths.
 * A network that pads itself (same length out as in) and declares nothing is refused: its
 * receptive field cannot be known, and guessing would put seams at the block edges.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { InputError, UsageError } from '../../errors.js';
import type { Decision } from '../../store/types.js';
import type { RigStage } from './stage.js';
import { ONNX_AMP_PARAMETERS } from './params.js';

export interface OnnxAmpOptions {
  receptiveField?: number;
  blockFrames?: number;
  /** `rig.yaml:7 chain[3]`, for messages. */
  where: string;
}

/** Samples of the probe run that measures an unpadded network's receptive field. */
const PROBE_FRAMES = 8192;

/** Top-level `metadata_props` (field 14) of an ONNX ModelProto: key → value. */
export function onnxMetadata(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let p = 0;
  const varint = (): number => {
    let x = 0;
    let mul = 1;
    for (;;) {
      if (p >= bytes.length) throw new Error('truncated varint');
      const b = bytes[p++]!;
      x += (b & 0x7f) * mul;
      if (b < 0x80) return x;
      mul *= 128;
    }
  };
  const fields = (end: number, each: (field: number, start: number, len: number) => void) => {
    while (p < end) {
      const key = varint();
      const field = Math.floor(key / 8);
      const wire = key & 7;
      if (wire === 0) varint();
      else if (wire === 1) p += 8;
      else if (wire === 5) p += 4;
      else if (wire === 2) {
        const len = varint();
        const start = p;
        if (start + len > end) throw new Error('truncated field');
        each(field, start, len);
        p = start + len;
      } else throw new Error(`wire type ${wire}`);
    }
  };
  const text = (s: number, n: number) => Buffer.from(bytes.buffer, bytes.byteOffset + s, n).toString('utf8');
  fields(bytes.length, (field, start, len) => {
    if (field !== 14) return;
    let key = '';
    let value = '';
    const end = start + len;
    fields(end, (f, s, n) => {
      if (f === 1) key = text(s, n);
      else if (f === 2) value = text(s, n);
    });
    out.set(key, value);
  });
  return out;
}

/** A model on its own worker thread (onnx-worker.ts). */
class OnnxThread {
  private readonly pending = new Map<number, { resolve: (y: Float32Array) => void; reject: (e: Error) => void }>();
  private next = 0;
  private constructor(
    private readonly worker: Worker,
    readonly info: {
      inputNames: string[];
      outputNames: string[];
      input: { isTensor: boolean; type?: string; rank: number };
    },
    file: string,
  ) {
    worker.on('message', (m: { id: number; y?: Float32Array; type?: string; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if (m.error !== undefined) p.reject(new InputError(file, `failed to run (${m.error})`));
      else if (!m.y) p.reject(new InputError(file, `returns ${m.type}; an amp model returns float audio`));
      else p.resolve(m.y);
    });
    worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  static async start(file: string, bytes: Uint8Array): Promise<OnnxThread> {
    // loaded here: most runs of reamp (NAM models) and of the other commands never start this thread
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(new URL('./onnx-worker.js', import.meta.url), { workerData: { bytes } });
    const first = await new Promise<{ ready?: OnnxThread['info']; failed?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (!first.ready) {
      await worker.terminate();
      throw new InputError(file, `is not a usable ONNX model (${first.failed}); export it again from the trainer`);
    }
    // the thread keeps the process alive only while a run is in flight
    worker.unref();
    return new OnnxThread(worker, first.ready, file);
  }

  run(x: Float32Array, dims: number[]): Promise<Float32Array> {
    const id = this.next++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, x, dims }, [x.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

export async function onnxStage(file: string, options: OnnxAmpOptions): Promise<RigStage> {
  const name = `amp (onnx: ${path.basename(file)})`;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const thread = await OnnxThread.start(file, bytes);
  try {
    return await onnxStageOn(thread, file, bytes, name, options);
  } catch (err) {
    await thread.close();
    throw err;
  }
}

async function onnxStageOn(
  thread: OnnxThread,
  file: string,
  bytes: Uint8Array,
  name: string,
  options: OnnxAmpOptions,
): Promise<RigStage> {
  const { inputNames, outputNames, input: meta } = thread.info;
  if (inputNames.length !== 1 || outputNames.length < 1)
    throw new InputError(file, `has ${inputNames.length} inputs; an amp model takes one audio input`);
  const rank = meta.rank;
  if (!meta.isTensor || meta.type !== 'float32' || (rank !== 2 && rank !== 3))
    throw new InputError(
      file,
      `takes ${meta.isTensor ? `${meta.type} of rank ${rank}` : 'a non-tensor'}; an amp model takes float audio ` +
        'shaped [1, n] or [1, 1, n]',
    );
  const dims = (n: number) => (rank === 2 ? [1, n] : [1, 1, n]);
  const runOnce = (x: Float32Array): Promise<Float32Array> => thread.run(Float32Array.from(x), dims(x.length));
  const decisions: Decision[] = [];
  let metadata = new Map<string, string>();
  try {
    metadata = onnxMetadata(bytes);
  } catch {
    // onnxruntime read the model: a protobuf this reader does not follow only loses the metadata
  }
  const fromMeta = metadata.get('receptive_field') ?? metadata.get('shub.receptive_field');
  // the probe says whether the network pads itself (same length out) or not (shorter by rf - 1)
  const probe = await runOnce(new Float32Array(PROBE_FRAMES));
  const padded = probe.length === PROBE_FRAMES;
  if (probe.length > PROBE_FRAMES || probe.length === 0)
    throw new InputError(
      file,
      `returns ${probe.length} samples for ${PROBE_FRAMES}: not an amp model (n in, n or n - receptive field + 1 out)`,
    );
  let rf: number;
  let how: string;
  if (options.receptiveField !== undefined) {
    rf = options.receptiveField;
    how = `the rig declares receptiveField ${rf}`;
  } else if (fromMeta !== undefined) {
    rf = Number(fromMeta);
    if (!Number.isInteger(rf) || rf < 1 || rf > ONNX_AMP_PARAMETERS.receptiveField.range[1])
      throw new InputError(file, `has metadata receptive_field '${fromMeta}', not a whole number of samples`);
    how = `the model's metadata gives receptive_field ${rf}`;
  } else if (!padded) {
    rf = PROBE_FRAMES - probe.length + 1;
    how = `measured: the unpadded network returned ${probe.length} samples for ${PROBE_FRAMES}`;
  } else
    throw new UsageError(
      `${options.where}: ${path.basename(file)} pads its input (same length out) and declares no receptive field; ` +
        'set receptiveField (samples) on this amp, or add metadata receptive_field to the model',
    );
  if (!padded && PROBE_FRAMES - probe.length + 1 !== rf)
    throw new UsageError(
      `${options.where}: receptiveField ${rf} disagrees with the network, which consumes ` +
        `${PROBE_FRAMES - probe.length + 1} samples per output (unpadded convolutions)`,
    );
  decisions.push({
    engine: 'reamp.onnx',
    decision: 'receptiveField',
    value: rf,
    unit: 'samples',
    reason:
      `${how}; each block is preceded by the previous ${rf - 1} input samples so the output equals one run over the ` +
      `whole DI (silence before the start)`,
    inputs: { file, layout: rank === 2 ? '[1, n]' : '[1, 1, n]', padded },
  });
  const history = rf - 1;
  const block = options.blockFrames ?? ONNX_AMP_PARAMETERS.blockFrames.value;
  // the model's input buffer: [history | pending new samples]
  let buf = new Float32Array(history + block);
  let pending = 0;
  const run = async (): Promise<Float32Array> => {
    if (pending === 0) return new Float32Array(0);
    const x = buf.subarray(0, history + pending);
    const y = await runOnce(Float32Array.from(x));
    const want = pending;
    const got = padded ? y.subarray(y.length - want) : y;
    if (got.length !== want)
      throw new InputError(file, `returned ${y.length} samples for ${x.length}; its receptive field is not ${rf}`);
    // keep the last `history` input samples for the next block
    buf.copyWithin(0, pending, history + pending);
    pending = 0;
    return Float32Array.from(got);
  };
  const chunks: Float32Array[] = [];
  return {
    name,
    channelsIn: 1,
    channelsOut: 1,
    decisions,
    async process(input) {
      const x = input[0]!;
      chunks.length = 0;
      let at = 0;
      while (at < x.length) {
        const k = Math.min(block - pending, x.length - at);
        buf.set(x.subarray(at, at + k), history + pending);
        pending += k;
        at += k;
        if (pending === block) chunks.push(await run());
      }
      return [concat(chunks)];
    },
    async flush() {
      try {
        const last = await run();
        buf = new Float32Array(0);
        return [last];
      } finally {
        await thread.close();
      }
    },
  };
}

function concat(parts: Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
