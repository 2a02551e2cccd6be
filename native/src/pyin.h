// Probabilistic YIN (pYIN, Mauch & Dixon 2014): f0 candidates per frame from a beta-distributed
// set of YIN thresholds, then an HMM over (pitch bin × voiced/unvoiced) decoded by Viterbi.
// The decoder keeps only the frames' candidates (a few per frame) and the Viterbi scores at a
// checkpoint every `checkpointFrames` frames; the back-pointers are recomputed one segment at a
// time when decoding (kept as the steps' argmax decisions, ≈ 5 bits a state), so memory is O(frames × candidates +
// states × (frames / checkpoint + checkpoint)), a few MB for an hour at 10 ms frames.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hugemem.h"

namespace shub {

struct PyinOptions {
  double minHz = 50, maxHz = 1600;  // searched f0 range
  int thresholds = 100;             // YIN thresholds 1/N, 2/N, … 1
  double betaMean = 0.1;            // mean of the beta prior over the thresholds, (0, 1)
  double betaAlpha = 1.5;           // its alpha (beta = alpha (1 − mean) / mean)
  double absoluteMinWeight =
      0.01;                 // share of a threshold's mass given to the global minimum when no trough is below it
  double yinTrust = 0.5;    // share of the candidates' mass the HMM believes voiced, (0, 1]
  int binsPerSemitone = 5;  // HMM pitch resolution
  double switchProbability = 0.01;   // voiced ↔ unvoiced per frame
  double transitionSemitones = 0.3;  // Laplacian scale of the f0 change per frame (semitones)
  double jumpProbability = 0.01;     // share of a frame's pitch transitions that may jump anywhere
  int checkpointFrames = 1024;
};

/** Empty when valid, else a message naming the field. */
const char* validatePyinOptions(const PyinOptions& o);

struct PitchCandidate {
  float hz;
  float probability;
};

/** Per-frame candidate search on the cumulative-mean-normalized difference d′(τ). */
class PyinCandidates {
 public:
  explicit PyinCandidates(const PyinOptions& o);
  /**
   * Candidates of one frame: the troughs of d′ in [tauMin, tauMax] that are the first below at
   * least one threshold, each with the prior mass of those thresholds (f0 from a parabolic fit
   * to the raw difference `diff`: the τ-weighting of d′ would pull a shallow trough to shorter lags),
   * plus the global minimum for the thresholds that no trough reaches (weighted by
   * absoluteMinWeight). Appends to `out` (after clearing it).
   */
  void find(const double* dprime, const double* diff, size_t tauMin, size_t tauMax, double rate,
            std::vector<PitchCandidate>& out) const;

 private:
  std::vector<double> cumulative_;  // cumulative_[i] = prior mass of thresholds 1/N … i/N
  int n_ = 0;
  double absMin_ = 0;
  double massBelowOrAt(double v) const;
};

/**
 * The pitch HMM: push frames as they come (their candidates are kept), decode once at the end. The forward pass
 * (the Viterbi scores and their checkpoints) runs in decode, frame by frame in the same order: in `analyze` the
 * decoding runs on the libuv pool beside the post-processing, where a core has time, not in the audio pass.
 */
class PitchHmm {
 public:
  PitchHmm(const PyinOptions& o);
  /** One frame's candidates (none: the frame cannot be voiced). */
  void push(const PitchCandidate* c, size_t n);
  size_t frames() const { return frameStart_.size(); }
  /**
   * Viterbi path: per frame f0 in Hz (0 = unvoiced; a voiced frame takes the frequency of its
   * candidate in the chosen bin, or the bin's centre) and the voiced probability (the sum of the
   * candidates' probabilities, ≤ 1). Runs the forward pass over the frames pushed since the last call first.
   */
  void decode(FloatSeries& hz, FloatSeries& voicedProbability);

 private:
  int bins_ = 0;
  double minHz_ = 0, bps_ = 0;
  double logStay_ = 0, logSwitch_ = 0, logNear_ = 0, logJump_ = 0, stepCost_ = 0, trust_ = 0;
  size_t checkpoint_ = 0;
  size_t forwarded_ = 0;                                              // frames the forward pass has taken
  std::vector<uint32_t, HugeAllocator<uint32_t>> frameStart_;         // index of the frame's first candidate
  std::vector<PitchCandidate, HugeAllocator<PitchCandidate>> cands_;  // megabytes for a long file
  std::vector<double> delta_;                                         // current scores, voiced bins then unvoiced bins
  std::vector<double> checkpoints_;                                   // delta after frame k·checkpoint, for each k
  // rv_/ru_: right-to-left sweeps; lv_/lu_: left-to-right sweeps (kept in the decode's re-run)
  mutable std::vector<double> obs_, next_, dtv_, dtu_, rv_, ru_, lv_, lu_;
  mutable std::vector<int> candBins_;  // observe's bins of one frame's candidates (as many as the most a frame has)

  int binOf(double hz) const;
  void observe(size_t frame, double* obs) const;
  /**
   * One Viterbi step from `prev` to `out` with frame `frame`'s observation. With a record (recordWords() words; may
   * be null) the step's argmax decisions are kept as bits instead of back-pointers: the transforms' comparisons and
   * which source won each state; source() reads one state's back-pointer from them.
   */
  void step(const double* prev, size_t frame, double* out, uint64_t* record) const;
  template <bool kRecord>
  void stepImpl(const double* prev, size_t frame, double* out, uint64_t* record) const;
  size_t recordWords() const;
  /** The state of the previous frame that state s came from, by a step's record. */
  size_t source(const uint64_t* record, size_t s) const;
  void initial(size_t frame, double* out) const;
  /** The forward pass over the frames not yet taken before `to`: delta_ and the checkpoints. */
  void forward(size_t to);
};

}  // namespace shub
