/**
 * One computation per family of run-time dispatched native kernels (native/src/isa.h), through
 * the addon's public entry points, for test/native/isa.test.ts to run in child processes under
 * each SHUB_NATIVE_ISA. No side effects on import.
 *
 *   mixer    — Mixer.render: clip reading and fades, s24 mono/stereo decoding, batched biquad
 *              lanes (EQ), batched compressor lanes (peak, RMS, side-chain, unlinked), the
 *              fader/pan/peak vectors, buses and sends
 *   master   — MasterRender: compressor and multiband kernels, resampler and limiter dot
 *              products, true peak, K-weighting and level statistics of the tails
 *   levels   — LevelMeter.addPcm (s24 stereo) and addFloat (mono): K-weighting (single and
 *              pair), span statistics, true peak
 *   features — FeatureExtractor: FFT stages, windowing, power spectrum, flatness sums
 */
import { createFeatureExtractor } from '../../src/engines/spectral/index.js';
import { native, type LevelMeterResult, type MixSpec } from '../../src/native.js';

export type FamilyResult = Record<string, number[]>;
export const FAMILIES = ['mixer', 'master', 'levels', 'features'] as const;
export type Family = (typeof FAMILIES)[number];

const FS = 48000;

/** Deterministic test signal: decaying noise bursts, a low sine and a high sine (amplitude < 1). */
function signal(frames: number, seed: number): Float32Array {
  const x = new Float32Array(frames);
  let s = seed >>> 0 || 1;
  const period = Math.round(FS * (0.2 + (seed % 5) * 0.05));
  const f0 = 40 + 37 * seed;
  for (let i = 0; i < frames; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const env = Math.exp(-(i % period) / (0.04 * FS));
    x[i] =
      0.5 * env * (s / 4294967296 - 0.5) * 2 +
      0.2 * Math.sin((2 * Math.PI * f0 * i) / FS) +
      0.05 * Math.sin((2 * Math.PI * (9000 + 500 * seed) * i) / FS);
  }
  return x;
}

/** Interleaved s24 little-endian PCM of channel planes. */
function s24(planes: Float32Array[]): Buffer {
  const frames = planes[0]!.length;
  const b = Buffer.alloc(frames * planes.length * 3);
  let p = 0;
  for (let i = 0; i < frames; i++)
    for (const x of planes) {
      b.writeIntLE(Math.max(-8388608, Math.min(8388607, Math.round(x[i]! * 8388607))), p, 3);
      p += 3;
    }
  return b;
}

const levels = (r: LevelMeterResult): number[] => [
  r.integratedLufs ?? NaN,
  r.loudnessRangeLu ?? NaN,
  r.momentaryMaxLufs ?? NaN,
  r.shortTermMaxLufs ?? NaN,
  ...r.truePeak,
  ...r.samplePeak,
  ...r.rms,
  ...r.mean,
  r.phaseCorrelation ?? NaN,
];

async function mixer(): Promise<FamilyResult> {
  const frames = 2 * FS;
  const comp = { thresholdDb: -24, ratio: 4, kneeDb: 6, attackMs: 5, releaseMs: 80 };
  const eq = (k: number) => [
    { type: 'highpass' as const, freqHz: 60 + 10 * k },
    { type: 'peak' as const, freqHz: 800 + 100 * k, q: 1.2, gainDb: 4 - k },
    { type: 'highshelf' as const, freqHz: 6000, gainDb: -2 },
  ];
  // strips 0..5 tracks (even mono, odd stereo), 6 a bus, 7 a reverb return, 8 the master
  const tracks = Array.from({ length: 6 }, (_, k) => ({
    name: `T${k}`,
    channels: (k % 2 === 0 ? 1 : 2) as 1 | 2,
    eq: eq(k),
    compressor:
      k === 0
        ? comp
        : k === 1
          ? { ...comp, rms: true, rmsWindowMs: 8 }
          : k === 2
            ? { ...comp, sidechainHighpassHz: 120 }
            : k === 3
              ? { ...comp, linked: false, mix: 0.6 }
              : k === 4
                ? { ...comp, rms: true, makeupDb: 2 }
                : undefined,
    gainDb: -3 - k,
    pan: k === 0 ? 0 : (k - 2.5) / 3,
    output: k < 3 ? 6 : 8,
    sends: k % 2 === 0 ? [{ dest: 7, gain: 0.3 }] : [{ dest: 7, gain: 0.2, preFader: true }],
    print: (k === 3 ? 'residual' : 'none') as 'residual' | 'none',
  }));
  const spec: MixSpec = {
    sampleRate: FS,
    maxBlockFrames: 4096,
    strips: [
      ...tracks,
      { name: 'Bus', channels: 2, eq: eq(6).slice(1), compressor: { ...comp, ratio: 2 }, output: 8 },
      { name: 'Verb', channels: 2, reverb: { decaySeconds: 1.2, mix: 1 }, output: 8 },
      { name: 'Master', channels: 2, trimDb: -6, eq: [{ type: 'lowshelf', freqHz: 100, gainDb: 1 }], output: -1 },
    ],
    clips: tracks.map((t, k) => ({
      strip: k,
      channels: t.channels,
      startFrame: 1000 * k,
      sourceOffsetFrames: 0,
      lengthFrames: frames - 3000 * k,
      fadeInFrames: k === 5 ? 4000 : 0,
      fadeOutFrames: k === 4 ? 6000 : 0,
    })),
  };
  const m = new (native().Mixer)(spec);
  tracks.forEach((t, k) => {
    const planes = Array.from({ length: t.channels }, (_, c) => signal(frames, 2 * k + c + 1));
    m.pushPcm(k, s24(planes), 's24', frames);
    m.endClip(k);
  });
  const mix: number[] = [];
  const print: number[] = [];
  for (let done = 0; done < frames;) {
    const r = await m.render(Math.min(4096, frames - done));
    mix.push(...r.mix);
    print.push(...r.prints[0]!);
    done += r.frames;
  }
  const stats = m.stats().flatMap((s) => [s.inputPeak, s.outputPeak, s.compressorMaxGainReductionDb]);
  return { mix, print, stats };
}

async function master(): Promise<FamilyResult> {
  const frames = 2 * FS;
  const x = new Float32Array(frames * 2);
  const l = signal(frames, 11);
  const r = signal(frames, 12);
  for (let i = 0; i < frames; i++) {
    x[2 * i] = 0.9 * l[i]!;
    x[2 * i + 1] = 0.9 * r[i]!;
  }
  const band = { thresholdDb: -20, ratio: 3, attackMs: 10, releaseMs: 100 };
  const tail = { gainDb: 6, bitDepth: 32 as const, dither: 'none' as const };
  const mr = new (native().MasterRender)({
    sampleRate: FS,
    channels: 2,
    channelWeights: [1, 1],
    chain: {
      highpassHz: 30,
      midEq: [{ type: 'peak', freqHz: 2500, q: 1, gainDb: 2 }],
      compressor: { thresholdDb: -18, ratio: 2, attackMs: 20, releaseMs: 200, rms: true },
      multiband: { lowHz: 200, highHz: 3000, bands: [band, { ...band, ratio: 2 }, { ...band, rms: true }] },
    },
    tails: [
      { sampleRate: FS, limiter: { ceilingDb: -1 }, ...tail },
      { sampleRate: 44100, limiter: { ceilingDb: -1 }, ...tail },
    ],
  });
  const bytes = Buffer.from(x.buffer);
  const outs: Buffer[][] = [[], []];
  for (let i = 0; i < frames; i += 10000) {
    const n = Math.min(10000, frames - i);
    const o = await mr.addPcm(bytes.subarray(i * 8, (i + n) * 8), 'f32', n);
    o.outputs.forEach((b, k) => outs[k]!.push(b));
  }
  const done = await mr.finish();
  done.outputs.forEach((b, k) => outs[k]!.push(b));
  const floats = (bs: Buffer[]) => {
    const all = Buffer.concat(bs);
    return Array.from(new Float32Array(all.buffer, all.byteOffset, all.byteLength / 4));
  };
  return {
    out48: floats(outs[0]!),
    out44: floats(outs[1]!),
    levels: done.tails.flatMap((t) => [...levels(t.levels), t.limiterMinGain, t.limiterMeanGainDb]),
  };
}

async function levelMeter(): Promise<FamilyResult> {
  const frames = 3 * FS;
  const { LevelMeter } = native();
  const stereo = new LevelMeter({ sampleRate: FS, channels: 2, channelWeights: [1, 1] });
  const planes = [signal(frames, 21), signal(frames, 22)];
  const pcm = s24(planes);
  for (let i = 0; i < frames; i += 7001) {
    const n = Math.min(7001, frames - i);
    await stereo.addPcm(pcm.subarray(i * 6, (i + n) * 6), 's24', n);
  }
  const mono = new LevelMeter({ sampleRate: 44100, channels: 1, channelWeights: [1] });
  mono.addFloat(signal(frames, 23));
  return { stereo: levels(stereo.result()), mono: levels(mono.result()) };
}

async function features(): Promise<FamilyResult> {
  const fx = createFeatureExtractor({ sampleRate: FS, channels: 1 }, { spectrum: true, pitch: true });
  fx.addFloat(signal(3 * FS, 31));
  const r = fx.finish();
  return {
    scalars: [r.centroidHz ?? NaN, r.rolloffHz ?? NaN, r.flatness ?? NaN, r.flux ?? NaN, r.bandwidthHz ?? NaN],
    mfcc: r.mfcc,
    meanPower: Array.from(r.meanPower),
    chroma: Array.from(r.chroma),
    odf: Array.from(r.odf),
  };
}

export async function runFamily(name: Family): Promise<FamilyResult> {
  switch (name) {
    case 'mixer':
      return mixer();
    case 'master':
      return master();
    case 'levels':
      return levelMeter();
    case 'features':
      return features();
  }
}
