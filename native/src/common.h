// Small shared helpers of the shub native DSP core (no N-API here).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#endif

#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "shub native core assumes a little-endian host"
#endif

#define SHUB_ALWAYS_INLINE inline __attribute__((always_inline))

namespace shub {

/** BS.1770 loudness of a mean-square energy (already channel-weighted): −0.691 + 10·log10(e). */
inline double energyToLufs(double energy) { return energy > 0.0 ? -0.691 + 10.0 * std::log10(energy) : -INFINITY; }

/** Inverse of energyToLufs. */
inline double lufsToEnergy(double lufs) { return std::pow(10.0, (lufs + 0.691) / 10.0); }

/**
 * Sets flush-to-zero / denormals-are-zero for the current thread for the lifetime of the
 * object (IIR filter tails would otherwise decay into slow subnormals), restoring the previous
 * mode afterwards.
 */
class DenormalGuard {
 public:
#if defined(__x86_64__) || defined(__i386__)
  DenormalGuard() : saved_(_mm_getcsr()) { _mm_setcsr(saved_ | 0x8040u); }
  ~DenormalGuard() { _mm_setcsr(saved_); }

 private:
  unsigned saved_;
#else
  DenormalGuard() = default;
#endif
 public:
  DenormalGuard(const DenormalGuard&) = delete;
  DenormalGuard& operator=(const DenormalGuard&) = delete;
};

}  // namespace shub
