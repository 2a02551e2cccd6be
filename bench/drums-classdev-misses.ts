/**
 * Classification development (issue 13, h-dxcls8): the hits of stems dumped by `drums-classdev.js OUT --stems`
 * classified by the current rule, each with the truth families at its instant (within 20 ms), as JSON lines — for
 * looking at one confusion's features offline. Usage: node dist/bench/drums-classdev-misses.js IN.jsonl [IN2 …]
 * [name=value …] > OUT.jsonl (a drums parameter set for the run, h-dxcls19)
 */
import { classifyStemHits } from '../src/engines/drums/stem.js';
import * as params from '../src/engines/drums/params.js';
import { readStemDump, setParameters } from './drums-classdev-dump.js';

// name=value: a parameter of the drums tables set for the run (h-dxcls19)
setParameters(
  process.argv.slice(2),
  Object.values(params).filter((t) => typeof t === 'object' && t !== null) as Record<string, { value: number }>[],
);

const FAMILY: Record<string, string> = { hat: 'hihat', openHat: 'hihat', ride: 'cymbal', crash: 'cymbal' };
const CLASS_FAMILY: Record<string, string> = { ride: 'cymbal', crash: 'cymbal' };
for (const file of process.argv.slice(2).filter((x) => !x.includes('=')))
  for (const s of readStemDump(file)) {
    const hits = classifyStemHits(s.found, s.rate);
    for (const h of hits) {
      const t = h.start / s.rate;
      const nearPieces = s.truth.filter((x) => Math.abs(x.t - t) <= 0.02).map((x) => x.piece);
      const near = nearPieces.map((p) => FAMILY[p] ?? p);
      console.log(
        JSON.stringify({
          set: s.set,
          kit: s.kit,
          stem: s.stem,
          t: +t.toFixed(4),
          got: CLASS_FAMILY[h.cls] ?? h.cls,
          secondary: h.secondary,
          truth: [...new Set(near)].sort().join('+'),
          pieces: [...new Set(nearPieces)].sort().join('+'),
          reason: h.reason,
          confidence: h.confidence,
          peak: h.peak,
          f: h.features,
        }),
      );
    }
  }
