// Shared N-API glue of the shub addon: argument checking with messages that name the call and
// the value received, result conversion, and the worker that runs addPcm-style calls on the
// libuv pool. Every addon_*.cc file uses these instead of its own copies.
#pragma once

#include <napi.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "dsp/biquad.h"
#include "dsp/dynamics.h"
#include "generated/dsp_params.h"
#include "levelmeter.h"
#include "pcm.h"

namespace shub {
namespace napi {

inline std::string describe(const Napi::Value& v) {
  switch (v.Type()) {
    case napi_undefined:
      return "undefined";
    case napi_null:
      return "null";
    case napi_boolean:
      return v.As<Napi::Boolean>().Value() ? "true" : "false";
    case napi_number: {
      const double d = v.As<Napi::Number>().DoubleValue();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      char b[64];
      std::snprintf(b, sizeof b, "%.15g", d);
      return b;
    }
    case napi_string:
      return "'" + v.As<Napi::String>().Utf8Value() + "'";
    case napi_symbol:
      return "a symbol";
    case napi_function:
      return "a function";
    case napi_bigint:
      return "a bigint";
    case napi_object:
      if (v.IsArray()) return "an array";
      if (v.IsTypedArray()) return "a typed array";
      return "an object";
    default:
      return "a value";
  }
}

[[noreturn]] inline void throwType(Napi::Env env, const std::string& msg) { throw Napi::TypeError::New(env, msg); }
[[noreturn]] inline void throwRange(Napi::Env env, const std::string& msg) { throw Napi::RangeError::New(env, msg); }

/** A number that must be an integer in [lo, hi]. */
inline double integerArg(Napi::Env env, const Napi::Value& v, const std::string& where, const char* name, double lo,
                         double hi, const char* unit) {
  if (!v.IsNumber()) throwType(env, where + ": " + name + " must be a number, got " + describe(v));
  const double d = v.As<Napi::Number>().DoubleValue();
  if (!(d >= lo && d <= hi) || std::floor(d) != d) {
    char b[64];
    std::snprintf(b, sizeof b, "[%.15g, %.15g]", lo, hi);
    throwRange(env, where + ": " + name + " must be an integer in " + b + unit + ", got " + describe(v));
  }
  return d;
}

inline Napi::Value nullable(Napi::Env env, const std::optional<double>& v) {
  if (v && std::isfinite(*v)) return Napi::Number::New(env, *v);
  return env.Null();
}

inline Napi::Array numberArray(Napi::Env env, const std::vector<double>& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (size_t i = 0; i < v.size(); ++i)
    a.Set(static_cast<uint32_t>(i), Napi::Number::New(env, std::isfinite(v[i]) ? v[i] : 0.0));
  return a;
}

inline Napi::Array nullableArray(Napi::Env env, const std::vector<std::optional<double>>& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (size_t i = 0; i < v.size(); ++i) a.Set(static_cast<uint32_t>(i), nullable(env, v[i]));
  return a;
}

inline Napi::Object addResultObject(Napi::Env env, const shub::AddResult& r) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("nonFiniteSamples", Napi::Number::New(env, static_cast<double>(r.nonFiniteSamples)));
  o.Set("firstNonFiniteFrame", Napi::Number::New(env, static_cast<double>(r.firstNonFiniteFrame)));
  return o;
}

/** A typed array (Napi::Float32Array, Float64Array) over the vector's own memory (no copy): the vector is freed with
 * the buffer. */
template <class Typed, class T, class A>
Typed ownedArray(Napi::Env env, std::vector<T, A>&& v) {
  if (v.empty()) return Typed::New(env, 0);
  auto* owned = new std::vector<T, A>(std::move(v));
  Napi::ArrayBuffer buf = Napi::ArrayBuffer::New(
      env, owned->data(), owned->size() * sizeof(T), [](Napi::Env, void*, std::vector<T, A>* p) { delete p; }, owned);
  return Typed::New(env, owned->size(), buf, 0);
}

template <class A>
Napi::Float32Array f32Array(Napi::Env env, std::vector<float, A>&& v) {
  return ownedArray<Napi::Float32Array>(env, std::move(v));
}

// Calls f(const float* | const double*, length) on a Float32Array or Float64Array argument (read in place).
template <class F>
auto withSeries(Napi::Env env, const Napi::Value& v, const std::string& where, const char* name, F&& f) {
  if (v.IsTypedArray()) {
    const auto type = v.As<Napi::TypedArray>().TypedArrayType();
    if (type == napi_float32_array) {
      auto a = v.As<Napi::Float32Array>();
      return f(static_cast<const float*>(a.Data()), a.ElementLength());
    }
    if (type == napi_float64_array) {
      auto a = v.As<Napi::Float64Array>();
      return f(static_cast<const double*>(a.Data()), a.ElementLength());
    }
  }
  throwType(env, where + ": " + name + " must be a Float32Array or Float64Array, got " + describe(v));
}

inline Napi::Float64Array f64Array(Napi::Env env, const std::vector<double>& v) {
  Napi::Float64Array a = Napi::Float64Array::New(env, v.size());
  if (!v.empty()) std::memcpy(a.Data(), v.data(), v.size() * sizeof(double));
  return a;
}

/** A LevelMeterReport as the JS object src/native.ts describes (LevelMeterResult). */
inline Napi::Object reportObject(Napi::Env env, const LevelMeterReport& r) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("frames", Napi::Number::New(env, static_cast<double>(r.frames)));
  o.Set("integratedLufs", nullable(env, r.integratedLufs));
  o.Set("loudnessRangeLu", nullable(env, r.loudnessRangeLu));
  o.Set("loudnessRangeLowLufs", nullable(env, r.loudnessRangeLowLufs));
  o.Set("loudnessRangeHighLufs", nullable(env, r.loudnessRangeHighLufs));
  o.Set("momentaryMaxLufs", nullable(env, r.momentaryMaxLufs));
  o.Set("shortTermMaxLufs", nullable(env, r.shortTermMaxLufs));
  o.Set("truePeak", numberArray(env, r.truePeak));
  o.Set("samplePeak", numberArray(env, r.samplePeak));
  o.Set("rms", numberArray(env, r.rms));
  o.Set("mean", numberArray(env, r.mean));
  o.Set("rmsAll", Napi::Number::New(env, std::isfinite(r.rmsAll) ? r.rmsAll : 0.0));
  o.Set("clippedSamples", Napi::Number::New(env, static_cast<double>(r.clippedSamples)));
  o.Set("phaseCorrelation", nullable(env, r.phaseCorrelation));
  o.Set("monoLoudnessDropLu", nullable(env, r.monoLoudnessDropLu));
  o.Set("noiseFloorDbfs", nullable(env, r.noiseFloorDbfs));
  o.Set("leadingSilenceSeconds", Napi::Number::New(env, r.leadingSilenceSeconds));
  o.Set("trailingSilenceSeconds", Napi::Number::New(env, r.trailingSilenceSeconds));
  if (r.dynamicRangeDr)
    o.Set("dynamicRangeDr", Napi::Number::New(env, *r.dynamicRangeDr));
  else
    o.Set("dynamicRangeDr", env.Null());
  if (r.hasCurves) {
    Napi::Object c = Napi::Object::New(env);
    c.Set("hopSeconds", Napi::Number::New(env, r.hopSeconds));
    c.Set("momentaryStartSeconds", Napi::Number::New(env, r.momentaryStartSeconds));
    c.Set("momentaryLufs", nullableArray(env, r.momentaryLufs));
    c.Set("shortTermStartSeconds", Napi::Number::New(env, r.shortTermStartSeconds));
    c.Set("shortTermLufs", nullableArray(env, r.shortTermLufs));
    o.Set("curves", c);
  }
  if (!r.windowTruePeak.empty()) o.Set("windowTruePeak", numberArray(env, r.windowTruePeak));
  return o;
}

/**
 * A declared parameter (generated/dsp_params.h, from src/engines/dsp/params.ts): a number in its
 * range, open ends exclusive; TypeError for a non-number, RangeError otherwise, both naming the
 * parameter, its range with unit and the value. Never clamps.
 */
inline double paramArg(Napi::Env env, const Napi::Value& v, const std::string& where, const params::Param& p) {
  if (!v.IsNumber()) throwType(env, where + ": " + p.rejection(describe(v)));
  const double d = v.As<Napi::Number>().DoubleValue();
  if (!p.accepts(d)) throwRange(env, where + ": " + p.rejection(describe(v)));
  return d;
}

/** An optional declared parameter of an options object: `fallback` (the declared default) when undefined. */
inline double optionalParam(Napi::Env env, const Napi::Object& o, const std::string& where, const params::Param& p,
                            double fallback) {
  Napi::Value v = o.Get(p.name);
  if (v.IsUndefined()) return fallback;
  return paramArg(env, v, where, p);
}
inline double optionalParam(Napi::Env env, const Napi::Object& o, const std::string& where, const params::Param& p) {
  return optionalParam(env, o, where, p, p.def);
}

/** EQ bands `[{type, freqHz, q?, gainDb?}]` (undefined: none); messages name `where[i].key`. */
inline std::vector<EqBand> eqBandsArg(Napi::Env env, const Napi::Value& v, const std::string& where) {
  std::vector<EqBand> out;
  if (v.IsUndefined()) return out;
  if (!v.IsArray()) throwType(env, where + " must be an array of bands, got " + describe(v));
  Napi::Array a = v.As<Napi::Array>();
  for (uint32_t i = 0; i < a.Length(); ++i) {
    const std::string w = where + "[" + std::to_string(i) + "]";
    Napi::Value bv = a.Get(i);
    if (!bv.IsObject() || bv.IsArray()) throwType(env, w + " must be an object, got " + describe(bv));
    Napi::Object b = bv.As<Napi::Object>();
    EqBand band;
    Napi::Value type = b.Get("type");
    if (!type.IsString() || !biquad::parseShape(type.As<Napi::String>().Utf8Value(), band.shape))
      throwRange(env, w + ": type must be one of " + biquad::shapeNames() + ", got " + describe(type));
    band.freqHz = paramArg(env, b.Get("freqHz"), w, params::eq::freqHz);
    band.q = optionalParam(env, b, w, params::eq::q);
    band.gainDb = optionalParam(env, b, w, params::eq::gainDb);
    out.push_back(band);
  }
  return out;
}

/** A finite number in [lo, hi] (inclusive); `unit` is appended to the range in messages. */
inline double numberArg(Napi::Env env, const Napi::Value& v, const std::string& where, const char* name, double lo,
                        double hi, const char* unit = "") {
  if (!v.IsNumber()) throwType(env, where + ": " + name + " must be a number, got " + describe(v));
  const double d = v.As<Napi::Number>().DoubleValue();
  if (!(d >= lo && d <= hi)) {
    char b[96];
    std::snprintf(b, sizeof b, "[%.15g, %.15g]", lo, hi);
    throwRange(env, where + ": " + name + " must be a number in " + b + unit + ", got " + describe(v));
  }
  return d;
}

/** An optional field of an options object: `fallback` when undefined, else numberArg. */
inline double optionalNumber(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name,
                             double fallback, double lo, double hi, const char* unit = "") {
  Napi::Value v = o.Get(name);
  if (v.IsUndefined()) return fallback;
  return numberArg(env, v, where, name, lo, hi, unit);
}

inline bool optionalBool(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name,
                         bool fallback) {
  Napi::Value v = o.Get(name);
  if (v.IsUndefined()) return fallback;
  if (!v.IsBoolean()) throwType(env, where + ": " + name + " must be a boolean, got " + describe(v));
  return v.As<Napi::Boolean>().Value();
}

/** Compressor options `{thresholdDb, ratio, kneeDb, attackMs, releaseMs, makeupDb, rms, rmsWindowMs,
 * sidechainHighpassHz, mix, linked}`, each optional. */
inline CompressorParams compressorArg(Napi::Env env, const Napi::Object& o, const std::string& w) {
  namespace c = params::compressor;
  CompressorParams p;
  p.thresholdDb = optionalParam(env, o, w, c::thresholdDb);
  p.ratio = optionalParam(env, o, w, c::ratio);
  p.kneeDb = optionalParam(env, o, w, c::kneeDb);
  p.attackMs = optionalParam(env, o, w, c::attackMs);
  p.releaseMs = optionalParam(env, o, w, c::releaseMs);
  p.makeupDb = optionalParam(env, o, w, c::makeupDb);
  p.rms = optionalBool(env, o, w, "rms", p.rms);
  p.rmsWindowMs = optionalParam(env, o, w, c::rmsWindowMs);
  p.sidechainHighpassHz = optionalParam(env, o, w, c::sidechainHighpassHz);
  p.mix = optionalParam(env, o, w, c::mix);
  p.linked = optionalBool(env, o, w, "linked", p.linked);
  const std::string err = validateCompressorParams(p);
  if (!err.empty()) throwRange(env, w + ": " + err);
  return p;
}

/** info[index] must be an options object (not an array). */
inline Napi::Object optionsArg(const Napi::CallbackInfo& info, size_t index, const std::string& where) {
  if (info.Length() <= index || !info[index].IsObject() || info[index].IsArray())
    throwType(info.Env(), where + ": options must be an object, got " +
                              (info.Length() > index ? describe(info[index]) : std::string("nothing")));
  return info[index].As<Napi::Object>();
}

/** Validated (pcm, format, frames) arguments of an addPcm-style call for `channels` channels. */
struct PcmArgs {
  Napi::Value pcm;
  const uint8_t* data = nullptr;
  PcmFormat format = PcmFormat::F32;
  size_t frames = 0;
};

inline PcmArgs pcmArgs(const Napi::CallbackInfo& info, const std::string& where, int channels) {
  Napi::Env env = info.Env();
  PcmArgs out;
  out.pcm = info[0];
  if (!out.pcm.IsTypedArray())
    throwType(env, where + ": pcm must be a Uint8Array (or Buffer), got " + describe(out.pcm));
  Napi::TypedArray ta = out.pcm.As<Napi::TypedArray>();
  Napi::Value fmtValue = info[1];
  if (!fmtValue.IsString()) throwType(env, where + ": format must be a string, got " + describe(fmtValue));
  const std::string fmtName = fmtValue.As<Napi::String>().Utf8Value();
  if (!parsePcmFormat(fmtName.c_str(), out.format))
    throwRange(env, where + ": format must be one of " + pcmFormatNames() + ", got '" + fmtName + "'");
  const double frames = integerArg(env, info[2], where, "frames", 0, 9007199254740991.0, "");
  const uint64_t need = static_cast<uint64_t>(frames) * static_cast<uint64_t>(channels) * pcmBytesPerSample(out.format);
  if (need > ta.ByteLength()) {
    throwRange(env, where + ": pcm holds " + std::to_string(ta.ByteLength()) + " bytes but frames (" +
                        std::to_string(static_cast<uint64_t>(frames)) + ") x channels (" + std::to_string(channels) +
                        ") x " + std::to_string(pcmBytesPerSample(out.format)) + " bytes (" + fmtName + ") needs " +
                        std::to_string(need));
  }
  if (need > 0) out.data = static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
  out.frames = static_cast<size_t>(frames);
  return out;
}

/**
 * Runs `work` on the libuv pool and settles a promise with `toJs(env, result)`: the one shape of the promises the
 * wrapped native objects return. `what` prefixes a failure's message; `keep` holds JS values (the object, its
 * buffers) alive until the work settles; `settled` runs first on the main thread (e.g. clears a busy flag).
 */
template <class Result>
class PromiseWorker : public Napi::AsyncWorker {
 public:
  PromiseWorker(Napi::Env env, const char* resource, std::string what, std::initializer_list<Napi::Value> keep,
                std::function<Result()> work, std::function<Napi::Value(Napi::Env, Result&&)> toJs,
                std::function<void()> settled = nullptr)
      : Napi::AsyncWorker(env, resource),
        deferred_(Napi::Promise::Deferred::New(env)),
        what_(std::move(what)),
        work_(std::move(work)),
        toJs_(std::move(toJs)),
        settled_(std::move(settled)) {
    for (const Napi::Value& v : keep) keep_.push_back(Napi::Persistent(v));
  }

  /** Queues the work and returns its promise (the worker deletes itself once it has settled). */
  Napi::Promise queue() {
    Napi::Promise p = deferred_.Promise();
    Queue();
    return p;
  }

  void Execute() override {
    try {
      result_ = work_();
    } catch (const std::exception& e) {
      SetError(what_ + ": " + e.what());
    }
  }

  void OnOK() override {
    if (settled_) settled_();
    deferred_.Resolve(toJs_(Env(), std::move(result_)));
  }

  void OnError(const Napi::Error& e) override {
    if (settled_) settled_();
    deferred_.Reject(e.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  std::string what_;
  std::function<Result()> work_;
  std::function<Napi::Value(Napi::Env, Result&&)> toJs_;
  std::function<void()> settled_;
  std::vector<Napi::Reference<Napi::Value>> keep_;
  Result result_{};
};

/** `start()`'s promise; an error it throws while validating rejects the promise instead of throwing synchronously. */
template <class Start>
Napi::Value promiseOf(Napi::Env env, Start start) {
  try {
    return start();
  } catch (const Napi::Error& e) {
    Napi::Promise::Deferred failed = Napi::Promise::Deferred::New(env);
    failed.Reject(e.Value());
    return failed.Promise();
  }
}

/**
 * Queues Wrap::process on the pool for a validated addPcm call and returns its promise; errors
 * thrown while validating reject the promise instead of throwing synchronously.
 */
template <class Wrap>
Napi::Value queueAddPcm(const Napi::CallbackInfo& info, Wrap* wrap, int channels, const char* busyMessage, bool busy) {
  Napi::Env env = info.Env();
  return promiseOf(env, [&]() -> Napi::Value {
    if (busy) throw Napi::Error::New(env, busyMessage);
    PcmArgs a = pcmArgs(info, std::string(Wrap::kName) + ".addPcm", channels);
    auto* worker = new PromiseWorker<AddResult>(
        env, Wrap::kResourceName, std::string(Wrap::kName) + ".addPcm", {info.This(), a.pcm},
        [wrap, data = a.data, format = a.format, frames = a.frames] { return wrap->process(data, format, frames); },
        addResultObject, [wrap] { wrap->setBusy(false); });
    wrap->setBusy(true);
    return worker->queue();
  });
}

}  // namespace napi
}  // namespace shub
