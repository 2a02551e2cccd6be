/**
 * Honest confidences (issue 12 point 6): key, tempo and pitch are null, with a reason, when the evidence is too weak
 * — speech, noise, digital silence — and the text table shows "—" instead of a made-up value; real music still gets
 * its values. The always-run material is made in code (fixtures/signals.ts speechLike, noise, pinkNoise; a song
 * rendered by the npm synthesizer), so the test runs on a machine without a speech synthesizer; a peer test adds
 * real synthesized speech from espeak-ng.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { noise, pinkNoise, speechLike, writeWav } from '../../fixtures/signals.js';
import { songPlanar } from '../../fixtures/music.js';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { peerSkip } from '../helpers/peers.js';
import { gridConcentration } from '../../src/engines/pitch/index.js';
import { PITCH_PARAMETERS } from '../../src/engines/analysis/params.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';

const { dir, cleanup } = tempDir();
after(cleanup);
const FS = 44100;
const f = (name: string) => path.join(dir, name);

type Row = Required<Pick<AnalyzeResult, 'tempo' | 'key' | 'pitch'>> & { file: string };

function analyze(files: string[]): Row[] {
  const r = shub(['analyze', ...files, '--features', 'tempo,key,pitch', '--json', '--store-dir', dir], dir);
  assert.equal(r.code, 0, r.stderr);
  return ndjson<Row>(r.stdout);
}

/** Tempo, key and pitch all null, each with a reason naming why. */
function assertNoValues(row: Row): void {
  const name = path.basename(row.file);
  assert.equal(row.tempo.bpm, null, `${name}: tempo ${row.tempo.bpm}`);
  assert.deepEqual([row.tempo.beats, row.tempo.downbeats, row.tempo.alternatives], [[], [], []], name);
  assert.match(row.tempo.reason ?? '', /onset|beat|periodic/, `${name}: tempo reason`);
  assert.equal(row.key.key, null, `${name}: key ${row.key.key}`);
  assert.match('reason' in row.key ? row.key.reason : '', /pitched|tuned|pitch classes/, `${name}: key reason`);
  assert.equal(row.pitch.medianHz, null, `${name}: pitch ${row.pitch.medianHz}`);
  assert.match(row.pitch.reason ?? '', /voiced|steady/, `${name}: pitch reason`);
}

test('speech-like sound, white and pink noise, digital silence: null tempo, key and pitch with reasons', () => {
  const mono = (x: Float64Array) => [x, x];
  writeWav(f('speechlike-a.wav'), mono(speechLike(20, FS, 3)), FS, 's16');
  writeWav(f('speechlike-b.wav'), mono(speechLike(20, FS, 11)), FS, 's16');
  writeWav(f('white.wav'), mono(noise(20 * FS, 0.3, 5)), FS, 's16');
  writeWav(f('pink.wav'), mono(pinkNoise(20 * FS, 0.3, 6)), FS, 's16');
  writeWav(f('silence.wav'), mono(new Float64Array(10 * FS)), FS, 's16');
  const files = ['speechlike-a', 'speechlike-b', 'white', 'pink', 'silence'].map((n) => f(`${n}.wav`));
  const rows = analyze(files);
  assert.equal(rows.length, files.length);
  rows.forEach(assertNoValues);
  // the reasons say what was missing
  const speech = rows[0]!;
  assert.match(speech.tempo.reason!, /not periodic/);
  assert.match('reason' in speech.key ? speech.key.reason : '', /spread over the semitone/);
  assert.match(speech.pitch.reason!, /glides/);
  assert.match(rows[4]!.pitch.reason!, /no voiced frames/);
  // the text table: a dash and the reason, never a number
  const text = shub(['analyze', files[0]!, '--features', 'tempo,key,pitch', '--store-dir', dir], dir);
  assert.equal(text.code, 0, text.stderr);
  for (const label of ['Tempo', 'Key', 'Pitch \\(median f0\\)'])
    assert.match(text.stdout, new RegExp(`^\\s+${label}\\s+— \\(\\S`, 'm'), `${label} row:\n${text.stdout}`);
  assert.doesNotMatch(text.stdout, /BPM \(confidence|(major|minor) \(confidence|Hz \(voiced/);
});

test('a rendered song keeps its tempo, key and pitch (the thresholds do not remove real results)', () => {
  const bpm = 96;
  writeWav(f('song.wav'), songPlanar({ bpm, tonic: 62, mode: 'major', bars: 8, humanize: 5 }), FS, 's16');
  const [row] = analyze([f('song.wav')]);
  assert.ok(row!.tempo.bpm !== null && Math.abs(row!.tempo.bpm / bpm - 1) < 0.04, `tempo ${row!.tempo.bpm}`);
  assert.equal(row!.tempo.reason, undefined);
  assert.equal(row!.key.key, 'D major');
  // the song's lowest voice is the bass line on D, E, B, G (fixtures/music.ts: I–V–vi–IV, roots two octaves down)
  const hz = row!.pitch.medianHz;
  assert.ok(hz !== null && hz > 55 && hz < 130, `median f0 ${hz}`);
  assert.equal(row!.pitch.reason, undefined);
});

test('f0 grid concentration: 1 on a semitone grid whatever the tuning, |J0(π·d/50)| under a ±d-cent vibrato', () => {
  const cents = (c: number) => 440 * 2 ** (c / 1200);
  // notes of a melody 17 cents sharp: every frame on one grid
  assert.ok(Math.abs(gridConcentration([0, 200, 500, -300, 700].map((c) => cents(c + 17))) - 1) < 1e-9);
  // a sinusoidal vibrato of ±d cents over whole cycles: the mean of exp(iπ·(d/50)·sin θ) is J0(π·d/50)
  const j0 = (x: number) => {
    let s = 0;
    for (let k = 0; k < 10000; k++) s += Math.cos(x * Math.sin((2 * Math.PI * k) / 10000));
    return s / 10000;
  };
  for (const d of [10, 25, 50]) {
    const frames = Array.from({ length: 1000 }, (_, k) => cents(d * Math.sin((2 * Math.PI * k) / 100)));
    assert.ok(Math.abs(gridConcentration(frames) - Math.abs(j0((Math.PI * d) / 50))) < 1e-3, `±${d} cents`);
  }
  // ±50 cents of vibrato (a wide operatic one) still counts as notes; a glide over a semitone or more does not
  const vibrato = Array.from({ length: 1000 }, (_, k) => cents(50 * Math.sin((2 * Math.PI * k) / 100)));
  assert.ok(gridConcentration(vibrato) >= PITCH_PARAMETERS.minGridConcentration.value);
  const glide = Array.from({ length: 1000 }, (_, k) => cents((300 * k) / 1000));
  assert.ok(gridConcentration(glide) < 0.05);
});

test('speech from espeak-ng: null tempo, key and pitch with reasons', { skip: peerSkip('espeak-ng') }, () => {
  const texts = [
    [
      'en',
      'The quick brown fox jumps over the lazy dog. Spoken words have no key and no tempo at all, however ' +
        'long we keep talking.',
    ],
    ['de', 'Guten Morgen, meine Damen und Herren. Heute sprechen wir über das Wetter und über Musik ohne Melodie.'],
    ['en-us', 'One, two, three, four, five, six, seven, eight, nine, ten. Counting at a steady pace is not a beat.'],
  ] as const;
  const files = texts.map(([voice, words], i) => {
    const file = f(`espeak-${i}.wav`);
    const r = spawnSync('espeak-ng', ['-v', voice, '-w', file, words], { stdio: 'ignore' });
    assert.equal(r.status, 0, `espeak-ng -v ${voice}`);
    return file;
  });
  analyze(files).forEach(assertNoValues);
});

test(
  'espeak-ng speech with a regular syllable rhythm: periodic onsets without tuned notes or a repeating pattern give ' +
    "no tempo (the gate's second test)",
  { skip: peerSkip('espeak-ng') },
  () => {
    // each sentence said twice at a given rate: main's gate (periodicity alone, 4.3–6.2 σ here) gave these a tempo
    const renders = [
      ['es', 130, 'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, vivía un hidalgo de los de lanza.'],
      ['es', 160, 'En un lugar de la Mancha, de cuyo nombre no quiero acordarme, vivía un hidalgo de los de lanza.'],
      [
        'de',
        160,
        'Guten Morgen, meine Damen und Herren. Heute sprechen wir über das Wetter und über Musik ohne Melodie.',
      ],
      [
        'en-us',
        160,
        'One, two, three, four, five, six, seven, eight, nine, ten. Counting at a steady pace is not a beat.',
      ],
    ] as const;
    const files = renders.map(([voice, wpm, words], i) => {
      const file = f(`espeak-rate-${i}.wav`);
      const r = spawnSync('espeak-ng', ['-v', voice, '-s', String(wpm), '-w', file, `${words} ${words}`], {
        stdio: 'ignore',
      });
      assert.equal(r.status, 0, `espeak-ng -v ${voice} -s ${wpm}`);
      return file;
    });
    const rows = analyze(files);
    assert.equal(rows.length, files.length);
    for (const row of rows) {
      const name = path.basename(row.file);
      assert.equal(row.tempo.bpm, null, `${name}: tempo ${row.tempo.bpm} (${row.tempo.reason})`);
      assert.deepEqual([row.tempo.beats, row.tempo.alternatives], [[], []], name);
      assert.match(row.tempo.reason ?? '', /no beat/, `${name}: tempo reason`);
    }
    // at least one of them passes the periodicity test and is stopped by the second one, which names both missing cues
    assert.ok(
      rows.some((r) => /neither tuned notes .* nor a repeating pattern/.test(r.tempo.reason ?? '')),
      rows.map((r) => r.tempo.reason).join('\n'),
    );
  },
);
