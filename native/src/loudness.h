// BS.1770-4 / EBU R128 loudness: momentary, short-term, gated integrated loudness, LRA.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "kweighting.h"

namespace shub {

/** Gated integrated loudness (BS.1770-4) of 400 ms block energies; −∞ when no block passes. */
double gatedIntegratedLufs(const std::vector<double>& blockEnergies);

/** EBU Tech 3342 loudness range of 3 s block energies; returns false when no block passes. */
bool loudnessRangeLu(const std::vector<double>& shortTermEnergies, double& lra);
/** The same, with the two percentile levels (LUFS) the range spans: lra = high − low. */
bool loudnessRangeLu(const std::vector<double>& shortTermEnergies, double& lra, double& low, double& high);

/**
 * Streaming loudness meter. Feed planar float blocks; every 100 ms hop (hop = (fs + 5) / 10
 * frames) it appends the energy of each complete momentary (4 hops) and short-term (30 hops)
 * window. Block energies are kept (10 values per second each) for gating and curves.
 */
class LoudnessMeter {
 public:
  /** `weights`: BS.1770 G_i per channel. `monoSum`: also track I(L,R) and I(M,M) (channels ≥ 2). */
  LoudnessMeter(int sampleRate, int channels, const std::vector<double>& weights, bool monoSum);

  void process(const float* const* planar, size_t frames);

  size_t hopFrames() const { return hop_; }
  double hopSeconds() const { return static_cast<double>(hop_) / sampleRate_; }

  /** Channel-weighted mean-square energy of every complete momentary window (one per hop). */
  const std::vector<double>& momentaryEnergies() const { return momentary_; }
  /** Same for short-term (3 s) windows. */
  const std::vector<double>& shortTermEnergies() const { return shortTerm_; }
  /** Momentary energies of the pair (L, R) with weight 1 and of the virtual pair (M, M). */
  const std::vector<double>& momentaryEnergiesLR() const { return momentaryLR_; }
  const std::vector<double>& momentaryEnergiesMM() const { return momentaryMM_; }
  bool monoSum() const { return monoSum_; }

 private:
  void finishHop();

  int sampleRate_;
  int channels_;
  std::vector<double> weights_;
  bool monoSum_;
  size_t hop_;
  KWeightingFilter filter_;
  std::vector<KWeightingState> states_;

  // current hop
  size_t hopFill_ = 0;
  std::vector<double> hopSq_;
  double hopSqSum01_ = 0;

  // the last 30 hop energies (ring)
  static constexpr size_t kShortHops = 30;
  static constexpr size_t kMomentaryHops = 4;
  double ringE_[kShortHops] = {};
  double ringLR_[kMomentaryHops] = {};
  double ringMM_[kMomentaryHops] = {};
  uint64_t hops_ = 0;

  std::vector<double> momentary_, shortTerm_, momentaryLR_, momentaryMM_;
};

}  // namespace shub
