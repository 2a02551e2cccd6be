/**
 * Drum detection on multi-mic sessions with exact truth (issue 13): per close mic F (±20 ms,
 * one-to-one), mean offset, bleed hits reported, velocity Spearman ρ. Tuning: FluidR3Mono (TUNING), and since
 * h-dxdet4 the sets looked at before (HELD_OUT: TimGM6mb, MuseScore General; HELD_OUT_2: real multi-layer kits);
 * HELD_OUT_3 and HELD_OUT_4 since h-dxdet5, HELD_OUT_5 (h-dxdet5: bleed at the edges of the issue's ranges) since
 * h-dxdet6, HELD_OUT_6 (h-dxdet6: filtered and reverberant bleed) since h-dxdet7, HELD_OUT_7 (h-dxdet7: a high-pass,
 * early reflections, a lower low-pass) since h-dxdet8, HELD_OUT_8 (h-dxdet8: modal, waveguide, csound 25 and lmms
 * kits; plain, band-passed, reflected-in-phase and late-reflected bleed) since h-dxdet9; held out: HELD_OUT_9
 * (h-dxdet9: hand percussion, a GM brush kit, finite-difference and synthesized brushes kits; resonant, dispersed,
 * notched and dipped bleed) since h-dxdet11, HELD_OUT_10 (h-dxdet11: FM, orchestra, tabla and lmms kits; boomy-notched,
 * long-room, dispersed-scooped and thin-bright bleed) since h-dxdet12, HELD_OUT_11 (h-dxdet12: claps and swelling
 * shakers, maracas, a cabasa) since h-dxdet14; held out: HELD_OUT_12 (h-dxdet14: chip, West Coast, mixed and GM
 * electronic kits; triplet hats, sixteenth tom fills; inverted, comb-filtered and room bleed); PAIRS (h-dxdup15,
 * tuning: two close mics on one drum), HELD_OUT_13 (h-dxdup15: pairs on other kits) since h-dxdet17; held out:
 * HELD_OUT_14 (h-dxdet17: npm soundfont kits no set played and a resonator kit; the room in the close mics 8–25 ms
 * late at −9…−18 dB; EQ'd second mics; flams and fast rolls as controls) since h-drums22; held out: HELD_OUT_15
 * (h-drums22, fixtures/drumheld15.ts: strictly within the acceptance's conditions; Hydrogen one-shots and velocity
 * layers no set played, checked before it runs; open hats, ghost notes, drags, flams, rolls) since h-drums24; held out:
 * HELD_OUT_16 (h-drums24, fixtures/drumheld16.ts: as held-out 15, one-shot files no set played, held-out 15
 * included, checked before it runs; pedal hats next to stick and open hats; disco, jazz, half-time and gospel players)
 * since h-drums26; held out: HELD_OUT_17 (h-drums26, fixtures/drumheld17.ts: as held-out 16, one-shot files no set
 * played, held-out 16 included, checked before it runs; songo, second-line, drum-and-bass and linear-fusion players)
 * since h-drums27; held out: HELD_OUT_18 (h-drums27, fixtures/drumheld18.ts: as held-out 17, one-shot files no set
 * played, held-out 17 included, checked before it runs; one-drop, bossa, double-kick metal and boom-bap players) since
 * h-drums29; held out: HELD_OUT_19 (h-drums29, fixtures/drumheld19.ts: as held-out 18, one-shot files no set played,
 * held-out 18 included, checked by path and content before it runs; long-ringing snares, toms and open hats; ballad,
 * punk, afrobeat and kit-samba players with drums struck together) since h-drums31; held out: HELD_OUT_20
 * (h-drums31, fixtures/drumheld20.ts: as held-out 19, one-shot files no set played, held-out 19 included, checked by
 * path and content; bleed pinned per kit at the acceptance's extremes; waltz, Motown, shuffle and trap players).
 * Usage: node dist/bench/drums-eval.js [--verbose] [--no-aubio] [--param name=value …] (a declared drums parameter)
 * [--set tuning|held-out|held-out-2|...|held-out-12|pairs|held-out-13|held-out-14|held-out-15|held-out-16|held-out-17|
 * held-out-18|held-out-19|held-out-20]
 * [--session NAME] (without --set: tuning and held-out; the later sets only when named; --session: only the sessions
 * whose "kit/seed" contains NAME; sessions whose kit is missing on this machine are named and skipped);
 * classification: --classify
 * [--kits|--held-out-2|--held-out-3|--held-out-4|--held-out-5] [--sweep] (--held-out-3 / -4 / -5: the third /
 * fourth / fifth classification held-out set, HELD_OUT_KITS_3 / 4 / 5)
 */
import { drumSession, sessionGroove, type SessionSpec, type KitPiece } from '../fixtures/drumkit.js';
import { HELD_OUT_15 } from '../fixtures/drumheld15.js';
import { HELD_OUT_16 } from '../fixtures/drumheld16.js';
import { HELD_OUT_17 } from '../fixtures/drumheld17.js';
import { HELD_OUT_18 } from '../fixtures/drumheld18.js';
import { HELD_OUT_19 } from '../fixtures/drumheld19.js';
import { HELD_OUT_20 } from '../fixtures/drumheld20.js';
import { fMeasure, matchEvents } from './metrics.js';
import { DrumSessionDetector } from '../src/engines/drums/session.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeWav } from '../fixtures/signals.js';
import { setDrumParamFlags } from './drums-classdev-dump.js';
import {
  AVLDRUMS_SF2,
  BLACK_PEARL,
  CSOUND_SF2,
  hydrogenLayerFile,
  kitPlayer,
  type KitSpec,
} from '../fixtures/drumtruth.js';

export const TUNING: SessionSpec[] = [
  { font: 'FluidR3Mono', seed: 1, bpm: 96, bars: 8 },
  { font: 'FluidR3Mono', seed: 2, bpm: 128, bars: 8, swing: 0.15 },
  { font: 'FluidR3Mono', seed: 3, bpm: 150, bars: 8, jitterSeconds: 0.008 },
];
export const HELD_OUT: SessionSpec[] = [
  { font: 'TimGM6mb', seed: 11, bpm: 88, bars: 8, jitterSeconds: 0.01 },
  { font: 'TimGM6mb', seed: 12, bpm: 140, bars: 8, swing: 0.2 },
  { font: 'MuseScoreGeneral', seed: 13, bpm: 110, bars: 8 },
  { font: 'MuseScoreGeneral', seed: 14, bpm: 172, bars: 8, swing: 0.1, jitterSeconds: 0.006 },
];
/**
 * The second held-out set (2026-12-01, h-dxdet3), written down before shub ran on it: the first one's
 * misses were known when detection moved to the bleed-cancelled signal. Other kits (Hydrogen kits and
 * an avldrums kit, 44.1 kHz), other seeds, tempi and grooves (sixteenth hats, tom fills of eight, kick
 * doubles), bleed within the issue's ranges.
 */
const hydrogen = (name: string): KitSpec => ({ name, source: 'hydrogen', hydrogen: name, patterns: [] });
export const HELD_OUT_2: SessionSpec[] = [
  // `font` is not used when a kit is given (it names nothing); 44.1 kHz: the kits' own rate
  {
    font: 'FluidR3Mono',
    kit: hydrogen('GMRockKit'),
    rate: 44100,
    seed: 21,
    bpm: 104,
    bars: 8,
    hatsPerBar: 16,
    jitterSeconds: 0.006,
  },
  {
    font: 'FluidR3Mono',
    kit: hydrogen('BJA_Pacific'),
    rate: 44100,
    seed: 22,
    bpm: 132,
    bars: 8,
    swing: 0.12,
    fillHits: 8,
    kickDoubles: true,
  },
  {
    font: 'FluidR3Mono',
    kit: hydrogen('Millo_MultiLayered3'),
    rate: 44100,
    seed: 23,
    bpm: 92,
    bars: 8,
    jitterSeconds: 0.01,
    fillHits: 8,
  },
  {
    font: 'FluidR3Mono',
    kit: BLACK_PEARL,
    rate: 44100,
    seed: 24,
    bpm: 160,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    swing: 0.1,
  },
];

/**
 * The third held-out set (2026-12-01, h-dxdet4), written down before shub ran on it: HELD_OUT and HELD_OUT_2 were
 * looked at (their misses known) and are tuning material now. Kits no detection set used before: Hydrogen
 * Millo_MultiLayered2 and ForzeeStereo (velocity layers), the avldrums Red Zeppelin soundfont and sonic-pi's
 * acoustic drums (soft and hard samples); other seeds, tempi and grooves; bleed within the issue's ranges.
 */
export const HELD_OUT_3: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: hydrogen('Millo_MultiLayered2'),
    rate: 44100,
    seed: 31,
    bpm: 116,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 8,
    jitterSeconds: 0.005,
  },
  {
    font: 'FluidR3Mono',
    kit: hydrogen('ForzeeStereo'),
    rate: 44100,
    seed: 32,
    bpm: 84,
    bars: 8,
    swing: 0.15,
    kickDoubles: true,
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'avldrums-RedZeppelin',
      source: 'avldrums',
      soundfont: { file: path.join(AVLDRUMS_SF2, 'Red_Zeppelin_4_LV2.sf2') },
      program: 0,
      channel: 0,
      patterns: [],
    },
    rate: 44100,
    seed: 33,
    bpm: 140,
    bars: 8,
    fillHits: 8,
    jitterSeconds: 0.008,
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'SonicPi-acoustic',
      source: 'sonic-pi',
      pieces: {
        kick: ['drum_bass_soft', 'drum_bass_hard'],
        snare: ['drum_snare_soft', 'drum_snare_hard'],
        hat: ['drum_cymbal_closed'],
        tom: ['drum_tom_mid_soft', 'drum_tom_mid_hard'],
      },
      patterns: [],
    },
    rate: 44100,
    seed: 34,
    bpm: 100,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    swing: 0.08,
  },
];

/**
 * The fourth held-out set (2026-12-01, h-dxdet4), written down before shub ran on it, after HELD_OUT_3 was run
 * once and a change (two taps per unlearnt source in the bleed fit) was then made on the tuning sets: kits no
 * detection set used before, Hydrogen ColomboAcousticDrumkit, rumpf_kit, Audiophob and TR808EmulationKit (one
 * sample per piece: velocity by level only, the multi-layer kits left are in other sets); seeds 41–44.
 */
export const HELD_OUT_4: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: hydrogen('ColomboAcousticDrumkit'),
    rate: 44100,
    seed: 41,
    bpm: 124,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 8,
    swing: 0.1,
  },
  {
    font: 'FluidR3Mono',
    kit: hydrogen('rumpf_kit_z01_h2'),
    rate: 44100,
    seed: 42,
    bpm: 96,
    bars: 8,
    kickDoubles: true,
    jitterSeconds: 0.007,
  },
  { font: 'FluidR3Mono', kit: hydrogen('Audiophob'), rate: 44100, seed: 43, bpm: 150, bars: 8, fillHits: 8 },
  {
    font: 'FluidR3Mono',
    kit: hydrogen('TR808EmulationKit'),
    rate: 44100,
    seed: 44,
    bpm: 112,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    jitterSeconds: 0.004,
  },
];

/**
 * The fifth held-out set (2026-12-02, h-dxdet5), written down and committed before shub ran on it, after HELD_OUT_4
 * was run and looked at (every earlier set is tuning material now). Kits no detection set used before: Hydrogen
 * Millo-Drums_v.1 (used by no set at all), Debian lmms-common one-shots no set used (kick, snare, hat, tom),
 * sonic-pi one-shots no set used (heavy kick, dolf/generic snares, pedal hat, low toms), Hydrogen VariBreaks
 * (used before for classification stems only); seeds 51–54, other tempi and grooves; bleed levels and delays
 * at the edges of the issue's ranges (loud and early, quiet and late, full range, loud and late).
 */
export const HELD_OUT_5: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: hydrogen('Millo-Drums_v.1'),
    rate: 44100,
    seed: 51,
    bpm: 108,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 8,
    swing: 0.06,
    bleedDb: [-8, -14],
    bleedMs: [0.3, 1.2],
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'LMMS-kit2',
      source: 'lmms',
      pieces: {
        kick: ['kick_soft02', 'bassdrum02'],
        snare: ['snare03', 'snare05'],
        hat: ['hihat_closed05'],
        tom: ['tom_low01', 'tom02'],
      },
      patterns: [],
    },
    rate: 44100,
    seed: 52,
    bpm: 136,
    bars: 8,
    kickDoubles: true,
    jitterSeconds: 0.006,
    bleedDb: [-16, -24],
    bleedMs: [1.5, 3],
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'SonicPi-heavy',
      source: 'sonic-pi',
      pieces: {
        kick: ['drum_heavy_kick'],
        snare: ['sn_generic', 'sn_dolf'],
        hat: ['drum_cymbal_pedal'],
        tom: ['drum_tom_lo_soft', 'drum_tom_lo_hard'],
      },
      patterns: [],
    },
    rate: 44100,
    seed: 53,
    bpm: 90,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 6,
    swing: 0.12,
  },
  {
    font: 'FluidR3Mono',
    kit: hydrogen('VariBreaks'),
    rate: 44100,
    seed: 54,
    bpm: 164,
    bars: 8,
    kickDoubles: true,
    fillHits: 8,
    jitterSeconds: 0.004,
    bleedDb: [-8, -12],
    bleedMs: [2, 3],
  },
];

/**
 * The sixth held-out set (2026-12-02, h-dxdet6), written down and committed before shub ran on it, after HELD_OUT_5
 * was run and looked at (every earlier set is tuning material now). Kits no detection set used: Hydrogen
 * ElectricEmpireKit (used by no set at all), Debian freepats' recorded drums (GUS patches; onset sets only), csound's
 * sf_GMbank Room kit (program 8; onset and classification sets only), a synthesized jazz kit (fixtures/synthkit.ts,
 * kit seed 61: no set used that seed); seeds 61–64, other tempi and grooves. Bleed over the issue's whole range
 * (−8 to −24 dB, 0.3–3 ms, two sessions at the range's halves) and, new, through more than a gain and a delay
 * (`bleedTransfer`: low-passed leaks, leaks with a live room's diffuse tail, both).
 */
export const HELD_OUT_6: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: {
      ...hydrogen('ElectricEmpireKit'),
      pieces: { kick: /^Kick Power$/, snare: /^Snare 1$/, hat: /^Hat Closed Bs$/, tom: /^Drum 1$/ },
    },
    rate: 44100,
    seed: 61,
    bpm: 120,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 6,
    swing: 0.08,
    bleedTransfer: { lowpassHz: 2500 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'freepats-Drum000',
      source: 'freepats',
      debian: 'freepats',
      pieces: {
        kick: ['035_Kick_1', '036_Kick_2'],
        snare: ['040_Snare_2', '038_Snare_1'],
        hat: ['042_Hi-Hat_Closed'],
        tom: ['045_Tom_Mid_2', '047_Tom_Mid_1'],
      },
      patterns: [],
    },
    rate: 44100,
    seed: 62,
    bpm: 100,
    bars: 8,
    kickDoubles: true,
    fillHits: 8,
    jitterSeconds: 0.005,
    bleedTransfer: { roomMs: 60, roomDb: -6 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'csound-GMbank-Room',
      source: 'sf2',
      soundfont: { file: CSOUND_SF2 },
      debian: 'csound-soundfont',
      program: 8,
      patterns: [],
    },
    rate: 44100,
    seed: 63,
    bpm: 144,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    swing: 0.1,
    bleedDb: [-8, -16],
    bleedMs: [0.3, 1.6],
    bleedTransfer: { lowpassHz: 4000, roomMs: 40, roomDb: -9 },
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'synth-jazz-61', source: 'synth', synth: { kind: 'jazz', seed: 61 }, patterns: [] },
    rate: 44100,
    seed: 64,
    bpm: 84,
    bars: 8,
    fillHits: 8,
    swing: 0.15,
    jitterSeconds: 0.006,
    bleedDb: [-16, -24],
    bleedMs: [1.6, 3],
  },
];

/**
 * The seventh held-out set (2026-12-02, h-dxdet7), written down and committed before shub ran on it, after HELD_OUT_6
 * was run and looked at (its filtered bleed taught the FIR paths: every earlier set is tuning material now). Kits no
 * detection set used: Hydrogen circAfrique v4 (dununba, djembe slap, kenkeni bell, sangban: no detection set; the
 * classification sets left it out as percussion), Hydrogen HardElectro1 (no set at all; its third kick as the tom),
 * a synthesized electronic kit (fixtures/synthkit.ts kind electronic, kit seed 73: no detection set used the kind),
 * csound sf_GMbank's Power kit (program 16: no set used the program); seeds 71–74, other tempi and grooves. Bleed
 * through transfers of other shapes than HELD_OUT_6's: a thin high-passed leak, a leak with an inverted early
 * reflection past the FIR's span, a leak low-passed lower than before under a short room, a reflection alone.
 */
export const HELD_OUT_7: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: {
      ...hydrogen('circAfrique v4'),
      pieces: {
        kick: /^Dununba1 Head Hit$/,
        snare: /^Djembe2 Slap$/,
        hat: /^Kenkeni1 Bell Hit$/,
        tom: /^Sangban1 Head Hit$/,
      },
    },
    rate: 44100,
    seed: 71,
    bpm: 92,
    bars: 8,
    fillHits: 8,
    swing: 0.1,
    bleedDb: [-10, -20],
    bleedMs: [0.5, 2.5],
    bleedTransfer: { highpassHz: 300 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      ...hydrogen('HardElectro1'),
      pieces: { kick: /^Kick 2$/, snare: /^Snare$/, hat: /^Closed HH 2$/, tom: /^Kick 3$/ },
    },
    rate: 44100,
    seed: 72,
    bpm: 126,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    jitterSeconds: 0.004,
    bleedTransfer: { lowpassHz: 6000, echoMs: 0.8, echoDb: -8 },
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'synth-electronic-73', source: 'synth', synth: { kind: 'electronic', seed: 73 }, patterns: [] },
    rate: 44100,
    seed: 73,
    bpm: 112,
    bars: 8,
    fillHits: 6,
    swing: 0.05,
    bleedDb: [-8, -18],
    bleedMs: [0.3, 2],
    bleedTransfer: { lowpassHz: 1500, roomMs: 25, roomDb: -12 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'csound-GMbank-Power',
      source: 'sf2',
      soundfont: { file: CSOUND_SF2 },
      debian: 'csound-soundfont',
      program: 16,
      patterns: [],
    },
    rate: 44100,
    seed: 74,
    bpm: 150,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 8,
    jitterSeconds: 0.005,
    bleedTransfer: { echoMs: 2, echoDb: -6 },
  },
];

/**
 * The eighth held-out set (2026-12-02, h-dxdet8), written down and committed before shub ran on it, after HELD_OUT_7
 * was run and looked at (every earlier set is tuning material now). Kits no detection set used: a modal kit
 * (fixtures/modalkit.ts, kit seed 81: modal kits were classification stems only), a waveguide kit
 * (fixtures/waveguidekit.ts, kit seed 82: classification stems only), csound sf_GMbank's program 25 (no detection set
 * used it), Debian lmms-common one-shots no detection set used (bassdrum04 / kick_hard01, snare02 / snare_short01,
 * hihat_closed02, tom_hi01 / tom05); seeds 81–84, other tempi and grooves. Bleed of shapes no set had: plain over
 * the issue's whole range (the loss on plain bleed), a band-pass (high-pass 150 Hz and low-pass 5 kHz), a reflection
 * of the leak's own polarity 1.2 ms later under a 30 ms room, a 3 kHz low-pass with an inverted reflection 3.5 ms
 * later (beyond h-dxdet7's 2 ms).
 */
export const HELD_OUT_8: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: { name: 'modal-81', source: 'modal', modal: 81, patterns: [] },
    rate: 44100,
    seed: 81,
    bpm: 118,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 8,
    swing: 0.07,
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'waveguide-82', source: 'waveguide', waveguide: 82, patterns: [] },
    rate: 44100,
    seed: 82,
    bpm: 98,
    bars: 8,
    kickDoubles: true,
    fillHits: 6,
    jitterSeconds: 0.005,
    bleedDb: [-9, -19],
    bleedTransfer: { highpassHz: 150, lowpassHz: 5000 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'csound-GMbank-25',
      source: 'sf2',
      soundfont: { file: CSOUND_SF2 },
      debian: 'csound-soundfont',
      program: 25,
      patterns: [],
    },
    rate: 44100,
    seed: 83,
    bpm: 138,
    bars: 8,
    hatsPerBar: 16,
    swing: 0.12,
    bleedMs: [0.3, 1.8],
    bleedTransfer: { echoMs: 1.2, echoDb: -9, echoSign: 1, roomMs: 30, roomDb: -15 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'LMMS-kit8',
      source: 'lmms',
      pieces: {
        kick: ['bassdrum04', 'kick_hard01'],
        snare: ['snare02', 'snare_short01'],
        hat: ['hihat_closed02'],
        tom: ['tom_hi01', 'tom05'],
      },
      patterns: [],
    },
    rate: 44100,
    seed: 84,
    bpm: 86,
    bars: 8,
    kickDoubles: true,
    fillHits: 8,
    jitterSeconds: 0.007,
    bleedDb: [-10, -22],
    bleedTransfer: { lowpassHz: 3000, echoMs: 3.5, echoDb: -8 },
  },
];

/**
 * The ninth held-out set (2026-12-02, h-dxdet9), written down and committed before shub ran on it, after HELD_OUT_8
 * was run and looked at (every earlier set is tuning material now). Kits no detection set used, all on this machine:
 * Hydrogen "Gimme A Hand 1.0" (hand percussion: cajon thump as kick, hand clap as snare, maraca as hat, low bongo as
 * tom; five velocity layers), FluidR3_GM.sf2's Brush kit (program 40, fluid-soundfont-gm: the GM file, not the npm
 * FluidR3Mono standard kit), a finite-difference kit (fixtures/fdtdkit.ts, kit seed 93: classification stems only),
 * a synthesized brushes kit (fixtures/synthkit.ts kind brushes, kit seed 94: no set used that kind); seeds 91–94,
 * tempi 80–156. Bleed of shapes no set had (fixtures/drumkit.ts `bleedTransfer.biquads`, new): a shell's resonance
 * (+9 dB at 300 Hz, Q 2), phase dispersion (two all-passes at 700 Hz and 3 kHz: the magnitude of a plain leak, its
 * attack smeared), a cancellation notch at 2 kHz (Q 1.4) with late delays (1.5–3 ms), a broad dip (−12 dB at 4 kHz,
 * Q 0.7) with loud leaks (−8 to −13 dB).
 */
export const HELD_OUT_9: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: {
      ...hydrogen('Gimme A Hand 1.0'),
      pieces: { kick: /^Cajon Thump$/, snare: /^Hand Clap$/, hat: /^Maraca$/, tom: /^Bongo Lo$/ },
    },
    rate: 44100,
    seed: 91,
    bpm: 102,
    bars: 8,
    fillHits: 8,
    swing: 0.09,
    bleedTransfer: { biquads: [{ kind: 'peak', hz: 300, q: 2, db: 9 }] },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'FluidR3_GM-Brush',
      source: 'sf2',
      soundfont: { file: '/usr/share/sounds/sf2/FluidR3_GM.sf2' },
      debian: 'fluid-soundfont-gm',
      program: 40,
      patterns: [],
    },
    rate: 44100,
    seed: 92,
    bpm: 134,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    jitterSeconds: 0.005,
    bleedTransfer: {
      biquads: [
        { kind: 'allpass', hz: 700, q: 0.7 },
        { kind: 'allpass', hz: 3000, q: 0.7 },
      ],
    },
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'fdtd-93', source: 'fdtd', fdtd: 93, patterns: [] },
    rate: 44100,
    seed: 93,
    bpm: 80,
    bars: 8,
    fillHits: 6,
    swing: 0.14,
    bleedMs: [1.5, 3],
    bleedTransfer: { biquads: [{ kind: 'notch', hz: 2000, q: 1.4 }] },
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'synth-brushes-94', source: 'synth', synth: { kind: 'brushes', seed: 94 }, patterns: [] },
    rate: 44100,
    seed: 94,
    bpm: 156,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    fillHits: 8,
    jitterSeconds: 0.004,
    bleedDb: [-8, -13],
    bleedTransfer: { biquads: [{ kind: 'peak', hz: 4000, q: 0.7, db: -12 }] },
  },
];

/**
 * The tenth held-out set (2026-12-02, h-dxdet11), written down and committed before shub ran on it, after HELD_OUT_9
 * was run and looked at (every earlier set is tuning material now). Kits no detection set used, all on this machine:
 * an FM kit (fixtures/fmkit.ts, kit seed 101: FM kits were classification stems only, seeds 141–144), FluidR3_GM.sf2's
 * Orchestra kit (program 48: concert drums and timpani; no set used the program), sonic-pi's tabla one-shots (bayan
 * ghe as kick, na as snare, te as hat, tun as tom: no set used them), Debian lmms-common one-shots no detection set
 * used (kick_long01 / kick03, snare_acoustic01 / snare07, hihat_closed04, tom_mid01 / tom03); seeds 101–104, tempi
 * 94–168; one session on an exact grid (no jitter, no swing, sixteenth hats). Bleed of shapes no set had: a boomy
 * leak with a high notch (+6 dB at 120 Hz, notch at 5 kHz), a long quiet room under a 7 kHz low-pass (120 ms at
 * −12 dB), low-frequency dispersion with a mid scoop (all-pass at 150 Hz, −8 dB at 800 Hz), a thin bright leak
 * (high-pass 600 Hz, +6 dB at 8 kHz).
 */
export const HELD_OUT_10: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: { name: 'fm-101', source: 'fm', fm: 101, patterns: [] },
    rate: 44100,
    seed: 101,
    bpm: 132,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 6,
    bleedTransfer: {
      biquads: [
        { kind: 'peak', hz: 120, q: 1, db: 6 },
        { kind: 'notch', hz: 5000, q: 2 },
      ],
    },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'FluidR3_GM-Orchestra',
      source: 'sf2',
      soundfont: { file: '/usr/share/sounds/sf2/FluidR3_GM.sf2' },
      debian: 'fluid-soundfont-gm',
      program: 48,
      patterns: [],
    },
    rate: 44100,
    seed: 102,
    bpm: 94,
    bars: 8,
    kickDoubles: true,
    swing: 0.11,
    jitterSeconds: 0.006,
    bleedTransfer: { lowpassHz: 7000, roomMs: 120, roomDb: -12 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'SonicPi-tabla',
      source: 'sonic-pi',
      pieces: {
        kick: ['tabla_ghe2', 'tabla_ghe6'],
        snare: ['tabla_na', 'tabla_na_s'],
        hat: ['tabla_te1'],
        tom: ['tabla_tun1', 'tabla_tun3'],
      },
      patterns: [],
    },
    rate: 44100,
    seed: 103,
    bpm: 112,
    bars: 8,
    fillHits: 8,
    swing: 0.07,
    bleedMs: [0.4, 2.2],
    bleedTransfer: {
      biquads: [
        { kind: 'allpass', hz: 150, q: 1.5 },
        { kind: 'peak', hz: 800, q: 1, db: -8 },
      ],
    },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'LMMS-kit10',
      source: 'lmms',
      pieces: {
        kick: ['kick_long01', 'kick03'],
        snare: ['snare_acoustic01', 'snare07'],
        hat: ['hihat_closed04'],
        tom: ['tom_mid01', 'tom03'],
      },
      patterns: [],
    },
    rate: 44100,
    seed: 104,
    bpm: 168,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    jitterSeconds: 0.003,
    bleedDb: [-12, -20],
    bleedTransfer: { highpassHz: 600, biquads: [{ kind: 'peak', hz: 8000, q: 0.8, db: 6 }] },
  },
];

function spearman(a: number[], b: number[]): number {
  const rank = (x: number[]) => {
    const idx = x.map((v, i) => [v, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(x.length);
    for (let i = 0; i < idx.length;) {
      let j = i;
      while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
      for (let k = i; k <= j; k++) r[idx[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

export interface MicScore {
  session: string;
  mic: KitPiece;
  /** The mic's name where a drum has two (h-dxdup15: `kick out`, `snare bottom`). */
  name: string;
  f: number;
  /** aubioonset (default hfc, threshold 0.3) on the same mic, same matching; NaN without aubio. */
  aubioF: number;
  aubioBleed: number;
  meanOffsetMs: number;
  truth: number;
  bleedReported: number;
  missed: number;
  rho: number;
}

/** aubioonset on one mic (written to a temporary WAV), or null when aubio is not installed. */
export function aubioOnsets(samples: Float32Array, rate: number): number[] | null {
  const file = path.join(os.tmpdir(), `shub-drums-aubio-${process.pid}.wav`);
  writeWav(file, [Float64Array.from(samples)], rate, 'f32');
  try {
    const r = spawnSync('aubioonset', ['-i', file], { encoding: 'utf8', timeout: 60_000 });
    if (r.error || r.status !== 0) return null;
    return r.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map(Number);
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * The eleventh held-out set (2026-12-02, h-dxdet12), written down and committed before shub ran on it, after
 * HELD_OUT_10 was run and looked at (every earlier set is tuning material now). Built to carry what h-dxdet11's two
 * changes act on, which HELD_OUT_10 lacked: **clap-like one-shots** (several bursts in one sample) and **swelling
 * sources** (soft-fronted shakers, maracas, a cabasa). Sources no detection set used: the OPL-3 FM soundfont
 * (OPL-3_FM_128M.sf2, program 0; GM 39 hand clap as the snare, 70 maracas as the hat), sf_GMbank.sf2's program 0
 * (GM 39 hand clap as the snare, 69 cabasa as the hat, 64 low conga as the tom; the csound sets used programs 8, 16,
 * 25), a mixed kit (sonic-pi bd_gas / bd_zome, lmms-common clap03 / clap04 — used by no set —, lmms shaker01 /
 * shaker02 as the hat — classification stems only —, sonic-pi elec_fuzz_tom — classification stems only), the
 * synthesized electronic kit of seed 113 (its snare is a clap: three to four noise bursts; electronic seed 73 was
 * the only synth electronic detection kit); seeds 111–114, tempi 88–146, one session at 48 kHz. Bleed of shapes no
 * set had: a low notch with a same-polarity late echo (notch 250 Hz, +1 echo at 2.5 ms −10 dB), a presence
 * resonance (+8 dB at 2.5 kHz, q 3) under a 5 kHz low-pass, a high-passed room (300 Hz, 60 ms at −16 dB), two
 * all-passes at 200 and 1200 Hz with a −6 dB dip at 3 kHz.
 */
export const HELD_OUT_11: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'OPL3-clap-maracas',
      source: 'sf2',
      soundfont: { file: '/usr/share/sounds/sf2/OPL-3_FM_128M.sf2' },
      program: 0,
      keys: { snare: 39, hat: 70 },
      patterns: [],
    },
    rate: 44100,
    seed: 111,
    bpm: 118,
    bars: 8,
    fillHits: 6,
    swing: 0.08,
    jitterSeconds: 0.004,
    bleedTransfer: { biquads: [{ kind: 'notch', hz: 250, q: 1 }], echoMs: 2.5, echoDb: -10, echoSign: 1 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'csound-clap-cabasa',
      source: 'sf2',
      soundfont: { file: CSOUND_SF2 },
      program: 0,
      keys: { snare: 39, hat: 69, tom: 64 },
      patterns: [],
    },
    rate: 44100,
    seed: 112,
    bpm: 96,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    jitterSeconds: 0.005,
    bleedTransfer: { lowpassHz: 5000, biquads: [{ kind: 'peak', hz: 2500, q: 3, db: 8 }] },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'mixed-clap-shaker',
      source: 'mixed',
      pieces: {
        kick: ['sonic-pi:bd_gas', 'sonic-pi:bd_zome'],
        snare: ['lmms:clap03', 'lmms:clap04'],
        hat: ['lmms:shaker01', 'lmms:shaker02'],
        tom: ['sonic-pi:elec_fuzz_tom'],
      },
      patterns: [],
    },
    rate: 48000,
    seed: 113,
    bpm: 146,
    bars: 8,
    fillHits: 8,
    swing: 0.1,
    bleedDb: [-10, -18],
    bleedTransfer: { highpassHz: 300, roomMs: 60, roomDb: -16 },
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'synth-electronic-113', source: 'synth', synth: { kind: 'electronic', seed: 113 }, patterns: [] },
    rate: 44100,
    seed: 114,
    bpm: 88,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 6,
    jitterSeconds: 0.003,
    bleedMs: [0.5, 2.8],
    bleedTransfer: {
      biquads: [
        { kind: 'allpass', hz: 200, q: 0.9 },
        { kind: 'allpass', hz: 1200, q: 0.9 },
        { kind: 'peak', hz: 3000, q: 1.2, db: -6 },
      ],
    },
  },
];

/**
 * The twelfth held-out set (2026-12-03, h-dxdet14), written down and committed before shub ran on it, after
 * HELD_OUT_11 was run and looked at (every earlier set is tuning material now). Kit sources no detection set used: a
 * sound-chip kit (fixtures/chipkit.ts, kit seed 121: classification stems only, seeds 161–166), a West Coast kit
 * (fixtures/lpgkit.ts, kit seed 122: classification stems only, seeds 181–), a mixed kit of one-shots no detection
 * set played (sonic-pi bd_pure / elec_hollow_kick, lmms snare_muffled02 / sonic-pi elec_snare, lmms hihat_closed01 /
 * hihat_closed03, lmms tom01 / sonic-pi drum_tom_hi_hard), FluidR3_GM.sf2's Electronic kit (program 24: no set used
 * the program of that file); seeds 121–124, tempi 92–138, one session at 48 kHz. Grooves no set had: eighth-note
 * triplet hats (`hatsPerBar` 12, new) and sixteenth-note tom fills (`fillStep` 0.25, new). Bleed paths no set had:
 * every leak phase-inverted (`bleedTransfer.invert`, new), a comb-filtered two-path leak (a second path of the
 * leak's own polarity 1.5 dB under it, 0.6 ms later: notches every 1.7 kHz), the room mic heard by every close mic
 * (`roomInCloseDb`, new: each drum, the mic's own included, again 12 ms later through the room), and an inverted
 * leak with a near-equal short second path (0.35 ms, −3 dB) under the room.
 */
export const HELD_OUT_12: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: { name: 'chip-121', source: 'chip', chip: 121, patterns: [] },
    rate: 44100,
    seed: 121,
    bpm: 106,
    bars: 8,
    hatsPerBar: 12,
    fillHits: 6,
    jitterSeconds: 0.004,
    bleedTransfer: { invert: true },
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'lpg-122', source: 'lpg', lpg: 122, patterns: [] },
    rate: 44100,
    seed: 122,
    bpm: 124,
    bars: 8,
    hatsPerBar: 16,
    fillHits: 8,
    fillStep: 0.25,
    swing: 0.1,
    bleedDb: [-9, -20],
    bleedTransfer: { echoMs: 0.6, echoDb: -1.5, echoSign: 1 },
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'mixed-hollow-muffled',
      source: 'mixed',
      pieces: {
        kick: ['sonic-pi:bd_pure', 'sonic-pi:elec_hollow_kick'],
        snare: ['lmms:snare_muffled02', 'sonic-pi:elec_snare'],
        hat: ['lmms:hihat_closed01', 'lmms:hihat_closed03'],
        tom: ['lmms:tom01', 'sonic-pi:drum_tom_hi_hard'],
      },
      patterns: [],
    },
    rate: 48000,
    seed: 123,
    bpm: 92,
    bars: 8,
    hatsPerBar: 12,
    kickDoubles: true,
    fillHits: 8,
    fillStep: 0.25,
    jitterSeconds: 0.005,
    roomInCloseDb: -12,
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'FluidR3_GM-Electronic',
      source: 'sf2',
      soundfont: { file: '/usr/share/sounds/sf2/FluidR3_GM.sf2' },
      debian: 'fluid-soundfont-gm',
      program: 24,
      patterns: [],
    },
    rate: 44100,
    seed: 124,
    bpm: 138,
    bars: 8,
    fillHits: 6,
    swing: 0.06,
    jitterSeconds: 0.006,
    bleedMs: [0.4, 2.4],
    roomInCloseDb: -18,
    bleedTransfer: { invert: true, echoMs: 0.35, echoDb: -3, echoSign: 1 },
  },
];

/**
 * Tuning sessions with two close mics on one drum (h-dxdup15; `SessionSpec.pairs`): identical copies (bench/drums-
 * speed.ts's session) and studio pairs — a kick out later, darker, with more room; a snare bottom inverted, thinner,
 * a little delayed — on kits earlier sets played (FluidR3Mono, TimGM6mb, MuseScore General, a Hydrogen kit).
 */
export const PAIRS: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    seed: 1,
    bpm: 120,
    bars: 8,
    pairs: [
      { piece: 'kick', name: 'sub' },
      { piece: 'snare', name: 'bottom' },
    ],
  },
  {
    ...TUNING[1]!,
    pairs: [
      { piece: 'kick', name: 'out', delayMs: 1, lowpassHz: 2000, gainDb: -2, roomDb: -14 },
      { piece: 'snare', name: 'bottom', delayMs: 0.3, invert: true, highpassHz: 400, gainDb: 1 },
    ],
  },
  {
    ...HELD_OUT[0]!,
    pairs: [
      { piece: 'kick', name: 'out', delayMs: 2, lowpassHz: 1200, gainDb: 3, roomDb: -10 },
      { piece: 'snare', name: 'bottom', delayMs: 0.5, invert: true, highpassHz: 800, gainDb: -3 },
    ],
  },
  {
    ...HELD_OUT[2]!,
    pairs: [
      { piece: 'kick', name: 'out', delayMs: 0.6, gainDb: -3 },
      { piece: 'snare', name: 'bottom', invert: true },
      { piece: 'tom', name: 'bottom', delayMs: 0.4, invert: true, lowpassHz: 3000 },
    ],
  },
  {
    ...HELD_OUT_2[0]!,
    pairs: [
      { piece: 'kick', name: 'out', delayMs: 1.5, lowpassHz: 900, gainDb: 0, roomDb: -12 },
      { piece: 'snare', name: 'bottom', delayMs: 0.2, invert: true, highpassHz: 600, gainDb: 2 },
    ],
  },
];

/**
 * The thirteenth held-out set (h-dxdup15), written down before shub ran on it: two close mics on one drum, made
 * differently from PAIRS — kits no pair set played (a modal kit, a waveguide kit, FluidR3_GM.sf2's Jazz kit, a
 * sound-chip kit), seeds 131–134, grooves PAIRS had not (sixteenth hats with kick doubles, triplet hats with a
 * sixteenth fill, a long fill), and other pair relations: a kick in brighter than its out mic (the out mic first: the
 * second-listed mic leads), a tom top/bottom pair, two hat mics, a snare bottom darker and louder, delays 0.3–2 ms,
 * levels −3…+3 dB.
 */
export const HELD_OUT_13: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: { name: 'modal-131', source: 'modal', modal: 131, patterns: [] },
    rate: 44100,
    seed: 131,
    bpm: 116,
    bars: 8,
    hatsPerBar: 16,
    kickDoubles: true,
    pairs: [
      { piece: 'kick', name: 'in', highpassHz: 120, gainDb: 2.5 },
      { piece: 'snare', name: 'bottom', delayMs: 0.7, invert: true, highpassHz: 250, gainDb: -1.5, roomDb: -20 },
    ],
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'waveguide-132', source: 'waveguide', waveguide: 132, patterns: [] },
    rate: 44100,
    seed: 132,
    bpm: 94,
    bars: 8,
    hatsPerBar: 12,
    fillHits: 8,
    fillStep: 0.25,
    jitterSeconds: 0.004,
    pairs: [
      { piece: 'tom', name: 'bottom', delayMs: 0.4, invert: true, lowpassHz: 2500, gainDb: -2 },
      { piece: 'kick', name: 'out', delayMs: 1.8, lowpassHz: 1800, gainDb: 1, roomDb: -15 },
    ],
  },
  {
    font: 'FluidR3Mono',
    kit: {
      name: 'FluidR3_GM-Jazz',
      source: 'sf2',
      soundfont: { file: '/usr/share/sounds/sf2/FluidR3_GM.sf2' },
      debian: 'fluid-soundfont-gm',
      program: 32,
      patterns: [],
    },
    rate: 44100,
    seed: 133,
    bpm: 142,
    bars: 8,
    swing: 0.18,
    fillHits: 6,
    pairs: [
      { piece: 'hihat', name: 'top', delayMs: 0.3, gainDb: -3, lowpassHz: 9000 },
      { piece: 'snare', name: 'bottom', delayMs: 1.2, invert: true, lowpassHz: 4000, gainDb: 3 },
    ],
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'chip-134', source: 'chip', chip: 134, patterns: [] },
    rate: 44100,
    seed: 134,
    bpm: 100,
    bars: 8,
    fillHits: 8,
    jitterSeconds: 0.007,
    bleedDb: [-10, -22],
    pairs: [
      { piece: 'kick', name: 'out', delayMs: 1, lowpassHz: 3000, gainDb: -1, roomDb: -12 },
      { piece: 'snare', name: 'bottom', delayMs: 0.5, invert: true, highpassHz: 500, gainDb: 0 },
      { piece: 'tom', name: 'copy' },
    ],
  },
];

/**
 * The fourteenth held-out set (h-dxdet17; spec committed before shub ran on it): npm material only — kits of the npm
 * soundfonts no detection set played (MuseScore General's Power kit, program 16; TimGM6mb's TR-808, program 25;
 * FluidR3Mono's Room kit, program 8) and a resonator-bank kit (fixtures/resokit.ts, seed 144; no detection set had
 * one); the room heard by every close mic at delays no set had (21, 8.5, 25 and 15 ms; `roomDelayMs`) and levels
 * (−9, −15, −18, −12 dB); second mics whose EQ moves their level by more than 4 dB (a hat top 6 dB down through a
 * 6 kHz low-pass, a kick sub 6 dB up through a 300 Hz low-pass, a snare bottom 5 dB down through a 700 Hz
 * high-pass, inverted); controls that a room path must leave alone: snare flams (grace notes 24 and 30 ms before
 * the backbeat, `flamMs`), fast snare rolls (strokes an eighth and a twelfth of a beat apart, 57 ms each,
 * `rollStep`) and a
 * 32nd-note tom roll (`fillStep` 0.125); seeds 141–144, 88–150 BPM.
 */
export const HELD_OUT_14: SessionSpec[] = [
  {
    font: 'FluidR3Mono',
    kit: { name: 'npm-MuseScore-Power', source: 'npm', soundfont: 'MuseScoreGeneral', program: 16, patterns: [] },
    rate: 48000,
    seed: 141,
    bpm: 104,
    bars: 8,
    hatsPerBar: 16,
    bleedDb: [-10, -20],
    roomInCloseDb: -9,
    roomDelayMs: 21,
    flamMs: 24,
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'npm-TimGM6mb-808', source: 'npm', soundfont: 'TimGM6mb', program: 25, patterns: [] },
    rate: 44100,
    seed: 142,
    bpm: 132,
    bars: 8,
    fillHits: 8,
    fillStep: 0.25,
    roomInCloseDb: -15,
    roomDelayMs: 8.5,
    rollStep: 1 / 8,
    pairs: [{ piece: 'hihat', name: 'top', delayMs: 0.2, lowpassHz: 6000, gainDb: -6 }],
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'npm-FluidR3Mono-Room', source: 'npm', soundfont: 'FluidR3Mono', program: 8, patterns: [] },
    rate: 48000,
    seed: 143,
    bpm: 88,
    bars: 8,
    swing: 0.12,
    bleedDb: [-12, -26],
    roomInCloseDb: -18,
    roomDelayMs: 25,
    flamMs: 30,
    rollStep: 1 / 12,
    pairs: [{ piece: 'kick', name: 'sub', delayMs: 0.8, lowpassHz: 300, gainDb: 6 }],
  },
  {
    font: 'FluidR3Mono',
    kit: { name: 'reso-144', source: 'reso', reso: 144, patterns: [] },
    rate: 44100,
    seed: 144,
    bpm: 150,
    bars: 8,
    hatsPerBar: 12,
    fillHits: 8,
    fillStep: 0.125,
    jitterSeconds: 0.003,
    roomInCloseDb: -12,
    roomDelayMs: 15,
    pairs: [{ piece: 'snare', name: 'bottom', delayMs: 0.6, invert: true, highpassHz: 700, gainDb: -5 }],
  },
];

const VERBOSE = process.argv.includes('--verbose');
// --param name=value (repeatable, h-dx67): a declared drums parameter for this run (`--param model=56`: the engine on
// gbm56's preset); only when run, not when imported
if (import.meta.url === `file://${process.argv[1]}`) setDrumParamFlags(process.argv.slice(2));
const NO_AUBIO = process.argv.includes('--no-aubio');
const ONLY_SESSION = process.argv.includes('--session') ? process.argv[process.argv.indexOf('--session') + 1]! : null;

/** Detection through the command's own path (src/engines/drums/session.ts), every mic of the session in. */
const sessions = new Map<SessionSpec, ReturnType<typeof drumSession>>();

export function evaluateSession(spec: SessionSpec): MicScore[] {
  const s = sessions.get(spec) ?? drumSession(spec);
  sessions.set(spec, s);
  const det = new DrumSessionDetector(
    s.rate,
    s.mics.map((m) => m.instrument),
  );
  for (let i = 0; i < s.frames; i += 8192) det.push(s.mics.map((m) => m.samples.subarray(i, i + 8192)));
  const found = det.finish();
  const close = s.mics.filter((m) => m.instrument !== 'overheads' && m.instrument !== 'room');
  return close.map((m, t) => {
    const hits = found[t]!.hits;
    if (VERBOSE) {
      const truthAll = s.hits.map((h) => ({ ...h, t: h.onset / s.rate }));
      const near = (t0: number) =>
        truthAll
          .filter((h) => Math.abs(h.t - t0) <= 0.03)
          .map((h) => `${h.piece}@${((h.t - t0) * 1000).toFixed(1)}ms/v${h.velocity}`)
          .join(' ');
      for (const h of truthAll.filter((x) => x.piece === m.instrument))
        if (!hits.some((d) => Math.abs(d.timeSeconds - h.t) <= 0.02)) {
          const rej = found[t]!.bleed.find((b) => Math.abs(b.timeSeconds - h.t) <= 0.02);
          console.log(
            `  ${spec.font}/${spec.seed} ${m.instrument}: MISS ${h.t.toFixed(3)} v${h.velocity} [${near(h.t)}]` +
              (rej ? ` rejected as bleed of ${s.mics[rej.source]!.instrument} (${JSON.stringify(rej)})` : ''),
          );
        }
      for (const d of hits)
        if (!truthAll.some((x) => x.piece === m.instrument && Math.abs(d.timeSeconds - x.t) <= 0.02))
          console.log(
            `  ${spec.font}/${spec.seed} ${m.instrument}: EXTRA ${d.timeSeconds.toFixed(3)} peak ${d.peakDb} dB ` +
              `rise conf ${d.confidence} [${near(d.timeSeconds)}]`,
          );
    }
    const truth = s.hits.filter((h) => h.piece === m.instrument);
    const match = matchEvents(
      hits.map((h) => h.timeSeconds),
      truth.map((h) => h.onset / s.rate),
      0.02,
    );
    // bleed reported: detections further than 20 ms from every true hit of this mic
    const truthT = truth.map((h) => h.onset / s.rate);
    const extra = hits.filter((h) => !truthT.some((t0) => Math.abs(t0 - h.timeSeconds) <= 0.02)).length;
    const pairs: [number, number][] = [];
    for (const h of hits) {
      const j = truthT.findIndex((t0) => Math.abs(t0 - h.timeSeconds) <= 0.02);
      if (j >= 0) pairs.push([h.velocity, truth[j]!.velocity]);
    }
    const offsets = match.offsets;
    const aubio = NO_AUBIO ? null : aubioOnsets(m.samples, s.rate);
    const aubioMatch = aubio ? matchEvents(aubio, truthT, 0.02) : null;
    return {
      session: `${spec.kit?.name ?? spec.font}/${spec.seed}`,
      mic: m.instrument as KitPiece,
      name: m.name,
      f: fMeasure(match),
      aubioF: aubioMatch ? fMeasure(aubioMatch) : NaN,
      aubioBleed: aubio ? aubio.filter((t) => !truthT.some((t0) => Math.abs(t0 - t) <= 0.02)).length : NaN,
      meanOffsetMs: offsets.length ? (1000 * offsets.reduce((a, b) => a + b, 0)) / offsets.length : NaN,
      truth: truth.length,
      bleedReported: extra,
      missed: match.fn,
      rho:
        pairs.length > 2
          ? spearman(
              pairs.map((p) => p[0]),
              pairs.map((p) => p[1]),
            )
          : NaN,
    };
  });
}

/** Every detection set before held-out 20, by its `--set` name (held-out 19 last). */
export const DETECTION_SETS = new Map<string, SessionSpec[]>([
  ['tuning', TUNING],
  ['held-out', HELD_OUT],
  ['held-out-2', HELD_OUT_2],
  ['held-out-3', HELD_OUT_3],
  ['held-out-4', HELD_OUT_4],
  ['held-out-5', HELD_OUT_5],
  ['held-out-6', HELD_OUT_6],
  ['held-out-7', HELD_OUT_7],
  ['held-out-8', HELD_OUT_8],
  ['held-out-9', HELD_OUT_9],
  ['held-out-10', HELD_OUT_10],
  ['held-out-11', HELD_OUT_11],
  ['held-out-12', HELD_OUT_12],
  ['pairs', PAIRS],
  ['held-out-13', HELD_OUT_13],
  ['held-out-14', HELD_OUT_14],
  ['held-out-15', HELD_OUT_15],
  ['held-out-16', HELD_OUT_16],
  ['held-out-17', HELD_OUT_17],
  ['held-out-18', HELD_OUT_18],
  ['held-out-19', HELD_OUT_19],
]);

/** The Hydrogen one-shot files a session plays (its groove's hits through its kit's layer choice). */
export function playedFiles(spec: SessionSpec): string[] {
  const kit = spec.kit;
  if (!kit || (kit.source !== 'hydrogen' && kit.source !== 'composite')) return [];
  const piece = { kick: 'kick', snare: 'snare', hihat: 'hat', tom: 'tom' } as const;
  return sessionGroove(spec).flatMap((h) => {
    const f =
      h.pedal && spec.pedalHat
        ? hydrogenLayerFile(spec.pedalHat, 'hat', h.velocity / 127)
        : hydrogenLayerFile(kit, h.open ? 'openHat' : piece[h.piece], h.velocity / 127);
    return f ? [f] : [];
  });
}

if (import.meta.url === `file://${process.argv[1]}` && !process.argv.includes('--classify')) {
  const only = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : null;
  const order = [...DETECTION_SETS, ['held-out-20', HELD_OUT_20] as const];
  for (const [index, [name, set]] of order.entries()) {
    if (only ? only !== name : name !== 'tuning' && name !== 'held-out') continue;
    console.log(`${name}:`);
    if (['held-out-16', 'held-out-17', 'held-out-18', 'held-out-19', 'held-out-20'].includes(name)) {
      // its one-shot files (Hydrogen layers) must be ones no earlier detection set played (held-out 15–19 included);
      // from held-out 19 on by content too (GMRockKit and The Black Pearl share many files under other names)
      const earlierFiles = [
        ...new Set(
          order
            .slice(0, index)
            .flatMap(([, s]) => s)
            .flatMap((spec) => playedFiles(spec)),
        ),
      ];
      const byContent = name === 'held-out-19' || name === 'held-out-20';
      const digest = (f: string) => createHash('md5').update(readFileSync(f)).digest('hex');
      const earlier = new Set(byContent ? earlierFiles.map(digest) : earlierFiles);
      const shared = [...new Set(set.flatMap((spec) => playedFiles(spec)))].filter((f) =>
        earlier.has(byContent ? digest(f) : f),
      );
      console.log(
        `  one-shot files shared with earlier detection sets${byContent ? ' (by path or content)' : ''}: ` +
          `${shared.length} ${shared.join(' ')}`,
      );
      if (shared.length) process.exit(1);
    }
    // sessions whose kit is not on this machine are named and left out (the summary counts the rest only)
    const runnable = set.filter((spec) => {
      const player = spec.kit ? kitPlayer(spec.kit) : null;
      if (typeof player === 'string') console.log(`  skipped ${spec.kit!.name}/${spec.seed}: missing ${player}`);
      return (
        typeof player !== 'string' &&
        (!ONLY_SESSION || `${spec.kit?.name ?? spec.font}/${spec.seed}`.includes(ONLY_SESSION))
      );
    });
    const rows = runnable.flatMap(evaluateSession);
    console.log(
      '| session | mic | hits | F | mean offset ms | bleed reported | missed | velocity ρ | aubio F | aubio extra |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows)
      console.log(
        `| ${r.session} | ${r.name === `${r.mic} close` ? r.mic : r.name} | ${r.truth} | ${r.f.toFixed(4)} | ` +
          `${r.meanOffsetMs.toFixed(3)} | ` +
          `${r.bleedReported} | ${r.missed} | ${r.rho.toFixed(3)} | ${r.aubioF.toFixed(4)} | ${r.aubioBleed} |`,
      );
    const hits = rows.reduce((s, r) => s + r.truth, 0);
    const bleed = rows.reduce((s, r) => s + r.bleedReported, 0);
    console.log(
      `${name} summary: F ≥ 0.99 ${rows.filter((r) => r.f >= 0.99).length} of ${rows.length}, bleed ${bleed} of ` +
        `${hits} (${((100 * bleed) / hits).toFixed(1)} %), missed ${rows.reduce((s, r) => s + r.missed, 0)}, ` +
        `mean F ${(rows.reduce((s, r) => s + r.f, 0) / rows.length).toFixed(4)}, |offset| ≤ 0.5 ms ` +
        `${rows.filter((r) => Math.abs(r.meanOffsetMs) <= 0.5).length}, ` +
        `ρ ≥ 0.9 ${rows.filter((r) => r.rho >= 0.9).length}`,
    );
  }
}

/** Classification families of the acceptance (ride and crash are both cymbals). */
export const family = (c: string): string => (c === 'ride' || c === 'crash' ? 'cymbal' : c);

export interface ClassScore {
  session: string;
  truthInstants: number;
  /** (instant, family) pairs: the pieces to find, a kick and a hat struck together counting twice. */
  truthPieces: number;
  detected: number;
  matched: number;
  right: number;
  /** Instants with at least one detection. */
  instantsFound: number;
  /** Detections of a stem further than 20 ms from every hit, or beyond the pieces of their instant. */
  extra: number;
  /** [true families][found family] counts; a right detection is filed under its own family. */
  confusion: Record<string, Record<string, number>>;
  /**
   * (instant, family) pairs no detection of that family claimed (h-dxcls27), with the instant's families and what
   * was matched to it (nothing: no detection took the instant), for bench/drums-classdev-unmatched.ts.
   */
  unclaimed: { t: number; family: string; families: string[]; matchedAs: string[] }[];
}

export interface StemTruth {
  rate: number;
  samples: Float32Array;
  hits: { piece: string; onset: number }[];
}

/**
 * Classification on a whole-kit stem. Truth instants: true hits within 5 ms of each other (pieces struck
 * together), each with its set of families. Each detection goes to an instant within 20 ms: one where its
 * family is struck and not yet claimed by another detection if there is one (it is then right), else the
 * nearest instant with no detection yet (it is then wrong), else it is extra. So a kick+hat instant may
 * take two detections, a kick and a hat, both right; two kicks there are one right and one extra.
 */
export function scoreStem(name: string, s: StemTruth, hits: { timeSeconds: number; instrument: string }[]): ClassScore {
  const instants: { t: number; families: Set<string>; claimed: Set<string>; taken: boolean; as: string[] }[] = [];
  for (const h of s.hits) {
    const t = h.onset / s.rate;
    const last = instants[instants.length - 1];
    if (last && t - last.t < 0.005) last.families.add(family(h.piece));
    else instants.push({ t, families: new Set([family(h.piece)]), claimed: new Set(), taken: false, as: [] });
  }
  let matched = 0;
  let right = 0;
  let extra = 0;
  const confusion: ClassScore['confusion'] = {};
  const sorted = [...hits].sort((a, b) => a.timeSeconds - b.timeSeconds);
  for (const h of sorted) {
    const got = family(h.instrument);
    const near = instants
      .filter((i) => Math.abs(i.t - h.timeSeconds) <= 0.02)
      .sort((a, b) => Math.abs(a.t - h.timeSeconds) - Math.abs(b.t - h.timeSeconds));
    const inst = near.find((i) => i.families.has(got) && !i.claimed.has(got)) ?? near.find((i) => !i.taken);
    if (!inst) {
      extra++;
      continue;
    }
    matched++;
    inst.taken = true;
    inst.as.push(got);
    const ok = inst.families.has(got) && !inst.claimed.has(got);
    if (ok) {
      right++;
      inst.claimed.add(got);
    }
    const key = ok ? got : [...inst.families].sort().join('+');
    confusion[key] ??= {};
    confusion[key][got] = (confusion[key][got] ?? 0) + 1;
  }
  return {
    session: name,
    truthInstants: instants.length,
    truthPieces: instants.reduce((n, i) => n + i.families.size, 0),
    detected: hits.length,
    matched,
    right,
    instantsFound: instants.filter((i) => i.taken).length,
    extra,
    confusion,
    unclaimed: instants.flatMap((i) =>
      [...i.families]
        .filter((f) => !i.claimed.has(f))
        .map((f) => ({ t: i.t, family: f, families: [...i.families].sort(), matchedAs: i.as })),
    ),
  };
}

/** The hits `shub drums detect` finds on a `mix` track (the session detector, in 8192-frame blocks). */
export async function detectStem(
  samples: Float32Array,
  rate: number,
): Promise<{ timeSeconds: number; instrument: string }[]> {
  const { DrumSessionDetector } = await import('../src/engines/drums/session.js');
  const det = new DrumSessionDetector(rate, ['mix']);
  for (let i = 0; i < samples.length; i += 8192) det.push([samples.subarray(i, i + 8192)]);
  return det.finish()[0]!.hits;
}

export async function evaluateStem(spec: SessionSpec): Promise<ClassScore> {
  const { drumStem } = await import('../fixtures/drumkit.js');
  const s = drumStem(spec);
  return scoreStem(`${spec.font}/${spec.seed}`, s, await detectStem(s.samples, s.rate));
}

export const formatClassScore = (r: ClassScore): string =>
  `  ${r.session.padEnd(22)} instants ${r.instantsFound}/${r.truthInstants}  pieces ${r.right}/${r.truthPieces}  ` +
  `detected ${r.detected}  matched ${r.matched}  right ${(r.right / r.matched).toFixed(3)}  extra ${r.extra}  ` +
  JSON.stringify(r.confusion);

/** Family of a fixtures/drumtruth.ts piece (open and closed hats are hats; its ride is a cymbal). */
const truthFamily: Record<string, string> = {
  kick: 'kick',
  snare: 'snare',
  hat: 'hihat',
  openHat: 'hihat',
  ride: 'ride',
  tom: 'tom',
};

/**
 * The pattern stems of fixtures/drumtruth.ts (other kits: Hydrogen, sonic-pi, avldrums, other soundfont kits;
 * open hats, flams, ghost notes, brushes, room) scored like the stems above. Kits whose pieces are hand
 * percussion (cajon, djembe) have no drum-kit classes and are left out.
 */
export async function evaluateKitStems(
  tuning: boolean,
  set?: 'class-tuning' | 'held-out-2' | 'held-out-3' | 'held-out-4' | 'held-out-5' | 'held-out-6',
): Promise<{ scores: ClassScore[]; missing: string[] }> {
  const { heldOutDrumSet } = await import('../fixtures/drumtruth.js');
  const { decodeMono } = await import('../fixtures/groundtruth.js');
  const dir = path.join('bench', 'out', 'drums-classify');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  const percussion = new Set(['GimmeAHand', 'circAfrique']);
  const { files, missing } = heldOutDrumSet(dir, {
    tuning,
    ...(set ? { set } : {}),
    filter: (s) => !percussion.has(s.kit.name),
  });
  const scores: ClassScore[] = [];
  for (const f of files) {
    const rate = 44100;
    const samples = Float32Array.from(decodeMono(f.file, rate));
    const truth = {
      rate,
      samples,
      hits: f.hits.map((h) => ({ piece: truthFamily[h.piece]!, onset: Math.round(h.timeSeconds * rate) })),
    };
    scores.push(scoreStem(f.name, truth, await detectStem(samples, rate)));
  }
  return { scores, missing };
}

/** Right / matched over several stems, and the summed confusion. */
export function pooled(scores: ClassScore[]): { right: number; matched: number; confusion: ClassScore['confusion'] } {
  const confusion: ClassScore['confusion'] = {};
  for (const r of scores)
    for (const [k, row] of Object.entries(r.confusion))
      for (const [g, n] of Object.entries(row)) {
        confusion[k] ??= {};
        confusion[k][g] = (confusion[k][g] ?? 0) + n;
      }
  return {
    right: scores.reduce((n, r) => n + r.right, 0),
    matched: scores.reduce((n, r) => n + r.matched, 0),
    confusion,
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--classify')) {
  for (const [name, set] of [
    ['tuning', TUNING],
    ['held-out', HELD_OUT],
  ] as const) {
    console.log(`classification, ${name}:`);
    for (const spec of set) console.log(formatClassScore(await evaluateStem(spec)));
  }
  if (process.argv.includes('--sweep')) {
    // robustness: each stem parameter ±10 % with the others at their defaults, held-out stems pooled
    const { STEM_PARAMETERS, STEM_CLASS_PARAMETERS } = await import('../src/engines/drums/params.js');
    const heldOut = async () => {
      const scores = [];
      for (const spec of HELD_OUT) scores.push(await evaluateStem(spec));
      const all = pooled(scores);
      return { pooled: all.right / all.matched, worst: Math.min(...scores.map((r) => r.right / r.matched)) };
    };
    const base = await heldOut();
    console.log(
      `sweep (held-out stems pooled, worst session): base ${base.pooled.toFixed(3)}, ${base.worst.toFixed(3)}`,
    );
    console.log('| parameter | value | −10 % | +10 % | largest move |');
    console.log('|---|---|---|---|---|');
    for (const group of [STEM_PARAMETERS, STEM_CLASS_PARAMETERS] as Record<string, { value: number; unit: string }>[])
      for (const [name, spec] of Object.entries(group)) {
        const v = spec.value;
        const got: { pooled: number; worst: number }[] = [];
        for (const k of [0.9, 1.1]) {
          spec.value = v * k;
          got.push(await heldOut());
        }
        spec.value = v;
        const move = Math.max(...got.map((g) => Math.abs(g.pooled - base.pooled)));
        console.log(
          `| ${name} | ${v} ${spec.unit} | ${got[0]!.pooled.toFixed(3)} | ${got[1]!.pooled.toFixed(3)} | ` +
            `${move.toFixed(3)}${move > 0.03 ? ' **not robust**' : ''} |`,
        );
      }
  }
  // --kits: the tuning kits, the classification tuning kits and the (old) held-out kits; --held-out-2: the second
  // held-out set (HELD_OUT_KITS_2) alone
  // --held-out-3: the third (HELD_OUT_KITS_3) alone; --old-sets: every set before it (tuning from h-dxcls4 on)
  // --held-out-4: the fourth (HELD_OUT_KITS_4, h-dxcls5) alone
  // --held-out-5: the fifth (HELD_OUT_KITS_5, h-dxcls6) alone; --held-out-6: the sixth (HELD_OUT_KITS_6, h-dxcls7)
  type KitSet = 'class-tuning' | 'held-out-2' | 'held-out-3' | 'held-out-4' | 'held-out-5' | 'held-out-6';
  const sets: [string, boolean, KitSet?][] = process.argv.includes('--held-out-6')
    ? [['held-out kits 6 (HELD_OUT_KITS_6)', false, 'held-out-6']]
    : process.argv.includes('--held-out-5')
      ? [['held-out kits 5 (HELD_OUT_KITS_5)', false, 'held-out-5']]
      : process.argv.includes('--held-out-4')
        ? [['held-out kits 4 (HELD_OUT_KITS_4)', false, 'held-out-4']]
        : process.argv.includes('--held-out-3')
          ? [['held-out kits 3 (HELD_OUT_KITS_3)', false, 'held-out-3']]
          : process.argv.includes('--held-out-2')
            ? [['held-out kits 2 (HELD_OUT_KITS_2)', false, 'held-out-2']]
            : process.argv.includes('--kits')
              ? [
                  ['tuning kits', true],
                  ['classification tuning kits (CLASS_TUNING_KITS)', false, 'class-tuning'],
                  ['held-out kits', false],
                ]
              : [];
  for (const [label, tuning, set] of sets) {
    const { scores, missing } = await evaluateKitStems(tuning, set);
    console.log(`classification, fixtures/drumtruth.ts ${label}:`);
    for (const r of scores) console.log(formatClassScore(r));
    const all = pooled(scores);
    console.log(
      `  pooled: right ${(all.right / all.matched).toFixed(3)} of ${all.matched} ${JSON.stringify(all.confusion)}`,
    );
    for (const m of missing) console.log(`  missing: ${m}`);
  }
}
