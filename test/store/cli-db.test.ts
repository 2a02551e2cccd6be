/**
 * The run store as a user drives it, end to end: `shub db migrate|status`, parallel `shub analyze
 * --db` processes, `shub history` / `shub show` on both stores, and the failure modes (unreachable,
 * un-migrated, out-of-date database; passwords).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { SHUB, TIMEOUT_MS, ndjson, tempDir, type CliResult } from '../helpers/cli.js';
import { ShubPool } from '../helpers/shub-pool.js';
import { startPostgres, type TestPostgres } from '../helpers/pg.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';
import type { RunRecord, RunSummary } from '../../src/store/types.js';

let server: TestPostgres;
const { dir, cleanup } = tempDir('shub-cli-db-');
const files = ['one.wav', 'two.wav', 'three.wav'].map((n) => path.join(dir, n));
/** Everything any shub process printed in this file, to check no password ever shows. */
const printed: string[] = [];

before(async () => {
  writeWav(files[0]!, sineSegments(48000, 2, [{ seconds: 3, dbfs: -20 }]), 48000, 's16');
  writeWav(files[1]!, sineSegments(44100, 1, [{ seconds: 2, dbfs: -12, freqHz: 440 }]), 44100, 's24');
  writeWav(files[2]!, sineSegments(48000, 2, [{ seconds: 4, dbfs: [-18, -24], freqHz: 220 }]), 48000, 'f32');
  server = await startPostgres();
});
after(async () => {
  pool.close();
  await server?.stop();
  cleanup();
});

interface Timed extends CliResult {
  ms: number;
}

/** `shub ARGS` as a child process that runs alongside others. */
function shubAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHUB, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      printed.push(stdout, stderr);
      resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/**
 * The command lines that are not about a process's start-up, exit or concurrency (`run`) go to reused processes: one
 * Node start-up per command name, not per command line. shubAsync's (parallel, timed) stay one-shot processes.
 */
const pool = new ShubPool();
/** What a reused process must end as a fresh one does: read-only command lines, run a second time fresh. */
const fresh = { checked: 0, differences: [] as string[] };
let readOnlySeen = 0;
/** Wall ms of the command lines in reused processes and of their fresh second runs. */
const took = { reused: 0, fresh: 0 };
const READ_ONLY = /^(history|show|db status)$/;

/**
 * `shub ARGS` in `cwd` with `env` over this process's environment (SHUB_DATABASE_URL unset unless given), as the
 * one-shot process it used to be: exit code, stdout, stderr. Every fourth read-only command line (history, show,
 * db status: running it twice changes nothing) runs again in a fresh process and must end the same, byte for byte.
 */
async function run(args: string[], cwd = dir, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const caseEnv = { SHUB_DATABASE_URL: '', NO_COLOR: process.env.NO_COLOR, ...env };
  const t0 = Date.now();
  const o = await pool.run(args, cwd, TIMEOUT_MS, caseEnv);
  took.reused += Date.now() - t0;
  const r: CliResult = { code: o.code ?? -1, stdout: o.stdout, stderr: o.stderr };
  printed.push(r.stdout, r.stderr);
  if (o.signal || o.timedOut) r.stderr += `\n(reused process: ${o.timedOut ? 'hang' : o.signal})`;
  const readOnly = READ_ONLY.test(args[0] === 'db' ? `db ${args[1]}` : (args[0] ?? ''));
  if (readOnly && readOnlySeen++ % 4 === 0) {
    const f = await shubAsync(args, cwd, caseEnv);
    took.fresh += f.ms;
    fresh.checked++;
    if (f.code !== r.code || f.stdout !== r.stdout || f.stderr !== r.stderr)
      fresh.differences.push(`shub ${args.join(' ')}: reused ${JSON.stringify(r)}, fresh ${JSON.stringify(f)}`);
  }
  return r;
}

async function count(url: string, table: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`select count(*) as n from ${table}`)).rows[0].n);
  } finally {
    await c.end();
  }
}

/** A run or history line without what differs between two runs of the same work (ids, times, store flags). */
function comparable<T extends Partial<RunSummary & RunRecord>>(x: T): Partial<T> {
  const { runId: _r, startedAt: _s, endedAt: _e, args: _a, ...rest } = x;
  // with --jobs, analyze records inputs in the order they finish: compare them as sets
  if (rest.files) rest.files = [...rest.files].sort();
  if (rest.inputs) rest.inputs = [...rest.inputs].sort((a, b) => a.path.localeCompare(b.path));
  // each printed result carries its run's id, which differs between the two stores' runs
  if (Array.isArray(rest.results))
    rest.results = rest.results.map((r) => {
      const { runId: _id, ...other } = r as Record<string, unknown>;
      return other;
    }) as typeof rest.results;
  return rest as Partial<T>;
}

test(
  'db migrate on an empty database, then 4 parallel analyze processes × 3 files: 4 runs, 12 analyses, ' +
    'all decisions; history and show agree with the JSON store',
  async () => {
    const url = await server.createDatabase();
    const work = path.join(dir, 'parallel');
    mkdirSync(work, { recursive: true });

    const status0 = await run(['db', 'status', '--db', url, '--json'], work);
    assert.equal(status0.code, 1, `pending migrations: exit 1 (${status0.stderr})`);
    assert.equal(JSON.parse(status0.stdout).upToDate, false);
    const migrate = await run(['db', 'migrate', '--db', url], work);
    assert.equal(migrate.code, 0, migrate.stderr);
    assert.match(
      migrate.stdout,
      /applied 0001_initial\napplied 0002_history_indexes\napplied 0003_interrupted_runs\napplied 0004_queue_jobs/,
    );
    const status = await run(['db', 'status', '--db', url, '--json'], work);
    assert.equal(status.code, 0, status.stderr);
    assert.deepEqual(
      JSON.parse(status.stdout).migrations.map((m: { name: string; state: string }) => `${m.name}:${m.state}`),
      [
        '0001_initial:applied',
        '0002_history_indexes:applied',
        '0003_interrupted_runs:applied',
        '0004_queue_jobs:applied',
      ],
    );

    const analyze = (extra: string[]) =>
      Promise.all(
        Array.from({ length: 4 }, () =>
          shubAsync(['analyze', ...files, '--json', '--features', 'levels', '--jobs', '2', ...extra], work),
        ),
      );
    const pgRuns = await analyze(['--db', url]);
    for (const r of pgRuns) {
      assert.equal(r.code, 0, r.stderr);
      assert.equal(ndjson(r.stdout).length, 3);
    }
    assert.equal(existsSync(path.join(work, '.shub')), false, 'with --db nothing goes to the JSON store');
    assert.equal(await count(url, 'runs'), 4);
    assert.equal(await count(url, 'analyses'), 12);
    assert.equal(await count(url, 'assets'), 3);
    assert.equal(await count(url, 'run_inputs'), 12);

    const jsonDir = path.join(work, 'json-store');
    const jsonRuns = await analyze(['--store-dir', jsonDir]);
    for (const r of jsonRuns) assert.equal(r.code, 0, r.stderr);
    assert.equal(readdirSync(path.join(jsonDir, 'runs')).length, 4);

    const pgHistory = await run(['history', '--db', url, '--json'], work);
    const jsonHistory = await run(['history', '--store-dir', jsonDir, '--json'], work);
    assert.equal(pgHistory.code, 0, pgHistory.stderr);
    assert.equal(jsonHistory.code, 0, jsonHistory.stderr);
    const fromPg = ndjson<RunSummary>(pgHistory.stdout);
    const fromJson = ndjson<RunSummary>(jsonHistory.stdout);
    assert.equal(fromPg.length, 4);
    assert.deepEqual(fromPg.map(comparable), fromJson.map(comparable));
    assert.deepEqual(Object.keys(fromPg[0]!), Object.keys(fromJson[0]!), 'the same JSON shape');
    const decisions = fromPg.reduce((n, r) => n + r.decisionCount, 0);
    assert.ok(decisions >= 4 * 3 * 3, `decisions: ${decisions}`);
    assert.equal(await count(url, 'decisions'), decisions);
    assert.equal(
      decisions,
      fromJson.reduce((n, r) => n + r.decisionCount, 0),
    );
    assert.deepEqual([...fromPg[0]!.files].sort(), [...files].sort());

    // show: the whole record, results and decision log, alike from both stores
    const shownPg = await run(['show', fromPg[0]!.runId, '--db', url, '--json'], work);
    const shownJson = await run(['show', fromJson[0]!.runId.slice(0, 18), '--store-dir', jsonDir, '--json'], work);
    assert.equal(shownPg.code, 0, shownPg.stderr);
    assert.equal(shownJson.code, 0, shownJson.stderr);
    const recPg = JSON.parse(shownPg.stdout) as RunRecord;
    const recJson = JSON.parse(shownJson.stdout) as RunRecord;
    assert.deepEqual(comparable(recPg), comparable(recJson));
    assert.equal(recPg.results.length, 3);
    const printed = pgRuns.find((p) => ndjson<{ runId: string }>(p.stdout)[0]?.runId === recPg.runId);
    assert.ok(printed, 'the shown run is one of the four analyze runs');
    assert.deepEqual(recPg.results, ndjson(printed.stdout), 'results are what --json printed');
    assert.ok(recPg.decisions.every((d) => d.reason.length > 10));
    assert.deepEqual(recPg.args.slice(0, 4), ['analyze', ...files]);

    // the human-readable forms
    const table = await run(['history', '--db', url], work);
    assert.match(table.stdout, /^STARTED\s+RUN\s+COMMAND\s+STATUS\s+DECISIONS\s+FILES\n/);
    assert.equal(table.stdout.trim().split('\n').length, 5);
    const text = await run(['show', fromPg[0]!.runId, '--db', url], work);
    assert.match(text.stdout, /Decisions \(\d+\)\n\s+1\. io\.decode decoder = "native-wav"/);
    assert.match(text.stdout, /one\.wav: -\d+\.\d LUFS, LRA/);

    // filters work on both stores alike
    for (const filter of [
      ['--file', files[1]!],
      ['--file', 'nothing.wav'],
      ['--command', 'validate'],
      ['--since', '1h'],
      ['--since', '2999-01-01'],
      ['-n', '2'],
    ]) {
      const a = ndjson<RunSummary>((await run(['history', '--db', url, '--json', ...filter], work)).stdout);
      const b = ndjson<RunSummary>((await run(['history', '--store-dir', jsonDir, '--json', ...filter], work)).stdout);
      assert.deepEqual(a.map(comparable), b.map(comparable), filter.join(' '));
    }
    assert.equal(ndjson((await run(['history', '--db', url, '--json', '--file', files[1]!], work)).stdout).length, 4);
    assert.equal(
      ndjson((await run(['history', '--db', url, '--json', '--since', '2999-01-01'], work)).stdout).length,
      0,
    );
    const missing = await run(['show', 'ffffffff', '--db', url], work);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no run 'ffffffff'.*shub history/);
  },
);

const UNREACHABLE =
  'an unreachable database fails fast: exit 4 within the 3 s connect timeout of a refused connection, nothing on ' +
  'stdout, no run written anywhere';
test(UNREACHABLE, async (t) => {
  const work = path.join(dir, 'unreachable');
  mkdirSync(work, { recursive: true });
  // a server that accepts connections and never answers, and a port where nothing listens
  const accepted: Socket[] = [];
  const silent: Server = createServer((socket) => {
    accepted.push(socket.on('error', () => undefined));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as { port: number }).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
  try {
    const cases: [string, string[], NodeJS.ProcessEnv][] = [
      ['refused', ['--db', `postgres://shub:unreachable-pw-1@127.0.0.1:${closedPort}/shub`], {}],
      ['silent', ['--db', `postgres://shub:unreachable-pw-2@127.0.0.1:${port}/shub`], {}],
      ['env', [], { SHUB_DATABASE_URL: `postgresql://shub:unreachable-pw-3@127.0.0.1:${closedPort}/shub` }],
    ];
    // a refused connection fails at once: its time is the process's own start-up on this machine; a server that
    // never answers costs the 3 s connect timeout on top of that (not the OS's minutes-long TCP timeout)
    let baseMs = 0;
    for (const [name, args, env] of cases) {
      const r = await shubAsync(['analyze', ...files, '--json', ...args], work, env);
      assert.equal(r.code, 4, `${name}: ${r.stderr}`);
      if (name === 'refused') baseMs = r.ms;
      assert.ok(r.ms < baseMs + 3000 + 1500, `${name}: took ${r.ms} ms (a refused connection: ${baseMs} ms)`);
      t.diagnostic(`${name}: exit ${r.code} in ${r.ms} ms`);
      assert.equal(r.stdout, '', name);
      assert.match(
        r.stderr,
        new RegExp(
          String.raw`^error: database postgres(ql)?://shub:\*\*\*@127\.0\.0\.1:\d+/shub ` +
            String.raw`\(from (--db|SHUB_DATABASE_URL)\) is unreachable`,
        ),
        name,
      );
      assert.doesNotMatch(r.stderr, /unreachable-pw/, name);
      assert.equal(r.stderr.trim().split('\n').length, 1, name);
      assert.equal(existsSync(path.join(work, '.shub')), false, `${name}: no JSON run either`);
    }
  } finally {
    silent.close();
    for (const socket of accepted) socket.destroy();
  }
});

const UNMIGRATED =
  'an un-migrated or out-of-date database: a clear message naming `shub db migrate`, exit 4, nothing written';
test(UNMIGRATED, async () => {
  const url = await server.createDatabase();
  const work = path.join(dir, 'unmigrated');
  mkdirSync(work, { recursive: true });
  for (const args of [
    ['analyze', files[0]!, '--db', url],
    ['history', '--db', url],
    ['show', '01234567', '--db', url],
  ]) {
    const r = await run(args, work);
    assert.equal(r.code, 4, `${args[0]}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      new RegExp(
        String.raw`^error: database postgresql://postgres:\*\*\*@.* has no shub schema \(not migrated\); ` +
          'run `shub db migrate` with the same --db first\n$',
      ),
    );
  }
  assert.equal(existsSync(path.join(work, '.shub')), false);
  assert.equal((await run(['db', 'migrate', '--db', url], work)).code, 0);
  assert.equal((await run(['db', 'migrate', '--down', '--db', url], work)).code, 0);
  const old = await run(['analyze', files[0]!, '--db', url], work);
  assert.equal(old.code, 4);
  assert.equal(old.stdout, '');
  assert.match(
    old.stderr,
    /schema is out of date \(1 migration\(s\) pending: 0004_queue_jobs\); run `shub db migrate`/,
  );
  assert.equal(await count(url, 'runs'), 0);
  const status = await run(['db', 'status', '--db', url], work);
  assert.equal(status.code, 1);
  assert.match(status.stdout, /0004_queue_jobs\s+pending/);
  assert.equal((await run(['db', 'migrate', '--db', url], work)).code, 0);
  assert.equal((await run(['analyze', files[0]!, '--db', url], work)).code, 0);
  assert.equal(await count(url, 'runs'), 1);
});

test('store selection: --db over SHUB_DATABASE_URL over config store.url over the JSON store', async () => {
  const url = await server.createDatabase();
  const work = path.join(dir, 'precedence');
  mkdirSync(work, { recursive: true });
  assert.equal(
    (await run(['db', 'migrate'], work, { SHUB_DATABASE_URL: url })).code,
    0,
    'db migrate takes SHUB_DATABASE_URL',
  );
  const dead = 'postgres://nobody:dead-pw-99@127.0.0.1:1/none';
  writeFileSync(path.join(work, 'shub.config.yaml'), `store:\n  url: ${dead}\n`);
  // config alone: used (and unreachable)
  const fromConfig = await run(['analyze', files[0]!], work);
  assert.equal(fromConfig.code, 4);
  assert.match(fromConfig.stderr, /\(from config store\.url\) is unreachable/);
  // env beats config, flag beats env
  assert.equal((await run(['analyze', files[0]!, '--json'], work, { SHUB_DATABASE_URL: url })).code, 0);
  const flag = await run(['analyze', files[0]!, '--json', '--db', url], work, { SHUB_DATABASE_URL: dead });
  assert.equal(flag.code, 0, flag.stderr);
  assert.equal(await count(url, 'runs'), 2);
  assert.equal(existsSync(path.join(work, '.shub')), false);
  // no database anywhere: the JSON store
  writeFileSync(path.join(work, 'shub.config.yaml'), 'store:\n  dir: runs-here\n');
  assert.equal((await run(['analyze', files[0]!, '--json'], work)).code, 0);
  assert.equal(readdirSync(path.join(work, 'runs-here', 'runs')).length, 1);
  const nothing = await run(['db', 'status'], work);
  assert.equal(nothing.code, 2);
  assert.match(nothing.stderr, /no database named; pass --db/);
  writeFileSync(path.join(work, 'shub.config.yaml'), 'store:\n  url: mysql://x\n');
  const bad = await run(['analyze', files[0]!], work);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /store\.url: expected a postgres:\/\/ or postgresql:\/\/ URL/);
});

test('the password in --db never shows: not in output, errors, the runs table or a JSON run file', async () => {
  const url = await server.createDatabase();
  const password = server.password;
  assert.ok(password, 'the test server hands out URLs with a password (SHUB_TEST_DATABASE_URL must carry one)');
  const work = path.join(dir, 'password');
  mkdirSync(work, { recursive: true });
  const outputs = [
    await run(['db', 'migrate', '--db', url], work),
    await run(['db', 'status', '--db', url, '--json'], work),
    await run(['analyze', ...files, '--json', '--db', url], work),
    await run(['analyze', files[0]!, path.join(work, 'missing.wav'), '--db', url], work),
    await run(['history', '--db', url], work),
    await run(['history', '--db', url, '--json'], work),
    await run(['analyze', files[0]!, '--db', url.replace(password, 'wrong-but-secret-pw')], work),
    await run(['analyze', files[0]!, '--db', url, '--debug'], work),
    // a URL given where a file belongs still gets recorded (JSON store) without its password
    await run(
      ['analyze', files[0]!, `postgres://someone:${password}@elsewhere/db`, '--store-dir', path.join(work, 'js')],
      work,
    ),
  ];
  const all = await run(['history', '--db', url, '--json'], work);
  outputs.push(all);
  const ids = ndjson<RunSummary>(all.stdout).map((r) => r.runId);
  for (const id of ids)
    outputs.push(await run(['show', id, '--db', url, '--json'], work), await run(['show', id, '--db', url], work));
  assert.ok(ids.length >= 3);
  for (const o of outputs) {
    assert.ok(!o.stdout.includes(password) && !o.stderr.includes(password), `leak in:\n${o.stdout}\n${o.stderr}`);
    assert.doesNotMatch(o.stdout + o.stderr, /wrong-but-secret-pw/);
  }
  assert.match(outputs[6]!.stderr, /refused the login/);
  assert.ok(
    printed.every((p) => !p.includes(password)),
    'nothing any shub process printed in this file holds the password',
  );

  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = ['runs', 'assets', 'run_inputs', 'outputs', 'analyses', 'decisions', 'validations'];
    for (const t of tables) {
      const rows = (await c.query(`select row_to_json(x)::text as t from ${t} x`)).rows as { t: string }[];
      for (const row of rows) assert.ok(!row.t.includes(password), `${t}: ${row.t}`);
    }
    const args = (await c.query(`select args from runs order by started_at`)).rows.map(
      (r) => (r as { args: string[] }).args,
    );
    assert.ok(
      args.some((a) => a.includes('--db') && a.some((x) => /^postgresql:\/\/postgres:\*\*\*@/.test(x))),
      JSON.stringify(args),
    );
  } finally {
    await c.end();
  }
  const jsonRuns = readdirSync(path.join(work, 'js', 'runs'));
  assert.equal(jsonRuns.length, 1);
  const jsonText = readFileSync(path.join(work, 'js', 'runs', jsonRuns[0]!), 'utf8');
  assert.ok(!jsonText.includes(password), jsonText);
  assert.match(jsonText, /postgres:\/\/someone:\*\*\*@elsewhere\/db/);
});

test('parallel `shub db migrate` on an empty database: one applies, the others find nothing to do', async () => {
  const url = await server.createDatabase();
  const work = path.join(dir, 'parallel-migrate');
  mkdirSync(work, { recursive: true });
  const results = await Promise.all(
    Array.from({ length: 4 }, () => shubAsync(['db', 'migrate', '--db', url, '--json'], work)),
  );
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const steps = results.map((r) => (JSON.parse(r.stdout) as { steps: unknown[] }).steps.length).sort();
  assert.deepEqual(steps, [0, 0, 0, 4]);
  assert.ok(results.every((r) => (JSON.parse(r.stdout) as { upToDate: boolean }).upToDate));
});

test('the reused processes: every command line ended as in a fresh process, nothing between them', (t) => {
  t.diagnostic(`${pool.runs} command lines in ${pool.started} reused processes: ${took.reused} ms`);
  t.diagnostic(`${fresh.checked} of them again in fresh processes: ${took.fresh} ms`);
  assert.ok(pool.runs >= 40, `command lines in reused processes: ${pool.runs}`);
  assert.ok(pool.started <= 8, `processes started for them: ${pool.started}`);
  assert.ok(fresh.checked >= 8, `read-only command lines also run fresh: ${fresh.checked}`);
  assert.deepEqual(fresh.differences, []);
  assert.deepEqual(pool.strays, []);
});
