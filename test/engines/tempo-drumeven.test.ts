/**
 * The tempo engine's drum evenness (issue 12 point 1, h-tempo22), on generated flux bands: a ballad's drums
 * (kick on 1, side stick on 2 and 4, sixteenth hats) read at the eighth leave every other "beat" without kick or
 * snare, and that level is weighed down to drumEvenFloor; the ballad's own level, with the kick and the stick on
 * every beat, is not touched. The hats (the 2–8 kHz and top groups) do not count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drumEvenness, kickSnareEnvelope } from '../../src/engines/tempo/index.js';
import { TEMPO_PARAMETERS, withParameterValue } from '../../src/engines/analysis/params.js';
import type { ParameterSpec } from '../../src/engines/analysis/params.js';

/** 100 frames a beat, 8 bars of 4/4: bands low (kick 1), mid (stick 2 and 4), high (sixteenth hats), top. */
function balladBands(): Float64Array[] {
  const n = 8 * 400 + 1;
  const [low, mid, high, top] = [0, 1, 2, 3].map(() => new Float64Array(n));
  for (let bar = 0; bar < 8; bar++) {
    low![bar * 400] = 1;
    mid![bar * 400 + 100] = 1;
    mid![bar * 400 + 300] = 1;
    for (let s = 0; s < 16; s++) ((high![bar * 400 + s * 25] = 0.8), (top![bar * 400 + s * 25] = 0.5));
  }
  return [low!, mid!, high!, top!];
}

test('drum evenness: the eighth-note level of a ballad gets the floor, the ballad level 1', () => {
  const env = kickSnareEnvelope(balladBands());
  const beatLevel = Array.from({ length: 32 }, (_, i) => i * 100);
  const eighths = Array.from({ length: 64 }, (_, i) => i * 50);
  withParameterValue(TEMPO_PARAMETERS.drumEvenFloor as ParameterSpec, 0.7, () => {
    // kick on beat 1, stick on 2 and 4, nothing on 3 but hats: the even beats (1, 3) carry 1 kick + 0, the odd (2, 4)
    // two sticks; on the kick-and-snare envelope both classes have strength (over the bands' means) of the same order
    const atBeat = drumEvenness(env, beatLevel, 1);
    assert.ok(atBeat > 0.9, `ballad level ${atBeat}`);
    // every odd eighth is a hat only: ρ = 0, the factor is the floor
    const atEighth = drumEvenness(env, eighths, 1);
    assert.ok(Math.abs(atEighth - 0.7) < 1e-9, `eighth level ${atEighth}`);
  });
  // drumEvenFloor 1 switches the term off
  withParameterValue(TEMPO_PARAMETERS.drumEvenFloor as ParameterSpec, 1, () =>
    assert.equal(drumEvenness(env, eighths, 1), 1),
  );
});

test('drum evenness: the declared parameters', () => {
  assert.equal(TEMPO_PARAMETERS.drumEvenFloor.value, 0.7);
  assert.equal(TEMPO_PARAMETERS.drumEvenRatioFull.value, 0.8);
});
