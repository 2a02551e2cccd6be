// Rational-ratio polyphase resampler (windowed sinc, Kaiser). Out/in = up/down after reducing
// by the gcd of the rates. Passband flat to min(20 kHz, 0.4535·min rate) within ±0.01 dB, stopband
// ≥ 100 dB from the lower Nyquist frequency. Streaming; flush() drains the filter tail so that
// exactly ceil(inFrames · out/in) frames come out, time-aligned (no delay).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shub {

class Resampler {
 public:
  Resampler(int inRate, int outRate, int channels);

  bool passthrough() const { return up_ == down_; }
  int inRate() const { return inRate_; }
  int outRate() const { return outRate_; }
  int tapsPerPhase() const { return taps_; }
  /** Most frames process() can write for n input frames. */
  size_t maxOutput(size_t n) const { return static_cast<size_t>((static_cast<uint64_t>(n) * up_) / down_ + 2); }

  /** Consumes n planar input frames, writes ready output frames to out; returns their count. */
  size_t process(const float* const* in, size_t n, float* const* out);
  /** Writes the remaining output frames (at most capacity); returns their count. */
  size_t flush(float* const* out, size_t capacity);

 private:
  size_t produce(float* const* out, size_t capacity, uint64_t availableIn);
  void append(const float* const* in, size_t n);

  int inRate_, outRate_, channels_;
  int64_t up_, down_;
  int taps_, half_;
  std::vector<float> table_;             // [phase][taps]
  std::vector<std::vector<float>> buf_;  // per channel input history; buf_[c][i] is input frame base_ + i − half_
  uint64_t base_ = 0;                    // absolute input index of buf_[c][half_]
  uint64_t inFrames_ = 0;
  uint64_t outNext_ = 0;  // next output index
};

}  // namespace shub
