// N-API bindings of the reamp kernels other than NAM: cabinet convolution, built-in amp and pedals (issue 14).
//
//   reampDecodePcm(pcm, format, frames, channels) → Float32Array[]       (an IR file's blocks, planar)
//   reampBlendIrs([{channels, sampleRate, gain}], sampleRate) → Promise<Float32Array[]>   (resample + sum)
//   new CabConvolver({ir, channelsIn, blockSize}) · new BuiltinAmp({...}) · new Overdrive({...})
//   · new ToneStack({...}): each has process(planes) → Promise<planes>, flush() → Promise<planes>
//   (AsyncWorker on the libuv pool; one call in flight at a time) and info().
// Parameter ranges and defaults are declared once in src/engines/reamp/params-amp.ts; the TypeScript
// stages pass every field, checked there; here each must be a finite number (structure only).
#include <napi.h>

#include <memory>
#include <string>
#include <vector>

#include "napi_util.h"
#include "pcm.h"
#include "reamp/amp.h"
#include "reamp/convolver.h"

namespace {

using namespace shub::napi;
using Planes = std::vector<std::vector<float>>;

double finite(Napi::Env env, const Napi::Object& o, const std::string& where, const char* name) {
  return numberArg(env, o.Get(name), where, name, -1e12, 1e12);
}

std::vector<float> floatVector(Napi::Env env, const Napi::Value& v, const std::string& where) {
  if (!v.IsTypedArray() || v.As<Napi::TypedArray>().TypedArrayType() != napi_float32_array)
    throwType(env, where + " must be a Float32Array, got " + describe(v));
  Napi::Float32Array a = v.As<Napi::Float32Array>();
  return std::vector<float>(a.Data(), a.Data() + a.ElementLength());
}

Planes planesArg(Napi::Env env, const Napi::Value& v, const std::string& where, int lo, int hi) {
  if (!v.IsArray()) throwType(env, where + " must be an array of Float32Array channels, got " + describe(v));
  Napi::Array a = v.As<Napi::Array>();
  if (static_cast<int>(a.Length()) < lo || static_cast<int>(a.Length()) > hi)
    throwRange(env, where + " must hold " + std::to_string(lo) + (lo == hi ? "" : "–" + std::to_string(hi)) +
                        " channels, got " + std::to_string(a.Length()));
  Planes p;
  for (uint32_t c = 0; c < a.Length(); ++c)
    p.push_back(floatVector(env, a.Get(c), where + "[" + std::to_string(c) + "]"));
  for (const auto& c : p)
    if (c.size() != p[0].size()) throwRange(env, where + ": channels differ in length");
  return p;
}

Napi::Array planesValue(Napi::Env env, Planes&& p) {
  Napi::Array a = Napi::Array::New(env, p.size());
  for (size_t c = 0; c < p.size(); ++c) a.Set(static_cast<uint32_t>(c), f32Array(env, std::move(p[c])));
  return a;
}

// ---- kernels behind one interface -----------------------------------------------------------

struct Kernel {
  virtual ~Kernel() = default;
  virtual int channelsIn() const = 0;
  virtual int channelsOut() const = 0;
  virtual void process(const Planes& in, Planes& out) = 0;
  virtual void flush(Planes& out) = 0;
  virtual void info(Napi::Object&) const {}
};

struct CabKernel : Kernel {
  shub::reamp::Convolver conv;
  CabKernel(const Planes& ir, int channelsIn, size_t block) : conv(ir, channelsIn, block) {}
  int channelsIn() const override { return conv.channelsIn(); }
  int channelsOut() const override { return conv.channelsOut(); }
  void process(const Planes& in, Planes& out) override {
    std::vector<const float*> p;
    for (const auto& c : in) p.push_back(c.data());
    conv.process(p.data(), in[0].size(), out);
  }
  void flush(Planes& out) override { conv.flush(out); }
  void info(Napi::Object& o) const override {
    o.Set("blockSize", static_cast<double>(conv.blockSize()));
    o.Set("partitions", static_cast<double>(conv.partitions()));
    o.Set("irLength", static_cast<double>(conv.irLength()));
  }
};

template <class K>
struct MonoKernel : Kernel {
  K k;
  template <class... A>
  explicit MonoKernel(A&&... a) : k(std::forward<A>(a)...) {}
  int channelsIn() const override { return 1; }
  int channelsOut() const override { return 1; }
  void process(const Planes& in, Planes& out) override {
    out.resize(1);
    k.process(in[0].data(), in[0].size(), out[0]);
  }
  void flush(Planes& out) override {
    out.resize(1);
    k.flush(out[0]);
  }
};

shub::reamp::Voice voiceArg(Napi::Env env, const Napi::Object& o, const std::string& where) {
  Napi::Value v = o.Get("voice");
  shub::reamp::Voice voice;
  if (!v.IsString() || !shub::reamp::parseVoice(v.As<Napi::String>().Utf8Value(), voice))
    throwRange(env, where + ": voice must be 'clean', 'crunch' or 'lead', got " + describe(v));
  return voice;
}

int oversamplingArg(Napi::Env env, const Napi::Object& o, const std::string& where) {
  const int f = static_cast<int>(integerArg(env, o.Get("oversampling"), where, "oversampling", 2, 16, ""));
  if (f != 2 && f != 4 && f != 8 && f != 16) throwRange(env, where + ": oversampling must be 2, 4, 8 or 16");
  return f;
}

std::unique_ptr<Kernel> makeKernel(Napi::Env env, const std::string& kind, const Napi::Object& o) {
  const std::string where = kind;
  try {
    if (kind == "CabConvolver") {
      Planes ir = planesArg(env, o.Get("ir"), where + ": ir", 1, 2);
      const int ch = static_cast<int>(integerArg(env, o.Get("channelsIn"), where, "channelsIn", 1, 2, ""));
      const size_t block = static_cast<size_t>(integerArg(env, o.Get("blockSize"), where, "blockSize", 0, 32768, ""));
      return std::make_unique<CabKernel>(ir, ch, block);
    }
    const int rate = static_cast<int>(integerArg(env, o.Get("sampleRate"), where, "sampleRate", 8000, 192000, " Hz"));
    if (kind == "BuiltinAmp") {
      shub::reamp::AmpParams p;
      p.voice = voiceArg(env, o, where);
      p.gainDb = finite(env, o, where, "gainDb");
      p.bass = finite(env, o, where, "bass");
      p.mid = finite(env, o, where, "mid");
      p.treble = finite(env, o, where, "treble");
      p.presence = finite(env, o, where, "presence");
      p.depth = finite(env, o, where, "depth");
      p.masterDb = finite(env, o, where, "masterDb");
      p.sag = finite(env, o, where, "sag");
      p.levelDb = finite(env, o, where, "levelDb");
      p.oversampling = oversamplingArg(env, o, where);
      return std::make_unique<MonoKernel<shub::reamp::Amp>>(p, rate);
    }
    if (kind == "Overdrive") {
      shub::reamp::OverdriveParams p;
      p.driveDb = finite(env, o, where, "driveDb");
      p.tone = finite(env, o, where, "tone");
      p.levelDb = finite(env, o, where, "levelDb");
      p.oversampling = oversamplingArg(env, o, where);
      return std::make_unique<MonoKernel<shub::reamp::Overdrive>>(p, rate);
    }
    if (kind == "ToneStack") {
      const auto voice = voiceArg(env, o, where);
      return std::make_unique<MonoKernel<shub::reamp::ToneStackProcessor>>(
          voice, finite(env, o, where, "bass"), finite(env, o, where, "mid"), finite(env, o, where, "treble"), rate);
    }
  } catch (const std::invalid_argument& e) {
    throwRange(env, where + ": " + e.what());
  }
  throwType(env, "unknown reamp kernel " + kind);
}

// ---- the wrapper class, one per kernel kind -----------------------------------------------------

template <const char* Kind>
class KernelWrap : public Napi::ObjectWrap<KernelWrap<Kind>> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return KernelWrap::DefineClass(env, Kind,
                                   {KernelWrap::template InstanceMethod<&KernelWrap::Process>("process"),
                                    KernelWrap::template InstanceMethod<&KernelWrap::Flush>("flush"),
                                    KernelWrap::template InstanceMethod<&KernelWrap::Info>("info")});
  }
  explicit KernelWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<KernelWrap<Kind>>(info) {
    Napi::Env env = info.Env();
    if (!info.IsConstructCall()) throwType(env, std::string(Kind) + ": class constructor must be called with new");
    kernel_ = makeKernel(env, Kind, optionsArg(info, 0, Kind));
  }

 private:
  void start(Napi::Env env, const char* method) {
    if (busy_) throw Napi::Error::New(env, std::string(Kind) + "." + method + ": a call is still in flight; await it");
    if (done_) throw Napi::Error::New(env, std::string(Kind) + "." + method + ": the stream was flushed");
    busy_ = true;
  }

  /** Runs process (or flush, without input) on the pool; the promise resolves to the output planes. */
  Napi::Value queue(const Napi::CallbackInfo& info, Planes&& in, bool flush) {
    Kernel* k = kernel_.get();
    auto* w = new PromiseWorker<Planes>(
        info.Env(), "shub.reamp", Kind, {info.This()},
        [k, in = std::move(in), flush] {
          Planes out(static_cast<size_t>(k->channelsOut()));
          if (flush)
            k->flush(out);
          else
            k->process(in, out);
          return out;
        },
        [](Napi::Env e, Planes&& out) { return planesValue(e, std::move(out)); }, [this] { busy_ = false; });
    return w->queue();
  }
  Napi::Value Process(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    const int ch = kernel_->channelsIn();
    Planes in = planesArg(env, info[0], std::string(Kind) + ".process: planes", ch, ch);
    start(env, "process");
    return queue(info, std::move(in), false);
  }
  Napi::Value Flush(const Napi::CallbackInfo& info) {
    start(info.Env(), "flush");
    done_ = true;
    return queue(info, {}, true);
  }
  Napi::Value Info(const Napi::CallbackInfo& info) {
    Napi::Object o = Napi::Object::New(info.Env());
    o.Set("channelsIn", kernel_->channelsIn());
    o.Set("channelsOut", kernel_->channelsOut());
    kernel_->info(o);
    return o;
  }

  std::unique_ptr<Kernel> kernel_;
  bool busy_ = false, done_ = false;
};

char kCab[] = "CabConvolver";
char kAmp[] = "BuiltinAmp";
char kOverdrive[] = "Overdrive";
char kToneStack[] = "ToneStack";

// ---- IR helpers ------------------------------------------------------------------------------

Napi::Value DecodePcm(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "reampDecodePcm";
  if (!info[0].IsTypedArray()) throwType(env, where + ": pcm must be a Uint8Array/Buffer, got " + describe(info[0]));
  Napi::TypedArray ta = info[0].As<Napi::TypedArray>();
  if (!info[1].IsString()) throwType(env, where + ": format must be a string, got " + describe(info[1]));
  shub::PcmFormat format;
  const std::string name = info[1].As<Napi::String>().Utf8Value();
  if (!shub::parsePcmFormat(name.c_str(), format))
    throwRange(env, where + ": format must be one of " + std::string(shub::pcmFormatNames()) + ", got '" + name + "'");
  const size_t frames = static_cast<size_t>(integerArg(env, info[2], where, "frames", 0, 1e9, ""));
  const int channels = static_cast<int>(integerArg(env, info[3], where, "channels", 1, shub::kMaxPcmChannels, ""));
  const uint64_t need = static_cast<uint64_t>(frames) * channels * shub::pcmBytesPerSample(format);
  if (need > ta.ByteLength())
    throwRange(env, where + ": pcm holds " + std::to_string(ta.ByteLength()) + " bytes but " + std::to_string(need) +
                        " are needed");
  Planes p(static_cast<size_t>(channels), std::vector<float>(frames));
  std::vector<float*> dst;
  for (auto& c : p) dst.push_back(c.data());
  shub::DecodeStats stats;
  if (frames)
    shub::decodePcm(static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset(), format, channels, frames,
                    dst.data(), stats);
  return planesValue(env, std::move(p));
}

Napi::Value BlendIrs(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::string where = "reampBlendIrs";
  if (!info[0].IsArray()) throwType(env, where + ": irs must be an array, got " + describe(info[0]));
  Napi::Array a = info[0].As<Napi::Array>();
  std::vector<shub::reamp::IrSource> irs;
  for (uint32_t i = 0; i < a.Length(); ++i) {
    const std::string w = where + ": irs[" + std::to_string(i) + "]";
    Napi::Value v = a.Get(i);
    if (!v.IsObject() || v.IsArray()) throwType(env, w + " must be an object, got " + describe(v));
    Napi::Object o = v.As<Napi::Object>();
    shub::reamp::IrSource s;
    s.channels = planesArg(env, o.Get("channels"), w + ".channels", 1, 2);
    s.sampleRate = static_cast<int>(integerArg(env, o.Get("sampleRate"), w, "sampleRate", 8000, 384000, " Hz"));
    s.gain = finite(env, o, w, "gain");
    irs.push_back(std::move(s));
  }
  const int rate = static_cast<int>(integerArg(env, info[1], where, "sampleRate", 8000, 384000, " Hz"));
  auto* w = new PromiseWorker<Planes>(
      env, "shub.reampBlendIrs", where, {}, [irs = std::move(irs), rate] { return shub::reamp::blendIrs(irs, rate); },
      [](Napi::Env e, Planes&& out) { return planesValue(e, std::move(out)); });
  return w->queue();
}

}  // namespace

void InitReamp(Napi::Env env, Napi::Object exports) {
  exports.Set("CabConvolver", KernelWrap<kCab>::Init(env));
  exports.Set("BuiltinAmp", KernelWrap<kAmp>::Init(env));
  exports.Set("Overdrive", KernelWrap<kOverdrive>::Init(env));
  exports.Set("ToneStack", KernelWrap<kToneStack>::Init(env));
  exports.Set("reampDecodePcm", Napi::Function::New(env, DecodePcm, "reampDecodePcm"));
  exports.Set("reampBlendIrs", Napi::Function::New(env, BlendIrs, "reampBlendIrs"));
}
