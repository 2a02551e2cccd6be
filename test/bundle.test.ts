/**
 * The start-up bundles (src/bundle.ts): each module's `import.meta.url` still names its own file in
 * dist/src, every command has a bundle and its code cache after the build, and `shub <command>` loads
 * that one file of shub's code with its cache (not the modules of dist/src, not a second copy of any);
 * execa comes from its own vendored bundle, the progress display (ink) from its own; `--if-stale` rebuilds only what
 * is older than its inputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import {
  BUNDLE_DIR,
  BUNDLE_PARAMETERS,
  BUNDLE_URL,
  bundlesCurrent,
  launcherScript,
  lazyChildProcess,
  pinnedMetaUrl,
} from '../src/bundle.js';
import { COMMAND_LOADERS } from '../src/launch.js';
import { ROOT, SHUB, tempDir } from './helpers/cli.js';
import { sineSegments, writeWav } from '../fixtures/signals.js';

test("a module's import.meta.url, rewritten for the bundle, is its own file's URL", () => {
  const bundleUrl = pathToFileURL(path.join(BUNDLE_DIR, 'analyze.cjs')).href;
  for (const rel of ['native.js', 'commands/analyze-post.js', 'engines/reamp/onnx.js']) {
    const file = path.join(ROOT, 'dist', 'src', rel);
    const source = 'const here = import.meta.url; // import.meta.urls\nconst w = new URL("./x.js", import.meta.url);';
    const out = pinnedMetaUrl(source, file);
    const exprs = [...out.matchAll(new RegExp(`new URL\\(("[^"]+"), ${BUNDLE_URL}\\)\\.href`, 'g'))].map((m) => m[1]!);
    assert.equal(exprs.length, 2, out);
    for (const e of exprs) assert.equal(new URL(JSON.parse(e) as string, bundleUrl).href, pathToFileURL(file).href);
    assert.match(out, /import\.meta\.urls\n/); // a longer name is not rewritten
  }
});

test('every command has its bundle and code cache, and the program with every command has them', () => {
  for (const name of [...Object.keys(COMMAND_LOADERS), 'cli']) {
    const file = path.join(BUNDLE_DIR, `${name}.cjs`);
    assert.ok(existsSync(file), `${file}: run the build (npm test runs node dist/src/bundle.js)`);
    assert.match(readFileSync(file, 'utf8'), /\blaunch: \(\) => launch\b/, name);
    assert.ok(existsSync(`${file}.cache`), `${file}.cache`);
  }
  // V8 takes the cache written by the build (the launcher's check, in a process with the launcher's flags)
  const r = spawnSync(
    process.execPath,
    [
      '-e',
      `const l = require(${JSON.stringify(SHUB)});\n` +
        "process.stdout.write(String(l.loadBundle(l.bundled('analyze')).cached));",
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.stdout, 'true', r.stderr);
});

test('shub <command> loads its bundle and no module of dist/src', () => {
  const { dir, cleanup } = tempDir();
  try {
    const log = path.join(dir, 'loaded.txt');
    // the files of the checkout read by the CommonJS side (the launcher, the bundle and its cache)
    const reads = path.join(dir, 'read.txt');
    writeFileSync(
      path.join(dir, 'reads.cjs'),
      "const fs = require('node:fs'); const read = fs.readFileSync;\n" +
        'fs.readFileSync = function (file, ...rest) {\n' +
        `  if (typeof file === 'string' && file.startsWith(${JSON.stringify(ROOT + path.sep)}) &&\n` +
        `    !file.includes('node_modules')) fs.appendFileSync(${JSON.stringify(reads)}, file + '\\n');\n` +
        '  return read.call(this, file, ...rest);\n};\n',
    );
    writeFileSync(
      path.join(dir, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs';\n" +
        `export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); ` +
        'return next(url, context); }\n',
    );
    writeFileSync(
      path.join(dir, 'register.mjs'),
      "import { register } from 'node:module';\n" +
        `register(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`,
    );
    for (const name of ['analyze', 'mix']) {
      writeFileSync(log, '');
      writeFileSync(reads, '');
      const r = spawnSync(
        process.execPath,
        ['--require', path.join(dir, 'reads.cjs'), '--import', path.join(dir, 'register.mjs'), SHUB, name, '--help'],
        { encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^Usage: shub ${name} `));
      const ours = readFileSync(log, 'utf8')
        .split('\n')
        .filter((u) => u.startsWith(pathToFileURL(ROOT).href + '/') && !u.includes('/node_modules/'));
      // the launcher only (the entry goes through the ES module loader because of --import), no module of dist/src
      assert.deepEqual(ours, [pathToFileURL(SHUB).href]);
      const bundle = path.join(BUNDLE_DIR, `${name}.cjs`);
      assert.deepEqual(
        readFileSync(reads, 'utf8')
          .split('\n')
          .filter((f) => /\.(c?js|cache)$/.test(f)),
        [bundle, `${bundle}.cache`],
      );
    }
    // a run that starts ffmpeg (the codec check) loads execa from its vendored bundle: one file, none of its package's
    const wav = path.join(dir, 'tone.wav');
    writeWav(wav, sineSegments(44100, 2, [{ seconds: 1, dbfs: -20 }]), 44100, 's16');
    writeFileSync(log, '');
    const v = spawnSync(
      process.execPath,
      ['--import', path.join(dir, 'register.mjs'), SHUB, 'validate', wav, '-p', 'spotify', '--codec-check', '--json'],
      { encoding: 'utf8', cwd: dir },
    );
    assert.ok(v.status === 0 || v.status === 1, v.stderr);
    assert.match(v.stdout, /codec-true-peak-aac/);
    const loaded = readFileSync(log, 'utf8').split('\n');
    assert.ok(loaded.includes(pathToFileURL(path.join(BUNDLE_DIR, 'vendor', 'execa.js')).href), loaded.join('\n'));
    assert.deepEqual(
      loaded.filter((u) => /\/node_modules\/(execa|cross-spawn|get-stream)\//.test(u)),
      [],
    );
  } finally {
    cleanup();
  }
});

test("a bundle's file is the launcher's function, ASCII only: comments escaped, the code's values unchanged", () => {
  // esbuild leaves non-ASCII characters in comments only; strings are escaped by it already (the same values)
  const code = '/** a → b, 15–20 dB, 😀 */\nmodule.exports = { s: "\\u2192", n: 4 }; // ≈ 10\nexports.x = 1;';
  const script = launcherScript(code);
  assert.match(script, /^[\x00-\x7f]*$/);
  const head = `(function (${BUNDLE_PARAMETERS.join(', ')}) {`;
  assert.ok(script.startsWith(`${head}/** a \\u2192 b, 15\\u201320 dB, \\u{1f600} */\n`));
  // the code's lines keep their numbers (the function opens on the first line)
  assert.equal(script.split('\n').length, code.split('\n').length + 1);
  const module = { exports: {} as Record<string, unknown> };
  (runInThisContext(script) as (...a: unknown[]) => void)(module.exports, undefined, module, 'f', 'd', undefined);
  assert.deepEqual(module.exports, { s: '\u2192', n: 4 });
  for (const name of [...Object.keys(COMMAND_LOADERS), 'cli']) {
    const text = readFileSync(path.join(BUNDLE_DIR, `${name}.cjs`), 'latin1');
    assert.ok(text.startsWith(`(function (${BUNDLE_PARAMETERS.join(', ')}) {`), name);
    assert.match(text, /^[\x00-\x7f]*\n\}\)$/, name);
  }
});

test("commander's node:child_process is required at its first spawn, not when the bundle loads", () => {
  const file = path.join(ROOT, 'node_modules', 'commander', 'lib', 'command.js');
  const source = readFileSync(file, 'utf8');
  const out = lazyChildProcess(source, file);
  assert.doesNotMatch(out, /^const childProcess = require\('node:child_process'\);$/m);
  // the object's spawn requires the module and calls its spawn with the same arguments
  const body = /^const childProcess = (\{.*\});$/m.exec(out)![1]!;
  const calls: unknown[][] = [];
  const fake = (name: string) => {
    assert.equal(name, 'node:child_process');
    return { spawn: (...args: unknown[]) => (calls.push(args), 'proc') };
  };
  const lazy = new Function('require', `return ${body};`)(fake) as { spawn(...a: unknown[]): unknown };
  assert.equal(calls.length, 0);
  assert.equal(lazy.spawn('exe', ['a'], { stdio: 'inherit' }), 'proc');
  assert.deepEqual(calls, [['exe', ['a'], { stdio: 'inherit' }]]);
  // the rest of the file is unchanged; another file is returned as it is
  assert.equal(out.split('\n').length, source.split('\n').length);
  assert.equal(lazyChildProcess(source, path.join(ROOT, 'dist', 'src', 'x.js')), source);
  // a commander that uses child_process otherwise fails the build
  assert.throws(() => lazyChildProcess(`${source}\nchildProcess.execFile('x');`, file), /update lazyChildProcess/);
  assert.throws(() =>
    lazyChildProcess(source.replace("require('node:child_process')", "require('child_process')"), file),
  );
});

test('the progress display is one file with ink and React inlined, and draws a frame and a result', () => {
  const { dir, cleanup } = tempDir();
  try {
    const log = path.join(dir, 'loaded.txt');
    writeFileSync(
      path.join(dir, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs';\n" +
        `export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); ` +
        'return next(url, context); }\n',
    );
    writeFileSync(
      path.join(dir, 'register.mjs'),
      "import { register } from 'node:module';\n" +
        `register(${JSON.stringify(pathToFileURL(path.join(dir, 'hooks.mjs')).href)});\n`,
    );
    const bundle = path.join(BUNDLE_DIR, 'ui', 'progress.js');
    // a terminal 80 columns wide that keeps what is written to it, and a results stream beside it
    const script =
      `const { startProgress } = await import(${JSON.stringify(pathToFileURL(bundle).href)});\n` +
      "const { Writable } = await import('node:stream');\n" +
      'const keep = (out) => Object.assign(new Writable({ write(c, _e, cb) { out.push(String(c)); cb(); } }), ' +
      '{ isTTY: true, columns: 80, rows: 24 });\n' +
      'const frames = []; const results = [];\n' +
      'const p = startProgress(2, keep(frames), keep(results));\n' +
      "p.update('one.wav', 0.5); p.writeResults('one.wav: done\\n'); p.update('one.wav', 1); p.stop();\n" +
      'process.stdout.write(JSON.stringify({ frames: frames.join(""), results: results.join("") }));\n';
    const r = spawnSync(
      process.execPath,
      ['--import', path.join(dir, 'register.mjs'), '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
        env: { ...process.env, CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
      },
    );
    assert.equal(r.status, 0, r.stderr);
    const { frames, results } = JSON.parse(r.stdout) as { frames: string; results: string };
    assert.match(frames, /0\/2 files/);
    assert.match(results, /one\.wav: done/);
    // the bundle and Node's own modules only: not one file of node_modules (522 from dist/src/ui/progress.js)
    const files = readFileSync(log, 'utf8')
      .split('\n')
      .filter((u) => u.startsWith('file:'));
    assert.deepEqual(files, [pathToFileURL(bundle).href]);
  } finally {
    cleanup();
  }
});

test('--if-stale: the bundles are current only when written after every input, all present', () => {
  const { dir, cleanup } = tempDir();
  try {
    const [complete, built, installed] = ['.complete', 'build-info', 'lock'].map((n) => path.join(dir, n));
    for (const f of [built, installed, complete]) writeFileSync(f!, '');
    const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
    at(built!, 1000);
    at(installed!, 1000);
    at(complete!, 2000);
    assert.equal(bundlesCurrent(complete, [built!, installed!]), true);
    at(installed!, 3000); // npm installed after the bundles were made
    assert.equal(bundlesCurrent(complete, [built!, installed!]), false);
    at(installed!, 1000);
    at(built!, 2500); // tsc built after them
    assert.equal(bundlesCurrent(complete, [built!, installed!]), false);
    at(built!, 1000);
    assert.equal(bundlesCurrent(path.join(dir, 'none'), [built!, installed!]), false); // never completed
    assert.equal(bundlesCurrent(complete, [built!, path.join(dir, 'gone')]), false);
    // the build marks its bundles complete
    assert.ok(existsSync(path.join(BUNDLE_DIR, '.complete')));
  } finally {
    cleanup();
  }
});
