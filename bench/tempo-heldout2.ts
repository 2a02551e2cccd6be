/**
 * Tempo on the second held-out set, or with `--third` the third (fixtures/tempotruth.ts: each written and committed
 * before shub ran on it), shub
 * through the CLI next to aubio (`aubio tempo|beat`) and the Queen Mary tempo tracker (vamp-simple-host
 * qm-tempotracker:tempo and :beats, VAMP_PATH=/usr/lib/ardour7/vamp): Acc1, Acc2 and beat F (±70 ms) for the songs
 * and the drum files (song stems and kit stems), and shub's misses.
 *
 *   node dist/bench/tempo-heldout2.js
 *     [--third | --fourth | --fifth | --sixth | --seventh | --eighth | --ninth | --tenth | --eleventh | --twelfth |
 *      --thirteenth | --fourteenth | --fifteenth | --sixteenth | --seventeenth | --eighteenth | --nineteenth |
 *      --twentieth | --twenty-first | --twenty-second | --twenty-third | --twenty-fourth |
 *      --twenty-fifth | --twenty-sixth | --twenty-seventh | --twenty-eighth | --twenty-ninth |
 *      --thirtieth | --thirty-first | --thirty-second | --thirty-third | --thirty-fourth
 *      | --thirty-fifth | --thirty-sixth | --thirty-seventh | --thirty-eighth
 *      | --thirty-ninth | --fortieth | --forty-first | --forty-second
 *      | --forty-third | --forty-fourth | --forty-fifth | --forty-sixth
 *      | --forty-seventh | --forty-eighth | --forty-ninth | --fiftieth | --fifty-first
 *      | --fifty-second | --fifty-third | --fifty-fourth | --fifty-fifth | --fifty-sixth
 *      | --fifty-seventh | --fifty-eighth] [--written-truth]
 *     [--bar-beat]
 *     [--no-peers | --no-shub | --render-only | --shard k/n] [--param NAME=VALUE ...]
 *
 * (--fourth: fixtures/tempo4.ts, h-tempo5; --fifth: fixtures/tempo5.ts, h-tempo6; --sixth: fixtures/tempo6.ts,
 * h-tempo7; --seventh: fixtures/tempo7.ts, h-tempo8; --eighth: fixtures/tempo8.ts, h-tempo9; --ninth:
 * fixtures/tempo9.ts, h-tempo11; --tenth: fixtures/tempo10.ts, h-tempo12;
 * --eleventh: fixtures/tempo11.ts, h-tempo14; --twelfth: fixtures/tempo12.ts, h-tempo15 (odd and mixed meters);
 * --thirteenth: fixtures/tempo13.ts, h-tempo17 (eighth-note odd meters, compound, waltz; SoundFont-rendered);
 * --fourteenth: fixtures/tempo14.ts, h-tempo18 (eighth-note meters in other groupings, 10/8, 13/8; 4/4, 6/8);
 * --fifteenth: fixtures/tempo15.ts, h-tempo19 (7/8 2+3+2, 10/8 2+3+2+3, 11/8 3+3+3+2, 12/8 3+3+2+2+2, 9/8, 7/4; lmms
 * samples); --sixteenth: fixtures/tempo16.ts, h-tempo20 (6/8, 3/4, 12/8, 4/4; sonic-pi samples); --seventeenth:
 * fixtures/tempo17.ts, h-tempo22 (4/4 incl. half-time and shuffle, 3/4, 6/8, 12/8; Hydrogen kits, additive tonal
 * parts); --eighteenth: fixtures/tempo18.ts, h-tempo23 (slow and mid 4/4: ballads, sixteenth-hat grooves,
 * half-time, a slow shuffle; controls at 110–180; Hydrogen kits, subtractive tonal parts); --nineteenth:
 * fixtures/tempo19.ts, h-tempo24 (slow and mid 4/4 with brushes, side stick, rimshots, swung sixteenths, half-time;
 * controls at 112–190 and 5/4; modal, Karplus–Strong and FM kits, phase-modulation tonal parts); --twentieth:
 * fixtures/tempo20.ts, h-tempo26 (half-time at 70–96 and 136–180, slow 4/4, controls, 7/4; circuit and
 * spectral-modelling kits, waveshaped tonal parts); --twenty-first: fixtures/tempo21.ts, h-tempo27 (fast half-time with
 * chords every bar and every two bars, boom-bap, ballads, 12/8, 6/8, Motown, punk, dembow, funk, shuffle; physical-
 * modelling, sound-chip, finite-difference and nonlinear-oscillator kits; wavefolded, whistled and sub-bass tonal
 * parts); --twenty-second: fixtures/tempo22.ts, h-tempo29 (dembow, sixteenth funk, arpeggio ballads, 6/8, 12/8,
 * pop-rock, half-time, shuffle, disco, waltz, slow R&B; csound's GM bank and the OPL-3 FM bank through General MIDI);
 * --twenty-third: fixtures/tempo23.ts, h-tempo30 (6/8, 12/8, dembow, arpeggio ballads, controls; avldrums and
 * FluidR3_GM kits through Debian's fluidsynth, a drifting player); --twenty-fourth: fixtures/tempo24.ts, h-tempo31
 * (slow 12/8 and 6/8, dembow, tresillo, waltzes, controls; the OPL-3 and sf_GMbank banks through fluidsynth, a
 * phrase player); --twenty-fifth: fixtures/tempo25.ts, h-tempo32 (slow 12/8 and 6/8, boom-bap, sixteenth-hat
 * ballads, controls; TiMidity++ playing freepats and the avldrums kits, a groove-template player, sox chains);
 * --twenty-sixth: fixtures/tempo26.ts, h-tempo33 (boom-bap, lo-fi, trip-hop, neo-soul, sixteenth-hat ballads,
 * controls; kits built by sox's synth, SpessaSynth tonal parts, a tape-wow player, sox reverb and crunch);
 * --twenty-seventh: fixtures/tempo27.ts, h-tempo35 (half-time trap and drum'n'bass, two-step, shuffle blues, one-drop,
 * 6/8, 12/8 gospel, bossa, controls; sox-synth tonal parts, treated sonic-pi kits, a tempo-ramp player, convolved
 * rooms); --twenty-eighth: fixtures/tempo28.ts, h-tempo36 (jungle, footwork, UK garage, cumbia, second line, fast
 * and jazz waltzes, bembé and doo-wop 12/8, blast beats, half-time metal and phonk, samba, dembow; ffmpeg-synthesized
 * tonal parts, velocity-layered Hydrogen kits, a phrase-drift player with flams, aecho rooms); --twenty-ninth:
 * fixtures/tempo29.ts, h-tset37 (drum'n'bass rollers, breakcore, gabber, d-beat, half-time dubstep and sludge, 12/8
 * blues shuffle, 6/8 jig, polka, country two-beat, controls; lmms-common sampled tonal parts, the Gimme A Hand cajon
 * kit and lmms one-shot kits, a 1/f-timing player with rushed fills and settling starts, ffmpeg filter treatments);
 * --thirtieth: fixtures/tempo30.ts, h-tset39 (footwork, speed garage, blast beats, skate punk, happy hardcore,
 * half-time trap and dubstep, 12/8 slow rock, 6/8 tarantella, cut-time cumbia and samba, controls; unplayed
 * lmms-common one-shots, Hydrogen's ElectricEmpire, TR808, rumpf and circAfrique kits, an AR(1) player with swing,
 * wandering tempi and closing ritardandos, ffmpeg flanger, chorus, limiter and tape treatments); --thirty-first:
 * fixtures/tempo31.ts, h-tset40 (ska punk, thrash, hi-NRG, frenchcore, cut-time march and baião, half-time rock and
 * neurofunk, 12/8 slow blues, 6/8 march, piano ballads, slow jams, steady funk and house controls; sonic-pi tonal
 * one-shots, Hydrogen's BJA_Pacific, Audiophob, HardElectro1 and Colombo kits, a laid-back-backbeat player with phrase
 * swells, tempo steps and phrase-end breaths, ffmpeg tremolo, gain-rider, exciter and band-limit treatments);
 * --thirty-second: fixtures/tempo32.ts, h-tset42 (d-beat, skank beat, ska punk, cut-time polka and forró, 6/8 jig,
 * 12/8 doo-wop, half-time shuffle and drill, deep house, slow jams, an R&B ballad, steady motown and boom-bap
 * controls; Karplus–Strong plucked chords and an FM bass, Hydrogen's ForzeeStereo (snares on and off), VariBreaks
 * and Millo-Drums kits, two players drifting apart, uniform jitter, dropped ghosts, tempo bumps and settling starts,
 * ffmpeg gate, compander, telephone-band and LP-curve treatments);
 * --thirty-third: fixtures/tempo33.ts, h-tset44 (crust, thrash off-beat, half-time trap and phonk, cut-time xote,
 * xaxado and frevo, 6/8 tarantella, 12/8 gospel, neo-soul and lo-fi slow jams, piano house, steady pop-rock and disco
 * controls; wavefolded chords and a phase-distortion bass, Hydrogen's GMRockKit, Black Pearl, Millo_MultiLayered3 and
 * TR808 kits, two players with AR(1) timing, pushed accents, flams, bar-by-bar sways and one fermata, ffmpeg shelf,
 * notch, smile-EQ and FIR radio-band treatments);
 * --thirty-fourth: fixtures/tempo34.ts, h-tset46 (half-time dubstep, snareless trap and off-beat-snare phonk, 2/4
 * cumbia and samba, lo-fi and slow-jam ballads, punk and speed off-beat snares, 6/8 afro, 12/8 slow blues, cut-time
 * two-step, steady funk and synth-pop controls; supersaw chords and a PWM bass, three kits synthesized in the fixture
 * (analog, FM, modal), pocket and swung-sequencer players, beat-level lilts and one tacet bar, ffmpeg anequalizer
 * scoop, acontrast, peaking biquad and mcompand treatments);
 * --thirty-fifth: fixtures/tempo35.ts, h-tset47 (backbeats with a weak, buried, off-beat-doubled, clap or rim snare,
 * half-time trap, snareless phonk and dubstep, 2/4 xote, cut-time polka, lo-fi slow jams, fast ska, 6/8 ballad,
 * 12/8 shuffle, a steady rock control; swept-SVF triangle chords and a soft-clipped sine bass, phisemkit's contact
 * kits and struck resonators, heavy-hitter and humanize players, ritardandos, ffmpeg superequalizer, aeval
 * waveshaper, afftfilt spectral tilt and afftdn denoiser treatments);
 * --thirty-sixth: fixtures/tempo36.ts, h-tset49 (2/4 xote, forró, cumbia, samba, polka and marcha on the kick pulse,
 * fast boom-chick controls tapped at the fast level: country two-beat, footwork, punk, ska, drum and bass; half-time
 * trap with a soft clap, snareless phonk, lo-fi slow jams, 6/8, 12/8; a feedback-delay-network kit, ladder-filtered
 * saw chords and a flip-flop sub-octave bass, an on-top/laid-back Markov player with Laplace jitter, tempo steps,
 * ffmpeg aderivative, aiir room-mode, self-sidechained pump and treble-cut treatments);
 * --thirty-seventh: fixtures/tempo37.ts, h-tset52 (fast boom-chick tapped at the fast level: country two-beat,
 * bluegrass, polka-punk, ska, oi, hardcore, footwork, drum and bass, each with a clear and a quiet dark snare; 2/4
 * xote, baião, cumbia, marcha and a polka at the quarter, half-time trap with a soft clap, snareless phonk, lo-fi slow
 * jams, 6/8, 12/8, rock; a FOF kit, musette chords and an octaver bass, a limbed player with triangular jitter and a
 * motor lag, pushed choruses, ffmpeg acrossover, kick-keyed sidechaingate and aintegral treatments);
 * --thirty-eighth: fixtures/tempo38.ts, h-tset55 (the learned metrical-level model's judge: fast boom-chick at the
 * fast level: country two-beat, polka-punk, ska, hardcore, footwork, drum and bass; 2/4 xote, baião, cumbia, samba,
 * marcha at the slow tap; half-time trap and phonk, lo-fi, 6/8, 12/8, UK two-step, dembow, cut time, rock; a
 * Chebyshev waveshaping kit with ring-modulated noise, VOSIM chords and a waveshaped bass, an accent-lag player
 * with logistic jitter and a sway, phrase-end breaths, ffmpeg afftfilt ripple, aeval sine-fold and biquad tilt);
 * --thirty-ninth: fixtures/tempo39.ts, h-tset57 (the retrained level model's second judge, every bar written fresh:
 * fast polka, skate punk, jungle and a thrash gallop at the fast level; 2/4 merengue and tango at the slow tap;
 * half-time trap with hat rolls and cowbell phonk, swung lo-fi, 6/8, 12/8 blues, garage two-step, perreo dembow,
 * Dixieland cut time, funk, disco, pop-rock and a cross-stick ballad; a Walsh-function kit with velvet noise, DSF
 * chords and a pulsar bass, a block-scheduled sequencer, tempo waves, ffmpeg volume fader ride, dcshift lopsided
 * limiter and stereowiden folded to mono);
 * --fortieth: fixtures/tempo40.ts, h-tset59 (the level model's next judge, every bar written fresh: a train beat and
 * a d-beat at the fast level; 2/4 march and samba-reggae at the slow tap; half-time trap with triplet hats, drill,
 * snareless half-time with a clap or a rim on 3, two lo-fi jams, 6/8, 12/8 doo-wop, dembow, two-step, two cut-time
 * grooves, Motown and rock controls, two ballads; a PAF kit with random telegraph noise, subharmonic-mixture chords
 * and a BLIT bass, a MIDI-wire sequencer with a groove template, wow on the clock, ffmpeg mcompand, chorus and
 * earwax);
 * --forty-first: fixtures/tempo41.ts, h-tset63 (the level model's and the next tempo change's judge, every bar written
 * fresh: a polka and a crust d-beat at the fast level; 2/4 oom-pah and cumbia at the slow tap; half-time trap with
 * hat rolls, drill, snareless half-time with a clap or a rim and cowbell on 3, two lo-fi jams, a 6/8 lilt, a 12/8
 * blues, dembow, garage two-step, polka and bluegrass cut time, funk and pop-rock controls, two ballads; two kit
 * families, half the songs each: a van der Pol kit with random-FM noise and a CMOS XOR kit with XOR clouds;
 * feedback-FM chords and a staircase-sine bass, a Student-t drummer with a touch curve, a settling clock, ffmpeg
 * apulsator, haas and loudnorm);
 * --forty-second: fixtures/tempo42.ts, h-tset65 (the next tempo change's judge, every bar written fresh: a polka hop
 * and a raw d-beat at the fast level; 2/4 march and corrido at the slow tap; half-time trap with triplet hats, a
 * skipping drill, snareless half-time with a clap or a rim and tom on 3, two lo-fi jams, 6/8 rock, 12/8 gospel, a rim
 * dembow, UK two-step, march and country cut time, ghost-note funk and ride-rock controls, two ballads; two kit
 * families, half the songs each: a Rössler kit with Lorenz-flow noise and a Kuramoto kit with rule-30 noise;
 * trapezoid chords and a parabolic bass, a two-level drummer with phase correction, a creeping clock, ffmpeg
 * mcompand, sidechain pumping and a keyed gate);
 * --forty-third: fixtures/tempo43.ts, h-tset68 (the next tempo change's judge, a realistic repertoire: the Ballroom
 * set's eight dances in its proportions and tempo ranges, every bar written fresh, songs with a count-in, fills, a
 * stop bar and an ending; two kit families, half the songs each: an LPC-lattice kit with Hénon-map noise and a
 * bytebeat kit with hash noise; stiff-string chords and a half-wave bass, a dance-band drummer with the dance's
 * microtiming, uniform jitter, log-normal velocities and flams, final ritardandi, ffmpeg mastering bus, hall and
 * broadcast transfer);
 * --forty-fourth: fixtures/tempo44.ts, h-tset69 (the next tempo change's judge, a realistic repertoire from another
 * corpus: GTZAN's ten genres in its proportions, two grooves a genre at their playing tempi, every bar written fresh,
 * songs with an intro, fills, a break, stop-time and a button ending or a fade-out; two kit families, half the songs
 * each: a vector-phaseshaping kit with Blum–Blum–Shub noise and a one-bit sigma-delta kit with standard-map noise;
 * pickup-comb chords and a Reese bass, a two-handed drummer with a leading hand, rushing fills and logistic jitter,
 * ffmpeg waveshaping compand, shelving tilt and gate);
 * --forty-fifth: fixtures/tempo45.ts, h-tset71 (the next tempo change's judge, a realistic repertoire from a third
 * corpus: GiantSteps Tempo's electronic dance music, eight Beatport genres, two grooves a genre at their tempi, every
 * bar written fresh, tracks with an intro, builds and drops, a breakdown, a stop and an outro or the preview's cut;
 * two kit families, half the tracks each: a pulsar kit with Ikeda-map noise and a Chua's-circuit kit;
 * swept analytic-subtraction chords and a power-shaped sine bass, a programmer's sequencer with MPC swing, lane
 * nudges, a 96-PPQN grid, triangular jitter and velocity lanes; MP3 64 kb/s previews, IMA ADPCM and a DJ's bass kill);
 * --forty-sixth: fixtures/tempo46.ts, h-tset72 (the next tempo change's judge, a realistic repertoire from a fourth
 * corpus: Hainsworth's rock/pop, dance, jazz and folk in its shares, thirteen styles at their tempi with cut-time
 * two-beats, a polka, half-time rock and slow ballads, every bar written fresh, songs with a count-in, fills, a
 * break, a stop and an ending after a ritardando or a fade-out; truth by round 72's rule A; two kit families, half
 * the songs each: a Thomas-attractor kit with Lozi-map noise and a hard-sync kit with cat-map noise; driven
 * detuned-triangle chords and an octave-divider bass, a session drummer with a Brownian bridge in each bar, a laid
 * back backbeat and an accent ladder; μ-law, a rotary speaker and a decimator);
 * --forty-seventh: fixtures/tempo47.ts, h-tset73 (the next tempo change's judge, a realistic repertoire from a fifth
 * corpus: the Beatles' annotated catalogue (Isophonics), beat, rock'n'roll, ballads, heavy and light songs, eleven
 * styles at their tempi with cut-time two-beats, half-time rock, slow and 12/8 ballads, a waltz and a music-hall 2/4,
 * every bar written fresh, songs with a count-in, snare-roll and tom fills, a break, a stop and an ending after a
 * ritardando or a fade-out, a live band's accelerando; truth by rule A; two kit families, half the songs each: a
 * Halvorsen-attractor kit with Tinkerbell-map noise and a slew-limiter kit with Gingerbreadman-map noise; strummed
 * plucked-string chords and a bent-sine bass, a studio drummer with contaminated-Gaussian timing, a pushed kick,
 * rushed fills and Beta(2, 2) velocities; a frequency shifter and tape dropouts);
 * --forty-eighth: fixtures/tempo48.ts, h-tset75 (the next tempo change's judge, a realistic repertoire from a sixth
 * corpus: the Harmonix Set's genres, rock, pop, country, hip-hop / R&B, metal and dance, twelve styles at their tempi
 * with punk, train and bluegrass two-beats at 180–228, alternative and trap half-time grooves, slow pop ballads, a
 * country waltz and a 12/8 slow jam, every bar written fresh, songs with a hi-hat count-in, snare-and-tom fills and
 * kick-and-crash pushes, a break, a stop and an ending after a ritardando or a fade-out, the tempo stepping phrase by
 * phrase; truth by rule A; two kit families, half the songs each: a ModFM kit with xoshiro128** noise and a
 * saturated-resonator kit with JSF32 noise; reed-organ chords and a bent-pluck bass, a pocket drummer with hyperbolic
 * secant timing, the cymbal hand ahead and Kumaraswamy velocities; a chorus ensemble and a DJ's filter intro);
 * --forty-ninth: fixtures/tempo49.ts, h-tset78 (the next tempo change's judge, a realistic repertoire from a seventh
 * corpus: the RWC Popular Music Database's 1990s J-pop and 1980s American songs, twelve styles at their tempi with
 * J-rock two-beats at 184–224, R&B and power-ballad half-time grooves, slow ballads and a 6/8 ballad, a shuffle, every
 * bar written fresh, songs with a rubato or a pickup-fill intro, tom-run and snare-build fills, a kime, a stop and a
 * cold ending, a ritardando or a fade-out, live takes lifting the last chorus; truth by rule A; two kit families, half
 * the songs each: a ladder-ping kit with Lehmer noise and a Hertzian-mallet kit with sfc32 noise; reed electric piano
 * chords and a picked bass, a desk drummer with Gumbel timing, a phrase arc and Irwin–Hall velocities; a plate and an
 * unmatched noise-reduction encode).
 * --fiftieth: fixtures/tempo50.ts, h-tset79 (the next tempo change's judge, a realistic repertoire from an eighth
 * corpus: the ACM Mirum tempo set's kit-driven pop, rock, urban and electronic tracks, twelve styles at their tempi
 * with punk two-beats at 186–224, hip-hop and trap half-time grooves, soul ballads and a 6/8 folk ballad, a blues
 * shuffle, every bar written fresh, songs with a rubato or a pickup-fill intro, triplet and kick-snare fills, a kime, a
 * stop and a cold ending, a ritardando or a fade-out, live takes lifting the last chorus; truth by rule A; two kit
 * families, half the songs each: a Sallen-Key ping kit with PCG32 noise and a Minnaert bubble kit with middle-square
 * Weyl noise; a session drummer with Rayleigh timing, a downbeat lean and Weibull velocities; a spring reverb and an
 * optical compressor).
 * --fifty-first: fixtures/tempo51.ts, h-tset80 (the next tempo change's judge after tempo50, a realistic repertoire
 * from a ninth corpus: the ISMIR 2004 tempo contest's Songs set's kit-driven rock, jazz, world and electronica, read
 * from memory; twelve styles at their tempi with jazz and Balkan two-beats at 184–224, rock and dubstep half-time
 * grooves, rock ballads and a 12/8 jazz ballad, every bar written fresh, tempo50's song plan with tom-run and snare
 * triplet fills, a kime, a stop and an ending of its own; truth by rule A; two kit families, half the songs each: a
 * Mathieu (parametrically pumped) kit with taus88 noise and a FitzHugh–Nagumo kit with MWC1616 noise; a rushing
 * drummer with truncated Cauchy timing, rushed fills and arcsine velocities; a triode preamp and a Freeverb).
 * --fifty-second: fixtures/tempo52.ts, h-tset82 (the next tempo change's judge after tempo51, a realistic repertoire
 * from a tenth corpus: Klapuri's meter set's kit-driven rock and pop, soul, funk and blues, hip hop and dance, read
 * from memory; a punk two-beat at 184–212, pop and trap half-time grooves, power and soul ballads, a 12/8 soul ballad,
 * a funk sixteen with the kick every five sixteenths, a blues shuffle, a two-step and house; every bar written fresh,
 * tempo51's song form imported; truth by rule A; two kit families, half the songs each: a Stuart–Landau kit with
 * xorwow noise and an Izhikevich kit with JKISS32 noise; a laid-back drummer with semicircle timing and late
 * sixteenths; a class-B crossover and an auto-wah).
 * --fifty-third: fixtures/tempo53.ts, h-tset83 (the tempo judge after tempo52, a realistic repertoire from an
 * eleventh corpus: the Rock Corpus's rock by decade, read from memory; a rock and roll two-beat at 182–208, rock and
 * grunge half-time grooves, sixties and rock ballads, a doo-wop 12/8, a disco four-on-the-floor with the bass on the
 * off-beats, Motown, funk rock, hard rock, new wave and heartland rock; every bar written fresh, tempo52's song form
 * imported; truth by rule A; two kit families, half the songs each: a Sel'kov kit with Tyche noise and a Goodwin kit
 * with RomuTrio32 noise; an anticipating drummer with logistic timing and the downbeat pushed; a de-esser and a rotary
 * speaker (tempo46 had one)).
 * --fifty-fourth: fixtures/tempo54.ts, h-tset85 (the tempo judge after tempo53, a realistic repertoire from a
 * twelfth corpus: the Isophonics Queen set's songs by decade, read from memory; a rockabilly two-beat at 184–212,
 * anthem and funk half-time grooves, piano and power ballads, a gospel 12/8, a disco-bass four-on-the-floor with the
 * bass on the off-beats, a stomp-clap, synth-pop, gallop rock, shuffle rock and mid-tempo rock; every bar written
 * fresh, tempo53's song form imported; truth by rule A; two kit families, half the songs each: a Schnakenberg kit with
 * MRG32k3a noise and a Morris–Lecar kit with lagged Fibonacci noise; a phrasing drummer with von Mises timing and
 * four-bar velocity swells; a transient shaper and a ducking echo).
 * --fifty-fifth: fixtures/tempo55.ts, h-tset86 (the tempo judge after tempo54, a realistic repertoire from a
 * thirteenth corpus: the Isophonics Zweieck set's album by pace, read from memory; a polka two-beat at 186–214, rock
 * and reggae (one drop) half-time grooves, pop, slow and brush ballads, a soul 12/8, a house four-on-the-floor with
 * the bass on the off-beats, garage rock, new wave, shuffle pop and folk rock; every bar written fresh, tempo54's song
 * form imported; truth by rule A; two kit families, half the songs each: a Hindmarsh–Rose kit with Wichmann–Hill
 * noise and a Lengyel–Epstein kit with WELL512a noise; a call-and-response drummer with logit-normal timing; a mains
 * hum and a hysteresis saturator).
 * --fifty-sixth: fixtures/tempo56.ts, h-tset88 (the tempo judge after tempo55, a realistic repertoire from a
 * fourteenth corpus: the Groove MIDI Dataset's styles by pace, read from memory; a punk two-beat at 184–212, hip-hop
 * and funk half-time grooves, gospel, soul and country ballads, a blues 12/8, a disco four-on-the-floor with the bass
 * on the off-beats, jazz swing, afrobeat, New Orleans and a funk pocket; every bar written fresh, tempo55's song form
 * imported; truth by rule A; two kit families, half the songs each: a Wilson–Cowan kit with xoroshiro64** noise and
 * an Oregonator kit with RANDU noise; a lagging drummer with Erlang timing and four-bar swells; an octave fuzz and an
 * AM radio).
 * --fifty-seventh: fixtures/tempo57.ts, h-tset89 (the tempo judge after tempo56, a realistic repertoire from a
 * fifteenth corpus: the RWC Jazz set's styles by pace, read from memory; a bebop two-beat at 184–212, fusion and
 * jazz-funk half-time grooves, organ, jazz and 8-beat ballads, an Afro-Cuban 12/8, an acid-jazz four-on-the-floor with
 * the bass on the off-beats, Latin jazz, a 16-beat, a medium shuffle and a boogaloo; every bar written fresh,
 * tempo56's song form imported; truth by rule A; two kit families of new synthesis methods, half the songs each: a
 * polygon kit (polygonal waveform synthesis) with ISAAC noise and a Mackey–Glass (delay-differential) kit with
 * Philox2x32-10 noise; a tiring drummer with symmetric Lomax timing; an aural exciter and a DJ filter sweep).
 * --fifty-eighth: fixtures/tempo58.ts, h-tset91 (the tempo judge after tempo57, a realistic repertoire from a
 * sixteenth corpus: the RWC Genre set's styles by pace, read from memory; a polka two-beat at 184–212, jungle and
 * reggae one-drop half-time grooves, soul, enka and power ballads, a rock 12/8, a house four-on-the-floor with the
 * bass on the off-beats, ska, funk, boom-bap and soft rock; every bar written fresh, tempo57's song form imported;
 * truth by rule A; two kit families of new synthesis methods, half the songs each: a superformula kit with Speck64/128
 * noise and a Takagi (blancmange) kit with Threefry2x32-20 noise; a breathing drummer with Bates timing; a G.711
 * A-law codec and an upward compressor).
 * --fifty-ninth: fixtures/tempo59.ts, h-tset92 (the tempo judge after tempo58, a realistic repertoire from a
 * seventeenth corpus: MedleyDB's kit-driven pieces by pace, read from memory; a country two-beat at 184–210 under
 * busy hats, breakbeat and trap half-time grooves (the trap's backbeat a soft clap), songwriter (a soft cross-stick),
 * brush and rock ballads, a gospel 12/8, a disco four-on-the-floor with the bass on the off-beats, surf rock,
 * pop-punk, indie pop and lo-fi hip-hop; every bar written fresh, tempo58's song form imported; truth by rule A; two
 * kit families of new synthesis methods, half the songs each: a Clausen kit with RC4 noise and a spirograph
 * (hypotrochoid) kit with XTEA noise; a drifting drummer with Ornstein–Uhlenbeck timing; a tape flutter and a hard
 * clip).
 * --sixtieth: fixtures/tempo60.ts, h-tset96 (the tempo judge after tempo59, a realistic repertoire from an
 * eighteenth corpus: the SMC set's kit-driven pieces by pace, read from memory; a train beat in cut time at 182–206
 * (the snare's continuous eighths), drum-and-bass and cross-stick half-time grooves (the latter's backbeat a soft
 * cross-stick), piano and R&B snap ballads (a soft snap), a doo-wop 12/8, an italo four-on-the-floor with the bass on
 * the off-beats, ska-punk, a jungle break, a Motown four-snare, new jack swing and trip-hop; every bar written fresh,
 * tempo59's song form imported; truth by rule A; two kit families of new synthesis methods, half the songs each: a
 * Poisson-kernel kit with Salsa20 noise and a Legendre (Bonnet's recursion) kit with ACORN noise; a metric-position
 * drummer with logistic timing; a bitcrusher and a boxy room (a feedback comb)).
 * --sixty-first: fixtures/tempo61.ts, h-tset97 (the tempo judge after tempo60, a realistic repertoire from a
 * nineteenth corpus: HJDB's hardcore, jungle and drum and bass and the records their breaks come from, by pace, read
 * from memory; a jump-up two-step at 180–192, an Amen-style jungle chop, techstep, clap and snap half-time grooves
 * (a lone clap or a soft snap on 3), a soul ballad with a soft cross-stick, a soul 12/8, a hardcore house
 * four-on-the-floor with the bass on the off-beats, Think- and Funky-Drummer-style breaks, dub rockers and an
 * ambient break; every bar written fresh, tempo60's song form imported; truth by rule A; two kit families of new
 * synthesis methods, half the songs each: a Fejér-kernel kit with wyrand noise and a Hermite-pulse kit with Lehmer64
 * noise; a looping sampler (the slices on the grid, the source drummer's offsets repeated within a chop of four
 * bars); a delta-modulation codec (CVSD) and a Haar-wavelet codec).
 * --sixty-second: fixtures/tempo62.ts, h-tset99 (the tempo judge after tempo61, a realistic repertoire from a
 * twentieth corpus: the Extended Ballroom set's styles and the records its West Coast Swing and rumba floors dance
 * to, by pace, read from memory; a quickstep two-beat at 196–208, jive, salsa (the timbale's rim on 2 and 4), West
 * Coast Swing and R&B half-time grooves (a soft cross-stick or a soft snap on 3), an R&B ballad with a soft
 * cross-stick, a slow blues 12/8, a cha-cha house four-on-the-floor with the bass on the off-beats, a pasodoble, a
 * foxtrot on brushes, a rumba and smooth R&B; every bar written fresh, tempo61's song form imported; truth by rule A;
 * two kit families of new synthesis methods, half the songs each: an Airy-chirp kit with LXM noise and a Barker-code
 * kit with subtract-with-borrow noise; a two-level logistic drummer (a beat's lean shared by its hits); an MDCT codec
 * and NICAM-style companding).
 * --sixty-third: fixtures/tempo63.ts, h-tset99b (the tempo judge after tempo62, a realistic repertoire from a
 * twenty-first corpus: the Cretan dance set's dances and the records the same bands and clubs play beside them, by
 * pace, read from memory; a pentozali two-beat at 188–204, a sousta, a maleviziotis (the rim on 2 and 4 over the
 * daouli's low tom), laïko and siganos half-time grooves (a soft clap or a soft cross-stick on 3), a mantinada ballad
 * with a soft snap, a rizitiko 12/8, a laïko house four-on-the-floor with the bass on the off-beats, a syrtos, a
 * chaniotis, a slow syrtos and a slow pop; every bar written fresh, tempo62's song form imported; truth by rule A;
 * two kit families of new synthesis methods, half the songs each: a Laguerre-function kit and a Rayleigh-oscillator
 * kit; a bar-arc drummer (a bar's hits moved along an arc over the bar); a dbx-style compander and a rotary speaker).
 * --sixty-fourth: fixtures/tempo64.ts, h-tset100 (the tempo judge after tempo63, a realistic repertoire from a
 * twenty-second: Hindi film songs and the dances they are played for, by pace, read from memory; a twist two-beat at
 * 190–206, a qawwali (the claps on 2 and 4), a bhangra dhol groove (the rim on 2 and 4 over the low tom), item-number
 * and romantic half-time grooves (a soft clap or a soft cross-stick on 3), a ghazal ballad with a soft snap, a dadra
 * 12/8, a filmi disco four-on-the-floor with the bass on the off-beats, a kaherva, a dandiya, a Sufi slow and a slow
 * film pop; every bar written fresh, the song form fixtures/tempoband.ts's; truth by rule A; two kit families of new
 * synthesis methods, half the songs each: a Gegenbauer waveshaper kit and a Cantor-staircase kit; a phrase-walk
 * drummer (the beats' timing a random walk started again at every four-bar phrase); an optical film soundtrack and a
 * PA horn).
 * Every set is scored under rule A (h-tempo72: bench/tempo-beat-level.ts ruleATruth, the tapped beat read from each
 * groove's bar; the sets before tempo25 under the half-time convention, tappedTruth) unless --written-truth.
 * Songs' Acc1 counts the eighth-note pulse
 * of compound meter too: TruthFile.accept.)
 *
 * Drum files are scored twice: strict Acc1 (the tempo they were written at) and Acc1 under the drum-file truth
 * convention (fixtures/tempotruth.ts drumTempoTruthOf: T, plus T/2 or 2T when a fixture writer there writes the
 * same hits).
 *
 * Not part of `npm test`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TruthFile } from '../fixtures/groundtruth.js';
import { tempo3Set, tempoAcc1Set, tempoHeldOut2Set } from '../fixtures/tempotruth.js';
import { loadGrooveBarsFor, ruleATruth } from './tempo-beat-level.js';
import { tempo4Set } from '../fixtures/tempo4.js';
import { tempo5Set } from '../fixtures/tempo5.js';
import { tempo6Set } from '../fixtures/tempo6.js';
import { tempo7Set } from '../fixtures/tempo7.js';
import { tempo8Set } from '../fixtures/tempo8.js';
import { tempo9Set } from '../fixtures/tempo9.js';
import { tempo10Set } from '../fixtures/tempo10.js';
import { tempo11Set } from '../fixtures/tempo11.js';
import { tempo12Set } from '../fixtures/tempo12.js';
import { tempo13Set } from '../fixtures/tempo13.js';
import { tempo14Set } from '../fixtures/tempo14.js';
import { tempo15Set } from '../fixtures/tempo15.js';
import { tempo16Set } from '../fixtures/tempo16.js';
import { tempo17Set } from '../fixtures/tempo17.js';
import { tempo18Set } from '../fixtures/tempo18.js';
import { tempo19Set } from '../fixtures/tempo19.js';
import { tempo20Set } from '../fixtures/tempo20.js';
import { tempo21Set } from '../fixtures/tempo21.js';
import { tempo22Set } from '../fixtures/tempo22.js';
import { tempo23Set } from '../fixtures/tempo23.js';
import { tempo24Set } from '../fixtures/tempo24.js';
import { tempo25Set } from '../fixtures/tempo25.js';
import { tempo26Set } from '../fixtures/tempo26.js';
import { tempo27Set } from '../fixtures/tempo27.js';
import { tempo28Set } from '../fixtures/tempo28.js';
import { tempo29Set } from '../fixtures/tempo29.js';
import { tempo30Set } from '../fixtures/tempo30.js';
import { tempo31Set } from '../fixtures/tempo31.js';
import { tempo32Set } from '../fixtures/tempo32.js';
import { tempo33Set } from '../fixtures/tempo33.js';
import { tempo34Set } from '../fixtures/tempo34.js';
import { tempo35Set } from '../fixtures/tempo35.js';
import { tempo36Set } from '../fixtures/tempo36.js';
import { tempo37Set } from '../fixtures/tempo37.js';
import { tempo38Set } from '../fixtures/tempo38.js';
import { tempo39Set } from '../fixtures/tempo39.js';
import { tempo40Set } from '../fixtures/tempo40.js';
import { tempo41Set } from '../fixtures/tempo41.js';
import { tempo42Set } from '../fixtures/tempo42.js';
import { tempo43Set } from '../fixtures/tempo43.js';
import { tempo44Set } from '../fixtures/tempo44.js';
import { tempo45Set } from '../fixtures/tempo45.js';
import { tempo46Set } from '../fixtures/tempo46.js';
import { tempo47Set } from '../fixtures/tempo47.js';
import { tempo48Set } from '../fixtures/tempo48.js';
import { tempo49Set } from '../fixtures/tempo49.js';
import { tempo50Set } from '../fixtures/tempo50.js';
import { tempo51Set } from '../fixtures/tempo51.js';
import { tempo52Set } from '../fixtures/tempo52.js';
import { tempo53Set } from '../fixtures/tempo53.js';
import { tempo54Set } from '../fixtures/tempo54.js';
import { tempo55Set } from '../fixtures/tempo55.js';
import { tempo56Set } from '../fixtures/tempo56.js';
import { tempo57Set } from '../fixtures/tempo57.js';
import { tempo58Set } from '../fixtures/tempo58.js';
import { tempo59Set } from '../fixtures/tempo59.js';
import { tempo60Set } from '../fixtures/tempo60.js';
import { tempo61Set } from '../fixtures/tempo61.js';
import { tempo62Set } from '../fixtures/tempo62.js';
import { tempo63Set } from '../fixtures/tempo63.js';
import { tempo64Set } from '../fixtures/tempo64.js';
import { fMeasure, matchEvents, tempoAcc1, tempoAcc2 } from './metrics.js';
import { run } from './proc.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'bench', 'out');
/** --written-truth: the written tempo (before h-tempo26); by default rule A (ruleATruth, h-tempo72). */
const WRITTEN_TRUTH = process.argv.includes('--written-truth');
/** The sets this script renders (the last named wins): switch, name in the report, folder below bench/out, maker. */
const SETS: readonly { flag: string; name: string; dir: string; make: typeof tempo3Set }[] = [
  { flag: '--third', name: 'third', dir: 'tempo-heldout3', make: tempo3Set },
  { flag: '--fourth', name: 'fourth', dir: 'tempo-heldout4', make: tempo4Set },
  { flag: '--fifth', name: 'fifth', dir: 'tempo-heldout5', make: tempo5Set },
  { flag: '--sixth', name: 'sixth', dir: 'tempo-heldout6', make: tempo6Set },
  { flag: '--seventh', name: 'seventh', dir: 'tempo-heldout7', make: tempo7Set },
  { flag: '--eighth', name: 'eighth', dir: 'tempo-heldout8', make: tempo8Set },
  { flag: '--ninth', name: 'ninth', dir: 'tempo-heldout9', make: tempo9Set },
  { flag: '--tenth', name: 'tenth', dir: 'tempo-heldout10', make: tempo10Set },
  { flag: '--eleventh', name: 'eleventh', dir: 'tempo-heldout11', make: tempo11Set },
  { flag: '--twelfth', name: 'twelfth', dir: 'tempo-heldout12', make: tempo12Set },
  { flag: '--thirteenth', name: 'thirteenth', dir: 'tempo-heldout13', make: tempo13Set },
  { flag: '--fourteenth', name: 'fourteenth', dir: 'tempo-heldout14', make: tempo14Set },
  { flag: '--fifteenth', name: 'fifteenth', dir: 'tempo-heldout15', make: tempo15Set },
  { flag: '--sixteenth', name: 'sixteenth', dir: 'tempo-heldout16', make: tempo16Set },
  { flag: '--seventeenth', name: 'seventeenth', dir: 'tempo-heldout17', make: tempo17Set },
  { flag: '--eighteenth', name: 'eighteenth', dir: 'tempo-heldout18', make: tempo18Set },
  { flag: '--nineteenth', name: 'nineteenth', dir: 'tempo-heldout19', make: tempo19Set },
  { flag: '--twentieth', name: 'twentieth', dir: 'tempo-heldout20', make: tempo20Set },
  { flag: '--twenty-first', name: 'twenty-first', dir: 'tempo-heldout21', make: tempo21Set },
  { flag: '--twenty-second', name: 'twenty-second', dir: 'tempo-heldout22', make: tempo22Set },
  { flag: '--twenty-third', name: 'twenty-third', dir: 'tempo-heldout23', make: tempo23Set },
  { flag: '--twenty-fourth', name: 'twenty-fourth', dir: 'tempo-heldout24', make: tempo24Set },
  { flag: '--twenty-fifth', name: 'twenty-fifth', dir: 'tempo-heldout25', make: tempo25Set },
  { flag: '--twenty-sixth', name: 'twenty-sixth', dir: 'tempo-heldout26', make: tempo26Set },
  { flag: '--twenty-seventh', name: 'twenty-seventh', dir: 'tempo-heldout27', make: tempo27Set },
  { flag: '--twenty-eighth', name: 'twenty-eighth', dir: 'tempo-heldout28', make: tempo28Set },
  { flag: '--twenty-ninth', name: 'twenty-ninth', dir: 'tempo-heldout29', make: tempo29Set },
  { flag: '--thirtieth', name: 'thirtieth', dir: 'tempo-heldout30', make: tempo30Set },
  { flag: '--thirty-first', name: 'thirty-first', dir: 'tempo-heldout31', make: tempo31Set },
  { flag: '--thirty-second', name: 'thirty-second', dir: 'tempo-heldout32', make: tempo32Set },
  { flag: '--thirty-third', name: 'thirty-third', dir: 'tempo-heldout33', make: tempo33Set },
  { flag: '--thirty-fourth', name: 'thirty-fourth', dir: 'tempo-heldout34', make: tempo34Set },
  { flag: '--thirty-fifth', name: 'thirty-fifth', dir: 'tempo-heldout35', make: tempo35Set },
  { flag: '--thirty-sixth', name: 'thirty-sixth', dir: 'tempo-heldout36', make: tempo36Set },
  { flag: '--thirty-seventh', name: 'thirty-seventh', dir: 'tempo-heldout37', make: tempo37Set },
  { flag: '--thirty-eighth', name: 'thirty-eighth', dir: 'tempo-heldout38', make: tempo38Set },
  { flag: '--thirty-ninth', name: 'thirty-ninth', dir: 'tempo-heldout39', make: tempo39Set },
  { flag: '--fortieth', name: 'fortieth', dir: 'tempo-heldout40', make: tempo40Set },
  { flag: '--forty-first', name: 'forty-first', dir: 'tempo-heldout41', make: tempo41Set },
  { flag: '--forty-second', name: 'forty-second', dir: 'tempo-heldout42', make: tempo42Set },
  { flag: '--forty-third', name: 'forty-third', dir: 'tempo-heldout43', make: tempo43Set },
  { flag: '--forty-fourth', name: 'forty-fourth', dir: 'tempo-heldout44', make: tempo44Set },
  { flag: '--forty-fifth', name: 'forty-fifth', dir: 'tempo-heldout45', make: tempo45Set },
  { flag: '--forty-sixth', name: 'forty-sixth', dir: 'tempo-heldout46', make: tempo46Set },
  { flag: '--forty-seventh', name: 'forty-seventh', dir: 'tempo-heldout47', make: tempo47Set },
  { flag: '--forty-eighth', name: 'forty-eighth', dir: 'tempo-heldout48', make: tempo48Set },
  { flag: '--forty-ninth', name: 'forty-ninth', dir: 'tempo-heldout49', make: tempo49Set },
  { flag: '--fiftieth', name: 'fiftieth', dir: 'tempo-heldout50', make: tempo50Set },
  { flag: '--fifty-first', name: 'fifty-first', dir: 'tempo-heldout51', make: tempo51Set },
  { flag: '--fifty-second', name: 'fifty-second', dir: 'tempo-heldout52', make: tempo52Set },
  { flag: '--fifty-third', name: 'fifty-third', dir: 'tempo-heldout53', make: tempo53Set },
  { flag: '--fifty-fourth', name: 'fifty-fourth', dir: 'tempo-heldout54', make: tempo54Set },
  { flag: '--fifty-fifth', name: 'fifty-fifth', dir: 'tempo-heldout55', make: tempo55Set },
  { flag: '--fifty-sixth', name: 'fifty-sixth', dir: 'tempo-heldout56', make: tempo56Set },
  { flag: '--fifty-seventh', name: 'fifty-seventh', dir: 'tempo-heldout57', make: tempo57Set },
  { flag: '--fifty-eighth', name: 'fifty-eighth', dir: 'tempo-heldout58', make: tempo58Set },
  { flag: '--fifty-ninth', name: 'fifty-ninth', dir: 'tempo-heldout59', make: tempo59Set },
  { flag: '--sixtieth', name: 'sixtieth', dir: 'tempo-heldout60', make: tempo60Set },
  { flag: '--sixty-first', name: 'sixty-first', dir: 'tempo-heldout61', make: tempo61Set },
  { flag: '--sixty-second', name: 'sixty-second', dir: 'tempo-heldout62', make: tempo62Set },
  { flag: '--sixty-third', name: 'sixty-third', dir: 'tempo-heldout63', make: tempo63Set },
  { flag: '--sixty-fourth', name: 'sixty-fourth', dir: 'tempo-heldout64', make: tempo64Set },
];
const CHOSEN = SETS.filter((x) => process.argv.includes(x.flag)).at(-1);
const DIR = path.join(OUT, CHOSEN?.dir ?? 'tempo-heldout2');
const SHUB = path.join(ROOT, 'bin', 'shub.js');
const VAMP_PATH = '/usr/lib/ardour7/vamp';

interface Estimate {
  bpm: number | null;
  beats: number[];
}

function shubAll(files: TruthFile[]): Map<string, Estimate> {
  const out = run(process.execPath, [
    SHUB,
    'analyze',
    ...files.map((f) => f.file),
    '--features',
    'tempo',
    '--json',
    '--store-dir',
    path.join(OUT, 'store'),
    // --param NAME=VALUE (h-tlevel99): passed to analyze, a selectable configuration read (use its own store)
    ...process.argv.flatMap((a, i) =>
      a === '--param' && process.argv[i + 1] ? ['--param', process.argv[i + 1]!] : [],
    ),
  ]);
  const map = new Map<string, Estimate>();
  for (const line of out.split('\n').filter(Boolean)) {
    const r = JSON.parse(line);
    map.set(r.file, { bpm: r.tempo.bpm, beats: r.tempo.beats });
  }
  return map;
}

const times = (text: string) =>
  text
    .split('\n')
    .map((l) => parseFloat(l))
    .filter((x) => Number.isFinite(x));

function aubio(file: string): Estimate {
  const bpm = parseFloat(run('aubio', ['tempo', file]));
  return { bpm: Number.isFinite(bpm) ? bpm : null, beats: times(run('aubio', ['beat', file])) };
}

function vamp(plugin: string, file: string): { t: number; v: number }[] {
  const text = run('vamp-simple-host', [`libardourvampplugins:${plugin}`, file], { VAMP_PATH });
  return text.split('\n').flatMap((l) => {
    const m = /^\s*(-?[\d.]+):\s*(-?[\d.]*)/.exec(l);
    return m ? [{ t: parseFloat(m[1]!), v: parseFloat(m[2]!) }] : [];
  });
}

/** QM: the tempo held longest (its tempo output is piecewise constant) and its beats. */
function qm(file: string, truth: TruthFile): Estimate {
  const end = truth.beats[truth.beats.length - 1]! + 60 / truth.bpm;
  const rows = vamp('qm-tempotracker:tempo', file);
  const dur = new Map<string, { v: number; d: number }>();
  rows.forEach((r, i) => {
    const k = r.v.toFixed(1);
    dur.set(k, { v: r.v, d: (dur.get(k)?.d ?? 0) + (rows[i + 1]?.t ?? end) - r.t });
  });
  let bpm: number | null = null;
  let best = -1;
  for (const x of dur.values()) if (x.d > best) ((best = x.d), (bpm = x.v));
  return { bpm, beats: vamp('qm-tempotracker:beats', file).map((r) => r.t) };
}

/** QM bar-and-beat tracker (h-tempo17): its beats, the tempo 60 / their median interval. */
function qmBarBeat(file: string): Estimate {
  const beats = vamp('qm-barbeattracker:beats', file).map((r) => r.t);
  const ibi = beats
    .slice(1)
    .map((b, i) => b - beats[i]!)
    .sort((a, b) => a - b);
  return { bpm: ibi.length ? 60 / ibi[ibi.length >> 1]! : null, beats };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function score(files: TruthFile[], est: (t: TruthFile) => Estimate) {
  const rows = {
    song: { a1: [] as number[], a2: [] as number[], f: [] as number[], set: [] as number[] },
    drum: { a1: [], a2: [], f: [], set: [] },
  };
  const misses: string[] = [];
  for (const written of files) {
    const t = WRITTEN_TRUTH ? written : ruleATruth(written);
    const e = est(written);
    const s = t.kind === 'song' ? rows.song : (rows.drum as typeof rows.song);
    // songs: Acc1 under the compound-meter convention (truth.accept; the same as strict for every other song)
    const ok = t.kind === 'song' ? tempoAcc1Set(e.bpm, t) : tempoAcc1(e.bpm, t.bpm);
    s.a1.push(ok ? 1 : 0);
    s.a2.push(tempoAcc2(e.bpm, t.bpm) ? 1 : 0);
    s.set.push(tempoAcc1Set(e.bpm, t) ? 1 : 0);
    s.f.push(fMeasure(matchEvents(e.beats, t.beats, 0.07)));
    if (!ok) misses.push(`${t.name} → ${e.bpm}`);
  }
  const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
  return {
    cells: [
      ...[rows.song].flatMap((s) => [f3(mean(s.a1)), f3(mean(s.a2)), f3(mean(s.f))]),
      ...[rows.drum as typeof rows.song].flatMap((s) => [
        f3(mean(s.a1)),
        f3(mean(s.set)),
        f3(mean(s.a2)),
        f3(mean(s.f)),
      ]),
    ],
    misses,
  };
}

mkdirSync(DIR, { recursive: true });
const { files, missing } = (CHOSEN?.make ?? tempoHeldOut2Set)(DIR);
if (missing.length) console.log(`missing on this machine: ${missing.join('; ')}`);
const songs = files.filter((f) => f.kind === 'song').length;
const setName = CHOSEN?.name ?? 'second';
console.log(`${setName} held-out set: ${songs} songs, ${files.length - songs} drum files`);
if (process.argv.includes('--render-only')) process.exit(0);
// --shard k/n (h-tempo7): only run the peers on the files whose index is k mod n, caching each estimate in
// bench/out/peer-cache (several shards run side by side on a loaded machine); a run without --shard scores every
// file, reading the cached estimates
const shardAt = process.argv.indexOf('--shard');
const PEER_CACHE = path.join(OUT, 'peer-cache');
mkdirSync(PEER_CACHE, { recursive: true });
const cached =
  (tool: string, est: (t: TruthFile) => Estimate) =>
  (t: TruthFile): Estimate => {
    const f = path.join(PEER_CACHE, `${tool}-${path.basename(t.file)}.json`);
    if (existsSync(f) && statSync(f).mtimeMs >= statSync(t.file).mtimeMs)
      return JSON.parse(readFileSync(f, 'utf8')) as Estimate;
    const e = est(t);
    writeFileSync(f, JSON.stringify(e));
    return e;
  };
const aubioCached = cached('aubio', (t) => aubio(t.file));
const qmCached = cached('qm', (t) => qm(t.file, t));
const qmBarCached = cached('qmbar', (t) => qmBarBeat(t.file));
// --bar-beat (h-tempo17): the QM bar-and-beat tracker as a third peer
const BAR_BEAT = process.argv.includes('--bar-beat');
if (shardAt >= 0) {
  const [k, n] = process.argv[shardAt + 1]!.split('/').map(Number);
  files.forEach((t, i) => {
    if (i % n! === k!) (aubioCached(t), qmCached(t), BAR_BEAT && qmBarCached(t));
  });
  process.exit(0);
}
const tools: [string, (t: TruthFile) => Estimate][] = [];
if (!process.argv.includes('--no-shub')) {
  const shub = shubAll(files);
  tools.push(['shub', (t) => shub.get(t.file)!]);
}
if (!process.argv.includes('--no-peers')) tools.push(['aubio 0.4.9', aubioCached], ['QM Vamp', qmCached]);
if (!process.argv.includes('--no-peers') && BAR_BEAT) tools.push(['QM bar-beat tracker', qmBarCached]);
console.log(
  '| tool | Acc1 songs | Acc2 songs | beat F songs | Acc1 drum files (strict) | Acc1 drum files (truth sets) | ' +
    'Acc2 drum files | beat F drum files |',
);
console.log('|---|---|---|---|---|---|---|---|');
const shubMisses: string[] = [];
await loadGrooveBarsFor(files.map((f) => f.name));
for (const [name, est] of tools) {
  const r = score(files, est);
  console.log(`| ${name} | ${r.cells.join(' | ')} |`);
  if (name === 'shub') shubMisses.push(...r.misses);
}
console.log(`\nshub misses (Acc1): ${shubMisses.join('; ') || 'none'}`);
