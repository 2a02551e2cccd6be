// clang-format off
// Generated from src/engines/dsp/params.ts by src/engines/dsp/params-header.ts: do not edit.
// Regenerate: npm run build:ts && node dist/src/engines/dsp/params-header.js
// (test/engines/dsp-params.test.ts fails while this file is out of date).
#pragma once

#include "dsp/param.h"

namespace shub {
namespace params {

namespace audio {
// sample rate
inline constexpr Param sampleRate{"sampleRate", "Hz", 8000, 384000, false, false, true, 48000};
}  // namespace audio

namespace eq {
// centre or corner frequency; must also be below half the sample rate (the bound is 384 kHz / 2)
inline constexpr Param freqHz{"freqHz", "Hz", 0, 192000, true, true, false, 1000};
// bandwidth; 0.7071 is Butterworth for the passes and the steepest monotonic slope for the shelves
inline constexpr Param q{"q", "", 0, 100, true, false, false, 0.7071067811865476};
// gain at freqHz (peak and shelves; the other shapes ignore it)
inline constexpr Param gainDb{"gainDb", "dB", -48, 48, false, false, false, 0};
}  // namespace eq

namespace compressor {
// detector level above which gain is reduced
inline constexpr Param thresholdDb{"thresholdDb", "dB", -120, 0, false, false, false, -18};
// input dB over the threshold per output dB (1 = no compression)
inline constexpr Param ratio{"ratio", "", 1, 1000, false, false, false, 2};
// full width of the soft knee centred on the threshold (0 = hard knee)
inline constexpr Param kneeDb{"kneeDb", "dB", 0, 48, false, false, false, 6};
// time constant of the gain reduction rising
inline constexpr Param attackMs{"attackMs", "ms", 0.01, 2000, false, false, false, 10};
// time constant of the gain reduction falling back
inline constexpr Param releaseMs{"releaseMs", "ms", 0.01, 10000, false, false, false, 100};
// gain after compression
inline constexpr Param makeupDb{"makeupDb", "dB", -48, 48, false, false, false, 0};
// averaging time constant of the RMS detector (when rms is on)
inline constexpr Param rmsWindowMs{"rmsWindowMs", "ms", 0.01, 1000, false, false, false, 10};
// detector high-pass (2nd-order Butterworth; 0 = off; 100 keeps the bass from pumping the mix)
inline constexpr Param sidechainHighpassHz{"sidechainHighpassHz", "Hz", 0, 2000, false, false, false, 0};
// wet fraction: below 1 blends the dry signal back (parallel compression)
inline constexpr Param mix{"mix", "", 0, 1, false, false, false, 1};
}  // namespace compressor

namespace gate {
// the gate opens when the key (sample peak, dBFS) exceeds this
inline constexpr Param thresholdDb{"thresholdDb", "dB", -120, 0, false, false, false, -50};
// gain while closed (-80 is about silence)
inline constexpr Param rangeDb{"rangeDb", "dB", -120, 0, false, false, false, -80};
// opening time constant
inline constexpr Param attackMs{"attackMs", "ms", 0.01, 1000, false, false, false, 1};
// the gate stays open this long after the key drops
inline constexpr Param holdMs{"holdMs", "ms", 0, 5000, false, false, false, 20};
// closing time constant
inline constexpr Param releaseMs{"releaseMs", "ms", 0.01, 10000, false, false, false, 100};
// the gate closes below thresholdDb minus this
inline constexpr Param hysteresisDb{"hysteresisDb", "dB", 0, 40, false, false, false, 4};
}  // namespace gate

namespace saturation {
// gain into the clipper; small-signal gain stays 1
inline constexpr Param driveDb{"driveDb", "dB", 0, 48, false, false, false, 6};
// gain after the clipper
inline constexpr Param outputDb{"outputDb", "dB", -48, 24, false, false, false, 0};
// wet fraction
inline constexpr Param mix{"mix", "", 0, 1, false, false, false, 1};
}  // namespace saturation

namespace delay {
// delay time
inline constexpr Param timeMs{"timeMs", "ms", 0.01, 4000, false, false, false, 375};
// fraction of each repeat fed back (below 1: the repeats die away)
inline constexpr Param feedback{"feedback", "", 0, 0.95, false, false, false, 0.35};
// one-pole low-pass in the feedback path so repeats darken (0, or at or above Nyquist: off)
inline constexpr Param highCutHz{"highCutHz", "Hz", 0, 192000, false, false, false, 8000};
// wet fraction (1 for a return bus)
inline constexpr Param mix{"mix", "", 0, 1, false, false, false, 1};
}  // namespace delay

namespace reverb {
// RT60 at low frequencies
inline constexpr Param decaySeconds{"decaySeconds", "s", 0.1, 30, false, false, false, 1.6};
// delay before the reverb starts
inline constexpr Param preDelayMs{"preDelayMs", "ms", 0, 500, false, false, false, 0};
// where the per-line low-pass starts darkening the tail (at or above Nyquist: no damping)
inline constexpr Param dampingHz{"dampingHz", "Hz", 0, 192000, true, false, false, 8000};
// wet fraction (1 for a return bus)
inline constexpr Param mix{"mix", "", 0, 1, false, false, false, 1};
}  // namespace reverb

namespace limiter {
// ceiling on the 8x-oversampled grid (recipes spell it ceilingDbtp; shub master derives it from targets down to -30
// dBTP, then lowers it to correct overshoot)
inline constexpr Param ceilingDb{"ceilingDb", "dBTP", -60, 0, false, false, false, -1};
// attack ramp (at least one sample at any rate)
inline constexpr Param lookaheadMs{"lookaheadMs", "ms", 0.1, 50, false, false, false, 3};
// upward recovery time constant
inline constexpr Param releaseMs{"releaseMs", "ms", 1, 5000, false, false, false, 80};
}  // namespace limiter

namespace masterChain {
// subsonic high-pass (4th-order Butterworth; 0 = off)
inline constexpr Param highpassHz{"highpassHz", "Hz", 0, 1000, false, false, false, 0};
// side level (stereo width; stereo only)
inline constexpr Param sideGainDb{"sideGainDb", "dB", -60, 24, false, false, false, 0};
// side high-pass (LR4) below which the image is mono (0 = off)
inline constexpr Param monoBassHz{"monoBassHz", "Hz", 0, 1000, false, false, false, 0};
}  // namespace masterChain

namespace multiband {
// low/mid crossover (below highHz)
inline constexpr Param lowHz{"lowHz", "Hz", 20, 20000, true, true, false, 200};
// mid/high crossover
inline constexpr Param highHz{"highHz", "Hz", 20, 20000, true, false, false, 3000};
}  // namespace multiband

namespace masterTail {
// gain before the limiter
inline constexpr Param gainDb{"gainDb", "dB", -120, 120, false, false, false, 0};
// cutoff of the 4th-order low-pass that finds the DC the limiter adds (its gain follows the larger polarity of
// asymmetric peaks); that slow part of its change is subtracted from its output
inline constexpr Param dcBlockHz{"dcBlockHz", "Hz", 0.5, 10, false, false, false, 2};
// output word length: 16 or 24-bit integer PCM, or 32-bit float (never dithered)
inline constexpr int kBitDepths[] = {16, 24, 32};
// TPDF dither of +-1 LSB, optionally noise-shaped (Wannamaker 3-tap F-weighted); integer outputs only
inline constexpr const char* kDitherModes[] = {"none", "tpdf", "tpdf-shaped"};
}  // namespace masterTail

namespace mixStrip {
// static fader and gain automation values (a recipe fader plus what the gain staging adds)
inline constexpr Param gainDb{"gainDb", "dB", -150, 48, false, false, false, 0};
// gain before the chain (the master's headroom trim)
inline constexpr Param trimDb{"trimDb", "dB", -96, 96, false, false, false, 0};
// pan position and pan automation values: -1 left, 0 centre, +1 right
inline constexpr Param pan{"pan", "", -1, 1, false, false, false, 0};
}  // namespace mixStrip

namespace mixSend {
// send level, linear (recipes give it in dB: levelDb)
inline constexpr Param gain{"gain", "", 0, 64, false, false, false, 1};
}  // namespace mixSend

namespace mixClip {
// item gain, linear
inline constexpr Param gain{"gain", "", 0, 64, false, false, false, 1};
}  // namespace mixClip

}  // namespace params
}  // namespace shub
// clang-format on
