/**
 * A stem with no kick (issue 13, h-dx78; stem-model.ts applyKicklessStem, STEM_KICKLESS_PARAMETERS): toms alone, the
 * lowest read as the kick by the model; a kick's head falls in pitch as it rings, a tom's holds. An analytic kit as
 * drums-model.test.ts's (16ths at 100 bpm, four bars): a floor tom (one sine holding its pitch, ringing 0.25 s, a 2 ms
 * stick click) where the kick was, three toms at 200, 160 and 130 Hz, a snare (a 190 Hz sine and noise), closed hats
 * of differentiated noise; beside it the same kit with its kick (a sine falling from 200 to 50 Hz with a beater click).
 * Truth is where each stroke was placed. Each reading names kicklessFallSt's value (the engine's default aside).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEM_KICKLESS_PARAMETERS as K } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { noiseSource } from '../../fixtures/signals.js';
import { placeStrokes, tallyStem } from '../../fixtures/stemtally.js';
import { applyKicklessStem, applySnarePitch } from '../../src/engines/drums/stem-model.js';
import type { StemHit } from '../../src/engines/drums/stem.js';

const rate = 44100;
type Piece = 'kick' | 'floor' | 'snare' | 'hat' | 'tom1' | 'tom2' | 'tom3';

/** One stroke, 0.6 s; the floor tom at `floorHz`. */
function stroke(piece: Piece, r: () => number, floorHz: number): Float64Array {
  const n = Math.round(0.6 * rate);
  const x = new Float64Array(n);
  let last = 0;
  const hz = { floor: floorHz, tom1: 200, tom2: 160, tom3: 130 } as Record<Piece, number>;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const w = r();
    const hp = w - last;
    last = w;
    if (piece === 'kick') {
      const phase = 2 * Math.PI * (50 * t + 150 * 0.02 * (1 - Math.exp(-t / 0.02)));
      x[i] = Math.sin(phase) * Math.exp(-t / 0.3) + 0.05 * hp * Math.exp(-t / 0.001);
    } else if (piece === 'snare')
      x[i] = 0.5 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t / 0.05) + 0.4 * w * Math.exp(-t / 0.08);
    else if (piece === 'hat') x[i] = 0.3 * hp * Math.exp(-t / 0.02);
    else x[i] = 0.8 * Math.sin(2 * Math.PI * hz[piece] * t) * Math.exp(-t / 0.25) + 0.1 * hp * Math.exp(-t / 0.002);
  }
  return x;
}

/** Four bars of a groove and a tom run, `low` on the kick's beats: per piece struck, how many hits read as each. */
function tally(low: 'kick' | 'floor', floorHz: number, fallSt: number): Record<string, number> {
  const bar = `${low} hat snare hat ${low} hat snare hat ${low} tom1 tom2 tom3 ${low} tom1 tom2 tom3`.split(
    ' ',
  ) as Piece[];
  const u = noiseSource(78);
  const r = () => 2 * u() - 1;
  const step = Math.round((15 / 100) * rate);
  const { x, truth } = placeStrokes(
    bar,
    bar.length * 4,
    step,
    rate,
    (piece) => stroke(piece, r, floorHz),
    (k) => 0.5 * (0.85 + 0.05 * (k % 3)),
  );
  return withParameterValue(K.kicklessFallSt, fallSt, () => tallyStem(x, truth, rate).got);
}

const ALL_RIGHT = { 'hat->hihat': 16, 'snare->snare': 8, 'tom1->tom': 8, 'tom2->tom': 8, 'tom3->tom': 8 };

test('kickless stem: a 70 Hz floor tom and its toms, all toms at kicklessFallSt 0.9; without the rule 5 kicks', () => {
  const got = tally('floor', 70, 0.9);
  const off = tally('floor', 70, 0);
  const why = `${JSON.stringify(got)} off ${JSON.stringify(off)}`;
  assert.deepEqual(got, { 'floor->tom': 16, ...ALL_RIGHT }, why);
  assert.equal(off['floor->kick'], 3, why);
  assert.equal(off['tom2->kick'], 2, why);
});

test('kickless stem: an 85 Hz floor tom, all toms at kicklessFallSt 0.9; without the rule 4 of the 130 Hz kicks', () => {
  const got = tally('floor', 85, 0.9);
  const off = tally('floor', 85, 0);
  const why = `${JSON.stringify(got)} off ${JSON.stringify(off)}`;
  assert.deepEqual(got, { 'floor->tom': 16, ...ALL_RIGHT }, why);
  assert.equal(off['tom3->kick'], 4, why);
});

test('kickless stem: the same kit with its falling kick keeps every kick at kicklessFallSt 0.9 and 1.2', () => {
  for (const v of [0.9, 1.2]) {
    const got = tally('kick', 0, v);
    assert.deepEqual(got, { 'kick->kick': 16, ...ALL_RIGHT }, `${v}: ${JSON.stringify(got)}`);
  }
});

/** A reported primary hit read as `cls` (the model's), its body partial at `hz` falling to `lateHz`, its wires-band
 * share `wires` and its peak. */
function hitOf(start: number, cls: StemHit['cls'], hz: number, lateHz: number, wires = 0, peak = 0.5): StemHit {
  return {
    start,
    peak,
    rise: 20,
    cls,
    confidence: 0.5,
    reason: '',
    secondary: false,
    features: {
      share: [0.5, 0.5 - wires, wires, 0],
      addedDb: [-20, -20, -20, -20],
      decayMs: [100, 50, 20, 20],
      bodyHz: hz,
      bodyLateHz: lateHz,
    },
  };
}
const classes = (hits: StemHit[]) => hits.map((h) => h.cls).join(' ');
const on = <T>(f: () => T) =>
  withParameterValue(K.kicklessFallSt, 0.9, () =>
    withParameterValue(K.snarePitchSt, 1, () =>
      withParameterValue(K.snarePitchMaxPeak, 0.3, () => withParameterValue(K.snareWiresOffShare, 0.15, f)),
    ),
  );

test("kickless stem: the model's kicks holding their pitch (median fall 0.3 st < 0.9) become toms", () => {
  // falls 12 log2(hz / lateHz): 0, 0.5, 1.0, 0.3 semitones: median (the lower of the two middle ones) 0.3
  const hits = [
    hitOf(0, 'kick', 80, 80),
    hitOf(1000, 'kick', 80, 80 / 2 ** (0.5 / 12)),
    hitOf(2000, 'kick', 80, 80 / 2 ** (1 / 12)),
    hitOf(3000, 'kick', 80, 80 / 2 ** (0.3 / 12)),
    hitOf(4000, 'tom', 120, 120),
  ];
  on(() => applyKicklessStem(hits));
  assert.equal(classes(hits), 'tom tom tom tom tom');
  assert.match(hits[0]!.reason, /no kick, a tom/);
  // a kick that falls 2 semitones (a beater's sweep) stays; so do three holding kicks at kicklessFallSt 0 (off), and
  // two holding kicks (fewer than kicklessMinHits 3)
  const falling = [0, 1, 2].map((i) => hitOf(1000 * i, 'kick', 80, 80 / 2 ** (2 / 12)));
  on(() => applyKicklessStem(falling));
  assert.equal(classes(falling), 'kick kick kick');
  const off = [0, 1, 2].map((i) => hitOf(1000 * i, 'kick', 80, 80));
  withParameterValue(K.kicklessFallSt, 0, () => applyKicklessStem(off));
  assert.equal(classes(off), 'kick kick kick');
  const two = [0, 1].map((i) => hitOf(1000 * i, 'kick', 80, 80));
  on(() => applyKicklessStem(two));
  assert.equal(classes(two), 'kick kick');
});

test("snare pitch: a soft tom at the snare's pitch is a ghost snare; a loud one a tom unless the wires are off", () => {
  // snares at 240 Hz with wires (share 0.3), peak 0.5: a tom at 243 Hz at 0.1 (0.2 of theirs) is a snare, one at
  // 0.4 stays a tom, one at 160 Hz at 0.1 stays a tom
  const wired = [
    ...[0, 1, 2].map((i) => hitOf(1000 * i, 'snare', 240, 240, 0.3)),
    hitOf(3000, 'tom', 243, 243, 0, 0.1),
    hitOf(4000, 'tom', 243, 243, 0, 0.4),
    hitOf(5000, 'tom', 160, 160, 0, 0.1),
  ];
  on(() => applySnarePitch(wired));
  assert.equal(classes(wired), 'snare snare snare snare tom tom');
  assert.match(wired[3]!.reason, /at the stem's snare pitch/);
  // the same stem with the snares off (wires share 0.05 < 0.15): the loud tom at 243 Hz is that snare too
  const wiresOff = [
    ...[0, 1, 2].map((i) => hitOf(1000 * i, 'snare', 240, 240, 0.05)),
    hitOf(3000, 'tom', 243, 243, 0, 0.1),
    hitOf(4000, 'tom', 243, 243, 0, 0.4),
    hitOf(5000, 'tom', 160, 160, 0, 0.1),
  ];
  on(() => applySnarePitch(wiresOff));
  assert.equal(classes(wiresOff), 'snare snare snare snare snare tom');
});

test('snares-off analytic kit: every backbeat of a 230 Hz snare with its wires off reads as tom, rule or not', () => {
  // a limit of the rule, measured: it needs the stem's own hits read as snare to find the snare's pitch; here there
  // are none (a kick, hats, the snare as a 230 Hz sine with a stick click and no noise, toms at 160, 130, 100 Hz)
  const u = noiseSource(79);
  const r = () => 2 * u() - 1;
  const bar = 'kick hat snare hat kick hat snare hat kick tom1 tom2 tom3 kick hat snare hat'.split(' ');
  const hz: Record<string, number> = { snare: 230, tom1: 160, tom2: 130, tom3: 100 };
  const sound = (piece: string) => {
    const n = Math.round(0.6 * rate);
    const x = new Float64Array(n);
    let last = 0;
    for (let i = 0; i < n; i++) {
      const t = i / rate;
      const w = r();
      const hp = w - last;
      last = w;
      if (piece === 'kick') {
        const phase = 2 * Math.PI * (50 * t + 150 * 0.02 * (1 - Math.exp(-t / 0.02)));
        x[i] = Math.sin(phase) * Math.exp(-t / 0.3) + 0.05 * hp * Math.exp(-t / 0.001);
      } else if (piece === 'hat') x[i] = 0.3 * hp * Math.exp(-t / 0.02);
      else {
        const decay = piece === 'snare' ? 0.12 : 0.25;
        x[i] = 0.7 * Math.sin(2 * Math.PI * hz[piece]! * t) * Math.exp(-t / decay) + 0.1 * hp * Math.exp(-t / 0.002);
      }
    }
    return x;
  };
  const { x, truth } = placeStrokes(
    bar,
    bar.length * 4,
    Math.round((15 / 100) * rate),
    rate,
    sound,
    (k) => 0.5 * (0.85 + 0.05 * (k % 3)),
  );
  const got = on(() => tallyStem(x, truth, rate).got);
  const off = withParameterValue(K.snarePitchSt, 0, () => tallyStem(x, truth, rate).got);
  const why = `${JSON.stringify(got)} off ${JSON.stringify(off)}`;
  assert.equal(got['snare->tom'], 12, why);
  assert.equal(off['snare->tom'], 12, why);
  assert.equal(got['kick->kick'], 16, why);
});
