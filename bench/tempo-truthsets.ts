/**
 * The drum-file truth convention (fixtures/tempotruth.ts drumTempoTruthOf): which drum files of the tempo sets are
 * mechanically ambiguous (a fixture writer at half or double the tempo writes the same hits), and which pairs of
 * writers are identical at two levels at all (by construction, at 120 BPM against 60 and 240 over 16 s).
 *
 *   node dist/bench/tempo-truthsets.js
 *
 * Not part of `npm test`; renders nothing.
 */
import { heldOutSongSpecs, KIT_SPECS, LOOP_SPECS, songSpecs, tempoTuningSongSpecs } from '../fixtures/groundtruth.js';
import { tuningDrumSpecs } from '../fixtures/drumtruth.js';
import {
  drumTempoTruthOf,
  drumWriters,
  sameHits,
  tempo3DrumSpecs,
  tempo3SongSpecs,
  tempoHeldOut2DrumSpecs,
  tempoHeldOut2SongSpecs,
} from '../fixtures/tempotruth.js';

const writers = drumWriters(0.6, 7);
const pairs: string[] = [];
for (const a of writers)
  for (const b of writers)
    if (sameHits(a.hits(120, 16), b.hits(60, 16))) pairs.push(`${a.name} at 120 = ${b.name} at 60`);
console.log(`writer pairs identical an octave apart (${pairs.length}):\n${pairs.join('\n') || 'none'}\n`);

const sets: [string, string[]][] = [
  [
    'tuning',
    [
      ...songSpecs().map((s) => `${s.name}-drums`),
      ...KIT_SPECS.map((k) => `kit-${k.kit.replace(/[^A-Za-z0-9]+/g, '_')}-${k.bpm}-${k.groove}`),
      ...LOOP_SPECS.map((l) => l.name),
      ...tempoTuningSongSpecs().map((s) => `${s.name}-drums`),
      ...tuningDrumSpecs().map((d) => d.name),
    ],
  ],
  ['first held-out', heldOutSongSpecs().map((s) => `${s.name}-drums`)],
  [
    'second held-out',
    [...tempoHeldOut2SongSpecs().map((s) => `${s.name}-drums`), ...tempoHeldOut2DrumSpecs().map((d) => d.name)],
  ],
  [
    'new held-out (tempo3)',
    [...tempo3SongSpecs().map((s) => `${s.name}-drums`), ...tempo3DrumSpecs().map((d) => d.name)],
  ],
];
for (const [label, names] of sets) {
  const amb = names.flatMap((n) => {
    const t = drumTempoTruthOf(n);
    if (!t) throw new Error(`no truth for ${n}`);
    return t.accept.length > 1 ? [`${n}: also ${t.twins.join(', ')}`] : [];
  });
  const near = names
    .map((n) => ({ n, x: drumTempoTruthOf(n)!.nearest }))
    .filter(({ x }) => x.unmatched <= 0.1 * x.hits)
    .map(({ n, x }) => `${n}: ${x.unmatched} of ${x.hits} hits differ from ${x.writer} at ${x.bpm} BPM`);
  console.log(`${label}: ${names.length} drum files, ${amb.length} with two tempi\n${amb.join('\n')}`);
  console.log(`near twins (≤ 10 % of the hits differ): ${near.length}\n${near.join('\n')}\n`);
}
