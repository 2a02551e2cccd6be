/**
 * Odd-meter bars (issue 12 point 2, h-tempo15) on exact vectors: the bar-repeat check reads a level's own bar of 5
 * to barMaxBeats beats next to 4, so the beats of a 5/4 or 7/4 bar (a pattern that repeats after 5 or 7 beats, and
 * after neither 4 nor 8) are not taken for twice a beat whose bar repeats after 8.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barRepeat } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS } from '../../src/engines/analysis/params.js';

/** Band 0 on every beat, band 1 on the beats of the bar's group starts (a 3+2 or 4+3 bar of `m` beats). */
function oddBar(m: number, starts: number[]) {
  const period = 12;
  const beats = Array.from({ length: 6 * m + 1 }, (_, i) => 6 + period * i);
  const n = beats[beats.length - 1]! + period;
  const a = [new Float64Array(n), new Float64Array(n)];
  beats.forEach((b, i) => {
    a[0]![b] = 1;
    if (starts.includes(i % m)) a[1]![b] = 1;
  });
  return { a, beats };
}

test('barRepeat: a 3+2 bar of five beats repeats after 5 (sOdd 1), not after 4 or 8', () => {
  const { a, beats } = oddBar(5, [0, 3]);
  const r = barRepeat(a, beats, 0, 7);
  assert.equal(r.sOdd, 1);
  assert.ok(r.s4 < 0.95 && r.s8 < 0.95, `${r.s4} ${r.s8}`);
  // beat i against i + 8 ≡ i + 3 (mod 5): group start 0 → 3 alike, 3 → 1 not: s8 above s4, the 4/4-only check's
  // evidence for "twice a beat" (s8 − s4 > 0) is there, the odd bar's (s8 − max(s4, sOdd) < 0) is not
  assert.ok(r.s8 > r.s4, `${r.s8} ${r.s4}`);
  assert.ok(r.s8 - Math.max(r.s4, r.sOdd!) < 0);
  // only bars of 4 read: no sOdd
  assert.equal(barRepeat(a, beats, 0, 4).sOdd, undefined);
});

test('barRepeat: a 4+3 bar of seven beats repeats after 7; read up to 5 beats it does not (sOdd < 1)', () => {
  const { a, beats } = oddBar(7, [0, 4]);
  assert.equal(barRepeat(a, beats, 0, 7).sOdd, 1);
  assert.ok(barRepeat(a, beats, 0, 5).sOdd! < 1);
});

test('barRepeatMaxBeats is declared as an integer of 4–7 beats, 7 (bars of 5, 6 and 7 beats read)', () => {
  assert.equal(TEMPO_PARAMETERS.barRepeatMaxBeats.value, 7);
  assert.equal(TEMPO_PARAMETERS.barRepeatMaxBeats.integer, true);
});
