/**
 * The comp eval's newest held-out set (bench/comp-eval.ts, HELD_OUT_32) is made differently from every set before it
 * (the project's held-out rule): its seeds, sample rates, sung voices, speech languages, take and guide programs, SoX
 * rooms, synth reverbs, section lengths, latency patterns and defect sizes appear in no earlier set; three rooms made
 * by convolution (irRoom: no earlier set had one), one of them on spoken takes; four songs carry no latency at all
 * (where false latencies were read); it holds the ≥ 60 sections (70 with speech) the acceptance asks for.
 * The convolution keeps the direct sound on its sample (SoX's fir centres a filter: the generator pads for it).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'node:test';
import * as EVAL from '../../bench/comp-eval.js';
import type { TakeSet } from '../../fixtures/takes.js';

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
  irRoom?: object;
}
const sets = Object.entries(EVAL).filter(([name, v]) => /^(HELD_OUT|TUNING)/.test(name) && Array.isArray(v)) as [
  string,
  Spec[],
][];
const newest = sets.filter(([name]) => name.startsWith('HELD_OUT_32'));
const earlier = sets.filter(([name]) => !name.startsWith('HELD_OUT_32')).flatMap(([, v]) => v);
const voiceName = (s: Spec) => (typeof s.voice === 'string' ? s.voice : s.voice?.name);
const seen = (f: (s: Spec) => unknown): Set<unknown> => new Set(earlier.map(f).filter((x) => x !== undefined));

test('comp held-out-32: 70 sections, seeds, rates, voices and languages in no earlier set', () => {
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

test('comp held-out-32: programs, rooms, defect sizes in no earlier set; songs with no latency', () => {
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
  // rooms by convolution (no earlier set had one), one on spoken takes
  assert.ok(!earlier.some((s) => s.irRoom !== undefined), 'an earlier set with a convolution room');
  const ir = specs.filter((s) => s.irRoom !== undefined);
  assert.deepEqual(
    ir.map((s) => s.seed),
    [4902, 4906, 4912],
  );
  assert.ok(
    ir.some((s) => s.sentences),
    'speech in a convolution room',
  );
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
  assert.deepEqual(still, [4901, 4905, 4906, 4909], 'songs with no latency');
  const patterns = seen((s) => (Array.isArray(s.latencyMs) ? JSON.stringify(s.latencyMs) : undefined));
  for (const s of specs)
    if (Array.isArray(s.latencyMs))
      assert.ok(!patterns.has(JSON.stringify(s.latencyMs)), `latency pattern ${s.latencyMs} used before`);
});

test('comp irRoom: the direct sound stays on its sample, the tail follows after the pre-delay', () => {
  const fs = 8000;
  const take = new Float64Array(2 * fs);
  take[fs / 2] = 0.5;
  const set = { sampleRate: fs, takes: [take] } as unknown as TakeSet;
  const dir = mkdtempSync(path.join(tmpdir(), 'shub-irroom-'));
  try {
    const out = EVAL.irRoomTakes(set, { rt60Seconds: 0.3, wet: 0.5, preDelayMs: 10 }, 1, dir).takes[0]!;
    assert.equal(out.length, take.length);
    let peak = 0;
    for (let i = 1; i < out.length; i++) if (Math.abs(out[i]!) > Math.abs(out[peak]!)) peak = i;
    assert.equal(peak, fs / 2, 'the direct sound moved');
    assert.ok(Math.abs(out[fs / 2]! - 0.25) < 1e-3, `direct ${out[fs / 2]} (0.5 × 0.5)`);
    // nothing before the direct sound nor within the pre-delay; the tail's energy wet² of the direct's
    let before = 0;
    for (let i = 0; i < fs / 2; i++) before += out[i]! ** 2;
    let gap = 0;
    for (let i = fs / 2 + 1; i < fs / 2 + 78; i++) gap += out[i]! ** 2;
    let tail = 0;
    for (let i = fs / 2 + 80; i < out.length; i++) tail += out[i]! ** 2;
    assert.ok(before < 1e-8 && gap < 1e-8, `before ${before}, in the pre-delay ${gap}`);
    const ratio = Math.sqrt(tail) / 0.25;
    assert.ok(Math.abs(ratio - 0.5) < 0.03, `tail/direct ${ratio}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
