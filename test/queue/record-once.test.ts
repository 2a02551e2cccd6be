/**
 * A job's success is recorded once whatever the moment its attempt expires (SPEC §8b: every run is
 * recorded, a retried job's late result is discarded). pg-boss's own expiry statement (its
 * failJobsByTimeout) is run at the worst moments of an attempt: between the worker's ownership check
 * and the run's save, inside the save's transaction, and just after the save (before the worker ends the
 * job). h-debt60 saw 42
 * successful runs for 40 jobs under load in queue.test.ts: these make that timing happen every time.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startPostgres, type TestPostgres } from '../helpers/pg.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { migrateQueue, openQueue, queueName, sql, QUEUE_SCHEMA } from '../../src/queue/boss.js';
import { QueueWorker, type JobEvent, type QueuedJob } from '../../src/queue/worker.js';
import { storeForJob } from '../../src/commands/worker.js';
import { RunRecorder, uuidv7 } from '../../src/store/run.js';
import type { Store } from '../../src/store/types.js';

/** pg-boss's SQL (not in its typed API): the statement its maintenance runs to expire jobs. */
const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as {
  failJobsByTimeout(schema: string): string;
};

let server: TestPostgres;
before(async () => {
  server = await startPostgres();
});
after(async () => {
  await server?.stop();
});

type Moment = 'before the save' | 'during the save' | 'after the save';
const JOBS = 3;

/** JOBS jobs through one in-process worker; each first attempt expires at `moment`. Returns the store's runs. */
async function scenario(moment: Moment) {
  const url = await server.createDatabase();
  const migrator = await PostgresStore.connect(url, { checkSchema: false });
  await migrator.migrate('latest');
  await migrator.close();
  await migrateQueue(url);
  const store = await PostgresStore.connect(url);
  const boss = await openQueue(url);
  try {
    const name = queueName('master');
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++) {
      const data = { command: 'master', file: `/in/take${i}.wav`, options: {}, sha256: String(i).repeat(64) };
      ids.push((await boss.send(name, data, { expireInSeconds: 3600, retryLimit: 2, retryDelay: 0 }))!);
    }
    // this job's attempt past its expiry (started two hours ago), then pg-boss's maintenance statement
    const overdue = (job: QueuedJob) =>
      sql(
        boss,
        `update ${QUEUE_SCHEMA}.job set started_on = started_on - interval '2 hours'
         where name = $1 and id = $2 and state = 'active'`,
        [job.queue, job.id],
      );
    const expire = async (job: QueuedJob) => {
      await overdue(job);
      await sql(boss, plans.failJobsByTimeout(QUEUE_SCHEMA));
    };
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
        if (job.attempt === 1 && moment === 'before the save') await expire(job);
        const where = await store.saveRun(...args);
        if (job.attempt === 1 && moment === 'after the save') await expire(job);
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
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
  }
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
