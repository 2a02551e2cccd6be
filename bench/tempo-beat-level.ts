/**
 * Rule A's truth for every tempo set with a groove table (h-tempo72, issue 12): each song's (and its drum stem's)
 * groove bar read from its set's own drum writer (tempoNDrumBar over eight bars, fills off), meter and comp, and
 * fixtures/tempotruth.ts beatLevelFactor applied to its written tempo. The sets without a groove table here (tempo21–24
 * and the older held-out sets) keep the half-time convention (tappedTruth).
 * bench/tempo-learn.ts --rule-a-moves counts, per set and groove, the dumped files rule A moves.
 */
import type { TruthFile } from '../fixtures/groundtruth.js';
import { prng } from '../fixtures/drumloops.js';
import { beatLevelFactor, scaledTruth, tappedTruth, type BeatBar } from '../fixtures/tempotruth.js';
import { PLAIN_GROOVES } from '../fixtures/tempoplain.js';

/** The drums rule A reads as the backbeat (the sets' names; the GM keys of the plain grooves). */
const BACKBEAT_DRUM = /^(snare|dark|clap|rim|stick)$/;
const BACKBEAT_KEYS = new Set([37, 38, 39, 40]);

/** A file's groove bar and written tempo (its song's spec). */
export interface GrooveOfFile {
  set: string;
  groove: string;
  written: number;
  bar: BeatBar;
}

type AnyHit = [number, string, number];
type Spec = { name: string; groove: string; bpm: number; beatsPerBar?: number; compound?: boolean; dance?: string };
type Meta = { beats?: number; compound?: boolean; comp?: { chords: number[] } };

const byName = new Map<string, GrooveOfFile>();
const loaded = new Set<string>();

/** The song name a file of a set is written under (drum stems `-drums`, the plain variants ` (no …)`). */
export const songNameOf = (name: string) => name.replace(/ \(no [^)]*\)$/, '').replace(/-drums$/, '');

/** Reads set `n`'s groove table (tempo25 on; `plain`): every song's groove bar. */
export async function loadGrooveBars(n: string): Promise<void> {
  if (loaded.has(n)) return;
  loaded.add(n);
  // the sets whose groove tables were read for rule A (tempo25 on); the older sets keep the half-time convention
  if (n === 'plain' || !(Number(n) >= 25)) return;
  const mod = (await import(`../fixtures/tempo${n}.js`).catch(() => ({}))) as Record<string, unknown>;
  const specsOf = mod[`tempo${n}SongSpecs`] as (() => Spec[]) | undefined;
  const drumBar = mod[`tempo${n}DrumBar`] as ((...a: unknown[]) => AnyHit[]) | undefined;
  if (!specsOf || !drumBar) return;
  const table = (mod[`TEMPO${n}_GROOVES`] ?? mod[`TEMPO${n}_DANCES`] ?? {}) as Record<string, Meta>;
  const ticks = (mod[`TEMPO${n}_TICKS`] as number | undefined) ?? 12;
  const bars = new Map<string, BeatBar>();
  for (const spec of specsOf()) {
    const meta = table[spec.groove] ?? table[spec.dance ?? ''] ?? {};
    const beats = spec.beatsPerBar ?? meta.beats ?? 4;
    const compound = spec.compound ?? meta.compound ?? false;
    const key = `${spec.groove}/${beats}/${compound}`;
    if (!bars.has(key)) {
      const r = prng(72000);
      const args = drumBar.length >= 4 ? [false, false, r] : drumBar.length === 3 ? [false, r] : [false];
      const hits = Array.from({ length: 8 }, () => drumBar(spec.groove, ...args)).flat();
      bars.set(key, {
        ticksPerBeat: ticks,
        beats,
        compound,
        backbeat: hits.filter(([, d]) => BACKBEAT_DRUM.test(d)).map(([t, , v]) => [t, v]),
        chords: meta.comp?.chords,
        drumless: hits.length === 0,
      });
    }
    byName.set(spec.name, { set: n, groove: spec.groove, written: spec.bpm, bar: bars.get(key)! });
  }
}

/** A plain groove's bar (fixtures/tempoplain.ts: eighths of a 4/4 bar, GM keys). */
function plainGroove(name: string): GrooveOfFile | undefined {
  const m = /^tempoplain-([\d.]+)-([a-z0-9]+)-/.exec(name);
  const g = m && PLAIN_GROOVES[m[2]!];
  if (!g) return undefined;
  const backbeat = g.bar.filter(([, key]) => BACKBEAT_KEYS.has(key)).map(([t, , v]): [number, number] => [t, v]);
  return {
    set: 'plain',
    groove: m[2]!,
    written: Number(m[1]),
    bar: { ticksPerBeat: 2, beats: 4, compound: false, backbeat },
  };
}

/** The groove of a file (by name), if its set's table is loaded. */
export function grooveOfFile(name: string): GrooveOfFile | undefined {
  const song = songNameOf(name);
  return song.startsWith('tempoplain-') ? plainGroove(song) : byName.get(song);
}

/** The set a file name belongs to (`tempo41-…` → 41; `tempoplain-…` → plain). */
export const setOfName = (name: string) => /^tempo(\d+|plain)-/.exec(name)?.[1];

/**
 * Rule A's factor for a file whose truth was written under the half-time convention (tappedTruth): the tapped tempo
 * over the convention's, or undefined when its groove is unknown. `conventionBpm` tells whether the convention
 * halved it (nearer half the written tempo than the written tempo).
 */
export function ruleAOverConvention(name: string, conventionBpm: number): number | undefined {
  const g = grooveOfFile(name);
  if (!g) return undefined;
  const halved = Math.abs(conventionBpm - g.written / 2) < Math.abs(conventionBpm - g.written);
  return beatLevelFactor(g.bar, g.written) / (halved ? 0.5 : 1);
}

/** A file's truth under rule A (its groove's bar), or under the half-time convention where no bar is known. */
export function ruleATruth(written: TruthFile): TruthFile {
  const g = grooveOfFile(written.name);
  return g ? scaledTruth(written, beatLevelFactor(g.bar, g.written)) : tappedTruth(written);
}

/** Loads every set whose files are named in `names` (their groove tables). */
export async function loadGrooveBarsFor(names: Iterable<string>): Promise<void> {
  for (const s of new Set([...names].map(setOfName))) if (s) await loadGrooveBars(s);
}
