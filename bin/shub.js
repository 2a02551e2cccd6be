#!/usr/bin/env node
// Launcher: the only place that exits. Native kernels run on the libuv pool; give it room for --jobs.
// CommonJS (bin/package.json): with the command's bundle, a run never starts Node's ES module loader.
'use strict';
const { availableParallelism } = require('node:os');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/**
 * The command's bundle, dist/bundle/<command>.cjs (src/bundle.ts), when it is newer than tsc's last build and
 * source maps are off; else undefined: the modules of dist/src are loaded (one file each, slower to start; their
 * source maps lead to src/ with `node --enable-source-maps`).
 */
function bundled(name) {
  if (process.sourceMapsEnabled ?? process.execArgv.includes('--enable-source-maps')) return undefined;
  const file = path.join(ROOT, 'dist', 'bundle', `${/^[a-z]+$/.test(name ?? '') ? name : 'cli'}.cjs`);
  try {
    const built = fs.statSync(path.join(ROOT, 'dist', '.tsbuildinfo')).mtimeMs;
    return fs.statSync(file).mtimeMs >= built ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The V8 flags a command runs with, each with the value that undoes it (V8's default in Node 20; the launch test
 * checks that the bundle's cache is still taken): `analyze`'s young generation is not grown (V8 doubles it from its
 * first size as objects survive its scavenges). Its post chain then scavenges more often in the same warm pages
 * instead of touching fresh ones: a first touch of a 4 kB page costs ≈ 14 µs on this VM, and the young generation's
 * growth was ≈ 3 000 of the main thread's ≈ 6 000 faults in the chain (bench/RESULTS.md, h-speed66). And, for one
 * input (a flag's third field: `true`), its functions tier up to TurboFan after ≈ 3× V8's default work: a one-file
 * run's post chain calls most of its functions once, and optimizing those sooner cost more (compiler threads, their
 * pages) than the optimized code saved — ≈ 0.1 CPU-s a run (bench/RESULTS.md, h-speed67); a batch's post threads
 * run the same functions file after file and keep V8's default.
 */
const V8_FLAGS = new Map([
  [
    'analyze',
    [
      ['--semi-space-growth-factor=1', '--semi-space-growth-factor=2', false],
      ['--interrupt-budget=200000', '--interrupt-budget=67584', true],
    ],
  ],
]);

/**
 * Sets (or, with `undo`, resets) `command`'s V8 flags (V8_FLAGS; those for one input only when `oneInput`). V8 takes
 * a code cache only under the flags it was written with, so they are set once the bundle is compiled from its cache
 * and reset while a cache is written.
 */
function setV8Flags(command, undo = false, oneInput = false) {
  const flags = V8_FLAGS.get(command);
  if (!flags) return;
  const v8 = require('node:v8');
  for (const [flag, reset, single] of flags)
    if (undo || oneInput || !single) v8.setFlagsFromString(undo ? reset : flag);
}

/**
 * Runs a bundle with its V8 code cache (`<bundle>.cache`: a first line naming the bundle's size, time and Node
 * version, then V8's data), so that its functions are not parsed and compiled again in every process. Returns the
 * bundle's exports, whether V8 took the cache, and `save`, which writes the cache (with every function compiled so
 * far) when there was none for this bundle and Node; a cache that cannot be written is left out (a slower start-up).
 */
function loadBundle(file, command, oneInput = false) {
  const { Script } = require('node:vm');
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const key = Buffer.from(`shub-code-cache ${stat.size} ${stat.mtimeMs} ${process.version}\n`);
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    const buf = fs.readFileSync(cacheFile);
    if (buf.length > key.length && buf.subarray(0, key.length).equals(key)) cachedData = buf.subarray(key.length);
  } catch {
    // no cache yet
  }
  // the bundle is one function expression (src/bundle.ts launcherScript): Node's CommonJS parameters, and the
  // bundle's `import()`s (a script from a code cache has no dynamic-import callback in Node 20); compiled as read
  const script = new Script(source, { filename: file, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  setV8Flags(command, false, oneInput);
  const module = { exports: {} };
  const dir = path.dirname(file);
  const dynamicImport = (name) =>
    import(name.startsWith('.') ? require('node:url').pathToFileURL(path.resolve(dir, name)).href : name);
  script.runInThisContext()(
    module.exports,
    require('node:module').createRequire(file),
    module,
    file,
    dir,
    dynamicImport,
  );
  // only when there was none for this bundle and Node: a cache refused for other V8 flags is not overwritten
  const save = () => {
    if (cachedData !== undefined) return;
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      setV8Flags(command, true);
      fs.writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
      fs.renameSync(tmp, cacheFile);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  };
  return { exports: module.exports, cached, save };
}

/**
 * The libuv pool's size for `command` (what UV_THREADPOOL_SIZE says when it is set). `analyze` keeps up to four
 * native consumers per file in flight on the pool during its audio pass (meter, onset flux, STFT, pitch; and the
 * file's reads): with a thread for each on two cores they time-slice, every block's calls end late together, and
 * the pass, which lets them run only two blocks ahead, waits — so `analyze` gets one thread more than the cores
 * (bench/RESULTS.md, h-sched22). The other commands keep room for --jobs.
 */
function threadPoolSize(command, env = process.env) {
  if (env.UV_THREADPOOL_SIZE) return env.UV_THREADPOOL_SIZE;
  const cores = availableParallelism();
  return String(command === 'analyze' ? cores + 1 : Math.max(4, cores + 2));
}

/**
 * The program's own options (src/program.ts), each with whether it takes a value: what commander reads before
 * the command's name (test/launch.test.ts checks this list against `shub --help`).
 */
const GLOBAL_OPTIONS = new Map([
  ['--config', true],
  ['--trust-config', false],
  ['--debug', false],
  ['-q', false],
  ['--quiet', false],
]);

/**
 * The command `args` (the command line after `shub`) runs, read as commander reads it: the program's options and
 * their values come first (`shub --config x.json -q analyze …`), then the command's name; `--` ends the options.
 * undefined when an option commander does not know at that level comes first (it then runs no command: help,
 * version or an error) or no name is given.
 */
function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return args[i + 1];
    if (arg.length < 2 || arg[0] !== '-') return arg;
    if (GLOBAL_OPTIONS.has(arg)) {
      if (GLOBAL_OPTIONS.get(arg)) i++;
    } else if (!/^-q+$/.test(arg) && !arg.startsWith('--config=')) return undefined;
  }
  return undefined;
}

/**
 * `analyze`'s one input: the arguments after the command's name that are regular files (an option's value rarely is
 * one), when there is exactly one; else undefined (another command, a batch, or no file).
 */
function oneInput(args) {
  const name = commandOf(args);
  if (name !== 'analyze') return undefined;
  const files = [];
  for (const arg of args.slice(args.indexOf(name) + 1)) {
    if (arg.startsWith('-')) continue;
    try {
      if (fs.statSync(arg).isFile() && files.push(arg) > 1) return undefined;
    } catch {
      // not a file: an option's value, or a missing file (the command says so)
    }
  }
  return files.length === 1 ? files[0] : undefined;
}

/**
 * Starts the sha256 of `analyze`'s one input (oneInput) on the addon's hashing thread, below the process's others
 * (native/src/filehash.cc sha256Fd), before the command's code is loaded: the second core is idle while this thread
 * loads the bundle, and the audio pass that follows keeps both busy. The source's own request joins this hash (the
 * addon's table keys it by the file's identity: a file edited since is hashed again) — a WAV source's at its first
 * read, one decoded by ffmpeg at its open (src/io/audio.ts hashBeside). Only for one input (a batch hashes each file
 * as it reads it: src/commands/analyze.ts), and not when the addon cannot be loaded (bench/RESULTS.md, h-speed32,
 * h-speed33). A file that is no audio at all is hashed for nothing (the command then fails on it; the process does
 * not wait for the thread). Returns the hash's promise (tests), else undefined.
 */
function prehash(args, file = oneInput(args)) {
  if (file === undefined) return undefined;
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const hash = require(path.join(ROOT, 'build', 'Release', 'shub_native.node')).sha256Fd(fd, fs.fstatSync(fd).size);
    hash.catch(() => undefined); // the source's request reports a failure
    return hash;
  } catch {
    // unreadable, or no addon: the command reports it
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return undefined;
}

async function main() {
  process.env.UV_THREADPOOL_SIZE = threadPoolSize(commandOf(process.argv.slice(2)));
  // a reader that has gone (`shub --help | head -1`) closes the pipe: what is left to print is dropped quietly
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err) => {
      if (err.code !== 'EPIPE') throw err;
    });
  const command = commandOf(process.argv.slice(2));
  const input = oneInput(process.argv.slice(2));
  prehash(process.argv.slice(2), input);
  const file = bundled(process.argv[2]);
  const bundle = file ? loadBundle(file, command, input !== undefined) : undefined;
  if (!bundle) setV8Flags(command, false, input !== undefined);
  const [{ installInterruptHandlers }, { launch }] = bundle
    ? [bundle.exports, bundle.exports]
    : await Promise.all([import('../dist/src/interrupt.js'), import('../dist/src/launch.js')]);
  installInterruptHandlers((code) => process.exit(code), process.stderr);
  const code = await launch(process.argv.slice(2));
  bundle?.save();
  // what was written reaches the reader before the exit (a pipe whose reader is slow holds it)
  const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // after native work, at once: not waiting for Node's teardown (src/native.ts exitNow)
  bundle?.exports.exitNow(code);
  process.exit(code);
}

if (require.main === module) void main();
module.exports = {
  bundled,
  commandOf,
  GLOBAL_OPTIONS,
  loadBundle,
  oneInput,
  prehash,
  setV8Flags,
  threadPoolSize,
  V8_FLAGS,
};
