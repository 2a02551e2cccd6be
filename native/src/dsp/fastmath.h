// Fast dB ↔ linear conversions for per-sample gain computers (dynamics, limiters). Accuracy:
// |error| < 2e-4 dB over the float range, far below what a gain computer can resolve.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

#include "common.h"

namespace shub {
namespace fastmath {

/** log2(x) for x > 0 (x ≤ 0 returns a very negative number). */
SHUB_ALWAYS_INLINE double log2(double x) {
  if (!(x > 1e-300)) return -1000.0;
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const int e = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
  double m;
  std::memcpy(&m, &bits, sizeof m);  // m in [1, 2)
  // log2(m) = 2/ln2 · atanh((m−1)/(m+1)), t in [0, 1/3]
  const double t = (m - 1.0) / (m + 1.0);
  const double t2 = t * t;
  const double series = t * (1.0 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7 + t2 * (1.0 / 9)))));
  return e + 2.8853900817779268 * series;  // 2/ln 2
}

/** 2^y for |y| < 1000. */
SHUB_ALWAYS_INLINE double exp2(double y) {
  if (y < -1000.0) return 0.0;
  const double r = static_cast<double>(static_cast<int64_t>(y + (y >= 0 ? 0.5 : -0.5)));
  const double f = (y - r) * 0.6931471805599453;  // in [−ln2/2, ln2/2]
  const double p =
      1.0 +
      f * (1.0 + f * (0.5 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120 + f * (1.0 / 720 + f * (1.0 / 5040)))))));
  const uint64_t bits = static_cast<uint64_t>(static_cast<int64_t>(r) + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

/** 20·log10(x). */
SHUB_ALWAYS_INLINE double ampToDb(double x) { return 6.020599913279624 * log2(x); }
/** 10^(db/20). */
SHUB_ALWAYS_INLINE double dbToAmp(double db) { return exp2(db * 0.16609640474436813); }

/** Single-precision versions for vectorised block loops (branch-free; |error| < 2e-4 dB). */
SHUB_ALWAYS_INLINE float log2f(float x) {
  x = x > 1e-30f ? x : 1e-30f;  // a max, not fmax: it inlines and vectorises
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const float e = static_cast<float>(static_cast<int32_t>((bits >> 23) & 0xff) - 127);
  bits = (bits & 0x007fffffu) | 0x3f800000u;
  float m;
  std::memcpy(&m, &bits, sizeof m);
  const float t = (m - 1.0f) / (m + 1.0f);
  const float t2 = t * t;
  return e + 2.8853900817779268f * t * (1.0f + t2 * (1.0f / 3 + t2 * (1.0f / 5 + t2 * (1.0f / 7 + t2 * (1.0f / 9)))));
}

SHUB_ALWAYS_INLINE float exp2f(float y) {
  y = y > -126.0f ? y : -126.0f;
  y = y < 126.0f ? y : 126.0f;
  const int32_t r = static_cast<int32_t>(std::floor(y + 0.5f));
  const float f = (y - static_cast<float>(r)) * 0.6931471805599453f;
  const float p =
      1.0f + f * (1.0f + f * (0.5f + f * (1.0f / 6 + f * (1.0f / 24 + f * (1.0f / 120 + f * (1.0f / 720))))));
  const uint32_t bits = static_cast<uint32_t>(r + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

SHUB_ALWAYS_INLINE float ampToDbf(float x) { return 6.020599913279624f * log2f(x); }
SHUB_ALWAYS_INLINE float dbToAmpf(float db) { return exp2f(db * 0.16609640474436813f); }

}  // namespace fastmath
}  // namespace shub
