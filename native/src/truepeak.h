// BS.1770-4 Annex 2 style true-peak metering with a long Kaiser-windowed-sinc interpolator and
// 32-phase refinement near candidate peaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shub {

/**
 * Polyphase windowed-sinc interpolator (Kaiser window), designed in double precision and
 * tabulated in float at kPhases phases of `taps` taps each. The interpolated value at time
 * c + p/kPhases (c an integer sample index, 0 ≤ p < kPhases) is
 *     y = Σ_{j=0}^{taps−1} phase(p)[j] · x[c − (taps/2 − 1) + j].
 * Phase 0 is the unit impulse (the sample itself); every phase has unit DC gain.
 * Default design: 48 taps, β = 7.5 → passband |gain| error < 0.003 dB up to 0.45·fs and image
 * rejection ≥ 76 dB (see truepeak.cc).
 */
class PolyphaseInterpolator {
 public:
  static constexpr int kPhases = 32;
  static constexpr int kDefaultTaps = 48;
  static constexpr double kDefaultBeta = 7.5;

  /** taps: even, multiple of 4, ≥ 8. */
  explicit PolyphaseInterpolator(int taps = kDefaultTaps, double beta = kDefaultBeta);

  /** The shared default design (built once, thread-safe). */
  static const PolyphaseInterpolator& standard();

  int taps() const { return taps_; }
  double beta() const { return beta_; }
  /** Coefficients of phase p (taps floats). */
  const float* phase(int p) const { return &byPhase_[static_cast<size_t>(p) * taps_]; }
  /**
   * Window table for evaluating a run of consecutive phases around a center c: row r
   * (0 ≤ r ≤ taps) multiplies x[c − taps/2 + r]; column q (0 ≤ q < kWindowColumns) is the phase
   * q − kPhases/2 relative to c, i.e. times c − 1/2 … c + 31/32 in steps of 1/32:
   *     y(c + (q − 16)/32) = Σ_r window()[r·kWindowColumns + q] · x[c − taps/2 + r].
   */
  const float* window() const { return window_.data(); }
  static constexpr int kWindowColumns = kPhases + kPhases / 2;
  /** max over phases of Σ|h| (float coefficients), slightly enlarged to cover float rounding. */
  float l1Bound() const { return l1Bound_; }
  /** Designed prototype sample at time t (input samples), double precision. */
  double kernel(double t) const;

 private:
  int taps_;
  double beta_;
  std::vector<float> byPhase_;
  std::vector<float> window_;
  float l1Bound_;
};

/** Oversampling factor used for true peak at a sample rate: 4 below 192 kHz, 2 at or above. */
int truePeakOversampling(int sampleRate);

/**
 * Streaming per-channel true-peak meter. Every input sample is interpolated at the
 * oversampling grid (phases multiple of 32/factor). Whenever a grid value exceeds 0.92 × the
 * channel's running maximum and is a local maximum of |y| on the grid, the 32-phase positions
 * between its two grid neighbours are evaluated too (32× oversampling near candidate peaks
 * only). Spans whose input magnitude bound cannot exceed the running maximum are skipped
 * (exact bound: max|x| · max_p Σ|h_p|).
 */
class TruePeakMeter {
 public:
  TruePeakMeter(int sampleRate, int channels, const PolyphaseInterpolator& interp = PolyphaseInterpolator::standard());

  void process(const float* const* planar, size_t frames);

  /**
   * Per channel linear true peak, including the last samples (which the interpolator has not
   * reached yet for lack of lookahead). Interpolated values are only evaluated where the whole
   * interpolation window lies inside the signal: within taps/2 samples of either end only the
   * sample values count, so a hard start or end of the file is not read as the ringing of an
   * invented step from/to digital silence.
   */
  std::vector<double> peaks() const;

  /**
   * Largest linear true peak over all channels since the last call (or the start), then starts a
   * new window. The interpolator runs lookahead() samples behind the input: a window that should
   * end at sample n is taken after n + lookahead() samples were processed.
   */
  double takeWindowPeak();
  size_t lookahead() const { return static_cast<size_t>(taps_) / 2; }
  /** The current window's largest true peak so far, the samples not yet interpolated by their values. */
  double windowPeakSoFar() const;

  int oversampling() const { return factor_; }

  /**
   * Kernel entry point, selected once at run time (isa.h): AVX-512, AVX2+FMA or baseline
   * (environment variable SHUB_NATIVE_ISA=baseline|avx2|avx512 caps the choice).
   */
  struct ScanArgs {
    const float* grid[3];  // grid phases 1..factor−1
    const float* window;
    int taps;
    int factor;
    float l1;
  };
  using ScanFn = float (*)(const ScanArgs&, const float* buf, size_t first, size_t count, size_t validEnd, float runmax,
                           size_t leftLimit);

 private:
  static constexpr size_t kBlock = 4096;

  struct Channel {
    std::vector<float> buf;
    size_t len = 0;
    float runmax = 0;  // largest |y| since the current window began
    float before = 0;  // largest |y| of the windows already taken
  };

  const PolyphaseInterpolator& interp_;
  int factor_;
  int taps_;
  size_t pad_;
  ScanArgs args_;
  ScanFn scan_;
  uint64_t frames_ = 0;
  std::vector<Channel> ch_;
};

}  // namespace shub
