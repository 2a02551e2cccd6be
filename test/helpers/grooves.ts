/**
 * Generated tempo-engine inputs for a looped one-bar drum pattern (the tempo tests': tempo-twobeat, tempo-swing): the
 * full-band and low-band onset envelopes, the onset flux's four groups at half the hop (low, mid, high, top; the
 * fifth column, the timbre novelty, left at 0) and the onset times; and pulses in an eighth-note meter (meterDrums).
 */

import type { TempoInput } from '../../src/engines/tempo/index.js';
import { onsetEnergyBandLowHz } from '../../src/engines/analysis/params.js';

export const HOP = 512 / 44100;
export const SECONDS = 24;

/** [full band, low band (< 150 Hz), flux low, mid, high, top] of one hit. */
export type Hit = readonly [number, number, number, number, number, number];

/** Band profiles of the pieces the tempo tests' grooves strike (a kick, a snare, a closed hat). */
export const KICK: Hit = [1, 1, 1, 0.1, 0, 0];
export const SNARE: Hit = [0.9, 0.1, 0.2, 0.6, 0.5, 0.1];
export const HAT: Hit = [0.3, 0, 0, 0, 0.1, 0.5];

/** Envelopes of a one-bar pattern (quarter-note positions) looped at `bpm` for 24 s. */
export function groove(bpm: number, parts: [number[], Hit][]) {
  const spb = 60 / bpm;
  const n = Math.round(SECONDS / HOP);
  const odf = new Float32Array(n);
  const odfLow = new Float32Array(n);
  // the onset flux at half the hop: low, mid, high, top groups and the timbre novelty
  const flux = new Float32Array(2 * n * 5);
  const onsetTimes: number[] = [];
  const hit = (t: number, h: Hit) => {
    const i = Math.round(t / HOP);
    for (let k = 0; k < 3 && i + k < n; k++) {
      odf[i + k]! += h[0] * 0.5 ** k;
      odfLow[i + k]! += h[1] * 0.5 ** k;
    }
    const j = Math.round((2 * t) / HOP);
    for (let g = 0; g < 4; g++) flux[j * 5 + g]! += h[2 + g]!;
    onsetTimes.push(t);
  };
  for (let bar = 0; (bar + 1) * 4 * spb < SECONDS; bar++)
    for (const [positions, h] of parts) for (const q of positions) hit((bar * 4 + q) * spb, h);
  onsetTimes.sort((a, b) => a - b);
  return { odf, odfLow, hopSeconds: HOP, onsetTimes, flux: { values: flux, groups: 5, hopSeconds: HOP / 2 } };
}

const METER_HOP = 0.01;

/**
 * Pulses at `bpm` (10 ms frames, 5 ms flux frames), bars of `groups` pulses — an eighth-note meter's groups: a kick on
 * the bar's first group start, lighter kicks (`innerKick`) on the other group starts but the last, a snare on the last
 * group's start, a shaker on every pulse (top band), `shaker[0]` on the group starts and `shaker[1]` between
 * (tempo-bartile, tempo-bargroups).
 */
export function meterDrums(
  bpm: number,
  groups: number[],
  shaker: [number, number],
  innerKick: number,
  pulses = 150,
): TempoInput {
  const fpp = 6000 / bpm;
  const bar = groups.reduce((a, b) => a + b, 0);
  const starts: number[] = [];
  groups.reduce((s, g) => (starts.push(s), s + g), 0);
  const n = Math.round(fpp * pulses) + 100;
  const odf = new Float32Array(n);
  const odfLow = new Float32Array(n);
  const flux = new Float32Array(2 * n * 5);
  for (let p = 0; p < pulses; p++) {
    const i = Math.round(p * fpp);
    const k = starts.indexOf(p % bar);
    const kick = k === 0 ? 1 : k > 0 && k < starts.length - 1 ? innerKick : 0;
    const snare = k === starts.length - 1 && k > 0 ? 0.9 : 0;
    const shake = k >= 0 ? shaker[0] : shaker[1];
    odf[i] = Math.max(kick, snare, shake);
    odfLow[i] = kick;
    const j = 2 * i;
    flux[j * 5] = kick;
    flux[j * 5 + 1] = 0.2 * kick + snare;
    flux[j * 5 + 2] = snare + 0.3 * shake;
    flux[j * 5 + 3] = shake + 0.3 * snare;
  }
  return { odf, odfLow, hopSeconds: METER_HOP, flux: { values: flux, groups: 5, hopSeconds: METER_HOP / 2 } };
}

/** The band energies' hop (the onset flux's: half the envelope's) and band edges at 44.1 kHz. */
const BAND_HOP = 256 / 44100;
const LOW_HZ = onsetEnergyBandLowHz(44100);
export type Piece = 'snare' | 'kick' | 'hat' | 'stick';
/** Per region (sub, body, noise, air) the peak power and its decay time constant (s). */
const SHAPES: Record<Piece, [number, number][]> = {
  snare: [
    [0.01, 0.05],
    [1, 0.1],
    [1, 0.08],
    [0.2, 0.04],
  ],
  kick: [
    [1, 0.15],
    [0.8, 0.1],
    [0.3, 0.004],
    [0.02, 0.004],
  ],
  hat: [
    [0, 0.01],
    [0.001, 0.01],
    [0.1, 0.01],
    [0.6, 0.02],
  ],
  stick: [
    [0.001, 0.01],
    [0.1, 0.02],
    [0.6, 0.004],
    [0.1, 0.003],
  ],
};
const regionOf = (lo: number, hi: number) => {
  const fc = Math.sqrt(lo * hi);
  return fc < 125 ? 0 : fc < 340 ? 1 : fc < 1000 ? -1 : fc < 5500 ? 2 : 3;
};

/**
 * Band energies (the onset flux's 2-per-octave bands at 44.1 kHz, TempoInput.bandEnergy) of a list of hits
 * (seconds, piece) over `seconds` (h-tempo24's snare-hit tests; h-tempo33's side-stick ballads).
 */
export function bandEnergy(hits: [number, Piece][], seconds: number) {
  const n = Math.ceil(seconds / BAND_HOP);
  const bands = LOW_HZ.length;
  const values = new Float64Array(n * bands).fill(1e-6);
  for (const [t0, piece] of hits) {
    const f0 = Math.round(t0 / BAND_HOP);
    for (let b = 0; b < bands; b++) {
      const r = regionOf(LOW_HZ[b]!, LOW_HZ[b + 1] ?? 2 * LOW_HZ[b]!);
      if (r < 0) continue;
      const [peak, tau] = SHAPES[piece][r]!;
      for (let f = f0; f < n && f < f0 + 200; f++)
        values[f * bands + b]! += peak * Math.exp(-((f - f0) * BAND_HOP) / tau);
    }
  }
  return { values, bands, hopSeconds: BAND_HOP, lowHz: LOW_HZ };
}

/**
 * 120 BPM at 10 ms frames (50 frames a beat), 48 beats: the full band on every beat (the low band strong on 1 and 3),
 * an eighth-note hat, and chords (C, then F major) changing every 4 beats, with this pitch-class profile (the chord
 * gate's tuning; tempo-gate, tempo-level-model).
 */
export function chordsEveryFourBeats(pitchClass: Float64Array | undefined): TempoInput {
  const frames = 50 * 48;
  const odf = new Float32Array(frames);
  const odfLow = new Float32Array(frames);
  for (let b = 0; b < 48; b++) {
    odf[b * 50] = b % 2 ? 0.8 : 1;
    odfLow[b * 50] = b % 2 ? 0.1 : 1;
    odf[b * 50 + 25] = 0.3; // eighth-note hats
  }
  const chroma = new Float32Array(frames * 12);
  for (let t = 0; t < frames; t++) {
    const chord = Math.floor(t / 200) % 2 ? [5, 9, 0] : [0, 4, 7];
    for (const k of chord) chroma[t * 12 + k] = 1;
  }
  return { odf, odfLow, chroma, pitchClass, hopSeconds: 0.01 };
}
