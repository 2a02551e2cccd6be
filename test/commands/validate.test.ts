/**
 * `shub validate` end to end on files with known defects: every verdict, the exit code, the
 * NDJSON and the JUnit XML (parsed by an independent XML parser).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { masterLike, sineSegments, writeWav, type Planar } from '../../fixtures/signals.js';
import { validate, type ValidateResult } from '../../src/commands/validate.js';
import { loadPlatforms, selectPlatforms } from '../../src/recipes/platforms.js';
import { JsonStore } from '../../src/store/json.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import { exitCodeOf } from '../../src/errors.js';
import { mulberry32 } from '../../src/engines/random.js';

const { dir, cleanup } = tempDir();
after(cleanup);
const f = (name: string) => path.join(dir, name);

const files: Record<string, string> = {};
const make = (name: string, planar: Planar, rate: number, format: Parameters<typeof writeWav>[3] = 's24') => {
  writeWav(f(name), planar, rate, format);
  files[name] = f(name);
};

before(async () => {
  const compliant = await masterLike({ sampleRate: 48000, seconds: 12, integratedLufs: -14, truePeakDbtp: -1.5 });
  make('compliant.wav', compliant, 48000);
  // -9 LUFS: a plain 1 kHz sine at -9 dBFS per channel (true peak -9 dBTP: only loudness fails)
  make('loud.wav', sineSegments(48000, 2, [{ seconds: 12, dbfs: -9 }]), 48000);
  // clipped runs: the compliant master with four runs of 4 full-scale samples
  const clipped = compliant.map((ch) => Float64Array.from(ch));
  for (const start of [48000, 96000, 200000, 300000])
    for (const ch of clipped) for (let k = 0; k < 4; k++) ch[start + k] = 1.0;
  make('clipped.wav', clipped, 48000, 'f32');
  make('32k.wav', await masterLike({ sampleRate: 32000, seconds: 12, integratedLufs: -14, truePeakDbtp: -1.5 }), 32000);
  // DC offset 0.05 on a master with room above its peaks (so only the DC check fails)
  const dc = (await masterLike({ sampleRate: 48000, seconds: 12, integratedLufs: -14, truePeakDbtp: -3 })).map((ch) =>
    ch.map((x) => x + 0.05),
  );
  make('dc.wav', dc, 48000, 'f32');
  make(
    'lead3s.wav',
    compliant.map((ch) => Float64Array.from([...new Float64Array(3 * 48000), ...ch])),
    48000,
  );
  // inter-sample over (bed at -15 LUFS so the burst keeps it under -14 and the -1 dBTP ceiling applies):
  // a 20 ms fs/4 burst at 45° and amplitude -0.5 dBFS inside the compliant bed:
  // samples reach only 0.944·sin(45°) = -3.5 dBFS, the waveform between them -0.5 dBTP
  const isp = (await masterLike({ sampleRate: 48000, seconds: 12, integratedLufs: -15, truePeakDbtp: -4 })).map((ch) =>
    Float64Array.from(ch),
  );
  const a = 10 ** (-0.5 / 20);
  for (const ch of isp) for (let k = 0; k < 960; k++) ch[240000 + k] = a * Math.sin((Math.PI / 2) * k + Math.PI / 4);
  make('intersample.wav', isp, 48000, 'f32');
});

/** Failing check ids per platform, from NDJSON. */
function failing(r: ValidateResult, platform = 'spotify'): string[] {
  return r.platforms
    .find((p) => p.platform === platform)!
    .checks.filter((c) => !c.passed)
    .map((c) => c.id)
    .sort();
}

test('each defect fails exactly its own Spotify check; the compliant master passes them all', () => {
  const expected: Record<string, string[]> = {
    'compliant.wav': [],
    'loud.wav': ['integrated-loudness'],
    'clipped.wav': ['clipping', 'true-peak'],
    '32k.wav': ['sample-rate'],
    'dc.wav': ['dc-offset'],
    'lead3s.wav': ['leading-silence'],
    'intersample.wav': ['true-peak'],
  };
  for (const [name, ids] of Object.entries(expected)) {
    const r = shub(['validate', files[name]!, '--platform', 'spotify', '--json'], dir);
    assert.equal(r.code, ids.length === 0 ? 0 : 1, `${name}: exit ${r.code} ${r.stderr}`);
    const [row] = ndjson<ValidateResult>(r.stdout);
    assert.deepEqual(failing(row!), ids, name);
    assert.equal(row!.platforms[0]!.passed, ids.length === 0);
  }
});

test('the inter-sample file: sample peak below -1 dBFS, true peak above -1 dBTP', () => {
  const a = shub(['analyze', files['intersample.wav']!, '--json'], dir);
  const levels = ndjson<{ levels: { samplePeakDbfs: number; truePeakDbtp: number } }>(a.stdout)[0]!.levels;
  assert.ok(levels.samplePeakDbfs < -1, `sample peak ${levels.samplePeakDbfs}`);
  assert.ok(Math.abs(levels.truePeakDbtp - -0.5) <= 0.1, `true peak ${levels.truePeakDbtp}`);
  const v = ndjson<ValidateResult>(
    shub(['validate', files['intersample.wav']!, '--platform', 'spotify', '--json'], dir).stdout,
  )[0]!;
  const tp = v.platforms[0]!.checks.find((c) => c.id === 'true-peak')!;
  assert.equal(tp.passed, false);
  assert.equal(tp.limit, -1);
  assert.ok((tp.measured as number) > -1);
});

test("JSON checks carry id, measured value, limit and a message; loud masters get Spotify's -2 dBTP ceiling", () => {
  const r = shub(
    ['validate', files['compliant.wav']!, files['loud.wav']!, '--platform', 'spotify,ebu-r128', '--json'],
    dir,
  );
  assert.equal(r.code, 1);
  const [ok, loud] = ndjson<ValidateResult>(r.stdout);
  assert.equal(ok!.file, files['compliant.wav']);
  const spotify = ok!.platforms[0]!;
  assert.equal(spotify.platform, 'spotify');
  for (const c of spotify.checks) {
    assert.deepEqual(Object.keys(c).sort(), ['id', 'limit', 'measured', 'message', 'passed']);
    assert.ok(c.message.length > 5);
  }
  const li = spotify.checks.find((c) => c.id === 'integrated-loudness')!;
  assert.deepEqual(li.limit, [-15, -13]);
  assert.ok(Math.abs((li.measured as number) + 14) < 0.05);
  // the compliant master fails broadcast loudness (-14 is not -23 ± 0.5)
  assert.deepEqual(failing(ok!, 'ebu-r128'), ['integrated-loudness']);
  // -9 LUFS is louder than -14, so Spotify's stricter -2 dBTP ceiling applies (and the sine's -9 dBTP meets it)
  assert.equal(loud!.platforms[0]!.checks.find((c) => c.id === 'true-peak')!.limit, -2);
  assert.match(
    loud!.platforms[0]!.checks.find((c) => c.id === 'integrated-loudness')!.message,
    /5\.0 LU louder than Spotify's -14 LUFS target/,
  );
});

test('JUnit XML: a testcase per file × platform × check, failures with messages, unreadable files as errors', () => {
  const junit = f('report.xml');
  const names = ['compliant.wav', 'loud.wav', 'clipped.wav', 'dc.wav'];
  writeFileSync(f('garbage.wav'), 'not audio at all');
  const r = shub(
    [
      'validate',
      ...names.map((n) => files[n]!),
      f('garbage.wav'),
      '--platform',
      'spotify,cd',
      '--junit',
      junit,
      '--json',
    ],
    dir,
  );
  assert.equal(r.code, 3, 'unreadable input wins over failed checks');
  const lines = ndjson<ValidateResult | { file: string; error: { code: string } }>(r.stdout);
  const rows = lines.filter((x): x is ValidateResult => !('error' in x));
  assert.equal(rows.length, 4, 'the good files are still checked');
  // SPEC §3: the unreadable file still gets its line, last, as it came last
  const last = lines[4] as { file: string; error: { code: string } };
  assert.equal(lines.length, 5);
  assert.equal(last.file, f('garbage.wav'));
  assert.equal(last.error.code, 'unreadable-input');
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(junit, 'utf8'));
  const suites = xml.testsuites.testsuite as {
    name: string;
    tests: string;
    failures: string;
    errors: string;
    testcase: { name: string; failure?: { message: string }; error?: { message: string } }[];
  }[];
  assert.deepEqual(
    suites.map((s) => s.name),
    ['spotify', 'cd'],
  );
  for (const [i, suite] of suites.entries()) {
    const platform = suite.name;
    const checks = rows.flatMap((row) => row.platforms.find((p) => p.platform === platform)!.checks);
    assert.equal(
      suite.testcase.length,
      checks.length + 1,
      `${platform}: a testcase per check plus one for the unreadable file`,
    );
    assert.equal(Number(suite.tests), suite.testcase.length);
    const failures = suite.testcase.filter((t) => t.failure);
    assert.equal(failures.length, checks.filter((c) => !c.passed).length);
    assert.equal(Number(suite.failures), failures.length);
    assert.equal(Number(suite.errors), 1);
    assert.ok(suite.testcase.some((t) => t.error && /garbage\.wav/.test(t.error.message)));
    for (const t of failures) assert.ok(t.failure!.message.length > 10);
    void i;
  }
  assert.equal(
    Number(xml.testsuites.failures),
    suites.reduce((n, s) => n + Number(s.failures), 0),
  );
});

test('unknown platform: exit 2 listing the known ones, nothing processed; config overrides and adds platforms', () => {
  const r = shub(['validate', files['compliant.wav']!, '--platform', 'spotify,myspace'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /unknown target 'myspace'; known: spotify, apple-music, youtube/);
  writeFileSync(
    f('shub.config.yaml'),
    'platforms:\n  spotify:\n    truePeakCeilingDbtp: -2\n  my-label:\n    extends: spotify\n    name: My Label\n   ' +
      ' integratedLufs: -12\n',
  );
  const o = shub(['validate', files['compliant.wav']!, '--platform', 'spotify,my-label', '--json'], dir);
  assert.equal(o.code, 1);
  const [row] = ndjson<ValidateResult>(o.stdout);
  assert.deepEqual(failing(row!, 'spotify'), ['true-peak'], 'the -1.5 dBTP master now exceeds the overridden -2 dBTP');
  assert.deepEqual(failing(row!, 'my-label'), ['integrated-loudness', 'true-peak']);
  writeFileSync(f('shub.config.yaml'), 'platforms:\n  spotify:\n    truePeakCeilingDbtp: loud\n');
  const bad = shub(['validate', files['compliant.wav']!, '--platform', 'spotify'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /shub\.config\.yaml: platforms\.spotify\.truePeakCeilingDbtp: /);
  writeFileSync(f('shub.config.yaml'), '');
});

test('--codec-check catches a master that passes -1 dBTP but exceeds it after MP3 and AAC round trips', () => {
  // a dense, saturated multi-tone programme at exactly -1.2 dBTP: lossy coding noise adds overshoot
  const rate = 44100;
  const n = rate * 6;
  const rnd = mulberry32(7);
  const planar = [0, 1].map(() => {
    const x = new Float64Array(n);
    for (let p = 0; p < 60; p++) {
      const w = (2 * Math.PI * 60 * (8000 / 60) ** rnd()) / rate;
      const ph = rnd() * 2 * Math.PI;
      for (let i = 0; i < n; i++) x[i]! += Math.sin(w * i + ph);
    }
    const peak = x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    return x.map((v) => Math.tanh((4 * v) / peak));
  });
  make('dense.wav', planar, rate, 'f32');
  const tp = ndjson<{ levels: { truePeakDbtp: number } }>(
    shub(['analyze', files['dense.wav']!, '--json'], dir).stdout,
  )[0]!.levels.truePeakDbtp;
  const g = 10 ** ((-1.2 - tp) / 20);
  make(
    'dense.wav',
    planar.map((ch) => ch.map((x) => x * g)),
    rate,
    'f32',
  );

  // podcast: -1 dBTP ceiling whatever the loudness, delivered as MP3 and AAC
  const plain = shub(['validate', files['dense.wav']!, '--platform', 'podcast', '--json'], dir);
  const before = ndjson<ValidateResult>(plain.stdout)[0]!.platforms[0]!.checks.find((c) => c.id === 'true-peak')!;
  assert.equal(before.passed, true, `before encoding: ${before.measured}`);
  const r = shub(['validate', files['dense.wav']!, '--platform', 'podcast', '--codec-check', '--json'], dir);
  assert.equal(r.code, 1, r.stderr);
  const checks = ndjson<ValidateResult>(r.stdout)[0]!.platforms[0]!.checks;
  assert.equal(checks.find((c) => c.id === 'true-peak')!.passed, true);
  assert.equal(
    checks.some((c) => c.id === 'codec-true-peak-opus'),
    false,
    'podcast is not delivered as Opus',
  );
  const mp3 = checks.find((c) => c.id === 'codec-true-peak-mp3')!;
  const aac = checks.find((c) => c.id === 'codec-true-peak-aac')!;
  assert.equal(mp3.passed, false, `mp3 ${mp3.measured}`);
  assert.equal(aac.passed, false, `aac ${aac.measured}`);
  assert.ok((mp3.measured as number) > -1 && (aac.measured as number) > -1);
  assert.match(mp3.message, /after MP3 encode\/decode the true peak is -?\d+\.\d+ dBTP, over -1\.0 dBTP/);
  // and a compliant master stays compliant after the round trips
  const ok = shub(['validate', files['compliant.wav']!, '--platform', 'spotify', '--codec-check', '--json'], dir);
  assert.equal(ok.code, 0, ok.stdout);
});

test('the run record holds the verdicts and the ceiling decision', () => {
  const store = f('store');
  shub(['validate', files['loud.wav']!, '--platform', 'spotify', '--json', '--store-dir', store], dir);
  const [runFile] = readdirSync(path.join(store, 'runs'));
  const run = JSON.parse(readFileSync(path.join(store, 'runs', runFile!), 'utf8'));
  assert.equal(run.command, 'validate');
  assert.equal(run.exitCode, 1);
  assert.equal(run.results[0].platforms[0].passed, false);
  assert.equal(run.inputs[0].sha256.length, 64);
  const d = run.decisions.find((x: { decision: string }) => x.decision === 'truePeakCeiling');
  assert.equal(d.value, -2);
  assert.match(d.reason, /louder than -14 LUFS/);
});

test('in process: validate() takes plain options (no argv), reports in input order and records the run', async () => {
  const store = new JsonStore(f('inproc-store'));
  const platforms = selectPlatforms(await loadPlatforms(), 'spotify');
  writeFileSync(f('inproc-garbage.wav'), 'not audio');
  const inputs = [files['loud.wav']!, f('inproc-garbage.wav'), files['compliant.wav']!];
  const order: string[] = [];
  const outcome = await validate({
    files: inputs,
    platforms: Promise.resolve(platforms),
    ffmpeg: resolveFfmpeg(),
    store,
    jobs: 3,
    onResult: (r) => order.push(`result ${path.basename(r.file)}`),
    onError: (file, e) => order.push(`error ${path.basename(file)} ${exitCodeOf(e)}`),
  });
  assert.deepEqual(order, ['result loud.wav', 'error inproc-garbage.wav 3', 'result compliant.wav']);
  assert.equal(outcome.exitCode, 3, 'the unreadable input (3) outranks the failed check (1)');
  assert.deepEqual(failing(outcome.results[0]!), ['integrated-loudness']);
  assert.deepEqual(failing(outcome.results[1]!), []);
  for (const r of outcome.results) assert.equal(r.runId, outcome.run.runId);
  assert.deepEqual(await store.getRun(outcome.run.runId), outcome.run);
  assert.equal(outcome.run.errors[0]!.file, f('inproc-garbage.wav'));
});
