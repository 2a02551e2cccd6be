/**
 * Order statistics for the engines: one selection (Hoare's, on a copy: O(n) expected, no sort)
 * behind every median and percentile. The rank rule is the caller's, spelled out where it is used.
 */

/**
 * The k-th smallest value of xs (k from 0), found by partitioning a copy: `scratch` when it is long
 * enough (no allocation in a loop), a new array otherwise. After the call scratch[0, k) ≤ result.
 */
export function kthSmallest(xs: ArrayLike<number>, k: number, scratch?: Float64Array): number {
  const n = xs.length;
  if (!(k >= 0 && k < n)) throw new RangeError(`rank ${k} outside 0..${n - 1}`);
  const a = scratch && scratch.length >= n ? scratch : new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = xs[i]!;
  return selectInPlace(a, 0, n - 1, k);
}

/**
 * The value at rank k (lo ≤ k ≤ hi) of a[lo, hi] in ascending order, in place: Hoare partitions around the median of
 * three leave a[lo, k) ≤ a[k] ≤ a(k, hi]. NaN-free input (the caller's rule for NaN).
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    // median of three as the pivot; partition [lo, hi] around it
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!,
      y = a[mid]!,
      z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * The value at quantile q (0..1) of xs: rank floor(q·(n − 1)) ('lower') or round(q·(n − 1))
 * ('nearest'); undefined for no values.
 */
export function quantile(xs: ArrayLike<number>, q: number, rank: 'lower' | 'nearest' = 'lower'): number | undefined {
  const n = xs.length;
  if (n === 0) return undefined;
  const r = q * (n - 1);
  return kthSmallest(xs, Math.max(0, Math.min(n - 1, Math.floor(rank === 'nearest' ? r + 0.5 : r))));
}

/** The median: the middle value, the mean of the two middle ones for an even count; undefined for none. */
export function median(xs: ArrayLike<number>, scratch?: Float64Array): number | undefined {
  const n = xs.length;
  if (n === 0) return undefined;
  const a = scratch && scratch.length >= n ? scratch : new Float64Array(n);
  const upper = kthSmallest(xs, n >> 1, a);
  if (n % 2) return upper;
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** The first index of the ascending `sorted` whose value is not below `x` (sorted.length when there is none). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
