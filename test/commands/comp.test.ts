/**
 * `shub comp` end to end on takes with known defects in known sections (fixtures/takes.ts): the
 * take chosen per section against the by-construction best, the comp equal to the chosen take
 * times its gain outside the crossfades (exactly), seams where no take has voice, the REAPER
 * session read by an independent parser (rppp), --json, and bad input: one line, its exit code,
 * no output left behind.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { after } from 'node:test';
import rppp from 'rppp';
import { writeWav } from '../../fixtures/signals.js';
import { writeMidi } from '../../fixtures/midi.js';
import { makeTakeSet } from '../../fixtures/takes.js';
import { VOICES } from '../../fixtures/voice.js';
import { ndjson, shub, tempDir } from '../helpers/cli.js';

const { dir, cleanup } = tempDir('shub-comp-');
after(cleanup);
const f = (name: string) => path.join(dir, name);

/** The samples of a 32-bit float WAV, planar. */
export function readFloatWav(file: string): { rate: number; planes: Float32Array[] } {
  const b = readFileSync(file);
  let at = 12;
  let channels = 1;
  let rate = 0;
  while (at + 8 <= b.length) {
    const id = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      channels = b.readUInt16LE(at + 10);
      rate = b.readUInt32LE(at + 12);
      assert.equal(b.readUInt16LE(at + 22), 32, 'float WAV');
    }
    if (id === 'data') {
      const n = Math.floor(size / 4 / channels);
      const planes = Array.from({ length: channels }, () => new Float32Array(n));
      for (let i = 0; i < n; i++)
        for (let c = 0; c < channels; c++) planes[c]![i] = b.readFloatLE(at + 8 + (i * channels + c) * 4);
      return { rate, planes };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

const FS = 22050;
const set = makeTakeSet({ seed: 101, sections: 6, takes: 4, sampleRate: FS, voice: VOICES.alto });
const takes = set.takes.map((_, k) => `take${k + 1}.wav`);
set.takes.forEach((t, k) => writeWav(f(takes[k]!), [t], FS, 'f32'));
writeFileSync(f('guide.mid'), writeMidi(set.bpm, [{ channel: 0, program: 52, notes: set.melody }]));
writeFileSync(
  f('sections.yaml'),
  set.sections
    .map((s) => `- { name: ${s.name}, startSeconds: ${s.startSeconds}, endSeconds: ${s.endSeconds} }`)
    .join('\n'),
);

interface CompJson {
  output: string;
  frames: number;
  sampleRate: number;
  reference: string;
  takes: { file: string; gain: number; gainDb: number }[];
  sections: { name: string; chosen: number; runnerUp: number; why: string; scores: { take: number }[] }[];
  crossfades: { fromTake: number; toTake: number; startFrame: number; lengthFrames: number; inGap: boolean }[];
  runId: string;
  shubVersion: string;
}

const run = shub(
  [
    'comp',
    ...takes,
    '-o',
    'comp.wav',
    '--sections',
    'sections.yaml',
    '--guide',
    'guide.mid',
    '--rpp',
    'comp.rpp',
    '--json',
    '--no-store',
  ],
  dir,
);

test('picks the clean take of every section (MIDI guide), says why the runner-up lost', () => {
  assert.equal(run.code, 0, run.stderr);
  const lines = ndjson<CompJson>(run.stdout);
  assert.equal(lines.length, 1, 'one JSON object');
  const r = lines[0]!;
  assert.equal(r.reference, 'midi');
  assert.ok(r.runId && r.shubVersion);
  assert.deepEqual(
    r.sections.map((s) => s.chosen),
    set.best,
    `defects: ${JSON.stringify(set.defects.map((d) => [d.section, d.take, d.kind, Math.round(d.amount)]))}`,
  );
  for (const s of r.sections) {
    assert.equal(s.scores.length, 4, 'every take scored');
    assert.match(s.why, /points worse, most on /);
  }
});

test('outside the crossfades the comp is the chosen take times its gain, sample for sample', () => {
  const r = ndjson<CompJson>(run.stdout)[0]!;
  const comp = readFloatWav(f('comp.wav'));
  const longest = Math.max(...set.takes.map((t) => t.length));
  assert.equal(comp.rate, FS);
  assert.equal(comp.planes[0]!.length, longest, 'as long as the longest take');
  assert.equal(r.frames, longest);
  const sources = takes.map((t) => readFloatWav(f(t)).planes[0]!);
  // the owner of each sample: the first section's take, then the take after each seam
  const seams = r.crossfades;
  assert.ok(seams.length >= 1, 'the comp changes takes');
  let owner = r.sections[0]!.chosen;
  let next = 0;
  let worst = 0;
  let checked = 0;
  for (let i = 0; i < longest; i++) {
    const s = seams[next];
    if (s && i >= s.startFrame) {
      if (i < s.startFrame + s.lengthFrames) continue;
      owner = s.toTake;
      next++;
    }
    const src = sources[owner]!;
    const want = Math.fround(r.takes[owner]!.gain * (i < src.length ? src[i]! : 0));
    worst = Math.max(worst, Math.abs(comp.planes[0]![i]! - want));
    checked++;
  }
  assert.ok(checked > longest - 0.05 * FS * seams.length, `${checked} samples checked`);
  const db = 20 * Math.log10(worst || 1e-30);
  assert.ok(db < -120, `largest difference ${db.toFixed(1)} dBFS`);
});

test('seams lie where no take has voice (the sections have rests), crossfades equal-power', () => {
  const r = ndjson<CompJson>(run.stdout)[0]!;
  const comp = readFloatWav(f('comp.wav')).planes[0]!;
  for (const s of r.crossfades) {
    assert.equal(s.inGap, true);
    // in the rest the two takes hold only their room noise (about −72 dBFS): the seam is as quiet
    let e = 0;
    for (let i = s.startFrame; i < s.startFrame + s.lengthFrames; i++) e += comp[i]! ** 2;
    const rms = 10 * Math.log10(e / s.lengthFrames);
    assert.ok(rms < -60, `seam at ${s.startFrame}: ${rms.toFixed(1)} dBFS`);
    // no note of the melody sounds over the seam
    const t = s.startFrame / FS;
    const beat = 60 / set.bpm;
    for (const n of set.melody)
      assert.ok(
        t + s.lengthFrames / FS < n.beat * beat - 0.12 || t > (n.beat + n.lengthBeats) * beat + 0.12,
        `seam at ${t.toFixed(3)} s inside a note`,
      );
  }
});

interface RppNode {
  token: string;
  params: unknown[];
  contents: RppNode[];
}

test('the REAPER session: one item per section holding every take, the chosen one active, fades at the seams', () => {
  const r = ndjson<CompJson>(run.stdout)[0]!;
  const project = rppp.parse(readFileSync(f('comp.rpp'), 'utf8')) as unknown as RppNode;
  const tracks = project.contents.filter((n) => n.token === 'TRACK');
  assert.equal(tracks.length, 1 + 4 + 1, 'comp, the takes, the rendered comp');
  const items = tracks[0]!.contents.filter((n) => n.token === 'ITEM');
  assert.equal(items.length, set.sections.length);
  items.forEach((item, s) => {
    const sources = item.contents
      .filter((n) => n.token === 'SOURCE')
      .map((n) => String(n.contents.find((c) => c.token === 'FILE')!.params[0]));
    assert.deepEqual(sources, takes, `section ${s + 1}: every take`);
    const takeLines = item.contents.filter((n) => n.token === 'TAKE');
    assert.equal(takeLines.length, 3);
    const selected = takeLines.findIndex((n) => n.params[0] === 'SEL');
    const active = selected < 0 ? 0 : selected + 1;
    assert.equal(active, r.sections[s]!.chosen, `section ${s + 1}: the chosen take is active`);
    const fadeIn = Number(item.contents.find((n) => n.token === 'FADEIN')!.params[1]);
    const seamIn = r.crossfades.find((c) => c.startFrame / FS === Number(item.contents[0]!.params[0]));
    if (seamIn) assert.ok(Math.abs(fadeIn - seamIn.lengthFrames / FS) < 1e-9, 'fade-in = crossfade');
    else assert.equal(fadeIn, 0);
  });
  const volumes = items[0]!.contents.filter((n) => n.token === 'VOLPAN').map((n) => Number(n.params[0]));
  assert.deepEqual(
    volumes.map((v) => v.toFixed(9)),
    r.takes.map((t) => t.gain.toFixed(9)),
    'each take at its gain',
  );
});

test('bad input: one line, its exit code, no output', () => {
  writeWav(f('other-rate.wav'), [set.takes[0]!.subarray(0, 48000)], 48000, 'f32');
  writeFileSync(
    f('bad.yaml'),
    '- { name: A, startSeconds: 0, endSeconds: 4 }\n- { name: B, startSeconds: 3, endSeconds: 8 }\n',
  );
  writeFileSync(f('typo.yaml'), '- { name: A, startSeconds: 0, endSeconds: 4 }\n- { name: B, startSeconds: soon }\n');
  writeFileSync(
    f('late.yaml'),
    '- { name: A, startSeconds: 0, endSeconds: 4 }\n- { name: B, startSeconds: 400, endSeconds: 410 }\n',
  );
  writeFileSync(f('garbage.wav'), 'not audio at all');
  writeWav(f('short-guide.wav'), [set.takes[0]!.subarray(0, FS * 5)], FS, 'f32');
  const cases: [string[], number, RegExp][] = [
    [['take1.wav', 'other-rate.wav'], 2, /other-rate\.wav.* 48000 Hz .* 22050 Hz/],
    [['take1.wav', 'garbage.wav'], 3, /garbage\.wav/],
    [['take1.wav', 'missing.wav'], 3, /missing\.wav/],
    [['take1.wav', 'take2.wav', '--sections', 'bad.yaml'], 2, /bad\.yaml:2 .*startSeconds.*overlap/],
    [['take1.wav', 'take2.wav', '--sections', 'typo.yaml'], 2, /typo\.yaml:2 \[1\]\.startSeconds: expected a number/],
    [['take1.wav', 'take2.wav', '--sections', 'late.yaml'], 2, /late\.yaml:2 .*outside the takes/],
    [['take1.wav', 'take2.wav', '--guide', 'short-guide.wav'], 2, /short-guide\.wav: the guide is 5\.00 s long/],
    [['take1.wav', 'take2.wav', '--bars', '2'], 2, /--bars and --bpm go together/],
    [['take1.wav', 'take2.wav', '--weights', 'pitch=loud'], 2, /--weights: pitch must be a number/],
  ];
  for (const [args, code, message] of cases) {
    const r = shub(['comp', ...args, '-o', 'bad-out.wav', '--no-store'], dir);
    assert.equal(r.code, code, `${args.join(' ')}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line: ${r.stderr}`);
    assert.match(lines[0]!, message);
    assert.ok(!existsSync(f('bad-out.wav')), `${args.join(' ')}: no output`);
  }
});

test('one take: the comp is a copy of it, with a warning', () => {
  const r = shub(['comp', 'take2.wav', '-o', 'copy.wav', '--no-store'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: only one take/);
  const a = readFloatWav(f('copy.wav')).planes[0]!;
  const b = readFloatWav(f('take2.wav')).planes[0]!;
  assert.deepEqual(a, b);
});
