/**
 * Close-mic detection (issue 13, h-dxdet11): a one-shot's own later bursts are part of its hit, evenly spaced hits
 * are not, and a leak found before its source's detected start is still judged against that source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DrumSessionDetector } from '../../src/engines/drums/session.js';
import { BLEED_PARAMETERS, SHOT_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue, type ParameterSpec } from '../../src/engines/analysis/params.js';
import { mulberry32 } from '../../src/engines/random.js';
import type { Instrument } from '../../src/recipes/drums.js';

const rate = 44100;

/** Noise bursts (seeded), each decaying with a 3 ms time constant over 10 ms: [offset ms, gain] each. */
function bursts(seed: number, parts: [number, number][], seconds = 0.06): Float32Array {
  const rnd = mulberry32(seed);
  const x = new Float32Array(Math.round(seconds * rate));
  for (const [ms, gain] of parts) {
    const at = Math.round((ms * rate) / 1000);
    for (let i = 0; i < Math.round(0.01 * rate) && at + i < x.length; i++)
      x[at + i]! += gain * Math.exp(-i / rate / 0.003) * (2 * rnd() - 1);
  }
  return x;
}

/** A kick: a decaying 70 Hz tone, 300 ms. */
const kick = Float32Array.from({ length: Math.round(0.3 * rate) }, (_, i) => {
  const t = i / rate;
  return 0.8 * Math.exp(-t / 0.05) * Math.sin(2 * Math.PI * 70 * t);
});

function run(instruments: Instrument[], mics: Float32Array[]) {
  const det = new DrumSessionDetector(rate, instruments);
  for (let i = 0; i < mics[0]!.length; i += 8192) det.push(mics.map((m) => m.subarray(i, i + 8192)));
  return det.finish();
}

const add = (mic: Float32Array, shot: Float32Array, at: number, gain: number) => {
  for (let i = 0; i < shot.length && at + i < mic.length; i++) mic[at + i]! += gain * shot[i]!;
};

test("a hand clap's third burst (36 ms on) is part of its hit once the mic's hits showed it", () => {
  // a clap: bursts at 0, 14 and 36 ms, the last as loud as the first; claps at four levels, kicks between them, each
  // leaking into the other mic (−15 dB, 1 ms)
  const clap = bursts(5, [
    [0, 1],
    [14, 0.8],
    [36, 1],
  ]);
  const frames = 8 * rate;
  const mics = [new Float32Array(frames), new Float32Array(frames)];
  const claps: number[] = [];
  const lag = Math.round(0.001 * rate);
  for (let k = 0; k < 12; k++) {
    const at = Math.round((0.25 + 0.6 * k) * rate);
    const gain = [1, 0.5, 0.8, 0.35][k % 4]!;
    claps.push(at);
    add(mics[0]!, clap, at, gain);
    add(mics[1]!, clap, at + lag, gain * 10 ** (-15 / 20));
    add(mics[1]!, kick, at + Math.round(0.3 * rate), 1);
    add(mics[0]!, kick, at + Math.round(0.3 * rate) + lag, 10 ** (-15 / 20));
  }
  const burst = Math.round(0.036 * rate);
  // without the shot test every third burst is a hit of its own
  const off = withParameterValue(SHOT_PARAMETERS.shotMs as ParameterSpec, 0, () => run(['snare', 'kick'], mics));
  const offHits = off[0]!.hits.map((h) => h.sample);
  assert.equal(offHits.length, 2 * claps.length, `shot test off: ${offHits.join(' ')}`);
  // with it: each clap once, within a millisecond; the bursts of the first `shotHits` claps (before that many shots
  // showed the burst) are still reported
  const hits = run(['snare', 'kick'], mics)[0]!.hits.map((h) => h.sample);
  const near = (t: number) => hits.filter((h) => Math.abs(h - t) <= rate / 1000).length;
  claps.forEach((t, k) => assert.equal(near(t), 1, `clap ${k} at ${t}: ${hits.join(' ')}`));
  claps.forEach((t, k) =>
    assert.equal(near(t + burst), k < SHOT_PARAMETERS.shotHits.value ? 1 : 0, `burst of clap ${k}: ${hits.join(' ')}`),
  );
  assert.equal(hits.length, claps.length + SHOT_PARAMETERS.shotHits.value);
});

test('strokes of a roll closer than shotMs, one level, are all hits (evenly spaced hits are no bursts)', () => {
  // four-stroke rolls (strokes 40 ms apart, one level) every 300 ms on an exact grid: each roll's second stroke lies at
  // the same offset and level after its first as a burst would, but a third follows it at that offset again
  const hat = bursts(9, [[0, 0.7]], 0.03);
  const frames = 5 * rate;
  const mics = [new Float32Array(frames), new Float32Array(frames)];
  const strokes: number[] = [];
  for (let r = 0; r < 15; r++)
    for (let k = 0; k < 4; k++)
      strokes.push(Math.round(0.2 * rate) + r * Math.round(0.3 * rate) + k * Math.round(0.04 * rate));
  for (const at of strokes) add(mics[0]!, hat, at, 1);
  const hits = run(['hihat', 'kick'], mics)[0]!.hits.map((h) => h.sample);
  assert.equal(hits.length, strokes.length, `${hits.length} strokes: ${hits.join(' ')}`);
  hits.forEach((h, k) => assert.ok(Math.abs(h - strokes[k]!) <= rate / 1000, `stroke ${k} at ${h}`));
});

test("a leak found before its source's detected start is judged bleed of it", () => {
  // a drum whose tone starts 3 ms before its bright attack (as a maraca's or a soft-fronted hat's swell): the hat
  // mic, through its second difference, finds it where the attack begins, 3 ms late; its leak into the kick mic,
  // low-passed at 1.5 kHz (no bleed path is learnt), is found where the tone begins, 2.2 ms before that
  const frames = 6 * rate;
  const rnd = mulberry32(11);
  const pre = Math.round(0.003 * rate);
  const shaker = Float32Array.from({ length: Math.round(0.06 * rate) }, (_, i) => {
    const t = i / rate;
    const tone = 0.5 * Math.exp(-t / 0.02) * Math.sin(2 * Math.PI * 400 * t);
    return tone + (i < pre ? 0 : 0.5 * Math.exp(-(i - pre) / rate / 0.006) * (2 * rnd() - 1));
  });
  const mics = [new Float32Array(frames), new Float32Array(frames)];
  const leak = new Float32Array(frames);
  const shakers = Array.from({ length: 16 }, (_, k) => Math.round((0.2 + 0.35 * k) * rate));
  const kicks = shakers.filter((_, k) => k % 3 === 1).map((t) => t + Math.round(0.17 * rate));
  for (const at of shakers) {
    add(mics[1]!, shaker, at, 1);
    add(leak, shaker, at + Math.round(0.0008 * rate), 10 ** (-12 / 20));
  }
  const c = Math.exp((-2 * Math.PI * 1500) / rate);
  for (let pass = 0; pass < 2; pass++) {
    let y = 0;
    for (let i = 0; i < frames; i++) leak[i] = y = (1 - c) * leak[i]! + c * y;
  }
  for (let i = 0; i < frames; i++) mics[0]![i]! += leak[i]!;
  for (const at of kicks) add(mics[0]!, kick, at, 1);
  const detect = (slackMs: number) =>
    withParameterValue(BLEED_PARAMETERS.startSlackMs as ParameterSpec, slackMs, () => run(['kick', 'hihat'], mics));
  // with the former slack (0.25 ms) the judge never fits the leaks: every one is kept as a kick
  const before = detect(0.25)[0]!.hits.length;
  assert.equal(before, kicks.length + shakers.length, `${before} kick-mic hits with a 0.25 ms slack`);
  const found = detect(BLEED_PARAMETERS.startSlackMs.value);
  const got = found[0]!.hits.map((h) => h.sample);
  assert.equal(got.length, kicks.length, `kick mic: ${got.join(' ')} for ${kicks.join(' ')}`);
  got.forEach((h, k) => assert.ok(Math.abs(h - kicks[k]!) <= rate / 1000, `kick ${k} at ${h}`));
  const hats = found[1]!.hits.map((h) => h.sample);
  assert.equal(hats.length, shakers.length);
  // the hat mic's own start lies at the attack, 3 ms on (its truth by the 5 % rule of the emphasized signal)
  hats.forEach((h, k) => assert.ok(Math.abs(h - shakers[k]! - pre) <= rate / 1000, `hat ${k} at ${h}`));
});
