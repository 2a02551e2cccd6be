/**
 * Charts as self-contained SVG (issue 19): axes with units, a legend, and nothing a browser or a
 * rasterizer (resvg) must fetch. Pure functions from data to text. Colours are presentation
 * attributes that read on white paper; the HTML page's stylesheet recolours text, axes and grid for
 * a dark screen (CSS wins over presentation attributes), so the same SVG serves the page and the PNG.
 *
 * Curves are decimated for display only (min/max per pixel column): the values a report quotes come
 * from the run's JSON or the measurement, never from the decimated points.
 */

export const CHART = {
  /** Plot size in CSS pixels; the SVG scales to the page width. */
  widthPx: 960,
  heightPx: 320,
  margin: { left: 64, right: 16, top: 34, bottom: 46 },
  /** Most points a curve keeps: two (min and max) per pixel column of the plot. */
  pointsPerPixel: 2,
} as const;

/** A colour-blind-safe palette (Okabe–Ito), legible on white and on a dark background. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#999999'];

export interface Series {
  name: string;
  /** x values (seconds, Hz, …), ascending. */
  x: ArrayLike<number>;
  /** y values; null breaks the line (e.g. silence: −∞ LUFS). */
  y: ArrayLike<number | null>;
  color?: string;
  dashed?: boolean;
  /** Draw as a step curve of bars (band levels) instead of a line. */
  kind?: 'line' | 'bars';
  /** For bars: the band edges of each value, [lo, hi]. */
  bands?: readonly (readonly [number, number])[];
}

export interface HorizontalBand {
  from: number;
  to: number;
  label: string;
  color: string;
}

export interface HorizontalLine {
  y: number;
  label: string;
  color: string;
  dashed?: boolean;
}

export interface Marker {
  x: number;
  label: string;
  color: string;
}

interface LegendEntry {
  name: string;
  color: string;
  dashed?: boolean;
  /** A filled box (a band) or a short vertical tick (a marker) instead of a line. */
  box?: boolean;
  mark?: boolean;
}

type PlacedEntry = LegendEntry & { x: number; y: number };

/** Legend entries in rows below the title, wrapped to the chart's width (~6.6 px per character). */
function layoutLegend(entries: LegendEntry[], x0: number, x1: number): PlacedEntry[][] {
  const rows: PlacedEntry[][] = [];
  let row: PlacedEntry[] = [];
  let x = x0;
  for (const e of entries) {
    const w = 30 + e.name.length * 6.6;
    if (row.length && x + w > x1) {
      rows.push(row);
      row = [];
      x = x0;
    }
    row.push({ ...e, x, y: 0 });
    x += w;
  }
  if (row.length) rows.push(row);
  rows.forEach((r, i) => r.forEach((e) => (e.y = 36 + 16 * i)));
  return rows;
}

function legendSvg(rows: PlacedEntry[][]): string {
  const parts: string[] = [];
  for (const e of rows.flat()) {
    const glyph = e.box
      ? `<rect x="${num(e.x)}" y="${e.y - 9}" width="18" height="10" fill="${e.color}" fill-opacity="0.3"/>`
      : e.mark
        ? `<line x1="${num(e.x + 9)}" x2="${num(e.x + 9)}" y1="${e.y - 10}" y2="${e.y + 2}" stroke="${e.color}" ` +
          'stroke-width="2"/>'
        : `<line x1="${num(e.x)}" x2="${num(e.x + 18)}" y1="${e.y - 4}" y2="${e.y - 4}" stroke="${e.color}" ` +
          `stroke-width="3"${e.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
    parts.push(`<g class="legend">${glyph}<text x="${num(e.x + 22)}" y="${e.y}" fill="#222">${xml(e.name)}</text></g>`);
  }
  return parts.join('');
}

export interface ChartSpec {
  id: string;
  title: string;
  xLabel: string;
  xUnit: string;
  yLabel: string;
  yUnit: string;
  series: Series[];
  xScale?: 'linear' | 'log';
  /** Fixed ranges; otherwise from the data with a margin. */
  xRange?: [number, number];
  yRange?: [number, number];
  bands?: HorizontalBand[];
  lines?: HorizontalLine[];
  markers?: Marker[];
  widthPx?: number;
  heightPx?: number;
}

/** Escapes text for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const num = (x: number) => (Math.abs(x) < 1e-9 ? '0' : String(Math.round(x * 10) / 10));

/**
 * Display decimation: at most `columns` × 2 points, the min and max of each column in x order, so
 * peaks stay visible. Null values are kept as breaks. Returns the input when it is already small.
 */
export function decimate(
  x: ArrayLike<number>,
  y: ArrayLike<number | null>,
  columns: number,
): { x: number[]; y: (number | null)[] } {
  const n = Math.min(x.length, y.length);
  if (n <= columns * CHART.pointsPerPixel) return { x: Array.from(x).slice(0, n), y: Array.from(y).slice(0, n) };
  const outX: number[] = [];
  const outY: (number | null)[] = [];
  const per = n / columns;
  for (let c = 0; c < columns; c++) {
    const a = Math.floor(c * per);
    const b = Math.min(n, Math.floor((c + 1) * per));
    let lo = -1;
    let hi = -1;
    let sawNull = false;
    for (let i = a; i < b; i++) {
      const v = y[i];
      if (v === null || v === undefined || !Number.isFinite(v)) {
        sawNull = true;
        continue;
      }
      if (lo < 0 || v < (y[lo] as number)) lo = i;
      if (hi < 0 || v > (y[hi] as number)) hi = i;
    }
    if (lo < 0) {
      if (sawNull) {
        outX.push(x[a]!);
        outY.push(null);
      }
      continue;
    }
    for (const i of lo <= hi ? [lo, hi] : [hi, lo]) {
      if (outX.length && outX[outX.length - 1] === x[i] && i === lo && lo === hi) continue;
      outX.push(x[i]!);
      outY.push(y[i] as number);
    }
  }
  return { x: outX, y: outY };
}

/** Round tick steps (1, 2, 5 × 10^k) giving about `count` ticks over [lo, hi]. */
export function linearTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step);
  return ticks;
}

/** Decades and their 2×, 5× for a log axis over [lo, hi] (lo > 0). */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const t = m * 10 ** e;
      if (t >= lo && t <= hi) ticks.push(t);
    }
  }
  return ticks;
}

function tickText(t: number, unit: string): string {
  if (unit === 'Hz' && t >= 1000) return `${t / 1000}k`;
  if (unit === 's' && t >= 120) {
    const m = Math.floor(t / 60);
    const s = Math.round(t - 60 * m);
    return `${m}:${String(s).padStart(2, '0')}`;
  }
  return String(Math.round(t * 1000) / 1000);
}

function dataRange(values: Iterable<number | null>, pad: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-9) return [lo - 1, hi + 1];
  const m = (hi - lo) * pad;
  return [lo - m, hi + m];
}

/** One chart as an SVG element (with its own xmlns, so it stands alone as a file). */
export function chartSvg(spec: ChartSpec): string {
  const W = spec.widthPx ?? CHART.widthPx;
  const { left, right, bottom } = CHART.margin;
  const plotW = W - left - right;
  const legend: LegendEntry[] = [
    ...spec.series.map((s, i) => ({
      name: s.name,
      color: s.color ?? PALETTE[i % PALETTE.length]!,
      ...(s.dashed ? { dashed: true } : {}),
    })),
    ...(spec.lines ?? []).map((l) => ({ name: l.label, color: l.color, dashed: l.dashed !== false })),
    ...(spec.markers?.length
      ? [{ name: spec.markers[0]!.label.replace(/ at .*$/, ''), color: spec.markers[0]!.color, mark: true }]
      : []),
    ...(spec.bands ?? []).map((b) => ({ name: b.label, color: b.color, box: true })),
  ];
  const legendRows = layoutLegend(legend, left, W - right);
  const top = 30 + 16 * legendRows.length + 8;
  const H = (spec.heightPx ?? CHART.heightPx) + top - CHART.margin.top;
  const plotH = H - top - bottom;
  const logX = spec.xScale === 'log';

  const series = spec.series.map((s) => {
    if (s.kind === 'bars') return s;
    const d = decimate(s.x, s.y, plotW);
    return { ...s, x: d.x, y: d.y };
  });
  const xs = (function* () {
    for (const s of series) {
      if (s.kind === 'bars' && s.bands) for (const [a, b] of s.bands) yield* [a, b];
      else yield* Array.from(s.x);
    }
  })();
  const [x0, x1] = spec.xRange ?? dataRange(xs, 0);
  const ys = (function* () {
    for (const s of series) yield* Array.from(s.y);
    for (const b of spec.bands ?? []) yield* [b.from, b.to];
    for (const l of spec.lines ?? []) yield l.y;
  })();
  const [y0, y1] = spec.yRange ?? dataRange(ys, 0.08);

  const px = (x: number) =>
    left + (logX ? (Math.log(x / x0) / Math.log(x1 / x0)) * plotW : ((x - x0) / (x1 - x0)) * plotW);
  const py = (y: number) => top + (1 - (Math.min(y1, Math.max(y0, y)) - y0) / (y1 - y0)) * plotH;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="${xml(spec.id)}" class="chart" viewBox="0 0 ${W} ${H}" ` +
      `width="${W}" height="${H}" role="img" aria-label="${xml(spec.title)}" font-family="sans-serif" font-size="12">`,
  );
  parts.push(`<title>${xml(spec.title)}</title>`);
  parts.push(`<text class="title" x="${left}" y="20" font-size="14" font-weight="bold" fill="#222">`);
  parts.push(`${xml(spec.title)}</text>`);
  // bands and grid first, curves on top
  for (const b of spec.bands ?? []) {
    const yTop = py(Math.max(b.from, b.to));
    const h = Math.abs(py(b.from) - py(b.to));
    parts.push(
      `<rect class="band" x="${num(left)}" y="${num(yTop)}" width="${num(plotW)}" height="${num(h)}" ` +
        `fill="${b.color}" fill-opacity="0.15"><title>${xml(b.label)}</title></rect>`,
    );
  }
  const xTicks = logX ? logTicks(x0, x1) : linearTicks(x0, x1, 8);
  const yTicks = linearTicks(y0, y1, 6);
  for (const t of yTicks) {
    const y = py(t);
    parts.push(`<line class="grid" x1="${left}" x2="${left + plotW}" y1="${num(y)}" y2="${num(y)}" stroke="#ddd"/>`);
    parts.push(`<text class="tick" x="${left - 6}" y="${num(y + 4)}" text-anchor="end" fill="#444">`);
    parts.push(`${xml(tickText(t, spec.yUnit))}</text>`);
  }
  for (const t of xTicks) {
    const x = px(t);
    parts.push(`<line class="grid" x1="${num(x)}" x2="${num(x)}" y1="${top}" y2="${top + plotH}" stroke="#eee"/>`);
    parts.push(`<text class="tick" x="${num(x)}" y="${top + plotH + 16}" text-anchor="middle" fill="#444">`);
    parts.push(`${xml(tickText(t, spec.xUnit))}</text>`);
  }
  parts.push(
    `<rect class="frame" x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
  );
  parts.push(
    `<text class="axis-label" x="${left + plotW / 2}" y="${H - 8}" text-anchor="middle" fill="#222">` +
      `${xml(`${spec.xLabel} (${spec.xUnit})`)}</text>`,
  );
  parts.push(
    `<text class="axis-label" transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" ` +
      `fill="#222">${xml(`${spec.yLabel} (${spec.yUnit})`)}</text>`,
  );

  series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]!;
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    if (s.kind === 'bars' && s.bands) {
      let d = '';
      s.bands.forEach(([a, b], k) => {
        const v = s.y[k];
        if (v === null || v === undefined || !Number.isFinite(v)) return;
        const y = py(v);
        d += `M${num(px(Math.max(a, x0)))} ${num(y)}H${num(px(Math.min(b, x1)))}`;
      });
      parts.push(
        `<path class="series" data-series="${xml(s.name)}" d="${d}" fill="none" stroke="${color}" ` +
          `stroke-width="2.5"${dash}/>`,
      );
      return;
    }
    let d = '';
    let pen = false;
    for (let k = 0; k < s.x.length; k++) {
      const v = s.y[k];
      const x = s.x[k]!;
      if (v === null || v === undefined || !Number.isFinite(v) || x < x0 || x > x1) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${num(px(x))} ${num(py(v))}`;
      pen = true;
    }
    parts.push(
      `<path class="series" data-series="${xml(s.name)}" d="${d}" fill="none" stroke="${color}" ` +
        `stroke-width="1.5" stroke-linejoin="round"${dash}/>`,
    );
  });
  for (const l of spec.lines ?? []) {
    const y = py(l.y);
    const dash = l.dashed === false ? '' : ' stroke-dasharray="4 3"';
    parts.push(
      `<line class="ref" x1="${left}" x2="${left + plotW}" y1="${num(y)}" y2="${num(y)}" stroke="${l.color}"` +
        ` stroke-width="1.5"${dash}><title>${xml(l.label)}</title></line>`,
    );
  }
  for (const m of spec.markers ?? []) {
    const x = px(m.x);
    parts.push(
      `<path class="marker" d="M${num(x)} ${top}v${plotH}" stroke="${m.color}" stroke-width="1" stroke-opacity="0.7">` +
        `<title>${xml(m.label)}</title></path>`,
    );
  }
  parts.push(legendSvg(legendRows));
  parts.push('</svg>');
  return parts.join('');
}

/** A table-like bar chart of a few named values (crest factor, PLR, …) before and after. */
export interface GroupedBarsSpec {
  id: string;
  title: string;
  yLabel: string;
  yUnit: string;
  groups: string[];
  series: { name: string; values: (number | null)[]; color?: string }[];
  widthPx?: number;
  heightPx?: number;
}

export function groupedBarsSvg(spec: GroupedBarsSpec): string {
  const W = spec.widthPx ?? 480;
  const H = spec.heightPx ?? CHART.heightPx;
  const { left, right, top, bottom } = CHART.margin;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const all = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const y1 = Math.max(1, ...all) * 1.15;
  const y0 = Math.min(0, ...all);
  const py = (y: number) => top + (1 - (y - y0) / (y1 - y0)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${xml(spec.id)}" class="chart" viewBox="0 0 ${W} ${H}" ` +
      `width="${W}" height="${H}" role="img" aria-label="${xml(spec.title)}" font-family="sans-serif" font-size="12">`,
    `<title>${xml(spec.title)}</title>`,
    `<text class="title" x="${left}" y="20" font-size="14" font-weight="bold" fill="#222">${xml(spec.title)}</text>`,
  ];
  for (const t of linearTicks(y0, y1, 5)) {
    const y = py(t);
    parts.push(`<line class="grid" x1="${left}" x2="${left + plotW}" y1="${num(y)}" y2="${num(y)}" stroke="#ddd"/>`);
    parts.push(
      `<text class="tick" x="${left - 6}" y="${num(y + 4)}" text-anchor="end" fill="#444">${xml(String(t))}</text>`,
    );
  }
  const groupW = plotW / Math.max(1, spec.groups.length);
  const barW = (groupW * 0.7) / Math.max(1, spec.series.length);
  spec.groups.forEach((g, gi) => {
    const gx = left + gi * groupW + groupW * 0.15;
    spec.series.forEach((s, si) => {
      const v = s.values[gi];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const color = s.color ?? PALETTE[si % PALETTE.length]!;
      const yTop = py(Math.max(v, 0));
      const h = Math.abs(py(v) - py(0));
      parts.push(
        `<rect class="bar" data-series="${xml(s.name)}" data-group="${xml(g)}" data-value="${v}" ` +
          `x="${num(gx + si * barW)}" y="${num(yTop)}" width="${num(barW * 0.92)}" height="${num(h)}" ` +
          `fill="${color}"><title>${xml(`${s.name} ${g}: ${v} ${spec.yUnit}`)}</title></rect>`,
      );
      parts.push(
        `<text class="value" x="${num(gx + si * barW + barW * 0.46)}" y="${num(yTop - 4)}" text-anchor="middle" ` +
          `fill="#222">${xml(String(v))}</text>`,
      );
    });
    parts.push(
      `<text class="tick" x="${num(left + gi * groupW + groupW / 2)}" y="${top + plotH + 16}" text-anchor="middle" ` +
        `fill="#444">${xml(g)}</text>`,
    );
  });
  parts.push(
    `<rect class="frame" x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
    `<text class="axis-label" transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" ` +
      `fill="#222">${xml(`${spec.yLabel} (${spec.yUnit})`)}</text>`,
  );
  let lx = left + 8;
  spec.series.forEach((s, si) => {
    const color = s.color ?? PALETTE[si % PALETTE.length]!;
    parts.push(`<g class="legend"><rect x="${num(lx)}" y="${top + 6}" width="12" height="12" fill="${color}"/>`);
    parts.push(`<text x="${num(lx + 16)}" y="${top + 16}" fill="#222">${xml(s.name)}</text></g>`);
    lx += 30 + s.name.length * 6.6;
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A signal chain as boxes joined by arrows, left to right, wrapping into rows. */
export interface ChainSpec {
  id: string;
  title: string;
  stages: { type: string; detail: string }[];
  widthPx?: number;
}

export function chainSvg(spec: ChainSpec): string {
  const W = spec.widthPx ?? CHART.widthPx;
  const boxW = 170;
  const boxH = 74;
  const gap = 34;
  const perRow = Math.max(1, Math.floor((W - 32 + gap) / (boxW + gap)));
  const rows = Math.max(1, Math.ceil(spec.stages.length / perRow));
  const H = 40 + rows * (boxH + 30);
  // the detail wraps at ~26 characters per line, at most 3 lines (the full text is in the box's title)
  const wrap = (text: string): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      if (line && (line + ' ' + word).length > 26) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines.length > 3 ? [...lines.slice(0, 2), `${lines[2]!.slice(0, 24)}…`] : lines;
  };
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${xml(spec.id)}" class="chart chain" viewBox="0 0 ${W} ${H}" ` +
      `width="${W}" height="${H}" role="img" aria-label="${xml(spec.title)}" font-family="sans-serif" font-size="11">`,
    `<title>${xml(spec.title)}</title>`,
    `<text class="title" x="16" y="20" font-size="14" font-weight="bold" fill="#222">${xml(spec.title)}</text>`,
  ];
  spec.stages.forEach((s, i) => {
    const x = 16 + (i % perRow) * (boxW + gap);
    const y = 34 + Math.floor(i / perRow) * (boxH + 30);
    const color = PALETTE[i % PALETTE.length]!;
    parts.push(
      `<g class="stage" data-index="${i}" data-type="${xml(s.type)}"><title>${xml(`${s.type}: ${s.detail}`)}</title>` +
        `<rect x="${x}" y="${y}" width="${boxW}" height="${boxH}" rx="6" fill="none" stroke="${color}" ` +
        `stroke-width="2"/><text x="${x + 8}" y="${y + 17}" font-weight="bold" font-size="13" fill="#222">` +
        `${i + 1}. ${xml(s.type)}</text>`,
    );
    wrap(s.detail).forEach((line, k) =>
      parts.push(`<text x="${x + 8}" y="${y + 34 + 13 * k}" fill="#444">${xml(line)}</text>`),
    );
    parts.push('</g>');
    if (i + 1 < spec.stages.length) {
      const sameRow = (i + 1) % perRow !== 0;
      const ay = y + boxH / 2;
      if (sameRow)
        parts.push(
          `<path class="arrow" d="M${x + boxW + 4} ${ay} H${x + boxW + gap - 6} m-6 -5 l6 5 l-6 5" ` +
            `fill="none" stroke="#888" stroke-width="1.5"/>`,
        );
      else
        parts.push(
          `<path class="arrow" d="M${x + boxW / 2} ${y + boxH + 2} V${y + boxH + 14} H${16 + boxW / 2} ` +
            `V${y + boxH + 26} m-5 -6 l5 6 l5 -6" fill="none" stroke="#888" stroke-width="1.5"/>`,
        );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
