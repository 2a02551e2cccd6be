#!/usr/bin/env node
// Launcher: the only place that exits. Native kernels run on the libuv pool; give it room for --jobs.
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';

process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism() + 2));
// a reader that has gone (`shub --help | head -1`) closes the pipe: what is left to print is dropped quietly
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });

/**
 * The command's bundle (dist/bundle/<command>.js, src/bundle.ts) when it is newer than tsc's last
 * build, else undefined: the modules of dist/src are loaded (one file each, slower to start).
 */
function bundled(name) {
  const file = new URL(`../dist/bundle/${/^[a-z]+$/.test(name ?? '') ? name : 'cli'}.js`, import.meta.url);
  try {
    const built = statSync(new URL('../dist/.tsbuildinfo', import.meta.url)).mtimeMs;
    return statSync(file).mtimeMs >= built ? file.href : undefined;
  } catch {
    return undefined;
  }
}
const bundle = bundled(process.argv[2]);
const [{ installInterruptHandlers }, { launch }] = bundle
  ? [await import(bundle)].flatMap((m) => [m, m])
  : await Promise.all([import('../dist/src/interrupt.js'), import('../dist/src/launch.js')]);
installInterruptHandlers((code) => process.exit(code), process.stderr);
const code = await launch(process.argv.slice(2));
// what was written reaches the reader before the exit (a pipe whose reader is slow holds it)
const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
