/**
 * Headless REAPER, without REAPER: which binary is chosen (--reaper, SHUB_REAPER, config, PATH) and
 * what the missing one says, and the render-ready copy of a project (render settings replaced,
 * everything else kept line for line), read back by an independent parser (rppp).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import rppp from 'rppp';
import { EnvironmentError } from '../../src/errors.js';
import { findReaper, renderReadyProject } from '../../src/io/reaper.js';
import { tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-reaper-');
after(cleanup);

function exe(...parts: string[]): string {
  const p = path.join(dir, ...parts);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, '#!/bin/sh\n');
  chmodSync(p, 0o755);
  return p;
}

test('findReaper: --reaper, then SHUB_REAPER, then config, then PATH; a named path that is missing says so', () => {
  const flag = exe('flag', 'reaper');
  const env = exe('env', 'reaper');
  const conf = exe('conf', 'reaper');
  const onPath = exe('bin', 'reaper');
  const PATH = [path.join(dir, 'empty'), path.dirname(onPath)].join(path.delimiter);
  assert.deepEqual(findReaper(flag, conf, { SHUB_REAPER: env, PATH }), { path: flag, source: '--reaper' });
  assert.deepEqual(findReaper(undefined, conf, { SHUB_REAPER: env, PATH }), { path: env, source: 'SHUB_REAPER' });
  assert.deepEqual(findReaper(undefined, conf, { PATH }), { path: conf, source: 'config reaper.path' });
  assert.deepEqual(findReaper(undefined, undefined, { PATH }), { path: onPath, source: 'PATH' });
  const missing = path.join(dir, 'nope', 'reaper');
  assert.throws(
    () => findReaper(undefined, undefined, { SHUB_REAPER: missing, PATH }),
    (e: unknown) =>
      e instanceof EnvironmentError &&
      e.message.startsWith(`SHUB_REAPER: REAPER not found at ${missing}; install REAPER`) &&
      e.message.includes('--backend native'),
  );
  assert.throws(
    () => findReaper(dir, undefined, { PATH }),
    (e: unknown) => e instanceof EnvironmentError && e.message.startsWith('--reaper: REAPER not found'),
    'a folder is not a binary',
  );
});

const PROJECT = [
  '<REAPER_PROJECT 0.1 "7.0/x64" 1700000000',
  '  RIPPLE 0',
  '  RENDER_FILE "old/out.mp3"',
  '  RENDER_PATTERN $project',
  '  RENDER_FMT 0 1 44100',
  '  RENDER_SRATE 44100',
  '  <RENDER_CFG',
  '    bDNwbSAAAABAAAAA',
  '  >',
  '  SAMPLERATE 48000 0 0',
  '  <TRACK {A}',
  '    NAME "Vox"',
  '    RENDER_FILE "a track line is not a project setting"',
  '    <ITEM',
  '      POSITION 0',
  '    >',
  '  >',
  '>',
].join('\n');

interface Node {
  token: string;
  params: unknown[];
  contents?: Node[];
  b64Chunks?: string[];
}

test('renderReadyProject: our render settings once, the old ones gone, the rest kept line for line', () => {
  const target = path.join(dir, 'out', 'mix render.wav');
  const text = renderReadyProject(PROJECT, target, 48000, 24);
  const lines = text.split('\n');
  for (const keep of ['  RIPPLE 0', '  SAMPLERATE 48000 0 0', '    NAME "Vox"', '      POSITION 0'])
    assert.ok(lines.includes(keep), keep);
  assert.ok(lines.includes('    RENDER_FILE "a track line is not a project setting"'), 'only project-level lines go');
  assert.ok(!text.includes('old/out.mp3') && !text.includes('RENDER_SRATE') && !text.includes('bDNwbSAAAABAAAAA'));
  const p = rppp.parse(text) as unknown as Node;
  const top = (token: string) => p.contents!.filter((c) => c.token === token);
  assert.equal(top('RENDER_FILE').length, 1);
  assert.deepEqual(top('RENDER_FILE')[0]!.params, [target]);
  assert.deepEqual(top('RENDER_FMT')[0]!.params, [0, 2, 48000]);
  assert.deepEqual(top('RENDER_RANGE')[0]!.params, [1, 0, 0, 18, 1000]);
  const cfg = Buffer.from(top('RENDER_CFG')[0]!.b64Chunks![0]!, 'base64');
  assert.equal(cfg.toString('latin1', 0, 4), 'evaw');
  assert.equal(cfg[4], 24);
  assert.equal(top('TRACK').length, 1);
  assert.equal(lines[1], '  RENDER_FILE ' + `"${target}"`, 'settings right after the project line');
});
