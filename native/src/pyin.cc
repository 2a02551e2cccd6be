#include "pyin.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
  lv_.resize(static_cast<size_t>(bins_));
  lu_.resize(static_cast<size_t>(bins_));
  rv_.resize(static_cast<size_t>(bins_));
  ru_.resize(static_cast<size_t>(bins_));
}

int PitchHmm::binOf(double hz) const {
  const int b = static_cast<int>(std::lround(12.0 * bps_ * std::log2(hz / minHz_)));
  return std::clamp(b, 0, bins_ - 1);
}

void PitchHmm::observe(size_t frame, double* obs) const {
  const size_t n = static_cast<size_t>(bins_);
  const uint32_t a = frameStart_[frame];
  const uint32_t e = frame + 1 < frameStart_.size() ? frameStart_[frame + 1] : static_cast<uint32_t>(cands_.size());
  // most bins hold no candidate: their log-probability is the floor's, computed once
  const double floorLog = std::log(kTiny);
  std::fill(obs, obs + n, floorLog);
  // the candidates' bins: their probabilities summed from 0 in candidate order, then each bin's log once
  int* bin = candBins_.data();
  for (uint32_t k = a; k < e; ++k) {
    bin[k - a] = binOf(cands_[k].hz);
    obs[bin[k - a]] = 0;
  }
  double total = 0;
  for (uint32_t k = a; k < e; ++k) {
    obs[bin[k - a]] += cands_[k].probability;
    total += cands_[k].probability;
  }
  total = std::min(1.0, total);
  for (uint32_t k = 0; k < e - a; ++k) {
    bool first = true;  // the bin's first candidate converts it
    for (uint32_t i = 0; i < k && first; ++i) first = bin[i] != bin[k];
    if (first) obs[bin[k]] = obs[bin[k]] > 0 ? std::log(std::max(kTiny, trust_ * obs[bin[k]])) : floorLog;
  }
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
size_t bitWords(size_t bits) { return (bits + 63) / 64; }
bool bitAt(const uint64_t* w, size_t i) { return (w[i >> 6] >> (i & 63)) & 1; }

#if defined(__SSE2__)
/** lane 0 x[j], lane 1 y[j] */
__m128d lanes(const double* x, const double* y, size_t j) { return _mm_loadh_pd(_mm_load_sd(x + j), y + j); }
#endif

/**
 * L1 distance transforms of two lattices at once: f[j] = max_i x[i] − c|i − j| for x = a and x = b, in one sweep
 * that runs the left-to-right chain (l[j] = max(l[j − 1] − c, x[j])) and the right-to-left chain (r[j] =
 * max(r[j + 1] − c, x[j])) of both lattices side by side (four independent chains), then f[j] = max(l[j], r[j]).
 * These are the values of the two-pass form (the left chain, then f[j] = max(f[j + 1] − c, f[j]) right to left):
 * every candidate reaches j through the same subtractions of c, subtracting c keeps the order of two values
 * (rounding is monotonic), and max is exact; the second pass's f[j] equals max(l[j], r[j]) by induction from the
 * top, since l[j + 1] − c is at most max(l[j], r[j]) ((l[j] − c) − c <= l[j]) and x[j + 1] − c <= r[j].
 * kLeft: the left chains go to la/lb and are kept (the decode's re-run reads its argmax decisions from them);
 * otherwise they go to fa/fb, which then take the result (la, lb unused).
 */
template <bool kLeft>
void distanceTransform2(const double* a, const double* b, size_t n, double c, double* fa, double* fb, double* la,
                        double* lb, double* ra, double* rb) {
  double* const pa = kLeft ? la : fa;
  double* const pb = kLeft ? lb : fb;
#if defined(__SSE2__)
  // lane 0 the a lattice, lane 1 the b lattice; _mm_max_pd(x, y) is x > y ? x : y, lane by lane
  const __m128d cc = _mm_set1_pd(c);
  __m128d left = lanes(a, b, 0), right = lanes(a, b, n - 1);
  _mm_storel_pd(pa, left);
  _mm_storeh_pd(pb, left);
  _mm_storel_pd(ra + n - 1, right);
  _mm_storeh_pd(rb + n - 1, right);
  for (size_t j = 1; j < n; ++j) {
    const size_t k = n - 1 - j;
    left = _mm_max_pd(_mm_sub_pd(left, cc), lanes(a, b, j));
    right = _mm_max_pd(_mm_sub_pd(right, cc), lanes(a, b, k));
    _mm_storel_pd(pa + j, left);
    _mm_storeh_pd(pb + j, left);
    _mm_storel_pd(ra + k, right);
    _mm_storeh_pd(rb + k, right);
  }
  size_t j = 0;
  for (; j + 2 <= n; j += 2) {
    _mm_storeu_pd(fa + j, _mm_max_pd(_mm_loadu_pd(ra + j), _mm_loadu_pd(pa + j)));
    _mm_storeu_pd(fb + j, _mm_max_pd(_mm_loadu_pd(rb + j), _mm_loadu_pd(pb + j)));
  }
  for (; j < n; ++j) {
    fa[j] = ra[j] > pa[j] ? ra[j] : pa[j];
    fb[j] = rb[j] > pb[j] ? rb[j] : pb[j];
  }
#else
  pa[0] = a[0];
  pb[0] = b[0];
  ra[n - 1] = a[n - 1];
  rb[n - 1] = b[n - 1];
  for (size_t j = 1; j < n; ++j) {
    const size_t k = n - 1 - j;
    const double ca = pa[j - 1] - c, cb = pb[j - 1] - c, da = ra[k + 1] - c, db = rb[k + 1] - c;
    pa[j] = ca > a[j] ? ca : a[j];
    pb[j] = cb > b[j] ? cb : b[j];
    ra[k] = da > a[k] ? da : a[k];
    rb[k] = db > b[k] ? db : b[k];
  }
  for (size_t j = 0; j < n; ++j) {
    fa[j] = ra[j] > pa[j] ? ra[j] : pa[j];
    fb[j] = rb[j] > pb[j] ? rb[j] : pb[j];
  }
#endif
}

/** out's `words` words: bit i (i < count) is p[i] − c > q[i], the bits from count on 0. */
void gtBits(const double* p, const double* q, size_t count, double c, uint64_t* out, size_t words) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128d cc = _mm_set1_pd(c);
#endif
  for (size_t w = 0; w < words; ++w) {
    const size_t end = std::min(count, (w + 1) * 64);
    uint64_t acc = 0;
#if defined(__SSE2__)
    for (; i + 2 <= end; i += 2)
      acc |=
          static_cast<uint64_t>(_mm_movemask_pd(_mm_cmpgt_pd(_mm_sub_pd(_mm_loadu_pd(p + i), cc), _mm_loadu_pd(q + i))))
          << (i & 63);
#endif
    for (; i < end; ++i) acc |= static_cast<uint64_t>(p[i] - c > q[i]) << (i & 63);
    out[w] = acc;
  }
}

/**
 * The scores into one lattice: res[j] = max(stay + dtSame[j], jumpSame, switch + dtOther[j], jumpOther) + o[j] with
 * the maxima taken in that order (x > y ? x : y), and the largest res[j] and `best`. kBits: which of the three later
 * terms won (each against the maximum so far) as bits, bit j of choice[0] (jumpSame), choice[words …] (switch) and
 * choice[2·words …] (jumpOther); the last set one names the source (none: stay).
 */
template <bool kBits>
double scores(const double* dtSame, const double* dtOther, const double* o, size_t n, double stay, double sw,
              double jumpSame, double jumpOther, double best, double* res, uint64_t* choice, size_t words) {
  if (kBits) std::fill(choice, choice + 3 * words, uint64_t{0});
  size_t j = 0;
#if defined(__SSE2__)
  const __m128d k1 = _mm_set1_pd(stay), k2 = _mm_set1_pd(sw), js = _mm_set1_pd(jumpSame), jo = _mm_set1_pd(jumpOther);
  __m128d bl = _mm_set1_pd(best);
  const size_t pairs = n & ~size_t{1};
  for (size_t w = 0; j < pairs; ++w) {
    const size_t end = std::min(pairs, (w + 1) * 64);
    uint64_t b1 = 0, b2 = 0, b3 = 0;
    for (; j < end; j += 2) {
      const __m128d v0 = _mm_add_pd(k1, _mm_loadu_pd(dtSame + j));
      __m128d v = _mm_max_pd(js, v0);
      const __m128d s = _mm_add_pd(k2, _mm_loadu_pd(dtOther + j));
      const __m128d v1 = v;
      v = _mm_max_pd(s, v);
      const __m128d v2 = v;
      v = _mm_max_pd(jo, v);
      if (kBits) {
        const int sh = static_cast<int>(j & 63);
        b1 |= static_cast<uint64_t>(_mm_movemask_pd(_mm_cmpgt_pd(js, v0))) << sh;
        b2 |= static_cast<uint64_t>(_mm_movemask_pd(_mm_cmpgt_pd(s, v1))) << sh;
        b3 |= static_cast<uint64_t>(_mm_movemask_pd(_mm_cmpgt_pd(jo, v2))) << sh;
      }
      const __m128d r = _mm_add_pd(v, _mm_loadu_pd(o + j));
      _mm_storeu_pd(res + j, r);
      bl = _mm_max_pd(r, bl);
    }
    if (kBits) {
      choice[w] = b1;
      choice[words + w] = b2;
      choice[2 * words + w] = b3;
    }
  }
  const double b0 = _mm_cvtsd_f64(bl), b1 = _mm_cvtsd_f64(_mm_unpackhi_pd(bl, bl));
  best = b1 > b0 ? b1 : b0;
#endif
  for (; j < n; ++j) {
    const double v0 = stay + dtSame[j];
    double v = jumpSame > v0 ? jumpSame : v0;
    const double s = sw + dtOther[j];
    const bool c2 = s > v;
    v = c2 ? s : v;
    const bool c3 = jumpOther > v;
    v = c3 ? jumpOther : v;
    if (kBits) {
      const uint64_t bit = uint64_t{1} << (j & 63);
      if (jumpSame > v0) choice[j >> 6] |= bit;
      if (c2) choice[words + (j >> 6)] |= bit;
      if (c3) choice[2 * words + (j >> 6)] |= bit;
    }
    res[j] = v + o[j];
    best = std::max(best, res[j]);
  }
  return best;
}

/**
 * The first index of the largest of x[0 … n) (n >= 1), the index `if (x[j] > m) m = x[j], g = j` ends with: the
 * maximum in any order (max is exact and the scores are finite), then its first occurrence.
 */
size_t firstMax(const double* x, size_t n) {
  size_t j = 0;
  double m = x[0];
#if defined(__SSE2__)
  if (n >= 4) {
    __m128d m0 = _mm_loadu_pd(x), m1 = _mm_loadu_pd(x + 2);
    for (j = 4; j + 4 <= n; j += 4) {
      m0 = _mm_max_pd(m0, _mm_loadu_pd(x + j));
      m1 = _mm_max_pd(m1, _mm_loadu_pd(x + j + 2));
    }
    m0 = _mm_max_pd(m0, m1);
    m = std::max(_mm_cvtsd_f64(m0), _mm_cvtsd_f64(_mm_unpackhi_pd(m0, m0)));
  }
#endif
  for (; j < n; ++j) m = std::max(m, x[j]);
  j = 0;
#if defined(__SSE2__)
  const __m128d mm = _mm_set1_pd(m);
  for (; j + 2 <= n; j += 2) {
    const int e = _mm_movemask_pd(_mm_cmpeq_pd(_mm_loadu_pd(x + j), mm));
    if (e) return j + (e & 1 ? 0 : 1);
  }
#endif
  while (x[j] != m) ++j;
  return j;
}

/**
 * The argmax of the two-pass transform at j from the bits distanceTransform2's comparisons left (see
 * PitchHmm::stepImpl): the second pass hands j the argmax of j + 1 while tail bit j is set, then the left pass
 * carried the argmax of j − 1 on to j while left bit j − 1 is set.
 */
size_t transformArg(const uint64_t* left, const uint64_t* tail, size_t n, size_t j) {
  while (j + 1 < n && bitAt(tail, j)) ++j;
  while (j > 0 && bitAt(left, j - 1)) --j;
  return j;
}
}  // namespace

void PitchHmm::step(const double* prev, size_t frame, double* out, uint64_t* record) const {
  if (record)
    stepImpl<true>(prev, frame, out, record);
  else
    stepImpl<false>(prev, frame, out, nullptr);
}

template <bool kRecord>
void PitchHmm::stepImpl(const double* prev, size_t frame, double* out, uint64_t* record) const {
  const size_t n = static_cast<size_t>(bins_), W = bitWords(n);
  observe(frame, obs_.data());
  distanceTransform2<kRecord>(prev, prev + n, n, stepCost_, dtv_.data(), dtu_.data(), lv_.data(), lu_.data(),
                              rv_.data(), ru_.data());
  if (kRecord) {
    // the comparisons of the two-pass transform that decide its argmax, per lattice: the left pass's
    // l[j − 1] − c > x[j] (bit j − 1) and the second pass's f[j + 1] − c > l[j] (bit j); the values are the same
    // as the two-pass form's, so these are its comparisons
    gtBits(lv_.data(), prev + 1, n - 1, stepCost_, record, W);
    gtBits(lu_.data(), prev + n + 1, n - 1, stepCost_, record + W, W);
    gtBits(dtv_.data() + 1, lv_.data(), n - 1, stepCost_, record + 2 * W, W);
    gtBits(dtu_.data() + 1, lu_.data(), n - 1, stepCost_, record + 3 * W, W);
  }
  const size_t gv = firstMax(prev, n), gu = firstMax(prev + n, n);
  if (kRecord) record[10 * W] = static_cast<uint64_t>(gv) | static_cast<uint64_t>(gu) << 32;
  double best = -std::numeric_limits<double>::infinity();
  for (int voiced = 1; voiced >= 0; --voiced) {
    // into voiced (unvoiced) states: staying from the same lattice, switching from the other
    const double* dtSame = voiced ? dtv_.data() : dtu_.data();
    const double* dtOther = voiced ? dtu_.data() : dtv_.data();
    const size_t offSame = voiced ? 0 : n, offOther = voiced ? n : 0;
    const double jumpSame = logStay_ + logJump_ + prev[offSame + (voiced ? gv : gu)];
    const double jumpOther = logSwitch_ + logJump_ + prev[offOther + (voiced ? gu : gv)];
    best = scores<kRecord>(dtSame, dtOther, obs_.data() + (voiced ? 0 : n), n, logStay_ + logNear_,
                           logSwitch_ + logNear_, jumpSame, jumpOther, best, out + (voiced ? 0 : n),
                           kRecord ? record + (voiced ? 4 : 7) * W : nullptr, W);
  }
  for (size_t j = 0; j < 2 * n; ++j) out[j] -= best;  // keep the scores near 0
}

size_t PitchHmm::recordWords() const { return 10 * bitWords(static_cast<size_t>(bins_)) + 1; }

size_t PitchHmm::source(const uint64_t* record, size_t s) const {
  const size_t n = static_cast<size_t>(bins_), W = bitWords(n);
  const size_t same = s >= n ? 1 : 0, other = 1 - same, j = s - same * n;  // lattice 0 voiced, 1 unvoiced
  const uint64_t g = record[10 * W];
  const size_t jumpFrom[2] = {static_cast<size_t>(g & 0xffffffffu), static_cast<size_t>(g >> 32)};
  const uint64_t* choice = record + (4 + 3 * same) * W;
  if (bitAt(choice + 2 * W, j)) return other * n + jumpFrom[other];
  if (bitAt(choice + W, j)) return other * n + transformArg(record + other * W, record + (2 + other) * W, n, j);
  if (bitAt(choice, j)) return same * n + jumpFrom[same];
  return same * n + transformArg(record + same * W, record + (2 + same) * W, n, j);
}

void PitchHmm::push(const PitchCandidate* c, size_t n) {
  if (n > candBins_.size()) candBins_.resize(n);
  frameStart_.push_back(static_cast<uint32_t>(cands_.size()));
  cands_.insert(cands_.end(), c, c + n);
}

void PitchHmm::forward(size_t to) {
  for (size_t f = forwarded_; f < to; ++f) {
    if (f == 0) {
      initial(0, delta_.data());
    } else {
      step(delta_.data(), f, next_.data(), nullptr);
      delta_.swap(next_);
    }
    if (f % checkpoint_ == 0) checkpoints_.insert(checkpoints_.end(), delta_.begin(), delta_.end());
  }
  forwarded_ = std::max(forwarded_, to);
}

void PitchHmm::decode(FloatSeries& hz, FloatSeries& voicedProbability) {
  const size_t T = frames(), n = static_cast<size_t>(bins_), S = 2 * n;
  hz.assign(T, 0.0f);
  voicedProbability.assign(T, 0.0f);
  if (T == 0) return;
  // the forward pass up to the last checkpoint; the last segment's steps (frames after it) keep their records,
  // which its re-run would make again (the same steps from the same scores)
  const size_t lastK = (T - 1) / checkpoint_, lastStart = lastK * checkpoint_;
  forward(lastStart + 1);
  const size_t R = recordWords();
  // every word of a record is written by its step
  const std::unique_ptr<uint64_t[]> record(new uint64_t[(lastK ? checkpoint_ : T - 1 - lastStart) * R]);
  const bool lastRecorded = forwarded_ == lastStart + 1;
  if (lastRecorded) {
    for (size_t f = lastStart + 1; f < T; ++f) {
      step(delta_.data(), f, next_.data(), record.get() + (f - lastStart - 1) * R);
      delta_.swap(next_);
    }
    forwarded_ = T;
  } else {
    forward(T);
  }
  std::vector<uint16_t> path(T);
  path[T - 1] = static_cast<uint16_t>(std::max_element(delta_.begin(), delta_.end()) - delta_.begin());
  std::vector<double> a(S), b(S);
  for (size_t k = lastK + 1; k-- > 0;) {
    const size_t start = k * checkpoint_, end = std::min(T - 1, start + checkpoint_);  // frames (start, end]
    if (end <= start) continue;
    if (k != lastK || !lastRecorded) {
      std::copy(checkpoints_.begin() + static_cast<std::ptrdiff_t>(k * S),
                checkpoints_.begin() + static_cast<std::ptrdiff_t>((k + 1) * S), a.begin());
      for (size_t f = start + 1; f <= end; ++f) {
        step(a.data(), f, b.data(), record.get() + (f - start - 1) * R);
        a.swap(b);
      }
    }
    for (size_t f = end; f > start; --f)
      path[f - 1] = static_cast<uint16_t>(source(record.get() + (f - start - 1) * R, path[f]));
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
