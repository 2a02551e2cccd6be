#include "dsp/delay.h"

#include <cmath>
#include <stdexcept>

namespace shub {

std::string validateDelayParams(const DelayParams& p) {
  namespace d = params::delay;
  return params::firstRejection(
      {{d::timeMs, p.timeMs}, {d::feedback, p.feedback}, {d::highCutHz, p.highCutHz}, {d::mix, p.mix}});
}

double Delay::tailSeconds(const DelayParams& p) {
  if (p.feedback <= 0) return p.timeMs * 1e-3;
  return p.timeMs * 1e-3 * (1.0 + std::log(1e-3) / std::log(p.feedback));
}

Delay::Delay(const DelayParams& params, double sampleRate, int channels) : p_(params), channels_(channels) {
  const std::string err = validateDelayParams(p_);
  if (!err.empty()) throw std::invalid_argument(err);
  length_ = static_cast<size_t>(std::max(1.0, std::round(p_.timeMs * 1e-3 * sampleRate)));
  line_.assign(length_ * static_cast<size_t>(channels), 0.0f);
  lp_.assign(static_cast<size_t>(channels), 0.0);
  lpCoef_ =
      (p_.highCutHz > 0 && p_.highCutHz < sampleRate / 2) ? std::exp(-2.0 * M_PI * p_.highCutHz / sampleRate) : 0.0;
}

void Delay::process(float* const* planes, size_t n) {
  const double fb = p_.feedback, wet = p_.mix, dry = 1.0 - p_.mix, a = lpCoef_;
  const bool cross = p_.pingPong && channels_ == 2;
  for (size_t i = 0; i < n; ++i) {
    float delayed[2] = {0, 0};
    for (int c = 0; c < channels_ && c < 2; ++c) delayed[c] = line_[static_cast<size_t>(c) * length_ + pos_];
    for (int c = 0; c < channels_; ++c) {
      const float d = c < 2 ? delayed[c] : line_[static_cast<size_t>(c) * length_ + pos_];
      const float back = cross ? delayed[1 - c] : d;
      lp_[c] = (1.0 - a) * back + a * lp_[c];
      const double x = planes[c][i];
      // ping-pong: only the left input enters the line, so repeats alternate L, R, L, …
      const double in = cross ? (c == 0 ? 0.5 * (x + planes[1][i]) : 0.0) : x;
      line_[static_cast<size_t>(c) * length_ + pos_] = static_cast<float>(in + fb * lp_[c]);
      planes[c][i] = static_cast<float>(wet * d + dry * x);
    }
    if (++pos_ == length_) pos_ = 0;
  }
}

}  // namespace shub
