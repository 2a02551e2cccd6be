/**
 * Checks shared by the tempo held-out sets' fixture tests (tempo29–31): the peak of a decoded signal in a window, and
 * one rendered song and its drum stem against their truth rows.
 */
import assert from 'node:assert/strict';
import type { TruthFile } from '../../fixtures/groundtruth.js';
import { decodeMono } from '../../fixtures/groundtruth.js';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ffmpegFiltered, rms, songAndStemTruth } from '../../fixtures/tempogen.js';
import { tempDir } from './cli.js';
import { tappedTruth } from '../../fixtures/tempotruth.js';

const RATE = 44100;

/** The largest |x| between `a` and `b` seconds (clamped to the signal). */
export function peakIn(x: ArrayLike<number>, a: number, b: number): number {
  let p = 0;
  for (let k = Math.max(0, Math.round(a * RATE)); k < Math.min(x.length, Math.round(b * RATE)); k++)
    p = Math.max(p, Math.abs(x[k]!));
  return p;
}

/**
 * A rendered song and stem: `beats` truth beats and `bars` downbeats, the truth's tempo within `tol` (fraction) of
 * `bpm`, the mix outlasting its last beat, both not silent (RMS > 0.02). Returns the decoded stem.
 */
export function checkRenderedSongAndStem(
  mix: TruthFile,
  stem: TruthFile,
  o: { beats: number; bars: number; bpm: number; tol: number },
): Float64Array {
  assert.equal(mix.beats.length, o.beats);
  assert.equal(stem.downbeats!.length, o.bars);
  assert.ok(Math.abs(mix.bpm - o.bpm) < o.tol * o.bpm, `${mix.bpm} vs ${o.bpm}`);
  const m = decodeMono(mix.file, RATE);
  assert.ok(m.length / RATE > mix.beats.at(-1)!, 'the mix outlasts its last beat');
  assert.ok(rms(m) > 0.02, `mix rms ${rms(m)}`);
  const x = decodeMono(stem.file, RATE);
  assert.ok(rms(x) > 0.02, `stem rms ${rms(x)}`);
  return x;
}

/**
 * A groove set's `n` song specs (28 in tempo29–34, 30 in tempo35): `make()` deterministic, the names unique, each
 * groove twice, its tempo in the groove's range, its meter the groove's, about 20 s of bars (15–25 s); `each(s)` checks
 * a song further.
 */
export function checkGrooveSpecs<
  G extends string,
  S extends { name: string; groove: G; bpm: number; bars: number; beatsPerBar: number; compound: boolean },
>(
  make: () => S[],
  grooves: Record<G, { range: [number, number]; beats: number; compound: boolean }>,
  each: (s: S) => void = () => {},
  n = 28,
): S[] {
  const specs = make();
  assert.equal(specs.length, n);
  assert.deepEqual(make(), specs);
  assert.equal(new Set(specs.map((s) => s.name)).size, n);
  for (const g of Object.keys(grooves) as G[]) {
    const own = specs.filter((s) => s.groove === g);
    assert.equal(own.length, 2, g);
    const { range, beats, compound } = grooves[g];
    for (const s of own) {
      assert.ok(s.bpm >= range[0] && s.bpm <= range[1], `${s.name}: ${s.bpm}`);
      assert.equal(s.beatsPerBar, beats);
      assert.equal(s.compound, compound);
      const seconds = (s.bars * beats * 60) / s.bpm;
      assert.ok(seconds > 15 && seconds < 25, `${s.name}: ${seconds} s`);
      each(s);
    }
  }
  return specs;
}

/** Every one-shot of every piece of every kit (tempo32, tempo33: `[bank, files]` per drum) is on disk in its bank. */
export function checkKitPiecesOnDisk<B extends string>(
  kits: Record<string, Record<string, [B, string[]]>>,
  banks: Record<B, [dir: string, ext: string]>,
): void {
  for (const [name, kit] of Object.entries(kits))
    for (const [drum, [bank, files]] of Object.entries(kit))
      for (const file of files) {
        const [dir, ext] = banks[bank];
        assert.ok(existsSync(path.join(dir, `${file}.${ext}`)), `${name} ${drum}: ${file}`);
      }
}

/**
 * A frozen set's song rendered a second time (the determinism check, tempo54–57): `render` into a fresh folder whose
 * kit folder (`kitDir`) holds the first render's one-shots copied but the sample (`fresh`), which the second render
 * writes again: the sample the same bytes as the first render's, the mix and the stem the same samples as the first's
 * (`mix`, `stem`). Every piece and layer of a kit is made by the same generator, so one that is not deterministic
 * fails on the sample.
 */
export function checkRenderedAgain(
  dir: string,
  kitDir: (dir: string) => string,
  fresh: (file: string) => boolean,
  render: (dir: string) => TruthFile[],
  mix: Float64Array,
  stem: Float64Array,
): void {
  const again = tempDir('tempo-again-');
  try {
    const [from, to] = [kitDir(dir), kitDir(again.dir)];
    mkdirSync(to, { recursive: true });
    const written = readdirSync(from).filter(fresh);
    assert.ok(written.length > 0);
    for (const f of readdirSync(from)) if (!fresh(f)) copyFileSync(path.join(from, f), path.join(to, f));
    const [mix2, stem2] = render(again.dir);
    for (const f of written) assert.deepEqual(readFileSync(path.join(to, f)), readFileSync(path.join(from, f)), f);
    assert.deepEqual(decodeMono(mix2!.file, RATE), mix);
    assert.deepEqual(decodeMono(stem2!.file, RATE), stem);
  } finally {
    again.cleanup();
  }
}

/** The period (samples) of `x` from sample `from`: the autocorrelation's peak (4096 samples) in 0.5–1.5 × RATE / hz. */
export function periodAt(x: Float64Array, from: number, hz: number): number {
  const p0 = RATE / hz;
  let best = -Infinity;
  let lag = 0;
  for (let l = Math.floor(0.5 * p0); l <= Math.ceil(1.5 * p0); l++) {
    let s = 0;
    for (let i = from; i < from + 4096; i++) s += x[i]! * x[i + l]!;
    if (s > best) [best, lag] = [s, l];
  }
  return lag;
}

/** A half-time song's truth (tempo32, tempo33): written at its bpm (±5 %), tapped by tappedTruth at half. */
export function checkHalfTimeTruth(
  spec: { name: string; bpm: number; bars: number; beatsPerBar: number; compound: boolean; tonic: number },
  when: (tick: number) => number,
  ticksPerBeat: number,
): void {
  const [song] = songAndStemTruth(spec, 'a.wav', 'b.wav', when, ticksPerBeat, {
    tonic: spec.tonic % 12,
    mode: 'major',
  });
  assert.ok(Math.abs(song!.bpm - spec.bpm) < 0.05 * spec.bpm, `${song!.bpm}`);
  assert.ok(Math.abs(tappedTruth(song!).bpm - spec.bpm / 2) < 0.05 * spec.bpm, `${tappedTruth(song!).bpm}`);
}

/**
 * A stem struck on every downbeat (but those after a fill bar, every fourth): its peak within −30…+50 ms of the
 * downbeat over 1.2 times its peak 200–60 ms before.
 */
export function checkDownbeatsStruck(x: ArrayLike<number>, downbeats: number[]): void {
  downbeats.forEach((d, bar) => {
    if (bar % 4 !== 0) assert.ok(peakIn(x, d - 0.03, d + 0.05) > 1.2 * peakIn(x, d - 0.2, d - 0.06), `downbeat ${d}`);
  });
}

/**
 * Every ffmpeg chain of `filters` keeps clicks on the clock (tempo33, tempo34): three clicks at 0.8 through each, the
 * output's largest |y| within ±2000 samples of each click on it (±1 sample) and above `minPeak`.
 */
export function checkFiltersOnClock(filters: Record<string, string>, label: string, minPeak: number): void {
  const { dir, cleanup } = tempDir(`${label}-fx-`);
  try {
    const x = new Float64Array(RATE * 2);
    const at = [0.4, 1.1, 1.7].map((s) => Math.round(s * RATE));
    for (const k of at) x[k] = 0.8;
    for (const [name, filter] of Object.entries(filters)) {
      const y = ffmpegFiltered(x, filter, path.join(dir, name), `${label} test`);
      for (const k of at) {
        let best = 0;
        let lag = 0;
        for (let i = k - 2000; i < k + 2000; i++) if (Math.abs(y[i]!) > best) [best, lag] = [Math.abs(y[i]!), i - k];
        assert.ok(Math.abs(lag) <= 1 && best > minPeak, `${name}: lag ${lag}, peak ${best}`);
      }
    }
  } finally {
    cleanup();
  }
}

/**
 * One-sample spikes of y: samples of 0.05 or more over 8 times the RMS of the 64 around them (themselves left out)
 * (h-tset100: tempo51–63's tests wrote this finder each; tempo64's calls it here).
 */
export function spikeCount(y: ArrayLike<number>): number {
  const c = new Float64Array(y.length + 1);
  for (let k = 0; k < y.length; k++) c[k + 1] = c[k]! + y[k]! * y[k]!;
  let n = 0;
  for (let k = 0; k < y.length; k++) {
    const lo = Math.max(0, k - 32);
    const hi = Math.min(y.length, k + 33);
    const rms = Math.sqrt((c[hi]! - c[lo]! - y[k]! * y[k]!) / Math.max(1, hi - lo - 1));
    if (Math.abs(y[k]!) >= 0.05 && Math.abs(y[k]!) > 8 * rms) n++;
  }
  return n;
}

/** A 15-sample moving mean of |y|. */
function envelope15(y: ArrayLike<number>): Float64Array {
  const o = new Float64Array(y.length);
  for (let i = 15; i < y.length; i++) o[i] = o[i - 1]! + (Math.abs(y[i]!) - Math.abs(y[i - 15]!)) / 15;
  return o;
}

/**
 * The lag (samples, −40 to 40) that best lines y's envelope up with x's over the 600 samples from k: a treatment
 * keeps a burst on the clock when it is small (h-tset100: tempo59–63's tests wrote this each).
 */
export function envelopeLag(x: ArrayLike<number>, y: ArrayLike<number>, k: number): number {
  const [ex, ey] = [envelope15(x), envelope15(y)];
  let best = -Infinity;
  let lag = 0;
  for (let l = -40; l <= 40; l++) {
    let s = 0;
    for (let i = k; i < k + 600; i++) s += ex[i]! * ey[i + l]!;
    if (s > best) [best, lag] = [s, l];
  }
  return lag;
}
