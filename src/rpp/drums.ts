/**
 * The REAPER session of `shub drums replace|quantize --rpp`: one track per written track (the
 * replaced mics, the untouched ones), each with its file as one item; for replaced mics also the
 * original, muted beside it, to compare. Written with the project's RPP writer; paths relative.
 */
import path from 'node:path';
import { audioTrack, guidFor, itemNode, projectRpp, relativeTo, sessionRenderFile, takeLines } from './export.js';
import type { WriteNode } from './parse.js';

export interface DrumSessionTrack {
  name: string;
  file: string;
  muted: boolean;
}

export function buildDrumSession(o: {
  sessionFile: string;
  sampleRate: number;
  frames: number;
  tracks: DrumSessionTrack[];
}): string {
  const rel = relativeTo(o.sessionFile);
  const seconds = o.frames / o.sampleRate;
  const tracks: WriteNode[] = o.tracks.map((t, k) =>
    audioTrack(guidFor('drums-track', t.name, String(k)), t.name, t.muted, [
      itemNode({
        positionSeconds: 0,
        lengthSeconds: seconds,
        iguid: guidFor('drums-item', t.file, String(k)),
        iid: k + 1,
        takes: [
          takeLines({
            name: path.basename(t.file),
            gain: 1,
            offsetSeconds: 0,
            guid: guidFor('drums-take', t.file, String(k)),
            file: rel(t.file),
          }),
        ],
      }),
    ]),
  );
  return projectRpp({ sampleRate: o.sampleRate, renderFile: sessionRenderFile(o.sessionFile), tracks });
}
