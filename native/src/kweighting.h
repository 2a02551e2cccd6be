// BS.1770-4 K-weighting (stage 1 high shelf, stage 2 RLB high-pass) for any sample rate.
#pragma once

#include <cstddef>

#include "dsp/biquad.h"

namespace shub {

struct KWeightingCoefficients {
  Biquad shelf;
  Biquad highpass;
};

/**
 * Bilinear transform of the BS.1770-4 analogue prototypes (prewarped at their corner
 * frequencies); reproduces the standard's 48 kHz table.
 */
KWeightingCoefficients kWeightingCoefficients(double sampleRate);
// (At rates other than 48 kHz the high-pass numerator is scaled so the cascade's 1 kHz gain equals the table's.)
// (The high-pass numerator is always g·[1, −2, 1]; KWeightingFilter relies on that.)

/** Direct-form-I history of the two cascaded stages of one channel, in double precision. */
struct KWeightingState {
  double x1 = 0, x2 = 0;  // input
  double y1 = 0, y2 = 0;  // stage-1 output (stage-2 input)
  double z1 = 0, z2 = 0;  // stage-2 output divided by highpass.b[0]
};

/** Sums of squares of the K-weighted output of one processed span. */
struct KWeightedSums {
  double a = 0;      // Σ ya²
  double b = 0;      // Σ yb²
  double sumAB = 0;  // Σ (ya + yb)²  (only when requested)
};

class KWeightingFilter {
 public:
  explicit KWeightingFilter(double sampleRate);

  const KWeightingCoefficients& coefficients() const { return coeffs_; }

  /** Filters n samples of one channel, returns Σ y². */
  double process(KWeightingState& state, const float* in, size_t n) const;

  /**
   * Filters two channels in lock step (the recursive chains overlap). When withSum is set,
   * also accumulates Σ (ya + yb)² (for the mono-sum loudness of a pair).
   */
  KWeightedSums processPair(KWeightingState& sa, KWeightingState& sb, const float* a, const float* b, size_t n,
                            bool withSum) const;

 private:
  KWeightingCoefficients coeffs_;
};

}  // namespace shub
