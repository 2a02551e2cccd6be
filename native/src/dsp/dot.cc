#include "dsp/dot.h"

#include "isa.h"

namespace shub {

SHUB_ALWAYS_INLINE float dotBody(const float* a, const float* b, size_t n) {
  float s[8] = {0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 8; ++k) s[k] += a[i + k] * b[i + k];
  // pairwise reduction (vectorised as shuffles) instead of a serial chain of adds
  for (int k = 0; k < 4; ++k) s[k] += s[k + 4];
  s[0] += s[2];
  s[1] += s[3];
  float acc = s[0] + s[1];
  for (; i < n; ++i) acc += a[i] * b[i];
  return acc;
}

SHUB_ISA_KERNEL(float, dot, (const float* a, const float* b, size_t n), (a, b, n))

}  // namespace shub
