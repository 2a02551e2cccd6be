/** The human-readable form of an analyze result (stdout without --json). Formatting only. */
import type { AnalyzeResult } from '../commands/analyze.js';
import { quotePath } from '../io/names.js';

const fmt = (x: number | null | undefined, unit: string, digits = 1): string =>
  x === null || x === undefined ? `-inf ${unit}`.trimEnd() : `${x.toFixed(digits)} ${unit}`.trimEnd();

function duration(seconds: number | null): string {
  if (seconds === null) return '?';
  const ms = Math.round(seconds * 1000); // rounded first: 59.9996 s is 1:00.000, not 0:60.000
  const m = Math.floor(ms / 60000);
  return `${m}:${((ms - m * 60000) / 1000).toFixed(3).padStart(6, '0')}`;
}

export function formatAnalyzeText(r: AnalyzeResult): string {
  const f = r.format;
  const lines = [
    quotePath(r.file),
    `  ${f.container} ${f.codec}, ${f.sampleRate} Hz, ${f.channels} ch` +
      `${f.bitDepth ? `, ${f.bitDepth}-bit` : ''}, ${duration(f.durationSeconds)}`,
  ];
  const l = r.levels;
  if (l) {
    const rows: [string, string][] = [
      ['Integrated loudness', fmt(l.integratedLufs, 'LUFS')],
      ['Loudness range', l.loudnessRangeLu === null ? 'n/a' : fmt(l.loudnessRangeLu, 'LU')],
      ['Momentary max', fmt(l.momentaryMaxLufs, 'LUFS')],
      ['Short-term max', fmt(l.shortTermMaxLufs, 'LUFS')],
      ['True peak', fmt(l.truePeakDbtp, 'dBTP', 2)],
      ['Sample peak', fmt(l.samplePeakDbfs, 'dBFS', 2)],
      ['RMS', fmt(l.rmsDbfs, 'dBFS')],
      ['Crest factor', l.crestFactorDb === null ? 'n/a' : fmt(l.crestFactorDb, 'dB')],
      ['PLR', l.plrDb === null ? 'n/a' : fmt(l.plrDb, 'dB')],
      ['DR', l.dynamicRangeDr === null ? 'n/a' : `DR${l.dynamicRangeDr}`],
      ['Clipped samples', String(l.clippedSamples)],
      ['DC offset', l.dcOffset.map((d) => (Math.abs(d) < 5e-6 ? 0 : d).toFixed(5)).join(' / ')],
      ['Phase correlation', l.phaseCorrelation === null ? 'n/a' : l.phaseCorrelation.toFixed(2)],
      ['Mono loudness drop', l.monoLoudnessDropLu === null ? 'n/a' : fmt(l.monoLoudnessDropLu, 'LU')],
      ['Noise floor', l.noiseFloorDbfs === null ? 'n/a' : fmt(l.noiseFloorDbfs, 'dBFS')],
      ['Silence lead / tail', `${l.silence.leadingSeconds.toFixed(2)} s / ${l.silence.trailingSeconds.toFixed(2)} s`],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) lines.push(`  ${k.padEnd(width)}  ${v}`);
  }
  const rows: [string, string][] = [];
  if (r.tempo)
    rows.push([
      'Tempo',
      r.tempo.bpm === null
        ? `— (${r.tempo.reason ?? 'no tempo'})`
        : `${r.tempo.bpm.toFixed(1)} BPM (confidence ${r.tempo.confidence.toFixed(2)}, ${r.tempo.beats.length} beats)`,
    ]);
  if (r.key !== undefined)
    rows.push([
      'Key',
      r.key.key === null
        ? `— (${r.key.reason})`
        : `${r.key.key} (confidence ${r.key.confidence.toFixed(2)}, ` +
          `tuning ${r.key.tuningCents >= 0 ? '+' : ''}${r.key.tuningCents.toFixed(0)} cents)`,
    ]);
  if (r.onsets) rows.push(['Onsets', String(r.onsets.times.length)]);
  if (r.pitch)
    rows.push([
      'Pitch (median f0)',
      r.pitch.medianHz === null
        ? `— (${r.pitch.reason ?? 'no pitch'})`
        : `${r.pitch.medianHz.toFixed(1)} Hz (voiced ${(r.pitch.voicedRatio * 100).toFixed(0)} %)`,
    ]);
  const s = r.spectral;
  if (s) {
    rows.push(['Spectral centroid', s.centroidHz === null ? 'n/a' : `${s.centroidHz.toFixed(0)} Hz`]);
    rows.push(['Roll-off (85 %)', s.rolloffHz === null ? 'n/a' : `${s.rolloffHz.toFixed(0)} Hz`]);
    rows.push([
      'Flatness / ZCR',
      `${s.flatness === null ? 'n/a' : s.flatness.toFixed(3)} / ${s.zeroCrossingRate.toFixed(4)}`,
    ]);
  }
  if (rows.length) {
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) lines.push(`  ${k.padEnd(width)}  ${v}`);
  }
  return lines.join('\n');
}
