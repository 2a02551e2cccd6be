/**
 * The stem's second pass on noise snares read as hats and kicks read as toms (issue 13, h-dxbrush37): stem.ts
 * byBrushDecay and byKickRingGlide on hits whose features are written down (what the first pass would measure).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyStemHits, type FoundHit } from '../../src/engines/drums/stem.js';
import {
  STEM_BRUSH_DECAY_PARAMETERS,
  STEM_KICK_GLIDE_PARAMETERS,
  STEM_RING_GLIDE_PARAMETERS,
} from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';
import { STEM_MODEL_PARAMETERS } from '../../src/engines/drums/params.js';

/** The rules' classes alone (the learned model off, STEM_MODEL_PARAMETERS.useModel): these tests assert what the rules
 * read; the model's readings are test/engines/drums-model.test.ts's. */
const rulesOnly = <T>(f: () => T) => withParameterValue(STEM_MODEL_PARAMETERS.useModel, 0, f);

const rate = 48000;
const at = (hits: ReturnType<typeof classifyStemHits>, t: number) =>
  hits.filter((h) => h.start === Math.round(t * rate)).map((h) => h.cls);

test('stem second pass: a noise "hat" ringing 3× the stem\'s metal closed hats and dying is a snare (brushes)', () =>
  rulesOnly(() => {
    // no drum body, 55 % above highHz (not the band rule's brushes: ≥ brushTopShare 0.4), centred at 7 kHz like the
    // hats; ringing −20 dB at ringAtMs (no cymbal); top band falling decayDb in `top` ms, `late` dB lateMs on, flatness
    // `flat` (the hats' metal partials 0.01, a snare's noise 0.2)
    const hit = (t: number, top: number, late: number, flat: number): FoundHit => ({
      start: Math.round(t * rate),
      peak: 0.4,
      top: 0.4,
      rise: 20,
      features: {
        share: [0, 0, 0.45, 0.55],
        addedDb: [-200, -200, -20, -19],
        decayMs: [NaN, NaN, top, top],
        centroidHz: 7000,
        flatness: flat,
        lateCentroidHz: 7000,
        lateDb: late,
        riseMs: 2,
        ringDb: -20,
        ringAtMs: 150,
        bodyHz: NaN,
        nextMs: 250,
      },
    });
    // twelve closed hats whose top band falls in 30, 32, … 52 ms; A and B noise ringing 170 ms and dying (−4 dB 50 ms
    // on); C as long but swelling (+3 dB: an open hat); D ringing 70 ms; O an open hat ringing 170 ms whose flatness
    // (0.03) is the hats' kind. Seventeen no-body "hats": their 0.25 quantile is the fifth shortest, 38 ms; the edge
    // 3 × 38 = 114 ms; the hats dying before it (13) have a median flatness of 0.01, × 5 = 0.05.
    const hats = Array.from({ length: 12 }, (_, i) => hit(0.25 * i, 30 + 2 * i, -15, 0.01));
    const found = [
      ...hats,
      hit(3.1, 170, -4, 0.2),
      hit(3.3, 170, -4, 0.2),
      hit(3.5, 170, 3, 0.2),
      hit(3.7, 70, -4, 0.2),
      hit(3.9, 170, -4, 0.03),
    ];
    const hits = classifyStemHits(found, rate);
    for (const t of [3.1, 3.3]) assert.deepEqual(at(hits, t), ['snare'], hits.map((h) => h.reason).join('\n'));
    for (const t of [0, 1, 2.75, 3.5, 3.7, 3.9]) assert.deepEqual(at(hits, t), ['hihat'], `${t}`);
    const why = hits.find((h) => h.start === Math.round(3.1 * rate))!.reason;
    assert.match(why, /its top band takes 170 ms to fall, ≥ 3× the stem's 17 hats' 38 ms \(their 0\.25 quantile\)/);
    assert.match(why, /50 ms on it stands -4\.0 dB against its first \(≤ 0: dying\)/);
    assert.match(why, /and its flatness 0\.200 is ≥ 5× the short hats' 0\.0100/);
    // the rule off (ratio 10: 380 ms), main's reading: hats
    const off = withParameterValue(STEM_BRUSH_DECAY_PARAMETERS.brushDecayRatio, 10, () =>
      classifyStemHits(found, rate),
    );
    assert.deepEqual(at(off, 3.1), ['hihat']);
    // two hats and the two snares: four no-body hits, under minStemHats (5): no reference, no rule
    const few = classifyStemHits(
      [hit(0, 30, -15, 0.01), hit(0.25, 32, -15, 0.01), hit(3.1, 170, -4, 0.2), hit(3.3, 170, -4, 0.2)],
      rate,
    );
    assert.deepEqual(at(few, 3.1), ['hihat']);
  }));

/** An 808-style kick (78 % below lowHz) whose body partial lies at `hz` and falls to 0.73 of it. */
const kick = (t: number, hz: number): FoundHit => ({
  start: Math.round(t * rate),
  peak: 0.9,
  top: 0.01,
  rise: 30,
  features: {
    share: [0.78, 0.2, 0.015, 0.005],
    addedDb: [-15, -21, -37, -41],
    decayMs: [1000, 140, 12, 20],
    centroidHz: 110,
    flatness: 0.002,
    lateCentroidHz: 68,
    lateDb: 5,
    riseMs: 50,
    ringDb: -25,
    ringAtMs: 150,
    bodyHz: hz,
    bodyPeakShare: 0.9,
    bodyLateDb: 4,
    bodyLateHz: 0.73 * hz,
    nextMs: 500,
  },
});
/** Eight such kicks whose body partials lie at 75, 75.5, … 78.5 Hz: the stem's kick reference (their 0.25 quantile)
 * is 76 Hz. */
const kicks = Array.from({ length: 8 }, (_, i) => kick(0.5 * i, 75 + 0.5 * i));

/**
 * A hit struck into a kick's ring: nothing new below lowHz (−200 dB), 96 % in the body band, 2.7 % in the wires band,
 * its top band dying in `topMs` (17: the band rule's tom; NaN, unknown: its snare, which byKickLate, 50 ms on centred
 * at 110 Hz, reads as a kick), body partial `hz` falling to `late` in the second body window.
 */
const struck = (t: number, hz: number, late: number, topMs = 17, lateDb = 7): FoundHit => ({
  start: Math.round(t * rate),
  peak: 0.7,
  top: 0.01,
  rise: 15,
  features: {
    share: [0, 0.965, 0.027, 0.008],
    addedDb: [-200, -22, -38, -44],
    decayMs: [10, 88, 7, topMs],
    centroidHz: 190,
    flatness: 0.002,
    lateCentroidHz: 110,
    lateDb,
    riseMs: 2,
    ringDb: -25,
    ringAtMs: 150,
    bodyHz: hz,
    bodyPeakShare: 0.88,
    bodyLateDb: -10,
    bodyLateHz: late,
    nextMs: 500,
  },
});

test('stem second pass: a "tom" adding nothing below lowHz, at the kicks\' pitch and falling, is a kick', () =>
  rulesOnly(() => {
    // the eight kicks (reference 76 Hz; the edge 1.1 × 76 = 83.6 Hz) and hits struck into their ring (band rule: toms)
    // A at 80 Hz falling to 60 (0.75): a kick; B at 80 Hz holding 78 (0.975): a tom; C at 130 Hz falling to 95: a tom
    // above the kick; D at 80 Hz falling, but adding 5 % below lowHz (not struck into a ring): left to the other rules.
    // Read with h-dxkick37's byKickGlide off (A and D fall 1.33× at the kicks' pitch: it reads both as swept kicks
    // first)
    const d = struck(5.5, 80, 60);
    d.features.share = [0.05, 0.92, 0.025, 0.005];
    d.features.addedDb = [-35, -22, -38, -44];
    const found = [...kicks, struck(4, 80, 60), struck(4.5, 80, 78), struck(5, 130, 95), d];
    const sweptOff = <T>(f: () => T) => withParameterValue(STEM_KICK_GLIDE_PARAMETERS.kickGlideRatio, 0, f);
    const hits = sweptOff(() => classifyStemHits(found, rate));
    assert.deepEqual(at(hits, 4), ['kick'], hits.map((h) => h.reason).join('\n'));
    for (const t of [4.5, 5, 5.5]) assert.deepEqual(at(hits, t), ['tom'], `${t}`);
    for (const t of [0, 1.5, 3.5]) assert.deepEqual(at(hits, t), ['kick'], `${t}`);
    assert.match(
      hits.find((h) => h.start === 4 * rate)!.reason,
      /its body partial lies at 80 Hz, ≤ 1\.1× the stem's 8 kicks' 76 Hz, and falls to 60 Hz 46 ms on \(≤ 0\.8 of it\)/,
    );
    const off = sweptOff(() =>
      withParameterValue(STEM_RING_GLIDE_PARAMETERS.ringKickFall, 0.7, () => classifyStemHits(found, rate)),
    );
    assert.deepEqual(at(off, 4), ['tom']);
    // every rule on: A and D are swept kicks (byKickGlide), B and C stay toms
    const all = classifyStemHits(found, rate);
    for (const t of [4, 5.5]) assert.deepEqual(at(all, t), ['kick'], `${t}`);
    for (const t of [4.5, 5]) assert.deepEqual(at(all, t), ['tom'], `${t}`);
  }));

test('stem second pass: a "kick" adding nothing below lowHz, well above the kicks\' pitch, holding it: a tom', () =>
  rulesOnly(() => {
    // the eight kicks (reference 76 Hz; 1.3 × 76 = 98.8 Hz) and hits struck into their ring whose top band's decay is
    // unknown (snares for the band rule, kicks for byKickLate)
    // E at 150 Hz holding 130 (0.87): a tom; F at 150 Hz falling to 100 (0.67): a kick; G at 90 Hz holding (under
    // the edge): a kick
    const found = [...kicks, struck(4, 150, 130, NaN, -3), struck(4.5, 150, 100, NaN, -3), struck(5, 90, 85, NaN, -3)];
    const hits = classifyStemHits(found, rate);
    assert.deepEqual(at(hits, 4), ['tom'], hits.map((h) => h.reason).join('\n'));
    for (const t of [4.5, 5]) assert.deepEqual(at(hits, t), ['kick'], `${t}`);
    const why = hits.find((h) => h.start === 4 * rate)!.reason;
    assert.match(why, /a kick's ring; but it adds nothing new below 150 Hz \(struck into a ring\), its body partial /);
    assert.match(why, /lies at 150 Hz, ≥ 1\.3× the stem's 11 kicks' 76 Hz, and holds 130 Hz/);
    // the rule off (ratio 4: 304 Hz), main's reading: a kick
    const off = withParameterValue(STEM_RING_GLIDE_PARAMETERS.ringTomRatio, 4, () => classifyStemHits(found, rate));
    assert.deepEqual(at(off, 4), ['kick']);
  }));
