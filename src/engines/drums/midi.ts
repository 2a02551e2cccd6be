/**
 * Drum hits as a Standard MIDI File (issue 13): format 0, one track, channel 10 (status 0x99),
 * General MIDI drum notes, the hits' velocities, the tempo when it is known (a tempo meta event;
 * without one a reader assumes 120 BPM, and the ticks are placed at 120 BPM). Also the reader the
 * MIDI humanizer needs: note events of any SMF with their absolute ticks.
 */

/** General MIDI percussion notes (channel 10). */
export const GM_DRUM_NOTES = {
  kick: 36,
  snare: 38,
  hihat: 42,
  openHihat: 46,
  lowTom: 45,
  midTom: 47,
  highTom: 50,
  crash: 49,
  ride: 51,
  percussion: 39,
} as const;

export const MIDI_PPQ = 960;
/** Length of each drum note (a drum's note-off carries no meaning; GM players ignore it). */
const NOTE_TICKS = MIDI_PPQ / 8;

export interface MidiHit {
  timeSeconds: number;
  note: number;
  velocity: number;
}

function varLen(n: number): number[] {
  const bytes = [n & 0x7f];
  while ((n = Math.floor(n / 128)) > 0) bytes.unshift((n & 0x7f) | 0x80);
  return bytes;
}

/** Seconds → ticks at `bpm` (PPQ 960). */
export const ticksAt = (seconds: number, bpm: number): number => Math.round((seconds * bpm * MIDI_PPQ) / 60);

/** The SMF bytes of `hits` (any order) at `bpm`; `bpm` null writes no tempo event (readers assume 120). */
export function drumMidi(hits: readonly MidiHit[], bpm: number | null, name = 'shub drums'): Buffer {
  const tempo = bpm ?? 120;
  const events: { tick: number; order: number; bytes: number[] }[] = [];
  for (const h of hits) {
    const tick = ticksAt(h.timeSeconds, tempo);
    const v = Math.max(1, Math.min(127, Math.round(h.velocity)));
    events.push({ tick, order: 1, bytes: [0x99, h.note & 0x7f, v] });
    events.push({ tick: tick + NOTE_TICKS, order: 0, bytes: [0x89, h.note & 0x7f, 0] });
  }
  events.sort((a, b) => a.tick - b.tick || a.order - b.order);
  const body: number[] = [];
  const title = Buffer.from(name, 'utf8');
  body.push(0, 0xff, 0x03, ...varLen(title.length), ...title);
  if (bpm !== null) {
    const us = Math.round(60_000_000 / bpm);
    body.push(0, 0xff, 0x51, 3, (us >> 16) & 0xff, (us >> 8) & 0xff, us & 0xff);
  }
  let last = 0;
  for (const e of events) {
    body.push(...varLen(e.tick - last), ...e.bytes);
    last = e.tick;
  }
  body.push(0, 0xff, 0x2f, 0);
  const head = Buffer.alloc(14);
  head.write('MThd', 0, 'latin1');
  head.writeUInt32BE(6, 4);
  head.writeUInt16BE(0, 8);
  head.writeUInt16BE(1, 10);
  head.writeUInt16BE(MIDI_PPQ, 12);
  const trk = Buffer.alloc(8);
  trk.write('MTrk', 0, 'latin1');
  trk.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, trk, Buffer.from(body)]);
}

/** One note-on of a parsed SMF, with where its bytes are (the humanizer rewrites them in place). */
export interface MidiNoteOn {
  track: number;
  tick: number;
  note: number;
  velocity: number;
  channel: number;
}

export interface ParsedMidi {
  format: number;
  ppq: number;
  /** Microseconds per quarter at tick 0 (500000 when there is no tempo event). */
  usPerQuarter: number;
  tracks: { events: { tick: number; bytes: number[] }[] }[];
}

/** Reads an SMF (formats 0 and 1, PPQ timing); throws Error with what is wrong. */
export function parseMidi(buf: Uint8Array): ParsedMidi {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 14 || b.toString('latin1', 0, 4) !== 'MThd') throw new Error('not a Standard MIDI File (no MThd)');
  const format = b.readUInt16BE(8);
  const ntracks = b.readUInt16BE(10);
  const division = b.readUInt16BE(12);
  if (division & 0x8000) throw new Error('SMPTE time division is not supported');
  let at = 8 + b.readUInt32BE(4);
  let usPerQuarter = 500000;
  const tracks: ParsedMidi['tracks'] = [];
  for (let t = 0; t < ntracks; t++) {
    if (at + 8 > b.length || b.toString('latin1', at, at + 4) !== 'MTrk') throw new Error(`track ${t + 1} is missing`);
    const end = at + 8 + b.readUInt32BE(at + 4);
    if (end > b.length) throw new Error(`track ${t + 1} runs past the end of the file`);
    let p = at + 8;
    let tick = 0;
    let status = 0;
    const events: { tick: number; bytes: number[] }[] = [];
    const readVar = () => {
      let v = 0;
      for (let k = 0; k < 4; k++) {
        if (p >= end) throw new Error(`track ${t + 1} ends inside a number`);
        const c = b[p++]!;
        v = v * 128 + (c & 0x7f);
        if (!(c & 0x80)) return v;
      }
      throw new Error(`track ${t + 1}: a number longer than 4 bytes`);
    };
    while (p < end) {
      tick += readVar();
      let s = b[p]!;
      if (s & 0x80) p++;
      else if (status) s = status;
      else throw new Error(`track ${t + 1}: running status without a status byte`);
      if (s === 0xff) {
        const type = b[p++]!;
        const len = readVar();
        const data = [...b.subarray(p, p + len)];
        if (type === 0x51 && len === 3 && tick === 0) usPerQuarter = (data[0]! << 16) | (data[1]! << 8) | data[2]!;
        events.push({ tick, bytes: [0xff, type, ...varLen(len), ...data] });
        p += len;
      } else if (s === 0xf0 || s === 0xf7) {
        const len = readVar();
        events.push({ tick, bytes: [s, ...varLen(len), ...b.subarray(p, p + len)] });
        p += len;
      } else {
        status = s;
        const n = (s & 0xf0) === 0xc0 || (s & 0xf0) === 0xd0 ? 1 : 2;
        events.push({ tick, bytes: [s, ...b.subarray(p, p + n)] });
        p += n;
      }
    }
    tracks.push({ events });
    at = end;
  }
  return { format, ppq: division, usPerQuarter, tracks };
}

/** Writes a parsed SMF back (events re-sorted by tick within each track; end-of-track last). */
export function writeParsedMidi(m: ParsedMidi): Buffer {
  const chunks: Buffer[] = [];
  const head = Buffer.alloc(14);
  head.write('MThd', 0, 'latin1');
  head.writeUInt32BE(6, 4);
  head.writeUInt16BE(m.format, 8);
  head.writeUInt16BE(m.tracks.length, 10);
  head.writeUInt16BE(m.ppq, 12);
  chunks.push(head);
  for (const t of m.tracks) {
    const isEnd = (e: { bytes: number[] }) => e.bytes[0] === 0xff && e.bytes[1] === 0x2f;
    const events = t.events
      .map((e, i) => ({ ...e, i }))
      .filter((e) => !isEnd(e))
      .sort((a, b) => a.tick - b.tick || a.i - b.i);
    const lastTick = Math.max(0, ...t.events.map((e) => e.tick), ...events.map((e) => e.tick));
    const body: number[] = [];
    let last = 0;
    for (const e of events) {
      body.push(...varLen(e.tick - last), ...e.bytes);
      last = e.tick;
    }
    body.push(...varLen(lastTick - last), 0xff, 0x2f, 0);
    const trk = Buffer.alloc(8);
    trk.write('MTrk', 0, 'latin1');
    trk.writeUInt32BE(body.length, 4);
    chunks.push(trk, Buffer.from(body));
  }
  return Buffer.concat(chunks);
}
