/**
 * A set of files measured as tracks and as one album: each file through its own level meter and,
 * at the same time, through one meter shared by the whole set, so that the album's integrated
 * loudness gates the blocks of all files together with the one native BS.1770-4 implementation
 * (AES TD1004 album normalization; libebur128's ebur128_loudness_global_multiple does the same
 * with separate states). Blocks that straddle two files are included (a few per boundary; under
 * 0.02 LU against loudgain on 10 s songs, see test/commands/tag.test.ts). The files must share a
 * sample rate and channel count, as one meter needs.
 */
import { InputError, UsageError } from '../../errors.js';
import type { FfmpegChoice } from '../../io/ffmpeg.js';
import type { AudioFormat } from '../../io/format.js';
import type { RunInput } from '../../store/types.js';
import { feedSource } from '../analysis/pipeline.js';
import { createLevelMeter } from './index.js';

export interface TrackLoudness {
  file: string;
  integratedLufs: number;
  /** Largest true peak over the channels, linear. */
  truePeak: number;
  loudnessRangeLu: number | null;
  format: AudioFormat;
  input: RunInput;
}

export interface SetLoudness {
  tracks: TrackLoudness[];
  /** Present when measured as an album. */
  album?: { integratedLufs: number; truePeak: number; loudnessRangeLu: number | null };
}

/** Measures `files` one after the other (with `album`, also as one album). Silent files are an InputError. */
export async function measureSet(files: string[], ffmpeg: FfmpegChoice, album: boolean): Promise<SetLoudness> {
  const { openAudio } = await import('../../io/audio.js');
  const tracks: TrackLoudness[] = [];
  let albumMeter: ReturnType<typeof createLevelMeter> | undefined;
  for (const file of files) {
    const source = await openAudio(file, { ffmpeg });
    try {
      const f = source.format;
      const first = tracks[0];
      if (album && first && (f.sampleRate !== first.format.sampleRate || f.channels !== first.format.channels))
        throw new UsageError(
          `--album: ${file} is ${f.sampleRate} Hz ${f.channels} ch but ${first.file} is ` +
            `${first.format.sampleRate} Hz ${first.format.channels} ch; an album is measured in one meter, which ` +
            'needs one sample rate and channel count (convert them, or run without --album)',
        );
      if (album) albumMeter ??= createLevelMeter(f);
      const meter = createLevelMeter(f);
      await feedSource(source, albumMeter ? [meter, albumMeter] : [meter]);
      const r = meter.result();
      if (r.integratedLufs === null)
        throw new InputError(file, 'has no gated loudness (silent or shorter than 400 ms)');
      const { speakers: _s, ...format } = f;
      tracks.push({
        file,
        integratedLufs: r.integratedLufs,
        truePeak: Math.max(...r.truePeak),
        loudnessRangeLu: r.loudnessRangeLu,
        format: f,
        input: { path: file, sizeBytes: source.sizeBytes, sha256: await source.sha256(), format },
      });
    } finally {
      await source.close();
    }
  }
  if (!albumMeter) return { tracks };
  const a = albumMeter.result();
  if (a.integratedLufs === null) throw new UsageError('--album: the files together have no gated loudness');
  return {
    tracks,
    album: {
      integratedLufs: a.integratedLufs,
      truePeak: Math.max(...tracks.map((t) => t.truePeak)),
      loudnessRangeLu: a.loudnessRangeLu,
    },
  };
}
