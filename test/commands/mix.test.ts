/**
 * `shub mix` and native `shub render` on a realistic multitrack (stems rendered from one MIDI
 * arrangement by the npm SoundFont synthesizer, plus a humanized GM drum loop):
 * pans, fader gains, bus routing and automation timing measured on the rendered audio; the
 * exported .RPP read by an independent parser (rppp) and rendered back to a null.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import rppp from 'rppp';
import { tempDir, shub } from '../helpers/cli.js';
import { renderMultitrack, type Multitrack } from '../../fixtures/multitrack.js';
import { sineSegments, writeWav } from '../../fixtures/signals.js';
import { JsonStore } from '../../src/store/json.js';
import { mix } from '../../src/commands/mix.js';
import { render } from '../../src/commands/render.js';
import { resolveFfmpeg } from '../../src/io/ffmpeg.js';

const { dir, cleanup } = tempDir('shub-mix-');
after(cleanup);
const f = (name: string) => path.join(dir, name);
const store = new JsonStore(f('.shub'));
const ffmpeg = resolveFfmpeg();
let mt: Multitrack | undefined;

before(() => {
  mt = renderMultitrack(dir);
  // an analytic stem for timing checks: a steady 1 kHz sine at -12 dBFS, 3 s
  writeWav(f('tone.wav'), sineSegments(48000, 1, [{ seconds: 3, dbfs: -12 }]), 48000, 'f32');
});

/** Interleaved stereo float samples of a shub-written WAV (80-byte header). */
function readMix(file: string): Float32Array {
  const b = readFileSync(file);
  return new Float32Array(b.buffer.slice(b.byteOffset + 80, b.byteOffset + 80 + Math.floor((b.length - 80) / 8) * 8));
}
const rms = (x: Float32Array, ch: number, from = 0, to = x.length / 2) => {
  let s = 0;
  for (let i = from; i < to; i++) s += x[2 * i + ch]! ** 2;
  return Math.sqrt(s / Math.max(1, to - from));
};
const dB = (x: number) => 20 * Math.log10(x);

interface TrackOpts {
  gainDb?: number;
  pan?: number;
  mute?: boolean;
  solo?: boolean;
  output?: string;
  extra?: string;
}
function recipe(name: string, o: { keys?: TrackOpts; bass?: TrackOpts; buses?: string; master?: string } = {}): string {
  const t = (n: string, file: string, role: string, x: TrackOpts = {}) =>
    [
      `  - name: ${n}\n    file: ${file}\n    role: ${role}\n`,
      `    gainDb: ${x.gainDb ?? 0}\n    pan: ${x.pan ?? 0}\n`,
      x.mute ? '    mute: true\n' : '',
      x.solo ? '    solo: true\n' : '',
      x.output ? `    output: ${x.output}\n` : '',
      x.extra ?? '',
    ].join('');
  const drums = t('Drums', mt!.stems.drums, 'drums', {
    pan: 0,
    extra:
      '    eq:\n      - { type: highpass, freqHz: 40 }\n' +
      '    compressor: { thresholdDb: -20, ratio: 3, attackMs: 5, releaseMs: 80 }\n',
  });
  const bass = t('Bass', mt!.stems.bass, 'bass', {
    pan: 0,
    ...o.bass,
    extra:
      '    eq:\n      - { type: lowshelf, freqHz: 100, gainDb: 2 }\n' +
      `    compressor: { thresholdDb: -24, ratio: 4 }\n${o.bass?.extra ?? ''}`,
  });
  const keys = t('Keys', mt!.stems.keys, 'keys', { pan: 0.4, ...o.keys });
  const loop = t('Loop', mt!.stems.loop, 'percussion', {
    pan: -0.3,
    extra: '    offsetSeconds: 0.5\n    polarity: inverted\n    sends: [ { bus: Verb, levelDb: -10 } ]\n',
  });
  const text = `sampleRate: 48000
tracks:
${drums}${bass}${keys}${loop}buses:
  - name: Verb
    reverb: { decaySeconds: 0.8, preDelayMs: 12 }
${o.buses ?? ''}${o.master ?? ''}`;
  writeFileSync(f(name), text);
  return f(name);
}

const run = (r: string, out: string, extra: Partial<Parameters<typeof mix>[0]> = {}) =>
  mix({ recipe: r, output: f(out), ffmpeg, store, overwrite: true, ...extra });

test('a hard-left track is absent from the right channel', async () => {
  await run(recipe('left.yaml', { keys: { pan: -1, solo: true } }), 'left.wav');
  const x = readMix(f('left.wav'));
  assert.ok(dB(rms(x, 0)) > -40, `left carries the keys (${dB(rms(x, 0)).toFixed(1)} dBFS)`);
  assert.equal(rms(x, 1), 0, 'right channel is digital silence');
});

test("a -6 dB fader change moves the track's contribution by 6 dB", async () => {
  const master = 'master:\n  eq: [ { type: highshelf, freqHz: 8000, gainDb: 1 } ]\n';
  await run(recipe('g0.yaml', { master }), 'g0.wav');
  await run(recipe('g6.yaml', { bass: { gainDb: -6 }, master }), 'g6.wav');
  await run(recipe('gm.yaml', { bass: { mute: true }, master }), 'gm.wav');
  const [a, b, m] = ['g0.wav', 'g6.wav', 'gm.wav'].map((n) => readMix(f(n)));
  const c0 = a!.map((v, i) => v - m![i]!);
  const c6 = b!.map((v, i) => v - m![i]!);
  const change = dB((rms(c0, 0) + rms(c0, 1)) / (rms(c6, 0) + rms(c6, 1)));
  assert.ok(Math.abs(change - 6) < 0.01, `contribution moved by ${change.toFixed(3)} dB`);
});

test('bus routing: a track routed to a muted group bus is gone; the reverb return rings after the stems', async () => {
  const buses = '  - name: Keys Bus\n    mute: true\n    compressor: { thresholdDb: -20, ratio: 2 }\n';
  const viaBus = await run(recipe('bus.yaml', { keys: { output: 'Keys Bus' }, buses }), 'bus.wav');
  await run(recipe('nokeys.yaml', { keys: { mute: true } }), 'nokeys.wav');
  const a = readMix(f('bus.wav'));
  const b = readMix(f('nokeys.wav'));
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  assert.ok(d < 1e-6, `muted bus removes the keys (max difference ${d})`);
  const verb = viaBus.result.strips.find((s) => s.name === 'Verb')!;
  assert.ok(verb.inputPeakDbfs !== null && verb.outputPeakDbfs !== null, 'the send reaches the reverb return');
  assert.ok(
    viaBus.result.durationSeconds >= 4 + 0.8,
    `the render includes the reverb tail (${viaBus.result.durationSeconds} s)`,
  );
  const keysStrip = viaBus.result.strips.find((s) => s.name === 'Keys')!;
  assert.equal(keysStrip.output, 'Keys Bus');
});

test('automation: gain breakpoints land on time (linear in dB)', async () => {
  writeFileSync(
    f('auto.yaml'),
    `sampleRate: 48000
tracks:
  - name: Tone
    file: tone.wav
    automation:
      gainDb: [ [0, -100], [1.0, -100], [2.0, 0] ]
`,
  );
  const { result } = await run(f('auto.yaml'), 'auto.wav');
  assert.equal(result.frames, 3 * 48000);
  const x = readMix(f('auto.wav'));
  const at = (sec: number) => dB(rms(x, 0, Math.round(sec * 48000) - 240, Math.round(sec * 48000) + 240) * Math.SQRT2);
  // the tone is -12 dBFS, mono panned centre (-3.01 dB): full level -15.01 dBFS
  assert.ok(at(0.5) < -110, `silent before the ramp (${at(0.5).toFixed(1)})`);
  assert.ok(Math.abs(at(1.5) - (-15.01 - 50)) < 0.2, `half-way at -50 dB (${at(1.5).toFixed(2)})`);
  assert.ok(Math.abs(at(1.8) - (-15.01 - 20)) < 0.2, `at 1.8 s -20 dB (${at(1.8).toFixed(2)})`);
  assert.ok(Math.abs(at(2.5) - -15.01) < 0.05, `full level after the ramp (${at(2.5).toFixed(2)})`);
});

test(
  '--rpp: rppp reads the session as the recipe describes it; ' + 'the native render of it nulls against mix.wav',
  async () => {
    // the SPEC §7b master: chain, fader and a true-peak limiter (set low here so that it works hard)
    const r = recipe('song.yaml', {
      bass: { gainDb: -4.5 },
      master: 'master:\n  compressor: { thresholdDb: -16, ratio: 2 }\n  gainDb: -1\n  limiter: { ceilingDbtp: -9 }\n',
    });
    const cli = shub(
      ['mix', r, '-o', f('song-mix.wav'), '--rpp', f('session/song.rpp'), '--json', '--store-dir', f('.shub')],
      dir,
    );
    assert.equal(cli.code, 0, cli.stderr);
    const result = JSON.parse(cli.stdout);
    assert.ok(result.decisions.some((d: { engine: string }) => d.engine === 'mix.session'));
    const project = rppp.parse(readFileSync(f('session/song.rpp'), 'utf8')) as unknown as {
      token: string;
      contents: { token: string; params: unknown[]; contents?: unknown[] }[];
    };
    assert.equal(project.token, 'REAPER_PROJECT');
    const tracks = project.contents.filter((c) => c.token === 'TRACK') as {
      params: string[];
      contents: { token: string; params: unknown[]; contents?: { token: string; params: unknown[] }[] }[];
    }[];
    const field = (t: (typeof tracks)[number], token: string) => t.contents.find((c) => c.token === token)?.params;
    // 4 tracks + the Verb bus + the master chain residual
    assert.deepEqual(
      tracks.map((t) => String(field(t, 'NAME')![0])),
      ['Drums', 'Bass', 'Keys', 'Loop', 'Verb', 'shub: master chain'],
    );
    for (const t of tracks) assert.match(String(t.params[0]), /^\{[0-9A-F-]{36}\}$/);
    const vol = (name: string) =>
      Number(
        field(
          tracks.find((t) => field(t, 'NAME')![0] === name)!,
          'VOLPAN',
        )![0],
      );
    const pan = (name: string) =>
      Number(
        field(
          tracks.find((t) => field(t, 'NAME')![0] === name)!,
          'VOLPAN',
        )![1],
      );
    assert.ok(Math.abs(vol('Bass') - 10 ** (-4.5 / 20)) < 1e-12);
    assert.equal(vol('Drums'), 1);
    assert.equal(pan('Keys'), 0.4);
    assert.equal(pan('Loop'), -0.3);
    const item = (name: string) =>
      tracks.find((t) => field(t, 'NAME')![0] === name)!.contents.find((c) => c.token === 'ITEM')!;
    assert.equal(Number(item('Loop').contents!.find((c) => c.token === 'POSITION')!.params[0]), 0.5);
    assert.equal(Number(item('Drums').contents!.find((c) => c.token === 'POSITION')!.params[0]), 0);
    const src = item('Keys').contents!.find((c) => c.token === 'SOURCE')!;
    assert.equal((src.params as string[])[0], 'WAVE');
    const recv = field(
      tracks.find((t) => field(t, 'NAME')![0] === 'Verb')!,
      'AUXRECV',
    )!;
    assert.equal(Number(recv[0]), 3, 'the Verb bus receives from the Loop track (index 3)');
    assert.ok(
      project.contents.some((c) => c.token === 'RENDER_FILE') && project.contents.some((c) => c.token === 'SAMPLERATE'),
    );
    // native render of the session vs the mix
    await render({ session: f('session/song.rpp'), output: f('song-back.wav'), ffmpeg, store });
    const a = readMix(f('song-mix.wav'));
    const b = readMix(f('song-back.wav'));
    assert.equal(a.length, b.length);
    let e = 0,
      s = 0;
    for (let i = 0; i < a.length; i++) {
      e += (a[i]! - b[i]!) ** 2;
      s += a[i]! ** 2;
    }
    const nullDb = 10 * Math.log10(e / s);
    assert.ok(nullDb < -90, `null ${nullDb.toFixed(1)} dB`);
    // the limiter held the mix's true peak at its ceiling
    assert.ok(result.levels.truePeakDbtp <= -9 + 0.05, `true peak ${result.levels.truePeakDbtp} dBTP`);
    assert.ok(result.levels.truePeakDbtp > -9.5, 'the limiter was working');
  },
);

test('auto gainStaging: every choice is a decision and the master input peaks at -headroomDb', async () => {
  const r = recipe('auto.yaml');
  writeFileSync(
    f('auto2.yaml'),
    readFileSync(r, 'utf8').replace(
      'sampleRate: 48000\n',
      'sampleRate: 48000\nauto: { gainStaging: true, headroomDb: 6 }\n',
    ),
  );
  const { result, run: record } = await run(f('auto2.yaml'), 'auto2.wav');
  const staging = result.decisions.filter((d) => d.engine === 'mix.gainStaging');
  assert.equal(staging.filter((d) => d.decision === 'trackGain').length, 4);
  assert.equal(staging.filter((d) => d.decision === 'masterTrim').length, 1);
  for (const d of staging) assert.ok(d.reason.length > 20 && d.unit === 'dB');
  assert.deepEqual(
    record.decisions.filter((d) => d.engine === 'mix.gainStaging'),
    staging,
  );
  const master = result.strips.find((s) => s.kind === 'master')!;
  // the input peak is metered before the trim: trimmed, it sits at -6 dBFS
  const trim = Number(staging.find((d) => d.decision === 'masterTrim')!.value);
  assert.ok(
    Math.abs(master.inputPeakDbfs! + trim + 6) < 0.02,
    `master input peak ${master.inputPeakDbfs} dBFS, trim ${trim} dB`,
  );
});
