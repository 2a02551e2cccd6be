// Dot product of float vectors with independent partial sums, so the compiler can vectorise it
// (a single running sum is a serial dependency chain it may not reorder). Run-time dispatched
// to an AVX-512, AVX2+FMA or baseline build (isa.h).
#pragma once

#include <cstddef>

namespace shub {

float dot(const float* a, const float* b, size_t n);

}  // namespace shub
