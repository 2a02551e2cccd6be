/**
 * Recipe YAML nesting is bounded before parsing (issue 18 fuzz finding): ten thousand `[` on one
 * line made the parser recurse for 30 s and 3 GB; now it is exit 2 at once, naming the line.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_YAML_NESTING, tooDeepAt } from '../../src/recipes/mix.js';
import { shub, tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-yaml-nesting-');
after(cleanup);

test('nesting is measured on the text: flow levels, indentation, not inside quotes or comments', () => {
  const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
  assert.equal(tooDeepAt(`a: 1\nb: ${deep(MAX_YAML_NESTING.flowLevels)}\n`), 0);
  assert.equal(tooDeepAt(`a: 1\nb: ${deep(MAX_YAML_NESTING.flowLevels + 1)}\n`), 2);
  assert.equal(tooDeepAt(`a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\n`), 0);
  assert.equal(tooDeepAt(`a:\n${' '.repeat(MAX_YAML_NESTING.indentColumns + 1)}b: 1\n`), 2);
  assert.equal(tooDeepAt(`a: [1, [2, {c: [3]}]]\nd: {e: [4]}\n`), 0);
});

test('a 10,000-deep recipe is refused at once with exit 2 naming its line', () => {
  const file = path.join(dir, 'deep.yaml');
  writeFileSync(
    file,
    `sampleRate: 48000\ntracks:\n  - name: ${'['.repeat(10000)}x${']'.repeat(10000)}\n    file: a.wav\n`,
  );
  const t0 = Date.now();
  const r = shub(['mix', 'deep.yaml', '-o', 'out.wav'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^error: deep\.yaml:3 nests deeper than 64 levels/);
  assert.ok(Date.now() - t0 < 10_000);
});
