/**
 * The seeded fuzz of issue 18 in `npm test`: 500 cases of bench/fuzz.ts (mutated WAV / FLAC / MP3
 * headers through `analyze`, mutated recipes through `mix`) find no crash, hang, exit 5 or
 * malformed error output. The 10,000-case run is `node dist/bench/fuzz.js --cases 10000 --seed N`.
 * The audio batches start a `shub analyze` each; the recipe cases' `shub mix` runs go through reused processes
 * (test/helpers/shub-pool.ts: a crash, hang or stray output is still seen per recipe), one in twelve of them
 * (by case number) run again in a fresh process and must end the same way.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { endProblems, fuzz, mutateAudio, mutateRecipe, prng, summarize } from '../../bench/fuzz.js';
import { crossChecked, ShubPool } from '../helpers/shub-pool.js';

const pool = new ShubPool();
after(() => pool.close());

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
  // recipe r<case>.yaml, output r<case>.out/mix.wav: cases 0, 12, 24, … also run in a fresh process
  const mix = crossChecked(
    pool,
    (args) => Number(/r(\d+)\.yaml$/.exec(args[1] ?? '')?.[1]) % 12 === 0,
    (args) => rmSync(path.dirname(args[args.indexOf('-o') + 1]!), { recursive: true, force: true }),
  );
  const r = await fuzz({ cases: 500, seed: 20261201, concurrency: 2, runMix: mix.run });
  assert.equal(r.cases, 500);
  assert.ok(r.audioCases >= 300 && r.recipeCases >= 50, `${r.audioCases} audio, ${r.recipeCases} recipes`);
  assert.ok(mix.checked() >= 5, `${mix.checked()} recipes run in a fresh process too`);
  assert.deepEqual(mix.differences, []);
  assert.deepEqual(pool.strays, []);
  const report = summarize(r.findings).map(
    (g) =>
      `${g.count} × ${g.key}\n    e.g. case ${g.example.case} (${g.example.what}): ${g.example.command}` +
      ` (reproduce: node dist/bench/fuzz.js --cases 500 --seed ${r.seed} --keep DIR)`,
  );
  assert.deepEqual(report, []);
});

test('the reused processes show a crash, an uncaught throw and a hang as the fuzz judges a fresh process', async () => {
  const segv = await pool.selfTest('SIGSEGV', 'mix', 60_000);
  assert.deepEqual(endProblems(segv), ['crash: killed by SIGSEGV']);
  const thrown = await pool.selfTest('throw', 'mix', 60_000);
  assert.equal(thrown.code, 1);
  assert.ok(endProblems(thrown).includes('stack trace on stderr'), thrown.stderr);
  const hang = await pool.selfTest('hang', 'mix', 1000);
  assert.deepEqual(endProblems(hang), [`hang: no exit after ${hang.ms} ms`]);
  // each ended its process: the next command line gets a new one, which works
  const started = pool.started;
  const next = await pool.run(['mix', 'no-such-recipe.yaml', '-o', 'out.wav'], process.cwd(), 60_000);
  assert.equal(next.code, 3, next.stderr);
  assert.match(next.stderr, /^error: .*no-such-recipe\.yaml/);
  assert.equal(pool.started, started + 1);
  assert.deepEqual(pool.strays, []);
});
