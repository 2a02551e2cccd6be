/**
 * The comp eval's newest held-out set (bench/comp-eval.ts, HELD_OUT_29) is made differently from every set before it
 * (the project's held-out rule): its seeds, sample rates, sung voices and speech languages appear in no earlier set,
 * and it holds the ≥ 60 sections the acceptance asks for (every one clearly best by construction).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import * as EVAL from '../../bench/comp-eval.js';

interface Spec {
  seed?: number;
  sampleRate?: number;
  sections?: number;
  sentences?: string[];
  voice?: string | { name: string };
}
const sets = Object.entries(EVAL).filter(([name, v]) => /^(HELD_OUT|TUNING)/.test(name) && Array.isArray(v)) as [
  string,
  Spec[],
][];
const newest = sets.filter(([name]) => name.startsWith('HELD_OUT_29'));
const earlier = sets.filter(([name]) => !name.startsWith('HELD_OUT_29')).flatMap(([, v]) => v);
const voiceName = (s: Spec) => (typeof s.voice === 'string' ? s.voice : s.voice?.name);

test('comp held-out-29: 70 sections, seeds, rates, voices and languages in no earlier set', () => {
  assert.equal(newest.length, 2, 'songs and speech');
  assert.ok(earlier.length > 200, `earlier specs read: ${earlier.length}`);
  const specs = newest.flatMap(([, v]) => v);
  const sections = specs.reduce((n, s) => n + (s.sentences?.length ?? s.sections ?? 0), 0);
  assert.equal(sections, 70);
  const seen = (f: (s: Spec) => unknown): Set<unknown> => new Set(earlier.map(f).filter((x) => x !== undefined));
  const seeds = seen((s) => s.seed);
  for (const s of specs) assert.ok(!seeds.has(s.seed), `seed ${s.seed} used before`);
  const rates = seen((s) => s.sampleRate);
  for (const s of specs) if (s.sampleRate) assert.ok(!rates.has(s.sampleRate), `rate ${s.sampleRate} used before`);
  const sung = seen((s) => (typeof s.voice === 'object' ? s.voice.name : undefined));
  const languages = seen((s) => (typeof s.voice === 'string' ? s.voice.split(/[+:]/)[0] : undefined));
  for (const s of specs) {
    const v = voiceName(s);
    if (typeof s.voice === 'object') assert.ok(!sung.has(v), `voice ${v} used before`);
    if (typeof s.voice === 'string')
      assert.ok(!languages.has(s.voice.split(/[+:]/)[0]), `language of ${v} used before`);
  }
});
