import type { Speaker } from '../../io/format.js';

/**
 * BS.1770-4 channel weights G_i (Table 3): front and centre 1.0, surrounds at ±60°–120°
 * (side, or the back pair of a 5.x layout, which BS.775 places at ±110°) 1.41, LFE excluded (0),
 * everything else 1.0.
 */
export function channelWeights(speakers: Speaker[]): number[] {
  const hasSides = speakers.includes('SL') || speakers.includes('SR');
  return speakers.map((s) => {
    if (s === 'LFE') return 0;
    if (s === 'SL' || s === 'SR') return 1.41;
    if ((s === 'BL' || s === 'BR') && !hasSides) return 1.41;
    return 1.0;
  });
}
