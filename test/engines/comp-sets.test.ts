/**
 * The comp eval's newest held-out set (bench/comp-eval.ts, HELD_OUT_31) is made differently from every set before it
 * (the project's held-out rule): its seeds, sample rates, sung voices, speech languages, take and guide programs, SoX
 * rooms, synth reverbs, section lengths, latency patterns and defect sizes appear in no earlier set; rooms set by
 * SoX reverb's full settings (no earlier set gave more than the reverberance), one of them on spoken takes; four
 * songs carry no latency at all (where false latencies were read); it holds the ≥ 60 sections (70 with speech) the
 * issue's acceptance asks for.
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
  program?: number;
  guideProgram?: number;
  soxReverb?: number | readonly number[];
  latencyMs?: number | number[];
  defectSizes?: object;
  sectionBeats?: number;
  fluidsynth?: object;
  timidity?: object;
}
const sets = Object.entries(EVAL).filter(([name, v]) => /^(HELD_OUT|TUNING)/.test(name) && Array.isArray(v)) as [
  string,
  Spec[],
][];
const newest = sets.filter(([name]) => name.startsWith('HELD_OUT_31'));
const earlier = sets.filter(([name]) => !name.startsWith('HELD_OUT_31')).flatMap(([, v]) => v);
const voiceName = (s: Spec) => (typeof s.voice === 'string' ? s.voice : s.voice?.name);
const seen = (f: (s: Spec) => unknown): Set<unknown> => new Set(earlier.map(f).filter((x) => x !== undefined));

test('comp held-out-31: 70 sections, seeds, rates, voices and languages in no earlier set', () => {
  assert.equal(newest.length, 2, 'songs and speech');
  assert.ok(earlier.length > 200, `earlier specs read: ${earlier.length}`);
  const specs = newest.flatMap(([, v]) => v);
  const sections = specs.reduce((n, s) => n + (s.sentences?.length ?? s.sections ?? 0), 0);
  assert.equal(sections, 70);
  const songSections = specs.reduce((n, s) => n + (s.sentences ? 0 : (s.sections ?? 0)), 0);
  assert.ok(songSections >= 60, `song sections ${songSections}`);
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

test('comp held-out-31: programs, rooms, defect sizes in no earlier set; songs with no latency', () => {
  const specs = newest.flatMap(([, v]) => v);
  const programs = seen((s) => s.program);
  const guides = seen((s) => s.guideProgram);
  const room = (s: Spec) => (s.soxReverb === undefined ? undefined : JSON.stringify(s.soxReverb));
  const rooms = seen(room);
  const sizes = seen((s) => (s.defectSizes ? JSON.stringify(s.defectSizes) : undefined));
  const synth = specs.filter((s) => s.program !== undefined);
  assert.equal(synth.length, 4);
  for (const s of synth) {
    assert.ok(!programs.has(s.program), `take program ${s.program} used before`);
    assert.ok(!guides.has(s.guideProgram), `guide program ${s.guideProgram} used before as guide`);
  }
  for (const s of specs) if (s.soxReverb) assert.ok(!rooms.has(room(s)), `SoX reverb ${room(s)} used before`);
  // rooms by SoX reverb's full settings (no earlier set gave more than the reverberance), one on spoken takes
  assert.ok(!earlier.some((s) => Array.isArray(s.soxReverb)), 'an earlier set with full SoX settings');
  const full = specs.filter((s) => Array.isArray(s.soxReverb));
  assert.equal(full.length, 3);
  assert.ok(
    full.some((s) => s.sentences),
    'speech in a room',
  );
  assert.ok(!earlier.some((s) => s.sentences && s.soxReverb !== undefined), 'earlier speech in a room');
  const synthFx = seen((s) => ((s.fluidsynth ?? s.timidity) ? JSON.stringify(s.fluidsynth ?? s.timidity) : undefined));
  for (const s of specs)
    if (s.fluidsynth ?? s.timidity) {
      const fx = JSON.stringify(s.fluidsynth ?? s.timidity);
      assert.ok(!synthFx.has(fx), `synth settings ${fx} used before`);
    }
  const beats = seen((s) => s.sectionBeats);
  for (const s of specs)
    if (s.sectionBeats) assert.ok(!beats.has(s.sectionBeats), `${s.sectionBeats} beats used before`);
  for (const s of specs)
    if (s.defectSizes) assert.ok(!sizes.has(JSON.stringify(s.defectSizes)), `defect sizes of ${s.seed} used before`);
  const still = specs.filter((s) => !s.sentences && s.latencyMs === undefined).map((s) => s.seed);
  assert.deepEqual(still, [4801, 4805, 4806, 4809], 'songs with no latency');
  const patterns = seen((s) => (Array.isArray(s.latencyMs) ? JSON.stringify(s.latencyMs) : undefined));
  for (const s of specs)
    if (Array.isArray(s.latencyMs))
      assert.ok(!patterns.has(JSON.stringify(s.latencyMs)), `latency pattern ${s.latencyMs} used before`);
});
