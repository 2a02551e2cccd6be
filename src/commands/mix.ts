/**
 * `shub mix recipe.yaml -o mix.wav [--rpp session.rpp]`: load the recipe → open the stems
 * (missing: exit 3; wrong rate: exit 2, both naming the recipe line) → stage gains when asked →
 * render natively, streaming (printing stems for the session) → write the REAPER session →
 * record the run with every automatic choice as a decision.
 */
import { RECIPE_MIX_PARAMETERS } from '../engines/dsp/params.js';
import path from 'node:path';
import { ExitCode, ShubError, UsageError, InputError } from '../errors.js';
import { WavFileSet } from '../io/wav-writer.js';
import { openAudio, type AudioSource } from '../io/audio.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import { removeTemporary, temporarySibling, writeFileAtomic } from '../io/atomic.js';
import { loadRecipe, type LoadedRecipe } from '../recipes/mix.js';
import { compileRecipe, type MixGraph, type StagingGains } from '../engines/mix/graph.js';
import {
  mapBounded,
  renderGraph,
  sourceBlockBytes,
  STAGING_CONCURRENCY,
  type PrintTarget,
  type RenderOutcome,
} from '../engines/mix/render.js';
import { masterTrim, trackStaging } from '../engines/mix/gain-staging.js';
import { checkRenderBounds, collectLimit, LIMIT_FLAG_HELP, resolveLimits, type Limits } from '../engines/mix/limits.js';
import { measureLevels, round, toLevels } from '../engines/levels/index.js';
import { buildSession } from '../rpp/export.js';
import { RunRecorder, recordingFailure } from '../store/run.js';
import type { Decision, RunRecord, RunInput } from '../store/types.js';
import { envelope, type Reported, type RunContext } from './batch.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import { type FfmpegFlag, type JsonFlag, type OverwriteFlag, type StoreFlags } from './options.js';
import { quotePath } from '../io/names.js';
import { encodeWavInto, formatNamedByOutput, OutputPlan, type AudioOutputFormat } from '../io/outputs.js';

/** The format of a mix or render output file: what its extension names, WAV without one. */
export const outputFormatOf = (output: string): AudioOutputFormat => formatNamedByOutput(output, 1) ?? 'wav';

export interface MixOptions extends RunContext {
  recipe: string;
  output: string;
  /** Also write a REAPER session here, its printed stems in `<session>-stems/` beside it. */
  rpp?: string;
  overwrite?: boolean;
  /** Work limits (src/engines/mix/limits.ts); default: the declared defaults. */
  limits?: Limits;
  /** The command recorded in the run (`render` reuses this story for recipes). Default `mix`. */
  command?: string;
  onProgress?: (fraction: number) => void;
}

/** A printed stem and the file it goes to. */
export interface StemFile extends PrintTarget {
  file: string;
}

export interface MixStripResult {
  name: string;
  kind: 'track' | 'bus' | 'master';
  role?: string;
  gainDb: number;
  pan: number;
  output: string;
  active: boolean;
  inputPeakDbfs: number | null;
  outputPeakDbfs: number | null;
  compressorMaxGainReductionDb?: number;
}

/** The result of `shub mix` (`file` is the recipe, like `recipe`: every command's line names its input). */
export interface MixResult {
  file: string;
  recipe: string;
  output: string;
  sha256: string;
  sampleRate: number;
  frames: number;
  durationSeconds: number;
  levels: {
    integratedLufs: number | null;
    loudnessRangeLu: number | null;
    truePeakDbtp: number | null;
    samplePeakDbfs: number | null;
  };
  strips: MixStripResult[];
  session?: { file: string; stems: string[] };
  decisions: Decision[];
}

export interface MixOutcome {
  exitCode: ExitCode;
  result: Reported<MixResult>;
  run: RunRecord;
  runFile: string;
}

const db = (x: number) => (x > 0 ? round(20 * Math.log10(x), 2) : null);

export async function mix(options: MixOptions): Promise<MixOutcome> {
  return recordingFailure(
    options.store,
    options.command ?? 'mix',
    options.args ?? [],
    options.recipe,
    () => mixRun(options),
    options.runId,
  );
}

async function mixRun(options: MixOptions): Promise<MixOutcome> {
  const recorder = new RunRecorder(options.command ?? 'mix', options.args ?? [], options.runId);
  const limits = options.limits ?? resolveLimits(undefined);
  const loaded = await loadRecipe(options.recipe, { limits });
  const files = loaded.recipe.tracks.map((t) => path.resolve(loaded.dir, t.file));
  const outputs = planOutputs(options, [options.recipe, ...files]);

  const decisions: Decision[] = [];
  let staging: StagingGains | undefined;
  if (loaded.recipe.auto?.gainStaging) {
    staging = await stageGains(loaded, files, options, decisions);
  }
  const sources = await openStems(loaded, files, options);
  let outcome: RenderOutcome & { sha256: Map<string, string> };
  let graph: MixGraph;
  let prints: StemFile[] = [];
  try {
    graph = compileRecipe(loaded, {
      formats: sources.map((s) => s.format),
      files,
      ...(staging ? { staging } : {}),
      print: !!options.rpp,
    });
    describePanLaw(decisions);
    if (options.rpp) {
      prints = printTargets(graph, options.rpp);
      for (const p of prints) outputs.claim(p.file, `the printed stem of ${graph.strips[p.strip]!.name}`);
    }
    await checkRenderBounds(graph, options.output, prints, limits, options.recipe);
    outcome = await renderToWav(graph, {
      sources,
      output: options.output,
      encode: { format: outputFormatOf(options.output), ffmpeg: options.ffmpeg },
      prints,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    for (const [i, s] of sources.entries()) recorder.inputs.push(await inputRecord(s, files[i]!));
  } finally {
    await Promise.all(sources.map((s) => s.close().catch(() => undefined)));
  }
  for (const [file, sha] of outcome.sha256) {
    const print = prints.find((p) => p.file === file);
    recorder.outputs.push({
      path: file,
      sha256: sha,
      role: print ? `mix:stem:${graph.strips[print.strip]!.name}` : 'mix',
    });
  }
  let session: MixResult['session'];
  if (options.rpp) {
    const text = buildSession({
      sessionFile: options.rpp,
      graph,
      stems: prints,
      recipeFile: options.recipe,
      renderFile: `${path.basename(options.rpp, path.extname(options.rpp))}-reaper.wav`,
    });
    await writeFileAtomic(options.rpp, text);
    const { createHash } = await import('node:crypto');
    recorder.outputs.push({
      path: options.rpp,
      sha256: createHash('sha256').update(text).digest('hex'),
      role: 'mix:session',
    });
    session = { file: options.rpp, stems: prints.map((p) => p.file) };
    decisions.push({
      engine: 'mix.session',
      decision: 'printedStems',
      value: prints.length,
      unit: 'files',
      reason:
        'the REAPER session plays printed stems (chains applied pre-fader) and residual items for bus and master ' +
        'chains, so it needs no plugin and sums to the native mix',
      inputs: { session: options.rpp },
    });
  }
  const levels = outcome.levels ? toLevels(outcome.levels, false).levels : null;
  const stats = outcome.stats;
  const result = envelope<MixResult>(
    {
      file: options.recipe,
      recipe: options.recipe,
      output: options.output,
      sha256: outcome.sha256.get(options.output) ?? '',
      sampleRate: graph.sampleRate,
      frames: outcome.frames,
      durationSeconds: round(outcome.frames / graph.sampleRate, 6),
      levels: {
        integratedLufs: levels?.integratedLufs ?? null,
        loudnessRangeLu: levels?.loudnessRangeLu ?? null,
        truePeakDbtp: levels?.truePeakDbtp ?? null,
        samplePeakDbfs: levels?.samplePeakDbfs ?? null,
      },
      strips: graph.strips.map((s, i) => ({
        name: s.name,
        kind: s.kind,
        ...(s.role ? { role: s.role } : {}),
        gainDb: round(s.gainDb ?? 0, 2),
        pan: s.pan ?? 0,
        output: s.output < 0 ? 'mix' : graph.strips[s.output]!.name,
        active: s.active !== false,
        inputPeakDbfs: db(stats[i]!.inputPeak),
        outputPeakDbfs: db(stats[i]!.outputPeak),
        ...(s.compressor ? { compressorMaxGainReductionDb: round(stats[i]!.compressorMaxGainReductionDb, 2) } : {}),
      })),
      ...(session ? { session } : {}),
      decisions,
    },
    recorder.runId,
  );
  for (const d of decisions) recorder.decide(d);
  recorder.results.push(result);
  const run = recorder.finish(ExitCode.ok);
  const runFile = await options.store.saveRun(run);
  return { exitCode: ExitCode.ok, result, run, runFile };
}

/**
 * The outputs of a mix or render, checked before any work (SPEC §3, issue 18 points 6–8): none may
 * be an input (the recipe or project, a stem, a reference), a device or folder, or another output
 * of the run; an existing one is replaced only with -y. Printed stems are claimed with `claim` once
 * their names are known.
 */
export function planOutputs(
  options: { output: string; rpp?: string; overwrite?: boolean },
  inputs: string[],
): OutputPlan {
  const plan = new OutputPlan(inputs, options.overwrite ?? false);
  plan.claim(options.output, 'mix');
  if (options.rpp) plan.claim(options.rpp, 'REAPER session');
  return plan;
}

/** Opens every stem (InputError → exit 3 naming the recipe line) and checks its rate (exit 2). */
export async function openStems(
  loaded: LoadedRecipe,
  files: string[],
  options: { ffmpeg: FfmpegChoice; onWarning?: (m: string) => void },
): Promise<AudioSource[]> {
  const sources: AudioSource[] = [];
  try {
    for (const [i, t] of loaded.recipe.tracks.entries()) {
      const at = loaded.locate(['tracks', i, 'file']);
      let s: AudioSource;
      try {
        s = await openAudio(files[i]!, { ffmpeg: options.ffmpeg, blockBytes: sourceBlockBytes(files.length) });
      } catch (err) {
        if (err instanceof InputError) throw new ShubError(`${at}: ${err.message}`, ExitCode.input);
        throw err;
      }
      sources.push(s);
      for (const w of s.warnings) options.onWarning?.(w);
      const rate = loaded.recipe.sampleRate;
      if (s.format.sampleRate !== rate) {
        throw new UsageError(
          `${at}: ${t.file} is ${s.format.sampleRate} Hz but the recipe's sampleRate is ${rate} Hz; resample the ` +
            `stem (e.g. \`ffmpeg -i ${t.file} -ar ${rate} out.wav\`) or change sampleRate`,
        );
      }
    }
    return sources;
  } catch (err) {
    await Promise.all(sources.map((s) => s.close().catch(() => undefined)));
    throw err;
  }
}

async function inputRecord(s: AudioSource, file: string): Promise<RunInput> {
  const { speakers: _s, ...format } = s.format;
  return { path: file, sizeBytes: s.sizeBytes, sha256: await s.sha256(), format };
}

/** Measures every active stem, balances by role, then trims the master input from a first pass. */
async function stageGains(
  loaded: LoadedRecipe,
  files: string[],
  options: MixOptions,
  decisions: Decision[],
): Promise<StagingGains> {
  const { recipe } = loaded;
  const anySolo = recipe.tracks.some((t) => t.solo);
  const loudness = await mapBounded(recipe.tracks, STAGING_CONCURRENCY, async (t, i) => {
    if (t.mute || (anySolo && !t.solo)) return null;
    let src: AudioSource;
    try {
      src = await openAudio(files[i]!, { ffmpeg: options.ffmpeg });
    } catch (err) {
      if (err instanceof InputError)
        throw new ShubError(`${loaded.locate(['tracks', i, 'file'])}: ${err.message}`, ExitCode.input);
      throw err;
    }
    try {
      return (await measureLevels(src)).levels.integratedLufs;
    } finally {
      await src.close();
    }
  });
  const active = recipe.tracks.map((t, i) => ({ t, i })).filter(({ t }) => !(t.mute || (anySolo && !t.solo)));
  const staged = trackStaging(
    active.map(({ t, i }) => ({
      name: t.name,
      role: t.role ?? 'other',
      integratedLufs: loudness[i] ?? null,
      manualGainDb: t.gainDb ?? 0,
    })),
  );
  const trackGainDb = recipe.tracks.map(() => 0);
  active.forEach(({ i }, k) => (trackGainDb[i] = staged.gains[k]!));
  decisions.push(...staged.decisions);
  // first pass: the balanced tracks into the master input, nothing written
  const sources = await openStems(loaded, files, options);
  let peak: number;
  try {
    const graph = compileRecipe(loaded, {
      formats: sources.map((s) => s.format),
      files,
      staging: { trackGainDb, masterTrimDb: 0 },
    });
    const first = await renderGraph(graph, { sources, output: null, meter: false });
    peak = first.stats[graph.strips.length - 1]!.inputPeak;
  } finally {
    await Promise.all(sources.map((s) => s.close().catch(() => undefined)));
  }
  const trim = masterTrim(peak, recipe.auto?.headroomDb ?? RECIPE_MIX_PARAMETERS.headroomDb.value);
  decisions.push(trim.decision);
  return { trackGainDb, masterTrimDb: trim.trimDb };
}

/**
 * Renders `graph` into 32-bit float WAV files: the mix at `output`, each printed stem at its file.
 * With `encode` (an `-o` whose extension names FLAC, MP3, AAC or Opus) the mix is rendered to a
 * temporary WAV beside `output` and encoded by ffmpeg into place (FLAC at 24 bits).
 */
export async function renderToWav(
  graph: MixGraph,
  options: {
    sources: AudioSource[];
    output: string;
    prints?: StemFile[];
    onProgress?: (fraction: number) => void;
    encode?: { format: AudioOutputFormat; ffmpeg: FfmpegChoice };
  },
): Promise<RenderOutcome & { sha256: Map<string, string> }> {
  const files = new WavFileSet();
  const spec = (channels: number) => ({ sampleRate: graph.sampleRate, channels, format: 'f32' as const });
  const encode = options.encode?.format === 'wav' ? undefined : options.encode;
  const wav = encode ? temporarySibling(options.output, '.wav') : options.output;
  try {
    const output = await files.create(wav, spec(2));
    const outcome = await renderGraph(graph, {
      sources: options.sources,
      output,
      prints: options.prints ?? [],
      openPrint: (p, channels) => files.create(p.file, spec(channels)),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const sha256 = await files.finish();
    if (encode) {
      sha256.delete(wav);
      const format = encode.format as Exclude<AudioOutputFormat, 'wav'>;
      sha256.set(options.output, await encodeWavInto(wav, options.output, format, encode.ffmpeg));
    }
    return { ...outcome, sha256 };
  } catch (err) {
    await files.abort();
    if (encode) await removeTemporary(wav);
    throw err;
  }
}

/** One printed stem per track (from its item position) and per processing bus / master. */
function printTargets(graph: MixGraph, rpp: string): StemFile[] {
  const dir = path.join(path.dirname(path.resolve(rpp)), `${path.basename(rpp, path.extname(rpp))}-stems`);
  const used = new Set<string>();
  const out: StemFile[] = [];
  graph.strips.forEach((s, i) => {
    if (!s.print || s.print === 'none') return;
    let base = `${String(i + 1).padStart(2, '0')}-${s.name.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
    if (s.kind !== 'track') base += '-residual';
    while (used.has(base)) base += '_';
    used.add(base);
    const clip = graph.clips.find((c) => c.strip === i);
    out.push({
      strip: i,
      file: path.join(dir, `${base}.wav`),
      fromFrame: s.kind === 'track' && clip ? clip.startFrame : 0,
    });
  });
  return out;
}

/** The pan law as a decision (the mixer and the RPP renderer share it). */
function describePanLaw(decisions: Decision[]): void {
  decisions.push({
    engine: 'mix.pan',
    decision: 'panLaw',
    value: 'constant-power',
    reason:
      'mono strips pan with cos/sin of (pan+1)·π/4 (−3 dB each side at centre); stereo strips balance with unity at ' +
      'centre; the RPP renderer uses the same law',
  });
}

// ---- the command line -----------------------------------------------------------------------

export interface MixFlags extends JsonFlag, FfmpegFlag, StoreFlags, OverwriteFlag {
  output: string;
  rpp?: string;
  limit?: string[];
}

export const mixCommand = defineCommand({
  name: 'mix',
  description: 'render a multitrack mix from a YAML recipe (gain, pan, EQ, dynamics, buses, sends, automation)',
  arguments: [['<recipe>', 'mix recipe (YAML, format in docs/recipes.md); stem paths are relative to it']],
  options: (cmd) =>
    cmd
      .option('--rpp <file>', 'also write a REAPER session playing printed stems (written to <session>-stems/)')
      .option('--limit <name=value>', LIMIT_FLAG_HELP, collectLimit),
  shared: {
    output: {
      description:
        'the mix: .wav (32-bit float), .flac (24-bit), .mp3/.m4a/.opus (through ffmpeg), a folder, or - for stdout',
      required: true,
    },
    overwrite: true,
    json: 'print the result as one JSON object (one line)',
    ffmpeg: 'non-WAV stems',
    store: 'store',
  },
  examples: [
    'shub mix song.yaml -o mix.wav',
    'shub mix song.yaml -o mix.wav --rpp session/song.rpp --json | jq .levels',
  ],
  exitCodes: {
    0: 'ok',
    2: 'recipe error (file:line key)',
    3: 'unreadable stem',
    4: 'missing ffmpeg or database',
    5: 'internal',
  },
  run: mixCli,
});

/** `shub mix`: one recipe, one result (or its error). */
export async function mixCli(ctx: CliContext, recipe: string, flags: MixFlags): Promise<number> {
  return withSession(ctx, 'mix', flags, async (s) => {
    // -o: a file whose extension picks the format, a folder, or - (src/io/outputs.ts)
    const output = await s.oneAudioOutput(flags.output, recipe, 'mix');
    const code = await s.one(recipe, flags, { format: formatMixText }, async (context) => {
      const { result } = await mix({
        ...context,
        recipe,
        output,
        ...(flags.rpp ? { rpp: flags.rpp } : {}),
        overwrite: flags.overwrite ?? false,
        limits: resolveLimits(flags.limit, s.config.limits),
      });
      return result;
    });
    return s.sendAudio(code);
  });
}

export function formatMixText(r: MixResult): string {
  const f = (x: number | null, unit: string) => (x === null ? '-inf' : `${x.toFixed(1)} ${unit}`);
  const lines = [
    `${quotePath(r.output)}  ${r.durationSeconds.toFixed(2)} s  ${r.sampleRate} Hz  ` +
      `${f(r.levels.integratedLufs, 'LUFS')}  true peak ${f(r.levels.truePeakDbtp, 'dBTP')}`,
  ];
  for (const s of r.strips) {
    lines.push(
      `  ${s.kind.padEnd(6)} ${s.name.padEnd(20)} ` +
        `${`${s.gainDb >= 0 ? '+' : ''}${s.gainDb.toFixed(1)} dB`.padStart(9)}  pan ${s.pan.toFixed(2).padStart(5)} ` +
        ` → ${s.output}${s.active ? '' : '  (muted)'}  peak ${f(s.outputPeakDbfs, 'dBFS')}`,
    );
  }
  for (const d of r.decisions.filter((d) => d.engine === 'mix.gainStaging')) lines.push(`  auto: ${d.reason}`);
  if (r.session) lines.push(`session ${quotePath(r.session.file)} (${r.session.stems.length} printed stems)`);
  return lines.join('\n');
}
