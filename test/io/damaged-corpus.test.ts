/**
 * The damaged-audio corpus of issue 18 as a regression test: every file of fixtures/damaged.ts goes
 * through `analyze --json`, `validate`, `master -t spotify` and `mix` (a recipe whose one stem is
 * the file). Each run ends with 0–4 (1 only for a failed check), never 5, never a signal, never a
 * hang (60 s); a failure is one `error:` line (warnings allowed) with no stack trace and leaves no
 * partial output; and the four commands agree on whether the file is readable.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { damagedCorpus, type DamagedCase } from '../../fixtures/damaged.js';
import { endProblems, firstLine, runShub, type Outcome } from '../../bench/fuzz.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-damaged-');
after(cleanup);
const corpus = damagedCorpus(path.join(dir, 'corpus'));

const AUDIO = /\.(wav|w64|flac|mp3|m4a|aac|opus|ogg|aif|aiff|rf64)$/i;

/** Audio files and hidden (temporary) files left in `folder`, recursively. */
function leftovers(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && (AUDIO.test(e.name) || e.name.startsWith('.')))
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
}

type Verdict = 'readable' | 'unreadable' | 'invalid';

/** Whether a command's end says the file was read (0, or 1 = a check failed on what was read) or not (3). */
function verdict(cmd: string, o: Outcome): Verdict {
  if (o.code === 3) return 'unreadable';
  if (o.code === 0) return 'readable';
  if (o.code === 1 && (cmd === 'validate' || cmd === 'master')) return 'readable';
  // the stem was read, but its sample rate differs from the recipe's: a recipe error about a readable file
  if (o.code === 2 && cmd === 'mix' && /sampleRate/.test(o.stderr)) return 'readable';
  return 'invalid';
}

async function check(c: DamagedCase): Promise<string[]> {
  const work = path.join(dir, 'work', c.name);
  mkdirSync(path.join(work, 'mix'), { recursive: true });
  const store = ['--store-dir', path.join(work, '.shub')];
  const recipe = path.join(work, 'recipe.yaml');
  writeFileSync(recipe, `sampleRate: 48000\ntracks:\n  - name: Damaged\n    file: ${JSON.stringify(c.file)}\n`);
  const masterDir = path.join(work, 'master');
  const mixOut = path.join(work, 'mix', 'mix.wav');
  const runs: [string, string[]][] = [
    ['analyze', ['analyze', c.file, '--json', ...store]],
    ['validate', ['validate', c.file, '-p', 'spotify', ...store]],
    ['master', ['master', c.file, '-t', 'spotify', '--no-codec-check', '-o', `${masterDir}/`, ...store]],
    ['mix', ['mix', recipe, '-o', mixOut, ...store]],
  ];
  const problems: string[] = [];
  const verdicts: Record<string, Verdict> = {};
  const ends: Record<string, string> = {};
  for (const [cmd, args] of runs) {
    const o = await runShub(args, work, 60_000);
    const say = (p: string) =>
      problems.push(`${cmd}: ${p} — exit ${o.signal ?? o.code}, stderr: ${JSON.stringify(firstLine(o.stderr))}`);
    for (const p of endProblems(o)) say(p);
    verdicts[cmd] = verdict(cmd, o);
    ends[cmd] = `exit ${o.signal ?? o.code} ${JSON.stringify(firstLine(o.stderr))}`;
    if (verdicts[cmd] === 'invalid' && !o.timedOut && !o.signal && o.code !== 5) say(`exit ${o.code} is not a verdict`);
    if (cmd === 'analyze') {
      // SPEC §3: with --json, an unreadable input still gets its line with an error
      const lines = o.stdout.split('\n').filter((l) => l.trim());
      let row: { file?: string; error?: unknown; levels?: unknown } = {};
      try {
        row = JSON.parse(lines[0] ?? '{}');
      } catch {
        say('stdout is not JSON');
      }
      if (lines.length !== 1) say(`${lines.length} NDJSON lines`);
      if (o.code === 3 && !(row.error && !row.levels)) say('exit 3 but the JSON line has no error');
      if (o.code === 0 && (row.error || !row.levels)) say('exit 0 but the JSON line has no levels');
    }
    const failed = o.code !== 0 && o.code !== 1;
    if (cmd === 'master') {
      const left = leftovers(masterDir);
      if (failed && left.length) say(`failed but left ${left.join(', ')}`);
      if (!failed && left.some((f) => path.basename(f).startsWith('.'))) say(`left hidden files ${left.join(', ')}`);
    }
    if (cmd === 'mix') {
      const left = leftovers(path.dirname(mixOut));
      if (failed && left.length) say(`failed but left ${left.join(', ')}`);
      if (!failed && left.some((f) => path.basename(f).startsWith('.'))) say(`left hidden files ${left.join(', ')}`);
    }
  }
  const distinct = new Set(Object.values(verdicts));
  if (distinct.size > 1)
    problems.push(
      `verdicts differ: ${Object.entries(verdicts)
        .map(([k, v]) => `${k} ${v} (${ends[k]})`)
        .join(', ')}`,
    );
  return problems;
}

describe(`damaged-audio corpus (${corpus.length} files)`, { concurrency: 2 }, () => {
  it('has at least 57 cases, each a distinct file', () => {
    assert.ok(corpus.length >= 57, `${corpus.length} cases`);
    assert.equal(new Set(corpus.map((c) => c.file)).size, corpus.length);
  });
  for (const c of corpus)
    it(`${c.name} (${c.what})`, { timeout: 300_000 }, async () => {
      assert.deepEqual(await check(c), []);
    });
});
