/**
 * The repository's formatting: prettier (`.prettierrc.json`) for TypeScript, clang-format
 * (`.clang-format`) for C++, and no source line over 120 characters (prettier leaves long strings
 * and comments alone, so the length is checked here). `npm run format` fixes the first two.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers/cli.js';

const MAX_COLUMNS = 120;
const SOURCE_DIRS = ['src', 'test', 'bench', 'fixtures', 'native/src', 'bin'];
const SOURCE_EXT = /\.(ts|tsx|js|cc|h)$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE_EXT.test(name)) out.push(full);
  }
  return out;
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));

test(`no source line is longer than ${MAX_COLUMNS} characters`, () => {
  const long: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.length > MAX_COLUMNS) long.push(`${path.relative(ROOT, file)}:${i + 1} (${line.length})`);
      });
  }
  assert.deepEqual(long, [], `lines over ${MAX_COLUMNS} characters:\n${long.join('\n')}`);
});

test('TypeScript is formatted by prettier (npm run format)', () => {
  const bin = path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const ts = files.filter((f) => /\.(ts|tsx|js)$/.test(f));
  const r = spawnSync(process.execPath, [bin, '--list-different', ...ts], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.stderr.trim(), '');
  assert.equal(r.stdout.trim(), '', `not formatted:\n${r.stdout}`);
});

test('C++ is formatted by clang-format (npm run format)', () => {
  const bin = path.join(ROOT, 'node_modules', 'clang-format', 'index.js');
  const cc = files.filter((f) => /\.(cc|h)$/.test(f));
  const r = spawnSync(process.execPath, [bin, '--dry-run', '--Werror', ...cc], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `not formatted:\n${r.stderr.slice(0, 4000)}`);
});
