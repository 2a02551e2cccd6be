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
import { tempo3Set, tempoAcc1Set, tempoHeldOut2Set } from '../fixtures/tempotruth.js';
import { loadGrooveBarsFor, ruleATruth } from './tempo-beat-level.js';
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
import { tempo34Set } from '../fixtures/tempo34.js';
import { tempo35Set } from '../fixtures/tempo35.js';
import { tempo36Set } from '../fixtures/tempo36.js';
import { tempo37Set } from '../fixtures/tempo37.js';
import { tempo38Set } from '../fixtures/tempo38.js';
import { tempo39Set } from '../fixtures/tempo39.js';
import { tempo40Set } from '../fixtures/tempo40.js';
import { tempo41Set } from '../fixtures/tempo41.js';
import { tempo42Set } from '../fixtures/tempo42.js';
import { tempo43Set } from '../fixtures/tempo43.js';
import { tempo44Set } from '../fixtures/tempo44.js';
import { tempo45Set } from '../fixtures/tempo45.js';
import { tempo46Set } from '../fixtures/tempo46.js';
import { tempo47Set } from '../fixtures/tempo47.js';
import { tempo48Set } from '../fixtures/tempo48.js';
import { tempo49Set } from '../fixtures/tempo49.js';
import { tempo50Set } from '../fixtures/tempo50.js';
import { tempo51Set } from '../fixtures/tempo51.js';
import { tempo52Set } from '../fixtures/tempo52.js';
import { tempo53Set } from '../fixtures/tempo53.js';
import { tempo54Set } from '../fixtures/tempo54.js';
import { tempo55Set } from '../fixtures/tempo55.js';
import { tempo56Set } from '../fixtures/tempo56.js';
import { tempo57Set } from '../fixtures/tempo57.js';
import { tempo58Set } from '../fixtures/tempo58.js';
import { tempo59Set } from '../fixtures/tempo59.js';
import { tempo60Set } from '../fixtures/tempo60.js';
import { tempo61Set } from '../fixtures/tempo61.js';
import { tempo62Set } from '../fixtures/tempo62.js';
import { tempo63Set } from '../fixtures/tempo63.js';
import { tempo64Set } from '../fixtures/tempo64.js';
import { TEMPO_PARAMETERS, inRange, withParameterValue, type ParameterSpec } from '../src/engines/analysis/params.js';
import { estimateTempoWithDecision } from '../src/engines/tempo/index.js';
import { features as computeOrRead, isCached, type Item } from './tempo-features.js';
import { fMeasure, matchEvents, tempoAcc1, tempoAcc2 } from './metrics.js';

/**
 * The numbered sets, one list: every held-out set of bench/tempo-heldout2.ts (2–33; 11 onward only after its one CLI
 * evaluation) and the odd-meter tuning set (fixtures/tempo11.ts re-seeded, h-tempo15; tuning material): the flag
 * that loads it, its label in the tables, its folder under bench/out and its maker. The figures table, --grid,
 * --robust and --misses all show every set loaded.
 */
const HELD_OUT_SETS: { flag: string; label: string; dir: string; make: (dir: string) => { files: TruthFile[] } }[] = [
  { flag: '--held-out-2', label: 'held-out 2', dir: 'tempo-heldout2', make: tempoHeldOut2Set },
  { flag: '--held-out-3', label: 'held-out 3', dir: 'tempo-heldout3', make: tempo3Set },
  { flag: '--held-out-4', label: 'held-out 4', dir: 'tempo-heldout4', make: tempo4Set },
  { flag: '--held-out-5', label: 'held-out 5', dir: 'tempo-heldout5', make: tempo5Set },
  { flag: '--held-out-6', label: 'held-out 6', dir: 'tempo-heldout6', make: tempo6Set },
  { flag: '--held-out-7', label: 'held-out 7', dir: 'tempo-heldout7', make: tempo7Set },
  { flag: '--held-out-8', label: 'held-out 8', dir: 'tempo-heldout8', make: tempo8Set },
  { flag: '--held-out-9', label: 'held-out 9', dir: 'tempo-heldout9', make: tempo9Set },
  { flag: '--held-out-10', label: 'held-out 10', dir: 'tempo-heldout10', make: tempo10Set },
  { flag: '--held-out-11', label: 'held-out 11', dir: 'tempo-heldout11', make: tempo11Set },
  { flag: '--odd-tuning', label: 'odd-meter tuning', dir: 'tempo-odd-tuning', make: tempo11OddSet },
  { flag: '--held-out-12', label: 'held-out 12', dir: 'tempo-heldout12', make: tempo12Set },
  { flag: '--held-out-13', label: 'held-out 13', dir: 'tempo-heldout13', make: tempo13Set },
  { flag: '--held-out-14', label: 'held-out 14', dir: 'tempo-heldout14', make: tempo14Set },
  { flag: '--held-out-15', label: 'held-out 15', dir: 'tempo-heldout15', make: tempo15Set },
  { flag: '--held-out-16', label: 'held-out 16', dir: 'tempo-heldout16', make: tempo16Set },
  { flag: '--held-out-17', label: 'held-out 17', dir: 'tempo-heldout17', make: tempo17Set },
  { flag: '--held-out-18', label: 'held-out 18', dir: 'tempo-heldout18', make: tempo18Set },
  { flag: '--held-out-19', label: 'held-out 19', dir: 'tempo-heldout19', make: tempo19Set },
  { flag: '--held-out-20', label: 'held-out 20', dir: 'tempo-heldout20', make: tempo20Set },
  { flag: '--held-out-21', label: 'held-out 21', dir: 'tempo-heldout21', make: tempo21Set },
  { flag: '--held-out-22', label: 'held-out 22', dir: 'tempo-heldout22', make: tempo22Set },
  { flag: '--held-out-23', label: 'held-out 23', dir: 'tempo-heldout23', make: tempo23Set },
  { flag: '--held-out-24', label: 'held-out 24', dir: 'tempo-heldout24', make: tempo24Set },
  { flag: '--held-out-25', label: 'held-out 25', dir: 'tempo-heldout25', make: tempo25Set },
  { flag: '--held-out-26', label: 'held-out 26', dir: 'tempo-heldout26', make: tempo26Set },
  { flag: '--held-out-27', label: 'held-out 27', dir: 'tempo-heldout27', make: tempo27Set },
  { flag: '--held-out-28', label: 'held-out 28', dir: 'tempo-heldout28', make: tempo28Set },
  { flag: '--held-out-29', label: 'held-out 29', dir: 'tempo-heldout29', make: tempo29Set },
  { flag: '--held-out-30', label: 'held-out 30', dir: 'tempo-heldout30', make: tempo30Set },
  { flag: '--held-out-31', label: 'held-out 31', dir: 'tempo-heldout31', make: tempo31Set },
  { flag: '--held-out-32', label: 'held-out 32', dir: 'tempo-heldout32', make: tempo32Set },
  { flag: '--held-out-33', label: 'held-out 33', dir: 'tempo-heldout33', make: tempo33Set },
  { flag: '--held-out-34', label: 'held-out 34', dir: 'tempo-heldout34', make: tempo34Set },
  { flag: '--held-out-35', label: 'held-out 35', dir: 'tempo-heldout35', make: tempo35Set },
  { flag: '--held-out-36', label: 'held-out 36', dir: 'tempo-heldout36', make: tempo36Set },
  { flag: '--held-out-37', label: 'held-out 37', dir: 'tempo-heldout37', make: tempo37Set },
  { flag: '--held-out-38', label: 'held-out 38', dir: 'tempo-heldout38', make: tempo38Set },
  { flag: '--held-out-39', label: 'held-out 39', dir: 'tempo-heldout39', make: tempo39Set },
  { flag: '--held-out-40', label: 'held-out 40', dir: 'tempo-heldout40', make: tempo40Set },
  { flag: '--held-out-41', label: 'held-out 41', dir: 'tempo-heldout41', make: tempo41Set },
  { flag: '--held-out-42', label: 'held-out 42', dir: 'tempo-heldout42', make: tempo42Set },
  { flag: '--held-out-43', label: 'held-out 43', dir: 'tempo-heldout43', make: tempo43Set },
  { flag: '--held-out-44', label: 'held-out 44', dir: 'tempo-heldout44', make: tempo44Set },
  { flag: '--held-out-45', label: 'held-out 45', dir: 'tempo-heldout45', make: tempo45Set },
  { flag: '--held-out-46', label: 'held-out 46', dir: 'tempo-heldout46', make: tempo46Set },
  { flag: '--held-out-47', label: 'held-out 47', dir: 'tempo-heldout47', make: tempo47Set },
  { flag: '--held-out-48', label: 'held-out 48', dir: 'tempo-heldout48', make: tempo48Set },
  { flag: '--held-out-49', label: 'held-out 49', dir: 'tempo-heldout49', make: tempo49Set },
  { flag: '--held-out-50', label: 'held-out 50', dir: 'tempo-heldout50', make: tempo50Set },
  { flag: '--held-out-51', label: 'held-out 51', dir: 'tempo-heldout51', make: tempo51Set },
  { flag: '--held-out-52', label: 'held-out 52', dir: 'tempo-heldout52', make: tempo52Set },
  { flag: '--held-out-53', label: 'held-out 53', dir: 'tempo-heldout53', make: tempo53Set },
  { flag: '--held-out-54', label: 'held-out 54', dir: 'tempo-heldout54', make: tempo54Set },
  { flag: '--held-out-55', label: 'held-out 55', dir: 'tempo-heldout55', make: tempo55Set },
  { flag: '--held-out-56', label: 'held-out 56', dir: 'tempo-heldout56', make: tempo56Set },
  { flag: '--held-out-57', label: 'held-out 57', dir: 'tempo-heldout57', make: tempo57Set },
  { flag: '--held-out-58', label: 'held-out 58', dir: 'tempo-heldout58', make: tempo58Set },
  { flag: '--held-out-59', label: 'held-out 59', dir: 'tempo-heldout59', make: tempo59Set },
  { flag: '--held-out-60', label: 'held-out 60', dir: 'tempo-heldout60', make: tempo60Set },
  { flag: '--held-out-61', label: 'held-out 61', dir: 'tempo-heldout61', make: tempo61Set },
  { flag: '--held-out-62', label: 'held-out 62', dir: 'tempo-heldout62', make: tempo62Set },
  { flag: '--held-out-63', label: 'held-out 63', dir: 'tempo-heldout63', make: tempo63Set },
  { flag: '--held-out-64', label: 'held-out 64', dir: 'tempo-heldout64', make: tempo64Set },
];

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
 * --written-truth: every file scored at its written tempo (the sets' truth before h-tempo26); by default rule A
 * (h-tempo72: bench/tempo-beat-level.ts ruleATruth; the sets before tempo25 the half-time convention, tappedTruth).
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
    const truth = WRITTEN_TRUTH ? written : ruleATruth(written);
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
  await loadGrooveBarsFor([...tuning, ...held].map((i) => i.truth.name));
  const t = evaluate(tuning);
  const h = evaluate(held);
  // the numbered sets asked for (HELD_OUT_SETS: every held-out set of bench/tempo-heldout2.ts, and the odd-meter
  // tuning set), each loaded and scored once, in the list's order
  const loaded: { label: string; items: Item[]; figures: Figures }[] = [];
  for (const set of HELD_OUT_SETS) {
    if (!process.argv.includes(set.flag)) continue;
    const dir = path.join(OUT, set.dir);
    mkdirSync(dir, { recursive: true });
    const items = some(await Promise.all(set.make(dir).files.map(allFeatures)));
    await loadGrooveBarsFor(items.map((i) => i.truth.name));
    loaded.push({ label: set.label, items, figures: evaluate(items) });
  }
  console.log(
    '| set | Acc1 songs | Acc2 songs | beat F songs | Acc1 drum files (strict) | Acc1 drum files (truth sets) | ' +
      'Acc2 drum files | beat F drum files |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [label, x] of [
    ['tuning', t] as const,
    ['held-out', h] as const,
    ...loaded.map(({ label, figures }) => [label, figures] as const),
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
        loaded.map(({ label }) => ` ${label} Acc1 songs | drums |`).join('') +
        ' (--beat-f: each set also beat F songs / drums)',
    );
    for (const c of combos) {
      const run = (k: number): (Figures | undefined)[] =>
        k === axes.length
          ? [evaluate(tuning), evaluate(held), ...loaded.map(({ items }) => evaluate(items))]
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
      ...loaded.map(({ label, items }) => [label, items] as [string, Item[]]),
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
    for (const { label, figures } of loaded) console.log(`\n${label} misses:\n` + figures.misses.join('\n'));
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
