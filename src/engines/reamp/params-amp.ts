/**
 * Parameters of the built-in reamp processors (issue 14): the built-in amp, the overdrive pedal
 * and the cabinet IR loader, each declared once with unit, range, default and description
 * (ParameterSpec, as src/engines/dsp/params.ts declares the mix blocks). The rig schema
 * (src/engines/reamp/rig.ts) builds its zod numbers from these; the stages (amp.ts, cab.ts) fill
 * defaults and check ranges from here; the native kernels (native/src/reamp/) receive every field
 * and only check that it is a finite number.
 */
import type { ParameterSpec } from '../analysis/params.js';
import type { ChoiceSpec } from '../dsp/params.js';

function param(value: number, unit: string, range: [number, number], description: string): ParameterSpec {
  return { value, unit, range, description };
}

/** Amp voices: gain-stage count, gains, bias, filter corners and tone-stack components (native/src/reamp/amp.cc). */
export const AMP_VOICES = ['clean', 'crunch', 'lead'] as const;
export type AmpVoice = (typeof AMP_VOICES)[number];

export const BUILTIN_AMP_VOICE: ChoiceSpec<AmpVoice> = {
  value: 'crunch',
  values: AMP_VOICES,
  description:
    "clean: 1 gain stage, '69 Twin tone stack; crunch: 2 stages, '59 Bassman (5F6-A) stack; " +
    'lead: 3 stages, Marshall JCM800 stack',
};

/** Oversampling factors the oversampled nonlinearities accept (Resampler 2×, then halfband stages). */
export const OVERSAMPLING_FACTORS = [2, 4, 8, 16] as const;

export const BUILTIN_AMP_PARAMETERS = {
  gainDb: param(0, 'dB', [-24, 48], 'input drive into the first gain stage (its clipper bends near ±1)'),
  bass: param(0.5, '', [0, 1], 'tone stack bass pot position (l in Yeh & Smith, linear)'),
  mid: param(0.5, '', [0, 1], 'tone stack mid pot position (m)'),
  treble: param(0.5, '', [0, 1], 'tone stack treble pot position (t)'),
  presence: param(0.5, '', [0, 1], 'high shelf at 3.5 kHz, −6 dB at 0, flat at 0.5, +6 dB at 1'),
  depth: param(0.5, '', [0, 1], 'low shelf at 90 Hz, −6 dB at 0, flat at 0.5, +6 dB at 1'),
  masterDb: param(-6, 'dB', [-40, 24], 'drive into the power amp (its clipper bends near ±1)'),
  sag: param(0, '', [0, 1], 'power-supply sag: the power amp ceiling falls to 1/(1 + sag·envelope); 0 is off'),
  levelDb: param(0, 'dB', [-60, 24], 'output level'),
} as const;

export const BUILTIN_AMP_OVERSAMPLING: ChoiceSpec<number> = {
  value: 16,
  values: OVERSAMPLING_FACTORS,
  description:
    'preamp oversampling factor (the power amp runs at min(8, this)); 16 keeps the aliasing of a 5 kHz ' +
    'sine driven 30 dB into clipping near −115 dB, 8 near −78 dB',
};

export const OVERDRIVE_PARAMETERS = {
  driveDb: param(18, 'dB', [0, 48], 'gain into the diode clipper, applied above its 720 Hz high-pass'),
  tone: param(0.5, '', [0, 1], 'tone low-pass corner, 400 Hz at 0 to 8 kHz at 1 (exponential)'),
  levelDb: param(0, 'dB', [-60, 24], 'output level'),
} as const;

export const OVERDRIVE_OVERSAMPLING: ChoiceSpec<number> = {
  value: 16,
  values: OVERSAMPLING_FACTORS,
  description:
    'oversampling factor of the clipper; 16 keeps the aliasing of a 5 kHz sine driven 30 dB into clipping ' +
    'near −120 dB, 8 near −84 dB',
};

export const CAB_PARAMETERS = {
  levelDb: param(0, 'dB', [-60, 24], "one IR's level in the blend (IRs are summed after scaling)"),
  maxIrSeconds: param(10, 's', [0, 10], 'longest IR accepted (longer files are refused, naming the file)'),
} as const;

/** The ParameterSpec of a choice for messages: `expected one of 2, 4, 8, 16`. */
export function choiceText<T extends string | number>(spec: ChoiceSpec<T>): string {
  return spec.values.map(String).join(', ');
}
