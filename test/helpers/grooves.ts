/**
 * Generated tempo-engine inputs for a looped one-bar drum pattern (the tempo tests': tempo-twobeat, tempo-swing): the
 * full-band and low-band onset envelopes, the onset flux's four groups at half the hop (low, mid, high, top; the
 * fifth column, the timbre novelty, left at 0) and the onset times.
 */

export const HOP = 512 / 44100;
export const SECONDS = 24;

/** [full band, low band (< 150 Hz), flux low, mid, high, top] of one hit. */
export type Hit = readonly [number, number, number, number, number, number];

/** Envelopes of a one-bar pattern (quarter-note positions) looped at `bpm` for 24 s. */
export function groove(bpm: number, parts: [number[], Hit][]) {
  const spb = 60 / bpm;
  const n = Math.round(SECONDS / HOP);
  const odf = new Float32Array(n);
  const odfLow = new Float32Array(n);
  // the onset flux at half the hop: low, mid, high, top groups and the timbre novelty
  const flux = new Float32Array(2 * n * 5);
  const onsetTimes: number[] = [];
  const hit = (t: number, h: Hit) => {
    const i = Math.round(t / HOP);
    for (let k = 0; k < 3 && i + k < n; k++) {
      odf[i + k]! += h[0] * 0.5 ** k;
      odfLow[i + k]! += h[1] * 0.5 ** k;
    }
    const j = Math.round((2 * t) / HOP);
    for (let g = 0; g < 4; g++) flux[j * 5 + g]! += h[2 + g]!;
    onsetTimes.push(t);
  };
  for (let bar = 0; (bar + 1) * 4 * spb < SECONDS; bar++)
    for (const [positions, h] of parts) for (const q of positions) hit((bar * 4 + q) * spb, h);
  onsetTimes.sort((a, b) => a - b);
  return { odf, odfLow, hopSeconds: HOP, onsetTimes, flux: { values: flux, groups: 5, hopSeconds: HOP / 2 } };
}
