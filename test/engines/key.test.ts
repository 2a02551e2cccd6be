/**
 * Key detection with bass, chord and cadence evidence and a tuning estimate (issue 12 point 3).
 * - Analytic cases: progressions of harmonic tones (six partials, 1/h amplitudes) made here, played into the native
 *   extractor, detuned by ±40 cents. An A minor song that leans on its relative major (i–III–VII–III–VII–i) has
 *   exactly the pitch classes of C major and the whole-file profile reads C major; the chords (first and last
 *   chord, VII–i cadences) and the bass read A minor, and with that evidence switched off the engine reads C major
 *   again. C major's own I–IV–V–I stays C major, and A minor with a V–i cadence stays A minor.
 * - Held-out material (fixtures/keytruth.ts, never used to choose a parameter): soundfont renders of minor songs
 *   that lean on their relative major and major songs that lean on their relative minor, detuned, through the CLI,
 *   with the decision log's alternatives (runner-up, relative and parallel key).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import {
  analyzeKey,
  bassSeries,
  keyBlockFrames,
  keyBlocks,
  peakTuningConcentration,
  tuningAwareChroma,
  type Key,
  type KeyAnalysis,
} from '../../src/engines/key/index.js';
import { noise, pinkNoise, speechLike } from '../../fixtures/signals.js';
import { KEY_PARAMETERS } from '../../src/engines/analysis/params.js';
import { keySongSpecs, renderKeySong } from '../../fixtures/keytruth.js';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { KEY_SONG_RATE, progression } from '../helpers/key-songs.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';
import type { Decision } from '../../src/store/types.js';

const { dir, cleanup } = tempDir();
after(cleanup);

const RATE = KEY_SONG_RATE;

function keyOf(x: Float32Array, params: Record<string, number> = {}): KeyAnalysis & { profileOnly: string | null } {
  const layout = createFeatureExtractor({ sampleRate: RATE, channels: 1 }, { spectrum: true, pitch: false });
  layout.addFloat(x);
  const r = layout.finish();
  const blocks = keyBlocks(r);
  const a = analyzeKey(r.pitchClass, r.bassPitchClass, blocks, { params });
  // the whole-file profile's correlation alone (the scale's edges are evidence beside it)
  return {
    ...a,
    // (the rules' own reading: keyModel 0, the learned combiner off)
    profileOnly: analyzeKey(r.pitchClass, undefined, undefined, { params: { scaleEdgeWeight: 0, keyModel: 0 } }).result
      .key,
  };
}

// triads in the octave below A4 = 69, bass two octaves down
const Am: [number[], number] = [[57, 60, 64], 45];
const F: [number[], number] = [[57, 60, 65], 41];
const C: [number[], number] = [[60, 64, 67], 48];
const G: [number[], number] = [[59, 62, 67], 43];
const Dm: [number[], number] = [[57, 62, 65], 50];
const E: [number[], number] = [[56, 59, 64], 40];

const NO_CHORD_EVIDENCE = {
  bassWeight: 0,
  tonicChordWeight: 0,
  cadenceWeight: 0,
  endChordWeight: 0,
  phraseReturnWeight: 0,
  // the scale's edges too (the profile's correlation alone): this song has no F at all, and a partial's F♯ (a D's
  // 5th) reads G major's 7th
  scaleEdgeWeight: 0,
  // the hand combination's own reading (the learned combiner off: it reads the evidence these weights leave out)
  keyModel: 0,
};

test('A minor leaning on its relative major (i–III–VII–III–VII), 40 cents sharp: A minor from bass and chords', () => {
  const x = progression([Am, C, G, C, G, Am, C, G, C, G, Am], 1.5, 40);
  const k = keyOf(x);
  const key = k.result as Key;
  assert.equal(key.key, 'A minor');
  assert.ok(Math.abs(key.tuningCents - 40) < 3, `tuning ${key.tuningCents}`);
  assert.equal(k.profileOnly, 'C major', 'the whole-file profile alone reads the relative major');
  const off = keyOf(x, NO_CHORD_EVIDENCE).result as Key;
  assert.equal(off.key, 'C major', 'without the bass and chord evidence the engine reads the relative major');
  // the chord labels follow the progression (detuned by 40 cents)
  assert.deepEqual(
    k.chords.map((s) => `${s.root}${s.mode}`),
    ['9minor', '0major', '7major', '0major', '7major', '9minor', '0major', '7major', '0major', '7major', '9minor'],
  );
  const am = k.evidence.find((e) => e.key === 'A minor')!;
  const cM = k.evidence.find((e) => e.key === 'C major')!;
  assert.ok(am.firstChord && am.lastChord && !cM.firstChord && !cM.lastChord);
  // G → C (V–I) four times against G → Am (VII–i) twice: the cadences favour C, the ends and the bass decide
  assert.ok(cM.cadence > am.cadence);
  assert.ok(am.bass > cM.bass, `bass r ${am.bass} vs ${cM.bass}`);
  // the decision names the relative and the parallel key with their scores
  const alts = k.decision!.alternatives!.map((a) => a.value as { key: string; role: string; score: number });
  const rel = alts.find((a) => a.role.includes('relative'))!;
  assert.equal(rel.key, 'C major');
  assert.ok(rel.score < k.evidence[0]!.score);
  const whyNotC = k.decision!.alternatives!.find((a) => (a.value as { key: string }).key === 'C major')!.why_not;
  assert.match(whyNotC, /starts or ends on a tonic-root chord yes vs no \(first yes vs no, last yes vs no\)/);
  assert.equal(alts.find((a) => a.role.includes('parallel'))!.key, 'A major');
  assert.match(k.decision!.reason, /^A minor scores/);
});

test('C major I–IV–V–I, 40 cents sharp: C major, not its relative A minor', () => {
  const k = keyOf(progression([C, F, G, C, C, F, G, C], 1.5, 40));
  assert.equal(k.result.key, 'C major');
  assert.ok(Math.abs((k.result as Key).tuningCents - 40) < 3);
  const cM = k.evidence.find((e) => e.key === 'C major')!;
  assert.ok(cM.cadence > 0, 'G → C counts as a cadence');
});

test('A minor i–iv–V–i, 40 cents flat: A minor with its V–i cadences', () => {
  const k = keyOf(progression([Am, Dm, E, Am, Am, Dm, E, Am], 1.5, -40));
  assert.equal(k.result.key, 'A minor');
  assert.ok(Math.abs((k.result as Key).tuningCents + 40) < 3);
  const am = k.evidence.find((e) => e.key === 'A minor')!;
  // Am Dm E Am Dm E Am after merging the repeated Am: six changes, two of them E → Am
  assert.ok(Math.abs(am.cadence - 2 / 6) < 1e-9, `E → Am twice in 6 changes, got ${am.cadence}`);
});

test('the same music 48 cents sharp and 48 cents flat keeps its key and reports the tuning', () => {
  for (const cents of [48, -48]) {
    const k = keyOf(progression([Am, F, C, G, Am, Dm, E, Am], 1.5, cents));
    assert.equal(k.result.key, 'A minor', `${cents} cents`);
    assert.ok(Math.abs((k.result as Key).tuningCents - cents) < 3, `${cents}: ${(k.result as Key).tuningCents}`);
  }
});

test('held-out renders (relative-major and modal minor songs, relative-minor major songs, detuned): the CLI', () => {
  // shortened to two passes of each loop; the full songs are in bench/key-eval.ts
  const picks = [0, 3, 2, 13, 16];
  const specs = keySongSpecs();
  const files = picks.map((i) => renderKeySong({ ...specs[i]!, repeats: 2 }, dir, 7000 + i));
  const storeDir = path.join(dir, 'store');
  const r = shub(['analyze', ...files.map((f) => f.file), '--features', 'key', '--json', '--store-dir', storeDir], dir);
  assert.equal(r.code, 0, r.stderr);
  const rows = ndjson<Required<Pick<AnalyzeResult, 'key'>>>(r.stdout);
  const names = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
  rows.forEach((row, i) => {
    const truth = files[i]!;
    assert.equal(row.key.key, `${names[truth.key.tonic]} ${truth.key.mode}`, truth.name);
    const cents = (row.key as Key).tuningCents;
    assert.ok(Math.abs(cents - truth.detuneCents) < 8, `${truth.name}: tuning ${cents} vs ${truth.detuneCents}`);
  });
  const run = JSON.parse(
    readFileSync(path.join(storeDir, 'runs', readdirSync(path.join(storeDir, 'runs'))[0]!), 'utf8'),
  );
  const keyDecisions = run.decisions.filter((d: Decision) => d.engine === 'key');
  assert.equal(keyDecisions.length, files.length);
  for (const d of keyDecisions as Decision[]) {
    const roles = d.alternatives!.map((a) => (a.value as { role: string }).role).join(',');
    assert.match(roles, /runner-up/);
    assert.match(roles, /relative/);
    assert.match(roles, /parallel/);
    assert.ok(d.alternatives!.every((a) => a.why_not.length > 20));
  }
});

test('every key parameter is declared with a unit and a range that holds its default', () => {
  for (const [name, spec] of Object.entries(KEY_PARAMETERS)) {
    assert.ok(spec.range[0] <= spec.value && spec.value <= spec.range[1], name);
    assert.ok(spec.description.length > 20, name);
  }
  assert.throws(() => keyOf(progression([C], 1, 0), { bassWeight: -1 }), /bassWeight must be in/);
});

test('the native block profiles add up to the whole-file profiles, one block per keyBlockFrames STFT frames', () => {
  const fx = createFeatureExtractor({ sampleRate: RATE, channels: 1 }, { spectrum: true, pitch: false });
  fx.addFloat(progression([Am, F, C, G], 1.3, 0));
  const r = fx.finish();
  const per = keyBlockFrames(r.hopSeconds);
  assert.ok(per > 1);
  assert.equal(r.pitchClassBlocks.length, Math.ceil(r.stftFrames / per) * 120);
  assert.equal(r.bassPitchClassBlocks.length, r.pitchClassBlocks.length);
  for (const [blocks, whole] of [
    [r.pitchClassBlocks, r.pitchClass],
    [r.bassPitchClassBlocks, r.bassPitchClass],
  ] as const) {
    const sum = new Float64Array(120);
    for (let i = 0; i < blocks.length; i++) sum[i % 120]! += blocks[i]!;
    const total = whole.reduce((a, b) => a + b, 0);
    assert.ok(total > 0);
    for (let i = 0; i < 120; i++) assert.ok(Math.abs(sum[i]! - whole[i]!) <= 1e-5 * total, `bin ${i}`);
  }
});

/** The label of the chord sounding at `second` (the segment covering it). */
function chordAt(a: KeyAnalysis, second: number, blockSeconds: number): string {
  const b = Math.floor(second / blockSeconds);
  const s = a.chords.find((c) => c.start <= b && b < c.end);
  return s
    ? `${['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'][s.root]}${s.mode === 'minor' ? 'm' : ''}`
    : '-';
}

test('chord labels: a first-inversion V (G/B) is G, not B minor; G7 is G; over a G pedal, F/G is F', () => {
  const seconds = 1.3;
  // C – G/B – Am – G7 – C: the bass on B is the third of G; the seventh (F) does not make G7 another triad
  const G6: [number[], number] = [[62, 67, 71], 47];
  const G7: [number[], number] = [[59, 62, 65, 67], 43];
  const bs = KEY_PARAMETERS.blockSeconds.value;
  const inv = keyOf(progression([C, G6, Am, G7, C, G6, Am, G7, C], seconds, 0));
  assert.equal(chordAt(inv, 1.5 * seconds, bs), 'G');
  assert.equal(chordAt(inv, 3.5 * seconds, bs), 'G');
  assert.equal(inv.result.key, 'C major');
  // with the bass on the root only (no inversion share) and the whole bass register in the chord chroma, the same
  // G/B reads as B minor: what the second round's labels did
  const old = keyOf(progression([C, G6, Am, G7, C, G6, Am, G7, C], seconds, 0), {
    chordInversionBass: 0,
    chordBassInChroma: 1,
  });
  assert.equal(chordAt(old, 1.5 * seconds, bs), 'Bm');
  // I–IV–V–I over a G pedal (the bass holds G2 for 10 s): the pedal is found and, with the bass register weighted
  // down in the chord chroma (chordBassInChroma 0.5, the third round's default), the chords above it are read. The
  // fourth round's default (1: the whole profile, better over the 218 songs of bench/RESULTS.md) reads F/G as C here:
  // the held G's partials above 250 Hz stay in the chroma (a known limit, in RESULTS.md)
  const pedal = (c: [number[], number]): [number[], number] => [c[0], 43];
  const down = { chordBassInChroma: 0.5 };
  assert.equal(chordAt(keyOf(progression([C, F, G, C, C, F, G, C].map(pedal), seconds, 0)), 1.5 * seconds, bs), 'C');
  const ped = keyOf(progression([C, F, G, C, C, F, G, C].map(pedal), seconds, 0), down);
  assert.ok((ped.decision!.inputs as { pedalSeconds: number }).pedalSeconds >= 8);
  assert.equal(chordAt(ped, 1.5 * seconds, bs), 'F');
  assert.equal(chordAt(ped, 5.5 * seconds, bs), 'F');
  assert.equal(ped.result.key, 'C major');
  // without the pedal rule the held G is taken for the root of the F chord above it
  const noPedal = keyOf(progression([C, F, G, C, C, F, G, C].map(pedal), seconds, 0), { ...down, pedalMinSeconds: 30 });
  assert.notEqual(chordAt(noPedal, 1.5 * seconds, bs), 'F');
});

test('a V7 → I cadence counts 1 + seventhCadenceWeight, a plain V → I counts 1 (fifth round)', () => {
  const seconds = 1.3;
  const G7: [number[], number] = [[59, 62, 65, 67], 43];
  const chords = (v: [number[], number]) => [C, v, C, F, v, C];
  const cadence = (a: KeyAnalysis) => a.evidence.find((e) => e.key === 'C major')!.cadence;
  const w = KEY_PARAMETERS.seventhCadenceWeight.value;
  assert.ok(w > 0);
  // C G7 C F G7 C: five changes, two of them G7 → C
  const seventh = keyOf(progression(chords(G7), seconds, 0));
  assert.deepEqual(
    seventh.chords.map((c) => [c.root, c.mode, c.dominantSeventh ?? false]),
    [
      [0, 'major', false],
      [7, 'major', true],
      [0, 'major', false],
      [5, 'major', false],
      [7, 'major', true],
      [0, 'major', false],
    ],
  );
  assert.ok(Math.abs(cadence(seventh) - (2 * (1 + w)) / 5) < 1e-9, `got ${cadence(seventh)}`);
  assert.equal(seventh.result.key, 'C major');
  // the same with a G triad: the plain V → I weight; and with the bonus off the G7 counts as a triad
  const triad = keyOf(progression(chords(G), seconds, 0));
  assert.ok(Math.abs(cadence(triad) - 2 / 5) < 1e-9, `got ${cadence(triad)}`);
  const off = keyOf(progression(chords(G7), seconds, 0), { seventhCadenceWeight: 0 });
  assert.ok(Math.abs(cadence(off) - 2 / 5) < 1e-9, `got ${cadence(off)}`);
});

test('power chords (no third) are the tonic chord of both modes; a third present keeps the mode (sixth round)', () => {
  const seconds = 1.3;
  // C5 F5 G5 C5: root, fifth, octave; with triads the same roots are C, F and G major
  const C5: [number[], number] = [[60, 67, 72], 48];
  const F5: [number[], number] = [[53, 60, 65], 41];
  const G5: [number[], number] = [[55, 62, 67], 43];
  const power = keyOf(progression([C5, F5, G5, C5, F5, G5, C5], seconds, 0));
  assert.ok(KEY_PARAMETERS.chordThirdMinShare.value > 0);
  assert.deepEqual(
    power.chords.map((c) => [c.root, c.noThird ?? false]),
    [0, 5, 7, 0, 5, 7, 0].map((r) => [r, true]),
  );
  const share = (a: KeyAnalysis, key: string) => a.evidence.find((e) => e.key === key)!.tonicChord;
  // three of the seven chords are on C: 3/7 of the chord time for C major and C minor alike
  assert.ok(Math.abs(share(power, 'C major') - 3 / 7) < 0.03, `got ${share(power, 'C major')}`);
  assert.equal(share(power, 'C minor'), share(power, 'C major'));
  assert.equal(power.decision?.inputs?.['chordsWithoutThird'], 7);
  // with the rule off the label's mode decides: one of the two modes gets no tonic-chord time at all
  const off = keyOf(progression([C5, F5, G5, C5, F5, G5, C5], seconds, 0), { chordThirdMinShare: 0 });
  assert.equal(Math.min(share(off, 'C major'), share(off, 'C minor')), 0);
  // triads have their third: no chord is marked, the minor key gets no tonic-chord time
  const triads = keyOf(progression([C, F, G, C, F, G, C], seconds, 0));
  assert.ok(triads.chords.every((c) => !c.noThird));
  assert.equal(share(triads, 'C minor'), 0);
});

test('diatonic chord time: IV–V–iii–vi never sounds I but is all in C major; F and G major are not', () => {
  // F G Em Am (C major IV–V–iii–vi): diatonic to C major and A minor; F major lacks G and Em, G major lacks F
  const Em: [number[], number] = [[59, 64, 67], 40];
  const loop = [F, G, Em, Am];
  const a = keyOf(progression([...loop, ...loop, ...loop], 1.3, 0));
  const diatonic = (key: string) => a.evidence.find((e) => e.key === key)!.diatonic;
  assert.deepEqual(
    a.chords.map((c) => [c.root, c.mode]),
    [5, 7, 4, 9, 5, 7, 4, 9, 5, 7, 4, 9].map((r) => [r, r === 4 || r === 9 ? 'minor' : 'major']),
  );
  assert.equal(diatonic('C major'), 1);
  assert.equal(diatonic('A minor'), 1);
  // F major: G major (II) and E minor (on the leading tone) are outside it, half of the chord time
  assert.ok(Math.abs(diatonic('F major') - 0.5) < 0.03, `got ${diatonic('F major')}`);
  // G major: F major is a quarter (bVII is not diatonic to the major key)
  assert.ok(Math.abs(diatonic('G major') - 0.75) < 0.03, `got ${diatonic('G major')}`);
  // the weight adds the share to the score
  const w = KEY_PARAMETERS.diatonicWeight.value;
  const off = keyOf(progression([...loop, ...loop, ...loop], 1.3, 0), { diatonicWeight: 0 });
  const score = (x: KeyAnalysis, key: string) => x.evidence.find((e) => e.key === key)!.score;
  assert.ok(Math.abs(score(a, 'C major') - score(off, 'C major') - w) < 1e-9);
});

test('a thirdless tonic takes its mode from the melody: Mixolydian power chords with a major third are major', () => {
  const seconds = 1.3;
  // C5 C5 Bb5 F5 (I–I–bVII–IV in power chords: root, fifth, octave), twice, ending on C5; a quiet melody (a third
  // of the chords' level) sings E over the second half of every C5 (the major third: C Mixolydian), F over
  // Bb5, C over F5
  const C5: [number[], number] = [[60, 67, 72], 48];
  const Bb5: [number[], number] = [[58, 65, 70], 46];
  const F5: [number[], number] = [[53, 60, 65], 41];
  const loop = [C5, C5, Bb5, F5];
  const chords = [...loop, ...loop, C5];
  const x = progression(chords, seconds, 0);
  const melody = (midi: number) => (midi === 48 ? 76 : midi === 46 ? 77 : 72);
  chords.forEach(([, bass], c) => {
    const start = Math.round((c + 0.5) * seconds * RATE);
    const len = Math.round(0.5 * seconds * RATE);
    const f = 440 * 2 ** ((melody(bass) - 69) / 12);
    for (let h = 1; h <= 6; h++)
      for (let i = 0; i < len; i++) {
        const env = Math.min(1, i / 200) * Math.min(1, (len - i) / 200);
        x[start + i]! += (0.04 / h) * env * Math.sin((2 * Math.PI * h * f * i) / RATE);
      }
  });
  const a = keyOf(x);
  const onC = a.chords.filter((s) => s.root === 0);
  assert.ok(onC.length >= 3, `chords ${JSON.stringify(a.chords)}`);
  // the melody's third is too quiet to make the C chords triads: they are thirdless, and the melody makes them major
  assert.ok(
    onC.every((s) => s.noThird && s.thirdlessMode === 'major'),
    JSON.stringify(onC),
  );
  assert.equal(a.result.key, 'C major');
  assert.match(String(a.decision?.inputs?.['thirdlessModes']), /C: major/);
  // the sixth round (a thirdless tonic is both modes; the profile decides): the flat seventh pulls it elsewhere
  const off = keyOf(x, { thirdlessModeRatio: 0 });
  assert.notEqual(off.result.key, 'C major');
  // the steady partials alone decide nothing: without the melody the C chords stay open to both modes
  const bare = keyOf(progression(chords, seconds, 0));
  assert.ok(
    bare.chords.filter((s) => s.root === 0).every((s) => s.noThird && s.thirdlessMode === undefined),
    JSON.stringify(bare.chords),
  );
});

test('ii → V counts as a cadence into the major key whatever follows (a IM7 read as iii)', () => {
  const seconds = 1.3;
  // Dm7 G7 Cmaj7 Cmaj7 in C major, twice: the cadence share with and without the ii–V term
  const Dm7: [number[], number] = [[57, 60, 65], 50];
  const G7: [number[], number] = [[59, 65, 67], 43];
  const Cmaj7: [number[], number] = [[59, 64, 67], 48];
  const x = progression([Dm7, G7, Cmaj7, Cmaj7, Dm7, G7, Cmaj7, Cmaj7], seconds, 0);
  const on = keyOf(x);
  const off = keyOf(x, { twoFiveWeight: 0 });
  const cadence = (a: KeyAnalysis) => a.evidence.find((e) => e.key === 'C major')!.cadence;
  const labels = on.chords.map((c) => `${c.root}${c.mode}`);
  const twoFives = labels.filter((l, i) => i > 0 && labels[i - 1] === '2minor' && l === '7major').length;
  assert.equal(twoFives, 2, labels.join(' '));
  const changes = Math.max(1, on.chords.length - 1);
  assert.ok(
    Math.abs(cadence(on) - cadence(off) - (2 * KEY_PARAMETERS.twoFiveWeight.value) / changes) < 1e-9,
    `${cadence(on)} vs ${cadence(off)}`,
  );
});

test("a minor tonic whose chords read major (a loud major-third partial) takes the song's minor third", () => {
  const seconds = 1.3;
  // A minor i–iv–bII–V twice and i: over every A minor chord a steady C#5 louder than the chord's C (as a low A's
  // own 5th partial in a bright sample), so the chord labeller reads A major; a melody sings C (the minor third) over
  // the second half of each of them, the song's only third of A that comes and goes
  const Bb: [number[], number] = [[58, 62, 65], 46];
  const loop = [Am, Dm, Bb, E];
  const chords = [...loop, ...loop, Am];
  const x = progression(chords, seconds, 0);
  // the partial decays with the chord (progression's envelope), the melody holds
  const tone = (midi: number, from: number, len: number, gain: number, decay: boolean) => {
    const f = 440 * 2 ** ((midi - 69) / 12);
    for (let h = 1; h <= 4; h++)
      for (let i = 0; i < len; i++) {
        const env = Math.min(1, i / 200) * Math.min(1, (len - i) / 200) * (decay ? Math.exp(-i / (0.8 * RATE)) : 1);
        x[from + i]! += (gain / h) * env * Math.sin((2 * Math.PI * h * f * i) / RATE);
      }
  };
  chords.forEach((c, k) => {
    if (c !== Am) return;
    const start = Math.round(k * seconds * RATE);
    tone(73, start, Math.round(seconds * RATE), 0.5, true);
    tone(72, start + Math.round(0.5 * seconds * RATE), Math.round(0.5 * seconds * RATE), 0.15, false);
  });
  const off = keyOf(x, { tonicMinorThirdShare: 0 });
  // the labels: the A chords read major, and with them the key is A major (the parallel key)
  assert.ok(
    off.chords.filter((s) => s.root === 9).every((s) => s.mode === 'major'),
    off.chords.map((s) => `${s.root}${s.mode}`).join(' '),
  );
  assert.equal(off.result.key, 'A major');
  const on = keyOf(x);
  assert.equal(on.result.key, 'A minor');
  // listed in the decision, A among the roots the song's thirds make minor (D: the iv chord), A major and E not
  const minorRoots = String(on.decision?.inputs?.['songMinorRoots']).split(' ');
  assert.ok(minorRoots.includes('A') && !minorRoots.includes('E') && !minorRoots.includes('A#'), minorRoots.join(' '));
  // the A chords count as A minor's tonic chord, none as A major's
  const tonic = (a: KeyAnalysis, key: string) => a.evidence.find((e) => e.key === key)!.tonicChord;
  assert.equal(tonic(on, 'A major'), 0);
  assert.ok(Math.abs(tonic(on, 'A minor') - tonic(off, 'A major')) < 1e-9, `${tonic(on, 'A minor')}`);
});

test('the loop returns read back from the final chord break a near tie (I–IV–IV, ninth round)', () => {
  // C major I–IV–IV four times and a held I: IV holds 8 of the 13 chords, C → F is F major's V → I; the profile and
  // the ends (first and last chord C) favour C: without the returns F major wins by less than their weight
  const Fc: [number[], number] = [[57, 60, 65], 41];
  const loop = [C, Fc, Fc];
  const x = progression([...loop, ...loop, ...loop, ...loop, C], 1.3, 0);
  // the scale's edges off: the triads' partials (a G's 5th partial is B) already read C major's 7th, not B♭
  const on = keyOf(x, { scaleEdgeWeight: 0 });
  // (the vamp's vote off too: C–F–F holds two roots and starts on C, round 31's rule would decide it alone)
  // (the hand combination's own reading: keyModel 0 — with gbm57 on (h-key57) this ablation reads C major)
  const off = keyOf(x, { phraseReturnWeight: 0, scaleEdgeWeight: 0, vampWeight: 0, keyModel: 0 });
  const ret = (a: KeyAnalysis, key: string) => a.evidence.find((e) => e.key === key)!.phraseReturn;
  // every return (the final chord, then one period, 3 chords, back each time) is a C chord
  assert.equal(ret(on, 'C major'), 1);
  assert.equal(ret(on, 'F major'), 0);
  assert.equal(on.decision?.inputs?.['phraseReturnChords'], 'C C C C C');
  assert.ok(Math.abs((on.decision?.inputs?.['returnPeriodSeconds'] as number) - 3.9) < 0.25);
  assert.equal(off.result.key, 'F major');
  assert.equal(on.result.key, 'C major');
  const score = (a: KeyAnalysis, key: string) => a.evidence.find((e) => e.key === key)!.score;
  const w = KEY_PARAMETERS.phraseReturnWeight.value;
  // the returns' weight and the vamp's (C major is the vamp's first chord in `on`, the vote off in `off`)
  const vamp = KEY_PARAMETERS.vampWeight.value;
  assert.equal(on.evidence.find((e) => e.key === 'C major')!.vampTonic, true);
  assert.ok(Math.abs(score(on, 'C major') - score(off, 'C major') - w - vamp) < 1e-9);
  assert.match(
    on.decision!.reason,
    /the loop returns \(read back from the final chord\) to a tonic-root chord 100 % vs 0 %/,
  );
  // the same loop stopping on its second IV (no final C): the final chord is off the grid the first chord sets
  const stopped = keyOf(progression([...loop, ...loop, ...loop, ...loop], 1.3, 0), { scaleEdgeWeight: 0 });
  assert.ok(stopped.evidence.every((e) => e.phraseReturn === 0));
  assert.equal(stopped.decision?.inputs?.['phraseReturnChords'], undefined);
});

test('tuning concentration of the strong peaks: exact on a constructed profile, the bass register taken out', () => {
  // twelve peaks of height 3 on the grid over a floor of 1 in every 10-cent bin: linear weights give 36 / 156, squared
  // weights ((1 + 3)² − 1²) / ((1 + 3)² + 9 · 1²) = 15 / 25 (the floor's offsets cancel but its weight stays)
  const profile = Array.from({ length: 120 }, (_, i) => 1 + (i % 10 === 0 ? 3 : 0));
  assert.ok(Math.abs(tuningAwareChroma(profile).concentration - 36 / 156) < 1e-12);
  assert.ok(Math.abs(peakTuningConcentration(profile) - 15 / 25) < 1e-12);
  // a spread bass (every bin, below 250 Hz) added to the profile and passed as the bass profile changes nothing
  const bass = Array.from({ length: 120 }, (_, i) => 2 + Math.sin(i));
  const withBass = profile.map((v, i) => v + bass[i]!);
  assert.ok(Math.abs(peakTuningConcentration(withBass, bass) - 15 / 25) < 1e-12);
  assert.ok(peakTuningConcentration(withBass) < 0.5);
  // all on the grid: 1 whatever the weighting; evenly spread: 0
  assert.ok(Math.abs(peakTuningConcentration(profile.map((v) => v - 1)) - 1) < 1e-12);
  assert.ok(peakTuningConcentration(new Array<number>(120).fill(1)) < 1e-12);
});

test('a detuned-unison synth over a noise floor and a bass that drops an octave into each note is tuned music', () => {
  // C major I–IV–V–I–vi–IV–V–I: each chord tone five slightly inharmonic voices (partial h at h·(1 + 0.003 (h − 1)²))
  // detuned over ±20 cents, the bass falling from an octave above onto its note (0.15 s time constant, as a
  // pitch-enveloped synth bass), white noise at ±0.3 (fresh8's buzz songs: key null before the eleventh round)
  const chords: [number[], number][] = [C, [[65, 69, 72], 41], G, C, [[57, 60, 64], 45], [[65, 69, 72], 41], G, C];
  const seconds = 1.5;
  const len = Math.round(seconds * RATE);
  const x = new Float32Array(chords.length * len);
  const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);
  let phase0 = 0;
  chords.forEach(([notes, bassNote], c) => {
    const start = c * len;
    const edge = (i: number) => Math.min(1, i / 200, (len - i) / 200);
    for (const m of notes)
      for (const d of [-20, -10, 0, 10, 20]) {
        phase0 += 1.3;
        for (let h = 1; h <= 8; h++) {
          const f = hz(m + d / 100) * h * (1 + 0.003 * (h - 1) ** 2);
          if (f > RATE / 2) break;
          const w = (2 * Math.PI * f) / RATE;
          for (let i = 0; i < len; i++) x[start + i]! += (0.05 / h) * edge(i) * Math.sin(w * i + phase0 * h);
        }
      }
    let phase = 0;
    for (let i = 0; i < len; i++) {
      phase += (2 * Math.PI * hz(bassNote + 12 * Math.exp(-i / (0.15 * RATE)))) / RATE;
      let v = 0;
      for (let h = 1; h <= 8; h++) v += Math.sin(h * phase) / h;
      x[start + i]! += 0.25 * v * Math.min(1, i / 100, (len - i) / 200);
    }
  });
  const floor = noise(x.length, 0.3, 9);
  for (let i = 0; i < x.length; i++) x[i]! += floor[i]!;
  const layout = createFeatureExtractor({ sampleRate: RATE, channels: 1 }, { spectrum: true, pitch: false });
  layout.addFloat(x);
  const r = layout.finish();
  // the whole profile's peaks, linearly weighted, look spread (the old gate, 0.2, refused this)
  assert.ok(tuningAwareChroma(r.pitchClass).concentration < 0.2, `${tuningAwareChroma(r.pitchClass).concentration}`);
  const peak = peakTuningConcentration(r.pitchClass, r.bassPitchClass);
  assert.ok(peak > 1.3 * KEY_PARAMETERS.minTuningConcentration.value, `strong peaks above the bass: ${peak}`);
  const k = keyOf(x);
  assert.equal(k.result.key, 'C major', 'reason' in k.result ? k.result.reason : '');
});

/**
 * A struck, decaying tuned bar (modes 1 : 4 : 10, the vibraphone's tuning: T. D. Rossing, *Science of Percussion
 * Instruments*, 2000, ch. 5) playing chords of a cadence (`chords`: midi notes) at `spb` seconds a chord, over a ride
 * cymbal (white noise through a first difference, a 0.25 s decay, four hits a chord) at `ride` (peak); 22.05 kHz.
 */
function barOverRide(chords: number[][], spb: number, ride: number): Float32Array {
  const len = Math.round(spb * RATE);
  const x = new Float32Array(chords.length * len + RATE);
  const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);
  const modes: [number, number, number][] = [
    [1, 1, 2.2],
    [4, 0.5, 0.7],
    [10, 0.25, 0.25],
  ];
  chords.forEach((notes, c) =>
    notes.forEach((m, k) => {
      for (const [ratio, amp, ring] of modes) {
        const w = (2 * Math.PI * hz(m) * ratio) / RATE;
        if (hz(m) * ratio >= RATE / 2) continue;
        for (let i = 0; i < len + RATE; i++)
          x[c * len + i]! += 0.08 * amp * Math.exp(-i / (ring * RATE)) * Math.sin(w * i + k);
      }
    }),
  );
  const hiss = noise(x.length, 1, 17);
  for (let hit = 0; hit * (len / 4) < x.length; hit++) {
    const at = Math.round((hit * len) / 4);
    for (let i = 1; at + i < x.length && i < RATE; i++)
      x[at + i]! += ride * Math.exp(-i / (0.25 * RATE)) * (hiss[at + i]! - hiss[at + i - 1]!);
  }
  return x;
}

test('a vibraphone-like bar (modes 1 : 4 : 10) over a ride cymbal is tuned music: keyed by the low-band gate', () => {
  // F major I–IV–V7–I–I–vi–V7–I: the ride's noise peaks outweigh the bar's few partials in the whole profile (the
  // old gate: null, as fresh50's vibraphone tunes over a busy kit), not below tuningGateMaxHz
  const F = [53, 57, 60, 65];
  const C7 = [55, 58, 60, 64];
  const chords = [F, [53, 58, 62, 65], C7, [57, 60, 65, 69], F, [50, 53, 57, 62], C7, F];
  const x = barOverRide(chords, 1.2, 1);
  const layout = createFeatureExtractor({ sampleRate: RATE, channels: 1 }, { spectrum: true, pitch: false });
  layout.addFloat(x);
  const r = layout.finish();
  const whole = peakTuningConcentration(r.pitchClass, r.bassPitchClass);
  const low = peakTuningConcentration(r.gatePitchClass, r.bassPitchClass);
  assert.ok(whole < 0.9 * KEY_PARAMETERS.minTuningConcentration.value, `whole profile: ${whole}`);
  assert.ok(low > 1.1 * KEY_PARAMETERS.minLowTuningConcentration.value, `below tuningGateMaxHz: ${low}`);
  const k = keyOf(x);
  assert.equal(k.result.key, 'F major', 'reason' in k.result ? k.result.reason : '');
  // the gate before h-kgate75 (the whole profile): no key
  const before = keyOf(x, { lowBandTuningGate: 0 });
  assert.equal(before.result.key, null);
  assert.match('reason' in before.result ? before.result.reason : '', /no tuned notes/);
});

test('speech-like sound, white and pink noise: no key under the low-band gate; with no threshold a key', () => {
  const FS = RATE;
  const inputs: [string, Float64Array][] = [
    ['speech-like', speechLike(12, FS, 3)],
    ['speech-like 2', speechLike(12, FS, 11)],
    ['white noise', noise(FS * 8, 0.3, 5)],
    ['pink noise', pinkNoise(FS * 8, 0.3, 6)],
  ];
  for (const [name, sig] of inputs) {
    const x = Float32Array.from(sig);
    const k = keyOf(x);
    assert.equal(k.result.key, null, name);
    assert.match('reason' in k.result ? k.result.reason : '', /below \d+ Hz above the bass are spread/, name);
    // the gate is what refuses them: at threshold 0 each gets a key
    assert.notEqual(keyOf(x, { minLowTuningConcentration: 0 }).result.key, null, `${name} at threshold 0`);
  }
});

const EDGES =
  "the scale's edges: exact contrasts on a constructed profile; a I–IV loop whose I carries B natural is C, not F";
test(EDGES, () => {
  // a profile on the tuning grid (10-cent bin 10·pc = pitch class pc exactly): C E G F A 1, D 0.5, B 0.3, no B♭
  const profile = new Float64Array(120);
  const level: Record<number, number> = { 0: 1, 4: 1, 7: 1, 5: 1, 9: 1, 2: 0.5, 11: 0.3 };
  for (const [pc, v] of Object.entries(level)) profile[10 * Number(pc)] = v;
  const floor = KEY_PARAMETERS.scaleEdgeFloor.value * (5.8 / 12);
  const a = analyzeKey(profile, undefined, undefined, { params: { scaleEdgeWeight: 1 } });
  const edge = (key: string) => a.evidence.find((e) => e.key === key)!.scaleEdge;
  // C major: B against B♭ (0.3 vs 0), F against F♯ (1 vs 0)
  assert.ok(Math.abs(edge('C major') - (0.3 / (0.3 + floor) + 1 / (1 + floor)) / 2) < 1e-9);
  // F major: E against E♭ (1 vs 0), B♭ against B (0 vs 0.3)
  assert.ok(Math.abs(edge('F major') - (1 / (1 + floor) - 0.3 / (0.3 + floor)) / 2) < 1e-9);
  // A minor (C major's relative) has the same edges: B against B♭ is its 2 against b2, F against F♯ its b6 against 6
  assert.ok(Math.abs(edge('A minor') - edge('C major')) < 1e-9);
  // off: the evidence is not computed and adds nothing
  const off = analyzeKey(profile, undefined, undefined, { params: { scaleEdgeWeight: 0 } });
  assert.ok(off.evidence.every((e) => e.scaleEdge === 0));

  // I–IV held alike, four times, stopping on IV (no final I, no loop returns): every I → IV is the IV key's V → I.
  // With the I as Cmaj7 (B natural, where C major's scale and F major's differ) the edges read C major, without them
  // F major; with the I as C7 (B♭: F major's V7) both read F major
  const Cmaj7: [number[], number] = [[60, 64, 67, 71], 48];
  const C7: [number[], number] = [[60, 64, 67, 70], 48];
  const Fc: [number[], number] = [[57, 60, 65], 41];
  const x = progression([Cmaj7, Fc, Cmaj7, Fc, Cmaj7, Fc, Cmaj7, Fc], 1.3, 0);
  // (the vamp's vote off in the ablation: Cmaj7–F is a two-root vamp that starts on C, round 31)
  // (the hand combination's own reading: keyModel 0 — with gbm57 on (h-key57) this ablation reads C major)
  const without = keyOf(x, { scaleEdgeWeight: 0, vampWeight: 0, keyModel: 0 });
  const withEdges = keyOf(x);
  assert.equal(without.result.key, 'F major');
  assert.equal(withEdges.result.key, 'C major');
  const dominant = progression([C7, Fc, C7, Fc, C7, Fc, C7, Fc], 1.3, 0);
  // (the hand combination's own reading: keyModel 0 — with gbm57 on (h-key57) this ablation reads C major)
  assert.equal(keyOf(dominant, { scaleEdgeWeight: 0, keyModel: 0 }).result.key, 'F major');
  // (the rules' own reading, keyModel 0: h-key57's gbm57 reads this C7–F vamp on its first chord, C major)
  assert.equal(keyOf(dominant, { keyModel: 0 }).result.key, 'F major');
  assert.match(withEdges.decision!.reason, /the scale's edges against the keys a fifth away/);
});

test("a bass note's expected upper partials: exact on a constructed bass profile (bassSeries)", () => {
  // bass register: C strong, its 3rd partial's G weaker (C is the bass note: C + G beats G + D)
  const bass = [1, 0, 0.1, 0, 0, 0, 0, 0.4, 0, 0, 0, 0];
  const s = bassSeries(bass, 1, 0.5);
  // partials 2, 4, 8 on C (0.5 + 0.125 + 0.0078125), 3 and 6 on G (0.25 + 0.03125), 5 on E, 7 on B♭
  const want = [0.6328125, 0, 0, 0, 0.0625, 0, 0, 0.28125, 0, 0, 0.015625, 0];
  s.forEach((v, i) => assert.ok(Math.abs(v - want[i]!) < 1e-12, `${i}: ${v}`));
  // scaled by the gain and the note's level
  bassSeries(
    bass.map((v) => 2 * v),
    0.35,
    0.5,
  ).forEach((v, i) => assert.ok(Math.abs(v - 0.7 * want[i]!) < 1e-12));
  assert.deepEqual(bassSeries(bass, 0, 0.5), new Array(12).fill(0));
  assert.deepEqual(bassSeries(new Array(12).fill(0), 1, 0.5), new Array(12).fill(0));
});

test('a loud dominant pedal with a bright bass: its partials taken out, C major, not the key of V', () => {
  // C major I–IV–ii–V–I–vi–IV–I (quiet six-partial chords) over G2 in eighth notes with 12 partials at 1/k: the
  // pedal's octave, fifth and major third (G, D, B) outweigh the chords, every block reads G major
  const chords = [
    [60, 64, 67],
    [60, 65, 69],
    [62, 65, 69],
    [59, 62, 67],
    [60, 64, 67],
    [57, 60, 64],
    [60, 65, 69],
    [60, 64, 67],
  ];
  const seconds = 1.6;
  const x = new Float32Array(Math.round(chords.length * seconds * RATE));
  const len = Math.round(seconds * RATE);
  chords.forEach((notes, c) => {
    for (const midi of notes)
      for (let h = 1; h <= 6; h++) {
        const w = (2 * Math.PI * h * 440 * 2 ** ((midi - 69) / 12)) / RATE;
        for (let i = 0; i < len; i++) {
          const env = Math.min(1, i / 200) * Math.exp(-i / (0.8 * RATE)) * Math.min(1, (len - i) / 200);
          x[c * len + i]! += (0.12 / h) * env * Math.sin(w * i);
        }
      }
  });
  const f = 440 * 2 ** ((43 - 69) / 12);
  const eighth = Math.round(0.25 * RATE);
  for (let s = 0; s + eighth <= x.length; s += eighth)
    for (let k = 1; k <= 12; k++)
      for (let i = 0; i < eighth; i++) {
        const env = Math.min(1, i / 100) * Math.min(1, (eighth - i) / 100);
        x[s + i]! += (0.1 / k) * env * Math.sin((2 * Math.PI * k * f * i) / RATE);
      }
  // the control: neither the partials taken out nor the bass note's fifth capped (uncapped, the block's bass note
  // flips between G and C, G being C's fifth, and no pedal is found)
  const off = keyOf(x, { bassSeriesGain: 0, bassNoteFifthCap: 0 });
  assert.equal(off.result.key, 'G major');
  assert.equal(off.decision?.inputs?.['pedalSeconds'], 0);
  assert.ok(
    off.chords.every((s) => s.root === 7 && s.mode === 'major'),
    off.chords.map((s) => `${s.root}${s.mode}`).join(' '),
  );
  const on = keyOf(x);
  assert.equal(KEY_PARAMETERS.bassSeriesGain.value, 0.4);
  assert.equal(on.result.key, 'C major');
  assert.ok(
    on.chords.some((s) => s.root === 0 && s.mode === 'major'),
    on.chords.map((s) => `${s.root}${s.mode}`).join(' '),
  );
});

test('a loop that starts on vi and ends V → I: its first chord votes firstChordAfterDominantEnd (round 30)', () => {
  // C major vi–IV–I–V three times, then a G → C ending: the first chord (Am) is A minor's, the last (C, reached by
  // its V) C major's
  const loop = [Am, F, C, G];
  const ending = keyOf(progression([...loop, ...loop, ...loop, C], 1.3, 0), { firstChordAfterDominantEnd: 0.4 });
  const full = keyOf(progression([...loop, ...loop, ...loop, C], 1.3, 0), { firstChordAfterDominantEnd: 1 });
  const ev = (a: KeyAnalysis, key: string) => a.evidence.find((e) => e.key === key)!;
  assert.equal(ending.decision?.inputs?.['firstChord'], 'Am');
  assert.equal(ending.decision?.inputs?.['lastChord'], 'C');
  assert.equal(ending.decision?.inputs?.['lastChordByDominant'], true);
  assert.equal(ending.decision?.inputs?.['firstChordVote'], 0.4);
  assert.equal(ev(ending, 'A minor').endsVote, 0.4);
  assert.equal(ev(ending, 'C major').endsVote, 1);
  assert.equal(ev(full, 'A minor').endsVote, 1);
  // only the ends' term moves: A minor loses 0.6 of the ends' weight, C major nothing
  const w = KEY_PARAMETERS.endChordWeight.value;
  assert.ok(Math.abs(ev(full, 'A minor').score - ev(ending, 'A minor').score - 0.6 * w) < 1e-9);
  assert.ok(Math.abs(ev(full, 'C major').score - ev(ending, 'C major').score) < 1e-9);
  assert.equal(ending.result.key, 'C major');
  // a stop on G after C (G's IV → I, not its dominant): the first chord votes in full
  const cold = keyOf(progression([...loop, ...loop, ...loop, Am, F, C, G], 1.3, 0), { firstChordAfterDominantEnd: 0 });
  assert.equal(cold.decision?.inputs?.['lastChordByDominant'], false);
  assert.equal(ev(cold, 'A minor').endsVote, 1);
  // a dominant's resolution is the ending however long it lasts: a final C as long as every other chord counts as
  // one held three (at firstChordAfterDominantEnd 0 the first chord then has no vote)
  const held = (n: number) =>
    keyOf(progression([...loop, ...loop, ...loop, ...new Array<typeof C>(n).fill(C)], 1.3, 0), {
      firstChordAfterDominantEnd: 0,
    });
  for (const n of [1, 3]) {
    const a = held(n);
    assert.equal(a.decision?.inputs?.['lastChordByDominant'], true, `final C ×${n}`);
    assert.equal(ev(a, 'A minor').endsVote, 0, `final C ×${n}`);
    assert.equal(ev(a, 'C major').endsVote, 1, `final C ×${n}`);
  }
});

test('a Dorian i–IV vamp: the key on its first chord gets vampWeight; a four-chord loop is no vamp (round 31)', () => {
  // A Dorian: Am – D ×6, stopping on D (the scale is G major's; D major holds half the chord time)
  const D: [number[], number] = [[57, 62, 66], 50];
  const vamp = [Am, D, Am, D, Am, D, Am, D, Am, D, Am, D];
  const on = keyOf(progression(vamp, 1.3, 0), { vampWeight: 0.5, vampShare: 0.8 });
  // (the hand combination's own reading: keyModel 0 — with gbm57 on (h-key57) the ablation still reads A)
  const off = keyOf(progression(vamp, 1.3, 0), { vampWeight: 0, vampShare: 0.8, keyModel: 0 });
  const ev = (a: KeyAnalysis, key: string) => a.evidence.find((e) => e.key === key)!;
  assert.equal(ev(on, 'A minor').vampTonic, true);
  assert.equal(ev(on, 'D major').vampTonic, false);
  // only the vamp's term moves: A minor gains exactly vampWeight, D major nothing
  assert.ok(Math.abs(ev(on, 'A minor').score - ev(off, 'A minor').score - 0.5) < 1e-9);
  assert.ok(Math.abs(ev(on, 'D major').score - ev(off, 'D major').score) < 1e-9);
  // the tonic moves to the vamp's root (the mode is the rest of the evidence's: these sine triads read A as open)
  assert.equal(on.result.key?.split(' ')[0], 'A');
  assert.notEqual(off.result.key?.split(' ')[0], 'A');
  // a share the two roots do not reach: no vamp
  const strict = keyOf(progression([...vamp, G], 1.3, 0), { vampWeight: 0.5, vampShare: 0.97 });
  assert.equal(ev(strict, 'A minor').vampTonic, false, 'strict share');
  // vi–IV–I–V: four roots, none over the share — no key gets the vamp's vote
  const loop = keyOf(progression([Am, F, C, G, Am, F, C, G, Am, F, C, G], 1.3, 0), { vampWeight: 0.5 });
  assert.equal(
    loop.evidence.some((e) => e.vampTonic),
    false,
    loop.chords.map((c) => `${c.root}${c.mode}:${c.sounding}`).join(' '),
  );
});

test('steady held notes above the bass: a sustained note counts on its key, a decaying one not (rounds 33, 35)', () => {
  // F C G Am ×3 stopping on C, a voice on A5 (A minor's tonic) over every Am: level, or decaying as a struck string
  const sing = (decay: number) => {
    const x = progression([F, C, G, Am, F, C, G, Am, F, C, G, Am, C, C], 1.3, 0);
    const f = 440 * 2 ** ((81 - 69) / 12);
    const len = Math.round(1.3 * RATE);
    for (const c of [3, 7, 11]) {
      const start = Math.round(c * 1.3 * RATE);
      for (let h = 1; h <= 4; h++)
        for (let i = 0; i < len; i++) {
          const env = Math.min(1, i / 200, (len - i) / 200) * (decay > 0 ? Math.exp(-i / (decay * RATE)) : 1);
          x[start + i]! += (0.2 / h) * env * Math.sin((2 * Math.PI * h * f * i) / RATE);
        }
    }
    return x;
  };
  const ev = (r: KeyAnalysis, key: string) => r.evidence.find((e) => e.key === key)!;
  const level = sing(0);
  const on = keyOf(level);
  // (the hand combination's own reading: keyModel 0 — with gbm57 on (h-key57) this ablation reads A minor)
  const off = keyOf(level, { heldNoteWeight: 0, keyModel: 0 });
  // the level A5 is the song's one steady held note (the chords decay to a fifth of their level over a chord)
  assert.ok(ev(on, 'A minor').heldTonic > 0.9, `${ev(on, 'A minor').heldTonic}`);
  assert.equal(ev(on, 'C major').heldTonic, 0);
  // every key gains exactly heldNoteWeight × its share; at weight 0 the term is not read
  const w = KEY_PARAMETERS.heldNoteWeight.value;
  for (const key of ['C major', 'A minor', 'G major', 'F major', 'E minor'])
    assert.ok(Math.abs(ev(on, key).score - ev(off, key).score - w * ev(on, key).heldTonic) < 1e-9, key);
  assert.ok(off.evidence.every((e) => e.heldTonic === 0));
  // the chords (ending on C) read C major; the sustained A over every Am reads A minor
  assert.equal(off.result.key, 'C major');
  assert.equal(on.result.key, 'A minor');
  // the same A5 decaying (time constant 0.4 s: a fifth of its peak after 0.65 s) weighs nothing at the default
  // steadiness, and counts again when every run counts in proportion to its steadiness
  const struck = sing(0.4);
  assert.equal(ev(keyOf(struck), 'A minor').heldTonic, 0);
  assert.equal(keyOf(struck).result.key, 'C major');
  assert.ok(ev(keyOf(struck, { heldNoteSteadiness: 0 }), 'A minor').heldTonic > 0.5);
});

test("a fast chord rhythm's first bar is the song's first chord, though under endMinSeconds (round 37)", () => {
  // a polka-fast C major: bars of 0.6 s, I–V–V–I–IV–V ×4 and a final I; the first C lasts one bar (0.6 s), the first
  // chord lasting endMinSeconds (1 s) is the G after it
  const loop = [C, G, G, C, F, G];
  const x = progression([...loop, ...loop, ...loop, ...loop, C, C], 0.6, 0);
  const rhythm = keyOf(x);
  const seconds = keyOf(x, { endMinChordShare: 0 });
  const ev = (a: KeyAnalysis, key: string) => a.evidence.find((e) => e.key === key)!;
  // the median chord segment is one bar: half of it is the shortest end chord
  assert.ok(Number(rhythm.decision?.inputs?.['endChordMinSeconds']) < 0.45, 'end chord minimum');
  assert.equal(rhythm.decision?.inputs?.['firstChord'], 'C');
  assert.equal(ev(rhythm, 'C major').firstChord, true);
  assert.equal(ev(rhythm, 'G major').firstChord, false);
  // endMinSeconds alone (main before round 37): the one-bar C is skipped and the song starts on G
  assert.equal(seconds.decision?.inputs?.['endChordMinSeconds'], 1);
  assert.equal(seconds.decision?.inputs?.['firstChord'], 'G');
  assert.equal(ev(seconds, 'G major').firstChord, true);
  assert.equal(rhythm.result.key, 'C major');
});
