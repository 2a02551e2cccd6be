/**
 * Onset evaluation on drum stems (issue 12 points 1 and 4): the tuning set (fixtures/groundtruth.ts: the songs'
 * drum stems, the Hydrogen KIT_SPECS stems, the GM LOOP_SPECS loops; plus fixtures/drumtruth.ts TUNING_KITS: the
 * same kits playing the held-out pattern types with seeds 8000+; the only material parameters were chosen on)
 * next to the held-out set (fixtures/drumtruth.ts: other kits, seeds, tempi), per kit and per pattern,
 * with the peers on the same files:
 *   aubio (Debian aubio-tools 0.4.9): `aubio onset FILE` (its defaults)
 *   Queen Mary onset detector (Debian ardour's Vamp plugins, host from vamp-examples):
 *     VAMP_PATH=/usr/lib/ardour7/vamp vamp-simple-host libardourvampplugins:qm-onsetdetector:onsets FILE
 * F-measure ±50 ms with one-to-one matching (bench/metrics.ts), pooled over the files of a row; mean offset is
 * estimate − truth over the matched pairs. shub runs in process: the same native FeatureExtractor and
 * detectOnsets that `shub analyze --features onsets` runs, so each parameter can be moved ±10 % (robustness).
 *
 *   npm run eval                                   (eval.ts, then this)
 *   node dist/bench/eval-onsets.js [--no-peers] [--robustness[=name,…]] [--held-out-only] [--no-fresh] [--verbose]
 *   [--params '{"onsetModelFloor":0.2}'] (shub's parameters moved from their defaults)
 * Five sets: tuning, held-out (HELD_OUT_KITS) and held-out 2 (FRESH_HELD_OUT_KITS, made after the first held-out
 * set's misses were known), held-out 3 (ONSET_HELD_OUT_KITS_3, made after held-out 2's misses were known;
 * `--held-out-3-only`: that set alone), held-out 4 (ONSET_HELD_OUT_KITS_4, made after held-out 3's misses were
 * known; `--held-out-4-only`: that set alone), held-out 5 (ONSET_HELD_OUT_KITS_5, made after held-out 4's misses
 * were known; `--held-out-5-only`: that set alone), held-out 6 (ONSET_HELD_OUT_KITS_6, made after held-out 5's misses
 * were known; `--held-out-6-only`: that set alone), held-out 7 (ONSET_HELD_OUT_KITS_7, made after held-out 6's misses
 * were known; `--held-out-7-only`: that set alone), held-out 8 (ONSET_HELD_OUT_KITS_8, made after held-out 7's misses
 * were known; `--held-out-8-only`: that set alone), held-out 9 (ONSET_HELD_OUT_KITS_9, made after held-out 8's misses
 * were known; `--held-out-9-only`: that set alone), held-out 10 (ONSET_HELD_OUT_KITS_10, made after held-out 9's
 * misses were known; `--held-out-10-only`: that set alone), held-out 11 (ONSET_HELD_OUT_KITS_11, made after held-out
 * 10's misses were known; `--held-out-11-only`: that set alone), held-out 12 (ONSET_HELD_OUT_KITS_12: spring reverb
 * and tape echo, made after held-out 11's misses were known; `--held-out-12-only`: that set alone), held-out 13
 * (ONSET_HELD_OUT_KITS_13: npm kits through tempo-synced delays, gated and non-linear reverbs, made after held-out
 * 12's misses were known; `--held-out-13-only`: that set alone), held-out 14 (ONSET_HELD_OUT_KITS_14: Hydrogen
 * and sonic-pi kits through SoX's and ffmpeg's echoes, made after held-out 13's misses were known;
 * `--held-out-14-only`: that set alone), held-out 15 (ONSET_HELD_OUT_KITS_15: SoX reverbs pre-delayed or fed by an
 * echo, bright / modulated ffmpeg echoes, dense hats and ghost-note funk, made after held-out 14's misses were known;
 * `--held-out-15-only`: that set alone), held-out 16 (ONSET_HELD_OUT_KITS_16: analog-circuit-style kits, a
 * recorded hall's impulse response, bus compression, soft solo hats, ghost drags, sub kicks under dense hats and
 * brush ballads, made after held-out 15's misses were known; `--held-out-16-only`: that set alone), held-out 17
 * (ONSET_HELD_OUT_KITS_17: phase-distortion kits, image-source shoebox rooms, soft solo hats in 12/8, sextuplet ghost
 * snares, 32nd hat runs, long kicks under hats, made after held-out 16's misses were known; `--held-out-17-only`: that
 * set alone), held-out 18 (ONSET_HELD_OUT_KITS_18: Hydrogen instruments no onset set chose, FluidR3_GM's Brush and
 * Room kits, avldrums Black Pearl and sonic-pi one-shots in a recorded hall, SoX small rooms, shoebox studio and
 * rehearsal rooms and dry, with swung and open hats, ghost notes, flams and brushes, made after held-out 17's misses
 * were known; `--held-out-18-only`: that set alone), held-out 19 (ONSET_HELD_OUT_KITS_19: Hydrogen instruments no
 * onset set chose, avldrums Red Zeppelin, FluidR3_GM's Jazz kit and csound's GM bank in shoebox living rooms, a
 * chapel and a drum booth, SoX rooms, the recorded hall at −15 dB and dry, with swung and open hats, ghost notes,
 * flams, brushes, drags and shuffles, made after held-out 18's misses were known; `--held-out-19-only`: that set
 * alone), held-out 20 (ONSET_HELD_OUT_KITS_20: Hydrogen instruments no onset set chose, FluidR3_GM's Power and Brush
 * kits and the OPL-3 FM kit in a shoebox garage, stairwell, cupboard and corridor and SoX rooms, with swung, open,
 * whispered and 32nd hats, ghost notes, flams, drags, brushes and shuffles, made after held-out 19's misses were
 * known; `--held-out-20-only`: that set alone), held-out 21 (ONSET_HELD_OUT_KITS_21: players no onset set played,
 * the spectral-modelling, granular and nonlinear-ODE generators, Hydrogen instruments no onset set chose, FluidR3_GM's
 * Orchestra kit and avldrums' Red Zeppelin in a shoebox gymnasium, tiled bathroom, log cabin and car cabin and SoX
 * rooms, made after held-out 20's misses were known; `--held-out-21-only`: that set alone), held-out 22
 * (ONSET_HELD_OUT_KITS_22: closed and pedal hats under and right after open hats — disco 16ths, choked barks, house
 * with the hat's foot, UK garage — in a shoebox loft, basement, bandstand and warehouse and SoX rooms, made after
 * held-out 20's misses under open hats were known; `--held-out-22-only`: that set alone), held-out 23
 * (ONSET_HELD_OUT_KITS_23: held-out 22's players rendered note by note by Debian's fluidsynth and TiMidity++ and from
 * sonic-pi's cymbals, GM pedal hats, a shoebox attic, church and live room and SoX rooms, made after held-out 22 had
 * been read; `--held-out-23-only`: that set alone), held-out 24 (ONSET_HELD_OUT_KITS_24: tom and cymbal players no
 * onset set played, npm, fluidsynth and TiMidity++ kits and GM keys no onset set played, Hydrogen instruments no
 * onset set chose, a shoebox parking deck, tunnel, barn and control room and SoX rooms, made after held-out 23 had
 * been read; `--held-out-24-only`: that set alone), held-out 25 (ONSET_HELD_OUT_KITS_25: players written for it —
 * hats and rolls under a cymbal left ringing —, Hydrogen, npm, fluidsynth, TiMidity++, lmms and modal kits with
 * cymbals no onset set chose, a shoebox squash court, grain silo, boathouse and lecture hall, made after held-out 24
 * had been read; `--held-out-25-only`: that set alone), held-out 26 (ONSET_HELD_OUT_KITS_26: players written for it —
 * hats, ghost notes, flams, brushes and 32nd-note snare and cymbal rolls (strokes 42–60 ms apart) under a cymbal left
 * ringing —, Hydrogen, npm, fluidsynth, TiMidity++, circuit and modal kits with cymbals no onset set chose, a shoebox
 * pool hall, crypt, shipping container, cellar, greenhouse and hangar, made after held-out 25 had been judged;
 * `--held-out-26-only`: that set alone), held-out 27 (ONSET_HELD_OUT_KITS_27: players written for it — a shuffle with
 * open hats and ghosts, flammed backbeats, 32nd-note hat and snare-to-tom rolls (strokes 40–70 ms apart) under a
 * crash, brushes under a swung jazz ride —, Hydrogen, npm, fluidsynth, TiMidity++ and phase-distortion kits with
 * cymbals no onset set chose, room-miked kits, a shoebox nave, ballroom, gallery, washroom, bunker, atrium and sauna,
 * made after held-out 26 had been judged; `--held-out-27-only`: that set alone), held-out 28 (ONSET_HELD_OUT_KITS_28:
 * players written for it — swung hats and ghosts under a ride bell, loud–soft hand-to-hand snare and tom–hat rolls
 * (strokes 40–90 ms apart) under a crash, a half-time flam groove, a brush ballad —, one-shots no set chose and
 * generator seeds no set used, room-miked kits, a shoebox cistern, lighthouse, ice rink, library and cloister, made
 * after held-out 27 had been judged; `--held-out-28-only`: that set alone), held-out 29 (ONSET_HELD_OUT_KITS_29:
 * players written for it — a loud–soft roll under a ride, swung open hats with flams and ghosts, a brush two-feel,
 * flammed tom fills under a crash, a pop groove —, contact-and-collision kits (a renderer family no set used), tabla
 * and impact one-shots no set chose with their lead-ins cut, room-miked kits, a shoebox barn, chapel, road tunnel,
 * vocal booth and freight shed, made after held-out 28 had been read; `--held-out-29-only`: that set alone),
 * held-out 30 (ONSET_HELD_OUT_KITS_30: players written for it — a crescendo roll into a re-struck tom, a swung ghost
 * shuffle, brush 16th taps under a ride, flammed backbeats and tom fills under a crash, a rock groove —, recorded
 * Hydrogen instruments no onset set played, synthesized kits on new seeds, room-miked kits, a shoebox hayloft, silo,
 * racquet hall, underpass and rowing shed, made after held-out 29 had been read; `--held-out-30-only`: that set alone),
 * held-out 31 (ONSET_HELD_OUT_KITS_31: players written for it — a diminuendo roll into a tom re-struck into its ring, a
 * swung groove with an open hat and ghosts, brush 8ths under a ride, flams and tom re-strikes under a ride, a funk
 * groove —, Hydrogen instruments no onset set chose cut at their lead-in, synthesized kits on new seeds, room-miked
 * kits, a shoebox cooperage, water tower, dance studio, brick kiln and tram depot, made after held-out 30 had been
 * read; `--held-out-31-only`: that set alone),
 * held-out 32 (ONSET_HELD_OUT_KITS_32: players written for it — kicks under a quiet shaker on 16ths 140–160 ms apart,
 * kicks under a quiet ringing ride with ghosts a 16th after them, a loud–soft stick roll and a flam under a ringing
 * ride, swung hats with open hats and ghosts, brush taps with a re-struck tom, a pop groove —, Hydrogen instruments no
 * onset set chose cut at their lead-in, synthesized kits on new seeds, room-miked kits, a shoebox parking garage,
 * sawmill and shower room, dry kits as controls, made after held-out 31 had been read; `--held-out-32-only`: that set
 * alone),
 * held-out 33 (ONSET_HELD_OUT_KITS_33: players written for it — a roll of soft rim taps between accents, backbeat
 * flams with ghosts and an open hat, a swung quiet ride over brush taps, a rock groove with a tom fill —, lmms-common
 * and sonic-pi one-shots no onset set played, synthesized kits on new seeds, quiet stems at stated peaks (−35 to −20
 * dBFS) and full-scale ones, room-miked kits, a shoebox ship's engine room, malt house and planetarium, dry kits,
 * made after held-out 32 had been read; `--held-out-33-only`: that set alone),
 * held-out 34 (ONSET_HELD_OUT_KITS_34, the learned peak acceptor's judge: soundfont kits through fluidsynth, a renderer
 * no onset set used for them, players written for it — grace strokes and soft side-stick taps, swung open ands with
 * wide flams, 16th kick runs under ghosts, 16th brush taps, a backbeat with a crash —, SoX parallel compression, tape
 * overdrive, a gate and a telephone band, quiet and full-scale stems, room-miked kits, a shoebox cistern, glasshouse
 * and drained pool, dry kits, made after held-out 33 had been read; `--held-out-34-only`: that set alone),
 * held-out 35 (ONSET_HELD_OUT_KITS_35: SoX-oscillator kits, a generator family no set used, players written for it —
 * drags before the backbeat, swung hats with an open hat and a flam on four, kick bursts under a ride, brush triplet
 * taps, a pop groove —, SoX contrast, shelving and bell EQ on the bus, a shoebox tunnel, chapel and stairwell,
 * quiet and full-scale stems, made after held-out 34 had been read; `--held-out-35-only`: that set alone),
 * held-out 36 (ONSET_HELD_OUT_KITS_36: lmms-common's DrumSynth presets, a source no set used, players written for it —
 * a buzz roll of 48ths, ghost-note funk with half-open barks, blast-beat bars, a bossa cross-stick with drags, a
 * tumbao —, SoX tremolo, riaa, flanger and loudness on the bus, a shoebox barn, bunker and car cabin, quiet and
 * full-scale stems, made after held-out 35 had been read; `--held-out-36-only`: that set alone),
 * held-out 37 (ONSET_HELD_OUT_KITS_37: vocal-percussion kits spoken by espeak-ng, a source no drum set used, players
 * written for it — jazz comping over a feathered kick, double-stroke rolls with ruffs, rimshots with hat-foot
 * splashes, a march with press rolls, a tabla-like teental theka —, SoX hilbert, band, allpass and deemph on the bus, a
 * shoebox bathroom, nave and library, quiet and full-scale stems, made after held-out 36 had been read;
 * `--held-out-37-only`: that set alone),
 * held-out 38 (fixtures/songonsets38.ts: 24 full songs — drums, bass, chords, a lead line —, every note an onset,
 * pitched programs and drum kits of the npm soundfonts no onset set played, a recital hall and a jazz club, quiet and
 * full-scale mixes, made after held-out 37 had been read; `--held-out-38-only`: that set alone; the rows by kit are
 * the songs' soundfonts, by pattern their lead styles),
 * held-out 39 (fixtures/songonsets39.ts: 24 full songs, a second family — pitched notes of csound's sf_GMbank and the
 * OPL-3 FM bank rendered note by note by fluidsynth, drums of its own synthesis, a third of the onsets one pitched
 * note off every other note —, a theatre stage and a salon, ffmpeg's exciter and soft clipper, quiet and full-scale
 * mixes, made after held-out 38 had been read; `--held-out-39-only`: that set alone; the rows by kit are the songs'
 * banks, by pattern their lead styles),
 * held-out 40 (fixtures/songonsets40.ts: 24 full songs, a third family — pitched notes of a synthesis of its own:
 * Karplus–Strong plucks, modal bars and bells, FM e-piano, brass and bass, additive pads, bowed and square tones,
 * legato phrases gliding with no new attack —, modal-membrane and square-cluster drums, a sports hall and a loft,
 * ffmpeg's tiltshelf and dynamic equalizer, swung 16ths, three peak levels, made after held-out 39 had been read;
 * `--held-out-40-only`: that set alone; the rows by kit are the songs' chord styles, by pattern their lead styles),
 * held-out 41 (fixtures/songonsets41.ts: 24 full songs, a fourth family — pitched notes of Debian's freepats played
 * by TiMidity++ note by note, slurs stepped by pitch bend with no new attack, overlapping legato and grace notes —,
 * wave-terrain drums, a church nave and a car park, ffmpeg's asubcut and speechnorm, a 12/8 shuffle in a third of
 * the songs, three peak levels, made after held-out 40 had been read; `--held-out-41-only`: that set alone; the rows
 * by kit are the songs' chord styles, by pattern their lead styles), held-out 42 (ONSET_HELD_OUT_KITS_42: drum stems
 * again, relativistic-spring kits and Morse-oscillator parts, families no onset set used, recorded Hydrogen kicks,
 * snares and hats in combinations no set played, soundfont brushes, players written for it — swung 16th hats with
 * ghosts and open hats cut by the pedal, 16th hat runs with flams and drags, brush sweeps and taps —, SoX phaser,
 * chorus, mcompand and a limiter on the bus, a shoebox drum booth, wooden church and parking deck, quiet and
 * full-scale stems, made after held-out 41 had been read; `--held-out-42-only`: that set alone; `--held-out-42`:
 * added to a run that would leave it out (`--held-out-41-only`)), held-out 43 (ONSET_HELD_OUT_KITS_43: drum stems,
 * pendulum kits, a family no onset set used, recorded Hydrogen kicks, snares and hats in new triples with pendulum
 * ride and tom, soundfont brushes, players written for it — house / disco open hats on the offbeats cut by the
 * pedal, swung 16th hats with runs, drags and flams, brush sweeps with taps and drags —, SoX sinc, bandreject, fir and
 * dcshift on the bus, four new shoeboxes, room-miked and dry kits, quiet and full-scale stems, made after held-out 42
 * had been read; `--held-out-43-only`: that set alone; `--held-out-43`: added to a run that would leave it out),
 * held-out 44 (ONSET_HELD_OUT_KITS_44: drum stems, Toda kits, a family no onset set used, recorded Hydrogen kicks,
 * snares and hats in new triples with a Toda ride and tom, soundfont brushes, players written for it — disco open
 * hats on the ands cut by the pedal with swung ghosts and a dragged clap, swung 16th hats with falling runs, flams and
 * drags, a brush sweep with ride taps, a ruff and a flam —, SoX biquad and vol (a limiter) on the bus, four new
 * shoeboxes, room-miked and dry kits, quiet and full-scale stems, made after held-out 43 had been read;
 * `--held-out-44-only`: that set alone; `--held-out-44`: added to a run that would leave it out), held-out 45
 * (ONSET_HELD_OUT_KITS_45: drum stems, sinh kits, a family no onset set used, recorded Hydrogen kicks, snares and hats
 * in new triples with a sinh ride and tom, soundfont brushes, players written for it — house open hats on the ands
 * cut by the pedal with swung ghosts on the e and the a and a flammed or dragged clap, swung 16th hats accented every
 * third 16th with flams and drags, brush sweeps on the backbeat with taps, a drag and a flam —, SoX bandpass and
 * downsample (aliasing) on the bus, four new shoeboxes, room-miked and dry kits, quiet and full-scale stems, made
 * after held-out 44; `--held-out-45-only`: that set alone; `--held-out-45`: added to a run that would leave it out),
 * held-out 46 (ONSET_HELD_OUT_KITS_46: drum stems, impact kits, a family no onset set used, recorded Hydrogen kicks,
 * snares and hats in new triples with an impact ride and tom, soundfont brushes, players written for it — disco open
 * hats on the ands cut by the pedal or early by a swung ghost, a ruffed or flammed clap, swung 16th hats with rising
 * runs, flams and drags, brush sweeps stirred on every beat with skip taps, a ruff and a drag —, ffmpeg crystalizer
 * and aemphasis on the bus, four new shoeboxes, room-miked and dry kits, quiet and full-scale stems, made after
 * held-out 45; `--held-out-46-only`: that set alone; `--held-out-46`: added to a run that would leave it out),
 * held-out 47 (ONSET_HELD_OUT_KITS_47: drum stems, tanh kits, a family no onset set used, recorded Hydrogen kicks,
 * snares and hats in new triples with a tanh ride and tom, soundfont brushes, players written for it — two-step open
 * hats on every and cut by the pedal or early by a swung ghost, a dragged or flammed clap, swung 16th hats swelling
 * and falling with ruffs and flams, brush sweeps on one and three with triplet taps, a flam and a ruff —, ffmpeg
 * deesser and acompressor on the bus, four new shoeboxes, room-miked and dry kits, quiet and full-scale stems, made
 * after held-out 46; `--held-out-47-only`: that set alone; `--held-out-47`: added to a run that would leave it out),
 * held-out 48 (ONSET_HELD_OUT_KITS_48: drum stems, bilinear kits, a family no onset set used, recorded Hydrogen
 * kicks, snares and hats in new triples with a bilinear ride and tom, soundfont brushes, players written for it — a
 * half-time shuffle with ghost snares, open hats cut by the pedal, a 32nd hat run, a flammed or dragged backbeat, a
 * fast breakbeat with open hats on the offbeats cut by the pedal, 16th hat runs, a flam and a drag, brushes with
 * spang-a-lang taps, sweeps, a drag and a flam over a feathered four on the floor —, ffmpeg acrusher and asubboost on
 * the bus, four new shoeboxes, room-miked and dry kits, quiet and full-scale stems, made after held-out 47;
 * `--held-out-48-only`: that set alone; `--held-out-48`: added to a run that would leave it out),
 * held-out 49 (ONSET_HELD_OUT_KITS_49: drum stems, preloaded-spring kits, a family no onset set used, recorded
 * Hydrogen kicks, snares and hats in new triples with a preloaded-spring ride and tom, soundfont brushes, players
 * written for it — swung 16th hats with ghosts, open hats cut by the pedal, doubled 32nd hats, a drag and a flam, a
 * 12/8 shuffle of triplet hats with open hats cut by the pedal, ghost snares, a flam and a drag, fast two-beat
 * brushes with sweeps, ride skip notes, a drag and a flam —, ffmpeg acontrast and atilt on the bus, four new
 * shoeboxes, room-miked and dry kits, quiet and full-scale stems, made after held-out 48; `--held-out-49-only`: that
 * set alone; `--held-out-49`: added to a run that would leave it out), held-out 50 (fixtures/songonsets50.ts: 24 full
 * songs, a fifth family — lmms-common's recorded one-shots through a sampler, legato voices stepping pitch with no
 * new attack, soft pads under strums, staccato runs, grace notes, swung and straight 16ths, lmms-common's recorded
 * drum kits, two new rooms and bus treatments, quiet and full-scale mixes, made after held-out 49 had been read;
 * `--held-out-50-only`: that set alone; `--held-out-50`: added to a run that would leave it out), held-out 51
 * (ONSET_HELD_OUT_KITS_51: drum stems, Pöschl–Teller kits, a family no onset set used, recorded Hydrogen kicks,
 * snares and hats in new triples with a Pöschl–Teller ride and tom, soundfont brushes, players written for it, ffmpeg
 * adynamicsmooth and anequalizer on the bus, four new shoeboxes, made after held-out 50; `--held-out-51-only`: that
 * set alone; `--held-out-51`: added to a run that would leave it out), held-out 52
 * (fixtures/songonsets52.ts: 24 full songs, a sixth family — Sonic Pi's pitched recordings through a sampler, Hydrogen
 * kits with velocity layers, two new rooms and bus treatments —, made beside held-out 51; `--held-out-52-only`: that
 * set alone; `--held-out-52`: added to a run that would leave it out), held-out 53 (ONSET_HELD_OUT_KITS_53: drum
 * stems, Lennard-Jones kits, a family no onset set used, recorded Hydrogen kicks, snares and hats re-paired with a
 * Lennard-Jones ride and tom, soundfont brushes, players written for it, ffmpeg aiir and agate on the bus, four new
 * shoeboxes, made after held-out 52; `--held-out-53-only`: that set alone; `--held-out-53`: added to a run that
 * would leave it out), held-out 54 (fixtures/songonsets54.ts: 24
 * full songs, a seventh family — physical models, a struck string and a blown reed on a bore, Hydrogen kits no song
 * set used, two new rooms and bus treatments —, made beside held-out 53; `--held-out-54-only`: that set alone;
 * `--held-out-54`: added to a run that would leave it out), held-out 55 (ONSET_HELD_OUT_KITS_55: drum stems,
 * Kratzer kits, a family no onset set used, recorded Hydrogen kicks, snares and hats re-paired with a Kratzer ride
 * and tom, soundfont brushes, players written for it, ffmpeg asuperstop and apulsator on the bus, four new
 * shoeboxes, made after held-out 54; `--held-out-55-only`: that set alone; `--held-out-55`: added to a run that
 * would leave it out), held-out 56 (fixtures/songonsets56.ts: 24 full songs,
 * an eighth family — a bowed string and an analog subtractive synth, Hydrogen kits no song set used, two new rooms
 * and bus treatments —, made beside held-out 55; `--held-out-56-only`: that set alone; `--held-out-56`: added to a
 * run that would leave it out), held-out 57 (ONSET_HELD_OUT_KITS_57: drum stems, Buckingham kits, a family no onset
 * or classification set used, recorded Hydrogen kicks, snares and hats re-paired with a Buckingham ride and tom,
 * soundfont brushes, a songo, a 7/8 groove and a brush waltz written for it, ffmpeg aderivative and aintegral on the
 * bus, four new shoeboxes, made after held-out 56; `--held-out-57-only`: that set alone; `--held-out-57`: added to a
 * run that would leave it out).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMono, groundTruthSet, type TruthFile } from '../fixtures/groundtruth.js';
import { heldOutDrumSet, type DrumTruthFile } from '../fixtures/drumtruth.js';
import { onsetHeldOut38Songs } from '../fixtures/songonsets38.js';
import { onsetHeldOut39Songs } from '../fixtures/songonsets39.js';
import { onsetHeldOut40Songs } from '../fixtures/songonsets40.js';
import { onsetHeldOut41Songs } from '../fixtures/songonsets41.js';
import { onsetHeldOut50Songs } from '../fixtures/songonsets50.js';
import { onsetHeldOut52Songs } from '../fixtures/songonsets52.js';
import { onsetHeldOut54Songs } from '../fixtures/songonsets54.js';
import { onsetHeldOut56Songs } from '../fixtures/songonsets56.js';
import { fMeasure, matchEvents, type MatchResult } from './metrics.js';
import { run } from './proc.js';
import { createFeatureExtractor } from '../src/engines/spectral/index.js';
import { detectOnsets, onsetDefaults, onsetInput, type OnsetParameterValues } from '../src/engines/onsets/index.js';
import {
  ONSET_FLUX_PARAMETERS,
  ONSET_PARAMETERS,
  onsetFluxOptions,
  stftLayout,
} from '../src/engines/analysis/params.js';
import type { FeatureReport } from '../src/native.js';
import { resolveParams } from '../src/commands/params.js';
import { ANALYZE_PARAMETERS } from '../src/commands/analyze-post.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
const TRUTH = path.join(OUT, 'truth');
const HELD = path.join(OUT, 'drums-held-out');
const TUNING_PATTERNS = path.join(OUT, 'drums-tuning');
const FRESH = path.join(OUT, 'drums-held-out-2');
const THIRD = path.join(OUT, 'drums-held-out-3');
const FOURTH = path.join(OUT, 'drums-held-out-4');
const FIFTH = path.join(OUT, 'drums-held-out-5');
const SIXTH = path.join(OUT, 'drums-held-out-6');
const SEVENTH = path.join(OUT, 'drums-held-out-7');
const EIGHTH = path.join(OUT, 'drums-held-out-8');
const NINTH = path.join(OUT, 'drums-held-out-9');
const TENTH = path.join(OUT, 'drums-held-out-10');
const ELEVENTH = path.join(OUT, 'drums-held-out-11');
const TWELFTH = path.join(OUT, 'drums-held-out-12');
const THIRTEENTH = path.join(OUT, 'drums-held-out-13');
const FOURTEENTH = path.join(OUT, 'drums-held-out-14');
const FIFTEENTH = path.join(OUT, 'drums-held-out-15');
const SIXTEENTH = path.join(OUT, 'drums-held-out-16');
const SEVENTEENTH = path.join(OUT, 'drums-held-out-17');
const EIGHTEENTH = path.join(OUT, 'drums-held-out-18');
const NINETEENTH = path.join(OUT, 'drums-held-out-19');
const TWENTIETH = path.join(OUT, 'drums-held-out-20');
const TWENTY_FIRST = path.join(OUT, 'drums-held-out-21');
const TWENTY_SECOND = path.join(OUT, 'drums-held-out-22');
const TWENTY_THIRD = path.join(OUT, 'drums-held-out-23');
const TWENTY_FOURTH = path.join(OUT, 'drums-held-out-24');
const TWENTY_FIFTH = path.join(OUT, 'drums-held-out-25');
const TWENTY_SIXTH = path.join(OUT, 'drums-held-out-26');
const TWENTY_SEVENTH = path.join(OUT, 'drums-held-out-27');
const TWENTY_EIGHTH = path.join(OUT, 'drums-held-out-28');
const TWENTY_NINTH = path.join(OUT, 'drums-held-out-29');
const THIRTIETH = path.join(OUT, 'drums-held-out-30');
const THIRTY_FIRST = path.join(OUT, 'drums-held-out-31');
const THIRTY_SECOND = path.join(OUT, 'drums-held-out-32');
const THIRTY_THIRD = path.join(OUT, 'drums-held-out-33');
const THIRTY_FOURTH = path.join(OUT, 'drums-held-out-34');
const THIRTY_FIFTH = path.join(OUT, 'drums-held-out-35');
const THIRTY_SIXTH = path.join(OUT, 'drums-held-out-36');
const THIRTY_SEVENTH = path.join(OUT, 'drums-held-out-37');
const THIRTY_EIGHTH = path.join(OUT, 'songs-held-out-38');
const THIRTY_NINTH = path.join(OUT, 'songs-held-out-39');
const FORTIETH = path.join(OUT, 'songs-held-out-40');
const FORTY_FIRST = path.join(OUT, 'songs-held-out-41');
const FORTY_SECOND = path.join(OUT, 'drums-held-out-42');
const FORTY_THIRD = path.join(OUT, 'drums-held-out-43');
const FORTY_FOURTH = path.join(OUT, 'drums-held-out-44');
const FORTY_FIFTH = path.join(OUT, 'drums-held-out-45');
const FORTY_SIXTH = path.join(OUT, 'drums-held-out-46');
const FIFTY_SEVENTH = path.join(OUT, 'drums-held-out-57');
/** `--held-out-57-only`: the fifty-seventh held-out set (ONSET_HELD_OUT_KITS_57: drum stems) alone. */
const FIFTY_SEVENTH_ONLY = process.argv.includes('--held-out-57-only');
/** `--held-out-57`: the fifty-seventh held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTY_SEVENTH_TOO = process.argv.includes('--held-out-57');
const FIFTY_SIXTH = path.join(OUT, 'songs-held-out-56');
/** `--held-out-56-only`: the fifty-sixth held-out set (fixtures/songonsets56.ts: songs, bowed and analog) alone. */
const FIFTY_SIXTH_ONLY = process.argv.includes('--held-out-56-only') || FIFTY_SEVENTH_ONLY;
/** `--held-out-56`: the fifty-sixth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTY_SIXTH_TOO = process.argv.includes('--held-out-56');
const FIFTY_FIFTH = path.join(OUT, 'drums-held-out-55');
/** `--held-out-55-only`: the fifty-fifth held-out set (ONSET_HELD_OUT_KITS_55: drum stems) alone. */
const FIFTY_FIFTH_ONLY = process.argv.includes('--held-out-55-only') || FIFTY_SIXTH_ONLY;
/** `--held-out-55`: the fifty-fifth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTY_FIFTH_TOO = process.argv.includes('--held-out-55');
const FIFTY_FOURTH = path.join(OUT, 'songs-held-out-54');
/** `--held-out-54-only`: the fifty-fourth held-out set (fixtures/songonsets54.ts: songs, physical models) alone. */
const FIFTY_FOURTH_ONLY = process.argv.includes('--held-out-54-only') || FIFTY_FIFTH_ONLY;
/** `--held-out-54`: the fifty-fourth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTY_FOURTH_TOO = process.argv.includes('--held-out-54');
const FIFTY_THIRD = path.join(OUT, 'drums-held-out-53');
/** `--held-out-53-only`: the fifty-third held-out set (ONSET_HELD_OUT_KITS_53: drum stems) alone. */
const FIFTY_THIRD_ONLY = process.argv.includes('--held-out-53-only') || FIFTY_FOURTH_ONLY;
/** `--held-out-53`: the fifty-third held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTY_THIRD_TOO = process.argv.includes('--held-out-53');
const FIFTY_SECOND = path.join(OUT, 'songs-held-out-52');
/** `--held-out-52-only`: the fifty-second held-out set (fixtures/songonsets52.ts: full songs, Sonic Pi) alone. */
const FIFTY_SECOND_ONLY = process.argv.includes('--held-out-52-only') || FIFTY_THIRD_ONLY;
/** `--held-out-52`: the fifty-second held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTY_SECOND_TOO = process.argv.includes('--held-out-52');
const FIFTY_FIRST = path.join(OUT, 'drums-held-out-51');
/** `--held-out-51-only`: the fifty-first held-out set (ONSET_HELD_OUT_KITS_51: drum stems) alone. */
const FIFTY_FIRST_ONLY = process.argv.includes('--held-out-51-only') || FIFTY_SECOND_ONLY;
/** `--held-out-51`: the fifty-first held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTY_FIRST_TOO = process.argv.includes('--held-out-51');
const FIFTIETH = path.join(OUT, 'songs-held-out-50');
/** `--held-out-50-only`: the fiftieth held-out set (fixtures/songonsets50.ts: full songs, a sampler) alone. */
const FIFTIETH_ONLY = process.argv.includes('--held-out-50-only') || FIFTY_FIRST_ONLY;
/** `--held-out-50`: the fiftieth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FIFTIETH_TOO = process.argv.includes('--held-out-50');
const FORTY_NINTH = path.join(OUT, 'drums-held-out-49');
/** `--held-out-49-only`: the forty-ninth held-out set (ONSET_HELD_OUT_KITS_49: drum stems) alone. */
const FORTY_NINTH_ONLY = process.argv.includes('--held-out-49-only') || FIFTIETH_ONLY;
/** `--held-out-49`: the forty-ninth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_NINTH_TOO = process.argv.includes('--held-out-49');
const FORTY_EIGHTH = path.join(OUT, 'drums-held-out-48');
/** `--held-out-48-only`: the forty-eighth held-out set (ONSET_HELD_OUT_KITS_48: drum stems) alone. */
const FORTY_EIGHTH_ONLY = process.argv.includes('--held-out-48-only') || FORTY_NINTH_ONLY;
/** `--held-out-48`: the forty-eighth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_EIGHTH_TOO = process.argv.includes('--held-out-48');
const FORTY_SEVENTH = path.join(OUT, 'drums-held-out-47');
/** `--held-out-47-only`: the forty-seventh held-out set (ONSET_HELD_OUT_KITS_47: drum stems) alone. */
const FORTY_SEVENTH_ONLY = process.argv.includes('--held-out-47-only') || FORTY_EIGHTH_ONLY;
/** `--held-out-47`: the forty-seventh held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_SEVENTH_TOO = process.argv.includes('--held-out-47');
/** `--held-out-46-only`: the forty-sixth held-out set (ONSET_HELD_OUT_KITS_46: drum stems) alone. */
const FORTY_SIXTH_ONLY = process.argv.includes('--held-out-46-only') || FORTY_SEVENTH_ONLY;
/** `--held-out-46`: the forty-sixth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_SIXTH_TOO = process.argv.includes('--held-out-46');
/** `--held-out-45-only`: the forty-fifth held-out set (ONSET_HELD_OUT_KITS_45: drum stems) alone. */
const FORTY_FIFTH_ONLY = process.argv.includes('--held-out-45-only') || FORTY_SIXTH_ONLY;
/** `--held-out-45`: the forty-fifth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_FIFTH_TOO = process.argv.includes('--held-out-45');
/** `--held-out-44-only`: the forty-fourth held-out set (ONSET_HELD_OUT_KITS_44: drum stems) alone. */
const FORTY_FOURTH_ONLY = process.argv.includes('--held-out-44-only') || FORTY_FIFTH_ONLY;
/** `--held-out-44`: the forty-fourth held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_FOURTH_TOO = process.argv.includes('--held-out-44');
/** `--held-out-43-only`: the forty-third held-out set (ONSET_HELD_OUT_KITS_43: drum stems) alone. */
const FORTY_THIRD_ONLY = process.argv.includes('--held-out-43-only') || FORTY_FOURTH_ONLY;
/** `--held-out-43`: the forty-third held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_THIRD_TOO = process.argv.includes('--held-out-43');
/** `--held-out-42-only`: the forty-second held-out set (ONSET_HELD_OUT_KITS_42: drum stems) alone. */
const FORTY_SECOND_ONLY = process.argv.includes('--held-out-42-only') || FORTY_THIRD_ONLY;
/** `--held-out-42`: the forty-second held-out set read even where an `-only` flag of an earlier set leaves it out. */
const FORTY_SECOND_TOO = process.argv.includes('--held-out-42');
/** `--held-out-41-only`: the forty-first held-out set (fixtures/songonsets41.ts: full songs, TiMidity++) alone. */
const FORTY_FIRST_ONLY = process.argv.includes('--held-out-41-only') || FORTY_SECOND_ONLY;
/** `--held-out-40-only`: the fortieth held-out set (fixtures/songonsets40.ts: full songs, own synthesis) alone. */
const FORTIETH_ONLY = process.argv.includes('--held-out-40-only') || FORTY_FIRST_ONLY;
/** `--held-out-39-only`: the thirty-ninth held-out set (fixtures/songonsets39.ts: full songs, fluidsynth) alone. */
const THIRTY_NINTH_ONLY = process.argv.includes('--held-out-39-only') || FORTIETH_ONLY;
/** `--held-out-38-only`: the thirty-eighth held-out set (fixtures/songonsets38.ts: full songs) alone. */
const THIRTY_EIGHTH_ONLY = process.argv.includes('--held-out-38-only') || THIRTY_NINTH_ONLY;
/** `--held-out-37-only`: the thirty-seventh held-out set (ONSET_HELD_OUT_KITS_37) alone. */
const THIRTY_SEVENTH_ONLY = process.argv.includes('--held-out-37-only') || THIRTY_EIGHTH_ONLY;
/** `--held-out-36-only`: the thirty-sixth held-out set (ONSET_HELD_OUT_KITS_36) alone. */
const THIRTY_SIXTH_ONLY = process.argv.includes('--held-out-36-only') || THIRTY_SEVENTH_ONLY;
/** `--held-out-35-only`: the thirty-fifth held-out set (ONSET_HELD_OUT_KITS_35) alone. */
const THIRTY_FIFTH_ONLY = process.argv.includes('--held-out-35-only') || THIRTY_SIXTH_ONLY;
/** `--held-out-34-only`: the thirty-fourth held-out set (ONSET_HELD_OUT_KITS_34) alone. */
const THIRTY_FOURTH_ONLY = process.argv.includes('--held-out-34-only') || THIRTY_FIFTH_ONLY;
/** `--held-out-33-only`: the thirty-third held-out set (ONSET_HELD_OUT_KITS_33) alone. */
const THIRTY_THIRD_ONLY = process.argv.includes('--held-out-33-only') || THIRTY_FOURTH_ONLY;
/** `--held-out-32-only`: the thirty-second held-out set (ONSET_HELD_OUT_KITS_32) alone. */
const THIRTY_SECOND_ONLY = process.argv.includes('--held-out-32-only') || THIRTY_THIRD_ONLY;
/** `--held-out-31-only`: the thirty-first held-out set (ONSET_HELD_OUT_KITS_31) alone. */
const THIRTY_FIRST_ONLY = process.argv.includes('--held-out-31-only') || THIRTY_SECOND_ONLY;
/** `--held-out-30-only`: the thirtieth held-out set (ONSET_HELD_OUT_KITS_30) alone. */
const THIRTIETH_ONLY = process.argv.includes('--held-out-30-only') || THIRTY_FIRST_ONLY;
/** `--held-out-29-only`: the twenty-ninth held-out set (ONSET_HELD_OUT_KITS_29) alone. */
const TWENTY_NINTH_ONLY = process.argv.includes('--held-out-29-only') || THIRTIETH_ONLY;
/** `--held-out-28-only`: the twenty-eighth held-out set (ONSET_HELD_OUT_KITS_28) alone. */
const TWENTY_EIGHTH_ONLY = process.argv.includes('--held-out-28-only') || TWENTY_NINTH_ONLY;
/** `--held-out-27-only`: the twenty-seventh held-out set (ONSET_HELD_OUT_KITS_27) alone. */
const TWENTY_SEVENTH_ONLY = process.argv.includes('--held-out-27-only') || TWENTY_EIGHTH_ONLY;
/** `--held-out-26-only`: the twenty-sixth held-out set (ONSET_HELD_OUT_KITS_26) alone. */
const TWENTY_SIXTH_ONLY = process.argv.includes('--held-out-26-only') || TWENTY_SEVENTH_ONLY;
/** `--held-out-25-only`: the twenty-fifth held-out set (ONSET_HELD_OUT_KITS_25) alone. */
const TWENTY_FIFTH_ONLY = process.argv.includes('--held-out-25-only') || TWENTY_SIXTH_ONLY;
/** `--held-out-24-only`: the twenty-fourth held-out set (ONSET_HELD_OUT_KITS_24) alone. */
const TWENTY_FOURTH_ONLY = process.argv.includes('--held-out-24-only') || TWENTY_FIFTH_ONLY;
/** `--held-out-23-only`: the twenty-third held-out set (ONSET_HELD_OUT_KITS_23) alone. */
const TWENTY_THIRD_ONLY = process.argv.includes('--held-out-23-only') || TWENTY_FOURTH_ONLY;
/** `--held-out-22-only`: the twenty-second held-out set (ONSET_HELD_OUT_KITS_22) alone. */
const TWENTY_SECOND_ONLY = process.argv.includes('--held-out-22-only') || TWENTY_THIRD_ONLY;
/** `--held-out-21-only`: the twenty-first held-out set (ONSET_HELD_OUT_KITS_21) alone. */
const TWENTY_FIRST_ONLY = process.argv.includes('--held-out-21-only') || TWENTY_SECOND_ONLY;
/** `--held-out-20-only`: the twentieth held-out set (ONSET_HELD_OUT_KITS_20) alone. */
const TWENTIETH_ONLY = process.argv.includes('--held-out-20-only') || TWENTY_FIRST_ONLY;
/** `--held-out-19-only`: the nineteenth held-out set (ONSET_HELD_OUT_KITS_19) alone. */
const NINETEENTH_ONLY = process.argv.includes('--held-out-19-only') || TWENTIETH_ONLY;
/** `--held-out-18-only`: the eighteenth held-out set (ONSET_HELD_OUT_KITS_18) alone. */
const EIGHTEENTH_ONLY = process.argv.includes('--held-out-18-only') || NINETEENTH_ONLY;
/** `--held-out-17-only`: the seventeenth held-out set (ONSET_HELD_OUT_KITS_17) alone. */
const SEVENTEENTH_ONLY = process.argv.includes('--held-out-17-only') || EIGHTEENTH_ONLY;
/** `--held-out-16-only`: the sixteenth held-out set (ONSET_HELD_OUT_KITS_16) alone. */
const SIXTEENTH_ONLY = process.argv.includes('--held-out-16-only') || SEVENTEENTH_ONLY;
/** `--held-out-15-only`: the fifteenth held-out set (ONSET_HELD_OUT_KITS_15) alone. */
const FIFTEENTH_ONLY = process.argv.includes('--held-out-15-only') || SIXTEENTH_ONLY;
/** `--held-out-14-only`: the fourteenth held-out set (ONSET_HELD_OUT_KITS_14) alone. */
const FOURTEENTH_ONLY = process.argv.includes('--held-out-14-only') || FIFTEENTH_ONLY;
/** `--held-out-13-only`: the thirteenth held-out set (ONSET_HELD_OUT_KITS_13) alone. */
const THIRTEENTH_ONLY = process.argv.includes('--held-out-13-only') || FOURTEENTH_ONLY;
/** `--held-out-12-only`: the twelfth held-out set (ONSET_HELD_OUT_KITS_12) alone. */
const TWELFTH_ONLY = process.argv.includes('--held-out-12-only') || THIRTEENTH_ONLY;
/** `--held-out-11-only`: the eleventh held-out set (ONSET_HELD_OUT_KITS_11) alone. */
const ELEVENTH_ONLY = process.argv.includes('--held-out-11-only') || TWELFTH_ONLY;
/** `--held-out-10-only`: the tenth held-out set (ONSET_HELD_OUT_KITS_10) alone. */
const TENTH_ONLY = process.argv.includes('--held-out-10-only') || ELEVENTH_ONLY;
/** `--held-out-9-only`: the ninth held-out set (ONSET_HELD_OUT_KITS_9) alone. */
const NINTH_ONLY = process.argv.includes('--held-out-9-only') || TENTH_ONLY;
/** `--held-out-8-only`: the eighth held-out set (ONSET_HELD_OUT_KITS_8) alone. */
const EIGHTH_ONLY = process.argv.includes('--held-out-8-only') || NINTH_ONLY;
/** `--held-out-7-only`: the seventh held-out set (ONSET_HELD_OUT_KITS_7) alone. */
const SEVENTH_ONLY = process.argv.includes('--held-out-7-only') || EIGHTH_ONLY;
/** `--held-out-6-only`: the sixth held-out set (ONSET_HELD_OUT_KITS_6) alone. */
const SIXTH_ONLY = process.argv.includes('--held-out-6-only') || SEVENTH_ONLY;
/** `--held-out-5-only`: the fifth held-out set (ONSET_HELD_OUT_KITS_5) alone. */
const FIFTH_ONLY = process.argv.includes('--held-out-5-only') || SIXTH_ONLY;
/** `--held-out-4-only`: the fourth held-out set (ONSET_HELD_OUT_KITS_4) alone. */
const FOURTH_ONLY = process.argv.includes('--held-out-4-only');
const THIRD_ONLY = process.argv.includes('--held-out-3-only') || FOURTH_ONLY || FIFTH_ONLY;
const PEER_CACHE = path.join(OUT, 'onset-peers.json');
const VAMP_PATH = '/usr/lib/ardour7/vamp';
const PEERS = !process.argv.includes('--no-peers');
/**
 * `--params JSON`: shub's onset parameters moved from their defaults (a selectable change judged as it would run),
 * checked by `shub analyze --param`'s own step (a name not of the onsets engine, a value out of range or a preset
 * not shipped stops the bench; the values given are used as they are).
 */
const SHUB_PARAMS: Record<string, number> = process.argv.includes('--params')
  ? resolveParams(
      { tables: { onsets: ONSET_PARAMETERS }, choices: ANALYZE_PARAMETERS.choices },
      JSON.parse(process.argv[process.argv.indexOf('--params') + 1]!) as Record<string, unknown>,
      '--params',
    )
  : {};
const ROBUSTNESS = process.argv.some((a) => a === '--robustness' || a.startsWith('--robustness='));
const HELD_ONLY = process.argv.includes('--held-out-only');
const VERBOSE = process.argv.includes('--verbose');
/** The second held-out set (fixtures/drumtruth.ts FRESH_HELD_OUT_KITS); `--no-fresh` leaves it out. */
const WITH_FRESH = !process.argv.includes('--no-fresh');
/** `--robustness=a,b`: only these parameters in the ±10 % tables. */
const ROBUST_ONLY = process.argv
  .find((a) => a.startsWith('--robustness='))
  ?.slice('--robustness='.length)
  .split(',');
const robustIncluded = (name: string) => !ROBUST_ONLY || ROBUST_ONLY.includes(name);
const RATE = 44100;

interface Item {
  truth: TruthFile;
  set:
    | 'tuning'
    | 'held-out'
    | 'held-out 2'
    | 'held-out 3'
    | 'held-out 4'
    | 'held-out 5'
    | 'held-out 6'
    | 'held-out 7'
    | 'held-out 8'
    | 'held-out 9'
    | 'held-out 10'
    | 'held-out 11'
    | 'held-out 12'
    | 'held-out 13'
    | 'held-out 14'
    | 'held-out 15'
    | 'held-out 16'
    | 'held-out 17'
    | 'held-out 18'
    | 'held-out 19'
    | 'held-out 20'
    | 'held-out 21'
    | 'held-out 22'
    | 'held-out 23'
    | 'held-out 24'
    | 'held-out 25'
    | 'held-out 26'
    | 'held-out 27'
    | 'held-out 28'
    | 'held-out 29'
    | 'held-out 30'
    | 'held-out 31'
    | 'held-out 32'
    | 'held-out 33'
    | 'held-out 34'
    | 'held-out 35'
    | 'held-out 36'
    | 'held-out 37'
    | 'held-out 38'
    | 'held-out 39'
    | 'held-out 40'
    | 'held-out 41'
    | 'held-out 42'
    | 'held-out 43'
    | 'held-out 44'
    | 'held-out 45'
    | 'held-out 46'
    | 'held-out 47'
    | 'held-out 48'
    | 'held-out 49'
    | 'held-out 50'
    | 'held-out 51'
    | 'held-out 52'
    | 'held-out 53'
    | 'held-out 54'
    | 'held-out 55'
    | 'held-out 56'
    | 'held-out 57';
  kit: string;
  pattern: string;
}

function has(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  return spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } }).status === 0;
}

const times = (text: string) =>
  text
    .split('\n')
    .map((l) => parseFloat(l))
    .filter((x) => Number.isFinite(x));

/** The peers' onsets, cached by file path, size and mtime. */
type PeerCache = Record<string, { stamp: string; aubio?: number[]; qm?: number[] }>;
function peerOnsets(file: string, cache: PeerCache, tools: { aubio: boolean; qm: boolean }) {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  let c = cache[file];
  if (!c || c.stamp !== stamp) c = cache[file] = { stamp };
  if (tools.aubio && !c.aubio) c.aubio = times(run('aubio', ['onset', file]));
  if (tools.qm && !c.qm) {
    const text = run('vamp-simple-host', ['libardourvampplugins:qm-onsetdetector:onsets', file], { VAMP_PATH });
    c.qm = text.split('\n').flatMap((l) => {
      const m = /^\s*(-?[\d.]+):/.exec(l);
      return m ? [parseFloat(m[1]!)] : [];
    });
  }
  return c;
}

const decoded = new Map<string, Float32Array>();

/** The native features of a file, as `shub analyze --features onsets` computes them (native: ±10 % moves). */
function features(file: string, native: Partial<Record<keyof typeof ONSET_FLUX_PARAMETERS, number>> = {}) {
  let x = decoded.get(file);
  if (!x) {
    x = Float32Array.from(decodeMono(file, RATE));
    if (ROBUSTNESS) decoded.set(file, x);
  }
  const fx = createFeatureExtractor(
    { sampleRate: RATE, channels: 1 },
    { spectrum: true, pitch: false, onsets: true },
    {},
    onsetFluxOptions(RATE, native),
  );
  fx.addFloat(x);
  return fx.finish();
}

function shubOnsets(report: FeatureReport, params: OnsetParameterValues): number[] {
  return detectOnsets(onsetInput(report, RATE, stftLayout(RATE).windowSamples), params).times;
}

const pooled = (ms: MatchResult[]) => {
  const tot = ms.reduce((a, m) => ({ tp: a.tp + m.tp, fp: a.fp + m.fp, fn: a.fn + m.fn }), { tp: 0, fp: 0, fn: 0 });
  const offs = ms.flatMap((m) => m.offsets);
  return {
    f: fMeasure(tot),
    p: tot.tp / Math.max(1, tot.tp + tot.fp),
    r: tot.tp / Math.max(1, tot.tp + tot.fn),
    offsetMs: offs.length ? (offs.reduce((a, b) => a + b, 0) / offs.length) * 1000 : NaN,
  };
};

function groups(items: Item[], key: (i: Item) => string): Map<string, Item[]> {
  const g = new Map<string, Item[]>();
  for (const i of items) g.set(key(i), [...(g.get(key(i)) ?? []), i]);
  return g;
}

function tuningItems(): Item[] {
  return groundTruthSet(TRUTH)
    .filter((t) => t.onsets && t.kind !== 'song')
    .map((t) => ({
      truth: t,
      set: 'tuning' as const,
      kit:
        t.kind === 'drum-stem'
          ? 'FluidR3Mono Standard (song stems)'
          : t.kind === 'kit'
            ? t.name.replace(/^kit-/, '').replace(/-\d+-[a-z-]+$/, '')
            : `loop ${t.name.replace(/^loop-[a-z]+-\d+-/, '')}`,
      pattern:
        t.kind === 'loop' ? t.name.split('-')[1]! : t.kind === 'kit' ? /-\d+-(.+)$/.exec(t.name)![1]! : 'song groove',
    }));
}

/** The drum sets past the tuning set: their directory under bench/out and heldOutDrumSet's options. */
const DRUM_SETS: Record<
  Exclude<
    Item['set'],
    | 'tuning'
    | 'held-out 38'
    | 'held-out 39'
    | 'held-out 40'
    | 'held-out 41'
    | 'held-out 50'
    | 'held-out 52'
    | 'held-out 54'
    | 'held-out 56'
  >,
  [string, Parameters<typeof heldOutDrumSet>[1]]
> = {
  'held-out': [HELD, {}],
  'held-out 2': [FRESH, { fresh: true }],
  'held-out 3': [THIRD, { set: 'onset-held-out-3' }],
  'held-out 4': [FOURTH, { set: 'onset-held-out-4' }],
  'held-out 5': [FIFTH, { set: 'onset-held-out-5' }],
  'held-out 6': [SIXTH, { set: 'onset-held-out-6' }],
  'held-out 7': [SEVENTH, { set: 'onset-held-out-7' }],
  'held-out 8': [EIGHTH, { set: 'onset-held-out-8' }],
  'held-out 9': [NINTH, { set: 'onset-held-out-9' }],
  'held-out 10': [TENTH, { set: 'onset-held-out-10' }],
  'held-out 11': [ELEVENTH, { set: 'onset-held-out-11' }],
  'held-out 12': [TWELFTH, { set: 'onset-held-out-12' }],
  'held-out 13': [THIRTEENTH, { set: 'onset-held-out-13' }],
  'held-out 14': [FOURTEENTH, { set: 'onset-held-out-14' }],
  'held-out 15': [FIFTEENTH, { set: 'onset-held-out-15' }],
  'held-out 16': [SIXTEENTH, { set: 'onset-held-out-16' }],
  'held-out 17': [SEVENTEENTH, { set: 'onset-held-out-17' }],
  'held-out 18': [EIGHTEENTH, { set: 'onset-held-out-18' }],
  'held-out 19': [NINETEENTH, { set: 'onset-held-out-19' }],
  'held-out 20': [TWENTIETH, { set: 'onset-held-out-20' }],
  'held-out 21': [TWENTY_FIRST, { set: 'onset-held-out-21' }],
  'held-out 22': [TWENTY_SECOND, { set: 'onset-held-out-22' }],
  'held-out 23': [TWENTY_THIRD, { set: 'onset-held-out-23' }],
  'held-out 24': [TWENTY_FOURTH, { set: 'onset-held-out-24' }],
  'held-out 25': [TWENTY_FIFTH, { set: 'onset-held-out-25' }],
  'held-out 26': [TWENTY_SIXTH, { set: 'onset-held-out-26' }],
  'held-out 27': [TWENTY_SEVENTH, { set: 'onset-held-out-27' }],
  'held-out 28': [TWENTY_EIGHTH, { set: 'onset-held-out-28' }],
  'held-out 29': [TWENTY_NINTH, { set: 'onset-held-out-29' }],
  'held-out 30': [THIRTIETH, { set: 'onset-held-out-30' }],
  'held-out 31': [THIRTY_FIRST, { set: 'onset-held-out-31' }],
  'held-out 32': [THIRTY_SECOND, { set: 'onset-held-out-32' }],
  'held-out 33': [THIRTY_THIRD, { set: 'onset-held-out-33' }],
  'held-out 34': [THIRTY_FOURTH, { set: 'onset-held-out-34' }],
  'held-out 35': [THIRTY_FIFTH, { set: 'onset-held-out-35' }],
  'held-out 36': [THIRTY_SIXTH, { set: 'onset-held-out-36' }],
  'held-out 37': [THIRTY_SEVENTH, { set: 'onset-held-out-37' }],
  'held-out 42': [FORTY_SECOND, { set: 'onset-held-out-42' }],
  'held-out 43': [FORTY_THIRD, { set: 'onset-held-out-43' }],
  'held-out 44': [FORTY_FOURTH, { set: 'onset-held-out-44' }],
  'held-out 45': [FORTY_FIFTH, { set: 'onset-held-out-45' }],
  'held-out 46': [FORTY_SIXTH, { set: 'onset-held-out-46' }],
  'held-out 47': [FORTY_SEVENTH, { set: 'onset-held-out-47' }],
  'held-out 48': [FORTY_EIGHTH, { set: 'onset-held-out-48' }],
  'held-out 49': [FORTY_NINTH, { set: 'onset-held-out-49' }],
  'held-out 51': [FIFTY_FIRST, { set: 'onset-held-out-51' }],
  'held-out 53': [FIFTY_THIRD, { set: 'onset-held-out-53' }],
  'held-out 55': [FIFTY_FIFTH, { set: 'onset-held-out-55' }],
  'held-out 57': [FIFTY_SEVENTH, { set: 'onset-held-out-57' }],
};

/** The stems of one drum set (`tuning`: the tuning kits' pattern stems). */
function drumItems(set: Item['set']): { items: Item[]; missing: string[] } {
  if (set === 'held-out 56') {
    mkdirSync(FIFTY_SIXTH, { recursive: true });
    const songs = onsetHeldOut56Songs(FIFTY_SIXTH);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.chords.style, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  if (set === 'held-out 54') {
    mkdirSync(FIFTY_FOURTH, { recursive: true });
    const songs = onsetHeldOut54Songs(FIFTY_FOURTH);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.chords.style, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  if (set === 'held-out 52') {
    mkdirSync(FIFTY_SECOND, { recursive: true });
    const songs = onsetHeldOut52Songs(FIFTY_SECOND);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.chords.style, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  if (set === 'held-out 50') {
    mkdirSync(FIFTIETH, { recursive: true });
    const songs = onsetHeldOut50Songs(FIFTIETH);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.chords.style, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  if (set === 'held-out 41') {
    mkdirSync(FORTY_FIRST, { recursive: true });
    const songs = onsetHeldOut41Songs(FORTY_FIRST);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.chords.style, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  if (set === 'held-out 40') {
    mkdirSync(FORTIETH, { recursive: true });
    const songs = onsetHeldOut40Songs(FORTIETH);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.chords.style, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  if (set === 'held-out 39') {
    mkdirSync(THIRTY_NINTH, { recursive: true });
    const songs = onsetHeldOut39Songs(THIRTY_NINTH);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.bank, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  if (set === 'held-out 38') {
    mkdirSync(THIRTY_EIGHTH, { recursive: true });
    const songs = onsetHeldOut38Songs(THIRTY_EIGHTH);
    return {
      items: songs.map((t) => ({ truth: t, set, kit: t.song.soundfont, pattern: t.song.lead.style })),
      missing: [],
    };
  }
  const [dir, options] = set === 'tuning' ? [TUNING_PATTERNS, { tuning: true }] : DRUM_SETS[set];
  mkdirSync(dir, { recursive: true });
  const { files, missing } = heldOutDrumSet(dir, options);
  return { items: files.map((t: DrumTruthFile) => ({ truth: t, set, kit: t.kit, pattern: t.pattern })), missing };
}

async function main() {
  mkdirSync(TRUTH, { recursive: true });
  const none = { items: [], missing: [] };
  const held = THIRD_ONLY ? none : drumItems('held-out');
  const tune = HELD_ONLY || THIRD_ONLY ? none : drumItems('tuning');
  const fresh = WITH_FRESH && !THIRD_ONLY ? drumItems('held-out 2') : none;
  const third = FOURTH_ONLY || FIFTH_ONLY ? none : drumItems('held-out 3');
  const fourth = (THIRD_ONLY && !FOURTH_ONLY) || FIFTH_ONLY ? none : drumItems('held-out 4');
  const fifth = (THIRD_ONLY && !FIFTH_ONLY) || SIXTH_ONLY ? none : drumItems('held-out 5');
  const sixth = (THIRD_ONLY && !SIXTH_ONLY) || SEVENTH_ONLY ? none : drumItems('held-out 6');
  const seventh = (THIRD_ONLY && !SEVENTH_ONLY) || EIGHTH_ONLY ? none : drumItems('held-out 7');
  const eighth = (THIRD_ONLY && !EIGHTH_ONLY) || NINTH_ONLY ? none : drumItems('held-out 8');
  const ninth = (THIRD_ONLY && !NINTH_ONLY) || TENTH_ONLY ? none : drumItems('held-out 9');
  const tenth = (THIRD_ONLY && !TENTH_ONLY) || ELEVENTH_ONLY ? none : drumItems('held-out 10');
  const eleventh = (THIRD_ONLY && !ELEVENTH_ONLY) || TWELFTH_ONLY ? none : drumItems('held-out 11');
  const twelfth = (THIRD_ONLY && !TWELFTH_ONLY) || THIRTEENTH_ONLY ? none : drumItems('held-out 12');
  const thirteenth = (THIRD_ONLY && !THIRTEENTH_ONLY) || FOURTEENTH_ONLY ? none : drumItems('held-out 13');
  const fourteenth = (THIRD_ONLY && !FOURTEENTH_ONLY) || FIFTEENTH_ONLY ? none : drumItems('held-out 14');
  const fifteenth = (THIRD_ONLY && !FIFTEENTH_ONLY) || SIXTEENTH_ONLY ? none : drumItems('held-out 15');
  const sixteenth = (THIRD_ONLY && !SIXTEENTH_ONLY) || SEVENTEENTH_ONLY ? none : drumItems('held-out 16');
  const seventeenth = (THIRD_ONLY && !SEVENTEENTH_ONLY) || EIGHTEENTH_ONLY ? none : drumItems('held-out 17');
  const eighteenth = (THIRD_ONLY && !EIGHTEENTH_ONLY) || NINETEENTH_ONLY ? none : drumItems('held-out 18');
  const nineteenth = (THIRD_ONLY && !NINETEENTH_ONLY) || TWENTIETH_ONLY ? none : drumItems('held-out 19');
  const twentieth = (THIRD_ONLY && !TWENTIETH_ONLY) || TWENTY_FIRST_ONLY ? none : drumItems('held-out 20');
  const twentyFirst = (THIRD_ONLY && !TWENTY_FIRST_ONLY) || TWENTY_SECOND_ONLY ? none : drumItems('held-out 21');
  const twentySecond = (THIRD_ONLY && !TWENTY_SECOND_ONLY) || TWENTY_THIRD_ONLY ? none : drumItems('held-out 22');
  const twentyThird = (THIRD_ONLY && !TWENTY_THIRD_ONLY) || TWENTY_FOURTH_ONLY ? none : drumItems('held-out 23');
  const twentyFourth = (THIRD_ONLY && !TWENTY_FOURTH_ONLY) || TWENTY_FIFTH_ONLY ? none : drumItems('held-out 24');
  const twentyFifth = (THIRD_ONLY && !TWENTY_FIFTH_ONLY) || TWENTY_SIXTH_ONLY ? none : drumItems('held-out 25');
  const twentySixth = (THIRD_ONLY && !TWENTY_SIXTH_ONLY) || TWENTY_SEVENTH_ONLY ? none : drumItems('held-out 26');
  const twentySeventh = (THIRD_ONLY && !TWENTY_SEVENTH_ONLY) || TWENTY_EIGHTH_ONLY ? none : drumItems('held-out 27');
  const twentyEighth = (THIRD_ONLY && !TWENTY_EIGHTH_ONLY) || TWENTY_NINTH_ONLY ? none : drumItems('held-out 28');
  const twentyNinth = (THIRD_ONLY && !TWENTY_NINTH_ONLY) || THIRTIETH_ONLY ? none : drumItems('held-out 29');
  const thirtieth = (THIRD_ONLY && !THIRTIETH_ONLY) || THIRTY_FIRST_ONLY ? none : drumItems('held-out 30');
  const thirtyFirst = (THIRD_ONLY && !THIRTY_FIRST_ONLY) || THIRTY_SECOND_ONLY ? none : drumItems('held-out 31');
  const thirtySecond = (THIRD_ONLY && !THIRTY_SECOND_ONLY) || THIRTY_THIRD_ONLY ? none : drumItems('held-out 32');
  const thirtyThird = (THIRD_ONLY && !THIRTY_THIRD_ONLY) || THIRTY_FOURTH_ONLY ? none : drumItems('held-out 33');
  const thirtyFourth = (THIRD_ONLY && !THIRTY_FOURTH_ONLY) || THIRTY_FIFTH_ONLY ? none : drumItems('held-out 34');
  const thirtyFifth = (THIRD_ONLY && !THIRTY_FIFTH_ONLY) || THIRTY_SIXTH_ONLY ? none : drumItems('held-out 35');
  const thirtySixth = (THIRD_ONLY && !THIRTY_SIXTH_ONLY) || THIRTY_SEVENTH_ONLY ? none : drumItems('held-out 36');
  const thirtySeventh = (THIRD_ONLY && !THIRTY_SEVENTH_ONLY) || THIRTY_EIGHTH_ONLY ? none : drumItems('held-out 37');
  const thirtyEighth = (THIRD_ONLY && !THIRTY_EIGHTH_ONLY) || THIRTY_NINTH_ONLY ? none : drumItems('held-out 38');
  const thirtyNinth = (THIRD_ONLY && !THIRTY_NINTH_ONLY) || FORTIETH_ONLY ? none : drumItems('held-out 39');
  const fortieth = (THIRD_ONLY && !FORTIETH_ONLY) || FORTY_FIRST_ONLY ? none : drumItems('held-out 40');
  const fortyFirst = (THIRD_ONLY && !FORTY_FIRST_ONLY) || FORTY_SECOND_ONLY ? none : drumItems('held-out 41');
  const fortySecond =
    (THIRD_ONLY && !FORTY_SECOND_ONLY && !FORTY_SECOND_TOO) || FORTY_THIRD_ONLY ? none : drumItems('held-out 42');
  const fortyThird =
    (THIRD_ONLY && !FORTY_THIRD_ONLY && !FORTY_THIRD_TOO) || FORTY_FOURTH_ONLY ? none : drumItems('held-out 43');
  const fortyFourth =
    (THIRD_ONLY && !FORTY_FOURTH_ONLY && !FORTY_FOURTH_TOO) || FORTY_FIFTH_ONLY ? none : drumItems('held-out 44');
  const fortyFifth =
    (THIRD_ONLY && !FORTY_FIFTH_ONLY && !FORTY_FIFTH_TOO) || FORTY_SIXTH_ONLY ? none : drumItems('held-out 45');
  const fortySixth =
    (THIRD_ONLY && !FORTY_SIXTH_ONLY && !FORTY_SIXTH_TOO) || FORTY_SEVENTH_ONLY ? none : drumItems('held-out 46');
  const fortySeventh =
    (THIRD_ONLY && !FORTY_SEVENTH_ONLY && !FORTY_SEVENTH_TOO) || FORTY_EIGHTH_ONLY ? none : drumItems('held-out 47');
  const fortyEighth =
    (THIRD_ONLY && !FORTY_EIGHTH_ONLY && !FORTY_EIGHTH_TOO) || FORTY_NINTH_ONLY ? none : drumItems('held-out 48');
  const fortyNinth =
    (THIRD_ONLY && !FORTY_NINTH_ONLY && !FORTY_NINTH_TOO) || FIFTIETH_ONLY ? none : drumItems('held-out 49');
  const fiftieth =
    (THIRD_ONLY && !FIFTIETH_ONLY && !FIFTIETH_TOO) || FIFTY_FIRST_ONLY ? none : drumItems('held-out 50');
  const fiftyFirst =
    (THIRD_ONLY && !FIFTY_FIRST_ONLY && !FIFTY_FIRST_TOO) || FIFTY_SECOND_ONLY ? none : drumItems('held-out 51');
  const fiftySecond =
    (THIRD_ONLY && !FIFTY_SECOND_ONLY && !FIFTY_SECOND_TOO) || FIFTY_THIRD_ONLY ? none : drumItems('held-out 52');
  const fiftyThird =
    (THIRD_ONLY && !FIFTY_THIRD_ONLY && !FIFTY_THIRD_TOO) || FIFTY_FOURTH_ONLY ? none : drumItems('held-out 53');
  const fiftyFourth =
    (THIRD_ONLY && !FIFTY_FOURTH_ONLY && !FIFTY_FOURTH_TOO) || FIFTY_FIFTH_ONLY ? none : drumItems('held-out 54');
  const fiftyFifth =
    (THIRD_ONLY && !FIFTY_FIFTH_ONLY && !FIFTY_FIFTH_TOO) || FIFTY_SIXTH_ONLY ? none : drumItems('held-out 55');
  const fiftySixth =
    (THIRD_ONLY && !FIFTY_SIXTH_ONLY && !FIFTY_SIXTH_TOO) || FIFTY_SEVENTH_ONLY ? none : drumItems('held-out 56');
  const fiftySeventh = THIRD_ONLY && !FIFTY_SEVENTH_ONLY && !FIFTY_SEVENTH_TOO ? none : drumItems('held-out 57');
  const items = [
    ...(HELD_ONLY || THIRD_ONLY ? [] : tuningItems()),
    ...tune.items,
    ...held.items,
    ...fresh.items,
    ...third.items,
    ...fourth.items,
    ...fifth.items,
    ...sixth.items,
    ...seventh.items,
    ...eighth.items,
    ...ninth.items,
    ...tenth.items,
    ...eleventh.items,
    ...twelfth.items,
    ...thirteenth.items,
    ...fourteenth.items,
    ...fifteenth.items,
    ...sixteenth.items,
    ...seventeenth.items,
    ...eighteenth.items,
    ...nineteenth.items,
    ...twentieth.items,
    ...twentyFirst.items,
    ...twentySecond.items,
    ...twentyThird.items,
    ...twentyFourth.items,
    ...twentyFifth.items,
    ...twentySixth.items,
    ...twentySeventh.items,
    ...twentyEighth.items,
    ...twentyNinth.items,
    ...thirtieth.items,
    ...thirtyFirst.items,
    ...thirtySecond.items,
    ...thirtyThird.items,
    ...thirtyFourth.items,
    ...thirtyFifth.items,
    ...thirtySixth.items,
    ...thirtySeventh.items,
    ...thirtyEighth.items,
    ...thirtyNinth.items,
    ...fortieth.items,
    ...fortyFirst.items,
    ...fortySecond.items,
    ...fortyThird.items,
    ...fortyFourth.items,
    ...fortyFifth.items,
    ...fortySixth.items,
    ...fortySeventh.items,
    ...fortyEighth.items,
    ...fortyNinth.items,
    ...fiftieth.items,
    ...fiftyFirst.items,
    ...fiftySecond.items,
    ...fiftyThird.items,
    ...fiftyFourth.items,
    ...fiftyFifth.items,
    ...fiftySixth.items,
    ...fiftySeventh.items,
  ];
  const report: string[] = [];
  const missing = [
    ...tune.missing,
    ...held.missing,
    ...fresh.missing,
    ...third.missing,
    ...fourth.missing,
    ...fifth.missing,
    ...sixth.missing,
    ...seventh.missing,
    ...eighth.missing,
    ...ninth.missing,
    ...tenth.missing,
    ...eleventh.missing,
    ...twelfth.missing,
    ...thirteenth.missing,
    ...fourteenth.missing,
    ...fifteenth.missing,
    ...sixteenth.missing,
    ...seventeenth.missing,
    ...eighteenth.missing,
    ...nineteenth.missing,
    ...twentieth.missing,
    ...twentyFirst.missing,
    ...twentySecond.missing,
    ...twentyThird.missing,
    ...twentyFourth.missing,
    ...twentyFifth.missing,
    ...twentySixth.missing,
    ...twentySeventh.missing,
    ...twentyEighth.missing,
    ...twentyNinth.missing,
    ...thirtieth.missing,
    ...thirtyFirst.missing,
    ...thirtySecond.missing,
    ...thirtyThird.missing,
    ...thirtyFourth.missing,
    ...thirtyFifth.missing,
    ...thirtySixth.missing,
    ...thirtySeventh.missing,
    ...thirtyEighth.missing,
    ...thirtyNinth.missing,
    ...fortieth.missing,
    ...fortyFirst.missing,
    ...fortySecond.missing,
    ...fortyThird.missing,
    ...fortyFourth.missing,
    ...fortyFifth.missing,
    ...fortySixth.missing,
    ...fortySeventh.missing,
    ...fortyEighth.missing,
    ...fortyNinth.missing,
    ...fiftieth.missing,
    ...fiftyFirst.missing,
    ...fiftySecond.missing,
    ...fiftyThird.missing,
    ...fiftyFourth.missing,
    ...fiftyFifth.missing,
    ...fiftySixth.missing,
    ...fiftySeventh.missing,
  ];
  if (missing.length) {
    const text = `kits skipped (missing on this machine): ${missing.join('; ')}`;
    if (process.env.CI === 'true') throw new Error(text);
    console.error(text);
  }
  const peerTools = {
    aubio: PEERS && has('aubio', ['--help']),
    qm: PEERS && existsSync(path.join(VAMP_PATH, 'libardourvampplugins.so')) && has('vamp-simple-host', ['-v']),
  };
  if (PEERS && (!peerTools.aubio || !peerTools.qm)) {
    const text = `peers skipped: ${!peerTools.aubio ? 'aubio (Debian aubio-tools) ' : ''}${
      !peerTools.qm ? `QM onset detector (${VAMP_PATH}: Debian ardour; vamp-simple-host: vamp-examples)` : ''
    }`;
    if (process.env.CI === 'true') throw new Error(text);
    console.error(text);
  }
  const cache: PeerCache = existsSync(PEER_CACHE) ? JSON.parse(readFileSync(PEER_CACHE, 'utf8')) : {};
  const reports = new Map<string, FeatureReport>();
  const est = new Map<string, { shub: number[]; aubio?: number[]; qm?: number[] }>();
  for (const it of items) {
    const f = it.truth.file;
    const rep = features(f);
    reports.set(f, rep);
    const peers: { aubio?: number[]; qm?: number[] } =
      peerTools.aubio || peerTools.qm ? peerOnsets(f, cache, peerTools) : {};
    est.set(f, { shub: shubOnsets(rep, { ...onsetDefaults(), ...SHUB_PARAMS }), aubio: peers.aubio, qm: peers.qm });
  }
  writeFileSync(PEER_CACHE, JSON.stringify(cache));
  const tools = ['shub', ...(peerTools.aubio ? ['aubio'] : []), ...(peerTools.qm ? ['qm'] : [])] as const;
  const match = (it: Item, tool: (typeof tools)[number]) =>
    matchEvents(est.get(it.truth.file)![tool as 'shub']!, it.truth.onsets!, 0.05);
  if (VERBOSE)
    for (const it of items) {
      const m = match(it, 'shub');
      const p = pooled([m]);
      console.error(
        `${it.truth.name}: F ${p.f.toFixed(3)} P ${p.p.toFixed(3)} R ${p.r.toFixed(3)} off ${p.offsetMs.toFixed(2)} ms`,
      );
    }
  const head = `| set | ${'{col}'} | files | hits | ${tools
    .map((t) => `${t} F | ${t} P/R | ${t} offset`)
    .join(' | ')} |`;
  const table = (label: string, key: (i: Item) => string) => {
    report.push('', head.replace('{col}', label), '|---|---|---|---|' + tools.map(() => '---|---|---|').join(''));
    for (const set of [
      'tuning',
      'held-out',
      'held-out 2',
      'held-out 3',
      'held-out 4',
      'held-out 5',
      'held-out 6',
      'held-out 7',
      'held-out 8',
      'held-out 9',
      'held-out 10',
      'held-out 11',
      'held-out 12',
      'held-out 13',
      'held-out 14',
      'held-out 15',
      'held-out 16',
      'held-out 17',
      'held-out 18',
      'held-out 19',
      'held-out 20',
      'held-out 21',
      'held-out 22',
      'held-out 23',
      'held-out 24',
      'held-out 25',
      'held-out 26',
      'held-out 27',
      'held-out 28',
      'held-out 29',
      'held-out 30',
      'held-out 31',
      'held-out 32',
      'held-out 33',
      'held-out 34',
      'held-out 35',
      'held-out 36',
      'held-out 37',
      'held-out 38',
      'held-out 39',
      'held-out 40',
      'held-out 41',
      'held-out 42',
      'held-out 43',
      'held-out 44',
      'held-out 45',
      'held-out 46',
      'held-out 47',
      'held-out 48',
      'held-out 49',
      'held-out 50',
      'held-out 51',
      'held-out 52',
      'held-out 53',
      'held-out 54',
      'held-out 55',
      'held-out 56',
      'held-out 57',
    ] as const) {
      const g = groups(
        items.filter((i) => i.set === set),
        key,
      );
      for (const [k, its] of [...g].sort((a, b) => a[0].localeCompare(b[0]))) {
        const cells = tools.map((t) => {
          const p = pooled(its.map((i) => match(i, t)));
          return `${p.f.toFixed(3)} | ${p.p.toFixed(2)}/${p.r.toFixed(2)} | ${p.offsetMs.toFixed(1)} ms`;
        });
        const hits = its.reduce((a, i) => a + i.truth.onsets!.length, 0);
        report.push(`| ${set} | ${k} | ${its.length} | ${hits} | ${cells.join(' | ')} |`);
      }
      if (!g.size) continue;
      const its = items.filter((i) => i.set === set);
      const cells = tools.map((t) => {
        const p = pooled(its.map((i) => match(i, t)));
        return `**${p.f.toFixed(4)}** | ${p.p.toFixed(3)}/${p.r.toFixed(3)} | ${p.offsetMs.toFixed(2)} ms`;
      });
      const worst = Math.max(...[...g.values()].map((x) => Math.abs(pooled(x.map((i) => match(i, 'shub'))).offsetMs)));
      report.push(
        `| ${set} | **all** (worst shub |offset| ${worst.toFixed(1)} ms) | ${its.length} | ${its.reduce(
          (a, i) => a + i.truth.onsets!.length,
          0,
        )} | ${cells.join(' | ')} |`,
      );
    }
  };
  table('kit', (i) => i.kit);
  table('pattern', (i) => i.pattern);
  if (ROBUSTNESS) {
    const heldOut = items.filter((i) => i.set === 'held-out');
    const base = pooled(heldOut.map((i) => matchEvents(est.get(i.truth.file)!.shub, i.truth.onsets!, 0.05))).f;
    report.push(
      '',
      `| parameter (held-out, pooled F ${base.toFixed(4)}) | value | F at −10 % | F at +10 % | largest move | ` +
        'robust (≤ 0.03) |',
      '|---|---|---|---|---|---|',
    );
    // the mel envelope's own picking and search (tempo's onsets) do not act on the onset flux
    const melOnly = new Set(['deltaFraction', 'medianSeconds', 'peakWindowSeconds', 'searchBeforeSeconds']);
    for (const name of Object.keys(ONSET_PARAMETERS) as (keyof typeof ONSET_PARAMETERS)[]) {
      if (name === 'tickSeconds') continue; // native: moves the fine envelope itself (reported separately)
      if (melOnly.has(name) || name === 'searchAfterSeconds' || !robustIncluded(name)) continue;
      const spec = ONSET_PARAMETERS[name];
      const v = spec.value;
      // ±10 %, kept inside the declared range (a quantile cannot pass 1)
      const moved = [0.9, 1.1].map((k) => Math.min(spec.range[1], Math.max(spec.range[0], v * k)));
      const fs = moved.map((x) => {
        const params = { ...onsetDefaults(), [name]: x };
        return pooled(
          heldOut.map((i) => matchEvents(shubOnsets(reports.get(i.truth.file)!, params), i.truth.onsets!, 0.05)),
        ).f;
      });
      const move = Math.max(...fs.map((f) => Math.abs(f - base)));
      report.push(
        `| ${name} | ${v} ${spec.unit} | ${fs[0]!.toFixed(4)} (${+moved[0]!.toPrecision(4)}) | ` +
          `${fs[1]!.toFixed(4)} (${+moved[1]!.toPrecision(4)}) | ` +
          `${move.toFixed(4)} | ${move <= 0.03 ? 'yes' : '**no**'} |`,
      );
    }
  }
  if (ROBUSTNESS) {
    // the onset flux itself (native): each parameter ±10 %, the held-out features extracted again
    const heldOut = items.filter((i) => i.set === 'held-out');
    for (const name of Object.keys(ONSET_FLUX_PARAMETERS) as (keyof typeof ONSET_FLUX_PARAMETERS)[]) {
      if (!robustIncluded(name)) continue;
      const spec = ONSET_FLUX_PARAMETERS[name];
      const v = spec.value;
      const moved = [0.9, 1.1].map((k) => {
        const x = Math.min(spec.range[1], Math.max(spec.range[0], v * k));
        return spec.integer ? Math.round(x) : x;
      });
      const fs = moved.map(
        (x) =>
          pooled(
            heldOut.map((i) =>
              matchEvents(shubOnsets(features(i.truth.file, { [name]: x }), onsetDefaults()), i.truth.onsets!, 0.05),
            ),
          ).f,
      );
      const base = pooled(heldOut.map((i) => matchEvents(est.get(i.truth.file)!.shub, i.truth.onsets!, 0.05))).f;
      const move = Math.max(...fs.map((f) => Math.abs(f - base)));
      report.push(
        `| flux ${name} (native) | ${v} ${spec.unit} | ${fs[0]!.toFixed(4)} (${+moved[0]!.toPrecision(4)}) | ` +
          `${fs[1]!.toFixed(4)} (${+moved[1]!.toPrecision(4)}) | ${move.toFixed(4)} | ` +
          `${move <= 0.03 ? 'yes' : '**no**'} |`,
      );
    }
  }
  const text = report.join('\n');
  writeFileSync(path.join(OUT, 'eval-onsets.md'), `${text}\n`);
  console.log(text);
}

await main();
