/**
 * The zod schema of mix recipes (SPEC §7b) and of reusable chains (presets/chains/*.yaml).
 * Units are in the key names. The DSP blocks' numbers come from their one declaration
 * (src/engines/dsp/params.ts) through zodFor, the same table the native mixer and limiter check,
 * so a recipe that passes here renders and one that does not is refused with the same range.
 */
import { z } from 'zod/v3';
import {
  AUDIO_PARAMETERS,
  COMPRESSOR_PARAMETERS,
  DELAY_PARAMETERS,
  EQ_BAND_PARAMETERS,
  EQ_SHAPES,
  GATE_PARAMETERS,
  LIMITER_PARAMETERS,
  RECIPE_MIX_PARAMETERS as R,
  REVERB_PARAMETERS,
  SATURATION_PARAMETERS,
} from '../engines/dsp/params.js';
import { zodFor, zodObjectFor } from './param-schema.js';

/** Roles the automatic gain staging knows; anything else is `other`. */
export const ROLES = [
  'kick',
  'snare',
  'toms',
  'hats',
  'overheads',
  'room',
  'percussion',
  'drums',
  'bass',
  'guitar',
  'keys',
  'piano',
  'synth',
  'pad',
  'strings',
  'brass',
  'vocal',
  'backing-vocal',
  'fx',
  'other',
] as const;
export type Role = (typeof ROLES)[number];

export const eqBandSchema = z
  .object({
    type: z.enum(EQ_SHAPES).describe('RBJ cookbook shape'),
    freqHz: zodFor(EQ_BAND_PARAMETERS.freqHz),
    gainDb: zodFor(EQ_BAND_PARAMETERS.gainDb).optional(),
    q: zodFor(EQ_BAND_PARAMETERS.q).optional(),
  })
  .strict();

export const compressorSchema = zodObjectFor(COMPRESSOR_PARAMETERS, ['thresholdDb', 'ratio'])
  .extend({ rms: z.boolean().optional().describe('RMS detector instead of peak (default false)') })
  .strict();
export const gateSchema = zodObjectFor(GATE_PARAMETERS, ['thresholdDb']).strict();
export const saturationSchema = zodObjectFor(SATURATION_PARAMETERS, ['driveDb']).strict();
export const delaySchema = zodObjectFor(DELAY_PARAMETERS, ['timeMs'])
  .extend({ pingPong: z.boolean().optional().describe('repeats alternate between the channels (default false)') })
  .strict();
export const reverbSchema = zodObjectFor(REVERB_PARAMETERS, ['decaySeconds']).strict();

/** The processing a track, a bus or the master can carry; `chain` names presets/chains/<name>.yaml. */
const chainFields = {
  chain: z
    .string()
    .min(1)
    .optional()
    .describe('a reusable chain by name (presets/chains/<name>.yaml); keys given here override it'),
  eq: z.array(eqBandSchema).max(32).optional(),
  compressor: compressorSchema.optional(),
  gate: gateSchema.optional(),
  saturation: saturationSchema.optional(),
};

const { chain: _chain, ...presetFields } = chainFields;
export const chainPresetSchema = z.object({ description: z.string().optional(), ...presetFields }).strict();

const sendSchema = z
  .object({
    bus: z.string().min(1),
    levelDb: zodFor(R.levelDb).optional(),
    preFader: z.boolean().optional().describe('tap before the fader (default: after fader and pan)'),
  })
  .strict();

const pair = { errorMap: () => ({ message: 'expected a [seconds, value] pair' }) };
const breakpoints = (value: z.ZodNumber) => z.array(z.tuple([zodFor(R.breakpointSeconds), value], pair)).min(1);

const trackSchema = z
  .object({
    name: z.string().min(1),
    file: z.string().min(1).describe('stem, relative to the recipe'),
    role: z.enum(ROLES).optional(),
    gainDb: zodFor(R.gainDb).optional(),
    pan: zodFor(R.pan).optional(),
    mute: z.boolean().optional(),
    solo: z.boolean().optional(),
    polarity: z.enum(['normal', 'inverted']).optional(),
    offsetSeconds: zodFor(R.offsetSeconds).optional(),
    ...chainFields,
    output: z.string().min(1).optional().describe('bus the track feeds instead of the master'),
    sends: z.array(sendSchema).optional(),
    automation: z
      .object({
        gainDb: breakpoints(zodFor(R.automationGainDb)).optional(),
        pan: breakpoints(zodFor(R.pan)).optional(),
      })
      .strict()
      .optional()
      .describe('[seconds, value] breakpoints, linear interpolation (gain in dB)'),
  })
  .strict();

const busSchema = z
  .object({
    name: z.string().min(1),
    gainDb: zodFor(R.gainDb).optional(),
    pan: zodFor(R.pan).optional(),
    mute: z.boolean().optional(),
    ...chainFields,
    delay: delaySchema.optional(),
    reverb: reverbSchema.optional(),
    output: z.string().min(1).optional(),
    sends: z.array(sendSchema).optional(),
  })
  .strict();

const masterSchema = z
  .object({
    ...chainFields,
    gainDb: zodFor(R.gainDb).optional().describe('master fader after the chain, dB'),
    limiter: z
      .object({
        ceilingDbtp: zodFor(LIMITER_PARAMETERS.ceilingDb),
        lookaheadMs: zodFor(LIMITER_PARAMETERS.lookaheadMs).optional(),
        releaseMs: zodFor(LIMITER_PARAMETERS.releaseMs).optional(),
      })
      .strict()
      .optional()
      .describe('lookahead true-peak limiter after the master fader (the one master uses)'),
  })
  .strict();

export const recipeSchema = z
  .object({
    sampleRate: zodFor(AUDIO_PARAMETERS.sampleRate),
    auto: z
      .object({
        gainStaging: z.boolean().optional(),
        headroomDb: zodFor(R.headroomDb).optional(),
      })
      .strict()
      .optional(),
    tailSeconds: zodFor(R.tailSeconds).optional(),
    tracks: z.array(trackSchema).min(1),
    buses: z.array(busSchema).optional(),
    master: masterSchema.optional(),
  })
  .strict();

export type Recipe = z.infer<typeof recipeSchema>;
export type RecipeTrack = z.infer<typeof trackSchema>;
export type RecipeBus = z.infer<typeof busSchema>;
export type RecipeMaster = z.infer<typeof masterSchema>;
export type ChainPreset = z.infer<typeof chainPresetSchema>;
