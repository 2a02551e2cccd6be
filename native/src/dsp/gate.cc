#include "dsp/gate.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace shub {

std::string validateGateParams(const GateParams& p) {
  namespace g = params::gate;
  return params::firstRejection({{g::thresholdDb, p.thresholdDb},
                                 {g::rangeDb, p.rangeDb},
                                 {g::attackMs, p.attackMs},
                                 {g::holdMs, p.holdMs},
                                 {g::releaseMs, p.releaseMs},
                                 {g::hysteresisDb, p.hysteresisDb}});
}

Gate::Gate(const GateParams& params, double sampleRate, int channels) : p_(params), channels_(channels) {
  const std::string err = validateGateParams(p_);
  if (!err.empty()) throw std::invalid_argument(err);
  if (channels < 1) throw std::invalid_argument("channels must be >= 1");
  open_ = std::pow(10.0, p_.thresholdDb / 20.0);
  close_ = std::pow(10.0, (p_.thresholdDb - p_.hysteresisDb) / 20.0);
  floor_ = std::pow(10.0, p_.rangeDb / 20.0);
  attackCoef_ = std::exp(-1.0 / (p_.attackMs * 1e-3 * sampleRate));
  releaseCoef_ = std::exp(-1.0 / (p_.releaseMs * 1e-3 * sampleRate));
  holdFrames_ = static_cast<uint64_t>(std::llround(p_.holdMs * 1e-3 * sampleRate));
  gain_ = floor_;
}

void Gate::process(float* const* planes, size_t n) {
  uint64_t openFrames = 0;
  for (size_t i = 0; i < n; ++i) {
    double key = 0;
    for (int c = 0; c < channels_; ++c) key = std::max(key, static_cast<double>(std::fabs(planes[c][i])));
    if (key >= open_ || (isOpen_ && key >= close_)) {
      isOpen_ = true;
      held_ = 0;
    } else if (isOpen_ && ++held_ > holdFrames_) {
      isOpen_ = false;
    }
    const double target = isOpen_ ? 1.0 : floor_;
    const double coef = target > gain_ ? attackCoef_ : releaseCoef_;
    gain_ = coef * gain_ + (1.0 - coef) * target;
    openFrames += isOpen_;
    const float g = static_cast<float>(gain_);
    for (int c = 0; c < channels_; ++c) planes[c][i] *= g;
  }
  stats_.frames += n;
  stats_.openFrames += openFrames;
}

}  // namespace shub
