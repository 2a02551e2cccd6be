/**
 * Hit classification on a whole-kit stem (`mix` tracks, issue 13): each hit's class (kick, snare,
 * tom, hihat, ride, crash) from what it adds in each band of the stem (stem.ts: below lowHz, to
 * midHz, to highHz, above) and how fast its top band decays: a small decision rule whose thresholds
 * are declared in params.ts (STEM_CLASS_PARAMETERS), tuned on one soundfont kit and checked on others.
 */
import { STEM_CLASS_PARAMETERS, STEM_KICK_PARAMETERS, STEM_OVERLAP_PARAMETERS, STEM_PARAMETERS } from './params.js';

export const HIT_CLASSES = ['kick', 'snare', 'tom', 'hihat', 'ride', 'crash'] as const;
export type HitClass = (typeof HIT_CLASSES)[number];

/** What a hit adds per band of a stem (stem.ts STEM_BANDS: low, body, wires, top) and each band's decay. */
export interface StemFeatures {
  /** Share of the hit's added energy per band (sums to 1). */
  share: number[];
  /** Added energy per band, dB (mean square). */
  addedDb: number[];
  /** Time for each band to fall `decayDb` from its peak, ms. */
  decayMs: number[];
  /** Geometric (log-frequency) centroid of the spectrum the hit adds (after it less twice before, per bin), Hz. */
  centroidHz?: number;
  /** Spectral flatness of what it adds (geometric over arithmetic mean of its power, flatnessLoHz–HiHz): 0 tonal. */
  flatness?: number;
  /** What it adds `lateMs` after its start: that spectrum's log-frequency centroid (Hz) and level against the first. */
  lateCentroidHz?: number;
  lateDb?: number;
  /**
   * Spectral flatness of the late window itself (lateMs on, nothing taken out) from bellLoHz to flatnessHiHz: 0 a few
   * partials (a bell ringing), 1 noise (h-dxbell45).
   */
  lateFlatness?: number;
  /** Time to the next hit, ms (Infinity for the last). */
  nextMs?: number;
  /** Time from the start to the peak of its added broadband energy, ms. */
  riseMs?: number;
  /**
   * What still rings above midHz `ringAtMs` after the start (ringMs, or just before the next hit), against its
   * loudest in the attack, dB (h-dxcls6; NaN when the next hit comes sooner than minRingMs).
   */
  ringDb?: number;
  ringAtMs?: number;
  /** The top band's energy in the beforeMs before the hit against its mean in the attack, dB. */
  priorTopDb?: number;
  /**
   * The drum body's strongest partial (h-dxcls19, stem.ts bodyPartial), over two windows of bodyMs from the start:
   * its frequency (Hz), the share of the added bodyLoHz–bodyHiHz power around it, its level in the second window
   * against the first (dB), and the second window's strongest peak (Hz).
   */
  bodyHz?: number;
  bodyPeakShare?: number;
  bodyLateDb?: number;
  bodyLateHz?: number;
  /**
   * The membrane cue (h-dx72, stem.ts membraneCue; STEM_MEMBRANE_PARAMETERS): in one window of twice bodyMs, the power
   * at the second mode against the body partial's (dB), against the gaps beside it (dB: a peak there is a drum head's
   * mode, a glide's smear or a harmonic body is flat), the third and fourth modes against the second harmonic (dB);
   * the body partial's time to fall 20 dB (from bodyLateDb) in its own periods (a tom rings long for its pitch); the
   * click (the wires and top bands' first clickMs against the low and body bands' attack, dB).
   */
  modeDb?: number;
  modePeakDb?: number;
  upperModeDb?: number;
  decayPeriods?: number;
  clickDb?: number;
}

/** What the stem as a whole says (a second pass over its hits, stem.ts): its hats' typical centroid. */
export interface StemContext {
  /**
   * Median log-frequency centroid of the stem's clear hats (isClearHat), Hz; when the stem has too few, of all its
   * hits without drum body (a kit whose hats ring low: most of its no-body hits are its hats).
   */
  hatCentroidHz?: number;
  /** Which hits gave hatCentroidHz. */
  hatReference?: 'clear hats' | 'no-body hits';
  /**
   * The stem's tonal kicks (isTonalKick), when it has enough: the median of what they add below lowHz (dB) and of
   * their body band over it (dB). A kick under a hat adds the same; a snare adds body far above a kick's.
   */
  kickLowDb?: number;
  kickBodyOverLowDb?: number;
  /** The same kicks' median log-frequency centroid, Hz (h-dxcls11). */
  kickCentroidHz?: number;
  /**
   * Which hits gave them: the tonal kicks, or (fewer than minStemHats of those) the hits adding at least half of
   * kickLowShare below lowHz within kickLikeDb of the loudest such.
   */
  kickReference?: 'tonal kicks' | 'kick-band hits';
}

/** A kick by the band rule (kickLowShare) whose added spectrum is not noise-flat: a membrane's. */
export function isTonalKick(f: StemFeatures): boolean {
  const S = STEM_CLASS_PARAMETERS;
  return f.share[0]! >= S.kickLowShare.value && !(f.flatness! >= S.drumFlatness.value);
}

/** A hit without drum body (a hat, cymbal or brush): under cymbalBodyShare of what it adds below midHz. */
export function hasNoBody(f: StemFeatures): boolean {
  return f.share[0]! + f.share[1]! < STEM_CLASS_PARAMETERS.cymbalBodyShare.value;
}

/** A clear hat, the stem's reference for its hats' spectrum: no drum body, short, mostly above highHz. */
export function isClearHat(f: StemFeatures): boolean {
  const [low, body, , top] = f.share as [number, number, number, number];
  const S = STEM_CLASS_PARAMETERS;
  return (
    low + body < S.cymbalBodyShare.value && top >= S.brushTopShare.value && !(f.decayMs[3]! >= S.cymbalDecayMs.value)
  );
}

interface Verdict {
  cls: HitClass;
  confidence: number;
  reason: string;
}

/** A share as a percentage, for reasons. */
export const pct = (v: number) => `${(100 * v).toFixed(0)} %`;
/** 0 at the edge, 1 an octave (a factor of 2) or more away from it. */
const margin = (v: number, edge: number) => Math.min(1, Math.abs(Math.log2(Math.max(1e-6, v) / edge)));
const conf = (...m: number[]) => Math.round(100 * Math.min(...m)) / 100;

/**
 * The class of a stem hit from what it adds per band (stem.ts), and a second piece struck with it:
 *
 * - a kick adds mostly low end (`kickLowShare` of its energy below lowHz);
 * - a hat or cymbal adds almost nothing below midHz (under `cymbalBodyShare`); its top-band excess
 *   decays within `cymbalDecayMs` for a hat; longer rings are open hats when centred like the stem's own hats
 *   (at or above `brushHatRatio` of them), else cymbals, a ride when its top outweighs its 1–6 kHz wash, a crash
 *   otherwise;
 * - such a hit adding less than `brushTopShare` above highHz and centred below `brushHatRatio` of the stem's
 *   clear hats' centroid (of all its no-body hits when it has too few clear hats, `brushCentroidHz` when it has
 *   too few of those too) is a brushed snare: broadband noise;
 * - a hit with body whose added spectrum still centres at or above `hatCentroidHz` is a hat whose own ring
 *   lies below midHz (electronic and lo-fi hats), not a drum — unless the stem has clear hats and it centres
 *   below `brushHatRatio` of theirs: then it is a bright drum (brushes, a bright snare), a snare;
 * - the other drums are snares when their top band rattles on (the wires: ≥ `snareTopDecayMs`), toms
 *   when their top dies at once;
 * - a drum whose top band still rings `cymbalDecayMs` later was struck with a cymbal (a second hit, crash);
 *
 * then, relative to what the stem says (h-dxcls5):
 * - a "kick" whose added spectrum centres at or above `hatCentroidHz` is no membrane either (h-dxcls12): a hat or
 *   cymbal struck into a ring like its own, whose low end alone cleared minGainDb; a kick under it (kick + hat, or
 *   the band rule's kick + crash) when its kick band is kick-like;
 * - a "kick" or "tom" adding a noise-flat spectrum (≥ `drumFlatness`) is no membrane: a hat whose ring reaches
 *   down; with a kick under it (kick + hat) when its kick band is within `kickLikeDb` of the stem's tonal kicks'
 *   (of its loudest kick-band hits when it has too few tonal kicks);
 * - a "snare" adding white noise (≥ `noiseHatFlatness`) is an FM or electronic hat;
 * - a "snare" or "tom" whose kick band is kick-like and whose body over it is at most `kickBodyDb` above the
 *   stem's kicks' is a kick with a hat over it (a snare's body stands far above a kick's).
 */
export function classifyStemHit(f: StemFeatures, stem: StemContext = {}): { main: Verdict; second?: Verdict } {
  const v = classifyByBands(f, stem);
  const S = STEM_CLASS_PARAMETERS;
  const cls = v.main.cls;
  const flat = f.flatness ?? NaN;
  const lowDb = f.addedDb[0]!;
  const kickLike = stem.kickLowDb !== undefined && lowDb >= stem.kickLowDb - S.kickLikeDb.value;
  const kickText = () =>
    `its kick band adds ${lowDb.toFixed(1)} dB, within ${S.kickLikeDb.value} dB of the stem's ` +
    `${stem.kickReference ?? 'tonal kicks'} (${stem.kickLowDb!.toFixed(1)})`;
  const kickAndHat = (why: string, confidence: number) => ({
    main: { cls: 'kick' as const, confidence, reason: `${why}: a kick with a hat over it` },
    second: { cls: 'hihat' as const, confidence, reason: `${why}: a hat struck with a kick` },
  });
  // 0. a kick under a cymbal or hat (h-dxcls8): what a hit without drum body adds below lowHz is no hat's or
  // cymbal's (they add nothing there) but a kick's struck with it, when it stands above the body band: two classes
  const O = STEM_OVERLAP_PARAMETERS;
  const under = f.share[0]!;
  const overBody = f.addedDb[0]! - f.addedDb[1]!;
  if (
    hasNoBody(f) &&
    (cls === 'hihat' || cls === 'ride' || cls === 'crash') &&
    under >= O.kickUnderShare.value &&
    overBody >= O.kickUnderDb.value &&
    !(lowDb < (stem.kickLowDb ?? -Infinity) - O.kickUnderRangeDb.value)
  ) {
    const c = conf(margin(under, O.kickUnderShare.value), Math.min(1, (overBody - O.kickUnderDb.value) / 6));
    return {
      main: {
        cls: 'kick',
        confidence: c,
        reason:
          `${v.main.reason}; but it adds ${pct(under)} below ${STEM_PARAMETERS.lowHz.value} Hz (≥ ` +
          `${pct(O.kickUnderShare.value)}), ${overBody.toFixed(1)} dB over its body band (≥ ${O.kickUnderDb.value})` +
          (stem.kickLowDb !== undefined
            ? ` and within ${O.kickUnderRangeDb.value} dB of the stem's kicks (${lowDb.toFixed(1)} against ` +
              `${stem.kickLowDb.toFixed(1)})`
            : '') +
          ': a kick struck with it',
      },
      second: { ...v.main, reason: `${v.main.reason} (struck with a kick)` },
    };
  }
  // 0b. a "kick" whose added spectrum centres at or above hatCentroidHz is no membrane (h-dxcls12; a kick's centres
  // at 50–400 Hz, its click included): a hat or cymbal struck into the ring of one like it adds nothing new in its
  // own bands (under minGainDb) while its low end rose — a kick under it when its kick band is kick-like
  const T = STEM_KICK_PARAMETERS;
  const centroid = f.centroidHz ?? NaN;
  if (cls === 'kick' && centroid >= S.hatCentroidHz.value) {
    const c = conf(margin(centroid, S.hatCentroidHz.value));
    const why = `${v.main.reason}, but what it adds centres at ${centroid.toFixed(0)} Hz (≥ ${S.hatCentroidHz.value})`;
    // a cymbal heard ringing under it (the band rule's second, a crash) stays that second; else a hat over the kick
    if (kickLike) return v.second ? v : kickAndHat(`${why}; ${kickText()}`, c);
    return { main: { cls: 'hihat', confidence: c, reason: `${why}: no membrane, a hat whose own bands were masked` } };
  }
  // 1. noise is no membrane: a "kick" or "tom" whose added spectrum is flat is a hat whose ring reaches down
  if ((cls === 'kick' || cls === 'tom') && flat >= S.drumFlatness.value) {
    const c = conf(margin(flat, S.drumFlatness.value));
    const why = `${v.main.reason}, but what it adds is noise (flatness ${flat.toFixed(3)} ≥ ${S.drumFlatness.value})`;
    if (kickLike) return kickAndHat(`${why}; ${kickText()}`, c);
    return { main: { cls: 'hihat', confidence: c, reason: `${why}: a hat whose ring reaches below midHz` } };
  }
  // 2. a "snare" that is white noise without body partials: an FM or electronic hat
  if (cls === 'snare' && flat >= S.noiseHatFlatness.value)
    return {
      main: {
        cls: 'hihat',
        confidence: conf(margin(flat, S.noiseHatFlatness.value)),
        reason:
          `${v.main.reason}, but what it adds is white noise (flatness ${flat.toFixed(3)} ≥ ` +
          `${S.noiseHatFlatness.value}): a hat with a low ring`,
      },
    };
  // 3. a "snare" or "tom" that adds a kick's kick band and no more body over it than the kick: kick + hat
  if ((cls === 'snare' || cls === 'tom') && kickLike && stem.kickBodyOverLowDb !== undefined) {
    const bodyOverLow = f.addedDb[1]! - lowDb;
    const edge = stem.kickBodyOverLowDb + S.kickBodyDb.value;
    if (bodyOverLow <= edge)
      return kickAndHat(
        `${kickText()} and its body band only ${bodyOverLow.toFixed(1)} dB over it (≤ ${edge.toFixed(1)}, the ` +
          `kicks' + ${S.kickBodyDb.value})`,
        // 0 at either edge, 1 at 6 dB inside both
        conf((lowDb - stem.kickLowDb! + S.kickLikeDb.value) / 6, (edge - bodyOverLow) / 6, 1),
      );
  }
  // 4. a "tom" with a kick's kick band, centred near the stem's kicks (h-dxcls11): a kick whose click or beater
  // lifted its body band (a double kick in the first's tail, a kick under a hat); a kit's toms sit above its kick
  if (cls === 'tom' && kickLike && stem.kickCentroidHz !== undefined) {
    const ratio = T.tomKickRatio.value;
    const [lo, hi] = [stem.kickCentroidHz / ratio, ratio * stem.kickCentroidHz];
    if (centroid >= lo && centroid <= hi)
      return {
        main: {
          cls: 'kick',
          confidence: conf(
            (lowDb - stem.kickLowDb! + S.kickLikeDb.value) / 6,
            margin(centroid, lo),
            margin(centroid, hi),
            1,
          ),
          reason:
            `${v.main.reason}; but ${kickText()} and it centres at ${centroid.toFixed(0)} Hz, within ${ratio}× of ` +
            `the kicks' ${stem.kickCentroidHz.toFixed(0)} Hz (${lo.toFixed(0)}–${hi.toFixed(0)}): a kick`,
        },
        ...(v.second ? { second: v.second } : {}),
      };
  }
  return v;
}

/** The class by the stem's bands and the hit's centroid alone (the first part of classifyStemHit). */
function classifyByBands(f: StemFeatures, stem: StemContext): { main: Verdict; second?: Verdict } {
  const [low, body, wires, top] = f.share as [number, number, number, number];
  const topDecay = f.decayMs[3]!;
  const S = STEM_CLASS_PARAMETERS;
  const decayText = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : 'unknown (next hit too soon)');
  const cymbalUnder = (): Verdict | undefined =>
    topDecay >= S.cymbalDecayMs.value
      ? {
          cls: 'crash',
          confidence: conf(margin(topDecay, S.cymbalDecayMs.value)),
          reason: `its top band rings ${decayText(topDecay)} (≥ ${S.cymbalDecayMs.value}): a cymbal struck with it`,
        }
      : undefined;
  const second = (v: Verdict) => {
    const c = cymbalUnder();
    return c ? { main: v, second: c } : { main: v };
  };
  if (low >= S.kickLowShare.value)
    return second({
      cls: 'kick',
      confidence: conf(margin(low, S.kickLowShare.value)),
      reason: `${pct(low)} of what it adds is below ${STEM_PARAMETERS.lowHz.value} Hz (≥ ${pct(S.kickLowShare.value)})`,
    });
  const drum = low + body;
  if (drum < S.cymbalBodyShare.value) {
    const lm = margin(Math.max(drum, 0.005), S.cymbalBodyShare.value);
    const ringing = topDecay >= S.cymbalDecayMs.value;
    const why = `${pct(drum)} below ${STEM_PARAMETERS.midHz.value} Hz, top band decays ${decayText(topDecay)}`;
    const centroid = f.centroidHz ?? NaN;
    const hatsName = stem.hatReference ?? 'clear hats';
    const refText = stem.hatCentroidHz !== undefined ? `, ${S.brushHatRatio.value} of the stem's ${hatsName}` : '';
    // a brushed snare: broadband noise mostly below highHz, an octave or more below the stem's hats
    const edge =
      stem.hatCentroidHz !== undefined ? S.brushHatRatio.value * stem.hatCentroidHz : S.brushCentroidHz.value;
    if (!ringing && top < S.brushTopShare.value && centroid < edge)
      return {
        main: {
          cls: 'snare',
          confidence: conf(margin(Math.max(top, 0.01), S.brushTopShare.value), margin(centroid, edge)),
          reason:
            `no drum body, but only ${pct(top)} above ${STEM_PARAMETERS.highHz.value} Hz (< ` +
            `${pct(S.brushTopShare.value)}) and centred at ${centroid.toFixed(0)} Hz (< ${edge.toFixed(0)}` +
            `${refText}): brushes`,
        },
      };
    if (!ringing)
      return {
        main: {
          cls: 'hihat',
          confidence: conf(lm, Number.isFinite(topDecay) ? margin(topDecay, S.cymbalDecayMs.value) : 0.3),
          reason: `no drum body, short: ${why} (< ${S.cymbalDecayMs.value})`,
        },
      };
    // a long ring with the spectrum of the stem's own hats (not an octave below them) is an open hat
    const hatEdge = stem.hatCentroidHz !== undefined ? S.brushHatRatio.value * stem.hatCentroidHz : undefined;
    if (hatEdge !== undefined && centroid >= hatEdge)
      return {
        main: {
          cls: 'hihat',
          confidence: conf(lm, margin(centroid, hatEdge)),
          reason:
            `no drum body, ringing (${why}), but centred at ${centroid.toFixed(0)} Hz (≥ ${hatEdge.toFixed(0)}, ` +
            `${S.brushHatRatio.value} of the stem's ${hatsName}): an open hat`,
        },
      };
    const ride = top >= wires;
    return {
      main: {
        cls: ride ? 'ride' : 'crash',
        confidence: conf(lm, margin(topDecay, S.cymbalDecayMs.value)),
        reason:
          `no drum body, ringing: ${why}; top ${pct(top)} against ${pct(wires)} between ` +
          `${STEM_PARAMETERS.midHz.value} and ${STEM_PARAMETERS.highHz.value} Hz (${ride ? 'ping' : 'wash'})`,
      },
    };
  }
  const centroid = f.centroidHz ?? NaN;
  const drumEdge =
    stem.hatReference === 'clear hats' && stem.hatCentroidHz !== undefined
      ? S.brushHatRatio.value * stem.hatCentroidHz
      : undefined;
  if (centroid >= S.hatCentroidHz.value && drumEdge !== undefined && centroid < drumEdge)
    return second({
      cls: 'snare',
      confidence: conf(margin(centroid, S.hatCentroidHz.value), margin(centroid, drumEdge)),
      reason:
        `a drum (${pct(drum)} below ${STEM_PARAMETERS.midHz.value} Hz) centred at ${centroid.toFixed(0)} Hz: ` +
        `bright (≥ ${S.hatCentroidHz.value}), but below ${drumEdge.toFixed(0)} (${S.brushHatRatio.value} of the ` +
        `stem's clear hats): a brushed or bright snare, not a hat`,
    });
  if (centroid >= S.hatCentroidHz.value)
    return second({
      cls: 'hihat',
      confidence: conf(margin(centroid, S.hatCentroidHz.value)),
      reason:
        `${pct(drum)} below ${STEM_PARAMETERS.midHz.value} Hz, but what it adds centres (log-frequency mean) ` +
        `at ${centroid.toFixed(0)} Hz (≥ ${S.hatCentroidHz.value}): a hat with a low ring, not a drum`,
    });
  const snare = !(topDecay < S.snareTopDecayMs.value);
  return second({
    cls: snare ? 'snare' : 'tom',
    confidence: conf(
      margin(Math.max(low, 0.005), S.kickLowShare.value),
      Number.isFinite(topDecay) ? margin(topDecay, S.snareTopDecayMs.value) : 0.3,
    ),
    reason:
      `a drum (${pct(drum)} below ${STEM_PARAMETERS.midHz.value} Hz) whose top band decays in ` +
      `${decayText(topDecay)} (${snare ? `wires: ≥ ${S.snareTopDecayMs.value} ms, or unknown` : 'no wires'})`,
  });
}
