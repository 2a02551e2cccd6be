/**
 * The drum rule tests' tally (h-dxhat48, shared by drums-bellring, -hatmode, -hatpartial, -hatshell, -maskedkick):
 * a rendered stem fed to StemAnalyzer in 8192-sample blocks, and per struck piece of the truth (where the generator
 * struck it, in samples), how many were read as each class by the main hit within 20 ms (`none`: no hit there).
 */
import { StemAnalyzer } from '../../src/engines/drums/stem.js';

export function tallyStem(
  x: Float32Array,
  truth: { at: number; piece: string }[],
  rate: number,
): Record<string, number> {
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
