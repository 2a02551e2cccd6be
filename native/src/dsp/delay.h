// Stereo feedback delay for return buses (shub mix): each channel is delayed by timeMs and fed
// back with `feedback` through a one-pole low-pass (highCutHz) so repeats darken; ping-pong
// crosses the feedback between channels. Output = mix·wet + (1 − mix)·dry (mix 1 for a return).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "generated/dsp_params.h"

namespace shub {

struct DelayParams {
  // defaults, units and ranges: generated/dsp_params.h (declared in src/engines/dsp/params.ts)
  double timeMs = params::delay::timeMs.def;
  double feedback = params::delay::feedback.def;
  double highCutHz = params::delay::highCutHz.def;  // low-pass in the feedback path; 0 or ≥ fs/2 = off
  bool pingPong = false;
  double mix = params::delay::mix.def;  // wet fraction
};

std::string validateDelayParams(const DelayParams& p);

class Delay {
 public:
  Delay(const DelayParams& params, double sampleRate, int channels);
  void process(float* const* planes, size_t n);
  /** Seconds until the repeats fall below −60 dB. */
  static double tailSeconds(const DelayParams& p);

 private:
  DelayParams p_;
  int channels_;
  size_t length_;
  size_t pos_ = 0;
  double lpCoef_;
  std::vector<float> line_;  // [channel][length_]
  std::vector<double> lp_;   // feedback low-pass state per channel
};

}  // namespace shub
