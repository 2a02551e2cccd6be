/**
 * The mix graph compiled in-process from recipe objects (src/engines/mix/graph.ts): strip order,
 * routing of outputs and sends, solo/mute, staging gains, clip placement, tails, print taps and
 * the native spec; routing loops rejected by the recipe loader with the key that closes them.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compileRecipe,
  effectTailSeconds,
  mixSpec,
  type CompileOptions,
  type MixGraph,
} from '../../../src/engines/mix/graph.js';
import { recipeSchema, type ChainPreset } from '../../../src/recipes/mix-schema.js';
import { keyPathText, loadRecipe, type LoadedRecipe } from '../../../src/recipes/mix.js';
import type { AudioFormat } from '../../../src/io/format.js';
import { UsageError } from '../../../src/errors.js';

const FS = 48000;

/** A loaded recipe without a file: the object validated by the recipe schema, key paths as text. */
function loaded(recipe: unknown, chains: Record<string, ChainPreset> = {}): LoadedRecipe {
  return {
    file: 'mix.yaml',
    dir: '/recipes',
    recipe: recipeSchema.parse(recipe),
    locate: (p) => `mix.yaml ${keyPathText(p)}`,
    chains: new Map(Object.entries(chains)),
  };
}

function format(channels: number, seconds: number): AudioFormat {
  return {
    container: 'wav',
    codec: 'pcm_s24le',
    sampleRate: FS,
    channels,
    bitDepth: 24,
    frames: Math.round(seconds * FS),
    durationSeconds: seconds,
    speakers: [],
  };
}

function compile(recipe: unknown, formats: AudioFormat[], extra: Partial<CompileOptions> = {}): MixGraph {
  const l = loaded(recipe);
  return compileRecipe(l, { formats, files: formats.map((_, i) => `/stems/${i}.wav`), ...extra });
}

const track = (name: string, more: Record<string, unknown> = {}) => ({ name, file: `${name}.wav`, ...more });
const byName = (g: MixGraph, name: string) => g.strips.findIndex((s) => s.name === name);

test('strip order: tracks, then buses with every feeder before what it feeds, master last', () => {
  // buses listed against the signal flow: Main ← Drums ← Room, and Verb → Main by a send
  const g = compile(
    {
      sampleRate: FS,
      tracks: [track('Kick', { output: 'Room' }), track('Vox', { sends: [{ bus: 'Verb', levelDb: -12 }] })],
      buses: [
        { name: 'Main' },
        { name: 'Drums', output: 'Main' },
        { name: 'Room', output: 'Drums' },
        { name: 'Verb', reverb: { decaySeconds: 1 }, sends: [{ bus: 'Main', levelDb: -6 }] },
      ],
    },
    [format(1, 2), format(2, 2)],
  );
  // any topological order will do; the kinds are grouped and the master is last
  assert.deepEqual(
    g.strips.map((s) => s.kind),
    ['track', 'track', 'bus', 'bus', 'bus', 'bus', 'master'],
  );
  assert.deepEqual(
    g.strips
      .slice(2, 6)
      .map((s) => s.name)
      .sort(),
    ['Drums', 'Main', 'Room', 'Verb'],
  );
  assert.ok(byName(g, 'Room') < byName(g, 'Drums') && byName(g, 'Drums') < byName(g, 'Main'));
  assert.ok(byName(g, 'Verb') < byName(g, 'Main'));
  const master = g.strips.length - 1;
  g.strips.forEach((s, i) => {
    if (s.kind === 'master') assert.equal(s.output, -1);
    else assert.ok(s.output > i, `${s.name} outputs to a later strip (${s.output} > ${i})`);
    for (const d of s.sends ?? []) assert.ok(d.dest > i, `${s.name} sends to a later strip`);
  });
  assert.equal(g.strips[0]!.output, byName(g, 'Room'));
  assert.equal(g.strips[1]!.output, master, 'no output key: the master');
  assert.equal(g.strips[byName(g, 'Room')]!.output, byName(g, 'Drums'));
  assert.equal(g.strips[byName(g, 'Drums')]!.output, byName(g, 'Main'));
  assert.equal(g.strips[byName(g, 'Main')]!.output, master);
  // buses are stereo; tracks keep their stem's width
  assert.deepEqual(
    g.strips.map((s) => s.channels),
    [1, 2, 2, 2, 2, 2, 2],
  );
});

test('sends: destination strip, linear gain 10^(dB/20), pre/post fader', () => {
  const g = compile(
    {
      sampleRate: FS,
      tracks: [
        track('Vox', {
          sends: [{ bus: 'Verb', levelDb: -12 }, { bus: 'Delay', levelDb: 6, preFader: true }, { bus: 'Verb' }],
        }),
      ],
      buses: [
        { name: 'Verb', reverb: { decaySeconds: 1 } },
        { name: 'Delay', delay: { timeMs: 250 } },
      ],
    },
    [format(1, 1)],
  );
  const sends = g.strips[0]!.sends!;
  assert.equal(sends.length, 3);
  assert.equal(sends[0]!.dest, byName(g, 'Verb'));
  assert.ok(Math.abs(sends[0]!.gain! - 0.251188643) < 1e-9);
  assert.equal(sends[0]!.preFader, false);
  assert.equal(sends[1]!.dest, byName(g, 'Delay'));
  assert.ok(Math.abs(sends[1]!.gain! - 1.995262315) < 1e-9);
  assert.equal(sends[1]!.preFader, true);
  assert.equal(sends[2]!.gain, 1, 'no levelDb: unity');
});

test('solo and mute: any solo silences the unsoloed tracks; mute wins over solo; buses only mute', () => {
  const tracks = [
    track('A', { solo: true }),
    track('B'),
    track('C', { mute: true }),
    track('D', { solo: true, mute: true }),
  ];
  const g = compile({ sampleRate: FS, tracks, buses: [{ name: 'Bus', mute: true }, { name: 'Open' }] }, [
    format(1, 1),
    format(1, 1),
    format(1, 1),
    format(1, 1),
  ]);
  const active = Object.fromEntries(g.strips.map((s) => [s.name, s.active]));
  assert.deepEqual(active, { A: true, B: false, C: false, D: false, Bus: false, Open: true, Master: true });
  const none = compile({ sampleRate: FS, tracks: [track('A'), track('B', { mute: true })] }, [
    format(1, 1),
    format(1, 1),
  ]);
  assert.deepEqual(
    none.strips.map((s) => s.active),
    [true, false, true],
    'without a solo every unmuted track plays',
  );
});

test('staging gains add to the faders and shift gain automation; the master trim lands on the master', () => {
  const g = compile(
    {
      sampleRate: FS,
      tracks: [
        track('A', {
          gainDb: -2,
          automation: {
            gainDb: [
              [0, -6],
              [1.5, 0],
            ],
            pan: [
              [0, -1],
              [1, 1],
            ],
          },
        }),
        track('B', { gainDb: 20 }),
      ],
    },
    [format(1, 2), format(2, 2)],
    { staging: { trackGainDb: [3.5, 40], masterTrimDb: -4.25 } },
  );
  assert.equal(g.strips[0]!.gainDb, 1.5);
  // breakpoints in frames, values shifted by the staging gain (not by the recipe's gainDb)
  assert.deepEqual(g.strips[0]!.gainAutomation, [0, -2.5, 72000, 3.5]);
  assert.deepEqual(g.strips[0]!.panAutomation, [0, -1, 48000, 1]);
  assert.equal(g.strips[1]!.gainDb, 48, 'the fader is clamped to the mixer range (+48 dB)');
  assert.equal(g.strips[2]!.trimDb, -4.25);
  assert.equal(g.strips[2]!.kind, 'master');
});

test('clips: offsets place or trim the stem; the render length is the last end plus the effect tail', () => {
  const g = compile(
    {
      sampleRate: FS,
      tracks: [track('Late', { offsetSeconds: 1.5 }), track('Early', { offsetSeconds: -0.25 }), track('Plain')],
      buses: [{ name: 'Verb', reverb: { decaySeconds: 2, preDelayMs: 20 } }],
    },
    [format(1, 2), format(2, 3), format(1, 1)],
  );
  assert.deepEqual(
    g.clips.map((c) => [c.strip, c.channels, c.startFrame, c.sourceOffsetFrames, c.lengthFrames, c.file]),
    [
      [0, 1, 72000, 0, 96000, '/stems/0.wav'],
      [1, 2, 0, 12000, 132000, '/stems/1.wav'],
      [2, 1, 0, 0, 48000, '/stems/2.wav'],
    ],
  );
  // reverb rings decaySeconds + preDelay after the input stops
  assert.equal(g.tailFrames, Math.round(2.02 * FS));
  assert.equal(g.totalFrames, 72000 + 96000 + g.tailFrames);
  // an explicit tailSeconds wins
  const t = compile(
    { sampleRate: FS, tailSeconds: 0.5, tracks: [track('A')], buses: [{ name: 'V', reverb: { decaySeconds: 2 } }] },
    [format(1, 1)],
  );
  assert.equal(t.tailFrames, 24000);
  assert.equal(t.totalFrames, 72000);
});

test('effect tails: a feedback delay rings until its echoes fall 60 dB', () => {
  // echo k is fb^k: 60 dB down after ln(1e-3)/ln(fb) repeats, plus the first delay
  assert.ok(Math.abs(effectTailSeconds({ delay: { timeMs: 300, feedback: 0.5 } }) - 0.3 * (1 + 9.965784285)) < 1e-6);
  assert.equal(effectTailSeconds({ delay: { timeMs: 300, feedback: 0 } }), 0.3);
  assert.equal(effectTailSeconds({ reverb: { decaySeconds: 1.2 } }), 1.2);
  // both: the longer one
  const both = effectTailSeconds({ delay: { timeMs: 100, feedback: 0.9 }, reverb: { decaySeconds: 2 } });
  assert.ok(Math.abs(both - 0.1 * (1 + Math.log(1e-3) / Math.log(0.9))) < 1e-9, `${both}`);
  assert.equal(effectTailSeconds({}), 0);
});

test('chains: a preset supplies the processing, the strip’s own keys override it', () => {
  const preset: ChainPreset = {
    eq: [{ type: 'highpass', freqHz: 80 }],
    compressor: { thresholdDb: -18, ratio: 3 },
    saturation: { driveDb: 6 },
  };
  const l = loaded(
    {
      sampleRate: FS,
      tracks: [track('A', { chain: 'vox', compressor: { thresholdDb: -30, ratio: 2 } }), track('B')],
      master: { chain: 'vox', eq: [] },
    },
    { vox: preset },
  );
  const g = compileRecipe(l, { formats: [format(1, 1), format(1, 1)], files: ['/a.wav', '/b.wav'] });
  assert.deepEqual(g.strips[0]!.eq, [{ type: 'highpass', freqHz: 80 }]);
  assert.deepEqual(g.strips[0]!.compressor, { thresholdDb: -30, ratio: 2 });
  assert.deepEqual(g.strips[0]!.saturation, { driveDb: 6 });
  assert.equal(g.strips[1]!.eq, undefined, 'no chain, no processing');
  assert.equal(g.strips[1]!.compressor, undefined);
  const master = g.strips[2]!;
  assert.equal(master.eq, undefined, 'an empty own EQ list overrides the preset’s bands and adds none');
  assert.deepEqual(master.compressor, { thresholdDb: -18, ratio: 3 });
});

test('session print taps: tracks pre-fader (post-pan when pan moves), processing buses and master residual', () => {
  const recipe = {
    sampleRate: FS,
    tracks: [track('A'), track('B', { automation: { pan: [[0, 0]] } })],
    buses: [{ name: 'Plain' }, { name: 'Verb', reverb: { decaySeconds: 1 } }],
  };
  const g = compile(recipe, [format(1, 1), format(1, 1)], { print: true });
  const print = Object.fromEntries(g.strips.map((s) => [s.name, s.print]));
  assert.deepEqual(print, { A: 'preFader', B: 'postPan', Plain: 'none', Verb: 'residual', Master: 'none' });
  const withMaster = compile({ ...recipe, master: { gainDb: -1 } }, [format(1, 1), format(1, 1)], { print: true });
  assert.equal(withMaster.strips.at(-1)!.print, 'residual');
  const off = compile(recipe, [format(1, 1), format(1, 1)]);
  assert.ok(off.strips.every((s) => s.print === 'none'));
});

test('the master limiter stays outside the mixer; mixSpec drops the JS-only fields', () => {
  const g = compile(
    {
      sampleRate: FS,
      tracks: [track('A', { role: 'vocal', solo: true })],
      master: { limiter: { ceilingDbtp: -1 } },
    },
    [format(2, 1)],
  );
  assert.deepEqual(g.masterLimiter, { ceilingDbtp: -1 });
  const spec = mixSpec(g, 4096);
  assert.equal(spec.maxBlockFrames, 4096);
  assert.equal(spec.sampleRate, FS);
  for (const s of spec.strips) for (const k of ['kind', 'role', 'at', 'mute', 'solo']) assert.ok(!(k in s), k);
  for (const c of spec.clips) for (const k of ['file', 'at']) assert.ok(!(k in c), k);
  assert.equal(spec.strips.length, g.strips.length);
  assert.equal(spec.strips[0]!.channels, 2);
});

test('a stem with more than two channels is a usage error naming the track', () => {
  assert.throws(
    () => compile({ sampleRate: FS, tracks: [track('A'), track('Surround')] }, [format(1, 1), format(6, 1)]),
    (e: unknown) =>
      e instanceof UsageError &&
      /mix\.yaml tracks\[1\]\.file: Surround\.wav has 6 channels; .*mono or stereo/.test(e.message),
  );
});

const dir = mkdtempSync(path.join(tmpdir(), 'shub-graph-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('routing loops are rejected by the recipe loader at the key that closes the loop', async () => {
  const file = path.join(dir, 'loop.yaml');
  writeFileSync(
    file,
    [
      'sampleRate: 48000',
      'tracks:',
      '  - { name: A, file: a.wav, output: X }',
      'buses:',
      '  - name: X',
      '    output: Y',
      '  - name: Y',
      '    sends: [ { bus: X } ]',
      '',
    ].join('\n'),
  );
  await assert.rejects(loadRecipe(file), (e: unknown) => {
    assert.ok(e instanceof UsageError);
    assert.match(
      e.message,
      /loop\.yaml:8 buses\[1\]\.sends\[0\]\.bus: routing loop through bus 'X'; a bus cannot feed itself/,
    );
    return true;
  });
  // a bus feeding itself directly
  writeFileSync(file, 'sampleRate: 48000\ntracks:\n  - { name: A, file: a.wav }\nbuses:\n  - { name: S, output: S }\n');
  await assert.rejects(loadRecipe(file), /routing loop through bus 'S'/);
  // the same buses without the back edge load and compile in flow order
  writeFileSync(
    file,
    'sampleRate: 48000\ntracks:\n  - { name: A, file: a.wav, output: X }\n' +
      'buses:\n  - { name: Y }\n  - { name: X, output: Y }\n',
  );
  const ok = await loadRecipe(file);
  const g = compileRecipe(ok, { formats: [format(1, 1)], files: ['/a.wav'] });
  assert.deepEqual(
    g.strips.map((s) => s.name),
    ['A', 'X', 'Y', 'Master'],
  );
});
