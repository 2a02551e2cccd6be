/**
 * Targets you can see and set (issue 17 point 6): `shub targets` lists every target with each
 * value's source (presets/platforms.yaml:line, the user-level config or the project config found
 * from the working folder up to the home folder); master and validate --help list the names; an
 * unknown name gets "did you mean"; an ad-hoc target from --lufs/--ceiling/--lra; a config's
 * problems are listed all at once.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, shub, ndjson, tempDir } from '../helpers/cli.js';
import { masterLike, sineSegments, writeWav } from '../../fixtures/signals.js';
import type { TargetListing } from '../../src/commands/targets.js';
import type { ValidateResult } from '../../src/commands/validate.js';
import type { AnalyzeResult } from '../../src/commands/analyze.js';
import { didYouMean, editDistance } from '../../src/recipes/platforms.js';

const { dir, cleanup } = tempDir('shub-targets-');
after(cleanup);
const home = path.join(dir, 'home');
const project = path.join(home, 'work', 'album');
const deep = path.join(project, 'mixes', 'final');
// HOME is where the search stops and where the user-level config lives; XDG_CONFIG_HOME unset
const env = { HOME: home, XDG_CONFIG_HOME: '' };
const userConfig = path.join(home, '.config', 'shub', 'config.yaml');
const projectConfig = path.join(project, 'shub.config.yaml');
const presets = readFileSync(path.join(ROOT, 'presets', 'platforms.yaml'), 'utf8').split('\n');
const song = path.join(deep, 'song.wav');
const steps = path.join(dir, 'steps.wav');

before(async () => {
  mkdirSync(deep, { recursive: true });
  mkdirSync(path.dirname(userConfig), { recursive: true });
  // -14 LUFS, -1.5 dBTP (calibrated analytically, see fixtures/signals.ts)
  writeWav(song, await masterLike({ sampleRate: 48000, seconds: 12, integratedLufs: -14, truePeakDbtp: -1.5 }), 48000);
});

function listing(cwd: string): TargetListing[] {
  const r = shub(['targets', '--json'], cwd, env);
  assert.equal(r.code, 0, r.stderr);
  return ndjson<TargetListing>(r.stdout);
}

test('shub targets: every built-in target, each value with the presets line that sets it', () => {
  const list = listing(dir);
  const ids = list.map((t) => t.id);
  const builtIn = [...presets.join('\n').matchAll(/^ {2}([a-z0-9-]+):\s*$/gm)].map((m) => m[1]);
  assert.deepEqual(ids, builtIn);
  assert.ok(ids.length >= 12);
  const spotify = list.find((t) => t.id === 'spotify')!;
  assert.equal(spotify.values.integratedLufs, -14);
  assert.equal(spotify.values.truePeakCeilingDbtp, -1);
  for (const t of list) {
    for (const [key, source] of Object.entries(t.sources)) {
      const m = /^presets\/platforms\.yaml:(\d+)$/.exec(source);
      assert.ok(m, `${t.id}.${key}: ${source}`);
      const line = presets[Number(m[1]) - 1]!;
      // the line named is the one that sets the key: in the target's block, or in defaults
      assert.match(line, new RegExp(`^\\s+${key}:`), `${t.id}.${key} -> line ${m[1]}: ${line}`);
    }
  }
  // the text form names the same sources
  const text = shub(['targets'], dir, env).stdout;
  assert.match(text, /^spotify {2}Spotify$/m);
  assert.match(text, /^ {2}integratedLufs +-14 +presets\/platforms\.yaml:\d+$/m);
});

test('config from the folder up to home, over the user-level config; each value names its file', () => {
  writeFileSync(userConfig, 'platforms:\n  spotify:\n    truePeakCeilingDbtp: -1.5\n');
  writeFileSync(
    projectConfig,
    'platforms:\n  my-label:\n    extends: spotify\n    name: My Label\n    integratedLufs: -12\n',
  );
  try {
    const list = listing(deep); // two folders below the project config
    const spotify = list.find((t) => t.id === 'spotify')!;
    assert.equal(spotify.values.truePeakCeilingDbtp, -1.5);
    assert.match(spotify.sources.truePeakCeilingDbtp!, /home\/\.config\/shub\/config\.yaml$/);
    assert.match(spotify.sources.integratedLufs!, /^presets\/platforms\.yaml:\d+$/);
    const label = list.find((t) => t.id === 'my-label')!;
    assert.equal(label.name, 'My Label');
    assert.equal(label.values.integratedLufs, -12);
    assert.equal(label.values.truePeakCeilingDbtp, -1.5, "inherits the user's spotify");
    assert.match(label.sources.integratedLufs!, /work\/album\/shub\.config\.yaml$/);
    assert.match(label.sources.truePeakCeilingDbtp!, /\.config\/shub\/config\.yaml$/);
    // the project config overrides the user's, key by key
    writeFileSync(projectConfig, 'platforms:\n  spotify:\n    truePeakCeilingDbtp: -2\n');
    const over = listing(deep).find((t) => t.id === 'spotify')!;
    assert.equal(over.values.truePeakCeilingDbtp, -2);
    assert.match(over.sources.truePeakCeilingDbtp!, /work\/album\/shub\.config\.yaml$/);
    // the search stops at the home folder: a config above it is not used
    writeFileSync(projectConfig, '');
    writeFileSync(userConfig, '');
    writeFileSync(path.join(dir, 'shub.config.yaml'), 'platforms:\n  spotify:\n    truePeakCeilingDbtp: -3\n');
    assert.equal(listing(deep).find((t) => t.id === 'spotify')!.values.truePeakCeilingDbtp, -1);
  } finally {
    writeFileSync(projectConfig, '');
    writeFileSync(userConfig, '');
    writeFileSync(path.join(dir, 'shub.config.yaml'), '');
  }
});

test("a config's problems are reported all at once, in one line", () => {
  writeFileSync(
    projectConfig,
    'jobs: 0\nplatforms:\n  spotify:\n    truePeakCeilingDbtp: loud\n  my-label:\n    extends: spotfy\n' +
      '  podcast:\n    integratedLufs: 5\n',
  );
  try {
    // the schema problem first (jobs), then, once it is fixed, every target problem together
    const a = shub(['targets'], deep, env);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /^error: .*shub\.config\.yaml: jobs: /);
    writeFileSync(projectConfig, readFileSync(projectConfig, 'utf8').replace('jobs: 0\n', 'jobs: 0\nstore: 7\n'));
    const b = shub(['targets'], deep, env);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /2 problems: /);
    // in the recipes' words: what was expected and what was found
    assert.match(b.stderr, /store: expected an object, got 7; jobs: expected a number >= 1, got 0;/);
    writeFileSync(projectConfig, readFileSync(projectConfig, 'utf8').replace('jobs: 0\nstore: 7\n', ''));
    const c = shub(['validate', song, '-p', 'spotify'], deep, env);
    assert.equal(c.code, 2);
    const lines = c.stderr.trim().split('\n');
    assert.equal(lines.length, 1, c.stderr);
    assert.match(lines[0]!, /3 problems in platforms: /);
    assert.match(lines[0]!, /platforms\.spotify\.truePeakCeilingDbtp: expected a number, got "loud"/);
    assert.match(lines[0]!, /platforms\.my-label\.extends: unknown platform 'spotfy' \(did you mean spotify\?\)/);
    assert.match(lines[0]!, /platforms\.podcast\.integratedLufs: expected a number <= 0, got 5$/);
    assert.equal(c.stdout, '');
  } finally {
    writeFileSync(projectConfig, '');
  }
});

test('unknown names get "did you mean"; master names --target; both --help list the targets', () => {
  const m = shub(['master', song, '--target', 'spotfy', '--no-store'], dir, env);
  assert.equal(m.code, 2);
  assert.match(m.stderr, /^error: --target: unknown target 'spotfy' \(did you mean spotify\?\); known: spotify, /);
  const v = shub(['validate', song, '--platform', 'apple-musik', '--no-store'], dir, env);
  assert.equal(v.code, 2);
  assert.match(v.stderr, /^error: --platform: unknown target 'apple-musik' \(did you mean apple-music\?\)/);
  const far = shub(['validate', song, '--platform', 'myspace', '--no-store'], dir, env);
  assert.doesNotMatch(far.stderr, /did you mean/);
  for (const cmd of ['master', 'validate']) {
    const help = shub([cmd, '--help'], dir, env).stdout.replace(/\s+/g, ' ');
    assert.match(help, /Built-in targets: spotify, apple-music, youtube, tidal, amazon-music, deezer, /, cmd);
    assert.match(help, /ebu-r128, atsc-a85, cd, club/, cmd);
    assert.match(help, /--lufs <LUFS>/, cmd);
  }
  assert.equal(editDistance('spotfy', 'spotify'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(didYouMean('ebu', ['ebu-r128', 'cd']), '');
  assert.equal(didYouMean('ebu-r218', ['ebu-r128', 'cd']), ' (did you mean ebu-r128?)');
});

test('ad-hoc target: validate and master with --lufs/--ceiling/--lra', () => {
  const checks = (args: string[]) => {
    const r = shub(['validate', song, '--json', '--no-store', ...args], dir, env);
    const [row] = ndjson<ValidateResult>(r.stdout);
    const custom = row!.platforms.find((p) => p.platform === 'custom')!;
    return { code: r.code, failing: custom.checks.filter((c) => !c.passed).map((c) => c.id) };
  };
  assert.deepEqual(checks(['--lufs', '-14', '--ceiling', '-1']), { code: 0, failing: [] });
  assert.deepEqual(checks(['--lufs', '-14', '--ceiling', '-2']), { code: 1, failing: ['true-peak'] });
  assert.deepEqual(checks(['--lufs', '-10']), { code: 1, failing: ['integrated-loudness'] });
  // 10 s of a sine at -20 dBFS then 10 s at -30 dBFS: a loudness range of about 10 LU
  writeWav(
    steps,
    sineSegments(48000, 2, [
      { seconds: 10, dbfs: -20 },
      { seconds: 10, dbfs: -30 },
    ]),
    48000,
  );
  const lra = (args: string[]) => {
    const [row] = ndjson<ValidateResult>(shub(['validate', steps, '--json', '--no-store', ...args], dir, env).stdout);
    return row!.platforms[0]!.checks.find((c) => c.id === 'loudness-range')?.passed;
  };
  assert.equal(lra(['--lufs', '-20', '--lra', '5']), false);
  assert.equal(lra(['--lufs', '-20', '--lra', '15']), true);
  assert.equal(lra(['--lufs', '-20']), undefined, 'no --lra: no loudness range check');
  const bad = shub(['validate', song, '--lufs', 'loud', '--no-store'], dir, env);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--lufs: expected a number, got 'loud'/);
  const out = path.join(dir, 'out');
  const m = shub(
    ['master', song, '--lufs', '-18', '--ceiling', '-3', '-o', `${out}/`, '--json', '--no-store'],
    dir,
    env,
  );
  assert.equal(m.code, 0, m.stderr);
  const written = path.join(out, 'song.custom.wav');
  const [a] = ndjson<AnalyzeResult>(shub(['analyze', written, '--json', '--no-store'], dir, env).stdout);
  assert.ok(Math.abs(a!.levels!.integratedLufs! - -18) <= 0.5, `${a!.levels!.integratedLufs}`);
  assert.ok(a!.levels!.truePeakDbtp! <= -3 + 0.05, `${a!.levels!.truePeakDbtp}`);
});
