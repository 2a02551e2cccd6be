/**
 * A config found by searching the working folder may not name programs or be a script unless the
 * user trusts it (issue 18 point 13): `.shubrc.yaml` with `ffmpeg.path: ./evil.sh` in an uploaded
 * folder is refused (exit 2, naming the file, the key and the fix) unless --config / --trust-config
 * is given or the file is the user's alone; `--debug` says where ffmpeg came from.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';
import { loadConfig } from '../src/config.js';
import { shub, tempDir } from './helpers/cli.js';

const { dir, cleanup } = tempDir('shub-config-trust-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const pwned = f('pwned');

// a FLAC (decoded by ffmpeg, so ffmpeg.path matters) and an "ffmpeg" that leaves a mark when run
const r = spawnSync(resolveFfmpeg().path, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1', f('song.flac')]);
assert.equal(r.status, 0, String(r.stderr));
writeFileSync(f('evil.sh'), `#!/bin/sh\necho ran > '${pwned}'\nexit 1\n`);
chmodSync(f('evil.sh'), 0o755);
const rc = f('.shubrc.yaml');
writeFileSync(rc, 'ffmpeg:\n  path: ./evil.sh\n');

function fresh(): void {
  rmSync(pwned, { force: true });
}

test('a searched config that others may write cannot name ffmpeg: exit 2 naming file, key and fix', () => {
  chmodSync(rc, 0o664);
  fresh();
  const a = shub(['analyze', 'song.flac', '--features', 'levels'], dir);
  assert.equal(a.code, 2, a.stderr);
  assert.equal(existsSync(pwned), false, 'the program was run');
  const lines = a.stderr.trim().split('\n');
  assert.equal(lines.length, 1, a.stderr);
  assert.match(lines[0]!, /^error: .*\.shubrc\.yaml: .*sets ffmpeg\.path to '\.\/evil\.sh'/);
  assert.match(lines[0]!, /others may write it \(mode 664\); pass --config .*\.shubrc\.yaml or --trust-config/);
  // every command refuses it
  const m = shub(['master', 'song.flac', '-t', 'spotify', '-o', 'out/'], dir);
  assert.equal(m.code, 2, m.stderr);
  assert.equal(existsSync(pwned), false);
});

test('--trust-config or --config FILE uses it (and the broken "ffmpeg" is exit 4, not the input)', () => {
  chmodSync(rc, 0o664);
  for (const args of [['--trust-config'], ['--config', '.shubrc.yaml']]) {
    fresh();
    const a = shub([...args, 'analyze', 'song.flac', '--features', 'levels'], dir);
    assert.equal(a.code, 4, a.stderr);
    assert.equal(existsSync(pwned), true, `${args.join(' ')}: the configured program ran`);
    assert.match(
      a.stderr,
      /^error: ffmpeg at '\.\/evil\.sh' \(from config .*\.shubrc\.yaml ffmpeg\.path\) does not work/,
    );
  }
});

test('a config owned by the user and writable by nobody else is trusted, but not by root', async () => {
  chmodSync(rc, 0o644);
  fresh();
  const asRoot = process.getuid?.() === 0;
  const mine = shub(['analyze', 'song.flac', '--features', 'levels'], dir);
  if (asRoot) {
    // root owns every file it unpacks: a CI job's upload looks like root's own config
    assert.equal(mine.code, 2, mine.stderr);
    assert.match(mine.stderr, /runs as root.*--trust-config/);
    assert.equal(existsSync(pwned), false);
  } else {
    assert.equal(mine.code, 4, mine.stderr);
    assert.equal(existsSync(pwned), true);
  }
  // an ordinary user's own config is trusted: the rule itself, in process, as that user (as root: uid 65534 owning
  // the file; otherwise the user who wrote it), so it needs no second account that can read this checkout
  const owner = asRoot ? 65534 : process.getuid!();
  if (asRoot) chownSync(rc, owner, owner);
  const realGetuid = process.getuid;
  process.getuid = () => owner;
  try {
    const { config, filepath } = await loadConfig(dir);
    assert.equal(filepath, rc);
    assert.equal(config.ffmpeg.path, './evil.sh', "the user's own config may name the program it runs");
    process.getuid = () => owner + 1;
    await assert.rejects(loadConfig(dir), /belongs to user id \d+, not to you/);
  } finally {
    process.getuid = realGetuid;
    if (asRoot) chownSync(rc, 0, 0);
  }
});

test('a searched script config (shub.config.js) that others may write is not even loaded', () => {
  const sub = f('script');
  mkdirSync(sub);
  writeFileSync(
    path.join(sub, 'shub.config.js'),
    `require('fs').writeFileSync('${pwned}', 'ran');\nmodule.exports = {};\n`,
  );
  chmodSync(path.join(sub, 'shub.config.js'), 0o666);
  fresh();
  const a = shub(['history', '--store-dir', 'store'], sub);
  assert.equal(a.code, 2, a.stderr);
  assert.equal(existsSync(pwned), false, 'the config script ran');
  assert.match(
    a.stderr,
    /^error: .*shub\.config\.js: .*is a script \(loading it runs its code\), but others may write it/,
  );
});

test('--debug says where ffmpeg came from: config file, SHUB_FFMPEG, bundled', () => {
  chmodSync(rc, 0o644);
  const cfg = shub(['--debug', '--trust-config', 'history', '--store-dir', 'store'], dir);
  assert.match(cfg.stderr, /^debug: ffmpeg \.\/evil\.sh \(from config .*\.shubrc\.yaml ffmpeg\.path\)$/m);
  const env = shub(['--debug', '--trust-config', 'history', '--store-dir', 'store'], dir, { SHUB_FFMPEG: '/opt/ff' });
  assert.match(env.stderr, /^debug: ffmpeg \/opt\/ff \(from SHUB_FFMPEG\)$/m);
  mkdirSync(f('plain'));
  // the search goes up to the home folder (issue 17 point 6): with HOME here, dir's .shubrc.yaml is not found
  const plain = shub(['--debug', 'history', '--store-dir', 'store'], f('plain'), { HOME: f('plain') });
  assert.match(plain.stderr, /^debug: ffmpeg .* \(from bundled\)$/m);
});
