/**
 * The REAPER session export (buildSession) read by an independent parser (rppp): tracks, faders as
 * linear VOLPAN, pans, folder-free routing (MAINSEND 0 + receives), residual tracks solo-defeated,
 * item positions and lengths in seconds, stem paths relative to the project, render settings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import rppp from 'rppp';
import { buildSession, guidFor, renderSettings, wavRenderCfg } from '../../src/rpp/export.js';
import type { MixGraph } from '../../src/engines/mix/graph.js';

interface Node {
  token: string;
  params: unknown[];
  contents?: Node[];
  b64Chunks?: string[];
}

const root = path.resolve('/tmp/shub-export-test');
const graph: MixGraph = {
  sampleRate: 48000,
  totalFrames: 96000,
  tailFrames: 0,
  clips: [],
  strips: [
    { kind: 'track', name: 'Drums', channels: 2, gainDb: -6, pan: 0.25, output: 2 },
    {
      kind: 'track',
      name: 'Keys "Rhodes"',
      channels: 2,
      gainDb: 0,
      pan: -0.5,
      print: 'postPan',
      output: 3,
      sends: [{ dest: 2, gain: 0.5, preFader: true }],
      mute: true,
    },
    { kind: 'bus', name: 'Verb', channels: 2, gainDb: -3, output: 3, solo: true },
    { kind: 'master', name: 'Master', channels: 2, gainDb: -1, output: -1 },
  ],
};

function session(): Node {
  const text = buildSession({
    sessionFile: path.join(root, 'session', 'song.rpp'),
    graph,
    stems: [
      { strip: 0, file: path.join(root, 'session', 'stems', 'drums.wav'), fromFrame: 0 },
      { strip: 1, file: path.join(root, 'session', 'stems', 'keys.wav'), fromFrame: 24000 },
      { strip: 2, file: path.join(root, 'verb residual.wav'), fromFrame: 0 },
      { strip: 3, file: path.join(root, 'session', 'stems', 'master.wav'), fromFrame: 0 },
    ],
    recipeFile: 'song.yaml',
    renderFile: 'song-reaper.wav',
    renderBits: 32,
  });
  return rppp.parse(text) as unknown as Node;
}

const field = (n: Node, token: string) => n.contents!.find((c) => c.token === token)?.params;
const all = (n: Node, token: string) => n.contents!.filter((c) => c.token === token);

test('tracks, faders, pans, mute/solo and routing as REAPER reads them', () => {
  const p = session();
  assert.equal(p.token, 'REAPER_PROJECT');
  const tracks = all(p, 'TRACK');
  assert.deepEqual(
    tracks.map((t) => field(t, 'NAME')![0]),
    ['Drums', 'Keys "Rhodes"', 'Verb', 'shub: master chain'],
  );
  const [drums, keys, verb, chain] = tracks as [Node, Node, Node, Node];
  const volpan = (t: Node) => field(t, 'VOLPAN') as number[];
  assert.ok(Math.abs(volpan(drums)[0]! - 0.5011872336272722) < 1e-15, '-6 dB = 0.50119');
  assert.equal(volpan(drums)[1], 0.25);
  assert.equal(volpan(keys)[0], 1);
  assert.equal(volpan(keys)[1], 0, 'pan printed into the stem: the track pan is centre');
  assert.ok(Math.abs(volpan(verb)[0]! - 0.7079457843841379) < 1e-15, '-3 dB');
  // MUTESOLO: mute, solo (2 = solo in place), solo defeat for the residual tracks
  assert.deepEqual(field(drums, 'MUTESOLO'), [0, 0, 0]);
  assert.deepEqual(field(keys, 'MUTESOLO'), [1, 0, 0]);
  assert.deepEqual(field(verb, 'MUTESOLO'), [0, 2, 1]);
  assert.deepEqual(field(chain, 'MUTESOLO'), [0, 0, 1]);
  // Drums feeds the Verb bus: no main send, a post-fader receive (mode 0) on Verb; Keys sends pre-fader (mode 3)
  assert.deepEqual(
    tracks.map((t) => field(t, 'MAINSEND')![0]),
    [0, 1, 1, 1],
  );
  const recv = all(verb, 'AUXRECV').map((r) => r.params.slice(0, 3));
  assert.deepEqual(recv, [
    [0, 0, 1],
    [1, 3, 0.5],
  ]);
  assert.equal(all(drums, 'AUXRECV').length, 0);
  assert.ok(Math.abs((field(p, 'MASTER_VOLUME') as number[])[0]! - 10 ** (-1 / 20)) < 1e-15);
  for (const t of tracks)
    assert.match(String(t.params[0]), /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  assert.equal(new Set(tracks.map((t) => t.params[0])).size, 4, 'GUIDs differ');
});

test('items: position and length in seconds, stem paths relative to the project, one per printed stem', () => {
  const tracks = all(session(), 'TRACK');
  const item = (t: Node) => t.contents!.find((c) => c.token === 'ITEM')!;
  const keys = item(tracks[1]!);
  assert.equal(field(keys, 'POSITION')![0], 0.5);
  assert.equal(field(keys, 'LENGTH')![0], 1.5);
  assert.equal(field(keys, 'NAME')![0], 'keys.wav');
  const source = keys.contents!.find((c) => c.token === 'SOURCE')!;
  assert.deepEqual(source.params, ['WAVE']);
  assert.deepEqual(field(source, 'FILE'), ['stems/keys.wav']);
  const verbSource = item(tracks[2]!).contents!.find((c) => c.token === 'SOURCE')!;
  assert.deepEqual(field(verbSource, 'FILE'), ['../verb residual.wav']);
  assert.equal(field(item(tracks[3]!), 'LENGTH')![0], 2);
  assert.deepEqual(field(item(tracks[0]!), 'VOLPAN'), [1, 0, 1, -1], 'unity item gain');
});

test('render settings: the file, whole project, WAV at the requested bits; REAPER_PROJECT and sample rate', () => {
  const p = session();
  assert.deepEqual(field(p, 'SAMPLERATE'), [48000, 1, 0]);
  assert.deepEqual(field(p, 'RENDER_FILE'), ['song-reaper.wav']);
  assert.deepEqual(field(p, 'RENDER_FMT'), [0, 2, 48000]);
  const cfg = Buffer.from(p.contents!.find((c) => c.token === 'RENDER_CFG')!.b64Chunks![0]!, 'base64');
  assert.equal(cfg.toString('latin1', 0, 4), 'evaw', "REAPER's WAV sink id, reversed");
  assert.equal(cfg[4], 32);
  for (const bits of [16, 24, 32] as const) assert.equal(Buffer.from(wavRenderCfg(bits), 'base64')[4], bits);
  const tokens = renderSettings('x.wav', 44100, 16).map((n) => n.token);
  assert.deepEqual(tokens.slice(0, 3), ['RENDER_FILE', 'RENDER_PATTERN', 'RENDER_FMT']);
  assert.equal(tokens.at(-1), 'RENDER_CFG');
});

test('guidFor: a GUID-shaped, reproducible name hash; two exports differ only in the timestamp', () => {
  assert.equal(guidFor('track', '0', 'Drums'), guidFor('track', '0', 'Drums'));
  assert.notEqual(guidFor('track', '0', 'Drums'), guidFor('track', '0Drums'), 'parts are separated');
  const strip = (n: Node) =>
    JSON.stringify({ ...n, params: n.params.slice(0, 2) }, (k, v) => (k === 'parent' ? undefined : v));
  assert.equal(strip(session()), strip(session()));
});
