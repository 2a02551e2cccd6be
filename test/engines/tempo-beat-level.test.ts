/**
 * Rule A (h-tempo72, issue 12): the tapped beat is the metrical level at which the groove's backbeat falls on every
 * second beat (fixtures/tempotruth.ts beatLevelFactor), checked on analytic bars (12 ticks a written beat) and on
 * every tuning set's groove table (bench/tempo-beat-level.ts: each song's groove bar from its set's own drum writer):
 * the grooves whose truth rule A moves from the half-time convention's are exactly the ones listed in RESULTS.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BEAT_LEVEL_MAX_BPM,
  HALF_TIME_FLOOR_BPM,
  beatLevelFactor,
  scaledTruth,
  tappedTruth,
  type BeatBar,
} from '../../fixtures/tempotruth.js';
import type { TruthFile } from '../../fixtures/groundtruth.js';
import { PLAIN_GROOVES } from '../../fixtures/tempoplain.js';
import { grooveOfFile, loadGrooveBars } from '../../bench/tempo-beat-level.js';

const bar = (beats: number, backbeat: [number, number][], more: Partial<BeatBar> = {}): BeatBar => ({
  ticksPerBeat: 12,
  beats,
  compound: false,
  backbeat,
  ...more,
});

test('rule A on analytic bars: 2 and 4, 3, the quarters of cut time, off-beats, oom-pah, 6/8, waltz, none', () => {
  // the backbeat on 2 and 4 of a four-beat bar: the written quarter, whatever the tempo
  for (const bpm of [60, 120, 200])
    assert.equal(
      beatLevelFactor(
        bar(4, [
          [12, 110],
          [36, 110],
        ]),
        bpm,
      ),
      1,
    );
  // ghost strokes under 0.6 of the loudest do not count
  assert.equal(
    beatLevelFactor(
      bar(4, [
        [12, 110],
        [36, 110],
        [21, 40],
        [45, 44],
      ]),
      100,
    ),
    1,
  );
  // on 3 (half-time): half the written tempo, but not below the floor
  assert.equal(beatLevelFactor(bar(4, [[24, 120]]), 140), 0.5);
  assert.equal(beatLevelFactor(bar(4, [[24, 120]]), 2 * HALF_TIME_FLOOR_BPM - 10), 1);
  // a drill's second snare between beats (4-and) leaves the half-time level standing
  assert.equal(
    beatLevelFactor(
      bar(4, [
        [24, 124],
        [42, 108],
      ]),
      142,
    ),
    0.5,
  );
  // cut time (the written beat a half note): the backbeat on the quarters between → the quarter, up to 230 BPM
  const cut = bar(2, [
    [6, 106],
    [18, 108],
  ]);
  assert.equal(beatLevelFactor(cut, 96), 2);
  assert.equal(beatLevelFactor(cut, BEAT_LEVEL_MAX_BPM / 2 + 5), 1);
  // a skank's off-beat snare in a four-beat bar: the eighth level, above 230 BPM the quarter
  const skank = bar(
    4,
    [6, 18, 30, 42].map((t): [number, number] => [t, 116]),
  );
  assert.equal(beatLevelFactor(skank, 100), 2);
  assert.equal(beatLevelFactor(skank, 180), 1);
  // a drumless oom-pah: the chord's pah on the quarters of a cut-time bar; with drums the chords are not read
  assert.equal(beatLevelFactor(bar(2, [], { chords: [6, 18], drumless: true }), 100), 2);
  assert.equal(beatLevelFactor(bar(2, [], { chords: [6, 18] }), 100), 1);
  // compound meter and triple meter: the written beat (the dotted quarter; the waltz's quarter)
  assert.equal(beatLevelFactor(bar(2, [[12, 100]], { compound: true }), 60), 1);
  assert.equal(beatLevelFactor(bar(4, [[24, 100]], { compound: true }), 140), 1);
  assert.equal(
    beatLevelFactor(
      bar(3, [
        [12, 96],
        [24, 96],
      ]),
      140,
    ),
    1,
  );
  // no backbeat (four on the floor without a clap), a lone rim on 2, a dembow's syncopation: the written beat
  assert.equal(beatLevelFactor(bar(4, []), 124), 1);
  assert.equal(beatLevelFactor(bar(4, [[12, 90]]), 124), 1);
  assert.equal(
    beatLevelFactor(
      bar(
        4,
        [9, 18, 33, 42].map((t): [number, number] => [t, 94]),
      ),
      96,
    ),
    1,
  );
  // a snare on every beat is no level's backbeat
  assert.equal(
    beatLevelFactor(
      bar(
        4,
        [0, 12, 24, 36].map((t): [number, number] => [t, 110]),
      ),
      200,
    ),
    1,
  );
});

test('scaledTruth moves the beats with the tempo; tappedTruth is its half-time case', () => {
  const t: TruthFile = { name: 'x', file: '', kind: 'song', bpm: 100, beats: [0, 0.6, 1.2, 1.8], downbeats: [0] };
  const up = scaledTruth(t, 2);
  assert.equal(up.bpm, 200);
  assert.deepEqual(
    up.beats.map((b) => Math.round(b * 1000)),
    [0, 300, 600, 900, 1200, 1500, 1800, 2100],
  );
  assert.deepEqual(scaledTruth(t, 0.5).beats, [0, 1.2]);
  assert.deepEqual(scaledTruth({ ...t, accept: [100, 300] }, 2).accept, [200, 600]);
  assert.deepEqual(tappedTruth({ ...t, name: 'half-time' }), scaledTruth({ ...t, name: 'half-time' }, 0.5));
});

/** Per set, the grooves rule A moves from the half-time convention's truth, with the factor (RESULTS, h-tempo72). */
const MOVED: Record<string, string[]> = {
  '28': ['footwork ×0.5'],
  '30': ['cumbia ×2'],
  '31': ['baiao ×2'],
  '34': ['cumbia ×2', 'half-time-phonk-off ×2', 'half-time-trap-nosnare ×2', 'two-step ×2'],
  '35': ['half-time-phonk-nosnare ×2', 'polka-cut ×2'],
  '36': ['cumbia ×2', 'half-time-phonk-nosnare ×2'],
  '37': ['cumbia ×2', 'half-time-phonk-nosnare ×2', 'polka-quarter ×2'],
  '38': ['cumbia ×2', 'cut-time ×2', 'half-time-phonk-nosnare ×2'],
  '39': ['cut-time-dixie ×2'],
  '40': ['cut-time-march ×2', 'cut-time-showtune ×2'],
  '41': ['cut-time-bluegrass ×2', 'cut-time-polka ×2', 'two-four-cumbia ×2', 'two-four-oompah ×2'],
  '42': ['cut-time-country ×2', 'cut-time-march ×2', 'two-four-corrido ×2', 'two-four-march ×2'],
  '44': ['country-cut-time ×2'],
};

test("rule A on every tuning set's groove table (tempo25–45): the grooves it moves", async () => {
  for (let n = 25; n <= 45; n++) {
    const set = String(n);
    await loadGrooveBars(set);
    const mod = (await import(`../../fixtures/tempo${set}.js`)) as Record<string, () => { name: string }[]>;
    const moved = new Set<string>();
    for (const { name } of mod[`tempo${set}SongSpecs`]!()) {
      const g = grooveOfFile(name);
      assert.ok(g, `${name}: no groove bar`);
      const f = beatLevelFactor(g.bar, g.written);
      const before = tappedTruth({ name, bpm: g.written, beats: [] } as unknown as TruthFile).bpm / g.written;
      if (f !== before) moved.add(`${g.groove} ×${f / before}`);
    }
    assert.deepEqual([...moved].sort(), MOVED[set] ?? [], `tempo${set}`);
  }
  // the plain grooves (fixtures/tempoplain.ts) at 100 BPM: the oom-pah's off-beat snare is the eighth level's backbeat
  const plain = Object.keys(PLAIN_GROOVES).map((g) => {
    const { bar, written } = grooveOfFile(`tempoplain-100-${g}-C-major-kit0-TimGM6mb`)!;
    return `${g} ×${beatLevelFactor(bar, written)}`;
  });
  assert.deepEqual(plain, ['rock ×1', 'punk ×1', 'bare ×1', 'twobeat ×1', 'dnb ×1', 'oompah ×2']);
});
