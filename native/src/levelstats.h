// Sample-domain statistics: peak, RMS, DC, clipping, phase correlation, noise floor, silence, DR.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shub {

struct LevelStatsConfig {
  int sampleRate = 48000;
  int channels = 2;
  /** |x| ≥ this counts as clipped when in a run of ≥ 2 consecutive samples of one channel. */
  double clipThresholdLinear = 1.0 - 1.0 / 32768.0;
  /** A frame is non-silent when some channel has |x| > 10^(dB/20). */
  double silenceThresholdDbfs = -60.0;
};

struct LevelStatsReport {
  uint64_t frames = 0;
  std::vector<double> samplePeak, rms, mean;
  double rmsAll = 0;
  uint64_t clippedSamples = 0;
  bool hasPhaseCorrelation = false;
  double phaseCorrelation = 0;
  bool hasNoiseFloor = false;
  double noiseFloorDbfs = 0;
  double leadingSilenceSeconds = 0;
  double trailingSilenceSeconds = 0;
  bool hasDynamicRange = false;
  int dynamicRangeDr = 0;
};

/**
 * Streaming statistics over planar float blocks. Memory is bounded: per 50 ms window one
 * histogram increment (fixed 22000-bin histogram), per 3 s block 16 bytes per channel.
 */
class LevelStats {
 public:
  explicit LevelStats(const LevelStatsConfig& config);

  void process(const float* const* planar, size_t frames);

  /** Does not modify the state (pending partial windows/blocks are included virtually). */
  LevelStatsReport report() const;

  // noise-floor histogram geometry (dBFS)
  static constexpr double kHistMinDb = -200.0;
  static constexpr double kHistMaxDb = 20.0;
  static constexpr double kHistStepDb = 0.01;

 private:
  void finishNoiseWindow(double power);

  LevelStatsConfig cfg_;
  size_t nc_;
  uint64_t frames_ = 0;

  std::vector<double> sum_, sumSq_;
  std::vector<float> peak_;
  double cross01_ = 0;

  double clipThreshold_;
  std::vector<uint64_t> clipRun_;
  uint64_t clipped_ = 0;

  double silenceThreshold_;
  int64_t firstLoud_ = -1, lastLoud_ = -1;

  // noise floor: 50 ms windows
  size_t nfWindow_;
  size_t nfFill_ = 0;
  double nfSq_ = 0;
  std::vector<uint32_t> nfHist_;
  uint64_t nfCount_ = 0;
  double nfMinDb_ = 0;

  // DR: 3 s blocks per channel
  size_t drBlock_;
  size_t drFill_ = 0;
  std::vector<double> drSq_;
  std::vector<float> drPeak_;
  std::vector<std::vector<double>> drBlockRms2_;  // 2·mean(x²) per block
  std::vector<std::vector<float>> drBlockPeak_;
};

}  // namespace shub
