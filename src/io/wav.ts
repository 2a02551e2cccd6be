/**
 * The project's own WAV reader: RIFF/WAVE and RF64/BW64, PCM 8/16/24/32-bit, IEEE float 32/64,
 * WAVE_FORMAT_EXTENSIBLE (channel mask → speakers). Only the header is parsed here; the sample
 * bytes are handed to the native decoder in blocks (src/io/audio.ts).
 */
import type { FileHandle } from 'node:fs/promises';
import type { PcmFormat } from '../native.js';
import { InputError } from '../errors.js';
import { defaultSpeakers, type AudioFormat, type Speaker } from './format.js';
import { seconds } from './verdict.js';

export interface WavLayout {
  format: AudioFormat;
  pcmFormat: PcmFormat;
  /** Byte offset of the first sample frame. */
  dataOffset: number;
  /** Bytes of sample data, a whole number of frames. */
  dataBytes: number;
  /** Bytes per frame. */
  blockAlign: number;
  /** Bytes after the last whole frame that were ignored (a torn final frame). */
  ignoredTailBytes: number;
  /** What the header says that the reader should know (a torn frame, a short or streamed file), one line each. */
  warnings: string[];
}

/** Result of sniffing: a WAV we decode ourselves, or something for ffmpeg. */
export type WavSniff = { kind: 'wav'; layout: WavLayout } | { kind: 'other'; reason: string };

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export const MASK_SPEAKERS: Speaker[] = [
  'FL',
  'FR',
  'FC',
  'LFE',
  'BL',
  'BR',
  'FLC',
  'FRC',
  'BC',
  'SL',
  'SR',
  'TC',
  'TFL',
  'TFC',
  'TFR',
  'TBL',
  'TBC',
  'TBR',
];

const HEADER_PROBE_BYTES = 64 * 1024;
/**
 * Chunks walked before the audio, at most [count]. Real files have a handful (fmt, bext, iXML,
 * LIST, JUNK, ds64…); a header of thousands is damaged or hostile and would cost a read each.
 */
export const MAX_HEADER_CHUNKS = 1024;

function fourcc(buf: Buffer, at: number): string {
  return buf.toString('latin1', at, at + 4);
}

/**
 * Reads the header of `file` (already open as `fh`, `fileBytes` long). Returns `other` when the
 * bytes are not RIFF/RF64 WAVE or use a codec only ffmpeg decodes (ADPCM, µ-law, MP3-in-WAV…);
 * throws InputError for a WAV that is damaged.
 */
export async function sniffWav(fh: FileHandle, file: string, fileBytes: number): Promise<WavSniff> {
  if (fileBytes === 0)
    throw new InputError(file, 'the file is empty (0 bytes); re-export it or remove it from the batch');
  const head = Buffer.alloc(Math.min(HEADER_PROBE_BYTES, fileBytes));
  await fh.read(head, 0, head.length, 0);
  if (head.length < 12) return { kind: 'other', reason: 'too short for a WAV header' };
  const riff = fourcc(head, 0);
  if ((riff !== 'RIFF' && riff !== 'RF64' && riff !== 'BW64') || fourcc(head, 8) !== 'WAVE') {
    return { kind: 'other', reason: 'no RIFF/WAVE header' };
  }
  const isRf64 = riff !== 'RIFF';

  let ds64DataBytes: number | undefined;
  let fmt: Buffer | undefined;
  let dataOffset: number | undefined;
  let dataDeclared: number | undefined;
  let pos = 12;
  let chunkHeader = Buffer.alloc(8);
  for (let chunks = 0; pos + 8 <= fileBytes; chunks++) {
    if (chunks === MAX_HEADER_CHUNKS) {
      throw new InputError(
        file,
        `WAV header has more than ${MAX_HEADER_CHUNKS} chunks before its audio (damaged or not a real WAV); ` +
          `re-export it`,
      );
    }
    if (pos + 8 <= head.length) chunkHeader = head.subarray(pos, pos + 8);
    else {
      chunkHeader = Buffer.alloc(8);
      await fh.read(chunkHeader, 0, 8, pos);
    }
    const id = fourcc(chunkHeader, 0);
    const size = chunkHeader.readUInt32LE(4);
    const body = pos + 8;
    if (id === 'data') {
      dataOffset = body;
      dataDeclared = isRf64 && size === 0xffffffff && ds64DataBytes !== undefined ? ds64DataBytes : size;
      break;
    }
    if (body + size > fileBytes) {
      throw new InputError(
        file,
        `WAV header is truncated (the '${id.trim()}' chunk runs past the end of the file); re-export or re-copy the ` +
          `file`,
      );
    }
    if (id === 'fmt ') {
      fmt = Buffer.alloc(size);
      await fh.read(fmt, 0, size, body);
    } else if (id === 'ds64' && size >= 16) {
      const ds64 = Buffer.alloc(16);
      await fh.read(ds64, 0, 16, body);
      ds64DataBytes = Number(ds64.readBigUInt64LE(8));
    }
    pos = body + size + (size & 1);
  }
  if (!fmt)
    throw new InputError(file, "WAV file has no 'fmt ' chunk before its data (truncated or damaged); re-export it");
  if (dataOffset === undefined || dataDeclared === undefined) {
    throw new InputError(file, "WAV file has no 'data' chunk (truncated or damaged); re-export it");
  }
  if (fmt.length < 16)
    throw new InputError(file, `WAV 'fmt ' chunk is ${fmt.length} bytes, expected at least 16; the header is damaged`);

  let formatTag = fmt.readUInt16LE(0);
  const channels = fmt.readUInt16LE(2);
  const sampleRate = fmt.readUInt32LE(4);
  const blockAlign = fmt.readUInt16LE(12);
  const bitsPerSample = fmt.readUInt16LE(14);
  let validBits = bitsPerSample;
  let speakers: Speaker[] | undefined;
  if (formatTag === WAVE_FORMAT_EXTENSIBLE) {
    if (fmt.length < 40)
      throw new InputError(file, 'WAVE_FORMAT_EXTENSIBLE header is shorter than 40 bytes; the header is damaged');
    validBits = fmt.readUInt16LE(18) || bitsPerSample;
    const mask = fmt.readUInt32LE(20);
    formatTag = fmt.readUInt16LE(24);
    const fromMask = MASK_SPEAKERS.filter((_, bit) => (mask >>> bit) & 1);
    if (fromMask.length === channels) speakers = fromMask;
  }
  if (formatTag !== WAVE_FORMAT_PCM && formatTag !== WAVE_FORMAT_IEEE_FLOAT) {
    return { kind: 'other', reason: `WAV codec tag 0x${formatTag.toString(16).padStart(4, '0')}` };
  }
  if (channels === 0) throw new InputError(file, 'WAV header declares 0 channels; the header is damaged');
  if (sampleRate === 0) throw new InputError(file, 'WAV header declares a sample rate of 0 Hz; the header is damaged');

  const pcmFormat = pcmFormatFor(formatTag, bitsPerSample);
  if (!pcmFormat) {
    throw new InputError(
      file,
      `unsupported WAV sample format: ${formatTag === WAVE_FORMAT_IEEE_FLOAT ? 'float' : 'PCM'} ` +
        `${bitsPerSample}-bit; convert it to 16/24/32-bit PCM or 32-bit float`,
    );
  }
  const bytesPerSample = bitsPerSample / 8;
  if (blockAlign !== bytesPerSample * channels) {
    throw new InputError(
      file,
      `WAV header is inconsistent (block align ${blockAlign} for ${channels} × ${bitsPerSample}-bit); the header is ` +
        `damaged`,
    );
  }
  const available = fileBytes - dataOffset;
  const warnings: string[] = [];
  const duration = (bytes: number) => seconds(Math.floor(bytes / blockAlign), sampleRate);
  let dataBytes = dataDeclared;
  if (dataDeclared === 0xffffffff) {
    // a writer that could not seek back (a pipe) leaves the size at -1: the audio runs to the end
    dataBytes = available;
    warnings.push(
      `${file}: the WAV header does not give the length of the audio (written to a pipe?); read the ` +
        `${duration(available)} up to the end of the file`,
    );
  } else if (dataDeclared > available) {
    const availableFrames = Math.floor(available / blockAlign);
    // read up to the end with a warning, as ffmpeg, sox and loudgain do (issue 17 point 9); nothing at all is an error
    if (availableFrames === 0) {
      throw new InputError(
        file,
        `WAV header declares ${dataDeclared} bytes of audio but the file holds only ${available} ` +
          `(${duration(available)} of ${duration(dataDeclared)}: truncated or damaged); re-export it or repair ` +
          `the header keeping its bit depth, e.g. \`ffmpeg -i ${file} -c copy repaired.wav\``,
      );
    }
    dataBytes = availableFrames * blockAlign;
    warnings.push(
      `${file}: read ${duration(available)} of the ${duration(dataDeclared)} its WAV header declares ` +
        `(${available} of ${dataDeclared} bytes; the end is missing)`,
    );
  } else {
    const stale = await staleDataSize(fh, dataOffset + dataDeclared + (dataDeclared & 1), fileBytes);
    if (stale > 0) {
      warnings.push(
        `${file}: ${stale} bytes after the audio are not a WAV chunk (a header not updated when recording ` +
          `stopped?); read only the ${duration(dataDeclared)} its data chunk declares`,
      );
    }
  }
  const frames = Math.floor(dataBytes / blockAlign);
  const ignoredTailBytes = dataBytes === dataDeclared ? dataDeclared - frames * blockAlign : 0;
  if (ignoredTailBytes > 0)
    warnings.push(`${file}: ignored ${ignoredTailBytes} bytes after the last whole sample frame`);
  return {
    kind: 'wav',
    layout: {
      pcmFormat,
      dataOffset,
      dataBytes: frames * blockAlign,
      blockAlign,
      ignoredTailBytes,
      warnings,
      format: {
        container: isRf64 ? 'rf64' : 'wav',
        codec: codecName(pcmFormat),
        sampleRate,
        channels,
        bitDepth: pcmFormat === 'f32' || pcmFormat === 'f64' ? bitsPerSample : Math.min(validBits, bitsPerSample),
        frames,
        durationSeconds: frames / sampleRate,
        speakers: speakers ?? defaultSpeakers(channels),
      },
    },
  };
}

/**
 * Bytes after the data chunk that are not a chunk (so more audio, most likely, behind a size that
 * was never updated); 0 when the rest is chunks (LIST, id3…), an appended ID3 tag, a pad byte or nothing.
 */
async function staleDataSize(fh: FileHandle, end: number, fileBytes: number): Promise<number> {
  const rest = fileBytes - end;
  if (rest < 8) return 0;
  const head = Buffer.alloc(8);
  await fh.read(head, 0, 8, end);
  const tag = head.toString('latin1', 0, 3);
  if ((rest === 128 && tag === 'TAG') || tag === 'ID3') return 0; // ID3v1/v2 tags appended by taggers
  const printable = [0, 1, 2, 3].every((i) => head[i]! >= 0x20 && head[i]! <= 0x7e);
  return printable && head.readUInt32LE(4) <= rest - 8 ? 0 : rest;
}

function pcmFormatFor(tag: number, bits: number): PcmFormat | undefined {
  if (tag === WAVE_FORMAT_IEEE_FLOAT) return bits === 32 ? 'f32' : bits === 64 ? 'f64' : undefined;
  return ({ 8: 'u8', 16: 's16', 24: 's24', 32: 's32' } as const)[bits as 8 | 16 | 24 | 32];
}

function codecName(f: PcmFormat): string {
  return { u8: 'pcm_u8', s16: 'pcm_s16le', s24: 'pcm_s24le', s32: 'pcm_s32le', f32: 'pcm_f32le', f64: 'pcm_f64le' }[f];
}

export interface WavHeaderSpec {
  sampleRate: number;
  channels: number;
  format: PcmFormat;
  /** Bytes of sample data that will follow the header. */
  dataBytes: number;
  /** Write WAVE_FORMAT_EXTENSIBLE with this channel mask (and valid bits). */
  extensible?: { channelMask: number; validBits?: number };
  /** Write an RF64 header (ds64 chunk), as needed above 4 GiB. */
  rf64?: boolean;
}

const FORMAT_BITS: Record<PcmFormat, number> = { u8: 8, s16: 16, s24: 24, s32: 32, f32: 32, f64: 64 };

/** The bytes of a canonical WAV header for `spec` (data chunk header included; pad byte not). */
export function wavHeader(spec: WavHeaderSpec): Buffer {
  const bits = FORMAT_BITS[spec.format];
  const isFloat = spec.format === 'f32' || spec.format === 'f64';
  const blockAlign = (bits / 8) * spec.channels;
  const fmtSize = spec.extensible ? 40 : 16;
  const ds64Size = spec.rf64 ? 8 + 28 : 0;
  const headerBytes = 12 + ds64Size + 8 + fmtSize + 8;
  const h = Buffer.alloc(headerBytes);
  const riffSize = headerBytes - 8 + spec.dataBytes + (spec.dataBytes & 1);
  let p = 0;
  h.write(spec.rf64 ? 'RF64' : 'RIFF', p, 'latin1');
  h.writeUInt32LE(spec.rf64 ? 0xffffffff : riffSize, p + 4);
  h.write('WAVE', p + 8, 'latin1');
  p += 12;
  if (spec.rf64) {
    h.write('ds64', p, 'latin1');
    h.writeUInt32LE(28, p + 4);
    h.writeBigUInt64LE(BigInt(riffSize), p + 8);
    h.writeBigUInt64LE(BigInt(spec.dataBytes), p + 16);
    h.writeBigUInt64LE(BigInt(spec.dataBytes / blockAlign), p + 24);
    h.writeUInt32LE(0, p + 32);
    p += ds64Size;
  }
  h.write('fmt ', p, 'latin1');
  h.writeUInt32LE(fmtSize, p + 4);
  h.writeUInt16LE(spec.extensible ? WAVE_FORMAT_EXTENSIBLE : isFloat ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM, p + 8);
  h.writeUInt16LE(spec.channels, p + 10);
  h.writeUInt32LE(spec.sampleRate, p + 12);
  h.writeUInt32LE(spec.sampleRate * blockAlign, p + 16);
  h.writeUInt16LE(blockAlign, p + 20);
  h.writeUInt16LE(bits, p + 22);
  if (spec.extensible) {
    h.writeUInt16LE(22, p + 24);
    h.writeUInt16LE(spec.extensible.validBits ?? bits, p + 26);
    h.writeUInt32LE(spec.extensible.channelMask >>> 0, p + 28);
    // SubFormat GUID: the format tag followed by the fixed KSDATAFORMAT suffix
    h.writeUInt16LE(isFloat ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM, p + 32);
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(h, p + 34);
  }
  p += 8 + fmtSize;
  h.write('data', p, 'latin1');
  h.writeUInt32LE(spec.rf64 ? 0xffffffff : spec.dataBytes, p + 4);
  return h;
}
