/**
 * Evaluation of the pYIN pitch tracker (`analyze --features pitch`, issue 12 point 5) on
 * monophonic melodies with exactly known f0, scored with the mir_eval melody metrics next to
 * aubio `yinfft` (Debian aubio-tools: `aubio pitch -m yinfft FILE`) on the same files.
 *
 * Material (rendered in process by the npm SoundFont synthesizer, fixtures/synth.ts):
 * - tuning set: FluidR3Mono, choir aahs / voice oohs / flute, 44.1 kHz, dry, stepwise melodies
 *   with a mild vibrato on some notes (seeds 1–9). The PITCH_PARAMETERS were chosen on it.
 * - held-out set: TimGM6mb and MuseScore General, synth voice / alto sax / violin / trumpet /
 *   clarinet / choir aahs / voice oohs, at 22.05, 32, 48 and 96 kHz, leaping melodies with
 *   ±50-cent vibrato (4.5–6.5 Hz) and slides into notes (pitch bends), the synthesizer's reverb
 *   and chorus, added white or pink noise at 20–35 dB SNR and a convolution reverb on half of
 *   them (seeds 101–116); plus 10 takes of the singing-voice synthesizer (fixtures/voice.ts: five
 *   voices, vowels and consonants, its own vibrato and drift, pink noise at 25/30 dB SNR, 16–48
 *   kHz; seeds 201–210), scored against the synthesizer's own f0 truth with the same tolerances
 *   around each of its voicing changes.
 * Truth: f0 = the MIDI note plus the pitch bend in force (GM bend range ±2 semitones); voiced from
 * note-on to note-off. Odd and even notes are rendered apart and added, so that each note's
 * release is measured on its own render. Not scored: frames within 30 ms before to 50 ms after a
 * note-on; from 30 ms before a note-off until the note's release has fallen 40 dB below its level
 * (at least 100 ms, at most 1 s) when no other note sounds; and inside a note while the previous
 * note's release is within 20 dB of it (a SoundFont's release under the next note: two pitches
 * sound, the signal is no longer monophonic). The report gives the share of frames scored.
 * Metrics (mir_eval.melody): voicing recall and false alarm, voicing precision → voicing F, raw
 * pitch accuracy (±50 cents; an unvoiced estimate counts as a miss), per file, averaged.
 *
 *   npm run eval                     (tempo/key/onsets, then this)
 *   node dist/bench/eval-pitch.js    (this only; --no-peers: without aubio; --no-sweep: without
 *                                     the ±10 % robustness sweep; --verbose: per file)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthesize, type SoundfontName } from '../fixtures/synth.js';
import { noiseSource, pinkNoise, writeWav } from '../fixtures/signals.js';
import { prng } from '../fixtures/groundtruth.js';
import type { MidiNote } from '../fixtures/midi.js';
import { CONSONANTS, VOICES, VOWELS, notesFromMidi, singVoice } from '../fixtures/voice.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import { pitchDefaults, type PitchParameterValues } from '../src/engines/pitch/index.js';
import { PITCH_PARAMETERS } from '../src/engines/analysis/params.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out', 'pitch');
const PEERS = !process.argv.includes('--no-peers');
const SWEEP = !process.argv.includes('--no-sweep');
const VERBOSE = process.argv.includes('--verbose');

/** Scoring tolerances (seconds), stated in the header. */
const ONSET_BEFORE = 0.03;
const ONSET_AFTER = 0.05;
const OFFSET_BEFORE = 0.03;
const TAIL_MIN = 0.1;
const TAIL_MAX = 1;
const TAIL_DROP_DB = 40;
const OVERLAP_DB = 20;

export interface TruthNote {
  on: number;
  off: number;
  midi: number;
  /** Bend changes inside the note: [seconds, semitones]. */
  bends: [number, number][];
}

export interface PitchItem {
  name: string;
  set: 'tuning' | 'held-out';
  rate: number;
  samples: Float64Array;
  notes: TruthNote[];
  /** Per note, the time at which its release has died away (dry level). */
  tailEnds: number[];
  /** Per note, until when the previous note's release is within OVERLAP_DB of it. */
  overlapEnds: number[];
  /** RMS of the dry renders of the even and the odd notes every 10 ms (20 ms windows). */
  envelopes: number[][];
  /** Instead of notes: the singing-voice synthesizer's own f0 truth (Hz every hop, 0 = unvoiced). */
  f0Track?: { hopSeconds: number; f0: number[] };
}

interface ItemSpec {
  name: string;
  set: 'tuning' | 'held-out';
  soundfont: SoundfontName;
  program: number;
  rate: number;
  seed: number;
  low: number;
  high: number;
  leaps: boolean;
  vibratoCents: number;
  slides: boolean;
  effects: boolean;
  noiseSnrDb: number | null;
  pinkNoise: boolean;
  reverb: boolean;
}

function specs(): ItemSpec[] {
  const out: ItemSpec[] = [];
  const tuningPrograms: [number, string, number, number][] = [
    [52, 'choir', 52, 72],
    [53, 'oohs', 55, 76],
    [73, 'flute', 67, 91],
  ];
  let seed = 1;
  for (const [program, label, low, high] of tuningPrograms)
    for (let k = 0; k < 3; k++, seed++)
      out.push({
        name: `tune-${label}-${seed}`,
        set: 'tuning',
        soundfont: 'FluidR3Mono',
        program,
        rate: 44100,
        seed,
        low,
        high,
        leaps: false,
        vibratoCents: k === 2 ? 25 : 0,
        slides: false,
        effects: false,
        noiseSnrDb: null,
        pinkNoise: false,
        reverb: false,
      });
  const held: [number, string, number, number][] = [
    [54, 'synthvoice', 50, 74],
    [65, 'altosax', 49, 77],
    [40, 'violin', 55, 88],
    [56, 'trumpet', 55, 80],
    [71, 'clarinet', 50, 82],
    [52, 'choir', 45, 69],
    [53, 'oohs', 57, 81],
    [54, 'synthvoice', 43, 64],
  ];
  const rates = [48000, 22050, 32000, 96000];
  const fonts: SoundfontName[] = ['TimGM6mb', 'MuseScoreGeneral'];
  seed = 101;
  for (let i = 0; i < held.length; i++)
    for (let k = 0; k < 2; k++, seed++) {
      const [program, label, low, high] = held[i]!;
      const font = fonts[(i + k) % 2]!;
      out.push({
        name: `held-${label}-${font === 'TimGM6mb' ? 'tim' : 'msg'}-${seed}`,
        set: 'held-out',
        soundfont: font,
        program,
        rate: rates[(i + 2 * k) % rates.length]!,
        seed,
        low,
        high,
        leaps: true,
        vibratoCents: 50,
        slides: true,
        effects: true,
        noiseSnrDb: 20 + ((seed * 7) % 16),
        pinkNoise: seed % 2 === 0,
        reverb: seed % 2 === 1,
      });
    }
  return out;
}

const MAJOR = [0, 2, 4, 5, 7, 9, 11];

/** The held-out melody style without bends (the singing voice brings its own vibrato and drift). */
const HELD_STYLE: ItemSpec = {
  name: '',
  set: 'held-out',
  soundfont: 'TimGM6mb',
  program: 0,
  rate: 0,
  seed: 0,
  low: 0,
  high: 0,
  leaps: true,
  vibratoCents: 0,
  slides: false,
  effects: false,
  noiseSnrDb: null,
  pinkNoise: false,
  reverb: false,
};

/** A monophonic melody (seconds as beats at 60 BPM) with its bends. */
function melody(spec: ItemSpec): {
  notes: MidiNote[];
  bends: { beat: number; semitones: number }[];
  truth: TruthNote[];
} {
  const rnd = prng(spec.seed * 7919 + 17);
  const tonic = spec.low + Math.floor(rnd() * 12);
  const scale: number[] = [];
  for (let m = spec.low; m <= spec.high; m++) if (MAJOR.includes((((m - tonic) % 12) + 12) % 12)) scale.push(m);
  let idx = Math.floor(scale.length / 2);
  let t = 0.3;
  const notes: MidiNote[] = [];
  const bends: { beat: number; semitones: number }[] = [];
  const truth: TruthNote[] = [];
  const total = 10;
  while (t < total) {
    const step = spec.leaps ? Math.round((rnd() - 0.5) * 10) : [-2, -1, -1, 0, 1, 1, 2][Math.floor(rnd() * 7)]!;
    idx = Math.max(0, Math.min(scale.length - 1, idx + step));
    const midi = scale[idx]!;
    const dur = spec.leaps ? 0.15 + rnd() * 0.9 : 0.3 + rnd() * 0.7;
    const gap = rnd() < 0.4 ? 0 : 0.05 + rnd() * 0.35;
    const on = t;
    const off = t + dur;
    const nb: [number, number][] = [];
    const bend = (at: number, semis: number) => {
      const q = Math.round(at * 1000) / 1000;
      bends.push({ beat: q, semitones: semis });
      nb.push([
        q,
        Math.round(((Math.max(0, Math.min(16383, 8192 + Math.round((semis / 2) * 8192))) - 8192) / 4096) * 1e6) / 1e6,
      ]);
    };
    bend(on, 0);
    const slide = spec.slides && rnd() < 0.3;
    const slideFrom = slide ? -(0.5 + rnd()) : 0;
    const slideEnd = on + 0.08;
    const depth = spec.vibratoCents / 100;
    const vib = depth > 0 && (spec.leaps || rnd() < 0.5) && dur > 0.35;
    const vibRate = 4.5 + rnd() * 2;
    const vibStart = on + 0.15;
    if (slide || vib) {
      for (let x = on + 0.01; x < off - 0.005; x += 0.01) {
        let s = 0;
        if (slide && x < slideEnd) s += slideFrom * (1 - (x - on) / (slideEnd - on));
        if (vib && x > vibStart) s += depth * Math.sin(2 * Math.PI * vibRate * (x - vibStart));
        bend(x, s);
      }
    }
    notes.push({ beat: on, lengthBeats: dur, pitch: midi, velocity: 70 + Math.floor(rnd() * 40) });
    truth.push({ on, off, midi, bends: nb });
    t = off + gap;
  }
  return { notes, bends, truth };
}

/** A decaying noise impulse response (RT60 ≈ 0.5 s) at −10 dB wet. */
function reverb(x: Float64Array, rate: number, seed: number): Float64Array {
  const n = Math.round(0.6 * rate);
  const next = noiseSource(seed);
  const ir = new Float64Array(n);
  let e = 0;
  for (let i = 0; i < n; i++) {
    ir[i] = (next() * 2 - 1) * Math.exp((-6.9 * i) / (0.5 * rate));
    e += ir[i]! * ir[i]!;
  }
  const g = 10 ** (-10 / 20) / Math.sqrt(e);
  // direct convolution on a decimated IR grid would be slow; FFT-free block sum over sparse taps
  const taps: [number, number][] = [];
  for (let i = 0; i < n; i += 7) taps.push([i, ir[i]! * g * Math.sqrt(7)]);
  const y = Float64Array.from(x);
  for (const [d, w] of taps) for (let i = d; i < x.length; i++) y[i]! += w * x[i - d]!;
  return y;
}

function rms(x: Float64Array, a: number, b: number): number {
  let s = 0;
  const lo = Math.max(0, a);
  const hi = Math.min(x.length, b);
  for (let i = lo; i < hi; i++) s += x[i]! * x[i]!;
  return hi > lo ? Math.sqrt(s / (hi - lo)) : 0;
}

function render(spec: ItemSpec): PitchItem {
  const { notes, bends, truth } = melody(spec);
  // odd and even notes rendered apart (and added): each note's release is measured on its own render
  const r = spec.rate;
  const parts = [0, 1].map(
    (parity) =>
      synthesize(
        {
          bpm: 60,
          tracks: [{ channel: 0, program: spec.program, notes: notes.filter((_, i) => i % 2 === parity), bends }],
        },
        { soundfont: spec.soundfont, sampleRate: r, channels: 1, effects: spec.effects, tailSeconds: 1 },
      )[0]!,
  );
  const dry = new Float64Array(Math.max(parts[0]!.length, parts[1]!.length));
  for (const part of parts) for (let i = 0; i < part.length; i++) dry[i]! += part[i]!;
  // each render's level every 10 ms (20 ms windows)
  const win = Math.round(0.02 * r);
  const envelopes = parts.map((part) => {
    const env: number[] = [];
    for (let t = 0; t * r < dry.length; t += 0.01) env.push(rms(part, Math.round(t * r), Math.round(t * r) + win));
    return env;
  });
  const { tailEnds, overlapEnds } = boundaries(truth, envelopes);
  let x: Float64Array = dry;
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  const norm = peak > 0 ? 0.5 / peak : 1;
  x = x.map((v) => v * norm);
  if (spec.reverb) x = reverb(x, r, spec.seed);
  if (spec.noiseSnrDb !== null) {
    // SNR against the signal's level while notes sound
    let s = 0;
    let c = 0;
    for (const n of truth) {
      const a = Math.round(n.on * r);
      const b = Math.min(x.length, Math.round(n.off * r));
      for (let i = a; i < b; i++) s += x[i]! * x[i]!;
      c += Math.max(0, b - a);
    }
    const sig = Math.sqrt(s / Math.max(1, c));
    const amp = sig * 10 ** (-spec.noiseSnrDb / 20);
    const nz = spec.pinkNoise ? pinkNoise(x.length, 1, spec.seed) : whiteNoise(x.length, spec.seed);
    const nr = rms(nz, 0, nz.length);
    for (let i = 0; i < x.length; i++) x[i]! += (nz[i]! * amp) / nr;
  }
  return { name: spec.name, set: spec.set, rate: r, samples: x, notes: truth, tailEnds, overlapEnds, envelopes };
}

function whiteNoise(n: number, seed: number): Float64Array {
  const next = noiseSource(seed + 1000);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = next() * 2 - 1;
  return out;
}

/**
 * Per note: when its release has fallen TAIL_DROP_DB below the note's level (TAIL_MIN…TAIL_MAX after its off),
 * and until when the previous note's release is within OVERLAP_DB of it (two notes sound: not scored).
 */
function boundaries(notes: TruthNote[], envelopes: number[][]): { tailEnds: number[]; overlapEnds: number[] } {
  const at = (env: number[], t: number) => env[Math.min(env.length - 1, Math.max(0, Math.round(t / 0.01)))] ?? 0;
  const levels = notes.map((n, i) => {
    let level = 0;
    let k = 0;
    for (let t = n.on + 0.02; t < n.off - 0.02; t += 0.01, k++) level += at(envelopes[i % 2]!, t) ** 2;
    return Math.sqrt(level / Math.max(1, k));
  });
  const tailEnds = notes.map((n, i) => {
    let t = n.off + TAIL_MIN;
    while (t < n.off + TAIL_MAX && at(envelopes[i % 2]!, t) > levels[i]! * 10 ** (-TAIL_DROP_DB / 20)) t += 0.01;
    return t;
  });
  const overlapEnds = notes.map((n, i) => {
    let t = n.on;
    const other = envelopes[(i + 1) % 2]!;
    while (i > 0 && t < n.off && at(other, t) > levels[i]! * 10 ** (-OVERLAP_DB / 20)) t += 0.01;
    return t;
  });
  return { tailEnds, overlapEnds };
}

/** Truth at time t: f0 in Hz, 0 (unvoiced) or null (not scored). */
export function truthAt(
  item: Pick<PitchItem, 'notes' | 'tailEnds' | 'overlapEnds' | 'f0Track'>,
  t: number,
): number | null {
  if (item.f0Track) return trackTruth(item.f0Track, t);
  let dontCare = false;
  for (let i = 0; i < item.notes.length; i++) {
    const n = item.notes[i]!;
    if (t >= n.on && t < n.off) {
      // a sounding note: not scored at its onset and offset, nor while the previous note's release is loud
      if (t < n.on + ONSET_AFTER || t >= n.off - OFFSET_BEFORE || t < item.overlapEnds[i]!) return null;
      let bend = 0;
      for (const [at, s] of n.bends) if (at <= t) bend = s;
      return 440 * 2 ** ((n.midi - 69 + bend) / 12);
    }
    if (t >= n.on - ONSET_BEFORE && t < n.on + ONSET_AFTER) dontCare = true;
    if (t >= n.off - OFFSET_BEFORE && t < item.tailEnds[i]!) dontCare = true;
  }
  return dontCare ? null : 0;
}

export interface Scores {
  voicingRecall: number;
  voicingFalseAlarm: number;
  voicingPrecision: number;
  voicingF: number;
  rawPitch: number;
}

/** mir_eval.melody metrics on one file: estimate frames (t, f0 Hz, 0 = unvoiced) against the truth. */
export function score(
  item: Pick<PitchItem, 'notes' | 'tailEnds' | 'overlapEnds' | 'f0Track'>,
  times: number[],
  hz: number[],
): Scores {
  let refV = 0;
  let refU = 0;
  let hit = 0;
  let fa = 0;
  let estV = 0;
  let pitchOk = 0;
  for (let i = 0; i < times.length; i++) {
    const ref = truthAt(item, times[i]!);
    if (ref === null) continue;
    const est = hz[i]!;
    if (est > 0) estV++;
    if (ref > 0) {
      refV++;
      if (est > 0) {
        hit++;
        if (Math.abs(1200 * Math.log2(est / ref)) <= 50) pitchOk++;
      }
    } else {
      refU++;
      if (est > 0) fa++;
    }
  }
  const recall = refV ? hit / refV : 0;
  const precision = estV ? hit / estV : 0;
  return {
    voicingRecall: recall,
    voicingFalseAlarm: refU ? fa / refU : 0,
    voicingPrecision: precision,
    voicingF: recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0,
    rawPitch: refV ? pitchOk / refV : 0,
  };
}

function shubTrack(item: PitchItem, overrides: Partial<PitchParameterValues> = {}): { t: number[]; hz: number[] } {
  const fx = createFeatureExtractor(
    { sampleRate: item.rate, channels: 1 },
    { spectrum: false, pitch: true },
    overrides,
  );
  fx.addFloat(Float32Array.from(item.samples));
  const r = fx.finish();
  const t = Array.from(r.pitchHz, (_, i) => r.pitchStartSeconds + i * r.pitchHopSeconds);
  return { t, hz: Array.from(r.pitchHz) };
}

function aubioTrack(file: string): { t: number[]; hz: number[] } {
  const r = spawnSync('aubio', ['pitch', '-m', 'yinfft', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`aubio pitch ${file}: ${r.stderr}`);
  const t: number[] = [];
  const hz: number[] = [];
  for (const line of r.stdout.split('\n')) {
    const [a, b] = line.trim().split(/\s+/).map(Number);
    if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    t.push(a);
    hz.push(b > 0 ? b : 0);
  }
  return { t, hz };
}

export function mean(scores: Scores[]): Scores {
  const keys = Object.keys(scores[0]!) as (keyof Scores)[];
  const out = {} as Scores;
  for (const k of keys) out[k] = scores.reduce((s, x) => s + x[k], 0) / scores.length;
  return out;
}

const f3 = (x: number) => x.toFixed(3);

function row(label: string, s: Scores, n: number): string {
  return (
    `| ${label} | ${n} | ${f3(s.rawPitch)} | ${f3(s.voicingRecall)} | ${f3(s.voicingFalseAlarm)} | ` +
    `${f3(s.voicingPrecision)} | ${f3(s.voicingF)} |`
  );
}

/** A rendered item from bench/out/pitch (raw float32 samples + JSON truth), rendered on first use. */
function cached(spec: ItemSpec): PitchItem {
  const base = path.join(OUT, spec.name);
  if (existsSync(`${base}.json`) && existsSync(`${base}.f32`)) {
    const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as Omit<PitchItem, 'samples'>;
    const buf = readFileSync(`${base}.f32`);
    const f32 = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    return { ...meta, ...boundaries(meta.notes, meta.envelopes), samples: Float64Array.from(f32) };
  }
  const item = render(spec);
  const { samples, tailEnds: _tails, overlapEnds: _overlaps, ...meta } = item;
  writeFileSync(`${base}.f32`, Buffer.from(Float32Array.from(samples).buffer));
  writeFileSync(`${base}.json`, JSON.stringify(meta));
  return item;
}

/** Every item of both sets (rendered once into bench/out/pitch). */
export function pitchItems(): PitchItem[] {
  mkdirSync(OUT, { recursive: true });
  return specs().map(cached);
}

export async function evalPitch(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const t0 = Date.now();
  const items = specs().map(cached);
  const voiceItems = voiceSet();
  items.push(...voiceItems);
  const renderSeconds = (Date.now() - t0) / 1000;
  const lines: string[] = [];
  const shub = new Map<string, Scores>();
  const peer = new Map<string, Scores>();
  for (const item of items) {
    const e = shubTrack(item);
    shub.set(item.name, score(item, e.t, e.hz));
    if (PEERS) {
      const file = path.join(OUT, `${item.name}.wav`);
      if (!existsSync(file)) writeWav(file, [item.samples], item.rate, 'f32');
      const a = aubioTrack(file);
      peer.set(item.name, score(item, a.t, a.hz));
    }
    if (VERBOSE) {
      const s = shub.get(item.name)!;
      const p = peer.get(item.name);
      console.error(
        `${item.name} (${item.rate} Hz): shub RPA ${f3(s.rawPitch)} VF ${f3(s.voicingF)} ` +
          `FA ${f3(s.voicingFalseAlarm)}` +
          (p ? ` | aubio RPA ${f3(p.rawPitch)} VF ${f3(p.voicingF)} FA ${f3(p.voicingFalseAlarm)}` : ''),
      );
    }
  }
  lines.push(
    '| set, tool | files | raw pitch acc. (±50 c) | voicing recall | voicing false alarm | voicing precision | ' +
      'voicing F |',
    '|---|---|---|---|---|---|---|',
  );
  const groups: [string, PitchItem[]][] = [
    ['tuning (FluidR3Mono)', items.filter((i) => i.set === 'tuning')],
    ['held-out: SoundFonts', items.filter((i) => i.set === 'held-out' && !i.f0Track)],
    ['held-out: singing voice', items.filter((i) => i.set === 'held-out' && i.f0Track)],
    ['held-out: all', items.filter((i) => i.set === 'held-out')],
  ];
  for (const [label, group] of groups) {
    if (group.length === 0) continue;
    const names = group.map((i) => i.name);
    lines.push(row(`${label}: shub pYIN`, mean(names.map((n) => shub.get(n)!)), names.length));
    if (PEERS) lines.push(row(`${label}: aubio yinfft`, mean(names.map((n) => peer.get(n)!)), names.length));
  }
  // strict: every frame inside a note scored, also while the previous note's release still sounds under it
  const strict = (i: PitchItem): PitchItem => ({ ...i, overlapEnds: i.notes.map((n) => n.on) });
  for (const [label, group] of groups.slice(1, 2)) {
    const s = mean(group.map((i) => scoreItem(strict(i), {})));
    lines.push(row(`${label}, strict (overlaps scored): shub pYIN`, s, group.length));
    if (PEERS) {
      const a = mean(
        group.map((i) => {
          const e = aubioTrack(path.join(OUT, `${i.name}.wav`));
          return score(strict(i), e.t, e.hz);
        }),
      );
      lines.push(row(`${label}, strict (overlaps scored): aubio yinfft`, a, group.length));
    }
  }
  const shares = groups.map(([label, group]) => {
    let scored = 0;
    let all = 0;
    for (const item of group) {
      for (let t = 0.005; t < item.samples.length / item.rate; t += 0.01, all++)
        if (truthAt(item, t) !== null) scored++;
    }
    return `${label} ${((100 * scored) / Math.max(1, all)).toFixed(0)} %`;
  });
  const held = items.filter((i) => i.set === 'held-out');
  const minRpa = Math.min(...held.map((i) => shub.get(i.name)!.rawPitch));
  const minVf = Math.min(...held.map((i) => shub.get(i.name)!.voicingF));
  lines.push('', `Frames scored (the rest fall in the tolerances above): ${shares.join(', ')}.`);
  lines.push(
    '',
    `Held-out worst file: raw pitch ${f3(minRpa)}, voicing F ${f3(minVf)}. ${items.length} files, ` +
      `${items.reduce((s, i) => s + i.samples.length / i.rate, 0).toFixed(0)} s of audio ` +
      `(rendered or loaded in ${renderSeconds.toFixed(0)} s)` +
      (voiceItems.length ? `; ${voiceItems.length} held-out files from fixtures/voice.ts.` : '.'),
  );
  if (SWEEP) lines.push('', ...sweep(held));
  return lines.join('\n');
}

/** Each parameter at −10 % and +10 % (integers rounded away from the default): held-out score moves. */
function sweep(held: PitchItem[]): string[] {
  const base = mean(held.map((i) => scoreItem(i, {})));
  const out = [
    '| parameter | default | −10 % | +10 % | Δ raw pitch (−/+) | Δ voicing F (−/+) | robust (≤ 0.03) |',
    '|---|---|---|---|---|---|---|',
  ];
  const defaults = pitchDefaults();
  const skip = new Set(['minVoicedRatio', 'minGridConcentration']);
  for (const key of Object.keys(PITCH_PARAMETERS) as (keyof PitchParameterValues)[]) {
    if (skip.has(key)) continue;
    const spec = PITCH_PARAMETERS[key];
    const v = defaults[key];
    const vary = (f: number) => {
      let x = v * f;
      if (spec.integer) x = f < 1 ? Math.floor(x) : Math.ceil(x);
      return Math.min(spec.range[1], Math.max(spec.range[0], x));
    };
    const lo = +vary(0.9).toPrecision(6);
    const hi = +vary(1.1).toPrecision(6);
    const sLo = mean(held.map((i) => scoreItem(i, { [key]: lo })));
    const sHi = mean(held.map((i) => scoreItem(i, { [key]: hi })));
    const d = (a: Scores, k: keyof Scores) => a[k] - base[k];
    const worst = Math.max(...[sLo, sHi].flatMap((s) => [Math.abs(d(s, 'rawPitch')), Math.abs(d(s, 'voicingF'))]));
    const sg = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(3);
    out.push(
      `| ${key} | ${v} | ${lo} | ${hi} | ${sg(d(sLo, 'rawPitch'))} / ${sg(d(sHi, 'rawPitch'))} | ` +
        `${sg(d(sLo, 'voicingF'))} / ${sg(d(sHi, 'voicingF'))} | ` +
        `${worst <= 0.03 ? 'yes' : `**no** (${worst.toFixed(3)})`} |`,
    );
  }
  out.push(
    '',
    'minVoicedRatio and minGridConcentration only decide whether the median f0 is reported (speech/noise rule); ' +
      'they do not change the frames scored here.',
  );
  return out;
}

export function scoreItem(item: PitchItem, overrides: Partial<PitchParameterValues>): Scores {
  const e = shubTrack(item, overrides);
  return score(item, e.t, e.hz);
}

/** The voice truth at t: null within the onset/offset tolerances of a voicing change, else f0 or 0. */
function trackTruth(track: { hopSeconds: number; f0: number[] }, t: number): number | null {
  const at = (x: number) => track.f0[Math.round(x / track.hopSeconds)] ?? 0;
  const here = at(t);
  // a voicing change within ONSET_AFTER before t (an onset) or OFFSET_BEFORE after it (an offset), or the other way
  for (
    let x = t - Math.max(ONSET_AFTER, OFFSET_BEFORE);
    x <= t + Math.max(ONSET_BEFORE, OFFSET_BEFORE);
    x += track.hopSeconds
  )
    if (at(x) > 0 !== here > 0) return null;
  return here;
}

/** Held-out takes from the singing-voice synthesizer (fixtures/voice.ts): five voices, noise, other rates. */
function voiceSpecs(): { name: string; voice: keyof typeof VOICES; rate: number; seed: number; snrDb: number }[] {
  const voices = Object.keys(VOICES) as (keyof typeof VOICES)[];
  const rates = [44100, 48000, 16000, 24000];
  return voices.flatMap((voice, i) =>
    [0, 1].map((k) => {
      const seed = 201 + 2 * i + k;
      return { name: `voice-${voice}-${seed}`, voice, rate: rates[(i + k) % rates.length]!, seed, snrDb: 25 + 5 * k };
    }),
  );
}

const RANGES: Record<keyof typeof VOICES, [number, number]> = {
  baritone: [45, 64],
  tenor: [50, 69],
  alto: [55, 74],
  soprano: [62, 81],
  straight: [52, 72],
};

function renderVoice(v: ReturnType<typeof voiceSpecs>[number]): PitchItem {
  const [low, high] = RANGES[v.voice] ?? [50, 70];
  const { notes } = melody({ ...HELD_STYLE, name: v.name, seed: v.seed, low, high, rate: v.rate });
  const lyrics = VOWELS.map((vowel, i) => ({
    vowel,
    ...(i % 2 ? { consonant: CONSONANTS[i % CONSONANTS.length]! } : {}),
  }));
  // sung notes do not overlap: a consonant before a note eats into the gap
  const sung = notesFromMidi(notes, 60, lyrics).map((n) => ({ ...n, offSeconds: n.offSeconds - 0.01 }));
  const { samples, truth } = singVoice(sung, { sampleRate: v.rate, voice: VOICES[v.voice], seed: v.seed });
  let e = 0;
  let c = 0;
  for (let i = 0; i < samples.length; i++) {
    if ((truth.f0Hz[Math.round(i / v.rate / truth.hopSeconds)] ?? 0) > 0) {
      e += samples[i]! * samples[i]!;
      c++;
    }
  }
  const amp = Math.sqrt(e / Math.max(1, c)) * 10 ** (-v.snrDb / 20);
  const nz = pinkNoise(samples.length, 1, v.seed);
  const nr = rms(nz, 0, nz.length);
  const x = samples.map((s, i) => s + (nz[i]! * amp) / nr);
  return {
    name: v.name,
    set: 'held-out',
    rate: v.rate,
    samples: x,
    notes: [],
    tailEnds: [],
    overlapEnds: [],
    envelopes: [],
    f0Track: { hopSeconds: truth.hopSeconds, f0: Array.from(truth.f0Hz) },
  };
}

function voiceSet(): PitchItem[] {
  return voiceSpecs().map(renderVoice);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await evalPitch();
  console.log('## Pitch (pYIN) against exact f0 truth, tuning vs held-out, next to aubio yinfft\n');
  console.log(report);
}
