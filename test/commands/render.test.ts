/**
 * Recipe errors (one line, file:line key, exit 2/3), `shub render --backend reaper` against a
 * fake `reaper` on PATH (command line and render-ready project rewrite), REAPER absent (exit 4),
 * and the native backend refusing FX chains.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shub, tempDir } from '../helpers/cli.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';
import type { RunRecord } from '../../src/store/types.js';

const { dir, cleanup } = tempDir('shub-render-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const storeDir = path.join(dir, '.shub');
const store = ['--store-dir', storeDir];

before(() => {
  writeWav(f('a.wav'), sineSegments(48000, 1, [{ seconds: 1, dbfs: -12 }]), 48000);
  writeWav(f('b44.wav'), sineSegments(44100, 1, [{ seconds: 1, dbfs: -12 }]), 44100);
});

const recipeWith = (name: string, body: string) => {
  writeFileSync(f(name), body);
  return f(name);
};
const base = (track: string) => `sampleRate: 48000\ntracks:\n  - name: A\n    file: a.wav\n${track}`;

for (const [label, body, code, pattern] of [
  ['unknown key', base('    gian: 3\n'), 2, /unknown\.yaml:5 tracks\[0\]\.gian: unknown key 'gian'/],
  [
    'wrong type',
    base('    gainDb: loud\n'),
    2,
    /wrongtype\.yaml:5 tracks\[0\]\.gainDb: expected a number in \[-96, 24\] dB, got "loud"/,
  ],
  [
    'missing stem',
    `sampleRate: 48000\ntracks:\n  - name: A\n    file: a.wav\n  - name: B\n    file: nope.wav\n`,
    3,
    /missing\.yaml:6 tracks\[1\]\.file: .*nope\.wav: no such file/,
  ],
  [
    'sample-rate mismatch',
    `sampleRate: 48000\ntracks:\n  - name: B\n    file: b44.wav\n`,
    2,
    /rate\.yaml:4 tracks\[0\]\.file: b44\.wav is 44100 Hz but the recipe's sampleRate is 48000 Hz/,
  ],
  ['unknown bus', base('    output: Nowhere\n'), 2, /bus\.yaml:5 tracks\[0\]\.output: no bus named 'Nowhere'/],
] as const) {
  const file = {
    'unknown key': 'unknown.yaml',
    'wrong type': 'wrongtype.yaml',
    'missing stem': 'missing.yaml',
    'sample-rate mismatch': 'rate.yaml',
    'unknown bus': 'bus.yaml',
  }[label];
  test(`recipe error: ${label} → exit ${code}, one line with file:line and key`, () => {
    const r = shub(['mix', recipeWith(file, body), '-o', f(`${file}.wav`), ...store], dir);
    assert.equal(r.code, code, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^error: /);
    assert.match(lines[0]!, pattern);
    // the failed invocation is still a run, with its error (SPEC §3)
    const runs = readdirSync(path.join(storeDir, 'runs')).map(
      (n) => JSON.parse(readFileSync(path.join(storeDir, 'runs', n), 'utf8')) as RunRecord,
    );
    const failed = runs.find((x) => x.status === 'failed' && x.errors.some((e) => e.file === f(file)));
    assert.ok(failed, 'a failed run record names the recipe');
    assert.equal(failed.exitCode, code);
    assert.equal(failed.command, 'mix');
  });
}

const project = (extra = '') => `<REAPER_PROJECT 0.1 "7.0/linux64" 1700000000
  SAMPLERATE 48000 0 0
  RENDER_FILE "old.wav"
  RENDER_PATTERN "x"
  <RENDER_CFG
    bDNwbQ==
  >
  <TRACK {11111111-2222-3333-4444-555555555555}
    NAME "Tone"
    VOLPAN 0.5 0 -1 -1 1
    MUTESOLO 0 0 0
    ${extra}
    <ITEM
      POSITION 0.25
      LENGTH 0.5
      SOFFS 0.1
      FADEIN 0 0.05 0 0 0 0 0
      <SOURCE WAVE
        FILE "a.wav"
      >
    >
  >
>
`;

test('reaper backend: runs `reaper -nosplash -renderproject` on a render-ready copy and measures the output', () => {
  const bin = f('bin');
  mkdirSync(bin, { recursive: true });
  // a fake REAPER: logs its argv and the project it got, and writes a WAV to RENDER_FILE
  writeFileSync(
    path.join(bin, 'reaper'),
    `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
const proj = fs.readFileSync(args[args.length - 1], 'utf8');
fs.writeFileSync(${JSON.stringify(f('reaper-args.json'))}, JSON.stringify(args));
fs.writeFileSync(${JSON.stringify(f('reaper-project.rpp'))}, proj);
const m = proj.match(/^\\s*RENDER_FILE\\s+"?([^"\\n]+)"?$/m);
fs.copyFileSync(${JSON.stringify(f('a.wav'))}, m[1]);
`,
  );
  chmodSync(path.join(bin, 'reaper'), 0o755);
  writeFileSync(f('sess.rpp'), project());
  const r = shub(['render', f('sess.rpp'), '-o', f('out/reaper.wav'), '--backend', 'reaper', '--json', ...store], dir, {
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
  });
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.backend, 'reaper');
  assert.ok(result.levels.integratedLufs < -10 && result.levels.integratedLufs > -20);
  const args = JSON.parse(readFileSync(f('reaper-args.json'), 'utf8')) as string[];
  assert.deepEqual(args.slice(0, 2), ['-nosplash', '-renderproject']);
  assert.match(path.basename(args[2]!), /^\.sess\.rpp\.[0-9a-f]{6}-\d+\.[0-9a-f]{8}\.tmp\.rpp$/);
  assert.equal(path.dirname(args[2]!), dir, 'the copy sits beside the project so relative media paths resolve');
  const rewritten = readFileSync(f('reaper-project.rpp'), 'utf8');
  assert.doesNotMatch(rewritten, /old\.wav|bDNwbQ==|RENDER_PATTERN "x"/, 'old render settings are replaced');
  const renderFile = rewritten.match(/RENDER_FILE "?([^"\n]+)"?/)![1]!;
  assert.equal(path.dirname(renderFile), f('out'), 'REAPER renders beside the requested output (then it is renamed)');
  assert.match(rewritten, /RENDER_FMT 0 2 48000/);
  assert.match(rewritten, /<RENDER_CFG\n\s+ZXZhdxgAAQ==\n\s+>/);
  assert.match(rewritten, /VOLPAN 0.5 0 -1 -1 1/, 'the rest of the project is untouched');
  assert.deepEqual(readFileSync(f('out/reaper.wav')), readFileSync(f('a.wav')));
});

test('reaper backend without REAPER: exit 4 saying how to configure it', () => {
  writeFileSync(f('sess2.rpp'), project());
  const r = shub(['render', f('sess2.rpp'), '-o', f('x.wav'), '--backend', 'reaper', ...store], dir, {
    PATH: '/nonexistent',
    SHUB_REAPER: '',
  });
  assert.equal(r.code, 4, r.stderr);
  assert.match(r.stderr, /REAPER was not found/);
  assert.match(r.stderr, /--reaper/);
  assert.match(r.stderr, /SHUB_REAPER/);
  assert.match(r.stderr, /reaper\.path/);
});

test(
  'native backend renders items (position, source offset, fade, volume) ' +
    'and refuses FX chains naming --backend reaper',
  () => {
    writeFileSync(f('plain.rpp'), project());
    const ok = shub(['render', f('plain.rpp'), '-o', f('plain.wav'), '--json', ...store], dir);
    assert.equal(ok.code, 0, ok.stderr);
    const res = JSON.parse(ok.stdout);
    assert.equal(res.frames, Math.round(0.75 * 48000));
    writeFileSync(
      f('fx.rpp'),
      project(
        '<FXCHAIN\n      SHOW 0\n' +
          '      <VST "VST: ReaComp (Cockos)" reacomp.vst.so 0 "" 1919247213\n        AAAA\n      >\n    >',
      ),
    );
    const r = shub(['render', f('fx.rpp'), '-o', f('fx.wav'), ...store], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /fx\.rpp:12 track 1 "Tone": FX chain; .*--backend reaper/);
  },
);
