/**
 * Classification development offline (issue 13, h-dxcls6): the stems dumped by `drums-classdev.js OUT --all
 * --stems` (truth and the hits before the stem's second pass) classified again by the current rule
 * (stem.ts classifyStemHits, with the floor of StemAnalyzer.finish) and scored as drums-eval.js scores a stem
 * (scoreStem): per set pooled right / matched, extra, the confusion, without running the filters again.
 * Usage: node dist/bench/drums-classdev-score.js IN.jsonl [--confusion] [--per-kit] [name=value ...] (a parameter of
 * STEM_CLASS_PARAMETERS or STEM_RING_PARAMETERS set for the run) [--sweep name,...] (each ±10 %) [--by-source]
 * (pooled by kit kind, fixtures/drumtruth.ts KitSource: sampled, soundfont and each generator, h-dxcls12) [--matrix]
 * (the pooled confusion as a markdown table, h-dxcls17) [--unmatched] (the truth pieces no hit of their family claimed,
 * counted by cause, h-dxcls27) [--fine] (those causes by family, a hat or cymbal with a kick by its top band,
 * h-dxcls29) [--only RE] (only the stems whose name matches the regular expression RE, e.g. a family's kit prefix or
 * a player's name: a set's parts scored from its one dump, h-dxset100)
 */
import { readFileSync } from 'node:fs';
import * as params from '../src/engines/drums/params.js';
import { classifyStemHits } from '../src/engines/drums/stem.js';
import { readStemDump, setParameters, type DumpedStem } from './drums-classdev-dump.js';
import { pooled, scoreStem, type ClassScore } from './drums-eval.js';
import * as truthSets from '../fixtures/drumtruth.js';
import type { KitSpec } from '../fixtures/drumtruth.js';

/** Truth pieces (drumkit.ts and drumtruth.ts names) to the acceptance's families. */
const FAMILY: Record<string, string> = { hat: 'hihat', openHat: 'hihat', ride: 'cymbal', crash: 'cymbal' };

type Stem = DumpedStem;

const { DETECT_PARAMETERS, STEM_TOGETHER_PARAMETERS } = params;
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt < 0 ? undefined : new RegExp(args[onlyAt + 1]!);
const stems: Stem[] = readStemDump(args[0]!).filter((s) => !only || only.test(s.stem));
// the classification's tables (STEM_…_PARAMETERS; STEM_PARAMETERS is the first pass's); name=value sets one for the run
const groups = Object.entries(params)
  .filter(([k]) => /^STEM_\w+_PARAMETERS$/.test(k))
  .map(([, t]) => t as Record<string, { value: number }>);
const param = (name: string) => groups.find((g) => g[name])?.[name];
setParameters(args.slice(1), groups);

/** Kit name to its source (kit kind), over every kit list of fixtures/drumtruth.ts; `drumStem` kits are soundfonts. */
const SOURCE = new Map<string, string>();
for (const v of Object.values(truthSets))
  if (Array.isArray(v))
    for (const k of v as KitSpec[]) if (k && typeof k === 'object' && 'source' in k) SOURCE.set(k.name, k.source);
const kind = (kit: string) => SOURCE.get(kit) ?? (kit.startsWith('drumStem-') ? 'npm' : 'unknown');

/** Why truth pieces go unclaimed (h-dxcls27, --unmatched): cause → count, over every stem scored. */
const causes = new Map<string, number>();

/**
 * Files each (instant, family) pair no hit of that family claimed under a cause: struck together with another family
 * whose hit took the instant (one hit for two pieces), alone but read as another class, a kept hit within 20 ms that
 * went to a neighbouring instant, a hit found there but under the peak floor, a kept hit 20–40 ms away (the matching
 * window), or no hit at all — then by what the truth struck before it: the same family within 200 ms (into its own
 * ring), a ride or open hat within 400 ms (under its ring), anything within 100 ms, or nothing (clear).
 */
function unmatched(s: Stem, all: { start: number }[], kept: Kept[], r: ClassScore): void {
  const near = (hits: { start: number }[], t: number, ms: number) =>
    hits.some((h) => Math.abs(h.start / s.rate - t) <= ms / 1000);
  for (const u of r.unclaimed) {
    let cause: string;
    if (u.matchedAs.length && u.families.length > 1) {
      cause = `struck together: ${u.family} not reported`;
      // --fine (h-dxcls29): a hat or cymbal not reported with a kick, by what its top band did at the kick's hit
      const k = kept.find((h) => !h.secondary && h.cls === 'kick' && Math.abs(h.start / s.rate - u.t) <= 0.02);
      if (FINE && k && (u.family === 'hihat' || u.family === 'cymbal')) cause += `, with a kick: ${withKick(k)}`;
    } else if (u.matchedAs.length) cause = 'alone, read as another class';
    else if (near(kept, u.t, 20)) cause = 'a hit within 20 ms went to a neighbouring instant';
    else if (near(all, u.t, 20)) cause = 'found, under the peak floor';
    else if (near(kept, u.t, 40)) cause = 'found 20–40 ms away (the matching window)';
    else {
      const before = s.truth.filter((x) => x.t < u.t - 0.004 && x.t > u.t - 0.4);
      const fam = (p: string) => FAMILY[p] ?? p;
      cause = before.some((x) => fam(x.piece) === u.family && u.t - x.t < 0.2)
        ? 'no hit: into its own ring (the same family ≤ 200 ms before)'
        : before.some((x) => x.piece === 'ride' || x.piece === 'openHat')
          ? "no hit: under a ride's or open hat's ring (≤ 400 ms before)"
          : before.some((x) => u.t - x.t < 0.1)
            ? 'no hit: after another piece (≤ 100 ms before)'
            : 'no hit: clear (nothing ≤ 100 ms before)';
      // --fine (h-dxcls29): by family, and a cymbal struck alone apart
      if (FINE) cause += ` [${u.family}${u.families.length === 1 ? ' alone' : ', struck with another'}]`;
    }
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
}

/** --fine (h-dxcls29): the unmatched causes split by family and, for a hat or cymbal with a kick, by its top band. */
const FINE = args.includes('--fine');
type Kept = ReturnType<typeof classifyStemHits>[number];

/** What the top band did at a kick's hit: no 6 dB rise (minGainDb: something still rang), > 20 dB under the kick
 * band, dying within 40 ms (togetherDecayMs), or within both (a second that took a neighbouring instant). */
function withKick(k: Kept): string {
  const f = k.features;
  const [low, , wires, top] = f.addedDb as [number, number, number, number];
  const rose = -(f.priorTopDb ?? NaN);
  if (wires < -100 && top < -100)
    return `neither band above 1 kHz rose 6 dB (top rose ${rose < 3 ? '< 3' : '3–6'} dB over what rang)`;
  const over = Math.max(wires, top) - low;
  if (over < -STEM_TOGETHER_PARAMETERS.togetherDb.value) return 'rose, but > togetherDb under the kick band';
  const ring = f.decayMs[wires >= top ? 2 : 3]!;
  return ring >= STEM_TOGETHER_PARAMETERS.togetherDecayMs.value
    ? 'within the rule (its second went elsewhere)'
    : Number.isFinite(ring)
      ? 'within togetherDb, dies < togetherDecayMs'
      : 'within togetherDb, decay unknown';
}

function score(): Map<string, ClassScore[]> {
  const bySet = new Map<string, ClassScore[]>();
  for (const s of stems) {
    const hits = classifyStemHits(
      s.found.map((h) => ({ ...h })),
      s.rate,
    );
    const loudest = Math.max(0, ...hits.map((h) => h.peak));
    const floor = loudest * 10 ** (-DETECT_PARAMETERS.floorRangeDb.value / 20);
    const kept = hits.filter((h) => h.peak >= floor && h.peak > 0).sort((a, b) => a.start - b.start);
    const r = scoreStem(
      `${s.kit} ${s.stem}`,
      {
        rate: s.rate,
        samples: new Float32Array(0),
        hits: s.truth.map((x) => ({ piece: FAMILY[x.piece] ?? x.piece, onset: x.t * s.rate })),
      },
      kept.map((h) => ({ timeSeconds: h.start / s.rate, instrument: h.cls })),
    );
    if (args.includes('--unmatched')) unmatched(s, hits, kept, r);
    const key = args.includes('--per-kit') ? `${s.set} ${s.kit}` : args.includes('--by-source') ? kind(s.kit) : s.set;
    bySet.set(key, [...(bySet.get(key) ?? []), r]);
  }
  return bySet;
}

function report(bySet: Map<string, ClassScore[]>): number {
  let right = 0;
  let matched = 0;
  for (const [set, scores] of bySet) {
    const p = pooled(scores);
    const extra = scores.reduce((n, r) => n + r.extra, 0);
    right += p.right;
    matched += p.matched;
    const top = Object.entries(p.confusion)
      .flatMap(([k, row]) => Object.entries(row).map(([g, n]) => [`${k}→${g}`, n] as const))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(
      `${set.padEnd(40)} ${(p.right / p.matched).toFixed(4)} (${p.right}) of ${p.matched}  extra ${extra}` +
        (args.includes('--confusion') ? `  ${top}` : ''),
    );
  }
  console.log(`${'all'.padEnd(40)} ${(right / matched).toFixed(4)} of ${matched}`);
  return right / matched;
}

/** The pooled confusion as a table (h-dxcls17, --matrix): one row per truth at the instant (families joined by +, or
 * the family found when right), one column per class found. */
function matrix(bySet: Map<string, ClassScore[]>): void {
  const rows = new Map<string, Map<string, number>>();
  for (const scores of bySet.values()) {
    const p = pooled(scores);
    for (const [k, row] of Object.entries(p.confusion))
      for (const [g, n] of Object.entries(row)) {
        const r = rows.get(k) ?? new Map<string, number>();
        r.set(g, (r.get(g) ?? 0) + n);
        rows.set(k, r);
      }
  }
  const cols = [...new Set([...rows.values()].flatMap((r) => [...r.keys()]))].sort();
  console.log(`| truth \\ found | ${cols.join(' | ')} |`);
  console.log(`|---|${cols.map(() => '---:').join('|')}|`);
  const total = (r: Map<string, number>) => [...r.values()].reduce((a, b) => a + b, 0);
  for (const [k, r] of [...rows].sort((a, b) => total(b[1]) - total(a[1])))
    console.log(`| ${k} | ${cols.map((c) => r.get(c) ?? 0).join(' | ')} |`);
}

const sweep = args.indexOf('--sweep');
if (sweep < 0) {
  const bySet = score();
  report(bySet);
  if (args.includes('--matrix')) matrix(bySet);
  if (args.includes('--unmatched'))
    for (const [k, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${k}`);
} else {
  const base = report(score());
  for (const name of args[sweep + 1]!.split(',')) {
    const spec = param(name)!;
    const v = spec.value;
    const got: number[] = [];
    for (const k of [0.9, 1.1]) {
      spec.value = v * k;
      const bySet = score();
      let right = 0;
      let matched = 0;
      for (const scores of bySet.values()) {
        const p = pooled(scores);
        right += p.right;
        matched += p.matched;
      }
      got.push(right / matched);
    }
    spec.value = v;
    const move = Math.max(...got.map((g) => Math.abs(g - base)));
    console.log(`${name} ${v}: −10 % ${got[0]!.toFixed(4)}, +10 % ${got[1]!.toFixed(4)}, move ${move.toFixed(4)}`);
  }
}
