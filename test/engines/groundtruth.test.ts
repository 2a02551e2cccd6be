/**
 * Ground-truth smoke test (the full evaluation with peers is `npm run eval`): five songs (70 BPM straight in C major,
 * 75 BPM swing in G minor, 100 BPM half-time in F# major, 128 BPM straight in C major, 170 BPM half-time in F# major)
 * written as MIDI with known tempo, key and drum hits, rendered in process by the npm SoundFont synthesizer
 * (FluidR3Mono GM), analyzed by the CLI. 70 and 170 are the
 * metrical-level traps: a 70 BPM groove with eighth-note hi-hats read at 140, a half-time groove read at half tempo.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { groundTruthSet, keyName } from '../../fixtures/groundtruth.js';
import { fMeasure, matchEvents, tempoAcc1, tempoAcc2 } from '../../bench/metrics.js';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';

const { dir, cleanup } = tempDir();
after(cleanup);

test('five rendered songs and their drum stems: tempo, beats, key and onsets match the MIDI', () => {
  const set = groundTruthSet(dir, { songs: [0, 1, 6, 12, 18], kits: false, loops: false });
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
