/**
 * Automatic gain staging (`auto: { gainStaging: true, headroomDb }`): loudness-based balance by
 * role, in the spirit of the automatic-mixing literature's loudness balancing (e.g. Mansbridge,
 * Finn & Reiss, "Implementation and evaluation of autonomous multi-track fader control", AES
 * 2012): each stem's BS.1770-4 integrated loudness is measured, and its fader set so that it
 * sits at its role's level relative to the lead (vocal 0 LU, kick/snare/bass −4 LU, …); the
 * master bus input is then trimmed so that its peak leaves `headroomDb` below full scale. The
 * recipe's own gainDb is added on top as a manual nudge. Every choice is a decision.
 */
import type { Role } from '../../recipes/mix-schema.js';
import type { Decision } from '../../store/types.js';

/** Target loudness of each role relative to the lead, LU. */
export const ROLE_LOUDNESS_LU: Record<Role, number> = {
  vocal: 0,
  'backing-vocal': -6,
  kick: -4,
  snare: -4,
  bass: -4,
  drums: -3,
  toms: -10,
  hats: -12,
  overheads: -9,
  room: -12,
  percussion: -10,
  guitar: -6,
  keys: -7,
  piano: -6,
  synth: -7,
  pad: -10,
  strings: -8,
  brass: -7,
  fx: -12,
  other: -7,
};

/** Where the lead sits before the master trim, LUFS (pre-fader stems are brought to reference ± role). */
export const REFERENCE_LUFS = -20;
/** Faders are not moved further than this from unity by the staging. */
export const MAX_STAGING_DB = 36;

export interface StemLoudness {
  name: string;
  role: Role;
  integratedLufs: number | null;
  manualGainDb: number;
}

/** The faders' staging gains by track, and one decision per track. */
export function trackStaging(stems: StemLoudness[]): { gains: number[]; decisions: Decision[] } {
  const gains: number[] = [];
  const decisions: Decision[] = [];
  for (const s of stems) {
    const offset = ROLE_LOUDNESS_LU[s.role];
    if (s.integratedLufs === null) {
      gains.push(0);
      decisions.push({
        engine: 'mix.gainStaging',
        decision: 'trackGain',
        value: 0,
        unit: 'dB',
        reason:
          `${s.name}: the stem has no gated loudness (silent or shorter than 400 ms), fader left at its ` +
          `recipe value`,
        inputs: { track: s.name, role: s.role, integratedLufs: null },
      });
      continue;
    }
    const target = REFERENCE_LUFS + offset;
    const raw = target - s.integratedLufs;
    const g = Math.max(-MAX_STAGING_DB, Math.min(MAX_STAGING_DB, raw));
    gains.push(g);
    const rounded = Math.round(g * 100) / 100;
    decisions.push({
      engine: 'mix.gainStaging',
      decision: 'trackGain',
      value: rounded,
      unit: 'dB',
      reason:
        `${s.name} (${s.role}) sits ${offset} LU from the lead: stem at ${s.integratedLufs.toFixed(1)} LUFS → ` +
        `${target.toFixed(1)} ` +
        `LUFS${raw !== g ? ` (limited to ±${MAX_STAGING_DB} dB)` : ''}` +
        `${s.manualGainDb ? `, plus the recipe's ${s.manualGainDb} dB` : ''}`,
      inputs: {
        track: s.name,
        role: s.role,
        integratedLufs: s.integratedLufs,
        roleOffsetLu: offset,
        referenceLufs: REFERENCE_LUFS,
        manualGainDb: s.manualGainDb,
      },
    });
  }
  return { gains, decisions };
}

/** The master input trim that puts the first pass's peak at −headroomDb. */
export function masterTrim(peakLinear: number, headroomDb: number): { trimDb: number; decision: Decision } {
  const peakDbfs = peakLinear > 0 ? 20 * Math.log10(peakLinear) : null;
  const trimDb = peakDbfs === null ? 0 : Math.round((-headroomDb - peakDbfs) * 100) / 100;
  return {
    trimDb,
    decision: {
      engine: 'mix.gainStaging',
      decision: 'masterTrim',
      value: trimDb,
      unit: 'dB',
      reason:
        peakDbfs === null
          ? 'the master bus received silence in the first pass; no trim'
          : `the balanced tracks peak at ${peakDbfs.toFixed(2)} dBFS on the master bus input; a ${trimDb} dB trim ` +
            `leaves ${headroomDb} dB of headroom before the master chain`,
      inputs: { masterInputPeakDbfs: peakDbfs === null ? null : Math.round(peakDbfs * 100) / 100, headroomDb },
    },
  };
}
