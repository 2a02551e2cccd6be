/**
 * ffmpeg for everything that is not a plain WAV: probing (from `ffmpeg -i`'s stream summary,
 * without decoding) and decoding to a stream of 32-bit float PCM through a pipe (SPEC §3).
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError, InputError } from '../errors.js';
import { defaultSpeakers, type AudioFormat, type Speaker } from './format.js';

export interface FfmpegChoice {
  path: string;
  /**
   * Where the path came from, for messages: `--ffmpeg`, `SHUB_FFMPEG`, `config FILE ffmpeg.path`,
   * `bundled`, `PATH`.
   */
  source: string;
}

/**
 * Which ffmpeg to run: `--ffmpeg` flag, then `SHUB_FFMPEG`, then config `ffmpeg.path`, then the
 * binary shipped inside `@ffmpeg-installer/ffmpeg`, then `ffmpeg` on PATH.
 */
export function resolveFfmpeg(
  flag?: string,
  configPath?: string,
  env = process.env,
  configFile?: string | null,
): FfmpegChoice {
  if (flag) return { path: flag, source: '--ffmpeg' };
  if (env.SHUB_FFMPEG) return { path: env.SHUB_FFMPEG, source: 'SHUB_FFMPEG' };
  if (configPath) return { path: configPath, source: configFile ? `config ${configFile} ffmpeg.path` : 'config' };
  try {
    const require = createRequire(import.meta.url);
    const bundled = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    if (existsSync(bundled)) return { path: bundled, source: 'bundled' };
  } catch {
    // not installed for this platform: fall through to PATH
  }
  return { path: 'ffmpeg', source: 'PATH' };
}

/**
 * The demuxers ffmpeg may use on an input: the audio formats shub reads (SPEC §3). Nothing that
 * opens other files or devices (hls, concat, image2, lavfi, sdp, …) is on the list.
 */
export const INPUT_DEMUXERS = ['wav', 'w64', 'flac', 'mp3', 'mov', 'aac', 'ogg', 'aiff'] as const;

/** Every ffmpeg child gets this much wall-clock time [s], plus FFMPEG_SECONDS_PER_MB per MB of input. */
export const FFMPEG_BASE_SECONDS = 60;
/** Extra time [s] per 10^6 bytes of input (decoding runs at the pace of the DSP reading it). */
export const FFMPEG_SECONDS_PER_MB = 10;

/** The wall-clock limit [ms] of one ffmpeg child working on `sizeBytes` of input. */
export function ffmpegTimeoutMs(sizeBytes: number): number {
  return 1000 * (FFMPEG_BASE_SECONDS + FFMPEG_SECONDS_PER_MB * Math.ceil(Math.max(0, sizeBytes) / 1e6));
}

/**
 * A path as ffmpeg must see it: a plain file (`file:` and absolute), so a name such as
 * `concat:a.flac|b.flac` or `tcp://host:1` is a file name and nothing else.
 */
export function ffmpegFileUrl(file: string): string {
  return `file:${path.resolve(file)}`;
}

/** The arguments that open `file` as input: file protocol only, audio demuxers only. */
export function ffmpegInputArgs(file: string): string[] {
  return ['-protocol_whitelist', 'file', '-format_whitelist', INPUT_DEMUXERS.join(','), '-i', ffmpegFileUrl(file)];
}

/** The limits every ffmpeg child runs with: CPU seconds inside ffmpeg, wall time and cleanup outside. */
function childLimits(sizeBytes: number) {
  const timeout = ffmpegTimeoutMs(sizeBytes);
  return {
    args: ['-timelimit', String(Math.ceil(timeout / 1000))],
    execa: { timeout, cleanup: true, forceKillAfterDelay: 2000, stdin: 'ignore' as const },
  };
}

function missingFfmpeg(choice: FfmpegChoice): EnvironmentError {
  return new EnvironmentError(
    `ffmpeg not found at '${choice.path}' (from ${choice.source}); ` +
      'install ffmpeg or point --ffmpeg / SHUB_FFMPEG / config ffmpeg.path at the binary',
  );
}

function brokenFfmpeg(choice: FfmpegChoice, why: string): EnvironmentError {
  return new EnvironmentError(
    `ffmpeg at '${choice.path}' (from ${choice.source}) does not work: ${why}; ` +
      'point --ffmpeg / SHUB_FFMPEG / config ffmpeg.path at a working ffmpeg',
  );
}

/** The errno of a child that could not be started (execa keeps it in `code` or in the message). */
function spawnErrno(r: { code?: unknown; message?: unknown; exitCode?: number; cause?: unknown }): string | undefined {
  if (r.exitCode !== undefined) return undefined;
  const code = (r as { code?: string }).code ?? (r.cause as { code?: string } | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return /\b(E[A-Z]{3,})\b/.exec(String(r.message))?.[1];
}

/** The EnvironmentError for an ffmpeg child that could not be started at all. */
function spawnFailure(choice: FfmpegChoice, errno: string | undefined): EnvironmentError {
  if (errno === 'ENOENT' || errno === undefined) return missingFfmpeg(choice);
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'ENOEXEC')
    return brokenFfmpeg(choice, `it cannot be executed (${errno})`);
  if (errno === 'EMFILE' || errno === 'ENFILE' || errno === 'EAGAIN' || errno === 'ENOMEM') {
    const short = errno === 'ENOMEM' ? 'memory' : 'processes or open files';
    return new EnvironmentError(
      `cannot start ffmpeg (${errno}): the system is out of ${short}; raise the limit (ulimit -n / -u) or lower --jobs`,
    );
  }
  return brokenFfmpeg(choice, `it cannot be started (${errno})`);
}

const versionChecks = new Map<string, Promise<string | null>>();

/**
 * Why the binary of `choice` is not a working ffmpeg (`-version` must exit 0 and say "ffmpeg
 * version"), or null. Asked once per process and path, only when ffmpeg failed without a word: a
 * real ffmpeg always explains a failure on stderr.
 */
export function ffmpegProblem(choice: FfmpegChoice): Promise<string | null> {
  let check = versionChecks.get(choice.path);
  if (!check) {
    check = (async () => {
      const { execa } = await import('execa');
      const r = await execa(choice.path, ['-version'], {
        reject: false,
        timeout: 10_000,
        stdin: 'ignore',
        cleanup: true,
        maxBuffer: 1 << 20,
      });
      if (r.timedOut) return '`-version` did not answer within 10 s';
      const errno = spawnErrno(r as never);
      if (errno) return `it cannot be started (${errno})`;
      const said = `${String(r.stdout)}\n${String(r.stderr)}`.trim().split('\n')[0]!.slice(0, 80);
      const printed = said ? ` ("${said}")` : ' and printed nothing';
      if (r.exitCode !== 0) return `\`-version\` exited with code ${r.exitCode ?? r.signal}${printed}`;
      if (!/^ffmpeg version/i.test(String(r.stdout))) return `it is not ffmpeg (\`-version\` printed "${said}")`;
      return null;
    })();
    versionChecks.set(choice.path, check);
  }
  return check;
}

/** Throws EnvironmentError when ffmpeg failed silently because it is not a working ffmpeg. */
async function blameFfmpegIfBroken(choice: FfmpegChoice, exitCode: number | undefined, stderr: string) {
  if (stderr.trim() !== '' && (exitCode === 0 || exitCode === 1)) return;
  const problem = await ffmpegProblem(choice);
  if (problem) throw brokenFfmpeg(choice, problem);
}

const LAYOUTS: Record<string, Speaker[]> = {
  mono: ['FC'],
  stereo: ['FL', 'FR'],
  '2.1': ['FL', 'FR', 'LFE'],
  '3.0': ['FL', 'FR', 'FC'],
  '3.0(back)': ['FL', 'FR', 'BC'],
  '4.0': ['FL', 'FR', 'FC', 'BC'],
  quad: ['FL', 'FR', 'BL', 'BR'],
  'quad(side)': ['FL', 'FR', 'SL', 'SR'],
  '3.1': ['FL', 'FR', 'FC', 'LFE'],
  '5.0': ['FL', 'FR', 'FC', 'BL', 'BR'],
  '5.0(side)': ['FL', 'FR', 'FC', 'SL', 'SR'],
  '4.1': ['FL', 'FR', 'FC', 'LFE', 'BC'],
  '5.1': ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR'],
  '5.1(side)': ['FL', 'FR', 'FC', 'LFE', 'SL', 'SR'],
  '6.0': ['FL', 'FR', 'FC', 'BC', 'SL', 'SR'],
  '6.1': ['FL', 'FR', 'FC', 'LFE', 'BC', 'SL', 'SR'],
  '7.0': ['FL', 'FR', 'FC', 'BL', 'BR', 'SL', 'SR'],
  '7.1': ['FL', 'FR', 'FC', 'LFE', 'BL', 'BR', 'SL', 'SR'],
};

const CONTAINERS: Record<string, string> = {
  'mov,mp4,m4a,3gp,3g2,mj2': 'mp4',
  aiff: 'aiff',
  wav: 'wav',
  w64: 'w64',
};

function timedOut(file: string, timeoutMs: number): InputError {
  return new InputError(
    file,
    `ffmpeg took longer than ${timeoutMs / 1000} s, the limit for a file of this size; check the file or re-export it`,
  );
}

/** Parses the stream summary `ffmpeg -i FILE` prints (exported for tests). */
export function parseFfmpegProbe(
  stderr: string,
): (Omit<AudioFormat, 'frames'> & { frames: number | null }) | undefined {
  const input = /^Input #0, ([^\n]+?), from /m.exec(stderr);
  const stream = /^\s*Stream #0:\d+[^:]*: Audio: ([^\n]+)$/m.exec(stderr);
  if (!input || !stream) return undefined;
  const desc = stream[1]!;
  const codec = /^([\w-]+)/.exec(desc)?.[1] ?? 'unknown';
  const rate = /(\d+) Hz/.exec(desc);
  if (!rate) return undefined;
  // after "NNN Hz, " comes the layout ("stereo", "5.1(side)", "3 channels") then the sample format
  const afterRate = desc
    .slice(desc.indexOf(rate[0]) + rate[0].length)
    .split(',')
    .map((s) => s.trim());
  const layoutName = afterRate[1] ?? '';
  const sampleFmt = afterRate[2] ?? '';
  let channels: number;
  let speakers: Speaker[];
  const counted = /^(\d+) channels/.exec(layoutName);
  if (counted) {
    channels = Number(counted[1]);
    speakers = defaultSpeakers(channels);
  } else if (LAYOUTS[layoutName]) {
    speakers = LAYOUTS[layoutName]!;
    channels = speakers.length;
  } else {
    return undefined;
  }
  const rawBits = /\((\d+) bit\)/.exec(sampleFmt);
  const lossless = /^(pcm_|flac|alac|wavpack|ape|tta|mlp|truehd)/.test(codec);
  let bitDepth: number | null = null;
  if (lossless) {
    const pcmBits = /^pcm_[su](\d+)|^pcm_f(\d+)/.exec(codec);
    bitDepth = rawBits
      ? Number(rawBits[1])
      : pcmBits
        ? Number(pcmBits[1] ?? pcmBits[2])
        : /^s16/.test(sampleFmt)
          ? 16
          : /^s32/.test(sampleFmt)
            ? 32
            : null;
  }
  const dur = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const durationSeconds = dur ? Number(dur[1]) * 3600 + Number(dur[2]) * 60 + Number(dur[3]) : null;
  const demuxer = input[1]!;
  return {
    container: CONTAINERS[demuxer] ?? demuxer.split(',')[0]!,
    codec,
    sampleRate: Number(rate[1]),
    channels,
    bitDepth,
    frames: null,
    durationSeconds,
    speakers,
  };
}

/** The first line of ffmpeg's complaint, without the file name it repeats. */
function ffmpegReason(stderr: string, file: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const telling = new RegExp(
    'invalid data|could not find|no such file|not supported|unknown|error|does not contain|failed|unsupported|' +
      'impossible',
    'i',
  );
  const bad = lines.find((l) => telling.test(l));
  // ffmpeg names the input by the file: URL shub gave it; strip that first, then a bare name
  const line = (bad ?? lines[lines.length - 1] ?? 'unreadable')
    .replace(`${ffmpegFileUrl(file)}: `, '')
    .replace(`${file}: `, '')
    .replace(/^\[[^\]]+\]\s*/, '');
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** Probes a non-WAV file with ffmpeg (reads headers only). Throws InputError if it is not audio. */
export async function probeWithFfmpeg(file: string, ffmpeg: FfmpegChoice, sizeBytes = 0): Promise<AudioFormat> {
  return (await probeFfmpeg(file, ffmpeg, sizeBytes)).format;
}

/** The probe, and whether the duration it gives is ffmpeg's estimate from the bitrate (not a header field). */
export async function probeFfmpeg(
  file: string,
  ffmpeg: FfmpegChoice,
  sizeBytes = 0,
): Promise<{ format: AudioFormat; durationEstimated: boolean }> {
  let stderr: string;
  let exitCode: number | undefined;
  const limits = childLimits(sizeBytes);
  try {
    const { execa } = await import('execa'); // loaded only for non-WAV input: it costs ~60 ms of start-up
    const r = await execa(ffmpeg.path, ['-hide_banner', '-nostdin', ...limits.args, ...ffmpegInputArgs(file)], {
      reject: false,
      ...limits.execa,
    });
    if (r.timedOut) throw timedOut(file, limits.execa.timeout);
    if (r.failed && r.exitCode === undefined && !r.signal) throw spawnFailure(ffmpeg, spawnErrno(r as never));
    stderr = String(r.stderr);
    exitCode = r.exitCode;
  } catch (err) {
    if (err instanceof EnvironmentError || err instanceof InputError) throw err;
    throw missingFfmpeg(ffmpeg);
  }
  const parsed = parseFfmpegProbe(stderr);
  if (!parsed) {
    await blameFfmpegIfBroken(ffmpeg, exitCode, stderr);
    const hasStreams = /^\s*Stream #0/m.test(stderr);
    const refused = /^\[([\w,]+) @ [^\]]*\] Format not on whitelist/m.exec(stderr);
    const why = refused
      ? `it is ${refused[1]!.split(',')[0]} data, not audio (shub does not follow playlists or file lists)`
      : hasStreams && !/Audio:/.test(stderr)
        ? 'it has no audio stream'
        : `not a readable audio file (ffmpeg: ${ffmpegReason(stderr, file)})`;
    throw new InputError(file, `${why}; shub reads WAV, FLAC, MP3, AAC/M4A, Ogg/Opus and AIFF`);
  }
  return { format: parsed, durationEstimated: /Estimating duration from bitrate/.test(stderr) };
}

/** ffmpeg failed to decode a file (exit status not 0); `reason` is its complaint as one line of text. */
export class DecodeFailure extends InputError {
  constructor(
    file: string,
    readonly reason: string,
  ) {
    super(file, `ffmpeg could not decode it (${reason}); check the file or re-export it`);
  }
}

/** ffmpeg's error lines (at `-v error`), each without its `[decoder @ 0x…]` prefix and the file name. */
export function ffmpegComplaints(stderr: string, file: string): string[] {
  return stderr
    .split('\n')
    .map((l) =>
      l
        .trim()
        .replace(/^\[[^\]]+\]\s*/, '')
        .replace(`${ffmpegFileUrl(file)}: `, '')
        .replace(`${file}: `, ''),
    )
    .filter((l) => l.length > 0)
    .map((l) => (l.length > 160 ? `${l.slice(0, 157)}...` : l));
}

/**
 * Starts ffmpeg decoding `file`'s first audio stream to interleaved little-endian float32 at the
 * file's own rate and channel count: bare samples, or (`wav`) after a float WAV header that says
 * the rate and channel count. The caller reads `stdout` and must await `done`.
 */
export async function decodeWithFfmpeg(
  file: string,
  ffmpeg: FfmpegChoice,
  sizeBytes = 0,
  output: 'f32le' | 'wav' = 'f32le',
) {
  const { execa } = await import('execa');
  const limits = childLimits(sizeBytes);
  const child = execa(
    ffmpeg.path,
    [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      ...limits.args,
      ...ffmpegInputArgs(file),
      '-map',
      '0:a:0',
      '-vn',
      // no tags in the stream: a WAV header on a pipe cannot give their LIST chunk's size
      ...(output === 'wav' ? ['-map_metadata', '-1', '-fflags', '+bitexact'] : []),
      '-f',
      output,
      '-acodec',
      'pcm_f32le',
      'pipe:1',
    ],
    { buffer: { stdout: false, stderr: true }, reject: false, encoding: 'buffer', ...limits.execa },
  );
  const done = child.then(async (r): Promise<{ complaints: string[] }> => {
    if (r.timedOut) throw timedOut(file, limits.execa.timeout);
    if (r.failed && r.exitCode === undefined && !r.signal && !r.isTerminated)
      throw spawnFailure(ffmpeg, spawnErrno(r as never));
    // execa 9 hands back a Uint8Array (not a Buffer) with encoding 'buffer'
    const text = r.stderr instanceof Uint8Array ? Buffer.from(r.stderr).toString('utf8') : String(r.stderr ?? '');
    if (r.signal || r.isTerminated) throw new DecodeFailure(file, `ffmpeg was stopped (${r.signal ?? 'killed'})`);
    if (r.exitCode !== 0 || r.failed) {
      await blameFfmpegIfBroken(ffmpeg, r.exitCode, text);
      throw new DecodeFailure(file, ffmpegReason(text, file));
    }
    return { complaints: ffmpegComplaints(text, file) };
  });
  return { stdout: child.stdout!, done, kill: () => child.kill() };
}

/** ffmpeg encoder arguments of the lossy codecs shub writes, at a bitrate (Opus is always 48 kHz). */
export function lossyEncoderArgs(codec: 'aac' | 'mp3' | 'opus', kbps: number): string[] {
  const encoder = { aac: 'aac', mp3: 'libmp3lame', opus: 'libopus' }[codec];
  return ['-c:a', encoder, '-b:a', `${kbps}k`, ...(codec === 'opus' ? ['-ar', '48000'] : [])];
}

/**
 * Lossy codecs used to check inter-sample overs after encoding (validate --codec-check), and
 * master's default bitrates.
 */
export const LOSSY_CHECK_CODECS = {
  aac: { extension: 'm4a', kbps: 256, args: lossyEncoderArgs('aac', 256), describe: 'AAC-LC 256 kb/s' },
  mp3: { extension: 'mp3', kbps: 320, args: lossyEncoderArgs('mp3', 320), describe: 'MP3 320 kb/s (LAME)' },
  opus: { extension: 'opus', kbps: 160, args: lossyEncoderArgs('opus', 160), describe: 'Opus 160 kb/s at 48 kHz' },
} as const;
export type LossyCodec = keyof typeof LOSSY_CHECK_CODECS;

/** Encodes `input` to `output` with `codec` (the first audio stream only, metadata dropped). */
export async function encodeWithFfmpeg(
  input: string,
  output: string,
  codec: LossyCodec,
  ffmpeg: FfmpegChoice,
): Promise<void> {
  const spec = LOSSY_CHECK_CODECS[codec];
  await encodeFile(input, output, [...spec.args], spec.describe, ffmpeg);
}

/**
 * Runs ffmpeg on `input` with the encoder arguments `codecArgs` into `output` (first audio stream,
 * metadata dropped). `describe` names the encoding in errors.
 */
/** ReplayGain and R128 tags: they describe one file's loudness, so they are never copied to another. */
export const LOUDNESS_TAGS = [
  'REPLAYGAIN_TRACK_GAIN',
  'REPLAYGAIN_TRACK_PEAK',
  'REPLAYGAIN_TRACK_RANGE',
  'REPLAYGAIN_ALBUM_GAIN',
  'REPLAYGAIN_ALBUM_PEAK',
  'REPLAYGAIN_ALBUM_RANGE',
  'REPLAYGAIN_REFERENCE_LOUDNESS',
  'R128_TRACK_GAIN',
  'R128_ALBUM_GAIN',
];

export async function encodeFile(
  input: string,
  output: string,
  codecArgs: string[],
  describe: string,
  ffmpeg: FfmpegChoice,
  /** Copy the tags (title, artist, ISRC, …) of this file (the mix a master is made from); default none. */
  metadataFrom?: string,
): Promise<void> {
  // the file's tags and its audio stream's (where Ogg/Opus keep theirs); ffmpeg maps keys per container
  // (MP4 keeps the keys that have an iTunes atom: title, artist, album, …; not ISRC, which would need
  // use_metadata_tags and then moves title and artist out of the atoms players read)
  const tags = metadataFrom
    ? [
        ...ffmpegInputArgs(metadataFrom),
        ...['-map', '0:a:0', '-vn', '-map_metadata', '1', '-map_metadata:s:a:0', '1:s:a:0'],
        // the mix's loudness tags do not describe the master: dropped (an empty value removes a key)
        ...LOUDNESS_TAGS.flatMap((k) => ['-metadata', `${k}=`, '-metadata:s:a:0', `${k}=`]),
      ]
    : ['-map', '0:a:0', '-vn', '-map_metadata', '-1'];
  const reason = await ffmpegWrite(input, [...tags, ...codecArgs, ffmpegFileUrl(output)], ffmpeg);
  if (reason !== null) {
    if (/unknown encoder|encoder.*not found/i.test(reason)) {
      throw new EnvironmentError(
        `ffmpeg at '${ffmpeg.path}' (from ${ffmpeg.source}) cannot encode ${describe} (${reason}); ` +
          'point --ffmpeg at a build with that encoder',
      );
    }
    throw new InputError(input, `ffmpeg could not encode it as ${describe} (${reason})`);
  }
}

/**
 * Copies `input` to `output` without re-encoding (`-c copy`), keeping every tag it has and setting
 * `tags` (in the audio stream's comments for Ogg/Opus, where players read them; in the file's tags
 * otherwise: FLAC Vorbis comments, MP3 ID3v2 TXXX frames).
 */
export async function remuxWithTags(
  input: string,
  output: string,
  tags: Record<string, string>,
  options: { streamLevel: boolean; muxerArgs?: string[] },
  ffmpeg: FfmpegChoice,
): Promise<void> {
  const where = options.streamLevel ? '-metadata:s:a:0' : '-metadata';
  const reason = await ffmpegWrite(
    input,
    [
      '-map',
      '0',
      '-c',
      'copy',
      '-map_metadata',
      '0',
      ...(options.streamLevel ? ['-map_metadata:s:a:0', '0:s:a:0'] : []),
      ...Object.entries(tags).flatMap(([k, v]) => [where, `${k}=${v}`]),
      ...(options.muxerArgs ?? []),
      ffmpegFileUrl(output),
    ],
    ffmpeg,
  );
  if (reason !== null) throw new InputError(input, `ffmpeg could not rewrite it with the new tags (${reason})`);
}

/**
 * Runs ffmpeg on `input` (bounded in time and memory like every child) with `outputArgs` after it;
 * null when it worked, else ffmpeg's reason as text. A timeout or a missing ffmpeg throws.
 */
async function ffmpegWrite(input: string, outputArgs: string[], ffmpeg: FfmpegChoice): Promise<string | null> {
  const { execa } = await import('execa');
  const limits = childLimits((await stat(input).catch(() => ({ size: 0 }))).size);
  const r = await execa(
    ffmpeg.path,
    ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...limits.args, ...ffmpegInputArgs(input), ...outputArgs],
    { reject: false, ...limits.execa },
  );
  if (r.timedOut) throw timedOut(input, limits.execa.timeout);
  if (!r.failed) return null;
  if (r.exitCode === undefined) throw missingFfmpeg(ffmpeg);
  return ffmpegReason(String(r.stderr), input);
}
