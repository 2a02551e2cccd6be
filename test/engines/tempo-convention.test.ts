/**
 * The metrical-level convention (issue 12 point 2, h-tempo7) on generated envelopes: a slow groove with sixteenth
 * hats (kick on 1, snare on 2 and 4) makes exactly the hits of a half-time groove (trap: kick on 1, snare on 3)
 * written at twice the tempo. shub reports the slow reading and the logged decision says it is a convention; a
 * groove whose every beat is evenly accented (four on the floor) carries no such note.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateTempoWithDecision } from '../../src/engines/tempo/index.js';

/** 96 frames a slow beat at 70 BPM; `slowBars` bars of kick on 1, snare on 2 and 4, sixteenth hats (0.25). */
function slowGroove(slowBars: number): { odf: Float32Array; odfLow: Float32Array; hopSeconds: number } {
  const beat = 96;
  const odf = new Float32Array(slowBars * 4 * beat + 1);
  const odfLow = new Float32Array(odf.length);
  for (let bar = 0; bar < slowBars; bar++) {
    const b0 = bar * 4 * beat;
    for (let s = 0; s < 16; s++) odf[b0 + s * 24] = 0.25;
    odf[b0] = 1;
    odfLow[b0] = 1;
    odf[b0 + 1 * beat] = 0.9;
    odf[b0 + 3 * beat] = 0.9;
  }
  return { odf, odfLow, hopSeconds: 60 / 70 / beat };
}

test('a 70 BPM groove with sixteenth hats (= trap at 140) is read at 70 and the decision names the convention', () => {
  const { tempo, decision } = estimateTempoWithDecision(slowGroove(12));
  assert.ok(tempo.bpm !== null && Math.abs(tempo.bpm / 70 - 1) < 0.02, `${tempo.bpm}`);
  const note = decision!.inputs.levelConvention;
  assert.equal(typeof note, 'string');
  assert.match(note as string, /slow reading by convention: at 14\d(\.\d+)? BPM/);
});

test('four on the floor (every beat evenly accented) carries no convention note', () => {
  const beat = 60;
  const odf = new Float32Array(48 * beat + 1);
  const odfLow = new Float32Array(odf.length);
  for (let b = 0; b < 48; b++) {
    odf[b * beat] = 1;
    odfLow[b * beat] = 1;
    odf[b * beat + beat / 2] = 0.3;
  }
  const { tempo, decision } = estimateTempoWithDecision({ odf, odfLow, hopSeconds: 0.5 / beat });
  assert.ok(tempo.bpm !== null && Math.abs(tempo.bpm / 120 - 1) < 0.02, `${tempo.bpm}`);
  assert.equal(decision!.inputs.levelConvention, undefined);
});
