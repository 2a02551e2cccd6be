// Algorithmic reverb for return buses (shub mix): an 8-line feedback delay network (Jot) with a
// Householder mixing matrix, line lengths spread over 29–67 ms (mutually prime at the running
// rate), per-line gains from the decay time (RT60: g = 10^(−3·len / (fs·T60))) and a one-pole
// low-pass per line so highs decay faster (dampingHz); a pre-delay line feeds it. The input is
// summed to mono; the left output is the sum of lines 0,2,4,6 and the right of 1,3,5,7, which
// decorrelates them. Output = mix·wet + (1 − mix)·dry (mix 1 for a return).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "generated/dsp_params.h"

namespace shub {

struct ReverbParams {
  // defaults, units and ranges: generated/dsp_params.h (declared in src/engines/dsp/params.ts)
  double decaySeconds = params::reverb::decaySeconds.def;  // RT60 at low frequencies
  double preDelayMs = params::reverb::preDelayMs.def;
  double dampingHz = params::reverb::dampingHz.def;  // where the per-line low-pass starts (≥ fs/2: off)
  double mix = params::reverb::mix.def;              // wet fraction
};

std::string validateReverbParams(const ReverbParams& p);

class Reverb {
 public:
  static constexpr int kLines = 8;
  Reverb(const ReverbParams& params, double sampleRate, int channels);
  void process(float* const* planes, size_t n);
  static double tailSeconds(const ReverbParams& p) { return p.decaySeconds + p.preDelayMs * 1e-3; }

 private:
  ReverbParams p_;
  int channels_;
  size_t len_[kLines];
  size_t pos_[kLines] = {};
  double gain_[kLines];
  double lp_[kLines] = {};
  double lpCoef_;
  std::vector<float> lines_[kLines];
  std::vector<float> pre_;
  size_t prePos_ = 0;
};

}  // namespace shub
