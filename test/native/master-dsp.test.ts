/**
 * The mastering DSP blocks on analytic signals with known answers: RBJ biquad responses,
 * Butterworth corners, the compressor's static curve, the true-peak limiter (no over on the
 * oversampled grid, zero latency after compensation, untouched below the ceiling), the resampler
 * (passband gain, frequency, alias rejection, length), TPDF dither statistics, the EQ fit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { native, type MasterRenderOptions, type MasterTailOptions } from '../../src/native.js';
import { fitEq } from '../../src/engines/master/eq.js';

const n = native();

/**
 * Runs interleaved float input through a MasterRender whose tails emit float; returns each tail's
 * planar output and report.
 */
async function render(
  input: Float32Array,
  channels: number,
  sampleRate: number,
  chain: MasterRenderOptions['chain'],
  tails: Partial<MasterTailOptions>[],
) {
  const r = new n.MasterRender({
    sampleRate,
    channels,
    channelWeights: Array.from({ length: channels }, () => 1),
    chain,
    tails: tails.map(
      (t) => ({ sampleRate, gainDb: 0, limiter: null, bitDepth: 32, dither: 'none', ...t }) as MasterTailOptions,
    ),
  });
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const chunks: Buffer[][] = tails.map(() => []);
  const frames = input.length / channels;
  const block = 10000;
  for (let i = 0; i < frames; i += block) {
    const m = Math.min(block, frames - i);
    const out = await r.addPcm(bytes.subarray(i * channels * 4, (i + m) * channels * 4), 'f32', m);
    out.outputs.forEach((b, k) => chunks[k]!.push(b));
  }
  const done = await r.finish();
  done.outputs.forEach((b, k) => chunks[k]!.push(b));
  return chunks.map((c, k) => {
    const all = Buffer.concat(c);
    const inter = new Float32Array(all.buffer, all.byteOffset, all.byteLength / 4);
    const planar = Array.from({ length: channels }, (_, ch) =>
      Float32Array.from({ length: inter.length / channels }, (_, i) => inter[i * channels + ch]!),
    );
    return { planar, bytes: all, report: done.tails[k]!, compressor: done.compressor };
  });
}

const sine = (frames: number, channels: number, fs: number, hz: number, amp: number, phase = 0) => {
  const x = new Float32Array(frames * channels);
  for (let i = 0; i < frames; i++)
    for (let c = 0; c < channels; c++) x[i * channels + c] = amp * Math.sin((2 * Math.PI * hz * i) / fs + phase);
  return x;
};
const rmsDb = (x: Float32Array, from = 0, to = x.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i]! ** 2;
  return 10 * Math.log10(s / (to - from));
};

test('RBJ biquads: a peak has its gain at f0, shelves reach theirs, a Butterworth HPF is -3 dB at the corner', () => {
  const fs = 48000;
  const [atF0, far] = n.biquadResponseDb([{ type: 'peak', freqHz: 1000, q: 1.41, gainDb: 6 }], fs, [1000, 20]);
  assert.ok(Math.abs(atF0! - 6) < 1e-9);
  assert.ok(Math.abs(far!) < 0.05);
  const [low, high] = n.biquadResponseDb([{ type: 'lowshelf', freqHz: 200, q: 0.707, gainDb: -4 }], fs, [10, 10000]);
  assert.ok(Math.abs(low! + 4) < 0.01 && Math.abs(high!) < 0.01, `${low} ${high}`);
  const [hs] = n.biquadResponseDb([{ type: 'highshelf', freqHz: 5000, q: 0.707, gainDb: 3 }], fs, [20000]);
  assert.ok(Math.abs(hs! - 3) < 0.1, `${hs}`);
  const [corner] = n.biquadResponseDb([{ type: 'highpass', freqHz: 100, q: Math.SQRT1_2 }], fs, [100]);
  assert.ok(Math.abs(corner! + 3.0103) < 0.01, `${corner}`);
});

test('the EQ fit reproduces a smooth third-octave difference within 0.3 dB per band', () => {
  const centers = Array.from({ length: 27 }, (_, i) => 40 * 2 ** (i / 3));
  const want = centers.map((c) => ({
    bandHz: [c / 2 ** (1 / 6), c * 2 ** (1 / 6)] as [number, number],
    db: 4 * Math.sin(Math.log2(c / 40) / 1.5),
  }));
  const fit = fitEq(want, { sampleRate: 48000, centersHz: centers, q: 4.32, maxDb: 9 });
  assert.ok(fit.residualDb < 0.3, `residual ${fit.residualDb}`);
  fit.achievedDb.forEach((a, k) => assert.ok(Math.abs(a - want[k]!.db) < 0.8, `band ${k}: ${a} vs ${want[k]!.db}`));
});

test('compressor: a steady sine 12 dB over threshold sits on the static curve (4:1: 9 dB of reduction)', async () => {
  const fs = 48000;
  const x = sine(fs * 2, 1, fs, 1000, 10 ** (-6 / 20) * Math.SQRT2); // RMS -6 dBFS
  const [out] = await render(
    x,
    1,
    fs,
    { compressor: { thresholdDb: -18, ratio: 4, kneeDb: 0, attackMs: 5, releaseMs: 50, rms: true, rmsWindowMs: 50 } },
    [{}],
  );
  const level = rmsDb(out!.planar[0]!, fs, 2 * fs); // second half: settled
  assert.ok(Math.abs(level - (-18 + 12 / 4)) < 0.3, `${level.toFixed(2)} dBFS`);
  assert.ok(Math.abs(out!.compressor.maxGainReductionDb - 9) < 0.3, `${out!.compressor.maxGainReductionDb}`);
});

test(
  'limiter: +12 dB into a -1 dB ceiling: no sample or 4× grid point above it, output aligned with input, quiet ' +
    'passages untouched',
  async () => {
    const fs = 48000;
    const frames = fs * 3;
    const x = new Float32Array(frames * 2);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
    for (let i = 0; i < frames; i++) {
      const env = i < fs ? 0.05 : 0.5; // first second far below the ceiling
      const v = env * (0.6 * Math.sin((2 * Math.PI * 3000 * i) / fs) + 0.4 * rnd());
      x[2 * i] = v;
      x[2 * i + 1] = -v;
    }
    const [lim, plain] = await render(x, 2, fs, {}, [
      { gainDb: 12, limiter: { ceilingDb: -1, lookaheadMs: 2, releaseMs: 50 } },
      { gainDb: 12 },
    ]);
    assert.equal(lim!.planar[0]!.length, frames);
    const ceiling = 10 ** (-1 / 20);
    const peak = lim!.planar[0]!.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    assert.ok(peak <= ceiling * 1.0001, `sample peak ${20 * Math.log10(peak)}`);
    const tp = 20 * Math.log10(Math.max(...lim!.report.levels.truePeak));
    assert.ok(tp <= -1 + 0.05, `true peak ${tp.toFixed(3)} dBTP`);
    // first 0.9 s: the limiter does nothing, sample for sample (no delay)
    for (let i = 0; i < 0.9 * fs; i++) assert.equal(lim!.planar[0]![i], plain!.planar[0]![i]);
    assert.ok(-20 * Math.log10(lim!.report.limiterMinGain) > 5, 'it limited the loud part');
  },
);

test(
  'resampler 48 kHz → 44.1 kHz: passband gain within 0.01 dB at 1 and 18 kHz, the length, and a 23 kHz tone ' +
    'rejected by ≥ 90 dB',
  async () => {
    const fs = 48000;
    const frames = fs * 2;
    for (const hz of [1000, 18000]) {
      const [out] = await render(sine(frames, 1, fs, hz, 0.5), 1, fs, {}, [{ sampleRate: 44100 }]);
      const y = out!.planar[0]!;
      assert.equal(y.length, Math.ceil((frames * 441) / 480));
      const level = rmsDb(y, 4410, y.length - 4410);
      assert.ok(Math.abs(level - 20 * Math.log10(0.5 / Math.SQRT2)) < 0.01, `${hz} Hz: ${level}`);
      // the right frequency: zero crossings over one second
      let zc = 0;
      for (let i = 4411; i < 4410 + 44100; i++) if (y[i - 1]! < 0 !== y[i]! < 0) zc++;
      assert.ok(Math.abs(zc / 2 - hz) <= 1, `${hz} Hz: ${zc / 2} cycles`);
    }
    const [alias] = await render(sine(frames, 1, fs, 23000, 0.5), 1, fs, {}, [{ sampleRate: 44100 }]);
    const rejection =
      rmsDb(alias!.planar[0]!, 4410, alias!.planar[0]!.length - 4410) - 20 * Math.log10(0.5 / Math.SQRT2);
    assert.ok(rejection < -90, `alias at ${rejection.toFixed(1)} dB`);
  },
);

test(
  '16-bit TPDF dither: silence becomes round(u1 − u2) LSB — 0 with p = 3/4, ±1 with p = 1/8 each, variance ' +
    '1/4 — over 40 seeds (χ² bound), and a -100 dBFS sine survives',
  async () => {
    const fs = 44100;
    // 40 seeds (one tail each, same render), 1 s of silence per seed
    const seeds = Array.from({ length: 40 }, (_, k) => 1 + (((k + 1) * 2654435761) % 2 ** 40));
    const outs = await render(
      new Float32Array(fs),
      1,
      fs,
      {},
      seeds.map((ditherSeed) => ({ bitDepth: 16, dither: 'tpdf', ditherSeed })),
    );
    const streams = outs.map((o) => new Int16Array(o.bytes.buffer, o.bytes.byteOffset, o.bytes.byteLength / 2));
    const n = fs;
    // d = u1 − u2 (u uniform on [0, 1)) is triangular on (−1, 1); it rounds to ±1 when |d| > 1/2: p = 2·(1/2)²/2
    // = 1/4, so the variance is exactly 1/4 LSB². Per seed the count of ±1 is binomial(n, 1/4); its z-scores over
    // the 40 seeds are standard normal, so their sum of squares is χ²(40): its 1 − 10⁻⁴ quantile (Wilson–Hilferty)
    // bounds it whatever the seeds. A generator off by 1 % in P(±1) exceeds it (z ≈ 2.3 per seed: Σz² ≈ 250).
    for (const s of streams)
      assert.ok(
        s.every((v) => v >= -1 && v <= 1),
        'only -1, 0, +1 LSB',
      );
    const z = (count: number, p: number) => (count - n * p) / Math.sqrt(n * p * (1 - p));
    const chi2 = (zs: number[]) => zs.reduce((a, b) => a + b * b, 0);
    const k = seeds.length;
    const quantile = k * (1 - 2 / (9 * k) + 3.719 * Math.sqrt(2 / (9 * k))) ** 3; // z(1 − 10⁻⁴) = 3.719
    const nonzero = streams.map((s) => s.filter((v) => v !== 0).length);
    assert.ok(
      chi2(nonzero.map((c) => z(c, 1 / 4))) < quantile,
      `variance: Σz² ${chi2(nonzero.map((c) => z(c, 0.25)))}`,
    );
    const plus = streams.map((s) => s.filter((v) => v === 1).length);
    assert.ok(chi2(plus.map((c) => z(c, 1 / 8))) < quantile, `P(+1): Σz² ${chi2(plus.map((c) => z(c, 1 / 8)))}`);
    // pooled over all seeds: mean variance 1/4 LSB² within 5 standard errors
    const pooled = nonzero.reduce((a, b) => a + b, 0) / (n * k);
    assert.ok(Math.abs(pooled - 0.25) < 5 * Math.sqrt(0.1875 / (n * k)), `pooled variance ${pooled}`);
    // the seeds give different noise (else the z-scores would be one draw 40 times)
    assert.equal(new Set(nonzero).size > k / 2, true, `counts ${nonzero.join(' ')}`);
    // a sine 10 dB under the 16-bit LSB is still there (correlation with the source), not truncated away
    const x = sine(fs, 1, fs, 1000, 10 ** (-100 / 20));
    const [d] = await render(x, 1, fs, {}, [{ bitDepth: 16, dither: 'tpdf' }]);
    const q = new Int16Array(d!.bytes.buffer, d!.bytes.byteOffset, d!.bytes.byteLength / 2);
    let dot = 0;
    for (let i = 0; i < fs; i++) dot += (q[i]! / 32768) * Math.sin((2 * Math.PI * 1000 * i) / fs);
    const amp = (2 * dot) / fs;
    assert.ok(Math.abs(20 * Math.log10(amp) + 100) < 1.5, `recovered ${20 * Math.log10(amp)} dBFS`);
  },
);

test(
  'multiband: with the band compressors at 1:1 the three Linkwitz–Riley bands sum back flat (within 0.01 dB at ' +
    '60 Hz–12 kHz)',
  async () => {
    const fs = 48000;
    const unity = { thresholdDb: -20, ratio: 1 };
    for (const hz of [60, 200, 900, 3000, 12000]) {
      const [out] = await render(
        sine(fs, 1, fs, hz, 0.5),
        1,
        fs,
        { multiband: { lowHz: 200, highHz: 3000, bands: [unity, unity, unity] } },
        [{}],
      );
      const level = rmsDb(out!.planar[0]!, fs / 2, fs);
      assert.ok(Math.abs(level - 20 * Math.log10(0.5 / Math.SQRT2)) < 0.01, `${hz} Hz: ${level.toFixed(4)}`);
    }
  },
);
