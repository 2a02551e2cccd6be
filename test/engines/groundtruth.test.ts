/**
 * Ground-truth smoke test (the full evaluation with peers is `npm run eval`) on held-out songs: five songs that no
 * parameter was chosen on (fixtures/groundtruth.ts heldOutSongSpecs: 72 BPM straight in A minor, 86 BPM swing in
 * D# major, 106 BPM syncopated in B minor, 134 BPM straight in D major, 166 BPM half-time in F minor; other
 * chord instruments, seeds and soundfonts (TimGM6mb, MuseScore General) than the tuning set bench/eval.ts scores),
 * written as MIDI with known tempo, key and drum hits, rendered in process by the npm SoundFont synthesizer, plus
 * their drum stems, analyzed by the CLI. 72 and 166 are the metrical-level traps: a slow groove with eighth-note
 * hi-hats read at double tempo, a half-time groove read at half tempo.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { heldOutSet, keyName } from '../../fixtures/groundtruth.js';
import { fMeasure, matchEvents, tempoAcc1, tempoAcc2 } from '../../bench/metrics.js';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';

const { dir, cleanup } = tempDir();
after(cleanup);

test('five held-out songs and their drum stems: tempo, beats, key and onsets match the MIDI', () => {
  const set = heldOutSet(dir, { songs: [0, 1, 2, 3, 4] });
  assert.equal(set.length, 10);
  const r = shub(
    ['analyze', ...set.map((t) => t.file), '--features', 'tempo,key,onsets', '--json', '--store-dir', dir],
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const rows = ndjson<Required<Pick<AnalyzeResult, 'tempo' | 'key' | 'onsets'>>>(r.stdout);
  rows.forEach((row, i) => {
    const truth = set[i]!;
    assert.ok(tempoAcc2(row.tempo.bpm, truth.bpm), `${truth.name}: ${row.tempo.bpm} BPM vs ${truth.bpm}`);
    if (truth.kind === 'song') {
      assert.ok(tempoAcc1(row.tempo.bpm, truth.bpm), `${truth.name}: ${row.tempo.bpm} BPM vs ${truth.bpm}`);
      assert.ok(fMeasure(matchEvents(row.tempo.beats, truth.beats, 0.07)) > 0.9, `${truth.name}: beats`);
      assert.equal(row.key?.key, keyName(truth.key!), truth.name);
    } else {
      const m = matchEvents(row.onsets.times, truth.onsets!, 0.05);
      assert.ok(fMeasure(m) >= 0.97, `${truth.name}: onset F ${fMeasure(m)}`);
      const mean = m.offsets.reduce((a, b) => a + b, 0) / m.offsets.length;
      assert.ok(Math.abs(mean) <= 0.003, `${truth.name}: mean onset offset ${mean}`);
    }
  });
});
