/**
 * The two-four check (issue 12 points 1 and 2, h-tempo48): a 2/4 groove (cumbia, samba, xote) has its kick and bass
 * on every tapped beat and a güira, rim or hat on the "and", as loud as the kick; read at twice its pulse, the kick
 * falls on every other beat and the others carry no snare. A boom-chick groove read right at the fast level
 * (country two-beat) has the same kick alternation with a snare on the others: it must not move.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision, twoFourEvidence, type TempoInput } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import { bandEnergy, groove, HAT, KICK, SECONDS, type Hit, type Piece } from '../helpers/grooves.js';

/** A loud off-beat without a snare (a rim click or güira: full band, no low band) and a snare with its body. */
const RIM: Hit = [1, 0, 0, 0.3, 0.6, 0.5];
const SNARE_LOUD: Hit = [1, 0.1, 0.2, 0.6, 0.5, 0.3];

/**
 * Four quarters at `bpm` (the tapped pulse): the kick on every quarter, `off` on every "and", hats on the sixteenths
 * between; band energies with the same hits (a snare instead of the kick every eighth beat, so that the snare
 * detector has hits in the 2/4 groove too).
 */
function twoFourGroove(bpm: number, off: Hit, offPiece: Piece): TempoInput {
  const input = groove(bpm, [
    [[0, 1, 2, 3], KICK],
    [[0.5, 1.5, 2.5, 3.5], off],
    [[0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75], HAT],
  ]);
  const spb = 60 / bpm;
  const hits: [number, Piece][] = [];
  for (let b = 0; b * spb < SECONDS; b++) {
    const t = b * spb;
    hits.push(
      [t, b % 8 === 0 ? 'snare' : 'kick'],
      [t + spb / 2, offPiece],
      [t + spb / 4, 'hat'],
      [t + spb * 0.75, 'hat'],
    );
  }
  return { ...input, bandEnergy: bandEnergy(hits, SECONDS) };
}

const bpmOf = (input: TempoInput) => estimateTempoWithDecision(input).tempo.bpm!;
const off = (f: () => number) => withParameterValue(TEMPO_PARAMETERS.twoFourFloor, 1, f);

test('two-four check: a 2/4 groove with a rim on the "and" reads at its kick pulse (96, 88), not twice it', () => {
  for (const bpm of [96, 88]) {
    const input = twoFourGroove(bpm, RIM, 'stick');
    const got = bpmOf(input);
    assert.ok(Math.abs(got / bpm - 1) < 0.02, `${bpm}: ${got}`);
    // without the check (the base's code): twice the pulse
    const before = off(() => bpmOf(input));
    assert.ok(Math.abs(before / bpm - 2) < 0.04, `${bpm} before: ${before}`);
    // the decision names the check on the fast level
    const { decision } = estimateTempoWithDecision(input);
    const fast = decision!.alternatives.find((a) => Math.abs(a.value / (2 * bpm) - 1) < 0.03);
    assert.match(fast?.why_not ?? '', /two-four check [\d.]+ \(the low band's off beats at [\d.]+ of its kick beats/);
  }
});

test('two-four check: a boom-chick groove with a snare on the "and" keeps its fast level (170, 192)', () => {
  for (const slow of [85, 96]) {
    const input = twoFourGroove(slow, SNARE_LOUD, 'snare');
    assert.ok(Math.abs(bpmOf(input) / (2 * slow) - 1) < 0.02, `${2 * slow}: ${bpmOf(input)}`);
    assert.ok(Math.abs(off(() => bpmOf(input)) / (2 * slow) - 1) < 0.02);
  }
});

test('two-four evidence: the low band alternation times the snare-free share of the off beats', () => {
  // 16 beats of 10 frames: the low band 1 on the even beats, `odd` on the odd ones
  const beats = Array.from({ length: 16 }, (_, i) => 10 + 10 * i);
  const low = (odd: number) => {
    const x = new Float64Array(200);
    beats.forEach((f, i) => (x[f] = i % 2 ? odd : 1));
    return x;
  };
  const hop = 0.01;
  const none = { times: [0.1, 0.3, 0.5] }; // three snare hits, all on kick beats
  assert.equal(twoFourEvidence(low(0.1), beats, 1, hop, none).evidence, 1);
  // alternation falls linearly from twoFourLowRatio (0.3) to twice it
  assert.ok(Math.abs(twoFourEvidence(low(0.45), beats, 1, hop, none).evidence - 0.5) < 1e-9);
  assert.equal(twoFourEvidence(low(0.6), beats, 1, hop, none).evidence, 0);
  // a snare on 2 of the 8 off beats: share 0.25, weight 0.5 (backbeatSnareShare 0.5), evidence 0.5
  const some = { times: [0.1, 0.2, 0.6] };
  const d = twoFourEvidence(low(0.1), beats, 1, hop, some);
  assert.equal(d.snareShare, 0.25);
  assert.ok(Math.abs(d.evidence - 0.5) < 1e-9);
  // the kick on the odd beats: the classes swap
  const swapped = new Float64Array(200);
  beats.forEach((f, i) => (swapped[f] = i % 2 ? 1 : 0.1));
  assert.equal(twoFourEvidence(swapped, beats, 1, hop, { times: [0.2, 0.4, 0.6] }).snareShare, 0);
  // fewer than three snare hits: no evidence
  assert.equal(twoFourEvidence(low(0.1), beats, 1, hop, { times: [0.1, 0.3] }).evidence, 0);
});
