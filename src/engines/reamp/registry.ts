/**
 * Stage type → the factory that builds it: the one place the chain meets the modules that
 * implement each kind of stage. The pedals and the ONNX amp are this branch's; the NAM runner
 * (nam.ts), the cabinet convolver (cab.ts), the built-in amp and overdrive (amp.ts) and their
 * declared numbers (params-amp.ts) come from their own work and are loaded here by name, so that a
 * build without one of them says which stage is missing instead of failing to start.
 */
import { EnvironmentError, UsageError } from '../../errors.js';
import type { ParameterSpec } from '../analysis/params.js';
import type { RigStageSpec } from '../../recipes/rig.js';
import { onnxStage } from './onnx.js';
import { applyGain, pedalStage } from './pedals.js';
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
}

/** The numbers and choices of a stage declared in params-amp.ts, for the rig loader's checks. */
export interface AmpDeclarations {
  numbers: Record<string, ParameterSpec>;
  choices: Record<string, readonly (string | number)[]>;
}

interface NamModule {
  loadNam(file: string): unknown;
  namStage(model: unknown, options: { tanh: 'fast' | 'exact'; sampleRate: number }): RigStage;
}
interface CabModule {
  cabStage(irs: { file: string; levelDb: number }[], sampleRate: number): Promise<RigStage>;
}
interface AmpModule {
  builtinAmpStage(params: Record<string, unknown>, sampleRate: number): RigStage;
  overdriveStage(params: Record<string, unknown>, sampleRate: number): RigStage;
}

/** A sibling module that another part of the work provides; a missing one is an environment fault. */
async function sibling<T>(name: string, what: string): Promise<T> {
  try {
    return (await import(new URL(`./${name}.js`, import.meta.url).href)) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new EnvironmentError(`this shub build has no ${what} (src/engines/reamp/${name}.ts); update shub`);
  }
}

const declarationsOf = (group: unknown): AmpDeclarations => {
  const numbers: Record<string, ParameterSpec> = {};
  const choices: Record<string, readonly (string | number)[]> = {};
  for (const [k, v] of Object.entries((group ?? {}) as Record<string, unknown>)) {
    const spec = v as Partial<ParameterSpec> & { values?: readonly (string | number)[] };
    if (Array.isArray(spec.values)) choices[k] = spec.values;
    else if (Array.isArray(spec.range)) numbers[k] = spec as ParameterSpec;
  }
  return { numbers, choices };
};

/**
 * The overdrive's and the built-in amp's declarations (params-amp.ts: the groups whose names hold
 * OVERDRIVE and AMP), or null when this build has none (then their stages cannot be built either).
 */
export async function ampParameterDeclarations(): Promise<{
  overdrive: AmpDeclarations;
  builtin: AmpDeclarations;
} | null> {
  let mod: Record<string, unknown>;
  try {
    mod = await sibling<Record<string, unknown>>('params-amp', 'built-in amp');
  } catch {
    return null;
  }
  const keys = Object.keys(mod);
  const od = keys.filter((k) => /OVERDRIVE/i.test(k));
  const amp = keys.filter((k) => /AMP/i.test(k) && !/OVERDRIVE/i.test(k));
  const merged = (names: string[]) => {
    const out: AmpDeclarations = { numbers: {}, choices: {} };
    for (const n of names) {
      const d = declarationsOf(mod[n]);
      Object.assign(out.numbers, d.numbers);
      Object.assign(out.choices, d.choices);
    }
    return out;
  };
  return { overdrive: merged(od), builtin: merged(amp) };
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

export async function buildStage(spec: RigStageSpec, ctx: StageContext): Promise<StageBuild> {
  const { sampleRate, channels } = ctx;
  switch (spec.type) {
    case 'gate':
    case 'compressor':
    case 'delay':
    case 'reverb':
      return { stage: pedalStage(spec, channels, sampleRate) };
    case 'eq': {
      spec.bands.forEach((b, k) => {
        if (b.freqHz >= sampleRate / 2)
          throw new UsageError(
            `${ctx.where}.bands[${k}].freqHz: ${b.freqHz} Hz is not below half the DI's sample rate ` +
              `(${sampleRate / 2} Hz)`,
          );
      });
      return { stage: pedalStage(spec, channels, sampleRate) };
    }
    case 'cab': {
      const cab = await sibling<CabModule>('cab', 'cabinet convolver');
      const irs = spec.ir.map((ir) => ({ file: ir.file, levelDb: ir.levelDb ?? 0 }));
      return { stage: await cab.cabStage(irs, sampleRate) };
    }
    case 'overdrive': {
      const amp = await sibling<AmpModule>('amp', 'overdrive');
      const { type: _t, ...params } = spec;
      return { stage: amp.overdriveStage(params, sampleRate) };
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
        const nam = await sibling<NamModule>('nam', 'NAM runner');
        const model = (await nam.loadNam(spec.file)) as { sampleRate?: number; metadata?: ModelLevels };
        const stage = nam.namStage(model, { tanh: spec.tanh ?? 'fast', sampleRate });
        return {
          stage: withLevel(stage, spec.levelDb),
          levels: model.metadata ?? {},
          ...(model.sampleRate !== undefined ? { modelSampleRate: model.sampleRate } : {}),
        };
      }
      const amp = await sibling<AmpModule>('amp', 'built-in amp');
      const { type: _t, model: _m, ...params } = spec;
      return { stage: amp.builtinAmpStage(params, sampleRate) };
    }
  }
}
