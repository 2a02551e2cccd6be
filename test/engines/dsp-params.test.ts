/**
 * Every DSP parameter is declared once (src/engines/dsp/params.ts). For every declared bound of
 * every parameter, values just inside, on and just outside it go through the recipe loader
 * (src/recipes/mix.ts, a recipe written to a temporary folder) and through the native entry
 * points (Mixer, MasterRender via src/native.ts): both must give the verdict the declaration
 * gives (open ends exclusive). Also: the messages name the parameter, its range with unit and
 * the value; the committed native table is what the declarations generate; the master styles
 * and the resampler are held to the same table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { native, type EqShape, type MasterRenderOptions, type MixStripSpec } from '../../src/native.js';
import { loadRecipe } from '../../src/recipes/mix.js';
import { resolveLimits } from '../../src/engines/mix/limits.js';
import { UsageError } from '../../src/errors.js';
import {
  DITHER_CHOICES,
  DSP_PARAMETER_GROUPS,
  EQ_SHAPES,
  inRange,
  rangeText,
  type DspGroup,
  type ParameterSpec,
} from '../../src/engines/dsp/params.js';
import { DSP_PARAMS_HEADER, dspParamsHeader } from '../../src/engines/dsp/params-header.js';
import { checkStyleSpec, STYLE_SPECS } from '../../src/engines/master/plan.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const RATE = 384000; // the mixer's Nyquist is then the EQ band's static bound (192 kHz)
type Fields = Record<string, number>;

// ---- the recipe layer: a minimal recipe with the value at its key ---------------------------

/** The recipe (as JSON, which is YAML) carrying `fields` in the block of `group`. */
function recipeWith(group: DspGroup, fields: Fields): object {
  const track: Record<string, unknown> = { name: 'a', file: 'a.wav' };
  const recipe: Record<string, unknown> = { sampleRate: RATE, tracks: [track] };
  switch (group) {
    case 'audio':
      recipe.sampleRate = fields.sampleRate;
      break;
    case 'eq':
      track.eq = [{ type: 'peak', freqHz: 1000, ...fields }];
      break;
    case 'compressor':
      track.compressor = { thresholdDb: -18, ratio: 2, ...fields };
      break;
    case 'gate':
      track.gate = { thresholdDb: -50, ...fields };
      break;
    case 'saturation':
      track.saturation = { driveDb: 6, ...fields };
      break;
    case 'delay':
      recipe.buses = [{ name: 'fx', delay: { timeMs: 375, ...fields } }];
      break;
    case 'reverb':
      recipe.buses = [{ name: 'fx', reverb: { decaySeconds: 1.6, ...fields } }];
      break;
    case 'limiter': {
      const { ceilingDb, ...rest } = fields;
      recipe.master = { limiter: { ceilingDbtp: ceilingDb ?? -1, ...rest } };
      break;
    }
    case 'recipe': {
      const [[key, v]] = Object.entries(fields) as [[string, number]];
      if (key === 'gainDb' || key === 'pan' || key === 'offsetSeconds') track[key] = v;
      else if (key === 'levelDb') {
        track.sends = [{ bus: 'fx', levelDb: v }];
        recipe.buses = [{ name: 'fx' }];
      } else if (key === 'automationGainDb') track.automation = { gainDb: [[0, v]] };
      else if (key === 'breakpointSeconds') track.automation = { pan: [[v, 0]] };
      else if (key === 'headroomDb') recipe.auto = { gainStaging: true, headroomDb: v };
      else if (key === 'tailSeconds') recipe.tailSeconds = v;
      else throw new Error(`no recipe key for ${key}`);
      break;
    }
    default:
      throw new Error(`no recipe key for ${group}`);
  }
  return recipe;
}

const work = tempDir('shub-dsp-params-');
let recipeCount = 0;

/** undefined when the loader accepts the recipe, else its one-line message. */
async function recipeVerdict(group: DspGroup, fields: Fields): Promise<string | undefined> {
  const file = path.join(work.dir, `r${recipeCount++}.yaml`);
  writeFileSync(file, JSON.stringify(recipeWith(group, fields), null, 1));
  try {
    // the declared range, not the default work limit (src/engines/mix/limits.ts), is under test here
    await loadRecipe(file, { limits: resolveLimits(['offsetSeconds=86400']) });
    return undefined;
  } catch (err) {
    assert.ok(err instanceof UsageError, `a recipe error is a UsageError: ${String(err)}`);
    return err.message;
  }
}

// ---- the native layer: the addon's constructors --------------------------------------------

function mixer(strip: Partial<MixStripSpec>, sampleRate = RATE): void {
  new (native().Mixer)({
    sampleRate,
    maxBlockFrames: 64,
    strips: [{ name: 't', channels: 2, output: -1, ...strip }],
    clips: [],
  });
}

function master(options: Partial<MasterRenderOptions>, sampleRate = 48000): void {
  new (native().MasterRender)({
    sampleRate,
    channels: 2,
    channelWeights: [1, 1],
    tails: [{ sampleRate, gainDb: 0, limiter: null, bitDepth: 32, dither: 'none', emit: false }],
    ...options,
  });
}

const tail = (extra: object, sampleRate = 48000): MasterRenderOptions['tails'] => [
  { sampleRate, gainDb: 0, limiter: null, bitDepth: 32, dither: 'none', emit: false, ...extra },
];

/** Each native entry point that takes the group's parameters, by name. */
const NATIVE: Record<Exclude<DspGroup, 'masterStyle'>, Record<string, (f: Fields) => void>> = {
  audio: {
    Mixer: (f) => mixer({}, f.sampleRate),
    MasterRender: (f) => master({ tails: tail({}, f.sampleRate!) }, f.sampleRate),
  },
  eq: {
    Mixer: (f) => mixer({ eq: [{ type: 'peak', freqHz: 1000, ...f }] }),
    MasterRender: (f) => master({ chain: { midEq: [{ type: 'peak', freqHz: 1000, ...f }] } }),
  },
  compressor: {
    Mixer: (f) => mixer({ compressor: f }),
    MasterRender: (f) => master({ chain: { compressor: f } }),
  },
  gate: { Mixer: (f) => mixer({ gate: f }) },
  saturation: { Mixer: (f) => mixer({ saturation: f }) },
  delay: { Mixer: (f) => mixer({ delay: f }) },
  reverb: { Mixer: (f) => mixer({ reverb: f }) },
  limiter: { MasterRender: (f) => master({ tails: tail({ limiter: { ceilingDb: -1, ...f } }) }) },
  masterChain: { MasterRender: (f) => master({ chain: f }) },
  multiband: {
    MasterRender: (f) => {
      // keep the other crossover in order: 20 < lowHz < highHz ≤ 20000
      const high = f.highHz ?? 20000;
      const low = f.lowHz ?? (high > 20 ? 20 + (high - 20) / 2 : 200);
      const band = { thresholdDb: -20, ratio: 2 };
      master({ chain: { multiband: { lowHz: low, highHz: high, bands: [band, band, band] } } });
    },
  },
  masterTail: { MasterRender: (f) => master({ tails: tail(f) }) },
  mixStrip: {
    Mixer: (f) => mixer(f),
    'Mixer automation': (f) =>
      mixer(
        f.gainDb !== undefined
          ? { gainAutomation: [0, f.gainDb] }
          : f.pan !== undefined
            ? { panAutomation: [0, f.pan] }
            : f,
      ),
  },
  mixSend: {
    Mixer: (f) =>
      new (native().Mixer)({
        sampleRate: RATE,
        maxBlockFrames: 64,
        strips: [
          { name: 'a', channels: 2, output: -1, sends: [{ dest: 1, ...f }] },
          { name: 'fx', channels: 2, output: -1 },
        ],
        clips: [],
      }),
  },
  mixClip: {
    Mixer: (f) =>
      new (native().Mixer)({
        sampleRate: RATE,
        maxBlockFrames: 64,
        strips: [{ name: 'a', channels: 2, output: -1 }],
        clips: [{ strip: 0, channels: 2, startFrame: 0, sourceOffsetFrames: 0, lengthFrames: 0, ...f }],
      }),
  },
  recipe: {},
};

function nativeVerdict(build: (f: Fields) => void, fields: Fields): string | undefined {
  try {
    build(fields);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof RangeError || err instanceof TypeError, `a typed error: ${String(err)}`);
    return err.message;
  }
}

// ---- the bounds ------------------------------------------------------------------------------

/** Values on and either side of each finite bound: b − ε, b, b + ε (ε = 1 for integers). */
function boundValues(spec: ParameterSpec): number[] {
  const out: number[] = [];
  for (const b of spec.range) {
    const eps = spec.integer ? 1 : Math.max(Math.abs(b), 1) * 1e-9;
    out.push(b - eps, b, b + eps);
  }
  return out;
}

const RECIPE_GROUPS = new Set<DspGroup>([
  'audio',
  'eq',
  'compressor',
  'gate',
  'saturation',
  'delay',
  'reverb',
  'limiter',
  'recipe',
]);

test('every declared bound gets the same verdict from declaration, recipe loader and native entry points', async () => {
  let bounds = 0;
  const checks = { recipe: 0, native: 0 };
  const disagreements: string[] = [];
  for (const [group, builds] of Object.entries(NATIVE) as [Exclude<DspGroup, 'masterStyle'>, typeof NATIVE.eq][]) {
    for (const [name, spec] of Object.entries(DSP_PARAMETER_GROUPS[group] as Record<string, ParameterSpec>)) {
      bounds += 2;
      for (const v of boundValues(spec)) {
        const want = inRange(spec, v);
        const fields = { [name]: v };
        const verdicts: [string, string | undefined][] = [];
        if (RECIPE_GROUPS.has(group)) verdicts.push(['recipe', await recipeVerdict(group, fields)]);
        for (const [entry, build] of Object.entries(builds)) verdicts.push([entry, nativeVerdict(build, fields)]);
        for (const [layer, message] of verdicts) {
          checks[layer === 'recipe' ? 'recipe' : 'native']++;
          if ((message === undefined) !== want)
            disagreements.push(
              `${group}.${name} = ${v} (${rangeText(spec)}): declared ${want ? 'accepted' : 'rejected'}, ` +
                `${layer} ${message === undefined ? 'accepted' : `rejected: ${message}`}`,
            );
        }
      }
    }
  }
  assert.deepEqual(disagreements, []);
  // 53 parameters × 2 bounds; × 3 values through the recipe loader (41 parameters: 246 checks) and
  // one or two native entry points (45 parameters: 366 checks)
  assert.equal(bounds, 106);
  assert.deepEqual(checks, { recipe: 246, native: 366 });
});

test('a rejection names the parameter, its range with unit and the value, in the recipe and natively', async () => {
  const recipe = await recipeVerdict('compressor', { attackMs: 0 });
  assert.match(
    recipe!,
    /r\d+\.yaml:\d+ tracks\[0\]\.compressor\.attackMs: expected a number in \[0\.01, 2000\] ms, got 0$/,
  );
  const loud = path.join(work.dir, 'loud.yaml');
  writeFileSync(loud, 'sampleRate: 48000\ntracks:\n  - name: a\n    file: a.wav\n    gate: { thresholdDb: loud }\n');
  await assert.rejects(loadRecipe(loud), {
    message: /loud\.yaml:5 tracks\[0\]\.gate\.thresholdDb: expected a number in \[-120, 0\] dB, got "loud"$/,
  });
  const missing = path.join(work.dir, 'missing.yaml');
  writeFileSync(missing, 'sampleRate: 48000\ntracks:\n  - name: a\n    file: a.wav\n    reverb: {}\n');
  await assert.rejects(loadRecipe(missing), {
    message: /unknown key 'reverb'/, // reverb belongs to buses
  });
  writeFileSync(missing, 'sampleRate: 48000\ntracks: [ { name: a, file: a.wav } ]\nmaster: { limiter: {} }\n');
  await assert.rejects(loadRecipe(missing), {
    message: /master\.limiter\.ceilingDbtp: missing; expected a number in \[-60, 0\] dBTP$/,
  });

  assert.throws(() => mixer({ compressor: { attackMs: 0 } }), {
    name: 'RangeError',
    message: 'Mixer: strips[0].compressor: attackMs must be a number in [0.01, 2000] ms, got 0',
  });
  assert.throws(() => mixer({ gate: { thresholdDb: 'loud' as unknown as number } }), {
    name: 'TypeError',
    message: "Mixer: strips[0].gate: thresholdDb must be a number in [-120, 0] dB, got 'loud'",
  });
  assert.throws(() => master({ tails: tail({ limiter: { ceilingDb: -1, lookaheadMs: 60 } }) }), {
    name: 'RangeError',
    message: 'MasterRender.tails[0].limiter: lookaheadMs must be a number in [0.1, 50] ms, got 60',
  });
  assert.throws(() => master({}, 7999), {
    name: 'RangeError',
    message: 'MasterRender: sampleRate must be an integer in [8000, 384000] Hz, got 7999',
  });
});

test('an EQ band at or above Nyquist is refused by the recipe loader as by the mixer', async () => {
  const file = path.join(work.dir, 'nyquist.yaml');
  writeFileSync(
    file,
    'sampleRate: 48000\ntracks:\n  - name: a\n    file: a.wav\n    eq:\n      - { type: lowpass, freqHz: 24000 }\n',
  );
  await assert.rejects(loadRecipe(file), {
    message: /nyquist\.yaml:6 tracks\[0\]\.eq\[0\]\.freqHz: 24000 Hz is not below half the sample rate \(24000 Hz\)/,
  });
  assert.throws(() => mixer({ eq: [{ type: 'lowpass', freqHz: 24000 }] }, 48000), {
    message: /eq\[0\]\.freqHz must be below half the sample rate/,
  });
  assert.doesNotThrow(() => mixer({ eq: [{ type: 'lowpass', freqHz: 23999 }] }, 48000));
});

test('the EQ shapes, bit depths and dither modes the recipe and the types declare are the ones the addon takes', () => {
  for (const type of EQ_SHAPES)
    assert.equal(native().biquadResponseDb([{ type, freqHz: 1000, gainDb: 3 }], 48000, [1000]).length, 1);
  assert.throws(() => native().biquadResponseDb([{ type: 'shelf' as EqShape, freqHz: 1000 }], 48000, [1000]), {
    name: 'RangeError',
    message: `biquadResponseDb: bands[0]: type must be one of ${EQ_SHAPES.join(', ')}, got 'shelf'`,
  });
  for (const bitDepth of DITHER_CHOICES.bitDepth.values)
    for (const dither of DITHER_CHOICES.dither.values)
      assert.doesNotThrow(() => master({ tails: tail({ bitDepth, dither }) }), `${bitDepth} ${dither}`);
  assert.throws(() => master({ tails: tail({ bitDepth: 20 }) }), /bitDepth must be 16, 24 or 32, got 20/);
  const modes = DITHER_CHOICES.dither.values.map((v) => `'${v}'`).join(', ');
  assert.throws(() => master({ tails: tail({ dither: 'shaped' }) }), {
    message: `MasterRender.tails[0]: dither must be one of ${modes}, got 'shaped'`,
  });
});

test('the committed native parameter table is the one the declarations generate', () => {
  const committed = readFileSync(path.join(ROOT, DSP_PARAMS_HEADER), 'utf8');
  assert.equal(
    committed,
    dspParamsHeader(),
    `${DSP_PARAMS_HEADER} is out of date: npm run build:ts && node dist/src/engines/dsp/params-header.js`,
  );
  // spot check of the notation: (lo, hi] is openLo = true, openHi = false
  assert.match(committed, /Param attackMs\{"attackMs", "ms", 0\.01, 2000, false, false, false, 10\};/);
});

test('declared defaults lie inside their own ranges', () => {
  for (const [group, params] of Object.entries(DSP_PARAMETER_GROUPS))
    for (const [name, spec] of Object.entries(params as Record<string, ParameterSpec>))
      assert.ok(inRange(spec, spec.value), `${group}.${name} default ${spec.value} outside ${rangeText(spec)}`);
});

test('the master styles are held to the declarations', () => {
  for (const [style, spec] of Object.entries(STYLE_SPECS)) assert.doesNotThrow(() => checkStyleSpec(style, spec));
  const broken = { ...STYLE_SPECS.loud, limiter: { lookaheadMs: 0.05, releaseMs: 50 } };
  assert.throws(() => checkStyleSpec('loud', broken), {
    name: 'RangeError',
    message: 'STYLE_SPECS.loud.limiter.lookaheadMs must be in [0.1, 50] ms, got 0.05',
  });
  const noCeiling = { ...STYLE_SPECS.balanced, maxMeanLimiterGainReductionDb: 61 };
  assert.throws(() => checkStyleSpec('balanced', noCeiling), /maxMeanLimiterGainReductionDb must be in \[0, 60\] dB/);
});

test('cleanup', () => work.cleanup());
