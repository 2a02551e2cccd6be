#include "fft.h"

#include <cmath>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "isa.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace shub {

namespace {

// One radix-4 decimation-in-frequency Stockham stage: sequence length len at stride s
// (len·s = m), x → y.
SHUB_ALWAYS_INLINE void radix4StageBody(size_t p0, size_t len, size_t s, const float* w1r, const float* w1i,
                                        const float* w2r, const float* w2i, const float* w3r, const float* w3i,
                                        const float* __restrict xr, const float* __restrict xi, float* __restrict yr,
                                        float* __restrict yi) {
  const size_t l4 = len / 4;
  if (s == 1) {
    for (size_t p = p0; p < l4; ++p) {
      const float ar = xr[p], ai = xi[p], br = xr[p + l4], bi = xi[p + l4];
      const float cr = xr[p + 2 * l4], ci = xi[p + 2 * l4], dr = xr[p + 3 * l4], di = xi[p + 3 * l4];
      const float apcr = ar + cr, apci = ai + ci, amcr = ar - cr, amci = ai - ci;
      const float bpdr = br + dr, bpdi = bi + di, bmdr = br - dr, bmdi = bi - di;
      // j·(b − d) = (−bmdi, bmdr)
      const float t1r = amcr + bmdi, t1i = amci - bmdr;  // (a−c) − j(b−d)
      const float t2r = apcr - bpdr, t2i = apci - bpdi;
      const float t3r = amcr - bmdi, t3i = amci + bmdr;  // (a−c) + j(b−d)
      float* yrp = yr + 4 * p;
      float* yip = yi + 4 * p;
      yrp[0] = apcr + bpdr;
      yip[0] = apci + bpdi;
      yrp[1] = t1r * w1r[p] - t1i * w1i[p];
      yip[1] = t1r * w1i[p] + t1i * w1r[p];
      yrp[2] = t2r * w2r[p] - t2i * w2i[p];
      yip[2] = t2r * w2i[p] + t2i * w2r[p];
      yrp[3] = t3r * w3r[p] - t3i * w3i[p];
      yip[3] = t3r * w3i[p] + t3i * w3r[p];
    }
    return;
  }
  for (size_t p = p0; p < l4; ++p) {
    const float c1r = w1r[p], c1i = w1i[p], c2r = w2r[p], c2i = w2i[p], c3r = w3r[p], c3i = w3i[p];
    const float* ar = xr + s * p;
    const float* ai = xi + s * p;
    const float* br = xr + s * (p + l4);
    const float* bi = xi + s * (p + l4);
    const float* cr = xr + s * (p + 2 * l4);
    const float* ci = xi + s * (p + 2 * l4);
    const float* dr = xr + s * (p + 3 * l4);
    const float* di = xi + s * (p + 3 * l4);
    float* y0r = yr + s * (4 * p);
    float* y0i = yi + s * (4 * p);
    float* y1r = y0r + s;
    float* y1i = y0i + s;
    float* y2r = y1r + s;
    float* y2i = y1i + s;
    float* y3r = y2r + s;
    float* y3i = y2i + s;
    for (size_t q = 0; q < s; ++q) {
      const float apcr = ar[q] + cr[q], apci = ai[q] + ci[q], amcr = ar[q] - cr[q], amci = ai[q] - ci[q];
      const float bpdr = br[q] + dr[q], bpdi = bi[q] + di[q], bmdr = br[q] - dr[q], bmdi = bi[q] - di[q];
      const float t1r = amcr + bmdi, t1i = amci - bmdr;
      const float t2r = apcr - bpdr, t2i = apci - bpdi;
      const float t3r = amcr - bmdi, t3i = amci + bmdr;
      y0r[q] = apcr + bpdr;
      y0i[q] = apci + bpdi;
      y1r[q] = t1r * c1r - t1i * c1i;
      y1i[q] = t1r * c1i + t1i * c1r;
      y2r[q] = t2r * c2r - t2i * c2i;
      y2i[q] = t2r * c2i + t2i * c2r;
      y3r[q] = t3r * c3r - t3i * c3i;
      y3i[q] = t3r * c3i + t3i * c3r;
    }
  }
}

SHUB_ISA_KERNEL(void, radix4Stage,
                (size_t p0, size_t len, size_t s, const float* w1r, const float* w1i, const float* w2r,
                 const float* w2i, const float* w3r, const float* w3i, const float* __restrict xr,
                 const float* __restrict xi, float* __restrict yr, float* __restrict yi),
                (p0, len, s, w1r, w1i, w2r, w2i, w3r, w3i, xr, xi, yr, yi))

// The first two stages (stride 1 and 4) in 8-lane vectors (GCC vector extensions, one body compiled per instruction
// set like the others). The loop above vectorizes over q only, so these two stages ran scalar. Each output is the
// same expression on the same operands as in radix4StageBody (the same roundings, and in the AVX2/AVX-512 builds the
// same fused multiply-adds: the contraction follows the expression), so the spectra are bit-identical to the scalar
// loop's at every instruction set; only the order of the loads and stores changes.
#if defined(__GNUC__)
#define SHUB_HAVE_STAGE_VEC 1
typedef float Vec8 __attribute__((vector_size(32)));
typedef int Idx8 __attribute__((vector_size(32)));

SHUB_ALWAYS_INLINE Vec8 load8(const float* p) {
  Vec8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

SHUB_ALWAYS_INLINE void store8(float* p, Vec8 v) { std::memcpy(p, &v, sizeof v); }

/** The radix-4 butterfly and twiddles of radix4StageBody on 8 lanes: a..d in, y0..y3 out. */
SHUB_ALWAYS_INLINE void butterfly8(Vec8 ar, Vec8 ai, Vec8 br, Vec8 bi, Vec8 cr, Vec8 ci, Vec8 dr, Vec8 di, Vec8 w1r,
                                   Vec8 w1i, Vec8 w2r, Vec8 w2i, Vec8 w3r, Vec8 w3i, Vec8* yr, Vec8* yi) {
  const Vec8 apcr = ar + cr, apci = ai + ci, amcr = ar - cr, amci = ai - ci;
  const Vec8 bpdr = br + dr, bpdi = bi + di, bmdr = br - dr, bmdi = bi - di;
  const Vec8 t1r = amcr + bmdi, t1i = amci - bmdr;
  const Vec8 t2r = apcr - bpdr, t2i = apci - bpdi;
  const Vec8 t3r = amcr - bmdi, t3i = amci + bmdr;
  yr[0] = apcr + bpdr;
  yi[0] = apci + bpdi;
  yr[1] = t1r * w1r - t1i * w1i;
  yi[1] = t1r * w1i + t1i * w1r;
  yr[2] = t2r * w2r - t2i * w2i;
  yi[2] = t2r * w2i + t2i * w2r;
  yr[3] = t3r * w3r - t3i * w3i;
  yi[3] = t3r * w3i + t3i * w3r;
}

/** Stride 1: p, p + 1, …, p + 7 in the lanes; y[4p + k] interleaved by a 4 × 8 transpose. Returns the p reached. */
SHUB_ALWAYS_INLINE size_t radix4First8Body(size_t len, const float* w1r, const float* w1i, const float* w2r,
                                           const float* w2i, const float* w3r, const float* w3i,
                                           const float* __restrict xr, const float* __restrict xi, float* __restrict yr,
                                           float* __restrict yi) {
  const size_t l4 = len / 4;
  const Idx8 lo = {0, 8, 1, 9, 2, 10, 3, 11}, hi = {4, 12, 5, 13, 6, 14, 7, 15};
  size_t p = 0;
  for (; p + 8 <= l4; p += 8) {
    Vec8 vr[4], vi[4];
    butterfly8(load8(xr + p), load8(xi + p), load8(xr + p + l4), load8(xi + p + l4), load8(xr + p + 2 * l4),
               load8(xi + p + 2 * l4), load8(xr + p + 3 * l4), load8(xi + p + 3 * l4), load8(w1r + p), load8(w1i + p),
               load8(w2r + p), load8(w2i + p), load8(w3r + p), load8(w3i + p), vr, vi);
    for (int part = 0; part < 2; ++part) {
      const Vec8* v = part == 0 ? vr : vi;
      float* y = (part == 0 ? yr : yi) + 4 * p;
      const Vec8 e0 = __builtin_shuffle(v[0], v[2], lo), e1 = __builtin_shuffle(v[1], v[3], lo);
      const Vec8 f0 = __builtin_shuffle(v[0], v[2], hi), f1 = __builtin_shuffle(v[1], v[3], hi);
      store8(y, __builtin_shuffle(e0, e1, lo));
      store8(y + 8, __builtin_shuffle(e0, e1, hi));
      store8(y + 16, __builtin_shuffle(f0, f1, lo));
      store8(y + 24, __builtin_shuffle(f0, f1, hi));
    }
  }
  return p;
}

SHUB_ISA_KERNEL(size_t, radix4First8,
                (size_t len, const float* w1r, const float* w1i, const float* w2r, const float* w2i, const float* w3r,
                 const float* w3i, const float* __restrict xr, const float* __restrict xi, float* __restrict yr,
                 float* __restrict yi),
                (len, w1r, w1i, w2r, w2i, w3r, w3i, xr, xi, yr, yi))

/** Stride 4: (p, q = 0..3) and (p + 1, q = 0..3) in the lanes. Returns the p reached. */
SHUB_ALWAYS_INLINE size_t radix4Second8Body(size_t len, const float* w1r, const float* w1i, const float* w2r,
                                            const float* w2i, const float* w3r, const float* w3i,
                                            const float* __restrict xr, const float* __restrict xi,
                                            float* __restrict yr, float* __restrict yi) {
  const size_t l4 = len / 4;
  const Idx8 lo = {0, 1, 2, 3, 8, 9, 10, 11}, hi = {4, 5, 6, 7, 12, 13, 14, 15};
  const auto pair = [](const float* w) {
    const float a = w[0], b = w[1];
    return Vec8{a, a, a, a, b, b, b, b};
  };
  size_t p = 0;
  for (; p + 2 <= l4; p += 2) {
    Vec8 vr[4], vi[4];
    const size_t x = 4 * p;
    butterfly8(load8(xr + x), load8(xi + x), load8(xr + x + 4 * l4), load8(xi + x + 4 * l4), load8(xr + x + 8 * l4),
               load8(xi + x + 8 * l4), load8(xr + x + 12 * l4), load8(xi + x + 12 * l4), pair(w1r + p), pair(w1i + p),
               pair(w2r + p), pair(w2i + p), pair(w3r + p), pair(w3i + p), vr, vi);
    for (int part = 0; part < 2; ++part) {
      const Vec8* v = part == 0 ? vr : vi;
      float* y = (part == 0 ? yr : yi) + 16 * p;
      store8(y, __builtin_shuffle(v[0], v[1], lo));
      store8(y + 8, __builtin_shuffle(v[2], v[3], lo));
      store8(y + 16, __builtin_shuffle(v[0], v[1], hi));
      store8(y + 24, __builtin_shuffle(v[2], v[3], hi));
    }
  }
  return p;
}

SHUB_ISA_KERNEL(size_t, radix4Second8,
                (size_t len, const float* w1r, const float* w1i, const float* w2r, const float* w2i, const float* w3r,
                 const float* w3i, const float* __restrict xr, const float* __restrict xi, float* __restrict yr,
                 float* __restrict yi),
                (len, w1r, w1i, w2r, w2i, w3r, w3i, xr, xi, yr, yi))

/** Stride s, a multiple of 8: q, …, q + 7 in the lanes (the loop above left scalar by the AVX-512 build). */
SHUB_ALWAYS_INLINE void radix4Strided8Body(size_t len, size_t s, const float* w1r, const float* w1i, const float* w2r,
                                           const float* w2i, const float* w3r, const float* w3i,
                                           const float* __restrict xr, const float* __restrict xi, float* __restrict yr,
                                           float* __restrict yi) {
  const size_t l4 = len / 4;
  for (size_t p = 0; p < l4; ++p) {
    const Vec8 c1r = Vec8{} + w1r[p], c1i = Vec8{} + w1i[p], c2r = Vec8{} + w2r[p], c2i = Vec8{} + w2i[p],
               c3r = Vec8{} + w3r[p], c3i = Vec8{} + w3i[p];
    const size_t a = s * p, b = s * (p + l4), c = s * (p + 2 * l4), d = s * (p + 3 * l4), y = s * (4 * p);
    for (size_t q = 0; q < s; q += 8) {
      Vec8 vr[4], vi[4];
      butterfly8(load8(xr + a + q), load8(xi + a + q), load8(xr + b + q), load8(xi + b + q), load8(xr + c + q),
                 load8(xi + c + q), load8(xr + d + q), load8(xi + d + q), c1r, c1i, c2r, c2i, c3r, c3i, vr, vi);
      for (int k = 0; k < 4; ++k) {
        store8(yr + y + k * s + q, vr[k]);
        store8(yi + y + k * s + q, vi[k]);
      }
    }
  }
}

SHUB_ISA_KERNEL(void, radix4Strided8,
                (size_t len, size_t s, const float* w1r, const float* w1i, const float* w2r, const float* w2i,
                 const float* w3r, const float* w3i, const float* __restrict xr, const float* __restrict xi,
                 float* __restrict yr, float* __restrict yi),
                (len, s, w1r, w1i, w2r, w2i, w3r, w3i, xr, xi, yr, yi))
#endif

SHUB_ALWAYS_INLINE void radix2FinalBody(size_t s, const float* __restrict xr, const float* __restrict xi,
                                        float* __restrict yr, float* __restrict yi) {
  for (size_t q = 0; q < s; ++q) {
    const float ar = xr[q], ai = xi[q], br = xr[q + s], bi = xi[q + s];
    yr[q] = ar + br;
    yi[q] = ai + bi;
    yr[q + s] = ar - br;
    yi[q + s] = ai - bi;
  }
}

SHUB_ISA_KERNEL(void, radix2Final,
                (size_t s, const float* __restrict xr, const float* __restrict xi, float* __restrict yr,
                 float* __restrict yi),
                (s, xr, xi, yr, yi))

// The real transform's split step, 8 bins at a time (k, m − k pairs). AVX without FMA on purpose: each value is
// the same sequence of single-precision roundings as the scalar loop's (no contraction), so the spectra stay
// bit-identical whichever path runs.
#if defined(__x86_64__) && defined(__GNUC__)
#define SHUB_HAVE_SPLIT_AVX 1
__attribute__((target("avx2"))) size_t forwardSplitAvx(const float* zr, const float* zi, const float* pr,
                                                       const float* pi, size_t m, float* re, float* im) {
  const __m256i rev = _mm256_setr_epi32(7, 6, 5, 4, 3, 2, 1, 0);
  const __m256 half = _mm256_set1_ps(0.5f), mhalf = _mm256_set1_ps(-0.5f), sign = _mm256_set1_ps(-0.0f);
  size_t k = 1;
  for (; k + 8 <= m; k += 8) {
    const __m256 zkr = _mm256_loadu_ps(zr + k), zki = _mm256_loadu_ps(zi + k);
    const __m256 zmr = _mm256_permutevar8x32_ps(_mm256_loadu_ps(zr + m - k - 7), rev);
    const __m256 zmi = _mm256_xor_ps(_mm256_permutevar8x32_ps(_mm256_loadu_ps(zi + m - k - 7), rev), sign);
    const __m256 er = _mm256_mul_ps(half, _mm256_add_ps(zkr, zmr)), ei = _mm256_mul_ps(half, _mm256_add_ps(zki, zmi));
    const __m256 dr = _mm256_sub_ps(zkr, zmr), di = _mm256_sub_ps(zki, zmi);
    const __m256 orr = _mm256_mul_ps(half, di), oi = _mm256_mul_ps(mhalf, dr);
    const __m256 wr = _mm256_loadu_ps(pr + k), wi = _mm256_loadu_ps(pi + k);
    _mm256_storeu_ps(re + k, _mm256_sub_ps(_mm256_add_ps(er, _mm256_mul_ps(orr, wr)), _mm256_mul_ps(oi, wi)));
    _mm256_storeu_ps(im + k, _mm256_add_ps(_mm256_add_ps(ei, _mm256_mul_ps(orr, wi)), _mm256_mul_ps(oi, wr)));
  }
  return k;
}

__attribute__((target("avx2"))) size_t inverseSplitAvx(const float* re, const float* im, const float* pr,
                                                       const float* pi, size_t m, float* zr, float* zi) {
  const __m256i rev = _mm256_setr_epi32(7, 6, 5, 4, 3, 2, 1, 0);
  const __m256 half = _mm256_set1_ps(0.5f), sign = _mm256_set1_ps(-0.0f);
  size_t k = 1;
  for (; k + 8 <= m; k += 8) {
    const __m256 xkr = _mm256_loadu_ps(re + k), xki = _mm256_loadu_ps(im + k);
    const __m256 xmr = _mm256_permutevar8x32_ps(_mm256_loadu_ps(re + m - k - 7), rev);
    const __m256 xmi = _mm256_xor_ps(_mm256_permutevar8x32_ps(_mm256_loadu_ps(im + m - k - 7), rev), sign);
    const __m256 er = _mm256_mul_ps(half, _mm256_add_ps(xkr, xmr)), ei = _mm256_mul_ps(half, _mm256_add_ps(xki, xmi));
    const __m256 dr = _mm256_mul_ps(half, _mm256_sub_ps(xkr, xmr)), di = _mm256_mul_ps(half, _mm256_sub_ps(xki, xmi));
    const __m256 wr = _mm256_loadu_ps(pr + k), wi = _mm256_loadu_ps(pi + k);
    const __m256 orr = _mm256_add_ps(_mm256_mul_ps(dr, wr), _mm256_mul_ps(di, wi));
    const __m256 oi = _mm256_sub_ps(_mm256_mul_ps(di, wr), _mm256_mul_ps(dr, wi));
    _mm256_storeu_ps(zr + k, _mm256_sub_ps(er, oi));
    _mm256_storeu_ps(zi + k, _mm256_xor_ps(_mm256_add_ps(ei, orr), sign));
  }
  return k;
}
#endif

bool useSplitAvx() {
#ifdef SHUB_HAVE_SPLIT_AVX
  static const bool yes = selectedIsa() != Isa::baseline;
  return yes;
#else
  return false;
#endif
}

}  // namespace

RealFft::RealFft(size_t n) : n_(n), m_(n / 2) {
  if (n < 16 || n > 65536 || (n & (n - 1)) != 0)
    throw std::invalid_argument("RealFft: size must be a power of two in [16, 65536]");
  size_t len = m_, s = 1;
  while (len >= 4) {
    Stage st;
    st.len = len;
    st.stride = s;
    const size_t l4 = len / 4;
    for (auto* v : {&st.w1r, &st.w1i, &st.w2r, &st.w2i, &st.w3r, &st.w3i}) v->resize(l4);
    for (size_t p = 0; p < l4; ++p) {
      for (int k = 1; k <= 3; ++k) {
        const double a = -2.0 * M_PI * static_cast<double>(k * p) / static_cast<double>(len);
        std::vector<float>& wr = k == 1 ? st.w1r : k == 2 ? st.w2r : st.w3r;
        std::vector<float>& wi = k == 1 ? st.w1i : k == 2 ? st.w2i : st.w3i;
        wr[p] = static_cast<float>(std::cos(a));
        wi[p] = static_cast<float>(std::sin(a));
      }
    }
    stages_.push_back(std::move(st));
    len /= 4;
    s *= 4;
  }
  finalRadix2_ = len == 2;
  post_r_.resize(m_);
  post_i_.resize(m_);
  for (size_t k = 0; k < m_; ++k) {
    const double a = -2.0 * M_PI * static_cast<double>(k) / static_cast<double>(n_);
    post_r_[k] = static_cast<float>(std::cos(a));
    post_i_[k] = static_cast<float>(std::sin(a));
  }
  ar_.resize(m_);
  ai_.resize(m_);
  br_.resize(m_);
  bi_.resize(m_);
}

// Transforms ar_/ai_ in place (the result ends in ar_/ai_).
void RealFft::complexForward(float* re, float* im) {
  float* xr = re;
  float* xi = im;
  float* yr = br_.data();
  float* yi = bi_.data();
  for (const Stage& st : stages_) {
    size_t p0 = 0;
#ifdef SHUB_HAVE_STAGE_VEC
    // the two interleaving stages' shuffles cost more than they save in SSE2 (the baseline): there they stay scalar
    static const bool interleave = selectedIsa() != Isa::baseline;
    if (st.stride == 1 && interleave)
      p0 = radix4First8(st.len, st.w1r.data(), st.w1i.data(), st.w2r.data(), st.w2i.data(), st.w3r.data(),
                        st.w3i.data(), xr, xi, yr, yi);
    else if (st.stride == 4 && interleave)
      p0 = radix4Second8(st.len, st.w1r.data(), st.w1i.data(), st.w2r.data(), st.w2i.data(), st.w3r.data(),
                         st.w3i.data(), xr, xi, yr, yi);
    else if (st.stride % 8 == 0) {
      radix4Strided8(st.len, st.stride, st.w1r.data(), st.w1i.data(), st.w2r.data(), st.w2i.data(), st.w3r.data(),
                     st.w3i.data(), xr, xi, yr, yi);
      p0 = st.len / 4;
    }
#endif
    radix4Stage(p0, st.len, st.stride, st.w1r.data(), st.w1i.data(), st.w2r.data(), st.w2i.data(), st.w3r.data(),
                st.w3i.data(), xr, xi, yr, yi);
    std::swap(xr, yr);
    std::swap(xi, yi);
  }
  if (finalRadix2_) {
    radix2Final(m_ / 2, xr, xi, yr, yi);
    std::swap(xr, yr);
    std::swap(xi, yi);
  }
  if (xr != re) {
    for (size_t i = 0; i < m_; ++i) {
      re[i] = xr[i];
      im[i] = xi[i];
    }
  }
}

void RealFft::forward(const float* in, float* re, float* im) {
  float* zr = ar_.data();
  float* zi = ai_.data();
  for (size_t t = 0; t < m_; ++t) {
    zr[t] = in[2 * t];
    zi[t] = in[2 * t + 1];
  }
  complexForward(zr, zi);
  // X[k] = E[k] + W^k·O[k], E = (Z[k] + conj Z[m−k])/2, O = (Z[k] − conj Z[m−k])/(2j)
  re[0] = zr[0] + zi[0];
  im[0] = 0.0f;
  re[m_] = zr[0] - zi[0];
  im[m_] = 0.0f;
  size_t k0 = 1;
#ifdef SHUB_HAVE_SPLIT_AVX
  if (useSplitAvx()) k0 = forwardSplitAvx(zr, zi, post_r_.data(), post_i_.data(), m_, re, im);
#endif
  for (size_t k = k0; k < m_; ++k) {
    const float zkr = zr[k], zki = zi[k], zmr = zr[m_ - k], zmi = -zi[m_ - k];
    const float er = 0.5f * (zkr + zmr), ei = 0.5f * (zki + zmi);
    // (Z[k] − conj Z[m−k]) / (2j) = (d) · (−j/2): (dr, di) → (di/2, −dr/2)
    const float dr = zkr - zmr, di = zki - zmi;
    const float orr = 0.5f * di, oi = -0.5f * dr;
    re[k] = er + orr * post_r_[k] - oi * post_i_[k];
    im[k] = ei + orr * post_i_[k] + oi * post_r_[k];
  }
}

void RealFft::inverse(const float* re, const float* im, float* out) {
  float* zr = ar_.data();
  float* zi = ai_.data();
  // E[k] = (X[k] + conj X[m−k])/2, O[k] = (X[k] − conj X[m−k])/(2 W^k), Z = E + jO.
  // The inverse complex transform is conj(FFT(conj Z))/m: build conj Z directly.
  size_t k1 = m_;  // bins [1, k1) done 8 at a time
#ifdef SHUB_HAVE_SPLIT_AVX
  if (useSplitAvx()) k1 = inverseSplitAvx(re, im, post_r_.data(), post_i_.data(), m_, zr, zi);
#endif
  for (size_t k = 0; k < m_; k = (k == 0 && k1 != m_) ? k1 : k + 1) {
    const float xkr = re[k], xki = k == 0 ? 0.0f : im[k];
    const float xmr = re[m_ - k], xmi = (m_ - k == m_ || k == 0) ? 0.0f : -im[m_ - k];
    const float er = 0.5f * (xkr + xmr), ei = 0.5f * (xki + xmi);
    const float dr = 0.5f * (xkr - xmr), di = 0.5f * (xki - xmi);
    // divide by W^k = multiply by conj(W^k)
    const float orr = dr * post_r_[k] + di * post_i_[k];
    const float oi = di * post_r_[k] - dr * post_i_[k];
    // Z = E + jO = (er − oi, ei + orr); store conj
    zr[k] = er - oi;
    zi[k] = -(ei + orr);
  }
  complexForward(zr, zi);
  const float scale = 1.0f / static_cast<float>(m_);
  for (size_t t = 0; t < m_; ++t) {
    out[2 * t] = zr[t] * scale;
    out[2 * t + 1] = -zi[t] * scale;
  }
}

}  // namespace shub
