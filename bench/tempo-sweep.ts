/**
 * Tempo evaluation in process, for tuning and the robustness sweep: the onset envelopes of the tuning and held-out
 * sets (bench/eval.ts renders them) are computed once by the same native extractor and onset detector as `analyze`,
 * then the tempo engine runs on them with the declared parameters (TEMPO_PARAMETERS) or with one of them moved.
 *
 *   node dist/bench/tempo-sweep.js            tuning and held-out: Acc1, Acc2, beat F (songs; drum files)
 *   node dist/bench/tempo-sweep.js --sweep    plus held-out Acc1 with each parameter at 0.9× and 1.1× its value
 *   node dist/bench/tempo-sweep.js --misses   plus the files missed at Acc1, with the decision's alternatives
 *   node dist/bench/tempo-sweep.js --skip-tuning --held-out-4   only the numbered sets named (2–11; 11 only
 *                                             after its one CLI evaluation)
 *   node dist/bench/tempo-sweep.js --held-out-2   plus the second held-out set (fixtures/tempotruth.ts)
 *   node dist/bench/tempo-sweep.js --held-out-3   plus the third held-out set (after its one CLI evaluation,
 *                                             bench/tempo-heldout2.ts --third; for the ±10 % sweep)
 *   (drum files: Acc1 strict and under the truth-set convention, fixtures/tempotruth.ts drumTempoTruthOf)
 *   node dist/bench/tempo-sweep.js --grid priorOctaves=1,1.5 evenFloor=0.2,0.4
 *                                             every combination on the tuning set (held-out printed beside, never
 *                                             used to choose)
 *
 * Not part of `npm test`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { groundTruthSet, heldOutSet, tempoTuningSet, type TruthFile } from '../fixtures/groundtruth.js';
import { heldOutDrumSet } from '../fixtures/drumtruth.js';
import { tappedTruth, tempo3Set, tempoAcc1Set, tempoHeldOut2Set } from '../fixtures/tempotruth.js';
import { tempo4Set } from '../fixtures/tempo4.js';
import { tempo5Set } from '../fixtures/tempo5.js';
import { tempo6Set } from '../fixtures/tempo6.js';
import { tempo7Set } from '../fixtures/tempo7.js';
import { tempo8Set } from '../fixtures/tempo8.js';
import { tempo9Set } from '../fixtures/tempo9.js';
import { tempo10Set } from '../fixtures/tempo10.js';
import { tempo11OddSet, tempo11Set } from '../fixtures/tempo11.js';
import { tempo12Set } from '../fixtures/tempo12.js';
import { tempo13Set } from '../fixtures/tempo13.js';
import { tempo14Set } from '../fixtures/tempo14.js';
import { tempo15Set } from '../fixtures/tempo15.js';
import { tempo16Set } from '../fixtures/tempo16.js';
import { tempo17Set } from '../fixtures/tempo17.js';
import { tempo18Set } from '../fixtures/tempo18.js';
import { tempo19Set } from '../fixtures/tempo19.js';
import { tempo20Set } from '../fixtures/tempo20.js';
import { tempo21Set } from '../fixtures/tempo21.js';
import { tempo22Set } from '../fixtures/tempo22.js';
import { tempo23Set } from '../fixtures/tempo23.js';
import { tempo24Set } from '../fixtures/tempo24.js';
import { tempo25Set } from '../fixtures/tempo25.js';
import { tempo26Set } from '../fixtures/tempo26.js';
import { tempo27Set } from '../fixtures/tempo27.js';
import { tempo28Set } from '../fixtures/tempo28.js';
import { tempo29Set } from '../fixtures/tempo29.js';
import { tempo30Set } from '../fixtures/tempo30.js';
import { tempo31Set } from '../fixtures/tempo31.js';
import { tempo32Set } from '../fixtures/tempo32.js';
import { tempo33Set } from '../fixtures/tempo33.js';
import { TEMPO_PARAMETERS, inRange, withParameterValue, type ParameterSpec } from '../src/engines/analysis/params.js';
import { estimateTempoWithDecision } from '../src/engines/tempo/index.js';
import { features as computeOrRead, isCached, type Item } from './tempo-features.js';
import { fMeasure, matchEvents, tempoAcc1, tempoAcc2 } from './metrics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');

interface Figures {
  acc1: number;
  acc2: number;
  beatF: number;
  drumAcc1: number;
  /** Acc1 of the drum files under the truth-set convention. */
  drumAcc1Set: number;
  drumAcc2: number;
  drumBeatF: number;
  misses: string[];
}

/** --drums-without-chroma: drum files analyzed without chroma (what they would score if no chord evidence ever
 * counted on them: the harmony gate's cost on drums; not how analyze runs). */
const DRUMS_WITHOUT_CHROMA = process.argv.includes('--drums-without-chroma');

/**
 * --written-truth: every file scored at its written tempo (the sets' truth before h-tempo26); by default the
 * half-time convention (fixtures/tempotruth.ts tappedTruth) applies to every set.
 */
const WRITTEN_TRUTH = process.argv.includes('--written-truth');

/** --songs-only: songs alone (a term that only acts with tuned notes cannot move the drum files). */
const SONGS_ONLY = process.argv.includes('--songs-only');

/** --files: every file's tempo and beat F, one line each (h-tempo31). */
const PER_FILE = process.argv.includes('--files');

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function evaluate(items: Item[]): Figures {
  const song = { a1: [] as number[], a2: [] as number[], f: [] as number[] };
  const drum = { a1: [] as number[], a2: [] as number[], f: [] as number[], set: [] as number[] };
  const misses: string[] = [];
  for (const { truth: written, input } of items) {
    const truth = WRITTEN_TRUTH ? written : tappedTruth(written);
    if (SONGS_ONLY && truth.kind !== 'song') continue;
    const { tempo, decision } = estimateTempoWithDecision(
      DRUMS_WITHOUT_CHROMA && truth.kind !== 'song' ? { ...input, chroma: undefined } : input,
    );
    const s = truth.kind === 'song' ? song : drum;
    // songs: Acc1 under the compound-meter convention (truth.accept; strict for every other song)
    const ok = truth.kind === 'song' ? tempoAcc1Set(tempo.bpm, truth) : tempoAcc1(tempo.bpm, truth.bpm);
    s.a1.push(ok ? 1 : 0);
    s.a2.push(tempoAcc2(tempo.bpm, truth.bpm) ? 1 : 0);
    if (truth.kind !== 'song') drum.set.push(tempoAcc1Set(tempo.bpm, truth) ? 1 : 0);
    s.f.push(fMeasure(matchEvents(tempo.beats, truth.beats, 0.07)));
    // --files: every file's tempo and beat F (to compare two runs file by file)
    if (PER_FILE) console.log(`file ${truth.name} ${tempo.bpm?.toFixed(2)} F ${s.f[s.f.length - 1]!.toFixed(3)}`);
    if (!ok) {
      const alts = (decision?.alternatives ?? []).map((a) => `${JSON.stringify(a.value)}: ${a.why_not}`).join('; ');
      misses.push(`${truth.name} → ${tempo.bpm ?? tempo.reason}${alts ? ` (${decision?.reason}; ${alts})` : ''}`);
    }
  }
  return {
    acc1: mean(song.a1),
    acc2: mean(song.a2),
    beatF: mean(song.f),
    drumAcc1: mean(drum.a1),
    drumAcc1Set: mean(drum.set),
    drumAcc2: mean(drum.a2),
    drumBeatF: mean(drum.f),
    misses,
  };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

/** Runs `fn` with one tempo parameter set to `value`, then restores it. */
const withParameter = <T>(name: keyof typeof TEMPO_PARAMETERS, value: number, fn: () => T): T =>
  withParameterValue(TEMPO_PARAMETERS[name] as ParameterSpec, value, fn);

/**
 * --cached-only: the tuning set and the first held-out set only with the files whose envelopes are already cached
 * (a partial run on a loaded machine; say so). The numbered sets are always complete.
 */
const CACHED_ONLY = process.argv.includes('--cached-only');
const features = (t: TruthFile): Promise<Item | undefined> =>
  CACHED_ONLY && !isCached(t) ? Promise.resolve(undefined) : computeOrRead(t);
const allFeatures = (t: TruthFile): Promise<Item | undefined> => computeOrRead(t);
const some = (xs: (Item | undefined)[]): Item[] => xs.filter((x): x is Item => x !== undefined);

async function main() {
  const tuningDir = path.join(OUT, 'truth');
  const heldDir = path.join(OUT, 'held-out');
  mkdirSync(tuningDir, { recursive: true });
  mkdirSync(heldDir, { recursive: true });
  // --set name=value,… : evaluate with these parameter values (exploration; the declared values are in params.ts)
  const setAt = process.argv.indexOf('--set');
  if (setAt >= 0)
    for (const a of process.argv[setAt + 1]!.split(',')) {
      const [name, value] = a.split('=');
      (TEMPO_PARAMETERS[name as keyof typeof TEMPO_PARAMETERS] as ParameterSpec).value = Number(value);
    }
  // tuning: the songs and stems of both tuning song sets, the tuning kits and loops, and (h-tempo3) the onset
  // evaluation's tuning-kit pattern stems (fixtures/drumtruth.ts TUNING_KITS, seeds 8000 + i)
  const patternDir = path.join(OUT, 'drum-truth-tuning');
  mkdirSync(patternDir, { recursive: true });
  // --skip-tuning: only the numbered sets asked for (quicker while exploring; never to choose a value)
  const skip = process.argv.includes('--skip-tuning');
  const tuning = skip
    ? []
    : await Promise.all(
        [
          ...groundTruthSet(tuningDir),
          ...tempoTuningSet(tuningDir),
          ...heldOutDrumSet(patternDir, { tuning: true }).files,
        ].map(features),
      ).then(some);
  const held = skip ? [] : some(await Promise.all(heldOutSet(heldDir).map(features)));
  const t = evaluate(tuning);
  const h = evaluate(held);
  // --held-out-2: the second held-out set (fixtures/tempotruth.ts), committed before shub ran on it
  const held2Dir = path.join(OUT, 'tempo-heldout2');
  mkdirSync(held2Dir, { recursive: true });
  const held2 = process.argv.includes('--held-out-2')
    ? some(await Promise.all(tempoHeldOut2Set(held2Dir).files.map(allFeatures)))
    : undefined;
  const h2 = held2 ? evaluate(held2) : undefined;
  const held3Dir = path.join(OUT, 'tempo-heldout3');
  mkdirSync(held3Dir, { recursive: true });
  const held3 = process.argv.includes('--held-out-3')
    ? some(await Promise.all(tempo3Set(held3Dir).files.map(allFeatures)))
    : undefined;
  const h3 = held3 ? evaluate(held3) : undefined;
  // --held-out-4: the fourth held-out set (fixtures/tempo4.ts, h-tempo5), after its one CLI evaluation
  const held4Dir = path.join(OUT, 'tempo-heldout4');
  mkdirSync(held4Dir, { recursive: true });
  const held4 = process.argv.includes('--held-out-4')
    ? some(await Promise.all(tempo4Set(held4Dir).files.map(allFeatures)))
    : undefined;
  const h4 = held4 ? evaluate(held4) : undefined;
  // --held-out-5: the fifth held-out set (fixtures/tempo5.ts, h-tempo6), only after its one CLI evaluation
  const held5Dir = path.join(OUT, 'tempo-heldout5');
  mkdirSync(held5Dir, { recursive: true });
  const held5 = process.argv.includes('--held-out-5')
    ? some(await Promise.all(tempo5Set(held5Dir).files.map(allFeatures)))
    : undefined;
  const h5 = held5 ? evaluate(held5) : undefined;
  // --held-out-6: the sixth held-out set (fixtures/tempo6.ts, h-tempo7), only after its one CLI evaluation
  const held6Dir = path.join(OUT, 'tempo-heldout6');
  mkdirSync(held6Dir, { recursive: true });
  const held6 = process.argv.includes('--held-out-6')
    ? some(await Promise.all(tempo6Set(held6Dir).files.map(allFeatures)))
    : undefined;
  const h6 = held6 ? evaluate(held6) : undefined;
  // --held-out-7: the seventh held-out set (fixtures/tempo7.ts, h-tempo8), only after its one CLI evaluation
  const held7Dir = path.join(OUT, 'tempo-heldout7');
  mkdirSync(held7Dir, { recursive: true });
  const held7 = process.argv.includes('--held-out-7')
    ? some(await Promise.all(tempo7Set(held7Dir).files.map(allFeatures)))
    : undefined;
  const h7 = held7 ? evaluate(held7) : undefined;
  // --held-out-8: the eighth held-out set (fixtures/tempo8.ts, h-tempo9), only after its one CLI evaluation
  const held8Dir = path.join(OUT, 'tempo-heldout8');
  mkdirSync(held8Dir, { recursive: true });
  const held8 = process.argv.includes('--held-out-8')
    ? some(await Promise.all(tempo8Set(held8Dir).files.map(allFeatures)))
    : undefined;
  const h8 = held8 ? evaluate(held8) : undefined;
  // --held-out-9: the ninth held-out set (fixtures/tempo9.ts, h-tempo11), only after its one CLI evaluation
  const held9Dir = path.join(OUT, 'tempo-heldout9');
  mkdirSync(held9Dir, { recursive: true });
  const held9 = process.argv.includes('--held-out-9')
    ? some(await Promise.all(tempo9Set(held9Dir).files.map(allFeatures)))
    : undefined;
  const h9 = held9 ? evaluate(held9) : undefined;
  // --held-out-10: the tenth held-out set (fixtures/tempo10.ts, h-tempo12), only after its one CLI evaluation
  const held10Dir = path.join(OUT, 'tempo-heldout10');
  mkdirSync(held10Dir, { recursive: true });
  const held10 = process.argv.includes('--held-out-10')
    ? some(await Promise.all(tempo10Set(held10Dir).files.map(allFeatures)))
    : undefined;
  const h10 = held10 ? evaluate(held10) : undefined;
  // --held-out-11: the eleventh held-out set (fixtures/tempo11.ts, h-tempo14), only after its one CLI evaluation
  const held11Dir = path.join(OUT, 'tempo-heldout11');
  const held11 = process.argv.includes('--held-out-11')
    ? (mkdirSync(held11Dir, { recursive: true }), some(await Promise.all(tempo11Set(held11Dir).files.map(allFeatures))))
    : undefined;
  const h11 = held11 ? evaluate(held11) : undefined;
  // --odd-tuning: the odd-meter tuning set (fixtures/tempo11.ts re-seeded, h-tempo15; tuning material)
  const oddDir = path.join(OUT, 'tempo-odd-tuning');
  const odd = process.argv.includes('--odd-tuning')
    ? (mkdirSync(oddDir, { recursive: true }), some(await Promise.all(tempo11OddSet(oddDir).files.map(allFeatures))))
    : undefined;
  const hOdd = odd ? evaluate(odd) : undefined;
  // --held-out-12: the twelfth held-out set (fixtures/tempo12.ts, h-tempo15), only after its one CLI evaluation
  const held12Dir = path.join(OUT, 'tempo-heldout12');
  const held12 = process.argv.includes('--held-out-12')
    ? (mkdirSync(held12Dir, { recursive: true }), some(await Promise.all(tempo12Set(held12Dir).files.map(allFeatures))))
    : undefined;
  const h12 = held12 ? evaluate(held12) : undefined;
  // --held-out-13: the thirteenth held-out set (fixtures/tempo13.ts, h-tempo17), only after its one CLI evaluation
  const held13Dir = path.join(OUT, 'tempo-heldout13');
  const held13 = process.argv.includes('--held-out-13')
    ? (mkdirSync(held13Dir, { recursive: true }), some(await Promise.all(tempo13Set(held13Dir).files.map(allFeatures))))
    : undefined;
  const h13 = held13 ? evaluate(held13) : undefined;
  // --held-out-14: the fourteenth held-out set (fixtures/tempo14.ts, h-tempo18), only after its one CLI evaluation
  const held14Dir = path.join(OUT, 'tempo-heldout14');
  const held14 = process.argv.includes('--held-out-14')
    ? (mkdirSync(held14Dir, { recursive: true }), some(await Promise.all(tempo14Set(held14Dir).files.map(allFeatures))))
    : undefined;
  const h14 = held14 ? evaluate(held14) : undefined;
  // --held-out-15: the fifteenth held-out set (fixtures/tempo15.ts, h-tempo19), only after its one CLI evaluation
  const held15Dir = path.join(OUT, 'tempo-heldout15');
  const held15 = process.argv.includes('--held-out-15')
    ? (mkdirSync(held15Dir, { recursive: true }), some(await Promise.all(tempo15Set(held15Dir).files.map(allFeatures))))
    : undefined;
  const h15 = held15 ? evaluate(held15) : undefined;
  // --held-out-16: the sixteenth held-out set (fixtures/tempo16.ts, h-tempo20), only after its one CLI evaluation
  const held16Dir = path.join(OUT, 'tempo-heldout16');
  const held16 = process.argv.includes('--held-out-16')
    ? (mkdirSync(held16Dir, { recursive: true }), some(await Promise.all(tempo16Set(held16Dir).files.map(allFeatures))))
    : undefined;
  const h16 = held16 ? evaluate(held16) : undefined;
  // --held-out-17: the seventeenth held-out set (fixtures/tempo17.ts, h-tempo22), only after its one CLI evaluation
  const held17Dir = path.join(OUT, 'tempo-heldout17');
  const held17 = process.argv.includes('--held-out-17')
    ? (mkdirSync(held17Dir, { recursive: true }), some(await Promise.all(tempo17Set(held17Dir).files.map(allFeatures))))
    : undefined;
  const h17 = held17 ? evaluate(held17) : undefined;
  // --held-out-18: the eighteenth held-out set (fixtures/tempo18.ts, h-tempo23), only after its one CLI evaluation
  const held18Dir = path.join(OUT, 'tempo-heldout18');
  const held18 = process.argv.includes('--held-out-18')
    ? (mkdirSync(held18Dir, { recursive: true }), some(await Promise.all(tempo18Set(held18Dir).files.map(allFeatures))))
    : undefined;
  const h18 = held18 ? evaluate(held18) : undefined;
  // --held-out-19: the nineteenth held-out set (fixtures/tempo19.ts, h-tempo24), only after its one CLI evaluation
  const held19Dir = path.join(OUT, 'tempo-heldout19');
  const held19 = process.argv.includes('--held-out-19')
    ? (mkdirSync(held19Dir, { recursive: true }), some(await Promise.all(tempo19Set(held19Dir).files.map(allFeatures))))
    : undefined;
  const h19 = held19 ? evaluate(held19) : undefined;
  // --held-out-20: the twentieth held-out set (fixtures/tempo20.ts, h-tempo26), only after its one CLI evaluation
  const held20Dir = path.join(OUT, 'tempo-heldout20');
  const held20 = process.argv.includes('--held-out-20')
    ? (mkdirSync(held20Dir, { recursive: true }), some(await Promise.all(tempo20Set(held20Dir).files.map(allFeatures))))
    : undefined;
  const h20 = held20 ? evaluate(held20) : undefined;
  // --held-out-21: the twenty-first held-out set (fixtures/tempo21.ts, h-tempo27), only after its one CLI evaluation
  const held21Dir = path.join(OUT, 'tempo-heldout21');
  const held21 = process.argv.includes('--held-out-21')
    ? (mkdirSync(held21Dir, { recursive: true }), some(await Promise.all(tempo21Set(held21Dir).files.map(allFeatures))))
    : undefined;
  const h21 = held21 ? evaluate(held21) : undefined;
  // --held-out-22: the twenty-second held-out set (fixtures/tempo22.ts, h-tempo29), only after its one CLI evaluation
  const held22Dir = path.join(OUT, 'tempo-heldout22');
  const held22 = process.argv.includes('--held-out-22')
    ? (mkdirSync(held22Dir, { recursive: true }), some(await Promise.all(tempo22Set(held22Dir).files.map(allFeatures))))
    : undefined;
  const h22 = held22 ? evaluate(held22) : undefined;
  // --held-out-23: the twenty-third held-out set (fixtures/tempo23.ts, h-tempo30), only after its one CLI evaluation
  const held23Dir = path.join(OUT, 'tempo-heldout23');
  const held23 = process.argv.includes('--held-out-23')
    ? (mkdirSync(held23Dir, { recursive: true }), some(await Promise.all(tempo23Set(held23Dir).files.map(allFeatures))))
    : undefined;
  const h23 = held23 ? evaluate(held23) : undefined;
  // --held-out-24: the twenty-fourth held-out set (fixtures/tempo24.ts, h-tempo31), only after its one CLI evaluation
  const held24Dir = path.join(OUT, 'tempo-heldout24');
  const held24 = process.argv.includes('--held-out-24')
    ? (mkdirSync(held24Dir, { recursive: true }), some(await Promise.all(tempo24Set(held24Dir).files.map(allFeatures))))
    : undefined;
  const h24 = held24 ? evaluate(held24) : undefined;
  // --held-out-25: the twenty-fifth held-out set (fixtures/tempo25.ts, h-tempo32), only after its one CLI evaluation
  const held25Dir = path.join(OUT, 'tempo-heldout25');
  const held25 = process.argv.includes('--held-out-25')
    ? (mkdirSync(held25Dir, { recursive: true }), some(await Promise.all(tempo25Set(held25Dir).files.map(allFeatures))))
    : undefined;
  const h25 = held25 ? evaluate(held25) : undefined;
  // --held-out-26: the twenty-sixth held-out set (fixtures/tempo26.ts, h-tempo33), only after its one CLI evaluation
  const held26Dir = path.join(OUT, 'tempo-heldout26');
  const held26 = process.argv.includes('--held-out-26')
    ? (mkdirSync(held26Dir, { recursive: true }), some(await Promise.all(tempo26Set(held26Dir).files.map(allFeatures))))
    : undefined;
  const h26 = held26 ? evaluate(held26) : undefined;
  // --held-out-27: the twenty-seventh held-out set (fixtures/tempo27.ts, h-tempo35), only after its one CLI evaluation
  const held27Dir = path.join(OUT, 'tempo-heldout27');
  const held27 = process.argv.includes('--held-out-27')
    ? (mkdirSync(held27Dir, { recursive: true }), some(await Promise.all(tempo27Set(held27Dir).files.map(allFeatures))))
    : undefined;
  const h27 = held27 ? evaluate(held27) : undefined;
  // --held-out-28: the twenty-eighth held-out set (fixtures/tempo28.ts, h-tempo36), only after its one CLI evaluation
  const held28Dir = path.join(OUT, 'tempo-heldout28');
  const held28 = process.argv.includes('--held-out-28')
    ? (mkdirSync(held28Dir, { recursive: true }), some(await Promise.all(tempo28Set(held28Dir).files.map(allFeatures))))
    : undefined;
  const h28 = held28 ? evaluate(held28) : undefined;
  // --held-out-29: the twenty-ninth held-out set (fixtures/tempo29.ts, h-tset37), only after its one CLI evaluation
  const held29Dir = path.join(OUT, 'tempo-heldout29');
  const held29 = process.argv.includes('--held-out-29')
    ? (mkdirSync(held29Dir, { recursive: true }), some(await Promise.all(tempo29Set(held29Dir).files.map(allFeatures))))
    : undefined;
  const h29 = held29 ? evaluate(held29) : undefined;
  // --held-out-30: the thirtieth held-out set (fixtures/tempo30.ts, h-tset39), only after its one CLI evaluation
  const held30Dir = path.join(OUT, 'tempo-heldout30');
  const held30 = process.argv.includes('--held-out-30')
    ? (mkdirSync(held30Dir, { recursive: true }), some(await Promise.all(tempo30Set(held30Dir).files.map(allFeatures))))
    : undefined;
  const h30 = held30 ? evaluate(held30) : undefined;
  // --held-out-31: the thirty-first held-out set (fixtures/tempo31.ts, h-tset40), only after its one CLI evaluation
  const held31Dir = path.join(OUT, 'tempo-heldout31');
  const held31 = process.argv.includes('--held-out-31')
    ? (mkdirSync(held31Dir, { recursive: true }), some(await Promise.all(tempo31Set(held31Dir).files.map(allFeatures))))
    : undefined;
  const h31 = held31 ? evaluate(held31) : undefined;
  // --held-out-32: the thirty-second held-out set (fixtures/tempo32.ts, h-tset42), only after its one CLI evaluation
  const held32Dir = path.join(OUT, 'tempo-heldout32');
  const held32 = process.argv.includes('--held-out-32')
    ? (mkdirSync(held32Dir, { recursive: true }), some(await Promise.all(tempo32Set(held32Dir).files.map(allFeatures))))
    : undefined;
  const h32 = held32 ? evaluate(held32) : undefined;
  // --held-out-33: the thirty-third held-out set (fixtures/tempo33.ts, h-tset44), only after its one CLI evaluation
  const held33Dir = path.join(OUT, 'tempo-heldout33');
  const held33 = process.argv.includes('--held-out-33')
    ? (mkdirSync(held33Dir, { recursive: true }), some(await Promise.all(tempo33Set(held33Dir).files.map(allFeatures))))
    : undefined;
  const h33 = held33 ? evaluate(held33) : undefined;
  console.log(
    '| set | Acc1 songs | Acc2 songs | beat F songs | Acc1 drum files (strict) | Acc1 drum files (truth sets) | ' +
      'Acc2 drum files | beat F drum files |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [label, x] of [
    ['tuning', t] as const,
    ['held-out', h] as const,
    ...(h2 ? [['held-out 2', h2] as const] : []),
    ...(h3 ? [['held-out 3', h3] as const] : []),
    ...(h4 ? [['held-out 4', h4] as const] : []),
    ...(h5 ? [['held-out 5', h5] as const] : []),
    ...(h6 ? [['held-out 6', h6] as const] : []),
    ...(h7 ? [['held-out 7', h7] as const] : []),
    ...(h8 ? [['held-out 8', h8] as const] : []),
    ...(h9 ? [['held-out 9', h9] as const] : []),
    ...(h10 ? [['held-out 10', h10] as const] : []),
    ...(h11 ? [['held-out 11', h11] as const] : []),
    ...(hOdd ? [['odd-meter tuning', hOdd] as const] : []),
    ...(h12 ? [['held-out 12', h12] as const] : []),
    ...(h13 ? [['held-out 13', h13] as const] : []),
    ...(h14 ? [['held-out 14', h14] as const] : []),
    ...(h15 ? [['held-out 15', h15] as const] : []),
    ...(h16 ? [['held-out 16', h16] as const] : []),
    ...(h17 ? [['held-out 17', h17] as const] : []),
    ...(h18 ? [['held-out 18', h18] as const] : []),
    ...(h19 ? [['held-out 19', h19] as const] : []),
    ...(h20 ? [['held-out 20', h20] as const] : []),
    ...(h21 ? [['held-out 21', h21] as const] : []),
    ...(h22 ? [['held-out 22', h22] as const] : []),
    ...(h23 ? [['held-out 23', h23] as const] : []),
    ...(h24 ? [['held-out 24', h24] as const] : []),
    ...(h25 ? [['held-out 25', h25] as const] : []),
    ...(h26 ? [['held-out 26', h26] as const] : []),
    ...(h27 ? [['held-out 27', h27] as const] : []),
    ...(h28 ? [['held-out 28', h28] as const] : []),
    ...(h29 ? [['held-out 29', h29] as const] : []),
    ...(h30 ? [['held-out 30', h30] as const] : []),
    ...(h31 ? [['held-out 31', h31] as const] : []),
    ...(h32 ? [['held-out 32', h32] as const] : []),
    ...(h33 ? [['held-out 33', h33] as const] : []),
  ])
    console.log(
      `| ${label} | ${f3(x.acc1)} | ${f3(x.acc2)} | ${f3(x.beatF)} | ${f3(x.drumAcc1)} | ${f3(x.drumAcc1Set)} | ` +
        `${f3(x.drumAcc2)} | ${f3(x.drumBeatF)} |`,
    );
  const gridAt = process.argv.indexOf('--grid');
  if (gridAt >= 0) {
    const axes = process.argv.slice(gridAt + 1).map((a) => {
      const [name, values] = a.split('=');
      return { name: name as keyof typeof TEMPO_PARAMETERS, values: values!.split(',').map(Number) };
    });
    let combos: number[][] = [[]];
    for (const a of axes) combos = combos.flatMap((c) => a.values.map((v) => [...c, v]));
    console.log(
      `\n| ${axes.map((a) => a.name).join(' | ')} | tuning Acc1 songs | tuning Acc1 drums | ` +
        'tuning beat F | held-out Acc1 songs | held-out Acc1 drums |' +
        `${held2 ? ' held-out 2 Acc1 songs | drums |' : ''}` +
        `${held3 ? ' held-out 3 Acc1 songs | drums |' : ''}${held4 ? ' held-out 4 Acc1 songs | drums |' : ''}` +
        `${held5 ? ' held-out 5 Acc1 songs | drums |' : ''}${held6 ? ' held-out 6 Acc1 songs | drums |' : ''}` +
        `${held7 ? ' held-out 7 Acc1 songs | drums |' : ''}${held8 ? ' held-out 8 Acc1 songs | drums |' : ''}` +
        `${held9 ? ' held-out 9 Acc1 songs | drums |' : ''}${held10 ? ' held-out 10 Acc1 songs | drums |' : ''}` +
        `${held11 ? ' held-out 11 Acc1 songs | drums |' : ''}${odd ? ' odd-meter tuning Acc1 songs | drums |' : ''}` +
        `${held12 ? ' held-out 12 Acc1 songs | drums |' : ''}${held13 ? ' held-out 13 Acc1 songs | drums |' : ''}` +
        `${held14 ? ' held-out 14 Acc1 songs | drums |' : ''}${held15 ? ' held-out 15 Acc1 songs | drums |' : ''}` +
        `${held16 ? ' held-out 16 Acc1 songs | drums |' : ''}${held17 ? ' held-out 17 Acc1 songs | drums |' : ''}` +
        `${held18 ? ' held-out 18 Acc1 songs | drums |' : ''}${held19 ? ' held-out 19 Acc1 songs | drums |' : ''}` +
        `${held20 ? ' held-out 20 Acc1 songs | drums |' : ''}${held21 ? ' held-out 21 Acc1 songs | drums |' : ''}` +
        `${held22 ? ' held-out 22 Acc1 songs | drums |' : ''}${held23 ? ' held-out 23 Acc1 songs | drums |' : ''}` +
        `${held24 ? ' held-out 24 Acc1 songs | drums |' : ''}${held25 ? ' held-out 25 Acc1 songs | drums |' : ''}` +
        `${held26 ? ' held-out 26 Acc1 songs | drums |' : ''}${held27 ? ' held-out 27 Acc1 songs | drums |' : ''}` +
        `${held28 ? ' held-out 28 Acc1 songs | drums |' : ''}${held29 ? ' held-out 29 Acc1 songs | drums |' : ''}` +
        ' (--beat-f: each set also beat F songs / drums)',
    );
    for (const c of combos) {
      const run = (k: number): (Figures | undefined)[] =>
        k === axes.length
          ? [
              evaluate(tuning),
              evaluate(held),
              held2 ? evaluate(held2) : undefined,
              held3 ? evaluate(held3) : undefined,
              held4 ? evaluate(held4) : undefined,
              held5 ? evaluate(held5) : undefined,
              held6 ? evaluate(held6) : undefined,
              held7 ? evaluate(held7) : undefined,
              held8 ? evaluate(held8) : undefined,
              held9 ? evaluate(held9) : undefined,
              held10 ? evaluate(held10) : undefined,
              held11 ? evaluate(held11) : undefined,
              odd ? evaluate(odd) : undefined,
              held12 ? evaluate(held12) : undefined,
              held13 ? evaluate(held13) : undefined,
              held14 ? evaluate(held14) : undefined,
              held15 ? evaluate(held15) : undefined,
              held16 ? evaluate(held16) : undefined,
              held17 ? evaluate(held17) : undefined,
              held18 ? evaluate(held18) : undefined,
              held19 ? evaluate(held19) : undefined,
              held20 ? evaluate(held20) : undefined,
              held21 ? evaluate(held21) : undefined,
              held22 ? evaluate(held22) : undefined,
              held23 ? evaluate(held23) : undefined,
              held24 ? evaluate(held24) : undefined,
              held25 ? evaluate(held25) : undefined,
              held26 ? evaluate(held26) : undefined,
              held27 ? evaluate(held27) : undefined,
              held28 ? evaluate(held28) : undefined,
              held29 ? evaluate(held29) : undefined,
            ]
          : withParameter(axes[k]!.name, c[k]!, () => run(k + 1));
      const [a, b, ...rest] = run(0);
      console.log(
        `| ${c.join(' | ')} | ${f3(a!.acc1)} | ${f3(a!.drumAcc1)} | ${f3(a!.beatF)} | ${f3(b!.acc1)} | ` +
          `${f3(b!.drumAcc1)} |` +
          rest
            .map((x) =>
              x
                ? ` ${f3(x.acc1)} | ${f3(x.drumAcc1)} |` +
                  (process.argv.includes('--beat-f') ? ` F ${f3(x.beatF)} / ${f3(x.drumBeatF)} |` : '')
                : '',
            )
            .join(''),
      );
    }
  }
  // --robust a,b,… (h-tempo24): each named parameter alone at 0.9× and 1.1× its value (integers rounded), Acc1 songs /
  // drums of every set loaded
  const robustAt = process.argv.indexOf('--robust');
  if (robustAt >= 0) {
    const sets: [string, Item[] | undefined][] = [
      ['tuning', tuning],
      ['held-out', held],
      ['held-out 2', held2],
      ['held-out 3', held3],
      ['held-out 11', held11],
      ['odd', odd],
      ['held-out 12', held12],
      ['held-out 13', held13],
      ['held-out 14', held14],
      ['held-out 15', held15],
      ['held-out 16', held16],
      ['held-out 17', held17],
      ['held-out 18', held18],
      ['held-out 19', held19],
      ['held-out 20', held20],
      ['held-out 21', held21],
      ['held-out 22', held22],
      ['held-out 23', held23],
      ['held-out 24', held24],
      ['held-out 25', held25],
      ['held-out 26', held26],
      ['held-out 27', held27],
      ['held-out 28', held28],
      ['held-out 29', held29],
    ];
    const live = sets.filter((x): x is [string, Item[]] => x[1] !== undefined && x[1].length > 0);
    console.log(`\n| parameter | value | ${live.map(([n]) => `${n} songs / drums`).join(' | ')} |`);
    console.log(`|---|---|${live.map(() => '---|').join('')}`);
    const cellOf = (items: Item[]) => {
      const x = evaluate(items);
      return `${f3(x.acc1)} / ${f3(x.drumAcc1)}`;
    };
    console.log(`| (declared values) | | ${live.map(([, items]) => cellOf(items)).join(' | ')} |`);
    for (const name of process.argv[robustAt + 1]!.split(',') as (keyof typeof TEMPO_PARAMETERS)[]) {
      const spec = TEMPO_PARAMETERS[name] as ParameterSpec;
      for (const f of [0.9, 1.1]) {
        const v = spec.integer ? Math.round(spec.value * f) : spec.value * f;
        const cells = withParameter(name, v, () => live.map(([, items]) => cellOf(items)));
        console.log(`| ${name} | ${Number(v.toPrecision(6))} | ${cells.join(' | ')} |`);
      }
    }
  }
  if (process.argv.includes('--misses')) {
    console.log('\ntuning misses:\n' + t.misses.join('\n'));
    console.log('\nheld-out misses:\n' + h.misses.join('\n'));
    if (h2) console.log('\nheld-out 2 misses:\n' + h2.misses.join('\n'));
    if (h3) console.log('\nheld-out 3 misses:\n' + h3.misses.join('\n'));
    if (h4) console.log('\nheld-out 4 misses:\n' + h4.misses.join('\n'));
    if (h5) console.log('\nheld-out 5 misses:\n' + h5.misses.join('\n'));
    if (h6) console.log('\nheld-out 6 misses:\n' + h6.misses.join('\n'));
    if (h7) console.log('\nheld-out 7 misses:\n' + h7.misses.join('\n'));
    if (h8) console.log('\nheld-out 8 misses:\n' + h8.misses.join('\n'));
    if (h9) console.log('\nheld-out 9 misses:\n' + h9.misses.join('\n'));
    if (h10) console.log('\nheld-out 10 misses:\n' + h10.misses.join('\n'));
    if (h11) console.log('\nheld-out 11 misses:\n' + h11.misses.join('\n'));
    if (hOdd) console.log('\nodd-meter tuning misses:\n' + hOdd.misses.join('\n'));
    if (h12) console.log('\nheld-out 12 misses:\n' + h12.misses.join('\n'));
    if (h13) console.log('\nheld-out 13 misses:\n' + h13.misses.join('\n'));
    if (h14) console.log('\nheld-out 14 misses:\n' + h14.misses.join('\n'));
    if (h15) console.log('\nheld-out 15 misses:\n' + h15.misses.join('\n'));
    if (h16) console.log('\nheld-out 16 misses:\n' + h16.misses.join('\n'));
    if (h17) console.log('\nheld-out 17 misses:\n' + h17.misses.join('\n'));
    if (h18) console.log('\nheld-out 18 misses:\n' + h18.misses.join('\n'));
    if (h19) console.log('\nheld-out 19 misses:\n' + h19.misses.join('\n'));
    if (h20) console.log('\nheld-out 20 misses:\n' + h20.misses.join('\n'));
    if (h21) console.log('\nheld-out 21 misses:\n' + h21.misses.join('\n'));
    if (h22) console.log('\nheld-out 22 misses:\n' + h22.misses.join('\n'));
    if (h23) console.log('\nheld-out 23 misses:\n' + h23.misses.join('\n'));
    if (h24) console.log('\nheld-out 24 misses:\n' + h24.misses.join('\n'));
    if (h25) console.log('\nheld-out 25 misses:\n' + h25.misses.join('\n'));
    if (h26) console.log('\nheld-out 26 misses:\n' + h26.misses.join('\n'));
    if (h27) console.log('\nheld-out 27 misses:\n' + h27.misses.join('\n'));
    if (h28) console.log('\nheld-out 28 misses:\n' + h28.misses.join('\n'));
    if (h29) console.log('\nheld-out 29 misses:\n' + h29.misses.join('\n'));
    if (h30) console.log('\nheld-out 30 misses:\n' + h30.misses.join('\n'));
    if (h31) console.log('\nheld-out 31 misses:\n' + h31.misses.join('\n'));
    if (h32) console.log('\nheld-out 32 misses:\n' + h32.misses.join('\n'));
    if (h33) console.log('\nheld-out 33 misses:\n' + h33.misses.join('\n'));
  }
  if (process.argv.includes('--sweep')) {
    console.log('\nRobustness: held-out Acc1 (songs) with each parameter at 0.9× and 1.1× its value');
    console.log('| parameter | value | Acc1 at 0.9× | Acc1 at 1.1× | largest move | robust (≤ 0.03) |');
    console.log('|---|---|---|---|---|---|');
    for (const name of Object.keys(TEMPO_PARAMETERS) as (keyof typeof TEMPO_PARAMETERS)[]) {
      const spec = TEMPO_PARAMETERS[name] as ParameterSpec;
      const cells: string[] = [];
      let move = 0;
      for (const f of [0.9, 1.1]) {
        let v = spec.value * f;
        if (spec.integer) v = Math.round(v);
        if (v === spec.value) {
          cells.push(`${f3(h.acc1)} (±10 % of it is ${v})`);
          continue;
        }
        if (!inRange(spec, v)) {
          cells.push(`out of range (${v})`);
          continue;
        }
        const acc1 = withParameter(name, v, () => evaluate(held).acc1);
        move = Math.max(move, Math.abs(acc1 - h.acc1));
        cells.push(f3(acc1));
      }
      console.log(
        `| ${name} | ${spec.value} ${spec.unit} | ${cells.join(' | ')} | ${move.toFixed(3)} | ` +
          `${move > 0.03 ? 'no' : 'yes'} |`,
      );
    }
  }
}

await main();
