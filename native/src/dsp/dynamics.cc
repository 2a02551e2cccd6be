#include "dsp/dynamics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

void Compressor::process(float* const* planes, size_t n) {
  if (n == 0) return;
  const int detectors = p_.linked ? 1 : channels_;
  const bool sc = !sidechain_.empty();
  if (scratch_.size() < n * (sc ? static_cast<size_t>(channels_) : 0)) scratch_.resize(n * channels_);
  if (gain_.size() < n) gain_.resize(n);
  // side-chain planes: filtered copies, or the audio itself
  std::vector<const float*> det(static_cast<size_t>(channels_));
  for (int ch = 0; ch < channels_; ++ch) {
    if (sc) {
      float* s = &scratch_[static_cast<size_t>(ch) * n];
      std::copy(planes[ch], planes[ch] + n, s);
      sidechain_.processChannel(ch, s, n);
      det[ch] = s;
    } else {
      det[ch] = planes[ch];
    }
  }
  const double T = p_.thresholdDb, W = p_.kneeDb, slope = 1.0 / p_.ratio - 1.0;
  const double wet = p_.mix, dry = 1.0 - p_.mix;
  double maxGr = stats_.maxGainReductionDb, sumGr = 0;
  for (int d = 0; d < detectors; ++d) {
    const int c0 = p_.linked ? 0 : d, c1 = p_.linked ? channels_ : d + 1;
    double ms = ms_[d], yL = smoothed_[d];
    for (size_t i = 0; i < n; ++i) {
      double level;
      if (p_.rms) {
        double e = 0;
        for (int c = c0; c < c1; ++c) e = std::max(e, static_cast<double>(det[c][i]) * det[c][i]);
        ms = rmsCoef_ * ms + (1.0 - rmsCoef_) * e;
        level = std::sqrt(ms);
      } else {
        level = 0;
        for (int c = c0; c < c1; ++c) level = std::max(level, static_cast<double>(std::fabs(det[c][i])));
      }
      const double x = fastmath::ampToDb(level);
      const double over = x - T;
      double xL;  // static gain reduction (≥ 0)
      if (2.0 * over < -W) xL = 0;
      else if (W > 0 && 2.0 * over <= W) {
        const double q = over + W / 2.0;
        xL = -slope * q * q / (2.0 * W);
      } else xL = -slope * over;
      yL = xL > yL ? attackCoef_ * yL + (1.0 - attackCoef_) * xL : releaseCoef_ * yL + (1.0 - releaseCoef_) * xL;
      if (yL > maxGr) maxGr = yL;
      sumGr += yL;
      gain_[i] = static_cast<float>(fastmath::dbToAmp(makeup_ - yL));
    }
    ms_[d] = ms;
    smoothed_[d] = yL;
    for (int c = c0; c < c1; ++c) {
      float* x = planes[c];
      if (dry == 0.0) {
        for (size_t i = 0; i < n; ++i) x[i] *= gain_[i];
      } else {
        for (size_t i = 0; i < n; ++i) x[i] = static_cast<float>(x[i] * (wet * gain_[i] + dry));
      }
    }
  }
  stats_.frames += n;
  stats_.maxGainReductionDb = maxGr;
  stats_.sumGainReductionDb += sumGr / detectors;
}

}  // namespace shub
