#include "pyin.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

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
  argv_.resize(static_cast<size_t>(bins_));
  argu_.resize(static_cast<size_t>(bins_));
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

#if defined(__SSE2__)
/**
 * distanceTransform2<true> with the two lattices in the two lanes of SSE2 vectors: the same comparisons, the value
 * by _mm_max_pd(x, y) = x > y ? x : y and the argmax by the mask of the same comparison, kept as doubles (indices are
 * exact in them) so that the scores' loop reads them without conversions.
 */
void distanceTransformArgs2(const double* a, const double* b, size_t n, double c, double* fa, double* ga, double* fb,
                            double* gb) {
  const __m128d cc = _mm_set1_pd(c);
  __m128d f = _mm_loadh_pd(_mm_load_sd(a), b), g = _mm_setzero_pd();
  const auto put = [&](size_t j, __m128d v, __m128d arg) {
    _mm_storel_pd(fa + j, v);
    _mm_storeh_pd(fb + j, v);
    _mm_storel_pd(ga + j, arg);
    _mm_storeh_pd(gb + j, arg);
  };
  put(0, f, g);
  __m128d idx = _mm_setzero_pd();
  const __m128d one = _mm_set1_pd(1.0);
  for (size_t j = 1; j < n; ++j) {
    idx = _mm_add_pd(idx, one);
    const __m128d ca = _mm_sub_pd(f, cc), x = _mm_loadh_pd(_mm_load_sd(a + j), b + j);
    const __m128d m = _mm_cmpgt_pd(ca, x);
    f = _mm_max_pd(ca, x);
    g = _mm_or_pd(_mm_and_pd(m, g), _mm_andnot_pd(m, idx));
    put(j, f, g);
  }
  for (size_t j = n - 1; j-- > 0;) {
    const __m128d ca = _mm_sub_pd(f, cc), x = _mm_loadh_pd(_mm_load_sd(fa + j), fb + j);
    const __m128d m = _mm_cmpgt_pd(ca, x);
    f = _mm_max_pd(ca, x);
    g = _mm_or_pd(_mm_and_pd(m, g), _mm_andnot_pd(m, _mm_loadh_pd(_mm_load_sd(ga + j), gb + j)));
    put(j, f, g);
  }
}
#endif

/**
 * The values of distanceTransform2 without the argmax, in one sweep that runs the left-to-right chain and the
 * right-to-left chain of both lattices side by side (four independent chains, not two after two), then
 * f[j] = max(left[j], right[j]). The same values: every candidate reaches j through the same subtractions of c as in
 * the two-pass form, subtracting c keeps the order of two values (rounding is monotonic), and max is exact. (The
 * two-pass form's second pass, fa[j] = max(fa[j], fa[j + 1] − c), equals max(left[j], right[j]) by induction from
 * the top: left[j + 1] − c is at most max(left[j], right[j]) since (left[j] − c) − c <= left[j] and
 * a[j + 1] − c <= right[j].)
 */
void distanceTransformValues2(const double* a, const double* b, size_t n, double c, double* fa, double* fb, double* ra,
                              double* rb) {
#if defined(__SSE2__)
  // lane 0 the a lattice, lane 1 the b lattice; _mm_max_pd(x, y) is x > y ? x : y, lane by lane
  const __m128d cc = _mm_set1_pd(c);
  __m128d left = _mm_loadh_pd(_mm_load_sd(a), b), right = _mm_loadh_pd(_mm_load_sd(a + n - 1), b + n - 1);
  _mm_storel_pd(fa, left);
  _mm_storeh_pd(fb, left);
  _mm_storel_pd(ra + n - 1, right);
  _mm_storeh_pd(rb + n - 1, right);
  for (size_t j = 1; j < n; ++j) {
    const size_t k = n - 1 - j;
    left = _mm_max_pd(_mm_sub_pd(left, cc), _mm_loadh_pd(_mm_load_sd(a + j), b + j));
    right = _mm_max_pd(_mm_sub_pd(right, cc), _mm_loadh_pd(_mm_load_sd(a + k), b + k));
    _mm_storel_pd(fa + j, left);
    _mm_storeh_pd(fb + j, left);
    _mm_storel_pd(ra + k, right);
    _mm_storeh_pd(rb + k, right);
  }
  size_t j = 0;
  for (; j + 2 <= n; j += 2) {
    _mm_storeu_pd(fa + j, _mm_max_pd(_mm_loadu_pd(ra + j), _mm_loadu_pd(fa + j)));
    _mm_storeu_pd(fb + j, _mm_max_pd(_mm_loadu_pd(rb + j), _mm_loadu_pd(fb + j)));
  }
  for (; j < n; ++j) {
    fa[j] = ra[j] > fa[j] ? ra[j] : fa[j];
    fb[j] = rb[j] > fb[j] ? rb[j] : fb[j];
  }
#else
  fa[0] = a[0];
  fb[0] = b[0];
  ra[n - 1] = a[n - 1];
  rb[n - 1] = b[n - 1];
  for (size_t j = 1; j < n; ++j) {
    const size_t k = n - 1 - j;
    const double ca = fa[j - 1] - c, cb = fb[j - 1] - c, da = ra[k + 1] - c, db = rb[k + 1] - c;
    fa[j] = ca > a[j] ? ca : a[j];
    fb[j] = cb > b[j] ? cb : b[j];
    ra[k] = da > a[k] ? da : a[k];
    rb[k] = db > b[k] ? db : b[k];
  }
  for (size_t j = 0; j < n; ++j) {
    fa[j] = ra[j] > fa[j] ? ra[j] : fa[j];
    fb[j] = rb[j] > fb[j] ? rb[j] : fb[j];
  }
#endif
}

/**
 * The forward pass's scores into one lattice: res[j] = max(stay + dtSame[j], jumpSame, switch + dtOther[j],
 * jumpOther) + o[j] with the maxima taken in that order (x > y ? x : y), and the largest res[j] and `best`.
 */
double forwardScores(const double* dtSame, const double* dtOther, const double* o, size_t n, double stay, double sw,
                     double jumpSame, double jumpOther, double best, double* res) {
  size_t j = 0;
#if defined(__SSE2__)
  const __m128d k1 = _mm_set1_pd(stay), k2 = _mm_set1_pd(sw), js = _mm_set1_pd(jumpSame), jo = _mm_set1_pd(jumpOther);
  __m128d bl = _mm_set1_pd(best);
  for (; j + 2 <= n; j += 2) {
    __m128d v = _mm_max_pd(js, _mm_add_pd(k1, _mm_loadu_pd(dtSame + j)));
    v = _mm_max_pd(_mm_add_pd(k2, _mm_loadu_pd(dtOther + j)), v);
    v = _mm_max_pd(jo, v);
    const __m128d r = _mm_add_pd(v, _mm_loadu_pd(o + j));
    _mm_storeu_pd(res + j, r);
    bl = _mm_max_pd(r, bl);
  }
  const double b0 = _mm_cvtsd_f64(bl), b1 = _mm_cvtsd_f64(_mm_unpackhi_pd(bl, bl));
  best = b1 > b0 ? b1 : b0;
#endif
  for (; j < n; ++j) {
    double v = stay + dtSame[j];
    v = jumpSame > v ? jumpSame : v;
    const double s = sw + dtOther[j];
    v = s > v ? s : v;
    v = jumpOther > v ? jumpOther : v;
    res[j] = v + o[j];
    best = std::max(best, res[j]);
  }
  return best;
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
  if (kBp)
#if defined(__SSE2__)
    distanceTransformArgs2(prev, prev + n, n, stepCost_, dtv_.data(), rv_.data(), dtu_.data(), ru_.data());
#else
    distanceTransform2<true>(prev, prev + n, n, stepCost_, dtv_.data(), argv_.data(), dtu_.data(), argu_.data());
#endif
  else
    distanceTransformValues2(prev, prev + n, n, stepCost_, dtv_.data(), dtu_.data(), rv_.data(), ru_.data());
  size_t gv = 0, gu = 0;
  double mv = prev[0], mu = prev[n];  // prev[gv], prev[n + gu]
  for (size_t j = 1; j < n; ++j) {
    if (prev[j] > mv) {
      mv = prev[j];
      gv = j;
    }
    if (prev[n + j] > mu) {
      mu = prev[n + j];
      gu = j;
    }
  }
  double best = -std::numeric_limits<double>::infinity();
  for (int voiced = 1; voiced >= 0; --voiced) {
    // into voiced (unvoiced) states: staying from the same lattice, switching from the other
    const double* dtSame = voiced ? dtv_.data() : dtu_.data();
    const double* dtOther = voiced ? dtu_.data() : dtv_.data();
    const size_t offSame = voiced ? 0 : n, offOther = voiced ? n : 0;
    const double jumpSame = logStay_ + logJump_ + prev[offSame + (voiced ? gv : gu)];
    const double jumpOther = logSwitch_ + logJump_ + prev[offOther + (voiced ? gu : gv)];
    const size_t jumpSameState = offSame + (voiced ? gv : gu), jumpOtherState = offOther + (voiced ? gu : gv);
    const double* o = obs_.data() + (voiced ? 0 : n);
    double* res = out + (voiced ? 0 : n);
    if (!kBp) {
      // the same comparisons as below without the source state: max in the same order (ties keep the first)
      best = forwardScores(dtSame, dtOther, o, n, logStay_ + logNear_, logSwitch_ + logNear_, jumpSame, jumpOther, best,
                           res);
      continue;
    }
    size_t j0 = 0;
#if defined(__SSE2__)
    // the transforms' argmax as doubles (distanceTransformArgs2 wrote them into rv_/ru_)
    const double* argSameD = voiced ? rv_.data() : ru_.data();
    const double* argOtherD = voiced ? ru_.data() : rv_.data();
    const auto argS = [&](size_t j) { return static_cast<size_t>(argSameD[j]); };
    const auto argO = [&](size_t j) { return static_cast<size_t>(argOtherD[j]); };
    {
      // the loop below two states at a time: values by _mm_max_pd (x > y ? x : y), sources by the same comparisons
      const __m128d k1 = _mm_set1_pd(logStay_ + logNear_), k2 = _mm_set1_pd(logSwitch_ + logNear_),
                    js = _mm_set1_pd(jumpSame), jo = _mm_set1_pd(jumpOther),
                    jsFrom = _mm_set1_pd(static_cast<double>(jumpSameState)),
                    joFrom = _mm_set1_pd(static_cast<double>(jumpOtherState)),
                    offS = _mm_set1_pd(static_cast<double>(offSame)), offO = _mm_set1_pd(static_cast<double>(offOther));
      __m128d bl = _mm_set1_pd(best);
      const auto pick = [](__m128d m, __m128d x, __m128d y) {
        return _mm_or_pd(_mm_and_pd(m, x), _mm_andnot_pd(m, y));
      };
      uint16_t* b = bp + (voiced ? 0 : n);
      for (; j0 + 2 <= n; j0 += 2) {
        __m128d v = _mm_add_pd(k1, _mm_loadu_pd(dtSame + j0));
        __m128d from = _mm_add_pd(offS, _mm_loadu_pd(argSameD + j0));
        __m128d m = _mm_cmpgt_pd(js, v);
        v = _mm_max_pd(js, v);
        from = pick(m, jsFrom, from);
        const __m128d sw = _mm_add_pd(k2, _mm_loadu_pd(dtOther + j0));
        m = _mm_cmpgt_pd(sw, v);
        v = _mm_max_pd(sw, v);
        from = pick(m, _mm_add_pd(offO, _mm_loadu_pd(argOtherD + j0)), from);
        m = _mm_cmpgt_pd(jo, v);
        v = _mm_max_pd(jo, v);
        from = pick(m, joFrom, from);
        const __m128d r = _mm_add_pd(v, _mm_loadu_pd(o + j0));
        _mm_storeu_pd(res + j0, r);
        bl = _mm_max_pd(r, bl);
        const __m128i q = _mm_cvttpd_epi32(from);
        b[j0] = static_cast<uint16_t>(_mm_cvtsi128_si32(q));
        b[j0 + 1] = static_cast<uint16_t>(_mm_cvtsi128_si32(_mm_srli_si128(q, 4)));
      }
      const double b0 = _mm_cvtsd_f64(bl), b1 = _mm_cvtsd_f64(_mm_unpackhi_pd(bl, bl));
      best = b1 > b0 ? b1 : b0;
    }
#else
    const int32_t* argSame = voiced ? argv_.data() : argu_.data();
    const int32_t* argOther = voiced ? argu_.data() : argv_.data();
    const auto argS = [&](size_t j) { return static_cast<size_t>(argSame[j]); };
    const auto argO = [&](size_t j) { return static_cast<size_t>(argOther[j]); };
#endif
    for (size_t j = j0; j < n; ++j) {
      double v = logStay_ + logNear_ + dtSame[j];
      size_t from = offSame + argS(j);
      if (jumpSame > v) {
        v = jumpSame;
        from = jumpSameState;
      }
      const double sw = logSwitch_ + logNear_ + dtOther[j];
      if (sw > v) {
        v = sw;
        from = offOther + argO(j);
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
  frameStart_.push_back(static_cast<uint32_t>(cands_.size()));
  cands_.insert(cands_.end(), c, c + n);
}

void PitchHmm::forward() {
  for (size_t f = forwarded_; f < frames(); ++f) {
    if (f == 0) {
      initial(0, delta_.data());
    } else {
      step(delta_.data(), f, next_.data(), nullptr);
      delta_.swap(next_);
    }
    if (f % checkpoint_ == 0) checkpoints_.insert(checkpoints_.end(), delta_.begin(), delta_.end());
  }
  forwarded_ = frames();
}

void PitchHmm::decode(std::vector<float>& hz, std::vector<float>& voicedProbability) {
  forward();
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
