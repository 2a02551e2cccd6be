#include "dsp/reverb.h"

#include <cmath>
#include <stdexcept>

namespace shub {

std::string validateReverbParams(const ReverbParams& p) {
  namespace r = params::reverb;
  return params::firstRejection(
      {{r::decaySeconds, p.decaySeconds}, {r::preDelayMs, p.preDelayMs}, {r::dampingHz, p.dampingHz}, {r::mix, p.mix}});
}

namespace {
bool isPrime(size_t n) {
  if (n < 2) return false;
  for (size_t d = 2; d * d <= n; ++d)
    if (n % d == 0) return false;
  return true;
}
}  // namespace

Reverb::Reverb(const ReverbParams& params, double sampleRate, int channels) : p_(params), channels_(channels) {
  const std::string err = validateReverbParams(p_);
  if (!err.empty()) throw std::invalid_argument(err);
  static constexpr double kMs[kLines] = {29.7, 37.1, 41.1, 43.7, 53.3, 59.9, 61.7, 67.3};
  for (int k = 0; k < kLines; ++k) {
    size_t len = static_cast<size_t>(std::round(kMs[k] * 1e-3 * sampleRate));
    while (!isPrime(len)) ++len;  // distinct primes: no common echo periods
    len_[k] = len;
    lines_[k].assign(len, 0.0f);
    gain_[k] = std::pow(10.0, -3.0 * static_cast<double>(len) / (sampleRate * p_.decaySeconds));
  }
  lpCoef_ = p_.dampingHz < sampleRate / 2 ? std::exp(-2.0 * M_PI * p_.dampingHz / sampleRate) : 0.0;
  pre_.assign(std::max<size_t>(1, static_cast<size_t>(std::round(p_.preDelayMs * 1e-3 * sampleRate))), 0.0f);
}

void Reverb::process(float* const* planes, size_t n) {
  const double wet = p_.mix, dry = 1.0 - p_.mix, a = lpCoef_;
  const double inScale = 1.0 / channels_;
  const double outScale = 0.5;  // four lines per side at roughly equal energy
  const bool usePre = pre_.size() > 1 || p_.preDelayMs > 0;
  for (size_t i = 0; i < n; ++i) {
    double in = 0;
    for (int c = 0; c < channels_; ++c) in += planes[c][i];
    in *= inScale;
    if (usePre) {
      const double d = pre_[prePos_];
      pre_[prePos_] = static_cast<float>(in);
      if (++prePos_ == pre_.size()) prePos_ = 0;
      in = d;
    }
    double out[kLines], sum = 0;
    for (int k = 0; k < kLines; ++k) {
      const double y = lines_[k][pos_[k]];
      lp_[k] = (1.0 - a) * y + a * lp_[k];
      out[k] = lp_[k] * gain_[k];
      sum += out[k];
    }
    // Householder reflection (I − 2/N·11ᵀ): lossless, every line feeds every other
    const double h = sum * (2.0 / kLines);
    double left = 0, right = 0;
    for (int k = 0; k < kLines; ++k) {
      const double fbk = out[k] - h;
      lines_[k][pos_[k]] = static_cast<float>(fbk + ((k & 1) ? -in : in));
      if (++pos_[k] == len_[k]) pos_[k] = 0;
      if (k & 1)
        right += out[k];
      else
        left += out[k];
    }
    left *= outScale;
    right *= outScale;
    if (channels_ == 1) {
      planes[0][i] = static_cast<float>(wet * 0.5 * (left + right) + dry * planes[0][i]);
    } else {
      planes[0][i] = static_cast<float>(wet * left + dry * planes[0][i]);
      planes[1][i] = static_cast<float>(wet * right + dry * planes[1][i]);
      for (int c = 2; c < channels_; ++c) planes[c][i] = static_cast<float>(dry * planes[c][i]);
    }
  }
}

}  // namespace shub
