/**
 * `shub validate`: the story of one run — open each input → meter it → (with --codec-check)
 * encode, decode and meter again per lossy codec → check every platform's rules → print and
 * record the verdicts. Exit 0 when everything passes, 1 when a check fails, 3 for unreadable
 * inputs (the others are still checked), the worst winning.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { openAudio, openEncoded } from '../io/audio.js';
import { encodeWithFfmpeg, LOSSY_CHECK_CODECS, type FfmpegChoice, type LossyCodec } from '../io/ffmpeg.js';
import { measureLevels, round } from '../engines/levels/index.js';
import { checkPlatform, codecsFor, type Measurements, type PlatformVerdict } from '../engines/validate/checks.js';
import { targetNamesHelp, truePeakCeilingFor, type Platform } from '../recipes/platforms.js';
import { addTargetOptions, resolveTargets, type AdHocFlags } from './targets.js';
import { RunRecorder } from '../store/run.js';
import type { Decision } from '../store/types.js';
import { runBatch, saveBatch, type BatchContext, type BatchOutcome } from './batch.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import type { BatchFlags } from './options.js';
import { isStdout, OutputPlan, writeReport } from '../io/outputs.js';
import { registerTemporary, releaseTemporary } from '../io/atomic.js';

/** One NDJSON line of `validate --json`. */
export interface ValidateResult {
  file: string;
  platforms: PlatformVerdict[];
}

export interface ValidateOptions extends BatchContext<ValidateResult> {
  /**
   * The targets to check. May be a promise: files are read and measured while the presets load
   * (yaml + zod cost ~0.1 s of start-up); nothing is reported before it resolves, and if it
   * rejects (an unknown platform) validate rejects with that error and reports nothing.
   */
  platforms: Platform[] | Promise<Platform[]>;
  /** Also check the true peak after AAC/MP3/Opus round trips. */
  codecCheck?: boolean;
}

export type ValidateOutcome = BatchOutcome<ValidateResult>;

export async function validate(options: ValidateOptions): Promise<ValidateOutcome> {
  const recorder = new RunRecorder('validate', options.args ?? [], options.runId);
  const platformsReady = Promise.resolve(options.platforms);
  // hold reports back until the platform list is known to be good
  let released = false;
  const held: (() => void)[] = [];
  const report = (f: () => void) => (released ? f() : held.push(f));
  const batch = runBatch<ValidateResult>(recorder, {
    files: options.files,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    onResult: (r) => report(() => options.onResult?.(r)),
    onError: (file, e) => report(() => options.onError?.(file, e)),
    job: async (file) => {
      const source = await openAudio(file, { ffmpeg: options.ffmpeg });
      let measured: Awaited<ReturnType<typeof measureLevels>>;
      let sha256: string;
      try {
        for (const w of source.warnings) options.onWarning?.(w);
        const frames = source.format.frames;
        measured = await measureLevels(
          source,
          frames && options.onProgress
            ? { onProgress: (done) => options.onProgress!(file, (0.9 * done) / frames) }
            : {},
        );
        sha256 = await source.sha256();
      } finally {
        await source.close();
      }
      const { speakers: _s, ...format } = source.format;
      const reported = {
        ...format,
        frames: measured.frames,
        durationSeconds: round(measured.frames / format.sampleRate, 6),
      };
      const m: Measurements = { format, levels: measured.levels };
      const platforms = await platformsReady;
      const codecs = options.codecCheck ? codecsFor(platforms) : [];
      if (codecs.length > 0) m.codecTruePeakDbtp = await codecTruePeaks(file, codecs, options.ffmpeg);
      const verdicts = platforms.map((p) => checkPlatform(m, p));
      options.onProgress?.(file, 1);
      return {
        result: { file, platforms: verdicts },
        input: { path: file, sizeBytes: source.sizeBytes, sha256, format: reported },
        decisions: describeChoices(file, platforms, m, codecs),
        exitCode: verdicts.every((v) => v.passed) ? ExitCode.ok : ExitCode.checkFailed,
      };
    },
  });
  batch.catch(() => undefined);
  await platformsReady; // an unknown platform rejects here, before anything was reported
  released = true;
  for (const f of held.splice(0)) f();
  return saveBatch(recorder, options.store, await batch);
}

/**
 * Encodes to each codec in a temporary folder, decodes and measures the true peak (master uses it
 * too): two ffmpeg runs per codec (the decode's WAV header says the format: no probe).
 */
export async function codecTruePeaks(
  file: string,
  codecs: LossyCodec[],
  ffmpeg: FfmpegChoice,
): Promise<Partial<Record<LossyCodec, number | null>>> {
  const dir = registerTemporary(await mkdtemp(path.join(tmpdir(), 'shub-codec-')));
  try {
    const out: Partial<Record<LossyCodec, number | null>> = {};
    for (const codec of codecs) {
      const encoded = path.join(dir, `${path.basename(file)}.${LOSSY_CHECK_CODECS[codec].extension}`);
      await encodeWithFfmpeg(file, encoded, codec, ffmpeg);
      const decoded = await openEncoded(encoded, { ffmpeg });
      try {
        out[codec] = (await measureLevels(decoded)).levels.truePeakDbtp;
      } finally {
        await decoded.close();
      }
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
    releaseTemporary(dir);
  }
}

function describeChoices(file: string, platforms: Platform[], m: Measurements, codecs: LossyCodec[]): Decision[] {
  const decisions: Decision[] = [];
  for (const p of platforms) {
    const ceiling = truePeakCeilingFor(p, m.levels.integratedLufs);
    if (ceiling !== p.truePeakCeilingDbtp) {
      decisions.push({
        engine: 'validate.rules',
        decision: 'truePeakCeiling',
        value: ceiling,
        unit: 'dBTP',
        reason:
          `${p.name} asks for at most ${p.louderThan!.truePeakCeilingDbtp} dBTP on masters louder than ` +
          `${p.louderThan!.integratedLufs} LUFS; this one reads ${m.levels.integratedLufs} LUFS`,
        inputs: { file, platform: p.id, integratedLufs: m.levels.integratedLufs },
        alternatives: [
          {
            value: p.truePeakCeilingDbtp,
            why_not: `only for masters at or below ${p.louderThan!.integratedLufs} LUFS`,
          },
        ],
      });
    }
  }
  for (const codec of codecs) {
    decisions.push({
      engine: 'validate.codecCheck',
      decision: 'encoder',
      value: LOSSY_CHECK_CODECS[codec].describe,
      reason: `platforms ${platforms
        .filter((p) => p.codecs.includes(codec))
        .map((p) => p.id)
        .join(', ')} deliver ${codec.toUpperCase()}; inter-sample overs can appear only after encoding`,
      inputs: { file, codec },
    });
  }
  return decisions;
}

// ---- the command line -----------------------------------------------------------------------

export interface ValidateFlags extends BatchFlags, AdHocFlags {
  platform?: string;
  junit?: string;
  codecCheck?: boolean;
}

export const validateCommand = defineCommand({
  name: 'validate',
  description:
    'check files against delivery specs (loudness, true peak, LRA, format, clipping, DC, silence, mono) for CI',
  arguments: [['<files...>', 'audio files to check']],
  options: (cmd) =>
    addTargetOptions(cmd, targetNamesHelp)
      .option(
        '-p, --platform <list>',
        'comma-separated targets from presets/platforms.yaml or your config, e.g. spotify,apple-music,ebu-r128',
      )
      .option(
        '--junit <file>',
        'also write a JUnit XML report (one testcase per file × platform × check); - for stdout (verdicts to stderr)',
      )
      .option('--codec-check', 'also check the true peak after AAC 256k / MP3 320k / Opus encode-decode round trips'),
  shared: {
    json: true,
    inputs: true,
    jobs: 'files checked',
    ffmpeg: 'non-WAV input and codec checks',
    store: 'store',
    overwrite: 'replace an existing --junit report',
  },
  examples: [
    'shub validate master.wav --platform spotify,apple-music',
    'shub validate deliverables/*.wav --platform ebu-r128 --junit reports/loudness.xml -y',
    'shub validate album/*.flac --platform spotify --codec-check --json',
  ],
  exitCodes: {
    0: 'all checks pass',
    1: 'a check failed',
    2: 'unknown platform or bad config',
    3: 'unreadable input (others still checked)',
    4: 'missing ffmpeg or database unreachable/not migrated',
    5: 'internal',
  },
  run: validateCli,
});

/** `shub validate`: the platforms load while the first files are measured; --junit written at the end. */
export async function validateCli(ctx: CliContext, files: string[], flags: ValidateFlags): Promise<number> {
  if (flags.platform === undefined && flags.lufs === undefined)
    throw new UsageError('name the targets with --platform (e.g. --platform spotify,ebu-r128) or give one with --lufs');
  return withSession(ctx, 'validate', flags, async (s) => {
    const inputs = await s.inputs(files, flags);
    // the report path is checked before any file is measured: never an input, a device or folder, -y to replace;
    // `--junit -` is stdout, and the verdicts go to stderr
    if (flags.junit && isStdout(flags.junit)) s.stdoutCarriesData();
    else if (flags.junit) new OutputPlan(inputs, flags.overwrite ?? false).claim(flags.junit, 'JUnit report');
    // the presets load (yaml + zod) while the first files are being measured
    const adHoc = { lufs: flags.lufs, ceiling: flags.ceiling, lra: flags.lra };
    const platforms = resolveTargets(s, flags.platform, '--platform', adHoc);
    platforms.catch(() => undefined);
    const { formatValidateText } = await import('../ui/validate-text.js');
    const text = { format: formatValidateText, blankLineBetween: true };
    const outcome = await validate({
      ...(await s.batch(inputs, flags, text)),
      platforms,
      codecCheck: flags.codecCheck ?? false,
    });
    if (flags.junit) {
      const { formatJunit } = await import('../ui/junit.js');
      const unreadable = outcome.run.errors.map((e) => ({ file: e.file ?? '', message: e.message }));
      const ids = (await platforms).map((p) => p.id);
      await writeReport(flags.junit, formatJunit(ids, outcome.results, unreadable), ctx.io.stdout);
    }
    return outcome.exitCode;
  });
}
