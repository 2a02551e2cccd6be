/**
 * The backbeat phase (issue 12 point 2, h-tempo86) on generated snare hits: a four-on-the-floor song whose off-beat
 * bass outweighs the kick leaves the tracker's beats half a beat off the kick, while its snare and clap fall on 2 and
 * 4; the beats move half a beat when the snare hits half-way between them outnumber those on them
 * (backbeatPhaseRatio), are enough (backbeatPhaseMinHits) and fall after every other beat (backbeatPhaseParity); a
 * polka's or a march's snare on every "and" does not move them; at 10 nothing is read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backbeatPhase, fractionShifted } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

/** 120 BPM: 48 kicks, one every 0.5 s from 1 s (four on the floor, 12 bars). */
const kicks = Array.from({ length: 48 }, (_, i) => 1 + 0.5 * i);
/** The snare and clap on 2 and 4: every other kick (a hit detector's times, 10 ms late). */
const backbeat = kicks.filter((_, i) => i % 2 === 1).map((t) => t + 0.01);
/** The tracker on the off-beat bass: every beat half a beat after a kick. */
const onBass = kicks.map((t) => t + 0.25);

const on = <T>(f: () => T) => withParameterValue(TEMPO_PARAMETERS.backbeatPhaseRatio, 2, f);

test('a four-on-the-floor whose off-beat bass holds the tracker: the beats return to the kicks', () => {
  const p = on(() => backbeatPhase(backbeat, onBass));
  assert.deepEqual(p, { shift: true, on: 0, half: 24, parity: 1 });
  // moved half a beat as the engine moves them (on frames: here 10 ms), every beat is a kick
  const moved = fractionShifted(
    onBass.map((t) => Math.round(t * 100)),
    0.5,
  ).map((f) => f / 100);
  // (the last a beat after the last kick, by its predecessor's interval)
  moved.forEach((t, i) => assert.ok(Math.abs(t - (kicks[i + 1] ?? 25)) < 1e-9, `beat ${i} at ${t}`));
});

test('the beats on the kicks (the bass half-way): they stay', () => {
  const p = on(() => backbeatPhase(backbeat, kicks));
  assert.equal(p.shift, false);
  assert.equal(p.on, 23);
  assert.equal(p.half, 0);
});

test('a polka\'s or a march\'s snare on every "and" (beats on the kicks): parity 0.5, no move', () => {
  const ands = kicks.slice(0, -1).map((t) => t + 0.25);
  const p = on(() => backbeatPhase(ands, kicks));
  assert.equal(p.half, 47);
  assert.ok(Math.abs(p.parity - 24 / 47) < 1e-9, `${p.parity}`);
  assert.equal(p.shift, false);
});

test('fewer half-way hits than backbeatPhaseMinHits, or too many on the beats: no move', () => {
  // 7 backbeats only (the snare enters late)
  assert.equal(on(() => backbeatPhase(backbeat.slice(-7), onBass)).shift, false);
  assert.equal(on(() => backbeatPhase(backbeat.slice(-8), onBass)).shift, true);
  // nearly as many snare hits on the beats as half-way (a fill on 23 beats): not above twice
  const fills = onBass.slice(0, 23).map((t) => t + 0.005);
  const p = on(() =>
    backbeatPhase(
      [...backbeat, ...fills].sort((a, b) => a - b),
      onBass,
    ),
  );
  assert.deepEqual([p.on, p.half, p.shift], [23, 24, false]);
});

test('the default 2 / 8 / 0.8 (h-tempo88); at 10 the backbeat phase reads nothing', () => {
  assert.equal(TEMPO_PARAMETERS.backbeatPhaseRatio.value, 2);
  assert.equal(TEMPO_PARAMETERS.backbeatPhaseMinHits.value, 8);
  assert.equal(TEMPO_PARAMETERS.backbeatPhaseParity.value, 0.8);
  const p = withParameterValue(TEMPO_PARAMETERS.backbeatPhaseRatio, 10, () => backbeatPhase(backbeat, onBass));
  assert.equal(p.shift, false);
  assert.ok(Number.isNaN(p.on));
});
