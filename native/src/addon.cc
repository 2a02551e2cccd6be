// N-API bindings of the shub native DSP core. All DSP lives in plain C++ classes; this file
// only validates JavaScript input, converts values and runs addPcm on the libuv thread pool.
#include <napi.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "featureextractor.h"
#include "kweighting.h"
#include "levelmeter.h"
#include "pcm.h"
#include "truepeak.h"

namespace {

using shub::LevelMeter;
using shub::LevelMeterOptions;
using shub::LevelMeterReport;

std::string describe(const Napi::Value& v) {
  switch (v.Type()) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return v.As<Napi::Boolean>().Value() ? "true" : "false";
    case napi_number: {
      const double d = v.As<Napi::Number>().DoubleValue();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      char b[64];
      std::snprintf(b, sizeof b, "%.15g", d);
      return b;
    }
    case napi_string: return "'" + v.As<Napi::String>().Utf8Value() + "'";
    case napi_symbol: return "a symbol";
    case napi_function: return "a function";
    case napi_bigint: return "a bigint";
    case napi_object:
      if (v.IsArray()) return "an array";
      if (v.IsTypedArray()) return "a typed array";
      return "an object";
    default: return "a value";
  }
}

[[noreturn]] void throwType(Napi::Env env, const std::string& msg) { throw Napi::TypeError::New(env, msg); }
[[noreturn]] void throwRange(Napi::Env env, const std::string& msg) { throw Napi::RangeError::New(env, msg); }

/** A number that must be an integer in [lo, hi]. */
double integerArg(Napi::Env env, const Napi::Value& v, const std::string& where, const char* name, double lo,
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

Napi::Value nullable(Napi::Env env, const std::optional<double>& v) {
  if (v && std::isfinite(*v)) return Napi::Number::New(env, *v);
  return env.Null();
}

Napi::Array numberArray(Napi::Env env, const std::vector<double>& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (size_t i = 0; i < v.size(); ++i) a.Set(static_cast<uint32_t>(i), Napi::Number::New(env, std::isfinite(v[i]) ? v[i] : 0.0));
  return a;
}

Napi::Array nullableArray(Napi::Env env, const std::vector<std::optional<double>>& v) {
  Napi::Array a = Napi::Array::New(env, v.size());
  for (size_t i = 0; i < v.size(); ++i) a.Set(static_cast<uint32_t>(i), nullable(env, v[i]));
  return a;
}

Napi::Object addResultObject(Napi::Env env, const shub::AddResult& r) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("nonFiniteSamples", Napi::Number::New(env, static_cast<double>(r.nonFiniteSamples)));
  o.Set("firstNonFiniteFrame", Napi::Number::New(env, static_cast<double>(r.firstNonFiniteFrame)));
  return o;
}

Napi::Object reportObject(Napi::Env env, const LevelMeterReport& r) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("frames", Napi::Number::New(env, static_cast<double>(r.frames)));
  o.Set("integratedLufs", nullable(env, r.integratedLufs));
  o.Set("loudnessRangeLu", nullable(env, r.loudnessRangeLu));
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
  if (r.dynamicRangeDr) o.Set("dynamicRangeDr", Napi::Number::New(env, *r.dynamicRangeDr));
  else o.Set("dynamicRangeDr", env.Null());
  if (r.hasCurves) {
    Napi::Object c = Napi::Object::New(env);
    c.Set("hopSeconds", Napi::Number::New(env, r.hopSeconds));
    c.Set("momentaryStartSeconds", Napi::Number::New(env, r.momentaryStartSeconds));
    c.Set("momentaryLufs", nullableArray(env, r.momentaryLufs));
    c.Set("shortTermStartSeconds", Napi::Number::New(env, r.shortTermStartSeconds));
    c.Set("shortTermLufs", nullableArray(env, r.shortTermLufs));
    o.Set("curves", c);
  }
  return o;
}

// ---- LevelMeter wrapper ----------------------------------------------------------------

class LevelMeterWrap : public Napi::ObjectWrap<LevelMeterWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "LevelMeter",
                       {InstanceMethod<&LevelMeterWrap::AddPcm>("addPcm"),
                        InstanceMethod<&LevelMeterWrap::AddFloat>("addFloat"),
                        InstanceMethod<&LevelMeterWrap::Result>("result")});
  }

  explicit LevelMeterWrap(const Napi::CallbackInfo& info);

  static constexpr const char* kName = "LevelMeter";
  static constexpr const char* kResourceName = "shub.LevelMeter.addPcm";
  shub::AddResult process(const uint8_t* data, shub::PcmFormat format, size_t frames) {
    return meter_->add(data, format, frames);
  }
  void setBusy(bool b) { busy_ = b; }

 private:
  Napi::Value AddPcm(const Napi::CallbackInfo& info);
  Napi::Value AddFloat(const Napi::CallbackInfo& info);
  Napi::Value Result(const Napi::CallbackInfo& info);
  void checkIdle(Napi::Env env, const char* method) const {
    if (busy_)
      throw Napi::Error::New(env, std::string("LevelMeter.") + method +
                                      ": an addPcm call is still in flight on this meter; await it first");
  }

  std::unique_ptr<LevelMeter> meter_;
  bool busy_ = false;
};

LevelMeterWrap::LevelMeterWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<LevelMeterWrap>(info) {
  Napi::Env env = info.Env();
  const std::string where = "LevelMeter";
  if (!info.IsConstructCall()) throwType(env, "LevelMeter: class constructor must be called with new");
  if (info.Length() < 1 || !info[0].IsObject() || info[0].IsArray())
    throwType(env, "LevelMeter: options must be an object, got " + (info.Length() ? describe(info[0]) : std::string("nothing")));
  Napi::Object o = info[0].As<Napi::Object>();
  LevelMeterOptions opt;
  opt.sampleRate = static_cast<int>(integerArg(env, o.Get("sampleRate"), where, "sampleRate", 8000, 384000, " Hz"));
  opt.channels = static_cast<int>(integerArg(env, o.Get("channels"), where, "channels", 1, 8, ""));

  Napi::Value w = o.Get("channelWeights");
  if (!w.IsArray()) throwType(env, "LevelMeter: channelWeights must be an array of numbers, got " + describe(w));
  Napi::Array wa = w.As<Napi::Array>();
  if (wa.Length() != static_cast<uint32_t>(opt.channels))
    throwRange(env, "LevelMeter: channelWeights must have one entry per channel (" + std::to_string(opt.channels) +
                        "), got " + std::to_string(wa.Length()));
  for (uint32_t i = 0; i < wa.Length(); ++i) {
    Napi::Value e = wa.Get(i);
    const std::string name = "channelWeights[" + std::to_string(i) + "]";
    if (!e.IsNumber()) throwType(env, "LevelMeter: " + name + " must be a number, got " + describe(e));
    const double d = e.As<Napi::Number>().DoubleValue();
    if (!std::isfinite(d) || d < 0) throwRange(env, "LevelMeter: " + name + " must be a finite number >= 0, got " + describe(e));
    opt.channelWeights.push_back(d);
  }

  Napi::Value curves = o.Get("curves");
  if (!curves.IsUndefined()) {
    if (!curves.IsBoolean()) throwType(env, "LevelMeter: curves must be a boolean, got " + describe(curves));
    opt.curves = curves.As<Napi::Boolean>().Value();
  }
  Napi::Value clip = o.Get("clipThresholdLinear");
  if (!clip.IsUndefined()) {
    if (!clip.IsNumber()) throwType(env, "LevelMeter: clipThresholdLinear must be a number, got " + describe(clip));
    const double d = clip.As<Napi::Number>().DoubleValue();
    if (!(d > 0 && d <= 2)) throwRange(env, "LevelMeter: clipThresholdLinear must be in (0, 2], got " + describe(clip));
    opt.clipThresholdLinear = d;
  }
  Napi::Value sil = o.Get("silenceThresholdDbfs");
  if (!sil.IsUndefined()) {
    if (!sil.IsNumber()) throwType(env, "LevelMeter: silenceThresholdDbfs must be a number, got " + describe(sil));
    const double d = sil.As<Napi::Number>().DoubleValue();
    if (!(d >= -200 && d <= 0)) throwRange(env, "LevelMeter: silenceThresholdDbfs must be in [-200, 0] dBFS, got " + describe(sil));
    opt.silenceThresholdDbfs = d;
  }
  try {
    meter_ = std::make_unique<LevelMeter>(opt);
  } catch (const std::invalid_argument& e) {
    throwRange(env, std::string("LevelMeter: ") + e.what());
  }
}

/** Runs Wrap::process(data, format, frames) on the libuv pool; Wrap::kName names it in errors. */
template <class Wrap>
class AddPcmWorker : public Napi::AsyncWorker {
 public:
  AddPcmWorker(Napi::Env env, Wrap* wrap, Napi::Object self, Napi::Value pcm, const uint8_t* data,
               shub::PcmFormat format, size_t frames)
      : Napi::AsyncWorker(env, Wrap::kResourceName),
        deferred_(Napi::Promise::Deferred::New(env)),
        wrap_(wrap),
        data_(data),
        format_(format),
        frames_(frames) {
    self_ = Napi::Persistent(self);
    pcm_ = Napi::Persistent(pcm);
  }

  Napi::Promise promise() const { return deferred_.Promise(); }

  void Execute() override {
    try {
      result_ = wrap_->process(data_, format_, frames_);
    } catch (const std::exception& e) {
      SetError(std::string(Wrap::kName) + ".addPcm: " + e.what());
    }
  }

  void OnOK() override {
    wrap_->setBusy(false);
    deferred_.Resolve(addResultObject(Env(), result_));
  }

  void OnError(const Napi::Error& e) override {
    wrap_->setBusy(false);
    deferred_.Reject(e.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  Wrap* wrap_;
  Napi::ObjectReference self_;      // keeps the meter alive while the work runs
  Napi::Reference<Napi::Value> pcm_;  // keeps the PCM buffer alive while the work runs
  const uint8_t* data_;
  shub::PcmFormat format_;
  size_t frames_;
  shub::AddResult result_;
};

Napi::Value LevelMeterWrap::AddPcm(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Promise::Deferred failed = Napi::Promise::Deferred::New(env);
  try {
    if (busy_)
      throw Napi::Error::New(env, "LevelMeter.addPcm: another addPcm call is still in flight on this meter; await it first");
    const std::string where = "LevelMeter.addPcm";
    Napi::Value pcm = info[0];
    if (!pcm.IsTypedArray()) throwType(env, where + ": pcm must be a Uint8Array (or Buffer), got " + describe(pcm));
    Napi::TypedArray ta = pcm.As<Napi::TypedArray>();
    Napi::Value fmtValue = info[1];
    if (!fmtValue.IsString()) throwType(env, where + ": format must be a string, got " + describe(fmtValue));
    const std::string fmtName = fmtValue.As<Napi::String>().Utf8Value();
    shub::PcmFormat format;
    if (!shub::parsePcmFormat(fmtName.c_str(), format))
      throwRange(env, where + ": format must be one of " + shub::pcmFormatNames() + ", got '" + fmtName + "'");
    const double frames = integerArg(env, info[2], where, "frames", 0, 9007199254740991.0, "");
    const uint64_t need = static_cast<uint64_t>(frames) * static_cast<uint64_t>(meter_->options().channels) *
                          shub::pcmBytesPerSample(format);
    const size_t have = ta.ByteLength();
    if (need > have) {
      throwRange(env, where + ": pcm holds " + std::to_string(have) + " bytes but frames (" +
                          std::to_string(static_cast<uint64_t>(frames)) + ") x channels (" +
                          std::to_string(meter_->options().channels) + ") x " +
                          std::to_string(shub::pcmBytesPerSample(format)) + " bytes (" + fmtName + ") needs " +
                          std::to_string(need));
    }
    const uint8_t* data = nullptr;
    if (need > 0) data = static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
    auto* worker = new AddPcmWorker<LevelMeterWrap>(env, this, info.This().As<Napi::Object>(), pcm, data, format,
                                    static_cast<size_t>(frames));
    Napi::Promise p = worker->promise();
    busy_ = true;
    worker->Queue();
    return p;
  } catch (const Napi::Error& e) {
    failed.Reject(e.Value());
    return failed.Promise();
  }
}

Napi::Value LevelMeterWrap::AddFloat(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  checkIdle(env, "addFloat");
  Napi::Value v = info[0];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
    throwType(env, "LevelMeter.addFloat: interleaved must be a Float32Array, got " + describe(v));
  Napi::Float32Array a = v.As<Napi::Float32Array>();
  const size_t nc = static_cast<size_t>(meter_->options().channels);
  if (a.ElementLength() % nc != 0)
    throwRange(env, "LevelMeter.addFloat: interleaved length (" + std::to_string(a.ElementLength()) +
                        ") must be a multiple of channels (" + std::to_string(nc) + ")");
  const size_t frames = a.ElementLength() / nc;
  const shub::AddResult r = frames ? meter_->addFloat(a.Data(), frames) : shub::AddResult{};
  return addResultObject(env, r);
}

Napi::Value LevelMeterWrap::Result(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  checkIdle(env, "result");
  return reportObject(env, meter_->result());
}

// ---- FeatureExtractor wrapper ------------------------------------------------------------

/** A Float32Array over the vector's own memory (no copy): the vector is freed with the buffer. */
Napi::Float32Array f32Array(Napi::Env env, std::vector<float>&& v) {
  if (v.empty()) return Napi::Float32Array::New(env, 0);
  auto* owned = new std::vector<float>(std::move(v));
  Napi::ArrayBuffer buf = Napi::ArrayBuffer::New(env, owned->data(), owned->size() * sizeof(float),
                                                 [](Napi::Env, void*, std::vector<float>* p) { delete p; }, owned);
  return Napi::Float32Array::New(env, owned->size(), buf, 0);
}

Napi::Float64Array f64Array(Napi::Env env, const std::vector<double>& v) {
  Napi::Float64Array a = Napi::Float64Array::New(env, v.size());
  if (!v.empty()) std::memcpy(a.Data(), v.data(), v.size() * sizeof(double));
  return a;
}

class FeatureExtractorWrap : public Napi::ObjectWrap<FeatureExtractorWrap> {
 public:
  static constexpr const char* kName = "FeatureExtractor";
  static constexpr const char* kResourceName = "shub.FeatureExtractor.addPcm";

  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "FeatureExtractor",
                       {InstanceMethod<&FeatureExtractorWrap::AddPcm>("addPcm"),
                        InstanceMethod<&FeatureExtractorWrap::AddFloat>("addFloat"),
                        InstanceMethod<&FeatureExtractorWrap::Finish>("finish")});
  }

  explicit FeatureExtractorWrap(const Napi::CallbackInfo& info);

  shub::AddResult process(const uint8_t* data, shub::PcmFormat format, size_t frames) {
    return fx_->add(data, format, frames);
  }
  void setBusy(bool b) { busy_ = b; }

 private:
  Napi::Value AddPcm(const Napi::CallbackInfo& info);
  Napi::Value AddFloat(const Napi::CallbackInfo& info);
  Napi::Value Finish(const Napi::CallbackInfo& info);
  void checkIdle(Napi::Env env, const char* method) const {
    if (busy_)
      throw Napi::Error::New(env, std::string("FeatureExtractor.") + method +
                                      ": an addPcm call is still in flight on this extractor; await it first");
    if (finished_)
      throw Napi::Error::New(env, std::string("FeatureExtractor.") + method + ": finish() was already called; create a new extractor");
  }

  std::unique_ptr<shub::FeatureExtractor> fx_;
  bool busy_ = false;
  bool finished_ = false;
};

FeatureExtractorWrap::FeatureExtractorWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<FeatureExtractorWrap>(info) {
  Napi::Env env = info.Env();
  const std::string where = "FeatureExtractor";
  if (!info.IsConstructCall()) throwType(env, "FeatureExtractor: class constructor must be called with new");
  if (info.Length() < 1 || !info[0].IsObject() || info[0].IsArray())
    throwType(env, "FeatureExtractor: options must be an object, got " + (info.Length() ? describe(info[0]) : std::string("nothing")));
  Napi::Object o = info[0].As<Napi::Object>();
  shub::FeatureOptions opt;
  opt.sampleRate = static_cast<int>(integerArg(env, o.Get("sampleRate"), where, "sampleRate", 8000, 384000, " Hz"));
  opt.channels = static_cast<int>(integerArg(env, o.Get("channels"), where, "channels", 1, 8, ""));
  opt.windowSamples = static_cast<int>(integerArg(env, o.Get("windowSamples"), where, "windowSamples", 64, 65536, " samples"));
  opt.hopSamples = static_cast<int>(integerArg(env, o.Get("hopSamples"), where, "hopSamples", 1, 65536, " samples"));
  auto flag = [&](const char* name, bool& out) {
    Napi::Value v = o.Get(name);
    if (v.IsUndefined()) return;
    if (!v.IsBoolean()) throwType(env, where + ": " + name + " must be a boolean, got " + describe(v));
    out = v.As<Napi::Boolean>().Value();
  };
  flag("spectrum", opt.spectrum);
  flag("pitch", opt.pitch);
  auto number = [&](const char* name, double& out) {
    Napi::Value v = o.Get(name);
    if (v.IsUndefined()) return;
    if (!v.IsNumber() || !std::isfinite(v.As<Napi::Number>().DoubleValue()))
      throwType(env, where + ": " + name + " must be a finite number, got " + describe(v));
    out = v.As<Napi::Number>().DoubleValue();
  };
  auto integer = [&](const char* name, int& out, double lo, double hi) {
    Napi::Value v = o.Get(name);
    if (v.IsUndefined()) return;
    out = static_cast<int>(integerArg(env, v, where, name, lo, hi, ""));
  };
  integer("melBands", opt.melBands, 1, 1024);
  integer("mfccCoefficients", opt.mfccCoefficients, 1, 1024);
  integer("chromaHarmonics", opt.chromaHarmonics, 1, 64);
  integer("tickSamples", opt.tickSamples, 1, 1 << 20);
  number("melMinHz", opt.melMinHz);
  number("melMaxHz", opt.melMaxHz);
  number("rolloffFraction", opt.rolloffFraction);
  number("chromaMinHz", opt.chromaMinHz);
  number("chromaMaxHz", opt.chromaMaxHz);
  number("activeFloorDbfs", opt.activeFloorDbfs);
  number("pitchMinHz", opt.pitchMinHz);
  number("pitchMaxHz", opt.pitchMaxHz);
  number("yinThreshold", opt.yinThreshold);
  number("pitchFloorDbfs", opt.pitchFloorDbfs);
  const std::string err = shub::validateFeatureOptions(opt);
  if (!err.empty()) throwRange(env, "FeatureExtractor: " + err);
  fx_ = std::make_unique<shub::FeatureExtractor>(opt);
}

Napi::Value FeatureExtractorWrap::AddPcm(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Promise::Deferred failed = Napi::Promise::Deferred::New(env);
  try {
    checkIdle(env, "addPcm");
    const std::string where = "FeatureExtractor.addPcm";
    Napi::Value pcm = info[0];
    if (!pcm.IsTypedArray()) throwType(env, where + ": pcm must be a Uint8Array (or Buffer), got " + describe(pcm));
    Napi::TypedArray ta = pcm.As<Napi::TypedArray>();
    Napi::Value fmtValue = info[1];
    if (!fmtValue.IsString()) throwType(env, where + ": format must be a string, got " + describe(fmtValue));
    const std::string fmtName = fmtValue.As<Napi::String>().Utf8Value();
    shub::PcmFormat format;
    if (!shub::parsePcmFormat(fmtName.c_str(), format))
      throwRange(env, where + ": format must be one of " + shub::pcmFormatNames() + ", got '" + fmtName + "'");
    const double frames = integerArg(env, info[2], where, "frames", 0, 9007199254740991.0, "");
    const uint64_t need = static_cast<uint64_t>(frames) * static_cast<uint64_t>(fx_->options().channels) *
                          shub::pcmBytesPerSample(format);
    if (need > ta.ByteLength())
      throwRange(env, where + ": pcm holds " + std::to_string(ta.ByteLength()) + " bytes but " +
                          std::to_string(static_cast<uint64_t>(frames)) + " frames of " + fmtName + " need " +
                          std::to_string(need));
    const uint8_t* data = nullptr;
    if (need > 0) data = static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
    auto* worker = new AddPcmWorker<FeatureExtractorWrap>(env, this, info.This().As<Napi::Object>(), pcm, data, format,
                                                          static_cast<size_t>(frames));
    Napi::Promise p = worker->promise();
    busy_ = true;
    worker->Queue();
    return p;
  } catch (const Napi::Error& e) {
    failed.Reject(e.Value());
    return failed.Promise();
  }
}

Napi::Value FeatureExtractorWrap::AddFloat(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  checkIdle(env, "addFloat");
  Napi::Value v = info[0];
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
    throwType(env, "FeatureExtractor.addFloat: interleaved must be a Float32Array, got " + describe(v));
  Napi::Float32Array a = v.As<Napi::Float32Array>();
  const size_t nc = static_cast<size_t>(fx_->options().channels);
  if (a.ElementLength() % nc != 0)
    throwRange(env, "FeatureExtractor.addFloat: interleaved length (" + std::to_string(a.ElementLength()) +
                        ") must be a multiple of channels (" + std::to_string(nc) + ")");
  const size_t frames = a.ElementLength() / nc;
  const shub::AddResult r = frames ? fx_->addFloat(a.Data(), frames) : shub::AddResult{};
  return addResultObject(env, r);
}

Napi::Value FeatureExtractorWrap::Finish(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  checkIdle(env, "finish");
  finished_ = true;
  shub::FeatureReport r = fx_->takeReport();
  Napi::Object o = Napi::Object::New(env);
  auto n = [&](const char* k, double v) { o.Set(k, Napi::Number::New(env, v)); };
  n("frames", static_cast<double>(r.frames));
  n("stftFrames", static_cast<double>(r.stftFrames));
  n("activeFrames", static_cast<double>(r.activeFrames));
  n("binHz", r.binHz);
  n("hopSeconds", r.hopSeconds);
  o.Set("centroidHz", nullable(env, r.centroidHz));
  o.Set("rolloffHz", nullable(env, r.rolloffHz));
  o.Set("flatness", nullable(env, r.flatness));
  o.Set("flux", nullable(env, r.flux));
  o.Set("bandwidthHz", nullable(env, r.bandwidthHz));
  n("zeroCrossingRate", r.zeroCrossingRate);
  o.Set("mfcc", numberArray(env, r.mfcc));
  o.Set("contrastDb", nullableArray(env, r.contrastDb));
  o.Set("contrastEdgesHz", numberArray(env, r.contrastEdgesHz));
  o.Set("meanPower", f64Array(env, r.meanPower));
  o.Set("pitchClass", f64Array(env, r.pitchClass));
  o.Set("bassPitchClass", f64Array(env, r.bassPitchClass));
  o.Set("odf", f32Array(env, std::move(r.odf)));
  o.Set("odfLow", f32Array(env, std::move(r.odfLow)));
  o.Set("frameDb", f32Array(env, std::move(r.frameDb)));
  o.Set("chroma", f32Array(env, std::move(r.chroma)));
  o.Set("fineEnergy", f32Array(env, std::move(r.fineEnergy)));
  n("tickSamples", r.tickSamples);
  n("pitchHopSeconds", r.pitchHopSeconds);
  n("pitchStartSeconds", r.pitchStartSeconds);
  o.Set("pitchHz", f32Array(env, std::move(r.pitchHz)));
  o.Set("pitchConfidence", f32Array(env, std::move(r.pitchConfidence)));
  return o;
}

// ---- free functions --------------------------------------------------------------------

double sampleRateArg(const Napi::CallbackInfo& info, const char* fn) {
  Napi::Env env = info.Env();
  Napi::Value v = info[0];
  if (!v.IsNumber()) throwType(env, std::string(fn) + ": sampleRate must be a number, got " + describe(v));
  const double d = v.As<Napi::Number>().DoubleValue();
  if (!(d >= 8000 && d <= 384000))
    throwRange(env, std::string(fn) + ": sampleRate must be in [8000, 384000] Hz, got " + describe(v));
  return d;
}

Napi::Array biquadArray(Napi::Env env, const double* c) {
  Napi::Array a = Napi::Array::New(env, 3);
  for (uint32_t i = 0; i < 3; ++i) a.Set(i, Napi::Number::New(env, c[i]));
  return a;
}

Napi::Object biquadObject(Napi::Env env, const shub::Biquad& q) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("b", biquadArray(env, q.b));
  o.Set("a", biquadArray(env, q.a));
  return o;
}

Napi::Value KWeightingCoefficients(const Napi::CallbackInfo& info) {
  const double fs = sampleRateArg(info, "kWeightingCoefficients");
  const shub::KWeightingCoefficients k = shub::kWeightingCoefficients(fs);
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("shelf", biquadObject(info.Env(), k.shelf));
  o.Set("highpass", biquadObject(info.Env(), k.highpass));
  return o;
}

Napi::Value TruePeakOversampling(const Napi::CallbackInfo& info) {
  const double fs = sampleRateArg(info, "truePeakOversampling");
  return Napi::Number::New(info.Env(), shub::truePeakOversampling(static_cast<int>(std::floor(fs))));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("LevelMeter", LevelMeterWrap::Init(env));
  exports.Set("FeatureExtractor", FeatureExtractorWrap::Init(env));
  exports.Set("kWeightingCoefficients", Napi::Function::New<KWeightingCoefficients>(env, "kWeightingCoefficients"));
  exports.Set("truePeakOversampling", Napi::Function::New<TruePeakOversampling>(env, "truePeakOversampling"));
  return exports;
}

}  // namespace

NODE_API_MODULE(shub_native, Init)
