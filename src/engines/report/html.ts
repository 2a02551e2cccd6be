/**
 * One self-contained HTML page (issue 19): inline CSS and inline SVG only — no script, font, image
 * or style sheet from anywhere else — readable offline, printable, light or dark by the reader's
 * setting. The run data the page was made from is embedded as inert JSON (`application/json`).
 */
import type { Section } from './sections.js';
import { xml } from './svg.js';

export interface ReportDocument {
  title: string;
  generatedAt: string;
  shubVersion: string;
  sections: Section[];
  /** What the report was made from (run records, file measures' summaries), embedded as JSON. */
  data: unknown;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --muted: #555; --bg: #fff; --line: #ccc; --fail: #b00020;
  --pass: #1b6e20; --grid: #e4e4e4; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --muted: #aaa; --bg: #141414; --line: #444;
  --fail: #ff6b81; --pass: #7bd88f; --grid: #333; } }
@media print { :root { --fg: #000; --muted: #333; --bg: #fff; --line: #999; --grid: #ddd; }
  section { break-inside: avoid-page; } nav { display: none; } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg);
  margin: 0 auto; max-width: 1000px; padding: 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 1px solid var(--line); }
.meta, .note, figcaption { color: var(--muted); }
figure { margin: 12px 0; } figure svg { max-width: 100%; height: auto; }
svg.chart text { fill: var(--fg); } svg.chart text.tick { fill: var(--muted); }
svg.chart .grid { stroke: var(--grid); } svg.chart .frame { stroke: var(--line); }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
tr.fail td.verdict { color: var(--fail); font-weight: bold; } tr.pass td.verdict { color: var(--pass); }
ol.decisions li { margin: 6px 0; } .engine { font-family: ui-monospace, monospace; }
.why-not { color: var(--muted); }
`;

function decisionItem(d: Section['decisions'][number]): string {
  const { decision: x, figure } = d;
  const value = typeof x.value === 'string' ? x.value : JSON.stringify(x.value);
  const alts = (x.alternatives ?? [])
    .map((a) => `<li class="why-not">not ${xml(JSON.stringify(a.value))}: ${xml(a.why_not)}</li>`)
    .join('');
  const link = figure ? ` <a href="#${xml(figure)}">→ figure</a>` : '';
  return (
    `<li data-engine="${xml(x.engine)}" data-decision="${xml(x.decision)}">` +
    `<span class="engine">${xml(x.engine)}</span> ` +
    `<b>${xml(x.decision)}</b> = ${xml(value ?? 'null')}${x.unit ? ` ${xml(x.unit)}` : ''}${link}` +
    `<div>${xml(x.reason)}</div>${alts ? `<ul>${alts}</ul>` : ''}</li>`
  );
}

export function renderHtml(doc: ReportDocument): string {
  const nav = doc.sections.map((s) => `<li><a href="#${xml(s.id)}">${xml(s.heading)}</a></li>`).join('');
  const sections = doc.sections
    .map((s) => {
      const notes = s.notes.map((n) => `<p class="note">${xml(n)}</p>`).join('');
      const figures = s.figures
        .map((f) => `<figure id="fig-${xml(f.id)}">${f.svg}<figcaption>${xml(f.caption)}</figcaption></figure>`)
        .join('');
      const decisions = s.decisions.length
        ? `<h3>Decisions (${s.decisions.length})</h3>` +
          `<ol class="decisions">${s.decisions.map(decisionItem).join('')}</ol>`
        : '';
      const body = `${notes}${s.tables.join('')}${figures}${decisions}`;
      return `<section id="${xml(s.id)}"><h2>${xml(s.heading)}</h2>${body}</section>`;
    })
    .join('\n');
  // JSON inside <script type="application/json"> must not close the element early
  const data = JSON.stringify(doc.data).replace(/</g, '\\u003c');
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="shub ${xml(doc.shubVersion)}">` +
    `<title>${xml(doc.title)}</title><style>${STYLE}</style></head><body>` +
    `<header><h1>${xml(doc.title)}</h1><p class="meta">made by shub ${xml(doc.shubVersion)} at ` +
    `${xml(doc.generatedAt)}</p></header><nav><ol>${nav}</ol></nav>\n${sections}\n` +
    `<script type="application/json" id="shub-data">${data}</script></body></html>\n`
  );
}
