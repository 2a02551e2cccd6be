#include "reamp/amp.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <stdexcept>

#include "common.h"

namespace shub {
namespace reamp {

void toneStackAnalog(const ToneStackComponents& k, double t, double m, double l, double b[4], double a[4]) {
  const double C1 = k.C1, C2 = k.C2, C3 = k.C3, R1 = k.R1, R2 = k.R2, R3 = k.R3, R4 = k.R4;
  b[0] = 0;
  b[1] = t * C1 * R1 + m * C3 * R3 + l * (C1 * R2 + C2 * R2) + (C1 * R3 + C2 * R3);
  b[2] = t * (C1 * C2 * R1 * R4 + C1 * C3 * R1 * R4) - m * m * (C1 * C3 * R3 * R3 + C2 * C3 * R3 * R3) +
         m * (C1 * C3 * R1 * R3 + C1 * C3 * R3 * R3 + C2 * C3 * R3 * R3) +
         l * (C1 * C2 * R1 * R2 + C1 * C2 * R2 * R4 + C1 * C3 * R2 * R4) +
         l * m * (C1 * C3 * R2 * R3 + C2 * C3 * R2 * R3) + (C1 * C2 * R1 * R3 + C1 * C2 * R3 * R4 + C1 * C3 * R3 * R4);
  const double C123 = C1 * C2 * C3;
  b[3] = l * m * C123 * (R1 * R2 * R3 + R2 * R3 * R4) - m * m * C123 * (R1 * R3 * R3 + R3 * R3 * R4) +
         m * C123 * (R1 * R3 * R3 + R3 * R3 * R4) + t * C123 * R1 * R3 * R4 - t * m * C123 * R1 * R3 * R4 +
         t * l * C123 * R1 * R2 * R4;
  a[0] = 1;
  a[1] = (C1 * R1 + C1 * R3 + C2 * R3 + C2 * R4 + C3 * R4) + m * C3 * R3 + l * (C1 * R2 + C2 * R2);
  a[2] = m * (C1 * C3 * R1 * R3 - C2 * C3 * R3 * R4 + C1 * C3 * R3 * R3 + C2 * C3 * R3 * R3) +
         l * m * (C1 * C3 * R2 * R3 + C2 * C3 * R2 * R3) - m * m * (C1 * C3 * R3 * R3 + C2 * C3 * R3 * R3) +
         l * (C1 * C2 * R2 * R4 + C1 * C2 * R1 * R2 + C1 * C3 * R2 * R4 + C2 * C3 * R2 * R4) +
         (C1 * C2 * R1 * R4 + C1 * C3 * R1 * R4 + C1 * C2 * R3 * R4 + C1 * C2 * R1 * R3 + C1 * C3 * R3 * R4 +
          C2 * C3 * R3 * R4);
  a[3] = l * m * C123 * (R1 * R2 * R3 + R2 * R3 * R4) - m * m * C123 * (R1 * R3 * R3 + R3 * R3 * R4) +
         m * C123 * (R3 * R3 * R4 + R1 * R3 * R3 - R1 * R3 * R4) + l * C123 * R1 * R2 * R4 + C123 * R1 * R3 * R4;
}

ToneStack::ToneStack(const ToneStackComponents& comp, double t, double m, double l, double fs) {
  double b[4], a[4];
  toneStackAnalog(comp, t, m, l, b, a);
  // bilinear transform s = c·(1 − z⁻¹)/(1 + z⁻¹), c = 2·fs; numerator and denominator times (1 + z⁻¹)³:
  // s^k → c^k (1 − z⁻¹)^k (1 + z⁻¹)^(3−k)
  static const double basis[4][4] = {{1, 3, 3, 1}, {1, 1, -1, -1}, {1, -1, -1, 1}, {1, -3, 3, -1}};
  const double c = 2 * fs;
  double B[4] = {0, 0, 0, 0}, A[4] = {0, 0, 0, 0};
  double ck = 1;
  for (int k = 0; k < 4; ++k) {
    for (int i = 0; i < 4; ++i) B[i] += b[k] * ck * basis[k][i], A[i] += a[k] * ck * basis[k][i];
    ck *= c;
  }
  for (int i = 0; i < 4; ++i) b_[i] = B[i] / A[0], a_[i] = A[i] / A[0];
}

bool parseVoice(const std::string& name, Voice& out) {
  if (name == "clean") return out = Voice::Clean, true;
  if (name == "crunch") return out = Voice::Crunch, true;
  if (name == "lead") return out = Voice::Lead, true;
  return false;
}

ToneStackComponents voiceToneStack(Voice v) {
  switch (v) {
    case Voice::Clean:  // '69 Twin Reverb (AA270)
      return {250e3, 250e3, 10e3, 100e3, 120e-12, 100e-9, 47e-9};
    case Voice::Lead:  // Marshall JCM800 (2203)
      return {220e3, 1e6, 22e3, 33e3, 470e-12, 22e-9, 22e-9};
    case Voice::Crunch:
    default:  // '59 Bassman (5F6-A), the circuit Yeh & Smith analyse
      return {250e3, 1e6, 25e3, 56e3, 250e-12, 20e-9, 20e-9};
  }
}

namespace {
// log cosh, without overflow
inline double logCosh(double x) {
  const double ax = std::fabs(x);
  return ax + std::log1p(std::exp(-2 * ax)) - M_LN2;
}
inline double onePoleLowpass(double fc, double fs) { return 1 - std::exp(-2 * M_PI * fc / fs); }
inline double onePoleHighpass(double fc, double fs) { return 1 / (1 + 2 * M_PI * fc / fs); }
inline double db(double x) { return std::pow(10.0, x / 20); }

struct StageSpec {
  double gainDb, bias, hpHz, lpHz;
};
std::vector<StageSpec> voiceStages(Voice v) {
  switch (v) {
    case Voice::Clean:
      return {{0, 0.15, 20, 14000}};
    case Voice::Lead:
      return {{0, 0.2, 80, 12000}, {18, -0.25, 40, 9000}, {12, 0.2, 30, 7000}};
    case Voice::Crunch:
    default:
      return {{0, 0.2, 30, 12000}, {16, -0.25, 40, 9000}};
  }
}
}  // namespace

double AdaaClipper::F(double u) const { return logCosh(u + b_) - u * tb_; }

double AdaaClipper::tick(double u) { return next(u, F(u)); }

double AdaaClipper::next(double u, double Fu) {
  const double d = u - prev_;
  double y;
  if (std::fabs(d) > 1e-5)
    y = (Fu - prevF_) / d;
  else
    y = std::tanh(0.5 * (u + prev_) + b_) - tb_;
  prev_ = u;
  prevF_ = Fu;
  return y;
}

Amp::Amp(const AmpParams& p, int sampleRate) : p_(p), powerClip_(0.0) {
  if (sampleRate < 8000 || sampleRate > 192000)
    throw std::invalid_argument("the built-in amp runs at 8–192 kHz, got " + std::to_string(sampleRate) + " Hz");
  preOs_ = std::make_unique<Oversampler>(sampleRate, p.oversampling);
  powerOs_ = std::make_unique<Oversampler>(sampleRate, std::min(8, p.oversampling));
  const double top = preOs_->highRate();
  for (const StageSpec& s : voiceStages(p.voice))
    stages_.push_back(
        Stage{db(s.gainDb), AdaaClipper(s.bias), onePoleHighpass(s.hpHz, top), onePoleLowpass(s.lpHz, top)});
  const ToneStackComponents comp = voiceToneStack(p.voice);
  tone_ = std::make_unique<ToneStack>(comp, p.treble, p.mid, p.bass, sampleRate);
  // voice level: the tone stack at noon passes 1 kHz at 0 dB
  double b[4], a[4];
  toneStackAnalog(comp, 0.5, 0.5, 0.5, b, a);
  const std::complex<double> s(0, 2 * M_PI * 1000);
  const std::complex<double> H =
      (b[1] * s + b[2] * s * s + b[3] * s * s * s) / (1.0 + a[1] * s + a[2] * s * s + a[3] * s * s * s);
  makeup_ = 1 / std::abs(H);
  inGain_ = db(p.gainDb);
  masterGain_ = db(p.masterDb);
  outGain_ = db(p.levelDb);
  std::vector<Biquad> sh;
  const double nyq = 0.5 * sampleRate;
  if (p.depth != 0.5 && 90 < nyq)
    sh.push_back(biquad::design(biquad::Shape::LowShelf, 90, 0.7071, 12 * (p.depth - 0.5), sampleRate));
  if (p.presence != 0.5 && 3500 < 0.45 * sampleRate)
    sh.push_back(biquad::design(biquad::Shape::HighShelf, 3500, 0.7071, 12 * (p.presence - 0.5), sampleRate));
  shelves_ = BiquadCascade(sh, 1);
  const double powerRate = powerOs_->highRate();
  envA_ = onePoleLowpass(1 / (2 * M_PI * 0.005), powerRate);  // 5 ms attack
  envR_ = onePoleLowpass(1 / (2 * M_PI * 0.15), powerRate);   // 150 ms release
}

void Amp::preamp(float* x, size_t n) {
  // stage by stage over the block: the antiderivative of every sample first (independent
  // evaluations the CPU overlaps), then the short recursions (clipper difference, coupling
  // high-pass, interstage low-pass); per sample through all stages the exp/log1p latencies chain
  u_.resize(n);
  F_.resize(n);
  for (size_t i = 0; i < n; ++i) u_[i] = x[i];
  for (Stage& s : stages_) {
    for (size_t i = 0; i < n; ++i) {
      u_[i] *= s.gain;
      F_[i] = s.clip.F(u_[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      const double y = s.clip.next(u_[i], F_[i]);
      const double hp = s.hpA * (s.hpY + y - s.hpX);  // coupling capacitor
      s.hpX = y;
      s.hpY = hp;
      s.lp += s.lpA * (hp - s.lp);  // Miller / interstage low-pass
      u_[i] = s.lp;
    }
  }
  for (size_t i = 0; i < n; ++i) x[i] = static_cast<float>(u_[i]);
}

void Amp::power(float* x, size_t n) {
  // as preamp(): the envelope recursion, then the antiderivatives, then the clipper differences
  u_.resize(n);
  F_.resize(n);
  c_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double u = masterGain_ * x[i];
    const double au = std::fabs(u);
    env_ += (au > env_ ? envA_ : envR_) * (au - env_);
    c_[i] = 1 / (1 + p_.sag * env_);  // the sagging ceiling
    u_[i] = u / c_[i];
  }
  for (size_t i = 0; i < n; ++i) F_[i] = powerClip_.F(u_[i]);
  for (size_t i = 0; i < n; ++i) x[i] = static_cast<float>(c_[i] * powerClip_.next(u_[i], F_[i]));
}

void Amp::post(std::vector<float>& x, size_t from) {
  for (size_t i = from; i < x.size(); ++i) x[i] = static_cast<float>(makeup_ * tone_->tick(x[i]));
  if (!shelves_.empty() && x.size() > from) {
    float* plane = x.data() + from;
    shelves_.process(&plane, x.size() - from);
  }
}

void Amp::process(const float* in, size_t n, std::vector<float>& out) {
  DenormalGuard guard;
  pre_.resize(n);
  for (size_t i = 0; i < n; ++i) pre_[i] = static_cast<float>(inGain_ * in[i]);
  mid_.clear();
  preOs_->process(pre_.data(), n, mid_, [this](float* x, size_t m) { preamp(x, m); });
  post(mid_, 0);
  const size_t base = out.size();
  powerOs_->process(mid_.data(), mid_.size(), out, [this](float* x, size_t m) { power(x, m); });
  for (size_t i = base; i < out.size(); ++i) out[i] = static_cast<float>(outGain_ * out[i]);
}

void Amp::flush(std::vector<float>& out) {
  DenormalGuard guard;
  mid_.clear();
  preOs_->flush(mid_, [this](float* x, size_t m) { preamp(x, m); });
  post(mid_, 0);
  const size_t base = out.size();
  auto shaper = [this](float* x, size_t m) { power(x, m); };
  powerOs_->process(mid_.data(), mid_.size(), out, shaper);
  powerOs_->flush(out, shaper);
  for (size_t i = base; i < out.size(); ++i) out[i] = static_cast<float>(outGain_ * out[i]);
}

Overdrive::Overdrive(const OverdriveParams& p, int sampleRate) : p_(p), clip_(0.08) {
  if (sampleRate < 8000 || sampleRate > 192000)
    throw std::invalid_argument("the overdrive runs at 8–192 kHz, got " + std::to_string(sampleRate) + " Hz");
  os_ = std::make_unique<Oversampler>(sampleRate, p.oversampling);
  drive_ = db(p.driveDb);
  level_ = db(p.levelDb);
  hpA_ = onePoleHighpass(720, os_->highRate());
  const double toneHz = std::min(400 * std::pow(20.0, p.tone), 0.45 * sampleRate);  // 400 Hz … 8 kHz
  lpA_ = onePoleLowpass(toneHz, sampleRate);
}

void Overdrive::shape(float* x, size_t n) {
  const double k = 0.6;  // diode knee
  u_.resize(n);
  F_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double v = x[i];
    const double hp = hpA_ * (hpY_ + v - hpX_);
    hpX_ = v;
    hpY_ = hp;
    u_[i] = drive_ * hp / k;
  }
  for (size_t i = 0; i < n; ++i) F_[i] = clip_.F(u_[i]);
  for (size_t i = 0; i < n; ++i) x[i] = static_cast<float>(x[i] + k * clip_.next(u_[i], F_[i]));
}

void Overdrive::process(const float* in, size_t n, std::vector<float>& out) {
  DenormalGuard guard;
  const size_t base = out.size();
  os_->process(in, n, out, [this](float* x, size_t m) { shape(x, m); });
  for (size_t i = base; i < out.size(); ++i) {
    lp_ += lpA_ * (out[i] - lp_);
    out[i] = static_cast<float>(level_ * lp_);
  }
}

void Overdrive::flush(std::vector<float>& out) {
  DenormalGuard guard;
  const size_t base = out.size();
  os_->flush(out, [this](float* x, size_t m) { shape(x, m); });
  for (size_t i = base; i < out.size(); ++i) {
    lp_ += lpA_ * (out[i] - lp_);
    out[i] = static_cast<float>(level_ * lp_);
  }
}

}  // namespace reamp
}  // namespace shub
