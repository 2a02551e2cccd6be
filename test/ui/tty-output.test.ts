/**
 * Results and progress on one terminal (issue 17 point 1): with stderr a TTY, ink draws progress
 * and erases its last frame by moving the cursor up; results printed to stdout in between used to be
 * erased with it. shub runs here on a pseudo-terminal (`script`), its byte stream is played on a
 * small terminal model, and the screen must hold every line the piped run printed, and nothing else.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sineSegments, writeWav } from '../../fixtures/signals.js';
import { shub, tempDir, SHUB } from '../helpers/cli.js';
import { screen } from '../helpers/terminal.js';

const { dir, cleanup } = tempDir('shub-tty-');
after(cleanup);
/** The files written so far: analyze and validate take the same ones (a name fixes the tone and its length). */
const written = new Set<string>();

test('the terminal model: ink-style erase of a 2-line frame removes only the frame', () => {
  const frame = 'progress 1\nprogress 2\n';
  const erase = '\u001b[2K\u001b[1A\u001b[2K\u001b[1A\u001b[2K\u001b[G';
  assert.deepEqual(screen(`result A\n${frame}${erase}result B\n${frame}${erase}`), ['result A', 'result B']);
  // the old failure: a result printed while the frame is up is erased with it
  assert.deepEqual(screen(`${frame}result A\n\u001b[2K\u001b[1A\u001b[2K\u001b[1A\u001b[2K\u001b[G`), ['progress 1']);
});

for (const count of [1, 4, 12]) {
  test(`${count} file(s), -j 2: analyze, validate and master on a pseudo-terminal show every piped line`, () => {
    const probe = spawnSync('script', ['-qec', 'true', '/dev/null']);
    assert.equal(probe.status, 0, 'needs script(1) from util-linux (bsdutils)');
    // long enough files that the progress display is drawn between results (12 files: shorter each);
    // master spends about 40 times analyze's CPU per second of audio (4 files of 60 s, -j 2: master
    // 8.4 CPU-s, analyze --features levels 0.7 with the 0.4 s start-up), so its files are an eighth as
    // long and still keep it busy about 5 times longer per file than analyze on the full-length ones
    // (with results written behind ink's back, master fails at 1, 4 and 12 files on these lengths)
    const seconds = count === 12 ? 20 : count === 1 ? 180 : 60;
    const made = (prefix: string, scale: number) =>
      Array.from({ length: count }, (_, i) => {
        const file = path.join(dir, `${prefix}${count}-${i}.wav`);
        const tone = { seconds: (seconds + 3 * i) * scale, dbfs: -20 + (i % 5), freqHz: 220 * (1 + (i % 7)) };
        if (!written.has(file)) writeWav(file, sineSegments(48000, 2, [tone]), 48000);
        written.add(file);
        return path.basename(file);
      });
    const runs: [string, (files: string[]) => string[], string, number][] = [
      ['analyze', (files) => ['analyze', ...files, '-j', '2', '--features', 'levels'], 'n', 1],
      ['validate', (files) => ['validate', ...files, '-j', '2', '-p', 'spotify,ebu-r128'], 'n', 1],
      [
        'master',
        (files) => [
          'master',
          ...files,
          '-j',
          '2',
          '-t',
          'spotify,ebu-r128',
          '--no-codec-check',
          '-o',
          `m${count}/`,
          '-y',
        ],
        'q',
        1 / 8,
      ],
    ];
    for (const [command, argsFor, prefix, scale] of runs) {
      // ink's view loads lazily (~0.4 s at idle, seconds on a loaded machine) and a run that ends first draws
      // no frame, which tests nothing: then the same run again on files twice as long (at most twice more)
      for (let attempt = 0, factor = 1; ; attempt++, factor *= 2) {
        const args = argsFor(made(`${prefix}${factor}x`, scale * factor));
        const piped = shub([...args, '--store-dir', 'piped'], dir);
        assert.ok(piped.code === 0 || piped.code === 1, piped.stderr);
        const expected = piped.stdout.split('\n').map((l) => l.trimEnd());
        while (expected.length && expected[expected.length - 1] === '') expected.pop();
        const quoted = [process.execPath, SHUB, ...args, '--store-dir', 'tty'].map((a) => `'${a}'`).join(' ');
        const tty = spawnSync('script', ['-qefc', `stty cols 200 rows 60; ${quoted}`, '/dev/null'], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 240_000,
          // a user's terminal: ink draws no live frames when it believes it runs in CI
          env: { ...process.env, TERM: 'xterm-256color', CI: 'false', CONTINUOUS_INTEGRATION: 'false' },
        });
        assert.equal(tty.status, piped.code, tty.stdout);
        const drawn = /files?/.test(tty.stdout);
        if (!drawn && attempt < 2) continue;
        assert.ok(drawn, `${command}: the progress display was drawn (it is what erased results)\n${tty.stdout}`);
        // with -j 2 results come in the order files finish: compare the lines, not their order across files
        const sorted = (lines: string[]) => lines.filter((l) => l !== '').sort();
        assert.deepEqual(sorted(screen(tty.stdout)), sorted(expected), `${command} × ${count}: screen vs piped stdout`);
        break;
      }
    }
  });
}
