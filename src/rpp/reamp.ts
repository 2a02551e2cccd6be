/**
 * The REAPER session of `shub reamp --rpp`: for each DI, its track (the DI as an item, muted so
 * that playing the project plays the prints) and one track per print (the reamped file as an
 * item at the same position), so the engineer can audition the print against the DI — unmute
 * the DI, or solo either — and reamp again in REAPER from the same DI. With variations, only the
 * blend (or the first variant) plays; the others are muted, ready to be compared. Written with
 * the project's RPP writer (src/rpp/parse.ts); paths are relative to the session.
 */
import path from 'node:path';
import { audioTrack, guidFor, itemNode, projectRpp, relativeTo, sessionRenderFile, takeLines } from './export.js';
import type { WriteNode } from './parse.js';

export interface ReampSessionOptions {
  sessionFile: string;
  rig: string;
  dis: { di: string; prints: { file: string; name: string }[]; sampleRate: number; frames: number }[];
}

export function buildReampSession(o: ReampSessionOptions): string {
  const rel = relativeTo(o.sessionFile);
  const rate = o.dis[0]?.sampleRate ?? 48000;
  let id = 0;
  const item = (file: string, name: string, seconds: number): WriteNode =>
    itemNode({
      positionSeconds: 0,
      lengthSeconds: seconds,
      iguid: guidFor('reamp-item', file),
      iid: ++id,
      takes: [takeLines({ name, gain: 1, offsetSeconds: 0, guid: guidFor('reamp-take', file), file: rel(file) })],
    });
  const track = (name: string, muted: boolean, child: WriteNode): WriteNode =>
    audioTrack(guidFor('reamp-track', name, String(id)), name, muted, [child]);
  const tracks: WriteNode[] = [];
  for (const d of o.dis) {
    const base = path.basename(d.di, path.extname(d.di));
    const seconds = d.frames / d.sampleRate;
    tracks.push(track(`${base} DI`, true, item(d.di, path.basename(d.di), seconds)));
    const playing = d.prints.findIndex((p) => p.name.includes('blend'));
    d.prints.forEach((p, k) =>
      tracks.push(
        track(`${base} ${p.name}`, k !== (playing >= 0 ? playing : 0), item(p.file, path.basename(p.file), seconds)),
      ),
    );
  }
  return projectRpp({ sampleRate: rate, renderFile: sessionRenderFile(o.sessionFile), tracks });
}
