// The level meter: PCM decode → sample statistics + K-weighted loudness + true peak.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "levelstats.h"
#include "loudness.h"
#include "pcm.h"
#include "truepeak.h"

namespace shub {

struct LevelMeterOptions {
  int sampleRate = 48000;              // 8000–384000
  int channels = 2;                    // 1–8
  std::vector<double> channelWeights;  // one per channel, finite, ≥ 0
  bool curves = false;
  /** > 0: also the true peak of each window of this many frames (0: none); the last window may be
   *  partial, and holds the last lookahead (24) samples beyond a whole number of windows. */
  uint64_t peakWindowFrames = 0;
  bool truePeak = true;  // false: skip the oversampled true-peak scan (report 0); loudness-only metering
  double clipThresholdLinear = 1.0 - 1.0 / 32768.0;  // (0, 2]
  double silenceThresholdDbfs = -60.0;               // [−200, 0]
};

/** Returns an empty string when the options are valid, else a message naming the field. */
std::string validateLevelMeterOptions(const LevelMeterOptions& o, bool* isTypeError = nullptr);

struct AddResult {
  uint64_t nonFiniteSamples = 0;
  /** Global frame index (since the meter was created) of the first non-finite sample, or -1. */
  int64_t firstNonFiniteFrame = -1;
};

struct LevelMeterReport {
  uint64_t frames = 0;
  std::optional<double> integratedLufs, loudnessRangeLu, momentaryMaxLufs, shortTermMaxLufs;
  /** The short-term levels at the 10th and 95th percentiles the loudness range spans (LUFS). */
  std::optional<double> loudnessRangeLowLufs, loudnessRangeHighLufs;
  /** With peakWindowFrames: linear true peak (all channels) of each window, the last one partial. */
  std::vector<double> windowTruePeak;
  std::vector<double> truePeak, samplePeak, rms, mean;
  double rmsAll = 0;
  uint64_t clippedSamples = 0;
  std::optional<double> phaseCorrelation, monoLoudnessDropLu, noiseFloorDbfs;
  double leadingSilenceSeconds = 0, trailingSilenceSeconds = 0;
  std::optional<int> dynamicRangeDr;
  bool hasCurves = false;
  double hopSeconds = 0, momentaryStartSeconds = 0, shortTermStartSeconds = 0;
  std::vector<std::optional<double>> momentaryLufs, shortTermLufs;
};

class LevelMeter {
 public:
  /** Throws std::invalid_argument when validateLevelMeterOptions fails. */
  explicit LevelMeter(const LevelMeterOptions& options);

  const LevelMeterOptions& options() const { return opt_; }

  /** Decodes and meters `frames` interleaved frames (data must hold frames·channels samples). */
  AddResult add(const uint8_t* data, PcmFormat format, size_t frames);
  /** Same for interleaved float samples. */
  AddResult addFloat(const float* interleaved, size_t frames) {
    return add(reinterpret_cast<const uint8_t*>(interleaved), PcmFormat::F32, frames);
  }

  /** Final or running measurements; does not change the meter. */
  LevelMeterReport result() const;

 private:
  static constexpr size_t kChunk = 4096;
  /** Feeds the true-peak meter, closing a window every peakWindowFrames frames. */
  void truePeakWindows(const float* const* planar, size_t frames);

  LevelMeterOptions opt_;
  uint64_t frames_ = 0;
  LevelStats stats_;
  LoudnessMeter loudness_;
  TruePeakMeter truePeak_;
  uint64_t inWindow_ = 0;
  std::vector<double> windowPeaks_;
  std::vector<float> planar_;
  std::vector<float*> ptrs_;
};

}  // namespace shub
