/**
 * The seeded fuzz of issue 18 in `npm test`: 500 cases of bench/fuzz.ts (mutated WAV / FLAC / MP3
 * headers through `analyze`, mutated recipes through `mix`) find no crash, hang, exit 5 or
 * malformed error output. The 10,000-case run is `node dist/bench/fuzz.js --cases 10000 --seed N`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzz, mutateAudio, mutateRecipe, prng, summarize } from '../../bench/fuzz.js';

test('the generator is seeded: the same seed gives the same cases', () => {
  const a = prng(7);
  const b = prng(7);
  const valid = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(64, 1)]);
  for (let i = 0; i < 20; i++) {
    assert.deepEqual(mutateAudio(valid, 'wav', a), mutateAudio(valid, 'wav', b));
    assert.deepEqual(mutateRecipe(a), mutateRecipe(b));
  }
  assert.notDeepEqual(mutateRecipe(prng(1)), mutateRecipe(prng(2)));
});

test('500 seeded fuzz cases: no crash, hang, exit 5 or multi-line error', { timeout: 900_000 }, async () => {
  const r = await fuzz({ cases: 500, seed: 20261201, concurrency: 2 });
  assert.equal(r.cases, 500);
  assert.ok(r.audioCases >= 300 && r.recipeCases >= 50, `${r.audioCases} audio, ${r.recipeCases} recipes`);
  const report = summarize(r.findings).map(
    (g) =>
      `${g.count} × ${g.key}\n    e.g. case ${g.example.case} (${g.example.what}): ${g.example.command}` +
      ` (reproduce: node dist/bench/fuzz.js --cases 500 --seed ${r.seed} --keep DIR)`,
  );
  assert.deepEqual(report, []);
});
