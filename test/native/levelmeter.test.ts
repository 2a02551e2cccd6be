/**
 * Native LevelMeter: K-weighting, BS.1770-4 / EBU R128 loudness (EBU Tech 3341/3342 synthetic
 * cases), true peak, sample statistics, streaming, PCM decoding and input validation.
 * Every signal is generated here; expected values come from the standards or from closed-form
 * analysis of the generated signal.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { prng as rng } from '../../fixtures/groundtruth.js';
import { native } from '../../src/native.js';
import type { LevelMeterOptions, LevelMeterResult, PcmFormat } from '../../src/native.js';

const addon = native();
const FS = 48000;

// ---- signal helpers ------------------------------------------------------------------

const dbToAmp = (db: number): number => Math.pow(10, db / 20);
const ampToDb = (a: number): number => 20 * Math.log10(a);

function at<T>(a: readonly T[] | ArrayLike<T>, i: number): T {
  const v = a[i];
  if (v === undefined) throw new Error(`index ${i} out of range`);
  return v;
}

function num(v: number | null | undefined, what: string): number {
  assert.ok(typeof v === 'number' && Number.isFinite(v), `${what} should be a finite number, got ${String(v)}`);
  return v;
}

function near(actual: number | null | undefined, expected: number, tol: number, what: string): void {
  const a = num(actual, what);
  assert.ok(Math.abs(a - expected) <= tol, `${what}: ${a} is not within ±${tol} of ${expected}`);
}

/** Standard normal samples (Box–Muller). */
function gauss(seed: number): () => number {
  const u = rng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

interface Segment {
  seconds: number;
  /** Peak amplitude per channel (linear); one value = all channels. */
  amps: number[];
}

/**
 * Interleaved sine x[n] = A_c · sin(2π f n / fs + φ) with a per-segment amplitude; n runs on
 * across segments so level changes do not restart the phase.
 */
function sineSegments(fs: number, channels: number, segments: Segment[], freq = 1000, phase = 0): Float32Array {
  const total = segments.reduce((s, g) => s + Math.round(g.seconds * fs), 0);
  const out = new Float32Array(total * channels);
  let n = 0;
  for (const g of segments) {
    const len = Math.round(g.seconds * fs);
    const amps = Array.from({ length: channels }, (_, c) => at(g.amps, g.amps.length === 1 ? 0 : c));
    for (let i = 0; i < len; i++, n++) {
      const s = Math.sin((2 * Math.PI * freq * n) / fs + phase);
      for (let c = 0; c < channels; c++) out[n * channels + c] = at(amps, c) * s;
    }
  }
  return out;
}

const sine = (fs: number, channels: number, seconds: number, amp: number, freq = 1000, phase = 0): Float32Array =>
  sineSegments(fs, channels, [{ seconds, amps: [amp] }], freq, phase);

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function opts(channels: number, extra: Partial<LevelMeterOptions> = {}, fs = FS): LevelMeterOptions {
  return { sampleRate: fs, channels, channelWeights: new Array<number>(channels).fill(1), ...extra };
}

/** Feeds interleaved data through addFloat in blocks of `blockFrames` and returns result(). */
function measure(o: LevelMeterOptions, data: Float32Array, blockFrames = 4096): LevelMeterResult {
  const m = new addon.LevelMeter(o);
  const step = blockFrames * o.channels;
  for (let i = 0; i < data.length; i += step) m.addFloat(data.subarray(i, Math.min(data.length, i + step)));
  return m.result();
}

/** |H(e^jw)| of a biquad in dB. */
function biquadDb(b: readonly number[], a: readonly number[], f: number, fs: number): number {
  const w = (2 * Math.PI * f) / fs;
  const re = (c: readonly number[]) => at(c, 0) + at(c, 1) * Math.cos(w) + at(c, 2) * Math.cos(2 * w);
  const im = (c: readonly number[]) => -(at(c, 1) * Math.sin(w) + at(c, 2) * Math.sin(2 * w));
  return 10 * Math.log10((re(b) ** 2 + im(b) ** 2) / (re(a) ** 2 + im(a) ** 2));
}

function kWeightDb(fs: number, f: number): number {
  const k = addon.kWeightingCoefficients(fs);
  return biquadDb(k.shelf.b, k.shelf.a, f, fs) + biquadDb(k.highpass.b, k.highpass.a, f, fs);
}

// ---- K-weighting ---------------------------------------------------------------------

describe('K-weighting coefficients', () => {
  test('48 kHz reproduces the BS.1770-4 table', () => {
    const k = addon.kWeightingCoefficients(48000);
    const expect = {
      shelf: {
        b: [1.53512485958697, -2.69169618940638, 1.19839281085285],
        a: [1, -1.69065929318241, 0.73248077421585],
      },
      highpass: { b: [1, -2, 1], a: [1, -1.99004745483398, 0.99007225036621] },
    };
    for (const stage of ['shelf', 'highpass'] as const) {
      for (const part of ['b', 'a'] as const) {
        for (let i = 0; i < 3; i++) {
          near(at(k[stage][part], i), at(expect[stage][part], i), 1e-8, `${stage}.${part}[${i}]`);
        }
      }
    }
  });

  test('other rates get their own coefficients with the same response', () => {
    const k44 = addon.kWeightingCoefficients(44100);
    const k48 = addon.kWeightingCoefficients(48000);
    assert.ok(Math.abs(at(k44.shelf.b, 0) - at(k48.shelf.b, 0)) > 1e-3, '44.1 kHz shelf must differ from 48 kHz');
    assert.ok(Math.abs(at(k44.highpass.a, 1) - at(k48.highpass.a, 1)) > 1e-5, '44.1 kHz high-pass must differ');
    for (const f of [1000, 10000]) {
      const ref = kWeightDb(48000, f);
      for (const fs of [44100, 96000]) near(kWeightDb(fs, f), ref, 0.01, `|K| at ${f} Hz, ${fs} Hz`);
    }
    // sanity of the shape: ≈ +0.69 dB at 1 kHz (the −0.691 offset), ≈ +4 dB shelf at 10 kHz
    near(kWeightDb(48000, 1000), 0.69, 0.05, '|K(1 kHz)|');
    near(kWeightDb(48000, 10000), 4.0, 0.2, '|K(10 kHz)|');
  });

  test('truePeakOversampling: 4 below 192 kHz, 2 at or above', () => {
    assert.equal(addon.truePeakOversampling(44100), 4);
    assert.equal(addon.truePeakOversampling(48000), 4);
    assert.equal(addon.truePeakOversampling(96000), 4);
    assert.equal(addon.truePeakOversampling(192000), 2);
    assert.equal(addon.truePeakOversampling(384000), 2);
  });
});

// ---- EBU Tech 3341 -------------------------------------------------------------------

describe('EBU Tech 3341 loudness cases (1 kHz, 48 kHz, stereo)', () => {
  const seg = (seconds: number, db: number): Segment => ({ seconds, amps: [dbToAmp(db)] });

  test('case 1: −23 dBFS, 20 s → M max = S max = I = −23.0', () => {
    const r = measure(opts(2), sineSegments(FS, 2, [seg(20, -23)]));
    near(r.integratedLufs, -23, 0.1, 'I');
    near(r.momentaryMaxLufs, -23, 0.1, 'M max');
    near(r.shortTermMaxLufs, -23, 0.1, 'S max');
  });

  test('case 2: −33 dBFS, 20 s → −33.0', () => {
    const r = measure(opts(2), sineSegments(FS, 2, [seg(20, -33)]));
    near(r.integratedLufs, -33, 0.1, 'I');
    near(r.momentaryMaxLufs, -33, 0.1, 'M max');
    near(r.shortTermMaxLufs, -33, 0.1, 'S max');
  });

  test('case 3: −36 / −23 / −36 dBFS → I = −23.0 (relative gate)', () => {
    const r = measure(opts(2), sineSegments(FS, 2, [seg(10, -36), seg(60, -23), seg(10, -36)]));
    near(r.integratedLufs, -23, 0.1, 'I');
  });

  test('case 4: −72 / −36 / −23 / −36 / −72 dBFS → I = −23.0 (both gates)', () => {
    const r = measure(
      opts(2),
      sineSegments(FS, 2, [seg(10, -72), seg(10, -36), seg(60, -23), seg(10, -36), seg(10, -72)]),
    );
    near(r.integratedLufs, -23, 0.1, 'I');
  });

  test('case 5: −26 / −20 / −26 dBFS → I = −23.0', () => {
    const r = measure(opts(2), sineSegments(FS, 2, [seg(20, -26), seg(20.1, -20), seg(20, -26)]));
    near(r.integratedLufs, -23, 0.1, 'I');
  });

  test('case 6: 5.0 channels with surround weights → I = −23.0', () => {
    const amps = [-28, -28, -24, -30, -30].map(dbToAmp);
    const o = opts(5, { channelWeights: [1, 1, 1, 1.41, 1.41] });
    const r = measure(o, sineSegments(FS, 5, [{ seconds: 20, amps }]));
    near(r.integratedLufs, -23, 0.1, 'I');
  });

  test('case 9: 1.34 s at −20 / 1.66 s at −30 dBFS → every short-term value −23.0', () => {
    const segs: Segment[] = [];
    for (let p = 0; p < 6; p++) segs.push(seg(1.34, -20), seg(1.66, -30));
    const r = measure(opts(2, { curves: true }), sineSegments(FS, 2, segs));
    const curves = r.curves;
    assert.ok(curves, 'curves requested');
    near(curves.hopSeconds, 0.1, 1e-12, 'hopSeconds');
    near(curves.shortTermStartSeconds, 3, 1e-12, 'shortTermStartSeconds');
    near(curves.momentaryStartSeconds, 0.4, 1e-12, 'momentaryStartSeconds');
    // 18 s = 180 hops → 151 complete 3 s windows, 177 complete 400 ms windows
    assert.equal(curves.shortTermLufs.length, 151);
    assert.equal(curves.momentaryLufs.length, 177);
    curves.shortTermLufs.forEach((v, i) => near(v, -23, 0.1, `S[${i}]`));
    near(r.shortTermMaxLufs, -23, 0.1, 'S max');
  });

  test('case 12: 0.18 s at −20 / 0.22 s at −30 dBFS → every momentary value −23.0', () => {
    const segs: Segment[] = [];
    for (let p = 0; p < 50; p++) segs.push(seg(0.18, -20), seg(0.22, -30));
    const r = measure(opts(2, { curves: true }), sineSegments(FS, 2, segs));
    assert.ok(r.curves);
    assert.equal(r.curves.momentaryLufs.length, 197);
    r.curves.momentaryLufs.forEach((v, i) => near(v, -23, 0.1, `M[${i}]`));
    near(r.momentaryMaxLufs, -23, 0.1, 'M max');
  });

  test('case 1 at 44.1 kHz and 96 kHz', () => {
    for (const fs of [44100, 96000]) {
      const r = measure(opts(2, {}, fs), sine(fs, 2, 20, dbToAmp(-23)));
      near(r.integratedLufs, -23, 0.1, `I at ${fs} Hz`);
      near(r.momentaryMaxLufs, -23, 0.1, `M max at ${fs} Hz`);
      near(r.shortTermMaxLufs, -23, 0.1, `S max at ${fs} Hz`);
    }
  });

  test('mono is one channel, not dual mono: −23 dBFS → −26.0, −20 dBFS → −23.0', () => {
    near(measure(opts(1), sine(FS, 1, 10, dbToAmp(-23))).integratedLufs, -26, 0.1, 'I(−23 dBFS mono)');
    near(measure(opts(1), sine(FS, 1, 10, dbToAmp(-20))).integratedLufs, -23, 0.1, 'I(−20 dBFS mono)');
  });
});

describe('EBU Tech 3341 true-peak cases (48 kHz)', () => {
  // x[n] = A·sin(2π f n / fs + φ); the analytic true peak is A
  const cases: { name: string; freq: number; phaseDeg: number; amp: number; samplePeakDb?: number }[] = [
    { name: '15: fs/4, 0°', freq: FS / 4, phaseDeg: 0, amp: 0.5 },
    { name: '16: fs/4, 45°', freq: FS / 4, phaseDeg: 45, amp: 0.5, samplePeakDb: -9.03 },
    { name: '17: fs/6, 60°', freq: FS / 6, phaseDeg: 60, amp: 0.5 },
    { name: '18: fs/8, 67.5°', freq: FS / 8, phaseDeg: 67.5, amp: 0.5 },
    { name: '19: fs/4, 45°, 1.41', freq: FS / 4, phaseDeg: 45, amp: 1.41 },
  ];
  for (const c of cases) {
    test(`case ${c.name} → ${ampToDb(c.amp).toFixed(2)} dBTP within ±0.1 dB`, () => {
      const r = measure(opts(2), sine(FS, 2, 2, c.amp, c.freq, (c.phaseDeg * Math.PI) / 180));
      for (let ch = 0; ch < 2; ch++) {
        const tp = ampToDb(at(r.truePeak, ch));
        near(tp, ampToDb(c.amp), 0.1, `true peak ch${ch} (dBTP)`);
        // EBU tolerance +0.2 / −0.4 dB is implied by the stricter check above
        if (c.samplePeakDb !== undefined) near(ampToDb(at(r.samplePeak, ch)), c.samplePeakDb, 0.01, 'sample peak');
      }
    });
  }

  test('fs/4 at 192 kHz (2× grid) → −6.02 dBTP', () => {
    const fs = 192000;
    const r = measure(opts(1, {}, fs), sine(fs, 1, 1, 0.5, fs / 4, Math.PI / 4));
    near(ampToDb(at(r.truePeak, 0)), -6.02, 0.1, 'true peak');
  });

  test('0.45·fs sine at random phases reads −6.02 dBTP within ±0.05 dB (32-phase refinement)', () => {
    const u = rng(7);
    for (let k = 0; k < 5; k++) {
      const phase = 2 * Math.PI * u();
      const r = measure(opts(1), sine(FS, 1, 1, 0.5, 0.45 * FS, phase));
      near(ampToDb(at(r.truePeak, 0)), ampToDb(0.5), 0.05, `true peak at phase ${phase.toFixed(3)}`);
    }
  });

  test('every instruction-set kernel gives the same true peaks', () => {
    // run in child processes: the kernel is chosen once per process (SHUB_NATIVE_ISA caps it)
    const script = `
      import { native } from ${JSON.stringify(new URL('../../src/native.js', import.meta.url).href)};
      const { LevelMeter } = native();
      let s = 12345;
      const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
      const out = [];
      for (const [fs, kind] of [[48000, 'noise'], [48000, 'hf'], [192000, 'hf'], [44100, 'mix']]) {
        const frames = fs;
        const x = new Float32Array(frames * 2);
        for (let n = 0; n < frames; n++) {
          const t = n / fs;
          const hf = 0.5 * Math.sin(2 * Math.PI * 0.45 * fs * t + 0.3);
          const tone = 0.3 * Math.sin(2 * Math.PI * 997 * t);
          const v = kind === 'noise' ? 1.6 * rnd() : kind === 'hf' ? hf : tone + 0.2 * rnd() + 0.3 * hf;
          x[2 * n] = v;
          x[2 * n + 1] = kind === 'noise' ? 1.6 * rnd() : -0.7 * v;
        }
        const m = new LevelMeter({ sampleRate: fs, channels: 2, channelWeights: [1, 1] });
        for (let i = 0; i < x.length; i += 2 * 1237) m.addFloat(x.subarray(i, Math.min(x.length, i + 2 * 1237)));
        out.push(...m.result().truePeak);
      }
      process.stdout.write(JSON.stringify(out));
    `;
    const run = (isa: string): number[] =>
      JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], {
          env: { ...process.env, SHUB_NATIVE_ISA: isa },
        }).toString(),
      ) as number[];
    const best = run('');
    assert.equal(best.length, 8);
    for (const isa of ['avx2', 'baseline']) {
      run(isa).forEach((v, i) => near(v, at(best, i), 2e-6 * at(best, i), `${isa} true peak #${i}`));
    }
  });

  test('peaks in the first and last samples count (the interpolator tail is flushed)', () => {
    for (const pos of ['first', 'last'] as const) {
      const data = sine(FS, 2, 1, 0.1);
      const i = pos === 'first' ? 0 : data.length / 2 - 1;
      data[i * 2] = 0.9;
      const m = new addon.LevelMeter(opts(2));
      m.addFloat(data);
      const r = m.result();
      assert.ok(at(r.truePeak, 0) >= Math.fround(0.9), `${pos}: ${at(r.truePeak, 0)}`);
      near(at(r.truePeak, 1), 0.1, 0.005, `${pos}: other channel`);
    }
  });

  test('grid + refinement + skip bound equal an exhaustive 32-phase evaluation', () => {
    // white-box: the documented design (48 taps per phase, Kaiser β = 7.5, per-phase unit DC
    // gain, phase 0 = the sample) evaluated at all 32 phases of every interval whose window
    // lies inside the signal
    const T = 48;
    const P = 32;
    const beta = 7.5;
    const i0 = (x: number): number => {
      let sum = 1;
      let term = 1;
      for (let k = 1; k < 300 && term > 1e-18 * sum; k++) {
        term *= (x / (2 * k)) ** 2;
        sum += term;
      }
      return sum;
    };
    const kernel = (t: number): number => {
      if (Math.abs(t) >= T / 2) return 0;
      const r = t / (T / 2);
      return (t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t)) * (i0(beta * Math.sqrt(1 - r * r)) / i0(beta));
    };
    const table: number[][] = [];
    for (let p = 1; p < P; p++) {
      const h = Array.from({ length: T }, (_, j) => kernel(p / P + T / 2 - 1 - j));
      const dc = h.reduce((a, b) => a + b, 0);
      table.push(h.map((v) => v / dc));
    }
    const u = rng(5);
    for (let trial = 0; trial < 9; trial++) {
      const n = 3000;
      const x = new Float32Array(n);
      const f1 = FS * (0.05 + 0.4 * u());
      const f2 = FS * (0.3 + 0.15 * u());
      const p1 = 2 * Math.PI * u();
      const p2 = 2 * Math.PI * u();
      for (let i = 0; i < n; i++) {
        const kind = trial % 3;
        x[i] =
          kind === 0
            ? 0.8 * (u() - 0.5)
            : kind === 1
              ? 0.4 * Math.sin((2 * Math.PI * f1 * i) / FS + p1) + 0.4 * Math.sin((2 * Math.PI * f2 * i) / FS + p2)
              : 0.5 * Math.sin((2 * Math.PI * f2 * i) / FS + p2) * (0.5 + 0.5 * Math.sin(i / 300)) + 0.1 * (u() - 0.5);
      }
      let expected = 0;
      for (const v of x) expected = Math.max(expected, Math.abs(v));
      for (let c = T / 2 - 1; c <= n - 1 - T / 2; c++) {
        for (const h of table) {
          let y = 0;
          for (let j = 0; j < T; j++) y += at(h, j) * at(x, c - (T / 2 - 1) + j);
          expected = Math.max(expected, Math.abs(y));
        }
      }
      const r = measure(opts(1), x, 777);
      near(ampToDb(at(r.truePeak, 0)), ampToDb(expected), 1e-5, `trial ${trial} true peak (dB)`);
    }
  });

  test('true peak ≥ sample peak on white noise', () => {
    const u = rng(11);
    const data = new Float32Array(2 * FS * 2).map(() => 1.8 * (u() - 0.5));
    const r = measure(opts(2), data);
    for (let ch = 0; ch < 2; ch++) {
      assert.ok(at(r.truePeak, ch) >= at(r.samplePeak, ch), `ch${ch}: ${at(r.truePeak, ch)} < ${at(r.samplePeak, ch)}`);
      assert.ok(at(r.truePeak, ch) < 4 * at(r.samplePeak, ch), 'true peak of noise stays plausible');
    }
  });
});

// ---- EBU Tech 3342 -------------------------------------------------------------------

describe('EBU Tech 3342 loudness range (1 kHz, 48 kHz, stereo)', () => {
  const lra = (levels: number[], expected: number): void => {
    const r = measure(
      opts(2),
      sineSegments(
        FS,
        2,
        levels.map((db) => ({ seconds: 20, amps: [dbToAmp(db)] })),
      ),
    );
    near(r.loudnessRangeLu, expected, 1, `LRA of ${levels.join(' / ')} dBFS`);
  };
  test('case 1: −20 then −30 dBFS → 10 LU', () => lra([-20, -30], 10));
  test('case 2: −20 then −15 dBFS → 5 LU', () => lra([-20, -15], 5));
  test('case 3: −40 then −20 dBFS → 20 LU', () => lra([-40, -20], 20));
  test('case 4: −50 / −35 / −20 / −35 / −50 dBFS → 15 LU', () => lra([-50, -35, -20, -35, -50], 15));
  test('the band the range spans: case 1 reads −30 to −20 LUFS, and high − low is the range', () => {
    // a stereo 1 kHz sine at L dBFS in both channels reads L LUFS (Tech 3341 case 1); 20 s each, so the
    // 10th and 95th percentiles of the short-term levels fall inside the steady parts
    const r = measure(
      opts(2),
      sineSegments(
        FS,
        2,
        [-20, -30].map((db) => ({ seconds: 20, amps: [dbToAmp(db)] })),
      ),
    );
    near(r.loudnessRangeLowLufs, -30, 0.05, 'low');
    near(r.loudnessRangeHighLufs, -20, 0.05, 'high');
    near(
      num(r.loudnessRangeHighLufs, 'high') - num(r.loudnessRangeLowLufs, 'low'),
      num(r.loudnessRangeLu, 'lra'),
      1e-9,
      'span',
    );
  });
});

describe('true peak per window (peakWindowFrames)', () => {
  // fs/4 at 45°: every sample is ±A/√2, the waveform peaks at A between samples (sample peak −3.01 dB);
  // 10 ms raised-cosine fades, so no edge overshoots its level (a hard cut rings above A)
  const quarter = (seconds: number, amp: number, fadeOut = true) => {
    const x = sine(FS, 2, seconds, amp, FS / 4, Math.PI / 4);
    const n = x.length / 2;
    const fade = Math.round(0.01 * FS);
    for (let i = 0; i < fade; i++) {
      const g = 0.5 - 0.5 * Math.cos((Math.PI * i) / fade);
      for (let c = 0; c < 2; c++) {
        x[2 * i + c]! *= g;
        if (fadeOut) x[2 * (n - 1 - i) + c]! *= g;
      }
    }
    return x;
  };
  const silence = (seconds: number) => new Float32Array(Math.round(seconds * FS) * 2);
  test('each second reads its own inter-sample peak, loud next to quiet, at any block size', () => {
    const levels = [-1, -12, -3, -20, -0.5];
    const data = concat(...levels.map((db) => quarter(1, dbToAmp(db))), quarter(0.25, dbToAmp(-6)));
    for (const block of [4096, 1000, 48000, 7]) {
      const r = measure(opts(2, { peakWindowFrames: FS }), data, block);
      const w = r.windowTruePeak ?? [];
      assert.equal(w.length, 6, `block ${block}: five whole seconds and a partial one`);
      [...levels, -6].forEach((db, k) => near(ampToDb(at(w, k)), db, 0.02, `block ${block}: window ${k}`));
      near(ampToDb(Math.max(...r.truePeak)), -0.5, 0.02, 'the whole file');
      assert.ok(Math.max(...r.samplePeak) < dbToAmp(-3.5), 'the sample peak is 3 dB lower');
    }
  });
  test("a window ends where its own samples end (the interpolator's lag is not the next window's)", () => {
    // a loud second cut at its last sample, then digital silence: the silent second reads only the
    // interpolator's ringing around the cut (well below the loud level), never the loud samples
    const r = measure(opts(2, { peakWindowFrames: FS }), concat(quarter(1, dbToAmp(-1), false), silence(1)));
    const w = r.windowTruePeak ?? [];
    assert.equal(w.length, 2);
    assert.ok(ampToDb(at(w, 0)) > -1.02, `the loud second: ${ampToDb(at(w, 0))} dBTP`);
    assert.ok(ampToDb(at(w, 1)) < -12, `the silent second: ${ampToDb(at(w, 1))} dBTP`);
  });
  test('off by default; without windows the whole-file true peak is unchanged', () => {
    const data = concat(quarter(1, dbToAmp(-1)), quarter(1, dbToAmp(-12)));
    const plain = measure(opts(2), data);
    const windowed = measure(opts(2, { peakWindowFrames: 12000 }), data);
    assert.equal(plain.windowTruePeak, undefined);
    assert.equal(windowed.windowTruePeak?.length, 8);
    near(ampToDb(Math.max(...plain.truePeak)), -1, 0.02, 'plain');
    near(ampToDb(Math.max(...windowed.truePeak)), -1, 0.02, 'windowed');
  });
});

// ---- edge cases ----------------------------------------------------------------------

describe('silence and short input', () => {
  test('digital silence: null loudness, LRA, DR, noise floor; silence = duration', () => {
    const r = measure(opts(2), new Float32Array(10 * FS * 2));
    assert.equal(r.frames, 10 * FS);
    assert.equal(r.integratedLufs, null);
    assert.equal(r.loudnessRangeLu, null);
    assert.equal(r.momentaryMaxLufs, null);
    assert.equal(r.shortTermMaxLufs, null);
    assert.equal(r.dynamicRangeDr, null);
    assert.equal(r.noiseFloorDbfs, null);
    assert.equal(r.phaseCorrelation, null);
    assert.equal(r.monoLoudnessDropLu, null);
    near(r.leadingSilenceSeconds, 10, 1e-12, 'leading');
    near(r.trailingSilenceSeconds, 10, 1e-12, 'trailing');
    assert.deepEqual(r.truePeak, [0, 0]);
    assert.deepEqual(r.samplePeak, [0, 0]);
  });

  test('shorter than 400 ms: integrated loudness null, no crash', () => {
    const r = measure(opts(2), sine(FS, 2, 0.3, 0.5));
    assert.equal(r.frames, 0.3 * FS);
    assert.equal(r.integratedLufs, null);
    assert.equal(r.momentaryMaxLufs, null);
    near(at(r.samplePeak, 0), 0.5, 1e-6, 'sample peak');
  });

  test('zero frames: result() is defined', () => {
    const m = new addon.LevelMeter(opts(2, { curves: true }));
    m.addFloat(new Float32Array(0));
    const r = m.result();
    assert.equal(r.frames, 0);
    assert.deepEqual(r.truePeak, [0, 0]);
    assert.deepEqual(r.samplePeak, [0, 0]);
    assert.deepEqual(r.rms, [0, 0]);
    assert.equal(r.rmsAll, 0);
    assert.equal(r.integratedLufs, null);
    assert.equal(r.leadingSilenceSeconds, 0);
    assert.deepEqual(r.curves?.momentaryLufs, []);
    for (const v of Object.values(r)) assert.ok(typeof v !== 'number' || Number.isFinite(v));
  });
});

// ---- sample statistics ---------------------------------------------------------------

describe('sample statistics', () => {
  test('sine of amplitude 0.5: rms 0.5/√2, sample peak 0.5, mean 0', () => {
    const r = measure(opts(2), sine(FS, 2, 10, 0.5));
    for (let ch = 0; ch < 2; ch++) {
      near(at(r.rms, ch), 0.5 / Math.SQRT2, 1e-5, 'rms');
      near(at(r.samplePeak, ch), 0.5, 1e-7, 'sample peak');
      near(at(r.mean, ch), 0, 1e-6, 'mean');
    }
    near(r.rmsAll, 0.5 / Math.SQRT2, 1e-5, 'rmsAll');
  });

  test('DC offset: sine + 0.05 → mean 0.05', () => {
    const data = sine(FS, 2, 5, 0.3).map((x) => x + 0.05);
    const r = measure(opts(2), data);
    near(at(r.mean, 0), 0.05, 1e-4, 'mean L');
    near(at(r.mean, 1), 0.05, 1e-4, 'mean R');
  });

  test('clipping: a run of 5 full-scale samples counts 5, an isolated one does not', () => {
    const frames = 20000;
    const data = sine(FS, 2, frames / FS, 0.25);
    for (let i = 4094; i < 4099; i++) data[i * 2] = 1.0; // run across the 4096-frame block boundary
    data[9001 * 2 + 1] = -1.0; // isolated, right channel
    assert.equal(measure(opts(2), data).clippedSamples, 5);
    assert.equal(measure(opts(2), data, 997).clippedSamples, 5);
    assert.equal(measure(opts(2), data, frames).clippedSamples, 5);
  });

  test('phase correlation: identical → 1, inverted → −1, independent noise → ≈ 0', () => {
    const s = sine(FS, 2, 3, 0.4);
    near(measure(opts(2), s).phaseCorrelation, 1, 1e-9, 'identical');
    const inv = s.map((x, i) => (i % 2 ? -x : x));
    near(measure(opts(2), inv).phaseCorrelation, -1, 1e-9, 'inverted');
    const g = gauss(3);
    const noise = new Float32Array(5 * FS * 2).map(() => 0.1 * g());
    const r = num(measure(opts(2), noise).phaseCorrelation, 'noise correlation');
    assert.ok(Math.abs(r) < 0.05, `independent noise correlation ${r}`);
    assert.equal(measure(opts(1), sine(FS, 1, 1, 0.4)).phaseCorrelation, null, 'mono');
  });

  test('mono-sum loudness drop: identical L/R → 0, independent equal-level noise → 3.01 LU', () => {
    const s = measure(opts(2), sine(FS, 2, 5, 0.3));
    near(s.monoLoudnessDropLu, 0, 0.05, 'identical');
    const g = gauss(5);
    const noise = new Float32Array(10 * FS * 2).map(() => 0.1 * g());
    const r = measure(opts(2), noise);
    near(r.monoLoudnessDropLu, 10 * Math.log10(2), 0.2, 'independent noise');
    assert.equal(measure(opts(1), sine(FS, 1, 5, 0.3)).monoLoudnessDropLu, null, 'mono');
  });

  test('leading / trailing silence: 1.5 s zeros + 5 s sine + 2 s zeros', () => {
    const data = concat(
      new Float32Array(1.5 * FS * 2),
      sine(FS, 2, 5, 0.5, 1000, Math.PI / 4),
      new Float32Array(2 * FS * 2),
    );
    const r = measure(opts(2), data);
    near(r.leadingSilenceSeconds, 1.5, 1 / FS, 'leading');
    near(r.trailingSilenceSeconds, 2.0, 1 / FS, 'trailing');
  });

  test('noise floor: 2 s of −80 dBFS RMS white noise, then 10 s of −20 dBFS sine → −80 dBFS', () => {
    const g = gauss(9);
    const sigma = dbToAmp(-80);
    const noise = new Float32Array(2 * FS * 2).map(() => sigma * g());
    const r = measure(opts(2), concat(noise, sine(FS, 2, 10, dbToAmp(-20))));
    near(r.noiseFloorDbfs, -80, 1, 'noise floor');
  });

  test('DR of a constant sine is 0', () => {
    assert.equal(measure(opts(2), sine(FS, 2, 12, 0.5)).dynamicRangeDr, 0);
  });

  /** TT DR by hand: per channel blocks given as [rms, peak]; top 20 % (≥ 1) by RMS. */
  function drByHand(blocks: [number, number][]): number {
    const rms = blocks.map((b) => b[0]).sort((a, b) => b - a);
    const peaks = blocks.map((b) => b[1]).sort((a, b) => b - a);
    const top = Math.max(1, Math.floor(0.2 * blocks.length));
    const rmsTop = Math.sqrt(rms.slice(0, top).reduce((s, v) => s + v * v, 0) / top);
    const peak2 = blocks.length >= 2 ? at(peaks, 1) : at(peaks, 0);
    return Math.round(20 * Math.log10(peak2 / rmsTop));
  }

  test('DR: 10 blocks at 0.1 and 2 at 1.0 (3 s blocks)', () => {
    // a 1 kHz sine has whole periods in a 3 s block: block RMS = sqrt(2·A²/2) = A, peak = A
    const amps = [...new Array<number>(10).fill(0.1), 1.0, 1.0];
    const data = sineSegments(
      FS,
      2,
      amps.map((a) => ({ seconds: 3, amps: [a] })),
      1000,
      Math.PI / 2,
    );
    const expected = drByHand(amps.map((a) => [a, a]));
    assert.equal(measure(opts(2), data).dynamicRangeDr, expected);
  });

  test('DR: quiet blocks with a spike and two louder blocks', () => {
    // 10 blocks: 0.1 sine plus one 0.8 spike; 2 blocks: 0.3 sine
    const amps = [...new Array<number>(10).fill(0.1), 0.3, 0.3];
    const data = sineSegments(
      FS,
      2,
      amps.map((a) => ({ seconds: 3, amps: [a] })),
      1000,
      Math.PI / 2,
    );
    const blockFrames = 3 * FS;
    const blocks: [number, number][] = [];
    amps.forEach((a, b) => {
      let peak = a;
      if (a === 0.1) {
        const i = b * blockFrames + 1000 + b; // not at a sine crest
        data[i * 2] = 0.8;
        data[i * 2 + 1] = 0.8;
        peak = 0.8;
      }
      // RMS (×√2) of the block as generated, in double precision
      let sq = 0;
      for (let n = b * blockFrames; n < (b + 1) * blockFrames; n++) sq += at(data, n * 2) ** 2;
      blocks.push([Math.sqrt((2 * sq) / blockFrames), peak]);
    });
    const expected = drByHand(blocks);
    assert.equal(expected, 9); // 20·log10(0.8 / 0.3) = 8.5
    assert.equal(measure(opts(2), data).dynamicRangeDr, expected);
  });
});

// ---- streaming -----------------------------------------------------------------------

describe('streaming', () => {
  const g = gauss(21);
  const frames = 12 * FS;
  const data = new Float32Array(frames * 2);
  for (let n = 0; n < frames; n++) {
    const env = 0.2 + 0.15 * Math.sin((2 * Math.PI * n) / (FS * 2.7));
    const tone = 0.3 * Math.sin((2 * Math.PI * 440 * n) / FS) + 0.2 * Math.sin((2 * Math.PI * 19000 * n) / FS);
    data[n * 2] = env * (tone + 0.3 * g());
    data[n * 2 + 1] = env * (0.8 * tone + 0.3 * g());
  }
  data[5000 * 2] = 1;
  data[5001 * 2] = 1;

  test('one block vs blocks of 997 frames give the same results', () => {
    const a = measure(opts(2, { curves: true }), data, frames);
    const b = measure(opts(2, { curves: true }), data, 997);
    for (const k of [
      'integratedLufs',
      'loudnessRangeLu',
      'momentaryMaxLufs',
      'shortTermMaxLufs',
      'monoLoudnessDropLu',
    ] as const) {
      near(b[k], num(a[k], k), 1e-9, k);
    }
    assert.ok(a.curves && b.curves);
    assert.equal(b.curves.momentaryLufs.length, a.curves.momentaryLufs.length);
    a.curves.momentaryLufs.forEach((v, i) => near(b.curves?.momentaryLufs[i], num(v, 'M'), 1e-9, `M[${i}]`));
    a.curves.shortTermLufs.forEach((v, i) => near(b.curves?.shortTermLufs[i], num(v, 'S'), 1e-9, `S[${i}]`));
    for (let ch = 0; ch < 2; ch++) {
      near(at(b.truePeak, ch), at(a.truePeak, ch), 1e-7, 'true peak');
      assert.equal(at(b.samplePeak, ch), at(a.samplePeak, ch));
      near(at(b.rms, ch), at(a.rms, ch), 1e-12, 'rms');
      near(at(b.mean, ch), at(a.mean, ch), 1e-12, 'mean');
    }
    assert.equal(b.clippedSamples, a.clippedSamples);
    assert.equal(a.clippedSamples, 2);
    near(b.phaseCorrelation, num(a.phaseCorrelation, 'r'), 1e-9, 'phase correlation');
    assert.equal(b.noiseFloorDbfs, a.noiseFloorDbfs);
    assert.equal(b.dynamicRangeDr, a.dynamicRangeDr);
    assert.equal(b.leadingSilenceSeconds, a.leadingSilenceSeconds);
    assert.equal(b.trailingSilenceSeconds, a.trailingSilenceSeconds);
  });

  test('result() does not disturb the meter and may be called repeatedly', () => {
    const half = (frames / 2) * 2;
    const m = new addon.LevelMeter(opts(2));
    m.addFloat(data.subarray(0, half));
    const r1 = m.result();
    assert.deepEqual(m.result(), r1);
    m.addFloat(data.subarray(half));
    const whole = measure(opts(2), data, frames);
    const r2 = m.result();
    near(r2.integratedLufs, num(whole.integratedLufs, 'I'), 1e-9, 'I');
    assert.deepEqual(r2.truePeak, whole.truePeak);
    assert.equal(r2.frames, frames);
  });
});

// ---- addPcm and validation -----------------------------------------------------------

function encode(data: Float32Array, format: PcmFormat): Buffer {
  const bytes = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 }[format];
  const buf = Buffer.alloc(data.length * bytes);
  data.forEach((x, i) => {
    const o = i * bytes;
    switch (format) {
      case 'u8':
        buf.writeUInt8(Math.max(0, Math.min(255, Math.round(x * 128) + 128)), o);
        break;
      case 's16':
        buf.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(x * 32768))), o);
        break;
      case 's24':
        buf.writeIntLE(Math.max(-8388608, Math.min(8388607, Math.round(x * 8388608))), o, 3);
        break;
      case 's32':
        buf.writeInt32LE(Math.max(-2147483648, Math.min(2147483647, Math.round(x * 2147483648))), o);
        break;
      case 'f32':
        buf.writeFloatLE(x, o);
        break;
      case 'f64':
        buf.writeDoubleLE(x, o);
        break;
    }
  });
  return buf;
}

describe('addPcm', () => {
  test('u8/s16/s24/s32/f32/f64 encodings of one sine give the same loudness', async () => {
    const frames = 5 * FS;
    const data = sine(FS, 2, 5, dbToAmp(-20));
    const results: Record<string, number> = {};
    for (const format of ['f32', 'u8', 's16', 's24', 's32', 'f64'] as const) {
      const m = new addon.LevelMeter(opts(2));
      const pcm = encode(data, format);
      const bpf = pcm.length / frames;
      const block = 48000;
      for (let f = 0; f < frames; f += block) {
        const n = Math.min(block, frames - f);
        const r = await m.addPcm(pcm.subarray(f * bpf, (f + n) * bpf), format, n);
        assert.deepEqual(r, { nonFiniteSamples: 0, firstNonFiniteFrame: -1 });
      }
      const res = m.result();
      assert.equal(res.frames, frames);
      results[format] = num(res.integratedLufs, `I (${format})`);
    }
    near(results.f32, -20, 0.1, 'I (f32)');
    for (const [format, value] of Object.entries(results))
      near(value, num(results.f32, 'f32'), 0.01, `I (${format}) vs f32`);
  });

  test('s24 sign extension and scaling', async () => {
    const m = new addon.LevelMeter(opts(1));
    const pcm = Buffer.from([0x00, 0x00, 0x80, 0xff, 0xff, 0x7f, 0x00, 0x00, 0xc0]); // −1, +1 − 2^-23, −0.5
    await m.addPcm(pcm, 's24', 3);
    near(at(m.result().samplePeak, 0), 1, 0, 'peak');
    const u = new addon.LevelMeter(opts(1));
    await u.addPcm(Buffer.from([0, 128, 255]), 'u8', 3); // −1, 0, 127/128
    near(at(u.result().samplePeak, 0), 1, 0, 'u8 peak');
  });

  test('integer decoding matches the definition (mono, stereo, 3 channels, odd frame counts)', async () => {
    const u = rng(31);
    const cases: { format: PcmFormat; bits: number }[] = [
      { format: 's16', bits: 16 },
      { format: 's24', bits: 24 },
      { format: 's32', bits: 32 },
      { format: 'u8', bits: 8 },
    ];
    for (const channels of [1, 2, 3]) {
      for (const { format, bits } of cases) {
        for (const frames of [1, 2, 5, 1001, 4099]) {
          const full = 2 ** (bits - 1);
          const ints = Array.from({ length: frames * channels }, () => Math.floor(u() * 2 * full) - full);
          ints[0] = -full; // most negative code
          const bytes = bits / 8;
          const buf = Buffer.alloc(ints.length * bytes);
          ints.forEach((v, i) => {
            if (format === 'u8') buf.writeUInt8(v + 128, i);
            else buf.writeIntLE(v, i * bytes, bytes);
          });
          const m = new addon.LevelMeter(opts(channels));
          await m.addPcm(buf, format, frames);
          const r = m.result();
          for (let c = 0; c < channels; c++) {
            let sum = 0;
            let sq = 0;
            let peak = 0;
            for (let n = 0; n < frames; n++) {
              const x = Math.fround(at(ints, n * channels + c) / full);
              sum += x;
              sq += x * x;
              peak = Math.max(peak, Math.abs(x));
            }
            const what = `${format} ${channels} ch ${frames} frames, ch${c}`;
            near(at(r.mean, c), sum / frames, 1e-12, `${what} mean`);
            near(at(r.rms, c), Math.sqrt(sq / frames), 1e-12, `${what} rms`);
            assert.equal(at(r.samplePeak, c), peak, `${what} peak`);
          }
        }
      }
    }
  });

  test('NaN and Inf are counted, zeroed and located', async () => {
    const data = sine(FS, 2, 0.1, 0.5);
    data[10 * 2 + 1] = Number.NaN;
    data[20 * 2] = Number.POSITIVE_INFINITY;
    const m = new addon.LevelMeter(opts(2));
    m.addFloat(sine(FS, 2, 100 / FS, 0.5));
    assert.deepEqual(m.addFloat(data), { nonFiniteSamples: 2, firstNonFiniteFrame: 110 });
    assert.deepEqual(await m.addPcm(encode(data, 'f32'), 'f32', data.length / 2), {
      nonFiniteSamples: 2,
      firstNonFiniteFrame: 110 + 4800,
    });
    const r = m.result();
    near(at(r.samplePeak, 0), 0.5, 1e-6, 'peak after zeroing');
    for (const v of [...r.truePeak, ...r.rms, r.rmsAll]) assert.ok(Number.isFinite(v));
  });

  test('a second addPcm while one is in flight is rejected', async () => {
    const m = new addon.LevelMeter(opts(2));
    const pcm = encode(sine(FS, 2, 1, 0.5), 's16');
    const first = m.addPcm(pcm, 's16', FS);
    await assert.rejects(m.addPcm(pcm, 's16', FS), /in flight/);
    assert.throws(() => m.result(), /in flight/);
    await first;
    assert.equal(m.result().frames, FS);
  });
});

describe('input validation', () => {
  const bad = (o: unknown): LevelMeterOptions => o as LevelMeterOptions;

  test('constructor options', () => {
    assert.throws(
      () => new addon.LevelMeter(opts(2, {}, 7000)),
      (e: unknown) =>
        e instanceof RangeError && /sampleRate/.test(e.message) && /8000/.test(e.message) && /7000/.test(e.message),
    );
    assert.throws(() => new addon.LevelMeter(opts(2, {}, 48000.5)), RangeError);
    assert.throws(
      () => new addon.LevelMeter(bad({ sampleRate: '48000', channels: 2, channelWeights: [1, 1] })),
      (e: unknown) => e instanceof TypeError && /sampleRate/.test(e.message),
    );
    assert.throws(
      () => new addon.LevelMeter(bad({ sampleRate: FS, channels: 0, channelWeights: [] })),
      (e: unknown) => e instanceof RangeError && /channels/.test(e.message),
    );
    assert.throws(
      () => new addon.LevelMeter(opts(9)),
      (e: unknown) => e instanceof RangeError && /channels/.test(e.message),
    );
    assert.throws(
      () => new addon.LevelMeter({ ...opts(2), channelWeights: [1] }),
      (e: unknown) => e instanceof RangeError && /channelWeights/.test(e.message),
    );
    assert.throws(
      () => new addon.LevelMeter({ ...opts(2), channelWeights: [1, -1] }),
      (e: unknown) => e instanceof RangeError && /channelWeights\[1\]/.test(e.message),
    );
    assert.throws(() => new addon.LevelMeter({ ...opts(2), channelWeights: [1, Number.NaN] }), RangeError);
    assert.throws(
      () => new addon.LevelMeter(bad({ sampleRate: FS, channels: 2 })),
      (e: unknown) => e instanceof TypeError && /channelWeights/.test(e.message),
    );
    assert.throws(
      () => new addon.LevelMeter(opts(2, { clipThresholdLinear: 0 })),
      (e: unknown) => e instanceof RangeError && /clipThresholdLinear/.test(e.message),
    );
    assert.throws(
      () => new addon.LevelMeter(opts(2, { silenceThresholdDbfs: 3 })),
      (e: unknown) => e instanceof RangeError && /silenceThresholdDbfs/.test(e.message),
    );
    assert.throws(
      () => new addon.LevelMeter(bad({ ...opts(2), curves: 'yes' })),
      (e: unknown) => e instanceof TypeError && /curves/.test(e.message),
    );
    assert.throws(() => new addon.LevelMeter(bad(undefined)), TypeError);
  });

  test('addPcm / addFloat arguments', async () => {
    const m = new addon.LevelMeter(opts(2));
    const pcm = Buffer.alloc(100);
    await assert.rejects(
      m.addPcm(pcm, 'x24' as PcmFormat, 1),
      (e: unknown) => e instanceof RangeError && /format/.test(e.message) && /s24/.test(e.message),
    );
    await assert.rejects(
      m.addPcm(pcm, 'f32', 13),
      (e: unknown) => e instanceof RangeError && /pcm/.test(e.message) && /104/.test(e.message),
    );
    await assert.rejects(m.addPcm(pcm, 'f32', -1), (e: unknown) => e instanceof RangeError && /frames/.test(e.message));
    await assert.rejects(
      m.addPcm(pcm, 'f32', 1.5),
      (e: unknown) => e instanceof RangeError && /frames/.test(e.message),
    );
    await assert.rejects(
      m.addPcm('abc' as unknown as Uint8Array, 'f32', 1),
      (e: unknown) => e instanceof TypeError && /pcm/.test(e.message),
    );
    assert.deepEqual(await m.addPcm(pcm, 'f32', 12), { nonFiniteSamples: 0, firstNonFiniteFrame: -1 });
    assert.throws(
      () => m.addFloat(new Float32Array(3)),
      (e: unknown) => e instanceof RangeError && /channels/.test(e.message),
    );
    assert.throws(() => m.addFloat(new Float64Array(4) as unknown as Float32Array), TypeError);
    assert.throws(
      () => addon.kWeightingCoefficients(1000),
      (e: unknown) => e instanceof RangeError && /sampleRate/.test(e.message),
    );
    assert.throws(() => addon.truePeakOversampling(Number.NaN), RangeError);
  });
});
