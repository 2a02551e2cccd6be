import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, rm, copyFile } from 'node:fs/promises';
import {
  COMPILED_PLATFORMS_FILE,
  PLATFORMS_FILE,
  loadPlatforms,
  parsePlatforms,
  selectPlatforms,
} from '../../src/recipes/platforms.js';

test('the build-time copy of the presets equals the YAML validated by the schema', async () => {
  const text = await readFile(PLATFORMS_FILE, 'utf8');
  const full = await parsePlatforms(text, PLATFORMS_FILE, {}, null);
  const fast = await loadPlatforms();
  assert.deepEqual([...fast.entries()], [...full.entries()]);
  assert.equal(full.get('spotify')!.integratedLufs, -14);
  assert.equal(full.get('spotify')!.louderThan!.truePeakCeilingDbtp, -2);
  assert.equal(full.get('cd')!.delivery.bitDepth, 16);
  assert.equal(full.get('ebu-r128')!.dcOffsetMax, 0.001, 'defaults are inherited');
  assert.deepEqual(
    selectPlatforms(full, 'cd,spotify').map((p) => p.id),
    ['cd', 'spotify'],
  );
});

test('a stale or missing compiled copy is ignored: the YAML is parsed and validated instead', async () => {
  const backup = `${COMPILED_PLATFORMS_FILE}.bak`;
  await copyFile(COMPILED_PLATFORMS_FILE, backup);
  try {
    const compiled = JSON.parse(await readFile(COMPILED_PLATFORMS_FILE, 'utf8'));
    compiled.sourceSha256 = 'stale';
    compiled.targets[0].integratedLufs = -99;
    await writeFile(COMPILED_PLATFORMS_FILE, JSON.stringify(compiled));
    assert.equal((await loadPlatforms()).get(compiled.targets[0].id)!.integratedLufs === -99, false);
    await rm(COMPILED_PLATFORMS_FILE);
    assert.equal((await loadPlatforms()).get('spotify')!.integratedLufs, -14);
  } finally {
    await copyFile(backup, COMPILED_PLATFORMS_FILE);
    await rm(backup);
  }
});

test('preset errors name the file, the line and the key', async () => {
  const text = (await readFile(PLATFORMS_FILE, 'utf8')).replace(
    'truePeakCeilingDbtp: -0.3\n    sampleRatesHz: [44100]',
    'truePeakCeilingDbtp: loud\n    sampleRatesHz: [44100]',
  );
  await assert.rejects(
    parsePlatforms(text, PLATFORMS_FILE, {}, null),
    /platforms\.yaml:\d+ targets\.cd\.truePeakCeilingDbtp: /,
  );
});
