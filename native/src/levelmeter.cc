#include "levelmeter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "common.h"

namespace shub {

namespace {

LevelStatsConfig statsConfig(const LevelMeterOptions& o) {
  LevelStatsConfig c;
  c.sampleRate = o.sampleRate;
  c.channels = o.channels;
  c.clipThresholdLinear = o.clipThresholdLinear;
  c.silenceThresholdDbfs = o.silenceThresholdDbfs;
  return c;
}

const LevelMeterOptions& checked(const LevelMeterOptions& o) {
  const std::string err = validateLevelMeterOptions(o);
  if (!err.empty()) throw std::invalid_argument(err);
  return o;
}

std::optional<double> lufsOrNull(double l) {
  if (std::isfinite(l)) return l;
  return std::nullopt;
}

std::string num(double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%.15g", v);
  return b;
}

}  // namespace

std::string validateLevelMeterOptions(const LevelMeterOptions& o, bool* isTypeError) {
  if (isTypeError) *isTypeError = false;
  if (o.sampleRate < 8000 || o.sampleRate > 384000)
    return "sampleRate must be an integer in [8000, 384000] Hz, got " + num(o.sampleRate);
  if (o.channels < 1 || o.channels > 8) return "channels must be an integer in [1, 8], got " + num(o.channels);
  if (o.channelWeights.size() != static_cast<size_t>(o.channels))
    return "channelWeights must have one entry per channel (" + num(o.channels) + "), got " +
           num(static_cast<double>(o.channelWeights.size()));
  for (size_t i = 0; i < o.channelWeights.size(); ++i) {
    const double w = o.channelWeights[i];
    if (!std::isfinite(w) || w < 0)
      return "channelWeights[" + std::to_string(i) + "] must be a finite number >= 0, got " + num(w);
  }
  if (!(o.clipThresholdLinear > 0 && o.clipThresholdLinear <= 2))
    return "clipThresholdLinear must be in (0, 2], got " + num(o.clipThresholdLinear);
  if (!(o.silenceThresholdDbfs >= -200 && o.silenceThresholdDbfs <= 0))
    return "silenceThresholdDbfs must be in [-200, 0] dBFS, got " + num(o.silenceThresholdDbfs);
  return {};
}

LevelMeter::LevelMeter(const LevelMeterOptions& options)
    : opt_(checked(options)),
      stats_(statsConfig(opt_)),
      loudness_(opt_.sampleRate, opt_.channels, opt_.channelWeights, opt_.channels >= 2),
      truePeak_(opt_.sampleRate, opt_.channels),
      planar_(kChunk * static_cast<size_t>(opt_.channels)),
      ptrs_(static_cast<size_t>(opt_.channels)) {
  for (int c = 0; c < opt_.channels; ++c) ptrs_[c] = planar_.data() + kChunk * static_cast<size_t>(c);
}

AddResult LevelMeter::add(const uint8_t* data, PcmFormat format, size_t frames) {
  DenormalGuard guard;
  AddResult r;
  const size_t frameBytes = pcmBytesPerSample(format) * static_cast<size_t>(opt_.channels);
  for (size_t off = 0; off < frames; off += kChunk) {
    const size_t n = std::min(kChunk, frames - off);
    DecodeStats ds;
    decodePcm(data + off * frameBytes, format, opt_.channels, n, ptrs_.data(), ds);
    if (ds.nonFinite > 0) {
      if (r.nonFiniteSamples == 0) r.firstNonFiniteFrame = static_cast<int64_t>(frames_ + off) + ds.firstNonFiniteFrame;
      r.nonFiniteSamples += ds.nonFinite;
    }
    const float* const* planar = ptrs_.data();
    stats_.process(planar, n);
    loudness_.process(planar, n);
    if (opt_.truePeak) truePeakWindows(planar, n);
  }
  frames_ += frames;
  return r;
}

void LevelMeter::truePeakWindows(const float* const* planar, size_t n) {
  if (opt_.peakWindowFrames == 0) {
    truePeak_.process(planar, n);
    return;
  }
  std::vector<const float*> at(planar, planar + opt_.channels);
  size_t done = 0;
  while (done < n) {
    // windows end where the interpolator has reached the window's last sample (it lags the input)
    const uint64_t length = opt_.peakWindowFrames + (windowPeaks_.empty() ? truePeak_.lookahead() : 0);
    const size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, length - inWindow_));
    truePeak_.process(at.data(), k);
    for (const float*& p : at) p += k;
    done += k;
    inWindow_ += k;
    if (inWindow_ == length) {
      windowPeaks_.push_back(truePeak_.takeWindowPeak());
      inWindow_ = 0;
    }
  }
}

LevelMeterReport LevelMeter::result() const {
  DenormalGuard guard;
  LevelMeterReport r;
  r.frames = frames_;

  const std::vector<double>& mom = loudness_.momentaryEnergies();
  const std::vector<double>& st = loudness_.shortTermEnergies();
  r.integratedLufs = lufsOrNull(gatedIntegratedLufs(mom));
  double lra, low, high;
  if (loudnessRangeLu(st, lra, low, high)) {
    r.loudnessRangeLu = lra;
    r.loudnessRangeLowLufs = low;
    r.loudnessRangeHighLufs = high;
  }
  if (opt_.peakWindowFrames > 0) {
    r.windowTruePeak = windowPeaks_;
    // the window still open (the file's end): its peak so far, with the samples not yet interpolated
    if (inWindow_ > 0) r.windowTruePeak.push_back(truePeak_.windowPeakSoFar());
  }
  if (!mom.empty()) r.momentaryMaxLufs = lufsOrNull(energyToLufs(*std::max_element(mom.begin(), mom.end())));
  if (!st.empty()) r.shortTermMaxLufs = lufsOrNull(energyToLufs(*std::max_element(st.begin(), st.end())));
  if (loudness_.monoSum()) {
    const double lr = gatedIntegratedLufs(loudness_.momentaryEnergiesLR());
    const double mm = gatedIntegratedLufs(loudness_.momentaryEnergiesMM());
    if (std::isfinite(lr) && std::isfinite(mm)) r.monoLoudnessDropLu = lr - mm;
  }

  r.truePeak = opt_.truePeak ? truePeak_.peaks() : std::vector<double>(static_cast<size_t>(opt_.channels), 0.0);

  const LevelStatsReport s = stats_.report();
  r.samplePeak = s.samplePeak;
  r.rms = s.rms;
  r.mean = s.mean;
  r.rmsAll = s.rmsAll;
  r.clippedSamples = s.clippedSamples;
  if (s.hasPhaseCorrelation) r.phaseCorrelation = s.phaseCorrelation;
  if (s.hasNoiseFloor) r.noiseFloorDbfs = s.noiseFloorDbfs;
  r.leadingSilenceSeconds = s.leadingSilenceSeconds;
  r.trailingSilenceSeconds = s.trailingSilenceSeconds;
  if (s.hasDynamicRange) r.dynamicRangeDr = s.dynamicRangeDr;

  if (opt_.curves) {
    r.hasCurves = true;
    r.hopSeconds = loudness_.hopSeconds();
    r.momentaryStartSeconds = 4 * r.hopSeconds;
    r.shortTermStartSeconds = 30 * r.hopSeconds;
    r.momentaryLufs.reserve(mom.size());
    for (double e : mom) r.momentaryLufs.push_back(lufsOrNull(energyToLufs(e)));
    r.shortTermLufs.reserve(st.size());
    for (double e : st) r.shortTermLufs.push_back(lufsOrNull(energyToLufs(e)));
  }
  return r;
}

}  // namespace shub
