/**
 * Realistic material shared by the peer-agreement test and the benchmarks: fluidsynth renders
 * of MIDI songs (varied tempo, key, dynamics, gain) and real drum loops from sonic-pi-samples,
 * looped with sox so they are long enough for LRA.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { renderSong, SONIC_PI_SAMPLES, type SongSpec } from '../fixtures/music.js';

export interface Material {
  name: string;
  file: string;
}

export const SONGS: (SongSpec & { name: string; gain: number; rate: number })[] = [
  { name: 'pop-c-major-120', bpm: 120, tonic: 60, mode: 'major', bars: 16, humanize: 3, gain: 0.8, rate: 44100 },
  { name: 'ballad-a-minor-72', bpm: 72, tonic: 57, mode: 'minor', bars: 10, dynamics: 0.6, gain: 0.5, rate: 48000 },
  { name: 'hot-f#-minor-140', bpm: 140, tonic: 66, mode: 'minor', bars: 20, gain: 2.0, rate: 44100 },
  { name: 'quiet-eb-major-96', bpm: 96, tonic: 63, mode: 'major', bars: 12, dynamics: 0.4, gain: 0.15, rate: 96000 },
];

export const LOOPS = ['loop_amen_full', 'loop_breakbeat', 'loop_compus', 'loop_tabla', 'loop_industrial'];

function sox(args: string[]): void {
  const r = spawnSync('sox', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sox ${args.join(' ')}: ${r.stderr}`);
}

/** Renders (once) the songs and loops into `dir`; returns what exists. */
export function realisticMaterial(dir: string, which: 'all' | 'quick' = 'all'): Material[] {
  const out: Material[] = [];
  const songs = which === 'quick' ? SONGS.slice(0, 3) : SONGS;
  for (const s of songs) {
    const file = path.join(dir, `${s.name}.wav`);
    if (!existsSync(file)) renderSong(s, file, s.rate, s.gain);
    out.push({ name: s.name, file });
  }
  const loops = which === 'quick' ? LOOPS.slice(0, 2) : LOOPS;
  for (const l of loops) {
    const src = path.join(SONIC_PI_SAMPLES, `${l}.flac`);
    if (!existsSync(src)) continue;
    const file = path.join(dir, `${l}-x.flac`);
    // repeat to at least ~20 s with a level change half way so LRA is non-zero
    if (!existsSync(file)) {
      const a = path.join(dir, `${l}-a.wav`);
      sox([src, a, 'repeat', '6']);
      sox([a, '-b', '24', file.replace('.flac', '-b.wav'), 'gain', '-8']);
      sox([a, file.replace('.flac', '-b.wav'), a, file]);
    }
    out.push({ name: `${l} (real loop, FLAC)`, file });
  }
  return out;
}

/** Integrated loudness, LRA and true peak as loudgain (libebur128) reports them. */
export function loudgain(
  file: string,
): { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number } | undefined {
  const r = spawnSync('loudgain', ['-O', '-k', file], { encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith(file + '\t'));
  if (!line) return undefined;
  const cols = line.split('\t');
  return {
    integratedLufs: parseFloat(cols[1]!),
    loudnessRangeLu: parseFloat(cols[2]!),
    truePeakDbtp: parseFloat(cols[4]!),
  };
}

export function haveLoudgain(): boolean {
  return spawnSync('loudgain', ['--version'], { stdio: 'ignore' }).status === 0;
}
