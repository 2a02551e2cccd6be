#include "dsp/dynamics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common.h"
#include "dsp/fastmath.h"

namespace shub {

std::string validateCompressorParams(const CompressorParams& p) {
  auto finite = [](double v) { return std::isfinite(v); };
  if (!finite(p.thresholdDb) || p.thresholdDb > 0 || p.thresholdDb < -120) return "thresholdDb must be in [-120, 0] dB";
  if (!finite(p.ratio) || p.ratio < 1 || p.ratio > 1000) return "ratio must be in [1, 1000]";
  if (!finite(p.kneeDb) || p.kneeDb < 0 || p.kneeDb > 48) return "kneeDb must be in [0, 48] dB";
  if (!finite(p.attackMs) || p.attackMs <= 0 || p.attackMs > 2000) return "attackMs must be in (0, 2000] ms";
  if (!finite(p.releaseMs) || p.releaseMs <= 0 || p.releaseMs > 10000) return "releaseMs must be in (0, 10000] ms";
  if (!finite(p.makeupDb) || std::fabs(p.makeupDb) > 48) return "makeupDb must be in [-48, 48] dB";
  if (!finite(p.rmsWindowMs) || p.rmsWindowMs <= 0 || p.rmsWindowMs > 1000) return "rmsWindowMs must be in (0, 1000] ms";
  if (!finite(p.sidechainHighpassHz) || p.sidechainHighpassHz < 0 || p.sidechainHighpassHz > 2000)
    return "sidechainHighpassHz must be in [0, 2000] Hz (0 = off)";
  if (!finite(p.mix) || p.mix < 0 || p.mix > 1) return "mix must be in [0, 1]";
  return "";
}

Compressor::Compressor(const CompressorParams& params, double sampleRate, int channels) : p_(params), channels_(channels) {
  const std::string err = validateCompressorParams(p_);
  if (!err.empty()) throw std::invalid_argument(err);
  if (channels < 1) throw std::invalid_argument("channels must be >= 1");
  attackCoef_ = std::exp(-1.0 / (p_.attackMs * 1e-3 * sampleRate));
  releaseCoef_ = std::exp(-1.0 / (p_.releaseMs * 1e-3 * sampleRate));
  rmsCoef_ = std::exp(-1.0 / (p_.rmsWindowMs * 1e-3 * sampleRate));
  makeup_ = p_.makeupDb;
  if (p_.sidechainHighpassHz > 0 && p_.sidechainHighpassHz < sampleRate / 2)
    sidechain_ = BiquadCascade(biquad::butterworth(true, 2, p_.sidechainHighpassHz, sampleRate), channels);
  const int detectors = p_.linked ? 1 : channels;
  ms_.assign(static_cast<size_t>(detectors), 0.0);
  smoothed_.assign(static_cast<size_t>(detectors), 0.0);
}

double Compressor::staticCurveDb(const CompressorParams& p, double x) {
  const double T = p.thresholdDb, R = p.ratio, W = p.kneeDb;
  const double over = x - T;
  if (2.0 * over < -W) return x;
  if (W > 0 && 2.0 * std::fabs(over) <= W) {
    const double d = over + W / 2.0;
    return x + (1.0 / R - 1.0) * d * d / (2.0 * W);
  }
  return T + over / R;
}

namespace {
// Block kernels: everything but the attack/release recursion is elementwise and vectorises.
SHUB_CLONES void peakLevel(const float* const* det, int c0, int c1, float* level, size_t n) {
  for (size_t i = 0; i < n; ++i) level[i] = std::fabs(det[c0][i]);
  for (int c = c0 + 1; c < c1; ++c)
    for (size_t i = 0; i < n; ++i) level[i] = std::max(level[i], std::fabs(det[c][i]));
}

SHUB_CLONES void squareLevel(const float* const* det, int c0, int c1, float* level, size_t n) {
  for (size_t i = 0; i < n; ++i) level[i] = det[c0][i] * det[c0][i];
  for (int c = c0 + 1; c < c1; ++c)
    for (size_t i = 0; i < n; ++i) level[i] = std::max(level[i], det[c][i] * det[c][i]);
}

/** level (linear) → static gain reduction in dB (≥ 0), soft knee. */
SHUB_CLONES void staticReduction(float* x, size_t n, float T, float W, float slope, bool squared) {
  const float halfW = 0.5f * W;
  const float invTwoW = W > 0 ? 1.0f / (2.0f * W) : 0.0f;
  const float scale = squared ? 0.5f : 1.0f;  // dB of a mean square: 10·log10 = ½ · 20·log10
  for (size_t i = 0; i < n; ++i) {
    const float over = scale * fastmath::ampToDbf(x[i]) - T;
    const float q = over + halfW;
    const float knee = -slope * q * q * invTwoW;
    const float line = -slope * over;
    x[i] = over < -halfW ? 0.0f : (over <= halfW ? knee : line);  // W = 0: the knee branch only meets over = 0, where both are 0
  }
}

SHUB_CLONES void reductionToGain(const float* gr, float* g, size_t n, float makeup) {
  for (size_t i = 0; i < n; ++i) g[i] = fastmath::dbToAmpf(makeup - gr[i]);
}
}  // namespace

void Compressor::process(float* const* planes, size_t n) {
  if (n == 0) return;
  const int detectors = p_.linked ? 1 : channels_;
  const bool sc = !sidechain_.empty();
  if (sc && scratch_.size() < n * static_cast<size_t>(channels_)) scratch_.resize(n * static_cast<size_t>(channels_));
  if (gain_.size() < n) gain_.resize(n);
  if (level_.size() < n) level_.resize(n);
  det_.resize(static_cast<size_t>(channels_));
  // side-chain planes: filtered copies, or the audio itself
  for (int ch = 0; ch < channels_; ++ch) {
    if (sc) {
      float* s = &scratch_[static_cast<size_t>(ch) * n];
      std::copy(planes[ch], planes[ch] + n, s);
      sidechain_.processChannel(ch, s, n);
      det_[ch] = s;
    } else {
      det_[ch] = planes[ch];
    }
  }
  const float wet = static_cast<float>(p_.mix), dry = 1.0f - wet;
  const double slope = 1.0 / p_.ratio - 1.0;
  double maxGr = stats_.maxGainReductionDb, sumGr = 0;
  float* level = level_.data();
  for (int d = 0; d < detectors; ++d) {
    const int c0 = p_.linked ? 0 : d, c1 = p_.linked ? channels_ : d + 1;
    if (p_.rms) {
      squareLevel(det_.data(), c0, c1, level, n);
      double ms = ms_[d];
      const double a = rmsCoef_, b = 1.0 - rmsCoef_;
      for (size_t i = 0; i < n; ++i) {
        ms = a * ms + b * level[i];
        level[i] = static_cast<float>(ms);
      }
      ms_[d] = ms;
    } else {
      peakLevel(det_.data(), c0, c1, level, n);
    }
    staticReduction(level, n, static_cast<float>(p_.thresholdDb), static_cast<float>(p_.kneeDb), static_cast<float>(slope), p_.rms);
    // smooth branching attack/release (the only serial part)
    double yL = smoothed_[d];
    const double aA = attackCoef_, aR = releaseCoef_;
    double blockMax = 0;
    double blockSum = 0;
    for (size_t i = 0; i < n; ++i) {
      const double xL = level[i];
      const double a = xL > yL ? aA : aR;  // a select, not a branch: attack/release alternate unpredictably
      yL = xL + a * (yL - xL);
      level[i] = static_cast<float>(yL);
      blockMax = blockMax > yL ? blockMax : yL;
      blockSum += yL;
    }
    sumGr += blockSum;
    smoothed_[d] = yL;
    maxGr = std::max(maxGr, blockMax);
    const bool idle = blockMax < 1e-6 && makeup_ == 0.0;
    if (!idle) reductionToGain(level, gain_.data(), n, static_cast<float>(makeup_));
    for (int c = c0; c < c1; ++c) {
      if (idle) continue;  // no reduction anywhere in the block and no make-up: unity
      float* x = planes[c];
      const float* g = gain_.data();
      if (dry == 0.0f) {
        for (size_t i = 0; i < n; ++i) x[i] *= g[i];
      } else {
        for (size_t i = 0; i < n; ++i) x[i] = x[i] * (wet * g[i] + dry);
      }
    }
  }
  stats_.frames += n;
  stats_.maxGainReductionDb = maxGr;
  stats_.sumGainReductionDb += sumGr / detectors;
}

}  // namespace shub
