/**
 * Close-mic detection (issue 13, h-dxdup15): two close mics on one drum (kick in + kick out, snare top + bottom) are
 * one drum's mics — each keeps its hits, neither is the other's bleed — while the other drums' leaks into either are
 * still rejected. npm material only (the FluidR3Mono GM kit through fixtures/drumkit.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drumSession, type SessionSpec } from '../../fixtures/drumkit.js';
import { detectSession } from '../helpers/drums.js';
import { PAIR_PARAMETERS } from '../../src/engines/drums/params.js';
import { withParameterValue } from '../../src/engines/analysis/params.js';

/** A studio pair on the kick and on the snare: the out mic later, darker, with more room; the bottom mic inverted. */
const spec: SessionSpec = {
  font: 'FluidR3Mono',
  seed: 2,
  bpm: 128,
  bars: 8,
  swing: 0.15,
  pairs: [
    { piece: 'kick', name: 'out', delayMs: 1, lowpassHz: 2000, gainDb: -2, roomDb: -14 },
    { piece: 'snare', name: 'bottom', delayMs: 0.3, invert: true, highpassHz: 400, gainDb: 1 },
  ],
};
const s = drumSession(spec);

function detect() {
  const { det, score } = detectSession(s, 6);
  return { score, pairings: det.pairings };
}

test('a kick out and a snare bottom mic keep their hits; the pairs are logged; leaks of other drums stay out', () => {
  const { score, pairings } = detect();
  assert.deepEqual(
    score.map((r) => r.name),
    ['kick close', 'snare close', 'hihat close', 'tom close', 'kick out', 'snare bottom'],
  );
  for (const r of score) {
    assert.equal(r.found.length, r.truth, `${r.name}: ${r.found.length} of ${r.truth} hits`);
    assert.equal(r.leaks, 0, `${r.name}: ${r.leaks} leaks kept`);
  }
  // the pairs' last decisions: kick + kick out, snare + snare bottom, at their lag and level; no other pair, ever
  const last = new Map(pairings.map((p) => [`${p.firstTrack}-${p.secondTrack}`, p]));
  assert.deepEqual([...last.keys()].sort(), ['0-4', '1-5']);
  const kick = last.get('0-4')!;
  assert.equal(kick.paired, true);
  assert.ok(Math.abs(kick.lagMs - 1) <= 0.3, `kick out lag ${kick.lagMs} ms`);
  assert.equal(last.get('1-5')!.paired, true);
});

test('without pairing (pairLagMs 0) the kick out and snare bottom lose most hits as bleed of their twin', () => {
  const { score } = withParameterValue(PAIR_PARAMETERS.pairLagMs, 0, detect);
  const out = score.find((r) => r.name === 'kick out')!;
  const bottom = score.find((r) => r.name === 'snare bottom')!;
  assert.ok(out.found.length <= out.truth / 2, `kick out: ${out.found.length} of ${out.truth}`);
  assert.ok(bottom.found.length <= bottom.truth * 0.75, `snare bottom: ${bottom.found.length} of ${bottom.truth}`);
});
