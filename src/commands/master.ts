/**
 * `shub master`: the story of one run — analyze each input (levels, mid/side tonal balance; the
 * reference once) → plan the shared chain → render passes that meter every target's tail and move
 * its gain until the measured loudness lands on target → one pass that writes the masters →
 * measure every written file again (after decoding for lossy formats) and, if it is out of
 * tolerance or over the ceiling, correct and render that target again (bounded) → report.
 * A target the style cannot meet is reported and exits 1; nothing is faked (SPEC §6).
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { CannotMeetError, ExitCode, UsageError } from '../errors.js';
import { openAudio, type AudioSource } from '../io/audio.js';
import { encodeFile, lossyEncoderArgs, LOSSY_CHECK_CODECS, type FfmpegChoice, type LossyCodec } from '../io/ffmpeg.js';
import { removeTemporary, renameTemporary, temporarySibling } from '../io/atomic.js';
import { formatNamedByOutput, OutputCollision, OutputPlan, resolveAudioOutput } from '../io/outputs.js';
import { quotePath } from '../io/names.js';
import type { Speaker } from '../io/format.js';
import { WavFileSet, type WavWriter } from '../io/wav-writer.js';
import { measureLevels, round, toLevels, type Levels } from '../engines/levels/index.js';
import { channelWeights } from '../engines/levels/weights.js';
import { feedSource } from '../engines/analysis/pipeline.js';
import { STFT_PARAMETERS, stftLayout } from '../engines/analysis/params.js';
import { createFeatureExtractor, tonalBalance } from '../engines/spectral/index.js';
import { detectSpeech } from '../engines/master/speech.js';
import type { PcmSink } from '../engines/analysis/pipeline.js';
import {
  MASTER_STYLES,
  planChain,
  STYLE_SPECS,
  type MasterAnalysis,
  type MasterStyle,
  type StyleSpec,
} from '../engines/master/plan.js';
import { gainStep, MAX_GAIN_PASSES, type GainPoint } from '../engines/master/loudness.js';
import {
  CEILING_STEP_MARGIN_DB,
  FIRST_CEILING_MARGIN_DB,
  CODEC_FIRST_CEILING_MARGIN_DB,
  codecFirstMarginDb,
  writtenLoudnessShiftDb,
  MAX_VERIFY_ROUNDS,
  PEAK_SAFETY_DB,
  verdict,
  VERIFY_TOLERANCE_LU,
} from '../engines/master/verify.js';
import {
  native,
  type MasterChainOptions,
  type MasterRenderOptions,
  type MasterTailOptions,
  type MasterTailReport,
  type PcmFormat,
  type FeatureExtractor,
} from '../native.js';
import { targetNamesHelp, truePeakCeilingFor, type Platform } from '../recipes/platforms.js';
import { addTargetOptions, resolveTargets, type AdHocFlags } from './targets.js';
import { RunRecorder, recordingFailure } from '../store/run.js';
import {
  checkPlatform,
  codecsFor,
  loudnessTargetFor,
  type Measurements,
  type PlatformVerdict,
} from '../engines/validate/checks.js';
import { codecTruePeaks } from './validate.js';
import type { Decision, RunOutput } from '../store/types.js';
import { runBatch, saveBatch, type BatchContext, type BatchOutcome } from './batch.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import { oneOf, type BatchFlags } from './options.js';

const NOISE_SHAPING_WHY = '; --noise-shaping moves its noise out of the 2–5 kHz region the ear hears best';

export const MASTER_FORMATS = {
  wav: { extension: 'wav', lossy: false, describe: 'WAV (PCM)' },
  flac: { extension: 'flac', lossy: false, describe: 'FLAC' },
  mp3: { extension: 'mp3', lossy: true, describe: 'MP3 (LAME CBR)' },
  aac: { extension: 'm4a', lossy: true, describe: 'AAC-LC in MP4' },
  opus: { extension: 'opus', lossy: true, describe: 'Opus in Ogg' },
} as const;
export type MasterFormat = keyof typeof MASTER_FORMATS;

export interface TargetSpec {
  target: string;
  name: string;
  integratedLufs: number;
  /** The platform's own tolerance (compliance); masters are aimed to ±VERIFY_TOLERANCE_LU. */
  toleranceLu: number;
  truePeakCeilingDbtp: number;
  sampleRateHz: number;
  bitDepth: 16 | 24 | 32;
  format: MasterFormat;
  bitrateKbps: number | null;
  /** The built-in or configured target (null for a --reference-only target): validate's checks run on it. */
  platform?: Platform | null;
}

export interface MasterOutput {
  target: string;
  file: string | null;
  format: MasterFormat;
  achieved: {
    integratedLufs: number | null;
    truePeakDbtp: number | null;
    loudnessRangeLu: number | null;
    samplePeakDbfs: number | null;
  } | null;
  targetSpec: TargetSpec;
  compliant: boolean;
  limiterMaxGainReductionDb: number | null;
  /** Why a target was not met (absent when compliant). */
  problem?: string;
  /** validate's verdict on the written file for this target (what `shub validate -p <target>` reports). */
  validation?: PlatformVerdict | null;
  /** What mastering did to the dynamics (null when nothing was delivered). */
  dynamics?: MasterDynamics | null;
  /** Over the style's budget but delivered (the loud style). */
  warnings?: string[];
}

/** Input → output dynamics of one delivered target, and the limiter's work. */
export interface MasterDynamics {
  loudnessRangeLu: [number | null, number | null];
  plrDb: [number | null, number | null];
  crestFactorDb: [number | null, number | null];
  limiterPeakGainReductionDb: number;
  limiterMeanGainReductionDb: number;
}

export function dynamicsOf(input: Levels, output: Levels, tail: MasterTailReport): MasterDynamics {
  return {
    loudnessRangeLu: [input.loudnessRangeLu, output.loudnessRangeLu],
    plrDb: [input.plrDb, output.plrDb],
    crestFactorDb: [input.crestFactorDb, output.crestFactorDb],
    limiterPeakGainReductionDb: grDb(tail),
    limiterMeanGainReductionDb: round(Math.max(0, -tail.limiterMeanGainDb), 2),
  };
}

/** What exceeds the style's budget (empty: within it). */
export function overBudget(d: MasterDynamics, s: StyleSpec): string[] {
  const over: string[] = [];
  if (s.maxLimiterGainReductionDb !== null && d.limiterPeakGainReductionDb > s.maxLimiterGainReductionDb)
    over.push(`${d.limiterPeakGainReductionDb.toFixed(1)} dB of peak limiting (budget ${s.maxLimiterGainReductionDb})`);
  if (d.limiterMeanGainReductionDb > s.maxMeanLimiterGainReductionDb)
    over.push(
      `${d.limiterMeanGainReductionDb.toFixed(1)} dB of average limiting (budget ${s.maxMeanLimiterGainReductionDb})`,
    );
  const [a, b] = d.loudnessRangeLu;
  if (a !== null && b !== null && a - b > s.maxLraDropLu)
    over.push(
      `LRA ${a.toFixed(1)} → ${b.toFixed(1)} LU, a loss of ${(a - b).toFixed(1)} LU (budget ${s.maxLraDropLu})`,
    );
  return over;
}

function dynamicsDecision(
  spec: TargetSpec,
  d: MasterDynamics,
  over: string[],
  file: string,
  style: MasterStyle,
): Decision {
  const pair = (x: [number | null, number | null], unit: string) =>
    `${x[0] === null ? '—' : x[0].toFixed(1)} → ${x[1] === null ? '—' : x[1].toFixed(1)} ${unit}`;
  return {
    engine: 'master.dynamics',
    decision: 'budget',
    value: over.length === 0 ? 'within' : STYLE_SPECS[style].refuseOverBudget ? 'refused' : 'warned',
    reason:
      `${spec.target}: LRA ${pair(d.loudnessRangeLu, 'LU')}, PLR ${pair(d.plrDb, 'dB')}, crest ` +
      `${pair(d.crestFactorDb, 'dB')}; limiter ${d.limiterPeakGainReductionDb.toFixed(1)} dB on peaks, ` +
      `${d.limiterMeanGainReductionDb.toFixed(1)} dB on average` +
      (over.length === 0 ? ` (within the ${style} style's budget)` : `; over the ${style} budget: ${over.join('; ')}`),
    inputs: { file, target: spec.target, ...d },
  };
}

/** One NDJSON line of `master --json` (issue contract; `input` is kept beside `file` for older readers). */
export interface MasterResult {
  file: string;
  input: string;
  runId: string;
  outputs: MasterOutput[];
  decisions: Decision[];
}

export interface MasterOptions extends BatchContext<MasterResult> {
  targets: Platform[];
  reference?: string;
  style: MasterStyle;
  /** A folder (outputs named <input>.<target>.<ext>) or, for one input and one target, a file. */
  output?: string;
  format?: MasterFormat;
  overwrite?: boolean;
  noiseShaping?: boolean;
  /** Add three-band compression after the glue compressor. */
  multiband?: boolean;
  /** Check the target's codec round trips as validate --codec-check does (default true). */
  codecCheck?: boolean;
  /** Album mode: one gain offset for all files (their loudness differences kept), see albumAims. */
  album?: boolean;
}

export type MasterOutcome = BatchOutcome<MasterResult>;

/** The delivery spec of a platform, with `--format` applied (Opus is always 48 kHz). */
export function targetSpecFor(p: Platform, format?: MasterFormat): TargetSpec {
  if (p.integratedLufs === null)
    throw new UsageError(`target ${p.id} has no loudness target; set integratedLufs for it in your config`);
  const fmt = (format ?? p.delivery.format) as MasterFormat;
  if (!(fmt in MASTER_FORMATS))
    throw new UsageError(
      `target ${p.id} delivers '${p.delivery.format}', which master cannot write ` +
        `(${Object.keys(MASTER_FORMATS).join(', ')})`,
    );
  const lossy = MASTER_FORMATS[fmt].lossy;
  return {
    target: p.id,
    name: p.name,
    integratedLufs: p.integratedLufs,
    toleranceLu: p.integratedToleranceLu ?? VERIFY_TOLERANCE_LU,
    // anywhere in master's ±0.1 LU aim window: on Spotify's -14, a -13.98 master gets the -2 dBTP ceiling
    truePeakCeilingDbtp: truePeakCeilingFor(p, p.integratedLufs + VERIFY_TOLERANCE_LU),
    sampleRateHz: fmt === 'opus' ? 48000 : p.delivery.sampleRateHz,
    bitDepth: lossy ? 24 : (p.delivery.bitDepth as 16 | 24 | 32),
    format: fmt,
    bitrateKbps: lossy ? (p.delivery.bitrateKbps ?? LOSSY_CHECK_CODECS[fmt as LossyCodec].kbps) : null,
    platform: p,
  };
}

function encoderArgs(spec: TargetSpec): string[] {
  if (spec.format === 'flac') return ['-c:a', 'flac', '-compression_level', '5'];
  if (spec.format === 'wav') return [];
  return lossyEncoderArgs(spec.format, spec.bitrateKbps!);
}

/** Where each target's master goes. */
export function outputPaths(
  input: string,
  specs: TargetSpec[],
  output: string | undefined,
  inputCount: number,
): string[] {
  const base = path.basename(input, path.extname(input));
  const named = (dir: string) =>
    specs.map((s) => path.join(dir, `${base}.${s.target}.${MASTER_FORMATS[s.format].extension}`));
  if (output === undefined) return named(path.dirname(input));
  // the one reading of -o (src/io/outputs.ts); the format the file names was applied to the spec
  const one = specs.length === 1 ? specs[0]!.format : undefined;
  const target = resolveAudioOutput(output, {
    count: specs.length * inputCount,
    defaultFormat: one ?? 'wav',
    command: 'master',
  });
  if (target.kind === 'stdout') throw new UsageError('-o - (stdout) is for the command line; name a file or folder');
  if (target.kind === 'folder') return named(target.dir);
  const named_ = formatNamedByOutput(output, 1);
  if (named_ && named_ !== one)
    throw new UsageError(
      `-o ${quotePath(output)} names ${named_.toUpperCase()}, but the master is ${one!.toUpperCase()} ` +
        "(--format or the target's delivery format); make them agree",
    );
  return [target.path];
}

interface PassResult {
  tails: MasterTailReport[];
  midSpectrum: { meanPower: Float64Array; binHz: number } | null;
  sideSpectrum: { meanPower: Float64Array; binHz: number } | null;
}

/** One streaming pass of `file` through a native MasterRender; `sink(i, bytes)` gets tail i's PCM. */
async function renderPass(
  file: string,
  opts: { ffmpeg: FfmpegChoice; upmix?: boolean },
  build: (s: AudioSource) => MasterRenderOptions,
  sink?: (tail: number, pcm: Buffer) => Promise<void>,
  extra?: (s: AudioSource) => PcmSink,
): Promise<PassResult & { source: AudioSource; sha256: string }> {
  const source = await openAudio(file, { ffmpeg: opts.ffmpeg });
  const also = extra ? [extra(source)] : [];
  try {
    const upmix = opts.upmix === true && source.format.channels === 1;
    const render = new (native().MasterRender)(build(upmix ? dualMonoSource(source) : source));
    const deliver = async (outputs: Buffer[]) => {
      if (sink) for (let i = 0; i < outputs.length; i++) if (outputs[i]!.length) await sink(i, outputs[i]!);
    };
    await feedSource(source, [
      {
        addPcm: async (pcm, format, frames) => {
          const r = await render.addPcm(upmix ? dualMono(pcm, format, frames) : pcm, format, frames);
          await deliver(r.outputs);
          return r;
        },
      },
      ...also,
    ]);
    const done = await render.finish();
    await deliver(done.outputs);
    const sha256 = await source.sha256();
    return { tails: done.tails, midSpectrum: done.midSpectrum, sideSpectrum: done.sideSpectrum, source, sha256 };
  } finally {
    await source.close();
  }
}

const BYTES_PER_SAMPLE: Record<PcmFormat, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 };

/** Mono PCM as interleaved stereo with the same sample on both channels (a target's `monoInput: dual-mono`). */
export function dualMono(pcm: Uint8Array, format: PcmFormat, frames: number): Buffer {
  const b = BYTES_PER_SAMPLE[format];
  const out = Buffer.allocUnsafe(frames * b * 2);
  for (let i = 0; i < frames; i++)
    for (let k = 0; k < b; k++) out[2 * i * b + k] = out[(2 * i + 1) * b + k] = pcm[i * b + k]!;
  return out;
}

/** The source as the render sees it after dual-mono upmixing: two front channels. */
function dualMonoSource(s: AudioSource): AudioSource {
  const format = { ...s.format, channels: 2, speakers: ['FL', 'FR'] as Speaker[] };
  return Object.create(s, { format: { value: format, enumerable: true } }) as AudioSource;
}

const spectraFor = (sampleRate: number) => {
  const { windowSamples, hopSamples } = stftLayout(sampleRate);
  return { windowSamples, hopSamples, activeFloorDbfs: STFT_PARAMETERS.activeFloorDbfs.value };
};

/** Levels and mid/side tonal balance of a file (one pass, nothing written). */
export async function analyzeForMaster(
  file: string,
  ffmpeg: FfmpegChoice,
  upmix = false,
): Promise<MasterAnalysis & { sha256: string; sizeBytes: number; source: AudioSource }> {
  // the STFT extractor's level envelope feeds the speech detector (it runs on a second core)
  let fx: FeatureExtractor | undefined;
  const pass = await renderPass(
    file,
    { ffmpeg, upmix },
    (s) => ({
      sampleRate: s.format.sampleRate,
      channels: s.format.channels,
      channelWeights: channelWeights(s.format.speakers),
      tails: [{ sampleRate: s.format.sampleRate, gainDb: 0, limiter: null, bitDepth: 32, dither: 'none', emit: false }],
      spectra: spectraFor(s.format.sampleRate),
    }),
    undefined,
    (s) => (fx = createFeatureExtractor(s.format, { spectrum: true, pitch: false })),
  );
  const env = fx!.finish();
  const speech = detectSpeech(env.fineEnergy, env.tickSamples / pass.source.format.sampleRate);
  const fs = pass.source.format.sampleRate;
  const levels = toLevels(pass.tails[0]!.levels, false).levels;
  if (levels.integratedLufs === null) {
    // readable audio that gives no loudness to aim from: a target master cannot meet (exit 1), not a bad input
    const readSeconds = (env.fineEnergy.length * env.tickSamples) / fs;
    throw new CannotMeetError(
      file,
      readSeconds < 0.4
        ? `cannot meet a loudness target: ${readSeconds.toFixed(2)} s of audio is shorter than the 0.4 s ` +
            'block integrated loudness needs (ITU-R BS.1770); master a longer file'
        : 'cannot meet a loudness target: the file is silent (nothing above the −70 LUFS gate); there is nothing ' +
            'to master',
    );
  }
  return {
    file,
    sampleRate: fs,
    channels: upmix ? 2 : pass.source.format.channels,
    levels,
    speech,
    mid: tonalBalance(pass.midSpectrum!.meanPower, pass.midSpectrum!.binHz, fs),
    side: pass.sideSpectrum ? tonalBalance(pass.sideSpectrum.meanPower, pass.sideSpectrum.binHz, fs) : null,
    sha256: pass.sha256,
    sizeBytes: pass.source.sizeBytes,
    source: upmix && pass.source.format.channels === 1 ? dualMonoSource(pass.source) : pass.source,
  };
}

interface TargetState {
  spec: TargetSpec;
  gainDb: number;
  ceilingDb: number;
  /** Measured (gain, loudness) pairs of earlier passes, for the secant step. */
  history: GainPoint[];
  last?: MasterTailReport;
  status: 'iterating' | 'ready' | 'failed';
  problem?: string;
  gainPasses: number;
  /**
   * Gain corrections [dB] for what the encoder does to the loudness — the anticipated shift first (verify.ts
   * writtenLoudnessShiftDb), then what verification measured; kept when a lower ceiling sends the gain search back to
   * the rendered (pre-encoding) loudness.
   */
  encoderCorrectionDb: number;
  /** The first try's extra margin for the codecs the platform is checked through (dB; verify.ts codecFirstMarginDb). */
  codecMarginDb: number;
  /** validate's verdict on the last written file (null: no platform, e.g. a --reference target). */
  validation?: PlatformVerdict | null;
}

type Checked = { verdict: PlatformVerdict; codecs: LossyCodec[] };
type MasterVerdict = ReturnType<typeof verdict> | { ok: false; action: 'refuse'; problem: string };

/** The lossy codecs a target's masters are checked through (none with --no-codec-check or without a platform). */
const checkedCodecs = (p: Platform | null | undefined, o: MasterOptions) =>
  o.codecCheck === false || !p ? [] : codecsFor([p]);

/** validate's verdict on a written master: the same measurements and checks as `shub validate [--codec-check]`. */
async function platformVerdict(
  written: string,
  m: Awaited<ReturnType<typeof measureWritten>>,
  p: Platform,
  o: MasterOptions,
): Promise<Checked> {
  const codecs = checkedCodecs(p, o);
  const measurements: Measurements = { format: m.format, levels: m.levels };
  if (codecs.length > 0) measurements.codecTruePeakDbtp = await codecTruePeaks(written, codecs, o.ffmpeg);
  return { verdict: checkPlatform(measurements, p), codecs };
}

/**
 * What to do when master's own verdict passed but validate's checks did not: overs after a codec
 * round trip lower the limiter ceiling by the largest over plus the peak safety (while rounds
 * are left); any other failed check cannot be fixed by the gain or ceiling: the target is refused
 * with the checks' own messages.
 */
function afterChecks(c: Checked, round_: number): MasterVerdict {
  const failed = c.verdict.checks.filter((x) => !x.passed);
  const codec = failed.filter((x) => x.id.startsWith('codec-true-peak-'));
  if (codec.length === failed.length && round_ + 1 < MAX_VERIFY_ROUNDS) {
    const over = Math.max(...codec.map((x) => (x.measured as number) - (x.limit as number)));
    return {
      ok: false,
      loudOk: true,
      peakOk: false,
      action: 'lower-ceiling',
      byDb: over + PEAK_SAFETY_DB + CEILING_STEP_MARGIN_DB,
    };
  }
  return {
    ok: false,
    action: 'refuse',
    problem: `validate's ${c.verdict.platform} checks fail: ${failed.map((x) => `${x.id}: ${x.message}`).join('; ')}`,
  };
}

function codecDecision(
  spec: TargetSpec,
  c: Checked,
  written: string,
  file: string,
  ceilingDb: number,
  v: MasterVerdict,
): Decision {
  const peaks = c.verdict.checks.filter((x) => x.id.startsWith('codec-true-peak-'));
  const text = peaks.map((x) => `${x.id.slice('codec-true-peak-'.length).toUpperCase()} ${x.measured} dBTP`);
  const lowered = !v.ok && v.action === 'lower-ceiling' && peaks.some((x) => !x.passed);
  return {
    engine: 'master.codec',
    decision: 'roundTrip',
    value: Object.fromEntries(peaks.map((x) => [x.id, x.measured])),
    unit: 'dBTP',
    reason:
      `${spec.name} is heard through ${c.codecs.map((x) => x.toUpperCase()).join(', ')}: after the encode/decode ` +
      `round trip validate --codec-check runs, the true peak is ${text.join(', ')} ` +
      (lowered
        ? `(over ${peaks[0]!.limit} dBTP): lowering the limiter ceiling from ${ceilingDb.toFixed(2)} dB by ` +
          `${(v as { byDb: number }).byDb.toFixed(2)} dB and searching the gain again`
        : `(at most ${peaks[0]!.limit} dBTP)`),
    inputs: { file, output: written, target: spec.target, limiterCeilingDb: round(ceilingDb, 2) },
    alternatives: [{ value: 'no check', why_not: 'the platform plays the encoded file; --no-codec-check skips it' }],
  };
}

const grDb = (t: MasterTailReport) => round(-20 * Math.log10(Math.max(t.limiterMinGain, 1e-12)), 2);

export async function master(options: MasterOptions): Promise<MasterOutcome> {
  // a failure before the per-mix batch (e.g. an unreadable --reference) still leaves its run record
  return recordingFailure(
    options.store,
    'master',
    options.args ?? [],
    options.reference ?? null,
    () => masterRun(options),
    options.runId,
  );
}

async function masterRun(options: MasterOptions): Promise<MasterOutcome> {
  if (options.targets.length === 0 && !options.reference)
    throw new UsageError('name at least one --target (or give --reference)');
  const recorder = new RunRecorder('master', options.args ?? [], options.runId);
  const count = options.files.length * Math.max(1, options.targets.length);
  const outputFormat = options.format ?? formatNamedByOutput(options.output, count);
  const specs = options.targets.map((p) => targetSpecFor(p, outputFormat));
  // reference: analyzed once for the whole run
  let reference: Awaited<ReturnType<typeof analyzeForMaster>> | undefined;
  if (options.reference) {
    reference = await analyzeForMaster(options.reference, options.ffmpeg);
    const { speakers: _s, ...format } = reference.source.format;
    recorder.inputs.push({ path: options.reference, sizeBytes: reference.sizeBytes, sha256: reference.sha256, format });
    if (specs.length === 0) {
      // match the reference's loudness; delivery like the mix (24-bit WAV at its rate), -1 dBTP
      specs.push({
        target: 'reference',
        name: `reference ${path.basename(options.reference)}`,
        integratedLufs: reference.levels.integratedLufs!,
        toleranceLu: 0.2,
        truePeakCeilingDbtp: -1,
        sampleRateHz: 0,
        bitDepth: 24,
        format: outputFormat ?? 'wav',
        bitrateKbps: null,
        platform: null,
      });
    }
  }
  const planned = planMasterOutputs(options, specs);
  const album = options.album ? await albumAims(options, specs) : undefined;
  const batch = runBatch<MasterResult>(recorder, {
    files: options.files,
    ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
    onResult: options.onResult,
    onError: options.onError,
    job: async (file) => {
      const aims = album?.specs.get(file) ?? specs;
      const out = await masterOne(file, aims, reference, recorder.runId, options, planned.get(file)!);
      if (album) out.result.decisions.unshift(album.decisions.get(file)!);
      for (const o of out.outputs) recorder.outputs.push(o);
      return {
        result: out.result,
        input: out.input,
        decisions: out.result.decisions,
        exitCode: out.result.outputs.every((o) => o.compliant) ? ExitCode.ok : ExitCode.checkFailed,
      };
    },
  });
  return saveBatch(recorder, options.store, await batch);
}

/**
 * `--album` (AES TD1004 album normalization, which presets/platforms.yaml cites): the set's loudness
 * is measured as one album (BS.1770 gating over the blocks of all files, src/engines/levels/album.ts)
 * and every file moves by the same gain, target − album loudness: each file aims at its own loudness
 * plus that offset, so the differences between the songs stay as mixed. Logged per file.
 */
async function albumAims(o: MasterOptions, specs: TargetSpec[]) {
  const { measureSet } = await import('../engines/levels/album.js');
  const set = await measureSet(o.files, o.ffmpeg, true);
  const albumLufs = set.album!.integratedLufs;
  const out = { specs: new Map<string, TargetSpec[]>(), decisions: new Map<string, Decision>() };
  for (const t of set.tracks) {
    const offset = t.integratedLufs - albumLufs;
    out.specs.set(
      t.file,
      specs.map((s) => {
        const aim = round(s.integratedLufs + offset, 2);
        // validate's loudness check (master's verification) holds this file to its album aim, as a
        // player normalizing by album does; its mono rule moves by the same offset
        const platform = s.platform && {
          ...s.platform,
          integratedLufs: aim,
          ...(s.platform.monoIntegratedLufs !== undefined
            ? { monoIntegratedLufs: round(s.platform.monoIntegratedLufs + offset, 2) }
            : {}),
        };
        return { ...s, integratedLufs: aim, ...(platform ? { platform } : {}) };
      }),
    );
    out.decisions.set(t.file, {
      engine: 'master.album',
      decision: 'album gain',
      value: specs.map((s) => ({ target: s.target, gainDb: round(s.integratedLufs - albumLufs, 2) })),
      unit: 'dB',
      reason:
        `album of ${set.tracks.length} files measures ${round(albumLufs, 2)} LUFS (their blocks gated together); ` +
        `every file gets the same gain per target, so this one (${round(t.integratedLufs, 2)} LUFS, ` +
        `${round(offset, 2)} LU from the album) aims at the target ${offset >= 0 ? '+' : ''}${round(offset, 2)} LU`,
      inputs: { file: t.file, integratedLufs: round(t.integratedLufs, 2), albumLufs: round(albumLufs, 2) },
    });
  }
  return out;
}

/**
 * Every input's output paths, checked before any work (issue 18 points 6, 7, 9): an output that is
 * an input, a device or folder, or exists without -y fails that input; two inputs whose outputs
 * would be the same file (a/song.wav and b/song.wav into one folder) refuse the whole run.
 */
function planMasterOutputs(o: MasterOptions, specs: TargetSpec[]): Map<string, string[] | Error> {
  const plan = new OutputPlan([...o.files, ...(o.reference ? [o.reference] : [])], o.overwrite ?? false);
  const planned = new Map<string, string[] | Error>();
  for (const file of o.files) {
    try {
      const paths = outputPaths(file, specs, o.output, o.files.length);
      for (const [i, p] of paths.entries()) plan.claim(p, `the ${specs[i]!.target} master of ${quotePath(file)}`);
      planned.set(file, paths);
    } catch (err) {
      if (err instanceof OutputCollision) throw err;
      planned.set(file, err as Error);
    }
  }
  return planned;
}

/** How a target takes a mono mix: as it is, upmixed to dual mono, or refused (its preset's `monoInput`). */
export function monoHandling(spec: TargetSpec): 'as-is' | 'dual-mono' | 'refuse' {
  const layouts = spec.platform?.channels;
  if (!layouts || layouts.length === 0 || layouts.includes(1)) return 'as-is';
  return spec.platform!.monoInput === 'dual-mono' && layouts.includes(2) ? 'dual-mono' : 'refuse';
}

/**
 * One mix to every target. A mono mix is mastered once as it is and once as dual mono when some
 * target asks for it (a target's channels exclude mono and its preset says `monoInput:
 * dual-mono`); a target that excludes mono without saying so refuses it, with a reason.
 */
async function masterOne(
  file: string,
  specs: TargetSpec[],
  reference: MasterAnalysis | undefined,
  runId: string,
  o: MasterOptions,
  planned: string[] | Error,
) {
  if (planned instanceof Error) throw planned;
  const analysis = await analyzeForMaster(file, o.ffmpeg);
  const mono = analysis.channels === 1;
  const mode = specs.map((s) => (mono ? monoHandling(s) : 'as-is'));
  const groups = (['as-is', 'dual-mono'] as const)
    .map((m) => ({ upmix: m === 'dual-mono', idx: specs.flatMap((_, i) => (mode[i] === m ? [i] : [])) }))
    .filter((g) => g.idx.length > 0);
  const outputs: (MasterOutput | undefined)[] = specs.map(() => undefined);
  const decisions: Decision[] = [];
  const records: RunOutput[] = [];
  for (const [i, s] of specs.entries()) {
    if (mode[i] === 'as-is') continue;
    const layouts = s.platform!.channels!.join(', ');
    decisions.push({
      engine: 'master.channels',
      decision: 'monoInput',
      value: mode[i]!,
      reason:
        mode[i] === 'dual-mono'
          ? `${s.name} accepts ${layouts} channel(s) and its preset says monoInput: dual-mono: the mono mix goes ` +
            'out on both channels (the same signal, mastered as stereo)'
          : `${s.name} accepts ${layouts} channel(s) and its preset does not allow upmixing (monoInput: refuse)`,
      inputs: { file, target: s.target, channels: 1 },
    });
    if (mode[i] === 'refuse')
      outputs[i] = {
        target: s.target,
        file: null,
        format: s.format,
        achieved: null,
        targetSpec: s,
        compliant: false,
        limiterMaxGainReductionDb: null,
        problem:
          `cannot meet: ${s.name} accepts only ${layouts}-channel files and the mix is mono; upmix it, or set ` +
          `monoInput: dual-mono for ${s.target} in your config`,
      };
  }
  let input: Awaited<ReturnType<typeof masterGroup>>['input'] | undefined;
  for (const g of groups) {
    const a = g.upmix ? await analyzeForMaster(file, o.ffmpeg, true) : analysis;
    const r = await masterGroup(
      file,
      a,
      g.idx.map((i) => specs[i]!),
      reference,
      runId,
      o,
      g.idx.map((i) => planned[i]!),
      g.upmix,
    );
    g.idx.forEach((i, k) => (outputs[i] = r.result.outputs[k]));
    decisions.push(...r.result.decisions);
    records.push(...r.outputs);
    input ??= r.input;
  }
  const { speakers: _s, ...format } = analysis.source.format;
  return {
    result: { file, input: file, runId, outputs: outputs as MasterOutput[], decisions },
    input: input ?? { path: file, sizeBytes: analysis.sizeBytes, sha256: analysis.sha256, format },
    outputs: records,
  };
}

async function masterGroup(
  file: string,
  analysis: Awaited<ReturnType<typeof analyzeForMaster>>,
  specsIn: TargetSpec[],
  reference: MasterAnalysis | undefined,
  runId: string,
  o: MasterOptions,
  paths: string[],
  upmix: boolean,
) {
  const progress = (f: number) => o.onProgress?.(file, f);
  const ro = { ffmpeg: o.ffmpeg, upmix };
  const fmt = analysis.source.format;
  const monoDecisions: Decision[] = [];
  const specs = specsIn
    .map((s) => (s.sampleRateHz === 0 ? { ...s, sampleRateHz: fmt.sampleRate } : s))
    .map((s) => {
      // only a mono master of a target with its own mono loudness moves (stereo keeps the aim it was given)
      if (fmt.channels !== 1 || !s.platform) return s;
      const lufs = loudnessTargetFor(s.platform, fmt.channels);
      if (lufs === null || lufs === s.integratedLufs) return s;
      monoDecisions.push({
        engine: 'master.loudness',
        decision: 'monoTarget',
        value: lufs,
        unit: 'LUFS',
        reason:
          `the master is mono and ${s.name} names ${lufs} LUFS for mono files (${s.integratedLufs} LUFS otherwise): ` +
          'players put a mono file on both speakers, 3 LU louder than it measures (AES TD1004.1.15-10)',
        inputs: { file, target: s.target, channels: 1 },
      });
      return { ...s, integratedLufs: lufs };
    });
  progress(0.1);
  const style = STYLE_SPECS[o.style];
  const plan = planChain(analysis, o.style, reference, { multiband: o.multiband ?? false });
  const decisions: Decision[] = [...plan.decisions, ...monoDecisions];
  const weights = channelWeights(fmt.speakers);
  const base = (chain: MasterChainOptions, tails: MasterTailOptions[], spectra = false): MasterRenderOptions => ({
    sampleRate: fmt.sampleRate,
    channels: fmt.channels,
    channelWeights: weights,
    chain,
    tails,
    spectra: spectra ? spectraFor(fmt.sampleRate) : null,
  });
  const dither = (s: TargetSpec): MasterTailOptions['dither'] =>
    s.bitDepth === 32 ? 'none' : o.noiseShaping && s.bitDepth === 16 ? 'tpdf-shaped' : 'tpdf';
  // metering passes run at the mix's rate (no resampling: the resampler is flat to 20 kHz, so the
  // loudness is the same); the written file is at the target's rate and verified anyway
  const tailFor = (t: TargetState, emit: boolean): MasterTailOptions => ({
    sampleRate: emit ? t.spec.sampleRateHz : fmt.sampleRate,
    gainDb: t.gainDb,
    bitDepth: t.spec.bitDepth,
    dither: dither(t.spec),
    emit,
    // metering passes need the loudness only (the written file's true peak is measured in verification)
    meterTruePeak: emit,
    limiter: { ceilingDb: t.ceilingDb, lookaheadMs: style.limiter.lookaheadMs, releaseMs: style.limiter.releaseMs },
  });
  const inputLufs = analysis.levels.integratedLufs!;
  const states: TargetState[] = specs.map((spec) => {
    // a platform heard through a lossy codec starts lower by what the codec lifts the peak (verify.ts)
    const codecMarginDb = codecFirstMarginDb(checkedCodecs(spec.platform, o));
    return {
      spec,
      gainDb: spec.integratedLufs - inputLufs,
      ceilingDb: spec.truePeakCeilingDbtp - FIRST_CEILING_MARGIN_DB - codecMarginDb,
      codecMarginDb,
      history: [],
      status: 'iterating',
      gainPasses: 0,
      // a written format that moves the loudness (LAME's MP3) gets that much the other way on top of the search
      encoderCorrectionDb: -writtenLoudnessShiftDb(spec.format, spec.bitrateKbps),
    };
  });

  /** Meter-only passes until every target's loudness is on aim (or cannot be). */
  const iterate = async (active: TargetState[]) => {
    let chainLufs: number | null = null;
    for (let pass = 0; pass < MAX_GAIN_PASSES && active.some((t) => t.status === 'iterating'); pass++) {
      const running = active.filter((t) => t.status === 'iterating');
      const r = await renderPass(file, ro, () =>
        base(plan.chain, [
          ...running.map((t) => tailFor(t, false)),
          ...(chainLufs === null
            ? [
                {
                  sampleRate: fmt.sampleRate,
                  gainDb: 0,
                  limiter: null,
                  bitDepth: 32 as const,
                  dither: 'none' as const,
                  emit: false,
                },
              ]
            : []),
        ]),
      );
      if (chainLufs === null) chainLufs = r.tails[running.length]!.levels.integratedLufs ?? inputLufs;
      running.forEach((t, i) => {
        const rep = r.tails[i]!;
        const lufs = rep.levels.integratedLufs ?? -Infinity;
        t.last = rep;
        t.gainPasses++;
        t.history.push({ gainDb: t.gainDb, lufs });
        const measured = { lufs, limiterPeakGrDb: grDb(rep), limiterMeanGrDb: -rep.limiterMeanGainDb };
        const step = gainStep(
          { targetLufs: t.spec.integratedLufs, gainDb: t.gainDb, history: t.history },
          measured,
          chainLufs,
          // the loud style delivers over its budget with a warning: its search is not stopped by it
          style.refuseOverBudget ? style : { maxLimiterGainReductionDb: null, maxMeanLimiterGainReductionDb: Infinity },
        );
        if (step.status === 'next') t.gainDb = step.gainDb;
        else if (step.status === 'on-target') {
          // the search aims at the rendered loudness; the written file gets the encoder's shift on top
          t.status = 'ready';
          t.gainDb += t.encoderCorrectionDb;
        } else {
          t.status = 'failed';
          const allowed =
            style.maxLimiterGainReductionDb === null
              ? `${style.maxMeanLimiterGainReductionDb} dB on average`
              : `${style.maxLimiterGainReductionDb} dB on peaks, ${style.maxMeanLimiterGainReductionDb} dB on average`;
          const advice =
            o.style === 'loud'
              ? 'deliver a less dynamic mix or a lower target'
              : 'use --style loud, or deliver a less dynamic mix';
          const peaks = step.limiterPeakGrDb.toFixed(1);
          const mean = step.limiterMeanGrDb.toFixed(1);
          const needs = `${peaks} dB of limiting on peaks and ${mean} dB on average`;
          const aim = `${t.spec.integratedLufs} LUFS under a ${t.spec.truePeakCeilingDbtp} dBTP ceiling`;
          t.problem =
            `cannot meet: reaching ${aim} needs ${needs}, more than the ${o.style} style allows (${allowed}); ` +
            advice;
        }
      });
      progress(0.1 + 0.5 * Math.min(1, (pass + 1) / 4));
    }
    for (const t of active) {
      if (t.status === 'iterating') {
        t.status = 'failed';
        const last = t.last?.levels.integratedLufs?.toFixed(2);
        const settle = `the loudness did not settle within ${MAX_GAIN_PASSES} passes`;
        t.problem = `${settle} (last ${last} LUFS for ${t.spec.integratedLufs})`;
      }
    }
  };

  await iterate(states);
  const outputs: MasterOutput[] = [];
  const records: RunOutput[] = [];
  const verified = new Map<TargetState, { levels: Levels; file: string; sha256: string }>();
  for (let round_ = 0; round_ < MAX_VERIFY_ROUNDS; round_++) {
    const todo = states.filter((t) => t.status === 'ready' && !verified.has(t));
    if (todo.length === 0) break;
    const written = await writeMasters(
      file,
      ro,
      todo.map((t) => ({ state: t, target: paths[states.indexOf(t)]! })),
      () =>
        base(
          plan.chain,
          todo.map((t) => tailFor(t, true)),
        ),
      fmt.channels,
    );
    progress(0.8);
    for (const [i, t] of todo.entries()) {
      const w = written[i]!;
      const m = await measureWritten(w.file, o.ffmpeg);
      const lufs = m.levels.integratedLufs ?? -Infinity;
      const tp = m.levels.truePeakDbtp ?? -Infinity;
      const own = verdict(m.levels, t.spec, round_);
      // master's verification is validate's checks for the target (with its codec round trips)
      const checked = t.spec.platform ? await platformVerdict(w.file, m, t.spec.platform, o) : null;
      t.validation = checked?.verdict ?? null;
      const v = own.ok && checked && !checked.verdict.passed ? afterChecks(checked, round_) : own;
      if (checked && checked.codecs.length > 0)
        decisions.push(codecDecision(t.spec, checked, w.file, file, t.ceilingDb, v));
      decisions.push({
        engine: 'master.verify',
        decision: `round${round_ + 1}`,
        value: { target: t.spec.target, integratedLufs: lufs, truePeakDbtp: tp },
        reason: verifyReason(v, lufs, tp, t.spec),
        inputs: { file, output: w.file, limiterCeilingDb: round(t.ceilingDb, 2), gainDb: round(t.gainDb, 3) },
      });
      if (v.ok) {
        verified.set(t, { levels: m.levels, file: w.file, sha256: m.sha256 });
        continue;
      }
      await rm(w.file, { force: true });
      if (v.action === 'refuse') {
        t.status = 'failed';
        t.problem = v.problem;
      } else if (v.action === 'lower-ceiling') {
        // overshoot after resampling/dither/encoding: a lower ceiling, then the gain again
        t.ceilingDb -= v.byDb;
        t.status = 'iterating';
        t.history = [];
        // (the encoder's shift, anticipated and measured so far, is applied again when the search settles)
        await iterate([t]);
      } else if (v.action === 'correct-gain') {
        // the encoder moved the loudness: correct by what the decoded file measured
        t.gainDb += v.byDb;
        t.encoderCorrectionDb += v.byDb;
      } else {
        t.status = 'failed';
        t.problem = `the written master stayed out of tolerance after ${MAX_VERIFY_ROUNDS} verification rounds`;
      }
    }
  }
  for (const t of states) {
    let v = verified.get(t);
    const limiterMaxGainReductionDb = t.last ? grDb(t.last) : null;
    const dynamics = v && t.last ? dynamicsOf(analysis.levels, v.levels, t.last) : null;
    const warnings: string[] = [];
    if (v && dynamics) {
      const over = overBudget(dynamics, style);
      decisions.push(dynamicsDecision(t.spec, dynamics, over, file, o.style));
      if (over.length > 0 && style.refuseOverBudget) {
        await rm(v.file, { force: true });
        v = undefined;
        t.status = 'failed';
        t.problem =
          `cannot meet: ${over.join('; ')}, more than the ${o.style} style allows; ` +
          'use --style loud (delivers with a warning), a lower target, or a less dynamic mix';
      } else if (over.length > 0) warnings.push(`${t.spec.target}: ${over.join('; ')} (over the loud style's budget)`);
    }
    if (!v && t.status === 'ready') {
      t.status = 'failed';
      t.problem = `the written master stayed out of tolerance after ${MAX_VERIFY_ROUNDS} verification rounds`;
    }
    describeTarget(t, file, fmt.sampleRate, dither(t.spec), decisions, o.style);
    outputs.push({
      target: t.spec.target,
      file: v?.file ?? null,
      format: t.spec.format,
      achieved: v
        ? {
            integratedLufs: v.levels.integratedLufs,
            truePeakDbtp: v.levels.truePeakDbtp,
            loudnessRangeLu: v.levels.loudnessRangeLu,
            samplePeakDbfs: v.levels.samplePeakDbfs,
          }
        : null,
      targetSpec: t.spec,
      compliant: v !== undefined,
      limiterMaxGainReductionDb,
      ...(v ? {} : { problem: t.problem ?? 'not met' }),
      validation: v ? (t.validation ?? null) : null,
      dynamics,
      warnings,
    });
    for (const w of warnings) o.onWarning?.(w);
    if (v) records.push({ path: v.file, sha256: v.sha256, role: `master:${t.spec.target}` });
  }
  progress(1);
  const { speakers: _s, ...format } = fmt;
  return {
    result: { file, input: file, runId, outputs, decisions },
    input: { path: file, sizeBytes: analysis.sizeBytes, sha256: analysis.sha256, format },
    outputs: records,
  };
}

/** The reason of a master.verify decision: what the written file measured and what happens next. */
function verifyReason(v: MasterVerdict, lufs: number, tp: number, spec: TargetSpec): string {
  const what = MASTER_FORMATS[spec.format];
  const measured = `measures ${lufs.toFixed(2)} LUFS and ${tp.toFixed(2)} dBTP`;
  const ceiling = `the ${spec.truePeakCeilingDbtp} dBTP ceiling`;
  const checks = spec.platform ? `, and validate's ${spec.platform.id} checks pass` : '';
  if (v.ok)
    return (
      `the written ${what.describe} file ${measured}: on target (±${VERIFY_TOLERANCE_LU} LU) ` +
      `and at least ${PEAK_SAFETY_DB} dB under ${ceiling}${checks}`
    );
  if (v.action === 'refuse') return `the written file ${measured}; ${v.problem}: refused`;
  const problem = !v.peakOk
    ? v.loudOk && tp <= spec.truePeakCeilingDbtp - PEAK_SAFETY_DB
      ? `over ${ceiling} after a codec round trip`
      : `within ${PEAK_SAFETY_DB} dB of or over ${ceiling}${what.lossy ? ' after encoding' : ''}`
    : `off the ${spec.integratedLufs} LUFS target`;
  const next =
    v.action === 'lower-ceiling'
      ? `lowering the limiter ceiling by ${v.byDb.toFixed(2)} dB and searching the gain again`
      : v.action === 'correct-gain'
        ? `correcting the gain by ${v.byDb.toFixed(2)} dB and rendering again`
        : 'no rounds left';
  return `the written file ${measured} (${problem}); ${next}`;
}

function describeTarget(
  t: TargetState,
  file: string,
  inputRate: number,
  ditherMode: MasterTailOptions['dither'],
  decisions: Decision[],
  style: MasterStyle,
): void {
  const s = t.spec;
  const lim = STYLE_SPECS[style].limiter;
  const writtenShiftDb = writtenLoudnessShiftDb(s.format, s.bitrateKbps);
  decisions.push({
    engine: 'master.gain',
    decision: 'gainDb',
    value: round(t.gainDb, 3),
    unit: 'dB',
    reason:
      t.status === 'failed'
        ? `${s.target}: ${t.problem}`
        : `${s.target} aims at ${s.integratedLufs} LUFS; ${t.gainPasses} metering pass(es) of the limited output ` +
          `settled the gain at ${t.gainDb.toFixed(2)} dB (measured ${t.last?.levels.integratedLufs?.toFixed(2)} LUFS)` +
          (writtenShiftDb !== 0
            ? `, including ${round(-writtenShiftDb, 2)} dB for what ${MASTER_FORMATS[s.format].describe} at ` +
              `${s.bitrateKbps} kb/s takes off the loudness (the decoded file is measured anyway)`
            : ''),
    inputs: {
      file,
      target: s.target,
      history: t.history.map((h) => ({ gainDb: round(h.gainDb, 3), lufs: round(h.lufs, 3) })),
    },
  });
  decisions.push({
    engine: 'master.limiter',
    decision: 'ceiling',
    value: round(t.ceilingDb, 2),
    unit: 'dBTP',
    reason:
      `${s.name} allows at most ${s.truePeakCeilingDbtp} dBTP; the limiter (lookahead ${lim.lookaheadMs} ms, ` +
      `release ${lim.releaseMs} ms, true-peak detection on a ${s.sampleRateHz >= 192000 ? 2 : 4}× grid refined to ` +
      `${s.sampleRateHz >= 192000 ? 4 : 8}× near the ceiling) works ` +
      `${round(s.truePeakCeilingDbtp - t.ceilingDb, 2)} dB below it to leave room for resampling, ` +
      `dither${MASTER_FORMATS[s.format].lossy ? ' and encoder overshoot' : ''}` +
      (t.codecMarginDb > 0
        ? `; its first try started ${t.codecMarginDb} dB lower for what the ` +
          `${s
            .platform!.codecs.filter((c) => CODEC_FIRST_CEILING_MARGIN_DB[c] > 0)
            .join('/')
            .toUpperCase()} round ` +
          'trip lifts the true peak by'
        : ''),
    ...(t.codecMarginDb > 0
      ? {
          alternatives: [
            {
              value: round(s.truePeakCeilingDbtp - FIRST_CEILING_MARGIN_DB, 2),
              why_not:
                'the codec would lift most first masters over the ceiling: a second verification round at a lower ' +
                'ceiling (render, write and round trips again)',
            },
          ],
        }
      : {}),
    inputs: {
      file,
      target: s.target,
      limiterMaxGainReductionDb: t.last ? grDb(t.last) : null,
      limiterMeanGainReductionDb: t.last ? round(-t.last.limiterMeanGainDb, 2) : null,
    },
  });
  decisions.push({
    engine: 'master.resample',
    decision: 'sampleRateHz',
    value: s.sampleRateHz,
    unit: 'Hz',
    reason:
      s.sampleRateHz === inputRate
        ? `the mix is already at ${s.target}'s delivery rate`
        : `${s.target} delivers ${s.sampleRateHz} Hz: polyphase windowed-sinc resampling from ${inputRate} Hz (flat ` +
          `to 20 kHz, ≥ 100 dB stopband), before the limiter so the limited peaks are the delivered ones`,
    inputs: { file, target: s.target, inputRateHz: inputRate },
  });
  decisions.push({
    engine: 'master.dither',
    decision: 'mode',
    value: ditherMode,
    reason:
      ditherMode === 'none'
        ? '32-bit float output needs no dither'
        : `requantising to ${s.bitDepth} bits: TPDF dither (±1 LSB) decorrelates the rounding error from the ` +
          `music${ditherMode === 'tpdf-shaped' ? NOISE_SHAPING_WHY : ''}`,
    inputs: { file, target: s.target, bitDepth: s.bitDepth },
  });
  decisions.push({
    engine: 'master.encode',
    decision: 'format',
    value: s.format,
    reason:
      `${s.target} delivers ` +
      MASTER_FORMATS[s.format].describe +
      (s.bitrateKbps ? ` at ${s.bitrateKbps} kb/s` : ` (${s.bitDepth}-bit, ${s.sampleRateHz} Hz)`),
    inputs: { file, target: s.target },
  });
}

/** Renders the tails with emit on and writes each target's file (encoding through ffmpeg when not WAV). */
async function writeMasters(
  file: string,
  o: { ffmpeg: FfmpegChoice; upmix: boolean },
  jobs: { state: TargetState; target: string }[],
  build: () => MasterRenderOptions,
  channels: number,
) {
  const files = new WavFileSet();
  const finals: { file: string; wav: string }[] = [];
  try {
    const writers: WavWriter[] = [];
    for (const { state, target } of jobs) {
      await mkdir(path.dirname(path.resolve(target)), { recursive: true });
      const encoded = state.spec.format !== 'wav';
      const wav = encoded ? temporarySibling(target, '.wav') : target;
      const format = state.spec.bitDepth === 16 ? 's16' : state.spec.bitDepth === 24 ? 's24' : 'f32';
      writers.push(await files.create(wav, { sampleRate: state.spec.sampleRateHz, channels, format }));
      finals.push({ file: target, wav });
    }
    await renderPass(file, o, build, (i, pcm) => writers[i]!.write(pcm));
    await files.close(); // hashed when measured in verification
  } catch (err) {
    await files.abort();
    throw err;
  }
  for (const [i, { state }] of jobs.entries()) {
    const f = finals[i]!;
    if (f.wav === f.file) continue;
    // the format's own extension: ffmpeg picks the container by it, and `-o name` may have none
    const tmp = temporarySibling(f.file, `.${MASTER_FORMATS[state.spec.format].extension}`);
    try {
      // the mix's tags (title, artist, ISRC…) go into the master (issue 17 point 8)
      await encodeFile(f.wav, tmp, encoderArgs(state.spec), MASTER_FORMATS[state.spec.format].describe, o.ffmpeg, file);
      await renameTemporary(tmp, f.file);
    } finally {
      await removeTemporary(f.wav);
      await removeTemporary(tmp);
    }
  }
  return finals;
}

/** Measures a written master (lossy formats are decoded by ffmpeg). */
async function measureWritten(
  file: string,
  ffmpeg: FfmpegChoice,
): Promise<{ levels: Levels; sha256: string; format: Measurements['format'] }> {
  const source = await openAudio(file, { ffmpeg });
  try {
    const { levels } = await measureLevels(source);
    const { sampleRate, channels, bitDepth, codec } = source.format;
    return { levels, sha256: await source.sha256(), format: { sampleRate, channels, bitDepth, codec } };
  } finally {
    await source.close();
  }
}

// ---- the command line -----------------------------------------------------------------------

export interface MasterFlags extends BatchFlags, AdHocFlags {
  target?: string;
  reference?: string;
  style: string;
  output?: string;
  format?: string;
  noiseShaping?: boolean;
  multiband?: boolean;
  codecCheck?: boolean;
  album?: boolean;
}

export const masterCommand = defineCommand({
  name: 'master',
  description:
    'master mixes to delivery targets: chain planned from the analysis, ' +
    'loudness iterated until the written files measure on target',
  arguments: [['<files...>', 'mixes to master (WAV/FLAC/MP3/AAC/Opus/AIFF)']],
  options: (cmd) =>
    addTargetOptions(cmd, targetNamesHelp)
      .option(
        '-t, --target <list>',
        'comma-separated targets from presets/platforms.yaml or your config, e.g. spotify,apple-music,cd',
      )
      .option('-r, --reference <file>', 'match this reference master: mid/side tonal balance, width and loudness')
      .option('-s, --style <style>', 'transparent (gain + true-peak limiting only) | balanced | loud', 'balanced')
      .option(
        '-f, --format <format>',
        "deliver every target as wav | flac | mp3 | aac | opus (default: each target's own format)",
      )
      .option(
        '--noise-shaping',
        "shape the 16-bit dither noise away from the ear's most sensitive band (F-weighted error feedback)",
      )
      .option('--multiband', 'add three-band compression (200 Hz / 3 kHz crossovers) after the glue compressor')
      .option(
        '--no-codec-check',
        "skip the encode/decode round trips of targets that list codecs (validate --codec-check's check)",
      )
      .option(
        '--album',
        'master the files as one album: one gain offset for all (album loudness over all their blocks), ' +
          'their loudness differences kept',
      ),
  shared: {
    output: {
      description:
        'folder for the masters (named <mix>.<target>.<ext>), or a file for one mix and one target whose ' +
        'extension picks the format, or - for stdout (WAV/FLAC; default: beside the mix)',
    },
    overwrite: true,
    json: true,
    inputs: true,
    jobs: 'mixes mastered',
    ffmpeg: 'non-WAV input and FLAC/MP3/AAC/Opus output',
    store: 'store',
  },
  examples: [
    'shub master mix.wav --target spotify,apple-music,cd -o masters/',
    'shub master album/*.wav --target spotify --json > report.ndjson',
    'shub master mix.wav --reference ref.wav -o mix.matched.wav',
  ],
  exitCodes: {
    0: 'every target met',
    1: 'a target could not be met within the style (reported; no file)',
    2: 'usage/config error or existing output without -y',
    3: 'unreadable input',
    4: 'missing ffmpeg or database unreachable',
    5: 'internal',
  },
  run: masterCli,
});

/** `shub master`: style, format and targets checked and loaded before the store opens. */
export async function masterCli(ctx: CliContext, files: string[], flags: MasterFlags): Promise<number> {
  const style = oneOf('--style', flags.style, Object.keys(MASTER_STYLES) as MasterStyle[]);
  const format =
    flags.format === undefined
      ? undefined
      : oneOf('--format', flags.format, Object.keys(MASTER_FORMATS) as MasterFormat[]);
  if (!flags.target && !flags.reference && flags.lufs === undefined)
    throw new UsageError(
      'name the delivery targets with --target (e.g. --target spotify,apple-music,cd), give one with --lufs ' +
        '(--lufs -14 --ceiling -1) or give --reference',
    );
  return withSession(ctx, 'master', flags, async (s) => {
    const adHoc = { lufs: flags.lufs, ceiling: flags.ceiling, lra: flags.lra };
    const targets =
      flags.target || flags.lufs !== undefined || flags.ceiling !== undefined || flags.lra !== undefined
        ? await resolveTargets(s, flags.target, '--target', adHoc)
        : [];
    const { formatMasterText } = await import('../ui/master-text.js');
    const inputs = await s.inputs(files, flags);
    // -o: a folder, a file whose extension picks the format, or - (src/io/outputs.ts)
    const out = flags.output
      ? await s.audioOutput(flags.output, {
          inputs: [...inputs, ...(flags.reference ? [flags.reference] : [])],
          count: inputs.length * Math.max(1, targets.length),
          formatFlag: format,
          defaultFormat: (targets.length === 1 ? targets[0]!.delivery.format : 'wav') as MasterFormat,
          command: 'master',
        })
      : undefined;
    const outcome = await master({
      ...(await s.batch(inputs, flags, { format: formatMasterText })),
      targets,
      ...(flags.reference ? { reference: flags.reference } : {}),
      style,
      ...(out ? { output: out.output } : {}),
      ...((out?.format ?? format) ? { format: out?.format ?? format } : {}),
      overwrite: flags.overwrite ?? false,
      noiseShaping: flags.noiseShaping ?? false,
      multiband: flags.multiband ?? false,
      codecCheck: flags.codecCheck ?? true,
      album: flags.album ?? false,
    });
    return s.sendAudio(outcome.exitCode);
  });
}
