#include "truepeak.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>

#include "isa.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace shub {

// ---- interpolator design ---------------------------------------------------------------

namespace {

double besselI0(double x) {
  double sum = 1.0, term = 1.0;
  const double q = x * x / 4.0;
  for (int k = 1; k < 500; ++k) {
    term *= q / (static_cast<double>(k) * k);
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return sum;
}

}  // namespace

PolyphaseInterpolator::PolyphaseInterpolator(int taps, double beta) : taps_(taps), beta_(beta) {
  if (taps < 8 || taps % 4 != 0)
    throw std::invalid_argument("PolyphaseInterpolator: taps must be a multiple of 4, >= 8");
  const size_t T = static_cast<size_t>(taps);
  byPhase_.assign(kPhases * T, 0.0f);
  window_.assign((T + 1) * kWindowColumns, 0.0f);
  std::vector<double> h(T);
  double l1 = 0;
  for (int p = 0; p < kPhases; ++p) {
    if (p == 0) {
      std::fill(h.begin(), h.end(), 0.0);
      h[T / 2 - 1] = 1.0;  // phase 0 is the sample itself, exactly
    } else {
      double sum = 0;
      for (size_t j = 0; j < T; ++j) {
        const double t = static_cast<double>(p) / kPhases + static_cast<double>(T / 2 - 1) - static_cast<double>(j);
        h[j] = kernel(t);
        sum += h[j];
      }
      for (double& v : h) v /= sum;  // unit DC gain per phase
    }
    double a = 0;
    for (size_t j = 0; j < T; ++j) {
      const float f = static_cast<float>(h[j]);
      byPhase_[static_cast<size_t>(p) * T + j] = f;
      // window columns: phase p of center c (column p + 16, rows shifted by one) and, for
      // p ≥ 16, phase p of center c − 1 (column p − 16, rows unshifted)
      window_[(j + 1) * kWindowColumns + static_cast<size_t>(p) + kPhases / 2] = f;
      if (p >= kPhases / 2) window_[j * kWindowColumns + static_cast<size_t>(p - kPhases / 2)] = f;
      a += std::fabs(static_cast<double>(f));
    }
    l1 = std::max(l1, a);
  }
  // covers the float accumulation error of a taps-long dot product with margin
  l1Bound_ = static_cast<float>(l1 * (1.0 + 1e-4));
}

double PolyphaseInterpolator::kernel(double t) const {
  const double half = taps_ / 2.0;
  if (std::fabs(t) >= half) return 0.0;
  const double r = t / half;
  const double w = besselI0(beta_ * std::sqrt(1.0 - r * r)) / besselI0(beta_);
  const double s = t == 0.0 ? 1.0 : std::sin(M_PI * t) / (M_PI * t);
  return s * w;
}

const PolyphaseInterpolator& PolyphaseInterpolator::standard() {
  static const PolyphaseInterpolator instance;
  return instance;
}

int truePeakOversampling(int sampleRate) { return sampleRate >= 192000 ? 2 : 4; }

// ---- scan kernels ----------------------------------------------------------------------
// One instantiation per instruction set, selected at run time (isa.h).

#if defined(__x86_64__) || defined(__i386__)
#pragma GCC push_options
#pragma GCC target("avx512f,fma")
namespace tp_avx512 {
#define SHUB_TP_WIDTH 16
#include "truepeak_kernel.h"
#undef SHUB_TP_WIDTH
}  // namespace tp_avx512
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx2,fma")
namespace tp_avx2 {
#define SHUB_TP_WIDTH 8
#include "truepeak_kernel.h"
#undef SHUB_TP_WIDTH
}  // namespace tp_avx2
#pragma GCC pop_options
#endif

namespace tp_base {
#define SHUB_TP_WIDTH 4
#include "truepeak_kernel.h"
#undef SHUB_TP_WIDTH
}  // namespace tp_base

namespace {

TruePeakMeter::ScanFn selectScan() {
#if defined(__x86_64__) || defined(__i386__)
  return isaPick<TruePeakMeter::ScanFn>(tp_base::scan, tp_avx2::scan, tp_avx512::scan);
#else
  return tp_base::scan;
#endif
}

}  // namespace

// ---- meter -----------------------------------------------------------------------------

TruePeakMeter::TruePeakMeter(int sampleRate, int channels, const PolyphaseInterpolator& interp)
    : interp_(interp), factor_(truePeakOversampling(sampleRate)), taps_(interp.taps()) {
  pad_ = 256 + 2 * static_cast<size_t>(taps_);
  const int step = PolyphaseInterpolator::kPhases / factor_;
  for (int k = 0; k < 3; ++k) args_.grid[k] = interp_.phase(k + 1 < factor_ ? (k + 1) * step : 0);
  args_.window = interp_.window();
  args_.taps = taps_;
  args_.factor = factor_;
  args_.l1 = interp_.l1Bound();
  static const ScanFn selected = selectScan();
  scan_ = selected;
  ch_.resize(static_cast<size_t>(channels));
  for (Channel& c : ch_) {
    c.buf.assign(static_cast<size_t>(taps_) + kBlock + pad_, 0.0f);
    c.len = static_cast<size_t>(taps_);  // virtual zeros before the first sample
  }
}

void TruePeakMeter::process(const float* const* planar, size_t frames) {
  const size_t T = static_cast<size_t>(taps_);
  // first center whose interpolation window lies entirely inside the signal
  const uint64_t firstFull = T / 2 - 1;
  for (size_t off = 0; off < frames; off += kBlock) {
    const size_t n = std::min(kBlock, frames - off);
    const uint64_t before = frames_;
    frames_ += n;
    for (size_t c = 0; c < ch_.size(); ++c) {
      Channel& s = ch_[c];
      float* buf = s.buf.data();
      std::memcpy(buf + s.len, planar[c] + off, n * sizeof(float));
      s.len += n;
      // centers [first, first + n) of buf are absolute samples before − T/2 + [0, n)
      size_t first = s.len - n - T / 2;
      size_t count = n;
      size_t leftLimit = 0;
      const int64_t a0 = static_cast<int64_t>(before) - static_cast<int64_t>(T / 2);
      if (a0 <= static_cast<int64_t>(firstFull)) {
        // near the start only the samples themselves count: interpolating there would have
        // to invent the signal before the first sample (zeros ring like a hard onset)
        const size_t k = std::min<size_t>(n, static_cast<size_t>(static_cast<int64_t>(firstFull) - a0));
        for (size_t i = 0; i < k; ++i) s.runmax = std::max(s.runmax, std::fabs(buf[first + i]));
        first += k;
        count -= k;
        leftLimit = first + 1;  // nor is the interval before the first full window
      }
      if (count > 0) s.runmax = scan_(args_, buf, first, count, s.len, s.runmax, leftLimit);
      std::memmove(buf, buf + s.len - T, T * sizeof(float));
      s.len = T;
    }
  }
}

std::vector<double> TruePeakMeter::peaks() const {
  const size_t T = static_cast<size_t>(taps_);
  std::vector<double> out(ch_.size());
  for (size_t c = 0; c < ch_.size(); ++c) {
    const Channel& s = ch_[c];
    // the last T/2 samples have no lookahead: they count by their sample values (state is
    // left untouched, so more samples may still be added)
    float r = std::max(s.runmax, s.before);
    for (size_t i = s.len - T / 2; i < s.len; ++i) r = std::max(r, std::fabs(s.buf[i]));
    out[c] = static_cast<double>(r);
  }
  return out;
}

double TruePeakMeter::windowPeakSoFar() const {
  const size_t T = static_cast<size_t>(taps_);
  float r = 0;
  for (const Channel& s : ch_) {
    r = std::max(r, s.runmax);
    for (size_t i = s.len - T / 2; i < s.len; ++i) r = std::max(r, std::fabs(s.buf[i]));
  }
  return static_cast<double>(r);
}

double TruePeakMeter::takeWindowPeak() {
  float r = 0;
  for (Channel& s : ch_) {
    r = std::max(r, s.runmax);
    s.before = std::max(s.before, s.runmax);
    s.runmax = 0;
  }
  return static_cast<double>(r);
}

}  // namespace shub
