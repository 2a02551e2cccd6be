/**
 * Headless REAPER renders (`shub render --backend reaper`): find the binary (--reaper,
 * SHUB_REAPER, config reaper.path, then `reaper` on PATH and the usual install folders), write
 * a render-ready copy of the project (RENDER_FILE = a temporary file beside the requested
 * output, WAV format, whole project, master mix), run `reaper -nosplash -renderproject COPY`
 * through execa with a timeout, and hand back what it wrote.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError } from '../errors.js';
import { renderSettings } from '../rpp/export.js';
import { writeRpp } from '../rpp/parse.js';

export interface ReaperChoice {
  path: string;
  /** Where it came from: `--reaper`, `SHUB_REAPER`, `config reaper.path`, `PATH`, or an install folder. */
  source: string;
}

const INSTALL_PLACES = [
  '/opt/REAPER/reaper',
  '/usr/local/bin/reaper',
  path.join(process.env.HOME ?? '/root', 'opt', 'REAPER', 'reaper'),
  '/Applications/REAPER.app/Contents/MacOS/REAPER',
  'C:\\Program Files\\REAPER (x64)\\reaper.exe',
];

export const REAPER_HELP =
  'install REAPER (https://www.reaper.fm) and pass --reaper /path/to/reaper, set SHUB_REAPER, or set reaper.path in ' +
  'shub.config.yaml; or render with --backend native';

function isExecutable(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The REAPER to run, or EnvironmentError (exit 4) saying how to configure one. */
export function findReaper(
  flag: string | undefined,
  configPath: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ReaperChoice {
  const named: [string | undefined, string][] = [
    [flag, '--reaper'],
    [env.SHUB_REAPER, 'SHUB_REAPER'],
    [configPath, 'config reaper.path'],
  ];
  for (const [p, source] of named) {
    if (!p) continue;
    if (!isExecutable(p)) throw new EnvironmentError(`${source}: REAPER not found at ${p}; ${REAPER_HELP}`);
    return { path: p, source };
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['reaper', 'REAPER', 'reaper.exe']) {
      const p = path.join(dir, name);
      if (isExecutable(p)) return { path: p, source: 'PATH' };
    }
  }
  for (const p of INSTALL_PLACES) if (existsSync(p) && isExecutable(p)) return { path: p, source: p };
  throw new EnvironmentError(
    `REAPER was not found (no --reaper, SHUB_REAPER, config reaper.path, nor reaper on PATH); ${REAPER_HELP}`,
  );
}

const RENDER_TOKENS = new Set([
  'RENDER_FILE',
  'RENDER_PATTERN',
  'RENDER_FMT',
  'RENDER_1X',
  'RENDER_RANGE',
  'RENDER_RESAMPLE',
  'RENDER_ADDTOPROJ',
  'RENDER_STEMS',
  'RENDER_DITHER',
  'RENDER_SRATE',
  'RENDER_BOUNDSFLAG',
  'RENDER_CHANNELS',
]);

/**
 * The project text with its render settings replaced: output `renderFile` (absolute), WAV at
 * `bits`, `sampleRate`, stereo master mix of the whole project. Everything else is kept
 * byte for byte; relative media paths keep working because the copy sits beside the original.
 */
export function renderReadyProject(
  text: string,
  renderFile: string,
  sampleRate: number,
  bits: 16 | 24 | 32 = 24,
): string {
  const lines = text.split(/\r?\n/);
  const out: string[] = [];
  let depth = 0;
  let skipCfg = false;
  let inserted = false;
  for (const raw of lines) {
    const t = raw.trim();
    if (skipCfg) {
      if (t === '>') skipCfg = false;
      continue;
    }
    if (depth === 1) {
      const token = t.replace(/^</, '').split(/\s+/)[0] ?? '';
      if (t.startsWith('<RENDER_CFG')) {
        skipCfg = true;
        continue;
      }
      if (RENDER_TOKENS.has(token)) continue;
    }
    out.push(raw);
    if (t.startsWith('<')) depth++;
    else if (t === '>') depth--;
    if (depth === 1 && !inserted && t.startsWith('<REAPER_PROJECT')) {
      const settings = writeRpp({ token: 'X', children: renderSettings(renderFile, sampleRate, bits) })
        .split('\n')
        .slice(1, -2);
      out.push(...settings);
      inserted = true;
    }
  }
  return out.join('\n');
}

export interface ReaperRun {
  command: string;
  args: string[];
  stdout: string;
  stderr: string;
}

/**
 * Runs `reaper -nosplash -renderproject project` (execa, timeout); EnvironmentError when it fails
 * to start or times out.
 */
export async function runReaper(reaper: ReaperChoice, project: string, timeoutSeconds: number): Promise<ReaperRun> {
  const { execa } = await import('execa');
  const args = ['-nosplash', '-renderproject', project];
  const r = await execa(reaper.path, args, {
    timeout: timeoutSeconds * 1000,
    reject: false,
    stdin: 'ignore',
    all: false,
  });
  if (r.timedOut)
    throw new EnvironmentError(
      `REAPER (${reaper.path}) did not finish rendering ${project} within ${timeoutSeconds} s; raise --timeout or ` +
        `check that REAPER can run headless here`,
    );
  if (r.failed && r.exitCode === undefined)
    throw new EnvironmentError(
      `REAPER (${reaper.path}, from ${reaper.source}) could not be started (${r.shortMessage}); ${REAPER_HELP}`,
    );
  return { command: reaper.path, args, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
