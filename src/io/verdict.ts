/**
 * The one verdict on what was read from an input (issue 18 points 3–4): how short of its declared
 * length a file may end, which sample values are suspicious and which make it unreadable. Every
 * command reads through openAudio (src/io/audio.ts), which applies these rules, so the same file
 * gets the same verdict in analyze, validate, master, mix and render.
 */
import { InputError } from '../errors.js';
import { native } from '../native.js';

/** The declared limits of the reading verdict, each with its unit. */
export const READ_LIMITS = {
  /**
   * A decode may end this many sample frames short of the length the container declares without a
   * word [frames]: codecs trim encoder delay and padding (MP3 1152, AAC 1024 + 2048 priming, Vorbis
   * blocks up to 8192). WAV sizes are exact: there any shortfall is reported.
   */
  codecSlackFrames: 8192,
  /**
   * Reading less than this fraction of the declared length is an error (exit 3); a smaller
   * shortfall is a warning that says how much was read [0–1].
   */
  minReadFraction: 0.9,
  /** Finite samples above this level are counted in a warning: float data that is hot or unscaled [dBFS]. */
  warnAboveDbfs: 24,
  /**
   * Samples above this level, like NaN/Inf, make the file unreadable (exit 3): no float master is
   * 10,000 times full scale, and the DSP's gain range (±120 dB) cannot bring it back [dBFS].
   */
  errorAboveDbfs: 80,
} as const;

/** A duration for messages: "2.04 s", or "12:03.5" above a minute. */
export function seconds(frames: number, sampleRate: number): string {
  const s = frames / sampleRate;
  if (s < 60) return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m}:${(s - 60 * m).toFixed(1).padStart(4, '0')}`;
}

export interface LengthCheck {
  file: string;
  sampleRate: number;
  /** Frames the container declares (null: it does not say). */
  declaredFrames: number | null;
  /** Frames actually read. */
  readFrames: number;
  /** Frames the decoder may fall short without a word (0 for WAV). */
  slackFrames: number;
  /** The declared length is ffmpeg's estimate from the bitrate, not a header field. */
  estimated?: boolean;
  /** The decoder complained while decoding (ffmpeg error lines). */
  complained?: boolean;
}

/**
 * The verdict on a read's length: throws InputError for no audio or far less than declared, returns
 * a warning (or null) for a small shortfall.
 */
export function judgeLength(c: LengthCheck): string | null {
  if (c.readFrames === 0) {
    const declared = c.declaredFrames ? ` of the ${seconds(c.declaredFrames, c.sampleRate)} its header declares` : '';
    throw new InputError(
      c.file,
      `no audio could be read (0 sample frames${declared}); the file is damaged, re-export it`,
    );
  }
  if (c.declaredFrames === null) return null;
  const short = c.declaredFrames - c.readFrames;
  if (short <= c.slackFrames) return null;
  const read = `${seconds(c.readFrames, c.sampleRate)} of the ${seconds(c.declaredFrames, c.sampleRate)}`;
  const far = c.readFrames < READ_LIMITS.minReadFraction * c.declaredFrames;
  // an estimate from the bitrate is a guess: a short read is damage only when the decoder also complained
  if (far && (!c.estimated || c.complained)) {
    throw new InputError(
      c.file,
      `only ${read} its header declares could be read (${percent(c.readFrames, c.declaredFrames)}; truncated or ` +
        'damaged); re-export it or copy it again',
    );
  }
  if (c.estimated && !c.complained) return null;
  return `${c.file}: read ${read} its header declares (${percent(c.readFrames, c.declaredFrames)}); the end is missing`;
}

function percent(part: number, whole: number): string {
  return `${Math.floor((1000 * part) / whole) / 10} %`;
}

/** Counts suspicious samples in float blocks (NaN/Inf, above the warning and error levels). */
export class SampleCheck {
  nonFinite = 0;
  hot = 0;
  huge = 0;
  peak = 0;
  firstBadFrame = -1;
  private framesSeen = 0;
  private readonly warnAbove = 10 ** (READ_LIMITS.warnAboveDbfs / 20);
  private readonly errorAbove = 10 ** (READ_LIMITS.errorAboveDbfs / 20);

  constructor(
    readonly file: string,
    readonly sampleRate: number,
    readonly channels: number,
  ) {}

  /** Scans one block of interleaved little-endian floats (f32 or f64). */
  scan(pcm: Buffer, format: 'f32' | 'f64'): void {
    const width = format === 'f32' ? 4 : 8;
    const n = Math.floor(pcm.length / width);
    const aligned = pcm.byteOffset % width === 0;
    const src = aligned ? pcm : Buffer.from(pcm);
    const v =
      format === 'f32'
        ? new Float32Array(src.buffer, src.byteOffset, n)
        : new Float64Array(src.buffer, src.byteOffset, n);
    const warnAbove = this.warnAbove;
    const skip = native().firstFloatOutside;
    // the samples within ±warnAbove (the common case; NaN fails the test too) skipped natively; from a sample
    // outside on, this loop, back to the native skip after 64 samples within
    for (let i = skip(v, 0, warnAbove); i < n; i = i < n ? skip(v, i, warnAbove) : n) {
      for (let calm = 0; i < n && calm < 64; i++) {
        const x = v[i]!;
        if (x <= warnAbove && x >= -warnAbove) {
          calm++;
          continue;
        }
        calm = 0;
        const a = Math.abs(x);
        if (!Number.isFinite(a)) this.nonFinite++;
        else {
          if (a > this.peak) this.peak = a;
          if (a > this.errorAbove) this.huge++;
          else this.hot++;
          if (a <= this.errorAbove) continue;
        }
        if (this.firstBadFrame < 0) this.firstBadFrame = this.framesSeen + Math.floor(i / this.channels);
      }
    }
    this.framesSeen += Math.floor(n / this.channels);
  }

  /** True once a sample that makes the file unreadable was seen. */
  get fatal(): boolean {
    return this.nonFinite > 0 || this.huge > 0;
  }

  /** The InputError for a fatal file (after the whole file was scanned, so the counts are complete). */
  error(): InputError {
    const at = `first at ${(this.firstBadFrame / this.sampleRate).toFixed(3)} s`;
    const what =
      this.nonFinite > 0
        ? `${this.nonFinite} NaN/Inf sample${this.nonFinite === 1 ? '' : 's'}` +
          (this.huge > 0 ? ` and ${this.huge} above +${READ_LIMITS.errorAboveDbfs} dBFS` : '') +
          ` (${at})`
        : `${this.huge} sample${this.huge === 1 ? '' : 's'} above +${READ_LIMITS.errorAboveDbfs} dBFS ` +
          `(peak ${dbfs(this.peak)}, ${at})`;
    return new InputError(this.file, `contains ${what}; the float data is corrupt, re-export it`);
  }

  /** The warning for hot but usable samples, or null. */
  warning(): string | null {
    if (this.hot === 0) return null;
    return (
      `${this.file}: ${this.hot} sample${this.hot === 1 ? '' : 's'} above +${READ_LIMITS.warnAboveDbfs} dBFS ` +
      `(peak ${dbfs(this.peak)}); the float data is unusually hot or not scaled to ±1.0, check the export`
    );
  }
}

function dbfs(linear: number): string {
  const db = 20 * Math.log10(linear);
  return `${db >= 0 ? '+' : ''}${db.toFixed(1)} dBFS`;
}

type Sink = (message: string) => void;
let defaultSink: Sink | undefined;

/**
 * Where openAudio sends the warnings it finds when its caller passes no `onWarning`: the CLI
 * session's stderr. Each message is shown once per sink (a file read twice warns once).
 */
export function setReadWarningSink(sink: Sink | undefined): void {
  defaultSink = sink ? once(sink) : undefined;
}

const onceBySink = new WeakMap<Sink, Sink>();

/** `sink`, deduplicated (the same text goes through once). */
export function once(sink: Sink): Sink {
  let wrapped = onceBySink.get(sink);
  if (!wrapped) {
    const seen = new Set<string>();
    wrapped = (m: string) => {
      if (seen.has(m)) return;
      seen.add(m);
      sink(m);
    };
    onceBySink.set(sink, wrapped);
  }
  return wrapped;
}

/** The sink for one openAudio call: its own, the session's, or none. */
export function warningSink(own?: Sink): Sink | undefined {
  return own ? once(own) : defaultSink;
}
