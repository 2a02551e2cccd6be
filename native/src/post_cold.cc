// Kernels of post_cold.h and their N-API bindings (registered by addon.cc). Synchronous calls on the calling
// thread; series are read in place, results are new typed arrays written once.
#include "post_cold.h"

#include <napi.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "napi_util.h"
#include "post.h"

namespace shub::post {

template <class T>
void splitFlux(const T* x, size_t n, size_t groups, float* bands, double* novelty) {
  const size_t stride = groups + 1;
  for (size_t t = 0; t < n; ++t) {
    const T* row = x + t * stride;
    for (size_t k = 0; k < groups; ++k) bands[t * groups + k] = static_cast<float>(row[k]);
    novelty[t] = static_cast<double>(row[groups]);
  }
}

template <class T>
double sumInOrder(const T* x, size_t n) {
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum = sum + static_cast<double>(x[i]);
  return sum;
}

void drumEnvelope(const double* low, size_t n, const double* high, size_t highLength, double w, double* out) {
  const size_t m = std::min(n, highLength);
  for (size_t i = 0; i < m; ++i) out[i] = low[i] + w * high[i];
  for (size_t i = m; i < n; ++i) out[i] = std::numeric_limits<double>::quiet_NaN();
}

namespace {

// The engine's `mean(x) || 1`: the sum in order over max(1, n), 1 when that is 0 or NaN.
double meanOrOne(const double* x, size_t n) {
  const double m = sumInOrder(x, n) / static_cast<double>(std::max<size_t>(1, n));
  return m == 0 || std::isnan(m) ? 1.0 : m;
}

}  // namespace

void kickSnareEnvelope(const double* low, size_t n, const double* mid, size_t midLength, double* out) {
  const double ml = meanOrOne(low, n);
  const double mm = meanOrOne(mid, midLength);
  const size_t m = std::min(n, midLength);
  for (size_t i = 0; i < m; ++i) out[i] = low[i] / ml + mid[i] / mm;
  for (size_t i = m; i < n; ++i) out[i] = std::numeric_limits<double>::quiet_NaN();
}

template <class T>
void beatChromaSums(const T* chroma, size_t length, const double* beats, size_t n, double frames, double* out) {
  const double size = static_cast<double>(length);
  for (size_t i = 0; i < n; ++i) {
    const double f = beats[i];
    const double end = i + 1 < n ? beats[i + 1] : std::min(frames, f + 1);
    if (!std::isfinite(f)) continue;  // NaN: no frame (−Infinity would not end in JavaScript)
    double* v = out + i * 12;
    // JavaScript's loop: t from f by + 1 while t < end, chroma[t · 12 + k] ?? 0. An index that is not an integer
    // or outside chroma reads undefined: 0, and adding 0 changes no sum (each starts at +0, x + 0 is x for every x
    // but −0, which a sum from +0 never reaches), so those are skipped.
    for (double t = f; t < end; t = t + 1) {
      const double base = t * 12;
      if (base >= size) break;  // t only grows: no later frame starts inside chroma
      if (std::floor(base) == base) {
        // an integer below 2^53: base + k is exact
        for (size_t k = 0; k < 12; ++k) {
          const double idx = base + static_cast<double>(k);
          if (idx >= 0 && idx < size) v[k] = v[k] + static_cast<double>(chroma[static_cast<size_t>(idx)]);
        }
      } else {
        // a fractional base (a fractional beat frame): base + k may still round to an integer
        for (size_t k = 0; k < 12; ++k) {
          const double idx = base + static_cast<double>(k);
          if (idx >= 0 && idx < size && std::floor(idx) == idx)
            v[k] = v[k] + static_cast<double>(chroma[static_cast<size_t>(idx)]);
        }
      }
    }
  }
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The tempo engine's at(r, lag): linear interpolation between r[⌊lag⌋] and the next lag; 0 from ⌊lag⌋ + 1 = n on;
// NaN where JavaScript would read r at a negative or NaN index (undefined).
double lagAt(const double* r, size_t n, double lag) {
  const double i = std::floor(lag);
  if (i + 1 >= static_cast<double>(n)) return 0;
  if (!(i >= 0)) return kNaN;
  const double f = lag - i;
  const auto j = static_cast<size_t>(i);
  return r[j] * (1 - f) + r[j + 1] * f;
}

}  // namespace

void combSalience(const double* r, size_t n, double frameRate, const double* comb, size_t m, double minBpm,
                  double maxBpm, double step, std::vector<double>& bpm, std::vector<double>& score) {
  size_t count = 0;
  for (double b = minBpm; b <= maxBpm + 1e-9; b += step) ++count;
  bpm.assign(count, 0);
  score.assign(count, 0);
  size_t i = 0;
  for (double b = minBpm; b <= maxBpm + 1e-9 && i < count; b += step, ++i) {
    const double lag = (60 * frameRate) / b;
    double s = 0;
    for (size_t k = 0; k < m; ++k) s += comb[k] * lagAt(r, n, static_cast<double>(k + 1) * lag);
    bpm[i] = b;
    score[i] = jsMax(0, s);
  }
}

double combContrast(const double* r, size_t n, double frameRate, const double* comb, size_t m, const double* bpm,
                    size_t count) {
  std::vector<double> prefix(n + 1, 0.0);
  for (size_t i = 0; i < n; ++i) prefix[i + 1] = prefix[i] + r[i];
  const double last = static_cast<double>(n) - 1;
  const auto meanOver = [&](double a, double b) {
    const double lo = jsMax(0, std::floor(a));
    const double hi = std::min(last, std::ceil(b));  // Math.min: NaN stays NaN below
    if (std::isnan(hi) || !(hi >= lo)) return 0.0;
    return (prefix[static_cast<size_t>(hi) + 1] - prefix[static_cast<size_t>(lo)]) / (hi - lo + 1);
  };
  double wSum = 0;
  for (size_t k = 0; k < m; ++k) wSum = wSum + comb[k];
  double contrast = 0;
  for (size_t i = 0; i < count; ++i) {
    const double lag = (60 * frameRate) / bpm[i];
    double c = 0;
    for (size_t k = 0; k < m; ++k) {
      const double kd = static_cast<double>(k);
      c += comb[k] * (lagAt(r, n, (kd + 1) * lag) - meanOver((kd + 0.5) * lag, (kd + 1.5) * lag));
    }
    contrast = jsMax(contrast, c / wSum);
  }
  return contrast;
}

template void splitFlux<float>(const float*, size_t, size_t, float*, double*);
template void splitFlux<double>(const double*, size_t, size_t, float*, double*);
template double sumInOrder<float>(const float*, size_t);
template double sumInOrder<double>(const double*, size_t);
template void beatChromaSums<float>(const float*, size_t, const double*, size_t, double, double*);
template void beatChromaSums<double>(const double*, size_t, const double*, size_t, double, double*);

namespace {

// Labelled pairs (b, b + lag), b from first, with the same label, over the labelled pairs; 0 without any.
// (Branch-free counts: the loop vectorizes.)
double loopAgreement(const int16_t* label, size_t n, size_t first, size_t lag) {
  uint32_t same = 0, count = 0;
  for (size_t b = first; b + lag < n; ++b) {
    const int a = label[b], c = label[b + lag];
    const uint32_t both = static_cast<uint32_t>((a >= 0) & (c >= 0));
    count += both;
    same += both & static_cast<uint32_t>(a == c);
  }
  return count ? static_cast<double>(same) / static_cast<double>(count) : 0;
}

}  // namespace

double loopPeriod(const int16_t* label, size_t n, size_t first, double minLag, double minSimilarity) {
  // the bound and the lags as JavaScript's numbers (a NaN minLag: no lag)
  const double bound = (static_cast<double>(n) - static_cast<double>(first)) / 2;
  bool seen[24] = {};
  size_t kinds = 0, counted = first;
  for (double lag = jsMax(1, std::ceil(minLag)); lag <= bound; ++lag) {
    const size_t L = static_cast<size_t>(lag);
    for (; counted < first + L; ++counted) {
      const int l = label[counted];
      // (a label past 23 counts at every sight, as `!seen[l]` of a Uint8Array(24) read past its end does)
      if (l >= 0 && (l >= 24 || !seen[l])) {
        if (l < 24) seen[l] = true;
        ++kinds;
      }
    }
    if (kinds < 2) continue;
    double best = loopAgreement(label, n, first, L);
    if (best < minSimilarity) continue;
    size_t period = L;
    for (size_t l = L + 1; l <= L + 3 && static_cast<double>(l) <= bound; ++l) {
      const double a = loopAgreement(label, n, first, l);
      if (a > best) {
        best = a;
        period = l;
      }
    }
    return static_cast<double>(period);
  }
  return 0;
}

template <class T>
void chokeStarts(const T* x, size_t n, size_t bands, size_t b0, size_t span, size_t hold, size_t ring, double drop,
                 double ringHigh, double ringLow, double bandDrop, double fraction, double level, double within1Db,
                 std::vector<double>& starts) {
  starts.clear();
  if (b0 >= bands || n == 0) return;
  const auto frameSum = [&](size_t f) {
    double v = 0;
    for (size_t b = b0; b < bands; ++b) v = v + static_cast<double>(x[f * bands + b]);
    return v;
  };
  // one pass: the sums of the frames f − ring … f + span + hold in a window of a power of two (no array of the
  // file's frames: its fresh pages cost more than the pass, bench/RESULTS.md h-onset33); the loudest frame's sum
  // is known at the end, so the candidates that pass every other test are kept with their sum and the level test
  // and the one-start-a-fall rule applied after (neither depends on the other tests: the same starts)
  size_t w = 1;
  while (w < ring + span + hold + 1) w <<= 1;
  const size_t mask = w - 1;
  std::vector<double> window(w);
  const auto sum = [&](size_t k) { return window[k & mask]; };
  size_t next = 0;
  double loudest = 0;
  const auto advance = [&](size_t to) {
    for (; next < to; ++next) {
      const double v = frameSum(next);
      window[next & mask] = v;
      if (v > loudest) loudest = v;
    }
  };
  const double need = fraction * static_cast<double>(bands - b0);
  struct Candidate {
    size_t start;
    double h;
  };
  std::vector<Candidate> candidates;
  for (size_t f = ring; f + span + hold < n; ++f) {
    advance(f + span + hold + 1);
    const double h = sum(f);
    if (!(h > 0) || !(sum(f + span) <= h * drop)) continue;
    bool ok = true;
    for (size_t k = f + span + 1; ok && k <= f + span + hold; ++k) ok = sum(k) <= h * drop;
    for (size_t k = f - ring; ok && k < f; ++k) ok = sum(k) <= h * ringHigh && sum(k) >= h * ringLow;
    if (!ok) continue;
    // the whole cymbal: each band's fall from f to its loudest frame over the span's end and the hold (a NaN
    // anywhere there makes the band's maximum NaN, as Math.max does: not falling)
    double falling = 0;
    for (size_t b = b0; b < bands; ++b) {
      double after = 0;
      for (size_t k = f + span; k <= f + span + hold; ++k) {
        const double v = static_cast<double>(x[k * bands + b]);
        after = std::isnan(v) || std::isnan(after) ? std::numeric_limits<double>::quiet_NaN() : std::max(after, v);
      }
      if (after <= static_cast<double>(x[f * bands + b]) * bandDrop) falling = falling + 1;
    }
    if (falling < need) continue;
    size_t start = f;
    while (start + 1 < f + span && sum(start + 1) >= h * within1Db) ++start;
    candidates.push_back({start, h});
  }
  advance(n);
  const double floor = loudest * level;
  bool any = false;
  size_t last = 0;
  for (const Candidate& c : candidates) {
    if (c.h < floor) continue;
    // one onset per fall (the next frames of the same fall pass the tests too)
    if (any && c.start < last + 4) continue;
    any = true;
    last = c.start;
    starts.push_back(static_cast<double>(c.start));
  }
}

template void chokeStarts<float>(const float*, size_t, size_t, size_t, size_t, size_t, size_t, double, double, double,
                                 double, double, double, double, std::vector<double>&);
template void chokeStarts<double>(const double*, size_t, size_t, size_t, size_t, size_t, size_t, double, double, double,
                                  double, double, double, double, std::vector<double>&);

}  // namespace shub::post

namespace {

using shub::napi::integerArg;
using shub::napi::numberArg;
using shub::napi::withSeries;

constexpr double kMaxIndex = 2147483647.0;
constexpr double kLargest = std::numeric_limits<double>::max();
constexpr double kSmallest = std::numeric_limits<double>::min();

Napi::Float64Array f64Arg(Napi::Env env, const Napi::Value& v, const std::string& where, const char* name) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array)
    shub::napi::throwType(env, where + ": " + name + " must be a Float64Array, got " + shub::napi::describe(v));
  return v.As<Napi::Float64Array>();
}

// postSplitFlux(values, groups): [bands: Float32Array of n × groups, novelty: Float64Array of n], n = ⌊length /
// (groups + 1)⌋ (post_cold.h splitFlux).
Napi::Value PostSplitFlux(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postSplitFlux";
  const auto groups = static_cast<size_t>(integerArg(env, info[1], where, "groups", 1, 4096, ""));
  return withSeries(env, info[0], where, "values", [&](auto* x, size_t length) {
    const size_t n = length / (groups + 1);
    auto bands = Napi::Float32Array::New(env, n * groups);
    auto novelty = Napi::Float64Array::New(env, n);
    shub::post::splitFlux(x, n, groups, bands.Data(), novelty.Data());
    auto out = Napi::Array::New(env, 2);
    out.Set(uint32_t{0}, bands);
    out.Set(uint32_t{1}, novelty);
    return out;
  });
}

// postSum(x): x's values summed in order from +0.
Napi::Value PostSum(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return withSeries(env, info[0], "postSum", "x",
                    [&](auto* x, size_t n) { return Napi::Number::New(env, shub::post::sumInOrder(x, n)); });
}

// postDrumEnvelope(low, high, w): Float64Array of low's length, low + w · high.
Napi::Value PostDrumEnvelope(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postDrumEnvelope";
  auto low = f64Arg(env, info[0], where, "low");
  auto high = f64Arg(env, info[1], where, "high");
  const double w = numberArg(env, info[2], where, "w", -std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::infinity());
  auto out = Napi::Float64Array::New(env, low.ElementLength());
  shub::post::drumEnvelope(low.Data(), low.ElementLength(), high.Data(), high.ElementLength(), w, out.Data());
  return out;
}

// postKickSnareEnvelope(low, mid): Float64Array of low's length, low / mean(low) + mid / mean(mid).
Napi::Value PostKickSnareEnvelope(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postKickSnareEnvelope";
  auto low = f64Arg(env, info[0], where, "low");
  auto mid = f64Arg(env, info[1], where, "mid");
  auto out = Napi::Float64Array::New(env, low.ElementLength());
  shub::post::kickSnareEnvelope(low.Data(), low.ElementLength(), mid.Data(), mid.ElementLength(), out.Data());
  return out;
}

// postBeatChromaSums(chroma, beats: Float64Array, frames): Float64Array of beats × 12 (post_cold.h beatChromaSums).
Napi::Value PostBeatChromaSums(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postBeatChromaSums";
  auto beats = f64Arg(env, info[1], where, "beats");
  const double frames = integerArg(env, info[2], where, "frames", 0, kMaxIndex, "");
  auto out = Napi::Float64Array::New(env, beats.ElementLength() * 12);
  return withSeries(env, info[0], where, "chroma", [&](auto* chroma, size_t length) {
    shub::post::beatChromaSums(chroma, length, beats.Data(), beats.ElementLength(), frames, out.Data());
    return out;
  });
}

// postCombSalience(r, frameRate, comb, minBpm, maxBpm, step): [bpm, score] Float64Arrays (post_cold.h combSalience).
Napi::Value PostCombSalience(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postCombSalience";
  auto r = f64Arg(env, info[0], where, "r");
  const double frameRate = numberArg(env, info[1], where, "frameRate", 0, kLargest);
  auto comb = f64Arg(env, info[2], where, "comb");
  const double minBpm = numberArg(env, info[3], where, "minBpm", kSmallest, kLargest);
  const double maxBpm = numberArg(env, info[4], where, "maxBpm", minBpm, kLargest);
  // (a step that moves the largest b by at least 1e-9 of it: the grid ends)
  const double step = numberArg(env, info[5], where, "step", maxBpm * 1e-9, kLargest);
  std::vector<double> bpm, score;
  shub::post::combSalience(r.Data(), r.ElementLength(), frameRate, comb.Data(), comb.ElementLength(), minBpm, maxBpm,
                           step, bpm, score);
  auto out = Napi::Array::New(env, 2);
  out.Set(uint32_t{0}, shub::napi::f64Array(env, bpm));
  out.Set(uint32_t{1}, shub::napi::f64Array(env, score));
  return out;
}

// postCombContrast(r, frameRate, comb, bpm): envelopeEvidence's contrast (post_cold.h combContrast).
Napi::Value PostCombContrast(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postCombContrast";
  auto r = f64Arg(env, info[0], where, "r");
  const double frameRate = numberArg(env, info[1], where, "frameRate", 0, kLargest);
  auto comb = f64Arg(env, info[2], where, "comb");
  auto bpm = f64Arg(env, info[3], where, "bpm");
  return Napi::Number::New(env, shub::post::combContrast(r.Data(), r.ElementLength(), frameRate, comb.Data(),
                                                         comb.ElementLength(), bpm.Data(), bpm.ElementLength()));
}

// postLoopPeriod(label: Int16Array, first, minLag, minSimilarity): the chord loop's period in blocks, 0 for none
// (post_cold.h loopPeriod).
Napi::Value PostLoopPeriod(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postLoopPeriod";
  if (!info[0].IsTypedArray() || info[0].As<Napi::TypedArray>().TypedArrayType() != napi_int16_array)
    throw Napi::TypeError::New(env, where + ": label must be an Int16Array, got " + shub::napi::describe(info[0]));
  auto label = info[0].As<Napi::Int16Array>();
  const double first = integerArg(env, info[1], where, "first", 0, static_cast<double>(label.ElementLength()), "");
  if (!info[2].IsNumber()) throw Napi::TypeError::New(env, where + ": minLag must be a number");
  if (!info[3].IsNumber()) throw Napi::TypeError::New(env, where + ": minSimilarity must be a number");
  return Napi::Number::New(
      env, shub::post::loopPeriod(label.Data(), label.ElementLength(), static_cast<size_t>(first),
                                  info[2].As<Napi::Number>().DoubleValue(), info[3].As<Napi::Number>().DoubleValue()));
}

// postChokeStarts(values, bands, b0, span, hold, ring, drop, ringHigh, ringLow, bandDrop, fraction, level,
// within1Db): the choke onsets' start frames, ascending, as a Float64Array (post_cold.h chokeStarts).
Napi::Value PostChokeStarts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postChokeStarts";
  const auto bands = static_cast<size_t>(integerArg(env, info[1], where, "bands", 1, 4096, ""));
  const auto b0 = static_cast<size_t>(integerArg(env, info[2], where, "b0", 0, static_cast<double>(bands), ""));
  const auto span = static_cast<size_t>(integerArg(env, info[3], where, "span", 1, kMaxIndex, ""));
  const auto hold = static_cast<size_t>(integerArg(env, info[4], where, "hold", 0, kMaxIndex, ""));
  const auto ring = static_cast<size_t>(integerArg(env, info[5], where, "ring", 0, kMaxIndex, ""));
  const double drop = numberArg(env, info[6], where, "drop", 0, kLargest);
  const double ringHigh = numberArg(env, info[7], where, "ringHigh", 0, kLargest);
  const double ringLow = numberArg(env, info[8], where, "ringLow", 0, kLargest);
  const double bandDrop = numberArg(env, info[9], where, "bandDrop", 0, kLargest);
  const double fraction = numberArg(env, info[10], where, "fraction", 0, 1);
  const double level = numberArg(env, info[11], where, "level", 0, kLargest);
  const double within1Db = numberArg(env, info[12], where, "within1Db", 0, kLargest);
  return withSeries(env, info[0], where, "values", [&](auto* x, size_t length) {
    std::vector<double> starts;
    shub::post::chokeStarts(x, length / bands, bands, b0, span, hold, ring, drop, ringHigh, ringLow, bandDrop, fraction,
                            level, within1Db, starts);
    return shub::napi::f64Array(env, starts);
  });
}

}  // namespace

void InitPostCold(Napi::Env env, Napi::Object exports) {
  exports.Set("postSplitFlux", Napi::Function::New<PostSplitFlux>(env, "postSplitFlux"));
  exports.Set("postSum", Napi::Function::New<PostSum>(env, "postSum"));
  exports.Set("postDrumEnvelope", Napi::Function::New<PostDrumEnvelope>(env, "postDrumEnvelope"));
  exports.Set("postKickSnareEnvelope", Napi::Function::New<PostKickSnareEnvelope>(env, "postKickSnareEnvelope"));
  exports.Set("postCombSalience", Napi::Function::New<PostCombSalience>(env, "postCombSalience"));
  exports.Set("postCombContrast", Napi::Function::New<PostCombContrast>(env, "postCombContrast"));
  exports.Set("postBeatChromaSums", Napi::Function::New<PostBeatChromaSums>(env, "postBeatChromaSums"));
  exports.Set("postLoopPeriod", Napi::Function::New<PostLoopPeriod>(env, "postLoopPeriod"));
  exports.Set("postChokeStarts", Napi::Function::New<PostChokeStarts>(env, "postChokeStarts"));
}
