/**
 * Built-in amp and overdrive stages of a reamp rig (issue 14), on the native kernels of
 * native/src/reamp/amp.{h,cc}. Shapes other modules rely on (keep them stable):
 *
 *   builtinAmpStage(params: BuiltinAmpParams, sampleRate: number): RigStage   // mono in, mono out
 *   overdriveStage(params: OverdriveParams, sampleRate: number): RigStage     // mono in, mono out
 *   toneStackStage(params: ToneStackParams, sampleRate: number): RigStage     // the amp's tone stack alone
 *
 * Every field is optional (defaults, units and ranges: params-amp.ts); a value outside its range
 * throws a UsageError naming the field. Both stages are offline-aligned (RigStage contract).
 */
import { checkParameter } from '../analysis/params.js';
import type { ChoiceSpec } from '../dsp/params.js';
import { UsageError } from '../../errors.js';
import type { Decision } from '../../store/types.js';
import { reampNative, type ReampKernel } from './amp-native.js';
import {
  BUILTIN_AMP_OVERSAMPLING,
  BUILTIN_AMP_PARAMETERS,
  BUILTIN_AMP_VOICE,
  OVERDRIVE_OVERSAMPLING,
  OVERDRIVE_PARAMETERS,
  type AmpVoice,
} from './params-amp.js';
import type { RigStage } from './stage.js';

export type BuiltinAmpParams = { [K in keyof typeof BUILTIN_AMP_PARAMETERS]?: number } & {
  voice?: AmpVoice;
  oversampling?: number;
};
export type OverdriveParams = { [K in keyof typeof OVERDRIVE_PARAMETERS]?: number } & { oversampling?: number };
export type ToneStackParams = { voice?: AmpVoice; bass?: number; mid?: number; treble?: number };

const SAMPLE_RATE_RANGE: [number, number] = [8000, 192000];

function declared<G extends Record<string, { value: number }>>(
  where: string,
  group: G,
  given: Record<string, unknown>,
): { [K in keyof G]: number } {
  const out: Record<string, number> = {};
  for (const [key, spec] of Object.entries(group)) {
    const v = given[key];
    if (v !== undefined && typeof v !== 'number') throw new UsageError(`${where}: ${key} must be a number, got ${v}`);
    try {
      out[key] = checkParameter(`${where}: ${key}`, spec as never, v ?? spec.value);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  return out as { [K in keyof G]: number };
}

function choice<T extends string | number>(where: string, key: string, spec: ChoiceSpec<T>, v: T | undefined): T {
  if (v === undefined) return spec.value;
  if (!spec.values.includes(v))
    throw new UsageError(`${where}: ${key} must be one of ${spec.values.join(', ')}, got ${v}`);
  return v;
}

function checkRate(where: string, sampleRate: number): void {
  if (!Number.isInteger(sampleRate) || sampleRate < SAMPLE_RATE_RANGE[0] || sampleRate > SAMPLE_RATE_RANGE[1])
    throw new UsageError(`${where}: runs at ${SAMPLE_RATE_RANGE[0]}–${SAMPLE_RATE_RANGE[1]} Hz, got ${sampleRate} Hz`);
}

/** A RigStage over one native kernel. */
export function kernelStage(
  name: string,
  kernel: ReampKernel,
  channelsIn: 1 | 2,
  channelsOut: 1 | 2,
  decisions: Decision[],
): RigStage {
  return {
    name,
    channelsIn,
    channelsOut,
    decisions,
    process: (block) => kernel.process(block),
    flush: () => kernel.flush(),
  };
}

export function builtinAmpStage(params: BuiltinAmpParams, sampleRate: number): RigStage {
  const where = 'amp (builtin)';
  checkRate(where, sampleRate);
  const voice = choice(where, 'voice', BUILTIN_AMP_VOICE, params.voice);
  const oversampling = choice(where, 'oversampling', BUILTIN_AMP_OVERSAMPLING, params.oversampling);
  const p = declared(where, BUILTIN_AMP_PARAMETERS, params);
  const kernel = new (reampNative().BuiltinAmp)({ sampleRate, voice, oversampling, ...p });
  const decisions: Decision[] = [
    {
      engine: 'reamp.amp',
      decision: 'oversampling',
      value: oversampling,
      unit: '×',
      reason:
        `preamp clippers at ${(sampleRate * oversampling) / 1000} kHz, power amp at ` +
        `${(sampleRate * Math.min(8, oversampling)) / 1000} kHz (antiderivative anti-aliasing in both)`,
      inputs: { sampleRate },
    },
  ];
  return kernelStage(`amp (builtin: ${voice})`, kernel, 1, 1, decisions);
}

export function overdriveStage(params: OverdriveParams, sampleRate: number): RigStage {
  const where = 'overdrive';
  checkRate(where, sampleRate);
  const oversampling = choice(where, 'oversampling', OVERDRIVE_OVERSAMPLING, params.oversampling);
  const p = declared(where, OVERDRIVE_PARAMETERS, params);
  const kernel = new (reampNative().Overdrive)({ sampleRate, oversampling, ...p });
  return kernelStage('overdrive', kernel, 1, 1, []);
}

export function toneStackStage(params: ToneStackParams, sampleRate: number): RigStage {
  const where = 'tone stack';
  checkRate(where, sampleRate);
  const voice = choice(where, 'voice', BUILTIN_AMP_VOICE, params.voice);
  const { bass, mid, treble } = BUILTIN_AMP_PARAMETERS;
  const p = declared(where, { bass, mid, treble }, params);
  const kernel = new (reampNative().ToneStack)({ sampleRate, voice, ...p });
  return kernelStage(`tone stack (${voice})`, kernel, 1, 1, []);
}
