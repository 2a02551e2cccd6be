#include "nam/kernels.h"

#include "isa.h"

namespace shub {
namespace nam {

namespace {

// GCC vector extensions: one 8-float vector, compiled as AVX (one ymm) in the AVX2 / AVX-512
// wrappers and as two SSE registers in the baseline one.
typedef float v8 __attribute__((vector_size(32)));
typedef float v8u __attribute__((vector_size(32), aligned(4), may_alias));
SHUB_ALWAYS_INLINE v8 load8(const float* p) { return *reinterpret_cast<const v8u*>(p); }
SHUB_ALWAYS_INLINE void store8(float* p, v8 v) { *reinterpret_cast<v8u*>(p) = v; }
SHUB_ALWAYS_INLINE v8 splat(float a) { return v8{} + a; }  // a broadcast

// Tiles of 4 output rows × 16 frames: 8 vector accumulators stay in registers; each source
// slice is loaded once per tile and multiplied by 4 broadcast weights.
SHUB_ALWAYS_INLINE void gemmBody(const Gemm& g) {
  const int nOut = g.nOut, nSrc = g.nSrc, n = g.n;
  const float* const* src = g.src;
  int o = 0;
  for (; o + 4 <= nOut; o += 4) {
    const float* w0 = g.w + static_cast<size_t>(o) * nSrc;
    const float* w1 = w0 + nSrc;
    const float* w2 = w1 + nSrc;
    const float* w3 = w2 + nSrc;
    int t = 0;
    for (; t + 16 <= n; t += 16) {
      v8 a00, a01, a10, a11, a20, a21, a30, a31;
      {
        const v8 b0 = splat(g.bias ? g.bias[o] : 0.0f), b1 = splat(g.bias ? g.bias[o + 1] : 0.0f);
        const v8 b2 = splat(g.bias ? g.bias[o + 2] : 0.0f), b3 = splat(g.bias ? g.bias[o + 3] : 0.0f);
        if (g.init) {
          a00 = b0 + load8(g.init[o] + t), a01 = b0 + load8(g.init[o] + t + 8);
          a10 = b1 + load8(g.init[o + 1] + t), a11 = b1 + load8(g.init[o + 1] + t + 8);
          a20 = b2 + load8(g.init[o + 2] + t), a21 = b2 + load8(g.init[o + 2] + t + 8);
          a30 = b3 + load8(g.init[o + 3] + t), a31 = b3 + load8(g.init[o + 3] + t + 8);
        } else {
          a00 = a01 = b0, a10 = a11 = b1, a20 = a21 = b2, a30 = a31 = b3;
        }
      }
      for (int j = 0; j < nSrc; ++j) {
        const float* x = src[j] + t;
        const v8 x0 = load8(x), x1 = load8(x + 8);
        const v8 c0 = splat(w0[j]), c1 = splat(w1[j]), c2 = splat(w2[j]), c3 = splat(w3[j]);
        a00 += c0 * x0, a01 += c0 * x1;
        a10 += c1 * x0, a11 += c1 * x1;
        a20 += c2 * x0, a21 += c2 * x1;
        a30 += c3 * x0, a31 += c3 * x1;
      }
      store8(g.dst[o] + t, a00), store8(g.dst[o] + t + 8, a01);
      store8(g.dst[o + 1] + t, a10), store8(g.dst[o + 1] + t + 8, a11);
      store8(g.dst[o + 2] + t, a20), store8(g.dst[o + 2] + t + 8, a21);
      store8(g.dst[o + 3] + t, a30), store8(g.dst[o + 3] + t + 8, a31);
    }
    for (; t < n; ++t) {
      for (int q = 0; q < 4; ++q) {
        const float* wq = w0 + static_cast<size_t>(q) * nSrc;
        float s = (g.bias ? g.bias[o + q] : 0.0f) + (g.init ? g.init[o + q][t] : 0.0f);
        for (int j = 0; j < nSrc; ++j) s += wq[j] * src[j][t];
        g.dst[o + q][t] = s;
      }
    }
  }
  for (; o < nOut; ++o) {
    const float* wo = g.w + static_cast<size_t>(o) * nSrc;
    float* __restrict d = g.dst[o];
    const float b = g.bias ? g.bias[o] : 0.0f;
    if (g.init)
      for (int t = 0; t < n; ++t) d[t] = b + g.init[o][t];
    else
      for (int t = 0; t < n; ++t) d[t] = b;
    for (int j = 0; j < nSrc; ++j) {
      const float a = wo[j];
      const float* __restrict x = src[j];
      for (int t = 0; t < n; ++t) d[t] += a * x[t];
    }
  }
}

SHUB_ALWAYS_INLINE void fastTanhBody(float* x, size_t n) {
  for (size_t i = 0; i < n; ++i) x[i] = fastTanhScalar(x[i]);
}
SHUB_ALWAYS_INLINE void multiplyBody(float* a, const float* b, size_t n) {
  for (size_t i = 0; i < n; ++i) a[i] *= b[i];
}
SHUB_ALWAYS_INLINE void scaleBody(float* y, const float* x, float s, size_t n) {
  for (size_t i = 0; i < n; ++i) y[i] = s * x[i];
}
SHUB_ALWAYS_INLINE void lstmGatesBody(const float* wT, const float* b, const float* xh, int cols, int rows,
                                      float* __restrict g) {
  // W·xh column by column, then the bias (the reference core's order)
  for (int i = 0; i < rows; ++i) g[i] = 0.0f;
  for (int j = 0; j < cols; ++j) {
    const float x = xh[j];
    const float* __restrict w = wT + static_cast<size_t>(j) * rows;
    for (int i = 0; i < rows; ++i) g[i] += w[i] * x;
  }
  for (int i = 0; i < rows; ++i) g[i] += b[i];
}
SHUB_ALWAYS_INLINE void accumulateBody(float* a, const float* b, size_t n) {
  for (size_t i = 0; i < n; ++i) a[i] += b[i];
}

}  // namespace

SHUB_ISA_KERNEL(void, gemm, (const Gemm& g), (g))
SHUB_ISA_KERNEL(void, fastTanh, (float* x, size_t n), (x, n))
SHUB_ISA_KERNEL(void, multiply, (float* a, const float* b, size_t n), (a, b, n))
SHUB_ISA_KERNEL(void, scale, (float* y, const float* x, float s, size_t n), (y, x, s, n))
SHUB_ISA_KERNEL(void, lstmGates, (const float* wT, const float* b, const float* xh, int cols, int rows, float* g),
                (wT, b, xh, cols, rows, g))
SHUB_ISA_KERNEL(void, accumulate, (float* a, const float* b, size_t n), (a, b, n))

}  // namespace nam
}  // namespace shub
