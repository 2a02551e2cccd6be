/**
 * The choice (issue 15 step 2): each take × section's measures become points (each measure
 * through its declared scale, times its weight; fewer is better), and the takes are chosen for
 * all sections at once by dynamic programming (Viterbi) with a cost for every change of take
 * (`switchPoints`): a take change must gain at least that much. A take whose single measure
 * costs `defectPoints` or more carries a defect there, and is never chosen over a take without
 * one (the switch cost holds only among takes alike in that), nor when it scores over
 * `keepMarginPoints` worse than the section's best take (continuity cannot outweigh a clear margin).
 * Each section's decision lists every take's points, the winner, and why the runner-up lost (its
 * defect, or the measure it lost most on).
 */
import { UsageError } from '../../errors.js';
import {
  COMP_CHOICE_PARAMETERS,
  COMP_MEASURE_PARAMETERS,
  COMP_POINT_SCALES,
  DEFAULT_PRESET,
  MEASURES,
  WEIGHT_PRESETS,
  WEIGHT_RANGE,
  type Measure,
  type Weights,
} from './params.js';
import type { Section, TakeSectionMeasures } from './measures.js';
import {
  groupContributions,
  loadTakeModel,
  songContext,
  sectionTakeScores,
  takeFeatures,
  takeModelFile,
  type TakeContext,
} from './take-model.js';

export type Points = Record<Measure, number>;

/** Points of one take in one section, per measure (before weights). */
export function measurePoints(m: TakeSectionMeasures): Points {
  const S = COMP_POINT_SCALES;
  const base = m.pitchCommonCents ?? 0;
  const over = (x: number | null, free: number, per: number) => (x === null ? 0 : Math.max(0, x - free) / per);
  return {
    pitch:
      over(m.pitchMedianCents, COMP_MEASURE_PARAMETERS.pitchFreeCents.value + base, S.pitchMedianCents.value) +
      over(m.pitchP90Cents, 15 + base, S.pitchP90Cents.value) / 2,
    stability: over(m.jitterCents, 5, S.jitterCents.value),
    timing: over(m.timingMs === null ? null : Math.abs(m.timingMs), 10, S.timingMs.value),
    noise: over(m.noiseExcessDb, COMP_MEASURE_PARAMETERS.noiseToleranceDb.value, S.noiseDb.value),
    clipping: m.clippedSamples > 0 ? 1 + Math.log10(m.clippedSamples) : 0,
    level: over(
      m.levelDeltaLu === null ? null : Math.abs(m.levelDeltaLu),
      COMP_MEASURE_PARAMETERS.levelToleranceLu.value,
      S.levelLu.value,
    ),
    missing: (m.missingFraction + m.extraFraction) / S.missingFraction.value,
  };
}

export function weightedTotal(p: Points, w: Weights): number {
  let s = 0;
  for (const k of MEASURES) s += p[k] * w[k];
  return s;
}

/** `--weights vocal-natural,pitch=2` or `pitch=1,timing=0.5`: a preset (default vocal-pop) with overrides. */
export function parseWeights(text: string | undefined): { weights: Weights; preset: string } {
  let preset: string = DEFAULT_PRESET;
  const weights: Weights = { ...WEIGHT_PRESETS[DEFAULT_PRESET] };
  if (!text) return { weights, preset };
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const overrides: [Measure, number][] = [];
  for (const part of parts) {
    if (!part.includes('=')) {
      if (!(part in WEIGHT_PRESETS))
        throw new UsageError(
          `--weights: '${part}' is not a preset (${Object.keys(WEIGHT_PRESETS).join(', ')}) nor measure=weight`,
        );
      preset = part;
      Object.assign(weights, WEIGHT_PRESETS[part as keyof typeof WEIGHT_PRESETS]);
      continue;
    }
    const [key, value] = part.split('=', 2) as [string, string];
    const k = key.trim() === 'completeness' ? 'missing' : key.trim();
    if (!(MEASURES as readonly string[]).includes(k))
      throw new UsageError(`--weights: unknown measure '${key}'; the measures are ${MEASURES.join(', ')}`);
    const v = Number(value);
    const [lo, hi] = WEIGHT_RANGE.range;
    if (value.trim() === '' || !Number.isFinite(v) || v < lo || v > hi)
      throw new UsageError(`--weights: ${k} must be a number in [${lo}, ${hi}], got '${value}'`);
    overrides.push([k as Measure, v]);
  }
  for (const [k, v] of overrides) weights[k] = v;
  return { weights, preset: overrides.length ? `${preset} with ${overrides.map(([k, v]) => `${k}=${v}`)}` : preset };
}

/**
 * The measures on which a take carries a defect: one measure alone costs `defectPoints` or more
 * (before weights). Not stability (jitter is style), and for `missing` only the expected voice
 * left out (voice where the reference has none may be the reference's fault: a guide vocal's
 * quieter notes).
 */
export function defectsOf(
  m: TakeSectionMeasures,
  raw: Points,
  defectPoints = COMP_CHOICE_PARAMETERS.defectPoints.value,
): Measure[] {
  return MEASURES.filter((k) =>
    k === 'stability'
      ? false
      : k === 'missing'
        ? m.missingFraction / COMP_POINT_SCALES.missingFraction.value >= defectPoints
        : raw[k] >= defectPoints,
  );
}

/**
 * Per take, whether it is absent from the section (left the phrase out): at least absentFraction of its expected
 * voice missing and its voiced level absentDb or more under the section's loudest take's (no voiced level: under).
 */
export function absentOf(row: TakeSectionMeasures[]): boolean[] {
  const fraction = COMP_CHOICE_PARAMETERS.absentFraction.value;
  const db = COMP_CHOICE_PARAMETERS.absentDb.value;
  const levels = row.map((m) => m.voicedLufs).filter((x): x is number => x !== null);
  const top = levels.length ? Math.max(...levels) : null;
  return row.map(
    (m) => m.missingFraction >= fraction && (m.voicedLufs === null || top === null || m.voicedLufs <= top - db),
  );
}

/**
 * The rules' gates in a section (h-comp62): per take, whether it may be chosen — present (absentOf), or no take is;
 * and without a defect (defectsOf: noise, clipping, pitch …), or every present take carries one. The rules choose
 * among these (and within `keepMarginPoints` of the best); the take model, gated (`takeModelGate` 1), among these.
 */
export function gateOf(absent: boolean[], defects: Measure[][]): boolean[] {
  const can = absent.map((a, _, all) => !a || !all.includes(false));
  const clean = defects.some((d, t) => can[t] && d.length === 0);
  return defects.map((d, t) => can[t]! && (!clean || d.length === 0));
}

/**
 * The ordinary defects that veto a take before the take model decides (`takeModelVeto` 1, h-comp67): pitch at
 * `vetoPitchPoints`, timing at `vetoTimingPoints`, noise, clipping and the expected voice missing at `defectPoints`
 * (defectsOf's reading), and the level only where the take stands under the level fit (a drop): a take over it may
 * be the clean one that its siblings' drops left alone (held-out-45 6204 §6: two takes 9–12 dB down and a missing one
 * put the fit at the dropped takes, and the clean take read 7.7 LU over it). Its gate is gateOf's. (rowVetoes adds
 * the extra voice over the section's least, `vetoExtraOver`.) The timing is
 * read less the entry offset the section's takes share (`sharedMs`, sharedEntryMs; h-comp68).
 */
export function vetoesOf(m: TakeSectionMeasures, raw: Points, sharedMs = 0): Measure[] {
  const C = COMP_CHOICE_PARAMETERS;
  if (sharedMs !== 0 && m.timingMs !== null)
    raw = { ...raw, timing: measurePoints({ ...m, timingMs: m.timingMs - sharedMs }).timing };
  const at: Record<Measure, number> = {
    pitch: C.vetoPitchPoints.value,
    timing: C.vetoTimingPoints.value,
    noise: C.defectPoints.value,
    clipping: C.defectPoints.value,
    level: C.defectPoints.value,
    missing: C.defectPoints.value,
    stability: Infinity,
  };
  return MEASURES.filter((k) =>
    k === 'missing'
      ? m.missingFraction / COMP_POINT_SCALES.missingFraction.value >= at.missing
      : raw[k] >= at[k] && (k !== 'level' || (m.levelDeltaLu ?? 0) < 0),
  );
}

/**
 * The entry offset a section's takes share (ms; `vetoSharedTiming`, h-comp68): where every take with an entry reads
 * late, or every one early, the least of them — what the section's reference puts on all alike (a note start the
 * guide or the grid marks off the voice's, a latency the takes' own did not take off), as the noise reads against
 * the quietest floor and the no-guide pitch against the lowest median; else 0 (a take in time is the reference).
 * (22 tuning sets: 355 of the 4 382 clean take × sections read an entry of 40 ms or more.)
 */
export function sharedEntryMs(row: TakeSectionMeasures[]): number {
  const xs = row.flatMap((m) => (m.timingMs === null ? [] : [m.timingMs]));
  if (xs.length < 2 || !(xs.every((x) => x > 0) || xs.every((x) => x < 0))) return 0;
  return xs.reduce((a, x) => (Math.abs(x) < Math.abs(a) ? x : a));
}

/** vetoesOf over a section's takes (the timing less sharedEntryMs where `vetoSharedTiming` is on). */
export function rowVetoes(row: TakeSectionMeasures[], raw: Points[]): Measure[][] {
  const shared = COMP_CHOICE_PARAMETERS.vetoSharedTiming.value === 1 ? sharedEntryMs(row) : 0;
  // `vetoExtraOver` (h-comp100): extra voice in the rests beyond the least a present take of the section carries —
  // a burst read as voice (a chime, a whistle, a cough's tone) that the noise floor passes
  // with a raised floor too (`vetoExtraNoiseDb`: a loud breath before the phrase leaves the floor where it was)
  const over = COMP_CHOICE_PARAMETERS.vetoExtraOver.value;
  if (!(over > 0)) return row.map((m, t) => vetoesOf(m, raw[t]!, shared));
  const floorDb = COMP_CHOICE_PARAMETERS.vetoExtraNoiseDb.value;
  const present = absentOf(row).map((a) => !a);
  const least = Math.min(...row.filter((_, t) => present[t]).map((m) => m.extraFraction));
  return row.map((m, t) => {
    const v = vetoesOf(m, raw[t]!, shared);
    const extra = present[t] && m.extraFraction - least >= over && (m.noiseExcessDb ?? 0) >= floorDb;
    return extra && !v.includes('missing') ? [...v, 'missing'] : v;
  });
}

export interface SectionChoice {
  section: Section;
  /** Per take: weighted points per measure, the total, and the measures it carries a defect on. */
  scores: { take: number; points: Points; total: number; defects: Measure[] }[];
  chosen: number;
  runnerUp: number | null;
  /** Why the runner-up lost, in words. */
  why: string;
  /** The take was kept from the previous section although another scored lower (switch cost). */
  keptForContinuity: boolean;
  /** When the take model chose (`takeModel` 1): what chose and why (h-comp59). */
  model?: ModelDecision;
}

/** One feature's share of a take's model score. */
export interface ModelTerm {
  feature: string;
  /** The feature's value (take-model.ts takeFeatures). */
  value: number;
  /**
   * What it added to the score: its weight times its value over the feature's scale (a linear preset); its path terms
   * over the take's pairs with the section's other takes (a tree preset, take-model.ts takePairTerms).
   */
  contribution: number;
  /** The contribution less its mean over the section's takes: what it set the take apart by. */
  overMean: number;
}

/** The take model's decision in a section: the preset, every take's score and the terms that weighed most. */
export interface ModelDecision {
  /** The preset's name (presets/NAME.json). */
  preset: string;
  /**
   * Per take (index = take): its score (the section's highest is chosen) and its largest terms, by how far each
   * contribution lies from the section's mean (terms equal in every take left out).
   */
  takes: { take: number; score: number; terms: ModelTerm[] }[];
  /** The rules' choice (hand-weighted points, switch cost) when it is not the model's; null when they agree. */
  rulesChose: number | null;
  /**
   * Gated (`takeModelGate` 1, h-comp62) or vetoed (`takeModelVeto` 1, h-comp67: vetoesOf): the takes removed before
   * the model chose, and why (absent, or the defect's measure); the model chose among the others. Absent when the
   * model read every take.
   */
  removed?: { take: number; why: string }[];
}

/** How many of a take's terms the decision lists. */
export const MODEL_TERMS = 4;

const LABEL: Record<Measure, string> = {
  pitch: 'pitch',
  stability: 'pitch stability',
  timing: 'timing',
  noise: 'noise',
  clipping: 'clipping',
  level: 'level',
  missing: 'missing or extra phrases',
};

function describeMeasure(k: Measure, m: TakeSectionMeasures): string {
  const f = (x: number | null, d = 0) => (x === null ? '–' : x.toFixed(d));
  switch (k) {
    case 'pitch':
      return (
        `median ${f(m.pitchMedianCents)} cents off, 90 % within ${f(m.pitchP90Cents)}` +
        (m.pitchCommonCents ? ` (${f(m.pitchCommonCents)} common to the takes here)` : '')
      );
    case 'stability':
      return `jitter ${f(m.jitterCents, 1)} cents rms`;
    case 'timing':
      return `entry ${m.timingMs === null ? '–' : `${m.timingMs > 0 ? '+' : ''}${m.timingMs.toFixed(0)}`} ms`;
    case 'noise':
      return `noise floor ${f(m.noiseFloorDbfs, 1)} dBFS (${f(m.noiseExcessDb, 1)} dB over the takes' floor)`;
    case 'clipping':
      return `${m.clippedSamples} clipped samples`;
    case 'level':
      return `voiced level ${f(m.levelDeltaLu, 1)} LU from the takes' median`;
    case 'missing':
      return `${Math.round(m.missingFraction * 100)} % of the expected voice missing, ${Math.round(
        m.extraFraction * 100,
      )} % extra`;
  }
}

/** Chooses a take per section (Viterbi with the switch cost); `names` label the takes in the reasons. */
export function chooseTakes(
  sections: Section[],
  measures: TakeSectionMeasures[][],
  weights: Weights,
  names: string[],
  switchPoints = COMP_CHOICE_PARAMETERS.switchPoints.value,
  defectPoints = COMP_CHOICE_PARAMETERS.defectPoints.value,
  keepMarginPoints = COMP_CHOICE_PARAMETERS.keepMarginPoints.value,
  /** What the model reads beside the measures (take-model.ts takeContext); the rules do not read it. */
  ctx?: TakeContext,
): SectionChoice[] {
  const N = names.length;
  const scores = measures.map((row) =>
    row.map((m, take) => {
      const raw = measurePoints(m);
      const points = Object.fromEntries(MEASURES.map((k) => [k, raw[k] * weights[k]])) as Points;
      return { take, points, total: weightedTotal(raw, weights), defects: defectsOf(m, raw, defectPoints) };
    }),
  );
  // the takes a section may use: those without a defect when there are any, and of those the ones within
  // keepMarginPoints of the best: the switch cost decides only among takes that score nearly alike (a fixed
  // cost of 0.5 points kept a take 0.3–0.5 points worse, on a measure under its defect threshold, from the
  // section before; a margin that clear is the section's own)
  // a take absent from the section (absentOf) is never chosen over one with voice there, defects or not: a missing
  // take has no pitch, timing or noise to lose points on, and beat present takes whose defects cost more
  const absent = measures.map(absentOf);
  const allowed = scores.map((row, s) => {
    // a take may be used when it is present, or when no take is; without a defect, or when every such take has one
    const ok = gateOf(
      absent[s]!,
      row.map((r) => r.defects),
    );
    const best = Math.min(...row.filter((_, t) => ok[t]).map((r) => r.total));
    return row.map((r, t) => ok[t]! && r.total <= best + keepMarginPoints);
  });
  // Viterbi
  const S = sections.length;
  const cost = Array.from({ length: S }, () => new Float64Array(N));
  const from = Array.from({ length: S }, () => new Int32Array(N));
  for (let t = 0; t < N; t++) cost[0]![t] = allowed[0]![t] ? scores[0]![t]!.total : Infinity;
  for (let s = 1; s < S; s++)
    for (let t = 0; t < N; t++) {
      if (!allowed[s]![t]) {
        cost[s]![t] = Infinity;
        continue;
      }
      let best = Infinity;
      let arg = 0;
      for (let u = 0; u < N; u++) {
        const c = cost[s - 1]![u]! + (u === t ? 0 : switchPoints);
        if (c < best - 1e-12) {
          best = c;
          arg = u;
        }
      }
      cost[s]![t] = best + scores[s]![t]!.total;
      from[s]![t] = arg;
    }
  const path = new Array<number>(S);
  let last = 0;
  for (let t = 1; t < N; t++) if (cost[S - 1]![t]! < cost[S - 1]![last]! - 1e-12) last = t;
  for (let s = S - 1; s >= 0; s--) {
    path[s] = last;
    if (s > 0) last = from[s]![last]!;
  }
  /** Why `runner` lost to `chosen` in section s, by the rules' wording: its absence, its defect, or its points. */
  const ruleWhy = (s: number, chosen: number, runner: Choice['scores'][number] | undefined): string => {
    const row = scores[s]!;
    if (!runner) return '';
    if (absent[s]![runner.take] && !absent[s]![chosen]) {
      const m = measures[s]![runner.take]!;
      return (
        `${names[runner.take]} is absent here (${Math.round(m.missingFraction * 100)} % of the expected voice ` +
        `missing, its level far under the loudest take's), ${names[chosen]} is not`
      );
    }
    if (runner.defects.length > 0 && row[chosen]!.defects.length === 0) {
      // a runner-up left out for its defect (one left out for its margin scored worse than the chosen take)
      const k = runner.defects[0]!;
      return (
        `${names[runner.take]} carries a defect here: ${LABEL[k]} (${describeMeasure(k, measures[s]![runner.take]!)}` +
        `, ${(runner.points[k] / (weights[k] || 1)).toFixed(1)} points), ${names[chosen]} none`
      );
    }
    // the measure where the runner-up lost the most points against the winner
    let k: Measure = MEASURES[0];
    for (const m of MEASURES)
      if (runner.points[m] - row[chosen]!.points[m] > runner.points[k] - row[chosen]!.points[k]) k = m;
    const margin = runner.total - row[chosen]!.total;
    return margin >= 0
      ? `${names[runner.take]} scored ${margin.toFixed(2)} points worse, most on ${LABEL[k]} (` +
          `${describeMeasure(k, measures[s]![runner.take]!)} against ${describeMeasure(k, measures[s]![chosen]!)})`
      : `${names[runner.take]} scored ${(-margin).toFixed(2)} points better, less than the ${switchPoints}-point ` +
          'cost of changing takes here';
  };
  const rules = sections.map((section, s): SectionChoice => {
    const row = scores[s]!;
    const chosen = path[s]!;
    const others = row.filter((r) => r.take !== chosen).sort((a, b) => a.total - b.total);
    const runner = others[0];
    const best = row.filter((r) => allowed[s]![r.take]).sort((a, b) => a.total - b.total)[0]!;
    return {
      section,
      scores: row,
      chosen,
      runnerUp: runner ? runner.take : null,
      why: ruleWhy(s, chosen, runner),
      keptForContinuity: best.take !== chosen,
    };
  });
  if (COMP_CHOICE_PARAMETERS.takeModel.value >= 0.5) return modelChoices(measures, scores, rules, names, ruleWhy, ctx);
  return rules;
}

type Choice = SectionChoice;

/**
 * The learned take model's choice (`takeModel` 1): per section the take with the highest score (take-model.ts), the
 * rules' choice (`rules`, the Viterbi path with its switch cost) one of its features. Where the model keeps the rules'
 * take, the rules' reason, runner-up and continuity stand, the model's margin added; where it overturns them, the
 * runner-up is the model's: its absence or its defect named as the rules name them (the chosen take present and
 * without one), else the features on which the chosen take gained most over it; the rules' choice is named.
 */
function modelChoices(
  measures: TakeSectionMeasures[][],
  scores: SectionChoice['scores'][],
  rules: SectionChoice[],
  names: string[],
  ruleWhy: (s: number, chosen: number, runner: SectionChoice['scores'][number] | undefined) => string,
  ctx: TakeContext | undefined,
): SectionChoice[] {
  const gated = COMP_CHOICE_PARAMETERS.takeModelGate.value >= 0.5;
  const vetoed = !gated && COMP_CHOICE_PARAMETERS.takeModelVeto.value >= 0.5;
  const model = loadTakeModel(
    takeModelFile(COMP_CHOICE_PARAMETERS.takeModel.value, COMP_CHOICE_PARAMETERS.takeModelGate.value),
  );
  // the song's view of each take over all its sections (take-model.ts songContext), for the model's features
  const song = ctx ? { ...ctx, song: songContext(measures, ctx.latencyMs, ctx.reference) } : undefined;
  return rules.map((r, s) => {
    const row = measures[s]!;
    const raw = row.map((m) => measurePoints(m));
    const absent = absentOf(row);
    const x = takeFeatures(
      row,
      raw,
      absent,
      scores[s]!.map((r) => r.defects),
      r.chosen,
      song,
      s,
    );
    const scored = sectionTakeScores(model, x);
    const parts = scored.map((p) => p.parts);
    const total = scored.map((p) => p.score);
    // gated: the rules' gates first (gateOf), the model's order among the takes they leave, then the removed ones;
    // vetoed (h-comp67): the same gate over the ordinary defects (vetoesOf)
    const flags = gated ? scores[s]!.map((r) => r.defects) : vetoed ? rowVetoes(row, raw) : null;
    const gate = flags ? gateOf(absent, flags) : total.map(() => true);
    const order = total
      .map((_, t) => t)
      .sort((a, b) => Number(gate[b]) - Number(gate[a]) || total[b]! - total[a]! || a - b);
    const chosen = order[0]!;
    const runner = order[1];
    if (runner === undefined) return r;
    const removed = flags
      ? order
          .filter((t) => !gate[t])
          .map((t) => ({
            take: t,
            why: absent[t] ? 'absent' : `defect: ${flags[t]!.map((k) => LABEL[k]).join(', ')}`,
          }))
      : undefined;
    const gates = removed?.length
      ? `${gated ? "the rules' gates removed" : 'vetoed'} ` +
        `${removed.map((g) => `${names[g.take]} (${g.why})`).join(', ')}; `
      : '';
    const decision: ModelDecision = {
      preset: model.name,
      takes: parts.map((c, t) => ({
        take: t,
        score: total[t]!,
        // the terms that set the take apart: its contribution against the section's mean (a term all takes share
        // alike, such as an entry found in each, moves no choice)
        terms: c
          .map((contribution, j) => ({
            feature: model.features[j]!,
            value: x[t]![j]!,
            contribution,
            overMean: contribution - parts.reduce((a, p) => a + p[j]!, 0) / parts.length,
          }))
          .filter((term) => Math.abs(term.overMean) > 1e-9)
          .sort((a, b) => Math.abs(b.overMean) - Math.abs(a.overMean))
          .slice(0, MODEL_TERMS),
      })),
      rulesChose: chosen === r.chosen ? null : r.chosen,
      ...(removed ? { removed } : {}),
    };
    const gain = (a: number, b: number) => (total[a]! - total[b]!).toFixed(2);
    if (chosen === r.chosen) {
      const vs = order.find((t) => t !== chosen)!;
      // the next take in the model's order may be a removed one that it scored higher (gated or vetoed)
      const agrees =
        total[vs]! > total[chosen]!
          ? `the take model scored ${names[vs]} ${gain(vs, chosen)} over ${names[chosen]}`
          : `the take model agrees (${gain(chosen, vs)} over ${names[vs]})`;
      return {
        ...r,
        why: `${r.why}; ${gates}${agrees}`,
        model: decision,
      };
    }
    const overturned = ` (the rules chose ${names[r.chosen]})`;
    const decided =
      (absent[runner] && !absent[chosen]) ||
      (scores[s]![runner]!.defects.length > 0 && scores[s]![chosen]!.defects.length === 0);
    let why: string;
    if (decided)
      why =
        `${ruleWhy(s, chosen, scores[s]![runner])}; ${gates}the take model scored ${names[chosen]} ` +
        `${gain(chosen, runner)} over it${overturned}`;
    else {
      const mine = groupContributions(parts[chosen]!);
      const theirs = groupContributions(parts[runner]!);
      const top = [...mine]
        .map(([k, c]) => ({ k, d: c - theirs.get(k)! }))
        .filter((g) => g.d > 0)
        .sort((a, b) => b.d - a.d)
        .slice(0, 2);
      why =
        `${gates}the take model scored ${names[chosen]} ${gain(chosen, runner)} over ` +
        `${names[runner]}, most on ${top.map((g) => `${g.k} (${g.d.toFixed(2)})`).join(', ')}${overturned}`;
    }
    return { ...r, chosen, runnerUp: runner, why, keptForContinuity: false, model: decision };
  });
}
