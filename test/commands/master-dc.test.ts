/**
 * Issue 17 point 2 (DC): the limiter must not add DC. A bass line whose positive peaks are three
 * times its negative ones (55 Hz plus its second harmonic, in decaying bursts) and exactly zero
 * mean is mastered to cd; before the fix the limiter's gain, which follows the larger polarity,
 * left 0.0015–0.0051 of DC in the written file (validate's dc-offset limit is 0.001).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { shub, ndjson, tempDir } from '../helpers/cli.js';
import { writeWav } from '../../fixtures/signals.js';
import type { MasterResult } from '../../src/commands/master.js';
import type { ValidateResult } from '../../src/commands/validate.js';

const { dir, cleanup } = tempDir('shub-master-dc-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const store = ['--store-dir', f('store')];

/** Asymmetric bass bursts (2 per second) over a quiet 440 Hz tone, mean removed exactly. */
export function asymmetricBass(sampleRate: number, seconds: number): Float64Array[] {
  const n = Math.round(sampleRate * seconds);
  const x = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const env = Math.exp(-((t * 2) % 1) * 12);
    const w = 2 * Math.PI * 55 * t;
    x[i] = 0.25 * env * (Math.sin(w) - 0.5 * Math.cos(2 * w)) + 0.01 * Math.sin(2 * Math.PI * 440 * t);
    mean += x[i]!;
  }
  mean /= n;
  for (let i = 0; i < n; i++) x[i]! -= mean;
  return [x, x.slice()];
}

before(() => writeWav(f('asym.wav'), asymmetricBass(44100, 6), 44100, 'f32'));

for (const flags of [
  ['--style', 'loud'],
  ['--style', 'loud', '--multiband'],
]) {
  test(`master -t cd ${flags.join(' ')}: the written file passes validate's dc-offset check`, () => {
    const out = f(`asym${flags.join('')}.cd.wav`);
    const m = shub(['master', f('asym.wav'), '-t', 'cd', ...flags, '-o', out, '-y', '--json', ...store], dir);
    const res = ndjson<MasterResult>(m.stdout)[0]!;
    assert.ok(res.outputs[0]!.compliant, `${m.stderr} ${res.outputs[0]!.problem}`);
    // heavy limiting is what made the DC: the test is meaningful only if the limiter worked hard
    assert.ok(res.outputs[0]!.limiterMaxGainReductionDb! > 10, `${res.outputs[0]!.limiterMaxGainReductionDb} dB`);
    const v = shub(['validate', out, '-p', 'cd', '--json', ...store], dir);
    const dc = ndjson<ValidateResult>(v.stdout)[0]!.platforms[0]!.checks.find((c) => c.id === 'dc-offset')!;
    assert.ok(dc.passed, dc.message);
    for (const ch of dc.measured as number[]) assert.ok(Math.abs(ch) < 0.0005, `DC ${ch}`);
    assert.equal(v.code, 0, v.stdout);
  });
}
