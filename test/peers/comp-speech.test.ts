/**
 * `shub comp` on real speech (espeak-ng, a formant synthesizer independent of shub): three takes
 * of two sentences, one clipped in the first and one with a noise burst in the pause after it. Speech
 * glides off any note, so pitch says little here; the comp must still run, keep the timeline, and
 * never pick the clipped or the noisy take where they are damaged.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { after } from 'node:test';
import { writeWav } from '../../fixtures/signals.js';
import { mulberry32 } from '../../src/engines/random.js';
import { ndjson, shub, tempDir } from '../helpers/cli.js';
import { peerSkip } from '../helpers/peers.js';
import { readPcmWav } from '../helpers/wav.js';

const skip = peerSkip('espeak-ng');
const { dir, cleanup } = tempDir('shub-comp-speech-');
after(cleanup);
const f = (name: string) => path.join(dir, name);

test('speech takes: the damaged halves are never chosen; the comp keeps the timeline', { skip }, () => {
  const text = 'The quick brown fox jumps over the lazy dog. Then it runs far away into the quiet woods.';
  const r = spawnSync('espeak-ng', ['-v', 'en', '-s', '150', '-w', f('speech.wav'), text]);
  assert.equal(r.status, 0, String(r.stderr));
  const wav = readPcmWav(f('speech.wav'));
  assert.deepEqual([wav.channels, wav.bits], [1, 16], 'espeak-ng writes mono 16-bit PCM');
  const { rate } = wav;
  const x = wav.planar[0]!;
  const n = x.length;
  // the pause between the two sentences: the longest stretch of 10 ms blocks below -50 dBFS past 30 %
  const block = Math.round(rate * 0.01);
  let best = [0, 0];
  let runStart = -1;
  for (let b = Math.floor((0.3 * n) / block); b * block < 0.9 * n; b++) {
    let e = 0;
    for (let i = b * block; i < (b + 1) * block; i++) e += x[i]! ** 2;
    const quiet = 10 * Math.log10(e / block + 1e-20) < -50;
    if (quiet && runStart < 0) runStart = b;
    if (!quiet && runStart >= 0) {
      if (b - runStart > best[1]! - best[0]!) best = [runStart, b];
      runStart = -1;
    }
  }
  const [p0, p1] = [best[0]! * block, best[1]! * block];
  assert.ok(p1 - p0 >= 0.2 * rate, `a pause of ${((p1 - p0) / rate).toFixed(2)} s between the sentences`);
  const clean = Float64Array.from(x, (v) => v * 0.8);
  // clipped in the first sentence; a noise burst in the pause before the second
  const clipped = Float64Array.from(x, (v, i) => (i < p0 ? Math.max(-1, Math.min(1, v * 8)) : v * 0.8));
  // white noise (an LCG written as (seed * 1103515245 + 12345) >>> 0 loses its low bits in doubles and
  // cycles every 419 samples: a 52.6 Hz buzz that pYIN rightly calls voiced)
  const random = mulberry32(5);
  const b0 = p0 + Math.round(0.25 * (p1 - p0));
  const b1 = p0 + Math.round(0.75 * (p1 - p0));
  const noisy = Float64Array.from(x, (v, i) => v * 0.8 + (i >= b0 && i < b1 ? (random() * 2 - 1) * 0.3 : 0));
  writeWav(f('a-clipped.wav'), [clipped], rate, 'f32');
  writeWav(f('b-noisy.wav'), [noisy], rate, 'f32');
  writeWav(f('c-clean.wav'), [clean], rate, 'f32');
  writeFileSync(
    f('halves.yaml'),
    `- { name: First, startSeconds: 0, endSeconds: ${p0 / rate} }\n` +
      `- { name: Second, startSeconds: ${p0 / rate}, endSeconds: ${n / rate} }\n`,
  );
  const out = shub(
    ['comp', 'a-clipped.wav', 'b-noisy.wav', 'c-clean.wav', '-o', 'comp.wav', '--sections', 'halves.yaml', '--json'],
    dir,
  );
  assert.equal(out.code, 0, out.stderr);
  const res = ndjson<{ frames: number; sections: { chosen: number; why: string }[] }>(out.stdout)[0]!;
  assert.equal(res.frames, n);
  assert.notEqual(res.sections[0]!.chosen, 0, `first sentence: not the clipped take (${res.sections[0]!.why})`);
  assert.notEqual(res.sections[1]!.chosen, 1, `second sentence: not the noisy take (${res.sections[1]!.why})`);
  // and with automatic sections it runs too
  const auto = shub(['comp', 'a-clipped.wav', 'b-noisy.wav', 'c-clean.wav', '-o', 'auto.wav', '--json'], dir);
  assert.equal(auto.code, 0, auto.stderr);
  const a = ndjson<{ frames: number; sections: unknown[] }>(auto.stdout)[0]!;
  assert.equal(a.frames, n);
  assert.ok(a.sections.length >= 2, `${a.sections.length} automatic sections`);
});
