/**
 * `shub history`, `shub show` and `shub db status|migrate` as text: local times (in a fixed time
 * zone here), durations, status with exit code, files, the telling numbers of each result shape,
 * the numbered decision log, and migration states.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { formatDbStatus, formatHistory, formatRun } from '../../src/ui/history-text.js';
import type { RunRecord, RunSummary } from '../../src/store/types.js';

before(() => {
  process.env.TZ = 'Asia/Kolkata'; // UTC+05:30, no daylight saving: local times are known
});

const summary = (over: Partial<RunSummary>): RunSummary => ({
  runId: '0195f3a2-7c00-7000-8000-000000000001',
  command: 'analyze',
  status: 'ok',
  exitCode: 0,
  startedAt: '2025-03-01T14:02:07.000Z',
  endedAt: '2025-03-01T14:02:09.345Z',
  host: 'h',
  shubVersion: '0.1.0',
  args: [],
  files: ['a.wav'],
  inputCount: 1,
  outputCount: 0,
  resultCount: 1,
  errorCount: 0,
  decisionCount: 2,
  ...over,
});

test('history: a table in local time; status with a non-zero exit code; one, several or no files', () => {
  assert.equal(formatHistory([]), 'no runs');
  const text = formatHistory([
    summary({}),
    summary({
      runId: 'r2',
      command: 'validate',
      status: 'partial',
      exitCode: 3,
      startedAt: '2024-12-31T23:59:59.000Z',
      files: ['x.wav', 'y.wav', 'z.wav'],
      decisionCount: 0,
    }),
    summary({ runId: 'r3', command: 'db', files: [], decisionCount: 10 }),
  ]);
  const lines = text.split('\n');
  const cells = (l: string) => l.split(/ {2,}/);
  assert.deepEqual(cells(lines[0]!), ['STARTED', 'RUN', 'COMMAND', 'STATUS', 'DECISIONS', 'FILES']);
  assert.deepEqual(cells(lines[1]!), [
    '2025-03-01 19:32:07',
    '00000000', // the short id: the random last group, not the time part
    'analyze',
    'ok',
    '2',
    'a.wav',
  ]);
  assert.deepEqual(cells(lines[2]!), ['2025-01-01 05:29:59', 'r2', 'validate', 'partial (3)', '0', 'x.wav +2 more']);
  assert.deepEqual(cells(lines[3]!).slice(-2), ['10', '-']);
  assert.equal(lines[0]!.indexOf('FILES'), lines[2]!.indexOf('x.wav'), 'columns line up');
  assert.ok(
    lines.every((l) => l === l.trimEnd()),
    'no trailing blanks',
  );
});

const run = (over: Partial<RunRecord>): RunRecord => ({
  runId: '0195f3a2-7c00-7000-8000-00000000abcd',
  command: 'analyze',
  args: ['analyze', 'a.wav', '--json'],
  shubVersion: '0.1.0',
  host: 'studio-1',
  startedAt: '2025-03-01T14:02:07.000Z',
  endedAt: '2025-03-01T14:02:09.345Z',
  status: 'ok',
  exitCode: 0,
  inputs: [],
  outputs: [],
  results: [],
  errors: [],
  decisions: [],
  ...over,
});

test('show: header, inputs, outputs, result lines by shape, errors, numbered decisions with alternatives', () => {
  const text = formatRun(
    run({
      inputs: [
        {
          path: 'a.wav',
          sizeBytes: 100,
          sha256: '0123456789abcdef'.repeat(4),
          format: {
            container: 'wav',
            codec: 'pcm_s24le',
            sampleRate: 48000,
            channels: 2,
            bitDepth: 24,
            frames: 1,
            durationSeconds: 1,
          },
        },
        { path: 'gone.wav', sizeBytes: 0, sha256: null, format: null },
      ] as RunRecord['inputs'],
      outputs: [
        { role: 'master', path: 'out/a.spotify.wav', sha256: 'fedcba9876543210'.repeat(4) },
      ] as RunRecord['outputs'],
      results: [
        {
          file: 'a.wav',
          levels: { integratedLufs: -14.04, loudnessRangeLu: null, truePeakDbtp: -1.234 },
          tempo: { bpm: 120 },
          key: { key: 'A minor' },
        },
        { file: 'b.wav', levels: { integratedLufs: null, loudnessRangeLu: 5, truePeakDbtp: null } },
        {
          file: 'a.wav',
          platforms: [
            { platform: 'spotify', passed: true },
            { platform: 'tidal', passed: false },
          ],
        },
        { something: 'x'.repeat(200) },
      ],
      errors: [{ file: 'gone.wav', exitCode: 3, message: 'gone.wav: no such file' }] as RunRecord['errors'],
      decisions: [
        {
          engine: 'master.limiter',
          decision: 'ceiling',
          value: -1,
          unit: 'dBTP',
          reason: 'the platform ceiling',
          inputs: { platform: 'spotify' },
          alternatives: [{ value: -2, why_not: 'costs loudness' }],
          confidence: 0.9,
        },
        { engine: 'tempo', decision: 'bpm', value: 120, reason: 'strongest periodicity' },
      ],
    }),
  );
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(0, 5), [
    'Run       0195f3a2-7c00-7000-8000-00000000abcd',
    'Command   shub analyze a.wav --json',
    'Status    ok (exit 0)',
    'Started   2025-03-01 19:32:07, took 2.35 s',
    'Host      studio-1, shub 0.1.0',
  ]);
  const section = (title: string) => {
    const at = lines.indexOf(title);
    assert.ok(at > 0, `section ${title}`);
    const end = lines.indexOf('', at);
    return lines.slice(at + 1, end < 0 ? undefined : end);
  };
  assert.deepEqual(section('Inputs (2)'), [
    '  a.wav  0123456789ab  pcm_s24le, 48000 Hz, 2 ch',
    '  gone.wav  -  not read',
  ]);
  assert.deepEqual(section('Outputs (1)'), ['  master  out/a.spotify.wav  fedcba987654']);
  const results = section('Results (4)');
  assert.deepEqual(results.slice(0, 3), [
    '  a.wav: -14.0 LUFS, LRA n/a, TP -1.23 dBTP, 120.0 BPM, A minor',
    '  b.wav: -inf LUFS, LRA 5.0 LU, TP -inf dBTP',
    '  a.wav: spotify pass, tidal FAIL',
  ]);
  assert.equal(results[3]!.length, 2 + 120, 'other results: JSON cut to 120 characters');
  assert.ok(results[3]!.endsWith('…'));
  assert.deepEqual(section('Errors (1)'), ['  exit 3: gone.wav: no such file']);
  assert.deepEqual(section('Decisions (2)'), [
    '    1. master.limiter ceiling = -1 dBTP (confidence 0.9)',
    '       the platform ceiling',
    '       inputs: {"platform":"spotify"}',
    '       not -2: costs loudness',
    '    2. tempo bpm = 120',
    '       strongest periodicity',
  ]);
});

test('show: durations in s, in min and s (rounded whole), and a run without args or decisions', () => {
  const took = (end: string) => /took (.*)$/m.exec(formatRun(run({ endedAt: end })))![1];
  assert.equal(took('2025-03-01T14:02:19.345Z'), '12.3 s');
  assert.equal(took('2025-03-01T14:04:12.000Z'), '2 min 5 s');
  assert.equal(took('2025-03-01T14:04:06.600Z'), '2 min 0 s');
  const bare = formatRun(run({ args: [], command: 'db' }));
  assert.match(bare, /^Command {3}shub db$/m);
  assert.ok(bare.endsWith('\n\nDecisions (0)'));
  assert.ok(!/Inputs|Outputs|Results|Errors/.test(bare));
});

test('db status and migrate: the database, whether the schema is current, each migration with its state', () => {
  const applied = { name: '0001_initial', state: 'applied' as const, executedAt: '2025-03-01T00:00:00.000Z' };
  const pending = { name: '0002_history_indexes', state: 'pending' as const, executedAt: null };
  const status = formatDbStatus({
    database: 'postgresql://shub:***@db/shub',
    migrations: [applied, pending],
    upToDate: false,
  });
  assert.deepEqual(status.split('\n'), [
    'database  postgresql://shub:***@db/shub',
    'schema    NOT up to date: run `shub db migrate`',
    'MIGRATION             STATE    APPLIED AT',
    '0001_initial          applied  2025-03-01 05:30:00',
    '0002_history_indexes  pending  -',
  ]);
  const newer = formatDbStatus({
    database: 'd',
    migrations: [applied, { name: '0009_future', state: 'unknown', executedAt: '2025-03-02T00:00:00.000Z' }],
    upToDate: false,
  });
  assert.match(newer, /^schema {4}migrated by a newer shub: upgrade shub$/m);
  const migrated = formatDbStatus({
    database: 'd',
    migrations: [applied, { ...pending, state: 'applied', executedAt: '2025-03-01T00:00:00.000Z' }],
    upToDate: true,
    steps: [
      { name: '0002_history_indexes', direction: 'up', status: 'done' },
      { name: '0003_x', direction: 'down', status: 'failed' },
    ],
  } as Parameters<typeof formatDbStatus>[0]);
  assert.deepEqual(migrated.split('\n').slice(0, 4), [
    'applied 0002_history_indexes',
    'rolled back 0003_x (failed)',
    '',
    'database  d',
  ]);
  assert.match(migrated, /^schema {4}up to date$/m);
  const nothing = formatDbStatus({ database: 'd', migrations: [applied], upToDate: true, steps: [] } as Parameters<
    typeof formatDbStatus
  >[0]);
  assert.equal(nothing.split('\n')[0], 'd: nothing to migrate');
});
