// The zeroth-order modified Bessel function of the first kind, for Kaiser windows (the resampler's
// polyphase table and the reamp oversampler's halfbands share it).
#pragma once

namespace shub {

/** I0(x) by its power series, summed until a term adds less than 1e-17 of the sum. */
inline double besselI0(double x) {
  double sum = 1, term = 1;
  for (int k = 1; k < 64; ++k) {
    term *= (x / (2 * k)) * (x / (2 * k));
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

}  // namespace shub
