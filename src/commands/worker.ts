/**
 * `shub worker`: runs queued jobs (issue 16, SPEC §8b) with the very command functions the CLI
 * uses, and records each as a run in the same store with its job (id, queue, attempt, worker).
 * SIGTERM/SIGINT stop it gracefully: no more fetching, the running jobs finish within
 * --stop-timeout (or are handed back to the queue, their temporaries removed), exit 0. A second
 * signal interrupts at once as any command.
 */
import { ExitCode, describeError, exitCodeOf, UsageError } from '../errors.js';
import { redactText } from '../store/redact.js';
import type { RunJob, RunRecord, Store } from '../store/types.js';
import { defineCommand, withSession, type CliContext } from './context.js';
import type { FfmpegFlag, JsonFlag } from './options.js';
import type { AttemptHold, JobEvent, QueuedJob } from '../queue/worker.js';
import type { JobOutcome, QueueCommand } from '../queue/boss.js';

export interface WorkerFlags extends JsonFlag, FfmpegFlag {
  db?: string;
  concurrency: number;
  commands: string;
  once?: boolean;
  maxJobs?: number;
  stopTimeout: number;
}

const COMMANDS = ['analyze', 'validate', 'master'] as const;

function positive(flag: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new UsageError(`${flag}: expected a whole number from 1 to ${max}, got '${value}'`);
    return n;
  };
}

/**
 * The store as a job's run sees it: each run carries its job. With `hold` (the attempt's own runs),
 * a run is recorded only while the attempt holds the job: on PostgreSQL the check, the save and the job's
 * end (completed for a success, failed otherwise) are one transaction (`holdingAttempt`), so an attempt is
 * recorded once whenever it expires; on another store (the worker opens none) check, then save.
 */
export function storeForJob(store: Store, job: RunJob, hold?: AttemptHold): Store {
  const saveRun = async (run: RunRecord): Promise<string> => {
    const record = { ...run, job };
    if (!hold) return store.saveRun(record);
    if (store.kind === 'postgres') return hold.saveHeld(record, (onlyIf) => store.saveRun(record, { onlyIf }));
    return (await hold.owns()) ? store.saveRun(record) : `not recorded: job ${job.id} attempt ${job.attempt} expired`;
  };
  return {
    kind: store.kind,
    location: store.location,
    saveRun,
    listRuns: (q) => store.listRuns(q),
    getRun: (id) => store.getRun(id),
    close: async () => undefined,
  };
}

const envNumber = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const n = Number(env[name]);
  return env[name] && Number.isFinite(n) && n > 0 ? n : fallback;
};

export async function workerCli(ctx: CliContext, flags: WorkerFlags): Promise<number> {
  const commands = flags.commands.split(',').map((c) => c.trim());
  for (const c of commands)
    if (!(COMMANDS as readonly string[]).includes(c))
      throw new UsageError(`--commands: unknown command '${c}'; queued commands are ${COMMANDS.join(', ')}`);
  return withSession(ctx, 'worker', flags, async (s) => {
    const [{ chooseDatabase }, boss, { QueueWorker }, { prepareJob }, { canonicalJson }] = await Promise.all([
      import('../store/open.js'),
      import('../queue/boss.js'),
      import('../queue/worker.js'),
      import('../queue/commands.js'),
      import('../queue/boss.js'),
    ]);
    const database = chooseDatabase({ dbUrl: flags.db, config: s.config, env: ctx.io.env });
    if (!database)
      throw new UsageError(
        'worker: the queue lives in PostgreSQL; pass --db postgres://USER@HOST/DB, or set SHUB_DATABASE_URL',
      );
    // the run store first: a job is never run without its record
    const store = await s.openStore({ db: database.url });
    const queue = await boss.openQueue(database.url, {
      supervise: true,
      maintenanceSeconds: envNumber(ctx.io.env, 'SHUB_QUEUE_MAINTENANCE_SECONDS', 30),
      max: flags.concurrency + 3,
      onError: (m) => ctx.io.stderr.write(`warning: queue: ${m}\n`),
    });
    const env = { config: s.config, configFile: s.configFile, ffmpeg: s.ffmpeg };
    const prepared = new Map<string, ReturnType<typeof prepareJob>>();
    const output = s.output<JobEvent & { worker: string }>(flags, {
      format: (e) =>
        `${e.state.padEnd(13)} ${e.command} ${e.file} (job ${e.jobId}, attempt ${e.attempt}` +
        `${e.exitCode === null ? '' : `, exit ${e.exitCode}`})${e.error ? `: ${e.error}` : ''}`,
    });
    const { uuidv7, RunRecorder } = await import('../store/run.js');
    const run = async (job: QueuedJob, workerId: string, hold: AttemptHold): Promise<JobOutcome> => {
      const runId = uuidv7();
      const record: RunJob = { id: job.id, queue: job.queue, attempt: job.attempt, worker: workerId };
      // an attempt that outlived its expiry records nothing: the retry records it as expired
      const jobStore = storeForJob(store, record, hold);
      const args = ['worker', '--job', job.id, job.data.command, job.data.file];
      const key = `${job.data.command}\n${canonicalJson(job.data.options)}`;
      if (!prepared.has(key)) prepared.set(key, prepareJob(job.data.command as QueueCommand, job.data.options, env));
      const expired = (attempt: number, worker: string, why: string) => {
        const lost = new RunRecorder(job.data.command, args, uuidv7());
        lost.errors.push({ file: job.data.file, message: why, exitCode: ExitCode.environment });
        return storeForJob(store, { ...record, attempt, worker })
          .saveRun(lost.finish(ExitCode.environment))
          .catch((err: unknown) => output.warning(`could not record the expired attempt: ${describeError(err)}`));
      };
      const expiry = `${job.expireInSeconds} s`;
      if (job.attempt > 1 && job.previousExpired)
        // the attempt before this one died with its worker (SIGKILL, power cut) or outlived its expiry
        await expired(
          job.attempt - 1,
          'unknown',
          `attempt ${job.attempt - 1} expired after ${expiry} ` +
            '(its worker stopped: killed, hung or slower than the expiry); retried',
        );
      let work;
      try {
        work = await prepared.get(key)!;
      } catch (err) {
        prepared.delete(key);
        // options this machine refuses (e.g. a target its config does not know): recorded, not retried
        const recorder = new RunRecorder(job.data.command, args, runId);
        recorder.errors.push({ file: job.data.file, message: describeError(err), exitCode: exitCodeOf(err) });
        await jobStore.saveRun(recorder.finish(exitCodeOf(err)));
        return { exitCode: exitCodeOf(err), runId, message: redactText(describeError(err)) };
      }
      const outcome = await work(job.data.file, {
        store: jobStore,
        runId,
        args,
        onWarning: (w) => output.warning(w),
        // a retry may find the output of an attempt that died after writing it (outputs are atomic and deterministic)
        overwrite: job.attempt > 1,
      });
      // the last attempt outlived its expiry: no retry will record it, so it is recorded here, as failed (not
      // when its own failed run's save failed it: that run is its record)
      if (await hold.expiredAsLast())
        await expired(job.attempt, workerId, `attempt ${job.attempt} (the last) outlived its ${expiry} expiry: failed`);
      return outcome;
    };
    const worker = new QueueWorker(queue, {
      commands: commands as QueueCommand[],
      concurrency: flags.concurrency,
      ...(flags.once ? { once: true } : {}),
      ...(flags.maxJobs !== undefined ? { maxJobs: flags.maxJobs } : {}),
      pollMs: envNumber(ctx.io.env, 'SHUB_QUEUE_POLL_MS', 1000),
      run,
      onJob: (e) => {
        if (e.state === 'expired') ctx.io.stderr.write(`warning: job ${e.jobId}: ${e.error}\n`);
        else if (e.error && e.state !== 'completed') ctx.io.stderr.write(`error: job ${e.jobId}: ${e.error}\n`);
        output.result({ ...e, worker: worker.id });
      },
    });
    const [{ setGracefulStop }, { removeLiveTemporaries }] = await Promise.all([
      import('../interrupt.js'),
      import('../io/atomic.js'),
    ]);
    let stopped: Promise<{ running: number; handedBack: number }> | undefined;
    const unset = setGracefulStop((signal) => {
      ctx.io.stderr.write(
        `${signal}: stopping; waiting up to ${flags.stopTimeout} s for running jobs (a second signal interrupts)\n`,
      );
      stopped = worker.stop(flags.stopTimeout * 1000).then((left) => {
        // every job still running is abandoned (handed back or not): its temporaries go
        if (left.running) removeLiveTemporaries();
        return left;
      });
    });
    try {
      const done = worker.run();
      // a stop that hands jobs back does not wait for them to end
      await Promise.race([
        done,
        new Promise<void>((resolve) => {
          const check = setInterval(() => {
            if (stopped) {
              clearInterval(check);
              void stopped.then(() => resolve());
            }
          }, 100);
          void done.finally(() => clearInterval(check));
        }),
      ]);
      if (stopped) {
        const { running, handedBack } = await stopped;
        // a running job not handed back was no longer its attempt's: its save ended it, or it expired (its event)
        const ended = running - handedBack;
        ctx.io.stderr.write(
          `stopped: ${handedBack} running job(s) handed back to the queue` +
            `${ended ? `; ${ended} already ended (saved or expired), not handed back` : ''}\n`,
        );
      }
    } finally {
      unset();
      await queue.stop({ graceful: false, wait: true }).catch(() => undefined);
    }
    return ExitCode.ok;
  });
}

export const workerCommand = defineCommand({
  name: 'worker',
  description: 'run queued jobs (shub queue submit) with the same command functions; records every run',
  options: (cmd) =>
    cmd
      .option('-c, --concurrency <n>', 'jobs run at once', positive('--concurrency', 256), 1)
      .option('--commands <list>', 'queues to take jobs from', COMMANDS.join(','))
      .option('--once', 'exit when the queues are empty')
      .option('--max-jobs <n>', 'exit after this many jobs', positive('--max-jobs', 1e9))
      .option(
        '--stop-timeout <s>',
        'on SIGTERM/SIGINT, seconds to let running jobs finish before handing them back',
        positive('--stop-timeout', 86400),
        60,
      ),
  shared: { json: 'print one JSON line per finished job (NDJSON)', ffmpeg: 'non-WAV input and output', store: 'db' },
  examples: [
    'shub worker --db postgres://shub@db.studio/shub --concurrency 2',
    'shub worker --db postgres://shub@db.studio/shub --commands master --once',
  ],
  exitCodes: {
    0: 'stopped (queues empty with --once or --max-jobs done or SIGTERM/SIGINT)',
    2: 'usage error',
    4: 'database unreachable or not migrated',
  },
  note: 'Inputs and outputs are paths: every worker must see them at the same place.',
  run: (ctx, flags: WorkerFlags) => workerCli(ctx, flags),
});
