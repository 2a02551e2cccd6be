/**
 * Drum detection on multi-mic sessions with exact truth (issue 13): per close mic F (±20 ms,
 * one-to-one), mean offset, bleed hits reported, velocity Spearman ρ. Tuning kit: FluidR3Mono;
 * held out: TimGM6mb and MuseScore General with other seeds, tempi, swing and jitter.
 * Usage: node dist/bench/drums-eval.js [--verbose]
 */
import { drumSession, type SessionSpec, type KitPiece } from '../fixtures/drumkit.js';
import { fMeasure, matchEvents } from './metrics.js';
import { DrumSessionDetector } from '../src/engines/drums/session.js';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeWav } from '../fixtures/signals.js';

export const TUNING: SessionSpec[] = [
  { font: 'FluidR3Mono', seed: 1, bpm: 96, bars: 8 },
  { font: 'FluidR3Mono', seed: 2, bpm: 128, bars: 8, swing: 0.15 },
  { font: 'FluidR3Mono', seed: 3, bpm: 150, bars: 8, jitterSeconds: 0.008 },
];
export const HELD_OUT: SessionSpec[] = [
  { font: 'TimGM6mb', seed: 11, bpm: 88, bars: 8, jitterSeconds: 0.01 },
  { font: 'TimGM6mb', seed: 12, bpm: 140, bars: 8, swing: 0.2 },
  { font: 'MuseScoreGeneral', seed: 13, bpm: 110, bars: 8 },
  { font: 'MuseScoreGeneral', seed: 14, bpm: 172, bars: 8, swing: 0.1, jitterSeconds: 0.006 },
];

function spearman(a: number[], b: number[]): number {
  const rank = (x: number[]) => {
    const idx = x.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(x.length);
    for (let i = 0; i < idx.length;) {
      let j = i;
      while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
      for (let k = i; k <= j; k++) r[idx[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

export interface MicScore {
  session: string;
  mic: KitPiece;
  f: number;
  /** aubioonset (default hfc, threshold 0.3) on the same mic, same matching; NaN without aubio. */
  aubioF: number;
  aubioBleed: number;
  meanOffsetMs: number;
  truth: number;
  bleedReported: number;
  missed: number;
  rho: number;
}

/** aubioonset on one mic (written to a temporary WAV), or null when aubio is not installed. */
export function aubioOnsets(samples: Float32Array, rate: number): number[] | null {
  const file = path.join(os.tmpdir(), `shub-drums-aubio-${process.pid}.wav`);
  writeWav(file, [Float64Array.from(samples)], rate, 'f32');
  try {
    const r = spawnSync('aubioonset', ['-i', file], { encoding: 'utf8', timeout: 60_000 });
    if (r.error || r.status !== 0) return null;
    return r.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map(Number);
  } finally {
    rmSync(file, { force: true });
  }
}

const VERBOSE = process.argv.includes('--verbose');
const NO_AUBIO = process.argv.includes('--no-aubio');

/** Detection through the command's own path (src/engines/drums/session.ts), every mic of the session in. */
const sessions = new Map<SessionSpec, ReturnType<typeof drumSession>>();

export function evaluateSession(spec: SessionSpec): MicScore[] {
  const s = sessions.get(spec) ?? drumSession(spec);
  sessions.set(spec, s);
  const det = new DrumSessionDetector(
    s.rate,
    s.mics.map((m) => m.instrument),
  );
  for (let i = 0; i < s.frames; i += 8192) det.push(s.mics.map((m) => m.samples.subarray(i, i + 8192)));
  const found = det.finish();
  const close = s.mics.filter((m) => m.instrument !== 'overheads' && m.instrument !== 'room');
  return close.map((m, t) => {
    const hits = found[t]!.hits;
    if (VERBOSE) {
      const truthAll = s.hits.map((h) => ({ ...h, t: h.onset / s.rate }));
      const near = (t0: number) =>
        truthAll
          .filter((h) => Math.abs(h.t - t0) <= 0.03)
          .map((h) => `${h.piece}@${((h.t - t0) * 1000).toFixed(1)}ms/v${h.velocity}`)
          .join(' ');
      for (const h of truthAll.filter((x) => x.piece === m.instrument))
        if (!hits.some((d) => Math.abs(d.timeSeconds - h.t) <= 0.02)) {
          const rej = found[t]!.bleed.find((b) => Math.abs(b.timeSeconds - h.t) <= 0.02);
          console.log(
            `  ${spec.font}/${spec.seed} ${m.instrument}: MISS ${h.t.toFixed(3)} v${h.velocity} [${near(h.t)}]` +
              (rej ? ` rejected as bleed of ${s.mics[rej.source]!.instrument} (${JSON.stringify(rej)})` : ''),
          );
        }
      for (const d of hits)
        if (!truthAll.some((x) => x.piece === m.instrument && Math.abs(d.timeSeconds - x.t) <= 0.02))
          console.log(
            `  ${spec.font}/${spec.seed} ${m.instrument}: EXTRA ${d.timeSeconds.toFixed(3)} peak ${d.peakDb} dB ` +
              `rise conf ${d.confidence} [${near(d.timeSeconds)}]`,
          );
    }
    const truth = s.hits.filter((h) => h.piece === m.instrument);
    const match = matchEvents(
      hits.map((h) => h.timeSeconds),
      truth.map((h) => h.onset / s.rate),
      0.02,
    );
    // bleed reported: detections further than 20 ms from every true hit of this mic
    const truthT = truth.map((h) => h.onset / s.rate);
    const extra = hits.filter((h) => !truthT.some((t0) => Math.abs(t0 - h.timeSeconds) <= 0.02)).length;
    const pairs: [number, number][] = [];
    for (const h of hits) {
      const j = truthT.findIndex((t0) => Math.abs(t0 - h.timeSeconds) <= 0.02);
      if (j >= 0) pairs.push([h.velocity, truth[j]!.velocity]);
    }
    const offsets = match.offsets;
    const aubio = NO_AUBIO ? null : aubioOnsets(m.samples, s.rate);
    const aubioMatch = aubio ? matchEvents(aubio, truthT, 0.02) : null;
    return {
      session: `${spec.font}/${spec.seed}`,
      mic: m.instrument as KitPiece,
      f: fMeasure(match),
      aubioF: aubioMatch ? fMeasure(aubioMatch) : NaN,
      aubioBleed: aubio ? aubio.filter((t) => !truthT.some((t0) => Math.abs(t0 - t) <= 0.02)).length : NaN,
      meanOffsetMs: offsets.length ? (1000 * offsets.reduce((a, b) => a + b, 0)) / offsets.length : NaN,
      truth: truth.length,
      bleedReported: extra,
      missed: match.fn,
      rho:
        pairs.length > 2
          ? spearman(
              pairs.map((p) => p[0]),
              pairs.map((p) => p[1]),
            )
          : NaN,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}` && !process.argv.includes('--classify')) {
  for (const [name, set] of [
    ['tuning', TUNING],
    ['held-out', HELD_OUT],
  ] as const) {
    const rows = set.flatMap(evaluateSession);
    console.log(`${name}:`);
    console.log(
      '| session | mic | hits | F | mean offset ms | bleed reported | missed | velocity ρ | aubio F | aubio extra |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.session} | ${r.mic} | ${r.truth} | ${r.f.toFixed(4)} | ${r.meanOffsetMs.toFixed(3)} | ` +
          `${r.bleedReported} | ${r.missed} | ${r.rho.toFixed(3)} | ${r.aubioF.toFixed(4)} | ${r.aubioBleed} |`,
      );
  }
}

/** Classification families of the acceptance (ride and crash are both cymbals). */
export const family = (c: string): string => (c === 'ride' || c === 'crash' ? 'cymbal' : c);

export interface ClassScore {
  session: string;
  truthInstants: number;
  detected: number;
  matched: number;
  right: number;
  /** Detections of a stem further than 20 ms from every hit. */
  extra: number;
  /** [true family][found family] counts (a matched instant's truth: its loudest piece's family set). */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Classification on a whole-kit stem: each detection is matched to the instant of the true hits
 * within 20 ms (pieces struck together are one instant); it is right when its class's family is
 * one of the families struck at that instant.
 */
export async function evaluateStem(spec: SessionSpec): Promise<ClassScore> {
  const { drumStem } = await import('../fixtures/drumkit.js');
  const { DrumSessionDetector } = await import('../src/engines/drums/session.js');
  const s = drumStem(spec);
  const det = new DrumSessionDetector(s.rate, ['mix']);
  for (let i = 0; i < s.samples.length; i += 8192) det.push([s.samples.subarray(i, i + 8192)]);
  const hits = det.finish()[0]!.hits;
  // instants: true hits within 5 ms of each other
  const instants: { t: number; families: Set<string>; main: string }[] = [];
  for (const h of s.hits) {
    const t = h.onset / s.rate;
    const last = instants[instants.length - 1];
    if (last && t - last.t < 0.005) last.families.add(family(h.piece));
    else instants.push({ t, families: new Set([family(h.piece)]), main: family(h.piece) });
  }
  const used = new Set<number>();
  let matched = 0;
  let right = 0;
  let extra = 0;
  const confusion: ClassScore['confusion'] = {};
  for (const h of hits) {
    let best = -1;
    for (let j = 0; j < instants.length; j++)
      if (!used.has(j) && Math.abs(instants[j]!.t - h.timeSeconds) <= 0.02)
        if (best < 0 || Math.abs(instants[j]!.t - h.timeSeconds) < Math.abs(instants[best]!.t - h.timeSeconds))
          best = j;
    if (best < 0) {
      extra++;
      continue;
    }
    used.add(best);
    matched++;
    const inst = instants[best]!;
    const got = family(h.instrument);
    const ok = inst.families.has(got);
    if (ok) right++;
    const key = ok ? got : [...inst.families].sort().join('+');
    confusion[key] ??= {};
    confusion[key][got] = (confusion[key][got] ?? 0) + 1;
  }
  return {
    session: `${spec.font}/${spec.seed}`,
    truthInstants: instants.length,
    detected: hits.length,
    matched,
    right,
    extra,
    confusion,
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--classify')) {
  for (const [name, set] of [
    ['tuning', TUNING],
    ['held-out', HELD_OUT],
  ] as const) {
    console.log(`classification, ${name}:`);
    for (const spec of set) {
      const r = await evaluateStem(spec);
      console.log(
        `  ${r.session.padEnd(22)} instants ${r.truthInstants}  detected ${r.detected}  matched ${r.matched}  ` +
          `right ${(r.right / r.matched).toFixed(3)}  extra ${r.extra}  ${JSON.stringify(r.confusion)}`,
      );
    }
  }
}
