#include "featureextractor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "isa.h"
#include "lowthread.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace shub {

namespace {

constexpr size_t kChunk = 4096;
constexpr int kPitchBins = 120;  // 10 cents per bin
constexpr int kHalfBandTaps = 31;

std::string num(double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%.15g", v);
  return b;
}

bool isPow2(int n) { return n > 0 && (n & (n - 1)) == 0; }

/** log2 to ~1e-4: exponent bits plus a cubic on the mantissa in [1, 2). x must be > 0. */
SHUB_ALWAYS_INLINE float fastLog2(float x) {
  int32_t i;
  std::memcpy(&i, &x, 4);
  const float e = static_cast<float>(((i >> 23) & 255) - 127);
  const int32_t mi = (i & 0x007fffff) | 0x3f800000;
  float m;
  std::memcpy(&m, &mi, 4);
  // minimax-style fit of log2(m) on [1, 2)
  const float p = ((0.15824870f * m - 1.05187502f) * m + 3.04788415f) * m - 2.15404577f;
  return e + p;
}

/** Σ log2(p[k] + floor) over n values (flatness numerator), vectorizable. */
SHUB_ALWAYS_INLINE double sumLog2Body(const float* p, size_t n, float floor) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t k = 0;
  for (; k + 8 <= n; k += 8)
    for (int l = 0; l < 8; ++l) acc[l] += fastLog2(p[k + l] + floor);
  double s = 0;
  for (int l = 0; l < 8; ++l) s += acc[l];
  for (; k < n; ++k) s += fastLog2(p[k] + floor);
  return s;
}

SHUB_ISA_KERNEL(double, sumLog2, (const float* p, size_t n, float floor), (p, n, floor))

SHUB_ALWAYS_INLINE void powerSpectrumBody(const float* re, const float* im, const float* scale, float* p, float* mag,
                                          size_t n) {
  for (size_t k = 0; k < n; ++k) {
    const float v = (re[k] * re[k] + im[k] * im[k]) * scale[k];
    p[k] = v;
    mag[k] = std::sqrt(v);
  }
}

SHUB_ISA_KERNEL(void, powerSpectrum,
                (const float* re, const float* im, const float* scale, float* p, float* mag, size_t n),
                (re, im, scale, p, mag, n))

SHUB_ALWAYS_INLINE void windowFrameBody(const float* x, const float* w, float* out, size_t n) {
  for (size_t i = 0; i < n; ++i) out[i] = x[i] * w[i];
}

SHUB_ISA_KERNEL(void, windowFrame, (const float* x, const float* w, float* out, size_t n), (x, w, out, n))

/**
 * One pass of per-frame sums over the spectrum, in 8 independent lanes (vectorized): out[0] Σp,
 * out[1] Σm, out[2] Σf·m, out[3] Σf²·m, out[4] Σm²; and psd[k] += p[k].
 */
SHUB_ALWAYS_INLINE void spectrumSumsBody(const float* p, const float* m, const float* f, double* psd, size_t n,
                                         double* out) {
  double a0[8] = {0}, a1[8] = {0}, a2[8] = {0}, a3[8] = {0}, a4[8] = {0};
  size_t k = 0;
  for (; k + 8 <= n; k += 8)
    for (int l = 0; l < 8; ++l) {
      const double pv = p[k + l], mv = m[k + l], fv = f[k + l];
      psd[k + l] += pv;
      a0[l] += pv;
      a1[l] += mv;
      a2[l] += fv * mv;
      a3[l] += fv * fv * mv;
      a4[l] += mv * mv;
    }
  for (; k < n; ++k) {
    const double pv = p[k], mv = m[k], fv = f[k];
    psd[k] += pv;
    a0[0] += pv;
    a1[0] += mv;
    a2[0] += fv * mv;
    a3[0] += fv * fv * mv;
    a4[0] += mv * mv;
  }
  for (int i = 0; i < 5; ++i) out[i] = 0;
  for (int l = 0; l < 8; ++l) {
    out[0] += a0[l];
    out[1] += a1[l];
    out[2] += a2[l];
    out[3] += a3[l];
    out[4] += a4[l];
  }
}

SHUB_ISA_KERNEL(void, spectrumSums,
                (const float* p, const float* m, const float* f, double* psd, size_t n, double* out),
                (p, m, f, psd, n, out))

/** Σ (m[k]·inv − prev[k])² in 8 lanes, and prev[k] = m[k]·inv (flux between normalized spectra). */
SHUB_ALWAYS_INLINE double normalizedFluxBody(const float* m, float inv, float* prev, size_t n) {
  double acc[8] = {0};
  size_t k = 0;
  for (; k + 8 <= n; k += 8)
    for (int l = 0; l < 8; ++l) {
      const float v = m[k + l] * inv;
      const float d = v - prev[k + l];
      acc[l] += static_cast<double>(d) * d;
      prev[k + l] = v;
    }
  for (; k < n; ++k) {
    const float v = m[k] * inv;
    const float d = v - prev[k];
    acc[0] += static_cast<double>(d) * d;
    prev[k] = v;
  }
  double s = 0;
  for (int l = 0; l < 8; ++l) s += acc[l];
  return s;
}

SHUB_ISA_KERNEL(double, normalizedFlux, (const float* m, float inv, float* prev, size_t n), (m, inv, prev, n))

/** s[c] += Σ_{j in [from, to)} w[c][j]·x[c][j] for K chains side by side, each in j order (the chains overlap). */
template <int K, class T>
SHUB_ALWAYS_INLINE void chainSums(const float* const* w, const float* const* x, size_t from, size_t to, T* s) {
  T a[K];
  for (int c = 0; c < K; ++c) a[c] = s[c];
  for (size_t j = from; j < to; ++j)
    for (int c = 0; c < K; ++c) a[c] += static_cast<T>(w[c][j]) * x[c][j];
  for (int c = 0; c < K; ++c) s[c] = a[c];
}

/**
 * e[i] = Σ_j w_i[j]·p[lo_i + j] for nb <= 4 bands (band(i) gives w_i, its length and lo_i), each summed in j order in
 * T (double: products of floats are exact in it; float: each product rounded, then added, as one band at a time
 * does). Four bands of nondecreasing lengths (the usual case: filters widen upwards) run side by side so that their
 * chains of dependent additions overlap: the four up to the first's length, the last three up to the second's, the
 * last two up to the third's, the last alone; any other group one band after the other (the same sums either way).
 */
template <class T, class Band>
SHUB_ALWAYS_INLINE void bandSums4(int nb, Band band, const float* p, T* e) {
  const float* w[4];
  const float* x[4];
  size_t len[4];
  for (int i = 0; i < nb; ++i) {
    size_t lo;
    band(i, w[i], len[i], lo);
    x[i] = p + lo;
  }
  if (nb == 4 && len[0] <= len[1] && len[1] <= len[2] && len[2] <= len[3]) {
    T s[4] = {0, 0, 0, 0};
    chainSums<4>(w, x, 0, len[0], s);
    chainSums<3>(w + 1, x + 1, len[0], len[1], s + 1);
    chainSums<2>(w + 2, x + 2, len[1], len[2], s + 2);
    chainSums<1>(w + 3, x + 3, len[2], len[3], s + 3);
    for (int i = 0; i < 4; ++i) e[i] = s[i];
    return;
  }
  for (int i = 0; i < nb; ++i) {
    T s = 0;
    chainSums<1>(w + i, x + i, 0, len[i], &s);
    e[i] = s;
  }
}

double slaneyMel(double f) {
  const double fsp = 200.0 / 3.0, minLog = 1000.0, minLogMel = minLog / fsp, step = std::log(6.4) / 27.0;
  return f < minLog ? f / fsp : minLogMel + std::log(f / minLog) / step;
}

double slaneyHz(double m) {
  const double fsp = 200.0 / 3.0, minLog = 1000.0, minLogMel = minLog / fsp, step = std::log(6.4) / 27.0;
  return m < minLogMel ? m * fsp : minLog * std::exp(step * (m - minLogMel));
}

/** Half-band FIR decimator by 2 (Kaiser-windowed sinc, cutoff fs/4). */
class HalfBand {
 public:
  HalfBand() : taps_(kHalfBandTaps), hist_(kHalfBandTaps - 1, 0.0f) {
    const int L = kHalfBandTaps, c = (L - 1) / 2;
    const double beta = 7.0;
    auto i0 = [](double x) {
      double s = 1, t = 1;
      for (int k = 1; k < 60; ++k) {
        t *= (x / 2) * (x / 2) / (static_cast<double>(k) * k);
        s += t;
      }
      return s;
    };
    double sum = 0;
    std::vector<double> h(L);
    for (int n = 0; n < L; ++n) {
      const double t = n - c;
      // the taps at even distances from the centre are zero (sin(πt/2) = 0): set exactly, skipped below
      const double sinc = t == 0 ? 0.5 : (n - c) % 2 == 0 ? 0.0 : std::sin(M_PI * 0.5 * t) / (M_PI * t);
      const double r = t / c;
      h[n] = sinc * i0(beta * std::sqrt(std::max(0.0, 1 - r * r))) / i0(beta);
      sum += h[n];
    }
    for (int n = 0; n < L; ++n) taps_[n] = static_cast<float>(h[n] / sum);
    for (int n = 0; n < L; n += 2) odd_.push_back(taps_[n]);  // (L − 1)/2 is odd: the nonzero side taps are even n
  }

  /** Appends the decimated output of `in[0..n)` to `out`. */
  void process(const float* in, size_t n, std::vector<float>& out) {
    const size_t L = static_cast<size_t>(kHalfBandTaps);
    buf_.resize(L - 1 + n);
    std::memcpy(buf_.data(), hist_.data(), (L - 1) * sizeof(float));
    std::memcpy(buf_.data() + L - 1, in, n * sizeof(float));
    const size_t c = (L - 1) / 2, K = odd_.size();
    // output o is at input j = j0 + 2o, x = buf_ + j: the centre tap reads x[L − 1 − c] (an odd offset from j0),
    // the others x[L − 1 − 2k] (even offsets). The two phases apart, each tap is one contiguous loop over the
    // outputs (vectorized), every output summed in the same order as tap by tap
    const size_t j0 = (count_ & 1u) ? 1 : 0;
    const size_t nOut = n > j0 ? (n - j0 + 1) / 2 : 0;
    if (nOut > 0) {
      const size_t ne = nOut + K - 1, no = nOut + c / 2 + 1;
      even_.resize(ne);
      odd1_.resize(no);
      for (size_t m = 0; m < ne; ++m) even_[m] = buf_[j0 + 2 * m];
      for (size_t m = 0; m < no; ++m) odd1_[m] = buf_[j0 + 1 + 2 * m];
      const size_t base = out.size();
      out.resize(base + nOut);
      float* y = out.data() + base;
      const float tc = taps_[c];
      const float* oc = odd1_.data() + (L - 1 - c - 1) / 2;
      for (size_t o = 0; o < nOut; ++o) y[o] = tc * oc[o];
      for (size_t k = 0; k < K; ++k) {
        const float t = odd_[k];
        const float* e = even_.data() + (L - 1) / 2 - k;
        for (size_t o = 0; o < nOut; ++o) y[o] += t * e[o];
      }
    }
    count_ += n;
    std::memcpy(hist_.data(), buf_.data() + n, (L - 1) * sizeof(float));
  }

 private:
  std::vector<float> taps_, odd_, hist_, buf_;  // odd_: the nonzero taps other than the centre
  std::vector<float> even_, odd1_;              // buf_'s two phases from the first output's input
  uint64_t count_ = 0;
};

/**
 * A value that beats a heap's top (`before(h[0], v)` false for a heap ordered by `before`: h[0] is the value every
 * other one comes before) takes the top's place and sinks to where it belongs: one sift down instead of pop_heap's
 * sift plus push_heap's (the heap holds the same values; their order in it may differ, and with it the order of
 * extremeSums' additions: q floats summed in double, exact unless they span more than about 2^24).
 */
template <class Before>
inline void replaceTop(float* h, size_t q, float v, Before before) {
  size_t i = 0;
  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= q) break;
    if (c + 1 < q && before(h[c], h[c + 1])) ++c;
    if (!before(v, h[c])) break;
    h[i] = h[c];
    i = c;
  }
  h[i] = v;
}

/**
 * Sums of the q smallest and the q largest of x[0..n) (q <= n), x untouched: a max-heap of the q
 * smallest and a min-heap of the q largest seen so far (n log q; most values fail the first
 * comparison). `work` holds 2q floats. With `skipBlocks` (the default), eight steps at a time are passed over
 * when none of their values beats a heap's top (two SSE2 compares per side): a heap's top changes only when a value
 * enters it, so the same values enter in the same order and both sums are the same to the bit (false: each step
 * compared alone; the tests' reference).
 */
void extremeSums(const float* x, size_t n, size_t q, float* work, double& lowSum, double& highSum,
                 bool skipBlocks = true) {
  float* low = work;       // max-heap: low[0] is the largest of the q smallest
  float* high = work + q;  // min-heap: high[0] is the smallest of the q largest
  const auto greater = [](float a, float b) { return a > b; };
  // magnitudes mostly fall with frequency: the largest are met first going up, the smallest going down,
  // so few values after the first q enter either heap
  for (size_t i = 0; i < q; ++i) {
    high[i] = x[i];
    low[i] = x[n - 1 - i];
  }
  std::make_heap(low, low + q);
  std::make_heap(high, high + q, greater);
  const auto stepAt = [&](size_t i) {
    const float v = x[i];
    if (v > high[0]) replaceTop(high, q, v, greater);
    const float u = x[n - 1 - i];
    if (u < low[0]) replaceTop(low, q, u, std::less<float>());
  };
  size_t i = q;
#if defined(__SSE2__) && defined(__GNUC__)
  if (skipBlocks) {
    // a NaN never enters a heap (`>` and `<` are false on it), and one of the first q values that is in a heap never
    // leaves it (only a top that a value beats is replaced, and nothing beats a NaN): that heap's sum is NaN whatever
    // enters after it, so the argument below needs only the heaps without NaN
    // steps i..i+7 read x[i..i+8) going up and x[n-8-i..n-i) going down; `>` and `<` are false on NaN, as
    // _mm_cmpgt_ps / _mm_cmplt_ps are
    for (; i + 8 <= n; i += 8) {
      const __m128 top = _mm_set1_ps(high[0]), bottom = _mm_set1_ps(low[0]);
      const float* down = x + (n - 8 - i);
      const unsigned hi4 = static_cast<unsigned>(_mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(x + i + 4), top)));
      const unsigned upBits = static_cast<unsigned>(_mm_movemask_ps(_mm_cmpgt_ps(_mm_loadu_ps(x + i), top))) | hi4 << 4;
      const unsigned lo4 = static_cast<unsigned>(_mm_movemask_ps(_mm_cmplt_ps(_mm_loadu_ps(down), bottom)));
      const unsigned dnBits = lo4 | static_cast<unsigned>(_mm_movemask_ps(_mm_cmplt_ps(_mm_loadu_ps(down + 4), bottom)))
                                        << 4;
      if ((upBits | dnBits) == 0) continue;
      // only the steps whose value beat the block's first tops: in a heap without NaN a top only moves inward
      // (high[0] up, low[0] down) as values enter, so a value that did not beat it then does not beat it later.
      // The two heaps are independent; each side's values are met in the order the steps meet them (going up:
      // bit 0 first; going down, x[n - 1 - k] for k = i.. is down[7 - (k - i)]: bit 7 first), each compared again
      // with the top of that moment, so the same values enter in the same order as step by step
      for (unsigned b = upBits; b != 0; b &= b - 1) {
        const float v = x[i + static_cast<size_t>(__builtin_ctz(b))];
        if (v > high[0]) replaceTop(high, q, v, greater);
      }
      for (unsigned b = dnBits; b != 0;) {
        const unsigned j = 31u - static_cast<unsigned>(__builtin_clz(b));
        b &= ~(1u << j);
        const float u = down[j];
        if (u < low[0]) replaceTop(low, q, u, std::less<float>());
      }
    }
  }
#else
  (void)skipBlocks;
#endif
  for (; i < n; ++i) stepAt(i);
  lowSum = 0;
  highSum = 0;
  for (size_t i = 0; i < q; ++i) {
    lowSum += low[i];
    highSum += high[i];
  }
}

#if defined(__SSE2__) && defined(__GNUC__)
/**
 * The 4 V largest of v[0..m) (Hi) or smallest (!Hi) into `out`, in order (largest / smallest first; lanes past m
 * hold −∞ / +∞), without a branch per value: each value enters a sorted run of 4 V lanes as run'[i] = max(run[i],
 * min(run[i − 1], v)) (Hi; run[−1] = +∞): the lanes above v's place keep theirs, v takes its place, the lanes below
 * move down one and the last falls out. v holds no NaN.
 */
template <size_t V, bool Hi>
void sortedExtremes(const float* v, size_t m, float* out) {
  const __m128 edge = _mm_set1_ps(Hi ? INFINITY : -INFINITY);
  __m128 run[V];
  for (size_t r = 0; r < V; ++r) run[r] = _mm_set1_ps(Hi ? -INFINITY : INFINITY);
  for (size_t k = 0; k < m; ++k) {
    const __m128 a = _mm_set1_ps(v[k]);
    __m128 prev = edge;
    for (size_t r = 0; r < V; ++r) {
      const __m128 up = _mm_castsi128_ps(
          _mm_or_si128(_mm_slli_si128(_mm_castps_si128(run[r]), 4), _mm_srli_si128(_mm_castps_si128(prev), 12)));
      prev = run[r];
      run[r] = Hi ? _mm_max_ps(run[r], _mm_min_ps(up, a)) : _mm_min_ps(run[r], _mm_max_ps(up, a));
    }
  }
  for (size_t r = 0; r < V; ++r) _mm_storeu_ps(out + 4 * r, run[r]);
}
#endif

/**
 * x's maxima and minima over S = 4 V interleaved subsets (x[i] in subset i mod S; n >= S) into `maxima` / `minima`;
 * false when x holds a NaN. SSE2.
 */
#if defined(__SSE2__) && defined(__GNUC__)
template <size_t V>
bool subsetExtremes(const float* x, size_t n, float* maxima, float* minima) {
  constexpr size_t S = 4 * V;
  __m128 hi[V], lo[V], nan = _mm_setzero_ps();
  for (size_t v = 0; v < V; ++v) {
    hi[v] = lo[v] = _mm_loadu_ps(x + 4 * v);
    nan = _mm_or_ps(nan, _mm_cmpunord_ps(hi[v], hi[v]));
  }
  size_t i = S;
  for (; i + S <= n; i += S) {
    for (size_t v = 0; v < V; ++v) {
      const __m128 a = _mm_loadu_ps(x + i + 4 * v);
      hi[v] = _mm_max_ps(hi[v], a);
      lo[v] = _mm_min_ps(lo[v], a);
      nan = _mm_or_ps(nan, _mm_cmpunord_ps(a, a));
    }
  }
  if (_mm_movemask_ps(nan) != 0) return false;
  for (size_t v = 0; v < V; ++v) {
    _mm_storeu_ps(maxima + 4 * v, hi[v]);
    _mm_storeu_ps(minima + 4 * v, lo[v]);
  }
  for (size_t j = i; j < n; ++j) {  // the tail: x[j] belongs to subset j mod S, as i is a multiple of S
    const float a = x[j];
    if (a != a) return false;
    maxima[j - i] = std::max(maxima[j - i], a);
    minima[j - i] = std::min(minima[j - i], a);
  }
  return true;
}
#endif

/**
 * The sums of the q smallest and the q largest of x[0..n) by selection, or false (then the caller runs extremeSums,
 * whose bits these are): a first pass keeps the largest and the smallest of each of S interleaved subsets (x[i] in
 * subset i mod S, S the multiple of 4 from q to q + 3); the q-th largest of those maxima, tHigh, has q values of x
 * at or above it (maxima, distinct values of x), so x's q largest are all >= tHigh: a second pass
 * gathers those (≈ 2–3 q on a spectrum) and a selection over them finds the q largest; the same on the other side with
 * the minima. The multisets are extremeSums' (its heaps hold x's q largest and q smallest when x has no NaN; equal
 * values are the same float but for ±0, which add nothing to a sum that is not all zeros and +0 to one that is).
 * Only the order of the additions differs, and it changes no bit when every partial sum is exact in double: with
 * each term a multiple of its ulp, which is > |v|·2^−24 (denormals included), every term is a multiple of a power
 * of two g > min|v≠0|·2^−24, and every partial sum is a multiple of g at most q·max|v| in size: exact when
 * q·max|v| < min|v≠0|·2^29 (then below g·2^53). Refused (false): q > kSelectMaxQ or n < S, a NaN anywhere
 * (extremeSums' heaps keep or skip it by position), a sum that fails that test (infinities included).
 * `work` holds 2n floats. SSE2 (the build's baseline on x86-64); elsewhere always false.
 */
constexpr size_t kSelectMaxQ = 16;

bool extremeSumsBySelection(const float* x, size_t n, size_t q, float* work, double& lowSum, double& highSum) {
#if defined(__SSE2__) && defined(__GNUC__)
  const size_t V = (q + 3) / 4, S = 4 * V;
  if (q > kSelectMaxQ || n < S) return false;
  float maxima[kSelectMaxQ], minima[kSelectMaxQ];
  bool ok = false;
  switch (V) {
    case 1:
      ok = subsetExtremes<1>(x, n, maxima, minima);
      break;
    case 2:
      ok = subsetExtremes<2>(x, n, maxima, minima);
      break;
    case 3:
      ok = subsetExtremes<3>(x, n, maxima, minima);
      break;
    default:
      ok = subsetExtremes<4>(x, n, maxima, minima);
  }
  if (!ok) return false;
  float* high = work;
  float* low = work + n;
  size_t nHigh = 0, nLow = 0;
  if (q == 1) {  // the extremes themselves
    high[nHigh++] = *std::max_element(maxima, maxima + S);
    low[nLow++] = *std::min_element(minima, minima + S);
  } else {
    // the q-th largest of the maxima (the (S − q + 1)-th smallest, S − q < 4) and the q-th smallest of the minima
    float fewest[4], most[4];
    sortedExtremes<1, false>(maxima, S, fewest);
    sortedExtremes<1, true>(minima, S, most);
    const float tHigh = fewest[S - q], tLow = most[S - q];
    const __m128 th = _mm_set1_ps(tHigh), tl = _mm_set1_ps(tLow);
    size_t j = 0;
    for (; j + 8 <= n; j += 8) {
      const __m128 a = _mm_loadu_ps(x + j), b = _mm_loadu_ps(x + j + 4);
      const unsigned up = static_cast<unsigned>(_mm_movemask_ps(_mm_cmpge_ps(a, th))) |
                          static_cast<unsigned>(_mm_movemask_ps(_mm_cmpge_ps(b, th))) << 4;
      const unsigned dn = static_cast<unsigned>(_mm_movemask_ps(_mm_cmple_ps(a, tl))) |
                          static_cast<unsigned>(_mm_movemask_ps(_mm_cmple_ps(b, tl))) << 4;
      if ((up | dn) == 0) continue;
      for (unsigned m = up; m != 0; m &= m - 1) high[nHigh++] = x[j + static_cast<size_t>(__builtin_ctz(m))];
      for (unsigned m = dn; m != 0; m &= m - 1) low[nLow++] = x[j + static_cast<size_t>(__builtin_ctz(m))];
    }
    for (; j < n; ++j) {
      if (x[j] >= tHigh) high[nHigh++] = x[j];
      if (x[j] <= tLow) low[nLow++] = x[j];
    }
    // the selection: q of the sorted extremes (4 V >= q lanes, at least q of them gathered values)
    float top[kSelectMaxQ], bottom[kSelectMaxQ];
    switch (V) {
      case 1:
        sortedExtremes<1, true>(high, nHigh, top);
        sortedExtremes<1, false>(low, nLow, bottom);
        break;
      case 2:
        sortedExtremes<2, true>(high, nHigh, top);
        sortedExtremes<2, false>(low, nLow, bottom);
        break;
      case 3:
        sortedExtremes<3, true>(high, nHigh, top);
        sortedExtremes<3, false>(low, nLow, bottom);
        break;
      default:
        sortedExtremes<4, true>(high, nHigh, top);
        sortedExtremes<4, false>(low, nLow, bottom);
    }
    std::memcpy(high, top, q * sizeof(float));
    std::memcpy(low, bottom, q * sizeof(float));
  }
  // sums from 0 as extremeSums' (an all-zero sum is +0); each vouched for by the exactness test above
  const auto exactSum = [q](const float* v, double& sum) {
    double s = 0;
    float most = 0, least = INFINITY;
    for (size_t k = 0; k < q; ++k) {
      s += v[k];
      const float a = std::fabs(v[k]);
      most = std::max(most, a);
      if (a > 0) least = std::min(least, a);
    }
    sum = s;
    return static_cast<double>(q) * most < static_cast<double>(least) * 0x1p29;
  };
  return exactSum(low, lowSum) && exactSum(high, highSum);
#else
  (void)x, (void)n, (void)q, (void)work, (void)lowSum, (void)highSum;
  return false;
#endif
}

/** The spectral contrast's sums: by selection where it vouches for extremeSums' bits, else by extremeSums. */
void contrastSums(const float* x, size_t n, size_t q, float* work, double& lowSum, double& highSum) {
  if (!extremeSumsBySelection(x, n, q, work, lowSum, highSum)) extremeSums(x, n, q, work, lowSum, highSum);
}

}  // namespace

void featureBandSums(const float* p, const size_t* lo, const float* const* w, const size_t* len, size_t bands,
                     bool inDouble, double* out) {
  for (size_t b0 = 0; b0 < bands; b0 += 4) {
    const int nb = static_cast<int>(std::min<size_t>(4, bands - b0));
    const auto band = [&](int i, const float*& wi, size_t& n, size_t& l) {
      wi = w[b0 + static_cast<size_t>(i)];
      n = len[b0 + static_cast<size_t>(i)];
      l = lo[b0 + static_cast<size_t>(i)];
    };
    if (inDouble) {
      bandSums4(nb, band, p, out + b0);
    } else {
      float e[4];
      bandSums4(nb, band, p, e);
      for (int i = 0; i < nb; ++i) out[b0 + static_cast<size_t>(i)] = e[i];
    }
  }
}

bool featureExtremeSums(const float* x, size_t n, size_t q, int way, double& lowSum, double& highSum) {
  std::vector<float> work(2 * n);
  if (way == 2) {
    if (extremeSumsBySelection(x, n, q, work.data(), lowSum, highSum)) return true;
    way = 1;
  }
  extremeSums(x, n, q, work.data(), lowSum, highSum, way == 1);
  return false;
}

namespace {

/**
 * The onsets engine's flux (tempo keeps odf/odfLow): its own STFT (finer than the shared one: a hit's rise
 * is not smeared over a 46 ms window), magnitudes through a log-frequency triangular filterbank
 * (onsetBandsPerOctave, area-normalized), compressed as 20·log10(1 + X/floor), and the SuperFlux rise
 * (Böck & Widmer 2013): each filter's level over the maximum of its ± onsetMaxFilterBands neighbours
 * onsetLagFrames earlier (vibrato and a ringing tone's slow drift do not rise), half-wave rectified, summed
 * per frequency group (onsetGroupEdgesHz) and divided by the group's filter count, so that a soft hi-hat in
 * the top group is not averaged away by a kick or an open hat elsewhere. Centered frames (frame i at i·hop).
 * With onsetNoveltyMinHz > 0 a last column holds a timbre novelty over the filters at or above it: the geometric
 * mean of (a) the coherent rise over the ring's decay model, the mean over those filters of the signed difference
 * between each level and the earlier frame's level continued along its decay (the slope over the
 * onsetNoveltySlopeFrames before it, falls only; a fall of more than onsetNoveltyMaxFallDb over the lag is no
 * ring's decay but a choke or a gap, and is not continued), positive part (a hit inside a ringing cymbal raises every
 * filter a little; the ring's frame-to-frame noise cancels in the mean), and (b) the rise of the spectral shape (levels
 * minus their mean over those filters: a closed hat's spectrum replacing an open hat's at the same level), the mean
 * positive part per filter (dB).
 */
/**
 * d if d > 0, else +0 (NaN included), without a branch (the compiler turns `d > 0 ? d : 0` into one, and a rise's
 * sign is not predictable): maxss returns its second operand unless the first is greater.
 */
SHUB_ALWAYS_INLINE float positivePart(float d) {
#if defined(__SSE2__)
  return _mm_cvtss_f32(_mm_max_ss(_mm_set_ss(d), _mm_setzero_ps()));
#else
  return d > 0 ? d : 0.0f;
#endif
}

/**
 * The ring's decay continued over the lag from a level's change over the slope frames: min(0, change) · perFrame,
 * or +0 when that fall is faster than maxFall (no ring's decay but a choke or a gap); NaN gives +0. Without a
 * branch (the change's sign is not predictable): minss returns its second operand unless the first is less, and
 * cmpgess is false on NaN.
 */
SHUB_ALWAYS_INLINE float decayFall(float change, float perFrame, float maxFall) {
#if defined(__SSE2__)
  const __m128 slope = _mm_mul_ss(_mm_min_ss(_mm_set_ss(change), _mm_setzero_ps()), _mm_set_ss(perFrame));
  return _mm_cvtss_f32(_mm_and_ps(_mm_cmpge_ss(slope, _mm_set_ss(-maxFall)), slope));
#else
  const float slope = std::min(0.0f, change) * perFrame;
  return slope >= -maxFall ? slope : 0.0f;
#endif
}

/**
 * max(peak, |x[i]|) over n samples, NaN skipped: the same value as std::max(peak, std::fabs(x[i])) in order (maxps
 * returns its second operand on NaN; the maximum of values >= +0 does not depend on the order).
 */
float peakAbs(const float* x, size_t n, float peak) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128 abs = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
  __m128 m0 = _mm_set1_ps(peak), m1 = m0;
  for (; i + 8 <= n; i += 8) {
    m0 = _mm_max_ps(_mm_and_ps(_mm_loadu_ps(x + i), abs), m0);
    m1 = _mm_max_ps(_mm_and_ps(_mm_loadu_ps(x + i + 4), abs), m1);
  }
  float l[4];
  _mm_storeu_ps(l, _mm_max_ps(m0, m1));
  for (int k = 0; k < 4; ++k) peak = std::max(peak, l[k]);
#endif
  for (; i < n; ++i) peak = std::max(peak, std::fabs(x[i]));
  return peak;
}

class OnsetFluxTracker {
 public:
  OnsetFluxTracker(const FeatureOptions& o, FeatureReport& rep)
      : rep_(rep),
        W_(static_cast<size_t>(o.onsetWindowSamples)),
        H_(static_cast<size_t>(o.onsetHopSamples)),
        fft_(W_),
        lag_(o.onsetLagFrames),
        maxW_(o.onsetMaxFilterBands),
        slope_(o.onsetNoveltySlopeFrames),
        maxFall_(static_cast<float>(o.onsetNoveltyMaxFallDb)),
        noveltyHz_(o.onsetNoveltyMinHz),
        bandNovelty_(o.onsetBandNovelty),
        energyPerOctave_(o.onsetEnergyBandsPerOctave) {
    win_.resize(W_);
    double wsum = 0;
    for (size_t i = 0; i < W_; ++i) {
      win_[i] = static_cast<float>(0.5 - 0.5 * std::cos(2 * M_PI * static_cast<double>(i) / static_cast<double>(W_)));
      wsum += win_[i];
    }
    magScale_ = static_cast<float>(2.0 / wsum);  // a full-scale sine on a bin reads 1
    floorInv_ = static_cast<float>(std::pow(10.0, -o.onsetFloorDb / 20.0));
    silenceInv_ = floorInv_;
    relative_ = o.onsetRelativeFloorDb < 0 ? static_cast<float>(std::pow(10.0, -o.onsetRelativeFloorDb / 20.0)) : 0;
    aheadFrames_ = static_cast<size_t>(o.onsetFloorAheadFrames);
    const size_t bins = W_ / 2 + 1;
    const double binHz = static_cast<double>(o.sampleRate) / static_cast<double>(W_);
    const double nyq = o.sampleRate / 2.0;
    // filter corners: log-spaced frequencies rounded to bins, duplicates dropped
    std::vector<size_t> corner;
    for (int i = 0;; ++i) {
      const double f = o.onsetMinHz * std::pow(2.0, i / o.onsetBandsPerOctave);
      if (f > std::min(o.onsetMaxHz, nyq)) break;
      const size_t k = std::min(bins - 1, static_cast<size_t>(std::lround(f / binHz)));
      if (corner.empty() || k > corner.back()) corner.push_back(k);
    }
    const std::vector<double>& edges = o.onsetGroupEdgesHz;
    G_ = static_cast<int>(edges.size()) + 1;
    groupCount_.assign(static_cast<size_t>(G_), 0);
    for (size_t j = 1; j + 1 < corner.size(); ++j) {
      const size_t a = corner[j - 1], c = corner[j], b = corner[j + 1];
      Filter flt;
      if (b - a < 2) {
        flt.lo = c;
        flt.w.assign(1, 1.0f);
      } else {
        flt.lo = a;
        double sum = 0;
        for (size_t k = a; k <= b; ++k) {
          const double v = k <= c ? (c == a ? 1.0 : static_cast<double>(k - a) / static_cast<double>(c - a))
                                  : static_cast<double>(b - k) / static_cast<double>(b - c);
          flt.w.push_back(static_cast<float>(v));
          sum += v;
        }
        for (float& v : flt.w) v = static_cast<float>(v / sum);
      }
      const double fc = static_cast<double>(c) * binHz;
      int g = 0;
      while (g < G_ - 1 && fc >= edges[static_cast<size_t>(g)]) ++g;
      flt.group = g;
      flt.fc = fc;
      ++groupCount_[static_cast<size_t>(g)];
      filters_.push_back(std::move(flt));
    }
    const size_t F = filters_.size();
    magLo_ = bins;
    magHi_ = 0;
    for (const Filter& flt : filters_) {
      magLo_ = std::min(magLo_, flt.lo);
      magHi_ = std::max(magHi_, flt.lo + flt.w.size());
    }
    if (magHi_ < magLo_) magLo_ = magHi_;  // no filter
    novLo_ = F;
    for (size_t j = 0; j < F; ++j)
      if (noveltyHz_ > 0 && filters_[j].fc >= noveltyHz_ && novLo_ == F) novLo_ = j;
    if (noveltyHz_ > 0 && novLo_ == F && F > 0) novLo_ = F - 1;  // at least the top filter
    novelty_ = noveltyHz_ > 0 && F > 0;
    const size_t depth = static_cast<size_t>(lag_) + (novelty_ || bandNovelty_ ? static_cast<size_t>(slope_) : 0);
    hist_.assign(depth + 1, std::vector<float>(F, 0.0f));  // silence before the file
    if (relative_ > 0) {
      // a frame's magnitudes stay in ring_ while it waits (aheadFrames_) and while hist_ holds it (depth + 1)
      ring_.assign(aheadFrames_ + depth + 1, std::vector<float>(F, 0.0f));
      zeros_.assign(F, 0.0f);
      histLin_.assign(depth + 1, zeros_.data());
    }
    shape_.assign(F, 0.0f);
    prevShape_.assign(F, 0.0f);
    buf_.resize(W_);
    re_.resize(bins);
    im_.resize(bins);
    mag_.resize(bins);
    sums_.resize(static_cast<size_t>(G_));
    if (bandNovelty_) rep_.onsetBandNoveltyBands = G_;
    // band energies: each filter in the band floor(log2(fc / minHz) · perOctave), bands without a filter dropped
    if (energyPerOctave_ > 0 && F > 0) {
      energyBand_.resize(F);
      int last = -1, band = -1;
      for (size_t j = 0; j < F; ++j) {
        const int b = static_cast<int>(
            std::floor(std::log2(std::max(filters_[j].fc, o.onsetMinHz) / o.onsetMinHz) * energyPerOctave_));
        if (b != last) {
          last = b;
          ++band;
          energyCount_.push_back(0);
        }
        energyBand_[j] = band;
        ++energyCount_.back();
      }
      E_ = band + 1;
      energy_.assign(static_cast<size_t>(E_), 0.0);
      rep_.onsetBandEnergyBands = E_;
    }
    lin_.assign(F, 0.0f);
    fifo_.assign(W_ / 2, 0.0f);  // the first frame is centered on sample 0
    rep_.onsetFluxGroups = G_ + (novelty_ ? 1 : 0);
    rep_.onsetHopSeconds = static_cast<double>(H_) / o.sampleRate;
  }

  void feed(const float* x, size_t n) {
    fifo_.insert(fifo_.end(), x, x + n);
    while (fifo_.size() - start_ >= W_) {
      frame(fifo_.data() + start_);
      start_ += H_;
    }
    if (start_ > 8 * W_ || start_ * 2 > fifo_.size()) {
      fifo_.erase(fifo_.begin(), fifo_.begin() + static_cast<std::ptrdiff_t>(start_));
      start_ = 0;
    }
  }

  /** Zero-pads so that the last frame is centered at or after the last of `samples` samples. */
  void flush(uint64_t samples) {
    if (samples == 0) return;
    const uint64_t want = 1 + samples / H_;
    while (frames_ < want) {
      if (fifo_.size() - start_ < W_) fifo_.resize(fifo_.size() + W_, 0.0f);
      frame(fifo_.data() + start_);
      start_ += H_;
    }
    drain();
  }

 private:
  struct Filter {
    size_t lo = 0;
    std::vector<float> w;
    int group = 0;
    double fc = 0;  // centre frequency, Hz
  };

  void frame(const float* x) {
    ++frames_;
    windowFrame(x, win_.data(), buf_.data(), W_);
    fft_.forward(buf_.data(), re_.data(), im_.data());
    // only the bins the filters read (the top filter's corner is below Nyquist: onsetMaxHz)
    for (size_t k = magLo_; k < magHi_; ++k) mag_[k] = std::sqrt(re_[k] * re_[k] + im_[k] * im_[k]) * magScale_;
    const size_t F = filters_.size();
    float* lin = relative_ > 0 ? ring_[pushed_ % ring_.size()].data() : lin_.data();  // this frame's magnitudes
    for (size_t j0 = 0; j0 < F; j0 += 4) {
      const int nf = static_cast<int>(std::min<size_t>(4, F - j0));
      float e[4];
      bandSums4(
          nf,
          [&](int i, const float*& w, size_t& len, size_t& lo) {
            const Filter& flt = filters_[j0 + static_cast<size_t>(i)];
            w = flt.w.data();
            len = flt.w.size();
            lo = flt.lo;
          },
          mag_.data(), e);
      for (int i = 0; i < nf; ++i) lin[j0 + static_cast<size_t>(i)] = e[i];
    }
    if (relative_ == 0) {
      levels(lin);
      return;
    }
    // the relative floor: this frame waits aheadFrames_ frames, so that the floor of a file's first hit is its own.
    // The peak over the windows so far: the first window whole, then each hop's new samples (the window's last H_).
    const size_t from = frames_ == 1 ? 0 : W_ - H_;
    loudest_ = peakAbs(x + from, W_ - from, loudest_);
    ++pushed_;
    if (pushed_ - levelled_ > aheadFrames_) levels(ring_[levelled_++ % ring_.size()].data());
  }

  /** The frames still waiting for the relative floor's look-ahead (at the end of the file). */
  void drain() {
    while (levelled_ < pushed_) levels(ring_[levelled_++ % ring_.size()].data());
  }

  /** One frame's filter magnitudes `lin`: its levels, band energies, flux and novelties. */
  void levels(const float* lin) {
    const size_t F = filters_.size();
    const size_t D = hist_.size();
    if (relative_ > 0) relativeFloor(lin);
    std::vector<float>& cur = hist_[pos_];
    const std::vector<float>& old = hist_[(pos_ + D - static_cast<size_t>(lag_)) % D];  // lag_ frames before
    for (size_t j = 0; j < F; ++j) cur[j] = 20.0f * std::log10(1.0f + lin[j] * floorInv_);
    if (E_ > 0) {
      std::fill(energy_.begin(), energy_.end(), 0.0);
      for (size_t j = 0; j < F; ++j)
        energy_[static_cast<size_t>(energyBand_[j])] += static_cast<double>(lin[j]) * static_cast<double>(lin[j]);
      for (int b = 0; b < E_; ++b)
        rep_.onsetBandEnergy.push_back(
            static_cast<float>(energy_[static_cast<size_t>(b)] / energyCount_[static_cast<size_t>(b)]));
    }
    // the filters are in ascending frequency, so each group is a contiguous run: its rises are summed in a local
    // (the same additions in the same order as through sums_, without a store and reload per filter)
    size_t j = 0;
    for (int g = 0; g < G_; ++g) {
      const size_t end = std::min(F, j + static_cast<size_t>(groupCount_[static_cast<size_t>(g)]));
      double sum = 0.0;
      for (; j < end; ++j) {
        const size_t lo = j >= static_cast<size_t>(maxW_) ? j - static_cast<size_t>(maxW_) : 0;
        const size_t hi = std::min(F - 1, j + static_cast<size_t>(maxW_));
        float ref = old[lo];
        for (size_t i = lo + 1; i <= hi; ++i) ref = std::max(ref, old[i]);
        const float d = cur[j] - ref;
        sum += positivePart(d);  // a fall adds +0 (the sum is never −0): as skipping it
      }
      sums_[static_cast<size_t>(g)] = sum;
    }
    for (int g = 0; g < G_; ++g) {
      const int c = groupCount_[static_cast<size_t>(g)];
      rep_.onsetFlux.push_back(c ? static_cast<float>(sums_[static_cast<size_t>(g)] / c) : 0.0f);
    }
    if (novelty_) {
      double coherence = 0;
      rep_.onsetFlux.push_back(static_cast<float>(novelty(cur, old, coherence)));
      rep_.onsetNoveltyCoherence.push_back(static_cast<float>(coherence));
    }
    if (bandNovelty_) bandNovelty(cur, old);
    pos_ = (pos_ + 1) % D;
  }

  /**
   * The relative floor (onsetRelativeFloorDb): onsetRelativeFloorDb under the sample peak so far and over the
   * look-ahead (onsetFloorAheadFrames; a full-scale sine's filter reads the peak), never under the absolute floor
   * (onsetFloorDb: true silence). When it rises, the remembered frames are compressed again at the new floor (a rise
   * is measured between levels at one floor). A file's gain moves the floor with it: every level, rise and novelty
   * stays the same.
   */
  void relativeFloor(const float* lin) {
    histLin_[pos_] = lin;
    const float inv = loudest_ > 0 ? std::min(silenceInv_, relative_ / loudest_) : silenceInv_;
    if (inv == floorInv_) return;
    floorInv_ = inv;
    const size_t F = filters_.size(), D = hist_.size();
    for (size_t d = 0; d < D; ++d)
      if (d != pos_)
        for (size_t j = 0; j < F; ++j) hist_[d][j] = 20.0f * std::log10(1.0f + histLin_[d][j] * floorInv_);
  }

  /**
   * The band novelty of the current frame: per group, the mean over its filters of the level minus the earlier
   * frame's level continued along its decay (the novelty's decay model), positive part.
   */
  void bandNovelty(const std::vector<float>& cur, const std::vector<float>& old) {
    const size_t F = filters_.size(), D = hist_.size();
    const std::vector<float>& older = hist_[(pos_ + D - static_cast<size_t>(lag_ + slope_)) % D];
    const float perFrame = static_cast<float>(lag_) / static_cast<float>(slope_);
    // the filters are in ascending frequency, so each group is a contiguous run: one local sum per run (no
    // accumulation through memory)
    size_t j = 0;
    for (int g = 0; g < G_; ++g) {
      const size_t end = std::min(F, j + static_cast<size_t>(groupCount_[static_cast<size_t>(g)]));
      float sum = 0.0f;
      for (; j < end; ++j) {
        const float fall = decayFall(old[j] - older[j], perFrame, maxFall_);
        sum += cur[j] - (old[j] + fall);
      }
      const int c = groupCount_[static_cast<size_t>(g)];
      rep_.onsetBandNovelty.push_back(c ? std::max(0.0f, sum / static_cast<float>(c)) : 0.0f);
    }
  }

  /**
   * The timbre novelty of the current frame (filters novLo_..F-1; see the class comment), and in `coherence` the
   * signed differences' sum over their magnitudes' (0 when there is none).
   */
  double novelty(const std::vector<float>& cur, const std::vector<float>& old, double& coherence) {
    const size_t F = filters_.size(), D = hist_.size();
    const std::vector<float>& older = hist_[(pos_ + D - static_cast<size_t>(lag_ + slope_)) % D];
    const size_t n = F - novLo_;
    double mean = 0, oldMean = 0;
    for (size_t j = novLo_; j < F; ++j) {
      mean += cur[j];
      oldMean += old[j];
    }
    mean /= static_cast<double>(n);
    oldMean /= static_cast<double>(n);
    double rise = 0, shape = 0, magnitude = 0;
    const float perFrame = static_cast<float>(lag_) / static_cast<float>(slope_);
    for (size_t j = novLo_; j < F; ++j) {
      shape_[j] = cur[j] - static_cast<float>(mean);
      prevShape_[j] = old[j] - static_cast<float>(oldMean);
    }
    for (size_t j = novLo_; j < F; ++j) {
      const size_t lo = j > novLo_ ? j - 1 : j, hi = std::min(F - 1, j + 1);
      float refShape = prevShape_[lo];
      for (size_t i = lo + 1; i <= hi; ++i) refShape = std::max(refShape, prevShape_[i]);
      // the ring's decay continued over the lag (falls only; a fall faster than maxFall_ is no ring's decay but a
      // choke or a gap, and is not continued)
      const float fall = decayFall(old[j] - older[j], perFrame, maxFall_);
      const float d = cur[j] - (old[j] + fall);
      rise += d;  // signed: a hit rises in every filter, a ring's noise cancels
      magnitude += std::fabs(d);
      shape += positivePart(shape_[j] - refShape);
    }
    coherence = magnitude > 0 ? rise / magnitude : 0.0;
    const double coherent = std::max(0.0, rise / static_cast<double>(n));
    return std::sqrt(coherent * (shape / static_cast<double>(n)));
  }

  FeatureReport& rep_;
  size_t W_, H_;
  RealFft fft_;
  int lag_, maxW_, slope_;
  float maxFall_;
  double noveltyHz_;
  bool novelty_ = false;
  bool bandNovelty_ = false;
  double energyPerOctave_ = 0;
  int E_ = 0;                     // band energies' band count (0: off)
  std::vector<int> energyBand_;   // per filter: its band
  std::vector<int> energyCount_;  // per band: its filters
  std::vector<double> energy_;    // per band: the current frame's sum
  std::vector<float> lin_;        // per filter: the current frame's magnitude
  size_t novLo_ = static_cast<size_t>(-1);
  std::vector<float> shape_, prevShape_;
  int G_ = 1;
  float magScale_ = 1, floorInv_ = 1;
  float silenceInv_ = 1;  // the absolute floor's inverse (the relative floor never goes under it)
  float relative_ = 0;    // 10^(−onsetRelativeFloorDb/20), 0: off
  float loudest_ = 0;     // the sample peak so far (the look-ahead's included)
  size_t aheadFrames_ = 0;
  std::vector<std::vector<float>> ring_;  // with the relative floor: the frames' filter magnitudes, frame k in k % size
  uint64_t pushed_ = 0, levelled_ = 0;    // frames into ring_, frames levelled (levelled_..pushed_ wait)
  std::vector<const float*> histLin_;     // with the relative floor: hist_'s frames' magnitudes (in ring_ or zeros_)
  std::vector<float> zeros_;              // the silence before the file
  std::vector<float> win_, buf_, re_, im_, mag_, fifo_;
  size_t magLo_ = 0, magHi_ = 0;  // the bins the filters read: [magLo_, magHi_)
  std::vector<Filter> filters_;
  std::vector<int> groupCount_;
  std::vector<std::vector<float>> hist_;  // ring of the last lag_ + 1 frames' filter levels
  std::vector<double> sums_;
  size_t pos_ = 0, start_ = 0;
  uint64_t frames_ = 0;
};

}  // namespace

std::string validateFeatureOptions(const FeatureOptions& o) {
  if (o.sampleRate < 8000 || o.sampleRate > 384000)
    return "sampleRate must be an integer in [8000, 384000] Hz, got " + num(o.sampleRate);
  if (o.channels < 1 || o.channels > 8) return "channels must be an integer in [1, 8], got " + num(o.channels);
  if (!isPow2(o.windowSamples) || o.windowSamples < 64 || o.windowSamples > 65536)
    return "windowSamples must be a power of two in [64, 65536], got " + num(o.windowSamples);
  if (o.hopSamples < 1 || o.hopSamples > o.windowSamples)
    return "hopSamples must be an integer in [1, windowSamples], got " + num(o.hopSamples);
  if (o.melBands < 8 || o.melBands > 128) return "melBands must be in [8, 128], got " + num(o.melBands);
  if (o.mfccCoefficients < 1 || o.mfccCoefficients > o.melBands)
    return "mfccCoefficients must be in [1, melBands], got " + num(o.mfccCoefficients);
  if (!(o.melMinHz >= 0 && o.melMaxHz > o.melMinHz)) return "melMinHz must be >= 0 and below melMaxHz";
  if (!(o.rolloffFraction > 0 && o.rolloffFraction < 1))
    return "rolloffFraction must be in (0, 1), got " + num(o.rolloffFraction);
  if (!(o.chromaMinHz > 0 && o.chromaMaxHz > o.chromaMinHz)) return "chromaMinHz must be > 0 and below chromaMaxHz";
  if (!(o.tuningGateMaxHz > o.chromaMinHz)) return "tuningGateMaxHz must be above chromaMinHz";
  if (o.chromaHarmonics < 1 || o.chromaHarmonics > 8)
    return "chromaHarmonics must be in [1, 8], got " + num(o.chromaHarmonics);
  if (o.pitchClassBlockFrames < 0) return "pitchClassBlockFrames must be >= 0, got " + num(o.pitchClassBlockFrames);
  if (!(o.activeFloorDbfs >= -200 && o.activeFloorDbfs <= 0)) return "activeFloorDbfs must be in [-200, 0]";
  if (o.tickSamples < 1 || o.tickSamples > 4096) return "tickSamples must be in [1, 4096], got " + num(o.tickSamples);
  if (o.pitchMinRateHz < 4000 || o.pitchMinRateHz > 384000)
    return "pitchMinRateHz must be in [4000, 384000], got " + num(o.pitchMinRateHz);
  if (!(o.pitchMinHz >= 20 && o.pitchMaxHz > o.pitchMinHz && o.pitchMaxHz <= 4000))
    return "pitchMinHz/pitchMaxHz must satisfy 20 <= min < max <= 4000 Hz";
  if (!(o.pitchFloorDbfs >= -200 && o.pitchFloorDbfs <= 0)) return "pitchFloorDbfs must be in [-200, 0]";
  if (!(o.pitchTransitionSemitonesPerSecond > 0 && o.pitchTransitionSemitonesPerSecond <= 2400))
    return "pitchTransitionSemitonesPerSecond must be in (0, 2400], got " + num(o.pitchTransitionSemitonesPerSecond);
  PyinOptions py = o.pyin;
  py.minHz = o.pitchMinHz;
  py.maxHz = o.pitchMaxHz;
  py.transitionSemitones = 1;
  if (const char* e = validatePyinOptions(py)) return e;
  if (o.onsetFlux) {
    if (!isPow2(o.onsetWindowSamples) || o.onsetWindowSamples < 64 || o.onsetWindowSamples > 65536)
      return "onsetWindowSamples must be a power of two in [64, 65536], got " + num(o.onsetWindowSamples);
    if (o.onsetHopSamples < 1 || o.onsetHopSamples > o.onsetWindowSamples)
      return "onsetHopSamples must be an integer in [1, onsetWindowSamples], got " + num(o.onsetHopSamples);
    if (!(o.onsetEnergyBandsPerOctave >= 0 && o.onsetEnergyBandsPerOctave <= 12))
      return "onsetEnergyBandsPerOctave must be in [0, 12], got " + num(o.onsetEnergyBandsPerOctave);
    if (!(o.onsetBandsPerOctave >= 1 && o.onsetBandsPerOctave <= 96))
      return "onsetBandsPerOctave must be in [1, 96], got " + num(o.onsetBandsPerOctave);
    if (!(o.onsetMinHz >= 1 && o.onsetMaxHz > o.onsetMinHz)) return "onsetMinHz must be >= 1 Hz and below onsetMaxHz";
    if (!(o.onsetFloorDb >= -200 && o.onsetFloorDb <= 0)) return "onsetFloorDb must be in [-200, 0]";
    if (!(o.onsetRelativeFloorDb >= -200 && o.onsetRelativeFloorDb <= 0))
      return "onsetRelativeFloorDb must be in [-200, 0]";
    if (o.onsetFloorAheadFrames < 0 || o.onsetFloorAheadFrames > 100000)
      return "onsetFloorAheadFrames must be in [0, 100000], got " + num(o.onsetFloorAheadFrames);
    if (o.onsetLagFrames < 1 || o.onsetLagFrames > 64)
      return "onsetLagFrames must be in [1, 64], got " + num(o.onsetLagFrames);
    if (o.onsetMaxFilterBands < 0 || o.onsetMaxFilterBands > 16)
      return "onsetMaxFilterBands must be in [0, 16], got " + num(o.onsetMaxFilterBands);
    if (o.onsetGroupEdgesHz.size() > 15) return "onsetGroupEdgesHz holds at most 15 edges";
    for (size_t i = 0; i < o.onsetGroupEdgesHz.size(); ++i)
      if (!(o.onsetGroupEdgesHz[i] > (i ? o.onsetGroupEdgesHz[i - 1] : 0.0)))
        return "onsetGroupEdgesHz must be positive and ascending";
    if (!(o.onsetNoveltyMinHz >= 0 && o.onsetNoveltyMinHz <= 192000))
      return "onsetNoveltyMinHz must be in [0, 192000] Hz, got " + num(o.onsetNoveltyMinHz);
    if (!(o.onsetNoveltyMaxFallDb >= 0 && o.onsetNoveltyMaxFallDb <= 1000))
      return "onsetNoveltyMaxFallDb must be in [0, 1000] dB, got " + num(o.onsetNoveltyMaxFallDb);
    if (o.onsetNoveltySlopeFrames < 1 || o.onsetNoveltySlopeFrames > 64)
      return "onsetNoveltySlopeFrames must be in [1, 64], got " + num(o.onsetNoveltySlopeFrames);
  }
  return {};
}

struct FeatureExtractor::Impl {
  explicit Impl(const FeatureOptions& o);

  void feedMono(const float* x, size_t n);
  void processFrame(const float* frame);
  void feedPitch(const float* x, size_t n);
  void pitchFrame(const float* frame, const double* pre);
  void flush();

  const FeatureOptions& o;
  FeatureReport rep;
  bool finished = false;
  std::vector<float> planar, mono;
  std::vector<float*> ptrs;

  // zero crossings
  bool haveLast = false, lastNeg = false;
  uint64_t crossings = 0, pairs = 0;

  // fine envelope
  double tickAcc = 0;
  int tickFill = 0;

  // STFT
  size_t W = 0, H = 0, bins = 0;
  std::unique_ptr<RealFft> fft;
  std::vector<float> hann, fifo, frameBuf, re, im, pw, mag, scale, binHz, prevNorm, sortBuf;
  size_t fifoStart = 0;
  bool prevActive = false;
  double sumCentroid = 0, sumRolloff = 0, sumFlatness = 0, sumBandwidth = 0, sumFlux = 0;
  uint64_t fluxFrames = 0;
  std::vector<double> sumMfcc, sumContrast, psd, pc, bassPc, gatePc;
  std::vector<float> blockPc, blockBassPc;  // the current block's profiles (pitchClassBlockFrames)
  int blockFill = 0;
  void pushPitchClassBlock();
  std::vector<uint64_t> contrastFrames;
  std::vector<size_t> contrastLo, contrastHi;  // bin ranges
  std::vector<size_t> melLo;
  std::vector<std::vector<float>> melW;
  std::vector<float> melDb, prevMelDb, dct;
  int lowBands = 0;
  size_t chromaLo = 0, chromaHi = 0;
  float harmonicWeight[8] = {1, 0.6f, 0.36f, 0.216f, 0.1296f, 0.07776f, 0.046656f, 0.0279936f};  // 0.6^(h−1)
  double activeFloor = 0;

  // pitch
  int decimation = 1;
  std::vector<HalfBand> halfBands;
  std::vector<float> decA, decB, pfifo;
  size_t pfifoStart = 0;
  size_t PW = 0, PH = 0;  // YIN integration window and hop (decimated samples)
  double pitchRate = 0;
  std::unique_ptr<RealFft> pfft;
  std::vector<float> pbuf, pa, xr, xi, ar, ai, corr;
  std::vector<double> prefix, dprime, diff;
  double pitchFloor = 0;
  std::unique_ptr<PyinCandidates> candidates;
  std::unique_ptr<PitchHmm> hmm;
  std::vector<PitchCandidate> cand;

  std::unique_ptr<OnsetFluxTracker> onsetFlux;  // the onsets engine's finer flux (o.onsetFlux)
};

FeatureExtractor::Impl::Impl(const FeatureOptions& opt) : o(opt) {
  const size_t nc = static_cast<size_t>(o.channels);
  planar.resize(kChunk * nc);
  mono.resize(kChunk);
  ptrs.resize(nc);
  for (size_t c = 0; c < nc; ++c) ptrs[c] = planar.data() + kChunk * c;
  rep.tickSamples = o.tickSamples;
  activeFloor = std::pow(10.0, o.activeFloorDbfs / 10.0);
  if (o.onsetFlux) onsetFlux = std::make_unique<OnsetFluxTracker>(o, rep);

  if (o.spectrum) {
    W = static_cast<size_t>(o.windowSamples);
    H = static_cast<size_t>(o.hopSamples);
    bins = W / 2 + 1;
    fft = std::make_unique<RealFft>(W);
    hann.resize(W);
    double wsum2 = 0;
    for (size_t i = 0; i < W; ++i) {
      hann[i] = static_cast<float>(0.5 - 0.5 * std::cos(2 * M_PI * static_cast<double>(i) / static_cast<double>(W)));
      wsum2 += static_cast<double>(hann[i]) * hann[i];
    }
    // one-sided power normalized so that Σ_k P_k equals the (window-weighted) mean square
    scale.resize(bins);
    for (size_t k = 0; k < bins; ++k)
      scale[k] = static_cast<float>((k == 0 || k == W / 2 ? 1.0 : 2.0) / (static_cast<double>(W) * wsum2));
    rep.binHz = static_cast<double>(o.sampleRate) / static_cast<double>(W);
    rep.hopSeconds = static_cast<double>(H) / o.sampleRate;
    binHz.resize(bins);
    for (size_t k = 0; k < bins; ++k) binHz[k] = static_cast<float>(static_cast<double>(k) * rep.binHz);
    frameBuf.resize(W);
    re.resize(bins);
    im.resize(bins);
    pw.resize(bins);
    mag.resize(bins);
    prevNorm.assign(bins, 0.0f);
    sortBuf.resize(2 * bins);  // contrastSums: 2 n for a band of n bins
    psd.assign(bins, 0.0);
    pc.assign(kPitchBins, 0.0);
    bassPc.assign(kPitchBins, 0.0);
    gatePc.assign(kPitchBins, 0.0);
    blockPc.assign(kPitchBins, 0.0f);
    blockBassPc.assign(kPitchBins, 0.0f);
    fifo.assign(W / 2, 0.0f);  // centered frames: the first is centered on sample 0

    // mel filterbank (Slaney mel scale, triangles with unit peak)
    const double nyq = o.sampleRate / 2.0;
    const int M = o.melBands;
    const double mMin = slaneyMel(std::min(o.melMinHz, nyq * 0.5)), mMax = slaneyMel(std::min(o.melMaxHz, nyq));
    std::vector<double> pts(M + 2);
    for (int i = 0; i < M + 2; ++i) pts[i] = slaneyHz(mMin + (mMax - mMin) * i / (M + 1));
    melLo.resize(M);
    melW.resize(M);
    for (int b = 0; b < M; ++b) {
      const double lo = pts[b], c = pts[b + 1], hi = pts[b + 2];
      size_t k0 = static_cast<size_t>(std::ceil(lo / rep.binHz));
      std::vector<float> w;
      for (size_t k = k0; k < bins && binHz[k] < hi; ++k) {
        const double f = binHz[k];
        w.push_back(static_cast<float>(f <= c ? (f - lo) / (c - lo) : (hi - f) / (hi - c)));
      }
      bool any = false;
      for (float v : w) any = any || v > 0;
      if (!any) {
        k0 = std::min(bins - 1, static_cast<size_t>(std::lround(c / rep.binHz)));
        w.assign(1, 1.0f);
      }
      melLo[b] = k0;
      melW[b] = std::move(w);
      if (c < 150.0) lowBands = b + 1;
    }
    if (lowBands == 0) lowBands = 1;
    melDb.assign(M, -100.0f);
    prevMelDb.assign(M, -100.0f);
    const int C = o.mfccCoefficients;
    dct.resize(static_cast<size_t>(C) * M);
    for (int j = 0; j < C; ++j)
      for (int b = 0; b < M; ++b)
        dct[static_cast<size_t>(j) * M + b] =
            static_cast<float>((j == 0 ? std::sqrt(1.0 / M) : std::sqrt(2.0 / M)) * std::cos(M_PI * j * (b + 0.5) / M));
    sumMfcc.assign(C, 0.0);

    // spectral contrast: octave bands from 200 Hz (Jiang et al. 2002)
    const double edges[] = {0, 200, 400, 800, 1600, 3200, 6400, 1e12};
    for (int b = 0; b < 7; ++b) {
      const double lo = edges[b], hi = std::min(edges[b + 1], nyq + rep.binHz);
      rep.contrastEdgesHz.push_back(std::min(lo, nyq));
      size_t klo = std::max<size_t>(1, static_cast<size_t>(std::ceil(lo / rep.binHz)));
      size_t khi = std::min(bins, static_cast<size_t>(std::ceil(hi / rep.binHz)));
      if (b == 6) khi = bins;
      if (khi < klo) khi = klo;
      contrastLo.push_back(klo);
      contrastHi.push_back(khi);
    }
    rep.contrastEdgesHz.push_back(nyq);
    sumContrast.assign(7, 0.0);
    contrastFrames.assign(7, 0);
    chromaLo = std::max<size_t>(2, static_cast<size_t>(std::floor(o.chromaMinHz / rep.binHz)));
    chromaHi = std::min(bins - 2, static_cast<size_t>(std::ceil(o.chromaMaxHz / rep.binHz)));
  }

  if (o.pitch) {
    while (o.sampleRate / (decimation * 2) >= o.pitchMinRateHz) decimation *= 2;
    for (int d = decimation; d > 1; d /= 2) halfBands.emplace_back();
    pitchRate = static_cast<double>(o.sampleRate) / decimation;
    PW = 1;
    while (static_cast<double>(PW) < pitchRate / o.pitchMinHz) PW *= 2;
    PH = static_cast<size_t>(std::pow(2.0, std::round(std::log2(0.01 * pitchRate))));
    pfft = std::make_unique<RealFft>(std::max<size_t>(16, 2 * PW));
    const size_t pb = 2 * PW / 2 + 1;
    pbuf.resize(2 * PW);
    pa.assign(2 * PW, 0.0f);
    xr.resize(pb);
    xi.resize(pb);
    ar.resize(pb);
    ai.resize(pb);
    corr.resize(2 * PW);
    prefix.resize(2 * (2 * PW + 1));  // two frames' prefix sums (feedPitch)
    dprime.resize(PW);
    diff.resize(PW);
    rep.pitchHopSeconds = static_cast<double>(PH) / pitchRate;
    const double delay = (kHalfBandTaps - 1) / 2.0 * (decimation - 1) / o.sampleRate;
    rep.pitchStartSeconds = static_cast<double>(PW) / 2.0 / pitchRate - delay;
    pitchFloor = std::pow(10.0, o.pitchFloorDbfs / 10.0);
    PyinOptions py = o.pyin;
    py.minHz = o.pitchMinHz;
    py.maxHz = o.pitchMaxHz;
    py.transitionSemitones = std::min(24.0, o.pitchTransitionSemitonesPerSecond * rep.pitchHopSeconds);
    candidates = std::make_unique<PyinCandidates>(py);
    hmm = std::make_unique<PitchHmm>(py);
  }

  // the per-frame series at their final size (a header's count up to 2^32 frames, a day at 48 kHz)
  if (o.expectedFrames > 0 && o.expectedFrames <= (uint64_t{1} << 32)) {
    const size_t f = static_cast<size_t>(o.expectedFrames);
    if (o.fineEnvelope) rep.fineEnergy.reserve(f / static_cast<size_t>(o.tickSamples) + 2);
    if (o.spectrum) {
      const size_t frames = 1 + f / H + 1;
      rep.frameDb.reserve(frames);
      if (!o.meanPowerOnly) {
        rep.odf.reserve(frames);
        rep.odfLow.reserve(frames);
        rep.chroma.reserve(12 * frames);
        if (o.pitchClassBlockFrames > 0) {
          const size_t blocks = frames / static_cast<size_t>(o.pitchClassBlockFrames) + 2;
          rep.pitchClassBlocks.reserve(kPitchBins * blocks);
          rep.bassPitchClassBlocks.reserve(kPitchBins * blocks);
        }
      }
    }
    if (onsetFlux)
      rep.onsetFlux.reserve(static_cast<size_t>(rep.onsetFluxGroups) *
                            (1 + f / static_cast<size_t>(o.onsetHopSamples) + 1));
    if (onsetFlux && rep.onsetFluxGroups > 0 && o.onsetNoveltyMinHz > 0)
      rep.onsetNoveltyCoherence.reserve(1 + f / static_cast<size_t>(o.onsetHopSamples) + 1);
    if (onsetFlux && rep.onsetBandNoveltyBands > 0)
      rep.onsetBandNovelty.reserve(static_cast<size_t>(rep.onsetBandNoveltyBands) *
                                   (1 + f / static_cast<size_t>(o.onsetHopSamples) + 1));
    if (onsetFlux && rep.onsetBandEnergyBands > 0)
      rep.onsetBandEnergy.reserve(static_cast<size_t>(rep.onsetBandEnergyBands) *
                                  (1 + f / static_cast<size_t>(o.onsetHopSamples) + 1));
  }
}

void FeatureExtractor::Impl::feedMono(const float* x, size_t n) {
  // zero crossings: sign changes between consecutive samples of the mono mix
  if (n > 0) {
    if (haveLast) {
      crossings += (x[0] < 0.0f) != lastNeg;
      ++pairs;
    }
    uint64_t c = 0;  // branch-free, vectorized
    for (size_t i = 1; i < n; ++i) c += static_cast<uint64_t>((x[i] < 0.0f) != (x[i - 1] < 0.0f));
    crossings += c;
    pairs += n - 1;
    lastNeg = x[n - 1] < 0.0f;
    haveLast = true;
  }
  // fine envelope: mean square per tick
  if (o.fineEnvelope) {
    const int T = o.tickSamples;
    size_t i = 0;
    while (i < n) {
      const size_t take = std::min(n - i, static_cast<size_t>(T - tickFill));
      double s = 0;
      for (size_t j = 0; j < take; ++j) s += static_cast<double>(x[i + j]) * x[i + j];
      tickAcc += s;
      tickFill += static_cast<int>(take);
      i += take;
      if (tickFill == T) {
        rep.fineEnergy.push_back(static_cast<float>(tickAcc / T));
        tickAcc = 0;
        tickFill = 0;
      }
    }
  }
  if (o.spectrum) {
    fifo.insert(fifo.end(), x, x + n);
    while (fifo.size() - fifoStart >= W) {
      processFrame(fifo.data() + fifoStart);
      fifoStart += H;
    }
    if (fifoStart > 8 * W || fifoStart * 2 > fifo.size()) {
      fifo.erase(fifo.begin(), fifo.begin() + static_cast<std::ptrdiff_t>(fifoStart));
      fifoStart = 0;
    }
  }
  if (o.pitch) feedPitch(x, n);
  if (onsetFlux) onsetFlux->feed(x, n);
}

void FeatureExtractor::Impl::processFrame(const float* frame) {
  ++rep.stftFrames;
  windowFrame(frame, hann.data(), frameBuf.data(), W);
  fft->forward(frameBuf.data(), re.data(), im.data());
  powerSpectrum(re.data(), im.data(), scale.data(), pw.data(), mag.data(), bins);
  double sums[5];
  spectrumSums(pw.data(), mag.data(), binHz.data(), psd.data(), bins, sums);
  const double total = sums[0];
  rep.frameDb.push_back(static_cast<float>(total > 1e-15 ? 10.0 * std::log10(total) : -150.0));
  if (o.meanPowerOnly) return;

  // mel band levels (dB) → MFCC and onset strength
  const int M = o.melBands;
  double melE[4];
  for (int b0 = 0; b0 < M; b0 += 4) {
    const int nb = std::min(4, M - b0);
    bandSums4(
        nb,
        [&](int i, const float*& w, size_t& len, size_t& lo) {
          const size_t b = static_cast<size_t>(b0 + i);
          w = melW[b].data();
          len = melW[b].size();
          lo = melLo[b];
        },
        pw.data(), melE);
    for (int i = 0; i < nb; ++i)
      melDb[b0 + i] = static_cast<float>(std::max(-100.0, 10.0 * std::log10(melE[i] + 1e-10)));
  }
  // SuperFlux-style: rise over the maximum of the previous frame's neighbouring bands
  double flux = 0, fluxLow = 0;
  for (int b = 0; b < M; ++b) {
    float ref = prevMelDb[b];
    if (b > 0) ref = std::max(ref, prevMelDb[b - 1]);
    if (b + 1 < M) ref = std::max(ref, prevMelDb[b + 1]);
    const double d = std::max(0.0f, melDb[b] - ref);
    flux += d;
    if (b < lowBands) fluxLow += d;
  }
  // the first frame rises from the silence before the file (prevMelDb starts at the −100 dB
  // floor): a hit at t = 0 is an onset like any other
  rep.odf.push_back(static_cast<float>(flux / M));
  rep.odfLow.push_back(static_cast<float>(fluxLow / lowBands));
  std::swap(melDb, prevMelDb);

  // per-frame chroma (A440) for beat-level harmonic change, and the fine pitch-class profile
  float chroma12[12] = {0};
  const bool active = total > activeFloor;
  if (active) {
    float pmax = 0;
    for (size_t k = chromaLo; k <= chromaHi; ++k) pmax = std::max(pmax, pw[k]);
    const float thresh = pmax * 1e-5f;  // peaks within 50 dB of the strongest
    const float gateMaxHz = static_cast<float>(o.tuningGateMaxHz);
    // the peaks in ascending k (the accumulation order): four bins' tests side by side, then only the bins that
    // pass (`>` and `>=` are false on NaN, as _mm_cmpgt_ps / _mm_cmpge_ps are); the test's outcome per bin is not
    // predictable, a branch on it mispredicts
    const auto peakAt = [&](size_t k) {
      const float p = pw[k];
      // parabolic interpolation on the log power
      const float a = fastLog2(pw[k - 1] + 1e-30f), b = fastLog2(p + 1e-30f), c = fastLog2(pw[k + 1] + 1e-30f);
      const float den = a - 2 * b + c;
      const float d = den < 0 ? 0.5f * (a - c) / den : 0.0f;
      const float peakLog2Power = b - 0.25f * (a - c) * d;
      const float amp = std::exp2(0.5f * peakLog2Power);  // magnitude
      const float f = (static_cast<float>(k) + d) * static_cast<float>(rep.binHz);
      for (int h = 1; h <= o.chromaHarmonics; ++h) {
        const float fh = f / static_cast<float>(h);
        if (fh < o.chromaMinHz * 0.5) break;
        const float wgt = amp * harmonicWeight[h - 1];
        const float midi = 12.0f * fastLog2(fh / 440.0f) + 69.0f;
        const float tenths = midi * 10.0f;
        float pos = tenths - 120.0f * std::floor(tenths * (1.0f / 120.0f));
        if (pos >= 120.0f) pos -= 120.0f;
        const int i0 = static_cast<int>(pos) % kPitchBins;
        const float frac = pos - std::floor(pos);
        pc[i0] += wgt * (1 - frac);
        pc[(i0 + 1) % kPitchBins] += wgt * frac;
        blockPc[i0] += wgt * (1 - frac);
        blockPc[(i0 + 1) % kPitchBins] += wgt * frac;
        if (h == 1 && fh < gateMaxHz) {
          gatePc[i0] += wgt * (1 - frac);
          gatePc[(i0 + 1) % kPitchBins] += wgt * frac;
        }
        if (h == 1 && fh < 250.0f) {
          bassPc[i0] += wgt * (1 - frac);
          bassPc[(i0 + 1) % kPitchBins] += wgt * frac;
          blockBassPc[i0] += wgt * (1 - frac);
          blockBassPc[(i0 + 1) % kPitchBins] += wgt * frac;
        }
        if (h == 1) {
          int s = static_cast<int>(std::lround(midi)) % 12;
          if (s < 0) s += 12;
          chroma12[s] += amp;
        }
      }
    };
    size_t k = chromaLo;
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128 th = _mm_set1_ps(thresh);
    for (; k + 4 <= chromaHi + 1; k += 4) {
      const __m128 p = _mm_loadu_ps(pw.data() + k);
      const __m128 up = _mm_and_ps(_mm_cmpgt_ps(p, th), _mm_cmpgt_ps(p, _mm_loadu_ps(pw.data() + k - 1)));
      unsigned bits =
          static_cast<unsigned>(_mm_movemask_ps(_mm_and_ps(up, _mm_cmpge_ps(p, _mm_loadu_ps(pw.data() + k + 1)))));
      while (bits) {
        peakAt(k + static_cast<size_t>(__builtin_ctz(bits)));
        bits &= bits - 1;
      }
    }
#endif
    for (; k <= chromaHi; ++k) {
      const float p = pw[k];
      if (p > thresh && p > pw[k - 1] && p >= pw[k + 1]) peakAt(k);
    }
  }
  rep.chroma.insert(rep.chroma.end(), chroma12, chroma12 + 12);
  if (o.pitchClassBlockFrames > 0 && ++blockFill == o.pitchClassBlockFrames) pushPitchClassBlock();

  if (!active) {
    prevActive = false;
    return;
  }
  ++rep.activeFrames;
  // centroid / bandwidth on the magnitude spectrum, roll-off and flatness on power
  const double sm = sums[1], sfm = sums[2], sffm = sums[3];
  const double centroid = sfm / sm;
  sumCentroid += centroid;
  sumBandwidth += std::sqrt(std::max(0.0, sffm / sm - centroid * centroid));
  const double target = o.rolloffFraction * total;
  double cum = 0;
  size_t kr = 0;
  for (; kr < bins; ++kr) {
    cum += pw[kr];
    if (cum >= target) break;
  }
  sumRolloff += binHz[std::min(kr, bins - 1)];
  const double meanLog2 = sumLog2(pw.data(), bins, 1e-20f) / static_cast<double>(bins);
  const double meanP = total / static_cast<double>(bins);
  sumFlatness += std::min(1.0, std::exp2(meanLog2) / meanP);
  // flux between L2-normalized magnitude spectra of consecutive active frames
  const float inv = static_cast<float>(1.0 / std::sqrt(sums[4]));
  const double fl = normalizedFlux(mag.data(), inv, prevNorm.data(), bins);
  if (prevActive) {
    sumFlux += std::sqrt(fl);
    ++fluxFrames;
  }
  prevActive = true;

  const int C = o.mfccCoefficients;
  const float* L = prevMelDb.data();  // swapped above: this frame's levels
  int j = 0;
  for (; j + 4 <= C; j += 4) {  // four coefficients side by side, each summed over b in order (overlapping chains)
    const float* d0 = dct.data() + static_cast<size_t>(j) * M;
    const float *d1 = d0 + M, *d2 = d1 + M, *d3 = d2 + M;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int b = 0; b < M; ++b) {
      s0 += static_cast<double>(d0[b]) * L[b];
      s1 += static_cast<double>(d1[b]) * L[b];
      s2 += static_cast<double>(d2[b]) * L[b];
      s3 += static_cast<double>(d3[b]) * L[b];
    }
    sumMfcc[j] += s0;
    sumMfcc[j + 1] += s1;
    sumMfcc[j + 2] += s2;
    sumMfcc[j + 3] += s3;
  }
  for (; j < C; ++j) {
    double s = 0;
    for (int b = 0; b < M; ++b) s += static_cast<double>(dct[static_cast<size_t>(j) * M + b]) * L[b];
    sumMfcc[j] += s;
  }
  // contrast: peak and valley = mean of the top / bottom 2 % of magnitudes in each band
  for (size_t b = 0; b < contrastLo.size(); ++b) {
    const size_t lo = contrastLo[b], hi = contrastHi[b];
    if (hi <= lo) continue;
    const size_t n = hi - lo;
    const size_t q = std::max<size_t>(1, static_cast<size_t>(std::lround(0.02 * static_cast<double>(n))));
    double valley = 0, peak = 0;
    contrastSums(mag.data() + lo, n, q, sortBuf.data(), valley, peak);
    valley /= static_cast<double>(q);
    peak /= static_cast<double>(q);
    sumContrast[b] += 20.0 * std::log10((peak + 1e-10) / (valley + 1e-10));
    ++contrastFrames[b];
  }
}

void FeatureExtractor::Impl::feedPitch(const float* x, size_t n) {
  const float* cur = x;
  size_t len = n;
  for (size_t s = 0; s < halfBands.size(); ++s) {
    std::vector<float>& out = (s % 2 == 0) ? decA : decB;
    out.clear();
    halfBands[s].process(cur, len, out);
    cur = out.data();
    len = out.size();
  }
  pfifo.insert(pfifo.end(), cur, cur + len);
  const size_t N = 2 * PW;
  // two frames' energy prefixes in one loop: each a chain of dependent additions (the same ones, in the same
  // order, as one frame at a time), so that the two chains overlap
  while (pfifo.size() - pfifoStart >= N + PH) {
    const float *a = pfifo.data() + pfifoStart, *b = a + PH;
    double* pb = prefix.data() + (N + 1);
    double sa = 0, sb = 0;
    prefix[0] = 0;
    pb[0] = 0;
    for (size_t i = 0; i < N; ++i) {
      sa += static_cast<double>(a[i]) * a[i];
      sb += static_cast<double>(b[i]) * b[i];
      prefix[i + 1] = sa;
      pb[i + 1] = sb;
    }
    pitchFrame(a, prefix.data());
    pitchFrame(b, pb);
    pfifoStart += 2 * PH;
  }
  if (pfifo.size() - pfifoStart >= N) {
    const float* a = pfifo.data() + pfifoStart;
    double s = 0;
    prefix[0] = 0;
    for (size_t i = 0; i < N; ++i) {
      s += static_cast<double>(a[i]) * a[i];
      prefix[i + 1] = s;
    }
    pitchFrame(a, prefix.data());
    pfifoStart += PH;
  }
  if (pfifoStart > 8 * PW || pfifoStart * 2 > pfifo.size()) {
    pfifo.erase(pfifo.begin(), pfifo.begin() + static_cast<std::ptrdiff_t>(pfifoStart));
    pfifoStart = 0;
  }
}

// YIN (de Cheveigné & Kawahara 2002): difference function through the FFT, cumulative mean
// normalization; then pYIN's candidates (pyin.h) go to the HMM, decoded in flush().
// `pre` holds the frame's energy prefix sums: pre[i] = Σ_{j<i} frame[j]² (i = 0..2·PW), summed in order.
void FeatureExtractor::Impl::pitchFrame(const float* frame, const double* pre) {
  const size_t N = 2 * PW;
  const double e0 = pre[PW];
  if (e0 / static_cast<double>(PW) < pitchFloor) {
    hmm->push(nullptr, 0);
    return;
  }
  std::copy(frame, frame + N, pbuf.begin());
  std::copy(frame, frame + PW, pa.begin());  // pa[PW..N) stays 0
  pfft->forward(pbuf.data(), xr.data(), xi.data());
  pfft->forward(pa.data(), ar.data(), ai.data());
  for (size_t k = 0; k < xr.size(); ++k) {
    // conj(A)·X
    const float r = ar[k] * xr[k] + ai[k] * xi[k];
    const float i = ar[k] * xi[k] - ai[k] * xr[k];
    xr[k] = r;
    xi[k] = i;
  }
  pfft->inverse(xr.data(), xi.data(), corr.data());
  const size_t tauMin = std::max<size_t>(2, static_cast<size_t>(std::floor(pitchRate / o.pitchMaxHz)));
  const size_t tauMax = std::min(PW - 1, static_cast<size_t>(std::ceil(pitchRate / o.pitchMinHz)));
  dprime[0] = 1;
  double run = 0;
  for (size_t t = 1; t <= tauMax; ++t) {
    const double d = std::max(0.0, e0 + (pre[t + PW] - pre[t]) - 2.0 * corr[t]);
    diff[t] = d;
    run += d;
    dprime[t] = run > 0 ? d * static_cast<double>(t) / run : 1.0;
  }
  candidates->find(dprime.data(), diff.data(), tauMin, tauMax, pitchRate, cand);
  hmm->push(cand.data(), cand.size());
}

void FeatureExtractor::Impl::pushPitchClassBlock() {
  rep.pitchClassBlocks.insert(rep.pitchClassBlocks.end(), blockPc.begin(), blockPc.end());
  rep.bassPitchClassBlocks.insert(rep.bassPitchClassBlocks.end(), blockBassPc.begin(), blockBassPc.end());
  std::fill(blockPc.begin(), blockPc.end(), 0.0f);
  std::fill(blockBassPc.begin(), blockBassPc.end(), 0.0f);
  blockFill = 0;
}

namespace {

/** How much nicer than its caller the pitch HMM's decoding thread runs (decodeBelow). */
constexpr int kDecodeNiceSteps = 10;

/**
 * The pitch HMM's decoding (≈ 0.1 CPU-s for a 6-minute file), on a thread of its own below the process's other
 * threads, the calling thread waiting. In `analyze` it runs beside the post chain on the main thread (tempo, onsets,
 * key), which is the critical path and needs it only at its end: at equal priority the decode took a core the chain
 * and V8's compiler threads (its optimized code) could use; below them it takes what they leave. Without a thread
 * (none could be started) it runs on the calling thread.
 */
void decodeBelow(PitchHmm& hmm, FloatSeries& hz, FloatSeries& voicedProbability) {
  std::exception_ptr error;
  std::thread t;
  try {
    t = std::thread([&] {
      lowerThisThread(kDecodeNiceSteps);
      try {
        hmm.decode(hz, voicedProbability);
      } catch (...) {
        error = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    hmm.decode(hz, voicedProbability);
    return;
  }
  t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace

void FeatureExtractor::Impl::flush() {
  if (o.spectrum && rep.frames > 0) {
    // pad with zeros so the last frame is centered at or after the last sample
    const uint64_t want = 1 + rep.frames / H;
    std::vector<float> zeros(W, 0.0f);
    while (rep.stftFrames < want) {
      if (fifo.size() - fifoStart < W) fifo.insert(fifo.end(), zeros.begin(), zeros.end());
      processFrame(fifo.data() + fifoStart);
      fifoStart += H;
    }
  }
  if (onsetFlux) onsetFlux->flush(rep.frames);
  if (o.fineEnvelope && tickFill > 0) rep.fineEnergy.push_back(static_cast<float>(tickAcc / tickFill));
  if (blockFill > 0) pushPitchClassBlock();
  if (hmm) decodeBelow(*hmm, rep.pitchHz, rep.pitchConfidence);
  rep.zeroCrossingRate = pairs ? static_cast<double>(crossings) / static_cast<double>(pairs) : 0.0;
  if (!o.spectrum) return;
  rep.meanPower.resize(bins);
  const double nf = rep.stftFrames ? static_cast<double>(rep.stftFrames) : 1.0;
  for (size_t k = 0; k < bins; ++k) rep.meanPower[k] = psd[k] / nf;
  rep.pitchClass = pc;
  rep.bassPitchClass = bassPc;
  rep.gatePitchClass = gatePc;
  if (rep.activeFrames > 0) {
    const double a = static_cast<double>(rep.activeFrames);
    rep.centroidHz = sumCentroid / a;
    rep.rolloffHz = sumRolloff / a;
    rep.flatness = sumFlatness / a;
    rep.bandwidthHz = sumBandwidth / a;
    rep.flux =
        fluxFrames ? std::optional<double>(sumFlux / static_cast<double>(fluxFrames)) : std::optional<double>(0.0);
    rep.mfcc.resize(sumMfcc.size());
    for (size_t j = 0; j < sumMfcc.size(); ++j) rep.mfcc[j] = sumMfcc[j] / a;
  }
  for (size_t b = 0; b < sumContrast.size(); ++b) {
    if (contrastFrames[b] > 0)
      rep.contrastDb.push_back(sumContrast[b] / static_cast<double>(contrastFrames[b]));
    else
      rep.contrastDb.push_back(std::nullopt);
  }
}

FeatureExtractor::FeatureExtractor(const FeatureOptions& options) : opt_(options) {
  const std::string err = validateFeatureOptions(opt_);
  if (!err.empty()) throw std::invalid_argument(err);
  impl_ = std::make_unique<Impl>(opt_);
}

FeatureExtractor::~FeatureExtractor() = default;

AddResult FeatureExtractor::add(const uint8_t* data, PcmFormat format, size_t frames, float* monoOut) {
  if (impl_->finished) throw std::logic_error("add after finish: create a new extractor for more audio");
  DenormalGuard guard;
  AddResult r;
  const size_t nc = static_cast<size_t>(opt_.channels);
  const size_t frameBytes = pcmBytesPerSample(format) * nc;
  for (size_t off = 0; off < frames; off += kChunk) {
    const size_t n = std::min(kChunk, frames - off);
    DecodeStats ds;
    decodePcm(data + off * frameBytes, format, opt_.channels, n, impl_->ptrs.data(), ds);
    if (ds.nonFinite > 0) {
      if (r.nonFiniteSamples == 0)
        r.firstNonFiniteFrame = static_cast<int64_t>(impl_->rep.frames + off) + ds.firstNonFiniteFrame;
      r.nonFiniteSamples += ds.nonFinite;
    }
    float* m = impl_->mono.data();
    if (nc == 1) {
      std::copy(impl_->ptrs[0], impl_->ptrs[0] + n, m);
    } else if (nc == 2) {  // the same sums as below, in a loop the compiler vectorizes
      const float g = 0.5f;
      const float *a = impl_->ptrs[0], *b = impl_->ptrs[1];
      for (size_t i = 0; i < n; ++i) m[i] = ((0.0f + a[i]) + b[i]) * g;
    } else {
      const float g = 1.0f / static_cast<float>(nc);
      for (size_t i = 0; i < n; ++i) {
        float s = 0;
        for (size_t c = 0; c < nc; ++c) s += impl_->ptrs[c][i];
        m[i] = s * g;
      }
    }
    if (monoOut) std::copy(m, m + n, monoOut + off);
    impl_->feedMono(m, n);
  }
  impl_->rep.frames += frames;
  return r;
}

void FeatureExtractor::addMono(const float* mono, size_t frames) {
  if (impl_->finished) throw std::logic_error("add after finish: create a new extractor for more audio");
  DenormalGuard guard;
  // the chunks add() feeds, so that the result is the same to the bit
  for (size_t off = 0; off < frames; off += kChunk) impl_->feedMono(mono + off, std::min(kChunk, frames - off));
  impl_->rep.frames += frames;
}

const FeatureReport& FeatureExtractor::finish() {
  if (!impl_->finished) {
    DenormalGuard guard;
    impl_->flush();
    impl_->finished = true;
  }
  return impl_->rep;
}

FeatureReport FeatureExtractor::takeReport() {
  finish();
  FeatureReport r = std::move(impl_->rep);
  // a series that grew by doubling gives its slack back (a copy); one allocated from expectedFrames is left as
  // is: its unused tail was never touched, so it takes no memory
  for (auto* v :
       {&r.odf, &r.odfLow, &r.frameDb, &r.chroma, &r.fineEnergy, &r.pitchHz, &r.pitchConfidence, &r.pitchClassBlocks,
        &r.bassPitchClassBlocks, &r.onsetFlux, &r.onsetBandNovelty, &r.onsetNoveltyCoherence, &r.onsetBandEnergy})
    if (v->capacity() - v->size() > v->size() / 8 + 1024) v->shrink_to_fit();
  return r;
}

}  // namespace shub
