// Built-in guitar amp and overdrive pedal (issue 14).
//
// Amp: input gain → preamp (oversampled: 1–3 triode-like gain stages, each a static asymmetric
// clipper y = tanh(u + b) − tanh(b) with first-order antiderivative anti-aliasing, a coupling
// high-pass and an interstage low-pass) → passive bass/mid/treble tone stack (Yeh & Smith, DAFx
// 2006: the third-order analog transfer function from the voice's component values, discretised
// by the bilinear transform, double precision) → presence/depth shelves → power amp (oversampled
// symmetric clipper whose ceiling sags with a supply envelope) → output level. Voices differ by
// stage count, gains, bias, filter corners and tone-stack components. Mono in, mono out.
// Overdrive: oversampled x + clip(drive · HP(x)) (the classic mid-hump pedal), tone low-pass, level.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "dsp/biquad.h"
#include "reamp/oversampler.h"

namespace shub {
namespace reamp {

/** Component values of a Fender/Marshall bass-mid-treble network (ohms, farads). */
struct ToneStackComponents {
  double R1, R2, R3, R4, C1, C2, C3;
};

/**
 * Coefficients of the analog H(s) = (b1 s + b2 s² + b3 s³) / (1 + a1 s + a2 s² + a3 s³) for pot
 * positions t (treble), m (mid), l (bass) in [0, 1]: b[0..3], a[0..3] with b[0] = 0, a[0] = 1.
 */
void toneStackAnalog(const ToneStackComponents& c, double t, double m, double l, double b[4], double a[4]);

/** The bilinear-transformed third-order section (transposed direct form II, double precision). */
class ToneStack {
 public:
  ToneStack(const ToneStackComponents& c, double t, double m, double l, double fs);
  double tick(double x) {
    const double y = b_[0] * x + s_[0];
    s_[0] = b_[1] * x - a_[1] * y + s_[1];
    s_[1] = b_[2] * x - a_[2] * y + s_[2];
    s_[2] = b_[3] * x - a_[3] * y;
    return y;
  }

 private:
  double b_[4], a_[4], s_[3] = {0, 0, 0};
};

enum class Voice { Clean, Crunch, Lead };
bool parseVoice(const std::string& name, Voice& out);
ToneStackComponents voiceToneStack(Voice v);

struct AmpParams {
  Voice voice = Voice::Crunch;
  double gainDb = 0;  // input drive
  double bass = 0.5, mid = 0.5, treble = 0.5;
  double presence = 0.5;  // 0.5 flat, ±6 dB high shelf at 3.5 kHz
  double depth = 0.5;     // 0.5 flat, ±6 dB low shelf at 90 Hz
  double masterDb = 0;    // power-amp drive
  double sag = 0;         // 0 off … 1 strong supply sag
  double levelDb = 0;     // output
  int oversampling = 16;
};

/** The antiderivative-anti-aliased asymmetric clipper f(u) = tanh(u + b) − tanh(b) (state: u[n−1]). */
class AdaaClipper {
 public:
  explicit AdaaClipper(double bias = 0) : b_(bias), tb_(std::tanh(bias)) {}
  double tick(double u);
  /** The antiderivative F(u) = log cosh(u + b) − u·tanh(b). */
  double F(double u) const;
  /** tick(u) with F(u) computed by the caller. */
  double next(double u, double Fu);

 private:
  double b_, tb_, prev_ = 0, prevF_ = 0;
};

class Amp {
 public:
  Amp(const AmpParams& p, int sampleRate);
  void process(const float* in, size_t n, std::vector<float>& out);
  void flush(std::vector<float>& out);

 private:
  struct Stage {
    double gain;
    AdaaClipper clip;
    double hpA, lpA;  // one-pole coefficients at the top rate
    double hpX = 0, hpY = 0, lp = 0;
  };
  void preamp(float* x, size_t n);
  void power(float* x, size_t n);
  void post(std::vector<float>& x, size_t from);

  AmpParams p_;
  double inGain_, makeup_, masterGain_, outGain_;
  std::vector<Stage> stages_;
  std::unique_ptr<Oversampler> preOs_, powerOs_;
  std::unique_ptr<ToneStack> tone_;
  BiquadCascade shelves_;
  AdaaClipper powerClip_;
  double envA_, envR_, env_ = 0;
  std::vector<float> mid_, pre_;
  std::vector<double> u_, F_, c_;
};

/** The tone stack alone at the base rate (the acceptance test's path). */
class ToneStackProcessor {
 public:
  ToneStackProcessor(Voice v, double bass, double mid, double treble, int sampleRate)
      : ts_(voiceToneStack(v), treble, mid, bass, sampleRate) {}
  void process(const float* in, size_t n, std::vector<float>& out) {
    for (size_t i = 0; i < n; ++i) out.push_back(static_cast<float>(ts_.tick(in[i])));
  }
  void flush(std::vector<float>&) {}

 private:
  ToneStack ts_;
};

struct OverdriveParams {
  double driveDb = 18, tone = 0.5, levelDb = 0;
  int oversampling = 16;
};

class Overdrive {
 public:
  Overdrive(const OverdriveParams& p, int sampleRate);
  void process(const float* in, size_t n, std::vector<float>& out);
  void flush(std::vector<float>& out);

 private:
  void shape(float* x, size_t n);
  OverdriveParams p_;
  double drive_, level_, hpA_, lpA_, hpX_ = 0, hpY_ = 0, lp_ = 0;
  AdaaClipper clip_;
  std::unique_ptr<Oversampler> os_;
  std::vector<double> u_, F_;
};

}  // namespace reamp
}  // namespace shub
