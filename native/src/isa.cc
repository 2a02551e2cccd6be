#include "isa.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace shub {

namespace {

Isa detect() {
#if defined(__GNUC__) && defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("fma"))
    return Isa::avx512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Isa::avx2;
#endif
  return Isa::baseline;
}

Isa select() {
  const Isa cpu = cpuIsa();
  const char* env = std::getenv("SHUB_NATIVE_ISA");
  if (env == nullptr || *env == '\0') return cpu;
  Isa cap;
  if (std::strcmp(env, "baseline") == 0) {
    cap = Isa::baseline;
  } else if (std::strcmp(env, "avx2") == 0) {
    cap = Isa::avx2;
  } else if (std::strcmp(env, "avx512") == 0) {
    cap = Isa::avx512;
  } else {
    std::fprintf(stderr,
                 "shub: SHUB_NATIVE_ISA=%s is not one of baseline, avx2, avx512: ignored (the native kernels use %s)\n",
                 env, isaName(cpu));
    return cpu;
  }
  return static_cast<int>(cap) < static_cast<int>(cpu) ? cap : cpu;
}

}  // namespace

Isa cpuIsa() {
  static const Isa isa = detect();
  return isa;
}

Isa selectedIsa() {
  static const Isa isa = select();
  return isa;
}

const char* isaName(Isa isa) {
  switch (isa) {
    case Isa::avx512:
      return "avx512";
    case Isa::avx2:
      return "avx2";
    default:
      return "baseline";
  }
}

}  // namespace shub
