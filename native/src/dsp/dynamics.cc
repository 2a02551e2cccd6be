#include "dsp/dynamics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "isa.h"
#include "dsp/fastmath.h"

namespace shub {

std::string validateCompressorParams(const CompressorParams& p) {
  namespace c = params::compressor;
  return params::firstRejection({{c::thresholdDb, p.thresholdDb},
                                 {c::ratio, p.ratio},
                                 {c::kneeDb, p.kneeDb},
                                 {c::attackMs, p.attackMs},
                                 {c::releaseMs, p.releaseMs},
                                 {c::makeupDb, p.makeupDb},
                                 {c::rmsWindowMs, p.rmsWindowMs},
                                 {c::sidechainHighpassHz, p.sidechainHighpassHz},
                                 {c::mix, p.mix}});
}

Compressor::Compressor(const CompressorParams& params, double sampleRate, int channels)
    : p_(params), channels_(channels) {
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
SHUB_ALWAYS_INLINE void peakLevelBody(const float* const* det, int c0, int c1, float* level, size_t n) {
  for (size_t i = 0; i < n; ++i) level[i] = std::fabs(det[c0][i]);
  for (int c = c0 + 1; c < c1; ++c)
    for (size_t i = 0; i < n; ++i) level[i] = std::max(level[i], std::fabs(det[c][i]));
}
SHUB_ISA_KERNEL(void, peakLevel, (const float* const* det, int c0, int c1, float* level, size_t n),
                (det, c0, c1, level, n))

SHUB_ALWAYS_INLINE void squareLevelBody(const float* const* det, int c0, int c1, float* level, size_t n) {
  for (size_t i = 0; i < n; ++i) level[i] = det[c0][i] * det[c0][i];
  for (int c = c0 + 1; c < c1; ++c)
    for (size_t i = 0; i < n; ++i) level[i] = std::max(level[i], det[c][i] * det[c][i]);
}
SHUB_ISA_KERNEL(void, squareLevel, (const float* const* det, int c0, int c1, float* level, size_t n),
                (det, c0, c1, level, n))

/** level (linear) → static gain reduction in dB (≥ 0), soft knee. */
SHUB_ALWAYS_INLINE void staticReductionBody(float* x, size_t n, float T, float W, float slope, bool squared) {
  const float halfW = 0.5f * W;
  const float invTwoW = W > 0 ? 1.0f / (2.0f * W) : 0.0f;
  const float scale = squared ? 0.5f : 1.0f;  // dB of a mean square: 10·log10 = ½ · 20·log10
  for (size_t i = 0; i < n; ++i) {
    const float over = scale * fastmath::ampToDbf(x[i]) - T;
    const float q = over + halfW;
    const float knee = -slope * q * q * invTwoW;
    const float line = -slope * over;
    x[i] = over < -halfW
               ? 0.0f
               : (over <= halfW ? knee : line);  // W = 0: the knee branch only meets over = 0, where both are 0
  }
}
SHUB_ISA_KERNEL(void, staticReduction, (float* x, size_t n, float T, float W, float slope, bool squared),
                (x, n, T, W, slope, squared))

SHUB_ALWAYS_INLINE float blockMaxBody(const float* x, size_t n) {
  float m[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 8; ++k) m[k] = x[i + k] > m[k] ? x[i + k] : m[k];
  float r = 0;
  for (; i < n; ++i) r = x[i] > r ? x[i] : r;
  for (float v : m) r = v > r ? v : r;
  return r;
}
SHUB_ISA_KERNEL(float, blockMax, (const float* x, size_t n), (x, n))

SHUB_ALWAYS_INLINE void reductionToGainBody(const float* gr, float* g, size_t n, float makeup) {
  for (size_t i = 0; i < n; ++i) g[i] = fastmath::dbToAmpf(makeup - gr[i]);
}
SHUB_ISA_KERNEL(void, reductionToGain, (const float* gr, float* g, size_t n, float makeup), (gr, g, n, makeup))

}  // namespace

namespace {
/** One level detector of one compressor within a block. */
struct Job {
  Compressor* comp;
  int detector, c0, c1;
  float* level;      // n values: level → static reduction → smoothed reduction
  double* ms;        // RMS state
  double* smoothed;  // gain-reduction state (dB)
  double attack, release, rmsCoef;
  double blockMax = 0, blockSum = 0;
};

typedef double v4d __attribute__((vector_size(32)));

// The two recursions (RMS averaging, attack/release) run on G·4 detectors at once: one per vector
// lane (GCC/Clang vector extensions; AVX2 or AVX-512VL in those builds) and G vectors in flight, since
// each detector's chain is latency-bound on its own. Missing lanes run on a scratch buffer.
template <int G>
SHUB_ALWAYS_INLINE void rmsLanesBody(Job* const* j, size_t count, size_t n) {
  v4d ms[G], a[G], b[G];
  float* x[G * 4];
  std::vector<float> dummy;
  for (int q = 0; q < G * 4; ++q) {
    const int g = q / 4, l = q % 4;
    const bool real = static_cast<size_t>(q) < count;
    ms[g][l] = real ? *j[q]->ms : 0.0;
    a[g][l] = j[real ? q : 0]->rmsCoef;
    b[g][l] = 1.0 - a[g][l];
    if (!real && dummy.empty()) dummy.assign(n, 0.0f);
    x[q] = real ? j[q]->level : dummy.data();
  }
  for (size_t i = 0; i < n; ++i)
    for (int g = 0; g < G; ++g) {
      float* const* xg = &x[g * 4];
      const v4d e = {xg[0][i], xg[1][i], xg[2][i], xg[3][i]};
      ms[g] = a[g] * ms[g] + b[g] * e;
      for (int l = 0; l < 4; ++l) xg[l][i] = static_cast<float>(ms[g][l]);
    }
  for (size_t q = 0; q < count && q < static_cast<size_t>(G * 4); ++q) *j[q]->ms = ms[q / 4][q % 4];
}

template <int G>
SHUB_ALWAYS_INLINE void smoothLanesBody(Job* const* j, size_t count, size_t n) {
  v4d y[G], aA[G], aR[G], mx[G], sum[G];
  float* x[G * 4];
  std::vector<float> dummy;
  for (int g = 0; g < G; ++g) {
    mx[g] = v4d{0, 0, 0, 0};
    sum[g] = v4d{0, 0, 0, 0};
    for (int l = 0; l < 4; ++l) {
      const int q = g * 4 + l;
      const bool real = static_cast<size_t>(q) < count;
      y[g][l] = real ? *j[q]->smoothed : 0.0;
      aA[g][l] = j[real ? q : 0]->attack;
      aR[g][l] = j[real ? q : 0]->release;
      if (!real && dummy.empty()) dummy.assign(n, 0.0f);
      x[q] = real ? j[q]->level : dummy.data();
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (int g = 0; g < G; ++g) {
      float* const* xg = &x[g * 4];
      const v4d xL = {xg[0][i], xg[1][i], xg[2][i], xg[3][i]};
      const v4d a = xL > y[g] ? aA[g] : aR[g];  // attack where the reduction grows, release where it falls
      y[g] = xL + a * (y[g] - xL);
      for (int l = 0; l < 4; ++l) xg[l][i] = static_cast<float>(y[g][l]);
      mx[g] = mx[g] > y[g] ? mx[g] : y[g];
      sum[g] += y[g];
    }
  }
  for (int g = 0; g < G; ++g)
    for (int l = 0; l < 4; ++l) {
      const size_t q = static_cast<size_t>(g * 4 + l);
      if (q >= count) break;
      *j[q]->smoothed = y[g][l];
      j[q]->blockMax = mx[g][l];
      j[q]->blockSum = sum[g][l];
    }
}

using LaneFn = void (*)(Job* const*, size_t, size_t);

// one build of each lane kernel per instruction set (isa.h)
#define SHUB_LANE_VARIANTS(NAME)                                                                    \
  template <int G>                                                                                  \
  SHUB_TARGET_AVX512 void NAME##Avx512(Job* const* j, size_t count, size_t n) {                     \
    NAME##Body<G>(j, count, n);                                                                     \
  }                                                                                                 \
  template <int G>                                                                                  \
  SHUB_TARGET_AVX2 void NAME##Avx2(Job* const* j, size_t count, size_t n) {                         \
    NAME##Body<G>(j, count, n);                                                                     \
  }                                                                                                 \
  template <int G>                                                                                  \
  void NAME##Baseline(Job* const* j, size_t count, size_t n) {                                      \
    NAME##Body<G>(j, count, n);                                                                     \
  }                                                                                                 \
  template <int G>                                                                                  \
  LaneFn NAME() {                                                                                   \
    static const LaneFn fn = isaPick<LaneFn>(&NAME##Baseline<G>, &NAME##Avx2<G>, &NAME##Avx512<G>); \
    return fn;                                                                                      \
  }
SHUB_LANE_VARIANTS(rmsLanes)
SHUB_LANE_VARIANTS(smoothLanes)
#undef SHUB_LANE_VARIANTS

/** Runs a lane kernel over all jobs, eight at a time (four for a short remainder). */
void inLanes(LaneFn eight, LaneFn four, std::vector<Job*>& jobs, size_t n) {
  size_t k = 0;
  for (; k + 4 < jobs.size(); k += 8) eight(&jobs[k], jobs.size() - k, n);
  if (k < jobs.size()) four(&jobs[k], jobs.size() - k, n);
}
}  // namespace

void Compressor::process(float* const* planes, size_t n) {
  Compressor* self = this;
  processBatch(&self, &planes, 1, n);
}

void Compressor::processBatch(Compressor* const* comps, float* const* const* planes, size_t count, size_t n) {
  if (n == 0 || count == 0) return;
  std::vector<Job> jobs;
  for (size_t k = 0; k < count; ++k) {
    Compressor& c = *comps[k];
    const int detectors = c.p_.linked ? 1 : c.channels_;
    const bool sc = !c.sidechain_.empty();
    if (sc && c.scratch_.size() < n * static_cast<size_t>(c.channels_))
      c.scratch_.resize(n * static_cast<size_t>(c.channels_));
    if (c.gain_.size() < n) c.gain_.resize(n);
    if (c.level_.size() < n * static_cast<size_t>(detectors)) c.level_.resize(n * static_cast<size_t>(detectors));
    c.det_.resize(static_cast<size_t>(c.channels_));
    // side-chain planes: filtered copies, or the audio itself
    for (int ch = 0; ch < c.channels_; ++ch) {
      if (sc) {
        float* s = &c.scratch_[static_cast<size_t>(ch) * n];
        std::copy(planes[k][ch], planes[k][ch] + n, s);
        c.sidechain_.processChannel(ch, s, n);
        c.det_[ch] = s;
      } else {
        c.det_[ch] = planes[k][ch];
      }
    }
    for (int d = 0; d < detectors; ++d) {
      Job j{&c,
            d,
            c.p_.linked ? 0 : d,
            c.p_.linked ? c.channels_ : d + 1,
            &c.level_[static_cast<size_t>(d) * n],
            &c.ms_[d],
            &c.smoothed_[d],
            c.attackCoef_,
            c.releaseCoef_,
            c.rmsCoef_};
      if (c.p_.rms)
        squareLevel(c.det_.data(), j.c0, j.c1, j.level, n);
      else
        peakLevel(c.det_.data(), j.c0, j.c1, j.level, n);
      jobs.push_back(j);
    }
  }
  std::vector<Job*> rms, all;
  for (Job& j : jobs) {
    all.push_back(&j);
    if (j.comp->p_.rms) rms.push_back(&j);
  }
  inLanes(rmsLanes<2>(), rmsLanes<1>(), rms, n);
  for (Job& j : jobs) {
    const CompressorParams& p = j.comp->p_;
    // a block that never reaches the knee has no static reduction: skip the per-sample logarithms
    const float peak = blockMax(j.level, n);
    const double peakDb = p.rms ? 10.0 * std::log10(std::max(peak, 1e-30f)) : 20.0 * std::log10(std::max(peak, 1e-30f));
    if (peakDb < p.thresholdDb - 0.5 * p.kneeDb - 0.01)
      std::fill(j.level, j.level + n, 0.0f);
    else
      staticReduction(j.level, n, static_cast<float>(p.thresholdDb), static_cast<float>(p.kneeDb),
                      static_cast<float>(1.0 / p.ratio - 1.0), p.rms);
  }
  inLanes(smoothLanes<2>(), smoothLanes<1>(), all, n);
  for (size_t k = 0; k < count; ++k) comps[k]->stats_.frames += n;
  for (Job& j : jobs) {
    Compressor& c = *j.comp;
    const int detectors = c.p_.linked ? 1 : c.channels_;
    c.stats_.maxGainReductionDb = std::max(c.stats_.maxGainReductionDb, j.blockMax);
    c.stats_.sumGainReductionDb += j.blockSum / detectors;
    if (j.blockMax < 1e-6 && c.makeup_ == 0.0) continue;  // no reduction in the block and no make-up: unity
    reductionToGain(j.level, c.gain_.data(), n, static_cast<float>(c.makeup_));
    const float wet = static_cast<float>(c.p_.mix), dry = 1.0f - wet;
    const size_t k = static_cast<size_t>(std::find(comps, comps + count, &c) - comps);
    for (int ch = j.c0; ch < j.c1; ++ch) {
      float* x = planes[k][ch];
      const float* g = c.gain_.data();
      if (dry == 0.0f) {
        for (size_t i = 0; i < n; ++i) x[i] *= g[i];
      } else {
        for (size_t i = 0; i < n; ++i) x[i] = x[i] * (wet * g[i] + dry);
      }
    }
  }
}

}  // namespace shub
