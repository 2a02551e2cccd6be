/**
 * The throwaway PostgreSQL server of test/helpers/pg.ts: a Unix socket in a temp folder only,
 * scram passwords, fsync off, never running as root, and gone with its test process however that
 * process ends (exit without stop(), SIGKILL).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { ROOT } from '../helpers/cli.js';
import { startPostgres, type TestPostgres } from '../helpers/pg.js';

let server: TestPostgres;
before(async () => {
  server = await startPostgres({ throwaway: true });
});
after(async () => {
  await server?.stop();
});

async function one<T>(url: string, text: string): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows[0] as T;
  } finally {
    await c.end();
  }
}

/** Running and not a zombie (an exited server whose parent has not reaped it yet is gone). */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pid: number, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!running(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

test('the throwaway server: Unix socket in a temp folder only, scram passwords, fsync off, not root', async (t) => {
  t.diagnostic(`server ${server.source}, started in ${server.startMs} ms`);
  const url = await server.createDatabase();
  const socketDir = new URL(url).searchParams.get('host')!;
  assert.ok(socketDir.startsWith(tmpdir()), socketDir);
  assert.ok(existsSync(socketDir), 'socket folder exists while the server runs');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let settings: Record<string, string>;
  let uid: string;
  try {
    settings = (
      await c.query(
        `select current_setting('listen_addresses') as listen,
                current_setting('unix_socket_directories') as sockets,
                current_setting('password_encryption') as enc, current_setting('fsync') as fsync,
                (select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = current_user) as scram,
                pg_backend_pid() as pid`,
      )
    ).rows[0];
    // the backend serving this connection: read while it lives
    uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${settings.pid}/status`, 'utf8'))![1]!;
  } finally {
    await c.end();
  }
  assert.equal(settings.listen, '');
  assert.equal(settings.sockets, socketDir);
  assert.equal(settings.enc, 'scram-sha-256');
  assert.equal(settings.fsync, 'off');
  assert.equal(settings.scram, true);
  assert.notEqual(Number(uid), 0, 'the server process is not root');
  if (process.getuid?.() !== 0) assert.equal(Number(uid), process.getuid?.());

  const wrong = new URL(url);
  wrong.password = 'not-the-password';
  await assert.rejects(one(wrong.toString(), 'select 1'), (e: { code?: string }) => e.code === '28P01');
});

/** A test process that starts a server, reports it, then ends as `how` says. */
function crashingChild(how: 'exit' | 'kill'): { dir: string; postmaster: number; status: number | null } {
  const helper = new URL('../helpers/pg.js', import.meta.url).href;
  const code = `
    import { readFileSync } from 'node:fs';
    import path from 'node:path';
    const { startPostgres } = await import(${JSON.stringify(helper)});
    const server = await startPostgres({ throwaway: true });
    const dir = new URL(await server.createDatabase()).searchParams.get('host');
    const postmaster = Number(readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\\n')[0]);
    console.log(JSON.stringify({ dir, postmaster }));
    if (${JSON.stringify(how)} === 'kill') process.kill(process.pid, 'SIGKILL');
    else process.exit(7); // ends without stop()`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  assert.ok(line, `the child reported its server: ${r.stderr}`);
  return { ...(JSON.parse(line) as { dir: string; postmaster: number }), status: r.status };
}

test('a test process that exits without stop() leaves no server and no folder', async () => {
  const child = crashingChild('exit');
  assert.equal(child.status, 7);
  assert.ok(child.postmaster > 0);
  assert.ok(await gone(child.postmaster), `postmaster ${child.postmaster} still runs`);
  assert.equal(existsSync(child.dir), false, `${child.dir} removed`);
});

test('a SIGKILLed test process leaves no server (parent-death signal); the next start removes its folder', async () => {
  const child = crashingChild('kill');
  assert.equal(child.status, null, 'killed by a signal');
  assert.ok(await gone(child.postmaster), `postmaster ${child.postmaster} still runs`);
  const next = await startPostgres({ throwaway: true });
  await next.stop();
  assert.equal(existsSync(child.dir), false, `${child.dir} removed by the next start`);
});
