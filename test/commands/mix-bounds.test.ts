/**
 * Issue 18 points 11, 12 and 14 (recipe/RPP part): a small recipe or project cannot demand
 * unbounded work. Declared limits (src/engines/mix/limits.ts) refuse long sessions, far offsets,
 * many tracks and big files with exit 2 naming the file and line; output that cannot fit on its
 * disk is refused with exit 4 before rendering; memory stays bounded with 2,000 tracks; values the
 * schema used to pass and the native mixer rejected (exit 5) are the file's fault (exit 2).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { tempDir, shub, SHUB } from '../helpers/cli.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';

const { dir, cleanup } = tempDir('shub-mix-bounds-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
writeWav(f('a.wav'), sineSegments(48000, 1, [{ seconds: 1, dbfs: -20 }]), 48000, 's16');

/** The one error line of a failed run (and only one line on stderr). */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line, got:\n${stderr}`);
  return lines[0]!;
}

function recipe(name: string, tracks: string, head = 'sampleRate: 48000\n'): string {
  writeFileSync(f(name), `${head}tracks:\n${tracks}`);
  return name;
}
const track = (i: number, extra = '') => `  - name: t${i}\n    file: a.wav\n${extra}`;

test('an offset beyond the limit is refused before anything is rendered: exit 2 naming the line and the flag', () => {
  recipe('far.yaml', track(0, '    offsetSeconds: 86400\n'));
  const r = shub(['mix', 'far.yaml', '-o', 'far.wav'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    oneLine(r.stderr),
    new RegExp(
      String.raw`^error: far\.yaml:5 tracks\[0\]\.offsetSeconds: an offset of 86400 s is over the limit of 14400 s ` +
        String.raw`.*--limit offsetSeconds=N`,
    ),
  );
  assert.equal(existsSync(f('far.wav')), false);
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );
});

test('a session longer than the limit (--limit or config limits:) is refused naming the stem that ends last', () => {
  recipe('long.yaml', track(0) + track(1, '    offsetSeconds: 3\n'));
  const r = shub(['mix', 'long.yaml', '-o', 'long.wav', '--limit', 'sessionSeconds=2'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    oneLine(r.stderr),
    new RegExp(
      String.raw`^error: long\.yaml:6 tracks\[1\]\.file \(ends at 4 s\): a session of 4 s is over the limit of 2 s ` +
        String.raw`\(limits\.sessionSeconds\)`,
    ),
  );
  // the same limit from the config file; a flag overrides it
  writeFileSync(f('.shubrc.yaml'), 'limits:\n  sessionSeconds: 3\n');
  try {
    const c = shub(['mix', 'long.yaml', '-o', 'long.wav'], dir);
    assert.equal(c.code, 2, c.stderr);
    assert.match(oneLine(c.stderr), /over the limit of 3 s \(limits\.sessionSeconds\)/);
    const ok = shub(['mix', 'long.yaml', '-o', 'long.wav', '--limit', 'sessionSeconds=5'], dir);
    assert.equal(ok.code, 0, ok.stderr);
  } finally {
    writeFileSync(f('.shubrc.yaml'), '');
  }
  const bad = shub(['mix', 'long.yaml', '-o', 'x.wav', '--limit', 'sessionSeconds=-1'], dir);
  assert.equal(bad.code, 2);
  assert.match(oneLine(bad.stderr), /--limit sessionSeconds: expected an integer in \[1, 604800\] s, got '-1'/);
});

test('too many tracks, and a recipe over the size limit (refused before parsing): exit 2 naming the file', () => {
  recipe('three.yaml', track(0) + track(1) + track(2));
  const r = shub(['mix', 'three.yaml', '-o', 'three.wav', '--limit', 'tracks=2'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    oneLine(r.stderr),
    /^error: three\.yaml:2 tracks: 3 tracks is over the limit of 2 tracks \(limits\.tracks\)/,
  );
  // 2 KB of text that is not YAML: the size is checked first, so no syntax error is reported
  writeFileSync(f('big.yaml'), `sampleRate: 48000\n${'{[: '.repeat(600)}\n`);
  const b = shub(['mix', 'big.yaml', '-o', 'big.wav', '--limit', 'fileBytes=1024'], dir);
  assert.equal(b.code, 2, b.stderr);
  assert.match(
    oneLine(b.stderr),
    /^error: big\.yaml: the file's 2419 bytes is over the limit of 1024 bytes \(limits\.fileBytes\)/,
  );
});

test('output that cannot fit on its disk is refused before rendering: exit 4 naming the folder and sizes', () => {
  // a week at 384 kHz is 1.9 TB of float stereo (limits raised so that only the disk check is left)
  writeWav(f('hi.wav'), sineSegments(384000, 1, [{ seconds: 0.1, dbfs: -20 }]), 384000, 's16');
  recipe('week.yaml', '  - name: t\n    file: hi.wav\n    offsetSeconds: 86400\n', 'sampleRate: 384000\n');
  const r = spawnSync(
    process.execPath,
    [
      SHUB,
      'mix',
      'week.yaml',
      '-o',
      'out/week.wav',
      '--limit',
      'offsetSeconds=604800',
      '--limit',
      'sessionSeconds=604800',
    ],
    { cwd: dir, encoding: 'utf8', timeout: 20_000 },
  );
  writeFileSync(f('week.yaml'), ''); // never leave a runnable week-long recipe behind
  assert.equal(r.status, 4, r.stderr);
  assert.match(oneLine(r.stderr), /^error: out: the render needs 26542\d MB but only \d+ MB is free there/);
  assert.equal(existsSync(f('out/week.wav')), false);
});

test("values the native mixer used to reject (exit 5) are the recipe's fault: exit 2 naming the key", () => {
  recipe(
    'attack.yaml',
    track(0, '    compressor:\n      thresholdDb: -20\n      ratio: 4\n      attackMs: 1e-300\n      releaseMs: 100\n'),
  );
  const a = shub(['mix', 'attack.yaml', '-o', 'attack.wav'], dir);
  assert.equal(a.code, 2, a.stderr);
  assert.equal(
    oneLine(a.stderr),
    'error: attack.yaml:8 tracks[0].compressor.attackMs: expected a number in [0.01, 2000] ms, got 1e-300',
  );
  recipe('eq.yaml', track(0, '    eq:\n      - type: peak\n        freqHz: 100000\n'));
  const e = shub(['mix', 'eq.yaml', '-o', 'eq.wav'], dir);
  assert.equal(e.code, 2, e.stderr);
  assert.match(oneLine(e.stderr), /^error: eq\.yaml:7 tracks\[0\]\.eq\[0\]\.freqHz: 100000 Hz is not below half/);
});

test('a YAML alias bomb is refused at once with exit 2 naming the file', () => {
  const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let k = 1; k < 9; k++) {
    const prev = String.fromCharCode(96 + k);
    levels.push(
      `${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(9).fill(`*${prev}`).join(',')}]`,
    );
  }
  writeFileSync(f('bomb.yaml'), `${levels.join('\n')}\nsampleRate: 48000\ntracks:\n${track(0)}`);
  const started = Date.now();
  const r = shub(['mix', 'bomb.yaml', '-o', 'bomb.wav'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(oneLine(r.stderr), /^error: bomb\.yaml: its YAML aliases expand more than 100 times/);
  assert.ok(Date.now() - started < 20_000);
});

function rpp(name: string, trackLines: string, itemLines: string, tracks = 1): string {
  const t =
    `  <TRACK\n    NAME a\n${trackLines}    <ITEM\n${itemLines}      LENGTH 0.5\n` +
    '      <SOURCE WAVE\n        FILE "a.wav"\n      >\n    >\n  >\n';
  writeFileSync(f(name), `<REAPER_PROJECT 0.1 "6.0" 0\n  SAMPLERATE 48000 0 0\n${t.repeat(tracks)}>\n`);
  return name;
}

test('RPP numbers out of range (POSITION -5, VOLPAN nan, far POSITION), too many tracks: exit 2 with the line', () => {
  const cases: [string, RegExp, string[]?][] = [
    [
      rpp('neg.rpp', '', '      POSITION -5\n'),
      /^error: neg\.rpp:6 POSITION: field 1 is '-5'; expected a finite number >= 0$/,
    ],
    [
      rpp('nan.rpp', '    VOLPAN nan 0\n', ''),
      /^error: nan\.rpp:5 VOLPAN: field 1 is 'nan'; expected a number in \[0, 1000000\]$/,
    ],
    [
      rpp('far.rpp', '', '      POSITION 1e300\n'),
      /^error: far\.rpp:6 an item position of 1e\+300 s is over the limit of 14400 s/,
    ],
    [
      rpp('many.rpp', '', '', 3),
      /^error: many\.rpp:21 3 tracks is over the limit of 2 tracks \(limits\.tracks\)/,
      ['--limit', 'tracks=2'],
    ],
  ];
  for (const [file, message, extra] of cases) {
    const r = shub(['render', file, '-o', `${file}.wav`, ...(extra ?? [])], dir);
    assert.equal(r.code, 2, `${file}: ${r.stderr}`);
    assert.match(oneLine(r.stderr), message);
  }
  // the same project within the limits renders
  const ok = shub(['render', 'many.rpp', '-o', 'many.wav'], dir);
  assert.equal(ok.code, 0, ok.stderr);
});

test('2,000 tracks mix in bounded memory: peak RSS under 500 MB (it was 1.1 GB)', () => {
  const tracks = Array.from({ length: 2000 }, (_, i) => track(i)).join('');
  recipe('thousands.yaml', tracks);
  const maxRss = 'process.on("exit",()=>process.stderr.write("maxrss "+process.resourceUsage().maxRSS+"\\n"))';
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      `data:text/javascript,${encodeURIComponent(maxRss)}`,
      SHUB,
      'mix',
      'thousands.yaml',
      '-o',
      'thousands.wav',
    ],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(r.status, 0, r.stderr);
  const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1]);
  assert.ok(kb > 0, r.stderr);
  assert.ok(kb < 500 * 1024, `peak RSS ${Math.round(kb / 1024)} MB`);
});

test('a device given as the recipe is refused at once (exit 3), never read without end', () => {
  const r = spawnSync(process.execPath, [SHUB, 'mix', '/dev/zero', '-o', 'zero.wav'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000, // a bound against reading without end, not a speed test (loaded CI)
  });
  assert.equal(r.status, 3, r.stderr);
  assert.equal(oneLine(r.stderr), 'error: /dev/zero: is not a regular file; give a recipe or project file');
});
