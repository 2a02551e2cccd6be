// Cabinet impulse responses (issue 14): uniformly partitioned FFT convolution (overlap-save,
// frequency-domain delay line) with the project's RealFft, offline-aligned: output frame n is the
// response to input frame n (the block latency is absorbed by buffering, and flush() pads the last
// block with silence and emits exactly as many frames as went in). Plus the one-shot IR
// preparation: every IR resampled once to the DI rate with shub::Resampler, scaled by its level
// and summed into one mono or stereo IR before partitioning.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "fft.h"

namespace shub {
namespace reamp {

/** Longest IR accepted [s] (declared in src/engines/reamp/params-amp.ts as cab.maxIrSeconds). */
constexpr double kMaxIrSeconds = 10.0;

/** One IR to blend: planar channels (1 or 2) at `sampleRate`, times `gain` (linear). */
struct IrSource {
  std::vector<std::vector<float>> channels;
  int sampleRate = 48000;
  double gain = 1.0;
};

/**
 * Resamples each IR to `sampleRate` (scaled by inRate/outRate, so the continuous-time response
 * keeps its level), multiplies by its gain and sums them: stereo when any IR is stereo (a mono IR
 * feeds both channels), the length of the longest. Throws std::invalid_argument on bad input.
 */
std::vector<std::vector<float>> blendIrs(const std::vector<IrSource>& irs, int sampleRate);

class Convolver {
 public:
  /**
   * ir: 1 or 2 planar channels of equal length ≥ 1; channelsIn 1 or 2. Output channels: 2 when
   * either is 2 (mono in × stereo IR → stereo; stereo in × mono IR → each channel through it).
   * block: partition size, a power of two in [32, 32768], or 0 to choose by a cost model.
   */
  Convolver(const std::vector<std::vector<float>>& ir, int channelsIn, size_t block = 0);

  int channelsIn() const { return channelsIn_; }
  int channelsOut() const { return channelsOut_; }
  size_t blockSize() const { return B_; }
  size_t partitions() const { return P_; }
  size_t irLength() const { return irLength_; }

  /** Consumes n planar frames; appends the frames that are ready to out[c] (channelsOut vectors). */
  void process(const float* const* in, size_t n, std::vector<std::vector<float>>& out);
  /** Ends the stream: appends the remaining frames, so that the total output equals the total input. */
  void flush(std::vector<std::vector<float>>& out);

  /** The partition size the cost model picks for an IR of `taps` taps. */
  static size_t chooseBlock(size_t taps, int channelsIn, int channelsOut);

 private:
  void runBlock(size_t valid, std::vector<std::vector<float>>& out);

  int channelsIn_, channelsOut_, irChannels_;
  size_t B_, P_, bins_, irLength_;
  std::unique_ptr<RealFft> fft_;
  // spectra of the IR partitions: [irChannel][partition][bin], split re/im
  std::vector<std::vector<float>> hr_, hi_;
  // frequency-domain delay line per input channel: [channel][slot][bin]
  std::vector<std::vector<float>> xr_, xi_;
  size_t slot_ = 0;  // slot of the newest input spectrum
  // time-domain input window per channel: previous block then the current one (2B)
  std::vector<std::vector<float>> window_;
  size_t fill_ = 0;  // frames of the current block received
  std::vector<float> accR_, accI_, time_;
};

}  // namespace reamp
}  // namespace shub
