/**
 * The command layer in process: `main(argv, io)` with captured streams (no spawned CLI). Every
 * registered command is listed by `shub --help`, and each one's help shows its examples and exit
 * codes; the shared options read the same everywhere; usage errors map to exit 2.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMANDS, main } from '../../src/cli.js';
import type { CliIo } from '../../src/commands/context.js';
import { ExitCode } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';

/** Runs `shub ARGS` in this process; stdout and stderr are collected. */
export async function shubInProcess(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { ...process.env, SHUB_DATABASE_URL: '' },
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const names = COMMANDS.map((c) => c.name);

test('the registry holds every command once, and `shub --help` lists each of them', async () => {
  assert.deepEqual(names, [
    'analyze',
    'validate',
    'master',
    'mix',
    'render',
    'reamp',
    'drums',
    'comp',
    'db',
    'history',
    'show',
    'report',
    'targets',
    'tag',
    'queue',
    'worker',
  ]);
  const r = await shubInProcess(['--help']);
  assert.equal(r.code, ExitCode.ok);
  const listed = [...r.stdout.split('Commands:')[1]!.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]);
  assert.deepEqual(
    listed.filter((n) => n !== 'help'),
    names,
  );
});

test("each command's --help shows examples that run that command, and its exit codes 0 to 4", async () => {
  for (const name of [...names, 'db migrate', 'db status']) {
    const r = await shubInProcess([...name.split(' '), '--help']);
    assert.equal(r.code, ExitCode.ok, `${name}: ${r.stderr}`);
    const [, examples = ''] = r.stdout.split('\nExamples:\n');
    const lines = examples.split('\n').filter((l) => l.startsWith('  '));
    assert.ok(lines.length >= 2, `${name}: at least two examples`);
    for (const l of lines) assert.match(l, new RegExp(`shub ${name.split(' ')[0]}\\b`), `${name}: ${l}`);
    const codes = /Exit codes: (.*)\./.exec(r.stdout)?.[1] ?? '';
    assert.match(codes, /^0 /, `${name}: exit codes start at 0`);
    for (const c of codes.split(', ')) assert.match(c, /^[0-5] \S/, `${name}: '${c}'`);
    assert.match(codes, /(^|, )4 [^,]*database/, `${name}: says what exit 4 means`);
  }
});

test('the shared options read the same in every command that takes them', async () => {
  const help = new Map<string, string>();
  // help text with its line wrapping undone
  for (const name of names) help.set(name, (await shubInProcess([name, '--help'])).stdout.replace(/\s+/g, ' '));
  const store =
    '--store-dir <dir> folder of the JSON run store (default: .shub) ' +
    '--db <url> PostgreSQL database (default: SHUB_DATABASE_URL, then config store.url)';
  for (const n of ['analyze', 'validate', 'master', 'mix', 'render', 'history', 'show'])
    assert.ok(help.get(n)!.includes(store), `${n}: --store-dir and --db`);
  for (const n of ['analyze', 'validate', 'master'])
    assert.match(help.get(n)!, /-j, --jobs <n> \w+ \w+ in parallel \(default: number of cores\)/, n);
  for (const n of ['analyze', 'validate', 'master', 'mix', 'render'])
    assert.match(
      help.get(n)!,
      /--ffmpeg <path> ffmpeg binary for .* \(default: SHUB_FFMPEG, config, bundled, PATH\)/,
      n,
    );
  for (const n of ['master', 'mix', 'render']) {
    assert.match(help.get(n)!, /-y, --overwrite replace/, n);
    assert.match(help.get(n)!, /-o, --output <path>/, n);
  }
  for (const n of names.filter((n) => n !== 'db' && n !== 'queue')) assert.match(help.get(n)!, /--json/, n);
  for (const sub of ['migrate', 'status']) {
    const text = (await shubInProcess(['db', sub, '--help'])).stdout.replace(/\s+/g, ' ');
    assert.match(text, /--db <url> PostgreSQL database \(default: SHUB_DATABASE_URL, then config store\.url\)/, sub);
    assert.match(text, /--json/, sub);
  }
});

test('usage errors exit 2 with one line on stderr and nothing on stdout', async () => {
  for (const argv of [
    ['analyze'],
    ['analyze', 'x.wav', '--jobs', '0'],
    ['master', 'x.wav'],
    ['master', 'x.wav', '--target', 'spotify', '--style', 'brickwall'],
    ['render', 'x.rpp', '-o', 'y.wav', '--backend', 'protools'],
    ['history', '--limit', '0'],
    ['nonsense'],
  ]) {
    const r = await shubInProcess(argv);
    assert.equal(r.code, ExitCode.usage, `${argv.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', argv.join(' '));
    assert.match(r.stderr, /error/, argv.join(' '));
  }
  const style = await shubInProcess(['master', 'x.wav', '--target', 'spotify', '--style', 'brickwall']);
  assert.equal(style.stderr, "error: --style must be one of transparent, balanced, loud, got 'brickwall'\n");
});

test("each invocation's output stops listening for stdout's errors when it is done (none left behind)", async () => {
  const { dir, cleanup } = tempDir('shub-cli-listeners-');
  try {
    let text = '';
    const stdout = Object.assign(new EventEmitter(), { write: (s: string) => (text += s) });
    const io: CliIo = {
      stdout,
      stderr: { write: () => true, isTTY: false },
      env: { ...process.env, SHUB_DATABASE_URL: '' },
      cwd: dir,
    };
    for (let k = 0; k < 12; k++)
      assert.equal(await main(['history', '--json', '--store-dir', path.join(dir, 'store')], io), ExitCode.ok);
    assert.equal(text, '', 'an empty store: no runs listed');
    // without the removal every invocation's listener stays: 12 here, and Node warns past 10
    assert.equal(stdout.listenerCount('error'), 0);
  } finally {
    cleanup();
  }
});
