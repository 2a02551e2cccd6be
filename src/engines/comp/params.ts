/**
 * `shub comp` parameters (issue 15), each declared once with unit, range and what it does, and
 * the weight presets. Measures are taken on frames of `frameSeconds`; a section's score is a sum
 * of points, each measure converted to points by its declared scale, times the measure's weight.
 */
import { p, type ParameterSpec } from '../analysis/params.js';

export const COMP_FRAME_PARAMETERS = {
  frameSeconds: p(
    0.01,
    's',
    [0.002, 0.05],
    'hop of the per-take feature frames (energy, K-weighted energy, clips, f0)',
  ),
  fineSeconds: p(0.001, 's', [0.0002, 0.01], 'resolution of the energy envelope seams are placed on'),
  clipLevel: p(0.999, 'of full scale', [0.5, 1], 'a sample at or above this |x| counts as clipped'),
  activityRangeDb: p(
    30,
    'dB',
    [10, 80],
    "a frame is active (voice present) when its energy is within this of the take's loud frames (95th percentile)",
  ),
  activityFloorDbfs: p(-65, 'dBFS', [-120, -20], 'frames quieter than this are never active'),
  gapGuardSeconds: p(
    0.12,
    's',
    [0, 0.5],
    'noise and extra-phrase checks skip this much around the voice the reference expects (a consonant before a ' +
      'note, up to ~100 ms; a release after it)',
  ),
  breathWindowSeconds: p(
    0,
    's',
    [0, 2],
    'noise and extra-phrase checks skip a breath: a rest frame this close before the voice the reference expects ' +
      "in the section, unpitched and at least breathUnderDb under the take's own voiced level there (a singer " +
      'breathes before a phrase, 0.15–0.5 s of unvoiced noise ending just before it: no defect); 0: off, the ' +
      'default (0.6 s read held-out-47 144 against 146 with it off, h-comp69)',
  ),
  breathUnderDb: p(
    10,
    'dB',
    [0, 60],
    "a breath (breathWindowSeconds) is at least this far under the take's median voiced level in the section: " +
      'louder sound before a phrase is read as noise or extra voice as before',
  ),
  breathLoudSeconds: p(
    0,
    's',
    [0, 2],
    'noise and extra-voice checks skip a loud breath before a phrase, told by its place and length, not its level: ' +
      "the take's one run of active, unpitched rest frames lying wholly within this long before the voice the " +
      "reference expects, nothing active between it and the phrase, its loudest frame no louder than the take's own " +
      'voiced level in the section (a gasp 2.5–8 dB under the voice, 0.24–0.52 s, ending 40–130 ms before the ' +
      'phrase: held-out-58…60, h-comp89); a longer run, a pitched one or one joined to the last phrase is not one; ' +
      '0: off, the default',
  ),
  breathRiseDb: p(
    0,
    'dB',
    [0, 60],
    'a run breathLoudSeconds would skip is a breath only if its level rises to its peak in steps of at most this ' +
      'much a 10 ms frame (from the frame before the run): a breath swells, a knock, tap or clink jumps in a frame; ' +
      "12 read (h-comp91, held-out-58…61's runs: bursts on the noise take over 12 dB in 11 of 53, clean takes' runs " +
      'in 71 of 447, AUC 0.60, 0.49 against the loud ones: a weak cue); 0: no test, the default',
  ),
  breathHissHz: p(
    0,
    'Hz',
    [0, 8000],
    "a run breathLoudSeconds would skip is a breath only if its spectrum leans to the top like a breath's hiss: " +
      "its first difference's energy over its energy (dms / ms, summed over the run) is that of a tone at least " +
      'this high (f = rate / π · asin(√(ratio / 4))) — a breath, 1–6 kHz noise, reads high; a knock, a door, ' +
      'footsteps or a chair (energy under 500 Hz) low; on the loud unpitched runs one take has alone on ' +
      "held-out-61…62 (h-comp92) the clean takes' read 1 246–1 609 Hz (10th–90th, 79), the burst takes' 299–3 824 " +
      '(70: a knock, a siren, footsteps, a chair under 1 100; a sneeze, tape, a glass over 2 500); 1 100 read with ' +
      'breathHissTopHz 2 000; 0: no test, the default',
  ),
  breathHissTopHz: p(
    0,
    'Hz',
    [0, 12000],
    "a run breathHissHz keeps a breath is one only if its first difference's weight is also that of a tone at most " +
      "this high: a bell's or a glass's partials, a clap's broadband crack read higher than a breath's hiss; " +
      '2 000 read (h-comp92; see breathHissHz); 0: no upper bound, the default',
  ),
  edgeOverFloorDb: p(
    -1,
    'dB',
    [-1, 40],
    "noise: a phrase's own edges are no noise — a rest frame joined to the voice the reference expects through " +
      "frames all at least this far over the take's floor in the section's rests (their lowest tenth): the breath " +
      "that runs into a phrase's start (within edgeBreathSeconds) and the room's tail that decays from its end " +
      '(until it rises edgeRiseDb over its lowest level since), while a burst apart from the phrase, or one rising ' +
      'out of the tail, stays; at 6 held-out-42…53 read +51 sections (faint bursts chosen 133 → 97) but 14 ' +
      'clearly-best sections lost, held-out-54 128 against 127 of 212 (h-comp78); −1: off, the default',
  ),
  edgeBreathSeconds: p(
    0.6,
    's',
    [0.1, 2],
    "noise (edgeOverFloorDb): a breath's frames reach at most this far before the phrase's expected start (a singer " +
      'breathes 0.15–0.5 s, ending just before the phrase)',
  ),
  edgeBreathGapSeconds: p(
    0.2,
    's',
    [0, 1],
    "noise (edgeOverFloorDb): a breath's last loud frame lies at most this far before the phrase's expected start " +
      '(a breath ends just before the phrase, a dip of silence between them; a burst ends further off)',
  ),
  edgeRiseDb: p(
    6,
    'dB',
    [0, 40],
    "noise (edgeOverFloorDb): a phrase's tail ends where its level rises this far over the lowest level it has " +
      'reached since the phrase ended: a room decays, a burst in it rises',
  ),
  burstJumpDb: p(
    -1,
    'dB',
    [-1, 60],
    "noise: a burst's onset told by its shape on the 1 ms envelope (fineSeconds) — a click, crackle, pop or bump " +
      "rises in under 2 ms, a breath or a voice's attack over tens of ms: a tick this far or more over the loudest " +
      'tick of the frameSeconds that end burstRiseSeconds before it, with no tick of the noiseSpanSeconds after it ' +
      'half as far again over it, starts a burst; the loudest rest frame within noiseSpanSeconds of it, over the ' +
      "take's own floor in the rests (their lowest tenth), is the least noise excess the take reads (not the take's " +
      'own attack into a phrase, its tail, or pitched frames; within gapGuardSeconds too); −1: off, the default',
  ),
  burstRiseSeconds: p(
    0.002,
    's',
    [0.0005, 0.02],
    "noise (burstJumpDb): the longest rise of a burst's onset — the tick is compared with the level before this " +
      'rise (a click reaches its peak in under 2 ms; a Hann-windowed breath of 0.15 s rises 9 dB in its first 5 ms); ' +
      'on an envelope coarser than this (fineSeconds) no onset is read',
  ),
  clickOverDb: p(
    -1,
    'dB',
    [-1, 60],
    "noise: a click train in a take's rests — the click track bleeding from the headphones, a tick on the beat — " +
      'read as noise however short: two or more events, each at most clickMaxSeconds of frames this far or more ' +
      "over the take's own floor in the section's rests (their lowest tenth) and this / 2 over the frames on either " +
      'side (a blip, not a smooth hump), alone within twice clickMaxSeconds (not one sound fluttering across the ' +
      'threshold); the second-loudest over the floor is the least noise excess the take reads (within ' +
      'gapGuardSeconds too; not the voice the reference expects or its tail); −1: off, the default',
  ),
  clickMaxSeconds: p(
    0.03,
    's',
    [0.01, 0.1],
    'noise (clickOverDb): the longest click — a click-track blip of 8–20 ms with a 4 ms decay fills one or two 10 ms ' +
      "frames; a breath's hump (0.15–0.5 s) or a voice's entry is longer; no other frame over the threshold within " +
      'twice this on either side',
  ),
  extraSharedShare: p(
    0.5,
    'of the other takes',
    [0, 1],
    "noise and extra-voice checks skip a frame of a take's tail (voice running on without a break from where the " +
      'reference expects voice) where at least this share of the other takes have voice too at the same place (each ' +
      'moved by its entry offset), no more than extraSharedDb quieter against their own level in the section: a ' +
      "release or reverb tail past the guard that every take has is no one's defect; a phrase or a burst is",
  ),
  extraSharedDb: p(
    6,
    'dB',
    [0, 40],
    "a tail frame the other takes share (extraSharedShare) stays the take's own where it is more than this louder " +
      'than theirs, each against its own level in the section (a noise burst over a shared reverb tail)',
  ),
} as const;

export const COMP_MEASURE_PARAMETERS = {
  vibratoWindowSeconds: p(
    0.2,
    's',
    [0.05, 1],
    'pitch error is taken on f0 averaged over this window (one vibrato cycle at 5 Hz): vibrato excluded',
  ),
  jitterWindowSeconds: p(0.03, 's', [0.01, 0.1], 'pitch stability: rms of f0 around its average over this window'),
  noteBreakCents: p(80, 'cents', [20, 300], 'a jump of f0 this large between frames starts a new note'),
  maxLagSeconds: p(0.15, 's', [0.02, 0.5], 'timing: the largest entry offset searched against the reference'),
  lagCapShare: p(
    0.4,
    'ratio',
    [0.05, 1],
    "timing, guide modes: when at least this share of the entry offsets lie at the search's late end " +
      '(+maxLagSeconds), the late end is searched again to twice it (a latency plus a slow attack)',
  ),
  timingPitchCents: p(
    100,
    'cents',
    [10, 600],
    "MIDI guide: the entry offset's score adds, per frame, 1 less the distance of the take's pitch (that " +
      "frame's) from the guide's note over this (none beyond it) to the envelope's correlation: a legato " +
      "phrase's note changes pin the offset where its energy, saturated over the notes, does not",
  ),
  commonOffsetWindowSeconds: p(
    0.025,
    's',
    [0.005, 0.1],
    'timing: the offset all takes share against the reference is the median of the entries in a window this ' +
      'wide (sliding over every take and section), chosen among the densest ones (commonOffsetShare)',
  ),
  commonOffsetShare: p(
    0.5,
    'ratio',
    [0.1, 1],
    "timing: of the windows holding at least this share of the densest window's entries, the one nearest no " +
      'offset gives the shared offset (a late or early majority scatters; the takes in time, or a whole ' +
      "session's latency, sit together)",
  ),
  commonOffsetSectionShare: p(
    0.95,
    'ratio',
    [0.5, 1],
    'timing: a window competing for the shared offset must also hold entries of at least this share of the ' +
      'sections the most widely spread window holds: each section has a take in time (its clean take), a late or ' +
      'early majority scatters its entries over 30–120 ms and fills a window only in some sections',
  ),
  commonOffsetEarlyWeight: p(
    2,
    'ratio',
    [1, 10],
    'timing: a window whose median lies before the reference (a negative offset) counts at this many times its ' +
      "distance from no offset when the shared offset's window is chosen: a session's latency and a sung note's " +
      'rise after its note-on put takes after the guide, never before it; an early group lies before it',
  ),
  takeLatencyMinMs: p(
    20,
    'ms',
    [5, 100],
    "timing: the median of a take's entries in its densest window (takeLatencyShare), after the shared offset, " +
      'this far off is its own latency (a take recorded later or earlier than the others), taken off its entries',
  ),
  takeLatencyShare: p(
    0.6,
    'of its entries',
    [0.2, 1],
    "timing: a take's own latency needs at least this share of its entries (one per section) in one " +
      'commonOffsetWindowSeconds-wide window',
  ),
  takeLatencyMinSections: p(
    4,
    'sections',
    [2, 20],
    "timing: a take's own latency is read only on at least this many sections' entries (a median of fewer is " +
      'its defects)',
    true,
  ),
  contourMaxLagSeconds: p(
    0.3,
    's',
    [0.05, 0.6],
    "no guide: the largest offset searched between two takes' pitch contours in a section (a take's latency plus " +
      'a late or early entry)',
  ),
  contourMatchCents: p(
    100,
    'cents',
    [20, 300],
    "no guide: two takes' voiced frames at an offset match where their pitch difference lies in the densest " +
      'window this wide (a detuned take sings the same notes a fixed amount off); the offset with the most ' +
      'matching frames aligns the two contours',
  ),
  contourMinSeconds: p(
    0.3,
    's',
    [0.05, 2],
    "no guide: an offset between two takes' contours in a section needs at least this much matching voice " +
      '(a take that left the phrase out has no offset there)',
  ),
  contourLatencyMinMatches: p(
    4,
    'readings',
    [1, 30],
    "no guide: a take's latency read on the contour offsets (take pairs × sections) must explain at least this " +
      'many of its readings',
    true,
  ),
  contourLatencyRatio: p(
    2,
    'ratio',
    [1, 10],
    "no guide: a take's latency read on the contour offsets must explain at least this many times as many of " +
      'its readings as no latency does',
  ),
  contourLatencySectionShare: p(
    0.6,
    'ratio',
    [0.3, 1],
    "no guide: a take's latency read on the contour offsets is kept only where its offset against the other takes " +
      'lies within consensusToleranceSeconds of it in at least this share of the sections it has a reading in',
  ),
  onsetMatchSeconds: p(0.15, 's', [0.02, 0.5], "onset error: a reference onset is matched to the take's within this"),
  consensusToleranceSeconds: p(
    0.025,
    's',
    [0.005, 0.1],
    'no guide: takes whose entries lie this close together agree on the timing (the largest such group is the ' +
      'reference when the song has no onset grid)',
  ),
  noteGapSeconds: p(
    0.03,
    's',
    [0.01, 0.3],
    "no guide: pitched voice after at least this long without it starts a note (the takes' note starts anchor " +
      'the timing)',
  ),
  soundBridgeSeconds: p(
    0.08,
    's',
    [0.01, 0.3],
    "no guide: sound this close to a take's pitched voice (a stop's closure apart) belongs to it; where more than " +
      'half of the takes have such sound (unvoiced consonants, breaths) it is not counted as noise or extra voice',
  ),
  noteMinSeconds: p(0.05, 's', [0.01, 0.3], 'no guide: a note start needs this much pitched voice after it'),
  noteStepCents: p(
    70,
    'cents',
    [20, 300],
    'no guide: a pitch step this large (mean of two frames after against two before) inside a phrase starts a note',
  ),
  noteClockCents: p(
    12,
    'cents',
    [0, 50],
    "no guide and no grid: when the takes' voiced frames lie this close to a semitone (median, at their common " +
      'tuning: sung or played notes) the phrase lead is read from the first note start (as with a grid), else ' +
      "from the first sound (speech: its note starts are no clock; a sung phrase's first sound, a consonant or " +
      'a breath, is none either)',
  ),
  gridMinSeconds: p(
    0.1,
    's',
    [0.05, 1],
    "no guide: the finest onset grid (a 16th at 150 bpm) sought in the takes' onsets (see gridFineSeconds)",
  ),
  gridFineSeconds: p(
    0.12,
    's',
    [0.05, 1],
    'no guide: a grid finer than this (a 16th above 125 bpm) is split to, or kept by the scan over a candidate 2 ' +
      'or 3 times as coarse, only when the notes most takes share use its new lines too (gridSubdivisionShare of ' +
      'them), and used only when its fit reaches gridFineMinFit ' +
      '(takes a third of a line off, and speech syllables, line up on fine grids by chance)',
  ),
  gridFineMinFit: p(
    0.6,
    'of the shared note starts',
    [0, 1],
    'no guide: the fit (as gridMinFit) a grid finer than gridFineSeconds needs, else the best grid at or above ' +
      'gridFineSeconds is sought instead (as if finer ones were not)',
  ),
  gridFitMargin: p(
    0.1,
    'of the shared note starts',
    [0, 1],
    "no guide: every candidate period (the scan's peaks, each refined and split) is judged by its fit (as " +
      'gridMinFit); the best-fitting one replaces the first choice (the strongest resultant, or its coarser ' +
      'multiple) when its fit is this much higher and the first choice is a grid the song has (fit ≥ gridMinFit). ' +
      'One rule (preferFit) for the scan peaks and for the grid found before the step-start correction',
  ),
  phraseLeadMarginSpreads: p(
    1,
    'spreads',
    [0, 10],
    "no guide and no grid: a section is also read against the sections' phrase lead when its takes nearest the " +
      "lead (the nearest take's first voice and those within consensusToleranceSeconds of it, their mean) lie more " +
      "than this many of the lead's spreads (phraseLeadOutlierSpreads) nearer it than the group of takes that agree " +
      '(a late or early group that outnumbers the take in time)',
  ),
  phraseLeadOutlierSpreads: p(
    3,
    'spreads',
    [1, 10],
    "no guide and no grid: the delays from the sections' starts to their phrases (the in-time takes' first " +
      'voice, median per section) are compared with their median over the sections (three or more) and with ' +
      "how far they lie from it (the spread: median distance); a section whose in-time takes' delay lies more " +
      'than this many spreads off is read against the median delay instead: the takes whose phrase starts there ' +
      'are in time, as the others are late or early together (sections cut at one distance before their ' +
      'phrases, as on bar lines or a cue list, spread little; cut by hand, more, and only far-off groups move)',
  ),
  scaleToneShare: p(
    0.03,
    'of the voiced frames',
    [0, 1],
    "no guide with a key: a pitch class outside the key's scale is a scale tone when more than half of the " +
      'takes hold this share of their voiced frames (vibrato-averaged f0) within scaleToneCents of it: the ' +
      "raised 7th of a harmonic minor named as its natural minor, a major song's borrowed notes",
  ),
  scaleToneCents: p(
    25,
    'cents',
    [5, 50],
    "no guide with a key: a frame is in tune with a pitch class within this (at the takes' common tuning)",
  ),
  gridMaxSeconds: p(0.8, 's', [0.1, 4], 'no guide: the coarsest onset grid sought'),
  gridCoarsestShare: p(
    0.85,
    'of the best fit',
    [0.5, 1],
    'no guide: grid periods whose per-section fit reaches this share of the best one are candidates, and a ' +
      'candidate 2 or 3 times as coarse as the best fitting one is the grid when its fit over the whole song reaches ' +
      'this share of that one (a finer grid always fits at least as well)',
  ),
  gridPeriodSearch: p(
    0.04,
    'of the period',
    [0, 0.2],
    "no guide: the grid's period is sought again this far either side on every note start of the song (a coarse " +
      'grid found a few per cent off, e.g. on dotted rhythms, drifts by whole lines over a song once split)',
  ),
  gridSubdivisionShare: p(
    0.1,
    'of the note starts',
    [0, 1],
    'no guide: the grid is halved (or split in three) while the finer grid, sought again, explains this share of ' +
      'the note starts more than the coarser one (starts on its lines less starts on the middles between them: a ' +
      'take is placed against its nearest line)',
  ),
  gridMinStrength: p(
    0.2,
    'resultant length',
    [0, 1],
    "no guide: the takes' onsets over the whole song must lie this close to one fixed grid (1 = every onset on it) " +
      "for the grid to anchor each section's timing; otherwise the largest group of agreeing takes does",
  ),
  gridMinFit: p(
    0.35,
    'of the shared note starts',
    [0, 1],
    'no guide: the grid must explain this share of the note starts most takes share beyond chance (within half ' +
      'the consensus tolerance of a line: share less tolerance/period, over 1 less it), else it is none (speech)',
  ),
  pitchFreeCents: p(
    5,
    'cents',
    [0, 50],
    'a median pitch error this small costs nothing (what the vibrato average leaves); without a guide, what the ' +
      "section's best take has beyond it is common to the takes (speech, glides lie off every tone alike) and " +
      'costs nothing either',
  ),
  pitchSharedOffset: p(
    1,
    'switch',
    [0, 2],
    'with a guide (MIDI or vocal), the signed pitch error every take shares is taken off each frame before the ' +
      'pitch figures (0: none; 1: the median over every take and section of the song — a take detuned in a few ' +
      "sections cannot move it; 2: each section's median over its takes): a song sung or played off the guide's " +
      "tuning as a whole is no take's defect (h-comp74)",
  ),
  noiseSpanSeconds: p(
    0.1,
    's',
    [0.01, 1],
    "noise floor: the level the loudest this-long stretch of a section's rests reaches (their loudest tenth " +
      'when the rests are shorter than ten times this)',
  ),
  noiseOwnFloorDb: p(
    -1,
    'dB',
    [-1, 40],
    "noise: a take's floor in a section costs no more than it stands over the take's own usual floor " +
      "(noiseOwnFloorQuantile of its floors over the song's sections), plus this: a take's room, preamp or " +
      "breathing is in every section it sings, a noise burst in one (a clean take's breaths and room read 18–42 dB " +
      "over the quietest take's floor, h-comp75); with the lower quartile, 6 read held-out-42…51 +17 −5 sections, " +
      'none clearly best lost, 5.4 and 6.6 alike, but a one-section song reads every burst as its own (h-comp76); ' +
      '−1: off, the default (the floor against the quietest take only)',
  ),
  noiseOwnFloorQuantile: p(
    0.5,
    'ratio',
    [0, 1],
    "noise (noiseOwnFloorDb): the take's usual floor is this quantile of its floors over the song's sections (lower " +
      'rank; 0.5: their median): a take noisy in most sections has a high median, and a burst under it hides (the ' +
      'median lost 2 clearly-best sections on held-out-42…50, h-comp75; 0.25 with 6 dB: held-out-42…51 +17 −5, ' +
      'none lost, 0.225 and 0.275 alike, h-comp76)',
  ),
  noiseOwnFloorMinSections: p(
    -1,
    'sections',
    [-1, 20],
    "noise (noiseOwnFloorDb): the take's usual floor in a section is read from its floors in its other sections, " +
      'and with fewer than this many of them (with a floor) there is none, the section read against the quietest ' +
      "take only: a one-section song's burst is no take's own room; with 2 (6 dB, 0.25) held-out-42…52 read +19 " +
      "−7, one clearly-best section lost (h-comp77); −1: the song's sections, the section itself among them " +
      '(h-comp75/76), the default',
  ),
  levelToleranceLu: p(2, 'LU', [0, 12], 'level: a section this close to the consensus level costs nothing'),
  noiseToleranceDb: p(3, 'dB', [0, 20], "noise: a floor this close to the takes' common floor costs nothing"),
  noiseRoomSlackDb: p(
    0,
    'dB',
    [0, 80],
    "noise: a take's floor costs no more than its floor against its own voiced level (LUFS) stands over the " +
      "lowest such reading among the takes, plus this: a room's tail in the rests is as loud as the voice that " +
      'fed it (a take sung 17 dB louder carries a room 17 dB louder), a noise burst or a floor is not',
  ),
  pooledMaxLagSeconds: p(
    0.08,
    's',
    [0.01, 0.3],
    "pooled (h-comp63): the largest lag searched between two takes' onset envelopes over a section (their " +
      'cross-correlation on the 1 ms energy envelope; the take model reads the median over the other takes)',
  ),
  pooledRiseSeconds: p(
    0.005,
    's',
    [0.001, 0.05],
    "pooled: the onset envelope is the energy envelope's rise (dB) over this long (smoothed over it too)",
  ),
  pooledVoicedShare: p(
    0.3,
    'ratio',
    [0, 1],
    'pooled: a take is compared in a section only where its active frames reach this share of the most any take ' +
      'has there (a take that left the phrase out compares nothing)',
  ),
  pooledAgreeSeconds: p(
    0.01,
    's',
    [0.001, 0.05],
    "pooled: another take agrees with a take's timing in a section when their pooled lag lies within this",
  ),
  absWindowSeconds: p(
    0.06,
    's',
    [0.005, 0.3],
    "absolute timing (h-comp65): a take's note start is matched to a reference event (a guide's note-on or note " +
      "start, the grid's line) within this of where the take's reading puts it",
  ),
  absRiseDb: p(
    6,
    'dB',
    [0.5, 20],
    "absolute timing: a take's note start is a peak of its onset envelope (onsetEnvelope) rising at least this much",
  ),
  absPeakGapSeconds: p(
    0.04,
    's',
    [0.005, 0.5],
    'absolute timing: a note start is the highest peak of the onset envelope within this either side',
  ),
  absMinNotes: p(
    1,
    'notes',
    [1, 50],
    "absolute timing: a take's offset in a section is read on at least this many matched note starts, else none " +
      '(3 left half the sections of held-out-41 and 43 without a reading: sung legato notes rise less than absRiseDb)',
  ),
  phraseGapSeconds: p(
    0.2,
    's',
    [0.02, 2],
    "phrase level (h-comp72, phraseMeasures): a section's phrases are the runs of frames where most of its singing " +
      "takes sound (the section's median take), a rest shorter than this bridged; each take's level is read " +
      "against the other takes' median level frame by frame within each phrase",
  ),
  phraseOnsetMatchSeconds: p(
    0.06,
    's',
    [0.005, 0.3],
    "note onsets against the other takes (h-comp72, phraseMeasures): a take's note start (envelopeStarts, its " +
      "latency taken off) is matched to each other take's nearest note start within this",
  ),
  pooledMinFrames: p(
    10,
    'frames',
    [1, 200],
    "pooled: two takes' pitch or level compared on at least this many common voiced frames, else not at all",
  ),
} as const;

/** How many of each measure cost one point (before weights). */
export const COMP_POINT_SCALES = {
  pitchMedianCents: p(10, 'cents', [1, 100], 'median |pitch error| (beyond 5 cents) per point'),
  pitchP90Cents: p(20, 'cents', [1, 200], '90th-percentile |pitch error| (beyond 15 cents) per point'),
  jitterCents: p(10, 'cents', [1, 100], 'pitch jitter (beyond 5 cents rms) per point'),
  timingMs: p(20, 'ms', [1, 200], 'entry offset (beyond 10 ms) per point'),
  noiseDb: p(6, 'dB', [1, 40], 'noise floor above the common floor (beyond the tolerance) per point'),
  levelLu: p(2, 'LU', [0.5, 20], 'level away from the consensus (beyond the tolerance) per point'),
  missingFraction: p(0.1, 'of the frames', [0.01, 1], 'expected-voice frames with no voice (or voice where none is)'),
} as const;

export const COMP_CHOICE_PARAMETERS = {
  switchPoints: p(
    0.5,
    'points',
    [0, 100],
    'a take change between sections must gain at least this many points (keeps comps from hopping between takes)',
  ),
  keepMarginPoints: p(
    0.25,
    'points',
    [0, 100],
    'the switch cost keeps a take from the previous section only while it scores within this many points of the ' +
      "section's best take: a take this much worse is never chosen, so continuity cannot outweigh a clear margin " +
      '(at switchPoints or above it does nothing)',
  ),
  defectPoints: p(
    2.5,
    'points',
    [0.1, 20],
    'a take carries a defect in a section when one measure alone (pitch, timing, noise, clipping, level, or the ' +
      'missing share of the expected voice; before weights) costs this many points (e.g. 30 cents, 60 ms, 7 LU, a ' +
      'quarter of the phrase missing); a take with a defect is never chosen over one without',
  ),
  absentFraction: p(
    0.6,
    'fraction',
    [0.5, 1],
    'a take is absent from a section (it left the phrase out) when at least this share of the expected voice is ' +
      "missing and its voiced level stands absentDb or more under the loudest take's there; an absent take is " +
      'never chosen over a take with voice, defects or not (h-comp44: held-out-25 4202, -28 4509, -31 4805 chose ' +
      'a missing take in 13 sections where every present take carried a defect). Tuning sets 20, 25–28, 30, 31 ' +
      '(base features): 709 of 716 missing take × sections absent, none of the others (0.5–0.7 alike)',
  ),
  absentDb: p(
    25,
    'dB',
    [0, 100],
    "absentFraction's level condition: the take's voiced level at least this far under the section's loudest " +
      "take's (a guide vocal that fits no take leaves every take's expected voice half missing at its usual level; " +
      'level defects and rooms put present takes up to 21 dB under with 0.3 missing). Tuning: 20–25 alike',
  ),
  takeModel: p(
    4,
    'switch',
    [0, 10],
    "1: each section's take is the learned take model's (presets/comp-take-lr59.json, h-comp59: a conditional logit " +
      "over the takes' points, defects, absence, entry, level, noise, the rules' own choice, the onset error, the " +
      "entry against the other takes', the take's own latency and its entries against the others' over the song; " +
      "where it keeps the rules' take their reason and continuity stand, where it overturns them a defect or an " +
      'absence is named as the rules name it; the default from h-comp57 to h-comp63, h-comp57: held-out-38 ' +
      '127 → 145 of 200 sections; lr59: held-out-39 132 → 134); 2: the same features read by boosted trees over ' +
      'the take pairs (presets/comp-take-gbm61.json, h-comp61); 3: the logit with the takes pooled against each ' +
      'other over each section (lag, pitch, level: measures.ts pooledMeasures; presets/comp-take-lr63.json, ' +
      'h-comp63; the default from h-comp63 to h-comp65: held-out-42, judged once, rules 128, lr59 136, lr63 139 of ' +
      '200); 4: lr63 with the ' +
      "take's note starts against an absolute reference over each section (the MIDI guide's note-ons, the guide " +
      "vocal's note starts, the no-guide grid: measures.ts absoluteTiming; presets/comp-take-lr65.json, h-comp65; " +
      "on by default (the integrator's decision): held-out-44, judged once, lr63 146, lr65 150 of 200, lr63's form " +
      "retrained alike 151); 5: boosted trees over take pairs on lr65's features (gbm61's form), trained on 20 " +
      "tuning sets (presets/comp-take-gbm66.json, h-comp66; leave-one-set-out over them: lr63's form 3 053, " +
      "lr65's 3 073, these trees 3 157 of 3 982 sections); 6: lr65's form with the take's phrase level and note " +
      "starts against the other takes' at the same place (measures.ts phraseMeasures; presets/comp-take-lr72.json, " +
      "h-comp72); 7: lr65's form trained with its timing read against the section median bounded " +
      "(presets/comp-take-lr97.json, h-comp97; read with sectionTimingMaxMs 8, its training's: leave-one-set-out " +
      "on held-out-42…64, 4 652 sections, lr65's form retrained alike on the unbounded median 3 231, lr97 3 265; " +
      "clearly best 1 306 → 1 325 of 1 589, 10 lost); 9: lr99, lr97's form with the bound chosen anew " +
      "(presets/comp-take-lr99.json, h-comp99; read with sectionTimingMaxMs 4, its training's: leave-one-set-out " +
      "on held-out-42…65, 4 864 sections, lr65's form retrained alike on the unbounded median 3 355, bound 8 / 7 / " +
      '6 / 5 / 4 ms 3 396 / 3 404 / 3 415 / 3 427 / 3 437; clearly best 1 380 → 1 404 of 1 686, 16 lost); 8: not ' +
      "assigned (reads lr97); 10: lr100, lr99's form trained deterministically (bench/learn.ts " +
      'trainNewtonLogistic: no shuffle seed) on held-out-42…66 (presets/comp-take-lr100.json, h-compd99; read ' +
      "with sectionTimingMaxMs 4, its training's: leave-one-set-out on 5 076 sections, lr65's form trained alike " +
      'on the unbounded median 3 552, bound 3 / 4 / 5 ms 3 605 / 3 607 / 3 598; clearly best 1 470 → 1 482 of ' +
      '1 781, 11 lost); ' +
      "0: the rules' choice (weighted points, defect and absence gates, switch cost)",
    true,
  ),
  takeModelGate: p(
    0,
    'switch',
    [0, 1],
    "1 (with takeModel ≥ 1): the rules' gates first — a take absent while another is present, or carrying a defect " +
      '(noise, clipping, pitch, timing, level, missing voice) while another present take has none, is removed — ' +
      'and the take model chooses among the takes left, a model trained on those takes only ' +
      '(takeModel 1: presets/comp-take-lr62.json, 2: comp-take-gbm62.json; h-comp62: gbm61 chose a 19 dB noise ' +
      "defect and an absent take over voiced ones on held-out-40); 0: the model chooses among all the section's " +
      'takes (lr59, gbm61). Off by default: held-out-41 (judged once) rules 159, lr59 165, gbm62 gated 164, lr62 ' +
      'gated 163 of 200; gated, no chosen take carried a defect or was absent while a clean one was there ' +
      '(lr59: 2 sections, gbm61: 7)',
    true,
  ),
  takeModelVeto: p(
    1,
    'switch',
    [0, 1],
    "1 (with takeModel ≥ 1 and takeModelGate 0): the rules' ordinary defects veto a take before the model's faint " +
      'terms decide (h-comp67) — a take absent while another is present, or carrying an ordinary defect while ' +
      'another present take carries none, is not chosen; the model chooses among the rest. Ordinary: pitch ' +
      '(vetoPitchPoints), timing (vetoTimingPoints), noise, clipping or missing voice (defectPoints), a level drop ' +
      "(defectPoints, the take under the level fit only: a take over it may be the one the others' drops left " +
      'alone: held-out-45 6204 §6). 0: the model over every take (lr65 alone). 21 tuning sets (20, 25–28, 30–45; ' +
      '4 182 sections, 2 998 clearly best): lr65 alone 3 268 right, 2 438 clearly best; vetoed 3 296 / 2 462 ' +
      '(leave-one-set-out over the thresholds 3 292 / 2 459); takeModelGate 1 3 267 / 2 445. Held-out-46 (judged ' +
      'once): lr65 alone 170, vetoed 170 of 200; clearly best 71 and 72 of 72',
    true,
  ),
  vetoPitchPoints: p(
    1.5,
    'points',
    [0.1, 20],
    "takeModelVeto's pitch threshold: a take whose pitch points (choice.ts measurePoints: median cents over the " +
      'free band per pitchMedianCents, half the 90th percentile over 15 cents per pitchP90Cents) reach this carries ' +
      "an ordinary pitch defect (about 20 cents sharp or flat throughout; the issue's ordinary detune ≥ 20 cents). " +
      'Tuning (21 sets, timing 1.5): 1 3 290, 1.25 3 294, 1.5 3 296, 2 3 286, 2.5 3 280 sections right',
  ),
  vetoTimingPoints: p(
    1.5,
    'points',
    [0.1, 20],
    "takeModelVeto's timing threshold: a take whose timing points (the entry beyond 10 ms per timingMs) reach this " +
      "carries an ordinary timing defect (40 ms at the default scales; the issue's ordinary timing ≥ 30 ms). Tuning " +
      '(21 sets, pitch 1.5): 1.5 3 296, 2 3 291, 2.5 3 283 sections right',
  ),
  vetoSharedTiming: p(
    1,
    'switch',
    [0, 1],
    "1: takeModelVeto reads each take's timing less the entry offset the section's takes share (choice.ts " +
      'sharedEntryMs: where every take reads late, or every one early, the least of them), 0: against the reference ' +
      'as it stands (h-comp67). 22 tuning sets (20, 25–28, 30–46; 4 382 sections, 3 070 clearly best): 0 3 466 ' +
      'right, 2 534 clearly best; 1 3 472 / 2 539 (6 sections gained on 5 sets, none lost). Held-out-47 ' +
      '(judged once): 146 of 200 and 62 of 74 clearly best either way',
  ),
  guideTimingOffMs: p(
    -1,
    'ms',
    [-1, 200],
    "With a guide (MIDI or guide vocal), the take model's section timing reference (h-comp86, take-model.ts " +
      "sectionTimingReference): where the median of the takes' entries lies more than this far off the guide, a " +
      "late or early group is the section's majority and its median no reference: the entries of the group nearest " +
      "the guide (commonOffsetWindowSeconds wide) are, for the model's timing figures against the section (timing, " +
      'entry and note starts less the reference; the share of takes within 15 ms and the nearest distance read ' +
      "against it; the song's entries too). Within it the median stands: each section reads the guide off by its " +
      "own few ms alike in every take (the clean takes' entries against the guide, held-out-42…58: 5–95 % −17…+30 ms " +
      "MIDI, −21…+22 guide vocal; the in-time takes' median −12…+27, −18…+25), which the median absorbs. 30 ms: the " +
      "issue's ordinary timing defect. (held-out-47 6403 §1, guide vocal: four takes late 62–103 ms read +75…+91, " +
      'the clean take +4; the rules chose it, the model took a late one for its agreement.) −1: off, the median ' +
      "always (main's). Without a guide the reference is the takes themselves either way",
  ),
  sectionTimingMaxMs: p(
    -1,
    'ms',
    [-1, 200],
    "The take model's section timing reference (take-model.ts boundedMedian, any mode, where guideTimingOffMs sets " +
      "none): the takes' median entry in the section, bounded to ±this — a shift all takes share in a phrase is " +
      'absorbed up to it, a late or early majority beyond it moves the reference no further (the entry, the ' +
      "agreement with it and the song's entries read against it, as guideTimingOffMs's group). Measured before " +
      'the rule (h-comp96, ' +
      'held-out-42…63, takes with a late / early defect against takes with none, AUC of the entry less the ' +
      'reference): the median unbounded 0.868 (≥ 30 ms) / 0.680 (< 30 ms), bounded to 10 ms 0.946 / 0.748, 20 ms ' +
      "0.941 / 0.707, 0 ms 0.946 / 0.761. −1: off, unbounded (main's)",
  ),
  vetoExtraOver: p(
    0,
    'fraction',
    [0, 1],
    "takeModelVeto's extra voice (h-comp100): a present take whose extra voice in the rests (measures.ts " +
      "extraFraction, a share of the section's rests) exceeds the least a present take of the section carries by " +
      'this much carries an ordinary missing-or-extra defect — a burst the noise floor passes read as voice (a ' +
      "chime, a cough's tone). 0: off (main's)",
  ),
  vetoExtraNoiseDb: p(
    0,
    'dB',
    [0, 60],
    "vetoExtraOver's second condition: the take's noise floor at least this far over the takes' floor in the " +
      "section (measures.ts noiseExcessDb) — a burst raises it, a loud breath before the phrase (a clean take's, " +
      'held-out-58…) leaves it. 0: any',
  ),
} as const;

export const COMP_ASSEMBLY_PARAMETERS = {
  crossfadeMs: p(20, 'ms', [1, 500], 'crossfade length at a seam (shorter when the gap it is placed in is shorter)'),
  minCrossfadeMs: p(2, 'ms', [0.5, 50], 'shortest crossfade'),
  searchSeconds: p(0.15, 's', [0, 2], 'a seam is placed at the lowest-energy point within this of the boundary'),
  maxGainDb: p(12, 'dB', [0, 40], 'gain matching moves a take by at most this much'),
} as const;

export const COMP_SECTION_PARAMETERS = {
  minSilenceSeconds: p(
    0.15,
    's',
    [0.02, 5],
    '--auto: a phrase boundary is a stretch this long where the takes agree there is no voice (or least energy)',
  ),
  minSectionSeconds: p(1, 's', [0.1, 60], '--auto: shorter sections are merged into their neighbour'),
  beatsPerBar: p(4, 'beats', [1, 32], '--bars: beats in a bar', true),
  guideLengthToleranceSeconds: p(
    1,
    's',
    [0, 60],
    'a guide may be this much longer or shorter than the longest take (else it belongs to another song)',
  ),
} as const;

/** What a score weighs: one weight per measure. */
export const MEASURES = ['pitch', 'stability', 'timing', 'noise', 'clipping', 'level', 'missing'] as const;
export type Measure = (typeof MEASURES)[number];
export type Weights = Record<Measure, number>;

export const WEIGHT_RANGE: ParameterSpec = p(1, 'points per point', [0, 100], 'a measure weight');

/**
 * The presets (points per point of each measure). vocal-pop: tuning and timing first, as pop
 * vocals are tuned and tight; vocal-natural: a performance's pitch drifts and timing breathe,
 * noise and level matter more; instrument: timing first, pitch as played.
 */
export const WEIGHT_PRESETS: Record<'vocal-pop' | 'vocal-natural' | 'instrument', Weights> = {
  'vocal-pop': { pitch: 1.5, stability: 0.5, timing: 1.2, noise: 1, clipping: 1.5, level: 0.7, missing: 2 },
  'vocal-natural': { pitch: 0.8, stability: 0.2, timing: 0.8, noise: 1.2, clipping: 1.5, level: 1, missing: 2 },
  instrument: { pitch: 1, stability: 0.3, timing: 1.5, noise: 1, clipping: 1.5, level: 0.8, missing: 2 },
};
export type WeightPreset = keyof typeof WEIGHT_PRESETS;
export const DEFAULT_PRESET: WeightPreset = 'vocal-pop';
