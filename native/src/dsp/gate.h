// Noise gate / expander for track chains (shub mix): a linked peak detector with hysteresis and
// hold opens the gate when the key exceeds thresholdDb and closes it once the key has stayed
// below thresholdDb − hysteresisDb for holdMs; the gain moves between 1 and rangeDb with
// one-pole attack (opening) and release (closing) smoothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace shub {

struct GateParams {
  double thresholdDb = -50.0;  // opens above this key level (dBFS, sample peak)
  double rangeDb = -80.0;      // gain when closed (≤ 0 dB; −80 ≈ silence)
  double attackMs = 1.0;       // opening time constant (> 0)
  double holdMs = 20.0;        // stays open this long after the key drops (≥ 0)
  double releaseMs = 100.0;    // closing time constant (> 0)
  double hysteresisDb = 4.0;   // closes below thresholdDb − hysteresisDb (≥ 0)
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
