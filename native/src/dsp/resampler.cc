#include "dsp/resampler.h"

#include "dsp/dot.h"
#include "dsp/kaiser.h"
#include "generated/dsp_params.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace shub {

Resampler::Resampler(int inRate, int outRate, int channels) : inRate_(inRate), outRate_(outRate), channels_(channels) {
  const std::string err = params::firstRejection({{params::audio::sampleRate, static_cast<double>(inRate)},
                                                  {params::audio::sampleRate, static_cast<double>(outRate)}});
  if (!err.empty()) throw std::invalid_argument("resampler: " + err);
  if (channels < 1) throw std::invalid_argument("resampler: channels must be >= 1");
  const int64_t g = std::gcd<int64_t>(inRate, outRate);
  up_ = outRate / g;
  down_ = inRate / g;
  if (up_ > 4096) throw std::invalid_argument("resampler: the rate ratio needs more than 4096 phases");
  buf_.assign(static_cast<size_t>(channels), {});
  if (passthrough()) {
    taps_ = 0;
    half_ = 0;
    return;
  }
  // design in units of input samples
  const double low = std::min(inRate, outRate);
  const double pass = std::min(20000.0, 0.4535 * low);
  const double stop = 0.5 * low;
  const double cutoff = 0.5 * (pass + stop) / inRate;  // cycles per input sample
  const double width = (stop - pass) / inRate;         // transition, cycles per input sample
  const double atten = 110.0;
  const double beta = 0.1102 * (atten - 8.7);
  int n = static_cast<int>(std::ceil((atten - 7.95) / (14.36 * width)));  // Kaiser's length estimate
  taps_ = std::max(16, (n + 3) / 4 * 4);
  half_ = taps_ / 2;
  table_.assign(static_cast<size_t>(up_) * taps_, 0.0f);
  const double norm = besselI0(beta);
  for (int64_t ph = 0; ph < up_; ++ph) {
    // output at input time t = i + ph/up uses x[i − half + 1 + j]
    const double frac = static_cast<double>(ph) / static_cast<double>(up_);
    double sum = 0;
    std::vector<double> h(static_cast<size_t>(taps_));
    for (int j = 0; j < taps_; ++j) {
      const double tau = (j - half_ + 1) - frac;  // sample time minus output time
      const double r = tau / (half_ + 0.5);
      const double w = std::fabs(r) >= 1 ? 0.0 : besselI0(beta * std::sqrt(1 - r * r)) / norm;
      const double x = 2 * cutoff * tau;
      const double sinc = std::fabs(x) < 1e-12 ? 1.0 : std::sin(M_PI * x) / (M_PI * x);
      h[j] = 2 * cutoff * sinc * w;
      sum += h[j];
    }
    for (int j = 0; j < taps_; ++j) table_[static_cast<size_t>(ph) * taps_ + j] = static_cast<float>(h[j] / sum);
  }
  for (auto& b : buf_) b.assign(static_cast<size_t>(half_), 0.0f);  // history before the first frame is silence
}

void Resampler::append(const float* const* in, size_t n) {
  for (int c = 0; c < channels_; ++c) buf_[c].insert(buf_[c].end(), in[c], in[c] + n);
}

size_t Resampler::produce(float* const* out, size_t capacity, uint64_t availableIn) {
  size_t written = 0;
  const size_t T = static_cast<size_t>(taps_);
  while (written < capacity) {
    const uint64_t num = outNext_ * static_cast<uint64_t>(down_);
    const uint64_t i = num / static_cast<uint64_t>(up_);
    const size_t ph = static_cast<size_t>(num % static_cast<uint64_t>(up_));
    // needs input up to i + half
    if (i + static_cast<uint64_t>(half_) >= availableIn) break;
    const float* h = &table_[ph * T];
    const size_t first = static_cast<size_t>(i - base_) + 1;  // buf index of x[i − half + 1]
    for (int c = 0; c < channels_; ++c) {
      out[c][written] = dot(h, &buf_[c][first], T);
    }
    ++written;
    ++outNext_;
  }
  // drop history that no future output needs
  const uint64_t nextI = (outNext_ * static_cast<uint64_t>(down_)) / static_cast<uint64_t>(up_);
  if (nextI > base_ + 4096) {
    const size_t drop = static_cast<size_t>(nextI - base_);
    for (auto& b : buf_) b.erase(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(drop));
    base_ += drop;
  }
  return written;
}

size_t Resampler::process(const float* const* in, size_t n, float* const* out) {
  if (passthrough()) {
    for (int c = 0; c < channels_; ++c) std::copy(in[c], in[c] + n, out[c]);
    inFrames_ += n;
    return n;
  }
  append(in, n);
  inFrames_ += n;
  return produce(out, maxOutput(n), inFrames_);
}

size_t Resampler::flush(float* const* out, size_t capacity) {
  if (passthrough()) return 0;
  const uint64_t total =
      (inFrames_ * static_cast<uint64_t>(up_) + static_cast<uint64_t>(down_) - 1) / static_cast<uint64_t>(down_);
  std::vector<float> zeros(static_cast<size_t>(half_) + 1, 0.0f);
  std::vector<const float*> z(static_cast<size_t>(channels_), zeros.data());
  append(z.data(), zeros.size());
  const size_t want = static_cast<size_t>(std::min<uint64_t>(capacity, total > outNext_ ? total - outNext_ : 0));
  return produce(out, want, inFrames_ + zeros.size());
}

}  // namespace shub
