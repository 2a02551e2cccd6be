// N-API bindings of the shub native DSP core. All DSP lives in plain C++ classes; this file
// only validates JavaScript input, converts values and runs addPcm on the libuv thread pool.
#include <napi.h>
#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "featureextractor.h"
#include "isa.h"
#include "napi_util.h"
#include "kweighting.h"
#include "levelmeter.h"
#include "pcm.h"
#include "truepeak.h"

namespace {

using namespace shub::napi;
using shub::LevelMeter;
using shub::LevelMeterOptions;
using shub::LevelMeterReport;

// ---- LevelMeter wrapper ----------------------------------------------------------------

class LevelMeterWrap : public Napi::ObjectWrap<LevelMeterWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(
        env, "LevelMeter",
        {InstanceMethod<&LevelMeterWrap::AddPcm>("addPcm"), InstanceMethod<&LevelMeterWrap::AddFloat>("addFloat"),
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
    throwType(env, "LevelMeter: options must be an object, got " +
                       (info.Length() ? describe(info[0]) : std::string("nothing")));
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
    if (!std::isfinite(d) || d < 0)
      throwRange(env, "LevelMeter: " + name + " must be a finite number >= 0, got " + describe(e));
    opt.channelWeights.push_back(d);
  }

  Napi::Value curves = o.Get("curves");
  if (!curves.IsUndefined()) {
    if (!curves.IsBoolean()) throwType(env, "LevelMeter: curves must be a boolean, got " + describe(curves));
    opt.curves = curves.As<Napi::Boolean>().Value();
  }
  Napi::Value window = o.Get("peakWindowFrames");
  if (!window.IsUndefined())
    opt.peakWindowFrames =
        static_cast<uint64_t>(integerArg(env, window, where, "peakWindowFrames", 0, 384000.0 * 3600, " frames"));
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
    if (!(d >= -200 && d <= 0))
      throwRange(env, "LevelMeter: silenceThresholdDbfs must be in [-200, 0] dBFS, got " + describe(sil));
    opt.silenceThresholdDbfs = d;
  }
  try {
    meter_ = std::make_unique<LevelMeter>(opt);
  } catch (const std::invalid_argument& e) {
    throwRange(env, std::string("LevelMeter: ") + e.what());
  }
}

Napi::Value LevelMeterWrap::AddPcm(const Napi::CallbackInfo& info) {
  return queueAddPcm(info, this, meter_->options().channels,
                     "LevelMeter.addPcm: another addPcm call is still in flight on this meter; await it first", busy_);
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

class FeatureExtractorWrap : public Napi::ObjectWrap<FeatureExtractorWrap> {
 public:
  static constexpr const char* kName = "FeatureExtractor";
  static constexpr const char* kResourceName = "shub.FeatureExtractor.addPcm";

  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "FeatureExtractor",
                       {InstanceMethod<&FeatureExtractorWrap::AddPcm>("addPcm"),
                        InstanceMethod<&FeatureExtractorWrap::AddFloat>("addFloat"),
                        InstanceMethod<&FeatureExtractorWrap::Finish>("finish"),
                        InstanceMethod<&FeatureExtractorWrap::FinishAsync>("finishAsync"),
                        InstanceMethod<&FeatureExtractorWrap::ExportMono>("exportMono"),
                        InstanceMethod<&FeatureExtractorWrap::AddMono>("addMono")});
  }

  explicit FeatureExtractorWrap(const Napi::CallbackInfo& info);

  shub::AddResult process(const uint8_t* data, shub::PcmFormat format, size_t frames) {
    if (monoOut_ && frames > monoCapacity_)
      throw std::length_error("the exportMono buffer holds " + std::to_string(monoCapacity_) + " samples, the block " +
                              std::to_string(frames) + " frames");
    return fx_->add(data, format, frames, monoOut_);
  }
  void processMono(const float* mono, size_t frames) { fx_->addMono(mono, frames); }
  void setBusy(bool b) { busy_ = b; }

 private:
  Napi::Value AddPcm(const Napi::CallbackInfo& info);
  Napi::Value AddFloat(const Napi::CallbackInfo& info);
  Napi::Value Finish(const Napi::CallbackInfo& info);
  Napi::Value FinishAsync(const Napi::CallbackInfo& info);
  Napi::Value ExportMono(const Napi::CallbackInfo& info);
  Napi::Value AddMono(const Napi::CallbackInfo& info);
  void checkIdle(Napi::Env env, const char* method) const {
    if (busy_)
      throw Napi::Error::New(env, std::string("FeatureExtractor.") + method +
                                      ": an addPcm call is still in flight on this extractor; await it first");
    if (finished_)
      throw Napi::Error::New(
          env, std::string("FeatureExtractor.") + method + ": finish() was already called; create a new extractor");
  }

  std::unique_ptr<shub::FeatureExtractor> fx_;
  bool busy_ = false;
  bool finished_ = false;
  // exportMono: where the next addPcm calls write the mono mix (kept alive by monoRef_)
  float* monoOut_ = nullptr;
  size_t monoCapacity_ = 0;
  Napi::Reference<Napi::Value> monoRef_;
};

FeatureExtractorWrap::FeatureExtractorWrap(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<FeatureExtractorWrap>(info) {
  Napi::Env env = info.Env();
  const std::string where = "FeatureExtractor";
  if (!info.IsConstructCall()) throwType(env, "FeatureExtractor: class constructor must be called with new");
  if (info.Length() < 1 || !info[0].IsObject() || info[0].IsArray())
    throwType(env, "FeatureExtractor: options must be an object, got " +
                       (info.Length() ? describe(info[0]) : std::string("nothing")));
  Napi::Object o = info[0].As<Napi::Object>();
  shub::FeatureOptions opt;
  opt.sampleRate = static_cast<int>(integerArg(env, o.Get("sampleRate"), where, "sampleRate", 8000, 384000, " Hz"));
  opt.channels = static_cast<int>(integerArg(env, o.Get("channels"), where, "channels", 1, 8, ""));
  opt.windowSamples =
      static_cast<int>(integerArg(env, o.Get("windowSamples"), where, "windowSamples", 64, 65536, " samples"));
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
  integer("pitchClassBlockFrames", opt.pitchClassBlockFrames, 0, 1 << 20);
  integer("tickSamples", opt.tickSamples, 1, 1 << 20);
  flag("fineEnvelope", opt.fineEnvelope);
  integer("pitchMinRateHz", opt.pitchMinRateHz, 4000, 384000);
  if (Napi::Value v = o.Get("expectedFrames"); !v.IsUndefined())
    opt.expectedFrames =
        static_cast<uint64_t>(integerArg(env, v, where, "expectedFrames", 0, 9007199254740991.0, " frames"));
  number("melMinHz", opt.melMinHz);
  number("melMaxHz", opt.melMaxHz);
  number("rolloffFraction", opt.rolloffFraction);
  number("chromaMinHz", opt.chromaMinHz);
  number("chromaMaxHz", opt.chromaMaxHz);
  number("tuningGateMaxHz", opt.tuningGateMaxHz);
  number("activeFloorDbfs", opt.activeFloorDbfs);
  number("pitchMinHz", opt.pitchMinHz);
  number("pitchMaxHz", opt.pitchMaxHz);
  number("pitchTransitionSemitonesPerSecond", opt.pitchTransitionSemitonesPerSecond);
  integer("pyinThresholds", opt.pyin.thresholds, 2, 1000);
  number("pyinBetaMean", opt.pyin.betaMean);
  number("pyinBetaAlpha", opt.pyin.betaAlpha);
  number("pyinAbsoluteMinWeight", opt.pyin.absoluteMinWeight);
  number("pyinYinTrust", opt.pyin.yinTrust);
  integer("pyinBinsPerSemitone", opt.pyin.binsPerSemitone, 1, 20);
  number("pyinSwitchProbability", opt.pyin.switchProbability);
  number("pyinJumpProbability", opt.pyin.jumpProbability);
  integer("pyinCheckpointFrames", opt.pyin.checkpointFrames, 16, 1 << 20);
  number("pitchFloorDbfs", opt.pitchFloorDbfs);
  flag("onsetFlux", opt.onsetFlux);
  integer("onsetWindowSamples", opt.onsetWindowSamples, 64, 65536);
  integer("onsetHopSamples", opt.onsetHopSamples, 1, 65536);
  number("onsetBandsPerOctave", opt.onsetBandsPerOctave);
  number("onsetMinHz", opt.onsetMinHz);
  number("onsetMaxHz", opt.onsetMaxHz);
  number("onsetFloorDb", opt.onsetFloorDb);
  number("onsetRelativeFloorDb", opt.onsetRelativeFloorDb);
  integer("onsetFloorAheadFrames", opt.onsetFloorAheadFrames, 0, 100000);
  integer("onsetLagFrames", opt.onsetLagFrames, 1, 64);
  integer("onsetMaxFilterBands", opt.onsetMaxFilterBands, 0, 16);
  number("onsetNoveltyMinHz", opt.onsetNoveltyMinHz);
  integer("onsetNoveltySlopeFrames", opt.onsetNoveltySlopeFrames, 1, 64);
  number("onsetNoveltyMaxFallDb", opt.onsetNoveltyMaxFallDb);
  flag("onsetBandNovelty", opt.onsetBandNovelty);
  number("onsetEnergyBandsPerOctave", opt.onsetEnergyBandsPerOctave);
  {
    Napi::Value v = o.Get("onsetGroupEdgesHz");
    if (!v.IsUndefined()) {
      if (!v.IsArray()) throwType(env, where + ": onsetGroupEdgesHz must be an array of numbers, got " + describe(v));
      Napi::Array a = v.As<Napi::Array>();
      opt.onsetGroupEdgesHz.clear();
      for (uint32_t i = 0; i < a.Length(); ++i) {
        Napi::Value e = a.Get(i);
        if (!e.IsNumber() || !std::isfinite(e.As<Napi::Number>().DoubleValue()))
          throwType(env, where + ": onsetGroupEdgesHz[" + std::to_string(i) + "] must be a finite number, got " +
                             describe(e));
        opt.onsetGroupEdgesHz.push_back(e.As<Napi::Number>().DoubleValue());
      }
    }
  }
  const std::string err = shub::validateFeatureOptions(opt);
  if (!err.empty()) throwRange(env, "FeatureExtractor: " + err);
  fx_ = std::make_unique<shub::FeatureExtractor>(opt);
}

Napi::Value FeatureExtractorWrap::AddPcm(const Napi::CallbackInfo& info) {
  return queueAddPcm(
      info, this, fx_->options().channels,
      finished_ ? "FeatureExtractor.addPcm: finish() was already called; create a new extractor"
                : "FeatureExtractor.addPcm: an addPcm call is still in flight on this extractor; await it first",
      busy_ || finished_);
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

/** exportMono(buffer | null): the next addPcm calls also write the block's mono mix to the start of `buffer`. */
Napi::Value FeatureExtractorWrap::ExportMono(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  checkIdle(env, "exportMono");
  Napi::Value v = info[0];
  if (v.IsNull() || v.IsUndefined()) {
    monoOut_ = nullptr;
    monoCapacity_ = 0;
    monoRef_.Reset();
    return env.Undefined();
  }
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
    throwType(env, "FeatureExtractor.exportMono: buffer must be a Float32Array or null, got " + describe(v));
  Napi::Float32Array a = v.As<Napi::Float32Array>();
  monoOut_ = a.Data();
  monoCapacity_ = a.ElementLength();
  monoRef_ = Napi::Persistent(v);
  return env.Undefined();
}

/** addMono(mono, frames) on the libuv pool: a mono mix another extractor's addPcm exported (exportMono). */
Napi::Value FeatureExtractorWrap::AddMono(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return promiseOf(env, [&]() -> Napi::Value {
    checkIdle(env, "addMono");
    Napi::Value v = info[0];
    if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
      throwType(env, "FeatureExtractor.addMono: mono must be a Float32Array, got " + describe(v));
    Napi::Float32Array a = v.As<Napi::Float32Array>();
    const double frames = integerArg(env, info[1], "FeatureExtractor.addMono", "frames", 0,
                                     static_cast<double>(a.ElementLength()), " samples (the array's length at most)");
    const float* data = a.Data();
    const size_t n = static_cast<size_t>(frames);
    auto* worker = new PromiseWorker<shub::AddResult>(
        env, "shub.FeatureExtractor.addMono", "FeatureExtractor.addMono", {info.This(), v},
        [this, data, n] {
          processMono(data, n);
          return shub::AddResult{};
        },
        addResultObject, [this] { setBusy(false); });
    busy_ = true;
    return worker->queue();
  });
}

/** A FeatureReport as the JS object src/native.ts describes (FeatureReport); the series are moved, not copied. */
Napi::Object featureReportObject(Napi::Env env, shub::FeatureReport&& r) {
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
  o.Set("gatePitchClass", f64Array(env, r.gatePitchClass));
  o.Set("pitchClassBlocks", f32Array(env, std::move(r.pitchClassBlocks)));
  o.Set("bassPitchClassBlocks", f32Array(env, std::move(r.bassPitchClassBlocks)));
  o.Set("odf", f32Array(env, std::move(r.odf)));
  o.Set("odfLow", f32Array(env, std::move(r.odfLow)));
  o.Set("frameDb", f32Array(env, std::move(r.frameDb)));
  o.Set("chroma", f32Array(env, std::move(r.chroma)));
  o.Set("fineEnergy", f32Array(env, std::move(r.fineEnergy)));
  n("tickSamples", r.tickSamples);
  o.Set("onsetFlux", f32Array(env, std::move(r.onsetFlux)));
  n("onsetFluxGroups", r.onsetFluxGroups);
  o.Set("onsetBandNovelty", f32Array(env, std::move(r.onsetBandNovelty)));
  n("onsetBandNoveltyBands", r.onsetBandNoveltyBands);
  o.Set("onsetBandEnergy", f32Array(env, std::move(r.onsetBandEnergy)));
  n("onsetBandEnergyBands", r.onsetBandEnergyBands);
  o.Set("onsetNoveltyCoherence", f32Array(env, std::move(r.onsetNoveltyCoherence)));
  n("onsetHopSeconds", r.onsetHopSeconds);
  n("pitchHopSeconds", r.pitchHopSeconds);
  n("pitchStartSeconds", r.pitchStartSeconds);
  o.Set("pitchHz", f32Array(env, std::move(r.pitchHz)));
  o.Set("pitchConfidence", f32Array(env, std::move(r.pitchConfidence)));
  return o;
}

Napi::Value FeatureExtractorWrap::Finish(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  checkIdle(env, "finish");
  finished_ = true;
  return featureReportObject(env, fx_->takeReport());
}

/** finish() on the libuv pool: the last frames and the pitch HMM's Viterbi decoding run off the main thread. */
Napi::Value FeatureExtractorWrap::FinishAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return promiseOf(env, [&]() -> Napi::Value {
    checkIdle(env, "finishAsync");
    finished_ = true;  // addPcm, finish and finishAsync are refused from now on
    shub::FeatureExtractor* fx = fx_.get();
    auto* worker = new PromiseWorker<shub::FeatureReport>(
        env, "shub.FeatureExtractor.finish", "FeatureExtractor.finishAsync", {info.This()},
        [fx] { return fx->takeReport(); }, featureReportObject);
    return worker->queue();
  });
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

Napi::Value NativeIsa(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), shub::isaName(shub::selectedIsa()));
}

/** realFft(x): RealFft's forward transform of x (length a power of two in [16, 65536]) and its inverse (tests). */
Napi::Value RealFftTransform(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsTypedArray() ||
      info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
    throw Napi::TypeError::New(env, "realFft: expected a Float32Array");
  const Napi::Float32Array x = info[0].As<Napi::Float32Array>();
  const size_t n = x.ElementLength();
  if (n < 16 || n > 65536 || (n & (n - 1)) != 0)
    throw Napi::RangeError::New(env, "realFft: the length must be a power of two in [16, 65536]");
  shub::RealFft fft(n);
  Napi::Float32Array re = Napi::Float32Array::New(env, n / 2 + 1), im = Napi::Float32Array::New(env, n / 2 + 1),
                     back = Napi::Float32Array::New(env, n);
  std::vector<float> in(x.Data(), x.Data() + n);
  fft.forward(in.data(), re.Data(), im.Data());
  fft.inverse(re.Data(), im.Data(), back.Data());
  Napi::Object out = Napi::Object::New(env);
  out.Set("re", re);
  out.Set("im", im);
  out.Set("back", back);
  return out;
}

/**
 * featureExtremeSums(x, q, way): the spectral contrast's [sum of the q smallest, sum of the q largest, 1 when the
 * selection gave them else 0] of x (a Float32Array) by one of the extractor's ways (0 the heaps value by value, 1 the
 * heaps passing over blocks, 2 the extractor's: the selection where it vouches for the heaps' bits), for tests.
 */
Napi::Value FeatureExtremeSums(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsTypedArray() ||
      info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array || !info[1].IsNumber() ||
      !info[2].IsNumber())
    throw Napi::TypeError::New(env, "featureExtremeSums: expected (Float32Array, q, way)");
  const Napi::Float32Array x = info[0].As<Napi::Float32Array>();
  const size_t n = x.ElementLength();
  const double q = info[1].As<Napi::Number>().DoubleValue();
  if (!(q >= 1 && q <= static_cast<double>(n) && q == std::floor(q)))
    throw Napi::RangeError::New(env, "featureExtremeSums: q must be an integer in [1, x.length]");
  const double way = info[2].As<Napi::Number>().DoubleValue();
  if (!(way == 0 || way == 1 || way == 2))
    throw Napi::RangeError::New(env, "featureExtremeSums: way must be 0, 1 or 2");
  double low = 0, high = 0;
  const bool selected = shub::featureExtremeSums(x.Data(), n, static_cast<size_t>(q), static_cast<int>(way), low, high);
  Napi::Array out = Napi::Array::New(env, 3);
  out.Set(0u, Napi::Number::New(env, low));
  out.Set(1u, Napi::Number::New(env, high));
  out.Set(2u, Napi::Number::New(env, selected ? 1 : 0));
  return out;
}

/**
 * featureBandSums(p, lo, w, inDouble): the extractor's filterbank sums Σ_j w[b][j]·p[lo[b] + j] (p a Float32Array,
 * lo the bands' first bins, w their Float32Array weights), in double or in float, four bands at a time (tests).
 */
Napi::Value FeatureBandSums(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 4 || !info[0].IsTypedArray() ||
      info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float32_array || !info[1].IsArray() ||
      !info[2].IsArray() || !info[3].IsBoolean())
    throw Napi::TypeError::New(env, "featureBandSums: expected (Float32Array, number[], Float32Array[], boolean)");
  const Napi::Float32Array p = info[0].As<Napi::Float32Array>();
  const Napi::Array loA = info[1].As<Napi::Array>(), wA = info[2].As<Napi::Array>();
  const size_t bands = loA.Length();
  if (wA.Length() != bands) throw Napi::RangeError::New(env, "featureBandSums: lo and w differ in length");
  std::vector<size_t> lo(bands), len(bands);
  std::vector<const float*> w(bands);
  std::vector<Napi::Float32Array> keep;
  for (size_t b = 0; b < bands; ++b) {
    const Napi::Value l = loA.Get(static_cast<uint32_t>(b)), wv = wA.Get(static_cast<uint32_t>(b));
    if (!l.IsNumber() || !wv.IsTypedArray() || wv.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
      throw Napi::TypeError::New(env, "featureBandSums: lo must hold numbers and w Float32Arrays");
    keep.push_back(wv.As<Napi::Float32Array>());
    const double lv = l.As<Napi::Number>().DoubleValue();
    len[b] = keep.back().ElementLength();
    if (!(lv >= 0 && lv == std::floor(lv) &&
          lv + static_cast<double>(len[b]) <= static_cast<double>(p.ElementLength())))
      throw Napi::RangeError::New(env, "featureBandSums: a band runs outside p");
    lo[b] = static_cast<size_t>(lv);
    w[b] = keep.back().Data();
  }
  Napi::Float64Array out = Napi::Float64Array::New(env, bands);
  shub::featureBandSums(p.Data(), lo.data(), w.data(), len.data(), bands, info[3].As<Napi::Boolean>().Value(),
                        out.Data());
  return out;
}

/**
 * exitNow(code): ends the process at once with `code` (`std::_Exit`, after C stdio's buffers are flushed): no
 * 'exit' event, no wait for V8's worker threads (a background compile or sweep still running), the libuv pool or
 * the libraries' exit handlers. For the launcher, once everything it waits for is written (src/native.ts exitNow).
 */
Napi::Value ExitNow(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsNumber()) throw Napi::TypeError::New(info.Env(), "exitNow: expected (code)");
  const int code = info[0].As<Napi::Number>().Int32Value();
  std::fflush(nullptr);
#ifndef _WIN32
  // libuv made the standard streams' pipes and sockets non-blocking, and the file description is shared with the
  // parent (a shell, GNU time, a CI runner); Node's own exit puts it back, _Exit does not, and the parent's next
  // writes to it then fail with EAGAIN (GNU time's report came out cut off). Put it back the same way.
  for (int fd = 0; fd <= 2; fd++) {
    struct stat st;
    const int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || !(flags & O_NONBLOCK) || fstat(fd, &st) != 0) continue;
    if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || S_ISCHR(st.st_mode)) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  }
#endif
  std::_Exit(code);
}

}  // namespace

// Defined by the other addon_*.cc files: each adds its classes and functions to the exports.
void InitMaster(Napi::Env env, Napi::Object exports);
void InitMix(Napi::Env env, Napi::Object exports);
void InitNam(Napi::Env env, Napi::Object exports);
void InitReamp(Napi::Env env, Napi::Object exports);
void InitAnalysis(Napi::Env env, Napi::Object exports);
void InitDrums(Napi::Env env, Napi::Object exports);
void InitPost(Napi::Env env, Napi::Object exports);
void InitPostCold(Napi::Env env, Napi::Object exports);
void InitFileHash(Napi::Env env, Napi::Object exports);

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("LevelMeter", LevelMeterWrap::Init(env));
  exports.Set("FeatureExtractor", FeatureExtractorWrap::Init(env));
  exports.Set("kWeightingCoefficients", Napi::Function::New<KWeightingCoefficients>(env, "kWeightingCoefficients"));
  exports.Set("truePeakOversampling", Napi::Function::New<TruePeakOversampling>(env, "truePeakOversampling"));
  // the kernels' instruction set, chosen now (an unknown SHUB_NATIVE_ISA warns at load)
  shub::selectedIsa();
  exports.Set("nativeIsa", Napi::Function::New<NativeIsa>(env, "nativeIsa"));
  exports.Set("realFft", Napi::Function::New<RealFftTransform>(env, "realFft"));
  exports.Set("featureExtremeSums", Napi::Function::New<FeatureExtremeSums>(env, "featureExtremeSums"));
  exports.Set("featureBandSums", Napi::Function::New<FeatureBandSums>(env, "featureBandSums"));
  exports.Set("exitNow", Napi::Function::New<ExitNow>(env, "exitNow"));
  InitMaster(env, exports);
  InitMix(env, exports);
  InitNam(env, exports);
  InitReamp(env, exports);
  InitAnalysis(env, exports);
  InitDrums(env, exports);
  InitPost(env, exports);
  InitPostCold(env, exports);
  InitFileHash(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(shub_native, Init)
