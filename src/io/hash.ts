import { createReadStream } from 'node:fs';
import { nodeCrypto } from './lazy-crypto.js';

/** sha256 of a file, streamed in 1 MiB chunks (hex). */
export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = nodeCrypto().createHash('sha256');
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
