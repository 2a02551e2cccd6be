/**
 * The beat phase and the ternary check's evenness (issue 12 point 2, h-tempo8) on generated envelopes. A polka-like
 * groove: a soft kick on every beat, a loud chord and snare on every "and". The whole envelope is stronger on the
 * "and"s, so the beat tracker follows them; the onset flux's kick band (below 250 Hz) is on the beats. With the
 * phase decision the beats land on the kicks and the decision says it moved them; with it off (phaseMargin 10)
 * they stay on the "and"s.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classEvenness, estimateTempoWithDecision, halfShifted } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';

const HOP = 512 / 44100;
const BPM = 110;
const PERIOD = 60 / BPM;

function polkaLike() {
  const n = Math.round(20 / HOP);
  const odf = new Float32Array(n);
  const odfLow = new Float32Array(n);
  // the onset flux at half the hop: low, mid, high, top groups and the timbre novelty
  const flux = new Float32Array(2 * n * 5);
  const onsetTimes: number[] = [];
  const hit = (t: number, full: number, low: number, kickBand: number, high: number) => {
    const i = Math.round(t / HOP);
    for (let k = 0; k < 3 && i + k < n; k++) {
      odf[i + k]! += full * 0.5 ** k;
      odfLow[i + k]! += low * 0.5 ** k;
    }
    const j = Math.round((2 * t) / HOP);
    flux[j * 5]! += kickBand;
    flux[j * 5 + 1]! += full;
    flux[j * 5 + 2]! += high;
    flux[j * 5 + 3]! += high;
    onsetTimes.push(t);
  };
  for (let b = 0; (b + 1) * PERIOD < 20; b++) {
    hit(b * PERIOD, 0.4, 1, 1, 0.1);
    hit((b + 0.5) * PERIOD, 1, 0.3, 0.3, 0.8);
  }
  onsetTimes.sort((a, b) => a - b);
  return { odf, odfLow, hopSeconds: HOP, onsetTimes, flux: { values: flux, groups: 5, hopSeconds: HOP / 2 } };
}

/** Mean distance of the beats from the nearest kick, in periods (0: on the kicks, 0.5: on the "and"s). */
const fromKicks = (beats: number[]) =>
  beats.reduce((a, b) => a + Math.abs(b / PERIOD - Math.round(b / PERIOD)), 0) / beats.length;

test('chords and snare on the "and"s, kick on the beats: the beats move onto the kicks', () => {
  const { tempo, decision } = estimateTempoWithDecision(polkaLike());
  assert.ok(tempo.bpm !== null && Math.abs(tempo.bpm / BPM - 1) < 0.02, `${tempo.bpm}`);
  assert.ok(fromKicks(tempo.beats) < 0.05, `beats ${fromKicks(tempo.beats).toFixed(3)} periods from the kicks`);
  assert.match(String(decision!.inputs.beatPhase), /^moved half a period/);
});

test('with the phase decisions off the same envelopes leave the beats on the "and"s', () => {
  // both: the hand's phase (phaseMargin) and the level phase at the reported level (levelPhaseMargin, h-tempo83)
  const { tempo, decision } = withParameterValue(TEMPO_PARAMETERS.phaseMargin, 10, () =>
    withParameterValue(TEMPO_PARAMETERS.levelPhaseMargin, 10, () => estimateTempoWithDecision(polkaLike())),
  );
  assert.ok(fromKicks(tempo.beats) > 0.45, `beats ${fromKicks(tempo.beats).toFixed(3)} periods from the kicks`);
  assert.match(String(decision!.inputs.beatPhase), /^as tracked/);
});

test("with the hand's phase off the level phase alone moves the beats onto the kicks (h-tempo83)", () => {
  const { tempo, decision } = withParameterValue(TEMPO_PARAMETERS.phaseMargin, 10, () =>
    estimateTempoWithDecision(polkaLike()),
  );
  assert.ok(fromKicks(tempo.beats) < 0.05, `beats ${fromKicks(tempo.beats).toFixed(3)} periods from the kicks`);
  assert.match(String(decision!.inputs.beatPhase), /^as tracked/);
  assert.match(String(decision!.inputs.levelPhase), /^moved 0\.5 of a beat/);
});

test('without the onset flux there is no phase decision (drums, tests and callers without it)', () => {
  const { flux: _flux, ...input } = polkaLike();
  const { decision } = estimateTempoWithDecision(input);
  assert.equal(decision!.inputs.beatPhase, undefined);
});

test('halfShifted: the midpoints of consecutive beats, the last half its interval on', () => {
  assert.deepEqual(halfShifted([10, 20, 32]), [15, 26, 38]);
});

test('classEvenness: a hit on every third beat is uneven three by three, an alternating backbeat is not', () => {
  const env = new Float64Array(400);
  const beats = Array.from({ length: 12 }, (_, i) => 10 + 30 * i);
  beats.forEach((b, i) => (env[b] = i % 3 === 0 ? 1 : 0.1));
  assert.ok(Math.abs(classEvenness(env, beats, 1, 3) - 0.1) < 1e-9);
  const backbeat = new Float64Array(400);
  beats.forEach((b, i) => (backbeat[b] = i % 2 === 0 ? 1 : 0.8));
  // two by two: 0.8 of the stronger; three by three: every class holds as many kicks as snares
  assert.ok(Math.abs(classEvenness(backbeat, beats, 1, 2) - 0.8) < 1e-9);
  assert.ok(Math.abs(classEvenness(backbeat, beats, 1, 3) - 1) < 1e-9);
});
