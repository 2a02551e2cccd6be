// Noise gate / expander for track chains (shub mix): a linked peak detector with hysteresis and
// hold opens the gate when the key exceeds thresholdDb and closes it once the key has stayed
// below thresholdDb − hysteresisDb for holdMs; the gain moves between 1 and rangeDb with
// one-pole attack (opening) and release (closing) smoothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "generated/dsp_params.h"

namespace shub {

struct GateParams {
  // defaults, units and ranges: generated/dsp_params.h (declared in src/engines/dsp/params.ts)
  double thresholdDb = params::gate::thresholdDb.def;    // opens above this key level (dBFS, sample peak)
  double rangeDb = params::gate::rangeDb.def;            // gain when closed (−80 ≈ silence)
  double attackMs = params::gate::attackMs.def;          // opening time constant
  double holdMs = params::gate::holdMs.def;              // stays open this long after the key drops
  double releaseMs = params::gate::releaseMs.def;        // closing time constant
  double hysteresisDb = params::gate::hysteresisDb.def;  // closes below thresholdDb − hysteresisDb
};

/** Empty when valid, else a message naming the field. */
std::string validateGateParams(const GateParams& p);

struct GateStats {
  uint64_t frames = 0;
  uint64_t openFrames = 0;  // frames during which the gate was open (key above threshold or holding)
};

class Gate {
 public:
  Gate(const GateParams& params, double sampleRate, int channels);
  /** Gates n samples of each plane in place (one gain for all channels). */
  void process(float* const* planes, size_t n);
  const GateStats& stats() const { return stats_; }

 private:
  GateParams p_;
  int channels_;
  double open_, close_, floor_, attackCoef_, releaseCoef_;
  uint64_t holdFrames_;
  uint64_t held_ = 0;
  bool isOpen_ = false;
  double gain_;
  GateStats stats_;
};

}  // namespace shub
