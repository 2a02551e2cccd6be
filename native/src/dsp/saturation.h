// Soft saturation for track chains (shub mix): drive into a tanh-shaped soft clipper whose
// small-signal gain is 1 (y = tanh(g·x) / g with g = 10^(driveDb/20)), so drive adds harmonics
// and rounds peaks above about 1/g without changing the level of quiet material; an output
// gain and a dry/wet mix follow. Not oversampled: keep drive moderate on bright material.
#pragma once

#include <cstddef>
#include <string>

#include "generated/dsp_params.h"

namespace shub {

struct SaturationParams {
  // defaults, units and ranges: generated/dsp_params.h (declared in src/engines/dsp/params.ts)
  double driveDb = params::saturation::driveDb.def;
  double outputDb = params::saturation::outputDb.def;
  double mix = params::saturation::mix.def;  // wet fraction
};

std::string validateSaturationParams(const SaturationParams& p);

class Saturation {
 public:
  Saturation(const SaturationParams& params, int channels);
  void process(float* const* planes, size_t n);

 private:
  SaturationParams p_;
  int channels_;
  double drive_, wet_, dry_;
};

}  // namespace shub
