#!/bin/bash
# bench/onset-flux-kernels.sh: the onset flux's branchless helpers (positivePart, decayFall in
# native/src/featureextractor.cc) against their direct rules (the code before h-speed20), bit for bit, on 4 M
# floats (2 M random bit patterns: NaN, ±inf, ±0, subnormals; 2 M uniform in ±40 dB) and decayFall's boundary
# (the change at −maxFall/perFrame and its two neighbours), compiled for SSE2 and for AVX2+FMA. Exit 1 on a difference.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
{
  printf '#include <emmintrin.h>\n#include <algorithm>\n#include <cmath>\n#include <cstdint>\n#include <cstdio>\n'
  printf '#include <cstring>\n#include <random>\n#include <vector>\n#define SHUB_ALWAYS_INLINE inline\n'
  awk '/^SHUB_ALWAYS_INLINE float (positivePart|decayFall)/,/^}/' "$ROOT/native/src/featureextractor.cc"
  cat <<'EOF'
static bool same(float a, float b) {
  uint32_t x, y;
  std::memcpy(&x, &a, 4);
  std::memcpy(&y, &b, 4);
  return x == y;
}
int main() {
  std::mt19937 rng(20);
  std::vector<float> v = {0.0f, -0.0f, 1e-45f, -1e-45f, 1e-38f, -1e-38f, 1.0f, -1.0f, INFINITY, -INFINITY, NAN, -NAN};
  for (int i = 0; i < 2000000; ++i) {
    const uint32_t b = rng();
    float f;
    std::memcpy(&f, &b, 4);
    v.push_back(f);
  }
  std::uniform_real_distribution<float> u(-40.f, 40.f);
  for (int i = 0; i < 2000000; ++i) v.push_back(u(rng));
  long bad = 0, n = 0;
  for (const float d : v) {
    double s1 = 5.0, s2 = 5.0;  // the group sum: `if (d > 0) sum += d` against `sum += positivePart(d)`
    if (d > 0) s1 += d;
    s2 += positivePart(d);
    if (std::memcmp(&s1, &s2, 8) != 0) ++bad;
    if (!same(d > 0 ? d : 0.0f, positivePart(d))) ++bad;
    n += 2;
    for (const float perFrame : {0.6666667f, 1.0f, 2.0f})
      for (const float maxFall : {1.5f, 0.0f, 4.2f}) {
        const float c = -maxFall / perFrame;
        for (const float x : {d, c, std::nextafter(c, -INFINITY), std::nextafter(c, INFINITY)}) {
          const float slope = std::min(0.0f, x) * perFrame;
          if (!same(slope >= -maxFall ? slope : 0.0f, decayFall(x, perFrame, maxFall))) ++bad;
          ++n;
        }
      }
  }
  std::printf("%ld comparisons, %ld differ\n", n, bad);
  return bad != 0;
}
EOF
} > "$T/k.cc"
g++ -O2 -std=c++17 -o "$T/sse2" "$T/k.cc" && "$T/sse2"
g++ -O2 -std=c++17 -mavx2 -mfma -o "$T/avx2" "$T/k.cc" && "$T/avx2"
