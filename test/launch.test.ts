/**
 * The launcher's fast path (src/launch.ts): `shub <command> …` loads one command's module. Each
 * loader must give the very definition COMMANDS registers, under the same name, and a command's
 * help printed with only that command registered must equal the help printed with all of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { COMMANDS, main } from '../src/cli.js';
import { COMMAND_LOADERS } from '../src/launch.js';
import { runProgram } from '../src/program.js';
import type { CliIo } from '../src/commands/context.js';
import { pathToFileURL } from 'node:url';
import { ROOT, SHUB, tempDir } from './helpers/cli.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
    env: { ...process.env, SHUB_DATABASE_URL: '' },
    cwd: process.cwd(),
  };
  return { out, io };
}

test('every command has a loader that gives its registered definition, and no loader is extra', async () => {
  assert.deepEqual(Object.keys(COMMAND_LOADERS).sort(), COMMANDS.map((c) => c.name).sort());
  for (const c of COMMANDS) assert.equal(await COMMAND_LOADERS[c.name]!(), c, c.name);
});

test('a command parses the same alone as among all: help and a usage error', async () => {
  for (const argv of [
    ['analyze', '--help'],
    ['master', '--help'],
    ['analyze', 'x.wav', '--features', 'nope'],
    ['validate'],
  ]) {
    const all = capture();
    const alone = capture();
    const codeAll = await main(argv, all.io);
    const command = await COMMAND_LOADERS[argv[0]!]!();
    const codeAlone = await runProgram(argv, [command], alone.io);
    assert.equal(codeAlone, codeAll, argv.join(' '));
    assert.equal(alone.out.stdout, all.out.stdout, argv.join(' '));
    assert.equal(alone.out.stderr, all.out.stderr, argv.join(' '));
    assert.ok(all.out.stdout.length + all.out.stderr.length > 0, argv.join(' '));
  }
});

test("the launcher's libuv pool: analyze gets one thread more than the cores, the others room for --jobs", () => {
  const launcher = createRequire(import.meta.url)(path.join(ROOT, 'bin', 'shub.js')) as {
    threadPoolSize(command: string | undefined, env: Record<string, string | undefined>): string;
  };
  const cores = availableParallelism();
  assert.equal(launcher.threadPoolSize('analyze', {}), String(cores + 1));
  for (const other of ['master', 'mix', 'report', undefined])
    assert.equal(launcher.threadPoolSize(other, {}), String(Math.max(4, cores + 2)), String(other));
  // a size the user set is kept, for analyze too; an empty one is not a size
  assert.equal(launcher.threadPoolSize('analyze', { UV_THREADPOOL_SIZE: '9' }), '9');
  assert.equal(launcher.threadPoolSize('analyze', { UV_THREADPOOL_SIZE: '' }), String(cores + 1));
});

test("the launcher starts the hash of analyze's one input before the bundle loads, and nothing else", async () => {
  const launcher = createRequire(import.meta.url)(path.join(ROOT, 'bin', 'shub.js')) as {
    prehash(args: string[]): Promise<string> | undefined;
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-prehash-'));
  try {
    const wav = path.join(dir, 'a.wav');
    const other = path.join(dir, 'b.wav');
    const flac = path.join(dir, 'c.flac');
    // any container: the launcher does not look at the bytes (a FLAC source's request joins it as a WAV source's does)
    const bytes = Buffer.concat([Buffer.from('RIFF\x24\x10\x00\x00WAVE', 'latin1'), Buffer.alloc(4096, 3)]);
    writeFileSync(wav, bytes);
    writeFileSync(other, bytes);
    const flacBytes = Buffer.concat([Buffer.from('fLaC', 'latin1'), Buffer.alloc(5000, 7)]);
    writeFileSync(flac, flacBytes);
    const want = createHash('sha256').update(bytes).digest('hex');
    // options and their values before and after the file; the program's options before the command
    assert.equal(await launcher.prehash(['analyze', wav]), want);
    assert.equal(await launcher.prehash(['-q', 'analyze', '--features', 'tempo,key', wav, '--json']), want);
    assert.equal(await launcher.prehash(['analyze', flac]), createHash('sha256').update(flacBytes).digest('hex'));
    // a batch (two files), another command, no file
    assert.equal(launcher.prehash(['analyze', wav, other]), undefined);
    assert.equal(launcher.prehash(['validate', wav]), undefined);
    assert.equal(launcher.prehash(['analyze', path.join(dir, 'missing.wav')]), undefined);
    assert.equal(launcher.prehash(['analyze', dir]), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the launcher reads the command's name after the program's options, as commander does", async () => {
  const launcher = createRequire(import.meta.url)(path.join(ROOT, 'bin', 'shub.js')) as {
    commandOf(args: string[]): string | undefined;
    GLOBAL_OPTIONS: Map<string, boolean>;
  };
  // the launcher's list is the program's options (less help and version, which run no command), with their values
  const help = capture();
  assert.equal(await main(['--help'], help.io), 0);
  const listed = new Map<string, boolean>();
  for (const line of help.out.stdout.slice(0, help.out.stdout.indexOf('Commands:')).split('\n')) {
    const m = /^ {2}(-\w, )?(--[\w-]+)( <\w+>)?/.exec(line);
    if (!m || m[2] === '--help' || m[2] === '--version') continue;
    listed.set(m[2]!, m[3] !== undefined);
    if (m[1]) listed.set(m[1].slice(0, 2), m[3] !== undefined);
  }
  assert.deepEqual([...launcher.GLOBAL_OPTIONS].sort(), [...listed].sort());
  // the command commander runs (its help names it) is the launcher's
  for (const args of [
    ['analyze'],
    ['--debug', 'analyze'],
    ['-q', 'master'],
    ['--quiet', '--trust-config', 'mix'],
    ['--config', 'analyze', 'mix'],
    ['--config=analyze', 'validate'],
    ['-qq', 'report'],
  ]) {
    const c = capture();
    assert.equal(await main([...args, '--help'], c.io), 0, args.join(' '));
    const ran = /^Usage: shub (\w+)/.exec(c.out.stdout)?.[1];
    assert.ok(ran, args.join(' '));
    assert.equal(launcher.commandOf([...args, 'x.wav']), ran, args.join(' '));
  }
  // after `--` the next argument is the name (`shub -- mix` runs mix: its required option is missing)
  const dashes = capture();
  assert.equal(await main(['--', 'mix'], dashes.io), 2);
  assert.match(dashes.out.stderr, /required option '-o, --output <path>'/);
  assert.equal(launcher.commandOf(['--', 'mix']), 'mix');
  // an option the program does not know comes first: commander runs no command
  for (const args of [['--nope', 'analyze'], ['-x', 'analyze'], ['--help', 'analyze'], ['-V'], []]) {
    assert.equal(launcher.commandOf(args), undefined, args.join(' '));
  }
  const c = capture();
  assert.equal(await main(['--nope', 'analyze', 'x.wav'], c.io), 2);
});

test("analyze's young generation is not grown, and its bundle's code cache is still taken", () => {
  // a child loads the analyze bundle as the launcher does (with or without the command's V8 flags), keeps 300 000
  // small objects alive (they survive the scavenges that grow the young generation) and prints the new space's size
  const child = (command: string | undefined) => {
    const script =
      `const l = require(${JSON.stringify(SHUB)});\n` +
      `const b = l.loadBundle(l.bundled('analyze'), ${JSON.stringify(command)});\n` +
      "const size = () => require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');\n" +
      'const keep = [];\nfor (let i = 0; i < 3e5; i++) keep.push({ i, a: [i] });\n' +
      'process.stdout.write(JSON.stringify({ cached: b.cached, newSpace: size().space_size, kept: keep.length }));';
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { cached: boolean; newSpace: number; kept: number };
  };
  const analyze = child('analyze');
  const plain = child(undefined);
  assert.equal(analyze.cached, true, 'the flags are set after the bundle is compiled from its cache');
  assert.equal(plain.cached, true);
  assert.ok(analyze.newSpace <= 4 * 2 ** 20, `analyze: new space ${analyze.newSpace} B`);
  assert.ok(plain.newSpace >= 8 * 2 ** 20, `without the flags: new space ${plain.newSpace} B`);
});

test("one file's analyze tiers up to TurboFan later; a batch keeps V8's default; the cache is taken", () => {
  // a child loads the analyze bundle as the launcher does (for one input, a batch, or without the command's flags),
  // then runs one call of a loop of 4 500 steps with V8's optimization trace on: V8's default marks it for TurboFan
  // after ≈ 2 500 steps, one input's larger interrupt budget only after ≈ 7 000 (counted in bytecode, not in time)
  const child = (command: string | undefined, oneInput: boolean) => {
    const script =
      `const l = require(${JSON.stringify(SHUB)});\n` +
      `const b = l.loadBundle(l.bundled('analyze'), ${JSON.stringify(command)}, ${oneInput});\n` +
      "require('node:v8').setFlagsFromString('--trace-opt');\n" +
      'function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += i * 0.5; return s; }\n' +
      'const s = hot(4500);\nprocess.stdout.write(`RESULT ${JSON.stringify({ cached: b.cached, s })}\\n`);';
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(/RESULT (.*)/.exec(r.stdout)?.[1] ?? 'null') as { cached: boolean; s: number };
    assert.equal(result.s, 0.5 * ((4500 * 4499) / 2));
    return { cached: result.cached, marked: /marking .*<JSFunction hot/.test(r.stdout) };
  };
  const one = child('analyze', true);
  const batch = child('analyze', false);
  const plain = child(undefined, true);
  assert.equal(one.cached, true, 'the flags are set after the bundle is compiled from its cache');
  assert.equal(one.marked, false, 'one input: hot is not marked for optimization after 4 500 steps');
  assert.equal(batch.marked, true, 'a batch: hot is marked for optimization after 4 500 steps');
  assert.equal(plain.marked, true, 'without the flags: hot is marked for optimization after 4 500 steps');
});

test("oneInput: analyze's one regular file after the command's name, else undefined", () => {
  const launcher = createRequire(import.meta.url)(path.join(ROOT, 'bin', 'shub.js')) as {
    oneInput(args: string[]): string | undefined;
  };
  const { dir, cleanup } = tempDir();
  try {
    const a = path.join(dir, 'a.wav');
    const b = path.join(dir, 'b.wav');
    writeFileSync(a, 'x');
    writeFileSync(b, 'y');
    assert.equal(launcher.oneInput(['analyze', a]), a);
    assert.equal(launcher.oneInput(['-q', 'analyze', '--features', 'tempo,key', a, '--json']), a);
    assert.equal(launcher.oneInput(['analyze', a, b]), undefined);
    assert.equal(launcher.oneInput(['analyze', '--jobs', '2', a, b]), undefined);
    assert.equal(launcher.oneInput(['validate', a]), undefined);
    assert.equal(launcher.oneInput(['analyze', path.join(dir, 'missing.wav')]), undefined);
    assert.equal(launcher.oneInput(['analyze', dir]), undefined);
  } finally {
    cleanup();
  }
});

test("exitNow: with the addon loaded, 'exit' listeners then the end with the code; else false", () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = path.join(dir, 'exit.mjs');
    const nativeUrl = pathToFileURL(path.join(ROOT, 'dist', 'src', 'native.js')).href;
    writeFileSync(
      file,
      `import { exitNow, native } from ${JSON.stringify(nativeUrl)};\n` +
        'process.stdout.write(`before load: ${exitNow(9)}\\n`);\n' +
        'native();\n' +
        "process.on('exit', (code) => process.stdout.write(`exit event ${code}\\n`));\n" +
        "setTimeout(() => process.stdout.write('a timer ran\\n'), 0);\n" +
        'process.stdout.write(`returned ${exitNow(7)}\\n`);\n',
    );
    // a plain run (no Node flag): the 'exit' event, then the end with 7 — no timer, nothing after the call
    const env = { ...process.env };
    delete env.NODE_V8_COVERAGE;
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', env });
    assert.equal(r.stdout, 'before load: false\nexit event 7\n', r.stderr);
    assert.equal(r.status, 7);
    // with coverage asked for, Node's own exit is kept (it writes the coverage): exitNow returns false
    const c = spawnSync(process.execPath, [file], {
      encoding: 'utf8',
      env: { ...env, NODE_V8_COVERAGE: path.join(dir, 'coverage') },
    });
    assert.equal(c.stdout, 'before load: false\nreturned false\na timer ran\nexit event 0\n', c.stderr);
    assert.equal(c.status, 0);
  } finally {
    cleanup();
  }
});

test(
  "exitNow leaves the parent's stdout and stderr pipes blocking, as Node's own exit does",
  { skip: process.platform !== 'linux' && 'reads /proc/self/fdinfo (Linux only)' },
  () => {
    // libuv sets O_NONBLOCK (04000) on a pipe it writes to; the shell that ran shub shares the pipe, and a
    // non-blocking pipe left behind makes its next writes fail with EAGAIN (GNU time's report came out cut off)
    const tone = path.join(ROOT, 'fixtures', 'tone-1k-minus23-stereo.wav');
    const shub = path.join(ROOT, 'bin', 'shub.js');
    const env = { ...process.env };
    delete env.NODE_V8_COVERAGE;
    const script =
      `"${process.execPath}" "${shub}" analyze "${tone}" --features levels --json --no-store; ` +
      'echo "status $?"; grep ^flags /proc/self/fdinfo/1; grep ^flags /proc/self/fdinfo/2 >&2';
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', env });
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0]!, /"integratedLufs"/, r.stderr);
    assert.equal(lines[1], 'status 0', r.stderr);
    const flags = (text: string) => parseInt(/^flags:\s+([0-7]+)/m.exec(text)?.[1] ?? 'NaN', 8);
    assert.equal(flags(lines[2]!) & 0o4000, 0, `stdout left non-blocking: ${lines[2]}`);
    assert.equal(flags(r.stderr) & 0o4000, 0, `stderr left non-blocking: ${r.stderr}`);
  },
);
