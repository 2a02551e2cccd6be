/**
 * Classification development on tuning material only (issue 13, h-dxcls3): every hit of the tuning stems
 * (`drumStem` FluidR3Mono 1–3, fixtures/drumtruth.ts TUNING_KITS and CLASS_TUNING_KITS) with its features, its class
 * and the families struck at its instant (within 20 ms), as JSON lines, for choosing the class rule offline.
 * Usage: node dist/bench/drums-classdev.js OUT.jsonl [--all] [--stems] [name=value …] (a STEM_PARAMETERS value,
 * h-dxcls19; --all: with the older held-out sets, tuning
 * now; HELD_OUT_KITS_3 included from h-dxcls5 on, HELD_OUT_KITS_4 from h-dxcls6 on; --held-out-N: only that set,
 * 5 … 19; --held-out-19t: fixtures/drumclass19t.ts, h-dxtom31; --held-out-20t: fixtures/drumclass20t.ts, h-dxtom32;
 * --held-out-20: fixtures/drumclass20.ts, h-dxcym32; --held-out-21: fixtures/drumclass21.ts, h-dxcym33;
 * --held-out-21t: fixtures/drumclass21t.ts, h-dxtom33; --held-out-22t: fixtures/drumclass22t.ts, h-dxtom33;
 * --held-out-23t, --held-out-24t: fixtures/drumclass23t.ts, drumclass24t.ts, h-dxtom35; --pd-tune-37:
 * fixtures/drumclass-pdtune37.ts, h-dxkick37 (tuning);
 * --held-out-23t, --held-out-24t: fixtures/drumclass23t.ts, drumclass24t.ts, h-dxtom35;
 * --circuit-tune-37, --circuit-tune-37t: fixtures/drumclass37tune.ts, h-dxbrush37 (tuning sets);
 * --held-out-26, --held-out-26t: fixtures/drumclass26.ts, drumclass26t.ts, h-dxset38;
 * --held-out-27, --held-out-27t: fixtures/drumclass27.ts, drumclass27t.ts, h-dxset40;
 * --held-out-28, --held-out-28t: fixtures/drumclass28.ts, drumclass28t.ts, h-dxset41;
 * --held-out-29, --held-out-29t: fixtures/drumclass29.ts, drumclass29t.ts, h-dxset43;
 * --held-out-30, --held-out-30t: fixtures/drumclass30.ts, drumclass30t.ts, h-dxset44;
 * --held-out-31, --held-out-31t: fixtures/drumclass31.ts, drumclass31t.ts, h-dxset45;
 * --held-out-32, --held-out-32t: fixtures/drumclass32.ts, drumclass32t.ts, h-dxset46;
 * --held-out-33, --held-out-33t: fixtures/drumclass33.ts, drumclass33t.ts, h-dxset47;
 * --held-out-34, --held-out-34t: fixtures/drumclass34.ts, drumclass34t.ts, h-dxset49;
 * --held-out-35, --held-out-35t: fixtures/drumclass35.ts, drumclass35t.ts, h-dxset51;
 * --held-out-36, --held-out-36t: fixtures/drumclass36.ts, drumclass36t.ts, h-dxset52;
 * --held-out-37, --held-out-37t: fixtures/drumclass37.ts, drumclass37t.ts, h-dxset54;
 * --held-out-38, --held-out-38t: fixtures/drumclass38.ts, drumclass38t.ts, h-dxset56;
 * --held-out-39, --held-out-39t: fixtures/drumclass39.ts, drumclass39t.ts, h-dxset57;
 * --held-out-40, --held-out-40t: fixtures/drumclass40.ts, drumclass40t.ts, h-dxset60;
 * --held-out-41, --held-out-41t: fixtures/drumclass41.ts, drumclass41t.ts, h-dxset62;
 * --held-out-42, --held-out-42t: fixtures/drumclass42.ts, drumclass42t.ts, h-dxset63;
 * --held-out-43, --held-out-43t: fixtures/drumclass43.ts, drumclass43t.ts, h-dxset65;
 * --held-out-44, --held-out-44t: fixtures/drumclass44.ts, drumclass44t.ts, h-dxset66;
 * --held-out-45, --held-out-45t: fixtures/drumclass45.ts, drumclass45t.ts, h-dxset67;
 * --held-out-46, --held-out-46t: fixtures/drumclass46.ts, drumclass46t.ts, h-dxset69;
 * --held-out-47, --held-out-47t: fixtures/drumclass47.ts, drumclass47t.ts, h-dxset71;
 * --held-out-48, --held-out-48t: fixtures/drumclass48.ts, drumclass48t.ts, h-dxset72;
 * --held-out-49, --held-out-49t: fixtures/drumclass49.ts, drumclass49t.ts, h-dxset73;
 * --held-out-50, --held-out-50t: fixtures/drumclass50.ts, drumclass50t.ts, h-dxset74;
 * --held-out-51, --held-out-51t: fixtures/drumclass51.ts, drumclass51t.ts, h-dxset75;
 * --held-out-52, --held-out-52t: fixtures/drumclass52.ts, drumclass52t.ts, h-dxset78;
 * --held-out-53, --held-out-53t: fixtures/drumclass53.ts, drumclass53t.ts, h-dxset80;
 * --held-out-54, --held-out-54t: fixtures/drumclass54.ts, drumclass54t.ts, h-dxset82;
 * --held-out-55, --held-out-55t: fixtures/drumclass55.ts, drumclass55t.ts, h-dxset83;
 * --held-out-56, --held-out-56t: fixtures/drumclass56.ts, drumclass56t.ts, h-dxset85;
 * --held-out-57, --held-out-57t: fixtures/drumclass57.ts, drumclass57t.ts, h-dxset86;
 * --held-out-58, --held-out-58t: fixtures/drumclass58.ts, drumclass58t.ts, h-dxset87;
 * --held-out-59, --held-out-59t: fixtures/drumclass59.ts, drumclass59t.ts, h-dxset89;
 * --held-out-60, --held-out-60t: fixtures/drumclass60.ts, drumclass60t.ts, h-dxset90;
 * --held-out-61, --held-out-61t: fixtures/drumclass61.ts, drumclass61t.ts, h-dxset92;
 * --held-out-62, --held-out-62t: fixtures/drumclass62.ts, drumclass62t.ts, h-dxset96;
 * --held-out-63, --held-out-63t: fixtures/drumclass63.ts, drumclass63t.ts, h-dxset98;
 * --held-out-64, --held-out-64t: fixtures/drumclass64.ts, drumclass64t.ts, h-dxset99;
 * --held-out-65, --held-out-65t: fixtures/drumclass65.ts, drumclass65t.ts, h-dxset100;
 * --roll-tune-40: fixtures/drumclass40roll.ts, h-dxroll40 (tuning only);
 * --reso-tune-40: fixtures/drumclass-resotune40.ts, h-dxhat40 (tuning);
 * --stems: one line per stem
 * with its truth and its hits before the second pass, for bench/drums-classdev-score.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { heldOutDrumSet, renderHeldOutDrum } from '../fixtures/drumtruth.js';
import { heldOut19tDrumSpecs } from '../fixtures/drumclass19t.js';
import { heldOut20tDrumSpecs } from '../fixtures/drumclass20t.js';
import { heldOut20DrumSpecs } from '../fixtures/drumclass20.js';
import { heldOut21DrumSpecs } from '../fixtures/drumclass21.js';
import { heldOut21tDrumSpecs } from '../fixtures/drumclass21t.js';
import { heldOut22tDrumSpecs } from '../fixtures/drumclass22t.js';
import { heldOut22DrumSpecs } from '../fixtures/drumclass22.js';
import { heldOut23tDrumSpecs } from '../fixtures/drumclass23t.js';
import { heldOut24tDrumSpecs } from '../fixtures/drumclass24t.js';
import { heldOut23DrumSpecs } from '../fixtures/drumclass23.js';
import { heldOut25tDrumSpecs } from '../fixtures/drumclass25t.js';
import { heldOut26DrumSpecs } from '../fixtures/drumclass26.js';
import { heldOut26tDrumSpecs } from '../fixtures/drumclass26t.js';
import { heldOut27DrumSpecs } from '../fixtures/drumclass27.js';
import { heldOut27tDrumSpecs } from '../fixtures/drumclass27t.js';
import { heldOut28DrumSpecs } from '../fixtures/drumclass28.js';
import { heldOut28tDrumSpecs } from '../fixtures/drumclass28t.js';
import { heldOut29DrumSpecs } from '../fixtures/drumclass29.js';
import { heldOut29tDrumSpecs } from '../fixtures/drumclass29t.js';
import { heldOut30DrumSpecs } from '../fixtures/drumclass30.js';
import { heldOut30tDrumSpecs } from '../fixtures/drumclass30t.js';
import { heldOut31DrumSpecs } from '../fixtures/drumclass31.js';
import { heldOut31tDrumSpecs } from '../fixtures/drumclass31t.js';
import { heldOut32DrumSpecs } from '../fixtures/drumclass32.js';
import { heldOut32tDrumSpecs } from '../fixtures/drumclass32t.js';
import { heldOut33DrumSpecs } from '../fixtures/drumclass33.js';
import { heldOut33tDrumSpecs } from '../fixtures/drumclass33t.js';
import { heldOut34DrumSpecs } from '../fixtures/drumclass34.js';
import { heldOut34tDrumSpecs } from '../fixtures/drumclass34t.js';
import { heldOut35DrumSpecs } from '../fixtures/drumclass35.js';
import { heldOut35tDrumSpecs } from '../fixtures/drumclass35t.js';
import { heldOut36DrumSpecs } from '../fixtures/drumclass36.js';
import { heldOut36tDrumSpecs } from '../fixtures/drumclass36t.js';
import { heldOut37DrumSpecs } from '../fixtures/drumclass37.js';
import { heldOut37tDrumSpecs } from '../fixtures/drumclass37t.js';
import { heldOut38DrumSpecs } from '../fixtures/drumclass38.js';
import { heldOut38tDrumSpecs } from '../fixtures/drumclass38t.js';
import { heldOut39DrumSpecs } from '../fixtures/drumclass39.js';
import { heldOut39tDrumSpecs } from '../fixtures/drumclass39t.js';
import { heldOut40DrumSpecs } from '../fixtures/drumclass40.js';
import { heldOut40tDrumSpecs } from '../fixtures/drumclass40t.js';
import { heldOut41DrumSpecs } from '../fixtures/drumclass41.js';
import { heldOut41tDrumSpecs } from '../fixtures/drumclass41t.js';
import { heldOut42DrumSpecs } from '../fixtures/drumclass42.js';
import { heldOut42tDrumSpecs } from '../fixtures/drumclass42t.js';
import { heldOut43DrumSpecs } from '../fixtures/drumclass43.js';
import { heldOut43tDrumSpecs } from '../fixtures/drumclass43t.js';
import { heldOut44DrumSpecs } from '../fixtures/drumclass44.js';
import { heldOut44tDrumSpecs } from '../fixtures/drumclass44t.js';
import { heldOut45DrumSpecs } from '../fixtures/drumclass45.js';
import { heldOut45tDrumSpecs } from '../fixtures/drumclass45t.js';
import { heldOut46DrumSpecs } from '../fixtures/drumclass46.js';
import { heldOut46tDrumSpecs } from '../fixtures/drumclass46t.js';
import { heldOut47DrumSpecs } from '../fixtures/drumclass47.js';
import { heldOut47tDrumSpecs } from '../fixtures/drumclass47t.js';
import { heldOut48DrumSpecs } from '../fixtures/drumclass48.js';
import { heldOut48tDrumSpecs } from '../fixtures/drumclass48t.js';
import { heldOut49DrumSpecs } from '../fixtures/drumclass49.js';
import { heldOut49tDrumSpecs } from '../fixtures/drumclass49t.js';
import { heldOut50DrumSpecs } from '../fixtures/drumclass50.js';
import { heldOut50tDrumSpecs } from '../fixtures/drumclass50t.js';
import { heldOut51DrumSpecs } from '../fixtures/drumclass51.js';
import { heldOut51tDrumSpecs } from '../fixtures/drumclass51t.js';
import { heldOut52DrumSpecs } from '../fixtures/drumclass52.js';
import { heldOut52tDrumSpecs } from '../fixtures/drumclass52t.js';
import { heldOut53DrumSpecs } from '../fixtures/drumclass53.js';
import { heldOut53tDrumSpecs } from '../fixtures/drumclass53t.js';
import { heldOut54DrumSpecs } from '../fixtures/drumclass54.js';
import { heldOut54tDrumSpecs } from '../fixtures/drumclass54t.js';
import { heldOut55DrumSpecs } from '../fixtures/drumclass55.js';
import { heldOut55tDrumSpecs } from '../fixtures/drumclass55t.js';
import { heldOut56DrumSpecs } from '../fixtures/drumclass56.js';
import { heldOut56tDrumSpecs } from '../fixtures/drumclass56t.js';
import { heldOut57DrumSpecs } from '../fixtures/drumclass57.js';
import { heldOut57tDrumSpecs } from '../fixtures/drumclass57t.js';
import { heldOut58DrumSpecs } from '../fixtures/drumclass58.js';
import { heldOut58tDrumSpecs } from '../fixtures/drumclass58t.js';
import { heldOut59DrumSpecs } from '../fixtures/drumclass59.js';
import { heldOut59tDrumSpecs } from '../fixtures/drumclass59t.js';
import { heldOut60DrumSpecs } from '../fixtures/drumclass60.js';
import { heldOut60tDrumSpecs } from '../fixtures/drumclass60t.js';
import { heldOut61DrumSpecs } from '../fixtures/drumclass61.js';
import { heldOut61tDrumSpecs } from '../fixtures/drumclass61t.js';
import { heldOut62DrumSpecs } from '../fixtures/drumclass62.js';
import { heldOut62tDrumSpecs } from '../fixtures/drumclass62t.js';
import { heldOut63DrumSpecs } from '../fixtures/drumclass63.js';
import { heldOut63tDrumSpecs } from '../fixtures/drumclass63t.js';
import { heldOut64DrumSpecs } from '../fixtures/drumclass64.js';
import { heldOut64tDrumSpecs } from '../fixtures/drumclass64t.js';
import { heldOut65DrumSpecs } from '../fixtures/drumclass65.js';
import { heldOut65tDrumSpecs } from '../fixtures/drumclass65t.js';
import { pdTune37DrumSpecs } from '../fixtures/drumclass-pdtune37.js';
import { circuitTune37DrumSpecs, circuitTune37tDrumSpecs } from '../fixtures/drumclass37tune.js';
import { rollTune40DrumSpecs } from '../fixtures/drumclass40roll.js';
import { resoTune40DrumSpecs } from '../fixtures/drumclass-resotune40.js';
import { decodeMono } from '../fixtures/groundtruth.js';
import { drumStem } from '../fixtures/drumkit.js';
import { StemAnalyzer } from '../src/engines/drums/stem.js';
import { HELD_OUT, TUNING } from './drums-eval.js';
import { STEM_MEMBRANE_PARAMETERS, STEM_PARAMETERS } from '../src/engines/drums/params.js';
import { setParameters } from './drums-classdev-dump.js';

// name=value: a first-pass parameter (STEM_PARAMETERS; h-dx72: or STEM_MEMBRANE_PARAMETERS) set for the run
// (h-dxcls19: the body partial's robustness)
setParameters(process.argv.slice(2), [STEM_PARAMETERS, STEM_MEMBRANE_PARAMETERS]);

const family: Record<string, string> = { hat: 'hihat', openHat: 'hihat', ride: 'cymbal', crash: 'cymbal' };
const fam = (p: string) => family[p] ?? p;
const out: string[] = [];

let set = 'drumStem';
function run(kit: string, stem: string, samples: Float32Array, rate: number, truth: { t: number; piece: string }[]) {
  // every dump carries the membrane cue, whatever model the engine reads (h-dx73)
  const a = new StemAnalyzer(rate, true);
  for (let i = 0; i < samples.length; i += 8192) a.push(samples.subarray(i, i + 8192));
  const hits = a.finish();
  // --stems: one line per stem, its truth and the hits before the second pass (bench/drums-classdev-score.ts)
  if (STEMS) {
    const truthOut = truth.map((x) => ({ t: x.t, piece: x.piece }));
    out.push(JSON.stringify({ set, kit, stem, rate, truth: truthOut, found: a.found }));
    return;
  }
  for (const h of hits) {
    const t = h.start / rate;
    const near = truth.filter((x) => Math.abs(x.t - t) <= 0.02);
    out.push(
      JSON.stringify({
        kit,
        stem,
        t: +t.toFixed(4),
        cls: h.cls,
        secondary: h.secondary,
        truth: [...new Set(near.map((x) => fam(x.piece)))],
        pieces: [...new Set(near.map((x) => x.piece))],
        f: h.features,
        peak: h.peak,
      }),
    );
  }
}

const dir = path.join('bench', 'out', 'drums-classify');
mkdirSync(dir, { recursive: true });
// --all: also the sets looked at before (held-out `drumStem`, HELD_OUT_KITS, HELD_OUT_KITS_2 from h-dxcls4 on,
// HELD_OUT_KITS_3 from h-dxcls5 on), tuning now
const all = process.argv.includes('--all');
// --held-out-5: only the fifth classification held-out set (h-dxcls6), for scoring it once
const only5 = process.argv.includes('--held-out-5');
// --held-out-6: only the sixth (HELD_OUT_KITS_6, h-dxcls7), for scoring it once
const only6 = process.argv.includes('--held-out-6');
// --held-out-7: only the seventh (HELD_OUT_KITS_7, h-dxcls8), for scoring it once
const only7 = process.argv.includes('--held-out-7');
// --held-out-8: only the eighth (HELD_OUT_KITS_8, h-dxcls9), for scoring it once
const only8 = process.argv.includes('--held-out-8');
// --held-out-9: only the ninth (HELD_OUT_KITS_9, h-dxcls11), for scoring it once
const only9 = process.argv.includes('--held-out-9');
// --held-out-10: only the tenth (HELD_OUT_KITS_10, h-dxcls12), for scoring it once
const only10 = process.argv.includes('--held-out-10');
// --held-out-11: only the eleventh (HELD_OUT_KITS_11, h-dxcls14), for scoring it once
const only11 = process.argv.includes('--held-out-11');
// --held-out-12: only the twelfth (HELD_OUT_KITS_12, h-dxcls17), for scoring it once
const only12 = process.argv.includes('--held-out-12');
// --held-out-13: only the thirteenth (HELD_OUT_KITS_13, h-dxcls19), for scoring it once
const only13 = process.argv.includes('--held-out-13');
// --held-out-14: only the fourteenth (HELD_OUT_KITS_14, h-dxcls22), for scoring it once
const only14 = process.argv.includes('--held-out-14');
// --held-out-15: only the fifteenth (HELD_OUT_KITS_15, h-dxcls26), for scoring it once
const only15 = process.argv.includes('--held-out-15');
// --held-out-16: only the sixteenth (HELD_OUT_KITS_16, h-dxcls27: fluidsynth-rendered kits), for scoring it once
const only16 = process.argv.includes('--held-out-16');
// --held-out-17: only the seventeenth (HELD_OUT_KITS_17, h-dxcls29: TiMidity++-rendered kits), for scoring it once
const only17 = process.argv.includes('--held-out-17');
// --held-out-18: only the eighteenth (HELD_OUT_KITS_18, h-dxcls30: Hydrogen crashes, avldrums through TiMidity++)
const only18 = process.argv.includes('--held-out-18');
// --held-out-19: only the nineteenth (HELD_OUT_KITS_19, h-dxcym31: GM chinas, crashes, splashes through fluidsynth)
const only19 = process.argv.includes('--held-out-19');
// --held-out-19t … --held-out-24t: only one set of fixture specs (the file and branch that made it on each line)
const SPEC_SETS: readonly (readonly [string, () => ReturnType<typeof heldOut19tDrumSpecs>])[] = [
  ['held-out-19t', heldOut19tDrumSpecs], // drumclass19t.ts, h-dxtom31: toms beside snares and hats, fluidsynth
  ['held-out-20t', heldOut20tDrumSpecs], // drumclass20t.ts, h-dxtom32: tom fills beside kicks and hats, TiMidity++
  ['held-out-20', heldOut20DrumSpecs], // drumclass20.ts, h-dxcym32: Hydrogen chinas, splashes, crashes in rooms
  ['held-out-21', heldOut21DrumSpecs], // drumclass21.ts, h-dxcym33: lmms and sonic-pi cymbals by the sampler
  ['held-out-21t', heldOut21tDrumSpecs], // drumclass21t.ts, h-dxtom33: snare rolls beside tom fills, SpessaSynth
  ['held-out-22t', heldOut22tDrumSpecs], // drumclass22t.ts, h-dxtom33: the same players through fluidsynth
  ['held-out-22', heldOut22DrumSpecs], // drumclass22.ts, h-dxcym35: SpessaSynth cymbals beside hats and open hats
  ['held-out-23t', heldOut23tDrumSpecs], // drumclass23t.ts, h-dxtom35: Hydrogen toms no set chose, drags, buzz rolls
  ['held-out-24t', heldOut24tDrumSpecs], // drumclass24t.ts, h-dxtom35: avldrums, OPL-3, freepats through TiMidity++
  ['held-out-23', heldOut23DrumSpecs], // drumclass23.ts, h-dxcls36: phase-distortion kits, freepats china and splash
  ['held-out-25t', heldOut25tDrumSpecs], // drumclass25t.ts, h-dxcls36: circuit kits, six-stroke rolls, dotted toms
  ['held-out-26', heldOut26DrumSpecs], // drumclass26.ts, h-dxset38: resonator and other seeded kits, CM-64 set
  ['held-out-26t', heldOut26tDrumSpecs], // drumclass26t.ts, h-dxset38: tom unisons and swelling 32nd tom rolls
  ['held-out-27', heldOut27DrumSpecs], // drumclass27.ts, h-dxset40: resonator/modal/mesh hats, avldrums pedal hat
  ['held-out-27t', heldOut27tDrumSpecs], // drumclass27t.ts, h-dxset40: soft tom rolls on modal, mesh, pd, avldrums
  ['held-out-28', heldOut28DrumSpecs], // drumclass28.ts, h-dxset41: npm SF3 kits by fluidsynth, Hydrogen, reso rooms
  ['held-out-28t', heldOut28tDrumSpecs], // drumclass28t.ts, h-dxset41: high short toms, soft rolls, 16th kicks
  ['held-out-29', heldOut29DrumSpecs], // drumclass29.ts, h-dxset43: FluidR3_GM by SpessaSynth, Hydrogen hats, rooms
  ['held-out-29t', heldOut29tDrumSpecs], // drumclass29t.ts, h-dxset43: 808 / high toms, soft rolls, 16th kicks
  ['held-out-30', heldOut30DrumSpecs], // drumclass30.ts, h-dxset44: OPL-3, sf_GMbank by TiMidity++, ride bells, rooms
  ['held-out-30t', heldOut30tDrumSpecs], // drumclass30t.ts, h-dxset44: TiMidity++ / Hydrogen / fm / sms toms, rolls
  ['held-out-31', heldOut31DrumSpecs], // drumclass31.ts, h-dxset45: sf_GMbank by TiMidity++, Hydrogen rides, hats
  ['held-out-31t', heldOut31tDrumSpecs], // drumclass31t.ts, h-dxset45: one-mode Electronic toms, fm/chip/ode/modal
  ['held-out-32', heldOut32DrumSpecs], // drumclass32.ts, h-dxset46: sf_GMbank Room/CM-64 by TiMidity++, Hydrogen hats
  ['held-out-32t', heldOut32tDrumSpecs], // drumclass32t.ts, h-dxset46: 808 / Room / CM-64 toms, pd/waveguide, rolls
  ['held-out-33', heldOut33DrumSpecs], // drumclass33.ts, h-dxset47: FluidR3 variants by TiMidity++, Hydrogen, rooms
  ['held-out-33t', heldOut33tDrumSpecs], // drumclass33t.ts, h-dxset47: FluidR3 toms by TiMidity++, sonic-pi, fm
  ['held-out-34', heldOut34DrumSpecs], // drumclass34.ts, h-dxset49: presets by fluidsynth, Hydrogen, sonic-pi, rooms
  ['held-out-34t', heldOut34tDrumSpecs], // drumclass34t.ts, h-dxset49: npm toms by fluidsynth, waveguide / fm toms
  ['held-out-35', heldOut35DrumSpecs], // drumclass35.ts, h-dxset51: npm presets by fluidsynth, Hydrogen bells, silo
  ['held-out-35t', heldOut35tDrumSpecs], // drumclass35t.ts, h-dxset51: 808 / modal / fm / waveguide toms, rolls
  ['held-out-36', heldOut36DrumSpecs], // drumclass36.ts, h-dxset52: FluidR3 variants, Hydrogen kicks, dome, tunnel
  ['held-out-36t', heldOut36tDrumSpecs], // drumclass36t.ts, h-dxset52: FluidR3 / Brush / chip / fm toms by kicks
  ['held-out-37', heldOut37DrumSpecs], // drumclass37.ts, h-dxset54: avldrums loose/compand, lmms, EE kicks
  ['held-out-37t', heldOut37tDrumSpecs], // drumclass37t.ts, h-dxset54: avldrums / lmms / modal / fm toms, loose
  ['held-out-38', heldOut38DrumSpecs], // drumclass38.ts, h-dxset56: orchestra / marching sets, lmms, overheads, lo-fi
  ['held-out-38t', heldOut38tDrumSpecs], // drumclass38t.ts, h-dxset56: marching tenors by basses, timpani, 808 down
  ['held-out-39', heldOut39DrumSpecs], // drumclass39.ts, h-dxset57: tension-glide synthesis, stairwell, water tank
  ['held-out-39t', heldOut39tDrumSpecs], // drumclass39t.ts, h-dxset57: tension-glide toms by their kicks, tom falls
  ['held-out-40', heldOut40DrumSpecs], // drumclass40.ts, h-dxset60: additive–subtractive synthesis, hangar, riaa
  ['held-out-40t', heldOut40tDrumSpecs], // drumclass40t.ts, h-dxset60: partial-bank toms near their kicks, unisons
  ['held-out-41', heldOut41DrumSpecs], // drumclass41.ts, h-dxset62: delay-network synthesis, tom fills, ship's hold
  ['held-out-41t', heldOut41tDrumSpecs], // drumclass41t.ts, h-dxset62: network toms 1.0–1.6× their kicks, ostinati
  ['held-out-42', heldOut42DrumSpecs], // drumclass42.ts, h-dxset63: waveguide-mesh and sample-and-hold kits, fills
  ['held-out-42t', heldOut42tDrumSpecs], // drumclass42t.ts, h-dxset63: mesh / pair toms 1.0–1.6× kicks, septuplets
  ['held-out-43', heldOut43DrumSpecs], // drumclass43.ts, h-dxset65: VOSIM and GENDYN kits, quintuplet fills, SoX buses
  ['held-out-43t', heldOut43tDrumSpecs], // drumclass43t.ts, h-dxset65: VOSIM / GENDYN toms 1.0–1.6× kicks, gallops
  ['held-out-44', heldOut44DrumSpecs], // drumclass44.ts, h-dxset66: FOF and scanned kits, 32nd tom fills, SoX buses
  ['held-out-44t', heldOut44tDrumSpecs], // drumclass44t.ts, h-dxset66: FOF / scanned toms 1.0–1.6× kicks, linear 3-3-2
  ['held-out-45', heldOut45DrumSpecs], // drumclass45.ts, h-dxset67: Chebyshev and DSF kits, rock and shuffle players
  ['held-out-45t', heldOut45tDrumSpecs], // drumclass45t.ts, h-dxset67: Chebyshev / DSF toms 1.0–1.6× kicks, shuffle
  ['held-out-46', heldOut46DrumSpecs], // drumclass46.ts, h-dxset69: wavelet and Weierstrass kits, funk and jazz
  ['held-out-46t', heldOut46tDrumSpecs], // drumclass46t.ts, h-dxset69: wavelet / Weierstrass toms 1.0–1.6× kicks
  ['held-out-47', heldOut47DrumSpecs], // drumclass47.ts, h-dxset71: elliptic and Perlin kits, rock chorus and brushes
  ['held-out-47t', heldOut47tDrumSpecs], // drumclass47t.ts, h-dxset71: elliptic / Perlin toms 1.0–1.6× kicks
  ['held-out-48', heldOut48DrumSpecs], // drumclass48.ts, h-dxset72: Bézier and circle-map kits, shuffle, 16th hats
  ['held-out-48t', heldOut48tDrumSpecs], // drumclass48t.ts, h-dxset72: toms 1.0–1.6× kicks, kickless stems
  ['held-out-49', heldOut49DrumSpecs], // drumclass49.ts, h-dxset73: Kepler and billiard kits, go-go, gospel chops
  ['held-out-49t', heldOut49tDrumSpecs], // drumclass49t.ts, h-dxset73: kickless toms, boom kick by a floor tom
  ['held-out-50', heldOut50DrumSpecs], // drumclass50.ts, h-dxset74: L-system and FPUT kits, Afrobeat, dnb 170
  ['held-out-50t', heldOut50tDrumSpecs], // drumclass50t.ts, h-dxset74: taiko, timbales, jazz kicks, snares off
  ['held-out-51', heldOut51DrumSpecs], // drumclass51.ts, h-dxset75: Lotka–Volterra, Brusselator kits; jungle, songo
  ['held-out-51t', heldOut51tDrumSpecs], // drumclass51t.ts, h-dxset75: timbales 140–170 Hz, snares off, Bo Diddley
  ['held-out-52', heldOut52DrumSpecs], // drumclass52.ts, h-dxset78: Morse kits, recorded djembe/rumpf one-shots
  ['held-out-52t', heldOut52tDrumSpecs], // drumclass52t.ts, h-dxset78: kickless kuku, toms 120–170 Hz, unison
  ['held-out-53', heldOut53DrumSpecs], // drumclass53.ts, h-dxset80: relativistic kits, recorded acoustic-kit parts
  ['held-out-53t', heldOut53tDrumSpecs], // drumclass53t.ts, h-dxset80: kickless maracatu, toms 120–170 Hz, mambo
  ['held-out-54', heldOut54DrumSpecs], // drumclass54.ts, h-dxset82: pendulum kits, crossed avldrums kits
  ['held-out-54t', heldOut54tDrumSpecs], // drumclass54t.ts, h-dxset82: kickless candombe, ringing kicks, bomba
  ['held-out-55', heldOut55DrumSpecs], // drumclass55.ts, h-dxset83: Toda kits, kits crossed between recorded libraries
  ['held-out-55t', heldOut55tDrumSpecs], // drumclass55t.ts, h-dxset83: kickless plena, ringing dembow, brushes
  ['held-out-56', heldOut56DrumSpecs], // drumclass56.ts, h-dxset85: sinh kits, kits crossed between five libraries
  ['held-out-56t', heldOut56tDrumSpecs], // drumclass56t.ts, h-dxset85: kickless tumbao, ringing trap, brush shuffle
  ['held-out-57', heldOut57DrumSpecs], // drumclass57.ts, h-dxset86: impact kits, kits crossed on unused Hydrogen kits
  ['held-out-57t', heldOut57tDrumSpecs], // drumclass57t.ts, h-dxset86: kickless guaguancó, ringing drill, brush ballad
  ['held-out-58', heldOut58DrumSpecs], // drumclass58.ts, h-dxset87: tanh kits, Hydrogen drums under others' metal
  ['held-out-58t', heldOut58tDrumSpecs], // drumclass58t.ts, h-dxset87: kickless nyabinghi, ringing phonk, brush bossa
  ['held-out-59', heldOut59DrumSpecs], // drumclass59.ts, h-dxset89: bilinear kits, others' drums under Hydrogen metal
  ['held-out-59t', heldOut59tDrumSpecs], // drumclass59t.ts, h-dxset89: kickless sabar, ringing jersey club, brushes 6/8
  ['held-out-60', heldOut60DrumSpecs], // drumclass60.ts, h-dxset90: preloaded springs, kits of six libraries
  ['held-out-60t', heldOut60tDrumSpecs], // drumclass60t.ts, h-dxset90: kickless batá, ringing baile funk, brush shuffle
  ['held-out-61', heldOut61DrumSpecs], // drumclass61.ts, h-dxset92: Pöschl–Teller kits, layered recorded kits
  ['held-out-61t', heldOut61tDrumSpecs], // drumclass61t.ts, h-dxset92: kickless ijexá, re-struck kizomba, brush samba
  ['held-out-62', heldOut62DrumSpecs], // drumclass62.ts, h-dxset96: Lennard-Jones kits, velocity-split recorded kits
  ['held-out-62t', heldOut62tDrumSpecs], // drumclass62t.ts, h-dxset96: kickless kpanlogo, re-struck trap, brush bossa
  ['held-out-63', heldOut63DrumSpecs], // drumclass63.ts, h-dxset98: Kratzer kits, re-amped recorded kits
  ['held-out-63t', heldOut63tDrumSpecs], // drumclass63t.ts, h-dxset98: kickless bomba, re-struck drill, brush ballad
  ['held-out-64', heldOut64DrumSpecs], // drumclass64.ts, h-dxset99: Davidson kits, close mics over other overheads
  ['held-out-64t', heldOut64tDrumSpecs], // drumclass64t.ts, h-dxset99: kickless surdo, re-struck perreo, brush beguine
  ['held-out-65', heldOut65DrumSpecs], // drumclass65.ts, h-dxset100: soft-Coulomb kits, DrumSynth-preset kits
  ['held-out-65t', heldOut65tDrumSpecs], // drumclass65t.ts, h-dxset100: kickless coco, axé 32nds, re-struck Miami bass
  ['pd-tune-37', pdTune37DrumSpecs], // drumclass-pdtune37.ts, h-dxkick37: phase-distortion kits, tuning material
  ['circuit-tune-37', circuitTune37DrumSpecs], // drumclass37tune.ts, h-dxbrush37: circuit kits, tuning only
  ['circuit-tune-37t', circuitTune37tDrumSpecs], // the same file: circuit kits under tom players, tuning only
  ['roll-tune-40', rollTune40DrumSpecs], // drumclass40roll.ts, h-dxroll40: swelling 32nd tom rolls, tuning only
  ['reso-tune-40', resoTune40DrumSpecs], // drumclass-resotune40.ts, h-dxhat40: resonator kits' hats, tuning only
];
const specSet = SPEC_SETS.find(([name]) => process.argv.includes(`--${name}`));
const STEMS = process.argv.includes('--stems');
const onlyOne = only5 || only6 || only7 || only8 || only9 || only10 || only11 || only12 || only13 || only14;
const only = onlyOne || only15 || only16 || only17 || only18 || only19 || specSet !== undefined;
for (const spec of only ? [] : all ? [...TUNING, ...HELD_OUT] : TUNING) {
  const s = drumStem(spec);
  run(
    `drumStem-${spec.font}`,
    `${spec.font}/${spec.seed}`,
    s.samples,
    s.rate,
    s.hits.map((h) => ({ t: h.onset / s.rate, piece: h.piece })),
  );
}
const sets: NonNullable<Parameters<typeof heldOutDrumSet>[1]>[] = specSet
  ? []
  : only19
    ? [{ set: 'held-out-19' }]
    : only18
      ? [{ set: 'held-out-18' }]
      : only17
        ? [{ set: 'held-out-17' }]
        : only16
          ? [{ set: 'held-out-16' }]
          : only15
            ? [{ set: 'held-out-15' }]
            : only14
              ? [{ set: 'held-out-14' }]
              : only13
                ? [{ set: 'held-out-13' }]
                : only12
                  ? [{ set: 'held-out-12' }]
                  : only11
                    ? [{ set: 'held-out-11' }]
                    : only10
                      ? [{ set: 'held-out-10' }]
                      : only9
                        ? [{ set: 'held-out-9' }]
                        : only8
                          ? [{ set: 'held-out-8' }]
                          : only7
                            ? [{ set: 'held-out-7' }]
                            : only6
                              ? [{ set: 'held-out-6' }]
                              : only5
                                ? [{ set: 'held-out-5' }]
                                : [{ tuning: true }, { set: 'class-tuning' }];
if (all)
  sets.push(
    { filter: (s) => !['GimmeAHand', 'circAfrique'].includes(s.kit.name) },
    { set: 'held-out-2' },
    { set: 'held-out-3' },
    { set: 'held-out-4' },
  );
/** Runs one rendered stem: its file decoded at 44.1 kHz, its truth the hits placed in it. */
function runFile(f: { kit: string; name: string; file: string; hits: { timeSeconds: number; piece: string }[] }) {
  const samples = Float32Array.from(decodeMono(f.file, 44100));
  run(
    f.kit,
    f.name,
    samples,
    44100,
    f.hits.map((h) => ({ t: h.timeSeconds, piece: h.piece })),
  );
}
for (const which of sets) {
  set = which.set ?? (which.tuning ? 'tuning-kits' : 'held-out-1');
  const { files, missing } = heldOutDrumSet(dir, which);
  for (const f of files) runFile(f);
  for (const m of missing) console.log(`missing: ${m}`);
}
if (specSet) {
  set = specSet[0];
  for (const spec of specSet[1]()) {
    const f = renderHeldOutDrum(spec, dir);
    if (typeof f === 'string') {
      console.log(`missing: ${spec.kit.name}: needs ${f}`);
      continue;
    }
    runFile(f);
  }
}
writeFileSync(
  process.argv.slice(2).find((a) => !a.startsWith('--') && !a.includes('=')) ?? 'bench/out/classdev.jsonl',
  out.join('\n') + '\n',
);
console.log(`${out.length} hits`);
