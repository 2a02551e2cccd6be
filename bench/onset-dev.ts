/**
 * Development sweep for the onset flux (not part of `npm run eval`): pooled F / offset on the tuning set (and,
 * with --held-out, the held-out set) for configurations given as JSON: [{ "native": {...}, "params": {...} }].
 *   node dist/bench/onset-dev.js '[{"params":{"fluxDeltaFraction":0.05}}]' [--held-out | --fresh | --all | --third]
 *   [--legacy]
 * `--all`: tuning + held-out + held-out 2 (the tuning material since h-onset4: both held-out sets' misses were
 * looked at); `--everything` adds held-out 3, `--tuning` held-out 3 and 4 (all tuning material since h-onset6);
 * `--fourth` / `--fifth` / `--sixth` / `--seventh` / `--eighth`: held-out 4 / 5 / 6 / 7 / 8 alone (8: only after its
 * one evaluation; `--ninth`, `--tenth`: held-out 9 / 10, the same); `--tuning-all`: `--tuning` plus held-out 5 and 6
 * (all tuning material since h-onset8). `--twenty-first`: held-out 21 (h-onset31); `--twenty-second`: held-out 22
 * (h-onset32); `--twenty-third`: held-out 23 (h-onset32); `--twenty-fourth`: held-out 24 (h-onset34);
 * `--twenty-fifth`: held-out 25 (h-onset35); `--twenty-sixth`: held-out 26 (h-oset38); `--twenty-seventh`: held-out
 * 27 (h-oset41); `--twenty-eighth`: held-out 28 (h-oset43); `--twenty-ninth`: held-out 29 (h-oset44); `--thirtieth`:
 * held-out 30 (h-oset46); `--thirty-first`: held-out 31 (h-oset48); `--thirty-second`: held-out 32 (h-oset53);
 * `--thirty-third`: held-out 33 (h-oset55); `--thirty-fourth`: held-out 34 (h-oset56); `--thirty-fifth`: held-out
 * 35 (h-oset58); `--thirty-sixth`: held-out 36 (h-oset59); `--thirty-seventh`: held-out 37 (h-oset62);
 * `--thirty-eighth`: held-out 38 (h-oset63: full songs, fixtures/songonsets38.ts; groups: the lead styles);
 * `--thirty-ninth`: held-out 39 (h-oset64: full songs, fluidsynth note by note, fixtures/songonsets39.ts; groups: the
 * lead styles); `--fortieth`: held-out 40 (h-oset65: full songs, a synthesis of its own, fixtures/songonsets40.ts;
 * groups: the lead styles); `--forty-first`: held-out 41 (h-oset66: full songs, freepats through TiMidity++ note by
 * note, fixtures/songonsets41.ts; groups: the lead styles); `--forty-second`: held-out 42 (h-oset81: drum stems
 * again, ONSET_HELD_OUT_KITS_42; groups: the players); `--forty-third`: held-out 43 (h-oset83: drum stems,
 * ONSET_HELD_OUT_KITS_43; groups: the players); `--forty-fourth`: held-out 44 (h-oset85: drum stems,
 * ONSET_HELD_OUT_KITS_44; groups: the players); `--forty-fifth`: held-out 45 (h-oset86: drum stems,
 * ONSET_HELD_OUT_KITS_45; groups: the players); `--forty-sixth`: held-out 46 (h-oset87: drum stems,
 * ONSET_HELD_OUT_KITS_46; groups: the players); `--forty-seventh`: held-out 47 (h-oset89: drum stems,
 * ONSET_HELD_OUT_KITS_47; groups: the players); `--forty-eighth`: held-out 48 (h-oset90: drum stems,
 * ONSET_HELD_OUT_KITS_48; groups: the players); `--forty-ninth`: held-out 49 (h-oset92: drum stems,
 * ONSET_HELD_OUT_KITS_49; groups: the players); `--fiftieth`: held-out 50 (h-osong95: full songs, lmms-common's
 * one-shots through a sampler, fixtures/songonsets50.ts; groups: the lead styles); `--fifty-first`: held-out 51
 * (h-oset96: drum stems, ONSET_HELD_OUT_KITS_51; groups: the players); `--fifty-second`: held-out 52
 * (h-osong96: full songs, Sonic Pi's recordings through a sampler, fixtures/songonsets52.ts; groups: the lead styles;
 * a flag of its own, not an ordinal, so that held-out 51's ordinal can sit beside it; its ordinal is in the list
 * only so that 53's is the 53rd: read before any ordinal); `--fifty-third`: held-out 53 (h-oset98: drum stems,
 * ONSET_HELD_OUT_KITS_53; groups: the players); `--fifty-fourth`: held-out 54
 * (h-osong98: full songs, physical models — a struck string, a reed on a bore —, fixtures/songonsets54.ts; groups:
 * the lead styles; a flag of its own, as 52's; its ordinal is in the list only so that 55's is the 55th);
 * `--fifty-fifth`: held-out 55 (h-oset99: drum stems, ONSET_HELD_OUT_KITS_55; groups: the players); `--fifty-sixth`:
 * held-out 56 (h-osong99: full songs, a bowed string and an analog subtractive synth, fixtures/songonsets56.ts;
 * groups: the lead styles; a flag of its own, its items read from the renders' truth, no items cache; its ordinal
 * is in the list only so that 57's is the 57th); `--fifty-seventh`: held-out 57 (h-oset100: drum stems,
 * ONSET_HELD_OUT_KITS_57; groups: the players);
 * `--roll-tune`: h-onset40's roll tuning set (held-out 25's kits playing held-out 26's roll players, seeds 40400 + i).
 * `--gain-db N`: every file scaled by N dB before the features (h-gain54: a file's gain should change no onset).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedMono, groundTruthSet } from '../fixtures/groundtruth.js';
import { heldOutDrumSet } from '../fixtures/drumtruth.js';
import { onsetHeldOut38Songs } from '../fixtures/songonsets38.js';
import { onsetHeldOut39Songs } from '../fixtures/songonsets39.js';
import { onsetHeldOut40Songs } from '../fixtures/songonsets40.js';
import { onsetHeldOut41Songs } from '../fixtures/songonsets41.js';
import { onsetHeldOut50Songs } from '../fixtures/songonsets50.js';
import { onsetHeldOut52Songs } from '../fixtures/songonsets52.js';
import { onsetHeldOut54Songs } from '../fixtures/songonsets54.js';
import { onsetHeldOut56Songs } from '../fixtures/songonsets56.js';
import { fMeasure, matchEvents, type MatchResult } from './metrics.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import * as ownEngine from '../src/engines/onsets/index.js';
import { onsetFluxOptions, stftLayout } from '../src/engines/analysis/params.js';
import type { FeatureReport } from '../src/native.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const RATE = 44100;
/** The decoded audio per file (ONSET_AUDIO_CACHE: a helper's own directory, so a shared cache stays read-only). */
const CACHE = process.env.ONSET_AUDIO_CACHE ?? '/tmp/onset2-cache';
/** Features per file and native configuration (ONSET_FEATURES: another directory after a native change). */
const FEATURE_CACHE = process.env.ONSET_FEATURES ?? '/tmp/onset4-features';
/** Item lists (truth) written by an earlier run (the rendered files may be gone: the audio cache has them). */
const ITEMS_DIRS = [FEATURE_CACHE, '/tmp/onset4-features', '/tmp/onset3-features'];
const ALL = process.argv.includes('--all');
/**
 * The numbered held-out sets (`--third` … `--fifteenth`: ONSET_HELD_OUT_KITS_3 … _15), each after its one evaluation
 * for before/after and ±10 % only (held-out 3 since h-onset5 and held-out 4 since h-onset6 are tuning material: their
 * misses were looked at). NUMBERED: the highest asked for, 0 for none.
 */
const ORDINALS = [
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
  'twenty-second',
  'twenty-third',
  'twenty-fourth',
  'twenty-fifth',
  'twenty-sixth',
  'twenty-seventh',
  'twenty-eighth',
  'twenty-ninth',
  'thirtieth',
  'thirty-first',
  'thirty-second',
  'thirty-third',
  'thirty-fourth',
  'thirty-fifth',
  'thirty-sixth',
  'thirty-seventh',
  'thirty-eighth',
  'thirty-ninth',
  'fortieth',
  'forty-first',
  'forty-second',
  'forty-third',
  'forty-fourth',
  'forty-fifth',
  'forty-sixth',
  'forty-seventh',
  'forty-eighth',
  'forty-ninth',
  'fiftieth',
  'fifty-first',
  'fifty-second',
  'fifty-third',
  'fifty-fourth',
  'fifty-fifth',
  'fifty-sixth',
  'fifty-seventh',
] as const;
const NUMBERED = ORDINALS.reduce((n, o, i) => (process.argv.includes(`--${o}`) ? i + 3 : n), 0);
/** `--fifty-second`: held-out 52 (fixtures/songonsets52.ts: full songs; read before any ordinal). */
const FIFTY_SECOND = process.argv.includes('--fifty-second');
/** `--fifty-fourth`: held-out 54 (fixtures/songonsets54.ts: full songs; read before any ordinal). */
const FIFTY_FOURTH = process.argv.includes('--fifty-fourth');
/** `--fifty-sixth`: held-out 56 (fixtures/songonsets56.ts: full songs; read before any ordinal, never cached). */
const FIFTY_SIXTH = process.argv.includes('--fifty-sixth');
/** `--roll-tune`: h-onset40's roll tuning set (onsetRollTune40DrumSpecs: held-out 25's kits, 26's roll players). */
const ROLL_TUNE = process.argv.includes('--roll-tune');
/** `--tuning-12`: `--tuning-all` plus held-out 7–12 (all tuning material since h-onset17: 556 files). */
const TUNING_12 = ['--tuning-12', '--tuning-13', '--tuning-14', '--tuning-15'].some((a) => process.argv.includes(a));
/** `--tuning-13`: `--tuning-12` plus held-out 13 (all tuning material since h-onset19: 600 files). */
const TUNING_13 = ['--tuning-13', '--tuning-14', '--tuning-15'].some((a) => process.argv.includes(a));
/** `--tuning-14`: `--tuning-13` plus held-out 14 (all tuning material since h-onset22: 639 files). */
const TUNING_14 = process.argv.includes('--tuning-14') || process.argv.includes('--tuning-15');
/** `--tuning-15`: `--tuning-14` plus held-out 15 (all tuning material since h-onset24: 675 files). */
const TUNING_15 = process.argv.includes('--tuning-15');
const HELD = process.argv.includes('--held-out') || process.argv.includes('--fresh');
/** The second held-out set (FRESH_HELD_OUT_KITS): for before/after comparisons only, never to choose. */
const FRESH = process.argv.includes('--fresh');
const LEGACY = process.argv.includes('--legacy');
/** `--gain-db N`: the files' gain, dB (0: as rendered; other gains are cached under their own keys). */
const GAIN_DB = process.argv.includes('--gain-db') ? Number(process.argv[process.argv.indexOf('--gain-db') + 1]) : 0;
if (!Number.isFinite(GAIN_DB)) throw new Error('--gain-db needs a number of dB');
const VERBOSE = process.argv.includes('--verbose');
/** ONSET_ENGINE: another build's onsets module (main's dist: the code before a change) on the same features. */
const { detectOnsets, onsetDefaults, onsetInput } = (
  process.env.ONSET_ENGINE ? await import(process.env.ONSET_ENGINE) : ownEngine
) as typeof ownEngine;
const configs: { native?: Record<string, number>; params?: Record<string, number> }[] = JSON.parse(
  process.argv.find((a) => a.startsWith('['))! ?? '[{}]',
);

/** One file of the onset items (ITEMS_CACHE / the items files; bench/onset-learn.ts reads them too). */
export interface It {
  file: string;
  name: string;
  truth: number[];
  group: string;
}
const items: It[] = [];
const itemsFile = (name: string) =>
  ITEMS_DIRS.map((d) => path.join(d, name)).find((f) => existsSync(f)) ?? path.join(FEATURE_CACHE, name);
const ITEMS_CACHE = itemsFile(
  FIFTY_FOURTH
    ? 'items-fifty-fourth.json'
    : FIFTY_SECOND
      ? 'items-fifty-second.json'
      : ROLL_TUNE
        ? 'items-roll-tune.json'
        : NUMBERED
          ? `items-${ORDINALS[NUMBERED - 3]}.json`
          : FRESH
            ? 'items-fresh.json'
            : HELD
              ? 'items-held.json'
              : 'items-tuning.json',
);
/** `--everything`: --all plus held-out 3 (tuning material since h-onset5: its misses were looked at). */
const EVERYTHING = process.argv.includes('--everything');
/** `--tuning`: --everything plus held-out 4 (all tuning material since h-onset6: 225 files). */
const TUNING = process.argv.includes('--tuning') || process.argv.includes('--tuning-all') || TUNING_12;
/** `--tuning-all`: --tuning plus held-out 5 and 6 (all tuning material since h-onset8: 311 files). */
const TUNING_ALL = process.argv.includes('--tuning-all') || TUNING_12;
if (ALL || EVERYTHING || TUNING)
  for (const f of [
    'items-tuning.json',
    'items-held.json',
    'items-fresh.json',
    ...(EVERYTHING || TUNING ? ['items-third.json'] : []),
    ...(TUNING ? ['items-fourth.json'] : []),
    ...(TUNING_ALL ? ['items-fifth.json', 'items-sixth.json'] : []),
    ...(TUNING_12 ? ['seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'].map((n) => `items-${n}.json`) : []),
    ...(TUNING_13 ? ['items-thirteenth.json'] : []),
    ...(TUNING_14 ? ['items-fourteenth.json'] : []),
    ...(TUNING_15 ? ['items-fifteenth.json'] : []),
  ])
    items.push(...(JSON.parse(readFileSync(itemsFile(f), 'utf8')) as It[]));
else if (FIFTY_SIXTH) {
  mkdirSync(path.join(OUT, 'songs-held-out-56'), { recursive: true });
  for (const t of onsetHeldOut56Songs(path.join(OUT, 'songs-held-out-56')))
    items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
} else if (existsSync(ITEMS_CACHE)) items.push(...(JSON.parse(readFileSync(ITEMS_CACHE, 'utf8')) as It[]));
else {
  if (FIFTY_FOURTH) {
    mkdirSync(path.join(OUT, 'songs-held-out-54'), { recursive: true });
    for (const t of onsetHeldOut54Songs(path.join(OUT, 'songs-held-out-54')))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
  } else if (FIFTY_SECOND) {
    mkdirSync(path.join(OUT, 'songs-held-out-52'), { recursive: true });
    for (const t of onsetHeldOut52Songs(path.join(OUT, 'songs-held-out-52')))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
  } else if (ROLL_TUNE) {
    const dir = path.join(OUT, 'drums-roll-tune-40');
    mkdirSync(dir, { recursive: true });
    for (const t of heldOutDrumSet(dir, { set: 'onset-roll-tune-40' }).files)
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.pattern });
  } else if (NUMBERED === 50) {
    mkdirSync(path.join(OUT, 'songs-held-out-50'), { recursive: true });
    for (const t of onsetHeldOut50Songs(path.join(OUT, 'songs-held-out-50')))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
  } else if (NUMBERED === 41) {
    mkdirSync(path.join(OUT, 'songs-held-out-41'), { recursive: true });
    for (const t of onsetHeldOut41Songs(path.join(OUT, 'songs-held-out-41')))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
  } else if (NUMBERED === 40) {
    mkdirSync(path.join(OUT, 'songs-held-out-40'), { recursive: true });
    for (const t of onsetHeldOut40Songs(path.join(OUT, 'songs-held-out-40')))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
  } else if (NUMBERED === 39) {
    mkdirSync(path.join(OUT, 'songs-held-out-39'), { recursive: true });
    for (const t of onsetHeldOut39Songs(path.join(OUT, 'songs-held-out-39')))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
  } else if (NUMBERED === 38) {
    mkdirSync(path.join(OUT, 'songs-held-out-38'), { recursive: true });
    for (const t of onsetHeldOut38Songs(path.join(OUT, 'songs-held-out-38')))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.song.lead.style });
  } else if (NUMBERED >= 3) {
    const set = `onset-held-out-${NUMBERED}` as NonNullable<Parameters<typeof heldOutDrumSet>[1]>['set'];
    const dir = path.join(OUT, `drums-held-out-${NUMBERED}`);
    mkdirSync(dir, { recursive: true });
    for (const t of heldOutDrumSet(dir, { set }).files)
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.pattern });
  } else if (!HELD) {
    for (const t of groundTruthSet(path.join(OUT, 'truth')).filter((t) => t.onsets && t.kind !== 'song'))
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.kind === 'loop' ? 'loop' : t.kind });
    for (const t of heldOutDrumSet(path.join(OUT, 'drums-tuning'), { tuning: true }).files)
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.pattern });
  } else if (FRESH) {
    for (const t of heldOutDrumSet(path.join(OUT, 'drums-held-out-2'), { fresh: true }).files)
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.pattern });
  } else {
    for (const t of heldOutDrumSet(path.join(OUT, 'drums-held-out')).files)
      items.push({ file: t.file, name: t.name, truth: t.onsets!, group: t.pattern });
  }
  mkdirSync(FEATURE_CACHE, { recursive: true });
  writeFileSync(ITEMS_CACHE, JSON.stringify(items));
}
mkdirSync(CACHE, { recursive: true });

const audio = (file: string) => cachedMono(file, RATE, CACHE, true);

const reports = new Map<string, FeatureReport[]>();
/** The fields detectOnsets reads, cached on disk per file and native configuration (`--no-cache`: extract). */
function cachedReport(file: string, native: Record<string, number>): FeatureReport {
  const gain = GAIN_DB === 0 ? '' : `.gain${GAIN_DB}`;
  const config = LEGACY ? 'legacy' : JSON.stringify(native).replace(/[^\w.-]/g, '_');
  const key = `${path.basename(file)}${gain}.${config}.json`;
  const c = path.join(FEATURE_CACHE, key);
  if (!process.argv.includes('--no-cache') && existsSync(c)) {
    const j = JSON.parse(readFileSync(c, 'utf8'));
    const be = c.replace(/\.json$/, '.energy.f32');
    const eb = existsSync(be) ? readFileSync(be) : undefined;
    return {
      ...j,
      onsetBandEnergy: eb ? new Float32Array(eb.buffer, eb.byteOffset, eb.length / 4) : new Float32Array(0),
      onsetBandEnergyBands: eb ? (j.onsetBandEnergyBands ?? 0) : 0,
      odf: Float32Array.from(j.odf),
      fineEnergy: Float32Array.from(j.fineEnergy),
      onsetFlux: Float32Array.from(j.onsetFlux),
      onsetBandNovelty: Float32Array.from(j.onsetBandNovelty ?? []),
      onsetBandNoveltyBands: j.onsetBandNoveltyBands ?? 0,
      onsetNoveltyCoherence: Float32Array.from(j.onsetNoveltyCoherence ?? []),
    } as FeatureReport;
  }
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: !LEGACY },
    {},
    LEGACY ? {} : onsetFluxOptions(RATE, native),
  );
  const g = 10 ** (GAIN_DB / 20);
  fx.addFloat(GAIN_DB === 0 ? audio(file) : audio(file).map((v) => v * g));
  const r = fx.finish();
  const keep = {
    odf: Array.from(r.odf),
    hopSeconds: r.hopSeconds,
    fineEnergy: Array.from(r.fineEnergy),
    tickSamples: r.tickSamples,
    onsetFlux: Array.from(r.onsetFlux ?? []),
    onsetFluxGroups: r.onsetFluxGroups,
    onsetBandNovelty: Array.from(r.onsetBandNovelty ?? []),
    onsetBandNoveltyBands: r.onsetBandNoveltyBands ?? 0,
    onsetNoveltyCoherence: Array.from(r.onsetNoveltyCoherence ?? []),
    onsetHopSeconds: r.onsetHopSeconds,
    onsetBandEnergyBands: r.onsetBandEnergyBands ?? 0,
  };
  mkdirSync(FEATURE_CACHE, { recursive: true });
  writeFileSync(c, JSON.stringify(keep));
  // the band energies beside it, as 32-bit floats (19 bands per frame: too large for JSON)
  if (r.onsetBandEnergy?.length)
    writeFileSync(
      c.replace(/\.json$/, '.energy.f32'),
      Buffer.from(r.onsetBandEnergy.buffer, r.onsetBandEnergy.byteOffset, r.onsetBandEnergy.byteLength),
    );
  return r;
}
function features(native: Record<string, number> = {}): FeatureReport[] {
  const key = JSON.stringify(native);
  if (!reports.has(key)) {
    reports.clear();
    reports.set(
      key,
      items.map((it) => cachedReport(it.file, native)),
    );
  }
  return reports.get(key)!;
}

/** ONSET_TIMES: a JSON file the last configuration's onset times are written to, by item name. */
const TIMES_FILE = process.env.ONSET_TIMES;
const times_: Record<string, number[]> = {};
for (const cfg of configs) {
  const ms: MatchResult[] = [];
  const byGroup = new Map<string, MatchResult[]>();
  const reps = features(cfg.native);
  for (const [k, it] of items.entries()) {
    const r = reps[k]!;
    const times = detectOnsets(onsetInput(r, RATE, stftLayout(RATE).windowSamples), {
      ...onsetDefaults(),
      ...(cfg.params ?? {}),
    }).times;
    const m = matchEvents(times, it.truth, 0.05);
    if (TIMES_FILE) times_[it.name] = Array.from(times);
    ms.push(m);
    byGroup.set(it.group, [...(byGroup.get(it.group) ?? []), m]);
    if (VERBOSE) {
      const f = fMeasure(m);
      const off = m.offsets.length ? (m.offsets.reduce((a, b) => a + b, 0) / m.offsets.length) * 1000 : NaN;
      console.log(`  ${it.name} F ${f.toFixed(3)} tp ${m.tp} fp ${m.fp} fn ${m.fn} off ${off.toFixed(2)}`);
    }
  }
  const pool = (xs: MatchResult[]) => {
    const t = xs.reduce((a, m) => ({ tp: a.tp + m.tp, fp: a.fp + m.fp, fn: a.fn + m.fn }), { tp: 0, fp: 0, fn: 0 });
    const offs = xs.flatMap((m) => m.offsets);
    const off = offs.length ? (offs.reduce((a, b) => a + b, 0) / offs.length) * 1000 : NaN;
    return `F ${fMeasure(t).toFixed(4)} P ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} R ${(
      t.tp / Math.max(1, t.tp + t.fn)
    ).toFixed(3)} off ${off.toFixed(2)}`;
  };
  const sum = (xs: MatchResult[]) =>
    xs.reduce((a, m) => ({ tp: a.tp + m.tp, fp: a.fp + m.fp, fn: a.fn + m.fn }), { tp: 0, fp: 0, fn: 0 });
  const groups = [...byGroup].map(([g, xs]) => `${g} ${fMeasure(sum(xs)).toFixed(3)}`);
  console.log(`${JSON.stringify(cfg)}: ${pool(ms)} | ${groups.join(', ')}`);
  // per kit (the file name less its pattern and tempo): matched-hit mean offset
  const byKit = new Map<string, number[]>();
  const kitMatches = new Map<string, MatchResult[]>();
  for (const [k, it] of items.entries()) {
    // the numbered sets' items are grouped by their player: the name ends in `-<player>-<bpm>`
    const own = new RegExp(`-${it.group}-\\d+$`);
    const legacy = new RegExp(
      '-(swing-hats|disco-open-hats|house-open-hats|ghost-notes|flams|brushes|rock-room|humanized-16ths|' +
        'jazz-sticks|shuffle|funk-16ths|metal-double-kick|blast-beat|one-drop|breakbeat-ride|two-step|' +
        'bossa-nova|train-beat|crash-accents|samba|march-cadence|gallop|afrobeat|trap-rolls|' +
        'linear-funk|tribal-toms|d-beat|songo|dembow|jungle|second-line|tom-fills|cascara|purdie-shuffle|' +
        'tom-ostinato|soca|bembe|baiao|motorik|steppers|boom-bap|kick-rolls|tom-surdo|motown|hat-32nds|' +
        'ghost-funk|whisper-hats|ghost-drag|sub-808-hats|brush-ballad|hat-32nds|ride-spang|ska|polka|' +
        'jazz-waltz|hat-solo|cumbia|ride-bell-8ths|footwork|ride-open-trade|crash-offbeats|bolero|fill-to-crash|' +
        'mozambique|halftime-ride-crash|surf-toms|paradiddle-toms|ride-bell-funk|twelve-eight-toms|' +
        'sixteenth-open-hats|choke-open-hats|pedal-open-hats|garage-open-hats)-\\d+$',
    );
    const kit = it.name.replace(own.test(it.name) ? own : legacy, '');
    byKit.set(kit, [...(byKit.get(kit) ?? []), ...ms[k]!.offsets]);
    kitMatches.set(kit, [...(kitMatches.get(kit) ?? []), ms[k]!]);
  }
  const kitOff = [...byKit].map(
    ([k, o]) => [k, (o.reduce((a, b) => a + b, 0) / Math.max(1, o.length)) * 1000] as const,
  );
  const out = kitOff.filter(([, o]) => Math.abs(o) > 2).map(([k, o]) => `${k} ${o.toFixed(1)}`);
  console.log(`  kits |offset| <= 2 ms: ${kitOff.length - out.length} of ${kitOff.length}; outside: ${out.join(', ')}`);
  // `--kits`: every kit's offset, then each kit's pooled F, P, R and mean offset (its files' matches together)
  if (process.argv.includes('--kits')) {
    console.log(`  all kits: ${kitOff.map(([k, o]) => `${k} ${o.toFixed(1)}`).join(', ')}`);
    for (const [k, xs] of kitMatches) console.log(`  kit ${k} (${xs.length}): ${pool(xs)}`);
  }
}
if (TIMES_FILE) writeFileSync(TIMES_FILE, JSON.stringify(times_));
