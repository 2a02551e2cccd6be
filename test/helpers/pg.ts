/**
 * A throwaway PostgreSQL server for the store tests: initdb + pg_ctl in a temp folder, password
 * (scram) authentication, Unix socket in that folder only (`listen_addresses=''`), a random port.
 * The server refuses to run as root, so as root it runs as the `postgres` user (runuser). With
 * SHUB_TEST_DATABASE_URL set, that server is used instead (its role needs CREATEDB). Every test
 * gets a fresh database from `createDatabase()`; `stop()` removes everything.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** The password in every URL this server hands out ('' when the external URL has none). */
  password: string;
  /** A new empty database; returns its URL (with the password). */
  createDatabase(prefix?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Why the PostgreSQL tests cannot run here, or null when they can. In CI a missing server is a failure, not a skip. */
export function postgresUnavailable(): string | null {
  if (process.env.SHUB_TEST_DATABASE_URL) return null;
  if (postgresBinDir()) return null;
  const why = 'PostgreSQL server binaries not found (apt-get install postgresql, or set SHUB_TEST_DATABASE_URL)';
  if (process.env.CI) throw new Error(why);
  return why;
}

function postgresBinDir(): string | null {
  if (process.env.SHUB_PG_BIN) return process.env.SHUB_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

export async function startPostgres(): Promise<TestPostgres> {
  const external = process.env.SHUB_TEST_DATABASE_URL;
  return external ? externalServer(external) : localCluster();
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

function serverWith(adminUrl: string, password: string, onStop: () => void): TestPostgres {
  const created: string[] = [];
  return {
    password,
    async createDatabase(prefix = 'shub_test') {
      const name = `${prefix}_${randomBytes(5).toString('hex')}`;
      await withClient(adminUrl, (c) => c.query(`create database "${name}"`));
      created.push(name);
      return databaseUrl(adminUrl, name);
    },
    async stop() {
      try {
        await withClient(adminUrl, async (c) => {
          for (const name of created) await c.query(`drop database if exists "${name}" with (force)`);
        });
      } catch {
        // the server is going away anyway (local cluster) or unreachable now
      }
      onStop();
    },
  };
}

function externalServer(url: string): TestPostgres {
  const u = new URL(url);
  return serverWith(url, decodeURIComponent(u.password), () => undefined);
}

async function localCluster(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-pg-'));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    const uid = Number(ids.stdout.trim());
    const gid = Number(gids.stdout.trim());
    if (ids.status !== 0 || !Number.isInteger(uid))
      throw new Error('running as root needs a `postgres` user for the test server (the server refuses root)');
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : path.join(bin, tool);
    const full = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const r = spawnSync(cmd, full, { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  const data = path.join(dir, 'data');
  const port = 20000 + Math.floor(Math.random() * 30000);
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  const serverOptions = [
    `-c listen_addresses=''`,
    `-k ${dir}`,
    `-p ${port}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ];
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    serverOptions.join(' '),
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already down
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop); // a crashed test file must not leave a server behind
  const adminUrl = `postgresql://postgres:${password}@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
  return serverWith(adminUrl, password, stop);
}
