/**
 * The human-readable reports (stdout without --json) of analyze, validate and master: every value
 * with its unit, silence as -inf, missing figures as n/a or —, aligned columns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAnalyzeText } from '../../src/ui/analyze-text.js';
import { formatValidateText } from '../../src/ui/validate-text.js';
import { formatMasterText } from '../../src/ui/master-text.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';
import type { MasterOutput, MasterResult, TargetSpec } from '../../src/commands/master.js';
import type { Levels } from '../../src/engines/levels/index.js';
import type { Key } from '../../src/engines/key/index.js';

const LEVELS: Levels = {
  integratedLufs: -14.04,
  loudnessRangeLu: 6.55,
  momentaryMaxLufs: -8.96,
  shortTermMaxLufs: -10.2,
  truePeakDbtp: -1.234,
  samplePeakDbfs: -1.5,
  rmsDbfs: -17.25,
  crestFactorDb: 15.75,
  plrDb: 12.81,
  clippedSamples: 3,
  dcOffset: [0.000001, -0.00123],
  phaseCorrelation: 0.876,
  monoLoudnessDropLu: 1.2,
  noiseFloorDbfs: -72.4,
  dynamicRangeDr: 8,
  silence: { leadingSeconds: 0.5, trailingSeconds: 1.25 },
  channels: [],
};

const FORMAT = {
  container: 'wav',
  codec: 'pcm_s24le',
  sampleRate: 48000,
  channels: 2,
  bitDepth: 24,
  frames: 8892000,
  durationSeconds: 185.25,
};

/** `label  value` rows of an indented table, as a map. */
function rows(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').slice(2)) {
    const m = /^ {2}(\S.*?) {2,}(\S.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

test('analyze: format line, every level with its unit, rounding, tiny DC offsets as 0', () => {
  const r: AnalyzeResult = { file: 'song.wav', sha256: 'ab'.repeat(32), format: FORMAT, levels: LEVELS };
  const text = formatAnalyzeText(r);
  const lines = text.split('\n');
  assert.equal(lines[0], 'song.wav');
  assert.equal(lines[1], '  wav pcm_s24le, 48000 Hz, 2 ch, 24-bit, 3:05.250');
  assert.deepEqual(Object.fromEntries(rows(text)), {
    'Integrated loudness': '-14.0 LUFS',
    'Loudness range': '6.5 LU',
    'Momentary max': '-9.0 LUFS',
    'Short-term max': '-10.2 LUFS',
    'True peak': '-1.23 dBTP',
    'Sample peak': '-1.50 dBFS',
    RMS: '-17.3 dBFS',
    'Crest factor': '15.8 dB',
    PLR: '12.8 dB',
    DR: 'DR8',
    'Clipped samples': '3',
    'DC offset': '0.00000 / -0.00123',
    'Phase correlation': '0.88',
    'Mono loudness drop': '1.2 LU',
    'Noise floor': '-72.4 dBFS',
    'Silence lead / tail': '0.50 s / 1.25 s',
  });
  // the values start in one column
  const starts = lines.slice(2).map((l) => /^ {2}\S.*? {2,}/.exec(l)![0].length);
  assert.equal(new Set(starts).size, 1);
});

test('analyze: silence reads -inf, missing statistics n/a; the other features with their units', () => {
  const silent: Levels = {
    ...LEVELS,
    integratedLufs: null,
    loudnessRangeLu: null,
    truePeakDbtp: null,
    crestFactorDb: null,
    plrDb: null,
    dynamicRangeDr: null,
    phaseCorrelation: null,
    monoLoudnessDropLu: null,
    noiseFloorDbfs: null,
  };
  const r: AnalyzeResult = {
    file: 'x.mp3',
    sha256: '',
    format: { ...FORMAT, container: 'mp3', codec: 'mp3', bitDepth: null, durationSeconds: 59.9996 },
    levels: silent,
    tempo: { bpm: 127.96, confidence: 0.871, beats: [0.1, 0.5, 0.9], downbeats: [], alternatives: [] },
    key: { key: 'A minor', tonic: 'A', mode: 'minor', confidence: 0.7, tuningCents: -12.4, alternatives: [] },
    onsets: { times: [0.1, 0.2, 0.3, 0.4], strengths: [1, 1, 1, 1] },
    pitch: { medianHz: 220.04, voicedRatio: 0.756 },
    spectral: {
      centroidHz: 2345.6,
      rolloffHz: 8012.4,
      flatness: 0.01234,
      flux: null,
      zeroCrossingRate: 0.04567,
      bandwidthHz: null,
      mfcc: null,
      chroma: null,
      contrast: [],
      tonalBalance: [],
    },
  };
  const text = formatAnalyzeText(r);
  assert.equal(text.split('\n')[1], '  mp3 mp3, 48000 Hz, 2 ch, 1:00.000');
  const t = rows(text);
  assert.equal(t.get('Integrated loudness'), '-inf LUFS');
  assert.equal(t.get('True peak'), '-inf dBTP');
  for (const k of ['Loudness range', 'Crest factor', 'PLR', 'DR', 'Phase correlation', 'Noise floor'])
    assert.equal(t.get(k), 'n/a', k);
  assert.equal(t.get('Tempo'), '128.0 BPM (confidence 0.87, 3 beats)');
  assert.equal(t.get('Key'), 'A minor (confidence 0.70, tuning -12 cents)');
  assert.equal(t.get('Onsets'), '4');
  assert.equal(t.get('Pitch (median f0)'), '220.0 Hz (voiced 76 %)');
  assert.equal(t.get('Spectral centroid'), '2346 Hz');
  assert.equal(t.get('Roll-off (85 %)'), '8012 Hz');
  assert.equal(t.get('Flatness / ZCR'), '0.012 / 0.0457');

  const none = formatAnalyzeText({
    file: 'y.wav',
    sha256: '',
    format: FORMAT,
    tempo: { bpm: null, reason: 'no beat', confidence: 0, beats: [], downbeats: [], alternatives: [] },
    key: { key: null, reason: 'no tuned notes' },
    pitch: { medianHz: null, voicedRatio: 0, reason: 'no voiced frames' },
  });
  // no made-up value: a dash and the reason
  assert.deepEqual(Object.fromEntries(rows(none)), {
    Tempo: '— (no beat)',
    Key: '— (no tuned notes)',
    'Pitch (median f0)': '— (no voiced frames)',
  });
  const sharp = formatAnalyzeText({ ...r, key: { ...(r.key as Key), key: 'C major', tuningCents: 3 } });
  assert.match(sharp, /C major \(confidence 0\.70, tuning \+3 cents\)/);
});

test('validate: PASS/FAIL per platform in aligned columns, failing checks spelled out', () => {
  const text = formatValidateText({
    file: 'master.wav',
    platforms: [
      {
        platform: 'spotify',
        passed: false,
        checks: [
          { id: 'integrated-loudness', passed: false, measured: -9, limit: -14, message: 'too loud by 5.0 LU' },
          { id: 'true-peak', passed: false, measured: 0.2, limit: -1, message: 'true peak +0.2 dBTP over -1' },
          { id: 'sample-rate', passed: true, measured: 48000, limit: null, message: 'ok' },
        ],
      },
      {
        platform: 'apple-music',
        passed: true,
        checks: [{ id: 'true-peak', passed: true, measured: -1.5, limit: -1, message: 'ok' }],
      },
    ],
  });
  assert.equal(
    text,
    [
      'master.wav',
      '  spotify      FAIL  2 of 3 checks failed',
      '    ✗ integrated-loudness: too loud by 5.0 LU',
      '    ✗ true-peak: true peak +0.2 dBTP over -1',
      '    ✓ sample-rate: ok',
      '  apple-music  PASS  1 checks passed',
      '    ✓ true-peak: ok',
    ].join('\n'),
  );
});

const spec = (target: string, lufs: number, ceiling: number): TargetSpec => ({
  target,
  name: target,
  integratedLufs: lufs,
  toleranceLu: 1,
  truePeakCeilingDbtp: ceiling,
  sampleRateHz: 44100,
  bitDepth: 24,
  format: 'wav',
  bitrateKbps: null,
});

test('master: one row per target with got / target and units, the problem of an unmet target, the chain', () => {
  const outputs: MasterOutput[] = [
    {
      target: 'spotify',
      file: 'out/song.spotify.wav',
      format: 'wav',
      achieved: { integratedLufs: -14.004, truePeakDbtp: -1.019, loudnessRangeLu: 6, samplePeakDbfs: -1.3 },
      targetSpec: spec('spotify', -14, -1),
      compliant: true,
      limiterMaxGainReductionDb: 2.46,
    },
    {
      target: 'broadcast',
      file: null,
      format: 'wav',
      achieved: null,
      targetSpec: spec('broadcast', -23, -2),
      compliant: false,
      limiterMaxGainReductionDb: null,
      problem: 'needs 14 dB of limiting',
    },
  ];
  const r: MasterResult = {
    input: 'song.wav',
    file: 'song.wav',
    runId: 'r',
    outputs,
    decisions: [
      { engine: 'master.eq', decision: 'bands', value: [], reason: 'cut 2 dB at 250 Hz (muddy)' },
      { engine: 'master.limiter', decision: 'ceiling', value: -1, reason: 'not part of the chain line' },
      { engine: 'master.compressor', decision: 'ratio', value: 2, reason: 'ratio 2:1 at -18 dB' },
    ],
  };
  const lines = formatMasterText(r).split('\n');
  assert.equal(lines[0], 'song.wav');
  const cells = (l: string) => l.trim().split(/ {2,}/);
  assert.deepEqual(cells(lines[1]!), [
    'target',
    'result',
    'loudness (got / target)',
    'true peak (got / ceiling)',
    'limiting',
    'file',
  ]);
  assert.deepEqual(cells(lines[2]!), [
    'spotify',
    'ok',
    '-14.00 / -14 LUFS',
    '-1.02 / -1 dBTP',
    '2.5 dB',
    'out/song.spotify.wav',
  ]);
  assert.deepEqual(cells(lines[3]!), [
    'broadcast',
    'NOT MET',
    '— / -23 LUFS',
    '— / -2 dBTP',
    '— dB',
    'needs 14 dB of limiting',
  ]);
  assert.equal(lines[1]!.indexOf('file'), lines[2]!.indexOf('out/'), 'columns line up');
  assert.deepEqual(lines.slice(4), ['  eq: cut 2 dB at 250 Hz (muddy)', '  compressor: ratio 2:1 at -18 dB']);
});
