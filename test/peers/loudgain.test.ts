/**
 * Agreement with independent meters on realistic audio (renders of MIDI songs and GM drum loops
 * made by the npm SoundFont synthesizer, fixtures/synth.ts): ffmpeg's ebur128 filter (the bundled
 * @ffmpeg-installer binary, so this always runs) and loudgain (libebur128 1.2.6; a peer test that
 * skips where loudgain is not installed).
 *
 * LRA note: EBU Tech 3342 (2016 revision) asks for short-term blocks at >= 10 Hz (>= 2.9 s
 * overlap), as SPEC §5 does; libebur128 1.2.6 still takes one block per second. So shub's LRA
 * is compared with ffmpeg (10 Hz), and libebur128's figure is reproduced exactly by applying the
 * same gates and percentiles to every 10th value of shub's own short-term curve — showing that
 * the only difference is the block rate.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { peerSkip } from '../helpers/peers.js';
import { realisticMaterial, loudgain, type Material } from '../../bench/material.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';

const { dir, cleanup } = tempDir();
after(cleanup);

type Row = {
  levels: { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number };
  curves: { shortTermLufs: (number | null)[] };
};
let material: Material[] = [];
let rows: Row[] = [];

before(() => {
  material = realisticMaterial(dir, 'quick');
  const r = shub(['analyze', ...material.map((m) => m.file), '--json', '--curves', '--store-dir', dir], dir);
  assert.equal(r.code, 0, r.stderr);
  rows = ndjson<Row>(r.stdout);
});

/** LRA the libebur128 1.2.6 way: short-term blocks once per second, then Tech 3342 gates and percentiles. */
function lraAtOneHertz(shortTermLufs: (number | null)[]): number {
  const blocks = shortTermLufs.filter((_, i) => i % 10 === 0).filter((l): l is number => l !== null && l > -70);
  const energy = (l: number) => 10 ** ((l + 0.691) / 10);
  const mean = blocks.reduce((s, l) => s + energy(l), 0) / blocks.length;
  const gate = -0.691 + 10 * Math.log10(mean) - 20;
  const v = blocks.filter((l) => l >= gate).sort((a, b) => a - b);
  return v[Math.round((v.length - 1) * 0.95)]! - v[Math.round((v.length - 1) * 0.1)]!;
}

/** ffmpeg's ebur128 summary: integrated loudness and LRA (one decimal). */
function ffmpegEbur128(file: string): { integratedLufs: number; loudnessRangeLu: number } {
  const r = spawnSync(
    resolveFfmpeg().path,
    ['-nostats', '-hide_banner', '-i', file, '-af', 'ebur128', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  const summary = r.stderr.slice(r.stderr.lastIndexOf('Summary:'));
  return {
    integratedLufs: parseFloat(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]!),
    loudnessRangeLu: parseFloat(/LRA:\s+(-?[\d.]+) LU/.exec(summary)![1]!),
  };
}

test('realistic music: integrated and LRA match ffmpeg ebur128 (10 Hz short-term blocks) within 0.1 LU', () => {
  assert.equal(material.length, 5, 'three songs and two drum loops');
  for (const [i, m] of material.entries()) {
    const { levels } = rows[i]!;
    const ff = ffmpegEbur128(m.file);
    assert.ok(
      Math.abs(levels.integratedLufs - ff.integratedLufs) <= 0.1,
      `${m.name}: I shub ${levels.integratedLufs} vs ffmpeg ${ff.integratedLufs}`,
    );
    assert.ok(
      Math.abs(levels.loudnessRangeLu - ff.loudnessRangeLu) <= 0.1,
      `${m.name}: LRA shub ${levels.loudnessRangeLu} vs ffmpeg ${ff.loudnessRangeLu}`,
    );
  }
});

test(
  'peer: realistic music: integrated within 0.05 LU of loudgain; LRA at 1 Hz blocks matches libebur128; true peak',
  { skip: peerSkip('loudgain') },
  () => {
    for (const [i, m] of material.entries()) {
      const { levels, curves } = rows[i]!;
      const theirs = loudgain(m.file);
      assert.ok(theirs, `loudgain measured ${m.file}`);
      assert.ok(
        Math.abs(levels.integratedLufs - theirs.integratedLufs) <= 0.05,
        `${m.name}: I shub ${levels.integratedLufs} vs loudgain ${theirs.integratedLufs}`,
      );
      const oneHz = lraAtOneHertz(curves.shortTermLufs);
      assert.ok(
        Math.abs(oneHz - theirs.loudnessRangeLu) <= 0.05,
        `${m.name}: LRA at 1 Hz ${oneHz.toFixed(2)} vs loudgain ${theirs.loudnessRangeLu}`,
      );
      // libebur128's 12-tap 4x interpolator can only under-read inter-sample peaks
      assert.ok(
        levels.truePeakDbtp >= theirs.truePeakDbtp - 0.05 && levels.truePeakDbtp <= theirs.truePeakDbtp + 0.7,
        `${m.name}: TP shub ${levels.truePeakDbtp} vs loudgain ${theirs.truePeakDbtp}`,
      );
    }
  },
);

test(
  'peer: songs rendered by the second renderer (fluidsynth + FluidR3_GM): integrated within 0.05 LU of loudgain',
  { skip: peerSkip('fluidsynth', 'loudgain') },
  () => {
    const songs = realisticMaterial(dir, 'quick', 'fluidsynth').filter((m) => m.file.endsWith('-fluidsynth.wav'));
    assert.equal(songs.length, 3);
    const r = shub(['analyze', ...songs.map((m) => m.file), '--json', '--store-dir', dir], dir);
    assert.equal(r.code, 0, r.stderr);
    ndjson<Row>(r.stdout).forEach(({ levels }, i) => {
      const theirs = loudgain(songs[i]!.file);
      assert.ok(theirs, `loudgain measured ${songs[i]!.file}`);
      assert.ok(
        Math.abs(levels.integratedLufs - theirs.integratedLufs) <= 0.05,
        `${songs[i]!.name}: I shub ${levels.integratedLufs} vs loudgain ${theirs.integratedLufs}`,
      );
    });
  },
);
