#include "reamp/oversampler.h"

#include "dsp/kaiser.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace shub {
namespace reamp {

Halfband::Halfband(double baseRate, double lowRate) {
  // pass the base band [0, base/2], stop from lowRate − base/2 (what folds onto the base band)
  const double high = 2 * lowRate;
  const double width = (lowRate - baseRate) / high;  // transition, cycles per high-rate sample
  const double atten = 110.0;
  const double beta = 0.1102 * (atten - 8.7);
  int L = static_cast<int>(std::ceil((atten - 7.95) / (14.36 * width))) + 1;
  L = std::max(7, ((L - 3 + 3) / 4) * 4 + 3);  // 4K + 3: the centre tap M = 2K + 1 is odd
  M_ = (L - 1) / 2;
  std::vector<double> h(static_cast<size_t>(L));
  const double norm = besselI0(beta);
  for (int n = 0; n < L; ++n) {
    const double t = n - M_;
    const double r = t / (M_ + 1.0);
    const double w = besselI0(beta * std::sqrt(std::max(0.0, 1 - r * r))) / norm;
    const double x = 0.5 * t;
    h[n] = 0.5 * (t == 0 ? 1.0 : std::sin(M_PI * x) / (M_PI * x)) * w;
  }
  // even taps (n = 2j): dense; odd taps are zero except the centre (exactly 1/2)
  double sumEven = 0;
  for (int n = 0; n < L; n += 2) sumEven += h[n];
  // stored reversed, so that an output is a dot product with the input history in time order
  for (int n = L - 1; n >= 0; --n)
    if (n % 2 == 0) even_.push_back(static_cast<float>(h[n] * 0.5 / sumEven));  // DC gain 1/2 + 1/2
  upHist_.assign(even_.size() - 1, 0.0f);
  downEven_.assign(even_.size() - 1, 0.0f);
  downOdd_.assign(static_cast<size_t>((M_ + 1) / 2), 0.0f);
}

void Halfband::up(const float* in, size_t n, std::vector<float>& out) {
  // y[2m] = Σ_j 2h[2j]·x[m−j];  y[2m+1] = x[m − K] with K = (M−1)/2
  const size_t J = even_.size();
  std::vector<float> buf(upHist_);
  buf.insert(buf.end(), in, in + n);
  const size_t K = static_cast<size_t>((M_ - 1) / 2);
  // taps outer, outputs inner: the inner loop runs over independent outputs and vectorises
  acc_.assign(n, 0.0f);
  for (size_t j = 0; j < J; ++j) {
    const float c = 2 * even_[j];  // reversed taps against x[m − (J−1)] .. x[m]
    const float* x = &buf[j];
    float* a = acc_.data();
    for (size_t m = 0; m < n; ++m) a[m] += c * x[m];
  }
  const size_t base = out.size();
  out.resize(base + 2 * n);
  float* o = out.data() + base;
  for (size_t m = 0; m < n; ++m) {
    o[2 * m] = acc_[m];
    o[2 * m + 1] = buf[m + J - 1 - K];
  }
  upHist_.assign(buf.end() - static_cast<std::ptrdiff_t>(J - 1), buf.end());
}

void Halfband::down(const float* in, size_t n, std::vector<float>& out) {
  // y[m] = Σ_j h[2j]·v[2(m−j)] + ½·v[2m − M]
  const size_t J = even_.size();
  const size_t half = n / 2;
  std::vector<float> ev(downEven_), od(downOdd_);
  for (size_t i = 0; i < half; ++i) ev.push_back(in[2 * i]), od.push_back(in[2 * i + 1]);
  const size_t D = downOdd_.size();  // v[2m − M] = odd stream index m − (M+1)/2
  acc_.assign(half, 0.0f);
  for (size_t j = 0; j < J; ++j) {
    const float c = even_[j];
    const float* x = &ev[j];
    float* a = acc_.data();
    for (size_t m = 0; m < half; ++m) a[m] += c * x[m];
  }
  const size_t base = out.size();
  out.resize(base + half);
  float* o = out.data() + base;
  for (size_t m = 0; m < half; ++m) o[m] = acc_[m] + 0.5f * od[m];  // od[m] is odd-stream index m − D
  downEven_.assign(ev.end() - static_cast<std::ptrdiff_t>(J - 1), ev.end());
  downOdd_.assign(od.end() - static_cast<std::ptrdiff_t>(D), od.end());
}

Oversampler::Oversampler(int baseRate, int factor) : baseRate_(baseRate), factor_(factor) {
  if (factor != 2 && factor != 4 && factor != 8 && factor != 16)
    throw std::invalid_argument("oversampling must be 2, 4, 8 or 16, got " + std::to_string(factor));
  if (baseRate > 192000) throw std::invalid_argument("oversampling needs a sample rate of at most 192 kHz");
  up2_ = std::make_unique<Resampler>(baseRate, 2 * baseRate, 1);
  down2_ = std::make_unique<Resampler>(2 * baseRate, baseRate, 1);
  // round trip of the halfband stages, in top-rate samples
  size_t top = 0;
  double low = 2.0 * baseRate;
  int stages = 0;
  for (int f = 4; f <= factor; f *= 2) {
    upStages_.emplace_back(baseRate, low);
    downStages_.emplace_back(baseRate, low);
    ++stages;
    low *= 2;
  }
  // stage s (0-based) runs at 2^(s+1)·2×-rate at its top: its 2M samples there are 2M·2^(S−1−(s+1)) at the top
  const size_t per2x = static_cast<size_t>(factor / 2);  // top-rate samples per 2×-rate sample
  for (int s = 0; s < stages; ++s) top += 2 * static_cast<size_t>(upStages_[s].delay()) * (per2x >> (s + 1));
  extraDelay_ = (per2x - top % per2x) % per2x;
  delayLine_.assign(extraDelay_, 0.0f);
  delay2x_ = (top + extraDelay_) / per2x;
  dropAt2x_ = delay2x_;
}

void Oversampler::runAt2x(const float* x2, size_t n, std::vector<float>& out, const Shaper& shaper) {
  // up the halfband chain
  a_.assign(x2, x2 + n);
  for (auto& st : upStages_) {
    b_.clear();
    st.up(a_.data(), a_.size(), b_);
    a_.swap(b_);
  }
  shaper(a_.data(), a_.size());
  if (extraDelay_) {
    b_.assign(delayLine_.begin(), delayLine_.end());
    b_.insert(b_.end(), a_.begin(), a_.end());
    delayLine_.assign(b_.end() - static_cast<std::ptrdiff_t>(extraDelay_), b_.end());
    b_.resize(a_.size());
    a_.swap(b_);
  }
  for (size_t s = downStages_.size(); s-- > 0;) {
    b_.clear();
    downStages_[s].down(a_.data(), a_.size(), b_);
    a_.swap(b_);
  }
  // a_: n samples at the 2× rate, delayed by delay2x_: drop the first ones, then down to the base rate
  size_t skip = std::min(dropAt2x_, a_.size());
  dropAt2x_ -= skip;
  const size_t m = a_.size() - skip;
  if (m == 0) return;
  const size_t base = out.size();
  out.resize(base + down2_->maxOutput(m));
  const float* src = a_.data() + skip;
  float* dst = out.data() + base;
  const size_t got = down2_->process(&src, m, &dst);
  out.resize(base + got);
}

void Oversampler::process(const float* in, size_t n, std::vector<float>& out, const Shaper& shaper) {
  if (n == 0) return;
  c_.resize(up2_->maxOutput(n));
  float* dst = c_.data();
  const size_t got = up2_->process(&in, n, &dst);
  if (got) runAt2x(c_.data(), got, out, shaper);
}

void Oversampler::flush(std::vector<float>& out, const Shaper& shaper) {
  c_.resize(up2_->tapsPerPhase() * 4 + 64);
  float* dst = c_.data();
  const size_t got = up2_->flush(&dst, c_.size());
  std::vector<float> tail(c_.begin(), c_.begin() + static_cast<std::ptrdiff_t>(got));
  tail.resize(got + delay2x_, 0.0f);  // push the compensated delay out
  if (!tail.empty()) runAt2x(tail.data(), tail.size(), out, shaper);
  const size_t base = out.size();
  const size_t cap = static_cast<size_t>(down2_->tapsPerPhase()) + 16;
  out.resize(base + cap);
  float* o = out.data() + base;
  const size_t last = down2_->flush(&o, cap);
  out.resize(base + last);
}

}  // namespace reamp
}  // namespace shub
