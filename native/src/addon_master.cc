// N-API bindings of the mastering pass (shub master): MasterRender and the design helpers the
// engines and tests use (biquad responses).
#include <napi.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <string>

#include "master/render.h"
#include "napi_util.h"

namespace {

using namespace shub::napi;
using shub::MasterRender;

Napi::Value bytesArray(Napi::Env env, std::vector<uint8_t>&& v) {
  if (v.empty()) return Napi::Buffer<uint8_t>::New(env, 0);
  auto* owned = new std::vector<uint8_t>(std::move(v));
  return Napi::Buffer<uint8_t>::New(
      env, owned->data(), owned->size(), [](Napi::Env, uint8_t*, std::vector<uint8_t>* p) { delete p; }, owned);
}

Napi::Array outputsArray(Napi::Env env, std::vector<std::vector<uint8_t>>&& outs) {
  Napi::Array a = Napi::Array::New(env, outs.size());
  for (size_t i = 0; i < outs.size(); ++i) a.Set(static_cast<uint32_t>(i), bytesArray(env, std::move(outs[i])));
  return a;
}

shub::MasterRenderParams renderParams(Napi::Env env, const Napi::Object& o) {
  const std::string where = "MasterRender";
  shub::MasterRenderParams p;
  namespace params = shub::params;
  p.sampleRate = static_cast<int>(paramArg(env, o.Get("sampleRate"), where, params::audio::sampleRate));
  p.channels = static_cast<int>(integerArg(env, o.Get("channels"), where, "channels", 1, 8, ""));
  Napi::Value w = o.Get("channelWeights");
  if (!w.IsArray() || w.As<Napi::Array>().Length() != static_cast<uint32_t>(p.channels))
    throwType(env, where + ": channelWeights must be an array with one number per channel, got " + describe(w));
  for (uint32_t i = 0; i < w.As<Napi::Array>().Length(); ++i)
    p.channelWeights.push_back(numberArg(env, w.As<Napi::Array>().Get(i), where, "channelWeights[i]", 0, 10));
  Napi::Value chain = o.Get("chain");
  if (!chain.IsUndefined()) {
    if (!chain.IsObject()) throwType(env, where + ": chain must be an object, got " + describe(chain));
    Napi::Object c = chain.As<Napi::Object>();
    const std::string cw = where + ".chain";
    p.chain.highpassHz = optionalParam(env, c, cw, params::masterChain::highpassHz);
    p.chain.midEq = eqBandsArg(env, c.Get("midEq"), cw + ".midEq");
    p.chain.sideEq = eqBandsArg(env, c.Get("sideEq"), cw + ".sideEq");
    Napi::Value comp = c.Get("compressor");
    if (!comp.IsUndefined() && !comp.IsNull()) {
      if (!comp.IsObject()) throwType(env, cw + ".compressor must be an object or null, got " + describe(comp));
      p.chain.compressor = compressorArg(env, comp.As<Napi::Object>(), cw + ".compressor");
    }
    Napi::Value mb = c.Get("multiband");
    if (!mb.IsUndefined() && !mb.IsNull()) {
      if (!mb.IsObject()) throwType(env, cw + ".multiband must be an object or null, got " + describe(mb));
      Napi::Object m = mb.As<Napi::Object>();
      shub::MultibandParams mp;
      mp.lowHz = paramArg(env, m.Get("lowHz"), cw + ".multiband", params::multiband::lowHz);
      mp.highHz = paramArg(env, m.Get("highHz"), cw + ".multiband", params::multiband::highHz);
      Napi::Value bands = m.Get("bands");
      if (!bands.IsArray() || bands.As<Napi::Array>().Length() != 3)
        throwType(env,
                  cw + ".multiband.bands must be an array of 3 compressors (low, mid, high), got " + describe(bands));
      for (uint32_t b = 0; b < 3; ++b) {
        Napi::Value bv = bands.As<Napi::Array>().Get(b);
        if (!bv.IsObject())
          throwType(env, cw + ".multiband.bands[" + std::to_string(b) + "] must be an object, got " + describe(bv));
        mp.bands[b] = compressorArg(env, bv.As<Napi::Object>(), cw + ".multiband.bands[" + std::to_string(b) + "]");
      }
      p.chain.multiband = mp;
    }
    p.chain.sideGainDb = optionalParam(env, c, cw, params::masterChain::sideGainDb);
    p.chain.monoBassHz = optionalParam(env, c, cw, params::masterChain::monoBassHz);
  }
  Napi::Value tails = o.Get("tails");
  if (!tails.IsArray()) throwType(env, where + ": tails must be an array, got " + describe(tails));
  Napi::Array ta = tails.As<Napi::Array>();
  for (uint32_t i = 0; i < ta.Length(); ++i) {
    const std::string tw = where + ".tails[" + std::to_string(i) + "]";
    if (!ta.Get(i).IsObject()) throwType(env, tw + " must be an object, got " + describe(ta.Get(i)));
    Napi::Object t = ta.Get(i).As<Napi::Object>();
    shub::MasterTailParams tp;
    tp.sampleRate = static_cast<int>(paramArg(env, t.Get("sampleRate"), tw, params::audio::sampleRate));
    tp.gainDb = optionalParam(env, t, tw, params::masterTail::gainDb);
    tp.dcBlockHz = optionalParam(env, t, tw, params::masterTail::dcBlockHz);
    Napi::Value lim = t.Get("limiter");
    if (!lim.IsUndefined() && !lim.IsNull()) {
      if (!lim.IsObject()) throwType(env, tw + ".limiter must be an object or null, got " + describe(lim));
      Napi::Object l = lim.As<Napi::Object>();
      shub::LimiterParams lp;
      lp.ceilingDb = paramArg(env, l.Get("ceilingDb"), tw + ".limiter", params::limiter::ceilingDb);
      lp.lookaheadMs = optionalParam(env, l, tw + ".limiter", params::limiter::lookaheadMs);
      lp.releaseMs = optionalParam(env, l, tw + ".limiter", params::limiter::releaseMs);
      tp.limiter = lp;
    }
    const double bits = integerArg(env, t.Get("bitDepth"), tw, "bitDepth", 16, 32, "");
    if (!shub::isBitDepth(static_cast<int>(bits)))
      throwRange(env, tw + ": bitDepth must be 16, 24 or 32, got " + describe(t.Get("bitDepth")));
    tp.bitDepth = static_cast<int>(bits);
    Napi::Value d = t.Get("dither");
    const std::string dn = d.IsString() ? d.As<Napi::String>().Utf8Value() : "";
    // kDitherModes lists the modes in DitherMode's order (none, tpdf, tpdf-shaped)
    const auto& modes = params::masterTail::kDitherModes;
    static_assert(std::size(params::masterTail::kDitherModes) == 3, "none, tpdf, tpdf-shaped");
    const auto* mode = std::find_if(std::begin(modes), std::end(modes), [&](const char* m) { return dn == m; });
    if (mode == std::end(modes)) {
      std::string names;
      for (const char* m : modes) names += (names.empty() ? "'" : ", '") + std::string(m) + "'";
      throwRange(env, tw + ": dither must be one of " + names + ", got " + describe(d));
    }
    tp.dither = static_cast<shub::DitherMode>(mode - std::begin(modes));
    if (!t.Get("ditherSeed").IsUndefined())
      tp.ditherSeed =
          static_cast<uint64_t>(integerArg(env, t.Get("ditherSeed"), tw, "ditherSeed", 1, 9007199254740991.0, ""));
    tp.emit = optionalBool(env, t, tw, "emit", true);
    tp.meterTruePeak = optionalBool(env, t, tw, "meterTruePeak", true);
    p.tails.push_back(tp);
  }
  Napi::Value spectra = o.Get("spectra");
  if (!spectra.IsUndefined() && !spectra.IsNull()) {
    if (!spectra.IsObject()) throwType(env, where + ": spectra must be an object or null, got " + describe(spectra));
    Napi::Object s = spectra.As<Napi::Object>();
    p.spectra = true;
    p.spectrumOptions.windowSamples =
        static_cast<int>(integerArg(env, s.Get("windowSamples"), where + ".spectra", "windowSamples", 64, 65536, ""));
    p.spectrumOptions.hopSamples =
        static_cast<int>(integerArg(env, s.Get("hopSamples"), where + ".spectra", "hopSamples", 1, 65536, ""));
    p.spectrumOptions.activeFloorDbfs =
        optionalNumber(env, s, where + ".spectra", "activeFloorDbfs", -70, -200, 0, " dBFS");
    p.spectrumOptions.sampleRate = p.sampleRate;
    p.spectrumOptions.channels = 1;
    const std::string err = shub::validateFeatureOptions(p.spectrumOptions);
    if (!err.empty()) throwRange(env, where + ".spectra: " + err);
  }
  return p;
}

Napi::Object spectrumObject(Napi::Env env, const shub::FeatureReport& r) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("binHz", Napi::Number::New(env, r.binHz));
  o.Set("activeFrames", Napi::Number::New(env, static_cast<double>(r.activeFrames)));
  o.Set("meanPower", f64Array(env, r.meanPower));
  return o;
}

class MasterRenderWrap : public Napi::ObjectWrap<MasterRenderWrap> {
 public:
  static Napi::Function Init(Napi::Env env) {
    return DefineClass(
        env, "MasterRender",
        {InstanceMethod<&MasterRenderWrap::AddPcm>("addPcm"), InstanceMethod<&MasterRenderWrap::Finish>("finish")});
  }

  explicit MasterRenderWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<MasterRenderWrap>(info) {
    Napi::Env env = info.Env();
    if (!info.IsConstructCall()) throwType(env, "MasterRender: class constructor must be called with new");
    shub::MasterRenderParams p = renderParams(env, optionsArg(info, 0, "MasterRender"));
    try {
      render_ = std::make_unique<MasterRender>(p);
    } catch (const std::invalid_argument& e) {
      throwRange(env, std::string("MasterRender: ") + e.what());
    }
  }

 private:
  /** What one addPcm or finish call hands back from the pool. */
  struct Step {
    shub::AddResult added;
    std::vector<std::vector<uint8_t>> outputs;
    shub::FeatureReport mid, side;
  };

  /** The JS object of a finish: the outputs, each tail's report, the dynamics' statistics and spectra. */
  Napi::Object finishObject(Napi::Env env, Step&& step) {
    finished_ = true;
    Napi::Object o = Napi::Object::New(env);
    o.Set("outputs", outputsArray(env, std::move(step.outputs)));
    const auto reports = render_->reports();
    Napi::Array tails = Napi::Array::New(env, reports.size());
    for (size_t i = 0; i < reports.size(); ++i) {
      const auto& r = reports[i];
      Napi::Object t = Napi::Object::New(env);
      t.Set("levels", reportObject(env, r.levels));
      t.Set("framesOut", Napi::Number::New(env, static_cast<double>(r.framesOut)));
      t.Set("clippedSamples", Napi::Number::New(env, static_cast<double>(r.clippedSamples)));
      t.Set("limiterMinGain", Napi::Number::New(env, r.limiter.minGain));
      t.Set(
          "limiterMeanGainDb",
          Napi::Number::New(env, r.limiter.frames ? r.limiter.sumGainDb / static_cast<double>(r.limiter.frames) : 0.0));
      t.Set("limiterLimitedFrames", Napi::Number::New(env, static_cast<double>(r.limiter.limitedFrames)));
      tails.Set(static_cast<uint32_t>(i), t);
    }
    o.Set("tails", tails);
    const shub::DynamicsStats cs = render_->compressorStats();
    Napi::Object c = Napi::Object::New(env);
    c.Set("maxGainReductionDb", Napi::Number::New(env, cs.maxGainReductionDb));
    c.Set("meanGainReductionDb", Napi::Number::New(env, cs.meanGainReductionDb()));
    o.Set("compressor", c);
    const auto mbs = render_->multibandStats();
    Napi::Array mba = Napi::Array::New(env, mbs.size());
    for (size_t b = 0; b < mbs.size(); ++b) {
      Napi::Object s = Napi::Object::New(env);
      s.Set("maxGainReductionDb", Napi::Number::New(env, mbs[b].maxGainReductionDb));
      s.Set("meanGainReductionDb", Napi::Number::New(env, mbs[b].meanGainReductionDb()));
      mba.Set(static_cast<uint32_t>(b), s);
    }
    o.Set("multiband", mba);
    o.Set("midSpectrum", step.mid.meanPower.empty() ? env.Null() : Napi::Value(spectrumObject(env, step.mid)));
    o.Set("sideSpectrum", step.side.meanPower.empty() ? env.Null() : Napi::Value(spectrumObject(env, step.side)));
    return o;
  }

  Napi::Value start(const Napi::CallbackInfo& info, bool finish) {
    Napi::Env env = info.Env();
    return promiseOf(env, [&]() -> Napi::Value {
      const char* method = finish ? "finish" : "addPcm";
      if (busy_)
        throw Napi::Error::New(env,
                               std::string("MasterRender.") + method + ": a call is still in flight; await it first");
      if (finished_)
        throw Napi::Error::New(env, std::string("MasterRender.") + method + ": finish() was already called");
      MasterRender* render = render_.get();
      auto settled = [this] { busy_ = false; };
      PromiseWorker<Step>* w;
      if (finish) {
        w = new PromiseWorker<Step>(
            env, "shub.MasterRender", "MasterRender", {info.This()},
            [render] {
              Step r;
              render->finish();
              r.mid = render->midSpectrum();
              r.side = render->sideSpectrum();
              r.outputs = render->takeOutputs();
              return r;
            },
            [this](Napi::Env e, Step&& r) -> Napi::Value { return finishObject(e, std::move(r)); }, settled);
      } else {
        PcmArgs a = pcmArgs(info, "MasterRender.addPcm", render_->params().channels);
        w = new PromiseWorker<Step>(
            env, "shub.MasterRender", "MasterRender", {info.This(), a.pcm},
            [render, data = a.data, format = a.format, frames = a.frames] {
              Step r;
              r.added = render->add(data, format, frames);
              r.outputs = render->takeOutputs();
              return r;
            },
            [](Napi::Env e, Step&& r) -> Napi::Value {
              Napi::Object o = Napi::Object::New(e);
              o.Set("outputs", outputsArray(e, std::move(r.outputs)));
              o.Set("nonFiniteSamples", Napi::Number::New(e, static_cast<double>(r.added.nonFiniteSamples)));
              o.Set("firstNonFiniteFrame", Napi::Number::New(e, static_cast<double>(r.added.firstNonFiniteFrame)));
              return o;
            },
            settled);
      }
      busy_ = true;
      return w->queue();
    });
  }
  Napi::Value AddPcm(const Napi::CallbackInfo& info) { return start(info, false); }
  Napi::Value Finish(const Napi::CallbackInfo& info) { return start(info, true); }

  std::unique_ptr<MasterRender> render_;
  bool busy_ = false;
  bool finished_ = false;
};

/** biquadResponseDb(bands, sampleRate, frequencies) → dB of the cascade at each frequency. */
Napi::Value BiquadResponseDb(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const std::vector<shub::EqBand> bands = eqBandsArg(env, info[0], "biquadResponseDb: bands");
  const double fs = paramArg(env, info[1], "biquadResponseDb", shub::params::audio::sampleRate);
  if (!info[2].IsArray()) throwType(env, "biquadResponseDb: frequencies must be an array, got " + describe(info[2]));
  const std::vector<shub::Biquad> sections = shub::designBands(bands, fs);
  Napi::Array f = info[2].As<Napi::Array>();
  Napi::Float64Array out = Napi::Float64Array::New(env, f.Length());
  for (uint32_t i = 0; i < f.Length(); ++i)
    out[i] = shub::biquad::cascadeGainDb(
        sections, numberArg(env, f.Get(i), "biquadResponseDb", "frequency", 0, fs / 2, " Hz"), fs);
  return out;
}

}  // namespace

void InitMaster(Napi::Env env, Napi::Object exports) {
  exports.Set("MasterRender", MasterRenderWrap::Init(env));
  exports.Set("biquadResponseDb", Napi::Function::New<BiquadResponseDb>(env, "biquadResponseDb"));
}
