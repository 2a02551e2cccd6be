// N-API bindings of the Neural Amp Modeler runner (shub reamp, issue 14 point 1):
// `new NamModel(spec)` builds and prewarms the network (spec: the normalised .nam that
// src/engines/reamp/nam.ts makes, with the weights as a Float32Array), then
// `await process(Float32Array)` / `await flush()` run it on the libuv pool (AsyncWorker).
#include <napi.h>

#include <memory>
#include <string>
#include <vector>

#include "napi_util.h"
#include "nam/runner.h"

namespace {

using namespace shub::napi;
using shub::nam::ModelSpec;

int intField(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name, double lo, double hi) {
  return static_cast<int>(integerArg(env, o.Get(name), where, name, lo, hi, ""));
}

bool boolField(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name) {
  Napi::Value v = o.Get(name);
  if (!v.IsBoolean()) throwType(env, where + ": " + name + " must be a boolean, got " + describe(v));
  return v.As<Napi::Boolean>().Value();
}

Napi::Object objectAt(Napi::Env env, const Napi::Value& v, const std::string& where) {
  if (!v.IsObject() || v.IsArray()) throwType(env, where + " must be an object, got " + describe(v));
  return v.As<Napi::Object>();
}

Napi::Array arrayAt(Napi::Env env, const Napi::Value& v, const std::string& where) {
  if (!v.IsArray()) throwType(env, where + " must be an array, got " + describe(v));
  return v.As<Napi::Array>();
}

shub::nam::Activation activationArg(Napi::Env env, const Napi::Value& v, const std::string& where) {
  Napi::Object o = objectAt(env, v, where);
  Napi::Value name = o.Get("name");
  if (!name.IsString()) throwType(env, where + ".name must be a string, got " + describe(name));
  shub::nam::Activation a;
  const std::string n = name.As<Napi::String>().Utf8Value();
  if (!shub::nam::activationKind(n, a.kind)) throwRange(env, where + ": unknown activation '" + n + "'");
  a.negativeSlope = static_cast<float>(optionalNumber(env, o, where, "negativeSlope", 0.01, -1e6, 1e6));
  a.minVal = static_cast<float>(optionalNumber(env, o, where, "minVal", -1.0, -1e6, 1e6));
  a.maxVal = static_cast<float>(optionalNumber(env, o, where, "maxVal", 1.0, -1e6, 1e6));
  a.minSlope = static_cast<float>(optionalNumber(env, o, where, "minSlope", 0.01, -1e6, 1e6));
  a.maxSlope = static_cast<float>(optionalNumber(env, o, where, "maxSlope", 0.01, -1e6, 1e6));
  return a;
}

ModelSpec specArg(Napi::Env env, const Napi::Object& o) {
  const std::string w = "NamModel";
  ModelSpec s;
  Napi::Value arch = o.Get("architecture");
  if (!arch.IsString()) throwType(env, w + ": architecture must be a string, got " + describe(arch));
  s.architecture = arch.As<Napi::String>().Utf8Value();
  s.sampleRate = numberArg(env, o.Get("sampleRate"), w, "sampleRate", 1000, 1e6);
  s.fastTanh = boolField(env, o, w, "fastTanh");
  Napi::Value wv = o.Get("weights");
  if (!wv.IsTypedArray() || wv.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
    throwType(env, w + ": weights must be a Float32Array, got " + describe(wv));
  Napi::Float32Array wa = wv.As<Napi::Float32Array>();
  s.weights.assign(wa.Data(), wa.Data() + wa.ElementLength());
  const double big = 1 << 20;
  if (s.architecture == "WaveNet") {
    Napi::Array arrays = arrayAt(env, o.Get("arrays"), w + ".arrays");
    for (uint32_t i = 0; i < arrays.Length(); ++i) {
      const std::string wa2 = w + ".arrays[" + std::to_string(i) + "]";
      Napi::Object a = objectAt(env, arrays.Get(i), wa2);
      shub::nam::LayerArraySpec as;
      as.inputSize = intField(env, a, wa2, "inputSize", 1, big);
      as.conditionSize = intField(env, a, wa2, "conditionSize", 1, big);
      as.channels = intField(env, a, wa2, "channels", 1, big);
      as.headSize = intField(env, a, wa2, "headSize", 1, big);
      as.headKernelSize = intField(env, a, wa2, "headKernelSize", 1, big);
      as.headDilation = intField(env, a, wa2, "headDilation", 1, big);
      as.headBias = boolField(env, a, wa2, "headBias");
      Napi::Array layers = arrayAt(env, a.Get("layers"), wa2 + ".layers");
      for (uint32_t l = 0; l < layers.Length(); ++l) {
        const std::string wl = wa2 + ".layers[" + std::to_string(l) + "]";
        Napi::Object lo = objectAt(env, layers.Get(l), wl);
        shub::nam::WaveNetLayer L;
        L.kernelSize = intField(env, lo, wl, "kernelSize", 1, big);
        L.dilation = intField(env, lo, wl, "dilation", 1, big);
        L.activation = activationArg(env, lo.Get("activation"), wl + ".activation");
        L.gated = boolField(env, lo, wl, "gated");
        if (L.gated) L.secondary = activationArg(env, lo.Get("secondary"), wl + ".secondary");
        as.layers.push_back(L);
      }
      s.arrays.push_back(std::move(as));
    }
  } else if (s.architecture == "LSTM") {
    s.numLayers = intField(env, o, w, "numLayers", 1, big);
    s.inputSize = intField(env, o, w, "inputSize", 1, big);
    s.hiddenSize = intField(env, o, w, "hiddenSize", 1, big);
  } else if (s.architecture == "ConvNet") {
    s.channels = intField(env, o, w, "channels", 1, big);
    Napi::Array d = arrayAt(env, o.Get("dilations"), w + ".dilations");
    for (uint32_t i = 0; i < d.Length(); ++i)
      s.dilations.push_back(static_cast<int>(integerArg(env, d.Get(i), w, "dilations[]", 1, big, "")));
    s.batchnorm = boolField(env, o, w, "batchnorm");
    s.activation = activationArg(env, o.Get("activation"), w + ".activation");
  } else if (s.architecture == "Linear") {
    s.receptiveField = intField(env, o, w, "receptiveField", 1, big);
    s.bias = boolField(env, o, w, "bias");
  } else {
    throwRange(env, w + ": unsupported architecture '" + s.architecture + "'");
  }
  return s;
}

class NamModelWrap : public Napi::ObjectWrap<NamModelWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "NamModel",
                       {InstanceMethod<&NamModelWrap::Process>("process"),
                        InstanceMethod<&NamModelWrap::Flush>("flush"), InstanceMethod<&NamModelWrap::Info>("info")});
  }

  explicit NamModelWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<NamModelWrap>(info) {
    Napi::Env env = info.Env();
    if (!info.IsConstructCall()) throwType(env, "NamModel: class constructor must be called with new");
    Napi::Object o = objectAt(env, info.Length() ? info[0] : env.Undefined(), "NamModel: spec");
    ModelSpec spec = specArg(env, o);
    const int hostRate = static_cast<int>(integerArg(env, o.Get("hostRate"), "NamModel", "hostRate", 1000, 1e6, ""));
    try {
      runner_ = std::make_unique<shub::nam::Runner>(spec, hostRate);
    } catch (const std::exception& e) {
      throwRange(env, std::string("NamModel: ") + e.what());
    }
  }

 private:
  Napi::Value Process(const Napi::CallbackInfo& info);
  Napi::Value Flush(const Napi::CallbackInfo& info);
  Napi::Value Info(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    Napi::Object o = Napi::Object::New(env);
    o.Set("prewarmSamples", Napi::Number::New(env, static_cast<double>(runner_->prewarmSamples())));
    o.Set("resampling", Napi::Boolean::New(env, runner_->resampling()));
    return o;
  }
  Napi::Value queue(const Napi::CallbackInfo& info, bool flush);

  std::unique_ptr<shub::nam::Runner> runner_;
  bool busy_ = false;
  bool flushed_ = false;
};

Napi::Value NamModelWrap::queue(const Napi::CallbackInfo& info, bool flush) {
  Napi::Env env = info.Env();
  return promiseOf(env, [&]() -> Napi::Value {
    const char* method = flush ? "NamModel.flush" : "NamModel.process";
    if (busy_) throw Napi::Error::New(env, std::string(method) + ": a call is still in flight; await it first");
    if (flushed_) throw Napi::Error::New(env, std::string(method) + ": the stream was flushed");
    const float* data = nullptr;
    size_t n = 0;
    Napi::Value input = env.Undefined();
    if (!flush) {
      input = info.Length() ? info[0] : env.Undefined();
      if (!input.IsTypedArray() || input.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
        throwType(env, std::string(method) + ": input must be a Float32Array, got " + describe(input));
      Napi::Float32Array a = input.As<Napi::Float32Array>();
      data = a.Data();
      n = a.ElementLength();
    } else {
      flushed_ = true;
    }
    shub::nam::Runner* runner = runner_.get();
    // the input's buffer stays alive while the pool reads it (a flush has none)
    Napi::Value keep = flush ? info.This() : input;
    auto* worker = new PromiseWorker<std::vector<float>>(
        env, flush ? "shub.NamModel.flush" : "shub.NamModel.process", method, {info.This(), keep},
        [runner, flush, data, n] { return flush ? runner->flush() : runner->process(data, n); },
        [](Napi::Env e, std::vector<float>&& out) -> Napi::Value { return f32Array(e, std::move(out)); },
        [this] { busy_ = false; });
    busy_ = true;
    return worker->queue();
  });
}

Napi::Value NamModelWrap::Process(const Napi::CallbackInfo& info) { return queue(info, false); }
Napi::Value NamModelWrap::Flush(const Napi::CallbackInfo& info) { return queue(info, true); }

}  // namespace

void InitNam(Napi::Env env, Napi::Object exports) { exports.Set("NamModel", NamModelWrap::Init(env)); }
