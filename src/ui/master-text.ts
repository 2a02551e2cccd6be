/** The human-readable report of one mastered mix (stdout without --json). */
import type { MasterResult } from '../commands/master.js';
import { quotePath } from '../io/names.js';

const num = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '—' : x.toFixed(d));

export function formatMasterText(r: MasterResult): string {
  const lines = [`${r.input}`];
  const rows = r.outputs.map((o) => [
    o.target,
    o.compliant ? 'ok' : 'NOT MET',
    `${num(o.achieved?.integratedLufs, 2)} / ${o.targetSpec.integratedLufs} LUFS`,
    `${num(o.achieved?.truePeakDbtp, 2)} / ${o.targetSpec.truePeakCeilingDbtp} dBTP`,
    `${num(o.limiterMaxGainReductionDb)} dB`,
    o.file ? quotePath(o.file) : (o.problem ?? ''),
  ]);
  const head = ['target', 'result', 'loudness (got / target)', 'true peak (got / ceiling)', 'limiting', 'file'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => `  ${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}`;
  lines.push(fmt(head));
  for (const row of rows) lines.push(fmt(row));
  const chain = r.decisions.filter((d) =>
    ['master.highpass', 'master.eq', 'master.compressor', 'master.width', 'master.dynamics', 'master.speech'].includes(
      d.engine,
    ),
  );
  for (const d of chain) lines.push(`  ${d.engine.replace('master.', '')}: ${d.reason}`);
  return lines.join('\n');
}
