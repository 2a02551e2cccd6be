/**
 * The REAPER session of `shub comp --rpp` (issue 15 step 4): a "Comp" track with one item per
 * section, each holding every take as a REAPER take (the first inline, the others after `TAKE`
 * lines, the chosen one marked `TAKE SEL` or, when it is the first, left active by no other
 * being selected), every take at its gain (take VOLPAN) and the same source offset (the takes
 * share a timeline); items overlap at the seams by the crossfade, with fade-in/out of that length
 * (REAPER fade shape 1, its equal-power-like curve; `shub render` plays shape 1 as the assembler's
 * sin/cos, so its render nulls against the comp). Then every take as a muted track and the
 * rendered comp as a muted track to compare with. Switching an item's take in REAPER re-comps
 * that section. Written with the project's RPP writer; paths relative to the session.
 */
import path from 'node:path';
import { audioTrack, guidFor, projectRpp, sessionRenderFile } from './export.js';
import type { WriteNode } from './parse.js';
import type { Section } from '../engines/comp/measures.js';
import type { Seam } from '../engines/comp/assembly.js';

export interface CompSessionOptions {
  sessionFile: string;
  comp: string;
  takes: string[];
  sampleRate: number;
  totalFrames: number;
  takeFrames: number[];
  sections: Section[];
  chosen: number[];
  gains: number[];
  seams: Seam[];
}

/** REAPER's fade shape for the seams' crossfades (1: the equal-power-like curve; 0 is linear). */
export const SEAM_FADE_SHAPE = 1;

export function buildCompSession(o: CompSessionOptions): string {
  const dir = path.dirname(path.resolve(o.sessionFile));
  const rel = (f: string) => path.relative(dir, path.resolve(f)).split(path.sep).join('/');
  const fs = o.sampleRate;
  const names = o.takes.map((t) => path.basename(t));
  const seamAt = new Map(o.seams.map((s) => [s.section, s]));
  const boundaryFrame = (s: number) => {
    const prev = o.sections[s - 1]!;
    const next = o.sections[s]!;
    const b = prev.endSeconds < next.startSeconds ? (prev.endSeconds + next.startSeconds) / 2 : next.startSeconds;
    return Math.round(b * fs);
  };
  let iid = 0;
  const takeLines = (k: number, soffsFrames: number, key: string): WriteNode[] => [
    { token: 'NAME', params: [names[k]!] },
    { token: 'VOLPAN', params: [o.gains[k]!, 0, 1, -1] },
    { token: 'SOFFS', params: [soffsFrames / fs] },
    { token: 'PLAYRATE', params: [1, 1, 0, -1, 0, 0.0025] },
    { token: 'CHANMODE', params: [0] },
    { token: 'GUID', params: [guidFor('comp-take', key, String(k))] },
    { token: 'SOURCE', params: ['WAVE'], children: [{ token: 'FILE', params: [rel(o.takes[k]!)] }] },
  ];
  const items: WriteNode[] = o.sections.map((sec, s) => {
    const inSeam = seamAt.get(s);
    const outSeam = seamAt.get(s + 1);
    const start = s === 0 ? 0 : inSeam ? inSeam.startFrame : boundaryFrame(s);
    const end =
      s === o.sections.length - 1
        ? o.totalFrames
        : outSeam
          ? outSeam.startFrame + outSeam.lengthFrames
          : boundaryFrame(s + 1);
    const fadeIn = inSeam ? inSeam.lengthFrames / fs : 0;
    const fadeOut = outSeam ? outSeam.lengthFrames / fs : 0;
    const chosen = o.chosen[s]!;
    const key = `${s}:${sec.name}`;
    iid++;
    const children: WriteNode[] = [
      { token: 'POSITION', params: [start / fs] },
      { token: 'SNAPOFFS', params: [0] },
      { token: 'LENGTH', params: [(end - start) / fs] },
      { token: 'LOOP', params: [0] },
      { token: 'ALLTAKES', params: [0] },
      {
        token: 'FADEIN',
        params: [fadeIn > 0 ? SEAM_FADE_SHAPE : 0, fadeIn, 0, fadeIn > 0 ? SEAM_FADE_SHAPE : 0, 0, 0, 0],
      },
      {
        token: 'FADEOUT',
        params: [fadeOut > 0 ? SEAM_FADE_SHAPE : 0, fadeOut, 0, fadeOut > 0 ? SEAM_FADE_SHAPE : 0, 0, 0, 0],
      },
      { token: 'MUTE', params: [0, 0] },
      { token: 'SEL', params: [0] },
      { token: 'IGUID', params: [guidFor('comp-item', key)] },
      { token: 'IID', params: [iid] },
      ...takeLines(0, start, key),
    ];
    for (let k = 1; k < o.takes.length; k++) {
      children.push({ token: 'TAKE', params: k === chosen ? ['SEL'] : [] });
      children.push(...takeLines(k, start, key));
    }
    return { token: 'ITEM', children };
  });
  const track = (name: string, muted: boolean, content: WriteNode[]): WriteNode =>
    audioTrack(guidFor('comp-track', name), name, muted, content);
  const whole = (file: string, frames: number, name: string, gain: number): WriteNode => ({
    token: 'ITEM',
    children: [
      { token: 'POSITION', params: [0] },
      { token: 'SNAPOFFS', params: [0] },
      { token: 'LENGTH', params: [frames / fs] },
      { token: 'LOOP', params: [0] },
      { token: 'ALLTAKES', params: [0] },
      { token: 'FADEIN', params: [0, 0, 0, 0, 0, 0, 0] },
      { token: 'FADEOUT', params: [0, 0, 0, 0, 0, 0, 0] },
      { token: 'MUTE', params: [0, 0] },
      { token: 'SEL', params: [0] },
      { token: 'IGUID', params: [guidFor('comp-whole', file)] },
      { token: 'IID', params: [++iid] },
      { token: 'NAME', params: [name] },
      { token: 'VOLPAN', params: [gain, 0, 1, -1] },
      { token: 'SOFFS', params: [0] },
      { token: 'PLAYRATE', params: [1, 1, 0, -1, 0, 0.0025] },
      { token: 'CHANMODE', params: [0] },
      { token: 'GUID', params: [guidFor('comp-whole-take', file)] },
      { token: 'SOURCE', params: ['WAVE'], children: [{ token: 'FILE', params: [rel(file)] }] },
    ],
  });
  const tracks: WriteNode[] = [
    track('Comp', false, items),
    ...o.takes.map((t, k) =>
      track(`Take ${k + 1}: ${names[k]}`, true, [whole(t, o.takeFrames[k]!, names[k]!, o.gains[k]!)]),
    ),
    track('shub comp (rendered)', true, [whole(o.comp, o.totalFrames, path.basename(o.comp), 1)]),
  ];
  return projectRpp({ sampleRate: fs, renderFile: sessionRenderFile(o.sessionFile), tracks });
}
