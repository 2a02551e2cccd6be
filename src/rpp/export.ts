/**
 * REAPER session export (`shub mix --rpp`): a project that plays shub's mix in REAPER without
 * any plugin. Each track's item is its *printed* stem (the chain applied, pre-fader; gain
 * automation printed into it, and pan automation too — then the track's pan is centre), so
 * VOLPAN carries the recipe's fader and pan. Group routing is MAINSEND 0 + a post-fader
 * receive on the bus track; sends are receives (mode 0 post-fader, 3 pre-fader/post-FX). A bus
 * or master chain is nonlinear, so it is printed as a *residual* item — chain output minus
 * chain input — on the bus track (REAPER sums the receives and the item: their sum is the
 * processed bus) and, for the master, on a "shub: master chain" track sending to the master.
 * Residual tracks are solo-defeated so soloing never drops them.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { MixGraph } from '../engines/mix/graph.js';
import { writeRpp, type WriteNode } from './parse.js';

export interface PrintedStem {
  strip: number;
  /** Absolute path of the printed stem. */
  file: string;
  fromFrame: number;
}

export interface SessionOptions {
  /** Where the .RPP goes (stem paths are written relative to it). */
  sessionFile: string;
  graph: MixGraph;
  stems: PrintedStem[];
  /** Shown in the project notes. */
  recipeFile: string;
  /** File REAPER renders to (relative to the project), e.g. `session-reaper.wav`. */
  renderFile: string;
  /** Bits of REAPER's WAV render. */
  renderBits?: 16 | 24 | 32;
}

/** A GUID derived from a name (reproducible sessions diff cleanly). */
export function guidFor(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex').toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

/** `<session>-reaper.wav` beside a session file: where REAPER's own render of it goes. */
export function sessionRenderFile(sessionFile: string): string {
  return `${path.basename(sessionFile, path.extname(sessionFile))}-reaper.wav`;
}

/** Paths as a session at `sessionFile` names them: relative to its folder, with forward slashes. */
export function relativeTo(sessionFile: string): (file: string) => string {
  const dir = path.dirname(path.resolve(sessionFile));
  return (f) => path.relative(dir, path.resolve(f)).split(path.sep).join('/');
}

/** One take of an item: its name, linear gain, where in the file it starts (s), its GUID and its WAVE file. */
export function takeLines(o: {
  name: string;
  gain: number;
  offsetSeconds: number;
  guid: string;
  file: string;
}): WriteNode[] {
  return [
    { token: 'NAME', params: [o.name] },
    { token: 'VOLPAN', params: [o.gain, 0, 1, -1] },
    { token: 'SOFFS', params: [o.offsetSeconds] },
    { token: 'PLAYRATE', params: [1, 1, 0, -1, 0, 0.0025] },
    { token: 'CHANMODE', params: [0] },
    { token: 'GUID', params: [o.guid] },
    { token: 'SOURCE', params: ['WAVE'], children: [{ token: 'FILE', params: [o.file] }] },
  ];
}

/** A fade line (FADEIN/FADEOUT) of `seconds` in REAPER's curve `shape`; no fade when 0. */
function fadeNode(token: 'FADEIN' | 'FADEOUT', seconds: number, shape: number): WriteNode {
  const s = seconds > 0 ? shape : 0;
  return { token, params: [s, seconds, 0, s, 0, 0, 0] };
}

/**
 * An item at `positionSeconds` lasting `lengthSeconds`: its fades, then its takes (each a
 * takeLines list; every take after the first follows a TAKE line, `SEL` on the active one).
 */
export function itemNode(o: {
  positionSeconds: number;
  lengthSeconds: number;
  iguid: string;
  iid: number;
  takes: WriteNode[][];
  active?: number;
  fadeInSeconds?: number;
  fadeOutSeconds?: number;
  fadeShape?: number;
}): WriteNode {
  const children: WriteNode[] = [
    { token: 'POSITION', params: [o.positionSeconds] },
    { token: 'SNAPOFFS', params: [0] },
    { token: 'LENGTH', params: [o.lengthSeconds] },
    { token: 'LOOP', params: [0] },
    { token: 'ALLTAKES', params: [0] },
    fadeNode('FADEIN', o.fadeInSeconds ?? 0, o.fadeShape ?? 0),
    fadeNode('FADEOUT', o.fadeOutSeconds ?? 0, o.fadeShape ?? 0),
    { token: 'MUTE', params: [0, 0] },
    { token: 'SEL', params: [0] },
    { token: 'IGUID', params: [o.iguid] },
    { token: 'IID', params: [o.iid] },
  ];
  o.takes.forEach((lines, k) => {
    if (k > 0) children.push({ token: 'TAKE', params: k === o.active ? ['SEL'] : [] });
    children.push(...lines);
  });
  return { token: 'ITEM', children };
}

/** A plain audio track (unity volume, centre, sent to the master) holding `content` (its items). */
export function audioTrack(guid: string, name: string, muted: boolean, content: WriteNode[]): WriteNode {
  return {
    token: 'TRACK',
    params: [guid],
    children: [
      { token: 'NAME', params: [name] },
      { token: 'PEAKCOL', params: [16576] },
      { token: 'VOLPAN', params: [1, 0, -1, -1, 1] },
      { token: 'MUTESOLO', params: [muted ? 1 : 0, 0, 0] },
      { token: 'IPHASE', params: [0] },
      { token: 'ISBUS', params: [0, 0] },
      { token: 'NCHAN', params: [2] },
      { token: 'TRACKID', params: [guid] },
      { token: 'MAINSEND', params: [1, 0] },
      ...content,
    ],
  };
}

/** A whole REAPER project around `tracks`: project and render settings, the master, then the tracks. */
export function projectRpp(o: {
  sampleRate: number;
  renderFile: string;
  renderBits?: 16 | 24 | 32;
  /** Linear master volume (default 1). */
  masterVolume?: number;
  tracks: WriteNode[];
}): string {
  return writeRpp({
    token: 'REAPER_PROJECT',
    params: [0.1, '7.0/shub', Math.floor(Date.now() / 1000)],
    children: [
      { token: 'RIPPLE', params: [0] },
      { token: 'AUTOXFADE', params: [0] },
      { token: 'PANLAW', params: [1] },
      { token: 'PANMODE', params: [3] },
      { token: 'SAMPLERATE', params: [o.sampleRate, 1, 0] },
      ...renderSettings(o.renderFile, o.sampleRate, o.renderBits ?? 24),
      { token: 'MASTER_NCH', params: [2, 2] },
      { token: 'MASTER_VOLUME', params: [o.masterVolume ?? 1, 0, -1, -1, 1] },
      { token: 'MASTER_PANMODE', params: [3] },
      { token: 'MASTERMUTESOLO', params: [0] },
      ...o.tracks,
    ],
  });
}

/** REAPER's RENDER_CFG for WAV output: "evaw", bits per sample, then flags (as REAPER writes). */
export function wavRenderCfg(bits: 16 | 24 | 32): string {
  return Buffer.from([0x65, 0x76, 0x61, 0x77, bits, 0x00, 0x01]).toString('base64');
}

export function renderSettings(renderFile: string, sampleRate: number, bits: 16 | 24 | 32): WriteNode[] {
  return [
    { token: 'RENDER_FILE', params: [renderFile] },
    { token: 'RENDER_PATTERN', params: [''] },
    { token: 'RENDER_FMT', params: [0, 2, sampleRate] },
    { token: 'RENDER_1X', params: [0] },
    { token: 'RENDER_RANGE', params: [1, 0, 0, 18, 1000] },
    { token: 'RENDER_RESAMPLE', params: [3, 0, 1] },
    { token: 'RENDER_ADDTOPROJ', params: [0] },
    { token: 'RENDER_STEMS', params: [0] },
    { token: 'RENDER_DITHER', params: [0] },
    { token: 'RENDER_CFG', raw: [wavRenderCfg(bits)] },
  ];
}

const VOL = (db: number) => 10 ** (db / 20);

export function buildSession(o: SessionOptions): string {
  const { graph } = o;
  const rate = graph.sampleRate;
  const rel = relativeTo(o.sessionFile);
  const stemOf = new Map(o.stems.map((s) => [s.strip, s]));
  const masterIndex = graph.strips.findIndex((s) => s.kind === 'master');
  const master = graph.strips[masterIndex]!;
  // REAPER tracks: every strip but the master, in processing order, then the master residual
  const trackStrips = graph.strips.map((_, i) => i).filter((i) => i !== masterIndex);
  const masterResidual = stemOf.get(masterIndex);
  const rppIndex = new Map(trackStrips.map((s, k) => [s, k]));
  const receives = new Map<number, WriteNode[]>();
  const addReceive = (dest: number, src: number, mode: number, vol: number) => {
    const list = receives.get(dest) ?? [];
    list.push({ token: 'AUXRECV', params: [rppIndex.get(src)!, mode, vol, 0, 0, 0, 0, 0, 0, '-1:U', 4177951, -1, ''] });
    receives.set(dest, list);
  };
  for (const i of trackStrips) {
    const s = graph.strips[i]!;
    if (s.output >= 0 && s.output !== masterIndex) addReceive(s.output, i, 0, 1);
    for (const d of s.sends ?? []) addReceive(d.dest, i, d.preFader ? 3 : 0, d.gain ?? 1);
  }
  const item = (name: string, stem: PrintedStem, strip: number): WriteNode =>
    itemNode({
      positionSeconds: stem.fromFrame / rate,
      lengthSeconds: (graph.totalFrames - stem.fromFrame) / rate,
      iguid: guidFor('item', String(strip), name),
      iid: strip + 1,
      takes: [
        takeLines({
          name: path.basename(stem.file),
          gain: 1,
          offsetSeconds: 0,
          guid: guidFor('take', String(strip), name),
          file: rel(stem.file),
        }),
      ],
    });
  const tracks: WriteNode[] = trackStrips.map((i) => {
    const s = graph.strips[i]!;
    const stem = stemOf.get(i);
    const guid = guidFor('track', String(i), s.name);
    const residual = s.kind !== 'track';
    const pan = s.print === 'postPan' ? 0 : (s.pan ?? 0);
    return {
      token: 'TRACK',
      params: [guid],
      children: [
        { token: 'NAME', params: [s.name] },
        { token: 'PEAKCOL', params: [16576] },
        { token: 'BEAT', params: [-1] },
        { token: 'AUTOMODE', params: [0] },
        { token: 'VOLPAN', params: [VOL(s.gainDb ?? 0), pan, -1, -1, 1] },
        { token: 'MUTESOLO', params: [s.mute ? 1 : 0, s.solo ? 2 : 0, residual ? 1 : 0] },
        { token: 'IPHASE', params: [0] },
        { token: 'ISBUS', params: [0, 0] },
        { token: 'NCHAN', params: [2] },
        { token: 'TRACKID', params: [guid] },
        { token: 'MAINSEND', params: [s.output === masterIndex ? 1 : 0, 0] },
        ...(receives.get(i) ?? []),
        ...(stem ? [item(s.name, stem, i)] : []),
      ],
    };
  });
  if (masterResidual) {
    const guid = guidFor('track', 'master-chain');
    tracks.push({
      token: 'TRACK',
      params: [guid],
      children: [
        { token: 'NAME', params: ['shub: master chain'] },
        { token: 'PEAKCOL', params: [16576] },
        { token: 'VOLPAN', params: [1, 0, -1, -1, 1] },
        { token: 'MUTESOLO', params: [0, 0, 1] },
        { token: 'IPHASE', params: [0] },
        { token: 'ISBUS', params: [0, 0] },
        { token: 'NCHAN', params: [2] },
        { token: 'TRACKID', params: [guid] },
        { token: 'MAINSEND', params: [1, 0] },
        item('master chain', masterResidual, masterIndex),
      ],
    });
  }
  return projectRpp({
    sampleRate: rate,
    renderFile: o.renderFile,
    renderBits: o.renderBits ?? 24,
    masterVolume: VOL(master.gainDb ?? 0),
    tracks,
  });
}
