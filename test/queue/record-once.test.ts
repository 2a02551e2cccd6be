/**
 * A job's success is recorded once whatever the moment its attempt expires (SPEC §8b: every run is
 * recorded, a retried job's late result is discarded). pg-boss's own expiry statement (its
 * failJobsByTimeout) is run at the worst moments of an attempt: between the worker's ownership check
 * and the run's save, inside the save's transaction, and just after the save (before the worker ends the
 * job). h-debt60 saw 42
 * successful runs for 40 jobs under load in queue.test.ts: these make that timing happen every time.
 * And a failed attempt is failed only while its worker holds it: the expiry run between the worker's state
 * check and its fail (pg-boss's fail ends every not-completed job of that id: created, retry and active).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type PgBoss from 'pg-boss';
import { startPostgres, type TestPostgres } from '../helpers/pg.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { migrateQueue, openQueue, queueName, sql, QUEUE_SCHEMA } from '../../src/queue/boss.js';
import { failHeldAttempt, holdingAttempt, QueueWorker, type JobEvent, type QueuedJob } from '../../src/queue/worker.js';
import type { SaveCondition, WorkerLoopOptions } from '../../src/queue/worker.js';
import { storeForJob } from '../../src/commands/worker.js';
import { RunRecorder, uuidv7 } from '../../src/store/run.js';
import type { RunRecord, Store } from '../../src/store/types.js';
import { ExitCode } from '../../src/errors.js';

/** pg-boss's SQL (not in its typed API): the statement its maintenance runs to expire jobs. */
const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as {
  failJobsByTimeout(schema: string): string;
};

let server: TestPostgres;
/** A database with the store's and the queue's tables, migrated once: each test's database is a copy of it. */
let migrated: string;
before(async () => {
  server = await startPostgres();
  migrated = await server.createDatabase();
  const migrator = await PostgresStore.connect(migrated, { checkSchema: false });
  await migrator.migrate('latest');
  await migrator.close();
  await migrateQueue(migrated);
});
after(async () => {
  await server?.stop();
});

type Moment = 'before the save' | 'during the save' | 'after the save';
const JOBS = 3;

/** A fresh database with the store's and the queue's tables: `body` with the store and pg-boss on it, then closed. */
async function withQueue<T>(body: (q: { store: PostgresStore; boss: PgBoss }) => Promise<T>): Promise<T> {
  const url = await server.createDatabase('shub_test', migrated);
  const store = await PostgresStore.connect(url);
  const boss = await openQueue(url);
  try {
    return await body({ store, boss });
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
}

/** One master job (3 attempts unless told, an hour's expiry, no retry delay); `digit` makes its input's sha256. */
async function sendOne(boss: PgBoss, digit: string, retryLimit = 2) {
  const name = queueName('master');
  const data = { command: 'master', file: '/in/take.wav', options: {}, sha256: digit.repeat(64) };
  const id = (await boss.send(name, data, { expireInSeconds: 3600, retryLimit, retryDelay: 0 }))!;
  return { name, data, id };
}

/** pg-boss's expiry of this attempt, as its maintenance runs it: started two hours ago, then failJobsByTimeout. */
async function expire(boss: PgBoss, job: Pick<QueuedJob, 'queue' | 'id'>) {
  await sql(
    boss,
    `update ${QUEUE_SCHEMA}.job set started_on = started_on - interval '2 hours'
     where name = $1 and id = $2 and state = 'active'`,
    [job.queue, job.id],
  );
  await sql(boss, plans.failJobsByTimeout(QUEUE_SCHEMA));
}

/** JOBS jobs through one in-process worker; each first attempt expires at `moment`. Returns the store's runs. */
async function scenario(moment: Moment) {
  return withQueue(async ({ store, boss }) => {
    const name = queueName('master');
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++) {
      const data = { command: 'master', file: `/in/take${i}.wav`, options: {}, sha256: String(i).repeat(64) };
      ids.push((await boss.send(name, data, { expireInSeconds: 3600, retryLimit: 2, retryDelay: 0 }))!);
    }
    // this job's attempt past its expiry (started two hours ago), pg-boss's maintenance statement not yet run
    const overdue = (job: QueuedJob) =>
      sql(
        boss,
        `update ${QUEUE_SCHEMA}.job set started_on = started_on - interval '2 hours'
         where name = $1 and id = $2 and state = 'active'`,
        [job.queue, job.id],
      );
    let blocked = 0;
    /** The save with pg-boss's expiry run inside its transaction, once the condition was checked. */
    const racing = async (job: QueuedJob, ...[run, options]: Parameters<Store['saveRun']>) => {
      await overdue(job);
      const onlyIf = options?.onlyIf;
      assert.ok(onlyIf, 'the worker saves its run under a condition');
      let expiring: Promise<unknown> = Promise.resolve();
      const where = await store.saveRun(run, {
        onlyIf: async (query) => {
          const verdict = await onlyIf(query);
          expiring = sql(boss, plans.failJobsByTimeout(QUEUE_SCHEMA));
          // the expiry waits for this transaction (the job's row is locked) until it commits
          for (let i = 0; i < 100; i++) {
            const waiting = await sql(
              boss,
              `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
            );
            if (waiting.length > 0) {
              blocked++;
              break;
            }
            await new Promise((r) => setTimeout(r, 50));
          }
          return verdict;
        },
      });
      await expiring;
      return where;
    };
    /** The store the worker's wrapper saves to: the first attempt of each job expires at `moment`. */
    const hooked = (job: QueuedJob): Store => ({
      kind: store.kind,
      location: store.location,
      saveRun: async (...args: Parameters<Store['saveRun']>) => {
        if (job.attempt === 1 && moment === 'during the save') return racing(job, ...args);
        if (job.attempt === 1 && moment === 'before the save') await expire(boss, job);
        const where = await store.saveRun(...args);
        if (job.attempt === 1 && moment === 'after the save') await expire(boss, job);
        return where;
      },
      listRuns: (q) => store.listRuns(q),
      getRun: (id) => store.getRun(id),
      close: async () => undefined,
    });
    const events: JobEvent[] = [];
    const worker = new QueueWorker(boss, {
      commands: ['master'],
      concurrency: 1,
      once: true,
      pollMs: 50,
      // what a command function does with the worker's store: one run, saved at its end
      run: async (job, workerId, hold) => {
        const record = { id: job.id, queue: job.queue, attempt: job.attempt, worker: workerId };
        const runId = uuidv7();
        const recorder = new RunRecorder('master', ['worker', '--job', job.id, 'master', job.data.file], runId);
        await storeForJob(hooked(job), record, hold).saveRun(recorder.finish(0));
        return { exitCode: 0, runId };
      },
      onJob: (e) => events.push(e),
    });
    await worker.run();
    const runs = await sql<{ job: { id: string; attempt: number }; status: string }>(
      boss,
      `select job, status from public.runs where job is not null`,
    );
    const states = await sql<{ id: string; state: string }>(
      boss,
      `select id, state::text as state from ${QUEUE_SCHEMA}.job where name = $1`,
      [name],
    );
    return { ids, runs, events, states, blocked };
  });
}

for (const moment of ['before the save', 'during the save', 'after the save'] as const) {
  test(`an attempt that expires ${moment}: one recorded success per job`, async () => {
    const { ids, runs, events, states, blocked } = await scenario(moment);
    if (moment === 'during the save') assert.equal(blocked, JOBS, 'the expiry waited for each save to commit');
    const ok = runs.filter((r) => r.status === 'ok');
    for (const id of ids)
      assert.equal(
        ok.filter((r) => r.job.id === id).length,
        1,
        `job ${id}: ${JSON.stringify(runs.filter((r) => r.job.id === id))}`,
      );
    assert.equal(ok.length, JOBS);
    assert.deepEqual(
      states.map((s) => s.state),
      Array<string>(JOBS).fill('completed'),
    );
    const byJob = (id: string) => events.filter((e) => e.jobId === id).map((e) => [e.state, e.attempt]);
    for (const id of ids)
      if (moment === 'before the save') {
        // the expired attempt records nothing (its retry runs and records it)
        assert.deepEqual(byJob(id), [
          ['expired', 1],
          ['completed', 2],
        ]);
        assert.deepEqual(
          runs.filter((r) => r.job.id === id).map((r) => [r.job.attempt, r.status]),
          [[2, 'ok']],
        );
      } else {
        // saved: the job was completed with the run, so the expiry finds nothing active to retry (during the
        // save: it waits on the job's row until the save commits)
        assert.deepEqual(byJob(id), [['completed', 1]]);
      }
  });
}

/**
 * The worker's run: attempt 1 ends with `exitCode` without saving a run (a run whose save fails the job is
 * tested below: then no window is left between the worker's check and its fail), the others succeed.
 */
const failingFirst =
  (store: Store, exitCode: number): WorkerLoopOptions['run'] =>
  async (job, workerId, hold) => {
    const record = { id: job.id, queue: job.queue, attempt: job.attempt, worker: workerId };
    const runId = uuidv7();
    if (job.attempt === 1) return { exitCode, message: 'no ffmpeg' };
    const recorder = new RunRecorder('master', ['worker', '--job', job.id, 'master', job.data.file], runId);
    await storeForJob(store, record, hold).saveRun(recorder.finish(ExitCode.ok));
    return { exitCode: ExitCode.ok, runId };
  };

/**
 * One job; its first attempt ends with `exitCode`, and pg-boss's expiry of that attempt runs right after the
 * worker's state check (its attemptState query on pg-boss's pool), before the worker fails it; with `taken`,
 * another worker fetches attempt 2 there too. Then attempt 2 runs (that other worker, or a second loop) and succeeds.
 */
async function failedThenExpired(exitCode: number, taken: boolean) {
  return withQueue(async ({ store, boss }) => {
    const { name, data, id } = await sendOne(boss, '7');
    const db = boss.getDb() as { executeSql(text: string, values?: unknown[]): Promise<unknown> };
    const executeSql = db.executeSql.bind(db);
    let armed = true;
    let other: { id: string; retryCount: number } | undefined;
    db.executeSql = async (text, values) => {
      const result = await executeSql(text, values);
      // the worker's state check after the run (it found the attempt holding): the expiry comes now
      if (armed && text.includes('retry_count as "retryCount" from') && !text.includes('for update')) {
        armed = false;
        await expire(boss, { queue: name, id });
        if (taken) {
          // the retry's delay passed, and another worker takes attempt 2
          await sql(boss, `update ${QUEUE_SCHEMA}.job set start_after = now() - interval '1 s' where id = $1`, [id]);
          [other] = await boss.fetch(name, { batchSize: 1, includeMetadata: true });
        }
      }
      return result;
    };
    const events: JobEvent[] = [];
    const loop = (maxJobs: number) =>
      new QueueWorker(boss, {
        commands: ['master'],
        concurrency: 1,
        once: true,
        maxJobs,
        pollMs: 50,
        run: failingFirst(store, exitCode),
        onJob: (e) => events.push(e),
      }).run();
    const row = async () =>
      (
        await sql<{ state: string; retryCount: number; retryLimit: number; output: unknown }>(
          boss,
          `select state::text as state, retry_count as "retryCount", retry_limit as "retryLimit", output
           from ${QUEUE_SCHEMA}.job where name = $1 and id = $2`,
          [name, id],
        )
      )[0]!;
    await loop(1);
    assert.equal(armed, false, 'the expiry ran at the state check');
    const afterFirst = await row();
    let saved = '';
    if (taken) {
      // the other worker's attempt 2: its successful run saved (and the job completed) under its own hold
      assert.ok(other, 'attempt 2 was fetched');
      const job2 = { id, queue: name, attempt: other.retryCount + 1, worker: 'other' };
      const hold = {
        owns: async () => true,
        saveHeld: (run: RunRecord, save: (onlyIf: SaveCondition) => Promise<string>) =>
          save(holdingAttempt(boss, job2, run)),
        expiredAsLast: async () => false,
      };
      const recorder = new RunRecorder('master', ['worker', '--job', id, 'master', data.file], uuidv7());
      saved = await storeForJob(store, job2, hold).saveRun(recorder.finish(0));
    } else await loop(1);
    const runs = await sql<{ job: { attempt: number }; status: string; exitCode: number }>(
      boss,
      `select job, status, exit_code as "exitCode" from public.runs where job is not null order by started_at`,
    );
    const deadLetters = await sql(boss, `select id from ${QUEUE_SCHEMA}.job where name = 'shub.dead-letter'`);
    return { afterFirst, saved, final: await row(), runs, events, deadLetters };
  });
}

for (const exitCode of [ExitCode.usage, ExitCode.environment])
  for (const taken of [false, true])
    test(`exit ${exitCode}, expired at the worker's state check${taken ? ', attempt 2 taken' : ''}`, async () => {
      const { afterFirst, saved, final, runs, events, deadLetters } = await failedThenExpired(exitCode, taken);
      // the worker reports its attempt expired and fails nothing: attempt 2 keeps its count, state and limit
      // (attempt 2 taken: the other worker runs it, not this loop)
      assert.deepEqual(
        events.map((e) => [e.state, e.attempt]),
        taken
          ? [['expired', 1]]
          : [
              ['expired', 1],
              ['completed', 2],
            ],
      );
      assert.match(events[0]!.error ?? '', /attempt 1 outlived its 3600 s expiry/);
      const { output, ...first } = afterFirst;
      assert.deepEqual(first, { state: taken ? 'active' : 'retry', retryCount: taken ? 1 : 0, retryLimit: 2 });
      // pg-boss's own timeout message stays the job's output (not the late attempt's outcome)
      assert.match(JSON.stringify(output), /failed by timeout/);
      assert.deepEqual(deadLetters, []);
      assert.doesNotMatch(saved, /not recorded/, 'attempt 2 (taken) still holds the job when it saves');
      assert.equal(final.state, 'completed');
      assert.equal(final.retryCount, 1);
      // attempt 1 saved no run (here the worker's own record of it would be the retry's "expired" one)
      assert.deepEqual(
        runs.map((r) => [r.job.attempt, r.status, r.exitCode]),
        [[2, 'ok', 0]],
      );
    });

/**
 * One job whose attempt 1 ends with `exitCode`, its failed run saved under its hold, and pg-boss's expiry of
 * that attempt run right after the save (before the worker reports). The run is what `shub worker`'s does with
 * the worker's hold: a retry after an expired attempt records it ("attempt N expired"), and a last attempt that
 * pg-boss failed by timeout (`expiredAsLast`) records itself. Then the loop runs until the queue is empty.
 */
async function failedSaveThenExpired(exitCode: number, retryLimit: number, rollBack = false) {
  return withQueue(async ({ store, boss }) => {
    const { name, id } = await sendOne(boss, '6', retryLimit);
    const fetched: QueuedJob[] = [];
    const hooked = (job: QueuedJob): Store => ({
      kind: store.kind,
      location: store.location,
      saveRun: async (run, options) => {
        if (job.attempt > 1) return store.saveRun(run, options);
        // `rollBack`: the save's transaction fails after its condition ran (the store reports an error)
        const onlyIf = options?.onlyIf;
        assert.ok(onlyIf, 'the worker saves its run under a condition');
        const failing = async (query: Parameters<typeof onlyIf>[0]) => {
          const verdict = await onlyIf(query);
          if (verdict === true) throw new Error('the store failed after the condition');
          return verdict;
        };
        const where = await store.saveRun(run, { onlyIf: rollBack ? failing : onlyIf }).catch((e: Error) => e);
        await expire(boss, job);
        if (where instanceof Error) throw where;
        return where;
      },
      listRuns: (q) => store.listRuns(q),
      getRun: (runId) => store.getRun(runId),
      close: async () => undefined,
    });
    const lost = (job: QueuedJob, attempt: number, why: string) => {
      const recorder = new RunRecorder('master', ['worker', '--job', job.id], uuidv7());
      recorder.errors.push({ file: job.data.file, message: why, exitCode: ExitCode.environment });
      const record = { id: job.id, queue: job.queue, attempt, worker: 'unknown' };
      return storeForJob(store, record).saveRun(recorder.finish(ExitCode.environment));
    };
    const events: JobEvent[] = [];
    await new QueueWorker(boss, {
      commands: ['master'],
      concurrency: 1,
      once: true,
      pollMs: 50,
      run: async (job, workerId, hold) => {
        fetched.push(job);
        if (job.attempt > 1 && job.previousExpired) await lost(job, job.attempt - 1, 'expired; retried');
        const record = { id: job.id, queue: job.queue, attempt: job.attempt, worker: workerId };
        const code = job.attempt === 1 ? exitCode : ExitCode.ok;
        const recorder = new RunRecorder('master', ['worker', '--job', job.id, 'master', job.data.file], uuidv7());
        if (code !== ExitCode.ok) recorder.errors.push({ file: job.data.file, message: 'no ffmpeg', exitCode: code });
        const run = recorder.finish(code);
        // a save that failed is reported, as a command reports it (its run ends; the worker reads the job)
        await storeForJob(hooked(job), record, hold)
          .saveRun(run)
          .catch((e: Error) => e.message);
        if (await hold.expiredAsLast()) await lost(job, job.attempt, 'the last attempt outlived its expiry');
        return { exitCode: code, runId: run.runId, ...(code !== ExitCode.ok ? { message: 'no ffmpeg' } : {}) };
      },
      onJob: (e) => events.push(e),
    }).run();
    const runs = await sql<{ job: { attempt: number }; status: string; exitCode: number }>(
      boss,
      `select job, status, exit_code as "exitCode" from public.runs where job is not null order by started_at`,
    );
    const [final] = await sql<{ state: string; retryCount: number; output: { message?: string } }>(
      boss,
      `select state::text as state, retry_count as "retryCount", output from ${QUEUE_SCHEMA}.job
       where name = $1 and id = $2`,
      [name, id],
    );
    const deadLetters = await sql(boss, `select id from ${QUEUE_SCHEMA}.job where name = 'shub.dead-letter'`);
    return { fetched, events, runs, final: final!, deadLetters: deadLetters.length };
  });
}

test('exit 4 expired just after its failed save: one record for attempt 1, attempt 2 keeps its count', async () => {
  const { fetched, events, runs, final, deadLetters } = await failedSaveThenExpired(ExitCode.environment, 2);
  assert.deepEqual(
    runs.map((r) => [r.job.attempt, r.status, r.exitCode]),
    [
      [1, 'failed', ExitCode.environment],
      [2, 'ok', 0],
    ],
  );
  // the save failed the job (to retry): the expiry found nothing active, so attempt 2 is no "expired" retry
  assert.deepEqual(
    fetched.map((j) => [j.attempt, j.previousExpired]),
    [
      [1, false],
      [2, false],
    ],
  );
  assert.deepEqual(
    events.map((e) => [e.state, e.attempt]),
    [
      ['retrying', 1],
      ['completed', 2],
    ],
  );
  assert.deepEqual([final.state, final.retryCount, deadLetters], ['completed', 1, 0]);
});

for (const [exitCode, retryLimit] of [
  [ExitCode.environment, 0],
  [ExitCode.usage, 2],
] as const) {
  const title = `exit ${exitCode} (${retryLimit ? 'no retry' : 'last attempt'}) expired just after its failed save`;
  test(`${title}: one record`, async () => {
    const { fetched, events, runs, final, deadLetters } = await failedSaveThenExpired(exitCode, retryLimit);
    assert.deepEqual(
      runs.map((r) => [r.job.attempt, r.status, r.exitCode]),
      [[1, 'failed', exitCode]],
    );
    // failed for good by its save: no retry, and no "the last attempt outlived its expiry" record
    assert.deepEqual(
      fetched.map((j) => j.attempt),
      [1],
    );
    assert.deepEqual(
      events.map((e) => [e.state, e.attempt]),
      [['dead-lettered', 1]],
    );
    assert.deepEqual([final.state, final.retryCount, deadLetters], ['failed', 0, 1]);
    // the worker's outcome as the job's output (not pg-boss's timeout message)
    assert.equal(final.output.message, 'no ffmpeg');
  });
}

test("pg-boss's expiry during a held attempt's fail waits on the job's row, then finds nothing to expire", async () => {
  await withQueue(async ({ boss }) => {
    const { name, id } = await sendOne(boss, '8');
    const [fetched] = await boss.fetch(name, { batchSize: 1 });
    assert.equal(fetched?.id, id);
    // attempt 1 overdue (its expiry not yet run); the expiry starts once the fail holds the row's lock
    await sql(
      boss,
      `update ${QUEUE_SCHEMA}.job set started_on = started_on - interval '2 hours' where name = $1 and id = $2`,
      [name, id],
    );
    const fail = boss.fail.bind(boss) as (...args: unknown[]) => Promise<unknown>;
    let expiring: Promise<unknown> = Promise.resolve();
    let waited = false;
    (boss as { fail: unknown }).fail = async (...args: unknown[]) => {
      expiring = sql(boss, plans.failJobsByTimeout(QUEUE_SCHEMA));
      for (let i = 0; i < 100 && !waited; i++) {
        const rows = await sql(
          boss,
          `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        waited = rows.length > 0;
        if (!waited) await new Promise((r) => setTimeout(r, 50));
      }
      return fail(...args);
    };
    const outcome = { exitCode: ExitCode.environment, message: 'no ffmpeg', retryable: true };
    assert.equal(await failHeldAttempt(boss, { id, queue: name, attempt: 1 }, outcome), true);
    await expiring;
    assert.equal(waited, true, 'the expiry waited for the fail to commit');
    const rows = await sql<{ state: string; retryCount: number; output: { message?: string } }>(
      boss,
      `select state::text as state, retry_count as "retryCount", output from ${QUEUE_SCHEMA}.job where id = $1`,
      [id],
    );
    // one row, retried once by this fail (not failed again by the expiry): the worker's outcome as its output
    assert.deepEqual(rows, [{ state: 'retry', retryCount: 0, output: { ...outcome } }]);
  });
});

for (const retryLimit of [2, 0])
  test(`exit 4, its failed save rolled back, then expired${retryLimit ? '' : ' (last attempt)'}: expired`, async () => {
    const { fetched, events, runs, final } = await failedSaveThenExpired(ExitCode.environment, retryLimit, true);
    // nothing was saved and the job stayed active: pg-boss's expiry retried (or failed) it, as for any attempt
    // that outlived its expiry; the retry (or the last attempt itself) records it
    assert.deepEqual(
      events.map((e) => [e.state, e.attempt]),
      retryLimit
        ? [
            ['expired', 1],
            ['completed', 2],
          ]
        : [['expired', 1]],
    );
    assert.deepEqual(
      fetched.map((j) => [j.attempt, j.previousExpired]),
      retryLimit
        ? [
            [1, false],
            [2, true],
          ]
        : [[1, false]],
    );
    assert.deepEqual(
      runs.map((r) => [r.job.attempt, r.status, r.exitCode]),
      retryLimit
        ? [
            [1, 'failed', ExitCode.environment],
            [2, 'ok', 0],
          ]
        : [[1, 'failed', ExitCode.environment]],
    );
    assert.deepEqual([final.state, final.retryCount], retryLimit ? ['completed', 1] : ['failed', 0]);
  });

/**
 * One worker loop (one job) whose attempt runs `body`, then hangs past `stop(50)` (released after the stop): the
 * stop's return, the loop's events and the job's row after.
 */
async function stopPastTimeout(boss: PgBoss, job: { name: string; id: string }, body: WorkerLoopOptions['run']) {
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  let release!: () => void;
  const hung = new Promise<void>((resolve) => (release = resolve));
  const events: JobEvent[] = [];
  const worker = new QueueWorker(boss, {
    commands: ['master'],
    concurrency: 1,
    once: true,
    maxJobs: 1,
    pollMs: 50,
    run: async (...args) => {
      try {
        return await body(...args);
      } finally {
        started();
        await hung;
      }
    },
    onJob: (e) => events.push(e),
  });
  const loop = worker.run();
  await running;
  const stopped = await worker.stop(50);
  release();
  await loop;
  const [row] = await sql<{ state: string; retryCount: number }>(
    boss,
    `select state::text as state, retry_count as "retryCount" from ${QUEUE_SCHEMA}.job where name = $1 and id = $2`,
    [job.name, job.id],
  );
  return { stopped, events, row };
}

test('stop past its timeout after a failed save: the attempt reads retrying, nothing handed back', async () => {
  await withQueue(async ({ store, boss }) => {
    const sent = await sendOne(boss, '5');
    // attempt 1 saves its failed run (exit 4: the save retries the job), then hangs past the stop
    const { stopped, events, row } = await stopPastTimeout(boss, sent, async (job, workerId, hold) => {
      const record = { id: job.id, queue: job.queue, attempt: job.attempt, worker: workerId };
      const recorder = new RunRecorder('master', ['worker', '--job', job.id, 'master', job.data.file], uuidv7());
      recorder.errors.push({ file: job.data.file, message: 'no ffmpeg', exitCode: ExitCode.environment });
      await storeForJob(store, record, hold).saveRun(recorder.finish(ExitCode.environment));
      return { exitCode: ExitCode.environment };
    });
    assert.deepEqual(row, { state: 'retry', retryCount: 0 });
    assert.deepEqual(
      events.map((e) => [e.state, e.attempt, e.exitCode]),
      [['retrying', 1, ExitCode.environment]],
    );
    // one job was running at the timeout; none was handed back (its save had failed it)
    assert.deepEqual(stopped, { running: 1, handedBack: 0 });
  });
});

test('stop past its timeout hands back only the attempt it holds, not the next one another worker took', async () => {
  await withQueue(async ({ boss }) => {
    const sent = await sendOne(boss, '9');
    // attempt 1 expires while it runs, another worker takes attempt 2, and attempt 1 hangs past the stop
    const { stopped, events, row } = await stopPastTimeout(boss, sent, async (job) => {
      await expire(boss, job);
      await sql(boss, `update ${QUEUE_SCHEMA}.job set start_after = now() - interval '1 s' where id = $1`, [sent.id]);
      const [other] = await boss.fetch(sent.name, { batchSize: 1, includeMetadata: true });
      assert.equal(other?.retryCount, 1, 'attempt 2 taken');
      return { exitCode: ExitCode.ok };
    });
    // attempt 2 stays active under its worker (not put back to `created` by attempt 1's hand-back)
    assert.deepEqual(row, { state: 'active', retryCount: 1 });
    assert.deepEqual(
      events.map((e) => [e.state, e.attempt]),
      [['expired', 1]],
    );
    // the stop's count: one job running at the timeout, not handed back
    assert.deepEqual(stopped, { running: 1, handedBack: 0 });
  });
});
