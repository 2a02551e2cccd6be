/**
 * `shub reamp` end to end on DIs made here (a Karplus–Strong plucked string), through pedals (the
 * mix engine's DSP) and an ONNX amp written by the test: loudness normalisation measured by
 * `shub analyze` (−18 LUFS within 0.1 LU), --json fields, a stereo DI's warning, variations with
 * their blend, --match, the REAPER session read by an independent parser (rppp), rig and model
 * errors with their exit codes, and outputs that would overwrite an input.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { after } from 'node:test';
import rppp from 'rppp';
import { writeWav } from '../../fixtures/signals.js';
import { mulberry32 } from '../../src/engines/random.js';
import { ndjson, ROOT, shub, tempDir } from '../helpers/cli.js';
import { randomWaveNet, waveNetOnnx } from '../helpers/onnx.js';

const { dir, cleanup } = tempDir('shub-reamp-');
after(cleanup);
const FS = 44100;

/** Karplus–Strong plucks (E2, A2, D3), 2.4 s, deterministic noise bursts. */
function plucked(seconds = 2.4): Float64Array {
  const n = Math.round(FS * seconds);
  const x = new Float64Array(n);
  const random = mulberry32(12345);
  const rnd = () => random() * 2 - 1;
  [82.41, 110, 146.83].forEach((f, j) => {
    const p = Math.round(FS / f);
    const buf = Float64Array.from({ length: p }, rnd);
    const t0 = Math.round((j * n) / 3);
    for (let i = 0, k = 0; t0 + i < n; i++, k = (k + 1) % p) {
      const y = buf[k]!;
      buf[k] = 0.996 * 0.5 * (y + buf[(k + 1) % p]!);
      x[t0 + i]! += 0.3 * y;
    }
  });
  return x;
}

const di = plucked();
writeWav(path.join(dir, 'di.wav'), [di], FS, 's24');
writeWav(path.join(dir, 'di2.wav'), [di.map((v) => 0.5 * v)], FS, 's24');
writeWav(path.join(dir, 'stereo.wav'), [di, di.map((v) => -0.25 * v)], FS, 's24');
writeFileSync(
  path.join(dir, 'amp.onnx'),
  waveNetOnnx(randomWaveNet({ channels: 4, kernel: 3, dilations: [1, 2, 4, 8], rank: 3, seed: 9 })),
);
writeFileSync(path.join(dir, 'corrupt.onnx'), 'not a model');
const rig = (amp = 'amp.onnx', output = '{ normalize: loudness, targetLufs: -18 }') =>
  [
    'input: { gainDb: 0, interfaceDbu: 12 }',
    'chain:',
    '  - { type: gate, thresholdDb: -65 }',
    '  - { type: compressor, thresholdDb: -20, ratio: 3 }',
    `  - { type: amp, model: onnx, file: ${amp}, levelDb: -3 }`,
    '  - { type: eq, bands: [ { type: highpass, freqHz: 80 }, { type: lowpass, freqHz: 6000 } ] }',
    '  - { type: delay, timeMs: 380, feedback: 0.25, mix: 0.15 }',
    '  - { type: reverb, decaySeconds: 1.2, mix: 0.1 }',
    `output: ${output}`,
  ].join('\n');
writeFileSync(path.join(dir, 'rig.yaml'), rig());
writeFileSync(path.join(dir, 'bad.yaml'), rig('corrupt.onnx'));
writeFileSync(path.join(dir, 'missing.yaml'), rig('models/none.onnx'));
writeFileSync(path.join(dir, 'peak.yaml'), rig('amp.onnx', '{ normalize: peak, peakDbfs: -3 }'));

interface Out {
  file: string;
  role: string;
  integratedLufs: number | null;
  samplePeakDbfs: number | null;
  durationSeconds: number;
  channels: number;
  gainDb: number;
  tonalBalance: { hz: number; db: number | null }[];
}
interface Line {
  file: string;
  rig: string;
  runId: string;
  shubVersion: string;
  outputs: Out[];
  decisions: { engine: string; decision: string; value: unknown; reason: string }[];
}

const analyze = (file: string) =>
  ndjson<{ levels: { integratedLufs: number; samplePeakDbfs: number }; format: { frames: number; channels: number } }>(
    shub(['analyze', file, '--json'], dir).stdout,
  )[0]!;

test('two DIs into a folder: one print each, −18 LUFS measured by analyze within 0.1 LU, --json fields', () => {
  const r = shub(['reamp', 'di.wav', 'di2.wav', '--rig', 'rig.yaml', '-o', 'out/', '--json', '--jobs', '2'], dir);
  assert.equal(r.code, 0, r.stderr);
  const lines = ndjson<Line>(r.stdout);
  assert.equal(lines.length, 2);
  for (const [i, name] of ['di', 'di2'].entries()) {
    const l = lines[i]!;
    assert.equal(l.file, `${name}.wav`);
    assert.equal(l.rig, 'rig.yaml');
    assert.match(l.runId, /^[0-9a-f-]{36}$/);
    assert.equal(typeof l.shubVersion, 'string');
    assert.equal(l.outputs.length, 1);
    const o = l.outputs[0]!;
    assert.equal(o.file, path.join('out', `${name}.reamp.wav`));
    assert.equal(o.role, 'reamp');
    assert.equal(o.channels, 1);
    assert.ok(Math.abs(o.integratedLufs! + 18) <= 0.05, `reported ${o.integratedLufs}`);
    assert.ok(o.tonalBalance.length >= 9);
    const a = analyze(o.file);
    assert.ok(Math.abs(a.levels.integratedLufs + 18) <= 0.1, `measured ${a.levels.integratedLufs} LUFS`);
    assert.equal(a.format.frames, di.length, 'as many frames as the DI: no latency, no tail');
    const engines = l.decisions.map((d) => `${d.engine}.${d.decision}`);
    assert.ok(engines.includes('reamp.onnx.receptiveField'));
    assert.ok(engines.includes('reamp.output.gainDb'));
  }
  // the quieter DI needed 6 dB more gain (the chain is nonlinear, so only roughly)
  assert.ok(lines[1]!.outputs[0]!.gainDb > lines[0]!.outputs[0]!.gainDb);
});

test('normalize: peak lands the sample peak on its target', () => {
  const r = shub(['reamp', 'di.wav', '--rig', 'peak.yaml', '-o', 'peak.wav', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const a = analyze('peak.wav');
  assert.ok(Math.abs(a.levels.samplePeakDbfs + 3) <= 0.01, `peak ${a.levels.samplePeakDbfs}`);
});

test('a stereo DI: channel 1 with a warning; --di-channel mix without one', () => {
  const r = shub(['reamp', 'stereo.wav', '--rig', 'rig.yaml', '-o', 'st.wav', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: stereo\.wav is stereo; a DI is mono: using channel 1/);
  const d = ndjson<Line>(r.stdout)[0]!.decisions.find((x) => x.decision === 'diChannel')!;
  assert.equal(d.value, 1);
  const m = shub(['reamp', 'stereo.wav', '--rig', 'rig.yaml', '-o', 'stm.wav', '--json', '--di-channel', 'mix'], dir);
  assert.equal(m.code, 0, m.stderr);
  assert.doesNotMatch(m.stderr, /is stereo/);
  assert.equal(ndjson<Line>(m.stdout)[0]!.decisions.find((x) => x.decision === 'diChannel')!.value, 'mix');
});

test('variations, their blend and the REAPER session (read by rppp)', () => {
  const r = shub(
    [
      'reamp',
      'di.wav',
      '--rig',
      'rig.yaml',
      '-o',
      'var/',
      '--variations',
      '3',
      '--blend',
      '--rpp',
      'var/s.rpp',
      '--json',
    ],
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  const l = ndjson<Line>(r.stdout)[0]!;
  assert.deepEqual(
    l.outputs.map((o) => [o.file, o.role]),
    [
      ['var/di.reamp.v1.wav', 'variant'],
      ['var/di.reamp.v2.wav', 'variant'],
      ['var/di.reamp.v3.wav', 'variant'],
      ['var/di.reamp.wav', 'blend'],
    ],
  );
  const vs = l.decisions.filter((d) => d.engine === 'reamp.variations');
  assert.deepEqual(
    vs.map((d) => d.value),
    [
      { ampGainDb: 0, irTiltDb: 0 },
      { ampGainDb: 3, irTiltDb: 0 },
      { ampGainDb: -3, irTiltDb: 0 },
    ],
  );
  // more drive into the amp changes the print's tonal balance
  const tb = l.outputs.map((o) => o.tonalBalance.map((b) => b.db ?? -200));
  assert.ok(tb[1]!.some((db, k) => Math.abs(db - tb[2]![k]!) > 0.1));
  for (const o of l.outputs) assert.ok(Math.abs(analyze(o.file).levels.integratedLufs + 18) <= 0.1, o.file);
  type Node = { token: string; params: unknown[]; contents: Node[] };
  const project = rppp.parse(readFileSync(path.join(dir, 'var', 's.rpp'), 'utf8')) as unknown as Node;
  const tracks = project.contents.filter((n) => n.token === 'TRACK');
  assert.equal(tracks.length, 5);
  const files = tracks.map((t) => {
    const item = t.contents.find((n) => n.token === 'ITEM')!;
    const src = item.contents.find((n) => n.token === 'SOURCE')!;
    return String(src.contents.find((n) => n.token === 'FILE')!.params[0]);
  });
  assert.deepEqual(files, ['../di.wav', 'di.reamp.v1.wav', 'di.reamp.v2.wav', 'di.reamp.v3.wav', 'di.reamp.wav']);
  for (const f of files) assert.ok(existsSync(path.join(dir, 'var', f)), f);
  const muted = tracks.map((t) => t.contents.find((n) => n.token === 'MUTESOLO')!.params[0]);
  assert.deepEqual(muted, [1, 1, 1, 1, 0], 'the DI and the variants muted, the blend playing');
});

test('--match: the print moves toward the reference tonal balance', () => {
  // the reference: the same DI through a bright EQ (a clearly different balance)
  writeFileSync(
    path.join(dir, 'bright.yaml'),
    [
      'chain:',
      '  - { type: eq, bands: [ { type: highshelf, freqHz: 2000, gainDb: 12 }, { type: highpass, freqHz: 300 } ] }',
      'output: { normalize: loudness, targetLufs: -18 }',
    ].join('\n'),
  );
  assert.equal(shub(['reamp', 'di.wav', '--rig', 'bright.yaml', '-o', 'ref.wav'], dir).code, 0);
  const plain = ndjson<Line>(
    shub(['reamp', 'di.wav', '--rig', 'rig.yaml', '-o', 'plain.wav', '--json'], dir).stdout,
  )[0]!;
  const r = shub(['reamp', 'di.wav', '--rig', 'rig.yaml', '-o', 'matched.wav', '--match', 'ref.wav', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const matched = ndjson<Line>(r.stdout)[0]!;
  const d = matched.decisions.find((x) => x.engine === 'reamp.match')!;
  assert.ok((d.value as unknown[]).length > 0, 'peaking filters fitted');
  const ref = ndjson<Line>(
    shub(['reamp', 'di.wav', '--rig', 'bright.yaml', '-o', 'ref2.wav', '--json'], dir).stdout,
  )[0]!;
  // octave bands 250 Hz – 8 kHz, mean removed: the distance to the reference shrinks
  const shape = (l: Line) => {
    const b = l.outputs[0]!.tonalBalance.filter((x) => x.hz >= 250 && x.hz <= 8000).map((x) => x.db!);
    const mean = b.reduce((s, x) => s + x, 0) / b.length;
    return b.map((x) => x - mean);
  };
  const dist = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, x, k) => s + (x - b[k]!) ** 2, 0) / a.length);
  const before = dist(shape(plain), shape(ref));
  const afterMatch = dist(shape(matched), shape(ref));
  assert.ok(afterMatch < before / 2, `tonal distance ${before.toFixed(2)} dB → ${afterMatch.toFixed(2)} dB`);
  assert.ok(Math.abs(matched.outputs[0]!.integratedLufs! + 18) <= 0.05);
});

test('errors: rig file:line (exit 2), corrupt model (exit 3), outputs that are inputs or exist (exit 2)', () => {
  const missing = shub(['reamp', 'di.wav', '--rig', 'missing.yaml', '-o', 'x.wav'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^error: missing\.yaml:5 chain\[2\]\.file: no such file 'models\/none\.onnx'/);
  const corrupt = shub(['reamp', 'di.wav', '--rig', 'bad.yaml', '-o', 'y.wav', '--json'], dir);
  assert.equal(corrupt.code, 3, corrupt.stderr);
  assert.match(corrupt.stderr, /corrupt\.onnx.*is not a usable ONNX model/);
  assert.equal(ndjson<{ error: { code: string } }>(corrupt.stdout)[0]!.error.code, 'unreadable-input');
  assert.ok(!existsSync(path.join(dir, 'y.wav')), 'no partial output');
  const onInput = shub(['reamp', 'di.wav', '--rig', 'rig.yaml', '-o', 'di.wav', '-y'], dir);
  assert.equal(onInput.code, 2);
  assert.match(onInput.stderr, /di\.wav: is an input of this run; inputs are never overwritten/);
  const onModel = shub(['reamp', 'di.wav', '--rig', 'rig.yaml', '-o', 'amp.onnx.wav'], dir);
  assert.equal(onModel.code, 0, onModel.stderr);
  const exists = shub(['reamp', 'di.wav', '--rig', 'rig.yaml', '-o', 'amp.onnx.wav'], dir);
  assert.equal(exists.code, 2);
  assert.match(exists.stderr, /already exists; pass -y\/--overwrite/);
});

test('a NAM amp with a stereo cab: calibration from input_level_dbu, model normalisation, stereo print', () => {
  // the example model (fixtures/nam/wavenet.nam: input_level_dbu 18.3, loudness −20.021 dB, 48 kHz)
  const model = path.join(ROOT, 'fixtures', 'nam', 'wavenet.nam');
  // a synthetic stereo IR: a decaying noise burst, different on each side
  const n = 2048;
  const random = mulberry32(99);
  const rnd = () => random() * 2 - 1;
  const ir = [0, 1].map(() => Float64Array.from({ length: n }, (_, i) => 0.5 * rnd() * Math.exp(-i / 200)));
  writeWav(path.join(dir, 'ir-stereo.wav'), ir, 48000, 'f32');
  writeFileSync(
    path.join(dir, 'nam.yaml'),
    [
      'input: { interfaceDbu: 12 }',
      'chain:',
      '  - { type: gate, thresholdDb: -70 }',
      `  - { type: amp, model: nam, file: ${JSON.stringify(model)} }`,
      '  - { type: cab, ir: [ { file: ir-stereo.wav } ] }',
      '  - { type: reverb, decaySeconds: 0.8, mix: 0.1 }',
      'output: { normalize: model }',
    ].join('\n'),
  );
  const r = shub(['reamp', 'di.wav', '--rig', 'nam.yaml', '-o', 'nam.wav', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const l = ndjson<Line>(r.stdout)[0]!;
  const cal = l.decisions.find((d) => d.engine === 'reamp.calibration')!;
  assert.equal(cal.value, -6.3, 'interfaceDbu 12 − input_level_dbu 18.3');
  const out = l.decisions.find((d) => d.engine === 'reamp.output')!;
  assert.equal(out.value, 2.021, '−18 − (−20.021) dB, as the NAM plugin normalises');
  assert.ok(
    l.decisions.some((d) => d.engine === 'reamp.nam' && d.decision === 'resample'),
    '44.1 kHz DI, 48 kHz model',
  );
  assert.equal(l.outputs[0]!.channels, 2);
  const a = analyze('nam.wav');
  assert.equal(a.format.channels, 2);
  assert.equal(a.format.frames, di.length);
});

test('the built-in rig works on a fresh machine (no model or IR file)', () => {
  const r = shub(['reamp', 'di.wav', '--rig', 'builtin-crunch', '-o', 'crunch.wav', '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Math.abs(analyze('crunch.wav').levels.integratedLufs + 18) <= 0.1);
});
