/**
 * A REAPER project as a mix graph for the native renderer (planRpp): sources, processing order,
 * faders in dB, pans, folders and receives, item timing in frames, solo and mute, MAINSEND 0, and
 * the refusals (what only REAPER renders) with the line they are about.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { UsageError } from '../../src/errors.js';
import type { AudioFormat } from '../../src/io/format.js';
import { parseRpp } from '../../src/rpp/parse.js';
import { planRpp } from '../../src/rpp/to-graph.js';

const FILE = path.resolve('/tmp/shub-rpp-test/song/song.rpp');

function format(channels: number, sampleRate = 44100, seconds = 4): AudioFormat {
  return {
    container: 'wav',
    codec: 'pcm_s16le',
    sampleRate,
    channels,
    bitDepth: 16,
    frames: sampleRate * seconds,
    durationSeconds: seconds,
    speakers: channels === 1 ? ['FC'] : ['FL', 'FR'],
  };
}

const item = (file: string, lines: string[] = [], kind = 'WAVE') => [
  '    <ITEM',
  ...lines.map((l) => `      ${l}`),
  `      <SOURCE ${kind}`,
  `        FILE "${file}"`,
  '      >',
  '    >',
];

const project = (...body: string[][]) =>
  ['<REAPER_PROJECT 0.1 "7.0/x64" 1', '  SAMPLERATE 44100 0 0', ...body.flat(), '>'].join('\n');

const SONG = project(
  ['  MASTER_VOLUME 0.5 0 -1 -1 1'],
  ['  <TRACK {A}', '    NAME "Drum bus"', '    ISBUS 1 1', '  >'],
  [
    '  <TRACK {B}',
    '    NAME Kick',
    '    VOLPAN 0.5 -0.5 -1 -1 1',
    '    IPHASE 1',
    '    ISBUS 2 -1',
    ...item('audio/kick.wav', [
      'POSITION 0.5',
      'LENGTH 1',
      'SOFFS 0.25',
      'LOOP 0',
      'VOLPAN 0.5 0 2 -1',
      'FADEIN 0 0.1 0 0 0 0 0',
      'FADEOUT 0 0.2 0 0 0 0 0',
    ]),
    ...item('audio/muted.wav', ['MUTE 1 0', 'POSITION 9', 'LENGTH 1']),
    '  >',
  ],
  ['  <TRACK {C}', '    NAME Pad', ...item('/abs/pad.flac', ['POSITION 0', 'LENGTH 2', 'LOOP 0'], 'FLAC'), '  >'],
  ['  <TRACK {D}', '    NAME Verb', "    AUXRECV 2 3 0.25 0 0 0 0 0 0 -1:U 0 -1 ''", '  >'],
);

test('sources, processing order, faders, pans, folders and receives', () => {
  const plan = planRpp(parseRpp(SONG), FILE);
  assert.deepEqual(
    plan.sources.map((s) => s.file),
    [path.join(path.dirname(FILE), 'audio', 'kick.wav'), '/abs/pad.flac'],
    'the muted item is not a source; relative paths are relative to the project',
  );
  assert.match(plan.sources[0]!.at, /song\.rpp:\d+$/);
  const g = plan.build([format(1), format(2)]);
  assert.equal(g.sampleRate, 44100);
  // a track comes before everything it feeds: Pad → Verb; Kick → Drum bus; the master last
  assert.deepEqual(
    g.strips.map((s) => [s.name, s.kind, s.channels, s.output]),
    [
      ['Pad', 'track', 2, 4],
      ['Verb', 'bus', 2, 4],
      ['Kick', 'track', 1, 3],
      ['Drum bus', 'bus', 2, 4],
      ['Master', 'master', 2, -1],
    ],
  );
  const [pad, , kick, , master] = g.strips;
  assert.deepEqual(pad!.sends, [{ dest: 1, gain: 0.25, preFader: true }]);
  assert.ok(Math.abs(kick!.gainDb! - 20 * Math.log10(0.5)) < 1e-12);
  assert.equal(kick!.pan, -0.5);
  assert.equal(kick!.invert, true);
  assert.ok(Math.abs(master!.gainDb! - 20 * Math.log10(0.5)) < 1e-12);
  assert.ok(g.strips.every((s) => s.active !== false));
});

test('items in frames: position, source offset, length, item × take volume, linear fades; the mix length', () => {
  const g = planRpp(parseRpp(SONG), FILE).build([format(1), format(2)]);
  assert.deepEqual(
    g.clips.map(
      ({ strip, channels, startFrame, sourceOffsetFrames, lengthFrames, gain, fadeInFrames, fadeOutFrames }) => ({
        strip,
        channels,
        startFrame,
        sourceOffsetFrames,
        lengthFrames,
        gain,
        fadeInFrames,
        fadeOutFrames,
      }),
    ),
    [
      {
        strip: 2,
        channels: 1,
        startFrame: 22050,
        sourceOffsetFrames: 11025,
        lengthFrames: 44100,
        gain: 1,
        fadeInFrames: 4410,
        fadeOutFrames: 8820,
      },
      {
        strip: 0,
        channels: 2,
        startFrame: 0,
        sourceOffsetFrames: 0,
        lengthFrames: 88200,
        gain: 1,
        fadeInFrames: 0,
        fadeOutFrames: 0,
      },
    ],
  );
  assert.equal(g.totalFrames, 88200);
  assert.equal(g.tailFrames, 0);
});

test('an item with several takes plays its active one (TAKE SEL, else the first) with its volume and offset', () => {
  const take = (name: string, vol: number, soffs: number) => [
    `      NAME ${name}`,
    `      VOLPAN ${vol} 0 1 -1`,
    `      SOFFS ${soffs}`,
    '      <SOURCE WAVE',
    `        FILE "${name}.wav"`,
    '      >',
  ];
  const itemOf = (sel: number | null, extra: string[] = []) =>
    project([
      '  <TRACK {T}',
      '    NAME Comp',
      '    <ITEM',
      '      POSITION 1',
      '      LENGTH 2',
      '      FADEIN 1 0.1 0 1 0 0 0',
      '      FADEOUT 0 0.2 0 0 0 0 0',
      ...extra,
      ...take('a', 0.5, 0),
      sel === 1 ? '      TAKE SEL' : '      TAKE',
      ...take('b', 0.25, 0.5),
      sel === 2 ? '      TAKE SEL' : '      TAKE',
      ...take('c', 2, 0.75),
      '    >',
      '  >',
    ]);
  const clip = (text: string) => {
    const plan = planRpp(parseRpp(text), FILE);
    const g = plan.build(plan.sources.map(() => format(1)));
    assert.equal(g.clips.length, 1);
    return { ...g.clips[0]!, name: path.basename(plan.sources[0]!.file) };
  };
  const b = clip(itemOf(1));
  assert.deepEqual(
    [b.name, b.gain, b.sourceOffsetFrames, b.startFrame, b.lengthFrames],
    ['b.wav', 0.25, 22050, 44100, 88200],
  );
  assert.deepEqual([b.fadeInFrames, b.fadeInShape, b.fadeOutFrames, b.fadeOutShape], [4410, 1, 8820, 0]);
  const c = clip(itemOf(2));
  assert.deepEqual([c.name, c.gain, c.sourceOffsetFrames], ['c.wav', 2, 33075]);
  const a = clip(itemOf(null));
  assert.deepEqual([a.name, a.gain, a.sourceOffsetFrames], ['a.wav', 0.5, 0]);
  // an empty active take plays nothing
  const empty = project([
    '  <TRACK {T}',
    '    <ITEM',
    '      POSITION 0',
    '      LENGTH 1',
    ...take('a', 1, 0),
    '      TAKE NULL SEL',
    '    >',
    '  >',
  ]);
  assert.equal(planRpp(parseRpp(empty), FILE).sources.length, 0);
});

test('solo: soloed tracks, what they feed and solo-defeated tracks play; mute silences; MAINSEND 0', () => {
  const text = project(
    ['  <TRACK {1}', '    NAME Lead', '    MUTESOLO 0 2 0', ...item('lead.wav'), '  >'],
    ['  <TRACK {2}', '    NAME Guitar', ...item('gtr.wav'), '  >'],
    ['  <TRACK {3}', '    NAME Click', '    MUTESOLO 0 0 1', '    MAINSEND 0 0', ...item('click.wav'), '  >'],
    ['  <TRACK {4}', '    NAME Verb', "    AUXRECV 0 0 1 0 0 0 0 0 0 -1:U 0 -1 ''", '  >'],
    ['  <TRACK {5}', '    NAME Muted', '    MUTESOLO 1 0 0', ...item('m.wav'), '  >'],
  );
  const g = planRpp(parseRpp(text), FILE).build([format(2), format(2), format(2), format(2)]);
  const byName = new Map(g.strips.map((s) => [s.name, s]));
  assert.equal(byName.get('Lead')!.active, true);
  assert.equal(byName.get('Verb')!.active, true, 'fed by a soloed track');
  assert.equal(byName.get('Guitar')!.active, false, 'not soloed');
  assert.equal(byName.get('Click')!.active, true, 'solo defeat');
  assert.equal(byName.get('Muted')!.active, false);
  const sink = byName.get('(no main send)')!;
  assert.equal(sink.active, false);
  assert.equal(byName.get('Click')!.output, g.strips.indexOf(sink), 'MAINSEND 0: into an inactive sink');
  assert.equal(
    g.strips.findIndex((s) => s.kind === 'master'),
    g.strips.length - 2,
  );
});

test('what only REAPER renders is refused with its line and a pointer to --backend reaper', () => {
  const refused = (text: string, line: number, what: RegExp, formats?: AudioFormat[]) =>
    assert.throws(
      () => {
        const plan = planRpp(parseRpp(text), FILE);
        plan.build(formats ?? plan.sources.map(() => format(2)));
      },
      (e: unknown) =>
        e instanceof UsageError &&
        new RegExp(`song\\.rpp:${line} `).test(e.message) &&
        what.test(e.message) &&
        e.message.includes('use --backend reaper'),
    );
  const track = (...lines: string[]) => ['  <TRACK {X}', '    NAME X', ...lines, '  >'];
  refused(project(track('    <FXCHAIN', '      <VST "ReaComp"', '      >', '    >')), 5, /track 1 "X": FX chain/);
  refused(project(track('    <VOLENV2', '      PT 0 1 0', '    >')), 5, /VOLENV2 automation/);
  refused(project(['  <MASTERFXLIST', '    <JS foo', '    >', '  >']), 3, /master FX/);
  refused(project(track(...item('a.wav', ['PLAYRATE 2 1 0 -1 0 0.0025']))), 6, /playrate or pitch change/);
  refused(project(track(...item('a.wav', ['FADEIN 2 0.5 0 0 0 0 0']))), 6, /a fade of shape 2/);
  refused(
    project(track('    <ITEM', '      ALLTAKES 1', '      TAKE', '    >')),
    6,
    /an item playing all its takes at once \(ALLTAKES 1\)/,
  );
  refused(project(track(...item('a.mid', [], 'MIDI'))), 6, /a MIDI source/);
  refused(project(track('    NCHAN 4')), 5, /4 track channels/);
  refused(project(track("    AUXRECV 0 0 1 0.5 0 0 0 0 0 -1:U 0 -1 ''")), 5, /a panned receive/);
  refused(project(track("    AUXRECV 7 0 1 0 0 0 0 0 0 -1:U 0 -1 ''")), 5, /track index 7, which does not exist/);
  refused(project(['  MASTER_VOLUME 1 0.3 -1 -1 1']), 3, /a panned master/);
  const loop = project(
    ['  <TRACK {1}', '    NAME A', "    AUXRECV 1 0 1 0 0 0 0 0 0 -1:U 0 -1 ''", '  >'],
    ['  <TRACK {2}', '    NAME B', "    AUXRECV 0 0 1 0 0 0 0 0 0 -1:U 0 -1 ''", '  >'],
  );
  refused(loop, 3, /routing feedback through track 1 "A"/);
  const rates = project(track(...item('a.wav'), ...item('b.wav')));
  refused(rates, 5, /several sample rates \(44100, 48000 Hz\)/, [format(2, 44100), format(2, 48000)]);
  refused(project(track(...item('a.wav'))), 3, /a source with 6 channels/, [format(6)]);
});
