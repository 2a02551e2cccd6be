/**
 * Docs users have (issue 17 point 10): the recipe, session and rig formats are documented in
 * docs/, each with a complete example that this test extracts from the markdown and loads with
 * shub's real loaders (so an example that drifts from the schema fails here); no user-facing text
 * points to the SPEC, which users do not get.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, shub, tempDir } from './helpers/cli.js';
import { sineSegments, writeWav } from '../fixtures/signals.js';
import { loadRecipe } from '../src/recipes/mix.js';
import { loadRig } from '../src/recipes/rig.js';
import { loadDrumSession, loadKit } from '../src/recipes/drums.js';
import { parseRpp } from '../src/rpp/parse.js';
import { planRpp } from '../src/rpp/to-graph.js';

const { dir, cleanup } = tempDir('shub-docs-');
after(cleanup);

/** The fenced blocks after `<!-- example: KIND FILE -->` markers of a docs page. */
function examples(page: string): { kind: string; file: string; text: string }[] {
  const md = readFileSync(path.join(ROOT, 'docs', page), 'utf8');
  return [...md.matchAll(/<!-- example: (\S+) (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)].map((m) => ({
    kind: m[1]!,
    file: m[2]!,
    text: `${m[3]!}\n`,
  }));
}

function extract(page: string, kind: string): string {
  const found = examples(page).filter((e) => e.kind === kind);
  assert.equal(found.length, 1, `${page}: one ${kind} example`);
  const out = path.join(dir, found[0]!.file);
  writeFileSync(out, found[0]!.text);
  return out;
}

test('docs/recipes.md: the recipe example loads with the recipe loader, every key of SPEC §7b shown', async () => {
  const file = extract('recipes.md', 'recipe');
  const { recipe, chains } = await loadRecipe(file);
  assert.equal(recipe.sampleRate, 48000);
  assert.deepEqual(
    recipe.tracks.map((t) => t.name),
    ['Kick', 'Snare', 'Bass', 'Keys', 'Vocal'],
  );
  assert.deepEqual(
    recipe.buses!.map((b) => b.name),
    ['Drums', 'Room Verb', 'Slap'],
  );
  assert.deepEqual([...chains.keys()].sort(), ['kick-punch', 'vocal-basic']);
  assert.equal(recipe.master!.limiter!.ceilingDbtp, -1);
  assert.deepEqual(recipe.tracks[4]!.automation!.gainDb, [
    [0, -60],
    [0.5, 0],
  ]);
  // and it mixes: stems written where the recipe names them, mixed by the CLI
  mkdirSync(path.join(dir, 'stems'), { recursive: true });
  for (const t of recipe.tracks) {
    writeWav(path.join(dir, t.file), sineSegments(48000, 1, [{ seconds: 3, dbfs: -20 }]), 48000);
  }
  const r = shub(['mix', file, '-o', path.join(dir, 'mix.wav'), '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
});

test('docs/recipes.md: the session example renders with the native REAPER-project reader', () => {
  const file = extract('recipes.md', 'session');
  const plan = planRpp(parseRpp(readFileSync(file, 'utf8')), file);
  assert.deepEqual(
    plan.sources.map((s) => s.file),
    [path.join(dir, 'stems', 'vocal.wav')],
  );
  const r = shub(['render', file, '-o', path.join(dir, 'session.wav'), '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
});

test('docs/rigs.md: the rig example loads with the rig loader', async () => {
  mkdirSync(path.join(dir, 'models'), { recursive: true });
  mkdirSync(path.join(dir, 'irs'), { recursive: true });
  copyFileSync(path.join(ROOT, 'fixtures', 'nam', 'wavenet.nam'), path.join(dir, 'models', 'plexi.nam'));
  for (const ir of ['v30-sm57.wav', 'v30-r121.wav'])
    writeWav(path.join(dir, 'irs', ir), sineSegments(48000, 1, [{ seconds: 0.05, dbfs: -6 }]), 48000);
  const file = extract('rigs.md', 'rig');
  const { rig, files } = await loadRig(file);
  assert.deepEqual(
    rig.chain.map((s) => s.type),
    ['gate', 'compressor', 'overdrive', 'amp', 'cab', 'eq', 'delay', 'reverb'],
  );
  assert.equal(rig.output.normalize, 'loudness');
  assert.equal(rig.output.targetLufs, -18);
  assert.equal(rig.input.interfaceDbu, 12);
  assert.deepEqual(files.map((f) => path.relative(dir, f)).sort(), [
    'irs/v30-r121.wav',
    'irs/v30-sm57.wav',
    'models/plexi.nam',
  ]);
});

test('docs/kits.md: the session and kit examples load with the drums loaders', async () => {
  mkdirSync(path.join(dir, 'mics'), { recursive: true });
  for (const m of ['kick', 'snare', 'tom1', 'hat', 'oh', 'room'])
    writeWav(path.join(dir, 'mics', `${m}.wav`), sineSegments(48000, 1, [{ seconds: 0.1, dbfs: -20 }]), 48000);
  const session = await loadDrumSession(extract('kits.md', 'session'));
  assert.deepEqual(
    session.tracks.map((t) => t.instrument),
    ['kick', 'snare', 'tom', 'hihat', 'overheads', 'room'],
  );
  for (const f of ['kick/soft-1.wav', 'kick/soft-2.wav', 'kick/hard-1.wav', 'kick/hard-2.wav', 'kick/hard-3.wav']) {
    mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
    writeWav(path.join(dir, f), sineSegments(48000, 1, [{ seconds: 0.05, dbfs: -6 }]), 48000);
  }
  mkdirSync(path.join(dir, 'snare'), { recursive: true });
  writeWav(path.join(dir, 'snare', 'center.wav'), sineSegments(48000, 1, [{ seconds: 0.05, dbfs: -6 }]), 48000);
  const kit = await loadKit(extract('kits.md', 'kit'));
  assert.deepEqual(
    kit.pieces.kick!.map((l) => [l.velocity, l.files.length]),
    [
      [[1, 70], 2],
      [[71, 127], 3],
    ],
  );
  assert.equal(kit.pieces.snare![0]!.files.length, 1);
});

test('README and mix --help point to docs/, not the SPEC', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const page of ['docs/recipes.md', 'docs/rigs.md', 'docs/kits.md']) assert.ok(readme.includes(page), page);
  assert.doesNotMatch(readme, /SPEC §/);
  const help = shub(['mix', '--help'], dir).stdout;
  assert.doesNotMatch(help, /SPEC/);
  assert.match(help, /docs\/recipes\.md/);
  const reamp = shub(['reamp', '--help'], dir).stdout;
  assert.match(reamp, /docs\/rigs\.md/);
});
