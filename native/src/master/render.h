// One streaming pass of `shub master`: the shared chain (subsonic high-pass → corrective EQ in
// mid/side → glue compressor → stereo width with mono bass) runs once per block, then every
// target's tail (resample → gain → true-peak limiter → dither/quantise) runs on its output and
// is metered (BS.1770 levels of exactly what the tail produces, before quantisation). Optional
// mid and side spectra of the chain output feed the tonal-balance decisions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsp/biquad.h"
#include "dsp/dither.h"
#include "dsp/dynamics.h"
#include "dsp/limiter.h"
#include "dsp/resampler.h"
#include "featureextractor.h"
#include "levelmeter.h"

namespace shub {

/** Three-band compression: Linkwitz–Riley (LR4) crossovers whose bands sum back flat (allpass). */
struct MultibandParams {
  double lowHz = params::multiband::lowHz.def, highHz = params::multiband::highHz.def;
  CompressorParams bands[3];
};

struct MasterChainParams {
  double highpassHz = params::masterChain::highpassHz.def;  // 0 = off; 4th-order Butterworth
  std::vector<EqBand> midEq;                                // on mid (or on every channel when not stereo)
  std::vector<EqBand> sideEq;                               // on side (stereo only)
  std::optional<CompressorParams> compressor;
  std::optional<MultibandParams> multiband;                 // after the glue compressor
  double sideGainDb = params::masterChain::sideGainDb.def;  // stereo width (stereo only)
  double monoBassHz = params::masterChain::monoBassHz.def;  // 0 = off; side high-pass (LR4) below: mono
};

struct MasterTailParams {
  int sampleRate = 48000;  // output rate
  double gainDb = params::masterTail::gainDb.def;
  double dcBlockHz = params::masterTail::dcBlockHz.def;  // the limiter's DC is taken out below this
  std::optional<LimiterParams> limiter;
  int bitDepth = 24;  // 16, 24 or 32 (float)
  DitherMode dither = DitherMode::Tpdf;
  uint64_t ditherSeed = 0x9E3779B97F4A7C15ULL;  // the dither generator's seed (tests draw many)
  bool emit = true;                             // produce PCM bytes (false: meter only)
  bool meterTruePeak = true;                    // false: the tail's meter skips true peak (loudness-only passes)
};

struct MasterRenderParams {
  int sampleRate = 48000;
  int channels = 2;
  std::vector<double> channelWeights;
  MasterChainParams chain;
  std::vector<MasterTailParams> tails;
  bool spectra = false;            // mid/side spectra of the chain output
  FeatureOptions spectrumOptions;  // window/hop/floor for them (channels and rate are set here)
};

struct MasterTailReport {
  LevelMeterReport levels;
  LimiterStats limiter;
  uint64_t clippedSamples = 0;  // by the quantiser
  uint64_t framesOut = 0;
};

/** Empty when every declared value is in range (compressors and limiters check their own), else a message. */
std::string validateMasterRenderParams(const MasterRenderParams& p);
/** 16, 24 or 32 (params::masterTail::kBitDepths). */
bool isBitDepth(int bits);

class MasterRender {
 public:
  explicit MasterRender(const MasterRenderParams& params);
  ~MasterRender();

  const MasterRenderParams& params() const { return p_; }

  /** Runs a block; the PCM produced by each emitting tail is appended to its pending output. */
  AddResult add(const uint8_t* data, PcmFormat format, size_t frames);
  /** Drains the limiters and resamplers (call once at the end). */
  void finish();
  /** Moves out each tail's pending PCM bytes (interleaved, little-endian). */
  std::vector<std::vector<uint8_t>> takeOutputs();

  std::vector<MasterTailReport> reports() const;
  /** Mean power spectra (mid, side) when spectra were requested. */
  FeatureReport midSpectrum();
  FeatureReport sideSpectrum();
  DynamicsStats compressorStats() const;
  /** Per band (low, mid, high) when multiband was requested. */
  std::vector<DynamicsStats> multibandStats() const;

 private:
  struct Tail;
  void runChain(size_t n);
  void runTails(size_t n, bool flushing);

  MasterRenderParams p_;
  std::vector<std::vector<float>> planes_;
  std::vector<float*> ptrs_;
  BiquadCascade highpass_, midEq_, sideEq_, monoBass_;
  std::unique_ptr<Compressor> comp_;
  struct Multiband;
  std::unique_ptr<Multiband> multiband_;
  double sideGain_ = 1;
  bool stereo_ = false;
  std::vector<std::unique_ptr<Tail>> tails_;
  std::unique_ptr<FeatureExtractor> midFx_, sideFx_;
  std::vector<float> scratch_;
  uint64_t frames_ = 0;
};

}  // namespace shub
