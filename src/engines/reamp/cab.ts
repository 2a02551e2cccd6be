/**
 * Cabinet IR stage of a reamp rig (issue 14). Shape other modules rely on (keep it stable):
 *
 *   cabStage(irs: { file: string; levelDb: number }[], sampleRate: number, opts?: CabOptions): Promise<RigStage>
 *
 * Reads every IR with openAudio (any format and bit depth the reader takes; at most 2 channels and
 * CAB_PARAMETERS.maxIrSeconds long, else an InputError naming the file), resamples each once to
 * the DI rate natively (shub::Resampler, level kept), scales it by its levelDb, sums them into one
 * mono or stereo IR and convolves with a uniformly partitioned FFT convolver (native), offline-
 * aligned: output frame n is the response to input frame n; the tail past the input's end is cut.
 * Channels: mono in × mono IR → mono; mono in × stereo IR → stereo; stereo in → each channel
 * through the IR's channel (or the mono IR). Decisions: each resampling, the blend, the length.
 */
import path from 'node:path';
import { checkParameter } from '../analysis/params.js';
import { InputError, UsageError } from '../../errors.js';
import { openAudio } from '../../io/audio.js';
import { resolveFfmpeg, type FfmpegChoice } from '../../io/ffmpeg.js';
import type { Decision } from '../../store/types.js';
import { reampNative } from './amp-native.js';
import { kernelStage } from './amp.js';
import { CAB_PARAMETERS } from './params-amp.js';
import type { RigStage } from './stage.js';

export interface CabOptions {
  /** Channels the stage receives (default 1). */
  channelsIn?: 1 | 2;
  ffmpeg?: FfmpegChoice;
  /** Partition size (power of two, 32–32768); default: the native cost model's choice. */
  blockSize?: number;
  onWarning?: (message: string) => void;
}

export interface LoadedIr {
  file: string;
  sampleRate: number;
  channels: Float32Array[];
}

/** Reads one IR file into planar float at its own rate; InputError (naming the file) when unusable. */
export async function readIr(file: string, ffmpeg: FfmpegChoice, onWarning?: (m: string) => void): Promise<LoadedIr> {
  const limit = CAB_PARAMETERS.maxIrSeconds.value;
  const source = await openAudio(file, { ffmpeg, ...(onWarning ? { onWarning } : {}) });
  try {
    const { sampleRate, channels } = source.format;
    if (channels > 2)
      throw new InputError(file, `has ${channels} channels; a cabinet IR must be mono or stereo (split it first)`);
    const tooLong = (frames: number) =>
      new InputError(
        file,
        `is ${(frames / sampleRate).toFixed(2)} s long; cabinet IRs are limited to ${limit} s (trim it, e.g. ` +
          `\`ffmpeg -i ${path.basename(file)} -t ${limit} out.wav\`)`,
      );
    if (source.format.frames !== null && source.format.frames > limit * sampleRate) throw tooLong(source.format.frames);
    const parts: Float32Array[][] = [];
    let frames = 0;
    for (let block = await source.read(); block; block = await source.read()) {
      frames += block.frames;
      if (frames > limit * sampleRate) throw tooLong(frames);
      parts.push(reampNative().reampDecodePcm(block.pcm, block.format, block.frames, channels));
    }
    if (frames === 0) throw new InputError(file, 'holds no audio; a cabinet IR needs at least one sample');
    const planes = Array.from({ length: channels }, (_, c) => {
      const out = new Float32Array(frames);
      let at = 0;
      for (const p of parts) {
        out.set(p[c]!, at);
        at += p[c]!.length;
      }
      return out;
    });
    return { file, sampleRate, channels: planes };
  } finally {
    await source.close();
  }
}

export async function cabStage(
  irs: { file: string; levelDb: number }[],
  sampleRate: number,
  opts: CabOptions = {},
): Promise<RigStage> {
  if (irs.length === 0) throw new UsageError('cab: ir must list at least one impulse response');
  const channelsIn = opts.channelsIn ?? 1;
  const ffmpeg = opts.ffmpeg ?? resolveFfmpeg();
  const levels = irs.map((ir, i) => {
    try {
      return checkParameter(`cab: ir[${i}].levelDb`, CAB_PARAMETERS.levelDb, ir.levelDb);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  });
  const loaded: LoadedIr[] = [];
  for (const ir of irs) loaded.push(await readIr(ir.file, ffmpeg, opts.onWarning));
  const decisions: Decision[] = [];
  for (const ir of loaded)
    if (ir.sampleRate !== sampleRate)
      decisions.push({
        engine: 'reamp.cab',
        decision: 'ir resampled',
        value: { from: ir.sampleRate, to: sampleRate },
        unit: 'Hz',
        reason:
          `${path.basename(ir.file)} is at ${ir.sampleRate} Hz, the DI at ${sampleRate} Hz; ` +
          'resampled once, level kept',
        inputs: { file: ir.file },
      });
  let blended: Float32Array[];
  try {
    blended = await reampNative().reampBlendIrs(
      loaded.map((ir, i) => ({ channels: ir.channels, sampleRate: ir.sampleRate, gain: 10 ** (levels[i]! / 20) })),
      sampleRate,
    );
  } catch (err) {
    // the native messages start with `reampBlendIrs: ir[k]: …` when one IR is at fault
    const m = /ir\[(\d+)\]: (.*)$/.exec((err as Error).message);
    if (m && loaded[Number(m[1])]) throw new InputError(loaded[Number(m[1])]!.file, `cannot be used as an IR: ${m[2]}`);
    throw err;
  }
  const kernel = new (reampNative().CabConvolver)({ ir: blended, channelsIn, blockSize: opts.blockSize ?? 0 });
  const info = kernel.info();
  const names = loaded.map((ir) => path.basename(ir.file));
  if (loaded.length > 1)
    decisions.push({
      engine: 'reamp.cab',
      decision: 'ir blend',
      value: loaded.map((ir, i) => ({ file: ir.file, levelDb: levels[i] })),
      reason: `${loaded.length} IRs summed at their levels into one ${blended.length === 2 ? 'stereo' : 'mono'} IR`,
    });
  decisions.push({
    engine: 'reamp.cab',
    decision: 'ir length',
    value: blended[0]!.length / sampleRate,
    unit: 's',
    reason:
      `${blended[0]!.length} taps at ${sampleRate} Hz, ${blended.length === 2 ? 'stereo' : 'mono'}; ` +
      `${info.partitions} partitions of ${info.blockSize} frames (uniformly partitioned FFT convolution)`,
    inputs: { files: loaded.map((ir) => ir.file) },
  });
  const channelsOut = info.channelsOut as 1 | 2;
  return kernelStage(`cab (${names.join(' + ')})`, kernel, channelsIn, channelsOut, decisions);
}
