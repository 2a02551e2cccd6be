#include "nam/kernels.h"

#include "isa.h"

namespace shub {
namespace nam {

namespace {

// GCC vector extensions: a vector of W floats. v8 compiles as one ymm in the AVX2 / AVX-512
// wrappers and as two SSE registers in the baseline one; v16 is one zmm (AVX-512 only).
template <int W>
struct Vec {
  typedef float type __attribute__((vector_size(4 * W)));
  typedef float unaligned __attribute__((vector_size(4 * W), aligned(4), may_alias));
  static SHUB_ALWAYS_INLINE type load(const float* p) { return *reinterpret_cast<const unaligned*>(p); }
  static SHUB_ALWAYS_INLINE void store(float* p, type v) { *reinterpret_cast<unaligned*>(p) = v; }
  static SHUB_ALWAYS_INLINE type splat(float a) { return type{} + a; }  // a broadcast
};

// Tiles of R output rows × W·V frames: R·V vector accumulators stay in registers; each source
// slice is loaded once per tile and multiplied by R broadcast weights. AVX-512 (32 registers,
// 512-bit FMAs) takes 4 rows × 4 zmm, the others 4 rows × 2 ymm.
template <int W, int R, int V>
SHUB_ALWAYS_INLINE void gemmTile(const Gemm& g, int o, int t) {
  typedef Vec<W> X;
  typedef typename X::type vt;
  const int nSrc = g.nSrc;
  const float* const* src = g.src;
  const float* w[R];
  vt acc[R][V];
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r) {
    w[r] = g.w + static_cast<size_t>(o + r) * nSrc;
    const vt b = X::splat(g.bias ? g.bias[o + r] : 0.0f);
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) acc[r][v] = g.init ? b + X::load(g.init[o + r] + t + W * v) : b;
  }
  for (int j = 0; j < nSrc; ++j) {
    const float* x = src[j] + t;
    vt xs[V];
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) xs[v] = X::load(x + W * v);
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r) {
      const vt c = X::splat(w[r][j]);
#pragma GCC unroll 8
      for (int v = 0; v < V; ++v) acc[r][v] += c * xs[v];
    }
  }
#pragma GCC unroll 8
  for (int r = 0; r < R; ++r)
#pragma GCC unroll 8
    for (int v = 0; v < V; ++v) X::store(g.dst[o + r] + t + W * v, acc[r][v]);
}

/** Output rows [o, o + R): tiles of W·V frames, then of 8, then single frames. */
template <int W, int R, int V>
SHUB_ALWAYS_INLINE void gemmRows(const Gemm& g, int o) {
  const int n = g.n;
  int t = 0;
  for (; t + W * V <= n; t += W * V) gemmTile<W, R, V>(g, o, t);
  for (; t + 8 <= n; t += 8) gemmTile<8, R, 1>(g, o, t);
  for (; t < n; ++t)
    for (int r = 0; r < R; ++r) {
      const float* wr = g.w + static_cast<size_t>(o + r) * g.nSrc;
      float s = (g.bias ? g.bias[o + r] : 0.0f) + (g.init ? g.init[o + r][t] : 0.0f);
      for (int j = 0; j < g.nSrc; ++j) s += wr[j] * g.src[j][t];
      g.dst[o + r][t] = s;
    }
}

template <int W, int V>
SHUB_ALWAYS_INLINE void gemmBody(const Gemm& g) {
  int o = 0;
  for (; o + 4 <= g.nOut; o += 4) gemmRows<W, 4, V>(g, o);
  for (; o + 2 <= g.nOut; o += 2) gemmRows<W, 2, V>(g, o);
  for (; o < g.nOut; ++o) gemmRows<W, 1, V>(g, o);
}

/** fastTanhScalar on a vector, the same operations in the same order. */
template <int W>
SHUB_ALWAYS_INLINE typename Vec<W>::type fastTanhVec(typename Vec<W>::type x) {
  typedef Vec<W> X;
  typedef typename X::type vt;
  const vt ax = x < 0 ? -x : x;
  const vt x2 = x * x;
  const vt den = x + X::splat(0.814642734961073f) * x * ax;
  const vt aden = den < 0 ? -den : den;
  return (x * (X::splat(2.45550750702956f) + X::splat(2.45550750702956f) * ax +
               (X::splat(0.893229853513558f) + X::splat(0.821226666969744f) * ax) * x2)) /
         (X::splat(2.44506634652299f) + (X::splat(2.44506634652299f) + x2) * aden);
}
/** x = fastTanh(x); with acc, also acc += x. */
template <int W>
SHUB_ALWAYS_INLINE void fastTanhBody(float* x, float* acc, size_t n) {
  typedef Vec<W> X;
  size_t i = 0;
  for (; i + W <= n; i += W) {
    const typename X::type y = fastTanhVec<W>(X::load(x + i));
    X::store(x + i, y);
    if (acc) X::store(acc + i, X::load(acc + i) + y);
  }
  for (; i < n; ++i) {
    x[i] = fastTanhScalar(x[i]);
    if (acc) acc[i] += x[i];
  }
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

namespace {
SHUB_TARGET_AVX512 void gemmAvx512(const Gemm& g) { gemmBody<16, 4>(g); }
SHUB_TARGET_AVX2 void gemmAvx2(const Gemm& g) { gemmBody<8, 2>(g); }
void gemmBaseline(const Gemm& g) { gemmBody<8, 2>(g); }
}  // namespace
void gemm(const Gemm& g) {
  static void (*const fn)(const Gemm&) = isaPick(&gemmBaseline, &gemmAvx2, &gemmAvx512);
  fn(g);
}
namespace {
SHUB_TARGET_AVX512 void fastTanhAvx512(float* x, float* acc, size_t n) { fastTanhBody<16>(x, acc, n); }
SHUB_TARGET_AVX2 void fastTanhAvx2(float* x, float* acc, size_t n) { fastTanhBody<8>(x, acc, n); }
void fastTanhBaseline(float* x, float* acc, size_t n) { fastTanhBody<4>(x, acc, n); }
void fastTanhAny(float* x, float* acc, size_t n) {
  static void (*const fn)(float*, float*, size_t) = isaPick(&fastTanhBaseline, &fastTanhAvx2, &fastTanhAvx512);
  fn(x, acc, n);
}
}  // namespace
void fastTanh(float* x, size_t n) { fastTanhAny(x, nullptr, n); }
void fastTanhAccumulate(float* x, float* acc, size_t n) { fastTanhAny(x, acc, n); }
SHUB_ISA_KERNEL(void, multiply, (float* a, const float* b, size_t n), (a, b, n))
SHUB_ISA_KERNEL(void, scale, (float* y, const float* x, float s, size_t n), (y, x, s, n))
SHUB_ISA_KERNEL(void, lstmGates, (const float* wT, const float* b, const float* xh, int cols, int rows, float* g),
                (wT, b, xh, cols, rows, g))
SHUB_ISA_KERNEL(void, accumulate, (float* a, const float* b, size_t n), (a, b, n))

}  // namespace nam
}  // namespace shub
