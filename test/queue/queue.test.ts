/**
 * `shub queue` and `shub worker` on a throwaway PostgreSQL (issue 16 acceptance): 40 short master
 * jobs over 3 worker processes, one SIGKILLed while it holds a job, every output once, on target
 * and byte-identical to a single-machine `shub master`; re-submitting enqueues nothing; SIGTERM
 * during a job finishes it and exits 0; a missing input fails once without retries; ffmpeg missing
 * on a worker is retried, then dead-lettered; bad options and unreadable inputs enqueue nothing;
 * the database password appears nowhere.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { shub, ndjson, tempDir, SHUB } from '../helpers/cli.js';
import { startPostgres, type TestPostgres } from '../helpers/pg.js';
import { masterLike, writeWav } from '../../fixtures/signals.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import type { MasterResult } from '../../src/commands/master.js';
import type { QueueStatus } from '../../src/queue/jobs.js';

const { dir, cleanup } = tempDir('shub-queue-');
let server: TestPostgres;
const f = (...names: string[]) => path.join(dir, ...names);
const N = 40;
const inputs = Array.from({ length: N }, (_, i) => f('in', `take${String(i).padStart(2, '0')}.wav`));
/** Fast polling and maintenance so that an expired job comes back within seconds. */
const FAST = { SHUB_QUEUE_POLL_MS: '200', SHUB_QUEUE_MAINTENANCE_SECONDS: '1' };

before(async () => {
  server = await startPostgres();
  mkdirSync(f('in'), { recursive: true });
  // 1 s takes (each a master on target like a longer one: -14 LUFS, compliant), each a little louder than the
  // last (distinct content: distinct singleton keys)
  for (const [i, file] of inputs.entries()) {
    const planar = await masterLike({ sampleRate: 44100, seconds: 1, integratedLufs: -20 + i * 0.1, truePeakDbtp: -3 });
    writeWav(file, planar, 44100, 's24');
  }
});
/** Every worker started: a test that fails (a timeout) leaves its workers running; they end with the file. */
const started: ChildProcess[] = [];
after(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server?.stop();
  cleanup();
});

/** A database `shub db migrate` made, once for the file (the first call); each test gets a copy of it. */
let template: string | undefined;
async function migrated(): Promise<string> {
  if (template === undefined) {
    const url = await server.createDatabase();
    const r = shub(['db', 'migrate', '--db', url], dir);
    assert.equal(r.code, 0, r.stderr);
    template = url;
  }
  return server.createDatabase('shub_test', template);
}

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

interface Worker {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(url: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Worker {
  const child = spawn(process.execPath, [SHUB, 'worker', '--db', url, '--json', ...extra], {
    cwd: dir,
    env: { ...process.env, ...FAST, ...env },
  });
  started.push(child);
  const w: Worker = {
    child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  child.stdout!.on('data', (d: Buffer) => (w.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (w.stderr += d.toString()));
  return w;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  pollMs = 100,
): Promise<void> {
  if (!(await within(check, timeoutMs, pollMs))) throw new Error(`timed out waiting for ${what}`);
}

/** Whether `check` holds within `timeoutMs`. */
async function within(check: () => Promise<boolean> | boolean, timeoutMs: number, pollMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) return false;
    await sleep(pollMs);
  }
  return true;
}

/** A master-like take of `seconds` at `lufs` (peaks at -3 dBTP), 44.1 kHz 24-bit, in its own folder. */
async function take(file: string, seconds: number, lufs: number): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  writeWav(
    file,
    await masterLike({ sampleRate: 44100, seconds, integratedLufs: lufs, truePeakDbtp: -3 }),
    44100,
    's24',
  );
  return file;
}

function status(url: string): QueueStatus {
  const r = shub(['queue', 'status', '--db', url, '--json'], dir);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as QueueStatus;
}

test('40 jobs, 3 workers, one SIGKILLed mid-job: every output once, byte-identical to `shub master`', async () => {
  const started = Date.now();
  const url = await migrated();
  // the single-machine reference
  // without the codec round trips (master's own tests check them; here they were 0.45 CPU-s of each job's 0.7): the
  // queue's contract is the same master's output, once, whatever its options
  const master = ['master', '--target', 'spotify', '--no-codec-check', ...inputs];
  const ref = shub([...master, '-o', f('ref'), '--store-dir', f('store')], dir);
  assert.equal(ref.code, 0, ref.stderr);

  const submit = shub(
    ['queue', 'submit', ...master, '-o', 'out', '--db', url, '--json'].concat([
      '--expire-in',
      // a master that outlives it on a loaded machine is retried and its late result discarded (test below)
      '6',
      '--retry-delay',
      '1',
    ]),
    dir,
  );
  assert.equal(submit.code, 0, submit.stderr);
  const jobs = ndjson<{ file: string; jobId: string | null }>(submit.stdout);
  assert.equal(jobs.length, N);
  assert.equal(new Set(jobs.map((j) => j.jobId)).size, N);
  assert.deepEqual(
    jobs.map((j) => j.file),
    inputs,
    'paths are stored absolute',
  );
  // the URL (and its password) is in no job
  const data = await query<{ d: string }>(url, `select data::text as d from shub_queue.job`);
  assert.equal(data.length, N);
  for (const { d } of data) {
    assert.doesNotMatch(d, new RegExp(server.password || 'no-password'));
    assert.doesNotMatch(d, /postgres(ql)?:\/\//);
  }
  assert.deepEqual(JSON.parse(data[0]!.d).options, {
    target: 'spotify',
    style: 'balanced',
    codecCheck: false,
    output: `${f('out')}/`, // a folder, as `-o out` with 40 inputs means (src/io/outputs.ts)
  });

  const workers = [startWorker(url), startWorker(url), startWorker(url)];
  // the first worker is killed while it holds a job: paused (SIGSTOP) after its first job, it holds one if a job
  // active at the pause is still active once each other worker has ended a job since (each runs one at a time, so
  // theirs of that moment have ended; a paused worker ends none); paused between jobs it holds none: resumed, again
  await until('a first job done by worker 0', () => workers[0]!.stdout.includes('\n'), 60_000);
  const active = async () =>
    (await query<{ id: string }>(url, `select id::text from shub_queue.job where state = 'active'`)).map((r) => r.id);
  const ended = (w: Worker) => ndjson(w.stdout).length;
  // paused inside a database call (pg-boss's fetch or its 1 s maintenance), worker 0 may hold a lock the others wait
  // on, so none ends a job (the clean clone's run of 2026-12-07 17:35 UTC timed out here after 60 s with tempo56
  // beside it; the lock is the likely cause, not shown): no job ended by each other worker in 20 s is read as not
  // holding one — resumed, again, at most 12 pauses. Resumed, it is paused again only once it has ended a job
  // and a little into the next (50–350 ms): paused again at once it stayed where it was (between jobs, in its poll
  // wait), which failed this test once with 8 pauses in 12 s (round 96's CI, load 7)
  const into = [50, 200, 120, 350];
  for (let held = false, pauses = 0; !held; pauses++) {
    assert.ok(pauses < 12, 'worker 0 was not caught holding a job in 12 pauses');
    workers[0]!.child.kill('SIGSTOP');
    const atPause = await active();
    const others = workers.slice(1).map((w) => [w, ended(w)] as const);
    const moved = await within(() => others.every(([w, n]) => ended(w) > n), 20_000);
    const now = await active();
    held = moved && atPause.some((id) => now.includes(id));
    if (held) break;
    const mine = ended(workers[0]!);
    workers[0]!.child.kill('SIGCONT');
    await within(() => ended(workers[0]!) > mine, 20_000);
    await sleep(into[pauses % into.length]!);
  }
  const before = ndjson<{ jobId: string }>(workers[0]!.stdout).length;
  workers[0]!.child.kill('SIGKILL');
  assert.equal((await workers[0]!.exit).signal, 'SIGKILL');

  // polled by one query (a `shub queue status` process every 100 ms took CPU from the workers); the command's
  // own count is asserted below
  const completed = async () =>
    (
      await query<{ n: number }>(
        url,
        `select count(*)::int as n from (select state, data from shub_queue.job union all
           select state, data from shub_queue.archive) j where state = 'completed' and data->>'command' = 'master'`,
      )
    )[0]!.n;
  await until('40 completed jobs', async () => (await completed()) === N, 80_000, 250);
  for (const w of workers.slice(1)) w.child.kill('SIGTERM');
  for (const w of workers.slice(1)) assert.equal((await w.exit).code, 0, w.stderr);

  // every output exists once (no temporaries left), byte-identical to the single-machine master
  const all = readdirSync(f('out')).sort();
  const names = all.filter((n) => !n.startsWith('.'));
  // the killed worker may leave its hidden temporary (removed by the next shub process writing there)
  const killedPid = workers[0]!.child.pid!;
  for (const n of all.filter((x) => x.startsWith('.')))
    assert.match(n, new RegExp(String.raw`^\.take\d\d\.spotify\.wav\.[0-9a-f]{6}-${killedPid}\.[0-9a-f]{8}\.tmp`));
  assert.deepEqual(
    names,
    inputs.map((i) => `${path.basename(i, '.wav')}.spotify.wav`),
  );
  for (const name of names) assert.ok(readFileSync(f('out', name)).equals(readFileSync(f('ref', name))), name);
  // on target: measured by shub in the worker runs
  const st = status(url);
  assert.equal(st.commands.master!.completed, N);
  assert.equal(st.commands.master!.failed, 0);
  assert.equal(st.commands.master!.active, 0);

  // the store: one ok run per job, each with its job; the killed job ran again (attempt 2)
  const runs = await query<{
    job: { id: string; attempt: number; worker: string };
    status: string;
    results: MasterResult[];
    errors: { message: string }[];
  }>(url, `select job, status, results, errors from runs where job is not null`);
  const ok = runs.filter((r) => r.status === 'ok');
  assert.equal(new Set(ok.map((r) => r.job.id)).size, N);
  assert.equal(ok.length, N, 'one successful run per job');
  assert.ok(
    ok.some((r) => r.job.attempt === 2),
    `the job held by the killed worker ran again (worker 0 had finished ${before})`,
  );
  // plus the failed attempt: the killed one, recorded by the worker that retried it
  const retried = ok.filter((r) => r.job.attempt === 2).map((r) => r.job.id);
  const failedRuns = runs.filter((r) => r.status !== 'ok');
  assert.deepEqual(
    failedRuns.map((r) => [r.job.id, r.job.attempt, r.status]).sort(),
    retried.map((id) => [id, 1, 'failed']).sort(),
  );
  assert.match(failedRuns[0]!.errors[0]!.message, /attempt 1 expired after 6 s \(its worker stopped/);
  for (const r of ok) {
    const out = r.results[0]!.outputs[0]!;
    assert.ok(out.compliant);
    assert.ok(Math.abs(out.achieved!.integratedLufs! + 14) <= 0.5, `${out.achieved!.integratedLufs}`);
  }
  assert.equal(new Set(ok.map((r) => r.job.worker)).size >= 2, true);

  // re-submitting the batch enqueues nothing
  const again = shub(['queue', 'submit', ...master, '-o', 'out', '--db', url, '--json'], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(ndjson<{ jobId: string | null }>(again.stdout).filter((j) => j.jobId).length, 0);
  assert.match(again.stderr, /^0 job\(s\) enqueued, 40 already queued or done$/m);
  // no password in any run record or output
  const dump = JSON.stringify(await query(url, 'select * from runs'));
  assert.ok(server.password, 'the test server hands out URLs with a password (SHUB_TEST_DATABASE_URL must carry one)');
  assert.ok(!dump.includes(server.password));
  for (const w of workers) assert.ok(!(w.stdout + w.stderr).includes(server.password));
  console.log(`# 40 jobs, 3 workers, one killed: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('SIGTERM during a job: the worker finishes it and exits 0; no partial output', async () => {
  const url = await migrated();
  // long enough that the job still runs when SIGTERM comes (asserted below): about 2 CPU-s of master
  const long = await take(f('in-long', 'long.wav'), 12, -20);
  const submit = shub(['queue', 'submit', 'master', '--target', 'spotify', long, '--db', url], dir);
  assert.equal(submit.code, 0, submit.stderr);
  const w = startWorker(url);
  await until(
    'the job running',
    async () => (await query(url, `select 1 from shub_queue.job where state = 'active'`)).length > 0,
    20_000,
  );
  await sleep(300);
  // still running: a job that had ended before SIGTERM would end the same way and prove nothing
  assert.equal((await query(url, `select 1 from shub_queue.job where state = 'active'`)).length, 1);
  w.child.kill('SIGTERM');
  const { code } = await w.exit;
  assert.equal(code, 0, w.stderr);
  assert.match(w.stderr, /SIGTERM: stopping/);
  const events = ndjson<{ state: string; exitCode: number }>(w.stdout);
  assert.deepEqual(
    events.map((e) => [e.state, e.exitCode]),
    [['completed', 0]],
  );
  assert.deepEqual(readdirSync(path.dirname(long)).sort(), ['long.spotify.wav', 'long.wav']);
  const ref = shub(['master', long, '--target', 'spotify', '-o', `${f('long-ref')}/`, '--store-dir', f('store')], dir);
  assert.equal(ref.code, 0, ref.stderr);
  assert.ok(readFileSync(f('in-long', 'long.spotify.wav')).equals(readFileSync(f('long-ref', 'long.spotify.wav'))));
  assert.equal(status(url).commands.master!.completed, 1);
});

test('a job that outlives its expiry (worker paused): retried elsewhere, the late result discarded', async () => {
  const url = await migrated();
  const long = await take(f('in-late', 'late.wav'), 4, -19);
  const submit = shub(
    ['queue', 'submit', 'master', '--target', 'spotify', long, '--db', url].concat([
      '--expire-in',
      '8',
      '--retry-delay',
      '1',
      '--retry-limit',
      '4',
    ]),
    dir,
  );
  assert.equal(submit.code, 0, submit.stderr);
  const slow = startWorker(url);
  await until(
    'the job running',
    async () => (await query(url, `select 1 from shub_queue.job where state = 'active'`)).length > 0,
    20_000,
    20,
  );
  // paused mid-job past the 8 s expiry: another worker's maintenance expires it and runs it again
  slow.child.kill('SIGSTOP');
  const other = startWorker(url);
  await until('the job completed by the other worker', () => /"completed"/.test(other.stdout), 120_000).catch(
    (e: Error) => {
      throw new Error(`${e.message}; its output: ${other.stdout} ${other.stderr}`);
    },
  );
  slow.child.kill('SIGCONT');
  await until('the paused attempt ended', () => slow.stdout.includes('\n'), 60_000);
  for (const w of [slow, other]) w.child.kill('SIGTERM');
  for (const w of [slow, other]) assert.equal((await w.exit).code, 0, w.stderr);
  const ev = (w: Worker) => ndjson<{ state: string; attempt: number }>(w.stdout).map((e) => [e.state, e.attempt]);
  assert.deepEqual(ev(slow), [['expired', 1]]);
  assert.match(slow.stderr, /attempt 1 outlived its 8 s expiry; its result is discarded/);
  // on a loaded machine a retry may outlive the expiry too: then it is discarded the same way
  const last = ev(other).at(-1)!;
  assert.equal(last[0], 'completed');
  const k = last[1] as number;
  assert.ok(k >= 2);
  assert.deepEqual(
    ev(other),
    Array.from({ length: k - 1 }, (_, i) => [i + 2 < k ? 'expired' : 'completed', i + 2]),
  );
  // the store: one ok run (the completing attempt), each expired attempt recorded once, as failed
  const runs = await query<{ job: { attempt: number }; status: string }>(url, `select job, status from runs`);
  assert.deepEqual(
    runs.map((r) => [r.job.attempt, r.status]).sort(),
    Array.from({ length: k }, (_, i) => [i + 1, i + 1 < k ? 'failed' : 'ok']),
  );
  const [job] = await query<{ state: string; retry_count: number }>(
    url,
    `select state::text, retry_count from shub_queue.job where name = 'shub.master'`,
  );
  assert.deepEqual(job, { state: 'completed', retry_count: k - 1 });
  assert.deepEqual(readdirSync(path.dirname(long)).sort(), ['late.spotify.wav', 'late.wav']);
});

test('SIGTERM past --stop-timeout: the running job is handed back (attempt not counted), no output', async () => {
  const url = await migrated();
  const long = await take(f('in-long2', 'long.wav'), 60, -21);
  assert.equal(shub(['queue', 'submit', 'master', '--target', 'spotify', long, '--db', url], dir).code, 0);
  const w = startWorker(url, ['--stop-timeout', '1']);
  await until(
    'the job running',
    async () => (await query(url, `select 1 from shub_queue.job where state = 'active'`)).length > 0,
    20_000,
  );
  w.child.kill('SIGTERM');
  assert.equal((await w.exit).code, 0, w.stderr);
  assert.deepEqual(
    ndjson<{ state: string }>(w.stdout).map((e) => e.state),
    ['handed-back'],
  );
  assert.deepEqual(readdirSync(path.dirname(long)), ['long.wav'], 'no output, no temporary');
  const [job] = await query<{ state: string; retry_count: number }>(
    url,
    `select state::text, retry_count from shub_queue.job where name = 'shub.master'`,
  );
  assert.deepEqual(job, { state: 'created', retry_count: 0 });
});

test('a missing input fails once, not retried; ffmpeg missing is retried, then dead-lettered', async () => {
  const url = await migrated();
  mkdirSync(f('in-fail'), { recursive: true });
  const gone = f('in-fail', 'gone.wav');
  writeFileSync(gone, readFileSync(inputs[0]!));
  const ffmpeg = resolveFfmpeg(undefined, undefined, process.env).path;
  const flac = f('in-fail', 'take.flac');
  const enc = spawn(ffmpeg, ['-loglevel', 'error', '-y', '-i', inputs[1]!, flac]);
  assert.equal(await new Promise((r) => enc.on('exit', r)), 0);
  const submit = shub(
    ['queue', 'submit', 'master', '--target', 'spotify', gone, flac, '--db', url, '--json', '--retry-delay', '0'],
    dir,
  );
  assert.equal(submit.code, 0, submit.stderr);
  const [goneJob, flacJob] = ndjson<{ jobId: string }>(submit.stdout).map((j) => j.jobId);
  rmSync(gone);
  // this worker has no ffmpeg: the FLAC job fails with exit 4 three times (retryLimit 2)
  const w = startWorker(url, ['--once'], { SHUB_FFMPEG: path.join(dir, 'no-such-ffmpeg') });
  assert.equal((await w.exit).code, 0, w.stderr);
  const events = ndjson<{ jobId: string; state: string; attempt: number; exitCode: number; error: string }>(w.stdout);
  const ofGone = events.filter((e) => e.jobId === goneJob);
  assert.deepEqual(
    ofGone.map((e) => [e.state, e.attempt, e.exitCode]),
    [['dead-lettered', 1, 3]],
  );
  assert.match(ofGone[0]!.error, /gone\.wav/);
  assert.deepEqual(
    events.filter((e) => e.jobId === flacJob).map((e) => [e.state, e.attempt, e.exitCode]),
    [
      ['retrying', 1, 4],
      ['retrying', 2, 4],
      ['dead-lettered', 3, 4],
    ],
  );
  const st = status(url);
  assert.equal(st.commands.master!.failed, 2);
  assert.equal(st.commands.master!['dead-lettered'], 2);
  const failed = new Map(st.failed.map((x) => [x.jobId, x]));
  assert.equal(failed.get(goneJob!)!.attempts, 1);
  assert.equal(failed.get(flacJob!)!.attempts, 3);
  assert.ok(failed.get(flacJob!)!.deadLettered);
  assert.match(failed.get(flacJob!)!.error, /ffmpeg not found/);
  // each attempt is a run in the store, with its job
  const runs = await query<{ job: { id: string; attempt: number }; exit_code: number }>(
    url,
    `select job, exit_code from runs where job is not null order by started_at`,
  );
  assert.deepEqual(
    runs.filter((r) => r.job.id === flacJob).map((r) => [r.job.attempt, r.exit_code]),
    [
      [1, 4],
      [2, 4],
      [3, 4],
    ],
  );
  // retry --failed puts both back (one more attempt each)
  const retry = shub(['queue', 'retry', '--failed', '--db', url, '--json'], dir);
  assert.equal(retry.code, 0, retry.stderr);
  assert.equal(ndjson(retry.stdout).length, 2);
  assert.equal(status(url).commands.master!['dead-lettered'], 0);
  const cancel = shub(['queue', 'cancel', '--all-queued', '--db', url, '--json'], dir);
  assert.equal(ndjson(cancel.stdout).length, 2);
  assert.equal(status(url).commands.master!.cancelled, 2);
});

test('submit refuses bad options (exit 2) and unreadable inputs (exit 3) before enqueueing anything', async () => {
  const url = await migrated();
  // `db migrate` made the queue's schema and queues, beside the store's tables in public
  assert.deepEqual(
    (await query<{ name: string }>(url, `select name from shub_queue.queue order by name`)).map((q) => q.name),
    ['shub.analyze', 'shub.dead-letter', 'shub.master', 'shub.validate'],
  );
  assert.deepEqual(
    await query(
      url,
      `select table_name from information_schema.tables where table_schema = 'public' and table_name = 'job'`,
    ),
    [],
  );
  const cases: [string[], number, RegExp][] = [
    [['master', '--target', 'no-such-platform', inputs[0]!], 2, /no-such-platform/],
    [['master', '--style', 'wild', '--target', 'spotify', inputs[0]!], 2, /--style/],
    [['master', '--bogus', inputs[0]!], 2, /--bogus/],
    [['mix', inputs[0]!], 2, /analyze, validate, master/],
    [['master', '--target', 'spotify', '-o', f('one.wav'), inputs[0]!, inputs[1]!], 2, /names a file/],
    [['master', '--target', 'spotify', inputs[0]!, f('in', 'missing.wav')], 3, /missing\.wav/],
  ];
  for (const [args, code, message] of cases) {
    const r = shub(['queue', 'submit', ...args, '--db', url], dir);
    assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  const [row] = await query<{ n: number }>(
    url,
    `select count(*)::int as n from shub_queue.job where name like 'shub.%'`,
  );
  assert.equal(row!.n, 0);
  // no database: a usage error naming --db
  const none = shub(['queue', 'status'], dir, { SHUB_DATABASE_URL: '' });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--db/);
});
