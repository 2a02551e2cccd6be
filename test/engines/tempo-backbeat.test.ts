/**
 * The tempo engine's drum-level evidence (issue 12 point 2, h-tempo5), on generated envelopes:
 * - backbeat: a snare on 2 and 4 (full band, no kick) half-way between a level's beats marks the level as half of
 *   the beat; a half-time groove (snare on 3, on a beat) and the beat level itself are not touched;
 * - the periodicity fallback: when the full band is not periodic (a sustained, trembling pad over the drums) but
 *   the low band is, the beat envelope carries the tempo instead of a null.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backbeat, estimateTempoWithDecision } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import type { ParameterSpec } from '../../src/engines/analysis/params.js';

/** Runs `fn` with backbeatFloor at `value` (the declared value may be 1: off). */
const withFloor = <T>(value: number, fn: () => T): T =>
  withParameterValue(TEMPO_PARAMETERS.backbeatFloor as ParameterSpec, value, fn);

/** 100 frames a beat; kick on beats 0 and 2 of each bar (full and low band), snare on 1 and 3 (full band only). */
function backbeatGroove(bars: number): { full: Float32Array; low: Float32Array } {
  const full = new Float32Array(bars * 400 + 1);
  const low = new Float32Array(bars * 400 + 1);
  for (let b = 0; b < bars * 4; b++) {
    full[b * 100] = 1;
    if (b % 2 === 0) low[b * 100] = 1;
    full[b * 100 + 50] = 0.2; // eighth-note hats, weak on the full band
  }
  return { full, low };
}

test('backbeat: the half-tempo level of a kick–snare backbeat gets the floor, the beat level gets 1', () => {
  const { full, low } = backbeatGroove(8);
  const beatLevel = Array.from({ length: 32 }, (_, i) => i * 100);
  const halfTempo = Array.from({ length: 16 }, (_, i) => i * 200);
  withFloor(0.4, () => {
    assert.equal(backbeat(full, low, beatLevel, 1), 1);
    // snare (1.0 on the full band) half-way between kicks, no kick there: the full backbeat
    assert.ok(Math.abs(backbeat(full, low, halfTempo, 1) - 0.4) < 1e-9, `${backbeat(full, low, halfTempo, 1)}`);
  });
  // backbeatFloor 1 switches the term off
  withFloor(1, () => assert.equal(backbeat(full, low, halfTempo, 1), 1));
});

test('backbeat: a half-time groove (snare on 3, on a beat of its level) is not touched', () => {
  const full = new Float32Array(8 * 400 + 1);
  const low = new Float32Array(8 * 400 + 1);
  for (let bar = 0; bar < 8; bar++) {
    full[bar * 400] = 1;
    low[bar * 400] = 1;
    full[bar * 400 + 200] = 1; // snare on 3
    for (let e = 0; e < 8; e++) full[bar * 400 + e * 50] ||= 0.2;
  }
  const beats = Array.from({ length: 32 }, (_, i) => i * 100);
  withFloor(0.4, () => assert.equal(backbeat(full, low, beats, 1), 1));
});

test('a full band without periodicity over a periodic kick: the beat envelope gives the tempo, not a null', () => {
  // 10 ms frames; kick every 0.5 s (120 BPM) on the low band; the full band is a seeded random pad tremor with the
  // kick buried in it
  const frames = 3000;
  const odf = new Float32Array(frames);
  const odfLow = new Float32Array(frames);
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let t = 0; t < frames; t++) odf[t] = rnd() * 2;
  for (let t = 0; t < frames; t += 50) {
    odfLow[t] = 1;
    odf[t] = odf[t]! + 0.5;
  }
  const off = (TEMPO_PARAMETERS.beatEnvelopeFallback as ParameterSpec).value;
  (TEMPO_PARAMETERS.beatEnvelopeFallback as ParameterSpec).value = 0;
  let without;
  try {
    without = estimateTempoWithDecision({ odf, odfLow, hopSeconds: 0.01 });
  } finally {
    (TEMPO_PARAMETERS.beatEnvelopeFallback as ParameterSpec).value = off;
  }
  assert.equal(without.tempo.bpm, null, 'the full band alone is not periodic');
  const { tempo, decision } = estimateTempoWithDecision({ odf, odfLow, hopSeconds: 0.01 });
  assert.ok(tempo.bpm !== null && [60, 120, 240].some((b) => Math.abs(tempo.bpm! / b - 1) < 0.02), `${tempo.bpm}`);
  assert.equal(decision!.inputs.periodicityEnvelope, 'full band + low band');
});
