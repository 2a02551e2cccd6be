/**
 * `shub tag FILES [--album]`: ReplayGain 2.0 tags as loudgain writes them (`loudgain -s e`):
 * REPLAYGAIN_TRACK_GAIN/PEAK/RANGE, with --album REPLAYGAIN_ALBUM_GAIN/PEAK/RANGE, and
 * REPLAYGAIN_REFERENCE_LOUDNESS; Opus files get R128_TRACK_GAIN/R128_ALBUM_GAIN (RFC 7845, Q7.8
 * relative to -23 LUFS) instead. Gains aim at -18 LUFS (ReplayGain 2.0); peaks are true peaks
 * (linear). Loudness is the native BS.1770-4 meter's; the album loudness gates the blocks of all
 * files together in one meter (AES TD1004 album normalization, one gain for the set). The audio
 * is copied unchanged (ffmpeg -c copy) with every existing tag kept, and the tagged file replaces
 * the original atomically: tagging is the one command that rewrites its inputs, as taggers do.
 */
import path from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { RunRecorder } from '../store/run.js';
import type { Decision, RunInput } from '../store/types.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import { envelope, type Reported } from './batch.js';
import type { FfmpegFlag, JsonFlag, StoreFlags } from './options.js';

/** ReplayGain 2.0's reference loudness (and loudgain's default), LUFS. */
export const REPLAYGAIN_REFERENCE_LUFS = -18;
/** RFC 7845 §5.2.1: R128 gains are relative to EBU R128's -23 LUFS. */
export const R128_REFERENCE_LUFS = -23;

export interface TagResult {
  file: string;
  integratedLufs: number;
  trackGainDb: number;
  /** Largest true peak over the channels, linear (1 = full scale). */
  trackPeak: number;
  trackRangeLu: number | null;
  albumLufs?: number;
  albumGainDb?: number;
  albumPeak?: number;
  albumRangeLu?: number | null;
  /** The tags written, as written. */
  tags: Record<string, string>;
}

interface Measured {
  file: string;
  integratedLufs: number;
  truePeak: number;
  rangeLu: number | null;
  input: RunInput;
  container: string;
  codec: string;
}

const dB = (x: number) => `${x.toFixed(2)} dB`;
const peak = (x: number) => x.toFixed(6);
const q78 = (gainDb: number) => String(Math.max(-32768, Math.min(32767, Math.round(gainDb * 256))));

/** How a container carries the tags, or why shub cannot tag it. */
function tagStyle(m: Measured): { streamLevel: boolean; r128: boolean; muxerArgs: string[] } {
  const c = m.container.toLowerCase();
  if (m.codec === 'opus') return { streamLevel: true, r128: true, muxerArgs: [] };
  if (c === 'ogg') return { streamLevel: true, r128: false, muxerArgs: [] };
  if (c === 'flac' || c === 'mp3') return { streamLevel: false, r128: false, muxerArgs: [] };
  throw new UsageError(
    `${m.file}: shub tag writes FLAC, MP3 and Ogg/Opus tags, not ${m.container} (WAV and AIFF have no ` +
      'standard ReplayGain tag; MP4 freeform atoms are not written yet); use loudgain, or convert to FLAC',
  );
}

export interface TagOptions {
  files: string[];
  album: boolean;
  ffmpeg: import('../io/ffmpeg.js').FfmpegChoice;
}

/** Measures every file (and, with `album`, all of them in one meter) and computes the tags. */
export async function computeTags(options: TagOptions): Promise<{ results: TagResult[]; measured: Measured[] }> {
  const { measureSet } = await import('../engines/levels/album.js');
  const set = await measureSet(options.files, options.ffmpeg, options.album);
  const measured: Measured[] = set.tracks.map((t) => ({
    file: t.file,
    integratedLufs: t.integratedLufs,
    truePeak: t.truePeak,
    rangeLu: t.loudnessRangeLu,
    input: t.input,
    container: t.format.container,
    codec: t.format.codec,
  }));
  const album = set.album;
  const albumPeak = album?.truePeak ?? 0;
  const results = measured.map((m): TagResult => {
    const style = tagStyle(m);
    const trackGainDb = REPLAYGAIN_REFERENCE_LUFS - m.integratedLufs;
    const out: TagResult = {
      file: m.file,
      integratedLufs: round2(m.integratedLufs),
      trackGainDb: round2(trackGainDb),
      trackPeak: Number(peak(m.truePeak)),
      trackRangeLu: m.rangeLu === null ? null : round2(m.rangeLu),
      tags: {},
    };
    if (album) {
      out.albumLufs = round2(album.integratedLufs);
      out.albumGainDb = round2(REPLAYGAIN_REFERENCE_LUFS - album.integratedLufs);
      out.albumPeak = Number(peak(albumPeak));
      out.albumRangeLu = album.loudnessRangeLu === null ? null : round2(album.loudnessRangeLu);
    }
    if (style.r128) {
      out.tags.R128_TRACK_GAIN = q78(R128_REFERENCE_LUFS - m.integratedLufs);
      if (album) out.tags.R128_ALBUM_GAIN = q78(R128_REFERENCE_LUFS - album.integratedLufs);
    } else {
      out.tags.REPLAYGAIN_TRACK_GAIN = dB(trackGainDb);
      out.tags.REPLAYGAIN_TRACK_PEAK = peak(m.truePeak);
      out.tags.REPLAYGAIN_TRACK_RANGE = dB(m.rangeLu ?? 0);
      if (album) {
        out.tags.REPLAYGAIN_ALBUM_GAIN = dB(REPLAYGAIN_REFERENCE_LUFS - album.integratedLufs);
        out.tags.REPLAYGAIN_ALBUM_PEAK = peak(albumPeak);
        out.tags.REPLAYGAIN_ALBUM_RANGE = dB(album.loudnessRangeLu ?? 0);
      }
      out.tags.REPLAYGAIN_REFERENCE_LOUDNESS = `${REPLAYGAIN_REFERENCE_LUFS.toFixed(2)} LUFS`;
    }
    return out;
  });
  if (album && album.integratedLufs === null)
    throw new UsageError('--album: the files together have no gated loudness');
  return { results, measured };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// ---- the command line -----------------------------------------------------------------------

export interface TagFlags extends JsonFlag, FfmpegFlag, StoreFlags {
  album?: boolean;
}

export const tagCommand = defineCommand({
  name: 'tag',
  description: 'write ReplayGain 2.0 tags (track, and album with --album) as loudgain does; audio left untouched',
  arguments: [['<files...>', 'FLAC, MP3 or Ogg/Opus files to tag in place']],
  options: (cmd) =>
    cmd.option(
      '-a, --album',
      'also album gain and peak: one loudness over all files (BS.1770 gating of their blocks together)',
    ),
  shared: {
    json: 'print one JSON object per file (values and tags written)',
    ffmpeg: 'reading and tagging',
    store: 'store',
  },
  examples: ['shub tag album/*.flac --album', 'shub tag single.mp3 --json'],
  exitCodes: {
    0: 'tagged',
    2: 'usage error (a format without ReplayGain tags; --album over mixed sample rates)',
    3: 'unreadable or silent input (nothing tagged)',
    4: 'missing ffmpeg or database unreachable',
    5: 'internal',
  },
  note:
    'Tags as `loudgain -s e`: REPLAYGAIN_TRACK_GAIN/PEAK/RANGE, REPLAYGAIN_ALBUM_* with --album, ' +
    'REPLAYGAIN_REFERENCE_LOUDNESS (-18 LUFS); Opus gets R128_TRACK_GAIN/R128_ALBUM_GAIN (Q7.8, -23 LUFS). ' +
    'Every file is measured before any is rewritten; existing tags are kept.',
  run: tagCli,
});

export async function tagCli(ctx: CliContext, files: string[], flags: TagFlags): Promise<number> {
  return withSession(ctx, 'tag', flags, async (s) => {
    const store = await s.openStore(flags);
    const output = s.output<Reported<TagResult>>(flags, { format: formatTag });
    const rc = s.runContext(output);
    const recorder = new RunRecorder('tag', rc.args, s.runId);
    const [{ remuxWithTags }, { temporarySibling, registerTemporary, renameTemporary, removeTemporary }, hash] =
      await Promise.all([import('../io/ffmpeg.js'), import('../io/atomic.js'), import('../io/hash.js')]);
    const { results, measured } = await computeTags({ files, album: flags.album ?? false, ffmpeg: s.ffmpeg });
    for (const [i, r] of results.entries()) {
      const m = measured[i]!;
      const style = tagStyle(m);
      const tmp = registerTemporary(temporarySibling(r.file, path.extname(r.file)));
      try {
        await remuxWithTags(r.file, tmp, r.tags, style, s.ffmpeg);
        await renameTemporary(tmp, r.file);
      } catch (err) {
        await removeTemporary(tmp);
        throw err;
      }
      recorder.inputs.push(m.input);
      recorder.outputs.push({ path: r.file, sha256: await hash.hashFile(r.file), role: 'tagged' });
      recorder.decide(decisionFor(r, flags.album ?? false, files.length));
      const reported = envelope(r, s.runId);
      recorder.results.push(reported);
      output.result(reported);
    }
    await store.saveRun(recorder.finish(ExitCode.ok));
    return ExitCode.ok;
  });
}

function decisionFor(r: TagResult, album: boolean, count: number): Decision {
  return {
    engine: 'tag.replaygain',
    decision: album ? 'album gain' : 'track gain',
    value: album ? r.albumGainDb : r.trackGainDb,
    unit: 'dB',
    reason: album
      ? `one gain for the ${count} files: their BS.1770 blocks gated together give ${r.albumLufs} LUFS, ` +
        `${REPLAYGAIN_REFERENCE_LUFS} LUFS is ReplayGain 2.0's reference (AES TD1004 album normalization)`
      : `${r.file} measures ${r.integratedLufs} LUFS; ReplayGain 2.0 aims at ${REPLAYGAIN_REFERENCE_LUFS} LUFS`,
    inputs: { file: r.file, integratedLufs: r.integratedLufs, truePeak: r.trackPeak },
  };
}

export function formatTag(r: TagResult): string {
  const album = r.albumGainDb !== undefined ? `  album ${dB(r.albumGainDb)} (peak ${peak(r.albumPeak!)})` : '';
  const track = `track ${dB(r.trackGainDb)} (peak ${peak(r.trackPeak)})`;
  return `${r.file}: ${r.integratedLufs.toFixed(2)} LUFS  ${track}${album}`;
}
