// One declared DSP parameter as the native side sees it: name, unit, range with open or closed
// ends, integer flag and default. The values live in generated/dsp_params.h, written from
// src/engines/dsp/params.ts (the one declaration); the N-API glue and the C++ validators both
// check against it, so the entry point and the constructors cannot disagree. Never clamps.
#pragma once

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <utility>

namespace shub {
namespace params {

struct Param {
  const char* name;
  const char* unit;  // "" when unitless
  double lo, hi;
  bool openLo, openHi;  // (lo, …: lo itself is rejected
  bool integer;
  double def;

  /** Finite, inside the range (open ends exclusive) and whole where declared integer. */
  bool accepts(double v) const {
    if (!std::isfinite(v) || (integer && std::floor(v) != v)) return false;
    return (openLo ? v > lo : v >= lo) && (openHi ? v < hi : v <= hi);
  }

  /** `[-120, 0] dB`, `(0, 2000] ms`: the notation of src/engines/analysis/params.ts rangeText. */
  std::string rangeText() const {
    char b[96];
    std::snprintf(b, sizeof b, "%c%.15g, %.15g%c", openLo ? '(' : '[', lo, hi, openHi ? ')' : ']');
    std::string out = b;
    if (*unit) out += std::string(" ") + unit;
    return out;
  }

  /** `thresholdDb must be a number in [-120, 0] dB, got 5`. */
  std::string rejection(const std::string& got) const {
    return std::string(name) + " must be " + (integer ? "an integer" : "a number") + " in " + rangeText() + ", got " +
           got;
  }

  /** Empty when v is accepted, else the rejection naming v. */
  std::string check(double v) const {
    if (accepts(v)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.15g", v);
    return rejection(std::isnan(v) ? "NaN" : b);
  }
};

/** The first rejection among (parameter, value) pairs, or "" when every value is accepted. */
inline std::string firstRejection(std::initializer_list<std::pair<const Param&, double>> checks) {
  for (const auto& [param, value] : checks) {
    std::string e = param.check(value);
    if (!e.empty()) return e;
  }
  return "";
}

}  // namespace params
}  // namespace shub
