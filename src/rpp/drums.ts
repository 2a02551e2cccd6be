/**
 * The REAPER session of `shub drums replace|quantize --rpp`: one track per written track (the
 * replaced mics, the untouched ones), each with its file as one item; for replaced mics also the
 * original, muted beside it, to compare. Written with the project's RPP writer; paths relative.
 */
import path from 'node:path';
import { guidFor, renderSettings } from './export.js';
import { writeRpp, type WriteNode } from './parse.js';

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
  const dir = path.dirname(path.resolve(o.sessionFile));
  const rel = (f: string) => path.relative(dir, path.resolve(f)).split(path.sep).join('/');
  const seconds = o.frames / o.sampleRate;
  const tracks: WriteNode[] = o.tracks.map((t, k) => {
    const guid = guidFor('drums-track', t.name, String(k));
    return {
      token: 'TRACK',
      params: [guid],
      children: [
        { token: 'NAME', params: [t.name] },
        { token: 'VOLPAN', params: [1, 0, -1, -1, 1] },
        { token: 'MUTESOLO', params: [t.muted ? 1 : 0, 0, 0] },
        { token: 'IPHASE', params: [0] },
        { token: 'ISBUS', params: [0, 0] },
        { token: 'NCHAN', params: [2] },
        { token: 'TRACKID', params: [guid] },
        { token: 'MAINSEND', params: [1, 0] },
        {
          token: 'ITEM',
          children: [
            { token: 'POSITION', params: [0] },
            { token: 'SNAPOFFS', params: [0] },
            { token: 'LENGTH', params: [seconds] },
            { token: 'LOOP', params: [0] },
            { token: 'ALLTAKES', params: [0] },
            { token: 'MUTE', params: [0, 0] },
            { token: 'IGUID', params: [guidFor('drums-item', t.file, String(k))] },
            { token: 'IID', params: [k + 1] },
            { token: 'NAME', params: [path.basename(t.file)] },
            { token: 'VOLPAN', params: [1, 0, 1, -1] },
            { token: 'SOFFS', params: [0] },
            { token: 'PLAYRATE', params: [1, 1, 0, -1, 0, 0.0025] },
            { token: 'CHANMODE', params: [0] },
            { token: 'GUID', params: [guidFor('drums-take', t.file, String(k))] },
            { token: 'SOURCE', params: ['WAVE'], children: [{ token: 'FILE', params: [rel(t.file)] }] },
          ],
        },
      ],
    };
  });
  return writeRpp({
    token: 'REAPER_PROJECT',
    params: [0.1, '7.0/shub', Math.floor(Date.now() / 1000)],
    children: [
      { token: 'RIPPLE', params: [0] },
      { token: 'AUTOXFADE', params: [0] },
      { token: 'PANLAW', params: [1] },
      { token: 'PANMODE', params: [3] },
      { token: 'SAMPLERATE', params: [o.sampleRate, 1, 0] },
      ...renderSettings(`${path.basename(o.sessionFile, path.extname(o.sessionFile))}-reaper.wav`, o.sampleRate, 24),
      { token: 'MASTER_NCH', params: [2, 2] },
      { token: 'MASTER_VOLUME', params: [1, 0, -1, -1, 1] },
      { token: 'MASTERMUTESOLO', params: [0] },
      ...tracks,
    ],
  });
}
