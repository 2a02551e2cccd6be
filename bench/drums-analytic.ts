/**
 * The drums tests' analytic kits read by the engine (issue 13, h-dx100; what h-dx96's /tmp ak.mjs printed, now in the
 * repository): 32 readings of 64 strokes each — the kickless kits (85 / 100 / 70 Hz floor tom with the kickless rule
 * at kicklessFallSt 0.9 and off; the kit with its falling kick at 0, 0.9 and 1.2), the old-form held kick (the drum
 * head at 54.4 Hz, kicklessRiseSt 12 / 0.45 / 0.5 / 0.55; at 55 Hz, 0.5), the built held kick struck again over its
 * ring (RESTRIKE_MS) at the kickless test's 11 pitches, the floor-tom kits (toms at 0.7: floorTomHoldSt 0 and 2; at
 * full level: 0, 2, and 2 with floorTomPeakDb 6), the one-mode toms beside (140 / 110 / 85 Hz) and above
 * (200 / 160 / 130 Hz) their kick. Per reading the strokes read right (kick → kick, floor tom and toms → tom, hat →
 * hihat, snare → snare) and the misreadings; per kind and pooled.
 * Usage: node dist/bench/drums-analytic.js [name=value …] (a STEM_…_PARAMETERS value for the run, e.g. model=97
 * brushClickMs=20; the engine's defaults otherwise).
 */
import * as params from '../src/engines/drums/params.js';
import { withParameterValue, type ParameterSpec } from '../src/engines/analysis/params.js';
import { RESTRIKE_MS, tallyStem } from '../fixtures/stemtally.js';
import { builtKickKit, floorTomKit, heldHeadKit, kicklessKit, oneModeTomKit } from '../fixtures/analytickits.js';
import { setParameters } from './drums-classdev-dump.js';

const RATE = 44100;
const groups = Object.entries(params)
  .filter(([k]) => /^STEM_\w+_PARAMETERS$/.test(k))
  .map(([, t]) => t as Record<string, { value: number }>);
setParameters(process.argv.slice(2), groups);
const K = params.STEM_KICKLESS_PARAMETERS;
const F = params.STEM_FLOORTOM_PARAMETERS;

/** The class right for a struck piece. */
const RIGHT: Record<string, string> = { kick: 'kick', floor: 'tom', hat: 'hihat', snare: 'snare' };
const right = (piece: string) => RIGHT[piece] ?? 'tom';
type Reading = { kind: string; name: string; read: () => Record<string, number> };
/** A stem's strokes read by the engine: per `piece->class`, how many. */
const tally = (s: ReturnType<typeof kicklessKit>) => tallyStem(s.x, s.truth, RATE).got;
const at = <T>(p: ParameterSpec, v: number, f: () => T) => withParameterValue(p, v, f);

const READINGS: Reading[] = [
  ...[85, 100, 70].flatMap((hz) =>
    [0.9, 0].map((fall) => ({
      kind: 'kickless',
      name: `floor ${hz} Hz, fall ${fall}`,
      read: () => at(K.kicklessFallSt, fall, () => tally(kicklessKit('floor', hz))),
    })),
  ),
  ...[0, 0.9, 1.2].map((fall) => ({
    kind: 'kickless',
    name: `with its kick, fall ${fall}`,
    read: () => at(K.kicklessFallSt, fall, () => tally(kicklessKit('kick', 0))),
  })),
  ...[
    [54.4, 12],
    [54.4, 0.45],
    [54.4, 0.5],
    [54.4, 0.55],
    [55, 0.5],
  ].map(([hz, rise]) => ({
    kind: 'held head',
    name: `${hz} Hz, rise ${rise}`,
    read: () => at(K.kicklessFallSt, 0.9, () => at(K.kicklessRiseSt, rise!, () => tally(heldHeadKit(hz!)))),
  })),
  ...[44, 48, 50, 52, 54.4, 55, 58, 60, 65, 70, 80].map((hz) => ({
    kind: 're-struck held kick',
    name: `${hz} Hz`,
    read: () => tally(builtKickKit(hz, RESTRIKE_MS)),
  })),
  ...[
    [0.7, 0, 0],
    [0.7, 2, 0],
    [1, 0, 0],
    [1, 2, 0],
    [1, 2, 6],
  ].map(([gain, hold, peak]) => ({
    kind: 'floor-tom kits',
    name: `toms ${gain}, hold ${hold}${peak ? `, peakDb ${peak}` : ''}`,
    read: () =>
      at(F.floorTomHoldSt, hold!, () =>
        peak ? at(F.floorTomPeakDb, peak, () => tally(floorTomKit(gain))) : tally(floorTomKit(gain)),
      ),
  })),
  ...(
    [
      [140, 110, 85],
      [200, 160, 130],
    ] as [number, number, number][]
  ).map((toms) => ({
    kind: 'toms by / above',
    name: `toms ${toms.join(' / ')} Hz`,
    read: () => tally(oneModeTomKit(toms)),
  })),
];

const kinds = new Map<string, [number, number]>();
let [ok, all] = [0, 0];
for (const r of READINGS) {
  const got = r.read();
  let n = 0;
  let good = 0;
  const wrong: string[] = [];
  for (const [key, c] of Object.entries(got)) {
    const [piece, cls] = key.split('->') as [string, string];
    n += c;
    if (cls === right(piece)) good += c;
    else wrong.push(`${key} ${c}`);
  }
  const k = kinds.get(r.kind) ?? [0, 0];
  kinds.set(r.kind, [k[0] + good, k[1] + n]);
  [ok, all] = [ok + good, all + n];
  console.log(`${r.kind} | ${r.name} | ${good} / ${n}${wrong.length ? ` | ${wrong.join(', ')}` : ''}`);
}
for (const [kind, [g, n]] of kinds) console.log(`kind ${kind}: ${g} / ${n}`);
console.log(`pooled: ${ok} / ${all}`);
