/**
 * The bar-repeat check (issue 12 point 2, h-tempo12) on generated envelopes with a known tempo (the layout of
 * tempo-twobeat.test.ts: full band, low band and the onset flux's four groups):
 * - a G-funk groove at 91 BPM (kick on 1, the "a" of 1 and the "and" of 3, snare on 2 and 4, sixteenth hats swung
 *   to 0.62 of the eighth, loud in the full band): at 182 BPM the swung sixteenths are swung eighths and the pattern's
 *   halves differ (the kick), so 182's four-beat bar does not repeat while eight beats do; 91 is read, and 182 with
 *   the check off;
 * - barRepeat on exact vectors: a pattern repeating every four beats gives s4 = s8 = 1, one repeating only every
 *   eight beats gives s8 = 1 and s4 the cosine of its two halves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barRepeat, estimateTempoWithDecision, PROFILE_FRACTIONS } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { groove } from '../helpers/grooves.js';

const near = (bpm: number | null, truth: number) => bpm !== null && Math.abs(bpm / truth - 1) < 0.02;
const SWING16 = 0.62;
const sixteenths = [0, 1, 2, 3].flatMap((b) => [b, b + SWING16 / 2, b + 0.5, b + 0.5 + SWING16 / 2]);

const gFunk = () =>
  groove(91, [
    [
      [0, 0.75, 2.5],
      [1, 1, 1, 0.3, 0.05, 0.05],
    ],
    [
      [1, 3],
      [0.6, 0.1, 0.2, 0.5, 0.6, 0.3],
    ],
    [sixteenths.filter((_, k) => k % 2 === 0), [0.4, 0, 0, 0.02, 0.3, 0.5]],
    [sixteenths.filter((_, k) => k % 2 === 1), [0.3, 0, 0, 0.01, 0.15, 0.25]],
  ]);

const GFUNK = 'G-funk at 91 BPM: swung sixteenths, its double weighed down by the bar-repeat check; 182 with it off';
test(GFUNK, () => {
  const { tempo, decision } = estimateTempoWithDecision(gFunk());
  assert.ok(near(tempo.bpm, 91), `${tempo.bpm}: ${decision?.reason}`);
  const fast = decision!.alternatives.find((a) => Math.abs(a.value / 182 - 1) < 0.04);
  assert.match(fast!.why_not, /bar-repeat check [\d.]+ \(drum pattern 8 beats on/);
  // with the check off the double wins — unless h-tempo22's drum evenness (kick and snare on every other 182 beat
  // only) weighs it down too: both off, the code before either
  const off = withParameterValue(TEMPO_PARAMETERS.barRepeatFloor, 1, () =>
    withParameterValue(TEMPO_PARAMETERS.drumEvenFloor, 1, () => estimateTempoWithDecision(gFunk())),
  );
  const drumEvenOnly = withParameterValue(TEMPO_PARAMETERS.barRepeatFloor, 1, () => estimateTempoWithDecision(gFunk()));
  assert.ok(near(drumEvenOnly.tempo.bpm, 91), `drum evenness alone: ${drumEvenOnly.tempo.bpm}`);
  assert.ok(near(off.tempo.bpm, 182), `check off: ${off.tempo.bpm}`);
});

test('barRepeat: s4 and s8 are the mean cosines of each beat with the beats 4 and 8 on', () => {
  const period = 12;
  const beats = Array.from({ length: 33 }, (_, i) => 6 + period * i);
  const n = beats[beats.length - 1]! + period;
  // band 0 on every beat; band 1 on beats 0, 1 of every 4 (repeats every 4 beats)
  const a = [new Float64Array(n), new Float64Array(n)];
  beats.forEach((b, i) => {
    a[0]![b] = 1;
    if (i % 4 < 2) a[1]![b] = 1;
  });
  assert.deepEqual(barRepeat(a, beats, 0), { s4: 1, s8: 1 });
  // band 1 on beat 0 of every 8 only: beats 0 and 4 of each 8 differ ([1, 1] vs [1, 0] at the beat, nothing
  // elsewhere: cosine 1/√2), all others are alike
  const b = [new Float64Array(n), new Float64Array(n)];
  beats.forEach((t, i) => {
    b[0]![t] = 1;
    if (i % 8 === 0) b[1]![t] = 1;
  });
  const r = barRepeat(b, beats, 0);
  // the 32 beat vectors (the last beat has no next): 28 pairs 4 apart, 7 of them touching an 8-beat downbeat
  // (i ≡ 0 or 4 mod 8 with i + 4 < 32, i.e. i in 0…27 with i mod 4 = 0: 7 pairs), each cosine 1/√2
  assert.equal(r.s8, 1);
  assert.ok(Math.abs(r.s4 - (21 + 7 / Math.SQRT2) / 28) < 1e-12, `${r.s4}`);
  assert.equal(PROFILE_FRACTIONS.length * 2, 12);
});
