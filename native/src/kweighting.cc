#include "kweighting.h"

#include <cmath>
#include <complex>

#include "isa.h"

namespace shub {

namespace {

// BS.1770-4 analogue prototypes (constants as fitted to the standard's 48 kHz table).
constexpr double kShelfF0 = 1681.974450955533;
constexpr double kShelfGainDb = 3.999843853973347;
constexpr double kShelfQ = 0.7071752369554196;
constexpr double kShelfBandExponent = 0.4996667741545416;
constexpr double kHighpassF0 = 38.13547087602444;
constexpr double kHighpassQ = 0.5003270373238773;

double biquadGainAt(const Biquad& q, double hz, double sampleRate) {
  const std::complex<double> z1 = std::polar(1.0, -2.0 * M_PI * hz / sampleRate);
  const std::complex<double> num = q.b[0] + q.b[1] * z1 + q.b[2] * z1 * z1;
  const std::complex<double> den = q.a[0] + q.a[1] * z1 + q.a[2] * z1 * z1;
  return std::abs(num / den);
}

double cascadeGainAt(const KWeightingCoefficients& c, double hz, double sampleRate) {
  return biquadGainAt(c.shelf, hz, sampleRate) * biquadGainAt(c.highpass, hz, sampleRate);
}

}  // namespace

KWeightingCoefficients kWeightingCoefficients(double sampleRate) {
  KWeightingCoefficients c{};
  {
    const double k = std::tan(M_PI * kShelfF0 / sampleRate);
    const double vh = std::pow(10.0, kShelfGainDb / 20.0);
    const double vb = std::pow(vh, kShelfBandExponent);
    const double a0 = 1.0 + k / kShelfQ + k * k;
    c.shelf.b[0] = (vh + vb * k / kShelfQ + k * k) / a0;
    c.shelf.b[1] = 2.0 * (k * k - vh) / a0;
    c.shelf.b[2] = (vh - vb * k / kShelfQ + k * k) / a0;
    c.shelf.a[0] = 1.0;
    c.shelf.a[1] = 2.0 * (k * k - 1.0) / a0;
    c.shelf.a[2] = (1.0 - k / kShelfQ + k * k) / a0;
  }
  {
    // RLB high-pass, bilinear from the prototype. Its numerator scale g is chosen so that the
    // whole cascade has, at 1 kHz (where BS.1770 calibrates: a 1 kHz tone reads its level), the
    // gain of the standard's 48 kHz table. At 48 kHz this gives g = 1, the table itself (b = [1, −2,
    // 1]); elsewhere it cancels both the rate dependence of the bilinear high-pass gain and the
    // warping of the shelf near Nyquist at low rates (at 8 kHz the shelf alone reads 0.25 dB low).
    const double k = std::tan(M_PI * kHighpassF0 / sampleRate);
    const double a0 = 1.0 + k / kHighpassQ + k * k;
    c.highpass.b[0] = 1.0;
    c.highpass.b[1] = -2.0;
    c.highpass.b[2] = 1.0;
    c.highpass.a[0] = 1.0;
    c.highpass.a[1] = 2.0 * (k * k - 1.0) / a0;
    c.highpass.a[2] = (1.0 - k / kHighpassQ + k * k) / a0;
    if (sampleRate != 48000.0) {
      const KWeightingCoefficients ref = kWeightingCoefficients(48000.0);
      const double g = cascadeGainAt(ref, 1000.0, 48000.0) / cascadeGainAt(c, 1000.0, sampleRate);
      for (double& b : c.highpass.b) b *= g;
    }
  }
  return c;
}

KWeightingFilter::KWeightingFilter(double sampleRate) : coeffs_(kWeightingCoefficients(sampleRate)) {}

// ---- kernels ---------------------------------------------------------------------------
// Direct form I in double. Written as t = (feed-forward) − a2·y[n−2]; y = t − a1·y[n−1], so the
// loop-carried dependency is a single (fused) multiply-add per stage and sample. The high-pass
// numerator is g·[1, −2, 1]: the kernels run it as [1, −2, 1] with additions (sparing the
// multiply-add ports) and keep z/g in the state; sums of squares are scaled by g² at the end.

typedef double v2d __attribute__((vector_size(16)));

// The cascade's coefficients in T: double for one channel, v2d for two channels in lock step. The kernels
// below declare the coefficients and the history as locals in the order of the hand-unrolled form this replaced
// (h-debt41): GCC 12 then gives every ISA variant the same instructions and registers as before (checked with
// objdump); in other orders it spills other coefficients in the pair kernels.
template <class T>
struct KCoeffs {
  T b0, b1, b2, a1, a2;  // shelf (a0 = 1)
  T d1, d2;              // high-pass denominator (its numerator runs as [1, −2, 1])
};

/** One sample x through both stages, moving the history on; returns z, the high-pass output divided by g. */
template <class T>
SHUB_ALWAYS_INLINE T kweightStep(const KCoeffs<T>& c, T& x1, T& x2, T& y1, T& y2, T& z1, T& z2, T x) {
  const T y = (c.b0 * x + c.b1 * x1 + c.b2 * x2 - c.a2 * y2) - c.a1 * y1;
  const T z = (((y + y2) - (y1 + y1)) - c.d2 * z2) - c.d1 * z1;
  x2 = x1;
  x1 = x;
  y2 = y1;
  y1 = y;
  z2 = z1;
  z1 = z;
  return z;
}

SHUB_ALWAYS_INLINE double kweightSingleBody(const KWeightingCoefficients& k, KWeightingState& s, const float* in,
                                            size_t n) {
  const double b0 = k.shelf.b[0], b1 = k.shelf.b[1], b2 = k.shelf.b[2];
  const double a1 = k.shelf.a[1], a2 = k.shelf.a[2];
  const double g = k.highpass.b[0];
  const double d1 = k.highpass.a[1], d2 = k.highpass.a[2];
  const KCoeffs<double> c = {b0, b1, b2, a1, a2, d1, d2};
  double x1 = s.x1, x2 = s.x2, y1 = s.y1, y2 = s.y2, z1 = s.z1, z2 = s.z2;
  // Two accumulators: the sums of squares do not wait on each other.
  double acc0 = 0, acc1 = 0;
  size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    const double za = kweightStep(c, x1, x2, y1, y2, z1, z2, static_cast<double>(in[i]));
    acc0 += za * za;
    const double zb = kweightStep(c, x1, x2, y1, y2, z1, z2, static_cast<double>(in[i + 1]));
    acc1 += zb * zb;
  }
  for (; i < n; ++i) {
    const double z = kweightStep(c, x1, x2, y1, y2, z1, z2, static_cast<double>(in[i]));
    acc0 += z * z;
  }
  s.x1 = x1;
  s.x2 = x2;
  s.y1 = y1;
  s.y2 = y2;
  s.z1 = z1;
  s.z2 = z2;
  return (acc0 + acc1) * (g * g);
}

SHUB_ISA_KERNEL(double, kweightSingle, (const KWeightingCoefficients& k, KWeightingState& s, const float* in, size_t n),
                (k, s, in, n))

template <bool kWithSum>
SHUB_ALWAYS_INLINE KWeightedSums kweightPairBody(const KWeightingCoefficients& k, KWeightingState& sa,
                                                 KWeightingState& sb, const float* a, const float* b, size_t n) {
  const v2d b0 = {k.shelf.b[0], k.shelf.b[0]}, b1 = {k.shelf.b[1], k.shelf.b[1]}, b2 = {k.shelf.b[2], k.shelf.b[2]};
  const v2d a1 = {k.shelf.a[1], k.shelf.a[1]}, a2 = {k.shelf.a[2], k.shelf.a[2]};
  const v2d d1 = {k.highpass.a[1], k.highpass.a[1]}, d2 = {k.highpass.a[2], k.highpass.a[2]};
  const KCoeffs<v2d> c = {b0, b1, b2, a1, a2, d1, d2};
  v2d x1 = {sa.x1, sb.x1}, x2 = {sa.x2, sb.x2};
  v2d y1 = {sa.y1, sb.y1}, y2 = {sa.y2, sb.y2};
  v2d z1 = {sa.z1, sb.z1}, z2 = {sa.z2, sb.z2};
  v2d acc = {0, 0};
  double accSum = 0;
  for (size_t i = 0; i < n; ++i) {
    const v2d z = kweightStep(c, x1, x2, y1, y2, z1, z2, v2d{static_cast<double>(a[i]), static_cast<double>(b[i])});
    acc += z * z;
    if (kWithSum) {
      const double m = z[0] + z[1];
      accSum += m * m;
    }
  }
  sa.x1 = x1[0];
  sb.x1 = x1[1];
  sa.x2 = x2[0];
  sb.x2 = x2[1];
  sa.y1 = y1[0];
  sb.y1 = y1[1];
  sa.y2 = y2[0];
  sb.y2 = y2[1];
  sa.z1 = z1[0];
  sb.z1 = z1[1];
  sa.z2 = z2[0];
  sb.z2 = z2[1];
  const double g2 = k.highpass.b[0] * k.highpass.b[0];
  KWeightedSums r;
  r.a = acc[0] * g2;
  r.b = acc[1] * g2;
  r.sumAB = accSum * g2;
  return r;
}

SHUB_ALWAYS_INLINE KWeightedSums kweightPairWithSumBody(const KWeightingCoefficients& k, KWeightingState& sa,
                                                        KWeightingState& sb, const float* a, const float* b, size_t n) {
  return kweightPairBody<true>(k, sa, sb, a, b, n);
}

SHUB_ISA_KERNEL(KWeightedSums, kweightPairWithSum,
                (const KWeightingCoefficients& k, KWeightingState& sa, KWeightingState& sb, const float* a,
                 const float* b, size_t n),
                (k, sa, sb, a, b, n))

SHUB_ALWAYS_INLINE KWeightedSums kweightPairNoSumBody(const KWeightingCoefficients& k, KWeightingState& sa,
                                                      KWeightingState& sb, const float* a, const float* b, size_t n) {
  return kweightPairBody<false>(k, sa, sb, a, b, n);
}

SHUB_ISA_KERNEL(KWeightedSums, kweightPairNoSum,
                (const KWeightingCoefficients& k, KWeightingState& sa, KWeightingState& sb, const float* a,
                 const float* b, size_t n),
                (k, sa, sb, a, b, n))

double KWeightingFilter::process(KWeightingState& state, const float* in, size_t n) const {
  return kweightSingle(coeffs_, state, in, n);
}

KWeightedSums KWeightingFilter::processPair(KWeightingState& sa, KWeightingState& sb, const float* a, const float* b,
                                            size_t n, bool withSum) const {
  return withSum ? kweightPairWithSum(coeffs_, sa, sb, a, b, n) : kweightPairNoSum(coeffs_, sa, sb, a, b, n);
}

}  // namespace shub
