#include "mix/mixer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "common.h"
#include "dsp/fastmath.h"

namespace shub {
namespace mix {

double Breakpoints::at(double frame) const {
  if (frames.empty()) return 0;
  if (frame <= frames.front()) return values.front();
  if (frame >= frames.back()) return values.back();
  const auto it = std::upper_bound(frames.begin(), frames.end(), frame);
  const size_t k = static_cast<size_t>(it - frames.begin());
  const double f0 = frames[k - 1], f1 = frames[k];
  const double u = f1 > f0 ? (frame - f0) / (f1 - f0) : 1.0;
  return values[k - 1] + u * (values[k] - values[k - 1]);
}

namespace {

/**
 * Weight of one sample inside a fade of `len` frames: linear `linear / len` (the item edge's sample
 * at 0 on a fade-in, its last sample at 1/len on a fade-out, as before shapes existed); equal power
 * sin(π/2 · (d + ½) / len) with `d` the sample's distance from the item edge (0 … len−1).
 */
double fadeWeight(int shape, int64_t linear, int64_t d, int64_t len) {
  const double l = static_cast<double>(len);
  if (shape == 1) return std::sin(1.5707963267948966 * (static_cast<double>(d) + 0.5) / l);
  return static_cast<double>(linear) / l;
}

void panGains(double pan, int channels, double& l, double& r) {
  if (channels == 2 && pan == 0) {
    l = r = 1.0;
    return;
  }
  const double theta = (pan + 1.0) * M_PI / 4.0;
  const double c = std::cos(theta), s = std::sin(theta);
  if (channels == 1) {
    l = c;
    r = s;
  } else {
    l = std::min(1.0, M_SQRT2 * c);
    r = std::min(1.0, M_SQRT2 * s);
  }
}

// Peak |x| of a block, eight independent lanes so the compiler emits packed max (no NaN here:
// decodePcm replaced non-finite samples).
typedef float v8f __attribute__((vector_size(32)));

SHUB_ALWAYS_INLINE v8f load8(const float* p) {
  v8f v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

SHUB_ALWAYS_INLINE v8f abs8(v8f v) { return v < 0 ? -v : v; }

SHUB_ALWAYS_INLINE float hmax8(v8f m) {
  float r = 0;
  for (int k = 0; k < 8; ++k) r = m[k] > r ? m[k] : r;
  return r;
}

/** y = g·x, returning max |y| (explicit 8-wide vectors: x and y may alias). */
SHUB_ALWAYS_INLINE float scaleWithPeak(const float* x, float g, float* y, size_t n) {
  v8f m = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t j = 0;
  for (; j + 8 <= n; j += 8) {
    const v8f v = load8(x + j) * g;
    std::memcpy(y + j, &v, sizeof v);
    const v8f a = abs8(v);
    m = a > m ? a : m;
  }
  float r = hmax8(m);
  for (; j < n; ++j) {
    const float v = x[j] * g;
    y[j] = v;
    r = std::fabs(v) > r ? std::fabs(v) : r;
  }
  return r;
}

SHUB_ALWAYS_INLINE float peakAbs(const float* x, size_t n) {
  v8f m = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t j = 0;
  for (; j + 8 <= n; j += 8) {
    const v8f a = abs8(load8(x + j));
    m = a > m ? a : m;
  }
  float r = hmax8(m);
  for (; j < n; ++j) r = std::fabs(x[j]) > r ? std::fabs(x[j]) : r;
  return r;
}

std::string stripWhere(const MixSpec& spec, size_t i) {
  return "strips[" + std::to_string(i) + "] (" + spec.strips[i].name + ")";
}

}  // namespace

std::string validateMixSpec(const MixSpec& spec) {
  if (std::string e = params::audio::sampleRate.check(spec.sampleRate); !e.empty()) return e;
  if (spec.maxBlockFrames < 1 || spec.maxBlockFrames > (1u << 20)) return "maxBlockFrames must be in [1, 1048576]";
  if (spec.strips.empty()) return "strips: at least one strip is needed";
  std::vector<bool> receives(spec.strips.size(), false);
  for (size_t i = 0; i < spec.strips.size(); ++i) {
    const StripSpec& s = spec.strips[i];
    const std::string w = stripWhere(spec, i);
    if (s.channels != 1 && s.channels != 2) return w + ": channels must be 1 or 2";
    namespace strip = params::mixStrip;
    std::string e = params::firstRejection({{strip::gainDb, s.gainDb}, {strip::trimDb, s.trimDb}, {strip::pan, s.pan}});
    if (!e.empty()) return w + ": " + e;
    if (s.output != -1 && (s.output <= static_cast<int>(i) || s.output >= static_cast<int>(spec.strips.size())))
      return w + ": output must name a later strip (or -1 for the mix)";
    if (s.output >= 0) receives[static_cast<size_t>(s.output)] = true;
    for (const SendSpec& d : s.sends) {
      if (d.dest <= static_cast<int>(i) || d.dest >= static_cast<int>(spec.strips.size()))
        return w + ": a send must name a later strip";
      if (!(e = params::mixSend::gain.check(d.gain)).empty()) return w + ": send " + e;
      receives[static_cast<size_t>(d.dest)] = true;
    }
    for (const Breakpoints* b : {&s.gainAutomation, &s.panAutomation}) {
      if (b->frames.size() != b->values.size()) return w + ": automation frames and values differ in length";
      for (size_t k = 0; k < b->frames.size(); ++k) {
        if (!std::isfinite(b->frames[k]) || !std::isfinite(b->values[k])) return w + ": automation must be finite";
        if (k && b->frames[k] < b->frames[k - 1]) return w + ": automation times must not decrease";
      }
    }
    for (double v : s.panAutomation.values)
      if (!(e = strip::pan.check(v)).empty()) return w + ": panAutomation: " + e;
    for (double v : s.gainAutomation.values)
      if (!(e = strip::gainDb.check(v)).empty()) return w + ": gainAutomation: " + e;
    if (s.gate && !(e = validateGateParams(*s.gate)).empty()) return w + ": gate." + e;
    if (s.compressor && !(e = validateCompressorParams(*s.compressor)).empty()) return w + ": compressor." + e;
    if (s.saturation && !(e = validateSaturationParams(*s.saturation)).empty()) return w + ": saturation." + e;
    if (s.delay && !(e = validateDelayParams(*s.delay)).empty()) return w + ": delay." + e;
    if (s.reverb && !(e = validateReverbParams(*s.reverb)).empty()) return w + ": reverb." + e;
    for (size_t k = 0; k < s.eq.size(); ++k) {
      const std::string wk = w + ": eq[" + std::to_string(k) + "].";
      if (!(e = validateEqBand(s.eq[k])).empty()) return wk + e;
      if (!(s.eq[k].freqHz < spec.sampleRate / 2))
        return wk + "freqHz must be below half the sample rate (" + std::to_string(spec.sampleRate / 2) + " Hz)";
    }
  }
  for (size_t i = 0; i < spec.strips.size(); ++i)
    if (receives[i] && spec.strips[i].channels != 2)
      return stripWhere(spec, i) + ": a strip that receives must be stereo (channels 2)";
  for (size_t k = 0; k < spec.clips.size(); ++k) {
    const ClipSpec& c = spec.clips[k];
    const std::string w = "clips[" + std::to_string(k) + "]";
    if (c.strip < 0 || c.strip >= static_cast<int>(spec.strips.size())) return w + ": strip out of range";
    if (c.channels < 1 || c.channels > spec.strips[static_cast<size_t>(c.strip)].channels)
      return w + ": channels must be 1 or the strip's channel count";
    if (c.startFrame < 0 || c.sourceOffsetFrames < 0 || c.lengthFrames < 0 || c.fadeInFrames < 0 || c.fadeOutFrames < 0)
      return w + ": frames must be >= 0";
    if (std::string e = params::mixClip::gain.check(c.gain); !e.empty()) return w + ": " + e;
    if (c.fadeInShape < 0 || c.fadeInShape > 1 || c.fadeOutShape < 0 || c.fadeOutShape > 1)
      return w + ": fade shapes must be 0 (linear) or 1 (equal power)";
  }
  return "";
}

struct Mixer::Fifo {
  int channels;
  std::vector<std::vector<float>> data;
  size_t head = 0, tail = 0;
  int64_t consumed = 0;  // source frame index at head
  bool ended = false;
  size_t size() const { return tail - head; }
};

struct Mixer::Strip {
  StripSpec spec;
  size_t n;                         // max block
  std::vector<float> in, pre, out;  // planar: [channel][n]
  std::vector<float*> inPlanes;
  std::unique_ptr<Gate> gate;
  BiquadCascade eq;
  std::unique_ptr<Compressor> compressor;
  std::unique_ptr<Saturation> saturation;
  std::unique_ptr<Delay> delay;
  std::unique_ptr<Reverb> reverb;
  std::vector<int> clips;
  double gain, panL, panR;
  size_t gainCursor = 0, panCursor = 0;
  std::vector<float> ratio, pl, pr;  // per-sample automation gains (only when automated)
  double inputPeak = 0, outputPeak = 0;
  bool leaf = false;  // fed by clips only (no other strip outputs or sends into it)
  float* inCh(int c) { return &in[static_cast<size_t>(c) * n]; }
  float* preCh(int c) { return &pre[static_cast<size_t>(c) * n]; }
  float* outCh(int c) { return &out[static_cast<size_t>(c) * n]; }
};

Mixer::Mixer(MixSpec spec) : spec_(std::move(spec)) {
  const std::string err = validateMixSpec(spec_);
  if (!err.empty()) throw std::invalid_argument(err);
  const size_t n = spec_.maxBlockFrames;
  const double fs = spec_.sampleRate;
  for (size_t i = 0; i < spec_.strips.size(); ++i) {
    auto s = std::make_unique<Strip>();
    s->spec = spec_.strips[i];
    const StripSpec& p = s->spec;
    const int ch = p.channels;
    s->n = n;
    s->in.assign(static_cast<size_t>(ch) * n, 0.0f);
    s->out.assign(2 * n, 0.0f);
    if (p.print == Print::Residual) s->pre.assign(static_cast<size_t>(ch) * n, 0.0f);
    for (int c = 0; c < ch; ++c) s->inPlanes.push_back(s->inCh(c));
    if (p.gate) s->gate = std::make_unique<Gate>(*p.gate, fs, ch);
    if (!p.eq.empty()) {
      s->eq = BiquadCascade(designBands(p.eq, fs), ch);
    }
    if (p.compressor) s->compressor = std::make_unique<Compressor>(*p.compressor, fs, ch);
    if (p.saturation) s->saturation = std::make_unique<Saturation>(*p.saturation, ch);
    if (p.delay) s->delay = std::make_unique<Delay>(*p.delay, fs, ch);
    if (p.reverb) s->reverb = std::make_unique<Reverb>(*p.reverb, fs, ch);
    s->gain = std::pow(10.0, p.gainDb / 20.0);
    panGains(p.pan, ch, s->panL, s->panR);
    if (!p.gainAutomation.empty()) s->ratio.assign(n, 1.0f);
    if (!p.panAutomation.empty()) {
      s->pl.assign(n, 1.0f);
      s->pr.assign(n, 1.0f);
    }
    if (p.print != Print::None) printing_.push_back(static_cast<int>(i));
    strips_.push_back(std::move(s));
  }
  for (size_t k = 0; k < spec_.clips.size(); ++k) {
    const ClipSpec& c = spec_.clips[k];
    auto f = std::make_unique<Fifo>();
    f->channels = c.channels;
    f->data.assign(static_cast<size_t>(c.channels), {});
    fifos_.push_back(std::move(f));
    strips_[static_cast<size_t>(c.strip)]->clips.push_back(static_cast<int>(k));
  }
  // leaf strips (fed by clips only) run their first stages together in render()
  std::vector<bool> fed(strips_.size(), false);
  for (const auto& st : strips_) {
    if (st->spec.output >= 0) fed[static_cast<size_t>(st->spec.output)] = true;
    for (const SendSpec& d : st->spec.sends) fed[static_cast<size_t>(d.dest)] = true;
  }
  for (size_t i = 0; i < strips_.size(); ++i) strips_[i]->leaf = !fed[i];
}

Mixer::~Mixer() = default;

int Mixer::printChannels(int strip) const {
  const StripSpec& s = strips_[static_cast<size_t>(strip)]->spec;
  return s.print == Print::PostPan ? 2 : s.channels;
}

void Mixer::pushPcm(int clip, const uint8_t* data, PcmFormat format, size_t frames) {
  if (clip < 0 || clip >= static_cast<int>(fifos_.size())) throw std::invalid_argument("clip index out of range");
  Fifo& f = *fifos_[static_cast<size_t>(clip)];
  if (f.ended) throw std::invalid_argument("clip " + std::to_string(clip) + " has ended; no more PCM is accepted");
  if (frames == 0) return;
  if (f.head > 0 && (f.head >= f.size() || f.tail + frames > f.data[0].size())) {
    for (auto& d : f.data) std::memmove(d.data(), d.data() + f.head, f.size() * sizeof(float));
    f.tail -= f.head;
    f.head = 0;
  }
  if (f.tail + frames > f.data[0].size())
    for (auto& d : f.data) d.resize(std::max(f.tail + frames, d.size() + d.size() / 2));
  float* planes[kMaxPcmChannels];
  for (int c = 0; c < f.channels; ++c) planes[c] = f.data[static_cast<size_t>(c)].data() + f.tail;
  DecodeStats stats;
  decodePcm(data, format, f.channels, frames, planes, stats);
  f.tail += frames;
  if (stats.nonFinite > 0)
    throw std::invalid_argument("clip " + std::to_string(clip) + ": " + std::to_string(stats.nonFinite) +
                                " NaN/Inf samples");
}

void Mixer::endClip(int clip) {
  if (clip < 0 || clip >= static_cast<int>(fifos_.size())) throw std::invalid_argument("clip index out of range");
  fifos_[static_cast<size_t>(clip)]->ended = true;
}

void Mixer::readClip(int k, int64_t t0, size_t n, Strip& s) {
  const ClipSpec& c = spec_.clips[static_cast<size_t>(k)];
  Fifo& f = *fifos_[static_cast<size_t>(k)];
  const int64_t a = std::max(t0, c.startFrame),
                b = std::min(t0 + static_cast<int64_t>(n), c.startFrame + c.lengthFrames);
  if (a >= b) return;
  const int64_t sa = a - c.startFrame + c.sourceOffsetFrames;
  if (sa < f.consumed) throw std::logic_error("clip read out of order");
  const int64_t skip = sa - f.consumed;
  if (skip > static_cast<int64_t>(f.size())) {
    if (!f.ended) throw std::runtime_error("clip " + std::to_string(k) + " starved: push more PCM before rendering");
    f.head = f.tail;
  } else {
    f.head += static_cast<size_t>(skip);
  }
  f.consumed = sa;
  const size_t count = static_cast<size_t>(b - a);
  const size_t avail = std::min(count, f.size());
  if (avail < count && !f.ended)
    throw std::runtime_error("clip " + std::to_string(k) + " starved: push more PCM before rendering");
  const size_t off = static_cast<size_t>(a - t0);
  const bool fades =
      (c.fadeInFrames > 0 && a - c.startFrame < c.fadeInFrames) ||
      (c.fadeOutFrames > 0 && c.startFrame + c.lengthFrames - (a + static_cast<int64_t>(avail)) < c.fadeOutFrames);
  const float g = static_cast<float>(c.gain);
  for (int ch = 0; ch < c.channels; ++ch) {
    const float* src = f.data[static_cast<size_t>(ch)].data() + f.head;
    const int d0 = ch, d1 = (c.channels == 1 && s.spec.channels == 2) ? 1 : ch;
    for (int d = d0; d <= d1; ++d) {
      float* dst = s.inCh(d) + off;
      if (!fades) {
        for (size_t i = 0; i < avail; ++i) dst[i] += g * src[i];
      } else {
        for (size_t i = 0; i < avail; ++i) {
          const int64_t t = a + static_cast<int64_t>(i);
          double w = c.gain;
          const int64_t pos = t - c.startFrame, rem = c.startFrame + c.lengthFrames - t;
          if (pos < c.fadeInFrames) w *= fadeWeight(c.fadeInShape, pos, pos, c.fadeInFrames);
          if (rem < c.fadeOutFrames) w *= fadeWeight(c.fadeOutShape, rem, rem - 1, c.fadeOutFrames);
          dst[i] += static_cast<float>(w) * src[i];
        }
      }
    }
  }
  f.head += avail;
  f.consumed += static_cast<int64_t>(avail);
}

void Mixer::headStages(Strip& s, int64_t t0, size_t n) {
  const StripSpec& p = s.spec;
  const int ch = p.channels;
  for (int k : s.clips) readClip(k, t0, n, s);
  for (int c = 0; c < ch; ++c) s.inputPeak = std::max(s.inputPeak, static_cast<double>(peakAbs(s.inCh(c), n)));
  if (p.print == Print::Residual)
    std::copy(s.in.begin(), s.in.begin() + static_cast<long>(static_cast<size_t>(ch) * s.n), s.pre.begin());
  // ---- the chain, in place on s.in: trim/polarity and gate here; EQ and compressor follow
  if (p.trimDb != 0 || p.invert) {
    const float g = static_cast<float>(std::pow(10.0, p.trimDb / 20.0) * (p.invert ? -1.0 : 1.0));
    for (int c = 0; c < ch; ++c) {
      float* x = s.inCh(c);
      for (size_t j = 0; j < n; ++j) x[j] *= g;
    }
  }
  if (s.gate) s.gate->process(s.inPlanes.data(), n);
}

void Mixer::renderBody(size_t n, float* out, std::vector<std::vector<float>>& prints) {
  if (n > spec_.maxBlockFrames) throw std::invalid_argument("render: n exceeds maxBlockFrames");
  DenormalGuard guard;
  const int64_t t0 = t_;
  prints.resize(printing_.size());
  for (auto& s : strips_) std::fill(s->in.begin(), s->in.end(), 0.0f);
  std::fill(out, out + 2 * n, 0.0f);
  size_t printIndex = 0;
  // the leaf strips' inputs and first stages, all strips together: their EQ and compressor
  // recursions then run interleaved (BiquadCascade/Compressor::processBatch)
  std::vector<BiquadCascade::Lane> eqLanes;
  std::vector<Compressor*> comps;
  std::vector<float* const*> compPlanes;
  for (auto& sp : strips_) {
    if (!sp->leaf) continue;
    headStages(*sp, t0, n);
    for (int c = 0; c < sp->spec.channels; ++c)
      if (!sp->eq.empty()) eqLanes.push_back({&sp->eq, c, sp->inCh(c)});
    if (sp->compressor) {
      comps.push_back(sp->compressor.get());
      compPlanes.push_back(sp->inPlanes.data());
    }
  }
  BiquadCascade::processBatch(eqLanes, n);
  Compressor::processBatch(comps.data(), compPlanes.data(), comps.size(), n);
  for (size_t i = 0; i < strips_.size(); ++i) {
    Strip& s = *strips_[i];
    const StripSpec& p = s.spec;
    const int ch = p.channels;
    float* const* planes = s.inPlanes.data();
    if (!s.leaf) {
      headStages(s, t0, n);
      if (!s.eq.empty()) s.eq.process(planes, n);
      if (s.compressor) s.compressor->process(planes, n);
    }
    if (s.saturation) s.saturation->process(planes, n);
    if (s.delay) s.delay->process(planes, n);
    if (s.reverb) s.reverb->process(planes, n);
    // ---- automation: per-sample ratio to the static fader, and panning gains
    const bool gainAuto = !p.gainAutomation.empty(), panAuto = !p.panAutomation.empty();
    if (gainAuto) {
      const Breakpoints& b = p.gainAutomation;
      for (size_t j = 0; j < n; ++j) {
        const double t = static_cast<double>(t0 + static_cast<int64_t>(j));
        while (s.gainCursor + 1 < b.frames.size() && b.frames[s.gainCursor + 1] <= t) ++s.gainCursor;
        double v;
        if (t <= b.frames.front())
          v = b.values.front();
        else if (s.gainCursor + 1 >= b.frames.size())
          v = b.values.back();
        else {
          const double f0 = b.frames[s.gainCursor], f1 = b.frames[s.gainCursor + 1];
          v = b.values[s.gainCursor] + (t - f0) / (f1 - f0) * (b.values[s.gainCursor + 1] - b.values[s.gainCursor]);
        }
        s.ratio[j] = static_cast<float>(fastmath::dbToAmp(v - p.gainDb));
      }
    }
    if (panAuto) {
      const Breakpoints& b = p.panAutomation;
      for (size_t j = 0; j < n; ++j) {
        const double t = static_cast<double>(t0 + static_cast<int64_t>(j));
        while (s.panCursor + 1 < b.frames.size() && b.frames[s.panCursor + 1] <= t) ++s.panCursor;
        double v;
        if (t <= b.frames.front())
          v = b.values.front();
        else if (s.panCursor + 1 >= b.frames.size())
          v = b.values.back();
        else {
          const double f0 = b.frames[s.panCursor], f1 = b.frames[s.panCursor + 1];
          v = b.values[s.panCursor] + (t - f0) / (f1 - f0) * (b.values[s.panCursor + 1] - b.values[s.panCursor]);
        }
        double l, r;
        panGains(v, ch, l, r);
        s.pl[j] = static_cast<float>(l);
        s.pr[j] = static_cast<float>(r);
      }
    }
    // ---- the tap before the static fader: chain × automation ratio (× automated pan)
    // Pre-fader sends and PreFader/PostPan prints use it; `tap` holds tapChannels planes.
    const int tapChannels = panAuto ? 2 : ch;
    const bool needTap = gainAuto || panAuto;
    if (needTap) {
      // reuse s.out as scratch for the tap (fader output is written after the tap is consumed)
      for (int c = 0; c < tapChannels; ++c) {
        const float* x = s.inCh(ch == 1 ? 0 : c);
        float* y = s.outCh(c);
        const float* pg = panAuto ? (c == 0 ? s.pl.data() : s.pr.data()) : nullptr;
        for (size_t j = 0; j < n; ++j) {
          float v = x[j];
          if (gainAuto) v *= s.ratio[j];
          if (pg) v *= pg[j];
          y[j] = v;
        }
      }
    }
    auto tapCh = [&](int c) -> const float* { return needTap ? s.outCh(c) : s.inCh(c); };
    // ---- prints
    if (p.print != Print::None) {
      std::vector<float>& dst = prints[printIndex++];
      const int pc = printChannels(static_cast<int>(i));
      dst.resize(n * static_cast<size_t>(pc));
      if (p.print == Print::Residual) {
        for (int c = 0; c < pc; ++c) {
          const float* y = s.inCh(c);
          const float* x = s.preCh(c);
          for (size_t j = 0; j < n; ++j) dst[j * pc + c] = y[j] - x[j];
        }
      } else if (p.print == Print::PostPan && !panAuto) {
        // static pan printed into a stereo stem
        for (int c = 0; c < 2; ++c) {
          const float* x = tapCh(ch == 1 ? 0 : c);
          const float g = static_cast<float>(c == 0 ? s.panL : s.panR);
          for (size_t j = 0; j < n; ++j) dst[j * 2 + c] = x[j] * g;
        }
      } else {
        for (int c = 0; c < pc; ++c) {
          const float* x = tapCh(c);
          for (size_t j = 0; j < n; ++j) dst[j * pc + c] = x[j];
        }
      }
    }
    // ---- pre-fader sends (dual mono from a mono tap)
    if (p.active) {
      for (const SendSpec& d : p.sends) {
        if (!d.preFader) continue;
        Strip& dest = *strips_[static_cast<size_t>(d.dest)];
        const float g = static_cast<float>(d.gain);
        for (int c = 0; c < 2; ++c) {
          const float* x = tapCh(tapChannels == 1 ? 0 : c);
          float* y = dest.inCh(c);
          for (size_t j = 0; j < n; ++j) y[j] += g * x[j];
        }
      }
    }
    // ---- fader and pan → s.out (stereo)
    bool peakDone = false;
    {
      const float G = static_cast<float>(s.gain);
      if (panAuto) {
        // the tap already holds the panned, automated signal
        for (int c = 0; c < 2; ++c) {
          float* y = s.outCh(c);
          for (size_t j = 0; j < n; ++j) y[j] *= G;
        }
      } else {
        const float gl = static_cast<float>(s.gain * s.panL), gr = static_cast<float>(s.gain * s.panR);
        // stereo tap of a mono strip cannot happen here (no pan automation): map channel → plane
        const float* xl = tapCh(0);
        const float* xr = tapCh(ch == 1 ? 0 : 1);
        float* yl = s.outCh(0);
        float* yr = s.outCh(1);
        if (gainAuto) {
          // tap lives in s.out: compute right first when it aliases the left source
          for (size_t j = 0; j < n; ++j) {
            const float l = xl[j], r = xr[j];
            yl[j] = l * gl;
            yr[j] = r * gr;
          }
        } else {
          // fader and pan with the output peak in the same pass
          s.outputPeak = std::max(s.outputPeak, static_cast<double>(scaleWithPeak(xl, gl, yl, n)));
          s.outputPeak = std::max(s.outputPeak, static_cast<double>(scaleWithPeak(xr, gr, yr, n)));
          peakDone = true;
        }
      }
      (void)G;
    }
    if (!peakDone)
      for (int c = 0; c < 2; ++c) s.outputPeak = std::max(s.outputPeak, static_cast<double>(peakAbs(s.outCh(c), n)));
    if (!p.active) continue;
    for (const SendSpec& d : p.sends) {
      if (d.preFader) continue;
      Strip& dest = *strips_[static_cast<size_t>(d.dest)];
      const float g = static_cast<float>(d.gain);
      for (int c = 0; c < 2; ++c) {
        const float* x = s.outCh(c);
        float* y = dest.inCh(c);
        for (size_t j = 0; j < n; ++j) y[j] += g * x[j];
      }
    }
    if (p.output >= 0) {
      Strip& dest = *strips_[static_cast<size_t>(p.output)];
      for (int c = 0; c < 2; ++c) {
        const float* x = s.outCh(c);
        float* y = dest.inCh(c);
        for (size_t j = 0; j < n; ++j) y[j] += x[j];
      }
    } else {
      const float* l = s.outCh(0);
      const float* r = s.outCh(1);
      for (size_t j = 0; j < n; ++j) {
        out[2 * j] += l[j];
        out[2 * j + 1] += r[j];
      }
    }
  }
  t_ += static_cast<int64_t>(n);
}

void Mixer::render(size_t n, float* out, std::vector<std::vector<float>>& prints) {
  using Fn = void (Mixer::*)(size_t, float*, std::vector<std::vector<float>>&);
  static const Fn fn = isaPick<Fn>(&Mixer::renderBaseline, &Mixer::renderAvx2, &Mixer::renderAvx512);
  (this->*fn)(n, out, prints);
}

void Mixer::renderAvx512(size_t n, float* out, std::vector<std::vector<float>>& prints) { renderBody(n, out, prints); }
void Mixer::renderAvx2(size_t n, float* out, std::vector<std::vector<float>>& prints) { renderBody(n, out, prints); }
void Mixer::renderBaseline(size_t n, float* out, std::vector<std::vector<float>>& prints) {
  renderBody(n, out, prints);
}

std::vector<StripStats> Mixer::stats() const {
  std::vector<StripStats> out;
  for (const auto& s : strips_) {
    StripStats st;
    st.inputPeak = s->inputPeak;
    st.outputPeak = s->outputPeak;
    if (s->compressor) {
      st.compressorMaxGainReductionDb = s->compressor->stats().maxGainReductionDb;
      st.compressorMeanGainReductionDb = s->compressor->stats().meanGainReductionDb();
    }
    if (s->gate && s->gate->stats().frames)
      st.gateOpenFraction =
          static_cast<double>(s->gate->stats().openFrames) / static_cast<double>(s->gate->stats().frames);
    out.push_back(st);
  }
  return out;
}

}  // namespace mix
}  // namespace shub
