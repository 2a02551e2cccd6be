/**
 * The plugin-free subset of a REAPER project as a mix graph for the native renderer: items
 * (WAVE/FLAC/MP3/VORBIS/OPUS sources, position, length, source offset, item/take volume, fades
 * of shape 0 (linear) and 1 (equal power, rendered as sin(π/2 · (d + ½) / L) with d the sample's
 * distance from the item edge: the curve of `shub comp`'s crossfades), mute; of an item with
 * several takes the active one, whose `TAKE` line says SEL, else the first), track VOLPAN (shub's
 * pan law, see native/src/mix/mixer.h), MUTESOLO with solo defeat, polarity, folders (ISBUS) and
 * MAINSEND, receives (AUXRECV: post-fader, pre-fader, pre-FX), master volume. Anything REAPER would
 * render differently — FX, envelopes, all takes of an item at once, other fade shapes, playrate,
 * channel modes, looped items, send panning — is refused with the line and a pointer to
 * `--backend reaper`.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { AudioFormat } from '../io/format.js';
import type { GraphClip, GraphStrip, MixGraph } from '../engines/mix/graph.js';
import { findChunks, findLine, isChunk, num, type RppChunk, type RppLine, type RppNode } from './parse.js';
import { MIX_CLIP_PARAMETERS, MIX_SEND_PARAMETERS } from '../engines/dsp/params.js';
import { overLimit, resolveLimits, type Limits } from '../engines/mix/limits.js';

export interface RppSource {
  /** Absolute path of the item's source, and the item's location for messages. */
  file: string;
  at: string;
}

export interface RppPlan {
  sources: RppSource[];
  /** Builds the graph once the sources' formats are known (one per source, same order). */
  build(formats: AudioFormat[]): MixGraph;
}

const SUPPORTED_SOURCES = new Set(['WAVE', 'FLAC', 'MP3', 'VORBIS', 'OPUS']);
const ENVELOPES = /^(VOLENV[23]?|PANENV2?|WIDTHENV2?|MUTEENV|AUXVOLENV|AUXPANENV|AUXMUTEENV|PARMENV|TEMPOENVEX)$/;

export function planRpp(root: RppChunk, file: string, limits: Limits = resolveLimits(undefined)): RppPlan {
  const rel = path.relative(process.cwd(), file) || file;
  const dir = path.dirname(path.resolve(file));
  const refuse = (line: number, what: string): never => {
    throw new UsageError(
      `${rel}:${line} ${what}; the native backend renders only the plugin-free subset of REAPER projects, use ` +
        `--backend reaper`,
    );
  };
  /**
   * Field `i` of a line as a number in [lo, hi] (absent line or field: `fallback`). A value that is
   * not a finite number in range is the project's fault: exit 2 naming the line, never NaN downstream.
   */
  const field = (l: RppLine | undefined, i: number, fallback: number, lo: number, hi: number): number => {
    const text = l?.params[i];
    if (l === undefined || text === undefined) return fallback;
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || v < lo || v > hi)
      throw new UsageError(
        `${rel}:${l.line} ${l.token}: field ${i + 1} is '${text}'; expected ` +
          (hi === Number.MAX_VALUE ? `a finite number >= ${lo}` : `a number in [${lo}, ${hi}]`),
      );
    return v;
  };
  const overLimitAt = (line: number, what: Parameters<typeof overLimit>[0], text: string): never => {
    throw new UsageError(`${rel}:${line} ${overLimit(what, text, limits)}`);
  };
  const [clipGainLo, clipGainHi] = MIX_CLIP_PARAMETERS.gain.range;
  const [sendGainLo, sendGainHi] = MIX_SEND_PARAMETERS.gain.range;
  const VOLUME_MAX = 1e6;
  // project-level things the native backend cannot reproduce
  for (const c of root.children) {
    if (isChunk(c) && (c.token === 'MASTERFXLIST' || c.token === 'FXCHAIN') && c.children.some(isChunk))
      refuse(c.line, 'master FX');
    if (isChunk(c) && ENVELOPES.test(c.token) && c.children.some((n) => n.token === 'PT'))
      refuse(c.line, `master ${c.token} automation`);
  }
  const tracks = findChunks(root, 'TRACK');
  if (tracks.length > limits.tracks) overLimitAt(tracks[limits.tracks]!.line, 'tracks', `${tracks.length} tracks`);
  interface T {
    chunk: RppChunk;
    name: string;
    vol: number;
    pan: number;
    mute: boolean;
    solo: boolean;
    soloDefeat: boolean;
    invert: boolean;
    mainSend: boolean;
    parent: number;
    receives: { src: number; mode: number; vol: number; line: number }[];
  }
  const info: T[] = [];
  const folders: number[] = [];
  const sources: RppSource[] = [];
  interface ItemPlan {
    track: number;
    source: number;
    position: number;
    length: number;
    soffs: number;
    gain: number;
    fadeIn: number;
    fadeOut: number;
    fadeInShape: 0 | 1;
    fadeOutShape: 0 | 1;
    loop: boolean;
    line: number;
  }
  const items: ItemPlan[] = [];
  tracks.forEach((t, k) => {
    const name = findLine(t, 'NAME')?.params[0] ?? `Track ${k + 1}`;
    const where = (line: number, what: string) => refuse(line, `track ${k + 1} "${name}": ${what}`);
    for (const c of t.children) {
      if (isChunk(c) && c.token === 'FXCHAIN' && c.children.some(isChunk)) where(c.line, 'FX chain');
      if (isChunk(c) && ENVELOPES.test(c.token) && c.children.some((n) => n.token === 'PT'))
        where(c.line, `${c.token} automation`);
    }
    const volpan = findLine(t, 'VOLPAN');
    const mutesolo = findLine(t, 'MUTESOLO');
    const nchan = num(findLine(t, 'NCHAN'), 0, 2);
    if (nchan > 2) where(findLine(t, 'NCHAN')!.line, `${nchan} track channels`);
    const isbus = findLine(t, 'ISBUS');
    const mainsend = findLine(t, 'MAINSEND');
    const receives = t.children
      .filter((n) => !isChunk(n) && n.token === 'AUXRECV')
      .map((n) => {
        const p = n.params.map(Number);
        const [src = -1, mode = 0, , pan = 0, mute = 0, mono = 0, phase = 0, srcCh = 0, dstCh = 0] = p;
        const vol = field(n, 2, 1, sendGainLo, sendGainHi);
        if (pan !== 0) where(n.line, 'a panned receive');
        if (mono !== 0 || phase !== 0) where(n.line, 'a mono-summed or phase-inverted receive');
        if (srcCh !== 0 || dstCh !== 0) where(n.line, 'receive channel routing other than 1/2 → 1/2');
        if (!Number.isInteger(src) || src < 0 || src >= tracks.length)
          where(n.line, `a receive from track index ${src}, which does not exist`);
        return mute ? null : { src, mode, vol, line: n.line };
      })
      .filter((r): r is NonNullable<typeof r> => r !== null);
    const parent = folders.length ? folders[folders.length - 1]! : -1;
    info.push({
      chunk: t,
      name,
      vol: field(volpan, 0, 1, 0, VOLUME_MAX),
      pan: field(volpan, 1, 0, -1, 1),
      mute: num(mutesolo, 0, 0) !== 0,
      solo: num(mutesolo, 1, 0) !== 0,
      soloDefeat: num(mutesolo, 2, 0) !== 0,
      invert: num(findLine(t, 'IPHASE'), 0, 0) !== 0,
      mainSend: num(mainsend, 0, 1) !== 0,
      parent,
      receives,
    });
    const busKind = num(isbus, 0, 0),
      busDepth = num(isbus, 1, 0);
    if (busKind === 1) folders.push(k);
    else if (busKind === 2) for (let d = 0; d < Math.abs(busDepth); d++) folders.pop();
    for (const it of findChunks(t, 'ITEM')) {
      const line = (tok: string) => findLine(it, tok);
      // takes: the item's lines and its first take's come before the first TAKE line; each TAKE line opens
      // the next take. REAPER plays the take whose TAKE line carries SEL (the first when none does).
      const segments: RppNode[][] = [[]];
      const heads: (RppLine | undefined)[] = [undefined];
      for (const n of it.children)
        if (!isChunk(n) && n.token === 'TAKE') {
          segments.push([]);
          heads.push(n);
        } else segments[segments.length - 1]!.push(n);
      const active = Math.max(
        0,
        heads.findIndex((h) => h?.params.includes('SEL')),
      );
      if (segments.length > 1 && num(line('ALLTAKES'), 0, 0) !== 0)
        where(line('ALLTAKES')!.line, 'an item playing all its takes at once (ALLTAKES 1)');
      if (heads[active]?.params.includes('NULL')) continue; // an empty take plays nothing
      const take: RppChunk = { ...it, children: segments[active]! };
      const takeLine = (tok: string) => findLine(take, tok);
      const rate = num(takeLine('PLAYRATE'), 0, 1);
      if (rate !== 1 || num(takeLine('PLAYRATE'), 2, 0) !== 0)
        where(takeLine('PLAYRATE')!.line, 'an item with a playrate or pitch change');
      if (num(takeLine('CHANMODE'), 0, 0) !== 0)
        where(takeLine('CHANMODE')!.line, 'an item channel mode (reverse/downmix/single channel)');
      for (const fx of findChunks(take, 'TAKEFX')) if (fx.children.some(isChunk)) where(fx.line, 'take FX');
      const src = findChunks(take, 'SOURCE')[0];
      if (!src) where(it.line, 'an item without a source');
      if (!SUPPORTED_SOURCES.has(src!.params[0] ?? '')) where(src!.line, `a ${src!.params[0] ?? 'unknown'} source`);
      const fileLine = findLine(src!, 'FILE');
      if (!fileLine?.params[0]) where(src!.line, 'a source without a FILE');
      const ivp = takeLine('VOLPAN');
      if (field(ivp, 1, 0, -1, 1) !== 0) where(ivp!.line, 'a panned item');
      const gain = field(ivp, 0, 1, 0, VOLUME_MAX) * field(ivp, 2, 1, 0, VOLUME_MAX);
      if (gain < clipGainLo || gain > clipGainHi)
        throw new UsageError(
          `${rel}:${ivp!.line} VOLPAN: item gain ${gain} is outside [${clipGainLo}, ${clipGainHi}] (linear)`,
        );
      const position = field(line('POSITION'), 0, 0, 0, Number.MAX_VALUE);
      if (position > limits.offsetSeconds)
        overLimitAt(line('POSITION')!.line, 'offsetSeconds', `an item position of ${position} s`);
      const length = field(line('LENGTH'), 0, 0, 0, Number.MAX_VALUE);
      if (length > limits.sessionSeconds)
        overLimitAt(line('LENGTH')!.line, 'sessionSeconds', `an item length of ${length} s`);
      const soffs = field(takeLine('SOFFS'), 0, 0, 0, 1e9);
      const fin = line('FADEIN'),
        fout = line('FADEOUT');
      const shapeOf = (f: RppLine | undefined): 0 | 1 => {
        if (!f || field(f, 1, 0, 0, 1e9) === 0) return 0;
        const shape = num(f, 0, 0);
        if (shape !== 0 && shape !== 1)
          where(f.line, `a fade of shape ${shape} (only linear, shape 0, and equal power, shape 1)`);
        return shape as 0 | 1;
      };
      const fadeInShape = shapeOf(fin),
        fadeOutShape = shapeOf(fout);
      if (num(line('MUTE'), 0, 0) !== 0) continue;
      sources.push({ file: path.resolve(dir, fileLine!.params[0]!), at: `${rel}:${fileLine!.line}` });
      if (sources.length > limits.tracks) overLimitAt(it.line, 'tracks', `more than ${limits.tracks} items`);
      items.push({
        track: k,
        source: sources.length - 1,
        position,
        length,
        soffs,
        gain,
        fadeIn: field(fin, 1, 0, 0, 1e9),
        fadeOut: field(fout, 1, 0, 0, 1e9),
        fadeInShape,
        fadeOutShape,
        loop: num(line('LOOP'), 0, 1) !== 0,
        line: it.line,
      });
    }
  });
  const masterVol = findLine(root, 'MASTER_VOLUME');
  if (field(masterVol, 1, 0, -1, 1) !== 0) refuse(masterVol!.line, 'a panned master');
  field(masterVol, 0, 1, 0, VOLUME_MAX);
  const masterMute = num(findLine(root, 'MASTERMUTESOLO'), 0, 0) & 1;

  return {
    sources,
    build(formats: AudioFormat[]): MixGraph {
      const rates = new Set(formats.map((f) => f.sampleRate));
      if (rates.size > 1)
        refuse(items[0]?.line ?? 1, `sources at several sample rates (${[...rates].join(', ')} Hz) need resampling`);
      const rate = formats[0]?.sampleRate ?? num(findLine(root, 'SAMPLERATE'), 0, 48000);
      // destinations: main send → folder parent or master; receives → this track
      const n = info.length;
      const feeds: Set<number>[] = info.map(() => new Set());
      info.forEach((t, k) => {
        if (t.mainSend && t.parent >= 0) feeds[k]!.add(t.parent);
        for (const r of t.receives) feeds[r.src]!.add(k);
      });
      // topological order (a track before everything it feeds); REAPER forbids feedback by default
      const order: number[] = [];
      const state = new Array<number>(n).fill(0);
      const visit = (k: number) => {
        if (state[k] === 2) return;
        if (state[k] === 1) refuse(info[k]!.chunk.line, `routing feedback through track ${k + 1} "${info[k]!.name}"`);
        state[k] = 1;
        for (const j of feeds[k]!) visit(j);
        state[k] = 2;
        order.unshift(k);
      };
      for (let k = 0; k < n; k++) visit(k);
      const stripOf = new Map(order.map((k, i) => [k, i]));
      const masterStrip = n;
      // solo: soloed tracks, what they feed, what feeds them through main sends, and solo-defeated tracks play
      const anySolo = info.some((t) => t.solo);
      const audible = new Set<number>();
      if (anySolo) {
        const down = (k: number) => {
          if (audible.has(k)) return;
          audible.add(k);
          for (const j of feeds[k]!) down(j);
        };
        const up = (k: number) =>
          info.forEach((t, j) => t.mainSend && t.parent === k && !audible.has(j) && (audible.add(j), up(j)));
        info.forEach((t, k) => t.solo && (down(k), up(k)));
        info.forEach((t, k) => t.soloDefeat && audible.add(k));
      }
      const strips: GraphStrip[] = order.map((k) => {
        const t = info[k]!;
        const hasReceives = t.receives.length > 0 || info.some((o) => o.mainSend && o.parent === k);
        const clipChannels = items.filter((it) => it.track === k).map((it) => formats[it.source]!.channels);
        const maxCh = Math.max(1, ...clipChannels);
        if (maxCh > 2) refuse(t.chunk.line, `track ${k + 1} "${t.name}" has a source with ${maxCh} channels`);
        const channels = (hasReceives ? 2 : maxCh) as 1 | 2;
        const gainDb = t.vol > 0 ? 20 * Math.log10(t.vol) : -150;
        return {
          kind: hasReceives ? 'bus' : 'track',
          name: t.name,
          channels,
          invert: t.invert,
          gainDb: Math.max(-150, Math.min(48, gainDb)),
          pan: Math.max(-1, Math.min(1, t.pan)),
          output: t.mainSend ? (t.parent >= 0 ? stripOf.get(t.parent)! : masterStrip) : -2,
          sends: info.flatMap((o, j) =>
            o.receives
              .filter((r) => r.src === k)
              .map((r) => ({ dest: stripOf.get(j)!, gain: r.vol, preFader: r.mode !== 0 })),
          ),
          active: !t.mute && (!anySolo || audible.has(k)),
          mute: t.mute,
          solo: t.solo,
        } satisfies GraphStrip;
      });
      // MAINSEND 0: placeholder here, pointed at a silent sink strip below
      for (const s of strips) if (s.output === -2) s.output = masterStrip;
      const noMain = order.map((k) => !info[k]!.mainSend);
      const masterGain = num(masterVol, 0, 1);
      strips.push({
        kind: 'master',
        name: 'Master',
        channels: 2,
        gainDb: masterGain > 0 ? Math.max(-150, Math.min(48, 20 * Math.log10(masterGain))) : -150,
        pan: 0,
        output: -1,
        sends: [],
        active: !masterMute,
      });
      const clips: GraphClip[] = items.map((it) => {
        const f = formats[it.source]!;
        const fr = (s: number) => Math.round(s * rate);
        const srcFrames = f.frames ?? fr(f.durationSeconds ?? 0);
        const soffs = fr(it.soffs),
          length = fr(it.length);
        if (it.loop && soffs + length > srcFrames + 1) refuse(it.line, 'a looped item longer than its source');
        return {
          strip: stripOf.get(it.track)!,
          channels: f.channels as 1 | 2,
          startFrame: fr(it.position),
          sourceOffsetFrames: soffs,
          lengthFrames: length,
          gain: it.gain,
          fadeInFrames: fr(it.fadeIn),
          fadeOutFrames: fr(it.fadeOut),
          fadeInShape: it.fadeInShape,
          fadeOutShape: it.fadeOutShape,
          file: sources[it.source]!.file,
          at: sources[it.source]!.at,
        };
      });
      // strips with MAINSEND 0 keep their sends; their main output goes to an inactive sink after the master
      if (noMain.some(Boolean)) {
        const sink = strips.length;
        order.forEach((_, i) => noMain[i] && (strips[i]!.output = sink));
        strips.push({
          kind: 'bus',
          name: '(no main send)',
          channels: 2,
          gainDb: 0,
          pan: 0,
          output: -1,
          sends: [],
          active: false,
        });
      }
      const end = clips.reduce((m, c) => Math.max(m, c.startFrame + c.lengthFrames), 0);
      return { sampleRate: rate, strips, clips, totalFrames: end, tailFrames: 0 };
    },
  };
}
