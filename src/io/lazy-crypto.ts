/**
 * node:crypto loaded when it is first used, and random bytes without it. Requiring node:crypto costs ≈ 5 ms of the
 * main thread at a start-up (its modules compiled and run; bench/RESULTS.md, h-speed33), and a single-file `analyze`
 * needs none of it: the input's hash is the addon's (src/native.ts sha256Fd) and the run id's random bits can come
 * from the kernel.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

const require = createRequire(import.meta.url);

/** node:crypto, loaded at the first call. */
export function nodeCrypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}

/**
 * `n` random bytes from the kernel's random source (/dev/urandom: the CSPRNG node:crypto's generator is seeded from),
 * or from node:crypto's randomBytes where that device cannot be read.
 */
export function randomBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    for (let got = 0; got < n;) {
      const k = readSync(fd, out, got, n - got, null);
      if (k <= 0) throw new Error('/dev/urandom: short read');
      got += k;
    }
    return out;
  } catch {
    return nodeCrypto().randomBytes(n);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
