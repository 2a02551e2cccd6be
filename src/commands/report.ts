/**
 * `shub report RUN|FILE... -o report.html [--png DIR] [--open]` (issue 19): pictures of what shub
 * measured and decided. A RUN (an id or a unique prefix, as `shub history` lists them) is read from
 * the store and its files measured again (when they are still there and unchanged: sha256); a FILE
 * is measured on the fly. One self-contained HTML page; `--png` writes each figure as a PNG too.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ExitCode, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { FfmpegChoice } from '../io/ffmpeg.js';
import { quotePath } from '../io/names.js';
import { isStdout, OutputPlan, writeReport } from '../io/outputs.js';
import { native, type EqBand } from '../native.js';
import { targetCurveDb } from '../engines/master/eq.js';
import { measureForReport, type ReportMeasure } from '../engines/report/measure.js';
import { renderHtml, type ReportDocument } from '../engines/report/html.js';
import {
  chainFigure,
  compressorFigure,
  decisionLog,
  dynamicsFigures,
  EQ_CURVE_HZ,
  loudnessFigure,
  octaveBands,
  sectionIdFor,
  tonalFigure,
  validateTable,
  valuesTable,
  type Figure,
  type LoudnessTarget,
  type Section,
} from '../engines/report/sections.js';
import type { TonalBand } from '../engines/spectral/index.js';
import { shubVersion } from '../store/run.js';
import type { RunRecord, Store } from '../store/types.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import type { FfmpegFlag, StoreFlags, OverwriteFlag } from './options.js';

export interface ReportOptions {
  /** Run ids (or unique prefixes) and audio files, in the order given. */
  items: string[];
  store: Store;
  ffmpeg: FfmpegChoice;
  onWarning?: (message: string) => void;
}

export interface ReportOutcome {
  html: string;
  figures: Figure[];
  document: ReportDocument;
}

const AUDIO_ROLE = /^(master|mix|render|stem|reamp|drums|comp)/;

/** The run named by `item` when it is not an existing file: an id or a unique prefix. */
async function runFor(item: string, store: Store): Promise<RunRecord> {
  const notFound = () =>
    new UsageError(
      `${quotePath(item)}: no such file, and not a run in the ${store.kind} store ${store.location}; ` +
        'name an audio file or a run id (or its first characters) as `shub history` lists them',
    );
  let run: RunRecord | null;
  try {
    run = await store.getRun(item);
  } catch (err) {
    if (err instanceof UsageError) throw notFound(); // not even the shape of a run id
    throw err;
  }
  if (!run) throw notFound();
  return run;
}

/** Measures `file` when it still holds what the run recorded (same sha256), else says why not. */
async function measureRecorded(
  file: string,
  sha256: string | null,
  ffmpeg: FfmpegChoice,
  notes: string[],
): Promise<ReportMeasure | null> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    notes.push(`${file} is no longer there: its curves are left out (the run's values are shown)`);
    return null;
  }
  const m = await measureForReport(file, ffmpeg);
  if (sha256 && m.sha256 !== sha256) {
    notes.push(`${file} changed since the run (sha256 differs): its curves are left out`);
    return null;
  }
  return m;
}

interface MasterLine {
  file: string;
  outputs?: {
    target: string;
    file: string;
    achieved?: Record<string, unknown>;
    targetSpec?: { name?: string; integratedLufs?: number; toleranceLu?: number; truePeakCeilingDbtp?: number };
    compliant?: boolean;
    limiterMaxGainReductionDb?: number | null;
  }[];
  decisions?: RunRecord['decisions'];
}

interface ReampLine {
  file: string;
  rig?: string;
  chain?: { type: string; detail: string }[];
  outputs: {
    file: string;
    role: string;
    variant?: number;
    blendOf?: number[];
    tonalBalance?: { hz: number; db: number | null }[];
  }[];
}

function eqResponse(run: RunRecord, sampleRate: number): { label: string; responseDb: Float64Array } | undefined {
  // `bands` (stereo, against the target curve) or `midBands` (mid channel, matching a reference)
  const eq = run.decisions.find(
    (d) => d.engine === 'master.eq' && Array.isArray(d.value) && (d.value as unknown[]).length > 0,
  );
  if (!eq) return undefined;
  const at = EQ_CURVE_HZ.filter((f) => f < sampleRate / 2);
  const label = eq.decision === 'bands' ? 'master EQ' : `master EQ (${eq.decision.replace(/Bands$/, '')})`;
  return { label, responseDb: native().biquadResponseDb(eq.value as EqBand[], sampleRate, at) };
}

async function runSection(run: RunRecord, index: number, options: ReportOptions): Promise<Section> {
  const id = sectionIdFor(run, null, index);
  const notes: string[] = [
    `${run.command} run ${run.runId}: ${run.status} (exit ${run.exitCode}), ${run.startedAt} on ${run.host}, ` +
      `shub ${run.shubVersion}`,
  ];
  const figures: Figure[] = [];
  const tables: string[] = [];
  const measures = new Map<string, ReportMeasure | null>();
  const measure = async (file: string, sha: string | null) => {
    if (!measures.has(file)) measures.set(file, await measureRecorded(file, sha, options.ffmpeg, notes));
    return measures.get(file)!;
  };

  if (run.command === 'validate') {
    tables.push(
      validateTable(run.results).replace('<table class="validate"', `<table class="validate" id="${id}-validate"`),
    );
  }
  if (run.command === 'analyze') {
    for (const [k, r] of (
      run.results as { file: string; levels?: Record<string, unknown>; spectral?: { tonalBalance?: TonalBand[] } }[]
    ).entries()) {
      if (!r.levels) continue;
      tables.push(valuesTable(`${r.file}: levels (run record)`, r.levels));
      const input = run.inputs.find((i) => i.path === r.file);
      const m = await measure(r.file, input?.sha256 ?? null);
      if (m)
        figures.push(loudnessFigure(`${id}-${k}-loudness`, `Loudness over time: ${r.file}`, [{ label: 'file', m }]));
      const bands = r.spectral?.tonalBalance ?? m?.tonalBalance;
      if (bands) figures.push(tonalFigure(`${id}-${k}-tonal`, `Tonal balance: ${r.file}`, [{ label: r.file, bands }]));
      if (m) figures.push(...dynamicsFigures(`${id}-${k}-dynamics`, `Dynamics: ${r.file}`, { label: 'file', m }, []));
    }
  }
  if (run.command === 'master') {
    for (const [k, r] of (run.results as MasterLine[]).entries()) {
      if (!r.outputs) continue;
      const input = run.inputs.find((i) => i.path === r.file);
      const before = await measure(r.file, input?.sha256 ?? null);
      const after: { label: string; m: ReportMeasure }[] = [];
      for (const o of r.outputs) {
        tables.push(valuesTable(`${o.file} (${o.target}): achieved (run record)`, o.achieved ?? {}));
        const rec = run.outputs.find((x) => x.path === o.file);
        const m = await measure(o.file, rec?.sha256 ?? null);
        if (m) after.push({ label: o.target, m });
      }
      const spec = r.outputs[0]?.targetSpec;
      const target: LoudnessTarget | undefined =
        spec && typeof spec.integratedLufs === 'number'
          ? {
              name: spec.name ?? r.outputs[0]!.target,
              integratedLufs: spec.integratedLufs,
              toleranceLu: spec.toleranceLu ?? 1,
              truePeakCeilingDbtp: spec.truePeakCeilingDbtp ?? 0,
            }
          : undefined;
      const files = [...(before ? [{ label: 'input', m: before }] : []), ...after];
      if (files.length)
        figures.push(
          loudnessFigure(`${id}-${k}-loudness`, `Loudness over time: ${r.file}, before and after`, files, target),
        );
      const tonal = files.map(({ label, m }) => ({ label, bands: m.tonalBalance }));
      const refDecision = run.decisions.find((d) => d.engine === 'master.reference');
      const refFile = run.args.includes('--reference') ? run.args[run.args.indexOf('--reference') + 1] : undefined;
      if (refFile) {
        const refInput = run.inputs.find((i) => i.path === refFile);
        const ref = await measure(refFile, refInput?.sha256 ?? null);
        if (ref) tonal.push({ label: `reference ${path.basename(refFile)}`, bands: ref.tonalBalance });
      } else if (refDecision) notes.push('the reference named by the run could not be found in its arguments');
      const rate = before?.format.sampleRate ?? after[0]?.m.format.sampleRate ?? 48000;
      const eq = eqResponse(run, rate);
      if (tonal.length)
        figures.push(
          tonalFigure(
            `${id}-${k}-tonal`,
            `Tonal balance: ${r.file}`,
            tonal,
            eq ? { ...eq, atHz: EQ_CURVE_HZ.filter((f) => f < rate / 2) } : undefined,
            refFile ? undefined : { label: "master's target curve (shape)", db: targetCurveDb },
          ),
        );
      if (before)
        figures.push(
          ...dynamicsFigures(`${id}-${k}-dynamics`, `Dynamics: ${r.file}`, { label: 'input', m: before }, after, {
            maxGainReductionDb: r.outputs[0]?.limiterMaxGainReductionDb ?? null,
          }),
        );
    }
  }
  if (run.command === 'reamp') {
    for (const [k, r] of (run.results as ReampLine[]).entries()) {
      if (!r.outputs) continue;
      if (r.chain?.length) figures.push(chainFigure(`${id}-${k}-chain`, `Rig chain: ${r.rig ?? ''}`, r.chain));
      const label = (o: ReampLine['outputs'][number]) =>
        o.role === 'variant' ? `v${o.variant}` : o.role === 'blend' ? `blend of ${o.blendOf?.join('+')}` : 'reamp';
      figures.push(
        tonalFigure(
          `${id}-${k}-tonal`,
          `Tonal balance of each print (octave bands, run record): ${r.file}`,
          r.outputs.map((o) => ({ label: label(o), bands: octaveBands(o.tonalBalance ?? []) })),
        ),
      );
      const prints: { label: string; m: ReportMeasure }[] = [];
      for (const o of r.outputs) {
        const { tonalBalance: _t, ...values } = o;
        tables.push(valuesTable(`${o.file} (${label(o)}): the print (run record)`, values));
        const m = await measure(o.file, run.outputs.find((x) => x.path === o.file)?.sha256 ?? null);
        if (m) prints.push({ label: label(o), m });
      }
      if (prints.length)
        figures.push(loudnessFigure(`${id}-${k}-loudness`, `Loudness over time: prints of ${r.file}`, prints));
    }
  }
  if (run.command === 'mix' || run.command === 'render') {
    const strips = (run.results as { strips?: { name: string; compressorMaxGainReductionDb?: number }[] }[])
      .flatMap((r) => r.strips ?? [])
      .filter((x) => typeof x.compressorMaxGainReductionDb === 'number')
      .map((x) => ({ name: x.name, maxGainReductionDb: x.compressorMaxGainReductionDb! }));
    if (strips.length)
      figures.push(
        compressorFigure(`${id}-dynamics-compressor`, "Dynamics: each strip's compressor (run record)", strips),
      );
  }
  if (run.command !== 'analyze' && run.command !== 'master' && run.command !== 'reamp') {
    // mix, render and the others: the audio they wrote, measured
    for (const [k, o] of run.outputs.filter((x) => AUDIO_ROLE.test(x.role)).entries()) {
      const m = await measure(o.path, o.sha256);
      if (!m) continue;
      figures.push(
        loudnessFigure(`${id}-${k}-loudness`, `Loudness over time: ${o.path} (${o.role})`, [{ label: o.role, m }]),
      );
      figures.push(
        tonalFigure(`${id}-${k}-tonal`, `Tonal balance: ${o.path}`, [{ label: o.role, bands: m.tonalBalance }]),
      );
      figures.push(...dynamicsFigures(`${id}-${k}-dynamics`, `Dynamics: ${o.path}`, { label: o.role, m }, []));
    }
    for (const r of run.results as { file?: string; levels?: Record<string, unknown> }[])
      if (r.levels) tables.push(valuesTable(`${r.file ?? run.command}: levels (run record)`, r.levels));
  }
  for (const e of run.errors) notes.push(`error: ${e.file ?? ''} ${e.message}`);
  return {
    id,
    heading: `${run.command} — ${run.inputs.map((i) => path.basename(i.path)).join(', ') || run.runId}`,
    notes,
    figures,
    tables,
    decisions: decisionLog(id, run.decisions, figures),
  };
}

async function fileSection(file: string, index: number, options: ReportOptions): Promise<Section> {
  const id = sectionIdFor(null, file, index);
  const m = await measureForReport(file, options.ffmpeg);
  const figures = [
    loudnessFigure(`${id}-loudness`, `Loudness over time: ${file}`, [{ label: 'file', m }]),
    tonalFigure(`${id}-tonal`, `Tonal balance: ${file}`, [{ label: path.basename(file), bands: m.tonalBalance }]),
    ...dynamicsFigures(`${id}-dynamics`, `Dynamics: ${file}`, { label: 'file', m }, []),
  ];
  const { channels: _channels, ...levels } = m.levels;
  return {
    id,
    heading: `file — ${file}`,
    notes: [`measured now: ${m.format.container}, ${m.format.sampleRate} Hz, ${m.format.channels} ch`],
    figures,
    tables: [valuesTable(`${file}: levels (measured)`, levels)],
    decisions: [],
  };
}

export async function report(options: ReportOptions): Promise<ReportOutcome> {
  if (options.items.length === 0) throw new UsageError('report: name at least one run id or audio file');
  const sections: Section[] = [];
  const runs: RunRecord[] = [];
  for (const [i, item] of options.items.entries()) {
    if (existsSync(item) && statSync(item).isFile()) sections.push(await fileSection(item, i, options));
    else {
      const run = await runFor(item, options.store);
      runs.push(run);
      sections.push(await runSection(run, i, options));
    }
  }
  const ids = new Set<string>();
  for (const s of sections) {
    // the same run named twice: keep ids unique in the page
    let id = s.id;
    for (let n = 2; ids.has(id); n++) id = `${s.id}-${n}`;
    ids.add(id);
    s.id = id;
  }
  const document: ReportDocument = {
    title: `shub report — ${options.items.map((x) => path.basename(x)).join(', ')}`.slice(0, 200),
    generatedAt: new Date().toISOString(),
    shubVersion: shubVersion(),
    sections,
    data: { runs },
  };
  return { html: renderHtml(document), figures: sections.flatMap((s) => s.figures), document };
}

/** Each figure as a PNG of its stated size (white background: the SVG's colours are for paper). */
export async function writePngs(figures: Figure[], dir: string, plan: OutputPlan): Promise<string[]> {
  const { Resvg } = await import('@resvg/resvg-js');
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const f of figures) {
    const file = path.join(dir, `${f.id}.png`);
    plan.claim(file, `figure ${f.id}`);
    const png = new Resvg(f.svg, { background: '#ffffff', fitTo: { mode: 'original' } }).render().asPng();
    await writeFileAtomic(file, png);
    written.push(file);
  }
  return written;
}

// ---- the command line -----------------------------------------------------------------------

export interface ReportFlags extends FfmpegFlag, StoreFlags, OverwriteFlag {
  output: string;
  png?: string;
  open?: boolean;
}

export const reportCommand = defineCommand({
  name: 'report',
  description: 'pictures of what shub measured and decided: one self-contained HTML page (and PNGs)',
  arguments: [['<items...>', 'run ids (or unique prefixes, as `shub history` lists them) and audio files']],
  options: (cmd) =>
    cmd
      .option('--png <dir>', 'also write each figure as a PNG into this folder (CI artifacts)')
      .option('--open', 'open the report in the default browser (xdg-open) when it is written'),
  shared: {
    output: { description: 'the HTML file, or - for stdout', required: true },
    overwrite: 'replace an existing report or PNGs',
    ffmpeg: 'non-WAV files',
    store: 'read',
  },
  examples: [
    'shub report mix.wav -o mix-report.html',
    'shub master song.wav -t spotify -o out/ && shub report $(shub history --limit 1 --json | jq -r .runId) -o r.html',
    'shub report 0196f3a2 --png figures/ -o report.html',
  ],
  exitCodes: {
    0: 'report written',
    2: 'no such run or file; a bad option; an output that may not be written',
    3: 'an audio file is unreadable',
    4: 'database unreachable or the disk full',
  },
  run: reportCli,
});

export async function reportCli(ctx: CliContext, items: string[], flags: ReportFlags): Promise<number> {
  return withSession(ctx, 'report', flags, async (s) => {
    const store = await s.openStore(flags, 'read');
    const output = s.output(flags as { json?: boolean }, { format: () => '' });
    const existing = items.filter((i) => existsSync(i));
    const plan = new OutputPlan(existing, flags.overwrite ?? false);
    const toStdout = isStdout(flags.output);
    if (!toStdout) plan.claim(flags.output, 'report');
    if (flags.png) plan.checkFolder(flags.png, path.resolve(flags.png));
    const outcome = await report({
      items,
      store,
      ffmpeg: s.ffmpeg,
      onWarning: (w) => output.warning(w),
    });
    if (flags.png) await writePngs(outcome.figures, flags.png, plan);
    await writeReport(flags.output, outcome.html, ctx.io.stdout);
    if (!toStdout) {
      if (flags.open) {
        const child = spawn('xdg-open', [path.resolve(flags.output)], { detached: true, stdio: 'ignore' });
        child.on('error', () => output.warning(`--open: no xdg-open here; open ${flags.output} in a browser`));
        child.unref();
      }
    }
    return ExitCode.ok;
  });
}
