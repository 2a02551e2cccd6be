// Oversampling for the reamp nonlinearities (issue 14): base rate → 2× with shub::Resampler (the
// sharp anti-alias/anti-image filter: flat to 20 kHz, ≥ 100 dB from the base Nyquist), then
// polyphase Kaiser halfband FIR stages (110 dB) up to factor 2^S. A caller's shaper runs in place
// at the top rate between the up and down chains. Offline-aligned: the FIR delays are compensated
// (a few samples of extra delay at the top rate make the round trip a whole number of 2×-rate
// samples, dropped at the start and pushed out at flush), so output frame n answers input frame n
// and the total output equals the total input.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "dsp/resampler.h"

namespace shub {
namespace reamp {

/** One 2× halfband stage (up or down) with its history. */
class Halfband {
 public:
  /** baseRate: the rate of the whole chain's input; lowRate: this stage's lower rate. */
  Halfband(double baseRate, double lowRate);
  /** Upsamples n samples (rate R) to 2n (rate 2R), appending to out. */
  void up(const float* in, size_t n, std::vector<float>& out);
  /** Downsamples n samples (rate 2R, n even) to n/2, appending to out. */
  void down(const float* in, size_t n, std::vector<float>& out);
  /** Group delay of one direction, in samples of the higher rate (the filter's centre tap). */
  int delay() const { return M_; }

 private:
  std::vector<float> even_;  // h[2j] (sum 1/2), reversed: the dense phase
  int M_ = 0;                // centre index (odd); h[M] = 1/2
  std::vector<float> upHist_, downEven_, downOdd_, acc_;
};

class Oversampler {
 public:
  using Shaper = std::function<void(float*, size_t)>;
  /** factor: 2, 4, 8 or 16; baseRate ≤ 192 kHz. */
  Oversampler(int baseRate, int factor);
  int factor() const { return factor_; }
  double highRate() const { return static_cast<double>(baseRate_) * factor_; }
  /** n base-rate frames in; the ready, aligned output frames appended to out. */
  void process(const float* in, size_t n, std::vector<float>& out, const Shaper& shaper);
  /** Ends the stream: the remaining frames (total output == total input). */
  void flush(std::vector<float>& out, const Shaper& shaper);

 private:
  void runAt2x(const float* x2, size_t n, std::vector<float>& out, const Shaper& shaper);

  int baseRate_, factor_;
  std::unique_ptr<Resampler> up2_, down2_;
  std::vector<Halfband> upStages_, downStages_;
  std::vector<float> delayLine_;  // extra top-rate delay
  size_t extraDelay_ = 0;
  size_t dropAt2x_ = 0;  // 2×-rate samples still to drop (the compensated delay)
  size_t delay2x_ = 0;
  std::vector<float> a_, b_, c_;
};

}  // namespace reamp
}  // namespace shub
