/**
 * Stage type → the factory that builds it: the one place the chain meets the modules that
 * implement each kind of stage — the pedals (pedals.ts: the mix engine's DSP), the ONNX amp
 * (onnx.ts), the NAM runner (nam.ts), the cabinet convolver (cab.ts), the built-in amp and the
 * overdrive (amp.ts) with their declared numbers (params-amp.ts).
 */
import { UsageError } from '../../errors.js';
import type { FfmpegChoice } from '../../io/ffmpeg.js';
import type { ParameterSpec } from '../analysis/params.js';
import type { EqStage, RigStageSpec } from '../../recipes/rig.js';
import { builtinAmpStage, overdriveStage, type BuiltinAmpParams, type OverdriveParams } from './amp.js';
import { cabStage } from './cab.js';
import { loadNam, namStage } from './nam.js';
import { onnxStage } from './onnx.js';
import {
  BUILTIN_AMP_OVERSAMPLING,
  BUILTIN_AMP_PARAMETERS,
  BUILTIN_AMP_VOICE,
  OVERDRIVE_OVERSAMPLING,
  OVERDRIVE_PARAMETERS,
} from './params-amp.js';
import { applyGain, pedalStage, type PedalSpec } from './pedals.js';
import type { RigStage } from './stage.js';

/** What a NAM model file says about its levels (src/engines/reamp/nam.ts NamModel.metadata). */
export interface ModelLevels {
  loudness?: number;
  inputLevelDbu?: number;
  outputLevelDbu?: number;
}

export interface StageBuild {
  stage: RigStage;
  /** A NAM amp's metadata: the chain's input calibration and output normalisation use it. */
  levels?: ModelLevels;
  /** The model's own sample rate (a NAM amp). */
  modelSampleRate?: number;
}

export interface StageContext {
  sampleRate: number;
  /** The stream's width where the stage sits. */
  channels: 1 | 2;
  /** `rig.yaml:7 chain[3]`, for messages. */
  where: string;
  ffmpeg: FfmpegChoice;
  onWarning: (message: string) => void;
}

/** The numbers and choices of a stage declared in params-amp.ts, for the rig loader's checks. */
export interface AmpDeclarations {
  numbers: Record<string, ParameterSpec>;
  choices: Record<string, readonly (string | number)[]>;
}

/** The overdrive's and the built-in amp's declarations (params-amp.ts), for the rig loader's checks. */
export function ampParameterDeclarations(): { overdrive: AmpDeclarations; builtin: AmpDeclarations } {
  return {
    overdrive: { numbers: OVERDRIVE_PARAMETERS, choices: { oversampling: OVERDRIVE_OVERSAMPLING.values } },
    builtin: {
      numbers: BUILTIN_AMP_PARAMETERS,
      choices: { voice: BUILTIN_AMP_VOICE.values, oversampling: BUILTIN_AMP_OVERSAMPLING.values },
    },
  };
}

/** A stage followed by a fixed gain (an amp's `levelDb`). */
function withLevel(stage: RigStage, levelDb: number | undefined): RigStage {
  if (!levelDb) return stage;
  const g = 10 ** (levelDb / 20);
  return {
    ...stage,
    name: stage.name,
    channelsIn: stage.channelsIn,
    channelsOut: stage.channelsOut,
    decisions: stage.decisions,
    process: async (b) => applyGain(await stage.process(b), g),
    flush: async () => applyGain(await stage.flush(), g),
  };
}

function checkEq(spec: EqStage, sampleRate: number, where: string): void {
  spec.bands.forEach((b, k) => {
    if (b.freqHz >= sampleRate / 2)
      throw new UsageError(
        `${where}.bands[${k}].freqHz: ${b.freqHz} Hz is not below half the DI's sample rate (${sampleRate / 2} Hz)`,
      );
  });
}

/** Whether a rig stage is one of the pedals (the mix engine's blocks). */
export const isPedal = (spec: RigStageSpec): spec is PedalSpec =>
  spec.type === 'gate' ||
  spec.type === 'compressor' ||
  spec.type === 'eq' ||
  spec.type === 'delay' ||
  spec.type === 'reverb';

/** Consecutive pedals in strip order (pedals.ts canJoin) as one stage. */
export function buildPedals(run: { spec: PedalSpec; where: string }[], ctx: StageContext): StageBuild {
  for (const { spec, where } of run) if (spec.type === 'eq') checkEq(spec, ctx.sampleRate, where);
  return {
    stage: pedalStage(
      run.map((r) => r.spec),
      ctx.channels,
      ctx.sampleRate,
    ),
  };
}

export async function buildStage(spec: RigStageSpec, ctx: StageContext): Promise<StageBuild> {
  const { sampleRate, channels } = ctx;
  switch (spec.type) {
    case 'gate':
    case 'compressor':
    case 'delay':
    case 'reverb':
      return { stage: pedalStage(spec, channels, sampleRate) };
    case 'eq':
      checkEq(spec, sampleRate, ctx.where);
      return { stage: pedalStage(spec, channels, sampleRate) };
    case 'cab': {
      const irs = spec.ir.map((ir) => ({ file: ir.file, levelDb: ir.levelDb ?? 0 }));
      return {
        stage: await cabStage(irs, sampleRate, { channelsIn: channels, ffmpeg: ctx.ffmpeg, onWarning: ctx.onWarning }),
      };
    }
    case 'overdrive': {
      const { type: _t, ...params } = spec;
      return { stage: overdriveStage(params as OverdriveParams, sampleRate) };
    }
    case 'amp': {
      if (spec.model === 'onnx') {
        const stage = await onnxStage(spec.file, {
          where: ctx.where,
          ...(spec.receptiveField !== undefined ? { receptiveField: spec.receptiveField } : {}),
          ...(spec.blockFrames !== undefined ? { blockFrames: spec.blockFrames } : {}),
        });
        return { stage: withLevel(stage, spec.levelDb) };
      }
      if (spec.model === 'nam') {
        const model = await loadNam(spec.file);
        const stage = namStage(model, { tanh: spec.tanh ?? 'fast', sampleRate });
        return { stage: withLevel(stage, spec.levelDb), levels: model.metadata, modelSampleRate: model.sampleRate };
      }
      const { type: _t, model: _m, ...params } = spec;
      return { stage: builtinAmpStage(params as BuiltinAmpParams, sampleRate) };
    }
  }
}
