/**
 * The written bars of the realistic tempo sets' predecessors (tempo37–45 and the plain grooves), for the fixture tests
 * of tempo43–46 that check every bar of a new set is written fresh: a bar as its set of `tick:drum` hits (velocities
 * ignored), ticks at 12 to the written beat.
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
