/**
 * Build step (`npm install`, `npm run build`, `npm test`), after tsc: bundles the launcher's code
 * into one file per command, dist/bundle/<command>.js, plus dist/bundle/cli.js (every command:
 * `shub --help`, global options first, an unknown name). bin/shub.js loads the command's bundle
 * while it is newer than tsc's last build (dist/.tsbuildinfo), else the modules of dist/src as
 * before. Node's ESM loader resolves, reads and links each file apart (≈ 1 ms of CPU per file
 * on a small machine, ≈ 45 files for `analyze`); one file per process saves most of that.
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
 *   of shub's and is loaded from dist/src when it is shown;
 * - packages stay in node_modules. Those imported statically by modules that load on demand
 *   (zod, kysely, pg, pg-boss) are required when such a module is first evaluated, not when
 *   the bundle loads (an `import` of a package would be hoisted to the bundle's top); commander
 *   is imported (the program needs it at once). A package outside these lists fails the build.
 *
 * Names and line structure are kept (not minified); each module's code is headed by its path
 * comment, and a source map (dist/bundle/*.js.map, through tsc's maps) leads to src/*.ts with
 * `node --enable-source-maps`. Without esbuild (a dev dependency) the step says so and leaves
 * no bundle: shub then runs from the modules.
 */
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMAND_LOADERS } from './launch.js';

/** dist/src, where the modules tsc wrote are. */
const SRC = path.dirname(fileURLToPath(import.meta.url));
export const BUNDLE_DIR = path.resolve(SRC, '..', 'bundle');
/** Packages imported (hoisted to the bundle's top): needed by every run. */
const EAGER_PACKAGES = new Set(['commander']);
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
    "import { runProgram } from './program.js';",
    `import { ${name}Command as command } from './commands/${name}.js';`,
    '/** `shub <command> …`: the program with this command alone (as launch.ts runs it). */',
    'export const launch = (argv) => runProgram(argv, [command]);',
    '',
  ].join('\n');
}
const CLI_ENTRY = "export { installInterruptHandlers } from './interrupt.js';\nexport { launch } from './launch.js';\n";

/** `import.meta.url` of a module in dist/src, written relative to the bundle's own URL. */
export function pinnedMetaUrl(source: string, file: string): string {
  const rel = path.relative(BUNDLE_DIR, file).split(path.sep).join('/');
  return source.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
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
        if (EAGER_PACKAGES.has(a.path) || a.kind === 'dynamic-import') return { external: true };
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
        return { path: path.relative(BUNDLE_DIR, file).split(path.sep).join('/'), external: true };
      });
      build.onLoad({ filter: /\.js$/ }, async (a) => ({
        contents: pinnedMetaUrl(await readFile(a.path, 'utf8'), a.path),
        loader: 'js',
        resolveDir: path.dirname(a.path),
      }));
    },
  };
}

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
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    // the `require` the lazily required packages (and the CommonJS inside vendored ones) go through
    banner: {
      js:
        "import { createRequire as __shubCreateRequire } from 'node:module';\n" +
        'const require = __shubCreateRequire(import.meta.url);',
    },
  };
  await esbuild.build({
    ...common,
    entryPoints: [...entries.keys()].map((name) => ({ in: `entry:${name}`, out: name })),
    outdir: BUNDLE_DIR,
    plugins: [plugin(entries)],
  });
  for (const name of VENDORED)
    await esbuild.build({
      ...common,
      stdin: { contents: `export * from '${name}';\n`, resolveDir: SRC, sourcefile: `vendor:${name}` },
      outfile: path.join(BUNDLE_DIR, 'vendor', `${name}.js`),
    });
  return true;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  try {
    await writeBundles();
  } catch (err) {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
