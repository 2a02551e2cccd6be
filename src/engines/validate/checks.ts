/**
 * Delivery checks (SPEC §7): pure functions from measurements to verdicts. Each check has an id,
 * the measured value, the limit and a one-line message that says what to do when it fails.
 */
import type { Levels } from '../levels/index.js';
import type { Platform } from '../../recipes/platforms.js';
import { truePeakCeilingFor } from '../../recipes/platforms.js';

export type Limit = number | [number, number] | number[] | { min?: number; max?: number };

export interface Check {
  id: string;
  passed: boolean;
  measured: number | number[] | null;
  limit: Limit | null;
  message: string;
}

export interface PlatformVerdict {
  platform: string;
  passed: boolean;
  checks: Check[];
}

/** What the checks look at: the file's format, its levels, and optionally true peaks after lossy round trips. */
export interface Measurements {
  format: { sampleRate: number; channels: number; bitDepth: number | null; codec: string };
  levels: Levels;
  /** dBTP after encode → decode, per codec (null: silent). */
  codecTruePeakDbtp?: Partial<Record<'aac' | 'mp3' | 'opus', number | null>>;
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/**
 * The loudness a file of `channels` channels is held to: the target's own, or for a mono file its
 * `monoIntegratedLufs` where the target names one (podcasts: a mono file plays on both speakers,
 * 3 LU louder than it measures). Master aims at this value too.
 */
export function loudnessTargetFor(p: Platform, channels: number): number | null {
  return channels === 1 && p.monoIntegratedLufs !== undefined ? p.monoIntegratedLufs : p.integratedLufs;
}

export function checkPlatform(m: Measurements, p: Platform): PlatformVerdict {
  const { levels: l, format } = m;
  const checks: Check[] = [];
  // messages are thunks: only the one that applies is formatted (files × platforms × checks add up)
  const add = (
    id: string,
    passed: boolean,
    measured: Check['measured'],
    limit: Limit | null,
    ok: () => string,
    bad: () => string,
  ) => checks.push({ id, passed, measured, limit, message: passed ? ok() : bad() });

  // loudness
  const target = loudnessTargetFor(p, format.channels);
  if (target !== null && p.integratedToleranceLu !== null) {
    const lo = target - p.integratedToleranceLu;
    const hi = target + p.integratedToleranceLu;
    const mono = target !== p.integratedLufs ? ' for mono files' : '';
    const i = l.integratedLufs;
    if (i === null) {
      add(
        'integrated-loudness',
        false,
        null,
        [lo, hi],
        () => '',
        () => `silent: no integrated loudness; ${p.name} expects ${target} LUFS${mono}`,
      );
    } else {
      const diff = i - target;
      add(
        'integrated-loudness',
        i >= lo && i <= hi,
        i,
        [lo, hi],
        () => `${f1(i)} LUFS is within ${p.name}'s ${target} ± ${p.integratedToleranceLu} LU${mono}`,
        () =>
          `${f1(i)} LUFS is ${f1(Math.abs(diff))} LU ${diff > 0 ? 'louder' : 'quieter'} than ${p.name}'s ` +
          `${target} LUFS target${mono} (± ${p.integratedToleranceLu}); ` +
          `${diff > 0 ? 'turn it down' : 'turn it up'} (shub master --target ${p.id})`,
      );
    }
  }
  const ceiling = truePeakCeilingFor(p, l.integratedLufs);
  const tp = l.truePeakDbtp;
  add(
    'true-peak',
    tp === null || tp <= ceiling,
    tp,
    ceiling,
    () => (tp === null ? 'silent' : `true peak ${f2(tp)} dBTP is at or below ${f1(ceiling)} dBTP`),
    () =>
      `true peak ${f2(tp ?? 0)} dBTP exceeds ${p.name}'s ${f1(ceiling)} dBTP ` +
      'ceiling' +
      (ceiling !== p.truePeakCeilingDbtp ? ` (for masters louder than ${p.louderThan!.integratedLufs} LUFS)` : '') +
      '; limit with a true-peak limiter',
  );

  if (p.loudnessRangeLu) {
    const { min, max } = p.loudnessRangeLu;
    const lra = l.loudnessRangeLu;
    const ok = lra !== null && (min === undefined || lra >= min) && (max === undefined || lra <= max);
    add(
      'loudness-range',
      ok,
      lra,
      p.loudnessRangeLu,
      () => `LRA ${f1(lra ?? 0)} LU is within ${min ?? 0}–${max ?? '∞'} LU`,
      () =>
        lra === null
          ? 'no loudness range (silent or shorter than 3 s)'
          : `LRA ${f1(lra)} LU is outside ${p.name}'s ${min ?? 0}–${max ?? '∞'} LU; ` +
            `${max !== undefined && lra > max ? 'reduce the dynamics' : 'the programme is too compressed'}`,
    );
  }

  // format: a value the platform lists (no list: no check); the failure message is given the list
  const listed = (
    id: string,
    list: number[] | undefined,
    value: number | null,
    ok: () => string,
    bad: (list: number[]) => string,
  ) => {
    if (list && list.length > 0) add(id, value !== null && list.includes(value), value, list, ok, () => bad(list));
  };
  listed(
    'sample-rate',
    p.sampleRatesHz,
    format.sampleRate,
    () => `${format.sampleRate} Hz is accepted`,
    (rates) =>
      `${format.sampleRate} Hz is not accepted by ${p.name} (${rates.join(', ')} Hz); resample to ` +
      `${p.delivery.sampleRateHz} Hz`,
  );
  const b = format.bitDepth;
  listed(
    'bit-depth',
    p.bitDepths,
    b,
    () => `${b}-bit is accepted`,
    (depths) =>
      b === null
        ? `lossy ${format.codec} has no bit depth; ${p.name} expects ${depths.join('/')}-bit PCM`
        : `${b}-bit is not accepted by ${p.name} (${depths.join(', ')}-bit); export at ` +
          `${p.delivery.bitDepth}-bit${b > p.delivery.bitDepth ? ' with dither' : ''}`,
  );
  listed(
    'channels',
    p.channels,
    format.channels,
    () => `${format.channels} channel(s) accepted`,
    (layouts) => `${format.channels} channel(s) is not accepted by ${p.name} (${layouts.join(', ')})`,
  );

  // quality: most are a measure held at or under the platform's maximum
  const atMost = (id: string, value: number, max: number, ok: () => string, bad: () => string) =>
    add(id, value <= max, value, max, ok, bad);
  atMost(
    'clipping',
    l.clippedSamples,
    p.clippedSamplesMax,
    () => 'no clipped runs',
    () =>
      `${l.clippedSamples} clipped samples (runs of full-scale samples); go back to the mix or lower the level ` +
      `before limiting`,
  );
  const dc = Math.max(0, ...l.dcOffset.map(Math.abs));
  add(
    'dc-offset',
    dc <= p.dcOffsetMax,
    l.dcOffset,
    p.dcOffsetMax,
    () => `DC offset ${dc.toFixed(4)} is within ±${p.dcOffsetMax}`,
    () => `DC offset ${dc.toFixed(4)} exceeds ±${p.dcOffsetMax}; apply a DC/high-pass filter`,
  );
  const silence = (end: 'leading' | 'trailing', seconds: number, max: number, where: string, part: string) =>
    atMost(
      `${end}-silence`,
      seconds,
      max,
      () => `${f2(seconds)} s of ${end} silence`,
      () => `${f2(seconds)} s of silence ${where} (at most ${max} s); trim the ${part}`,
    );
  silence('leading', l.silence.leadingSeconds, p.leadingSilenceMaxSeconds, 'before the first sound', 'start');
  silence('trailing', l.silence.trailingSeconds, p.trailingSilenceMaxSeconds, 'after the last sound', 'end');
  if (format.channels >= 2) {
    const drop = l.monoLoudnessDropLu;
    add(
      'mono-loudness-drop',
      drop !== null && drop <= p.monoLoudnessDropMaxLu,
      drop,
      p.monoLoudnessDropMaxLu,
      () => `mono fold-down loses ${f1(drop ?? 0)} LU`,
      () =>
        drop === null
          ? 'the mono fold-down cancels completely (L = −R); check the polarity of one channel'
          : `mono fold-down loses ${f1(drop)} LU (at most ${p.monoLoudnessDropMaxLu}); check for out-of-phase content`,
    );
    const r = l.phaseCorrelation;
    add(
      'phase-correlation',
      r === null || r >= p.phaseCorrelationMin,
      r,
      { min: p.phaseCorrelationMin },
      () => (r === null ? 'a channel is silent' : `L/R correlation ${f2(r)}`),
      () =>
        `L/R correlation ${f2(r ?? 0)} is below ${p.phaseCorrelationMin}; the channels cancel in mono, check polarity`,
    );
  }

  // lossy round trips
  if (m.codecTruePeakDbtp) {
    for (const codec of p.codecs) {
      if (!(codec in m.codecTruePeakDbtp)) continue;
      const after = m.codecTruePeakDbtp[codec] ?? null;
      add(
        `codec-true-peak-${codec}`,
        after === null || after <= ceiling,
        after,
        ceiling,
        () =>
          `after ${codec.toUpperCase()} encode/decode the true peak is ` +
          `${after === null ? 'silent' : `${f2(after)} dBTP`}`,
        () =>
          `after ${codec.toUpperCase()} encode/decode the true peak is ${f2(after ?? 0)} dBTP, over ${f1(ceiling)} ` +
          `dBTP; lower the limiter ceiling by ${f2((after ?? 0) - ceiling + 0.1)} dB`,
      );
    }
  }
  return { platform: p.id, passed: checks.every((c) => c.passed), checks };
}

/** Codecs a --codec-check needs for these platforms (each encoded once per file). */
export function codecsFor(platforms: Platform[]): ('aac' | 'mp3' | 'opus')[] {
  return [...new Set(platforms.flatMap((p) => p.codecs))];
}
