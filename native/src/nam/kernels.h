// Hot loops of the Neural Amp Modeler runner, compiled per instruction set (isa.h).
#pragma once

#include <cstddef>

namespace shub {
namespace nam {

/**
 * A small dense product over strided signal rows, the one shape every NAM layer reduces to:
 *   dst[o][t] = bias[o] + (init ? init[o][t] : 0) + Σ_j W[o·nSrc + j] · src[j][t],   t < n.
 * src[j] points at the first frame of row j's slice (a dilated tap is a row pointer moved back
 * in time); dst rows must not alias src rows. bias and init may be null.
 */
struct Gemm {
  int nOut = 0;
  int nSrc = 0;
  const float* w = nullptr;
  const float* bias = nullptr;
  const float* const* src = nullptr;
  const float* const* init = nullptr;
  float* const* dst = nullptr;
  int n = 0;
};
void gemm(const Gemm& g);

/** x[i] = the reference plugin's rational tanh approximation of x[i]. */
void fastTanh(float* x, size_t n);
/** x[i] = fast tanh of x[i], then acc[i] += x[i] (a WaveNet layer's activation into its head). */
void fastTanhAccumulate(float* x, float* acc, size_t n);
/** a[i] = a[i] · b[i]. */
void multiply(float* a, const float* b, size_t n);
/** y[i] = s · x[i]. */
void scale(float* y, const float* x, float s, size_t n);
/** g[i] = b[i] + Σ_j wT[j·rows + i] · xh[j], i < rows (an LSTM cell's gate pre-activations). */
void lstmGates(const float* wT, const float* b, const float* xh, int cols, int rows, float* g);
/** a[i] += b[i]. */
void accumulate(float* a, const float* b, size_t n);

/** The reference core's rational tanh (NeuralAmpModelerCore activations.h), same operation order. */
inline float fastTanhScalar(float x) {
  const float ax = x < 0 ? -x : x;
  const float x2 = x * x;
  const float den = x + 0.814642734961073f * x * ax;
  return (x * (2.45550750702956f + 2.45550750702956f * ax + (0.893229853513558f + 0.821226666969744f * ax) * x2)) /
         (2.44506634652299f + (2.44506634652299f + x2) * (den < 0 ? -den : den));
}

}  // namespace nam
}  // namespace shub
