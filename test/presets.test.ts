/**
 * src/presets.ts: the one place that finds presets/ (h-debt58). From dist/src (tsc's output, the bundles) it is the
 * root two levels up; from src/ (a TypeScript loader) one level up. Every shipped model and preset file resolves
 * through it to the same file it read before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PRESETS_DIR, presetPath, readPreset } from '../src/presets.js';
import { STEM_MODEL_FILE, stemModel } from '../src/engines/drums/stem-model.js';
import { levelModelFile, levelModel } from '../src/engines/tempo/level-model.js';
import { PEAK_MODEL_FILE, peakModel } from '../src/engines/onsets/peak-model.js';
import { TAKE_MODEL_FILE, loadTakeModel } from '../src/engines/comp/take-model.js';
import { KEY_COMBINER_PRESET, keyCombiner } from '../src/engines/key/model.js';
import { PLATFORMS_FILE } from '../src/recipes/platforms.js';
import { CHAINS_DIR, RECIPES_DIR } from '../src/recipes/mix.js';
import { RIGS_DIR } from '../src/recipes/rig.js';

/** The repository's presets/, from this test's place (dist/test/presets.test.js). */
const ROOT_PRESETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'presets');

test('presets: from dist/src the helper finds the repository root’s presets/ and every shipped file in it', () => {
  assert.equal(PRESETS_DIR, ROOT_PRESETS);
  // h-onset99: the onsets' default preset is w99 (its ordinary candidates' gbm87 beside it)
  const files = [STEM_MODEL_FILE, levelModelFile(56), PEAK_MODEL_FILE, TAKE_MODEL_FILE, PLATFORMS_FILE];
  const names = ['drum-class-gbm99.json', 'tempo-level-lr56.json', 'onset-peak-gbm99.json', 'comp-take-lr59.json'];
  assert.deepEqual(
    files,
    [...names, 'platforms.yaml'].map((n) => path.join(ROOT_PRESETS, n)),
  );
  assert.deepEqual(
    [CHAINS_DIR, RECIPES_DIR, RIGS_DIR],
    ['chains', 'recipes', 'rigs'].map((d) => path.join(ROOT_PRESETS, d)),
  );
  for (const f of [...files, CHAINS_DIR, RECIPES_DIR, RIGS_DIR]) assert.ok(existsSync(f), f);
  assert.equal(presetPath('rigs', 'x.yaml'), path.join(ROOT_PRESETS, 'rigs', 'x.yaml'));
});

test('presets: the models read through readPreset are the files’ own (names and feature counts)', () => {
  assert.equal(stemModel().name, 'gbm99');
  assert.equal(levelModel(56).name, 'tempo-level-lr56');
  assert.equal(peakModel().name, 'onset-peak-gbm99');
  assert.equal(loadTakeModel().name, 'comp-take-lr59');
  assert.equal(readPreset<{ name: string }>('comp-take-lr57').name, 'comp-take-lr57');
  assert.equal(keyCombiner().features.length, readPreset<{ features: string[] }>(KEY_COMBINER_PRESET).features.length);
});

test('presets: the module run from a src/ layout (no dist/ above it) finds presets/ one level up', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'shub-presets-'));
  try {
    mkdirSync(path.join(root, 'src'));
    mkdirSync(path.join(root, 'presets'));
    writeFileSync(path.join(root, 'package.json'), '{"type":"module"}');
    writeFileSync(path.join(root, 'presets', 'probe.json'), '{"name":"probe"}');
    copyFileSync(fileURLToPath(new URL('../src/presets.js', import.meta.url)), path.join(root, 'src', 'presets.js'));
    const p = (await import(
      pathToFileURL(path.join(root, 'src', 'presets.js')).href
    )) as typeof import('../src/presets.js');
    assert.equal(p.PRESETS_DIR, path.join(root, 'presets'));
    assert.equal(p.readPreset<{ name: string }>('probe').name, 'probe');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
