/**
 * Native FeatureExtractor (shared STFT, spectral statistics, pitch-class profile, onset envelope,
 * fine envelope, YIN): analytic signals with closed-form answers, degenerate input, validation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { native, type FeatureExtractorOptions, type FeatureReport } from '../../src/native.js';
import { createFeatureExtractor, spectralSummary, tonalBalance } from '../../src/engines/spectral/index.js';
import { summarizePitch } from '../../src/engines/pitch/index.js';
import { detectOnsets, onsetInput } from '../../src/engines/onsets/index.js';
import { estimateTempo } from '../../src/engines/tempo/index.js';
import { estimateKey, tuningAwareChroma, PITCH_CLASS_NAMES } from '../../src/engines/key/index.js';
import { stftLayout } from '../../src/engines/analysis/params.js';
import { mulberry32 } from '../../src/engines/random.js';

const FS = 48000;

function tones(seconds: number, parts: { hz: number; amp: number }[], fs = FS): Float32Array {
  const n = Math.round(seconds * fs);
  const x = new Float32Array(n);
  for (const { hz, amp } of parts) for (let i = 0; i < n; i++) x[i]! += amp * Math.sin((2 * Math.PI * hz * i) / fs);
  return x;
}

function analyze(
  mono: Float32Array,
  which: { spectrum: boolean; pitch: boolean; onsets?: boolean } = { spectrum: true, pitch: true },
  fs = FS,
): FeatureReport {
  const fx = createFeatureExtractor({ sampleRate: fs, channels: 1 }, which);
  // feed in uneven blocks: results must not depend on block boundaries
  for (let i = 0; i < mono.length;) {
    const n = Math.min(mono.length - i, 1000 + (i % 7777));
    fx.addFloat(mono.subarray(i, i + n));
    i += n;
  }
  return fx.finish();
}

const near = (a: number | null, b: number, tol: number, what: string) => {
  assert.ok(a !== null && Number.isFinite(a), `${what}: got ${a}`);
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} not within ${tol} of ${b}`);
};

test('1 kHz sine: centroid, roll-off, bandwidth, flatness, ZCR (2f/fs), tonal balance', () => {
  const r = analyze(tones(3, [{ hz: 1000, amp: 0.5 }]));
  near(r.centroidHz, 1000, 5, 'centroid');
  near(r.rolloffHz, 1000, r.binHz, 'rolloff');
  assert.ok(r.bandwidthHz! < 60, `bandwidth ${r.bandwidthHz}`);
  assert.ok(r.flatness! < 0.001, `flatness ${r.flatness}`);
  near(r.zeroCrossingRate, 2000 / FS, 1e-4, 'zcr');
  // Σ power = mean square: 0.5²/2 → −9.03 dBFS, all of it in the 1 kHz third-octave band
  const bands = tonalBalance(r.meanPower, r.binHz, FS);
  const k1 = bands.find((b) => b.bandHz[0] < 1000 && b.bandHz[1] > 1000)!;
  near(k1.levelDb, 10 * Math.log10(0.125), 0.1, '1 kHz band level');
  const total = bands.reduce((s, b) => s + (b.levelDb === null ? 0 : 10 ** (b.levelDb / 10)), 0);
  near(10 * Math.log10(total), 10 * Math.log10(0.125), 0.05, 'bands add up to the mean square');
  assert.equal(bands.length, 30);
});

test('white noise: flatness near e^−γ ≈ 0.56, centroid near fs/4', () => {
  const random = mulberry32(12345);
  const x = new Float32Array(FS * 3).map(() => (random() - 0.5) * 0.5);
  const r = analyze(x, { spectrum: true, pitch: false });
  near(r.flatness, 0.56, 0.05, 'flatness');
  near(r.centroidHz, FS / 4, 300, 'centroid');
});

test('YIN: a 220 Hz and a 440 Hz tone give their f0; the voiced ratio is ~1', () => {
  for (const hz of [220, 440]) {
    const r = analyze(
      tones(2, [
        { hz, amp: 0.3 },
        { hz: 2 * hz, amp: 0.15 },
      ]),
      { spectrum: false, pitch: true },
    );
    const p = summarizePitch(r);
    near(p.medianHz, hz, hz * 0.002, `f0 ${hz}`);
    assert.ok(p.voicedRatio > 0.95, `voiced ${p.voicedRatio}`);
  }
  const at441 = summarizePitch(
    analyze(tones(1, [{ hz: 441, amp: 0.3 }], 44100), { spectrum: false, pitch: true }, 44100),
  );
  near(at441.medianHz, 441, 1, 'f0 at 44.1 kHz');
});

test('chroma of a C major triad (C4 E4 G4): C, E and G are the three strongest; key is C major', () => {
  const r = analyze(
    tones(4, [
      { hz: 261.63, amp: 0.2 },
      { hz: 329.63, amp: 0.2 },
      { hz: 392.0, amp: 0.2 },
    ]),
    { spectrum: true, pitch: false },
  );
  const { chroma, tuningCents } = tuningAwareChroma(r.pitchClass);
  const top = chroma
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([, i]) => PITCH_CLASS_NAMES[i])
    .sort();
  assert.deepEqual(top, ['C', 'E', 'G']);
  near(tuningCents, 0, 5, 'tuning');
  assert.equal(estimateKey(r.pitchClass)?.key, 'C major');
});

test('tuning-aware chroma: an A major triad tuned 30 cents sharp is still A, C#, E; tuning ≈ +30 cents', () => {
  const f = (midi: number) => 440 * 2 ** ((midi - 69 + 0.3) / 12);
  const r = analyze(
    tones(4, [
      { hz: f(57), amp: 0.2 },
      { hz: f(61), amp: 0.2 },
      { hz: f(64), amp: 0.2 },
    ]),
    { spectrum: true, pitch: false },
  );
  const { chroma, tuningCents } = tuningAwareChroma(r.pitchClass);
  near(tuningCents, 30, 8, 'tuning');
  const top = chroma
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([, i]) => PITCH_CLASS_NAMES[i])
    .sort();
  assert.deepEqual(top, ['A', 'C#', 'E']);
});

test('click track at 120 BPM: tempo 120, onsets within 1 ms of each click', () => {
  const x = new Float32Array(FS * 12);
  const clicks: number[] = [];
  for (let t = 0.25; t < 11.9; t += 0.5) {
    const at = Math.round(t * FS);
    clicks.push(at / FS);
    for (let i = 0; i < 480; i++) x[at + i] = 0.5 * Math.exp(-i / 60) * Math.sin((2 * Math.PI * 2000 * i) / FS);
  }
  const r = analyze(x, { spectrum: true, pitch: false });
  const onsets = detectOnsets(onsetInput(r, FS, stftLayout(FS).windowSamples));
  assert.equal(onsets.times.length, clicks.length);
  onsets.times.forEach((t, i) => near(t, clicks[i]!, 0.001, `onset ${i}`));
  // the onsets engine's own flux (analyze --features onsets) finds the same clicks
  const fine = detectOnsets(onsetInput(analyze(x, { spectrum: true, pitch: false, onsets: true }), FS, 2048));
  assert.equal(fine.times.length, clicks.length);
  fine.times.forEach((t, i) => near(t, clicks[i]!, 0.001, `flux onset ${i}`));
  const tempo = estimateTempo({
    odf: r.odf,
    odfLow: r.odfLow,
    chroma: r.chroma,
    hopSeconds: r.hopSeconds,
    onsetTimes: onsets.times,
  });
  near(tempo.bpm, 120, 0.5, 'bpm');
  assert.ok(tempo.beats.length >= clicks.length - 2, `beats ${tempo.beats.length}`);
  for (const b of tempo.beats)
    assert.ok(
      clicks.some((c) => Math.abs(c - b) < 0.002),
      `beat ${b} on a click`,
    );
  assert.ok(
    tempo.alternatives.some((a) => Math.abs(a.bpm - 60) < 1),
    'half tempo among the alternatives',
  );
});

/** Every number reachable from `v` is finite (null stands for "no value"). */
function finiteOrNull(v: unknown, where: string): void {
  if (typeof v === 'number') assert.ok(Number.isFinite(v), `${where}: ${v}`);
  else if (ArrayBuffer.isView(v)) for (const x of Array.from(v as unknown as ArrayLike<number>)) finiteOrNull(x, where);
  else if (Array.isArray(v)) v.forEach((x, i) => finiteOrNull(x, `${where}[${i}]`));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) finiteOrNull(x, `${where}.${k}`);
}

test('silence and a single sample: defined results (nulls and zeros), never NaN', () => {
  for (const x of [new Float32Array(FS * 2), new Float32Array([0.5]), new Float32Array(0)]) {
    const r = analyze(x);
    const s = spectralSummary(r, FS);
    const t = estimateTempo({ odf: r.odf, hopSeconds: r.hopSeconds || 0.01 });
    const k = estimateKey(r.pitchClass);
    const p = summarizePitch(r);
    const o = detectOnsets(onsetInput(r, FS, 2048));
    // JSON turns NaN and ±Infinity into null, so walk the values themselves
    finiteOrNull({ s, t, k, p, o }, `${x.length} samples`);
    // a lone sample is an impulse: a flat spectrum, whose centroid is the middle of 0…fs/2
    if (x.length === 1) near(s.centroidHz!, FS / 4, 0.01 * FS, 'impulse centroid');
    else assert.equal(s.centroidHz, null);
    assert.equal(estimateKey(r.pitchClass).key, null);
    assert.equal(summarizePitch(r).medianHz, null);
    assert.equal(estimateTempo({ odf: r.odf, hopSeconds: 0.01 }).bpm, null);
  }
});

test('block boundaries do not change the result', () => {
  const x = tones(2, [
    { hz: 330, amp: 0.3 },
    { hz: 5000, amp: 0.05 },
  ]);
  const a = analyze(x);
  const fx = createFeatureExtractor({ sampleRate: FS, channels: 1 }, { spectrum: true, pitch: true });
  fx.addFloat(x);
  const b = fx.finish();
  assert.equal(a.stftFrames, b.stftFrames);
  assert.equal(a.stftFrames, 1 + Math.floor(x.length / stftLayout(FS).hopSamples));
  near(a.centroidHz, b.centroidHz!, 1e-6, 'centroid');
  assert.deepEqual(Array.from(a.odf), Array.from(b.odf));
  assert.deepEqual(Array.from(a.pitchHz), Array.from(b.pitchHz));
});

test('stereo and s24 PCM through addPcm (AsyncWorker) equal the mono mix', async () => {
  const x = tones(3, [{ hz: 1000, amp: 0.4 }]);
  const pcm = Buffer.alloc(x.length * 2 * 3);
  for (let i = 0; i < x.length; i++) {
    const v = Math.round(x[i]! * 8388607);
    pcm.writeIntLE(v, i * 6, 3);
    pcm.writeIntLE(v, i * 6 + 3, 3);
  }
  const fx = createFeatureExtractor({ sampleRate: FS, channels: 2 }, { spectrum: true, pitch: false });
  const res = await fx.addPcm(pcm, 's24', x.length);
  assert.equal(res.nonFiniteSamples, 0);
  const r = fx.finish();
  near(r.centroidHz, 1000, 5, 'centroid');
  assert.equal(r.frames, x.length);
});

test('the pitch tracker fed the mono mix another extractor exported gives the f0 track addPcm gives', async () => {
  // 220 Hz with its octave, s24 stereo, in two blocks of uneven size: analyze's pitch tracker takes the flux's
  // (or the STFT's) mono mix one block later instead of decoding the PCM itself
  const x = tones(2, [
    { hz: 220, amp: 0.3 },
    { hz: 440, amp: 0.15 },
  ]);
  const pcm = Buffer.alloc(x.length * 6);
  for (let i = 0; i < x.length; i++) {
    const v = Math.round(x[i]! * 8388607);
    pcm.writeIntLE(v, i * 6, 3);
    pcm.writeIntLE(v, i * 6 + 3, 3);
  }
  const which = { spectrum: false, pitch: true };
  const extractor = () => createFeatureExtractor({ sampleRate: FS, channels: 2 }, which);
  const source = createFeatureExtractor(
    { sampleRate: FS, channels: 2 },
    { spectrum: false, pitch: false, onsets: true },
  );
  const relayed = extractor();
  const cut = 12345;
  for (const [from, to] of [
    [0, cut],
    [cut, x.length],
  ] as const) {
    const mono = new Float32Array(to - from);
    source.exportMono(mono);
    await source.addPcm(pcm.subarray(from * 6, to * 6), 's24', to - from);
    await relayed.addMono(mono, to - from);
  }
  const fromMono = await relayed.finishAsync();
  const p = summarizePitch(fromMono);
  near(p.medianHz, 220, 220 * 0.002, 'f0 from the relayed mono mix');
  assert.ok(p.voicedRatio > 0.95, `voiced ${p.voicedRatio}`);
  assert.equal(fromMono.frames, x.length);
  const fed = extractor();
  await fed.addPcm(pcm, 's24', x.length);
  const inPass = await fed.finishAsync();
  assert.ok(inPass.pitchHz.length > 150, `frames ${inPass.pitchHz.length}`);
  assert.deepEqual(fromMono.pitchHz, inPass.pitchHz);
  assert.deepEqual(fromMono.pitchConfidence, inPass.pitchConfidence);
});

test('exportMono + addMono: the mono mix one extractor decoded gives another the report addPcm gives it', async () => {
  // stereo s24: left a 330 Hz tone, right a 1 kHz tone at half level, then a burst; blocks of uneven size
  const n = 3 * FS;
  const left = tones(3, [{ hz: 330, amp: 0.4 }]);
  const right = tones(3, [{ hz: 1000, amp: 0.2 }]);
  for (let i = FS; i < FS + 2000; i++) right[i]! += 0.3 * Math.sin(i * 0.7);
  const pcm = Buffer.alloc(n * 6);
  const l24 = new Int32Array(n);
  const r24 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    l24[i] = Math.round(left[i]! * 8388607);
    r24[i] = Math.round(right[i]! * 8388607);
    pcm.writeIntLE(l24[i]!, i * 6, 3);
    pcm.writeIntLE(r24[i]!, i * 6 + 3, 3);
  }
  const which = { spectrum: true, pitch: false };
  const make = () => createFeatureExtractor({ sampleRate: FS, channels: 2 }, which);
  const direct = make();
  const from = createFeatureExtractor({ sampleRate: FS, channels: 2 }, { spectrum: false, pitch: false, onsets: true });
  const relayed = make();
  const mono = new Float32Array(40000);
  for (let at = 0, k = 0; at < n; k++) {
    const frames = Math.min(n - at, 30000 + (k % 3) * 4000);
    const block = pcm.subarray(at * 6, (at + frames) * 6);
    await direct.addPcm(block, 's24', frames);
    from.exportMono(mono);
    await from.addPcm(block, 's24', frames);
    // the mix as float arithmetic: (0 + L) + R, times one half, each sample 24-bit / 2^23
    for (const i of [0, 1, frames >> 1, frames - 1]) {
      const l = Math.fround(l24[at + i]! / 8388608);
      const r = Math.fround(r24[at + i]! / 8388608);
      assert.equal(mono[i], Math.fround(Math.fround(l + r) * 0.5), `mono sample ${at + i}`);
    }
    await relayed.addMono(mono, frames);
    at += frames;
  }
  const a = direct.finish();
  const b = relayed.finish();
  assert.equal(b.frames, n);
  assert.equal(b.centroidHz, a.centroidHz);
  assert.deepEqual(b.odf, a.odf);
  assert.deepEqual(b.chroma, a.chroma);
  assert.deepEqual(b.fineEnergy, a.fineEnergy);
  assert.deepEqual(b.mfcc, a.mfcc);
  assert.equal(b.zeroCrossingRate, a.zeroCrossingRate);
  assert.ok(a.odf.length > 200, `frames ${a.odf.length}`);
  // a block longer than the export buffer is refused, not written past its end
  const small = createFeatureExtractor({ sampleRate: FS, channels: 2 }, which);
  small.exportMono(new Float32Array(10));
  await assert.rejects(small.addPcm(pcm.subarray(0, 600), 's24', 100), /exportMono buffer holds 10 samples/);
  await assert.rejects(make().addMono(mono, mono.length + 1), /frames/);
});

test('validation: typed errors at the entry point; no use after finish', () => {
  const { FeatureExtractor } = native();
  const base = { sampleRate: FS, channels: 1, windowSamples: 2048, hopSamples: 512 };
  assert.throws(() => new FeatureExtractor({ ...base, windowSamples: 1000 }), {
    name: 'RangeError',
    message: /windowSamples must be a power of two/,
  });
  assert.throws(() => new FeatureExtractor({ ...base, hopSamples: 4096 }), {
    name: 'RangeError',
    message: /hopSamples/,
  });
  assert.throws(() => new FeatureExtractor({ ...base, sampleRate: 7000 }), {
    name: 'RangeError',
    message: /sampleRate/,
  });
  assert.throws(() => new FeatureExtractor({ ...base, pitch: 'yes' as unknown as boolean }), {
    name: 'TypeError',
    message: /pitch must be a boolean/,
  });
  assert.throws(() => new FeatureExtractor({ ...base, pyinBetaMean: 1.5 }), {
    name: 'RangeError',
    message: /pyinBetaMean/,
  });
  const fx = new FeatureExtractor(base);
  assert.throws(() => fx.addFloat(new Float64Array(4) as unknown as Float32Array), { name: 'TypeError' });
  fx.finish();
  assert.throws(() => fx.addFloat(new Float32Array(4)), /finish\(\) was already called/);
  assert.throws(() => fx.finish(), /finish\(\) was already called/);
});

test('onset flux: one frame per hop; a tone rises in its own frequency group at its start, then stays flat', () => {
  // 5 ms raised-cosine fade-ins, so that each start stays inside its group: 1 kHz at 0.5 s (mid, 250–2000 Hz),
  // 100 Hz at 1.0 s (low), 12 kHz at 1.5 s (top, above 8 kHz); each then holds to the end (5 ms fade-out)
  const n = 2 * FS;
  const x = new Float32Array(n);
  const parts = [
    { hz: 1000, at: 0.5, group: 1 },
    { hz: 100, at: 1.0, group: 0 },
    { hz: 12000, at: 1.5, group: 3 },
  ];
  const ramp = Math.round(0.005 * FS);
  for (const { hz, at } of parts)
    for (let i = Math.round(at * FS); i < n; i++) {
      const k = i - Math.round(at * FS);
      const g = k < ramp ? 0.5 - 0.5 * Math.cos((Math.PI * k) / ramp) : 1;
      x[i]! += 0.2 * g * Math.sin((2 * Math.PI * hz * i) / FS);
    }
  for (let k = 0; k < ramp; k++) x[n - 1 - k]! *= 0.5 - 0.5 * Math.cos((Math.PI * k) / ramp); // and a fade-out
  const r = analyze(x, { spectrum: true, pitch: false, onsets: true });
  const G = r.onsetFluxGroups;
  assert.equal(G, 5); // four frequency groups and the timbre novelty
  const hop = Math.round(r.onsetHopSeconds * FS);
  assert.equal(hop, 278); // 0.0058 s at 48 kHz
  const frames = 1 + Math.floor(n / hop);
  assert.equal(r.onsetFlux.length, G * frames);
  const at = (t: number, g: number) => r.onsetFlux[t * G + g]!;
  const window = 1024 / FS; // 0.023 s → 1024 samples
  const rises: number[] = [];
  for (const { at: start, group } of parts) {
    let best = 0;
    for (let t = 0; t < frames; t++) if (at(t, group) > at(best, group)) best = t;
    // the largest rise of the group is while the tone enters the window centred on that frame
    const centre = best * r.onsetHopSeconds;
    assert.ok(Math.abs(centre - start) <= window / 2 + r.onsetHopSeconds, `group ${group} peak at ${centre}`);
    assert.ok(at(best, group) > 2, `group ${group}: a rise of ${at(best, group)} dB`);
    rises.push(at(best, group));
    // a steady tone does not rise: 60 ms after its start until the next start, every group stays under a 20th of
    // the smallest start's rise (what is left is the window's far side lobes beating near the floor)
    const next = Math.min(...parts.map((p) => p.at).filter((a) => a > start), 2);
    for (let t = Math.ceil((start + 0.06) / r.onsetHopSeconds); t * r.onsetHopSeconds < next - 0.03; t++)
      for (let g = 0; g < G; g++)
        assert.ok(at(t, g) < Math.min(...rises) / 20, `frame ${t} group ${g}: ${at(t, g)} dB while steady`);
  }
  // the same when fed in one block (analyze feeds uneven blocks)
  const fx = createFeatureExtractor({ sampleRate: FS, channels: 1 }, { spectrum: true, pitch: false, onsets: true });
  fx.addFloat(x);
  assert.deepEqual(Array.from(fx.finish().onsetFlux), Array.from(r.onsetFlux));
  // off unless asked: tempo and the other features do not pay for it
  assert.equal(analyze(x, { spectrum: true, pitch: false }).onsetFlux.length, 0);
});

test('onset flux novelty: a spectrum that replaces another at the same level peaks; a steady decay does not', () => {
  // a cymbal-like tone cluster (8 sines, log-spaced 5–15 kHz, random phases) decaying by 1/e in 0.3 s; at 0.5 s
  // another cluster (the frequencies halfway between, in log: 2.4 filters away) takes over at the same amplitude
  // within 2 ms: the level stays on its decay, the spectral shape changes
  const n = FS;
  const x = new Float32Array(n);
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cluster = (offset: number) =>
    Array.from({ length: 8 }, (_, k) => ({ hz: 5000 * 3 ** ((k + offset) / 8), phase: 2 * Math.PI * rnd() }));
  const a = cluster(0);
  const b = cluster(0.5);
  const cross = Math.round(0.002 * FS);
  const at = Math.round(0.5 * FS);
  for (let i = 0; i < n; i++) {
    const w = i < at ? 0 : i >= at + cross ? 1 : (i - at) / cross;
    const env = 0.02 * Math.exp(-i / FS / 0.3);
    let va = 0;
    let vb = 0;
    for (const s of a) va += Math.sin((2 * Math.PI * s.hz * i) / FS + s.phase);
    for (const s of b) vb += Math.sin((2 * Math.PI * s.hz * i) / FS + s.phase);
    x[i] = env * ((1 - w) * va + w * vb);
  }
  // with the fixed floor (−70 dB re full scale) it was measured with: relative to this quiet cluster's peak (under
  // −16 dB) the floor sits lower and the decay's beating near it reads 0.04 dB, over a hundredth of the change
  const fx = createFeatureExtractor(
    { sampleRate: FS, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    { onsetRelativeFloorDb: 0, onsetFloorDb: -70 },
  );
  fx.addFloat(x);
  const r = fx.finish();
  const G = r.onsetFluxGroups;
  const nov = (t: number) => r.onsetFlux[t * G + G - 1]!;
  const frame = (s: number) => Math.round(s / r.onsetHopSeconds);
  let steady = 0;
  for (let t = frame(0.1); t < frame(0.45); t++) steady = Math.max(steady, nov(t));
  let change = 0;
  for (let t = frame(0.48); t < frame(0.54); t++) change = Math.max(change, nov(t));
  assert.ok(change > 1, `novelty at the change ${change} dB`);
  assert.ok(change > 100 * steady, `novelty at the change ${change} dB, while decaying ${steady} dB`);
});

test('onset flux novelty: a choke (a ringing cluster faded out in 10 ms) is no rise over the decay model', () => {
  // a cymbal-like cluster (8 sines, 5–15 kHz) decaying by 1/e in 0.3 s over a steady quiet cluster 20 dB under it
  // (the frequencies halfway between); at 0.5 s the loud one fades out linearly in 10 ms, and nothing new starts.
  // With the decay model continued at any speed, the end of the fade (levels stop falling) reads as a rise; with
  // its fall limited to a ring's (onsetNoveltyMaxFallDb, the default), it does not.
  const n = FS;
  let seed = 4242;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cluster = (offset: number) =>
    Array.from({ length: 8 }, (_, k) => ({ hz: 5000 * 3 ** ((k + offset) / 8), phase: 2 * Math.PI * rnd() }));
  const a = cluster(0);
  const b = cluster(0.5);
  const at = Math.round(0.5 * FS);
  const fade = Math.round(0.01 * FS);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const g = i < at ? 1 : i >= at + fade ? 0 : 1 - (i - at) / fade;
    let va = 0;
    let vb = 0;
    for (const s of a) va += Math.sin((2 * Math.PI * s.hz * i) / FS + s.phase);
    for (const s of b) vb += Math.sin((2 * Math.PI * s.hz * i) / FS + s.phase);
    x[i] = 0.02 * Math.exp(-i / FS / 0.3) * g * va + 0.002 * vb;
  }
  const novelty = (maxFallDb?: number) => {
    const fx = createFeatureExtractor(
      { sampleRate: FS, channels: 1 },
      { spectrum: false, pitch: false, onsets: true },
      {},
      maxFallDb === undefined ? {} : { onsetNoveltyMaxFallDb: maxFallDb },
    );
    fx.addFloat(x);
    const r = fx.finish();
    const G = r.onsetFluxGroups;
    let peak = 0;
    for (let t = Math.round(0.49 / r.onsetHopSeconds); t < Math.round(0.6 / r.onsetHopSeconds); t++)
      peak = Math.max(peak, r.onsetFlux[t * G + G - 1]!);
    return peak;
  };
  const limited = novelty();
  const unlimited = novelty(1000);
  assert.ok(unlimited > 0.2, `unlimited decay model: novelty ${unlimited} dB after the choke`);
  assert.ok(limited < 0.1 * unlimited, `limited decay model: novelty ${limited} dB (unlimited ${unlimited} dB)`);
});

test('band novelty: a +6 dB step of a steady cluster reads 2 × 6 dB summed over the lag in its band only', () => {
  // 8 steady sines, log-spaced 9–15 kHz (one per filter, all in the top group above 8 kHz), 0.05 each; at 0.5 s
  // their amplitude doubles over a 5 ms raised cosine (+6.02 dB in every filter). The band novelty is the mean
  // signed rise over the frame onsetLagFrames (2) before, so summed over the frames around the step it is
  // at most lag × 20·log10(2) = 12.04 dB (each filter's level is monotone over the step, so the positive parts
  // telescope) and less by the log(1 + X/floor) compression of the filters between the sines, nearer the floor
  // (10.1 dB measured; a lag of one frame would read half); a steady cluster reads 0 and
  // the groups the cluster is not in stay 0.
  const n = FS;
  const x = new Float32Array(n);
  const hz = Array.from({ length: 8 }, (_, k) => 9000 * (15 / 9) ** (k / 7));
  const at = Math.round(0.5 * FS);
  const ramp = Math.round(0.005 * FS);
  for (let i = 0; i < n; i++) {
    const k = i - at;
    const g = k < 0 ? 1 : k >= ramp ? 2 : 1.5 - 0.5 * Math.cos((Math.PI * k) / ramp);
    let v = 0;
    for (const f of hz) v += Math.sin((2 * Math.PI * f * i) / FS);
    x[i] = 0.05 * g * v;
  }
  const extract = (overrides: Partial<FeatureExtractorOptions>) => {
    const fx = createFeatureExtractor(
      { sampleRate: FS, channels: 1 },
      { spectrum: false, pitch: false, onsets: true },
      {},
      overrides,
    );
    fx.addFloat(x);
    return fx.finish();
  };
  // the filterbank's top at 17 kHz, as measured (the onsets' default reaches 20 kHz since h-onset37: the filters
  // over 15 kHz, near the floor, then share the top group's mean and it reads 8.1 dB); the fixed floor (−70 dB re
  // full scale) as measured (relative to the cluster's peak the floor is lower and the steady filters between the
  // sines beat near it: 0.23 dB summed)
  const r = extract({ onsetBandNovelty: true, onsetMaxHz: 17000, onsetRelativeFloorDb: 0, onsetFloorDb: -70 });
  const B = r.onsetBandNoveltyBands;
  assert.equal(B, 4); // one per onset flux frequency group
  assert.equal(r.onsetBandNovelty.length, B * (r.onsetFlux.length / r.onsetFluxGroups));
  const frame = (s: number) => Math.round(s / r.onsetHopSeconds);
  const sum = (g: number, a: number, b: number) => {
    let s = 0;
    for (let t = frame(a); t < frame(b); t++) s += r.onsetBandNovelty[t * B + g]!;
    return s;
  };
  const top = sum(3, 0.45, 0.6);
  assert.ok(top > 9 && top <= 2 * 20 * Math.log10(2), `top band: ${top} dB summed over the step`);
  for (let g = 0; g < 3; g++) assert.ok(sum(g, 0.1, 0.9) < 0.05 * top, `group ${g}: ${sum(g, 0.1, 0.9)} dB`);
  assert.ok(sum(3, 0.1, 0.45) < 0.02 * top, `steady cluster: ${sum(3, 0.1, 0.45)} dB`);
  // none when not asked for
  const off = extract({ onsetBandNovelty: false });
  assert.equal(off.onsetBandNovelty.length, 0);
  assert.equal(off.onsetBandNoveltyBands, 0);
});

test('spectral contrast sums: the blocks passed over and the selection change no bit; q smallest and q largest', () => {
  // the direct rule: every value compared alone (way 0: the same heaps, the same order of entries); the blocks passed
  // over (way 1) and the extractor's selection (way 2) must give its bits; the sums of the sorted extremes to
  // rounding (the heaps' order of addition differs from the sort's)
  const rand = mulberry32(1912);
  const cases: { x: Float32Array; q: number }[] = [];
  // 137 and 751: the contrast's two widest bands at 48 kHz (q 3 and 15)
  for (const n of [1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 137, 171, 751, 752]) {
    for (const q of [1, 2, Math.max(1, Math.round(0.02 * n)), 16, 17, Math.max(1, n >> 2), n]) {
      if (q > n) continue;
      // a falling spectrum with peaks (most blocks enter neither heap), quantized so that ties occur
      const falling = Float32Array.from(
        { length: n },
        (_, k) => Math.round((64 / (1 + k) + 8 * rand() ** 8) * 16) / 16,
      );
      const noisy = Float32Array.from({ length: n }, () => Math.round(rand() * 32) / 8);
      const rising = Float32Array.from({ length: n }, (_, k) => k * 0.5 + (k % 9 === 4 ? 100 : 0));
      cases.push({ x: falling, q }, { x: noisy, q }, { x: rising, q }, { x: new Float32Array(n).fill(0.25), q });
      // every large value in one of the selection's interleaved subsets (16 of them for q 13–16: its other
      // maxima are small, many values pass its threshold), the extremes in the last values (the tail after the
      // last whole round of 16), zeros of both signs with a few values above them
      const comb = Float32Array.from({ length: n }, (_, k) => (k % 16 === 5 ? 50 + rand() : rand()));
      const tail = Float32Array.from({ length: n }, (_, k) => (k >= n - (n % 16) ? 9 * rand() - 4 : 1 + rand() / 4));
      const zeros = Float32Array.from({ length: n }, (_, k) => (k % 7 === 3 ? rand() : k % 2 === 0 ? 0 : -0));
      cases.push({ x: comb, q }, { x: tail, q }, { x: zeros, q });
      // NaN among the first or last q values (it sits in its heap for good: that sum is NaN on both paths) and in the
      // middle (it never enters), on a noisy spectrum where several values of a block enter
      // values near 1 with a few near 2^−40 and 2^40 among them, so that both extremes mix the two scales: their
      // sums in double round, and the order in which values enter the heaps shows in the bits
      const mixed = () =>
        Float32Array.from({ length: n }, () => {
          const r = rand() * n;
          return (1 + rand()) * (r < q / 2 ? 2 ** -40 : r > n - q / 2 ? 2 ** 40 : 1);
        });
      cases.push({ x: mixed(), q });
      for (const at of [0, q - 1, n - 1, n >> 1]) {
        for (const withNaN of [Float32Array.from({ length: n }, () => Math.round(rand() * 32) / 8), mixed()]) {
          withNaN[at] = NaN;
          cases.push({ x: withNaN, q });
        }
      }
    }
  }
  // the selection's rule, computed here: q at most 16, at least 4 ⌈q / 4⌉ values (its subsets), no NaN, and each
  // extreme set's terms within the span where every order of addition is exact (q · max |v| < min |v ≠ 0| · 2^29)
  const exactSpan = (v: number[]) => {
    const a = v.map(Math.abs);
    const nonzero = a.filter((u) => u > 0);
    return nonzero.length === 0 || v.length * Math.max(...a) < Math.min(...nonzero) * 2 ** 29;
  };
  let selected = 0;
  for (const { x, q } of cases) {
    const direct = native().featureExtremeSums(x, q, 0);
    const n = x.length;
    for (const way of [1, 2] as const) {
      const r = native().featureExtremeSums(x, q, way);
      assert.ok(
        Object.is(r[0], direct[0]) && Object.is(r[1], direct[1]),
        `way ${way} n ${n} q ${q}: ${r} vs ${direct}`,
      );
    }
    const sorted = Array.from(x).sort((a, b) => a - b);
    const noNaN = !x.some(Number.isNaN);
    const expectSelected =
      n >= 4 * Math.ceil(q / 4) && q <= 16 && noNaN && exactSpan(sorted.slice(0, q)) && exactSpan(sorted.slice(n - q));
    const way2 = native().featureExtremeSums(x, q, 2);
    assert.equal(way2[2], expectSelected ? 1 : 0, `selected n ${n} q ${q}`);
    assert.equal(direct[2], 0);
    selected += way2[2];
    if (!noNaN) {
      // a NaN among the first q values is in the high heap from the start and never leaves it; among the last q, the
      // low heap's; elsewhere it never enters
      assert.equal(Number.isNaN(direct[0]), x.subarray(n - q).some(Number.isNaN), `low NaN n ${n} q ${q}`);
      assert.equal(Number.isNaN(direct[1]), x.subarray(0, q).some(Number.isNaN), `high NaN n ${n} q ${q}`);
      continue;
    }
    const tol = x.some((v) => v > 2 ** 20) ? 1e-6 : 1e-9; // the wide case's sums round in every order
    const low = sorted.slice(0, q).reduce((a, b) => a + b, 0);
    const high = sorted.slice(sorted.length - q).reduce((a, b) => a + b, 0);
    assert.ok(
      Math.abs(direct[0] - low) <= tol * Math.max(1, Math.abs(low)),
      `low n ${x.length} q ${q}: ${direct[0]} vs ${low}`,
    );
    assert.ok(
      Math.abs(direct[1] - high) <= tol * Math.max(1, Math.abs(high)),
      `high n ${x.length} q ${q}: ${direct[1]}`,
    );
  }
  assert.ok(selected > 300, `the selection gave ${selected} of ${cases.length}`);
  assert.throws(() => native().featureExtremeSums(new Float32Array(4), 5, 2), RangeError);
  assert.throws(() => native().featureExtremeSums(new Float32Array(4), 0, 2), RangeError);
  assert.throws(() => native().featureExtremeSums(new Float32Array(4), 1, 3 as 2), RangeError);
});

test('band energies: a sine in one band, its power the square of its level, two octaves up four bands up', () => {
  const FS = 44100;
  const energies = (hz: number, amp: number) => {
    const x = new Float32Array(FS);
    for (let i = 0; i < x.length; i++) x[i] = amp * Math.sin((2 * Math.PI * hz * i) / FS);
    const fx = createFeatureExtractor(
      { sampleRate: FS, channels: 1 },
      { spectrum: false, pitch: false, onsets: true },
      {},
      { onsetEnergyBandsPerOctave: 2 },
    );
    fx.addFloat(x);
    const r = fx.finish();
    const B = r.onsetBandEnergyBands;
    assert.equal(r.onsetBandEnergy.length, B * (r.onsetFlux.length / r.onsetFluxGroups));
    // the mean over the middle half second, per band
    const frames = r.onsetBandEnergy.length / B;
    const mean = new Float64Array(B);
    for (let t = Math.floor(frames / 4); t < Math.floor((3 * frames) / 4); t++)
      for (let b = 0; b < B; b++) mean[b]! += r.onsetBandEnergy[t * B + b]! / Math.floor(frames / 2);
    return { B, mean, top: mean.indexOf(Math.max(...mean)) };
  };
  const a = energies(1000, 0.1);
  // 30 Hz–17 kHz at 2 bands per octave: 19 bands, less the low ones no filter of the 1024-point STFT falls in
  assert.ok(a.B >= 14 && a.B <= 19, `${a.B} bands`);
  const total = a.mean.reduce((s, v) => s + v, 0);
  assert.ok(a.mean[a.top]! > 0.9 * total, `1 kHz: ${a.mean[a.top]} of ${total} in band ${a.top}`);
  const louder = energies(1000, 0.2);
  assert.equal(louder.top, a.top);
  const ratio = louder.mean[a.top]! / a.mean[a.top]!;
  assert.ok(Math.abs(ratio - 4) < 0.04, `+6 dB: ×${ratio}`);
  assert.equal(energies(4000, 0.1).top, a.top + 4);
  // none when off
  const fx = createFeatureExtractor(
    { sampleRate: FS, channels: 1 },
    { spectrum: false, pitch: false, onsets: true },
    {},
    { onsetEnergyBandsPerOctave: 0 },
  );
  fx.addFloat(new Float32Array(FS));
  const off = fx.finish();
  assert.equal(off.onsetBandEnergyBands, 0);
  assert.equal(off.onsetBandEnergy.length, 0);
});

// (Linux: the threads' priorities are read from /proc; elsewhere the decode is not lowered)
const onLinux = { skip: process.platform !== 'linux' };
test('the pitch HMM decodes on a thread of its own below the caller, with the values it gets', onLinux, async () => {
  // /proc/self/task/<tid>/stat after the command's ")": [0] state … [16] nice … [37] rt_priority, [38] policy
  const stat = (tid: string) => readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ').pop()!.split(' ');
  const own = stat(String(process.pid));
  const lowered = (s: string[]) =>
    Number(s[38]) === 1 || Number(s[38]) === 2
      ? Number(s[37]) === 1 // a real-time policy's lowest priority
      : Number(s[16]) === Math.min(19, Number(own[16]) + 10);
  const x = tones(90, [{ hz: 220, amp: 0.3 }]);
  const fx = createFeatureExtractor({ sampleRate: FS, channels: 1 }, { spectrum: false, pitch: true });
  fx.addFloat(x);
  const seen = new Set(readdirSync('/proc/self/task'));
  const done = fx.finishAsync();
  // while the pool finishes: a new thread of this process runs lowered (polled until seen, at most 10 s)
  let found = false;
  for (const t0 = Date.now(); !found && Date.now() - t0 < 10000;) {
    for (const tid of readdirSync('/proc/self/task')) {
      if (seen.has(tid)) continue;
      try {
        if (lowered(stat(tid))) found = true;
      } catch {
        // the thread ended between the listing and the read
      }
    }
  }
  const report = await done;
  assert.ok(found, 'no lowered decoding thread was seen');
  // the analytic f0, and the same values as a finish() on the calling thread
  near(summarizePitch(report).medianHz, 220, 220 * 0.002, 'f0');
  const sync = analyze(x, { spectrum: false, pitch: true });
  assert.deepEqual(report.pitchHz, sync.pitchHz);
  assert.deepEqual(report.pitchConfidence, sync.pitchConfidence);
});

test('filterbank sums four bands at a time: every band summed in order, in double and in float', () => {
  // groups of four of nondecreasing lengths (run side by side to the end), of other orders (one band at a time) and
  // a last group of 1–3 bands; the sums compared bit for bit with one band summed alone here, in order
  const rnd = mulberry32(36);
  const p = Float32Array.from({ length: 400 }, () => rnd() * 2 ** (Math.floor(rnd() * 40) - 20));
  const groups = [
    [1, 2, 3, 4],
    [5, 5, 5, 5],
    [3, 9, 17, 60],
    [60, 17, 9, 3],
    [8, 3, 30, 12],
    [2, 40, 40, 41],
    [7, 7, 6, 90],
  ];
  for (const tail of [[], [11], [4, 70], [1, 9, 2]]) {
    const lens = [...groups.flat(), ...tail];
    const lo = lens.map((n) => Math.floor(rnd() * (p.length - n)));
    const w = lens.map((n) => Float32Array.from({ length: n }, () => rnd()));
    const inDouble = native().featureBandSums(p, lo, w, true);
    const inFloat = native().featureBandSums(p, lo, w, false);
    assert.equal(inDouble.length, lens.length);
    let rounded = 0;
    lens.forEach((n, b) => {
      const wb = w[b]!;
      const at = lo[b]!;
      let d = 0;
      let f = 0;
      for (let j = 0; j < n; ++j) {
        d += wb[j]! * p[at + j]!; // a product of two floats is exact in double
        f = Math.fround(f + Math.fround(wb[j]! * p[at + j]!));
      }
      assert.ok(Object.is(inDouble[b], d), `double band ${b} (length ${n}): ${inDouble[b]} vs ${d}`);
      assert.ok(Object.is(inFloat[b], f), `float band ${b} (length ${n}): ${inFloat[b]} vs ${f}`);
      rounded += d === f ? 0 : 1;
    });
    assert.ok(rounded >= lens.length - 2, `the float sums round (${rounded} of ${lens.length} differ from double's)`);
  }
});
