/**
 * `shub report` (issue 19): reports for an analyze, a master with a reference, a validate and a
 * mix run, checked as a reader would check them — the HTML parsed (every figure there, axis labels
 * with units, the numbers equal to the run's JSON from `shub show`), no external URL, every SVG
 * well-formed XML, each `--png` a PNG of the stated size; then opened in headless Chromium (a peer:
 * Debian's `chromium`) for a screenshot that is not blank and a page without console errors; and a
 * 60-minute file's report small and quick to render.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { XMLValidator } from 'fast-xml-parser';
import { songPlanar } from '../../fixtures/music.js';
import { writeWav } from '../../fixtures/signals.js';
import { ndjson, shub, tempDir } from '../helpers/cli.js';
import { decodePng, pixelVariance } from '../helpers/png.js';
import { peerSkip } from '../helpers/peers.js';
import type { RunRecord } from '../../src/store/types.js';

const { dir, cleanup } = tempDir('shub-report-');
after(cleanup);

const runs: Record<'analyze' | 'master' | 'validate' | 'mix' | 'reamp', RunRecord> = {} as never;
let html = '';
let doc: HTMLElement;

/** The last `n` runs (one `shub history`), each as `shub show` prints it, oldest first. */
function lastRuns(n: number): RunRecord[] {
  const h = shub(['history', '--limit', String(n), '--json', '--store-dir', 'st'], dir);
  assert.equal(h.code, 0, h.stderr);
  const ids = ndjson<{ runId: string }>(h.stdout).map((x) => x.runId);
  assert.equal(ids.length, n);
  return ids.reverse().map((id) => {
    const s = shub(['show', id, '--json', '--store-dir', 'st'], dir);
    assert.equal(s.code, 0, s.stderr);
    return JSON.parse(s.stdout) as RunRecord;
  });
}

function ok(args: string[], codes = [0]): void {
  const r = shub([...args, '--store-dir', 'st'], dir);
  assert.ok(codes.includes(r.code), `${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
}

before(() => {
  writeWav(
    path.join(dir, 'song.wav'),
    songPlanar({ bpm: 120, tonic: 60, mode: 'major', bars: 6, humanize: 3 }, 44100),
    44100,
  );
  writeWav(
    path.join(dir, 'ref.wav'),
    songPlanar({ bpm: 100, tonic: 57, mode: 'minor', bars: 5, humanize: 9 }, 44100, 0.9, 'TimGM6mb'),
    44100,
  );
  ok(['analyze', 'song.wav', '--features', 'levels,spectral']);
  ok(['master', 'song.wav', '-t', 'spotify', '--reference', 'ref.wav', '-o', 'out/', '-y']);
  ok(['validate', 'song.wav', 'out/song.spotify.wav', '-p', 'spotify,apple-music'], [0, 1]);
  writeFileSync(
    path.join(dir, 'mix.yaml'),
    'sampleRate: 44100\ntracks:\n' +
      '  - { name: Song, file: song.wav, gainDb: -3, compressor: { thresholdDb: -30, ratio: 4 } }\n' +
      '  - { name: Ref, file: ref.wav, pan: 0.3 }\n',
  );
  ok(['mix', 'mix.yaml', '-o', 'mix.wav', '-y']);
  // a guitar-like DI (the song's left channel) through the built-in rig, two variations
  writeWav(path.join(dir, 'di.wav'), [songPlanar({ bpm: 90, tonic: 52, mode: 'minor', bars: 2 }, 44100)[0]!], 44100);
  ok(['reamp', 'di.wav', '--rig', 'builtin-crunch', '-o', 'amp/', '--variations', '2']);
  // the five runs just made, in the order of the commands
  const commands = ['analyze', 'master', 'validate', 'mix', 'reamp'] as const;
  const made = lastRuns(commands.length);
  assert.deepEqual(
    made.map((x) => x.command),
    commands,
  );
  for (const [i, c] of commands.entries()) runs[c] = made[i]!;
  const r = shub(
    ['report', ...Object.values(runs).map((x) => x.runId.slice(0, 18)), '-o', 'report.html', '--png', 'png/'].concat([
      '--store-dir',
      'st',
    ]),
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
  html = readFileSync(path.join(dir, 'report.html'), 'utf8');
  doc = parse(html);
});

const sectionOf = (run: RunRecord) => {
  const s = doc.querySelector(`section#run-${run.runId.slice(0, 13)}`);
  assert.ok(s, `a section for the ${run.command} run`);
  return s;
};

const svgIds = (section: HTMLElement) => section.querySelectorAll('svg.chart').map((s) => s.id);

test('every run has its section and figures; every axis label carries a unit', () => {
  const want: Record<keyof typeof runs, RegExp[]> = {
    analyze: [/-loudness$/, /-tonal$/, /-dynamics-bars$/],
    master: [/-loudness$/, /-tonal$/, /-dynamics-bars$/, /-dynamics-gain$/],
    validate: [],
    mix: [/-loudness$/, /-tonal$/, /-dynamics-bars$/, /-dynamics-compressor$/],
    reamp: [/-chain$/, /-tonal$/, /-loudness$/],
  };
  for (const [command, patterns] of Object.entries(want)) {
    const ids = svgIds(sectionOf(runs[command as keyof typeof runs]));
    for (const p of patterns)
      assert.ok(
        ids.some((id) => p.test(id)),
        `${command}: a figure matching ${p} in ${ids}`,
      );
  }
  const charts = doc.querySelectorAll('svg.chart');
  assert.ok(charts.length >= 10, `${charts.length} charts`);
  for (const svg of charts.filter((c) => !c.classList.contains('chain'))) {
    const labels = svg.querySelectorAll('text.axis-label').map((t) => t.text);
    assert.ok(labels.length >= 1, `${svg.id}: axis labels`);
    for (const l of labels) assert.match(l, /\((s|LUFS|Hz|dB)\)$/, `${svg.id}: '${l}' names its unit`);
    assert.ok(svg.querySelectorAll('g.legend').length >= 1, `${svg.id}: a legend`);
  }
  // the master figure draws the input, the spotify output, the target window and the reference
  const master = sectionOf(runs.master);
  const loud = master.querySelectorAll('svg.chart').find((s) => s.id.endsWith('-loudness'))!;
  const names = loud.querySelectorAll('path.series').map((p) => p.getAttribute('data-series'));
  assert.deepEqual(names, ['input short-term', 'input momentary', 'spotify short-term', 'spotify momentary']);
  assert.match(loud.toString(), /Spotify target -14 ± 1 LU/);
  const tonal = master.querySelectorAll('svg.chart').find((s) => s.id.endsWith('-tonal'))!;
  const tonalNames = tonal.querySelectorAll('path.series').map((p) => p.getAttribute('data-series'));
  assert.ok(tonalNames.includes('reference ref.wav'), `${tonalNames}`);
  assert.ok(
    tonalNames.some((n) => n?.startsWith('master EQ')),
    `${tonalNames}: the EQ the chain applied`,
  );
});

test("the numbers on the page are the run's JSON", () => {
  // analyze: the levels table holds the run's levels, key by key
  const a = runs.analyze.results[0] as { levels: Record<string, unknown> };
  const cells = sectionOf(runs.analyze).querySelectorAll('table.values td[data-key]');
  for (const key of ['integratedLufs', 'loudnessRangeLu', 'truePeakDbtp', 'plrDb', 'crestFactorDb']) {
    const td = cells.find((c) => c.getAttribute('data-key') === key);
    assert.ok(td, key);
    assert.equal(td.text, String(a.levels[key]), key);
  }
  // master: what each target achieved
  const m = runs.master.results[0] as { outputs: { achieved: Record<string, number> }[] };
  const mcells = sectionOf(runs.master).querySelectorAll('table.values td[data-key]');
  for (const [key, value] of Object.entries(m.outputs[0]!.achieved)) {
    assert.equal(mcells.find((c) => c.getAttribute('data-key') === key)?.text, String(value), key);
  }
  // validate: one row per check, failures first, measured values and limits as in the JSON
  const v = runs.validate.results as {
    file: string;
    platforms: { platform: string; checks: { id: string; passed: boolean; measured: unknown; limit: unknown }[] }[];
  }[];
  const rows = sectionOf(runs.validate).querySelectorAll('table.validate tbody tr');
  const checks = v.flatMap((f) =>
    f.platforms.flatMap((p) => p.checks.map((c) => ({ ...c, file: f.file, p: p.platform }))),
  );
  assert.equal(rows.length, checks.length);
  const verdicts = rows.map((r) => r.classList.contains('fail'));
  assert.ok(verdicts.includes(true) && verdicts.includes(false), 'the set has failures and passes');
  assert.equal(verdicts.lastIndexOf(true) < verdicts.indexOf(false), true, 'failures first');
  for (const c of checks) {
    const row = rows.find(
      (r) =>
        r.getAttribute('data-file') === c.file &&
        r.getAttribute('data-platform') === c.p &&
        r.getAttribute('data-check') === c.id,
    );
    assert.ok(row, `${c.file} ${c.p} ${c.id}`);
    const measured = row.querySelector('td[data-key="measured"]')!.text;
    assert.equal(measured, typeof c.measured === 'number' ? String(c.measured) : JSON.stringify(c.measured));
  }
  // the decision log: every decision of the master run, in order, linked to a figure where it affects one
  const items = sectionOf(runs.master).querySelectorAll('ol.decisions > li');
  assert.deepEqual(
    items.map((li) => `${li.getAttribute('data-engine')}/${li.getAttribute('data-decision')}`),
    runs.master.decisions.map((d) => `${d.engine}/${d.decision}`),
  );
  const eq = items.find((li) => li.getAttribute('data-engine') === 'master.eq')!;
  assert.match(eq.querySelector('a')!.getAttribute('href')!, /-tonal$/);
  // mix: each compressor's largest gain reduction as the run recorded it
  const strips = (runs.mix.results[0] as { strips: { name: string; compressorMaxGainReductionDb?: number }[] }).strips;
  const compressed = strips.filter((x) => x.compressorMaxGainReductionDb !== undefined);
  assert.equal(compressed.length, 1, 'the Song track has a compressor');
  assert.ok(compressed[0]!.compressorMaxGainReductionDb! > 1, 'it works on a -30 dB threshold');
  const bars = sectionOf(runs.mix).querySelectorAll('svg[id$="-dynamics-compressor"] rect.bar');
  assert.deepEqual(
    bars.map((b) => [b.getAttribute('data-group'), Number(b.getAttribute('data-value'))]),
    compressed.map((x) => [x.name, x.compressorMaxGainReductionDb]),
  );
  // reamp: the rig's chain stage by stage, every print's octave balance and its values
  const r = runs.reamp.results[0] as {
    chain: { type: string; detail: string }[];
    outputs: { file: string; integratedLufs: number; gainDb: number; tonalBalance: { db: number | null }[] }[];
  };
  const reamp = sectionOf(runs.reamp);
  const stages = reamp.querySelectorAll('svg[id$="-chain"] g.stage');
  assert.deepEqual(
    stages.map((g) => g.getAttribute('data-type')),
    ['gate', 'overdrive', 'amp', 'eq', 'delay', 'reverb'],
  );
  assert.match(stages[2]!.querySelector('title')!.text, /amp: model builtin, voice crunch, gainDb 6/);
  assert.equal(r.outputs.length, 2);
  const tonalSvg = reamp.querySelectorAll('svg.chart').find((x) => x.id.endsWith('-tonal'))!;
  assert.deepEqual(
    tonalSvg.querySelectorAll('path.series').map((x) => x.getAttribute('data-series')),
    ['v1', 'v2'],
  );
  const rcells = reamp.querySelectorAll('table.values');
  for (const o of r.outputs) {
    const t = rcells.find((x) => x.querySelector('caption')!.text.startsWith(o.file))!;
    assert.ok(t, o.file);
    const cell = (k: string) => t.querySelector(`td[data-key="${k}"]`)!.text;
    assert.equal(cell('integratedLufs'), String(o.integratedLufs));
    assert.equal(cell('gainDb'), String(o.gainDb));
  }
});

test('self-contained: no external URL, no script that runs, every SVG well-formed XML', () => {
  const urls = html.match(/\b(?:https?|ftp):\/\/[^\s"'<>)]+/g) ?? [];
  assert.deepEqual([...new Set(urls)], ['http://www.w3.org/2000/svg'], 'only the SVG namespace');
  for (const el of doc.querySelectorAll('[src], link, img, iframe, object, embed')) assert.fail(`external: ${el}`);
  for (const s of doc.querySelectorAll('script')) assert.equal(s.getAttribute('type'), 'application/json');
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  assert.ok(svgs.length >= 10);
  for (const svg of svgs) assert.equal(XMLValidator.validate(svg), true, svg.slice(0, 80));
});

test('--png: each figure is a PNG of the size its SVG states', () => {
  const files = readdirSync(path.join(dir, 'png'));
  const charts = doc.querySelectorAll('svg.chart');
  assert.equal(files.length, charts.length);
  for (const svg of charts) {
    const png = decodePng(readFileSync(path.join(dir, 'png', `${svg.id}.png`)));
    assert.equal(png.width, Number(svg.getAttribute('width')), svg.id);
    assert.equal(png.height, Number(svg.getAttribute('height')), svg.id);
    assert.ok(pixelVariance(png) > 50, `${svg.id}: something is drawn`);
  }
});

test('errors: an unknown run id is one line naming it (exit 2) and writes nothing', () => {
  const r = shub(['report', 'ffffffff-nope', '-o', 'none.html', '--store-dir', 'st'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^error: '?ffffffff-nope'?: no such file, and not a run/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.throws(() => statSync(path.join(dir, 'none.html')));
  const same = shub(['report', 'song.wav', '-o', 'song.wav', '-y', '--store-dir', 'st'], dir);
  assert.equal(same.code, 2, 'the report never replaces its input');
});

/**
 * A 60-minute 8 kHz mono 16-bit WAV: one tone per minute at a level that moves, written in blocks. Each tone is a
 * whole number of cycles a second (110 Hz steps at 8 kHz): one second of each of the 12 is computed once.
 */
function writeHour(file: string): void {
  const rate = 8000;
  const frames = 60 * 60 * rate;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + frames * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(frames * 2, 40);
  const fd = openSync(file, 'w');
  writeSync(fd, header);
  const block = Buffer.alloc(rate * 2);
  const pcm = new Int16Array(block.buffer, block.byteOffset, rate);
  const tones = Array.from({ length: 12 }, (_, k) =>
    Float64Array.from({ length: rate }, (_, i) => Math.sin((2 * Math.PI * 110 * (1 + k) * i) / rate)),
  );
  for (let s = 0; s < 3600; s++) {
    const amp = 0.05 + 0.4 * (0.5 + 0.5 * Math.sin((2 * Math.PI * s) / 300));
    const tone = tones[Math.floor(s / 60) % 12]!;
    for (let i = 0; i < rate; i++) pcm[i] = Math.round(32767 * amp * tone[i]!);
    writeSync(fd, block);
  }
  closeSync(fd);
}

test('a 60-minute file: the report stays under 2 MB (curves decimated for display only)', () => {
  writeHour(path.join(dir, 'hour.wav'));
  const r = shub(['report', 'hour.wav', '-o', 'hour.html', '--store-dir', 'st'], dir);
  assert.equal(r.code, 0, r.stderr);
  const size = statSync(path.join(dir, 'hour.html')).size;
  assert.ok(size < 2_000_000, `${size} bytes`);
  // the values are the whole file's, not the decimated curve's: the meter's integrated loudness
  const page = parse(readFileSync(path.join(dir, 'hour.html'), 'utf8'));
  const a = shub(['analyze', 'hour.wav', '--features', 'levels', '--json', '--no-store'], dir);
  const levels = (JSON.parse(a.stdout) as { levels: Record<string, number> }).levels;
  assert.equal(page.querySelector('td[data-key="integratedLufs"]')!.text, String(levels.integratedLufs));
});

test(
  'headless Chromium: the page renders, is not blank, logs no errors, and the hour loads in < 2 s',
  { skip: peerSkip('chromium') },
  async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      for (const [name, minCharts] of [
        ['report.html', 10],
        ['hour.html', 3],
      ] as const) {
        const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('request', (req) => {
          if (!req.url().startsWith('file:')) errors.push(`request to ${req.url()}`);
        });
        await page.goto(`file://${path.join(dir, name)}`, { waitUntil: 'load' });
        const loadMs = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return nav.loadEventEnd - nav.startTime;
        });
        assert.ok(loadMs < 2000, `${name}: loaded in ${loadMs} ms`);
        const count = await page.locator('svg.chart').count();
        assert.ok(count >= minCharts, `${name}: ${count} charts drawn`);
        const shot = decodePng(await page.screenshot({ fullPage: false }));
        assert.ok(pixelVariance(shot) > 50, `${name}: the screenshot is not blank`);
        assert.deepEqual(errors, [], `${name}: console errors`);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  },
);
