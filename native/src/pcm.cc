#include "pcm.h"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "isa.h"

namespace shub {

bool parsePcmFormat(const char* name, PcmFormat& out) {
  static const struct {
    const char* name;
    PcmFormat format;
  } kTable[] = {{"u8", PcmFormat::U8},   {"s16", PcmFormat::S16}, {"s24", PcmFormat::S24},
                {"s32", PcmFormat::S32}, {"f32", PcmFormat::F32}, {"f64", PcmFormat::F64}};
  for (const auto& e : kTable) {
    if (std::strcmp(name, e.name) == 0) {
      out = e.format;
      return true;
    }
  }
  return false;
}

const char* pcmFormatNames() { return "u8, s16, s24, s32, f32, f64"; }

const char* pcmFormatName(PcmFormat format) {
  switch (format) {
    case PcmFormat::U8:
      return "u8";
    case PcmFormat::S16:
      return "s16";
    case PcmFormat::S24:
      return "s24";
    case PcmFormat::S32:
      return "s32";
    case PcmFormat::F32:
      return "f32";
    case PcmFormat::F64:
      return "f64";
  }
  return "?";
}

size_t pcmBytesPerSample(PcmFormat format) {
  switch (format) {
    case PcmFormat::U8:
      return 1;
    case PcmFormat::S16:
      return 2;
    case PcmFormat::S24:
      return 3;
    case PcmFormat::S32:
      return 4;
    case PcmFormat::F32:
      return 4;
    case PcmFormat::F64:
      return 8;
  }
  return 0;
}

namespace {

// Converters: one sample at p → float. Integers are exact in float up to 24 bits; s32 rounds.
struct U8 {
  static constexpr size_t kBytes = 1;
  static SHUB_ALWAYS_INLINE float get(const uint8_t* p) {
    return static_cast<float>(static_cast<int>(p[0]) - 128) * (1.0f / 128.0f);
  }
};
struct S16 {
  static constexpr size_t kBytes = 2;
  static SHUB_ALWAYS_INLINE float get(const uint8_t* p) {
    const int16_t v = static_cast<int16_t>(static_cast<uint16_t>(p[0] | (p[1] << 8)));
    return static_cast<float>(v) * (1.0f / 32768.0f);
  }
};
struct S24 {
  static constexpr size_t kBytes = 3;
  static SHUB_ALWAYS_INLINE float get(const uint8_t* p) {
    const uint32_t u =
        (static_cast<uint32_t>(p[0]) << 8) | (static_cast<uint32_t>(p[1]) << 16) | (static_cast<uint32_t>(p[2]) << 24);
    return static_cast<float>(static_cast<int32_t>(u) >> 8) * (1.0f / 8388608.0f);
  }
};
struct S32 {
  static constexpr size_t kBytes = 4;
  static SHUB_ALWAYS_INLINE float get(const uint8_t* p) {
    int32_t v;
    std::memcpy(&v, p, 4);
    // via double so that the scaling itself does not round twice
    return static_cast<float>(static_cast<double>(v) * (1.0 / 2147483648.0));
  }
};

template <class Conv, int kCh>
void decodeInt(const uint8_t* src, int channels, size_t frames, float* const* outBase, size_t outOffset = 0) {
  float* out[kMaxPcmChannels];
  for (int c = 0; c < (kCh > 0 ? kCh : channels); ++c) out[c] = outBase[c] + outOffset;
  const int nc = kCh > 0 ? kCh : channels;
  const size_t stride = Conv::kBytes * static_cast<size_t>(nc);
  if (nc == 1) {
    float* o = out[0];
    for (size_t i = 0; i < frames; ++i) o[i] = Conv::get(src + i * Conv::kBytes);
    return;
  }
  if (nc == 2) {
    float* o0 = out[0];
    float* o1 = out[1];
    for (size_t i = 0; i < frames; ++i) {
      const uint8_t* p = src + i * stride;
      o0[i] = Conv::get(p);
      o1[i] = Conv::get(p + Conv::kBytes);
    }
    return;
  }
  for (size_t i = 0; i < frames; ++i) {
    const uint8_t* p = src + i * stride;
    for (int c = 0; c < nc; ++c) out[c][i] = Conv::get(p + static_cast<size_t>(c) * Conv::kBytes);
  }
}

template <class T>
SHUB_ALWAYS_INLINE float sanitize(T v, bool& bad) {
  bad = !(std::fabs(v) <= std::numeric_limits<T>::max());
  if (bad) return 0.0f;
  if (v > static_cast<T>(kMaxSampleMagnitude)) return kMaxSampleMagnitude;
  if (v < -static_cast<T>(kMaxSampleMagnitude)) return -kMaxSampleMagnitude;
  return static_cast<float>(v);
}

template <class T>
void decodeFloat(const uint8_t* src, int channels, size_t frames, float* const* out, DecodeStats& stats) {
  const size_t nc = static_cast<size_t>(channels);
  for (size_t i = 0; i < frames; ++i) {
    const uint8_t* p = src + i * nc * sizeof(T);
    for (size_t c = 0; c < nc; ++c) {
      T v;
      std::memcpy(&v, p + c * sizeof(T), sizeof(T));
      bool bad;
      out[c][i] = sanitize(v, bad);
      if (__builtin_expect(bad, 0)) {
        if (stats.nonFinite == 0) stats.firstNonFiniteFrame = static_cast<int64_t>(i);
        ++stats.nonFinite;
      }
    }
  }
}

// s24 mono/stereo, 4 frames per step: byte shuffles place each 3-byte sample in the top of
// a 32-bit lane, an arithmetic shift sign-extends it. Tail frames go through decodeInt.
typedef uint8_t v16u8 __attribute__((vector_size(16)));
typedef int32_t v4i32 __attribute__((vector_size(16)));
typedef float v4f32 __attribute__((vector_size(16)));

SHUB_ALWAYS_INLINE v4f32 s24Lanes(const uint8_t* p) {
  v16u8 bytes;
  std::memcpy(&bytes, p, 16);
  const v16u8 zero = {};
  const v16u8 placed = __builtin_shufflevector(bytes, zero, 16, 0, 1, 2, 16, 3, 4, 5, 16, 6, 7, 8, 16, 9, 10, 11);
  const v4i32 v = reinterpret_cast<v4i32>(placed) >> 8;
  return __builtin_convertvector(v, v4f32) * (1.0f / 8388608.0f);
}

SHUB_ALWAYS_INLINE void decodeS24MonoBody(const uint8_t* src, size_t frames, float* const* out) {
  float* o = out[0];
  size_t i = 0;
  for (; i + 6 <= frames; i += 4) {  // reads 16 of the remaining ≥ 18 bytes
    const v4f32 v = s24Lanes(src + 3 * i);
    std::memcpy(o + i, &v, sizeof(v));
  }
  decodeInt<S24, 1>(src + 3 * i, 1, frames - i, out, i);
}

SHUB_ISA_KERNEL(void, decodeS24Mono, (const uint8_t* src, size_t frames, float* const* out), (src, frames, out))

SHUB_ALWAYS_INLINE void decodeS24StereoBody(const uint8_t* src, size_t frames, float* const* out) {
  float* o0 = out[0];
  float* o1 = out[1];
  size_t i = 0;
  for (; i + 5 <= frames; i += 4) {              // reads 28 of the remaining ≥ 30 bytes
    const v4f32 a = s24Lanes(src + 6 * i);       // L0 R0 L1 R1
    const v4f32 b = s24Lanes(src + 6 * i + 12);  // L2 R2 L3 R3
    const v4f32 l = __builtin_shufflevector(a, b, 0, 2, 4, 6);
    const v4f32 r = __builtin_shufflevector(a, b, 1, 3, 5, 7);
    std::memcpy(o0 + i, &l, sizeof(l));
    std::memcpy(o1 + i, &r, sizeof(r));
  }
  decodeInt<S24, 2>(src + 6 * i, 2, frames - i, out, i);
}

SHUB_ISA_KERNEL(void, decodeS24Stereo, (const uint8_t* src, size_t frames, float* const* out), (src, frames, out))

template <class Conv>
void decodeIntDispatch(const uint8_t* src, int channels, size_t frames, float* const* out) {
  if (channels == 1)
    decodeInt<Conv, 1>(src, channels, frames, out);
  else if (channels == 2)
    decodeInt<Conv, 2>(src, channels, frames, out);
  else
    decodeInt<Conv, 0>(src, channels, frames, out);
}

}  // namespace

void decodePcm(const uint8_t* src, PcmFormat format, int channels, size_t frames, float* const* out,
               DecodeStats& stats) {
  if (channels < 1 || channels > kMaxPcmChannels) throw std::invalid_argument("decodePcm: channels must be in [1, 8]");
  switch (format) {
    case PcmFormat::U8:
      decodeIntDispatch<U8>(src, channels, frames, out);
      break;
    case PcmFormat::S16:
      decodeIntDispatch<S16>(src, channels, frames, out);
      break;
    case PcmFormat::S24:
      if (channels == 1)
        decodeS24Mono(src, frames, out);
      else if (channels == 2)
        decodeS24Stereo(src, frames, out);
      else
        decodeIntDispatch<S24>(src, channels, frames, out);
      break;
    case PcmFormat::S32:
      decodeIntDispatch<S32>(src, channels, frames, out);
      break;
    case PcmFormat::F32:
      decodeFloat<float>(src, channels, frames, out, stats);
      break;
    case PcmFormat::F64:
      decodeFloat<double>(src, channels, frames, out, stats);
      break;
  }
}

}  // namespace shub
