// Interleaved little-endian PCM → planar float decoding.
#pragma once

#include <cstddef>
#include <cstdint>

namespace shub {

enum class PcmFormat { U8, S16, S24, S32, F32, F64 };

/** Parses "u8" | "s16" | "s24" | "s32" | "f32" | "f64"; returns false for anything else. */
bool parsePcmFormat(const char* name, PcmFormat& out);
/** The accepted format names, comma separated (for error messages). */
const char* pcmFormatNames();
const char* pcmFormatName(PcmFormat format);
size_t pcmBytesPerSample(PcmFormat format);

/** Non-finite samples found while decoding one block (float formats only). */
struct DecodeStats {
  uint64_t nonFinite = 0;
  /** Frame index within the decoded block of the first non-finite sample, or -1. */
  int64_t firstNonFiniteFrame = -1;
};

constexpr int kMaxPcmChannels = 8;

/** Float samples whose magnitude exceeds this (+120 dBFS) are clamped to it. */
constexpr float kMaxSampleMagnitude = 1.0e6f;

/**
 * Decodes `frames` interleaved frames of `channels` samples into `out[c][0..frames)`.
 * Integers: u8 (x−128)/128, s16 /2^15, s24 /2^23 (sign-extended), s32 /2^31. Floats are
 * copied; NaN/±Inf are counted in `stats` and replaced by 0, finite values beyond
 * ±kMaxSampleMagnitude are clamped. channels: 1..kMaxPcmChannels (else std::invalid_argument).
 */
void decodePcm(const uint8_t* src, PcmFormat format, int channels, size_t frames, float* const* out,
               DecodeStats& stats);

}  // namespace shub
