/**
 * The written bars of the realistic tempo sets' predecessors (tempo37–45 and the plain grooves; tempo46–63 by
 * laterBarKeys, h-tset100), for the fixture tests of tempo43–46 and tempo64 that check every bar of a new set is
 * written fresh: a bar as its set of `tick:drum` hits (velocities ignored), ticks at 12 to the written beat.
 */
import { prng } from '../../fixtures/groundtruth.js';
import { TEMPO37_GROOVES, tempo37DrumBar, type Tempo37Groove } from '../../fixtures/tempo37.js';
import { TEMPO38_GROOVES, tempo38DrumBar, type Tempo38Groove } from '../../fixtures/tempo38.js';
import { TEMPO39_GROOVES, tempo39DrumBar, type Tempo39Groove } from '../../fixtures/tempo39.js';
import { TEMPO40_GROOVES, tempo40DrumBar, type Tempo40Groove } from '../../fixtures/tempo40.js';
import { TEMPO41_GROOVES, tempo41DrumBar, type Tempo41Groove } from '../../fixtures/tempo41.js';
import { TEMPO42_GROOVES, tempo42DrumBar, type Tempo42Groove } from '../../fixtures/tempo42.js';
import { TEMPO43_DANCES, tempo43DrumBar, tempo43SongBar, tempo43SongSpecs } from '../../fixtures/tempo43.js';
import { TEMPO44_GROOVES, tempo44DrumBar, tempo44SongBar, tempo44SongSpecs } from '../../fixtures/tempo44.js';
import { TEMPO45_GROOVES, tempo45DrumBar, tempo45SongBar, tempo45SongSpecs } from '../../fixtures/tempo45.js';
import { tempo46DrumBar, TEMPO46_GROOVES, tempo46SongBar, tempo46SongSpecs } from '../../fixtures/tempo46.js';
import { tempo47DrumBar, TEMPO47_GROOVES, tempo47SongBar, tempo47SongSpecs } from '../../fixtures/tempo47.js';
import { tempo48DrumBar, TEMPO48_GROOVES, tempo48SongBar, tempo48SongSpecs } from '../../fixtures/tempo48.js';
import { tempo49DrumBar, TEMPO49_GROOVES, tempo49SongBar, tempo49SongSpecs } from '../../fixtures/tempo49.js';
import { tempo50DrumBar, TEMPO50_GROOVES, tempo50SongBar, tempo50SongSpecs } from '../../fixtures/tempo50.js';
import { tempo51DrumBar, TEMPO51_GROOVES, tempo51SongBar, tempo51SongSpecs } from '../../fixtures/tempo51.js';
import { tempo52DrumBar, TEMPO52_GROOVES, tempo52SongBar, tempo52SongSpecs } from '../../fixtures/tempo52.js';
import { tempo53DrumBar, TEMPO53_GROOVES, tempo53SongBar, tempo53SongSpecs } from '../../fixtures/tempo53.js';
import { tempo54DrumBar, TEMPO54_GROOVES, tempo54SongBar, tempo54SongSpecs } from '../../fixtures/tempo54.js';
import { tempo55DrumBar, TEMPO55_GROOVES, tempo55SongBar, tempo55SongSpecs } from '../../fixtures/tempo55.js';
import { tempo56DrumBar, TEMPO56_GROOVES, tempo56SongBar, tempo56SongSpecs } from '../../fixtures/tempo56.js';
import { tempo57DrumBar, TEMPO57_GROOVES, tempo57SongBar, tempo57SongSpecs } from '../../fixtures/tempo57.js';
import { tempo58DrumBar, TEMPO58_GROOVES, tempo58SongBar, tempo58SongSpecs } from '../../fixtures/tempo58.js';
import { tempo59DrumBar, TEMPO59_GROOVES, tempo59SongBar, tempo59SongSpecs } from '../../fixtures/tempo59.js';
import { tempo60DrumBar, TEMPO60_GROOVES, tempo60SongBar, tempo60SongSpecs } from '../../fixtures/tempo60.js';
import { tempo61DrumBar, TEMPO61_GROOVES, tempo61SongBar, tempo61SongSpecs } from '../../fixtures/tempo61.js';
import { tempo62DrumBar, TEMPO62_GROOVES, tempo62SongBar, tempo62SongSpecs } from '../../fixtures/tempo62.js';
import { tempo63DrumBar, TEMPO63_GROOVES, tempo63SongBar, tempo63SongSpecs } from '../../fixtures/tempo63.js';
import { PLAIN_GROOVES } from '../../fixtures/tempoplain.js';

/** A bar's key: its hits' `tick:drum`, sorted. */
export const barKey = (hits: readonly (readonly [number, string, number])[]) =>
  hits
    .map(([t, d]) => `${t}:${d}`)
    .sort()
    .join(' ');

/**
 * The keys of every bar written by tempo37 through tempo`through` (42–45; tempo37's and tempo38's drawn bars from
 * eight seeds, every groove's bar and fill, tempo43–45's songs bar by bar) and the plain grooves.
 */
export function earlierBarKeys(through: 42 | 43 | 44 | 45): Set<string> {
  const old = new Set<string>();
  for (const fill of [false, true]) {
    for (let k = 0; k < 8; k++) {
      for (const g of Object.keys(TEMPO37_GROOVES) as Tempo37Groove[])
        old.add(barKey(tempo37DrumBar(g, fill, prng(k))));
      for (const g of Object.keys(TEMPO38_GROOVES) as Tempo38Groove[])
        old.add(barKey(tempo38DrumBar(g, fill, prng(k))));
    }
    for (const g of Object.keys(TEMPO39_GROOVES) as Tempo39Groove[]) old.add(barKey(tempo39DrumBar(g, fill)));
    for (const g of Object.keys(TEMPO40_GROOVES) as Tempo40Groove[]) old.add(barKey(tempo40DrumBar(g, fill)));
    for (const g of Object.keys(TEMPO41_GROOVES) as Tempo41Groove[]) old.add(barKey(tempo41DrumBar(g, fill)));
    for (const g of Object.keys(TEMPO42_GROOVES) as Tempo42Groove[]) old.add(barKey(tempo42DrumBar(g, fill)));
    if (through >= 43)
      for (const d of Object.keys(TEMPO43_DANCES))
        for (const ab of ['a', 'b'])
          old.add(barKey(tempo43DrumBar(`${d}-${ab}` as Parameters<typeof tempo43DrumBar>[0], fill)));
    if (through >= 44)
      for (const g of Object.keys(TEMPO44_GROOVES) as (keyof typeof TEMPO44_GROOVES)[])
        old.add(barKey(tempo44DrumBar(g, fill)));
    if (through >= 45)
      for (const g of Object.keys(TEMPO45_GROOVES) as (keyof typeof TEMPO45_GROOVES)[])
        old.add(barKey(tempo45DrumBar(g, fill)));
  }
  if (through >= 43)
    for (const s of tempo43SongSpecs()) for (let b = 0; b < s.bars; b++) old.add(barKey(tempo43SongBar(s, b)));
  if (through >= 44)
    for (const s of tempo44SongSpecs())
      for (let b = 0; b < s.bars; b++) {
        const hits = tempo44SongBar(s, b);
        if (hits.length) old.add(barKey(hits));
      }
  if (through >= 45)
    for (const s of tempo45SongSpecs())
      for (let b = 0; b < s.bars; b++) {
        const hits = tempo45SongBar(s, b);
        if (hits.length) old.add(barKey(hits));
      }
  const role = (note: number) => (note === 36 ? 'kick' : note === 38 ? 'snare' : 'hat');
  for (const { bar } of Object.values(PLAIN_GROOVES)) old.add(barKey(bar.map(([p, n, v]) => [6 * p, role(n), v])));
  return old;
}

type AnyBar = (...a: never[]) => readonly (readonly [number, string, number])[];
/** tempo46–63: the groove table, the groove's bar with a fill, the fills, the song specs and a song's bar. */
const LATER: [object, AnyBar, readonly unknown[], () => { bars: number }[], AnyBar][] = [
  [TEMPO46_GROOVES, tempo46DrumBar, [false, true], tempo46SongSpecs, tempo46SongBar],
  [TEMPO47_GROOVES, tempo47DrumBar, ['none', 'roll', 'toms'], tempo47SongSpecs, tempo47SongBar],
  [TEMPO48_GROOVES, tempo48DrumBar, ['none', 'snaretom', 'push'], tempo48SongSpecs, tempo48SongBar],
  [TEMPO49_GROOVES, tempo49DrumBar, ['none', 'run', 'build'], tempo49SongSpecs, tempo49SongBar],
  [TEMPO50_GROOVES, tempo50DrumBar, ['none', 'triplet', 'kicksnare'], tempo50SongSpecs, tempo50SongBar],
  [TEMPO51_GROOVES, tempo51DrumBar, ['none', 'toms', 'triplets'], tempo51SongSpecs, tempo51SongBar],
  [TEMPO52_GROOVES, tempo52DrumBar, ['none', 'toms', 'triplets'], tempo52SongSpecs, tempo52SongBar],
  [TEMPO53_GROOVES, tempo53DrumBar, ['none', 'toms', 'triplets'], tempo53SongSpecs, tempo53SongBar],
  [TEMPO54_GROOVES, tempo54DrumBar, ['none', 'toms', 'triplets'], tempo54SongSpecs, tempo54SongBar],
  [TEMPO55_GROOVES, tempo55DrumBar, ['none', 'toms', 'triplets'], tempo55SongSpecs, tempo55SongBar],
  [TEMPO56_GROOVES, tempo56DrumBar, ['none', 'toms', 'triplets'], tempo56SongSpecs, tempo56SongBar],
  [TEMPO57_GROOVES, tempo57DrumBar, ['none', 'toms', 'triplets'], tempo57SongSpecs, tempo57SongBar],
  [TEMPO58_GROOVES, tempo58DrumBar, ['none', 'toms', 'triplets'], tempo58SongSpecs, tempo58SongBar],
  [TEMPO59_GROOVES, tempo59DrumBar, ['none', 'toms', 'triplets'], tempo59SongSpecs, tempo59SongBar],
  [TEMPO60_GROOVES, tempo60DrumBar, ['none', 'toms', 'triplets'], tempo60SongSpecs, tempo60SongBar],
  [TEMPO61_GROOVES, tempo61DrumBar, ['none', 'toms', 'triplets'], tempo61SongSpecs, tempo61SongBar],
  [TEMPO62_GROOVES, tempo62DrumBar, ['none', 'toms', 'triplets'], tempo62SongSpecs, tempo62SongBar],
  [TEMPO63_GROOVES, tempo63DrumBar, ['none', 'toms', 'triplets'], tempo63SongSpecs, tempo63SongBar],
];

/**
 * The keys of every bar written by tempo46 through tempo`through` (46–63): every groove's bar with each of its set's
 * fills and every song's bars (h-tset100: the list tempo47–63's tests spelled out set by set, once).
 */
export function laterBarKeys(through: number): Set<string> {
  const old = new Set<string>();
  LATER.slice(0, through - 45).forEach(([grooves, drumBar, fills, specs, songBar]) => {
    const bar = drumBar as (g: string, fill: unknown) => readonly (readonly [number, string, number])[];
    for (const g of Object.keys(grooves)) for (const fill of fills) old.add(barKey(bar(g, fill)));
    const song = songBar as (s: { bars: number }, b: number) => readonly (readonly [number, string, number])[];
    for (const s of specs())
      for (let b = 0; b < s.bars; b++) {
        const hits = song(s, b);
        if (hits.length) old.add(barKey(hits));
      }
  });
  return old;
}
