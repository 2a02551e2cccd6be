#include "nam/runner.h"

#include <cmath>
#include <stdexcept>

#include "common.h"

namespace shub {
namespace nam {

Runner::Runner(const ModelSpec& spec, int hostRate) : net_(makeNetwork(spec)) {
  const int modelRate = static_cast<int>(std::lround(spec.sampleRate));
  if (modelRate != hostRate) {
    in_ = std::make_unique<Resampler>(hostRate, modelRate, 1);
    out_ = std::make_unique<Resampler>(modelRate, hostRate, 1);
  }
}

void Runner::run(const float* modelIn, size_t m, std::vector<float>& out) {
  b_.resize(m);
  net_->process(modelIn, b_.data(), m);
  const size_t base = out.size();
  out.resize(base + out_->maxOutput(m));
  const float* src = b_.data();
  float* dst = out.data() + base;
  out.resize(base + out_->process(&src, m, &dst));
}

std::vector<float> Runner::process(const float* x, size_t n) {
  DenormalGuard guard;
  inFrames_ += n;
  std::vector<float> out;
  if (!in_) {
    out.resize(n);
    net_->process(x, out.data(), n);
  } else {
    a_.resize(in_->maxOutput(n));
    float* ap = a_.data();
    const size_t m = in_->process(&x, n, &ap);
    run(a_.data(), m, out);
  }
  if (outFrames_ + out.size() > inFrames_) out.resize(inFrames_ - outFrames_);
  outFrames_ += out.size();
  return out;
}

std::vector<float> Runner::flush() {
  DenormalGuard guard;
  std::vector<float> out;
  if (in_) {
    // the input resampler's tail (at most its filter length), then the output resampler's
    a_.resize(in_->maxOutput(static_cast<size_t>(in_->tapsPerPhase()) + 2) + 64);
    float* ap = a_.data();
    const size_t m = in_->flush(&ap, a_.size());
    run(a_.data(), m, out);
    const uint64_t need = inFrames_ - std::min<uint64_t>(inFrames_, outFrames_ + out.size());
    const size_t base = out.size();
    out.resize(base + need);
    float* dst = out.data() + base;
    out.resize(base + out_->flush(&dst, need));
  }
  if (outFrames_ + out.size() > inFrames_) out.resize(inFrames_ - outFrames_);
  out.resize(inFrames_ - outFrames_, 0.0f);  // never short of the input's length
  outFrames_ += out.size();
  return out;
}

}  // namespace nam
}  // namespace shub
