// True-peak scan kernel, included once per instruction set by truepeak.cc inside a
// `#pragma GCC target` region and its own namespace, with SHUB_TP_WIDTH (floats per vector)
// defined. Not a standalone header.
// NOLINT(build/header_guard)

constexpr float kRefineRatio = 0.92f;
constexpr size_t kSkipChunk = 192;  // multiple of every group size below

template <int W>
struct Vec {
  typedef float f __attribute__((vector_size(W * 4)));
  typedef int32_t i __attribute__((vector_size(W * 4)));
};

template <int W>
SHUB_ALWAYS_INLINE typename Vec<W>::f loadu(const float* p) {
  typename Vec<W>::f v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

template <int W>
SHUB_ALWAYS_INLINE void storeu(float* p, typename Vec<W>::f v) {
  std::memcpy(p, &v, sizeof(v));
}

/** Bit l set when lane l of a comparison result is true. */
template <int W>
SHUB_ALWAYS_INLINE uint32_t laneBits(typename Vec<W>::i m) {
#if SHUB_TP_WIDTH == 16
  return static_cast<uint32_t>(_mm512_test_epi32_mask(reinterpret_cast<__m512i>(m), reinterpret_cast<__m512i>(m)));
#elif SHUB_TP_WIDTH == 8
  return static_cast<uint32_t>(_mm256_movemask_ps(reinterpret_cast<__m256>(m)));
#elif defined(__SSE2__)
  return static_cast<uint32_t>(_mm_movemask_ps(reinterpret_cast<__m128>(m)));
#else
  uint32_t bits = 0;
  for (int l = 0; l < W; ++l) bits |= static_cast<uint32_t>(m[l] & 1) << l;
  return bits;
#endif
}

template <int W, size_t... I>
SHUB_ALWAYS_INLINE typename Vec<W>::f shiftInImpl(typename Vec<W>::f prev, typename Vec<W>::f cur,
                                                  std::index_sequence<I...>) {
  return __builtin_shufflevector(prev, cur, W - 1, (W + static_cast<int>(I))...);
}

/** {prev[W−1], cur[0], …, cur[W−2]}: the vector of the preceding lanes. */
template <int W>
SHUB_ALWAYS_INLINE typename Vec<W>::f shiftIn(typename Vec<W>::f prev, typename Vec<W>::f cur) {
  return shiftInImpl<W>(prev, cur, std::make_index_sequence<W - 1>{});
}

template <int W>
SHUB_ALWAYS_INLINE typename Vec<W>::f vabs(typename Vec<W>::f v) {
  return reinterpret_cast<typename Vec<W>::f>(reinterpret_cast<typename Vec<W>::i>(v) & 0x7fffffff);
}

template <int W>
SHUB_ALWAYS_INLINE typename Vec<W>::f vmax(typename Vec<W>::f a, typename Vec<W>::f b) {
  return a > b ? a : b;
}

template <int W, int S, size_t... I>
SHUB_ALWAYS_INLINE typename Vec<W>::f rotateImpl(typename Vec<W>::f v, std::index_sequence<I...>) {
  return __builtin_shufflevector(v, v, static_cast<int>((I + S) % W)...);
}

/** Lanes rotated down by S. */
template <int W, int S>
SHUB_ALWAYS_INLINE typename Vec<W>::f rotate(typename Vec<W>::f v) {
  return rotateImpl<W, S>(v, std::make_index_sequence<W>{});
}

/** Horizontal maximum (log-step shuffles). */
template <int W>
SHUB_ALWAYS_INLINE float hmax(typename Vec<W>::f v) {
  if constexpr (W >= 16) v = vmax<W>(v, rotate<W, 8>(v));
  if constexpr (W >= 8) v = vmax<W>(v, rotate<W, 4>(v));
  v = vmax<W>(v, rotate<W, 2>(v));
  v = vmax<W>(v, rotate<W, 1>(v));
  return v[0];
}

template <int W>
SHUB_ALWAYS_INLINE float maxAbs(const float* p, size_t n) {
  typename Vec<W>::f m0 = {}, m1 = {};
  size_t i = 0;
  for (; i + 2 * W <= n; i += 2 * W) {
    m0 = vmax<W>(m0, vabs<W>(loadu<W>(p + i)));
    m1 = vmax<W>(m1, vabs<W>(loadu<W>(p + i + W)));
  }
  float r = hmax<W>(vmax<W>(m0, m1));
  for (; i < n; ++i) r = std::max(r, std::fabs(p[i]));
  return r;
}

/**
 * max |y| over NC consecutive phases starting at window column col (see
 * PolyphaseInterpolator::window()) around center c: the fine phases between a candidate grid
 * value's two grid neighbours.
 */
template <int W, int NC>
SHUB_ALWAYS_INLINE float refineWindow(const float* table, int taps, const float* buf, size_t c, int col) {
  typedef typename Vec<W>::f V;
  constexpr int NV = NC / W;
  constexpr int S = NV >= 8 ? 1 : 8 / NV;  // independent partial sums → 8 accumulation chains
  constexpr int R = PolyphaseInterpolator::kWindowColumns;
  V acc[S][NV];
  for (int s = 0; s < S; ++s)
    for (int v = 0; v < NV; ++v) acc[s][v] = V{};
  const float* xp = buf + c - static_cast<size_t>(taps / 2);
  const float* tp = table + col;
  const int rows = taps + 1;
  int r = 0;
  for (; r + S <= rows; r += S) {
    for (int s = 0; s < S; ++s) {
      const float xs = xp[r + s];
      for (int v = 0; v < NV; ++v) acc[s][v] += loadu<W>(tp + (r + s) * R + v * W) * xs;
    }
  }
  for (; r < rows; ++r) {
    const float xs = xp[r];
    for (int v = 0; v < NV; ++v) acc[0][v] += loadu<W>(tp + r * R + v * W) * xs;
  }
  V m = {};
  for (int v = 0; v < NV; ++v) {
    V t = acc[0][v];
    for (int s = 1; s < S; ++s) t += acc[s][v];
    m = vmax<W>(m, vabs<W>(t));
  }
  return hmax<W>(m);
}

/**
 * Evaluates the grid phases for centers [first, first+count) of buf (each center c needs
 * buf[c − taps/2 .. c + taps/2]); returns the updated running maximum. Vectorized across
 * consecutive centers: one broadcast coefficient × W consecutive inputs per FMA.
 */
template <int W, int F, int U>
SHUB_ALWAYS_INLINE float scanBody(const TruePeakMeter::ScanArgs& a, const float* buf, size_t first, size_t count,
                                  size_t validEnd, float runmax, size_t leftLimit) {
  typedef typename Vec<W>::f V;
  constexpr int NG = F - 1;
  constexpr size_t G = static_cast<size_t>(U) * W;
  constexpr int kStep = PolyphaseInterpolator::kPhases / F;  // fine phases between grid points
  static_assert(kSkipChunk % G == 0, "skip chunk must hold whole groups");
  const int T = a.taps;
  const size_t h1 = static_cast<size_t>(T / 2 - 1);
  const size_t h2 = static_cast<size_t>(T / 2);
  const float* grid[NG];
  for (int k = 0; k < NG; ++k) grid[k] = a.grid[k];
  float thresh = kRefineRatio * runmax;
  const size_t end = first + count;

  for (size_t c0 = first; c0 < end; c0 += kSkipChunk) {
    const size_t cEnd = std::min(c0 + kSkipChunk, end);
    if (runmax > 0.0f) {
      // exact skip: no interpolated value of these centers can exceed max|x|·Σ|h|
      const size_t lo = c0 - h1;
      const size_t hi = std::min(cEnd + h2, validEnd);
      if (maxAbs<W>(buf + lo, hi - lo) * a.l1 < runmax) continue;
    }
    for (size_t g = c0; g < cEnd; g += G) {
      V acc[NG][U];
      for (int k = 0; k < NG; ++k)
        for (int u = 0; u < U; ++u) acc[k][u] = V{};
      const float* xp = buf + g - h1;
      for (int j = 0; j < T; ++j) {
        V xv[U];
        for (int u = 0; u < U; ++u) {
          V t = loadu<W>(xp + j + u * W);
#if defined(__x86_64__) || defined(__i386__)
          // keep the loaded inputs in registers: one (cache-line-splitting) load per vector,
          // reused by every phase, instead of a memory operand per FMA
          __asm__("" : "+v"(t));
#endif
          xv[u] = t;
        }
        for (int k = 0; k < NG; ++k) {
          const float h = grid[k][j];
          for (int u = 0; u < U; ++u) acc[k][u] += xv[u] * h;
        }
      }
      V xc[U];
      V m[U];
      for (int u = 0; u < U; ++u) {
        xc[u] = loadu<W>(buf + g + u * W);
        m[u] = vabs<W>(xc[u]);
        for (int k = 0; k < NG; ++k) m[u] = vmax<W>(m[u], vabs<W>(acc[k][u]));
      }
      V mm = m[0];
      for (int u = 1; u < U; ++u) mm = vmax<W>(mm, m[u]);
      if (__builtin_expect(!(hmax<W>(mm) > thresh), 1)) continue;

      // Slow path (some grid value exceeds 0.92 × the running maximum at the group start).
      // Candidates are the grid values above that threshold which are local maxima of |y|
      // on the grid: the continuous maximum near them lies between their two grid neighbours,
      // so the 32-phase positions between those neighbours are evaluated.
      typedef typename Vec<W>::i VI;
      const size_t nValid = std::min(G, cEnd - g);
      V va[F][U];
      for (int u = 0; u < U; ++u) {
        va[0][u] = vabs<W>(xc[u]);
        for (int k = 0; k < NG; ++k) va[k + 1][u] = vabs<W>(acc[k][u]);
      }
      V lower;  // left neighbour of the group's first value is not at hand: assume it is lower
      for (int l = 0; l < W; ++l) lower[l] = -1.0f;
      float best = runmax;
      for (int u = 0; u < U; ++u) {
        const V left0 = shiftIn<W>(u > 0 ? va[F - 1][u - 1] : lower, va[F - 1][u]);
        const V next = vabs<W>(loadu<W>(buf + g + static_cast<size_t>(u * W) + 1));
        const VI c0 = (va[0][u] > thresh) & (va[0][u] >= left0) & (va[0][u] >= va[1][u]);
        VI ck[F];
        for (int k = 1; k < F; ++k) {
          const V right = k + 1 < F ? va[k + 1 < F ? k + 1 : k][u] : next;
          ck[k] = (va[k][u] > thresh) & (va[k][u] >= va[k - 1][u]) & (va[k][u] >= right);
        }
        uint32_t bits[F];
        bits[0] = laneBits<W>(c0);
        for (int k = 1; k < F; ++k) bits[k] = laneBits<W>(ck[k]);
        uint32_t any = 0;
        for (int k = 0; k < F; ++k) any |= bits[k];
        while (any) {
          const int l = __builtin_ctz(any);
          any &= any - 1;
          const size_t i = static_cast<size_t>(u * W + l);
          if (i >= nValid) break;
          const size_t c = g + i;
          for (int k = 0; k < F; ++k) {
            if (!((bits[k] >> l) & 1u)) continue;
            // phases k·s − s … k·s + s − 1 around the candidate (k·s − s < 0: previous interval,
            // unless that one is not fully inside the signal)
            int col = k * kStep - kStep + PolyphaseInterpolator::kPhases / 2;
            if (k == 0 && c < leftLimit) col += kStep;
            best = std::max(best, refineWindow<W, 2 * kStep>(a.window, T, buf, c, col));
          }
        }
      }
      if (nValid == G) {
        best = std::max(best, hmax<W>(mm));
      } else {
        for (int u = 0; u < U; ++u)
          for (int l = 0; l < W; ++l)
            if (static_cast<size_t>(u * W + l) < nValid) best = std::max(best, m[u][l]);
      }
      runmax = best;
      thresh = kRefineRatio * runmax;
    }
  }
  return runmax;
}

template <int W>
SHUB_ALWAYS_INLINE float scanAny(const TruePeakMeter::ScanArgs& a, const float* buf, size_t first, size_t count,
                                 size_t validEnd, float runmax, size_t leftLimit) {
  // 16 vector registers below AVX-512: 9 accumulators + 3 inputs + 1 coefficient
  constexpr int U4 = W >= 16 ? 4 : 3;
  if (a.factor == 4) return scanBody<W, 4, U4>(a, buf, first, count, validEnd, runmax, leftLimit);
  return scanBody<W, 2, 6>(a, buf, first, count, validEnd, runmax, leftLimit);
}

inline float scan(const TruePeakMeter::ScanArgs& a, const float* buf, size_t first, size_t count, size_t validEnd,
                  float runmax, size_t leftLimit) {
  return scanAny<SHUB_TP_WIDTH>(a, buf, first, count, validEnd, runmax, leftLimit);
}
