/**
 * Robustness of drum detection (issue 13): each detection/bleed/swell parameter moved ±10 % in turn, the
 * held-out per-mic F (mean over close mics) recorded against the unmoved one.
 * Usage: node dist/bench/drums-robust.js [--tuning | --set held-out-2|...|held-out-6] [--only name,name]
 */
import {
  evaluateSession,
  HELD_OUT,
  HELD_OUT_2,
  HELD_OUT_3,
  HELD_OUT_4,
  HELD_OUT_5,
  HELD_OUT_6,
  TUNING,
} from './drums-eval.js';
import { BLEED_PARAMETERS, DETECT_PARAMETERS, SWELL_PARAMETERS } from '../src/engines/drums/params.js';

const NAMED = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1]! : null;
const SETS = {
  'held-out-2': HELD_OUT_2,
  'held-out-3': HELD_OUT_3,
  'held-out-4': HELD_OUT_4,
  'held-out-5': HELD_OUT_5,
  'held-out-6': HELD_OUT_6,
} as const;
const SET = NAMED ? SETS[NAMED as keyof typeof SETS] : process.argv.includes('--tuning') ? TUNING : HELD_OUT;
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : null;
const meanF = () => {
  const rows = SET.flatMap(evaluateSession);
  return rows.reduce((s, r) => s + r.f, 0) / rows.length;
};
const base = meanF();
console.log(`${NAMED ?? (SET === TUNING ? 'tuning' : 'held-out')} mean per-mic F, unmoved: ${base.toFixed(4)}`);
let worst = 0;
for (const [group, params] of [
  ['detect', DETECT_PARAMETERS],
  ['bleed', BLEED_PARAMETERS],
  ['swell', SWELL_PARAMETERS],
] as const)
  for (const [name, param] of Object.entries(params)) {
    if (name === 'velocityRangeDb' || name === 'lookAheadMs') continue; // no effect on which hits are found
    if (name === 'swellEmphasis') continue; // a count of differences compared with ≥: ±10 % is not a small move
    if (ONLY && !ONLY.includes(name)) continue;
    const v0 = param.value;
    const moved: string[] = [];
    for (const k of [0.9, 1.1]) {
      (param as { value: number }).value = v0 * k;
      const f = meanF();
      worst = Math.max(worst, Math.abs(f - base));
      moved.push(
        `${k === 0.9 ? '-10 %' : '+10 %'} ${f.toFixed(4)} (${(f - base >= 0 ? '+' : '') + (f - base).toFixed(4)})`,
      );
    }
    (param as { value: number }).value = v0;
    console.log(`${group}.${name} ${v0}: ${moved.join(', ')}`);
  }
console.log(`largest change: ${worst.toFixed(4)}`);
