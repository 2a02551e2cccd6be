/**
 * Hit classification on a whole-kit stem (`mix` tracks, issue 13): each hit's class (kick, snare,
 * tom, hihat, ride, crash) from three features of the samples after its start, each cheap and
 * time-domain (no spectrum is held):
 *
 * - `brightnessHz`: the root-mean-square frequency of the first `attackMs`, from the energy of the
 *   first difference against the signal's (a sinusoid of f gives E(Δx)/E(x) = 4 sin²(πf/fs));
 * - `lowShare`: the share of that energy below `lowHz` (a one-pole low-pass);
 * - `decayMs`: how long after its peak the 5 ms RMS stays within `decayDb` of it.
 *
 * Kicks are mostly low; hats and cymbals have no low body, hats decay fast, a ride's ping is
 * brighter than a crash's wash; the other drums are toms when they ring, snares when they do not.
 * The thresholds are declared in
 * params.ts (CLASSIFY_PARAMETERS), tuned on one soundfont kit and checked on others.
 */
import { CLASSIFY_PARAMETERS as C } from './params.js';

export const HIT_CLASSES = ['kick', 'snare', 'tom', 'hihat', 'ride', 'crash'] as const;
export type HitClass = (typeof HIT_CLASSES)[number];

export interface HitFeatures {
  brightnessHz: number;
  lowShare: number;
  decayMs: number;
}

/** Samples a classifier needs after a hit's start (the feature window). */
export const classifyWindowSamples = (rate: number): number => Math.round((C.windowMs.value * rate) / 1000);

/** Features of a hit from the samples starting at its start (`x.length` ≥ the window, zero padded). */
export function hitFeatures(x: Float32Array, rate: number): HitFeatures {
  const attack = Math.min(x.length, Math.round((C.attackMs.value * rate) / 1000));
  let e0 = 0;
  let e1 = 0;
  let el = 0;
  const a = Math.exp((-2 * Math.PI * C.lowHz.value) / rate);
  let lp = 0;
  for (let i = 0; i < attack; i++) {
    const v = x[i]!;
    const d = v - (i > 0 ? x[i - 1]! : 0);
    e0 += v * v;
    e1 += d * d;
    lp = (1 - a) * v + a * lp;
    el += lp * lp;
  }
  const ratio = e0 > 0 ? Math.min(4, e1 / e0) : 0;
  const brightnessHz = (rate / Math.PI) * Math.asin(Math.sqrt(ratio) / 2);
  // decay: 5 ms RMS frames over the window
  const frame = Math.max(1, Math.round(0.005 * rate));
  const frames: number[] = [];
  for (let at = 0; at + frame <= x.length; at += frame) {
    let s = 0;
    for (let i = at; i < at + frame; i++) s += x[i]! * x[i]!;
    frames.push(s / frame);
  }
  let peak = 0;
  let peakAt = 0;
  frames.forEach((v, i) => {
    if (v > peak) {
      peak = v;
      peakAt = i;
    }
  });
  const floor = peak * 10 ** (-C.decayDb.value / 10);
  let end = peakAt;
  while (end + 1 < frames.length && frames[end + 1]! >= floor) end++;
  return {
    brightnessHz,
    lowShare: e0 > 0 ? Math.min(1, el / e0) : 0,
    decayMs: ((end - peakAt + 1) * frame * 1000) / rate,
  };
}

/** The class of a hit from its features, and why (for the decision log). */
export function classifyHit(f: HitFeatures): { cls: HitClass; confidence: number; reason: string } {
  const b = f.brightnessHz;
  const low = `${(100 * f.lowShare).toFixed(0)} % below ${C.lowHz.value} Hz`;
  const margin = (v: number, edge: number) => Math.min(1, 2 * Math.abs(Math.log2(Math.max(1e-6, v) / edge)));
  const conf = (...m: number[]) => Math.round(100 * Math.min(...m)) / 100;
  if (f.lowShare >= C.kickLowShare.value)
    return { cls: 'kick', confidence: conf(margin(f.lowShare, C.kickLowShare.value)), reason: `low (${low})` };
  if (f.lowShare < C.cymbalLowShare.value) {
    const lm = margin(Math.max(f.lowShare, 0.01), C.cymbalLowShare.value);
    if (f.decayMs < C.hatDecayMs.value)
      return {
        cls: 'hihat',
        confidence: conf(lm, margin(f.decayMs, C.hatDecayMs.value)),
        reason: `no body (${low}) and short (${f.decayMs.toFixed(0)} ms < ${C.hatDecayMs.value})`,
      };
    const ride = b >= C.rideHz.value;
    return {
      cls: ride ? 'ride' : 'crash',
      confidence: conf(lm, margin(f.decayMs, C.hatDecayMs.value), margin(b, C.rideHz.value)),
      reason: `no body (${low}), ringing ${f.decayMs.toFixed(0)} ms, ${b.toFixed(0)} Hz (${ride ? 'ping' : 'wash'})`,
    };
  }
  const tom = f.decayMs >= C.tomDecayMs.value;
  return {
    cls: tom ? 'tom' : 'snare',
    confidence: conf(margin(f.decayMs, C.tomDecayMs.value), margin(f.lowShare, C.cymbalLowShare.value)),
    reason: `a drum body (${low}) ringing ${f.decayMs.toFixed(0)} ms (${tom ? '≥' : '<'} ${C.tomDecayMs.value})`,
  };
}
