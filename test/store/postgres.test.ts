/**
 * The PostgreSQL store in-process, on a throwaway cluster: migrations, schema checks, the same
 * content as the JSON store, derived analyses/validations rows, parallel writers, one-transaction
 * writes and passwords.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres.js';
import { JsonStore } from '../../src/store/json.js';
import { EnvironmentError, UsageError } from '../../src/errors.js';
import { uuidv7 } from '../../src/store/run.js';
import type { HistoryQuery, RunRecord } from '../../src/store/types.js';
import { startPostgres, type TestPostgres } from '../helpers/pg.js';
import { tempDir } from '../helpers/cli.js';

let server: TestPostgres;
const { dir, cleanup } = tempDir('shub-pg-store-');
before(async () => {
  server = await startPostgres();
});
after(async () => {
  await server?.stop();
  cleanup();
});

async function query<T extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

async function migratedDatabase(): Promise<{ url: string; store: PostgresStore }> {
  const url = await server.createDatabase();
  const admin = await PostgresStore.connect(url, { checkSchema: false });
  await admin.migrate('latest');
  await admin.close();
  return { url, store: await PostgresStore.connect(url) };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const FORMAT = {
  container: 'wav',
  codec: 'pcm_s24le',
  sampleRate: 48000,
  channels: 2,
  bitDepth: 24,
  frames: 480000,
  durationSeconds: 10,
};

function analyzeRun(at: number, files: string[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: uuidv7(at),
    command: 'analyze',
    args: ['analyze', ...files, '--json'],
    shubVersion: '0.1.0',
    host: 'ci-runner-3',
    startedAt: new Date(at).toISOString(),
    endedAt: new Date(at + 2345).toISOString(),
    status: 'ok',
    exitCode: 0,
    inputs: files.map((f) => ({ path: f, sizeBytes: 2_880_044, sha256: sha(f), format: FORMAT })),
    outputs: [],
    results: files.map((f, i) => ({
      file: f,
      sha256: sha(f),
      format: FORMAT,
      levels: {
        integratedLufs: -14 - i,
        loudnessRangeLu: 6.5,
        truePeakDbtp: i === 1 ? null : -1.02,
        dcOffset: [0, 0],
        silence: { leadingSeconds: 0, trailingSeconds: 0.25 },
      },
      tempo: { bpm: 120 + i, confidence: 0.8, beats: [0.5, 1] },
      key: { key: 'A minor', tonic: 'A', mode: 'minor' },
    })),
    errors: [],
    decisions: files.flatMap((f) => [
      {
        engine: 'io.decode',
        decision: 'decoder',
        value: 'native-wav',
        reason: 'WAV is read by the native reader',
        inputs: { file: f },
      },
      {
        engine: 'levels.truePeak',
        decision: 'oversampling',
        value: 4,
        unit: 'x',
        reason: 'BS.1770-4 Annex 2 asks for >= 4x',
        inputs: { sampleRate: 48000 },
      },
      {
        engine: 'master.limiter',
        decision: 'ceiling',
        value: -1.0,
        unit: 'dBTP',
        reason: 'spotify asks for at most -1 dBTP',
        inputs: { truePeakDbtp: 0.3 },
        alternatives: [{ value: -2.0, why_not: 'only needed above -14 LUFS' }],
        confidence: 0.9,
      },
      { engine: 'tempo', decision: 'octave', value: null, reason: 'no octave correction was needed' },
    ]),
    ...extra,
  };
}

function otherRuns(t: number): RunRecord[] {
  const failed = analyzeRun(t + 10_000, ['broken.wav'], {
    status: 'failed',
    exitCode: 3,
    inputs: [],
    results: [],
    decisions: [],
    errors: [{ file: 'broken.wav', message: 'broken.wav: not a readable audio file', exitCode: 3 }],
  });
  const validate: RunRecord = {
    ...analyzeRun(t + 20_000, ['album/01.wav', 'album/02.wav']),
    command: 'validate',
    args: ['validate', 'album/01.wav', 'album/02.wav', '--platform', 'spotify,ebu-r128'],
    status: 'ok',
    exitCode: 1,
    decisions: [],
    results: [
      {
        file: 'album/01.wav',
        sha256: sha('album/01.wav'),
        platforms: [
          { platform: 'spotify', passed: true, checks: [{ check: 'integratedLufs', passed: true, value: -14.1 }] },
          {
            platform: 'ebu-r128',
            passed: false,
            checks: [{ check: 'integratedLufs', passed: false, value: -14.1, expected: [-24, -22] }],
          },
        ],
      },
      // no sha256 in the result: the asset is found through the input with the same path
      { file: 'album/02.wav', platforms: [{ platform: 'spotify', passed: true, checks: [] }] },
    ],
  };
  const master: RunRecord = {
    ...analyzeRun(t + 30_000, ['mix.wav']),
    command: 'master',
    args: ['master', 'mix.wav', '--target', 'spotify'],
    outputs: [{ path: 'out/mix.spotify.wav', sha256: sha('out/mix.spotify.wav'), role: 'master:spotify' }],
    results: [{ file: 'mix.wav', targets: [{ target: 'spotify', integratedLufs: -14.0 }] }],
  };
  return [failed, validate, master];
}

test('migrations: up, down, down, up round trip on an empty database', async () => {
  const url = await server.createDatabase();
  const store = await PostgresStore.connect(url, { checkSchema: false });
  try {
    const tables = async () =>
      (
        await query<{ t: string }>(
          url,
          `select table_name as t from information_schema.tables where table_schema = 'public' order by 1`,
        )
      ).map((r) => r.t);
    const indexes = async () =>
      (
        await query<{ i: string }>(
          url,
          `select indexname as i from pg_indexes where schemaname = 'public' and indexname like '%_idx'`,
        )
      ).length;
    const state0 = await store.schemaState();
    assert.deepEqual(state0, {
      applied: [],
      pending: ['0001_initial', '0002_history_indexes', '0003_interrupted_runs', '0004_queue_jobs'],
      unknown: [],
    });

    const up = await store.migrate('latest');
    assert.deepEqual(
      up.map((s) => [s.name, s.direction, s.status]),
      [
        ['0001_initial', 'up', 'done'],
        ['0002_history_indexes', 'up', 'done'],
        ['0003_interrupted_runs', 'up', 'done'],
        ['0004_queue_jobs', 'up', 'done'],
      ],
    );
    assert.deepEqual(await tables(), [
      'analyses',
      'assets',
      'decisions',
      'outputs',
      'run_inputs',
      'runs',
      'shub_migration',
      'shub_migration_lock',
      'validations',
    ]);
    assert.equal(await indexes(), 8);
    assert.deepEqual(await store.migrate('latest'), [], 'migrating again does nothing');

    // a run done by a queue worker records its job (0004); going down drops it
    const queued = {
      ...analyzeRun(Date.now(), ['queued.wav']),
      job: { id: 'j1', queue: 'shub.analyze', attempt: 2, worker: 'w' },
    };
    await store.saveRun(queued);
    assert.deepEqual((await store.getRun(queued.runId))?.job, queued.job);
    assert.deepEqual(
      (await store.migrate('down')).map((s) => [s.name, s.direction, s.status]),
      [['0004_queue_jobs', 'down', 'done']],
    );
    assert.equal((await store.getRun(queued.runId))?.job, undefined);
    // a run stopped by SIGINT is recorded as interrupted (0003); going down turns it into failed
    const stopped = { ...analyzeRun(Date.now(), ['stopped.wav']), status: 'interrupted' as const, exitCode: 130 };
    await store.saveRun(stopped);
    assert.equal((await store.getRun(stopped.runId))?.status, 'interrupted');
    assert.deepEqual(
      (await store.migrate('down')).map((s) => [s.name, s.direction, s.status]),
      [['0003_interrupted_runs', 'down', 'done']],
    );
    assert.equal((await store.getRun(stopped.runId))?.status, 'failed');
    await assert.rejects(store.saveRun({ ...stopped, runId: uuidv7() }), /runs_status_check/);
    assert.deepEqual(
      (await store.migrate('down')).map((s) => [s.name, s.direction, s.status]),
      [['0002_history_indexes', 'down', 'done']],
    );
    assert.equal(await indexes(), 0);
    assert.deepEqual((await store.schemaState()).pending, [
      '0002_history_indexes',
      '0003_interrupted_runs',
      '0004_queue_jobs',
    ]);
    assert.deepEqual(
      (await store.migrate('down')).map((s) => s.name),
      ['0001_initial'],
    );
    assert.deepEqual(await tables(), ['shub_migration', 'shub_migration_lock']);

    const again = await store.migrate('latest');
    assert.equal(again.length, 4);
    assert.equal(await indexes(), 8);
    const state = await store.schemaState();
    assert.deepEqual(state.pending, []);
    assert.deepEqual(
      state.applied.map((a) => a.name),
      ['0001_initial', '0002_history_indexes', '0003_interrupted_runs', '0004_queue_jobs'],
    );
    // and it works
    const run = analyzeRun(Date.now(), ['a.wav']);
    await store.saveRun(run);
    assert.deepEqual(await store.getRun(run.runId), run);
  } finally {
    await store.close();
  }
});

test('a command refuses an un-migrated, out-of-date or newer schema, naming `shub db migrate`', async () => {
  const url = await server.createDatabase();
  await assert.rejects(
    PostgresStore.connect(url, { source: '--db' }),
    (e: unknown) =>
      e instanceof EnvironmentError &&
      e.exitCode === 4 &&
      /not migrated/.test(e.message) &&
      /`shub db migrate` with the same --db/.test(e.message),
  );
  const admin = await PostgresStore.connect(url, { checkSchema: false });
  await admin.migrate('latest');
  await admin.migrate('down');
  await assert.rejects(
    PostgresStore.connect(url),
    (e: unknown) =>
      e instanceof EnvironmentError &&
      /out of date \(1 migration\(s\) pending: 0004_queue_jobs\)/.test(e.message) &&
      /shub db migrate/.test(e.message),
  );
  await admin.migrate('latest');
  await query(url, `insert into shub_migration (name, timestamp) values ('0099_from_the_future', now())`);
  await assert.rejects(
    PostgresStore.connect(url),
    (e: unknown) => e instanceof EnvironmentError && /newer shub/.test(e.message),
  );
  await admin.close();
});

test('runs read back the same from PostgreSQL as from the JSON store (show and every history filter)', async () => {
  const { store } = await migratedDatabase();
  const json = new JsonStore(path.join(dir, 'same'));
  const t = Date.parse('2025-05-01T09:00:00Z');
  const runs = [
    analyzeRun(t, ['mix.wav', 'stems/kick.wav', 'stems/snare.wav']),
    ...otherRuns(t),
    analyzeRun(t + 40_000, ['mix.wav']),
  ];
  try {
    for (const r of runs) {
      await store.saveRun(r);
      await json.saveRun(r);
    }
    for (const r of runs) {
      const fromPg = await store.getRun(r.runId);
      assert.deepEqual(fromPg, await json.getRun(r.runId), `${r.command} run`);
      assert.deepEqual(fromPg, r);
      // decisions print alike: same keys in the same order
      assert.equal(JSON.stringify(fromPg!.decisions), JSON.stringify(r.decisions));
    }
    const queries: HistoryQuery[] = [
      {},
      { command: 'analyze' },
      { command: 'validate' },
      { since: new Date(t + 15_000) },
      { limit: 2 },
      { file: { paths: ['mix.wav'], sha256: null } },
      { file: { paths: ['nothing'], sha256: sha('album/02.wav') } },
      { file: { paths: ['stems/kick.wav'], sha256: null }, command: 'analyze', since: new Date(t - 1), limit: 10 },
      { command: 'nope' },
      // the run that wrote a file, by its path or its bytes
      { file: { paths: ['out/mix.spotify.wav'], sha256: null } },
      { file: { paths: ['elsewhere.wav'], sha256: sha('out/mix.spotify.wav') } },
    ];
    for (const q of queries) {
      const a = await store.listRuns(q);
      assert.deepEqual(a, await json.listRuns(q), JSON.stringify(q));
    }
    assert.equal((await store.listRuns({ file: { paths: ['mix.wav'], sha256: null } })).length, 3);
    const writers = await store.listRuns({ file: { paths: ['elsewhere.wav'], sha256: sha('out/mix.spotify.wav') } });
    assert.deepEqual(
      writers.map((r) => r.command),
      ['master'],
    );
    assert.equal((await store.getRun(runs[1]!.runId.slice(0, 13)))?.runId, runs[1]!.runId);
    await assert.rejects(store.getRun(runs[0]!.runId.slice(0, 4)), UsageError);
    assert.equal(await store.getRun('ffffffff-0000'), null);
  } finally {
    await store.close();
  }
});

test('analyses get metric columns, validations one row per platform, assets are unique by sha256', async () => {
  const { url, store } = await migratedDatabase();
  const t = Date.parse('2025-06-01T09:00:00Z');
  const first = analyzeRun(t, ['a.wav', 'b.wav', 'c.wav']);
  try {
    await store.saveRun(first);
    for (const r of otherRuns(t)) await store.saveRun(r);
    await store.saveRun(analyzeRun(t + 50_000, ['c.wav', 'a.wav'])); // the same files again
    const analyses = await query(
      url,
      `select a.file, a.integrated_lufs, a.loudness_range_lu, a.true_peak_dbtp, a.bpm, a.musical_key, s.sha256
      from analyses a join assets s on s.id = a.asset_id where a.run_id = $1 order by a.seq`,
      [first.runId],
    );
    assert.deepEqual(analyses, [
      {
        file: 'a.wav',
        integrated_lufs: -14,
        loudness_range_lu: 6.5,
        true_peak_dbtp: -1.02,
        bpm: 120,
        musical_key: 'A minor',
        sha256: sha('a.wav'),
      },
      {
        file: 'b.wav',
        integrated_lufs: -15,
        loudness_range_lu: 6.5,
        true_peak_dbtp: null,
        bpm: 121,
        musical_key: 'A minor',
        sha256: sha('b.wav'),
      },
      {
        file: 'c.wav',
        integrated_lufs: -16,
        loudness_range_lu: 6.5,
        true_peak_dbtp: -1.02,
        bpm: 122,
        musical_key: 'A minor',
        sha256: sha('c.wav'),
      },
    ]);
    const [full] = await query<{ result: unknown }>(url, 'select result from analyses where run_id = $1 and seq = 0', [
      first.runId,
    ]);
    assert.deepEqual(full!.result, first.results[0]);

    const validations = await query(
      url,
      `select v.file, v.platform, v.passed, v.checks, s.sha256
       from validations v left join assets s on s.id = v.asset_id order by v.seq`,
    );
    assert.equal(validations.length, 3);
    assert.deepEqual(
      validations.map((v) => [v.file, v.platform, v.passed, v.sha256]),
      [
        ['album/01.wav', 'spotify', true, sha('album/01.wav')],
        ['album/01.wav', 'ebu-r128', false, sha('album/01.wav')],
        ['album/02.wav', 'spotify', true, sha('album/02.wav')],
      ],
    );
    assert.deepEqual(validations[1]!.checks, [
      { check: 'integratedLufs', passed: false, value: -14.1, expected: [-24, -22] },
    ]);

    const assets = await query<{ sha256: string; n: string; sample_rate: number | null }>(
      url,
      'select sha256, sample_rate, count(*) over (partition by sha256) as n from assets',
    );
    assert.equal(assets.length, new Set(assets.map((a) => a.sha256)).size);
    assert.equal(assets.length, 3 + 2 + 1 + 1, 'a b c, album/01 album/02, mix, the master output');
    const [output] = await query(
      url,
      `select o.role, o.path, s.sha256 from outputs o join assets s on s.id = o.asset_id`,
    );
    assert.deepEqual(output, {
      role: 'master:spotify',
      path: 'out/mix.spotify.wav',
      sha256: sha('out/mix.spotify.wav'),
    });
    const [runRow] = await query(url, `select results, errors from runs where id = $1`, [first.runId]);
    assert.deepEqual(runRow, { results: null, errors: [] }, 'analyze results live in analyses only');
  } finally {
    await store.close();
  }
});

test('parallel writers over the same files lose nothing and do not deadlock', async () => {
  const { url } = await migratedDatabase();
  const files = ['p/1.wav', 'p/2.wav', 'p/3.wav', 'p/4.wav', 'p/5.wav'];
  const stores = await Promise.all(Array.from({ length: 6 }, () => PostgresStore.connect(url)));
  const t = Date.now();
  try {
    // each writer sees the files in a different order, as separate CI jobs would
    const runs = Array.from({ length: 24 }, (_, i) =>
      analyzeRun(t + i, [...files.slice(i % 5), ...files.slice(0, i % 5)].reverse()),
    );
    await Promise.all(runs.map((r, i) => stores[i % stores.length]!.saveRun(r)));
    const [counts] = await query<Record<string, string>>(
      url,
      `select
      (select count(*) from runs) as runs, (select count(*) from analyses) as analyses,
      (select count(*) from decisions) as decisions, (select count(*) from assets) as assets,
      (select count(*) from run_inputs) as inputs`,
    );
    assert.deepEqual(counts, {
      runs: '24',
      analyses: '120',
      decisions: String(24 * 5 * 4),
      assets: '5',
      inputs: '120',
    });
    for (const r of runs.slice(0, 3)) assert.deepEqual(await stores[0]!.getRun(r.runId), r);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});

test('a run is written whole or not at all', async () => {
  const { url, store } = await migratedDatabase();
  const bad = analyzeRun(Date.now(), ['x.wav'], {
    outputs: [{ path: 'out.wav', sha256: 'not-a-hash', role: 'master:cd' }],
  });
  try {
    await assert.rejects(store.saveRun(bad));
    const [n] = await query<{ runs: string; assets: string; decisions: string }>(
      url,
      `select (select count(*) from runs) as runs, (select count(*) from assets) as assets,
              (select count(*) from decisions) as decisions`,
    );
    assert.deepEqual(n, { runs: '0', assets: '0', decisions: '0' });
    // the same run id twice is refused, the first stays intact
    const ok = analyzeRun(Date.now(), ['y.wav']);
    await store.saveRun(ok);
    await assert.rejects(store.saveRun({ ...ok, status: 'failed' }));
    assert.deepEqual(await store.getRun(ok.runId), ok);
  } finally {
    await store.close();
  }
});

test('the password is in no stored row and no error message', async () => {
  const { url, store } = await migratedDatabase();
  const password = server.password;
  assert.ok(password.length >= 8, 'the test server uses a password (SHUB_TEST_DATABASE_URL must carry one)');
  const run = analyzeRun(Date.now(), ['a.wav'], {
    args: ['analyze', 'a.wav', '--db', url],
    errors: [{ file: null, message: `could not reach ${url}`, exitCode: 4 }],
    status: 'partial',
    exitCode: 4,
  });
  try {
    await store.saveRun(run);
    assert.ok(!store.location.includes(password));
    const dump = await query<{ t: string }>(url, `select row_to_json(r)::text as t from runs r`);
    assert.equal(dump.length, 1);
    assert.ok(!dump[0]!.t.includes(password), dump[0]!.t);
    assert.match(dump[0]!.t, /:\*\*\*@/);
    const back = await store.getRun(run.runId);
    assert.ok(!JSON.stringify(back).includes(password));
    // a wrong password and an unreachable server: the message hides the password
    const wrong = url.replace(`:${password}@`, ':wrong-password-123@');
    await assert.rejects(
      PostgresStore.connect(wrong),
      (e: unknown) =>
        e instanceof EnvironmentError &&
        /refused the login/.test(e.message) &&
        !e.message.includes('wrong-password-123') &&
        !(e.stack ?? '').includes('wrong-password-123'),
    );
    const t0 = Date.now();
    await assert.rejects(
      PostgresStore.connect('postgres://shub:unreach-secret@127.0.0.1:1/shub'),
      (e: unknown) =>
        e instanceof EnvironmentError && /unreachable/.test(e.message) && !e.message.includes('unreach-secret'),
    );
    assert.ok(Date.now() - t0 < 5000);
  } finally {
    await store.close();
  }
});
