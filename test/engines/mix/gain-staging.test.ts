/**
 * Automatic gain staging in-process (src/engines/mix/gain-staging.ts): fader gains from known
 * stem loudness and roles, the master trim from a known peak, and the whole first pass on
 * analytic stems — sines of known level measured by the native meter, compiled into a graph,
 * rendered by the native mixer — bringing the master input peak to −headroomDb.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_STAGING_DB,
  REFERENCE_LUFS,
  ROLE_LOUDNESS_LU,
  masterTrim,
  trackStaging,
} from '../../../src/engines/mix/gain-staging.js';
import { compileRecipe, mixSpec, type MixGraph, type StagingGains } from '../../../src/engines/mix/graph.js';
import { recipeSchema } from '../../../src/recipes/mix-schema.js';
import { keyPathText, type LoadedRecipe } from '../../../src/recipes/mix.js';
import type { AudioFormat } from '../../../src/io/format.js';
import { native } from '../../../src/native.js';

const near = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} not within ${tol} of ${b}`);

test('track gains put each stem at the reference plus its role offset', () => {
  const { gains, decisions } = trackStaging([
    { name: 'Vox', role: 'vocal', integratedLufs: -26, manualGainDb: 0 },
    { name: 'Bass', role: 'bass', integratedLufs: -10, manualGainDb: 2 },
    { name: 'Pad', role: 'pad', integratedLufs: -31.234, manualGainDb: 0 },
  ]);
  assert.equal(REFERENCE_LUFS, -20);
  assert.deepEqual(ROLE_LOUDNESS_LU.vocal, 0);
  // vocal: −20 − (−26) = +6; bass: −20 − 4 − (−10) = −14; pad: −20 − 10 + 31.234 = +1.234
  assert.equal(gains[0], 6);
  assert.equal(gains[1], -14);
  near(gains[2]!, 1.234, 1e-12, 'pad');
  assert.deepEqual(
    decisions.map((d) => [d.engine, d.decision, d.value, d.unit]),
    [
      ['mix.gainStaging', 'trackGain', 6, 'dB'],
      ['mix.gainStaging', 'trackGain', -14, 'dB'],
      ['mix.gainStaging', 'trackGain', 1.23, 'dB'],
    ],
  );
  assert.match(
    decisions[1]!.reason,
    /Bass \(bass\) sits -4 LU from the lead: stem at -10\.0 LUFS → -24\.0 LUFS, plus the recipe's 2 dB/,
  );
  assert.deepEqual(decisions[0]!.inputs, {
    track: 'Vox',
    role: 'vocal',
    integratedLufs: -26,
    roleOffsetLu: 0,
    referenceLufs: -20,
    manualGainDb: 0,
  });
});

test('track gains are limited to ±MAX_STAGING_DB; a stem without gated loudness keeps its fader', () => {
  const { gains, decisions } = trackStaging([
    { name: 'Hiss', role: 'fx', integratedLufs: -90, manualGainDb: 0 },
    { name: 'Hot', role: 'hats', integratedLufs: 20, manualGainDb: 0 },
    { name: 'Silent', role: 'other', integratedLufs: null, manualGainDb: 0 },
  ]);
  assert.equal(MAX_STAGING_DB, 36);
  assert.deepEqual(gains, [36, -36, 0]);
  assert.match(decisions[0]!.reason, /\(limited to ±36 dB\)/);
  assert.match(decisions[1]!.reason, /\(limited to ±36 dB\)/);
  assert.match(decisions[2]!.reason, /no gated loudness/);
  assert.equal(decisions[2]!.value, 0);
});

test('the master trim puts a known peak at −headroomDb (0.01 dB steps); silence gets no trim', () => {
  // 0.5 = −6.0206 dBFS: 6 dB of headroom needs +0.02 dB
  assert.equal(masterTrim(0.5, 6).trimDb, 0.02);
  assert.equal(masterTrim(1, 3).trimDb, -3);
  assert.equal(masterTrim(2, 6).trimDb, -12.02);
  const t = masterTrim(0.1, 1);
  assert.equal(t.trimDb, 19);
  assert.equal(t.decision.decision, 'masterTrim');
  assert.deepEqual(t.decision.inputs, { masterInputPeakDbfs: -20, headroomDb: 1 });
  const silent = masterTrim(0, 6);
  assert.equal(silent.trimDb, 0);
  assert.equal(silent.decision.inputs?.masterInputPeakDbfs, null);
  assert.match(silent.decision.reason, /silence/);
});

// ---- the first pass on analytic stems ------------------------------------------------------

const FS = 48000;
const SECONDS = 2;

function sine(hz: number, amp: number): Float32Array {
  const x = new Float32Array(SECONDS * FS);
  for (let i = 0; i < x.length; i++) x[i] = amp * Math.sin((2 * Math.PI * hz * i) / FS);
  return x;
}

function monoFormat(): AudioFormat {
  return {
    container: 'wav',
    codec: 'pcm_f32le',
    sampleRate: FS,
    channels: 1,
    bitDepth: 32,
    frames: SECONDS * FS,
    durationSeconds: SECONDS,
    speakers: [],
  };
}

/** Renders a graph with the native mixer; the strips' stats. */
async function renderGraph(graph: MixGraph, stems: Float32Array[]) {
  const m = new (native().Mixer)(mixSpec(graph, 4096));
  stems.forEach((x, k) => {
    m.pushPcm(k, new Uint8Array(x.buffer, x.byteOffset, x.byteLength), 'f32', x.length);
    m.endClip(k);
  });
  for (let done = 0; done < graph.totalFrames;)
    done += (await m.render(Math.min(4096, graph.totalFrames - done))).frames;
  return m.stats();
}

test('known-level stems: faders reach their role levels, the trim puts the master input at −headroomDb', async () => {
  const headroomDb = 6;
  const stems = [sine(997, 0.1), sine(55, 0.5)];
  const roles = ['vocal', 'bass'] as const;
  const loaded: LoadedRecipe = {
    file: 'mix.yaml',
    dir: '/recipes',
    recipe: recipeSchema.parse({
      sampleRate: FS,
      auto: { gainStaging: true, headroomDb },
      tailSeconds: 0,
      tracks: roles.map((role, k) => ({ name: `T${k}`, file: `${k}.wav`, role })),
    }),
    locate: (p) => `mix.yaml ${keyPathText(p)}`,
    chains: new Map(),
  };
  // the stems' loudness, as the native meter reads it
  const lufs = stems.map((x) => {
    const meter = new (native().LevelMeter)({ sampleRate: FS, channels: 1, channelWeights: [1] });
    meter.addFloat(x);
    return meter.result().integratedLufs!;
  });
  // BS.1770: a full-scale 997 Hz sine on one channel reads −3.01 LUFS, so amplitude 0.1 → −23.01
  near(lufs[0]!, -23.01, 0.02, 'vocal stem LUFS');
  const staged = trackStaging(
    roles.map((role, k) => ({ name: `T${k}`, role, integratedLufs: lufs[k]!, manualGainDb: 0 })),
  );
  near(staged.gains[0]!, 3.01, 0.02, 'vocal gain to −20 LUFS');
  staged.gains.forEach((g, k) => near(lufs[k]! + g, REFERENCE_LUFS + ROLE_LOUDNESS_LU[roles[k]!], 1e-9, `T${k} level`));

  const options = { formats: [monoFormat(), monoFormat()], files: ['/0.wav', '/1.wav'] };
  const first: StagingGains = { trackGainDb: staged.gains, masterTrimDb: 0 };
  const graph = compileRecipe(loaded, { ...options, staging: first });
  const masterIndex = graph.strips.length - 1;
  const firstStats = await renderGraph(graph, stems);
  const peak = firstStats[masterIndex]!.inputPeak;
  // mono tracks panned centre: cos(π/4) per side; the two sines line up to within 2 % of the sum of their amplitudes
  const sum = Math.SQRT1_2 * (0.1 * 10 ** (staged.gains[0]! / 20) + 0.5 * 10 ** (staged.gains[1]! / 20));
  assert.ok(peak <= sum * (1 + 1e-6) && peak >= 0.98 * sum, `master input peak ${peak} vs ${sum}`);

  const trim = masterTrim(peak, headroomDb);
  const second = compileRecipe(loaded, {
    ...options,
    staging: { trackGainDb: staged.gains, masterTrimDb: trim.trimDb },
  });
  const stats = await renderGraph(second, stems);
  // the master (no chain, unity fader, stereo balance at centre) passes the trimmed input on
  near(20 * Math.log10(stats[masterIndex]!.outputPeak), -headroomDb, 0.005 + 1e-4, 'trimmed master input peak (dBFS)');
  near(stats[masterIndex]!.inputPeak, peak, 0, 'the input peak is measured before the trim');
});
