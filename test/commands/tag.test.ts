/**
 * `shub tag` (issue 17 point 8): ReplayGain 2.0 tags as loudgain writes them, checked against an
 * analytic signal (a 1 kHz sine at -20 dBFS per channel measures -20 LUFS: gain +2 dB, peak 0.1)
 * and, as a peer test, against loudgain (libebur128) on a set of songs with --album. The audio is
 * not touched (decoded md5 unchanged) and existing tags (title, artist, ISRC) are kept.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { peerSkip } from '../helpers/peers.js';
import { masterLike, sineSegments, writeWav } from '../../fixtures/signals.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';
import type { TagResult } from '../../src/commands/tag.js';
import type { MasterResult } from '../../src/commands/master.js';
import { measureSet } from '../../src/engines/levels/album.js';

const { dir, cleanup } = tempDir('shub-tag-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const ffmpeg = resolveFfmpeg().path;

function ff(args: string[]): string {
  const r = spawnSync(ffmpeg, ['-v', 'error', '-y', ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** The tags of a file (format and first audio stream), upper-cased keys, as ffmpeg reads them. */
function tagsOf(file: string): Record<string, string> {
  const text = ff(['-i', file, '-f', 'ffmetadata', '-']);
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([^;=][^=]*)=(.*)$/.exec(line);
    if (m) out[m[1]!.toUpperCase()] = m[2]!;
  }
  // stream-level comments of Ogg files
  const probe = spawnSync(ffmpeg, ['-i', file], { encoding: 'utf8' }).stderr;
  for (const m of probe.matchAll(/^\s+([A-Za-z0-9_]+)\s*:\s(.*)$/gm)) out[m[1]!.toUpperCase()] ??= m[2]!.trim();
  return out;
}

const audioMd5 = (file: string) => ff(['-i', file, '-map', '0:a:0', '-f', 'md5', '-']).trim();
const meta = ['-metadata', 'title=Song', '-metadata', 'artist=The Band', '-metadata', 'ISRC=GBAYE0601498'];

before(async () => {
  writeWav(f('sine.wav'), sineSegments(48000, 2, [{ seconds: 5, dbfs: -20 }]), 48000, 's24');
  ff(['-i', f('sine.wav'), ...meta, f('sine.flac')]);
  ff(['-i', f('sine.wav'), ...meta, '-c:a', 'libmp3lame', '-b:a', '320k', f('sine.mp3')]);
  ff(['-i', f('sine.wav'), ...meta, '-c:a', 'libopus', '-b:a', '160k', f('sine.opus')]);
  // an album: three masters at different loudness
  for (const [i, lufs] of [-10, -14, -20].entries()) {
    writeWav(
      f(`song${i}.wav`),
      await masterLike({ sampleRate: 44100, seconds: 5, integratedLufs: lufs, truePeakDbtp: lufs + 8 }),
      44100,
      's16',
    );
    ff(['-i', f(`song${i}.wav`), ...meta, f(`song${i}.flac`)]);
  }
});

test('a 1 kHz sine at -20 dBFS: +2 dB, peak 0.1; tags kept, audio untouched (FLAC, MP3)', () => {
  for (const ext of ['flac', 'mp3']) {
    const file = f(`sine.${ext}`);
    const before = audioMd5(file);
    const r = shub(['tag', file, '--json', '--no-store'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [row] = ndjson<TagResult>(r.stdout);
    assert.ok(Math.abs(row!.trackGainDb - 2) <= 0.05, `${ext}: ${row!.trackGainDb}`);
    const tags = tagsOf(file);
    assert.match(tags.REPLAYGAIN_TRACK_GAIN!, /^\+?2\.0\d dB$|^1\.9\d dB$/, ext);
    assert.equal(tags.REPLAYGAIN_TRACK_GAIN, `${row!.trackGainDb.toFixed(2)} dB`);
    assert.ok(
      Math.abs(Number(tags.REPLAYGAIN_TRACK_PEAK) - 0.1) <= 0.1 * 0.03,
      `${ext}: ${tags.REPLAYGAIN_TRACK_PEAK}`,
    );
    assert.equal(tags.REPLAYGAIN_REFERENCE_LOUDNESS, '-18.00 LUFS');
    assert.equal(tags.TITLE, 'Song', ext);
    assert.equal(tags.ARTIST, 'The Band', ext);
    assert.equal(tags.ISRC ?? tags.TSRC, 'GBAYE0601498', ext);
    assert.equal(audioMd5(file), before, `${ext}: the audio was re-encoded`);
  }
});

test('Opus gets R128_TRACK_GAIN in Q7.8 relative to -23 LUFS (RFC 7845)', () => {
  const file = f('sine.opus');
  const r = shub(['tag', file, '--json', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  const [row] = ndjson<TagResult>(r.stdout);
  const tags = tagsOf(file);
  // -20 LUFS: -3 dB to reach -23 LUFS, 256 steps per dB
  assert.ok(Math.abs(Number(tags.R128_TRACK_GAIN) - -3 * 256) <= 0.05 * 256, tags.R128_TRACK_GAIN);
  assert.equal(Number(tags.R128_TRACK_GAIN), Math.round((-23 - row!.integratedLufs) * 256));
  assert.equal(tags.TITLE, 'Song');
});

test('WAV is refused (no standard ReplayGain tag), the file left as it was', () => {
  const r = shub(['tag', f('sine.wav'), '--no-store'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: .*sine\.wav: shub tag writes FLAC, MP3 and Ogg\/Opus tags, not wav/);
});

test(
  '--album agrees with loudgain -a (libebur128): track and album gains, peaks and ranges',
  { skip: peerSkip('loudgain') },
  () => {
    const mine = [0, 1, 2].map((i) => f(`song${i}.flac`));
    const theirs = mine.map((m, i) => {
      const copy = f(`lg${i}.flac`);
      copyFileSync(m, copy);
      return copy;
    });
    const lg = spawnSync('loudgain', ['-a', '-O', '-q', '-s', 's', ...theirs], { encoding: 'utf8', cwd: dir });
    assert.equal(lg.status, 0, lg.stderr);
    const rows = lg.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const albumRow = rows.find((c) => c[0] === 'Album')!;
    const r = shub(['tag', ...mine, '--album', '--json', '--no-store'], dir);
    assert.equal(r.code, 0, r.stderr);
    const results = ndjson<TagResult>(r.stdout);
    for (const [i, file] of mine.entries()) {
      const peer = rows.find((c) => c[0] === theirs[i])!;
      const tags = tagsOf(file);
      const gain = parseFloat(tags.REPLAYGAIN_TRACK_GAIN!);
      assert.ok(Math.abs(gain - parseFloat(peer[8]!)) <= 0.05, `${file}: ${gain} vs loudgain ${peer[8]}`);
      const tp = Number(tags.REPLAYGAIN_TRACK_PEAK);
      assert.ok(Math.abs(20 * Math.log10(tp / parseFloat(peer[3]!))) <= 0.1, `${file}: peak ${tp} vs ${peer[3]}`);
      const albumGain = parseFloat(tags.REPLAYGAIN_ALBUM_GAIN!);
      assert.ok(Math.abs(albumGain - parseFloat(albumRow[8]!)) <= 0.05, `album ${albumGain} vs ${albumRow[8]}`);
      assert.ok(Math.abs(parseFloat(tags.REPLAYGAIN_ALBUM_RANGE!) - parseFloat(albumRow[2]!)) <= 0.2);
      assert.equal(results[i]!.albumGainDb, albumGain, 'one album gain for every file');
      assert.equal(tags.ISRC, 'GBAYE0601498');
    }
    // the album gain is not any track's: the set is measured as one (-10, -14 and -20 LUFS songs)
    const albumGain = results[0]!.albumGainDb!;
    assert.ok(albumGain < -18 - -14 && albumGain > -18 - -10, `${albumGain}`);
  },
);

test("masters keep the mix's tags (title, artist, ISRC) in FLAC, MP3, AAC and Opus, not its loudness tags", () => {
  // sine.flac carries REPLAYGAIN_* from the first test: they describe the mix, not the master
  assert.ok(tagsOf(f('sine.flac')).REPLAYGAIN_TRACK_GAIN);
  for (const [format, ext] of [
    ['flac', 'flac'],
    ['mp3', 'mp3'],
    ['aac', 'm4a'],
    ['opus', 'opus'],
  ] as const) {
    const r = shub(
      // an ad-hoc target: Spotify's own checks want PCM, and a lossy master of it is refused
      ['master', f('sine.flac'), '--lufs', '-14', '--ceiling', '-1', '-f', format, '-o', f('masters/'), '-y'].concat(
        '--no-store',
      ),
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const tags = tagsOf(f(`masters/sine.custom.${ext}`));
    assert.equal(tags.TITLE, 'Song', format);
    assert.equal(tags.ARTIST, 'The Band', format);
    // MP4 has no iTunes atom for ISRC (see encodeFile)
    if (format !== 'aac') assert.equal(tags.ISRC, 'GBAYE0601498', format);
    assert.equal(tags.REPLAYGAIN_TRACK_GAIN, undefined, format);
  }
});

test('master --album: one gain for the set, the songs keep their loudness differences; logged', async () => {
  const songs = [0, 1, 2].map((i) => f(`song${i}.wav`));
  const before = await measureSet(songs, resolveFfmpeg(), true);
  const r = shub(['master', ...songs, '--album', '-t', 'spotify', '-o', f('album/'), '--json', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  const rows = ndjson<MasterResult>(r.stdout);
  const outs = [0, 1, 2].map((i) => f(`album/song${i}.spotify.wav`));
  const after = await measureSet(outs, resolveFfmpeg(), true);
  // the album lands on spotify's -14 LUFS; each song moved by the same gain (within the aim's 0.3 LU)
  assert.ok(Math.abs(after.album!.integratedLufs - -14) <= 0.5, `album ${after.album!.integratedLufs}`);
  const gain = -14 - before.album!.integratedLufs;
  for (const [i, t] of after.tracks.entries()) {
    const moved = t.integratedLufs - before.tracks[i]!.integratedLufs;
    assert.ok(Math.abs(moved - gain) <= 0.3, `${t.file}: moved ${moved} LU, album gain ${gain}`);
    const d = rows[i]!.decisions.find((x) => x.engine === 'master.album')!;
    assert.match(d.reason, /album of 3 files measures -?\d+(\.\d+)? LUFS/);
    assert.ok(Math.abs((d.value as { gainDb: number }[])[0]!.gainDb - gain) <= 0.01);
  }
  // the set spans 10 LU, and still does
  assert.ok(before.tracks[0]!.integratedLufs - before.tracks[2]!.integratedLufs > 9);
  assert.ok(after.tracks[0]!.integratedLufs - after.tracks[2]!.integratedLufs > 9);
});
