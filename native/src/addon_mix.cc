// N-API bindings of the mixer (shub mix / render): `new Mixer(spec)` → pushPcm / endClip per
// clip → `await render(frames)` per block (AsyncWorker on the libuv pool) → stats(). The spec
// is the graph src/engines/mix/graph.ts compiles from a recipe or an RPP project; every field
// is checked here with a message naming it, then again by validateMixSpec.
#include <napi.h>

#include <memory>
#include <string>
#include <vector>

#include "mix/mixer.h"
#include "napi_util.h"

namespace {

using namespace shub::napi;
using shub::mix::Mixer;

Napi::Object objectField(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name) {
  Napi::Value v = o.Get(name);
  if (!v.IsObject() || v.IsArray()) throwType(env, where + ": " + name + " must be an object, got " + describe(v));
  return v.As<Napi::Object>();
}

Napi::Array arrayField(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name) {
  Napi::Value v = o.Get(name);
  if (v.IsUndefined()) return Napi::Array::New(env, 0);
  if (!v.IsArray()) throwType(env, where + ": " + name + " must be an array, got " + describe(v));
  return v.As<Napi::Array>();
}

bool has(const Napi::Object& o, const char* name) {
  Napi::Value v = o.Get(name);
  return !v.IsUndefined() && !v.IsNull();
}

shub::mix::Breakpoints breakpoints(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name) {
  shub::mix::Breakpoints b;
  Napi::Array a = arrayField(env, o, where, name);
  if (a.Length() % 2 != 0) throwRange(env, where + ": " + name + " must hold frame, value pairs (even length)");
  for (uint32_t i = 0; i < a.Length(); i += 2) {
    b.frames.push_back(numberArg(env, a.Get(i), where, name, -1e18, 1e18));
    b.values.push_back(numberArg(env, a.Get(i + 1), where, name, -1e6, 1e6));
  }
  return b;
}

shub::mix::StripSpec stripSpec(Napi::Env env, const Napi::Object& o, const std::string& where) {
  shub::mix::StripSpec s;
  Napi::Value name = o.Get("name");
  if (!name.IsString()) throwType(env, where + ": name must be a string, got " + describe(name));
  s.name = name.As<Napi::String>().Utf8Value();
  s.channels = static_cast<int>(integerArg(env, o.Get("channels"), where, "channels", 1, 2, ""));
  s.trimDb = optionalParam(env, o, where, shub::params::mixStrip::trimDb);
  s.invert = optionalBool(env, o, where, "invert", false);
  s.gainDb = optionalParam(env, o, where, shub::params::mixStrip::gainDb);
  s.pan = optionalParam(env, o, where, shub::params::mixStrip::pan);
  s.output = static_cast<int>(integerArg(env, o.Get("output"), where, "output", -1, 1e6, ""));
  s.active = optionalBool(env, o, where, "active", true);
  Napi::Value print = o.Get("print");
  if (!print.IsUndefined()) {
    const std::string p = print.IsString() ? print.As<Napi::String>().Utf8Value() : "";
    if (p == "none")
      s.print = shub::mix::Print::None;
    else if (p == "preFader")
      s.print = shub::mix::Print::PreFader;
    else if (p == "postPan")
      s.print = shub::mix::Print::PostPan;
    else if (p == "residual")
      s.print = shub::mix::Print::Residual;
    else
      throwRange(env, where + ": print must be 'none', 'preFader', 'postPan' or 'residual', got " + describe(print));
  }
  s.eq = eqBandsArg(env, o.Get("eq"), where + ".eq");
  if (has(o, "compressor")) {
    const std::string w = where + ".compressor";
    Napi::Object c = objectField(env, o, where, "compressor");
    s.compressor = compressorArg(env, c, w);
  }
  if (has(o, "gate")) {
    const std::string w = where + ".gate";
    Napi::Object g = objectField(env, o, where, "gate");
    namespace d = shub::params::gate;
    shub::GateParams p;
    p.thresholdDb = optionalParam(env, g, w, d::thresholdDb);
    p.rangeDb = optionalParam(env, g, w, d::rangeDb);
    p.attackMs = optionalParam(env, g, w, d::attackMs);
    p.holdMs = optionalParam(env, g, w, d::holdMs);
    p.releaseMs = optionalParam(env, g, w, d::releaseMs);
    p.hysteresisDb = optionalParam(env, g, w, d::hysteresisDb);
    s.gate = p;
  }
  if (has(o, "saturation")) {
    const std::string w = where + ".saturation";
    Napi::Object g = objectField(env, o, where, "saturation");
    namespace d = shub::params::saturation;
    shub::SaturationParams p;
    p.driveDb = optionalParam(env, g, w, d::driveDb);
    p.outputDb = optionalParam(env, g, w, d::outputDb);
    p.mix = optionalParam(env, g, w, d::mix);
    s.saturation = p;
  }
  if (has(o, "delay")) {
    const std::string w = where + ".delay";
    Napi::Object g = objectField(env, o, where, "delay");
    namespace d = shub::params::delay;
    shub::DelayParams p;
    p.timeMs = optionalParam(env, g, w, d::timeMs);
    p.feedback = optionalParam(env, g, w, d::feedback);
    p.highCutHz = optionalParam(env, g, w, d::highCutHz);
    p.pingPong = optionalBool(env, g, w, "pingPong", p.pingPong);
    p.mix = optionalParam(env, g, w, d::mix);
    s.delay = p;
  }
  if (has(o, "reverb")) {
    const std::string w = where + ".reverb";
    Napi::Object g = objectField(env, o, where, "reverb");
    namespace d = shub::params::reverb;
    shub::ReverbParams p;
    p.decaySeconds = optionalParam(env, g, w, d::decaySeconds);
    p.preDelayMs = optionalParam(env, g, w, d::preDelayMs);
    p.dampingHz = optionalParam(env, g, w, d::dampingHz);
    p.mix = optionalParam(env, g, w, d::mix);
    s.reverb = p;
  }
  s.gainAutomation = breakpoints(env, o, where, "gainAutomation");
  s.panAutomation = breakpoints(env, o, where, "panAutomation");
  Napi::Array sends = arrayField(env, o, where, "sends");
  for (uint32_t i = 0; i < sends.Length(); ++i) {
    const std::string w = where + ".sends[" + std::to_string(i) + "]";
    Napi::Value dv = sends.Get(i);
    if (!dv.IsObject()) throwType(env, w + " must be an object, got " + describe(dv));
    Napi::Object d = dv.As<Napi::Object>();
    shub::mix::SendSpec send;
    send.dest = static_cast<int>(integerArg(env, d.Get("dest"), w, "dest", 0, 1e6, ""));
    send.gain = optionalParam(env, d, w, shub::params::mixSend::gain);
    send.preFader = optionalBool(env, d, w, "preFader", false);
    s.sends.push_back(send);
  }
  return s;
}

class MixerWrap : public Napi::ObjectWrap<MixerWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(env, "Mixer",
                       {InstanceMethod<&MixerWrap::PushPcm>("pushPcm"), InstanceMethod<&MixerWrap::EndClip>("endClip"),
                        InstanceMethod<&MixerWrap::Render>("render"), InstanceMethod<&MixerWrap::Prints>("prints"),
                        InstanceMethod<&MixerWrap::Stats>("stats")});
  }

  explicit MixerWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<MixerWrap>(info) {
    Napi::Env env = info.Env();
    const std::string where = "Mixer";
    if (!info.IsConstructCall()) throwType(env, "Mixer: class constructor must be called with new");
    if (info.Length() < 1 || !info[0].IsObject() || info[0].IsArray())
      throwType(env,
                "Mixer: spec must be an object, got " + (info.Length() ? describe(info[0]) : std::string("nothing")));
    Napi::Object o = info[0].As<Napi::Object>();
    shub::mix::MixSpec spec;
    spec.sampleRate = paramArg(env, o.Get("sampleRate"), where, shub::params::audio::sampleRate);
    spec.maxBlockFrames =
        static_cast<size_t>(integerArg(env, o.Get("maxBlockFrames"), where, "maxBlockFrames", 1, 1 << 20, ""));
    Napi::Array strips = arrayField(env, o, where, "strips");
    for (uint32_t i = 0; i < strips.Length(); ++i) {
      const std::string w = "Mixer: strips[" + std::to_string(i) + "]";
      Napi::Value v = strips.Get(i);
      if (!v.IsObject()) throwType(env, w + " must be an object, got " + describe(v));
      spec.strips.push_back(stripSpec(env, v.As<Napi::Object>(), w));
    }
    Napi::Array clips = arrayField(env, o, where, "clips");
    for (uint32_t i = 0; i < clips.Length(); ++i) {
      const std::string w = "Mixer: clips[" + std::to_string(i) + "]";
      Napi::Value v = clips.Get(i);
      if (!v.IsObject()) throwType(env, w + " must be an object, got " + describe(v));
      Napi::Object c = v.As<Napi::Object>();
      shub::mix::ClipSpec clip;
      const double big = 9007199254740991.0;
      clip.strip = static_cast<int>(integerArg(env, c.Get("strip"), w, "strip", 0, 1e6, ""));
      clip.channels = static_cast<int>(integerArg(env, c.Get("channels"), w, "channels", 1, 2, ""));
      clip.startFrame = static_cast<int64_t>(integerArg(env, c.Get("startFrame"), w, "startFrame", 0, big, ""));
      clip.sourceOffsetFrames =
          static_cast<int64_t>(integerArg(env, c.Get("sourceOffsetFrames"), w, "sourceOffsetFrames", 0, big, ""));
      clip.lengthFrames = static_cast<int64_t>(integerArg(env, c.Get("lengthFrames"), w, "lengthFrames", 0, big, ""));
      clip.gain = optionalParam(env, c, w, shub::params::mixClip::gain);
      if (has(c, "fadeInFrames"))
        clip.fadeInFrames = static_cast<int64_t>(integerArg(env, c.Get("fadeInFrames"), w, "fadeInFrames", 0, big, ""));
      if (has(c, "fadeOutFrames"))
        clip.fadeOutFrames =
            static_cast<int64_t>(integerArg(env, c.Get("fadeOutFrames"), w, "fadeOutFrames", 0, big, ""));
      if (has(c, "fadeInShape"))
        clip.fadeInShape = static_cast<int>(integerArg(env, c.Get("fadeInShape"), w, "fadeInShape", 0, 1, ""));
      if (has(c, "fadeOutShape"))
        clip.fadeOutShape = static_cast<int>(integerArg(env, c.Get("fadeOutShape"), w, "fadeOutShape", 0, 1, ""));
      spec.clips.push_back(clip);
    }
    try {
      mixer_ = std::make_unique<Mixer>(std::move(spec));
    } catch (const std::exception& e) {
      throwRange(env, std::string("Mixer: ") + e.what());
    }
  }

 private:
  void checkIdle(Napi::Env env, const char* method) const {
    if (busy_)
      throw Napi::Error::New(env,
                             std::string("Mixer.") + method + ": a render call is still in flight; await it first");
  }

  int clipArg(const Napi::CallbackInfo& info, const char* method) {
    return static_cast<int>(integerArg(info.Env(), info[0], std::string("Mixer.") + method, "clip", 0,
                                       static_cast<double>(mixer_->spec().clips.size()) - 1, ""));
  }

  Napi::Value PushPcm(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    checkIdle(env, "pushPcm");
    const int clip = clipArg(info, "pushPcm");
    const int channels = mixer_->spec().clips[static_cast<size_t>(clip)].channels;
    // pcmArgs reads (pcm, format, frames) from info[0..2]: shift by building a view
    Napi::Value pcm = info[1];
    if (!pcm.IsTypedArray()) throwType(env, "Mixer.pushPcm: pcm must be a Uint8Array/Buffer, got " + describe(pcm));
    Napi::TypedArray ta = pcm.As<Napi::TypedArray>();
    Napi::Value fmtValue = info[2];
    if (!fmtValue.IsString()) throwType(env, "Mixer.pushPcm: format must be a string, got " + describe(fmtValue));
    const std::string fmtName = fmtValue.As<Napi::String>().Utf8Value();
    shub::PcmFormat format;
    if (!shub::parsePcmFormat(fmtName.c_str(), format))
      throwRange(env, "Mixer.pushPcm: format must be one of " + std::string(shub::pcmFormatNames()) + ", got '" +
                          fmtName + "'");
    const double frames = integerArg(env, info[3], "Mixer.pushPcm", "frames", 0, 9007199254740991.0, "");
    const uint64_t need =
        static_cast<uint64_t>(frames) * static_cast<uint64_t>(channels) * shub::pcmBytesPerSample(format);
    if (need > ta.ByteLength())
      throwRange(env, "Mixer.pushPcm: pcm holds " + std::to_string(ta.ByteLength()) + " bytes but " +
                          std::to_string(need) + " are needed");
    if (need == 0) return env.Undefined();
    const uint8_t* data = static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
    try {
      mixer_->pushPcm(clip, data, format, static_cast<size_t>(frames));
    } catch (const std::exception& e) {
      throwRange(env, std::string("Mixer.pushPcm: ") + e.what());
    }
    return env.Undefined();
  }

  Napi::Value EndClip(const Napi::CallbackInfo& info) {
    checkIdle(info.Env(), "endClip");
    mixer_->endClip(clipArg(info, "endClip"));
    return info.Env().Undefined();
  }

  Napi::Value Render(const Napi::CallbackInfo& info);

  Napi::Value Prints(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const auto& p = mixer_->printingStrips();
    Napi::Array a = Napi::Array::New(env, p.size());
    for (size_t k = 0; k < p.size(); ++k) {
      Napi::Object o = Napi::Object::New(env);
      o.Set("strip", Napi::Number::New(env, p[k]));
      o.Set("channels", Napi::Number::New(env, mixer_->printChannels(p[k])));
      a.Set(static_cast<uint32_t>(k), o);
    }
    return a;
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    checkIdle(env, "stats");
    const auto st = mixer_->stats();
    Napi::Array a = Napi::Array::New(env, st.size());
    for (size_t k = 0; k < st.size(); ++k) {
      Napi::Object o = Napi::Object::New(env);
      o.Set("inputPeak", Napi::Number::New(env, st[k].inputPeak));
      o.Set("outputPeak", Napi::Number::New(env, st[k].outputPeak));
      o.Set("compressorMaxGainReductionDb", Napi::Number::New(env, st[k].compressorMaxGainReductionDb));
      o.Set("compressorMeanGainReductionDb", Napi::Number::New(env, st[k].compressorMeanGainReductionDb));
      o.Set("gateOpenFraction",
            st[k].gateOpenFraction < 0 ? env.Null() : Napi::Number::New(env, st[k].gateOpenFraction));
      a.Set(static_cast<uint32_t>(k), o);
    }
    return a;
  }

  std::unique_ptr<Mixer> mixer_;
  bool busy_ = false;
};

/** What one render call hands back: the block's stereo mix and each print's block. */
struct RenderBlock {
  size_t frames = 0;
  std::vector<float> mix;
  std::vector<std::vector<float>> prints;
};

Napi::Value MixerWrap::Render(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return promiseOf(env, [&]() -> Napi::Value {
    checkIdle(env, "render");
    const size_t frames = static_cast<size_t>(
        integerArg(env, info[0], "Mixer.render", "frames", 1, static_cast<double>(mixer_->spec().maxBlockFrames), ""));
    Mixer* mixer = mixer_.get();
    auto* worker = new PromiseWorker<RenderBlock>(
        env, "shub.Mixer.render", "Mixer.render", {info.This()},
        [mixer, frames] {
          RenderBlock b;
          b.frames = frames;
          b.mix.resize(2 * frames);
          mixer->render(frames, b.mix.data(), b.prints);
          return b;
        },
        [](Napi::Env e, RenderBlock&& b) -> Napi::Value {
          Napi::Object o = Napi::Object::New(e);
          o.Set("frames", Napi::Number::New(e, static_cast<double>(b.frames)));
          o.Set("mix", f32Array(e, std::move(b.mix)));
          Napi::Array p = Napi::Array::New(e, b.prints.size());
          for (size_t k = 0; k < b.prints.size(); ++k)
            p.Set(static_cast<uint32_t>(k), f32Array(e, std::move(b.prints[k])));
          o.Set("prints", p);
          return o;
        },
        [this] { busy_ = false; });
    busy_ = true;
    return worker->queue();
  });
}

}  // namespace

void InitMix(Napi::Env env, Napi::Object exports) { exports.Set("Mixer", MixerWrap::Init(env)); }
