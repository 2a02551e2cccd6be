/** Human-readable forms of `shub history`, `shub show` and `shub db` (stdout without --json). Formatting only. */
import type { DbMigrateResult, DbStatusResult } from '../commands/db.js';
import type { RunRecord, RunSummary } from '../store/types.js';
import { quotePath } from '../io/names.js';
import { shortRunIds } from '../store/run.js';

/** `2025-03-01 14:02:07` in local time. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return `${date} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function seconds(a: string, b: string): string {
  const s = (Date.parse(b) - Date.parse(a)) / 1000;
  return s < 10
    ? `${s.toFixed(2)} s`
    : s < 60
      ? `${s.toFixed(1)} s`
      : `${Math.floor(Math.round(s) / 60)} min ${Math.round(s) % 60} s`; // 119.6 s is 2 min 0 s
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function compact(value: unknown, max = 60): string {
  const s = value === undefined ? '' : JSON.stringify(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function formatHistory(runs: RunSummary[]): string {
  if (runs.length === 0) return 'no runs';
  const short = shortRunIds(runs.map((r) => r.runId));
  const rows = runs.map((r, i) => [
    localTime(r.startedAt),
    short[i]!,
    r.command,
    r.exitCode === 0 ? r.status : `${r.status} (${r.exitCode})`,
    String(r.decisionCount),
    r.files.length === 0
      ? '-'
      : r.files.length === 1
        ? quotePath(r.files[0]!)
        : `${quotePath(r.files[0]!)} +${r.files.length - 1} more`,
  ]);
  return table(['STARTED', 'RUN', 'COMMAND', 'STATUS', 'DECISIONS', 'FILES'], rows);
}

/** The most telling numbers of a result, for the known result shapes; other results print as JSON. */
function resultLine(result: unknown): string {
  const r = (result ?? {}) as Record<string, unknown>;
  const file = typeof r.file === 'string' ? r.file : '?';
  const levels = r.levels as Record<string, number | null> | undefined;
  if (levels) {
    const n = (x: number | null | undefined, unit: string, d = 1) =>
      x === null || x === undefined ? `-inf ${unit}` : `${x.toFixed(d)} ${unit}`;
    const parts = [
      `${n(levels.integratedLufs, 'LUFS')}`,
      `LRA ${levels.loudnessRangeLu === null ? 'n/a' : n(levels.loudnessRangeLu, 'LU')}`,
      `TP ${n(levels.truePeakDbtp, 'dBTP', 2)}`,
    ];
    const tempo = r.tempo as { bpm?: number } | undefined;
    const key = r.key as { key?: string } | undefined;
    if (typeof tempo?.bpm === 'number') parts.push(`${tempo.bpm.toFixed(1)} BPM`);
    if (typeof key?.key === 'string') parts.push(key.key);
    return `${file}: ${parts.join(', ')}`;
  }
  if (Array.isArray(r.platforms)) {
    const verdicts = (r.platforms as { platform?: string; passed?: boolean }[]).map(
      (p) => `${p.platform} ${p.passed ? 'pass' : 'FAIL'}`,
    );
    return `${file}: ${verdicts.join(', ')}`;
  }
  return compact(result, 120);
}

export function formatRun(run: RunRecord): string {
  const lines = [
    `Run       ${run.runId}`,
    `Command   shub ${run.args.length ? run.args.join(' ') : run.command}`,
    `Status    ${run.status} (exit ${run.exitCode})`,
    `Started   ${localTime(run.startedAt)}, took ${seconds(run.startedAt, run.endedAt)}`,
    `Host      ${run.host}, shub ${run.shubVersion}`,
  ];
  if (run.inputs.length) {
    lines.push('', `Inputs (${run.inputs.length})`);
    for (const i of run.inputs) {
      const f = i.format;
      const fmt = f ? `${f.codec}, ${f.sampleRate} Hz, ${f.channels} ch` : 'not read';
      lines.push(`  ${quotePath(i.path)}  ${i.sha256 ? i.sha256.slice(0, 12) : '-'}  ${fmt}`);
    }
  }
  if (run.outputs.length) {
    lines.push('', `Outputs (${run.outputs.length})`);
    for (const o of run.outputs) lines.push(`  ${o.role}  ${quotePath(o.path)}  ${o.sha256.slice(0, 12)}`);
  }
  if (run.results.length) {
    lines.push('', `Results (${run.results.length})`);
    for (const r of run.results) lines.push(`  ${resultLine(r)}`);
  }
  if (run.errors.length) {
    lines.push('', `Errors (${run.errors.length})`);
    for (const e of run.errors) lines.push(`  exit ${e.exitCode}: ${e.message}`);
  }
  lines.push('', `Decisions (${run.decisions.length})`);
  run.decisions.forEach((d, i) => {
    const value = `${compact(d.value)}${d.unit ? ` ${d.unit}` : ''}`;
    const confidence = d.confidence === undefined ? '' : ` (confidence ${d.confidence})`;
    lines.push(`  ${String(i + 1).padStart(3)}. ${d.engine} ${d.decision} = ${value}${confidence}`);
    lines.push(`       ${d.reason}`);
    if (d.inputs && Object.keys(d.inputs).length) lines.push(`       inputs: ${compact(d.inputs, 100)}`);
    for (const a of d.alternatives ?? []) lines.push(`       not ${compact(a.value)}: ${a.why_not}`);
  });
  return lines.join('\n');
}

export function formatDbStatus(status: DbStatusResult | DbMigrateResult): string {
  const lines: string[] = [];
  if ('steps' in status) {
    if (status.steps.length === 0) lines.push(`${status.database}: nothing to migrate`);
    for (const s of status.steps)
      lines.push(
        `${s.direction === 'up' ? 'applied' : 'rolled back'} ${s.name}${s.status === 'done' ? '' : ` (${s.status})`}`,
      );
    lines.push('');
  }
  lines.push(`database  ${status.database}`);
  const newer = status.migrations.some((m) => m.state === 'unknown');
  lines.push(
    `schema    ${
      status.upToDate
        ? 'up to date'
        : newer
          ? 'migrated by a newer shub: upgrade shub'
          : 'NOT up to date: run `shub db migrate`'
    }`,
  );
  lines.push(
    table(
      ['MIGRATION', 'STATE', 'APPLIED AT'],
      status.migrations.map((m) => [m.name, m.state, m.executedAt ? localTime(m.executedAt) : '-']),
    ),
  );
  return lines.join('\n');
}
