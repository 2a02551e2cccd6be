#include "levelstats.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "isa.h"

namespace shub {

// ---- vector kernels --------------------------------------------------------------------

struct SpanStats {
  double sum;
  double sumSq;
  float maxAbs;
};

typedef float v8f __attribute__((vector_size(32)));
typedef int32_t v8i __attribute__((vector_size(32)));
typedef double v4d __attribute__((vector_size(32)));
typedef float v4f __attribute__((vector_size(16)));

SHUB_ALWAYS_INLINE SpanStats spanStatsBody(const float* x, size_t n) {
  v4d s0 = {}, s1 = {}, q0 = {}, q1 = {};
  v8f m = {};
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    v8f v;
    std::memcpy(&v, x + i, sizeof(v));
    m = reinterpret_cast<v8f>(reinterpret_cast<v8i>(v) & 0x7fffffff) > m
            ? reinterpret_cast<v8f>(reinterpret_cast<v8i>(v) & 0x7fffffff)
            : m;
    const v4f lo = {v[0], v[1], v[2], v[3]};
    const v4f hi = {v[4], v[5], v[6], v[7]};
    const v4d a = __builtin_convertvector(lo, v4d);
    const v4d b = __builtin_convertvector(hi, v4d);
    s0 += a;
    s1 += b;
    q0 += a * a;
    q1 += b * b;
  }
  const v4d s = s0 + s1, q = q0 + q1;
  SpanStats r;
  r.sum = (s[0] + s[1]) + (s[2] + s[3]);
  r.sumSq = (q[0] + q[1]) + (q[2] + q[3]);
  float mx = 0;
  for (int l = 0; l < 8; ++l) mx = std::max(mx, m[l]);
  for (; i < n; ++i) {
    const double d = x[i];
    r.sum += d;
    r.sumSq += d * d;
    mx = std::max(mx, std::fabs(x[i]));
  }
  r.maxAbs = mx;
  return r;
}

SHUB_ISA_KERNEL(SpanStats, spanStats, (const float* x, size_t n), (x, n))

SHUB_ALWAYS_INLINE double spanDotBody(const float* x, const float* y, size_t n) {
  v4d p0 = {}, p1 = {};
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    v8f a, b;
    std::memcpy(&a, x + i, sizeof(a));
    std::memcpy(&b, y + i, sizeof(b));
    const v4f alo = {a[0], a[1], a[2], a[3]}, ahi = {a[4], a[5], a[6], a[7]};
    const v4f blo = {b[0], b[1], b[2], b[3]}, bhi = {b[4], b[5], b[6], b[7]};
    p0 += __builtin_convertvector(alo, v4d) * __builtin_convertvector(blo, v4d);
    p1 += __builtin_convertvector(ahi, v4d) * __builtin_convertvector(bhi, v4d);
  }
  const v4d p = p0 + p1;
  double r = (p[0] + p[1]) + (p[2] + p[3]);
  for (; i < n; ++i) r += static_cast<double>(x[i]) * y[i];
  return r;
}

SHUB_ISA_KERNEL(double, spanDot, (const float* x, const float* y, size_t n), (x, y, n))

// ---- LevelStats ------------------------------------------------------------------------

namespace {
constexpr size_t kHistBins = 22000;  // (20 − (−200)) / 0.01
size_t histBin(double db) {
  const double b = std::floor((db - LevelStats::kHistMinDb) / LevelStats::kHistStepDb);
  if (!(b >= 0)) return 0;
  if (b >= static_cast<double>(kHistBins)) return kHistBins - 1;
  return static_cast<size_t>(b);
}
}  // namespace

LevelStats::LevelStats(const LevelStatsConfig& config)
    : cfg_(config),
      nc_(static_cast<size_t>(config.channels)),
      sum_(nc_, 0.0),
      sumSq_(nc_, 0.0),
      peak_(nc_, 0.0f),
      clipRun_(nc_, 0),
      nfHist_(kHistBins, 0),
      drSq_(nc_, 0.0),
      drPeak_(nc_, 0.0f),
      drBlockRms2_(nc_),
      drBlockPeak_(nc_) {
  clipThreshold_ = config.clipThresholdLinear;
  silenceThreshold_ = std::pow(10.0, config.silenceThresholdDbfs / 20.0);  // non-silent: |x| > this
  nfWindow_ = std::max<size_t>(1, static_cast<size_t>(std::llround(0.05 * config.sampleRate)));
  drBlock_ = std::max<size_t>(1, static_cast<size_t>(std::llround(3.0 * config.sampleRate)));
}

void LevelStats::finishNoiseWindow(double power) {
  if (!(power > 0)) return;
  const double db = 10.0 * std::log10(power);
  if (nfCount_ == 0 || db < nfMinDb_) nfMinDb_ = db;
  ++nfHist_[histBin(db)];
  ++nfCount_;
}

void LevelStats::process(const float* const* ch, size_t frames) {
  size_t i = 0;
  while (i < frames) {
    const size_t seg = std::min({frames - i, nfWindow_ - nfFill_, drBlock_ - drFill_});
    int64_t segFirstLoud = -1, segLastLoud = -1;
    for (size_t c = 0; c < nc_; ++c) {
      const float* x = ch[c] + i;
      const SpanStats s = spanStats(x, seg);
      sum_[c] += s.sum;
      sumSq_[c] += s.sumSq;
      peak_[c] = std::max(peak_[c], s.maxAbs);
      nfSq_ += s.sumSq;
      drSq_[c] += s.sumSq;
      drPeak_[c] = std::max(drPeak_[c], s.maxAbs);

      // clipping: runs of ≥ 2 samples at or above the threshold, continued across blocks
      if (static_cast<double>(s.maxAbs) >= clipThreshold_) {
        uint64_t run = clipRun_[c];
        for (size_t k = 0; k < seg; ++k) {
          if (static_cast<double>(std::fabs(x[k])) >= clipThreshold_) {
            ++run;
            if (run == 2)
              clipped_ += 2;
            else if (run > 2)
              ++clipped_;
          } else {
            run = 0;
          }
        }
        clipRun_[c] = run;
      } else {
        clipRun_[c] = 0;
      }

      // silence
      if (static_cast<double>(s.maxAbs) > silenceThreshold_) {
        if (firstLoud_ < 0) {
          size_t k = 0;
          while (!(static_cast<double>(std::fabs(x[k])) > silenceThreshold_)) ++k;
          if (segFirstLoud < 0 || static_cast<int64_t>(k) < segFirstLoud) segFirstLoud = static_cast<int64_t>(k);
        }
        size_t k = seg - 1;
        while (!(static_cast<double>(std::fabs(x[k])) > silenceThreshold_)) --k;
        segLastLoud = std::max(segLastLoud, static_cast<int64_t>(k));
      }
    }
    if (nc_ >= 2) cross01_ += spanDot(ch[0] + i, ch[1] + i, seg);
    const int64_t base = static_cast<int64_t>(frames_ + i);
    if (segFirstLoud >= 0 && firstLoud_ < 0) firstLoud_ = base + segFirstLoud;
    if (segLastLoud >= 0) lastLoud_ = base + segLastLoud;

    nfFill_ += seg;
    if (nfFill_ == nfWindow_) {
      finishNoiseWindow(nfSq_ / (static_cast<double>(nfWindow_) * static_cast<double>(nc_)));
      nfFill_ = 0;
      nfSq_ = 0;
    }
    drFill_ += seg;
    if (drFill_ == drBlock_) {
      for (size_t c = 0; c < nc_; ++c) {
        drBlockRms2_[c].push_back(2.0 * drSq_[c] / static_cast<double>(drBlock_));
        drBlockPeak_[c].push_back(drPeak_[c]);
        drSq_[c] = 0;
        drPeak_[c] = 0;
      }
      drFill_ = 0;
    }
    i += seg;
  }
  frames_ += frames;
}

LevelStatsReport LevelStats::report() const {
  LevelStatsReport r;
  r.frames = frames_;
  const double n = static_cast<double>(frames_);
  r.samplePeak.resize(nc_);
  r.rms.resize(nc_);
  r.mean.resize(nc_);
  double sqAll = 0;
  for (size_t c = 0; c < nc_; ++c) {
    r.samplePeak[c] = peak_[c];
    r.rms[c] = frames_ ? std::sqrt(sumSq_[c] / n) : 0.0;
    r.mean[c] = frames_ ? sum_[c] / n : 0.0;
    sqAll += sumSq_[c];
  }
  r.rmsAll = frames_ ? std::sqrt(sqAll / (n * static_cast<double>(nc_))) : 0.0;
  r.clippedSamples = clipped_;

  if (nc_ >= 2 && sumSq_[0] > 0 && sumSq_[1] > 0) {
    r.hasPhaseCorrelation = true;
    r.phaseCorrelation = std::clamp(cross01_ / std::sqrt(sumSq_[0] * sumSq_[1]), -1.0, 1.0);
  }

  // noise floor, including a trailing partial window of at least half a window
  {
    uint64_t count = nfCount_;
    double minDb = nfMinDb_;
    size_t extraBin = kHistBins;  // none
    if (nfFill_ > 0 && 2 * nfFill_ >= nfWindow_) {
      const double power = nfSq_ / (static_cast<double>(nfFill_) * static_cast<double>(nc_));
      if (power > 0) {
        const double db = 10.0 * std::log10(power);
        if (count == 0 || db < minDb) minDb = db;
        extraBin = histBin(db);
        ++count;
      }
    }
    if (count > 0) {
      r.hasNoiseFloor = true;
      if (count < 100) {
        r.noiseFloorDbfs = minDb;
      } else {
        const uint64_t rank = (count + 99) / 100;  // ceil(1 % of the windows)
        uint64_t acc = 0;
        size_t b = 0;
        for (; b < kHistBins; ++b) {
          acc += nfHist_[b] + (b == extraBin ? 1 : 0);
          if (acc >= rank) break;
        }
        r.noiseFloorDbfs = kHistMinDb + (static_cast<double>(b) + 0.5) * kHistStepDb;
      }
    }
  }

  // silence
  const double fs = cfg_.sampleRate;
  if (firstLoud_ < 0) {
    r.leadingSilenceSeconds = r.trailingSilenceSeconds = n / fs;
  } else {
    r.leadingSilenceSeconds = static_cast<double>(firstLoud_) / fs;
    r.trailingSilenceSeconds = static_cast<double>(static_cast<int64_t>(frames_) - 1 - lastLoud_) / fs;
  }

  // TT DR: per channel top 20 % of 3 s blocks by RMS, second-largest block peak
  {
    bool ok = nc_ > 0;
    double drSum = 0;
    std::vector<double> rms2;
    std::vector<float> peaks;
    for (size_t c = 0; c < nc_ && ok; ++c) {
      rms2 = drBlockRms2_[c];
      peaks = drBlockPeak_[c];
      if (drFill_ > 0) {
        rms2.push_back(2.0 * drSq_[c] / static_cast<double>(drFill_));
        peaks.push_back(drPeak_[c]);
      }
      const size_t blocks = rms2.size();
      if (blocks == 0) {
        ok = false;
        break;
      }
      const size_t top = std::max<size_t>(1, static_cast<size_t>(std::floor(0.2 * static_cast<double>(blocks))));
      std::sort(rms2.begin(), rms2.end(), std::greater<double>());
      double acc = 0;
      for (size_t k = 0; k < top; ++k) acc += rms2[k];
      const double rmsTop = std::sqrt(acc / static_cast<double>(top));
      std::sort(peaks.begin(), peaks.end(), std::greater<float>());
      const double peak2 = blocks >= 2 ? peaks[1] : peaks[0];
      if (!(rmsTop > 0) || !(peak2 > 0)) {
        ok = false;
        break;
      }
      drSum += 20.0 * std::log10(peak2 / rmsTop);
    }
    if (ok) {
      r.hasDynamicRange = true;
      r.dynamicRangeDr = static_cast<int>(std::floor(drSum / static_cast<double>(nc_) + 0.5));
    }
  }
  return r;
}

}  // namespace shub
