/**
 * Key evaluation (issue 12 points 1 and 3): shub's key engine on the tuning set (fixtures/groundtruth.ts
 * songSpecs(), FluidR3Mono, seeds 1000 + i, and the key development set fixtures/keytruth.ts keyTuningSpecs(),
 * FluidR3Mono, seeds 5000 + i: the only songs the key parameters were chosen on) and on two held-out sets
 * (heldOutSet(): 47 songs, TimGM6mb / MuseScore General, seeds 9000 + i; fixtures/keytruth.ts keySongSpecs(), seeds
 * 7000 + i, detuned up to ±45 cents), MIREX weighted score next to the Queen Mary key detector
 *   VAMP_PATH=/usr/lib/ardour7/vamp vamp-simple-host libardourvampplugins:qm-keydetector:key FILE
 * (the key held longest), plus:
 * - an ablation: the whole-file profile alone (no bass, no chords), i.e. the engine before issue 12;
 * - robustness: every KEY_PARAMETERS value at −10 % and +10 %, the held-out score's largest move.
 * The profiles are extracted once per file in process, one key block per STFT frame, and summed here into blocks of
 * any length (what the native extractor does for the default length); they are cached beside each WAV.
 * `--fresh` adds the fresh held-out key set (fixtures/keytruth.ts freshKeySpecs(), seeds 31000 + i: evaluated once,
 * at the end of the second round); `--fresh2` the third round's (fresh2KeySpecs(), seeds 33000 + i, evaluated once at
 * the end of the third round). The tuning sets include the third round's voicing songs (keyVoicingTuningSpecs(),
 * FluidR3Mono, seeds 6000 + i). `--tuning-only`, `--grid`, `--margins` and `--explain` look at the tuning sets only;
 * `--params='{…}'` runs other KEY_PARAMETERS values (alternatives), `--no-robust` skips the ±10 % table, `--set=NAME`
 * takes one set alone.
 *
 * `--union` (fourth round) makes every earlier set tuning material (218 songs); `--fresh3` adds the fourth round's
 * held-out set (fresh3KeySpecs(), apt soundfonts sf_GMbank and OPL-3 FM, seeds 35000 + i, evaluated once).
 *
 * `--union5` (fifth round) makes the fourth round's held-out set tuning material too (262 songs); `--fresh4` adds the
 * fifth round's held-out set (fresh4KeySpecs(), TiMidity++ with freepats, seeds 37000 + i, evaluated once).
 *
 * `--union6` (sixth round) makes the fifth round's held-out set tuning material too (306 songs); `--fresh5` adds the
 * sixth round's held-out set (fresh5KeySpecs(), synthesized instruments and kits, no soundfont, seeds 39000 + i,
 * evaluated once).
 *
 * `--union7` (seventh round) makes the sixth round's held-out set tuning material too (350 songs); `--fresh6` adds the
 * seventh round's held-out set (fixtures/keyfresh6.ts fresh6KeySpecs(), lmms-common one-shots played by a sampler,
 * seeds 41000 + i, evaluated once).
 *
 * `--union8` (eighth round) makes the seventh round's held-out set tuning material too (394 songs); `--fresh7` adds
 * the eighth round's held-out set (fixtures/keyfresh7.ts fresh7KeySpecs(), every note synthesized by SoX, seeds
 * 43000 + i, evaluated once).
 *
 * `--union9` (ninth round) makes the eighth round's held-out set tuning material too (438 songs); `--fresh8` adds the
 * ninth round's held-out set (fixtures/keyfresh8.ts fresh8KeySpecs(), Sonic Pi samples and an espeak-ng voice through
 * a sampler, seeds 45000 + i, evaluated once).
 *
 * `--union10` (eleventh round) makes the ninth round's held-out set tuning material too (482 songs); `--fresh9` adds
 * the eleventh round's held-out set (fixtures/keyfresh9.ts fresh9KeySpecs(), synthesizers written for it, a Festival
 * singing voice and avldrums kits, seeds 47000 + i, evaluated once).
 *
 * `--union11` (twelfth round) makes the eleventh round's held-out set tuning material too (526 songs); `--fresh10` adds
 * the twelfth round's held-out set (fixtures/keyfresh10.ts fresh10KeySpecs(), Debian fluidsynth with FluidR3_GM.sf2,
 * strummed chords, Hydrogen kits, seeds 49000 + i, evaluated once).
 *
 *   node dist/bench/key-eval.js [--no-peers] [--verbose] [--fresh] [--union --fresh3] [--union5 --fresh4]
 *   [--union6 --fresh5] [--union7 --fresh6] [--union8 --fresh7] [--union9 --fresh8] [--union10 --fresh9]
 *   [--union11 --fresh10] [--union12 --fresh11]
 *
 * `--union12` (fourteenth round) makes the twelfth round's held-out set tuning material too (570 songs); `--fresh11`
 * adds the fourteenth round's held-out set (fixtures/keyfresh11.ts fresh11KeySpecs(), drawbar organ, plucked string
 * with a body, FM brass through formants, an espeak-ng choir, synthesized hand percussion, seeds 51000 + i,
 * evaluated once).
 *
 * `--union13` (seventeenth round) makes the fourteenth round's held-out set tuning material too (614 songs);
 * `--fresh12` adds the seventeenth round's held-out set (fixtures/keyfresh12.ts fresh12KeySpecs(), GM programs no key
 * set used from the npm soundfonts MuseScore General Lite and TimGM6mb, 48 kHz, modal songs labelled by the MIREX
 * convention, seeds 53000 + i, evaluated once).
 *
 * `--union14` (nineteenth round) makes the seventeenth round's held-out set tuning material too (658 songs);
 * `--fresh13` adds the nineteenth round's held-out set (fixtures/keyfresh13.ts fresh13KeySpecs(), TiMidity++ playing
 * the SF2 banks sf_GMbank and OPL-3 FM, a note generator with phrases and styles no set used, 20 modal songs labelled
 * by the MIREX convention, seeds 55000 + i, evaluated once).
 *
 * `--union15` (twenty-second round) makes the nineteenth round's held-out set tuning material too (702 songs);
 * `--fresh14` adds the twenty-second round's held-out set (fixtures/keyfresh14.ts fresh14KeySpecs(), fluidsynth playing
 * sf_GMbank at 32 kHz and OPL-3 FM at 48 kHz, a note generator with a motif melody, hymn/jig/tango/arpeggiator/gospel
 * styles and pedal basses, radio-edit fades in dB, seeds 57000 + i, evaluated once).
 *
 * `--union16` (twenty-third round) makes the twenty-second round's held-out set tuning material too (746 songs);
 * `--fresh15` adds the twenty-third round's held-out set (fixtures/keyfresh15.ts fresh15KeySpecs(), a synthesizer
 * written for it: FM electric piano, struck bars, pulse bass, drawbar organ at 44.1 kHz; pedals, drones and fade-ins,
 * seeds 59000 + i, evaluated once).
 *
 * `--union17` (twenty-fourth round) makes the twenty-third round's held-out set tuning material too (778 songs);
 * `--fresh16` adds the twenty-fourth round's held-out set (fixtures/keyfresh16.ts fresh16KeySpecs(), a synthesizer
 * and a note generator written for it, seeds 61000 + i, evaluated once).
 *
 * `--union18` (twenty-sixth round) makes the twenty-fourth round's held-out set tuning material too (818 songs);
 * `--fresh17` adds the twenty-sixth round's held-out set (fixtures/keyfresh17.ts fresh17KeySpecs(), a synthesizer
 * and a note generator written for it: bowed strings, harpsichord, upright/tuba/saturated-sine basses, 24 kHz,
 * seeds 63000 + i, evaluated once).
 *
 * `--union19` (twenty-seventh round) makes the twenty-sixth round's held-out set tuning material too (858 songs);
 * `--fresh18` adds the twenty-seventh round's held-out set (fixtures/keyfresh18.ts fresh18KeySpecs(), TiMidity++
 * playing FluidR3_GM with the guitars through guitarix amp impulse responses, a song-form generator with verses and
 * choruses, seeds 65000 + i, evaluated once). `--union20` (twenty-ninth round) makes fresh18 tuning material too
 * (894 songs); `--fresh19` adds the twenty-ninth round's held-out set (fixtures/keyfresh19.ts fresh19KeySpecs(),
 * fluidsynth playing the npm SF3 banks MuseScore General Lite and TimGM6mb with its reverb and chorus, fresh18's
 * song-form generator given Dorian/Phrygian vamps, loops that start on vi and endings of every kind, seeds 67000 + i,
 * evaluated once). `--fresh20` (thirtieth round) adds its held-out set (fixtures/keyfresh20.ts fresh20KeySpecs(),
 * a note generator written for it with house/synthwave/lo-fi/country/12-8 soul/chiptune styles, fluidsynth playing
 * FluidR3Mono_GM.sf3, detuned by pitch bends, loops that start on vi or IV in major and the same chords in minor,
 * seeds 69000 + i, evaluated once); fresh19 stays held out (not in `--union20`'s tuning material). `--union21`
 * (thirty-first round) makes fresh19 and fresh20 tuning material too; `--fresh21` adds its held-out set
 * (fixtures/keyfresh21.ts fresh21KeySpecs(), a note generator written for it with highlife/baroque/surf/motown/
 * ambient/trap styles and a melody written from the key, spessasynth playing Debian's FluidR3_GM.sf2, detuned by a
 * drifting pitch bend, modal vamps, loops that start on vi or IV and their minor chord sets, seeds 71000 + i,
 * evaluated once). `--fresh22` (thirty-second round) adds its held-out set (fixtures/keyfresh22.ts fresh22KeySpecs(),
 * a note generator written for it with dub/bluegrass/motorik/cumbia/doo-wop/post-rock styles and a call-and-response
 * melody, TiMidity++ playing freepats, SoX's pitch shift, rooms and shaped fades, seeds 73000 + i, evaluated once;
 * fresh21 stays held out). `--fresh23` (thirty-third round) adds its held-out set (fixtures/keyfresh23.ts
 * fresh23KeySpecs(), a note generator written for it with ska/gospel/bossa/modal-jazz/montuno styles, spessasynth
 * playing the chords from sf_GMbank and the bass and melody from OPL-3 FM, detuned by resampling, an MP3/Opus/Vorbis
 * round trip, seeds 75000 + i, evaluated once; fresh22 is tuning material from then on). `--fresh24` (thirty-fifth
 * round) adds its held-out set (fixtures/keyfresh24.ts fresh24KeySpecs(), a note generator written for it with
 * polka/reggaeton/afrobeat/samba/celtic/klezmer styles and a motif melody, a sampler written for it playing freepats'
 * GUS patches at 22.05 kHz with a drifting detune, seeds 77000 + i, evaluated once). `--fresh25` (thirty-sixth
 * round) adds its held-out set (fixtures/keyfresh25.ts fresh25KeySpecs(), a note generator written for it with
 * flamenco/calypso/bolero/shoegaze/mariachi/lullaby styles and phrase ends on the chord's third, TiMidity++ playing
 * the npm SF3 banks TimGM6mb and MuseScore General Lite, detuned by its output rate and a SoX bend, seeds 79000 + i,
 * evaluated once). `--fresh26` (thirty-eighth round) adds its held-out set (fixtures/keyfresh26.ts
 * fresh26KeySpecs(), a note generator written for it with disco/trance/piano-ballad/grunge/jangle/slow-jam styles,
 * relative-key twins and a melody whose phrases cadence ^3–^2–^1 on the key's tonic, TiMidity++ playing TimGM6mb
 * with avldrums stems from fluidsynth, detuned by Rubber Band, seeds 81000 + i). `--fresh27` (forty-first round) adds
 * its held-out set (fixtures/keyfresh27.ts fresh27KeySpecs(), a note generator written for it with shuffle/new-wave/
 * city-pop/bachata/boogie/shanty styles, relative twins, modal vamps, four songs lifted a step for their last
 * choruses, a melody rising ^7–^1 on every second consequent, TiMidity++ playing sf_GMbank and OPL-3 FM, detuned by
 * its frequency table with stretched octaves, seeds 83000 + i). `--fresh28` (forty-second round) adds its held-out
 * set (fixtures/keyfresh28.ts fresh28KeySpecs(), a note generator written for it with tango/hymn/Travis/zouk/
 * minimal/nocturne styles, relative-ambiguous loops whose period ends close on the tonic, an additive synthesizer
 * written for it at 32 kHz, 6 songs detuned, seeds 85000 + i). `--fresh29` (forty-third round) adds its held-out
 * set (fixtures/keyfresh29.ts fresh29KeySpecs(), relative-ambiguous loops that never cadence, the key carried by
 * the melody's centre and long notes, the first chord, a tonic pedal or long tonic bass notes, a phase-distortion
 * synthesizer written for it at 24 kHz, 6 songs detuned, seeds 86000 + i). `--fresh30` (forty-fifth round) adds
 * its held-out set (fixtures/keyfresh30.ts fresh30KeySpecs(), 22 songs that cadence V(7)–I and 22 that never do,
 * eurodance/yacht/skiffle/hyperpop/chanson/manouche styles, a waveshaping synthesizer written for it at 16 kHz,
 * Werckmeister III, just and A432 tunings, seeds 88000 + i). `--fresh31` (forty-sixth round) adds its held-out set
 * (fixtures/keyfresh31.ts fresh31KeySpecs(), 22 cadencing and 22 open songs with tonic pedals in both halves,
 * forró/mbira/lounge/glitch/soca/chamber styles, a VOSIM formant synthesizer written for it at 48 kHz,
 * quarter-comma meantone, Pythagorean and +20 cent tunings, seeds 90000 + i). `--fresh32` (forty-seventh round)
 * adds its held-out set (fixtures/keyfresh32.ts fresh32KeySpecs(), 22 cadencing and 22 open songs, tonic pedals in
 * both halves and dominant pedals as a control, steelband/marimba/cool jazz/music box/carillon/exotica styles, a
 * modal synthesizer written for it at 44.1 kHz, Vallotti, Kirnberger III and −16 cent tunings, seeds 92000 + i).
 * `--fresh33` (forty-ninth round) adds its held-out set (fixtures/keyfresh33.ts fresh33KeySpecs(), 22 cadencing and
 * 22 open songs, tonic pedals in both halves (Mixolydian and Dorian among them), dominant pedals as a control, open
 * songs mostly ending cold or held off the tonic, zydeco/fado/barbershop/kwela/vaporwave/UK garage styles, a
 * granular synthesizer written for it at 48 kHz, Young II, Kellner and +12 cent tunings, seeds 94000 + i).
 * `--fresh34` (fifty-first round) adds its held-out set (fixtures/keyfresh34.ts fresh34KeySpecs(), 22 cadencing and
 * 22 open songs, tonic pedals in both halves (every Mixolydian and Dorian song), dominant pedals as a control, open
 * phrases held on the tonic triad's fifth or third, ragtime/rockabilly/hornpipe/grime/new age/tarantella styles, a
 * hard-sync synthesizer written for it at 44.1 kHz, sixth-comma meantone and −8 cent tunings, seeds 96000 + i).
 * `--fresh35` (fifty-second round) adds its held-out set (fixtures/keyfresh35.ts fresh35KeySpecs(), 22 cadencing and
 * 22 open songs, 15 open songs without a tonic pedal, tonic pedals in both halves (every Mixolydian and Dorian song),
 * dominant pedals as a control, soukous/bhangra/trip-hop/schlager/sirtaki/jungle styles, a ring-modulation
 * synthesizer written for it at 37.8 kHz, 2/7-comma meantone and A4 = 435 Hz tunings, seeds 97000 + i).
 * `--fresh36` (fifty-third round) adds its held-out set (fixtures/keyfresh36.ts fresh36KeySpecs(), 22 cadencing and
 * 22 open songs, 16 open songs without a tonic pedal, tonic pedals in both halves (every Mixolydian and Dorian song),
 * dominant pedals as a control, merengue/cha-cha-chá/swing/techno/habanera/chillwave styles, no intro, a
 * discrete-summation synthesizer written for it at 40 kHz, third-comma meantone and A4 = 444 Hz tunings, a flanger,
 * seeds 98000 + i).
 * `--fresh37` (fifty-fourth round) adds its held-out set (fixtures/keyfresh37.ts fresh37KeySpecs(), 22 cadencing and
 * 22 open songs, 14 open songs without a tonic pedal, tonic pedals in both halves (every Mixolydian and Dorian song,
 * four each), dominant pedals as a control, dubstep/kizomba/gqom/lambada/synthpop/drill styles, a one-bar intro,
 * a Walsh-function synthesizer written for it at 36 kHz, Lehman's Bach and A4 = 446 Hz tunings, a phaser, seeds
 * 99000 + i).
 * `--fresh38` (fifty-sixth round) adds its held-out set (fixtures/keyfresh38.ts fresh38KeySpecs(), 22 cadencing and
 * 22 open songs, 16 open songs without a tonic pedal, tonic pedals in both halves (every Mixolydian and Dorian song,
 * three each), dominant pedals as a control, borrowed chords and add9/sus colours, reggae/funk/kompa/march/rumba/
 * breakbeat styles, a two-bar intro, triplet melody cells, a wave-terrain synthesizer written for it at 42 kHz,
 * fifth-comma meantone and A4 = 431 Hz tunings, a bit crusher, seeds 100000 + i).
 * `--fresh39` (fifty-seventh round) adds its held-out set (fixtures/keyfresh39.ts fresh39KeySpecs(), 22 cadencing and
 * 22 open songs, 16 open songs without a tonic pedal, tonic pedals in both halves (every Mixolydian and Dorian song,
 * three each), dominant pedals as a control, secondary dominants and sixth/seventh/first-inversion colours, solo
 * piano/strummed guitar/walking bass/string pad without bass/harp arrangements, no intro (A A B A B A), dotted
 * melody cells, a scanned synthesizer written for it at 30 kHz, stretched-octave and A4 = 450 Hz tunings, a
 * Schroeder hall reverb, seeds 101000 + i).
 * `--fresh40` (fifty-eighth round) adds its held-out set (fixtures/keyfresh40.ts fresh40KeySpecs(), 22 cadencing and
 * 22 open songs, 16 open songs without a tonic pedal, tonic pedals in both halves (two Mixolydian, two Dorian, one
 * Lydian, one Aeolian), dominant pedals as a control, power/spread/doubled chord colours, III and VI in major,
 * organ/choir/brass/eighth-pulse/tribal arrangements, a two-bar intro (then A B A A B), syncopated melody cells, a
 * dynamic stochastic (GENDYN) synthesizer written for it at 34 kHz, A4 = 442 Hz and a drifting tuning, a rotary
 * speaker, seeds 102000 + i).
 * `--fresh41` (fifty-ninth round) adds its held-out set (fixtures/keyfresh41.ts fresh41KeySpecs(), 22 cadencing and
 * 22 open songs, 17 open songs without a tonic pedal, tonic pedals in both halves (one Mixolydian, one Lydian, two
 * Dorian, one Phrygian), dominant pedals as a control, second-inversion/shell/octave chord colours, modal mixture
 * in major, Alberti/hocket/stomp/12-8 lilt/sparse arrangements, no intro (B A A B A, a break bar), gallop melody
 * cells, a 1-bit delta-sigma synthesizer written for it at 28 kHz, A4 = 447 Hz and a tape-wow tuning, a telephone
 * band, seeds 103000 + i).
 * `--fresh42` (sixty-third round) adds its held-out set (fixtures/keyfresh42.ts fresh42KeySpecs(), 22 cadencing and
 * 22 open songs, two synthesis families half the songs each (van der Pol oscillators, FOF formant voices), 18 open
 * songs without a tonic pedal, tonic pedals in both halves, dominant pedals as a control, suspended/add9/drop-2
 * chord colours, the Neapolitan bII, tremolo/ostinato/charleston/roll/pointillist arrangements, A B B A A, triplet
 * melody cells, 26 kHz, A4 = 438 Hz and a loose per-note tuning, a ping-pong echo, seeds 104000 + i).
 * `--fresh43` (sixty-fourth round) adds its held-out set (fixtures/keyfresh43.ts fresh43KeySpecs(), 22 cadencing and
 * 22 open songs, two synthesis families half the songs each (Kelly–Lochbaum tubes on a Rosenberg pulse, RC
 * relaxation circuits), 18 open songs without a tonic pedal, tonic pedals in both halves, dominant pedals as a
 * control, added-eleventh/high/low chord colours, cascade/chop/bellows/tick/throb arrangements, A B B B A,
 * Scotch-snap melody cells, 38 kHz, A4 = 436 Hz and a per-track tuning, an auto-pan, seeds 105000 + i).
 * `--fresh44` (sixty-fifth round) adds its held-out set (fixtures/keyfresh44.ts fresh44KeySpecs(), 22 cadencing and
 * 22 open songs, two synthesis families half the songs each (a divide-down organ, a dispersed pulse train), 18 open
 * songs without a tonic pedal, tonic pedals in both halves, dominant pedals as a control, progressions drawn per
 * song, added-sixth/spread/first-inversion chord colours, rake/hop/swell/pump/zigzag arrangements, A B A B B,
 * tresillo melody cells, a swung player, 35 kHz, A4 = 443 Hz and celeste chords, a rotary speaker, seeds 106000 + i).
 * `--fresh45` (sixty-seventh round) adds its held-out set (fixtures/keyfresh45.ts fresh45KeySpecs(), 30 major and 14
 * minor songs that all establish their tonic: authentic, plagal and modal cadences, tonic vamps, twelve-bar blues;
 * borrowed chords, secondary dominants, 11 modulating bridges that return, 12 key-ambiguous intros, fades and cold
 * endings; finite-difference strings and an electric piano's tine through its pickup; 33 kHz, A4 = 445 Hz and
 * A4 = 432 Hz, drums and bass loud, a tape saturator, seeds 108000 + i).
 * `--fresh46` (sixty-eighth round) adds its held-out set (fixtures/keyfresh46.ts fresh46KeySpecs(), 31 major and 13
 * minor songs that all establish their tonic: authentic, plagal and modal cadences, four-chord loops, twelve- and
 * eight-bar blues; borrowed chords, secondary dominants, 10 modulating bridges that return, 12 key-ambiguous intros,
 * fades and cold endings; a self-oscillating reed and phase-aligned formant brass; 31.25 kHz, A4 = 437 Hz and
 * A4 = 448 Hz, drums and bass loud, a bus compressor, seeds 109000 + i).
 * `--fresh47` (sixty-ninth round) adds its held-out set (fixtures/keyfresh47.ts fresh47KeySpecs(), 28 major and 16
 * minor songs that all establish their tonic: authentic, plagal and modal cadences, loops, twelve- and eight-bar
 * blues; borrowed chords, secondary dominants, 11 modulating bridges that return, 13 key-ambiguous intros, fades and
 * cold endings; a bowed-string waveguide (pizzicato bass) and modified FM; 39 kHz, A4 = 441 Hz and A4 = 434 Hz, drums
 * and bass loud, a Schroeder room, seeds 110000 + i).
 * `--fresh48` (seventy-first round) adds its held-out set (fixtures/keyfresh48.ts fresh48KeySpecs(), 32 major and 12
 * minor songs that all establish their tonic: authentic, plagal and modal cadences, loops, twelve- and eight-bar
 * blues; borrowed chords, secondary dominants, 11 modulating bridges that return, 15 key-ambiguous intros, fades and
 * cold endings; feedback amplitude modulation and pulsar synthesis; 29 kHz, A4 = 439 Hz and A4 = 449 Hz, drums and
 * bass loud, a slapback echo, seeds 111000 + i).
 * `--fresh49` (seventy-third round) adds its held-out set (fixtures/keyfresh49.ts fresh49KeySpecs(), 30 minor and 14
 * major electronic dance tracks after the GiantSteps Key picture that all establish their tonic: loops from the tonic,
 * tonic pedals, modal, authentic and plagal cadences; borrowed chords, second breakdowns that modulate and return,
 * key-ambiguous intros, fades and cold endings; a super saw and a channel vocoder; 27 kHz, A4 = 433 Hz and
 * A4 = 444.4 Hz, drums and bass loud, a side-chain pump, seeds 112000 + i).
 * `--fresh50` (seventy-fourth round) adds its held-out set (fixtures/keyfresh50.ts fresh50KeySpecs(), 33 major and 11
 * minor jazz standards after the jazz-standard lead sheets' picture (flat keys first) that all establish their tonic:
 * ii–V–I's, turnarounds, backdoor and tritone-substitute cadences, the minor ii–V, Dorian vamps, tonic pedals;
 * secondary dominants, borrowed chords, bridges that modulate and return, key-ambiguous intros, walking bass, a solo
 * chorus, swing; tags, fades and cold endings; banded waveguides and a heterodyne oscillator; 25 kHz, A4 = 435.5 Hz
 * and A4 = 446.5 Hz, seeds 113000 + i).
 * `--fresh51` (seventy-fifth round) adds its held-out set (fixtures/keyfresh51.ts fresh51KeySpecs(), 22 major and 22
 * minor songs in six styles no set used (danzón, biguine, plena, palm-wine, a minimalist film cue, a 12/8 spiritual):
 * half on tuned percussion by modal synthesis from published mode ratios (marimba, xylophone, vibraphone,
 * glockenspiel, celesta, kalimba, music box, steel pan, tubular bells), half on a parallel formant synthesizer; A4 =
 * 432, 437, 440, 443, 446 Hz and 22.05, 32, 44.1, 48 kHz crossed with both halves, seeds 114000 + i).
 * `--why` (seventy-fifth round) adds to each `--verbose` line the song's tuning concentration (the no-key gate's
 * measure, tuningGate: the low band's since h-kgate75) and, when the engine returns no key, its reason.
 * `--first-chords` (thirty-seventh
 * round) counts, per set, the songs whose decision's first chord has the root of the written first chord (the Roman
 * numeral in the song's name). `--misses`
 * lists every song shub gets wrong with its error type and its causes read from the song and the decision (pedal,
 * modal, final chord not the tonic, detuned).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { heldOutSet, renderTruthSong, songSpecs } from '../fixtures/groundtruth.js';
import {
  fresh2KeySet,
  fresh3KeySet,
  fresh4KeySet,
  fresh5KeySet,
  freshKeySet,
  keyTruthSet,
  keyTuningSet,
  keyVoicingTuningSet,
  type KeyTruthFile,
} from '../fixtures/keytruth.js';
import { fresh6KeySet } from '../fixtures/keyfresh6.js';
import { fresh7KeySet } from '../fixtures/keyfresh7.js';
import { fresh8KeySet } from '../fixtures/keyfresh8.js';
import { fresh9KeySet } from '../fixtures/keyfresh9.js';
import { fresh10KeySet } from '../fixtures/keyfresh10.js';
import { fresh11KeySet } from '../fixtures/keyfresh11.js';
import { fresh12KeySet } from '../fixtures/keyfresh12.js';
import { fresh13KeySet } from '../fixtures/keyfresh13.js';
import { fresh14KeySet } from '../fixtures/keyfresh14.js';
import { fresh15KeySet } from '../fixtures/keyfresh15.js';
import { fresh16KeySet } from '../fixtures/keyfresh16.js';
import { fresh17KeySet } from '../fixtures/keyfresh17.js';
import { fresh18KeySet } from '../fixtures/keyfresh18.js';
import { fresh19KeySet } from '../fixtures/keyfresh19.js';
import { fresh20KeySet } from '../fixtures/keyfresh20.js';
import { fresh21KeySet } from '../fixtures/keyfresh21.js';
import { fresh22KeySet } from '../fixtures/keyfresh22.js';
import { fresh23KeySet } from '../fixtures/keyfresh23.js';
import { fresh24KeySet } from '../fixtures/keyfresh24.js';
import { fresh25KeySet } from '../fixtures/keyfresh25.js';
import { fresh26KeySet } from '../fixtures/keyfresh26.js';
import { fresh27KeySet } from '../fixtures/keyfresh27.js';
import { fresh28KeySet } from '../fixtures/keyfresh28.js';
import { fresh29KeySet } from '../fixtures/keyfresh29.js';
import { fresh30KeySet } from '../fixtures/keyfresh30.js';
import { fresh31KeySet } from '../fixtures/keyfresh31.js';
import { fresh32KeySet } from '../fixtures/keyfresh32.js';
import { fresh33KeySet } from '../fixtures/keyfresh33.js';
import { fresh34KeySet } from '../fixtures/keyfresh34.js';
import { fresh35KeySet } from '../fixtures/keyfresh35.js';
import { fresh36KeySet } from '../fixtures/keyfresh36.js';
import { fresh37KeySet } from '../fixtures/keyfresh37.js';
import { fresh38KeySet } from '../fixtures/keyfresh38.js';
import { fresh39KeySet } from '../fixtures/keyfresh39.js';
import { fresh40KeySet } from '../fixtures/keyfresh40.js';
import { fresh41KeySet } from '../fixtures/keyfresh41.js';
import { fresh42KeySet } from '../fixtures/keyfresh42.js';
import { fresh43KeySet } from '../fixtures/keyfresh43.js';
import { fresh44KeySet } from '../fixtures/keyfresh44.js';
import { fresh45KeySet } from '../fixtures/keyfresh45.js';
import { fresh46KeySet } from '../fixtures/keyfresh46.js';
import { fresh47KeySet } from '../fixtures/keyfresh47.js';
import { fresh48KeySet } from '../fixtures/keyfresh48.js';
import { fresh49KeySet } from '../fixtures/keyfresh49.js';
import { fresh50KeySet } from '../fixtures/keyfresh50.js';
import { fresh51KeySet } from '../fixtures/keyfresh51.js';
import { openAudio } from '../src/io/audio.js';
import { resolveFfmpeg } from '../src/io/ffmpeg.js';
import { feedSource } from '../src/engines/analysis/pipeline.js';
import { CHROMA_PARAMETERS, KEY_PARAMETERS } from '../src/engines/analysis/params.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import {
  analyzeKey,
  keyBlockFrames,
  tuningAwareChroma,
  tuningGate,
  type EstimateKeyOptions,
  type KeyBlocks,
  type KeyParameterName,
} from '../src/engines/key/index.js';
import { keyScore, type KeyLabel } from './metrics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const VAMP_PATH = '/usr/lib/ardour7/vamp';
const PEERS = !process.argv.includes('--no-peers') && existsSync(VAMP_PATH);
const VERBOSE = process.argv.includes('--verbose');
const EXPLAIN = process.argv.includes('--explain');
const MARGINS = process.argv.includes('--margins');
const WARM = process.argv.includes('--warm');
// --warm --fresh-only: the fresh set alone (to fill its caches while the other sets render)
const FRESH_ONLY = process.argv.includes('--fresh-only');
const GRID = process.argv.includes('--grid');
const ONLY_TUNING = GRID || process.argv.includes('--tuning-only');
// the fresh held-out key set (fixtures/keytruth.ts freshKeySpecs()) only when asked: it is evaluated once, with
// --fresh; the third round's fresh held-out set (fixtures/keytruth.ts fresh2KeySpecs()): evaluated once, with --fresh2
// the fourth round (h-key4): every earlier set is tuning material (--union: the 218 songs of the first three rounds,
// all of whose misses were looked at); the fourth round's fresh set (fresh3KeySpecs(), apt soundfonts, seeds
// 35000 + i) is the held-out set, evaluated once, with --fresh3
// the fifth round (h-key5): the fourth round's held-out set is tuning material too (--union5: 262 songs); the fifth
// round's fresh set (fresh4KeySpecs(), TiMidity++ with freepats, seeds 37000 + i) is the held-out set, with --fresh4
// the sixth round (h-key6): fresh4 is tuning material too (--union6: 306 songs); the sixth round's fresh set
// (fresh5KeySpecs(), synthesized instruments, seeds 39000 + i) is the held-out set, with --fresh5
// the seventh round (h-key7): fresh5 is tuning material too (--union7: 350 songs); the seventh round's fresh set
// (fixtures/keyfresh6.ts, lmms-common one-shots through a sampler, seeds 41000 + i) is the held-out set, with --fresh6
// the eighth round (h-key8): fresh6 is tuning material too (--union8: 394 songs); the eighth round's fresh set
// (fixtures/keyfresh7.ts, every note synthesized by SoX, seeds 43000 + i) is the held-out set, with --fresh7
// the ninth round (h-key9): fresh7 is tuning material too (--union9: 438 songs); the ninth round's fresh set
// (fixtures/keyfresh8.ts, Sonic Pi samples and an espeak-ng voice through a sampler, seeds 45000 + i) is the held-out
// set, with --fresh8
// the eleventh round (h-key11): fresh8 is tuning material too (--union10: 482 songs); the eleventh round's fresh set
// (fixtures/keyfresh9.ts, synthesizers written for it, Festival singing, avldrums kits, seeds 47000 + i) is the
// held-out set, with --fresh9
// the twelfth round (h-key12): fresh9 is tuning material too (--union11: 526 songs); the twelfth round's fresh set
// (fixtures/keyfresh10.ts, fluidsynth with FluidR3_GM.sf2, strummed chords, Hydrogen kits, seeds 49000 + i) is the
// held-out set, with --fresh10
// the fourteenth round (h-key14): fresh10 is tuning material too (--union12: 570 songs); the fourteenth round's fresh
// set (fixtures/keyfresh11.ts, instruments and hand percussion synthesized for it, an espeak-ng choir, seeds
// 51000 + i) is the held-out set, with --fresh11
// --unionN (N 5…21, --union is 4): the sets before that round are tuning material; each implies the unions below it
const union = (n: number) =>
  Array.from({ length: 22 - n }, (_, k) => (n + k === 4 ? '--union' : `--union${n + k}`)).some((a) =>
    process.argv.includes(a),
  );
const UNION = union(4);
// whether the union that made fresh set N tuning material is on (fresh and fresh2: --union; fresh3–18: --unionN+2;
// fresh19–20: --union21; the later sets: none)
const tuningBy = (n: number) => (n <= 2 ? union(4) : n <= 18 ? union(n + 2) : n <= 20 && union(21));
// --freshN (fresh: --fresh): that round's fresh set (not with --tuning-only), or all it holds with the union that
// made it tuning
const freshTaken = (n: number) => tuningBy(n) || (process.argv.includes(`--fresh${n === 1 ? '' : n}`) && !ONLY_TUNING);
const MISSES = process.argv.includes('--misses');
// --first-chords (round 37): per set, how often the decision's first chord has the root of the song's written first
// chord (the Roman numeral in the names of the Roman-numeral sets, fresh18 on: generator truth, not shub's reading)
const FIRST_CHORDS = process.argv.includes('--first-chords');
// --params='{"name":value,…}': other KEY_PARAMETERS values than the defaults for every shub run (alternatives)
const PARAMS = JSON.parse(
  process.argv.find((a) => a.startsWith('--params='))?.slice(9) ?? '{}',
) as EstimateKeyOptions['params'];
const NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
// --fade-tuning=SECONDS (twenty-second round): the tuning songs that stop mid-loop (named `fade`) faded out as a radio
// edit does, 0 → −60 dB linear in dB over their last SECONDS of sound, applied to the cached per-frame profiles
// (they scale with the gain); the earlier sets' fades are a loop that stops (fresh13: a 4 s linear fade)
const FADE_TUNING = Number(process.argv.find((a) => a.startsWith('--fade-tuning='))?.slice(14) ?? 0);

const SETS = [
  'tuning',
  'tuning key set',
  'tuning voicing set',
  'held-out songs',
  'held-out key set',
  'fresh key set',
  'fresh2 key set',
  'fresh3 key set',
  'fresh4 key set',
  'fresh5 key set',
  'fresh6 key set',
  'fresh7 key set',
  'fresh8 key set',
  'fresh9 key set',
  'fresh10 key set',
  'fresh11 key set',
  'fresh12 key set',
  'fresh13 key set',
  'fresh14 key set',
  'fresh15 key set',
  'fresh16 key set',
  'fresh17 key set',
  'fresh18 key set',
  'fresh19 key set',
  'fresh20 key set',
  'fresh21 key set',
  'fresh22 key set',
  'fresh23 key set',
  'fresh24 key set',
  'fresh25 key set',
  'fresh26 key set',
  'fresh27 key set',
  'fresh28 key set',
  'fresh29 key set',
  'fresh30 key set',
  'fresh31 key set',
  'fresh32 key set',
  'fresh33 key set',
  'fresh34 key set',
  'fresh35 key set',
  'fresh36 key set',
  'fresh37 key set',
  'fresh38 key set',
  'fresh39 key set',
  'fresh40 key set',
  'fresh41 key set',
  'fresh42 key set',
  'fresh43 key set',
  'fresh44 key set',
  'fresh45 key set',
  'fresh46 key set',
  'fresh47 key set',
  'fresh48 key set',
  'fresh49 key set',
  'fresh50 key set',
  'fresh51 key set',
] as const;
type Set = (typeof SETS)[number];
/** The N of 'freshN key set' (1 for 'fresh key set'); 0 for the other sets. */
const freshNumber = (s: string) => {
  const m = /^fresh(\d*) key set$/.exec(s);
  return m ? Number(m[1] || 1) : 0;
};
// --union: every set looked at before the fresh3 round is tuning material. Each union (the highest given) and the
// fresh sets up to fresh15 it leaves out (as each union was written); from fresh16 on a set is tuning material under
// the union that made it so (tuningBy)
const LEFT_OUT: [number, number[]][] = [
  [17, []],
  [16, [15]],
  [15, [14, 15]],
  [14, [13, 14, 15]],
  [13, [12, 13, 14]],
  [12, [11, 12]],
  [11, [10, 11]],
  [10, [9, 10]],
  [9, [8, 9]],
  [8, [7, 8]],
  [7, [6, 7]],
  [6, [5, 6, 7]],
  [5, [4, 5, 6, 7]],
  [4, [3, 4, 5, 6, 7]],
];
const leftOut = LEFT_OUT.find(([u]) => union(u))?.[1];
const TUNING: readonly Set[] = (
  leftOut ? SETS.filter((s) => !leftOut.includes(freshNumber(s))) : SETS.slice(0, 3)
).filter((s) => freshNumber(s) < 16 || tuningBy(freshNumber(s)));
const FRESH_SETS: readonly Set[] = SETS.filter((s) => freshNumber(s) > 0);

interface Item {
  set: Set;
  name: string;
  file: string;
  key: KeyLabel;
  detuneCents?: number;
}

interface Profiles {
  pitchClass: Float64Array;
  bassPitchClass: Float64Array;
  /** The tuning gate's profile (peaks below tuningGateMaxHz: gateProfile), when asked for. */
  gatePitchClass?: Float64Array;
  frames: Float32Array;
  bassFrames: Float32Array;
  hopSeconds: number;
}

// --gate-max-hz=HZ (h-kgate75): the tuning gate's profile with another cut than CHROMA_PARAMETERS.tuningGateMaxHz
// (the ±10 % check; each cut is cached beside the file)
const GATE_MAX_HZ = Number(
  process.argv.find((a) => a.startsWith('--gate-max-hz='))?.slice(14) ?? CHROMA_PARAMETERS.tuningGateMaxHz.value,
);

/**
 * The tuning gate's profile of a file (h-kgate75: the whole-file pitch-class profile of the peaks below
 * GATE_MAX_HZ), cached beside it (`.gate-HZ.bin`, 120 doubles) while the file is older than the cache.
 */
async function gateProfile(file: string): Promise<Float64Array> {
  const cache = `${file}.gate-${GATE_MAX_HZ}.bin`;
  if (existsSync(cache) && statSync(cache).mtimeMs >= statSync(file).mtimeMs) {
    const buf = readFileSync(cache);
    return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + 960));
  }
  const source = await openAudio(file, { ffmpeg: resolveFfmpeg() });
  try {
    const fx = createFeatureExtractor(
      source.format,
      { spectrum: true, pitch: false },
      {},
      { pitchClassBlockFrames: 0, tuningGateMaxHz: GATE_MAX_HZ },
    );
    await feedSource(source, [fx]);
    const g = Float64Array.from(fx.finish().gatePitchClass);
    writeFileSync(cache, Buffer.from(g.buffer));
    return g;
  } finally {
    await source.close();
  }
}

/** The profiles of a file, cached beside it (`.profiles.bin`) while the file is older than the cache. */
async function extract(file: string): Promise<Profiles> {
  const cache = `${file}.profiles.bin`;
  if (existsSync(cache) && statSync(cache).mtimeMs >= statSync(file).mtimeMs) {
    const buf = readFileSync(cache);
    const hopSeconds = buf.readDoubleLE(0);
    const lengths = [0, 1, 2, 3].map((i) => buf.readUInt32LE(8 + 4 * i));
    let at = 24;
    const take = (n: number, bytes: 4 | 8) => {
      const slice = buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + n * bytes);
      at += n * bytes;
      return bytes === 8 ? new Float64Array(slice) : new Float32Array(slice);
    };
    return {
      hopSeconds,
      pitchClass: take(lengths[0]!, 8) as Float64Array,
      bassPitchClass: take(lengths[1]!, 8) as Float64Array,
      frames: take(lengths[2]!, 4) as Float32Array,
      bassFrames: take(lengths[3]!, 4) as Float32Array,
    };
  }
  const p = await extractFresh(file);
  const head = Buffer.alloc(24);
  head.writeDoubleLE(p.hopSeconds, 0);
  [p.pitchClass, p.bassPitchClass, p.frames, p.bassFrames].forEach((a, i) => head.writeUInt32LE(a.length, 8 + 4 * i));
  const bytes = (a: Float64Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  writeFileSync(
    cache,
    Buffer.concat([
      head,
      bytes(Float64Array.from(p.pitchClass)),
      bytes(Float64Array.from(p.bassPitchClass)),
      bytes(Float32Array.from(p.frames)),
      bytes(Float32Array.from(p.bassFrames)),
    ]),
  );
  return p;
}

async function extractFresh(file: string): Promise<Profiles> {
  const source = await openAudio(file, { ffmpeg: resolveFfmpeg() });
  try {
    const fx = createFeatureExtractor(
      source.format,
      { spectrum: true, pitch: false },
      {},
      { pitchClassBlockFrames: 1 },
    );
    await feedSource(source, [fx]);
    const r = fx.finish();
    return {
      pitchClass: r.pitchClass,
      bassPitchClass: r.bassPitchClass,
      frames: r.pitchClassBlocks,
      bassFrames: r.bassPitchClassBlocks,
      hopSeconds: r.hopSeconds,
    };
  } finally {
    await source.close();
  }
}

/** A radio-edit fade-out over the last `seconds` of sound (0 → −60 dB, linear in dB) on the per-frame profiles. */
function fadeOut(p: Profiles, seconds: number): Profiles {
  const count = p.frames.length / 120;
  let end = count;
  const frameSum = (f: number) => p.frames.subarray(f * 120, f * 120 + 120).reduce((a, v) => a + v, 0);
  while (end > 0 && !(frameSum(end - 1) > 0)) end--;
  const len = Math.round(seconds / p.hopSeconds);
  const frames = Float32Array.from(p.frames);
  const bassFrames = Float32Array.from(p.bassFrames);
  const pitchClass = new Float64Array(120);
  const bassPitchClass = new Float64Array(120);
  for (let f = 0; f < count; f++) {
    const into = f - (end - len);
    const g = into > 0 ? 10 ** ((-60 * Math.min(1, into / len)) / 20) : 1;
    for (let i = 0; i < 120; i++) {
      frames[f * 120 + i] = frames[f * 120 + i]! * g;
      if (bassFrames.length >= (f + 1) * 120) bassFrames[f * 120 + i] = bassFrames[f * 120 + i]! * g;
      pitchClass[i]! += frames[f * 120 + i]!;
      if (bassFrames.length >= (f + 1) * 120) bassPitchClass[i]! += bassFrames[f * 120 + i]!;
    }
  }
  return { ...p, frames, bassFrames, pitchClass, bassPitchClass };
}

/** Per-frame profiles summed into blocks of `n` frames (the last may be shorter). */
function regroup(frames: Float32Array, n: number): Float32Array {
  const count = frames.length / 120;
  const blocks = Math.ceil(count / n);
  const out = new Float32Array(blocks * 120);
  for (let f = 0; f < count; f++) {
    const b = Math.floor(f / n);
    for (let i = 0; i < 120; i++) out[b * 120 + i]! += frames[f * 120 + i]!;
  }
  return out;
}

/** The blocks `analyze` hands the key engine (keyBlockFrames at the declared blockSeconds), cached per file. */
const blockCache = new WeakMap<Profiles, KeyBlocks>();
function defaultBlocks(p: Profiles): KeyBlocks {
  let b = blockCache.get(p);
  if (!b) {
    const n = keyBlockFrames(p.hopSeconds);
    b = {
      full: regroup(p.frames, n),
      bass: regroup(p.bassFrames, n),
      seconds: n * p.hopSeconds,
      ...(p.gatePitchClass ? { gate: p.gatePitchClass } : {}),
    };
    blockCache.set(p, b);
  }
  return b;
}

function shubKey(p: Profiles, options: EstimateKeyOptions, profileOnly = false): KeyLabel | null {
  if (profileOnly) {
    const r = analyzeKey(p.pitchClass, undefined, undefined, options).result;
    return r.key ? { tonic: NAMES.indexOf(r.tonic), mode: r.mode } : null;
  }
  const blockSeconds = options.params?.blockSeconds ?? KEY_PARAMETERS.blockSeconds.value;
  const n = keyBlockFrames(p.hopSeconds, blockSeconds);
  const blocks = {
    full: regroup(p.frames, n),
    bass: regroup(p.bassFrames, n),
    seconds: n * p.hopSeconds,
    ...(p.gatePitchClass ? { gate: p.gatePitchClass } : {}),
  };
  const r = analyzeKey(p.pitchClass, p.bassPitchClass, blocks, options).result;
  return r.key ? { tonic: NAMES.indexOf(r.tonic), mode: r.mode } : null;
}

function parseKey(label: string): KeyLabel | null {
  const m = /([A-G])([#b]?)\S*\s+(?:\/\s*\S+\s+)?(major|minor)/i.exec(label);
  if (!m) return null;
  const base = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }[m[1]!.toUpperCase() as 'C']!;
  const tonic = (base + (m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0) + 12) % 12;
  return { tonic, mode: m[3]!.toLowerCase() as 'major' | 'minor' };
}

/** The Queen Mary key detector's key held longest over the file, cached beside it (`.qm.json`). */
function qmKey(file: string): KeyLabel | null {
  const cache = `${file}.qm.json`;
  if (existsSync(cache) && statSync(cache).mtimeMs >= statSync(file).mtimeMs)
    return JSON.parse(readFileSync(cache, 'utf8')) as KeyLabel | null;
  const key = qmKeyFresh(file);
  writeFileSync(cache, JSON.stringify(key));
  return key;
}

function qmKeyFresh(file: string): KeyLabel | null {
  const r = spawnSync('vamp-simple-host', ['libardourvampplugins:qm-keydetector:key', file], {
    encoding: 'utf8',
    env: { ...process.env, VAMP_PATH },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`vamp-simple-host failed on ${file}: ${r.stderr}`);
  const rows = r.stdout.split('\n').flatMap((l) => {
    const m = /^\s*(-?[\d.]+):\s*\d+\s+(.*)$/.exec(l);
    return m ? [{ t: parseFloat(m[1]!), key: parseKey(m[2]!) }] : [];
  });
  const durations = new Map<string, { key: KeyLabel | null; d: number }>();
  rows.forEach((row, i) => {
    const d = (rows[i + 1]?.t ?? row.t + 1) - row.t;
    const k = row.key ? `${row.key.tonic} ${row.key.mode}` : 'none';
    durations.set(k, { key: row.key, d: (durations.get(k)?.d ?? 0) + d });
  });
  let best: { key: KeyLabel | null; d: number } | null = null;
  for (const x of durations.values()) if (!best || x.d > best.d) best = x;
  return best?.key ?? null;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const label = (k: KeyLabel | null) => (k ? `${NAMES[k.tonic]} ${k.mode}` : 'none');

function errorKind(est: KeyLabel | null, truth: KeyLabel): string {
  const s = keyScore(est, truth);
  return s === 1 ? 'right' : s === 0.5 ? 'fifth' : s === 0.3 ? 'relative' : s === 0.2 ? 'parallel' : 'other';
}

async function main() {
  const truthDir = path.join(OUT, 'truth');
  const heldDir = path.join(OUT, 'held-out');
  const keyDir = path.join(OUT, 'keytruth');
  const tuneDir = path.join(OUT, 'keytuning');
  const voicingDir = path.join(OUT, 'keytuning3');
  // the fresh sets in the order they are read: whether this run takes each, its renderer, its folder below OUT
  const renders = [
    freshKeySet,
    fresh2KeySet,
    fresh3KeySet,
    fresh4KeySet,
    fresh5KeySet,
    fresh6KeySet,
    fresh7KeySet,
    fresh8KeySet,
    fresh9KeySet,
    fresh10KeySet,
    fresh11KeySet,
    fresh12KeySet,
    fresh13KeySet,
    fresh14KeySet,
    fresh15KeySet,
    fresh16KeySet,
    fresh17KeySet,
    fresh18KeySet,
    fresh19KeySet,
    fresh20KeySet,
    fresh21KeySet,
    fresh22KeySet,
    fresh23KeySet,
    fresh24KeySet,
    fresh25KeySet,
    fresh26KeySet,
    fresh27KeySet,
    fresh28KeySet,
    fresh29KeySet,
    fresh30KeySet,
    fresh31KeySet,
    fresh32KeySet,
    fresh33KeySet,
    fresh34KeySet,
    fresh35KeySet,
    fresh36KeySet,
    fresh37KeySet,
    fresh38KeySet,
    fresh39KeySet,
    fresh40KeySet,
    fresh41KeySet,
    fresh42KeySet,
    fresh43KeySet,
    fresh44KeySet,
    fresh45KeySet,
    fresh46KeySet,
    fresh47KeySet,
    fresh48KeySet,
    fresh49KeySet,
    fresh50KeySet,
    fresh51KeySet,
  ];
  const freshSets = FRESH_SETS.map((set, i): [Set, boolean, (dir: string) => KeyTruthFile[], string] => [
    set,
    freshTaken(i + 1),
    renders[i]!,
    `keyfresh${i ? i + 1 : ''}`,
  ]);
  for (const d of [
    truthDir,
    heldDir,
    keyDir,
    tuneDir,
    voicingDir,
    ...freshSets.map(([, , , sub]) => path.join(OUT, sub)),
  ])
    mkdirSync(d, { recursive: true });
  const items: Item[] = [];
  // --set=NAME: that set alone (fills its caches while another run renders the rest)
  const only = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
  const want = (set: Set) => !only || only.split(',').includes(set);
  if (want('tuning'))
    songSpecs().forEach((s, i) => {
      const t = renderTruthSong(s, truthDir, 1000 + i)[0]!;
      items.push({ set: 'tuning', name: t.name, file: t.file, key: t.key! });
    });
  if (want('tuning key set'))
    for (const t of keyTuningSet(tuneDir))
      items.push({ set: 'tuning key set', name: t.name, file: t.file, key: t.key });
  if (want('tuning voicing set'))
    for (const t of keyVoicingTuningSet(voicingDir))
      items.push({ set: 'tuning voicing set', name: t.name, file: t.file, key: t.key });
  const skipHeld = (ONLY_TUNING && !UNION) || (FRESH_ONLY && WARM);
  if (!skipHeld && want('held-out songs'))
    for (const t of heldOutSet(heldDir, { stems: false }))
      items.push({ set: 'held-out songs', name: t.name, file: t.file, key: t.key! });
  if (!skipHeld && want('held-out key set'))
    for (const t of keyTruthSet(keyDir))
      items.push({ set: 'held-out key set', name: t.name, file: t.file, key: t.key });
  for (const [set, taken, render, sub] of freshSets)
    if (taken && want(set))
      for (const t of render(path.join(OUT, sub)))
        items.push({ set, name: t.name, file: t.file, key: t.key, detuneCents: t.detuneCents });
  if (FRESH_ONLY && WARM) items.splice(0, items.length, ...items.filter((i) => i.set === 'fresh key set'));
  if (ONLY_TUNING) items.splice(0, items.length, ...items.filter((i) => TUNING.includes(i.set)));
  console.error(`key-eval: ${items.length} songs rendered; extracting profiles`);

  const profiles = new Map<string, Profiles>();
  for (const it of items) {
    const p = { ...(await extract(it.file)), gatePitchClass: await gateProfile(it.file) };
    const fade = FADE_TUNING > 0 && TUNING.includes(it.set) && /fade/.test(it.name);
    profiles.set(it.file, fade ? fadeOut(p, FADE_TUNING) : p);
  }
  const qm = new Map<string, KeyLabel | null>();
  if (PEERS && !ONLY_TUNING) for (const it of items) qm.set(it.file, qmKey(it.file));
  if (WARM) {
    // fills the caches (profiles, QM) of the sets asked for and prints no score
    console.error(`key-eval: caches filled for ${items.length} songs`);
    return;
  }

  const heldOut = items.filter((i) => !TUNING.includes(i.set));
  const tuning = items.filter((i) => TUNING.includes(i.set));
  const scoreOf = (subset: Item[], est: (it: Item) => KeyLabel | null) =>
    mean(subset.map((it) => keyScore(est(it), it.key)));
  const base = (it: Item) => shubKey(profiles.get(it.file)!, { params: PARAMS });
  // the whole-file profile's correlation alone (no scale edges: evidence the twelfth round added beside it)
  const profileOnly = (it: Item) => shubKey(profiles.get(it.file)!, { params: { scaleEdgeWeight: 0 } }, true);
  // the engine before issue 12: the whole-file profile, Temperley's minor profile as published
  const before = (it: Item) =>
    shubKey(profiles.get(it.file)!, { naturalMinor: false, params: { scaleEdgeWeight: 0 } }, true);

  // --dump=FILE (round 56, h-keylearn56): every song's 24 candidates' evidence and song-level facts
  // (EstimateKeyOptions.onEvidence) with the truth, one JSON line per song, for bench/key-learn.ts
  const dump = process.argv.find((a) => a.startsWith('--dump='))?.slice(7);
  if (dump) {
    const out: string[] = [];
    for (const it of items) {
      const p = profiles.get(it.file)!;
      let line = '';
      analyzeKey(p.pitchClass, p.bassPitchClass, defaultBlocks(p), {
        params: PARAMS,
        onEvidence: (evidence, facts) => {
          line = JSON.stringify({ set: it.set, name: it.name, truth: it.key, qm: qm.get(it.file), facts, evidence });
        },
      });
      if (line) out.push(line);
    }
    writeFileSync(dump, out.join('\n') + '\n');
    console.error(`key-eval: ${out.length} songs' evidence written to ${dump}`);
    return;
  }
  // --alts='[{…},{…}]': several KEY_PARAMETERS alternatives in one run (the profiles loaded once): one line each,
  // the score and the songs exactly right per set and over the tuning material
  const alts = process.argv.find((a) => a.startsWith('--alts='));
  if (alts) {
    for (const params of JSON.parse(alts.slice(7)) as EstimateKeyOptions['params'][]) {
      const est = (it: Item) => shubKey(profiles.get(it.file)!, { params: { ...PARAMS, ...params } });
      const cell = (subset: Item[]) => {
        const scores = subset.map((it) => keyScore(est(it), it.key));
        return `${mean(scores).toFixed(3)} (${scores.filter((x) => x === 1).length}/${subset.length})`;
      };
      const sets = SETS.filter((s) => items.some((i) => i.set === s));
      console.log(
        `${JSON.stringify(params)}: tuning ${cell(tuning)}; ` +
          sets.map((s) => `${s} ${cell(items.filter((i) => i.set === s))}`).join('; '),
      );
    }
    return;
  }
  // --misses: every song shub gets wrong, its error type and causes (a song may have several), then the counts
  if (FIRST_CHORDS) {
    const degree: Record<string, number> = { i: 0, ii: 2, iii: 4, iv: 5, v: 7, vi: 9, vii: 11 };
    for (const set of SETS.filter((s) => items.some((i) => i.set === s))) {
      let written = 0;
      let same = 0;
      for (const it of items.filter((i) => i.set === set)) {
        // SET-TONIC-mode-scale-style[-loop]-FIRST-…: the first part after the style that is a Roman numeral
        const numeral = it.name
          .split('-')
          .slice(5)
          .map((part) => /^(b?)([ivIV]+)[0-9]*$/.exec(part))
          .find((m) => m && degree[m[2]!.toLowerCase()] !== undefined);
        if (!numeral) continue;
        written++;
        const root = (it.key.tonic + degree[numeral[2]!.toLowerCase()]! - (numeral[1] ? 1 : 0) + 12) % 12;
        const p = profiles.get(it.file)!;
        const a = analyzeKey(p.pitchClass, p.bassPitchClass, defaultBlocks(p), { params: PARAMS });
        const first = /^([A-G]#?)/.exec(String(a.decision?.inputs?.['firstChord'] ?? ''))?.[1];
        if (first !== undefined && NAMES.indexOf(first) === root) same++;
      }
      console.log(`${set}: the first chord's root is the written first chord's in ${same}/${written} songs`);
    }
    return;
  }
  if (MISSES) {
    const byKind = new Map<string, number>();
    const byCause = new Map<string, number>();
    const primary = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    let wrong = 0;
    for (const it of items) {
      const p = profiles.get(it.file)!;
      const a = analyzeKey(p.pitchClass, p.bassPitchClass, defaultBlocks(p), { params: PARAMS });
      const est = a.result.key ? { tonic: NAMES.indexOf(a.result.tonic), mode: a.result.mode } : null;
      const kind = errorKind(est, it.key);
      if (kind === 'right') continue;
      wrong++;
      const inputs = (a.decision?.inputs ?? {}) as Record<string, unknown>;
      const lastRoot = /^([A-G]#?)/.exec(String(inputs.lastChord ?? ''))?.[1];
      const causes = [
        ...(/pedal|drone|ostinato/i.test(it.name) || Number(inputs.pedalSeconds) > 0 ? ['pedal'] : []),
        ...(lastRoot !== undefined && NAMES.indexOf(lastRoot) !== it.key.tonic ? ['final chord not the tonic'] : []),
        ...(/dorian|phrygian|lydian|mixolydian/i.test(it.name) ? ['modal'] : []),
        ...(/fade/i.test(it.name) ? ['fade'] : []),
        ...(it.detuneCents ? ['detuned'] : []),
      ];
      bump(byKind, kind);
      for (const c of causes) bump(byCause, c);
      bump(primary, causes[0] ?? 'none of these');
      console.log(
        `${it.set.padEnd(17)} ${it.name.padEnd(60)} truth ${label(it.key).padEnd(9)} shub ${label(est).padEnd(9)} ` +
          `${kind.padEnd(8)} pedal ${String(inputs.pedalSeconds).padStart(5)} s, last ${String(inputs.lastChord)}: ` +
          `${causes.join(', ') || '—'}`,
      );
    }
    const list = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`misses ${wrong}/${items.length}; by type: ${list(byKind)}`);
    console.log(`by cause (a song may have several): ${list(byCause)}`);
    console.log(`by first cause (pedal, final chord, modal, fade, detuned in that order): ${list(primary)}`);
    return;
  }
  if (GRID) {
    // tuning sets only: score and margins over a grid of the evidence weights. The margin of a song is the
    // truth's score minus the best other key's, divided by the sum of the weights (1 for the profile): the
    // smallest margin over the tuning songs is the criterion among the settings that get them all right
    const cache = new Map<string, KeyBlocks>();
    for (const it of items) {
      const p = profiles.get(it.file)!;
      cache.set(it.file, defaultBlocks(p));
    }
    const grid = {
      bassWeight: [0.25, 0.5, 1],
      tonicChordWeight: [0.5, 1, 2],
      cadenceWeight: [0.25, 0.5, 1],
      endChordWeight: [0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7],
    };
    const rows: string[] = [];
    for (const b of grid.bassWeight)
      for (const t of grid.tonicChordWeight)
        for (const c of grid.cadenceWeight)
          for (const f of grid.endChordWeight) {
            const params = {
              ...PARAMS,
              bassWeight: b,
              tonicChordWeight: t,
              cadenceWeight: c,
              endChordWeight: f,
            };
            const sum = 1 + b + t + c + f;
            let right = 0;
            const margins: number[] = [];
            for (const it of items) {
              const p = profiles.get(it.file)!;
              const a = analyzeKey(p.pitchClass, p.bassPitchClass, cache.get(it.file)!, { params });
              const truth = a.evidence.find((e) => e.key === label(it.key))!;
              const other = a.evidence.find((e) => e.key !== truth.key)!;
              margins.push((truth.score - other.score) / sum);
              if (a.result.key === truth.key) right++;
            }
            margins.sort((x, y) => x - y);
            rows.push(
              `bass ${b} tonic ${t} cadence ${c} ends ${f}: right ${right}/${items.length} ` +
                `min ${margins[0]!.toFixed(4)} p10 ${margins[Math.floor(margins.length / 10)]!.toFixed(4)}`,
            );
          }
    console.log(rows.join('\n'));
    return;
  }
  const lines: string[] = [];
  lines.push(
    '| set | songs | shub | shub exactly right | shub errors (fifth/relative/parallel/other) | ' +
      'before (profile only, minor as published) | profile only | QM key detector | QM exactly right |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  const groups: [string, Item[]][] = [
    ...SETS.map((s): [string, Item[]] => [s, items.filter((i) => i.set === s)]),
    [UNION ? 'tuning union (all earlier sets)' : 'tuning, both sets', tuning],
    ...(UNION ? [] : [['held-out, both sets', heldOut.filter((i) => !FRESH_SETS.includes(i.set))] as [string, Item[]]]),
  ];
  for (const [name, subset] of groups) {
    if (!subset.length) continue;
    const kinds = subset.map((it) => errorKind(base(it), it.key));
    const count = (k: string) => kinds.filter((x) => x === k).length;
    const q = qm.size ? scoreOf(subset, (it) => qm.get(it.file) ?? null).toFixed(3) : 'n/a';
    const qRight = qm.size
      ? `${subset.filter((it) => keyScore(qm.get(it.file) ?? null, it.key) === 1).length}/${subset.length}`
      : 'n/a';
    lines.push(
      `| ${name} | ${subset.length} | ${scoreOf(subset, base).toFixed(3)} | ${count('right')}/${subset.length} | ` +
        `${count('fifth')}/${count('relative')}/${count('parallel')}/${count('other')} | ` +
        `${scoreOf(subset, before).toFixed(3)} | ${scoreOf(subset, profileOnly).toFixed(3)} | ${q} | ` +
        `${qRight} |`,
    );
  }
  // robustness: each parameter at ±10 %, on every held-out set there is (and on the tuning sets)
  const heldSongs = items.filter((i) => i.set === 'held-out songs');
  const fresh = items.filter((i) => i.set === 'fresh key set');
  const fresh2 = items.filter((i) => i.set === 'fresh2 key set');
  const old = items.filter((i) => i.set === 'held-out songs' || i.set === 'held-out key set');
  // --union: the old held-out sets are tuning material; their columns are named so and do not count as held-out
  const was = (n: string) => (UNION ? `tuning: ${n}` : n);
  // fresh19 … fresh3, 'tuning: ' under the union that made the set tuning (fresh19's column never was renamed)
  const freshColumns = Array.from({ length: 17 }, (_, k) => 19 - k).map((n): [string, Item[]] => {
    const subset = items.filter((i) => i.set === `fresh${n} key set`);
    return [`${n < 19 && tuningBy(n) ? 'tuning: ' : ''}fresh${n} (${subset.length})`, subset];
  });
  const robustSets = (
    [
      ...freshColumns,
      [was(`held-out (${old.length})`), old],
      [was(`heldOutSet (${heldSongs.length})`), heldSongs],
      [was(`fresh (${fresh.length})`), fresh],
      [was(`fresh2 (${fresh2.length})`), fresh2],
      [`tuning (${tuning.length})`, tuning],
    ] as [string, Item[]][]
  ).filter(([, subset]) => subset.length > 0);
  const bases = robustSets.map(([, subset]) => scoreOf(subset, base));
  lines.push(
    '',
    `Robustness (each parameter at −10 % / +10 %, the others at their defaults; the largest move over the held-out ` +
      `sets; base ${robustSets.map(([n], i) => `${n} ${bases[i]!.toFixed(3)}`).join(', ')}):`,
    '',
    `| parameter | value | ${robustSets.map(([n]) => `${n} −10 % / +10 %`).join(' | ')} | largest held-out move |`,
    `|---|---|${robustSets.map(() => '---|').join('')}---|`,
  );
  // --no-robust: the score table only (ablations)
  const robustNames = process.argv.includes('--no-robust') ? [] : (Object.keys(KEY_PARAMETERS) as KeyParameterName[]);
  for (const name of robustNames) {
    const spec = KEY_PARAMETERS[name];
    const at = (f: number, subset: Item[]) => {
      const v = Math.min(spec.range[1], Math.max(spec.range[0], spec.value * f));
      return scoreOf(subset, (it) => shubKey(profiles.get(it.file)!, { params: { ...PARAMS, [name]: v } }));
    };
    let move = 0;
    const cells = robustSets.map(([n, subset], i) => {
      const lo = at(0.9, subset);
      const hi = at(1.1, subset);
      if (!n.startsWith('tuning')) move = Math.max(move, Math.abs(lo - bases[i]!), Math.abs(hi - bases[i]!));
      return `${lo.toFixed(3)} / ${hi.toFixed(3)}`;
    });
    lines.push(
      `| ${name} | ${spec.value} ${spec.unit} | ${cells.join(' | ')} | ${move.toFixed(3)}` +
        `${move > 0.03 ? ' (not robust)' : ''} |`,
    );
  }
  if (MARGINS)
    for (const it of tuning) {
      const p = profiles.get(it.file)!;
      const blocks = defaultBlocks(p);
      const a = analyzeKey(p.pitchClass, p.bassPitchClass, blocks, { params: PARAMS });
      const truth = a.evidence.find((e) => e.key === label(it.key))!;
      const other = a.evidence.find((e) => e.key !== truth.key)!;
      console.error(
        `${(truth.score - other.score).toFixed(3).padStart(7)} ${it.name.padEnd(58)} vs ${other.key.padEnd(9)} ` +
          `chords ${a.chords.map((c) => `${NAMES[c.root]}${c.mode === 'minor' ? 'm' : ''}`).join(' ')}`,
      );
    }
  if (EXPLAIN)
    for (const it of process.argv.includes('--explain-fresh2')
      ? fresh2
      : process.argv.includes('--explain-fresh')
        ? fresh
        : tuning) {
      const p = profiles.get(it.file)!;
      const blocks = defaultBlocks(p);
      const a = analyzeKey(p.pitchClass, p.bassPitchClass, blocks, { params: PARAMS });
      if (a.result.key === label(it.key)) continue;
      const truth = a.evidence.find((e) => e.key === label(it.key))!;
      console.error(`${it.name}: ${a.result.key} — ${a.decision?.reason}`);
      console.error(`  truth ${truth.key} ${truth.score.toFixed(3)}: ${JSON.stringify(truth)}`);
      console.error(`  best ${JSON.stringify(a.evidence[0])}`);
      console.error(`  chords ${a.chords.map((c) => `${NAMES[c.root]}${c.mode === 'minor' ? 'm' : ''}`).join(' ')}`);
      // the song's chroma relative to the truth's tonic (degrees 0…11), largest 1
      const { chroma } = tuningAwareChroma(p.pitchClass);
      const top = Math.max(...chroma);
      const rel = chroma.map((_, d) => chroma[(it.key.tonic + d) % 12]! / top);
      console.error(`  chroma from the true tonic ${rel.map((x) => x.toFixed(2)).join(' ')}`);
    }
  // --why (round 75, h-kset75): each verbose line adds the song's tuning concentration (the gate's measure:
  // tuningGate, the low band's since h-kgate75) and, when the engine returns no key, its reason
  const WHY = process.argv.includes('--why');
  if (VERBOSE)
    for (const it of items) {
      const p = profiles.get(it.file)!;
      const est = shubKey(p, { params: PARAMS });
      const why = () => {
        const conc = tuningGate(p.pitchClass, p.bassPitchClass, p.gatePitchClass, { params: PARAMS }).concentration;
        const r = est ? null : analyzeKey(p.pitchClass, p.bassPitchClass, defaultBlocks(p), { params: PARAMS }).result;
        return ` conc ${conc.toFixed(3)}${r && r.key === null ? ` why ${r.reason}` : ''}`;
      };
      console.error(
        `${it.set.padEnd(17)} ${it.name.padEnd(60)} truth ${label(it.key).padEnd(9)} shub ${label(est).padEnd(9)}` +
          ` profile-only ${label(profileOnly(it)).padEnd(9)}${PEERS ? ` QM ${label(qm.get(it.file) ?? null)}` : ''}` +
          (WHY ? why() : ''),
      );
    }
  const text = lines.join('\n');
  writeFileSync(path.join(OUT, 'key-eval.md'), `${text}\n`);
  console.log(text);
}

await main();
