/**
 * The report's content (issue 19), pure: run records and file measurements in, sections of
 * figures, tables and the decision log out. Every number a section prints comes from the run's
 * JSON (its `results`) or from the measurement of a file; the figures only draw them.
 */
import type { Decision, RunRecord } from '../../store/types.js';
import type { TonalBand } from '../spectral/index.js';
import {
  chainSvg,
  chartSvg,
  groupedBarsSvg,
  PALETTE,
  xml,
  type HorizontalBand,
  type HorizontalLine,
  type Marker,
  type Series,
} from './svg.js';
import { OVERS_WINDOW_SECONDS, type ReportMeasure } from './measure.js';

export interface Figure {
  /** Unique in the document; also the PNG's file name (`<id>.png`). */
  id: string;
  svg: string;
  caption: string;
  widthPx: number;
  heightPx: number;
}

export interface Section {
  id: string;
  heading: string;
  /** Lines under the heading (plain text). */
  notes: string[];
  figures: Figure[];
  /** HTML tables (already escaped). */
  tables: string[];
  decisions: { decision: Decision; figure: string | null }[];
}

/** A figure from its SVG; its size is the SVG root's width and height (what a PNG of it measures). */
export function figureOf(id: string, svg: string, caption: string): Figure {
  const m = /^<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
  if (!m) throw new Error(`internal: figure ${id} has no width/height`);
  return { id, svg, caption, widthPx: Number(m[1]), heightPx: Number(m[2]) };
}

/** The EQ response is drawn for these frequencies, Hz (log-spaced, 20 Hz–20 kHz). */
export const EQ_CURVE_HZ = Array.from({ length: 121 }, (_, i) => 20 * 1000 ** (i / 120));

/** Which figure a decision's engine affected (the decision log links to it). */
export function figureKindFor(engine: string): 'loudness' | 'tonal' | 'dynamics' | 'validate' | 'chain' | null {
  if (/^reamp\.(amp|cab|nam|onnx|calibration|resample|input)/.test(engine)) return 'chain';
  if (/^reamp\.(variations|match|blend)/.test(engine)) return 'tonal';
  if (/^reamp\.output/.test(engine)) return 'loudness';
  if (/^master\.(eq|reference|highpass|width)|^mix\.eq|tonal/.test(engine)) return 'tonal';
  if (/limiter|compressor|multiband|dynamics|saturation/.test(engine)) return 'dynamics';
  if (/^validate/.test(engine)) return 'validate';
  if (/loudness|verify|gain|target|normali[sz]e/.test(engine)) return 'loudness';
  return null;
}

const fmt = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

function cell(v: unknown, key?: string): string {
  return `<td${key ? ` data-key="${xml(key)}"` : ''}>${xml(fmt(v))}</td>`;
}

function slug(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'x'
  );
}

/** Seconds of each curve point (the window's end, as the meter reports it). */
function curveTimes(start: number, hop: number, n: number): Float64Array {
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = start + i * hop;
  return t;
}

export interface LoudnessTarget {
  name: string;
  integratedLufs: number;
  toleranceLu: number;
  truePeakCeilingDbtp: number;
}

/**
 * Loudness over time: momentary and short-term loudness of each measured file on one axis (a
 * master: the input and its outputs), the integrated values, the target's window, the LRA band of
 * the first file, and the windows whose true peak goes over the ceiling (0 dBTP without a target).
 */
export function loudnessFigure(
  id: string,
  title: string,
  files: { label: string; m: ReportMeasure }[],
  target?: LoudnessTarget,
): Figure {
  const series: Series[] = [];
  const lines: HorizontalLine[] = [];
  files.forEach(({ label, m }, i) => {
    const color = PALETTE[(2 * i) % PALETTE.length]!;
    const c = m.curves;
    series.push({
      name: `${label} short-term`,
      x: curveTimes(c.shortTermStartSeconds, c.hopSeconds, c.shortTermLufs.length),
      y: c.shortTermLufs,
      color,
    });
    series.push({
      name: `${label} momentary`,
      x: curveTimes(c.momentaryStartSeconds, c.hopSeconds, c.momentaryLufs.length),
      y: c.momentaryLufs,
      color,
      dashed: true,
    });
    if (m.levels.integratedLufs !== null)
      lines.push({ y: m.levels.integratedLufs, label: `${label} integrated ${m.levels.integratedLufs} LUFS`, color });
  });
  const bands: HorizontalBand[] = [];
  const first = files[0]?.m;
  const lra = first ? first.loudnessRangeBandLufs : null;
  if (lra && first)
    bands.push({
      from: lra[0],
      to: lra[1],
      label: `${files[0]!.label} LRA ${first.levels.loudnessRangeLu} LU`,
      color: '#999999',
    });
  if (target)
    bands.push({
      from: target.integratedLufs - target.toleranceLu,
      to: target.integratedLufs + target.toleranceLu,
      label: `${target.name} target ${target.integratedLufs} ± ${target.toleranceLu} LU`,
      color: '#009E73',
    });
  const ceiling = target?.truePeakCeilingDbtp ?? 0;
  const markers: Marker[] = [];
  const last = files[files.length - 1]?.m;
  if (last) {
    last.windowTruePeakDbtp.forEach((tp, k) => {
      if (tp !== null && tp > ceiling)
        markers.push({
          x: (k + 0.5) * OVERS_WINDOW_SECONDS,
          label: `true-peak over ${tp} dBTP > ${ceiling} dBTP at ${k * OVERS_WINDOW_SECONDS} s`,
          color: '#D55E00',
        });
    });
  }
  const all = files.flatMap(({ m }) => [...m.curves.shortTermLufs, ...m.curves.momentaryLufs]);
  const finite = all.filter((v): v is number => v !== null && v > -70);
  const yLo = Math.max(-70, Math.min(...finite, target ? target.integratedLufs - 10 : 0) - 3);
  const yHi = Math.max(...finite, target ? target.integratedLufs + 3 : -70) + 3;
  const duration = Math.max(...files.map(({ m }) => m.format.durationSeconds ?? 0), 1);
  const svg = chartSvg({
    id,
    title,
    xLabel: 'time',
    xUnit: 's',
    yLabel: 'loudness',
    yUnit: 'LUFS',
    series,
    xRange: [0, duration],
    yRange: finite.length ? [yLo, yHi] : [-70, 0],
    bands,
    lines,
    markers,
  });
  const caption = files
    .map(
      ({ label, m }) =>
        `${label}: ${fmt(m.levels.integratedLufs)} LUFS integrated, LRA ${fmt(m.levels.loudnessRangeLu)} LU, ` +
        `true peak ${fmt(m.levels.truePeakDbtp)} dBTP`,
    )
    .join('; ');
  return figureOf(
    id,
    svg,
    `${caption}${markers.length ? `; ${markers.length} second(s) with true peak over ${ceiling} dBTP` : ''}`,
  );
}

/** Tonal balance: third-octave levels of each file (and a reference), with the EQ a chain applied. */
export function tonalFigure(
  id: string,
  title: string,
  files: { label: string; bands: TonalBand[] }[],
  eq?: { label: string; responseDb: ArrayLike<number>; atHz: readonly number[] },
  target?: { label: string; db: (hz: number) => number },
): Figure {
  const series: Series[] = files.map(({ label, bands }, i) => ({
    name: label,
    x: bands.map((b) => Math.sqrt(b.bandHz[0] * b.bandHz[1])),
    y: bands.map((b) => b.levelDb),
    bands: bands.map((b) => b.bandHz),
    kind: 'bars' as const,
    color: PALETTE[(2 * i) % PALETTE.length]!,
  }));
  const lines: { y: number; label: string; color: string; dashed?: boolean }[] = [];
  let caption = files.map((f) => `${f.label}: ${f.bands.length} third-octave bands`).join('; ');
  if (eq) {
    // the EQ's response drawn around the first file's mean band level, so shape reads against the bands
    const levels = files[0]!.bands.map((b) => b.levelDb).filter((v): v is number => v !== null);
    const mid = levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : 0;
    series.push({
      name: `${eq.label} (dB, around ${Math.round(mid)})`,
      x: eq.atHz,
      y: Array.from(eq.responseDb, (v) => mid + v),
      color: '#CC79A7',
      dashed: true,
    });
    lines.push({ y: mid, label: `EQ 0 dB line`, color: '#CC79A7' });
    const max = Math.max(...Array.from(eq.responseDb, Math.abs));
    caption += `; ${eq.label} moves at most ${Math.round(max * 100) / 100} dB`;
  }
  if (target && files[0]) {
    // only the curve's shape matters: it is drawn through the first file's mean band level
    const have = files[0].bands.filter((b) => b.levelDb !== null);
    const centers = have.map((b) => Math.sqrt(b.bandHz[0] * b.bandHz[1]));
    const offset =
      have.reduce((sum, b, k) => sum + (b.levelDb as number) - target.db(centers[k]!), 0) / Math.max(1, have.length);
    series.push({
      name: target.label,
      x: EQ_CURVE_HZ,
      y: EQ_CURVE_HZ.map((f) => offset + target.db(f)),
      color: '#999999',
      dashed: true,
    });
  }
  const svg = chartSvg({
    id,
    title,
    xLabel: 'frequency',
    xUnit: 'Hz',
    yLabel: 'band level',
    yUnit: 'dB',
    xScale: 'log',
    xRange: [20, 22000],
    series,
    lines,
  });
  return figureOf(id, svg, caption);
}

/** Crest factor and PLR before and after (dB bars), and the gain change over time when both exist. */
export function dynamicsFigures(
  id: string,
  title: string,
  before: { label: string; m: ReportMeasure },
  after: { label: string; m: ReportMeasure }[],
  limiter?: { maxGainReductionDb: number | null },
): Figure[] {
  const groups = ['crest factor', 'PLR', 'LRA'];
  const value = (m: ReportMeasure) => [m.levels.crestFactorDb, m.levels.plrDb, m.levels.loudnessRangeLu];
  const bars = groupedBarsSvg({
    id: `${id}-bars`,
    title: `${title}: crest factor, PLR and LRA`,
    yLabel: 'level',
    yUnit: 'dB',
    groups,
    series: [before, ...after].map(({ label, m }, i) => ({
      name: label,
      values: value(m),
      color: PALETTE[(2 * i) % PALETTE.length]!,
    })),
  });
  const figures: Figure[] = [
    figureOf(
      `${id}-bars`,
      bars,
      [before, ...after]
        .map(({ label, m }) => `${label}: crest ${fmt(m.levels.crestFactorDb)} dB, PLR ${fmt(m.levels.plrDb)} dB`)
        .join('; '),
    ),
  ];
  if (after.length) {
    // gain change over time: output short-term loudness minus input's, less the overall change, so
    // the compressor's and limiter's moves show around 0 dB (a static gain is not dynamics)
    const series: Series[] = after.map(({ label, m }, i) => {
      const a = before.m.curves.shortTermLufs;
      const b = m.curves.shortTermLufs;
      const n = Math.min(a.length, b.length);
      const diff: (number | null)[] = [];
      for (let k = 0; k < n; k++) {
        const x = a[k];
        const y = b[k];
        diff.push(x === null || y === null || x === undefined || y === undefined || x < -70 || y < -70 ? null : y - x);
      }
      const finite = diff.filter((v): v is number => v !== null).sort((p, q) => p - q);
      const median = finite.length ? finite[Math.floor(finite.length / 2)]! : 0;
      return {
        name: `${label} − input, less ${Math.round(median * 10) / 10} dB static`,
        x: curveTimes(m.curves.shortTermStartSeconds, m.curves.hopSeconds, n),
        y: diff.map((v) => (v === null ? null : v - median)),
        color: PALETTE[(2 * (i + 1)) % PALETTE.length]!,
      };
    });
    const duration = Math.max(before.m.format.durationSeconds ?? 0, 1);
    figures.push(
      figureOf(
        `${id}-gain`,
        chartSvg({
          id: `${id}-gain`,
          title: `${title}: gain change over time (short-term loudness, output − input)`,
          xLabel: 'time',
          xUnit: 's',
          yLabel: 'gain change',
          yUnit: 'dB',
          xRange: [0, duration],
          series,
          lines: [{ y: 0, label: 'no change', color: '#999999' }],
        }),
        `compression and limiting as the output's short-term loudness moves against the input's` +
          (limiter?.maxGainReductionDb !== undefined
            ? `; the limiter's largest gain reduction was ${fmt(limiter.maxGainReductionDb)} dB (run record)`
            : ''),
      ),
    );
  }
  return figures;
}

interface ValidateCheck {
  id: string;
  passed: boolean;
  measured: unknown;
  limit: unknown;
  message?: string;
}

interface ValidateLine {
  file: string;
  platforms?: { platform: string; passed: boolean; checks: ValidateCheck[] }[];
  error?: unknown;
}

/** The validate verdicts as one table per run: file × platform × check, failures first. */
export function validateTable(results: unknown[]): string {
  const rows: { file: string; platform: string; c: ValidateCheck }[] = [];
  for (const r of results as ValidateLine[]) {
    for (const p of r.platforms ?? []) for (const c of p.checks) rows.push({ file: r.file, platform: p.platform, c });
  }
  rows.sort((a, b) => Number(a.c.passed) - Number(b.c.passed));
  const body = rows
    .map(
      ({ file, platform, c }) =>
        `<tr class="${c.passed ? 'pass' : 'fail'}" data-file="${xml(file)}" data-platform="${xml(platform)}" ` +
        `data-check="${xml(c.id)}">${cell(file)}${cell(platform)}${cell(c.id)}` +
        `<td class="verdict">${c.passed ? 'pass' : 'FAIL'}</td>` +
        `${cell(c.measured, 'measured')}${cell(c.limit, 'limit')}` +
        `${cell(c.message ?? '')}</tr>`,
    )
    .join('');
  return (
    `<table class="validate"><thead><tr><th>file</th><th>platform</th><th>check</th><th>verdict</th>` +
    `<th>measured</th><th>limit</th><th>why</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

/** A small key → value table whose cells carry the JSON key (tests compare them with the run). */
export function valuesTable(caption: string, values: Record<string, unknown>): string {
  const rows = Object.entries(values)
    .map(([k, v]) => `<tr><th>${xml(k)}</th>${cell(v, k)}</tr>`)
    .join('');
  return `<table class="values"><caption>${xml(caption)}</caption><tbody>${rows}</tbody></table>`;
}

/** The decision log, each entry linked to the figure its engine affected (when the section has one). */
export function decisionLog(
  sectionId: string,
  decisions: Decision[],
  figures: Figure[],
): { decision: Decision; figure: string | null }[] {
  return decisions.map((decision) => {
    const kind = figureKindFor(decision.engine);
    const figure =
      kind === null
        ? null
        : (figures.find((f) => f.id.includes(`-${kind}`))?.id ??
          (kind === 'validate' ? `${sectionId}-validate` : null));
    return { decision, figure };
  });
}

export function sectionIdFor(run: RunRecord | null, file: string | null, index: number): string {
  return run ? `run-${run.runId.slice(0, 13)}` : `file-${index}-${slug(file ?? 'x')}`;
}

/** Octave bands as a run record keeps them (`{hz, db}`, centre frequency) as band edges for a figure. */
export function octaveBands(bands: readonly { hz: number; db: number | null }[]): TonalBand[] {
  return bands.map((b) => ({ bandHz: [b.hz / Math.SQRT2, b.hz * Math.SQRT2], levelDb: b.db }));
}

/** A reamp rig's chain (from the run record), each stage a box in signal order. */
export function chainFigure(id: string, title: string, stages: { type: string; detail: string }[]): Figure {
  return figureOf(
    id,
    chainSvg({ id, title, stages }),
    stages.map((s, i) => `${i + 1}. ${s.type}${s.detail ? ` (${s.detail})` : ''}`).join(' → '),
  );
}

/** Each strip's compressor: its largest gain reduction, dB, as the mix recorded it. */
export function compressorFigure(id: string, title: string, strips: { name: string; maxGainReductionDb: number }[]) {
  const svg = groupedBarsSvg({
    id,
    title,
    yLabel: 'largest gain reduction',
    yUnit: 'dB',
    groups: strips.map((s) => s.name),
    series: [{ name: 'compressor', values: strips.map((s) => s.maxGainReductionDb), color: PALETTE[4]! }],
    widthPx: Math.max(480, Math.min(960, 120 + strips.length * 90)),
  });
  return figureOf(
    id,
    svg,
    strips.map((s) => `${s.name}: compressor at most ${fmt(s.maxGainReductionDb)} dB of gain reduction`).join('; '),
  );
}
