/**
 * Which store a command uses (SPEC §3), in-process: --db over SHUB_DATABASE_URL over config
 * store.url, blank values skipped, non-PostgreSQL URLs refused with the password hidden; the JSON
 * store when no database is named, its folder created for writing and refused when it cannot be.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError, UsageError } from '../../src/errors.js';
import { chooseDatabase, openStore } from '../../src/store/open.js';
import type { ShubConfig } from '../../src/config.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-open-');
after(cleanup);

const config = (url?: string) => ({ store: { dir: '.shub', ...(url ? { url } : {}) } }) as unknown as ShubConfig;

test('the database: --db, then SHUB_DATABASE_URL, then config store.url; none is the JSON store', () => {
  const flag = 'postgres://a@h/flag';
  const env = { SHUB_DATABASE_URL: 'postgresql://a@h/env' };
  const conf = config('postgres://a@h/conf');
  assert.deepEqual(chooseDatabase({ dbUrl: flag, config: conf, env }), { url: flag, source: '--db' });
  assert.deepEqual(chooseDatabase({ config: conf, env }), { url: env.SHUB_DATABASE_URL, source: 'SHUB_DATABASE_URL' });
  assert.deepEqual(chooseDatabase({ config: conf, env: {} }), {
    url: 'postgres://a@h/conf',
    source: 'config store.url',
  });
  assert.equal(chooseDatabase({ config: config(), env: {} }), null);
  // blank values do not count; surrounding blanks are trimmed
  assert.deepEqual(
    chooseDatabase({ dbUrl: '  ', config: config(), env: { SHUB_DATABASE_URL: ' postgres://a@h/x ' } }),
    {
      url: 'postgres://a@h/x',
      source: 'SHUB_DATABASE_URL',
    },
  );
  assert.deepEqual(chooseDatabase({ dbUrl: 'POSTGRESQL://a@h/x', config: config(), env: {} })?.source, '--db');
});

test('a URL that is not PostgreSQL is a usage error naming its source, with the password hidden', () => {
  assert.throws(
    () => chooseDatabase({ dbUrl: 'mysql://root:hunter2@db/shub', config: config(), env: {} }),
    (e: unknown) =>
      e instanceof UsageError &&
      e.message === "--db: expected a postgres:// or postgresql:// URL, got 'mysql://root:***@db/shub'",
  );
  assert.throws(
    () => chooseDatabase({ config: config(), env: { SHUB_DATABASE_URL: 'postgres:/missing-slash' } }),
    (e: unknown) => e instanceof UsageError && e.message.startsWith('SHUB_DATABASE_URL: expected'),
  );
});

test('no database: the JSON store in the given folder, runs/ created for writing, not for reading', async () => {
  const write = path.join(dir, 'w', '.shub');
  const s = await openStore({ storeDir: write, config: config(), env: {} });
  assert.equal(s.kind, 'json');
  assert.ok(existsSync(path.join(write, 'runs')));
  await s.close();
  const read = path.join(dir, 'r', '.shub');
  const r = await openStore({ storeDir: read, config: config(), env: {}, mode: 'read' });
  assert.equal(r.kind, 'json');
  assert.equal(existsSync(read), false, 'reading creates nothing');
  assert.deepEqual(await r.listRuns(), []);
  await r.close();
});

test('a JSON store folder that cannot be created is an environment error saying what to change', async () => {
  const file = path.join(dir, 'plain-file');
  writeFileSync(file, 'x');
  await assert.rejects(
    openStore({ storeDir: path.join(file, '.shub'), config: config(), env: {} }),
    (e: unknown) =>
      e instanceof EnvironmentError &&
      e.message.includes(`run store ${path.join(file, '.shub')} is not writable (`) &&
      e.message.includes('is a file, not a folder') &&
      e.message.includes('--store-dir / config store.dir'),
  );
});
