// Lookahead true-peak limiter. Detection: every sample and its inter-sample values on a grid
// twice as fine as the true-peak meter's (8× below 192 kHz; the interpolator of truepeak.h) → required gain
// min(1, ceiling / peak) → sliding minimum over the lookahead window → upward-only release →
// moving average over the lookahead window. Because every average term is a minimum over a
// window that contains the output sample, the applied gain never exceeds the required gain at
// any sample: no overshoot on the detection grid (inter-grid residue is handled by the
// caller's verification). Latency: lookahead + interpolator half-length, compensated inside
// (output frame i is input frame i; flush() drains the tail).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "generated/dsp_params.h"

#include "truepeak.h"

namespace shub {

struct LimiterParams {
  // defaults, units and ranges: generated/dsp_params.h (declared in src/engines/dsp/params.ts)
  double ceilingDb = params::limiter::ceilingDb.def;      // linear ceiling = 10^(ceilingDb/20), on the oversampled grid
  double lookaheadMs = params::limiter::lookaheadMs.def;  // attack ramp length
  double releaseMs = params::limiter::releaseMs.def;      // upward recovery time constant
};

/** Empty when valid, else a message naming the field, its range and the value. */
std::string validateLimiterParams(const LimiterParams& p);

struct LimiterStats {
  uint64_t frames = 0;
  double minGain = 1.0;        // smallest applied gain (linear)
  double sumGainDb = 0;        // Σ applied gain in dB (≤ 0) per frame
  uint64_t limitedFrames = 0;  // frames with more than 0.1 dB gain reduction
};

class TruePeakLimiter {
 public:
  TruePeakLimiter(const LimiterParams& params, int sampleRate, int channels,
                  const PolyphaseInterpolator& interp = PolyphaseInterpolator::standard());

  /**
   * Consumes n frames of planar input and writes the frames that are ready into out (planar,
   * capacity ≥ n per channel); returns how many were written. In total, after flush(), exactly
   * as many frames come out as went in.
   */
  size_t process(const float* const* in, size_t n, float* const* out);
  /** Writes the remaining latency() frames (or fewer if less input was given); returns the count. */
  size_t flush(float* const* out, size_t capacity);

  size_t latency() const { return latency_; }
  const LimiterStats& stats() const { return stats_; }

 private:
  void push(const float* frame);  // one frame through the detector and delay line
  bool pop(float* frame);         // the next output frame, if ready

  LimiterParams p_;
  int channels_;
  int taps_, half_;
  std::vector<const float*> coarse_,
      fine_;  // detection grid phases (excluding 0): the meter's grid, and the points between
  static constexpr double kFineMargin = 1.09;
  double ceiling_;
  double l1_;       // max over phases of Σ|h| (interpolation bound)
  size_t look_;     // lookahead L in samples
  size_t latency_;  // half_ + look_ − 1
  double releaseCoef_;

  // input history per channel (for interpolation and the delay line), ring of size hist_
  size_t hist_, mask_, cap_;
  std::vector<float> ring_;  // [channel][hist_]
  uint64_t in_ = 0;          // frames pushed
  uint64_t out_ = 0;         // frames popped
  uint64_t realIn_ = 0;      // frames of real input (flush pushes zeros)

  // sliding minimum (monotonic deque over required gains)
  std::vector<uint64_t> dqIdx_;
  std::vector<double> dqVal_;
  size_t dqHead_ = 0, dqSize_ = 0;
  // release + moving average
  double prevPeak_ = 0;
  double release_ = 1.0;
  // sliding maximum of |x| over the interpolation window
  std::vector<uint64_t> mxIdx_;
  std::vector<float> mxVal_;
  size_t mxHead_ = 0, mxSize_ = 0;
  std::vector<double> box_;  // last L release outputs
  size_t boxPos_ = 0;
  double boxSum_ = 0;
  std::vector<double> gainRing_;  // smoothed gain per pending output index
  std::vector<float> frame_;
  LimiterStats stats_;
};

}  // namespace shub
