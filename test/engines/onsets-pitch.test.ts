/**
 * The pitch rise (issue 12 point 4, h-onset65; native onsetPitchRise, the peak model's pitch evidence): a note that
 * starts 9 dB under a ringing chord adds partials where the total level barely rises. Analytic signal: a C major
 * chord (C4 E4 G4, four harmonics each, 1/h amplitudes) struck at 0 s and ringing (a 2 s decay), and a D5 (587.33 Hz,
 * the same harmonics) starting at 1.0 s, 9 dB under the chord's level there, with a 5 ms attack.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { onsetFluxOptions, stftLayout } from '../../src/engines/analysis/params.js';
import { detectOnsets, onsetDefaults, onsetInput } from '../../src/engines/onsets/index.js';
import { PITCH_FEATURES, peakFeatureNames, type PeakCandidate } from '../../src/engines/onsets/peak-model.js';

const RATE = 44100;
const NOTE = 1.0;

function signal(withNote: boolean): Float32Array {
  const n = 2 * RATE;
  const x = new Float32Array(n);
  const chord = [261.63, 329.63, 392.0];
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    let v = 0;
    for (const f of chord) for (let h = 1; h <= 4; h++) v += Math.sin(2 * Math.PI * f * h * t) / h;
    v *= 0.15 * Math.exp(-t / 2);
    if (withNote && t >= NOTE) {
      const a = Math.min(1, (t - NOTE) / 0.005);
      // the chord's three notes at 1 s have amplitude 0.15 · e^(−0.5) each; the new note 9 dB under one of them
      let w = 0;
      for (let h = 1; h <= 4; h++) w += Math.sin(2 * Math.PI * 587.33 * h * (t - NOTE)) / h;
      v += a * w * 0.15 * Math.exp(-0.5) * 10 ** (-9 / 20);
    }
    x[i] = v;
  }
  return x;
}

function report(x: Float32Array) {
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(RATE, {}),
  );
  fx.addFloat(x);
  return fx.finish();
}

test('the pitch rise: a note 9 dB under a ringing chord raises partials; the ringing chord alone raises none', () => {
  const withNote = report(signal(true));
  const alone = report(signal(false));
  const hop = withNote.onsetHopSeconds;
  const pr = withNote.onsetPitchRise;
  assert.equal(pr.length, 2 * Math.floor(withNote.onsetFlux.length / withNote.onsetFluxGroups));
  const at = (r: typeof withNote, from: number, to: number) => {
    let sum = 0;
    let count = 0;
    for (let i = Math.round(from / hop); i <= Math.round(to / hop); i++) {
      sum = Math.max(sum, r.onsetPitchRise[2 * i]!);
      count = Math.max(count, r.onsetPitchRise[2 * i + 1]!);
    }
    return { sum, count };
  };
  // the note's frames: its partials rise (each ≥ 6 dB over the chord's spectrum there)
  const note = at(withNote, NOTE - 0.01, NOTE + 0.03);
  assert.ok(note.count >= 2, `${note.count} partials rose at the note`);
  assert.ok(note.sum >= 20, `${note.sum} dB summed rise at the note`);
  // the ringing chord (0.3–1.8 s, no note): no partial rises by 6 dB
  assert.equal(at(alone, 0.3, 1.8).count, 0);
  // before the note, the same
  assert.equal(at(withNote, 0.3, NOTE - 0.05).count, 0);
});

test("the pitch evidence in the peak model's row: the note's candidate reads its partials (the features last)", () => {
  const names = peakFeatureNames(4);
  assert.deepEqual(names.slice(-PITCH_FEATURES.length), PITCH_FEATURES);
  let cands: PeakCandidate[] = [];
  const r = report(signal(true));
  detectOnsets(onsetInput(r, RATE, stftLayout(RATE).windowSamples), onsetDefaults(), {
    onCandidates: (c) => (cands = [...c]),
  });
  const j = names.indexOf('pitchRise');
  const near = cands.filter((c) => Math.abs(c.t - NOTE) <= 0.03);
  assert.ok(near.length >= 1, 'a candidate at the note');
  const x = near.reduce((a, b) => (b.x![j]! > a.x![j]! ? b : a)).x!;
  assert.ok(x[j]! >= 20, `pitchRise ${x[j]}`);
  assert.ok(x[names.indexOf('pitchPartials')]! >= 2);
  // its total level rises little (the note is 9 dB under one chord note, ≈ 14 dB under the chord)
  assert.ok(Math.abs(x[names.indexOf('bandTotalRiseDb')]!) < 3, `total ${x[names.indexOf('bandTotalRiseDb')]}`);
});
