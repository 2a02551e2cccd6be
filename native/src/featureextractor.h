// The feature extractor: PCM decode → mono mix → one shared STFT (Hann window, centered
// frames) → per-frame spectral statistics, MFCC, spectral contrast, pitch-class profile,
// onset-strength envelope; plus a fine energy envelope (onset refinement) and a pYIN f0
// track (pyin.h) on a decimated copy of the signal. Same streaming shape as the level meter:
// create → add blocks → finish/result → destroy. Only compact per-frame features are kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fft.h"
#include "hugemem.h"
#include "levelmeter.h"  // AddResult
#include "pcm.h"
#include "pyin.h"

namespace shub {

struct FeatureOptions {
  int sampleRate = 48000;      // Hz, 8000–384000
  int channels = 2;            // 1–8 (mixed to mono with equal weights)
  int windowSamples = 2048;    // STFT window (power of two, 64–65536)
  int hopSamples = 512;        // STFT hop, 1..windowSamples
  bool spectrum = true;        // run the STFT and everything derived from it
  bool pitch = false;          // run the pYIN f0 tracker
  bool meanPowerOnly = false;  // STFT → mean power spectrum only (master's tonal balance): no mel, chroma, onsets
  int melBands = 40;           // 8–128
  int mfccCoefficients = 13;   // 1..melBands
  double melMinHz = 20, melMaxHz = 16000;  // clipped to Nyquist
  double rolloffFraction = 0.85;           // (0, 1)
  double chromaMinHz = 55, chromaMaxHz = 5000;
  // gatePitchClass: the peaks from chromaMinHz up to this only (the key's tuning gate)
  double tuningGateMaxHz = 1500;
  int chromaHarmonics = 1;       // HPCP harmonic summation: peak f also counts for f/2..f/h
  double activeFloorDbfs = -70;  // frames whose mean square is below this are silent
  int tickSamples = 24;          // fine-envelope resolution (samples), 1..4096
  bool fineEnvelope = true;      // keep the fine energy envelope (the onsets engine's placement)
  // > 0: the frames expected (the header's count): the per-frame series are allocated once for that many, so
  // that they do not grow by copying (page faults, a transient second copy); a wrong count only costs that
  uint64_t expectedFrames = 0;
  double pitchMinHz = 50, pitchMaxHz = 1600;
  int pitchMinRateHz = 16000;  // pitch runs on the signal halved (half-band) while the rate stays >= this, 4000–384000
  double pitchFloorDbfs = -55;                    // frames quieter than this are unvoiced
  double pitchTransitionSemitonesPerSecond = 30;  // pYIN HMM: Laplacian scale of the f0 change
  PyinOptions pyin;  // pYIN candidates and HMM (its minHz/maxHz/transitionSemitones are set from the above)

  // > 0: also a 120-bin pitch-class profile (and a bass one) per this many STFT frames (key's chord evidence)
  int pitchClassBlockFrames = 0;

  // Onset flux (the onsets engine only; tempo keeps odf/odfLow): a second, finer STFT whose log-frequency
  // filterbank levels give a SuperFlux rise per frequency group (ONSET_FLUX_PARAMETERS in params.ts)
  bool onsetFlux = false;
  int onsetWindowSamples = 1024;               // power of two, 64–65536
  int onsetHopSamples = 256;                   // 1..onsetWindowSamples
  double onsetBandsPerOctave = 24;             // log filterbank resolution, 1–96
  double onsetMinHz = 30, onsetMaxHz = 17000;  // filterbank range (clipped to Nyquist)
  double onsetFloorDb = -70;                   // log(1 + X/floor): magnitudes this far under a full-scale sine's ≈ 0
  // < 0: the floor is at least this far (dB) under the sample peak so far and ahead (gain-invariant); 0 = off
  double onsetRelativeFloorDb = 0;
  int onsetFloorAheadFrames = 0;  // … the loudest over the frames so far and this many after the frame
  int onsetLagFrames = 2;         // the rise is over the frame this many hops before, 1–64
  int onsetMaxFilterBands = 1;    // ± filters of the max filter over the earlier frame, 0–16
  std::vector<double> onsetGroupEdgesHz = {250, 2000, 8000};  // splits of the flux into groups (ascending)
  // timbre novelty (an extra last column of onsetFlux when > 0): filters at or above this frequency, Hz, 0 = off
  double onsetNoveltyMinHz = 0;
  int onsetNoveltySlopeFrames = 3;     // the decay before the lag frame is measured over this many hops, 1–64
  double onsetNoveltyMaxFallDb = 1.5;  // a faster fall over the lag is no ring's decay: not continued, dB
  // band novelty (its own series, onsetBandNovelty): per onset flux group, the coherent rise of the group's filters
  // over the earlier frame's decay continued (the novelty's decay model), positive part, dB
  bool onsetBandNovelty = false;
  // band energies (its own series, onsetBandEnergy): the onset flux filters' power summed per band of this many bands
  // per octave from onsetMinHz (bands without a filter dropped), 0 = off, 0–12
  double onsetEnergyBandsPerOctave = 0;
};

/** Empty when valid, else a message naming the field. */
std::string validateFeatureOptions(const FeatureOptions& o);

/**
 * The spectral contrast's sums of the q smallest and the q largest of x[0..n) (1 <= q <= n) by one of the extractor's
 * ways (tests: every way must give the same bits): `way` 0 the heaps comparing every value alone, 1 the heaps passing
 * over blocks, 2 the extractor's (the selection, the heaps of way 1 where it declines). True when the selection
 * gave the sums.
 */
bool featureExtremeSums(const float* x, size_t n, size_t q, int way, double& lowSum, double& highSum);

/**
 * The filterbank sums of the mel bands and the onset filters (tests): out[b] = Σ_j w[b][j]·p[lo[b] + j], in double
 * (the mel bands') or in float (the onset filters'), the bands taken four at a time as the extractor takes them.
 */
void featureBandSums(const float* p, const size_t* lo, const float* const* w, const size_t* len, size_t bands,
                     bool inDouble, double* out);

/** Whole-file figures (means over active frames) and compact frame series. */
struct FeatureReport {
  uint64_t frames = 0;        // PCM frames added
  uint64_t stftFrames = 0;    // STFT frames (1 + floor(frames / hop) when any audio)
  uint64_t activeFrames = 0;  // STFT frames above activeFloorDbfs
  double binHz = 0, hopSeconds = 0;
  std::optional<double> centroidHz, rolloffHz, flatness, flux, bandwidthHz;
  double zeroCrossingRate = 0;                    // sign changes per sample pair of the mono mix
  std::vector<double> mfcc;                       // means (empty when no active frame)
  std::vector<std::optional<double>> contrastDb;  // per band, null when empty/no frame
  std::vector<double> contrastEdgesHz;            // band edges (bands + 1)
  std::vector<double> meanPower;                  // one-sided PSD per bin, mean over all frames
  std::vector<double> pitchClass;                 // 120 bins (10 cents), bin 0 = C at A440
  std::vector<double> bassPitchClass;             // same, peaks below 250 Hz only
  std::vector<double> gatePitchClass;             // same, peaks below tuningGateMaxHz only (the key's tuning gate)
  FloatSeries pitchClassBlocks;                   // 120 per block of pitchClassBlockFrames frames, block-major
  FloatSeries bassPitchClassBlocks;               // same, peaks below 250 Hz only
  FloatSeries odf, odfLow;                        // onset strength per STFT frame
  FloatSeries frameDb;                            // frame mean square, dBFS (≥ −150)
  FloatSeries chroma;                             // 12 per STFT frame (A440), frame-major
  FloatSeries fineEnergy;                         // mean square of the mono mix per tick
  int tickSamples = 0;
  // onset flux: onsetFluxGroups values per frame (frame-major), mean rise per filter in the group (dB); with
  // onsetNoveltyMinHz > 0 the last column is the timbre novelty (dB, see OnsetFluxTracker)
  FloatSeries onsetFlux;
  int onsetFluxGroups = 0;
  double onsetHopSeconds = 0;
  // band novelty (onsetBandNovelty): onsetBandNoveltyBands values per onset flux frame (frame-major), one per flux
  // frequency group: the mean over the group's filters of the level minus the earlier frame's level continued
  // along its decay, positive part (dB): a hit rises in every filter of its band at once (a per-band onset or
  // accent signal for the onsets and tempo engines)
  FloatSeries onsetBandNovelty;
  int onsetBandNoveltyBands = 0;
  // band energies (onsetEnergyBandsPerOctave > 0): onsetBandEnergyBands values per onset flux frame (frame-major), the
  // mean squared magnitude of the filters in each band (linear power re a full-scale sine's 1): the per-band envelopes
  // the onsets engine's echo model predicts from a file's own delayed past
  FloatSeries onsetBandEnergy;
  int onsetBandEnergyBands = 0;
  // the timbre novelty's coherence (with the novelty, one value per onset flux frame): over the novelty's filters,
  // the sum of the signed differences between each level and the earlier frame's level continued along its decay,
  // over the sum of their magnitudes (−1..1): a hit raises nearly every filter (≈ 1); a wash's own fluctuation
  // (a ride's partials, a brush's grain) raises some and lowers others (≈ 0.3)
  FloatSeries onsetNoveltyCoherence;
  // pitch track
  double pitchHopSeconds = 0, pitchStartSeconds = 0;
  FloatSeries pitchHz, pitchConfidence;  // 0 Hz = unvoiced; confidence = pYIN voiced probability
};

class FeatureExtractor {
 public:
  /** Throws std::invalid_argument when validateFeatureOptions fails. */
  explicit FeatureExtractor(const FeatureOptions& options);
  ~FeatureExtractor();

  const FeatureOptions& options() const { return opt_; }

  /**
   * Decodes and analyzes `frames` interleaved frames; with `monoOut` (room for `frames` floats) the mono mix it
   * analyzed is also written there, for another extractor's addMono. Throws std::logic_error after finish().
   */
  AddResult add(const uint8_t* data, PcmFormat format, size_t frames, float* monoOut = nullptr);
  /** Analyzes `frames` samples of a mono mix that add() wrote (the same result as add() of the PCM it came from). */
  void addMono(const float* mono, size_t frames);
  AddResult addFloat(const float* interleaved, size_t frames) {
    return add(reinterpret_cast<const uint8_t*>(interleaved), PcmFormat::F32, frames);
  }

  /** Flushes the last (zero-padded) frames and returns the report. Idempotent. */
  const FeatureReport& finish();
  /** finish(), then moves the report out (its series are left empty). */
  FeatureReport takeReport();

 private:
  struct Impl;
  FeatureOptions opt_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shub
