/** What a probe learns about an audio file without decoding it (SPEC §5 `format`). */

/** Speaker positions, as in WAVE_FORMAT_EXTENSIBLE's channel mask and ffmpeg's layouts. */
export type Speaker =
  | 'FL'
  | 'FR'
  | 'FC'
  | 'LFE'
  | 'BL'
  | 'BR'
  | 'FLC'
  | 'FRC'
  | 'BC'
  | 'SL'
  | 'SR'
  | 'TC'
  | 'TFL'
  | 'TFC'
  | 'TFR'
  | 'TBL'
  | 'TBC'
  | 'TBR'
  | 'UNKNOWN';

export interface AudioFormat {
  /** Container: `wav`, `rf64`, or ffmpeg's demuxer name (`flac`, `mp3`, `mp4`, `ogg`, `aiff`, …). */
  container: string;
  /** ffmpeg-style codec name: `pcm_s24le`, `pcm_f32le`, `flac`, `mp3`, `aac`, `opus`, … */
  codec: string;
  /** Hz. */
  sampleRate: number;
  channels: number;
  /** Bits per sample of the stored samples; null for lossy codecs. */
  bitDepth: number | null;
  /** Sample frames (one sample per channel); null when the container does not say. */
  frames: number | null;
  durationSeconds: number | null;
  /** Speaker of each channel, in stream order. */
  speakers: Speaker[];
}

/** Default speaker order for a channel count when the file does not say (WAV order). */
export function defaultSpeakers(channels: number): Speaker[] {
  const layouts: Record<number, Speaker[]> = {
    1: ['FC'],
    2: ['FL', 'FR'],
    3: ['FL', 'FR', 'FC'],
    4: ['FL', 'FR', 'BL', 'BR'],
    5: ['FL', 'FR', 'FC', 'BL', 'BR'],
    6: ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR'],
    7: ['FL', 'FR', 'FC', 'LFE', 'BC', 'SL', 'SR'],
    8: ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR', 'SL', 'SR'],
  };
  return layouts[channels] ?? Array.from({ length: channels }, () => 'UNKNOWN' as const);
}

/** Accepted ranges (SPEC §3). */
export const SAMPLE_RATE_RANGE_HZ = [8000, 384000] as const;
export const CHANNEL_RANGE = [1, 8] as const;
