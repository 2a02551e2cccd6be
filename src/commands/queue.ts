/**
 * `shub queue submit|status|retry|cancel`: batch work on a PostgreSQL job queue (pg-boss, issue 16,
 * SPEC §8b). `submit` checks the command's options and every input before anything is enqueued (a
 * bad option exits 2, an unreadable input 3, and the queue is untouched), then enqueues one job per
 * input: the absolute path, the command's options, an expiry sized from the input's duration and a
 * singleton key from its sha256 and the options, so submitting the same batch again enqueues
 * nothing. The database URL is never put in a job.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { defineCommand, withSession, type CliContext, type CommandSpec, type Session } from './context.js';
import { oneOf, type JsonFlag } from './options.js';
import type { QueueStatus, SubmitJob, Submitted } from '../queue/jobs.js';
import type { QueueCommand } from '../queue/boss.js';

export interface QueueFlags extends JsonFlag {
  db?: string;
}

export interface SubmitFlags extends QueueFlags {
  priority?: number;
  force?: boolean;
  retryLimit?: number;
  retryDelay?: number;
  expireIn?: number;
}

const QUEUE_COMMAND_NAMES = ['analyze', 'validate', 'master'] as const;

function wholeNumber(flag: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got '${value}'`);
    return n;
  };
}

/** The database of the queue: --db, SHUB_DATABASE_URL or config store.url (never the JSON store). */
async function queueUrl(s: Session, flags: QueueFlags, what: string): Promise<string> {
  const { chooseDatabase } = await import('../store/open.js');
  const database = chooseDatabase({ dbUrl: flags.db, config: s.config, env: s.ctx.io.env });
  if (!database)
    throw new UsageError(
      `${what}: the queue lives in PostgreSQL; pass --db postgres://USER@HOST/DB, or set SHUB_DATABASE_URL`,
    );
  return database.url;
}

async function withQueue<T>(s: Session, url: string, work: (boss: import('pg-boss')) => Promise<T>) {
  const { openQueue } = await import('../queue/boss.js');
  const boss = await openQueue(url, { onError: (m) => s.ctx.io.stderr.write(`warning: queue: ${m}\n`) });
  try {
    return await work(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
  }
}

/** `queue submit`: everything checked, then one job per input in one transaction. */
export async function queueSubmitCli(
  ctx: CliContext,
  commandName: string,
  argv: string[],
  flags: SubmitFlags,
): Promise<number> {
  const command = oneOf('queue submit: the command', commandName, QUEUE_COMMAND_NAMES) as QueueCommand;
  const [{ parseCommandArgs, jobOptions, prepareJob, canonicalJobOptions }, boss] = await Promise.all([
    import('../queue/commands.js'),
    import('../queue/boss.js'),
  ]);
  const parsed = await parseCommandArgs(command, argv, ctx.io);
  const options = await canonicalJobOptions(command, jobOptions(command, parsed.flags, ctx.io.cwd));
  if (command === 'master' && typeof options.output === 'string') {
    // each job masters one file: `-o out` read for the whole batch (a folder when it writes several) stays that
    const targets = String(options.target ?? '')
      .split(',')
      .filter(Boolean).length;
    const { folderForBatch } = await import('../io/outputs.js');
    options.output = folderForBatch(options.output, parsed.files.length * Math.max(1, targets));
  }
  const ffmpegFlag = parsed.flags.ffmpeg as string | undefined;
  return withSession(ctx, 'queue', ffmpegFlag ? { ffmpeg: ffmpegFlag } : {}, async (s) => {
    const url = await queueUrl(s, flags, 'queue submit');
    // the options as the worker will use them: a bad target or style is refused here (exit 2)
    await prepareJob(
      command,
      options,
      { config: s.config, configFile: s.configFile, ffmpeg: s.ffmpeg },
      parsed.files.length,
    );
    const { openAudio } = await import('../io/audio.js');
    // every input probed (its duration sizes the expiry) and hashed (the singleton key), a few at a time;
    // an unreadable one is an InputError (exit 3) before anything is enqueued
    const files = parsed.files.map((f) => path.resolve(ctx.io.cwd, f));
    const jobs: SubmitJob[] = new Array(files.length);
    let next = 0;
    const prepareInput = async () => {
      while (next < files.length) {
        const i = next++;
        const file = files[i]!;
        const source = await openAudio(file, { ffmpeg: s.ffmpeg });
        const duration = source.format.durationSeconds;
        await source.close();
        const sha256 = await boss.sha256File(file);
        jobs[i] = { command, file, options, sha256, expireInSeconds: flags.expireIn ?? boss.expirySeconds(duration) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, availableParallelism() + 1) }, prepareInput));
    const { submitJobs } = await import('../queue/jobs.js');
    const submitted = await withQueue(s, url, (b) =>
      submitJobs(b, url, jobs, {
        ...(flags.priority !== undefined ? { priority: flags.priority } : {}),
        force: flags.force ?? false,
        retryLimit: flags.retryLimit ?? boss.DEFAULT_RETRY_LIMIT,
        retryDelaySeconds: flags.retryDelay ?? boss.DEFAULT_RETRY_DELAY_S,
      }),
    );
    const { quotePath } = await import('../io/names.js');
    const out = s.output<Submitted>(flags, {
      format: (r) =>
        r.jobId
          ? `${r.jobId}  ${quotePath(r.file)}`
          : `${r.existing!.jobId}  ${quotePath(r.file)} (already ${r.existing!.state}; not enqueued again)`,
    });
    for (const r of submitted) out.result(r);
    const enqueued = submitted.filter((r) => r.jobId).length;
    ctx.io.stderr.write(`${enqueued} job(s) enqueued, ${submitted.length - enqueued} already queued or done\n`);
    return ExitCode.ok;
  });
}

function formatStatus(st: QueueStatus): string {
  const states = ['created', 'retry', 'active', 'completed', 'failed', 'dead-lettered', 'cancelled'] as const;
  const lines = [`${'command'.padEnd(10)}${states.map((x) => x.padStart(14)).join('')}`];
  for (const [command, counts] of Object.entries(st.commands).sort())
    lines.push(`${command.padEnd(10)}${states.map((x) => String(counts[x]).padStart(14)).join('')}`);
  if (lines.length === 1) lines.push('(no jobs)');
  if (st.oldestWaiting)
    lines.push(
      `oldest waiting: ${st.oldestWaiting.jobId} ${st.oldestWaiting.command} ${st.oldestWaiting.file} ` +
        `(since ${st.oldestWaiting.createdOn})`,
    );
  for (const f of st.failed)
    lines.push(
      `failed ${f.jobId} ${f.command} ${f.file} after ${f.attempts} attempt(s)` +
        `${f.deadLettered ? ' [dead-lettered]' : ''}: ${f.error}`,
    );
  return lines.join('\n');
}

export async function queueStatusCli(ctx: CliContext, flags: QueueFlags): Promise<number> {
  return withSession(ctx, 'queue', {}, async (s) => {
    const url = await queueUrl(s, flags, 'queue status');
    const { queueStatus } = await import('../queue/jobs.js');
    const st = await withQueue(s, url, (b) => queueStatus(b));
    s.output<QueueStatus>(flags, { format: formatStatus }).result(st);
    return ExitCode.ok;
  });
}

/**
 * `queue retry` and `queue cancel`: one job by id, or every failed / queued one (the verb's `every` flag); each id
 * printed with the state it is left in.
 */
interface JobsVerb {
  name: 'retry' | 'cancel';
  description: string;
  /** The flag that names every job the verb applies to, its key among the parsed flags and its help. */
  every: { flag: string; key: 'failed' | 'allQueued'; help: string };
  state: string;
  done: string;
  act: (
    jobs: typeof import('../queue/jobs.js'),
    boss: import('pg-boss'),
    ids: string[] | undefined,
  ) => Promise<string[]>;
}

const JOBS_VERBS: JobsVerb[] = [
  {
    name: 'retry',
    description: 'queue failed (or dead-lettered) jobs again',
    every: { flag: '--failed', key: 'failed', help: 'every failed job' },
    state: 'retry',
    done: 'queued again',
    act: (jobs, b, ids) => jobs.retryJobs(b, ids ? { ids } : 'failed'),
  },
  {
    name: 'cancel',
    description: 'cancel queued jobs (running ones finish)',
    every: { flag: '--all-queued', key: 'allQueued', help: 'every job waiting to run' },
    state: 'cancelled',
    done: 'cancelled',
    act: (jobs, b, ids) => jobs.cancelJobs(b, ids ? { ids } : 'queued'),
  },
];

type JobsFlags = QueueFlags & { failed?: boolean; allQueued?: boolean };

async function queueJobsCli(ctx: CliContext, job: string | undefined, flags: JobsFlags, what: JobsVerb) {
  if (!job === !flags[what.every.key])
    throw new UsageError(`queue ${what.name}: give a job id or ${what.every.flag} (not both)`);
  return withSession(ctx, 'queue', {}, async (s) => {
    const url = await queueUrl(s, flags, `queue ${what.name}`);
    const jobs = await import('../queue/jobs.js');
    const ids = await withQueue(s, url, (b) => what.act(jobs, b, job ? [job] : undefined));
    const out = s.output<{ jobId: string; state: string }>(flags, { format: (r) => `${r.jobId} ${what.done}` });
    for (const id of ids) out.result({ jobId: id, state: what.state });
    ctx.io.stderr.write(`${ids.length} job(s) ${what.done}\n`);
    return ExitCode.ok;
  });
}

const DB = 'postgres://shub@db.studio/shub';

export const queueCommand = defineCommand({
  name: 'queue',
  description: 'spread batch work over machines: a PostgreSQL job queue that `shub worker` processes run',
  examples: [`shub queue submit master --target spotify albums/*.wav --db ${DB}`, `shub queue status --db ${DB}`],
  exitCodes: { 0: 'ok', 2: 'usage error', 3: 'unreadable input (submit)', 4: 'database unreachable' },
  subcommands: [
    {
      name: 'submit',
      description: 'enqueue one job per input file for analyze, validate or master, with that command’s options',
      arguments: [
        ['<command>', 'analyze | validate | master'],
        ['[args...]', "the command's options and input files, as for `shub <command>`"],
      ],
      options: (cmd) =>
        cmd
          .allowUnknownOption()
          .option('--priority <n>', 'higher runs first (default 0)', wholeNumber('--priority', -1000, 1000))
          .option('--force', 'enqueue even when the same input and options are queued, running or done')
          .option(
            '--retry-limit <n>',
            'retries after a failed attempt (default 2)',
            wholeNumber('--retry-limit', 0, 20),
          )
          .option(
            '--retry-delay <s>',
            'seconds before the first retry, doubled each time (default 5)',
            wholeNumber('--retry-delay', 0, 3600),
          )
          .option(
            '--expire-in <s>',
            'seconds a worker may hold a job before it is retried (default 10 + 10 × the audio duration)',
            wholeNumber('--expire-in', 1, 82800),
          ),
      shared: { json: 'print one JSON line per job (NDJSON)', store: 'db' },
      examples: [
        `shub queue submit master --target spotify albums/*.wav --db ${DB}`,
        `shub queue submit validate --platform spotify,cd deliveries/*.flac --db ${DB} --json`,
      ],
      exitCodes: {
        0: 'enqueued (or already there)',
        2: 'bad command or option',
        3: 'unreadable input',
        4: 'database unreachable',
      },
      note:
        'Nothing is enqueued unless every input is readable and every option valid. ' +
        'Paths are stored absolute: workers must see the same paths.',
      run: (ctx, command: string, args: string[], flags: SubmitFlags) => queueSubmitCli(ctx, command, args, flags),
    },
    {
      name: 'status',
      description: 'jobs per command and state, the oldest waiting job, failed jobs with their errors',
      shared: { json: 'print the status as one JSON object', store: 'db' },
      examples: [`shub queue status --db ${DB}`],
      exitCodes: { 0: 'ok', 2: 'no database named', 4: 'database unreachable' },
      run: (ctx, flags: QueueFlags) => queueStatusCli(ctx, flags),
    },
    ...JOBS_VERBS.map((v): CommandSpec => ({
      name: v.name,
      description: v.description,
      arguments: [['[job]', 'a job id']],
      options: (cmd) => cmd.option(v.every.flag, v.every.help),
      shared: { json: 'print one JSON line per job', store: 'db' },
      examples: [`shub queue ${v.name} ${v.every.flag} --db ${DB}`],
      exitCodes: { 0: 'ok', 2: 'no job named, or an unknown job', 4: 'database unreachable' },
      run: (ctx: CliContext, job: string | undefined, flags: JobsFlags) => queueJobsCli(ctx, job, flags, v),
    })),
  ],
});
