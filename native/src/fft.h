// Real FFT of power-of-two sizes: the one FFT of the shub native core (STFT, YIN difference
// function, and later convolution). Split real/imaginary arrays, radix-4 Stockham autosort.
#pragma once

#include <cstddef>
#include <vector>

namespace shub {

class RealFft {
 public:
  /** n: a power of two in [16, 65536] (else std::invalid_argument). */
  explicit RealFft(size_t n);

  size_t size() const { return n_; }
  /** Bins of the one-sided spectrum: n/2 + 1. */
  size_t bins() const { return n_ / 2 + 1; }

  /**
   * X[k] = Σ_t x[t]·e^{−2πikt/n} for k = 0..n/2 (unnormalized). `in` holds n samples;
   * `re`/`im` receive n/2 + 1 values (im[0] = im[n/2] = 0). in may not alias re/im.
   */
  void forward(const float* in, float* re, float* im);

  /**
   * x[t] = (1/n)·Σ_k X[k]·e^{+2πikt/n} over the Hermitian-extended spectrum (the exact inverse
   * of forward). Reads n/2 + 1 values of re/im (im[0] and im[n/2] are ignored); writes n samples.
   */
  void inverse(const float* re, const float* im, float* out);

 private:
  void complexForward(float* re, float* im);  // in place on zr_/zi_ (size m_), result in re/im

  size_t n_, m_;  // m_ = n/2: size of the complex transform
  // per radix-4 stage: twiddles W^p, W^{2p}, W^{3p} for p < len/4 (split re/im)
  struct Stage {
    size_t len, stride;
    std::vector<float> w1r, w1i, w2r, w2i, w3r, w3i;
  };
  std::vector<Stage> stages_;
  bool finalRadix2_ = false;
  std::vector<float> post_r_, post_i_;    // e^{−2πik/n}, k < m_
  std::vector<float> ar_, ai_, br_, bi_;  // work buffers (size m_)
};

}  // namespace shub
