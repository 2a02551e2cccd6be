/**
 * Rig YAML (src/recipes/rig.ts): every error is one line `rig.yaml:LINE key: problem` (exit 2);
 * numbers come from the declared parameters; files are relative to the rig and must exist.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { after } from 'node:test';
import { UsageError } from '../../src/errors.js';
import { loadRig } from '../../src/recipes/rig.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-rig-');
after(cleanup);
mkdirSync(path.join(dir, 'models'));
writeFileSync(path.join(dir, 'models', 'amp.onnx'), 'x');

async function refused(yaml: string, message: RegExp): Promise<void> {
  const file = path.join(dir, 'rig.yaml');
  writeFileSync(file, yaml);
  await assert.rejects(loadRig(file), (e: Error) => {
    assert.ok(e instanceof UsageError, `${e.constructor.name}: ${e.message}`);
    assert.match(e.message.replace(/^.*rig\.yaml/, 'rig.yaml'), message);
    return true;
  });
}

test('a valid rig: defaults from the declarations, paths resolved against the rig folder', async () => {
  const file = path.join(dir, 'ok.yaml');
  writeFileSync(
    file,
    [
      'chain:',
      '  - { type: gate, thresholdDb: -65 }',
      '  - { type: amp, model: onnx, file: models/amp.onnx }',
      '  - { type: eq, bands: [ { type: highpass, freqHz: 80 } ] }',
      '  - { type: delay, timeMs: 380, feedback: 0.25, mix: 0.15 }',
      '  - { type: reverb, decaySeconds: 1.2, mix: 0.1 }',
    ].join('\n'),
  );
  const { rig, files } = await loadRig(file);
  assert.deepEqual(rig.input, { gainDb: 0, interfaceDbu: 12 });
  assert.deepEqual(rig.output, { normalize: 'loudness', targetLufs: -18, peakDbfs: -1 });
  assert.equal(rig.chain.length, 5);
  const amp = rig.chain[1] as { file: string };
  assert.equal(amp.file, path.join(dir, 'models', 'amp.onnx'));
  assert.deepEqual(files, [path.join(dir, 'models', 'amp.onnx')]);
});

test('a missing model file names the line and key, and where it looked', async () => {
  await refused(
    ['chain:', '  - { type: gate, thresholdDb: -65 }', '  - { type: amp, model: nam, file: models/plexi.nam }'].join(
      '\n',
    ),
    /^rig\.yaml:3 chain\[1\]\.file: no such file 'models\/plexi\.nam' \(looked for .*models\/plexi\.nam\)/,
  );
});

test('a bad number: the declared range, unit and value', async () => {
  await refused(
    ['input: { gainDb: 0 }', 'chain:', '  - type: compressor', '    thresholdDb: loud', '    ratio: 3'].join('\n'),
    /^rig\.yaml:4 chain\[0\]\.thresholdDb: expected a number in \[-120, 0\] dB, got "loud"$/,
  );
  await refused(
    ['input: { interfaceDbu: 99 }', 'chain:', '  - { type: gate, thresholdDb: -60 }'].join('\n'),
    /^rig\.yaml:1 input\.interfaceDbu: expected a number in \[-20, 40\] dBu, got 99$/,
  );
});

test('an unknown stage type, amp model or key is refused by name', async () => {
  await refused(
    ['chain:', '  - { type: gate, thresholdDb: -60 }', '  - { type: fuzz, gainDb: 3 }'].join('\n'),
    new RegExp(
      String.raw`^rig\.yaml:3 chain\[1\]\.type: expected one of gate, compressor, overdrive, amp, cab, eq, delay, ` +
        String.raw`reverb, got "fuzz"$`,
    ),
  );
  await refused(
    ['chain:', '  - { type: amp, model: kemper, file: x }'].join('\n'),
    /^rig\.yaml:2 chain\[0\]\.model: expected one of nam, onnx, builtin, got "kemper"$/,
  );
  await refused(
    ['chain:', '  - { type: gate, thresholdDb: -60, treshold: 3 }'].join('\n'),
    /^rig\.yaml:2 chain\[0\]\.treshold: unknown key 'treshold'/,
  );
  await refused(
    ['chain:', '  - { type: delay, timeMs: 300 }'].join('\n'),
    /^rig\.yaml:2 chain\[0\]\.mix: missing; expected a number in \[0, 1\]$/,
  );
  await refused('chain: []\n', /^rig\.yaml:1 chain: needs at least 1 entry$/);
});

test('overdrive and built-in amp numbers and choices: checked against their declarations (params-amp.ts)', async () => {
  await refused(
    ['chain:', '  - { type: overdrive, driveDb: 99 }'].join('\n'),
    /^rig\.yaml:2 chain\[0\]\.driveDb: expected a number in \[0, 48\] dB, got 99$/,
  );
  await refused(
    ['chain:', '  - type: amp', '    model: builtin', '    voice: djent'].join('\n'),
    /^rig\.yaml:4 chain\[0\]\.voice: expected one of "clean", "crunch", "lead", got "djent"$/,
  );
  await refused(
    ['chain:', '  - { type: amp, model: builtin, gain: 3 }'].join('\n'),
    /^rig\.yaml:2 chain\[0\]\.gain: unknown key 'gain'; known: gainDb, bass/,
  );
  await refused(
    ['chain:', '  - { type: cab, ir: [ { file: irs/none.wav } ] }'].join('\n'),
    /^rig\.yaml:2 chain\[0\]\.ir\[0\]\.file: no such file 'irs\/none\.wav'/,
  );
});

test("the mix loader's YAML limits apply (alias bombs, deep nesting)", async () => {
  await refused(`chain: ${'['.repeat(100)}`, /nests deeper than 64 levels/);
});
