/**
 * Analytic whole-kit stems as training rows for the drum-class model (issue 13, h-dxgbm56): clean synthetic strokes
 * like those the rule tests build (test/engines/drums*.test.ts), drawn on seeds and parameter ranges of their own, so
 * the model has seen such hits. Each kit draws its pieces once: a kick falling exponentially in pitch (sometimes a
 * phase-distortion kick, sometimes with a beater click), a snare of a damped tone and noise (sometimes brushed: a
 * slow swell of noise), toms of one or two damped modes gliding a little (some pitched where snares sit), closed and
 * open hats of differentiated noise or of detuned square partials (some through high resonators), a ride of many
 * inharmonic partials with a stick click (sometimes its bell), a crash of noise and partials. Players: a groove, a tom
 * fill, a 16th kick run, hats or ride over kick and snare, a soft snare roll; gains drawn per stroke; a quarter of the
 * stems through a Schroeder reverb (fixtures/tempogen.ts). Each stem runs through StemAnalyzer and is written as
 * `drums-classdev.js --stems` writes a stem (truth: where each stroke was placed), for drums-learn.js `--always=`.
 * `--near-toms` (h-dx62): every kit's toms tuned 1.0–1.6 times its kick's resting pitch (drawn 45–90 Hz), one to three
 * toms each drawn in that range, and one of the three players a tom fill or tom run: toms beside their kick, as the
 * analytic tom test (test/engines/drums-model.test.ts) and the sets' kick–tom pairs have them.
 * `--kick-toms` (h-dx69): as --near-toms, but the kick falls from 120–320 Hz to a rest of 40–70 Hz, the toms sit
 * 1.2–3.2 times that rest (over the kick's fall, where its measured body pitch lies), glide at most 3 %, and are
 * struck 0.6–1.6 times as hard as a tom of the other modes (as loud as the kick or louder, or softer): toms beside
 * their kick whose level does not tell them from it. Its own draws (the other modes' stems unchanged).
 * `--kickless` (h-dx83): as --kick-toms, but the kit has no kick: where the kick was struck a floor tom plays (a drum
 * head's four modes holding their pitch — fundamental 60–120 Hz, ringing 0.15–0.5 s — and a 2 ms stick click, as
 * the kickless tests' analytic floor tom), its truth a tom; the other toms 1.2–3.2 times its pitch. Taiko, surdo or
 * tom-tom grooves with no bass drum, read as toms.
 * `--held-kicks` (h-dx84): as --kickless, but the drum head where the kick was is a bass drum held low — fundamental
 * 44–60 Hz (under about 55 Hz the 46 ms window reads its partial rising, above it not), ringing 0.15–0.5 s, a 2 ms
 * beater click — its truth a kick; the toms 1.2–3.2 times its pitch. Held, ringing kicks (53's GMRockKit, 54t's and
 * 55t's held-kick stems) read as kicks.
 * `--floor=LO,HI` (h-dx86): with --kickless, the floor tom's fundamental drawn log-uniform in LO … HI Hz (60 … 120
 * unless given; h-dx86's synth86k 90 … 130: the kickless test's 100 Hz kit and toms pitched where kicks' bodies sit).
 * `--toda-kicks` (h-dx86): as --held-kicks (44–60 Hz, truth kick, toms 1.2–3.2 times its pitch), but the held kick has
 * the recorded held kicks' cues (55t's Toda kits, measured after h-dx84's judge): no membrane second mode — a
 * fundamental with even harmonics (2nd 0.2–0.6, 4th 0.05–0.2, 3rd 0–0.08 of it) as a lopsided well makes them — a
 * little beater click (0–0.03), ringing 0.2–0.6 s, its pitch drifting −1 … +1 semitone over 80 ms (a rise, a hold or
 * a fall), so some read a rise and some not (fixtures/stemtally.ts heldKickSample, the kickless test's held kick).
 * `--held=LO,HI` (h-dx89): with --held-kicks or --toda-kicks, the held kick's fundamental drawn log-uniform in LO … HI
 * Hz (44 … 60 unless given; h-dx89's synth89h 44 … 80, over the kickless floor toms' 60 … 130: only the cue tells).
 * `--restrike` (h-dx92): with --kickless, --held-kicks or --toda-kicks, the drum head struck where the kick was (the
 * held kick, the floor tom) is struck again over its own ring as fixtures/stemtally.ts's Restrike builds it (the ring
 * before falls away over RESTRIKE_MS, the new stroke rings alone) — not summed with it; every draw as without it.
 * `--held-doubles` (h-dx97): instead of the kits above, the kickless test's re-struck held kick as that test builds it
 * (fixtures/stemtally.ts kitStem with its Restrike at RESTRIKE_MS, kitStroke's snare and hats, a held kick of
 * heldKickSample at 0.6): four bars of its groove with a kick double at @12–@13 or @13–@14, 0.1–0.2 s apart (bpm
 * 75–150), the second stroke in the first's ring; per stem its own seed (the test's is 78), the held kick at 44–80 Hz
 * log-uniform but never within 0.6 Hz of the test's pitches (44, 48, 50, 52, 54.4, 55, 58, 60, 65, 70, 80), its
 * cues drawn around HELD_KICK's (2nd 0.2–0.6, 3rd 0–0.08, 4th 0.05–0.2, click 0–0.03, ring 0.3–0.6 s, held).
 * The training rows of the one case no other row holds: a held kick struck again 0.1–0.2 s into its own long ring.
 * With --kickless (h-dx97): the same grooves with a floor tom where the held kick was — a drum head's four modes
 * (MEMBRANE_MODES, as kitStroke's toms: the higher softer and shorter, a 2 ms stick click) at 60–130 Hz, never within
 * 1 Hz of the kickless tests' 70, 85 and 100 Hz, ringing 0.15–0.5 s — its truth a tom: the double's like.
 * `--pitch-doubles` (h-dx99): the same grooves, the drum where the kick was struck twice 0.1–0.2 s apart, in three
 * kinds by seed (seed mod 3), so that pitch, not the drum head's modes, tells a floor tom's double from a held kick's:
 * a floor tom at 80–110 Hz (truth tom) and a held bass drum at 44–62 Hz (truth kick) of one drum head — MEMBRANE_MODES
 * as kitStroke's, ringing 0.15–0.5 s, a 2 ms click of 0.1, struck again by Restrike or (every other seed) summed over
 * its ring as the old-form held-kick test — and a held kick built as --held-doubles' at 44–62 Hz (Restrike). Never
 * within 1 Hz of the kickless tests' floor toms (70, 85, 100 Hz) nor 0.6 Hz of their held kicks' (TEST_HELD_HZ); a
 * third of the stems a bar with toms above the drum (1.25–1.6, 1.7–2.1, 2.3–2.8 times its pitch).
 * `--reamped` (h-dx100): the default kits (their draws unchanged), every stroke re-amped through a speaker and a
 * microphone drawn per stem (fixtures/reampkit.ts reamp; a quarter of the stems dry), half the kits' snares brushed by
 * a brush drawn per stem (a raised-sine swell of 2–14 ms, a decay of 40–150 ms, lifted at 40–160 ms in half of them;
 * its noise white to differentiated, a little of the head's tone), and players with 32nd-note doubles (a piece
 * marked `~` struck again half a 16th later, softer): snares and brushes beside hats through a cabinet, as 63t's
 * re-amped and brush kits, and 62t's / 63t's 32nd doubles. Its own draws (mulberry32(seed·43 + 29)); set synth100r.
 * `--set=NAME`: the rows' set name (else the mode's: synth56, synth62, synth69, synth83, synth84, synth86k, synth86h).
 * Usage: node dist/bench/drums-synth-stems.js OUT.jsonl [STEMS=48] [SEED=56000] [--near-toms | --kick-toms |
 * --kickless [--floor=LO,HI] | --held-kicks | --toda-kicks [--held=LO,HI]] [--restrike] [--held-doubles]
 * [--pitch-doubles] [--reamped] [--set=NAME]
 */
import { writeFileSync } from 'node:fs';
import { StemAnalyzer } from '../src/engines/drums/stem.js';
import { mulberry32 } from '../src/engines/random.js';
import { reverb } from '../fixtures/tempogen.js';
import { reamp, type ReampOpts } from '../fixtures/reampkit.js';
import {
  MEMBRANE_MODES,
  RESTRIKE_MS,
  heldKickSample,
  kitStem,
  kitStroke,
  restrikeInto,
  synthStroke,
} from '../fixtures/stemtally.js';

const RATE = 44100;
type Piece = 'kick' | 'snare' | 'tom' | 'hat' | 'openHat' | 'ride' | 'crash';

/** --reamped (h-dx100): a brush on the snare — a raised-sine swell over `rise` s, a decay of `decay` s, lifted
 * (a 5 ms fall) at `lift` s (0: not lifted); its noise `white` white (the rest differentiated), `tone` of the head. */
interface Brush {
  rise: number;
  decay: number;
  lift: number;
  white: number;
  tone: number;
}
const brushEnv = (b: Brush, t: number) =>
  (t < b.rise ? 0.5 - 0.5 * Math.cos((Math.PI * t) / b.rise) : 1) *
  Math.exp(-t / b.decay) *
  (b.lift && t > b.lift ? Math.exp(-(t - b.lift) / 0.005) : 1);

/** A kit: per piece (toms: per drum) a stroke maker drawn once from the kit's seed. */
function kit(
  seed: number,
  nearToms = false,
  brush?: Brush,
): { make: (p: Piece | 'floor', tom: number, r: () => number) => Float64Array; toms: number } {
  const u = mulberry32(seed);
  const at = (lo: number, hi: number) => lo + (hi - lo) * u();
  const log = (lo: number, hi: number) => lo * (hi / lo) ** u();
  const kick = { f0: log(90, 260), f1: log(38, 75), fall: at(0.008, 0.045), decay: at(0.08, 0.45) };
  // --near-toms: the kick rests at 45–90 Hz (drawn after every other piece: the other draws as without it)
  if (nearToms) kick.f1 = 45 * 2 ** mulberry32(seed * 11 + 3)();
  // --kick-toms (h-dx69): the kick's fall, the toms' pitch, glide and level from a draw of their own
  const wide = mulberry32(seed * 19 + 7);
  const kickToms = kickTomsMode
    ? { f0: 120 * (320 / 120) ** wide(), f1: 40 * (70 / 40) ** wide(), glide: 0.03 * wide(), gain: 0.6 + wide() }
    : undefined;
  if (kickToms) [kick.f0, kick.f1] = [kickToms.f0, kickToms.f1];
  const kickClick = u() < 0.5 ? at(0.02, 0.25) : 0;
  const kickPd = u() < 0.25 ? at(0.5, 2.5) : 0;
  const snare = { f: log(150, 280), tone: at(0.2, 0.7), decay: at(0.03, 0.12), noise: at(0.3, 0.9) };
  const snareNoiseDecay = at(0.05, 0.25);
  const brushed = u() < 0.2;
  const toms = 1 + Math.floor(u() * 3);
  const tomLow = u() < 0.3 ? log(150, 300) : log(65, 160);
  const near = mulberry32(seed * 17 + 9);
  const tomHz = kickToms
    ? Array.from({ length: toms }, () => kick.f1 * (1.2 + 2 * wide())).sort((a, b) => b - a)
    : nearToms
      ? Array.from({ length: toms }, () => kick.f1 * (1 + 0.6 * near())).sort((a, b) => b - a)
      : Array.from({ length: toms }, (_, i) => tomLow * 1.3 ** i);
  const tomDecay = at(0.12, 0.6);
  const glideDrawn = at(0, 0.12);
  const tomGlide = kickToms?.glide ?? glideDrawn;
  const tomGain = kickToms?.gain ?? 1;
  const tomTwo = u() < 0.5;
  const metallic = u() < 0.4;
  const hatBase = log(300, 800);
  const hatRes = u() < 0.3 ? [log(5000, 9000), log(7000, 12000), log(3500, 6000)] : [];
  const hatDecay = at(0.01, 0.06);
  const openDecay = at(0.2, 0.7);
  const ride = Array.from({ length: 24 }, () => ({ f: log(2000, 11000), a: u(), d: at(0.6, 2) }));
  const bell = u() < 0.3 ? [log(600, 1400), log(900, 2000), log(1300, 2800)] : [];
  const crashDecay = at(0.9, 2.5);
  // --kickless (h-dx83): the floor tom where the kick was, drawn from a generator of its own
  const fl = mulberry32(seed * 23 + 11);
  const floor = {
    f: heldKicksMode ? heldLo * (heldHi / heldLo) ** fl() : floorLo * (floorHi / floorLo) ** fl(),
    decay: 0.15 + 0.35 * fl(),
    click: 0.05 + 0.1 * fl(),
    gain: 0.7 + 0.5 * fl(),
  };
  // --toda-kicks (h-dx86): the held kick's harmonics, click, ring and drift from a generator of its own
  const td = mulberry32(seed * 29 + 13);
  const toda = {
    h2: 0.2 + 0.4 * td(),
    h3: 0.08 * td(),
    h4: 0.05 + 0.15 * td(),
    click: 0.03 * td(),
    ring: 0,
    driftSt: 0,
  };
  toda.ring = 0.2 + 0.4 * td();
  toda.driftSt = 2 * td() - 1;
  if (floorMode) tomHz.forEach((_, i) => (tomHz[i] = floor.f * (1.2 + 2 * wide())));
  if (floorMode) tomHz.sort((a, b) => b - a);
  const make = (p: Piece | 'floor', tom: number, r: () => number): Float64Array => {
    const len = p === 'ride' || p === 'crash' ? 2.5 : p === 'openHat' ? 1 : 0.7;
    const n = Math.round(len * RATE);
    const x = new Float64Array(n);
    let prev = 0;
    let prev2 = 0;
    const res = hatRes.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      const t = i / RATE;
      const w = 2 * r() - 1;
      const hp = w - prev;
      const hp2 = hp - prev2;
      prev = w;
      prev2 = hp;
      let v = 0;
      if (p === 'floor' && todaMode) {
        v = heldKickSample(floor.f, t, hp, toda, floor.gain);
      } else if (p === 'floor') {
        for (let k = 0; k < MEMBRANE_MODES.length; k++)
          v +=
            (floor.gain *
              Math.sin(2 * Math.PI * MEMBRANE_MODES[k]! * floor.f * t) *
              Math.exp(-t / (floor.decay / (1 + k)))) /
            (1 + k);
        v += floor.click * hp * Math.exp(-t / 0.002);
      } else if (p === 'kick') {
        const ph = 2 * Math.PI * (kick.f1 * t + (kick.f0 - kick.f1) * kick.fall * (1 - Math.exp(-t / kick.fall)));
        v = Math.sin(ph + kickPd * Math.sin(ph)) * Math.exp(-t / kick.decay) + kickClick * hp * Math.exp(-t / 0.002);
      } else if (p === 'snare') {
        const env = brushed ? (1 - Math.exp(-t / 0.012)) * Math.exp(-t / 0.09) : Math.exp(-t / snareNoiseDecay);
        const tone = snare.tone * Math.sin(2 * Math.PI * snare.f * t) * Math.exp(-t / snare.decay);
        v = tone + snare.noise * w * env;
        if (brushed) v = 0.6 * snare.noise * hp * env;
        if (brush)
          v = snare.noise * brushEnv(brush, t) * (brush.white * w + 0.6 * (1 - brush.white) * hp) + brush.tone * tone;
      } else if (p === 'tom') {
        const f = tomHz[tom]!;
        const g = 1 - tomGlide * (1 - Math.exp(-t / 0.08));
        v = 0.8 * tomGain * Math.sin(2 * Math.PI * f * g * t) * Math.exp(-t / tomDecay);
        if (tomTwo) v += 0.3 * Math.sin(2 * Math.PI * 1.59 * f * g * t) * Math.exp(-t / (0.6 * tomDecay));
      } else if (p === 'hat' || p === 'openHat') {
        const env = Math.exp(-t / (p === 'hat' ? hatDecay : openDecay));
        let s = hp2;
        if (metallic) {
          s = 0;
          for (const k of [1, 1.342, 1.2312, 1.6532, 1.9523, 2.1523])
            s += Math.sign(Math.sin(2 * Math.PI * hatBase * k * t));
          s = 0.15 * s * (0.5 + 0.5 * hp);
        }
        v = 0.4 * s * env;
      } else if (p === 'ride') {
        for (const q of ride) v += 0.05 * q.a * Math.sin(2 * Math.PI * q.f * t) * Math.exp(-t / q.d);
        for (const f of bell) v += 0.15 * Math.sin(2 * Math.PI * f * t) * Math.exp(-t / 1.2);
        v += 0.3 * hp * Math.exp(-t / 0.003);
      } else {
        v = 0.35 * hp * Math.exp(-t / crashDecay) * (1 - Math.exp(-t / 0.004));
        for (const q of ride.slice(0, 12)) v += 0.03 * q.a * Math.sin(2 * Math.PI * 0.7 * q.f * t) * Math.exp(-t / q.d);
      }
      x[i] = v;
    }
    // a hat through high resonators (two-pole, unit peak): a metallic ring above its noise
    if ((p === 'hat' || p === 'openHat') && hatRes.length) {
      const y = new Float64Array(n);
      hatRes.forEach((f, k) => {
        const rr = 0.995;
        const c = 2 * rr * Math.cos((2 * Math.PI * f) / RATE);
        const s = res[k]!;
        for (let i = 0; i < n; i++) {
          const o = (1 - rr) * x[i]! + c * s[0]! - rr * rr * s[1]!;
          s[1] = s[0]!;
          s[0] = o;
          y[i]! += 3 * o;
        }
      });
      for (let i = 0; i < n; i++) x[i] = 0.5 * x[i]! + y[i]!;
    }
    return x;
  };
  return { make, toms };
}

/** A player's bar on a 16th grid: per step the pieces struck (toms by index `tom0` …). */
const PLAYERS: Record<string, string[]> = {
  groove: 'kick+hat hat snare+hat hat kick+hat kick+hat snare+hat hat'.split(' '),
  fill: 'kick tom0 tom0 tom1 tom1 tom2 tom2 snare kick tom2 tom1 tom0 kick . crash+kick .'.split(' '),
  kickRun: 'kick kick kick kick kick . kick . kick kick kick kick snare . . .'.split(' '),
  ride: 'kick+ride . ride ride snare+ride . ride ride kick+ride . ride kick snare+ride . ride .'.split(' '),
  open: 'kick+hat hat openHat . snare+hat hat kick+hat openHat'.split(' '),
  roll: 'snare snare snare snare snare snare snare snare tom0 . kick . crash+kick . . .'.split(' '),
  toms: 'tom0 . tom1 . kick . tom2 . tom0 tom0 tom1 tom1 kick . . .'.split(' '),
};

/** --reamped's players (h-dx100): the snare- and hat-heavy ones above and four with 32nd doubles (`~`: the piece
 * struck again half a 16th later). */
const REAMP_PLAYERS: Record<string, string[]> = {
  hats32: 'kick+hat hat~ snare+hat hat kick+hat hat~ snare+hat hat~'.split(' '),
  drag: 'kick+hat hat snare~+hat hat kick+hat hat snare+hat snare~'.split(' '),
  trap32: 'kick~+hat hat snare+hat hat~ . kick+hat snare+hat~ hat'.split(' '),
  ballad: 'kick+hat . snare . kick+hat hat snare~ hat'.split(' '),
};
const REAMP_NAMES = ['groove', 'open', 'ride', 'roll', ...Object.keys(REAMP_PLAYERS)];
const reampMode = process.argv.includes('--reamped');

/** --reamped: a stem's speaker and microphone (a quarter none), brush (half none), from its own generator `g`. */
function reampDraws(g: () => number): { cab?: ReampOpts; brush?: Brush } {
  const at = (lo: number, hi: number) => lo + (hi - lo) * g();
  const log = (lo: number, hi: number) => lo * (hi / lo) ** g();
  const cab = {
    lowHz: log(40, 130),
    coneHz: log(1200, 3500),
    coneDb: at(4, 8),
    topHz: log(3500, 10000),
    drive: at(1.1, 1.7),
    boxMs: at(0.5, 1.6),
    proximityDb: at(2, 5),
    presenceHz: at(3500, 6500),
    presenceDb: at(2, 5),
  };
  const brush = {
    rise: at(0.002, 0.014),
    decay: at(0.04, 0.15),
    lift: g() < 0.5 ? at(0.04, 0.16) : 0,
    white: 0,
    tone: 0,
  };
  [brush.white, brush.tone] = [at(0, 0.7), at(0, 0.5)];
  return { cab: g() < 0.75 ? cab : undefined, brush: g() < 0.5 ? brush : undefined };
}

const kicklessMode = process.argv.includes('--kickless');
const todaMode = process.argv.includes('--toda-kicks');
const heldKicksMode = todaMode || process.argv.includes('--held-kicks');
const floorArg = process.argv.find((a) => a.startsWith('--floor='));
const [floorLo, floorHi] = (floorArg ? floorArg.slice(8).split(',').map(Number) : [60, 120]) as [number, number];
const heldArg = process.argv.find((a) => a.startsWith('--held='));
const [heldLo, heldHi] = (heldArg ? heldArg.slice(7).split(',').map(Number) : [44, 60]) as [number, number];
const setArg = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
const restrikeMode = process.argv.includes('--restrike');
const heldDoublesMode = process.argv.includes('--held-doubles');
/** The kickless test's re-struck held kick pitches (test/engines/drums-kickless.test.ts): the doubles keep apart. */
const TEST_HELD_HZ = [44, 48, 50, 52, 54.4, 55, 58, 60, 65, 70, 80];
const DOUBLE_BARS = [
  'kick hat snare hat kick hat snare hat kick hat snare hat kick kick snare hat'.split(' '),
  'kick hat snare hat kick hat snare hat kick hat snare hat hat kick kick hat'.split(' '),
];

/** --held-doubles: one stem of the re-struck held kick's groove, drawn from `seed`. */
function heldDoubleStem(seed: number): { x: Float32Array; truth: { t: number; piece: string }[]; name: string } {
  const u = mulberry32(seed * 31 + 17);
  let hz = 44 * (80 / 44) ** u();
  while (TEST_HELD_HZ.some((f) => Math.abs(f - hz) < 0.6)) hz = 44 * (80 / 44) ** u();
  const bpm = 75 + 75 * u();
  const cues = { h2: 0.2 + 0.4 * u(), h3: 0.08 * u(), h4: 0.05 + 0.15 * u(), click: 0.03 * u(), ring: 0, driftSt: 0 };
  cues.ring = 0.3 + 0.3 * u();
  const d = u() < 0.5 ? 0 : 1;
  // --kickless: a floor tom where the held kick was, from a generator of its own (the held kick's draws unchanged)
  const fl = mulberry32(seed * 37 + 19);
  let floorHz = 60 * (130 / 60) ** fl();
  while ([70, 85, 100].some((f) => Math.abs(f - floorHz) < 1)) floorHz = 60 * (130 / 60) ** fl();
  const floorDecay = 0.15 + 0.35 * fl();
  const head = (t: number) =>
    MEMBRANE_MODES.reduce(
      (a, m, k) => a + (Math.sin(2 * Math.PI * m * floorHz * t) * Math.exp(-t / (floorDecay / (1 + k)))) / (1 + k),
      0,
    );
  const stroke = (p: string, r: () => number) =>
    p !== 'kick'
      ? kitStroke(p, r, RATE, {})
      : kicklessMode
        ? synthStroke(0.6, RATE, r, (t, _w, hp) => 0.6 * head(t) + 0.1 * hp * Math.exp(-t / 0.002))
        : synthStroke(0.6, RATE, r, (t, _w, hp) => 0.6 * heldKickSample(hz, t, hp, cues));
  const { x, truth } = kitStem(DOUBLE_BARS[d]!, RATE, stroke, seed, bpm, undefined, { piece: 'kick', ms: RESTRIKE_MS });
  const name = kicklessMode
    ? `floor${floorHz.toFixed(1)}Hz-${bpm.toFixed(0)}bpm-double${12 + d}`
    : `held${hz.toFixed(1)}Hz-${bpm.toFixed(0)}bpm-double${12 + d}`;
  const piece = (q: string) => (kicklessMode && q === 'kick' ? 'tom' : q);
  return { x, truth: truth.map((q) => ({ t: q.at / RATE, piece: piece(q.piece) })), name };
}
const pitchDoublesMode = process.argv.includes('--pitch-doubles');
const TOM_BAR = 'kick hat snare hat kick hat snare hat kick tom1 tom2 tom3 kick kick tom2 tom3'.split(' ');

/** --pitch-doubles: one stem of a drum struck twice in its ring, its kind (floor tom, held head, built held kick) by
 * seed mod 3, drawn from `seed`. */
function pitchDoubleStem(seed: number): { x: Float32Array; truth: { t: number; piece: string }[]; name: string } {
  const u = mulberry32(seed * 41 + 23);
  const kind = (['floor', 'head', 'held'] as const)[seed % 3]!;
  const [lo, hi, apart] = kind === 'floor' ? [80, 110, [70, 85, 100]] : [44, 62, TEST_HELD_HZ];
  const gap = kind === 'floor' ? 1 : 0.6;
  let hz = lo * (hi / lo) ** u();
  while (apart.some((f) => Math.abs(f - hz) < gap)) hz = lo * (hi / lo) ** u();
  const bpm = 75 + 75 * u();
  const cues = { h2: 0.2 + 0.4 * u(), h3: 0.08 * u(), h4: 0.05 + 0.15 * u(), click: 0.03 * u(), ring: 0, driftSt: 0 };
  cues.ring = 0.3 + 0.3 * u();
  const decay = 0.15 + 0.35 * u();
  const summed = kind !== 'held' && (seed >> 1) % 2 === 1;
  const b = Math.floor(3 * u());
  const toms = { tom1: hz * (2.3 + 0.5 * u()), tom2: hz * (1.7 + 0.4 * u()), tom3: hz * (1.25 + 0.35 * u()) };
  const head = (t: number) =>
    MEMBRANE_MODES.reduce(
      (a, m, k) => a + (Math.sin(2 * Math.PI * m * hz * t) * Math.exp(-t / (decay / (1 + k)))) / (1 + k),
      0,
    );
  const stroke = (p: string, r: () => number) =>
    p !== 'kick'
      ? kitStroke(p, r, RATE, toms)
      : kind === 'held'
        ? synthStroke(0.6, RATE, r, (t, _w, hp) => 0.6 * heldKickSample(hz, t, hp, cues))
        : synthStroke(0.6, RATE, r, (t, _w, hp) => 0.6 * head(t) + 0.1 * hp * Math.exp(-t / 0.002));
  const bar = b < 2 ? DOUBLE_BARS[b]! : TOM_BAR;
  const restrike = summed ? undefined : { piece: 'kick', ms: RESTRIKE_MS };
  const { x, truth } = kitStem(bar, RATE, stroke, seed, bpm, undefined, restrike);
  const name = `${kind}${hz.toFixed(1)}Hz-${bpm.toFixed(0)}bpm-${b < 2 ? `double${12 + b}` : 'toms'}`;
  const piece = (q: string) => (q === 'kick' ? (kind === 'floor' ? 'tom' : 'kick') : q.startsWith('tom') ? 'tom' : q);
  return {
    x,
    truth: truth.map((q) => ({ t: q.at / RATE, piece: piece(q.piece) })),
    name: summed ? `${name}-summed` : name,
  };
}
/** --kickless or --held-kicks: the drum head (a floor tom or a held bass drum) struck where the kick was */
const floorMode = kicklessMode || heldKicksMode;
const kickTomsMode = floorMode || process.argv.includes('--kick-toms');
const nearToms = kickTomsMode || process.argv.includes('--near-toms');
const [out, stemsArg, seedArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const stems = Number(stemsArg ?? 48);
const seed0 = Number(seedArg ?? 56000);
const lines: string[] = [];
const names = Object.keys(PLAYERS);
for (let s = 0; s < stems && (heldDoublesMode || pitchDoublesMode); s++) {
  const { x, truth, name } = (pitchDoublesMode ? pitchDoubleStem : heldDoubleStem)(seed0 + s);
  const a = new StemAnalyzer(RATE, true);
  for (let i = 0; i < x.length; i += 8192) a.push(x.subarray(i, i + 8192));
  a.finish();
  const set = setArg ?? (pitchDoublesMode ? 'synth99p' : kicklessMode ? 'synth97k' : 'synth97d');
  lines.push(JSON.stringify({ set, kit: `synth${seed0 + s}`, stem: name, rate: RATE, truth, found: a.found }));
  console.error(`stem ${seed0 + s}: ${name}, ${truth.length} strokes, ${a.found.length} hits`);
}
for (let s = 0; s < stems && !heldDoublesMode && !pitchDoublesMode; s++) {
  const seed = seed0 + s;
  const u = mulberry32(seed * 7 + 1);
  const g = mulberry32(seed * 43 + 29);
  const { cab, brush } = reampMode ? reampDraws(g) : {};
  const k = kit(seed, nearToms, brush);
  const bpm = 80 + Math.floor(u() * 90);
  const step = Math.round((15 / bpm) * RATE);
  const players = [0, 1, 2].map(() => names[Math.floor(u() * names.length)]!);
  if (nearToms && !players.some((p) => p === 'fill' || p === 'toms')) players[2] = u() < 0.5 ? 'fill' : 'toms';
  if (reampMode) players.forEach((_, i) => (players[i] = REAMP_NAMES[Math.floor(g() * REAMP_NAMES.length)]!));
  const bars = players.flatMap((p) => Array.from({ length: 4 }, () => PLAYERS[p] ?? REAMP_PLAYERS[p]!)).flat();
  const x = new Float64Array(step * bars.length + 3 * RATE);
  const truth: { t: number; piece: string }[] = [];
  const noise = mulberry32(seed * 13 + 5);
  // --restrike: the drum head's strokes in a buffer of their own, each fading the ring before it (Restrike)
  const own = restrikeMode && floorMode ? new Float64Array(x.length) : undefined;
  const fade = Math.round((RESTRIKE_MS / 1000) * RATE);
  bars.forEach((cell, i) => {
    if (cell === '.') return;
    const at = 2000 + i * step + Math.round((u() - 0.5) * 0.004 * RATE);
    for (const marked of cell.split('+')) {
      const name = marked.replace('~', '');
      const tom = name.startsWith('tom') ? Math.min(Number(name.slice(3)), k.toms - 1) : 0;
      const floored = floorMode && name === 'kick';
      const piece = (name.startsWith('tom') || (floored && kicklessMode) ? 'tom' : name) as Piece;
      const gain = (piece === 'snare' && players.includes('roll') ? 0.3 : 0.5) + 0.5 * u();
      // `~` (--reamped): struck again half a 16th later at 0.5–0.9 of the gain
      for (const [when, gw] of marked.endsWith('~')
        ? [
            [at, 1],
            [at + (step >> 1), 0.5 + 0.4 * g()],
          ]
        : [[at, 1]]) {
        const made = k.make(floored ? 'floor' : piece, tom, noise);
        const v = cab ? reamp(made, cab) : made;
        if (own && floored) restrikeInto(own, when!, v, 0.5 * gain * gw!, fade);
        else for (let j = 0; j < v.length && when! + j < x.length; j++) x[when! + j]! += 0.5 * gain * gw! * v[j]!;
        truth.push({ t: when! / RATE, piece });
      }
    }
  });
  if (own) for (let i = 0; i < x.length; i++) x[i]! += own[i]!;
  if (u() < 0.25) reverb(x, 10 + 10 * u());
  const a = new StemAnalyzer(RATE, true);
  const f32 = Float32Array.from(x);
  for (let i = 0; i < f32.length; i += 8192) a.push(f32.subarray(i, i + 8192));
  a.finish();
  truth.sort((p, q) => p.t - q.t);
  lines.push(
    JSON.stringify({
      set: setArg
        ? setArg
        : reampMode
          ? 'synth100r'
          : todaMode
            ? 'synth86h'
            : heldKicksMode
              ? 'synth84'
              : kicklessMode
                ? floorArg
                  ? 'synth86k'
                  : 'synth83'
                : kickTomsMode
                  ? 'synth69'
                  : nearToms
                    ? 'synth62'
                    : 'synth56',
      kit: `synth${seed}`,
      stem: players.join('-'),
      rate: RATE,
      truth,
      found: a.found,
    }),
  );
  console.error(`stem ${seed}: ${players.join(' ')} at ${bpm} bpm, ${truth.length} strokes, ${a.found.length} hits`);
}
writeFileSync(out!, lines.join('\n') + '\n');
