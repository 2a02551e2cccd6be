// Large buffers in memory of their own asked for in 2 MB pages (Linux: a 2 MB-aligned anonymous mapping with madvise
// MADV_HUGEPAGE). Fresh memory touched page by page costs one page fault per 4 kB (≈ 5–15 µs each on this project's
// 2-core VM: a fresh 8 MB ≈ 30 CPU-ms); in 2 MB pages a few faults (< 1 ms). The sizes are rounded up to 2 MB, so
// only buffers from kHugeMinBytes up take this path (at most 1 MB of a last page unused each); smaller ones, and
// every buffer off Linux, use the ordinary heap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace shub {

#if defined(__linux__) && defined(MADV_HUGEPAGE)
constexpr bool kHugeMemory = true;
#else
constexpr bool kHugeMemory = false;
#endif
constexpr size_t kHugePageBytes = size_t{2} << 20;
constexpr size_t kHugeMinBytes = size_t{1} << 20;

/** Whether a buffer of `bytes` takes the 2 MB-page path (hugeAlloc / hugeFree). */
inline bool hugeSized(size_t bytes) { return kHugeMemory && bytes >= kHugeMinBytes; }

/** `bytes` (hugeSized) of zeroed memory, 2 MB-aligned, in 2 MB pages when the kernel has them; throws
 * std::bad_alloc when the mapping fails. Freed by hugeFree with the same `bytes`. */
inline void* hugeAlloc(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const size_t size = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  const size_t mapped = size + kHugePageBytes;  // room to align to 2 MB; the rest is unmapped at once
  void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto base = reinterpret_cast<uintptr_t>(raw);
  const auto at = (base + kHugePageBytes - 1) & ~(uintptr_t{kHugePageBytes} - 1);
  if (at > base) munmap(raw, at - base);
  if (base + mapped > at + size) munmap(reinterpret_cast<void*>(at + size), base + mapped - (at + size));
  madvise(reinterpret_cast<void*>(at), size, MADV_HUGEPAGE);  // advice: failure is harmless
  return reinterpret_cast<void*>(at);
#else
  (void)bytes;
  throw std::bad_alloc();
#endif
}

inline void hugeFree(void* p, size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  munmap(p, (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes);
#else
  (void)p;
  (void)bytes;
#endif
}

/** A std::vector allocator: hugeSized buffers from hugeAlloc, the others from the ordinary heap. */
template <class T>
struct HugeAllocator {
  using value_type = T;
  HugeAllocator() noexcept = default;
  template <class U>
  HugeAllocator(const HugeAllocator<U>&) noexcept {}
  T* allocate(size_t n) {
    if (hugeSized(n * sizeof(T))) return static_cast<T*>(hugeAlloc(n * sizeof(T)));
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, size_t n) noexcept {
    if (hugeSized(n * sizeof(T)))
      hugeFree(p, n * sizeof(T));
    else
      std::allocator<T>().deallocate(p, n);
  }
  template <class U>
  bool operator==(const HugeAllocator<U>&) const noexcept {
    return true;
  }
  template <class U>
  bool operator!=(const HugeAllocator<U>&) const noexcept {
    return false;
  }
};

/** A per-frame series (the feature extractor's report): megabytes for a long file, kept in 2 MB pages. */
using FloatSeries = std::vector<float, HugeAllocator<float>>;

}  // namespace shub
