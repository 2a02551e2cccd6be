/**
 * Build step (`npm install`, `npm test`): validates presets/platforms.yaml with its zod schema and
 * writes the resolved targets to dist/presets/platforms.json, stamped with the YAML's sha256.
 * At run time the JSON is used while the stamp matches, so `validate` and `master` skip loading
 * yaml and zod (~0.1 s of start-up per process); an edited YAML falls back to the full path.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../io/atomic.js';
import {
  COMPILED_PLATFORMS_FILE,
  PLATFORMS_FILE,
  parsePlatforms,
  sha256,
  type CompiledPlatforms,
} from './platforms.js';
import { describeError } from '../errors.js';

try {
  const text = await readFile(PLATFORMS_FILE, 'utf8');
  const targets = [...(await parsePlatforms(text, PLATFORMS_FILE, {}, null)).values()];
  const compiled: CompiledPlatforms = { sourceSha256: sha256(text), targets };
  await writeFileAtomic(COMPILED_PLATFORMS_FILE, `${JSON.stringify(compiled)}\n`);
} catch (err) {
  process.stderr.write(`error: ${describeError(err)}\n`);
  process.exitCode = 2;
}
