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
import { audioTrack, guidFor, itemNode, projectRpp, relativeTo, sessionRenderFile, takeLines } from './export.js';
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
  const rel = relativeTo(o.sessionFile);
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
  const take = (k: number, soffsFrames: number, key: string): WriteNode[] =>
    takeLines({
      name: names[k]!,
      gain: o.gains[k]!,
      offsetSeconds: soffsFrames / fs,
      guid: guidFor('comp-take', key, String(k)),
      file: rel(o.takes[k]!),
    });
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
    const chosen = o.chosen[s]!;
    const key = `${s}:${sec.name}`;
    return itemNode({
      positionSeconds: start / fs,
      lengthSeconds: (end - start) / fs,
      fadeInSeconds: inSeam ? inSeam.lengthFrames / fs : 0,
      fadeOutSeconds: outSeam ? outSeam.lengthFrames / fs : 0,
      fadeShape: SEAM_FADE_SHAPE,
      iguid: guidFor('comp-item', key),
      iid: ++iid,
      takes: o.takes.map((_, k) => take(k, start, key)),
      active: chosen,
    });
  });
  const track = (name: string, muted: boolean, content: WriteNode[]): WriteNode =>
    audioTrack(guidFor('comp-track', name), name, muted, content);
  const whole = (file: string, frames: number, name: string, gain: number): WriteNode =>
    itemNode({
      positionSeconds: 0,
      lengthSeconds: frames / fs,
      iguid: guidFor('comp-whole', file),
      iid: ++iid,
      takes: [takeLines({ name, gain, offsetSeconds: 0, guid: guidFor('comp-whole-take', file), file: rel(file) })],
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
