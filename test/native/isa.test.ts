/**
 * Every run-time dispatched native kernel (native/src/isa.h) can be forced to each instruction
 * set with SHUB_NATIVE_ISA, and every variant computes the same results.
 *
 * The kernel variant is chosen once per process, so each variant runs in a child process; the
 * child reports nativeIsa() so the test knows what really ran. The CPU's best set is read
 * independently from /proc/cpuinfo.
 *
 * Why not bit-identical: the AVX2 and AVX-512 builds contract a·b + c into fused multiply-adds
 * (one rounding instead of two; the build uses -ffp-contract=fast), and the true-peak
 * refinement sums its taps in a grouping that depends on the vector width. Nothing is
 * reassociated otherwise (no -ffast-math), so the variants differ by a few float roundings per
 * output: each float rounding is at most 2^-24 ≈ 6e-8 of the value, and the IIR filters,
 * compressors and limiters are stable (their state forgets a rounding instead of amplifying
 * it). The tolerance is therefore 1e-6 of the stream's peak for sample streams (≈ 16 float
 * roundings; measured on an AVX-512 EPYC: ≤ 2.7e-7) and 1e-6 relative for scalar results
 * (levels in LUFS/dB, peaks, RMS, feature means; measured ≤ 2.6e-7). Scalars smaller than 1e-3
 * in magnitude — the DC means of zero-mean signals, sums that cancel to ~1e-5 — are compared
 * against 1e-3 instead of themselves: their rounding error scales with the signal, not with
 * what is left after the cancellation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { FAMILIES, type Family, type FamilyResult } from './isa-families.js';

type Isa = 'baseline' | 'avx2' | 'avx512';
const ORDER: Isa[] = ['baseline', 'avx2', 'avx512'];

/** The best set the CPU has, from /proc/cpuinfo (the same rule as native/src/isa.cc). */
function cpuBest(): Isa {
  if (process.arch !== 'x64') return 'baseline';
  const flags = new Set(
    (/^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '').trim().split(/\s+/),
  );
  const has = (...f: string[]) => f.every((x) => flags.has(x));
  if (has('avx512f', 'avx512vl', 'avx512bw', 'avx512dq', 'fma')) return 'avx512';
  if (has('avx2', 'fma')) return 'avx2';
  return 'baseline';
}

const linuxOrOther = process.platform === 'linux' || process.arch !== 'x64';
const BEST: Isa = linuxOrOther ? cpuBest() : 'avx512';
/** The variants this CPU can run. */
const VARIANTS = ORDER.slice(0, ORDER.indexOf(BEST) + 1);

const familiesUrl = new URL('./isa-families.js', import.meta.url).href;
const nativeUrl = new URL('../../src/native.js', import.meta.url).href;
const CHILD = `
  import { native } from ${JSON.stringify(nativeUrl)};
  import { runFamily } from ${JSON.stringify(familiesUrl)};
  const out = { isa: native().nativeIsa(), results: {} };
  for (const f of process.argv.slice(1)) out.results[f] = await runFamily(f);
  process.stdout.write(JSON.stringify(out));
`;

interface ChildOut {
  isa: Isa;
  results: Partial<Record<Family, FamilyResult>>;
  stderr: string;
}

async function child(isa: string | undefined, families: readonly Family[]): Promise<ChildOut> {
  const env = { ...process.env };
  delete env.SHUB_NATIVE_ISA;
  if (isa !== undefined) env.SHUB_NATIVE_ISA = isa;
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', CHILD, ...families],
    { env, maxBuffer: 256 * 1024 * 1024 },
  );
  return { ...(JSON.parse(stdout) as Omit<ChildOut, 'stderr'>), stderr };
}

test(
  'nativeIsa() is the CPU best by default; SHUB_NATIVE_ISA forces a lower set and caps at the CPU',
  {
    skip: linuxOrOther ? false : 'the CPU flags are read from /proc/cpuinfo (Linux)',
  },
  async () => {
    assert.equal((await child(undefined, [])).isa, BEST);
    assert.equal((await child('', [])).isa, BEST, 'an empty value is no cap');
    for (const isa of ORDER) {
      const want = ORDER[Math.min(ORDER.indexOf(isa), ORDER.indexOf(BEST))];
      const got = await child(isa, []);
      assert.equal(got.isa, want, `SHUB_NATIVE_ISA=${isa}`);
      assert.equal(got.stderr, '', `no warning for SHUB_NATIVE_ISA=${isa}`);
    }
  },
);

test('an unknown SHUB_NATIVE_ISA is ignored with a warning naming the valid values', async () => {
  const got = await child('avx3', []);
  assert.equal(got.isa, BEST);
  assert.match(got.stderr, /SHUB_NATIVE_ISA=avx3 is not one of baseline, avx2, avx512: ignored/);
});

/** Every variant's results, computed once (one child per variant, all families in each). */
let runs: Promise<Map<Isa, ChildOut>> | undefined;
function allRuns(): Promise<Map<Isa, ChildOut>> {
  runs ??= (async () => {
    const out = new Map<Isa, ChildOut>();
    for (const isa of VARIANTS) out.set(isa, await child(isa, FAMILIES));
    return out;
  })();
  return runs;
}

const TOLERANCE = 1e-6;

/** max |a − b| over the stream, relative to the stream's peak |b|. */
function streamDiff(a: number[], b: number[]): number {
  assert.equal(a.length, b.length, 'stream length');
  let peak = 0;
  let diff = 0;
  for (let i = 0; i < b.length; i++) {
    peak = Math.max(peak, Math.abs(b[i]!));
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
  }
  assert.ok(peak > 0, 'a silent stream proves nothing');
  return diff / peak;
}

/** max relative difference of scalar results, relative to max(|value|, 1e-3) (NaN must match NaN). */
function scalarDiff(a: number[], b: number[]): number {
  assert.equal(a.length, b.length, 'result count');
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    if (Number.isNaN(b[i]!)) {
      assert.ok(Number.isNaN(a[i]!), `#${i}: ${a[i]} where the baseline has no value`);
      continue;
    }
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), 1e-3));
  }
  return worst;
}

/** Result keys compared as sample streams; the rest are scalars. */
const STREAMS = new Set(['mix', 'print', 'out48', 'out44', 'odf', 'meanPower', 'chroma']);

for (const family of FAMILIES) {
  const title = `${family}: every instruction set (${VARIANTS.join(', ')}) gives the baseline's results`;
  test(`${title} within ${TOLERANCE}`, async () => {
    const all = await allRuns();
    const base = all.get('baseline')!;
    assert.equal(base.isa, 'baseline');
    const ref = base.results[family]!;
    for (const isa of VARIANTS.slice(1)) {
      const got = all.get(isa)!;
      assert.equal(got.isa, isa, `the child forced to ${isa} ran ${got.isa}`);
      const res = got.results[family]!;
      assert.deepEqual(Object.keys(res), Object.keys(ref));
      let worst = 0;
      for (const key of Object.keys(ref)) {
        const d = STREAMS.has(key) ? streamDiff(res[key]!, ref[key]!) : scalarDiff(res[key]!, ref[key]!);
        process.stdout.write(`# ${family}.${key} ${isa} vs baseline: ${d.toExponential(2)}\n`);
        assert.ok(d <= TOLERANCE, `${family}.${key}: ${isa} differs from baseline by ${d} (> ${TOLERANCE})`);
        worst = Math.max(worst, d);
      }
      // the FMA builds round differently somewhere: bit-identical results would mean the forced
      // variant never reached these kernels
      assert.ok(worst > 0, `${family}: ${isa} gave bit-identical results to baseline`);
    }
  });
}
