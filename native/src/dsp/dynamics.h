// Feed-forward compressor (Giannoulis, Massberg & Reiss, "Digital Dynamic Range Compressor
// Design — A Tutorial and Analysis", JAES 2012): level detector (peak or RMS, optionally through
// a side-chain high-pass) → soft-knee static curve in dB → smooth branching attack/release on
// the gain reduction → make-up gain, with an optional dry/wet mix for parallel compression.
// Shared by master (glue, multiband) and mix (track and bus compressors).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dsp/biquad.h"
#include "generated/dsp_params.h"

namespace shub {

struct CompressorParams {
  // defaults, units and ranges: generated/dsp_params.h (declared in src/engines/dsp/params.ts)
  double thresholdDb = params::compressor::thresholdDb.def;
  double ratio = params::compressor::ratio.def;    // 1 = no compression
  double kneeDb = params::compressor::kneeDb.def;  // full knee width
  double attackMs = params::compressor::attackMs.def;
  double releaseMs = params::compressor::releaseMs.def;
  double makeupDb = params::compressor::makeupDb.def;
  bool rms = false;                                                          // RMS detector instead of peak
  double rmsWindowMs = params::compressor::rmsWindowMs.def;                  // RMS averaging time constant
  double sidechainHighpassHz = params::compressor::sidechainHighpassHz.def;  // 0 = off
  double mix = params::compressor::mix.def;  // wet fraction (parallel compression below 1)
  bool linked = true;                        // one gain for all channels (keeps the stereo image)
};

/** Empty when valid, else a message naming the field. */
std::string validateCompressorParams(const CompressorParams& p);

struct DynamicsStats {
  uint64_t frames = 0;
  double maxGainReductionDb = 0;  // ≥ 0
  double sumGainReductionDb = 0;  // Σ over frames (mean = sum / frames)
  double meanGainReductionDb() const { return frames ? sumGainReductionDb / static_cast<double>(frames) : 0.0; }
};

class Compressor {
 public:
  Compressor(const CompressorParams& params, double sampleRate, int channels);

  /** Static curve: output level (dB) for a steady input level (dB), before make-up. */
  static double staticCurveDb(const CompressorParams& p, double inputDb);

  /** Compresses n samples of each plane in place. */
  void process(float* const* planes, size_t n);
  /**
   * The same for several compressors at once (comps[k] on planes[k]): their serial recursions
   * run interleaved, which a mixer with many compressed tracks gains from. Same results.
   */
  static void processBatch(Compressor* const* comps, float* const* const* planes, size_t count, size_t n);
  const DynamicsStats& stats() const { return stats_; }
  const CompressorParams& params() const { return p_; }

 private:
  CompressorParams p_;
  int channels_;
  double attackCoef_, releaseCoef_, rmsCoef_, makeup_;
  BiquadCascade sidechain_;
  std::vector<double> ms_;        // RMS detector state per detector
  std::vector<double> smoothed_;  // gain reduction state (dB) per detector
  std::vector<float> scratch_;    // side-chain copies of the planes
  std::vector<float> level_;      // per-sample detector level, then its dB, then the static reduction
  std::vector<float> gain_;       // per-sample linear gain of one detector
  std::vector<const float*> det_;
  DynamicsStats stats_;
};

}  // namespace shub
