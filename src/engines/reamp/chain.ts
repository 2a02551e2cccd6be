/**
 * The reamp chain (issue 14): a DI streamed in blocks through the rig's stages, printed to a WAV
 * with its output normalised. Memory is bounded by the block size whatever the DI's length.
 *
 * - Decoding: the DI's PCM (any format openAudio reads) is decoded natively by a one-strip Mixer
 *   (the mix engine's clip FIFO, which also refuses NaN/Inf), whose trim applies `input.gainDb`.
 * - A DI is mono. A stereo DI: channel 1 by default, with a warning (a DI box's second channel is
 *   usually another source or empty, and a mix of two unrelated channels is not a guitar signal),
 *   or `--di-channel 2|mix`. More than two channels are refused.
 * - Calibration: when a NAM amp's model gives input_level_dbu, the gain interfaceDbu −
 *   input_level_dbu is applied just before that amp (so the pedals before it see the DI as
 *   recorded, and the model sees the level it was trained at), as the NAM plugin's input
 *   calibration does. Without it, the DI goes in as it is (logged either way).
 * - Width: the stream starts mono; a stage may widen it (a stereo cab); a stereo stage after a
 *   mono one gets dual mono; a mono-only stage (an amp model) after a stereo one is a rig error.
 * - Pipelined: each stage works on the next block while the stages after it work on this one
 *   (one block in flight per stage), so the native stages use several cores for one DI.
 * - Output: 32-bit float WAV at the DI's rate, normalised: `loudness` (BS.1770-4 integrated, the
 *   project's meter: a first pass renders to a temporary float file and measures it, the second
 *   applies the gain while writing — two passes over the file, one through the chain), `peak`
 *   (sample peak, the same way), `model` (the NAM plugin's "normalize": −18 − metadata.loudness dB,
 *   one pass), or `none`.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import { openAudio, type AudioSource } from '../../io/audio.js';
import { temporarySibling, removeTemporary } from '../../io/atomic.js';
import type { FfmpegChoice } from '../../io/ffmpeg.js';
import { WavWriter } from '../../io/wav-writer.js';
import { native, type LevelMeterResult, type Mixer } from '../../native.js';
import type { LoadedRig, RigStageSpec } from '../../recipes/rig.js';
import type { Decision } from '../../store/types.js';
import { createFeatureExtractor, tonalBalance, type TonalBand } from '../spectral/index.js';
import { applyGain, canJoin, deinterleave, upmix } from './pedals.js';
import { buildPedals, buildStage, isPedal, type ModelLevels } from './registry.js';
import type { RigStage } from './stage.js';

export type DiChannel = 'auto' | 1 | 2 | 'mix';
export type Normalize = 'loudness' | 'peak' | 'none' | 'model';

/** The reference level of the NAM plugin's output normalisation (metadata.loudness is relative to it). */
export const NAM_LOUDNESS_REFERENCE_DB = -18;
/** Frames decoded and pushed through the chain per step. */
export const CHAIN_BLOCK_FRAMES = 8192;

/** A rig variant: the amp's input gain and the IR blend moved (issue 14 point 5). */
export interface Variant {
  ampGainDb: number;
  irTiltDb: number;
}

export interface BuiltChain {
  stages: RigStage[];
  channelsOut: 1 | 2;
  /** Gain at the input (input.gainDb), dB. */
  inputGainDb: number;
  /** The first NAM amp's level metadata, if any. */
  levels: ModelLevels | null;
  decisions: Decision[];
}

const dbToGain = (db: number) => 10 ** (db / 20);

function gainStage(name: string, channels: 1 | 2, db: number): RigStage {
  const g = dbToGain(db);
  return {
    name,
    channelsIn: channels,
    channelsOut: channels,
    decisions: [],
    process: async (b) => applyGain(b, g),
    flush: async () => Array.from({ length: channels }, () => new Float32Array(0)),
  };
}

function upmixStage(inner: RigStage): RigStage {
  return {
    ...inner,
    name: inner.name,
    channelsIn: 1,
    channelsOut: inner.channelsOut,
    decisions: inner.decisions,
    process: (b) => inner.process(upmix(b)),
    flush: () => inner.flush(),
  };
}

/** The rig's chain entry moved by a variant (IR blend tilted). */
function varied(spec: RigStageSpec, v: Variant | undefined): RigStageSpec {
  if (!v || spec.type !== 'cab' || spec.ir.length < 2 || v.irTiltDb === 0) return spec;
  return {
    ...spec,
    ir: spec.ir.map((ir, k) => ({
      ...ir,
      levelDb: (ir.levelDb ?? 0) + (k === 0 ? v.irTiltDb / 2 : k === 1 ? -v.irTiltDb / 2 : 0),
    })),
  };
}

/** Builds every stage of the rig for a DI at `sampleRate`. */
export async function buildChain(
  loaded: LoadedRig,
  o: { sampleRate: number; file: string; variant?: Variant; ffmpeg: FfmpegChoice; onWarning: (m: string) => void },
): Promise<BuiltChain> {
  const { sampleRate, file, variant } = o;
  const { rig, locate } = loaded;
  const stages: RigStage[] = [];
  const decisions: Decision[] = [];
  let width: 1 | 2 = 1;
  let levels: ModelLevels | null = null;
  let ampSeen = false;
  for (let i = 0; i < rig.chain.length; i++) {
    const spec = varied(rig.chain[i]!, variant);
    const where = locate(['chain', i]);
    const isAmp = spec.type === 'amp' || spec.type === 'overdrive';
    if (isAmp && !ampSeen && variant && variant.ampGainDb !== 0)
      stages.push(gainStage(`variant amp gain ${variant.ampGainDb} dB`, width, variant.ampGainDb));
    const ctx = { sampleRate, channels: width, where, ffmpeg: o.ffmpeg, onWarning: o.onWarning };
    let built;
    if (isPedal(spec)) {
      // consecutive pedals in the Mixer strip's order share one strip (one native call per block)
      const run = [{ spec, where }];
      while (i + 1 < rig.chain.length) {
        const next = rig.chain[i + 1]!;
        if (
          !isPedal(next) ||
          !canJoin(
            run.map((r) => r.spec),
            next,
          )
        )
          break;
        i++;
        run.push({ spec: next, where: locate(['chain', i]) });
      }
      built = buildPedals(run, ctx);
    } else built = await buildStage(spec, ctx);
    if (spec.type === 'amp' && spec.model === 'nam' && levels === null) {
      levels = built.levels ?? {};
      const model = levels.inputLevelDbu;
      if (model !== undefined) {
        const db = rig.input.interfaceDbu - model;
        if (db !== 0) stages.push(gainStage(`calibration ${db.toFixed(2)} dB`, width, db));
        decisions.push({
          engine: 'reamp.calibration',
          decision: 'inputGainDb',
          value: round3(db),
          unit: 'dB',
          reason:
            `the interface reads ${rig.input.interfaceDbu} dBu at 0 dBFS and the model was captured with ` +
            `${model} dBu at its 0 dBFS: ${db.toFixed(2)} dB before the amp, as the NAM plugin's input calibration`,
          inputs: { file, model: path.basename(spec.file), interfaceDbu: rig.input.interfaceDbu, inputLevelDbu: model },
        });
      } else
        decisions.push({
          engine: 'reamp.calibration',
          decision: 'inputGainDb',
          value: 0,
          unit: 'dB',
          reason: `${path.basename(spec.file)} gives no input_level_dbu: the DI goes into the model as recorded`,
          inputs: { file, model: path.basename(spec.file) },
        });
      if (built.modelSampleRate !== undefined && built.modelSampleRate !== sampleRate)
        decisions.push({
          engine: 'reamp.resample',
          decision: 'modelSampleRate',
          value: built.modelSampleRate,
          unit: 'Hz',
          reason: `the model runs at its own rate; the DI (${sampleRate} Hz) is resampled in and out around it`,
          inputs: { file, model: path.basename(spec.file) },
        });
    }
    if (isAmp) ampSeen = true;
    let stage = built.stage;
    if (stage.channelsIn === 2 && width === 1) stage = upmixStage(stage);
    else if (stage.channelsIn === 1 && width === 2)
      throw new UsageError(
        `${where}: ${stage.name} takes mono, but an earlier stage made the stream stereo; ` +
          'move it before the stereo stage',
      );
    stages.push(stage);
    decisions.push(...stage.decisions);
    width = stage.channelsOut;
  }
  if (variant && !ampSeen && variant.ampGainDb !== 0)
    throw new Error('internal error: an amp-gain variant of a rig without an amp');
  return { stages, channelsOut: width, inputGainDb: rig.input.gainDb, levels, decisions };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A native decoder: a one-strip Mixer whose clip is the source, its trim a gain, its pre-fader tap read back. */
export class Decoder {
  private readonly mixer: Mixer;
  constructor(
    sampleRate: number,
    readonly channels: 1 | 2,
    gainDb: number,
  ) {
    this.mixer = new (native().Mixer)({
      sampleRate,
      maxBlockFrames: CHAIN_BLOCK_FRAMES,
      strips: [{ name: 'input', channels, trimDb: gainDb, output: -1, print: 'preFader' }],
      clips: [{ strip: 0, channels, startFrame: 0, sourceOffsetFrames: 0, lengthFrames: Number.MAX_SAFE_INTEGER }],
    });
  }

  /** Every block of `source`, planar, in steps of at most CHAIN_BLOCK_FRAMES. */
  async *blocks(source: AudioSource): AsyncGenerator<Float32Array[]> {
    const ch = this.channels;
    for (;;) {
      const b = await source.read();
      if (!b) return;
      try {
        this.mixer.pushPcm(0, b.pcm, b.format, b.frames);
      } catch (err) {
        if (/NaN\/Inf/.test((err as Error).message))
          throw new InputError(source.file, 'contains NaN/Inf samples; the float data is corrupt, re-export it');
        throw err;
      }
      for (let at = 0; at < b.frames; at += CHAIN_BLOCK_FRAMES) {
        const n = Math.min(CHAIN_BLOCK_FRAMES, b.frames - at);
        yield deinterleave((await this.mixer.render(n)).prints[0]!, ch, n);
      }
    }
  }
}

/** The DI's channel choice for a source: mono as is; stereo by `choice`; more refused. */
export function diChannelFor(
  file: string,
  channels: number,
  choice: DiChannel,
  onWarning: (m: string) => void,
): { pick: (b: Float32Array[]) => Float32Array; decision: Decision } {
  if (channels > 2)
    throw new InputError(file, `has ${channels} channels; a DI is mono (or stereo, one channel of which is used)`);
  if (channels === 1) {
    if (choice === 2) throw new UsageError(`--di-channel 2: ${file} is mono`);
    return {
      pick: (b) => b[0]!,
      decision: { engine: 'reamp.input', decision: 'diChannel', value: 1, reason: 'the DI is mono', inputs: { file } },
    };
  }
  const use = choice === 'auto' ? 1 : choice;
  if (choice === 'auto')
    onWarning(
      `${file} is stereo; a DI is mono: using channel 1 (--di-channel 2 or --di-channel mix to choose otherwise)`,
    );
  const pick =
    use === 'mix'
      ? (b: Float32Array[]) => {
          const l = b[0]!;
          const r = b[1]!;
          const out = new Float32Array(l.length);
          for (let i = 0; i < l.length; i++) out[i] = 0.5 * (l[i]! + r[i]!);
          return out;
        }
      : (b: Float32Array[]) => b[use - 1]!;
  return {
    pick,
    decision: {
      engine: 'reamp.input',
      decision: 'diChannel',
      value: use,
      reason:
        use === 'mix'
          ? 'stereo DI: the two channels averaged (--di-channel mix)'
          : `stereo DI: channel ${use} used${choice === 'auto' ? ' (the default; a warning was printed)' : ''}`,
      alternatives:
        choice === 'auto'
          ? [{ value: 'mix', why_not: "a DI box's second channel is usually another source or empty" }]
          : [],
      inputs: { file },
    },
  };
}

async function* picked(
  blocks: AsyncGenerator<Float32Array[]>,
  pick: (b: Float32Array[]) => Float32Array,
): AsyncGenerator<Float32Array[]> {
  for await (const b of blocks) yield [pick(b)];
}

/** One stage over a stream: every block processed, then its flush (which ends the stream). */
async function* staged(stage: RigStage, input: AsyncIterable<Float32Array[]>): AsyncGenerator<Float32Array[]> {
  for await (const b of input) if ((b[0]?.length ?? 0) > 0) yield await stage.process(b);
  yield await stage.flush();
}

/**
 * Asks for the next block as soon as the current one is handed on, so that the stage before
 * works on block k + 1 while the stages after work on block k: the stages (each native, off the
 * main thread) run in parallel, one block in flight per stage (bounded memory).
 */
async function* prefetched<T>(it: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = it.next();
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      next.catch(() => undefined); // a failure is rethrown when awaited above
      yield r.value;
    }
  } finally {
    await it.return(undefined).catch(() => undefined);
  }
}

/** The stream through every stage, pipelined. */
export function pipeline(
  stages: readonly RigStage[],
  input: AsyncGenerator<Float32Array[]>,
): AsyncGenerator<Float32Array[]> {
  let s = prefetched(input);
  for (const stage of stages) s = prefetched(staged(stage, s));
  return s;
}

/** Runs one block through the stages in order. */
async function through(stages: RigStage[], block: Float32Array[], from = 0): Promise<Float32Array[]> {
  let x = block;
  for (let i = from; i < stages.length; i++) {
    if ((x[0]?.length ?? 0) === 0) return x;
    x = await stages[i]!.process(x);
  }
  return x;
}

/** Ends the stream: each stage's remaining frames, pushed through the stages after it. */
async function flushAll(stages: RigStage[]): Promise<Float32Array[]> {
  let tail: Float32Array[] = [];
  for (let i = 0; i < stages.length; i++) {
    const s = stages[i]!;
    const head = (tail[0]?.length ?? 0) > 0 ? await s.process(tail) : [];
    const rest = await s.flush();
    tail = concatPlanar(head, rest, s.channelsOut);
  }
  return tail;
}

function concatPlanar(a: Float32Array[], b: Float32Array[], channels: number): Float32Array[] {
  return Array.from({ length: channels }, (_, c) => {
    const x = a[c] ?? new Float32Array(0);
    const y = b[c] ?? new Float32Array(0);
    const out = new Float32Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  });
}

const interleave = (planar: Float32Array[]): Float32Array => {
  const ch = planar.length;
  const n = planar[0]?.length ?? 0;
  if (ch === 1) return planar[0]!;
  const out = new Float32Array(n * ch);
  if (ch === 2) {
    const l = planar[0]!;
    const r = planar[1]!;
    for (let i = 0; i < n; i++) {
      out[2 * i] = l[i]!;
      out[2 * i + 1] = r[i]!;
    }
  } else
    for (let c = 0; c < ch; c++) {
      const src = planar[c]!;
      for (let i = 0; i < n; i++) out[i * ch + c] = src[i]!;
    }
  return out;
};

/** What a written (or temporary) print measured. */
export interface PrintMeasure {
  frames: number;
  levels: LevelMeterResult;
  /** Third-octave tonal balance of the (mono mix of the) output. */
  tonalBalance: TonalBand[] | null;
}

/** A float WAV sink that meters (BS.1770-4, peaks) and optionally measures the tonal balance. */
export class MeteredWriter {
  private readonly meter;
  private readonly fx;
  private frames = 0;
  private constructor(
    private readonly writer: WavWriter | null,
    readonly sampleRate: number,
    readonly channels: 1 | 2,
    tonal: boolean,
  ) {
    this.meter = new (native().LevelMeter)({ sampleRate, channels, channelWeights: channels === 1 ? [1] : [1, 1] });
    this.fx = tonal ? createFeatureExtractor({ sampleRate, channels }, { spectrum: true, pitch: false }) : null;
  }

  static async open(file: string | null, sampleRate: number, channels: 1 | 2, tonal: boolean) {
    const w = file ? await WavWriter.create(file, { sampleRate, channels, format: 'f32' }) : null;
    return new MeteredWriter(w, sampleRate, channels, tonal);
  }

  async write(planar: Float32Array[]): Promise<void> {
    const n = planar[0]?.length ?? 0;
    if (n === 0) return;
    const inter = interleave(planar);
    const bytes = new Uint8Array(inter.buffer, inter.byteOffset, inter.byteLength);
    // the meter, the extractor and the file write read the same bytes, each off the main thread: together
    const [r] = await Promise.all([
      this.meter.addPcm(bytes, 'f32', n),
      this.fx?.addPcm(bytes, 'f32', n),
      this.writer?.write(inter),
    ]);
    if (r.nonFiniteSamples > 0)
      throw new Error(`internal error: the chain produced ${r.nonFiniteSamples} NaN/Inf samples`);
    this.frames += n;
  }

  /** Closes the file (hashed unless `hash` is false: a temporary nobody reads the sha256 of) and measures. */
  async finish(hash = true): Promise<PrintMeasure & { sha256: string | null }> {
    let sha256: string | null = null;
    if (this.writer && hash) sha256 = await this.writer.finish();
    else await this.writer?.close();
    const r = this.fx?.finish();
    return {
      frames: this.frames,
      levels: this.meter.result(),
      tonalBalance: r ? tonalBalance(r.meanPower, r.binHz, this.sampleRate) : null,
      sha256,
    };
  }

  async abort(): Promise<void> {
    await this.writer?.abort();
  }
}

export interface PrintOptions {
  /** The DI (the command has claimed `output` for it). */
  file: string;
  output: string;
  ffmpeg: FfmpegChoice;
  diChannel: DiChannel;
  normalize: Normalize;
  targetLufs: number;
  peakDbfs: number;
  /** Measure the tonal balance of the output (variations, --match). */
  tonal: boolean;
  /** After the chain pass: stages to run over the print before the gain (a matching EQ), from its measure. */
  post?: (
    measure: PrintMeasure,
    sampleRate: number,
    channels: 1 | 2,
  ) => Promise<{ stages: RigStage[]; decisions: Decision[] } | null>;
  onWarning: (message: string) => void;
}

export interface PrintResult {
  output: string;
  sha256: string;
  frames: number;
  sampleRate: number;
  channels: 1 | 2;
  /** The normalisation gain applied, dB. */
  gainDb: number;
  /** Measured on what was written. */
  measure: PrintMeasure;
  decisions: Decision[];
  input: { sizeBytes: number; sha256: string; format: Record<string, unknown> };
}

/** Streams the DI through the chain to the output file, normalised; every pass bounded in memory. */
export async function printChain(
  build: (sampleRate: number) => Promise<BuiltChain>,
  o: PrintOptions,
): Promise<PrintResult> {
  const source = await openAudio(o.file, { ffmpeg: o.ffmpeg, onWarning: o.onWarning });
  const temps: string[] = [];
  try {
    const fmt = source.format;
    const di = diChannelFor(o.file, fmt.channels, o.diChannel, o.onWarning);
    const chain = await build(fmt.sampleRate);
    const decisions: Decision[] = [di.decision, ...chain.decisions];
    const fs = fmt.sampleRate;
    const ch = chain.channelsOut;
    let modelGainDb: number | null = null;
    if (o.normalize === 'model') {
      const loud = chain.levels?.loudness;
      if (loud === undefined)
        throw new UsageError(
          'output.normalize: model needs a NAM amp whose file gives metadata.loudness; use loudness instead',
        );
      modelGainDb = NAM_LOUDNESS_REFERENCE_DB - loud;
    }
    const measuredMode = o.normalize === 'loudness' || o.normalize === 'peak';
    const direct = !measuredMode && !o.post;
    // pass 1: the chain
    const first = direct ? o.output : temporarySibling(o.output, '.wav');
    if (!direct) temps.push(first);
    const decoder = new Decoder(fs, fmt.channels as 1 | 2, chain.inputGainDb);
    const directGain = direct && modelGainDb !== null ? dbToGain(modelGainDb) : 1;
    let sink = await MeteredWriter.open(first, fs, ch, o.tonal || !!o.post);
    let measure: PrintMeasure & { sha256: string | null };
    try {
      for await (const y of pipeline(chain.stages, picked(decoder.blocks(source), di.pick)))
        await sink.write(applyGain(y, directGain));
      measure = await sink.finish(direct);
    } catch (err) {
      await sink.abort();
      throw err;
    }
    const sha = await source.sha256();
    if (measure.frames === 0) throw new InputError(o.file, 'has no audio frames; there is nothing to reamp');
    // pass 2 (optional): stages decided from the print (a matching EQ)
    let current = first;
    if (o.post) {
      const post = await o.post(measure, fs, ch);
      if (post) {
        decisions.push(...post.decisions);
        const next = measuredMode ? temporarySibling(o.output, '.wav') : o.output;
        if (measuredMode) temps.push(next);
        measure = await copyThrough(
          current,
          next,
          fs,
          ch,
          post.stages,
          dbToGain(measuredMode ? 0 : (modelGainDb ?? 0)),
          o,
          !measuredMode,
        );
        current = next;
      } else if (!measuredMode) {
        measure = await copyThrough(current, o.output, fs, ch, [], dbToGain(modelGainDb ?? 0), o);
        current = o.output;
      }
    }
    // the normalisation gain
    let gainDb = modelGainDb ?? 0;
    const lufs = measure.levels.integratedLufs;
    const peak = Math.max(...measure.levels.samplePeak);
    if (o.normalize === 'loudness') {
      if (lufs === null) {
        o.onWarning(`${o.file}: the reamped output is silent (no gated loudness); written without normalisation`);
        gainDb = 0;
      } else gainDb = o.targetLufs - lufs;
    } else if (o.normalize === 'peak') gainDb = peak > 0 ? o.peakDbfs - 20 * Math.log10(peak) : 0;
    decisions.push(normalizeDecision(o, gainDb, lufs, peak, chain.levels));
    if (measuredMode) measure = await copyThrough(current, o.output, fs, ch, [], dbToGain(gainDb), o);
    const outPeak = Math.max(...measure.levels.samplePeak);
    if (outPeak > 1)
      o.onWarning(
        `${o.output}: peaks at ${(20 * Math.log10(outPeak)).toFixed(1)} dBFS after normalisation (kept: the file is ` +
          'float); lower output.targetLufs or use normalize: peak for a fixed-point delivery',
      );
    const { speakers: _s, ...format } = fmt;
    return {
      output: o.output,
      sha256: (measure as { sha256?: string | null }).sha256 ?? '',
      frames: measure.frames,
      sampleRate: fs,
      channels: ch,
      gainDb,
      measure,
      decisions,
      input: { sizeBytes: source.sizeBytes, sha256: sha, format },
    };
  } finally {
    await source.close();
    for (const t of temps) await removeTemporary(t);
  }
}

function normalizeDecision(
  o: PrintOptions,
  gainDb: number,
  lufs: number | null,
  peak: number,
  levels: ModelLevels | null,
): Decision {
  const modelAlt =
    levels?.loudness !== undefined && o.normalize !== 'model'
      ? [
          {
            value: round3(NAM_LOUDNESS_REFERENCE_DB - levels.loudness),
            why_not:
              `the model's metadata.loudness (${levels.loudness} dB) gives the NAM plugin's normalisation for its ` +
              'standard input; the measured print of this DI through the whole rig is exact (normalize: model uses it)',
          },
        ]
      : [];
  const reason =
    o.normalize === 'loudness'
      ? lufs === null
        ? 'the print is silent: no gain'
        : `the print measured ${lufs.toFixed(2)} LUFS (BS.1770-4, first pass); ${o.targetLufs} LUFS wanted`
      : o.normalize === 'peak'
        ? `the print peaked at ${(20 * Math.log10(Math.max(peak, 1e-12))).toFixed(2)} dBFS; ${o.peakDbfs} dBFS wanted`
        : o.normalize === 'model'
          ? `the NAM plugin's output normalisation: ${NAM_LOUDNESS_REFERENCE_DB} dB − the model's loudness ` +
            `${levels?.loudness} dB`
          : 'normalize: none';
  return {
    engine: 'reamp.output',
    decision: 'gainDb',
    value: round3(gainDb),
    unit: 'dB',
    reason,
    inputs: { file: o.file, normalize: o.normalize, measuredLufs: lufs, samplePeak: peak },
    alternatives: modelAlt,
  };
}

/** Reads a float print, runs `stages` and a gain over it, writes and measures the result. */
export async function copyThrough(
  from: string,
  to: string,
  fs: number,
  ch: 1 | 2,
  stages: RigStage[],
  gain: number,
  o: Pick<PrintOptions, 'ffmpeg' | 'tonal'>,
  hash = true,
): Promise<PrintMeasure & { sha256: string | null }> {
  const src = await openAudio(from, { ffmpeg: o.ffmpeg });
  const sink = await MeteredWriter.open(to, fs, ch, o.tonal);
  try {
    const dec = new Decoder(fs, ch, 0);
    for await (const block of dec.blocks(src)) await sink.write(applyGain(await through(stages, block), gain));
    await sink.write(applyGain(await flushAll(stages), gain));
    return await sink.finish(hash);
  } catch (err) {
    await sink.abort();
    throw err;
  } finally {
    await src.close();
  }
}

/** Removes a file if it exists (a temporary that was renamed already is gone). */
export async function removeIfPresent(file: string): Promise<void> {
  await rm(file, { force: true });
}
