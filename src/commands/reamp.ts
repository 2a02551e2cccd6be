/**
 * `shub reamp DI... --rig rig.yaml -o OUT`: each DI streamed through the rig's chain (pedals, amp,
 * cab; src/engines/reamp/chain.ts) and printed normalised to a 32-bit float WAV. The story of one
 * run: load and check the rig (file:line errors) → claim every output before any work (an input is
 * never overwritten) → per DI, `--jobs` at a time: print the rig (or its `--variations N`, each
 * with its tonal balance logged), optionally `--blend` the variants and `--match` a reference's
 * tonal balance → write the REAPER session (`--rpp`) → record the run with its decisions.
 *
 * Outputs: `-o DIR` (or a trailing /) names `<DI>.reamp.wav` per DI; `-o FILE.wav` for one DI.
 * Variants are `<name>.v1.wav` … beside it; with `--blend` the blend is `<name>.wav`.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { namesFolder, OutputCollision, OutputPlan, resolveAudioOutput } from '../io/outputs.js';
import { quotePath } from '../io/names.js';
import { writeFileAtomic } from '../io/atomic.js';
import { hashFile } from '../io/hash.js';
import { round } from '../engines/levels/index.js';
import {
  buildChain,
  printChain,
  type DiChannel,
  type Normalize,
  type PrintMeasure,
  type PrintResult,
  type Variant,
} from '../engines/reamp/chain.js';
import {
  blendPrints,
  matchStage,
  octaveSummary,
  referenceBalance,
  variants as makeVariants,
} from '../engines/reamp/variations.js';
import { VARIATION_PARAMETERS } from '../engines/reamp/params.js';
import type { LoadedRig, StageSummary } from '../recipes/rig.js';
import type { TonalBand } from '../engines/spectral/index.js';
import { RunRecorder, recordingFailure } from '../store/run.js';
import type { Decision, RunInput, RunOutput } from '../store/types.js';
import { runBatch, saveBatch, type BatchContext, type BatchOutcome } from './batch.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import type { FfmpegFlag, InputFlags, JobsFlag, JsonFlag, OverwriteFlag, StoreFlags } from './options.js';
import { buildReampSession } from '../rpp/reamp.js';

export interface ReampOutputResult {
  file: string;
  role: 'reamp' | 'variant' | 'blend';
  /** 1-based variant number (role variant). */
  variant?: number;
  ampGainDb?: number;
  irTiltDb?: number;
  /** Blended variants (role blend). */
  blendOf?: number[];
  sampleRate: number;
  channels: number;
  durationSeconds: number;
  /** The normalisation gain applied, dB. */
  gainDb: number;
  integratedLufs: number | null;
  samplePeakDbfs: number | null;
  truePeakDbtp: number | null;
  /** Octave bands of the output's tonal balance, dB re full scale. */
  tonalBalance: { hz: number; db: number | null }[];
}

/** One NDJSON line of `reamp --json`: one per DI. */
export interface ReampResult {
  file: string;
  rig: string;
  /** The rig's chain in order (type and settings), as the report draws it. */
  chain: StageSummary[];
  runId: string;
  outputs: ReampOutputResult[];
  decisions: Decision[];
}

export interface ReampOptions extends BatchContext<ReampResult> {
  rig: string;
  output: string;
  variations?: number;
  /** Variants to blend (1-based), or true for all of them. */
  blend?: number[] | true;
  match?: string;
  rpp?: string;
  diChannel?: DiChannel;
  overwrite?: boolean;
}

export type ReampOutcome = BatchOutcome<ReampResult>;

export async function reamp(options: ReampOptions): Promise<ReampOutcome> {
  return recordingFailure(
    options.store,
    'reamp',
    options.args ?? [],
    options.rig,
    () => reampRun(options),
    options.runId,
  );
}

/** Where one DI's prints go: the main name (without .wav) for a folder or a file `-o`. */
export function outputBase(di: string, output: string, count: number): string {
  // the one reading of -o (src/io/outputs.ts); reamp writes 32-bit float WAV
  const target = resolveAudioOutput(output, { count, defaultFormat: 'wav', supported: ['wav'], command: 'reamp' });
  if (target.kind === 'stdout') throw new UsageError('-o -: the command line sends the print to stdout');
  if (target.kind === 'folder') return path.join(target.dir, `${path.basename(di, path.extname(di))}.reamp`);
  return target.path.slice(0, target.path.length - path.extname(target.path).length);
}

interface Planned {
  main: string | null;
  variants: string[];
}

function planFiles(di: string, o: ReampOptions, n: number): Planned {
  const base = outputBase(di, o.output, o.files.length);
  // a file -o is written under its own name (`-o take1` is a file), variants beside it
  const file = !namesFolder(o.output) && !path.extname(o.output) ? o.output : `${base}.wav`;
  if (n <= 1) return { main: file, variants: [] };
  return {
    main: o.blend ? `${base}.wav` : null,
    variants: Array.from({ length: n }, (_, k) => `${base}.v${k + 1}.wav`),
  };
}

async function reampRun(o: ReampOptions): Promise<ReampOutcome> {
  const { chainSummary, loadRig, resolveRigFile } = await import('../recipes/rig.js');
  const loaded = await loadRig(resolveRigFile(o.rig));
  const chain = chainSummary(loaded.rig);
  const recorder = new RunRecorder('reamp', o.args ?? [], o.runId);
  const count = o.variations ?? 1;
  const hasAmp = loaded.rig.chain.some((s) => s.type === 'amp' || s.type === 'overdrive');
  const hasTilt = loaded.rig.chain.some((s) => s.type === 'cab' && s.ir.length >= 2);
  const vs = makeVariants(count, hasAmp, hasTilt);
  if (vs.length < count)
    throw new UsageError(
      `--variations ${count}: this rig allows ${vs.length} (variants move the amp's gain` +
        `${hasAmp ? '' : ', and it has no amp'} and the blend of a cab's first two IRs` +
        `${hasTilt ? '' : ', and it has no cab of two IRs'})`,
    );
  const blend = o.blend === true ? vs.map((_, k) => k + 1) : (o.blend ?? []);
  if (o.blend && count < 2) throw new UsageError('--blend needs --variations 2 or more');
  for (const b of blend)
    if (b < 1 || b > count) throw new UsageError(`--blend: variant ${b} does not exist (1 to ${count})`);
  // every output claimed before any work
  const plan = new OutputPlan(
    [...o.files, o.rig, ...loaded.files, ...(o.match ? [o.match] : [])],
    o.overwrite ?? false,
  );
  const planned = new Map<string, Planned | Error>();
  for (const di of o.files) {
    try {
      const p = planFiles(di, o, count);
      if (p.main) plan.claim(p.main, `the reamp of ${quotePath(di)}`);
      p.variants.forEach((v, k) => plan.claim(v, `variant ${k + 1} of ${quotePath(di)}`));
      planned.set(di, p);
    } catch (err) {
      if (err instanceof OutputCollision) throw err;
      planned.set(di, err as Error);
    }
  }
  if (o.rpp) plan.claim(o.rpp, 'REAPER session');
  for (const f of loaded.files)
    recorder.inputs.push({ path: f, sizeBytes: statSync(f).size, sha256: await hashFile(f), format: null });
  const reference = o.match ? { file: o.match, balance: await referenceBalance(o.match, o.ffmpeg) } : undefined;
  const sessionItems: { di: string; prints: { file: string; name: string }[]; sampleRate: number; frames: number }[] =
    [];
  const batch = runBatch<ReampResult>(recorder, {
    files: o.files,
    ...(o.jobs !== undefined ? { jobs: o.jobs } : {}),
    onResult: o.onResult,
    onError: o.onError,
    job: async (di) => {
      const p = planned.get(di)!;
      if (p instanceof Error) throw p;
      const out = await reampOne(di, { ...loaded, chain }, o, p, vs, blend, reference);
      for (const r of out.records) recorder.outputs.push(r);
      sessionItems.push({ di, prints: out.prints, sampleRate: out.sampleRate, frames: out.frames });
      return { result: out.result, input: out.input, decisions: out.result.decisions };
    },
  });
  const done = await batch;
  if (o.rpp && sessionItems.length) {
    const order = new Map(o.files.map((f, i) => [f, i]));
    sessionItems.sort((a, b) => order.get(a.di)! - order.get(b.di)!);
    await writeFileAtomic(o.rpp, buildReampSession({ sessionFile: o.rpp, rig: o.rig, dis: sessionItems }));
    recorder.outputs.push({ path: o.rpp, sha256: await hashFile(o.rpp), role: 'session:reaper' });
  }
  return saveBatch(recorder, o.store, done);
}

async function reampOne(
  di: string,
  loaded: LoadedRig & { chain: StageSummary[] },
  o: ReampOptions,
  planned: Planned,
  vs: Variant[],
  blend: number[],
  reference: { file: string; balance: TonalBand[] } | undefined,
) {
  const { rig } = loaded;
  const normalize: Normalize = rig.output.normalize;
  const decisions: Decision[] = [];
  const outputs: ReampOutputResult[] = [];
  const records: RunOutput[] = [];
  const prints: { file: string; name: string }[] = [];
  const warn = (m: string) => o.onWarning?.(m);
  const many = vs.length > 1;
  let last: PrintResult | undefined;
  const describe = (r: PrintResult | { measure: PrintMeasure; gainDb: number }, file: string, extra: object) => {
    const m = r.measure;
    const dbfs = (x: number) => (x > 0 ? round(20 * Math.log10(x), 2) : null);
    return {
      file,
      ...extra,
      sampleRate: last!.sampleRate,
      channels: last!.channels,
      durationSeconds: round(m.frames / last!.sampleRate, 3),
      gainDb: round(r.gainDb, 3),
      integratedLufs: m.levels.integratedLufs === null ? null : round(m.levels.integratedLufs, 2),
      samplePeakDbfs: dbfs(Math.max(...m.levels.samplePeak)),
      truePeakDbtp: dbfs(Math.max(...m.levels.truePeak)),
      tonalBalance: octaveSummary(m.tonalBalance),
    } as ReampOutputResult;
  };
  for (const [k, v] of vs.entries()) {
    const file = many ? planned.variants[k]! : planned.main!;
    const r = await printChain(
      (fs) =>
        buildChain(loaded, {
          sampleRate: fs,
          file: di,
          ...(many ? { variant: v } : {}),
          ffmpeg: o.ffmpeg,
          onWarning: k === 0 ? warn : () => undefined,
        }),
      {
        file: di,
        output: file,
        ffmpeg: o.ffmpeg,
        diChannel: o.diChannel ?? 'auto',
        normalize,
        targetLufs: rig.output.targetLufs,
        peakDbfs: rig.output.peakDbfs,
        tonal: true,
        ...(reference
          ? { post: async (m: PrintMeasure, fs: number, ch: 1 | 2) => matchStage(m, reference, fs, ch, di) }
          : {}),
        onWarning: k === 0 ? warn : () => undefined,
      },
    );
    last = r;
    // the DI's own decisions once; each variant's chain decisions tagged with it
    for (const d of r.decisions)
      if (k === 0 || !d.engine.startsWith('reamp.input'))
        decisions.push(many ? { ...d, inputs: { ...d.inputs, variant: k + 1 } } : d);
    const res = describe(r, file, many ? { role: 'variant', variant: k + 1, ...v } : { role: 'reamp' });
    outputs.push(res);
    records.push({ path: file, sha256: r.sha256, role: many ? `reamp:v${k + 1}` : 'reamp' });
    prints.push({ file, name: many ? `reamp v${k + 1}` : 'reamp' });
    if (many)
      decisions.push({
        engine: 'reamp.variations',
        decision: `v${k + 1}`,
        value: { ampGainDb: v.ampGainDb, irTiltDb: v.irTiltDb },
        reason:
          `variant ${k + 1}: amp input gain ${fmtDb(v.ampGainDb)}, IR blend tilt ${fmtDb(v.irTiltDb)} ` +
          `(first IR ${fmtDb(v.irTiltDb / 2)}, second ${fmtDb(-v.irTiltDb / 2)}); octave tonal balance logged`,
        inputs: { file: di, output: file, tonalBalance: res.tonalBalance, integratedLufs: res.integratedLufs },
      });
  }
  if (many && blend.length && planned.main) {
    const fs = last!.sampleRate;
    const gainFor = (m: PrintMeasure) => {
      const lufs = m.levels.integratedLufs;
      const peak = Math.max(...m.levels.samplePeak);
      if (normalize === 'loudness') return lufs === null ? 0 : rig.output.targetLufs - lufs;
      if (normalize === 'peak') return peak > 0 ? rig.output.peakDbfs - 20 * Math.log10(peak) : 0;
      return 0;
    };
    const files = blend.map((b) => planned.variants[b - 1]!);
    const b = await blendPrints(files, planned.main, fs, last!.channels, gainFor, o.ffmpeg);
    decisions.push({
      engine: 'reamp.blend',
      decision: 'variants',
      value: blend,
      reason:
        `variants ${blend.join(', ')} averaged sample by sample (time-aligned prints of one DI), then ` +
        `${normalize === 'model' || normalize === 'none' ? 'left at that level' : `normalised (${normalize})`}: ` +
        `${fmtDb(b.gainDb)}`,
      inputs: { file: di, output: planned.main },
    });
    outputs.push(describe(b, planned.main, { role: 'blend', blendOf: blend }));
    records.push({ path: planned.main, sha256: b.measure.sha256 ?? '', role: 'reamp:blend' });
    prints.push({ file: planned.main, name: 'reamp blend' });
  }
  return {
    result: { file: di, rig: o.rig, chain: loaded.chain, runId: '', outputs, decisions } as ReampResult,
    input: { path: di, ...last!.input } as RunInput,
    records,
    prints,
    sampleRate: last!.sampleRate,
    frames: last!.frames,
  };
}

const fmtDb = (x: number) => `${x > 0 ? '+' : ''}${round(x, 2)} dB`;

// ---- the command line -----------------------------------------------------------------------

export interface ReampFlags extends JsonFlag, JobsFlag, FfmpegFlag, StoreFlags, OverwriteFlag, InputFlags {
  rig: string;
  output: string;
  variations?: number;
  blend?: boolean | string;
  match?: string;
  rpp?: string;
  diChannel?: string;
}

const parseVariations = (value: string): number => {
  const spec = VARIATION_PARAMETERS.count;
  const n = Number(value);
  if (!Number.isInteger(n) || n < spec.range[0] || n > spec.range[1])
    throw new UsageError(
      `--variations: expected a whole number from ${spec.range[0]} to ${spec.range[1]}, got '${value}'`,
    );
  return n;
};

export const reampCommand = defineCommand({
  name: 'reamp',
  description: 'run guitar/bass DIs through a rig (pedals, NAM/ONNX/built-in amp, cabinet IRs) and print the result',
  arguments: [['<di...>', 'DI recordings (mono; a stereo DI uses channel 1 unless --di-channel says otherwise)']],
  options: (cmd) =>
    cmd
      .requiredOption(
        '--rig <file>',
        'the rig (YAML: input, chain, output; format in docs/rigs.md); model and IR paths are relative to it',
      )
      .option(
        '--variations <n>',
        'print N variants of the rig (amp gain ±, IR blend), each with its tonal balance logged',
        parseVariations,
      )
      .option(
        '--blend [list]',
        'also average the variants (all, or a comma-separated list such as 1,3) into <name>.wav',
      )
      .option('--match <ref>', "fit an EQ from each print's tonal balance to this reference's (master's matcher)")
      .option('--rpp <file>', 'also write a REAPER session: each DI and its prints as items on their tracks')
      .option('--di-channel <which>', 'for a stereo DI: 1 (default, with a warning), 2 or mix'),
  shared: {
    output: {
      description: 'a folder (<DI>.reamp.wav per DI) or, for one DI, a .wav file or - (stdout)',
      required: true,
    },
    overwrite: true,
    json: true,
    inputs: true,
    jobs: 'DIs reamped',
    ffmpeg: 'non-WAV DIs and references',
    store: 'store',
  },
  examples: [
    'shub reamp di.wav --rig presets/rigs/clean-pedals.yaml -o di.reamp.wav',
    'shub reamp takes/*.wav --rig my-rig.yaml -o reamped/ --json',
    'shub reamp di.wav --rig my-rig.yaml -o out/ --variations 4 --blend 1,2 --rpp out/reamp.rpp',
  ],
  exitCodes: {
    0: 'ok',
    2: 'usage or rig error (file:line key); an output that exists without -y',
    3: 'unreadable DI or model/IR file',
    4: 'missing ffmpeg or database',
    5: 'internal',
  },
  run: reampCli,
});

export async function reampCli(ctx: CliContext, files: string[], flags: ReampFlags): Promise<number> {
  let diChannel: DiChannel = 'auto';
  if (flags.diChannel !== undefined) {
    const v = flags.diChannel;
    if (v !== '1' && v !== '2' && v !== 'mix') throw new UsageError(`--di-channel must be 1, 2 or mix, got '${v}'`);
    diChannel = v === 'mix' ? 'mix' : (Number(v) as 1 | 2);
  }
  let blend: number[] | true | undefined;
  if (flags.blend === true) blend = true;
  else if (typeof flags.blend === 'string') {
    blend = flags.blend.split(',').map((x) => {
      const n = Number(x.trim());
      if (!Number.isInteger(n))
        throw new UsageError(`--blend: expected variant numbers such as 1,3, got '${flags.blend}'`);
      return n;
    });
  }
  return withSession(ctx, 'reamp', flags, async (s) => {
    const inputs = await s.inputs(files, flags);
    if (flags.output === '-' && flags.variations !== undefined && flags.variations > 1)
      throw new UsageError('-o - sends one print to stdout; --variations writes several, so give a folder (-o out/)');
    const out = await s.audioOutput(flags.output, {
      inputs: [...inputs, flags.rig],
      count: inputs.length,
      defaultFormat: 'wav',
      supported: ['wav'],
      command: 'reamp',
    });
    const outcome = await reamp({
      ...(await s.batch(inputs, flags, { format: formatReampText })),
      rig: flags.rig,
      output: out.output,
      ...(flags.variations !== undefined ? { variations: flags.variations } : {}),
      ...(blend !== undefined ? { blend } : {}),
      ...(flags.match ? { match: flags.match } : {}),
      ...(flags.rpp ? { rpp: flags.rpp } : {}),
      diChannel,
      overwrite: flags.overwrite ?? false,
    });
    return s.sendAudio(outcome.exitCode === ExitCode.ok ? 0 : outcome.exitCode);
  });
}

export function formatReampText(r: ReampResult): string {
  const f = (x: number | null, unit: string) => (x === null ? '-inf' : `${x.toFixed(1)} ${unit}`);
  return [
    `${quotePath(r.file)} → rig ${quotePath(r.rig)}`,
    ...r.outputs.map(
      (o) =>
        `  ${o.role.padEnd(7)} ${quotePath(o.file)}  ${o.durationSeconds.toFixed(2)} s  ${o.channels} ch  ` +
        `${f(o.integratedLufs, 'LUFS')}  peak ${f(o.samplePeakDbfs, 'dBFS')}  gain ${o.gainDb.toFixed(2)} dB`,
    ),
  ].join('\n');
}
