#include "dsp/saturation.h"

#include <cmath>
#include <stdexcept>

#include "common.h"

namespace shub {

std::string validateSaturationParams(const SaturationParams& p) {
  namespace s = params::saturation;
  return params::firstRejection({{s::driveDb, p.driveDb}, {s::outputDb, p.outputDb}, {s::mix, p.mix}});
}

Saturation::Saturation(const SaturationParams& params, int channels) : p_(params), channels_(channels) {
  const std::string err = validateSaturationParams(p_);
  if (!err.empty()) throw std::invalid_argument(err);
  drive_ = std::pow(10.0, p_.driveDb / 20.0);
  const double out = std::pow(10.0, p_.outputDb / 20.0);
  wet_ = out * p_.mix;
  dry_ = out * (1.0 - p_.mix);
}

namespace {
// tanh through a [3/2]-like rational form, exact at 0 and saturating to ±1 beyond |x| = 3
// (continuous there); error < 2.5 % of full scale, smooth, cheap and deterministic.
SHUB_ALWAYS_INLINE float softClip(float x) {
  if (x > 3.0f) return 1.0f;
  if (x < -3.0f) return -1.0f;
  const float x2 = x * x;
  return x * (27.0f + x2) / (27.0f + 9.0f * x2);
}
}  // namespace

void Saturation::process(float* const* planes, size_t n) {
  const float g = static_cast<float>(drive_), inv = static_cast<float>(1.0 / drive_);
  const float wet = static_cast<float>(wet_), dry = static_cast<float>(dry_);
  for (int c = 0; c < channels_; ++c) {
    float* x = planes[c];
    for (size_t i = 0; i < n; ++i) x[i] = wet * softClip(g * x[i]) * inv + dry * x[i];
  }
}

}  // namespace shub
