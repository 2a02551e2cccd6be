/**
 * Assembly (issue 15 step 3): gain matching on the takes' voiced loudness (bounded), seams at the
 * lowest-energy point within ±searchSeconds of each boundary where the take changes — inside a
 * stretch where neither take has voice whenever one exists there, the crossfade then no longer
 * than that stretch — and the streaming assembler: equal-power crossfades (cos/sin) at the seams,
 * and everywhere else the chosen take sample for sample times its gain. Pure.
 */
import { COMP_ASSEMBLY_PARAMETERS } from './params.js';
import type { Section } from './measures.js';
import type { TakeFeatures } from './features.js';
import { median } from '../order.js';

export interface GainMatch {
  /** The common voiced loudness aimed at (median of the takes), LUFS; null when all are silent. */
  targetLufs: number | null;
  gainsDb: number[];
  /** The take wanted more than maxGainDb and got the bound. */
  bounded: boolean[];
}

export function matchGains(loudness: (number | null)[], maxDb = COMP_ASSEMBLY_PARAMETERS.maxGainDb.value): GainMatch {
  const target = median(loudness.filter((x): x is number => x !== null)) ?? null;
  const gainsDb: number[] = [];
  const bounded: boolean[] = [];
  for (const l of loudness) {
    const want = l === null || target === null ? 0 : target - l;
    const g = Math.max(-maxDb, Math.min(maxDb, want));
    gainsDb.push(g);
    bounded.push(g !== want);
  }
  return { targetLufs: target, gainsDb, bounded };
}

export interface Seam {
  /** Index of the section after the seam. */
  section: number;
  from: number;
  to: number;
  /** The nominal boundary, s. */
  boundarySeconds: number;
  /** First sample of the crossfade and its length in samples. */
  startFrame: number;
  lengthFrames: number;
  /** The crossfade lies where neither take has voice. */
  inGap: boolean;
  /** Mean energy of the two takes (after gain) over the crossfade, dBFS. */
  energyDbfs: number;
}

export interface SeamInput {
  sections: Section[];
  chosen: number[];
  takes: TakeFeatures[];
  gains: number[];
  /** Per take, per frame: voice present. */
  activity: Uint8Array[];
  /** Per take, per fine tick: voice present (finds rests shorter than a frame); else `activity` is used. */
  fineActivity?: Uint8Array[];
  totalFrames: number;
  crossfadeMs?: number;
}

/** Where each take change is crossfaded. */
export function placeSeams(o: SeamInput): Seam[] {
  const t0 = o.takes[0]!;
  const fs = t0.sampleRate;
  const fineHop = t0.fineHop;
  const hop = t0.hop;
  const lDef = Math.max(1, Math.round(((o.crossfadeMs ?? COMP_ASSEMBLY_PARAMETERS.crossfadeMs.value) / 1000) * fs));
  const lMin = Math.min(lDef, Math.max(1, Math.round((COMP_ASSEMBLY_PARAMETERS.minCrossfadeMs.value / 1000) * fs)));
  const search = COMP_ASSEMBLY_PARAMETERS.searchSeconds.value;
  const ticks = Math.ceil(o.totalFrames / fineHop);
  const seams: Seam[] = [];
  let floorFrame = 0; // a seam starts after the previous one ended
  for (let s = 1; s < o.sections.length; s++) {
    const a = o.chosen[s - 1]!;
    const b = o.chosen[s]!;
    const prev = o.sections[s - 1]!;
    const next = o.sections[s]!;
    const boundary =
      prev.endSeconds < next.startSeconds ? (prev.endSeconds + next.startSeconds) / 2 : next.startSeconds;
    if (a === b) continue;
    // the search window, in ticks, kept inside the two sections and after the last seam
    const lo = Math.max(
      Math.ceil(floorFrame / fineHop),
      Math.floor(Math.max(prev.startSeconds, Math.min(prev.endSeconds, boundary) - search) * (fs / fineHop)),
      0,
    );
    const hi = Math.min(
      Math.floor(Math.min(next.endSeconds, Math.max(next.startSeconds, boundary) + search) * (fs / fineHop)),
      ticks,
    );
    const fa = o.takes[a]!,
      fb = o.takes[b]!;
    const ga = o.gains[a]! ** 2,
      gb = o.gains[b]! ** 2;
    const energy = (k: number) =>
      (k < fa.fine.length ? fa.fine[k]! * ga : 0) + (k < fb.fine.length ? fb.fine[k]! * gb : 0);
    const fineA = o.fineActivity?.[a],
      fineB = o.fineActivity?.[b];
    const voiced = (k: number) => {
      if (fineA && fineB) return (k < fineA.length && fineA[k] === 1) || (k < fineB.length && fineB[k] === 1);
      const i = Math.floor((k * fineHop) / hop);
      return (
        (i < o.activity[a]!.length && o.activity[a]![i] === 1) || (i < o.activity[b]!.length && o.activity[b]![i] === 1)
      );
    };
    // prefix sums over the window
    const n = Math.max(0, hi - lo);
    const pre = new Float64Array(n + 1);
    for (let k = 0; k < n; k++) pre[k + 1] = pre[k]! + energy(lo + k);
    const mean = (from: number, len: number) => (pre[from + len]! - pre[from]!) / Math.max(1, len);
    let best: { start: number; len: number; e: number; gap: boolean } | undefined;
    const better = (c: { start: number; len: number; e: number; gap: boolean }) => {
      if (!best) return true;
      if (c.gap !== best.gap) return c.gap;
      if (c.gap && c.len !== best.len) return c.len > best.len; // the longest fade the gap allows
      const centre = (x: { start: number; len: number }) =>
        Math.abs((lo + x.start + x.len / 2) * fineHop - boundary * fs);
      if (Math.abs(c.e - best.e) > 1e-15 + 1e-6 * best.e) return c.e < best.e;
      return centre(c) < centre(best);
    };
    // gap runs (no voice in either take)
    let k = 0;
    while (k < n) {
      if (voiced(lo + k)) {
        k++;
        continue;
      }
      let j = k;
      while (j < n && !voiced(lo + j)) j++;
      const runTicks = j - k;
      const lenFrames = Math.min(lDef, runTicks * fineHop);
      if (lenFrames >= lMin) {
        const lenTicks = Math.max(1, Math.ceil(lenFrames / fineHop));
        for (let st = k; st + lenTicks <= j; st++) {
          const c = { start: st, len: lenTicks, e: mean(st, lenTicks), gap: true };
          if (better(c)) best = c;
        }
      }
      k = j;
    }
    if (!best) {
      const lenTicks = Math.max(1, Math.ceil(lDef / fineHop));
      for (let st = 0; st + lenTicks <= n; st++) {
        const c = { start: st, len: lenTicks, e: mean(st, lenTicks), gap: false };
        if (better(c)) best = c;
      }
    }
    let startFrame: number;
    let lengthFrames: number;
    let e: number;
    let gap: boolean;
    if (best) {
      lengthFrames = best.gap ? Math.min(lDef, best.len * fineHop) : lDef;
      const centre = (lo + best.start) * fineHop + (best.len * fineHop) / 2;
      startFrame = Math.round(centre - lengthFrames / 2);
      e = best.e;
      gap = best.gap;
    } else {
      lengthFrames = lMin;
      startFrame = Math.round(boundary * fs - lMin / 2);
      e = energy(Math.floor(boundary * (fs / fineHop)));
      gap = false;
    }
    startFrame = Math.max(floorFrame, Math.min(o.totalFrames - lengthFrames, startFrame));
    if (startFrame < 0 || lengthFrames <= 0) continue;
    floorFrame = startFrame + lengthFrames;
    seams.push({
      section: s,
      from: a,
      to: b,
      boundarySeconds: boundary,
      startFrame,
      lengthFrames,
      inGap: gap,
      energyDbfs: e > 0 ? 10 * Math.log10(e) : -200,
    });
  }
  return seams;
}

/**
 * Streams the comp: feed each take's planar block for the same stretch of the timeline, get the
 * comp's block. Outside crossfades the output is gain × the owning take, sample for sample.
 */
export class CompAssembler {
  private readonly owners: { until: number; take: number }[] = [];

  constructor(
    private readonly plan: {
      channels: number;
      /** Take of the first section (owns the timeline before the first seam). */
      firstTake: number;
      seams: Seam[];
      gains: number[];
    },
  ) {
    let take = plan.firstTake;
    for (const s of plan.seams) {
      this.owners.push({ until: s.startFrame, take });
      take = s.to;
    }
    this.owners.push({ until: Infinity, take });
  }

  /** Which takes are needed for frames [from, from + n). */
  takesFor(from: number, n: number): Set<number> {
    const need = new Set<number>();
    let prevUntil = 0;
    for (const [i, o] of this.owners.entries()) {
      const start = i === 0 ? 0 : prevUntil;
      if (o.until > from && start < from + n) need.add(o.take);
      prevUntil = o.until;
    }
    for (const s of this.plan.seams)
      if (s.startFrame < from + n && s.startFrame + s.lengthFrames > from) {
        need.add(s.from);
        need.add(s.to);
      }
    return need;
  }

  /** `blocks[take]`: planar samples of frames [from, from + n) (absent for takes not needed). */
  process(from: number, n: number, blocks: (Float32Array[] | undefined)[]): Float32Array[] {
    const ch = this.plan.channels;
    const out = Array.from({ length: ch }, () => new Float32Array(n));
    const g = this.plan.gains;
    const sample = (take: number, c: number, i: number) => {
      const b = blocks[take]!;
      return b[Math.min(c, b.length - 1)]![i]!;
    };
    // plain stretches
    let start = 0;
    for (const o of this.owners) {
      const a = Math.max(from, start);
      const z = Math.min(from + n, o.until);
      if (z > a) {
        const gain = g[o.take]!;
        for (let c = 0; c < ch; c++) {
          const dst = out[c]!;
          for (let t = a; t < z; t++) dst[t - from] = gain * sample(o.take, c, t - from);
        }
      }
      start = o.until;
    }
    // crossfades (over the start of the next owner's stretch)
    for (const s of this.plan.seams) {
      const a = Math.max(from, s.startFrame);
      const z = Math.min(from + n, s.startFrame + s.lengthFrames);
      if (z <= a) continue;
      const ga = g[s.from]!,
        gb = g[s.to]!;
      for (let t = a; t < z; t++) {
        const x = (t - s.startFrame + 0.5) / s.lengthFrames;
        const wOut = Math.cos((Math.PI / 2) * x) * ga;
        const wIn = Math.sin((Math.PI / 2) * x) * gb;
        for (let c = 0; c < ch; c++)
          out[c]![t - from] = wOut * sample(s.from, c, t - from) + wIn * sample(s.to, c, t - from);
      }
    }
    return out;
  }
}
