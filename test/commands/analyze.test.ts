/**
 * `shub analyze` end to end, as a user runs it: real WAV files written to disk, the CLI spawned,
 * NDJSON parsed. Reference values: EBU Tech 3341 (1 kHz sines, level per channel) and analytic
 * signals.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, truncateSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { sineSegments, writeWav, noise, dbToAmp } from '../../fixtures/signals.js';
import { analyze, parseFeatures, type AnalyzeFeature, type AnalyzeResult } from '../../src/commands/analyze.js';
import { NoStore } from '../../src/store/none.js';
import { JsonStore } from '../../src/store/json.js';
import { exitCodeOf } from '../../src/errors.js';
import type { Reported } from '../../src/commands/batch.js';
import { shubVersion, uuidv7 } from '../../src/store/run.js';

const { dir, cleanup } = tempDir();
after(cleanup);
const f = (name: string) => path.join(dir, name);

type Result = Reported<AnalyzeResult> & { levels: NonNullable<AnalyzeResult['levels']> };
interface ErrorLine {
  file: string;
  error: { code: string; exitCode: number; message: string };
  runId: string;
  shubVersion: string;
}
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
function analyzeOne(file: string, extra: string[] = []): Result {
  const r = shub(['analyze', file, '--json', ...extra], dir);
  assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
  const rows = ndjson<Result>(r.stdout);
  assert.equal(rows.length, 1);
  return rows[0]!;
}
/** One `shub analyze` run over several files (one process start, not one per file); the rows by file. */
function analyzeMany(files: string[]): Result[] {
  const r = shub(['analyze', ...files, '--json'], dir);
  assert.equal(r.code, 0, `exit ${r.code}: ${r.stderr}`);
  const rows = ndjson<Result>(r.stdout);
  assert.deepEqual(rows.map((row) => row.file).sort(), [...files].sort());
  return files.map((file) => rows.find((row) => row.file === file)!);
}
const near = (actual: number | null, expected: number, tol: number, what: string) => {
  assert.ok(actual !== null, `${what}: got null`);
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} not within ${tol} of ${expected}`);
};

test('EBU 3341 case 1 at 48, 44.1 and 96 kHz: I = M = S = -23.0 LUFS', () => {
  const rates = [48000, 44100, 96000];
  for (const rate of rates)
    writeWav(f(`c1-${rate}.wav`), sineSegments(rate, 2, [{ seconds: 20, dbfs: -23 }]), rate, 's24');
  const rows = analyzeMany(rates.map((rate) => f(`c1-${rate}.wav`)));
  for (const [i, rate] of rates.entries()) {
    const r = rows[i]!;
    near(r.levels.integratedLufs, -23, 0.1, `I @${rate}`);
    near(r.levels.momentaryMaxLufs, -23, 0.1, `M @${rate}`);
    near(r.levels.shortTermMaxLufs, -23, 0.1, `S @${rate}`);
    assert.equal(r.format.sampleRate, rate);
    assert.equal(r.format.frames, 20 * rate);
    near(r.format.durationSeconds, 20, 1e-9, 'duration');
  }
});

test('mono file is one channel (not dual mono): -23 dBFS sine reads -26.0, -20 dBFS reads -23.0', () => {
  writeWav(f('mono23.wav'), sineSegments(48000, 1, [{ seconds: 10, dbfs: -23 }]), 48000, 's16');
  writeWav(f('mono20.wav'), sineSegments(48000, 1, [{ seconds: 10, dbfs: -20 }]), 48000, 's16');
  const [m23, r] = analyzeMany([f('mono23.wav'), f('mono20.wav')]);
  near(m23!.levels.integratedLufs, -26.01, 0.1, 'mono -23');
  near(r!.levels.integratedLufs, -23.01, 0.1, 'mono -20');
  assert.equal(r!.levels.phaseCorrelation, null);
  assert.equal(r!.levels.monoLoudnessDropLu, null);
});

test('EBU 3341 case 6 (5.0: L/R -28, C -24, Ls/Rs -30) from an EXTENSIBLE WAV: I = -23.0', () => {
  const planar = sineSegments(48000, 5, [{ seconds: 20, dbfs: [-28, -28, -24, -30, -30] }]);
  // FL FR FC BL BR
  writeWav(f('c6.wav'), planar, 48000, 's24', { extensible: { channelMask: 0x1 | 0x2 | 0x4 | 0x10 | 0x20 } });
  // the same as 5.1 with a silent LFE: the LFE is excluded whatever it holds
  const withLfe = [planar[0]!, planar[1]!, planar[2]!, noise(planar[0]!.length, 0.5), planar[3]!, planar[4]!];
  writeWav(f('c6lfe.wav'), withLfe, 48000, 's24', { extensible: { channelMask: 0x3f } });
  const [c6, c6lfe] = analyzeMany([f('c6.wav'), f('c6lfe.wav')]);
  near(c6!.levels.integratedLufs, -23, 0.1, 'case 6');
  near(c6lfe!.levels.integratedLufs, -23, 0.1, 'case 6 with LFE noise');
});

test('digital silence: integratedLufs and peaks are null, never strings or -Infinity', () => {
  writeWav(f('silence.wav'), sineSegments(48000, 2, [{ seconds: 5, dbfs: -Infinity }]), 48000, 's16');
  const r = analyzeOne(f('silence.wav'));
  assert.equal(r.levels.integratedLufs, null);
  assert.equal(r.levels.truePeakDbtp, null);
  assert.equal(r.levels.samplePeakDbfs, null);
  assert.equal(r.levels.loudnessRangeLu, null);
  assert.equal(r.levels.silence.leadingSeconds, 5);
});

test('every WAV sample encoding reads the same: u8/s16/s24/s32/f32/f64, EXTENSIBLE and RF64', () => {
  const planar = sineSegments(48000, 2, [{ seconds: 3, dbfs: -12 }]);
  const variants: [string, Parameters<typeof writeWav>[3], Parameters<typeof writeWav>[4], number][] = [
    ['u8', 'u8', {}, 8],
    ['s16', 's16', {}, 16],
    ['s24', 's24', {}, 24],
    ['s32', 's32', {}, 32],
    ['f32', 'f32', {}, 32],
    ['f64', 'f64', {}, 64],
    ['ext24', 's24', { extensible: { channelMask: 3 } }, 24],
    ['ext20in24', 's24', { extensible: { channelMask: 3, validBits: 20 } }, 20],
    ['rf64', 's24', { rf64: true }, 24],
  ];
  for (const [name, format, extra] of variants) writeWav(f(`enc-${name}.wav`), planar, 48000, format, extra);
  const rows = analyzeMany(variants.map(([name]) => f(`enc-${name}.wav`)));
  for (const [i, [name, format, , bits]] of variants.entries()) {
    const r = rows[i]!;
    near(r.levels.integratedLufs, -12 + 0.0, 0.1 + (format === 'u8' ? 0.1 : 0), `${name} I`);
    near(r.levels.samplePeakDbfs, -12, format === 'u8' ? 0.1 : 0.01, `${name} sample peak`);
    assert.equal(r.format.bitDepth, bits, `${name} bitDepth`);
    assert.equal(r.format.container, name === 'rf64' ? 'rf64' : 'wav');
    assert.equal(r.format.channels, 2);
  }
});

test('FLAC, MP3, AIFF and Opus go through ffmpeg and agree with the WAV', () => {
  // band-limited programme (lossy encoders cut above ~16-20 kHz, so no broadband noise here)
  const planar = sineSegments(48000, 2, [{ seconds: 8, dbfs: [-14, -17], freqHz: 220 }]);
  const upper = sineSegments(48000, 2, [{ seconds: 8, dbfs: [-20, -16], freqHz: 3150 }]);
  planar.forEach((ch, c) => ch.forEach((x, i) => (ch[i] = x + upper[c]![i]!)));
  writeWav(f('src.wav'), planar, 48000, 's24');
  const conv = (out: string, codecArgs: string[]) => {
    const ff = spawnFfmpeg(['-y', '-v', 'error', '-i', f('src.wav'), ...codecArgs, f(out)]);
    assert.equal(ff, 0, `ffmpeg could not make ${out}`);
  };
  conv('src.flac', ['-c:a', 'flac']);
  conv('src.aiff', []);
  conv('src.mp3', ['-c:a', 'libmp3lame', '-b:a', '320k']);
  conv('src.opus', ['-c:a', 'libopus', '-b:a', '192k']);
  conv('src.m4a', ['-c:a', 'aac', '-b:a', '256k']);
  const names = ['src.wav', 'src.flac', 'src.aiff', 'src.mp3', 'src.opus', 'src.m4a'];
  const [src, flac, aiff, mp3, opus, m4a] = analyzeMany(names.map(f));
  const wav = src!.levels.integratedLufs!;
  assert.equal(flac!.format.codec, 'flac');
  assert.equal(flac!.format.bitDepth, 24);
  assert.equal(flac!.format.frames, 48000 * 8);
  near(flac!.levels.integratedLufs, wav, 0.005, 'flac');
  assert.equal(aiff!.format.container, 'aiff');
  near(aiff!.levels.integratedLufs, wav, 0.005, 'aiff');
  assert.equal(mp3!.format.codec, 'mp3');
  assert.equal(mp3!.format.bitDepth, null);
  near(mp3!.levels.integratedLufs, wav, 0.1, 'mp3');
  assert.deepEqual([opus!.format.container, opus!.format.codec, opus!.format.sampleRate], ['ogg', 'opus', 48000]);
  near(opus!.levels.integratedLufs, wav, 0.1, 'opus');
  assert.deepEqual([m4a!.format.container, m4a!.format.codec], ['mp4', 'aac']);
  near(m4a!.levels.integratedLufs, wav, 0.1, 'aac');
});

function spawnFfmpeg(args: string[]): number {
  return spawnSync(resolveFfmpeg().path, args, { stdio: 'ignore' }).status ?? -1;
}

test('analytic level statistics: RMS, crest factor, DC offset, PLR of a known sine', () => {
  const planar = sineSegments(48000, 2, [{ seconds: 10, dbfs: -6 }]);
  for (const ch of planar) for (let i = 0; i < ch.length; i++) ch[i]! += 0.01;
  writeWav(f('dc.wav'), planar, 48000, 'f32');
  const l = analyzeOne(f('dc.wav')).levels;
  const a = dbToAmp(-6);
  near(l.rmsDbfs, 10 * Math.log10((a * a) / 2 + 0.0001), 0.01, 'rms');
  l.dcOffset.forEach((d, i) => near(d, 0.01, 1e-4, `dc ${i}`));
  // 1 kHz at 48 kHz: every 48th sample lands on the crest, so the peak is a + DC, sampled or true
  const peakDb = 20 * Math.log10(a + 0.01);
  near(l.samplePeakDbfs, peakDb, 0.006, 'sample peak'); // printed to 0.01 dB
  near(l.crestFactorDb, peakDb - 10 * Math.log10((a * a) / 2 + 0.0001), 0.011, 'crest');
  // BS.1770: a 1 kHz sine of amplitude a in both channels reads 20·log10(a) LUFS (the DC is filtered out)
  near(l.integratedLufs, 20 * Math.log10(a), 0.05, 'integrated');
  near(l.plrDb, peakDb - 20 * Math.log10(a), 0.06, 'plr');
  assert.equal(l.channels.length, 2);
  near(l.phaseCorrelation, 1, 0.001, 'correlation');
});

test('--curves adds momentary and short-term series at a 100 ms hop', () => {
  writeWav(f('curves.wav'), sineSegments(48000, 2, [{ seconds: 10, dbfs: -23 }]), 48000, 's16');
  const r = analyzeOne(f('curves.wav'), ['--curves']) as Result & {
    curves: { hopSeconds: number; momentaryLufs: number[]; shortTermLufs: number[] };
  };
  near(r.curves.hopSeconds, 0.1, 1e-9, 'hop');
  assert.equal(r.curves.momentaryLufs.length, 97);
  assert.equal(r.curves.shortTermLufs.length, 71);
  for (const m of r.curves.momentaryLufs) near(m, -23, 0.1, 'momentary');
});

test('human-readable output by default; nothing but results on stdout, no ANSI codes when piped', () => {
  const r = shub(['analyze', f('c1-48000.wav')], dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Integrated loudness\s+-23\.0 LUFS/);
  assert.doesNotMatch(r.stdout + r.stderr, /\x1b\[/);
});

// ---- bad input --------------------------------------------------------------------------

function badFiles(): Record<string, string> {
  const good = readFileSync(f('c1-48000.wav'));
  writeFileSync(f('text.wav'), 'this is not audio, just text that was renamed\n'.repeat(20));
  writeFileSync(f('zero.wav'), '');
  writeFileSync(f('truncated.wav'), good.subarray(0, 30)); // cut inside the header
  writeFileSync(f('lying.wav'), good.subarray(0, good.indexOf('data') + 8)); // a data chunk with nothing in it
  const nan = sineSegments(48000, 2, [{ seconds: 2, dbfs: -20 }]);
  nan[0]![48000] = NaN;
  nan[1]![50000] = Infinity;
  writeWav(f('nan.wav'), nan, 48000, 'f32');
  const unknown = Buffer.from(good.subarray(0, 48000 * 6));
  unknown.writeUInt16LE(0x1234, 20); // an unknown codec tag
  writeFileSync(f('unknown-codec.wav'), unknown);
  mkdirSync(f('a-directory.wav'), { recursive: true });
  return {
    text: f('text.wav'),
    zero: f('zero.wav'),
    truncated: f('truncated.wav'),
    lying: f('lying.wav'),
    nan: f('nan.wav'),
    unknownCodec: f('unknown-codec.wav'),
    missing: f('does-not-exist.wav'),
    directory: f('a-directory.wav'),
  };
}

test('each bad input: one-line error naming the file, exit 3, no result but its --json error line', () => {
  const expected: Record<string, RegExp> = {
    text: /not a readable audio file/,
    zero: /empty \(0 bytes\)/,
    truncated: /truncated|damaged/,
    lying: /declares \d+ bytes of audio but the file holds only \d+/,
    nan: /2 NaN\/Inf samples \(first at 1\.000 s\)/,
    unknownCodec: /not a readable audio file|could not decode|unsupported|no audio/,
    missing: /no such file/,
    directory: /is a directory/,
  };
  for (const [name, file] of Object.entries(badFiles())) {
    const r = shub(['analyze', file, '--json'], dir);
    assert.equal(r.code, 3, `${name}: exit ${r.code}, stderr ${r.stderr}`);
    // SPEC §3: with --json an unreadable input still gets its line, and nothing else is printed
    const rows = ndjson<ErrorLine>(r.stdout);
    assert.equal(rows.length, 1, `${name}: one line, got ${r.stdout}`);
    assert.deepEqual(Object.keys(rows[0]!), ['file', 'error', 'runId', 'shubVersion'], name);
    assert.equal(rows[0]!.file, file);
    assert.equal(rows[0]!.error.code, 'unreadable-input');
    assert.equal(rows[0]!.error.exitCode, 3);
    assert.ok(`error: ${rows[0]!.error.message}` === r.stderr.trim(), `${name}: the same message as stderr`);
    assert.match(rows[0]!.runId, UUID_V7);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${name}: one line, got ${r.stderr}`);
    assert.ok(lines[0]!.startsWith(`error: ${file}: `), `${name}: names the file: ${lines[0]}`);
    assert.match(lines[0]!, expected[name]!, name);
    assert.doesNotMatch(r.stderr, /\n\s+at /, `${name}: no stack trace`);
  }
});

test('a batch with bad files: good files still get results in input order, exit 3', () => {
  const bad = badFiles();
  const files = [f('c1-48000.wav'), bad.text!, f('mono20.wav'), bad.missing!, bad.nan!, f('c1-44100.wav')];
  const r = shub(['analyze', ...files, '--json', '--jobs', '3'], dir);
  assert.equal(r.code, 3);
  const rows = ndjson<Result | ErrorLine>(r.stdout);
  // one line per input, in input order: results and error lines alike, all of one run
  assert.deepEqual(
    rows.map((x) => [x.file, 'error' in x]),
    files.map((file, i) => [file, i === 1 || i === 3 || i === 4]),
  );
  assert.equal(new Set(rows.map((x) => x.runId)).size, 1);
  assert.ok(rows.every((x) => x.shubVersion === shubVersion()));
  assert.equal(r.stderr.trim().split('\n').length, 3);
});

test('usage errors exit 2: unknown option, unknown feature, no files', () => {
  for (const args of [
    ['analyze', '--bogus', 'x.wav'],
    ['analyze', f('c1-48000.wav'), '--features', 'levels,bogus'],
    ['analyze'],
    ['analyze', 'x.wav', '--jobs', '0'],
  ]) {
    const r = shub(args, dir);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code} ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /error/);
  }
});

test('a missing ffmpeg is an environment error (exit 4) naming how to configure it', () => {
  const r = shub(['analyze', f('src.flac'), '--ffmpeg', '/nonexistent/ffmpeg'], dir);
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /ffmpeg not found at '\/nonexistent\/ffmpeg' \(from --ffmpeg\)/);
  const env = shub(['analyze', f('src.flac')], dir, { SHUB_FFMPEG: '/nope/ffmpeg' });
  assert.equal(env.code, 4);
  assert.match(env.stderr, /from SHUB_FFMPEG/);
});

test('the run record: one JSON file per run with inputs, sha256, results and decisions', () => {
  const storeDir = f('store');
  const r = shub(['analyze', f('c1-48000.wav'), f('text.wav'), '--json', '--store-dir', storeDir], dir);
  assert.equal(r.code, 3);
  const runs = readdirSync(path.join(storeDir, 'runs'));
  assert.equal(runs.length, 1);
  assert.match(runs[0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.json$/);
  const run = JSON.parse(readFileSync(path.join(storeDir, 'runs', runs[0]!), 'utf8'));
  const sha = createHash('sha256')
    .update(readFileSync(f('c1-48000.wav')))
    .digest('hex');
  assert.equal(run.command, 'analyze');
  assert.equal(run.status, 'partial');
  assert.equal(run.exitCode, 3);
  assert.equal(run.inputs.length, 1);
  assert.equal(run.inputs[0].sha256, sha);
  assert.equal(run.inputs[0].sizeBytes, statSync(f('c1-48000.wav')).size);
  assert.equal(run.results[0].sha256, sha);
  const printed = ndjson<Result>(r.stdout);
  assert.equal(printed[0]!.sha256, sha);
  // every printed line carries the id of the run that recorded it
  assert.deepEqual(
    printed.map((x) => x.runId),
    [run.runId, run.runId],
  );
  assert.equal(printed[0]!.shubVersion, run.shubVersion);
  assert.deepEqual(run.results, [printed[0]], 'the record holds what --json printed');
  assert.equal(run.errors.length, 1);
  assert.match(run.errors[0].message, /text\.wav/);
  const weights = run.decisions.find((d: { decision: string }) => d.decision === 'channelWeights');
  assert.deepEqual(weights.value, [1, 1]);
  assert.ok(run.decisions.every((d: { reason: string }) => d.reason.length > 10));
  // nothing half-written next to it
  assert.deepEqual(
    readdirSync(path.join(storeDir, 'runs')).filter((n) => n.endsWith('.tmp')),
    [],
  );
});

test('config file: store.dir from shub.config.yaml; a bad key is a usage error naming file and key', () => {
  const proj = f('proj');
  mkdirSync(proj, { recursive: true });
  writeFileSync(path.join(proj, 'shub.config.yaml'), 'store:\n  dir: my-runs\n');
  const ok = shub(['analyze', f('mono20.wav'), '--json'], proj);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(readdirSync(path.join(proj, 'my-runs', 'runs')).length, 1);
  writeFileSync(path.join(proj, 'shub.config.yaml'), 'store:\n  dir: 42\n');
  const bad = shub(['analyze', f('mono20.wav')], proj);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /shub\.config\.yaml: store\.dir: /);
});

test('a truncated final frame is ignored with a warning, not an error', () => {
  const good = readFileSync(f('mono20.wav'));
  const torn = Buffer.concat([good, Buffer.from([1])]);
  torn.writeUInt32LE(torn.readUInt32LE(40) + 1, 40); // data chunk of the 44-byte canonical header
  writeFileSync(f('torn.wav'), torn);
  const r = shub(['analyze', f('torn.wav'), '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: .*ignored 1 bytes/);
  truncateSync(f('torn.wav'), 44);
});

test('rate and channel extremes: 8 kHz and 384 kHz measure right; 7 kHz and 9 channels are refused (exit 3)', () => {
  writeWav(f('r8k.wav'), sineSegments(8000, 2, [{ seconds: 5, dbfs: -23 }]), 8000, 's16');
  writeWav(f('r384k.wav'), sineSegments(384000, 2, [{ seconds: 3, dbfs: -23 }]), 384000, 's24');
  for (const [name, rate] of [
    ['r8k.wav', 8000],
    ['r384k.wav', 384000],
  ] as const) {
    const r = analyzeOne(f(name));
    assert.equal(r.format.sampleRate, rate);
    near(r.levels.integratedLufs, -23, 0.1, `I @${rate}`);
    near(r.levels.truePeakDbtp, -23, 0.05, `TP @${rate}`);
  }
  writeWav(f('r7k.wav'), sineSegments(7000, 1, [{ seconds: 1, dbfs: -23 }]), 7000, 's16');
  writeWav(f('ch9.wav'), sineSegments(48000, 9, [{ seconds: 1, dbfs: -23 }]), 48000, 's16');
  const low = shub(['analyze', f('r7k.wav')], dir);
  assert.equal(low.code, 3);
  assert.match(low.stderr, /sample rate 7000 Hz is outside the supported 8000–384000 Hz; resample it/);
  const wide = shub(['analyze', f('ch9.wav')], dir);
  assert.equal(wide.code, 3);
  assert.match(wide.stderr, /9 channels is outside the supported 1–8/);
});

test('in process: the pitch from the relayed mono mix equals the pitch decoded by the tracker (196 Hz)', async () => {
  // G3 with its octave, s24 stereo: with spectral the pitch tracker takes the STFT's mono mix one block later,
  // alone it decodes the PCM itself; the f0 track must be the same to the bit and on the tone
  const n = 3 * 48000;
  const tone = new Float64Array(n);
  for (let i = 0; i < n; i++)
    tone[i] = 0.3 * Math.sin((2 * Math.PI * 196 * i) / 48000) + 0.1 * Math.sin((2 * Math.PI * 392 * i) / 48000);
  writeWav(f('g3.wav'), [tone, tone], 48000, 's24');
  const run = async (features: AnalyzeFeature[]) => {
    const outcome = await analyze({
      files: [f('g3.wav')],
      features,
      pitchFrames: true,
      ffmpeg: resolveFfmpeg(),
      store: new NoStore(),
      args: ['analyze', 'in-process'],
    });
    assert.equal(outcome.exitCode, 0);
    return outcome.results[0]!.pitch!;
  };
  const relayed = await run(['spectral', 'pitch']);
  const decoded = await run(['pitch']);
  near(relayed.medianHz, 196, 0.5, 'median f0 from the relayed mono mix');
  assert.ok(relayed.voicedRatio > 0.95, `voiced ${relayed.voicedRatio}`);
  assert.ok(relayed.frames!.length > 250, `frames ${relayed.frames!.length}`);
  assert.deepEqual(relayed, decoded);
});

test('in process: analyze() takes plain options and the given run id; results and errors in input order', async () => {
  writeWav(f('inproc.wav'), sineSegments(48000, 2, [{ seconds: 4, dbfs: -23 }]), 48000, 's16');
  writeFileSync(f('inproc-text.wav'), 'not audio');
  const store = new JsonStore(f('inproc-store'));
  const runId = uuidv7();
  const order: string[] = [];
  const outcome = await analyze({
    files: [f('inproc-text.wav'), f('inproc.wav')],
    features: ['levels'],
    ffmpeg: resolveFfmpeg(),
    store,
    runId,
    args: ['analyze', 'in-process'],
    onResult: (r) => order.push(`result ${path.basename(r.file)} ${r.runId === runId}`),
    onError: (file, e) => order.push(`error ${path.basename(file)} ${exitCodeOf(e)}`),
  });
  assert.deepEqual(order, ['error inproc-text.wav 3', 'result inproc.wav true']);
  assert.equal(outcome.exitCode, 3);
  assert.equal(outcome.run.runId, runId);
  assert.equal(outcome.run.status, 'partial');
  assert.deepEqual(outcome.run.args, ['analyze', 'in-process']);
  const [r] = outcome.results;
  near(r!.levels!.integratedLufs, -23, 0.1, 'in-process I');
  assert.equal(r!.spectral, undefined, 'only the features asked for');
  assert.equal(r!.shubVersion, shubVersion());
  assert.deepEqual((await store.getRun(runId))!.results, outcome.results);
  // the same options as the CLI: --features is parsed by the command, not inside analyze()
  assert.deepEqual(parseFeatures('levels, key,levels'), ['levels', 'key']);
  assert.throws(() => parseFeatures('levels,bpm'), /unknown feature 'bpm'; available: levels, spectral/);
});
