#include "master/render.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common.h"

namespace shub {

struct MasterRender::Multiband {
  BiquadCascade lowPass, restHigh, midPass, highPass;
  std::unique_ptr<Compressor> comp[3];
  std::vector<std::vector<float>> band[3];
  std::vector<float*> ptr[3];

  Multiband(const MultibandParams& p, double fs, int channels) {
    const std::string err =
        params::firstRejection({{params::multiband::lowHz, p.lowHz}, {params::multiband::highHz, p.highHz}});
    if (!err.empty()) throw std::invalid_argument("multiband: " + err);
    if (!(p.lowHz < p.highHz && p.highHz < fs * 0.45))
      throw std::invalid_argument("multiband crossovers must satisfy lowHz < highHz < 0.45·fs");
    // low = LR4 low-pass at f1, then the f2 crossover's allpass so all three bands stay in phase
    std::vector<Biquad> low = biquad::linkwitzRiley(false, 2, p.lowHz, fs);
    low.push_back(biquad::design(biquad::Shape::AllPass, p.highHz, std::sqrt(0.5), 0, fs));
    lowPass = BiquadCascade(low, channels);
    restHigh = BiquadCascade(biquad::linkwitzRiley(true, 2, p.lowHz, fs), channels);
    midPass = BiquadCascade(biquad::linkwitzRiley(false, 2, p.highHz, fs), channels);
    highPass = BiquadCascade(biquad::linkwitzRiley(true, 2, p.highHz, fs), channels);
    for (int b = 0; b < 3; ++b) {
      comp[b] = std::make_unique<Compressor>(p.bands[b], fs, channels);
      band[b].assign(static_cast<size_t>(channels), {});
      ptr[b].assign(static_cast<size_t>(channels), nullptr);
    }
  }

  void process(float* const* x, int channels, size_t n) {
    for (int b = 0; b < 3; ++b)
      for (int c = 0; c < channels; ++c) {
        if (band[b][c].size() < n) band[b][c].resize(n);
        ptr[b][c] = band[b][c].data();
      }
    for (int c = 0; c < channels; ++c) {
      std::copy(x[c], x[c] + n, ptr[0][c]);
      std::copy(x[c], x[c] + n, ptr[1][c]);
    }
    lowPass.process(ptr[0].data(), n);
    restHigh.process(ptr[1].data(), n);
    for (int c = 0; c < channels; ++c) std::copy(ptr[1][c], ptr[1][c] + n, ptr[2][c]);
    midPass.process(ptr[1].data(), n);
    highPass.process(ptr[2].data(), n);
    for (int b = 0; b < 3; ++b) comp[b]->process(ptr[b].data(), n);
    for (int c = 0; c < channels; ++c)
      for (size_t i = 0; i < n; ++i) x[c][i] = ptr[0][c][i] + ptr[1][c][i] + ptr[2][c][i];
  }
};

struct MasterRender::Tail {
  MasterTailParams p;
  Resampler resampler;
  double gain;
  std::unique_ptr<TruePeakLimiter> limiter;
  // The limiter's gain follows the larger of the positive and negative peaks, so on an asymmetric
  // waveform it takes more off one polarity than the other and adds DC (issue 17: 0.0014 on a
  // -9 LUFS master of a mix with 0.00009). The slow part of what the limiter changed (its output
  // minus its input, aligned: output frame i is input frame i) is measured and taken off the
  // limiter's *input* (feedback), so the limiter stays last and its ceiling holds; the loop gain
  // is below 1 (a limiter passes at most all of a DC shift), so it settles. An unlimited signal
  // passes untouched.
  std::vector<std::vector<float>> pre;  // gained limiter input not yet matched by output, per channel
  size_t preHead = 0;
  double dcAlpha = 0;
  std::vector<double> dcState;  // four one-pole low-pass states per channel
  Quantizer quantizer;
  LevelMeter meter;
  std::vector<std::vector<float>> rs, lim;
  std::vector<float*> rsPtr, limPtr;
  std::vector<float> interleaved;
  std::vector<uint8_t> pending;
  uint64_t framesOut = 0;

  Tail(const MasterTailParams& params, int inRate, int channels, const std::vector<double>& weights)
      : p(params),
        resampler(inRate, params.sampleRate, channels),
        gain(std::pow(10.0, params.gainDb / 20.0)),
        quantizer(params.bitDepth, params.dither, channels, params.ditherSeed),
        meter([&] {
          LevelMeterOptions o;
          o.sampleRate = params.sampleRate;
          o.channels = channels;
          o.channelWeights = weights;
          o.truePeak = params.meterTruePeak;
          return o;
        }()) {
    if (params.limiter) limiter = std::make_unique<TruePeakLimiter>(*params.limiter, params.sampleRate, channels);
    pre.assign(static_cast<size_t>(channels), {});
    dcState.assign(static_cast<size_t>(channels) * 4, 0.0);
    dcAlpha = 1.0 - std::exp(-2.0 * 3.14159265358979323846 * params.dcBlockHz / params.sampleRate);
    rs.assign(static_cast<size_t>(channels), {});
    lim.assign(static_cast<size_t>(channels), {});
    rsPtr.assign(static_cast<size_t>(channels), nullptr);
    limPtr.assign(static_cast<size_t>(channels), nullptr);
  }

  void reserve(size_t n) {
    for (size_t c = 0; c < rs.size(); ++c) {
      if (rs[c].size() < n) rs[c].resize(n);
      if (lim[c].size() < n) lim[c].resize(n);
      rsPtr[c] = rs[c].data();
      limPtr[c] = lim[c].data();
    }
  }

  /**
   * Measures the DC of what the limiter did to its next k output frames (in lim): the slow part
   * of (output − input), four one-pole low-passes at dcBlockHz (−80 dB a decade above), kept in
   * dcState; the next input block is shifted by it before the limiter (see finishFrames).
   */
  void measureLimiterDc(size_t k) {
    for (size_t c = 0; c < pre.size(); ++c) {
      const size_t have = pre[c].size() - preHead;
      double* s = &dcState[c * 4];
      for (size_t i = 0; i < k; ++i) {
        const double x = i < have ? pre[c][preHead + i] : 0.0;
        double v = lim[c][i] - x;  // the limiter's change
        for (int j = 0; j < 4; ++j) v = s[j] += dcAlpha * (v - s[j]);
      }
    }
    const size_t used = std::min(k, pre.empty() ? 0 : pre[0].size() - preHead);
    preHead += used;
    if (!pre.empty() && preHead > 4096 && preHead * 2 > pre[0].size()) {
      for (auto& v : pre) v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(preHead));
      preHead = 0;
    }
  }

  /** gain → limiter → meter → quantise for m frames in rs. */
  void finishFrames(size_t m, bool flushing) {
    const size_t C = rs.size();
    for (size_t c = 0; c < C; ++c)
      for (size_t i = 0; i < m; ++i) rs[c][i] = static_cast<float>(rs[c][i] * gain);
    size_t k = m;
    float* const* out = rsPtr.data();
    if (limiter) {
      reserve(std::max(m, limiter->latency()) + 1);
      for (size_t c = 0; c < C; ++c) {
        // the DC the limiter has been adding, taken off its input in advance
        const float d = static_cast<float>(dcState[c * 4 + 3]);
        if (d != 0.0f)
          for (size_t i = 0; i < m; ++i) rs[c][i] -= d;
        pre[c].insert(pre[c].end(), rs[c].begin(), rs[c].begin() + m);
      }
      k = limiter->process(rsPtr.data(), m, limPtr.data());
      if (flushing) {
        std::vector<float*> tailPtr(C);
        std::vector<std::vector<float>> tail(C, std::vector<float>(limiter->latency() + 1));
        for (size_t c = 0; c < C; ++c) tailPtr[c] = tail[c].data();
        const size_t t = limiter->flush(tailPtr.data(), limiter->latency() + 1);
        for (size_t c = 0; c < C; ++c) {
          if (lim[c].size() < k + t) lim[c].resize(k + t);
          std::copy(tail[c].begin(), tail[c].begin() + static_cast<std::ptrdiff_t>(t),
                    lim[c].begin() + static_cast<std::ptrdiff_t>(k));
          limPtr[c] = lim[c].data();
        }
        k += t;
      }
      measureLimiterDc(k);
      out = limPtr.data();
    }
    if (k == 0) return;
    interleaved.resize(k * C);
    for (size_t i = 0; i < k; ++i)
      for (size_t c = 0; c < C; ++c) interleaved[i * C + c] = out[c][i];
    meter.addFloat(interleaved.data(), k);
    if (p.emit) {
      const size_t bytes = k * C * static_cast<size_t>(quantizer.bytesPerSample());
      const size_t at = pending.size();
      pending.resize(at + bytes);
      quantizer.write(out, k, pending.data() + at);
    }
    framesOut += k;
  }
};

bool isBitDepth(int bits) {
  for (int b : params::masterTail::kBitDepths)
    if (b == bits) return true;
  return false;
}

std::string validateMasterRenderParams(const MasterRenderParams& p) {
  namespace m = params::masterChain;
  std::string e = params::audio::sampleRate.check(p.sampleRate);
  if (!e.empty()) return e;
  e = params::firstRejection(
      {{m::highpassHz, p.chain.highpassHz}, {m::sideGainDb, p.chain.sideGainDb}, {m::monoBassHz, p.chain.monoBassHz}});
  if (!e.empty()) return "chain." + e;
  for (const auto* eq : {&p.chain.midEq, &p.chain.sideEq})
    for (const EqBand& b : *eq)
      if (!(e = validateEqBand(b)).empty()) return std::string(eq == &p.chain.midEq ? "midEq: " : "sideEq: ") + e;
  for (const MasterTailParams& t : p.tails) {
    e = params::firstRejection({{params::audio::sampleRate, static_cast<double>(t.sampleRate)},
                                {params::masterTail::gainDb, t.gainDb},
                                {params::masterTail::dcBlockHz, t.dcBlockHz}});
    if (!e.empty()) return "tails: " + e;
    if (!isBitDepth(t.bitDepth)) return "tails: bitDepth must be 16, 24 or 32, got " + std::to_string(t.bitDepth);
  }
  return "";
}

MasterRender::MasterRender(const MasterRenderParams& params) : p_(params) {
  const int C = p_.channels;
  if (C < 1 || C > kMaxPcmChannels) throw std::invalid_argument("channels must be 1–8");
  if (std::string e = validateMasterRenderParams(p_); !e.empty()) throw std::invalid_argument(e);
  if (static_cast<int>(p_.channelWeights.size()) != C)
    throw std::invalid_argument("channelWeights must have one entry per channel");
  const double fs = p_.sampleRate;
  stereo_ = C == 2;
  planes_.assign(static_cast<size_t>(C), {});
  ptrs_.assign(static_cast<size_t>(C), nullptr);
  if (p_.chain.highpassHz > 0) highpass_ = BiquadCascade(biquad::butterworth(true, 4, p_.chain.highpassHz, fs), C);
  midEq_ = BiquadCascade(designBands(p_.chain.midEq, fs), stereo_ ? 1 : C);
  if (stereo_) {
    sideEq_ = BiquadCascade(designBands(p_.chain.sideEq, fs), 1);
    if (p_.chain.monoBassHz > 0) monoBass_ = BiquadCascade(biquad::linkwitzRiley(true, 2, p_.chain.monoBassHz, fs), 1);
    sideGain_ = std::pow(10.0, p_.chain.sideGainDb / 20.0);
  }
  if (p_.chain.compressor) comp_ = std::make_unique<Compressor>(*p_.chain.compressor, fs, C);
  if (p_.chain.multiband) multiband_ = std::make_unique<Multiband>(*p_.chain.multiband, fs, C);
  for (const MasterTailParams& t : p_.tails) {
    tails_.push_back(std::make_unique<Tail>(t, p_.sampleRate, C, p_.channelWeights));
  }
  if (p_.spectra) {
    FeatureOptions o = p_.spectrumOptions;
    o.sampleRate = p_.sampleRate;
    o.channels = 1;
    o.spectrum = true;
    o.pitch = false;
    o.meanPowerOnly = true;  // the tonal balance needs only the mean power spectrum
    midFx_ = std::make_unique<FeatureExtractor>(o);
    if (stereo_) sideFx_ = std::make_unique<FeatureExtractor>(o);
  }
}

MasterRender::~MasterRender() = default;

void MasterRender::runChain(size_t n) {
  float* const* x = ptrs_.data();
  if (!highpass_.empty()) highpass_.process(x, n);
  if (stereo_) {
    float* L = x[0];
    float* R = x[1];
    const bool eq = !midEq_.empty() || !sideEq_.empty();
    if (eq) {
      for (size_t i = 0; i < n; ++i) {
        const float m = 0.5f * (L[i] + R[i]), s = 0.5f * (L[i] - R[i]);
        L[i] = m;
        R[i] = s;
      }
      midEq_.processChannel(0, L, n);
      sideEq_.processChannel(0, R, n);
      for (size_t i = 0; i < n; ++i) {
        const float m = L[i], s = R[i];
        L[i] = m + s;
        R[i] = m - s;
      }
    }
    if (comp_) comp_->process(x, n);
    if (multiband_) multiband_->process(x, 2, n);
    if (sideGain_ != 1.0 || !monoBass_.empty()) {
      if (scratch_.size() < n) scratch_.resize(n);
      float* S = scratch_.data();
      for (size_t i = 0; i < n; ++i) S[i] = static_cast<float>(0.5 * (L[i] - R[i]) * sideGain_);
      monoBass_.processChannel(0, S, n);
      for (size_t i = 0; i < n; ++i) {
        const float m = 0.5f * (L[i] + R[i]);
        L[i] = m + S[i];
        R[i] = m - S[i];
      }
    }
  } else {
    if (!midEq_.empty()) midEq_.process(x, n);
    if (comp_) comp_->process(x, n);
    if (multiband_) multiband_->process(x, p_.channels, n);
  }
  if (midFx_) {
    const int C = p_.channels;
    if (scratch_.size() < 2 * n) scratch_.resize(2 * n);
    float* M = scratch_.data();
    float* S = scratch_.data() + n;
    for (size_t i = 0; i < n; ++i) {
      if (stereo_) {
        M[i] = 0.5f * (x[0][i] + x[1][i]);
        S[i] = 0.5f * (x[0][i] - x[1][i]);
      } else {
        float sum = 0;
        for (int c = 0; c < C; ++c) sum += x[c][i];
        M[i] = sum / static_cast<float>(C);
      }
    }
    midFx_->addFloat(M, n);
    if (sideFx_) sideFx_->addFloat(S, n);
  }
}

void MasterRender::runTails(size_t n, bool flushing) {
  for (auto& t : tails_) {
    t->reserve(t->resampler.maxOutput(n) + t->resampler.tapsPerPhase() + 8);
    size_t m = n ? t->resampler.process(ptrs_.data(), n, t->rsPtr.data()) : 0;
    if (flushing) {
      // the resampler's tail goes through the rest of the tail together with this block
      std::vector<std::vector<float>> extra(planes_.size(),
                                            std::vector<float>(static_cast<size_t>(t->resampler.tapsPerPhase()) + 8));
      std::vector<float*> ep(planes_.size());
      for (size_t c = 0; c < planes_.size(); ++c) ep[c] = extra[c].data();
      const size_t e = t->resampler.flush(ep.data(), extra[0].size());
      t->reserve(m + e + 1);
      for (size_t c = 0; c < planes_.size(); ++c)
        std::copy(extra[c].begin(), extra[c].begin() + static_cast<std::ptrdiff_t>(e),
                  t->rs[c].begin() + static_cast<std::ptrdiff_t>(m));
      m += e;
    }
    t->finishFrames(m, flushing);
  }
}

AddResult MasterRender::add(const uint8_t* data, PcmFormat format, size_t frames) {
  DenormalGuard guard;
  AddResult result;
  const size_t C = planes_.size();
  const size_t kChunk = 8192;
  for (size_t done = 0; done < frames;) {
    const size_t n = std::min(kChunk, frames - done);
    for (size_t c = 0; c < C; ++c) {
      if (planes_[c].size() < n) planes_[c].resize(kChunk);
      ptrs_[c] = planes_[c].data();
    }
    DecodeStats stats;
    decodePcm(data + done * C * pcmBytesPerSample(format), format, static_cast<int>(C), n, ptrs_.data(), stats);
    if (stats.nonFinite > 0 && result.nonFiniteSamples == 0)
      result.firstNonFiniteFrame = static_cast<int64_t>(frames_ + done) + stats.firstNonFiniteFrame;
    result.nonFiniteSamples += stats.nonFinite;
    runChain(n);
    runTails(n, false);
    done += n;
  }
  frames_ += frames;
  return result;
}

void MasterRender::finish() {
  DenormalGuard guard;
  for (size_t c = 0; c < planes_.size(); ++c) {
    if (planes_[c].empty()) planes_[c].resize(1);
    ptrs_[c] = planes_[c].data();
  }
  runTails(0, true);
}

std::vector<std::vector<uint8_t>> MasterRender::takeOutputs() {
  std::vector<std::vector<uint8_t>> out;
  for (auto& t : tails_) {
    out.push_back(std::move(t->pending));
    t->pending.clear();
  }
  return out;
}

std::vector<MasterTailReport> MasterRender::reports() const {
  std::vector<MasterTailReport> out;
  for (const auto& t : tails_) {
    MasterTailReport r;
    r.levels = t->meter.result();
    if (t->limiter) r.limiter = t->limiter->stats();
    r.clippedSamples = t->quantizer.clippedSamples();
    r.framesOut = t->framesOut;
    out.push_back(std::move(r));
  }
  return out;
}

FeatureReport MasterRender::midSpectrum() { return midFx_ ? midFx_->takeReport() : FeatureReport{}; }
FeatureReport MasterRender::sideSpectrum() { return sideFx_ ? sideFx_->takeReport() : FeatureReport{}; }
DynamicsStats MasterRender::compressorStats() const { return comp_ ? comp_->stats() : DynamicsStats{}; }

std::vector<DynamicsStats> MasterRender::multibandStats() const {
  std::vector<DynamicsStats> out;
  if (multiband_)
    for (int b = 0; b < 3; ++b) out.push_back(multiband_->comp[b]->stats());
  return out;
}

}  // namespace shub
