// Word-length reduction: TPDF dither (±1 LSB triangular) with optional noise shaping
// (Wannamaker's 3-tap F-weighted error feedback, which moves the requantisation noise out of the
// ear's most sensitive 2–5 kHz region), rounding and clipping to the integer range, written as
// little-endian PCM. Deterministic: the same input and seed give the same bytes.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace shub {

enum class DitherMode { None, Tpdf, TpdfShaped };

class Quantizer {
 public:
  /** bitDepth 16 or 24 (integer PCM) or 32 (float, written as is: no dither). */
  Quantizer(int bitDepth, DitherMode mode, int channels, uint64_t seed = 0x9E3779B97F4A7C15ULL)
      : bits_(bitDepth),
        mode_(bitDepth == 32 ? DitherMode::None : mode),
        channels_(channels),
        state_(seed | 1),
        err_(static_cast<size_t>(channels) * 3, 0.0) {
    scale_ = bitDepth == 32 ? 1.0 : std::ldexp(1.0, bitDepth - 1);
  }

  int bytesPerSample() const { return bits_ == 16 ? 2 : bits_ == 24 ? 3 : 4; }
  uint64_t clippedSamples() const { return clipped_; }

  /** Writes n frames of planar float input as interleaved PCM into out (n·channels·bytesPerSample bytes). */
  void write(const float* const* in, size_t n, uint8_t* out) {
    const int bps = bytesPerSample();
    for (size_t i = 0; i < n; ++i) {
      for (int c = 0; c < channels_; ++c) {
        uint8_t* o = out + (i * channels_ + c) * bps;
        if (bits_ == 32) {
          const float v = in[c][i];
          std::memcpy(o, &v, 4);
          continue;
        }
        double v = static_cast<double>(in[c][i]) * scale_;
        double* e = &err_[static_cast<size_t>(c) * 3];
        if (mode_ == DitherMode::TpdfShaped) v -= 1.623 * e[0] - 0.982 * e[1] + 0.109 * e[2];
        const double d = mode_ == DitherMode::None ? 0.0 : uniform() - uniform();
        double q = std::nearbyint(v + d);
        const double hi = scale_ - 1, lo = -scale_;
        if (q > hi) {
          q = hi;
          ++clipped_;
        }
        if (q < lo) {
          q = lo;
          ++clipped_;
        }
        if (mode_ == DitherMode::TpdfShaped) {
          e[2] = e[1];
          e[1] = e[0];
          e[0] = std::fmax(-4.0, std::fmin(4.0, q - v));  // bounded so a clipped sample cannot ring
        }
        const int32_t s = static_cast<int32_t>(q);
        o[0] = static_cast<uint8_t>(s & 0xff);
        o[1] = static_cast<uint8_t>((s >> 8) & 0xff);
        if (bps == 3) o[2] = static_cast<uint8_t>((s >> 16) & 0xff);
      }
    }
  }

 private:
  double uniform() {  // xorshift64*, [0, 1)
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return static_cast<double>((state_ * 0x2545F4914F6CDD1DULL) >> 11) * (1.0 / 9007199254740992.0);
  }

  int bits_;
  DitherMode mode_;
  int channels_;
  uint64_t state_;
  double scale_;
  std::vector<double> err_;
  uint64_t clipped_ = 0;
};

}  // namespace shub
