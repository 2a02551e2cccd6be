/**
 * `shub render SESSION -o out.wav [--backend native|reaper]`. SESSION is a mix recipe (rendered
 * by the `mix` story) or a REAPER project: natively, its plugin-free subset (src/rpp/to-graph.ts)
 * streams through the same Mixer as `mix`; with REAPER, a render-ready copy of the project is
 * rendered headless and the result is checked and measured. Either way the run is recorded.
 */
import { mkdir } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError, ExitCode, InputError, ShubError, UsageError } from '../errors.js';
import { openAudio, type AudioSource } from '../io/audio.js';
import { removeTemporary, renameTemporary, temporarySibling, writeFileAtomic } from '../io/atomic.js';
import { measureLevels, round, toLevels, type Levels } from '../engines/levels/index.js';
import { hashFile } from '../io/hash.js';
import { parseRpp, RppSyntaxError, findLine, num } from '../rpp/parse.js';
import { planRpp } from '../rpp/to-graph.js';
import { sourceBlockBytes } from '../engines/mix/render.js';
import {
  checkRenderBounds,
  collectLimit,
  LIMIT_FLAG_HELP,
  readLimited,
  resolveLimits,
  type Limits,
} from '../engines/mix/limits.js';
import { findReaper, renderReadyProject, runReaper, type ReaperRun } from '../io/reaper.js';
import { RunRecorder, recordingFailure } from '../store/run.js';
import type { Decision, RunRecord, Store } from '../store/types.js';
import { envelope, type Reported, type RunContext } from './batch.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import { planOutputs, mix, outputFormatOf, renderToWav, type MixResult } from './mix.js';
import { oneOf, type FfmpegFlag, type JsonFlag, type OverwriteFlag, type StoreFlags } from './options.js';
import { quotePath } from '../io/names.js';

export type RenderBackend = 'native' | 'reaper';

export interface RenderOptions extends RunContext {
  session: string;
  output: string;
  backend?: RenderBackend;
  /** --reaper, and config reaper.path (SHUB_REAPER is read from `env`). */
  reaper?: string;
  reaperConfigPath?: string;
  env?: NodeJS.ProcessEnv;
  timeoutSeconds?: number;
  overwrite?: boolean;
  /** Work limits (src/engines/mix/limits.ts); default: the declared defaults. */
  limits?: Limits;
}

/** The result of `shub render` (`file` is the session, like `session`). */
export interface RenderResult {
  file: string;
  session: string;
  backend: RenderBackend;
  output: string;
  sha256: string;
  sampleRate: number;
  frames: number;
  durationSeconds: number;
  levels: Pick<Levels, 'integratedLufs' | 'loudnessRangeLu' | 'truePeakDbtp' | 'samplePeakDbfs'>;
  /** The REAPER command line (reaper backend). */
  reaper?: { command: string; args: string[] };
  decisions: Decision[];
}

export interface RenderOutcome {
  exitCode: ExitCode;
  result: Reported<RenderResult>;
  run: RunRecord;
  runFile: string;
}

const isRpp = (f: string) => /\.rpp$/i.test(f);

export async function render(options: RenderOptions): Promise<RenderOutcome> {
  const backend = options.backend ?? 'native';
  if (backend !== 'native' && backend !== 'reaper')
    throw new UsageError(`--backend: expected native or reaper, got '${String(backend)}'`);
  if (!isRpp(options.session)) {
    if (backend === 'reaper')
      throw new UsageError(
        `${options.session}: the reaper backend renders .rpp projects; export one with \`shub mix ` +
          `${options.session} -o mix.wav --rpp session.rpp\` first`,
      );
    const m = await mix({
      recipe: options.session,
      output: options.output,
      overwrite: options.overwrite ?? false,
      ffmpeg: options.ffmpeg,
      store: options.store,
      args: options.args ?? [],
      ...(options.runId ? { runId: options.runId } : {}),
      command: 'render',
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
    return { ...m, result: envelope(fromMix(m.result), m.run.runId) };
  }
  return recordingFailure(
    options.store,
    'render',
    options.args ?? [],
    options.session,
    () => (backend === 'reaper' ? renderWithReaper(options) : renderRppNative(options)),
    options.runId,
  );
}

function fromMix(m: MixResult): RenderResult {
  return {
    file: m.recipe,
    session: m.recipe,
    backend: 'native',
    output: m.output,
    sha256: m.sha256,
    sampleRate: m.sampleRate,
    frames: m.frames,
    durationSeconds: m.durationSeconds,
    levels: m.levels,
    decisions: m.decisions,
  };
}

async function readProject(file: string, limits: Limits = resolveLimits(undefined)) {
  const text = await readLimited(file, limits, 'project');
  try {
    return { text, root: parseRpp(text) };
  } catch (err) {
    if (err instanceof RppSyntaxError)
      throw new UsageError(
        `${path.relative(process.cwd(), file) || file}:${err.line} ${err.message}; is this a REAPER project?`,
      );
    throw err;
  }
}

async function renderRppNative(options: RenderOptions): Promise<RenderOutcome> {
  const recorder = new RunRecorder('render', options.args ?? [], options.runId);
  const limits = options.limits ?? resolveLimits(undefined);
  const { root } = await readProject(options.session, limits);
  const plan = planRpp(root, options.session, limits);
  planOutputs({ output: options.output, overwrite: options.overwrite ?? false }, [
    options.session,
    ...plan.sources.map((s) => s.file),
  ]);
  const sources: AudioSource[] = [];
  try {
    for (const s of plan.sources) {
      try {
        const blockBytes = sourceBlockBytes(plan.sources.length);
        sources.push(await openAudio(s.file, { ffmpeg: options.ffmpeg, blockBytes }));
      } catch (err) {
        if (err instanceof InputError) throw new ShubError(`${s.at} FILE: ${err.message}`, ExitCode.input);
        throw err;
      }
    }
    const graph = plan.build(sources.map((s) => s.format));
    await checkRenderBounds(graph, options.output, [], limits, options.session);
    const encode = { format: outputFormatOf(options.output), ffmpeg: options.ffmpeg };
    const out = await renderToWav(graph, { sources, output: options.output, encode });
    for (const [i, s] of sources.entries()) {
      const { speakers: _s, ...format } = s.format;
      if (!recorder.inputs.some((x) => x.path === plan.sources[i]!.file))
        recorder.inputs.push({ path: plan.sources[i]!.file, sizeBytes: s.sizeBytes, sha256: await s.sha256(), format });
    }
    const sha = out.sha256.get(options.output)!;
    recorder.outputs.push({ path: options.output, sha256: sha, role: 'render' });
    const levels = toLevels(out.levels!, false).levels;
    const decisions: Decision[] = [
      {
        engine: 'render.native',
        decision: 'backend',
        value: 'native',
        reason:
          `the project uses only what the native mixer reproduces (items, volume/pan, mute/solo, folders, ` +
          `receives); ${graph.clips.length} items on ${graph.strips.filter((s) => s.kind !== 'master').length} tracks`,
        inputs: { session: options.session },
      },
      {
        engine: 'mix.pan',
        decision: 'panLaw',
        value: 'constant-power',
        reason:
          'track pans use shub\'s constant-power law (see README "mix and render"); REAPER\'s own pan law may ' +
          'differ for panned tracks',
      },
    ];
    const result: RenderResult = {
      file: options.session,
      session: options.session,
      backend: 'native',
      output: options.output,
      sha256: sha,
      sampleRate: graph.sampleRate,
      frames: out.frames,
      durationSeconds: round(out.frames / graph.sampleRate, 6),
      levels: {
        integratedLufs: levels.integratedLufs,
        loudnessRangeLu: levels.loudnessRangeLu,
        truePeakDbtp: levels.truePeakDbtp,
        samplePeakDbfs: levels.samplePeakDbfs,
      },
      decisions,
    };
    return finish(recorder, result, options.store);
  } finally {
    await Promise.all(sources.map((s) => s.close().catch(() => undefined)));
  }
}

async function renderWithReaper(options: RenderOptions): Promise<RenderOutcome> {
  const recorder = new RunRecorder('render', options.args ?? [], options.runId);
  const reaper = findReaper(options.reaper, options.reaperConfigPath, options.env ?? process.env);
  const { text, root } = await readProject(options.session, options.limits);
  planOutputs({ output: options.output, overwrite: options.overwrite ?? false }, [options.session]);
  if (outputFormatOf(options.output) !== 'wav')
    throw new UsageError(`-o ${quotePath(options.output)}: the reaper backend renders WAV; name a .wav file`);
  const sampleRate = num(findLine(root, 'SAMPLERATE'), 0, 48000) || 48000;
  const target = path.resolve(options.output);
  const tmpOut = temporarySibling(target, '.wav');
  await mkdir(path.dirname(target), { recursive: true });
  const sessionDir = path.dirname(path.resolve(options.session));
  const copy = temporarySibling(path.join(sessionDir, path.basename(options.session)), '.rpp');
  await writeFileAtomic(copy, renderReadyProject(text, tmpOut, sampleRate, 24));
  let run: ReaperRun;
  try {
    run = await runReaper(reaper, copy, options.timeoutSeconds ?? 600);
  } finally {
    await removeTemporary(copy);
  }
  try {
    if (!existsSync(tmpOut) || statSync(tmpOut).size === 0) {
      const tail = (run.stderr || run.stdout).trim().split('\n').slice(-1)[0] ?? '';
      throw new EnvironmentError(
        `REAPER (${reaper.path}) finished without writing the render${tail ? ` (${tail})` : ''}; open ` +
          `${options.session} in REAPER to check it renders`,
      );
    }
    const src = await openAudio(tmpOut, { ffmpeg: options.ffmpeg });
    let measured;
    try {
      measured = await measureLevels(src);
    } finally {
      await src.close();
    }
    await renameTemporary(tmpOut, target);
    const sha = await hashFile(target);
    const sessionBytes = statSync(options.session).size;
    recorder.inputs.push({
      path: options.session,
      sizeBytes: sessionBytes,
      sha256: await hashFile(options.session),
      format: null,
    });
    recorder.outputs.push({ path: options.output, sha256: sha, role: 'render:reaper' });
    const l = measured.levels;
    const result: RenderResult = {
      file: options.session,
      session: options.session,
      backend: 'reaper',
      output: options.output,
      sha256: sha,
      sampleRate: src.format.sampleRate,
      frames: measured.frames,
      durationSeconds: round(measured.frames / src.format.sampleRate, 6),
      levels: {
        integratedLufs: l.integratedLufs,
        loudnessRangeLu: l.loudnessRangeLu,
        truePeakDbtp: l.truePeakDbtp,
        samplePeakDbfs: l.samplePeakDbfs,
      },
      reaper: { command: run.command, args: run.args },
      decisions: [
        {
          engine: 'render.reaper',
          decision: 'binary',
          value: reaper.path,
          reason: `REAPER from ${reaper.source}`,
          inputs: { source: reaper.source },
        },
        {
          engine: 'render.reaper',
          decision: 'renderSettings',
          value: { format: 'wav', bitDepth: 24, sampleRate },
          reason:
            'a render-ready copy of the project renders the whole project, master mix, to a temporary file beside ' +
            'the output (renamed into place once measured)',
          inputs: { session: options.session },
        },
      ],
    };
    return finish(recorder, result, options.store);
  } finally {
    await removeTemporary(tmpOut);
  }
}

async function finish(recorder: RunRecorder, rendered: RenderResult, store: Store): Promise<RenderOutcome> {
  const result = envelope(rendered, recorder.runId);
  for (const d of result.decisions) recorder.decide(d);
  recorder.results.push(result);
  const run = recorder.finish(ExitCode.ok);
  const runFile = await store.saveRun(run);
  return { exitCode: ExitCode.ok, result, run, runFile };
}

// ---- the command line -----------------------------------------------------------------------

export interface RenderFlags extends JsonFlag, FfmpegFlag, StoreFlags, OverwriteFlag {
  output: string;
  backend: string;
  reaper?: string;
  timeout: string;
  limit?: string[];
}

export const renderCommand = defineCommand({
  name: 'render',
  description: 'render a session (mix recipe or REAPER .RPP) natively or through a headless REAPER',
  arguments: [['<session>', 'a mix recipe (.yaml) or a REAPER project (.rpp)']],
  options: (cmd) =>
    cmd
      .option('--backend <name>', 'native (recipes and plugin-free RPP) or reaper', 'native')
      .option('--reaper <path>', 'REAPER binary (default: SHUB_REAPER, config reaper.path, PATH)')
      .option('--timeout <seconds>', 'give up on REAPER after this long', '600')
      .option('--limit <name=value>', LIMIT_FLAG_HELP, collectLimit),
  shared: {
    output: {
      description:
        'the render: .wav, .flac, .mp3/.m4a/.opus (native backend, through ffmpeg), a folder, or - for stdout',
      required: true,
    },
    overwrite: 'replace an existing output',
    json: 'print the result as one JSON object (one line)',
    ffmpeg: 'non-WAV sources',
    store: 'store',
  },
  examples: [
    'shub render song.yaml -o mix.wav',
    'shub render session.rpp -o check.wav',
    'shub render session.rpp -o final.wav --backend reaper --reaper /opt/REAPER/reaper',
  ],
  exitCodes: {
    0: 'ok',
    2: 'bad session or something the native backend cannot render (use --backend reaper)',
    3: 'unreadable source',
    4: 'REAPER/ffmpeg/database missing',
    5: 'internal',
  },
  run: renderCli,
});

/** The text line of a render. */
export function formatRenderText(r: RenderResult): string {
  const f = (x: number | null, u: string) => (x === null ? '-inf' : `${x.toFixed(1)} ${u}`);
  const levels = `${f(r.levels.integratedLufs, 'LUFS')}  true peak ${f(r.levels.truePeakDbtp, 'dBTP')}`;
  return `${quotePath(r.output)}  ${r.durationSeconds.toFixed(2)} s  ${r.sampleRate} Hz  ${levels}  (${r.backend})`;
}

/** `shub render`: backend and timeout checked, REAPER found before the store opens or anything is read. */
export async function renderCli(ctx: CliContext, session: string, flags: RenderFlags): Promise<number> {
  const backend = oneOf('--backend', flags.backend, ['native', 'reaper'] as const);
  const timeout = Number(flags.timeout);
  if (!(timeout > 0 && timeout <= 86400))
    throw new UsageError(`--timeout: expected seconds in (0, 86400], got '${flags.timeout}'`);
  return withSession(ctx, 'render', flags, async (s) => {
    // REAPER is checked before the store is opened or anything is read (exit 4 at once)
    if (backend === 'reaper' && isRpp(session)) findReaper(flags.reaper, s.config.reaper?.path, ctx.io.env);
    // -o: a file whose extension picks the format, a folder, or - (src/io/outputs.ts); REAPER renders WAV
    const supported = backend === 'reaper' ? (['wav'] as const) : undefined;
    const output = await s.oneAudioOutput(flags.output, session, `render --backend ${backend}`, supported);
    const code = await s.one(session, flags, { format: formatRenderText }, async (context) => {
      const { result } = await render({
        ...context,
        session,
        output,
        backend,
        timeoutSeconds: timeout,
        overwrite: flags.overwrite ?? false,
        limits: resolveLimits(flags.limit, s.config.limits),
        ...(flags.reaper ? { reaper: flags.reaper } : {}),
        ...(s.config.reaper?.path ? { reaperConfigPath: s.config.reaper.path } : {}),
        env: ctx.io.env,
      });
      return result;
    });
    return s.sendAudio(code);
  });
}
