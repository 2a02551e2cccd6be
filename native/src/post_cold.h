// Loops of analyze's post chain that run once per file over every frame and so were cold JavaScript (interpreted
// or baseline code, never worth TurboFan): the onsets engine's flux split and choke onsets, the tempo engine's drum
// and kick-snare envelopes, its harmonic novelty's sum and the downbeats' per-beat chroma sums (issue 12 point 8). The
// same arithmetic in the same order as the JavaScript they replace, so the results are the same to the last bit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shub::post {

// The onset flux's frame-major matrix of groups + 1 columns (n frames) split: the first `groups` columns into
// bands[n × groups] (rounded to float, as a Float32Array store does), the last into novelty[n].
template <class T>
void splitFlux(const T* x, size_t n, size_t groups, float* bands, double* novelty);

// x[0] + x[1] + … + x[n − 1] from +0, in that order.
template <class T>
double sumInOrder(const T* x, size_t n);

// out[i] = low[i] + w · high[i] for i < n (NaN where high has no value: JavaScript's undefined).
void drumEnvelope(const double* low, size_t n, const double* high, size_t highLength, double w, double* out);

// out[i] = low[i] / ml + mid[i] / mm for i < n, ml and mm the series' means (1 when 0 or NaN; NaN where mid has no
// value).
void kickSnareEnvelope(const double* low, size_t n, const double* mid, size_t midLength, double* out);

// Per beat i (n beats, frame numbers beats[i]) the sum of the chroma frames from beats[i] up to the next beat (the
// last beat: one frame, below `frames`), 12 pitch classes: out[i·12 + k] (out zeroed by the caller). chroma is
// frame-major (12 a frame, `length` values), read as JavaScript's `chroma[t * 12 + k] ?? 0` for t = f, f + 1, … < end:
// an index outside chroma or not an integer adds nothing.
template <class T>
void beatChromaSums(const T* chroma, size_t length, const double* beats, size_t n, double frames, double* out);

// The tempo engine's comb evidence on its BPM grid (b = minBpm, minBpm + step, … while b ≤ maxBpm + 1e-9, the same
// running sum): per b, max(0, Σ_k comb[k] · at(r, (k + 1) · 60 · frameRate / b)) as Math.max(0, ·) gives it, with
// at(r, lag) = r[i]·(1 − f) + r[i + 1]·f (i = ⌊lag⌋, f = lag − i; 0 from i + 1 = n on). bpm and score filled.
void combSalience(const double* r, size_t n, double frameRate, const double* comb, size_t m, double minBpm,
                  double maxBpm, double step, std::vector<double>& bpm, std::vector<double>& score);

// envelopeEvidence's contrast: the largest (from 0, as Math.max) over the grid's tempi of Σ_k comb[k] · (at(r, (k + 1)
// · L) − mean of r over lags ⌊(k + 0.5) · L⌋ … ⌈(k + 1.5) · L⌉) / Σ comb, L = 60 · frameRate / bpm (the mean from
// prefix sums of r in order; 0 for an empty range).
double combContrast(const double* r, size_t n, double frameRate, const double* comb, size_t m, const double* bpm,
                    size_t count);

// The key engine's chord-loop period (key/index.ts loopPeriod) over the block-wise chord labels label[0, n) (−1 where
// none sounds, else 0…23) from block `first`: the shortest lag from max(1, ⌈minLag⌉) up to (n − first) / 2 at which
// the chords seen so far in label[first, first + lag) are two or more and the agreement (labelled pairs b, b + lag
// with b ≥ first carrying the same label, over the labelled pairs; 0 without any) is not below minSimilarity, then
// the lag among it and the next three (within the same bound) with the most agreement, the first on ties; 0 when no
// lag qualifies. The same comparisons and divisions as the JavaScript, so the same lag.
double loopPeriod(const int16_t* label, size_t n, size_t first, double minLag, double minSimilarity);

// The onsets engine's choke onsets (onsets/index.ts chokeOnsets) over the band energies x (frame-major, `bands` a
// frame, n = ⌊length / bands⌋ frames, linear power): per frame the sum (in double, in order) of the bands from b0 on;
// a frame f (ring ≤ f, f + span + hold < n) counts when its sum h is > 0 and ≥ level · the largest sum, when the sum
// at f + span and every frame after it up to f + span + hold is ≤ h · drop, when every frame of the ring before f is
// within [h · ringLow, h · ringHigh], and when at least fraction · (bands − b0) of the bands each have their largest
// value from f + span to f + span + hold ≤ bandDrop · their value at f. Its start: the last frame before f + span
// whose sum is ≥ h · within1Db, moving on from f; one start a fall (a start less than 4 frames after the last kept is
// dropped). The starts, ascending, in `starts`. The same comparisons as the JavaScript it replaced.
template <class T>
void chokeStarts(const T* x, size_t n, size_t bands, size_t b0, size_t span, size_t hold, size_t ring, double drop,
                 double ringHigh, double ringLow, double bandDrop, double fraction, double level, double within1Db,
                 std::vector<double>& starts);

}  // namespace shub::post
