/**
 * A MIDI guide melody: a Standard MIDI File (format 0 or 1) read into notes in seconds through
 * its tempo map (running status, meta and sysex events handled; PPQ time division only). Pure:
 * bytes in, notes out; a file that is not SMF throws GuideError with what is wrong.
 */
import type { GuideNote } from './measures.js';

export class GuideError extends Error {}

export function readMidiNotes(bytes: Uint8Array): GuideNote[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 14 || text(0) !== 'MThd') throw new GuideError('is not a Standard MIDI File (no MThd header)');
  const headerLen = view.getUint32(4);
  const tracks = view.getUint16(10);
  const division = view.getUint16(12);
  if (division & 0x8000) throw new GuideError('uses SMPTE time division; export it with ticks per quarter note');
  const ppq = division;
  let pos = 8 + headerLen;
  const tempo: { tick: number; usPerQuarter: number }[] = [];
  const raw: { tick: number; on: boolean; key: number; channel: number }[] = [];
  for (let t = 0; t < tracks && pos + 8 <= bytes.length; t++) {
    if (text(pos) !== 'MTrk') throw new GuideError(`track ${t + 1} does not start with MTrk`);
    const len = view.getUint32(pos + 4);
    let p = pos + 8;
    const end = Math.min(bytes.length, p + len);
    let tick = 0;
    let status = 0;
    const varLen = () => {
      let v = 0;
      for (let k = 0; k < 4; k++) {
        if (p >= end) throw new GuideError('ends inside a event');
        const b = bytes[p++]!;
        v = (v << 7) | (b & 0x7f);
        if (!(b & 0x80)) return v;
      }
      throw new GuideError('has a variable-length number longer than 4 bytes');
    };
    while (p < end) {
      tick += varLen();
      let b = bytes[p]!;
      if (b & 0x80) {
        p++;
        if (b < 0xf0) status = b;
      } else {
        if (!status) throw new GuideError('has running status before any status byte');
        b = status;
      }
      if (b === 0xff) {
        const type = bytes[p++]!;
        const l = varLen();
        if (type === 0x51 && l === 3)
          tempo.push({ tick, usPerQuarter: (bytes[p]! << 16) | (bytes[p + 1]! << 8) | bytes[p + 2]! });
        p += l;
        continue;
      }
      if (b === 0xf0 || b === 0xf7) {
        p += varLen();
        continue;
      }
      const type = b & 0xf0;
      const channel = b & 0x0f;
      const d1 = bytes[p++]!;
      const d2 = type === 0xc0 || type === 0xd0 ? 0 : bytes[p++]!;
      if (type === 0x90 && d2 > 0) raw.push({ tick, on: true, key: d1, channel });
      else if (type === 0x80 || (type === 0x90 && d2 === 0)) raw.push({ tick, on: false, key: d1, channel });
    }
    pos = end;
  }
  tempo.sort((a, b) => a.tick - b.tick);
  const seconds = (tick: number) => {
    let s = 0;
    let last = 0;
    let us = 500000;
    for (const e of tempo) {
      if (e.tick >= tick) break;
      s += ((e.tick - last) * us) / ppq / 1e6;
      last = e.tick;
      us = e.usPerQuarter;
    }
    return s + ((tick - last) * us) / ppq / 1e6;
  };
  raw.sort((a, b) => a.tick - b.tick || Number(a.on) - Number(b.on));
  // notes of one pitch and channel that overlap (a note-on before the previous one's note-off) are paired
  // first in, first out: each note-off ends the oldest note still sounding (a later note-on must not
  // replace an earlier one: that lost the first note and cut the second short at the first's note-off)
  const open = new Map<string, number[]>();
  const notes: GuideNote[] = [];
  for (const e of raw) {
    const id = `${e.channel}:${e.key}`;
    const queue = open.get(id);
    if (e.on) {
      if (queue) queue.push(e.tick);
      else open.set(id, [e.tick]);
    } else if (queue?.length) {
      const on = queue.shift()!;
      notes.push({ onSeconds: seconds(on), offSeconds: seconds(e.tick), midi: e.key });
    }
  }
  notes.sort((a, b) => a.onSeconds - b.onSeconds);
  if (notes.length === 0) throw new GuideError('holds no notes');
  return notes;
}
