/**
 * Writing on untrusted uploads (issue 18, points 6–10, 14, 18–20): only the outputs named are
 * written, never an input (after symbolic and hard links), a device, a folder or another output of
 * the same run; an existing file only with -y; interrupts leave no temporary behind and record the
 * run as interrupted; a full disk is the environment's fault (exit 4), a path below a file the
 * user's (exit 2); names cannot forge output lines; a file named like an option is not one.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import path from 'node:path';
import { sineSegments, writeWav } from '../../fixtures/signals.js';
import { exitCodeOf, describeError } from '../../src/errors.js';
import { quotePath, oneLine } from '../../src/io/names.js';
import { hostTag } from '../../src/io/atomic.js';
import { shub, tempDir, SHUB, ndjson } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-outputs-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A stereo 1 kHz tone at -20 dBFS with a quieter tail (loud enough to master), `seconds` long. */
function tone(file: string, seconds: number, format: 's16' | 's24' = 's24'): string {
  writeWav(file, sineSegments(48000, 2, [{ seconds, dbfs: -20 }]), 48000, format);
  return file;
}

tone(f('in.wav'), 3);
tone(f('ref.wav'), 3);
mkdirSync(f('a'));
mkdirSync(f('b'));
tone(f('a/song.wav'), 2);
tone(f('b/song.wav'), 2);
writeFileSync(f('r.yaml'), 'sampleRate: 48000\ntracks:\n  - name: Tone\n    file: in.wav\n');

/** Runs shub; asserts the exit code and one `error:` line on stderr naming `names`. */
function refused(args: string[], code: number, ...names: (string | RegExp)[]): string {
  const r = shub(args, dir);
  assert.equal(r.code, code, `shub ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^error: /);
  for (const n of names) assert.match(lines[0]!, typeof n === 'string' ? new RegExp(escapeRe(n)) : n);
  return lines[0]!;
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('validate --junit never replaces an input, a device, a folder, or an existing report without -y', () => {
  const before = sha(f('in.wav'));
  refused(['validate', 'in.wav', '-p', 'spotify', '--junit', 'in.wav'], 2, 'in.wav', 'input');
  refused(['validate', 'in.wav', '-p', 'spotify', '--junit', 'in.wav', '-y'], 2, 'input');
  assert.equal(sha(f('in.wav')), before);
  symlinkSync(f('in.wav'), f('link.xml'));
  refused(['validate', 'in.wav', '-p', 'spotify', '--junit', 'link.xml', '-y'], 2, 'link.xml', 'input');
  linkSync(f('in.wav'), f('hard.xml'));
  refused(['validate', 'in.wav', '-p', 'spotify', '--junit', 'hard.xml', '-y'], 2, 'hard.xml', 'input');
  assert.equal(sha(f('in.wav')), before);
  refused(['validate', 'in.wav', '-p', 'spotify', '--junit', '/dev/null', '-y'], 2, '/dev/null');
  assert.ok(statSync('/dev/null').isCharacterDevice());
  refused(['validate', 'in.wav', '-p', 'spotify', '--junit', 'a', '-y'], 2, 'a', 'directory');
  writeFileSync(f('report.xml'), 'old');
  refused(['validate', 'in.wav', '-p', 'spotify', '--junit', 'report.xml'], 2, 'report.xml', '-y');
  assert.equal(readFileSync(f('report.xml'), 'utf8'), 'old');
  const ok = shub(['validate', 'in.wav', '-p', 'spotify', '--junit', 'report.xml', '-y'], dir);
  assert.ok(ok.code === 0 || ok.code === 1, ok.stderr);
  assert.match(readFileSync(f('report.xml'), 'utf8'), /<testsuites/);
});

test('-y never lets an output replace an input or another output of the same run', () => {
  const recipe = sha(f('r.yaml'));
  refused(['mix', 'r.yaml', '-o', 'r.yaml', '-y'], 2, 'r.yaml', 'input');
  refused(['mix', 'r.yaml', '-o', 'mix.wav', '--rpp', 'r.yaml', '-y'], 2, 'r.yaml', 'input');
  refused(['mix', 'r.yaml', '-o', 'in.wav', '-y'], 2, 'in.wav', 'input');
  assert.equal(sha(f('r.yaml')), recipe);
  refused(['mix', 'r.yaml', '-o', 'same.wav', '--rpp', 'same.wav', '-y'], 2, 'same.wav', 'twice');
  assert.ok(!existsSync(f('same.wav')));
  const ref = sha(f('ref.wav'));
  refused(['master', 'in.wav', '--reference', 'ref.wav', '-o', 'ref.wav', '-y'], 2, 'ref.wav', 'input');
  assert.equal(sha(f('ref.wav')), ref);
  // render of a REAPER project onto itself
  const made = shub(['mix', 'r.yaml', '-o', 'm.wav', '--rpp', 'p/p.rpp'], dir);
  assert.equal(made.code, 0, made.stderr);
  const project = sha(f('p/p.rpp'));
  refused(['render', 'p/p.rpp', '-o', 'p/p.rpp', '-y'], 2, 'p/p.rpp', 'input');
  const stem = readdirSync(f('p/p-stems'))[0]!;
  refused(['render', 'p/p.rpp', '-o', `p/p-stems/${stem}`, '-y'], 2, stem, 'input');
  assert.equal(sha(f('p/p.rpp')), project);
});

test('--rpp S.rpp does not replace S-stems/ without -y, and never a stem the recipe reads', () => {
  assert.equal(shub(['mix', 'r.yaml', '-o', 's1.wav', '--rpp', 'S.rpp'], dir).code, 0);
  const stems = readdirSync(f('S-stems'));
  assert.ok(stems.length > 0);
  const before = sha(f(`S-stems/${stems[0]}`));
  rmRun('s1.wav', 'S.rpp');
  refused(['mix', 'r.yaml', '-o', 's1.wav', '--rpp', 'S.rpp'], 2, stems[0]!, '-y');
  assert.equal(sha(f(`S-stems/${stems[0]}`)), before);
  // a recipe whose stem is the file the session would print over
  writeFileSync(f('r2.yaml'), `sampleRate: 48000\ntracks:\n  - name: Tone\n    file: S-stems/${stems[0]}\n`);
  refused(['mix', 'r2.yaml', '-o', 's2.wav', '--rpp', 'S.rpp', '-y'], 2, stems[0]!, 'input');
  assert.equal(sha(f(`S-stems/${stems[0]}`)), before);
  assert.ok(!existsSync(f('s2.wav')));
});

function rmRun(...names: string[]): void {
  for (const n of names) spawnSync('rm', ['-f', f(n)]);
}

test('two inputs with the same base name are refused before any work (exit 2, nothing written)', () => {
  const line = refused(['master', 'a/song.wav', 'b/song.wav', '-t', 'spotify', '-o', 'out/'], 2, 'twice');
  assert.match(line, /a\/song\.wav/);
  assert.match(line, /b\/song\.wav/);
  assert.ok(!existsSync(f('out')), 'no output folder made');
  // the same file named twice is the same collision
  refused(['master', 'in.wav', './in.wav', '-t', 'spotify', '-o', 'out/'], 2, 'twice');
});

test('-o below a regular file is exit 2, -o under /proc or /sys is refused at once', () => {
  refused(['master', 'in.wav', '-t', 'spotify', '-o', 'in.wav/x/'], 2, 'in.wav', 'not a folder');
  refused(['mix', 'r.yaml', '-o', 'in.wav/mix.wav'], 2, 'not a folder');
  const t0 = Date.now();
  refused(['master', 'in.wav', '-t', 'spotify', '-o', '/proc/shub-test/'], 2, '/proc');
  refused(['mix', 'r.yaml', '-o', '/sys/shub-test/mix.wav'], 2, '/sys');
  refused(['analyze', 'in.wav', '--store-dir', '/proc/shub-store'], 4, '/proc', 'store');
  assert.ok(Date.now() - t0 < 30_000);
});

test('a file named like an option is refused unless -- ends the options; with -- it is a file', () => {
  const d = f('glob');
  mkdirSync(d);
  tone(path.join(d, '-y'), 2);
  tone(path.join(d, 'x.wav'), 2);
  writeFileSync(path.join(d, 'x.spotify.wav'), 'an earlier master, not to be replaced without -y');
  const r = shub(['master', '-t', 'spotify', '-y', 'x.wav'], d); // what `shub master -t spotify *` expands to
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /-y is a file in this folder.*--/);
  assert.equal(readFileSync(path.join(d, 'x.spotify.wav'), 'utf8').slice(0, 9), 'an earlie');
  const ok = shub(['master', '-t', 'spotify', '-o', 'o/', '--', '-y', 'x.wav'], d);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(readdirSync(path.join(d, 'o')).sort(), ['-y.spotify.wav', 'x.spotify.wav']);
});

test('file names with newlines and ANSI escapes are quoted: one error line, no raw escape', () => {
  const evil = 'x\n\u001b[31merror: forged.wav';
  const r = shub(['analyze', evil, 'in.wav'], dir);
  assert.equal(r.code, 3);
  assert.ok(!r.stderr.includes('\u001b'), 'no raw ESC on stderr');
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.ok(r.stderr.startsWith(`error: ${JSON.stringify(evil).replace('\u001b', '\\u001b')}`), r.stderr);
  assert.ok(!r.stdout.includes('\u001b'));
  // a real file with such a name: its text report quotes it
  const named = f('a\u001b[2Jb.wav');
  copyFileSync(f('in.wav'), named);
  const shown = shub(['analyze', path.basename(named)], dir);
  assert.equal(shown.code, 0, shown.stderr);
  assert.ok(!shown.stdout.includes('\u001b'));
  assert.match(shown.stdout, /^"a\\u001b\[2Jb\.wav"\n/);
  assert.equal(quotePath('plain name.wav'), 'plain name.wav');
  assert.equal(oneLine('a\nb\u2028c'), 'a\\nb\\u2028c');
});

test('a full disk or a size limit is the environment (exit 4, one line naming the output), never 5', () => {
  const e = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/x/m.wav' });
  assert.equal(exitCodeOf(e), 4);
  assert.match(describeError(e), /^\/x\/m\.wav: no space left/);
  // a real write past RLIMIT_FSIZE (SIGXFSZ ignored, so the write fails with EFBIG)
  // 8 s: a 2.1 MB spotify master (44.1 kHz 24-bit), twice the 1 MiB limit
  tone(f('big.wav'), 8);
  const r = spawnSync(
    'sh',
    ['-c', `trap '' XFSZ; ulimit -f 1024; exec "${process.execPath}" "${SHUB}" master big.wav -t spotify -o fs/`],
    { cwd: dir, encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(r.status, 4, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^error: .*fs\/.*too large/);
  assert.deepEqual(readdirSync(f('fs')), [], 'no partial output or temporary left');
});

// a full file system needs a mount of our own: a user namespace (unshare -rm), which some kernels deny to users
// (e.g. Ubuntu 24.04's AppArmor default); there the EFBIG test above still covers the exit code, and CI must run it
const namespaces = spawnSync('unshare', ['-rm', 'true']).status === 0;
const noNamespaces =
  namespaces || process.env.CI === 'true'
    ? false
    : 'needs unprivileged user namespaces (unshare -rm) for a small tmpfs';
test(
  'ENOSPC on a small file system: master, mix, mix --rpp, validate --junit and the run store exit 4',
  {
    skip: noNamespaces,
  },
  () => {
    assert.ok(namespaces, 'needs unshare -rm (user and mount namespaces) for a small tmpfs');
    const small = f('small');
    mkdirSync(small);
    tone(f('big2.wav'), 8); // every output here is far above the 64 kB file system
    const cases: [string, string[]][] = [
      ['master', ['master', 'big2.wav', '-t', 'spotify', '-o', `${small}/m/`]],
      ['mix', ['mix', 'r.yaml', '-o', `${small}/mix.wav`]],
      ['mix --rpp', ['mix', 'r.yaml', '-o', 'elsewhere.wav', '--rpp', `${small}/s.rpp`, '-y']],
      ['validate --junit', ['validate', 'in.wav', '-p', 'spotify', '--junit', `${small}/r.xml`]],
      ['store', ['analyze', 'in.wav', '--store-dir', `${small}/store`]],
    ];
    for (const [what, args] of cases) {
      const argv = args.map((a) => `'${a}'`).join(' ');
      const script =
        `mount -t tmpfs -o size=64k none '${small}' && head -c 1048576 /dev/zero > '${small}/fill' 2>/dev/null; ` +
        `"${process.execPath}" "${SHUB}" ${argv}; echo "exit=$?" >&2; ls -A '${small}' '${small}'/* >&2 2>/dev/null`;
      const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      const exit = /exit=(\d+)/.exec(r.stderr)?.[1];
      assert.equal(exit, '4', `${what}: ${r.stderr}`);
      const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
      assert.equal(errors.length, 1, `${what}: ${r.stderr}`);
      // mix checks the projected size against the free space first; the others meet ENOSPC while writing
      assert.match(errors[0]!, /no space left|needs [\d.]+ MB but only [\d.]+ MB is free/, what);
      assert.ok(!/\.tmp/.test(r.stderr), `${what}: a temporary was left: ${r.stderr}`);
    }
  },
);

/** Waits until `dir` holds a temporary of shub, or the child exits. */
async function waitForTemp(folder: string, exited: () => boolean): Promise<string[]> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const temps = existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.tmp')) : [];
    if (temps.length || exited() || Date.now() > deadline) return temps;
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} during master and mix --rpp removes every temporary and records the run as interrupted`, async () => {
    tone(f(`long-${signal}.wav`), 120, 's16');
    writeFileSync(
      f(`long-${signal}.yaml`),
      `sampleRate: 48000\ntracks:\n  - name: A\n    file: long-${signal}.wav\n  - name: B\n` +
        `    file: long-${signal}.wav\n    pan: 0.5\n`,
    );
    const runs: [string[], string][] = [
      [['master', `long-${signal}.wav`, '-t', 'spotify,apple-music', '-o', `int-${signal}/`], `int-${signal}`],
      [
        ['mix', `long-${signal}.yaml`, '-o', `mx-${signal}/mix.wav`, '--rpp', `mx-${signal}/s.rpp`],
        `mx-${signal}/s-stems`,
      ],
    ];
    for (const [args, watch] of runs) {
      const store = f(`store-${signal}-${args[0]}`);
      const child = spawn(process.execPath, [SHUB, ...args, '--store-dir', store], { cwd: dir, stdio: 'pipe' });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += String(d)));
      let exit: number | null | undefined;
      child.once('exit', (c) => (exit = c));
      const temps = await waitForTemp(f(watch), () => exit !== undefined);
      assert.ok(temps.length > 0, `no temporary seen for ${args.join(' ')} (exit ${exit}) ${stderr}`);
      child.kill(signal);
      while (exit === undefined) await new Promise((r) => setTimeout(r, 20));
      assert.equal(exit, code, stderr);
      const folder = path.dirname(f(watch.includes('/') ? watch : `${watch}/x`));
      const left = spawnSync('find', [folder, '-name', '*.tmp*'], { encoding: 'utf8' }).stdout.trim();
      assert.equal(left, '', `temporaries left: ${left}`);
      assert.match(stderr, new RegExp(`interrupted by ${signal}`));
      const recorded = readdirSync(path.join(store, 'runs')).map(
        (n) => JSON.parse(readFileSync(path.join(store, 'runs', n), 'utf8')) as { status: string; exitCode: number },
      );
      assert.deepEqual(
        recorded.map((r) => [r.status, r.exitCode]),
        [['interrupted', code]],
      );
    }
  });
}

test("after SIGKILL, the next run in the folder removes this host's temporaries of dead processes, only those", () => {
  const d = f('stale');
  mkdirSync(d);
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  }).stdout;
  const stale = `.in.spotify.wav.${hostTag()}-${dead}.0123abcd.tmp`;
  const staleWav = `.in.spotify.wav.${hostTag()}-${dead}.89abcdef.tmp.wav`;
  const living = `.in.spotify.wav.${hostTag()}-${process.pid}.0123abcd.tmp`;
  // the same dead pid on another machine sharing the folder: not ours to judge
  const otherHost = `.in.spotify.wav.${hostTag() === 'abcdef' ? '123456' : 'abcdef'}-${dead}.0123abcd.tmp`;
  for (const n of [stale, staleWav, living, otherHost, 'notes.tmp']) writeFileSync(path.join(d, n), 'x');
  const r = shub(['master', 'in.wav', '-t', 'spotify', '-o', 'stale/'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(d).sort(), [living, otherHost, 'in.spotify.wav', 'notes.tmp'].sort());
});

test('history --file finds the run that wrote a file as well as the runs that read it (JSON store)', () => {
  const store = f('prov-store');
  const made = shub(['master', 'in.wav', '-t', 'spotify', '-o', 'prov/', '--store-dir', store], dir);
  assert.equal(made.code, 0, made.stderr);
  const read = shub(['analyze', 'prov/in.spotify.wav', '--store-dir', store], dir);
  assert.equal(read.code, 0, read.stderr);
  // by path as given, and by bytes from elsewhere (a copy under another name)
  copyFileSync(f('prov/in.spotify.wav'), f('copy-of-master.wav'));
  for (const name of ['prov/in.spotify.wav', 'copy-of-master.wav']) {
    const h = shub(['history', '--file', name, '--json', '--store-dir', store], dir);
    assert.equal(h.code, 0, h.stderr);
    assert.deepEqual(
      ndjson<{ command: string }>(h.stdout)
        .map((r) => r.command)
        .sort(),
      ['analyze', 'master'],
      name,
    );
  }
});

test('--no-store: the run is done and printed with its id, and nothing is recorded anywhere', () => {
  const store = f('never-made');
  const r = shub(['analyze', 'in.wav', '--json', '--no-store', '--store-dir', store], dir);
  assert.equal(r.code, 0, r.stderr);
  const [line] = ndjson<{ runId: string; file: string }>(r.stdout);
  assert.equal(line!.file, 'in.wav');
  assert.match(line!.runId, /^[0-9a-f]{8}-/);
  assert.equal(existsSync(store), false);
  const m = shub(['master', 'in.wav', '-t', 'spotify', '-o', 'nostore/', '--no-store', '--store-dir', store], dir);
  assert.equal(m.code, 0, m.stderr);
  assert.ok(existsSync(f('nostore/in.spotify.wav')));
  assert.equal(existsSync(store), false);
  // history and show read the store: they do not take it
  const h = shub(['history', '--no-store'], dir);
  assert.equal(h.code, 2);
  assert.match(h.stderr, /unknown option '--no-store'/);
});
