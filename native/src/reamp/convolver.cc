#include "reamp/convolver.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "common.h"
#include "dsp/resampler.h"
#include "isa.h"

namespace shub {
namespace reamp {

namespace {

// a += x·h over n bins (split complex): the spectral multiply-accumulate, vectorised per ISA.
SHUB_ALWAYS_INLINE void cmacBody(const float* __restrict xr, const float* __restrict xi, const float* __restrict hr,
                                 const float* __restrict hi, float* __restrict ar, float* __restrict ai, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    ar[k] += xr[k] * hr[k] - xi[k] * hi[k];
    ai[k] += xr[k] * hi[k] + xi[k] * hr[k];
  }
}

SHUB_ISA_KERNEL(void, cmac,
                (const float* __restrict xr, const float* __restrict xi, const float* __restrict hr,
                 const float* __restrict hi, float* __restrict ar, float* __restrict ai, size_t n),
                (xr, xi, hr, hi, ar, ai, n))

constexpr size_t kMinBlock = 32, kMaxBlock = 32768, kAutoMaxBlock = 8192;

}  // namespace

std::vector<std::vector<float>> blendIrs(const std::vector<IrSource>& irs, int sampleRate) {
  if (irs.empty()) throw std::invalid_argument("no impulse response to blend");
  std::vector<std::vector<std::vector<float>>> resampled;
  int channels = 1;
  size_t length = 0;
  for (size_t k = 0; k < irs.size(); ++k) {
    const IrSource& s = irs[k];
    const std::string where = "ir[" + std::to_string(k) + "]";
    const int ch = static_cast<int>(s.channels.size());
    if (ch < 1 || ch > 2) throw std::invalid_argument(where + ": must have 1 or 2 channels, got " + std::to_string(ch));
    const size_t n = s.channels[0].size();
    for (const auto& c : s.channels)
      if (c.size() != n) throw std::invalid_argument(where + ": channels of different lengths");
    if (n == 0) throw std::invalid_argument(where + ": holds no samples");
    if (static_cast<double>(n) > kMaxIrSeconds * s.sampleRate + 0.5)
      throw std::invalid_argument(where + ": longer than the " + std::to_string(static_cast<int>(kMaxIrSeconds)) +
                                  " s limit");
    if (!std::isfinite(s.gain)) throw std::invalid_argument(where + ": gain is not finite");
    channels = std::max(channels, ch);
    std::vector<std::vector<float>> out(static_cast<size_t>(ch));
    double scale = s.gain;
    if (s.sampleRate == sampleRate) {
      for (int c = 0; c < ch; ++c) out[c] = s.channels[c];
    } else {
      std::unique_ptr<Resampler> rp;
      try {
        rp = std::make_unique<Resampler>(s.sampleRate, sampleRate, ch);
      } catch (const std::exception& e) {
        throw std::invalid_argument(where + ": " + e.what());
      }
      Resampler& r = *rp;
      scale *= static_cast<double>(s.sampleRate) / sampleRate;
      const size_t cap = r.maxOutput(n) + static_cast<size_t>(r.tapsPerPhase()) + 16;
      for (auto& c : out) c.assign(cap, 0.0f);
      std::vector<const float*> in(static_cast<size_t>(ch));
      std::vector<float*> dst(static_cast<size_t>(ch));
      for (int c = 0; c < ch; ++c) in[c] = s.channels[c].data(), dst[c] = out[c].data();
      size_t got = r.process(in.data(), n, dst.data());
      for (int c = 0; c < ch; ++c) dst[c] = out[c].data() + got;
      got += r.flush(dst.data(), cap - got);
      for (auto& c : out) c.resize(got);
    }
    if (scale != 1.0)
      for (auto& c : out)
        for (float& v : c) v = static_cast<float>(v * scale);
    length = std::max(length, out[0].size());
    resampled.push_back(std::move(out));
  }
  std::vector<std::vector<double>> sum(static_cast<size_t>(channels), std::vector<double>(length, 0.0));
  for (const auto& ir : resampled)
    for (int c = 0; c < channels; ++c) {
      const std::vector<float>& src = ir[ir.size() == 1 ? 0 : c];
      for (size_t i = 0; i < src.size(); ++i) sum[c][i] += src[i];
    }
  std::vector<std::vector<float>> result(static_cast<size_t>(channels));
  for (int c = 0; c < channels; ++c) result[c].assign(sum[c].begin(), sum[c].end());
  return result;
}

size_t Convolver::chooseBlock(size_t taps, int channelsIn, int channelsOut) {
  // per output frame: P·(B+1) complex multiply-adds per output channel, plus one forward FFT per
  // input channel and one inverse per output channel of size 2B (≈ 2B·log2(2B)·0.5 in the same units)
  size_t best = kMinBlock;
  double bestCost = 1e300;
  for (size_t B = kMinBlock; B <= kAutoMaxBlock; B *= 2) {
    const double P = std::ceil(static_cast<double>(taps) / B);
    const double mac = P * (B + 1) * channelsOut;
    const double fft = 0.5 * (channelsIn + channelsOut) * 2.0 * B * std::log2(2.0 * B);
    const double cost = (mac + fft) / B;
    if (cost < bestCost * 0.97) bestCost = cost, best = B;  // prefer the smaller block when close
  }
  return best;
}

Convolver::Convolver(const std::vector<std::vector<float>>& ir, int channelsIn, size_t block)
    : channelsIn_(channelsIn) {
  irChannels_ = static_cast<int>(ir.size());
  if (irChannels_ < 1 || irChannels_ > 2) throw std::invalid_argument("the IR must have 1 or 2 channels");
  if (channelsIn < 1 || channelsIn > 2) throw std::invalid_argument("channelsIn must be 1 or 2");
  irLength_ = ir[0].size();
  if (irLength_ == 0) throw std::invalid_argument("the IR holds no samples");
  for (const auto& c : ir)
    if (c.size() != irLength_) throw std::invalid_argument("the IR's channels differ in length");
  channelsOut_ = std::max(channelsIn_, irChannels_);
  if (block == 0) block = chooseBlock(irLength_, channelsIn_, channelsOut_);
  if (block < kMinBlock || block > kMaxBlock || (block & (block - 1)) != 0)
    throw std::invalid_argument("block must be a power of two in [32, 32768], got " + std::to_string(block));
  B_ = block;
  P_ = (irLength_ + B_ - 1) / B_;
  bins_ = B_ + 1;
  fft_ = std::make_unique<RealFft>(2 * B_);
  std::vector<float> td(2 * B_);
  hr_.assign(static_cast<size_t>(irChannels_), std::vector<float>(P_ * bins_));
  hi_.assign(static_cast<size_t>(irChannels_), std::vector<float>(P_ * bins_));
  for (int c = 0; c < irChannels_; ++c)
    for (size_t p = 0; p < P_; ++p) {
      std::fill(td.begin(), td.end(), 0.0f);
      const size_t from = p * B_, to = std::min(irLength_, from + B_);
      std::copy(ir[c].begin() + static_cast<std::ptrdiff_t>(from), ir[c].begin() + static_cast<std::ptrdiff_t>(to),
                td.begin());
      fft_->forward(td.data(), &hr_[c][p * bins_], &hi_[c][p * bins_]);
    }
  xr_.assign(static_cast<size_t>(channelsIn_), std::vector<float>(P_ * bins_, 0.0f));
  xi_.assign(static_cast<size_t>(channelsIn_), std::vector<float>(P_ * bins_, 0.0f));
  window_.assign(static_cast<size_t>(channelsIn_), std::vector<float>(2 * B_, 0.0f));
  accR_.resize(bins_);
  accI_.resize(bins_);
  time_.resize(2 * B_);
}

void Convolver::runBlock(size_t valid, std::vector<std::vector<float>>& out) {
  slot_ = (slot_ + 1) % P_;
  for (int c = 0; c < channelsIn_; ++c)
    fft_->forward(window_[c].data(), &xr_[c][slot_ * bins_], &xi_[c][slot_ * bins_]);
  for (int o = 0; o < channelsOut_; ++o) {
    const int ci = channelsIn_ == 1 ? 0 : o;
    const int hc = irChannels_ == 1 ? 0 : o;
    std::fill(accR_.begin(), accR_.end(), 0.0f);
    std::fill(accI_.begin(), accI_.end(), 0.0f);
    // partition p meets the input spectrum of p blocks ago
    for (size_t p = 0; p < P_; ++p) {
      const size_t s = (slot_ + P_ - p) % P_;
      cmac(&xr_[ci][s * bins_], &xi_[ci][s * bins_], &hr_[hc][p * bins_], &hi_[hc][p * bins_], accR_.data(),
           accI_.data(), bins_);
    }
    fft_->inverse(accR_.data(), accI_.data(), time_.data());
    out[o].insert(out[o].end(), time_.begin() + static_cast<std::ptrdiff_t>(B_),
                  time_.begin() + static_cast<std::ptrdiff_t>(B_ + valid));
  }
  // the current block becomes the previous one
  for (auto& w : window_) std::copy(w.begin() + static_cast<std::ptrdiff_t>(B_), w.end(), w.begin());
}

void Convolver::process(const float* const* in, size_t n, std::vector<std::vector<float>>& out) {
  out.resize(static_cast<size_t>(channelsOut_));
  size_t done = 0;
  while (done < n) {
    const size_t take = std::min(n - done, B_ - fill_);
    for (int c = 0; c < channelsIn_; ++c)
      std::copy(in[c] + done, in[c] + done + take, window_[c].begin() + static_cast<std::ptrdiff_t>(B_ + fill_));
    fill_ += take;
    done += take;
    if (fill_ == B_) {
      runBlock(B_, out);
      fill_ = 0;
    }
  }
}

void Convolver::flush(std::vector<std::vector<float>>& out) {
  out.resize(static_cast<size_t>(channelsOut_));
  if (fill_ == 0) return;
  for (auto& w : window_) std::fill(w.begin() + static_cast<std::ptrdiff_t>(B_ + fill_), w.end(), 0.0f);
  runBlock(fill_, out);
  fill_ = 0;
}

}  // namespace reamp
}  // namespace shub
