// Second-order IIR sections: the coefficient type, the designs shub uses (RBJ "Audio EQ
// Cookbook" shapes, Butterworth and Linkwitz–Riley cascades) and a multichannel cascade that
// filters planar float blocks in double precision. Shared by master and mix.
#pragma once

#include <complex>
#include <cstddef>
#include <string>
#include <vector>

#include "generated/dsp_params.h"

namespace shub {

/** y[n] = b0 x[n] + b1 x[n−1] + b2 x[n−2] − a1 y[n−1] − a2 y[n−2]  (a[0] == 1). */
struct Biquad {
  double b[3];
  double a[3];
};

namespace biquad {

enum class Shape { Peak, LowShelf, HighShelf, LowPass, HighPass, BandPass, Notch, AllPass };

/** Parses "peak" | "lowshelf" | "highshelf" | "lowpass" | "highpass" | "bandpass" | "notch" | "allpass". */
bool parseShape(const std::string& name, Shape& out);
const char* shapeName(Shape s);
/** Every shape name, comma separated (for messages). */
std::string shapeNames();

/** The identity section (b = [1,0,0], a = [1,0,0]). */
Biquad identity();

/**
 * RBJ cookbook designs at sample rate fs. f0 in Hz (0 < f0 < fs/2), q > 0. gainDb is used by
 * Peak and the shelves (for the shelves q is the cookbook's Q, 0.7071 giving the steepest
 * slope without overshoot).
 */
Biquad design(Shape shape, double f0, double q, double gainDb, double fs);

/** Q of each second-order section of an order-`order` Butterworth filter (order even, ≥ 2). */
std::vector<double> butterworthQs(int order);

/** Butterworth high- or low-pass of even order as a cascade of sections. */
std::vector<Biquad> butterworth(bool highPass, int order, double f0, double fs);

/** Linkwitz–Riley (two cascaded Butterworths) of order 2·order; order even → LR4, LR8, … */
std::vector<Biquad> linkwitzRiley(bool highPass, int order, double f0, double fs);

/** Complex response H(e^{jω}) at frequency f. */
std::complex<double> response(const Biquad& q, double f, double fs);
/** |H| in dB of a cascade at frequency f. */
double cascadeGainDb(const std::vector<Biquad>& sections, double f, double fs);

}  // namespace biquad

/** One EQ band as recipes and the master plan describe it (the JS shape: {type, freqHz, q, gainDb}). */
struct EqBand {
  biquad::Shape shape = biquad::Shape::Peak;
  // defaults, units and ranges: generated/dsp_params.h (declared in src/engines/dsp/params.ts)
  double freqHz = params::eq::freqHz.def;  // also below fs/2
  double q = params::eq::q.def;
  double gainDb = params::eq::gainDb.def;
};

/** Empty when the band's values are in their declared ranges, else a message naming the field. */
std::string validateEqBand(const EqBand& band);

/** The sections of a list of bands at fs (bands at or above Nyquist are left out: nothing to shape there). */
std::vector<Biquad> designBands(const std::vector<EqBand>& bands, double fs);

/**
 * A cascade of biquads applied to every channel of planar float blocks (transposed direct form
 * II, double-precision state). Coefficients may be replaced between blocks (state is kept).
 */
class BiquadCascade {
 public:
  BiquadCascade() = default;
  BiquadCascade(std::vector<Biquad> sections, int channels);

  void setSections(std::vector<Biquad> sections);
  const std::vector<Biquad>& sections() const { return sections_; }
  bool empty() const { return sections_.empty(); }
  int channels() const { return channels_; }

  /** Filters n samples of each of `channels()` planes in place. */
  void process(float* const* planes, size_t n);
  /** Filters one plane (channel index ch) in place. */
  void processChannel(int ch, float* x, size_t n);

  /** One channel of one cascade, for processBatch. */
  struct Lane {
    BiquadCascade* cascade;
    int channel;
    float* plane;
  };
  /**
   * Filters many channels of many cascades in place (a mixer's tracks), several recursions
   * interleaved so that the CPU overlaps them. Reorders `lanes`.
   */
  static void processBatch(std::vector<Lane>& lanes, size_t n);
  /** The two state values per section of channel ch. */
  double* state(int ch) { return &state_[static_cast<size_t>(ch) * sections_.size() * 2]; }
  void reset();

 private:
  std::vector<Biquad> sections_;
  int channels_ = 0;
  std::vector<double> state_;  // [channel][section][2]
};

}  // namespace shub
