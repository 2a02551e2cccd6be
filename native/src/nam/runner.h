// A NAM network with its sample-rate conversion: the host's frames are resampled to the
// model's rate, run through the network, and resampled back (shub::Resampler, time-aligned),
// so that over a stream exactly as many frames come out as went in, output frame n answering
// input frame n.
#pragma once

#include <memory>
#include <vector>

#include "dsp/resampler.h"
#include "nam/model.h"

namespace shub {
namespace nam {

class Runner {
 public:
  Runner(const ModelSpec& spec, int hostRate);
  bool resampling() const { return in_ != nullptr; }
  size_t prewarmSamples() const { return net_->prewarmSamples(); }
  /** Output frames ready for n more input frames (fewer than n while the resamplers fill). */
  std::vector<float> process(const float* x, size_t n);
  /** The remaining frames; the runner is not used after it. */
  std::vector<float> flush();

 private:
  void run(const float* modelIn, size_t m, std::vector<float>& out);
  std::unique_ptr<Network> net_;
  std::unique_ptr<Resampler> in_, out_;
  uint64_t inFrames_ = 0, outFrames_ = 0;
  std::vector<float> a_, b_;
};

}  // namespace nam
}  // namespace shub
