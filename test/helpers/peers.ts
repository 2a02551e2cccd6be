/**
 * Peer tools: independent programs shub's figures are compared with. Only such comparisons may
 * skip, and only through `peerSkip` in the test's options:
 *
 *   test('agrees with loudgain', { skip: peerSkip('loudgain') }, () => { ... });
 *
 * A missing peer is a skip with its reason ("needs loudgain: apt-get install loudgain"); under CI
 * (`CI` set) it throws instead, so the test file fails: CI must install its peers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type Peer =
  | 'loudgain'
  | 'aubioonset'
  | 'aubiotrack'
  | 'ffmpeg'
  | 'sox'
  | 'fluidsynth'
  | 'vamp-simple-host'
  | 'sonic-annotator'
  | 'qm-vamp-plugins'
  | 'chromium'
  | 'espeak-ng';

/** Where Debian puts Vamp plugins (the Queen Mary set also ships inside ardour). */
export const VAMP_DIRS = [
  ...(process.env.VAMP_PATH ?? '').split(path.delimiter).filter(Boolean),
  '/usr/lib/vamp',
  '/usr/local/lib/vamp',
  '/usr/lib/x86_64-linux-gnu/vamp',
  '/usr/lib/ardour8/vamp',
  '/usr/lib/ardour7/vamp',
];

/**
 * The tool starts (whatever its exit status): absent, not executable or not a program all count as
 * missing. A tool that started but had not answered `--version` within the timeout is present: on a
 * CI machine loaded by the parallel test files, a cold start of Chromium's wrapper script can take
 * longer than 10 s, and a slow start is not a missing peer (the test itself then fails if it cannot run).
 */
const onPath = (cmd: string) => {
  const r = spawnSync(cmd, ['--version'], { stdio: 'ignore', timeout: 10_000 });
  return r.error === undefined || (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
};

const PEERS: Record<Peer, { packages: string; present: () => boolean }> = {
  loudgain: { packages: 'loudgain', present: () => onPath('loudgain') },
  aubioonset: { packages: 'aubio-tools', present: () => onPath('aubioonset') },
  aubiotrack: { packages: 'aubio-tools', present: () => onPath('aubiotrack') },
  // the system ffmpeg, as a peer; shub's own decoding uses the bundled @ffmpeg-installer binary
  ffmpeg: { packages: 'ffmpeg', present: () => onPath('ffmpeg') },
  sox: { packages: 'sox', present: () => onPath('sox') },
  fluidsynth: {
    packages: 'fluidsynth fluid-soundfont-gm',
    present: () =>
      onPath('fluidsynth') &&
      ['/usr/share/sounds/sf2/FluidR3_GM.sf2', '/usr/share/sounds/sf2/default-GM.sf2'].some((f) => existsSync(f)),
  },
  'vamp-simple-host': { packages: 'vamp-examples', present: () => onPath('vamp-simple-host') },
  'sonic-annotator': { packages: 'sonic-annotator', present: () => onPath('sonic-annotator') },
  // Debian's browser, for rendering reports headless (driven by the playwright-core dev dependency)
  chromium: { packages: 'chromium', present: () => onPath('/usr/bin/chromium') },
  // a formant speech synthesizer: real speech made independently of shub's own signals
  'espeak-ng': { packages: 'espeak-ng', present: () => onPath('espeak-ng') },
  'qm-vamp-plugins': {
    packages: 'qm-vamp-plugins (or ardour, which ships them)',
    present: () =>
      VAMP_DIRS.some(
        (d) => existsSync(path.join(d, 'qm-vamp-plugins.so')) || existsSync(path.join(d, 'libardourvampplugins.so')),
      ),
  },
};

const cache = new Map<Peer, boolean>();

/** Whether a peer tool is installed (checked once per process). */
export function havePeer(tool: Peer): boolean {
  let v = cache.get(tool);
  if (v === undefined) cache.set(tool, (v = PEERS[tool].present()));
  return v;
}

/**
 * The skip reason for a test that needs `tools`, or false when all are installed. Throws when
 * one is missing and the CI environment variable is set.
 */
export function peerSkip(...tools: Peer[]): string | false {
  const missing = tools.filter((t) => !havePeer(t));
  if (!missing.length) return false;
  const packages = [...new Set(missing.map((t) => PEERS[t].packages))].join(' ');
  const reason = `needs ${missing.join(', ')}: apt-get install ${packages}`;
  if (process.env.CI) throw new Error(`CI is set but a peer tool is missing: ${reason}`);
  return reason;
}
