/**
 * The timbre novelty's floor (noveltyMinDb): a kick with a quiet bright part (a hat 25 dB down) through a room mic
 * (fixtures' roomMic: four combs whose echoes meet 150 ms after each hit) makes, 100–200 ms after every strike, a
 * novelty peak of a few tenths of a dB — large beside a file whose highs are that quiet, and no onset. A hat over a
 * ringing open hat changes the timbre by several dB and is still found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { onsetFluxOptions, stftLayout } from '../../src/engines/analysis/params.js';
import { detectOnsets, onsetDefaults, onsetInput } from '../../src/engines/onsets/index.js';
import { TUNING_KITS, kitPlayer, roomMic } from '../../fixtures/drumtruth.js';

const RATE = 44100;
const STRIKES = 8;
const GAP = 0.8;
const FIRST = 0.1;

function onsets(x: Float64Array, params = onsetDefaults()): number[] {
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(RATE, {}),
  );
  fx.addFloat(Float32Array.from(x));
  return detectOnsets(onsetInput(fx.finish(), RATE, stftLayout(RATE).windowSamples), params).times;
}

/**
 * Every GAP s from FIRST: a tuning kit's kick (tune-Millo-Drums, velocity 0.85) cut at 140 ms with a 10 ms fade-out
 * (its own end makes no onset: the fade) and its closed hat (velocity 0.65) `hatDb` under its own gain; with the room
 * mic added, peak-normalized to 0.9. Tuning material only (no held-out set's part).
 */
function kickHat(hatDb: number, room: boolean): Float64Array {
  const play = kitPlayer(TUNING_KITS.find((k) => k.name === 'tune-Millo-Drums')!);
  assert.ok(typeof play !== 'string', String(play));
  const kick = play('kick', 0.85)!;
  const hat = play('hat', 0.65)!;
  const len = Math.round(0.14 * RATE);
  const fade = Math.round(0.01 * RATE);
  const k = kick.x.slice(0, len);
  for (let i = len - fade; i < len; i++) k[i]! *= (len - i) / fade;
  const dry = new Float64Array(Math.round((STRIKES * GAP + 1) * RATE));
  const g = hat.gain * 10 ** (hatDb / 20);
  for (let s = 0; s < STRIKES; s++) {
    const at = Math.round((FIRST + GAP * s) * RATE);
    for (let i = 0; i < k.length; i++) dry[at + i]! += kick.gain * k[i]!;
    for (let i = 0; i < hat.x.length && at + i < dry.length; i++) dry[at + i]! += g * hat.x[i]!;
  }
  const wet = room ? roomMic(dry) : undefined;
  const mix = wet ? dry.map((v, i) => v + wet[i]!) : dry;
  let peak = 0;
  for (const v of mix) peak = Math.max(peak, Math.abs(v));
  return mix.map((v) => (v * 0.9) / peak);
}

/** Onsets 100–200 ms after a strike (ms after it). */
function late(times: number[]): number[] {
  return times
    .map((t) => t - FIRST - GAP * Math.round((t - FIRST) / GAP))
    .filter((d) => d >= 0.1 && d <= 0.2)
    .map((d) => Math.round(d * 1000));
}

test('onsets: a kick with its hat 25 dB down through a room mic, no onset 100–200 ms after a strike', () => {
  const times = onsets(kickHat(-25, true));
  assert.deepEqual(late(times), []);
  // every strike found, once
  for (let k = 0; k < STRIKES; k++)
    assert.ok(
      times.some((t) => Math.abs(t - FIRST - GAP * k) <= 0.02),
      `strike ${k}: ${times.join(' ')}`,
    );
  // the novelty's peaks there are the cause: without the floor they come back (main's code before noveltyMinDb; the
  // rule's own reading, so with the peak model off: with it on, it drops them either way)
  const rules = { ...onsetDefaults(), onsetModel: 0 };
  assert.deepEqual(late(onsets(kickHat(-25, true), rules)), []);
  assert.ok(late(onsets(kickHat(-25, true), { ...rules, noveltyMinDb: 0 })).length >= STRIKES / 2);
  // dry: none either way
  assert.deepEqual(late(onsets(kickHat(-25, false), { ...rules, noveltyMinDb: 0 })), []);
});
