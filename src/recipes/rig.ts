/**
 * Reamp rigs (issue 14): YAML → zod → checks, with the mix loader's YAML limits and its
 * `rig.yaml:7 chain[2].thresholdDb: expected a number in [-120, 0] dB, got "loud"` errors (exit 2).
 *
 * ```yaml
 * input: { gainDb: 0, interfaceDbu: 12 }
 * chain:
 *   - { type: gate, thresholdDb: -65 }
 *   - { type: amp, model: nam, file: models/plexi.nam, tanh: fast }
 *   - { type: cab, ir: [ { file: irs/v30-sm57.wav, levelDb: 0 } ] }
 * output: { normalize: loudness, targetLufs: -18 }
 * ```
 *
 * A chain entry is checked in two steps: its `type` (and an amp's `model`) picks the schema, then
 * that schema checks the entry, so an error names the entry's own key rather than a union's
 * alternatives. Files (models, IRs) are relative to the rig file and must exist when it loads.
 * The numbers of the overdrive, the built-in amp and a cab IR's level are declared beside
 * their DSP (src/engines/reamp/params-amp.ts) and checked here.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v3';
import { UsageError } from '../errors.js';
import { presetPath } from '../presets.js';
import { DELAY_PARAMETERS, expectation, inRange, REVERB_PARAMETERS } from '../engines/dsp/params.js';
import {
  ONNX_AMP_PARAMETERS,
  RIG_AMP_PARAMETERS,
  RIG_INPUT_PARAMETERS,
  RIG_OUTPUT_PARAMETERS,
} from '../engines/reamp/params.js';
import { ampParameterDeclarations, type AmpDeclarations } from '../engines/reamp/registry.js';
import { CAB_PARAMETERS } from '../engines/reamp/params-amp.js';
import { readLimited, resolveLimits, type Limits } from '../engines/mix/limits.js';
import { compressorSchema, delaySchema, eqBandSchema, gateSchema, reverbSchema } from './mix-schema.js';
import { zodFor } from './param-schema.js';
import { parseYamlWithLines, zodError, type KeyPath } from './mix.js';

export const STAGE_TYPES = ['gate', 'compressor', 'overdrive', 'amp', 'cab', 'eq', 'delay', 'reverb'] as const;
export type StageType = (typeof STAGE_TYPES)[number];
export const AMP_MODELS = ['nam', 'onnx', 'builtin'] as const;
/** `model`: the NAM plugin's normalisation from the model's metadata.loudness (one pass). */
export const NORMALIZE_MODES = ['loudness', 'peak', 'model', 'none'] as const;
/** Longest chain a rig may have. */
export const MAX_CHAIN_STAGES = 64;
/** Most IRs one cab may blend. */
export const MAX_CAB_IRS = 8;

const typed = <T extends string>(t: T) => ({ type: z.literal(t) });
const file = z.string().min(1).describe('path relative to the rig file');
/** Values of the declared-elsewhere stages (overdrive, built-in amp): checked against params-amp. */
const loose = z.union([z.number(), z.string(), z.boolean()]);

const stageSchemas = {
  gate: gateSchema.extend(typed('gate')).strict(),
  compressor: compressorSchema.extend(typed('compressor')).strict(),
  eq: z.object({ ...typed('eq'), bands: z.array(eqBandSchema).min(1).max(32) }).strict(),
  // on a guitar the wet share of a pedal is a choice, not the return bus's 1: `mix` is required
  delay: delaySchema.extend({ ...typed('delay'), mix: zodFor(DELAY_PARAMETERS.mix) }).strict(),
  reverb: reverbSchema.extend({ ...typed('reverb'), mix: zodFor(REVERB_PARAMETERS.mix) }).strict(),
  overdrive: z.object(typed('overdrive')).catchall(loose),
  cab: z
    .object({
      ...typed('cab'),
      ir: z
        .array(z.object({ file, levelDb: zodFor(CAB_PARAMETERS.levelDb).optional() }).strict())
        .min(1)
        .max(MAX_CAB_IRS),
    })
    .strict(),
} as const;

const ampSchemas = {
  nam: z
    .object({
      ...typed('amp'),
      model: z.literal('nam'),
      file,
      tanh: z.enum(['fast', 'exact']).optional().describe("fast (default, the NAM plugin's) or exact"),
      levelDb: zodFor(RIG_AMP_PARAMETERS.levelDb).optional(),
    })
    .strict(),
  onnx: z
    .object({
      ...typed('amp'),
      model: z.literal('onnx'),
      file,
      receptiveField: zodFor(ONNX_AMP_PARAMETERS.receptiveField).optional(),
      blockFrames: zodFor(ONNX_AMP_PARAMETERS.blockFrames).optional(),
      levelDb: zodFor(RIG_AMP_PARAMETERS.levelDb).optional(),
    })
    .strict(),
  builtin: z.object({ ...typed('amp'), model: z.literal('builtin') }).catchall(loose),
} as const;

export type GateStage = z.infer<typeof stageSchemas.gate>;
export type CompressorStage = z.infer<typeof stageSchemas.compressor>;
export type EqStage = z.infer<typeof stageSchemas.eq>;
export type DelayStage = z.infer<typeof stageSchemas.delay>;
export type ReverbStage = z.infer<typeof stageSchemas.reverb>;
export type OverdriveStage = z.infer<typeof stageSchemas.overdrive>;
export type CabStage = z.infer<typeof stageSchemas.cab>;
export type NamAmpStage = z.infer<typeof ampSchemas.nam>;
export type OnnxAmpStage = z.infer<typeof ampSchemas.onnx>;
export type BuiltinAmpStage = z.infer<typeof ampSchemas.builtin>;
export type AmpStage = NamAmpStage | OnnxAmpStage | BuiltinAmpStage;
export type RigStageSpec =
  GateStage | CompressorStage | EqStage | DelayStage | ReverbStage | OverdriveStage | CabStage | AmpStage;

const topSchema = z
  .object({
    description: z.string().optional(),
    input: z
      .object({
        gainDb: zodFor(RIG_INPUT_PARAMETERS.gainDb).optional(),
        interfaceDbu: zodFor(RIG_INPUT_PARAMETERS.interfaceDbu).optional(),
      })
      .strict()
      .optional(),
    chain: z.array(z.unknown()).min(1).max(MAX_CHAIN_STAGES),
    output: z
      .object({
        normalize: z.enum(NORMALIZE_MODES).optional(),
        targetLufs: zodFor(RIG_OUTPUT_PARAMETERS.targetLufs).optional(),
        peakDbfs: zodFor(RIG_OUTPUT_PARAMETERS.peakDbfs).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export interface Rig {
  description?: string;
  input: { gainDb: number; interfaceDbu: number };
  chain: RigStageSpec[];
  output: { normalize: (typeof NORMALIZE_MODES)[number]; targetLufs: number; peakDbfs: number };
}

export interface LoadedRig {
  /** The rig file as given, and its folder (model and IR paths are relative to it). */
  file: string;
  dir: string;
  rig: Rig;
  /** Absolute paths of the files the rig names (models, IRs), for the run record's inputs. */
  files: string[];
  /** `rig.yaml:7 chain[2].file` for a key path. */
  locate(p: KeyPath): string;
}

/** The built-in example rigs. */
export const RIGS_DIR = presetPath('rigs');

/** `--rig NAME`: a file as given, else a built-in rig of that name (presets/rigs/NAME.yaml). */
export function resolveRigFile(rig: string): string {
  if (existsSync(rig) || !/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(rig)) return rig;
  const builtin = path.join(RIGS_DIR, `${rig}.yaml`);
  return existsSync(builtin) ? builtin : rig;
}

/** Reads and checks a rig; model and IR paths in the result are absolute. */
export async function loadRig(rigFile: string, limits: Limits = resolveLimits(undefined)): Promise<LoadedRig> {
  const text = await readLimited(rigFile, limits, 'rig');
  const { data, locate, valueAt } = await parseYamlWithLines(text, rigFile);
  const top = topSchema.safeParse(data ?? {});
  if (!top.success) throw zodError(top.error.issues[0]!, locate, valueAt);
  const dir = path.dirname(path.resolve(rigFile));
  const files: string[] = [];
  const declared = ampParameterDeclarations();
  const chain = top.data.chain.map((entry, i): RigStageSpec => {
    const at: KeyPath = ['chain', i];
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw new UsageError(`${locate(at)}: expected a stage, { type: ${STAGE_TYPES.join('|')}, … }`);
    const type = (entry as { type?: unknown }).type;
    if (typeof type !== 'string' || !(STAGE_TYPES as readonly string[]).includes(type))
      throw new UsageError(
        `${locate([...at, 'type'])}: ${type === undefined ? 'missing; expected' : 'expected'} one of ` +
          `${STAGE_TYPES.join(', ')}${type === undefined ? '' : `, got ${JSON.stringify(type)}`}`,
      );
    let schema: z.ZodType;
    if (type === 'amp') {
      const model = (entry as { model?: unknown }).model;
      if (typeof model !== 'string' || !(AMP_MODELS as readonly string[]).includes(model))
        throw new UsageError(
          `${locate([...at, 'model'])}: ${model === undefined ? 'missing; expected' : 'expected'} one of ` +
            `${AMP_MODELS.join(', ')}${model === undefined ? '' : `, got ${JSON.stringify(model)}`}`,
        );
      schema = ampSchemas[model as keyof typeof ampSchemas];
    } else schema = stageSchemas[type as Exclude<StageType, 'amp'>];
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw zodError({ ...issue, path: [...at, ...issue.path] } as typeof issue, locate, valueAt);
    }
    const stage = parsed.data as RigStageSpec;
    // the overdrive's and the built-in amp's numbers: against their declarations (params-amp.ts)
    if (type === 'overdrive') checkDeclared(stage as Record<string, unknown>, declared.overdrive, at, locate);
    if (type === 'amp' && (stage as AmpStage).model === 'builtin')
      checkDeclared(stage as Record<string, unknown>, declared.builtin, at, locate);
    // files relative to the rig, existing now
    const resolve = (f: string, key: KeyPath) => {
      const abs = path.resolve(dir, f);
      let isFile = false;
      try {
        isFile = statSync(abs).isFile();
      } catch {
        isFile = false;
      }
      if (!isFile)
        throw new UsageError(
          `${locate(key)}: no such file '${f}' (looked for ${abs}); paths are relative to the rig file`,
        );
      files.push(abs);
      return abs;
    };
    if ('file' in stage && typeof stage.file === 'string')
      return { ...stage, file: resolve(stage.file, [...at, 'file']) } as RigStageSpec;
    if (stage.type === 'cab')
      return {
        ...stage,
        ir: stage.ir.map((ir, k) => ({ ...ir, file: resolve(ir.file, [...at, 'ir', k, 'file']) })),
      };
    return stage;
  });
  const rig: Rig = {
    ...(top.data.description !== undefined ? { description: top.data.description } : {}),
    input: {
      gainDb: top.data.input?.gainDb ?? RIG_INPUT_PARAMETERS.gainDb.value,
      interfaceDbu: top.data.input?.interfaceDbu ?? RIG_INPUT_PARAMETERS.interfaceDbu.value,
    },
    chain,
    output: {
      normalize: top.data.output?.normalize ?? 'loudness',
      targetLufs: top.data.output?.targetLufs ?? RIG_OUTPUT_PARAMETERS.targetLufs.value,
      peakDbfs: top.data.output?.peakDbfs ?? RIG_OUTPUT_PARAMETERS.peakDbfs.value,
    },
  };
  return { file: rigFile, dir, rig, files, locate };
}

/** Numbers and choices of a stage declared elsewhere: unknown keys and out-of-range values refused by name. */
function checkDeclared(
  stage: Record<string, unknown>,
  decl: AmpDeclarations,
  at: KeyPath,
  locate: (p: KeyPath) => string,
): void {
  for (const [key, value] of Object.entries(stage)) {
    if (key === 'type' || key === 'model') continue;
    const spec = decl.numbers[key];
    const choice = decl.choices[key];
    if (spec) {
      if (typeof value !== 'number' || !inRange(spec, value))
        throw new UsageError(`${locate([...at, key])}: ${expectation(spec)}, got ${JSON.stringify(value)}`);
    } else if (choice) {
      if (!(choice as readonly unknown[]).includes(value))
        throw new UsageError(
          `${locate([...at, key])}: expected one of ${choice.map((c) => JSON.stringify(c)).join(', ')}, ` +
            `got ${JSON.stringify(value)}`,
        );
    } else
      throw new UsageError(
        `${locate([...at, key])}: unknown key '${key}'; known: ${[
          ...Object.keys(decl.numbers),
          ...Object.keys(decl.choices),
        ].join(', ')}`,
      );
  }
}

/** One chain entry as a report or a run record shows it: its type and its settings in a line. */
export interface StageSummary {
  type: StageType;
  detail: string;
}

/** The rig's chain in order, each stage's settings written out (file names without their folders). */
export function chainSummary(rig: Rig): StageSummary[] {
  const value = (k: string, v: unknown): string | null => {
    if (k === 'type') return null;
    if (k === 'file' && typeof v === 'string') return path.basename(v);
    if (k === 'ir' && Array.isArray(v))
      return (v as { file: string; levelDb?: number }[])
        .map((x) => `${path.basename(x.file)}${x.levelDb ? ` ${x.levelDb} dB` : ''}`)
        .join(' + ');
    if (k === 'bands' && Array.isArray(v)) return `${v.length} band${v.length === 1 ? '' : 's'}`;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return `${k} ${v}`;
    return null;
  };
  return rig.chain.map((spec) => ({
    type: spec.type,
    detail: Object.entries(spec)
      .map(([k, v]) => value(k, v))
      .filter((x): x is string => x !== null)
      .join(', '),
  }));
}
