#include "loudness.h"

#include <algorithm>
#include <cmath>

#include "common.h"

namespace shub {

namespace {
constexpr double kAbsoluteGateLufs = -70.0;

// Mean energy of the blocks above `gate` (energy); 0 when none is.
double meanEnergyAbove(const std::vector<double>& blocks, double gate) {
  double sum = 0;
  size_t n = 0;
  for (double e : blocks) {
    if (e > gate) {
      sum += e;
      ++n;
    }
  }
  return n == 0 ? 0.0 : sum / static_cast<double>(n);
}

}  // namespace

// BS.1770-4 §2.8: absolute gate, then relative gate 10 LU below the absolute-gated mean.
double gatedIntegratedLufs(const std::vector<double>& blocks) {
  const double absGate = lufsToEnergy(kAbsoluteGateLufs);
  const double absMean = meanEnergyAbove(blocks, absGate);
  if (absMean == 0.0) return -INFINITY;
  const double relGate = std::max(absGate, lufsToEnergy(energyToLufs(absMean) - 10.0));
  const double mean = meanEnergyAbove(blocks, relGate);
  return mean == 0.0 ? -INFINITY : energyToLufs(mean);
}

// EBU Tech 3342: absolute gate, relative gate 20 LU below the absolute-gated mean, 95th − 10th percentile.
bool loudnessRangeLu(const std::vector<double>& blocks, double& lra) {
  double low, high;
  return loudnessRangeLu(blocks, lra, low, high);
}

bool loudnessRangeLu(const std::vector<double>& blocks, double& lra, double& low, double& high) {
  const double absGate = lufsToEnergy(kAbsoluteGateLufs);
  const double absMean = meanEnergyAbove(blocks, absGate);
  if (absMean == 0.0) return false;
  const double relGate = std::max(absGate, lufsToEnergy(energyToLufs(absMean) - 20.0));
  std::vector<double> levels;
  for (double e : blocks) {
    if (e > relGate) levels.push_back(energyToLufs(e));
  }
  if (levels.empty()) return false;
  std::sort(levels.begin(), levels.end());
  const double last = static_cast<double>(levels.size() - 1);
  const double lo = levels[static_cast<size_t>(std::llround(last * 0.10))];
  const double hi = levels[static_cast<size_t>(std::llround(last * 0.95))];
  lra = hi - lo;
  low = lo;
  high = hi;
  return true;
}

LoudnessMeter::LoudnessMeter(int sampleRate, int channels, const std::vector<double>& weights, bool monoSum)
    : sampleRate_(sampleRate),
      channels_(channels),
      weights_(weights),
      monoSum_(monoSum && channels >= 2),
      hop_(static_cast<size_t>((sampleRate + 5) / 10)),
      filter_(sampleRate),
      states_(static_cast<size_t>(channels)),
      hopSq_(static_cast<size_t>(channels), 0.0) {
  weights_.resize(static_cast<size_t>(channels), 1.0);
}

void LoudnessMeter::process(const float* const* ch, size_t frames) {
  size_t i = 0;
  while (i < frames) {
    const size_t seg = std::min(frames - i, hop_ - hopFill_);
    int c = 0;
    if (channels_ >= 2) {
      const KWeightedSums s = filter_.processPair(states_[0], states_[1], ch[0] + i, ch[1] + i, seg, monoSum_);
      hopSq_[0] += s.a;
      hopSq_[1] += s.b;
      hopSqSum01_ += s.sumAB;
      c = 2;
    }
    // remaining channels: pairs, then a single one; weight-0 channels (LFE) are skipped
    while (c < channels_) {
      if (weights_[c] == 0.0) {
        ++c;
        continue;
      }
      int d = c + 1;
      while (d < channels_ && weights_[d] == 0.0) ++d;
      if (d < channels_) {
        const KWeightedSums s = filter_.processPair(states_[c], states_[d], ch[c] + i, ch[d] + i, seg, false);
        hopSq_[c] += s.a;
        hopSq_[d] += s.b;
        c = d + 1;
      } else {
        hopSq_[c] += filter_.process(states_[c], ch[c] + i, seg);
        c = d;
      }
    }
    hopFill_ += seg;
    i += seg;
    if (hopFill_ == hop_) finishHop();
  }
}

void LoudnessMeter::finishHop() {
  const double inv = 1.0 / static_cast<double>(hop_);
  double e = 0;
  for (int c = 0; c < channels_; ++c) e += weights_[c] * hopSq_[c];
  e *= inv;
  ringE_[hops_ % kShortHops] = e;
  if (monoSum_) {
    ringLR_[hops_ % kMomentaryHops] = (hopSq_[0] + hopSq_[1]) * inv;
    // M = (L + R) / 2 in both channels of the virtual pair: 2 · mean(M²) = Σ(L+R)² / (2·hop)
    ringMM_[hops_ % kMomentaryHops] = hopSqSum01_ * 0.5 * inv;
  }
  ++hops_;
  std::fill(hopSq_.begin(), hopSq_.end(), 0.0);
  hopSqSum01_ = 0;
  hopFill_ = 0;

  if (hops_ >= kMomentaryHops) {
    double m = 0, lr = 0, mm = 0;
    for (size_t k = 0; k < kMomentaryHops; ++k) {
      m += ringE_[(hops_ - 1 - k) % kShortHops];
      lr += ringLR_[k];
      mm += ringMM_[k];
    }
    momentary_.push_back(m / kMomentaryHops);
    if (monoSum_) {
      momentaryLR_.push_back(lr / kMomentaryHops);
      momentaryMM_.push_back(mm / kMomentaryHops);
    }
  }
  if (hops_ >= kShortHops) {
    double s = 0;
    for (size_t k = 0; k < kShortHops; ++k) s += ringE_[k];
    shortTerm_.push_back(s / kShortHops);
  }
}

}  // namespace shub
