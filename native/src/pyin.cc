#include "pyin.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shub {

namespace {
constexpr double kTiny = 1e-30;  // floor of a probability before its log (a state with no evidence)
}

const char* validatePyinOptions(const PyinOptions& o) {
  if (!(o.minHz >= 20 && o.maxHz > o.minHz && o.maxHz <= 4000))
    return "pitch range must satisfy 20 <= min < max <= 4000 Hz";
  if (o.thresholds < 2 || o.thresholds > 1000) return "pyinThresholds must be in [2, 1000]";
  if (!(o.betaMean > 0 && o.betaMean < 1)) return "pyinBetaMean must be in (0, 1)";
  if (!(o.betaAlpha >= 1 && o.betaAlpha <= 100)) return "pyinBetaAlpha must be in [1, 100]";
  if (!(o.absoluteMinWeight >= 0 && o.absoluteMinWeight <= 1)) return "pyinAbsoluteMinWeight must be in [0, 1]";
  if (!(o.yinTrust > 0 && o.yinTrust <= 1)) return "pyinYinTrust must be in (0, 1]";
  if (o.binsPerSemitone < 1 || o.binsPerSemitone > 20) return "pyinBinsPerSemitone must be in [1, 20]";
  if (!(o.switchProbability > 0 && o.switchProbability < 0.5)) return "pyinSwitchProbability must be in (0, 0.5)";
  if (!(o.transitionSemitones > 0 && o.transitionSemitones <= 24)) return "pyinTransitionSemitones must be in (0, 24]";
  if (!(o.jumpProbability > 0 && o.jumpProbability < 1)) return "pyinJumpProbability must be in (0, 1)";
  if (o.checkpointFrames < 16 || o.checkpointFrames > 1 << 20) return "checkpointFrames must be in [16, 2^20]";
  const double octaves = std::log2(o.maxHz / o.minHz);
  if (octaves * 12 * o.binsPerSemitone > 30000) return "pitch range × binsPerSemitone gives too many HMM states";
  return nullptr;
}

// ---- candidates ------------------------------------------------------------------------

PyinCandidates::PyinCandidates(const PyinOptions& o) : n_(o.thresholds), absMin_(o.absoluteMinWeight) {
  const double a = o.betaAlpha, b = o.betaAlpha * (1 - o.betaMean) / o.betaMean;
  std::vector<double> w(static_cast<size_t>(n_) + 1, 0.0);
  double sum = 0;
  for (int i = 1; i <= n_; ++i) {
    const double s = static_cast<double>(i) / n_;
    const double v = s >= 1 ? (b < 1 ? 1e300 : b == 1 ? 1 : 0) : std::pow(s, a - 1) * std::pow(1 - s, b - 1);
    w[static_cast<size_t>(i)] = std::min(v, 1e300);
    sum += w[static_cast<size_t>(i)];
  }
  cumulative_.assign(static_cast<size_t>(n_) + 1, 0.0);
  for (int i = 1; i <= n_; ++i) cumulative_[i] = cumulative_[i - 1] + (sum > 0 ? w[i] / sum : 1.0 / n_);
}

double PyinCandidates::massBelowOrAt(double v) const {
  if (v <= 0) return 0;
  if (v >= 1) return 1;
  const int k = static_cast<int>(std::floor(v * n_ + 1e-9));
  return cumulative_[static_cast<size_t>(std::clamp(k, 0, n_))];
}

void PyinCandidates::find(const double* d, const double* diff, size_t tauMin, size_t tauMax, double rate,
                          std::vector<PitchCandidate>& out) const {
  out.clear();
  if (tauMax <= tauMin) return;
  // walking τ upwards, a trough is the first below every threshold in (its value, the lowest trough before it]
  double prefMin = std::numeric_limits<double>::infinity();
  size_t lastTau = 0;           // the trough that set prefMin last: the global minimum at the end
  size_t lastIndex = SIZE_MAX;  // its index in `out` (none when its threshold mass was 0)
  auto hzAt = [&](size_t t) {
    // the raw difference's own trough within 5 % of d′'s (d′'s τ-weighting tilts a shallow trough)
    const size_t reach = std::max<size_t>(1, t / 20), lo = t - std::min(reach, t - tauMin),
                 hi = std::min(tauMax, t + reach);
    while (t > lo && diff[t - 1] < diff[t]) --t;
    while (t < hi && diff[t + 1] < diff[t]) ++t;
    double tau = static_cast<double>(t);
    if (t > tauMin && t < tauMax) {
      const double a = diff[t - 1], b = diff[t], c = diff[t + 1];
      const double den = a - 2 * b + c;
      if (den > 0) tau += 0.5 * (a - c) / den;
    }
    return static_cast<float>(rate / tau);
  };
  for (size_t t = tauMin; t <= tauMax; ++t) {
    const bool trough = (t == tauMin || d[t] < d[t - 1]) && (t == tauMax || d[t] <= d[t + 1]);
    if (!trough || !(d[t] < prefMin)) continue;
    const double mass = massBelowOrAt(prefMin) - massBelowOrAt(d[t]);
    prefMin = d[t];
    lastTau = t;
    lastIndex = SIZE_MAX;
    if (mass > 0) {
      out.push_back({hzAt(t), static_cast<float>(mass)});
      lastIndex = out.size() - 1;
    }
  }
  if (lastTau == 0) return;
  // thresholds at or below every trough: the global minimum, down-weighted
  const double rest = massBelowOrAt(prefMin) * absMin_;
  if (rest <= 0) return;
  if (lastIndex != SIZE_MAX)
    out[lastIndex].probability += static_cast<float>(rest);
  else
    out.push_back({hzAt(lastTau), static_cast<float>(rest)});
}

// ---- HMM ---------------------------------------------------------------------------------

PitchHmm::PitchHmm(const PyinOptions& o) {
  bps_ = o.binsPerSemitone;
  minHz_ = o.minHz;
  bins_ = static_cast<int>(std::floor(12.0 * bps_ * std::log2(o.maxHz / o.minHz) + 1e-9)) + 1;
  const double c = 1.0 / (o.transitionSemitones * bps_);  // cost per bin of pitch change (nats)
  stepCost_ = c;
  const double z = (1 + std::exp(-c)) / (1 - std::exp(-c));  // Σ_d e^{−c|d|}
  logNear_ = std::log((1 - o.jumpProbability) / z);
  logJump_ = std::log(o.jumpProbability / bins_);
  logStay_ = std::log(1 - o.switchProbability);
  logSwitch_ = std::log(o.switchProbability);
  trust_ = o.yinTrust;
  checkpoint_ = static_cast<size_t>(o.checkpointFrames);
  const size_t s = 2 * static_cast<size_t>(bins_);
  delta_.assign(s, 0.0);
  obs_.resize(s);
  next_.resize(s);
  dtv_.resize(static_cast<size_t>(bins_));
  dtu_.resize(static_cast<size_t>(bins_));
  argv_.resize(static_cast<size_t>(bins_));
  argu_.resize(static_cast<size_t>(bins_));
}

int PitchHmm::binOf(double hz) const {
  const int b = static_cast<int>(std::lround(12.0 * bps_ * std::log2(hz / minHz_)));
  return std::clamp(b, 0, bins_ - 1);
}

void PitchHmm::observe(size_t frame, double* obs) const {
  const size_t n = static_cast<size_t>(bins_);
  const uint32_t a = frameStart_[frame];
  const uint32_t e = frame + 1 < frameStart_.size() ? frameStart_[frame + 1] : static_cast<uint32_t>(cands_.size());
  double total = 0;
  std::fill(obs, obs + n, 0.0);
  for (uint32_t k = a; k < e; ++k) {
    obs[binOf(cands_[k].hz)] += cands_[k].probability;
    total += cands_[k].probability;
  }
  total = std::min(1.0, total);
  // most bins hold no candidate: their log-probability is the floor's, computed once
  const double floorLog = std::log(kTiny);
  for (size_t j = 0; j < n; ++j) obs[j] = obs[j] > 0 ? std::log(std::max(kTiny, trust_ * obs[j])) : floorLog;
  const double unvoiced = std::log(std::max(kTiny, (1 - trust_ * total) / static_cast<double>(n)));
  std::fill(obs + n, obs + 2 * n, unvoiced);
}

void PitchHmm::initial(size_t frame, double* out) const {
  const size_t s = 2 * static_cast<size_t>(bins_);
  observe(frame, out);
  const double prior = std::log(0.5 / bins_);
  for (size_t j = 0; j < s; ++j) out[j] += prior;
}

namespace {
/**
 * L1 distance transforms of two lattices at once: f[j] = max_i x[i] − c|i − j| with its argmax,
 * for x = a and x = b. Each pass is a chain of dependent max operations; running the two
 * lattices in one loop lets them overlap (same arithmetic as one lattice at a time).
 */
template <bool kArgs>
void distanceTransform2(const double* a, const double* b, size_t n, double c, double* fa, int32_t* ga, double* fb,
                        int32_t* gb) {
  fa[0] = a[0];
  fb[0] = b[0];
  if (kArgs) {
    ga[0] = 0;
    gb[0] = 0;
  }
  for (size_t j = 1; j < n; ++j) {
    const double ca = fa[j - 1] - c, cb = fb[j - 1] - c;
    const bool ta = ca > a[j], tb = cb > b[j];
    fa[j] = ta ? ca : a[j];
    fb[j] = tb ? cb : b[j];
    if (kArgs) {
      ga[j] = ta ? ga[j - 1] : static_cast<int32_t>(j);
      gb[j] = tb ? gb[j - 1] : static_cast<int32_t>(j);
    }
  }
  for (size_t j = n - 1; j-- > 0;) {
    const double ca = fa[j + 1] - c, cb = fb[j + 1] - c;
    const bool ta = ca > fa[j], tb = cb > fb[j];
    fa[j] = ta ? ca : fa[j];
    fb[j] = tb ? cb : fb[j];
    if (kArgs) {
      ga[j] = ta ? ga[j + 1] : ga[j];
      gb[j] = tb ? gb[j + 1] : gb[j];
    }
  }
}
}  // namespace

void PitchHmm::step(const double* prev, size_t frame, double* out, uint16_t* bp) const {
  if (bp)
    stepImpl<true>(prev, frame, out, bp);
  else
    stepImpl<false>(prev, frame, out, nullptr);
}

template <bool kBp>
void PitchHmm::stepImpl(const double* prev, size_t frame, double* out, uint16_t* bp) const {
  const size_t n = static_cast<size_t>(bins_);
  observe(frame, obs_.data());
  // without back-pointers (the forward pass) the transforms' argmax is not tracked: same scores
  distanceTransform2<kBp>(prev, prev + n, n, stepCost_, dtv_.data(), argv_.data(), dtu_.data(), argu_.data());
  size_t gv = 0, gu = 0;
  for (size_t j = 1; j < n; ++j) {
    if (prev[j] > prev[gv]) gv = j;
    if (prev[n + j] > prev[n + gu]) gu = j;
  }
  double best = -std::numeric_limits<double>::infinity();
  for (int voiced = 1; voiced >= 0; --voiced) {
    // into voiced (unvoiced) states: staying from the same lattice, switching from the other
    const double* dtSame = voiced ? dtv_.data() : dtu_.data();
    const double* dtOther = voiced ? dtu_.data() : dtv_.data();
    const int32_t* argSame = voiced ? argv_.data() : argu_.data();
    const int32_t* argOther = voiced ? argu_.data() : argv_.data();
    const size_t offSame = voiced ? 0 : n, offOther = voiced ? n : 0;
    const double jumpSame = logStay_ + logJump_ + prev[offSame + (voiced ? gv : gu)];
    const double jumpOther = logSwitch_ + logJump_ + prev[offOther + (voiced ? gu : gv)];
    const size_t jumpSameState = offSame + (voiced ? gv : gu), jumpOtherState = offOther + (voiced ? gu : gv);
    const double* o = obs_.data() + (voiced ? 0 : n);
    double* res = out + (voiced ? 0 : n);
    if (!kBp) {
      // the same comparisons as below without the source state: max in the same order (ties keep the first)
      double bl = best;
      for (size_t j = 0; j < n; ++j) {
        double v = logStay_ + logNear_ + dtSame[j];
        v = jumpSame > v ? jumpSame : v;
        const double sw = logSwitch_ + logNear_ + dtOther[j];
        v = sw > v ? sw : v;
        v = jumpOther > v ? jumpOther : v;
        res[j] = v + o[j];
        bl = std::max(bl, res[j]);
      }
      best = bl;
      continue;
    }
    for (size_t j = 0; j < n; ++j) {
      double v = logStay_ + logNear_ + dtSame[j];
      size_t from = offSame + static_cast<size_t>(argSame[j]);
      if (jumpSame > v) {
        v = jumpSame;
        from = jumpSameState;
      }
      const double sw = logSwitch_ + logNear_ + dtOther[j];
      if (sw > v) {
        v = sw;
        from = offOther + static_cast<size_t>(argOther[j]);
      }
      if (jumpOther > v) {
        v = jumpOther;
        from = jumpOtherState;
      }
      res[j] = v + o[j];
      best = std::max(best, res[j]);
      bp[(voiced ? 0 : n) + j] = static_cast<uint16_t>(from);
    }
  }
  for (size_t j = 0; j < 2 * n; ++j) out[j] -= best;  // keep the scores near 0
}

void PitchHmm::push(const PitchCandidate* c, size_t n) {
  const size_t f = frameStart_.size();
  frameStart_.push_back(static_cast<uint32_t>(cands_.size()));
  cands_.insert(cands_.end(), c, c + n);
  if (f == 0) {
    initial(0, delta_.data());
  } else {
    step(delta_.data(), f, next_.data(), nullptr);
    delta_.swap(next_);
  }
  if (f % checkpoint_ == 0) checkpoints_.insert(checkpoints_.end(), delta_.begin(), delta_.end());
}

void PitchHmm::decode(std::vector<float>& hz, std::vector<float>& voicedProbability) const {
  const size_t T = frames(), n = static_cast<size_t>(bins_), S = 2 * n;
  hz.assign(T, 0.0f);
  voicedProbability.assign(T, 0.0f);
  if (T == 0) return;
  std::vector<uint16_t> path(T);
  path[T - 1] = static_cast<uint16_t>(std::max_element(delta_.begin(), delta_.end()) - delta_.begin());
  std::vector<uint16_t> bp(checkpoint_ * S);
  std::vector<double> a(S), b(S);
  for (size_t k = (T - 1) / checkpoint_ + 1; k-- > 0;) {
    const size_t start = k * checkpoint_, end = std::min(T - 1, start + checkpoint_);  // frames (start, end]
    if (end <= start) continue;
    std::copy(checkpoints_.begin() + static_cast<std::ptrdiff_t>(k * S),
              checkpoints_.begin() + static_cast<std::ptrdiff_t>((k + 1) * S), a.begin());
    for (size_t f = start + 1; f <= end; ++f) {
      step(a.data(), f, b.data(), bp.data() + (f - start - 1) * S);
      a.swap(b);
    }
    for (size_t f = end; f > start; --f) path[f - 1] = bp[(f - start - 1) * S + path[f]];
  }
  for (size_t f = 0; f < T; ++f) {
    const uint32_t s0 = frameStart_[f];
    const uint32_t e = f + 1 < T ? frameStart_[f + 1] : static_cast<uint32_t>(cands_.size());
    double total = 0;
    for (uint32_t k = s0; k < e; ++k) total += cands_[k].probability;
    voicedProbability[f] = static_cast<float>(std::min(1.0, total));
    if (path[f] >= n) continue;
    const int bin = path[f];
    // the candidate in the chosen bin (the most probable), else the nearest, else the bin centre
    float pick = 0, pickP = -1, near = 0;
    double nearDist = 1e9;
    for (uint32_t k = s0; k < e; ++k) {
      const int cb = binOf(cands_[k].hz);
      if (cb == bin && cands_[k].probability > pickP) {
        pick = cands_[k].hz;
        pickP = cands_[k].probability;
      }
      const double dist = std::abs(12.0 * bps_ * std::log2(cands_[k].hz / minHz_) - bin);
      if (dist < nearDist) {
        nearDist = dist;
        near = cands_[k].hz;
      }
    }
    hz[f] = pickP >= 0 ? pick : nearDist <= 1.0 ? near : static_cast<float>(minHz_ * std::exp2(bin / (12.0 * bps_)));
  }
}

}  // namespace shub
