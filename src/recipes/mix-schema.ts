/**
 * The zod schema of mix recipes (SPEC §7b) and of reusable chains (presets/chains/*.yaml).
 * Units are in the key names; ranges are the ones the native mixer accepts, so a recipe that
 * passes here renders.
 */
import { z } from 'zod';

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

const num = (lo: number, hi: number) => z.number().min(lo).max(hi);

export const eqBandSchema = z
  .object({
    type: z
      .enum(['peak', 'lowshelf', 'highshelf', 'lowpass', 'highpass', 'bandpass', 'notch', 'allpass'])
      .describe('RBJ cookbook shape'),
    freqHz: z.number().positive().max(192000).describe('centre or corner frequency, Hz (below half the sample rate)'),
    gainDb: num(-48, 48).optional().describe('peak and shelves: gain at freqHz, dB'),
    q: z.number().positive().max(100).optional().describe('bandwidth; default 0.7071'),
  })
  .strict();

export const compressorSchema = z
  .object({
    thresholdDb: num(-120, 0),
    ratio: num(1, 1000),
    kneeDb: num(0, 48).optional(),
    attackMs: z.number().positive().max(2000).optional(),
    releaseMs: z.number().positive().max(10000).optional(),
    makeupDb: num(-48, 48).optional(),
    rms: z.boolean().optional(),
    sidechainHighpassHz: num(0, 2000).optional(),
    mix: num(0, 1).optional().describe('wet fraction: below 1 blends the dry signal back (parallel compression)'),
  })
  .strict();

export const gateSchema = z
  .object({
    thresholdDb: num(-120, 0),
    rangeDb: num(-120, 0).optional(),
    attackMs: z.number().positive().max(1000).optional(),
    holdMs: num(0, 5000).optional(),
    releaseMs: z.number().positive().max(10000).optional(),
    hysteresisDb: num(0, 40).optional(),
  })
  .strict();

export const saturationSchema = z
  .object({ driveDb: num(0, 48), outputDb: num(-48, 24).optional(), mix: num(0, 1).optional() })
  .strict();
export const delaySchema = z
  .object({
    timeMs: z.number().positive().max(4000),
    feedback: num(0, 0.95).optional(),
    highCutHz: num(0, 192000).optional(),
    pingPong: z.boolean().optional(),
    mix: num(0, 1).optional(),
  })
  .strict();
export const reverbSchema = z
  .object({
    decaySeconds: num(0.1, 30),
    preDelayMs: num(0, 500).optional(),
    dampingHz: z.number().positive().max(192000).optional(),
    mix: num(0, 1).optional(),
  })
  .strict();

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
    levelDb: num(-150, 24).optional().describe('send level, dB (default 0)'),
    preFader: z.boolean().optional().describe('tap before the fader (default: after fader and pan)'),
  })
  .strict();

const breakpoints = (lo: number, hi: number) => z.array(z.tuple([z.number().min(0).max(86400), num(lo, hi)])).min(1);

const trackSchema = z
  .object({
    name: z.string().min(1),
    file: z.string().min(1).describe('stem, relative to the recipe'),
    role: z.enum(ROLES).optional(),
    gainDb: num(-96, 24).optional(),
    pan: num(-1, 1).optional(),
    mute: z.boolean().optional(),
    solo: z.boolean().optional(),
    polarity: z.enum(['normal', 'inverted']).optional(),
    offsetSeconds: num(-86400, 86400)
      .optional()
      .describe('where the stem starts on the timeline; negative trims its start'),
    ...chainFields,
    output: z.string().min(1).optional().describe('bus the track feeds instead of the master'),
    sends: z.array(sendSchema).optional(),
    automation: z
      .object({ gainDb: breakpoints(-150, 24).optional(), pan: breakpoints(-1, 1).optional() })
      .strict()
      .optional()
      .describe('[seconds, value] breakpoints, linear interpolation (gain in dB)'),
  })
  .strict();

const busSchema = z
  .object({
    name: z.string().min(1),
    gainDb: num(-96, 24).optional(),
    pan: num(-1, 1).optional(),
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
    gainDb: num(-96, 24).optional().describe('master fader after the chain, dB'),
    limiter: z
      .object({
        ceilingDbtp: num(-20, 0).describe('true-peak ceiling of the mix, dBTP'),
        lookaheadMs: num(0.1, 50).optional().describe('attack ramp, ms (default 3)'),
        releaseMs: num(1, 5000).optional().describe('recovery, ms (default 80)'),
      })
      .strict()
      .optional()
      .describe('lookahead true-peak limiter after the master fader (the one master uses)'),
  })
  .strict();

export const recipeSchema = z
  .object({
    sampleRate: z.number().int().min(8000).max(384000),
    auto: z
      .object({
        gainStaging: z.boolean().optional(),
        headroomDb: num(0, 40).optional().describe('peak headroom on the master bus input, dB (default 6)'),
      })
      .strict()
      .optional(),
    tailSeconds: num(0, 120)
      .optional()
      .describe('seconds rendered after the last stem ends (default: the longest reverb/delay tail)'),
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
