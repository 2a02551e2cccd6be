// Numeric kernels of analyze's post-processing: see post.h. Each loop keeps the summation order of the engine
// loop it replaces (one accumulator per output, indices ascending), so the results are bit-identical.
#include "post.h"

#include <algorithm>
#include <cmath>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>

#include "isa.h"

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#define SHUB_POST_AVX2 1
#endif

namespace shub::post {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The smallest power of two ≥ n: ring buffers indexed by absolute position & (size − 1) (no division per access).
int64_t ringSize(int64_t n) {
  int64_t p = 1;
  while (p < n) p <<= 1;
  return p;
}

// The median of x[lo, hi): the middle value, the mean of the two middle ones for an even count.
template <class T>
double windowMedian(const T* x, size_t lo, size_t hi, std::vector<double>& buf) {
  const size_t n = hi - lo;
  buf.assign(x + lo, x + hi);
  const size_t k = n >> 1;
  std::nth_element(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(k), buf.end());
  const double upper = buf[k];
  if (n % 2) return upper;
  double lower = -std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < k; ++i)
    if (buf[i] > lower) lower = buf[i];
  return (lower + upper) / 2;
}

// out[i] = max(0, x[i − back], …, x[i − span]) for i in [from, to): a monotonic deque of indices on a ring.
void laggedMax(const std::vector<double>& x, int64_t from, int64_t to, int64_t back, int64_t span,
               std::vector<double>& out) {
  const int64_t cap = ringSize(back - span + 2);  // the window plus the index about to leave it
  const int64_t mask = cap - 1;
  std::vector<int64_t> dq(static_cast<size_t>(cap));
  int64_t h = 0;
  int64_t size = 0;
  int64_t next = from - back;
  for (int64_t i = from; i < to; ++i) {
    for (; next <= i - span; ++next) {
      const double v = x[static_cast<size_t>(next)];
      while (size > 0 && x[static_cast<size_t>(dq[static_cast<size_t>((h + size - 1) & mask)])] <= v) --size;
      dq[static_cast<size_t>((h + size) & mask)] = next;
      ++size;
    }
    while (dq[static_cast<size_t>(h)] < i - back) {
      h = (h + 1) & mask;
      --size;
    }
    out[static_cast<size_t>(i)] = std::max(0.0, x[static_cast<size_t>(dq[static_cast<size_t>(h)])]);
  }
}

}  // namespace

namespace {
// kth's large-input path: the value at rank k found among only the values between two ranks of a sorted sample
// (Floyd and Rivest's bounds), counted exactly — false (the caller selects on a copy) when the bounds miss rank k or
// x holds a NaN or a −0 (with neither, every selection yields the same value to the bit: equal doubles other than ±0
// have the same bits).
template <class T>
bool kthBounded(const T* x, size_t n, size_t k, double& out) {
  constexpr size_t kSample = 1024;
  constexpr double kMargin = 64;  // sample ranks each side of k's place in the sample (≥ 4 standard deviations)
  std::vector<double> sample(kSample);
  for (size_t i = 0; i < kSample; ++i) {
    sample[i] = static_cast<double>(x[i * n / kSample]);
    if (std::isnan(sample[i])) return false;
  }
  std::sort(sample.begin(), sample.end());
  const double at = static_cast<double>(k) / static_cast<double>(n) * kSample;
  const double inf = std::numeric_limits<double>::infinity();
  const double lo = at - kMargin <= 0 ? -inf : sample[static_cast<size_t>(at - kMargin)];
  const double hi = at + kMargin >= kSample - 1 ? inf : sample[static_cast<size_t>(at + kMargin)];
  std::unique_ptr<double[]> kept(new double[n]);
  size_t below = 0;
  size_t count = 0;
  uint64_t odd = 0;
  for (size_t i = 0; i < n; ++i) {
    const auto v = static_cast<double>(x[i]);
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    // (no data-dependent branch: every value written, kept only when within [lo, hi])
    odd |= static_cast<uint64_t>(v != v) | static_cast<uint64_t>(bits == 0x8000000000000000ULL);
    below += v < lo;
    kept[count] = v;
    count += (v >= lo) & (v <= hi);
  }
  if (odd || k < below || k >= below + count) return false;
  std::nth_element(kept.get(), kept.get() + (k - below), kept.get() + count);
  out = kept[k - below];
  return true;
}
}  // namespace

template <class T>
double kth(const T* x, size_t n, size_t k) {
  if (k >= n) return kNaN;
  double v;
  if (n >= 8192 && kthBounded(x, n, k, v)) return v;
  std::vector<double> a(x, x + n);
  std::nth_element(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(k), a.end());
  return a[k];
}

template <class T>
double quantileLower(const T* x, size_t n, double q) {
  if (n == 0) return kNaN;
  const double r = std::floor(q * static_cast<double>(n - 1));
  const double k = std::max(0.0, std::min(static_cast<double>(n - 1), r));
  return kth(x, n, static_cast<size_t>(k));
}

#ifdef SHUB_POST_AVX2
// Lags [lag0, lag0 + 32·blocks) of the autocorrelation of y into r[0, 32·blocks), 32 lags per block in eight 4-lane
// registers. Each lane
// is one lag's accumulator, summed in ascending i with a separate multiply and add (target "avx2" without "fma", so
// nothing is contracted): the order and rounding of the scalar loop, so the sums are bit-identical to it.
__attribute__((target("avx2"))) void autocorrelationAvx2(const double* y, size_t n, size_t lag0, size_t blocks,
                                                         double* r) {
  for (size_t b = 0; b < blocks; ++b) {
    const size_t lag = lag0 + 32 * b;
    const size_t common = n - (lag + 31);  // i + lag + 31 < n for every i < common
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
    const double* q = y + lag;
    for (size_t i = 0; i < common; ++i) {
      const __m256d v = _mm256_broadcast_sd(y + i);
      const double* w = q + i;
      a0 = _mm256_add_pd(a0, _mm256_mul_pd(v, _mm256_loadu_pd(w)));
      a1 = _mm256_add_pd(a1, _mm256_mul_pd(v, _mm256_loadu_pd(w + 4)));
      a2 = _mm256_add_pd(a2, _mm256_mul_pd(v, _mm256_loadu_pd(w + 8)));
      a3 = _mm256_add_pd(a3, _mm256_mul_pd(v, _mm256_loadu_pd(w + 12)));
      a4 = _mm256_add_pd(a4, _mm256_mul_pd(v, _mm256_loadu_pd(w + 16)));
      a5 = _mm256_add_pd(a5, _mm256_mul_pd(v, _mm256_loadu_pd(w + 20)));
      a6 = _mm256_add_pd(a6, _mm256_mul_pd(v, _mm256_loadu_pd(w + 24)));
      a7 = _mm256_add_pd(a7, _mm256_mul_pd(v, _mm256_loadu_pd(w + 28)));
    }
    double* o = r + 32 * b;
    _mm256_storeu_pd(o, a0);
    _mm256_storeu_pd(o + 4, a1);
    _mm256_storeu_pd(o + 8, a2);
    _mm256_storeu_pd(o + 12, a3);
    _mm256_storeu_pd(o + 16, a4);
    _mm256_storeu_pd(o + 20, a5);
    _mm256_storeu_pd(o + 24, a6);
    _mm256_storeu_pd(o + 28, a7);
    // the last terms of each lag, still in ascending i
    for (size_t m = 0; m < 32; ++m) {
      double s = o[m];
      for (size_t j = common; j + lag + m < n; ++j) s += y[j] * y[j + lag + m];
      o[m] = s;
    }
  }
}
#endif

namespace {
// x − mean(x), the mean summed in ascending order.
template <class T>
std::vector<double> meanRemoved(const T* x, size_t n) {
  double mean = 0;
  for (size_t i = 0; i < n; ++i) mean += x[i];
  mean /= static_cast<double>(std::max<size_t>(1, n));
  std::vector<double> y(n);
  for (size_t i = 0; i < n; ++i) y[i] = x[i] - mean;
  return y;
}

// Σ_i y[i]·y[i + lag] in ascending i into r[lag − lo] for each lag of [lo, hi] (0 beyond n − 1): each lag's sum on
// its own, so a lag's value does not depend on which other lags are computed with it.
void lagSums(const std::vector<double>& y, size_t lo, size_t hi, double* r) {
  const size_t n = y.size();
  if (n == 0 || lo > n - 1) return;
  const size_t last = std::min(hi, n - 1);
  size_t lag = lo;
#ifdef SHUB_POST_AVX2
  if (selectedIsa() != Isa::baseline) {
    const size_t blocks = (last + 1 - lo) / 32;
    autocorrelationAvx2(y.data(), n, lo, blocks, r);
    lag = lo + 32 * blocks;
  }
#endif
  // four lags at a time, each with its own accumulator summed in ascending i (the order of one lag alone)
  for (; lag + 3 <= last; lag += 4) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    const size_t common = n - (lag + 3);
    size_t i = 0;
    for (; i < common; ++i) {
      const double v = y[i];
      s0 += v * y[i + lag];
      s1 += v * y[i + lag + 1];
      s2 += v * y[i + lag + 2];
      s3 += v * y[i + lag + 3];
    }
    for (size_t j = i; j + lag + 2 < n; ++j) s2 += y[j] * y[j + lag + 2];
    for (size_t j = i; j + lag + 1 < n; ++j) s1 += y[j] * y[j + lag + 1];
    for (size_t j = i; j + lag < n; ++j) s0 += y[j] * y[j + lag];
    r[lag - lo] = s0;
    r[lag - lo + 1] = s1;
    r[lag - lo + 2] = s2;
    r[lag - lo + 3] = s3;
  }
  for (; lag <= last; ++lag) {
    double s = 0;
    for (size_t i = 0; i + lag < n; ++i) s += y[i] * y[i + lag];
    r[lag - lo] = s;
  }
}
}  // namespace

template <class T>
std::vector<double> autocorrelation(const T* x, size_t n, size_t maxLag) {
  return autocorrelationLags(x, n, 0, maxLag);
}

template <class T>
std::vector<double> autocorrelationLags(const T* x, size_t n, size_t lo, size_t hi) {
  const std::vector<double> y = meanRemoved(x, n);
  std::vector<double> r(hi + 1 - lo, 0.0);
  lagSums(y, lo, hi, r.data());
  double r0 = 0;
  if (lo == 0)
    r0 = r[0];
  else
    lagSums(y, 0, 0, &r0);
  if (r0 > 0)
    for (double& v : r) v = v / r0;
  return r;
}

#ifdef SHUB_POST_AVX2
// The first k of the largest score[k] − rev[k] over k in [0, count), and that value in best (−1 and −∞ when count
// is 0). For values that are never NaN (finite onset input): the largest value first (maxpd in any order: exact
// without NaN), then the first k whose value equals it (cmpeq and movemask in ascending k) — the scalar loop's first
// maximum under `>` (values equal under == tie, as +0 and −0 do there) — and its own double.
__attribute__((target("avx2"))) int64_t firstMaxAvx2(const double* score, const double* rev, int64_t count,
                                                     double& best) {
  best = -std::numeric_limits<double>::infinity();
  if (count <= 0) return -1;
  const __m256d lowest = _mm256_set1_pd(best);
  __m256d m0 = lowest, m1 = lowest, m2 = lowest, m3 = lowest;
  int64_t k = 0;
  for (; k + 16 <= count; k += 16) {
    m0 = _mm256_max_pd(m0, _mm256_sub_pd(_mm256_loadu_pd(score + k), _mm256_loadu_pd(rev + k)));
    m1 = _mm256_max_pd(m1, _mm256_sub_pd(_mm256_loadu_pd(score + k + 4), _mm256_loadu_pd(rev + k + 4)));
    m2 = _mm256_max_pd(m2, _mm256_sub_pd(_mm256_loadu_pd(score + k + 8), _mm256_loadu_pd(rev + k + 8)));
    m3 = _mm256_max_pd(m3, _mm256_sub_pd(_mm256_loadu_pd(score + k + 12), _mm256_loadu_pd(rev + k + 12)));
  }
  for (; k + 4 <= count; k += 4)
    m0 = _mm256_max_pd(m0, _mm256_sub_pd(_mm256_loadu_pd(score + k), _mm256_loadu_pd(rev + k)));
  m0 = _mm256_max_pd(_mm256_max_pd(m0, m1), _mm256_max_pd(m2, m3));
  alignas(32) double lanes[4];
  _mm256_store_pd(lanes, m0);
  double top = std::max(std::max(lanes[0], lanes[1]), std::max(lanes[2], lanes[3]));
  for (; k < count; ++k) top = std::max(top, score[k] - rev[k]);
  const __m256d tv = _mm256_set1_pd(top);
  for (k = 0; k + 4 <= count; k += 4) {
    const __m256d v = _mm256_sub_pd(_mm256_loadu_pd(score + k), _mm256_loadu_pd(rev + k));
    const int eq = _mm256_movemask_pd(_mm256_cmp_pd(v, tv, _CMP_EQ_OQ));
    if (eq != 0) {
      k += __builtin_ctz(static_cast<unsigned>(eq));
      best = score[k] - rev[k];
      return k;
    }
  }
  for (; k < count; ++k)
    if (score[k] - rev[k] == top) {
      best = score[k] - rev[k];
      return k;
    }
  return -1;  // not reached: top is one of the values
}
#endif

template <class T>
std::vector<int32_t> trackBeats(const T* odf, size_t n, double period, const std::vector<double>& penalty, int lo) {
  std::vector<int32_t> beats;
  if (n == 0 || penalty.empty()) return beats;
  const int64_t hi = static_cast<int64_t>(penalty.size()) - 1;
  double mean = 0;
  for (size_t i = 0; i < n; ++i) mean += odf[i];
  mean /= static_cast<double>(n);
  double sd = 0;
  for (size_t i = 0; i < n; ++i) {
    const double d = odf[i] - mean;
    sd += d * d;
  }
  sd = std::sqrt(sd / static_cast<double>(n));
  if (!(sd != 0)) sd = 1;  // 0 or NaN
  std::vector<double> score(n);
  std::vector<int32_t> back(n, -1);
#ifdef SHUB_POST_AVX2
  // the vector search needs values that are never NaN: finite input and penalties (then every score is finite or +∞;
  // the engine's penalties always are)
  bool finite = selectedIsa() != Isa::baseline;
  for (size_t i = 0; finite && i < n; ++i) finite = std::isfinite(static_cast<double>(odf[i]));
  for (int64_t d = lo; finite && d <= hi; ++d)
    finite = std::isfinite(penalty[static_cast<size_t>(std::max<int64_t>(0, d))]);
  if (finite) {
    // rev[k] = penalty[hi − k]: the penalty of tau = t − hi + k, ascending with tau
    std::vector<double> rev(static_cast<size_t>(hi) + 1);
    for (int64_t k = 0; k <= hi; ++k) rev[static_cast<size_t>(k)] = penalty[static_cast<size_t>(hi - k)];
    for (int64_t t = 0; t < static_cast<int64_t>(n); ++t) {
      const int64_t from = std::max<int64_t>(0, t - hi);
      double best = 0;
      const int64_t at =
          t - lo >= from ? firstMaxAvx2(score.data() + from, rev.data() + (from - (t - hi)), t - lo - from + 1, best)
                         : -1;
      const int64_t arg = at >= 0 ? from + at : -1;
      const double local = odf[t] / sd;
      score[static_cast<size_t>(t)] = local + (arg >= 0 ? std::max(0.0, best) : 0.0);
      back[static_cast<size_t>(t)] = arg >= 0 && best > 0 ? static_cast<int32_t>(arg) : -1;
    }
  } else
#endif
    for (int64_t t = 0; t < static_cast<int64_t>(n); ++t) {
      double best = 0;
      int64_t arg = -1;
      for (int64_t tau = std::max<int64_t>(0, t - hi); tau <= t - lo; ++tau) {
        const double v = score[static_cast<size_t>(tau)] - penalty[static_cast<size_t>(t - tau)];
        if (arg < 0 || v > best) {
          best = v;
          arg = tau;
        }
      }
      const double local = odf[t] / sd;
      score[static_cast<size_t>(t)] = local + (arg >= 0 ? std::max(0.0, best) : 0.0);
      back[static_cast<size_t>(t)] = arg >= 0 && best > 0 ? static_cast<int32_t>(arg) : -1;
    }
  int64_t end = static_cast<int64_t>(n) - 1;
  for (int64_t t = std::max<int64_t>(0, static_cast<int64_t>(n) - static_cast<int64_t>(std::ceil(period)));
       t < static_cast<int64_t>(n); ++t)
    if (score[static_cast<size_t>(t)] > score[static_cast<size_t>(end)]) end = t;
  for (int64_t t = end; t >= 0; t = back[static_cast<size_t>(t)]) beats.push_back(static_cast<int32_t>(t));
  std::reverse(beats.begin(), beats.end());
  return beats;
}

template <class T>
std::vector<double> harmonicNovelty(const T* chroma, size_t chromaFrames, size_t frames, size_t w) {
  const size_t n = std::min(frames, chromaFrames);
  std::vector<double> out(frames, 0.0);
  if (2 * w > n) return out;
  // the running sums cum[t] = Σ chroma[0, t) per pitch class, kept for the last 2·w + 1 frames only (a ring of
  // rows; each row the previous one plus a frame, as a whole-length table would hold it)
  const size_t rows = static_cast<size_t>(ringSize(static_cast<int64_t>(2 * w + 1)));
  const size_t mask = rows - 1;
  std::vector<double> cum(rows * 12, 0.0);
  size_t filled = 0;  // rows cum[0, filled] computed
  auto row = [&](size_t t) { return cum.data() + (t & mask) * 12; };
  auto fill = [&](size_t upTo) {
    for (; filled < upTo; ++filled) {
      const double* prev = row(filled);
      double* next = row(filled + 1);
      const T* c = chroma + filled * 12;
      for (size_t k = 0; k < 12; ++k) next[k] = prev[k] + c[k];
    }
  };
  // two frames at a time: their six sums side by side (each in ascending k, as one frame alone takes them); the ring
  // holds rows t − w to t + 1 + w (2·w + 2 rows: it has 2·w + 2 or more)
  const bool pairs = rows >= 2 * w + 2;
  size_t t = w;
  for (; pairs && t + 1 + w <= n; t += 2) {
    fill(t + 1 + w);
    const double* lo0 = row(t - w);
    const double* mid0 = row(t);
    const double* hi0 = row(t + w);
    const double* lo1 = row(t + 1 - w);
    const double* mid1 = row(t + 1);
    const double* hi1 = row(t + 1 + w);
    double dot0 = 0, a20 = 0, b20 = 0, dot1 = 0, a21 = 0, b21 = 0;
    for (size_t k = 0; k < 12; ++k) {
      const double a = mid0[k] - lo0[k];
      const double b = hi0[k] - mid0[k];
      const double c = mid1[k] - lo1[k];
      const double d = hi1[k] - mid1[k];
      dot0 += a * b;
      a20 += a * a;
      b20 += b * b;
      dot1 += c * d;
      a21 += c * c;
      b21 += d * d;
    }
    out[t] = a20 > 0 && b20 > 0 ? 1 - dot0 / std::sqrt(a20 * b20) : 0;
    out[t + 1] = a21 > 0 && b21 > 0 ? 1 - dot1 / std::sqrt(a21 * b21) : 0;
  }
  for (; t + w <= n; ++t) {
    fill(t + w);
    const double* lo = row(t - w);
    const double* mid = row(t);
    const double* hi = row(t + w);
    double dot = 0, a2 = 0, b2 = 0;
    for (size_t k = 0; k < 12; ++k) {
      const double a = mid[k] - lo[k];
      const double b = hi[k] - mid[k];
      dot += a * b;
      a2 += a * a;
      b2 += b * b;
    }
    out[t] = a2 > 0 && b2 > 0 ? 1 - dot / std::sqrt(a2 * b2) : 0;
  }
  return out;
}

template <class T, class U>
std::vector<double> withLowBand(const T* odf, size_t n, const U* low, size_t lowN, double weight) {
  auto sd = [](auto* x, size_t len) {
    double m = 0;
    for (size_t i = 0; i < len; ++i) m += x[i];
    m /= static_cast<double>(std::max<size_t>(1, len));
    double v = 0;
    for (size_t i = 0; i < len; ++i) {
      const double d = x[i] - m;
      v += d * d;
    }
    const double s = std::sqrt(v / static_cast<double>(std::max<size_t>(1, len)));
    return s != 0 ? s : 1.0;  // 0 or NaN: 1
  };
  const double a = sd(odf, n);
  const double b = sd(low, lowN);
  std::vector<double> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = odf[i] / a + (weight * (i < lowN ? static_cast<double>(low[i]) : 0.0)) / b;
  return out;
}

template <class T>
std::vector<int32_t> pickPeaks(const T* odf, size_t n, double delta, int avg, int maxW, int minGap) {
  std::vector<int32_t> peaks;
  std::vector<double> buf;
  const int64_t N = static_cast<int64_t>(n);
  // The median test `v < median + delta` on a window of odd length m without the median: with finite values,
  // u + delta rounds monotonically in u, so "v ≥ u + delta" holds for a down-set of the window's values, and it holds
  // for the median (rank m / 2, 0-based) exactly when it holds for at least m / 2 + 1 of them. Even windows (at the
  // ends, clipped) and other input take the median itself.
  bool finite = std::isfinite(delta);
  for (int64_t t = 0; finite && t < N; ++t) finite = std::isfinite(static_cast<double>(odf[t]));
  for (int64_t t = 0; t < N; ++t) {
    const double v = odf[t];
    if (v <= 0) continue;
    bool isMax = true;
    for (int64_t j = std::max<int64_t>(0, t - maxW); j <= std::min<int64_t>(N - 1, t + maxW); ++j) {
      const double u = odf[j];
      if (u > v || (u == v && j < t)) {
        isMax = false;
        break;
      }
    }
    if (!isMax) continue;
    const size_t lo = static_cast<size_t>(std::max<int64_t>(0, t - avg));
    const size_t hi = static_cast<size_t>(std::min<int64_t>(N, t + avg + 1));
    if (finite && (hi - lo) % 2 == 1) {
      size_t below = 0;  // values u with v ≥ u + delta
      for (size_t j = lo; j < hi; ++j) below += v >= static_cast<double>(odf[j]) + delta ? 1 : 0;
      if (below < (hi - lo) / 2 + 1) continue;
    } else if (v < windowMedian(odf, lo, hi, buf) + delta)
      continue;
    if (!peaks.empty() && t - peaks.back() < minGap) {
      if (v > static_cast<double>(odf[peaks.back()])) peaks.back() = static_cast<int32_t>(t);
      continue;
    }
    peaks.push_back(static_cast<int32_t>(t));
  }
  return peaks;
}

template <class T>
int64_t steepestRise(const T* fine, size_t n, int64_t fromTick, int64_t toTick, int64_t span, double floor,
                     int64_t lookback) {
  const int64_t len = static_cast<int64_t>(n);
  const int64_t back = std::max(span, lookback);
  const int64_t lo = std::max(back, fromTick);
  const int64_t hi = std::min(len - span, toTick);
  int64_t at = std::max<int64_t>(0, std::min(len - 1, fromTick));
  const double f = floor * static_cast<double>(span);
  const int64_t base = std::max<int64_t>(0, lo - back);
  const int64_t count = std::max<int64_t>(0, hi - base + 1);
  std::vector<double> sums(static_cast<size_t>(count));
  double run = 0;
  for (int64_t j = base; j < std::min(len, base + span); ++j) run += fine[j];
  for (int64_t k = 0; k < count; ++k) {
    sums[static_cast<size_t>(k)] = run;
    const int64_t i = base + k;
    run += ((i + span < len ? static_cast<double>(fine[i + span]) : 0.0) - fine[i]);
  }
  std::vector<double> before(static_cast<size_t>(count));
  if (hi > lo) laggedMax(sums, lo - base, hi - base, back, span, before);
  // the engine took the largest log ratio, the first of equal ones: the largest ratio (log is monotonic; a
  // log of 0 is −∞, never larger than the start)
  double best = 0;
  for (int64_t i = lo; i < hi; ++i) {
    const double q = (sums[static_cast<size_t>(i - base)] + f) / (before[static_cast<size_t>(i - base)] + f);
    if (q > best) {
      best = q;
      at = i;
    }
  }
  return at;
}

template <class T>
std::vector<int32_t> fineRises(const T* fine, size_t n, int64_t span, int64_t lookback, double riseRatio,
                               double levelRatio, int64_t ctx, int64_t gap) {
  std::vector<int32_t> out;
  const int64_t N = static_cast<int64_t>(n);
  const int64_t back = std::max(span, lookback);
  if (N < back + span + 1) return out;
  // one pass with rings (memory O(back + ctx + gap)): span sums, their maximum over [i − back, i − span]
  // (monotonic deque), the maximum of fine over i ± ctx (deque), and the rise ratios of the last 2·gap + 1 ticks
  // for the local-maximum test, decided gap ticks late. A tick without a rise has ratio 1 (0 dB).
  const int64_t len = N - span + 1;
  // rings of power-of-two sizes at least: the sums of the last back + 1 ticks, the two deques, the rises of the
  // last 2·gap + 1 ticks
  const int64_t sumCap = ringSize(back + 1) - 1;  // masks
  std::vector<double> sumRing(static_cast<size_t>(sumCap + 1));
  const int64_t dqCap = ringSize(back - span + 2) - 1;
  std::vector<int64_t> sumDq(static_cast<size_t>(dqCap + 1));
  int64_t sh = 0, sn = 0;
  const int64_t ctxCap = ringSize(2 * ctx + 2) - 1;
  std::vector<int64_t> ctxDq(static_cast<size_t>(ctxCap + 1));
  int64_t ch = 0, cn = 0;
  int64_t next = 0;
  const int64_t R = ringSize(2 * gap + 1) - 1;
  std::vector<double> riseRing(static_cast<size_t>(R + 1));
  auto decide = [&](int64_t j, int64_t last) {
    const double v = riseRing[static_cast<size_t>(j & R)];
    if (v < riseRatio) return;
    for (int64_t k = std::max<int64_t>(0, j - gap); k <= last; ++k) {
      const double w = riseRing[static_cast<size_t>(k & R)];
      if (w > v || (w == v && k < j)) return;
    }
    out.push_back(static_cast<int32_t>(j));
  };
  // Fast path for the usual input (riseRatio > 1, every fine value finite and ≥ 0): only a rise ≥ riseRatio can be
  // kept or stop another tick (a tick is kept when its rise ≥ riseRatio is the first largest within ± gap), so a tick
  // whose rise is certainly below riseRatio may carry 1 instead. The rise is at most (sum + 1e-12) / (before + 1e-12)
  // (the floor only adds to the denominator; roundings are monotonic), so when that bound is below riseRatio by far
  // more than its roundings (a factor 1 − 1e-9) the tick is skipped without the level floor; the other ticks take the
  // maximum of fine over i ± ctx from maxima of 64-tick blocks and compute the rise exactly as the deque path does.
  bool fast = riseRatio > 1;
  for (int64_t i = 0; fast && i < N; ++i) fast = fine[i] >= 0 && std::isfinite(static_cast<double>(fine[i]));
  constexpr int64_t kBlock = 64;
  std::vector<double> blockMax;
  if (fast) {
    blockMax.assign(static_cast<size_t>((N + kBlock - 1) / kBlock), 0.0);
    for (int64_t i = 0; i < N; ++i) {
      double& m = blockMax[static_cast<size_t>(i / kBlock)];
      m = std::max(m, static_cast<double>(fine[i]));
    }
  }
  auto rangeMax = [&](int64_t a, int64_t b) {  // max of fine[a..b], a ≤ b
    double m = 0;
    const int64_t aEnd = std::min(b + 1, (a + kBlock - 1) / kBlock * kBlock);
    for (int64_t k = a; k < aEnd; ++k) m = std::max(m, static_cast<double>(fine[k]));
    if (aEnd > b) return m;
    const int64_t bStart = (b + 1) / kBlock * kBlock;
    for (int64_t k = aEnd / kBlock; k < bStart / kBlock; ++k) m = std::max(m, blockMax[static_cast<size_t>(k)]);
    for (int64_t k = std::max(aEnd, bStart); k <= b; ++k) m = std::max(m, static_cast<double>(fine[k]));
    return m;
  };
  double run = 0;
  for (int64_t j = 0; j < span; ++j) run += fine[j];
  // tick i's sum over [i, i + span), kept in the ring; the deque of the largest sums over the lookback [i − back, i −
  // span]
  auto advanceSum = [&](int64_t i) {
    const double sum = run;
    run += ((i + span < N ? static_cast<double>(fine[i + span]) : 0.0) - fine[i]);
    sumRing[static_cast<size_t>(i & sumCap)] = sum;
    if (i >= span) {
      const int64_t k = i - span;
      const double v = sumRing[static_cast<size_t>(k & sumCap)];
      while (sn > 0 && sumRing[static_cast<size_t>(sumDq[static_cast<size_t>((sh + sn - 1) & dqCap)] & sumCap)] <= v)
        --sn;
      sumDq[static_cast<size_t>((sh + sn) & dqCap)] = k;
      ++sn;
    }
    while (sn > 0 && sumDq[static_cast<size_t>(sh)] < i - back) {
      sh = (sh + 1) & dqCap;
      --sn;
    }
    return sum;
  };
  const double skipBelow = riseRatio * (1 - 1e-9);
  // The fast path needs the largest earlier sum only for the ticks it does not skip: a tick is skipped already when
  // its sum is below the bound for the larger of the lookback's two end sums (at most the largest: the bound grows
  // with it, rounding being monotonic); the others read the largest from the ring (the deque's value: the same
  // maximum, a zero of either sign giving +0 after max(0, ·)).
  auto sumAt = [&](int64_t k) { return sumRing[static_cast<size_t>(k & sumCap)]; };
  for (int64_t i = 0; fast && i < len; ++i) {
    const double sum = run;
    run += ((i + span < N ? static_cast<double>(fine[i + span]) : 0.0) - fine[i]);
    sumRing[static_cast<size_t>(i & sumCap)] = sum;
    double rise = 1;
    if (i >= back && !(sum + 1e-12 < skipBelow * (std::max(0.0, std::max(sumAt(i - back), sumAt(i - span))) + 1e-12))) {
      double top = sumAt(i - back);
      for (int64_t k = i - back + 1; k <= i - span; ++k) top = std::max(top, sumAt(k));
      const double before = std::max(0.0, top);
      if (!(sum + 1e-12 < skipBelow * (before + 1e-12))) {
        const double floor =
            rangeMax(std::max<int64_t>(0, i - ctx), std::min(N - 1, i + ctx)) * levelRatio * static_cast<double>(span);
        if (!(sum < floor)) rise = (sum + 1e-12) / (before + floor * 0.01 + 1e-12);
      }
    }
    riseRing[static_cast<size_t>(i & R)] = rise;
    if (i - gap >= back) decide(i - gap, i);
  }
  if (fast) {
    for (int64_t j = std::max(back, len - gap); j < len; ++j) decide(j, len - 1);
    return out;
  }
  for (int64_t i = 0; i < len; ++i) {
    const double sum = advanceSum(i);
    for (; next < std::min(N, i + ctx + 1); ++next) {
      const double v = fine[next];
      while (cn > 0 && static_cast<double>(fine[ctxDq[static_cast<size_t>((ch + cn - 1) & ctxCap)]]) <= v) --cn;
      ctxDq[static_cast<size_t>((ch + cn) & ctxCap)] = next;
      ++cn;
    }
    while (ctxDq[static_cast<size_t>(ch)] < i - ctx) {
      ch = (ch + 1) & ctxCap;
      --cn;
    }
    double rise = 1;
    if (i >= back) {
      const double before = std::max(0.0, sumRing[static_cast<size_t>(sumDq[static_cast<size_t>(sh)] & sumCap)]);
      const double floor =
          static_cast<double>(fine[ctxDq[static_cast<size_t>(ch)]]) * levelRatio * static_cast<double>(span);
      if (!(sum < floor)) rise = (sum + 1e-12) / (before + floor * 0.01 + 1e-12);
    }
    riseRing[static_cast<size_t>(i & R)] = rise;
    if (i - gap >= back) decide(i - gap, i);
  }
  for (int64_t j = std::max(back, len - gap); j < len; ++j) decide(j, len - 1);
  return out;
}

template <class T>
std::vector<double> column(const T* values, size_t len, size_t groups, size_t g, double divisor) {
  const size_t n = groups ? len / groups : 0;
  std::vector<double> col(n);
  for (size_t t = 0; t < n; ++t) col[t] = values[t * groups + g] / divisor;
  return col;
}

namespace {
// Math.round(x) for x ≥ 0: ⌊x + ½⌋ taken exactly (x − ⌊x⌋ is exact).
double jsRoundNonNegative(double x) {
  const double r = std::floor(x);
  return x - r >= 0.5 ? r + 1 : r;
}
}  // namespace

template <class T>
void bandRises(const T* values, size_t len, size_t bands, double* out) {
  const size_t n = bands ? len / bands : 0;
  // (row by row over the values, each band's rise written to its column, as the TypeScript loop)
  for (size_t f = 0; f < n; ++f) {
    const T* pre = values + (f >= 3 ? f - 3 : 0) * bands;
    const T* row = values + f * bands;
    if (f + 3 < n) {
      for (size_t b = 0; b < bands; ++b) {
        const auto v1 = static_cast<double>(row[bands + b]);
        const auto v2 = static_cast<double>(row[2 * bands + b]);
        const auto v3 = static_cast<double>(row[3 * bands + b]);
        const auto p = static_cast<double>(pre[b]);
        if (std::isfinite(v1 + v2 + v3 + p)) {
          // all four finite (no NaN, no ∞ − ∞): Math.max from +0 is the plain larger (std::max keeps the +0 start
          // against −0), and a − p is finite and never −0 (a is never −0; a − a is +0), so Math.max(0, a − p) is
          // std::max(a − p, 0): max instructions, no data-dependent branch
#if defined(__SSE2__)
          // (maxsd(x, y) is x > y ? x : y: the new value first, so an equal one keeps the +0 start)
          const __m128d zero = _mm_setzero_pd();
          __m128d a = _mm_max_sd(_mm_set_sd(v1), zero);
          a = _mm_max_sd(_mm_set_sd(v2), a);
          a = _mm_max_sd(_mm_set_sd(v3), a);
          out[b * n + f] = _mm_cvtsd_f64(_mm_max_sd(_mm_sub_sd(a, _mm_set_sd(p)), zero));
#else
          const double a = std::max(std::max(std::max(0.0, v1), v2), v3);
          out[b * n + f] = std::max(a - p, 0.0);
#endif
          continue;
        }
        out[b * n + f] = jsMax(0, jsMax(jsMax(jsMax(0, v1), v2), v3) - p);
      }
      continue;
    }
    for (size_t b = 0; b < bands; ++b) {
      double a = 0;
      for (size_t k = f + 1; k < n; ++k) a = jsMax(a, static_cast<double>(values[k * bands + b]));
      out[b * n + f] = jsMax(0, a - static_cast<double>(pre[b]));
    }
  }
}

namespace {
#if defined(__SSE2__)
// Math.max of two doubles in both lanes without a data-dependent branch: maxpd where they differ, their AND where
// equal (the same bits, or +0 of ±0), all ones (a NaN) where either is NaN.
__m128d jsMaxPd(__m128d a, __m128d b) {
  const __m128d eq = _mm_cmpeq_pd(a, b);
  const __m128d mx = _mm_or_pd(_mm_and_pd(eq, _mm_and_pd(a, b)), _mm_andnot_pd(eq, _mm_max_pd(a, b)));
  return _mm_or_pd(mx, _mm_cmpunord_pd(a, b));
}
#endif

// Float64Array.prototype.sort's order: ascending, −0 before +0, NaN last.
bool typedArrayLess(double a, double b) {
  if (std::isnan(b)) return !std::isnan(a);
  if (std::isnan(a)) return false;
  if (a == b) return std::signbit(a) && !std::signbit(b);
  return a < b;
}

// The value at rank k of NaN-free a[lo, hi] (one value whichever way it is selected; of −0 and +0, which every
// later comparison treats alike, either may be returned): Lomuto partitions without data-dependent branches (each value
// swapped in, the boundary moved by the comparison) around the median of three, first below it, then equal to it.
double selectPlain(double* a, int64_t lo, int64_t hi, int64_t k) {
  while (hi > lo) {
    const double x = a[lo];
    const double y = a[(lo + hi) >> 1];
    const double z = a[hi];
    const double pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    int64_t j = lo;
    for (int64_t i = lo; i <= hi; ++i) {
      const double v = a[i];
      a[i] = a[j];
      a[j] = v;
      j += v < pivot;
    }
    if (k < j) {
      hi = j - 1;
      continue;
    }
    int64_t e = j;
    for (int64_t i = j; i <= hi; ++i) {
      const double v = a[i];
      a[i] = a[e];
      a[e] = v;
      e += v <= pivot;
    }
    if (k < e) return pivot;
    lo = e;
  }
  return a[k];
}

// The onsets engine's rank rule: with a NaN in a[lo, hi] that range sorted (NaN last) and read, else selectPlain.
double selectRank(double* a, int64_t lo, int64_t hi, int64_t k) {
  for (int64_t i = lo; i <= hi; ++i)
    if (std::isnan(a[i])) {
      std::sort(a + lo, a + hi + 1, typedArrayLess);
      return a[k];
    }
  return selectPlain(a, lo, hi, k);
}
}  // namespace

void echoRanks(const double* rise, size_t n, size_t bands, const double* scales, const int32_t* frames, size_t count,
               int64_t lo, int64_t hi, double srcFraction, double maxGain, double q, size_t maxSources,
               size_t minSources, double* gain, double* median) {
  const size_t lags = hi >= lo ? static_cast<size_t>(hi - lo + 1) : 0;
  std::fill(gain, gain + lags * bands, kNaN);
  std::fill(median, median + lags * bands, kNaN);
  if (lags == 0) return;
  const auto len = static_cast<int64_t>(n);
  std::vector<int32_t> all;
  std::vector<int32_t> picked;
  std::vector<double> m3(n);
  std::vector<double> ratios;
  for (size_t b = 0; b < bands; ++b) {
    const double* col = rise + b * n;
    const double s = scales[b];
    all.clear();
    for (size_t k = 0; k < count; ++k) {
      const int32_t f = frames[k];
      if (f >= 0 && f < len && col[f] >= srcFraction * s && s > 0) all.push_back(f);
    }
    // every step-th source (the engine's double arithmetic)
    const double step = std::max(1.0, static_cast<double>(all.size()) / static_cast<double>(maxSources));
    picked.clear();
    for (double k = 0; k < static_cast<double>(all.size()); k += step) picked.push_back(all[static_cast<size_t>(k)]);
    if (picked.size() < minSources) continue;
    // m3[f] = Math.max(col[f − 1], col[f], col[f + 1]) for 1 ≤ f ≤ n − 2: the reads of every delay
    size_t f = 1;
#if defined(__SSE2__)
    for (; f + 2 < n; f += 2)
      _mm_storeu_pd(m3.data() + f,
                    jsMaxPd(jsMaxPd(_mm_loadu_pd(col + f - 1), _mm_loadu_pd(col + f)), _mm_loadu_pd(col + f + 1)));
#endif
    for (; f + 1 < n; ++f) m3[f] = jsMax(jsMax(col[f - 1], col[f]), col[f + 1]);
    ratios.resize(picked.size());
    for (int64_t d = lo; d <= hi; ++d) {
      size_t m = 0;
      for (const int32_t src : picked) {
        const int64_t at = src + d;
        if (at + 1 >= len) break;
        const double own = col[src];
        // a source at most maxGain of the rise one delay before it is skipped (written, not counted: no branch)
        const int64_t back = src - d;
        const double before = m3[static_cast<size_t>(std::max<int64_t>(back, 1))];
        const double ratio = m3[static_cast<size_t>(at)] / own;
        ratios[m] = ratio;
        const bool kept = !((back >= 1) & (own <= maxGain * before));
        m += kept;
      }
      if (m < minSources) continue;
      const auto last = static_cast<int64_t>(m) - 1;
      const int64_t mid = last >> 1;
      const auto at = std::min(last, static_cast<int64_t>(std::floor(q * static_cast<double>(last))));
      const size_t cell = static_cast<size_t>(d - lo) * bands + b;
      median[cell] = selectRank(ratios.data(), 0, last, mid);
      gain[cell] = at <= mid ? selectRank(ratios.data(), 0, mid, at) : selectRank(ratios.data(), mid, last, at);
    }
  }
}

template <class T>
std::vector<double> beatProfile(const T* odf, size_t n, const std::vector<double>& beats,
                                const std::vector<double>& fractions, int64_t halfWidth) {
  std::vector<double> out;
  out.reserve(fractions.size());
  const double hw = static_cast<double>(halfWidth), last = static_cast<double>(n) - 1;
  for (const double f : fractions) {
    double sum = 0;
    size_t count = 0;
    for (size_t i = 0; i + 1 < beats.size(); ++i) {
      // Math.round: ⌊x⌋ + (x − ⌊x⌋ ≥ ½), x − ⌊x⌋ exact
      const double x = beats[i] + f * (beats[i + 1] - beats[i]);
      const double fl = std::floor(x);
      const double c = x - fl >= 0.5 ? fl + 1 : fl;
      double m = 0;
      const double hi = std::min(last, c + hw);
      for (double j = std::max(0.0, c - hw); j <= hi; ++j)
        m = jsMax(m, static_cast<double>(odf[static_cast<size_t>(j)]));
      sum += m;
      ++count;
    }
    out.push_back(count ? sum / static_cast<double>(count) : 0);
  }
  return out;
}

template <class T>
bool tonalEnvelope(const T* chroma, size_t chromaFrames, size_t frames, std::vector<double>& out) {
  const size_t n = std::min(frames, chromaFrames);
  double m = 0;
  for (size_t i = 0; i < n * 12; ++i) m += static_cast<double>(chroma[i]);
  m /= static_cast<double>(n * 12);
  if (!(m > 0)) return false;
  out.assign(frames, 0.0);
  double prev[12], cur[12], d[12];
  for (size_t k = 0; k < 12; ++k) prev[k] = std::log1p(static_cast<double>(chroma[k]) / m);
  for (size_t t = 1; t < n; ++t) {
    double mean = 0;
    for (size_t k = 0; k < 12; ++k) {
      cur[k] = std::log1p(static_cast<double>(chroma[t * 12 + k]) / m);
      d[k] = cur[k] - prev[k];
      mean += d[k] / 12;
    }
    std::memcpy(prev, cur, sizeof prev);
    // a broadband hit (a drum) raises every pitch class alike: only the rise above the mean rise counts
    const double above = jsMax(0, mean);
    double s = 0;
    for (size_t k = 0; k < 12; ++k) s += jsMax(0, d[k] - above);
    out[t] = s;
  }
  return true;
}

template <class T>
std::vector<std::vector<double>> onFrames(const T* values, size_t len, size_t groups, size_t frames, double ratio) {
  std::vector<std::vector<double>> out(groups, std::vector<double>(frames, 0.0));
  const size_t n = groups ? len / groups : 0;
  for (size_t j = 0; j < n; ++j) {
    const double i = jsRoundNonNegative(static_cast<double>(j) * ratio);
    if (i >= static_cast<double>(frames)) break;
    const auto k = static_cast<size_t>(i);
    for (size_t g = 0; g < groups; ++g) out[g][k] = jsMax(out[g][k], static_cast<double>(values[j * groups + g]));
  }
  for (auto& x : out) {
    double m = 0;
    for (const double v : x) m += v;
    m /= static_cast<double>(std::max<size_t>(1, frames));
    if (m > 0)
      for (double& v : x) v /= m;
  }
  return out;
}

template <class T>
std::vector<double> powerMean(const T* values, size_t len, size_t groups, const double* inv, double power) {
  const size_t n = groups ? len / groups : 0;
  std::vector<double> env(n);
  for (size_t t = 0; t < n; ++t) {
    double s = 0;
    for (size_t g = 0; g < groups; ++g) s += std::pow(values[t * groups + g] * inv[g], power);
    env[t] = std::pow(s / static_cast<double>(groups), 1 / power);
  }
  return env;
}

template <class T>
std::vector<double> foldProfiles(const T* profiles, size_t blocks, const double* weights) {
  std::vector<double> out(blocks * 12, 0.0);
  for (size_t b = 0; b < blocks; ++b) {
    double* o = out.data() + b * 12;
    for (size_t i = 0; i < 120; ++i) {
      const double v = profiles[b * 120 + i];
      if (v == 0) continue;
      for (size_t pc = 0; pc < 12; ++pc) o[pc] += v * weights[i * 12 + pc];
    }
  }
  return out;
}

namespace {
// Math.min(a, b) of two doubles: NaN if either is, −0 under +0.
double jsMin(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
  if (a == b) return std::signbit(a) ? a : b;
  return a < b ? a : b;
}
}  // namespace

template <class T>
double backtrackStart(const T* fine, size_t n, double start, int64_t rise, int64_t attack, int64_t ticks,
                      double ratio) {
  const auto len = static_cast<int64_t>(n);
  const auto at = [&](int64_t i) { return i >= 0 && i < len ? static_cast<double>(fine[i]) : 0.0; };
  double peak = 0;
  for (int64_t i = rise; i < std::min(len, rise + attack); ++i) peak = jsMax(peak, static_cast<double>(fine[i]));
  const double stop = 3 * ratio * peak;
  const auto smooth = [&](int64_t i) { return at(i - 1) + at(i) + at(i + 1); };
  const auto s0 = static_cast<int64_t>(std::floor(start));
  int64_t j = s0;
  const int64_t lo = std::max<int64_t>(1, j - ticks);
  while (j - 1 >= lo && j < len && smooth(j - 1) < smooth(j) && smooth(j - 1) >= stop) --j;
  if (j >= s0) return start;
  const double base = 2 * static_cast<double>(fine[j - 1]);
  for (int64_t k = j; k < s0; ++k)
    if (static_cast<double>(fine[k]) > base) return static_cast<double>(k);
  return start;
}

template <class T>
double attackStart(const T* fine, size_t n, int64_t rise, int64_t span, int64_t attack, double ratio, int64_t lookback,
                   int64_t backtrackTicks, double backtrackRatio) {
  const auto len = static_cast<int64_t>(n);
  const int64_t lo = std::max<int64_t>(0, rise - 2 * span);
  double background = 0;
  for (int64_t i = std::max<int64_t>(0, lo - lookback); i < lo; ++i)
    background = jsMax(background, static_cast<double>(fine[i]));
  double peak = 0;
  for (int64_t i = rise; i < std::min(len, rise + attack); ++i) peak = jsMax(peak, static_cast<double>(fine[i]));
  const double level = background + ratio * (peak - background);
  double start = static_cast<double>(rise);
  if (peak > background)
    for (int64_t i = lo; i < std::min(len, rise + attack); ++i) {
      const double v = static_cast<double>(fine[i]);
      if (v >= level) {
        const double prev = i > 0 ? static_cast<double>(fine[i - 1]) : 0;
        // linear in amplitude across the tick before
        const double a = std::sqrt(jsMax(0, prev));
        const double b = std::sqrt(v);
        const double frac = b > a ? jsMin(1, jsMax(0, (std::sqrt(level) - a) / (b - a))) : 1;
        start = static_cast<double>(i - 1) + frac;
        break;
      }
    }
  return backtrackTicks > 0 ? backtrackStart(fine, n, start, rise, attack, backtrackTicks, backtrackRatio) : start;
}

template <class T>
std::vector<double> placeRises(const T* fine, size_t n, const int32_t* peaks, size_t count, const Placement& o) {
  std::vector<double> out(count);
  const auto len = static_cast<int64_t>(n);
  for (size_t k = 0; k < count; ++k) {
    const double center = static_cast<double>(peaks[k]) * o.hopSeconds;
    const auto from = static_cast<int64_t>(jsMax(0, std::floor((center - o.before) / o.tickSeconds)));
    const auto to =
        static_cast<int64_t>(std::min(static_cast<double>(len), std::ceil((center + o.after) / o.tickSeconds)));
    double peak = 0;
    for (int64_t i = from; i < std::min(len, to + o.span); ++i) peak = jsMax(peak, static_cast<double>(fine[i]));
    const int64_t rise = steepestRise(fine, n, from, to, o.span, jsMax(1e-12, peak * o.floorRatio), o.lookback);
    if (rise < 0 || rise >= len) {
      out[k] = kNaN;  // the addon refuses it, as postAttackStart did
      continue;
    }
    const double start =
        attackStart(fine, n, rise, o.span, o.attack, o.ratio, o.lookback, o.backtrackTicks, o.backtrackRatio);
    out[k] = jsMax(0, start * o.tickSeconds);
  }
  return out;
}

std::vector<double> washRises(const std::vector<std::pair<const double*, size_t>>& cols, const int32_t* peaks,
                              size_t count, int64_t back, int64_t gap, double madFloor, double dominant) {
  std::vector<double> out(count);
  std::vector<double> window;
  std::vector<double> buf;
  // col[i], or `outside` beyond the column (JavaScript's `col[i] ?? 0`; a missing col[p] is undefined: NaN)
  const auto at = [](const std::pair<const double*, size_t>& c, int64_t i, double outside) {
    return i >= 0 && static_cast<size_t>(i) < c.second ? c.first[i] : outside;
  };
  for (size_t k = 0; k < count; ++k) {
    const int64_t p = peaks[k];
    const int64_t lo = std::max<int64_t>(0, p - back);
    const int64_t hi = p - gap;
    if (hi - lo < 3) {
      out[k] = std::numeric_limits<double>::infinity();
      continue;
    }
    double top = 0;
    for (const auto& c : cols) top = jsMax(jsMax(jsMax(top, at(c, p - 1, 0)), at(c, p, kNaN)), at(c, p + 1, 0));
    double best = 0;
    for (const auto& c : cols) {
      const double peak = jsMax(jsMax(at(c, p - 1, 0), at(c, p, kNaN)), at(c, p + 1, 0));
      if (peak < dominant * top) continue;
      const auto n = static_cast<size_t>(hi - lo);
      window.resize(n);
      for (size_t i = 0; i < n; ++i) window[i] = at(c, lo + static_cast<int64_t>(i), kNaN);
      const double m = windowMedian(window.data(), 0, n, buf);
      for (size_t i = 0; i < n; ++i) window[i] = std::fabs(at(c, lo + static_cast<int64_t>(i), kNaN) - m);
      best = jsMax(best, (peak - m) / jsMax(madFloor, windowMedian(window.data(), 0, n, buf)));
    }
    out[k] = best;
  }
  return out;
}

std::vector<double> chordEmissions(const double* chroma, const uint8_t* sounding, const double* bass,
                                   const uint8_t* hasBass, size_t n, const double* templates, const int32_t* counts,
                                   size_t maxT, const int32_t* tones, size_t K, double bassWeight,
                                   double inversionBass) {
  std::vector<double> em(n * K, 0.0);
  for (size_t b = 0; b < n; ++b) {
    if (!sounding[b]) continue;
    const double* x = chroma + b * 12;
    double norm = 0;
    for (size_t i = 0; i < 12; ++i) norm += x[i] * x[i];
    for (size_t k = 0; k < K; ++k) {
      double e = 0;
      if (norm > 0)
        for (int32_t j = 0; j < counts[k]; ++j) {
          const double* t = templates + (k * maxT + static_cast<size_t>(j)) * 12;
          double dot = 0;
          for (size_t i = 0; i < 12; ++i) dot += x[i] * t[i];
          e = jsMax(e, dot / std::sqrt(norm));
        }
      em[b * K + k] = e;
    }
    if (!(bassWeight > 0) || !hasBass[b]) continue;
    const double* l = bass + b * 12;
    double bt = 0;
    for (size_t i = 0; i < 12; ++i) bt += l[i];
    if (!(bt > 0)) continue;
    for (size_t k = 0; k < K; ++k) {
      const int32_t* c = tones + k * 3;
      const double share = l[c[0]] + inversionBass * (l[c[1]] + l[c[2]]);
      em[b * K + k] = em[b * K + k] + (bassWeight * share) / bt;
    }
  }
  return em;
}

std::vector<int32_t> viterbi(const double* em, size_t n, size_t K, double switchPenalty) {
  if (n == 0 || K == 0) return {};
  std::vector<double> score(em, em + K);
  std::vector<double> next(K);
  std::vector<int32_t> back((n - 1) * K);
  for (size_t b = 1; b < n; ++b) {
    size_t best = 0;
    for (size_t k = 1; k < K; ++k)
      if (score[k] > score[best]) best = k;
    const double move = score[best] - switchPenalty;
    for (size_t k = 0; k < K; ++k) {
      const double stay = score[k];
      back[(b - 1) * K + k] = static_cast<int32_t>(stay >= move ? k : best);
      next[k] = jsMax(stay, move) + em[b * K + k];
    }
    std::swap(score, next);
  }
  size_t k = 0;
  for (size_t j = 1; j < K; ++j)
    if (score[j] > score[k]) k = j;
  std::vector<int32_t> path(n);
  path[n - 1] = static_cast<int32_t>(k);
  for (size_t b = n - 1; b > 0; --b) path[b - 1] = back[(b - 1) * K + static_cast<size_t>(path[b])];
  return path;
}

std::vector<double> barRepeat(const std::vector<std::pair<const double*, size_t>>& bands, const double* beats,
                              size_t beatCount, int64_t halfWidth, const double* fractions, size_t fractionCount,
                              const int32_t* lags, size_t lagCount) {
  // one row per beat (each band's peak at each fraction of the beat), rows in one flat array
  const size_t width = bands.size() * fractionCount;
  const size_t rows = beatCount > 0 ? beatCount - 1 : 0;
  std::vector<double> v(rows * width);
  // without NaN in the bands, Math.max from 0 is the plain maximum: it starts at +0, so a −0 never replaces it
  bool plain = true;
  for (const auto& band : bands) {
    bool nan = false;
    for (size_t j = 0; j < band.second; ++j) nan |= std::isnan(band.first[j]);
    plain = plain && !nan;
  }
  for (size_t i = 0; i < rows; ++i)
    for (size_t g = 0; g < bands.size(); ++g) {
      const double* x = bands[g].first;
      const auto last = static_cast<int64_t>(bands[g].second) - 1;
      for (size_t f = 0; f < fractionCount; ++f) {
        // Math.round of the position (exact: x − ⌊x⌋ is)
        const double pos = beats[i] + fractions[f] * (beats[i + 1] - beats[i]);
        const double fl = std::floor(pos);
        const auto c = static_cast<int64_t>(pos - fl >= 0.5 ? fl + 1 : fl);
        double m = 0;
        const int64_t from = std::max<int64_t>(0, c - halfWidth);
        const int64_t to = std::min(last, c + halfWidth);
        if (plain)
          for (int64_t j = from; j <= to; ++j) m = std::max(m, x[j]);
        else
          for (int64_t j = from; j <= to; ++j) m = jsMax(m, x[j]);
        v[i * width + g * fractionCount + f] = m;
      }
    }
  // each row's sum of squares, once for every lag (the same sum, in the same order, as the lag loop took it)
  std::vector<double> squares(rows);
  for (size_t i = 0; i < rows; ++i) {
    const double* a = v.data() + i * width;
    double aa = 0;
    for (size_t j = 0; j < width; ++j) aa += a[j] * a[j];
    squares[i] = aa;
  }
  std::vector<double> out(lagCount);
  for (size_t l = 0; l < lagCount; ++l) {
    const auto k = static_cast<size_t>(lags[l]);
    double sum = 0;
    size_t n = 0;
    // the products of four row pairs side by side (four independent sums, each in ascending j), then the cosines
    // added in ascending i
    auto cosine = [&](size_t i, double ab) {
      const double aa = squares[i];
      const double bb = squares[i + k];
      return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 1;
    };
    size_t i = 0;
    for (; i + 3 + k < rows; i += 4, n += 4) {
      const double* a = v.data() + i * width;
      const double* b = v.data() + (i + k) * width;
      double ab0 = 0, ab1 = 0, ab2 = 0, ab3 = 0;
      for (size_t j = 0; j < width; ++j) {
        ab0 += a[j] * b[j];
        ab1 += a[j + width] * b[j + width];
        ab2 += a[j + 2 * width] * b[j + 2 * width];
        ab3 += a[j + 3 * width] * b[j + 3 * width];
      }
      sum += cosine(i, ab0);
      sum += cosine(i + 1, ab1);
      sum += cosine(i + 2, ab2);
      sum += cosine(i + 3, ab3);
    }
    for (; i + k < rows; ++i, ++n) {
      const double* a = v.data() + i * width;
      const double* b = v.data() + (i + k) * width;
      double ab = 0;
      for (size_t j = 0; j < width; ++j) ab += a[j] * b[j];
      sum += cosine(i, ab);
    }
    out[l] = n ? sum / static_cast<double>(n) : 1;
  }
  return out;
}

namespace {
// tempo's ramp: Math.max(0, Math.min(1, (x − lo) / Math.max(1e-9, full − lo))).
double jsRamp(double x, double lo, double full) { return jsMax(0, jsMin(1, (x - lo) / jsMax(1e-9, full - lo))); }
}  // namespace

template <class T>
void snareHits(const T* values, size_t len, size_t bands, const int32_t* region, int64_t lag, int64_t hold,
               double lowDb, double fullDb, double sustainLow, double sustainFull, double stickWeight,
               const std::function<void(std::vector<double>&)>& purity, std::vector<int32_t>& frames,
               std::vector<double>& activity) {
  const auto n = static_cast<int64_t>(bands ? len / bands : 0);
  // frame t's region powers (p[0..3]), or its noise power alone: the same sums (each region's bands in ascending
  // order from +0, as the TypeScript loop's running sums over the bands)
  const auto powers = [&](int64_t t, double* p) {
    p[0] = p[1] = p[2] = p[3] = 0;
    const T* row = values + static_cast<size_t>(t) * bands;
    for (size_t b = 0; b < bands; ++b)
      if (region[b] >= 0) p[region[b]] += static_cast<double>(row[b]);
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto noiseAt = [&](int64_t t) {
    if (t >= n) return nan;  // (undefined to Math.max in JavaScript)
    double p = 0;
    const T* row = values + static_cast<size_t>(t) * bands;
    for (size_t b = 0; b < bands; ++b)
      if (region[b] == 2) p += static_cast<double>(row[b]);
    return p;
  };
  // the purity where the logarithm cannot matter: 10·log10(r) is within 1e-12 dB of the truth (Math.log10 is within
  // an ulp), far inside the margin, so r below the low edge less 1e-9 gives x < lowDb (ramp 0) and r above the full
  // edge plus 1e-9 gives x > fullDb, x − lowDb ≥ fullDb − lowDb (rounding is monotonic), ramp 1 (when the divisor
  // is fullDb − lowDb itself); NaN fails both tests
  const bool settled = jsMax(1e-9, fullDb - lowDb) == fullDb - lowDb;
  const double below = settled ? std::pow(10.0, lowDb / 10) * (1 - 1e-9) : -std::numeric_limits<double>::infinity();
  const double above = settled ? std::pow(10.0, fullDb / 10) * (1 + 1e-9) : std::numeric_limits<double>::infinity();
  // one pass over the frames (a ring of lag + 1 frames' powers): the rises' sums and the candidates (their frames
  // and purity; their rises are summed again below)
  std::vector<int32_t> cand;
  std::vector<double> pure;
  cand.reserve(static_cast<size_t>(n));
  pure.reserve(static_cast<size_t>(n));
  std::vector<size_t> asked;
  std::vector<double> ratios;
  const auto ring = static_cast<size_t>(lag) + 1;
  std::vector<double> p(4 * ring);
  double sumBody = 0, sumNoise = 0;
  for (int64_t t = 0; t < n; ++t) {
    double* cur = p.data() + 4 * (static_cast<size_t>(t) % ring);
    powers(t, cur);
    // (the frames before lag rise by +0: the sums, never −0, are unchanged by them)
    if (t < lag) continue;
    const double* pre = p.data() + 4 * (static_cast<size_t>(t - lag) % ring);
    const double body = jsMax(0, cur[1] - pre[1]);
    const double noise = jsMax(0, cur[2] - pre[2]);
    sumBody += body;
    sumNoise += noise;
    if (t + hold >= n || !(body > 0 && noise > 0)) continue;
    const double r = body / jsMax(1e-30, jsMax(0, cur[0] - pre[0]));
    cand.push_back(static_cast<int32_t>(t));
    pure.push_back(r < below ? 0 : 1);
    if (!(r < below) && !(r > above)) {
      asked.push_back(cand.size() - 1);
      ratios.push_back(r);
    }
  }
  if (!ratios.empty()) {
    purity(ratios);
    for (size_t i = 0; i < asked.size(); ++i) pure[asked[i]] = ratios[i];
  }
  const auto meanOf = [&](double sum) {
    const double m = sum / static_cast<double>(n);
    return m == 0 || std::isnan(m) ? 1.0 : m;
  };
  const double mb = meanOf(sumBody);
  const double mn = meanOf(sumNoise);
  std::vector<double> act(cand.size());
  for (size_t i = 0; i < cand.size(); ++i) {
    const int64_t t = cand[i];
    double cur[4], pre[4];
    powers(t, cur);
    powers(t - lag, pre);
    const double body = jsMax(0, cur[1] - pre[1]);
    const double noise = jsMax(0, cur[2] - pre[2]);
    const double air = jsMax(0, cur[3] - pre[3]);
    const double peak = jsMax(jsMax(cur[2], noiseAt(t + 1)), noiseAt(t + 2));
    const double sustain = peak > 0 ? jsRamp(noiseAt(t + hold) / peak, sustainLow, sustainFull) : 0;
    const double shape = std::sqrt((body / mb) * (noise / mn)) * pure[i] * (noise / (noise + air));
    act[i] = shape * (sustain + stickWeight * (1 - sustain));
  }
  // the local maxima (± hold frames): every other frame's activity is 0, which never beats one > 0
  for (size_t i = 0; i < cand.size(); ++i) {
    const double v = act[i];
    if (!(v > 0)) continue;
    const int32_t t = cand[i];
    bool top = true;
    for (size_t j = i; top && j-- > 0 && cand[j] >= t - hold;)
      if (act[j] >= v) top = false;  // (u < t: an equal one before wins)
    for (size_t j = i + 1; top && j < cand.size() && cand[j] <= t + hold; ++j)
      if (act[j] > v) top = false;
    if (top) {
      frames.push_back(t);
      activity.push_back(v);
    }
  }
}

#define SHUB_POST_INSTANTIATE(T)                                                                                      \
  template double kth<T>(const T*, size_t, size_t);                                                                   \
  template double quantileLower<T>(const T*, size_t, double);                                                         \
  template std::vector<double> autocorrelation<T>(const T*, size_t, size_t);                                          \
  template std::vector<double> autocorrelationLags<T>(const T*, size_t, size_t, size_t);                              \
  template std::vector<int32_t> trackBeats<T>(const T*, size_t, double, const std::vector<double>&, int);             \
  template std::vector<double> harmonicNovelty<T>(const T*, size_t, size_t, size_t);                                  \
  template std::vector<int32_t> pickPeaks<T>(const T*, size_t, double, int, int, int);                                \
  template int64_t steepestRise<T>(const T*, size_t, int64_t, int64_t, int64_t, double, int64_t);                     \
  template std::vector<int32_t> fineRises<T>(const T*, size_t, int64_t, int64_t, double, double, int64_t, int64_t);   \
  template std::vector<double> column<T>(const T*, size_t, size_t, size_t, double);                                   \
  template void bandRises<T>(const T*, size_t, size_t, double*);                                                      \
  template double backtrackStart<T>(const T*, size_t, double, int64_t, int64_t, int64_t, double);                     \
  template double attackStart<T>(const T*, size_t, int64_t, int64_t, int64_t, double, int64_t, int64_t, double);      \
  template std::vector<double> placeRises<T>(const T*, size_t, const int32_t*, size_t, const Placement&);             \
  template std::vector<double> powerMean<T>(const T*, size_t, size_t, const double*, double);                         \
  template std::vector<std::vector<double>> onFrames<T>(const T*, size_t, size_t, size_t, double);                    \
  template std::vector<double> foldProfiles<T>(const T*, size_t, const double*);                                      \
  template bool tonalEnvelope<T>(const T*, size_t, size_t, std::vector<double>&);                                     \
  template std::vector<double> beatProfile<T>(const T*, size_t, const std::vector<double>&,                           \
                                              const std::vector<double>&, int64_t);                                   \
  template std::vector<double> withLowBand<T, float>(const T*, size_t, const float*, size_t, double);                 \
  template std::vector<double> withLowBand<T, double>(const T*, size_t, const double*, size_t, double);               \
  template void snareHits<T>(const T*, size_t, size_t, const int32_t*, int64_t, int64_t, double, double, double,      \
                             double, double, const std::function<void(std::vector<double>&)>&, std::vector<int32_t>&, \
                             std::vector<double>&);

SHUB_POST_INSTANTIATE(float)
SHUB_POST_INSTANTIATE(double)

}  // namespace shub::post
