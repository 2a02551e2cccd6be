/**
 * Close-mic detection (issue 13, h-drums22): a drum struck under another drum's leak. A hat on every beat leaks into
 * the kick and snare mics 8–10 dB down, 2–3 ms late, and the kick or snare is struck with it: in the judge's window
 * (`windowMs`, 6 ms) the hat's bright leak is most of what the mic holds, the kick's body comes after, and the hit
 * was rejected as the hat's bleed. The late test (`lateMs`) looks past the window. npm material only (the FluidR3Mono
 * GM kit through fixtures/drumkit.ts), and the held-out 15 players' velocity map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drumSession, type GrooveHit, type SessionSpec } from '../../fixtures/drumkit.js';
import { level } from '../../fixtures/drumheld15.js';
import { detectSession } from '../helpers/drums.js';
import { BLEED_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';

/** A loud hat on every beat, a kick (odd beats) or snare (even beats) under it at v35/60/85, a tom now and then. */
const spec: SessionSpec = {
  font: 'FluidR3Mono',
  seed: 7,
  bpm: 100,
  bars: 4,
  bleedDb: [-8, -10],
  bleedMs: [2, 3],
  groove: (_rnd, beat, bars) => {
    const hits: GrooveHit[] = [];
    for (let b = 0; b < bars * 4; b++) {
      const t = 0.25 + b * beat;
      hits.push({ piece: 'hihat', t, velocity: 127 });
      hits.push({ piece: b % 2 ? 'snare' : 'kick', t: t + 0.0005 * (b % 3), velocity: [35, 60, 85][b % 3]! });
      hits.push({ piece: 'hihat', t: t + beat / 2, velocity: 85 });
      if (b % 4 === 3) hits.push({ piece: 'tom', t: t + beat / 2, velocity: 60 });
    }
    return hits;
  },
};
const s = drumSession(spec);

test('a kick struck under a hat leak is the kick mic’s own hit (the late test); without it two were bleed', () => {
  const on = detectSession(s, 4).score;
  const off = withParameterValue(BLEED_PARAMETERS.lateMs, 0, () => detectSession(s, 4).score);
  const kick = on.find((r) => r.name === 'kick close')!;
  assert.equal(kick.truth, 8);
  assert.equal(kick.found.length, 8, `kick close: ${kick.found.length} of 8 found`);
  assert.equal(kick.leaks, 0);
  // main's judge (lateMs 0): two kicks rejected as the hat's bleed
  assert.equal(off.find((r) => r.name === 'kick close')!.found.length, 6);
  // no mic loses a true hit or gains a leak
  for (const r of off) {
    const q = on.find((x) => x.name === r.name)!;
    for (const t of r.found) assert.ok(q.found.includes(t), `${r.name}: the hit at ${t} s lost`);
    assert.ok(q.leaks <= r.leaks, `${r.name}: ${q.leaks} leaks against ${r.leaks}`);
  }
});

test('held-out 15: a musical level maps onto the allowed velocity ranges in order', () => {
  const ranges: [number, number][] = [
    [30, 58],
    [90, 101],
  ];
  assert.equal(level(0, ranges), 30);
  assert.equal(level(1, ranges), 101);
  // 29 + 12 velocities: the 29th slot is the first range's last, the 30th the second's first
  assert.equal(level(28.5 / 41, ranges), 58);
  assert.equal(level(29.5 / 41, ranges), 90);
  let prev = 0;
  for (let u = 0; u <= 1; u += 0.01) {
    const v = level(u, ranges);
    assert.ok(v >= prev && ((v >= 30 && v <= 58) || (v >= 90 && v <= 101)), `level(${u}) = ${v}`);
    prev = v;
  }
  assert.equal(level(0.5), 64);
});
