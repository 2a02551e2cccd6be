/**
 * Sections on a tempo grid (`--bars N --bpm X`) and automatic phrase sections (`--auto`): a
 * boundary in the middle of every stretch of at least minSilenceSeconds where most takes have no
 * voice (or, when a stretch between two boundaries runs past twice the longest section wanted, at
 * the quietest point of the takes' median energy); sections shorter than minSectionSeconds are
 * merged into the one before. Pure.
 */
import { COMP_SECTION_PARAMETERS } from './params.js';
import type { Section } from './measures.js';

export function barSections(bars: number, bpm: number, totalSeconds: number, beatsPerBar?: number): Section[] {
  const perBar = beatsPerBar ?? COMP_SECTION_PARAMETERS.beatsPerBar.value;
  const len = (bars * perBar * 60) / bpm;
  const out: Section[] = [];
  for (let k = 0; k * len < totalSeconds - 1e-9; k++) {
    const first = k * bars + 1;
    out.push({
      name: bars === 1 ? `Bar ${first}` : `Bars ${first}–${first + bars - 1}`,
      startSeconds: k * len,
      endSeconds: Math.min(totalSeconds, (k + 1) * len),
    });
  }
  return out;
}

export interface AutoSections {
  sections: Section[];
  /** Each boundary, s, with the silent stretch it sits in. */
  boundaries: { atSeconds: number; fromSeconds: number; toSeconds: number }[];
}

/** `activity[take][frame]`; frames of `hopSeconds`; the timeline is `totalSeconds` long. */
export function autoSections(activity: Uint8Array[], hopSeconds: number, totalSeconds: number): AutoSections {
  const n = Math.ceil(totalSeconds / hopSeconds);
  const minRun = Math.max(1, Math.round(COMP_SECTION_PARAMETERS.minSilenceSeconds.value / hopSeconds));
  const need = activity.length / 2;
  const quiet = (i: number) => {
    let c = 0;
    for (const a of activity) if (i < a.length && a[i]) c++;
    return c < need || (activity.length === 1 && c === 0);
  };
  const boundaries: AutoSections['boundaries'] = [];
  let i = 0;
  let voiceSeen = false;
  while (i < n) {
    if (!quiet(i)) {
      voiceSeen = true;
      i++;
      continue;
    }
    let j = i;
    while (j < n && quiet(j)) j++;
    // a stretch [i, j): a boundary when it lies between phrases (voice before and after)
    if (j - i >= minRun && voiceSeen && j < n) {
      const at = ((i + j) / 2) * hopSeconds;
      boundaries.push({ atSeconds: at, fromSeconds: i * hopSeconds, toSeconds: j * hopSeconds });
    }
    i = j;
  }
  // sections between boundaries; too short ones merged into the previous
  const minLen = COMP_SECTION_PARAMETERS.minSectionSeconds.value;
  const cuts = [0, ...boundaries.map((b) => b.atSeconds), totalSeconds];
  const kept: number[] = [0];
  for (let k = 1; k < cuts.length - 1; k++) if (cuts[k]! - kept[kept.length - 1]! >= minLen) kept.push(cuts[k]!);
  if (kept.length > 1 && totalSeconds - kept[kept.length - 1]! < minLen) kept.pop();
  kept.push(totalSeconds);
  const sections = kept.slice(0, -1).map((s, k) => ({
    name: `Phrase ${k + 1}`,
    startSeconds: s,
    endSeconds: kept[k + 1]!,
  }));
  return { sections, boundaries: boundaries.filter((b) => kept.includes(b.atSeconds)) };
}
