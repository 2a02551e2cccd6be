// Numeric kernels of analyze's post-processing (issue 12 point 8): the loops over a file's onset envelope, fine
// energy envelope, onset flux and pitch-class blocks that the onsets, tempo and key engines (src/engines/*) ran in
// JavaScript. The engines keep every decision and parameter; these only compute. Each series is read as float or
// double (the feature report's Float32Arrays, the engines' Float64Arrays) and summed in the order the engines
// summed it, so that results are the same to the last bit; comparisons that went through a logarithm compare the
// ratios instead (the logarithm is monotonic).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

namespace shub::post {

// JavaScript's Math.max(a, b) of two doubles: NaN if either is, +0 over −0 (kernels that must match the engines).
inline double jsMax(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
  if (a == b) return std::signbit(a) ? b : a;
  return a > b ? a : b;
}

// The value at rank k (0-based) of x[0, n) in ascending order (selection on a copy; from 8192 values on, on the values
// between two ranks of a sample that bound rank k, when they do and x holds no NaN and no −0); NaN for n = 0.
template <class T>
double kth(const T* x, size_t n, size_t k);

// The value at rank floor(q·(n − 1)) of x[0, n) (the engines' `quantile` 'lower' rule); NaN for n = 0.
template <class T>
double quantileLower(const T* x, size_t n, double q);

// Normalized autocorrelation r[0..maxLag] of x − mean(x) (r[lag] = 0 beyond n − 1; unnormalized when r[0] ≤ 0).
template <class T>
std::vector<double> autocorrelation(const T* x, size_t n, size_t maxLag);

// Lags [lo, hi] of the same autocorrelation (hi ≥ lo), equal to autocorrelation's to the bit (each lag its own sum).
template <class T>
std::vector<double> autocorrelationLags(const T* x, size_t n, size_t lo, size_t hi);

// Ellis's dynamic-programming beat tracker on odf / σ(odf): score[t] = local[t] + max(0, max over τ in
// [t − hi, t − lo] of score[τ] − penalty[t − τ]) with hi = penalty.size() − 1; the path back from the best score
// within the last ceil(period) frames. Beat frames, ascending.
template <class T>
std::vector<int32_t> trackBeats(const T* odf, size_t n, double period, const std::vector<double>& penalty, int lo);

// Harmonic novelty per frame (frames values): 1 − cosine of the summed chroma of the w frames before and the w
// frames from t on, for w ≤ t ≤ n − w (n = min(frames, chroma frames)); 0 elsewhere.
template <class T>
std::vector<double> harmonicNovelty(const T* chroma, size_t chromaFrames, size_t frames, size_t w);

// tempo's beat-synchronous profile: per fraction f, the mean over consecutive beat pairs of the maximum of odf (from 0,
// as Math.max) within ± halfWidth frames of Math.round(b[i] + f·(b[i+1] − b[i])); 0 for fewer than two beats.
template <class T>
std::vector<double> beatProfile(const T* odf, size_t n, const std::vector<double>& beats,
                                const std::vector<double>& fractions, int64_t halfWidth);

// tempo's tonal onset envelope (frames values): per frame t ≥ 1 the rise of log1p(chroma / m) over the frame before,
// summed over the pitch classes above the mean rise (m the mean chroma of the first n = min(frames, chroma frames)
// frames); JavaScript's order of operations, the C library's log1p (within an ulp or so of V8's Math.log1p). Empty
// optional when m is not > 0.
template <class T>
bool tonalEnvelope(const T* chroma, size_t chromaFrames, size_t frames, std::vector<double>& out);

// Local maxima of odf (± maxW, the first of equal values) with odf[t] > 0 and odf[t] ≥ median(odf[t ± avg]) + delta,
// at least minGap apart (the larger of two closer ones kept).
template <class T>
std::vector<int32_t> pickPeaks(const T* odf, size_t n, double delta, int avg, int maxW, int minGap);

// The tick in [fromTick, toTick) where Σ fine[i, i + span) + f most exceeds (as a ratio) the largest such sum
// within [i − back, i − span], plus f (f = floor · span); back = max(span, lookback). `fromTick` clamped when none.
template <class T>
int64_t steepestRise(const T* fine, size_t n, int64_t fromTick, int64_t toTick, int64_t span, double floor,
                     int64_t lookback);

// Ticks where the span sum rises by riseRatio (10^(fineRiseDb/10)) over the largest span sum within [i − back,
// i − span] plus 1 % of the level floor (levelRatio × the loudest tick within ± ctx, × span), each the largest
// rise within ± gap (ties: the first). Ascending.
template <class T>
std::vector<int32_t> fineRises(const T* fine, size_t n, int64_t span, int64_t lookback, double riseRatio,
                               double levelRatio, int64_t ctx, int64_t gap);

// The onsets engine's attack start of the hit whose steepest rise is at tick `rise`: from lo = max(0, rise − 2·span),
// the first tick whose energy reaches background + ratio · (peak − background) (background: the largest tick of the
// `lookback` before lo, from 0; peak: the largest of the `attack` from rise), interpolated in amplitude across the
// tick before (fractional ticks); the rise itself when the peak is not above the background. Then, with
// backtrackTicks > 0, backtrackStart. Math.max/min's rules throughout.
template <class T>
double attackStart(const T* fine, size_t n, int64_t rise, int64_t span, int64_t attack, double ratio, int64_t lookback,
                   int64_t backtrackTicks, double backtrackRatio);

// A slow attack's start: from `start` back along the rise while the energy over ± 1 tick (0 beyond the ends) falls
// tick by tick and stays at or above 3 · ratio · the largest of the `attack` ticks from `rise`, at most `ticks` back
// (not below tick 1); then the first tick above twice the one before that valley, else `start`.
template <class T>
double backtrackStart(const T* fine, size_t n, double start, int64_t rise, int64_t attack, int64_t ticks, double ratio);

// The onsets engine's band rises (bandRises): for a frame-major matrix of `bands` columns (n = floor(len / bands)
// frames), out[b·n + f] = max(0, max(0, values of frames f+1..f+3 in band b) − value of frame max(0, f − 3)), in
// JavaScript's Math.max order (NaN propagates, +0 over −0). out holds bands · n doubles.
template <class T>
void bandRises(const T* values, size_t len, size_t bands, double* out);

// The onsets engine's echo model, its delay search (echoLines): `rise` holds bands columns of n frames (band b at
// [b·n, (b + 1)·n)). Per band its sources: the frames[k] (in their order) within [0, n) whose rise reaches srcFraction
// × scales[b] where scales[b] > 0, at most maxSources of them spread over the file (every step-th, step = max(1,
// count / maxSources) taken as floor(k) for k = 0, step, 2·step, …). With at least minSources, per delay d in [lo, hi]
// the ratios m3(f + d) / rise(f) over the sources f in order (stopping at the first with f + d + 1 ≥ n; a source with
// f − d ≥ 1 and rise(f) ≤ maxGain × m3(f − d) skipped), m3 the largest of ± 1 frame (Math.max's rules); with at least
// minSources ratios, median[(d − lo)·bands + b] is their rank floor((m − 1) / 2) and gain[…] their rank min(m − 1,
// floor(q·(m − 1))) (the gain's rank selected within the median's partition; with a NaN the ratios sorted as
// Float64Array.prototype.sort, NaN last; of −0 and +0 either may be returned). Both (hi − lo + 1) × bands values, NaN
// where not set.
void echoRanks(const double* rise, size_t n, size_t bands, const double* scales, const int32_t* frames, size_t count,
               int64_t lo, int64_t hi, double srcFraction, double maxGain, double q, size_t maxSources,
               size_t minSources, double* gain, double* median);

// Column g of a frame-major matrix with `groups` columns (n = floor(len / groups) frames), each value / divisor.
template <class T>
std::vector<double> column(const T* values, size_t len, size_t groups, size_t g, double divisor);

// The columns of a frame-major matrix (`groups` columns) on a coarser frame grid, as tempo's fluxOnFrames: matrix
// frame j goes to frame i = round(j · ratio) (JavaScript's Math.round: halves up) while i < frames, each frame the
// largest value of those it takes (Math.max, from 0); then each column divided by its mean over the frames (summed
// in ascending order) when that is above 0. groups vectors of `frames` values.
template <class T>
std::vector<std::vector<double>> onFrames(const T* values, size_t len, size_t groups, size_t frames, double ratio);

// Power mean of order `power` over the columns, each scaled by inv[g]: (Σ_g (v·inv[g])^power / groups)^(1/power).
template <class T>
std::vector<double> powerMean(const T* values, size_t len, size_t groups, const double* inv, double power);

// Each 120-bin block of profiles (blocks of them) folded to 12 pitch classes by weights[bin·12 + pc] (zero bins
// skipped, pitch classes summed bin by bin). blocks × 12 values.
template <class T>
std::vector<double> foldProfiles(const T* profiles, size_t blocks, const double* weights);

// odf / σ(odf) + weight · low / σ(low) (σ: the standard deviation, 1 when it is 0; low beyond its end: 0).
template <class T, class U>
std::vector<double> withLowBand(const T* odf, size_t n, const U* low, size_t lowN, double weight);

// How the onsets engine places a peak frame's onset (seconds, ticks, ratios): its window [center − before, center +
// after], the steepest rise's span, floor (floorRatio × the window's loudest tick) and lookback, attackStart's
// attack, ratio and backtrack.
struct Placement {
  double hopSeconds, tickSeconds, before, after;
  int64_t span;
  double floorRatio;
  int64_t lookback, attack;
  double ratio;
  int64_t backtrackTicks;
  double backtrackRatio;
};

// The onset time (s, ≥ 0) of each peak frame (the onsets engine's placePeaks without its merge): the steepest
// rise of fine within the frame's window, with the floor above, placed at attackStart's tick. NaN where the rise
// lies beyond fine (an empty envelope).
template <class T>
std::vector<double> placeRises(const T* fine, size_t n, const int32_t* peaks, size_t count, const Placement& o);

// The onsets engine's washRises: for each peak frame p, how far the flux rises above a sustained wash — the largest,
// over the columns whose peak max(col[p − 1], col[p], col[p + 1]) (0 beyond a column's ends) is at least
// dominant × the largest such peak of all columns, of (peak − m) / max(madFloor, mad), m the median of col[lo, hi)
// and mad the median of |col − m| there (lo = max(0, p − back), hi = p − gap; an even count's median is the mean of
// its two middle values); Infinity where hi − lo < 3. Math.max's rules (NaN wins, +0 over −0) throughout.
std::vector<double> washRises(const std::vector<std::pair<const double*, size_t>>& cols, const int32_t* peaks,
                              size_t count, int64_t back, int64_t gap, double madFloor, double dominant);

// The key engine's chord scores of n blocks (chroma and bass: 12 values per block; sounding / hasBass: 1 where the
// block has that profile): each sounding block's score for chord k is the best dot / √(Σ chroma²) over the chord's
// counts[k] templates (templates[(k · maxT + j) · 12 + i], unit length; 0 when the chroma is all 0), plus, where the
// block has a bass profile summing to bt > 0 and bassWeight > 0, bassWeight · (bass[root] + inversionBass ·
// (bass[third] + bass[fifth])) / bt (tones[k · 3 + 0, 1, 2]); silent blocks score 0. n × K values, block-major.
std::vector<double> chordEmissions(const double* chroma, const uint8_t* sounding, const double* bass,
                                   const uint8_t* hasBass, size_t n, const double* templates, const int32_t* counts,
                                   size_t maxT, const int32_t* tones, size_t K, double bassWeight,
                                   double inversionBass);

// The best path through n × K scores (em[b · K + k]) with switchPenalty per change (Viterbi; staying wins a tie, the
// first best state on ties). n state indices.
std::vector<int32_t> viterbi(const double* em, size_t n, size_t K, double switchPenalty);

// The tempo engine's bar-repeat similarity: each beat i < beatCount − 1 a row of the bands' largest value within
// ± halfWidth frames of round(beats[i] + f · (beats[i + 1] − beats[i])) (Math.round; Math.max from 0) for each
// fraction f, band-major; per lag k, the mean over i of the cosine of rows i and i + k (1 when either is all 0; 1 for
// no pairs). One value per lag.
std::vector<double> barRepeat(const std::vector<std::pair<const double*, size_t>>& bands, const double* beats,
                              size_t beatCount, int64_t halfWidth, const double* fractions, size_t fractionCount,
                              const int32_t* lags, size_t lagCount);

// tempo's snare hits (snareHits): per frame t of n = floor(len / bands) the power of each region (region[b]: 0 sub,
// 1 body, 2 noise, 3 air, −1 none; the bands' values summed in ascending band order from +0) and its rise max(0,
// x[t] − x[t − lag]) (from t = lag; Math.max's rules); mb and mn the body and noise rises' means over the n frames (1
// when 0 or NaN, as `|| 1`). Each candidate lag ≤ t < n − hold with body and noise rises b, z > 0 has the activity
// √((b / mb)·(z / mn)) · purity · z / (z + air rise) · (sustain + stickWeight · (1 − sustain)), where sustain =
// ramp(p[t + hold] / peak, sustainLow, sustainFull) with peak = Math.max(p[t], p[t + 1], p[t + 2]) (p the noise power,
// NaN beyond its end; sustain 0 unless peak > 0), ramp(x, lo, full) = Math.max(0, Math.min(1, (x − lo) /
// Math.max(1e-9, full − lo))), and purity = ramp(10·log10(r), lowDb, fullDb), r = b / Math.max(1e-30, sub rise). The
// purity is set here where the ramp settles it without the logarithm (0 for r below 10^(lowDb/10) less a margin of
// 1e-9, 1 above 10^(fullDb/10) plus it, when fullDb − lowDb ≥ 1e-9); `purity` is called once (when any are left)
// with the others' r, in frame order, to overwrite each with its purity (JavaScript's Math.log10). frames and
// activity get the candidates whose activity is > 0 and the largest within ± hold frames (the first of equal ones),
// ascending. Nothing of n values is kept: each frame's powers are summed again where they are read.
template <class T>
void snareHits(const T* values, size_t len, size_t bands, const int32_t* region, int64_t lag, int64_t hold,
               double lowDb, double fullDb, double sustainLow, double sustainFull, double stickWeight,
               const std::function<void(std::vector<double>&)>& purity, std::vector<int32_t>& frames,
               std::vector<double>& activity);

}  // namespace shub::post
