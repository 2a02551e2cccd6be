/**
 * Build step (`npm install`, `npm run build`, `npm test`), after tsc: bundles the launcher's code
 * into one CommonJS file per command, dist/bundle/<command>.cjs, plus dist/bundle/cli.cjs (every
 * command: `shub --help`, global options first, an unknown name), each written as the function
 * bin/shub.js compiles and calls (launcherScript), and writes each one's V8 code
 * cache (<command>.cjs.cache). bin/shub.js runs the command's bundle with its cache (node:vm)
 * while it is newer than tsc's last build (dist/.tsbuildinfo), else the modules of dist/src as
 * before. Node's ESM loader resolves, reads and links each file apart (≈ 1 ms of CPU per file
 * on a small machine, ≈ 45 files for `analyze`); one file per process saves most of that, and
 * the cache saves parsing and compiling its functions again in every process.
 *
 * What each bundle keeps as it was in dist/src:
 * - `import.meta.url` of every module is its own file in dist/src (rewritten relative to the
 *   bundle), so the native addon, presets, package.json, worker entry files (analyze-post-worker,
 *   onnx-worker: started from dist/src, unbundled, in their own isolates) and createRequire
 *   resolve as before;
 * - every shub module once per process: a bundle holds all the code the command can reach,
 *   dynamic imports included (evaluated only when imported, as before), and is the only shub
 *   code the process loads, so `instanceof` on shub's errors and module state hold; the one
 *   exception, the progress display (ui/progress.js, ink: an ES module only), imports nothing
 *   of shub's and is loaded when it is shown, from its own ES module bundle with ink and React
 *   inlined (dist/bundle/ui/progress.js: one file instead of 522 from node_modules, 0.37
 *   CPU-s to load instead of 0.9; ink's React DevTools hook, loaded by ink only under DEV=true,
 *   is left out);
 * - packages stay in node_modules, except commander (CommonJS, needed by every run: bundled, so
 *   it is in the code cache too). Those imported statically by modules that load on demand
 *   (zod, kysely, pg, pg-boss) are required when such a module is first evaluated, not when
 *   the bundle loads. A package outside these lists fails the build.
 *
 * Names and line structure are kept (not minified); each module's code is headed by its path
 * comment. No source map: with `node --enable-source-maps` the launcher takes the modules of
 * dist/src, whose maps lead to src/*.ts. Without esbuild (a dev dependency) the step says so and
 * leaves no bundle: shub then runs from the modules. With `--if-stale` (npm test) the step does
 * nothing when the bundles are complete and newer than tsc's last build and the installed packages.
 */
import { readFileSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMAND_LOADERS } from './launch.js';
import { wavHeader } from './io/wav.js';

/** dist/src, where the modules tsc wrote are. */
const SRC = path.dirname(fileURLToPath(import.meta.url));
export const BUNDLE_DIR = path.resolve(SRC, '..', 'bundle');
/** Packages bundled with shub's code (CommonJS, needed by every run: in the code cache too). */
const BUNDLED_PACKAGES = new Set(['commander']);
/** Packages required when the module that imports them is first evaluated (CommonJS builds). */
const REQUIRED_PACKAGES = new Set(['zod/v3', 'kysely', 'pg', 'pg-boss']);
/**
 * Packages imported on demand that are bundled apart, each into dist/bundle/vendor/<name>.js with all its
 * dependencies: loaded only by the runs that import them, as one file instead of tens (execa: ≈ 40 files).
 */
export const VENDORED = new Set(['execa']);
/** Modules (relative to dist/src) loaded from dist/src when imported: ESM-only packages, nothing of shub's. */
const UNBUNDLED = new Set(['ui/progress.js']);

/** The part of esbuild's API used here (esbuild is loaded at run time: no types needed to compile shub). */
interface OnResolveArgs {
  path: string;
  importer: string;
  resolveDir: string;
  kind: string;
  namespace: string;
}
interface PluginBuild {
  onResolve(
    o: { filter: RegExp; namespace?: string },
    cb: (
      a: OnResolveArgs,
    ) => { path?: string; external?: boolean; namespace?: string; errors?: { text: string }[] } | undefined,
  ): void;
  onLoad(
    o: { filter: RegExp; namespace?: string },
    cb: (a: {
      path: string;
    }) =>
      | Promise<{ contents: string; loader: string; resolveDir?: string }>
      | { contents: string; loader: string; resolveDir?: string },
  ): void;
}
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[] }>;
}

/** A module's own source entry for a command: the interrupt handlers and the program with that command alone. */
export function commandEntry(name: string): string {
  return [
    "export { installInterruptHandlers } from './interrupt.js';",
    "export { exitNow } from './native.js';",
    "import { runProgram } from './program.js';",
    `import { ${name}Command as command } from './commands/${name}.js';`,
    '/** `shub <command> …`: the program with this command alone (as launch.ts runs it). */',
    'export const launch = (argv) => runProgram(argv, [command]);',
    '',
  ].join('\n');
}
const CLI_ENTRY =
  "export { installInterruptHandlers } from './interrupt.js';\nexport { exitNow } from './native.js';\n" +
  "export { launch } from './launch.js';\n";

/**
 * The dynamic `import()`s of a CommonJS bundle (the packages, built-ins and files it loads on demand) as calls of
 * `__shubImport`, which bin/shub.js passes in beside `require`: V8 loses a script's dynamic-import callback when
 * the script comes from a code cache (Node 20), so the bundle leaves them to the launcher, which resolves a
 * relative name against the bundle's folder.
 */
export function dynamicImports(code: string): string {
  return code.replace(/(?<![\w$.])import\(/g, '__shubImport(');
}

/**
 * The parameters of the function each bundle is (bin/shub.js calls it): Node's CommonJS ones and `__shubImport`.
 */
export const BUNDLE_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__shubImport'] as const;

/**
 * A bundle's code as the file bin/shub.js compiles as it is read: one function expression taking
 * BUNDLE_PARAMETERS (opened on the code's first line, so that line numbers in stack traces are the code's), and
 * ASCII only. esbuild already escapes every non-ASCII character of strings, templates and regular expressions;
 * what is left is in comments, which get the same escapes. V8 then keeps the source one byte a character (half
 * the memory of a two-byte string) and the launcher has no string to join: ≈ 350 page faults and 10 CPU-ms less
 * at every start-up (bench/RESULTS.md, h-speed29).
 */
export function launcherScript(code: string): string {
  const ascii = code.replace(/[^\x00-\x7f]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
  return `(function (${BUNDLE_PARAMETERS.join(', ')}) {${ascii}\n})`;
}

/** The bundle's own file URL, defined at the top of each CommonJS bundle (its banner). */
export const BUNDLE_URL = '__shubBundleUrl';

/** `import.meta.url` of a module in dist/src, written relative to the bundle's own URL. */
export function pinnedMetaUrl(source: string, file: string): string {
  const rel = path.relative(BUNDLE_DIR, file).split(path.sep).join('/');
  return source.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(rel)}, ${BUNDLE_URL}).href`);
}

/** The line of commander's lib/command.js that lazyChildProcess replaces. */
const COMMANDER_CHILD_PROCESS = "const childProcess = require('node:child_process');";

/**
 * commander's lib/command.js requires node:child_process at its top for `spawn`, which it calls only to run a
 * subcommand's own executable (shub's commands have none): in the bundle that require is made at the first spawn, so
 * a run no longer loads child_process with net and dgram at start-up (≈ 5 ms of the main thread before the command
 * starts; bench/RESULTS.md, h-speed33). Other files are returned as they are. A commander whose command.js lacks that
 * line, or uses childProcess for anything but `spawn`, fails the build (so an upgrade cannot leave it half done).
 */
export function lazyChildProcess(source: string, file: string): string {
  if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(file)) return source;
  const uses = source.split(/\bchildProcess\b/).length - 1;
  const spawns = source.split(/\bchildProcess\.spawn\(/).length - 1;
  if (!source.includes(COMMANDER_CHILD_PROCESS) || uses !== spawns + 1)
    throw new Error(`${file}: commander's use of node:child_process changed; update lazyChildProcess (src/bundle.ts)`);
  return source.replace(
    COMMANDER_CHILD_PROCESS,
    "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
  );
}

function plugin(entries: Map<string, string>) {
  return {
    name: 'shub-bundle',
    setup(build: PluginBuild) {
      build.onResolve({ filter: /^entry:/ }, (a) => ({ path: a.path.slice('entry:'.length), namespace: 'entry' }));
      build.onLoad({ filter: /.*/, namespace: 'entry' }, (a) => ({
        contents: entries.get(a.path)!,
        loader: 'js',
        resolveDir: SRC,
      }));
      build.onResolve({ filter: /^[^./]/ }, (a) => {
        if (a.path.startsWith('node:') || a.namespace === 'required') return { external: true };
        if (VENDORED.has(a.path) && a.kind === 'dynamic-import')
          return { path: `./vendor/${a.path}.js`, external: true };
        if (BUNDLED_PACKAGES.has(a.path) && a.kind !== 'dynamic-import') return undefined;
        if (a.kind === 'dynamic-import') return { external: true };
        if (REQUIRED_PACKAGES.has(a.path)) return { path: a.path, namespace: 'required' };
        return { errors: [{ text: `${a.path} (imported by ${a.importer}): list it in src/bundle.ts` }] };
      });
      build.onLoad({ filter: /.*/, namespace: 'required' }, (a) => ({
        contents: `module.exports = require(${JSON.stringify(a.path)});`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^\./ }, (a) => {
        const file = path.resolve(a.resolveDir, a.path);
        const rel = path.relative(SRC, file).split(path.sep).join('/');
        if (!UNBUNDLED.has(rel)) return undefined;
        if (a.kind !== 'dynamic-import') return { errors: [{ text: `${rel} is loaded apart: import it dynamically` }] };
        if (/\bfrom\s*['"]\.|\bimport\s*\(\s*['"]\./.test(readFileSync(file, 'utf8')))
          return { errors: [{ text: `${rel} is loaded apart and imports shub's modules (a second copy): bundle it` }] };
        return { path: `./${rel}`, external: true };
      });
      build.onLoad({ filter: /\.js$/ }, async (a) => ({
        contents: lazyChildProcess(pinnedMetaUrl(await readFile(a.path, 'utf8'), a.path), a.path),
        loader: 'js',
        resolveDir: path.dirname(a.path),
      }));
    },
  };
}

/** Written last by writeBundles: the bundles are complete and as new as it. */
const COMPLETE = path.join(BUNDLE_DIR, '.complete');

/** What the bundles are made from: tsc's last build (its build info) and npm's last install. */
const BUNDLE_INPUTS = [
  path.join(SRC, '..', '.tsbuildinfo'),
  path.join(SRC, '..', '..', 'node_modules', '.package-lock.json'),
];

/**
 * Whether the bundles are complete (`complete`, written last, exists) and newer than every one of `inputs` (a missing
 * one counts as newer): then `--if-stale` has nothing to redo.
 */
export function bundlesCurrent(complete = COMPLETE, inputs = BUNDLE_INPUTS): boolean {
  try {
    const made = statSync(complete).mtimeMs;
    return inputs.every((file) => statSync(file).mtimeMs <= made);
  } catch {
    return false;
  }
}

/** ink's React DevTools hook (ink/build/devtools.js, imported by ink only under DEV=true) as an empty module. */
const NO_DEVTOOLS = {
  name: 'no-devtools',
  setup(build: PluginBuild) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (a) =>
      /[\\/]ink[\\/]/.test(a.importer) ? { path: a.path, namespace: 'no-devtools' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({ contents: 'export {};\n', loader: 'js' }));
  },
};

/** Writes dist/bundle/; returns false (and writes nothing) without esbuild. */
export async function writeBundles(): Promise<boolean> {
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  let esbuild: Esbuild;
  try {
    esbuild = (await import('esbuild' as string)) as Esbuild;
  } catch {
    process.stderr.write(
      'note: esbuild is not installed: no dist/bundle/, shub runs from dist/src (slower start-up)\n',
    );
    return false;
  }
  const entries = new Map<string, string>(Object.keys(COMMAND_LOADERS).map((name) => [name, commandEntry(name)]));
  entries.set('cli', CLI_ENTRY);
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
  await esbuild.build({
    ...common,
    format: 'cjs',
    entryPoints: [...entries.keys()].map((name) => ({ in: `entry:${name}`, out: name })),
    outdir: BUNDLE_DIR,
    outExtension: { '.js': '.cjs' },
    // what the modules' rewritten `import.meta.url` is relative to (pinnedMetaUrl)
    banner: { js: `const ${BUNDLE_URL} = require('node:url').pathToFileURL(__filename).href;` },
    plugins: [plugin(entries)],
  });
  for (const name of entries.keys()) {
    const file = path.join(BUNDLE_DIR, `${name}.cjs`);
    await writeFile(file, launcherScript(dynamicImports(await readFile(file, 'utf8'))));
  }
  // the modules loaded apart, each an ES module with its packages inlined, at its path below dist/bundle/
  for (const rel of UNBUNDLED)
    await esbuild.build({
      ...common,
      format: 'esm',
      banner: { js: ESM_REQUIRE },
      entryPoints: [path.join(SRC, rel)],
      outfile: path.join(BUNDLE_DIR, rel),
      plugins: [NO_DEVTOOLS],
    });
  for (const name of VENDORED)
    await esbuild.build({
      ...common,
      format: 'esm',
      sourcemap: true,
      banner: { js: ESM_REQUIRE },
      stdin: { contents: `export * from '${name}';\n`, resolveDir: SRC, sourcefile: `vendor:${name}` },
      outfile: path.join(BUNDLE_DIR, 'vendor', `${name}.js`),
    });
  await writeCodeCaches([...entries.keys()]);
  await writeFile(COMPLETE, '');
  return true;
}

/** The `require` the CommonJS inside an ES module bundle goes through. */
const ESM_REQUIRE =
  "import { createRequire as __shubCreateRequire } from 'node:module';\n" +
  'const require = __shubCreateRequire(import.meta.url);';

/**
 * Each bundle's V8 code cache (dist/bundle/<command>.cjs.cache, see bin/shub.js): written by the launcher at the end
 * of a run that found none, so each command is run once here — `analyze` on a few seconds of generated audio (the
 * engines' functions are compiled during the analysis, and the cache holds every function compiled so far), the
 * others with `--help` — two at a time. A run that fails leaves that command without a cache (slower start-up only).
 */
async function writeCodeCaches(names: string[]): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shub-cache-'));
  try {
    const wav = path.join(dir, 'warm.wav');
    await writeFile(wav, warmUpWav());
    const launcher = path.resolve(SRC, '..', '..', 'bin', 'shub.js');
    const argsOf = (name: string): string[] =>
      name === 'analyze'
        ? ['analyze', wav, '--json', '--store-dir', path.join(dir, 'store')]
        : name === 'cli'
          ? ['--help']
          : [name, '--help'];
    const queue = [...names];
    const runNext = async (): Promise<void> => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const args = argsOf(name);
        await new Promise<void>((resolve) => {
          execFile(process.execPath, [launcher, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }, () =>
            resolve(),
          );
        });
      }
    };
    await Promise.all([runNext(), runNext()]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * 8 s of 48 kHz 16-bit stereo for the code cache's analysis: a kick-like click on every beat at 120 BPM over an A
 * minor triad, so that every feature's code runs (levels, spectral, tempo, key, onsets, pitch).
 */
function warmUpWav(): Buffer {
  const rate = 48000;
  const frames = rate * 8;
  const header = wavHeader({ sampleRate: rate, channels: 2, format: 's16', dataBytes: frames * 4 });
  const out = Buffer.alloc(header.length + frames * 4);
  header.copy(out);
  for (let i = 0; i < frames; i++) {
    const t = i / rate;
    const beat = t % 0.5;
    let v =
      0.15 *
      (Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 261.63 * t) + Math.sin(2 * Math.PI * 329.63 * t));
    v += 0.5 * Math.exp(-beat * 40) * Math.sin(2 * Math.PI * 60 * beat);
    const s = Math.round(Math.max(-1, Math.min(1, v * 0.5)) * 32767);
    out.writeInt16LE(s, header.length + i * 4);
    out.writeInt16LE(s, header.length + 2 + i * 4);
  }
  return out;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  try {
    if (!(process.argv.includes('--if-stale') && bundlesCurrent())) await writeBundles();
  } catch (err) {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
