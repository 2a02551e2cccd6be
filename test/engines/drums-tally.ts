/**
 * The drum tests' bar of placed strokes (h-dxtom48): `bar` repeated `repeats` times, one step (samples) per entry
 * (`-`: a rest), the k-th stroke `stroke(piece)` scaled by `gain(k)`, from sample 2000 on, one second of tail; the
 * stem analysed by StemAnalyzer in 8192-sample blocks, and each placed stroke (the truth) counted under
 * `piece->class` of the main hit found within 20 ms of it (`none`: no hit). For the tests of stem.ts's
 * classification rules that place analytic strokes (drums-tonaltom; the older drums-maskedkick, drums-bellring and
 * drums-hatshell write it out).
 */
import { StemAnalyzer } from '../../src/engines/drums/stem.js';

export function tallyBar<P extends string>(
  bar: P[],
  repeats: number,
  step: number,
  stroke: (piece: P) => Float64Array,
  gain: (k: number) => number,
  rate: number,
): Record<string, number> {
  const x = new Float32Array(step * bar.length * repeats + rate);
  const truth: { at: number; piece: P }[] = [];
  for (let k = 0; k < bar.length * repeats; k++) {
    const piece = bar[k % bar.length]!;
    if (piece === '-') continue;
    const at = 2000 + k * step;
    truth.push({ at, piece });
    const s = stroke(piece);
    for (let i = 0; i < s.length && at + i < x.length; i++) x[at + i]! += gain(k) * s[i]!;
  }
  const a = new StemAnalyzer(rate);
  for (let i = 0; i < x.length; i += 8192) a.push(x.subarray(i, i + 8192));
  const hits = a.finish().filter((h) => !h.secondary);
  const out: Record<string, number> = {};
  for (const t of truth) {
    const key = `${t.piece}->${hits.find((h) => Math.abs(h.start - t.at) <= 0.02 * rate)?.cls ?? 'none'}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
