/**
 * `shub master` end to end: realistic renders (MIDI songs and a humanized GM drum break, rendered
 * in process by the npm SoundFont synthesizer) mastered to spotify, ebu-r128 and cd; every written
 * file measured by shub, and (a peer test) by loudgain (libebur128);
 * the transparent null; reference matching; a lossy target verified after decoding; a target the
 * style cannot meet; usage and input errors.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shub, ndjson, tempDir, type CliResult } from '../helpers/cli.js';
import { peerSkip } from '../helpers/peers.js';
import { masterLike, writeWav } from '../../fixtures/signals.js';
import { songPlanar } from '../../fixtures/music.js';
import { writeDrumLoop } from '../../fixtures/drumloops.js';
import { equalize, normalizePeak } from '../../fixtures/eq.js';
import { loudgain } from '../../bench/material.js';
import type { MasterResult } from '../../src/commands/master.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';
import { openAudio } from '../../src/io/audio.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';

const { dir, cleanup } = tempDir('shub-master-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const store = ['--store-dir', f('store')];

before(() => {
  // a dense pop render (44.1 kHz) and a quiet, dynamic ballad (48 kHz, about -33 LUFS)
  writeWav(f('pop.wav'), songPlanar({ bpm: 124, tonic: 62, mode: 'major', bars: 8 }, 44100, 1.5), 44100, 's16');
  const ballad = songPlanar({ bpm: 76, tonic: 57, mode: 'minor', bars: 5, dynamics: 0.6 }, 48000, 1.16);
  writeWav(f('ballad.wav'), ballad, 48000, 's16');
  // a hot, humanized Amen-style break (8 bars at 136 BPM, TimGM6mb Power kit), saturated like a
  // squashed sampled break, peak -0.1 dBFS
  writeDrumLoop(
    f('amen.wav'),
    { pattern: 'amen', bpm: 136, bars: 8, kit: 16, soundfont: 'TimGM6mb', seed: 3 },
    { sampleRate: 44100, driveDb: 12, peakDbfs: -0.1 },
  );
});

/** `shub analyze` on every file in one process (one start-up for all), the results in the files' order. */
function measureAll(files: string[]): AnalyzeResult[] {
  const r = shub(['analyze', ...files, '--features', 'levels,spectral', '--json', ...store], dir);
  assert.equal(r.code, 0, r.stderr);
  const byFile = new Map(ndjson<AnalyzeResult>(r.stdout).map((x) => [path.resolve(dir, x.file), x]));
  return files.map((file) => {
    const m = byFile.get(path.resolve(dir, file));
    assert.ok(m, `analyze measured ${file}`);
    return m;
  });
}

function measure(file: string): AnalyzeResult {
  return measureAll([file])[0]!;
}

const masterInputs = ['pop.wav', 'ballad.wav', 'amen.wav'].map(f);
let masterRun: CliResult | undefined;
/**
 * pop, ballad and amen mastered to spotify, ebu-r128 and cd by one run, made once for the file (a failed run
 * too: asserted by each caller): shub's own measurement of them (the first test) and loudgain's (the peer
 * test) check the same masters.
 */
function mastered(): { inputs: string[]; results: MasterResult[] } {
  masterRun ??= shub(
    ['master', ...masterInputs, '--target', 'spotify,ebu-r128,cd', '-o', f('out'), '--json', ...store],
    dir,
  );
  assert.equal(masterRun.code, 0, masterRun.stderr);
  return { inputs: masterInputs, results: ndjson<MasterResult>(masterRun.stdout) };
}

const ceilings: Record<string, number> = { spotify: -1, 'ebu-r128': -1, cd: -0.3 };
const targets: Record<string, number> = { spotify: -14, 'ebu-r128': -23, cd: -14 };

test(
  'spotify, ebu-r128 and cd masters land on target (shub ±0.1 LU) under their true-peak ceilings; ' +
    'cd is 44.1 kHz 16-bit dithered',
  () => {
    const { inputs, results } = mastered();
    assert.equal(results.length, inputs.length);
    // every master written measured by one analyze run (each is checked below)
    const files = results.flatMap((res) => res.outputs.flatMap((o) => (o.file && existsSync(o.file) ? [o.file] : [])));
    const measured = new Map(measureAll(files).map((m, i) => [files[i]!, m]));
    for (const [i, res] of results.entries()) {
      assert.equal(res.input, inputs[i]);
      assert.deepEqual(
        res.outputs.map((o) => o.target),
        ['spotify', 'ebu-r128', 'cd'],
      );
      for (const o of res.outputs) {
        assert.ok(o.compliant, `${res.input} ${o.target}: ${o.problem}`);
        assert.ok(o.file && existsSync(o.file));
        const m = measured.get(o.file)!;
        assert.ok(
          Math.abs(m.levels!.integratedLufs! - targets[o.target]!) <= 0.1,
          `${o.file}: ${m.levels!.integratedLufs} LUFS`,
        );
        assert.ok(m.levels!.truePeakDbtp! <= ceilings[o.target]!, `${o.file}: ${m.levels!.truePeakDbtp} dBTP`);
        assert.equal(o.achieved!.integratedLufs, m.levels!.integratedLufs);
      }
      // the cd master is 44.1 kHz 16-bit stereo, whatever the mix was
      const cd = measured.get(res.outputs.find((o) => o.target === 'cd')!.file!)!;
      assert.deepEqual([cd.format.sampleRate, cd.format.bitDepth, cd.format.channels], [44100, 16, 2]);
      // every stage decided, each with a reason
      const engines = new Set(res.decisions.map((d) => d.engine));
      for (const e of [
        'master.highpass',
        'master.eq',
        'master.compressor',
        'master.width',
        'master.gain',
        'master.limiter',
        'master.resample',
        'master.dither',
        'master.encode',
        'master.verify',
      ]) {
        assert.ok(engines.has(e), `${res.input}: no ${e} decision`);
      }
      for (const d of res.decisions) assert.ok(d.reason.length > 20, `${d.engine}: ${d.reason}`);
      const dither = res.decisions.find(
        (d) => d.engine === 'master.dither' && (d.inputs as { target: string }).target === 'cd',
      )!;
      assert.equal(dither.value, 'tpdf');
    }
    // the run record holds the same results, decisions and every output with its role
    const runs = readdirSync(f('store/runs')).map((n) => JSON.parse(readFileSync(f(`store/runs/${n}`), 'utf8')));
    const run = runs.find((x) => x.runId === results[0]!.runId);
    assert.ok(run);
    assert.equal(run.outputs.length, inputs.length * 3);
    assert.ok(
      run.outputs.every(
        (o: { role: string; sha256: string }) =>
          /^master:(spotify|ebu-r128|cd)$/.test(o.role) && /^[0-9a-f]{64}$/.test(o.sha256),
      ),
    );
    assert.deepEqual(run.results, results);
    assert.equal(
      run.decisions.length,
      results.reduce((s, x) => s + x.decisions.length, 0),
    );
  },
);

test(
  'peer: loudgain (libebur128) measures the spotify, ebu-r128 and cd masters on target (±0.2 LU) under their ceilings',
  { skip: peerSkip('loudgain') },
  () => {
    // the pop and amen masters of the run above (the same command made them again before: master is deterministic)
    const inputs = ['pop.wav', 'amen.wav'].map(f);
    const outputs = mastered()
      .results.filter((x) => inputs.includes(x.input))
      .flatMap((x) => x.outputs);
    assert.equal(outputs.length, 6);
    for (const o of outputs) {
      const lg = loudgain(o.file!);
      assert.ok(lg, `loudgain measured ${o.file}`);
      assert.ok(
        Math.abs(lg.integratedLufs - targets[o.target]!) <= 0.2,
        `${o.file}: loudgain ${lg.integratedLufs} LUFS`,
      );
      assert.ok(lg.truePeakDbtp <= ceilings[o.target]!, `${o.file}: loudgain ${lg.truePeakDbtp} dBTP`);
    }
  },
);

test(
  '--style transparent on a mix already inside the target nulls against the input (gain removed) ' + 'below -70 dB',
  async () => {
    // 44.1 kHz (Spotify's delivery rate: no resampling), -14.4 LUFS, true peak -3 dBTP
    const mix = await masterLike({ sampleRate: 44100, seconds: 8, integratedLufs: -14.4, truePeakDbtp: -3 });
    writeWav(f('inside.wav'), mix, 44100, 'f32');
    const r = shub(
      [
        'master',
        f('inside.wav'),
        '--target',
        'spotify',
        '--style',
        'transparent',
        '-o',
        f('inside.spotify.wav'),
        '--json',
        ...store,
      ],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const res = ndjson<MasterResult>(r.stdout)[0]!;
    assert.ok(res.outputs[0]!.compliant);
    assert.equal(res.outputs[0]!.limiterMaxGainReductionDb, 0);
    const gainDb = res.decisions.find((d) => d.engine === 'master.gain')!.value as number;
    assert.ok(Math.abs(gainDb - 0.4) < 0.05, `gain ${gainDb}`);
    for (const e of ['master.eq', 'master.compressor', 'master.highpass']) {
      const d = res.decisions.find((x) => x.engine === e)!;
      assert.ok(
        d.value === null || (Array.isArray(d.value) && d.value.length === 0),
        `${e} should do nothing: ${JSON.stringify(d.value)}`,
      );
    }
    const a = await readPlanar(f('inside.wav'));
    const b = await readPlanar(f('inside.spotify.wav'));
    assert.equal(b[0]!.length, a[0]!.length);
    const g = 10 ** (gainDb / 20);
    let err = 0;
    let sig = 0;
    for (let c = 0; c < 2; c++)
      for (let i = 0; i < a[0]!.length; i++) {
        err += (b[c]![i]! / g - a[c]![i]!) ** 2;
        sig += a[c]![i]! ** 2;
      }
    const nullDb = 10 * Math.log10(err / sig);
    assert.ok(nullDb < -70, `residual ${nullDb.toFixed(1)} dB`);
  },
);

test(
  '--reference: tonal-balance difference to the reference drops by at least 70 % ' + 'and loudness lands within 0.2 LU',
  () => {
    // the reference: a different song, darker and boomier, with a mid bump, louder (peak -1 dBFS)
    const refSong = songPlanar({ bpm: 140, tonic: 66, mode: 'minor', bars: 8 }, 44100, 1);
    equalize(refSong, 44100, [
      { type: 'lowshelf', freqHz: 100, gainDb: 6 },
      { type: 'highshelf', freqHz: 3000, gainDb: -5 },
      { type: 'peaking', freqHz: 1000, q: 1, gainDb: 3 },
    ]);
    writeWav(f('ref.wav'), normalizePeak(refSong, -1), 44100, 's16');
    const r = shub(
      ['master', f('pop.wav'), '--reference', f('ref.wav'), '-o', f('matched.wav'), '--json', ...store],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const res = ndjson<MasterResult>(r.stdout)[0]!;
    assert.ok(res.outputs[0]!.compliant, res.outputs[0]!.problem);
    const [mix, ref, out] = measureAll([f('pop.wav'), f('ref.wav'), f('matched.wav')]) as [
      AnalyzeResult,
      AnalyzeResult,
      AnalyzeResult,
    ];
    const band = (x: AnalyzeResult) =>
      new Map(x.spectral!.tonalBalance.map((b) => [Math.round(Math.sqrt(b.bandHz[0] * b.bandHz[1])), b.levelDb]));
    const [bm, br, bo] = [mix, ref, out].map(band);
    const keys = [...br!.keys()].filter((k) => k >= 40 && k <= 16000 && br!.get(k) !== null && bm!.get(k) !== null);
    // shape only (mean level removed), so the level difference cannot flatter the result
    const diff = (x: Map<number, number | null>) => {
      const d = keys.map((k) => x.get(k)! - br!.get(k)!);
      const mean = d.reduce((s, v) => s + v, 0) / d.length;
      return d.reduce((s, v) => s + Math.abs(v - mean), 0) / d.length;
    };
    const before = diff(bm!);
    const afterDiff = diff(bo!);
    assert.ok(before > 1.5, `the fixture should differ clearly (${before.toFixed(2)} dB)`);
    assert.ok(afterDiff <= 0.3 * before, `difference ${before.toFixed(2)} → ${afterDiff.toFixed(2)} dB`);
    assert.ok(
      Math.abs(out.levels!.integratedLufs! - ref.levels!.integratedLufs!) <= 0.2,
      `${out.levels!.integratedLufs} vs ${ref.levels!.integratedLufs}`,
    );
    assert.ok(res.decisions.some((d) => d.engine === 'master.eq' && d.decision === 'midBands'));
    assert.ok(res.decisions.some((d) => d.engine === 'master.width' && d.decision === 'sideBands'));
  },
);

test(
  'a lossy target (podcast MP3, with --multiband) is verified after decoding: ' +
    'loudness on target and true peak under the ceiling',
  () => {
    const r = shub(
      ['master', f('pop.wav'), '--target', 'podcast', '--multiband', '-o', `${f('lossy')}/`, '--json', ...store],
      dir,
    );
    assert.equal(r.code, 0, r.stderr);
    const res = ndjson<MasterResult>(r.stdout)[0]!;
    const o = res.outputs[0]!;
    assert.ok(o.compliant && o.file!.endsWith('.mp3'), JSON.stringify(o));
    const mb = res.decisions.find((d) => d.engine === 'master.multiband')!;
    assert.equal((mb.value as { bands: unknown[] }).bands.length, 3);
    const m = measure(o.file!);
    assert.equal(m.format.codec, 'mp3');
    assert.ok(Math.abs(m.levels!.integratedLufs! + 16) <= 0.1, `${m.levels!.integratedLufs}`);
    assert.ok(m.levels!.truePeakDbtp! <= -1, `${m.levels!.truePeakDbtp}`);
    // LAME at 192 kb/s writes 0.27 dB quieter (verify.ts WRITTEN_LOUDNESS_SHIFT_DB): the gain anticipates it, so the
    // first written file is on target already (without it: -16.27 LUFS, then a second round correcting the gain)
    const first = res.decisions.find((d) => d.engine === 'master.verify')!;
    assert.equal(first.decision, 'round1');
    const firstLufs = (first.value as { integratedLufs: number }).integratedLufs;
    assert.ok(Math.abs(firstLufs + 16) <= 0.1, first.reason);
    const gain = res.decisions.find((d) => d.engine === 'master.gain')!;
    assert.match(gain.reason, /including 0\.27 dB for what MP3 \(LAME CBR\) at 192 kb\/s takes off the loudness/);
  },
);

test(
  'a target the style cannot meet is reported (exit 1, compliant false, no file); ' +
    'the other targets are still written',
  () => {
    const r = shub(
      [
        'master',
        f('ballad.wav'),
        '--target',
        'cd,ebu-r128',
        '--style',
        'transparent',
        '-o',
        f('strict'),
        '--json',
        ...store,
      ],
      dir,
    );
    assert.equal(r.code, 1, r.stderr);
    const res = ndjson<MasterResult>(r.stdout)[0]!;
    const cd = res.outputs.find((o) => o.target === 'cd')!;
    assert.equal(cd.compliant, false);
    assert.equal(cd.file, null);
    assert.match(cd.problem!, /limiting.*transparent style allows/);
    assert.ok(!existsSync(f('strict/ballad.cd.wav')));
    assert.ok(res.outputs.find((o) => o.target === 'ebu-r128')!.compliant);
    assert.ok(
      readdirSync(f('strict')).every((n) => !n.endsWith('.tmp')),
      'no temporary files left',
    );
  },
);

test(
  'errors: existing output without -y (2), unknown target (2), a silent input (1: nothing to aim from), an ' +
    'unreadable one (3) ' +
    'while good inputs are mastered',
  async () => {
    const mix = await masterLike({ sampleRate: 48000, seconds: 4, integratedLufs: -20, truePeakDbtp: -6 });
    writeWav(f('e.wav'), mix, 48000);
    writeWav(f('silent.wav'), [new Float64Array(48000), new Float64Array(48000)], 48000);
    writeFileSync(f('text.wav'), 'not audio at all');
    let r = shub(['master', f('e.wav'), '--target', 'ebu-r128', '-o', f('e-out'), '--json', ...store], dir);
    assert.equal(r.code, 0, r.stderr);
    r = shub(['master', f('e.wav'), '--target', 'ebu-r128', '-o', f('e-out'), ...store], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /already exists; pass -y\/--overwrite/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    r = shub(['master', f('e.wav'), '--target', 'spotifyy', ...store], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /spotify/);
    r = shub(
      [
        'master',
        f('silent.wav'),
        f('text.wav'),
        f('e.wav'),
        '--target',
        'ebu-r128',
        '-o',
        f('e-out2'),
        '--json',
        ...store,
      ],
      dir,
    );
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /silent\.wav: cannot meet a loudness target: the file is silent/);
    assert.match(r.stderr, /text\.wav/);
    const lines = ndjson<MasterResult & { error?: { code: string } }>(r.stdout);
    // SPEC §3: with --json every input gets its line; the two bad ones carry their error
    assert.equal(lines.filter((l) => l.error).length, 2);
    const results = lines.filter((l) => !l.error);
    assert.equal(results.length, 1);
    assert.equal(results[0]!.input, f('e.wav'));
    assert.ok(results[0]!.outputs[0]!.compliant);
    // alone, the silent file is a target master cannot meet (SPEC §3: 1), not an unreadable input (3)
    r = shub(['master', f('silent.wav'), '--target', 'ebu-r128', '-o', f('e-out3'), ...store], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(existsSync(f('e-out3')), false);
  },
);

async function readPlanar(file: string): Promise<Float64Array[]> {
  const src = await openAudio(file, { ffmpeg: resolveFfmpeg() });
  const ch = src.format.channels;
  const out: number[][] = Array.from({ length: ch }, () => []);
  try {
    for (let b = await src.read(); b; b = await src.read()) {
      const v = new DataView(b.pcm.buffer, b.pcm.byteOffset, b.pcm.byteLength);
      const bps = { s16: 2, s24: 3, s32: 4, f32: 4, f64: 8, u8: 1 }[b.format];
      for (let i = 0; i < b.frames; i++)
        for (let c = 0; c < ch; c++) {
          const p = (i * ch + c) * bps;
          let x: number;
          switch (b.format) {
            case 'f32':
              x = v.getFloat32(p, true);
              break;
            case 's24':
              x = (v.getUint8(p) | (v.getUint8(p + 1) << 8) | (v.getInt8(p + 2) << 16)) / 8388608;
              break;
            case 's16':
              x = v.getInt16(p, true) / 32768;
              break;
            default:
              throw new Error(`unexpected ${b.format}`);
          }
          out[c]!.push(x);
        }
    }
  } finally {
    await src.close();
  }
  return out.map((c) => Float64Array.from(c));
}
