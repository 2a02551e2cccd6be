#!/usr/bin/env node
// Launcher: the only place that exits. Native kernels run on the libuv pool; give it room for --jobs.
import { availableParallelism } from 'node:os';

process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism() + 2));
// a reader that has gone (`shub --help | head -1`) closes the pipe: what is left to print is dropped quietly
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });
const { installInterruptHandlers } = await import('../dist/src/interrupt.js');
installInterruptHandlers((code) => process.exit(code), process.stderr);
const { launch } = await import('../dist/src/launch.js');
const code = await launch(process.argv.slice(2));
// what was written reaches the reader before the exit (a pipe whose reader is slow holds it)
const flushed = (stream) => new Promise((resolve) => stream.write('', resolve));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
