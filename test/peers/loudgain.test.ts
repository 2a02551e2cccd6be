/**
 * Agreement with independent meters on realistic audio (fluidsynth renders of MIDI songs, real
 * drum loops): loudgain (libebur128 1.2.6) and ffmpeg's ebur128 filter.
 *
 * LRA note: EBU Tech 3342 (2016 revision) asks for short-term blocks at >= 10 Hz (>= 2.9 s
 * overlap), as SPEC §5 does; libebur128 1.2.6 still takes one block per second. So shub's LRA
 * is compared with ffmpeg (10 Hz), and libebur128's figure is reproduced exactly by applying the
 * same gates and percentiles to every 10th value of shub's own short-term curve — showing that
 * the only difference is the block rate.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { realisticMaterial, loudgain, haveLoudgain } from '../../bench/material.js';
import { haveFluidsynth } from '../../fixtures/music.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';

const { dir, cleanup } = tempDir();
after(cleanup);

const missing = [!haveLoudgain() && 'loudgain', !haveFluidsynth() && 'fluidsynth + fluid-soundfont-gm'].filter(Boolean);

/** LRA the libebur128 1.2.6 way: short-term blocks once per second, then Tech 3342 gates and percentiles. */
function lraAtOneHertz(shortTermLufs: (number | null)[]): number {
  const blocks = shortTermLufs.filter((_, i) => i % 10 === 0).filter((l): l is number => l !== null && l > -70);
  const energy = (l: number) => 10 ** ((l + 0.691) / 10);
  const mean = blocks.reduce((s, l) => s + energy(l), 0) / blocks.length;
  const gate = -0.691 + 10 * Math.log10(mean) - 20;
  const v = blocks.filter((l) => l >= gate).sort((a, b) => a - b);
  return v[Math.round((v.length - 1) * 0.95)]! - v[Math.round((v.length - 1) * 0.1)]!;
}

function ffmpegLra(file: string): number {
  const r = spawnSync(
    resolveFfmpeg().path,
    ['-nostats', '-hide_banner', '-i', file, '-af', 'ebur128', '-f', 'null', '-'],
    { encoding: 'utf8' },
  );
  return parseFloat(/LRA:\s+(-?[\d.]+) LU/.exec(r.stderr.slice(r.stderr.lastIndexOf('Summary:')))![1]!);
}

test(
  'realistic music: integrated within 0.05 LU of loudgain; LRA matches ffmpeg (10 Hz) and libebur128 (1 Hz)',
  { skip: missing.length ? `missing ${missing.join(', ')} (apt-get install them; .ci/run does)` : false },
  () => {
    const material = realisticMaterial(dir, 'quick');
    assert.ok(material.length >= 4, 'at least four realistic files');
    const r = shub(['analyze', ...material.map((m) => m.file), '--json', '--curves'], dir);
    assert.equal(r.code, 0, r.stderr);
    type Row = {
      levels: { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number };
      curves: { shortTermLufs: (number | null)[] };
    };
    const rows = ndjson<Row>(r.stdout);
    for (const [i, m] of material.entries()) {
      const { levels, curves } = rows[i]!;
      const theirs = loudgain(m.file);
      assert.ok(theirs, `loudgain measured ${m.file}`);
      assert.ok(
        Math.abs(levels.integratedLufs - theirs.integratedLufs) <= 0.05,
        `${m.name}: I shub ${levels.integratedLufs} vs loudgain ${theirs.integratedLufs}`,
      );
      const ff = ffmpegLra(m.file);
      assert.ok(
        Math.abs(levels.loudnessRangeLu - ff) <= 0.1,
        `${m.name}: LRA shub ${levels.loudnessRangeLu} vs ffmpeg ${ff}`,
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
