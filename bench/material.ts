/**
 * Realistic material shared by the peer-agreement test and the benchmarks: renders of MIDI songs
 * (varied tempo, key, dynamics, gain, sample rate) and humanized GM drum loops in several kits and
 * soundfonts, each played loud–quiet (-8 dB)–loud and stored as 24-bit FLAC (a compressed input,
 * and a non-trivial LRA). Rendered in process by the npm SoundFont synthesizer; the songs can
 * instead be rendered by Debian's fluidsynth + FluidR3_GM (`renderer: 'fluidsynth'`), a second,
 * independent renderer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { renderSong, type SongSpec } from '../fixtures/music.js';
import { drumLoop, type DrumLoopSpec } from '../fixtures/drumloops.js';
import { applyGain } from '../fixtures/eq.js';
import { writeWav } from '../fixtures/signals.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';

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

/** Drum loops, about 10 s per section (three sections). */
export const LOOPS: (DrumLoopSpec & { name: string })[] = [
  { name: 'amen-136-fluid', pattern: 'amen', bpm: 136, bars: 6, kit: 0, soundfont: 'FluidR3Mono', seed: 11 },
  { name: 'breakbeat-100-room', pattern: 'breakbeat', bpm: 100, bars: 4, kit: 8, soundfont: 'MuseScoreGeneral' },
  { name: 'funk-96-timgm6mb', pattern: 'funk', bpm: 96, bars: 4, kit: 0, soundfont: 'TimGM6mb', seed: 13 },
  { name: 'percussion-112', pattern: 'percussion', bpm: 112, bars: 5, soundfont: 'MuseScoreGeneral', seed: 14 },
  { name: 'shuffle-84-brush', pattern: 'shuffle', bpm: 84, bars: 4, kit: 40, soundfont: 'FluidR3Mono', seed: 15 },
];

/** Writes a drum loop played loud, 8 dB quieter, loud again, as 24-bit FLAC (bundled ffmpeg). */
function loopFlac(spec: (typeof LOOPS)[number], file: string): void {
  const sections = [0, -8, 0].map((db, i) => {
    const l = drumLoop({ ...spec, seed: (spec.seed ?? 1) * 10 + i }, { sampleRate: 44100, peakDbfs: -1 });
    return applyGain(l.planar, db);
  });
  const planar = [0, 1].map((c) => {
    const out = new Float64Array(sections.reduce((n, s) => n + s[c]!.length, 0));
    let at = 0;
    for (const s of sections) {
      out.set(s[c]!, at);
      at += s[c]!.length;
    }
    return out;
  });
  const wav = file.replace(/\.flac$/, '.wav');
  writeWav(wav, planar, 44100, 's24');
  const r = spawnSync(resolveFfmpeg().path, ['-v', 'error', '-y', '-i', wav, '-c:a', 'flac', file], {
    encoding: 'utf8',
  });
  rmSync(wav);
  if (r.status !== 0) throw new Error(`ffmpeg could not write ${file}: ${r.stderr}`);
}

/** Renders (once) the songs and loops into `dir`; returns them. */
export function realisticMaterial(
  dir: string,
  which: 'all' | 'quick' = 'all',
  renderer: 'spessasynth' | 'fluidsynth' = 'spessasynth',
): Material[] {
  const out: Material[] = [];
  const songs = which === 'quick' ? SONGS.slice(0, 3) : SONGS;
  for (const s of songs) {
    const file = path.join(dir, `${s.name}${renderer === 'fluidsynth' ? '-fluidsynth' : ''}.wav`);
    if (!existsSync(file)) renderSong(s, file, s.rate, s.gain, { renderer });
    out.push({ name: s.name, file });
  }
  const loops = which === 'quick' ? LOOPS.slice(0, 2) : LOOPS;
  for (const l of loops) {
    const file = path.join(dir, `${l.name}.flac`);
    if (!existsSync(file)) loopFlac(l, file);
    out.push({ name: `${l.name} (GM drum loop, FLAC)`, file });
  }
  return out;
}

/** Integrated loudness, LRA and true peak as loudgain (libebur128) reports them. */
export function loudgain(
  file: string,
): { integratedLufs: number; loudnessRangeLu: number; truePeakDbtp: number } | undefined {
  const r = spawnSync('loudgain', ['-O', '-k', file], { encoding: 'utf8' });
  const line = r.stdout?.split('\n').find((l) => l.startsWith(file + '\t'));
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
