// Run-time choice of the instruction set for the native kernels, in one place.
//
// Every hot kernel is compiled three times: baseline (the build's default target, SSE2 on x86-64),
// AVX2 + FMA, and AVX-512 (F, VL, BW, DQ + AVX2 + FMA). The variant that runs is chosen once per
// process: the best one the CPU supports, capped by the environment variable SHUB_NATIVE_ISA
// (baseline | avx2 | avx512). A cap above what the CPU has runs what the CPU has; an empty value
// means no cap; any other value is ignored with a warning on stderr. The addon reports the
// result as nativeIsa().
//
// A kernel is written once as an always-inline body (SHUB_ALWAYS_INLINE, default target) and
// wrapped by one function per instruction set; the body is inlined into each wrapper and compiled
// (vectorised, FMA-contracted) for the wrapper's target. SHUB_ISA_KERNEL writes the wrappers and a
// dispatcher for a free function; templates and member functions write theirs with
// SHUB_TARGET_AVX2 / SHUB_TARGET_AVX512 and pick one through isaPick().
#pragma once

#include "common.h"

namespace shub {

enum class Isa : int { baseline = 0, avx2 = 1, avx512 = 2 };

/** The best instruction set the CPU supports (AVX2 counts only with FMA). */
Isa cpuIsa();
/** The instruction set the kernels use: cpuIsa() capped by SHUB_NATIVE_ISA (read once). */
Isa selectedIsa();
/** "baseline" | "avx2" | "avx512". */
const char* isaName(Isa isa);

/** One of three variants of a kernel by selectedIsa(). */
template <class F>
SHUB_ALWAYS_INLINE F isaPick(F baseline, F avx2, F avx512) {
  switch (selectedIsa()) {
    case Isa::avx512:
      return avx512;
    case Isa::avx2:
      return avx2;
    default:
      return baseline;
  }
}

}  // namespace shub

// The AVX-512 build auto-vectorises at 256 bits (AVX-512VL encodings, 32 registers, masked
// tails): with 512-bit loops a master render took 0.85 s of CPU for 60 s of audio instead of
// 0.67 s (AMD EPYC, AVX-512; short loops such as the resampler's and limiter's dot products pay
// for wider vectors in prologues and tails). Kernels written with explicit 512-bit vectors (true
// peak) use them regardless.
#if defined(__GNUC__) && defined(__x86_64__)
#define SHUB_TARGET_AVX2 __attribute__((target("avx2,fma")))
#define SHUB_TARGET_AVX512 \
  __attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,prefer-vector-width=256")))
#else
#define SHUB_TARGET_AVX2
#define SHUB_TARGET_AVX512
#endif

/**
 * Defines `RET NAME PARAMS` (e.g. `float dot(const float* a, size_t n)`) as a dispatcher to three
 * variants of the always-inline NAME##Body, each compiled for one instruction set. ARGS: the
 * parameter names, in parentheses. Use at namespace scope.
 */
#define SHUB_ISA_KERNEL(RET, NAME, PARAMS, ARGS)                                                 \
  namespace {                                                                                    \
  SHUB_TARGET_AVX512 RET NAME##Avx512 PARAMS { return NAME##Body ARGS; }                         \
  SHUB_TARGET_AVX2 RET NAME##Avx2 PARAMS { return NAME##Body ARGS; }                             \
  RET NAME##Baseline PARAMS { return NAME##Body ARGS; }                                          \
  }                                                                                              \
  RET NAME PARAMS {                                                                              \
    static RET(*const fn) PARAMS = ::shub::isaPick(&NAME##Baseline, &NAME##Avx2, &NAME##Avx512); \
    return fn ARGS;                                                                              \
  }
