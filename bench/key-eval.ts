/**
 * Key evaluation (issue 12 points 1 and 3): shub's key engine on the tuning set (fixtures/groundtruth.ts
 * songSpecs(), FluidR3Mono, seeds 1000 + i, and the key development set fixtures/keytruth.ts keyTuningSpecs(),
 * FluidR3Mono, seeds 5000 + i: the only songs the key parameters were chosen on) and on two held-out sets
 * (heldOutSet(): 47 songs, TimGM6mb / MuseScore General, seeds 9000 + i; fixtures/keytruth.ts keySongSpecs(), seeds
 * 7000 + i, detuned up to ±45 cents), MIREX weighted score next to the Queen Mary key detector
 *   VAMP_PATH=/usr/lib/ardour7/vamp vamp-simple-host libardourvampplugins:qm-keydetector:key FILE
 * (the key held longest), plus:
 * - an ablation: the whole-file profile alone (no bass, no chords), i.e. the engine before issue 12;
 * - robustness: every KEY_PARAMETERS value at −10 % and +10 %, the held-out score's largest move.
 * The profiles are extracted once per file in process, one key block per STFT frame, and summed here into blocks of
 * any length (what the native extractor does for the default length).
 *
 *   node dist/bench/key-eval.js [--no-peers] [--verbose]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { heldOutSet, renderTruthSong, songSpecs } from '../fixtures/groundtruth.js';
import { keyTruthSet, keyTuningSet } from '../fixtures/keytruth.js';
import { openAudio } from '../src/io/audio.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';
import { feedSource } from '../src/engines/analysis/pipeline.js';
import { KEY_PARAMETERS } from '../src/engines/analysis/params.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import {
  analyzeKey,
  keyBlockFrames,
  type EstimateKeyOptions,
  type KeyBlocks,
  type KeyParameterName,
} from '../src/engines/key/index.js';
import { keyScore, type KeyLabel } from './metrics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const VAMP_PATH = '/usr/lib/ardour7/vamp';
const PEERS = !process.argv.includes('--no-peers') && existsSync(VAMP_PATH);
const VERBOSE = process.argv.includes('--verbose');
const EXPLAIN = process.argv.includes('--explain');
const GRID = process.argv.includes('--grid');
const ONLY_TUNING = GRID || process.argv.includes('--tuning-only');
const NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];

const SETS = ['tuning', 'tuning key set', 'held-out songs', 'held-out key set'] as const;
type Set = (typeof SETS)[number];
const TUNING: readonly Set[] = ['tuning', 'tuning key set'];

interface Item {
  set: Set;
  name: string;
  file: string;
  key: KeyLabel;
}

interface Profiles {
  pitchClass: Float64Array;
  bassPitchClass: Float64Array;
  frames: Float32Array;
  bassFrames: Float32Array;
  hopSeconds: number;
}

async function extract(file: string): Promise<Profiles> {
  const source = await openAudio(file, { ffmpeg: resolveFfmpeg() });
  try {
    const fx = createFeatureExtractor(
      source.format,
      { spectrum: true, pitch: false },
      {},
      { pitchClassBlockFrames: 1 },
    );
    await feedSource(source, [fx]);
    const r = fx.finish();
    return {
      pitchClass: r.pitchClass,
      bassPitchClass: r.bassPitchClass,
      frames: r.pitchClassBlocks,
      bassFrames: r.bassPitchClassBlocks,
      hopSeconds: r.hopSeconds,
    };
  } finally {
    await source.close();
  }
}

/** Per-frame profiles summed into blocks of `n` frames (the last may be shorter). */
function regroup(frames: Float32Array, n: number): Float32Array {
  const count = frames.length / 120;
  const blocks = Math.ceil(count / n);
  const out = new Float32Array(blocks * 120);
  for (let f = 0; f < count; f++) {
    const b = Math.floor(f / n);
    for (let i = 0; i < 120; i++) out[b * 120 + i]! += frames[f * 120 + i]!;
  }
  return out;
}

function shubKey(p: Profiles, options: EstimateKeyOptions, profileOnly = false): KeyLabel | null {
  if (profileOnly) {
    const r = analyzeKey(p.pitchClass, undefined, undefined, options).result;
    return r.key ? { tonic: NAMES.indexOf(r.tonic), mode: r.mode } : null;
  }
  const blockSeconds = options.params?.blockSeconds ?? KEY_PARAMETERS.blockSeconds.value;
  const n = keyBlockFrames(p.hopSeconds, blockSeconds);
  const blocks = { full: regroup(p.frames, n), bass: regroup(p.bassFrames, n), seconds: n * p.hopSeconds };
  const r = analyzeKey(p.pitchClass, p.bassPitchClass, blocks, options).result;
  return r.key ? { tonic: NAMES.indexOf(r.tonic), mode: r.mode } : null;
}

function parseKey(label: string): KeyLabel | null {
  const m = /([A-G])([#b]?)\S*\s+(?:\/\s*\S+\s+)?(major|minor)/i.exec(label);
  if (!m) return null;
  const base = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }[m[1]!.toUpperCase() as 'C']!;
  const tonic = (base + (m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0) + 12) % 12;
  return { tonic, mode: m[3]!.toLowerCase() as 'major' | 'minor' };
}

/** The Queen Mary key detector's key held longest over the file. */
function qmKey(file: string): KeyLabel | null {
  const r = spawnSync('vamp-simple-host', ['libardourvampplugins:qm-keydetector:key', file], {
    encoding: 'utf8',
    env: { ...process.env, VAMP_PATH },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`vamp-simple-host failed on ${file}: ${r.stderr}`);
  const rows = r.stdout.split('\n').flatMap((l) => {
    const m = /^\s*(-?[\d.]+):\s*\d+\s+(.*)$/.exec(l);
    return m ? [{ t: parseFloat(m[1]!), key: parseKey(m[2]!) }] : [];
  });
  const durations = new Map<string, { key: KeyLabel | null; d: number }>();
  rows.forEach((row, i) => {
    const d = (rows[i + 1]?.t ?? row.t + 1) - row.t;
    const k = row.key ? `${row.key.tonic} ${row.key.mode}` : 'none';
    durations.set(k, { key: row.key, d: (durations.get(k)?.d ?? 0) + d });
  });
  let best: { key: KeyLabel | null; d: number } | null = null;
  for (const x of durations.values()) if (!best || x.d > best.d) best = x;
  return best?.key ?? null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const label = (k: KeyLabel | null) => (k ? `${NAMES[k.tonic]} ${k.mode}` : 'none');

function errorKind(est: KeyLabel | null, truth: KeyLabel): string {
  const s = keyScore(est, truth);
  return s === 1 ? 'right' : s === 0.5 ? 'fifth' : s === 0.3 ? 'relative' : s === 0.2 ? 'parallel' : 'other';
}

async function main() {
  const truthDir = path.join(OUT, 'truth');
  const heldDir = path.join(OUT, 'held-out');
  const keyDir = path.join(OUT, 'keytruth');
  const tuneDir = path.join(OUT, 'keytuning');
  for (const d of [truthDir, heldDir, keyDir, tuneDir]) mkdirSync(d, { recursive: true });
  const items: Item[] = [];
  songSpecs().forEach((s, i) => {
    const t = renderTruthSong(s, truthDir, 1000 + i)[0]!;
    items.push({ set: 'tuning', name: t.name, file: t.file, key: t.key! });
  });
  for (const t of keyTuningSet(tuneDir)) items.push({ set: 'tuning key set', name: t.name, file: t.file, key: t.key });
  if (!ONLY_TUNING)
    for (const t of heldOutSet(heldDir, { stems: false }))
      items.push({ set: 'held-out songs', name: t.name, file: t.file, key: t.key! });
  if (!ONLY_TUNING)
    for (const t of keyTruthSet(keyDir))
      items.push({ set: 'held-out key set', name: t.name, file: t.file, key: t.key });
  if (ONLY_TUNING) items.splice(0, items.length, ...items.filter((i) => TUNING.includes(i.set)));
  console.error(`key-eval: ${items.length} songs rendered; extracting profiles`);

  const profiles = new Map<string, Profiles>();
  for (const it of items) profiles.set(it.file, await extract(it.file));
  const qm = new Map<string, KeyLabel | null>();
  if (PEERS && !ONLY_TUNING) for (const it of items) qm.set(it.file, qmKey(it.file));

  const heldOut = items.filter((i) => !TUNING.includes(i.set));
  const tuning = items.filter((i) => TUNING.includes(i.set));
  const scoreOf = (subset: Item[], est: (it: Item) => KeyLabel | null) =>
    mean(subset.map((it) => keyScore(est(it), it.key)));
  const base = (it: Item) => shubKey(profiles.get(it.file)!, {});
  const profileOnly = (it: Item) => shubKey(profiles.get(it.file)!, {}, true);
  // the engine before issue 12: the whole-file profile, Temperley's minor profile as published
  const before = (it: Item) => shubKey(profiles.get(it.file)!, { naturalMinor: false }, true);

  if (GRID) {
    // tuning sets only: score and margins over a grid of the evidence weights. The margin of a song is the
    // truth's score minus the best other key's, divided by the sum of the weights (1 for the profile): the
    // smallest margin over the tuning songs is the criterion among the settings that get them all right
    const cache = new Map<string, KeyBlocks>();
    for (const it of items) {
      const p = profiles.get(it.file)!;
      const n = keyBlockFrames(p.hopSeconds);
      cache.set(it.file, { full: regroup(p.frames, n), bass: regroup(p.bassFrames, n), seconds: n * p.hopSeconds });
    }
    const grid = {
      bassWeight: [0.25, 0.5, 1],
      tonicChordWeight: [0.5, 1, 2],
      cadenceWeight: [0.25, 0.5, 1],
      firstChordWeight: [0.1, 0.2, 0.35, 0.5, 0.7],
      lastChordWeight: [0, 0.1, 0.2, 0.35, 0.5],
    };
    const rows: string[] = [];
    for (const b of grid.bassWeight)
      for (const t of grid.tonicChordWeight)
        for (const c of grid.cadenceWeight)
          for (const f of grid.firstChordWeight)
            for (const l of grid.lastChordWeight) {
              const params = {
                bassWeight: b,
                tonicChordWeight: t,
                cadenceWeight: c,
                firstChordWeight: f,
                lastChordWeight: l,
              };
              const sum = 1 + b + t + c + f + l;
              let right = 0;
              const margins: number[] = [];
              for (const it of items) {
                const p = profiles.get(it.file)!;
                const a = analyzeKey(p.pitchClass, p.bassPitchClass, cache.get(it.file)!, { params });
                const truth = a.evidence.find((e) => e.key === label(it.key))!;
                const other = a.evidence.find((e) => e.key !== truth.key)!;
                margins.push((truth.score - other.score) / sum);
                if (a.result.key === truth.key) right++;
              }
              margins.sort((x, y) => x - y);
              rows.push(
                `bass ${b} tonic ${t} cadence ${c} first ${f} last ${l}: right ${right}/${items.length} ` +
                  `min ${margins[0]!.toFixed(4)} p10 ${margins[Math.floor(margins.length / 10)]!.toFixed(4)}`,
              );
            }
    console.log(rows.join('\n'));
    return;
  }
  const lines: string[] = [];
  lines.push(
    '| set | songs | shub | shub exactly right | shub errors (fifth/relative/parallel/other) | ' +
      'before (profile only, minor as published) | profile only | QM key detector | QM exactly right |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  const groups: [string, Item[]][] = [
    ...SETS.map((s): [string, Item[]] => [s, items.filter((i) => i.set === s)]),
    ['tuning, both sets', tuning],
    ['held-out, both sets', heldOut],
  ];
  for (const [name, subset] of groups) {
    if (!subset.length) continue;
    const kinds = subset.map((it) => errorKind(base(it), it.key));
    const count = (k: string) => kinds.filter((x) => x === k).length;
    const q = qm.size ? scoreOf(subset, (it) => qm.get(it.file) ?? null).toFixed(3) : 'n/a';
    const qRight = qm.size
      ? `${subset.filter((it) => keyScore(qm.get(it.file) ?? null, it.key) === 1).length}/${subset.length}`
      : 'n/a';
    lines.push(
      `| ${name} | ${subset.length} | ${scoreOf(subset, base).toFixed(3)} | ${count('right')}/${subset.length} | ` +
        `${count('fifth')}/${count('relative')}/${count('parallel')}/${count('other')} | ` +
        `${scoreOf(subset, before).toFixed(3)} | ${scoreOf(subset, profileOnly).toFixed(3)} | ${q} | ` +
        `${qRight} |`,
    );
  }
  // robustness: each parameter at ±10 %
  const heldBase = scoreOf(heldOut, base);
  const tuneBase = scoreOf(tuning, base);
  lines.push(
    '',
    `Robustness (each parameter ±10 %, the others at their defaults; held-out base ${heldBase.toFixed(3)}, ` +
      `tuning base ${tuneBase.toFixed(3)}):`,
    '',
    '| parameter | value | held-out at −10 % | held-out at +10 % | largest move | tuning at −10 % / +10 % |',
    '|---|---|---|---|---|---|',
  );
  for (const name of ONLY_TUNING ? [] : (Object.keys(KEY_PARAMETERS) as KeyParameterName[])) {
    const spec = KEY_PARAMETERS[name];
    const at = (f: number, subset: Item[]) => {
      const v = Math.min(spec.range[1], Math.max(spec.range[0], spec.value * f));
      return scoreOf(subset, (it) => shubKey(profiles.get(it.file)!, { params: { [name]: v } }));
    };
    const lo = at(0.9, heldOut);
    const hi = at(1.1, heldOut);
    const move = Math.max(Math.abs(lo - heldBase), Math.abs(hi - heldBase));
    lines.push(
      `| ${name} | ${spec.value} ${spec.unit} | ${lo.toFixed(3)} | ${hi.toFixed(3)} | ${move.toFixed(3)}` +
        `${move > 0.03 ? ' (not robust)' : ''} | ${at(0.9, tuning).toFixed(3)} / ${at(1.1, tuning).toFixed(3)} |`,
    );
  }
  if (EXPLAIN)
    for (const it of tuning) {
      const p = profiles.get(it.file)!;
      const n = keyBlockFrames(p.hopSeconds);
      const blocks = { full: regroup(p.frames, n), bass: regroup(p.bassFrames, n), seconds: n * p.hopSeconds };
      const a = analyzeKey(p.pitchClass, p.bassPitchClass, blocks, {});
      if (a.result.key === label(it.key)) continue;
      const truth = a.evidence.find((e) => e.key === label(it.key))!;
      console.error(`${it.name}: ${a.result.key} — ${a.decision?.reason}`);
      console.error(`  truth ${truth.key} ${truth.score.toFixed(3)}: ${JSON.stringify(truth)}`);
      console.error(`  best ${JSON.stringify(a.evidence[0])}`);
      console.error(`  chords ${a.chords.map((c) => `${NAMES[c.root]}${c.mode === 'minor' ? 'm' : ''}`).join(' ')}`);
    }
  if (VERBOSE)
    for (const it of items) {
      const p = profiles.get(it.file)!;
      const est = shubKey(p, {});
      console.error(
        `${it.set.padEnd(17)} ${it.name.padEnd(60)} truth ${label(it.key).padEnd(9)} shub ${label(est).padEnd(9)}` +
          ` profile-only ${label(profileOnly(it)).padEnd(9)}${PEERS ? ` QM ${label(qm.get(it.file) ?? null)}` : ''}`,
      );
    }
  const text = lines.join('\n');
  writeFileSync(path.join(OUT, 'key-eval.md'), `${text}\n`);
  console.log(text);
}

await main();
