// The streaming mixer of `shub mix` / `shub render`: a graph of channel strips (tracks, buses,
// master) rendered block by block from clip FIFOs that the caller fills with PCM.
//
// Strip signal flow (one block):
//   clips (item gain, linear or equal-power fades) + receives → input trim → polarity → gate → EQ (biquad
//   cascade) → compressor → saturation → delay → reverb  ──► pre-fader tap / pre-fader sends
//   → fader (gainDb, or its automation, linear in dB) → pan (automation linear) → stereo out
//   ──► post-fader sends, main output (a bus or the master; the master's goes to the mix).
//
// Pan law (documented in README "mix and render"; the RPP renderer uses the same one):
//   θ = (pan + 1)·π/4.  Mono strip: L = cos θ, R = sin θ (constant power, −3.01 dB each at
//   centre).  Stereo strip (balance): L·min(1, √2·cos θ), R·min(1, √2·sin θ) (unity at centre,
//   the far side fades out with constant-power shape).
// A mono clip on a stereo strip, and a mono strip's pre-fader send into a stereo bus, feed both
// channels at unity (dual mono), as REAPER does with a mono item on a stereo track.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsp/biquad.h"
#include "dsp/delay.h"
#include "dsp/dynamics.h"
#include "dsp/gate.h"
#include "dsp/reverb.h"
#include "dsp/saturation.h"
#include "isa.h"
#include "pcm.h"

namespace shub {
namespace mix {

/** Breakpoints (frame, value), frames ascending; linear interpolation, held outside the range. */
struct Breakpoints {
  std::vector<double> frames;
  std::vector<double> values;
  bool empty() const { return frames.empty(); }
  double at(double frame) const;
};

struct SendSpec {
  int dest = -1;      // strip index (> the sending strip's index)
  double gain = 1.0;  // linear
  bool preFader = false;
};

/** What a strip writes to its print tap each block (for stems of a REAPER session). */
enum class Print {
  None,
  PreFader,  // chain output × (automated gain / static gain): REAPER applies the static fader and pan
  PostPan,   // chain output × automation ratio, panned (stereo): REAPER applies the static fader only
  Residual,  // chain output − chain input: REAPER sums the receives and adds this item
};

struct StripSpec {
  std::string name;
  int channels = 2;  // 1 or 2: the processing width
  double trimDb = 0;
  bool invert = false;
  std::optional<GateParams> gate;
  std::vector<EqBand> eq;
  std::optional<CompressorParams> compressor;
  std::optional<SaturationParams> saturation;
  std::optional<DelayParams> delay;
  std::optional<ReverbParams> reverb;
  double gainDb = 0;
  double pan = 0;
  Breakpoints gainAutomation;  // dB
  Breakpoints panAutomation;   // −1 … +1
  int output = -1;             // strip index, or −1: the mix output
  std::vector<SendSpec> sends;
  bool active = true;  // false: processed and printed, but feeds nothing (mute / not soloed)
  Print print = Print::None;
};

struct ClipSpec {
  int strip = 0;
  int channels = 1;
  int64_t startFrame = 0;          // timeline frame of the item's first frame
  int64_t sourceOffsetFrames = 0;  // source frames skipped before the item's first frame
  int64_t lengthFrames = 0;
  double gain = 1.0;
  int64_t fadeInFrames = 0;
  int64_t fadeOutFrames = 0;
  // 0 linear: w = d / L; 1 equal power: w = sin(π/2 · (d + ½) / L), where d is the sample's distance from the
  // item edge in frames (0 … L−1); the cos/sin crossfade of `shub comp` (src/engines/comp/assembly.ts).
  int fadeInShape = 0;
  int fadeOutShape = 0;
};

struct MixSpec {
  double sampleRate = 48000;
  size_t maxBlockFrames = 8192;
  std::vector<StripSpec> strips;
  std::vector<ClipSpec> clips;
};

/** Empty when the spec is consistent, else a message naming the strip/clip and field. */
std::string validateMixSpec(const MixSpec& spec);

struct StripStats {
  double inputPeak = 0;   // linear, after receives and clips, before the chain
  double outputPeak = 0;  // linear, post-fader
  double compressorMaxGainReductionDb = 0;
  double compressorMeanGainReductionDb = 0;
  double gateOpenFraction = -1;  // −1 without a gate
};

class Mixer {
 public:
  explicit Mixer(MixSpec spec);
  ~Mixer();

  /** Decodes frames of interleaved PCM into clip `clip`'s FIFO (source order). */
  void pushPcm(int clip, const uint8_t* data, PcmFormat format, size_t frames);
  /** No more audio for `clip`: past its end the clip plays silence. */
  void endClip(int clip);
  /**
   * Renders the next n ≤ maxBlockFrames frames: the mix (interleaved stereo) into `out`
   * (2·n floats), and each printing strip's tap (interleaved, printChannels(i) per frame) into
   * `prints[k]` for the k-th printing strip. Throws if a clip that has not ended lacks audio.
   */
  void render(size_t n, float* out, std::vector<std::vector<float>>& prints);

  int64_t framesRendered() const { return t_; }
  int printChannels(int strip) const;
  const std::vector<int>& printingStrips() const { return printing_; }
  std::vector<StripStats> stats() const;
  const MixSpec& spec() const { return spec_; }

 private:
  struct Fifo;
  struct Strip;
  /** Clips, input peak, residual copy, trim/polarity and gate of one strip for a block. */
  SHUB_ALWAYS_INLINE void headStages(Strip& s, int64_t t0, size_t n);
  SHUB_ALWAYS_INLINE void readClip(int c, int64_t t0, size_t n, Strip& s);
  // render's body, built once per instruction set (isa.h); render() calls the selected one
  SHUB_ALWAYS_INLINE void renderBody(size_t n, float* out, std::vector<std::vector<float>>& prints);
  SHUB_TARGET_AVX512 void renderAvx512(size_t n, float* out, std::vector<std::vector<float>>& prints);
  SHUB_TARGET_AVX2 void renderAvx2(size_t n, float* out, std::vector<std::vector<float>>& prints);
  void renderBaseline(size_t n, float* out, std::vector<std::vector<float>>& prints);

  MixSpec spec_;
  std::vector<std::unique_ptr<Fifo>> fifos_;
  std::vector<std::unique_ptr<Strip>> strips_;
  std::vector<int> printing_;
  int64_t t_ = 0;
};

}  // namespace mix
}  // namespace shub
