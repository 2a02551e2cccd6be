/**
 * The reamp rig's own numbers (issue 14), each declared once with unit, range and default, in the
 * manner of src/engines/dsp/params.ts. The pedals (gate, compressor, EQ, delay, reverb) reuse the
 * mix engine's declarations; the amp and overdrive numbers live beside their DSP
 * (src/engines/reamp/params-amp.ts).
 */
import { p as param } from '../analysis/params.js';

/** `input:` — the DI's level into the first stage. */
export const RIG_INPUT_PARAMETERS = {
  gainDb: param(0, 'dB', [-48, 48], 'gain applied to the DI before the chain (after the calibration)'),
  interfaceDbu: param(
    12,
    'dBu',
    [-20, 40],
    "level in dBu of a 0 dBFS sine at the recording interface's input (the DI's 0 dBFS); with a model's " +
      'input_level_dbu it sets the calibration gain interfaceDbu - input_level_dbu, as the NAM plugin does',
  ),
} as const;

/** `output:` — loudness or peak normalisation of the printed result. */
export const RIG_OUTPUT_PARAMETERS = {
  targetLufs: param(-18, 'LUFS', [-60, -5], 'integrated loudness (BS.1770-4) of the output with normalize: loudness'),
  peakDbfs: param(-1, 'dBFS', [-60, 0], 'sample peak of the output with normalize: peak'),
} as const;

/** An ONNX amp (`model: onnx`). */
export const ONNX_AMP_PARAMETERS = {
  receptiveField: param(
    0,
    'samples',
    [1, 1 << 20],
    'input samples each output sample depends on (the model reads this many: receptiveField - 1 past samples ' +
      "are carried between blocks); default: the model's metadata key shub.receptive_field",
    true,
  ),
  blockFrames: param(8192, 'samples', [64, 1 << 20], 'new samples per inference call', true),
} as const;

/** `levelDb` of an amp stage: gain after the model (all amp kinds). */
export const RIG_AMP_PARAMETERS = {
  levelDb: param(0, 'dB', [-60, 24], 'gain after the amp'),
} as const;

/** Variations (`--variations N`): what each variant moves. */
export const VARIATION_PARAMETERS = {
  count: param(1, '', [1, 16], 'rig variants rendered per DI', true),
  ampGainStepDb: param(3, 'dB', [0, 24], 'the step of the amp input gain between variants (±, alternating)'),
  irTiltStepDb: param(3, 'dB', [0, 24], 'the step of the IR blend between variants (first IR up, second down)'),
} as const;
