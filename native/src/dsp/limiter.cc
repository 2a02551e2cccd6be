#include "dsp/limiter.h"

#include "dsp/dot.h"
#include "dsp/fastmath.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace shub {

std::string validateLimiterParams(const LimiterParams& p) {
  namespace l = params::limiter;
  return params::firstRejection(
      {{l::ceilingDb, p.ceilingDb}, {l::lookaheadMs, p.lookaheadMs}, {l::releaseMs, p.releaseMs}});
}

TruePeakLimiter::TruePeakLimiter(const LimiterParams& params, int sampleRate, int channels,
                                 const PolyphaseInterpolator& interp)
    : p_(params), channels_(channels), taps_(interp.taps()), half_(interp.taps() / 2) {
  if (channels < 1) throw std::invalid_argument("limiter: channels must be >= 1");
  const std::string err = validateLimiterParams(p_);
  if (!err.empty()) throw std::invalid_argument("limiter: " + err);
  // detection on a grid twice as fine as the meter's: the meter's grid first (coarse), the
  // points between only where the coarse peak comes near the ceiling
  const int factor = 2 * truePeakOversampling(sampleRate);
  const int stride = PolyphaseInterpolator::kPhases / factor;
  for (int p = stride; p < PolyphaseInterpolator::kPhases; p += stride)
    ((p / stride) % 2 == 0 ? coarse_ : fine_).push_back(interp.phase(p));
  ceiling_ = std::pow(10.0, p_.ceilingDb / 20.0);
  l1_ = interp.l1Bound();
  look_ = std::max<size_t>(1, static_cast<size_t>(std::lround(p_.lookaheadMs * 1e-3 * sampleRate)));
  latency_ = static_cast<size_t>(half_) + look_ - 1;
  releaseCoef_ = std::exp(-1.0 / (p_.releaseMs * 1e-3 * sampleRate));
  hist_ = 1;
  while (hist_ < latency_ + static_cast<size_t>(taps_) + 8) hist_ <<= 1;  // powers of two: indices wrap by masking
  mask_ = hist_ - 1;
  cap_ = 1;
  while (cap_ < look_ + 1) cap_ <<= 1;
  ring_.assign(static_cast<size_t>(channels_) * hist_ * 2, 0.0f);
  dqIdx_.assign(cap_, 0);
  dqVal_.assign(cap_, 1.0);
  box_.assign(look_, 1.0);
  boxSum_ = static_cast<double>(look_);
  gainRing_.assign(hist_, 1.0);
  mxIdx_.assign(hist_, 0);
  mxVal_.assign(hist_, 0.0f);
  frame_.assign(static_cast<size_t>(channels_), 0.0f);
}

void TruePeakLimiter::push(const float* frame) {
  const uint64_t n = in_++;
  const size_t pos = static_cast<size_t>(n) & mask_;
  float sampleMax = 0;
  for (int c = 0; c < channels_; ++c) {
    float* r = &ring_[static_cast<size_t>(c) * hist_ * 2];
    r[pos] = frame[c];
    r[pos + hist_] = frame[c];  // mirrored so every window is contiguous
    sampleMax = std::max(sampleMax, std::fabs(frame[c]));
  }
  // sliding maximum of |x| over the last `taps` frames (monotonic deque)
  while (mxSize_ > 0 && mxVal_[(mxHead_ + mxSize_ - 1) & mask_] <= sampleMax) --mxSize_;
  mxIdx_[(mxHead_ + mxSize_) & mask_] = n;
  mxVal_[(mxHead_ + mxSize_) & mask_] = sampleMax;
  ++mxSize_;
  while (mxIdx_[mxHead_] + static_cast<uint64_t>(taps_) <= n) {
    mxHead_ = (mxHead_ + 1) & mask_;
    --mxSize_;
  }
  if (n < static_cast<uint64_t>(half_)) return;
  const uint64_t a = n - static_cast<uint64_t>(half_);
  // peak of sample a and the grid points between a and a+1 (window x[a−half+1 … a+half]).
  // Any interpolated value is at most max|x| over the window × max_p Σ|h_p|: when that bound is
  // under the ceiling (most samples of most material) nothing needs interpolating.
  const size_t start = static_cast<size_t>(a + hist_ - static_cast<uint64_t>(half_ - 1)) & mask_;
  double peak = 0;
  const bool interpolate = static_cast<double>(mxVal_[mxHead_]) * l1_ > ceiling_;
  for (int c = 0; c < channels_; ++c) {
    const float* w = &ring_[static_cast<size_t>(c) * hist_ * 2 + start];
    peak = std::max(peak, static_cast<double>(std::fabs(w[half_ - 1])));
    if (!interpolate) continue;
    double coarsePeak = 0;
    for (const float* h : coarse_)
      coarsePeak = std::max(coarsePeak, static_cast<double>(std::fabs(dot(h, w, static_cast<size_t>(taps_)))));
    peak = std::max(peak, coarsePeak);
    // between two points of the coarse grid a sinusoid below Nyquist rises by at most
    // 1/cos(π/(2·coarse factor)) (8.2 % at 4×): under that margin the fine points cannot reach
    // the ceiling (what a non-sinusoidal residue might add, verification catches)
    if (peak * kFineMargin > ceiling_)
      for (const float* h : fine_)
        peak = std::max(peak, static_cast<double>(std::fabs(dot(h, w, static_cast<size_t>(taps_)))));
  }
  // a sample's neighbourhood on both sides: the interval before it belongs to a−1's window
  const double need = std::max(peak, prevPeak_);
  prevPeak_ = peak;
  const double g = need > ceiling_ ? ceiling_ / need : 1.0;
  // sliding minimum over [b, b+L−1]
  const size_t cm = cap_ - 1;
  while (dqSize_ > 0 && dqVal_[(dqHead_ + dqSize_ - 1) & cm] >= g) --dqSize_;
  dqIdx_[(dqHead_ + dqSize_) & cm] = a;
  dqVal_[(dqHead_ + dqSize_) & cm] = g;
  ++dqSize_;
  if (a + 1 < look_) return;
  const uint64_t b = a + 1 - look_;
  while (dqIdx_[dqHead_] < b) {
    dqHead_ = (dqHead_ + 1) & cm;
    --dqSize_;
  }
  const double h = dqVal_[dqHead_];
  release_ = h < release_ ? h : release_ + (1.0 - releaseCoef_) * (h - release_);
  boxSum_ += release_ - box_[boxPos_];
  box_[boxPos_] = release_;
  if (++boxPos_ == look_) {
    boxPos_ = 0;
    double s = 0;  // refresh the running sum against drift
    for (double v : box_) s += v;
    boxSum_ = s;
  }
  gainRing_[static_cast<size_t>(b) & mask_] = std::min(boxSum_ / static_cast<double>(look_), h);
}

bool TruePeakLimiter::pop(float* frame) {
  if (in_ < latency_ + 1 || out_ > in_ - latency_ - 1) return false;
  const uint64_t q = out_++;
  const size_t pos = static_cast<size_t>(q) & mask_;
  const double g = gainRing_[pos];
  for (int c = 0; c < channels_; ++c)
    frame[c] = static_cast<float>(ring_[static_cast<size_t>(c) * hist_ * 2 + pos] * g);
  if (q < realIn_) {
    ++stats_.frames;
    stats_.minGain = std::min(stats_.minGain, g);
    if (g < 1.0) {
      const double db = fastmath::ampToDb(g);
      stats_.sumGainDb += db;
      if (db < -0.1) ++stats_.limitedFrames;
    }
  }
  return true;
}

size_t TruePeakLimiter::process(const float* const* in, size_t n, float* const* out) {
  size_t written = 0;
  for (size_t i = 0; i < n; ++i) {
    for (int c = 0; c < channels_; ++c) frame_[c] = in[c][i];
    push(frame_.data());
    ++realIn_;
    if (pop(frame_.data())) {
      for (int c = 0; c < channels_; ++c) out[c][written] = frame_[c];
      ++written;
    }
  }
  return written;
}

size_t TruePeakLimiter::flush(float* const* out, size_t capacity) {
  size_t written = 0;
  std::vector<float> zero(static_cast<size_t>(channels_), 0.0f);
  while (out_ < realIn_ && written < capacity) {
    push(zero.data());
    while (out_ < realIn_ && written < capacity && pop(frame_.data())) {
      for (int c = 0; c < channels_; ++c) out[c][written] = frame_[c];
      ++written;
    }
  }
  return written;
}

}  // namespace shub
