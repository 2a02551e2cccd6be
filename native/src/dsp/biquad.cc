#include "dsp/biquad.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "isa.h"

namespace shub {
namespace biquad {

namespace {
struct Named {
  const char* name;
  Shape shape;
};
constexpr Named kShapes[] = {{"peak", Shape::Peak},           {"lowshelf", Shape::LowShelf},
                             {"highshelf", Shape::HighShelf}, {"lowpass", Shape::LowPass},
                             {"highpass", Shape::HighPass},   {"bandpass", Shape::BandPass},
                             {"notch", Shape::Notch},         {"allpass", Shape::AllPass}};

Biquad normalized(double b0, double b1, double b2, double a0, double a1, double a2) {
  Biquad q;
  q.b[0] = b0 / a0;
  q.b[1] = b1 / a0;
  q.b[2] = b2 / a0;
  q.a[0] = 1.0;
  q.a[1] = a1 / a0;
  q.a[2] = a2 / a0;
  return q;
}
}  // namespace

bool parseShape(const std::string& name, Shape& out) {
  for (const Named& n : kShapes) {
    if (name == n.name) {
      out = n.shape;
      return true;
    }
  }
  return false;
}

const char* shapeName(Shape s) {
  for (const Named& n : kShapes)
    if (n.shape == s) return n.name;
  return "?";
}

std::string shapeNames() {
  std::string out;
  for (const Named& n : kShapes) {
    if (!out.empty()) out += ", ";
    out += n.name;
  }
  return out;
}

Biquad identity() { return normalized(1, 0, 0, 1, 0, 0); }

Biquad design(Shape shape, double f0, double q, double gainDb, double fs) {
  if (!(fs > 0) || !(f0 > 0) || !(f0 < fs / 2) || !(q > 0) || !std::isfinite(gainDb))
    throw std::invalid_argument("biquad design needs 0 < f0 < fs/2, q > 0 and a finite gain");
  const double A = std::pow(10.0, gainDb / 40.0);
  const double w0 = 2.0 * M_PI * f0 / fs;
  const double c = std::cos(w0);
  const double alpha = std::sin(w0) / (2.0 * q);
  const double sA = 2.0 * std::sqrt(A) * alpha;
  switch (shape) {
    case Shape::Peak:
      return normalized(1 + alpha * A, -2 * c, 1 - alpha * A, 1 + alpha / A, -2 * c, 1 - alpha / A);
    case Shape::LowShelf:
      return normalized(A * ((A + 1) - (A - 1) * c + sA), 2 * A * ((A - 1) - (A + 1) * c),
                        A * ((A + 1) - (A - 1) * c - sA), (A + 1) + (A - 1) * c + sA, -2 * ((A - 1) + (A + 1) * c),
                        (A + 1) + (A - 1) * c - sA);
    case Shape::HighShelf:
      return normalized(A * ((A + 1) + (A - 1) * c + sA), -2 * A * ((A - 1) + (A + 1) * c),
                        A * ((A + 1) + (A - 1) * c - sA), (A + 1) - (A - 1) * c + sA, 2 * ((A - 1) - (A + 1) * c),
                        (A + 1) - (A - 1) * c - sA);
    case Shape::LowPass:
      return normalized((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    case Shape::HighPass:
      return normalized((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    case Shape::BandPass:
      return normalized(alpha, 0, -alpha, 1 + alpha, -2 * c, 1 - alpha);
    case Shape::Notch:
      return normalized(1, -2 * c, 1, 1 + alpha, -2 * c, 1 - alpha);
    case Shape::AllPass:
      return normalized(1 - alpha, -2 * c, 1 + alpha, 1 + alpha, -2 * c, 1 - alpha);
  }
  return identity();
}

std::vector<double> butterworthQs(int order) {
  if (order < 2 || order % 2 != 0) throw std::invalid_argument("Butterworth order must be even and >= 2");
  std::vector<double> qs;
  for (int k = 0; k < order / 2; ++k) qs.push_back(1.0 / (2.0 * std::cos((2.0 * k + 1.0) * M_PI / (2.0 * order))));
  return qs;
}

std::vector<Biquad> butterworth(bool highPass, int order, double f0, double fs) {
  std::vector<Biquad> out;
  for (double q : butterworthQs(order))
    out.push_back(design(highPass ? Shape::HighPass : Shape::LowPass, f0, q, 0.0, fs));
  return out;
}

std::vector<Biquad> linkwitzRiley(bool highPass, int order, double f0, double fs) {
  std::vector<Biquad> one = butterworth(highPass, order, f0, fs);
  std::vector<Biquad> out = one;
  out.insert(out.end(), one.begin(), one.end());
  return out;
}

std::complex<double> response(const Biquad& q, double f, double fs) {
  const std::complex<double> z1 = std::polar(1.0, -2.0 * M_PI * f / fs);
  const std::complex<double> z2 = z1 * z1;
  return (q.b[0] + q.b[1] * z1 + q.b[2] * z2) / (1.0 + q.a[1] * z1 + q.a[2] * z2);
}

double cascadeGainDb(const std::vector<Biquad>& sections, double f, double fs) {
  double db = 0;
  for (const Biquad& q : sections) db += 20.0 * std::log10(std::abs(response(q, f, fs)));
  return db;
}

}  // namespace biquad

std::string validateEqBand(const EqBand& band) {
  return params::firstRejection(
      {{params::eq::freqHz, band.freqHz}, {params::eq::q, band.q}, {params::eq::gainDb, band.gainDb}});
}

std::vector<Biquad> designBands(const std::vector<EqBand>& bands, double fs) {
  std::vector<Biquad> out;
  for (const EqBand& b : bands)
    if (b.freqHz > 0 && b.freqHz < fs / 2) out.push_back(biquad::design(b.shape, b.freqHz, b.q, b.gainDb, fs));
  return out;
}

BiquadCascade::BiquadCascade(std::vector<Biquad> sections, int channels)
    : sections_(std::move(sections)),
      channels_(channels),
      state_(static_cast<size_t>(channels) * sections_.size() * 2, 0.0) {}

void BiquadCascade::setSections(std::vector<Biquad> sections) {
  if (sections.size() != sections_.size()) state_.assign(static_cast<size_t>(channels_) * sections.size() * 2, 0.0);
  sections_ = std::move(sections);
}

void BiquadCascade::reset() { std::fill(state_.begin(), state_.end(), 0.0); }

void BiquadCascade::process(float* const* planes, size_t n) {
  for (int ch = 0; ch < channels_; ++ch) processChannel(ch, planes[ch], n);
}

namespace {
// Sample-outer, section-inner: the sections' recursions are independent chains that the CPU
// overlaps, so a cascade costs little more than its slowest section.
template <int K>
SHUB_ALWAYS_INLINE void runFixed(const Biquad* q, double* s, float* x, size_t n) {
  double b0[K], b1[K], b2[K], a1[K], a2[K], s1[K], s2[K];
  for (int k = 0; k < K; ++k) {
    b0[k] = q[k].b[0];
    b1[k] = q[k].b[1];
    b2[k] = q[k].b[2];
    a1[k] = q[k].a[1];
    a2[k] = q[k].a[2];
    s1[k] = s[2 * k];
    s2[k] = s[2 * k + 1];
  }
  for (size_t i = 0; i < n; ++i) {
    double v = x[i];
    for (int k = 0; k < K; ++k) {
      const double y = b0[k] * v + s1[k];
      s1[k] = b1[k] * v - a1[k] * y + s2[k];
      s2[k] = b2[k] * v - a2[k] * y;
      v = y;
    }
    x[i] = static_cast<float>(v);
  }
  for (int k = 0; k < K; ++k) {
    s[2 * k] = s1[k];
    s[2 * k + 1] = s2[k];
  }
}
}  // namespace

namespace {
// Several channels' cascades at once, sample-outer: L independent recursions the CPU overlaps
// (one channel alone waits on its own chain). Transposed direct form II, as processChannel.
typedef double v4d __attribute__((vector_size(32)));

// Four lanes per vector (GCC/Clang vector extensions; one AVX2 / AVX-512VL register in those
// builds, two SSE2 halves in the baseline one), G vectors in flight. Missing lanes of a last group filter a scratch
// plane.
template <int K, int G>
SHUB_ALWAYS_INLINE void runLanesBody(const BiquadCascade::Lane* lanes, size_t count, size_t n) {
  v4d b0[G][K], b1[G][K], b2[G][K], a1[G][K], a2[G][K], s1[G][K], s2[G][K];
  float* x[G * 4];
  std::vector<float> dummy;
  for (int q = 0; q < G * 4; ++q) {
    const int g = q / 4, l = q % 4;
    const bool real = static_cast<size_t>(q) < count;
    const BiquadCascade::Lane& ln = lanes[real ? q : 0];
    const auto& sec = ln.cascade->sections();
    const double* st = ln.cascade->state(ln.channel);
    for (int k = 0; k < K; ++k) {
      b0[g][k][l] = sec[k].b[0];
      b1[g][k][l] = sec[k].b[1];
      b2[g][k][l] = sec[k].b[2];
      a1[g][k][l] = sec[k].a[1];
      a2[g][k][l] = sec[k].a[2];
      s1[g][k][l] = real ? st[2 * k] : 0.0;
      s2[g][k][l] = real ? st[2 * k + 1] : 0.0;
    }
    if (!real && dummy.empty()) dummy.assign(n, 0.0f);
    x[q] = real ? ln.plane : dummy.data();
  }
  for (size_t i = 0; i < n; ++i) {
    for (int g = 0; g < G; ++g) {
      float* const* xg = &x[g * 4];
      v4d v = {xg[0][i], xg[1][i], xg[2][i], xg[3][i]};
      for (int k = 0; k < K; ++k) {
        const v4d y = b0[g][k] * v + s1[g][k];
        s1[g][k] = b1[g][k] * v - a1[g][k] * y + s2[g][k];
        s2[g][k] = b2[g][k] * v - a2[g][k] * y;
        v = y;
      }
      for (int l = 0; l < 4; ++l) xg[l][i] = static_cast<float>(v[l]);
    }
  }
  for (size_t q = 0; q < count && q < static_cast<size_t>(G * 4); ++q) {
    double* st = lanes[q].cascade->state(lanes[q].channel);
    for (int k = 0; k < K; ++k) {
      st[2 * k] = s1[q / 4][k][q % 4];
      st[2 * k + 1] = s2[q / 4][k][q % 4];
    }
  }
}

// one build per instruction set (isa.h)
using LanesFn = void (*)(const BiquadCascade::Lane*, size_t, size_t);
template <int K, int G>
SHUB_TARGET_AVX512 void runLanesAvx512(const BiquadCascade::Lane* lanes, size_t count, size_t n) {
  runLanesBody<K, G>(lanes, count, n);
}
template <int K, int G>
SHUB_TARGET_AVX2 void runLanesAvx2(const BiquadCascade::Lane* lanes, size_t count, size_t n) {
  runLanesBody<K, G>(lanes, count, n);
}
template <int K, int G>
void runLanesBaseline(const BiquadCascade::Lane* lanes, size_t count, size_t n) {
  runLanesBody<K, G>(lanes, count, n);
}
template <int K, int G>
LanesFn runLanes() {
  static const LanesFn fn = isaPick<LanesFn>(&runLanesBaseline<K, G>, &runLanesAvx2<K, G>, &runLanesAvx512<K, G>);
  return fn;
}

template <int K>
void runGroup(const BiquadCascade::Lane* lanes, size_t count, size_t n) {
  // eight lanes (two vectors in flight) at a time; four for a short remainder
  const LanesFn eight = runLanes<K, 2>(), four = runLanes<K, 1>();
  size_t i = 0;
  for (; i + 4 < count; i += 8) eight(lanes + i, count - i, n);
  if (i < count) four(lanes + i, count - i, n);
}
}  // namespace

void BiquadCascade::processBatch(std::vector<Lane>& lanes, size_t n) {
  if (n == 0) return;
  // group by section count so that each group runs a fixed-size kernel
  std::stable_sort(lanes.begin(), lanes.end(), [](const Lane& a, const Lane& b) {
    return a.cascade->sections().size() < b.cascade->sections().size();
  });
  for (size_t from = 0; from < lanes.size();) {
    const size_t K = lanes[from].cascade->sections().size();
    size_t to = from;
    while (to < lanes.size() && lanes[to].cascade->sections().size() == K) ++to;
    const Lane* g = &lanes[from];
    const size_t c = to - from;
    switch (K) {
      case 0:
        break;
      case 1:
        runGroup<1>(g, c, n);
        break;
      case 2:
        runGroup<2>(g, c, n);
        break;
      case 3:
        runGroup<3>(g, c, n);
        break;
      case 4:
        runGroup<4>(g, c, n);
        break;
      case 5:
        runGroup<5>(g, c, n);
        break;
      case 6:
        runGroup<6>(g, c, n);
        break;
      default:
        for (size_t i = from; i < to; ++i) lanes[i].cascade->processChannel(lanes[i].channel, lanes[i].plane, n);
    }
    from = to;
  }
}

void BiquadCascade::processChannel(int ch, float* x, size_t n) {
  const size_t K = sections_.size();
  if (K == 0 || n == 0) return;
  double* s = &state_[static_cast<size_t>(ch) * K * 2];
  const Biquad* q = sections_.data();
  size_t k = 0;
  // fixed-size groups keep coefficients and state in registers
  for (; k + 4 <= K; k += 4) runFixed<4>(q + k, s + 2 * k, x, n);
  const size_t rest = K - k;
  if (rest == 3)
    runFixed<3>(q + k, s + 2 * k, x, n);
  else if (rest == 2)
    runFixed<2>(q + k, s + 2 * k, x, n);
  else if (rest == 1)
    runFixed<1>(q + k, s + 2 * k, x, n);
}

}  // namespace shub
