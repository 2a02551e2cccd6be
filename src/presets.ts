/**
 * Where the shipped presets are: presets/ at the repository's (or installed package's) root, found from this
 * module's own file — src/presets.ts (run by tsx or a ts loader) or dist/src/presets.js (tsc's output, and the
 * bundles, whose `import.meta.url` is rewritten to the module's file in dist/src). Every reader of a shipped preset
 * (the learned models, platforms.yaml, chains, recipes, rigs) resolves its file here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The root: dist/src → two levels up, src → one (as src/native.ts finds build/). */
export const PACKAGE_ROOT =
  path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', '..') : path.resolve(here, '..');
/** presets/ at the root. */
export const PRESETS_DIR = path.join(PACKAGE_ROOT, 'presets');

/** The absolute path of presets/<parts…> (e.g. `presetPath('rigs')`, `presetPath('tempo-level-lr56.json')`). */
export function presetPath(...parts: string[]): string {
  return path.join(PRESETS_DIR, ...parts);
}

/** The parsed JSON of presets/<name>.json (a learned model; the caller checks its features). */
export function readPreset<T>(name: string): T {
  return JSON.parse(readFileSync(presetPath(`${name}.json`), 'utf8')) as T;
}
