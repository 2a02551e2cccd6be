/**
 * Untrusted input through ffmpeg (issue 18, points 1–2): an input is the one plain file named and
 * nothing else. Playlists, ffconcat lists and `concat:` names are data, never instructions to read
 * other files; every ffmpeg child has a time limit and dies with shub.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { ffmpegFileUrl, ffmpegInputArgs, ffmpegTimeoutMs, FFMPEG_BASE_SECONDS } from '../../src/io/ffmpeg.js';
import { shub, ndjson, tempDir, SHUB } from '../helpers/cli.js';
import { lavfiSine } from '../../fixtures/damaged.js';

const { dir, cleanup } = tempDir('shub-untrusted-');
after(cleanup);
const f = (name: string) => path.join(dir, name);

/** A FLAC of a sine (bundled ffmpeg's lavfi source), `seconds` long. */
const flac = (file: string, seconds: number, hz: number) => void lavfiSine(file, { seconds, hz });

flac(f('two.flac'), 2, 440);
flac(f('seven.flac'), 7, 1000);

interface Row {
  file: string;
  format?: { durationSeconds: number };
}

function oneLineError(args: string[], file: string): void {
  const r = shub(args, dir);
  assert.equal(r.code, 3, `exit ${r.code}: ${r.stderr}`);
  if (args.includes('--json')) {
    // SPEC §3: the input still gets its line, an error and nothing else
    const lines = ndjson<{ file: string; error?: { code: string }; levels?: unknown }>(r.stdout);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.file, file);
    assert.ok(lines[0]!.error && !lines[0]!.levels);
  } else assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

test('an HLS playlist named .wav that points at another audio file is refused, not followed', () => {
  const playlist = `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:7.0,\n${f('seven.flac')}\n#EXT-X-ENDLIST\n`;
  writeFileSync(f('abs.wav'), playlist);
  oneLineError(['analyze', 'abs.wav', '--json', '--features', 'levels'], 'abs.wav');
  const m = shub(['master', 'abs.wav', '-t', 'spotify', '-o', 'm/'], dir);
  assert.equal(m.code, 3, m.stderr);
  assert.match(m.stderr, /abs\.wav.*(hls|not audio)/);
  // a playlist too bare for ffmpeg's probe to call it HLS: still not audio, said in words without the file: URL
  writeFileSync(f('bare.wav'), `#EXTM3U\n#EXTINF:7.0,\n${f('seven.flac')}\n#EXT-X-ENDLIST\n`);
  const b = shub(['analyze', 'bare.wav'], dir);
  assert.equal(b.code, 3, b.stderr);
  assert.match(
    b.stderr,
    /^error: bare\.wav: (it is \w+ data, not audio|not a readable audio file \(ffmpeg: Invalid data)/,
  );
  assert.doesNotMatch(b.stderr, /file:/);
});

test('a live playlist (no #EXT-X-ENDLIST) fails at once instead of waiting forever', () => {
  writeFileSync(f('live.mp3'), `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n${f('two.flac')}\n`);
  const t0 = Date.now();
  oneLineError(['analyze', 'live.mp3', '--features', 'levels'], 'live.mp3');
  assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
});

test('an ffconcat list named .flac is refused', () => {
  writeFileSync(f('list.flac'), `ffconcat version 1.0\nfile ${f('seven.flac')}\nfile ${f('seven.flac')}\n`);
  oneLineError(['analyze', 'list.flac', '--features', 'levels'], 'list.flac');
});

test('a file literally named concat:a|b is read as that one file', () => {
  const name = 'concat:seven.flac|seven.flac';
  copyFileSync(f('two.flac'), f(name));
  const r = shub(['analyze', name, '--json', '--features', 'levels'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [row] = ndjson<Row>(r.stdout);
  // its own 2 s, not the 14 s of the two files its name lists
  assert.ok(Math.abs(row!.format!.durationSeconds - 2) < 0.05, `read ${row!.format!.durationSeconds} s`);
});

test('ffmpeg input arguments: file protocol only, audio demuxers only, absolute file: URL', () => {
  const args = ffmpegInputArgs('concat:a.flac|b.flac');
  assert.deepEqual(args.slice(0, 2), ['-protocol_whitelist', 'file']);
  assert.equal(args[2], '-format_whitelist');
  const demuxers = args[3]!.split(',');
  for (const banned of ['hls', 'concat', 'image2', 'lavfi', 'sdp', 'rtp', 'http'])
    assert.ok(!demuxers.includes(banned), banned);
  assert.equal(args.at(-1), `file:${path.resolve('concat:a.flac|b.flac')}`);
  assert.equal(ffmpegFileUrl('tcp://h:1'), `file:${path.resolve('tcp:/h:1')}`);
});

test('every ffmpeg child has a wall-clock limit that grows with the input size', () => {
  assert.equal(ffmpegTimeoutMs(0), FFMPEG_BASE_SECONDS * 1000);
  assert.ok(ffmpegTimeoutMs(50e6) > ffmpegTimeoutMs(1e6));
  assert.ok(Number.isFinite(ffmpegTimeoutMs(1e12)));
});

/** Decoding ffmpeg processes (not the probe before them) whose command line names `marker`. */
function ffmpegChildren(marker: string): string[] {
  const ps = spawnSync('ps', ['-ww', '-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((l) => l.includes(marker) && l.includes('-format_whitelist') && l.includes('pipe:1'));
}

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`ffmpeg dies with shub (${signal} while decoding)`, async () => {
    const name = `long-${signal}.flac`;
    flac(f(name), 600, 220);
    const child = spawn(process.execPath, [SHUB, 'analyze', name, '--json', '-j', '1'], {
      cwd: dir,
      stdio: 'ignore',
    });
    let exited: number | null = null;
    child.once('exit', (code) => (exited = code ?? -1));
    // generous: on a loaded 2-core machine node's start-up and the probe can take seconds
    const deadline = Date.now() + 60_000;
    while (ffmpegChildren(name).length === 0 && exited === null && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    assert.equal(exited, null, `shub exited (${exited}) before ffmpeg was seen decoding`);
    assert.ok(ffmpegChildren(name).length > 0, 'ffmpeg never started');
    child.kill(signal);
    while (exited === null) await new Promise((r) => setTimeout(r, 20));
    const gone = Date.now() + 10_000;
    while (ffmpegChildren(name).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(ffmpegChildren(name), []);
  });
}

/** A 16-bit stereo WAV of 0.5 s of a -20 dBFS 1 kHz sine with `junk` empty JUNK chunks before `fmt `. */
function wavWithJunk(file: string, junk: number): void {
  const rate = 48000;
  const frames = rate / 2;
  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) {
    const v = Math.round(0.1 * 32767 * Math.sin((2 * Math.PI * 1000 * i) / rate));
    data.writeInt16LE(v, 4 * i);
    data.writeInt16LE(v, 4 * i + 2);
  }
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(2, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * 4, 16);
  fmt.writeUInt16LE(4, 20);
  fmt.writeUInt16LE(16, 22);
  const junkChunks = Buffer.alloc(8 * junk);
  for (let i = 0; i < junk; i++) junkChunks.write('JUNK', 8 * i, 'latin1');
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'latin1');
  dataHeader.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), junkChunks, fmt, dataHeader, data]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  writeFileSync(file, Buffer.concat([riff, body]));
}

test('a WAV header of a million empty chunks is refused at once; a few hundred are read', () => {
  wavWithJunk(f('junk-1m.wav'), 1_000_000);
  const t0 = Date.now();
  oneLineError(['analyze', 'junk-1m.wav', '--features', 'levels'], 'junk-1m.wav');
  assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
  wavWithJunk(f('junk-300.wav'), 300);
  const r = shub(['analyze', 'junk-300.wav', '--json', '--features', 'levels'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [row] = ndjson<Row & { levels: { samplePeakDbfs: number } }>(r.stdout);
  assert.ok(Math.abs(row!.levels.samplePeakDbfs - -20) < 0.01, String(row!.levels.samplePeakDbfs));
});

test('help and version into a pipe whose reader has gone (| true): no stack trace, exit 0', () => {
  for (const args of ['analyze --help', '--version']) {
    // `true` exits before node has started, so shub's first write meets a closed pipe (EPIPE)
    const cmd = `"${process.execPath}" "${SHUB}" ${args}`;
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${cmd} | true`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stderr, '', args);
    assert.equal(r.status, 0, args);
  }
});

test('stdout closed early (| head -c 10): printing stops quietly, exit 0, the run is recorded', () => {
  // more output than a pipe buffer holds (64 KiB), so writes after `head` has gone do happen
  for (let i = 0; i < 150; i++) wavWithJunk(f(`pipe-${i}.wav`), 1);
  const files = Array.from({ length: 150 }, (_, i) => `pipe-${i}.wav`).join(' ');
  const cmd = `"${process.execPath}" "${SHUB}" analyze ${files} --json --features levels --store-dir epipe-store`;
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${cmd} | head -c 10 >/dev/null`], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /EPIPE|at .*\.js:\d+/);
  const runs = spawnSync(process.execPath, [SHUB, 'history', '--store-dir', 'epipe-store', '--json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(ndjson(runs.stdout).length, 1);
});
