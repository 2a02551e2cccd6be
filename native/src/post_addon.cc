// N-API bindings of the post-processing kernels (post.h): synchronous calls on the calling thread. Series are
// Float32Array or Float64Array (read in place, not copied); results are new Float64Array / Int32Array.
#include <napi.h>

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

#include "hugemem.h"
#include "napi_util.h"
#include "post.h"

namespace {

using shub::napi::describe;
using shub::napi::integerArg;
using shub::napi::numberArg;
using shub::napi::throwRange;
using shub::napi::throwType;
using shub::napi::withSeries;

constexpr double kLargest = std::numeric_limits<double>::max();

/** A finite number (NaN and ±Infinity are refused: they would poison every comparison downstream). */
double finiteArg(Napi::Env env, const Napi::Value& v, const std::string& where, const char* name) {
  return numberArg(env, v, where, name, -kLargest, kLargest);
}

std::vector<double> f64Arg(Napi::Env env, const Napi::Value& v, const std::string& where, const char* name) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array)
    throwType(env, where + ": " + name + " must be a Float64Array, got " + describe(v));
  auto a = v.As<Napi::Float64Array>();
  return std::vector<double>(a.Data(), a.Data() + a.ElementLength());
}

// Large results (kOwnBytes up to kHugeMinBytes: a column of a few minutes' frames, 0.2–1 MB) in 2 MB chunks of
// 2 MB pages (hugemem.h) shared by the results of every call and recycled: a result is copied into the current
// chunk and the kernel's vector freed on return (so the next call's vector reuses its heap pages). A chunk all of
// whose results V8 has collected takes new results again (up to kSpareChunks of them kept, the others unmapped).
// A fresh 4 kB page costs a page fault (≈ 5–15 µs on the project's VM); a column of 62 000 frames in fresh memory
// is 120 of them twice (the kernel's vector, V8's array), in a chunk none once the chunk is there.
class ResultArena {
 public:
  static constexpr size_t kChunkBytes = shub::kHugePageBytes;
  static constexpr size_t kSpareChunks = 2;
  struct Chunk {
    char* base;
    size_t used;
    size_t live;
  };

  /** `bytes` (at most kChunkBytes) of the current chunk, or of a new one; `owner` is the chunk to give back. */
  void* take(size_t bytes, Chunk*& owner) {
    const size_t size = (bytes + 63) / 64 * 64;
    std::lock_guard<std::mutex> lock(mutex_);
    if (current_ == nullptr || current_->used + size > kChunkBytes) {
      // the full chunk stays until its last result is collected (give)
      if (current_ != nullptr && current_->live == 0)
        current_->used = 0;
      else
        current_ = spare();
    }
    void* p = current_->base + current_->used;
    current_->used += size;
    ++current_->live;
    owner = current_;
    return p;
  }

  /** One result of `c` collected. */
  void give(Chunk* c) noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--c->live > 0) return;
    c->used = 0;
    if (c == current_) return;
    if (spare_.size() < kSpareChunks) {
      spare_.push_back(c);
    } else {
      shub::hugeFree(c->base, kChunkBytes);
      delete c;
    }
  }

 private:
  Chunk* spare() {
    if (!spare_.empty()) {
      Chunk* c = spare_.back();
      spare_.pop_back();
      return c;
    }
    return new Chunk{static_cast<char*>(shub::hugeAlloc(kChunkBytes)), 0, 0};
  }

  std::mutex mutex_;
  Chunk* current_ = nullptr;
  std::vector<Chunk*> spare_;
};

// Process-wide (every thread's post calls), never destroyed: V8 may collect a result during Node's teardown.
ResultArena& resultArena() {
  static ResultArena* arena = new ResultArena();
  return *arena;
}

// A result as a Float64Array: a large one (≥ kOwnBytes) in the result arena's recycled 2 MB pages, or over the
// vector's own memory beyond a chunk's half (or off Linux); a small one copied into V8's memory (an external
// buffer's bookkeeping costs more than the copy).
constexpr size_t kOwnBytes = size_t{64} << 10;
Napi::Float64Array toF64(Napi::Env env, std::vector<double>&& v) {
  const size_t bytes = v.size() * sizeof(double);
  if (bytes >= kOwnBytes && shub::kHugeMemory && bytes <= shub::kHugeMinBytes) {
    ResultArena::Chunk* owner = nullptr;
    void* data = resultArena().take(bytes, owner);
    std::memcpy(data, v.data(), bytes);
    auto buffer = Napi::ArrayBuffer::New(
        env, data, bytes, [](Napi::Env, void*, ResultArena::Chunk* c) { resultArena().give(c); }, owner);
    return Napi::Float64Array::New(env, bytes / sizeof(double), buffer, 0);
  }
  if (bytes >= kOwnBytes) return shub::napi::ownedArray<Napi::Float64Array>(env, std::move(v));
  auto a = Napi::Float64Array::New(env, v.size());
  if (!v.empty()) std::memcpy(a.Data(), v.data(), bytes);
  return a;
}

Napi::Int32Array toI32(Napi::Env env, const std::vector<int32_t>& v) {
  auto a = Napi::Int32Array::New(env, v.size());
  if (!v.empty()) std::memcpy(a.Data(), v.data(), v.size() * sizeof(int32_t));
  return a;
}

constexpr double kMaxIndex = 2147483647.0;

// A new ArrayBuffer of `bytes` zeros: a large one (hugemem.h hugeSized) in 2 MB pages of its own, freed when V8
// collects it; else V8's own allocation.
Napi::ArrayBuffer bigBuffer(Napi::Env env, size_t bytes) {
  if (!shub::hugeSized(bytes)) return Napi::ArrayBuffer::New(env, bytes);
  void* data = shub::hugeAlloc(bytes);
  return Napi::ArrayBuffer::New(
      env, data, bytes,
      [](Napi::Env, void* p, size_t* b) {
        shub::hugeFree(p, *b);
        delete b;
      },
      new size_t(bytes));
}

// A new Float64Array of `count` zeros over bigBuffer.
Napi::Float64Array bigF64(Napi::Env env, size_t count) {
  return Napi::Float64Array::New(env, count, bigBuffer(env, count * sizeof(double)), 0);
}

// hugeArrayBuffer(bytes): an ArrayBuffer of `bytes` zeros, from 1 MB up in 2 MB pages of its own (bigBuffer): for
// buffers touched once whole (read blocks, the mono relay), where 4 kB pages would each cost a page fault.
Napi::Value HugeArrayBuffer(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const double bytes = integerArg(env, info[0], "hugeArrayBuffer", "bytes", 0, 1099511627776.0, "");
  return bigBuffer(env, static_cast<size_t>(bytes));
}

// postQuantile(x, q): the value at rank floor(q·(n − 1)); NaN for no values.
Napi::Value PostQuantile(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postQuantile";
  const double q = numberArg(env, info[1], where, "q", 0, 1);
  return withSeries(env, info[0], where, "x",
                    [&](auto* x, size_t n) { return Napi::Number::New(env, shub::post::quantileLower(x, n, q)); });
}

// postAutocorrelation(x, maxLag): Float64Array of maxLag + 1.
Napi::Value PostAutocorrelation(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postAutocorrelation";
  const auto maxLag = static_cast<size_t>(integerArg(env, info[1], where, "maxLag", 0, 1 << 24, ""));
  return withSeries(env, info[0], where, "x",
                    [&](auto* x, size_t n) { return toF64(env, shub::post::autocorrelation(x, n, maxLag)); });
}

// postAutocorrelationLags(x, lo, hi): Float64Array of hi − lo + 1, lags [lo, hi] of postAutocorrelation's r.
Napi::Value PostAutocorrelationLags(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postAutocorrelationLags";
  const auto lo = static_cast<size_t>(integerArg(env, info[1], where, "lo", 0, 1 << 24, ""));
  const auto hi = static_cast<size_t>(integerArg(env, info[2], where, "hi", 0, 1 << 24, ""));
  if (hi < lo) throwRange(env, where + ": hi must be at least lo");
  return withSeries(env, info[0], where, "x",
                    [&](auto* x, size_t n) { return toF64(env, shub::post::autocorrelationLags(x, n, lo, hi)); });
}

// postTrackBeats(odf, period, penalty: Float64Array, lo): Int32Array of beat frames.
Napi::Value PostTrackBeats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postTrackBeats";
  const double period = numberArg(env, info[1], where, "period", 1, kMaxIndex, " frames");
  const std::vector<double> penalty = f64Arg(env, info[2], where, "penalty");
  const int lo = static_cast<int>(integerArg(env, info[3], where, "lo", 1, kMaxIndex, " frames"));
  return withSeries(env, info[0], where, "odf",
                    [&](auto* x, size_t n) { return toI32(env, shub::post::trackBeats(x, n, period, penalty, lo)); });
}

// postHarmonicNovelty(chroma, frames, w): Float64Array of frames.
Napi::Value PostHarmonicNovelty(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postHarmonicNovelty";
  const auto frames = static_cast<size_t>(integerArg(env, info[1], where, "frames", 0, kMaxIndex, ""));
  const auto w = static_cast<size_t>(integerArg(env, info[2], where, "w", 1, kMaxIndex, " frames"));
  return withSeries(env, info[0], where, "chroma",
                    [&](auto* x, size_t n) { return toF64(env, shub::post::harmonicNovelty(x, n / 12, frames, w)); });
}

// postBeatProfile(odf, beats, fractions, halfWidth): Float64Array of one mean per fraction.
Napi::Value PostBeatProfile(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postBeatProfile";
  const std::vector<double> beats = f64Arg(env, info[1], where, "beats");
  const std::vector<double> fractions = f64Arg(env, info[2], where, "fractions");
  const auto halfWidth = static_cast<int64_t>(integerArg(env, info[3], where, "halfWidth", 0, kMaxIndex, " frames"));
  return withSeries(env, info[0], where, "odf", [&](auto* x, size_t n) {
    return toF64(env, shub::post::beatProfile(x, n, beats, fractions, halfWidth));
  });
}

// postTonalEnvelope(chroma, frames): Float64Array of frames, or null when the chroma's mean is not > 0.
Napi::Value PostTonalEnvelope(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postTonalEnvelope";
  const auto frames = static_cast<size_t>(integerArg(env, info[1], where, "frames", 0, kMaxIndex, ""));
  return withSeries(env, info[0], where, "chroma", [&](auto* x, size_t n) -> Napi::Value {
    std::vector<double> out;
    if (!shub::post::tonalEnvelope(x, n / 12, frames, out)) return env.Null();
    return toF64(env, std::move(out));
  });
}

// postPickPeaks(odf, delta, avg, maxW, minGap): Int32Array of peak frames.
Napi::Value PostPickPeaks(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postPickPeaks";
  const double delta = finiteArg(env, info[1], where, "delta");
  const int avg = static_cast<int>(integerArg(env, info[2], where, "avg", 1, 1 << 24, " frames"));
  const int maxW = static_cast<int>(integerArg(env, info[3], where, "maxW", 1, 1 << 24, " frames"));
  const int minGap = static_cast<int>(integerArg(env, info[4], where, "minGap", 1, 1 << 24, " frames"));
  return withSeries(env, info[0], where, "odf", [&](auto* x, size_t n) {
    if (n > kMaxIndex) throwRange(env, where + ": odf too long");
    return toI32(env, shub::post::pickPeaks(x, n, delta, avg, maxW, minGap));
  });
}

// postSteepestRise(fine, fromTick, toTick, span, floor, lookback): the tick.
Napi::Value PostSteepestRise(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postSteepestRise";
  const auto from = static_cast<int64_t>(integerArg(env, info[1], where, "fromTick", -kMaxIndex, kMaxIndex, ""));
  const auto to = static_cast<int64_t>(integerArg(env, info[2], where, "toTick", -kMaxIndex, kMaxIndex, ""));
  const auto span = static_cast<int64_t>(integerArg(env, info[3], where, "span", 1, 1 << 24, " ticks"));
  const double floor = finiteArg(env, info[4], where, "floor");
  const auto lookback = static_cast<int64_t>(integerArg(env, info[5], where, "lookback", 0, 1 << 24, " ticks"));
  return withSeries(env, info[0], where, "fine", [&](auto* x, size_t n) {
    return Napi::Number::New(env, static_cast<double>(shub::post::steepestRise(x, n, from, to, span, floor, lookback)));
  });
}

// postFineRises(fine, span, lookback, riseRatio, levelRatio, ctx, gap): Int32Array of ticks.
Napi::Value PostFineRises(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postFineRises";
  const auto span = static_cast<int64_t>(integerArg(env, info[1], where, "span", 1, 1 << 24, " ticks"));
  const auto lookback = static_cast<int64_t>(integerArg(env, info[2], where, "lookback", 0, 1 << 24, " ticks"));
  const double riseRatio = finiteArg(env, info[3], where, "riseRatio");
  const double levelRatio = finiteArg(env, info[4], where, "levelRatio");
  const auto ctx = static_cast<int64_t>(integerArg(env, info[5], where, "ctx", 0, 1 << 24, " ticks"));
  const auto gap = static_cast<int64_t>(integerArg(env, info[6], where, "gap", 1, 1 << 24, " ticks"));
  return withSeries(env, info[0], where, "fine", [&](auto* x, size_t n) {
    if (n > kMaxIndex) throwRange(env, where + ": fine too long");
    return toI32(env, shub::post::fineRises(x, n, span, lookback, riseRatio, levelRatio, ctx, gap));
  });
}

// postAttackStart(fine, rise, span, attack, ratio, lookback, backtrackTicks, backtrackRatio): the tick, fractional
// (post.h attackStart).
Napi::Value PostAttackStart(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postAttackStart";
  const auto rise = static_cast<int64_t>(integerArg(env, info[1], where, "rise", 0, kMaxIndex, ""));
  const auto span = static_cast<int64_t>(integerArg(env, info[2], where, "span", 0, 1 << 24, " ticks"));
  const auto attack = static_cast<int64_t>(integerArg(env, info[3], where, "attack", 0, 1 << 24, " ticks"));
  const double ratio = finiteArg(env, info[4], where, "ratio");
  const auto lookback = static_cast<int64_t>(integerArg(env, info[5], where, "lookback", 0, 1 << 24, " ticks"));
  const auto ticks = static_cast<int64_t>(integerArg(env, info[6], where, "backtrackTicks", 0, 1 << 24, " ticks"));
  const double btRatio = finiteArg(env, info[7], where, "backtrackRatio");
  return withSeries(env, info[0], where, "fine", [&](auto* x, size_t n) {
    if (rise >= static_cast<int64_t>(n)) throwRange(env, where + ": rise beyond the envelope");
    return Napi::Number::New(env, shub::post::attackStart(x, n, rise, span, attack, ratio, lookback, ticks, btRatio));
  });
}

// postPlaceRises(fine, peaks: Int32Array, hopSeconds, tickSeconds, before, after, span, floorRatio, lookback, attack,
// ratio, backtrackTicks, backtrackRatio): Float64Array, each peak's onset time (post.h placeRises).
Napi::Value PostPlaceRises(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postPlaceRises";
  if (!info[1].IsTypedArray() || info[1].As<Napi::TypedArray>().TypedArrayType() != napi_int32_array)
    throwType(env, where + ": peaks must be an Int32Array, got " + describe(info[1]));
  auto peaks = info[1].As<Napi::Int32Array>();
  shub::post::Placement o{};
  o.hopSeconds = numberArg(env, info[2], where, "hopSeconds", 1e-9, 1e9, " s");
  o.tickSeconds = numberArg(env, info[3], where, "tickSeconds", 1e-9, 1e9, " s");
  o.before = finiteArg(env, info[4], where, "before");
  o.after = finiteArg(env, info[5], where, "after");
  o.span = static_cast<int64_t>(integerArg(env, info[6], where, "span", 1, 1 << 24, " ticks"));
  o.floorRatio = finiteArg(env, info[7], where, "floorRatio");
  o.lookback = static_cast<int64_t>(integerArg(env, info[8], where, "lookback", 0, 1 << 24, " ticks"));
  o.attack = static_cast<int64_t>(integerArg(env, info[9], where, "attack", 0, 1 << 24, " ticks"));
  o.ratio = finiteArg(env, info[10], where, "ratio");
  o.backtrackTicks = static_cast<int64_t>(integerArg(env, info[11], where, "backtrackTicks", 0, 1 << 24, " ticks"));
  o.backtrackRatio = finiteArg(env, info[12], where, "backtrackRatio");
  for (size_t k = 0; k < peaks.ElementLength(); ++k)
    if (peaks[k] < 0) throwRange(env, where + ": peaks must be frames (≥ 0)");
  return withSeries(env, info[0], where, "fine", [&](auto* x, size_t n) {
    std::vector<double> t = shub::post::placeRises(x, n, peaks.Data(), peaks.ElementLength(), o);
    for (const double v : t)
      if (std::isnan(v)) throwRange(env, where + ": rise beyond the envelope");
    return toF64(env, std::move(t));
  });
}

// postBacktrackStart(fine, start, rise, attack, ticks, ratio): the tick (post.h backtrackStart).
Napi::Value PostBacktrackStart(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postBacktrackStart";
  const double start = numberArg(env, info[1], where, "start", -1, kMaxIndex, "");
  const auto rise = static_cast<int64_t>(integerArg(env, info[2], where, "rise", 0, kMaxIndex, ""));
  const auto attack = static_cast<int64_t>(integerArg(env, info[3], where, "attack", 0, 1 << 24, " ticks"));
  const auto ticks = static_cast<int64_t>(integerArg(env, info[4], where, "ticks", 0, 1 << 24, " ticks"));
  const double ratio = finiteArg(env, info[5], where, "ratio");
  return withSeries(env, info[0], where, "fine", [&](auto* x, size_t n) {
    if (start >= static_cast<double>(n)) throwRange(env, where + ": start beyond the envelope");
    return Napi::Number::New(env, shub::post::backtrackStart(x, n, start, rise, attack, ticks, ratio));
  });
}

// postBandRises(values, bands): Float64Array of bands × floor(values.length / bands), band by band (post.h bandRises).
Napi::Value PostBandRises(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postBandRises";
  const auto bands = static_cast<size_t>(integerArg(env, info[1], where, "bands", 1, 4096, ""));
  return withSeries(env, info[0], where, "values", [&](auto* x, size_t len) {
    auto out = bigF64(env, (len / bands) * bands);
    shub::post::bandRises(x, len, bands, out.Data());
    return out;
  });
}

template <class A>
A typedArg(Napi::Env env, const Napi::Value& v, napi_typedarray_type type, const std::string& where, const char* name,
           const char* kind) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != type)
    throwType(env, where + ": " + name + " must be a" + kind + ", got " + describe(v));
  return v.As<A>();
}

// postEchoRanks(rise: Float64Array, bands, scales: Float64Array, frames: Int32Array, lo, hi, srcFraction, maxGain, q,
// maxSources, minSources): Float64Array of 2 × (hi − lo + 1) × bands, the gains then the medians (post.h echoRanks).
Napi::Value PostEchoRanks(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postEchoRanks";
  auto rise = typedArg<Napi::Float64Array>(env, info[0], napi_float64_array, where, "rise", " Float64Array");
  const auto bands = static_cast<size_t>(integerArg(env, info[1], where, "bands", 1, 4096, ""));
  auto scales = typedArg<Napi::Float64Array>(env, info[2], napi_float64_array, where, "scales", " Float64Array");
  auto frames = typedArg<Napi::Int32Array>(env, info[3], napi_int32_array, where, "frames", "n Int32Array");
  const auto lo = static_cast<int64_t>(integerArg(env, info[4], where, "lo", 1, 1 << 24, " frames"));
  const auto hi = static_cast<int64_t>(integerArg(env, info[5], where, "hi", 0, 1 << 24, " frames"));
  const double srcFraction = finiteArg(env, info[6], where, "srcFraction");
  const double maxGain = finiteArg(env, info[7], where, "maxGain");
  const double q = numberArg(env, info[8], where, "q", 0, 1);
  const auto maxSources = static_cast<size_t>(integerArg(env, info[9], where, "maxSources", 1, 1 << 20, ""));
  const auto minSources = static_cast<size_t>(integerArg(env, info[10], where, "minSources", 1, 1 << 20, ""));
  if (scales.ElementLength() < bands) throwRange(env, where + ": scales must have one value per band");
  const size_t n = rise.ElementLength() / bands;
  const size_t lags = hi >= lo ? static_cast<size_t>(hi - lo + 1) : 0;
  auto out = Napi::Float64Array::New(env, 2 * lags * bands);
  shub::post::echoRanks(rise.Data(), n, bands, scales.Data(), frames.Data(), frames.ElementLength(), lo, hi,
                        srcFraction, maxGain, q, maxSources, minSources, out.Data(), out.Data() + lags * bands);
  return out;
}

// postColumn(values, groups, g, divisor): Float64Array, column g of the frame-major matrix / divisor.
Napi::Value PostColumn(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postColumn";
  const auto groups = static_cast<size_t>(integerArg(env, info[1], where, "groups", 1, 4096, ""));
  const auto g = static_cast<size_t>(integerArg(env, info[2], where, "g", 0, static_cast<double>(groups - 1), ""));
  const double divisor = numberArg(env, info[3], where, "divisor", std::numeric_limits<double>::min(), kLargest);
  return withSeries(env, info[0], where, "values",
                    [&](auto* x, size_t n) { return toF64(env, shub::post::column(x, n, groups, g, divisor)); });
}

// postOnFrames(values, groups, frames, ratio): an array of groups Float64Arrays of frames (post.h onFrames).
Napi::Value PostOnFrames(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postOnFrames";
  const auto groups = static_cast<size_t>(integerArg(env, info[1], where, "groups", 1, 4096, ""));
  const auto frames = static_cast<size_t>(integerArg(env, info[2], where, "frames", 0, kMaxIndex, ""));
  const double ratio = numberArg(env, info[3], where, "ratio", 0, kLargest);
  return withSeries(env, info[0], where, "values", [&](auto* x, size_t n) {
    auto cols = shub::post::onFrames(x, n, groups, frames, ratio);
    auto out = Napi::Array::New(env, cols.size());
    for (size_t g = 0; g < cols.size(); ++g) out.Set(static_cast<uint32_t>(g), toF64(env, std::move(cols[g])));
    return out;
  });
}

// postPowerMean(values, groups, inv: Float64Array of groups, power): Float64Array, one value per frame.
Napi::Value PostPowerMean(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postPowerMean";
  const auto groups = static_cast<size_t>(integerArg(env, info[1], where, "groups", 1, 4096, ""));
  const std::vector<double> inv = f64Arg(env, info[2], where, "inv");
  if (inv.size() != groups) throwRange(env, where + ": inv must have one value per group");
  const double power = numberArg(env, info[3], where, "power", std::numeric_limits<double>::min(), kLargest);
  return withSeries(env, info[0], where, "values", [&](auto* x, size_t n) {
    return toF64(env, shub::post::powerMean(x, n, groups, inv.data(), power));
  });
}

// postFoldProfiles(profiles, blocks, weights: Float64Array of 1440): Float64Array of blocks × 12.
Napi::Value PostFoldProfiles(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postFoldProfiles";
  const auto blocks = static_cast<size_t>(integerArg(env, info[1], where, "blocks", 0, kMaxIndex, ""));
  const std::vector<double> weights = f64Arg(env, info[2], where, "weights");
  if (weights.size() != 120 * 12) throwRange(env, where + ": weights must have 120 × 12 values");
  return withSeries(env, info[0], where, "profiles", [&](auto* x, size_t n) {
    if (n < blocks * 120) throwRange(env, where + ": profiles holds fewer than blocks × 120 values");
    return toF64(env, shub::post::foldProfiles(x, blocks, weights.data()));
  });
}

// postWithLowBand(odf, low, weight): Float64Array, odf/σ(odf) + weight·low/σ(low).
Napi::Value PostWithLowBand(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postWithLowBand";
  const double weight = finiteArg(env, info[2], where, "weight");
  return withSeries(env, info[0], where, "odf", [&](auto* x, size_t n) {
    return withSeries(env, info[1], where, "low", [&](auto* low, size_t lowN) {
      return toF64(env, shub::post::withLowBand(x, n, low, lowN, weight));
    });
  });
}

// postWashRises(cols: Float64Array[], peaks: Int32Array, back, gap, madFloor, dominant): Float64Array, one value per
// peak (post.h washRises).
Napi::Value PostWashRises(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postWashRises";
  if (!info[0].IsArray()) throwType(env, where + ": cols must be an array of Float64Array, got " + describe(info[0]));
  const auto list = info[0].As<Napi::Array>();
  std::vector<std::pair<const double*, size_t>> cols;
  for (uint32_t i = 0; i < list.Length(); ++i) {
    const Napi::Value v = list.Get(i);
    if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array)
      throwType(env, where + ": cols must be an array of Float64Array, got " + describe(v));
    auto a = v.As<Napi::Float64Array>();
    cols.emplace_back(a.Data(), a.ElementLength());
  }
  if (!info[1].IsTypedArray() || info[1].As<Napi::TypedArray>().TypedArrayType() != napi_int32_array)
    throwType(env, where + ": peaks must be an Int32Array, got " + describe(info[1]));
  auto peaks = info[1].As<Napi::Int32Array>();
  const auto back = static_cast<int64_t>(integerArg(env, info[2], where, "back", 1, 1 << 24, " frames"));
  const auto gap = static_cast<int64_t>(integerArg(env, info[3], where, "gap", 0, 1 << 24, " frames"));
  const double madFloor = finiteArg(env, info[4], where, "madFloor");
  const double dominant = finiteArg(env, info[5], where, "dominant");
  for (size_t k = 0; k < peaks.ElementLength(); ++k)
    if (peaks[k] < 0) throwRange(env, where + ": peaks must be frames (≥ 0)");
  return toF64(env, shub::post::washRises(cols, peaks.Data(), peaks.ElementLength(), back, gap, madFloor, dominant));
}

// A typed array argument of one kind, its data and length.

// postChordEmissions(chroma, sounding: Uint8Array, bass, hasBass: Uint8Array, templates, counts: Int32Array, tones:
// Int32Array, bassWeight, inversionBass): Float64Array of blocks × chords (post.h chordEmissions).
Napi::Value PostChordEmissions(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postChordEmissions";
  auto chroma = typedArg<Napi::Float64Array>(env, info[0], napi_float64_array, where, "chroma", " Float64Array");
  auto sounding = typedArg<Napi::Uint8Array>(env, info[1], napi_uint8_array, where, "sounding", " Uint8Array");
  auto bass = typedArg<Napi::Float64Array>(env, info[2], napi_float64_array, where, "bass", " Float64Array");
  auto hasBass = typedArg<Napi::Uint8Array>(env, info[3], napi_uint8_array, where, "hasBass", " Uint8Array");
  auto templates = typedArg<Napi::Float64Array>(env, info[4], napi_float64_array, where, "templates", " Float64Array");
  auto counts = typedArg<Napi::Int32Array>(env, info[5], napi_int32_array, where, "counts", "n Int32Array");
  auto tones = typedArg<Napi::Int32Array>(env, info[6], napi_int32_array, where, "tones", "n Int32Array");
  const double bassWeight = finiteArg(env, info[7], where, "bassWeight");
  const double inversionBass = finiteArg(env, info[8], where, "inversionBass");
  const size_t n = sounding.ElementLength();
  const size_t K = counts.ElementLength();
  if (chroma.ElementLength() != n * 12 || bass.ElementLength() != n * 12 || hasBass.ElementLength() != n)
    throwRange(env, where + ": chroma and bass must hold 12 values per block, hasBass one");
  if (tones.ElementLength() != K * 3) throwRange(env, where + ": tones must hold 3 pitch classes per chord");
  size_t maxT = 0;
  for (size_t k = 0; k < K; ++k) {
    if (counts[k] < 0) throwRange(env, where + ": counts must be ≥ 0");
    maxT = std::max(maxT, static_cast<size_t>(counts[k]));
  }
  if (templates.ElementLength() != K * maxT * 12)
    throwRange(env, where + ": templates must hold chords × the largest count × 12 values");
  for (size_t i = 0; i < K * 3; ++i)
    if (tones[i] < 0 || tones[i] > 11) throwRange(env, where + ": tones must be pitch classes 0…11");
  return toF64(
      env, shub::post::chordEmissions(chroma.Data(), sounding.Data(), bass.Data(), hasBass.Data(), n, templates.Data(),
                                      counts.Data(), maxT, tones.Data(), K, bassWeight, inversionBass));
}

// postViterbi(emissions: Float64Array, n, K, switchPenalty): Int32Array of n states (post.h viterbi).
Napi::Value PostViterbi(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postViterbi";
  auto em = typedArg<Napi::Float64Array>(env, info[0], napi_float64_array, where, "emissions", " Float64Array");
  const auto n = static_cast<size_t>(integerArg(env, info[1], where, "n", 0, kMaxIndex, ""));
  const auto K = static_cast<size_t>(integerArg(env, info[2], where, "K", 1, 32767, ""));
  const double switchPenalty = finiteArg(env, info[3], where, "switchPenalty");
  if (em.ElementLength() < n * K) throwRange(env, where + ": emissions must hold n × K values");
  return toI32(env, shub::post::viterbi(em.Data(), n, K, switchPenalty));
}

// postBarRepeat(bands: Float64Array[], beats: Float64Array, halfWidth, fractions: Float64Array, lags: Int32Array):
// Float64Array, one mean cosine per lag (post.h barRepeat).
Napi::Value PostBarRepeat(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postBarRepeat";
  if (!info[0].IsArray()) throwType(env, where + ": bands must be an array of Float64Array, got " + describe(info[0]));
  const auto list = info[0].As<Napi::Array>();
  std::vector<std::pair<const double*, size_t>> bands;
  for (uint32_t i = 0; i < list.Length(); ++i) {
    auto a =
        typedArg<Napi::Float64Array>(env, list.Get(i), napi_float64_array, where, "bands", "n array of Float64Array");
    bands.emplace_back(a.Data(), a.ElementLength());
  }
  auto beats = typedArg<Napi::Float64Array>(env, info[1], napi_float64_array, where, "beats", " Float64Array");
  const auto halfWidth = static_cast<int64_t>(integerArg(env, info[2], where, "halfWidth", 0, 1 << 24, " frames"));
  auto fractions = typedArg<Napi::Float64Array>(env, info[3], napi_float64_array, where, "fractions", " Float64Array");
  auto lags = typedArg<Napi::Int32Array>(env, info[4], napi_int32_array, where, "lags", "n Int32Array");
  for (size_t i = 0; i < beats.ElementLength(); ++i)
    if (!(std::fabs(beats[i]) < kMaxIndex)) throwRange(env, where + ": beats must be finite frames");
  for (size_t i = 0; i < fractions.ElementLength(); ++i)
    if (!(fractions[i] >= 0 && fractions[i] <= 1)) throwRange(env, where + ": fractions must be in [0, 1]");
  for (size_t i = 0; i < lags.ElementLength(); ++i)
    if (lags[i] < 1) throwRange(env, where + ": lags must be ≥ 1");
  return toF64(env, shub::post::barRepeat(bands, beats.Data(), beats.ElementLength(), halfWidth, fractions.Data(),
                                          fractions.ElementLength(), lags.Data(), lags.ElementLength()));
}

// postSnareHits(values, bands, region: Int32Array, lag, hold, lowDb, fullDb, sustainLow, sustainFull, stickWeight,
// purity: (ratios: Float64Array) => void): { frames: Int32Array, activity: Float64Array } (post.h snareHits; `purity`
// called once, when any candidate's purity needs the logarithm, to overwrite each ratio with its purity in place).
Napi::Value PostSnareHits(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "postSnareHits";
  const auto bands = static_cast<size_t>(integerArg(env, info[1], where, "bands", 1, 4096, ""));
  auto region = typedArg<Napi::Int32Array>(env, info[2], napi_int32_array, where, "region", "n Int32Array");
  if (region.ElementLength() != bands) throwRange(env, where + ": region must hold one value per band");
  for (size_t b = 0; b < bands; ++b)
    if (region[b] < -1 || region[b] > 3) throwRange(env, where + ": region values must be −1 to 3");
  const auto lag = static_cast<int64_t>(integerArg(env, info[3], where, "lag", 1, 1 << 24, " frames"));
  const auto hold = static_cast<int64_t>(integerArg(env, info[4], where, "hold", 1, 1 << 24, " frames"));
  const double lowDb = finiteArg(env, info[5], where, "lowDb");
  const double fullDb = finiteArg(env, info[6], where, "fullDb");
  const double sustainLow = finiteArg(env, info[7], where, "sustainLow");
  const double sustainFull = finiteArg(env, info[8], where, "sustainFull");
  const double stickWeight = finiteArg(env, info[9], where, "stickWeight");
  if (!info[10].IsFunction()) throwType(env, where + ": purity must be a function, got " + describe(info[10]));
  const auto callback = info[10].As<Napi::Function>();
  const auto purity = [&](std::vector<double>& ratios) {
    auto r = toF64(env, std::vector<double>(ratios));
    callback.Call({r});
    if (r.ElementLength() != ratios.size()) throwRange(env, where + ": purity changed the ratios' length");
    std::memcpy(ratios.data(), r.Data(), ratios.size() * sizeof(double));
  };
  std::vector<int32_t> frames;
  std::vector<double> activity;
  withSeries(env, info[0], where, "values", [&](auto* x, size_t len) {
    if (len / bands > static_cast<size_t>(kMaxIndex)) throwRange(env, where + ": too many frames");
    shub::post::snareHits(x, len, bands, region.Data(), lag, hold, lowDb, fullDb, sustainLow, sustainFull, stickWeight,
                          purity, frames, activity);
    return 0;
  });
  auto out = Napi::Object::New(env);
  out.Set("frames", toI32(env, frames));
  out.Set("activity", toF64(env, std::move(activity)));
  return out;
}

}  // namespace

void InitPost(Napi::Env env, Napi::Object exports) {
  exports.Set("postQuantile", Napi::Function::New<PostQuantile>(env, "postQuantile"));
  exports.Set("postAutocorrelation", Napi::Function::New<PostAutocorrelation>(env, "postAutocorrelation"));
  exports.Set("postAutocorrelationLags", Napi::Function::New<PostAutocorrelationLags>(env, "postAutocorrelationLags"));
  exports.Set("postTrackBeats", Napi::Function::New<PostTrackBeats>(env, "postTrackBeats"));
  exports.Set("hugeArrayBuffer", Napi::Function::New<HugeArrayBuffer>(env, "hugeArrayBuffer"));
  exports.Set("postHarmonicNovelty", Napi::Function::New<PostHarmonicNovelty>(env, "postHarmonicNovelty"));
  exports.Set("postBeatProfile", Napi::Function::New<PostBeatProfile>(env, "postBeatProfile"));
  exports.Set("postTonalEnvelope", Napi::Function::New<PostTonalEnvelope>(env, "postTonalEnvelope"));
  exports.Set("postPickPeaks", Napi::Function::New<PostPickPeaks>(env, "postPickPeaks"));
  exports.Set("postSteepestRise", Napi::Function::New<PostSteepestRise>(env, "postSteepestRise"));
  exports.Set("postFineRises", Napi::Function::New<PostFineRises>(env, "postFineRises"));
  exports.Set("postColumn", Napi::Function::New<PostColumn>(env, "postColumn"));
  exports.Set("postBandRises", Napi::Function::New<PostBandRises>(env, "postBandRises"));
  exports.Set("postEchoRanks", Napi::Function::New<PostEchoRanks>(env, "postEchoRanks"));
  exports.Set("postAttackStart", Napi::Function::New<PostAttackStart>(env, "postAttackStart"));
  exports.Set("postPlaceRises", Napi::Function::New<PostPlaceRises>(env, "postPlaceRises"));
  exports.Set("postBacktrackStart", Napi::Function::New<PostBacktrackStart>(env, "postBacktrackStart"));
  exports.Set("postPowerMean", Napi::Function::New<PostPowerMean>(env, "postPowerMean"));
  exports.Set("postOnFrames", Napi::Function::New<PostOnFrames>(env, "postOnFrames"));
  exports.Set("postWithLowBand", Napi::Function::New<PostWithLowBand>(env, "postWithLowBand"));
  exports.Set("postFoldProfiles", Napi::Function::New<PostFoldProfiles>(env, "postFoldProfiles"));
  exports.Set("postWashRises", Napi::Function::New<PostWashRises>(env, "postWashRises"));
  exports.Set("postChordEmissions", Napi::Function::New<PostChordEmissions>(env, "postChordEmissions"));
  exports.Set("postViterbi", Napi::Function::New<PostViterbi>(env, "postViterbi"));
  exports.Set("postBarRepeat", Napi::Function::New<PostBarRepeat>(env, "postBarRepeat"));
  exports.Set("postSnareHits", Napi::Function::New<PostSnareHits>(env, "postSnareHits"));
}
